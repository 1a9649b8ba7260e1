"""Charts of notebook 02 (stance tagging): how well the taggers and the attribution rules agree with the
hand coding, and how well the coders agree with each other; and the statements with the codebook's evidence
marked, as an HTML table to read the disagreements.

The tables come from ``analysis.evaluation``. The stance charts take ``codebook`` (the shipped codebook
when not given) for the stances' readable labels and order.

Example:
    >>> table = pd.DataFrame([("mode", 10, 9, 0.9, "gold"), ("speaker", 10, 7, 0.7, "gold")],
    ...                      columns=["field", "n", "correct", "accuracy", "dataset"])
    >>> plot_attribution_accuracy(table).get_suptitle()
    'Hardest to attribute on gold: speaker (70% right)'
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..codebook import Codebook
from ..stance import CodebookTagger
from .style import NEUTRAL, TAGGER_NAMES, CodebookNames, LegendSpec, finish, new_figure, styled


def _grouped_barh(ax, table, *, row_col, group_col, value_col, rows, row_labels, groups, fmt="{:.2f}"):
    """Horizontal bars, one group of bars per row (``rows``, named ``row_labels``), one bar per ``groups``
    value, in greys and hatches (colour is kept for sides), with the value written beside each bar."""
    height = 0.8 / max(1, len(groups))
    colours = [NEUTRAL["dark"], NEUTRAL["mid"], NEUTRAL["light"], "#5A5A5A"]
    hatches = ["", "///", "", "..."]
    for k, group in enumerate(groups):
        part = table[table[group_col] == group].set_index(row_col)[value_col]
        values = np.array([float(part.get(r, np.nan)) for r in rows])
        positions = np.arange(len(rows)) - 0.4 + height * (k + 0.5)
        ax.barh(positions, np.nan_to_num(values), height=height * 0.92, color=colours[k % len(colours)],
                hatch=hatches[k % len(hatches)], edgecolor="white", linewidth=0, label=group)
        for p, v in zip(positions, values):
            ax.text((0 if np.isnan(v) else max(v, 0)) + 0.01 * ax.get_xlim()[1], p,
                    "n/a" if np.isnan(v) else fmt.format(v), va="center", fontsize=7.5, color="#333333")
    ax.set_yticks(range(len(rows)), row_labels)
    if not ax.yaxis_inverted():  # shared y axes invert together: invert once
        ax.invert_yaxis()
    ax.grid(axis="x")


def _stance_labels(stances: list[str], names: CodebookNames) -> list[str]:
    return [names.label(s) if s in names or s == "macro" else s for s in stances]


@styled
def plot_tagger_scores(table: pd.DataFrame, *, source: str | None = None,
                       codebook: Codebook | None = None) -> Figure:
    """F1 per stance (and the macro average), one panel per evaluation set, one bar per tagger.

    ``table``: ``analysis.evaluation.tagger_scores_table`` (dataset, tagger, stance, precision, recall, f1,
    support).
    """
    names = CodebookNames.read(codebook)
    datasets = list(dict.fromkeys(table["dataset"]))
    taggers = list(dict.fromkeys(table["tagger"]))
    stances = names.stance_order([s for s in table["stance"] if s != "macro"]) + ["macro"]
    fig = new_figure(max(9, 4.4 * len(datasets) + 1.5), 2.4 + 0.55 * len(stances))
    axes = fig.subplots(1, len(datasets), sharey=True, squeeze=False)[0]
    for ax, dataset in zip(axes, datasets):
        part = table[table["dataset"] == dataset]
        ax.set_xlim(0, 1.12)
        _grouped_barh(ax, part, row_col="stance", group_col="tagger", value_col="f1", rows=stances,
                      row_labels=_stance_labels(stances, names), groups=taggers)
        support = int(part.loc[part["stance"] == "macro", "support"].max()) if (part["stance"] == "macro").any() else 0
        ax.set_title(f"{dataset}\n({support} stance labels in the gold)")
        ax.set_xlabel("F1 (0 to 1; 1 = every label found, none invented)")
    handles = [Patch(facecolor=[NEUTRAL["dark"], NEUTRAL["mid"], NEUTRAL["light"]][k % 3],
                     hatch=["", "///", ""][k % 3], edgecolor="white", label=TAGGER_NAMES.get(t, t))
               for k, t in enumerate(taggers)]
    last = table[(table["dataset"] == datasets[-1]) & (table["stance"] == "macro")]
    scores = ", ".join(f"{TAGGER_NAMES.get(t, t)} {f:.2f}" for t, f in zip(last["tagger"], last["f1"]))
    return finish(fig, f"Macro F1 on {datasets[-1]}: {scores}", source, legend=LegendSpec(handles, "tagger"))


@styled
def plot_agreement(table: pd.DataFrame, *, source: str | None = None, codebook: Codebook | None = None) -> Figure:
    """Cohen's kappa per stance for each pair of codings (coders, taggers), one bar per comparison.

    ``table``: ``analysis.evaluation.kappa_table``.
    """
    names = CodebookNames.read(codebook)
    comparisons = list(dict.fromkeys(table["comparison"]))
    stances = names.stance_order(table["stance"])
    fig = new_figure(9.5, 2.6 + 0.28 * len(stances) * max(1, len(comparisons)))
    ax = fig.add_subplot()
    ax.set_xlim(min(0, float(np.nanmin(table["cohen_kappa"])) if table["cohen_kappa"].notna().any() else 0) - 0.05, 1.15)
    _grouped_barh(ax, table, row_col="stance", group_col="comparison", value_col="cohen_kappa", rows=stances,
                  row_labels=_stance_labels(stances, names), groups=comparisons)
    ax.axvline(0, color="#777777", linewidth=0.8)
    ax.axvline(0.8, color="#777777", linewidth=0.8, linestyle="--")
    ax.set_xlabel("Cohen's kappa (1 = perfect agreement, 0 = chance; dashed line: 0.8)")
    means = table.groupby("comparison", sort=False)["cohen_kappa"].mean()
    title = "Mean kappa over stances: " + "; ".join(f"{c} {means[c]:.2f}" for c in comparisons)
    return finish(fig, title, source, legend=LegendSpec(ax.get_legend_handles_labels()[0], "comparison"))


@styled
def plot_attribution_accuracy(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Accuracy of mode, speaker, voice_side and holder_side, one bar per evaluation set.

    ``table``: ``analysis.evaluation.attribution_accuracy`` rows with a ``dataset`` column.
    """
    datasets = list(dict.fromkeys(table["dataset"]))
    fields = list(dict.fromkeys(table["field"]))
    shown = table.assign(accuracy_pct=100 * table["accuracy"])
    fig = new_figure(9, 2.2 + 0.42 * len(fields) * max(1, len(datasets)))
    ax = fig.add_subplot()
    ax.set_xlim(0, 112)
    _grouped_barh(ax, shown, row_col="field", group_col="dataset", value_col="accuracy_pct", rows=fields,
                  row_labels=fields, groups=datasets, fmt="{:.0f}%")
    ax.set_xlabel("accuracy (% of statements where the rule agrees with the hand coding)")
    last = shown[shown["dataset"] == datasets[-1]].sort_values("accuracy_pct", kind="stable")
    title = (f"Hardest to attribute on {datasets[-1]}: {last['field'].iloc[0]} "
             f"({last['accuracy_pct'].iloc[0]:.0f}% right)")
    return finish(fig, title, source, legend=LegendSpec(ax.get_legend_handles_labels()[0], "evaluation set"))


# ------------------------------------------------------------------------------------ evidence as HTML

def highlight_evidence(text: str, evidence) -> str:
    """The statement as HTML with each evidence span (objects with start, end, label, cue) in a ``<mark>``
    whose title names the stance and cue; overlapping spans merge into one mark naming all their cues."""
    spans = sorted((e.start, e.end, f"{e.label}: {e.cue}") for e in evidence if e.start >= 0 and e.end > e.start)
    merged: list[list] = []
    for start, end, name in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(name)
        else:
            merged.append([start, end, [name]])
    out, position = [], 0
    for start, end, names in merged:
        out.append(html.escape(text[position:start]))
        out.append(f'<mark title="{html.escape("; ".join(names))}">{html.escape(text[start:end])}</mark>')
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def evidence_html(table: pd.DataFrame, *, label_columns=("gold", "codebook", "classifier"), tagger=None) -> str:
    """An HTML table of statements with the codebook tagger's evidence highlighted and the stances of each
    label column side by side (cells that differ from the first label column in bold).

    ``table``: rows of ``analysis.evaluation.tagger_comparison_table``.
    """
    tagger = tagger or CodebookTagger()
    columns = [c for c in label_columns if c in table.columns]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ["statement", "text (evidence marked)"] + columns)
    rows = []
    for row in table.itertuples(index=False):
        text = str(row.text)
        marked = highlight_evidence(text, tagger.tag_text(text)["evidence"])  # same-length apostrophe fix: offsets fit
        first = getattr(row, columns[0]) if columns else ""
        cells = []
        for column in columns:
            value = str(getattr(row, column) or "")
            shown = html.escape(value.replace(";", "; ")).replace("_", "_<wbr>") or "<i>none</i>"
            cells.append(f"<td><b>{shown}</b></td>" if value != first else f"<td>{shown}</td>")
        rows.append(f"<tr><td>{html.escape(str(row.article_id))}/{int(row.sent_idx)}</td>"
                    f"<td class='ks-long' style='text-align:left'>{marked}</td>{''.join(cells)}</tr>")
    style = ("<style>.ks-evidence td,.ks-evidence th{vertical-align:top;padding:4px 8px}"
             ".ks-evidence mark{background:#FFE08A;padding:0 1px}</style>")
    # The header in <thead>: a printed page repeats it on every sheet the table runs over.
    return (f"{style}<table class='ks-evidence ks-table'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")
