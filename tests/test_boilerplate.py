"""Reused background: the containment rule on wire and TASS wording, and the engine against the plain rule.

Every concrete test runs on both ``reference_labels`` (the rule in plain Python) and ``boilerplate_labels``
(the engine); the property tests at the end generate corpora from a pool of shared and own paragraphs, and
corpora in which grams are held by more than 30 paragraphs, and check that both give identical labels, group
numbers included.
"""
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.boilerplate import (FREQUENT_SHINGLE, boilerplate_labels, find_boilerplate, reference_labels,
                                  shingles, words)
from analysis.statements import article_statements

DETERMINISTIC = dict(derandomize=True, database=None, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# TASS background on the 1956 declaration, a near copy of it from another dispatch, and own reporting that
# quotes one clause of it.
DECLARATION = ("The Soviet Union and Japan signed a joint declaration on October 19, 1956, in which Moscow agreed "
               "to consider handing over Shikotan Island and the Habomai Islands to Japan after a peace treaty is "
               "concluded.")
DECLARATION_AGAIN = ("The Soviet Union and Japan signed a joint declaration on October 19, 1956, under which Moscow "
                     "agreed to consider handing over Shikotan Island and the Habomai Islands to Japan once a peace "
                     "treaty is signed.")
QUOTING_A_CLAUSE = ("Lavrov said on Monday that the joint declaration of 1956, in which Moscow agreed to consider "
                    "handing over Shikotan Island and the Habomai Islands, does not mean that they will be handed "
                    "over automatically, and that Tokyo must first recognise the outcome of World War II in full.")
TREATY = ("Since the mid-20th century, Russia and Japan have been holding consultations in order to clinch a peace "
          "treaty as a follow-up to World War II.")
OWN = "Kyodo said the ministers met in Tokyo on Sunday to discuss fishing quotas near Hokkaido."


@pytest.fixture(params=[reference_labels, boilerplate_labels], ids=["reference", "engine"])
def labels(request):
    return request.param


def containment(a: str, b: str) -> float:
    shared = len(shingles(a) & shingles(b))
    return shared / min(len(shingles(a)), len(shingles(b)))


@pytest.mark.parametrize("text, expected", [
    ("MOSCOW, March 21. /TASS/. Moscow and Tokyo", ["moscow", "march", "21", "tass", "moscow", "and", "tokyo"]),
    ("Japan’s 4 islands: Etorofu/Iturup", ["japan", "s", "4", "islands", "etorofu", "iturup"]),
    ("U.S.-Japan talks", ["u", "s", "japan", "talks"]),
    ("Südkurilen İturup \u212aunashir", ["s", "dkurilen", "iturup", "kunashir"]),   # Kelvin sign: "k"
    ("日本とロシア — the mid-20th century", ["the", "mid", "20th", "century"]),
    ("—", []),
])
def test_words_are_the_runs_of_ascii_letters_and_digits(text, expected):
    assert words(text) == expected


def test_a_paragraph_of_fewer_than_five_words_is_one_gram():
    assert len(shingles("Peace treaty issue")) == 1
    assert shingles("Peace treaty issue!!") == shingles("peace TREATY issue")
    assert shingles("— /TASS/ —") != set() and shingles("— ... —") == set()
    # 11 words: 7 five-word runs, one of them twice.
    assert len(shingles("one two three four five six one two three four five")) == 6


def test_a_background_paragraph_reused_by_two_articles_is_flagged(labels):
    assert containment(DECLARATION, DECLARATION_AGAIN) == 20 / 31
    assert labels(["a", "a", "b", "b"], [OWN, DECLARATION, "Lavrov met Kono in Moscow.", DECLARATION_AGAIN]) == \
        ["", "bg01", "", "bg01"]


def test_a_paragraph_that_shares_only_a_clause_is_not(labels):
    assert containment(DECLARATION, QUOTING_A_CLAUSE) == 11 / 31
    assert labels(["a", "b"], [DECLARATION, QUOTING_A_CLAUSE]) == ["", ""]
    # A third article reusing the background joins the first, and the quoting paragraph still stays out.
    assert labels(["a", "b", "c"], [DECLARATION, QUOTING_A_CLAUSE, DECLARATION_AGAIN]) == ["bg01", "", "bg01"]


@pytest.mark.parametrize("other, expected", [
    # 9 words: 5 grams, of which 3 are shared: containment exactly 0.6, linked.
    ("Tokyo insists that the four islands belong historically to Japan, the ministry said.", "bg01"),
    # 2 of the 5 shared: 0.4.
    ("Tokyo insists that the four islands are not Russian, the ministry said.", ""),
])
def test_containment_is_over_the_smaller_paragraph_and_the_threshold_is_inclusive(labels, other, expected):
    claim = "Tokyo insists that the four islands belong to Japan"
    assert labels(["a", "b"], [claim, other]) == [expected, expected]


def test_repeats_inside_one_article_are_not_boilerplate(labels):
    rows = pd.DataFrame(article_statements(
        "x", "Headline\n\nSame paragraph text here for sure.\n\nSame paragraph text here for sure."))
    paragraphs = rows.groupby(["article_id", "para_idx"])["text"].first().reset_index()
    assert labels(paragraphs["article_id"].tolist(), paragraphs["text"].tolist()) == ["", "", ""]


def test_copies_of_one_paragraph_are_grouped_only_across_articles(labels):
    """Boilerplate is found on distinct paragraphs (each word-for-word copy shingled once); a copy counts
    only if it sits in another article, and a near copy in a third article joins the same group."""
    background = ("Relations between Russia and Japan have been overshadowed for decades by the absence of a "
                  "peace treaty and the dispute over the southern Kuril Islands.")
    near_copy = background.replace("for decades", "for more than seventy years")
    visit = "Own reporting on a visit to Kunashir by a delegation of former island residents."
    assert labels(["a", "a", "b", "b", "c", "d", "d"],
                  [background, OWN, visit, visit, near_copy, background, background]) == \
        ["bg01", "", "", "", "bg01", "bg01", "bg01"]


def test_groups_are_numbered_in_order_of_first_appearance(labels):
    assert labels(["a", "a", "a", "b", "c"], [OWN, TREATY, DECLARATION, DECLARATION_AGAIN, TREATY]) == \
        ["", "bg01", "bg02", "bg02", "bg01"]
    # After bg99 comes bg100.
    datelines = [f"YUZHNO-SAKHALINSK, {n}" for n in range(101)]
    assert labels(["a"] * 101 + ["b"] * 101, datelines + datelines) == [f"bg{n:02d}" for n in range(1, 102)] * 2


def test_boilerplate_is_found_by_similarity_not_by_heading():
    paragraphs = pd.DataFrame({
        "article_id": ["a", "b", "c"],
        "para_idx": [3, 5, 2],
        "text": ["Japan laid claims to the four southern islands after the war ended in 1945 and ever since.",
                 "Japan laid claims to the four southern islands after the war ended in 1945 and since then.",
                 "Lavrov met Kono in Moscow to discuss a completely different matter of fishing quotas."],
    })
    groups = find_boilerplate(paragraphs)
    assert groups == {("a", 3): "bg01", ("b", 5): "bg01"}


# More than FREQUENT_SHINGLE (30) paragraphs holding a gram.

def test_background_reused_in_hundreds_of_articles_is_one_group(labels):
    """Above 30 copies each paragraph is compared with the first holders of its rarest frequent grams
    instead of every other paragraph: the copies still form one group."""
    article_ids, texts = [], []
    for n in range(400):
        article_ids += [f"a{n:03d}", f"a{n:03d}"]
        texts += [TREATY.replace("mid-20th", "mid-20th" if n % 2 else "middle of the 20th"),
                  f"Own reporting number {n} about a meeting held on day {n} with {n * 7} participants and "
                  f"{n * 13} observers."]
    assert set(labels(article_ids, texts)[0::2]) == {"bg01"}
    assert set(labels(article_ids, texts)[1::2]) == {""}


def test_near_copies_that_share_only_frequent_grams_join_through_their_first_copies(labels):
    """Forty versions of a background paragraph, each with its own date: every 5-gram they share is held by
    more than 30 paragraphs, so every link comes from the check against the first holders (rule 4b). A
    paragraph that shares a clause with them, but not 60% of its grams, stays out."""
    background = ("Since the mid-20th century, Russia and Japan have been holding consultations in order to "
                  "clinch a peace treaty as a follow-up to World War II, the ministry said on {day} of {month}.")
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    texts = [background.format(day=f"day {n % 5 + 1}", month=months[n // 5]) for n in range(40)]
    texts.append("Russia and Japan have been holding consultations on fishing quotas near Hokkaido for years "
                 "without any agreement on catch limits, prices or inspections at sea.")
    assert labels([f"a{n:02d}" for n in range(41)], texts) == ["bg01"] * 40 + [""]


@pytest.mark.parametrize("dispatches, expected", [(FREQUENT_SHINGLE - 10, "bg04"), (FREQUENT_SHINGLE + 1, "")])
def test_a_pair_linked_only_through_frequent_grams_needs_a_first_holder(labels, dispatches, expected):
    """A headline and a sentence hold the same three grams, and each gram also recurs in its own kind of
    dispatch. With 20 dispatches of each kind the grams are rare and the pair is linked; with 31 they are
    frequent, the headline and the sentence are compared only with the first dispatches holding them (which
    hold one of their three grams), and they are not linked: the price of not counting frequent grams."""
    kinds = ["On day {n} the ministry said that Japan claims the four southern islands, a position Moscow "
             "rejects, in statement No. {n}.",
             "Tokyo claims the four southern Kuril isles as its Northern Territories, the agency reported in "
             "dispatch No. {n}.",
             "Moscow has controlled the four southern Kuril Islands since 1945, the newspaper wrote in issue "
             "No. {n}."]
    texts = [kind.format(n=n) for kind in kinds for n in range(dispatches)]
    texts += ["Japan claims the four southern Kuril Islands", "Japan claims the four southern Kuril islands."]
    assert shingles(texts[-1]) == shingles(texts[-2]) and len(shingles(texts[-1])) == 3
    got = labels([f"d{n}" for n in range(len(texts) - 2)] + ["x", "y"], texts)
    assert got[-2:] == [expected, expected]
    assert [got[n * dispatches] for n in range(3)] == ["bg01", "bg02", "bg03"]


@pytest.mark.parametrize("rank, place, linked", [(1, 8, True), (1, 9, False), (4, 8, True), (5, 1, False)])
def test_the_first_eight_holders_of_the_four_rarest_frequent_grams_are_checked(labels, rank, place, linked):
    """A claim of five grams, each of which also recurs in its own kind of dispatch (the k-th kind in 30 + k
    dispatches, so the k-th gram is the k-th rarest), and the same claim spelt otherwise, which comes
    ``place``-th among the holders of the ``rank``-th gram and after the dispatches of every other kind.
    The claim, written last, is linked to its other spelling only when that is among the first 8 holders of
    one of its 4 rarest frequent grams."""
    claim = "Tokyo still claims the four southern Kuril Islands today"
    kinds = ["On day {n} Tokyo still claims the four islands, the agency reported in dispatch No. {n}.",
             "Tokyo's ministry still claims the four southern islands, the agency reported in dispatch No. {n}.",
             "Japan claims the four southern Kuril isles, the agency reported in dispatch No. {n}.",
             "Moscow has controlled the four southern Kuril Islands since 1945, the agency reported in No. {n}.",
             "All four southern Kuril Islands today remain Russian, the agency reported in dispatch No. {n}."]
    assert [len(shingles(claim) & shingles(kind.format(n=1))) for kind in kinds] == [1] * 5
    texts = [kind.format(n=n) for k, kind in enumerate(kinds, 1) if k != rank for n in range(30 + k)]
    texts += [kinds[rank - 1].format(n=n) for n in range(30 + rank)]
    texts.insert(len(texts) - (30 + rank) + place - 1, claim.lower() + ".")
    texts.append(claim)
    got = labels([f"d{n}" for n in range(len(texts))], texts)
    respelt = got[texts.index(claim.lower() + ".")]
    assert (respelt == got[-1] != "") if linked else (respelt == got[-1] == "")


# The engine's parts.

def test_pair_counter_merges_blocks_exactly():
    from analysis._fast.shingles import _PairCounter

    rng = np.random.default_rng(0)
    blocks = [rng.integers(0, 500, size=rng.integers(1, 300)) for _ in range(40)]
    counter = _PairCounter(budget=50)   # merges many times over
    for block in blocks:
        counter.add(block)
    keys, counts = counter.result()
    expected_keys, expected_counts = np.unique(np.concatenate(blocks), return_counts=True)
    assert keys.tolist() == expected_keys.tolist() and counts.tolist() == expected_counts.tolist()


def test_the_engine_finds_the_words_by_a_byte_lookup():
    """The engine's words are the runs of [a-z0-9] of the Arrow-lower-cased text, as ``words`` says. Non-ASCII
    letters, the no-break space, the Kelvin sign (which lower-cases to "k") and CJK text all occur in other
    outlets' copy."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from analysis._fast.shingles import _words_only

    texts = ["Japan’s 4 islands: Etorofu/Iturup, Kunashiri!", "Ünïcödé wörds ÄÖÜ straße\u00a0U.S.-Japan",
             "İstanbul \u212aelvin", "日本とロシア Japan–Russia talks", "", "   ", "x_y z-w 12 34", "a"]
    lowered = pc.utf8_lower(pa.array(texts, type=pa.large_string()))
    found = [[w for w in row if w] for row in pc.split_pattern(_words_only(lowered), " ").to_pylist()]
    assert found == [[w for w in re.split("[^a-z0-9]+", text) if w] for text in lowered.to_pylist()]
    assert found == [words(text) for text in texts]
    assert found[1] == ["n", "c", "d", "w", "rds", "stra", "e", "u", "s", "japan"]
    assert found[3] == ["japan", "russia", "talks"] and found[4] == found[5] == []


def test_five_grams_are_sorted_by_hash_then_paragraph_and_distinct():
    """Two paragraphs holding the same 5-grams, one of them twice: each (gram, paragraph) pair once, sorted
    by gram and then by paragraph, as the buckets of the engine expect; the hashes are those of ``shingles``."""
    from analysis._fast.shingles import _paragraph_shingles

    texts = ["one two three four five six one two three four five", "one two three four five six", "short one"]
    holder, gram = _paragraph_shingles(texts)
    pairs = list(zip(gram.tolist(), holder.tolist()))
    assert pairs == sorted(set(pairs))
    # 7 grams in the first paragraph, one of them twice; 2 in the second (both also in the first); the short
    # paragraph is one gram of its two words.
    assert sorted(holder.tolist()) == [0] * 6 + [1, 1, 2]
    shared = [g for g, h in pairs if h == 1]
    assert all((g, 0) in pairs and pairs.index((g, 0)) + 1 == pairs.index((g, 1)) for g in shared)
    assert [{g for g, h in pairs if h == n} for n in range(3)] == [shingles(text) for text in texts]


# The engine against the plain rule on generated corpora.

# Words of wire and TASS background, words that repeat, punctuation, non-ASCII, and arbitrary short text.
VOCABULARY = ["Russia", "Japan", "the", "the", "of", "peace", "treaty", "southern", "Kuril", "Islands", "1956",
              "U.S.", "mid-20th", "/TASS/.", "(Reuters)", "—", "...", "“Never,”", "Lavrov's", "İturup",
              "Südkurilen", "日本", "\u212aunashir", "Hokkaido", "said", "No.", "4", "consultations"]
WORD = st.one_of(st.sampled_from(VOCABULARY), st.text(st.characters(blacklist_categories=("Cs",)), min_size=1,
                                                       max_size=4))
SEPARATOR = st.sampled_from([" ", " ", " ", " ", ", ", ". ", " — ", "\u00a0", "-", "/"])


@st.composite
def corpora(draw, max_articles: int, max_paragraphs: int):
    """(article_ids, texts, threshold): articles built from a pool of background paragraphs (each reused
    word for word or with a few words changed) and of own paragraphs; copies recur across and within
    articles, and paragraphs may have fewer than five words."""
    pool = draw(st.lists(st.lists(WORD, max_size=16), min_size=1, max_size=3))
    written: list[str] = []

    def paragraph() -> str:
        kind = draw(st.sampled_from(["copy", "background", "background", "own"]))
        if kind == "copy" and written:
            return draw(st.sampled_from(written))
        if kind == "own":
            chosen = draw(st.lists(WORD, max_size=8))
        else:
            chosen = list(draw(st.sampled_from(pool)))
            for _ in range(draw(st.integers(0, 2)) if chosen else 0):
                chosen[draw(st.integers(0, len(chosen) - 1))] = draw(WORD)
        text = "".join(word + draw(SEPARATOR) for word in chosen).strip() or draw(st.sampled_from(["—", "Peace"]))
        written.append(text)
        return text

    article_ids, texts = [], []
    for article in range(draw(st.integers(1, max_articles))):
        for _ in range(draw(st.integers(1, max_paragraphs))):
            article_ids.append(f"a{article}")
            texts.append(paragraph())
    threshold = draw(st.sampled_from([0.6, 0.6, 0.6, 0.3, 0.5, 0.8, 1.0]))
    return article_ids, texts, threshold


@settings(max_examples=300, **DETERMINISTIC)
@given(corpus=corpora(max_articles=10, max_paragraphs=4))
def test_engine_and_reference_give_the_same_labels(corpus):
    article_ids, texts, threshold = corpus
    assert boilerplate_labels(article_ids, texts, threshold=threshold) == \
        reference_labels(article_ids, texts, threshold=threshold)


@st.composite
def wide_corpora(draw):
    """(article_ids, texts, threshold): 31 to 50 versions of a background paragraph, each with a few words
    changed and its own number inserted (as dispatches differ by a date), so that many grams are held by
    more than 30 paragraphs; with own paragraphs and copies, in any order, in articles that may hold
    several of them."""
    background = draw(st.lists(st.one_of(st.sampled_from(VOCABULARY), WORD), min_size=10, max_size=20))
    texts = []
    for number in range(draw(st.integers(FREQUENT_SHINGLE + 1, FREQUENT_SHINGLE + 20))):
        chosen = list(background)
        for _ in range(draw(st.integers(0, 2))):
            chosen[draw(st.integers(0, len(chosen) - 1))] = draw(WORD)
        chosen.insert(draw(st.sampled_from([0, len(chosen), len(chosen) // 2])), f"No. {number}")
        texts.append(" ".join(chosen))
    texts += draw(st.lists(st.one_of(st.sampled_from(texts), st.lists(WORD, max_size=8).map(" ".join)), max_size=8))
    texts = draw(st.permutations(texts))
    article_ids = [f"a{draw(st.integers(0, len(texts) // 2))}" for _ in texts]
    return article_ids, texts, draw(st.sampled_from([0.6, 0.6, 0.5, 0.8]))


@settings(max_examples=60, **DETERMINISTIC)
@given(corpus=wide_corpora())
def test_engine_and_reference_agree_when_grams_are_frequent(corpus):
    """Corpora in which many grams are held by more than 30 paragraphs (rule 4b)."""
    article_ids, texts, threshold = corpus
    assert boilerplate_labels(article_ids, texts, threshold=threshold) == \
        reference_labels(article_ids, texts, threshold=threshold)


@settings(max_examples=200, **DETERMINISTIC)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_shingles_are_the_engines_grams(text):
    from analysis._fast.shingles import _paragraph_shingles

    holder, gram = _paragraph_shingles([text])
    assert set(gram.tolist()) == shingles(text)
