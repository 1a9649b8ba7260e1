"""Re-run every notebook headless and regenerate every chart and table: ``make reproduce``.

``reproduce`` tags the corpus into ``results/statements.csv``, executes ``notebooks/NN_*.ipynb`` in order with
papermill (parameters CORPUS, RESULTS, FIGURES) on the ``python3`` kernel of the running interpreter, writes
the executed copies to ``build/notebooks/`` (the committed notebooks stay without outputs), exports them to
static HTML in ``build/html/`` for students without Jupyter, and lists every result file with its SHA-256 in
``results/manifest.csv``.

Where outputs go:

- the seed corpus (``data/articles``): ``results/``, ``figures/``, ``build/``;
- another corpus: ``results/<corpus name>/``, ``figures/<corpus name>/``, ``build/<corpus name>/``;
- ``results`` given: that folder, and ``<results>/figures`` for the charts unless ``figures`` is given.

Two runs write byte-identical CSV and SVG files (charts.save_chart pins the layout and the SVG hash salt;
tables are sorted and rounded). Files listed in the previous run's manifest are deleted first, so a chart that
no longer exists does not linger; nothing else in the folders is touched.

Example:
    >>> from analysis.reproduce import output_dirs
    >>> output_dirs("data/articles").results == paths.RESULTS
    True
"""
from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import paths

NOTEBOOKS = paths.ROOT / "notebooks"
BUILD = paths.ROOT / "build"
KERNEL = "python3"
MANIFEST = "manifest.csv"
STATEMENTS = "statements.csv"


class ReproduceError(RuntimeError):
    """A notebook failed; the message names it, the cell and where the executed copy with the error is."""


@dataclass(frozen=True)
class Outputs:
    corpus: Path
    results: Path
    figures: Path
    build: Path

    @property
    def notebooks(self) -> Path:
        return self.build / "notebooks"

    @property
    def html(self) -> Path:
        return self.build / "html"


def resolve_corpus(corpus: Path | str) -> Path:
    """The corpus path as given if it exists from the working directory, else relative to the repository."""
    corpus = Path(corpus)
    if corpus.exists() or corpus.is_absolute():
        return corpus.resolve()
    return (paths.ROOT / corpus).resolve()


def output_dirs(corpus: Path | str = paths.ARTICLES, results: Path | str | None = None,
                figures: Path | str | None = None, build: Path | str | None = None) -> Outputs:
    """Where a run on ``corpus`` writes (see the module docstring)."""
    corpus = resolve_corpus(corpus)
    default = corpus == paths.ARTICLES.resolve()
    name = corpus.stem
    if results is None:
        results_dir = paths.RESULTS if default else paths.RESULTS / name
        figures_dir = Path(figures) if figures is not None else (paths.FIGURES if default else paths.FIGURES / name)
    else:
        results_dir = Path(results)
        figures_dir = Path(figures) if figures is not None else results_dir / "figures"
    build_dir = Path(build) if build is not None else (BUILD if default else BUILD / name)
    return Outputs(corpus, results_dir.resolve(), figures_dir.resolve(), build_dir.resolve())


def notebook_paths(folder: Path | str = NOTEBOOKS) -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``) in reading order."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb") if p.is_file())


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _clear_previous(outputs: Outputs):
    manifest = outputs.results / MANIFEST
    if not manifest.exists():
        return
    listed = pd.read_csv(manifest, dtype=str, keep_default_na=False)
    roots = {"results": outputs.results, "figures": outputs.figures}
    for row in listed.itertuples(index=False):
        root = roots.get(row.folder)
        if root is None or "/" in row.file or "\\" in row.file or row.file.startswith("."):
            continue  # only ever delete a plain file name inside the two output folders
        target = root / row.file
        if target.is_file():
            target.unlink()
    manifest.unlink()


def write_manifest(outputs: Outputs) -> Path:
    """``results/manifest.csv``: folder, file, bytes and SHA-256 of every file the run left in the results and
    figures folders (top level only: other corpora's subfolders are theirs)."""
    rows = []
    for folder, root in (("results", outputs.results), ("figures", outputs.figures)):
        if not root.exists():
            continue
        for path in sorted(root.iterdir()):
            if path.is_file() and path.name != MANIFEST and not path.name.startswith("."):
                rows.append({"folder": folder, "file": path.name, "bytes": path.stat().st_size,
                             "sha256": _sha256(path)})
    from .charts import write_csv

    return write_csv(pd.DataFrame(rows, columns=["folder", "file", "bytes", "sha256"]), outputs.results / MANIFEST)


def run_notebook(notebook: Path, executed: Path, parameters: dict, *, kernel: str = KERNEL,
                 timeout: int = 600) -> Path:
    """Execute one notebook with papermill into ``executed``; raise ReproduceError naming the failing cell."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    executed.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(str(notebook), str(executed), parameters=parameters, kernel_name=kernel,
                                   cwd=str(notebook.parent), progress_bar=False, log_output=False,
                                   execution_timeout=timeout,
                                   # The kernel's own log (a TCP notice, a KeyboardInterrupt at shutdown) is noise here;
                                   # errors inside the notebook are caught below and kept in the executed copy.
                                   extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    except PapermillExecutionError as err:
        raise ReproduceError(f"{notebook.name}: cell {err.exec_count} failed with {err.ename}: {err.evalue} "
                             f"(the executed copy with the error: {executed})") from None
    return executed


def export_html(executed: Path, html_dir: Path) -> Path:
    """A static HTML page of an executed notebook (images embedded)."""
    import nbformat
    from nbconvert import HTMLExporter

    html_dir.mkdir(parents=True, exist_ok=True)
    body, _ = HTMLExporter().from_notebook_node(nbformat.read(executed, as_version=4))
    out = html_dir / f"{executed.stem}.html"
    out.write_text(body, encoding="utf-8")
    return out


def reproduce(corpus: Path | str = paths.ARTICLES, results: Path | str | None = None, html: bool = True, *,
              figures: Path | str | None = None, build: Path | str | None = None,
              notebooks: list[Path] | None = None, log=None) -> Outputs:
    """Tag the corpus, run every notebook headless, export HTML; returns where everything went.

    Args:
        corpus: a corpus folder or file (relative paths are tried from the working directory, then from the
            repository root).
        results: results folder; default ``results/`` (seed corpus) or ``results/<corpus name>/``.
        html: also export the executed notebooks to ``build/html/``.
        figures: figures folder; default ``figures/``, ``figures/<corpus name>/`` or ``<results>/figures``.
        build: folder for executed notebooks and HTML; default ``build/`` or ``build/<corpus name>/``.
        notebooks: the notebooks to run (default: every ``notebooks/NN_*.ipynb``, in order).
        log: called with one progress line per step (default: print to stderr).
    """
    from .pipeline import DEFAULT_TAGGER, tag_corpus, write_table

    log = log or (lambda line: print(line, file=sys.stderr))
    outputs = output_dirs(corpus, results, figures, build)
    if not outputs.corpus.exists():
        raise FileNotFoundError(f"{outputs.corpus}: no such corpus folder or file")
    notebooks = list(notebooks) if notebooks is not None else notebook_paths()
    if not notebooks:
        raise FileNotFoundError(f"{NOTEBOOKS}: no numbered notebooks (NN_name.ipynb) to run")
    _clear_previous(outputs)
    for folder in (outputs.results, outputs.figures, outputs.notebooks):
        folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    table, summary = tag_corpus(outputs.corpus, tagger=DEFAULT_TAGGER)
    write_table(table, outputs.results / STATEMENTS)
    log(f"reproduce: tagged {summary.line()} -> {outputs.results / STATEMENTS}")
    parameters = {"CORPUS": str(outputs.corpus), "RESULTS": str(outputs.results), "FIGURES": str(outputs.figures)}
    for notebook in notebooks:
        began = time.perf_counter()
        executed = run_notebook(Path(notebook), outputs.notebooks / Path(notebook).name, parameters)
        page = export_html(executed, outputs.html) if html else None
        log(f"reproduce: {Path(notebook).name} {time.perf_counter() - began:.1f} s -> {executed}"
            + (f", {page}" if page else ""))
    write_manifest(outputs)
    log(f"reproduce: done in {time.perf_counter() - started:.1f} s; results {outputs.results}, "
        f"figures {outputs.figures}")
    return outputs
