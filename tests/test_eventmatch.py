"""Passage and event matching: the sliced array search finds exactly the pairs the plain one does,
and scores do not depend on Python's per-process string hashing."""

from __future__ import annotations

import subprocess
import sys

from s400lib.link.eventmatch import shared_passages


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


def _partners_on_arrays(texts, groups, article):
    """passage_pairs for the sentences of one article, from (sentence, trigram) entries of every
    sentence that holds a trigram the article has, as the chunked date search builds them."""
    import numpy as np

    from s400lib.link import eventmatch

    units, codes = eventmatch.trigram_entries(texts, {})
    sizes = np.bincount(units, minlength=len(texts))
    in_focus = np.asarray([g == article for g in groups])
    wanted = np.unique(codes[in_focus[units]])
    hit = np.isin(codes, wanted)
    group_code = np.unique(np.asarray(groups, dtype=object), return_inverse=True)[1]
    limit = eventmatch.block_limit(len(texts), eventmatch.PASSAGE_MAX_DF)
    return eventmatch.passage_pairs(units[hit], codes[hit], sizes, group_code, in_focus, limit), in_focus


def test_passages_on_arrays_equal_the_set_search_on_a_real_story(monkeypatch):
    """The array search the publication-date inference runs (a few articles' partners, sliced)
    finds exactly the pairs of the plain search over trigram sets, on a real multi-outlet story,
    also in slices of three meetings."""
    from pathlib import Path

    import s400lib as sl
    from s400lib.link import eventmatch

    tables = sl.parse(Path(__file__).parent / "devsets" / "stories" / "dev" / "trump_zelensky_call_2019", progress=False)
    texts, groups = tables.sentences["text"].tolist(), tables.sentences["article_id"].tolist()
    full = shared_passages(texts, groups)
    assert len(full) >= 3, "the outlets share passages of the call's memorandum"
    for article in sorted(set(groups)):
        got, in_focus = _partners_on_arrays(texts, groups, article)
        assert got == [p for p in full if in_focus[p[0]] or in_focus[p[1]]]
    expected, _ = _partners_on_arrays(texts, groups, groups[0])
    assert expected
    monkeypatch.setattr(eventmatch, "PAIRINGS_PER_SLICE", 3)
    assert _partners_on_arrays(texts, groups, groups[0])[0] == expected


def test_trigram_codes_past_the_word_limit_share_codes_but_lose_no_shared_trigram(monkeypatch):
    """With more distinct words than a code holds, words share ids: two texts quoting the same
    words must still share those trigrams' codes (extra matches are allowed, lost ones are not)."""
    from s400lib.link import eventmatch

    monkeypatch.setattr(eventmatch, "_CODE_BASE", 8)
    filler = " ".join(f"word{k}" for k in range(40))  # 40 words before the quote: ids wrap around 8
    texts = [f"{filler} the ferry will not sail before the storm passes",
             "officials said the ferry will not sail before Friday"]
    units, codes = eventmatch.trigram_entries(texts, {})
    first, second = set(codes[units == 0].tolist()), set(codes[units == 1].tolist())
    assert len(first & second) >= 4  # "the ferry will", "ferry will not", "will not sail", "not sail before"
    assert codes.max() < 8 ** 3
