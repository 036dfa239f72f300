"""How a person died, as each source tells it, and sources that tell it differently.

News of a death often carries rival accounts: an official one ("died of a heart attack", "the death
was an accident") and an accusation ("was beaten to death", "the killing was premeditated"). Each
claim about a named person's death is read for its manner:

``natural``   illness: "died of a heart attack", "natural causes", "cardiac arrest", "illness"
``accident``  "an accident", "accidentally", "died in a fall"
``fight``     a death nobody planned in a brawl: "died in a fistfight", "a fight broke out"
``killing``   "was murdered", "beaten to death", "killed him", "assassinated", "premeditated", "the
              killing" (not "were killed in a stampede": "killed" alone says nothing of intent)
``suicide``   "took his own life", "killed himself", "suicide"

A claim is about a person when it names them (``claims.entities`` holds a person's canonical name, or
the claim writes a surname only one person of the corpus bears), the one named nearest before the words
of the manner; a claim naming nobody that says "he", "his", "him" (or "she", "her") is about the person
named in the nearest claim before it in the same article. The claim's own speaker is never whose
death it is. A negated manner ("was not murdered", "denied that he had been killed") is no account of a
manner: it is answered by the rebuttal rules. Two claims from different sources that give one
person two manners are a stance conflict.
"""

from __future__ import annotations

import re

import pandas as pd

_CUES = [
    ("suicide", r"took (?:his|her|their) own li(?:fe|ves)|killed (?:himself|herself|themselves)|suicide"),
    # "killed" alone is any violent death ("were killed in a stampede"); only words of intent count
    ("killing", r"murder(?:ed|s)?|beaten to death|tortured to death|strangled|stabbed to death|shot dead|"
                r"assassinat\w+|premeditated|executed|the killing|killing of|killed (?:him|her)\b"),
    ("fight", r"fist-?fight|a fight|brawl|scuffle|altercation"),
    ("accident", r"accident\w*|died in a fall|fell to (?:his|her) death"),
    ("natural", r"heart attack|cardiac arrest|natural causes|illness|died of (?:a |an )?(?:stroke|disease|cancer)"),
]
_CUE_RES = [(manner, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for manner, pattern in _CUES]
_ANY_CUE = re.compile("|".join(rf"\b(?:{pattern})\b" for _, pattern in _CUES), re.IGNORECASE)
_DEATH = re.compile(r"\b(?:die[sd]?|dying|death|dead|killed|killing|murder\w*|body)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|denied|denies|deny|rejected|dismissed|n't)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|his|him|she|her)\b", re.IGNORECASE)
MANNERS = tuple(m for m, _ in _CUES)
TRIED_PER_MANNER = 20
# the words that name each manner in an explanation
_READING = {"natural": "a natural death", "accident": "an accident", "fight": "a death in a fight",
            "killing": "a killing", "suicide": "a suicide"}


def manner_of(text: str) -> tuple[str, str] | None:
    """(manner, cue as written) of a claim's text, or None: no death, no manner, or a negated one."""
    death = _DEATH.search(text)
    for manner, cue in _CUE_RES:
        m = cue.search(text)
        if m is None:
            continue
        # "was strangled", "took his own life" tell a death; "an accident", "premeditated" need one told
        if not death and (manner not in ("killing", "suicide") or m.group(0).lower() == "premeditated"):
            continue
        # "his death was not an accident", "police denied that he had been killed"
        if _NEGATION.search(text[max(0, m.start() - 40) : m.start()]):
            return None
        return manner, m.group(0)
    return None


def death_accounts(claims: pd.DataFrame, people: set[str]) -> pd.DataFrame:
    """One row per claim that tells how a named person died.

    Columns: claim (row position in ``claims``), person (canonical name), manner (one of
    MANNERS), cue (the words that tell the manner, as written in the claim's text).
    """
    cols = ["claim", "person", "manner", "cue"]
    texts = claims["text"].astype(str)
    # one vectorised pass finds the few claims with a word of some manner; only those are read
    candidates = [i for i, hit in enumerate(texts.str.contains(_ANY_CUE).tolist()) if hit]
    if not candidates or not people:
        return pd.DataFrame([], columns=cols)
    arts, starts, ents, sources = (claims["article_id"].astype(str), claims["start"].astype(int), claims["entities"],
                                   claims["source"])
    # a person's last name -> the person, when only one person bears it: a name the model missed in
    # one sentence ("Dario Vell was strangled") is still read there
    by_surname: dict[str, set[str]] = {}
    for p in people:
        by_surname.setdefault(p.split(" ")[-1], set()).add(p)
    in_article: dict[str, list[int]] = {}
    for i in sorted(range(len(claims)), key=lambda i: (arts.iat[i], starts.iat[i])):
        in_article.setdefault(arts.iat[i], []).append(i)

    def named_in(i: int) -> list[str]:
        # the claim's own speaker tells of the death, it is not whose death it is ("“They killed
        # him,” his brother Jonas Lind said")
        value = ents.iat[i]
        return [n for n in str(value).split("|") if n in people and n != sources.iat[i]] if isinstance(value, str) else []

    rows = []
    for i in candidates:
        text = texts.iat[i]
        found = manner_of(text)
        if found is None:
            continue
        named = named_in(i) or [next(iter(by_surname[w])) for w in dict.fromkeys(re.findall(r"\b[A-Z][\w'-]+", text))
                                if len(by_surname.get(w, ())) == 1 and next(iter(by_surname[w])) != sources.iat[i]]
        if named:
            # of several people named, the one written nearest before the words of the manner
            cue_at = text.find(found[1])
            person = min(named, key=lambda n: _distance(text, n, cue_at))
        elif _PRONOUN.search(text):
            # "his death was an accident": the person the article named last, in the claims before
            order = in_article[arts.iat[i]]
            before = order[: order.index(i)]
            person = next((named[0] for k in reversed(before) if (named := named_in(k))), None)
        else:
            person = None
        if person:
            rows.append((i, person, found[0], found[1]))
    return pd.DataFrame(rows, columns=cols)


def _distance(text: str, name: str, at: int) -> int:
    """How far before ``at`` the name (or its last word) is written in ``text``; far when absent."""
    spots = [m.start() for word in (name, name.split(" ")[-1]) for m in re.finditer(re.escape(word), text)]
    before = [at - s for s in spots if s <= at]
    return min(before) if before else len(text) + min((abs(s - at) for s in spots), default=len(text))


def rival_accounts(accounts: pd.DataFrame, sources: list, same_speaker) -> list[tuple[int, int]]:
    """Pairs (i, j) of account rows of one person with different manners from two sources: for each
    person and each two manners one pair, preferring claims not yet shown for another two manners, so
    that each account gets its row. The first ``TRIED_PER_MANNER`` accounts of each manner are
    looked at: a death told by hundreds of articles adds nothing after that."""
    out = []
    for _person, group in accounts.groupby("person", sort=True):
        rows = [r for _manner, some in group.groupby("manner", sort=False) for r in list(some.itertuples())[:TRIED_PER_MANNER]]
        rows.sort(key=lambda r: r.Index)
        by_manners: dict[frozenset, list[tuple]] = {}
        for x in range(len(rows)):
            for y in range(x + 1, len(rows)):
                a, b = rows[x], rows[y]
                if a.manner != b.manner and not same_speaker(sources[a.claim], sources[b.claim]):
                    by_manners.setdefault(frozenset((a.manner, b.manner)), []).append((a, b))
        used: set[int] = set()
        for pairs in by_manners.values():
            a, b = min(pairs, key=lambda p: (p[0].claim in used) + (p[1].claim in used))
            used |= {a.claim, b.claim}
            out.append((a.Index, b.Index))
    return out


def reading(manner: str) -> str:
    return _READING[manner]
