"""Evidence a reader can check: the source sentences of a finding, with outlet, article and the
compared words highlighted, left-aligned and never clipped (a small HTML view for notebooks)."""

from __future__ import annotations

import html
import re

import pandas as pd

_STYLE = ("<style>.s4-ev{font-family:system-ui,sans-serif;text-align:left;border-collapse:collapse;margin:.5rem 0}"
          ".s4-ev td,.s4-ev th{border:1px solid #ddd;padding:.4rem .6rem;vertical-align:top;text-align:left;white-space:normal}"
          ".s4-ev th{background:#f4f4f4}.s4-ev mark{background:#ffe08a;padding:0 .1rem}.s4-ev small{color:#555}</style>")


def _highlight(text: str, words: list[str]) -> str:
    out = html.escape(str(text))
    for word in sorted({w for w in words if w and len(w) > 2}, key=len, reverse=True):
        out = re.sub(rf"(?<![\w&])({re.escape(html.escape(word))})(?![\w;])", r"<mark>\1</mark>", out, flags=re.IGNORECASE)
    return out


def _quoted(text: str) -> list[str]:
    return re.findall(r"[“\"']([^”\"']{2,80})[”\"']", str(text))


def outlet_label(tables, article_id: str) -> str:
    """The outlet's name, short; "outlet unknown" when the metadata says it is not known."""
    row = tables.articles.loc[tables.articles["article_id"] == article_id]
    outlet = row["outlet"].iloc[0] if len(row) else None
    if not isinstance(outlet, str) or not outlet or outlet.lower().startswith("unknown"):
        return "outlet unknown"
    return outlet if len(outlet) <= 40 else outlet[:40].rsplit(" ", 1)[0] + "…"


_outlet = outlet_label


def pairs_view(pairs: pd.DataFrame, tables, note_column: str = "explanation", limit: int | None = None):
    """An HTML table of paired findings (contradictions or alignments): for each pair, both source
    sentences with their outlet, article and source, the words the explanation quotes highlighted,
    and the explanation or relation."""
    from IPython.display import HTML

    rows = []
    for r in pairs.head(limit).itertuples() if limit else pairs.itertuples():
        note = getattr(r, note_column, "") if note_column in pairs.columns else ""
        marked = _quoted(note) + [str(getattr(r, "topic", "") or "")]
        cells = []
        for side in ("left", "right"):
            aid = getattr(r, f"{side}_article")
            source = getattr(r, f"{side}_source", None)
            who = f"; said by {html.escape(str(source))}" if isinstance(source, str) and source else ""
            cells.append(f"<td><small>{html.escape(_outlet(tables, aid))} (article {html.escape(aid[:3])}){who}</small><br>"
                         f"{_highlight(getattr(r, f'{side}_text'), marked)}</td>")
        kind = getattr(r, "kind", getattr(r, "relation", ""))
        rows.append(f"<tr><td>{html.escape(str(kind))}</td>{''.join(cells)}<td>{html.escape(str(note))}</td></tr>")
    head = "<tr><th>kind</th><th>one side</th><th>the other side</th><th>why</th></tr>"
    return HTML(_STYLE + f"<table class='s4-ev'>{head}{''.join(rows)}</table>")


def in_context(frame: pd.DataFrame, tables, sentences_before: int = 0) -> pd.DataFrame:
    """Each row's whole sentences, cut from the article by offsets so they can be checked against it.

    Added columns: ``context`` runs from the start of the sentence holding the row's ``start`` (and
    ``sentences_before`` sentences before it, within the article) to the end of the sentence holding its
    ``end``; ``context_start`` is where ``context`` begins in the article's text. A row outside every
    sentence (a title, say) keeps its own span as context.
    """
    contexts, starts = [], []
    sentences = tables.sentences
    by_article = {aid: group.sort_values("start") for aid, group in sentences.groupby("article_id", sort=False)}
    for aid, start, end in zip(frame["article_id"], frame["start"], frame["end"]):
        text = tables.text_of(aid)
        group = by_article.get(aid)
        lo, hi = int(start), int(end)
        if group is not None and len(group):
            starts_, ends_ = group["start"].to_numpy(), group["end"].to_numpy()
            holding = int(starts_.searchsorted(lo, side="right")) - 1
            if holding >= 0 and lo < ends_[holding]:
                first = max(holding - sentences_before, 0)
                lo = int(starts_[first])
            closing = int(ends_.searchsorted(hi, side="left"))
            if closing < len(group) and starts_[closing] < hi <= ends_[closing]:
                hi = int(ends_[closing])
        contexts.append(text[lo:hi])
        starts.append(lo)
    return frame.assign(context=contexts, context_start=starts)


def _mark_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """HTML of ``text`` with the given character spans (non-overlapping after sorting) in <mark>."""
    out, at = [], 0
    for lo, hi in sorted((max(lo, 0), min(hi, len(text))) for lo, hi in spans if hi > lo):
        if lo < at:
            continue
        out += [html.escape(text[at:lo]), "<mark>", html.escape(text[lo:hi]), "</mark>"]
        at = hi
    return "".join(out + [html.escape(text[at:])])


def sentences_view(frame: pd.DataFrame, tables, text_column: str = "text", mark: list[str] | None = None,
                   spans: list[str] | None = None):
    """An HTML list of rows with their outlet and article.

    With ``spans`` (pairs of offset columns, e.g. ``["start", "speaker_start"]`` meaning start/end and
    speaker_start/speaker_end) and a frame from :func:`in_context`, exactly those characters of the context
    are highlighted; otherwise every occurrence of the words in ``mark`` is.
    """
    from IPython.display import HTML

    rows = []
    for r in frame.itertuples():
        aid = r.article_id
        text = getattr(r, text_column)
        if spans:
            base = int(r.context_start)
            found = []
            for begin in spans:
                lo, hi = getattr(r, begin), getattr(r, begin.replace("start", "end"))
                if pd.notna(lo) and pd.notna(hi):
                    found.append((int(lo) - base, int(hi) - base))
            body = _mark_spans(str(text), found)
        else:
            body = _highlight(text, mark or [])
        rows.append(f"<tr><td><small>{html.escape(_outlet(tables, aid))} (article {html.escape(str(aid)[:3])})</small></td>"
                    f"<td>{body}</td></tr>")
    return HTML(_STYLE + f"<table class='s4-ev'><tr><th>where</th><th>text</th></tr>{''.join(rows)}</table>")
