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


def sentences_view(frame: pd.DataFrame, tables, text_column: str = "text", mark: list[str] | None = None):
    """An HTML list of rows with their outlet and article, the given words highlighted."""
    from IPython.display import HTML

    rows = []
    for r in frame.itertuples():
        aid = r.article_id
        rows.append(f"<tr><td><small>{html.escape(_outlet(tables, aid))} (article {html.escape(str(aid)[:3])})</small></td>"
                    f"<td>{_highlight(getattr(r, text_column), mark or [])}</td></tr>")
    return HTML(_STYLE + f"<table class='s4-ev'><tr><th>where</th><th>text</th></tr>{''.join(rows)}</table>")
