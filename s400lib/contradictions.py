"""Contradictions between claims."""

from __future__ import annotations

import pandas as pd

from . import schema


def contradictions(tables, alignments=None) -> pd.DataFrame:
    return schema.empty("contradictions")
