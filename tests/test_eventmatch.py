"""Passage and event matching: the focused search finds exactly the pairs the full one does, and
scores do not depend on Python's per-process string hashing."""

from __future__ import annotations

import subprocess
import sys

from s400lib.link.eventmatch import (
    content_words,
    idf_weights,
    shared_passages,
    similar_pairs,
)


def _seed_units(seed_tables):
    sents = seed_tables.sentences
    return sents["text"].tolist(), sents["article_id"].tolist()


def test_focused_shared_passages_equal_the_full_search(seed_tables):
    texts, groups = _seed_units(seed_tables)
    focus = {k for k, g in enumerate(groups) if g == groups[-1]}  # the second seed's sentences
    full = [p for p in shared_passages(texts, groups) if p[0] in focus or p[1] in focus]
    assert len(full) >= 3, "the two seeds share passages (the Slutsky quote, the Shugaev lines)"
    assert shared_passages(texts, groups, focus=focus) == full


def test_focused_similar_pairs_equal_the_full_search(seed_tables):
    texts, groups = _seed_units(seed_tables)
    focus = set(range(0, len(texts), 3))
    idf = idf_weights(set(content_words(t)) for t in texts)
    full = [p for p in similar_pairs(texts, groups, idf=idf) if p[0] in focus or p[1] in focus]
    assert len(full) >= 3
    assert similar_pairs(texts, groups, idf=idf, focus=focus) == full


SCORES = """
import sys
sys.path.insert(0, {root!r})
from s400lib.link.eventmatch import similar_pairs
texts = [
    "Ankara bought four divisions of the S-400 system from Moscow for 2.5 billion dollars in 2017",
    "Moscow sold Ankara four S-400 divisions, a 2.5 billion dollar contract signed in 2017",
    "The senator proposed that Washington buy the S-400 divisions from Ankara to end the sanctions",
    "Washington could buy the Turkish S-400 divisions, the senator proposed, ending sanctions on Ankara",
]
print(repr(similar_pairs(texts, ["a", "b", "c", "d"], min_score=0.0)))
"""


def test_similarity_scores_do_not_depend_on_the_hash_seed():
    """Set iteration order follows string hashes, which change per process; float sums over a set
    must not (they decide which evidence is used when scores tie)."""
    from conftest import ROOT

    outputs = set()
    for seed in ("1", "2", "3", "4"):
        done = subprocess.run([sys.executable, "-c", SCORES.format(root=str(ROOT))], capture_output=True, text=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}, timeout=120, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1, outputs
    assert "(0, 1," in outputs.pop()


def test_focused_passages_on_arrays_equal_the_set_search_on_a_real_story(monkeypatch):
    from pathlib import Path

    import s400lib as sl
    from s400lib.link import eventmatch

    tables = sl.parse(Path(__file__).parent / "devsets" / "stories" / "dev" / "trump_zelensky_call_2019", progress=False)
    texts, groups = tables.sentences["text"].tolist(), tables.sentences["article_id"].tolist()
    for article in sorted(set(groups)):
        focus = {k for k, g in enumerate(groups) if g == article}
        by_sets = eventmatch._shared_passages_by_sets(texts, groups, 4, 0.25, 0.05, focus)
        assert shared_passages(texts, groups, focus=focus) == by_sets
    assert any(shared_passages(texts, groups, focus={k for k, g in enumerate(groups) if g == groups[0]}))
    # a tiny slice size, and a vocabulary too large for the codes, give the same pairs
    focus = {k for k, g in enumerate(groups) if g == groups[0]}
    expected = shared_passages(texts, groups, focus=focus)
    monkeypatch.setattr(eventmatch, "PAIRINGS_PER_SLICE", 3)
    assert shared_passages(texts, groups, focus=focus) == expected
    monkeypatch.setattr(eventmatch, "_CODE_BASE", 8)
    assert shared_passages(texts, groups, focus=focus) == expected
