"""Where a claim puts what it tells: whose airspace, territory or waters.

Rival accounts of an incident at a border often differ on one thing only, where it happened: "the
Guard said it shot down the drone over Iranian airspace" against "the drone was downed over
international airspace", or "the drone had violated Iranian airspace" against "there was no drone
over Iranian territory". Each claim unit gets the places of this kind it names, as
``owner:noun:sign:offset`` entries (the ``places`` column of the claims table):

owner
    whose place it is, read from the word that qualifies the place noun: a possessive ("Iran's
    airspace") or an adjective ("Iranian airspace", "international waters"), lower-cased, with a
    nationality ending cut ("iranian" -> "iran", "turkish" -> "turk"; :func:`same_owner` compares
    two such keys, so "Turkish" and "Turkey's" are one owner). A pronoun ("its territory") names no owner the rule can read, so the place is
    left out.
noun
    the place noun: airspace, territory, waters, soil (one family: "over its territory" of an aircraft
    means its airspace).
sign
    '+' when the claim puts something there ("over", "in", "inside", "within", "into", "from" the
    place, or "entered", "violated", "crossed" it), '-' when that is negated ("there was no drone
    over Iranian territory", "no aircraft were operating in Iranian airspace", "never entered").
offset
    character offset of the place noun in the article.

:mod:`s400lib.compare.places` sets two sources' places against each other.
"""

from __future__ import annotations

from typing import Callable

PLACE_NOUNS = frozenset({"airspace", "territory", "waters", "soil"})
# prepositions that put something at a place ("shot down over Iranian airspace", "fired from Syrian territory")
PLACE_PREPS = frozenset({"over", "in", "inside", "within", "into", "from", "above", "through"})
# verbs whose object is a place they put their subject in ("entered Iran's airspace")
ENTERING_VERBS = frozenset({"enter", "violate", "penetrate", "breach", "intrude", "cross", "invade", "stray"})
# words that qualify a place noun without naming whose it is ("its own", "the same", "hostile")
_NO_OWNER = frozenset({"same", "own", "other", "hostile", "disputed", "sovereign", "national", "its", "their", "his", "her"})
# nationality endings, longest first: what is left is compared by same_owner
_ENDINGS = ("ian", "ean", "ese", "ish", "an", "i")


def owner_key(word: str) -> str:
    """A comparable key for the word naming whose a place is: "Iranian" -> "iran", "Iran's" -> "iran",
    "international" -> "international" (kept whole: it is no nation's)."""
    key = word.lower().removesuffix("'s").removesuffix("’s").replace(".", "")
    if key in ("international", "neutral"):
        return "international"
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            return key[: -len(ending)]
    return key


# what a country's name adds to the stem its nationality leaves ("russ" + "ia", "turk" + "ey", "chin" + "a")
_COUNTRY_ENDINGS = ("a", "e", "y", "ey", "ia")


def same_owner(a: str, b: str) -> bool:
    """Whether two owner keys name one owner: one is the other, or the longer is the shorter plus a
    country name's ending ("turk" / "turkey", "russ" / "russia", "chin" / "china"; not "austr" /
    "austral", Austria's and Australia's)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and long.startswith(short) and long[len(short):] in _COUNTRY_ENDINGS


def place_entries(words, i: int, j: int, negated: Callable[[int], bool], denied=frozenset()) -> list[str]:
    """The ``places`` entries of the unit spanning tokens ``i``..``j`` (see the module docstring).

    ``words`` is the doc's :class:`s400lib.extract.claims.TokenLists`; ``negated(k)`` tells whether token
    ``k`` is negated; ``denied`` holds the tokens of a clause a denial verb governs ("denied that the
    drone entered Iranian airspace": there, a '+' reads '-')."""
    dep, lemma, lower, head, kids, pos = words.dep, words.lemma, words.lower, words.head, words.children, words.pos
    out = []
    for k in range(i, j):
        # "waters" is lemmatised to "water", which alone is no one's place ("fell into the water")
        noun = lower[k] if lower[k] in PLACE_NOUNS else lemma[k]
        if noun not in PLACE_NOUNS or pos[k] not in ("NOUN", "PROPN"):
            continue
        owners = [c for c in kids[k] if dep[c] in ("amod", "poss", "compound") and lower[c] not in _NO_OWNER
                  and pos[c] in ("ADJ", "PROPN", "NOUN")]
        if not owners:
            continue
        owner = owner_key(words.doc[owners[0]].text)
        if dep[k] == "pobj" and lower[head[k]] in PLACE_PREPS:
            carrier = head[head[k]]
        elif dep[k] == "dobj" and lemma[head[k]] in ENTERING_VERBS:
            carrier = head[k]
        else:
            continue
        # what is put there: a verb, or a noun ("no drone over Iranian territory"), whose negation counts
        negative = negated(carrier) or (pos[carrier] in ("NOUN", "PROPN")
                                        and any(lower[c] == "no" and dep[c] == "det" for c in kids[carrier]))
        if pos[carrier] in ("NOUN", "PROPN") and not negative and dep[carrier] in ("attr", "nsubj") and head[carrier] != carrier:
            negative = negated(head[carrier])
        if carrier in denied:
            negative = not negative
        out.append(f"{owner}:{noun}:{'-' if negative else '+'}:{words.idx[k]}")
    return out
