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
``same_event`` (weak)
    A sentence with a relative expression ("Last year, Russia completed the first contract...",
    "In June, the parties agreed...") reports the same event as a passage of a dated article that
    gives it an absolute date (IDF-weighted word overlap, blocked by rare words). The anchors under
    which the relative expression resolves to a value overlapping that date form an interval
    ("last year" = 2019 -> published in 2020).

Strong evidence is intersected; weak evidence is applied in order of score only when it keeps the
interval non-empty, and is reported as unused otherwise (matching events by words can pair the
wrong ones). An article with no evidence keeps ``published_source = "unknown"``.
"""

from __future__ import annotations

import dataclasses
import itertools
from functools import lru_cache

import numpy as np
import pandas as pd

from ..core import schema
from ..core.tables import Tables
from ..extract.times import _Spec, resolve
from .eventmatch import content_words, idf_weights, shared_passages, similar_pairs

WINDOW_DAYS = 14
# Evidence kept per sentence (or relative expression) of an undated article: its best matches only,
# so the evidence table grows linearly even when many articles repeat the same passage.
MAX_MATCHES = 3
EVIDENCE_COLUMNS = ["article_id", "kind", "text", "start", "end", "earliest", "latest", "reason",
                    "source_article", "source_text", "score", "strength", "used"]
_RELATIVE_KINDS = {"md", "m", "wd", "rel", "shift", "season", "quarter"}
_DAY_KINDS = {"md", "wd", "shift", "clock"}
_TIMEX_FIELDS = ["article_id", "sent_id", "start", "end", "text", "type", "value", "spec", "tense", "earliest", "latest"]


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


def publication_evidence(tables: Tables, window_days: int = WINDOW_DAYS) -> pd.DataFrame:
    """Every piece of evidence about the publication date of articles without a metadata date.

    Parameters
    ----------
    tables
        Parsed tables (articles, sentences, timexes with their ``spec``/``tense`` columns).
    window_days
        News-cycle window for ``shared_passage`` evidence.

    Returns
    -------
    DataFrame
        article_id, kind ('shared_passage', 'dated_event', 'same_event'), text (the sentence of the
        article), start, end (its offsets), earliest, latest (publication interval it implies; NaT =
        open), reason (one plain sentence), source_article, source_text (the passage of the dated
        article, if any), score, strength ('strong'/'weak'), used (whether it shaped the interval).
    """
    arts = tables.articles
    dated = _dated(arts).tolist()
    ids, published = arts["article_id"].tolist(), arts["published"].tolist()
    targets = {a for a, d in zip(ids, dated) if not d}
    if not targets:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    pub = {a: p for a, p, d in zip(ids, published, dated) if d}
    sents = tables.sentences
    tx = tables.timexes
    for col in ("spec", "tense"):  # an empty timexes table may lack the extra columns of times.py
        if col not in tx.columns:
            tx = tx.assign(**{col: pd.Series(pd.NA, index=tx.index, dtype="string")})
    tx = tx[_TIMEX_FIELDS]  # itertuples below costs per column: only those read
    by_sent = _sentence_timexes(tx)
    texts, groups = sents["text"].tolist(), sents["article_id"].tolist()
    sent_ids, sent_starts, sent_ends = sents["sent_id"].tolist(), sents["start"].tolist(), sents["end"].tolist()
    # (article_id, sent_id) -> sentence row, so lookups stay O(1) on large corpora
    lookup = {(a, int(k)): (t, int(p), int(s0), int(s1)) for a, k, t, p, s0, s1 in
              zip(groups, sent_ids, texts, sents["para_id"].tolist(), sent_starts, sent_ends)}
    window = pd.Timedelta(days=window_days)
    rows: list[dict] = []

    def sent_row(i: int) -> dict:
        return {"article_id": groups[i], "text": texts[i], "start": int(sent_starts[i]), "end": int(sent_ends[i])}

    # 1. shared passages with dated articles
    undated = {k for k, g in enumerate(groups) if g in targets}
    for i, j, overlap in _top_per_unit(shared_passages(texts, groups, focus=undated), MAX_MATCHES, keep=lambda k: groups[k] in targets):
        for t, d in ((i, j), (j, i)):
            if groups[t] in targets and groups[d] in pub:
                day = _day_of_words(by_sent.get((groups[d], int(sent_ids[d]))))
                if day is not None and day <= pub[groups[d]]:
                    lo, hi = day, day + window
                    why = (f"shares {overlap:.0%} of its word trigrams with {groups[d]}, which dates these words to "
                           f"{day.date()}; a report of them appears on or after that day and within {window_days} days")
                else:
                    lo, hi = pub[groups[d]] - window, pub[groups[d]] + window
                    why = (f"shares {overlap:.0%} of its word trigrams with {groups[d]} (published "
                           f"{pub[groups[d]].date()}); reports of the same words appear within {window_days} days of each other")
                rows.append({**sent_row(t), "kind": "shared_passage", "earliest": lo, "latest": hi, "reason": why,
                             "source_article": groups[d], "source_text": texts[d], "score": overlap, "strength": "strong"})

    # 2. absolute dates told in the past (or future) tense in the article itself
    own = tx[tx["article_id"].isin(targets) & tx["type"].isin(["DATE", "TIME"])]
    for r in own.itertuples(index=False):
        if not isinstance(r.spec, str) or not r.spec.startswith("abs|") or pd.isna(r.earliest):
            continue
        if r.tense == "past":
            lo, hi, why = r.earliest, pd.NaT, f"'{r.text}' ({r.value}) is told in the past tense: published on or after {r.earliest.date()}"
        elif r.tense == "future":
            lo, hi, why = pd.NaT, r.latest, f"'{r.text}' ({r.value}) is told in the future tense: published on or before {r.latest.date()}"
        else:
            continue
        rows.append({"article_id": r.article_id, "text": r.text, "start": int(r.start), "end": int(r.end), "kind": "dated_event",
                     "earliest": lo, "latest": hi, "reason": why, "source_article": pd.NA, "source_text": pd.NA,
                     "score": 1.0, "strength": "strong"})

    # 3. relative expressions matched to an event a dated article dates absolutely
    rel = tx[tx["article_id"].isin(targets) & tx["spec"].astype("string").str.split("|").str[0].isin(_RELATIVE_KINDS)]
    anchored = tx[tx["article_id"].isin(list(pub)) & tx["type"].eq("DATE") & tx["earliest"].notna()
                  & ~tx["value"].astype("string").str.endswith("_REF").fillna(False)]
    if len(rel) and len(anchored):
        units, unit_rows = [], []
        for r in rel.itertuples(index=False):
            units.append(lookup[(r.article_id, int(r.sent_id))][0])
            unit_rows.append(("rel", r))
        for r in anchored.itertuples(index=False):
            units.append(_with_previous(lookup, r.article_id, int(r.sent_id)))
            unit_rows.append(("dated", r))
        idf = idf_weights(set(content_words(t)) for t in texts)
        relative = {k for k, (kind, _) in enumerate(unit_rows) if kind == "rel"}
        pairs = [(i, j, sc) for i, j, sc in similar_pairs(units, [r.article_id for _, r in unit_rows], min_score=0.3, idf=idf, focus=relative)
                 if {unit_rows[i][0], unit_rows[j][0]} == {"rel", "dated"}]
        for i, j, score in _top_per_unit(pairs, MAX_MATCHES, keep=lambda k: unit_rows[k][0] == "rel"):
            pair = {unit_rows[i][0]: (i, unit_rows[i][1]), unit_rows[j][0]: (j, unit_rows[j][1])}
            if set(pair) != {"rel", "dated"}:
                continue
            (ri, r), (di, d) = pair["rel"], pair["dated"]
            found = _anchor_range(r.spec, r.type, r.tense, pd.Timestamp(d.earliest), pd.Timestamp(d.latest))
            if found is None:
                continue
            text, _, s0, s1 = lookup[(r.article_id, int(r.sent_id))]
            why = (f"'{r.text}' reports what {d.article_id} dates '{d.text}' ({d.value}); that reading holds "
                   f"for a publication between {found[0].date()} and {found[1].date()}")
            rows.append({"article_id": r.article_id, "text": text, "start": s0, "end": s1,
                         "kind": "same_event", "earliest": found[0], "latest": found[1], "reason": why,
                         "source_article": d.article_id, "source_text": units[di], "score": score, "strength": "weak"})
    return _mark_used(rows)


def _top_per_unit(pairs: list[tuple[int, int, float]], k: int, keep=None) -> list[tuple[int, int, float]]:
    """The ``k`` best-scoring pairs of every unit (a unit is either side, or the side ``keep`` selects)."""
    best: dict[int, list] = {}
    for i, j, score in pairs:
        for unit in (i, j):
            if keep is None or keep(unit):
                best.setdefault(unit, []).append((score, i, j))
    chosen = {(i, j) for lst in best.values() for _, i, j in sorted(lst, reverse=True)[:k]}
    return [(i, j, s) for i, j, s in pairs if (i, j) in chosen]


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


def infer_dates(tables: Tables, window_days: int = WINDOW_DAYS) -> dict[str, tuple]:
    """Publication dates of the articles without a metadata date, from :func:`publication_evidence`.

    Reads only ``articles`` (without needing their text), ``sentences`` and ``timexes``.

    Returns
    -------
    dict
        article_id -> (published, published_earliest, published_latest) for every article with
        usable evidence: the intersection of the used evidence and its midpoint (or its finite end
        when the other is open).
    """
    ev = publication_evidence(tables, window_days)
    inferred: dict[str, tuple] = {}
    if ev.empty or not ev["used"].any():
        return inferred
    intervals: dict[str, tuple] = {}
    for article_id, lo, hi, used in zip(ev["article_id"].tolist(), ev["earliest"].tolist(), ev["latest"].tolist(), ev["used"].tolist()):
        if used:
            intervals[article_id] = _intersect(intervals.get(article_id, (pd.NaT, pd.NaT)), (lo, hi))
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
    # point), while its finite end still anchors the article's relative expressions
    shown = {a: ((pd.NaT,) + tuple(v[1:]) if pd.isna(v[1]) or pd.isna(v[2]) else v) for a, v in inferred.items()}
    new = {}
    for k, column in enumerate(("published", "published_earliest", "published_latest")):
        values = tables.articles[column].tolist()
        new[column] = schema.typed_array([shown[a][k] if a in shown else v for a, v in zip(ids, values)], "datetime64[ns]")
    sources = tables.articles["published_source"].tolist()
    new["published_source"] = schema.typed_array(["inferred" if a in inferred else s for a, s in zip(ids, sources)], "string")
    arts = tables.articles.assign(**new)
    timexes = reanchor_articles(tables.timexes, {a: v[0] for a, v in inferred.items()})
    claims = attach_times(tables.claims, timexes)
    return dataclasses.replace(tables, articles=schema.conform("articles", arts), timexes=schema.conform("timexes", timexes), claims=claims)


def infer_publication_dates(tables: Tables, window_days: int = WINDOW_DAYS) -> Tables:
    """Fill publication dates of articles without a metadata date from :func:`publication_evidence`.

    For each such article with usable evidence: ``published_earliest``/``published_latest`` = the
    intersection of the used evidence, ``published`` = its midpoint (or its finite end when the
    other is open), ``published_source = "inferred"``. Its timexes are then resolved again on the
    new anchor and ``claims.times`` refreshed through :func:`s400lib.extract.claims.attach_times`.
    (:func:`infer_dates` then :func:`apply_dates`, which the streaming parse runs chunk by chunk.)

    Returns
    -------
    Tables
        The same tables with ``articles``, ``timexes`` and ``claims`` updated.
    """
    return apply_dates(tables, infer_dates(tables, window_days))


