"""Where the per-article stage leaves its rows before the corpus-wide finish: one Parquet file per
table and chunk of articles under ``<out>/.staging/``, written by this process or by Dask workers;
how those chunks are read back, and how chunks are appended to a table's final file."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..core import schema

STAGING = ".staging"


def part_path(staging: Path, name: str, part: int) -> Path:
    return staging / f"{name}-{part:05d}.parquet"


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (NaN where the OS does not report it).

    On Linux, VmHWM of /proc/self/status: the process's own peak. ``getrusage`` would report at
    least the parent's peak in a process started with fork and exec (Linux keeps the larger of
    the two across exec), which is wrong for the finish's own process."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


# Tables the finish step never reads or changes: written once, straight to their final file.
DIRECT_TABLES = ("paragraphs",)


class ChunkWriter:
    """Append DataFrame chunks of one table to a single Parquet file.

    The file's schema comes from the first chunk. A later chunk whose column types differ (an extra
    column that was all-missing so far, say) is cast to it; when that is impossible the file written
    so far is read back once and rewritten under the widened schema, so no chunk is ever lost.

    Each chunk is one row group, written without min/max statistics: a writer keeps every row
    group's metadata until it closes, and with statistics (the long texts' min and max included)
    that grew with the corpus, by about 15 MiB over seven tables at 10,000 articles. Readers that
    load whole tables, as pandas does here, never use them.
    """

    def __init__(self, path: Path, table: str):
        self.path = path
        self.table = table
        self.writer: pq.ParquetWriter | None = None
        self.schema: pa.Schema | None = None
        self.rows = 0

    def write(self, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        batch = pa.Table.from_pandas(frame, preserve_index=False)
        if self.writer is None:
            self._open(batch.schema)
        elif not batch.schema.equals(self.schema):
            batch = self._fit(batch)
        self.writer.write_table(batch)
        self.rows += len(frame)

    def _open(self, arrow_schema: pa.Schema) -> None:
        self.schema = arrow_schema
        self.writer = pq.ParquetWriter(self.path, arrow_schema, write_statistics=False)

    def _fit(self, batch: pa.Table) -> pa.Table:
        try:
            columns = [
                batch[f.name].cast(f.type) if f.name in batch.column_names else pa.nulls(len(batch), f.type)
                for f in self.schema
            ]
            if set(batch.column_names) <= set(self.schema.names):
                return pa.Table.from_arrays(columns, schema=self.schema)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
            pass
        # slow path, rare: widen the schema and rewrite what was written so far
        self.writer.close()
        written = pq.read_table(self.path)
        merged = pa.concat_tables([written, batch], promote_options="permissive")
        self._open(merged.schema)
        self.writer.write_table(merged.slice(0, len(written)))
        return merged.slice(len(written))

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        else:  # no rows at all: still write the documented, empty table
            schema.empty(self.table).to_parquet(self.path, index=False)


def _read_part(staging: Path, name: str, part: int, columns: list[str] | None = None) -> pd.DataFrame:
    path = part_path(staging, name, part)
    if columns is not None:
        present = set(pq.read_schema(path).names)  # a chunk without rows may lack the optional columns
        return pd.read_parquet(path, columns=[c for c in columns if c in present])
    frame = pd.read_parquet(path)
    # an empty table read back has lost nothing but its dtypes: restore the documented ones
    return schema.empty(name) if frame.empty else schema.conform(name, frame)


def _read_all_parts(staging: Path, name: str, n_parts: int, columns: list[str] | None = None) -> pd.DataFrame:
    """One staged table (or some of its columns), all chunks: what a corpus-wide decision reads."""
    frames = [f for k in range(n_parts) if len(f := _read_part(staging, name, k, columns))]
    if not frames:
        return schema.empty(name) if columns is None else schema.empty(name)[columns]
    return schema.conform(name, pd.concat(frames, ignore_index=True))
