"""Writing a table a chunk at a time, so that a large corpus never holds its whole statement table.

Used for the statements that wait on disk while boilerplate is found (``statements.split_corpus``) and for
the tagged table ``python -m analysis tag`` writes (``pipeline.tag_corpus_to``).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .output_files import spreadsheet_safe


class ChunkWriter:
    """Appends DataFrames to one CSV or Parquet file (``kind``, by default the file's extension); the first chunk fixes the Parquet
    schema and the CSV header. Use as a context manager.

    ``rows`` keeps the number of rows of every chunk appended: Parquet may split a chunk into several row
    groups (pyarrow does above 2^20 rows), so a reader finds a chunk again by its rows, never by row groups.
    CSV cells that a spreadsheet would run as formulas are escaped (``output_files.spreadsheet_safe``) unless
    ``spreadsheet_safe=False``, for files only this package reads back.
    """

    def __init__(self, path: Path | str, *, kind: str | None = None, spreadsheet_safe: bool = True):
        self.path = Path(path)
        self.parquet = (kind or self.path.suffix.lower().lstrip(".")) == "parquet"
        self.rows: list[int] = []
        self._parquet = None
        self._escape = spreadsheet_safe

    @property
    def chunks(self) -> int:
        return len(self.rows)

    def append(self, table: pd.DataFrame) -> None:
        if self.parquet:
            import pyarrow as pa
            import pyarrow.parquet as pq

            arrow = pa.Table.from_pandas(table, preserve_index=False)
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.path, arrow.schema)
            self._parquet.write_table(arrow.cast(self._parquet.schema))
        else:
            (spreadsheet_safe(table) if self._escape else table).to_csv(
                self.path, index=False, lineterminator="\n", mode="a" if self.rows else "w", header=not self.rows)
        self.rows.append(len(table))

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None

    def __enter__(self) -> "ChunkWriter":
        return self

    def __exit__(self, *_) -> None:
        self.close()
