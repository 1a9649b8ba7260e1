"""Writing a table a chunk at a time, so that a large corpus never holds its whole statement table.

Used for the statements that wait on disk while boilerplate is found (``statements.split_corpus``) and for
the tagged table ``python -m analysis tag`` writes (``pipeline.tag_corpus_to``).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd


class ChunkWriter:
    """Appends DataFrames to one CSV or Parquet file (by its extension); the first chunk fixes the Parquet
    schema and the CSV header. Use as a context manager."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.chunks = 0
        self._parquet = None

    def append(self, table: pd.DataFrame) -> None:
        if self.path.suffix.lower() == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            arrow = pa.Table.from_pandas(table, preserve_index=False)
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.path, arrow.schema)
            self._parquet.write_table(arrow.cast(self._parquet.schema))
        else:
            table.to_csv(self.path, index=False, lineterminator="\n", mode="a" if self.chunks else "w",
                         header=not self.chunks)
        self.chunks += 1

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None

    def __enter__(self) -> "ChunkWriter":
        return self

    def __exit__(self, *_) -> None:
        self.close()
