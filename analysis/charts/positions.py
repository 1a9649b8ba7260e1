"""Charts of notebook 03 (positions): whose positions the articles carry, in whose voice, from which speaker,
and when.

The tables come from ``analysis.positions``. Every function takes ``codebook`` (the shipped codebook when
not given) for the stances' readable labels and order.

Example:
    >>> table = pd.DataFrame([("russia", "russia", 6, 60.0), ("outlet", "japan", 4, 40.0)],
    ...                      columns=["voice_side", "holder_side", "statements", "share_pct"])
    >>> print(*plot_voice_holder(table).get_suptitle().replace("\\n", " ").split("; "), sep="\\n")
    Russian officials voice 6 of the 6 statements holding Russia's position
    Japanese officials voice 0 of the 4 statements holding Japan's position
"""
from __future__ import annotations

import math

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..codebook import Codebook
from ..positions import timeline_periods
from .style import (HOLDER_ORDER, NEUTRAL, SIDE_COLOURS, SIDE_LABELS, VOICE_LABELS, VOICE_ORDER, CodebookNames,
                    capitalised, finish, heatmap, integer_ticks, new_figure, ordered, pct, plural, possessive,
                    side_legend, stacked_stance_bars, styled, with_voice)

# Fewer dated articles than a year of monthly points is read as snapshots, not a trend.
TREND_MIN_DATED = 12


def _voice_description(holder: str, voice: str) -> str:
    if voice == holder:
        return "its own officials"
    if voice == f"{holder}_media":
        return "its own media"
    if voice == "outlet":
        return "the outlet's narration"
    return VOICE_LABELS.get(voice, voice)


def _stance_profile_title(table: pd.DataFrame) -> str:
    table = with_voice(table)
    """Which voice carries most of Russia's positions, and of Japan's."""
    findings = []
    for holder in ("russia", "japan"):
        part = table[table["holder_side"] == holder]
        if part.empty:
            findings.append(f"no statement holds {possessive(holder)} position")
            continue
        by_voice = part.groupby("voice")["statements"].sum()
        top = sorted(by_voice.index, key=lambda v: (-by_voice[v], VOICE_ORDER.index(v) if v in VOICE_ORDER else 9))[0]
        found = f"{_voice_description(holder, top)} ({pct(by_voice[top], by_voice.sum())})"
        findings.append(f"{possessive(holder)} positions come mostly from {found}" if not findings
                        else f"{possessive(holder)} from {found}")
    return capitalised(", ".join(findings))


@styled
def plot_stance_profile(table: pd.DataFrame, *, source: str | None = None,
                        codebook: Codebook | None = None) -> Figure:
    """One panel per holder side: statements per stance, stacked by the voice that carried them.

    ``table``: ``analysis.positions.stance_profile_table``.
    """
    names = CodebookNames.read(codebook)
    table = with_voice(table)
    holders = [h for h in ordered(table["holder_side"], HOLDER_ORDER) if h != "none"]
    stances = names.stance_order(table["stance"])
    voices = ordered(table["voice"], VOICE_ORDER)
    fig = new_figure(max(8.5, 3.6 * len(holders) + 1.5), 2.2 + 0.5 * len(stances))
    axes = fig.subplots(1, max(1, len(holders)), sharey=True, sharex=True, squeeze=False)[0]
    xmax = table.groupby(["holder_side", "stance"])["statements"].sum().max() if len(table) else 1
    for ax, holder in zip(axes, holders):
        part = table[table["holder_side"] == holder]
        left = stacked_stance_bars(ax, part, stances, "voice", voices, height=0.64)
        for i, total in enumerate(left):
            if total:
                ax.text(total + 0.15, i, str(int(total)), va="center", fontsize=8.5, color="#333333")
        n = int(part["statements"].sum())
        ax.set_title(f"held by {SIDE_LABELS.get(holder, holder)} ({plural(n, 'stance statement')})",
                     color=SIDE_COLOURS.get(holder, "#333333"))
        ax.set_xlabel("statements")
        ax.grid(axis="x")
        integer_ticks(ax.xaxis)
    axes[0].set_yticks(range(len(stances)), [names.label(s) for s in stances])
    axes[0].invert_yaxis()
    axes[0].set_xlim(0, xmax * 1.15 + 0.5)
    legend = side_legend(voices, VOICE_LABELS, title="voice that carried the position")
    return finish(fig, _stance_profile_title(table), source, legend=legend)


@styled
def plot_speaker_stance(table: pd.DataFrame, *, source: str | None = None,
                        codebook: Codebook | None = None) -> Figure:
    """Heatmap of stance statements: speakers (rows, names coloured by side) by stance (columns).

    ``table``: ``analysis.positions.speaker_stance_table``.
    """
    names = CodebookNames.read(codebook)
    stances = names.stance_order(table["stance"])
    totals = table.groupby("speaker")["statements"].sum()
    speakers = sorted(totals.index, key=lambda s: (-totals[s], s))
    matrix = (table.pivot_table(index="speaker", columns="stance", values="statements", aggfunc="sum", fill_value=0)
              .reindex(index=speakers, columns=stances, fill_value=0))
    side_of = table.drop_duplicates("speaker").set_index("speaker")["voice_side"]
    fig = new_figure(8.5, 2.0 + 0.36 * len(speakers))
    ax = fig.add_subplot()
    heatmap(ax, matrix)
    ax.set_xticklabels([names.label(s) for s in stances])
    ax.set_yticklabels([f"{s} ({totals[s]})" for s in speakers])
    for tick, speaker in zip(ax.get_yticklabels(), speakers):
        tick.set_color(SIDE_COLOURS.get(side_of.get(speaker, ""), "#333333"))
    ax.xaxis.tick_top()
    ax.set_xlabel("stance (numbers: statements; speaker names coloured by side, total in brackets)")
    ax.xaxis.set_label_position("top")
    total = int(table["statements"].sum())
    if not speakers:
        return finish(fig, "No statement carries a stance", source)
    top = speakers[0]
    who = "The outlet's own narration" if top == "(outlet narration)" else top
    title = f"{who} carries the most stance statements: {int(totals[top])} of {total}"
    return finish(fig, title, source)


def _date_order(table: pd.DataFrame) -> list[tuple[str, str]]:
    """(article_id, date) in date order, undated articles last."""
    pairs = table[["article_id", "date"]].drop_duplicates().itertuples(index=False)
    return sorted(((a, d) for a, d in pairs), key=lambda p: (p[1] == "undated", p[1], p[0]))


def _timeline_title(table: pd.DataFrame, stances: list, order: list, names: CodebookNames) -> str:
    """The stance found in the most articles, and whether the dates can show a trend."""
    spread = table.groupby("stance")["article_id"].nunique()
    if not len(spread):
        return "No stance statement to place in time"
    top = sorted(spread.index, key=lambda s: (-spread[s], stances.index(s)))[0]
    dated = sum(1 for _, d in order if d != "undated")
    if dated == 0:
        when = "none of them is dated, so nothing can be placed in time"
    elif dated < TREND_MIN_DATED:
        when = f"{dated} of them {'is' if dated == 1 else 'are'} dated, too few to show a trend"
    else:
        when = f"dated {order[0][1]} to {[d for _, d in order if d != 'undated'][-1]}"
    return f"{names.label(top)} appears in {spread[top]} of {len(order)} articles; {when}"


def _period_locator(periods: int, unit: str):
    """Ticks on whole months or years, at most about seven to an axis."""
    if unit == "month":
        step = next((m for m in (1, 2, 3, 4, 6, 12) if periods / m <= 7), 12)
        return matplotlib.dates.MonthLocator(bymonth=range(1, 13, step) if 12 % step == 0 else None)
    return matplotlib.dates.YearLocator(base=max(1, math.ceil(periods / 7)))


@styled
def plot_stance_timeline(table: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                         source: str | None = None, codebook: Codebook | None = None) -> Figure:
    """One panel per stance: statements per month (per year when the articles span more than three years) on
    a true date axis, stacked by holder side; undated statements are counted in the panel's title, never
    placed at an invented date.

    Args:
        table: ``analysis.positions.stance_timeline_table``.
        articles: optional (article_id, date) of every article, so articles without stances count in the title.
    """
    names = CodebookNames.read(codebook)
    stances = names.stance_order(table["stance"])
    order = _date_order(pd.concat([table[["article_id", "date"]], articles[["article_id", "date"]]])
                        if articles is not None else table)
    holders = ordered(table["holder_side"], HOLDER_ORDER)
    starts, unit = timeline_periods(table["date"])
    counts = (table.assign(period=starts).dropna(subset=["period"])
              .groupby(["stance", "period", "holder_side"])["statements"].sum())
    undated = table[starts.isna()].groupby("stance")["statements"].sum()
    dated_starts = starts.dropna()
    offset = pd.DateOffset(months=1) if unit == "month" else pd.DateOffset(years=1)
    ncols = 2 if len(stances) > 1 else 1
    nrows = max(1, math.ceil(len(stances) / ncols))
    fig = new_figure(12 if ncols == 2 else 9, 1.4 + 2.3 * nrows)
    axes = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False).ravel()
    periods = pd.date_range(dated_starts.min(), dated_starts.max(), freq="MS" if unit == "month" else "YS") \
        if len(dated_starts) else pd.DatetimeIndex([])
    days = 30.4 if unit == "month" else 365.25   # date axes count in days
    width, centres = 0.8 * days, matplotlib.dates.date2num(periods) + days / 2
    for ax, stance in zip(axes, stances):
        bottom = np.zeros(len(periods))
        for holder in holders:
            values = np.array([counts.get((stance, p, holder), 0) for p in periods], dtype=float)
            ax.bar(centres, values, bottom=bottom, color=SIDE_COLOURS.get(holder, NEUTRAL["mid"]), width=width,
                   edgecolor="white", linewidth=0.4)
            bottom += values
        total = int(table.loc[table["stance"] == stance, "statements"].sum())
        not_placed = int(undated.get(stance, 0))
        ax.set_title(f"{names.label(stance)} ({total}" + (f", {not_placed} undated)" if not_placed else ")"))
        ax.grid(axis="y")
        integer_ticks(ax.yaxis)
    for ax in axes[len(stances):]:
        ax.axis("off")
    if len(periods):
        locator = _period_locator(len(periods), unit)
        for ax in axes:
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
            ax.set_xlim(matplotlib.dates.date2num(periods[0]),
                        matplotlib.dates.date2num(periods[-1] + offset))
    else:
        for ax in axes:
            ax.set_xticks([])
    for i in range(nrows):
        axes[i * ncols].set_ylabel(f"statements per {unit}")
    legend_title = "whose position (holder side)"
    if len(undated):
        legend_title += "; undated statements: counted in each panel's title, not placed in time"
    legend = side_legend(holders, title=legend_title)
    return finish(fig, _timeline_title(table, stances, order, names), source, legend=legend)


@styled
def plot_voice_holder(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Heatmap: who speaks (rows, voice: a side's officials apart from its media) for whose position (columns,
    holder_side).

    ``table``: ``analysis.positions.voice_holder_table``.
    """
    table = with_voice(table)
    voices = ordered(table["voice"], VOICE_ORDER)
    holders = ordered(table["holder_side"], HOLDER_ORDER)
    matrix = (table.pivot_table(index="voice", columns="holder_side", values="statements", aggfunc="sum",
                                fill_value=0).reindex(index=voices, columns=holders, fill_value=0))
    fig = new_figure(8, 1.9 + 0.5 * len(voices))
    ax = fig.add_subplot()
    heatmap(ax, matrix)
    ax.set_yticklabels([VOICE_LABELS.get(v, v) for v in voices])
    ax.set_xticklabels([SIDE_LABELS.get(h, h) for h in holders])
    for tick, voice in zip(ax.get_yticklabels(), voices):
        tick.set_color(SIDE_COLOURS.get(voice, "#333333"))
    for tick, holder in zip(ax.get_xticklabels(), holders):
        tick.set_color(SIDE_COLOURS.get(holder, "#333333") if holder != "none" else "#555555")
    for i, voice in enumerate(voices):
        if voice in holders:
            j = holders.index(voice)
            ax.add_patch(matplotlib.patches.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False,
                                                      edgecolor=SIDE_COLOURS[voice], linewidth=2))
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xlabel("whose position the statement expresses (numbers: statements; box: a side speaking for itself)")
    ax.set_ylabel("who speaks")
    parts = []
    for side in ("russia", "japan"):
        held = int(matrix[side].sum()) if side in matrix.columns else 0
        own = int(matrix.loc[side, side]) if side in matrix.index and side in matrix.columns else 0
        media = int(matrix.loc[f"{side}_media", side]) if f"{side}_media" in matrix.index and side in matrix.columns else 0
        parts.append(f"{VOICE_LABELS[side]} voice {own} of the {held} statements holding {possessive(side)} position"
                     + (f" ({VOICE_LABELS[side + '_media']} {media} more)" if media else ""))
    return finish(fig, capitalised("; ".join(parts)), source)
