"""Charts of notebook 01 (the corpus): how much of each article is its own text and how much reused background.

The tables come from ``analysis.corpus_tables``.

Example:
    >>> table = pd.DataFrame({"article_id": ["a", "a"], "article": ["a", "a"], "part": ["own text", "background"],
    ...                       "statements": [3, 1]})
    >>> plot_statements_per_article(table).get_suptitle()
    '1 of 4 statements (25%) are reused background paragraphs'
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..units import MAX_ROWS, grouped
from .framing import row_order
from .style import NEUTRAL, finish, heatmap, integer_ticks, new_figure, pct, styled


@styled
def plot_statements_per_article(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Stacked bars: each article's statements in its own text and in reused background paragraphs.

    ``table``: ``analysis.corpus_tables.statements_per_article_table`` (article_id, article, part, statements).
    """
    wide = table.pivot_table(index=["article_id", "article"], columns="part", values="statements",
                             aggfunc="sum", fill_value=0).reset_index().sort_values("article_id", ascending=False)
    for part in ("own text", "background"):
        if part not in wide.columns:
            wide[part] = 0
    fig = new_figure(9, 1.6 + 0.42 * len(wide))
    ax = fig.add_subplot()
    y = np.arange(len(wide))
    ax.barh(y, wide["own text"], color=NEUTRAL["dark"], label="the article's own text", height=0.62)
    ax.barh(y, wide["background"], left=wide["own text"], color=NEUTRAL["light"], hatch="///",
            edgecolor="white", label="reused background paragraph", height=0.62)
    for i, (own, bg) in enumerate(zip(wide["own text"], wide["background"])):
        ax.text(own + bg + 0.4, i, f"{bg} of {own + bg} background" if bg else "no background", va="center",
                fontsize=8.5, color="#444444")
    ax.set_yticks(y, wide["article"])
    ax.set_xlabel("statements")
    ax.set_xlim(0, (wide["own text"] + wide["background"]).max() * 1.35 + 1)
    integer_ticks(ax.xaxis)
    ax.grid(axis="x")
    ax.legend(loc="lower right")
    total, background = int(table["statements"].sum()), int(table.loc[table["part"] == "background", "statements"].sum())
    title = (f"{background} of {total} statements ({pct(background, total)}) are reused background paragraphs"
             if background else f"None of the {total} statements is reused background")
    return finish(fig, title, source)


@styled
def plot_background_groups(table: pd.DataFrame, *, units: pd.DataFrame | None = None, source: str | None = None,
                           max_rows: int = MAX_ROWS) -> Figure:
    """Heatmap: which reused background paragraph (row) fills how many statements of which article, or which
    outlet when the table counts by outlet (column). Beyond ``max_rows`` paragraphs, the ``max_rows - 1``
    filling the most statements are drawn and the others summed in a last row.

    ``table``: ``analysis.corpus_tables.background_group_table`` (boilerplate_group, opening, article_id,
    statements); ``units``: the ``analysis.units.chart_units`` the table was counted in, if any.
    """
    if table.empty:
        fig = new_figure(8, 2.2)
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, "no paragraph recurs across articles", ha="center", va="center")
        return finish(fig, "No background paragraph recurs across articles", source)
    totals = table.groupby("boilerplate_group")["statements"].sum()
    shown = table
    if len(totals) > max_rows:
        kept = set(sorted(totals.index, key=lambda g: (-totals[g], g))[:max_rows - 1])
        rest = ~table["boilerplate_group"].isin(kept)
        shown = table.assign(boilerplate_group=table["boilerplate_group"].where(~rest, "other"),
                             opening=table["opening"].where(~rest, f"{len(totals) - len(kept)} other paragraphs"))
    matrix = shown.pivot_table(index=["boilerplate_group", "opening"], columns="article_id", values="statements",
                               aggfunc="sum", fill_value=0)
    columns = row_order(matrix.columns)
    matrix = matrix[columns]
    outlets = units is not None and grouped(units)
    fig = new_figure(max(8, 4.8 + 0.6 * matrix.shape[1]), 1.9 + 0.45 * matrix.shape[0])
    ax = fig.add_subplot()
    heatmap(ax, matrix)
    ax.set_yticklabels([f"{g}  {o}" for g, o in matrix.index])
    ax.set_xticklabels([f"article {a}" for a in matrix.columns] if not outlets else list(matrix.columns),
                       rotation=90 if matrix.shape[1] > 6 else 0)
    ax.set_xlabel("cells: statements of the paragraph in the outlet's articles" if outlets
                  else "cells: statements of the paragraph in the article")
    ax.xaxis.tick_top()
    if outlets:
        title = (f"{len(totals)} background paragraphs recur, filling {int(table['statements'].sum()):,} "
                 f"statements of the corpus's {len(units):,} articles")
    else:
        title = (f"{len(totals)} background paragraphs recur across {table['article_id'].nunique()} articles, "
                 f"filling {int(table['statements'].sum())} statements")
    return finish(fig, title, source)
