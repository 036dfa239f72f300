"""The corpus-wide finish: decisions that need every article (one canonical name per entity, publication
dates inferred from the other articles), made once and applied to the tables of any subset of them.

:func:`corpus_decisions` makes the decisions and :func:`finish_part` applies them; ``sl.parse`` runs
both on its tables in memory. A streamed parse runs :func:`finish_on_disk` on its staged chunks,
by default in a fresh Python process (:func:`finish_in_child`): this module and everything the
finish imports need no spaCy, so that process starts at about half the memory of the one that
parsed (see ``bench/scaling.md``), and the memory the finish takes is given back when it ends.

    python -m s400lib.pipeline.finish WORK N_PARTS [ALIASES]

is that child's command line (``WORK`` the partial output folder holding ``.staging/``).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa

from ..core import schema
from ..core.tables import TABLE_NAMES, Tables
from . import staging as staged  # read through the module, so a test can watch what is read
from .staging import STAGING, peak_rss_mib

FINISH_RECORD = ".finish.json"  # rows written and the child's peak memory, read back by the parent


def corpus_decisions(tables: Tables, stats=None, aliases: str | Path | None = None, parts=None, scratch: str | Path | None = None):
    """(:class:`~s400lib.link.names.NameMap`, inferred dates) for a corpus.

    ``stats`` (:class:`~s400lib.link.names.NameStats`, or a function returning one) may be given
    when the entities and quotes tables are counted elsewhere (chunk by chunk); dates need
    ``articles``, ``sentences`` and ``timexes`` only, and ``parts`` (see
    :func:`s400lib.link.pubdate.evidence_from_parts`) may give the last two a chunk at a time
    (writing what the date search keeps on disk under ``scratch``). Dates come first and a function
    is called only after them, so the date search and the name counts are never in memory together.
    """
    from ..link.names import NameMap, NameStats
    from ..link.pubdate import infer_dates

    dates = infer_dates(tables, parts=parts, scratch=scratch)
    stats = stats() if callable(stats) else stats if stats is not None else NameStats.of(tables.entities, tables.quotes)
    return NameMap(stats, aliases), dates


def finish_part(tables: Tables, names, dates: dict) -> Tables:
    """Apply the corpus-wide decisions to the tables of some of its articles (or all of them)."""
    from ..extract.claims import attach_entities
    from ..link.pubdate import apply_dates

    tables = apply_dates(names.apply(tables), dates)
    tables.claims = attach_entities(tables.claims, tables.entities)  # claims link to the final canonical names
    return tables


@contextlib.contextmanager
def _system_arrow_pool():
    """Arrow allocates from the system allocator for the duration (then the previous pool again).

    Arrow's default pool (mimalloc) keeps the pages it frees for later reuse; the finish reads
    hundreds of chunk files one after another, and measured on the bench corpus the memory kept
    that way added about 40 MiB to the peak at 1,000 articles as at 10,000, while the finish of
    1,000 articles took 6 to 7 s with either allocator.
    """
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def finish_on_disk(out: str | Path, n_parts: int, aliases: str | Path | None = None) -> dict[str, int]:
    """Run the corpus-wide finish on the staged chunks and write the final ``<table>.parquet`` files.

    No table is held whole but ``articles`` (without text): the decisions
    (:func:`corpus_decisions`) are made from the few columns publication
    dates need (``articles`` without their text; ``sentences`` and ``timexes`` a chunk at a time,
    only when some article has no metadata date), then from name counts summed chunk by chunk. Then each chunk is read, finished (:func:`finish_part`) and
    appended to the final files, one chunk at a time. The staging folder is removed at the end.
    Returns the rows written per finished table.
    """
    with _system_arrow_pool():
        return _finish(Path(out), n_parts, aliases)


def _finish(out: Path, n_parts: int, aliases) -> dict[str, int]:
    from ..link.names import NameStats
    from ..link.pubdate import SENTENCE_FIELDS, TIMEX_FIELDS

    staging = out / STAGING

    def name_counts() -> NameStats:
        stats = NameStats()
        for k in range(n_parts):
            stats += NameStats.of(staged._read_part(staging, "entities", k, ["text", "label"]),
                                  staged._read_part(staging, "quotes", k, ["speaker", "speaker_kind", "speaker_text"]))
        return stats

    article_columns = [c.name for c in schema.TABLES["articles"] if c.name != "text"]
    articles = staged._read_all_parts(staging, "articles", n_parts, article_columns)

    def sentence_parts():
        # dates inferred from the other articles read the sentences and timexes a chunk at a time
        return ((lambda k=k: (staged._read_part(staging, "sentences", k, list(SENTENCE_FIELDS)),
                              staged._read_part(staging, "timexes", k, list(TIMEX_FIELDS)))) for k in range(n_parts))

    names, dates = corpus_decisions(Tables(articles=articles), stats=name_counts, aliases=aliases, parts=sentence_parts, scratch=staging)
    del articles

    finished = [name for name in TABLE_NAMES if name not in staged.DIRECT_TABLES]
    writers = {name: staged.ChunkWriter(out / f"{name}.parquet", name) for name in finished}
    try:
        for k in range(n_parts):
            part = finish_part(Tables(**{name: staged._read_part(staging, name, k) for name in finished}), names, dates)
            for name in finished:
                writers[name].write(part[name])
    finally:
        for writer in writers.values():
            writer.close()
    shutil.rmtree(staging)
    return {name: w.rows for name, w in writers.items()}


def finish_in_child(out: str | Path, n_parts: int, aliases: str | Path | None = None) -> tuple[dict[str, int], float]:
    """:func:`finish_on_disk` in a fresh Python process; returns (rows written per table, that
    process's peak resident memory in MiB). The child imports only what the finish needs (pandas,
    pyarrow and the naming and dating modules, no spaCy). Its last line of error output is raised
    here as a RuntimeError when it fails."""
    out = Path(out)
    record = out / FINISH_RECORD
    record.unlink(missing_ok=True)
    command = [sys.executable, "-m", "s400lib.pipeline.finish", str(out), str(int(n_parts))] + ([str(aliases)] if aliases else [])
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0 or not record.exists():
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise RuntimeError(f"the corpus-wide finish failed in its own process: {lines[-1] if lines else f'exit status {done.returncode}'}")
    written = json.loads(record.read_text(encoding="utf-8"))
    record.unlink()
    return {name: int(n) for name, n in written["rows"].items()}, float(written["peak_mib"])


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out, n_parts = Path(args[0]), int(args[1])
    rows = finish_on_disk(out, n_parts, aliases=args[2] if len(args) > 2 else None)
    (out / FINISH_RECORD).write_text(json.dumps({"rows": rows, "peak_mib": peak_rss_mib()}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
