"""Quotations and their speakers."""

from __future__ import annotations

import pandas as pd

from . import schema
from .context import ArticleContext


def quote_table(ctx: ArticleContext, entities: pd.DataFrame) -> pd.DataFrame:
    return schema.empty("quotes")


def extract_quotes(text: str) -> pd.DataFrame:
    return schema.empty("quotes")
