"""Tagging on a Dask dataframe gives exactly tag_corpus's table, on Dask's local distributed scheduler.

The cluster runs two worker processes (not threads), as a real cluster would: the tagger and the actor index
are pickled to the workers, and the workers import the package themselves.
"""
import logging
import sys

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from analysis import paths
from analysis.distributed import (INPUT_COLUMNS, OUTPUT_COLUMNS, corpus_statements, read_statements, tag_dask,
                                  tag_parquet, write_statements)
from analysis.pipeline import tag_corpus

KEY = ["article_id", "sent_idx"]


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    return table.sort_values(KEY, kind="stable").reset_index(drop=True)


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def statements_dir(tmp_path_factory):
    # Two articles a file: the five seeds make three partitions, one of them a single article.
    return write_statements(paths.ARTICLES, tmp_path_factory.mktemp("statements"), articles_per_file=2)


@pytest.fixture(scope="module")
def pandas_tables():
    return {name: tag_corpus(paths.ARTICLES, tagger=name)[0] for name in ("codebook", "model")}


def test_statement_files_hold_whole_articles(statements_dir):
    files = sorted(statements_dir.glob("part-*.parquet"))
    assert [f.name for f in files] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    ids = [sorted(pd.read_parquet(f)["article_id"].unique()) for f in files]
    assert ids == [["000", "001"], ["002", "003"], ["004"]]
    assert read_statements(statements_dir).npartitions == 3
    on_disk = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
    assert list(on_disk.columns) == INPUT_COLUMNS
    pd.testing.assert_frame_equal(on_disk, corpus_statements(paths.ARTICLES))
    assert len(on_disk) == 118


@pytest.mark.parametrize("tagger", ["codebook", "model"])
def test_tag_parquet_equals_the_pandas_path(client, statements_dir, pandas_tables, tmp_path, tagger):
    out = tag_parquet(statements_dir, tmp_path / "tagged", tagger)
    dask_table = pd.read_parquet(out)
    expected = pandas_tables[tagger]
    assert list(dask_table.columns) == OUTPUT_COLUMNS == list(expected.columns)
    pd.testing.assert_frame_equal(_sorted(dask_table), _sorted(expected))
    assert set(dask_table["tagger"]) == {tagger}


def test_tag_dask_equals_the_pandas_path_with_dtypes(client, statements_dir, pandas_tables):
    computed = tag_dask(read_statements(statements_dir), "codebook").compute()
    pd.testing.assert_frame_equal(_sorted(computed), _sorted(pandas_tables["codebook"]), check_dtype=True)
    row = computed.set_index(KEY).loc[("003", 18)]
    assert row["text"] == "Tokyo, however, maintains that the territorial dispute must be resolved first."
    assert (row["mode"], row["holder_side"]) == ("narration", "japan")


def test_rows_in_any_order_within_a_partition(client, tmp_path, pandas_tables):
    one_each = write_statements(paths.ARTICLES, tmp_path / "one_each", articles_per_file=1)
    reversed_rows = read_statements(one_each).map_partitions(lambda part: part.iloc[::-1])
    computed = tag_dask(reversed_rows, "codebook").compute()
    pd.testing.assert_frame_equal(_sorted(computed), _sorted(pandas_tables["codebook"]))


def test_an_article_split_across_partitions_is_refused(client):
    statements = corpus_statements(paths.ARTICLES)
    by_rows = dd.from_pandas(statements, npartitions=4, sort=False)   # cuts at row counts, inside articles
    with pytest.raises(ValueError, match=r"article\(s\) span several partitions .*shuffle"):
        tag_dask(by_rows)


def test_missing_columns_are_named(client, statements_dir):
    without_date = read_statements(statements_dir).drop(columns=["date"])
    with pytest.raises(ValueError, match="lacks column.* date .*write_statements"):
        tag_dask(without_date)


def test_missing_dask_says_what_to_install(monkeypatch, statements_dir, tmp_path):
    for module in [m for m in sys.modules if m == "dask" or m.startswith("dask.")]:
        monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ImportError, match=r"pip install -e \"\.\[dask\]\""):
        tag_parquet(statements_dir, tmp_path / "out")


def test_the_articles_outlet_genre_and_author_reach_the_workers(client, tmp_path):
    """Attribution reads an article's metadata: the outlet gives unnamed "government sources" their side, the
    genre and the author make a statement its author's words. The Dask path gets them as the pandas path does."""
    rows = [
        {"id": "kyodo", "outlet": "Kyodo News", "date": "2019-01-10", "genre": "", "speaker": "",
         "text": "Japan eyes two islands first\n\nGovernment sources said Tokyo would seek the return of Shikotan "
                 "and the Habomai islets first."},
        {"id": "tass", "outlet": "TASS", "date": "2019-01-11", "genre": "", "speaker": "",
         "text": "Moscow sees no talks on handover\n\nGovernment sources said no handover was being discussed."},
        {"id": "comment", "outlet": "", "date": "2023-02-07", "genre": "statement",
         "speaker": "Russian Embassy in Japan",
         "text": "On the so-called Northern Territories Day\n\nThe Kuril Islands are Russian territory. This is not "
                 "a subject of negotiation."},
    ]
    corpus = tmp_path / "articles.jsonl"
    pd.DataFrame(rows).to_json(corpus, orient="records", lines=True, force_ascii=False)
    expected = tag_corpus(corpus)[0]
    out = write_statements(corpus, tmp_path / "statements", articles_per_file=1)
    computed = tag_dask(read_statements(out)).compute()     # the default tagger on both paths
    pd.testing.assert_frame_equal(_sorted(computed), _sorted(expected))
    by_text = computed.set_index("text")
    assert by_text.loc["Government sources said Tokyo would seek the return of Shikotan and the Habomai islets "
                       "first.", "voice_side"] == "japan"
    assert by_text.loc["Government sources said no handover was being discussed.", "voice_side"] == "russia"
    assert by_text.loc["This is not a subject of negotiation.", ["genre", "mode", "voice_side"]].tolist() == [
        "statement", "direct_quote", "russia"]


def test_writing_statements_again_replaces_only_its_own_files(tmp_path):
    out = write_statements(paths.ARTICLES, tmp_path / "statements", articles_per_file=2)
    assert sorted(p.name for p in out.glob("part-*.parquet")) == ["part-00000.parquet", "part-00001.parquet",
                                                                  "part-00002.parquet"]
    write_statements(paths.ARTICLES, out, articles_per_file=5)      # its own files: replaced
    assert sorted(p.name for p in out.glob("part-*.parquet")) == ["part-00000.parquet"]
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "part-00000.parquet").write_bytes(b"a user's file")
    with pytest.raises(ValueError, match=r"mine: holds part-00000.parquet that write_statements did not write"):
        write_statements(paths.ARTICLES, mine)
    assert (mine / "part-00000.parquet").read_bytes() == b"a user's file"
