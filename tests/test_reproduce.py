"""``reproduce``: where outputs go, the manifest, clearing stale outputs, and two runs giving byte-identical
CSV and SVG files (the runs are the ones tests/test_notebooks.py executes, shared to keep the suite short)."""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from analysis import paths
from analysis.reproduce import BUILD, output_dirs, write_manifest

from test_notebooks import seed_runs  # the two runs of the seed corpus, executed once per session


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
def test_manifest_lists_every_output_with_its_hash():
    run = seed_runs()[0]
    manifest = pd.read_csv(run.results / "manifest.csv", dtype=str, keep_default_na=False)
    listed = set(zip(manifest["folder"], manifest["file"]))
    on_disk = {("results", p.name) for p in run.results.iterdir() if p.is_file() and p.name != "manifest.csv"}
    on_disk |= {("figures", p.name) for p in run.figures.iterdir() if p.is_file()}
    assert listed == on_disk
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


def test_output_dirs_with_results_given(tmp_path):
    given = output_dirs(paths.ARTICLES, results=tmp_path / "out")
    assert (given.results, given.figures) == (tmp_path / "out", tmp_path / "out" / "figures")
    both = output_dirs(paths.ARTICLES, results=tmp_path / "r", figures=tmp_path / "f", build=tmp_path / "b")
    assert (both.results, both.figures, both.build) == (tmp_path / "r", tmp_path / "f", tmp_path / "b")


def test_stale_outputs_listed_in_the_manifest_are_removed(tmp_path):
    from analysis.reproduce import _clear_previous

    outputs = output_dirs(paths.ARTICLES, results=tmp_path / "results", figures=tmp_path / "figures",
                          build=tmp_path / "build")
    outputs.results.mkdir(parents=True)
    outputs.figures.mkdir(parents=True)
    (outputs.results / "old_chart.csv").write_text("a\n1\n")
    (outputs.figures / "old_chart.svg").write_text("<svg/>")
    write_manifest(outputs)
    (outputs.results / "notes.txt").write_text("a teacher's file, not ours")
    _clear_previous(outputs)
    assert sorted(p.name for p in outputs.results.iterdir()) == ["notes.txt"]
    assert list(outputs.figures.iterdir()) == []


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
