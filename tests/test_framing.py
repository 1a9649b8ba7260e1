"""Framing: blame cues find the side cast as the obstacle in sentences of every outlet's style; the cues file is
validated with errors naming the cue; the per-article framing tables of the seed corpus hold the counts read off
the articles and data/annotations/gold.csv by hand."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import framing, paths
from analysis.evaluation import apply_coding, read_coded
from analysis.framing import FramingCuesError, find_blame, load_framing_cues
from analysis.pipeline import tag_corpus
from yaml_texts import FRAMING_CUES


@pytest.fixture(scope="module")
def gold_statements() -> pd.DataFrame:
    table, _ = tag_corpus(paths.ARTICLES, tagger="codebook")
    return apply_coding(table, read_coded(paths.GOLD))


# ------------------------------------------------------------------------------------------------- blame

@pytest.mark.parametrize("sentence, expected", [
    # Japanese and Western outlets
    ("Kishida said Russia's invasion of Ukraine had made talks impossible.", [("made_impossible", "russia")]),
    ("Moscow blamed Tokyo's sanctions for the freeze.", [("blames", "japan")]),
    ("Tokyo blamed Moscow for the lack of progress, the Yomiuri reported.", [("blames", "russia")]),
    ("Japan says Russia's occupation of the Northern Territories is the main obstacle to a peace treaty.",
     [("obstacle", "russia")]),
    ("Japanese officials say the Russian military buildup on the islands undermines trust.",
     [("made_impossible", "russia")]),
    ("The talks were blocked by Moscow's refusal to discuss sovereignty.", [("block", "russia")]),
    ("Japan was blamed for the stalled talks.", [("to_blame", "japan")]),
    ("Russia said on Monday it was withdrawing from peace treaty negotiations with Japan and freezing joint economic "
     "projects tied to the disputed Kuril islands, citing Tokyo's sanctions over the invasion of Ukraine.",
     [("halted_because", "japan")]),
    ("Under the current conditions, the Russian side does not intend to continue negotiations with Japan on a peace "
     "treaty, given the clearly unfriendly stance of Tokyo, the foreign ministry said.", [("unfriendly", "japan")]),
    # the seed articles (TASS and article 003)
    ("Although Moscow pushes for permanent peace with Japan, Tokyo hinders all peace efforts", [("hinder", "japan")]),
    ("Other obstacles include Japan’s attempts to involve its allies, the US, in the negotiations.",
     [("obstacle", "japan")]),
    ("Japan, a close ally of the US, is sticking to sanctions imposed by Washington, which makes the dialogue even "
     "more challenging, Peskov said.", [("made_impossible", "japan")]),
    ("Tokyo’s plans to hold consultations with Washington on making a peace treaty with Moscow point to Japan’s "
     "lack of independence, Russian Foreign Minister Sergey Lavrov said.", [("lack_of_independence", "japan")]),
    # no cue, or a cue without a side
    ("Moscow and Tokyo are locked in uncomfortable conversations about the latent territorial dispute.", []),
    ("Solving such complicated tasks requires creating a proper atmosphere.", []),
    ("The main obstacle remains unresolved.", [("obstacle", "")]),
])
def test_find_blame(sentence, expected):
    assert [(b.cue, b.side) for b in find_blame(sentence)] == expected


def test_find_blame_skips_speakers_and_objects():
    blame, = find_blame("Kishida said Russia's invasion of Ukraine had made talks impossible.")
    assert (blame.word, blame.how, blame.cue_text) == ("Russia", "before", "made talks impossible")
    blame, = find_blame("Although Moscow pushes for permanent peace with Japan, Tokyo hinders all peace efforts")
    assert blame.word == "Tokyo"  # "with Japan" is an object, Moscow is further away


def test_find_blame_pronoun_takes_the_previous_side():
    text = "They support the sanctions regime and this is one of the problems that prevent the signing of the treaty."
    assert [(b.side, b.how) for b in find_blame(text)] == [("", "")]
    assert [(b.side, b.how) for b in find_blame(text, previous_side="japan")] == [("japan", "pronoun")]


def test_blame_table_of_the_seed_corpus(gold_statements):
    # Read off the articles: the TASS background "sticking point ... while Japan laid claims" (000, 001, 002, 004),
    # Lavrov on Japan's "lack of independence" (002/20, 002/22), and article 003's headline, Peskov twice and
    # "Other obstacles include Japan's attempts".
    table = framing.blame_table(gold_statements)
    assert list(table.columns) == framing.BLAME_COLUMNS
    assert rows(table) == [
        ("000", 17, "sticking_point", "japan"), ("001", 8, "sticking_point", "japan"),
        ("002", 20, "lack_of_independence", "japan"), ("002", 22, "lack_of_independence", "japan"),
        ("002", 33, "sticking_point", "japan"), ("003", 0, "hinder", "japan"),
        ("003", 4, "made_impossible", "japan"), ("003", 5, "prevent", "japan"), ("003", 6, "obstacle", "japan"),
        ("004", 14, "sticking_point", "japan")]
    assert table.loc[table["sent_idx"] == 5, "how"].item() == "pronoun"
    assert table["is_boilerplate"].sum() == 4
    counts = framing.blamed_statements(table)
    assert dict(zip(counts["article_id"], counts["statements"])) == {"000": 1, "001": 1, "002": 3, "003": 4, "004": 1}


def rows(table: pd.DataFrame) -> list[tuple]:
    return [tuple(r) for r in table[["article_id", "sent_idx", "cue", "blamed_side"]].itertuples(index=False)]


# ------------------------------------------------------------------------------------------ cues file

VALID = FRAMING_CUES


@pytest.mark.parametrize("replace, message", [
    (("    look: [before]", "    look: [before]\n    side: japan"), "cues\\[1\\]: unknown key\\(s\\) side"),
    (("id: hinder", "id: Hinder"), "cues\\[1\\]: id must be a lower_case identifier"),
    (("'\\bhinders\\b'", "'(hinders'"), "cue 'hinder': bad regex"),
    (("look: [before]", "look: [left]"), "cue 'hinder': look must be a list of before / after"),
    (('["with", "on"]', '["with", on]'), "object_words\\[2\\]: must be a word in quotes"),
    (("window: 20", "window: -1"), "window: must be a positive integer"),
    (("    look: [before]", "    look: [before]\n  - id: hinder\n    pattern: x"), "cue 'hinder': duplicate id"),
])
def test_load_framing_cues_names_the_problem(tmp_path, replace, message):
    path = tmp_path / "cues.yaml"
    path.write_text(VALID.replace(*replace), encoding="utf-8")
    with pytest.raises(FramingCuesError, match=message) as caught:
        load_framing_cues(path)
    assert str(caught.value).startswith(str(path))


def test_load_framing_cues_reads_the_shipped_file():
    cues = load_framing_cues()
    assert cues.window == 20
    assert "on" in cues.object_words
    assert {"hinder", "prevent", "block", "obstacle", "sticking_point", "lack_of_independence"} <= {c.id for c in cues.cues}
    assert load_framing_cues(paths.DATA / "framing_cues.yaml").cues == cues.cues


# ---------------------------------------------------------------------------------- per-article tables

def test_voice_share_of_003_from_gold(gold_statements):
    table = framing.voice_share_table(gold_statements)
    one = table[table["article_id"] == "003"]
    assert dict(zip(one["voice_side"], one["statements"])) == {"russia": 6, "japan": 1, "other": 1, "outlet": 11}
    assert one["share_pct"].sum() == pytest.approx(100.0)
    assert one["article"].unique().tolist() == ["003 · unknown outlet · undated"]


def test_quote_mode_from_gold(gold_statements):
    table = framing.quote_mode_table(gold_statements)
    counts = dict(zip(zip(table["article_id"], table["voice_side"], table["mode"]), table["statements"]))
    assert counts[("000", "russia", "direct_quote")] == 10
    assert counts[("000", "russia", "reported")] == 6      # 000/0, 2, 10, 13, 14, 22
    assert counts[("004", "japan", "reported")] == 5       # the Asahi report: 004/0, 1, 2, 3, 10
    assert ("004", "japan", "direct_quote") not in counts
    assert "outlet" not in set(table["voice_side"])


def test_background_tables_from_gold(gold_statements):
    background = framing.background_table(gold_statements)
    reused = background[background["part"] == "background"].set_index("article_id")["statements"].to_dict()
    assert reused == {"000": 8, "001": 10, "002": 8, "003": 0, "004": 10}
    stances = framing.background_stance_table(gold_statements)
    assert dict(zip(zip(stances["part"], stances["stance"], stances["holder_side"]), stances["statements"])) == {
        ("background", "sovereignty_non_negotiable", "russia"): 2,   # "Moscow has stated many times ..." 001, 004
        ("background", "territory_first", "japan"): 4,               # "Japan laid claims ..." in each TASS article
        ("background", "treaty_first", "russia"): 4,                 # the 1956 declaration's order
        ("own text", "sanctions_obstacle", "russia"): 3,
        ("own text", "sovereignty_non_negotiable", "russia"): 9,
        ("own text", "territory_first", "japan"): 4,
        ("own text", "treaty_first", "both"): 2,
        ("own text", "treaty_first", "russia"): 5,
    }


def test_frame_table_of_003_from_gold(gold_statements):
    table = framing.frame_table(gold_statements)
    one = table[table["article_id"] == "003"].set_index("frame")["statements"]
    assert one["legal_historical"] == 7      # 003/11 to 003/17
    assert one["diplomatic_process"] == 13


def test_headline_lead_table(gold_statements):
    table = framing.headline_lead_table(gold_statements).set_index(["article_id", "part"])
    assert table.loc[("003", "headline"), ["subject", "subject_side", "sides_named", "blamed_sides"]].tolist() == \
        ["Moscow", "russia", "russia;japan", "japan"]
    assert table.loc[("004", "headline"), ["subject", "subject_side"]].tolist() == ["Japan", "japan"]
    assert table.loc[("002", "headline"), "subject"] == "Russia's top diplomat"
    assert table.loc[("000", "headline"), "stances"] == "sovereignty_non_negotiable"
    # the dateline "MOSCOW, March 21. /TASS/." is skipped: the lead of 001 is the background sentence
    assert table.loc[("001", "lead"), "subject"] == "Russia"


def test_framing_card_table(gold_statements):
    card = framing.framing_card_table(gold_statements)
    assert list(card.columns) == framing.CARD_COLUMNS
    meta = card[(card["panel"] == "meta") & (card["article_id"] == "003")].set_index("category")["label"]
    assert meta.to_dict() == {"outlet": "unknown", "date": "undated"}
    headline = card[card["panel"] == "headline"].set_index("article_id")
    assert headline.loc["004", ["category", "label"]].tolist() == ["japan", "Japan"]
    blame = card[(card["panel"] == "blame") & (card["article_id"] == "003")]
    assert blame[["category", "statements"]].values.tolist() == [["japan", 4]]
