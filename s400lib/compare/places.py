"""Rival accounts of where something happened: whose airspace, territory or waters.

Reads the ``places`` column of the claims table (see :mod:`s400lib.extract.places`). Two claims from
different sources conflict when

``polarity``  one puts something in an owner's place and the other says nothing was there ("the drone
              had violated Iranian airspace" / "there was no drone over Iranian territory"); airspace,
              territory, waters and soil are one family, so the two need not use the same noun;
``stance``    both put it somewhere, in places of two owners ("shot down the drone over Iranian
              airspace" / "the drone was downed over international airspace"), and the two claims
              share a word other than the place's (the thing or the act: "drone", "shoot"), so two
              flights over two countries are not set against each other.

Articles published more than ``MAX_DAYS_APART`` days apart (when both dates are known) tell of
different incidents and are not compared. A conditional claim ("if it entered Iranian airspace")
places nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from ..extract.places import PLACE_NOUNS, same_owner

MAX_DAYS_APART = 14
# words two claims about one incident share that say nothing of which incident it is
_COMMON = frozenset({"say", "tell", "report", "state", "add", "official", "spokesman", "spokesperson", "news", "agency"})
# of each polarity or stance pairing of two owners, at most this many claims of a side are tried:
# a border incident told by hundreds of articles adds nothing after that
TRIED_PER_SIDE = 20


@dataclass(frozen=True)
class Place:
    claim: int
    owner: str
    noun: str
    negative: bool
    offset: int


def places_of(c: pd.DataFrame) -> list[Place]:
    """Every place entry of the claims table ``c`` (rows by position), conditional claims left out."""
    out = []
    values = c["places"] if "places" in c else pd.Series([None] * len(c))
    modality = c["modality"].tolist()
    for k, value in enumerate(values):
        if not isinstance(value, str) or not value or modality[k] == "conditional":
            continue
        for entry in value.split("|"):
            owner, noun, sign, offset = entry.rsplit(":", 3)
            out.append(Place(k, owner, noun, sign == "-", int(offset)))
    return out


def rival_places(c: pd.DataFrame, sources: list, same_speaker, published: dict | None = None) -> list[tuple[str, Place, Place]]:
    """(kind, place of one claim, place of the other) for each pair of claims that conflict on where
    something happened (see the module docstring); one pair per two claims."""
    places = places_of(c)
    if len(places) < 2:
        return []
    arts = c["article_id"].astype(str).tolist()
    lemmas = [frozenset(str(v).split()) if isinstance(v, str) else frozenset() for v in c.get("lemmas", pd.Series([None] * len(c)))]
    dates = [published.get(a) if published else None for a in arts]
    by_owner: dict[str, list[Place]] = defaultdict(list)
    for p in places:
        by_owner[p.owner].append(p)
    owners = sorted(by_owner)
    out, seen = [], set()

    def comparable(x: Place, y: Place) -> bool:
        if x.claim == y.claim or frozenset((x.claim, y.claim)) in seen:
            return False
        if same_speaker(sources[x.claim], sources[y.claim]):
            return False
        dx, dy = dates[x.claim], dates[y.claim]
        return not (pd.notna(dx) and pd.notna(dy) and abs((pd.Timestamp(dx) - pd.Timestamp(dy)).days) > MAX_DAYS_APART)

    def cover(kind: str, xs: list[Place], ys: list[Place], ok=lambda x, y: True) -> None:
        # each claim of one side gets one partner, one of its own article first, else the partner
        # shown least so far: a whole incident is not spelt out as every pair of its tellings
        used: dict[int, int] = defaultdict(int)
        for x in xs:
            partners = [y for y in ys if comparable(x, y) and ok(x, y)]
            if not partners:
                continue
            y = min(partners, key=lambda y: (arts[y.claim] != arts[x.claim], used[y.claim], y.claim))
            used[y.claim] += 1
            seen.add(frozenset((x.claim, y.claim)))
            out.append((kind, x, y))

    def share_what_happened(x: Place, y: Place) -> bool:
        return bool((lemmas[x.claim] & lemmas[y.claim]) - PLACE_NOUNS - _COMMON)

    for n, owner in enumerate(owners):
        # the same owner (or one written two ways): put there against not there
        family = [p for o in owners[n:] if same_owner(owner, o) for p in by_owner[o]]
        cover("polarity", [p for p in family if not p.negative][:TRIED_PER_SIDE], [p for p in family if p.negative][:TRIED_PER_SIDE])
        # two owners: there against elsewhere, for claims that share what happened
        here = [p for p in by_owner[owner] if not p.negative][:TRIED_PER_SIDE]
        elsewhere = [p for o in owners[n + 1:] if not same_owner(owner, o) for p in by_owner[o] if not p.negative][:TRIED_PER_SIDE]
        cover("stance", here, elsewhere, share_what_happened)
    return out


def place_phrase(text: str, start: int, place: Place) -> str:
    """The words of the claim (``text``, starting at article offset ``start``) that name the place:
    its qualifier and its noun ("Iranian airspace", "Iran's airspace")."""
    k = place.offset - start
    noun = re.match(r"\w+", text[k:])
    before = re.search(r"([\w.’'-]+)\s+$", text[:k])
    return ((before.group(1) + " ") if before else "") + (noun.group(0) if noun else place.noun)
