"""Every notebook runs headless through ``analysis.reproduce`` (into temporary folders, never into the repository's
results/ or figures/) and leaves the charts and tables it promises; the committed notebooks carry no outputs.

The two seed-corpus runs are shared with tests/test_reproduce.py (``seed_runs``), which compares them byte for byte.
"""
from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import paths
from analysis.pipeline import CONTRACT_COLUMNS
from analysis.reproduce import notebook_paths, reproduce

pytestmark = pytest.mark.notebooks

NOTEBOOKS = ["01_corpus", "02_stance_tagging", "03_positions", "04_framing", "05_classroom"]
CHARTS = ["01_statements_per_article", "01_background_groups", "02_tagger_scores", "02_agreement",
          "02_attribution_accuracy", "03_stance_profile", "03_stance_profile_gold", "03_speaker_stance",
          "03_stance_timeline", "03_voice_holder", "04_voice_share", "04_quote_mode", "04_background_stances",
          "04_frames", "04_blame", "04_framing_cards", "05_classroom_agreement"]
TABLES = ["statements", "manifest", "01_corpus", "02_codebook", "02_coder_agreement", "02_cue_diagnostics",
          "04_background", "04_blame_cues", "04_headline_lead", "05_classroom_comparison"]


RUNS_STARTED: list[float] = []   # when seed_runs began (it runs once)


@functools.lru_cache(maxsize=1)
def seed_runs() -> tuple:
    """Reproduce the seed corpus twice into a temporary folder: the first run with the HTML export, the second
    without (only the CSV and SVG files are compared). Returns the two ``Outputs``."""
    root = Path(tempfile.mkdtemp(prefix="kuril-reproduce-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    RUNS_STARTED.append(time.time())
    runs = []
    for number, html in ((1, True), (2, False)):
        runs.append(reproduce(paths.ARTICLES, results=root / f"run{number}" / "results",
                              figures=root / f"run{number}" / "figures", build=root / f"run{number}" / "build",
                              html=html, log=lambda line: None))
    return tuple(runs)


@pytest.fixture(scope="module")
def run():
    return seed_runs()[0]


def test_every_notebook_is_found_in_order():
    assert [p.stem for p in notebook_paths()] == NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebook_has_no_outputs_and_a_parameters_cell(name):
    notebook = nbformat.read(paths.ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert code[0].metadata.get("tags") == ["parameters"]
    assert 'CORPUS = "data/articles"' in code[0].source and 'RESULTS = "results"' in code[0].source
    assert notebook.cells[0].cell_type == "markdown" and notebook.cells[0].source.startswith(f"# {int(name[:2])}. ")
    assert "What this shows / what it cannot show" in notebook.cells[-1].source
    assert not any("def " in c.source or "lambda" in c.source for c in code)  # no function defined in a notebook


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_executed_without_errors(run, name):
    executed = nbformat.read(run.notebooks / f"{name}.ipynb", as_version=4)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and str(run.results) in injected[0].source
    html = run.html / f"{name}.html"
    assert html.stat().st_size > 10_000 and b"<img" in html.read_bytes()


@pytest.mark.parametrize("name", CHARTS)
def test_chart_written_with_its_table(run, name):
    for path in (run.figures / f"{name}.png", run.figures / f"{name}.svg", run.results / f"{name}.csv"):
        assert path.stat().st_size > 0, path
    assert (run.figures / f"{name}.png").read_bytes().startswith(b"\x89PNG")
    assert len(pd.read_csv(run.results / f"{name}.csv")) > 0


@pytest.mark.parametrize("name", TABLES)
def test_result_table_written(run, name):
    table = pd.read_csv(run.results / f"{name}.csv", dtype=str, keep_default_na=False)
    assert len(table) > 0


def test_statements_csv_is_the_tagged_table(run):
    table = pd.read_csv(run.results / "statements.csv", dtype=str, keep_default_na=False)
    assert list(table.columns[:len(CONTRACT_COLUMNS)]) == CONTRACT_COLUMNS
    assert len(table) == 118
    assert table.loc[table["article_id"] == "003", "date"].unique().tolist() == [""]


def test_nothing_written_into_the_repository(run):
    # results/ and figures/ of the repository (from a `make reproduce` of the user's) are left untouched
    written = [p for folder in (paths.RESULTS, paths.FIGURES) if folder.exists() for p in folder.rglob("*")
               if p.is_file() and p.stat().st_mtime >= RUNS_STARTED[0]]
    assert written == []
    for name in NOTEBOOKS:  # the committed notebooks stay without outputs
        notebook = nbformat.read(paths.ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")


def test_notebooks_run_on_another_corpus(tmp_path):
    """Two articles without metadata: no gold, no dates, no reused background; every notebook still runs."""
    corpus = tmp_path / "two"
    corpus.mkdir()
    for article_id in ("000", "003"):
        shutil.copy(paths.ARTICLES / f"{article_id}.txt", corpus / f"{article_id}.txt")
    outputs = reproduce(corpus, results=tmp_path / "results", build=tmp_path / "build", html=False,
                        log=lambda line: None)
    assert outputs.figures == (tmp_path / "results" / "figures").resolve()
    assert (outputs.figures / "04_framing_cards.svg").stat().st_size > 0
    assert not (outputs.figures / "03_stance_profile_gold.svg").exists()  # no gold for this corpus
    corpus_table = pd.read_csv(outputs.results / "01_corpus.csv", dtype=str, keep_default_na=False)
    assert corpus_table[["article_id", "date", "background"]].values.tolist() == [["000", "undated", "0"],
                                                                                 ["003", "undated", "0"]]
