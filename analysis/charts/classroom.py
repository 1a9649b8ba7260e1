"""Chart of notebook 05 (classroom): how closely a student's coding agrees with the gold.

The table comes from ``analysis.evaluation.classroom_agreement``.

Example:
    >>> table = pd.DataFrame([("treaty_first", 4, 75.0, 0.5), ("all stances (exact set)", 4, 50.0, 0.2)],
    ...                      columns=["label", "n", "agreement_pct", "cohen_kappa"])
    >>> plot_classroom_agreement(table).get_suptitle()
    "The coding matches the gold's stances exactly in 2 of 4 statements"
"""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..codebook import Codebook
from .style import NEUTRAL, CodebookNames, finish, new_figure, styled

# The rows of ``classroom_agreement`` that sum up the whole coding rather than one stance.
SUMMARY_ROWS = ("all stances (exact set)", "holder_side")


def _row_label(label: str, names: CodebookNames) -> str:
    if label in names:
        return names.label(label)
    return "whose position (holder_side)" if label == "holder_side" else label


@styled
def plot_classroom_agreement(table: pd.DataFrame, *, source: str | None = None,
                             codebook: Codebook | None = None) -> Figure:
    """Observed agreement (%) of a student's coding with the gold per stance, for the exact stance set and
    for holder_side, with Cohen's kappa written beside each bar.

    ``table``: ``analysis.evaluation.classroom_agreement`` (label, n, agreement_pct, cohen_kappa).
    """
    names = CodebookNames.read(codebook)
    labels = list(table["label"])
    fig = new_figure(9, 2.0 + 0.42 * len(labels))
    ax = fig.add_subplot()
    values = table["agreement_pct"].fillna(0).to_numpy()
    colours = [NEUTRAL["dark"] if label in SUMMARY_ROWS else NEUTRAL["mid"] for label in labels]
    ax.barh(range(len(labels)), values, color=colours, height=0.62)
    for i, (v, k) in enumerate(zip(values, table["cohen_kappa"])):
        kappa = "kappa n/a" if pd.isna(k) else f"kappa {k:.2f}"
        ax.text(v + 1, i, f"{v:.0f}%  ({kappa})", va="center", fontsize=8.5, color="#333333")
    ax.set_yticks(range(len(labels)), [_row_label(label, names) for label in labels])
    ax.invert_yaxis()
    ax.set_xlim(0, 125)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("observed agreement with the gold (% of the coded statements)")
    ax.grid(axis="x")
    n = int(table["n"].max()) if len(table) else 0
    exact = table[table["label"] == "all stances (exact set)"]["agreement_pct"]
    matched = round(float(exact.iloc[0]) * n / 100) if len(exact) and n else 0
    title = f"The coding matches the gold's stances exactly in {matched} of {n} statements"
    return finish(fig, title, source)
