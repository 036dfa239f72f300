"""The event timeline: what happened when, merged across articles, and its plot.

An *event* is a claim (or, when the claims table is empty, a sentence) that carries a calendar date
told by a verb: a DATE/TIME expression with finite bounds whose governing verb has a tense. Vague
references (PAST_REF...), fiscal years (they name a budget, not when something happened) and
durations are left out. A claim with several dates is dated by its most specific one.

Reports of the same event in different articles are merged: candidate pairs come from
:func:`s400lib.link.eventmatch.similar_pairs` (IDF-weighted word overlap, blocked by rare words, so the
cost grows with shared rare words rather than with the square of the corpus). Each report is
compared with the previous sentence of its paragraph included, because a date and the event it
dates are often split over two sentences. A pair is merged when

* its dates overlap and the score is at least ``min_score`` (same event, same date), or
* its dates do not overlap but the score is at least ``conflict_score`` (same event, dated
  differently by the two articles): the merged event gets ``conflict = True``.

The merged event takes the intersection of its reports' date bounds (so "last year" and
"October 23, 2019" give 2019-10-23), or their hull when they conflict.
"""

from __future__ import annotations

import re

import pandas as pd

from ..core import schema
from ..link.eventmatch import content_words, idf_weights, similar_pairs
from .blocking import map_slices


def _report_units(tables) -> pd.DataFrame:
    """Claims (or sentences) with article_id, claim_id, sent_id, para_id, start, end, text."""
    sents = tables.sentences
    if len(tables.claims):
        units = tables.claims[["article_id", "claim_id", "sent_id", "start", "end", "text"]].copy()
        units = units.merge(sents[["article_id", "sent_id", "para_id"]], on=["article_id", "sent_id"], how="left")
    else:
        units = sents[["article_id", "sent_id", "para_id", "start", "end", "text"]].copy()
        units["claim_id"] = pd.NA
    return units.reset_index(drop=True)


def _event_timexes(timexes: pd.DataFrame) -> pd.DataFrame:
    t = timexes
    value = t["value"].astype("string")
    keep = (
        t["type"].isin(["DATE", "TIME"])
        & t["earliest"].notna()
        & t["latest"].notna()
        & ~value.str.endswith("_REF").fillna(True)
        & ~value.str.startswith("FY").fillna(True)
    )
    if "tense" in t.columns:
        keep &= t["tense"].notna()
    return t[keep]


def report_table(tables) -> pd.DataFrame:
    """One row per dated report (claim or sentence) before merging.

    Returns
    -------
    DataFrame
        article_id, claim_id, sent_id, start, end, text, value, mod, earliest, latest, timex (the
        expression that dates it), context (the text used for matching).
    """
    units = _report_units(tables)
    tx = _event_timexes(tables.timexes)
    if units.empty or tx.empty:
        return pd.DataFrame(columns=["article_id", "claim_id", "sent_id", "start", "end", "text", "value", "mod",
                                     "earliest", "latest", "timex", "context"])
    # join timexes to the unit containing them: same article and sentence, offsets inside the unit
    cand = units.reset_index().merge(tx[["article_id", "sent_id", "start", "end", "text", "value", "mod", "earliest", "latest"]]
                                     .rename(columns={"start": "t0", "end": "t1", "text": "timex"}),
                                     on=["article_id", "sent_id"], how="inner")
    cand = cand[(cand["t0"] >= cand["start"]) & (cand["t1"] <= cand["end"])].copy()
    # a date that tells when something was *reported* ("as we reported on May 9", "Slutsky told
    # reporters on Tuesday") is not when the reported thing happened
    reporting = [_reporting_date(text, t0 - start, t1 - start) for text, start, t0, t1 in
                 zip(cand["text"].astype(str), cand["start"].astype(int), cand["t0"].astype(int), cand["t1"].astype(int))]
    cand = cand[[not r for r in reporting]].copy()
    cand["width"] = cand["latest"] - cand["earliest"]
    best = cand.sort_values(["index", "width", "t0"], kind="stable").drop_duplicates("index")
    prev_text = {(a, int(s)): (t, p) for a, s, t, p in zip(tables.sentences["article_id"], tables.sentences["sent_id"],
                                                         tables.sentences["text"], tables.sentences["para_id"])}

    def context(row) -> str:
        prev = prev_text.get((row.article_id, int(row.sent_id) - 1))
        return (prev[0] + " " + row.text) if prev and prev[1] == row.para_id else row.text

    best["context"] = [context(r) for r in best.itertuples(index=False)]
    cols = ["article_id", "claim_id", "sent_id", "start", "end", "text", "value", "mod", "earliest", "latest", "timex", "context"]
    return best[cols].sort_values(["earliest", "article_id", "start"], kind="stable").reset_index(drop=True)


_REPORT_VERB = r"(?:said|says|told|tells|reported|reports|noted|notes|added|adds|wrote|writes|stressed|recalled|quoted|commented|explained)"
_REPORTED_BEFORE = re.compile(_REPORT_VERB + r"(?:\s+(?!that\b)[\w.’'-]+){0,2}\s+(?:on|in|at|earlier|later)?\s*$", re.I)
_REPORTED_AFTER = re.compile(r"^\s*,?\s*(?:[A-Z][\w.’'-]*\s+){1,4}" + _REPORT_VERB + r"\b")


def _reporting_date(text: str, t0: int, t1: int) -> bool:
    """Does the expression at [t0, t1) of ``text`` date the report rather than the event? It does when
    a reporting verb leads up to it ("reported on", "told reporters on", "reported earlier today") or
    a name and a reporting verb follow it ("On Tuesday, Slutsky said")."""
    before, after = text[max(0, t0 - 40) : t0], text[t1 : t1 + 50]
    return bool(_REPORTED_BEFORE.search(before) or _REPORTED_AFTER.match(after))


def _overlap(a, b) -> bool:
    return a.earliest <= b.latest and b.earliest <= a.latest


def short_label(text: str, timex: str | None = None, width: int = 90) -> str:
    """A short label for an event: the report without its date phrase and attribution lead-in,
    cut at a word boundary."""
    label = text
    if timex:
        label = re.sub(r"(?i:\b(?:on|in|at|since|by|during)\s+)?" + re.escape(timex) + r",?", "", label, count=1)
    label = re.sub(r"^(?:(?:[A-Z][\w ]{0,40}|(?:as\s+)?we)\s+(?:recalls|reported|notes|said)(?:\s+(?:earlier\s+today|today|that))*\s+)", "", label.strip(), flags=re.I)
    label = re.sub(r"\s+", " ", label).strip(" ,.;:–-“”\"")
    label = label[:1].upper() + label[1:]
    if len(label) > width:
        label = label[: width].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return label


def timeline(tables, min_score: float = 0.35, conflict_score: float = 0.6, contradictions: pd.DataFrame | None = None,
             client=None) -> pd.DataFrame:
    """The events of a corpus, one row per event, merged across articles.

    Parameters
    ----------
    tables
        Parsed :class:`s400lib.Tables` (uses claims or sentences, and timexes).
    min_score
        IDF-weighted overlap needed to merge two reports whose dates overlap.
    conflict_score
        Overlap needed to merge two reports whose dates do not overlap (and flag a conflict).
    contradictions
        Optional output of :func:`s400lib.contradictions`: an event built on a claim it lists is
        marked ``conflict`` as well.
    client
        A Dask client: the candidate pairs of reports are scored a slice at a time on its workers
        (:func:`s400lib.compare.blocking.map_slices`); the timeline is the same.

    Returns
    -------
    DataFrame
        event_id, value, earliest, latest, text, article_id, claim_id, sources, conflict (see
        ``schema.TABLES['timeline']``), plus label (short text for plots), sent_id, start, end
        (offsets of the representative report), reports (how many reports were merged), articles
        (their article_ids joined by '|'), values (every TIMEX3 value the reports give, '|'-joined) and
        claim_ids (every merged report's claim_id, '|'-joined, so each can be shown as evidence).
        Sorted by earliest date; ``event_id`` is 'e<n>' in that order.
    """
    reports = report_table(tables)
    if reports.empty:
        return schema.empty("timeline")
    idf = idf_weights([set(content_words(t)) for t in tables.sentences["text"]])
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    conflicted = set()
    rows = list(reports.itertuples(index=False))
    # each report is matched by its own text and by its text with the previous sentence; a pair
    # keeps its best score (the date may sit in one sentence and the event words in the next)
    n = len(rows)
    best: dict[tuple[int, int], float] = {}
    units = reports["text"].tolist() + reports["context"].tolist()
    pair_map = None if client is None else (lambda func, shared, slices: map_slices(func, shared, slices, client))
    for i, j, score in similar_pairs(units, reports["article_id"].tolist() * 2, min_score=min_score, idf=idf, pair_map=pair_map):
        key = (min(i % n, j % n), max(i % n, j % n))
        best[key] = max(best.get(key, 0.0), score)
    for (i, j), score in sorted(best.items()):
        same_date = _overlap(rows[i], rows[j])
        if same_date or score >= conflict_score:
            a, b = find(i), find(j)
            parent[a] = b
            if not same_date:
                conflicted.add((i, j))
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(i)
    conflict_roots = {find(i) for i, _ in conflicted}
    # claims the contradictions table sets against another claim: their events are in conflict too,
    # so that a timeline and a table of contradictions never disagree about the same claims
    disputed = set() if contradictions is None or not len(contradictions) else \
        set(contradictions["left_id"].astype(str)) | set(contradictions["right_id"].astype(str))
    events = []
    for root, members in groups.items():
        mem = [rows[k] for k in members]
        rep = min(mem, key=lambda r: (r.latest - r.earliest, r.earliest))
        lo, hi = max(r.earliest for r in mem), min(r.latest for r in mem)
        conflict = root in conflict_roots or lo > hi or any(r.claim_id in disputed for r in mem)
        if lo > hi:
            lo, hi = min(r.earliest for r in mem), max(r.latest for r in mem)
        events.append({
            "value": rep.value, "earliest": lo, "latest": hi, "text": rep.text, "article_id": rep.article_id,
            "claim_id": rep.claim_id, "sources": len({r.article_id for r in mem}), "conflict": conflict,
            "label": short_label(rep.text, rep.timex), "sent_id": rep.sent_id, "start": rep.start, "end": rep.end,
            "reports": len(mem), "articles": "|".join(sorted({r.article_id for r in mem})),
            "values": "|".join(dict.fromkeys(r.value for r in mem)),
            "claim_ids": "|".join(str(r.claim_id) for r in mem),
        })
    out = pd.DataFrame(events).sort_values(["earliest", "latest", "article_id", "start"], kind="stable").reset_index(drop=True)
    out.insert(0, "event_id", [f"e{i + 1}" for i in range(len(out))])
    return schema.conform("timeline", out)


