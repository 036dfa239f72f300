"""Accusations against their denials: one source holds a party responsible for an event, another
denies that the party was (the ``blame`` column of the claims table, see :mod:`s400lib.extract.blame`).

Two blame values answer each other when

- one blames and the other denies;
- they name one party: a name word in common, a nationality and its country ("the Russian
  government" / "Russia": the adjective and the country share their stem once the ending of
  nationality is cut off, "Russ-ian" / "Russ-ia", "Brit-ish" / "Brit-ain"), or, for parties named by
  a common noun only ("the rebels", "the army"), the same noun;
- they name one event: the same head noun ("the attack on Sergei Skripal" / "the attack on the
  Skripals"), or the same name inside it ("the poisoning of Sergei Skripal"). A denial that names no
  event ("denied any involvement") answers an accusation of the same party in its own article only;
- two different sources make them (a source does not answer itself).

Capitals and seats of government standing for their country ("Moscow", "the Kremlin") are not tied
to it here: the text gives no evidence of that tie, and a table of them is not part of the tool.
"""

from __future__ import annotations

import re

# endings of nationality, longest first: cut off, the stem is the country's ("russ-ian" / "russ-ia")
_NATIONALITY_ENDINGS = ("ians", "ian", "ish", "ese", "ans", "an", "ia", "is", "i", "a", "s")
_STEM_MIN = 4


def _stem(word: str) -> str:
    for ending in _NATIONALITY_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _STEM_MIN:
            return word[: -len(ending)]
    return word


def _party_words(party: str) -> tuple[set[str], set[str]]:
    """(stems of the capitalised words, lower-case common nouns) of a party as written."""
    words = re.findall(r"[\w'-]+", party)
    named = {_stem(w.lower()) for w in words if w[:1].isupper()}
    common = {w.lower().rstrip("s") for w in words if not w[:1].isupper()}
    return named, common


def same_party(a: str, b: str) -> bool:
    """Whether two parties as written name one party (see the module docstring)."""
    named_a, common_a = _party_words(a)
    named_b, common_b = _party_words(b)
    if named_a and named_b:
        return any(x.startswith(y) or y.startswith(x) for x in named_a for y in named_b)
    if not named_a and not named_b:
        return bool(common_a & common_b)
    return False


def same_event(a: str, b: str) -> bool:
    """Whether two events ('attack Sergei Skripal', 'poisoning Skripal') are one: the same head noun, or a
    name in common."""
    head_a, *names_a = a.split()
    head_b, *names_b = b.split()
    return head_a == head_b or bool(_name_stems(names_a) & _name_stems(names_b))


def _name_stems(names: list[str]) -> set[str]:
    # "the Skripals" is the family of "Sergei Skripal"
    return {n[:-1] if n.endswith("s") and len(n) > 4 else n for n in names if len(n) > 2}


def parse_blame(value) -> tuple[str, str, str] | None:
    """(stance, party, event) of a blame value, or None."""
    if not isinstance(value, str) or value.count("|") != 2:
        return None
    stance, party, event = value.split("|")
    return stance, party, event


def culprit_pairs(blames: list, arts: list, starts: list, sources: list, same_speaker) -> list[tuple[int, int]]:
    """(accusing claim, denying claim) for every accusation and denial that answer each other, by row
    position in ``blames`` (the claims' blame values). An article that makes one accusation several
    times is set against a denial once: by the accusation nearest the denial in the denial's own
    article, by its first one in another article."""
    read = [(k, parsed) for k, value in enumerate(blames) if (parsed := parse_blame(value)) is not None]
    accusing = [(k, p) for k, p in read if p[0] == "blames" and p[2]]
    denying = [(k, p) for k, p in read if p[0] == "denies"]
    pairs, answered = [], set()
    for d, (_, party_d, event_d) in denying:
        ordered = sorted(accusing, key=lambda x: (arts[x[0]] != arts[d], abs(starts[x[0]] - starts[d]) if arts[x[0]] == arts[d] else starts[x[0]]))
        for a, (_, party_a, event_a) in ordered:
            if (arts[a], d) in answered:
                continue  # one accusation of an article answers for its others: the dispute is listed once per article
            if same_speaker(sources[a], sources[d]) or not same_party(party_a, party_d):
                continue
            if event_d and not same_event(event_a, event_d):
                continue
            if not event_d and arts[a] != arts[d]:
                continue
            pairs.append((a, d))
            answered.add((arts[a], d))
    return pairs
