"""Which rows of a quotes table are statements of their own, for counting who said how much."""

from __future__ import annotations

import pandas as pd


def statements(quotes: pd.DataFrame) -> pd.DataFrame:
    """The rows of a quotes table that are statements of their own: scare quotes left out, and so are words
    quoted in part inside the speaker's own report (a ``partial`` row with ``nested_in``, set by
    ``s400lib.extract.quotes``), which are part of that report. A report told inside a quote keeps its row: it
    tells what the speaker believes or what someone else said ("“I think the toll will rise,” he said"). Use
    it to count who said how much."""
    rows = quotes[quotes["kind"] != "scare"]
    if "nested_in" not in rows.columns or not len(rows):
        return rows
    return rows[~(rows["nested_in"].notna() & (rows["kind"] == "partial"))]
