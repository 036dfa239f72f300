"""The publication-date evidence figure: what each clue allows and the interval inferred."""

from __future__ import annotations

import pandas as pd


def plot_evidence(evidence: pd.DataFrame, articles: pd.DataFrame, article_id: str, title: str | None = None):
    """One bar per piece of evidence (the publication interval it allows) and the inferred interval.

    Open ends (NaT) are drawn to the edge of the view; unused evidence is grey.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    ev = evidence[evidence["article_id"] == article_id]
    # one sentence may give the same window twice (matched to two dated passages): draw it once
    ev = ev.drop_duplicates(["kind", "text", "earliest", "latest"]).reset_index(drop=True)
    art = articles.set_index("article_id").loc[article_id]
    name = art["title"] if isinstance(art.get("title"), str) and art["title"] else f"article {article_id[:3]}"
    lo, hi = art["published_earliest"], art["published_latest"]
    finite = pd.concat([ev["earliest"], ev["latest"], pd.Series([lo, hi])]).dropna()
    view_lo = (lo if pd.notna(lo) else finite.min()) - pd.Timedelta(days=30)
    view_hi = (hi if pd.notna(hi) else finite.max()) + pd.Timedelta(days=30)
    fig, ax = plt.subplots(figsize=(10, 1.5 + 0.45 * max(len(ev), 1)))
    if pd.notna(lo) and pd.notna(hi):
        ax.axvspan(lo, hi + pd.Timedelta(days=1), color="tab:orange", alpha=0.25, label="inferred interval")
    if pd.notna(art["published"]) and art["published_source"] != "inferred":
        ax.axvline(art["published"], color="tab:orange", linewidth=2, label="published")
    for y, r in enumerate(ev.itertuples(index=False)):
        a = r.earliest if pd.notna(r.earliest) else view_lo
        b = (r.latest + pd.Timedelta(days=1)) if pd.notna(r.latest) else view_hi
        a, b = max(a, view_lo), min(b, view_hi)
        ax.plot([a, b], [y, y], linewidth=8, solid_capstyle="butt", color="tab:blue" if r.used else "lightgrey")
    ax.set_yticks(range(len(ev)), [f"{r.kind}: {r.text[:40]}…" if len(r.text) > 40 else f"{r.kind}: {r.text}"
                                   for r in ev.itertuples(index=False)], fontsize=8)
    ax.set_ylim(len(ev) - 0.5, -0.7)
    ax.set_xlim(view_lo, view_hi)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=9))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("Publication date each piece of evidence allows (bars cut at the edges of the view)")
    ax.set_ylabel("Evidence")
    ax.set_title(title or "When was it published? " + (name if len(name) <= 60 else name[:59].rsplit(" ", 1)[0] + "…"))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    fig.tight_layout()
    return fig
