"""Tagging on a Dask dataframe: the table of ``pipeline.tag_corpus``, partition by partition, on many cores.

Two steps of the pipeline look at more than one article and run first, in pandas, over the whole corpus:
loading and splitting, and the boilerplate flags (reused background is found *across* articles). Their
output, the statement table, is written as a Parquet dataset whose every file holds whole articles
(``write_statements``). The rest reads one article at a time (attribution follows an article in reading
order) or one statement at a time (the taggers), so each partition is attributed and tagged on its own with
``map_partitions`` (``tag_dask``) on the threads of a laptop or the workers of a cluster. The result equals
``tag_corpus``'s table row for row once both are sorted by ``article_id`` and ``sent_idx``.

The tagger and the actor index are built once, where the call is made, and shipped to the workers, so a
worker needs this package installed but not ``data/``.

Dask is optional: ``pip install -e ".[dask]"`` (``dask[dataframe]`` and ``distributed``). It is imported
inside the functions, and a missing Dask is an ImportError that says what to install.

Example (a cluster instead of local threads: ``distributed.Client("tcp://scheduler:8786")`` first):
    >>> from analysis.distributed import write_statements, tag_parquet
    >>> write_statements("data/articles", "build/statements")         # doctest: +SKIP
    >>> tag_parquet("build/statements", "build/tagged", "codebook")    # doctest: +SKIP
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from . import paths
from .pipeline import (CONTRACT_COLUMNS, DEFAULT_TAGGER, EXTRA_COLUMNS, add_meta, make_tagger, split_with_meta,
                       tag_statements, without_cyclic_gc)
from .statements import STATEMENT_COLUMNS

# The statement table on disk: the split, the corpus-wide boilerplate flags and the article metadata that
# tag_corpus uses (outlet, date, and the genre and author attribution reads), so a partition needs nothing
# else. The metadata's genre and speaker travel as document_genre and document_speaker: the tagged table's
# genre column is the genre attribution settles on (given or detected).
DOCUMENT_COLUMNS = {"document_genre": "genre", "document_speaker": "speaker"}
INPUT_COLUMNS = STATEMENT_COLUMNS + ["outlet", "date", *DOCUMENT_COLUMNS]
OUTPUT_COLUMNS = CONTRACT_COLUMNS + EXTRA_COLUMNS
# About 24 statements an article in the seeds: 2,000 articles make partitions of ~50k statements, large
# enough that a task's overhead is negligible and small enough for a worker's memory.
ARTICLES_PER_FILE = 2000
# The list of part files write_statements wrote in a folder: the only files it replaces there. Its name starts
# with "_", which Parquet readers skip.
MANIFEST = "_statements_files.json"


def _dask():
    """``dask.dataframe``, or an ImportError that says how to install it."""
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as err:
        raise ImportError(
            "tagging on a Dask dataframe needs Dask, which is optional: pip install -e \".[dask]\" "
            f"(or pip install \"dask[dataframe]\" distributed); import failed with: {err}") from None
    return dask, dd


def corpus_statements(source: Path | str = paths.ARTICLES, *, on_error: str = "raise") -> pd.DataFrame:
    """The statement table of a corpus with its boilerplate flags and article metadata (``INPUT_COLUMNS``),
    in the order tag_corpus reads it: by article, then sentence."""
    statements, meta = split_with_meta(source, on_error=on_error)
    add_meta(statements, meta)
    for column, field in DOCUMENT_COLUMNS.items():
        given = meta[field].fillna("").astype(str) if field in meta.columns else pd.Series(dtype=object)
        statements[column] = statements["article_id"].map(given).astype(object).fillna("").astype(str)
    return statements[INPUT_COLUMNS]


def write_statements(source: Path | str, out_path: Path | str, *, articles_per_file: int = ARTICLES_PER_FILE,
                     on_error: str = "raise") -> Path:
    """Split a corpus and write its statement table as a Parquet dataset that ``tag_parquet`` reads.

    Args:
        source: a corpus folder or ``.csv``/``.jsonl`` file, as for ``load_corpus``.
        out_path: a folder; it gets ``part-00000.parquet``, ``part-00001.parquet`` ... and a list of them,
            ``_statements_files.json``: a later call replaces those files, and refuses a folder with part
            files it did not write.
        articles_per_file: whole articles per file (one file is one Dask partition).
    Returns:
        The folder.
    """
    if articles_per_file < 1:
        raise ValueError("articles_per_file must be at least 1")
    out_path = Path(out_path)
    out_path.mkdir(parents=True, exist_ok=True)
    manifest = out_path / MANIFEST
    ours = set(json.loads(manifest.read_text(encoding="utf-8"))["files"]) if manifest.exists() else set()
    theirs = sorted(p.name for p in out_path.glob("part-*.parquet") if p.name not in ours)
    if theirs:
        # Never delete what this function did not write: a reader of the folder would mix them in.
        raise ValueError(f"{out_path}: holds {', '.join(theirs[:3])}{' ...' if len(theirs) > 3 else ''} that "
                         "write_statements did not write; choose an empty folder")
    statements = corpus_statements(source, on_error=on_error)
    for old in ours:
        (out_path / old).unlink(missing_ok=True)
    article_ids = statements["article_id"].drop_duplicates().tolist()
    written = []
    for number, start in enumerate(range(0, max(1, len(article_ids)), articles_per_file)):
        chunk = statements[statements["article_id"].isin(article_ids[start:start + articles_per_file])]
        # One row group a file: a reader that splits files by row group still never splits an article.
        name = f"part-{number:05d}.parquet"
        chunk.to_parquet(out_path / name, index=False, row_group_size=max(1, len(chunk)))
        written.append(name)
    manifest.write_text(json.dumps({"files": written}), encoding="utf-8")
    return out_path


def read_statements(path: Path | str):
    """A Parquet statement dataset as a Dask dataframe with one partition per file (whole articles)."""
    _, dd = _dask()
    return dd.read_parquet(str(path), split_row_groups=False, blocksize=None, aggregate_files=False)


def _tag_rows(statements: pd.DataFrame, tagger, actors) -> pd.DataFrame:
    """The pandas path on one partition, rows in tag_corpus's order."""
    ordered = statements.sort_values(["article_id", "sent_idx"], kind="stable").reset_index(drop=True)
    documents = (ordered.groupby("article_id", sort=False)[["outlet", *DOCUMENT_COLUMNS]].first()
                 .rename(columns=DOCUMENT_COLUMNS))
    ordered = ordered.drop(columns=list(DOCUMENT_COLUMNS))
    with without_cyclic_gc():   # as the pandas path tags a chunk
        return tag_statements(ordered, tagger, actors, documents=documents)[OUTPUT_COLUMNS]


def _empty_output(tagger, actors) -> pd.DataFrame:
    """The output's columns and dtypes, from the pandas path on one made-up statement (the model tagger
    cannot run on zero rows, and an empty table would not show pandas' dtypes)."""
    from .stance import CodebookTagger

    row = {"article_id": "meta", "para_idx": 0, "sent_idx": 0, "text": "Meta.", "char_start": 0, "char_end": 5,
           "is_headline": True, "is_lead": False, "is_heading": False, "section": "body", "is_boilerplate": False,
           "boilerplate_group": "", "outlet": "", "date": "", "document_genre": "", "document_speaker": ""}
    sample = pd.DataFrame([row], columns=INPUT_COLUMNS)
    empty = _tag_rows(sample, CodebookTagger(tagger.codebook), actors).iloc[:0]
    return empty.astype({c: "str" for c in empty.columns if pd.api.types.is_string_dtype(empty[c])})


def _tag_partition(statements: pd.DataFrame, tagger, actors, meta: pd.DataFrame) -> pd.DataFrame:
    if statements.empty:
        return meta.copy()
    # Parquet readers may hand strings over as another string dtype than pandas' default: cast back so every
    # partition, and so the result, has exactly the pandas path's dtypes.
    columns = [c for c in INPUT_COLUMNS if c in statements.columns]
    return _tag_rows(statements[columns], tagger, actors).astype(meta.dtypes.to_dict())


def tag_dask(statements, tagger_name=DEFAULT_TAGGER, *, check_articles: bool = True):
    """Attribute and tag a Dask dataframe of statements, one partition at a time.

    Args:
        statements: Dask dataframe with ``INPUT_COLUMNS`` (``read_statements`` of ``write_statements``'s
            output); every article must lie whole in one partition, rows in any order.
        tagger_name: ``"ensemble"`` (the default), ``"codebook"`` or ``"model"`` (or a ready tagger object), as
            for ``tag_corpus``.
        check_articles: first compute the article ids of every partition (one column, cheap) and raise a
            ValueError if an article is split across partitions; its attribution would be wrong.
    Returns:
        A lazy Dask dataframe with the columns of ``tag_corpus``'s table (``CONTRACT_COLUMNS`` then
        ``EXTRA_COLUMNS``); each partition sorted by ``article_id``, ``sent_idx``.
    """
    dask, _ = _dask()
    from .attribution import load_actors

    missing = [c for c in INPUT_COLUMNS if c not in statements.columns]
    if missing:
        raise ValueError(f"statement dataframe lacks column(s) {', '.join(missing)} "
                         "(write it with analysis.distributed.write_statements)")
    if check_articles:
        ids = statements["article_id"].map_partitions(lambda s: s.drop_duplicates(), meta=("article_id", "str"))
        ids = ids.compute()
        split = ids[ids.duplicated()].unique().tolist()
        if split:
            shown = ", ".join(map(str, split[:5])) + (" ..." if len(split) > 5 else "")
            raise ValueError(f"{len(split)} article(s) span several partitions ({shown}); attribution needs whole "
                             "articles: write the dataset with write_statements, or statements.shuffle(on='article_id')")
    tagger = make_tagger(tagger_name) if isinstance(tagger_name, str) else tagger_name
    actors = load_actors()
    meta = _empty_output(tagger, actors)
    # Delayed, so the tagger and the actor index travel to each worker once, not once per partition.
    return statements.map_partitions(_tag_partition, dask.delayed(tagger), dask.delayed(actors), meta, meta=meta,
                                     align_dataframes=False)


def tag_parquet(in_path: Path | str, out_path: Path | str, tagger_name=DEFAULT_TAGGER) -> Path | str:
    """Tag a Parquet statement dataset into a Parquet dataset of the tagged table, on Dask's current
    scheduler (a ``distributed.Client`` made before the call, else local threads).

    Paths may be local folders or URLs Dask reads through fsspec (``s3://...`` with s3fs installed); they
    are passed on as given.

    >>> tag_parquet("build/statements", "build/tagged")   # doctest: +SKIP
    """
    tag_dask(read_statements(in_path), tagger_name).to_parquet(str(out_path), write_index=False)
    return out_path
