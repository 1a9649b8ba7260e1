"""``python -m analysis tag`` on bad corpora, run as a user runs it: in a subprocess, from another folder.

A bad corpus ends the command with exit code 2 and one line on stderr, ``error: <file>: <problem>``, never a
traceback, and writes no output. With ``--skip-bad`` the good articles are tagged (exit 0) and the summary
line counts each skipped file and says why. The same command gives the same bytes on every run. What the
loader does with each bad input is in ``tests/test_bad_input.py`` and ``tests/bad_inputs/README.md``.
"""
import os
import subprocess
import sys

import pandas as pd
import pytest

from analysis import paths
from analysis.pipeline import CONTRACT_COLUMNS

GOOD = "Lavrov rules out talks\n\nRussia will never give up the islands, Lavrov said.\n"


def run_tag(corpus, out, *options, cwd, hash_seed="0"):
    """Run the command from ``cwd`` (not the repository), so nothing can lean on the working directory."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "-m", "analysis", "tag", str(corpus), "--out", str(out), "--quiet",
                           *options], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


# (case, files, corpus to tag: the folder if None, what the error line must name)
BAD_CORPORA = [
    ("binary_file", {"a.txt": GOOD, "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, None,
     ["photo.txt", "binary file"]),
    ("latin1_file", {"a.txt": GOOD, "monde.txt": "Moscou réaffirme.\n".encode("latin-1")}, None,
     ["monde.txt", "not valid UTF-8 (byte 0xe9 at offset 8)"]),
    ("empty_file", {"a.txt": GOOD, "empty.txt": b""}, None, ["empty.txt", "empty file"]),
    ("chrome_only", {"a.txt": GOOD, "chrome.txt": "All news\nShow more\n- Advertisement -\n"}, None,
     ["chrome.txt", "nothing left after removing web chrome"]),
    ("metadata_without_id", {"a.txt": GOOD, "articles.csv": "name,outlet\na,TASS\n"}, None,
     ["articles.csv", "missing column(s) id"]),
    ("metadata_duplicate_ids", {"a.txt": GOOD, "articles.csv": "id,outlet\na,TASS\na,RT\n"}, None,
     ["articles.csv", "duplicate id(s): 'a' in rows 2, 3"]),
    ("metadata_bad_csv", {"a.txt": GOOD, "articles.csv": 'id,outlet\na,"TASS\n'}, None,
     ["articles.csv", "not a readable CSV"]),
    ("csv_duplicate_ids", {"news.csv": "id,text\nx,Moscow said no.\nx,Again.\n"}, "news.csv",
     ["news.csv: row 3", "duplicate article id 'x'"]),
    ("jsonl_latin1", {"news.jsonl": '{"id": "x", "text": "Moscou réaffirme."}\n'.encode("latin-1")},
     "news.jsonl", ["news.jsonl", "not valid UTF-8"]),
    ("single_txt_file", {"a.txt": GOOD}, "a.txt", ["a.txt", "expected a folder of .txt files"]),
    ("no_such_folder", {}, "missing", ["missing", "no such file or folder"]),
    ("folder_without_txt", {"notes.md": "# notes\n"}, None, ["corpus", "no .txt articles"]),
]


@pytest.mark.parametrize("case, files, source, names", BAD_CORPORA, ids=[c[0] for c in BAD_CORPORA])
def test_bad_corpus_gives_one_error_line_and_exit_2(write_corpus, tmp_path, case, files, source, names):
    folder = write_corpus(files)
    out = tmp_path / "x.csv"
    result = run_tag(folder / source if source else folder, out, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ")
    for name in names:
        assert name in line
    assert not out.exists()


def test_skip_bad_tags_the_rest_and_counts_each_skipped_file_with_its_reason(write_corpus, tmp_path):
    folder = write_corpus({"a.txt": GOOD, "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "empty.txt": b""})
    out = tmp_path / "x.csv"
    result = run_tag(folder, out, "--skip-bad", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    [summary] = result.stderr.splitlines()
    assert summary.startswith("tag: 1 articles, 2 statements,")
    assert "; 2 skipped " in summary
    assert f"[{folder / 'empty.txt'}: empty file (0 bytes)]" in summary
    assert f"[{folder / 'photo.txt'}: binary file (contains NUL bytes), not a text article]" in summary
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table["article_id"].unique().tolist() == ["a"]
    assert table["text"].tolist() == ["Lavrov rules out talks", "Russia will never give up the islands, Lavrov said."]


def test_skip_bad_names_every_skipped_file_beyond_the_summary(write_corpus, tmp_path):
    folder = write_corpus({"a.txt": GOOD, **{f"empty{i}.txt": b"" for i in range(7)}})
    result = run_tag(folder, tmp_path / "x.csv", "--skip-bad", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    named = [f"empty{i}.txt" for i in range(7) if f"empty{i}.txt: empty file" in result.stderr]
    assert len(named) == 7
    assert "; 7 skipped " in result.stderr.splitlines()[-1]


def test_skip_bad_with_nothing_left_is_an_error_that_says_why(write_corpus, tmp_path):
    folder = write_corpus({"empty.txt": b"", "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00"})
    result = run_tag(folder, tmp_path / "x.csv", "--skip-bad", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"error: {folder}: no article could be loaded (2 skipped: empty.txt: empty file (0 bytes); "
        "photo.txt: binary file (contains NUL bytes), not a text article)"]


def test_metadata_problems_are_warnings_on_stderr_and_the_run_goes_on(write_corpus, tmp_path):
    folder = write_corpus({"a.txt": GOOD, "b.txt": GOOD, "articles.csv": "id,outlet\na,TASS\nghost,Kyodo\n"})
    out = tmp_path / "x.csv"
    result = run_tag(folder, out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warning_lines = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warning_lines) == 2
    assert any("metadata row 'ghost' has no article file" in line for line in warning_lines)
    assert any(f"{folder / 'b.txt'}: no row for 'b'" in line for line in warning_lines)
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table.groupby("article_id")["outlet"].first().to_dict() == {"a": "TASS", "b": ""}


@pytest.mark.parametrize("out_name, names", [
    ("x.xlsx", ["x.xlsx", "unknown output format '.xlsx'"]),
    ("blocker/x.csv", ["x.csv: cannot write:", "blocker is a file, not a folder"]),
    (".", ["is a folder; --out takes a file name"]),
], ids=["unknown_format", "parent_is_a_file", "out_is_a_folder"])
def test_unwritable_output_gives_one_error_line(write_corpus, tmp_path, out_name, names):
    folder = write_corpus({"a.txt": GOOD})
    (tmp_path / "blocker").write_text("a file where a folder should be\n", encoding="utf-8")
    result = run_tag(folder, tmp_path / out_name, cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ") and "Traceback" not in result.stderr
    for name in names:
        assert name in line


@pytest.mark.parametrize("tagger", ["codebook", "model"])
def test_same_command_gives_the_same_bytes(tmp_path, tagger):
    """Two runs, with different hash seeds so no set or dict order can leak into the table."""
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    for out, seed in ((first, "1"), (second, "2")):
        result = run_tag(paths.ARTICLES, out, "--tagger", tagger, cwd=tmp_path, hash_seed=seed)
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    table = pd.read_csv(first, dtype=str, keep_default_na=False)
    assert table.columns[:len(CONTRACT_COLUMNS)].tolist() == CONTRACT_COLUMNS
    assert table["article_id"].unique().tolist() == ["000", "001", "002", "003", "004"]
    assert set(table["tagger"]) == {tagger}


def test_written_chunk_by_chunk_equals_the_whole_table(tmp_path):
    """``tag`` streams chunks of articles to the file; two articles a chunk must give the in-memory table's
    bytes (CSV) and rows (Parquet), boilerplate groups included (they are found across all chunks)."""
    from analysis.corpus import iter_corpus, load_corpus
    from analysis.pipeline import tag_corpus, tag_corpus_to, write_table
    from analysis.statements import split_corpus

    corpus = load_corpus(paths.ARTICLES)
    chunks = list(iter_corpus(paths.ARTICLES, chunk_articles=2))
    assert [len(c) for c in chunks] == [2, 2, 1]
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), corpus)
    pd.testing.assert_frame_equal(split_corpus(iter(chunks)), split_corpus(corpus))

    whole, summary = tag_corpus(paths.ARTICLES)
    assert whole["boilerplate_group"].ne("").sum() == 36
    write_table(whole, tmp_path / "whole.csv")
    streamed = tag_corpus_to(paths.ARTICLES, tmp_path / "streamed.csv", chunk_articles=2)
    assert (tmp_path / "streamed.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    assert (streamed.articles, streamed.statements, streamed.with_stance, streamed.stance_counts) == (
        summary.articles, summary.statements, summary.with_stance, summary.stance_counts)
    tag_corpus_to(paths.ARTICLES, tmp_path / "streamed.parquet", chunk_articles=2)
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "streamed.parquet"), whole, check_dtype=False)


def test_the_commands_allocator_settings_take_in_a_fresh_process():
    # tag puts Arrow on the system allocator and fixes glibc's mmap threshold (peak memory, docs/speed.md "Speed and
    # memory"); both are process-wide, so they are checked in a process of their own.
    code = ("import pyarrow as pa\n"
            "from analysis.pipeline import use_large_run_memory_settings\n"
            "use_large_run_memory_settings()\n"
            "print(pa.default_memory_pool().backend_name)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=paths.ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "system"
