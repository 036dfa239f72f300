"""Numbers with their units: "four S-400 divisions" -> 4 division, "$ 2.5 billion" -> 2.5e9 USD.

Rule (token scan over the spaCy Doc of one article, title and body sentences only):

1. A *number run* is a maximal run of numeric tokens: digits ("2.5", "3,500"), number words ("four",
   "twenty"), scale words ("billion", "dozen") and abbreviated scales ("1.2bn", "5m").
2. A run is **not** a quantity when it is a name or a date: tokens inside spaCy DATE / TIME / ORDINAL
   entities (unless the tagger mislabelled a count: "Forty soldiers"), tokens glued to letters by a hyphen ("S-400", "F-35", "Su-35" are model names), and
   bare four-digit years (1800-2100) with no unit.
3. The unit is, in order: a currency sign before the run ("$", "€"), a currency or measurement word
   right after it ("dollars", "km", "%"), or else the noun the run counts (spaCy ``nummod`` head,
   lemmatised: "divisions" -> "division").
4. Qualifiers before the run bound the value: "up to 600 km" -> high=600, "more than 30" -> low=30,
   "about 40" -> 36..44 and ``approx``, "nearly 40" -> 36..40, "just over 40" -> 40..44. Vague magnitudes ("multi-billion dollar", "hundreds of")
   get ``value`` <NA> and a [low, high] interval, so that "multi-billion dollar" and "$ 2.5 billion"
   are *consistent* (their intervals overlap) rather than different numbers.
5. A range is one count known to an interval: "12,000 to 15,000 people", "between 40 and 55
   trucks", "600-700 workers", "2 to 3 million euros" (the scale word applies to both ends) get
   ``value`` <NA>, low and high. "from 12 to 15" is a change, two figures.
6. A count taken out of a total counts what the total counts: "45 of the 90 passengers" (45
   passengers), "a third of the 90 passengers" (a row of 30 passengers beside the total's).
7. The size of a body of people is a count of its members: "a 15-member team", "a team of 18 men"
   and "six crew members" count team members, team members and crew members.
8. Two figures of a vote's tally ("voted 325 to 306", "by 432 votes to 202", "a 5-4 vote") count
   votes, told apart by size: state 'larger side' and 'smaller side'.
9. A figure of a vote says what it counts in the ``state`` column: 'turnout' ("Turnout was 71.8%"),
   'vote <option>' ("51.9 per cent voted to leave", "96 percent of ballots were for remain"), 'voting'
   (those who voted), 'eligible' (those who may vote).

Limits: fractions of a total not written as a number ("half the crew") and number words above the thousands
("two hundred and fifty thousand") are read only partly; the unit of a number far from its noun is
missed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import math
import re

import pandas as pd

from ..core import schema

if TYPE_CHECKING:  # the finish of a streamed parse imports this module without spaCy
    from .context import ArticleContext

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12.0}
_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
_NUMERIC = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_ABBREV = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|mln|bn|b|tn|trn)$", re.I)

_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "¥": "JPY", "₺": "TRY"}
_CURRENCY_WORDS = {
    "dollar": "USD", "usd": "USD", "euro": "EUR", "eur": "EUR", "pound": "GBP", "ruble": "RUB",
    "rouble": "RUB", "rub": "RUB", "yuan": "CNY", "lira": "TRY", "yen": "JPY", "rupee": "INR",
}
_MEASURES = {
    "km": "km", "kms": "km", "kilometer": "km", "kilometre": "km", "mile": "mile", "m": "m", "meter": "m", "metre": "m",
    "kg": "kg", "kgs": "kg", "kilogram": "kg", "ton": "t", "tonne": "t", "t": "t", "percent": "%", "%": "%",
    "per": "%",  # "per cent"
    "hectare": "ha", "ha": "ha", "km/h": "km/h", "mph": "mph", "knot": "knot", "magnitude": "magnitude",
}
# scales named before their figure: "a magnitude 6.4 earthquake", "a category 4 storm"
_SCALE_BEFORE = {"magnitude": "magnitude", "category": "category"}
# (lower words before the run) -> how they bound the value
_QUALIFIERS = {
    ("up", "to"): "max", ("at", "most"): "max", ("no", "more", "than"): "max", ("less", "than"): "max",
    ("fewer", "than"): "max", ("under",): "max", ("below",): "max",
    ("more", "than"): "min", ("over",): "min", ("at", "least"): "min", ("above",): "min", ("over", "than"): "min",
    ("about",): "approx", ("around",): "approx", ("some",): "approx", ("approximately",): "approx",
    ("roughly",): "approx",
    # close to the figure from one side: "almost one million" is under a million, "just over 250" above
    ("nearly",): "just_under", ("almost",): "just_under", ("just", "under"): "just_under", ("just", "below"): "just_under",
    ("just", "over"): "just_over", ("just", "above"): "just_over", ("just", "more", "than"): "just_over",
}
_VAGUE_PREFIX = {"multi", "several", "many"}
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
_TIME_NOUNS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "night", "morning"}


def _in_date(tok) -> bool:
    """Inside a DATE/TIME/ORDINAL entity, unless the tagger only mislabelled a count of something:
    "Forty soldiers" (the counted noun is outside the entity and is not a time unit)."""
    if tok.ent_type_ not in _SKIP_ENTS:
        return False
    head = tok.head
    if re.fullmatch(r"\d{4}", tok.text):
        return True
    if _value_of_count(tok):
        return False
    return not (tok.dep_ == "nummod" and head.ent_type_ not in _SKIP_ENTS and head.lemma_.lower() not in _TIME_NOUNS and head.pos_ == "NOUN")


# nouns whose value is a figure: "the death toll had stood at 64", "the official count was only 64"
_COUNT_HEADS = {"toll", "count", "tally", "total", "figure", "number"}


# states whose bare count ("injured 527", "rescued 30") counts people, unless a total it is taken out of
# says what ("Twelve of the 40 miners were rescued")
_BARE_PEOPLE_STATES = {"injured", "missing", "rescued", "arrested", "charged", "displaced", "critical", "in hospital"}


def _condition(verb) -> str | None:
    """'critical' or 'in hospital' for those a verb of being keeps in a condition: "two people remain in a
    critical condition", "three remain critical", "36 people are still in hospital", "36 are undergoing
    treatment": counts of the injured in one condition, not of all the injured."""
    if verb.lemma_.lower() not in ("be", "remain", "stay", "lie", "undergo", "receive"):
        return None
    for c in verb.children:
        if c.dep_ in ("acomp", "advmod") and c.lower_ in ("critical", "critically"):
            return "critical"
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for obj in (o for o in c.children if o.dep_ == "pobj"):
                if obj.lemma_.lower() == "condition" and any(a.lower_ in ("critical", "serious") for a in obj.children):
                    return "critical"
                if obj.lemma_.lower() == "hospital" and c.lower_ == "in":
                    return "in hospital"
        if c.dep_ == "dobj" and c.lemma_.lower() == "treatment":
            return "in hospital"
    return None


def _is_toll(tok) -> bool:
    """"the toll", "the death count", "the official death tally": a count of the dead."""
    low = tok.lemma_.lower()
    return low == "toll" or (low in _COUNT_HEADS and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() == "death" for c in tok.children))


def _value_of_count(tok) -> bool:
    """A figure the model took into a date ("had stood at 64 for months", "was previously only 64")
    that is the value of a count: after "at" on a verb, or the complement of "be", whose subject is
    a toll, a count or a total."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "at" else tok.head if tok.dep_ == "attr" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _COUNT_HEADS for c in verb.children)


def _token_value(text: str) -> float | None:
    low = text.lower()
    if _NUMERIC.match(text):
        return float(text.replace(",", ""))
    m = _ABBREV.match(text)
    if m:
        return float(m.group(1)) * _SUFFIX[m.group(2).lower()]
    if low in _WORDS:
        return float(_WORDS[low])
    return None


def _is_scale(tok) -> bool:
    return tok.lower_ in _SCALES or tok.lower_.rstrip("s") in _SCALES


def _is_numeric(tok) -> bool:
    return _token_value(tok.text) is not None or _is_scale(tok)


def _glued_to_name(tok, text: str) -> bool:
    """True for numbers that are part of a model name: 'S-400', 'Su-35' (a letter, a hyphen, digits),
    and digits that modify the capitalised word right before them ('Boeing 737', 'Max 8', 'Flight 302',
    'Chapter 11'): such a figure names a thing. One that counts a noun after it keeps its figure ('gave
    Biden 306 votes', 'In Paris 300 people marched'), as does a date ('March 3')."""
    if re.search(r"[A-Za-z]-\d", tok.text):
        return True
    i = tok.idx
    if i >= 2 and text[i - 1] == "-" and text[i - 2].isalpha():
        return True
    if not tok.text[:1].isdigit() or tok.i == 0 or "," in tok.text or "." in tok.text:
        return False
    def name_word(w) -> bool:
        return w.text[:1].isupper() and w.is_alpha and w.lower_ not in _MONTHS_AND_DAYS and w.pos_ in ("PROPN", "NOUN")

    prev = tok.doc[tok.i - 1]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.tag_ in ("NNP", "NN") and nxt.is_alpha and nxt.text[:1].isupper() and nxt.lower_ not in _MONTHS_AND_DAYS \
            and tok.text.isdigit() and int(tok.text) >= 2 and nxt.ent_type_ not in ("NORP", "GPE") \
            and nxt.lower_ not in _MEASURES and nxt.lower_ not in _CURRENCY_WORDS and nxt.lower_ not in _SCALES \
            and not (nxt.i + 1 < len(tok.doc) and tok.doc[nxt.i + 1].tag_ in ("NNS", "NNPS")):
        # "the popular 737 Max", "its 787 Dreamliner": a figure before a singular name is a model's
        # number; a count of two or more takes a plural ("300 Russians", "12 Tomahawk missiles")
        return True
    # "Boeing 737", "Max 8 and Max 9 aircraft", "Boeing 737 MAX aircraft" (the name's word and the figure
    # modify one noun); "It fired 12 Tomahawk missiles" keeps its count: no name's word before the figure
    return name_word(prev) and prev.whitespace_ == " " and (tok.head.i == prev.i or prev.head.i == tok.head.i != tok.i)


_MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                    "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _run_value(run) -> float | None:
    """Value of a run like ['2.5', 'billion'], ['four'], ['twenty', 'five', 'thousand']."""
    total, current = 0.0, None
    for tok in run:
        v = _token_value(tok.text)
        if v is not None:
            current = (current or 0.0) + v
        elif _is_scale(tok):
            scale = _SCALES.get(tok.lower_, _SCALES.get(tok.lower_.rstrip("s"), 1.0))
            current = (current if current is not None else 1.0) * scale
            if scale >= 1e3:
                total, current = total + current, None
    if current is not None:
        total += current
    return total


# Counted nouns that count the same things: "passengers from 30 countries" and "35 nationalities among the
# dead" are two counts of one quantity, "12 persons" and "12 people" one count.
_SAME_COUNT = {"nationality": "country", "person": "people", "individual": "people",
               # those who make up a crowd are counted as people: "1.03 million participants" and
               # "240,000 people on the march" count one crowd
               "participant": "people", "marcher": "people", "demonstrator": "people", "protester": "people",
               "protestor": "people", "attendee": "people"}
# nouns whose "of N people" gives how many live somewhere, not how many took part in anything
_POPULATION_NOUNS = {"population"}


def _whole_of(noun) -> str:
    """The lemma of the noun a counted noun is "of" ("population" of "a population of 7.4 million
    people", "batch" of "the final batch of four boys"), else ""."""
    of = noun.head
    return of.head.lemma_.lower() if noun.dep_ == "pobj" and of.lower_ == "of" else ""


def _of_population(noun) -> bool:
    """Whether a counted noun is what a population is made of ("a population of 7.4 million people")."""
    return _whole_of(noun) in _POPULATION_NOUNS


# bodies of people whose size is told as a count of their members: "a 15-member team", "a team of 18
# men", "six crew members" all give the size of one body ("group" is left out: "a group of four
# boys" is a part of the boys, see _PART_NOUNS)
_COLLECTIVES = {"team", "squad", "delegation", "crew", "panel", "committee", "jury", "commission", "cabinet",
                "council", "board", "contingent", "cell", "unit", "task force"}


def _members_of(noun) -> str | None:
    """'team member' for a counted noun that counts the members of a body of people ("15-member team",
    "a team of 18 men", "six crew members"), else None: the size of one body told three ways is one
    count."""
    lemma = noun.lemma_.lower()
    if lemma == "member" and noun.dep_ in ("compound", "amod", "nmod") and noun.head.i > noun.i \
            and noun.head.lemma_.lower() in _COLLECTIVES:
        return f"{noun.head.lemma_.lower()} member"  # "a 15-member team"
    if lemma == "member":
        bodies = [c for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() in _COLLECTIVES]
        if bodies:
            return f"{bodies[0].lemma_.lower()} member"  # "six crew members"
    whole = _whole_of(noun)
    if whole in _COLLECTIVES:
        return f"{whole} member"  # "a team of 18 men"
    return None


# words of a sentence about a vote: those of a tally (_VOTING) and the vote's own names
_VOTES = frozenset({"referendum", "election", "poll", "polls", "voters", "voter", "plebiscite"})
# verbs by which voters choose ("voted to leave", "backed remain", "favouring to leave")
_CHOOSING = {"vote", "favour", "favor", "back", "support", "opt", "choose", "elect"}


def _vote_share(tok, first: int, unit: str | None, start: int, end: int) -> str | None:
    """What a figure counts in a vote, from the figure's last token ``tok`` (its first is ``first``):
    'turnout' for a share of the voters who turned out ("Turnout was 71.8%", "a turnout of 72.2 per
    cent"), 'vote <option>' for those who chose one option ("51.9 per cent voted to leave", "96 percent
    of ballots were for remain", "48.11 percent voting to remain"), 'voting' for a count of those who
    voted ("30 million people voting", "a turnout of 2.26 million voters"); None for anything else.
    Figures of one vote's turnout, of one option and of all voters are never set against each other."""
    state = _vote_state(tok, start, end)
    if state is None and first - 2 >= start and tok.doc[first - 1].lower_ == "of" and tok.doc[first - 2].lemma_.lower() == "turnout":
        state = "turnout"  # "a turnout of 72.2 per cent": the figure's last word is no "of" object
    return "voting" if state == "turnout" and unit != "%" else state


def _vote_state(tok, start: int, end: int) -> str | None:
    """:func:`_vote_share` read from the figure's last token and the verb it goes with."""
    doc = tok.doc

    def option(verb) -> str | None:
        for c in verb.children:
            if c.dep_ == "xcomp" and start <= c.i < end:
                return c.lemma_.lower()  # "voted to leave"
            if c.dep_ == "prep" and c.lower_ in ("for", "against"):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0].lemma_.lower() if c.lower_ == "for" else "against " + objs[0].lemma_.lower()
        return None

    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "turnout":
        return "turnout"
    verbs = []
    if tok.dep_ in ("nsubj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        verbs.append(tok.head)
    verbs += [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    for verb in verbs:
        if verb.lemma_.lower() == "be":
            if any(c.lemma_.lower() == "turnout" and c.dep_ in ("nsubj", "attr") for c in verb.children):
                return "turnout"
            chosen = option(verb)
            if chosen:
                return f"vote {chosen}"
        if verb.lemma_.lower() in _CHOOSING:
            if verb.lemma_.lower() != "vote" and not any(t.lower_ in _VOTING or t.lower_ in _VOTES for t in doc[start:end]):
                continue  # "17 others had opted to attend a meeting": a choice, but no vote
            chosen = option(verb)
            return f"vote {chosen}" if chosen else ("voting" if verb.lemma_.lower() == "vote" else None)
    return None


def _unit_after(doc, j: int, end: int):
    """(unit, index of last unit token) for a currency/measure word at token j, else (None, None)."""
    if j >= end:
        return None, None
    tok = doc[j]
    lemma = tok.lemma_.lower()
    if lemma in _CURRENCY_WORDS or tok.lower_ in _CURRENCY_WORDS:
        return _CURRENCY_WORDS.get(lemma, _CURRENCY_WORDS.get(tok.lower_)), j
    if lemma == "per" and j + 1 < end and doc[j + 1].lower_ == "cent":
        return "%", j + 1
    if tok.lower_ in _MEASURES or (lemma in _MEASURES and lemma != "per"):
        return _MEASURES.get(tok.lower_, _MEASURES.get(lemma)), j
    return None, None


def _qualifier(doc, i: int, start: int):
    """(kind, first token index) of a qualifier ending just before token i."""
    # the words before, line breaks of hard-wrapped text left out ("more than\nfour kilometres")
    before = [t.i for t in doc[max(start, i - 8) : i] if not t.is_space]
    for words, kind in sorted(_QUALIFIERS.items(), key=lambda kv: -len(kv[0])):
        k = len(words)
        if len(before) >= k and tuple(doc[j].lower_ for j in before[-k:]) == words:
            return kind, before[-k]
    return None, i


def _bounds(value: float | None, qualifier: str | None) -> tuple[float | None, float | None, bool]:
    if value is None:
        return None, None, True
    if qualifier == "max":
        return None, value, False
    if qualifier == "min":
        return value, None, False
    if qualifier == "approx":
        return value * 0.9, value * 1.1, True
    if qualifier == "just_under":
        return value * 0.9, value, True
    if qualifier == "just_over":
        return value, value * 1.1, True
    return value, value, False


def _may_start_number(low: str) -> bool:
    """Whether a token (lower-cased) can begin any of the runs below: a digit, a number word, a
    scale word, or a vague prefix. Every other token is skipped at once, as the full checks would."""
    return (low[:1].isdigit() or low in _WORDS or low.rstrip("s") in _SCALES or low in _VAGUE_PREFIX
            or low.startswith(("multi", "several")))


# What happened to the people a count counts: "12 people died" and "30 people are still missing" are
# two counts, never one count told two ways.
_STATE_OF = {
    **dict.fromkeys(["die", "dead", "death", "kill", "killed", "fatality", "toll", "perish", "drown", "lose"], "dead"),
    **dict.fromkeys(["injure", "injured", "wound", "wounded", "hurt", "injury", "hospitalise", "hospitalize"], "injured"),
    **dict.fromkeys(["miss", "missing", "unaccounted"], "missing"),
    **dict.fromkeys(["rescue", "save", "survive", "survivor", "pull"], "rescued"),
    **dict.fromkeys(["evacuate", "displace", "flee", "homeless"], "displaced"),
    **dict.fromkeys(["arrest", "detain", "detained", "hold", "jail"], "arrested"),
    # charged is a later stage than arrested: "two were arrested", "one has been charged" are two counts
    **dict.fromkeys(["charge", "indict", "prosecute"], "charged"),
    **dict.fromkeys(["join", "march", "attend", "rally", "participate", "demonstrate", "gather", "protest"], "attending"),
    # who may vote, not who did: "5.3 million people were eligible to vote", "5.3 million eligible voters"
    **dict.fromkeys(["eligible", "registered"], "eligible"),
}


def state_of_lemma(lemma: str) -> str | None:
    """The state a word puts the people counted in ('die' -> 'dead', 'rescue' -> 'rescued'), or None."""
    return _STATE_OF.get(lemma)


# verbs that report a state rather than bring it about: "38 people were reported to have been injured",
# "800 people are reported injured", "12 are feared dead": the state is the verb's complement's
_REPORTING_STATE = {"report", "say", "fear", "believe", "think", "confirm", "know", "understand", "feel"}
# gatherings one can be at or on: "240,000 people were on the march", "1,030,000 people at today's march"
_GATHERINGS = {"march", "rally", "protest", "demonstration", "gathering", "vigil", "parade", "procession", "sit-in",
               "strike", "event", "ceremony", "funeral", "concert", "match", "meeting"}
# counted nouns that say their people took part: "1.03 million participants", "240,000 marchers"
_ATTENDING_NOUNS = {"participant", "marcher", "demonstrator", "protester", "protestor", "attendee"}


# "lose" is a death only for a count of people ("the army lost 300 soldiers"); lost seats, jobs and
# votes are no toll
LIVES = {"people", "person", "passenger", "worker", "soldier", "civilian", "child", "miner", "crew", "resident",
          "villager", "migrant", "sailor", "fisherman", "climber", "patient", "pilgrim", "firefighter", "troop",
          "officer", "man", "woman", "life", "fighter", "member"}


def _state_word(tok) -> str | None:
    """The state a word names, by lemma or as written ("killed", "missing"), else None."""
    return _STATE_OF.get(tok.lemma_.lower()) or _STATE_OF.get(tok.lower_)


def _lost(doc, number_end: int, noun) -> bool:
    """Whether the verb that makes the count a death is "lose" ("lost 1,300 seats")."""
    anchor = noun if noun is not None else doc[number_end - 1]
    return anchor.head.lemma_.lower() == "lose" or any(c.lemma_.lower() == "lose" for c in anchor.children)


# words that make a count a part of a larger one: "the final four boys", "the first batch of four
# boys"; and, between the figure and its noun, "16 more suspects", "four other boys"
_PART_WORDS = {"final", "last", "first", "remaining", "next"}
_PART_WORDS_AFTER = {"more", "further", "additional", "other"}
_PART_NOUNS = {"batch", "group", "wave", "round", "set", "handful", "rest", "remainder"}


def _a_part(noun, number_end: int) -> bool:
    """Whether a counted noun is told as a part of a larger count of the same things ("more than a
    million people" is no part: "more" comes before the figure)."""
    for t in noun.doc[max(noun.left_edge.i, noun.i - 5) : noun.i]:
        if t.lower_ in _PART_WORDS or (t.lower_ in _PART_WORDS_AFTER and t.i >= number_end):
            return True
    return _whole_of(noun) in _PART_NOUNS


# verbs of outdoing: what comes after their "by" is the thing compared with, not the one told
_OUTDOING = {"surpass", "beat", "exceed", "top", "eclipse", "outstrip", "dwarf", "outnumber", "overtake"}


def _compared(tok) -> bool:
    """Whether a figure counts the thing another is measured against: after the "by" of a verb of
    outdoing ("surpassed only by a rally of 1.5 million people") or after "than" ("larger than the
    500,000 of 2003")."""
    for anc in list(tok.ancestors)[:6]:
        if anc.lower_ == "than":
            return True
        if anc.lower_ == "by" and anc.dep_ in ("agent", "prep") and anc.head.lemma_.lower() in _OUTDOING:
            return True
    return False


def _does_it_to_another(verb) -> bool:
    """Whether a verb has an object of its own: then its subject does the act to someone else, and the
    act is no state of the subject ("three gunmen killed 12 villagers", "divers who helped rescue 12
    boys": the gunmen are not dead, the divers not rescued)."""
    return any(c.dep_ == "dobj" for c in verb.children)


def _at_gathering(tok) -> bool:
    """Whether a word has an "at"/"on"/"in" phrase naming a gathering ("people at today's march")."""
    return any(c.dep_ == "prep" and c.lower_ in ("at", "on", "in") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _GATHERINGS for o in c.children) for c in tok.children)


_ORGANISERS = {"organiser", "organizer"}


def _crowd_estimate(anchor) -> bool:
    """A figure an estimating verb puts on a crowd ("put the crowd at 20,000 people"), or one that the
    organisers of a gathering put on anything ("Organisers of Sunday's protest put the figure at almost one
    million people"): organisers count who came."""
    prep = anchor.head
    verb = prep.head
    if anchor.dep_ != "pobj" or prep.lower_ != "at" or verb.lemma_.lower() not in _ESTIMATING:
        return False
    # the crowd, the turnout or the gathering itself is put at the figure ("put Saturday's rally at 70,000 people")
    # (or its size: "put the peak crowd size at 240,000")
    measured = [m for c in verb.children if c.dep_ == "dobj"
                for m in [c] + ([k for k in c.children if k.dep_ == "compound"] if c.lemma_.lower() in _MEASURE_NOUNS else [])]
    if any(m.lemma_.lower() in _PEOPLE_NOUNS | _GATHERINGS | {"turnout"} for m in measured):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(t.lemma_.lower() in _ORGANISERS or t.lemma_.lower() in _GATHERINGS for s in subjects for t in s.subtree)


def _attending(anchor) -> bool:
    """Whether the people a count counts took part in a gathering: the counted noun says so
    ("participants", "marchers"), or they are at it ("240,000 people were on the march", "There are
    1,030,000 people at today's march"), or they joined or attended it ("a million people joined
    Sunday's march"), which the check on acts done to another would otherwise refuse."""
    if anchor.lemma_.lower() in _ATTENDING_NOUNS or _at_gathering(anchor) or _crowd_estimate(anchor):
        return True
    head = anchor.head
    if anchor.dep_ in ("nsubj", "attr") and head.lemma_.lower() == "be" and _at_gathering(head):
        return True
    if anchor.dep_ != "nsubj":
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"]
    # "took part in the rally" is "participated in the rally": the part taken is no object of its own
    took_part = head.lemma_.lower() == "take" and [o.lower_ for o in objects] == ["part"]
    if took_part:
        objects = []
    if not took_part and _STATE_OF.get(head.lemma_.lower()) != "attending":
        return False
    # what they joined or took part in is a gathering: its object ("joined Sunday's march") or its "in"
    # phrase ("participated in the vigil")
    joined = objects or [o for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children if o.dep_ == "pobj"]
    return bool(joined) and all(o.lemma_.lower() in _GATHERINGS for o in joined)


def _count_state(doc, number_end: int, noun, start: int, end: int) -> str | None:
    """'dead', 'injured', 'missing', 'rescued', 'displaced', 'arrested', 'attending' or 'eligible' for a
    count: from the verb it is the subject or object of ("12 people died", "killing 12 people", "30
    were rescued", "were reported to have been injured", "were treated for injuries"), a word right after it ("12 dead", "30 people still missing"), a participle or
    adjective on the noun ("passengers injured in the crash") or a toll before it ("the death toll
    rose to 57")."""
    anchor = noun if noun is not None else doc[number_end - 1]
    for k in range(anchor.i + 1, min(anchor.i + 3, end)):
        state = _state_word(doc[k])
        if state and doc[k].pos_ in ("ADJ", "VERB", "NOUN"):
            return None if doc[k].pos_ == "VERB" and _does_it_to_another(doc[k]) else state
        if doc[k].lower_ not in ("still", "are", "were", "is", "was", "have", "had", "been", "being"):
            break
    for c in anchor.children:
        if c.dep_ in ("amod", "acl", "relcl") and (state := _state_word(c)) and not _does_it_to_another(c):
            return state
    head = anchor.head
    # "36 of them are undergoing treatment": a condition is no act done to another, though its verb has an object
    if anchor.dep_ == "nsubj" and (condition := _condition(head)) is not None:
        return condition
    if anchor.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "AUX", "ADJ") \
            and not (anchor.dep_ == "nsubj" and _does_it_to_another(head)):
        state = _STATE_OF.get(head.lemma_.lower())
        if state:
            return state
        if head.lemma_.lower() in _REPORTING_STATE and anchor.dep_ == "nsubjpass":
            for c in head.children:
                if c.dep_ in ("xcomp", "oprd", "acomp", "ccomp") and (state := _state_word(c)):
                    return state
        if head.lemma_.lower() == "treat":  # "38 people had been treated for light injuries"
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    objects = [o for o in prep.children if o.dep_ == "pobj"]
                    for obj in objects + [c for o in objects for c in o.children if c.dep_ == "conj"]:
                        if state := _state_word(obj):
                            return state
        if head.lemma_.lower() == "be":  # "12 people were dead"
            for c in head.children:
                if c.dep_ in ("acomp", "attr") and _STATE_OF.get(c.lemma_.lower()):
                    return _STATE_OF[c.lemma_.lower()]
        if (condition := _condition(head)) is not None:
            return condition
    # "the death toll rose to 57", "put the death toll at 12": the toll is a subject or object of
    # the verb the figure hangs from
    verb = anchor
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if any(_is_toll(c) and c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        return "dead"
    # "the number of injured is also 50", "put the total of missing at 12": the people the count is of
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in _COUNT_HEADS:
            of = [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            if of and (state := _state_word(of[0])):
                return state
    # "the death toll of 57", "the official death count of 64"
    return "dead" if any(_is_toll(t) for t in doc[max(start, anchor.i - 3) : anchor.i]) else None


_MEASURE_UNITS = {"%", *_MEASURES.values(), *_CURRENCY_WORDS.values(), *_CURRENCY_SIGNS.values()}


# verbs of a count moving up or down: a figure after their "by" is the size of the move, not a count
_CHANGE_VERBS = {"lower", "raise", "rise", "fall", "drop", "increase", "decrease", "reduce", "cut", "grow", "climb",
                 "jump", "decline", "revise", "shrink", "swell", "slash", "boost", "exceed", "outnumber", "surge",
                 "plunge", "soar", "dip", "slip", "gain", "lose", "trim", "inflate", "overstate", "understate"}


def _by_change(doc, first: int, start: int) -> bool:
    """Whether the figure starting at token ``first`` follows "by" under a verb of change."""
    if first - 1 < start or doc[first - 1].lower_ != "by":
        return False
    head = doc[first - 1].head
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _CHANGE_VERBS


# verbs a count moves up by, towards a figure that is a ceiling when it is only foreseen
_RISE_VERBS = {"rise", "climb", "increase", "grow", "reach", "top", "hit", "exceed", "swell", "jump", "surge", "soar"}
_FORESEEING = {"could", "may", "might", "would", "will", "expect", "likely", "fear", "feared", "warn"}


def _projected(doc, first: int, start: int) -> bool:
    """Whether the figure at token ``first`` is where a count is foreseen to rise to, not where it
    stands: "the death toll could rise to 30", "is expected to reach 1,000", "may top 50"."""
    k = first - 1
    if k >= start and doc[k].lower_ == "to":
        k -= 1
    if k < start or doc[k].lemma_.lower() not in _RISE_VERBS or doc[k].pos_ not in ("VERB", "AUX"):
        return False
    verb = doc[k]
    if any(c.dep_ == "aux" and c.lower_ in _FORESEEING for c in verb.children):
        return True
    # "is expected to reach", "is likely to climb", "officials fear it will rise to"
    governor = verb.head if verb.dep_ in ("xcomp", "ccomp") else None
    return governor is not None and governor.lemma_.lower() in _FORESEEING


# verbs that put a figure on a thing named as their object: "organisers put the crowd at 20,000"
_ESTIMATING = {"put", "estimate", "place", "peg", "set", "number", "count"}
# things counted in people: a crowd of 20,000 is 20,000 people
_PEOPLE_NOUNS = {"crowd", "attendance", "audience"}
# nouns that measure another thing, named after "of" or before them ("the number of protesters", "the crowd size")
_MEASURE_NOUNS = {"number", "total", "tally", "count", "figure", "size", "estimate"}


def _estimated_count(doc, first: int, start: int) -> str | None:
    """The unit of a bare figure after "at" that an estimating verb puts on its object: "put the
    crowd at 20,000" counts people, "estimated the damage at 300 million" counts damage."""
    if first - 1 < start or doc[first - 1].lower_ != "at":
        return None
    verb = doc[first - 1].head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ESTIMATING:
        return None
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if thing is None:
        return None
    lemma = thing.lemma_.lower()
    if lemma in _MEASURE_NOUNS:
        # "put the number of displaced people at 3,000": what the number is of; "put the peak crowd size at
        # 240,000": what the size is the size of
        of = [o for p in thing.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        of += [c for c in thing.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if not of or of[0].pos_ != "NOUN":
            return None
        lemma = of[0].lemma_.lower()
    if lemma in ("toll", "death"):
        return None  # "put the toll at 12": the toll rule counts the dead as people
    return "people" if lemma in _PEOPLE_NOUNS else _SAME_COUNT.get(lemma, lemma)


def _numbers_in_sentence(doc, sent, text: str) -> list[dict]:
    rows = []
    start, end = sent.start, sent.end
    i = start
    while i < end:
        tok = doc[i]
        if not _may_start_number(tok.lower_):
            i += 1
            continue
        vague = counted_after_range = None
        ranged = False
        # "multi-billion", "multibillion": a vague magnitude, kept as an interval.
        m = re.match(r"^(multi|several)-?(hundred|thousand|million|billion|trillion)s?$", tok.lower_)
        if m:
            vague, run_end = _SCALES[m.group(2)], i + 1
        elif tok.lower_ in _VAGUE_PREFIX and i + 2 < end and doc[i + 1].text == "-" and _is_scale(doc[i + 2]):
            vague, run_end = _SCALES.get(doc[i + 2].lower_.rstrip("s"), 1.0), i + 3
        elif tok.lower_.rstrip("s") in _SCALES and tok.lower_.endswith("s") and i + 1 < end and doc[i + 1].lower_ == "of":
            # "hundreds of", "billions of": at least two of that magnitude
            vague, run_end = _SCALES[tok.lower_.rstrip("s")], i + 1
        if vague is not None:
            if tok.ent_type_ in _SKIP_ENTS:
                i = run_end
                continue
            first, value = i, None
            low, high, approx = 2 * vague, 1000 * vague if vague >= 1e3 else 10 * vague, True
        else:
            # "a dozen jets", "a hundred tanks": a scale word after "a" starts a run too
            a_scale = _is_scale(tok) and not tok.lower_.endswith("s") and i > start and doc[i - 1].lower_ == "a"
            if (_token_value(tok.text) is None and not a_scale) or _in_date(tok) or _glued_to_name(tok, text):
                i += 1
                continue
            run_end = i + 1
            while run_end < end and doc[run_end].ent_type_ not in _SKIP_ENTS:
                nxt = doc[run_end]
                if _is_numeric(nxt) and not (nxt.lower_.endswith("s") and _is_scale(nxt)):
                    run_end += 1
                elif nxt.text == "-" and run_end + 1 < end and doc[run_end + 1].lower_ in _WORDS:
                    run_end += 2  # "twenty-five"
                else:
                    break
            run = doc[i:run_end]
            value = _run_value(run)
            glued = doc[run_end] if run_end < end else None
            money = i - 1 >= start and doc[i - 1].text in _CURRENCY_SIGNS
            if (value is not None and glued is not None and not doc[run_end - 1].whitespace_
                    and glued.lower_ in _SUFFIX and (money or glued.lower_ not in ("m", "b", "k"))):
                # "$400m": the tokenizer splits the scale letter off the digits it is glued to
                value *= _SUFFIX[glued.lower_]
                run_end += 1
            first = i - 1 if a_scale else i  # "more than a million": the qualifier stands before the "a"
            low = high = None
            approx = False
            span_to = _range_end(doc, i, run_end, end, start, value)
            ranged = span_to is not None
            if ranged:
                # "12,000 to 15,000 people", "between 12,000 and 15,000": one count known to an interval
                run_end, high = span_to
                low, value = _run_value(run), None
                scale = doc[run_end - 1]
                if _is_scale(scale) and not any(_is_scale(t) for t in run):
                    low *= _SCALES[scale.lower_.rstrip("s")]  # "2 to 3 million": both ends in millions
                if run_end < end and doc[run_end].pos_ == "NOUN" and doc[run_end].dep_ != "compound":
                    counted_after_range = doc[run_end]  # "between 12,000 and 15,000 people"

        qualifier, first = _qualifier(doc, first, start)
        unit, last = None, run_end - 1
        if first - 1 >= start and doc[first - 1].text in _CURRENCY_SIGNS:
            unit, first = _CURRENCY_SIGNS[doc[first - 1].text], first - 1
            q2, f2 = _qualifier(doc, first, start)
            if q2:
                qualifier, first = q2, f2
        u, j = _unit_after(doc, run_end, end)
        if u and (unit is None or u == unit):
            unit, last = u, j
        elif unit is None and vague is not None and run_end + 1 < end and doc[run_end].lower_ == "of" and doc[run_end + 1].pos_ in ("NOUN", "PROPN"):
            unit, last = doc[run_end + 1].lemma_.lower(), run_end + 1  # "hundreds of drones"
        elif unit is None and counted_after_range is not None:
            unit, last = counted_after_range.lemma_.lower(), counted_after_range.i
        elif unit is None:
            # the noun the number counts: "four S-400 divisions" -> "division"
            head = doc[run_end - 1].head
            if doc[run_end - 1].dep_ in ("nummod", "compound", "quantmod") and head.pos_ in ("NOUN", "PROPN") and head.i >= run_end and head.i < end:
                unit, last = head.lemma_.lower(), head.i
            else:
                unit = _estimated_count(doc, first, start)
        named = first - 1 if first - 1 >= start and doc[first - 1].lower_ in _SCALE_BEFORE else (
            first - 2 if first - 2 >= start and doc[first - 1].lower_ == "of" and doc[first - 2].lower_ in _SCALE_BEFORE else None)
        if named is not None and (unit is None or last > run_end - 1):
            # "a magnitude 6.4 earthquake", "a magnitude of 5.9": the figure is on the scale named before it
            unit, first, last = _SCALE_BEFORE[doc[named].lower_], named, run_end - 1
        if unit is None and _after_aged(doc, first, start):
            unit = "age"  # "boys aged 11 to 16": the figures are ages, the youngest and the oldest
        if unit is not None and last >= run_end:
            unit = _members_of(doc[last]) or unit
        unit = _SAME_COUNT.get(unit, unit)
        if unit == "people" and last >= run_end and _of_population(doc[last]):
            unit = "inhabitant"  # "a population of 7.4 million people" is no crowd
        state = None
        if value is not None or vague is not None or ranged:
            noun = doc[last] if unit is not None and last >= run_end else None
            # a counted noun, not money or a measure ("$3 billion lost" is no count of the dead)
            if (unit is not None and unit not in _MEASURE_UNITS) or (unit is None and noun is None):
                state = _count_state(doc, run_end, noun, start, end)
                if state == "dead" and unit is not None and unit not in LIVES and _lost(doc, run_end, noun):
                    state = None
                if state is None and unit in LIVES and _attending(noun if noun is not None else doc[run_end - 1]):
                    state = "attending"
                if state == "attending" and unit not in LIVES:
                    state = None  # "three companies joined the consortium" is no crowd
                if _by_change(doc, first, start):
                    # "lowered the toll by more than 100 people": the figure is how far a count moved
                    state = "change"
                elif noun is not None and _a_part(noun, run_end):
                    state = "part"  # "the final batch of four boys" is a part of the boys, not their count
                elif _compared(doc[run_end - 1]):
                    state = "compared"  # "surpassed only by a rally of 1.5 million people": another crowd's count
                # "Twelve of the 40 miners": a total the count is taken out of says what it counts; "36 of
                # them" says nothing, and the state the people are in counts them as people
                of_total = run_end < end and doc[run_end].lower_ == "of" \
                    and not (run_end + 1 < end and doc[run_end + 1].lower_ in ("them", "those", "these", "whom"))
                if unit is None and (state == "dead" or state in _BARE_PEOPLE_STATES and not of_total):
                    # "the death toll rose to 57": a toll counts people; so does "killed 58 people and
                    # injured 527", the noun left out
                    unit = "people"
                elif unit is None:
                    state = None
        if state is None and (value is not None or vague is not None or ranged):
            # "51.9 per cent voted to leave", "a turnout of 72.2 per cent", "30 million people voting"
            state = _vote_share(doc[last], first, unit, start, end)
        if vague is None and not ranged:  # a range's interval is set above
            if value is None:
                i = run_end
                continue
            is_year = unit is None and len(doc[i:run_end]) == 1 and re.fullmatch(r"\d{4}", tok.text) and 1800 <= value <= 2100
            if is_year:
                i = run_end
                continue
            low, high, approx = _bounds(value, qualifier)
            if qualifier is None and unit is not None and last >= run_end and high is not None:
                # "12 boys and their coach": a count of the whole group may take in the one added
                high += _added_members(doc[last])
            if qualifier is None and _projected(doc, first, start):
                low, high = None, value  # "the toll could rise to 30": not more than 30, however many now
        elif vague is not None and qualifier in ("approx", "just_under", "just_over"):
            approx = True
        s, e = doc[first].idx, doc[last].idx + len(doc[last].text)
        rows.append(
            {
                "start": s,
                "end": e,
                "text": text[s:e],
                "value": value,
                "unit": unit,
                "low": low,
                "high": high,
                "approx": approx,
                "state": state,
            }
        )
        i = max(run_end, last + 1)
    return _partitives(doc, sent, _tallies(sent, _from_to(text, rows), text), text)


# nouns for a figure told before a change: "from the previous estimate of 359", "from the earlier tally of 14"
_EARLIER_FIGURES = {"estimate", "figure", "count", "total", "toll", "tally"}
# what may stand between "from" and the old figure of a change: "from the previous estimate of 359",
# "from an initial count of 120", "from 359"
_OLD_FIGURE = rf"from\s+(?:(?:the|an?|its|their)\s+)?(?:[a-z]+\s+)?(?:(?:{'|'.join(sorted(_EARLIER_FIGURES))})\s+of\s+)?"


def _from_to(text: str, rows: list[dict]) -> list[dict]:
    """"revised the toll from 359 to 253 people", "down to 253 people from the previous estimate of 359":
    the two figures of a change count one thing, so the one with no unit of its own takes the other's
    unit and state."""
    for before, after in zip(rows, rows[1:]):
        between = text[before["end"]:after["start"]]
        if before["unit"] is None and after["unit"] is not None \
                and re.search(rf"\b{_OLD_FIGURE}$", text[max(0, before["start"] - 40):before["start"]], re.IGNORECASE) \
                and re.fullmatch(r"\s+to\s+", between, re.IGNORECASE):
            before["unit"], before["state"] = after["unit"], after["state"]
        elif after["unit"] is None and before["unit"] is not None \
                and re.search(r"\bto\s*$", text[max(0, before["start"] - 6):before["start"]], re.IGNORECASE) \
                and re.fullmatch(rf"\s+{_OLD_FIGURE}", between, re.IGNORECASE):
            after["unit"], after["state"] = before["unit"], before["state"]
    return rows


# words of a sentence that make two figures "N to M" a vote's tally
_VOTING = {"vote", "voted", "votes", "voting", "ballot", "ballots", "division"}
_TALLY_JOINT = re.compile(r"\s*(?:votes?\s+)?(?:to|-|–|against)\s*", re.IGNORECASE)


def _tallies(sent, rows: list[dict], text: str) -> list[dict]:
    """A vote's tally, "voted 325 to 306", "by 432 votes to 202", "a 5-4 vote": two figures with no
    unit of their own (or votes) in a sentence about a vote count the votes of its two sides. Which
    side is for and which against depends on the verb, so they are told apart by size: 'vote (larger
    side)' and 'vote (smaller side)'; two outlets giving one side two figures then conflict."""
    if not any(t.lower_ in _VOTING for t in sent):
        return rows
    split = []
    for row in rows:
        # "a 5-4 vote" is one token to the tokenizer, read as one figure: the two sides, split
        m = re.match(r"(\d+)[-–](\d+)\b", row["text"])
        if m and row["unit"] in (None, "vote"):
            for g in (1, 2):
                s, e = row["start"] + m.start(g), row["start"] + m.end(g)
                value = float(m.group(g))
                split.append({**row, "start": s, "end": e, "text": text[s:e], "value": value, "low": value, "high": value, "unit": None})
        else:
            split.append(row)
    rows = split
    for a, b in zip(rows, rows[1:]):
        if a["unit"] not in (None, "vote") or b["unit"] not in (None, "vote") or a["value"] is None or b["value"] is None:
            continue
        if not _TALLY_JOINT.fullmatch(text[a["end"]:b["start"]]) or a["value"] == b["value"]:
            continue
        larger, smaller = (a, b) if a["value"] > b["value"] else (b, a)
        larger["unit"], larger["state"] = "vote", "larger side"
        smaller["unit"], smaller["state"] = "vote", "smaller side"
    return rows


_FRACTIONS = {("half",): 0.5, ("a", "half"): 0.5, ("one", "half"): 0.5, ("a", "third"): 1 / 3, ("one", "third"): 1 / 3,
              ("two", "thirds"): 2 / 3, ("a", "quarter"): 0.25, ("one", "quarter"): 0.25, ("three", "quarters"): 0.75,
              ("a", "fifth"): 0.2, ("one", "fifth"): 0.2, ("a", "tenth"): 0.1, ("one", "tenth"): 0.1}
_PARTITIVE_DETS = {"the", "its", "their", "his", "her", "our", "all", "those", "these"}


def _partitives(doc, sent, rows: list[dict], text: str) -> list[dict]:
    """Counts taken out of a total: "45 of the 90 passengers" (45 counts passengers too) and "a third
    of the 90 passengers" (a count of 30 passengers, a row of its own). The total keeps its row."""
    if not rows:
        return rows
    token_at = {t.idx: t.i for t in sent}
    ends = {row["end"]: row for row in rows}
    out = list(rows)
    for row in rows:
        first = token_at.get(row["start"])
        if first is None or row["unit"] is None or row["value"] is None:
            continue
        k = first - 1
        if k >= sent.start and doc[k].lower_ in _PARTITIVE_DETS:
            k -= 1
        if k < sent.start or doc[k].lower_ != "of":
            continue
        part = ends.get(doc[k - 1].idx + len(doc[k - 1].text)) if k - 1 >= sent.start else None
        if part is not None and part["unit"] is None:
            part["unit"] = row["unit"]  # "45 of the 90 passengers"
            # "60 of the 90 passengers were rescued": the verb's state is the part's, the total is everyone
            part["state"], row["state"] = part.get("state") or row.get("state"), None
            continue
        for words, share in _FRACTIONS.items():
            n = len(words)
            if k - n >= sent.start and tuple(t.lower_ for t in doc[k - n : k]) == words:
                s, e = doc[k - n].idx, doc[k - 1].idx + len(doc[k - 1].text)
                value = round(share * row["value"], 6)
                out = [r for r in out if r["start"] != s]  # "two thirds" read as two of something
                out.append({"start": s, "end": e, "text": text[s:e], "value": value, "unit": row["unit"],
                            "low": value, "high": value, "approx": False, "state": row.get("state")})
                row["state"] = None
                break
    return sorted(out, key=lambda r: r["start"])


# words that join the two ends of a range ("12,000 to 15,000", "between 12 and 15", "12-15")
_RANGE_JOINERS = {"to", "-", "–", "—"}


def _added_members(noun) -> int:
    """How many single members a counted noun is joined with ("12 boys and their coach", "plus the
    coach"): nouns in the singular with no figure of their own, and no body of several ("189 passengers and
    crew" counts the crew in the 189)."""
    return sum(1 for c in noun.children if c.dep_ == "conj" and c.tag_ == "NN" and c.lemma_.lower() not in _COLLECTIVES
               and not any(g.dep_ == "nummod" for g in c.children))


def _after_aged(doc, i: int, start: int) -> bool:
    """Whether the figure at token i gives ages: "aged 11 to 16", "aged from 11 to 16", "ages 12-17"."""
    k = i - 1
    while k >= start and doc[k].lower_ in ("from", "between"):
        k -= 1
    return k >= start and doc[k].lower_ in ("aged", "ages", "age")


# verbs whose "from X to Y" spans the values something takes, not a change from one to the other
_SPANNING_VERBS = {"range", "vary", "span"}


def _from_opens_range(doc, k: int, start: int) -> bool:
    """"anywhere from 6 to 18 deaths", "estimates ranged from 12,000 to 15,000": the "from" at doc[k]
    opens a range, not a change ("rose from 12 to 15")."""
    return (k - 1 >= start and doc[k - 1].lower_ == "anywhere") or doc[k].head.lemma_.lower() in _SPANNING_VERBS


def _old_figure_of(doc, i: int, start: int) -> bool:
    """Whether the number at doc[i] is the old figure of a change told through a noun for it: "raised
    the figure from the earlier tally of 14 to 19" is a change, not a range of 14 to 19."""
    if i - 2 < start or doc[i - 1].lower_ != "of" or doc[i - 2].lemma_.lower() not in _EARLIER_FIGURES:
        return False
    return any(t.lower_ == "from" for t in doc[max(start, i - 6) : i - 2])


def _range_end(doc, i: int, run_end: int, end: int, start: int, value) -> tuple[int, float] | None:
    """(end of the run, upper value) when the number at doc[i:run_end] opens a range, else None.

    "from 12 to 15" is a change, not a range, and is left alone; the upper end must be larger."""
    if value is None or run_end + 1 >= end:
        return None
    joiner = doc[run_end].lower_
    before = doc[i - 1].lower_ if i - 1 >= start else ""
    if not (joiner in _RANGE_JOINERS or (joiner == "and" and before == "between")) \
            or (before == "from" and not _after_aged(doc, i, start) and not _from_opens_range(doc, i - 1, start)) \
            or _old_figure_of(doc, i, start):
        return None
    k = run_end + 1
    while k < end and _is_numeric(doc[k]) and not (doc[k].lower_.endswith("s") and _is_scale(doc[k])):
        k += 1
    if k == run_end + 1:
        return None
    upper = _run_value(doc[run_end + 1 : k])
    if upper is None or upper <= value:
        return None
    return k, upper


def number_table(ctx: ArticleContext) -> pd.DataFrame:
    """Quantities in one article's title and body, with their units.

    Parameters
    ----------
    ctx
        The parsed article (:class:`~s400lib.extract.context.ArticleContext`).

    Returns
    -------
    pandas.DataFrame
        The ``numbers`` table: article_id, sent_id, start, end, text (number, qualifier and unit as
        written), value (float, scale words applied; <NA> for vague magnitudes), unit ('USD', 'km',
        '%', or the counted noun's lemma; <NA> when bare), plus extra columns low / high (the
        interval the text allows; <NA> when open), approx (True for "about", "multi-billion") and state
        (what happened to the people counted: 'dead', 'injured', 'missing', 'rescued', 'displaced',
        'arrested', 'charged', 'critical' (in a critical condition), 'in hospital', 'attending' (took part in a
        march, rally or other gathering); <NA> when the text does not say or the count is not of people).

    Examples
    --------
    >>> from s400lib.extract.context import context_for_text
    >>> number_table(context_for_text("Ankara bought four S-400 divisions."))[["text", "value", "unit"]].values.tolist()
    [['four S-400 divisions', 4.0, 'division']]
    """
    return schema.conform("numbers", number_rows(ctx), extra_dtypes=schema.EXTRA_DTYPES["numbers"])


def number_rows(ctx: ArticleContext) -> list[dict]:
    """The rows of :func:`number_table`, as dicts (the parse types the rows of many articles at once)."""
    rows = []
    for sent_id, sent in ctx.analysable_sents():
        for row in _numbers_in_sentence(ctx.doc, sent, ctx.text):
            rows.append({"article_id": ctx.article_id, "sent_id": sent_id, **row})
    return _figures_of_the_count_before(rows, ctx.text)


# a bare figure given as "the number" or "their figure" of what was counted just before: "Organisers put the crowd
# at almost one million people, while police said the number was 240,000 at most"
# (the measure nouns but "size", which a measure has as often as a count)
_MEASURE_ANAPHOR = re.compile(r"\b(?:the|that|this|their|its|his|her|our) (?:(?:official|own|final|latest|new|police|actual) )?"
                              rf"(?:{'|'.join(sorted(_MEASURE_NOUNS - {'size'}))})\s+(?:was|is|were|stood at|stands at|of|at)\s+"
                              r"(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# how far back, in sentences, the count a measure noun stands for may be
_ANAPHOR_SENTENCES = 2


def _figures_of_the_count_before(rows: list[dict], text: str) -> list[dict]:
    """A figure with no unit that an article gives as "the number", "the figure", "their estimate" of
    something takes what the nearest counted figure before it (in its sentence or one or two before) counts:
    its unit and its state ("Organisers put the figure at almost one million people, while police said the
    number was 240,000 at most": 240,000 people attending). Not a sum of money or a measure."""
    for k, row in enumerate(rows):
        if row.get("unit") is not None or row.get("value") is None:
            continue
        if not _MEASURE_ANAPHOR.search(text[max(0, row["start"] - 60) : row["start"]]):
            continue
        before = next((r for r in reversed(rows[:k]) if r.get("unit") is not None
                       and row["sent_id"] - r["sent_id"] <= _ANAPHOR_SENTENCES), None)
        # only a count of things: a sum of money or a measure is no "number" of anything
        if before is not None and before["unit"] not in _MEASURE_UNITS:
            row["unit"], row["state"] = before["unit"], before.get("state")
    return rows


def interval(row) -> tuple[float, float]:
    """The [low, high] interval a numbers row allows; open ends are -inf / +inf."""
    low, high = row.get("low"), row.get("high")
    return (-math.inf if _na(low) else float(low)), (math.inf if _na(high) else float(high))


def _na(v) -> bool:
    return v is None or (not isinstance(v, str) and pd.isna(v))


def format_number(value, unit, low=None, high=None, state=None) -> str:
    """'value unit' for claims.numbers; vague values as 'low..high unit'; a count of people with a
    state as 'value unit (state)': "12 people (dead)"."""
    unit = "" if _na(unit) else f" {unit}" + ("" if _na(state) else f" ({state})")
    # a hedged figure ("at least 35", "up to 15,000", "about 400") is its interval, not its point:
    # "at least 35 nationalities" does not conflict with 40
    hedged = not _na(value) and ((not _na(low) and float(low) != float(value)) or (not _na(high) and float(high) != float(value))
                                 or _na(low) != _na(high))
    if _na(value) or hedged:
        lo = "" if _na(low) else f"{float(low):g}"
        hi = "" if _na(high) else f"{float(high):g}"
        return f"{lo}..{hi}{unit}"
    return f"{float(value):g}{unit}"
