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
def plot_background_groups(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Heatmap: which reused background paragraph (row) fills how many statements of which article (column).

    ``table``: ``analysis.corpus_tables.background_group_table`` (boilerplate_group, opening, article_id,
    statements).
    """
    if table.empty:
        fig = new_figure(8, 2.2)
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, "no paragraph recurs across articles", ha="center", va="center")
        return finish(fig, "No background paragraph recurs across articles", source)
    matrix = table.pivot_table(index=["boilerplate_group", "opening"], columns="article_id", values="statements",
                               aggfunc="sum", fill_value=0)
    fig = new_figure(max(8, 4.8 + 0.7 * matrix.shape[1]), 1.9 + 0.45 * matrix.shape[0])
    ax = fig.add_subplot()
    heatmap(ax, matrix)
    ax.set_yticklabels([f"{g}  {o}" for g, o in matrix.index])
    ax.set_xticklabels([f"article {a}" for a in matrix.columns])
    ax.set_xlabel("cells: statements of the paragraph in the article")
    ax.xaxis.tick_top()
    articles = table["article_id"].nunique()
    title = (f"{matrix.shape[0]} background paragraphs recur across {articles} articles, "
             f"filling {int(table['statements'].sum())} statements")
    return finish(fig, title, source)
