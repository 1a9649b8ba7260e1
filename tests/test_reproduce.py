"""``reproduce``: where outputs go, the manifest, clearing stale outputs, and two runs giving byte-identical
CSV and SVG files (the runs are the ones tests/test_notebooks.py executes, shared to keep the suite short)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from analysis import paths
from analysis.reproduce import BUILD, ReproduceError, output_dirs, reproduce

from test_notebooks import NOTEBOOKS, seed_runs  # the two runs of the seed corpus, executed once per session

# The cases of tests/bad_inputs/README.md this module checks.
DOCUMENTED_CASES = {"reproduce_own_files_only", "reproduce_failed_run", "reproduce_file_in_the_way",
                    "reproduce_foreign_manifest", "reproduce_old_manifest", "reproduce_protected_folders"}


@pytest.mark.notebooks
@pytest.mark.parametrize("pattern", ["*.csv", "*.svg", "*.png"])
def test_two_runs_are_byte_identical(pattern):
    first, second = seed_runs()
    folder = "results" if pattern == "*.csv" else "figures"
    one = sorted(p.name for p in getattr(first, folder).glob(pattern))
    two = sorted(p.name for p in getattr(second, folder).glob(pattern))
    assert one == two and len(one) >= 10
    different = [name for name in one
                 if (getattr(first, folder) / name).read_bytes() != (getattr(second, folder) / name).read_bytes()]
    assert different == []


@pytest.mark.notebooks
@pytest.mark.parametrize("edition", ["html", "student"])
def test_two_runs_write_byte_identical_pages(edition):
    """No date, run time, random id or absolute path of the run in a page (site.py)."""
    first, second = seed_runs()
    one = sorted(p.name for p in getattr(first, edition).glob("*.html"))
    assert one == sorted(p.name for p in getattr(second, edition).glob("*.html"))
    assert one == sorted([f"{name}.html" for name in NOTEBOOKS] + ["index.html"])
    assert "01_corpus.html" in one and "05_classroom.html" in one
    different = [name for name in one
                 if (getattr(first, edition) / name).read_bytes() != (getattr(second, edition) / name).read_bytes()]
    assert different == []


@pytest.mark.notebooks
def test_manifest_lists_every_output_with_its_hash():
    run = seed_runs()[0]
    manifest = pd.read_csv(run.results / "manifest.csv", dtype=str, keep_default_na=False)
    listed = set(zip(manifest["folder"], manifest["file"]))
    on_disk = {("results", p.name) for p in run.results.iterdir() if p.is_file() and p.name != "manifest.csv"}
    on_disk |= {("figures", p.name) for p in run.figures.iterdir() if p.is_file()}
    assert listed == on_disk and set(manifest["written_by"]) == {"kuril-stance reproduce"}
    build = pd.read_csv(run.build / "manifest.csv", dtype=str, keep_default_na=False)
    built = {("notebooks", p.name) for p in run.notebooks.iterdir() if p.is_file()}
    built |= {("html", p.name) for p in run.html.iterdir() if p.is_file()}
    built |= {("student", p.name) for p in run.student.iterdir() if p.is_file()}
    # the executed notebooks, and in each edition their pages and an index (6 notebooks: 20 files)
    assert set(zip(build["folder"], build["file"])) == built and len(built) == 3 * len(NOTEBOOKS) + 2 == 20
    row = manifest[manifest["file"] == "statements.csv"].iloc[0]
    assert row["sha256"] == hashlib.sha256((run.results / "statements.csv").read_bytes()).hexdigest()
    assert manifest[["folder", "file"]].values.tolist() == sorted(manifest[["folder", "file"]].values.tolist())


def test_output_dirs_follow_the_corpus():
    seed = output_dirs(paths.ARTICLES)
    assert (seed.results, seed.figures, seed.build) == (paths.RESULTS, paths.FIGURES, BUILD)
    assert output_dirs("data/articles").results == paths.RESULTS  # relative to the repository root
    other = output_dirs(paths.DATA / "annotations" / "challenge.csv")
    assert (other.results, other.figures, other.build) == (paths.RESULTS / "challenge", paths.FIGURES / "challenge",
                                                           BUILD / "challenge")
    assert other.notebooks == BUILD / "challenge" / "notebooks" and other.html == BUILD / "challenge" / "html"
    assert other.student == BUILD / "challenge" / "html" / "student"


def test_output_dirs_with_results_given(tmp_path):
    given = output_dirs(paths.ARTICLES, results=tmp_path / "out")
    assert (given.results, given.figures) == (tmp_path / "out", tmp_path / "out" / "figures")
    both = output_dirs(paths.ARTICLES, results=tmp_path / "r", figures=tmp_path / "f", build=tmp_path / "b")
    assert (both.results, both.figures, both.build) == (tmp_path / "r", tmp_path / "f", tmp_path / "b")


def tiny_notebook(folder: Path, name: str, body: str) -> Path:
    """A notebook of two cells that runs ``body`` after the parameters: the whole reproduce path (tagging,
    papermill, staging, manifest) in a few seconds."""
    import nbformat

    parameters = nbformat.v4.new_code_cell("\n".join(f"{name} = ''" for name in
        ("CORPUS", "RESULTS", "FIGURES", "CODEBOOK", "ACTORS", "CHROME_RULES")))
    parameters.metadata["tags"] = ["parameters"]
    book = nbformat.v4.new_notebook(cells=[parameters, nbformat.v4.new_code_cell("from pathlib import Path\n" + body)])
    book.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    path = folder / f"{name}.ipynb"
    nbformat.write(book, path)
    return path


@pytest.fixture
def tiny(tmp_path, write_corpus):
    """(corpus, run): ``run(kind)`` reproduces a one-article corpus with a notebook that writes
    ``chart_<kind>.csv`` and ``chart_<kind>.svg``, or fails if kind is "fail"."""
    corpus = write_corpus({"a.txt": "Lavrov rules out talks\n\nRussia will never give up the islands, Lavrov said.\n"})
    books = tmp_path / "notebooks"
    books.mkdir()

    def run(kind: str = "one", **options):
        body = ("raise RuntimeError('a broken chart')" if kind == "fail" else
                f"(Path(RESULTS) / 'chart_{kind}.csv').write_text('x,1'); "
                f"(Path(FIGURES) / 'chart_{kind}.svg').write_text('<svg/>')")
        notebook = tiny_notebook(books, f"01_{kind}", body)
        options = {"results": tmp_path / "out", "build": tmp_path / "build", "html": False, **options}
        return reproduce(corpus, notebooks=[notebook], log=lambda line: None, **options)

    return corpus, run


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_run_deletes_only_its_own_unchanged_files(tmp_path, tiny):
    _, run = tiny
    first = run("one")
    assert listing(first.results) == ["chart_one.csv", "figures/chart_one.svg", "manifest.csv", "statements.csv",
                                      "statements.csv.source.json"]
    (first.results / "notes.txt").write_text("a teacher's file, not ours")
    (first.figures / "chart_one.svg").write_text("<svg>edited by hand</svg>")
    run("two")   # chart_one is no longer drawn: its table goes, the edited figure and the notes stay
    assert listing(first.results) == ["chart_two.csv", "figures/chart_one.svg", "figures/chart_two.svg",
                                      "manifest.csv", "notes.txt", "statements.csv", "statements.csv.source.json"]
    assert (first.figures / "chart_one.svg").read_text() == "<svg>edited by hand</svg>"
    run("two")
    run("two")   # the teacher's file survives any number of runs
    assert (first.results / "notes.txt").read_text() == "a teacher's file, not ours"
    assert not [p for p in tmp_path.rglob(".kuril-stance-run-*")]


def test_notebooks_are_given_the_table_and_read_it(tmp_path, tiny):
    """reproduce tags once, records what the table was made from beside it (listed in the manifest like any
    output) and passes the staged table as STATEMENTS: a notebook reads it instead of tagging again."""
    corpus, _ = tiny
    body = ("from analysis.pipeline import tagged_table\n"
            "statements, summary = tagged_table(CORPUS, table=STATEMENTS)\n"
            "(Path(RESULTS) / 'line.csv').write_text(summary.line())")
    notebook = tiny_notebook(tmp_path, "01_read", body)
    outputs = reproduce(corpus, notebooks=[notebook], results=tmp_path / "out", build=tmp_path / "build",
                        html=False, log=lambda line: None)
    line = (outputs.results / "line.csv").read_text()
    assert line.startswith("1 articles, 2 statements, ") and "; read from " in line
    assert ".kuril-stance-run-" in line and line.endswith("/statements.csv")   # the staged table
    manifest = pd.read_csv(outputs.results / "manifest.csv", dtype=str, keep_default_na=False)
    row = manifest[manifest["file"] == "statements.csv.source.json"].iloc[0]
    record = outputs.results / "statements.csv.source.json"
    assert row["sha256"] == hashlib.sha256(record.read_bytes()).hexdigest()
    executed = (outputs.notebooks / "01_read.ipynb").read_text()
    assert str(outputs.results / "statements.csv") in executed and ".kuril-stance-run-" not in executed


def test_a_failed_run_leaves_the_previous_results(tmp_path, tiny):
    _, run = tiny
    first = run("one")
    before = {p: p.read_bytes() for p in first.results.rglob("*") if p.is_file()}
    with pytest.raises(ReproduceError) as raised:
        run("fail")
    assert "01_fail.ipynb: cell 3 failed with RuntimeError: a broken chart" in str(raised.value)
    failed = tmp_path / "build" / "notebooks" / "01_fail.failed.ipynb"
    assert str(failed) in str(raised.value) and failed.exists()
    assert ".kuril-stance-run-" not in failed.read_text()
    assert {p: p.read_bytes() for p in first.results.rglob("*") if p.is_file()} == before
    assert not [p for p in tmp_path.rglob(".kuril-stance-run-*")]


def test_a_file_in_the_way_stops_the_run_before_any_change(tmp_path, tiny):
    _, run = tiny
    out = tmp_path / "out"
    out.mkdir()
    (out / "chart_one.csv").write_text("my own table")
    with pytest.raises(ReproduceError, match=r"chart_one\.csv: not written by an earlier run of reproduce"):
        run("one")
    assert listing(out) == ["chart_one.csv"] and (out / "chart_one.csv").read_text() == "my own table"


def test_a_manifest_of_another_program_is_not_trusted(tmp_path, tiny):
    _, run = tiny
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.csv").write_text("item,price\nbook,3\n")
    with pytest.raises(ReproduceError, match=r"manifest\.csv: is not a manifest written by reproduce"):
        run("one")
    assert listing(out) == ["manifest.csv"]


def test_an_old_manifest_never_deletes(tmp_path, tiny):
    """Manifests before this version listed every file in the folder, a user's too: trusted for nothing."""
    _, run = tiny
    first = run("one")
    (first.results / "notes.txt").write_text("listed by an old manifest")
    manifest = first.results / "manifest.csv"
    table = pd.read_csv(manifest, dtype=str, keep_default_na=False).drop(columns="written_by")
    table.loc[len(table)] = ["results", "notes.txt", "25", hashlib.sha256(b"listed by an old manifest").hexdigest()]
    table.to_csv(manifest, index=False)
    run("two")
    assert (first.results / "notes.txt").exists() and (first.results / "chart_one.csv").exists()


@pytest.mark.parametrize("results", [".", "data", "data/articles", "corpus", "corpus/out", "above"])
def test_folders_that_hold_what_the_user_owns_are_refused(tmp_path, tiny, results, monkeypatch):
    corpus, run = tiny
    monkeypatch.chdir(paths.ROOT)
    where = {"corpus": corpus, "corpus/out": corpus / "out", "above": corpus.parent}.get(results, results)
    before = listing(corpus)
    with pytest.raises(ReproduceError, match="cannot be the results folder: it is (?:or contains|inside)"):
        run("one", results=where)
    assert listing(corpus) == before and not (corpus.parent / "out").exists()


def test_the_repository_is_untouched_by_a_refused_run(tiny, monkeypatch):
    _, run = tiny
    monkeypatch.chdir(paths.ROOT)
    data = sorted(p.name for p in paths.DATA.iterdir())
    with pytest.raises(ReproduceError):
        run("one", results=paths.DATA)
    assert sorted(p.name for p in paths.DATA.iterdir()) == data


def test_one_run_at_a_time_per_results_folder(tmp_path, tiny):
    from analysis import output_files

    _, run = tiny
    (tmp_path / "out").mkdir()
    with output_files.lock(tmp_path / "out" / "manifest.csv"):
        with pytest.raises(OSError, match="another run is writing"):
            run("one")


def test_reproduce_refuses_a_missing_corpus(tmp_path):
    from analysis.reproduce import reproduce

    with pytest.raises(FileNotFoundError, match="no such corpus"):
        reproduce(tmp_path / "nowhere", results=tmp_path / "r", build=tmp_path / "b", log=lambda line: None)


@pytest.mark.notebooks
@pytest.mark.parametrize("name", ["03_stance_profile", "03_voice_holder", "04_framing_cards"])
def test_readme_charts_are_the_current_ones(name):
    """docs/img holds the charts the README shows; they must be what `make reproduce` draws today
    (after a change that moves them: cp figures/NAME.png docs/img/)."""
    first, _ = seed_runs()
    assert (paths.ROOT / "docs" / "img" / f"{name}.png").read_bytes() == (first.figures / f"{name}.png").read_bytes()
