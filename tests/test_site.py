"""``site``: the pages of a run, both editions, read as a student reads them.

The first part checks the pieces (titles, summaries, paths, links) on small inputs; the second reads the
pages of the seed corpus that tests/test_notebooks.py builds once (``seed_runs``); the third opens every page
in a real headless Chromium at 390 px (a phone) and 1400 px (a laptop), saves screenshots and printed PDFs
to ``test-output/site/`` (git-ignored) and measures the layout.

The browser part needs Chromium, its driver and selenium (requirements-test.txt; ``.ci/run`` installs the
browser). Without them it skips, saying what is missing, except under ``CI=true``, where it fails: CI must
never pass without having looked at the pages.
"""
from __future__ import annotations

import base64
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

import nbformat
import pytest

from analysis import paths
from analysis.site import (HIDDEN_TAGS, Page, navigation, page_notebook, shown_paths, title_and_summary)

from test_notebooks import NOTEBOOKS, seed_runs  # the seed corpus's runs, executed once per session

PAGES = [f"{name}.html" for name in NOTEBOOKS]
TITLES = {"01_corpus": "1. The corpus: what the articles are, and how much of them is reused",
          "02_stance_tagging": "2. Tagging stances: the codebook, the gold and how far the taggers can be trusted",
          "03_positions": "3. Positions: what Russia and Japan hold, and whose voice carries it",
          "04_framing": "4. Framing: whose voice, which words, what is reused, who is blamed",
          "05_classroom": "5. In the classroom: code statements yourself, then compare"}
OUTPUT = paths.ROOT / "test-output" / "site"
WIDTHS = (390, 1400)
# What a student must never read on a page: a missing value, an object's repr, a path of someone's machine.
FORBIDDEN = ("NaN", "Blame(", "PosixPath(", "/work/", "/tmp/", "/home/", "/Users/")


# ------------------------------------------------------------------------------------------ the pieces

def heading(name: str) -> str:
    """The notebook's first line, without its ``#``: the title its pages carry."""
    first = nbformat.read(paths.ROOT / "notebooks" / f"{name}.ipynb", as_version=4).cells[0].source
    return first.splitlines()[0].lstrip("#").strip()


def test_titles_of_the_five_notebooks():
    assert {name: heading(name) for name in TITLES} == TITLES


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_title_and_summary_come_from_the_first_markdown_cell(name):
    title, summary = title_and_summary(nbformat.read(paths.ROOT / "notebooks" / f"{name}.ipynb", as_version=4))
    assert title == heading(name)
    assert summary and not summary.startswith("**") and len(re.findall(r"[.!?](?:\s|$)", summary)) in (1, 2)


def test_summary_of_notebook_01_and_the_two_sentence_cut():
    _, summary = title_and_summary(nbformat.read(paths.ROOT / "notebooks" / "01_corpus.ipynb", as_version=4))
    assert summary == ("Which articles the analysis reads, who published them and when; how each article is cut "
                       "into *statements* (one sentence each); and how much of every article is *reused "
                       "background*: paragraphs that an agency pastes, nearly word for word, under many of its "
                       "stories.")
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        "# 7. Extra\n\nNo label here. A second sentence. A third one.")])
    assert title_and_summary(book) == ("7. Extra", "No label here. A second sentence.")


def test_paths_are_shown_relative_or_by_name(tmp_path):
    pairs = dict(shown_paths([tmp_path / "run1" / "results", paths.ARTICLES, paths.ROOT / "notebooks"]))
    assert pairs[str(tmp_path / "run1" / "results")] == "results"
    assert pairs[str(paths.ARTICLES)] == "data/articles" and pairs[str(paths.ROOT)] == "."


def test_a_page_leaves_out_the_parameters_and_the_paths(tmp_path):
    results = tmp_path / "out"
    cells = [nbformat.v4.new_code_cell('RESULTS = "results"'), nbformat.v4.new_code_cell(f'RESULTS = "{results}"'),
             nbformat.v4.new_code_cell("print(summary.line())")]
    cells[0].metadata["tags"], cells[1].metadata["tags"] = ["parameters"], ["injected-parameters"]
    cells[2].outputs = [nbformat.v4.new_output("stream", text=f"5 articles; read from {results}/statements.csv\n"),
                        nbformat.v4.new_output("execute_result", data={"text/plain": f"PosixPath('{paths.ARTICLES}')"})]
    page = page_notebook(nbformat.v4.new_notebook(cells=cells), shown_paths([results, paths.ARTICLES]))
    assert [c.source for c in page.cells] == ["print(summary.line())"]
    assert page.cells[0].outputs[0].text == "5 articles; read from out/statements.csv\n"
    assert page.cells[0].outputs[1].data["text/plain"] == "PosixPath('data/articles')"
    assert set(HIDDEN_TAGS) == {"parameters", "injected-parameters"}


def test_navigation_links_index_neighbours_and_the_other_edition():
    pages = [Page("01_a", "1. A", ""), Page("02_b", "2. B", ""), Page("03_c", "3. C", "")]
    middle = navigation(pages, 1, student=False)
    assert re.findall(r'class="([^"]+)" href="([^"]+)"', middle) == [
        ("ks-index", "index.html"), ("ks-prev", "01_a.html"), ("ks-next", "03_c.html"),
        ("ks-edition", "student/02_b.html")]
    first = navigation(pages, 0, student=True)
    assert re.findall(r'href="([^"]+)"', first) == ["index.html", "02_b.html", "../01_a.html"]
    assert re.findall(r'href="([^"]+)"', navigation(pages, None, student=True)) == ["../index.html"]


# ------------------------------------------------------------------------------- the seed corpus's pages

@pytest.fixture(scope="module")
def run():
    return seed_runs()[0]


def page_text(path: Path) -> str:
    """The page without its embedded images (base64 is noise to a text search)."""
    return re.sub(r'src="data:image/[^"]+"', 'src=""', path.read_text(encoding="utf-8"))


@pytest.mark.notebooks
def test_both_editions_have_every_page_and_an_index(run):
    assert sorted(p.name for p in run.html.glob("*.html")) == sorted(PAGES + ["index.html"])
    assert sorted(p.name for p in run.student.glob("*.html")) == sorted(PAGES + ["index.html"])
    for name in NOTEBOOKS:
        full, student = page_text(run.html / f"{name}.html"), page_text(run.student / f"{name}.html")
        assert f"<title>{heading(name)}</title>" in full and f"<title>{heading(name)}</title>" in student
        assert 'class="input"' in full and 'class="input"' not in student      # the student edition: no code
        assert "celltag_parameters" not in full and "celltag_injected-parameters" not in full
        assert "cdnjs" not in full and "<script" not in student               # no network, no scripts
    index = page_text(run.student / "index.html")
    assert re.findall(r'class="ks-page-link" href="([^"]+)"', index) == PAGES
    assert "how each article is cut into <em>statements</em>" in index


@pytest.mark.notebooks
@pytest.mark.parametrize("edition", ["html", "student"])
def test_no_page_names_a_folder_of_this_machine(run, edition):
    machine = [str(paths.ROOT), str(run.results), str(run.build), tempfile.gettempdir() + "/", str(Path.home()) + "/"]
    for page in sorted(getattr(run, edition).glob("*.html")):
        text = page_text(page)
        assert [m for m in machine if m in text] == [], page.name
        assert "NaN" not in text and "Blame(" not in text and "PosixPath(" not in text, page.name


@pytest.mark.notebooks
def test_tables_are_formatted_at_the_source(run):
    corpus = page_text(run.student / "01_corpus.html")
    assert "34.782609" not in corpus and ">34.8</td>" in corpus        # 01_corpus background_pct, rounded
    framing = page_text(run.student / "04_framing.html")
    assert "\\bhinder" not in framing and ">pattern</th>" not in framing and ">look</th>" in framing
    assert re.search(r">made_<wbr/?>impossible</td>", framing) and ">Russia</td>" in framing   # find_blame, a table
    tagging = page_text(run.student / "02_stance_tagging.html")
    assert "0.951837" not in tagging and ">0.95</td>" in tagging       # the coders' kappa


@pytest.mark.notebooks
def test_the_student_edition_hides_answers_the_class_has_not_published(run, tmp_path):
    """Notebook 05 shows the gold and the adjudication's reasons only when class.yaml publishes them; the
    student edition shows what the notebook computed, so an unpublished class's pages hold no answer."""
    from analysis.reproduce import reproduce

    reason = "denies that there is anything to negotiate"
    assert reason in page_text(run.student / "05_classroom.html")     # the example class publishes its answers
    hidden = tmp_path / "class"
    shutil.copytree(paths.ROOT / "notebooks" / "coding" / "example_class", hidden)
    (hidden / "class.yaml").write_text("publish_answers: false\n", encoding="utf-8")
    outputs = reproduce(paths.ARTICLES, results=tmp_path / "out", coding=hidden, log=lambda line: None,
                        notebooks=[paths.ROOT / "notebooks" / "05_classroom.ipynb"])
    assert ">gold</td>" in page_text(run.student / "05_classroom.html")   # the gold as one more coder
    for edition in (outputs.html, outputs.student):
        text = page_text(edition / "05_classroom.html")
        assert reason not in text and ">gold</td>" not in text
    shown = page_text(outputs.student / "05_classroom.html")
    assert shown.count("The answers are not published yet (class.yaml: publish_answers: false).") == 2
    assert not (outputs.figures / "05_students_vs_gold.png").exists()


# ------------------------------------------------------------------------------------- in a real browser

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVER = ("chromedriver",)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars")


def _found(names, also=()) -> str | None:
    return next((p for p in [*(shutil.which(n) for n in names), *also] if p and Path(p).exists()), None)


def start_browser(profile: Path):
    """(driver, "") or (None, why not)."""
    try:
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.chrome.service import Service
    except ImportError as err:
        return None, f"selenium is not installed ({err}); pip install -r requirements-test.txt"
    browser = _found(CHROMIUM)
    driver = _found(DRIVER, ("/usr/lib/chromium/chromedriver",))
    if browser is None or driver is None:
        return None, ("Chromium or its driver is missing (apt-get install chromium chromium-driver): "
                      f"browser {browser}, driver {driver}")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    try:
        return webdriver.Chrome(service=Service(driver), options=options), ""
    except WebDriverException as err:
        return None, f"Chromium did not start: {err.msg}"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver, why = start_browser(tmp_path_factory.mktemp("chromium-profile"))
    if driver is None:
        if in_ci():
            pytest.fail(f"CI=true and the browser test cannot run: {why}")
        pytest.skip(why)
    yield driver
    driver.quit()


def open_page(driver, page: Path, width: int, height: int = 900) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.get(page.as_uri())


# The page's width against the window, and each table against the page's content box and its scrolling box.
LAYOUT = """
const main = document.querySelector('main'), style = getComputedStyle(main), box = main.getBoundingClientRect();
const left = box.left + parseFloat(style.paddingLeft), right = box.right - parseFloat(style.paddingRight);
const tables = [...main.querySelectorAll('table')].map(t => {
  const r = t.getBoundingClientRect();
  let scroller = null;
  for (let e = t.parentElement; e && e !== main; e = e.parentElement) {
    const x = getComputedStyle(e).overflowX;
    if (x === 'auto' || x === 'scroll') { scroller = e.getBoundingClientRect(); break; }
  }
  return {width: r.width, left: r.left, right: r.right,
          scrollerLeft: scroller ? scroller.left : null, scrollerRight: scroller ? scroller.right : null};
});
return {window: document.documentElement.clientWidth, page: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight, left: left, right: right, tables: tables};
"""


SHOT_HEIGHT = 12000   # px of page per screenshot file (Chromium captures at most 16,384 px at once)


def screenshot(driver, path: Path, width: int, height: int) -> None:
    """The whole page, as ``path`` and, for a long page, ``<name>-2.png`` ... for the parts below."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for part, top in enumerate(range(0, height, SHOT_HEIGHT), start=1):
        clip = {"x": 0, "y": top, "width": width, "height": min(SHOT_HEIGHT, height - top), "scale": 1}
        shot = driver.execute_cdp_cmd("Page.captureScreenshot",
                                      {"format": "png", "clip": clip, "captureBeyondViewport": True})
        out = path if part == 1 else path.with_name(f"{path.stem}-{part}.png")
        out.write_bytes(base64.b64decode(shot["data"]))


ALL_PAGES = [(edition, name) for edition in ("html", "student") for name in [*NOTEBOOKS, "index"]]


@pytest.mark.notebooks
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("edition, name", ALL_PAGES)
def test_page_fits_the_window(run, browser, edition, name, width):
    page = getattr(run, edition) / f"{name}.html"
    open_page(browser, page, width)
    layout = browser.execute_script(LAYOUT)
    screenshot(browser, OUTPUT / ("full" if edition == "html" else "student") / f"{name}-{width}.png", width,
               layout["height"])
    assert layout["window"] == width and layout["page"] <= layout["window"]        # no sideways scrolling
    for table in layout["tables"]:
        if width >= 1400:   # a laptop: every table fits the page's column
            assert table["left"] >= layout["left"] - 1 and table["right"] <= layout["right"] + 1, table
        elif table["right"] > layout["right"] + 1:   # a phone: a wider table scrolls inside its own box
            assert table["scrollerRight"] is not None and table["scrollerRight"] <= layout["right"] + 1, table
    assert len(layout["tables"]) >= {"01_corpus": 4, "02_stance_tagging": 10, "03_positions": 1, "04_framing": 6,
                                     "05_classroom": 5}.get(name, 0)


@pytest.mark.notebooks
@pytest.mark.parametrize("edition", ["html", "student"])
def test_titles_index_and_neighbour_links(run, browser, edition):
    folder = getattr(run, edition)
    open_page(browser, folder / "index.html", 1400)
    assert browser.title == "kuril-stance: the notebooks" + (" (student edition)" if edition == "student" else "")
    links = browser.execute_script("return [...document.querySelectorAll('a.ks-page-link')]"
                                   ".map(a => [a.getAttribute('href'), a.textContent])")
    assert links == [[f"{name}.html", heading(name)] for name in NOTEBOOKS]
    for at, name in enumerate(NOTEBOOKS):
        open_page(browser, folder / f"{name}.html", 1400)
        assert browser.title == heading(name)
        nav = browser.execute_script("return Object.fromEntries([...document.querySelectorAll('header nav a')]"
                                     ".map(a => [a.className, a.href]))")
        assert nav["ks-index"] == (folder / "index.html").as_uri()
        assert nav.get("ks-prev") == ((folder / f"{NOTEBOOKS[at - 1]}.html").as_uri() if at else None)
        assert nav.get("ks-next") == ((folder / f"{NOTEBOOKS[at + 1]}.html").as_uri()
                                      if at < len(NOTEBOOKS) - 1 else None)
        other = run.student if edition == "html" else run.html
        assert nav["ks-edition"] == (other / f"{name}.html").as_uri()
        assert all(Path(p).exists() for p in [folder / "index.html", other / f"{name}.html"])


@pytest.mark.notebooks
@pytest.mark.parametrize("edition", ["html", "student"])
def test_visible_text_has_no_nan_repr_or_local_path(run, browser, edition):
    for page in sorted(getattr(run, edition).glob("*.html")):
        open_page(browser, page, 1400)
        text = browser.execute_script("return document.body.innerText")
        assert [word for word in FORBIDDEN if word in text] == [], page.name


@pytest.mark.notebooks
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_student_page_prints_every_column(run, browser, name):
    """Printed on A4, a page keeps every table whole: each table's last column header is in the PDF's text."""
    from pypdf import PdfReader
    from selenium.webdriver.common.print_page_options import PrintOptions

    open_page(browser, run.student / f"{name}.html", 1400)
    last_headers = browser.execute_script("return [...document.querySelectorAll('main table')]"
                                          ".map(t => [...t.querySelectorAll('tr')][0])"
                                          ".map(row => row.lastElementChild.textContent.trim())")
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = OUTPUT / "pdf" / f"{name}.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(base64.b64decode(browser.print_page(options)))
    reader = PdfReader(pdf)
    # NFKC: the PDF's fonts set "ff" and "fl" as ligatures (krippendorff_alpha, conflicts)
    squeezed = re.sub(r"\s+", "", unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages)))
    assert len(reader.pages) >= 2
    assert last_headers and [h for h in last_headers if re.sub(r"\s+", "", h) not in squeezed] == []
