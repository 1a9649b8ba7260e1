"""Tables as a notebook page shows them to a student: no index, rounded numbers, no NaN, no object reprs.

A bare DataFrame at the end of a cell shows pandas' index, ``NaN`` for a missing value and six decimals
(``34.782609``); a list of results shows Python's repr (``[Blame(cue=..., start=46, ...)]``). Notebooks call
``show`` (a whole small table) or ``preview`` (the first rows of one that grows with the corpus) instead, so
every table of the pages reads the same way:

- no index column; missing values are an empty cell (``na_rep``);
- a column of whole numbers shows whole numbers (``11``, not ``11.0``); other floats show ``decimals`` places,
  shares in percent (columns ending in ``_pct``) one;
- ``True``/``False`` read ``yes``/``no``; ``;``-joined ids get a space after the ``;`` and may break after
  an ``_``, so a long id wraps instead of widening the table;
- a list of dataclass results (``find_blame``) is shown as a table with one row per result.

The HTML is deterministic (the table id is a hash of its content, no per-cell ids), so the pages of two runs
on the same input are byte-identical.

Example:
    >>> print(show(pd.DataFrame({"stance": ["a_b;c"], "share_pct": [34.782609], "n": [11.0]})))
    stance  share_pct   n
    a_b; c       34.8  11
"""
from __future__ import annotations

import dataclasses
import hashlib
import html
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from pandas.api.types import is_bool_dtype, is_float_dtype

# Rows of a table shown in a notebook page; the whole table is in its CSV.
PREVIEW_ROWS = 15
DECIMALS = 2
# A share in percent reads to one decimal: 34.8%, not 34.78%.
PERCENT_DECIMALS = 1
NA_REP = ""
# The classes of the pages' tables and of their sentence-long cells; analysis/site.py styles them.
TABLE_CLASS = "ks-table"
LONG_CLASS = "ks-long"
LONG_TEXT = 40   # characters: a cell longer than this holds a sentence, not an id


def as_table(values) -> pd.DataFrame:
    """A DataFrame of ``values``: a DataFrame as is, a list of dataclass instances one row each."""
    if isinstance(values, pd.DataFrame):
        return values
    if isinstance(values, pd.Series):
        return values.to_frame()
    rows = list(values)
    if all(dataclasses.is_dataclass(v) and not isinstance(v, type) for v in rows):
        columns = [f.name for f in dataclasses.fields(rows[0])] if rows else []
        return pd.DataFrame([dataclasses.asdict(v) for v in rows], columns=columns)
    raise TypeError(f"cannot show {type(values).__name__} as a table: give a DataFrame or a list of dataclasses")


def _decimals(column: str, values: pd.Series, decimals: int) -> int:
    """Places to show: 0 for a column of whole numbers (a count read back as float because of a gap)."""
    present = values.dropna()
    if len(present) and all(float(v).is_integer() for v in present):
        return 0
    return PERCENT_DECIMALS if str(column).endswith("_pct") else decimals


def _text(value) -> str:
    """A cell's text as HTML: escaped, a space after each ``;``, a break opportunity after each ``_``."""
    return html.escape(re.sub(r";(?=\S)", "; ", str(value))).replace("_", "_<wbr>")


def _cell(value, places: int | None, na_rep: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return na_rep
    if isinstance(value, bool):
        return "yes" if value else "no"
    if places is not None:
        return f"{float(value):.{places}f}"
    return _text(value)


def formatted(table: pd.DataFrame, *, decimals: int = DECIMALS, na_rep: str = NA_REP) -> pd.DataFrame:
    """The cells of ``table`` as the page shows them (strings: HTML-escaped text, rounded numbers)."""
    out = {}
    for column in table.columns:
        values = table[column]
        places = _decimals(column, values, decimals) if is_float_dtype(values) and not is_bool_dtype(values) else None
        out[column] = [_cell(v, places, na_rep) for v in values.tolist()]
    return pd.DataFrame(out, columns=list(table.columns), index=range(len(table)))


def table_html(table: pd.DataFrame, *, decimals: int = DECIMALS, na_rep: str = NA_REP) -> str:
    """The HTML of ``table`` for a page (pandas Styler: no index, the cells of ``formatted``)."""
    cells = formatted(table, decimals=decimals, na_rep=na_rep)
    digest = hashlib.sha256(cells.to_csv(index=False).encode("utf-8")).hexdigest()[:10]
    from pandas.io.formats.style import Styler

    styler = Styler(cells, uuid=f"ks{digest}", cell_ids=False)
    styler = styler.hide(axis="index").format_index(_text, axis="columns")
    numeric = _numeric(table)
    styler = styler.set_table_attributes(f'class="{TABLE_CLASS}"')
    long = [c for c in table.columns if c not in numeric and table[c].astype(str).str.len().max() > LONG_TEXT]
    if long:  # a sentence column keeps a readable width on a narrow screen (the table scrolls instead)
        classes = pd.DataFrame("", index=cells.index, columns=cells.columns)
        classes[long] = LONG_CLASS
        styler = styler.set_td_classes(classes)
    if numeric:  # numbers align right so their digits line up; text stays left (by column: no per-cell ids)
        styler = styler.set_table_styles({c: [{"selector": "td", "props": "text-align: right"},
                                              {"selector": "th", "props": "text-align: right"}] for c in numeric},
                                         overwrite=False)
    return styler.to_html()


def _numeric(table: pd.DataFrame) -> list:
    return [c for c in table.columns if pd.api.types.is_numeric_dtype(table[c]) and not is_bool_dtype(table[c])]


def table_text(table: pd.DataFrame, *, decimals: int = DECIMALS, na_rep: str = NA_REP) -> str:
    """The same cells as plain text (a terminal, a test): numbers right-aligned, text left-aligned."""
    cells = formatted(table, decimals=decimals, na_rep=na_rep).map(lambda c: html.unescape(c.replace("<wbr>", "")))
    numeric = set(_numeric(table))
    columns = [[str(name)] + cells[name].tolist() for name in table.columns]
    widths = [max(len(v) for v in column) for column in columns]
    lines = []
    for row in zip(*columns):
        lines.append("  ".join(v.rjust(w) if name in numeric else v.ljust(w)
                               for v, w, name in zip(row, widths, table.columns)).rstrip())
    return "\n".join(lines)


@dataclass(frozen=True)
class Preview:
    """The first rows of a table as a notebook shows it, with a line saying how many rows there are and
    where the whole table is; a page stays the same size whatever the corpus."""

    table: pd.DataFrame
    rows: int
    saved: Path | None = None
    decimals: int = DECIMALS
    empty: str = "no rows"

    def caption(self) -> str:
        total = len(self.table)
        where = f"; the whole table: {self.saved.name} in the results folder" if self.saved else ""
        if total <= self.rows:
            return f"all {total:,} rows{where}" if self.saved else ""
        return f"first {self.rows} of {total:,} rows{where}"

    def _repr_html_(self) -> str:
        if self.table.empty:
            return f"<p><em>{html.escape(self.empty)}</em></p>"
        caption = self.caption()
        head = table_html(self.table.head(self.rows), decimals=self.decimals)
        return (f"<p><em>{html.escape(caption)}</em></p>" if caption else "") + head

    def __repr__(self) -> str:
        if self.table.empty:
            return self.empty
        caption = self.caption()
        return (caption + "\n" if caption else "") + table_text(self.table.head(self.rows), decimals=self.decimals)


def preview(table, *, rows: int = PREVIEW_ROWS, saved: Path | str | None = None, decimals: int = DECIMALS,
            empty: str = "no rows") -> Preview:
    """The first ``rows`` rows of ``table`` for a notebook page; ``saved``: the CSV that holds all of it;
    ``empty``: the sentence shown instead of an empty table.

    >>> print(preview(pd.DataFrame({"n": range(20)}), rows=2, saved="results/n.csv"))
    first 2 of 20 rows; the whole table: n.csv in the results folder
    n
    0
    1
    """
    return Preview(as_table(table), rows, Path(saved) if saved is not None else None, decimals, empty)


def show(table, *, decimals: int = DECIMALS, empty: str = "no rows") -> Preview:
    """All of a small table (a DataFrame, or a list of dataclass results) for a notebook page."""
    table = as_table(table)
    return Preview(table, max(len(table), 1), None, decimals, empty)


def say(text: str):
    """A sentence for the page as text (a notebook's message), not as a quoted Python string."""
    from IPython.display import Markdown

    return Markdown(text)
