"""Two stance taggers: a transparent codebook (cue) tagger and a scikit-learn classifier.

``CodebookTagger`` tags a statement with the stances and frames of ``data/codebook.yaml`` and keeps its
evidence: which cue matched which span, and which matches were switched off. The rule, exactly as
``tag_statement`` applies it to one statement:

1. **Quote marks.** Curly apostrophes become straight ones and double quote marks and guillemets become
   spaces, so "the “return” of the islands" reads as the return of the islands. Every replacement keeps the
   length, so evidence offsets fit the statement.
2. **Matches.** A cue matches wherever its pattern does (Python's ``re``, ignoring case, left to right without
   overlap); an empty match counts for nothing.
3. **Scope.** The words a negator or hedge must stand in: the statement up to 120 characters before the
   match, from its last clause break on (``, ; : ( ) [ ] — –``, "but", "while", "whereas", "however"), its
   last ``negation.window`` words (6) joined by single spaces, with the codebook's cancels ("not give up")
   blanked out.
4. **Negation, avoidance and hedging.** In a statement that holds a negator, an avoidance word or a hedge
   somewhere, a match of a negatable stance cue with a negator in its scope, and a match of any stance cue
   with an avoidance word in its scope ("stopped short of calling them illegally occupied", "the so-called
   ..."), is *negated*; a match with a hedge in its scope is *hedged*. In any other statement no match is
   either.
5. **One count per span.** Within a stance, negated matches are switched off (kept as suppressed evidence);
   of the others, longest first (then the earlier start, then the codebook's order of cues), a match that
   overlaps one already kept is dropped. The kept ones, in text order, are the stance's evidence, hedged or
   not; the statement holds the stance when there is any. Stances come in the codebook's order.
6. **Frames.** A frame holds when any of its cues matches anywhere: a frame is a topic, negated or not, and
   keeps no evidence.

``tag_text`` applies the rule to one statement in plain Python. ``tag_texts`` and ``tag_columns`` give the
same result for a whole column of statements, fast enough for a corpus of a million
(``analysis/_fast/cue_scan.py``; ``tests/test_properties.py`` checks with hypothesis that both agree).
What a statement's stances say about its holder is settled after this, in ``analysis.holder``.

``StanceClassifier`` is a scikit-learn Pipeline (TF-IDF word and character n-grams into one-vs-rest logistic
regression with balanced class weights). It is retrained from the hand-coded annotations whenever it is
built; no model is ever loaded from disk.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from .codebook import NEGATION_WORDS, Codebook, CodebookError, Cue, load_codebook
from .context import inherit_stances
from .holder import ViewWords, asks_in_a_turn, holder_column
from .patterns import MatchClock, PatternTimeout, whole_word


class Evidence(NamedTuple):
    """One cue match. A named tuple, not a dataclass: a large corpus makes hundreds of thousands."""

    label: str
    cue: str
    start: int
    end: int
    text: str
    negated: bool = False
    hedged: bool = False

    def __str__(self) -> str:
        flag = " (hedged)" if self.hedged else ""
        return f"{self.label}:{self.cue}@{self.start}-{self.end}:'{self.text}'{flag}"


class StatementTags(NamedTuple):
    """What the codebook tagger finds in one statement."""

    stances: tuple
    frames: tuple
    evidence: tuple
    suppressed: tuple


# ------------------------------------------------------------------------------------------ 1. quote marks

QUOTE_MARKS = (("’", "'"), ("‘", "'"), ("“", " "), ("”", " "), ('"', " "), ("«", " "), ("»", " "))
_QUOTE_TABLE = str.maketrans(dict(QUOTE_MARKS))


def normalise_quotes(text: str) -> str:
    """Rule 1: straight apostrophes, quote marks as spaces (the length stays).

    >>> normalise_quotes("the “return” of Japan’s islands")
    "the  return  of Japan's islands"
    """
    return text.translate(_QUOTE_TABLE)


# ------------------------------------------------------------------------------- 3-4. scope and negation

# Greedy: matches up to the last clause break before a cue.
_LAST_CLAUSE_BREAK = re.compile(r".*(?:[,;:()\[\]—–]|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b)",
                                re.IGNORECASE | re.DOTALL)
SCOPE_CHARACTERS = 120


def word_pattern(words) -> re.Pattern | None:
    """One pattern for a list of negators, hedges or cancels: each word with ``\\b`` around it when it begins
    and ends with a letter or digit (``patterns.whole_word``), the words tried in the codebook's order."""
    parts = [rf"\b{word}\b" if whole_word(word) else word for word in words]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


class Negation:
    """The codebook's negation words, compiled: what negates or hedges a match (rules 3 and 4).

    ``compile_words`` turns a list of words into one pattern; the column scan passes a faster one that
    finds the same matches.
    """

    def __init__(self, codebook: Codebook, compile_words=word_pattern):
        self.window = codebook.negation_window
        self.negators = compile_words(codebook.negators)
        self.hedges = compile_words(codebook.hedges)
        self.cancels = compile_words(codebook.cancels)
        self.avoiders = compile_words(codebook.avoiders)
        self.negators_or_hedges = compile_words(codebook.negators + codebook.hedges + codebook.avoiders)

    def occurs_in(self, text: str) -> bool:
        """Whether a negator or hedge stands anywhere in the statement (rule 4)."""
        return bool(self.negators_or_hedges and self.negators_or_hedges.search(text))

    def scope(self, text: str, start: int) -> str:
        """The words before a match at ``start`` that a negator or hedge must stand in (rule 3)."""
        before = text[max(0, start - SCOPE_CHARACTERS):start]
        last_break = _LAST_CLAUSE_BREAK.match(before)
        if last_break:
            before = before[last_break.end():]
        words = before.split()
        scope = " ".join(words[-self.window:]) if self.window else ""
        return self.cancels.sub(" ", scope) if self.cancels else scope

    def negates(self, scope: str, negatable: bool = True) -> bool:
        """Whether a stance cue's match with this scope is switched off: by a negator if the cue is negatable,
        by an avoidance word in any case."""
        return bool((negatable and self.negators and self.negators.search(scope))
                    or (self.avoiders and self.avoiders.search(scope)))

    def hedges_in(self, scope: str) -> bool:
        return bool(self.hedges and self.hedges.search(scope))


# ------------------------------------------------------------------------------------ 2-4. one cue's matches

def cue_evidence(cue: Cue, text: str, negation: Negation | None, *, stance_cue: bool) -> list[Evidence]:
    """The matches of one cue in a statement (rule 2), each marked negated or hedged by its scope (rules 3
    and 4); ``negation`` is None for a statement without negators and hedges. Frame cues are never negated."""
    found = []
    for match in cue.regex.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        negated = hedged = False
        if negation is not None:
            scope = negation.scope(text, start)
            negated = stance_cue and negation.negates(scope, cue.negatable)
            hedged = negation.hedges_in(scope)
        found.append(Evidence(cue.label_id, cue.id, start, end, match.group(0), negated, hedged))
    return found


# -------------------------------------------------------------------------------------- 5. one count per span

def longest_first(matches: list[Evidence]) -> tuple[list[Evidence], list[Evidence]]:
    """(counted, suppressed) of one stance's matches (rule 5): negated matches are suppressed; overlapping
    ones count once, the longest first."""
    suppressed = [e for e in matches if e.negated]
    kept: list[Evidence] = []
    for evidence in sorted((e for e in matches if not e.negated), key=lambda e: (-(e.end - e.start), e.start)):
        if all(evidence.end <= k.start or evidence.start >= k.end for k in kept):
            kept.append(evidence)
    return sorted(kept, key=lambda e: e.start), suppressed


# ------------------------------------------------------------------------------------------ the whole rule

def tag_statement(text: str, codebook: Codebook, negation: Negation) -> StatementTags:
    """Stances, frames, evidence and suppressed evidence of one statement, by rules 1 to 6.

    >>> codebook = load_codebook()
    >>> tags = tag_statement("Tokyo seeks the “return” of the islands.", codebook, Negation(codebook))
    >>> tags.stances, [str(e) for e in tags.evidence]
    (('territory_first',), ["territory_first:want_islands_back@17-39:'return  of the islands'"])
    """
    text = normalise_quotes(text)
    in_scope = negation if negation.occurs_in(text) else None
    stances, evidence, suppressed = [], [], []
    for stance in codebook.stances:
        matches = [e for cue in stance.cues for e in cue_evidence(cue, text, in_scope, stance_cue=True)]
        kept, negated = longest_first(matches)
        suppressed.extend(negated)
        if kept:
            stances.append(stance.id)
            evidence.extend(kept)
    frames = [frame.id for frame in codebook.frames if any(cue.regex.search(text) for cue in frame.cues)]
    return StatementTags(tuple(stances), tuple(frames), tuple(evidence), tuple(suppressed))


# ---------------------------------------------------------------------------------------------- the tagger

# The Codebook field of each list of negation words in the codebook file.
_NEGATION_FIELDS = {"cues": "negators", "hedges": "hedges", "cancels": "cancels", "avoidance": "avoiders"}


def timeout_error(codebook: Codebook, clock: MatchClock, text: str, cue_ids) -> CodebookError:
    """After a statement ran out of time: the cues ``cue_ids`` it was matched with, then the negation words,
    each matched alone under the clock; the error names the first that runs out of time."""
    where = {cue.id: (f"{kind[:-1]} {cue.label_id!r} cue {cue.id!r}", cue.regex)
             for kind in ("stances", "frames") for cue in codebook.cues(kind)}
    candidates = [where[cue_id] for cue_id in cue_ids]
    for key in NEGATION_WORDS:
        for number, word in enumerate(getattr(codebook, _NEGATION_FIELDS[key]), start=1):
            regex = re.compile(rf"\b{word}\b" if whole_word(word) else word, re.IGNORECASE)
            candidates.append((f"negation {key}[{number}] {word!r}", regex))
    return clock.blame([(name, lambda regex=regex: list(regex.finditer(text))) for name, regex in candidates])


class CodebookTagger:
    """Tags statements with the codebook's stances and frames, keeping the evidence."""

    name = "codebook"
    views: ViewWords | None = None     # the holder's view words (analysis.holder, rule 3); make_tagger sets them

    def __init__(self, codebook: Codebook | None = None):
        from ._fast.cue_scan import CueScanner   # the machinery imports this module's rule

        self.codebook = codebook or load_codebook()
        self.negation = Negation(self.codebook)
        self._stance_ids = set(self.codebook.stance_ids)
        # Bounds the time Python's re may take on one statement: a cue or negator that backtracks without end
        # (``(a+)+$``) is stopped and named (analysis.patterns).
        self._clock = MatchClock(self.codebook.source or "codebook", CodebookError, "statement")
        self.scanner = CueScanner(self.codebook, self._clock)

    def tag_text(self, text: str) -> dict:
        """Stances, frames and evidence of one statement, by the rule of the module docstring.

        >>> tagger = CodebookTagger()
        >>> tagger.tag_text("There have been no discussions of a handover of islands to Tokyo.")["stances"]
        ['sovereignty_non_negotiable']
        """
        tags = self._timed(lambda: tag_statement(text, self.codebook, self.negation), text,
                           [cue.id for kind in ("stances", "frames") for cue in self.codebook.cues(kind)])
        return {"stances": list(tags.stances), "frames": list(tags.frames), "evidence": list(tags.evidence),
                "suppressed": list(tags.suppressed)}

    def match_cue(self, cue: Cue, text: str) -> list[Evidence]:
        """The matches of one cue in a text as it is (rules 2 to 4); a negator only switches off stance cues."""
        negation = self.negation if self.negation.occurs_in(text) else None
        stance_cue = cue.label_id in self._stance_ids
        return self._timed(lambda: cue_evidence(cue, text, negation, stance_cue=stance_cue), text, [cue.id])

    def _timed(self, match, text: str, cue_ids):
        clock = self._clock
        with clock:
            clock.arm(tuple(cue_ids))
            try:
                return match()
            except PatternTimeout:
                raise timeout_error(self.codebook, clock, text, cue_ids) from None
            finally:
                clock.disarm()

    def tag_texts(self, texts) -> list[dict]:
        """``tag_text`` of many statements, one dict each, computed a column at a time."""
        columns = self.tag_columns(texts)
        return [{"stances": list(s), "frames": list(f), "evidence": list(e), "suppressed": list(x)}
                for s, f, e, x in zip(*columns)]

    def tag_columns(self, texts) -> tuple[list, list, list, list]:
        """The stances, frames, evidence and suppressed evidence of every text, one list each, as ``tag_text``
        gives them (as tuples), by the column scan of ``analysis/_fast/cue_scan.py``."""
        return self.scanner.tag_columns(texts)

    def tag(self, statements: pd.DataFrame) -> pd.DataFrame:
        """Add stances, stance_evidence, suppressed_evidence, frames and holder_side to an attributed table."""
        stances, frames, evidence, suppressed = self.tag_columns(statements["text"].array)
        return _finish(statements, stances, frames, evidence, suppressed, self.codebook, self.views)


def _finish(statements, stances, frames, evidence, suppressed, codebook: Codebook,
            views: "ViewWords | None" = None) -> pd.DataFrame:
    """The tags as text columns, the holder that follows from them (``analysis.holder``), and the positions
    that statements referring back inherit (``analysis.context``)."""
    stances, evidence, suppressed = _questions_only_ask(statements, stances, evidence, suppressed)
    out = statements.copy()
    out["stances"] = [";".join(s) if s else "" for s in stances]
    out["stance_evidence"] = [" | ".join(map(str, e)) if e else "" for e in evidence]
    out["suppressed_evidence"] = [" | ".join(map(str, e)) if e else "" for e in suppressed]
    out["frames"] = [";".join(f) if f else "" for f in frames]
    out["holder_side"] = holder_column(statements, stances, evidence, codebook, views)
    return inherit_stances(out, codebook)


def _questions_only_ask(statements, stances, evidence, suppressed):
    """A journalist's or host's question in a transcript or interview only asks (GUIDE.md, "Questions"): its
    cue matches are kept as suppressed evidence, and it holds no stance. A question the speaker of a turn asks
    (a minister's rhetorical "How can one discuss a peace treaty with such a country?") keeps its stances."""
    if "genre" not in statements or "speaker_type" not in statements:
        return stances, evidence, suppressed
    asking = np.flatnonzero((statements["genre"].isin(("transcript", "interview"))
                             & (statements["speaker_type"] == "journalist")).to_numpy())
    if not len(asking):
        return stances, evidence, suppressed
    stances, evidence, suppressed = list(stances), list(evidence), list(suppressed)
    texts, genres = statements["text"].tolist(), statements["genre"].tolist()
    for i in asking:
        if stances[i] and asks_in_a_turn(texts[i], genres[i]):
            suppressed[i] = (*suppressed[i], *evidence[i])
            stances[i], evidence[i] = (), ()
    return stances, evidence, suppressed


# ------------------------------------------------------------------------------------------- classifier

def split_labels(column) -> list[list[str]]:
    return [[label for label in str(value).split(";") if label] for value in column]


_PREDICT_BATCH = 10_000


class StanceClassifier:
    """TF-IDF word + character n-grams into one-vs-rest logistic regression, trained on coded statements;
    with ``cue_features`` the codebook's cue hits (``CueHits``) are features too.

    Frames come from the codebook's frame cues (the classifier learns stances only); holder_side follows the
    same rules as the codebook tagger, fed with the classifier's stances.
    """

    name = "model"
    views: ViewWords | None = None     # the holder's view words (analysis.holder, rule 3); make_tagger sets them

    # threshold and C chosen in leave-one-set-out cross-validation over the dev parts of the three real-genre
    # sets (the model trained on the seeds, the other-outlets set and the two other dev parts): threshold 0.4
    # is best on two of the three held-out sets (grid 0.3-0.75; docs/evaluation.md). Cue hits as features made
    # the model copy the cues and lose the wording they miss (0.69 against 0.75 in leave-one-article-out on
    # the third set), so they are off.
    def __init__(self, codebook: Codebook | None = None, *, threshold: float = 0.4, C: float = 10.0,
                 random_state: int = 0, cue_features: bool = False, char_features: bool = True):
        self.codebook = codebook or load_codebook()
        self.cue_features = cue_features
        self.char_features = char_features
        self.threshold = threshold
        self.C = C
        self.random_state = random_state
        self.pipeline = None
        self.classes_: list[str] = []
        self._feature_names = None
        self._frame_tagger: CodebookTagger | None = None

    def settings(self) -> dict:
        """What a fit depends on besides the training data (``_fast.fitted_partner`` keys its cache by it)."""
        return {"C": self.C, "random_state": self.random_state, "cue_features": self.cue_features,
                "char_features": self.char_features, "words": "tfidf 1-2 sublinear", "solver": "liblinear balanced"}

    def _build(self):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.pipeline import FeatureUnion, Pipeline

        parts = [("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True))]
        if self.char_features:
            parts.append(("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                                   min_df=2)))
        if self.cue_features:
            parts.append(("cues", CueHits(self.codebook)))
        features = FeatureUnion(parts)
        model = OneVsRestClassifier(LogisticRegression(
            C=self.C, class_weight="balanced", solver="liblinear", random_state=self.random_state, max_iter=1000))
        return Pipeline([("features", features), ("model", model)])

    def fit(self, texts, stance_column) -> "StanceClassifier":
        from sklearn.preprocessing import MultiLabelBinarizer

        self.classes_ = self.codebook.stance_ids
        binarizer = MultiLabelBinarizer(classes=self.classes_)
        targets = binarizer.fit_transform(split_labels(stance_column))
        self.pipeline = self._build()
        self._feature_names = None
        import warnings
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Label .* is present in all training examples")
            warnings.filterwarnings("ignore", message="Label not .* is present in all training examples")
            self.pipeline.fit(list(texts), targets)
        return self

    def predict_proba(self, texts) -> np.ndarray:
        """Probabilities, computed 10,000 statements at a time: the TF-IDF matrix of a whole large corpus
        would need about 10 MiB per 1,000 statements."""
        if self.pipeline is None:
            raise RuntimeError("StanceClassifier is not fitted: call fit() with coded statements first")
        texts = list(texts)
        if len(texts) <= _PREDICT_BATCH:
            return self.pipeline.predict_proba(texts)
        return np.vstack([self.pipeline.predict_proba(texts[start:start + _PREDICT_BATCH])
                          for start in range(0, len(texts), _PREDICT_BATCH)])

    def predict(self, texts) -> list[list[str]]:
        proba = self.predict_proba(texts)
        return [[self.classes_[j] for j in np.flatnonzero(row >= self.threshold)] for row in proba]

    def top_features(self, text: str, stance: str, k: int = 3) -> list[str]:
        """The n-grams that pushed this statement towards a stance most: the model's evidence."""
        features = self.pipeline.named_steps["features"]
        vector = features.transform([text])
        estimator = self.pipeline.named_steps["model"].estimators_[self.classes_.index(stance)]
        coef = getattr(estimator, "coef_", None)
        if coef is None:
            return []
        contributions = vector.multiply(coef).tocsr()
        if self._feature_names is None:   # building the names takes longer than the rest of the call
            self._feature_names = features.get_feature_names_out()
        names = self._feature_names
        # the strongest first; of two that pushed alike, the one first in the vocabulary
        order = np.lexsort((contributions.indices, -contributions.data))[:k]
        return [names[contributions.indices[i]].split("__", 1)[-1].strip() for i in order if contributions.data[i] > 0]

    def top_features_of(self, pairs) -> list[list[str]]:
        """``top_features`` of many (text, stance) pairs, the texts vectorised in one call."""
        if not pairs:
            return []
        features = self.pipeline.named_steps["features"]
        vectors = features.transform([text for text, _ in pairs]).tocsr()
        if self._feature_names is None:
            self._feature_names = features.get_feature_names_out()
        estimators = self.pipeline.named_steps["model"].estimators_
        found = []
        for row, (_, stance) in enumerate(pairs):
            coef = getattr(estimators[self.classes_.index(stance)], "coef_", None)
            vector = vectors[row]
            if coef is None or vector.nnz == 0:
                found.append([])
                continue
            contributions = vector.data * coef[0, vector.indices]
            order = np.lexsort((vector.indices, -contributions))[:3]   # as in top_features
            found.append([self._feature_names[vector.indices[i]].split("__", 1)[-1].strip()
                          for i in order if contributions[i] > 0])
        return found

    def tag(self, statements: pd.DataFrame) -> pd.DataFrame:
        stances = self.predict(statements["text"])
        if self._frame_tagger is None:   # frames come from the codebook's cues; built once, not per chunk
            self._frame_tagger = CodebookTagger(self.codebook)
        frames = self._frame_tagger.tag_columns(statements["text"].array)[1]
        evidence = []
        for text, row_stances in zip(statements["text"], stances):
            evidence.append([Evidence(s, "model", -1, -1, ", ".join(self.top_features(text, s))) for s in row_stances])
        return _finish(statements, stances, frames, evidence,
                       [[] for _ in stances], self.codebook, self.views)


class CueHits:
    """The codebook's verdict as features: per stance, whether its cues hold in the statement (negation and
    avoidance applied, no context), so the model learns from the cues and the words around them together.
    A scikit-learn transformer (``fit``/``transform``)."""

    WEIGHT = 3.0   # against TF-IDF rows of unit length: one cue hit weighs about as much as a whole sentence

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self._tagger: CodebookTagger | None = None

    def fit(self, texts, targets=None) -> "CueHits":
        return self

    def transform(self, texts):
        from scipy import sparse

        if self._tagger is None:
            self._tagger = CodebookTagger(self.codebook)
        stance_ids = self.codebook.stance_ids
        stances = self._tagger.tag_columns(pd.array(list(texts), dtype=object))[0]
        hits = np.array([[s in row for s in stance_ids] for row in stances], dtype=float).reshape(-1, len(stance_ids))
        return sparse.csr_matrix(hits * self.WEIGHT)

    def get_feature_names_out(self, input_features=None):
        return np.array([f"cue:{s}" for s in self.codebook.stance_ids], dtype=object)

    def get_params(self, deep=True):
        return {"codebook": self.codebook}

    def set_params(self, **params):
        for key, value in params.items():
            setattr(self, key, value)
        return self


class EnsembleTagger:
    """The codebook tagger, with the classifier as its partner: a statement keeps every stance its cues find
    (with their evidence), and takes in addition each stance the classifier gives a probability of at least
    ``threshold`` (evidence ``stance:model@-1--1:'its top n-grams'``), unless the statement is a question asked
    in a transcript or interview, which only asks (the coding guide; holder rule 3). Negation, avoidance and
    context work as in the codebook tagger; frames are the codebook's.

    Why a union: the cues are precise but miss wording they were not written for; the classifier, trained on
    every coded statement (seeds, other outlets, the real-genre sets it learns from), finds much of that
    wording. The threshold was chosen by cross-validation over the 27 coded real-genre tables it learns from,
    five folds of whole sets (``docs/evaluation.md``, "Sixteenth round"): 0.70, where the union's precision gains
    more than its recall loses against the 0.55 chosen on three sets.
    """

    name = "ensemble"
    views: ViewWords | None = None     # the holder's view words (analysis.holder, rule 3); make_tagger sets them
    # A statement of fewer words gets no stance from the classifier, only from the cues: a heading ("Russia",
    # "(b) The Northern Territories Issue") or a greeting has too few words for it to weigh (docs/evaluation.md).
    MIN_WORDS = 4

    def __init__(self, codebook: Codebook | None = None, model: "StanceClassifier | None" = None, *,
                 threshold: float = 0.70, scores=None):
        """``model``: the fitted classifier; ``scores``: its parameters for the column-wise arithmetic
        (``_fast.word_scores``), worked out from ``model`` when not given (an earlier run's stored ones need
        no model)."""
        from ._fast.word_scores import WordScores

        self.codebook = codebook or load_codebook()
        self.cues = CodebookTagger(self.codebook)
        self.model = model
        self.threshold = threshold
        # The classifier's own arithmetic, column-wise: the same probabilities and evidence, faster.
        self._scores = scores if scores is not None else WordScores.of(model) if model is not None else None
        if self._scores is None and model is None:
            raise ValueError("EnsembleTagger needs a fitted classifier or its stored scores")

    def tag(self, statements: pd.DataFrame) -> pd.DataFrame:
        stances, frames, evidence, suppressed = self.cues.tag_columns(statements["text"].array)
        stances, evidence = list(stances), list(evidence)
        # The classifier reads each distinct text once; what it adds depends on the text alone (the cues'
        # stances do too), but for a question asked in a transcript or interview, which only asks (the guide;
        # holder rule 3).
        codes, distinct = pd.factorize(statements["text"])
        if len(distinct) == 0:
            return _finish(statements, stances, frames, evidence, suppressed, self.codebook, self.views)
        stance_ids = self.codebook.stance_ids
        order = {s: n for n, s in enumerate(stance_ids)}
        distinct = distinct.tolist()
        found = self._found_by_cues(stances, codes)
        if self._scores is not None:
            proba, tops = self._scores.proba_and_top_terms(
                distinct, lambda start, p: (p >= self.threshold) & ~found[start:start + len(p)])
        else:
            proba, tops = self.model.predict_proba(distinct), None
        new = (proba >= self.threshold) & ~found
        genres = statements["genre"].tolist() if "genre" in statements else None
        added = []
        rows, columns = np.nonzero(new[codes])
        for i, j in zip(rows.tolist(), columns.tolist()):
            text = distinct[codes[i]]
            if genres is not None and asks_in_a_turn(text, genres[i]):
                continue
            if len(text.split()) < self.MIN_WORDS:
                continue
            stances[i] = tuple(sorted((*stances[i], stance_ids[j]), key=order.__getitem__))
            added.append((i, j))
        if tops is not None:
            terms = [tops[codes[i], j] for i, j in added]
        else:
            terms = self.model.top_features_of([(distinct[codes[i]], stance_ids[j]) for i, j in added])
        for (i, j), top in zip(added, terms):
            evidence[i] = (*evidence[i], Evidence(stance_ids[j], "model", -1, -1, ", ".join(top)))
        return _finish(statements, stances, frames, evidence, suppressed, self.codebook, self.views)

    def _found_by_cues(self, stances: list[tuple], codes: np.ndarray) -> np.ndarray:
        """Which stance each distinct text holds by its cues (distinct texts x stances): the classifier adds
        only the others."""
        stance_ids = self.codebook.stance_ids
        first = np.empty(codes.max() + 1, dtype=np.int64)
        first[codes[::-1]] = np.arange(len(codes))[::-1]    # each distinct text's first statement
        found = np.zeros((len(first), len(stance_ids)), dtype=bool)
        column = {s: j for j, s in enumerate(stance_ids)}
        for row, i in enumerate(first.tolist()):
            for stance in stances[i]:
                found[row, column[stance]] = True
        return found


def training_table(*tables: pd.DataFrame) -> pd.DataFrame:
    """Concatenate coded tables (gold, dev) into the texts and stances a classifier trains on."""
    return pd.concat([t[["text", "stances"]] for t in tables], ignore_index=True)


def kwic(statements: pd.DataFrame, pattern: str, *, width: int = 40, regex: bool = True) -> pd.DataFrame:
    """Keyword in context: every match of a cue or word with the text around it.

    >>> table = pd.DataFrame({"article_id": ["a"], "sent_idx": [0], "text": ["Japan laid claims to the islands."]})
    >>> kwic(table, "laid claims").loc[0, ["left", "match", "right"]].tolist()
    ['Japan', 'laid claims', 'to the islands.']
    """
    compiled = re.compile(pattern if regex else re.escape(pattern), re.IGNORECASE)
    rows = []
    for row in statements.itertuples(index=False):
        for match in compiled.finditer(row.text):
            rows.append({"article_id": row.article_id, "sent_idx": row.sent_idx,
                         "left": row.text[max(0, match.start() - width):match.start()].strip(),
                         "match": match.group(0),
                         "right": row.text[match.end():match.end() + width].strip()})
    return pd.DataFrame(rows, columns=["article_id", "sent_idx", "left", "match", "right"])
