"""Properties that hold for any text, checked with hypothesis over generated articles.

- cleaning never raises, and keeps every non-chrome line, whitespace-normalised;
- reading bytes either gives text or a CorpusError, never another exception;
- statements placed by their offsets give back the cleaned text (whitespace aside), in order, without overlap;
- attribution and tagging never raise and are deterministic;
- tagging a corpus equals tagging its articles one at a time (the boilerplate columns aside, see there);
- tagging the seed corpus twice gives identical tables;
- the tagger's shortcuts (a cue matched only where it can begin, RE2 looking for negators and hedges) give
  what Python's ``re`` gives, and so does the splitter's pattern of candidate sentence ends;
- the codebook tagger's column scan (``analysis/_fast/cue_scan.py``) tags as its rule in plain Python
  (``analysis.stance.tag_statement``) does: on statements built from the codebook's own examples, negators,
  hedges, clause breaks and letters outside ASCII, and on the seeds and every coded set.

The text mixes arbitrary unicode with the pieces that are hard for the splitter and the attribution rules:
quotes of every kind, ellipses, abbreviations ("U.S.", "No. 1", "Mr."), datelines, chrome lines, speech verbs
and actor names. Every test is derandomized (the same examples on every run, no example database), so a run
is deterministic; ``max_examples`` is set per test to keep the module under about 30 s.
"""
import functools
import string
import tempfile
from pathlib import Path
from unittest import mock

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis import paths, pipeline
from analysis.attribution import load_actors
from analysis.codebook import load_codebook
from analysis.corpus import CorpusError, clean_text, decode_article, load_chrome_rules
from analysis.pipeline import make_tagger, tag_corpus, tag_statements
from analysis.statements import article_statements, split_corpus

RULES = load_chrome_rules()
CODEBOOK = load_codebook()
TAGGER = make_tagger("codebook", CODEBOOK)
ACTORS = load_actors()

DETERMINISTIC = dict(derandomize=True, database=None, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PIECES = [
    # sentence ends, ellipses and what may follow them
    ". ", "! ", "? ", "...", "… ", "?!", ".\n", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u2028", "\u00a0",
    # quotes of every kind
    "\"", "“", "”", "'", "‘", "’", "«", "»", "„", "\" ", " “", "”,", ",\" ",
    # abbreviations and initials
    "U.S.", "U.S. ", "No. 1", "Nos. 3", "Mr. Abe", "Feb. 24", "e.g.", "i.e.", "Jr.", "V.", "a.m.", "Inc.",
    # datelines, brackets, dashes
    "MOSCOW, March 21. /TASS/. ", "TOKYO (Reuters) - ", "KRABOZAVODSKOYE /Sakhalin Region/, February ·26. ",
    "(", ")", "[island]", " — ", "-", ",", ":", ";",
    # words the rules look for
    "Lavrov", "Lavrov said", "he said", "he added", "said Kishida", "according to the Kremlin,",
    "Tokyo maintains that", "Japan", "Russia", "Moscow", "the islands", "peace treaty", "sovereignty",
    "Kuril Islands", "Northern Territories", "illegally occupied", "will never give up", "not", "sanctions",
    "the paper", "She", "The", "however", "1956", "World War II",
    # chrome lines
    "All news", "Show more", "- Advertisement -",
]
# Arbitrary unicode (surrogates aside) and the pieces above, in any order; half the examples long enough
# to hold several sentences and paragraphs (left alone, hypothesis favours texts of a few pieces).
_PIECE = st.one_of(st.sampled_from(PIECES), st.text(max_size=6))
TEXT = st.one_of(st.lists(_PIECE, max_size=8), st.lists(_PIECE, min_size=12, max_size=60)).map("".join)
# What a .txt article may hold: no control characters, which the loader refuses as binary.
FILE_CHARS = st.characters(blacklist_categories=("Cs", "Cc"))
FILE_TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(FILE_CHARS, max_size=6)),
                     min_size=1, max_size=30).map("".join)


@settings(max_examples=200, **DETERMINISTIC)
@given(raw=TEXT)
def test_clean_text_keeps_every_non_chrome_line_whitespace_normalised(raw):
    cleaned, removed = clean_text(raw, RULES)
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    paragraphs = [" ".join(line.split()) for line in lines.split("\n") if line.split()]
    kept = [p for p in paragraphs if not RULES.is_chrome(p)]
    assert cleaned == "\n\n".join(kept)
    assert removed == len(paragraphs) - len(kept)


@settings(max_examples=200, **DETERMINISTIC)
@given(data=st.one_of(st.binary(max_size=64), TEXT.map(lambda t: t.encode("utf-8")),
                      TEXT.map(lambda t: t.encode("utf-16")), TEXT.map(lambda t: t.encode("latin-1", "replace"))))
def test_decoding_gives_text_or_a_corpus_error_naming_the_file(data):
    try:
        text = decode_article(data, "probe.txt")
    except CorpusError as err:
        assert str(err).startswith("probe.txt: ")
    else:
        assert isinstance(text, str)


@settings(max_examples=200, **DETERMINISTIC)
@given(raw=TEXT)
def test_statements_round_trip_to_the_cleaned_text(raw):
    clean, _ = clean_text(raw, RULES)
    rows = article_statements("a", clean)
    owners = [0] * len(clean)
    previous_end = 0
    for number, row in enumerate(rows):
        start, end = row["char_start"], row["char_end"]
        assert row["sent_idx"] == number
        assert previous_end <= start < end <= len(clean), "spans are ordered, non-empty and do not overlap"
        assert row["text"] == clean[start:end]
        assert row["text"] == row["text"].strip() and "\n" not in row["text"]
        for i in range(start, end):
            owners[i] += 1
        previous_end = end
    assert [i for i, ch in enumerate(clean) if not ch.isspace() and owners[i] != 1] == []


def tag_article(paragraphs: list[str]) -> pd.DataFrame:
    clean, _ = clean_text("\n".join(paragraphs), RULES)
    corpus = pd.DataFrame({"article_id": ["a"], "clean_text": [clean]})
    return tag_statements(split_corpus(corpus), TAGGER, ACTORS)


@settings(max_examples=150, **DETERMINISTIC)
@given(paragraphs=st.lists(TEXT, min_size=1, max_size=4))
def test_attribution_and_tagging_never_raise_and_are_deterministic(paragraphs):
    first, second = tag_article(paragraphs), tag_article(paragraphs)
    pd.testing.assert_frame_equal(first, second)
    assert set(first["mode"]) <= {"direct_quote", "reported", "narration"}
    assert set(first["holder_side"]) <= {"russia", "japan", "us", "both", "none"}


# Boilerplate is a cross-article property: a paragraph shared by two generated articles is boilerplate in
# the corpus and not in either article alone, by design. Generated articles may well share a short
# paragraph ("Japan."), so the comparison leaves out is_boilerplate and boilerplate_group and holds every
# other column, attribution and stances included, to equality.
CROSS_ARTICLE = ["is_boilerplate", "boilerplate_group"]


@settings(max_examples=100, **DETERMINISTIC)
@given(bodies=st.lists(FILE_TEXT, min_size=3, max_size=3))
def test_tagging_a_corpus_equals_tagging_its_articles_one_at_a_time(bodies):
    # A headline of its own keeps every article non-empty after chrome removal.
    articles = {f"{i:03d}.txt": f"Article {i} on the islands\n{body}\n" for i, body in enumerate(bodies)}
    # Parsing the codebook YAML is most of a tiny run's time; the parsed codebook is the same object.
    with tempfile.TemporaryDirectory() as tmp, mock.patch.object(pipeline, "load_codebook", lambda path=None: CODEBOOK):
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for name, text in articles.items():
            (folder / name).write_text(text, encoding="utf-8")
        together, _ = tag_corpus(folder, tagger=TAGGER)
        alone = []
        for name, text in articles.items():
            single = Path(tmp) / name.removesuffix(".txt")
            single.mkdir()
            (single / name).write_text(text, encoding="utf-8")
            alone.append(tag_corpus(single, tagger=TAGGER)[0])
    alone = pd.concat(alone, ignore_index=True)
    assert not alone["is_boilerplate"].any(), "one article alone has no paragraph shared with another"
    pd.testing.assert_frame_equal(together.drop(columns=CROSS_ARTICLE), alone.drop(columns=CROSS_ARTICLE))


@pytest.mark.parametrize("tagger", ["codebook", "model"])
def test_tagging_the_seed_corpus_twice_gives_identical_tables(tagger):
    first, first_summary = tag_corpus(tagger=tagger)
    second, second_summary = tag_corpus(tagger=tagger)
    pd.testing.assert_frame_equal(first, second)
    assert first_summary.line().rsplit(";", 1)[0] == second_summary.line().rsplit(";", 1)[0]
    assert len(first) == first_summary.statements > 0


# ASCII text made of what the cues match (glued to other words too: 'de' + 'lays claim to') and of negators and
# hedges: in ASCII text the tagger tries a cue only where one of its beginnings is, and RE2 looks for negators.
CUE_PIECES = ["lays claim to", "laid claims over", "claim to the four islands", "return of the islands",
              "the return", "demands the return of the islands",
              "sovereignty over the islands cannot be called into question",
              "illegally occupied", "an inherent part of Japan's territory", "sanctions prevent the peace treaty",
              "sign a peace treaty first", "no talks about a handover", "results of World War II",
              "the territorial issue must be resolved first", "unfriendly steps", "without preconditions",
              "not", "no", "never", "could", "reportedly", "rumours", "speculation", "n't", "will not give up",
              "PRESSES ITS CLAIM TO", "Japan", "Tokyo", "Russia's", "de", "non", "re", "s", "ing",
              " ", " ", ", ", ". ", "; ", "-", "'"]
ASCII_TEXT = st.lists(st.one_of(st.sampled_from(CUE_PIECES), st.text(string.ascii_letters + " ", max_size=4)),
                      max_size=30).map("".join)


@settings(max_examples=300, **DETERMINISTIC)
@given(text=st.one_of(ASCII_TEXT, ASCII_TEXT, TEXT))   # two ASCII texts to one of any unicode
def test_cue_matches_are_pythons_matches(text):
    for cue in CODEBOOK.cues():
        spans = [(e.start, e.end) for e in TAGGER.scanner.match_cue(cue, text, check_scope=False)]
        assert spans == [m.span() for m in cue.regex.finditer(text) if m.end() > m.start()], cue.id


@settings(max_examples=100, **DETERMINISTIC)
@given(texts=st.lists(st.one_of(ASCII_TEXT, TEXT), max_size=10))
def test_negator_and_hedge_scan_is_pythons_search(texts):
    negators, hedges = TAGGER.negation.negators, TAGGER.negation.hedges
    expected = [bool(negators.search(text) or hedges.search(text)) for text in texts]
    assert TAGGER.scanner.may_scope_column(pa.array(texts, type=pa.large_string()), texts) == expected


@settings(max_examples=300, **DETERMINISTIC)
@given(text=TEXT)
def test_candidate_sentence_ends_are_runs_of_full_stops_ellipses_and_marks(text):
    """The splitter's candidate pattern is written as one character class for speed; it finds what the
    plain reading of a terminator run, "..." or "…" or one of .!? repeated, finds."""
    import re

    from analysis.statements import _CANDIDATE

    plain = re.compile(r"""(?:\.{3}|…|[.!?])+["'”’)\]]*(?=\s+(\S))""")
    assert [(m.span(), m.group(1)) for m in _CANDIDATE.finditer(text)] == \
        [(m.span(), m.group(1)) for m in plain.finditer(text)]


# The codebook tagger's rule (analysis.stance.tag_statement, one statement in plain Python) against the
# column scan (analysis/_fast/cue_scan.py) that tags a corpus. Statements are built from fragments of the
# codebook's own examples (so cues match, whole or cut off), negators, hedges and cancels (so matches are
# negated and hedged), clause breaks, quote marks, filler words, and letters, digits and spaces outside ASCII,
# which RE2 reads otherwise than Python's re.
def _fragments(codebook) -> tuple[list[str], list[str]]:
    """The examples, whole and in runs of four words, and the spans their cues match."""
    examples = [text for stance in codebook.stances for texts in stance.examples.values() for text in texts]
    fragments = list(examples)
    for example in examples:
        words = example.split()
        fragments += [" ".join(words[start:start + 4]) for start in range(0, len(words), 2)]
    spans = [e.text for example in examples for e in TAGGER.tag_text(example)["evidence"]]
    return sorted(set(fragments)), sorted(set(spans))


FRAGMENTS, CUE_SPANS = _fragments(CODEBOOK)
NEGATION_PIECES = sorted({word for word in CODEBOOK.negators + CODEBOOK.hedges + CODEBOOK.cancels if "\\" not in word}
                         | {"speculation", "speculated", "rumours", "will not give up on", "can't", "didn't"})
BREAKS = [", ", "; ", ": ", " but ", " however, ", " while ", " — ", " – ", " (", ") ", "[", "]", ". ", "“", "”",
          "«", "»", "’", "‘", "\"", "'", "\n", "…"]
FILLERS = ["the", "islands", "Tokyo", "Moscow", "said", "on Monday", "talks", "sanctions", "military", "trade",
           "1956", "residents", "Kōno", "café", "İllegally", "東京", "\u00a0", "½", "e\u0301", "\u200b", "_",
           "\x0b", "٣", "ſanctions"]
SEPARATORS = [" ", " ", " ", "", ", "]
# A negator or hedge right before a fragment, where it is in the scope of a cue the fragment may hold.
NEGATED = [f"{word} {span}" for word in NEGATION_PIECES for span in CUE_SPANS]
POOLS = [FRAGMENTS, CUE_SPANS, NEGATED, NEGATION_PIECES, BREAKS, FILLERS]


def _statement(pieces: list[tuple[str, str]]) -> str:
    return "".join(piece + separator for piece, separator in pieces)


STATEMENT_PIECE = st.one_of(*[st.sampled_from(pool) for pool in POOLS],
                            st.text(string.ascii_letters, max_size=5), st.text(max_size=3))
STATEMENT = st.lists(st.tuples(STATEMENT_PIECE, st.sampled_from(SEPARATORS)), max_size=24).map(_statement)


def _tags_one_by_one(texts):
    return [TAGGER.tag_text(text) for text in texts]


@settings(max_examples=250, **DETERMINISTIC)
@given(texts=st.lists(STATEMENT, min_size=1, max_size=6))
def test_the_column_scan_tags_as_the_rule_does(texts):
    """Stances, frames, evidence (spans, negated, hedged) and suppressed evidence, in order; the first texts
    come twice, as recurring text does, which the column scan tags once."""
    column = texts + texts[:2]
    assert TAGGER.tag_texts(column) == _tags_one_by_one(column)


def test_generated_statements_hold_what_the_comparison_needs():
    """The pieces above, drawn at random as the strategy draws them, make statements with stances, negated,
    hedged and overlapping matches, frames, and text that RE2 reads otherwise than Python's re."""
    import random

    from analysis.stance import cue_evidence, normalise_quotes

    def overlapping(text: str, kept: list) -> bool:
        text = normalise_quotes(text)
        negation = TAGGER.negation if TAGGER.negation.occurs_in(text) else None
        matches = [e for cue in CODEBOOK.cues() for e in cue_evidence(cue, text, negation, stance_cue=True)]
        return sum(not e.negated for e in matches) > len(kept)

    rng = random.Random(0)
    texts = [_statement([(rng.choice(rng.choice(POOLS)), rng.choice(SEPARATORS)) for _ in range(rng.randint(4, 24))])
             for _ in range(300)]
    tags = TAGGER.tag_texts(texts)
    assert tags == _tags_one_by_one(texts)
    share = lambda found: sum(map(bool, found)) / len(texts)   # noqa: E731
    assert share(t["stances"] for t in tags) > 0.8
    assert share(t["suppressed"] for t in tags) > 0.2
    assert share(any(e.hedged for e in t["evidence"]) for t in tags) > 0.2
    assert share(overlapping(text, t["evidence"]) for text, t in zip(texts, tags)) > 0.3
    assert share(t["frames"] for t in tags) > 0.5
    assert share(any(ord(c) > 127 and (c.isalnum() or c.isspace()) for c in text) for text in texts) > 0.3


@functools.cache
def _coded_texts() -> tuple[str, ...]:
    """The seeds' and every coded set's statements, read once for the whole module (the property tests below
    add a slice of them to each generated example)."""
    from analysis import paths
    from analysis.corpus import load_corpus

    texts = split_corpus(load_corpus(paths.ARTICLES))["text"].tolist()
    texts += split_corpus(load_corpus(paths.ANNOTATIONS / "real_genres" / "articles.jsonl"))["text"].tolist()
    for path in sorted(paths.ANNOTATIONS.rglob("*.csv")):
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        texts += table["text"].tolist() if "text" in table else []
    return tuple(texts)


def test_the_column_scan_tags_the_seeds_and_the_coded_sets_as_the_rule_does():
    texts = list(_coded_texts())
    assert len(texts) > 2000
    tags = TAGGER.tag_texts(texts)
    assert tags == _tags_one_by_one(texts)
    assert sum(bool(t["stances"]) for t in tags) > 400 and sum(bool(t["suppressed"]) for t in tags) > 10


_NO_VIEW_PIECES = ["I will refrain from commenting", "That is all from me.", "not ", "n't ", "comment", "regrettable",
                   "○The Chair: Prime Minister Fumio Kishida.", "Dmitry Peskov: Of course.", "in due course",
                   "Thank you", "ﬁnalized", "not been finalised", "é", "İ", "K", " ", ".", ":", "?"]


@settings(max_examples=300, **DETERMINISTIC)
@given(texts=st.lists(st.lists(st.one_of(st.sampled_from(_NO_VIEW_PIECES), st.text(max_size=6)), max_size=8)
                      .map("".join), max_size=20))
def test_the_column_scan_of_no_view_is_the_plain_rule(texts):
    """``_fast.no_view_scan.no_view_flags`` gives what ``states_no_view`` gives, text by text."""
    from analysis._fast.no_view_scan import no_view_flags

    implications = load_codebook().holder_implications
    texts += list(_coded_texts()[:300])
    assert no_view_flags(texts, implications) == [implications.states_no_view(text) for text in texts]


_VIEW_PIECES = ["We will never accept", "the meeting was held", "Japan", "japan's", "you", "mr.", "Тokyo", "é", "İ",
                "ǅ", "_", "__init", "12", "a", " ", ".", ",", "-", "we we we", "WE", "relations", "\n", "’", "“", "—",
                "Etorofu’s", "²", "Ⓐ", "K", "«", "»", "\u00a0", "…", "–"]


@settings(max_examples=300, **DETERMINISTIC)
@given(texts=st.lists(st.lists(st.one_of(st.sampled_from(_VIEW_PIECES), st.text(max_size=6)), max_size=8)
                      .map("".join), max_size=20))
def test_the_column_scan_of_view_words_is_the_plain_rule(texts):
    """``_fast.view_scan.says_view_flags`` gives what ``ViewWords.says_view`` gives, text by text: words met
    twice count once, words never trained on weigh nothing, non-ASCII letters are words as Python reads them,
    and the outlet's narration is read by the narration's model."""
    from analysis._fast.view_scan import says_view_flags
    from analysis.holder import NARRATION
    from analysis.learning import view_words

    views = view_words()
    texts += list(_coded_texts()[:300])
    assert says_view_flags(texts, views) == [views.says_view(text) for text in texts]
    genres = [("news", "transcript", "interview", "statement", "", NARRATION)[len(text) % 6] for text in texts]
    assert says_view_flags(texts, views, genres) == [views.says_view(text, genre) for text, genre in zip(texts, genres)]


_PAIR_WORDS = ["we", "will", "never", "japan", "japan's", "s", "a", "position", "no", "comment", "Japan", "WILL", "é",
               "’", ",", ".", "\n", "_", "12"]


@settings(max_examples=300, **DETERMINISTIC)
@given(texts=st.lists(st.lists(st.sampled_from(_PAIR_WORDS), max_size=10).map(" ".join), max_size=20),
       weights=st.lists(st.integers(-3, 3), min_size=6, max_size=6), bias=st.integers(-2, 2))
# (a pair over a word of one character, one pair met twice, a pair across a statement's edge)
@example(texts=["japan's position", "no comment no comment", "we", "will never"], weights=[0, 0, 3, 2, 0, 0],
         bias=-1)
@example(texts=["we will", "never"], weights=[0, 3, 0, 0, 0, -1], bias=-1)
def test_the_column_scan_of_word_pairs_is_the_plain_rule(texts, weights, bias):
    """Pairs of neighbouring words as ``holder.statement_terms`` forms them: a word of one character ("s" of
    "Japan's") is no word, so the pair joins the words around it; a pair met twice counts once."""
    from analysis._fast.view_scan import says_view_flags
    from analysis.holder import ViewWords

    terms = ["we will", "will never", "japan position", "no comment", "japan", "never"]
    views = ViewWords(dict(zip(terms, weights)), bias)
    assert says_view_flags(texts, views) == [views.says_view(text) for text in texts]


def test_the_view_scan_in_batches_reads_as_in_one(monkeypatch):
    """A corpus's statements are read in batches of ``_BATCH``: the flags are the plain rule's, in order, across
    the batches' edges."""
    from analysis._fast import view_scan
    from analysis.holder import NARRATION
    from analysis.learning import view_words

    views = view_words()
    texts = list(_coded_texts()[:200])
    genres = [("news", "transcript", NARRATION)[n % 3] for n in range(len(texts))]
    monkeypatch.setattr(view_scan, "_BATCH", 7)
    assert view_scan.says_view_flags(texts, views, genres) == [views.says_view(t, g) for t, g in zip(texts, genres)]


def test_the_punctuation_the_view_scan_splits_at_holds_no_word_character():
    from analysis._fast.view_scan import _PUNCTUATION, _WIDER_WORD

    assert _WIDER_WORD.search(_PUNCTUATION) is None and not _PUNCTUATION.isascii()


def _fitted_partner():
    """The words-only classifier the ensemble reads with, fitted here."""
    from analysis.learning import base_training
    from analysis.stance import StanceClassifier

    train = base_training(CODEBOOK)
    return StanceClassifier(CODEBOOK, char_features=False).fit(train["text"], train["stances"])


_PARTNER = _fitted_partner()
_WORD_PIECES = ["Japan", "JAPAN's", "the islands", "peace treaty", "Peace-Treaty", "Kuril", "sanctions", "“", "”",
                "’s", " — ", "\u00a0", "\u2028", "_", "a", "I", "é", "É", "Σ", "ΣΑΣ", "İ", "ß", "ﬁ", "Ⅻ", "½", "²",
                "٣", "\u0301", "Курилы", "北方領土", "K", "\t", " ", ".", ",", "1956", "non-negotiable"]

# Words joined by what is a word character for Python and for the column path alike, or only for one of them.
_WORD_EDGES = ["Japan_Kuril islands", "the peace_treaty", "JAPAN’S islands", "Japan\u00a0islands", "Japan—islands",
               "ΣΑΣ Japan", "İslands of Japan", "Japan² islands", "Japan½islands", "Ⅻ islands", "japan\u0301islands",
               "peace  treaty", "peace\ttreaty", "a peace treaty", "Peace-Treaty", "PEACE TREATY peace treaty"]


@settings(max_examples=300, **DETERMINISTIC)
@given(texts=st.lists(st.lists(st.one_of(st.sampled_from(_WORD_PIECES), st.text(max_size=5)), max_size=14)
                      .map("".join), max_size=12))
def test_the_column_scores_of_the_words_classifier_are_scikit_learns(texts):
    """``_fast.word_scores`` gives the fitted scikit-learn pipeline's probabilities and evidence: on generated
    texts (any unicode, cased and accented words, separators of every kind) and on every coded text."""
    from analysis._fast.word_scores import WordScores

    scores = WordScores.of(_PARTNER)
    texts += _WORD_EDGES + list(_coded_texts()[:400])
    assert scores.proba(texts) == pytest.approx(_PARTNER.predict_proba(texts), abs=1e-12)
    stances = [n % len(_PARTNER.classes_) for n in range(len(texts))]
    assert scores.top_terms(texts, stances) == _PARTNER.top_features_of(
        [(text, _PARTNER.classes_[s]) for text, s in zip(texts, stances)])


def test_the_column_scores_hold_for_every_coded_text_and_are_what_the_ensemble_uses():
    from analysis._fast.word_scores import WordScores

    texts = list(_coded_texts())
    scores = WordScores.of(_PARTNER)
    fast, plain = scores.proba(texts), _PARTNER.predict_proba(texts)
    assert fast == pytest.approx(plain, abs=1e-12)
    assert ((fast >= 0.55) == (plain >= 0.55)).all() and (plain >= 0.55).sum() > 300
    assert sum(not t.isascii() for t in texts) > 100      # the separators' and Python's paths are both read


def test_an_ensemble_from_the_stored_partner_tags_as_one_fitted_afresh(tmp_path, monkeypatch):
    """The first ensemble fits its partner and stores it; the second loads it without fitting (and without
    scikit-learn); both tag every coded text alike, and as the fitted classifier's own arithmetic does."""
    from analysis._fast import fitted_partner
    from analysis.stance import EnsembleTagger, StanceClassifier

    monkeypatch.setenv("KURIL_STANCE_CACHE", str(tmp_path))
    fitted = make_tagger("ensemble", CODEBOOK)
    assert fitted.model is not None and len(list(tmp_path.glob("partner-*.npz"))) == 1
    with mock.patch.object(StanceClassifier, "fit", side_effect=AssertionError("fitted again")):
        loaded = make_tagger("ensemble", CODEBOOK)
    assert loaded.model is None
    from analysis.attribution import attribute
    from analysis.corpus import load_corpus

    table = attribute(pd.concat([split_corpus(load_corpus(paths.ANNOTATIONS / name / "articles.jsonl"))
                                 for name in ("real_genres", "real_genres_2", "real_genres_3")],
                                ignore_index=True), ACTORS)
    plain = EnsembleTagger(CODEBOOK, _PARTNER)
    plain._scores = None                                   # the classifier's own predict_proba and evidence
    expected = plain.tag(table)
    for tagger in (fitted, loaded):
        got = tagger.tag(table)
        assert got["stances"].tolist() == expected["stances"].tolist()
        assert got["stance_evidence"].tolist() == expected["stance_evidence"].tolist()
    assert sum(bool(s) for s in expected["stances"]) > 300
    # a damaged file is fitted anew, and replaced
    stored = next(tmp_path.glob("partner-*.npz"))
    stored.write_bytes(b"not an npz")
    assert make_tagger("ensemble", CODEBOOK).model is not None
    assert fitted_partner.load(stored.name[len("partner-"):-len(".npz")]) is not None
    monkeypatch.setenv("KURIL_STANCE_CACHE", "off")
    assert make_tagger("ensemble", CODEBOOK).model is not None and fitted_partner.cache_folder() is None


def test_a_tagger_from_the_fits_kept_under_the_coded_files_reads_no_coded_table(tmp_path, monkeypatch):
    """The second run finds the fits by the coded files' bytes and reads no coded table, and tags as the first;
    a coded file changed by one character, another codebook id or another source is another key."""
    from analysis import evaluation
    from analysis._fast import fitted_partner
    from analysis.learning import shipped_paths

    monkeypatch.setenv("KURIL_STANCE_CACHE", str(tmp_path / "cache"))
    first = {name: make_tagger(name, CODEBOOK) for name in ("ensemble", "codebook")}
    assert len(list((tmp_path / "cache").glob("trained-*.npz"))) == 2
    with mock.patch.object(evaluation, "read_coded", side_effect=AssertionError("a coded table was read")):
        again = {name: make_tagger(name, CODEBOOK) for name in ("ensemble", "codebook")}
    from analysis.corpus import load_corpus

    table = split_corpus(load_corpus(paths.ANNOTATIONS / "real_genres" / "articles.jsonl"))
    for name in first:
        assert again[name].views == first[name].views
        tagged = [tag_statements(table, tagger, ACTORS) for tagger in (first[name], again[name])]
        assert tagged[0].equals(tagged[1]) and tagged[0]["stances"].ne("").sum() > 75
    coded = shipped_paths()
    key = fitted_partner.trained_key("ensemble", CODEBOOK.stance_ids, CODEBOOK.frame_ids, coded, "source")
    changed = tmp_path / coded[0].parent.name / coded[0].name
    changed.parent.mkdir()
    changed.write_text(coded[0].read_text(encoding="utf-8").replace("japan", "russia", 1), encoding="utf-8")
    assert fitted_partner.trained_key("ensemble", CODEBOOK.stance_ids, CODEBOOK.frame_ids, coded,
                                      "source") == key
    for other in (fitted_partner.trained_key("ensemble", CODEBOOK.stance_ids, CODEBOOK.frame_ids,
                                             [changed, *coded[1:]], "source"),
                  fitted_partner.trained_key("ensemble", CODEBOOK.stance_ids[:-1], CODEBOOK.frame_ids, coded,
                                             "source"),
                  fitted_partner.trained_key("ensemble", CODEBOOK.stance_ids, CODEBOOK.frame_ids, coded,
                                             "other source"),
                  fitted_partner.trained_key("codebook", CODEBOOK.stance_ids, CODEBOOK.frame_ids, coded,
                                             "source")):
        assert other != key


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=40).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60))))
def test_the_numpy_components_are_scipys(graph):
    """``_fast.components`` labels every node of a graph as SciPy's ``connected_components`` does (the
    boilerplate groups are these components)."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from analysis._fast.components import component_labels

    n, edges = graph
    a = np.array([x for x, _ in edges], dtype=np.int64)
    b = np.array([y for _, y in edges], dtype=np.int64)
    _, expected = connected_components(coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n)),
                                       directed=False)
    found = component_labels(a, b, n)
    assert found.dtype == expected.dtype
    assert found.tolist() == expected.tolist()


def test_the_numpy_components_join_a_long_chain_given_in_any_order():
    """A chain of 5,000 paragraphs, each linked to the next, its links in shuffled order: one group."""
    import numpy as np

    from analysis._fast.components import component_labels

    order = np.random.default_rng(3).permutation(5000)
    labels = component_labels(order[:-1], order[1:], 5000)
    assert labels.tolist() == [0] * 5000
