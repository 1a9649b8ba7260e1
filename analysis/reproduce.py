"""Re-run every notebook headless and regenerate every chart and table: ``make reproduce``.

``reproduce`` tags the corpus once into ``results/statements.csv``, with ``statements.csv.source.json`` beside
it (what the table was made from: ``pipeline.table_source``), executes ``notebooks/NN_*.ipynb`` in order with
papermill (parameters CORPUS, RESULTS, FIGURES, STATEMENTS, CODEBOOK, ACTORS, CHROME_RULES, CODING when
``coding`` is given: the folder of coding sheets notebook 05 reads, and CODES when ``codes`` is given: the
researcher's coded sample notebook 06 reads) on the
``python3`` kernel of the running interpreter (each notebook reads the table through ``pipeline.tagged_table``
instead of tagging again, and tags only if the table is stale), writes
the executed copies to ``build/notebooks/`` (the committed notebooks stay without outputs), makes them a static
site for students without Jupyter (``site.py``: ``build/html/`` with the code, ``build/html/student/``
without, each with an index), and lists every file it wrote with its SHA-256 in ``results/manifest.csv``
(results and charts) and ``build/manifest.csv`` (executed notebooks and pages).

Where outputs go:

- the seed corpus (``data/articles``): ``results/``, ``figures/``, ``build/``;
- another corpus: ``results/<corpus name>/``, ``figures/<corpus name>/``, ``build/<corpus name>/``;
- ``results`` given: everything of the run under that folder: the tables in it, the charts in
  ``<results>/figures`` and the executed notebooks and pages in ``<results>/build`` (unless ``figures`` or
  ``build`` is given), so that two runs given two folders never mix their pages.

Two runs write byte-identical CSV and SVG files (charts.save_chart pins the layout and the SVG hash salt;
tables are sorted and rounded) and pages (no date, run time or random id in them).

Nothing a user owns is deleted or overwritten:

- A run writes into hidden staging folders (``.kuril-stance-run-<pid>`` inside each output folder) and moves
  its files into place only once the tagging and every notebook have succeeded: a failed or interrupted run
  leaves the previous results as they were.
- The manifest lists only the files a run of ``reproduce`` wrote, with their SHA-256. The next run deletes a
  file of the previous run that it does not write again (a chart that no longer exists) only if the manifest
  lists it and its bytes still match; it replaces an existing file only under the same condition. Any other
  file in the way (a teacher's notes, a file changed by hand) stops the run with one line, before anything is
  moved.
- Output folders that are, or contain, the repository root, ``data/``, the notebooks, the corpus or a data
  file of the run, or that lie inside the corpus folder, are refused before any work.
- One run at a time per results folder (a lock, ``.manifest.csv.lock``).

Example:
    >>> from analysis.reproduce import output_dirs
    >>> output_dirs("data/articles").results == paths.RESULTS
    True
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import output_files, paths

NOTEBOOKS = paths.ROOT / "notebooks"
BUILD = paths.ROOT / "build"
KERNEL = "python3"
MANIFEST = "manifest.csv"
STATEMENTS = "statements.csv"
# Parameters passed only to the notebooks that declare them (papermill warns of one a notebook does not).
OPTIONAL_PARAMETERS = ("CODING", "CODES")


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

    @property
    def student(self) -> Path:
        """The student edition of the pages (``site.py``), beside the full one."""
        return self.html / "student"


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
    if build is not None:
        build_dir = Path(build)
    elif results is not None:
        build_dir = Path(results) / "build"
    else:
        build_dir = BUILD if default else BUILD / name
    return Outputs(corpus, results_dir.resolve(), figures_dir.resolve(), build_dir.resolve())


def notebook_paths(folder: Path | str = NOTEBOOKS) -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``) in reading order."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb") if p.is_file())




MANIFEST_COLUMNS = ["folder", "file", "bytes", "sha256", "written_by"]
WRITTEN_BY = "kuril-stance reproduce"
STAGING = ".kuril-stance-run-"


def _folders(outputs: Outputs) -> dict[str, Path]:
    """The manifest's name for each output folder, and the folder."""
    return {"results": outputs.results, "figures": outputs.figures, "notebooks": outputs.notebooks,
            "html": outputs.html, "student": outputs.student}


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_folders(outputs: Outputs, inputs: list[Path]) -> None:
    """Refuse output folders where a run could replace or mix with what the user owns (see the module
    docstring), before any work."""
    corpus = outputs.corpus.resolve()
    guarded = {"the repository root": paths.ROOT, "data/": paths.DATA, "notebooks/": NOTEBOOKS,
               "the corpus": corpus, **{f"the data file {p}": Path(p).resolve() for p in inputs}}
    for name, folder in [("results", outputs.results), ("figures", outputs.figures), ("build", outputs.build)]:
        for what, path in guarded.items():
            if _inside(path.resolve(), folder):
                raise ReproduceError(f"{folder}: cannot be the {name} folder: it is or contains {what}; "
                                     "choose an empty or new folder, such as results/")
        for what, path in [("the corpus folder", corpus), ("data/", paths.DATA), ("notebooks/", NOTEBOOKS),
                           ("the package", paths.ROOT / "analysis")]:
            if path.is_dir() and _inside(folder, path.resolve()):
                raise ReproduceError(f"{folder}: cannot be the {name} folder: it is inside {what} {path}")


# Which manifest lists which folder: results/manifest.csv the results and charts (byte-identical from run to
# run, like them), <build>/manifest.csv the executed notebooks (they hold run times) and the pages.
MANIFEST_OF = {"results": "results", "figures": "results", "notebooks": "build", "html": "build",
               "student": "build"}


def _manifest_paths(outputs: Outputs) -> dict[str, Path]:
    return {"results": outputs.results / MANIFEST, "build": outputs.build / MANIFEST}


@dataclass(frozen=True)
class Manifest:
    """The files the previous run wrote: {(folder, file): sha256}; ``deletable`` holds those listed by this
    version's manifests (an older manifest listed every file in the folder, a user's too: it may justify
    replacing a file with identical bytes, never deleting one)."""

    files: dict
    deletable: frozenset

    def wrote(self, folder: str, path: Path) -> bool:
        """Whether ``path`` is exactly the file the previous run wrote there."""
        recorded = self.files.get((folder, path.name))
        return recorded is not None and path.is_file() and output_files.file_sha256(path) == recorded


def read_manifest(outputs: Outputs) -> Manifest:
    """The previous run's manifests, or empty ones; a ``manifest.csv`` of another program is an error."""
    files, deletable = {}, set()
    for which, path in _manifest_paths(outputs).items():
        if not path.exists():
            continue
        try:
            listed = pd.read_csv(path, dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, ValueError):
            listed = None
        if listed is None or not {"folder", "file", "sha256"} <= set(listed.columns):
            raise ReproduceError(f"{path}: is not a manifest written by reproduce; move it away or choose "
                                 "another output folder (nothing was changed)")
        trusted = "written_by" in listed.columns and bool((listed["written_by"] == WRITTEN_BY).all())
        for row in listed.itertuples(index=False):
            if MANIFEST_OF.get(row.folder) == which:
                files[(row.folder, row.file)] = row.sha256
                if trusted:
                    deletable.add((row.folder, row.file))
    return Manifest(files, frozenset(deletable))


def _staged_files(staging: dict[str, Path]) -> dict[tuple[str, str], Path]:
    return {(folder, path.name): path for folder, root in staging.items() if root.exists()
            for path in sorted(root.iterdir()) if path.is_file() and not path.name.startswith(".")}


def commit_outputs(outputs: Outputs, staging: dict[str, Path], previous: Manifest) -> None:
    """Move a successful run's files from ``staging`` into the output folders, remove the previous run's files
    it does not write again, and write the manifests. Every check comes before the first change."""
    folders = _folders(outputs)
    new = _staged_files(staging)
    in_the_way = [folders[folder] / name for folder, name in new
                  if (folders[folder] / name).exists() and not previous.wrote(folder, folders[folder] / name)]
    if in_the_way:
        shown = ", ".join(str(p) for p in in_the_way[:3]) + (f" and {len(in_the_way) - 3} more" if len(in_the_way) > 3 else "")
        raise ReproduceError(f"{shown}: not written by an earlier run of reproduce (or changed since); move "
                             "it away or choose another results folder (the previous results are unchanged)")
    stale = [folders[folder] / name for folder, name in previous.deletable
             if folder in folders and (folder, name) not in new and "/" not in name and not name.startswith(".")
             and previous.wrote(folder, folders[folder] / name)]
    rows = [{"folder": folder, "file": name, "bytes": path.stat().st_size,
             "sha256": output_files.file_sha256(path), "written_by": WRITTEN_BY} for (folder, name), path in new.items()]
    for path in stale:
        path.unlink()
    for (folder, name), path in new.items():
        folders[folder].mkdir(parents=True, exist_ok=True)
        os.replace(path, folders[folder] / name)
    from .charts import write_csv

    for which, manifest in _manifest_paths(outputs).items():
        listed = pd.DataFrame([r for r in rows if MANIFEST_OF[r["folder"]] == which], columns=MANIFEST_COLUMNS)
        manifest.parent.mkdir(parents=True, exist_ok=True)
        with output_files.whole_file(manifest) as partial:
            write_csv(listed, partial)


def _staging_folders(outputs: Outputs) -> dict[str, Path]:
    return {folder: root / f"{STAGING}{os.getpid()}" for folder, root in _folders(outputs).items()}


def _remove_dead_staging(outputs: Outputs) -> None:
    """Staging folders of runs that were killed (SIGKILL) and can no longer clean up after themselves."""
    for root in _folders(outputs).values():
        if root.is_dir():
            for path in root.iterdir():
                if path.name.startswith(STAGING) and path.is_dir():
                    pid = path.name[len(STAGING):]
                    if pid.isdigit() and output_files._process_is_gone(int(pid)):
                        shutil.rmtree(path, ignore_errors=True)


def _keep_failed_copy(message: str, notebook: Path, staging: dict[str, Path], outputs: Outputs) -> str:
    """Keep the executed copy that shows the error as ``<build>/notebooks/<name>.failed.ipynb`` (the staging
    folder goes), and the error message naming it."""
    staged = staging["notebooks"] / notebook.name
    if not staged.exists():
        return message
    failed = outputs.notebooks / f"{notebook.stem}.failed.ipynb"
    _point_to_final_folders(staged, staging, outputs)
    os.replace(staged, failed)
    return message.replace(str(staged), str(failed)) + "; the previous results are unchanged"


def _point_to_final_folders(executed: Path, staging: dict[str, Path], outputs: Outputs) -> None:
    """The executed copy names the folders its outputs end up in, not the staging folders it wrote to."""
    text = executed.read_text(encoding="utf-8")
    for folder, stage in staging.items():
        text = text.replace(str(stage), str(_folders(outputs)[folder]))
    executed.write_text(text, encoding="utf-8")


def _declared(notebook: Path) -> str:
    """The source of a notebook's parameters cell (papermill warns of a parameter it does not declare)."""
    import nbformat

    cells = nbformat.read(notebook, as_version=4).cells
    return "\n".join(c.source for c in cells if "parameters" in c.metadata.get("tags", []))


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


def export_site(executed: list[Path], staging: dict[str, Path], outputs: Outputs, folders: list[Path]) -> list[Path]:
    """The pages of the executed notebooks, both editions with their index (``site.build_site``), staged like
    every other output; ``folders``: the run's inputs and outputs, which the pages name without their
    absolute paths."""
    from .site import build_site

    return build_site(executed, staging["html"], staging["student"],
                      folders=[*_folders(outputs).values(), outputs.build, *folders])


def reproduce(corpus: Path | str = paths.ARTICLES, results: Path | str | None = None, html: bool = True, *,
              figures: Path | str | None = None, build: Path | str | None = None,
              notebooks: list[Path] | None = None, log=None, data=None, coding: Path | str | None = None,
              codes: Path | str | None = None) -> Outputs:
    """Tag the corpus, run every notebook headless, export HTML; returns where everything went.

    Args:
        corpus: a corpus folder or file (relative paths are tried from the working directory, then from the
            repository root).
        results: results folder; default ``results/`` (seed corpus) or ``results/<corpus name>/``.
        html: also build the pages of the executed notebooks (``build/html/`` and ``build/html/student/``).
        figures: figures folder; default ``figures/``, ``figures/<corpus name>/`` or ``<results>/figures``.
        build: folder for executed notebooks and HTML; default ``<results>/build`` when ``results`` is given,
            else ``build/`` or ``build/<corpus name>/``.
        notebooks: the notebooks to run (default: every ``notebooks/NN_*.ipynb``, in order).
        log: called with one progress line per step (default: print to stderr).
        data: a ``pipeline.DataFiles`` naming the codebook, actors and chrome rules (default: ``data/``'s).
        coding: a folder of coding sheets (or one sheet) for notebook 05 (default: the notebook's example
            class); relative paths are tried from the working directory, then from the repository root.
        codes: a folder of coding sheets of a researcher's sample (or one sheet) for notebook 06 (default: the
            notebook's example), found the same way.
    """
    from .pipeline import DataFiles

    log = log or (lambda line: print(line, file=sys.stderr))
    data = data or DataFiles()
    outputs = output_dirs(corpus, results, figures, build)
    if not outputs.corpus.exists():
        raise FileNotFoundError(f"{outputs.corpus}: no such corpus folder or file")
    notebooks = list(notebooks) if notebooks is not None else notebook_paths()
    if not notebooks:
        raise FileNotFoundError(f"{NOTEBOOKS}: no numbered notebooks (NN_name.ipynb) to run")
    coding = _existing(coding, "coding folder or sheet")
    codes = _existing(codes, "folder or sheet of codes")
    sheets = {name: path for name, path in (("CODING", coding), ("CODES", codes)) if path is not None}
    check_output_folders(outputs, data.paths() + list(sheets.values()))
    outputs.results.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with output_files.lock(outputs.results / MANIFEST):
        previous = read_manifest(outputs)
        _remove_dead_staging(outputs)
        staging = _staging_folders(outputs)
        try:
            for folder in staging.values():
                folder.mkdir(parents=True, exist_ok=True)
            _produce(outputs, staging, notebooks, data, sheets, html, log)
            commit_outputs(outputs, staging, previous)
        finally:
            for folder in staging.values():
                shutil.rmtree(folder, ignore_errors=True)
    log(f"reproduce: done in {time.perf_counter() - started:.1f} s; results {outputs.results}, "
        f"figures {outputs.figures}")
    return outputs


def _produce(outputs: Outputs, staging: dict, notebooks: list[Path], data, sheets: dict, html: bool, log) -> None:
    """Everything ``reproduce`` makes, into the staging folders: the tagged table and its record (what it was
    made from, read by every notebook instead of tagging), the executed notebooks and their pages."""
    from .pipeline import DEFAULT_TAGGER, tag_corpus_to_recorded

    summary = tag_corpus_to_recorded(outputs.corpus, staging["results"] / STATEMENTS, tagger=DEFAULT_TAGGER,
                                     data=data)
    log(f"reproduce: tagged {summary.line()} -> {outputs.results / STATEMENTS}")
    parameters = {"CORPUS": str(outputs.corpus), "RESULTS": str(staging["results"]),
                  "FIGURES": str(staging["figures"]), "STATEMENTS": str(staging["results"] / STATEMENTS),
                  "CODEBOOK": str(data.codebook), "ACTORS": str(data.actors), "CHROME_RULES": str(data.chrome_rules)}
    parameters |= {name: str(path) for name, path in sheets.items()}
    executed_copies = _run_notebooks(notebooks, parameters, staging, outputs, log)
    if html:
        export_site(executed_copies, staging, outputs, [outputs.corpus, *data.paths(), *sheets.values()])
        log(f"reproduce: pages -> {outputs.html / 'index.html'}, students' edition {outputs.student / 'index.html'}")


def _existing(path: Path | str | None, what: str) -> Path | None:
    """A folder or file the user named (tried from the working directory, then from the repository root), or
    None when none was named; one that does not exist is a ``FileNotFoundError`` saying what was expected."""
    if path is None:
        return None
    found = resolve_corpus(path)
    if not found.exists():
        raise FileNotFoundError(f"{found}: no such {what}")
    return found


def _run_notebooks(notebooks: list[Path], parameters: dict, staging: dict, outputs: Outputs, log) -> list[Path]:
    """Execute each notebook into the staging folder, in order; returns the executed copies. A notebook is
    given only the optional parameters it declares (only notebook 05 reads a coding, only 06 codes); a notebook that
    fails keeps its executed copy as ``<name>.failed.ipynb``, named in the error."""
    executed_copies = []
    for notebook in notebooks:
        began = time.perf_counter()
        declared = _declared(Path(notebook))
        given = {k: v for k, v in parameters.items()
                 if k not in OPTIONAL_PARAMETERS or re.search(rf"^{k}\s*=", declared, re.MULTILINE)}
        try:
            executed = run_notebook(Path(notebook), staging["notebooks"] / Path(notebook).name, given)
        except ReproduceError as err:
            raise ReproduceError(_keep_failed_copy(str(err), Path(notebook), staging, outputs)) from None
        _point_to_final_folders(executed, staging, outputs)
        executed_copies.append(executed)
        log(f"reproduce: {Path(notebook).name} {time.perf_counter() - began:.1f} s -> "
            f"{outputs.notebooks / Path(notebook).name}")
    return executed_copies
