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
import base64
import html
import io
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

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
    p.add_argument("--n-process", type=int, default=1, metavar="N", help="spaCy processes on this machine (default 1; pays off from a few hundred articles)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N", help="start a local Dask cluster of N worker processes (loopback only) for the per-article stage")
    where.add_argument("--dask", metavar="ADDRESS", help="run the per-article stage on an existing Dask scheduler, e.g. tcp://host:8786")
    p.add_argument("--chunk-size", type=int, default=50, metavar="N", help="articles buffered before rows are appended to the files (default 50)")
    p.add_argument("--articles-per-task", type=int, default=8, metavar="N", help="with --workers/--dask: articles per Dask task (default 8)")
    p.add_argument("--aliases", type=Path, metavar="CSV", help="your own alias table (header alias,canonical,label) for canonical names; read after the packaged one, so your rows win")
    p.add_argument("--errors", choices=("warn", "raise"), default="warn", help="unreadable files: warn and skip them (default) or stop")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--memory", action="store_true", help="also print this process's peak memory after each stage")

    r = sub.add_parser("report", help="render an HTML report from saved tables", description=REPORT_HELP)
    r.add_argument("folder", type=Path, metavar="DIR", help="folder written by `parse --out DIR`")
    r.add_argument("--out", type=Path, metavar="FILE", help="HTML file to write (default DIR/report.html)")
    r.add_argument("--top", type=int, default=15, metavar="N", help="rows in the top-N sections (default 15)")
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
    from .corpus import load_corpus
    from .errors import InputError
    from .stream import parse_to_parquet

    for name in ("batch_size", "n_process", "chunk_size", "articles_per_task", "workers"):
        value = getattr(args, name, None)
        if value is not None and value < 1:
            print(f"error: --{name.replace('_', '-')} must be at least 1, not {value}", file=sys.stderr)
            return 2
    if args.aliases is not None and not args.aliases.is_file():
        print(f"error: --aliases {args.aliases}: no such file. Fix: give the path of a CSV with header alias,canonical,label", file=sys.stderr)
        return 2
    progress = False if args.no_progress else None
    memory: dict = {}
    options = dict(batch_size=args.batch_size, n_process=args.n_process, chunk_size=args.chunk_size, progress=progress, memory=memory, aliases=args.aliases)
    try:
        with _plain_warnings():
            corpus = load_corpus(args.inputs, errors=args.errors)
        if not len(corpus):
            print(f"error: no readable article in {' '.join(args.inputs)} (see the warnings above); nothing written", file=sys.stderr)
            return 2
        if args.workers or args.dask:
            from .distributed import connect, local_cluster

            cluster = local_cluster(workers=args.workers) if args.workers else connect(args.dask)
            with cluster as client:
                counts = parse_to_parquet(corpus, args.out, client=client, articles_per_task=args.articles_per_task, **options)
        else:
            counts = parse_to_parquet(corpus, args.out, **options)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {counts['articles']} articles to {args.out}/: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    if args.memory:
        print(f"peak memory: {memory['parse_peak_mib']:.0f} MiB after parsing the articles, {memory['finish_peak_mib']:.0f} MiB after the corpus-wide finish")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from .tables import Tables

    try:
        tables = Tables.from_parquet(args.folder)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = args.out or args.folder / "report.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(tables, title=f"s400lib report: {args.folder}", top=args.top), encoding="utf-8")
    print(f"report written to {out}")
    return 0


# ---------------------------------------------------------------------------------------------
# the HTML report
# ---------------------------------------------------------------------------------------------

STYLE = """body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.note{color:#666}img{max-width:100%}"""


def _section(title: str, body: str, note: str = "") -> str:
    note_html = f'<p class="note">{html.escape(note)}</p>' if note else ""
    return f"<h2>{html.escape(title)}</h2>\n{note_html}\n{body}\n"


def _frame(frame: pd.DataFrame, empty: str) -> str:
    if frame is None or frame.empty:
        return f'<p class="note">{html.escape(empty)}</p>'
    return frame.to_html(index=False, na_rep="", escape=True, border=0)


def _figure_png(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    return f'<img alt="event timeline" src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode("ascii")}">'


def _attempt(what: str, func, *args):
    """Run one cross-article step; a failure becomes a note in the report (and a warning), not a crash."""
    try:
        return func(*args), ""
    except Exception as exc:  # noqa: BLE001 - the report must render whatever part of it can be computed
        warnings.warn(f"report: {what} could not be computed: {exc!r}", RuntimeWarning, stacklevel=2)
        return None, f"{what} could not be computed: {type(exc).__name__}: {exc}"


def quotes_by_speaker(quotes: pd.DataFrame) -> pd.DataFrame:
    """DataFrame[speaker, quotes, articles, kinds]: who is quoted how often, most quoted first.

    Quotes without a resolved speaker (scare quotes, unresolved) are counted as '(unknown)'."""
    if quotes.empty:
        return pd.DataFrame(columns=["speaker", "quotes", "articles", "kinds"])
    q = quotes.assign(speaker=quotes["speaker"].fillna("(unknown)"))
    grouped = q.groupby("speaker").agg(
        quotes=("text", "size"), articles=("article_id", "nunique"), kinds=("kind", lambda s: ", ".join(sorted(s.dropna().unique())))
    )
    return grouped.sort_values(["quotes", "speaker"], ascending=[False, True]).reset_index()


def render_report(tables, title: str = "s400lib report", top: int = 15) -> str:
    """A self-contained HTML page (no external files) describing a parsed corpus.

    Parameters
    ----------
    tables
        :class:`s400lib.Tables`, e.g. ``Tables.from_parquet(folder)``.
    title
        Page title.
    top
        Rows shown in the "most mentioned" and "most quoted" sections.

    Returns
    -------
    str
        HTML: rows per table, articles (title, outlet, publication date and its source), top
        entities, quotes by speaker, contradictions, and the event timeline as an embedded PNG.
    """
    from . import align, contradictions, plot_timeline, timeline
    from .plots import top_entities
    from .tables import TABLE_NAMES

    parts = [f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"]
    parts.append(f"<h1>{html.escape(title)}</h1>")

    counts = pd.DataFrame({"table": list(TABLE_NAMES), "rows": [len(tables[name]) for name in TABLE_NAMES]})
    parts.append(_section("Rows per table", _frame(counts, "no tables")))

    art_cols = ["article_id", "title", "outlet", "published", "published_source", "n_chars"]
    articles = tables.articles[[c for c in art_cols if c in tables.articles.columns]].copy()
    if "published" in articles:
        articles["published"] = articles["published"].dt.strftime("%Y-%m-%d")
    parts.append(_section("Articles", _frame(articles, "no articles")))

    parts.append(_section("Most mentioned entities", _frame(top_entities(tables, n=top), "no named entities found"), "canonical names; mentions in titles and story text"))
    parts.append(_section("Quotes by speaker", _frame(quotes_by_speaker(tables.quotes).head(top), "no quotes found")))

    aligned, note = _attempt("alignments", align, tables)
    found, note2 = (None, note) if aligned is None else _attempt("contradictions", contradictions, tables, aligned)
    if found is not None:
        cols = [c for c in ("kind", "left_article", "left_text", "right_article", "right_text", "explanation") if c in found.columns]
        found = found.sort_values("score", ascending=False)[cols] if "score" in found.columns else found[cols]
    parts.append(_section("Contradictions between articles", _frame(found, note2 or "no contradictions found")))

    events, note3 = _attempt("timeline", timeline, tables)
    if events is not None and not events.empty:
        figure, note4 = _attempt("timeline figure", plot_timeline, events)
        body = _figure_png(figure) if figure is not None else f'<p class="note">{html.escape(note4)}</p>'
        shown = events[[c for c in ("value", "text", "article_id", "sources", "conflict") if c in events.columns]].head(top * 2)
        body += _frame(shown, "")
    else:
        body = f'<p class="note">{html.escape(note3 or "no dated events found")}</p>'
    parts.append(_section("Timeline of events", body))
    parts.append("</body></html>\n")
    return "\n".join(parts)


if __name__ == "__main__":
    raise SystemExit(main())
