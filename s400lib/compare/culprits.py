"""Accusations against their denials: one source holds a party responsible for an event, another
denies that the party was (the ``blame`` column of the claims table, see :mod:`s400lib.extract.blame`).

Two blame values answer each other when

- one blames and the other denies;
- they name one party: one country, however each writes it (its name, its capital, its people:
  "Tehran", "Iran", "the Iranian government"; :mod:`s400lib.core.countries`), or, for parties that
  name no country, a name in common, once the ending of a people's name is cut off ("the Houthi
  movement" / "Houthi rebels", "the Ostrian ministry" / "Ostria"), or, for parties
  named by a common noun only ("the rebels", "the army"), the same noun, or two nouns of the state's
  side ("the authorities" / "the security forces"); in one article, "the militia" is the party named before
  with that noun ("the Varn militia");
- they name one event: the same head noun or one of a family ("the attack" / "the assault" / "the
  strikes"; "the fire" / "the arson"), or the same name inside it ("the poisoning of Sergei Skripal" / "the attack on the
  Skripals"). A denial that names no event ("denied being involved") is of the event of the nearest
  accusation of its party before it in its article, and answers nothing when there is none;
- two different sources make them (a source does not answer itself).

Two accusations are rival accounts of who was behind one event when they name one event and two parties
that are not one ("unquestionably sponsored by Iran" / "Iran has stuck with its account that the Houthi
rebels are responsible"), and two different sources make them; each pair of articles gives one row per
two parties (the nearest pair in one article, the first of each other article).

A seat of government standing for its country ("the Kremlin", "the White House") is not tied to it.
"""

from __future__ import annotations

import re

from ..core.countries import countries_in

# heads of events that name one kind of happening: "the attack" in one outlet is "the assault", "the
# strikes" or "the raid" in another
_EVENT_FAMILIES = (
    frozenset({"attack", "assault", "strike", "airstrike", "raid", "bombing", "shelling", "ambush", "incursion",
               "explosion", "blast", "sabotage", "act"}),
    frozenset({"killing", "murder", "assassination", "death", "execution", "shooting", "disappearance"}),
    frozenset({"hack", "hacking", "cyberattack", "leak", "interference", "meddling"}),
    frozenset({"fire", "arson", "blaze", "burning"}),
)


# common nouns for a state's authorities and forces (singular, as _words gives them)
_STATE_SIDE = frozenset({"authoritie", "authority", "government", "regime", "force", "police", "army", "military", "troop",
                         "soldier", "guard", "official"})
# endings of a people's name, longest first: a name the country data lacks ("the Ostrian ministry" /
# "Ostria", "Houthis" / "Houthi") still meets its stem
_NATIONALITY_ENDINGS = ("ians", "ian", "ish", "ese", "ans", "an", "ia", "is", "i", "a", "s")
_STEM_MIN = 4


def _stem(word: str) -> str:
    for ending in _NATIONALITY_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _STEM_MIN:
            return word[: -len(ending)]
    return word


def _words(party: str) -> tuple[set[str], set[str]]:
    """(stems of the capitalised words, lower-case words without a plural 's') of a party as written."""
    words = re.findall(r"[\w'-]+", party)
    return ({_stem(w.lower()) for w in words if w[:1].isupper()},
            {w.lower()[:-1] if w.endswith("s") and len(w) > 4 else w.lower() for w in words if not w[:1].isupper()})


def same_party(a: str, b: str, one_article: bool = False) -> bool:
    """Whether two parties as written name one party (see the module docstring). In ``one_article``,
    a party named by a common noun alone is the named party with that head noun ("the Varn militia
    ... the militia")."""
    countries_a, countries_b = countries_in(a), countries_in(b)
    if countries_a and countries_b:
        return bool(countries_a & countries_b)
    named_a, common_a = _words(a)
    named_b, common_b = _words(b)
    if named_a and named_b:
        return bool(named_a & named_b)
    if not named_a and not named_b:
        # "the authorities" and "the security forces" name one side, the state's, when nothing names either
        return bool(common_a & common_b) or bool(common_a & _STATE_SIDE and common_b & _STATE_SIDE)
    head_a, head_b = a.split()[-1].lower(), b.split()[-1].lower()
    return one_article and head_a == head_b and not (named_a and named_b)


def same_event(a: str, b: str) -> bool:
    """Whether two events ('attack Sergei Skripal', 'poisoning Skripal') are one: the same head noun, or a
    name in common."""
    head_a, *names_a = a.split()
    head_b, *names_b = b.split()
    # a weapon denied ("denied using chemical weapons") is the kind of the attack charged ("chemical
    # weapons attacks"): the head of one may be a word of the other
    return (head_a == head_b or any(head_a in f and head_b in f for f in _EVENT_FAMILIES)
            or bool(_name_stems([head_a] + names_a) & _name_stems([head_b] + names_b) - _GENERIC_KINDS))


# words of events too general to tie two events on their own
_GENERIC_KINDS = {"attack", "strike", "incident", "act"}


def _name_stems(names: list[str]) -> set[str]:
    # "the Skripals" is the family of "Sergei Skripal"; "weapons" the kind of "chemical weapons attacks"
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
    denying = []
    for d, (stance, party_d, event_d) in ((k, p) for k, p in read if p[0] == "denies"):
        if not event_d:
            # "Tehran has denied being involved": in what, the nearest accusation of that party before it
            # in the article says
            before = [(starts[d] - starts[a], p[2]) for a, p in accusing
                      if arts[a] == arts[d] and starts[a] < starts[d] and same_party(p[1], party_d, one_article=True)]
            event_d = min(before)[1] if before else ""
        denying.append((d, (stance, party_d, event_d)))
    pairs, answered = [], set()
    for d, (_, party_d, event_d) in denying:
        ordered = sorted(accusing, key=lambda x: (arts[x[0]] != arts[d], abs(starts[x[0]] - starts[d]) if arts[x[0]] == arts[d] else starts[x[0]]))
        for a, (_, party_a, event_a) in ordered:
            if (arts[a], d) in answered:
                continue  # one accusation of an article answers for its others: the dispute is listed once per article
            if same_speaker(sources[a], sources[d]) or not same_party(party_a, party_d, one_article=arts[a] == arts[d]):
                continue
            if event_d and not same_event(event_a, event_d):
                continue
            if not event_d and arts[a] != arts[d]:
                continue
            pairs.append((a, d))
            answered.add((arts[a], d))
    return pairs


def rival_pairs(blames: list, arts: list, starts: list, sources: list, same_speaker) -> list[tuple[int, int]]:
    """(accusation, rival accusation) for every two accusations of one event that name two different
    parties, made by two different sources (see the module docstring), by row position in ``blames``."""
    accusing = [(k, p) for k, value in enumerate(blames)
                if (p := parse_blame(value)) is not None and p[0] == "blames" and p[1] and p[2]]
    rivals = [(k, m) for x, (k, (_, party_k, event_k)) in enumerate(accusing) for m, (_, party_m, event_m) in accusing[x + 1:]
              if not same_speaker(sources[k], sources[m]) and same_event(event_k, event_m)
              and not same_party(party_k, party_m, one_article=arts[k] == arts[m])]
    return one_per_article_pair(rivals, arts, starts, lambda k: _party_key(parse_blame(blames[k])[1]))


def one_per_article_pair(pairs, arts: list, starts: list, label) -> list[tuple[int, int]]:
    """Of ``pairs`` of row positions, one per two articles and two labels (``label(k)``: what row k names,
    a party or a cause): the nearest pair in one article, else the first of each article; each pair is
    given in text order."""
    best: dict[tuple, tuple] = {}
    for k, m in pairs:
        first, second = sorted((k, m), key=lambda y: (arts[y], starts[y]))
        key = (arts[first], arts[second], label(first), label(second))
        rank = abs(starts[k] - starts[m]) if arts[k] == arts[m] else (starts[first], starts[second])
        if key not in best or rank < best[key][0]:
            best[key] = (rank, (first, second))
    return sorted(pair for _, pair in best.values())


def _party_key(party: str) -> str:
    """One key per party however written: its countries, else the stems of its capitalised words, else its
    common nouns."""
    countries = countries_in(party)
    if countries:
        return "|".join(sorted(countries))
    named, common = _words(party)
    return "|".join(sorted(named or common))


def blame_keys(value) -> list[str]:
    """Keys that two claims holding one party responsible for one event, or denying it, share
    ('B:denies|Iran|0' for "Iran has denied any involvement in the assault" and for "Tehran has denied
    being involved in the attack"): the stance, the party (:func:`_party_key`) and the event's family
    (its head when it is in none). A denial that names no event also gives 'B:denies|<party>|*', which
    every denial of that party gives too. An event's names give keys of their own ('B:blames|Russia|@skripal'),
    as :func:`same_event` relates two events by a name in common."""
    parsed = parse_blame(value)
    if parsed is None or not parsed[1]:
        return []
    stance, party, event = parsed
    party_key = _party_key(party)
    if not party_key:
        return []
    keys = []
    if event:
        head, *names = event.split()
        family = next((str(k) for k, f in enumerate(_EVENT_FAMILIES) if head in f), head)
        keys.append(f"B:{stance}|{party_key}|{family}")
        # ... or by a name the event holds ("the attack on Sergei Skripal" / "the poisoning of Skripal"), as
        # same_event relates them
        keys += [f"B:{stance}|{party_key}|@{n}" for n in sorted(_name_stems([n for n in names if n[:1].isupper()]) - _GENERIC_KINDS)]
    if stance == "denies":
        keys.append(f"B:{stance}|{party_key}|*")
    return keys
