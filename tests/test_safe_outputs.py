"""Nothing a user owns is lost: ``tag`` writes whole files or nothing, never over an input, one run at a time,
and every statement the corpus was split into reaches the table (tests/bad_inputs/README.md, "Outputs").

The kill test interrupts real runs of ``python -m analysis tag`` with SIGINT, SIGTERM and SIGKILL at seeded
random moments and checks that the output is the previous file or the complete new one, never a part.
"""
from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import output_files, paths
from analysis.output_files import OutputError
from analysis.pipeline import (DEFAULT_TAGGER, DataFiles, StatementCountError, read_statements, tag_corpus,
                               tag_corpus_to, write_table)

GOOD = "Lavrov rules out talks\n\nRussia will never give up the islands, Lavrov said.\n"
DOCUMENTED_CASES = {"out_is_the_input_csv", "out_is_the_sibling_metadata", "out_inside_the_corpus_folder",
                    "out_is_a_txt_file", "out_is_the_codebook", "chunk_over_one_row_group",
                    "statement_count_invariant", "interrupted_write", "disk_full_output", "disk_full_temporary",
                    "two_runs_one_output", "formula_like_cells", "kill_at_random_points"}


def run_tag(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "tag", *map(str, args), "--quiet"], cwd=cwd,
                          capture_output=True, text=True, env=env)


def seed_jsonl(path: Path, copies: int) -> Path:
    """The seed articles ``copies`` times over, as one JSON Lines export (ids s00000 ...)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(paths.ARTICLES.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as handle:
        for number in range(copies):
            handle.write(json.dumps({"id": f"s{number:05d}", "outlet": "TASS",
                                     "text": texts[number % len(texts)]}) + "\n")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial-" in p.name or p.name.endswith(".lock"))


# ------------------------------------------------------------------------------ outputs that are inputs

@pytest.mark.parametrize("case", ["out_is_the_input_csv", "out_is_the_sibling_metadata",
                                  "out_inside_the_corpus_folder", "out_is_a_txt_file", "out_is_the_codebook"])
def test_an_output_that_would_replace_an_input_is_refused(tmp_path, case):
    same = tmp_path / "same"
    same.mkdir()
    (same / "news.csv").write_text("id,text\na,\"Moscow will never give up the islands, Lavrov said.\"\n",
                                   encoding="utf-8")
    sib = tmp_path / "sib"
    (sib / "articles").mkdir(parents=True)
    (sib / "articles" / "000.txt").write_text(GOOD, encoding="utf-8")
    (sib / "articles.csv").write_text("id,outlet\n000,TASS\n", encoding="utf-8")
    codebook = tmp_path / "codebook_copy.csv"   # a codebook is YAML whatever its name; this one looks like an output
    codebook.write_bytes(paths.CODEBOOK.read_bytes())
    corpus, out, extra = {
        "out_is_the_input_csv": (same / "news.csv", same / "news.csv", []),
        "out_is_the_sibling_metadata": (sib / "articles", sib / "articles.csv", []),
        "out_inside_the_corpus_folder": (sib / "articles", sib / "articles" / "000.csv", []),
        "out_is_a_txt_file": (sib / "articles", sib / "articles" / "000.txt", []),
        "out_is_the_codebook": (sib / "articles", codebook, ["--codebook", codebook]),
    }[case]
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = run_tag(corpus, "--out", out, *extra)
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {out}") and "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before


def test_refusals_say_why():
    corpus = paths.ARTICLES
    with pytest.raises(OutputError, match="is an input of this run"):
        tag_corpus_to(corpus, paths.DATA / "articles.csv")
    with pytest.raises(OutputError, match="is inside the corpus folder"):
        tag_corpus_to(corpus, corpus / "out.csv")
    with pytest.raises(OutputError, match=r"unknown output format '\.txt'; use \.csv or \.parquet"):
        tag_corpus_to(corpus, corpus.parent / "out.txt")


# ----------------------------------------------------------------------------------- every statement

def test_a_chunk_over_several_parquet_row_groups_loses_no_statement(monkeypatch, tmp_path):
    """pyarrow splits a chunk of over 2^20 rows into several row groups; reading one row group per chunk
    once dropped every statement past the first group. Row groups of 7 rows make the same split here."""
    import pyarrow.parquet as pq

    expected, expected_summary = tag_corpus(paths.ARTICLES)
    write = pq.ParquetWriter.write_table
    monkeypatch.setattr(pq.ParquetWriter, "write_table",
                        lambda self, table, row_group_size=None: write(self, table, row_group_size=7))
    table, summary = tag_corpus(paths.ARTICLES)
    assert summary.statements == expected_summary.statements == len(expected) == 118
    pd.testing.assert_frame_equal(table, expected)


def test_a_lost_statement_stops_the_run_and_writes_nothing(monkeypatch, tmp_path):
    import analysis.pipeline as pipeline

    out = tmp_path / "statements.csv"
    out.write_text("the previous table\n", encoding="utf-8")
    tag_part = pipeline._tag_part

    def losing_one(statements, *args):
        return tag_part(statements.iloc[:-1], *args)

    monkeypatch.setattr(pipeline, "_tag_part", losing_one)
    with pytest.raises(StatementCountError) as raised:
        tag_corpus_to(paths.ARTICLES, out, chunk_articles=2)
    message = str(raised.value)
    assert "118 split, 115 tagged" in message and "'001': split 15, tagged 14" in message and "nothing was written" in message
    assert out.read_text(encoding="utf-8") == "the previous table\n"
    assert leftovers(tmp_path) == []


def test_the_command_reports_a_lost_statement_in_one_line(monkeypatch, tmp_path, capsys):
    import analysis.pipeline as pipeline
    from analysis.cli import main

    tag_part = pipeline._tag_part
    monkeypatch.setattr(pipeline, "_tag_part", lambda statements, *args: tag_part(statements.iloc[1:], *args))
    assert main(["tag", str(paths.ARTICLES), "--out", str(tmp_path / "s.csv"), "--quiet"]) == 3
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("error: ") and "the tagged table does not hold the statements" in line
    assert not (tmp_path / "s.csv").exists()


# ---------------------------------------------------------------------------------- whole files only

def test_an_error_midway_leaves_the_previous_output(monkeypatch, tmp_path):
    import analysis.pipeline as pipeline

    out = tmp_path / "statements.parquet"
    tag_corpus_to(paths.ARTICLES, out)
    previous = out.read_bytes()
    calls = []
    tag_part = pipeline._tag_part

    def failing_second(*args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return tag_part(*args)

    monkeypatch.setattr(pipeline, "_tag_part", failing_second)
    with pytest.raises(KeyboardInterrupt):
        tag_corpus_to(paths.ARTICLES, out, chunk_articles=1)
    assert out.read_bytes() == previous and leftovers(tmp_path) == []


def test_a_full_disk_names_the_output_and_keeps_the_previous_file(monkeypatch, tmp_path):
    from analysis import tables

    out = tmp_path / "statements.csv"
    out.write_text("the previous table\n", encoding="utf-8")

    append = tables.ChunkWriter.append

    def full(self, table):   # the statements waiting in the temporary folder are Parquet; the output is CSV
        if not self.parquet:
            raise OSError(errno.ENOSPC, "No space left on device")
        append(self, table)

    monkeypatch.setattr(tables.ChunkWriter, "append", full)
    with pytest.raises(OutputError) as raised:
        tag_corpus_to(paths.ARTICLES, out)
    assert str(raised.value) == f"{out}: cannot write: the disk is full; the previous file, if any, is unchanged"
    assert out.read_text(encoding="utf-8") == "the previous table\n" and leftovers(tmp_path) == []


def test_a_full_temporary_folder_names_it(monkeypatch, tmp_path):
    from analysis import statements

    class FullDisk(statements.ChunkWriter):
        def append(self, table):
            raise OSError(errno.ENOSPC, "Error writing bytes to file")

    monkeypatch.setattr(statements, "ChunkWriter", FullDisk)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    with pytest.raises(OSError) as raised:
        tag_corpus(paths.ARTICLES)
    message = str(raised.value)
    assert message.startswith(str(tmp_path / "kuril-stance-")) and "statements.parquet: cannot write" in message
    assert "set TMPDIR to a folder with more free space" in message
    assert list(tmp_path.iterdir()) == []


def test_a_second_run_on_the_same_output_stops_at_once(tmp_path):
    out = tmp_path / "statements.csv"
    with output_files.lock(out):
        result = run_tag(paths.ARTICLES, "--out", out)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line == (f"error: {out}: another run is writing this file right now (lock {tmp_path}/.statements.csv.lock); "
                    "wait for it, or choose another output")
    assert not out.exists()


def test_two_runs_started_together_leave_one_whole_table(tmp_path):
    corpus = seed_jsonl(tmp_path / "news.jsonl", 1500)
    out = tmp_path / "statements.csv"
    command = [sys.executable, "-m", "analysis", "tag", str(corpus), "--out", str(out), "--quiet"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(), run.stderr.read()) for run in runs]
    assert sorted(code for code, _ in results) == [0, 2]
    assert any("another run is writing this file" in err for _, err in results)
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table["article_id"].nunique() == 1500 and leftovers(tmp_path) == []


# ---------------------------------------------------------------------------------------- spreadsheets

def test_cells_a_spreadsheet_would_run_are_escaped_and_read_back(tmp_path, write_corpus):
    folder = write_corpus({"a.txt": "Lavrov rules out talks\n\n=HYPERLINK(\"http://x\",\"islands\") said Lavrov.\n\n"
                                    "-2+3 is what Tokyo offered, the paper said.\n\n"
                                    "- Is this news to you?\n\n+Japan protests, Kyodo reported.\n"})
    out = tmp_path / "out.csv"
    tag_corpus_to(folder, out)
    raw = pd.read_csv(out, dtype=str, keep_default_na=False)["text"].tolist()
    assert raw[1:] == ["'=HYPERLINK(\"http://x\",\"islands\") said Lavrov.", "'-2+3 is what Tokyo offered, the paper said.",
                       "- Is this news to you?", "'+Japan protests, Kyodo reported."]
    assert read_statements(out)["text"].tolist()[1:] == [
        "=HYPERLINK(\"http://x\",\"islands\") said Lavrov.", "-2+3 is what Tokyo offered, the paper said.",
        "- Is this news to you?", "+Japan protests, Kyodo reported."]


def test_spreadsheet_escape_round_trips():
    table = pd.DataFrame({"text": ["=1+1", "'quoted", "''twice", "-x", "- dash", "plain", "@SUM(A1)", "\tTab", ""],
                          "n": range(9)})
    safe = output_files.spreadsheet_safe(table)
    assert safe["text"].tolist() == ["'=1+1", "''quoted", "'''twice", "'-x", "- dash", "plain", "'@SUM(A1)",
                                     "'\tTab", ""]
    pd.testing.assert_frame_equal(output_files.undo_spreadsheet_safe(safe), table)


def test_written_table_reads_back_equal(tmp_path):
    table, _ = tag_corpus(paths.ARTICLES)
    write_table(table, tmp_path / "s.csv")
    back = read_statements(tmp_path / "s.csv")
    assert back["text"].tolist() == table["text"].tolist() and back["sent_idx"].tolist() == table["sent_idx"].tolist()


# ------------------------------------------------------------------------------------------ user data

def test_a_users_codebook_actors_and_chrome_rules_are_used(tmp_path, write_corpus):
    folder = write_corpus({"a.txt": "Lavrov rules out talks\n\nNot for us\n\nMoscow will never give up the islands, "
                                    "Lavrov said.\n"})
    rules = tmp_path / "rules.csv"
    rules.write_text(paths.CHROME_RULES.read_text(encoding="utf-8") + "line,Not for us,a test line\n", encoding="utf-8")
    with_rules, _ = tag_corpus(folder, data=DataFiles.given(chrome_rules=rules))
    shipped, _ = tag_corpus(folder)
    assert "Not for us" in shipped["text"].tolist() and "Not for us" not in with_rules["text"].tolist()
    bad = tmp_path / "codebook.yaml"
    bad.write_text("stances: 5\n", encoding="utf-8")
    result = run_tag(folder, "--out", tmp_path / "o.csv", "--codebook", bad)
    assert result.returncode == 2 and result.stderr.startswith(f"error: {bad}")


# ------------------------------------------------------------------------------------------- kill test

@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_killed_at_random_points_the_output_is_the_old_or_the_whole_new(tmp_path, signum):
    corpus = seed_jsonl(tmp_path / "news.jsonl", 1500)
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    out = tmp_path / "statements.csv"
    previous = b"article_id,text\nold,the previous table\n"
    complete = tmp_path / "complete.csv"
    assert run_tag(corpus, "--out", complete, env=env).returncode == 0
    expected = complete.read_bytes()
    # Timed on a second run: the first may fit the classifier, which the runs below find stored.
    complete.unlink()
    began = time.perf_counter()
    assert run_tag(corpus, "--out", complete, env=env).returncode == 0
    duration = time.perf_counter() - began
    assert complete.read_bytes() == expected
    draw = random.Random(int(signum))
    outcomes = []
    for moment in sorted(draw.uniform(0.2, duration) for _ in range(3)):
        out.write_bytes(previous)
        # (the command gets the default handling of SIGINT whatever an earlier test left in this process: a
        # child inherits an ignored SIGINT, and Python then keeps ignoring it)
        run = subprocess.Popen([sys.executable, "-m", "analysis", "tag", str(corpus), "--out", str(out), "--quiet"],
                               stderr=subprocess.PIPE, text=True, env=env,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        time.sleep(moment)
        run.send_signal(signum)
        code, err = run.wait(), run.stderr.read()
        content = out.read_bytes()
        assert content in (previous, expected), f"{moment:.2f} s: a partial table"
        outcomes.append(content == expected)
        if content == previous and signum != signal.SIGKILL:
            assert code == 128 + signum, err
            assert err.splitlines()[-1].startswith("interrupted (") and "Traceback" not in err
            assert leftovers(tmp_path) == [] and list(temp.iterdir()) == []
    # Whatever a SIGKILL left, the next run removes: no partial file beside the output, no temporary folder.
    assert run_tag(corpus, "--out", out, env=env).returncode == 0
    assert out.read_bytes() == expected and leftovers(tmp_path) == [] and list(temp.iterdir()) == []
    assert not all(outcomes), "no run was interrupted before it finished: the moments are too late"


# -------------------------------------------------------------- a recorded table, read instead of re-tagged

@pytest.fixture
def recorded(tmp_path, write_corpus):
    """(corpus, data, table): two articles (one with a formula-like line) and copies of the shipped data files,
    tagged once into ``out/statements.csv`` with its record ``statements.csv.source.json``."""
    import shutil

    from analysis.pipeline import tag_corpus_to_recorded

    corpus = write_corpus({"a.txt": GOOD,
                           "b.txt": "Tokyo protests\n\n=Japan will never give up its claim, Abe said.\n"})
    files = [Path(shutil.copy(p, tmp_path / p.name)) for p in (paths.CODEBOOK, paths.ACTORS, paths.CHROME_RULES)]
    data = DataFiles.given(*files)
    table = tmp_path / "out" / "statements.csv"
    tag_corpus_to_recorded(corpus, table, data=data)
    return corpus, data, table


def without_tagging(monkeypatch):
    """Any tagging from here on fails the test: what is returned was read."""
    import analysis.pipeline as pipeline

    def tagging(*args, **kwargs):
        raise AssertionError("tagged although the table is current")

    monkeypatch.setattr(pipeline, "tag_corpus", tagging)
    monkeypatch.setattr(pipeline, "iter_tagged", tagging)


def without_time(line: str) -> str:
    import re

    return re.sub(r"; \d+\.\d\d s", "", line)


def test_a_current_table_is_read_not_tagged_and_equals_the_tagged_one(recorded, monkeypatch):
    from analysis.pipeline import source_path, tagged_table

    corpus, data, table = recorded
    tagged, summary = tag_corpus(corpus, data=data)
    without_tagging(monkeypatch)
    read, read_summary = tagged_table(corpus, table=table, data=data)
    pd.testing.assert_frame_equal(read, tagged)   # the formula-like text comes back as it was
    assert "=Japan will never give up its claim, Abe said." in read["text"].tolist()
    assert without_time(read_summary.line()) == without_time(summary.line()) + f"; read from {table}"
    record = json.loads(source_path(table).read_text(encoding="utf-8"))
    assert record["table"]["sha256"] == hashlib_sha256(table) and record["run"] == {"articles": 2, "skipped": []}
    assert record["made_from"]["tagger"] == DEFAULT_TAGGER and record["made_from"]["corpus"] == str(corpus.resolve())


def hashlib_sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_what_does_not_count_keeps_the_table_current(recorded, tmp_path):
    """The data files' bytes count, not where they lie; nor where the table lies (a results folder moves)."""
    import shutil

    from analysis.pipeline import source_path, stale_reason

    corpus, data, table = recorded
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    copies = [shutil.copy(p, elsewhere / p.name) for p in data.paths()]     # the office holders beside the actors
    same = DataFiles.given(*copies[:3])
    moved = tmp_path / "moved" / "statements.csv"
    moved.parent.mkdir()
    shutil.move(table, moved)
    shutil.move(source_path(table), source_path(moved))
    assert stale_reason(moved, corpus, data=same) == ""


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def _same_size_and_time(corpus: Path) -> None:
    article = corpus / "a.txt"
    before = article.stat()
    article.write_text(GOOD.replace("Sunday", "Monday").replace("never", "nevEr"), encoding="utf-8")
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert article.stat().st_size == before.st_size


STALE = {   # what is changed after the table was tagged -> the reason tagged_table gives
    "codebook": (lambda c, d, t: _append(d.codebook, "\n# a teacher's note\n"), "the codebook changed"),
    "actors": (lambda c, d, t: _append(d.actors, "\n"), "the actors changed"),
    "chrome_rules": (lambda c, d, t: _append(d.chrome_rules, "line,Not for us,a test line\n"),
                     "the chrome rules changed"),
    "article_edited": (lambda c, d, t: _append(c / "a.txt", "Tokyo said nothing.\n"), "a file of the corpus"),
    "article_edited_same_size_and_time": (lambda c, d, t: _same_size_and_time(c), "a file of the corpus"),
    "article_added": (lambda c, d, t: (c / "c.txt").write_text(GOOD, encoding="utf-8"), "a file of the corpus"),
    "article_removed": (lambda c, d, t: (c / "b.txt").unlink(), "a file of the corpus"),
    "metadata_added_beside": (lambda c, d, t: (c.parent / "corpus.csv").write_text("id,outlet\na,TASS\n"),
                              "a file of the corpus"),
    "table_edited": (lambda c, d, t: t.write_text(t.read_text().replace("Lavrov", "Lavrow")),
                     "statements.csv changed since it was tagged"),
    "record_missing": (lambda c, d, t: (t.parent / "statements.csv.source.json").unlink(),
                       "statements.csv.source.json beside it is missing or unreadable"),
    "record_broken": (lambda c, d, t: (t.parent / "statements.csv.source.json").write_text("{"),
                      "statements.csv.source.json beside it is missing or unreadable"),
    "table_missing": (lambda c, d, t: t.unlink(), "statements.csv does not exist"),
}


@pytest.mark.parametrize("change", sorted(STALE))
def test_a_stale_table_is_named_stale(recorded, change):
    from analysis.pipeline import stale_reason

    corpus, data, table = recorded
    assert stale_reason(table, corpus, data=data) == ""
    make, reason = STALE[change]
    make(corpus, data, table)
    assert reason in stale_reason(table, corpus, data=data)


def test_another_tagger_package_or_library_makes_the_table_stale(recorded, monkeypatch, tmp_path):
    import shutil

    import analysis.pipeline as pipeline

    corpus, data, table = recorded
    assert "the tagger changed" in pipeline.stale_reason(table, corpus, data=data, tagger="model")
    assert "on_error changed" in pipeline.stale_reason(table, corpus, data=data, on_error="skip")
    moved = Path(shutil.copytree(corpus, tmp_path / "copy"))
    assert "the corpus path changed" in pipeline.stale_reason(table, moved, data=data)
    package = pipeline.package_fingerprint()
    monkeypatch.setattr(pipeline, "package_fingerprint", lambda: {**package, "sha256": "0" * 64})
    assert "the analysis package" in pipeline.stale_reason(table, corpus, data=data)
    monkeypatch.undo()
    environment = pipeline._environment()
    monkeypatch.setattr(pipeline, "_environment", lambda: {**environment, "pandas": "0.1"})
    assert "the Python or library versions" in pipeline.stale_reason(table, corpus, data=data)


def test_a_stale_table_is_tagged_again(recorded):
    from analysis.pipeline import tagged_table

    corpus, data, table = recorded
    table.write_text(table.read_text().replace("Lavrov", "Lavrow"))   # and the record no longer matches it
    _append(data.chrome_rules, "line,Tokyo protests,a test line\n")
    read, summary = tagged_table(corpus, table=table, data=data)
    tagged, _ = tag_corpus(corpus, data=data)
    pd.testing.assert_frame_equal(read, tagged)
    assert "Tokyo protests" not in read["text"].tolist() and "Lavrow" not in " ".join(read["text"])
    assert summary.line().endswith("; tagged here: statements.csv changed since it was tagged")


def test_no_table_tags_and_says_nothing_more(recorded):
    from analysis.pipeline import tagged_table

    corpus, data, _ = recorded
    for table in (None, ""):
        read, summary = tagged_table(corpus, table=table, data=data)
        tagged, tagged_summary = tag_corpus(corpus, data=data)
        pd.testing.assert_frame_equal(read, tagged)
        assert without_time(summary.line()) == without_time(tagged_summary.line())


def test_the_record_is_taken_before_the_tagging_begins(recorded, monkeypatch):
    """An article changed while the corpus is being tagged leaves a stale table, never a current-looking one."""
    import analysis.pipeline as pipeline

    corpus, data, table = recorded
    tag_to = pipeline.tag_corpus_to

    def changing_midway(source, out, **options):
        _append(corpus / "a.txt", "Tokyo said nothing.\n")
        return tag_to(source, out, **options)

    monkeypatch.setattr(pipeline, "tag_corpus_to", changing_midway)
    pipeline.tag_corpus_to_recorded(corpus, table, data=data)
    assert "a file of the corpus" in pipeline.stale_reason(table, corpus, data=data)


def test_a_table_without_its_new_record_counts_as_stale(recorded, monkeypatch):
    """The run dies between the new table and its record: the old record names the old table's hash."""
    import analysis.pipeline as pipeline

    corpus, data, table = recorded
    _append(corpus / "a.txt", "Tokyo said nothing.\n")

    def dying(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "write_table_source", dying)
    with pytest.raises(KeyboardInterrupt):
        pipeline.tag_corpus_to_recorded(corpus, table, data=data)
    assert "Tokyo said nothing." in table.read_text()
    assert pipeline.stale_reason(table, corpus, data=data) == "statements.csv changed since it was tagged"
    assert leftovers(table.parent) == []


def test_the_record_is_written_whole_or_not_at_all(recorded, monkeypatch):
    from analysis.pipeline import RunSummary, source_path, table_source, write_table_source

    corpus, data, table = recorded
    record = source_path(table)
    previous = record.read_bytes()
    write_text = Path.write_text

    def full_disk(self, text, *args, **kwargs):
        if ".partial-" in self.name:
            write_text(self, text[:10], *args, **kwargs)
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_text(self, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(OutputError, match=r"statements\.csv\.source\.json: cannot write: the disk is full"):
        write_table_source(table, table_source(corpus, data=data), RunSummary())
    assert record.read_bytes() == previous and leftovers(table.parent) == []
    assert not [p for p in table.parent.iterdir() if ".partial-" in p.name]
