"""The one-page HTML report of ``python -m s400lib report``: tables, top entities, quotes, conflicts, timeline."""

from __future__ import annotations

import base64
import html
import io
import warnings

import pandas as pd

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


def _attempt(what: str, func, *args, **kwargs):
    """Run one cross-article step; a failure becomes a note in the report (and a warning), not a crash."""
    try:
        return func(*args, **kwargs), ""
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


def render_report(tables, title: str = "s400lib report", top: int = 15, client=None) -> str:
    """A self-contained HTML page (no external files) describing a parsed corpus.

    Parameters
    ----------
    tables
        :class:`s400lib.Tables`, e.g. ``Tables.from_parquet(folder)``.
    title
        Page title.
    top
        Rows shown in the "most mentioned" and "most quoted" sections.
    client
        A Dask client: the alignment's and the timeline's candidate pairs are scored, and the
        contradictions' judged, on its workers (see :func:`s400lib.compare.align.align`); the page
        is the same.

    Returns
    -------
    str
        HTML: rows per table, articles (title, outlet, publication date and its source), top
        entities, quotes by speaker, contradictions, and the event timeline as an embedded PNG.
    """
    from ..compare.align import align
    from ..compare.contradictions import contradictions, same_quote_rows
    from ..compare.timeline import timeline
    from ..core.tables import TABLE_NAMES
    from .plots import top_entities
    from .timeline_figure import plot_timeline

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

    aligned, note = _attempt("alignments", align, tables, client=client)
    if aligned is not None:
        aligned = same_quote_rows(aligned)  # not held through the next two stages
    found, note2 = (None, note) if aligned is None else _attempt("contradictions", contradictions, tables, aligned, client=client)
    # the timeline marks the events these contradictions dispute, so the two sections agree
    disputed = found
    if found is not None:
        cols = [c for c in ("kind", "left_article", "left_text", "right_article", "right_text", "explanation") if c in found.columns]
        found = found.sort_values("score", ascending=False)[cols] if "score" in found.columns else found[cols]
    parts.append(_section("Contradictions between articles", _frame(found, note2 or "no contradictions found")))

    events, note3 = _attempt("timeline", timeline, tables, contradictions=disputed, client=client)
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

