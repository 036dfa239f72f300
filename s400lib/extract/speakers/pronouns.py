"""Pronouns: he/she/him/her and they/them, resolved against the history before them.

``pronoun``
    he/she/him/her: walking back sentence by sentence (at most ``PRONOUN_WINDOW``), the latest
    person who is a grammatical subject or a speaker in the nearest sentence that has any person,
    else the latest person in that sentence. The person must agree with what the text says of them:
    a title right before the name ("Mr", "Mrs"), a gendered apposition ("her brother"), or an
    earlier pronoun that could only mean them; when the text says nothing, a first name of one sex in
    gender-guesser's lexicon. An object pronoun never
    takes the subject of its own verb ("Anna showed him": him is not Anna). they/them: the latest
    plural subject (a group such as "Russian experts") or organisation.
``pronoun_name_guess``
    No person in reach, but a salient two- or three-word personal name the model labelled an
    organisation ("Petra Novak has sold fish here"): that name, at low confidence.
"""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Token

from .lexicon import (
    PLURAL_PRONOUNS,
    PRONOUN_SEX,
    PRONOUN_WINDOW,
    SEXED_WORDS,
    looks_like_personal_name,
    given_name_sex,
)
from .mentions import Mention, Resolution


# verbs of saying whose subject pronoun is a speaker cue ("he said", "she told reporters")
_SAYING = {"say", "tell", "add", "insist", "explain", "note", "warn", "write", "reply", "answer", "recall",
           "continue", "argue", "claim", "stress", "admit", "acknowledge", "declare", "state"}


def _speaks(tok: Token) -> bool:
    """Whether a pronoun is the subject of a verb of saying."""
    return tok.dep_ in ("nsubj",) and tok.head.lemma_.lower() in _SAYING


class PronounsMixin:
    """The pronoun part of :class:`~s400lib.extract.speakers.resolver.SpeakerResolver`."""

    def _resolve_pronoun(self, tok: Token, avoid: frozenset[str] = frozenset()) -> Resolution:
        """``avoid``: persons the pronoun cannot mean (a speaker does not name himself in the third
        person: in '“Warhol changed everything,” he said' he is not Warhol)."""
        low = tok.lower_
        rule = "pronoun"
        if low in PLURAL_PRONOUNS:
            m = self._lookback(tok.idx, {"group", "org"}, PRONOUN_WINDOW, prefer=lambda m: m.salient)
        else:
            # agreement: "she" is never a person the text has called "he" or "Mr" (and so on)
            sex = PRONOUN_SEX.get(low)
            own = self._own_subject(tok)
            m = self._lookback(tok.idx, {"person"}, PRONOUN_WINDOW,
                               prefer=lambda m: self._agrees(m.name, sex) and not (own and own[0] <= m.start < own[1])
                               and m.name not in avoid)
            if m is not None and sex is not None and not self._known_sex(m.name, sex):
                # "Kerr told her the plan was dead. She said ...": of two people in one sentence, the
                # one the text already gives that sex is meant rather than one it says nothing of
                sure = self._lookback(tok.idx, {"person"}, PRONOUN_WINDOW,
                                      prefer=lambda c: self._known_sex(c.name, sex) and not (own and own[0] <= c.start < own[1])
                                      and c.name not in avoid)
                if sure is not None and sure.sent == m.sent:
                    m = sure
            if m is not None and not m.speaker and _speaks(tok):
                # '“...,” he said' after 'Robin said the co-pilot, Lubitz, had ...': the speaker of the
                # sentence before goes on speaking, not the person his words were about
                voice = self._lookback(tok.idx, {"person"}, PRONOUN_WINDOW,
                                       prefer=lambda c: c.speaker and self._agrees(c.name, sex) and c.name not in avoid)
                # (unless the text gives the person first found the pronoun's sex and the speaker none)
                if voice is not None and voice.sent == m.sent and not (
                        sex is not None and self._known_sex(m.name, sex) and not self._known_sex(voice.name, sex)):
                    m = voice
            if m is None:
                # a personal name the model labelled an organisation ("Petra Novak has sold fish ...")
                m = self._lookback(tok.idx, {"org"}, PRONOUN_WINDOW, prefer=lambda m: m.salient and looks_like_personal_name(m.name))
                rule = "pronoun_name_guess"
        if m is None:
            return Resolution(None, "unknown", "pronoun_unresolved", 0.2, tok.text, tok.idx, tok.idx + len(tok))
        distance = self._sent_index(tok.idx) - m.sent
        conf = (0.85 if distance <= 1 else 0.7) if rule == "pronoun" else 0.5
        if low not in PLURAL_PRONOUNS:
            self._learn_sex(tok, m)
        return Resolution(m.name, "person" if rule != "pronoun" else m.kind, rule, conf, tok.text, tok.idx, tok.idx + len(tok))

    @staticmethod
    def _own_subject(tok: Token) -> tuple[int, int] | None:
        """The span of the subject of the verb an object pronoun depends on ('Anna showed him': him
        is not Anna)."""
        if tok.dep_ not in ("dobj", "dative", "pobj", "iobj"):
            return None
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        s = subjects[0]
        # the subject's own words only: in "Thomas' sister pleaded with him" the owner may be him
        owners = [c for c in s.children if c.dep_ == "poss"]
        start = owners[-1].right_edge.idx + len(owners[-1].right_edge) if owners else s.left_edge.idx
        own_end = max([s] + [c.right_edge for c in s.children if c.i > s.i and c.dep_ in ("appos", "compound", "flat")],
                      key=lambda t: t.i)
        return start, own_end.idx + len(own_end)

    def _agrees(self, name: str, sex: str | None) -> bool:
        """Whether a pronoun of ``sex`` can mean the person ``name``: what the text says of them
        (titles, appositions, earlier pronouns) decides; when it says nothing, a first name that
        gender-guesser's lexicon gives one sex does ("Maria Lopez" is no "he")."""
        if sex is None:
            return True
        known = self.sex_of.get(name)
        if known:
            return known.get(sex, 0) >= sum(known.values()) - known.get(sex, 0)
        prior = given_name_sex(name.split(" ")[0]) if " " in name else None
        return prior is None or prior == sex

    def _known_sex(self, name: str, sex: str) -> bool:
        """Whether the text (titles, earlier pronouns) or a first name says ``name`` is of ``sex``."""
        known = self.sex_of.get(name)
        if known:
            return known.get(sex, 0) > sum(known.values()) - known.get(sex, 0)
        return " " in name and given_name_sex(name.split(" ")[0]) == sex

    def _learn_sex(self, tok: Token, m: Mention) -> None:
        """What a pronoun says of the person it resolved to, when it could only mean that person:
        the one person of its sentence, or of the previous one."""
        sex = PRONOUN_SEX.get(tok.lower_)
        if sex is None:
            return
        sent = self._sent_index(tok.idx)
        k = bisect.bisect_left(self._starts, tok.idx)
        near = {h.name for h in self.history[max(0, k - 40) : k] if h.kind == "person" and sent - h.sent <= 1}
        if near == {m.name}:
            self.sex_of.setdefault(m.name, Counter())[sex] += 1

    def _note_sex_from_titles(self, name: str, tok: Token) -> None:
        """'Mr', 'Mrs', 'sister', 'spokeswoman' next to a name say who the name is."""
        # only words bound to this name: the title right before it ("Mrs Anna Kovac") and its
        # apposition ("Per Dahl, her brother"); a title elsewhere in the sentence is someone else's
        first = tok
        while first.i > 0 and self._ent_of_token.get(first.i - 1) is self._ent_of_token.get(tok.i) and first.i - 1 >= 0 \
                and self._ent_of_token.get(tok.i) is not None:
            first = self.doc[first.i - 1]
        words = {self.doc[first.i - 1].lower_} if first.i > 0 else set()
        words.add(first.lower_)  # a title the model kept inside the name ("Ms Ana Kos")
        words |= {t.lower_ for t in tok.children if t.dep_ == "appos"}
        if tok.dep_ == "appos":
            words.add(tok.head.lower_)
        for word in words:
            sex = SEXED_WORDS.get(word)
            if sex:
                self.sex_of.setdefault(name, Counter())[sex] += 1
