"""Rival causes of one death: one source says a nerve agent killed the man, another that he died of a
heart attack (the ``cause`` column of the claims table, see :mod:`s400lib.extract.causes`).

Two causes are rivals when two different sources give them, they share no word ('attack heart' and
'agent nerve vx'), and they are of one death: the two victims name no two different persons (a pronoun
or a common noun such as "the man" may be anyone the story speaks of, names must share a word). Each pair
of articles gives one row per two causes: the nearest pair in one article, else the first of each.
"""

from __future__ import annotations

from .culprits import one_per_article_pair


def parse_cause(value) -> tuple[str, set[str]] | None:
    """(victim, words of the cause) of a cause value, or None."""
    if not isinstance(value, str) or value.count("|") != 1:
        return None
    victim, cause = value.split("|")
    return victim, set(cause.split())


def _one_victim(a: str, b: str) -> bool:
    named_a = {w.lower() for w in a.replace("-", " ").split() if w[:1].isupper()}
    named_b = {w.lower() for w in b.replace("-", " ").split() if w[:1].isupper()}
    return not (named_a and named_b) or bool(named_a & named_b)


def rival_cause_pairs(causes: list, arts: list, starts: list, sources: list, same_speaker) -> list[tuple[int, int]]:
    """(claim, rival claim) for every two causes of one death told by two sources, by row position."""
    told = [(k, p) for k, value in enumerate(causes) if (p := parse_cause(value)) is not None]
    rivals = [(k, m) for x, (k, (victim_k, words_k)) in enumerate(told) for m, (victim_m, words_m) in told[x + 1:]
              if not same_speaker(sources[k], sources[m]) and not words_k & words_m and _one_victim(victim_k, victim_m)]
    return one_per_article_pair(rivals, arts, starts, lambda k: causes[k].split("|")[1])
