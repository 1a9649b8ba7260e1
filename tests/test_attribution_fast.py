"""The fast path of attribution against the plain rules.

``attribute`` runs the rules of ``analysis.attribution`` through ``analysis/_fast``: one automaton for all the
verbs or names (``StringAutomaton``), a cache of what each distinct sentence holds (``SentenceFactsCache``) and
a scan of the whole table for sentences without verbs (``verb_free_texts``). ``reference_attribution`` runs
the same rules in plain Python. The property tests generate articles from the actors of ``data/actors.csv``,
speech and position verbs, quote marks, pronouns, anaphors and filler, with sentences recurring across
articles, and check that both give the same rows; and that each piece of machinery finds what its plain
version finds. Every test is derandomized (the same examples on every run).
"""
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis._fast.attribution_memo import SentenceFactsCache, verb_free_texts
from analysis._fast.phrases import StringAutomaton
from analysis.attribution import (ATTRIBUTION_COLUMNS, POSITION, SPEECH, Finders, FixedStrings, attribute,
                                  attribute_article, load_actors, reference_attribution, reference_finders)
from analysis.statements import article_statements

DETERMINISTIC = dict(derandomize=True, database=None, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

ACTORS = load_actors()
PLAIN = reference_finders(ACTORS)
FAST = Finders(ACTORS, SPEECH, POSITION)

# The ways data/actors.csv names an actor, as written there, and its roles capitalised as in a title.
NAMES = sorted({written for forms in ACTORS.surfaces.values() for _, written, _, kind in forms if kind == "name"})
ROLES = sorted({written for forms in ACTORS.surfaces.values() for _, written, _, kind in forms if kind == "role"})
ACTOR_WORDS = NAMES + ROLES + [role.title() for role in ROLES]
VERBS = sorted(set(SPEECH.phrases) | set(POSITION.phrases))
OTHER = [
    # pronouns, anaphors, connectors of attribution
    "he", "He", "she", "She", "the ministry", "The Foreign Ministry", "the paper", "the envoy", "the statement",
    "The Russian president", "the Japanese prime minister", "According to", "according to", "in", "'s words",
    "as", "put it", "citing", ":", ",", " — ", " - ", ", says", ", said", "that", "also", "on Sunday", "who spoke",
    "told reporters", "the", "'s", "’s", "Russia's top diplomat", "the proposed", "against", "with",
    # quotes
    '"', "“", "”", "«", "»", "„", '"We', 'ready,"', "“No", "deal,”",
    # side words and filler
    "Japan", "Tokyo", "Russia", "Moscow", "Kremlin", "US", "U.S.", "Washington", "Japan's", "Soviet",
    "the islands", "peace treaty", "talks", "would continue", "is", "not", "sanctions", "İ", "\u212a",
]
LETTERS = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
PIECE = st.one_of(st.sampled_from(ACTOR_WORDS), st.sampled_from(VERBS), st.sampled_from(OTHER),
                  st.text(LETTERS, max_size=4))
# A sentence may open a quote (and, at the start of a paragraph, continue one) and may end as a headline
# tag does, so that one sentence is read in several quote states and as headline and body.
SENTENCE = st.builds(lambda opening, pieces, end: opening + " ".join(pieces) + end,
                     st.sampled_from(["", "", "", '"', "“", "«"]), st.lists(PIECE, min_size=1, max_size=14),
                     st.sampled_from([".", ". ", "?", '."', ".”", ",\"", "", " — envoy", ", says Russian diplomat",
                                      " - paper", " — Lavrov"]))


@st.composite
def corpora(draw) -> pd.DataFrame:
    """A statement table of one to four articles, drawn from a shared pool of sentences so that sentences
    recur across articles (and with them, the cache is used), in headlines and in bodies, at the start of a
    paragraph and inside one."""
    pool = draw(st.lists(SENTENCE, min_size=1, max_size=8))
    split = draw(st.booleans())
    statements = []
    for number in range(draw(st.integers(1, 4))):
        paragraphs = draw(st.lists(st.lists(st.sampled_from(pool), min_size=1, max_size=3), min_size=1,
                                   max_size=5))
        if split:       # as the splitter makes statements of an article
            text = "\n\n".join(" ".join(sentences) for sentences in paragraphs)
            statements += article_statements(f"a{number}", text)
        else:           # the sentences as drawn, which the splitter might have cut or joined otherwise
            sentences = [(para_idx, sentence) for para_idx, paragraph in enumerate(paragraphs)
                         for sentence in paragraph]
            statements += [{"article_id": f"a{number}", "text": sentence, "para_idx": para_idx, "sent_idx": sent_idx,
                            "is_headline": para_idx == 0} for sent_idx, (para_idx, sentence) in enumerate(sentences)]
    return pd.DataFrame(statements, columns=["article_id", "text", "para_idx", "sent_idx", "is_headline"])


# A cache shared by every example and smaller than one, so that it is reused across examples and also starts
# again in the middle of a table.
SHARED = SentenceFactsCache(size=7)


@settings(max_examples=300, **DETERMINISTIC)
@given(table=corpora())
def test_the_fast_path_gives_the_rows_of_the_plain_rules(table):
    plain = reference_attribution(table, PLAIN)[ATTRIBUTION_COLUMNS]
    pd.testing.assert_frame_equal(attribute(table, ACTORS)[ATTRIBUTION_COLUMNS], plain)
    pd.testing.assert_frame_equal(attribute(table, ACTORS, cache=SHARED)[ATTRIBUTION_COLUMNS], plain)


@settings(max_examples=300, **DETERMINISTIC)
@given(text=st.lists(PIECE, max_size=20).map(" ".join))
def test_the_automaton_finds_the_phrases_and_names_found_one_by_one(text):
    for fast, plain in ((SPEECH, PLAIN.speech), (POSITION, PLAIN.position)):
        assert fast.find(text) == plain.find(text)
    assert ACTORS.find(text) == PLAIN.actors.find(text)


@settings(max_examples=300, **DETERMINISTIC)
@given(strings=st.lists(st.text("abé", min_size=1, max_size=3), max_size=6), text=st.text("abé ", max_size=30))
def test_string_automaton_finds_every_occurrence_fixed_strings_finds(strings, text):
    values = {string: number for number, string in enumerate(strings)}
    assert sorted(StringAutomaton(values).occurrences(text)) == sorted(FixedStrings(values).occurrences(text))


@settings(max_examples=300, **DETERMINISTIC)
@given(texts=st.lists(st.lists(PIECE, max_size=12).map(" ".join), min_size=1, max_size=6))
def test_the_scan_rules_out_only_texts_without_verbs(texts):
    no_speech, no_position = verb_free_texts(texts, FAST)
    for text in texts:
        assert text not in no_speech or PLAIN.speech.find(text) == []
        assert text not in no_position or PLAIN.position.find(text) == []


def test_the_scan_on_words_inside_words_digits_accents_and_case_folding():
    texts = [
        "Tokyo lodged a protest with Moscow over the drills.",          # speech phrase of three words
        "The islands lie off the coast of Hokkaido.",                   # nothing to find
        "“We will never give them up,” the envoy told reporters.",      # quote marks and a speech verb
        "Japan wants the four islands back.",                           # position verb only
        "The essay on the planetary survey is in review.",              # the words only inside other words
        "Tokyo's 2019 plan2 failed.",                                   # a digit next to the word is no letter
        "Japan’s envoy déclaré nothing; the Kremlin’s reply is awaited.",  # curly apostrophe, accents
        "Moscow reportedly sent a 500 \u212aelvin probe.",               # the Kelvin sign lowers to "k"
        "Moscow’s envoy ésaid nothing.",                                # a phrase next to a non-ASCII letter
    ]
    no_speech, no_position = verb_free_texts(texts, FAST)
    may_speak = [text not in no_speech for text in texts]
    may_hold = [text not in no_position for text in texts]
    assert may_speak == [True, False, True, False, False, False, False, True, True]
    assert may_hold == [False, False, False, True, False, True, False, True, False]
    for text, speak, hold in zip(texts, may_speak, may_hold):
        # "may" in vain is allowed (the last two); "no" must mean the finder finds nothing.
        assert speak or not SPEECH.find(text)
        assert hold or not POSITION.find(text)


def test_a_cache_serves_one_actors_index_and_starts_again_when_full():
    table = pd.DataFrame(article_statements("t", "Talks stall — envoy\n\nLavrov said the talks go on. "
                                                 "He added that Tokyo knows it."))
    cache = SentenceFactsCache(size=2)
    attribute(table, ACTORS, cache=cache)
    assert len(cache) == 1           # three sentences: the third started it again
    other = load_actors()
    first = attribute(table, other, cache=cache)
    assert len(cache) == 1
    pd.testing.assert_frame_equal(first, attribute(table, ACTORS))
    cache.clear()
    assert len(cache) == 0


def test_one_article_through_the_fast_path_and_the_plain_rules():
    text = "\n\n".join([
        "Japan protests Russian drills, says minister",
        "Tokyo on Tuesday lodged a protest with Moscow over military drills on the disputed islands.",
        "“The drills are unacceptable,” Chief Cabinet Secretary Yoshimasa Hayashi told reporters. "
        "“We will continue to respond firmly.",
        "“Our position is unchanged,” he added.",
        "Moscow considers the islands its territory. The essay on the planetary survey is in review.",
    ])
    table = pd.DataFrame(article_statements("t", text))
    fast = attribute(table, ACTORS)[ATTRIBUTION_COLUMNS].to_dict("records")
    assert fast == attribute_article(table, PLAIN)
    assert [row["mode"] for row in fast][2:5] == ["direct_quote", "direct_quote", "direct_quote"]
    assert fast[4]["speaker"] == fast[2]["speaker"] == "Hayashi"


@pytest.mark.parametrize("finder", [SPEECH, PLAIN.speech], ids=["automaton", "one by one"])
def test_phrases_are_whole_words_leftmost_and_longest(finder):
    found = finder.find("Lavrov SAID he had pointed out the problem, sayings aside; he rules out talks.")
    assert [(m.start, m.text) for m in found] == [(7, "SAID"), (19, "pointed out"), (62, "rules out")]


# ------------------------------------------------------------------ the cheap looks before a pattern's search

from analysis import actors as actors_module  # noqa: E402
from analysis import attribution as attribution_module  # noqa: E402
from analysis._fast.attribution_memo import citation_free_texts  # noqa: E402

SPACES = [" ", "  ", "\t", "\n", "\u00a0", "\x1c", "\u2003", ""]
PRONOUN_PIECES = ["he", "He", "she", "She", "the", "The", "also", "has", "had", "later", "then", "earlier",
                  "firmly", "healso", "shed", "(he", '"She', "Lavrov", "said", ",", "."]


@settings(max_examples=500, **DETERMINISTIC)
@given(pieces=st.lists(st.tuples(st.sampled_from(PRONOUN_PIECES), st.sampled_from(SPACES)), max_size=8))
def test_the_look_for_a_closing_pronoun_asks_the_pattern_whenever_it_may_match(pieces):
    words = "".join(word + space for word, space in pieces)
    for pattern in (attribution_module._PRONOUN_SUBJECT, attribution_module._PRONOUN_BEFORE_VERB):
        found, plain = attribution_module._pronoun_closing(pattern, words), pattern.search(words)
        assert (found and found.span()) == (plain and plain.span())


CITATION_PIECES = ["According to", "according to", "accord", "in", "Lavrov's", "his", "her", "words", "word",
                   "World", "wd", "wld", "opinion", "view", "views", "as", "put it", "Put It", "citing",
                   "CITING", "the", "Tokyo", "\u0130", "\u212a", "said", '"', "“", "”", "«", "»", " ", ",", "."]


@settings(max_examples=500, **DETERMINISTIC)
@given(texts=st.lists(st.lists(st.sampled_from(CITATION_PIECES), max_size=10).map("".join), min_size=1,
                      max_size=6))
def test_the_scan_rules_out_only_texts_without_a_citation(texts):
    free = citation_free_texts(texts)
    for text in texts:
        if text in free:
            for inside in (False, True):
                spans = attribution_module.quote_spans(text, inside)[0]
                outside = attribution_module._outside(text, spans)
                assert not attribution_module._may_cite(outside.lower())


def test_the_citation_scan_on_sentences_of_the_wires():
    texts = [
        "According to Kyodo, the talks will resume in March.",            # according to
        "In Lavrov's words, the issue is closed.",                        # in X's words
        "Tokyo, citing security concerns, protested.",                    # citing
        "The islands lie off the coast of Hokkaido.",                     # nothing
        "Moscow reviewed the plan.",                                      # "view" inside a word: may, in vain
        "As one diplomat PUT IT, nothing moved.",                         # case
        "The \u212aremlin's reply is awaited.",                           # the Kelvin sign: counts as found
    ]
    free = citation_free_texts(texts)
    assert [text not in free for text in texts] == [True, True, True, False, True, True, True]


ARTICLE_LINES = ["Irina Kovalenko teaches Japanese at a school.", "Kenji Sato has worked in Moscow.",
                 "The minister runs the office.", "Anna Kerr works in London and Kenji Sato leads it.",
                 "Min-jung Cho lives in Seoul.", "Yuri Barsukov-smith serves tea.", "Tokyo works hard.",
                 "He said Ivan Petrov teaches.", "Ivan Petrov", "teaches", ""]


@settings(max_examples=300, **DETERMINISTIC)
@given(lines=st.lists(st.sampled_from(ARTICLE_LINES), max_size=8))
def test_names_before_a_verb_of_work_are_found_at_each_lines_start_as_a_multi_line_search_finds_them(lines):
    whole = "\n".join(lines)
    needles = actors_module._occurrences(whole, actors_module._NEEDLES).get("works", ())
    plain = re.compile("^" + actors_module._NAME_THEN_WORK.pattern, re.MULTILINE)
    assert [m.span(1) for m in actors_module._lines_opening_with(actors_module._NAME_THEN_WORK, whole, needles)] \
        == [m.span(1) for m in plain.finditer(whole)]
