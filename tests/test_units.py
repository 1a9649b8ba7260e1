"""What a row of a per-article chart stands for (analysis/units.py), the head of a table a page shows
(charts.preview), and where a run with a results folder writes (reproduce.output_dirs)."""
import pandas as pd
import pytest

from analysis import paths
from analysis.charts import preview
from analysis.framing import article_labels, voice_share_table
from analysis.reproduce import output_dirs
from analysis.units import OTHER_OUTLETS, by_unit, chart_units, describe_units, row_labels

ARTICLES = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4", "a5", "a6"],
                         "outlet": ["TASS", "TASS", "TASS", "Kyodo", "Kyodo", ""],
                         "date": ["2019-01-02", "", "2020-05-01", "2021-01-01", "2021-02-01", "2022-03-03"],
                         "voice_side": ["russia", "outlet", "russia", "japan", "outlet", "outlet"]})


def test_up_to_max_rows_every_article_is_its_own_row():
    units = chart_units(ARTICLES, max_rows=6)
    assert units["unit"].tolist() == ["a1", "a2", "a3", "a4", "a5", "a6"]
    assert units["unit_label"].tolist()[:2] == ["a1 · TASS · 2019-01-02", "a2 · TASS · undated"]
    assert units["unit_label"].tolist()[5] == "a6 · unknown outlet · 2022-03-03"
    assert describe_units(units) == "One row per article in the per-article charts (6 articles)."


@pytest.mark.parametrize("max_rows, expected", [
    (5, {"TASS": "TASS · 3 articles", "Kyodo": "Kyodo · 2 articles", "unknown outlet": "unknown outlet · 1 article"}),
    (2, {"TASS": "TASS · 3 articles", OTHER_OUTLETS: "other outlets · 2 outlets, 3 articles"}),
])
def test_beyond_max_rows_rows_are_outlets_the_smallest_summed(max_rows, expected):
    units = chart_units(ARTICLES, max_rows=max_rows)
    assert row_labels(units) == dict(sorted(expected.items(), key=lambda kv: (kv[0] == OTHER_OUTLETS, kv[0])))
    assert units["unit"].nunique() <= max_rows


def test_describe_units_when_grouped():
    assert describe_units(chart_units(ARTICLES, max_rows=2)) == (
        "6 articles are more than a chart can show one by one: one row per outlet instead (2 rows, the outlets "
        "with fewer articles summed as 'other outlets').")


def test_tables_count_per_outlet_with_units():
    units = chart_units(ARTICLES, max_rows=2)
    table = voice_share_table(ARTICLES, units=units)
    assert table[["article_id", "article", "voice_side", "statements", "share_pct"]].values.tolist() == [
        ["TASS", "TASS · 3 articles", "outlet", 1, pytest.approx(100 / 3)],
        ["TASS", "TASS · 3 articles", "russia", 2, pytest.approx(200 / 3)],
        ["other outlets", "other outlets · 2 outlets, 3 articles", "japan", 1, pytest.approx(100 / 3)],
        ["other outlets", "other outlets · 2 outlets, 3 articles", "outlet", 2, pytest.approx(200 / 3)]]
    assert article_labels(by_unit(ARTICLES, units))["TASS"] == "TASS · 3 articles"


def test_preview_shows_the_head_and_names_the_whole_table():
    shown = preview(pd.DataFrame({"n": range(40)}), saved=paths.RESULTS / "01_corpus.csv")
    assert shown.caption() == "first 15 of 40 rows; the whole table: 01_corpus.csv in the results folder"
    assert shown._repr_html_().count("<tr") == 16   # header and 15 rows, no index column
    assert preview(pd.DataFrame({"n": range(3)})).caption() == ""


def test_a_results_folder_holds_everything_of_the_run(tmp_path):
    outputs = output_dirs(paths.ARTICLES, results=tmp_path / "x")
    assert (outputs.results, outputs.figures, outputs.build) == (tmp_path / "x", tmp_path / "x" / "figures",
                                                                 tmp_path / "x" / "build")
    assert outputs.html == tmp_path / "x" / "build" / "html"
    assert output_dirs(paths.ARTICLES).build == paths.ROOT / "build"
