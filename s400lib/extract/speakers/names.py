"""Names: who a proper-noun mention is, written as the article's fullest form of it.

``cue_subject``
    A name (a PERSON/ORG entity or a run of proper nouns) is the mention itself. A surname is
    expanded to the longest full name with that surname in the same article ("Slutsky" ->
    "Leonid Slutsky"); titles ("Senator", "Deputy") and possessives are dropped. A title with
    nothing of a name ("U.S. Ambassador", "Chief Executive") is no name; a person named inside the
    title's phrase ("Governor of Washington Chris Gregoire") is.
"""

from __future__ import annotations

import bisect
import functools
import re

from spacy.symbols import AUX, PROPN, VERB
from spacy.tokens import Span, Token

from .lexicon import (
    HONORIFICS,
    JOB_TITLES,
    OCCUPATION_NOUNS,
    PORTFOLIO_WORDS,
    QUALIFIERS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    TITLE_WORDS,
    clean_name,
    given_name_sex,
    looks_like_named_person,
)
from .mentions import _one_word_qualifier, _proper, name_served
from .word_ids import _OCCUPATION_IDS, _PERSON_ID, _TITLE_IDS, _TITLE_ROLE_IDS


# honorifics that only ever stand before a surname
_SURNAME_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs"})


class NamesMixin:
    """The naming part of :class:`~s400lib.extract.speakers.resolver.SpeakerResolver`."""

    def _full_names(self) -> dict[str, str]:
        """Surname (lower case) -> the longest person name with that surname in the article."""
        best: dict[str, str] = {}
        votes: dict[str, list[int]] = {}
        for ent in self._ents:
            key = clean_name(self._ent_text[ent.start, ent.end]).lower()
            votes.setdefault(key, [0, 0])[ent.label_ == "PERSON"] += 1
        # a single word spaCy calls PERSON once but GPE/ORG elsewhere ("Ankara") is no person
        self.not_person = {k for k, (other, person) in votes.items() if other > person}
        for ent in self._ents:
            if ent.label_ != "PERSON":
                continue
            name = clean_name(self._ent_text[ent.start, ent.end])
            if name.lower() in self.not_person:
                continue
            s0, s1 = self._person_extent(ent)
            name = clean_name(self.ctx.text[s0:s1]) or name
            if not name or not name[0].isupper():
                continue
            last = name.split(" ")[-1].lower()
            if len(name) > len(best.get(last, "")):
                best[last] = name
        return best

    def _person_extent(self, ent: Span) -> tuple[int, int]:
        """A PERSON entity widened to the first names spaCy left out ("Dmitry" + "Shugaev")."""
        pos, ent_type, space, lower, idx = self._pos, self._ent_type, self._space, self._lower, self._idx
        i = ent.start
        # the previous token: a proper noun outside any entity or in a PERSON one, followed by a
        # space, not a title, written with a capital
        # written with a capital and then lower case: a dateline in capitals ("LONDON Theresa May") is no first name
        while i - 1 >= 0 and pos[i - 1] == PROPN and ent_type[i - 1] in (0, _PERSON_ID) and space[i - 1] \
                and lower[i - 1] not in _TITLE_IDS and self.doc[i - 1].text[:1].isupper() \
                and not (self.doc[i - 1].text.isupper() and len(self.doc[i - 1].text) >= 3) \
                and not (lower[i - 1] in _OCCUPATION_IDS and given_name_sex(self.doc[i - 1].text) is None):
            i -= 1  # ... nor an occupation written with a capital ("Defender Jamie Everton")
        return idx[i], ent.end_char

    def person_surnames(self) -> set[str]:
        return set(self.full_names)

    def expand(self, name: str) -> str:
        """'Slutsky' -> 'Leonid Slutsky' when the article names him in full somewhere."""
        words = name.split(" ")
        full = self.full_names.get(words[-1].lower())
        if full and len(full.split(" ")) > len(words) and full.endswith(name):
            return full
        if full and len(words) == 1:
            return full
        return name

    def name_of(self, tok: Token) -> tuple[str, str, int, int] | None:
        """(name, kind, start, end) when ``tok`` is part of a name, else None."""
        ent = self._ent_of_token.get(tok.i)
        run = self._propn_run(tok)
        if ent is not None:
            start, end = ent.start_char, ent.end_char
            ent_text = self._ent_text[ent.start, ent.end]
            name = clean_name(ent_text)
            # spaCy sometimes glues a place onto an outlet ("Ankara, Defense News"): keep the part
            # holding the token.
            if "," in ent_text:
                parts = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^,]+", ent_text)]
                for s, e in parts:
                    if s <= tok.idx < e:
                        start, end = s, e
                        name = clean_name(self.ctx.text[s:e])
            verbs = [i for i in range(ent.start, ent.end) if self._pos[i] in (VERB, AUX)]
            if verbs:
                # spaCy ran an entity across a verb ("Goldman Sachs expect Brent"): keep the side
                # holding the token
                before = [i for i in verbs if i <= tok.i]
                after = [i for i in verbs if i > tok.i]
                lo = before[-1] + 1 if before else ent.start
                hi = after[0] if after else ent.end
                if lo < hi:
                    start, end = self._idx[lo], self._idx[hi - 1] + self._length[hi - 1]
                    name = clean_name(self.ctx.text[start:end])
            if ent.label_ != "PERSON" and run is not None and run[1] - run[0] > end - start and run[0] <= start and run[1] >= end:
                # "Dmitry Shugaev" where spaCy only tagged "Shugaev"
                start, end = run
                name = clean_name(self.ctx.text[start:end])
            if ent.label_ == "PERSON" and "," not in ent_text:
                start, end = self._person_extent(ent)
                name = clean_name(self.ctx.text[start:end]) or name
            label = ent.label_
        elif run is not None:
            start, end = run
            name = clean_name(self.ctx.text[start:end])
            label = "PROPN"
        else:
            return None
        if not name or (self._title_only(start, end) and not self._surname_alone(name, tok)):
            return None
        last = name.split(" ")[-1].lower()
        if (label == "PERSON" and name.lower() not in self.not_person) or last in self.full_names:
            return self.expand(name), "person", start, end
        if label in ("ORG", "PROPN", "WORK_OF_ART", "PRODUCT", "EVENT") and looks_like_named_person(name):
            # "Jean-Claude Gallet" labelled an organisation, "Detective Superintendent Fiona McCormack" a work
            # of art: a known first name and a name's shape
            return self.expand(name), "person", start, end
        if label == "PROPN" and self._titles(tok) & (ROLE_NOUNS | HONORIFICS) and name.lower() not in self.not_person:
            # spaCy missed the name, but a title or an apposition says it is a person
            # ("Maria Petrova, the head of the committee")
            return self.expand(name), "person", start, end
        return name, "org", start, end

    def _title_only(self, start: int, end: int) -> bool:
        """A title with nothing of a name: 'U.S. Ambassador', 'the Secretary', 'Afghan Ambassador',
        'Governor of Washington' (titles, qualifiers, nationalities and places only)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        words = [t for t in span if not t.is_punct and t.lower_ not in ("the", "of", "a", "an", "'s", "’s")]
        if any(a.lower_.rstrip(".") in _SURNAME_HONORIFICS and b.text[:1].isupper() for a, b in zip(words, words[1:])):
            # "Mr. King", "Mrs. Bishop": what follows "Mr." is a surname, whatever else the word may mean
            return False
        titles = TITLE_WORDS | ROLE_NOUNS | SOURCE_NOUNS | JOB_TITLES
        has_title = any(t.lower_ in titles for t in words)
        return bool(words) and has_title and all(
            t.lower_ in titles or t.lower_ in QUALIFIERS or t.lower_ in PORTFOLIO_WORDS or t.ent_type_ in ("NORP", "GPE", "LOC") for t in words)

    def _surname_alone(self, name: str, tok: Token) -> bool:
        """Whether a word that is also a title ("King", "Bishop", "Judge") stands alone, capitalised and with
        no article before it, for the person the article names in full with it as surname ("Billie Jean
        King ... King says"); "the King said" is the title."""
        full = self.full_names.get(name.lower())
        if " " in name or not full or " " not in full or not name[:1].isupper():
            return False
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        return before is None or before.pos_ not in ("DET", "PRON") and before.lower_ not in ("the", "a", "an")

    def person_in_phrase(self, tok: Token) -> tuple[str, int, int] | None:
        """A person named inside the noun phrase headed by ``tok``: 'Governor of Washington Chris
        Gregoire', 'Afghan Ambassador to the United States Hamdullah Mohib', 'curator Elaine
        Gustafon'. The last person named in the phrase is the one the title describes; a possessive
        owner ("Maria Lopez's lawyer") is not."""
        found = None
        # the owner in "Maria Lopez's lawyer" is whose lawyer it is, not the lawyer
        owned_by = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
        # ... nor is anyone in a clause on the phrase ("Police in Las Vegas, who had said Paddock shot ...")
        owned_by |= {t.i for c in tok.subtree if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX") and c.i != tok.i
                     for t in c.subtree}
        for t in tok.subtree:
            if t.i > tok.i + 14:
                break
            if t.i in owned_by or (t.head.i == tok.i and t.dep_ == "compound" and _one_word_qualifier(tok, t)):
                continue
            if (served := name_served(t)) is not None and served.i != tok.i:
                continue  # "Howard Dean, a Clinton supporter": whom the role serves, not who holds it
            if t.ent_type_ == "PERSON" and not self.in_excluded(t.idx):
                named = self.name_of(t)
                if named is not None and named[1] == "person":
                    found = (named[0], named[2], named[3])
        return found

    def _propn_run(self, tok: Token) -> tuple[int, int] | None:
        """The contiguous run of proper nouns around ``tok`` (titles excluded), as char offsets."""
        if not _proper(tok):
            return None
        pos, space, lower = self._pos, self._space, self._lower
        i = j = tok.i
        # runs may cross a sentence break spaCy put inside a name, never a line break or punctuation
        while i - 1 >= 0 and pos[i - 1] == PROPN and space[i - 1] and lower[i - 1] not in _TITLE_IDS:
            i -= 1
        while j + 1 < len(pos) and pos[j + 1] == PROPN and space[j]:
            j += 1
        if lower[i] in _TITLE_IDS and i < tok.i:
            i += 1
        return self._idx[i], self._idx[j] + self._length[j]

    def _titles(self, tok: Token) -> frozenset[str]:
        """Title words around a name: 'Senator', an apposition 'chairman of ...', a governing role."""
        # asked for the same token by _build and again by name_of; the answer depends on the doc only
        cached = self._titles_of.get(tok.i)
        if cached is None:
            cached = self._titles_of[tok.i] = self._read_titles(tok)
        return cached

    def _sentence_start(self, tok: Token) -> int:
        """``tok.sent.start``."""
        if not self._plain_sents:
            return tok.sent.start
        k = bisect.bisect_right(self._sent_start_tokens, tok.i) - 1
        return self._sent_start_tokens[k] if k >= 0 else 0

    def _read_titles(self, tok: Token) -> frozenset[str]:
        words = set()
        for t in list(tok.subtree) + [tok.head]:
            # an occupation counts as a title here: "Grace Obi, a ward nurse" is "the nurse" later
            if t.lower_ in TITLE_WORDS or t.lower_ in ROLE_NOUNS or t.lower_ in OCCUPATION_NOUNS:
                words.add(t.lower_)
        for i in range(max(self._sentence_start(tok), tok.i - 6), tok.i):
            if self._lower[i] in _TITLE_ROLE_IDS or self._lower[i] in _OCCUPATION_IDS:
                words.add(self.doc.vocab.strings[self._lower[i]])
        head = tok.head
        if tok.dep_ == "appos" and head.lower_ in ROLE_NOUNS:
            words.add(head.lower_)
        return frozenset(words)
