"""Blocking: which pairs of units are worth comparing, produced a slice at a time.

Every unit gets a few index keys (its rarest content words, plus keys the caller gives: canonical
entities, units of its numbers, TIMEX3 values). Units that share a key form a block. A block of at
most ``max_block`` units is paired all-to-all; a larger one (a word every article uses) only pairs
each unit with the next ``max_block // 5`` units in text order (the sorted-neighbourhood method),
so near-identical texts still meet. Pairs of units of one article are left out unless asked for.

Pairs are produced in slices of consecutive lower units (all pairs (i, j), i < j, with i in the
slice), each slice complete and free of duplicates. That is what bounds memory: a caller scores a
slice and keeps what passes, and never holds all candidates at once (13 million pairs at ten
thousand bench articles). Within a slice the all-to-all part is a sparse product of the
unit-by-key incidence matrix with its transpose, which removes duplicate pairs as it goes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import numpy as np
from scipy import sparse

PAIRS_PER_SLICE = 2_000_000  # pair entries (both orders, before filtering) built at once


def iter_candidate_pairs(
    docs: list, articles: list[str], texts: list[str], analyzer, extra_keys: list[list[str]] | None = None,
    rare_tokens: int = 8, max_block: int = 50, same_article: bool = False,
) -> Iterator[np.ndarray]:
    """Candidate pairs as (k, 2) int64 arrays, slice after slice, sorted by (i, j) across slices.

    Parameters
    ----------
    docs, analyzer
        What each unit says and the function that turns it into content words; a unit's
        ``rare_tokens`` rarest words (held by at least one other unit) become keys.
    articles, texts
        Article of each unit (for leaving out same-article pairs) and its text (for the order of
        an oversized block).
    extra_keys, rare_tokens, max_block, same_article
        See :func:`s400lib.compare.align.candidate_pairs`.
    """
    n = len(docs)
    if n < 2:
        return
    unit_of_arr, key_of_arr = _keys_of_units(docs, analyzer, extra_keys, rare_tokens)
    size = np.bincount(key_of_arr, minlength=int(key_of_arr.max(initial=-1)) + 1)
    art = np.unique(np.asarray(articles, dtype=object).astype(str), return_inverse=True)[1]

    # blocks of 2..max_block units: incidence matrix, unit x key
    small = (size[key_of_arr] >= 2) & (size[key_of_arr] <= max_block)
    incidence = sparse.csr_matrix(
        (np.ones(int(small.sum()), dtype=np.int32), (unit_of_arr[small], key_of_arr[small])), shape=(n, len(size))
    )
    incidence_t = incidence.T.tocsr()

    # oversized blocks: members laid end to end, block by block, each block in text order
    # (ties by unit number, as a stable sort of the members would give)
    big = size[key_of_arr] > max_block
    text_rank = np.empty(n, dtype=np.int64)
    text_rank[sorted(range(n), key=lambda i: texts[i].lower())] = np.arange(n)
    big_units, big_keys = unit_of_arr[big], key_of_arr[big]
    order = np.lexsort((text_rank[big_units], big_keys))
    laid_unit, laid_block = big_units[order], big_keys[order]
    by_unit = np.argsort(laid_unit, kind="stable")
    unit_bounds = np.searchsorted(laid_unit[by_unit], np.arange(n + 1))
    window = max(2, max_block // 5)

    # the work a unit brings to its slice: its all-to-all partners plus its neighbourhoods
    cost = np.asarray(incidence @ size.astype(np.int64)).ravel() + 2 * window * np.diff(unit_bounds)
    bounds = [0]
    done = 0
    for i, total in enumerate(np.cumsum(cost)):
        if total - done > PAIRS_PER_SLICE:
            bounds.append(i + 1)
            done = total
    if bounds[-1] != n:
        bounds.append(n)

    for lo, hi in zip(bounds[:-1], bounds[1:]):
        product = (incidence[lo:hi] @ incidence_t).tocoo()
        left = product.row.astype(np.int64) + lo
        right = product.col.astype(np.int64)
        del product
        at = by_unit[unit_bounds[lo] : unit_bounds[hi]]
        lefts, rights = [left], [right]
        for step in range(1, window + 1):
            for there in (at + step, at - step):
                ok = (there >= 0) & (there < len(laid_unit))
                here, there = at[ok], there[ok]
                ok = laid_block[here] == laid_block[there]
                lefts.append(laid_unit[here[ok]])
                rights.append(laid_unit[there[ok]])
        left, right = np.concatenate(lefts), np.concatenate(rights)
        keep = right > left
        if not same_article:
            keep &= art[left] != art[right]
        codes = np.unique(left[keep] * n + right[keep])
        if len(codes):
            yield np.stack([codes // n, codes % n], axis=1)


def _keys_of_units(docs: list, analyzer, extra_keys, rare_tokens: int) -> tuple[np.ndarray, np.ndarray]:
    """(unit, key) incidence as two parallel int64 arrays.

    Words are counted in a sparse unit-by-word matrix (scikit-learn's CountVectorizer), not in a
    set per unit: a few hundred bytes a unit instead of a few kilobytes. A unit's rarest words are
    ranked by (document frequency, word), the word's column being its alphabetical rank.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    units_parts, keys_parts, offset = [], [], 0
    try:
        words = CountVectorizer(analyzer=analyzer, binary=True, dtype=np.int8).fit_transform(docs).tocsr()
    except ValueError:  # no unit has a content word
        words = None
    if words is not None and rare_tokens > 0:
        words.sort_indices()
        doc_freq = np.bincount(words.indices, minlength=words.shape[1])
        rows = np.repeat(np.arange(words.shape[0]), np.diff(words.indptr))
        cols = words.indices.astype(np.int64)
        shared = doc_freq[cols] >= 2
        rows, cols = rows[shared], cols[shared]
        order = np.lexsort((cols, doc_freq[cols], rows))
        rows, cols = rows[order], cols[order]
        first = np.searchsorted(rows, rows, side="left")
        rarest = np.arange(len(rows)) - first < rare_tokens
        units_parts.append(rows[rarest])
        keys_parts.append(cols[rarest])
        offset = words.shape[1]
    if extra_keys is not None and any(extra_keys):
        extra = key_matrix(extra_keys).tocoo()
        units_parts.append(extra.row.astype(np.int64))
        keys_parts.append(extra.col.astype(np.int64) + offset)
    if not units_parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(units_parts).astype(np.int64), np.concatenate(keys_parts).astype(np.int64)


def as_is(items):
    """The identity, as a CountVectorizer analyzer for units that are already lists of words or keys."""
    return items


def key_matrix(keys) -> sparse.csr_matrix:
    """Binary unit-by-key matrix of an iterable of key collections (one per unit)."""
    from sklearn.feature_extraction.text import CountVectorizer

    keys = [list(k) for k in keys]
    if not any(keys):
        return sparse.csr_matrix((len(keys), 1), dtype=np.int32)
    return CountVectorizer(analyzer=as_is, binary=True, dtype=np.int32).fit_transform(keys).tocsr()


def shared_counts(matrix: sparse.csr_matrix, a: np.ndarray, b: np.ndarray, chunk: int = 20_000) -> np.ndarray:
    """How many keys of ``matrix`` units a[k] and b[k] share, for each k (row-wise products)."""
    out = np.empty(len(a), dtype=np.int64)
    for lo in range(0, len(a), chunk):
        part = slice(lo, lo + chunk)
        out[part] = np.asarray(matrix[a[part]].multiply(matrix[b[part]]).sum(axis=1)).ravel()
    return out


def map_slices(func, shared, slices, client=None):
    """``func(shared, pairs)`` for each slice of pairs, in order: here, or on the workers of a Dask
    ``client``. ``shared`` (a scorer, the per-claim data) goes to every worker once and each slice
    is sent as data; at most two slices per worker thread are in flight, so neither the slices nor
    their results pile up in this process."""
    if client is None:
        for pairs in slices:
            yield func(shared, pairs)
        return
    remote = client.scatter(shared, broadcast=True, hash=False)
    window = 2 * (sum(client.nthreads().values()) or 1)
    pending: deque = deque()
    try:
        for pairs in slices:
            # sent as data, not inside the task: a task carrying megabytes of pairs slows the scheduler
            pending.append(client.submit(func, remote, client.scatter(pairs, hash=False), pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        client.cancel([remote])
