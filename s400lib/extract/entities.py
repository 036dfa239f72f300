"""Named-entity mentions of one article, as spaCy finds them.

:func:`entity_table` lists the mentions; the corpus-wide step :mod:`s400lib.link.names` later gives
each one canonical name across the corpus.
"""

from __future__ import annotations

import pandas as pd

from ..core import schema
from .context import ArticleContext
from .speakers import clean_name


def entity_table(ctx: ArticleContext) -> pd.DataFrame:
    """spaCy's entity mentions in title and body sentences (boilerplate mentions are left out).

    Parameters
    ----------
    ctx
        The parsed article.

    Returns
    -------
    pandas.DataFrame
        The ``entities`` table: article_id, sent_id, start, end, text, label, canonical (the cleaned
        mention until :func:`canonicalize` runs), canonical_rule.
    """
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
                "canonical": clean_name(ent.text) or ent.text,
                "canonical_rule": "self",
            }
        )
    return schema.conform("entities", rows)


# ------------------------------------------------------------------------------------------------


