"""Single-text entry points that run several stages on one raw text (``sl.extract_quotes``)."""

from __future__ import annotations

import pandas as pd

from ..extract.context import context_for_text
from ..extract.entities import entity_table
from ..extract.quotes import quote_table
from ..link.names import canonicalize_speakers


def extract_quotes(text: str) -> pd.DataFrame:
    """The quotes table for one raw text (``article_id`` is <NA>).

    Parameters
    ----------
    text
        An article or paragraph; blank lines separate paragraphs.

    Returns
    -------
    pandas.DataFrame
        Columns as in :func:`quote_table`; offsets point into ``text``.

    Examples
    --------
    >>> q = extract_quotes('“We will not sell,” the minister said.\\n\\nHe called it a “trick”.')
    >>> q[["text", "kind"]].values.tolist()
    [['We will not sell,', 'direct'], ['trick', 'scare']]
    """

    ctx = context_for_text(text)

    quotes = quote_table(ctx, entity_table(ctx))
    quotes = canonicalize_speakers(quotes, entity_table(ctx))
    quotes["article_id"] = pd.Series([pd.NA] * len(quotes), dtype="string")
    for column in ("quote_id", "nested_in"):
        quotes[column] = quotes[column].str.replace(r"^text:", "", regex=True)
    return quotes
