"""Rival accounts of what happened: how a person died, how they left office, what caused a disaster.

News of a death or of a fall from office often carries rival accounts: an official one ("died of a
heart attack", "resigned") and another ("was beaten to death", "was sacked"). Each kind of account
has manners that exclude each other:

``death``      how a person died
  ``natural``    illness: "died of a heart attack", "natural causes", "cardiac arrest", "illness"
  ``accident``   "an accident", "accidentally", "died in a fall"
  ``fight``      a death nobody planned in a brawl: "died in a fistfight", "a fight broke out"
  ``killing``    "was murdered", "beaten to death", "killed him", "assassinated", "premeditated", "the
                 killing" (not "were killed in a stampede": "killed" alone says nothing of intent)
  ``suicide``    "took his own life", "killed himself", "suicide"
``departure``  how a person left a post
  ``resignation`` "resigned", "stepped down", "quit as minister", "her resignation"
  ``dismissal``   "was sacked", "fired him", "dismissed the minister", "ousted", "removed from office"
``will``       whether a person left a post of their own will
  ``voluntary``  "his decision to resign was voluntary", "resigned of her own accord"
  ``forced``     "was forced to resign", "forced him out" (still a resignation: never set against a plain
                 "resigned", only against an account that calls it voluntary)
``cause``      what caused an explosion, a fire, a crash, a collapse, a derailment or a sinking
  ``deliberate``  "a bomb", "arson", "set deliberately", "sabotage", "a terrorist attack"
  ``accidental``  "a gas leak", "a short circuit", "an electrical fault", "engine failure", "pilot
                  error", "lightning", "an accident"

A claim is about a person when it names them (``claims.entities`` holds a person's canonical name, or
the claim writes a surname only one person of the corpus bears): the one named nearest before the
words of the manner, or, after an active verb done to someone ("Holm sacked harbour minister Clara
Voss"), the first one named after them. A claim naming nobody that says "he", "his", "him" (or "she",
"her") is about the person named in the nearest claim before it in the same article. The claim's own
speaker is never whose death it is, but may be who resigned ("Voss said she was stepping down"). A
cause is about the kind of disaster the claim names (one explosion, fire or crash per story is assumed:
two explosions in one corpus would be read as one).

A manner under a negation ("was not murdered", "denied that he had been killed") is no account of a
manner: the rebuttal rules answer it. A departure wanted, asked, planned or refused ("called on her to
resign", "refused to step aside", "will step down") is no account of one either, nor is a cause
hedged ("may have been caused by a gas leak") or ruled out ("ruled out sabotage"). Two claims from
different sources that give one person two manners of one kind are a stance conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

_NEGATION = r"not|no|never|denied|denies|deny|rejected|dismissed|n't"
# a departure that has not happened: wanted, asked, planned, threatened, refused or to come
_NOT_DONE = (r"to|will|would|should|could|may|might|must|urged?|call(?:ed|s|ing)?|demand\w*|asked|"
             r"refus\w*|threat\w*|offer\w*|plans?|whether|if")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|got|get)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|his|him|she|her)\b", re.IGNORECASE)
TRIED_PER_MANNER = 20


@dataclass(frozen=True)
class AccountKind:
    """One kind of account: its manners' cues (in order of precedence), the words a cue needs nearby
    when it does not tell the event by itself, and how an explanation names them."""

    name: str
    cues: tuple[tuple[str, str], ...]
    # what the accounts tell, in an explanation: "how {} died", "what caused {}"
    happened: str
    readings: dict
    # a cue that tells the event by itself; any other needs ``topic`` in its claim ("an accident")
    self_telling: re.Pattern
    topic: re.Pattern
    # a negation in the words before a cue makes it no account ("police denied he had been killed")
    negation: re.Pattern
    # words just before a cue that make it no account ("called on her to resign"); None for none
    not_done: re.Pattern | None = None
    # manners whose active verb is done to the person written after it ("sacked Clara Voss")
    done_to: frozenset = frozenset()
    speaker_may_be_person: bool = False
    # (event, words) of the disasters a cause is told of; empty for accounts of a person
    events: tuple[tuple[str, str], ...] = ()
    # words that name the event told in the claim before ("Mugabe has resigned ... A letter said the
    # decision was voluntary"): with one of them, ``topic`` may stand in that claim; None for none
    topic_back: re.Pattern | None = None

    def manner_of(self, text: str, before: str = "") -> tuple[str, str, int] | None:
        """(manner, cue as written, cue offset) of a claim's text, or None: no event, no manner, or
        one negated or not done. ``before`` is the text of the claim before it in its article."""
        for manner, cue in self._cue_res:
            m = cue.search(text)
            if m is None:
                continue
            told_before = self.topic_back is not None and bool(self.topic_back.search(text)) and bool(self.topic.search(before))
            if not self.self_telling.fullmatch(m.group(0)) and not self.topic.search(text) and not told_before:
                continue
            before = text[max(0, m.start() - 40) : m.start()]
            if self.negation.search(before) or (self.not_done is not None and self.not_done.search(before)):
                return None
            return manner, m.group(0), m.start()
        return None

    @cached_property
    def _cue_res(self):
        return [(manner, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for manner, pattern in self.cues]

    @cached_property
    def any_cue(self) -> re.Pattern:
        """Any cue of the kind, for text in lower case (the cues are written in lower case; a
        case-blind search of every claim took three times as long)."""
        return re.compile("|".join(rf"\b(?:{pattern})\b" for _, pattern in self.cues))


_DEATH_CUES = (
    ("suicide", r"took (?:his|her|their) own li(?:fe|ves)|killed (?:himself|herself|themselves)|suicide"),
    # "killed" alone is any violent death ("were killed in a stampede"); only words of intent count
    ("killing", r"murder(?:ed|s)?|beaten to death|tortured to death|strangled|stabbed to death|shot dead|"
                r"assassinat\w+|premeditated|executed|the killing|killing of|killed (?:him|her)\b"),
    ("fight", r"fist-?fight|a fight|brawl|scuffle|altercation"),
    ("accident", r"accident\w*|died in a fall|fell to (?:his|her) death"),
    ("natural", r"heart attack|cardiac arrest|natural causes|illness|died of (?:a |an )?(?:stroke|disease|cancer)"),
)
DEATH = AccountKind(
    name="death",
    cues=_DEATH_CUES,
    happened="how {} died",
    readings={"natural": "a natural death", "accident": "an accident", "fight": "a death in a fight",
              "killing": "a killing", "suicide": "a suicide"},
    # "was strangled", "took his own life" tell a death; "an accident", "premeditated" need one told
    self_telling=re.compile(_DEATH_CUES[0][1] + "|" + _DEATH_CUES[1][1].replace("premeditated|", ""), re.IGNORECASE),
    topic=re.compile(r"\b(?:die[sd]?|dying|death|dead|killed|killing|murder\w*|body)\b", re.IGNORECASE),
    negation=re.compile(rf"\b(?:{_NEGATION})\b", re.IGNORECASE),
)

# "fired" and "removed" alone are shots and objects; only with a person done to, or passive, a post
_DEPARTURE_CUES = (
    ("dismissal", r"sack(?:ed|ing)|fired|dismiss(?:ed|al)|oust(?:ed|ing|er)|removed (?:from|as)|axed|"
                  r"relieved (?:\w+ )?of (?:his|her|their) (?:duties|post|position)|forced out|pushed out"),
    ("resignation", r"resign(?:ed|s|ing|ation)|stepp(?:ed|ing) down|steps down|stood down|stepped aside|"
                    r"quit as|quits as|quit (?:his|her) (?:post|job|role|position|seat)"),
)
DEPARTURE = AccountKind(
    name="departure",
    cues=_DEPARTURE_CUES,
    happened="how {} left office",
    readings={"resignation": "a resignation", "dismissal": "a dismissal"},
    self_telling=re.compile(r".+"),
    topic=re.compile(r"$^"),
    negation=re.compile(rf"\b(?:{_NEGATION})\b", re.IGNORECASE),
    not_done=re.compile(rf"\b(?:{_NOT_DONE})\b(?:\W+\w+){{0,2}}\W*$", re.IGNORECASE),
    done_to=frozenset({"dismissal"}),
    speaker_may_be_person=True,
)
# whether a departure was of the person's own will: "forced to resign" is still a resignation, so it
# is set against an account that calls it voluntary, never against a plain "resigned"
_WILL_CUES = (
    ("forced", r"forced to (?:resign|step down|stand down|quit|leave office)|forced (?:him|her|them) to (?:resign|step down|quit)|"
               r"forced (?:him|her|them) out|compelled to (?:resign|step down|quit)|resign\w* under duress"),
    ("voluntary", r"voluntar(?:y|ily)|of (?:his|her|their) own (?:free )?(?:will|accord|volition)"),
)
WILL = AccountKind(
    name="will",
    cues=_WILL_CUES,
    happened="whether {} left office willingly",
    readings={"forced": "a forced departure", "voluntary": "a voluntary departure"},
    # "forced to resign" tells the departure; "voluntary" needs one told in its claim
    self_telling=re.compile(_WILL_CUES[0][1], re.IGNORECASE),
    topic=re.compile(r"\b(?:resign\w*|step(?:ped|ping|s)? down|st(?:and|ood) down|quit\w*|departure)\b", re.IGNORECASE),
    negation=re.compile(rf"\b(?:{_NEGATION})\b", re.IGNORECASE),
    speaker_may_be_person=True,
    topic_back=re.compile(r"\b(?:the|his|her|their|this|that) (?:decision|move|step)\b", re.IGNORECASE),
)
_CAUSE_CUES = (
    ("deliberate", r"(?:a|the) bomb|explosive device|arson\w*|(?:set|started|lit) deliberately|deliberately (?:set|started|lit)|"
                   r"sabotage[d]?|terror(?:ist)? attack|act of terror\w*|shot down"),
    ("accidental", r"gas leak|leaking gas|short[- ]circuit|electrical fault|faulty wiring|(?:technical|mechanical) "
                   r"(?:fault|failure|problem)|engine failure|(?:pilot|human) error|lightning|an accident|accidental\w*"),
)
CAUSE = AccountKind(
    name="cause",
    cues=_CAUSE_CUES,
    happened="what caused {}",
    readings={"deliberate": "a deliberate act", "accidental": "an accident"},
    self_telling=re.compile(r".+"),
    topic=re.compile(r"$^"),
    negation=re.compile(rf"\b(?:{_NEGATION}|ruled out|rule out|may|might|could|possibl\w+|whether|if)\b", re.IGNORECASE),
    events=(("the explosion", r"explosions?|blasts?|explod\w+"), ("the fire", r"fires?|blaze|flames"),
            ("the crash", r"crash\w*"), ("the collapse", r"collaps\w+"), ("the derailment", r"derail\w*"),
            ("the sinking", r"sank|sinking|capsiz\w+")),
)
KINDS = (DEATH, DEPARTURE, WILL, CAUSE)


def accounts_of(claims: pd.DataFrame, people: set[str], kind: AccountKind, lowered: pd.Series | None = None) -> pd.DataFrame:
    """One row per claim that tells, in one of ``kind``'s manners, what happened to a named person
    (or, for a cause, to a disaster).

    ``lowered``: the claims' texts in lower case, when the caller reads several kinds.

    Columns: claim (row position in ``claims``), person (canonical name; for a cause, the disaster:
    "the explosion"), manner (one of the kind's
    manners), cue (the words that tell the manner, as written in the claim's text).
    """
    cols = ["claim", "person", "manner", "cue"]
    texts = claims["text"].astype(str)
    # one vectorised pass finds the few claims with a word of some manner; only those are read
    lowered = texts.str.lower() if lowered is None else lowered
    candidates = [i for i, hit in enumerate(lowered.str.contains(kind.any_cue).tolist()) if hit]
    if not candidates or not (people or kind.events):
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
        # the claim's own speaker tells of a death, it is not whose death it is ("“They killed
        # him,” his brother Jonas Lind said")
        value = ents.iat[i]
        if not isinstance(value, str):
            return []
        return [n for n in value.split("|") if n in people and (kind.speaker_may_be_person or n != sources.iat[i])]

    def claim_before(i: int) -> str:
        order = in_article[arts.iat[i]]
        at = order.index(i)
        return texts.iat[order[at - 1]] if at else ""

    rows = []
    for i in candidates:
        text = texts.iat[i]
        found = kind.manner_of(text, claim_before(i) if kind.topic_back is not None else "")
        if found is None:
            continue
        manner, cue, cue_at = found
        if kind.events:
            # the disaster named nearest the words of the cause
            told = [(abs(m.start() - cue_at), event) for event, words in kind.events
                    for m in re.finditer(rf"\b(?:{words})\b", text, re.IGNORECASE)]
            if told:
                rows.append((i, min(told)[1], manner, cue))
            continue
        named = named_in(i) or [next(iter(by_surname[w])) for w in dict.fromkeys(re.findall(r"\b[A-Z][\w'-]+", text))
                                if len(by_surname.get(w, ())) == 1 and next(iter(by_surname[w])) != sources.iat[i]]
        done_to = manner in kind.done_to and not _PASSIVE.search(text[:cue_at])
        if done_to:
            # "Holm sacked harbour minister Clara Voss": whom it was done to; "fired him" is the
            # person before; "fired tear gas" is no departure at all
            after = [n for n in named if _distance_after(text, n, cue_at + len(cue)) <= 60]
            if after:
                person = min(after, key=lambda n: _distance_after(text, n, cue_at + len(cue)))
            elif re.match(r"\s+(?:him|her)\b", text[cue_at + len(cue):]):
                person = _earlier_person(i, in_article, arts, named_in)
            else:
                person = None
        elif named:
            # of several people named, the one written nearest before the words of the manner
            person = min(named, key=lambda n: _distance(text, n, cue_at))
        elif _PRONOUN.search(text) and kind.speaker_may_be_person and sources.iat[i] in people:
            # "Voss said her decision to resign was voluntary": the one who says it, of their own departure
            person = sources.iat[i]
        elif _PRONOUN.search(text):
            # "his death was an accident": the person the article named last, in the claims before
            person = _earlier_person(i, in_article, arts, named_in)
        else:
            person = None
        if person:
            rows.append((i, person, manner, cue))
    return pd.DataFrame(rows, columns=cols)


def _earlier_person(i: int, in_article: dict, arts, named_in) -> str | None:
    order = in_article[arts.iat[i]]
    before = order[: order.index(i)]
    return next((named[0] for k in reversed(before) if (named := named_in(k))), None)


def _distance(text: str, name: str, at: int) -> int:
    """How far before ``at`` the name (or its last word) is written in ``text``; far when absent."""
    spots = [m.start() for word in (name, name.split(" ")[-1]) for m in re.finditer(re.escape(word), text)]
    before = [at - s for s in spots if s <= at]
    return min(before) if before else len(text) + min((abs(s - at) for s in spots), default=len(text))


def _distance_after(text: str, name: str, at: int) -> int:
    """How far after ``at`` the name (or its last word) starts in ``text``; far when not after it."""
    spots = [m.start() - at for word in (name, name.split(" ")[-1]) for m in re.finditer(re.escape(word), text)
             if m.start() >= at]
    return min(spots, default=len(text) + 1000)


def rival_accounts(accounts: pd.DataFrame, sources: list, same_speaker, arts: list | None = None) -> list[tuple[int, int]]:
    """Pairs (i, j) of account rows of one person with different manners from two sources: for each
    person, each two manners and each two articles (``arts``: the claims' articles) one pair,
    preferring claims not yet shown for another two manners, so that each account gets its row (a
    dispute two outlets each tell is listed for both). The first ``TRIED_PER_MANNER`` accounts of
    each manner are looked at: a death told by hundreds of articles adds nothing after that."""
    out = []
    for _person, group in accounts.groupby("person", sort=True):
        rows = [r for _manner, some in group.groupby("manner", sort=False) for r in list(some.itertuples())[:TRIED_PER_MANNER]]
        rows.sort(key=lambda r: r.Index)
        by_manners: dict[frozenset, list[tuple]] = {}
        for x in range(len(rows)):
            for y in range(x + 1, len(rows)):
                a, b = rows[x], rows[y]
                if a.manner != b.manner and not same_speaker(sources[a.claim], sources[b.claim]):
                    where = frozenset((arts[a.claim], arts[b.claim])) if arts is not None else None
                    by_manners.setdefault((frozenset((a.manner, b.manner)), where), []).append((a, b))
        used: set[int] = set()
        for pairs in by_manners.values():
            a, b = min(pairs, key=lambda p: (p[0].claim in used) + (p[1].claim in used))
            used |= {a.claim, b.claim}
            out.append((a.Index, b.Index))
    return out
