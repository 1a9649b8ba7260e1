"""Whose position a statement expresses: the holder, settled once its stances are known.

Attribution (``analysis.attribution``) finds who speaks (``voice_side``, ``speaker_type``, ``mode``), whose
position a clause states (``position_side``: the subject of "maintains", "demands", "wants" ...) and the
sentence's subject (``subject_side``). The stance tagger finds the stances and the cue matches behind them.
What a stance or a cue implies about the holder is codebook data (``Codebook.holder_implications``), never
code: a stance's ``default_holder``, its ``holder_from_position`` (whether the subject of a position
predicate holds it), a cue's ``holder`` (the side whose claim or demand it words).

The rule, in order (``resolve_holder``); a *side* here is russia, japan or us:

1. **Position predicate.** When ``position_side`` is a side, it holds the statement's position, unless every
   stance of the statement has ``holder_from_position: false``. If a matched cue names another side, the
   statement states two positions: ``both`` ("Russia considers the islands its own, while Japan ... wants
   them back").
2. **Reported inside a turn.** A statement of a transcript turn that reports the other side's words
   ("Russia has said that the exchanges cannot proceed ..." in the Japanese minister's answer;
   ``reported_side``) states that side's position, with a stance or without; a question does not ("Mr
   Ambassador, how would you describe ...?" only asks, rule 3).
2b. **A shared document.** A statement telling what a document both sides signed says, in the words of a
   stance such a document states ("Under the 1956 declaration, Moscow agreed to hand over Shikotan and the
   Habomai islets after a peace treaty"), states the order both sides agreed: ``both`` (the codebook's
   ``shared_documents`` section), unless its voice is the side that holds the stance by default (a Russian
   official citing the declaration states Russia's treaty-first line). Coders of sets 15-24 gave such
   statements both 40 times in 51 (docs/evaluation.md, "Fourteenth round"). So does a statement that points
   back to the document the statement before it names ("That document promised the handover of Shikotan and
   the Habomai islets once a peace treaty was signed"; the section's ``pointing_back``).
3. **No stance.** A statement without a stance still expresses the view of a side's official who speaks in
   it (quoted or reported; not a newspaper or other media), unless it says nothing of a view: it only
   withholds comment, greets or announces procedure (the codebook's ``no_view`` section), asks a question in
   a transcript or interview (a question only asks, as GUIDE.md codes a journalist's; a question quoted in a
   news story is the speaker's chosen words and keeps the rule), belongs to a transcript turn on another
   topic (``off_topic``, ``analysis.turns``), or its words read as a fact, a figure or procedure rather than
   a view (``ViewWords``: word weights learned from the coded dev parts, where coders gave a side's
   speaker's neutral facts and schedules holder ``none``); otherwise ``none``. The outlet's own narration
   of what a side does or thinks ("Moscow pocketed the concession and moved the goalposts", "The timing has
   added to unease in Tokyo") expresses the view of its subject's side when the view words read it as a
   view, weighing "narration" in place of the genre (``NARRATION``); coders gave a side to about three in ten
   such statements (docs/evaluation.md, "Fourteenth round").
4. **Cue holders.** The sides the matched cues name: the one, or ``both``.
5. **Voice.** The voice's side, when it is a side.
6. **Sides in the spans.** The side named inside the matched spans ("Russia's sovereignty"), when exactly one
   is (a span naming both names none).
7. **Subject.** In narration, the side of the sentence's subject.
8. **Defaults.** The stances' default holders when they agree; else ``both``.
9. **Who can hold it.** A stance whose codebook entry lists its ``holders`` is held only by those sides: a
   holder the rules above gave that is not among them gives way to the default holder. A Japanese minister
   telling that "Russia unilaterally announced the suspension, blaming it on the measures taken by Japan"
   states Russia's complaint, not Japan's; "Russia quits peace talks with Japan over sanctions" names Japan
   only as the side that imposed them. Coders of real-genre sets 1-27 gave the sanctions stance, coded alone,
   to Russia 975 times in 988, the territory-first stance to Japan or both 1,165 times in 1,172 and the
   treaty-first stance to Russia or both 573 times in 576 (docs/evaluation.md, "Seventeenth round").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .codebook import Codebook, HolderImplications
from .turns import QUESTION_HEADING_WORDS
from .vocab import PARTIES, side_word_regex

# The words that name a side inside a matched span (rule 5), in any case and as the start of a word.
_SIDE_WORDS = [(side, side_word_regex(side, ignore_case=True, whole_word=False)) for side in ("japan", "russia")]


def side_named_in(span: str) -> str:
    """The one side a matched span names, or "" (rule 5).

    >>> side_named_in("Russia's sovereignty over the islands"), side_named_in("Japan and Russia")
    ('russia', '')
    """
    sides = [side for side, words in _SIDE_WORDS if words.search(span)]
    return sides[0] if len(sides) == 1 else ""


# The words of a statement as scikit-learn's CountVectorizer reads them: lower case, runs of two or more
# word characters.
_WORD = re.compile(r"\b\w\w+\b")


def statement_words(text: str) -> set[str]:
    """The distinct words of a statement (``ViewWords`` reads whether each occurs, not how often)."""
    return set(_WORD.findall(text.lower()))


def statement_terms(text: str) -> set[str]:
    """The distinct words of a statement and the pairs of neighbouring words ("no comment", "we regret"), as
    scikit-learn's CountVectorizer forms them with ``ngram_range=(1, 2)``: a pair joins two words with a space."""
    words = _WORD.findall(text.lower())
    return set(words).union(f"{first} {second}" for first, second in zip(words, words[1:]))


@dataclass(frozen=True)
class ViewWords:
    """Whether a stance-free statement of a side's speaker states that side's view or only a fact, a figure or
    procedure (rule 3): a logistic regression on which words the statement contains, learned from coded
    statements. Coders split such statements about evenly ("About 5,500 former islanders are alive": none;
    "We will not take such protests into consideration": the speaker's side), and no short word list told
    them apart across sets (``docs/evaluation.md``); the learned weights raised holder_side on six of seven
    test parts and left the seventh as it was.

    The document's genre counts as one more word ("genre=transcript"): coders gave a side to about half the
    stance-free statements of transcripts and statements and to about three in four of news quotes and
    interview answers, and the genre raised leave-one-set-out accuracy over the real-genre sets
    (``docs/evaluation.md``, "Ninth round").

    The outlet's own narration (``genre`` ``NARRATION``) is read by a model of its own, ``narration``, learned
    from the coded narration without a stance and whether coders gave it a side: its words mean other things
    ("has stepped up", "pocketed") than a speaker's, and one model for both read the speakers' statements worse
    (docs/evaluation.md, "Fourteenth round").

    The speakers' model also weighs pairs of neighbouring words ("no comment", "we regret", "will continue"):
    over five folds of whole sets it read the speakers' stance-free statements better than words alone, the
    narration's model did not (docs/evaluation.md, "Seventeenth round").

    ``weights``: each word's or pair's weight and ``bias`` the intercept, in millionths, so that a sum is exact
    in any order (the column version in ``_fast.view_scan`` adds them in another order). A statement states a
    view when bias plus the weights of its distinct words and pairs (``statement_terms``) and its genre is above
    zero; a word or pair never seen in training weighs 0.
    """

    weights: dict
    bias: int
    narration: "ViewWords | None" = None

    # The regularisation (scikit-learn's C) chosen by leave-one-set-out over the real-genre sets
    # (docs/evaluation.md), for the speakers' statements and for the narration; words seen in fewer training
    # statements than MIN_STATEMENTS are left out.
    STRENGTH = 0.3
    NARRATION_STRENGTH = 1.0
    MIN_STATEMENTS = 2

    @classmethod
    def settings(cls) -> dict:
        """What a fit depends on besides the training data (``_fast.fitted_partner`` keys its cache by it)."""
        return {"model": "ViewWords", "C": cls.STRENGTH,
                "words": f"binary min_df {cls.MIN_STATEMENTS}, pairs of words for the speakers' statements",
                "context": "genre", "narration C": cls.NARRATION_STRENGTH}

    @classmethod
    def fit(cls, texts, says_view, genres) -> "ViewWords":
        """Learned from statements (``texts``), their documents' ``genres`` (``NARRATION`` for the outlet's
        narration) and whether coders gave each its speaker's side, or any side (``says_view``)."""
        rows = list(zip(texts, says_view, genres))
        spoken = [row for row in rows if row[2] != NARRATION]
        narrated = [row for row in rows if row[2] == NARRATION]
        weights, bias = cls._fitted(spoken, cls.STRENGTH, pairs=True)
        narration = cls(*cls._fitted(narrated, cls.NARRATION_STRENGTH, pairs=False)) if narrated else None
        return cls(weights, bias, narration)

    @classmethod
    def _fitted(cls, rows, strength: float, pairs: bool) -> tuple[dict, int]:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression

        vectorizer = CountVectorizer(binary=True, min_df=cls.MIN_STATEMENTS, analyzer=lambda words: words)
        terms = statement_terms if pairs else statement_words
        words = [[*terms(text), genre_word(genre)] for text, _, genre in rows]
        model = LogisticRegression(C=strength, max_iter=2000).fit(vectorizer.fit_transform(words),
                                                                  [bool(view) for _, view, _ in rows])
        words = vectorizer.get_feature_names_out().tolist()
        return ({word: round(weight * 1e6) for word, weight in zip(words, model.coef_[0].tolist())},
                round(float(model.intercept_[0]) * 1e6))

    def says_view(self, text: str, genre: str = "") -> bool:
        """Whether ``text``, of a document of ``genre``, reads as a view (the plain rule; ``_fast.view_scan`` is
        its column version); the outlet's narration (``NARRATION``) is read by ``narration``, never without it."""
        if genre == NARRATION and self.narration is not None:
            return self.narration.says_view(text, genre)
        return self.bias + self.weights.get(genre_word(genre), 0) + sum(
            self.weights.get(term, 0) for term in statement_terms(text)) > 0


# What the view words weigh in place of a document's genre for the outlet's narration (rule 3).
NARRATION = "narration"


def genre_word(genre: str) -> str:
    """The genre as ``ViewWords`` weighs it: a word no statement can hold ("genre=news"; "=" is no word
    character)."""
    return f"genre={genre or 'news'}"


def asks_in_a_turn(text: str, genre: str) -> bool:
    """Whether a statement is a question asked in a transcript or interview, or a short question heading a
    section of a statement, a ministry's page of questions and answers (rule 3)."""
    if genre not in ("transcript", "interview", "statement") or not text.rstrip(" \"'”’»)").endswith("?"):
        return False
    return genre != "statement" or len(text.split()) <= QUESTION_HEADING_WORDS


def resolve_holder(stances, *, mode: str, voice_side: str, position_side: str, subject_side: str,
                   speaker_type: str, cue_holders, span_sides, implications: HolderImplications,
                   text: str = "", before: str = "", reported_side: str = "", off_topic: bool = False,
                   asks: bool = False,
                   views: ViewWords | None = None, genre: str = "") -> str:
    """Whose position a statement expresses, by the rule of the module docstring.

    Args:
        stances: the statement's stance ids.
        mode, voice_side, position_side, subject_side, speaker_type: its attribution columns.
        cue_holders: the ``holder`` of each matched cue that has one.
        span_sides: ``side_named_in`` of each matched span.
        implications: ``Codebook.holder_implications``.
        text: the statement (rule 3 reads it for a view withheld).
        before: the statement before it in its article, for one that points back to a document (rule 2b).
        reported_side: the side whose words a turn's statement reports (rule 2), or "".
        off_topic: whether the statement belongs to a transcript turn on another topic (rule 3).
        asks: whether the statement is a question asked in a transcript or interview (``asks_in_a_turn``),
            which asks only (rule 3).
        views: the view words, if any, that read whether a stance-free statement states a view (rule 3).
        genre: the genre of the statement's document, which the view words weigh.
    Returns:
        russia, japan, us, both or none.
    """
    holder = _by_the_rules(stances, mode=mode, voice_side=voice_side, position_side=position_side,
                           subject_side=subject_side, speaker_type=speaker_type, cue_holders=cue_holders,
                           span_sides=span_sides, implications=implications, text=text,
                           before=before, reported_side=reported_side, off_topic=off_topic, asks=asks, views=views,
                           genre=genre)
    return held_by_whom_it_can(stances, holder, implications)


def held_by_whom_it_can(stances, holder: str, implications: HolderImplications) -> str:
    """Rule 9: a holder that one of the statement's stances cannot have gives way to their default holders (the one
    they agree on, else ``both``). A stance whose codebook entry lists ``holders`` is held only by those; the
    rule applies when every stance of the statement lists them.
    """
    if not stances or any(stance not in implications.holders for stance in stances):
        return holder
    if all(holder in implications.holders[stance] for stance in stances):
        return holder
    defaults = sorted({implications.default_holder[s] for s in stances if implications.default_holder.get(s)})
    return defaults[0] if len(defaults) == 1 else "both"


def _by_the_rules(stances, *, mode, voice_side, position_side, subject_side, speaker_type, cue_holders,
                  span_sides, implications, text, before, reported_side, off_topic, asks, views, genre) -> str:
    """Rules 1-8 of the module docstring."""
    named = sorted(set(cue_holders))
    from_position = not stances or any(implications.from_position.get(s, True) for s in stances)
    if position_side in PARTIES and from_position:
        return "both" if any(side != position_side for side in named) else position_side
    if reported_side in PARTIES and not asks:
        return reported_side
    if implications.tells_shared_document(stances, text, before) and voice_side not in {
            implications.default_holder.get(stance) for stance in stances}:
        return "both"
    if not stances:
        if (voice_side in PARTIES and mode != "narration" and speaker_type != "media" and not off_topic
                and not asks and not implications.states_no_view(text)
                and (views is None or views.says_view(text, genre))):
            return voice_side
        if (mode == "narration" and subject_side in PARTIES and views is not None and views.narration is not None
                and not implications.states_no_view(text) and views.says_view(text, NARRATION)):
            return subject_side
        return "none"
    if named:
        return named[0] if len(named) == 1 else "both"
    if voice_side in PARTIES:
        return voice_side
    sides = sorted({side for side in span_sides if side})
    if len(sides) == 1:
        return sides[0]
    if subject_side in PARTIES and mode == "narration":
        return subject_side
    defaults = sorted({implications.default_holder[s] for s in stances if implications.default_holder.get(s)})
    return defaults[0] if len(defaults) == 1 else "both"


def holder_column(statements, stances, evidence, codebook: Codebook, views: ViewWords | None = None) -> list[str]:
    """``resolve_holder`` of every statement of an attributed table, given its stances and evidence (items
    with ``cue`` and ``text``, as ``stance.Evidence``); ``views``, if given, reads which stance-free statements
    of a side's speaker state a view (rule 3)."""
    implications = codebook.holder_implications
    cue_holder = implications.cue_holder
    span_side: dict[str, str] = {}   # a cue matches the same few words again and again
    # Without a stance the holder depends on the five attribution columns, and on the text only where rule 3
    # gives the voice's side: resolved once per combination, and the texts read together at the end, each
    # distinct statement once (``_fast.no_view_scan``).
    without_stance: dict[tuple, str] = {}
    with_stance: dict[tuple, str] = {}
    no_view: dict[tuple[str, str], bool] = {}       # (text, genre) -> whether it states no view
    holders = []
    columns = [statements[c].tolist() for c in ("mode", "voice_side", "position_side", "subject_side", "speaker_type")]
    texts = statements["text"].tolist()
    reported_sides = (statements["reported_side"].tolist() if "reported_side" in statements
                      else [""] * len(statements))
    off_topics = statements["off_topic"].tolist() if "off_topic" in statements else [False] * len(statements)
    genres = statements["genre"].tolist() if "genre" in statements else [""] * len(statements)
    articles = statements["article_id"].tolist() if "article_id" in statements else [""] * len(statements)
    for number, (row_stances, row_evidence, text, reported, off_topic, genre, mode, voice, position, subject,
                 speaker_type) in enumerate(zip(stances, evidence, texts, reported_sides, off_topics, genres, *columns)):
        if not row_stances and not row_evidence:
            holders.append(_stance_free_holder(text, genre, (mode, voice, position, subject, speaker_type),
                                               reported, off_topic, implications, views, without_stance, no_view))
            continue
        # With a stance the holder depends on the statement (its cue matches, a shared document it names) and its
        # attribution columns: resolved once per combination (a wire's background paragraph recurs word for word).
        # (the statement before counts only for one that points back to a document it may name, rule 2b)
        before = (texts[number - 1] if number and articles[number - 1] == articles[number]
                  and any(pattern.search(text) for pattern in implications.pointing_back) else "")
        key = (text, before, tuple(row_stances), mode, voice, position, subject, speaker_type, reported)
        if key not in with_stance:
            for e in row_evidence:
                if e.text not in span_side:
                    span_side[e.text] = side_named_in(e.text)
            with_stance[key] = resolve_holder(
                row_stances, mode=mode, voice_side=voice, position_side=position, subject_side=subject,
                speaker_type=speaker_type, cue_holders=[cue_holder[e.cue] for e in row_evidence if e.cue in cue_holder],
                span_sides=[span_side[e.text] for e in row_evidence], implications=implications,
                text=text, before=before, reported_side=reported)
        holders.append(with_stance[key])
    if no_view:
        holders = _views_read(holders, list(no_view), implications, views)
    return holders


def _stance_free_holder(text: str, genre: str, attribution: tuple, reported: str, off_topic: bool,
                        implications: HolderImplications, views: ViewWords | None, resolved: dict, no_view: dict):
    """The holder of a statement without a stance (rule 3): resolved once per combination of its attribution
    columns (``resolved``), or (side, (text, genre)) when the side holds it only if its words state a view, which
    ``_views_read`` reads for all such statements at once (``no_view`` collects them)."""
    mode, voice, position, subject, speaker_type = attribution
    asks = asks_in_a_turn(text, genre)
    key = (*attribution, reported, off_topic, asks)
    if key not in resolved:
        resolved[key] = resolve_holder(
            (), mode=mode, voice_side=voice, position_side=position, subject_side=subject,
            speaker_type=speaker_type, cue_holders=(), span_sides=(), implications=implications,
            reported_side=reported, off_topic=off_topic, asks=asks)
    holder = resolved[key]
    if holder in PARTIES and position not in PARTIES and reported not in PARTIES:
        no_view[text, genre] = False
        return holder, (text, genre)
    if (holder == "none" and views is not None and views.narration is not None and mode == "narration"
            and subject in PARTIES and position not in PARTIES and reported not in PARTIES):
        no_view[text, NARRATION] = False      # the narration of a side's doings: the subject's, if a view
        return subject, (text, NARRATION)
    return holder


def _views_read(holders: list, read: list[tuple[str, str]], implications: HolderImplications,
                views: ViewWords | None) -> list[str]:
    """The holders with each (side, (text, genre)) settled: the side when the statement's words state a view and
    withhold nothing (the codebook's ``no_view``), else none; each distinct (text, genre) read once."""
    from ._fast.no_view_scan import no_view_flags   # the machinery imports this module's rule

    texts_read = [text for text, _ in read]
    flags = no_view_flags(texts_read, implications)
    if views is not None:
        from ._fast.view_scan import says_view_flags

        genres_read = [genre for _, genre in read]
        flags = [withheld or not view for withheld, view in zip(flags, says_view_flags(texts_read, views,
                                                                                         genres_read))]
    no_view = dict(zip(read, flags))
    return [("none" if no_view[h[1]] else h[0]) if isinstance(h, tuple) else h for h in holders]
