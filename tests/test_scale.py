"""The suite at corpus scale: outputs that stay bounded whatever the corpus, and charts that stay readable.

- 300 generated articles (``analysis.synthetic``: the seed texts under 20 outlets, dated 2016-2023) through
  ``reproduce``, pages included: no page, executed notebook or chart may grow past the bounds below, which
  hold for any corpus size since the charts group by outlet and the pages show tables as their head. On the
  seeds the largest page is about 0.8 MB and the largest chart 1950x1822 px; at 1,000 articles 2.5 MB and
  2520x1972 px (figures of the run, benchmarks/README.md).
- 1,000 generated articles from 20 outlets over 8 years: every chart of the notebooks that depends on the
  corpus, drawn from the tables the notebooks draw it from, is within 3,000x3,000 px as saved and no axis
  carries more tick labels than fit (no two labels of an axis overlap, none leaves the figure).
"""
from __future__ import annotations

import matplotlib
import pytest
from PIL import Image

from analysis import charts, paths
from analysis.corpus_tables import background_group_table, corpus_table, statements_per_article_table
from analysis.framing import (background_stance_table, blame_table, blamed_statements, frame_table,
                              framing_card_table, headline_lead_table, load_framing_cues, quote_mode_table,
                              voice_share_table)
from analysis.pipeline import tag_corpus
from analysis.positions import speaker_stance_table, stance_profile_table, stance_timeline_table, voice_holder_table
from analysis.reproduce import reproduce
from analysis.synthetic import make_corpus
from analysis.units import MAX_CARDS, chart_units, row_labels

PAGE_BYTES = 3_000_000        # an HTML page, images embedded
NOTEBOOK_BYTES = 3_000_000    # an executed notebook
CHART_PX = 3_000              # a saved PNG, each side
PNG_BYTES = 1_000_000
SVG_BYTES = 2_500_000
CSV_BYTES_PER_ARTICLE = 4_000  # a table beside a chart: linear in the articles at most


@pytest.fixture(scope="module")
def run_300(tmp_path_factory):
    root = tmp_path_factory.mktemp("scale300")
    corpus = make_corpus(300, root / "corpus300")
    return reproduce(corpus, results=root / "results", log=lambda line: None)


@pytest.mark.notebooks
def test_suite_output_is_bounded_on_300_articles(run_300):
    too_big = []
    for page in sorted([*run_300.html.glob("*.html"), *run_300.student.glob("*.html")]):
        if page.stat().st_size > PAGE_BYTES:
            too_big.append(f"{page.name}: {page.stat().st_size:,} bytes > {PAGE_BYTES:,}")
    for executed in sorted(run_300.notebooks.glob("*.ipynb")):
        if executed.stat().st_size > NOTEBOOK_BYTES:
            too_big.append(f"{executed.name}: {executed.stat().st_size:,} bytes > {NOTEBOOK_BYTES:,}")
    for png in sorted(run_300.figures.glob("*.png")):
        width, height = Image.open(png).size
        if max(width, height) > CHART_PX or png.stat().st_size > PNG_BYTES:
            too_big.append(f"{png.name}: {width}x{height} px, {png.stat().st_size:,} bytes")
    for svg in sorted(run_300.figures.glob("*.svg")):
        if svg.stat().st_size > SVG_BYTES:
            too_big.append(f"{svg.name}: {svg.stat().st_size:,} bytes > {SVG_BYTES:,}")
    for csv in sorted(run_300.results.glob("0*.csv")):
        if csv.stat().st_size > 300 * CSV_BYTES_PER_ARTICLE:
            too_big.append(f"{csv.name}: {csv.stat().st_size:,} bytes")
    assert too_big == []
    # 6 pages and an index in each edition; 05 draws two charts, 06 six
    assert len(list(run_300.html.glob("*.html"))) == 7 and len(list(run_300.student.glob("*.html"))) == 7
    assert len(list(run_300.figures.glob("*.png"))) == 23


@pytest.mark.notebooks
def test_everything_of_a_run_goes_under_its_results_folder(run_300):
    root = run_300.results
    assert run_300.figures == root / "figures" and run_300.build == root / "build"
    assert sorted(p.name for p in run_300.html.iterdir()) == [
        "01_corpus.html", "02_stance_tagging.html", "03_positions.html", "04_framing.html", "05_classroom.html",
        "06_your_sample.html", "index.html", "student"]
    assert sorted(p.name for p in run_300.student.iterdir()) == sorted(p.name for p in run_300.html.glob("*.html"))
    assert not (paths.ROOT / "build" / "corpus300").exists()


@pytest.mark.notebooks
def test_pages_show_tables_as_their_head_on_300_articles(run_300):
    page = (run_300.html / "01_corpus.html").read_text(encoding="utf-8")
    assert "first 15 of 300 rows; the whole table: 01_corpus.csv in the results folder" in page
    assert "300 articles are more than a chart can show one by one: one row per outlet instead (20 rows)." in page
    cards = (run_300.html / "04_framing.html").read_text(encoding="utf-8")
    assert "first 15 of 600 rows; the whole table: 04_headline_lead.csv in the results folder" in cards


# ------------------------------------------------------------------------------------ 1,000 articles

def charts_of_1000(folder) -> dict:
    """Every corpus-dependent chart of notebooks 01, 03 and 04, drawn as the notebooks draw it."""
    corpus = make_corpus(1000, folder / "corpus1000")
    statements, _ = tag_corpus(corpus)
    units, cues = chart_units(statements), load_framing_cues()
    blame, headlines = blame_table(statements, cues=cues), headline_lead_table(statements, cues=cues)
    labels = row_labels(units)
    drawn = {
        "01_statements_per_article": charts.plot_statements_per_article(statements_per_article_table(statements, units=units)),
        "01_background_groups": charts.plot_background_groups(background_group_table(statements, units=units), units=units),
        "03_stance_profile": charts.plot_stance_profile(stance_profile_table(statements)),
        "03_speaker_stance": charts.plot_speaker_stance(speaker_stance_table(statements)),
        "03_stance_timeline": charts.plot_stance_timeline(stance_timeline_table(statements),
                                                          articles=corpus_table(statements)),
        "03_voice_holder": charts.plot_voice_holder(voice_holder_table(statements)),
        "04_voice_share": charts.plot_voice_share(voice_share_table(statements, units=units)),
        "04_quote_mode": charts.plot_quote_mode(quote_mode_table(statements, units=units)),
        "04_background_stances": charts.plot_background_stances(background_stance_table(statements)),
        "04_frames": charts.plot_frames(frame_table(statements, units=units)),
        "04_blame": charts.plot_blame(blamed_statements(blame, units=units), articles=list(labels), labels=labels),
        "04_framing_cards": charts.plot_framing_cards(framing_card_table(
            statements, cues=cues, blame=blame, headlines=headlines,
            units=chart_units(statements, max_rows=MAX_CARDS))),
    }
    return {"statements": statements, "figures": drawn}


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    return charts_of_1000(tmp_path_factory.mktemp("scale1000"))


def test_the_generated_corpus_is_1000_articles_of_20_outlets_over_8_years(big):
    articles = big["statements"].drop_duplicates("article_id")
    dated = articles.loc[articles["date"] != "", "date"]
    assert (len(articles), articles["outlet"].nunique()) == (1000, 20)
    assert (dated.min()[:4], dated.max()[:4], len(articles) - len(dated)) == ("2016", "2023", 25)


def overlaps(extents, along: str) -> list:
    spans = sorted((e.x0, e.x1) if along == "x" else (e.y0, e.y1) for e in extents)
    return [(a, b) for a, b in zip(spans, spans[1:]) if b[0] < a[1] - 1]


@pytest.mark.parametrize("name", ["01_statements_per_article", "01_background_groups", "03_stance_profile",
                                  "03_speaker_stance", "03_stance_timeline", "03_voice_holder", "04_voice_share",
                                  "04_quote_mode", "04_background_stances", "04_frames", "04_blame",
                                  "04_framing_cards"])
def test_chart_of_1000_articles_fits_and_its_tick_labels_do_not_overlap(big, name, tmp_path):
    fig = big["figures"][name]
    saved = charts.save_chart(fig, big["statements"].head(1), name, figures_dir=tmp_path, results_dir=tmp_path)
    width, height = Image.open(saved.png).size
    assert width <= CHART_PX and height <= CHART_PX
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    for ax in fig.axes:
        if not ax.axison:
            continue
        for along, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            low, high = sorted(axis.get_view_interval())
            shown = [t for t, loc in zip(axis.get_ticklabels(), axis.get_majorticklocs())
                     if t.get_visible() and t.get_text() and low - 1e-9 <= loc <= high + 1e-9]
            extents = [t.get_window_extent(renderer) for t in shown]
            assert overlaps(extents, along) == [], (name, ax.get_title(), along, [t.get_text() for t in shown])
            outside = [t.get_text() for t, e in zip(shown, extents)
                       if e.x0 < page.x0 - 1 or e.x1 > page.x1 + 1 or e.y0 < page.y0 - 1 or e.y1 > page.y1 + 1]
            assert outside == [], (name, along)


def test_per_article_charts_of_1000_articles_draw_one_row_per_outlet(big):
    voice = big["figures"]["04_voice_share"].axes[0]
    assert len(voice.get_yticklabels()) == 20
    assert [t.get_text() for t in voice.get_yticklabels()][:2] == ["AFP · 45 articles", "AP · 50 articles"]
    cards = big["figures"]["04_framing_cards"]
    headings = [t.get_text() for ax in cards.axes if not ax.axison for t in ax.texts]
    assert len(headings) == MAX_CARDS and headings[-1].startswith("other outlets · 590 articles, 2016-01-01 to")
    timeline = big["figures"]["03_stance_timeline"].axes[0]
    assert timeline.get_ylabel() == "statements per year"
    assert len([p for p in timeline.patches if p.get_height()]) <= 2 * 8   # 8 years, two holder sides at most
    assert matplotlib.dates.num2date(timeline.get_xlim()[0]).year == 2016
