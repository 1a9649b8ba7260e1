"""What one row of a per-article chart stands for: an article while the corpus is small, an outlet when it is
large, so that every chart stays readable from 3 to 3,000 articles.

A chart with one bar or card per article reads well up to a few dozen articles; at a few hundred it is a wall
of bars, and at thousands an image too large to open. ``chart_units`` decides once what a row is:

- up to ``max_rows`` articles: one row per article, labelled ``000 · TASS · 2019-02-26``;
- more: one row per outlet, the ``max_rows - 1`` outlets with the most articles in that order, and the others
  summed in one last row ``other outlets`` (so at most ``max_rows`` rows, whatever the corpus).

``by_unit`` then relabels the statements (``article_id`` becomes the row's unit), so that the per-article
tables of ``analysis.framing`` and ``analysis.corpus_tables`` count per outlet without a second version of
each; ``article_labels`` (``analysis.framing``) reads the row's label from the ``unit_label`` column.

Example:
    >>> table = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": ["TASS", "Kyodo", "TASS", "NHK"],
    ...                       "date": ["2019-01-02", "", "2020-05-01", "2021-01-01"]})
    >>> chart_units(table, max_rows=5)["unit"].tolist()
    ['a', 'b', 'c', 'd']
    >>> chart_units(table, max_rows=2)[["article_id", "unit", "unit_label"]].values.tolist()[:2]
    [['a', 'TASS', 'TASS · 2 articles'], ['b', 'other outlets', 'other outlets · 2 outlets, 2 articles']]
"""
from __future__ import annotations

import pandas as pd

# Rows of a per-article chart (bars, heatmap rows) before articles are grouped by outlet: 25 rows of 0.45 in
# are 11 in, under 2,000 px at the 150 dpi charts are saved at.
MAX_ROWS = 25
# Framing cards before they are drawn one per outlet: a card is 2.25 in high, eight of them 2,800 px.
MAX_CARDS = 8
OTHER_OUTLETS = "other outlets"
UNIT_COLUMNS = ["article_id", "unit", "unit_label", "articles"]


def outlet_name(outlet) -> str:
    """The outlet as charts name it: "unknown outlet" when the metadata names none."""
    outlet = "" if outlet is None or (isinstance(outlet, float) and outlet != outlet) else str(outlet)
    return "unknown outlet" if outlet in ("", "unknown") else outlet


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def chart_units(statements: pd.DataFrame, *, max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """One row per article: the unit it is drawn in (itself, or its outlet), the unit's axis label, and how
    many articles the unit holds.

    Args:
        statements: a tagged statement table (article_id, outlet, date).
        max_rows: the most rows a chart draws; above that many articles, rows are outlets.
    Returns:
        ``UNIT_COLUMNS``, in article_id order.
    """
    articles = (statements[["article_id", "outlet", "date"]].drop_duplicates("article_id")
                .sort_values("article_id").reset_index(drop=True))
    outlets = articles["outlet"].map(outlet_name)
    if len(articles) <= max_rows:
        dates = articles["date"].fillna("").astype(str).replace("", "undated")
        labels = articles["article_id"].astype(str) + " · " + outlets + " · " + dates
        return pd.DataFrame({"article_id": articles["article_id"], "unit": articles["article_id"],
                             "unit_label": labels, "articles": 1})[UNIT_COLUMNS]
    counts = outlets.value_counts()
    order = sorted(counts.index, key=lambda o: (-counts[o], o))
    kept = set(order[:max_rows - 1]) if len(order) > max_rows else set(order)
    unit = outlets.where(outlets.isin(kept), OTHER_OUTLETS)
    sizes = unit.value_counts()
    others = len(order) - len(kept)
    labels = {u: f"{u} · {_plural(int(sizes[u]), 'article')}" for u in sizes.index if u != OTHER_OUTLETS}
    if others:
        labels[OTHER_OUTLETS] = (f"{OTHER_OUTLETS} · {_plural(others, 'outlet')}, "
                                 f"{_plural(int(sizes[OTHER_OUTLETS]), 'article')}")
    return pd.DataFrame({"article_id": articles["article_id"], "unit": unit, "unit_label": unit.map(labels),
                         "articles": unit.map(sizes).astype(int)})[UNIT_COLUMNS]


def grouped(units: pd.DataFrame) -> bool:
    """Whether the units are outlets (the corpus had more articles than rows)."""
    return bool((units["unit"] != units["article_id"]).any())


def by_unit(table: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """``table`` (any table with ``article_id``) with ``article_id`` replaced by the unit each article is drawn
    in and a ``unit_label`` column; unchanged but for that column while units are articles."""
    unit = table["article_id"].map(units.set_index("article_id")["unit"])
    label = table["article_id"].map(units.set_index("article_id")["unit_label"])
    return table.assign(article_id=unit.to_numpy(), unit_label=label.to_numpy())


def row_labels(units: pd.DataFrame) -> dict:
    """{unit: axis label} of every row, in the order the rows are drawn (articles by id; outlets by name,
    "other outlets" last)."""
    labels = dict(zip(units["unit"], units["unit_label"]))
    return {u: labels[u] for u in sorted(labels, key=lambda u: (u == OTHER_OUTLETS, u))}


def describe_units(units: pd.DataFrame) -> str:
    """One sentence saying what a row of the per-article charts is, for the notebook to print.

    >>> table = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["TASS", "Kyodo"], "date": ["", ""]})
    >>> describe_units(chart_units(table))
    'One row per article in the per-article charts (2 articles).'
    """
    articles = len(units)
    if not grouped(units):
        return f"One row per article in the per-article charts ({_plural(articles, 'article')})."
    rows = units["unit"].nunique()
    others = (units["unit"] == OTHER_OUTLETS).any()
    return (f"{articles:,} articles are more than a chart can show one by one: one row per outlet instead "
            f"({rows} rows" + (f", the outlets with fewer articles summed as '{OTHER_OUTLETS}'" if others else "")
            + ").")
