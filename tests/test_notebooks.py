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

NOTEBOOKS = ["01_corpus", "02_stance_tagging", "03_positions", "04_framing", "05_classroom", "06_your_sample"]
CHARTS = ["01_statements_per_article", "01_background_groups", "02_tagger_scores", "02_agreement",
          "02_attribution_accuracy", "03_stance_profile", "03_stance_profile_gold", "03_speaker_stance",
          "03_stance_timeline", "03_voice_holder", "04_voice_share", "04_quote_mode", "04_background_stances",
          "04_frames", "04_blame", "04_framing_cards", "05_class_agreement", "05_students_vs_gold",
          "06_agreement", "06_retraining_scores", "06_stance_profile", "06_speaker_stance", "06_stance_timeline",
          "06_voice_holder"]
TABLES = ["statements", "manifest", "01_corpus", "02_codebook", "02_coder_agreement", "02_cue_diagnostics",
          "04_background", "04_blame_cues", "04_headline_lead", "05_pairwise_kappa", "05_hardest_statements",
          "05_adjudication_template", "05_adjudication_reasons", "06_sample_strata", "06_pairwise_kappa",
          "06_adjudication_template", "06_codes", "06_retraining_predictions", "06_keyness", "06_stance_change"]
# 05_coding_problems and 06_coding_problems: empty for the shipped examples


RUNS_STARTED: list[float] = []   # when seed_runs began (it runs once)


@functools.lru_cache(maxsize=1)
def seed_runs() -> tuple:
    """Reproduce the seed corpus twice into a temporary folder, both with the pages (tests/test_reproduce.py
    compares the two byte for byte; tests/test_site.py reads the first's). Returns the two ``Outputs``."""
    root = Path(tempfile.mkdtemp(prefix="kuril-reproduce-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    RUNS_STARTED.append(time.time())
    runs = []
    for number in (1, 2):
        runs.append(reproduce(paths.ARTICLES, results=root / f"run{number}" / "results",
                              figures=root / f"run{number}" / "figures", build=root / f"run{number}" / "build",
                              html=True, log=lambda line: None))
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
    closing = [c for c in notebook.cells[-3:] if c.cell_type == "markdown" and "What this shows / what it cannot show" in c.source]
    assert closing and notebook.cells[-1].cell_type == "markdown"
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
    """Two seed articles without metadata: no dates, no reused background; every notebook still runs."""
    corpus = tmp_path / "two"
    corpus.mkdir()
    for article_id in ("000", "003"):
        shutil.copy(paths.ARTICLES / f"{article_id}.txt", corpus / f"{article_id}.txt")
    outputs = reproduce(corpus, results=tmp_path / "results", build=tmp_path / "build", html=False,
                        log=lambda line: None)
    assert outputs.figures == (tmp_path / "results" / "figures").resolve()
    assert (outputs.figures / "04_framing_cards.svg").stat().st_size > 0
    # The gold codes these two seed articles' statements (same ids and texts): its chart covers them all.
    assert (outputs.figures / "03_stance_profile_gold.svg").exists()
    assert "The gold covers all 42 statements of this corpus." in printed(outputs.notebooks / "03_positions.ipynb")
    corpus_table = pd.read_csv(outputs.results / "01_corpus.csv", dtype=str, keep_default_na=False)
    assert corpus_table[["article_id", "date", "background"]].values.tolist() == [["000", "undated", "0"],
                                                                                 ["003", "undated", "0"]]


# ------------------------------------------------- the notebooks read the table reproduce tagged once

SUMMARY_NOTEBOOKS = ["01_corpus", "03_positions", "04_framing", "06_your_sample"]   # those that print the summary line


def printed(executed: Path) -> str:
    notebook = nbformat.read(executed, as_version=4)
    return "".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs
                   if o.output_type == "stream")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_notebook_reads_the_table_reproduce_wrote(run, name):
    table = run.results / "statements.csv"
    assert (run.results / "statements.csv.source.json").is_file()
    executed = nbformat.read(run.notebooks / f"{name}.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])][0]
    assert f'STATEMENTS = "{table}"' in injected.source
    if name in SUMMARY_NOTEBOOKS:   # the same counts as the tagging run's line, and where they were read from
        assert ("5 articles, 118 statements, 31 with a stance (sovereignty_non_negotiable 11, treaty_first 11, "
                "territory_first 8, sanctions_obstacle 3); 0 skipped; ") in printed(run.notebooks / f"{name}.ipynb")
        assert f"; read from {table}\n" in printed(run.notebooks / f"{name}.ipynb")
    assert "tagged here" not in printed(run.notebooks / f"{name}.ipynb")


def run_alone(tmp_path: Path, name: str, **parameters) -> tuple[Path, str]:
    """Execute notebook ``name`` alone (as a student would, without reproduce) into ``tmp_path``; returns its
    results folder and what it printed."""
    from analysis.reproduce import run_notebook

    results = tmp_path / "results"
    executed = run_notebook(paths.ROOT / "notebooks" / f"{name}.ipynb", tmp_path / f"{name}.ipynb",
                            {"RESULTS": str(results), "FIGURES": str(tmp_path / "figures"), **parameters})
    return results, printed(executed)


def test_a_notebook_run_alone_tags_the_corpus(run, tmp_path):
    results, output = run_alone(tmp_path, "01_corpus")
    assert "5 articles, 118 statements, 31 with a stance" in output
    assert "read from" not in output and "tagged here" not in output
    assert (results / "01_corpus.csv").read_bytes() == (run.results / "01_corpus.csv").read_bytes()


def test_a_notebook_reads_a_current_table_and_tags_again_when_it_is_stale(tmp_path):
    """A table tagged here with its record, then three statements of article 000 removed and the record updated
    to the new table's hash (as if it had been tagged so): the notebook's tables show the table's content, so it
    was read, not tagged. With a codebook that differs by one comment, the table is stale: tagged again.
    (The table is made here, not taken from the seed runs: a change of the package since then makes it stale.)"""
    import hashlib
    import json

    from analysis.pipeline import read_statements, source_path, tag_corpus_to_recorded, write_table

    table = tmp_path / "table" / "statements.csv"
    tag_corpus_to_recorded(paths.ARTICLES, table)
    statements = read_statements(table)
    tagged = statements.groupby("article_id").size().astype(str)
    write_table(statements[~((statements["article_id"] == "000") & (statements["sent_idx"] >= 20))], table)
    record = json.loads(source_path(table).read_text(encoding="utf-8"))
    record["table"].update(bytes=table.stat().st_size, sha256=hashlib.sha256(table.read_bytes()).hexdigest())
    source_path(table).write_text(json.dumps(record), encoding="utf-8")

    results, output = run_alone(tmp_path / "current", "01_corpus", STATEMENTS=str(table))
    assert f"; read from {table}" in output and f"{len(statements) - 3} statements, " in output
    counts = pd.read_csv(results / "01_corpus.csv", dtype=str).set_index("article_id")["statements"]
    assert counts["000"] == "20" and int(tagged["000"]) > 20 and counts.drop("000").equals(tagged.drop("000"))

    codebook = tmp_path / "codebook.yaml"
    codebook.write_text(paths.CODEBOOK.read_text(encoding="utf-8") + "\n# a teacher's note\n", encoding="utf-8")
    results, output = run_alone(tmp_path / "stale", "01_corpus", STATEMENTS=str(table), CODEBOOK=str(codebook))
    assert "; tagged here: the codebook changed since it was tagged" in output
    assert f"{len(statements)} statements, " in output
    counts = pd.read_csv(results / "01_corpus.csv", dtype=str).set_index("article_id")["statements"]
    assert counts.equals(tagged)


def executed_text(executed: Path) -> str:
    """Everything an executed notebook shows: streams, and the Markdown or plain text of its results."""
    notebook = nbformat.read(executed, as_version=4)
    return "\n".join(o.get("text", "") + o.get("data", {}).get("text/markdown", o.get("data", {}).get("text/plain", ""))
                      for c in notebook.cells if c.cell_type == "code" for o in c.outputs)


def test_classroom_pages_hide_the_answers_until_the_teacher_publishes_them(tmp_path):
    """The example class with ``publish_answers: false`` (given to reproduce as CODING): the page shows how far
    the students agree with each other, and neither the gold, nor each student against it, nor the
    adjudication's reasons. The example research sample without its adjudication goes to notebook 06 as CODES."""
    folder = tmp_path / "class"
    shutil.copytree(paths.ROOT / "notebooks" / "coding" / "example_class", folder)
    (folder / "class.yaml").write_text("publish_answers: false\n", encoding="utf-8")
    sample = tmp_path / "sample"
    shutil.copytree(paths.ROOT / "notebooks" / "coding" / "example_research", sample)
    (sample / "adjudication.csv").unlink()
    run = reproduce(paths.ARTICLES, results=tmp_path / "results", html=False, coding=folder, codes=sample,
                    notebooks=[paths.ROOT / "notebooks" / f"{name}.ipynb" for name in ("05_classroom", "06_your_sample")],
                    log=lambda line: None)
    shown = executed_text(run.notebooks / "05_classroom.ipynb")
    assert shown.count("The answers are not published yet (class.yaml: publish_answers: false).") == 2
    results = run.results
    assert not (results / "05_students_vs_gold.csv").exists() and not (results / "05_adjudication_reasons.csv").exists()
    agreement = pd.read_csv(results / "05_class_agreement.csv")
    assert set(agreement["coders"]) == {"coders"}                     # the gold is not one more coder
    kappa = pd.read_csv(results / "05_pairwise_kappa.csv")
    assert "gold" not in set(kappa["coder_a"]) | set(kappa["coder_b"])
    reason = pd.read_csv(folder / "adjudication.csv")["reason"].iloc[0]
    assert reason[:40] not in shown and reason[:40] not in (run.notebooks / "05_classroom.ipynb").read_text(encoding="utf-8")
    # the coding form opened on the blank worksheet (a widget, not an error line)
    assert "The coding form cannot open" not in shown and "VBox(" in shown
    # notebook 06 read the sample it was given: without adjudication, the one stance tie (004/6) is left out
    assert ("9 disagreement(s); 0 decided in (no adjudication.csv yet); 39 of 40 statements have decided "
            "stances and train the classifier") in executed_text(run.notebooks / "06_your_sample.ipynb")


def test_your_sample_notebook_states_what_its_tables_hold(run):
    """Notebook 06 on the seed corpus and the shipped example: every number of its prose comes from its tables."""
    shown = executed_text(run.notebooks / "06_your_sample.ipynb")
    strata = pd.read_csv(run.results / "06_sample_strata.csv")
    assert strata[["outlet", "tagged", "corpus", "sample"]].values.tolist() == [
        ["TASS", "none", 77, 24], ["TASS", "stance", 22, 8], ["unknown", "none", 10, 4], ["unknown", "stance", 9, 4]]
    assert ("The coders' sheets hold 40 statements; 40 of them are statements of this corpus (34% of its 118). "
            "The tagged table holds a stance in 26% of the corpus and in 30% of the sample.") in shown
    assert "2 coders: example_coder_a, example_coder_b; 80 coded rows of 40 statements; 0 cell(s)" in shown
    assert "9 disagreement(s); 9 decided in adjudication.csv; 40 of 40 statements have decided stances" in shown
    scores = pd.read_csv(run.results / "06_retraining_scores.csv").set_index("stance")
    macro = scores.loc["macro"]
    assert f"On the {int(macro['support'])} stance labels of the codes, macro-F1" in shown
    assert "**About the seed corpus only**" in shown
    # the charts of notebook 3 redrawn with the retrained classifier, its scores in the source note
    svg = (run.figures / "06_stance_profile.svg").read_text(encoding="utf-8")
    assert f"coded by example_coder_a and example_coder_b: macro-F1 on them {macro['f1_before']:.2f} before" in svg
    change = pd.read_csv(run.results / "06_stance_change.csv")
    assert change.set_index("stance")["before"].to_dict() == {    # the tagged table's counts, as in notebook 3
        "sovereignty_non_negotiable": 11, "treaty_first": 11, "territory_first": 8, "sanctions_obstacle": 3}
