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
