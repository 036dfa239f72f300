"""Views of the quotes table for reading "who said what": counts, a sources figure, side-by-side
quotes of one speaker, and the cases where the rules are unsure.

Every function takes :class:`s400lib.Tables` (after :func:`s400lib.pipeline.parse`) and returns a DataFrame
or a titled, labelled matplotlib Figure.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..core.statements import statements
from ..core.tables import Tables

KINDS = ("direct", "partial", "indirect")
KIND_COLOURS = {"direct": "#4c72b0", "partial": "#55a868", "indirect": "#dd8452"}


def _outlets(tables: Tables) -> pd.Series:
    """article_id -> a short outlet label (the outlet, else the article id)."""
    arts = tables.articles.set_index("article_id")
    labels = {}
    for a, o in arts["outlet"].items():
        name = o.split(" (")[0].strip() if isinstance(o, str) and o else "unknown outlet"
        labels[a] = f"{textwrap.shorten(name, width=28, placeholder='…')} · {a[:12]}"
    return pd.Series(labels)


def quote_counts(tables: Tables, kinds=KINDS) -> pd.DataFrame:
    """Statements per speaker and article (scare quotes left out, and words quoted in part inside the speaker's
    own report counted once with it: :func:`s400lib.core.statements.statements`).

    Returns
    -------
    pandas.DataFrame
        Index speaker ('(unresolved)' for quotes without one), one column per article_id plus
        'total', sorted by total; the cells count direct, partial and indirect quotes.
    """
    q = statements(tables.quotes)
    q = q[q["kind"].isin(kinds)]
    q = q.assign(speaker=q["speaker"].fillna("(unresolved)"))
    table = q.pivot_table(index="speaker", columns="article_id", values="quote_id", aggfunc="count", fill_value=0)
    table.columns.name = None
    table["total"] = table.sum(axis=1)
    table = table.reset_index().sort_values(["total", "speaker"], ascending=[False, True], kind="mergesort")
    return table.set_index("speaker").astype(int)


def plot_sources(tables: Tables, top: int = 12) -> plt.Figure:
    """Horizontal bars: how often each speaker is quoted, one panel per outlet, bars split by kind."""
    q = statements(tables.quotes)
    q = q[q["kind"].isin(KINDS)]
    q = q.assign(speaker=q["speaker"].fillna("(unresolved)"), outlet=q["article_id"].map(_outlets(tables)))
    outlets = list(dict.fromkeys(q["outlet"]))
    fig, axes = plt.subplots(1, len(outlets), figsize=(6.5 * len(outlets), 0.38 * top + 1.8), squeeze=False)
    for ax, outlet in zip(axes[0], outlets):
        sub = q[q["outlet"] == outlet]
        counts = sub.pivot_table(index="speaker", columns="kind", values="quote_id", aggfunc="count", fill_value=0)
        counts = counts.reindex(columns=[k for k in KINDS if k in counts.columns])
        counts = counts.loc[counts.sum(axis=1).sort_values(ascending=True).index[-top:]]
        left = pd.Series(0, index=counts.index)
        for kind in counts.columns:
            ax.barh(counts.index, counts[kind], left=left, color=KIND_COLOURS[kind], label=kind)
            left = left + counts[kind]
        ax.set_title(outlet)
        ax.set_xlabel("statements attributed (direct, partial, indirect)")
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes[0][0].set_ylabel("speaker (canonical name)")
    # every kind drawn in any panel, whichever panel drew it (a panel with no partial quote has no green bar)
    drawn = [k for k in KINDS if (q["kind"] == k).any()]
    axes[0][-1].legend(handles=[Patch(color=KIND_COLOURS[k], label=k) for k in drawn], title="kind", loc="lower right")
    fig.suptitle("Whom each outlet quotes, and how")
    fig.tight_layout()
    return fig


def side_by_side(tables: Tables, speaker: str, kinds=KINDS, width: int = 110) -> pd.DataFrame:
    """The quotes of one speaker, one column per article, in reading order.

    Returns
    -------
    pandas.DataFrame
        Rows n = 1, 2, ...; one column per article that quotes the speaker; each cell is
        '<kind>: <text>' shortened to ``width`` characters.
    """
    q = tables.quotes[(tables.quotes["speaker"] == speaker) & tables.quotes["kind"].isin(kinds)]
    cols = {}
    for aid, sub in q.sort_values("start").groupby("article_id", sort=True):
        cols[aid] = [textwrap.shorten(f"{k}: {t}", width=width, placeholder=" …") for k, t in zip(sub["kind"], sub["text"])]
    n = max((len(v) for v in cols.values()), default=0)
    frame = pd.DataFrame({a: v + [""] * (n - len(v)) for a, v in cols.items()})
    frame.index = range(1, n + 1)
    return frame


def unsure(tables: Tables, threshold: float = 0.7) -> pd.DataFrame:
    """Quotes whose speaker rule is weak (confidence below ``threshold``), weakest first.

    Returns
    -------
    pandas.DataFrame
        quote_id, kind, speaker, speaker_text, speaker_rule, confidence, text (shortened).
    """
    q = tables.quotes[(tables.quotes["kind"] != "scare") & (tables.quotes["confidence"] < threshold)]
    q = q.sort_values(["confidence", "quote_id"])
    out = q[["quote_id", "kind", "speaker", "speaker_text", "speaker_rule", "confidence", "text"]].copy()
    out["text"] = out["text"].map(lambda t: textwrap.shorten(t, width=70, placeholder=" …"))
    return out.reset_index(drop=True)


def plot_scores(scores: pd.DataFrame) -> plt.Figure:
    """Grouped bars of the evaluation figures of :func:`s400lib.evaluate.quote_eval.evaluate`."""
    cols = ["precision_exact", "recall_exact", "precision_overlap", "recall_overlap", "kind_accuracy", "speaker_accuracy"]
    data = scores[cols].T
    fig, ax = plt.subplots(figsize=(11, 3.8))
    width = 0.8 / max(1, len(data.columns))
    for n, group in enumerate(data.columns):
        ax.bar([i + n * width for i in range(len(cols))], data[group], width=width, label=f"{group} ({int(scores.loc[group, 'gold'])} gold quotes)")
    ax.set_xticks([i + width * (len(data.columns) - 1) / 2 for i in range(len(cols))])
    ax.set_xticklabels([c.replace("_", "\n") for c in cols])
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score (0–1)")
    ax.set_xlabel("measure")
    ax.set_title("Quotes against the hand-made gold file")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return fig
