"""Role nouns, appositions and groups.

``appos``
    A common-noun mention with a name in apposition ("the official representative ..., Maria
    Vorobyova") is that name.
``role_title``
    "the head of the committee", "the parliamentarian": the latest person whose title or
    apposition shares the role's word group (head ~ chairman ~ chief; parliamentarian ~ senator ~
    deputy), within ``ROLE_WINDOW`` sentences.
``role_next``
    A role subject with no matching title, when the next sentence introduces a person as its
    subject ("The Paris fire chief said ... . Jean-Claude Gallet, speaking outside, said ...").
``role_recent``
    A role noun with no matching title: the latest salient person, as for a pronoun.
``role_of``
    A role someone holds ("her attorney", "Harbour Freight's chief executive"): a person named with
    that title lately, else the role as written with its owner.
``role_described``
    A role nobody named fits, or one the text introduced without a name ("A prosecutor said ... .
    ..., the prosecutor said"): the role as written.
``media_phrase``
    A medium with words that qualify it and no article ("Saudi state television said"): the phrase.
``group``
    A plural common noun ("Russian experts", "the researchers"): the noun phrase itself, without
    determiners and quantifiers ("A number of Russian experts" -> "Russian experts"); a plural role
    noun is a group, never one person picked from the history.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .lexicon import (
    _ROLE_MEDIA_ORG,
    COURTESY_TITLES,
    GENERIC_ROLES,
    HONORIFICS,
    JOB_TITLES,
    MEDIA_NOUNS,
    OCCUPATION_NOUNS,
    ORG_NOUNS,
    PRONOUN_WINDOW,
    ROLE_GROUPS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    ROLE_WINDOW,
    RANKS,
    SOURCE_NOUNS,
)
from .mentions import Resolution, _common, _one_word_qualifier
from .names import clean_name

_SAYING = {"say", "tell", "add", "explain", "insist", "warn", "note", "stress", "confirm", "announce", "write"}

# Endings of nouns for people ("midfielder", "novelist", "historian", "chairwoman"), and the common
# nouns with those endings that name things; "-ent" and "-ant" are left out ("statement", "tenant").
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ee")
_THING_NOUNS = {
    "paper", "letter", "number", "order", "center", "centre", "computer", "quarter", "chapter", "water", "matter",
    "power", "tower", "error", "sector", "factor", "floor", "door", "register", "poster", "trailer", "transfer",
    "answer", "border", "river", "weather", "summer", "winter", "shelter", "corner", "parameter", "monitor",
    "meter", "cancer", "tractor", "motor", "mirror", "filter", "folder", "header", "banner", "chamber", "cluster",
    "container", "counter", "cover", "layer", "ledger", "lever", "manner", "marker", "member", "minor", "offer",
    "other", "platter", "proposer", "rumour", "rumor", "humour", "humor", "vapour", "vapor", "flavour", "favour",
    "favor", "honour", "honor", "labour", "labor", "colour", "color", "harbour", "harbor", "behaviour", "behavior",
    "terror", "horror", "liquor", "tumor", "tumour", "anchor", "ancestor", "corridor", "pillar",
    "list", "mist", "wrist", "twist", "fist", "human",
}

# "a prosecutor", "an official spokesman": a role introduced without a name (up to two words before the noun)
_INDEFINITE_ROLE = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)")
_NAME_AFTER = re.compile(r",?\s+[A-Z][a-z]+\s+[A-Z]")
# words that make a title another office than the bare role: a vice president is not "the president"
# ("deputy" alone is an office of its own: a Duma deputy)
_OTHER_OFFICE = {"vice", "former", "ex", "assistant"}
# owners that only say where a role is held: "the country's police chief" is the police chief
_PLACE_OWNERS = {"country", "nation", "state", "city", "region", "province", "island", "territory", "kingdom"}
UNNAMED_WINDOW = 600  # characters back, a few sentences
# officials a text introduces first by their role and then by name in the next sentence ("a defence
# ministry spokesman said ... . Colonel Turki al-Malki said ..."); a witness or a resident so
# introduced may be another one
INTRODUCED_ROLES = ROLE_GROUPS["official"] | ROLE_GROUPS["military"] | {"sheriff", "prosecutor", "investigator", "inspector"}
# a source unnamed on purpose, in the sentence that introduces it
ANONYMOUS = re.compile(r"\b(?:not to be (?:named|identified)|condition of anonymity|declined to be (?:named|identified)|"
                        r"(?:was|were) not authori[sz]ed|speaking anonymously|anonymity)\b", re.IGNORECASE)
# ranks and courtesy titles: no office of their own that a role could contradict
_RANKS = RANKS | COURTESY_TITLES | {"sir", "lord", "lady"}


def _person_noun(tok: Token) -> bool:
    """A singular common noun the lists do not know that names a person: "the 24-year-old
    midfielder", "the novelist", "the chairwoman". Only asked of the subject of a speech verb, where
    a noun naming a thing ("the report said") is a document and is handled elsewhere."""
    # (a lower-case word the tagger read as a proper noun, "the forward said", is a common noun too)
    if not _common(tok) or tok.tag_ not in ("NN", "NNP"):
        return False
    if any(c.dep_ in ("amod", "compound", "nummod") and "year-old" in c.text.lower() for c in tok.children):
        return True
    low = tok.lemma_.lower()
    if low in OCCUPATION_NOUNS:
        return True  # "the nurse", "the forward": occupations whatever their ending
    return len(low) >= 5 and low.endswith(_PERSON_ENDINGS) and low not in _THING_NOUNS


class RolesMixin:
    """The role part of :class:`~s400lib.extract.speakers.resolver.SpeakerResolver`."""

    def _group_phrase(self, tok: Token) -> tuple[str, int, int]:
        """'A number of Russian experts' -> ('Russian experts', start, end) of the plural noun phrase."""
        left = [t for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod", "nummod", "det", "predet")]
        start_tok = min([tok] + [t.left_edge for t in left], key=lambda t: t.i)
        words = [t for t in self.doc[start_tok.i : tok.i + 1] if t.pos_ not in ("DET", "NUM", "PUNCT") and t.lower_ not in {"several", "some", "many", "few", "various"}]
        name = " ".join(t.text for t in words) if words else tok.text
        end = tok.idx + len(tok)
        # "Analysts at the Carnegie Endowment": the organisation says whose analysts they are
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "from", "of", "with"):
                objs = [o for o in prep.children if o.dep_ == "pobj" and (o.ent_type_ in ("ORG", "GPE", "NORP") or o.pos_ == "PROPN")]
                if objs:
                    end = objs[0].right_edge.idx + len(objs[0].right_edge)
                    name = name + " " + " ".join(clean_name(self.ctx.text[prep.idx : end]).split())
        return name, start_tok.idx, end

    def _role_span(self, tok: Token) -> tuple[int, int]:
        """The role noun phrase: 'the head of the committee' (determiner to the end of its of-phrase)."""
        left = tok.left_edge
        right = tok
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                right = child.right_edge
        while right.is_punct and right.i > tok.i:
            right = self.doc[right.i - 1]
        return left.idx, right.idx + len(right)

    def _resolve_role(self, tok: Token) -> Resolution | None:
        """A definite role noun ('the politician'), media noun ('the publication') or
        organisation noun ('the bank'). A plural role noun ('the authors', 'the researchers') is a
        group, never one person picked from the history."""
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        # "his lawyer", "her spokesman": someone's role, never the person the pronoun stands for
        owner = dets[0] if dets and dets[0].lower_ in ("his", "her") and tok.tag_ == "NN" else None
        # "Lufthansa's chief executive", "the ministry's spokesman": the role of a named owner
        named_owner = (dets[0] if dets and dets[0].dep_ == "poss" and dets[0].pos_ in ("PROPN", "NOUN") and tok.tag_ == "NN"
                       and (tok.lemma_.lower() in JOB_TITLES | ROLE_NOUNS or _person_noun(tok))
                       and dets[0].lemma_.lower() not in _PLACE_OWNERS else None)
        if named_owner is None and dets and dets[0].dep_ == "poss" and dets[0].lemma_.lower() in _PLACE_OWNERS:
            dets = [next((c for c in dets[0].children if c.dep_ == "det"), dets[0])]  # "the country's police chief": the police chief
        if not dets and tok.lemma_.lower() in MEDIA_NOUNS | {"media", "tv"}:
            # "Saudi state television said", "Iranian state TV reported": the qualified medium names itself
            qualifiers = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("ADJ", "NOUN", "PROPN")]
            if qualifiers:
                first = min(c.left_edge.i for c in qualifiers)
                s0, s1 = self.doc[first].idx, tok.idx + len(tok)
                return Resolution(" ".join(self.ctx.text[s0:s1].split()), "org", "media_phrase", 0.6, self.ctx.text[s0:s1], s0, s1)
        if not dets or (dets[0].lower_ not in ("the", "this", "that", "these", "those") and owner is None and named_owner is None):
            return None
        if owner is not None and tok.lemma_.lower() in ORG_NOUNS | MEDIA_NOUNS:
            return None  # "her office" is a body: the resolver names it after its holder
        if tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in ROLE_NOUNS | SOURCE_NOUNS | {"author", "researcher", "scientist"}:
            name, start, end = self._group_phrase(tok)
            return Resolution(name, "group", "group", 0.6, self.ctx.text[start:end], start, end)
        low = tok.lower_ if tok.lower_ in _ROLE_MEDIA_ORG else tok.lemma_.lower()
        if low not in _ROLE_MEDIA_ORG and low not in JOB_TITLES and not _person_noun(tok):
            return self._body_by_last_word(tok) if dets[0].lower_ == "the" else None
        start, end = self._role_span(tok)
        text = self.ctx.text[start:end]
        # a name inside the phrase or in apposition settles it ("the head of the FSMTC Dmitry Shugaev")
        for t in self.doc[tok.i : self.doc.char_span(start, end, alignment_mode="expand").end]:
            if t.i != tok.i and (t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.lower_ in self.full_names)):
                named = self.name_of(t)
                if named and named[1] == "person":
                    return Resolution(named[0], "person", "appos", 0.9, text, start, end)
        for child in sorted(tok.children, key=lambda c: c.dep_ != "appos"):
            if child.dep_ == "compound" and (child.ent_type_ in ("GPE", "NORP", "LOC") or _one_word_qualifier(tok, child)):
                continue  # "the Paris fire chief", "the Lyon police chief": the place qualifies the role
            if child.dep_ in ("appos", "compound"):
                named = self.name_of(child)
                if named:
                    return Resolution(named[0], named[1], "appos", 0.9, text, start, end)
        # "The Israeli newspaper Haaretz announced": spaCy makes the name a second subject
        if tok.dep_ in ("nsubj", "nsubjpass"):
            for sib in tok.head.children:
                if sib.i == tok.i + 1 and sib.dep_ in ("nsubj", "nsubjpass", "appos") and (sib.pos_ == "PROPN" or sib.ent_type_):
                    named = self.name_of(sib)
                    if named:
                        e = named[3]
                        return Resolution(named[0], named[1], "appos", 0.9, self.ctx.text[start:e], start, e)
        body = self._resolve_body_noun(tok, low, start, end, text)
        if body is not None:
            return body
        groups = [g for g, words in ROLE_GROUPS.items() if low in words]
        if low in GENERIC_ROLES:
            related = set().union(*(ROLE_GROUPS[g] for g in groups)) if groups else {low}
        else:  # one office: "the governor" is no mayor
            related = {low} | ROLE_SYNONYMS.get(low, set())
        # "the fire chief", "the police chief": the noun before the role narrows it, so only a
        # title with that noun matches ("fire chief" is no "President")
        # ("vice" qualifies the office, below, and narrows nothing)
        narrowing = {c.lower_ for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"} - _OTHER_OFFICE

        # "the president" is no vice president or former one unless it says so
        qualified = {c.lower_ for c in tok.children if c.lower_ in _OTHER_OFFICE}

        def words_before(m) -> set[str]:
            return set(re.findall(r"[a-z]+", self.ctx.text[max(0, m.start - 40) : m.start].lower()))

        def other_office(m) -> bool:
            words = m.titles | self.titles_of_name(m.name) | words_before(m)
            marks = set(words & _OTHER_OFFICE)
            if "deputy" in words and (words - {"deputy"}) & (related | ROLE_SYNONYMS.get(low, set()) | {"pm"}):
                marks.add("vice")  # "Deputy PM Oskar Holm" is no "prime minister": deputy of the office
            return bool(marks - qualified)

        def title_fits(m) -> bool:
            titles = m.titles | self.titles_of_name(m.name)
            # a title written short is read whole ("Deputy PM Luigi Di Maio" holds "prime minister")
            titles = titles.union(*(ROLE_SYNONYMS.get(t, ()) for t in titles))
            if not titles & related or other_office(m):
                return False
            if "vice" in qualified and not (titles | words_before(m)) & {"vice", "deputy"}:
                return False  # "the vice prime minister" is the deputy one, never the prime minister himself
            # the narrowing noun in the person's title as written just before the name ("Fire chief Marcus Webb")
            # (the mention may start at the title: "Police Commissioner Mike Bush" is named from "Police")
            named_at = self.ctx.text.find(m.name.split()[-1], m.start) if m.name else -1
            before = set(self.ctx.text[max(0, m.start - 40) : max(m.start, named_at)].lower().split())
            return narrowing <= titles | before

        if named_owner is not None:
            return self._role_of_owner(tok, named_owner)
        if owner is not None:
            whose = self._owner(owner).name
            m = self._lookback(start, {"person"}, ROLE_WINDOW, prefer=lambda m: title_fits(m) and m.name != whose)
            if m is not None and m.name != whose and title_fits(m) and self._sent_index(start) - m.sent <= PRONOUN_WINDOW:
                return Resolution(m.name, "person", "role_title", 0.7, text, start, end)
            role = self._role_words(tok)
            return Resolution(f"{whose}'s {role}" if whose else role, "person", "role_of", 0.4, text, start, end)
        m = self._lookback(start, {"person"}, ROLE_WINDOW, prefer=title_fits)
        if m is not None and self._sent_index(start) - m.sent <= PRONOUN_WINDOW:
            return Resolution(m.name, "person", "role_title", 0.8, text, start, end)
        if self._introduced_unnamed(tok, start):
            # "A prosecutor said ... . ..., the prosecutor said": the one introduced without a name,
            # never the person the story is about
            return Resolution(self._role_words(tok), "person", "role_described", 0.35, text, start, end)
        named_next = self._introduced_next(tok)
        if named_next is not None:
            return Resolution(named_next, "person", "role_next", 0.7, text, start, end)
        m2 = self._lookback(start, {"person"}, PRONOUN_WINDOW)
        # ... a recent person whose title is another office is not "the governor" ("Mayor Ana Ruiz")
        held = ((m2.titles | self.titles_of_name(m2.name) | {m2.name.lower().split()[-1]}) & ROLE_NOUNS) if m2 is not None else set()
        if m2 is not None and not other_office(m2) and (not held or title_fits(m2)):
            return Resolution(m2.name, "person", "role_recent", 0.65, text, start, end)
        if m is not None:
            return Resolution(m.name, "person", "role_title", 0.6, text, start, end)
        # nobody named fits: the role as written describes the speaker ("the minister", "the
        # spokesman"), as "a senior official" does an unnamed source
        return Resolution(self._role_words(tok), "person", "role_described", 0.3, text, start, end)

    def _role_of_owner(self, tok: Token, owner: Token) -> Resolution:
        """'Lufthansa's chief executive said' (rule ``role_of``): a person the text named with this
        title lately, else the role as written with its owner ("Lufthansa's chief executive")."""
        start, end = self._role_span(tok)
        start = min(start, owner.left_edge.idx)
        text = self.ctx.text[start:end]
        low = tok.lemma_.lower()
        groups = [g for g, words in ROLE_GROUPS.items() if low in words]
        related = set().union(*(ROLE_GROUPS[g] for g in groups)) if groups else {low}
        # "chief executive": a title written with either word fits
        related = related | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ in JOB_TITLES | ROLE_NOUNS}
        m = self._lookback(start, {"person"}, ROLE_WINDOW, prefer=lambda m: bool((m.titles | self.titles_of_name(m.name)) & related))
        if m is not None and (m.titles | self.titles_of_name(m.name)) & related and self._sent_index(start) - m.sent <= PRONOUN_WINDOW:
            return Resolution(m.name, "person", "role_title", 0.7, text, start, end)
        whose = self._owner(owner).name or " ".join(t.text for t in owner.subtree if t.dep_ != "case" and t.pos_ != "DET")
        # a plural name takes the apostrophe alone: "Ethiopian Airlines' chief executive"
        return Resolution(f"{whose}{chr(39) if whose.endswith('s') else chr(39) + 's'} {self._role_words(tok)}",
                          "person", "role_of", 0.4, text, start, end)

    def _introduced_unnamed(self, tok: Token, start: int) -> bool:
        """Whether the text introduced a bearer of this role without a name in the last
        ``UNNAMED_WINDOW`` characters: "a prosecutor", "an official spokesman" not followed by a
        name in apposition."""
        before = self.ctx.text[max(0, start - UNNAMED_WINDOW) : start]
        nouns = {tok.lower_, tok.lemma_.lower()}
        for m in _INDEFINITE_ROLE.finditer(before):
            for word in re.finditer(r"[\w-]+", m.group(1)):
                if word.group(0) in nouns:
                    return not _NAME_AFTER.match(before, m.start(1) + word.end())
        return False

    def _role_words(self, tok: Token) -> str:
        """The role noun with the words that qualify it: "the foreign minister" -> "foreign minister"."""
        words = [t for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod") and t.pos_ != "DET"]
        first = min([tok.i] + [w.left_edge.i for w in words])
        return " ".join(t.text for t in self.doc[first : tok.i + 1] if t.pos_ not in ("DET", "PUNCT") and t.dep_ != "poss")

    def _introduced_next(self, tok: Token, formal: bool = False) -> str | None:
        """News writing often gives the role first and the name in the next sentence ("The Paris
        fire chief said ... . Jean-Claude Gallet, speaking outside, said ..."): a role that is the
        subject of its clause and matches no earlier title is the person first named, as the
        subject of a verb, in the next sentence. ``formal``: an indefinite role ("a spokesman"), met only by a
        person named with a title of their own that is no other office (see :meth:`_may_hold`)."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.sent.end >= len(self.doc):
            return None
        following = self.doc[tok.sent.end].sent
        while not following.text.strip() and following.end < len(self.doc):  # a paragraph break
            following = self.doc[following.end].sent
        # (the history may already hold later mentions when this runs for a quote after the pass)
        known = {m.name for m in self.history if m.start < tok.idx}
        for ent in self._ents:
            if ent.start < following.start or ent.label_ not in ("PERSON", "ORG"):
                continue  # spaCy often calls an unfamiliar full name ORG; name_of decides below
            if ent.start >= following.end:
                break
            before = self.doc.text[following.start_char : ent.start_char]
            if before.count("“") > before.count("”") or before.count('"') % 2:
                return None  # a name inside quoted words is not someone being introduced
            root = ent.root
            # "chief executive officer Tewolde GebreMariam told ...": the name is in apposition to the subject
            subject = root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ in ("appos", "compound") and root.head.dep_ in ("nsubj", "nsubjpass"))
            # "..., chief executive Tewolde GebreMariam told journalists": a name right before a verb
            # of saying speaks, however the parser attached it
            after = self.doc[ent.end] if ent.end < len(self.doc) else None
            subject = subject or (after is not None and after.pos_ == "VERB" and after.lemma_ in _SAYING)
            if not subject:
                return None  # the first person named there is not its subject: no introduction
            named = self.name_of(ent.root)
            if named is None or named[1] != "person" or named[0] in known:
                return None
            if formal and not self._may_hold(ent.root, tok.lemma_.lower()):
                return None
            return named[0]
        return None

    def _may_hold(self, name_tok: Token, role: str) -> bool:
        """Whether the person a name introduces holds ``role``: introduced with a title or rank of their own
        ("Colonel Turki al-Malki", "Inspector Maria Lund": an official named formally), and no office
        that is another one ("Mayor Ana Ruiz", "opposition leader ...", "John Smith, a witness,"); a
        rank or a courtesy title says nothing against the role."""
        related = {role} | ROLE_SYNONYMS.get(role, set())
        described = {c.lemma_.lower() for c in name_tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
        offices = ((self._titles(name_tok) & (ROLE_NOUNS | OCCUPATION_NOUNS | SOURCE_NOUNS)) | described) - _RANKS
        # the word right before the name's first word is a capitalised title
        first = name_tok
        while first.i > 0 and self.doc[first.i - 1].pos_ == "PROPN" and self.doc[first.i - 1].lower_ not in HONORIFICS:
            first = self.doc[first.i - 1]
        before = self.doc[first.i - 1] if first.i > 0 else None
        titled = before is not None and before.text[:1].isupper() and (before.lower_ in HONORIFICS or before.lower_ in ROLE_NOUNS)
        return titled and offices <= related

    def _note_introduced(self, tok: Token) -> None:
        """An official introduced without a name as a subject ("..., a Saudi military spokesman has said.
        Colonel Turki al-Malki told reporters ..."): the person the next sentence introduces holds the
        role, so a later "the spokesman" is that person (their title, added when the name is met)."""
        if tok.lemma_.lower() not in INTRODUCED_ROLES or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return
        if ANONYMOUS.search(tok.sent.text):
            return  # "a senior diplomat told the agency, asking not to be named": unnamed on purpose
        named = self._introduced_next(tok, formal=True)
        if named is not None:
            self._pending_titles.setdefault(named, set()).add(tok.lemma_.lower())
