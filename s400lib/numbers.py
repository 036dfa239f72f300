"""Numbers with their units."""

from __future__ import annotations

import pandas as pd

from . import schema
from .context import ArticleContext


def number_table(ctx: ArticleContext) -> pd.DataFrame:
    return schema.empty("numbers")
