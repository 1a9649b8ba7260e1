"""``display``: the cells a page shows (no index, rounded numbers, no NaN, no reprs) and their HTML."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.display import as_table, formatted, preview, show, table_html, table_text
from analysis.framing import find_blame


@pytest.mark.parametrize("column, values, shown", [
    ("background_pct", [34.782609, 0.0], ["34.8", "0.0"]),               # a share in percent: one decimal
    ("cohen_kappa", [0.951837, 1.0], ["0.95", "1.00"]),                   # other floats: two
    ("positives_a", [11.0, math.nan], ["11", ""]),                        # a count with a gap: whole, empty cell
    ("tpr", [math.nan, 0.606303], ["", "0.61"]),
    ("is_boilerplate", [True, False], ["yes", "no"]),
    ("stances", ["sovereignty_non_negotiable;treaty_first", ""],
     ["sovereignty_<wbr>non_<wbr>negotiable; treaty_<wbr>first", ""]),
    ("text", ['"Japan" <is> & more', None], ["&quot;Japan&quot; &lt;is&gt; &amp; more", ""]),
])
def test_cells_as_a_page_shows_them(column, values, shown):
    assert formatted(pd.DataFrame({column: values}))[column].tolist() == shown


def test_the_html_has_no_index_no_nan_and_a_stable_id():
    table = pd.DataFrame({"label": ["treaty_first", "(all values)"], "positives_a": [11.0, math.nan],
                          "agreement": [0.991525, 1.0]}, index=[7, 9])
    page = table_html(table)
    assert "NaN" not in page and ">7<" not in page and ">9<" not in page
    assert '<td class="data row0 col1" >11</td>' in page and '<td class="data row1 col1" ></td>' in page
    assert '<td class="data row0 col2" >0.99</td>' in page
    assert 'class="ks-table"' in page and "td.col1 {\n  text-align: right;" in page
    assert 'id="T_ks' in page and page == table_html(table.copy())     # the same table, the same bytes
    assert "_row0_col" not in page                                      # no per-cell ids


def test_a_sentence_column_is_marked_long():
    sentence = "Moscow is in talks with Japan on making a peace treaty."
    page = table_html(pd.DataFrame({"id": ["000"], "text": [sentence]}))
    assert '<td class="data row0 col0" >000</td>' in page
    assert '<td class="data row0 col1 ks-long" >Moscow is in talks' in page


def test_a_list_of_results_is_a_table_not_a_repr():
    blames = find_blame("Moscow blamed Tokyo's sanctions for the freeze.")
    table = as_table(blames)
    assert table.columns.tolist() == ["cue", "cue_text", "start", "end", "side", "word", "how"]
    assert table.iloc[0].tolist() == ["blames", "blamed", 7, 13, "japan", "Tokyo", "after"]
    assert "Blame(" not in show(blames)._repr_html_() and "Blame(" not in repr(show(blames))
    with pytest.raises(TypeError, match="cannot show str as a table"):
        as_table("not a table")


def test_text_and_captions():
    table = pd.DataFrame({"cue": ["a_b", "c"], "share_pct": [34.782609, math.nan], "n": [11.0, 2.0]})
    assert table_text(table) == "cue  share_pct   n\na_b       34.8  11\nc                2"
    assert repr(preview(table, rows=1, saved="results/x.csv")).splitlines()[0] == \
        "first 1 of 2 rows; the whole table: x.csv in the results folder"
    empty = preview(table.iloc[0:0], empty="Every cell of the sheets could be read.")
    assert empty._repr_html_() == "<p><em>Every cell of the sheets could be read.</em></p>"
    assert show(table).rows == 2 and show(table).caption() == ""
