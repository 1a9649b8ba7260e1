"""Charts (``analysis.charts``): each plot function draws a hand-built table with the expected title and axes;
the tables behind the charts (built in ``analysis.positions``, ``analysis.corpus_tables`` and
``analysis.evaluation``) of the seed corpus, fed the gold, hold the counts read off
data/annotations/gold.csv by hand; saving is byte-for-byte repeatable."""
from __future__ import annotations

import dataclasses
import math

import matplotlib.dates
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import charts, framing, paths, positions
from analysis.codebook import load_codebook
from analysis.corpus_tables import background_group_table, corpus_table
from analysis.evaluation import (AnnotationError, apply_coding, classroom_agreement, classroom_comparison, kappa_table,
                                 read_classroom, read_coded, tagger_comparison_table)
from analysis.pipeline import tag_corpus


@pytest.fixture(scope="module")
def gold_statements() -> pd.DataFrame:
    """The seed corpus's statement table with the gold's coding laid over the tagger's."""
    table, _ = tag_corpus(paths.ARTICLES, tagger="codebook")
    return apply_coding(table, read_coded(paths.GOLD))


def title(fig: Figure) -> str:
    """The chart's title as one line (long titles are wrapped to the figure width)."""
    return fig.get_suptitle().replace("\n", " ")


def rows(table: pd.DataFrame, columns: list[str]) -> set[tuple]:
    return {tuple(r) for r in table[columns].itertuples(index=False)}


# --------------------------------------------------------------------------------- hand-built tables

def test_plot_voice_share_title_axes_and_bars():
    table = pd.DataFrame({"article_id": ["a", "a", "b"], "article": ["a · X · 2019-01-01"] * 2 + ["b · Y · undated"],
                          "voice_side": ["russia", "outlet", "japan"], "statements": [3, 1, 4],
                          "share_pct": [75.0, 25.0, 100.0]})
    fig = charts.plot_voice_share(table, source="Source: test")
    assert isinstance(fig, Figure)
    assert title(fig) == "Russian officials voice 38% of statements, Japanese officials 50%"
    ax = fig.axes[0]
    assert ax.get_xlabel() == "share of the article's statements (%)"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a · X · 2019-01-01", "b · Y · undated"]
    assert ax.get_xlim() == (0, 100)
    assert "Source: test" in [t.get_text() for t in fig.texts]


def test_plot_stance_profile_panels_per_holder_and_finding():
    table = pd.DataFrame([
        ("russia", "treaty_first", "russia", "russia", "own officials", 3, 75.0),
        ("russia", "treaty_first", "outlet", "outlet", "outlet narration", 1, 25.0),
        ("japan", "territory_first", "outlet", "outlet", "outlet narration", 2, 100.0)],
        columns=positions.STANCE_PROFILE_COLUMNS)
    fig = charts.plot_stance_profile(table)
    assert title(fig) == ("Russia's positions come mostly from its own officials (75%), "
                                  "Japan's from the outlet's narration (100%)")
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == ["held by Russia (4 stance statements)", "held by Japan (2 stance statements)"]
    assert fig.axes[0].get_xlabel() == "statements"
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Treaty first", "Territory first"]
    assert fig.legends[0].get_title().get_text() == "voice that carried the position"
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Russian officials", "the outlet's narration"]


def test_plot_statements_per_article_counts_background():
    table = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "article": ["a", "a", "b", "b"],
                          "part": ["own text", "background", "own text", "background"],
                          "statements": [5, 3, 2, 0]})
    fig = charts.plot_statements_per_article(table)
    assert title(fig) == "3 of 10 statements (30%) are reused background paragraphs"
    assert fig.axes[0].get_xlabel() == "statements"
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == ["no background", "3 of 8 background"]  # rows drawn bottom-up: b, then a


def test_plot_voice_holder_title_counts_a_side_speaking_for_itself():
    # A newspaper quoted as a source (speaker_type media) is a row of its own, never a Japanese official.
    table = pd.DataFrame([("russia", "russia", "russia", 6, 50.0), ("outlet", "outlet", "japan", 3, 25.0),
                          ("japan", "japan", "japan", 1, 8.3), ("japan", "japan_media", "japan", 2, 16.7)],
                         columns=positions.VOICE_HOLDER_COLUMNS)
    fig = charts.plot_voice_holder(table)
    assert title(fig) == ("Russian officials voice 6 of the 6 statements holding Russia's position; "
                          "Japanese officials voice 1 of the 6 statements holding Japan's position (Japanese media 2 more)")
    ax = fig.axes[0]
    assert ax.get_ylabel() == "who speaks"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Russian officials", "Japanese officials",
                                                            "Japanese media", "the outlet's narration"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Russia", "Japan"]


def test_plot_speaker_stance_names_the_top_speaker():
    table = pd.DataFrame([("Lavrov", "russia", "sovereignty_non_negotiable", 4),
                          ("(outlet narration)", "outlet", "territory_first", 2)],
                         columns=positions.SPEAKER_STANCE_COLUMNS)
    fig = charts.plot_speaker_stance(table)
    assert title(fig) == "Lavrov carries the most stance statements: 4 of 6"
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Lavrov (4)", "(outlet narration) (2)"]
    assert fig.axes[0].get_yticklabels()[0].get_color() == charts.SIDE_COLOURS["russia"]


def test_plot_stance_timeline_counts_undated_apart():
    table = pd.DataFrame([("b", "2019-03-01", "russia", "treaty_first", 2),
                          ("c", "undated", "japan", "treaty_first", 1),
                          ("a", "2019-02-01", "japan", "territory_first", 1)],
                         columns=positions.STANCE_TIMELINE_COLUMNS)
    fig = charts.plot_stance_timeline(table)
    assert title(fig) == "Treaty first appears in 2 of 3 articles; 2 of them are dated, too few to show a trend"
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks == ["Feb", "Mar", "Apr"]   # monthly bars on a date axis, February to March 2019
    assert fig.axes[0].xaxis.get_major_formatter().get_offset() == "2019"
    assert [ax.get_title(loc="left") for ax in fig.axes[:2]] == ["Treaty first (3, 1 undated)", "Territory first (1)"]
    assert fig.axes[0].get_ylabel() == "statements per month"
    heights = [round(p.get_height()) for p in fig.axes[0].patches]
    assert sum(heights) == 2   # the undated statement is counted in the title, not placed at a date


def test_plot_stance_timeline_is_a_true_date_axis():
    """2019-01-14, 2019-01-15 and 2022-03-21: not three equally spaced categories but years with the empty
    ones between them (more than 36 months: one bar a year)."""
    table = pd.DataFrame([("a", "2019-01-14", "russia", "treaty_first", 1),
                          ("b", "2019-01-15", "russia", "treaty_first", 2),
                          ("c", "2022-03-21", "japan", "treaty_first", 4)], columns=positions.STANCE_TIMELINE_COLUMNS)
    fig = charts.plot_stance_timeline(table)
    ax = fig.axes[0]
    bars = {matplotlib.dates.num2date(p.get_x() + p.get_width() / 2).year: p.get_height() for p in ax.patches
            if p.get_height()}
    assert bars == {2019: 3, 2022: 4}
    assert ax.get_ylabel() == "statements per year"
    low, high = (matplotlib.dates.num2date(x).date().isoformat() for x in ax.get_xlim())
    assert (low, high) == ("2019-01-01", "2023-01-01")


def test_plot_quote_mode_counts_quotes_and_paraphrases():
    table = pd.DataFrame([("a", "a", "russia", "russia", "direct_quote", 2, 50.0),
                          ("a", "a", "russia", "russia", "reported", 2, 50.0),
                          ("a", "a", "japan", "japan", "reported", 1, 100.0)], columns=framing.QUOTE_MODE_COLUMNS)
    fig = charts.plot_quote_mode(table)
    assert title(fig) == ("Russian officials: 2 statements quoted directly, 2 paraphrased; "
                                  "Japanese officials: 0 statements quoted directly, 1 paraphrased")
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["Russian officials\n2 quoted, 2 paraphrased",
                                                   "Japanese officials\n0 quoted, 1 paraphrased"]


def test_plot_background_stances_and_frames_and_blame_titles():
    background = pd.DataFrame([("background", "territory_first", "japan", 2), ("own text", "territory_first", "japan", 1),
                               ("own text", "treaty_first", "russia", 3)], columns=framing.BACKGROUND_STANCE_COLUMNS)
    fig = charts.plot_background_stances(background)
    assert title(fig) == ("Reused background carries 2 of 6 stance statements, "
                                  "2 of the 3 that hold Japan's position")
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["the articles' own text (4)", "reused background paragraphs (2)"]

    frames = pd.DataFrame([("a", "a", "economic", 1, 50.0), ("a", "a", "diplomatic_process", 2, 100.0),
                           ("b", "b", "diplomatic_process", 1, 100.0)], columns=framing.FRAME_COLUMNS)
    fig = charts.plot_frames(frames)
    assert title(fig) == "Diplomatic process is the most frequent frame in 2 of 2 articles"
    assert {t.get_text() for t in fig.axes[0].texts} == {"1 (50%)", "2 (100%)", "1 (100%)"}

    blame = pd.DataFrame([("a", "japan", 2), ("b", "russia", 1), ("b", "unclear", 1)],
                         columns=["article_id", "blamed_side", "statements"])
    fig = charts.plot_blame(blame, articles=["a", "b", "c"])
    assert title(fig) == "Japan is cast as the obstacle in 2 of 4 blaming statements"
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["a", "b", "c"]
    assert fig.axes[0].get_xlabel() == "statements casting a side as the obstacle to the treaty"


def test_plot_framing_cards_one_card_per_article(gold_statements):
    two = gold_statements[gold_statements["article_id"].isin(["003", "004"])]
    cards = framing.framing_card_table(two)
    fig = charts.plot_framing_cards(cards)
    assert title(fig) == ("Russian officials are the largest voice in 0 of 2 articles; 2 cast Japan as the "
                                  "obstacle, none Russia")
    headings = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_text().startswith("00")]
    assert headings == ["003 · unknown outlet · undated  —  19 statements, 0% reused background; "
                        "headline subject: Moscow (Russia)",
                        "004 · TASS · 2019-06-01  —  22 statements, 45% reused background; "
                        "headline subject: Japan (Japan)"]
    assert len(fig.axes) == 2 * 5  # a heading row and four panels per card


def test_evaluation_and_classroom_charts():
    scores = pd.DataFrame([("set", "codebook", s, 0.5, 0.5, f, 2, 2) for s, f in
                           (("treaty_first", 0.5), ("macro", 0.25))] +
                          [("set", "classifier", s, 0.5, 0.5, f, 2, 2) for s, f in
                           (("treaty_first", 0.4), ("macro", 0.2))],
                          columns=["dataset", "tagger", "stance", "precision", "recall", "f1", "support", "predicted"])
    fig = charts.plot_tagger_scores(scores)
    assert title(fig) == "Macro F1 on set: codebook tagger 0.25, classifier 0.20"
    assert fig.axes[0].get_title(loc="left") == "set\n(2 stance labels in the gold)"

    kappas = pd.DataFrame([("A vs B", "treaty_first", 10, 90.0, 0.8), ("A vs B", "territory_first", 10, 100.0, 1.0)],
                          columns=["comparison", "stance", "n", "agreement_pct", "cohen_kappa"])
    fig = charts.plot_agreement(kappas)
    assert title(fig) == "Mean kappa over stances: A vs B 0.90"
    assert fig.axes[0].get_xlabel().startswith("Cohen's kappa")

    accuracy = pd.DataFrame([("mode", 10, 9, 0.9, "gold"), ("speaker", 10, 7, 0.7, "gold")],
                            columns=["field", "n", "correct", "accuracy", "dataset"])
    assert title(charts.plot_attribution_accuracy(accuracy)) == "Hardest to attribute on gold: speaker (70% right)"

    agreement = pd.DataFrame([("treaty_first", 4, 75.0, 0.5), ("all stances (exact set)", 4, 50.0, 0.2),
                              ("holder_side", 4, 100.0, float("nan"))], columns=["label", "n", "agreement_pct", "cohen_kappa"])
    fig = charts.plot_classroom_agreement(agreement)
    assert title(fig) == "The coding matches the gold's stances exactly in 2 of 4 statements"
    assert "100%  (kappa n/a)" in [t.get_text() for t in fig.axes[0].texts]


@pytest.mark.parametrize("label_id, expected", [
    ("treaty_first", "Treaty first"),
    ("macro", "macro average"),                  # the average row of the score tables
    ("no_such_stance", "no such stance"),        # an id the codebook does not know keeps its words
])
def test_codebook_names_label(label_id, expected):
    assert charts.CodebookNames.read().label(label_id) == expected


def test_charts_take_stance_labels_and_order_from_the_codebook_given():
    shipped = load_codebook()
    shouting = dataclasses.replace(shipped, stances=tuple(dataclasses.replace(s, label=s.label.upper())
                                                          for s in reversed(shipped.stances)))
    table = pd.DataFrame([("Lavrov", "russia", "treaty_first", 2), ("Abe", "japan", "territory_first", 1)],
                         columns=positions.SPEAKER_STANCE_COLUMNS)
    shipped_ticks = charts.plot_speaker_stance(table).axes[0].get_xticklabels()
    assert [t.get_text() for t in shipped_ticks] == ["Treaty first", "Territory first"]
    given_ticks = charts.plot_speaker_stance(table, codebook=shouting).axes[0].get_xticklabels()
    assert [t.get_text() for t in given_ticks] == ["TERRITORY FIRST", "TREATY FIRST"]


def test_plot_background_groups_empty_and_full():
    empty = pd.DataFrame(columns=["boilerplate_group", "opening", "article_id", "statements"])
    assert title(charts.plot_background_groups(empty)) == "No background paragraph recurs across articles"
    table = pd.DataFrame([("bg01", "Peace treaty issue", "a", 1), ("bg01", "Peace treaty issue", "b", 1),
                          ("bg02", "Since the mid-20th century", "a", 2)],
                         columns=["boilerplate_group", "opening", "article_id", "statements"])
    fig = charts.plot_background_groups(table)
    assert title(fig) == "2 background paragraphs recur across 2 articles, filling 4 statements"
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["article a", "article b"]


# ------------------------------------- tables behind the charts, seed corpus with the gold (positions, corpus_tables)

def test_stance_profile_from_gold(gold_statements):
    # Counted in data/annotations/gold.csv: Russia 23 stance statements (sovereignty 11, treaty first 9, sanctions 3),
    # 18 of them in Russian voices; Japan's 8 are all territory first, all narration; 003/17 and 004/5 hold both.
    table = positions.stance_profile_table(gold_statements)
    assert rows(table, ["holder_side", "stance", "voice_side", "carrier", "statements"]) == {
        ("both", "treaty_first", "outlet", "outlet narration", 2),
        ("japan", "territory_first", "outlet", "outlet narration", 8),
        ("russia", "sanctions_obstacle", "russia", "own officials", 3),
        ("russia", "sovereignty_non_negotiable", "russia", "own officials", 11),
        ("russia", "treaty_first", "japan", "other side's officials", 1),  # 003/10: Abe calls Putin's offer unacceptable
        ("russia", "treaty_first", "outlet", "outlet narration", 4),       # the 1956 declaration in TASS background
        ("russia", "treaty_first", "russia", "own officials", 4),
    }
    russia = table[table["holder_side"] == "russia"]
    assert russia["share_pct"].sum() == pytest.approx(100.0)
    assert russia.loc[russia["stance"] == "sovereignty_non_negotiable", "share_pct"].item() == pytest.approx(100 * 11 / 23)
    fig = charts.plot_stance_profile(table)
    assert title(fig) == ("Russia's positions come mostly from its own officials (78%), "
                                  "Japan's from the outlet's narration (100%)")


def test_voice_holder_from_gold(gold_statements):
    table = positions.voice_holder_table(gold_statements)
    assert dict(zip(zip(table["voice_side"], table["holder_side"]), table["statements"])) == {
        ("russia", "russia"): 58, ("russia", "japan"): 2, ("russia", "none"): 2,   # 002/4, 002/29; 001/4, 002/21
        ("japan", "japan"): 2, ("japan", "none"): 3, ("japan", "russia"): 1,       # Asahi 004/0, 004/2; 003/10
        ("outlet", "russia"): 11, ("outlet", "japan"): 11, ("outlet", "both"): 2, ("outlet", "none"): 25,
        ("other", "both"): 1,                                                      # 003/15 "Putin and Abe said"
    }
    assert table["statements"].sum() == 118


def test_speaker_stance_from_gold(gold_statements):
    table = positions.speaker_stance_table(gold_statements)
    counts = dict(zip(zip(table["speaker"], table["stance"]), table["statements"]))
    assert counts[("(outlet narration)", "territory_first")] == 8
    assert counts[("(outlet narration)", "treaty_first")] == 6
    assert counts[("Ivanov", "sovereignty_non_negotiable")] == 4   # 000/0, 000/2, 000/5, 000/8
    assert counts[("Lavrov", "sovereignty_non_negotiable")] == 4   # 002/8 to 002/11
    assert counts[("Peskov", "sanctions_obstacle")] == 2           # 003/4, 003/5
    assert counts[("Abe", "treaty_first")] == 1
    assert table["statements"].sum() == 33


def test_stance_timeline_from_gold_keeps_003_undated(gold_statements):
    table = positions.stance_timeline_table(gold_statements)
    undated = table[table["article_id"] == "003"]
    assert set(undated["date"]) == {"undated"}
    assert rows(undated, ["holder_side", "stance", "statements"]) == {
        ("both", "treaty_first", 1), ("japan", "territory_first", 3), ("russia", "sanctions_obstacle", 2),
        ("russia", "treaty_first", 3)}
    assert table.loc[table["article_id"] == "002", "date"].unique().tolist() == ["2019-02-24"]


def test_corpus_and_background_tables(gold_statements):
    corpus = corpus_table(gold_statements).set_index("article_id")
    assert corpus["statements"].to_dict() == {"000": 23, "001": 15, "002": 39, "003": 19, "004": 22}
    assert corpus["background"].to_dict() == {"000": 8, "001": 10, "002": 8, "003": 0, "004": 10}
    assert corpus.loc["003", "date"] == "undated" and corpus.loc["003", "outlet"] == "unknown"
    groups = background_group_table(gold_statements)
    assert sorted(groups["boilerplate_group"].unique()) == ["bg01", "bg02", "bg03", "bg04", "bg05"]
    assert groups.loc[groups["boilerplate_group"] == "bg01", "statements"].tolist() == [1, 1, 1, 1]  # "Peace treaty issue"
    assert "003" not in set(groups["article_id"])


def test_source_note_names_corpus_outlets_dates(gold_statements):
    assert charts.source_note(gold_statements, corpus=paths.ARTICLES) == (
        'Source: kuril-stance corpus "articles", 5 articles (4 TASS, 1 unknown outlet), 2019-02-24 to 2019-06-01 '
        "(1 undated); stances by the gold (coded by a language model)")


def test_apply_coding_refuses_a_partial_coding(gold_statements):
    partial = read_coded(paths.GOLD).iloc[:-1]
    with pytest.raises(ValueError, match="1 statement\\(s\\) not coded"):
        apply_coding(gold_statements, partial)


# ----------------------------------------------------------- evaluation tables and the evidence view (notebook 02)

def test_kappa_table_and_comparison():
    gold = pd.DataFrame({"article_id": ["a"] * 4, "sent_idx": [0, 1, 2, 3], "text": ["t"] * 4,
                         "stances": ["treaty_first", "", "treaty_first;territory_first", ""]})
    tagger = gold.assign(stances=["treaty_first", "treaty_first", "territory_first;treaty_first", ""])
    comparison = tagger_comparison_table(gold, tagger=tagger)
    assert comparison["all_agree"].tolist() == [True, False, True, True]
    kappas = kappa_table({"x": (comparison["gold"], comparison["tagger"])}, ["treaty_first", "territory_first"])
    treaty = kappas[kappas["stance"] == "treaty_first"].iloc[0]
    assert treaty["agreement_pct"] == 75.0
    assert treaty["cohen_kappa"] == pytest.approx(0.5)
    assert kappas[kappas["stance"] == "territory_first"]["cohen_kappa"].item() == pytest.approx(1.0)


def test_highlight_evidence_marks_escapes_and_merges():
    from analysis.stance import Evidence

    text = 'Japan <b> "laid claims to the islands"'
    evidence = [Evidence("territory_first", "laid_claim", 11, 25, "laid claims to"),
                Evidence("territory_first", "claim_to_islands", 16, 37, "claims to the islands")]
    html = charts.highlight_evidence(text, evidence)
    assert html == ('Japan &lt;b&gt; &quot;<mark title="territory_first: laid_claim; territory_first: claim_to_islands">'
                    'laid claims to the islands</mark>&quot;')


# ------------------------------------------------------------------------ classroom tables (evaluation, notebook 05)

def test_shipped_classroom_coding_against_gold():
    student = read_classroom(paths.ROOT / "notebooks" / "classroom_coding.csv")
    assert len(student) == 10
    comparison = classroom_comparison(student, read_coded(paths.GOLD))
    assert int(comparison["stances_match"].sum()) == 6
    assert int(comparison["holder_match"].sum()) == 9
    wrong = comparison[~comparison["stances_match"]].set_index(["article_id", "sent_idx"])
    assert wrong.loc[("004", 6), "missed"] == "territory_first"          # the adjudicated case
    assert wrong.loc[("003", 0), "added"] == "sanctions_obstacle"        # "Tokyo hinders" names no sanctions
    agreement = classroom_agreement(comparison, ["sovereignty_non_negotiable", "treaty_first",
                                                        "territory_first", "sanctions_obstacle"]).set_index("label")
    assert agreement.loc["treaty_first", "agreement_pct"] == 100.0
    assert agreement.loc["territory_first", "agreement_pct"] == 80.0
    assert agreement.loc["holder_side", "agreement_pct"] == 90.0


@pytest.mark.parametrize("row, message", [
    ("000,2,text,treaty_frist,russia", "row 2, column stances: 'treaty_frist' is not one of .*did you mean 'treaty_first'"),
    ("000,2,text,treaty_first,rusia", "row 2, column holder_side: 'rusia' is not one of .*did you mean 'russia'"),
    ("000,x,text,,russia", "row 2, column sent_idx: 'x' is not a number"),
])
def test_read_classroom_names_row_and_column(tmp_path, row, message):
    path = tmp_path / "coding.csv"
    path.write_text("article_id,sent_idx,text,stances,holder_side\n" + row + "\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=message.replace("(", "\\(")):
        read_classroom(path)


def test_read_classroom_skips_uncoded_rows(tmp_path):
    path = tmp_path / "coding.csv"
    path.write_text("article_id,sent_idx,text,stances,holder_side\n000,2,a,,\n000,5,b,treaty_first; ,russia\n",
                    encoding="utf-8")
    table = read_classroom(path)
    assert table[["article_id", "sent_idx", "stances"]].values.tolist() == [["000", 5, "treaty_first"]]


# ---------------------------------------------------------------------------------------------- determinism

def test_tidy_for_csv_sorts_and_rounds():
    table = pd.DataFrame({"b": ["y", "x", "x"], "n": [2, 10, 9], "f": [1 / 3, -0.00001, 2.0]})
    tidy = charts.tidy_for_csv(table)
    assert tidy.values.tolist() == [["x", 9, 2.0], ["x", 10, 0.0], ["y", 2, 0.3333]]
    assert not math.copysign(1, tidy.loc[1, "f"]) < 0  # no "-0.0" in the file


def test_save_chart_twice_gives_identical_bytes(tmp_path, gold_statements):
    table = positions.stance_profile_table(gold_statements)
    first = charts.save_chart(charts.plot_stance_profile(table), table, "profile", figures_dir=tmp_path / "f1",
                              results_dir=tmp_path / "r1")
    second = charts.save_chart(charts.plot_stance_profile(table.sample(frac=1, random_state=1)), table.iloc[::-1],
                               "profile", figures_dir=tmp_path / "f2", results_dir=tmp_path / "r2")
    assert first.svg.read_bytes() == second.svg.read_bytes()
    assert first.png.read_bytes() == second.png.read_bytes()
    assert first.csv.read_bytes() == second.csv.read_bytes()
    svg = first.svg.read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    csv = first.csv.read_bytes()
    assert b"\r\n" not in csv and csv.startswith(b"holder_side,stance,voice_side,voice,carrier,statements,share_pct\n")
    assert b"russia,sovereignty_non_negotiable,russia,russia,own officials,11,47.8261\n" in csv
    assert first._repr_png_() == first.png.read_bytes()


def test_save_chart_of_framing_cards_twice_is_identical(tmp_path, gold_statements):
    """The cards figure has twenty axes: the layout is pinned before saving, so the SVG clip ids repeat."""
    cards = framing.framing_card_table(gold_statements)
    one = charts.save_chart(charts.plot_framing_cards(cards), cards, "cards", figures_dir=tmp_path / "a",
                            results_dir=tmp_path / "a")
    two = charts.save_chart(charts.plot_framing_cards(cards), cards, "cards", figures_dir=tmp_path / "b",
                            results_dir=tmp_path / "b")
    assert one.svg.read_bytes() == two.svg.read_bytes()


@pytest.mark.parametrize("after, title", [
    (0.8, "Learning your codes raises macro-F1 on them from 0.55 to 0.80"),
    (0.55, "Learning your codes leaves macro-F1 on them at 0.55"),
])
def test_scores_before_after_title_states_the_change(after, title):
    from analysis.charts.coding import plot_scores_before_after

    scores = pd.DataFrame({"stance": ["territory_first", "sanctions_obstacle", "macro"],
                           "f1_before": [0.55, 0.0, 0.55], "f1_after": [after, 0.0, after], "support": [8, 0, 8]})
    fig = plot_scores_before_after(scores, source="Source: a test")
    assert " ".join(fig.get_suptitle().split()) == title
    # a stance nobody coded is left out; the macro average is last
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Territory first (8 coded)", "macro average"]
