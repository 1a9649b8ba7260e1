"""The static site of a run: an index page and one page per notebook, in two editions.

Students read the notebooks as pages, without Jupyter. ``make reproduce`` writes, from the executed
notebooks:

- the full edition, ``<build>/html/``: ``index.html`` and ``NN_name.html`` with every cell's code and output;
- the student edition, ``<build>/html/student/``: the same pages without code (text, tables, charts).

Every page is titled with its notebook's first heading and links to the index, the previous and the next
notebook and the same page in the other edition. The index lists each notebook with what it teaches: the
"What you will learn" paragraph of its first markdown cell (one or two sentences), so the index says what the
notebooks say and cannot go stale.

What the pages leave out, and why:

- the parameters cells (tagged ``parameters`` and ``injected-parameters``): machinery, and the injected one
  holds the run's absolute paths;
- any other absolute path of the run (the corpus, the results folder ...): shown relative to the repository
  or by its folder name, so a page names no one's machine;
- input and output prompts (``In [3]:``), and in the student edition the code;
- the CDN scripts of nbconvert's full template (require.js, MathJax, mermaid): the pages use none, and a page
  a student opens offline or prints should not wait for the network.

Tables are styled here (left-aligned wrapped text, a scrolling box on a narrow screen, the page width in
print); their cells come formatted from ``analysis.display``. A page is byte-identical from run to run: it
carries no date, no version and no random id (the injected parameters cell, the only cell with a random id,
is left out).

Example:
    >>> title_and_summary(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
    ...     "# 1. The corpus\\n\\n**What you will learn.** Which articles. How they are cut. Why.")]))
    ('1. The corpus', 'Which articles. How they are cut.')
"""
from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import paths

STUDENT = "student"   # the student edition's folder, inside the full edition's
HIDDEN_TAGS = ("parameters", "injected-parameters")
INDEX = "index.html"
SITE_NAME = "kuril-stance"
# The mime types whose text a page shows (and where an absolute path could hide); images are left alone.
TEXT_MIMES = ("text/plain", "text/html", "text/markdown")
SUMMARY_LABEL = "**What you will learn.**"
SUMMARY_SENTENCES = 2


@dataclass(frozen=True)
class Page:
    """One notebook of the site: ``stem`` (``01_corpus``), its title and what it teaches (Markdown)."""

    stem: str
    title: str
    summary: str

    @property
    def file(self) -> str:
        return f"{self.stem}.html"


# ------------------------------------------------------------------------------------ what a page says

def _sentences(text: str, n: int) -> str:
    """The first ``n`` sentences of ``text`` (a full stop followed by a capital starts the next one)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z*])", " ".join(text.split()))
    return " ".join(parts[:n])


def title_and_summary(notebook) -> tuple[str, str]:
    """The first heading of the notebook's first markdown cell, and its "What you will learn" paragraph (else
    the first paragraph after the heading) cut to two sentences, as Markdown."""
    first = next((c.source for c in notebook.cells if c.cell_type == "markdown"), "")
    lines = first.strip().splitlines()
    heading = next((line for line in lines if line.startswith("#")), "")
    title = heading.lstrip("#").strip()
    paragraphs = [p.strip() for p in first.split("\n\n") if p.strip() and not p.strip().startswith("#")]
    chosen = next((p for p in paragraphs if p.startswith(SUMMARY_LABEL)), paragraphs[0] if paragraphs else "")
    return title, _sentences(chosen.removeprefix(SUMMARY_LABEL).strip(), SUMMARY_SENTENCES)


def shown_paths(folders) -> list[tuple[str, str]]:
    """(absolute path, how a page shows it) for each folder of a run, longest first: relative to the
    repository when inside it, else the folder's own name (``/tmp/run1/results`` -> ``results``)."""
    pairs = {}
    for folder in folders:
        folder = Path(folder).resolve()
        try:
            shown = str(folder.relative_to(paths.ROOT)) or "."
        except ValueError:
            shown = folder.name
        pairs[str(folder)] = shown
    pairs[str(paths.ROOT)] = "."
    return sorted(pairs.items(), key=lambda pair: -len(pair[0]))


def _replace_paths(text: str, pairs: list[tuple[str, str]]) -> str:
    for absolute, shown in pairs:
        text = text.replace(absolute + "/", "" if shown == "." else shown + "/").replace(absolute, shown)
    return text


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "(An interactive form: open this notebook in Jupyter to use it.)"


def page_notebook(notebook, pairs: list[tuple[str, str]]):
    """A copy of an executed notebook as its pages show it: without the parameters cells, and with every
    absolute path of ``pairs`` replaced in the cells' text and text outputs."""
    notebook = copy.deepcopy(notebook)
    notebook.cells = [c for c in notebook.cells if not set(c.metadata.get("tags", [])) & set(HIDDEN_TAGS)]
    # A widget (the coding form) lives only in a running Jupyter: its state and random model id would make
    # the page load scripts from the web and differ from run to run, so the page says where to use it.
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.source = _replace_paths(cell.source, pairs)
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                output.data = {"text/plain": WIDGET_NOTE}
            if "text" in output:
                output.text = _replace_paths(output.text, pairs)
            for mime in TEXT_MIMES:
                if mime in output.get("data", {}):
                    value = output.data[mime]
                    output.data[mime] = (_replace_paths(value, pairs) if isinstance(value, str)
                                         else [_replace_paths(v, pairs) for v in value])
    return notebook


def cells_html(notebook, *, code: bool) -> str:
    """The cells as HTML (nbconvert's ``basic`` template: no page around them, no scripts); ``code=False``
    leaves the code out (the student edition)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", exclude_input=not code, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(notebook)
    return body


# ----------------------------------------------------------------------------------------------- pages

def _code_css() -> str:
    """Syntax colours of the code cells (pygments, which nbconvert highlights with)."""
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style="default").get_style_defs(".highlight")


def _link(href: str, text: str, cls: str, rel: str = "") -> str:
    rel = f' rel="{rel}"' if rel else ""
    return f'<a class="{cls}" href="{html.escape(href)}"{rel}>{html.escape(text)}</a>'


def navigation(pages: list[Page], at: int | None, *, student: bool) -> str:
    """The links of a page (``at``: its place in ``pages``; None for the index): index, previous, next, and
    the same page in the other edition."""
    links = []
    other = "../" if student else f"{STUDENT}/"
    if at is None:
        edition = "Full edition, with code" if student else "Student edition, without code"
        links.append(_link(other + INDEX, edition, "ks-edition"))
    else:
        links.append(_link(INDEX, "All notebooks", "ks-index"))
        if at > 0:
            links.append(_link(pages[at - 1].file, f"\u2190 {pages[at - 1].title}", "ks-prev", "prev"))
        if at < len(pages) - 1:
            links.append(_link(pages[at + 1].file, f"{pages[at + 1].title} \u2192", "ks-next", "next"))
        edition = "This page with its code" if student else "This page for students, without code"
        links.append(_link(other + pages[at].file, edition, "ks-edition"))
    return f'<nav class="ks-nav">{"".join(links)}</nav>'


def page_html(title: str, body: str, nav: str, *, student: bool) -> str:
    """A whole page: title, style sheet, the navigation above and below the body."""
    edition = STUDENT if student else "full"
    css = SITE_CSS + ("" if student else _code_css())
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{html.escape(title)}</title>\n<style>\n{css}</style>\n</head>\n"
            f"<body class=\"ks-page ks-{edition}\">\n<header>{nav}</header>\n<main>\n{body}\n</main>\n"
            f"<footer>{nav}</footer>\n</body>\n</html>\n")


def index_html(pages: list[Page], *, student: bool) -> str:
    """The index of an edition: every notebook with what it teaches, linked, and the other edition."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    title = f"{SITE_NAME}: the notebooks" + (" (student edition)" if student else "")
    other = "../" if student else f"{STUDENT}/"
    about = ("These pages show the notebooks' text, tables and charts, without code."
             if student else "These pages show every notebook with its code; the student edition leaves the code out.")
    items = []
    for page in pages:
        other_link = _link(other + page.file, "with code" if student else "for students", "ks-edition")
        items.append(f'<li><h2>{_link(page.file, page.title, "ks-page-link")}</h2>\n'
                     f'{markdown2html_mistune(page.summary)}\n<p class="ks-also">Also {other_link}.</p></li>')
    body = (f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(about)} Read them in this order; print any page "
            "from the browser (its tables fit the sheet).</p>\n"
            f'<ol class="ks-toc">\n' + "\n".join(items) + "\n</ol>")
    return page_html(title, body, navigation(pages, None, student=student), student=student)


def build_site(executed: list[Path], full: Path, student: Path, *, folders=()) -> list[Path]:
    """Write both editions of the executed notebooks (in reading order) into ``full`` and ``student``;
    ``folders``: the run's folders, shown without their absolute paths. Returns the files written."""
    pairs = shown_paths(folders)
    notebooks = [page_notebook(nbformat.read(path, as_version=4), pairs) for path in executed]
    pages = [Page(Path(path).stem, *title_and_summary(nb)) for path, nb in zip(executed, notebooks)]
    written = []
    for folder, is_student in ((full, False), (student, True)):
        folder.mkdir(parents=True, exist_ok=True)
        for at, (page, notebook) in enumerate(zip(pages, notebooks)):
            nb = copy.deepcopy(notebook)
            nb.metadata["title"] = page.title
            text = page_html(page.title, cells_html(nb, code=not is_student),
                             navigation(pages, at, student=is_student), student=is_student)
            written.append(_write(folder / page.file, text))
        written.append(_write(folder / INDEX, index_html(pages, student=is_student)))
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


# --------------------------------------------------------------------------------------------- the style

# One style sheet for every page. Tables: text left-aligned and wrapped (nbconvert's notebook style
# right-aligns every cell and fixes the column widths); on a narrow screen a table wider than the page
# scrolls inside its own box; in print it takes the page's width and its words wrap, so no column is cut.
SITE_CSS = """\
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: #1d1d1f; background: #fff; line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
main { overflow-wrap: break-word; padding-bottom: 1rem; }
h1 { font-size: 1.75rem; line-height: 1.25; }
h2 { font-size: 1.35rem; line-height: 1.3; margin-top: 2rem; }
h3 { font-size: 1.1rem; }
a { color: #0059a0; }
a.anchor-link { display: none; }
img { max-width: 100%; height: auto; }
code { font-size: 0.92em; background: #f2f2f2; padding: 0 0.2em; border-radius: 3px; }
pre { font-size: 0.85rem; line-height: 1.4; margin: 0.4rem 0; }
.ks-nav { display: flex; flex-wrap: wrap; gap: 0.4rem 1.5rem; padding: 0.7rem 0; font-size: 0.95rem; }
header .ks-nav { border-bottom: 1px solid #d0d0d0; }
footer .ks-nav { border-top: 1px solid #d0d0d0; margin-top: 2rem; }
.ks-toc { list-style: none; padding: 0; }
.ks-toc h2 { margin-bottom: 0.3rem; }
.ks-also { font-size: 0.9rem; margin-top: 0.2rem; }
.cell { margin: 0.6rem 0; }
.input { margin: 0.8rem 0 0.3rem; }
.input .highlight { background: #f6f7f9; border-left: 3px solid #c9ced6; padding: 0.1rem 0.6rem; overflow-x: auto; }
.input pre { margin: 0.3rem 0; }
.output_subarea { max-width: 100%; overflow-x: auto; }
/* A shadow at an edge where a table goes on beyond its box (the white covers scroll with the content and
   hide the shadow at the end already reached). */
.output_subarea {
  background:
    linear-gradient(to right, #fff 40%, #fff0) left center / 1.5rem 100% no-repeat local,
    linear-gradient(to left, #fff 40%, #fff0) right center / 1.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.2), #0000) left center / 0.7rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.2), #0000) right center / 0.7rem 100% no-repeat scroll;
}
.text_cell_render > p, .text_cell_render > ul, .text_cell_render > ol, .output_markdown > p, .ks-toc p,
main > p { max-width: 48rem; }
.output_stream pre, .output_text pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.output_stderr { background: #fff5f5; }
.output_png img { display: block; }
table { border-collapse: collapse; border-spacing: 0; margin: 0.4rem 0 1rem; font-size: 0.88rem;
  table-layout: auto; max-width: none; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.55rem; border: none;
  border-bottom: 1px solid #e1e1e1; white-space: normal; overflow-wrap: break-word; min-width: 5em; }
td { max-width: 20em; }
td.ks-long { min-width: 16em; max-width: none; }
th { font-weight: 600; background: rgba(30,50,80,.06); border-bottom: 1px solid #b9bec5; vertical-align: bottom; }
tbody tr:nth-child(even) { background: rgba(30,50,80,.025); }
@media (max-width: 600px) {
  body { line-height: 1.45; }
  header, main, footer { padding: 0 0.75rem; }
  h1 { font-size: 1.45rem; }
  table { font-size: 0.82rem; }
  td { max-width: 14em; }
  td.ks-long { min-width: 13em; max-width: 22em; }
}
@page { margin: 14mm 12mm; }
@media print {
  header, footer, .ks-also { display: none; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .output_subarea, .input .highlight { overflow: visible; background: none; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
  table { width: 100%; font-size: 7.5pt; }
  th, td, td.ks-long { padding: 0.15rem 0.3rem; max-width: none; min-width: 0; }
  tr, img, .output_png { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
}
"""
