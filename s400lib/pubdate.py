"""Publication dates inferred from evidence in the corpus."""

from __future__ import annotations

from .tables import Tables


def infer_publication_dates(tables: Tables) -> Tables:
    return tables
