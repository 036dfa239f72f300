"""First-look figures over the per-article tables. Each returns a titled, labelled matplotlib Figure."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from ..core.tables import Tables

# Dates, amounts and counts are entities to spaCy but not "who or what" a story is about.
NAMED_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW")

KIND_COLOURS = {"title": "#4c72b0", "body": "#55a868", "boilerplate": "#c44e52"}


def _short_label(article_id: str, title, width: int = 28) -> str:
    label = title if isinstance(title, str) and title else article_id
    return textwrap.shorten(label, width=width, placeholder="…")


def plot_paragraph_kinds(tables: Tables) -> plt.Figure:
    """Characters of title, body and boilerplate per article, as horizontal stacked bars."""
    paras = tables.paragraphs.assign(n_chars=lambda d: d["end"] - d["start"])
    counts = paras.pivot_table(index="article_id", columns="kind", values="n_chars", aggfunc="sum", fill_value=0)
    counts = counts.reindex(columns=[k for k in KIND_COLOURS if k in counts.columns])
    titles = tables.articles.set_index("article_id")["title"]
    counts.index = [_short_label(a, titles.get(a)) for a in counts.index]
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(counts) + 1.6))
    counts.plot.barh(stacked=True, ax=ax, color=[KIND_COLOURS[k] for k in counts.columns], width=0.6)
    ax.invert_yaxis()
    ax.set_title("What each article is made of: story text vs boilerplate")
    ax.set_xlabel("characters")
    ax.set_ylabel("article")
    ax.legend(title="paragraph kind", loc="lower right")
    fig.tight_layout()
    return fig


def top_entities(tables: Tables, n: int = 15, labels: tuple[str, ...] | None = NAMED_LABELS) -> pd.DataFrame:
    """The ``n`` most mentioned canonical entities: DataFrame[canonical, label, mentions, articles].

    ``labels`` keeps only those entity labels (named things by default; None keeps all); labels are
    the corrected ones of the entities table (spaCy's own are in ``spacy_label``)."""
    ents = tables.entities
    if labels:
        ents = ents[ents["label"].isin(labels)]
    if ents.empty:
        return pd.DataFrame(columns=["canonical", "label", "mentions", "articles"])
    grouped = ents.groupby("canonical").agg(
        label=("label", lambda s: s.mode().iloc[0]),
        mentions=("text", "size"),
        articles=("article_id", "nunique"),
    )
    return grouped.sort_values(["mentions", "canonical"], ascending=[False, True]).head(n).reset_index()


def plot_top_entities(tables: Tables, n: int = 15, labels: tuple[str, ...] | None = NAMED_LABELS) -> plt.Figure:
    """Horizontal bar chart of the most mentioned canonical entities, coloured by entity label."""
    top = top_entities(tables, n, labels)
    palette = plt.get_cmap("tab10")
    label_colour = {lab: palette(i % 10) for i, lab in enumerate(sorted(top["label"].unique()))}
    fig, ax = plt.subplots(figsize=(8, 0.32 * max(len(top), 1) + 1.4))
    ax.barh(top["canonical"], top["mentions"], color=[label_colour[lab] for lab in top["label"]])
    ax.invert_yaxis()
    ax.set_title(f"The {len(top)} most mentioned entities across the corpus")
    ax.set_xlabel("mentions (title and body, boilerplate excluded)")
    ax.set_ylabel("entity (canonical name)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in label_colour.values()]
    ax.legend(handles, list(label_colour), title="entity label (after corrections)", loc="lower right")
    fig.tight_layout()
    return fig


PART_COLOURS = {"heldout": "#c44e52", "dev": "#4c72b0"}


def plot_rates(rates: pd.DataFrame, targets: dict[str, tuple[str, float]],
               title: str = "Held-out and development rates against their targets") -> plt.Figure:
    """Grouped horizontal bars, one group per measure, one bar per part (the rows of ``rates``: 'heldout',
    'dev'), with the measure's target as a black tick. ``targets`` maps a label to (column of ``rates``,
    target); rates are shares in [0, 1]."""
    labels = list(targets)
    fig, ax = plt.subplots(figsize=(8, 0.75 * len(labels) + 1.6))
    height = 0.8 / max(1, len(rates.index))
    for k, part in enumerate(rates.index):
        values = [float(rates.at[part, column]) for column, _ in targets.values()]
        positions = [i + (k - (len(rates.index) - 1) / 2) * height for i in range(len(labels))]
        ax.barh(positions, values, height=height, label=str(part), color=PART_COLOURS.get(str(part), None))
    for i, (_, goal) in enumerate(targets.values()):
        ax.plot([goal, goal], [i - 0.45, i + 0.45], color="black", linewidth=2, label="target" if i == 0 else None)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the gold found or right")
    ax.set_ylabel("measure")
    ax.set_title(title)
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig
