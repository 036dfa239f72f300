"""Streaming a corpus to Parquet: parse article by article, write tables in chunks, finish on disk.

:func:`s400lib.parse` keeps every table of every article in memory until the end. For a folder of
thousands of articles :func:`parse_to_parquet` instead

1. parses articles one at a time (spaCy still runs in batches; each Doc is dropped as soon as its
   article's tables are built) and appends the rows to one :class:`pyarrow.parquet.ParquetWriter`
   per table every ``chunk_size`` articles, so memory holds at most one chunk of rows and one batch
   of spaCy Docs, however large the corpus;
2. runs the corpus-wide finish step (:func:`s400lib.parse.finish`: one canonical name per entity,
   publication dates inferred from the other articles) on the tables read back from those files.

Why step 2 is safe for memory: the finish needs every article at once, but only its *tables*, which
are a few times the size of the raw text and far smaller than the spaCy Docs they came from. The
paragraphs table, which the finish never reads, is written straight to its final file and never
read back. The result is identical to ``sl.parse(corpus).to_parquet(out)`` (tested).

What still grows with the corpus: the article texts, read up front by ``load_corpus`` (about the
size of the input folder), and the finish step's tables (a few times that). What does not: spaCy
Docs and per-article intermediate rows, which dominate memory in a whole-corpus ``sl.parse``.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import schema
from .corpus import Corpus, load_corpus
from .tables import TABLE_NAMES, Tables

# Tables the finish step never reads or changes: written once, straight to their final file.
DIRECT_TABLES = ("paragraphs",)
STAGING = ".staging"


class ChunkWriter:
    """Append DataFrame chunks of one table to a single Parquet file.

    The file's schema comes from the first chunk. A later chunk whose column types differ (an extra
    column that was all-missing so far, say) is cast to it; when that is impossible the file written
    so far is read back once and rewritten under the widened schema, so no chunk is ever lost.
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
        self.writer = pq.ParquetWriter(self.path, arrow_schema)

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


def write_chunks(parts: Iterable[Tables], out: str | Path, chunk_size: int = 50) -> dict[str, int]:
    """Write per-article tables (before the finish step) in chunks of ``chunk_size`` articles.

    Tables in :data:`DIRECT_TABLES` go to ``out/<table>.parquet``, the others to
    ``out/.staging/<table>.parquet``. Returns the number of rows written per table.
    """
    out = Path(out)
    staging = out / STAGING
    staging.mkdir(parents=True, exist_ok=True)
    writers = {
        name: ChunkWriter((out if name in DIRECT_TABLES else staging) / f"{name}.parquet", name) for name in TABLE_NAMES
    }
    buffer: list[Tables] = []

    def flush() -> None:
        if not buffer:
            return
        chunk = Tables.concat(buffer)
        for name in TABLE_NAMES:
            writers[name].write(chunk[name])
        buffer.clear()

    try:
        for part in parts:
            buffer.append(part)
            if len(buffer) >= chunk_size:
                flush()
        flush()
    finally:
        for writer in writers.values():
            writer.close()
    return {name: w.rows for name, w in writers.items()}


def finish_on_disk(out: str | Path) -> Tables:
    """Run :func:`s400lib.parse.finish` on the staged tables and write the final ``<table>.parquet`` files.

    Reads every staged table (all but :data:`DIRECT_TABLES`), finishes them, writes them to ``out``
    and removes the staging folder. Returns the finished tables (paragraphs left empty, to save memory).
    """
    from .parse import finish

    out = Path(out)
    staging = out / STAGING
    loaded = {
        name: schema.conform(name, pd.read_parquet(staging / f"{name}.parquet"))
        for name in TABLE_NAMES
        if name not in DIRECT_TABLES
    }
    # an empty table read back has lost nothing but its dtypes: restore the documented ones
    loaded = {name: (schema.empty(name) if frame.empty else frame) for name, frame in loaded.items()}
    finished = finish(Tables(**loaded))
    for name in loaded:
        finished[name].to_parquet(out / f"{name}.parquet", index=False)
    shutil.rmtree(staging)
    return finished


def parse_to_parquet(
    source: Corpus | str | Path | list,
    out: str | Path,
    batch_size: int = 16,
    n_process: int = 1,
    chunk_size: int = 50,
    progress: bool | None = None,
    errors: str = "raise",
    client=None,
    articles_per_task: int = 8,
    memory: dict | None = None,
) -> dict[str, int]:
    """Parse a corpus and write every table as ``out/<table>.parquet``, streaming.

    Parameters
    ----------
    source
        A :class:`Corpus`, or anything :func:`s400lib.load_corpus` accepts (folder, glob, file, list).
    out
        Folder for the Parquet files (created if missing; existing table files are replaced).
    batch_size, n_process
        Passed to spaCy's ``nlp.pipe``.
    chunk_size
        Articles whose rows are buffered before they are appended to the files; bounds memory.
    progress
        Show a progress bar (default: for 20 articles or more).
    errors
        ``"raise"`` or ``"warn"`` for unreadable files, as in :func:`s400lib.load_corpus`.
    client
        A ``distributed.Client``: run the per-article stage on its Dask workers instead of here
        (see :mod:`s400lib.distributed`).
    articles_per_task
        With ``client``: articles parsed per Dask task.
    memory
        If a dict is given, it receives ``parse_peak_mib`` and ``finish_peak_mib``: this process's
        peak resident memory after the per-article stage and after the corpus-wide finish.

    Returns
    -------
    dict
        Rows written per table name. Read the tables back with ``sl.Tables.from_parquet(out)``;
        the files are identical to ``sl.parse(corpus).to_parquet(out)``.

    Examples
    --------
    >>> counts = parse_to_parquet("seeds", "out/seeds", progress=False)  # doctest: +SKIP
    >>> Tables.from_parquet("out/seeds").articles["article_id"].tolist()  # doctest: +SKIP
    ['000_8ca09a8607288180', '001_7ea52e1d489151b0']
    """
    corpus = source if isinstance(source, Corpus) else load_corpus(source, errors=errors)
    out = Path(out)
    counts = write_chunks(iter_parts(corpus, batch_size, n_process, progress, client, articles_per_task), out, chunk_size)
    if memory is not None:
        memory["parse_peak_mib"] = peak_rss_mib()
    finished = finish_on_disk(out)
    if memory is not None:
        memory["finish_peak_mib"] = peak_rss_mib()
    counts.update({name: len(frame) for name, frame in finished.items() if name not in DIRECT_TABLES})
    return counts


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (NaN where the OS does not report it)."""
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def iter_parts(
    corpus: Corpus, batch_size: int = 16, n_process: int = 1, progress: bool | None = None, client=None, articles_per_task: int = 8
) -> Iterator[Tables]:
    """Per-article :class:`Tables` in corpus order, parsed here or on a Dask cluster."""
    if client is not None:
        from .distributed import iter_parsed_distributed

        yield from iter_parsed_distributed(corpus.articles, client, batch_size, articles_per_task, progress)
        return
    from .parse import iter_parsed

    yield from iter_parsed(corpus.articles, batch_size=batch_size, n_process=n_process, progress=progress, total=len(corpus))
