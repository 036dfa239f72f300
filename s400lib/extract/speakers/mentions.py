"""The look-back history: the mentions met so far in text order, and the bounded search over it.

Every pronoun and role noun is resolved against the history that precedes it and then added to it,
so that "He stressed ..." (resolved to Morozov) makes Morozov the salient person for the next "the
NSN quotes him". The search walks back sentence by sentence and, within the nearest sentence that
has a compatible mention, prefers a salient one (a grammatical subject or a speaker).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import PORTFOLIO_WORDS, QUALIFIERS, ROLE_NOUNS

# words that may stand in a title between "the" and its role noun ("the Prime Minister", "the Foreign Secretary")
_TITLE_PARTS = frozenset(PORTFOLIO_WORDS | QUALIFIERS) - {"us", "u.s.", "the"}


@dataclass
class Resolution:
    """Who a mention stands for, and how that was decided."""

    name: str | None
    kind: str  # 'person', 'org', 'group' or 'unknown'
    rule: str
    confidence: float
    text: str  # the mention as written
    start: int
    end: int


@dataclass
class Mention:
    """One entry of the look-back history."""

    start: int
    sent: int
    name: str
    kind: str  # 'person', 'org' or 'group'
    salient: bool  # grammatical subject, speaker, or source of "according to"
    titles: frozenset[str] = field(default_factory=frozenset)
    speaker: bool = False  # subject of a speech verb or source of "according to"


def _is_subjectish(tok: Token) -> bool:
    """True when the token is (part of) a grammatical subject or the source of 'according to'."""
    t = tok
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
            return True
        if t.dep_ in ("compound", "appos", "flat", "conj") and t.head.i != t.i:
            t = t.head
            continue
        return False
    return False


def _proper(tok: Token) -> bool:
    """A proper noun as written: spaCy sometimes tags a lower-case role noun ('the minister') PROPN."""
    return tok.pos_ == "PROPN" and not tok.text.islower()


def subjects_of(verb: Token, deps=("nsubj", "nsubjpass")) -> list[Token]:
    """A verb's subjects. With words between an auxiliary and the verb ("The minister had in a statement
    said ...") the parser hangs the subject on the auxiliary: it is read there when the verb has none."""
    own = [c for c in verb.children if c.dep_ in deps]
    return own or [c for a in verb.children if a.dep_ == "aux" and a.i < verb.i for c in a.children if c.dep_ in deps]


def _common(tok: Token) -> bool:
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower()) or _capitalised_role(tok)


def _capitalised_role(tok: Token) -> bool:
    """A title written with a capital and standing alone after "the" ("The Speaker had earlier said",
    "the Minister added"): a role, as the lower-case word would be, not a name; "the President Donald
    Trump" is a name with its title."""
    doc = tok.doc
    # "The Prime Minister", "the Foreign Secretary": capitalised title words may stand between
    k = tok.i - 1
    while k > 0 and doc[k].pos_ == "PROPN" and doc[k].text.istitle() and doc[k].lower_ in _TITLE_PARTS:
        k -= 1
    return (tok.pos_ == "PROPN" and tok.text.istitle() and tok.lower_ in ROLE_NOUNS
            and tok.i > 0 and doc[k].lower_ == "the"
            and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")
            and tok.ent_type_ not in ("PERSON", "ORG", "GPE"))


class HistoryMixin:
    """The history part of :class:`~s400lib.extract.speakers.resolver.SpeakerResolver`."""

    def in_excluded(self, offset: int) -> bool:
        i = bisect.bisect_right(self.excluded, (offset, float("inf"))) - 1
        return i >= 0 and self.excluded[i][0] <= offset < self.excluded[i][1]

    def _sent_index(self, offset: int) -> int:
        sid = self.ctx.sent_id_at(offset)
        return -1 if sid is None else sid

    def _add(self, mention: Mention) -> None:
        pending = getattr(self, "_pending_titles", {}).get(mention.name)
        if pending:  # a role the text gave this person before naming them (see roles._note_introduced)
            mention.titles = mention.titles | frozenset(pending)
        if mention.titles:
            # a title once given to a name holds for its later, bare mentions ("U.S. President Donald
            # Trump" ... "Trump told reporters" ... "the president added")
            titles = getattr(self, "_titles_of_name", None)
            if titles is None:
                titles = self._titles_of_name = {}
            titles[mention.name] = titles.get(mention.name, frozenset()) | mention.titles
        k = bisect.bisect_right(self._starts, mention.start)
        self._starts.insert(k, mention.start)
        self.history.insert(k, mention)

    def titles_of_name(self, name: str) -> frozenset[str]:
        """Every title the article has given ``name`` so far."""
        return getattr(self, "_titles_of_name", {}).get(name, frozenset())

    def _lookback(self, offset: int, kinds: set[str], window: int, prefer=None) -> Mention | None:
        """Latest mention before ``offset`` of a compatible kind, nearest sentence first; within a
        sentence a salient mention (subject, speaker) beats a merely later one."""
        sent = self._sent_index(offset)
        best_sent, cands = None, []
        # start just before ``offset`` (the history is kept sorted), so each look-up is bounded
        # by the window, not by the length of the article
        k = bisect.bisect_left(self._starts, offset)
        for m in reversed(self.history[max(0, k - 400) : k]):
            if sent >= 0 and m.sent >= 0 and sent - m.sent > window:
                break
            if m.start >= offset or m.kind not in kinds:
                continue
            if prefer is not None and not prefer(m):
                continue
            if best_sent is None:
                best_sent = m.sent
            if m.sent != best_sent:
                break
            cands.append(m)
        if not cands:
            return None
        salient = [m for m in cands if m.salient]
        return (salient or cands)[0]


def name_served(t: Token) -> Token | None:
    """The common noun a person's name qualifies ("a Clinton supporter", "a top outside Clinton adviser", "the
    Sanders campaign"), or None: such a name says whom the thing serves or belongs to, not who it is."""
    while t.dep_ == "compound" and t.head.pos_ == "PROPN" and t.head.i > t.i:
        t = t.head
    if t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.i > t.i:
        return t.head
    return None


def _one_word_qualifier(head: Token, child: Token) -> bool:
    """"the Lyon police chief": a one-word name compounded onto a determined common noun qualifies
    it (a city, a team, a firm); a person would follow the role ("police chief Anna Berg")."""
    determined = head.pos_ == "NOUN" and any(c.dep_ == "det" and c.i < head.i for c in head.children)
    single = child.ent_iob_ == "B" and (child.i + 1 >= len(child.doc) or child.doc[child.i + 1].ent_iob_ != "I")
    # a body before a mouthpiece is who speaks ("a U.N. spokesman" speaks for the U.N.); before a
    # person's role it only qualifies it ("the Lyon police chief")
    speaks_for = child.ent_type_ == "ORG" and head.lemma_.lower() in MOUTHPIECE_NOUNS
    return determined and child.i < head.i and single and not speaks_for


MOUTHPIECE_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative", "official", "source", "statement"}
