"""Sentence splitting, statement offsets and reused-background detection."""
import re

import numpy as np
import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.statements import (article_statements, dateline_end, find_boilerplate, split_corpus,
                                 split_sentences)


def sentences(paragraph):
    return [paragraph[s:e] for s, e in split_sentences(paragraph)]


@pytest.mark.parametrize("case, paragraph, expected", [
    ("TASS dateline stays in the first sentence",
     "MOSCOW, March 21. /TASS/. Moscow and Tokyo are just beginning their journey. Talks continue.",
     ["MOSCOW, March 21. /TASS/. Moscow and Tokyo are just beginning their journey.", "Talks continue."]),
    ("dateline with a region and a middle dot",
     "KRABOZAVODSKOYE /Sakhalin Region/, February ·26. /TASS/. Moscow is in talks. It said so.",
     ["KRABOZAVODSKOYE /Sakhalin Region/, February ·26. /TASS/. Moscow is in talks.", "It said so."]),
    ("wire dateline",
     "TOKYO (Reuters) - Japan protested on Monday. Moscow did not reply.",
     ["TOKYO (Reuters) - Japan protested on Monday.", "Moscow did not reply."]),
    ("U.S. inside a sentence",
     "The U.S. military presence in Japan worries Moscow. Tokyo disagrees.",
     ["The U.S. military presence in Japan worries Moscow.", "Tokyo disagrees."]),
    ("U.S. closing a sentence before an opener",
     "Japan joined sanctions imposed by the U.S. The move angered Moscow.",
     ["Japan joined sanctions imposed by the U.S.", "The move angered Moscow."]),
    ("month abbreviation before a day",
     "The talks were held on Feb. 24 in Moscow. Lavrov spoke.",
     ["The talks were held on Feb. 24 in Moscow.", "Lavrov spoke."]),
    ("No. before a number",
     "Abe called it priority No. 1 for his government. He repeated it.",
     ["Abe called it priority No. 1 for his government.", "He repeated it."]),
    ("title abbreviation", "Mr. Abe met Mr. Putin in Vladivostok. They talked.",
     ["Mr. Abe met Mr. Putin in Vladivostok.", "They talked."]),
    ("initial inside a name", "Vladimir V. Putin spoke first. Abe replied.",
     ["Vladimir V. Putin spoke first.", "Abe replied."]),
    ("quote closing after the full stop, then he said",
     '"We are ready to continue." he added, smiling. Talks resumed.',
     ['"We are ready to continue." he added, smiling.', "Talks resumed."]),
    ("comma inside the quote before the attribution",
     '"We have been holding talks for 60 years," Ivanov said. "It is Japan that has a territorial issue."',
     ['"We have been holding talks for 60 years," Ivanov said.', '"It is Japan that has a territorial issue."']),
    ("quote spanning several sentences is split into its sentences",
     '"We are ready. What are these talks about? About a peace treaty," Ivanov said.',
     ['"We are ready.', "What are these talks about?", 'About a peace treaty," Ivanov said.']),
    ("curly quotes spanning sentences",
     "“They support the sanctions regime. This is a problem,” Peskov said.",
     ["“They support the sanctions regime.", "This is a problem,” Peskov said."]),
    ("brackets inside a quote",
     '"There is no sign of talks about any [island] handover, rest assured of that," the envoy said. Next.',
     ['"There is no sign of talks about any [island] handover, rest assured of that," the envoy said.',
      "Next."]),
    ("bracketed insertion with a full stop-free name",
     '"[Japanese Prime Minister] Shinzo Abe tells the parliament otherwise. I have no idea why," he said.',
     ['"[Japanese Prime Minister] Shinzo Abe tells the parliament otherwise.', 'I have no idea why," he said.']),
    ("ellipsis followed by lower case continues", "We will see... and then decide. Fine.",
     ["We will see... and then decide.", "Fine."]),
    ("ellipsis followed by a capital ends", "We will see… Then we decide.", ["We will see…", "Then we decide."]),
    ("decimal numbers", "Trade grew 3.5 percent last year. Exports fell.",
     ["Trade grew 3.5 percent last year.", "Exports fell."]),
    ("question and exclamation", "Why now? Nobody knows! Talks go on.", ["Why now?", "Nobody knows!", "Talks go on."]),
    ("headline without a full stop", "No sign of talks on island handover between Moscow, Tokyo — envoy",
     ["No sign of talks on island handover between Moscow, Tokyo — envoy"]),
    ("closing quote then full stop outside", '"We are ready," he said. "Are you?".',
     ['"We are ready," he said.', '"Are you?".']),
])
def test_hard_cases_of_news_english(case, paragraph, expected):
    assert sentences(paragraph) == expected, case


def test_dateline_length():
    assert dateline_end("MOSCOW, March 21. /TASS/. Moscow and Tokyo") == len("MOSCOW, March 21. /TASS/.")
    assert dateline_end("TOKYO, June 1. /TASS/. The Japanese government") == len("TOKYO, June 1. /TASS/.")
    assert dateline_end("MOSCOW is a city.") == 0


@pytest.fixture(scope="module")
def seed_statements():
    return split_corpus(load_corpus())


def test_seed_corpus_statement_counts(seed_statements):
    counts = seed_statements.groupby("article_id").size().to_dict()
    assert counts == {"000": 23, "001": 15, "002": 39, "003": 19, "004": 22}


def test_offsets_give_back_the_cleaned_text(seed_statements):
    corpus = load_corpus()
    for article_id, clean in zip(corpus["article_id"], corpus["clean_text"]):
        rows = seed_statements[seed_statements["article_id"] == article_id]
        rebuilt = "".join(clean[s:e] for s, e in zip(rows["char_start"], rows["char_end"]))
        assert re.sub(r"\s", "", rebuilt) == re.sub(r"\s", "", clean)
        for row in rows.itertuples():
            assert clean[row.char_start:row.char_end] == row.text


def test_headline_lead_and_heading(seed_statements):
    first = seed_statements[seed_statements["article_id"] == "001"].set_index("sent_idx")
    assert first.loc[0, "is_headline"] and first.loc[0, "text"].startswith("Moscow and Tokyo just beginning")
    assert first.loc[1, "is_lead"]
    assert first.loc[6, "is_heading"] and first.loc[6, "text"] == "Peace treaty issue"
    assert first.loc[7, "section"] == "Peace treaty issue"
    assert first.loc[2, "section"] == "body"


def test_background_section_is_flagged_in_the_four_tass_articles(seed_statements):
    flagged = seed_statements[seed_statements["is_boilerplate"]]
    assert sorted(flagged["article_id"].unique()) == ["000", "001", "002", "004"]
    sovereignty = flagged[flagged["text"].str.contains("cannot be called into question")]
    assert sorted(sovereignty["article_id"]) == ["001", "004"]
    assert sovereignty["boilerplate_group"].nunique() == 1
    # 003 is from another outlet and shares no paragraph with the TASS pieces.
    assert not seed_statements.loc[seed_statements["article_id"] == "003", "is_boilerplate"].any()
    # Own reporting of each article is not flagged.
    own = seed_statements[seed_statements["text"].str.startswith("Lavrov said that in order")]
    assert not own["is_boilerplate"].any()


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


def test_repeats_inside_one_article_are_not_boilerplate():
    rows = article_statements("x", "Headline\n\nSame paragraph text here for sure.\n\nSame paragraph text here for sure.")
    table = pd.DataFrame(rows)
    groups = find_boilerplate(table.groupby(["article_id", "para_idx"])["text"].first().reset_index())
    assert groups == {}


def test_boundaries_agree_with_syntok_on_the_seed_corpus(seed_statements):
    """syntok is the reference splitter; we differ from it only where we are right by design."""
    from syntok import segmenter

    corpus = load_corpus()
    ours, theirs = set(), set()
    for article_id, clean in zip(corpus["article_id"], corpus["clean_text"]):
        rows = seed_statements[seed_statements["article_id"] == article_id]
        ours |= {(article_id, e) for e in rows["char_end"]}
        offset = 0
        for paragraph in clean.split("\n\n"):
            for sentence in next(iter(segmenter.analyze(paragraph))):
                end = sentence[-1].offset + len(sentence[-1].value)
                theirs.add((article_id, offset + end))
            offset += len(paragraph) + 2
    agreed = ours & theirs
    assert len(agreed) / len(ours | theirs) >= 0.85
    only_syntok = theirs - ours
    # syntok splits TASS datelines ("/TASS/." and "February 26.") apart; we keep them in one sentence.
    clean = dict(zip(corpus["article_id"], corpus["clean_text"]))
    for article_id, end in only_syntok:
        context = clean[article_id][max(0, end - 12):end]
        assert "TASS" in context or re.search(r"\d\.$", context) or context.endswith((".", '."', "”")), context


def test_background_reused_in_hundreds_of_articles_is_one_group():
    """Above 30 copies the detector compares with representatives instead of every pair: still one group."""
    background = ("Since the mid-20th century, Russia and Japan have been holding consultations in order to clinch "
                  "a peace treaty as a follow-up to World War II.")
    rows = []
    for n in range(400):
        variant = background.replace("mid-20th", "mid-20th" if n % 2 else "middle of the 20th")
        rows.append({"article_id": f"a{n:03d}", "para_idx": 3, "text": variant})
        rows.append({"article_id": f"a{n:03d}", "para_idx": 2, "text": f"Own reporting number {n} about a "
                     f"meeting held on day {n} with {n * 7} participants and {n * 13} observers."})
    groups = find_boilerplate(pd.DataFrame(rows))
    assert {groups.get((f"a{n:03d}", 3)) for n in range(400)} == {"bg01"}
    assert not any(key[1] == 2 for key in groups)


def test_near_copies_that_share_only_frequent_grams_are_one_group():
    """Forty versions of a background paragraph, each with its own date: every 5-gram they share is held by
    more than 30 paragraphs, so no pair is counted (part 1) and all the links come from the check against
    representatives (part 2). A paragraph that shares a clause with them, but not 60% of its grams, stays out."""
    background = ("Since the mid-20th century, Russia and Japan have been holding consultations in order to "
                  "clinch a peace treaty as a follow-up to World War II, the ministry said on {day} of {month}.")
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    rows = [{"article_id": f"a{n:02d}", "para_idx": 3,
             "text": background.format(day=f"day {n % 5 + 1}", month=months[n // 5])} for n in range(40)]
    rows.append({"article_id": "z", "para_idx": 2,
                 "text": "Russia and Japan have been holding consultations on fishing quotas near Hokkaido for "
                         "years without any agreement on catch limits, prices or inspections at sea."})
    groups = find_boilerplate(pd.DataFrame(rows))
    assert {groups.get((f"a{n:02d}", 3)) for n in range(40)} == {"bg01"}
    assert ("z", 2) not in groups


def test_copies_of_one_paragraph_are_grouped_only_across_articles():
    """Boilerplate is found on distinct paragraphs (each word-for-word copy shingled once); a copy counts
    only if it sits in another article, and a near copy in a third article joins the same group."""
    background = ("Relations between Russia and Japan have been overshadowed for decades by the absence of a "
                  "peace treaty and the dispute over the southern Kuril Islands.")
    near_copy = background.replace("for decades", "for more than seventy years")
    paragraphs = pd.DataFrame({
        "article_id": ["a", "a", "b", "b", "c", "d", "d"],
        "para_idx": [2, 5, 3, 4, 2, 2, 6],
        "text": [background, "Kyodo said the ministers met in Tokyo on Sunday to discuss fishing quotas.",
                 "Own reporting on a visit to Kunashir by a delegation of former island residents.",
                 "Own reporting on a visit to Kunashir by a delegation of former island residents.",
                 near_copy, background, background],
    })
    groups = find_boilerplate(paragraphs)
    assert groups == {("a", 2): "bg01", ("c", 2): "bg01", ("d", 2): "bg01", ("d", 6): "bg01"}


def test_pair_counter_merges_blocks_exactly():
    from analysis.statements import _PairCounter

    rng = np.random.default_rng(0)
    blocks = [rng.integers(0, 500, size=rng.integers(1, 300)) for _ in range(40)]
    counter = _PairCounter(budget=50)   # merges many times over
    for block in blocks:
        counter.add(block)
    keys, counts = counter.result()
    expected_keys, expected_counts = np.unique(np.concatenate(blocks), return_counts=True)
    assert keys.tolist() == expected_keys.tolist() and counts.tolist() == expected_counts.tolist()


def test_words_of_a_paragraph_are_the_runs_of_ascii_letters_and_digits():
    """The 5-grams are built from the runs of [a-z0-9] of the lower-cased text. Non-ASCII letters, the
    no-break space, the Kelvin sign (which lower-cases to "k") and CJK text all occur in other outlets' copy."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from analysis.statements import _words_only

    texts = ["Japan’s 4 islands: Etorofu/Iturup, Kunashiri!", "Ünïcödé wörds ÄÖÜ straße\u00a0U.S.-Japan",
             "İstanbul \u212aelvin", "日本とロシア Japan–Russia talks", "", "   ", "x_y z-w 12 34", "a"]
    lowered = pc.utf8_lower(pa.array(texts, type=pa.large_string()))
    words = [[w for w in row if w] for row in pc.split_pattern(_words_only(lowered), " ").to_pylist()]
    assert words == [[w for w in re.split("[^a-z0-9]+", text) if w] for text in lowered.to_pylist()]
    assert words[0] == ["japan", "s", "4", "islands", "etorofu", "iturup", "kunashiri"]
    assert words[1] == ["n", "c", "d", "w", "rds", "stra", "e", "u", "s", "japan"]
    assert words[3] == ["japan", "russia", "talks"] and words[4] == words[5] == []


def test_five_grams_are_sorted_by_hash_then_paragraph_and_distinct():
    """Two paragraphs holding the same 5-grams, one of them twice: each (gram, paragraph) pair once, sorted
    by gram and then by paragraph, as the buckets of boilerplate detection expect."""
    from analysis.statements import _paragraph_shingles

    holder, gram = _paragraph_shingles(["one two three four five six one two three four five",
                                        "one two three four five six", "short one"])
    pairs = list(zip(gram.tolist(), holder.tolist()))
    assert pairs == sorted(set(pairs))
    # 7 grams in the first paragraph, one of them twice; 2 in the second (both also in the first); the short
    # paragraph is one gram of its two words.
    assert sorted(holder.tolist()) == [0] * 6 + [1, 1, 2]
    shared = [g for g, h in pairs if h == 1]
    assert all((g, 0) in pairs and pairs.index((g, 0)) + 1 == pairs.index((g, 1)) for g in shared)
