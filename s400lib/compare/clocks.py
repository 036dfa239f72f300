"""The hour a disaster struck, as each source tells it, and sources that tell it differently.

Breaking news of an explosion, a fire or a crash gives the time it happened, and outlets often give
different times ("happened at 3:15 a.m." / "shook the town at 3:40 a.m."). A clock time (a TIME row
of ``timexes`` with an hour and minute) is the time of a disaster when the claim ties the two:

- the disaster is named before the clock time, with a verb of happening between them ("The blast
  ... shook the town at 3:40 a.m.", "the fire broke out at about 6:20 p.m.", "the plane crashed at"), or
- the clock time stands before the disaster ("At 3:15 a.m., an explosion ripped through the plant",
  "the 3:15 a.m. blast").

A time told to the minute may be off by two minutes; one on the hour ("3 a.m.") stands for a quarter
of an hour either side; "about", "around" widen it to twenty minutes; "shortly after 3 a.m." is the
half hour after, "shortly before" the half hour before. Times in different zones ("5:38 GMT" / "8:38
local time") are never compared. Two sources whose times of one disaster cannot both hold conflict
(``temporal``). As for causes (:mod:`s400lib.compare.accounts`), one disaster of each kind per story is
assumed, and the day is not compared: outlets anchor a bare time on their own publication day.
"""

from __future__ import annotations

import re

import pandas as pd

from ..extract.claims import rows_inside
from .accounts import CAUSE

_HAPPENED = (r"happened|occurred|took place|struck|hit|shook|rocked|ripped through|tore through|broke out|erupted|"
             r"started|began|went off|exploded|crashed|collapsed|derailed|sank|capsized|caught fire")
_DISASTER = [(event, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for event, words in CAUSE.events]
_HAPPENED_RE = re.compile(rf"\b(?:{_HAPPENED})\b", re.IGNORECASE)
_CLOCK_VALUE = re.compile(r"T(\d{2}):(\d{2})")
_ZONE = re.compile(r"\b(GMT|UTC|[A-Z]{1,2}[SD]?T|local)\b")
_HEDGES = [  # words just before a time, and the interval (minutes before, after) they make of it
    (re.compile(r"\b(?:shortly|just|soon|a little|moments?) after\s*$", re.IGNORECASE), (0, 30)),
    (re.compile(r"\b(?:shortly|just|a little|moments?) before\s*$", re.IGNORECASE), (30, 0)),
    (re.compile(r"\b(?:about|around|approximately|roughly|some|nearly|almost|circa)\s*$", re.IGNORECASE), (20, 20)),
    # open on one side: a bound, not a time
    (re.compile(r"\b(?:before|after|by|until|since|between|from|early|late)\s*$", re.IGNORECASE), None),
]
TRIED_PER_EVENT = 20


def clock_accounts(claims: pd.DataFrame, timexes: pd.DataFrame | None) -> pd.DataFrame:
    """One row per clock time a claim gives for a disaster.

    Columns: claim (row position in ``claims``), event ("the explosion", "the fire" ...), said (the
    time as written), low, high (minutes after midnight the time stands for), zone ("" when none is
    written, else "GMT", "EST", "local" ...).
    """
    cols = ["claim", "event", "said", "low", "high", "zone"]
    if timexes is None or not len(timexes) or "value" not in timexes:
        return pd.DataFrame([], columns=cols)
    is_clock = timexes["type"].astype(str).eq("TIME") & timexes["value"].astype(str).str.contains(r"T\d{2}:\d{2}")
    clocks = timexes[is_clock.to_numpy()]
    if not len(clocks):
        return pd.DataFrame([], columns=cols)
    values, t_starts, t_ends = clocks["value"].astype(str).tolist(), clocks["start"].astype(int).tolist(), clocks["end"].astype(int).tolist()
    said = clocks["text"].astype(str).tolist()
    spans = zip(claims["article_id"].astype(str), claims["start"].astype(int), claims["end"].astype(int))
    rows = []
    for i, (positions, start, text) in enumerate(zip(rows_inside(spans, clocks), claims["start"].astype(int),
                                                     claims["text"].astype(str))):
        for p in positions:
            at, end = t_starts[p] - start, t_ends[p] - start
            event = _event_of(text, at, end)
            if event is None:
                continue
            h, mi = map(int, _CLOCK_VALUE.search(values[p]).groups())
            spread = _spread(text[:at], mi)
            if spread is None:
                continue
            # the zone is in the expression ("11:50 GMT") or just after it ("8:38 a.m. local time")
            zone = _ZONE.search(said[p]) or _ZONE.match(text[end:], *_after_spaces(text, end))
            minute = h * 60 + mi
            rows.append((i, event, said[p], minute - spread[0], minute + spread[1], zone.group(1) if zone else ""))
    return pd.DataFrame(rows, columns=cols)


def _after_spaces(text: str, end: int) -> tuple[int, int]:
    at = end + len(text[end:]) - len(text[end:].lstrip(" ("))
    return at, at + 12


def _event_of(text: str, at: int, end: int) -> str | None:
    """The disaster whose time the clock at text[at:end] tells, or None."""
    before, after = text[:at], text[end:]
    for event, words in _DISASTER:
        # "The blast at the plant shook the town at 3:40 a.m.": named, then a verb of happening
        named = [m for m in words.finditer(before) if "." not in before[m.end():]]
        if named and _HAPPENED_RE.search(before[named[-1].start():]) and len(before) - named[-1].end() <= 120:
            return event
        # "At 3:15 a.m., an explosion ripped through", "the 3:15 a.m. blast"
        m = words.search(after)
        if m and m.start() <= 40 and "," not in after[:m.start()].strip(", ") and "." not in after[:m.start()]:
            return event
    return None


def _spread(before: str, minute: int) -> tuple[int, int] | None:
    """Minutes (before, after) a time stands for, from the words before it; None for a bound."""
    for hedge, spread in _HEDGES:
        if hedge.search(before[-30:]):
            return spread
    return (2, 2) if minute else (15, 15)


def rival_clocks(accounts: pd.DataFrame, sources: list, articles: list, same_speaker) -> list[tuple[int, int]]:
    """Pairs (i, j) of account rows that give one disaster, in one zone, times that cannot both hold,
    from two sources in two articles (two times in one article are more likely two events); one pair
    per two times as written. The first ``TRIED_PER_EVENT`` times of each
    disaster are looked at."""
    out = []
    for _key, group in accounts.groupby(["event", "zone"], sort=True):
        rows = list(group.itertuples())[:TRIED_PER_EVENT]
        seen = set()
        for x in range(len(rows)):
            for y in range(x + 1, len(rows)):
                a, b = rows[x], rows[y]
                told = frozenset((a.said.lower(), b.said.lower()))
                if (a.high < b.low or b.high < a.low) and told not in seen and articles[a.claim] != articles[b.claim] \
                        and not same_speaker(sources[a.claim], sources[b.claim]):
                    seen.add(told)
                    out.append((a.Index, b.Index))
    return out
