"""Every chart of the notebooks, in one style, and the tables behind them.

Each chart is a function ``plot_<what>(table, *, source=...) -> matplotlib.figure.Figure`` that draws a tidy
table built by a ``<what>_table`` function (here, or in ``analysis.framing`` for the framing charts).
``save_chart`` writes the figure as PNG and SVG and the table as CSV beside it, byte for byte the same on
every run.

The style, once for all charts:
- colour means side, everywhere: Russia vermillion, Japan blue, US green, both sides reddish purple, the
  outlet and "other"/"none" greys (the Okabe-Ito palette, safe for the common colour-vision deficiencies);
  stances and frames are never coloured, they are rows, columns or panels;
- the title states the finding, computed from the table ("Russia's voice carries 53% of statements");
- axis labels carry units ("statements", "share of statements (%)");
- a source note under every chart names the corpus.

Charts are drawn on the Agg canvas without pyplot, so nothing depends on the backend a notebook or test
runs with and no figure stays open.

Example:
    >>> table = pd.DataFrame({"article_id": ["a", "a", "b"], "voice_side": ["russia", "outlet", "japan"],
    ...                       "statements": [3, 1, 4], "share_pct": [75.0, 25.0, 100.0]})
    >>> plot_voice_share(table).get_suptitle()
    "Russia's voice carries 38% of statements, Japan's 50%"
"""
from __future__ import annotations

import functools
import html
import math
import textwrap
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from pandas.api.types import is_bool_dtype, is_float_dtype, is_numeric_dtype


# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
SIDE_COLOURS = {"russia": "#D55E00", "japan": "#0072B2", "us": "#009E73", "both": "#CC79A7",
                "outlet": "#595959", "other": "#A6A6A6", "none": "#D9D9D9", "unclear": "#A6A6A6"}
NEUTRAL = {"dark": "#333333", "mid": "#8C8C8C", "light": "#CFCFCF"}
SIDE_NAMES = {"russia": "Russia", "japan": "Japan", "us": "the US", "both": "both sides", "other": "other",
              "none": "no side", "outlet": "the outlet", "unclear": "unclear"}
SIDE_LABELS = {"russia": "Russia", "japan": "Japan", "us": "US", "both": "both sides", "other": "other",
               "none": "no side's position", "outlet": "outlet", "unclear": "side unclear"}
VOICE_LABELS = {"russia": "Russian officials", "japan": "Japanese officials", "us": "US officials",
                "other": "other voices", "outlet": "the outlet's narration"}
SIDE_ORDER = ("russia", "japan", "us", "both", "other", "outlet", "none", "unclear")
VOICE_ORDER = ("russia", "japan", "us", "other", "outlet")
HOLDER_ORDER = ("russia", "japan", "us", "both", "none")
DEFAULT_SOURCE = "Source: kuril-stance seed corpus, 5 articles (TASS and one other outlet), 2019"
TAGGER_NAMES = {"codebook": "codebook tagger", "model": "classifier", "classifier": "classifier",
                "gold": "hand-coded gold"}

STYLE = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same glyphs, hence the same SVG, everywhere
    "font.size": 9.5,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 9.5,
    "axes.labelcolor": "#333333",
    "axes.edgecolor": "#777777",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,
    "grid.color": "#E6E6E6",
    "grid.linewidth": 0.8,
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "legend.frameon": False,
    "legend.fontsize": 9,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "svg.fonttype": "path",
    "svg.hashsalt": "kuril-stance",  # fixed salt: the SVG element ids, hence the files, repeat byte for byte
    "hatch.linewidth": 0.8,
}
SOURCE_INCHES = 0.32
PNG_DPI = 150


# ------------------------------------------------------------------------------------------------ style

def _styled(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(STYLE):
            return function(*args, **kwargs)
    return wrapper


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    bottom = SOURCE_INCHES / height
    fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom), h_pad=0.06, w_pad=0.06)
    return fig


def _wrap(text: str, width_inches: float, fontsize: float) -> str:
    chars = max(30, int(width_inches * 72 / (fontsize * 0.56)))
    return "\n".join(textwrap.wrap(text, chars))


def _legend(fig: Figure, handles: list, title: str | None = None):
    """Ask ``_finish`` for a legend under the plots, above the source note."""
    fig._kuril_legend = (handles, title)


def _place_legend(fig: Figure, bottom_inches: float) -> float:
    """Draw the requested legend at ``bottom_inches`` from the bottom; returns its height in inches."""
    handles, title = getattr(fig, "_kuril_legend", (None, None))
    if not handles:
        return 0.0
    width, height = fig.get_size_inches()
    renderer = fig.canvas.get_renderer()
    for ncols in range(len(handles), 0, -1):
        legend = fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.005, bottom_inches / height),
                            bbox_transform=fig.transFigure, ncols=ncols, title=title, alignment="left",
                            title_fontsize=9, borderaxespad=0.2)
        extent = legend.get_window_extent(renderer)
        if extent.width / fig.dpi <= width - 0.2 or ncols == 1:
            return extent.height / fig.dpi
        legend.remove()
    return 0.0


def _finish(fig: Figure, title: str, source: str | None) -> Figure:
    width, height = fig.get_size_inches()
    source_text = fig.text(0.01, 0.06 / height, _wrap(source or DEFAULT_SOURCE, width - 0.3, 8), ha="left",
                           va="bottom", fontsize=8, color="#555555")
    source_inches = source_text.get_window_extent(fig.canvas.get_renderer()).height / fig.dpi + 0.12
    legend_inches = _place_legend(fig, source_inches)
    bottom = (source_inches + legend_inches + (0.08 if legend_inches else 0)) / height
    fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))
    fig.suptitle(_wrap(title, width - 0.3, 13), x=0.01, ha="left", fontsize=13, fontweight="bold")
    return fig


def _tint(colour: str, amount: float = 0.55) -> tuple:
    """The colour mixed with white (amount 0: unchanged, 1: white)."""
    rgb = matplotlib.colors.to_rgb(colour)
    return tuple(c + (1 - c) * amount for c in rgb)


def _order(values, preferred) -> list:
    values = [v for v in dict.fromkeys(values)]
    return [v for v in preferred if v in values] + sorted(v for v in values if v not in preferred)


@functools.lru_cache(maxsize=1)
def _codebook_labels() -> tuple[dict, list, list]:
    try:
        from .codebook import load_codebook

        codebook = load_codebook()
    except Exception:  # a broken codebook must not stop a chart: fall back to the ids
        return {}, [], []
    labels = {s.id: s.label for s in codebook.stances} | {f.id: f.label for f in codebook.frames}
    return labels, codebook.stance_ids, codebook.frame_ids


def label_of(label_id: str) -> str:
    """The codebook's readable label of a stance or frame id ("treaty_first" -> "Treaty first")."""
    if label_id == "macro":
        return "macro average"
    return _codebook_labels()[0].get(label_id, str(label_id).replace("_", " "))


def _stance_order(values) -> list:
    return _order(values, _codebook_labels()[1])


def _frame_order(values) -> list:
    return _order(values, _codebook_labels()[2])


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _int_axis(axis):
    axis.set_major_locator(MaxNLocator(integer=True))


def _possessive(side: str) -> str:
    name = SIDE_NAMES.get(side, side)
    return name + "'" if name.endswith("s") else name + "'s"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _heatmap(ax, matrix: pd.DataFrame, *, values: pd.DataFrame | None = None, fmt=str, vmax=None):
    """Grey heatmap with the numbers written in the cells (empty cell: zero)."""
    colour = matrix.to_numpy(dtype=float)
    ax.imshow(colour, cmap="Greys", aspect="auto", vmin=0, vmax=vmax or max(1.0, np.nanmax(colour) * 1.15))
    shown = (values if values is not None else matrix).to_numpy()
    top = vmax or max(1.0, np.nanmax(colour) * 1.15)
    for i in range(colour.shape[0]):
        for j in range(colour.shape[1]):
            if colour[i, j] == 0 or (isinstance(shown[i, j], float) and math.isnan(shown[i, j])):
                continue
            ax.text(j, i, fmt(shown[i, j]), ha="center", va="center", fontsize=9,
                    color="white" if colour[i, j] > 0.55 * top else "#222222")
    ax.set_xticks(range(matrix.shape[1]))
    ax.set_yticks(range(matrix.shape[0]))
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks(np.arange(-0.5, matrix.shape[1], 1), minor=True)
    ax.set_yticks(np.arange(-0.5, matrix.shape[0], 1), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)


def _side_legend(fig: Figure, sides, labels=None, *, title=None):
    labels = labels or SIDE_LABELS
    _legend(fig, [Patch(facecolor=SIDE_COLOURS.get(s, NEUTRAL["mid"]), label=labels.get(s, s)) for s in sides], title)


# ------------------------------------------------------------------------------------------------ saving

@dataclass(frozen=True)
class SavedChart:
    """Where a chart went; shows its PNG when it is the last value of a notebook cell."""

    png: Path
    svg: Path
    csv: Path

    def _repr_png_(self) -> bytes:
        return self.png.read_bytes()


def _freeze_layout(fig: Figure):
    """Run the layout once, then pin every axes to its position rounded to 1e-5 of the figure.

    The constrained-layout solver can land a few ulps apart from one run to the next, and the SVG writer
    names clip paths by hashing the exact axes box, so without this the same chart gives different bytes.
    """
    if fig.get_layout_engine() is None or isinstance(fig.get_layout_engine(), matplotlib.layout_engine.PlaceHolderLayoutEngine):
        return
    fig.set_dpi(PNG_DPI)  # text extents depend slightly on dpi: lay out at the resolution the PNG is written at
    fig.canvas.draw()
    positions = [(ax, ax.get_position(original=False).bounds) for ax in fig.axes]
    fig.set_layout_engine("none")
    for ax, bounds in positions:
        ax.set_position([round(float(v), 5) for v in bounds])


def tidy_for_csv(table: pd.DataFrame, *, decimals: int = 4) -> pd.DataFrame:
    """The table as it is written: floats rounded, rows sorted on every column, index dropped."""
    out = table.reset_index(drop=True).copy()
    for column in out.columns:
        if is_float_dtype(out[column]):
            out[column] = out[column].round(decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    if len(out.columns):
        out = out.sort_values(list(out.columns), kind="stable", na_position="last",
                              key=lambda s: s if is_numeric_dtype(s) or is_bool_dtype(s) else s.astype(str))
    return out.reset_index(drop=True)


def write_csv(table: pd.DataFrame, path: Path | str) -> Path:
    """Write a result table deterministically (sorted rows, rounded floats, ``\\n`` line ends)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tidy_for_csv(table).to_csv(path, index=False, lineterminator="\n")
    return path


def save_chart(fig: Figure, table: pd.DataFrame, name: str, *, figures_dir: Path | str,
               results_dir: Path | str) -> SavedChart:
    """Write ``figures_dir/name.png`` and ``.svg`` and the table behind the chart as ``results_dir/name.csv``.

    The files carry no date or software version, so two runs write the same bytes.
    """
    figures_dir, results_dir = Path(figures_dir), Path(results_dir)
    figures_dir.mkdir(parents=True, exist_ok=True)
    png, svg = figures_dir / f"{name}.png", figures_dir / f"{name}.svg"
    with matplotlib.rc_context(STYLE):
        _freeze_layout(fig)
        fig.savefig(png, dpi=PNG_DPI, metadata={"Software": None})
        fig.savefig(svg, metadata={"Date": None, "Creator": None})
    csv = write_csv(table, results_dir / f"{name}.csv")
    return SavedChart(png, svg, csv)


def source_note(statements: pd.DataFrame, *, corpus: str | Path | None = None) -> str:
    """A source line naming the corpus, its outlets and dates, and who coded the stances.

    >>> table = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["TASS", ""], "date": ["2019-02-24", ""],
    ...                       "tagger": ["codebook", "codebook"]})
    >>> source_note(table, corpus="data/articles")
    'Source: kuril-stance corpus "articles", 2 articles (1 TASS, 1 unknown outlet), 2019-02-24 (1 undated); stances by the codebook tagger'
    """
    articles = statements.drop_duplicates("article_id")
    outlets = articles["outlet"].fillna("").replace({"": "unknown outlet", "unknown": "unknown outlet"})
    counts = outlets.value_counts()
    outlet_text = ", ".join(f"{n} {name}" + ("s" if name == "unknown outlet" and n > 1 else "")
                            for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    dates = sorted(d for d in articles["date"].fillna("") if d)
    undated = len(articles) - len(dates)
    if dates:
        span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
        span += f" ({undated} undated)" if undated else ""
    else:
        span = "undated"
    name = f' "{Path(corpus).name}"' if corpus else ""
    n = len(articles)
    note = f"Source: kuril-stance corpus{name}, {n} article{'s' if n != 1 else ''} ({outlet_text}), {span}"
    if "tagger" in statements.columns and statements["tagger"].nunique() == 1:
        tagger = str(statements["tagger"].iloc[0])
        note += f"; stances by the {TAGGER_NAMES.get(tagger, tagger)}"
    return note


def apply_coding(statements: pd.DataFrame, coded: pd.DataFrame, *, name: str = "gold") -> pd.DataFrame:
    """The statement table with the coded columns (stances, holder_side, voice_side, speaker, mode, frames)
    of a hand-coded table laid over it, so every chart can be drawn from the gold as well as the tagger.

    Raises:
        ValueError: when the coded table does not cover exactly the statements of the table.
    """
    keys = ["article_id", "sent_idx"]
    fields = [c for c in ("stances", "holder_side", "voice_side", "speaker", "mode", "frames") if c in coded.columns]
    left = statements.assign(sent_idx=statements["sent_idx"].astype(int))
    right = coded[keys + fields].assign(sent_idx=coded["sent_idx"].astype(int))
    merged = left.drop(columns=fields).merge(right, on=keys, how="left", validate="1:1", indicator=True)
    missing = merged[merged["_merge"] != "both"]
    extra = len(right) - (len(merged) - len(missing))
    if len(missing) or extra:
        first = missing[keys].head(3).to_dict("records")
        raise ValueError(f"coded table does not match the statements: {len(missing)} statement(s) not coded "
                         f"(first: {first}), {extra} coded row(s) without a statement")
    out = merged.drop(columns=["_merge"])[list(statements.columns)]
    out["tagger"] = name
    return out


# ---------------------------------------------------------------------------------------------- corpus

CORPUS_COLUMNS = ["article_id", "outlet", "date", "headline", "paragraphs", "statements", "background",
                  "background_pct", "words", "stance_statements"]


def corpus_table(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per article: outlet, date ("undated" when unknown), headline, paragraphs, statements, how many
    of them are reused background (``is_boilerplate``) and their share, words, statements with a stance."""
    rows = []
    for article_id, article in statements.sort_values(["article_id", "sent_idx"]).groupby("article_id"):
        headline = article.loc[article["is_headline"].astype(bool), "text"]
        background = int(article["is_boilerplate"].astype(bool).sum())
        rows.append({"article_id": article_id,
                     "outlet": (str(article["outlet"].iloc[0] or "") or "unknown"),
                     "date": str(article["date"].iloc[0] or "") or "undated",
                     "headline": headline.iloc[0] if len(headline) else "",
                     "paragraphs": int(article["para_idx"].nunique()),
                     "statements": len(article), "background": background,
                     "background_pct": 100.0 * background / len(article),
                     "words": int(article["text"].str.split().str.len().sum()),
                     "stance_statements": int((article["stances"].fillna("") != "").sum())})
    return pd.DataFrame(rows, columns=CORPUS_COLUMNS)


def statements_per_article_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements per article in its own text and in reused background (columns article_id, article, part,
    statements)."""
    from .framing import background_table

    return background_table(statements).drop(columns=["share_pct"])


def background_group_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Each reused background paragraph group and the statements it fills in each article (columns
    boilerplate_group, opening (its first words), article_id, statements)."""
    background = statements[statements["boilerplate_group"].fillna("") != ""]
    if background.empty:
        return pd.DataFrame(columns=["boilerplate_group", "opening", "article_id", "statements"])
    first = background.sort_values(["article_id", "sent_idx"]).groupby("boilerplate_group")["text"].first()
    counts = background.groupby(["boilerplate_group", "article_id"]).size().rename("statements").reset_index()
    counts.insert(1, "opening", counts["boilerplate_group"].map(
        lambda g: textwrap.shorten(first[g], 48, placeholder=" …")))
    return counts


@_styled
def plot_statements_per_article(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Stacked bars: each article's statements in its own text and in reused background paragraphs."""
    wide = table.pivot_table(index=["article_id", "article"], columns="part", values="statements",
                             aggfunc="sum", fill_value=0).reset_index().sort_values("article_id", ascending=False)
    for part in ("own text", "background"):
        if part not in wide.columns:
            wide[part] = 0
    fig = _figure(9, 1.6 + 0.42 * len(wide))
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
    _int_axis(ax.xaxis)
    ax.grid(axis="x")
    ax.legend(loc="lower right")
    total, background = int(table["statements"].sum()), int(table.loc[table["part"] == "background", "statements"].sum())
    title = (f"{background} of {total} statements ({_pct(background, total)}) are reused background paragraphs"
             if background else f"None of the {total} statements is reused background")
    return _finish(fig, title, source)


@_styled
def plot_background_groups(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Heatmap: which reused background paragraph (row) fills how many statements of which article (column)."""
    if table.empty:
        fig = _figure(8, 2.2)
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, "no paragraph recurs across articles", ha="center", va="center")
        return _finish(fig, "No background paragraph recurs across articles", source)
    matrix = table.pivot_table(index=["boilerplate_group", "opening"], columns="article_id", values="statements",
                               aggfunc="sum", fill_value=0)
    fig = _figure(max(8, 4.8 + 0.7 * matrix.shape[1]), 1.9 + 0.45 * matrix.shape[0])
    ax = fig.add_subplot()
    _heatmap(ax, matrix)
    ax.set_yticklabels([f"{g}  {o}" for g, o in matrix.index])
    ax.set_xticklabels([f"article {a}" for a in matrix.columns])
    ax.set_xlabel("cells: statements of the paragraph in the article")
    ax.xaxis.tick_top()
    articles = table["article_id"].nunique()
    title = (f"{matrix.shape[0]} background paragraphs recur across {articles} articles, "
             f"filling {int(table['statements'].sum())} statements")
    return _finish(fig, title, source)


# ------------------------------------------------------------------------------------------- positions

STANCE_PROFILE_COLUMNS = ["holder_side", "stance", "voice_side", "carrier", "statements", "share_pct"]


def _carrier(holder: str, voice: str) -> str:
    if voice == "outlet":
        return "outlet narration"
    if voice == holder:
        return "own officials"
    if voice in ("russia", "japan", "us"):
        return "other side's officials"
    return "other voice"


def stance_profile_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Stance statements per holder side, stance and the voice that carried them.

    A statement with two stances counts once for each. ``carrier`` says whose voice carried the holder's
    position: ``own officials`` (voice_side == holder_side), ``other side's officials`` (a different side's
    official), ``outlet narration`` (voice_side == "outlet") or ``other voice``. ``share_pct`` is the share of
    the holder's stance statements in this row.
    """
    from .framing import explode_stances

    table = explode_stances(statements)
    counts = table.groupby(["holder_side", "stance", "voice_side"]).size().rename("statements").reset_index()
    counts["carrier"] = [_carrier(h, v) for h, v in zip(counts["holder_side"], counts["voice_side"])]
    counts["share_pct"] = (100 * counts["statements"]
                           / counts.groupby("holder_side")["statements"].transform("sum")).astype(float)
    return counts[STANCE_PROFILE_COLUMNS].sort_values(["holder_side", "stance", "voice_side"]).reset_index(drop=True)


def _voice_description(holder: str, voice: str) -> str:
    if voice == holder:
        return "its own officials"
    if voice == "outlet":
        return "the outlet's narration"
    return VOICE_LABELS.get(voice, voice)


@_styled
def plot_stance_profile(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """One panel per holder side: statements per stance, stacked by the voice that carried them."""
    holders = [h for h in _order(table["holder_side"], HOLDER_ORDER) if h != "none"]
    stances = _stance_order(table["stance"])
    voices = _order(table["voice_side"], VOICE_ORDER)
    fig = _figure(max(8.5, 3.6 * len(holders) + 1.5), 2.2 + 0.5 * len(stances))
    axes = fig.subplots(1, max(1, len(holders)), sharey=True, sharex=True, squeeze=False)[0]
    xmax = table.groupby(["holder_side", "stance"])["statements"].sum().max() if len(table) else 1
    for ax, holder in zip(axes, holders):
        part = table[table["holder_side"] == holder]
        left = np.zeros(len(stances))
        for voice in voices:
            values = np.array([part[(part["stance"] == s) & (part["voice_side"] == voice)]["statements"].sum()
                               for s in stances])
            ax.barh(range(len(stances)), values, left=left, color=SIDE_COLOURS.get(voice, NEUTRAL["mid"]),
                    edgecolor="white", linewidth=0.6, height=0.64)
            left += values
        for i, total in enumerate(left):
            if total:
                ax.text(total + 0.15, i, str(int(total)), va="center", fontsize=8.5, color="#333333")
        n = int(part["statements"].sum())
        ax.set_title(f"held by {SIDE_LABELS.get(holder, holder)} ({n} stance statements)",
                     color=SIDE_COLOURS.get(holder, "#333333"))
        ax.set_xlabel("statements")
        ax.grid(axis="x")
        _int_axis(ax.xaxis)
    axes[0].set_yticks(range(len(stances)), [label_of(s) for s in stances])
    axes[0].invert_yaxis()
    axes[0].set_xlim(0, xmax * 1.15 + 0.5)
    _side_legend(fig, voices, VOICE_LABELS, title="voice that carried the position")
    findings = []
    for holder in ("russia", "japan"):
        part = table[table["holder_side"] == holder]
        if part.empty:
            findings.append(f"no statement holds {_possessive(holder)} position")
            continue
        by_voice = part.groupby("voice_side")["statements"].sum()
        top = sorted(by_voice.index, key=lambda v: (-by_voice[v], VOICE_ORDER.index(v) if v in VOICE_ORDER else 9))[0]
        found = f"{_voice_description(holder, top)} ({_pct(by_voice[top], by_voice.sum())})"
        findings.append(f"{_possessive(holder)} positions come mostly from {found}" if not findings
                        else f"{_possessive(holder)} from {found}")
    return _finish(fig, _capital(", ".join(findings)), source)


SPEAKER_STANCE_COLUMNS = ["speaker", "voice_side", "stance", "statements"]


def speaker_stance_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Stance statements per speaker and stance; narration is the speaker "(outlet narration)", a quote
    without a known speaker "(unattributed)"."""
    from .framing import explode_stances

    table = explode_stances(statements)
    speaker = table["speaker"].fillna("").astype(str)
    speaker = speaker.where(speaker != "", np.where(table["voice_side"] == "outlet", "(outlet narration)",
                                                    "(unattributed)"))
    table = table.assign(speaker=speaker)
    counts = table.groupby(["speaker", "voice_side", "stance"]).size().rename("statements").reset_index()
    return counts[SPEAKER_STANCE_COLUMNS].sort_values(["speaker", "voice_side", "stance"]).reset_index(drop=True)


@_styled
def plot_speaker_stance(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Heatmap of stance statements: speakers (rows, names coloured by side) by stance (columns)."""
    stances = _stance_order(table["stance"])
    totals = table.groupby("speaker")["statements"].sum()
    speakers = sorted(totals.index, key=lambda s: (-totals[s], s))
    matrix = (table.pivot_table(index="speaker", columns="stance", values="statements", aggfunc="sum", fill_value=0)
              .reindex(index=speakers, columns=stances, fill_value=0))
    side_of = table.drop_duplicates("speaker").set_index("speaker")["voice_side"]
    fig = _figure(8.5, 2.0 + 0.36 * len(speakers))
    ax = fig.add_subplot()
    _heatmap(ax, matrix)
    ax.set_xticklabels([label_of(s) for s in stances])
    ax.set_yticklabels([f"{s} ({totals[s]})" for s in speakers])
    for tick, speaker in zip(ax.get_yticklabels(), speakers):
        tick.set_color(SIDE_COLOURS.get(side_of.get(speaker, ""), "#333333"))
    ax.xaxis.tick_top()
    ax.set_xlabel("stance (numbers: statements; speaker names coloured by side, total in brackets)")
    ax.xaxis.set_label_position("top")
    total = int(table["statements"].sum())
    if not speakers:
        return _finish(fig, "No statement carries a stance", source)
    top = speakers[0]
    who = "The outlet's own narration" if top == "(outlet narration)" else top
    title = f"{who} carries the most stance statements: {int(totals[top])} of {total}"
    return _finish(fig, title, source)


# Fewer dated articles than a year of monthly points is read as snapshots, not a trend.
TREND_MIN_DATED = 12
STANCE_TIMELINE_COLUMNS = ["article_id", "date", "holder_side", "stance", "statements"]


def stance_timeline_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Stance statements per article (with its date; "undated" when the article has none, never invented),
    holder side and stance."""
    from .framing import explode_stances

    table = explode_stances(statements)
    table = table.assign(date=table["date"].fillna("").astype(str).replace("", "undated"))
    counts = table.groupby(["article_id", "date", "holder_side", "stance"]).size().rename("statements").reset_index()
    return counts[STANCE_TIMELINE_COLUMNS].sort_values(["article_id", "holder_side", "stance"]).reset_index(drop=True)


def _date_order(table: pd.DataFrame) -> list[tuple[str, str]]:
    pairs = table[["article_id", "date"]].drop_duplicates().itertuples(index=False)
    return sorted(((a, d) for a, d in pairs), key=lambda p: (p[1] == "undated", p[1], p[0]))


@_styled
def plot_stance_timeline(table: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                         source: str | None = None) -> Figure:
    """One panel per stance: statements per article in date order (undated articles last, apart), stacked
    by holder side.

    Args:
        articles: optional (article_id, date) of every article, so articles without stances show as empty.
    """
    stances = _stance_order(table["stance"])
    order = _date_order(pd.concat([table[["article_id", "date"]], articles[["article_id", "date"]]])
                        if articles is not None else table)
    holders = _order(table["holder_side"], HOLDER_ORDER)
    ncols = 2 if len(stances) > 1 else 1
    nrows = max(1, math.ceil(len(stances) / ncols))
    fig = _figure(max(9, 1.1 * len(order) * ncols + 1.5), 1.4 + 2.3 * nrows)
    axes = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False).ravel()
    x = np.arange(len(order))
    for ax, stance in zip(axes, stances):
        part = table[table["stance"] == stance]
        bottom = np.zeros(len(order))
        for holder in holders:
            values = np.array([part[(part["article_id"] == a) & (part["holder_side"] == holder)]["statements"].sum()
                               for a, _ in order])
            ax.bar(x, values, bottom=bottom, color=SIDE_COLOURS.get(holder, NEUTRAL["mid"]), width=0.62,
                   edgecolor="white", linewidth=0.6)
            bottom += values
        ax.set_title(f"{label_of(stance)} ({int(part['statements'].sum())})")
        ax.grid(axis="y")
        _int_axis(ax.yaxis)
        undated = [i for i, (_, d) in enumerate(order) if d == "undated"]
        if undated and undated[0] > 0:
            ax.axvline(undated[0] - 0.5, color="#999999", linestyle="--", linewidth=0.9)
    for ax in axes[len(stances):]:
        ax.axis("off")
    for ax in axes:
        if ax.axison:
            ax.set_xticks(x, [f"{d}\n{a}" for a, d in order], fontsize=8)
    for i in range(nrows):
        axes[i * ncols].set_ylabel("statements")
    dated = sum(1 for _, d in order if d != "undated")
    _side_legend(fig, holders, title="whose position (holder side)"
                 + ("; dashed line: undated articles follow" if 0 < dated < len(order) else ""))
    spread = table.groupby("stance")["article_id"].nunique()
    if not len(spread):
        return _finish(fig, "No stance statement to place in time", source)
    top = sorted(spread.index, key=lambda s: (-spread[s], stances.index(s)))[0]
    if dated == 0:
        when = "none of them is dated, so nothing can be placed in time"
    elif dated < TREND_MIN_DATED:
        when = f"{dated} of them {'is' if dated == 1 else 'are'} dated, too few to show a trend"
    else:
        when = f"dated {order[0][1]} to {[d for _, d in order if d != 'undated'][-1]}"
    return _finish(fig, f"{label_of(top)} appears in {spread[top]} of {len(order)} articles; {when}", source)


VOICE_HOLDER_COLUMNS = ["voice_side", "holder_side", "statements", "share_pct"]


def voice_holder_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Who speaks for whom: every statement by voice_side (who speaks) and holder_side (whose position),
    with its share of all statements in percent."""
    counts = statements.groupby(["voice_side", "holder_side"]).size().rename("statements").reset_index()
    counts["share_pct"] = (100 * counts["statements"] / counts["statements"].sum()).astype(float)
    return counts[VOICE_HOLDER_COLUMNS].sort_values(["voice_side", "holder_side"]).reset_index(drop=True)


@_styled
def plot_voice_holder(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Heatmap: who speaks (rows, voice_side) for whose position (columns, holder_side)."""
    voices = _order(table["voice_side"], VOICE_ORDER)
    holders = _order(table["holder_side"], HOLDER_ORDER)
    matrix = (table.pivot_table(index="voice_side", columns="holder_side", values="statements", aggfunc="sum",
                                fill_value=0).reindex(index=voices, columns=holders, fill_value=0))
    fig = _figure(8, 1.9 + 0.5 * len(voices))
    ax = fig.add_subplot()
    _heatmap(ax, matrix)
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
        parts.append(f"{VOICE_LABELS[side]} voice {own} of the {held} statements holding {_possessive(side)} position")
    return _finish(fig, _capital("; ".join(parts)), source)


# --------------------------------------------------------------------------------------------- framing

def _article_axis_labels(table: pd.DataFrame) -> tuple[list, list]:
    ids = sorted(table["article_id"].unique())
    labels = dict(zip(table["article_id"], table["article"])) if "article" in table.columns else {}
    return ids, [labels.get(a, a) for a in ids]


@_styled
def plot_voice_share(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """100% stacked bars: each article's statements by voice (a side's officials, the outlet's narration)."""
    ids, labels = _article_axis_labels(table)
    voices = _order(table["voice_side"], VOICE_ORDER)
    fig = _figure(9, 1.9 + 0.45 * len(ids))
    ax = fig.add_subplot()
    left = np.zeros(len(ids))
    for voice in voices:
        values = np.array([table[(table["article_id"] == a) & (table["voice_side"] == voice)]["share_pct"].sum()
                           for a in ids])
        ax.barh(range(len(ids)), values, left=left, color=SIDE_COLOURS.get(voice, NEUTRAL["mid"]), height=0.62,
                edgecolor="white", linewidth=0.6)
        for i, (v, l) in enumerate(zip(values, left)):
            if v >= 9:
                ax.text(l + v / 2, i, f"{v:.0f}%", ha="center", va="center", fontsize=8.5,
                        color="white" if voice in ("russia", "japan", "us", "outlet") else "#222222")
        left += values
    ax.set_yticks(range(len(ids)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of the article's statements (%)")
    _side_legend(fig, voices, VOICE_LABELS, title="voice")
    totals = table.groupby("voice_side")["statements"].sum()
    whole = totals.sum()
    title = (f"Russia's voice carries {_pct(totals.get('russia', 0), whole)} of statements, "
             f"Japan's {_pct(totals.get('japan', 0), whole)}")
    return _finish(fig, title, source)


@_styled
def plot_quote_mode(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """One panel per speaking side: each article's statements quoted directly (solid) or paraphrased
    (light, hatched)."""
    ids, labels = _article_axis_labels(table)
    sides = [s for s in _order(table["voice_side"], VOICE_ORDER) if s != "outlet"] or ["russia"]
    fig = _figure(max(8.5, 3.3 * len(sides) + 2.5), 2.1 + 0.45 * len(ids))
    axes = fig.subplots(1, len(sides), sharey=True, sharex=True, squeeze=False)[0]
    for ax, side in zip(axes, sides):
        colour = SIDE_COLOURS.get(side, NEUTRAL["mid"])
        part = table[table["voice_side"] == side]
        direct = np.array([part[(part["article_id"] == a) & (part["mode"] == "direct_quote")]["statements"].sum()
                           for a in ids])
        reported = np.array([part[(part["article_id"] == a) & (part["mode"] == "reported")]["statements"].sum()
                             for a in ids])
        ax.barh(range(len(ids)), direct, color=colour, height=0.62, edgecolor="white")
        ax.barh(range(len(ids)), reported, left=direct, color=_tint(colour), hatch="///", edgecolor=colour,
                linewidth=0, height=0.62)
        ax.set_title(f"{VOICE_LABELS.get(side, side)}\n{int(direct.sum())} quoted, {int(reported.sum())} paraphrased",
                     color=colour)
        ax.set_xlabel("statements")
        ax.grid(axis="x")
        _int_axis(ax.xaxis)
    axes[0].set_yticks(range(len(ids)), labels)
    axes[0].invert_yaxis()
    handles = [Patch(facecolor=NEUTRAL["dark"], label="direct quote (the speaker's own words in quote marks)"),
               Patch(facecolor=_tint(NEUTRAL["dark"], 0.6), hatch="///", edgecolor=NEUTRAL["dark"],
                     label="paraphrase (reported speech: \"X said that ...\")")]
    _legend(fig, handles, "mode (bar colour: the speaker's side)")
    counts = table.groupby(["voice_side", "mode"])["statements"].sum()
    parts = []
    for side in ("russia", "japan"):
        d, r = int(counts.get((side, "direct_quote"), 0)), int(counts.get((side, "reported"), 0))
        parts.append(f"{VOICE_LABELS[side]}: {_n(d, 'statement')} quoted directly, {r} paraphrased")
    return _finish(fig, "; ".join(parts), source)


@_styled
def plot_background_stances(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Two panels, the articles' own text and reused background: stance statements per stance, stacked by
    holder side."""
    stances = _stance_order(table["stance"])
    holders = _order(table["holder_side"], HOLDER_ORDER)
    fig = _figure(9, 2.2 + 0.5 * max(1, len(stances)))
    axes = fig.subplots(1, 2, sharey=True, sharex=True)
    for ax, part_name in zip(axes, ("own text", "background")):
        part = table[table["part"] == part_name]
        left = np.zeros(len(stances))
        for holder in holders:
            values = np.array([part[(part["stance"] == s) & (part["holder_side"] == holder)]["statements"].sum()
                               for s in stances])
            ax.barh(range(len(stances)), values, left=left, color=SIDE_COLOURS.get(holder, NEUTRAL["mid"]),
                    height=0.62, edgecolor="white", linewidth=0.6)
            left += values
        title = "the articles' own text" if part_name == "own text" else "reused background paragraphs"
        ax.set_title(f"{title} ({int(part['statements'].sum())})")
        ax.set_xlabel("stance statements")
        ax.grid(axis="x")
        _int_axis(ax.xaxis)
    axes[0].set_yticks(range(len(stances)), [label_of(s) for s in stances])
    axes[0].invert_yaxis()
    _side_legend(fig, holders, title="whose position (holder side)")
    background = table[table["part"] == "background"]
    total, in_bg = int(table["statements"].sum()), int(background["statements"].sum())
    japan = table[table["holder_side"] == "japan"]
    japan_bg = int(japan[japan["part"] == "background"]["statements"].sum())
    title = (f"Reused background carries {in_bg} of {total} stance statements, "
             f"{japan_bg} of the {int(japan['statements'].sum())} that hold Japan's position")
    return _finish(fig, title, source)


@_styled
def plot_frames(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Heatmap: share of each article's statements (rows) that carry each frame (columns), counts in the cells."""
    ids, labels = _article_axis_labels(table)
    frames = _frame_order(table["frame"])
    shares = (table.pivot_table(index="article_id", columns="frame", values="share_pct", aggfunc="sum", fill_value=0)
              .reindex(index=ids, columns=frames, fill_value=0))
    counts = (table.pivot_table(index="article_id", columns="frame", values="statements", aggfunc="sum", fill_value=0)
              .reindex(index=ids, columns=frames, fill_value=0))
    fig = _figure(9, 2.2 + 0.45 * len(ids))
    ax = fig.add_subplot()
    text = pd.DataFrame([[f"{c} ({s:.0f}%)" for c, s in zip(cr, sr)] for cr, sr in
                         zip(counts.to_numpy(), shares.to_numpy())], index=ids, columns=frames)
    _heatmap(ax, shares, values=text, vmax=100)
    ax.set_yticklabels(labels)
    ax.set_xticklabels([textwrap.fill(label_of(f), 14) for f in frames])
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xlabel("frame (cells: statements, and share of the article's statements; shade: share)")
    if shares.empty:
        return _finish(fig, "No statement carries a frame", source)
    top = shares.idxmax(axis=1)
    most = top.value_counts()
    best = sorted(most.index, key=lambda f: (-most[f], frames.index(f)))[0]
    title = f"{label_of(best)} is the most frequent frame in {most[best]} of {len(ids)} articles"
    return _finish(fig, title, source)


@_styled
def plot_blame(table: pd.DataFrame, *, articles: list | None = None, labels: dict | None = None,
               source: str | None = None) -> Figure:
    """Stacked bars: statements per article that cast a side as the obstacle, by the side blamed.

    Args:
        table: ``analysis.framing.blamed_statements`` (article_id, blamed_side, statements).
        articles: every article id, so articles without blame show as empty rows.
        labels: {article_id: label} for the axis.
    """
    ids = sorted(set(articles or []) | set(table["article_id"]))
    labels = labels or {}
    sides = _order(table["blamed_side"], SIDE_ORDER)
    fig = _figure(9, 1.9 + 0.45 * max(1, len(ids)))
    ax = fig.add_subplot()
    left = np.zeros(len(ids))
    for side in sides:
        values = np.array([table[(table["article_id"] == a) & (table["blamed_side"] == side)]["statements"].sum()
                           for a in ids])
        ax.barh(range(len(ids)), values, left=left, color=SIDE_COLOURS.get(side, NEUTRAL["mid"]), height=0.62,
                edgecolor="white", linewidth=0.6)
        left += values
    for i, total in enumerate(left):
        ax.text(total + 0.1, i, str(int(total)) if total else "none", va="center", fontsize=8.5, color="#444444")
    ax.set_yticks(range(len(ids)), [labels.get(a, a) for a in ids])
    ax.invert_yaxis()
    ax.set_xlabel("statements casting a side as the obstacle to the treaty")
    ax.set_xlim(0, max(1, left.max()) * 1.2 + 0.5)
    ax.grid(axis="x")
    _int_axis(ax.xaxis)
    if sides:
        _side_legend(fig, sides, {**SIDE_LABELS, "unclear": "cue without a side"}, title="side cast as the obstacle")
    totals = table.groupby("blamed_side")["statements"].sum()
    named = totals.drop("unclear", errors="ignore")
    if named.empty:
        title = "No statement casts a named side as the obstacle"
    else:
        top = sorted(named.index, key=lambda s: (-named[s], SIDE_ORDER.index(s) if s in SIDE_ORDER else 9))[0]
        title = (f"{SIDE_NAMES.get(top, top).capitalize() if top != 'us' else 'The US'} is cast as the obstacle "
                 f"in {int(named[top])} of {int(totals.sum())} blaming statements")
    return _finish(fig, title, source)


def _card_count_axes(ax, sides: list[str], xmax: float, title: str, empty: str) -> None:
    """Axes of a framing-card panel that counts statements per side (the same scale on every card)."""
    ax.set_yticks(range(len(sides)), [SIDE_LABELS.get(s, s) for s in sides], fontsize=8)
    ax.set_ylim(-0.6, max(1, len(sides)) - 0.4)
    ax.invert_yaxis()
    ax.set_xlim(0, xmax * 1.1 + 0.5)
    _int_axis(ax.xaxis)
    ax.set_title(title, fontsize=9)
    ax.set_xlabel("statements", fontsize=8)
    if not sides:
        ax.text(0.5, 0.5, empty, transform=ax.transAxes, ha="center", va="center", fontsize=8)


@_styled
def plot_framing_cards(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """One card per article (small multiples on one figure): voices, quotes against paraphrase, frames and
    the side cast as the obstacle, with outlet, date, background share and headline subject in the card's
    heading. ``table`` is ``analysis.framing.framing_card_table``."""
    ids = sorted(table["article_id"].unique())
    fig = _figure(13, 0.9 + 2.25 * max(1, len(ids)))
    # One grid, a thin heading row above each card's four panels (subfigures would be tidier, but their
    # layout jitters in the last float digits from run to run, and the SVG ids hash those digits).
    grid = fig.add_gridspec(2 * max(1, len(ids)), 4, height_ratios=[0.22, 1] * max(1, len(ids)),
                            width_ratios=[1.3, 1, 1.3, 1])
    frames = _frame_order(table.loc[table["panel"] == "frame", "category"])
    voices = _order(table.loc[table["panel"] == "voice", "category"], VOICE_ORDER)
    blame_max = max(1, table.loc[table["panel"] == "blame", "statements"].max() if (table["panel"] == "blame").any() else 1)
    modes = table[table["panel"] == "mode"]
    mode_max = max([1] + list(modes.groupby([modes["article_id"], modes["category"].str.split(" ").str[0]])
                              ["statements"].sum()))
    for row, article_id in enumerate(ids):
        part = table[table["article_id"] == article_id]
        get = lambda panel: part[part["panel"] == panel]  # noqa: E731 - a local shorthand, not a reusable function
        meta = get("meta").set_index("category")["label"]
        background = get("background").set_index("category")
        bg_pct = float(background["share_pct"].get("background", 0.0))
        headline = get("headline")
        subject = (f"headline subject: {headline['label'].iloc[0]} ({SIDE_LABELS.get(headline['category'].iloc[0], '')})"
                   if len(headline) and headline["label"].iloc[0] else "headline names no side")
        n = int(get("voice")["statements"].sum())
        outlet = meta.get("outlet", "unknown")
        heading = fig.add_subplot(grid[2 * row, :])
        heading.axis("off")
        heading.axhline(0.98, color="#BBBBBB", linewidth=1)
        heading.set_ylim(0, 1)
        heading.text(0, 0.05, f"{article_id} · {'unknown outlet' if outlet == 'unknown' else outlet} · "
                              f"{meta.get('date', 'undated')}  —  {n} statements, {bg_pct:.0f}% reused background; "
                              f"{subject}", transform=heading.transAxes, ha="left", va="bottom", fontsize=10.5,
                     fontweight="bold")
        axes = [fig.add_subplot(grid[2 * row + 1, j]) for j in range(4)]
        # voice share: one 100% bar
        ax = axes[0]
        left = 0.0
        voice = get("voice").set_index("category")
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
        # quotes against paraphrase per speaking side
        ax = axes[1]
        mode = get("mode").set_index("category")["statements"]
        sides = [s for s in ("russia", "japan", "us", "other")
                 if any(f"{s} {m}" in mode.index for m in ("direct_quote", "reported"))]
        for i, side in enumerate(sides):
            colour = SIDE_COLOURS.get(side, NEUTRAL["mid"])
            d, r = int(mode.get(f"{side} direct_quote", 0)), int(mode.get(f"{side} reported", 0))
            ax.barh(i, d, color=colour, height=0.6)
            ax.barh(i, r, left=d, color=_tint(colour), hatch="///", edgecolor=colour, linewidth=0, height=0.6)
        _card_count_axes(ax, sides, mode_max, "quoted (solid) | paraphrased (hatched)", "no attributed speech")
        # frames
        ax = axes[2]
        frame = get("frame").set_index("category")["share_pct"]
        ax.barh(range(len(frames)), [float(frame.get(f, 0.0)) for f in frames], color=NEUTRAL["dark"], height=0.6)
        ax.set_yticks(range(len(frames)), [label_of(f) for f in frames], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_title("frames (% of statements)", fontsize=9)
        ax.set_xlabel("%", fontsize=8)
        # blame
        ax = axes[3]
        blame = get("blame").set_index("category")["statements"]
        blamed = _order(blame.index, SIDE_ORDER)
        for i, side in enumerate(blamed):
            ax.barh(i, int(blame[side]), color=SIDE_COLOURS.get(side, NEUTRAL["mid"]), height=0.6)
        _card_count_axes(ax, blamed, blame_max, "cast as the obstacle", "no blame cue")
        for ax in axes:
            ax.tick_params(labelsize=8)
    _side_legend(fig, voices, {**SIDE_LABELS, "outlet": "outlet narration"},
                 title="colour = side (hatched: paraphrase)")
    blame = table[table["panel"] == "blame"]
    voice = table[table["panel"] == "voice"]
    top_voice = voice.sort_values(["article_id", "statements"], ascending=[True, False]).drop_duplicates("article_id")
    led = int((top_voice["category"] == "russia").sum())
    japan_blamed = blame.loc[blame["category"] == "japan", "article_id"].nunique()
    russia_blamed = blame.loc[blame["category"] == "russia", "article_id"].nunique()
    title = (f"Russian officials are the largest voice in {led} of {len(ids)} articles; {japan_blamed or 'none'} "
             f"cast Japan as the obstacle, {russia_blamed or 'none'} Russia")
    return _finish(fig, title, source)


# ------------------------------------------------------------------------------------------ evaluation

def codebook_table(codebook=None, statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """The codebook's stances and frames: id, label, definition, number of cues, default holder, and (with a
    statement table) how many statements their cues tag."""
    from .codebook import load_codebook

    codebook = codebook or load_codebook()
    rows = []
    for kind, labels in (("stance", codebook.stances), ("frame", codebook.frames)):
        for label in labels:
            row = {"kind": kind, "id": label.id, "label": label.label, "definition": label.definition,
                   "cues": len(label.cues), "default_holder": label.default_holder}
            if statements is not None:
                column = "stances" if kind == "stance" else "frames"
                row["statements"] = int(statements[column].fillna("").str.split(";").apply(
                    lambda ids, i=label.id: i in ids).sum())
            rows.append(row)
    return pd.DataFrame(rows)


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
    label column side by side (cells that differ from the first label column in bold)."""
    from .stance import CodebookTagger

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
            shown = html.escape(value.replace(";", "; ")) or "<i>none</i>"
            cells.append(f"<td><b>{shown}</b></td>" if value != first else f"<td>{shown}</td>")
        rows.append(f"<tr><td>{html.escape(str(row.article_id))}/{int(row.sent_idx)}</td>"
                    f"<td style='text-align:left'>{marked}</td>{''.join(cells)}</tr>")
    style = ("<style>.ks-evidence td,.ks-evidence th{vertical-align:top;padding:4px 8px;font-size:13px}"
             ".ks-evidence mark{background:#FFE08A;padding:0 1px}</style>")
    return f"{style}<table class='ks-evidence'><tr>{head}</tr>{''.join(rows)}</table>"


def tagger_comparison_table(gold: pd.DataFrame, **predicted: pd.DataFrame) -> pd.DataFrame:
    """Gold stances next to each tagger's, matched on article and sentence.

    Args:
        gold: coded table with article_id, sent_idx, text, stances.
        predicted: name -> table with article_id, sent_idx and ``stances`` (or ``predicted``).
    Returns:
        article_id, sent_idx, text, gold, one column per tagger, and ``all_agree``.
    """
    keys = ["article_id", "sent_idx"]
    out = gold[keys + ["text", "stances"]].rename(columns={"stances": "gold"})
    out = out.assign(sent_idx=out["sent_idx"].astype(int))
    for name, table in predicted.items():
        column = "stances" if "stances" in table.columns else "predicted"
        right = table[keys + [column]].rename(columns={column: name})
        out = out.merge(right.assign(sent_idx=right["sent_idx"].astype(int)), on=keys, how="left", validate="1:1")
    label_cols = ["gold"] + list(predicted)
    for column in label_cols:
        out[column] = out[column].fillna("").map(lambda v: ";".join(sorted(x for x in str(v).split(";") if x)))
    out["all_agree"] = out[label_cols].nunique(axis=1) == 1
    return out.sort_values(keys).reset_index(drop=True)


def tagger_scores_table(comparisons: dict, labels: list[str], *, taggers=("codebook", "classifier"),
                        adjusted: dict | None = None) -> pd.DataFrame:
    """Precision, recall and F1 per stance of each tagger on each evaluation set, stacked for
    ``plot_tagger_scores``.

    Args:
        comparisons: dataset name -> ``tagger_comparison_table`` (a gold column and one column per tagger).
        labels: the stance ids.
        adjusted: dataset name -> (comparison table, {stance: prevalence}): F1 recomputed at that share of
            stance statements with ``evaluation.prevalence_adjusted_scores`` (precision and recall are left
            empty there; tpr and fpr are filled instead).
    """
    from .evaluation import prevalence_adjusted_scores, stance_scores

    parts = []
    for dataset, table in comparisons.items():
        for tagger in taggers:
            scores = stance_scores(table["gold"], table[tagger], labels)
            parts.append(scores.assign(dataset=dataset, tagger=tagger))
    for dataset, (table, shares) in (adjusted or {}).items():
        for tagger in taggers:
            raw = stance_scores(table["gold"], table[tagger], labels).set_index("stance")
            scores = prevalence_adjusted_scores(table["gold"], table[tagger], labels, shares)
            scores["support"] = scores["stance"].map(raw["support"])
            parts.append(scores.assign(dataset=dataset, tagger=tagger))
    columns = ["dataset", "tagger", "stance", "precision", "recall", "f1", "support", "predicted", "tpr", "fpr"]
    return pd.concat(parts, ignore_index=True).reindex(columns=columns)


def kappa_table(comparisons: dict, labels: list[str]) -> pd.DataFrame:
    """Agreement per stance between pairs of codings.

    Args:
        comparisons: name -> (stances_a, stances_b), two equally long columns of ';'-joined stance ids.
        labels: the stance ids.
    Returns:
        comparison, stance, n, agreement_pct (observed), cohen_kappa (NaN when a stance is absent from both).
    """
    from .evaluation import cohen_kappa
    from .stance import split_labels

    rows = []
    for name, (a, b) in comparisons.items():
        sets_a = [set(x) for x in split_labels(a)]
        sets_b = [set(x) for x in split_labels(b)]
        if len(sets_a) != len(sets_b):
            raise ValueError(f"{name}: the two codings have {len(sets_a)} and {len(sets_b)} statements")
        for label in labels:
            x = [label in s for s in sets_a]
            y = [label in s for s in sets_b]
            rows.append({"comparison": name, "stance": label, "n": len(x),
                         "agreement_pct": 100.0 * float(np.mean([p == q for p, q in zip(x, y)])) if x else float("nan"),
                         "cohen_kappa": cohen_kappa(x, y)})
    return pd.DataFrame(rows, columns=["comparison", "stance", "n", "agreement_pct", "cohen_kappa"])


def _grouped_barh(ax, table, *, row_col, group_col, value_col, rows, groups, fmt="{:.2f}", colours=None,
                  hatches=None):
    height = 0.8 / max(1, len(groups))
    colours = colours or [NEUTRAL["dark"], NEUTRAL["mid"], NEUTRAL["light"], "#5A5A5A"]
    hatches = hatches or ["", "///", "", "..."]
    for k, group in enumerate(groups):
        part = table[table[group_col] == group].set_index(row_col)[value_col]
        values = np.array([float(part.get(r, np.nan)) for r in rows])
        positions = np.arange(len(rows)) - 0.4 + height * (k + 0.5)
        ax.barh(positions, np.nan_to_num(values), height=height * 0.92, color=colours[k % len(colours)],
                hatch=hatches[k % len(hatches)], edgecolor="white", linewidth=0, label=group)
        for p, v in zip(positions, values):
            ax.text((0 if np.isnan(v) else max(v, 0)) + 0.01 * ax.get_xlim()[1], p,
                    "n/a" if np.isnan(v) else fmt.format(v), va="center", fontsize=7.5, color="#333333")
    ax.set_yticks(range(len(rows)), [label_of(r) if r in _codebook_labels()[0] or r == "macro" else r for r in rows])
    if not ax.yaxis_inverted():  # shared y axes invert together: invert once
        ax.invert_yaxis()
    ax.grid(axis="x")


@_styled
def plot_tagger_scores(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """F1 per stance (and the macro average), one panel per evaluation set, one bar per tagger.

    ``table``: dataset, tagger, stance, precision, recall, f1, support (``stance_scores`` rows stacked).
    """
    datasets = list(dict.fromkeys(table["dataset"]))
    taggers = list(dict.fromkeys(table["tagger"]))
    stances = _stance_order([s for s in table["stance"] if s != "macro"]) + ["macro"]
    fig = _figure(max(9, 4.4 * len(datasets) + 1.5), 2.4 + 0.55 * len(stances))
    axes = fig.subplots(1, len(datasets), sharey=True, squeeze=False)[0]
    for ax, dataset in zip(axes, datasets):
        part = table[table["dataset"] == dataset]
        ax.set_xlim(0, 1.12)
        _grouped_barh(ax, part, row_col="stance", group_col="tagger", value_col="f1", rows=stances, groups=taggers)
        support = int(part.loc[part["stance"] == "macro", "support"].max()) if (part["stance"] == "macro").any() else 0
        ax.set_title(f"{dataset}\n({support} stance labels in the gold)")
        ax.set_xlabel("F1 (0 to 1; 1 = every label found, none invented)")
    handles = [Patch(facecolor=[NEUTRAL["dark"], NEUTRAL["mid"], NEUTRAL["light"]][k % 3],
                     hatch=["", "///", ""][k % 3], edgecolor="white", label=TAGGER_NAMES.get(t, t))
               for k, t in enumerate(taggers)]
    _legend(fig, handles, "tagger")
    last = table[(table["dataset"] == datasets[-1]) & (table["stance"] == "macro")]
    scores = ", ".join(f"{TAGGER_NAMES.get(t, t)} {f:.2f}" for t, f in zip(last["tagger"], last["f1"]))
    return _finish(fig, f"Macro F1 on {datasets[-1]}: {scores}", source)


@_styled
def plot_agreement(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Cohen's kappa per stance for each pair of codings (coders, taggers), one bar per comparison."""
    comparisons = list(dict.fromkeys(table["comparison"]))
    stances = _stance_order(table["stance"])
    fig = _figure(9.5, 2.6 + 0.28 * len(stances) * max(1, len(comparisons)))
    ax = fig.add_subplot()
    ax.set_xlim(min(0, float(np.nanmin(table["cohen_kappa"])) if table["cohen_kappa"].notna().any() else 0) - 0.05, 1.15)
    _grouped_barh(ax, table, row_col="stance", group_col="comparison", value_col="cohen_kappa", rows=stances,
                  groups=comparisons)
    ax.axvline(0, color="#777777", linewidth=0.8)
    ax.axvline(0.8, color="#777777", linewidth=0.8, linestyle="--")
    ax.set_xlabel("Cohen's kappa (1 = perfect agreement, 0 = chance; dashed line: 0.8)")
    _legend(fig, ax.get_legend_handles_labels()[0], "comparison")
    means = table.groupby("comparison", sort=False)["cohen_kappa"].mean()
    title = "Mean kappa over stances: " + "; ".join(f"{c} {means[c]:.2f}" for c in comparisons)
    return _finish(fig, title, source)


@_styled
def plot_attribution_accuracy(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Accuracy of mode, speaker, voice_side and holder_side, one bar per evaluation set."""
    datasets = list(dict.fromkeys(table["dataset"]))
    fields = list(dict.fromkeys(table["field"]))
    shown = table.assign(accuracy_pct=100 * table["accuracy"])
    fig = _figure(9, 2.2 + 0.42 * len(fields) * max(1, len(datasets)))
    ax = fig.add_subplot()
    ax.set_xlim(0, 112)
    _grouped_barh(ax, shown, row_col="field", group_col="dataset", value_col="accuracy_pct", rows=fields,
                  groups=datasets, fmt="{:.0f}%")
    ax.set_xlabel("accuracy (% of statements where the rule agrees with the hand coding)")
    _legend(fig, ax.get_legend_handles_labels()[0], "evaluation set")
    last = shown[shown["dataset"] == datasets[-1]].sort_values("accuracy_pct", kind="stable")
    title = (f"Hardest to attribute on {datasets[-1]}: {last['field'].iloc[0]} "
             f"({last['accuracy_pct'].iloc[0]:.0f}% right)")
    return _finish(fig, title, source)


# ------------------------------------------------------------------------------------------- classroom

CLASSROOM_COLUMNS = ["article_id", "sent_idx", "text", "stances", "holder_side"]


def read_classroom(path: Path | str, *, codebook=None) -> pd.DataFrame:
    """Read a student coding table (``CLASSROOM_COLUMNS``) and check its labels.

    A row whose holder_side is empty is not coded yet and is dropped; stance ids must be the codebook's and
    holder_side one of russia, japan, us, both, none.

    Raises:
        AnnotationError: naming the file, row and column of the first problem.
    """
    from .codebook import load_codebook
    from .evaluation import AnnotationError

    path = Path(path)
    codebook = codebook or load_codebook()
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as err:
        raise AnnotationError(f"{path}: cannot read: {err}") from None
    missing = [c for c in CLASSROOM_COLUMNS if c not in table.columns]
    if missing:
        raise AnnotationError(f"{path}: missing column(s) {', '.join(missing)}")
    for number, row in enumerate(table.itertuples(index=False), start=2):
        for stance in (s.strip() for s in row.stances.split(";")):
            if stance and stance not in codebook.stance_ids:
                raise AnnotationError(f"{path}: row {number}, column stances: unknown stance id {stance!r} "
                                      f"(allowed: {', '.join(codebook.stance_ids)})")
        if row.holder_side.strip() and row.holder_side.strip() not in HOLDER_ORDER:
            raise AnnotationError(f"{path}: row {number}, column holder_side: {row.holder_side!r} not in "
                                  f"{', '.join(HOLDER_ORDER)}")
        if not row.sent_idx.strip().isdigit():
            raise AnnotationError(f"{path}: row {number}, column sent_idx: {row.sent_idx!r} is not a number")
    table["stances"] = table["stances"].map(lambda v: ";".join(sorted(s.strip() for s in v.split(";") if s.strip())))
    table["holder_side"] = table["holder_side"].str.strip()
    table["sent_idx"] = table["sent_idx"].astype(int)
    return table[table["holder_side"] != ""].reset_index(drop=True)


def classroom_comparison(student: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Each coded statement with the student's and the gold's stances and holder, what the student missed or
    added, and whether stances and holder match."""
    keys = ["article_id", "sent_idx"]
    right = gold[keys + ["stances", "holder_side"]].assign(sent_idx=gold["sent_idx"].astype(int))
    both = student[keys + ["text", "stances", "holder_side"]].merge(right, on=keys, how="left",
                                                                   suffixes=("_student", "_gold"), validate="1:1")
    unknown = both[both["holder_side_gold"].isna()]
    if len(unknown):
        raise ValueError(f"statements not in the gold: {unknown[keys].to_dict('records')}")
    student_sets = [set(x for x in str(v).split(";") if x) for v in both["stances_student"]]
    gold_sets = [set(x for x in str(v).split(";") if x) for v in both["stances_gold"]]
    both["stances_gold"] = [";".join(sorted(s)) for s in gold_sets]
    both["missed"] = [";".join(sorted(g - s)) for s, g in zip(student_sets, gold_sets)]
    both["added"] = [";".join(sorted(s - g)) for s, g in zip(student_sets, gold_sets)]
    both["stances_match"] = [s == g for s, g in zip(student_sets, gold_sets)]
    both["holder_match"] = both["holder_side_student"] == both["holder_side_gold"]
    return both


def classroom_agreement(comparison: pd.DataFrame, stance_ids: list[str]) -> pd.DataFrame:
    """Agreement of the student's coding with the gold: per stance (present/absent), for the whole set of
    stances, and for holder_side: n, observed agreement (%) and Cohen's kappa (NaN when undefined, e.g. when
    neither coding uses a stance)."""
    from .evaluation import cohen_kappa

    kappas = kappa_table({"student vs gold": (comparison["stances_student"], comparison["stances_gold"])},
                         stance_ids)
    rows = [{"label": r.stance, "n": r.n, "agreement_pct": r.agreement_pct, "cohen_kappa": r.cohen_kappa}
            for r in kappas.itertuples()]
    n = len(comparison)
    rows.append({"label": "all stances (exact set)", "n": n,
                 "agreement_pct": 100.0 * comparison["stances_match"].mean() if n else float("nan"),
                 "cohen_kappa": cohen_kappa(comparison["stances_student"], comparison["stances_gold"]) if n else float("nan")})
    rows.append({"label": "holder_side", "n": n,
                 "agreement_pct": 100.0 * comparison["holder_match"].mean() if n else float("nan"),
                 "cohen_kappa": cohen_kappa(comparison["holder_side_student"], comparison["holder_side_gold"]) if n else float("nan")})
    return pd.DataFrame(rows, columns=["label", "n", "agreement_pct", "cohen_kappa"])


@_styled
def plot_classroom_agreement(table: pd.DataFrame, *, source: str | None = None) -> Figure:
    """Observed agreement (%) of a student's coding with the gold per stance, for the exact stance set and
    for holder_side, with Cohen's kappa written beside each bar."""
    labels = list(table["label"])
    fig = _figure(9, 2.0 + 0.42 * len(labels))
    ax = fig.add_subplot()
    values = table["agreement_pct"].fillna(0).to_numpy()
    colours = [NEUTRAL["dark"] if l in ("all stances (exact set)", "holder_side") else NEUTRAL["mid"] for l in labels]
    ax.barh(range(len(labels)), values, color=colours, height=0.62)
    for i, (v, k) in enumerate(zip(values, table["cohen_kappa"])):
        kappa = "kappa n/a" if pd.isna(k) else f"kappa {k:.2f}"
        ax.text(v + 1, i, f"{v:.0f}%  ({kappa})", va="center", fontsize=8.5, color="#333333")
    ax.set_yticks(range(len(labels)), [label_of(l) if l in _codebook_labels()[0]
                                       else "whose position (holder_side)" if l == "holder_side" else l for l in labels])
    ax.invert_yaxis()
    ax.set_xlim(0, 125)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("observed agreement with the gold (% of the coded statements)")
    ax.grid(axis="x")
    n = int(table["n"].max()) if len(table) else 0
    exact = table[table["label"] == "all stances (exact set)"]["agreement_pct"]
    matched = round(float(exact.iloc[0]) * n / 100) if len(exact) and n else 0
    title = f"The coding matches the gold's stances exactly in {matched} of {n} statements"
    return _finish(fig, title, source)
