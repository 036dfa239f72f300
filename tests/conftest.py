"""Shared fixtures: the seeds parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_corpus():
    import s400lib as sl

    return sl.load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_tables(seed_corpus):
    import s400lib as sl

    return sl.parse(seed_corpus, progress=False)


@pytest.fixture
def two_outlets(tmp_path):
    """``conflicts(left, right)``: the contradictions of two one-paragraph articles from two outlets,
    published the same day (columns left_text, right_text, kind, explanation)."""
    import s400lib as sl

    def conflicts(left: str, right: str):
        for name, body, outlet in (("a.txt", left, "Harbour Gazette"), ("b.txt", right, "Valley Post")):
            (tmp_path / name).write_text(f"---\noutlet: {outlet}\npublished: 2021-06-14\n---\nReport\n\n{body}\n", encoding="utf-8")
        tables = sl.parse(sl.load_corpus(tmp_path), progress=False)
        return sl.contradictions(tables)[["left_text", "right_text", "kind", "explanation"]]

    return conflicts


@pytest.fixture
def claim_value():
    """``first(text, column)``: the first value of a claims column for a one-paragraph article, or None."""
    from s400lib.extract.claims import claim_table
    from s400lib.extract.context import context_for_text

    def first(text: str, column: str):
        claims = claim_table(context_for_text(f"Report\n\n{text}"))
        values = [v for v in claims[column] if isinstance(v, str)]
        return values[0] if values else None

    return first
