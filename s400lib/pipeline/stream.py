"""Streaming a corpus to Parquet: parse article by article, write tables in chunks, finish on disk.

:func:`s400lib.pipeline.parse` keeps every table of every article in memory until the end. For a folder of
thousands of articles :func:`parse_to_parquet` instead

1. parses articles one at a time (spaCy still runs in batches; each Doc is dropped as soon as its
   article's tables are built) and writes the rows every ``chunk_size`` articles: the paragraphs
   straight to their final file, the other tables to one staging file per chunk;
2. in a fresh Python process that imports no spaCy (:func:`s400lib.pipeline.finish.finish_in_child`),
   makes the corpus-wide decisions (:func:`s400lib.pipeline.finish.corpus_decisions`: one canonical name per
   entity, publication dates inferred from the other articles) from what they need alone: name
   counts summed chunk by chunk, and, when some article has no metadata date, the sentences and
   timexes (a corpus's words, without the spaCy Docs and without the other tables);
3. reads the staged tables back one chunk at a time, applies those decisions
   (:func:`s400lib.pipeline.finish.finish_part`) and appends the chunk to the final ``<table>.parquet``.

With a Dask ``client`` step 1 runs on the workers and each task writes its own staging part
(:func:`s400lib.pipeline.distributed.parse_and_stage`); this process only schedules and counts rows.

So memory holds one batch of spaCy Docs and one chunk of rows, plus the corpus-wide name counts
(which grow with the vocabulary of names, not with the number of mentions) and, for date
inference only, one batch of undated sentences with their matches (the corpus's trigram codes wait
on disk in the staging folder). The result is identical to ``sl.parse(corpus).to_parquet(out)``
(tested); ``bench/scaling.md`` gives the peak at 1,000, 2,000 and 10,000 articles.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from ..core.tables import TABLE_NAMES, ArticleRows, Tables
from ..io.corpus import Corpus, load_corpus
from .staging import DIRECT_TABLES, STAGING, ChunkWriter, _read_part, part_path, peak_rss_mib  # noqa: F401  (ChunkWriter: public here)

def write_chunks(parts: Iterable[Tables | ArticleRows], out: str | Path, chunk_size: int = 50) -> tuple[dict[str, int], int]:
    """Write per-article tables (before the finish step) in chunks of ``chunk_size`` articles.

    Tables in :data:`DIRECT_TABLES` are appended to ``out/<table>.parquet``. The others go to one
    staging file per chunk, ``out/.staging/<table>-<chunk>.parquet``, so the finish step can read
    back any one chunk of articles, every table of it, on its own. Returns (rows written per
    table, number of chunks).
    """
    out = Path(out)
    staging = out / STAGING
    staging.mkdir(parents=True, exist_ok=True)
    direct = {name: ChunkWriter(out / f"{name}.parquet", name) for name in DIRECT_TABLES}
    rows = dict.fromkeys(TABLE_NAMES, 0)
    buffer: list[Tables | ArticleRows] = []
    n_parts = 0

    def flush() -> None:
        nonlocal n_parts
        if not buffer:
            return
        chunk = Tables.concat(buffer)
        for name in TABLE_NAMES:
            rows[name] += len(chunk[name])
            if name in direct:
                direct[name].write(chunk[name])
            else:
                chunk[name].to_parquet(part_path(staging, name, n_parts), index=False)
        n_parts += 1
        buffer.clear()

    try:
        for part in parts:
            buffer.append(part)
            if len(buffer) >= chunk_size:
                flush()
        flush()
    finally:
        for writer in direct.values():
            writer.close()
    return rows, n_parts


def _gather_direct(out: Path, n_parts: int) -> None:
    """Append the staged parts of the tables the finish never changes to their final files (when
    workers staged every table, see :func:`s400lib.pipeline.distributed.parse_and_stage`)."""
    staging = out / STAGING
    for name in DIRECT_TABLES:
        writer = ChunkWriter(out / f"{name}.parquet", name)
        try:
            for k in range(n_parts):
                writer.write(_read_part(staging, name, k))
                part_path(staging, name, k).unlink()
        finally:
            writer.close()


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
    aliases: str | Path | None = None,
    separate_finish: bool = True,
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
        (see :mod:`s400lib.pipeline.distributed`).
    articles_per_task
        With ``client``: articles parsed per Dask task.
    memory
        If a dict is given, it receives ``parse_peak_mib`` and ``finish_peak_mib``: this process's
        peak resident memory after the per-article stage and after the corpus-wide finish; with
        ``client`` also ``worker_peak_mib``, each worker process's peak (process id -> MiB).
    aliases
        Your own alias CSV (``alias,canonical,label``) for canonical names, read after the packaged
        one (see :mod:`s400lib.extract.entities`).
    separate_finish
        Run the corpus-wide finish in a fresh Python process that imports no spaCy (default), so
        that its memory neither adds to what parsing left allocated nor stays after it; False runs
        it in this process. The tables are the same either way.

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
    from .finish import finish_in_child, finish_on_disk

    out = Path(out)
    _check_out(out)
    workers = None
    if n_process > 1 and client is None and not isinstance(source, Corpus):
        from .parse import start_workers

        # forked before the corpus is listed, so that no worker holds a copy of its paths and metadata
        workers = start_workers(n_process)
    try:
        corpus = source if isinstance(source, Corpus) else load_corpus(source, errors=errors)
    except BaseException:
        if workers is not None:
            workers.shutdown(cancel_futures=True)
        raise
    # everything is written to a folder beside `out` and moved in only when complete: an interrupted
    # or failed run leaves the previous complete output as it was
    work = out.parent / f".{out.name}.partial-{os.getpid()}"
    _remove_stale_partials(out)
    shutil.rmtree(work, ignore_errors=True)
    try:
        if client is not None:
            from .distributed import stage_distributed

            (work / STAGING).mkdir(parents=True)
            counts, n_parts, worker_peaks = stage_distributed(corpus.articles, client, work / STAGING, batch_size,
                                                              articles_per_task, progress)
            _gather_direct(work, n_parts)
            if memory is not None:
                memory["worker_peak_mib"] = worker_peaks
        else:
            counts, n_parts = write_chunks(iter_parts(corpus, batch_size, n_process, progress, None, articles_per_task, errors,
                                                      workers), work, chunk_size)
        del corpus  # the article texts are in the staged tables now; the finish reads them a chunk at a time
        if memory is not None:
            memory["parse_peak_mib"] = peak_rss_mib()
        if separate_finish:
            rows, finish_peak = finish_in_child(work, n_parts, aliases=aliases)
        else:
            rows, finish_peak = finish_on_disk(work, n_parts, aliases=aliases), None
        counts.update(rows)
        if memory is not None:
            # with a separate finish, the peak of the process that ran it
            memory["finish_peak_mib"] = peak_rss_mib() if finish_peak is None else finish_peak
        write_manifest(work, counts)
        _move_into_place(work, out)
    finally:
        if workers is not None:
            workers.shutdown(cancel_futures=True)  # already done when the parse ran to its end
        shutil.rmtree(work, ignore_errors=True)
    return counts


MANIFEST = "manifest.json"


def write_manifest(folder: Path, counts: dict[str, int]) -> None:
    """What a complete output holds: rows per table, the library version and a completion flag.
    :meth:`s400lib.Tables.from_parquet` checks the files against it."""
    import json

    from ..core import VERSION

    manifest = {"complete": True, "library_version": VERSION, "articles": int(counts.get("articles", 0)),
                "rows": {name: int(counts.get(name, 0)) for name in TABLE_NAMES}}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def _remove_stale_partials(out: Path) -> None:
    """Partial folders left by runs that were killed (their process is gone)."""
    for stale in out.parent.glob(f".{out.name}.partial-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid():
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                shutil.rmtree(stale, ignore_errors=True)
            except PermissionError:
                pass  # another user's live process


def _check_out(out: Path) -> None:
    from ..core.errors import InputError

    if out.exists() and not out.is_dir():
        raise InputError(out, "the output path is a file, not a folder", "pass a folder to --out (it is created if missing)")
    parent = out.parent if out.parent != Path("") else Path(".")
    probe = out if out.exists() else parent
    if probe.exists() and not os.access(probe, os.W_OK):
        raise InputError(probe, "the output folder cannot be written to", "choose a folder you can write to, or fix its permissions")


def _move_into_place(work: Path, out: Path) -> None:
    """Our files from ``work`` into ``out``; the user's other files in ``out`` are left alone. The old
    manifest goes first and the new one last, so a reader never takes a half-moved folder for complete."""
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)
    written = {path.name for path in work.glob("*.parquet")}
    for name in TABLE_NAMES:  # a table this run did not write must not survive from an older run
        if f"{name}.parquet" not in written:
            (out / f"{name}.parquet").unlink(missing_ok=True)
    for name in sorted(written):
        os.replace(work / name, out / name)
    os.replace(work / MANIFEST, out / MANIFEST)


def iter_parts(
    corpus: Corpus, batch_size: int = 16, n_process: int = 1, progress: bool | None = None, client=None, articles_per_task: int = 8,
    errors: str = "raise", workers=None,
) -> Iterator[ArticleRows]:
    """Per-article rows (:class:`~s400lib.core.tables.ArticleRows`) in corpus order, parsed here or on a Dask cluster."""
    if client is not None:
        from .distributed import iter_parsed_distributed

        yield from iter_parsed_distributed(corpus.articles, client, batch_size, articles_per_task, progress)
        return
    from .parse import iter_parsed

    problems: list[dict] = []
    yield from iter_parsed(corpus.articles, batch_size=batch_size, n_process=n_process, progress=progress, total=len(corpus),
                           errors=errors, problems=problems, workers=workers)
    if problems:
        corpus.problems = pd.concat([corpus.problems, pd.DataFrame(problems)], ignore_index=True)
