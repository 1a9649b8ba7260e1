"""Charts of notebook 04 (framing): whose voice each article carries, quotes against paraphrase, reused
background, frames, the side cast as the obstacle, and one card per article with all of them.

The tables come from ``analysis.framing``. The charts that name stances or frames take ``codebook`` (the
shipped codebook when not given) for their readable labels and order.

Example:
    >>> table = pd.DataFrame({"article_id": ["a", "a", "b"], "voice_side": ["russia", "outlet", "japan"],
    ...                       "statements": [3, 1, 4], "share_pct": [75.0, 25.0, 100.0]})
    >>> plot_voice_share(table).get_suptitle()
    'Russian officials voice 38% of statements, Japanese officials 50%'
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..codebook import Codebook
from ..units import OTHER_OUTLETS
from .style import (HOLDER_ORDER, NEUTRAL, SIDE_COLOURS, SIDE_LABELS, SIDE_NAMES, SIDE_ORDER, VOICE_LABELS,
                    VOICE_ORDER, CodebookNames, LegendSpec, with_voice, finish, heatmap, integer_ticks, new_figure, ordered,
                    pct, plural, side_legend, stacked_stance_bars, styled, tint)


def row_order(ids) -> list:
    """Rows in id order (articles, or outlets with "other outlets" last)."""
    return sorted(set(ids), key=lambda a: (a == OTHER_OUTLETS, a))


def _article_axis_labels(table: pd.DataFrame) -> tuple[list, list]:
    ids = row_order(table["article_id"])
    labels = dict(zip(table["article_id"], table["article"])) if "article" in table.columns else {}
    return ids, [labels.get(a, a) for a in ids]


@styled
def plot_voice_share(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """100% stacked bars: each article's statements by voice (a side's officials, the outlet's narration).

    ``table``: ``analysis.framing.voice_share_table``.
    """
    ids, labels = _article_axis_labels(table)
    table = with_voice(table)
    voices = ordered(table["voice"], VOICE_ORDER)
    fig = new_figure(9, 1.9 + 0.45 * len(ids))
    ax = fig.add_subplot()
    left = np.zeros(len(ids))
    for voice in voices:
        values = _side_bar(ax, table, ids, "voice", voice, "share_pct", left)
        for i, (v, l) in enumerate(zip(values, left)):
            if v >= 9:
                ax.text(l + v / 2, i, f"{v:.0f}%", ha="center", va="center", fontsize=8.5,
                        color="white" if voice in ("russia", "japan", "us", "outlet") else "#222222")
        left += values
    ax.set_yticks(range(len(ids)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of the article's statements (%)")
    totals = table.groupby("voice")["statements"].sum()
    whole = totals.sum()
    title = (f"Russian officials voice {pct(totals.get('russia', 0), whole)} of statements, "
             f"Japanese officials {pct(totals.get('japan', 0), whole)}"
             + "".join(f", {VOICE_LABELS[v]} {pct(totals[v], whole)}" for v in voices if v.endswith("_media")))
    return finish(fig, title, source, legend=side_legend(voices, VOICE_LABELS, title="voice"))


@styled
def plot_quote_mode(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """One panel per speaking side: each article's statements quoted directly (solid) or paraphrased
    (light, hatched).

    ``table``: ``analysis.framing.quote_mode_table``.
    """
    ids, labels = _article_axis_labels(table)
    table = with_voice(table)
    sides = [s for s in ordered(table["voice"], VOICE_ORDER) if s != "outlet"] or ["russia"]
    fig = new_figure(max(8.5, 3.3 * len(sides) + 2.5), 2.1 + 0.45 * len(ids))
    axes = fig.subplots(1, len(sides), sharey=True, sharex=True, squeeze=False)[0]
    for ax, side in zip(axes, sides):
        colour = SIDE_COLOURS.get(side, NEUTRAL["mid"])
        part = table[table["voice"] == side]
        direct = np.array([part[(part["article_id"] == a) & (part["mode"] == "direct_quote")]["statements"].sum()
                           for a in ids])
        reported = np.array([part[(part["article_id"] == a) & (part["mode"] == "reported")]["statements"].sum()
                             for a in ids])
        ax.barh(range(len(ids)), direct, color=colour, height=0.62, edgecolor="white")
        ax.barh(range(len(ids)), reported, left=direct, color=tint(colour), hatch="///", edgecolor=colour,
                linewidth=0, height=0.62)
        ax.set_title(f"{VOICE_LABELS.get(side, side)}\n{int(direct.sum())} quoted, {int(reported.sum())} paraphrased",
                     color=colour)
        ax.set_xlabel("statements")
        ax.grid(axis="x")
        integer_ticks(ax.xaxis)
    axes[0].set_yticks(range(len(ids)), labels)
    axes[0].invert_yaxis()
    handles = [Patch(facecolor=NEUTRAL["dark"], label="direct quote (the speaker's own words in quote marks)"),
               Patch(facecolor=tint(NEUTRAL["dark"], 0.6), hatch="///", edgecolor=NEUTRAL["dark"],
                     label="paraphrase (reported speech: \"X said that ...\")")]
    legend = LegendSpec(handles, "mode (bar colour: the speaker's side)")
    counts = table.groupby(["voice", "mode"])["statements"].sum()
    parts = []
    for side in ["russia", "japan"] + [v for v in sides if v.endswith("_media")]:
        d, r = int(counts.get((side, "direct_quote"), 0)), int(counts.get((side, "reported"), 0))
        parts.append(f"{VOICE_LABELS[side]}: {plural(d, 'statement')} quoted directly, {r} paraphrased")
    return finish(fig, "; ".join(parts), source, legend=legend)


@styled
def plot_background_stances(table: pd.DataFrame, *, source: str | None = None,
                            codebook: Codebook | None = None) -> Figure:
    """Two panels, the articles' own text and reused background: stance statements per stance, stacked by
    holder side.

    ``table``: ``analysis.framing.background_stance_table``.
    """
    names = CodebookNames.read(codebook)
    stances = names.stance_order(table["stance"])
    holders = ordered(table["holder_side"], HOLDER_ORDER)
    fig = new_figure(9, 2.2 + 0.5 * max(1, len(stances)))
    axes = fig.subplots(1, 2, sharey=True, sharex=True)
    for ax, part_name in zip(axes, ("own text", "background")):
        part = table[table["part"] == part_name]
        stacked_stance_bars(ax, part, stances, "holder_side", holders, height=0.62)
        title = "the articles' own text" if part_name == "own text" else "reused background paragraphs"
        ax.set_title(f"{title} ({int(part['statements'].sum())})")
        ax.set_xlabel("stance statements")
        ax.grid(axis="x")
        integer_ticks(ax.xaxis)
    axes[0].set_yticks(range(len(stances)), [names.label(s) for s in stances])
    axes[0].invert_yaxis()
    background = table[table["part"] == "background"]
    total, in_bg = int(table["statements"].sum()), int(background["statements"].sum())
    japan = table[table["holder_side"] == "japan"]
    japan_bg = int(japan[japan["part"] == "background"]["statements"].sum())
    title = (f"Reused background carries {in_bg} of {total} stance statements, "
             f"{japan_bg} of the {int(japan['statements'].sum())} that hold Japan's position")
    return finish(fig, title, source, legend=side_legend(holders, title="whose position (holder side)"))


@styled
def plot_frames(table: pd.DataFrame, *, source: str | None = None, codebook: Codebook | None = None) -> Figure:
    """Heatmap: share of each article's statements (rows) that carry each frame (columns), counts in the cells.

    ``table``: ``analysis.framing.frame_table``.
    """
    names = CodebookNames.read(codebook)
    ids, labels = _article_axis_labels(table)
    frames = names.frame_order(table["frame"])
    shares = (table.pivot_table(index="article_id", columns="frame", values="share_pct", aggfunc="sum", fill_value=0)
              .reindex(index=ids, columns=frames, fill_value=0))
    counts = (table.pivot_table(index="article_id", columns="frame", values="statements", aggfunc="sum", fill_value=0)
              .reindex(index=ids, columns=frames, fill_value=0))
    fig = new_figure(9, 2.2 + 0.45 * len(ids))
    ax = fig.add_subplot()
    text = pd.DataFrame([[f"{c} ({s:.0f}%)" for c, s in zip(cr, sr)] for cr, sr in
                         zip(counts.to_numpy(), shares.to_numpy())], index=ids, columns=frames)
    heatmap(ax, shares, values=text, vmax=100)
    ax.set_yticklabels(labels)
    ax.set_xticklabels([textwrap.fill(names.label(f), 14) for f in frames])
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xlabel("frame (cells: statements, and share of the article's statements; shade: share)")
    if shares.empty:
        return finish(fig, "No statement carries a frame", source)
    top = shares.idxmax(axis=1)
    most = top.value_counts()
    best = sorted(most.index, key=lambda f: (-most[f], frames.index(f)))[0]
    title = f"{names.label(best)} is the most frequent frame in {most[best]} of {len(ids)} articles"
    return finish(fig, title, source)


@styled
def plot_blame(table: pd.DataFrame, *, articles: list | None = None, labels: dict | None = None,
               source: str | None = None) -> Figure:
    """Stacked bars: statements per article that cast a side as the obstacle, by the side blamed.

    Args:
        table: ``analysis.framing.blamed_statements`` (article_id, blamed_side, statements).
        articles: every article id, so articles without blame show as empty rows.
        labels: {article_id: label} for the axis.
    """
    ids = row_order(set(articles or []) | set(table["article_id"]))
    labels = labels or {}
    sides = ordered(table["blamed_side"], SIDE_ORDER)
    fig = new_figure(9, 1.9 + 0.45 * max(1, len(ids)))
    ax = fig.add_subplot()
    left = np.zeros(len(ids))
    for side in sides:
        values = _side_bar(ax, table, ids, "blamed_side", side, "statements", left)
        left += values
    for i, total in enumerate(left):
        ax.text(total + 0.1, i, str(int(total)) if total else "none", va="center", fontsize=8.5, color="#444444")
    ax.set_yticks(range(len(ids)), [labels.get(a, a) for a in ids])
    ax.invert_yaxis()
    ax.set_xlabel("statements casting a side as the obstacle to the treaty")
    ax.set_xlim(0, max(1, left.max()) * 1.2 + 0.5)
    ax.grid(axis="x")
    integer_ticks(ax.xaxis)
    legend = (side_legend(sides, {**SIDE_LABELS, "unclear": "cue without a side"}, title="side cast as the obstacle")
              if sides else None)
    totals = table.groupby("blamed_side")["statements"].sum()
    named = totals.drop("unclear", errors="ignore")
    if named.empty:
        title = "No statement casts a named side as the obstacle"
    else:
        top = sorted(named.index, key=lambda s: (-named[s], SIDE_ORDER.index(s) if s in SIDE_ORDER else 9))[0]
        title = (f"{SIDE_NAMES.get(top, top).capitalize() if top != 'us' else 'The US'} is cast as the obstacle "
                 f"in {int(named[top])} of {int(totals.sum())} blaming statements")
    return finish(fig, title, source, legend=legend)


# ----------------------------------------------------------------------------------- the framing cards

@dataclass(frozen=True)
class _CardScales:
    """What every card shares, so the cards read side by side: the frames and voices listed, and the top of
    the two count axes."""

    frames: list
    voices: list
    blame_max: float
    mode_max: float

    @classmethod
    def of(cls, table: pd.DataFrame, names: CodebookNames) -> _CardScales:
        is_blame = table["panel"] == "blame"
        modes = table[table["panel"] == "mode"]
        by_side = modes.groupby([modes["article_id"], modes["category"].str.split(" ").str[0]])["statements"].sum()
        return cls(frames=names.frame_order(table.loc[table["panel"] == "frame", "category"]),
                   voices=ordered(table.loc[table["panel"] == "voice", "category"], VOICE_ORDER),
                   blame_max=max(1, table.loc[is_blame, "statements"].max() if is_blame.any() else 1),
                   mode_max=max([1] + list(by_side)))


def _panel(card: pd.DataFrame, panel: str) -> pd.DataFrame:
    return card[card["panel"] == panel]


def _draw_card_heading(ax, article_id: str, card: pd.DataFrame) -> None:
    """The card's heading line: article, outlet, date, statements, background share, headline subject."""
    meta = _panel(card, "meta").set_index("category")["label"]
    bg_pct = float(_panel(card, "background").set_index("category")["share_pct"].get("background", 0.0))
    headline = _panel(card, "headline")
    n = int(_panel(card, "voice")["statements"].sum())
    outlet = meta.get("outlet", "unknown")
    if "articles" in meta.index:   # one card for the articles of an outlet
        named = headline[headline["category"] != "none"].sort_values(["statements", "category"],
                                                                     ascending=[False, True])
        articles = int(meta["articles"])
        subject = (f"headline subject mostly {named['label'].iloc[0]} "
                   f"({int(named['statements'].iloc[0])} of {articles})" if len(named) else "no headline names a side")
        heading = (f"{outlet} · {plural(articles, 'article')}, {meta.get('date', 'undated')}  —  "
                   f"{n:,} statements, {bg_pct:.0f}% background; {subject}")
    else:
        subject = (f"headline subject: {headline['label'].iloc[0]} ({SIDE_LABELS.get(headline['category'].iloc[0], '')})"
                   if len(headline) and headline["label"].iloc[0] else "headline names no side")
        heading = (f"{article_id} · {'unknown outlet' if outlet == 'unknown' else outlet} · "
                   f"{meta.get('date', 'undated')}  —  {n} statements, {bg_pct:.0f}% reused background; {subject}")
    ax.axis("off")
    ax.axhline(0.98, color="#BBBBBB", linewidth=1)
    ax.set_ylim(0, 1)
    # Out of the layout: a long heading must not squeeze the card's panels (it is cut at the figure's edge).
    ax.text(0, 0.05, heading, transform=ax.transAxes, ha="left", va="bottom", fontsize=10 if "articles" in meta.index else 10.5,
            fontweight="bold").set_in_layout(False)


def _draw_card_counts(ax, sides: list[str], xmax: float, title: str, empty: str, per_article: bool) -> None:
    """Axes of a card panel that counts statements per side (the same scale on every card); a card of an
    outlet counts them per article, so that outlets of different sizes read side by side."""
    ax.set_yticks(range(len(sides)), [SIDE_LABELS.get(s, s) for s in sides], fontsize=8)
    ax.set_ylim(-0.6, max(1, len(sides)) - 0.4)
    ax.invert_yaxis()
    ax.set_xlim(0, xmax * 1.1 + (0.05 if per_article else 0.5))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=not per_article))
    ax.set_title(title, fontsize=9)
    ax.set_xlabel("statements per article" if per_article else "statements", fontsize=8)
    if not sides:
        ax.text(0.5, 0.5, empty, transform=ax.transAxes, ha="center", va="center", fontsize=8)


def _draw_card_voices(ax, card: pd.DataFrame, voices: list[str]) -> None:
    """One 100% bar: the article's statements by voice."""
    left = 0.0
    voice = _panel(card, "voice").set_index("category")
    for v in voices:
        share = float(voice["share_pct"].get(v, 0.0))
        ax.barh(0, share, left=left, color=SIDE_COLOURS.get(v, NEUTRAL["mid"]), height=0.5, edgecolor="white")
        if share >= 12:
            ax.text(left + share / 2, 0, f"{share:.0f}%", ha="center", va="center", fontsize=8, color="white")
        left += share
    ax.set_xlim(0, 100)
    ax.set_yticks([])
    ax.set_title("voice (% of statements)", fontsize=9)
    ax.set_xlabel("%", fontsize=8)


def _draw_card_modes(ax, card: pd.DataFrame, mode_max: float, per_article: bool) -> None:
    """Per speaking side, statements quoted directly (solid) and paraphrased (hatched)."""
    mode = _panel(card, "mode").set_index("category")["statements"]
    sides = [s for s in ("russia", "japan", "us", "other")
             if any(f"{s} {m}" in mode.index for m in ("direct_quote", "reported"))]
    for i, side in enumerate(sides):
        colour = SIDE_COLOURS.get(side, NEUTRAL["mid"])
        d, r = float(mode.get(f"{side} direct_quote", 0)), float(mode.get(f"{side} reported", 0))
        ax.barh(i, d, color=colour, height=0.6)
        ax.barh(i, r, left=d, color=tint(colour), hatch="///", edgecolor=colour, linewidth=0, height=0.6)
    _draw_card_counts(ax, sides, mode_max, "quoted (solid) | paraphrased (hatched)", "no attributed speech",
                      per_article)


def _draw_card_frames(ax, card: pd.DataFrame, frames: list[str], names: CodebookNames) -> None:
    """Share of the article's statements carrying each frame."""
    frame = _panel(card, "frame").set_index("category")["share_pct"]
    ax.barh(range(len(frames)), [float(frame.get(f, 0.0)) for f in frames], color=NEUTRAL["dark"], height=0.6)
    ax.set_yticks(range(len(frames)), [names.label(f) for f in frames], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_title("frames (% of statements)", fontsize=9)
    ax.set_xlabel("%", fontsize=8)


def _draw_card_blame(ax, card: pd.DataFrame, blame_max: float, per_article: bool) -> None:
    """Statements casting each side as the obstacle."""
    blame = _panel(card, "blame").set_index("category")["statements"]
    blamed = ordered(blame.index, SIDE_ORDER)
    for i, side in enumerate(blamed):
        ax.barh(i, float(blame[side]), color=SIDE_COLOURS.get(side, NEUTRAL["mid"]), height=0.6)
    _draw_card_counts(ax, blamed, blame_max, "cast as the obstacle", "no blame cue", per_article)


def _framing_cards_title(table: pd.DataFrame, articles: int) -> str:
    """In how many articles Russian officials are the largest voice, and how many blame Japan or Russia (for
    cards of outlets: in how many outlets, and the share of statements casting each side as the obstacle)."""
    grouped = ((table["panel"] == "meta") & (table["category"] == "articles")).any()
    if grouped:
        return _outlet_cards_title(table)
    blame = table[table["panel"] == "blame"]
    voice = table[table["panel"] == "voice"]
    top_voice = voice.sort_values(["article_id", "statements"], ascending=[True, False]).drop_duplicates("article_id")
    led = int((top_voice["category"] == "russia").sum())
    japan_blamed = blame.loc[blame["category"] == "japan", "article_id"].nunique()
    russia_blamed = blame.loc[blame["category"] == "russia", "article_id"].nunique()
    return (f"Russian officials are the largest voice in {led} of {articles} articles; {japan_blamed or 'none'} "
            f"cast Japan as the obstacle, {russia_blamed or 'none'} Russia")


def _outlet_cards_title(table: pd.DataFrame) -> str:
    voice = table[table["panel"] == "voice"]
    top_voice = voice.sort_values(["article_id", "statements"], ascending=[True, False]).drop_duplicates("article_id")
    led = int((top_voice["category"] == "russia").sum())
    units = table.loc[table["panel"] == "meta", "article_id"].nunique()
    blame = table[table["panel"] == "blame"].groupby("category")["statements"].sum()
    total = int(blame.sum())
    return (f"Russian officials are the largest voice in {led} of {units} outlet cards; of {total:,} statements "
            f"casting a side as the obstacle, {pct(blame.get('japan', 0), total)} name Japan, "
            f"{pct(blame.get('russia', 0), total)} Russia")


@styled
def plot_framing_cards(table: pd.DataFrame, *, source: str | None = None,
                       codebook: Codebook | None = None) -> Figure:
    """One card per article (small multiples on one figure): voices, quotes against paraphrase, frames and
    the side cast as the obstacle, with outlet, date, background share and headline subject in the card's
    heading; one card per outlet when the table counts by outlet (``framing_card_table(..., units=...)``).

    ``table``: ``analysis.framing.framing_card_table``.
    """
    names = CodebookNames.read(codebook)
    ids = row_order(table["article_id"])
    meta = table[table["panel"] == "meta"]
    per_article = bool((meta["category"] == "articles").any())
    title = _framing_cards_title(table, len(ids))
    if per_article:   # cards of outlets: quotes and blame per article of the outlet
        articles = table["article_id"].map(meta[meta["category"] == "articles"].set_index("article_id")["statements"])
        counted = table["panel"].isin(["mode", "blame"])
        table = table.assign(statements=table["statements"].where(~counted, table["statements"] / articles))
    fig = new_figure(13, 0.9 + 2.25 * max(1, len(ids)))
    # One grid, a thin heading row above each card's four panels (subfigures would be tidier, but their
    # layout jitters in the last float digits from run to run, and the SVG ids hash those digits).
    grid = fig.add_gridspec(2 * max(1, len(ids)), 4, height_ratios=[0.22, 1] * max(1, len(ids)),
                            width_ratios=[1.3, 1, 1.3, 1])
    scales = _CardScales.of(table, names)
    for row, article_id in enumerate(ids):
        card = table[table["article_id"] == article_id]
        _draw_card_heading(fig.add_subplot(grid[2 * row, :]), article_id, card)
        axes = [fig.add_subplot(grid[2 * row + 1, j]) for j in range(4)]
        _draw_card_voices(axes[0], card, scales.voices)
        _draw_card_modes(axes[1], card, scales.mode_max, per_article)
        _draw_card_frames(axes[2], card, scales.frames, names)
        _draw_card_blame(axes[3], card, scales.blame_max, per_article)
        for ax in axes:
            ax.tick_params(labelsize=8)
    legend = side_legend(scales.voices, {**SIDE_LABELS, "outlet": "outlet narration"},
                         title="colour = side (hatched: paraphrase)")
    return finish(fig, title, source, legend=legend)


def _side_bar(ax, table: pd.DataFrame, ids: list, side_column: str, side: str, value_column: str,
              left: np.ndarray) -> np.ndarray:
    """One side's segment of a horizontal stacked bar per article, in the side's colour; returns its values."""
    values = np.array([table[(table["article_id"] == a) & (table[side_column] == side)][value_column].sum()
                       for a in ids])
    ax.barh(range(len(ids)), values, left=left, color=SIDE_COLOURS.get(side, NEUTRAL["mid"]), height=0.62,
            edgecolor="white", linewidth=0.6)
    return values
