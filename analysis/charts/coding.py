"""Charts of coding by people (notebook 05): how far a class agrees, and each student against the gold.

The tables come from ``analysis.coding.agreement`` and ``analysis.coding.coder_vs_reference``.

Example:
    >>> table = pd.DataFrame([("stances", "treaty_first", "coders", 3, 12, 0.65),
    ...                       ("holder_side", "(all values)", "coders", 3, 12, 0.75)],
    ...                      columns=["field", "label", "coders", "n_coders", "statements", "alpha"])
    >>> " ".join(plot_class_agreement(table).get_suptitle().split())
    '3 coders agree best on whose position (holder_side) (alpha 0.75) and least on Treaty first (alpha 0.65)'
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..codebook import Codebook
from .style import NEUTRAL, CodebookNames, finish, new_figure, styled

COLUMN_NAMES = {"holder_side": "whose position (holder_side)", "voice_side": "who speaks (voice_side)",
                "mode": "quote or narration (mode)"}


def _name(row, names: CodebookNames) -> str:
    return names.label(row.label) if row.field == "stances" else COLUMN_NAMES.get(row.field, row.field)


@styled
def plot_class_agreement(table: pd.DataFrame, *, source: str | None = None,
                         codebook: Codebook | None = None) -> Figure:
    """Krippendorff's alpha per stance and column: the coders alone (dark) and with the gold as one more
    coder (light), when the table has those rows. An undefined alpha (nobody used the stance) is left out.

    ``table``: ``analysis.coding.agreement`` (field, label, coders, n_coders, statements, alpha).
    """
    names = CodebookNames.read(codebook)
    coders_only = table[table["coders"] == "coders"].reset_index(drop=True)
    with_gold = table[table["coders"] == "coders + gold"].set_index(["field", "label"])["alpha"]
    labels = [_name(row, names) for row in coders_only.itertuples(index=False)]
    fig = new_figure(9, 2.0 + 0.5 * len(labels))
    ax = fig.add_subplot()
    y = np.arange(len(labels))
    alpha = coders_only["alpha"].to_numpy(dtype=float)
    ax.barh(y - 0.18, np.nan_to_num(alpha), height=0.34, color=NEUTRAL["dark"], label="students")
    gold = np.array([with_gold.get((r.field, r.label), np.nan) for r in coders_only.itertuples(index=False)])
    if len(with_gold):
        ax.barh(y + 0.18, np.nan_to_num(gold), height=0.34, color=NEUTRAL["light"], label="students + gold")
    for i, (a, g) in enumerate(zip(alpha, gold)):
        ax.text(max(a, 0) + 0.02 if not np.isnan(a) else 0.02, i - 0.18, "n/a" if np.isnan(a) else f"{a:.2f}",
                va="center", fontsize=8.5)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlim(min(0, np.nanmin(np.append(alpha, 0)) - 0.05), 1.15)
    ax.axvline(0.667, color=NEUTRAL["mid"], linestyle=":", linewidth=1)
    ax.set_xlabel("Krippendorff's alpha (1: full agreement, 0: chance; dotted: 0.667, the lowest tentatively acceptable)")
    if len(with_gold):
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False, fontsize=8.5)
    n_coders = int(coders_only["n_coders"].max()) if len(coders_only) else 0
    defined = coders_only.assign(name=labels).dropna(subset=["alpha"])
    if len(defined):
        best, worst = defined.loc[defined["alpha"].idxmax()], defined.loc[defined["alpha"].idxmin()]
        title = (f"{n_coders} coders agree best on {best['name']} (alpha {best['alpha']:.2f}) and least on "
                 f"{worst['name']} (alpha {worst['alpha']:.2f})")
    else:
        title = f"{n_coders} coders: no agreement can be measured yet"
    return finish(fig, title, source)


@styled
def plot_coders_vs_gold(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Each coder's share of statements whose stance set and holder_side match the gold.

    ``table``: ``analysis.coding.coder_vs_reference`` (coder, statements, stances_match_pct, holder_match_pct,
    missed, added).
    """
    fig = new_figure(9, 2.0 + 0.55 * len(table))
    ax = fig.add_subplot()
    y = np.arange(len(table))
    for offset, column, colour, label in ((-0.18, "stances_match_pct", NEUTRAL["dark"], "stances (exact set)"),
                                          (0.18, "holder_match_pct", NEUTRAL["light"], "holder_side")):
        values = table[column].fillna(0).to_numpy()
        ax.barh(y + offset, values, height=0.34, color=colour, label=label)
        for i, v in enumerate(values):
            ax.text(v + 1, i + offset, f"{v:.0f}%", va="center", fontsize=8.5)
    ax.set_yticks(y, [f"{r.coder} ({r.statements} coded)" for r in table.itertuples(index=False)])
    ax.invert_yaxis()
    ax.set_xlim(0, 115)
    ax.set_xlabel("statements matching the gold (%)")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False, fontsize=8.5)
    if len(table):
        best = table.loc[table["stances_match_pct"].idxmax()]
        title = (f"{best['coder']} matches the gold's stances most often: {best['stances_match_pct']:.0f}% of "
                 f"{best['statements']} statements")
    else:
        title = "No student has coded a statement of the gold yet"
    return finish(fig, title, source)
