"""Finding passages of different articles that report the same words or the same event, cheaply.

Two signals, both computed with an inverted index so that cost grows with the number of shared
keys, not with the square of the corpus:

* **shared passages** (:func:`shared_passages`): word trigrams ("shingles") common to two sentences.
  Two translations or rewrites of the same quote keep long runs of words ("is unprincipled, cynical,
  but I hope"), which unrelated sentences on the same topic do not.
* **same event** (:func:`similar_pairs`): content words weighted by inverse document frequency
  (rare words such as "divisions" or "Rosoboronexport" count more than "Turkey" in a corpus about
  Turkey), scored as the weighted overlap coefficient of the two bags of words.

Sentences are blocked by their rare keys: a key shared by more than ``max_df`` of all units (and in
any case by more than 500) is never used to form candidate pairs.
"""

from __future__ import annotations

import itertools
import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, takewhile

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for from with as is are was were be been being has have had
    do does did not no nor so than that this these those it its it's he she they them their his her we our you
    your i me my who whom which what when where why how all any both each few more most other some such only own
    same too very can will just should would could may might must shall also even then there here about into
    over under again further once up down out off above below between through during before after while
    said says say told according reported noted added one two three""".split()
)


def content_words(text: str) -> list[str]:
    """Lower-cased words without stopwords and one-letter tokens."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 1]


def shingles(text: str, n: int = 3) -> set[tuple[str, ...]]:
    """Word n-grams of the text (all words, stopwords included: quotes share their function words too)."""
    words = [sys.intern(w) for w in _WORD.findall(text.lower())]  # one string per word, however many trigrams hold it
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _key_index(keys: Sequence[set], max_df: float) -> tuple[dict, int]:
    index: dict = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            index[k].append(i)
    return index, block_limit(len(keys), max_df)


def block_limit(n_units: int, max_df: float) -> int:
    """How many units may hold a key that still forms candidate pairs.

    A key blocks only when it is rare: held by at most ``max_df`` of the units, but small corpora
    may always block on up to 50 units, and no key is used beyond :data:`KEY_CAP` units: a key's
    pairs grow with the square of its units, so a cap that grew with the corpus made the stage
    quadratic."""
    return min(max(50, int(max_df * n_units)), KEY_CAP)


KEY_CAP = 100
# Blocking and scoring defaults of the two signals, also used by searches that read the corpus a
# part at a time (:mod:`s400lib.link.pubdate`)
PASSAGE_MAX_DF, PASSAGE_MIN_SHARED, PASSAGE_MIN_OVERLAP = 0.05, 4, 0.25
EVENT_MAX_DF, EVENT_MIN_SHARED = 0.2, 2


def _candidates(keys: Sequence[set], groups: Sequence, max_df: float, cross_only: bool = True) -> tuple:
    """Pairs of units (i < j) sharing at least one key, with the number of shared keys, as three
    arrays (i, j, count) sorted by (i, j).

    Units of the same group (article) are never paired when ``cross_only``. Keys held by more than
    ``max_df`` of the units are skipped: they are too common to block on. Pairs are counted as
    int64 codes in numpy arrays (a dict of tuples took about 100 bytes a pair).
    """
    import numpy as np

    index, limit = _key_index(keys, max_df)
    n = len(keys)
    group_code = np.unique(np.asarray([str(g) for g in groups], dtype=object), return_inverse=True)[1] if n else np.zeros(0, int)
    chunks, held = [], 0
    counts_so_far = None
    for members in index.values():
        if len(members) < 2 or len(members) > limit:
            continue
        m = np.asarray(members, dtype=np.int64)
        upper = np.triu_indices(len(m), 1)
        a, b = m[upper[0]], m[upper[1]]
        if cross_only:
            keep = group_code[a] != group_code[b]
            a, b = a[keep], b[keep]
        chunks.append(np.minimum(a, b) * n + np.maximum(a, b))
        held += len(a)
        if held > max(5_000_000, 2 * (0 if counts_so_far is None else len(counts_so_far[0]))):
            # merged only when the new codes outnumber twice the merged ones (see align.candidate_pairs)
            counts_so_far = _merge_counts(counts_so_far, np.concatenate(chunks))
            chunks, held = [], 0
    if chunks:
        counts_so_far = _merge_counts(counts_so_far, np.concatenate(chunks))
    if counts_so_far is None:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    codes, counts = counts_so_far
    return codes // n, codes % n, counts


def _merge_counts(previous, codes):
    """(unique codes, their counts) of ``codes`` added to ``previous`` (or None)."""
    import numpy as np

    new_codes, new_counts = np.unique(codes, return_counts=True)
    if previous is None:
        return new_codes, new_counts
    codes = np.concatenate([previous[0], new_codes])
    counts = np.concatenate([previous[1], new_counts])
    order = np.argsort(codes, kind="stable")
    codes, counts = codes[order], counts[order]
    uniq, start = np.unique(codes, return_index=True)
    return uniq, np.add.reduceat(counts, start)


def _shared_key_pairs(keys: Sequence[set], groups: Sequence, max_df: float, min_shared: int) -> Iterator[tuple[int, int, int]]:
    """(i, j, shared keys) for the pairs sharing at least ``min_shared`` keys."""
    left, right, shared = _candidates(keys, groups, max_df=max_df)
    keep = shared >= min_shared
    yield from zip(left[keep].tolist(), right[keep].tolist(), shared[keep].tolist())


def shared_passages(texts: Sequence[str], groups: Sequence, min_shared: int = PASSAGE_MIN_SHARED,
                    min_overlap: float = PASSAGE_MIN_OVERLAP, max_df: float = PASSAGE_MAX_DF) -> list[tuple[int, int, float]]:
    """(i, j, overlap) for units of different groups that share word trigrams.

    ``overlap`` is shared trigrams / trigrams of the shorter unit; pairs need ``min_shared`` shared
    trigrams and ``min_overlap``. A search for the partners of a few units only, read a part of the
    corpus at a time, is :func:`passage_pairs` (as :mod:`s400lib.link.pubdate` uses it).
    """
    sh = [shingles(t) for t in texts]
    sizes = [len(s) for s in sh]
    out = []
    for i, j, n in _shared_key_pairs(sh, groups, max_df, min_shared):
        overlap = n / max(1, min(sizes[i], sizes[j]))
        if overlap >= min_overlap:
            out.append((i, j, overlap))
    return sorted(out)


_CODE_BASE = 1 << 21  # words per vocabulary a trigram code can hold (three ids in one int64)


def trigram_entries(texts: Sequence[str], vocab: dict) -> tuple["np.ndarray", "np.ndarray"]:
    """(unit, code) of every distinct word trigram of each text, sorted by unit then code: the
    trigrams of :func:`shingles` as int64 codes (three word ids, 8 bytes each rather than a tuple of
    three strings), found for many texts in a few array operations.

    ``vocab`` (word -> id) grows with the new words; texts coded with one vocabulary share codes.
    Past :data:`_CODE_BASE` words, ids are shared by several words, so two trigrams may get one code:
    texts can then seem to share a trigram they do not, never the reverse.
    """
    import numpy as np

    words = [_WORD.findall(t.lower()) for t in texts]
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    flat = itertools.chain.from_iterable(words)
    ids = np.fromiter((vocab.setdefault(w, len(vocab)) for w in flat), dtype=np.int64, count=int(lengths.sum())) % _CODE_BASE
    unit_of = np.repeat(np.arange(len(words), dtype=np.int64), lengths)
    if len(ids) < 3:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    whole = unit_of[:-2] == unit_of[2:]  # the three words lie in one text
    codes = ((ids[:-2] * _CODE_BASE + ids[1:-1]) * _CODE_BASE + ids[2:])[whole]
    units = unit_of[:-2][whole]
    order = np.lexsort((codes, units))
    units, codes = units[order], codes[order]
    first = np.r_[True, (units[1:] != units[:-1]) | (codes[1:] != codes[:-1])]
    return units[first], codes[first]


def passage_pairs(unit, key, sizes, group_code, in_focus, limit: int, min_shared: int = PASSAGE_MIN_SHARED,
                  min_overlap: float = PASSAGE_MIN_OVERLAP, as_arrays: bool = False):
    """(i, j, overlap) of :func:`shared_passages` from (unit, trigram) entries: every unit's
    trigrams that some focus unit has, with ``sizes`` (each unit's count of distinct trigrams),
    ``group_code`` (its article, as an int) and ``in_focus`` (a bool) indexed by unit. A trigram
    blocks when 2 to ``limit`` units hold it, so the entries of a trigram held more widely may be
    left out. With ``as_arrays`` the pairs come as three arrays (i, j, overlap) sorted by (i, j):
    24 bytes a pair instead of a tuple of three Python objects."""
    import numpy as np

    n = int(unit.max()) + 1 if len(unit) else 0
    # group the (unit, trigram) entries by trigram; a trigram blocks when 2..limit units hold it
    order = np.lexsort((unit, key))
    unit, key = unit[order], key[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.zeros(0, dtype=np.int64)
    counts = np.diff(np.r_[starts, len(key)])
    usable = (counts >= 2) & (counts <= limit)
    # every focus entry of a usable trigram meets every holder of that trigram
    block_of = np.repeat(np.arange(len(starts)), counts)
    entry = np.flatnonzero(usable[block_of] & in_focus[unit]) if len(unit) else np.zeros(0, dtype=np.int64)
    # counted a slice of focus units at a time: all of a unit's partners come from its own entries,
    # so each slice's pair counts are final and only the pairs that pass are kept
    entry = entry[np.argsort(unit[entry], kind="stable")]
    out: list[tuple] = []
    # a slice ends once its entries meet about PAIRINGS_PER_SLICE holders: the arrays below have
    # that length, and an entry of a common trigram meets up to `limit` holders
    met = np.cumsum(counts[block_of[entry]])
    lo = 0
    while lo < len(entry):
        before = met[lo - 1] if lo else 0
        hi = max(lo + 1, int(np.searchsorted(met, before + PAIRINGS_PER_SLICE, side="right")))
        while hi < len(entry) and unit[entry[hi]] == unit[entry[hi - 1]]:
            hi += 1
        part = entry[lo:hi]
        lo = hi
        blocks = block_of[part]
        reps = counts[blocks]
        left = np.repeat(unit[part], reps)
        first = np.repeat(starts[blocks], reps)
        offset = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
        right = unit[first + offset]
        keep = (right != left) & (group_code[right] != group_code[left]) & ~(in_focus[right] & (right < left))
        pair_codes, shared = np.unique(left[keep] * n + right[keep], return_counts=True)
        keep = shared >= min_shared
        pair_codes, shared = pair_codes[keep], shared[keep]
        a, b = pair_codes // n, pair_codes % n
        i, j = np.minimum(a, b), np.maximum(a, b)
        overlap = shared / np.maximum(1, np.minimum(sizes[i], sizes[j]))
        keep = overlap >= min_overlap
        out.append((i[keep], j[keep], overlap[keep]))
    # a pair is counted only from its smaller focus unit, whose entries lie in one slice: no repeats
    i, j, overlap = (np.concatenate(x) for x in zip(*out)) if out else (np.zeros(0, dtype=np.int64),) * 2 + (np.zeros(0),)
    order = np.lexsort((j, i))
    i, j, overlap = i[order], j[order], overlap[order]
    return (i, j, overlap) if as_arrays else list(zip(i.tolist(), j.tolist(), overlap.tolist()))


PAIRINGS_PER_SLICE = 100_000  # (focus entry, holder) meetings expanded at once in passage_pairs


def idf_weights(bags: Iterable[set]) -> dict[str, float]:
    """Inverse document frequency of every word over the units (smoothed, >= 0); ``bags`` may be a
    generator, so a corpus's bags of words need not all be in memory at once."""
    df: dict[str, int] = defaultdict(int)
    n = 0
    for bag in bags:
        n += 1
        for w in bag:
            df[w] += 1
    return idf_of_counts(df, n)


def idf_of_counts(df: dict[str, int], n: int) -> dict[str, float]:
    """:func:`idf_weights` from document frequencies counted elsewhere (``n`` units in all)."""
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def bag_weight(bag: Iterable[str], idf: dict[str, float]) -> float:
    """Total IDF of a bag of words (a word the IDF table lacks weighs nothing)."""
    return math.fsum(idf.get(x, 0.0) for x in bag)


def overlap_score(a: set, b: set, weight_a: float, weight_b: float, idf: dict[str, float]) -> float:
    """IDF-weighted overlap coefficient of two bags of words: weight of the shared words over the
    lighter bag's weight (``weight_a``/``weight_b``, from :func:`bag_weight`); 0 for a weightless bag."""
    denom = min(weight_a, weight_b)
    return bag_weight(a & b, idf) / denom if denom else 0.0


def similar_pairs(texts: Sequence[str], groups: Sequence, min_score: float = 0.3, min_shared: int = EVENT_MIN_SHARED,
                  max_df: float = EVENT_MAX_DF, idf: dict[str, float] | None = None, pair_map=None) -> list[tuple[int, int, float]]:
    """(i, j, score) for units of different groups whose content words overlap.

    ``score`` is the IDF-weighted overlap coefficient: weight of shared words / weight of the
    smaller bag. Pairs need ``min_shared`` shared words (after blocking) and ``min_score``.

    ``pair_map(func, shared, slices)``, when given, runs ``func(shared, pairs)`` over slices of
    the candidate pairs and yields the results in order (e.g. on Dask workers: see
    :func:`s400lib.compare.blocking.map_slices`); the pairs found are the same.
    """
    bags = [set(content_words(t)) for t in texts]
    idf = idf if idf is not None else idf_weights(bags)
    scorer = BagScorer(bags, [bag_weight(bag, idf) for bag in bags], idf, min_score)  # weights once per unit
    candidates = ((i, j) for i, j, _n in _shared_key_pairs(bags, groups, max_df, min_shared))
    if pair_map is None:
        return sorted(scorer.score(candidates))
    slices = (list(islice(candidates, PAIRS_PER_SLICE)) for _ in iter(int, 1))
    return sorted(found for part in pair_map(score_slice, scorer, takewhile(len, slices)) for found in part)


PAIRS_PER_SLICE = 200_000  # candidate pairs scored per task when the scoring is mapped over slices


@dataclass
class BagScorer:
    """What scoring a pair of units needs: their content-word bags, bag weights and the IDF."""

    bags: list
    weight: list
    idf: dict
    min_score: float

    def score(self, pairs) -> list[tuple[int, int, float]]:
        """(i, j, score) of the pairs that reach ``min_score``."""
        out = []
        bags, weight, idf = self.bags, self.weight, self.idf
        for i, j in pairs:
            score = overlap_score(bags[i], bags[j], weight[i], weight[j], idf)
            if score >= self.min_score:
                out.append((i, j, score))
        return out


def score_slice(scorer: BagScorer, pairs: list) -> list[tuple[int, int, float]]:
    """:meth:`BagScorer.score` as a plain function, for mapping over slices of pairs."""
    return scorer.score(pairs)
