"""Command line: ``python -m s400lib parse`` (articles to Parquet) and ``python -m s400lib report``.

Examples
--------
Parse a folder of articles into Parquet tables, then render an HTML report from them::

    python -m s400lib parse news/ --out out/news
    python -m s400lib parse news/*.txt more/ --out out/news --workers 4     # local Dask cluster
    python -m s400lib parse news/ --out out/news --dask tcp://10.0.0.5:8786  # existing scheduler
    python -m s400lib report out/news --out out/news/report.html

The same commands are installed as ``s400lib parse ...`` and ``s400lib report ...``.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

PARSE_HELP = """Parse articles (.txt, .md, .html; folders, globs or files) into one Parquet file per table:
DIR/articles.parquet, paragraphs, sentences, entities, quotes, timexes, numbers and claims.
Articles are parsed one at a time and written in chunks, so memory stays flat as the corpus
grows. Read the result with `sl.Tables.from_parquet(DIR)` or `pandas.read_parquet(DIR/"quotes.parquet")`."""

REPORT_HELP = """Render a self-contained HTML page from tables written by `parse`: rows per table, the
articles, the most mentioned entities, quotes per speaker, contradictions between articles and
the event timeline (computed from the saved tables)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m s400lib",
        description="s400lib: read news coverage as tables. Subcommands: parse (articles -> Parquet), report (Parquet -> HTML).",
        epilog="Run `python -m s400lib parse --help` or `python -m s400lib report --help` for each command's options.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="{parse,report}")

    p = sub.add_parser("parse", help="parse articles into Parquet tables", description=PARSE_HELP)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="article files, folders or glob patterns (quote globs)")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the <table>.parquet files (created if missing)")
    p.add_argument("--batch-size", type=int, default=16, metavar="N", help="documents per spaCy batch (default 16)")
    p.add_argument("--n-process", type=int, default=1, metavar="N", help="worker processes on this machine for the whole per-article stage, spaCy and extractors (default 1)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N", help="start a local Dask cluster of N worker processes (loopback only) for the per-article stage")
    where.add_argument("--dask", metavar="ADDRESS", help="run the per-article stage on an existing Dask scheduler, e.g. tcp://host:8786")
    p.add_argument("--chunk-size", type=int, default=50, metavar="N", help="articles buffered before rows are appended to the files (default 50)")
    p.add_argument("--articles-per-task", type=int, default=8, metavar="N", help="with --workers/--dask: articles per Dask task (default 8)")
    p.add_argument("--aliases", type=Path, metavar="CSV", help="your own alias table (header alias,canonical,label) for canonical names; read after the packaged one, so your rows win")
    p.add_argument("--errors", choices=("warn", "raise"), default="warn", help="unreadable files: warn and skip them (default) or stop")
    p.add_argument("--encoding", default="utf-8", help="encoding of the text files (default utf-8; e.g. cp1252, latin-1)")
    p.add_argument("--max-chars", type=int, default=None, metavar="N",
                   help="longest article accepted, in characters (default 1,000,000; longer texts are parsed in pieces)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--memory", action="store_true", help="also print this process's peak memory after each stage")

    r = sub.add_parser("report", help="render an HTML report from saved tables", description=REPORT_HELP)
    r.add_argument("folder", type=Path, metavar="DIR", help="folder written by `parse --out DIR`")
    r.add_argument("--out", type=Path, metavar="FILE", help="HTML file to write (default DIR/report.html)")
    r.add_argument("--top", type=int, default=15, metavar="N", help="rows in the top-N sections (default 15)")
    on = r.add_mutually_exclusive_group()
    on.add_argument("--workers", type=int, metavar="N", help="score the alignment's, contradictions' and timeline's candidate pairs on a local Dask cluster of N worker processes")
    on.add_argument("--dask", metavar="ADDRESS", help="score them on an existing Dask scheduler, e.g. tcp://host:8786")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m s400lib`` and of the ``s400lib`` console script."""
    args = build_parser().parse_args(argv)
    if args.command == "parse":
        return run_parse(args)
    return run_report(args)


@contextmanager
def _plain_warnings():
    """Input warnings as one line each ("warning: FILE: what is wrong. Fix: ..."), without the
    Python source line the default format adds."""
    previous = warnings.formatwarning
    warnings.formatwarning = lambda message, category, *args, **kwargs: f"warning: {message}\n"
    try:
        yield
    finally:
        warnings.formatwarning = previous


def run_parse(args: argparse.Namespace) -> int:
    from .core.errors import InputError
    from .io.corpus import load_corpus
    from .pipeline.stream import parse_to_parquet

    for name in ("batch_size", "n_process", "chunk_size", "articles_per_task", "workers"):
        value = getattr(args, name, None)
        if value is not None and value < 1:
            print(f"error: --{name.replace('_', '-')} must be at least 1, not {value}", file=sys.stderr)
            return 2
    import codecs

    try:
        codecs.lookup(args.encoding)
    except LookupError:
        print(f"error: --encoding {args.encoding}: unknown encoding. Fix: use a Python codec name such as utf-8, cp1252 or latin-1", file=sys.stderr)
        return 2
    if args.aliases is not None and not args.aliases.is_file():
        print(f"error: --aliases {args.aliases}: no such file. Fix: give the path of a CSV with header alias,canonical,label", file=sys.stderr)
        return 2
    progress = False if args.no_progress else None
    memory: dict = {}
    options = dict(batch_size=args.batch_size, n_process=args.n_process, chunk_size=args.chunk_size, progress=progress, memory=memory, aliases=args.aliases)
    try:
        with _plain_warnings():
            limit = {"max_chars": args.max_chars} if args.max_chars else {}
            corpus = load_corpus(args.inputs, errors=args.errors, encoding=args.encoding, **limit)
        if not len(corpus):
            print(f"error: no readable article in {' '.join(args.inputs)} (see the warnings above); nothing written", file=sys.stderr)
            return 2
        if args.workers or args.dask:
            from .pipeline.distributed import connect, local_cluster

            cluster = local_cluster(workers=args.workers) if args.workers else connect(args.dask)
            with cluster as client:
                counts = parse_to_parquet(corpus, args.out, client=client, articles_per_task=args.articles_per_task, errors=args.errors, **options)
        else:
            with _plain_warnings():
                counts = parse_to_parquet(corpus, args.out, errors=args.errors, **options)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"interrupted: nothing was written; {args.out} holds what it held before", file=sys.stderr)
        return 130
    except OSError as exc:  # a full disk, a read-only folder, a folder that vanished: say which, without a traceback
        print(f"error: {exc.filename or args.out}: {exc.strerror or exc}. Fix: {_fix_for(exc)}; "
              f"{args.out} holds what it held before", file=sys.stderr)
        return 1
    print(f"wrote {counts['articles']} articles to {args.out}/: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    if args.memory:
        print(f"peak memory: {memory['parse_peak_mib']:.0f} MiB after parsing the articles (this process), "
              f"{memory['finish_peak_mib']:.0f} MiB in the corpus-wide finish (its own process)")
        if memory.get("worker_peak_mib"):
            peaks = sorted(memory["worker_peak_mib"].values())
            print(f"peak memory of each of the {len(peaks)} worker processes: " + ", ".join(f"{p:.0f} MiB" for p in peaks))
    return 0


def _fix_for(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return "free disk space (or choose --out on another disk) and run again"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "choose an --out folder you can write to, or change its permissions"
    return "check the output folder and run again"


def run_report(args: argparse.Namespace) -> int:
    from .core.tables import Tables
    from .viz.html_report import render_report

    try:
        tables = Tables.from_parquet(args.folder)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = args.out or args.folder / "report.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    title = f"s400lib report: {args.folder}"
    if args.workers or args.dask:
        from .pipeline.distributed import connect, local_cluster

        with (local_cluster(args.workers) if args.workers else connect(args.dask)) as client:
            page = render_report(tables, title=title, top=args.top, client=client)
    else:
        page = render_report(tables, title=title, top=args.top)
    out.write_text(page, encoding="utf-8")
    print(f"report written to {out}")
    return 0


# ---------------------------------------------------------------------------------------------
# the HTML report
# ---------------------------------------------------------------------------------------------


if __name__ == "__main__":
    raise SystemExit(main())
