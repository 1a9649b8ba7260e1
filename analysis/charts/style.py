"""The one look of every chart, the drawing helpers the charts share, and how a chart is written to disk.

- Colour means side, everywhere: Russia vermillion, Japan blue, US green, both sides reddish purple, the
  outlet and "other"/"none" greys (the Okabe-Ito palette, safe for the common colour-vision deficiencies);
  stances and frames are never coloured, they are rows, columns or panels.
- ``STYLE`` holds the matplotlib settings; ``styled`` draws a chart inside them, ``new_figure`` gives it an
  Agg canvas without pyplot (nothing depends on the notebook's backend, no figure stays open), ``finish``
  adds the title, the legend and the source note under every chart.
- ``CodebookNames``: the readable labels and the reading order of the codebook's stances and frames.
- ``save_chart`` / ``write_csv``: PNG, SVG and CSV that repeat byte for byte from run to run.

Example:
    >>> pct(1, 3), plural(1, "statement"), possessive("us")
    ('33%', '1 statement', "the US's")
"""
from __future__ import annotations

import functools
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

from ..codebook import Codebook, load_codebook

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
SIDE_COLOURS = {"russia": "#D55E00", "japan": "#0072B2", "us": "#009E73", "both": "#CC79A7",
                "outlet": "#595959", "other": "#A6A6A6", "none": "#D9D9D9", "unclear": "#A6A6A6"}
# A side's media (a newspaper quoted as a source) in a light tint of the side's colour: still the side, not its
# officials (analysis.vocab.voice_of).
SIDE_COLOURS.update({"russia_media": "#EFA97A", "japan_media": "#7DB4DA", "us_media": "#7FCDB8"})
NEUTRAL = {"dark": "#333333", "mid": "#8C8C8C", "light": "#CFCFCF"}
SIDE_NAMES = {"russia": "Russia", "japan": "Japan", "us": "the US", "both": "both sides", "other": "other",
              "none": "no side", "outlet": "the outlet", "unclear": "unclear"}
SIDE_LABELS = {"russia": "Russia", "japan": "Japan", "us": "US", "both": "both sides", "other": "other",
               "none": "no side's position", "outlet": "outlet", "unclear": "side unclear"}
VOICE_LABELS = {"russia": "Russian officials", "russia_media": "Russian media", "japan": "Japanese officials",
                "japan_media": "Japanese media", "us": "US officials", "us_media": "US media",
                "other": "other voices", "outlet": "the outlet's narration"}
# The order sides are drawn and listed in (bars, panels, legends).
SIDE_ORDER = ("russia", "japan", "us", "both", "other", "outlet", "none", "unclear")
VOICE_ORDER = ("russia", "russia_media", "japan", "japan_media", "us", "us_media", "other", "outlet")
HOLDER_ORDER = ("russia", "japan", "us", "both", "none")
DEFAULT_SOURCE = "Source: kuril-stance seed corpus, 5 articles (TASS and one other outlet), 2019"
TAGGER_NAMES = {"codebook": "codebook tagger", "model": "classifier", "classifier": "classifier",
                "gold": "gold (coded by a language model)"}

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
# 19.5 in at 150 dpi is 2,925 px: every saved chart stays within 3,000 x 3,000 px, whatever the corpus.
MAX_INCHES = 19.5


# ----------------------------------------------------------------------------------------- the figure

def styled(function):
    """Draw the chart inside ``STYLE`` (the settings apply while the figure is built, not after)."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(STYLE):
            return function(*args, **kwargs)
    return wrapper


def new_figure(width: float, height: float) -> Figure:
    """A constrained-layout figure on an Agg canvas, with room kept at the bottom for the source note; never
    larger than ``MAX_INCHES`` a side (the charts bound their rows so that they fit well within it)."""
    width, height = min(width, MAX_INCHES), min(height, MAX_INCHES)
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    bottom = SOURCE_INCHES / height
    fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom), h_pad=0.06, w_pad=0.06)
    return fig


def wrap(text: str, width_inches: float, fontsize: float) -> str:
    chars = max(30, int(width_inches * 72 / (fontsize * 0.56)))
    return "\n".join(textwrap.wrap(text, chars))


@dataclass(frozen=True)
class LegendSpec:
    """A legend for ``finish`` to draw under the plots, above the source note (its place depends on the
    note's height, known only once the note is drawn)."""

    handles: list
    title: str | None = None


def side_legend(sides, labels: dict | None = None, *, title: str | None = None) -> LegendSpec:
    """One coloured patch per side, named by ``labels`` (``SIDE_LABELS`` by default)."""
    labels = labels or SIDE_LABELS
    return LegendSpec([Patch(facecolor=SIDE_COLOURS.get(s, NEUTRAL["mid"]), label=labels.get(s, s)) for s in sides],
                      title)


def _place_legend(fig: Figure, legend: LegendSpec | None, bottom_inches: float) -> float:
    """Draw the legend at ``bottom_inches`` from the bottom in as many columns as fit; returns its height in
    inches."""
    if legend is None or not legend.handles:
        return 0.0
    width, height = fig.get_size_inches()
    renderer = fig.canvas.get_renderer()
    for ncols in range(len(legend.handles), 0, -1):
        drawn = fig.legend(handles=legend.handles, loc="lower left", bbox_to_anchor=(0.005, bottom_inches / height),
                           bbox_transform=fig.transFigure, ncols=ncols, title=legend.title, alignment="left",
                           title_fontsize=9, borderaxespad=0.2)
        extent = drawn.get_window_extent(renderer)
        if extent.width / fig.dpi <= width - 0.2 or ncols == 1:
            return extent.height / fig.dpi
        drawn.remove()
    return 0.0


def finish(fig: Figure, title: str, source: str | None, *, legend: LegendSpec | None = None) -> Figure:
    """Add the source note at the bottom, the legend above it, and the title (the finding) on top."""
    width, height = fig.get_size_inches()
    source_text = fig.text(0.01, 0.06 / height, wrap(source or DEFAULT_SOURCE, width - 0.3, 8), ha="left",
                           va="bottom", fontsize=8, color="#555555")
    source_inches = source_text.get_window_extent(fig.canvas.get_renderer()).height / fig.dpi + 0.12
    legend_inches = _place_legend(fig, legend, source_inches)
    bottom = (source_inches + legend_inches + (0.08 if legend_inches else 0)) / height
    fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))
    fig.suptitle(wrap(title, width - 0.3, 13), x=0.01, ha="left", fontsize=13, fontweight="bold")
    return fig


# ------------------------------------------------------------------------------------ drawing helpers

def tint(colour: str, amount: float = 0.55) -> tuple:
    """The colour mixed with white (amount 0: unchanged, 1: white)."""
    rgb = matplotlib.colors.to_rgb(colour)
    return tuple(c + (1 - c) * amount for c in rgb)


def with_voice(table: pd.DataFrame) -> pd.DataFrame:
    """The table with a ``voice`` column (officials apart from media); a table that has only ``voice_side``
    counts every side's speakers as its officials."""
    return table if "voice" in table.columns else table.assign(voice=table["voice_side"])


def ordered(values, preferred) -> list:
    """The distinct values, those in ``preferred`` first in its order, the rest sorted after them."""
    values = [v for v in dict.fromkeys(values)]
    return [v for v in preferred if v in values] + sorted(v for v in values if v not in preferred)


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def integer_ticks(axis):
    # At most six labels: counts in the thousands ("1,250") must not run into each other on a narrow panel.
    axis.set_major_locator(MaxNLocator(integer=True, nbins=5))


def possessive(side: str) -> str:
    name = SIDE_NAMES.get(side, side)
    return name + "'" if name.endswith("s") else name + "'s"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def stacked_stance_bars(ax, part: pd.DataFrame, stances: list, column: str, categories: list, *,
                        height: float) -> np.ndarray:
    """One horizontal bar per stance, its ``statements`` stacked by the sides in ``column`` in their colours;
    returns each bar's total."""
    left = np.zeros(len(stances))
    for category in categories:
        values = np.array([part[(part["stance"] == s) & (part[column] == category)]["statements"].sum()
                           for s in stances])
        ax.barh(range(len(stances)), values, left=left, color=SIDE_COLOURS.get(category, NEUTRAL["mid"]),
                height=height, edgecolor="white", linewidth=0.6)
        left += values
    return left


def heatmap(ax, matrix: pd.DataFrame, *, values: pd.DataFrame | None = None, fmt=str, vmax=None):
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


@dataclass(frozen=True)
class CodebookNames:
    """The codebook's readable stance and frame labels and their reading order, for axes and titles.

    Example:
        >>> names = CodebookNames.read()
        >>> names.label("treaty_first"), names.label("macro"), names.label("not_in_codebook")
        ('Treaty first', 'macro average', 'not in codebook')
    """

    labels: dict
    stance_ids: tuple
    frame_ids: tuple

    @classmethod
    def read(cls, codebook: Codebook | None = None) -> CodebookNames:
        """The names of ``codebook``, or of the shipped ``data/codebook.yaml`` when none is given."""
        codebook = codebook or load_codebook()
        labels = {s.id: s.label for s in codebook.stances} | {f.id: f.label for f in codebook.frames}
        return cls(labels, tuple(codebook.stance_ids), tuple(codebook.frame_ids))

    def __contains__(self, label_id) -> bool:
        return label_id in self.labels

    def label(self, label_id: str) -> str:
        """The readable label of a stance or frame id ("treaty_first" -> "Treaty first")."""
        if label_id == "macro":
            return "macro average"
        return self.labels.get(label_id, str(label_id).replace("_", " "))

    def stance_order(self, values) -> list:
        return ordered(values, self.stance_ids)

    def frame_order(self, values) -> list:
        return ordered(values, self.frame_ids)


# Tables for a notebook page live in analysis.display (re-exported by analysis.charts as before).
from ..display import PREVIEW_ROWS, Preview, preview  # noqa: E402,F401


# ------------------------------------------------------------------------------------------- saving

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
