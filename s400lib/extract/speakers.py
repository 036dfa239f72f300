"""Who a mention refers to: names, pronouns, role nouns and media, resolved within one article.

The quote extractor (:mod:`s400lib.extract.quotes`) finds the *mention* that introduces a quote (the subject
of "said", the object of "TASS quoted him", the noun of "according to the parliamentarian"); this
module says *who* that mention is. One left-to-right pass over the article builds a history of
mentions; every pronoun and role noun is resolved against the history that precedes it and is then
added to it, so that "He stressed ..." (resolved to Morozov) makes Morozov the salient person for the
next "the NSN quotes him".

Rules, each named in ``speaker_rule`` so a reader can judge them:

``cue_subject``
    A name (a PERSON/ORG entity or a run of proper nouns) is the mention itself. A surname is
    expanded to the longest full name with that surname in the same article ("Slutsky" ->
    "Leonid Slutsky"); titles ("Senator", "Deputy") and possessives are dropped.
``appos``
    A common-noun mention with a name in apposition ("the official representative ..., Maria
    Vorobyova") is that name.
``pronoun``
    he/she/him/her: walking back sentence by sentence (at most ``PRONOUN_WINDOW``), the latest
    person who is a grammatical subject or a speaker in the nearest sentence that has any person,
    else the latest person in that sentence. Gender is not used (it cannot be read reliably from
    transliterated first names); recency and salience are. they/them: the latest plural subject
    (a group such as "Russian experts") or organisation.
``role_title``
    "the head of the committee", "the parliamentarian": the latest person whose title or
    apposition shares the role's word group (head ~ chairman ~ chief; parliamentarian ~ senator ~
    deputy), within ``ROLE_WINDOW`` sentences.
``role_recent``
    A role noun with no matching title: the latest salient person, as for a pronoun.
``role_medium``
    "the publication", "the newspaper": the latest organisation that was a speaker.
``group``
    A plural common noun ("Russian experts", "military experts"): the noun phrase itself, without
    determiners and quantifiers ("A number of Russian experts" -> "Russian experts").

Everything here is a bounded look-back over a list kept in text order, so the cost is linear in
the length of the article.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd
from spacy.attrs import ENT_TYPE, IDX, LEMMA, LENGTH, LOWER, POS, SENT_START, SPACY, TAG
from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Span, Token

from .context import ArticleContext

PRONOUN_WINDOW = 6  # sentences to look back for a pronoun's antecedent
ROLE_WINDOW = 25  # sentences to look back for a person whose title matches a role noun

PERSON_PRONOUNS = {"he", "she", "him", "her"}
PLURAL_PRONOUNS = {"they", "them"}
FIRST_PERSON = {"i", "we", "me", "us", "you"}

# Words that are titles in front of a name, never part of it ("Senator", "Deputy").
HONORIFICS = {
    "senator", "sen.", "deputy", "president", "vice", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "dr", "dr.", "chairman", "chairwoman", "general", "gen.", "colonel", "admiral", "ambassador",
    "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "rep.", "congressman",
    "congresswoman", "professor", "prof.", "commander", "king", "queen", "prince", "sheikh", "sir",
    "judge", "mp", "lieutenant", "captain", "marshal", "patriarch", "pope", "premier",
}
# Qualifiers dropped only when an honorific follows ("Republican Senator", "Turkish President").
QUALIFIERS = {
    "republican", "democrat", "democratic", "foreign", "defense", "defence", "russian", "turkish",
    "american", "israeli", "ukrainian", "chinese", "german", "french", "british", "former", "acting",
    "late", "then", "us", "u.s.", "state", "deputy", "vice", "prime", "first",
}
TITLE_WORDS = {
    "senator", "sen.", "deputy", "president", "vice", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "dr", "dr.", "chairman", "chairwoman", "chair", "general", "gen.", "colonel", "admiral",
    "ambassador", "governor", "mayor", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "representative", "rep.", "congressman", "congresswoman", "professor", "prof.", "director", "chief",
    "head", "leader", "official", "commander", "king", "queen", "prince", "sheikh", "lord", "lady",
    "sir", "judge", "justice", "speaker", "mp", "republican", "democrat", "democratic", "foreign",
    "defense", "defence", "russian", "turkish", "american", "israeli", "ukrainian", "chinese", "german",
    "french", "british", "lieutenant", "captain", "major", "sergeant", "marshal", "patriarch", "pope",
}

# Role nouns that stand for a person, grouped so that a role matches a title of the same group.
ROLE_GROUPS: dict[str, set[str]] = {
    "head": {"head", "chairman", "chairwoman", "chair", "chief", "director", "leader", "boss", "president"},
    "legislator": {"parliamentarian", "senator", "deputy", "lawmaker", "legislator", "congressman",
                   "congresswoman", "mp", "representative", "politician", "member"},
    "politician": {"politician", "senator", "deputy", "minister", "parliamentarian", "lawmaker",
                   "president", "governor", "mayor", "chairman", "leader", "official", "premier"},
    "official": {"official", "representative", "spokesman", "spokeswoman", "spokesperson", "minister",
                 "secretary", "diplomat", "ambassador", "envoy", "officer", "director", "head"},
    "military": {"general", "commander", "officer", "colonel", "admiral", "marshal", "chief"},
    "expert": {"expert", "analyst", "scientist", "professor", "researcher", "economist", "specialist",
               "observer", "commentator"},
    "journalist": {"journalist", "reporter", "correspondent", "editor", "columnist", "author"},
}
ROLE_NOUNS = set().union(*ROLE_GROUPS.values()) | {
    "premier", "prime", "ambassador", "governor", "mayor", "spokesperson", "source", "interlocutor",
    "agency", "deputy", "woman", "man", "lady",
} - {"member", "source", "agency"}
MEDIA_NOUNS = {
    "publication", "newspaper", "paper", "daily", "weekly", "magazine", "outlet", "agency", "channel",
    "broadcaster", "station", "website", "site", "portal", "edition", "network", "tabloid", "journal",
    "television", "radio", "newsroom",
}
# Common nouns for unnamed sources: "one trader in Singapore", "a senior official".
SOURCE_NOUNS = {"trader", "source", "investor", "banker", "resident", "witness", "insider", "person",
                "executive", "strategist", "economist", "analyst", "diplomat", "official", "officer",
                "spokesman", "spokeswoman", "spokesperson", "lawmaker", "adviser", "advisor", "aide",
                "negotiator", "expert", "observer", "employee", "worker", "activist", "voter"}
# Common nouns that stand for an organisation: "the bank said", "the ministry said".
ORG_NOUNS = {"bank", "company", "firm", "ministry", "government", "department", "embassy", "council",
             "committee", "court", "army", "military", "office", "agency", "group", "organisation",
             "organization", "alliance", "union", "party", "administration", "commission", "service",
             "authority", "authorities", "regulator", "kremlin", "pentagon", "cabinet", "parliament"}
PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
SEXED_WORDS = {
    **dict.fromkeys(["mr", "mr.", "father", "son", "brother", "husband", "king", "prince", "man", "boy", "actor",
                     "spokesman", "chairman", "congressman", "businessman", "sir", "lord", "uncle", "nephew", "grandfather"], "m"),
    **dict.fromkeys(["mrs", "mrs.", "ms", "ms.", "mother", "daughter", "sister", "wife", "queen", "princess", "woman", "girl",
                     "actress", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "lady", "dame", "madam",
                     "aunt", "niece", "grandmother"], "f"),
}
# Words that mark a name as a body, not a person: "Coastal Times", "Nordic Bank", "Green Party".
_BODY_WORDS = {"news", "times", "post", "press", "herald", "journal", "daily", "tribune", "agency", "bank", "group",
               "party", "ministry", "council", "company", "corporation", "inc", "ltd", "university", "institute",
               "foundation", "association", "union", "club", "league", "office", "department", "committee", "court",
               "army", "navy", "police", "government", "airlines", "airways", "motors", "energy", "international"}


def _looks_like_personal_name(name: str) -> bool:
    """Two or three capitalised words, none of them an acronym, a number or a word of bodies."""
    words = str(name).split(" ")
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() and w.lower() not in _BODY_WORDS for w in words)


# Job titles that, written alone, name nobody ("Chief Executive", "the Prosecutor").
JOB_TITLES = {"executive", "ceo", "cfo", "coach", "curator", "prosecutor", "attorney", "lawyer", "manager",
              "administrator", "commissioner", "envoy", "counsel", "treasurer", "captain", "founder", "owner"}
# Documents that speak for whoever issued them: "a statement from the ministry said".
DOCUMENT_NOUNS = {"statement", "report", "letter", "communique", "communiqué", "release", "document", "memo",
                  "study", "survey", "poll", "filing", "notice", "declaration", "announcement"}
_ROLE_MEDIA_ORG = ROLE_NOUNS | MEDIA_NOUNS | ORG_NOUNS
QUANTIFIER_HEADS = {"number", "group", "couple", "lot", "majority", "handful", "dozen", "series", "few", "some"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
# String-store ids of the words the ordered pass looks for, so it can skip the many tokens that can
# never be a mention without building a spaCy Token for each (see SpeakerResolver._mention_candidates).
_PRONOUN_IDS = {get_string_id(w) for w in PERSON_PRONOUNS | PLURAL_PRONOUNS}
_NOUN_WORD_IDS = {get_string_id(w) for w in _ROLE_MEDIA_ORG}
_ROLE_LEMMA_IDS = {get_string_id(w) for w in ROLE_NOUNS}
_QUANTIFIER_IDS = {get_string_id(w) for w in QUANTIFIER_HEADS}
_PLURAL_TAG_IDS = {get_string_id(t) for t in ("NNS", "NNPS")}
_TITLE_IDS = {get_string_id(w) for w in TITLE_WORDS}
_TITLE_ROLE_IDS = {get_string_id(w) for w in TITLE_WORDS | ROLE_NOUNS}
_PERSON_ID = get_string_id("PERSON")
_POSSESSIVE = re.compile(r"\s*['’]s?$")


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


# The same few names recur in every article and across the corpus; the result depends on the
# text alone, so it is computed once per distinct string.
@functools.lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """A name as written, without a leading article, titles, trailing possessive or line breaks.

    >>> clean_name("the State Duma’s")
    'State Duma'
    >>> clean_name("Senator Vladimir Dzhabarov")
    'Vladimir Dzhabarov'
    """
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", text) if re.search(r"['’]s?$", text) and len(text) > 3 else text
    words = text.split(" ")
    while len(words) > 1 and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    while len(words) > 1:
        first = words[0].lower()
        if first in HONORIFICS:
            words = words[1:]
        elif first in QUALIFIERS and len(words) > 2 and any(w.lower() in HONORIFICS for w in words[1:-1]):
            words = words[1:]
        else:
            break
    return " ".join(words).strip(" ,;:")


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


def _common(tok: Token) -> bool:
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower())


class SpeakerResolver:
    """Resolve mentions in one article; build once per article, then call :meth:`resolve`.

    Parameters
    ----------
    ctx
        The article.
    entities
        The article's rows of the entities table (PERSON/ORG/... mentions).
    excluded
        (start, end) character ranges whose mentions must not become antecedents: the insides of
        direct quotations, where "I" and "he" are the quoted person's words.
    speaker_tokens
        Token indices known to be speakers (subjects of reporting verbs); they count as salient.
    """

    def __init__(self, ctx: ArticleContext, entities: pd.DataFrame, excluded: list[tuple[int, int]],
                 speaker_tokens: set[int] | None = None) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.excluded = sorted(excluded)
        self.speaker_tokens = speaker_tokens or set()
        self._ent_of_token: dict[int, Span] = {}
        # doc.ents builds new Span objects on every access: read it once
        self._ents = tuple(self.doc.ents)
        # Span.text joins its tokens on every access; the rules below read each entity's text often
        self._ent_text = {(ent.start, ent.end): ent.text for ent in self._ents}
        for ent in self._ents:
            if ent.label_ in NAME_LABELS:
                for i in range(ent.start, ent.end):
                    self._ent_of_token[i] = ent
        # Token attributes as plain lists (string-store ids for words and tags), read once from one
        # array of the doc: the look-arounds below would otherwise build a spaCy Token (doc[i]) for
        # every neighbour they inspect, which dominated the cost of this class.
        (self._pos, self._tag, self._lower, self._lemma, self._ent_type, self._idx, self._length,
         self._space, sent_start) = self.doc.to_array([POS, TAG, LOWER, LEMMA, ENT_TYPE, IDX, LENGTH, SPACY, SENT_START]).T.tolist()
        # Token.sent builds a Span (~10 µs); spaCy's own rule is "the nearest token at or before it
        # marked as a sentence start", which a sorted list answers. Custom sentence hooks keep Token.sent.
        self._sent_start_tokens = [i for i, v in enumerate(sent_start) if v == 1]
        self._plain_sents = (self.doc.has_annotation("SENT_START") and "sents" not in self.doc.user_hooks
                             and "sent" not in self.doc.user_span_hooks)
        self.full_names = self._full_names()
        self.sex_of: dict[str, Counter] = {}  # name -> what pronouns and titles have said of it
        self.history: list[Mention] = []
        self._starts: list[int] = []
        self.resolved: dict[int, Resolution] = {}
        self._titles_of: dict[int, frozenset[str]] = {}
        self._build()

    # -- names -------------------------------------------------------------------------------
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
        while i - 1 >= 0 and pos[i - 1] == PROPN and ent_type[i - 1] in (0, _PERSON_ID) and space[i - 1] \
                and lower[i - 1] not in _TITLE_IDS and self.doc[i - 1].text[:1].isupper():
            i -= 1
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

    def in_excluded(self, offset: int) -> bool:
        i = bisect.bisect_right(self.excluded, (offset, float("inf"))) - 1
        return i >= 0 and self.excluded[i][0] <= offset < self.excluded[i][1]

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
        if not name or self._title_only(start, end):
            return None
        last = name.split(" ")[-1].lower()
        if (label == "PERSON" and name.lower() not in self.not_person) or last in self.full_names:
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
        titles = TITLE_WORDS | ROLE_NOUNS | SOURCE_NOUNS | JOB_TITLES
        has_title = any(t.lower_ in titles for t in words)
        return bool(words) and has_title and all(
            t.lower_ in titles or t.lower_ in QUALIFIERS or t.ent_type_ in ("NORP", "GPE", "LOC") for t in words)

    def person_in_phrase(self, tok: Token) -> tuple[str, int, int] | None:
        """A person named inside the noun phrase headed by ``tok``: 'Governor of Washington Chris
        Gregoire', 'Afghan Ambassador to the United States Hamdullah Mohib', 'curator Elaine
        Gustafon'. The last person named in the phrase is the one the title describes."""
        found = None
        for t in tok.subtree:
            if t.i > tok.i + 14:
                break
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

    # -- the ordered pass ----------------------------------------------------------------------
    def _sent_index(self, offset: int) -> int:
        sid = self.ctx.sent_id_at(offset)
        return -1 if sid is None else sid

    def _mention_candidates(self) -> list[int]:
        """Indices, in order, of the tokens that may be a mention in :meth:`_build`.

        A cheap superset of the tests :meth:`_build` applies (part of a name entity, a proper noun,
        a pronoun, a role/medium/organisation noun, a plural noun, a quantifier head), read from one
        array of the doc; every other token falls through all of its branches, so skipping it
        changes nothing and saves building a Token for most of the article.
        """
        out = []
        for i, (pos, tag, low, lemma) in enumerate(zip(self._pos, self._tag, self._lower, self._lemma)):
            if (i in self._ent_of_token or pos == PROPN or low in _PRONOUN_IDS or low in _QUANTIFIER_IDS
                    or tag in _PLURAL_TAG_IDS or (pos == NOUN and (low in _NOUN_WORD_IDS or lemma in _ROLE_LEMMA_IDS))):
                out.append(i)
        return out

    def _build(self) -> None:
        """One pass over the article in text order: record names, resolve pronouns and roles."""
        seen_ents: set[int] = set()
        candidates = self._mention_candidates()
        for _sid, sent in self.ctx.analysable_sents():
            lo, hi = bisect.bisect_left(candidates, sent.start), bisect.bisect_left(candidates, sent.end)
            for i in candidates[lo:hi]:
                tok = self.doc[i]
                if self.in_excluded(tok.idx):
                    continue
                low = tok.lower_
                ent = self._ent_of_token.get(tok.i)
                if ent is not None or _proper(tok):
                    key = ent.start if ent is not None else tok.i
                    if key in seen_ents:
                        continue
                    # take the mention at its last token so compound names are seen whole
                    if ent is not None and tok.i != ent.end - 1:
                        continue
                    if ent is None and tok.i + 1 < len(self.doc) and self._pos[tok.i + 1] == PROPN and tok.i + 1 < sent.end:
                        continue
                    seen_ents.add(key)
                    named = self.name_of(tok)
                    if named is None:
                        continue
                    name, kind, start, end = named
                    if ent is None and not (tok.i in self.speaker_tokens or _is_subjectish(tok)):
                        continue  # a bare proper noun counts only as a subject or speaker
                    if ent is not None and ent.label_ in ("GPE", "NORP") and not (tok.i in self.speaker_tokens):
                        continue
                    salient = tok.i in self.speaker_tokens or _is_subjectish(tok)
                    self._add(Mention(start, self._sent_index(start), name, kind, salient, self._titles(tok),
                                      speaker=self._is_speaker(tok)))
                    if kind == "person":
                        self._note_sex_from_titles(name, tok)
                    self.resolved[tok.i] = Resolution(name, kind, "cue_subject", 0.95, self.ctx.text[start:end], start, end)
                elif low in PERSON_PRONOUNS and tok.pos_ == "PRON" or low in PLURAL_PRONOUNS:
                    res = self._resolve_pronoun(tok)
                    self.resolved[tok.i] = res
                    if res.name:
                        salient = tok.i in self.speaker_tokens or _is_subjectish(tok)
                        self._add(Mention(tok.idx, self._sent_index(tok.idx), res.name, res.kind, salient,
                                          speaker=self._is_speaker(tok)))
                elif _common(tok) and (low in ROLE_NOUNS or low in MEDIA_NOUNS or tok.lemma_ in ROLE_NOUNS
                                       or (low in ORG_NOUNS and tok.i in self.speaker_tokens)):
                    res = self._resolve_role(tok)
                    if res is None:
                        continue
                    self.resolved[tok.i] = res
                    if res.name:
                        salient = tok.i in self.speaker_tokens or _is_subjectish(tok)
                        self._add(Mention(res.start, self._sent_index(res.start), res.name, res.kind, salient,
                                          speaker=self._is_speaker(tok)))
                elif tok.tag_ in ("NNS", "NNPS") and (tok.i in self.speaker_tokens or _is_subjectish(tok)):
                    name, start, end = self._group_phrase(tok)
                    self.resolved[tok.i] = Resolution(name, "group", "group", 0.6, self.ctx.text[start:end], start, end)
                    self._add(Mention(start, self._sent_index(start), name, "group", True))
                elif low in QUANTIFIER_HEADS and _is_subjectish(tok):
                    plural = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
                    pobj = [g for p in plural for g in p.children if g.dep_ == "pobj" and g.tag_ in ("NNS", "NNPS")]
                    if pobj:
                        name, _s, _e = self._group_phrase(pobj[0])
                        start, end = tok.left_edge.idx, pobj[0].idx + len(pobj[0])
                        res = Resolution(name, "group", "group", 0.6, self.ctx.text[start:end], start, end)
                        self.resolved[tok.i] = res
                        self.resolved[pobj[0].i] = res
                        self._add(Mention(start, self._sent_index(start), name, "group", True))

    def _is_speaker(self, tok: Token) -> bool:
        t = tok
        for _ in range(3):
            if t.i in self.speaker_tokens:
                return True
            if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
                return True
            if t.dep_ in ("compound", "appos", "flat") and t.head.i != t.i:
                t = t.head
                continue
            return False
        return False

    def _add(self, mention: Mention) -> None:
        k = bisect.bisect_right(self._starts, mention.start)
        self._starts.insert(k, mention.start)
        self.history.insert(k, mention)

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
            if t.lower_ in TITLE_WORDS or t.lower_ in ROLE_NOUNS:
                words.add(t.lower_)
        for i in range(max(self._sentence_start(tok), tok.i - 6), tok.i):
            if self._lower[i] in _TITLE_ROLE_IDS:
                words.add(self.doc.vocab.strings[self._lower[i]])
        head = tok.head
        if tok.dep_ == "appos" and head.lower_ in ROLE_NOUNS:
            words.add(head.lower_)
        return frozenset(words)

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

    # -- look-back -----------------------------------------------------------------------------
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

    def _resolve_pronoun(self, tok: Token) -> Resolution:
        low = tok.lower_
        rule = "pronoun"
        if low in PLURAL_PRONOUNS:
            m = self._lookback(tok.idx, {"group", "org"}, PRONOUN_WINDOW, prefer=lambda m: m.salient)
        else:
            # agreement: "she" is never a person the text has called "he" or "Mr" (and so on)
            sex = PRONOUN_SEX.get(low)
            own = self._own_subject(tok)
            m = self._lookback(tok.idx, {"person"}, PRONOUN_WINDOW,
                               prefer=lambda m: self._agrees(m.name, sex) and not (own and own[0] <= m.start < own[1]))
            if m is None:
                # a personal name the model labelled an organisation ("Petra Novak has sold fish ...")
                m = self._lookback(tok.idx, {"org"}, PRONOUN_WINDOW, prefer=lambda m: m.salient and _looks_like_personal_name(m.name))
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
        return s.left_edge.idx, s.right_edge.idx + len(s.right_edge)

    def _agrees(self, name: str, sex: str | None) -> bool:
        known = self.sex_of.get(name)
        return sex is None or not known or known.get(sex, 0) >= sum(known.values()) - known.get(sex, 0)

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
        words |= {t.lower_ for t in tok.children if t.dep_ == "appos"}
        if tok.dep_ == "appos":
            words.add(tok.head.lower_)
        for word in words:
            sex = SEXED_WORDS.get(word)
            if sex:
                self.sex_of.setdefault(name, Counter())[sex] += 1

    def _body_of(self, tok: Token) -> Resolution | None:
        """An organisation or a document speaking for one: 'his office' (the office of the person
        'his' refers to), 'the prime minister's office', 'a statement from the ministry', 'the
        company's statement'. Resolved to the body; the phrase itself when the body has no name."""
        low = tok.lemma_.lower()
        start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        text = self.ctx.text[start:end]
        if low in DOCUMENT_NOUNS:
            # 'a statement from the ministry', 'a report by the commission': the body issues it
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            res = self.resolve(obj)
                            if res.name:
                                return Resolution(res.name, res.kind, f"document+{res.rule}", min(res.confidence, 0.8), text, start, end)
            owner = [c for c in tok.children if c.dep_ == "poss"]
            if owner:
                res = self.resolve(owner[0])
                if res.name:
                    return Resolution(res.name, res.kind, f"document+{res.rule}", min(res.confidence, 0.8), text, start, end)
            return None
        if low not in ORG_NOUNS:
            return None
        owner = [c for c in tok.children if c.dep_ == "poss"]
        if not owner:
            return None
        if owner[0].lower_ in ("his", "her"):
            m = self._lookback(owner[0].idx, {"person"}, PRONOUN_WINDOW)
            res = Resolution(m.name, "person", "pronoun", 0.8, owner[0].text, owner[0].idx, owner[0].idx + len(owner[0])) if m \
                else Resolution(None, "unknown", "pronoun_unresolved", 0.2, owner[0].text, owner[0].idx, owner[0].idx + len(owner[0]))
        else:
            res = self.resolve(owner[0])
        who = res.name if res.name and res.kind == "person" else None
        if who is None:
            # 'the prime minister's office' with no prime minister named: the phrase names the body
            phrase = " ".join(self.ctx.text[min(owner[0].left_edge.idx, tok.left_edge.idx) : tok.idx + len(tok)].split())
            phrase = phrase.split(" ", 1)[1] if phrase.split(" ", 1)[0].lower() in ("the", "a", "an") and " " in phrase else phrase
            if owner[0].lower_ in ("his", "her", "their", "its"):
                return None
            return Resolution(phrase[:1].upper() + phrase[1:], "org", "org_phrase", 0.6, text, start, end)
        return Resolution(f"{who}'s {tok.lower_}", "org", f"office+{res.rule}", min(res.confidence, 0.8), text, start, end)

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
        if not dets or dets[0].lower_ not in ("the", "this", "that", "these", "those"):
            return None
        if tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in ROLE_NOUNS | SOURCE_NOUNS | {"author", "researcher", "scientist"}:
            name, start, end = self._group_phrase(tok)
            return Resolution(name, "group", "group", 0.6, self.ctx.text[start:end], start, end)
        low = tok.lower_ if tok.lower_ in _ROLE_MEDIA_ORG else tok.lemma_.lower()
        if low not in _ROLE_MEDIA_ORG:
            return None
        start, end = self._role_span(tok)
        text = self.ctx.text[start:end]
        # a name inside the phrase or in apposition settles it ("the head of the FSMTC Dmitry Shugaev")
        for t in self.doc[tok.i : self.doc.char_span(start, end, alignment_mode="expand").end]:
            if t.i != tok.i and (t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.lower_ in self.full_names)):
                named = self.name_of(t)
                if named and named[1] == "person":
                    return Resolution(named[0], "person", "appos", 0.9, text, start, end)
        for child in tok.children:
            if child.dep_ in ("appos", "compound") or (child.dep_ == "nsubj" and False):
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
        if low in ORG_NOUNS and low not in ROLE_NOUNS | MEDIA_NOUNS:
            m = self._lookback(start, {"org"}, PRONOUN_WINDOW)
            if m is None:
                return Resolution(None, "unknown", "role_unresolved", 0.2, text, start, end)
            return Resolution(m.name, "org", "role_org", 0.6, text, start, end)
        if low in MEDIA_NOUNS:
            m = self._lookback(start, {"org"}, ROLE_WINDOW, prefer=lambda m: m.speaker)
            if m is None:
                return Resolution(None, "unknown", "role_unresolved", 0.2, text, start, end)
            return Resolution(m.name, "org", "role_medium", 0.7, text, start, end)
        groups = [g for g, words in ROLE_GROUPS.items() if low in words]
        related = set().union(*(ROLE_GROUPS[g] for g in groups)) if groups else {low}
        m = self._lookback(start, {"person"}, ROLE_WINDOW, prefer=lambda m: bool(m.titles & related))
        if m is not None and self._sent_index(start) - m.sent <= PRONOUN_WINDOW:
            return Resolution(m.name, "person", "role_title", 0.8, text, start, end)
        m2 = self._lookback(start, {"person"}, PRONOUN_WINDOW)
        if m2 is not None:
            return Resolution(m2.name, "person", "role_recent", 0.65, text, start, end)
        if m is not None:
            return Resolution(m.name, "person", "role_title", 0.6, text, start, end)
        return Resolution(None, "unknown", "role_unresolved", 0.2, text, start, end)

    # -- public --------------------------------------------------------------------------------
    def resolve(self, tok: Token) -> Resolution:
        """Who the mention whose head is ``tok`` refers to."""
        if tok.i in self.resolved:
            return self.resolved[tok.i]
        low = tok.lower_
        if low in FIRST_PERSON:
            return Resolution(None, "unknown", "first_person", 0.2, tok.text, tok.idx, tok.idx + len(tok))
        if low in PERSON_PRONOUNS or low in PLURAL_PRONOUNS:
            return self._resolve_pronoun(tok)
        named = self.name_of(tok)
        if named is not None and named[1] == "person":
            name, kind, start, end = named
            return Resolution(name, kind, "cue_subject", 0.95, self.ctx.text[start:end], start, end)
        inside = self.person_in_phrase(tok)
        if inside is not None:
            start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
            return Resolution(inside[0], "person", "appos", 0.9, self.ctx.text[start:end], start, end)
        if named is not None:
            name, kind, start, end = named
            return Resolution(name, kind, "cue_subject", 0.95, self.ctx.text[start:end], start, end)
        body = self._body_of(tok)
        if body is not None:
            return body
        # a common noun with a name in its apposition or compound
        for child in tok.children:
            if child.dep_ in ("appos", "compound") and (child.ent_type_ or child.pos_ == "PROPN"):
                named = self.name_of(child)
                if named is not None:
                    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
                    return Resolution(named[0], named[1], "appos", 0.9, self.ctx.text[start:end], start, end)
        if _common(tok):
            role = self._resolve_role(tok)
            if role is not None:
                return role
            dets = [c for c in tok.children if c.dep_ in ("det", "nummod")]
            if (tok.lower_ in ROLE_NOUNS | SOURCE_NOUNS or tok.lemma_ in ROLE_NOUNS | SOURCE_NOUNS) and dets and dets[0].lower_ in ("a", "an", "one"):
                # an unnamed source ("a senior European diplomat"): the description is all we have
                words = [t for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod")]
                start = min([tok.idx] + [w.left_edge.idx for w in words])
                end = tok.idx + len(tok)
                for prep in tok.rights:  # "a senior official in Washington"
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "from", "of"):
                        objs = [o for o in prep.children if o.dep_ == "pobj" and (o.ent_type_ in ("ORG", "GPE", "NORP") or _proper(o))]
                        if objs:
                            end = objs[0].right_edge.idx + len(objs[0].right_edge)
                        break
                name = " ".join(self.ctx.text[start:end].split())
                return Resolution(name, "person", "unnamed_source", 0.5, self.ctx.text[dets[0].idx : end], dets[0].idx, end)
            if tok.tag_ in ("NNS", "NNPS"):
                name, start, end = self._group_phrase(tok)
                return Resolution(name, "group", "group", 0.6, self.ctx.text[start:end], start, end)
        start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        return Resolution(None, "unknown", "unresolved", 0.2, self.ctx.text[start:end], start, end)
