"""Charts of coding by people (notebooks 05 and 06): how far coders agree, each student against the gold, and
what the classifier gains from a researcher's codes.

The tables come from ``analysis.coding.agreement``, ``analysis.coding.coder_vs_reference`` and
``analysis.learning.scores_before_after``.

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


@styled
def plot_scores_before_after(scores: pd.DataFrame, *, source: str | None = None,
                             codebook: Codebook | None = None) -> Figure:
    """F1 per stance on the user's codes, leave one article out: the shipped classifier (light) and the one
    that also learned the codes of the other articles (dark); the macro average last. A stance nobody coded
    is left out.

    ``scores``: ``analysis.learning.scores_before_after`` (stance, f1_before, f1_after, ..., support).
    """
    names = CodebookNames.read(codebook)
    table = scores[(scores["support"] > 0) | (scores["stance"] == "macro")].reset_index(drop=True)
    labels = [f"{names.label(s)} ({n} coded)" if s != "macro" else names.label(s)
              for s, n in zip(table["stance"], table["support"])]
    fig = new_figure(9, 2.0 + 0.55 * len(table))
    ax = fig.add_subplot()
    y = np.arange(len(table))
    for offset, column, colour, label in ((-0.18, "f1_before", NEUTRAL["light"], "shipped classifier"),
                                          (0.18, "f1_after", NEUTRAL["dark"], "also trained on your codes")):
        values = table[column].fillna(0).to_numpy(dtype=float)
        ax.barh(y + offset, values, height=0.34, color=colour, label=label)
        for i, v in enumerate(values):
            ax.text(v + 0.01, i + offset, f"{v:.2f}", va="center", fontsize=8.5)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("F1 on your codes, each article held out in turn (1: every label right)")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False, fontsize=8.5)
    macro = table[table["stance"] == "macro"]
    if len(macro) and not np.isnan(macro["f1_after"].iloc[0]):
        before, after = float(macro["f1_before"].iloc[0]), float(macro["f1_after"].iloc[0])
        verb = "raises" if after > before else ("lowers" if after < before else "leaves")
        title = (f"Learning your codes {verb} macro-F1 on them "
                 + (f"from {before:.2f} to {after:.2f}" if verb != "leaves" else f"at {after:.2f}"))
    else:
        title = "No stance in your codes yet: nothing to score"
    return finish(fig, title, source)
