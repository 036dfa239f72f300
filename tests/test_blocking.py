"""Blocking a slice at a time gives exactly the pairs its definition says, on real story text."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

import s400lib as sl
from s400lib.compare import align as align_module
from s400lib.compare import blocking
from s400lib.compare.align import tokens

STORY = Path(__file__).parent / "devsets" / "stories" / "dev" / "notre_dame_fire_2019"


@pytest.fixture(scope="module")
def story_tables():
    return sl.parse(STORY, progress=False)


def pairs_by_definition(texts, articles, extra, rare_tokens, max_block, same_article):
    """All pairs the module docstring describes, built the slow obvious way."""
    toks = [set(tokens(t)) for t in texts]
    freq = Counter(w for ts in toks for w in ts)
    blocks: dict[str, list[int]] = {}
    for i, ts in enumerate(toks):
        rare = sorted((w for w in ts if freq[w] >= 2), key=lambda w: (freq[w], w))[:rare_tokens]
        for k in set(rare) | set(extra[i]):
            blocks.setdefault(k, []).append(i)
    found = set()
    window = max(2, max_block // 5)
    for members in blocks.values():
        if len(members) <= max_block:
            found.update(combinations(members, 2))
        else:
            ordered = sorted(members, key=lambda i: texts[i].lower())
            for step in range(1, window + 1):
                found.update(zip(ordered, ordered[step:]))
    found = {(min(p), max(p)) for p in found}
    if not same_article:
        found = {(a, b) for a, b in found if articles[a] != articles[b]}
    return sorted(found)


@pytest.mark.parametrize("max_block,same_article", [(50, False), (6, False), (6, True)])
def test_slices_hold_every_defined_pair_once(story_tables, monkeypatch, max_block, same_article):
    u = align_module.units(story_tables)
    texts, arts, extra = u["text"].tolist(), u["article_id"].tolist(), u["keys"].tolist()
    expected = pairs_by_definition(texts, arts, extra, 8, max_block, same_article)
    # tiny slices: the pairs must not depend on where the slices fall
    monkeypatch.setattr(blocking, "PAIRS_PER_SLICE", 500)
    slices = list(blocking.iter_candidate_pairs(texts, arts, texts, tokens, extra, max_block=max_block,
                                                same_article=same_article))
    assert len(slices) > 3
    got = np.concatenate(slices)
    assert [tuple(p) for p in got.tolist()] == expected
    # slices follow each other: every lower unit of a slice is above those of the slice before
    assert all(s[:, 0].min() > prev[:, 0].max() for prev, s in zip(slices, slices[1:]))


def test_alignment_does_not_depend_on_slice_size(story_tables, monkeypatch):
    whole = sl.align(story_tables)
    monkeypatch.setattr(blocking, "PAIRS_PER_SLICE", 300)
    monkeypatch.setattr(align_module, "PAIR_CHUNK", 7)
    sliced = sl.align(story_tables)
    assert len(whole) >= 5
    assert whole.equals(sliced)
    assert whole.attrs == sliced.attrs


def test_contradictions_do_not_depend_on_slice_size(story_tables, monkeypatch):
    al = sl.align(story_tables)
    whole = sl.contradictions(story_tables, alignments=al, max_rows=None)
    monkeypatch.setattr(blocking, "PAIRS_PER_SLICE", 300)
    sliced = sl.contradictions(story_tables, alignments=al, max_rows=None)
    assert whole.attrs["n_candidates"] > 500
    assert whole.equals(sliced)


def test_no_words_and_no_keys_give_no_pairs():
    assert list(blocking.iter_candidate_pairs(["a", "b"], ["x", "y"], ["a", "b"], tokens, [[], []])) == []
    assert list(blocking.iter_candidate_pairs(["only"], ["x"], ["only"], tokens)) == []
