"""Publication dates inferred from evidence in the article and in the rest of the corpus.

An article without a metadata date gets an interval ``published_earliest``..``published_latest``
that every piece of usable evidence agrees with, ``published`` = its midpoint (or its only finite
end when the other is open) and ``published_source = "inferred"``. Evidence, weakest last:

``shared_passage`` (strong)
    A sentence shares long runs of words (word trigrams) with a sentence of an article whose date
    is known: the two report the same words. If that dated article dates the words to a day
    ("Slutsky told reporters on Tuesday" -> 2020-06-30), the article is published in
    [that day, that day + window]; otherwise within ``window`` days either side of the dated
    article. ``window`` (default 14 days) is the news-cycle assumption: reactions to a statement
    are reported within about two weeks of it.
``dated_event`` (strong)
    An absolute date told in the past tense ("Russia completed the contract on October 23, 2019")
    happened before publication: published >= its earliest day. One told in the future tense bounds
    publication from above.
``dateline`` (strong)
    The page's own date stamp: a full date with no verb to give it a tense, in a short line of its
    own near the top ("Politics - 02 October 2017, 16:01"), is the day of publication.
``url_date`` (strong)
    The date in the page's address from the metadata ("/2017/06/17/", "-20171011-"), which news sites set
    on first publication: that day (a month when only a month is given). Such a row has no offsets.
``same_event`` (weak)
    A sentence with a relative expression ("Last year, Russia completed the first contract...",
    "In June, the parties agreed...") reports the same event as a passage of a dated article that
    gives it an absolute date (IDF-weighted word overlap, blocked by rare words). The anchors under
    which the relative expression resolves to a value overlapping that date form an interval
    ("last year" = 2019 -> published in 2020).

Strong evidence is intersected; weak evidence is applied in order of score only when it keeps the
interval non-empty, and is reported as unused otherwise (matching events by words can pair the
wrong ones). An article with no evidence keeps ``published_source = "unknown"``.

The search runs on a batch of undated articles at a time (about :data:`BATCH_SENTENCES` of their
sentences) over the corpus read a chunk at a time (:func:`evidence_from_parts`). The first reading
codes every sentence's word trigrams once and keeps them on disk beside the chunks; each batch then
scans those integer codes, not the text. Memory holds one batch's trigrams and matches, whatever the
corpus size, and the evidence is the same as one search over everything.
"""

from __future__ import annotations

import bisect
import dataclasses
import heapq
import itertools
import pickle
import re
import tempfile
from collections import Counter, defaultdict, namedtuple
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..core import schema
from ..core.tables import Tables
from ..extract.times import _Spec, resolve
from . import eventmatch
from .eventmatch import content_words, idf_of_counts, trigram_entries

WINDOW_DAYS = 14
# Evidence kept per sentence (or relative expression) of an undated article: its best matches only,
# so the evidence table grows linearly even when many articles repeat the same passage.
MAX_MATCHES = 3
SAME_EVENT_MIN_SCORE = 0.3  # weighted word overlap of a relative expression's sentence and a dated passage
EVIDENCE_COLUMNS = ["article_id", "kind", "text", "start", "end", "earliest", "latest", "reason",
                    "source_article", "source_text", "score", "strength", "used"]
_RELATIVE_KINDS = {"md", "m", "wd", "rel", "shift", "season", "quarter"}
_DAY_KINDS = {"md", "wd", "shift", "clock"}
TIMEX_FIELDS = ["article_id", "sent_id", "start", "end", "text", "type", "value", "spec", "tense", "earliest", "latest"]


def _dated(articles: pd.DataFrame) -> pd.Series:
    return (articles["published_source"] == "metadata") & articles["published"].notna()


def _sentence_timexes(timexes: pd.DataFrame) -> dict[tuple[str, int], list]:
    out: dict[tuple[str, int], list] = {}
    for row in timexes.itertuples(index=False):
        if pd.notna(row.sent_id):
            out.setdefault((row.article_id, int(row.sent_id)), []).append(row)
    return out


def _day_of_words(rows: list) -> pd.Timestamp | None:
    """The day a dated article gives to the words of a sentence: a day-level past/present date."""
    for r in rows or []:
        spec = getattr(r, "spec", None)
        if not isinstance(spec, str) or pd.isna(r.earliest) or r.earliest != r.latest:
            continue
        kind = spec.split("|")[0]
        if kind in _DAY_KINDS or (kind == "abs" and r.type in ("DATE", "TIME")):
            return pd.Timestamp(r.earliest)
    return None


@lru_cache(maxsize=4096)
def _anchor_range(spec: str, type_: str, tense, lo: pd.Timestamp, hi: pd.Timestamp) -> tuple | None:
    """Hull of the publication days under which ``spec`` resolves to a value overlapping [lo, hi],
    searched up to four years around the target.

    A relative expression never moves back in time when its anchor moves forward ("last year",
    "on Tuesday", "in June" all advance with the publication day), so the days that fit form one
    run: its first day is the first whose value ends on or after ``lo``, its last day the last whose
    value starts on or before ``hi``. Both are found by bisection (a few dozen resolutions instead
    of one per day); should an expression break that rule, a weekly scan is the fallback.
    """
    parsed = _Spec.loads(spec)
    tense = None if tense is None or pd.isna(tense) else tense
    one, span = pd.Timedelta(days=1), pd.Timedelta(days=4 * 366)
    first_day, n_days = lo - span, (hi + span - (lo - span)).days

    @lru_cache(maxsize=None)
    def bounds(k: int) -> tuple:
        r = resolve(parsed, type_, first_day + k * one, tense)
        return r["earliest"], r["latest"]

    def ok(k: int) -> bool:
        e, l = bounds(k)
        return pd.notna(e) and e <= hi and l >= lo

    def bisect_first(pred) -> int:  # first k in [0, n_days + 1) with pred(k), assuming False...True
        a, b = 0, n_days + 1
        while a < b:
            m = (a + b) // 2
            a, b = (a, m) if pred(m) else (m + 1, b)
        return a

    start = bisect_first(lambda k: pd.notna(bounds(k)[1]) and bounds(k)[1] >= lo)
    end = bisect_first(lambda k: not (pd.notna(bounds(k)[0]) and bounds(k)[0] <= hi)) - 1
    if start <= end and ok(start) and ok(end) and ok((start + end) // 2):
        return first_day + start * one, first_day + end * one
    grid = [k for k in range(0, n_days + 1, 7) if ok(k)]
    if not grid:
        near = [k for k in range(max(0, span.days - 14), min(n_days, n_days - span.days + 14) + 1) if ok(k)]
        return (first_day + near[0] * one, first_day + near[-1] * one) if near else None
    first, last = grid[0], grid[-1]
    while first > 0 and ok(first - 1):
        first -= 1
    while last < n_days and ok(last + 1):
        last += 1
    return first_day + first * one, first_day + last * one


def publication_evidence(tables: Tables, window_days: int = WINDOW_DAYS, batch_sentences: int | None = None) -> pd.DataFrame:
    """Every piece of evidence about the publication date of articles without a metadata date.

    Parameters
    ----------
    tables
        Parsed tables (articles, sentences, timexes with their ``spec``/``tense`` columns).
    window_days
        News-cycle window for ``shared_passage`` evidence.
    batch_sentences
        Sentences of undated articles searched at once (default: all of them, since the tables are
        in memory already); the result does not depend on it.

    Returns
    -------
    DataFrame
        article_id, kind ('shared_passage', 'dated_event', 'dateline', 'url_date', 'same_event'), text (the sentence of the
        article), start, end (its offsets), earliest, latest (publication interval it implies; NaT =
        open), reason (one plain sentence), source_article, source_text (the passage of the dated
        article, if any), score, strength ('strong'/'weak'), used (whether it shaped the interval).
    """
    return evidence_from_parts(tables.articles, _as_one_part(tables), window_days, batch_sentences or _all_sentences(tables))


def _as_one_part(tables: Tables):
    """Tables already in memory as the ``parts`` of :func:`evidence_from_parts`: one part."""
    return lambda: iter([lambda: (tables.sentences, tables.timexes)])


def _all_sentences(tables: Tables) -> int:
    """A batch size that searches tables already in memory in one pass (the result is the same)."""
    return max(1, len(tables.sentences))


# Sentences of undated articles whose evidence is searched in one batch: a batch's memory (its
# trigrams, every sentence holding one of them, the pairs they form) grows with it, while each
# batch costs one more scan of the corpus's trigram codes (integers read from disk, not text).
BATCH_SENTENCES = 2000
# (sentence, trigram) entries a batch's scan collects before it forgets the trigrams that turned out
# common (held by more sentences than block; they can never pair two sentences): the scan's arrays
# stay about this long, whatever the corpus size.
PRUNE_ENTRIES = 250_000
SENTENCE_FIELDS = ["article_id", "sent_id", "para_id", "start", "end", "text"]


def evidence_from_parts(articles: pd.DataFrame, parts, window_days: int = WINDOW_DAYS,
                        batch_sentences: int | None = None, scratch: str | Path | None = None) -> pd.DataFrame:
    """:func:`publication_evidence` on a corpus read a part at a time.

    ``articles`` needs no text. ``parts()`` returns an iterator of loaders, one per part in corpus
    order; a loader returns the part's (sentences, timexes), both holding the rows of the same
    articles. The corpus is read whole once, to count and to code each sentence's word trigrams
    into a folder made under ``scratch`` (default: the system's temporary folder; removed at the
    end); then each batch of undated articles (about ``batch_sentences`` sentences, default
    :data:`BATCH_SENTENCES`) reads those codes, plus the few parts that hold the batch or its
    matches, so that no step holds every sentence at once (the streaming finish reads its staged
    chunks this way). The evidence is the same as searching the whole corpus at once.
    """
    rows = [r for found in _evidence_batches(articles, parts, window_days, batch_sentences, scratch) for r in found]
    return _mark_used(rows) if rows else pd.DataFrame(columns=EVIDENCE_COLUMNS)


def _evidence_batches(articles: pd.DataFrame, parts, window_days: int, batch_sentences: int | None,
                      scratch: str | Path | None) -> Iterator[list[dict]]:
    """The evidence rows of :func:`evidence_from_parts`, one batch of undated articles at a time
    (every row of an article comes with its batch, so a caller that needs only the dates can drop
    each batch's rows once it has read them)."""
    dated = _dated(articles).tolist()
    ids, published = articles["article_id"].tolist(), articles["published"].tolist()
    targets = [a for a, d in zip(ids, dated) if not d]
    if not targets:
        return
    pub = {a: p for a, p, d in zip(ids, published, dated) if d}
    urls = dict(zip(ids, articles["url"].tolist())) if "url" in articles else {}
    try:
        with tempfile.TemporaryDirectory(prefix="s400lib-dates-", dir=scratch) as folder:
            counts = _CorpusCounts.of(parts, set(targets), pub, Path(folder))
            for batch in _batches(targets, counts, batch_sentences or BATCH_SENTENCES):
                yield _batch_evidence(batch, parts, counts, pub, window_days) \
                    + [row for a in sorted(batch) for row in _url_date_rows(a, urls.get(a))]
    finally:
        # the readings of relative expressions serve one search; kept, a large corpus's fill the
        # cache and stay in memory through the rest of the finish
        _anchor_range.cache_clear()


def _batches(targets: list[str], counts: "_CorpusCounts", budget: int) -> Iterator[set]:
    """The undated articles in order, grouped so that a group holds about ``budget`` sentences (an
    article longer than that is a group of its own)."""
    per_article = np.bincount(counts.group_code, minlength=len(counts.article_code))
    batch, held = set(), 0
    for a in targets:
        n = int(per_article[counts.article_code[a]]) if a in counts.article_code else 0
        if batch and held + n > budget:
            yield batch
            batch, held = set(), 0
        batch.add(a)
        held += n
    if batch:
        yield batch


def _read_parts(parts, wanted=None) -> Iterator[tuple[int, pd.DataFrame, pd.DataFrame]]:
    """(part number, sentences, timexes) of each part, or only of the parts ``wanted`` (a set of
    part numbers), with only the columns read here (an empty timexes table may lack the extra
    columns of times.py)."""
    for k, load in enumerate(parts()):
        if wanted is not None and k not in wanted:
            continue
        sents, tx = load()
        for col in ("spec", "tense"):
            if col not in tx.columns:
                tx = tx.assign(**{col: pd.Series(pd.NA, index=tx.index, dtype="string")})
        yield k, sents[SENTENCE_FIELDS], tx[TIMEX_FIELDS]


def _of_articles(frame: pd.DataFrame, articles) -> np.ndarray:
    """Which rows belong to ``articles`` (a set or dict): tested row by row, because a chunk has
    few rows and the corpus many articles (``isin`` would convert every article id of the corpus
    for every chunk)."""
    return np.fromiter((a in articles for a in frame["article_id"].tolist()), dtype=bool, count=len(frame))


def _relative_rows(tx: pd.DataFrame, targets) -> pd.DataFrame:
    """Relative expressions of undated articles ("last year", "in June"): the same_event units."""
    return tx[_of_articles(tx, targets) & tx["spec"].astype("string").str.split("|").str[0].isin(_RELATIVE_KINDS)]


def _anchored_rows(tx: pd.DataFrame, pub) -> pd.DataFrame:
    """Absolute dates of dated articles: what a relative expression's event may be matched to."""
    return tx[_of_articles(tx, pub) & tx["type"].eq("DATE") & tx["earliest"].notna()
              & ~tx["value"].astype("string").str.endswith("_REF").fillna(False)]


def _sentence_lookup(sents: pd.DataFrame) -> dict:
    """(article_id, sent_id) -> (text, para_id, start, end)."""
    return {(a, int(k)): (t, int(p), int(s0), int(s1)) for a, k, p, s0, s1, t in
            zip(*(sents[c].tolist() for c in SENTENCE_FIELDS))}


# A dated article's absolute date, as the same_event search keeps it (the fields of TIMEX_FIELDS)
_Anchor = namedtuple("_Anchor", TIMEX_FIELDS)


@dataclasses.dataclass
class _CorpusCounts:
    """What one reading of the whole corpus gives every batch: sentence count, each sentence's
    trigram count and article, IDF weights, how many same_event units hold each word, and the
    folder where each part's trigram codes and absolute dates were written."""

    n_sentences: int
    sizes: np.ndarray
    group_code: np.ndarray
    article_code: dict[str, int]
    idf: dict[str, float]
    unit_df: dict[str, int]
    n_relative: int
    relative_start: dict[str, int]
    n_anchored: int
    part_start: list[int]  # each part's first sentence, as a corpus-wide sentence number
    part_of: dict[str, int]  # the part of each undated article
    folder: Path

    @classmethod
    def of(cls, parts, targets: set, pub: dict, folder: Path) -> "_CorpusCounts":
        sizes, groups, df, unit_df = [], [], defaultdict(int), defaultdict(int)
        article_code: dict[str, int] = {}
        relative_start: dict[str, int] = {}
        n_relative = n_anchored = 0
        part_start, part_of, seen = [], {}, 0
        vocab: dict[str, int] = {}  # one for the corpus, so that a trigram has one code in every part
        for k, sents, tx in _read_parts(parts):
            part_start.append(seen)
            seen += len(sents)
            part_of.update((a, k) for a in set(sents["article_id"].tolist()) if a in targets)
            texts = sents["text"].tolist()
            units, codes = trigram_entries(texts, vocab)
            sizes.append(np.bincount(units, minlength=len(texts)))
            np.save(_trigram_file(folder, k), np.stack([units, codes]))
            for article_id, text in zip(sents["article_id"].tolist(), texts):
                groups.append(article_code.setdefault(article_id, len(article_code)))
                for w in set(content_words(text)):
                    df[w] += 1
            lookup = _sentence_lookup(sents)
            for r in _relative_rows(tx, targets).itertuples(index=False):
                relative_start.setdefault(r.article_id, n_relative)
                n_relative += 1
                for w in set(content_words(lookup[(r.article_id, int(r.sent_id))][0])):
                    unit_df[w] += 1
            anchors = []
            for r in _anchored_rows(tx, pub).itertuples(index=False, name=None):
                r = _Anchor._make(r)
                text = _with_previous(lookup, r.article_id, int(r.sent_id))
                words = set(content_words(text))
                for w in words:
                    unit_df[w] += 1
                anchors.append((n_anchored, tuple(words), text, r))
                n_anchored += 1
            with open(_anchor_file(folder, k), "wb") as f:
                pickle.dump(anchors, f, protocol=pickle.HIGHEST_PROTOCOL)
        sizes = np.concatenate(sizes) if sizes else np.zeros(0, dtype=np.int64)
        return cls(len(sizes), sizes, np.asarray(groups, dtype=np.int64), article_code, idf_of_counts(df, len(sizes)), dict(unit_df), n_relative, relative_start, n_anchored,
                   part_start, part_of, folder)

    def trigrams(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(sentence number in the corpus, trigram code) of part ``k``."""
        units, codes = np.load(_trigram_file(self.folder, k))
        return units + self.part_start[k], codes

    def anchors(self, k: int) -> list[tuple]:
        """(number among the anchored dates, content words, text, :data:`_Anchor`) of part ``k``."""
        with open(_anchor_file(self.folder, k), "rb") as f:
            return pickle.load(f)


def _trigram_file(folder: Path, k: int) -> Path:
    return folder / f"trigrams-{k:06d}.npy"


def _anchor_file(folder: Path, k: int) -> Path:
    return folder / f"anchors-{k:06d}.pickle"


def _batch_evidence(batch: set, parts, counts: _CorpusCounts, pub: dict, window_days: int) -> list[dict]:
    """Evidence rows for the undated articles of ``batch``, in the order a search of the whole
    corpus finds them (shared passages, then dated events, then same events)."""
    focus, lookup, own_tx, wanted = _read_batch(batch, parts, counts)
    relative = _relative_rows(own_tx, batch)
    bags = [set(content_words(lookup[(r.article_id, int(r.sent_id))][0])) for r in relative.itertuples(index=False)]
    word_limit = eventmatch.block_limit(counts.n_relative + counts.n_anchored, eventmatch.EVENT_MAX_DF)
    usable_words = {w for bag in bags for w in bag if 2 <= counts.unit_df.get(w, 0) <= word_limit}

    in_focus = np.zeros(counts.n_sentences, dtype=bool)
    in_focus[focus] = True
    chosen = _scan_corpus(counts, wanted, in_focus)
    partner = _dated_partners(parts, counts, chosen, in_focus, pub)
    rows = _shared_passage_rows(chosen, focus, lookup, partner, pub, window_days)
    rows += _dated_event_rows(own_tx)
    rows += _dateline_rows(own_tx, lookup)
    if usable_words and counts.n_anchored:  # no usable word, no match: the dated sentences are not read
        rows += _same_event_rows(relative, bags, usable_words, counts, lookup)
    return rows


def _read_batch(batch: set, parts, counts: _CorpusCounts) -> tuple[list[int], dict, pd.DataFrame, np.ndarray]:
    """Reading 1, of the parts that hold the batch: its sentences' corpus-wide numbers (``focus``),
    (article_id, sent_id) -> (text, ...) of each (``lookup``, in corpus order), its timexes and
    the codes of its word trigrams (sorted, distinct)."""
    focus: list[int] = []
    lookup: dict = {}
    own: list[pd.DataFrame] = []
    wanted: list[np.ndarray] = []
    for k, sents, tx in _read_parts(parts, {counts.part_of[a] for a in batch if a in counts.part_of}):
        seen = counts.part_start[k]
        mine = _of_articles(sents, batch)
        if mine.any():
            focus += (seen + np.flatnonzero(mine)).tolist()
            lookup.update(_sentence_lookup(sents[mine]))
            units, codes = counts.trigrams(k)
            wanted.append(codes[mine[units - seen]])
        if len(t := tx[_of_articles(tx, batch)]):
            own.append(t)
    own_tx = pd.concat(own, ignore_index=True) if own else pd.DataFrame(columns=TIMEX_FIELDS)
    return focus, lookup, own_tx, np.unique(np.concatenate(wanted)) if wanted else np.zeros(0, dtype=np.int64)


def _scan_corpus(counts: _CorpusCounts, wanted: np.ndarray, in_focus: np.ndarray) -> list[tuple]:
    """Reading 2, of every part's trigram codes: the batch sentences' top passage partners as
    (i, j, overlap)."""
    limit = eventmatch.block_limit(counts.n_sentences, eventmatch.PASSAGE_MAX_DF)
    units, keys = [], []
    held = np.zeros(len(wanted), dtype=np.int64)
    entries = 0
    pruned_at = PRUNE_ENTRIES
    for k in range(len(counts.part_start)):
        if len(wanted):
            u, c = counts.trigrams(k)
            at = np.minimum(np.searchsorted(wanted, c), len(wanted) - 1)
            hit = wanted[at] == c
            u, at = u[hit], at[hit]  # a trigram is named by its place in `wanted` from here on
            np.add.at(held, at, 1)
            rare = held[at] <= limit  # a trigram held by more than `limit` sentences never blocks
            units.append(u[rare])
            keys.append(at[rare])
            entries += int(rare.sum())
        if entries > pruned_at:  # forget the holders of the trigrams that became common since
            units, keys = _drop_common(units, keys, held, limit)
            entries = len(keys[0]) if keys else 0
            pruned_at = max(pruned_at, 2 * entries)
    units, keys = _drop_common(units, keys, held, limit)
    unit = np.concatenate(units) if units else np.zeros(0, dtype=np.int64)
    key = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
    del units, keys
    i, j, overlap = eventmatch.passage_pairs(unit, key, counts.sizes, counts.group_code, in_focus, limit, as_arrays=True)
    del unit, key
    chosen = _top_pairs_of_units(i, j, overlap, MAX_MATCHES, in_focus)
    return list(zip(i[chosen].tolist(), j[chosen].tolist(), overlap[chosen].tolist()))


def _dated_partners(parts, counts: _CorpusCounts, chosen: list[tuple], in_focus: np.ndarray, pub: dict) -> dict[int, tuple]:
    """Reading 3, of the parts that hold them: (article_id, text, timex rows) of each sentence of a
    dated article among the chosen passage partners."""
    article_of = {code: a for a, code in counts.article_code.items()}
    wanted_units = sorted({u for i, j, _ in chosen for u in (i, j) if not in_focus[u] and article_of[counts.group_code[u]] in pub})
    partner: dict[int, tuple] = {}
    holding = {bisect.bisect_right(counts.part_start, u) - 1 for u in wanted_units}
    for k, sents, tx in _read_parts(parts, holding):
        seen = counts.part_start[k]
        here = wanted_units[bisect.bisect_left(wanted_units, seen):bisect.bisect_left(wanted_units, seen + len(sents))]
        if here:
            rows_of = _sentence_timexes(tx)
            article_ids, texts, sent_ids = (sents[c].tolist() for c in ("article_id", "text", "sent_id"))
            for u in here:
                r = u - seen
                partner[u] = (article_ids[r], texts[r], rows_of.get((article_ids[r], int(sent_ids[r]))))
    return partner


def _shared_passage_rows(chosen: list[tuple], focus: list[int], lookup: dict, partner: dict, pub: dict,
                         window_days: int) -> list[dict]:
    """Evidence 1: a batch sentence that shares a passage with a dated article."""
    window = pd.Timedelta(days=window_days)
    rows: list[dict] = []
    position = {u: k for k, u in enumerate(focus)}
    focus_rows = list(lookup.items())
    for i, j, overlap in chosen:
        for t, d in ((i, j), (j, i)):
            if t not in position or d not in partner:
                continue
            (article_id, _), (text, _, s0, s1) = focus_rows[position[t]]
            source, source_text, source_dates = partner[d]
            day = _day_of_words(source_dates)
            if day is not None and day <= pub[source]:
                lo, hi = day, day + window
                why = (f"shares {overlap:.0%} of its word trigrams with {source}, which dates these words to "
                       f"{day.date()}; a report of them appears on or after that day and within {window_days} days")
            else:
                lo, hi = pub[source] - window, pub[source] + window
                why = (f"shares {overlap:.0%} of its word trigrams with {source} (published "
                       f"{pub[source].date()}); reports of the same words appear within {window_days} days of each other")
            rows.append({"article_id": article_id, "text": text, "start": s0, "end": s1, "kind": "shared_passage",
                         "earliest": lo, "latest": hi, "reason": why, "source_article": source, "source_text": source_text,
                         "score": overlap, "strength": "strong"})
    return rows


def _absolute_dates(own_tx: pd.DataFrame):
    """The article's dates and times that name a day on their own ("October 23, 2019", "02 October
    2017, 16:01"), not through an anchor: what the dated-event and date-stamp evidence read."""
    for r in own_tx[own_tx["type"].isin(["DATE", "TIME"])].itertuples(index=False):
        if isinstance(r.spec, str) and r.spec.startswith("abs|") and not pd.isna(r.earliest):
            yield r


def _dated_event_rows(own_tx: pd.DataFrame) -> list[dict]:
    """Evidence 2: absolute dates told in the past (or future) tense in the article itself."""
    rows: list[dict] = []
    for r in _absolute_dates(own_tx):
        if r.tense == "past":
            lo, hi, why = r.earliest, pd.NaT, f"'{r.text}' ({r.value}) is told in the past tense: published on or after {r.earliest.date()}"
        elif r.tense == "future":
            lo, hi, why = pd.NaT, r.latest, f"'{r.text}' ({r.value}) is told in the future tense: published on or before {r.latest.date()}"
        else:
            continue
        rows.append({"article_id": r.article_id, "text": r.text, "start": int(r.start), "end": int(r.end), "kind": "dated_event",
                     "earliest": lo, "latest": hi, "reason": why, "source_article": pd.NA, "source_text": pd.NA,
                     "score": 1.0, "strength": "strong"})
    return rows


# a date stamp's line: a few words around the date, at the top of the article (a section name, a clock time)
DATELINE_WORDS, DATELINE_CHARS = 8, 400
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _dateline_rows(own_tx: pd.DataFrame, lookup: dict) -> list[dict]:
    """Evidence 2b: the page's own date stamp ("Politics - 02 October 2017, 16:01"): a full date with
    no verb to give it a tense, in a line of at most :data:`DATELINE_WORDS` words among the first
    :data:`DATELINE_CHARS` characters of the article, is the day it was published."""
    rows: list[dict] = []
    for r in _absolute_dates(own_tx):
        if int(r.start) > DATELINE_CHARS or isinstance(r.tense, str) or not _DAY_VALUE.match(str(r.value)[:10]) \
                or len(str(r.value)) not in (10, 16):
            continue
        sentence = lookup.get((r.article_id, int(r.sent_id)))
        if sentence is None:
            continue
        text, _para, s0, _s1 = sentence
        at = int(r.start) - s0
        line = text[text.rfind("\n", 0, at) + 1:]
        line = line[: line.find("\n")] if "\n" in line else line
        if len(line.split()) > DATELINE_WORDS:
            continue
        day = pd.Timestamp(str(r.value)[:10])
        rows.append({"article_id": r.article_id, "text": r.text, "start": int(r.start), "end": int(r.end), "kind": "dateline",
                     "earliest": day, "latest": day, "reason": f"'{line.strip()}' is the page's date stamp: published on {day.date()}",
                     "source_article": pd.NA, "source_text": pd.NA, "score": 1.0, "strength": "strong"})
    return rows


# a day in a page's address: "/2017/06/17/", "-20171011-", "2019-02-24_14-33" (not inside a longer run of
# digits, which is an article number); else a month: "/2018/07/"
_URL_DAY = re.compile(r"(?<![\d])((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")


def _url_date_rows(article_id: str, url) -> list[dict]:
    """Evidence 2c: the date in the page's address, which news sites set when they first publish
    ("https://example.com/news/2017/06/17/fire-toll-rises"): published that day, or in that month when the
    address gives only a month. It is read from the metadata, not the text: the row has no offsets."""
    if not isinstance(url, str) or not url:
        return []
    m = _URL_DAY.search(url)
    try:
        if m is not None:
            lo = hi = pd.Timestamp(f"{m.group(1)}-{m.group(3)}-{m.group(4)}")
        elif (m := _URL_MONTH.search(url)) is not None:
            lo = pd.Timestamp(f"{m.group(1)}-{m.group(2)}-01")
            hi = lo + pd.offsets.MonthEnd(0)
        else:
            return []
    except ValueError:  # "2019-02-30": no such day
        return []
    when = f"on {lo.date()}" if lo == hi else f"between {lo.date()} and {hi.date()}"
    return [{"article_id": article_id, "text": m.group(0).strip("/"), "start": pd.NA, "end": pd.NA, "kind": "url_date",
             "earliest": lo, "latest": hi, "reason": f"the page's address '{url}' holds a date: published {when}",
             "source_article": pd.NA, "source_text": pd.NA, "score": 1.0, "strength": "strong"}]


def _same_event_rows(relative: pd.DataFrame, bags: list[set], usable_words: set, counts: _CorpusCounts,
                     lookup: dict) -> list[dict]:
    """Evidence 3: relative expressions of the batch matched to an event that a dated article dates
    absolutely; the publication days under which the expression reads as that date.

    The dated sentences are read part by part from what the first reading kept, and each relative
    expression keeps only its :data:`MAX_MATCHES` best so far, so memory holds the batch, not the
    corpus's dates."""
    rel_rows = list(relative.itertuples(index=False))
    within: dict[str, int] = defaultdict(int)
    rel_index = []
    for r in rel_rows:
        rel_index.append(counts.relative_start[r.article_id] + within[r.article_id])
        within[r.article_id] += 1
    holders: dict[str, list[int]] = defaultdict(list)  # usable word -> the batch's expressions holding it
    for k, bag in enumerate(bags):
        for w in bag & usable_words:
            holders[w].append(k)
    idf = counts.idf
    own_weight = [eventmatch.bag_weight(bag, idf) for bag in bags]
    best: list[list] = [[] for _ in bags]  # per expression, a heap of (score, i, j, dated text, anchor)
    for part in range(len(counts.part_start)):
        for number, words, dated_text, d in counts.anchors(part):
            bag = set(words)
            shared: Counter = Counter()
            for w in bag & usable_words:
                shared.update(holders.get(w, ()))
            if not shared:
                continue
            weight = eventmatch.bag_weight(bag, idf)
            for k, n in shared.items():
                score = eventmatch.overlap_score(bags[k], bag, own_weight[k], weight, idf)
                if n >= eventmatch.EVENT_MIN_SHARED and score >= SAME_EVENT_MIN_SCORE:
                    # (i, j) is unique: ranking by (score, i, j) never compares the rest
                    item = (score, rel_index[k], counts.n_relative + number, dated_text, d)
                    (heapq.heappush if len(best[k]) < MAX_MATCHES else heapq.heappushpop)(best[k], item)
    chosen = sorted((i, j, score, k, dated_text, d) for k, heap in enumerate(best) for score, i, j, dated_text, d in heap)
    rows: list[dict] = []
    for _, _, score, k, dated_text, d in chosen:
        r = rel_rows[k]
        found = _anchor_range(r.spec, r.type, r.tense, pd.Timestamp(d.earliest), pd.Timestamp(d.latest))
        if found is None:
            continue
        text, _, s0, s1 = lookup[(r.article_id, int(r.sent_id))]
        if not _dates_a_word_of(text, int(r.start) - s0, int(r.end) - s0, dated_text):
            continue
        why = (f"'{r.text}' reports what {d.article_id} dates '{d.text}' ({d.value}); that reading holds "
               f"for a publication between {found[0].date()} and {found[1].date()}")
        rows.append({"article_id": r.article_id, "text": text, "start": s0, "end": s1,
                     "kind": "same_event", "earliest": found[0], "latest": found[1], "reason": why,
                     "source_article": d.article_id, "source_text": dated_text, "score": score, "strength": "weak"})
    return rows


# words after a possessive relative expression that name what it dates (see _dates_a_word_of)
EXPRESSION_WINDOW = 2


def _dates_a_word_of(sentence: str, start: int, end: int, dated_text: str) -> bool:
    """Whether a relative expression in the possessive ("last year's re-election") dates a thing the dated
    passage names too: "disputing last year's re-election of Maduro" dates the re-election, which a passage
    dating an aid convoy, however many names it shares, does not tell. Other expressions pass."""
    if not re.match(r"['’]s?\b", sentence[end:]):
        return True
    after = re.findall(r"[A-Za-z][\w-]*", re.sub(r"^['’]s?", "", sentence[end:]))[:EXPRESSION_WINDOW]
    dated = set(eventmatch.content_words(dated_text))
    return bool(set(eventmatch.content_words(" ".join(after))) & dated)


def _drop_common(units: list, keys: list, held: np.ndarray, limit: int) -> tuple[list, list]:
    """The (unit, trigram) entries as one array each, without the trigrams held by more than
    ``limit`` sentences so far (they can never block a pair)."""
    if not keys:
        return [], []
    unit, key = np.concatenate(units), np.concatenate(keys)
    keep = held[key] <= limit
    return [unit[keep]], [key[keep]]


def _top_pairs_of_units(i: np.ndarray, j: np.ndarray, score: np.ndarray, k: int, keep: np.ndarray) -> np.ndarray:
    """The sorted indices of the pairs among the ``k`` best of some unit on either side that
    ``keep`` (a bool per unit) selects, ranked by (score, i, j), highest first."""
    side_unit = np.concatenate([i, j])
    pair = np.concatenate([np.arange(len(i)), np.arange(len(i))])
    kept = keep[side_unit] if len(side_unit) else np.zeros(0, dtype=bool)
    side_unit, pair = side_unit[kept], pair[kept]
    order = np.lexsort((-j[pair], -i[pair], -score[pair], side_unit))
    side_unit, pair = side_unit[order], pair[order]
    start = np.r_[0, np.flatnonzero(side_unit[1:] != side_unit[:-1]) + 1] if len(side_unit) else np.zeros(0, dtype=np.int64)
    rank = np.arange(len(side_unit)) - np.repeat(start, np.diff(np.r_[start, len(side_unit)]))
    return np.unique(pair[rank < k])


def _with_previous(lookup: dict, article_id: str, sent_id: int) -> str:
    """A sentence with the one before it in the same paragraph: the date and the event it dates are
    often split across them ("Ankara bought four S-400 divisions. On October 23, 2019, ...")."""
    text, para, _, _ = lookup[(article_id, sent_id)]
    prev = lookup.get((article_id, sent_id - 1))
    return prev[0] + " " + text if prev and prev[1] == para else text


def _intersect(a: tuple, b: tuple) -> tuple:
    lo = max((x for x in (a[0], b[0]) if pd.notna(x)), default=pd.NaT)
    hi = min((x for x in (a[1], b[1]) if pd.notna(x)), default=pd.NaT)
    return lo, hi


def _empty(iv: tuple) -> bool:
    return pd.notna(iv[0]) and pd.notna(iv[1]) and iv[0] > iv[1]


def _mark_used(rows: list[dict]) -> pd.DataFrame:
    """Decide per article which evidence shapes the interval (see the module docstring)."""
    if not rows:
        return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    # Plain lists: row-wise pandas access here cost more than finding the evidence.
    rows = sorted(rows, key=lambda r: (r["article_id"], r["strength"], -r["score"]))  # stable: ties keep the order found
    for r in rows:
        r["used"] = False
    for _, group in itertools.groupby(rows, key=lambda r: r["article_id"]):
        group = list(group)
        iv = (pd.NaT, pd.NaT)
        for strength, note in (("strong", "conflicts with other strong evidence"), ("weak", "inconsistent with stronger evidence")):
            for r in group:
                if r["strength"] != strength:
                    continue
                nxt = _intersect(iv, (r["earliest"], r["latest"]))
                if _empty(nxt):
                    r["reason"] += f" [{note}: not used]"
                    continue
                iv, r["used"] = nxt, True
    return _evidence_frame(rows)


_EVIDENCE_DTYPES = {"article_id": "string", "kind": "string", "text": "string", "start": "Int64", "end": "Int64",
                    "earliest": "datetime64[ns]", "latest": "datetime64[ns]", "reason": "string", "source_article": "string",
                    "source_text": "string", "score": "Float64", "strength": "string"}


def _evidence_frame(rows: list[dict]) -> pd.DataFrame:
    """The evidence table, typed column by column straight from the row dicts."""
    columns = {name: schema.typed_array([r[name] for r in rows], dtype) for name, dtype in _EVIDENCE_DTYPES.items()}
    columns["used"] = np.array([r["used"] for r in rows], dtype=bool)
    return pd.DataFrame(columns)[EVIDENCE_COLUMNS]


def infer_dates(tables: Tables, window_days: int = WINDOW_DAYS, parts=None, scratch: str | Path | None = None) -> dict[str, tuple]:
    """Publication dates of the articles without a metadata date, from :func:`publication_evidence`.

    Reads only ``articles`` (without needing their text), ``sentences`` and ``timexes``; with
    ``parts`` the last two come a chunk at a time (see :func:`evidence_from_parts`, which also
    says what ``scratch`` is), and the evidence is read a batch of articles at a time and dropped:
    memory does not grow with the evidence of the whole corpus.

    Returns
    -------
    dict
        article_id -> (published, published_earliest, published_latest) for every article with
        usable evidence: the intersection of the used evidence and its midpoint (or its finite end
        when the other is open).
    """
    batch = None if parts is not None else _all_sentences(tables)
    found = (_mark_used(rows) for rows in _evidence_batches(tables.articles, parts or _as_one_part(tables), window_days, batch, scratch) if rows)
    intervals: dict[str, tuple] = {}
    for ev in found:
        for article_id, lo, hi, used in zip(ev["article_id"].tolist(), ev["earliest"].tolist(), ev["latest"].tolist(), ev["used"].tolist()):
            if used:
                intervals[article_id] = _intersect(intervals.get(article_id, (pd.NaT, pd.NaT)), (lo, hi))
    inferred: dict[str, tuple] = {}
    for article_id in sorted(intervals):
        lo, hi = intervals[article_id]
        if pd.notna(lo) and pd.notna(hi):
            best = (lo + (hi - lo) / 2).normalize()
        else:
            best = lo if pd.notna(lo) else hi
        inferred[article_id] = (best, lo, hi)
    return inferred


def apply_dates(tables: Tables, inferred: dict[str, tuple]) -> Tables:
    """Write dates from :func:`infer_dates` into ``tables`` (all of a corpus or any chunk of its articles).

    Sets ``published``/``published_earliest``/``published_latest`` and ``published_source =
    "inferred"`` (``published`` is NaT when the interval is open on one side), resolves the timexes of those articles again on the new anchor (rows stay in
    place) and refreshes ``claims.times`` through :func:`s400lib.extract.claims.attach_times`.
    """
    from ..extract.claims import attach_times
    from ..extract.times import reanchor_articles

    if not inferred:
        return tables
    ids = tables.articles["article_id"].tolist()
    if not any(a in inferred for a in ids):
        return tables
    # plain lists, then one typed column each: .loc assignment per column cost more than the rest
    # an interval open on one side has no midpoint: `published` stays NaT (shown as open, never as a
    # point), and it anchors nothing: "on Saturday" in an article known only to be from after 2016
    # is some Saturday after 2016, not the one before New Year's Day 2016
    shown = {a: ((pd.NaT,) + tuple(v[1:]) if pd.isna(v[1]) or pd.isna(v[2]) else v) for a, v in inferred.items()}
    new = {}
    for k, column in enumerate(("published", "published_earliest", "published_latest")):
        values = tables.articles[column].tolist()
        new[column] = schema.typed_array([shown[a][k] if a in shown else v for a, v in zip(ids, values)], "datetime64[ns]")
    sources = tables.articles["published_source"].tolist()
    new["published_source"] = schema.typed_array(["inferred" if a in inferred else s for a, s in zip(ids, sources)], "string")
    arts = tables.articles.assign(**new)
    timexes = reanchor_articles(tables.timexes, {a: v[0] for a, v in inferred.items() if pd.notna(v[1]) and pd.notna(v[2])})
    claims = attach_times(tables.claims, timexes)
    return dataclasses.replace(tables, articles=schema.conform("articles", arts), timexes=schema.conform("timexes", timexes), claims=claims)


def infer_publication_dates(tables: Tables, window_days: int = WINDOW_DAYS) -> Tables:
    """Fill publication dates of articles without a metadata date from :func:`publication_evidence`.

    For each such article with usable evidence: ``published_earliest``/``published_latest`` = the
    intersection of the used evidence, ``published`` = its midpoint (or its finite end when the
    other is open), ``published_source = "inferred"``. When the interval is closed, its timexes are
    then resolved again on the new anchor and ``claims.times`` refreshed through :func:`s400lib.extract.claims.attach_times`.
    (:func:`infer_dates` then :func:`apply_dates`, which the streaming parse runs chunk by chunk.)

    Returns
    -------
    Tables
        The same tables with ``articles``, ``timexes`` and ``claims`` updated.
    """
    return apply_dates(tables, infer_dates(tables, window_days))


