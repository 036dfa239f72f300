"""The speaker resolver: one ordered pass over an article, then a look-up per mention.

The parts it is made of each decide one thing: :mod:`.names` (who a name is), :mod:`.pronouns`,
:mod:`.roles` (role nouns, appositions, groups, unnamed sources), :mod:`.media` (outlets, bodies,
documents) and :mod:`.mentions` (the look-back history they share).

``unnamed_source``
    "a senior European diplomat": an unnamed source, whose description is all there is.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter

import pandas as pd
from spacy.attrs import ENT_TYPE, IDX, LEMMA, LENGTH, LOWER, POS, SENT_START, SPACY, TAG
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Span, Token

from ..context import ArticleContext
from .lexicon import (
    DOCUMENT_NOUNS,
    FINDING_NOUNS,
    FINDING_VERBS,
    FIRST_PERSON,
    KIN_NOUNS,
    MEDIA_NOUNS,
    NAME_LABELS,
    ORG_NOUNS,
    PARTY_MEMBER_WORDS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    PRONOUN_SEX,
    PRONOUN_WINDOW,
    QUANTIFIER_HEADS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    ROLE_WINDOW,
    SOURCE_NOUNS,
    is_age_phrase,
)
from .media import MediaMixin
from .mentions import (
    MOUTHPIECE_NOUNS,
    HistoryMixin,
    Mention,
    Resolution,
    _common,
    _is_subjectish,
    _one_word_qualifier,
    _proper,
)
from .names import NamesMixin
from .pronouns import PronounsMixin
from .roles import ANONYMOUS, INTRODUCED_ROLES, RolesMixin
from .word_ids import _NOUN_WORD_IDS, _PLURAL_TAG_IDS, _PRONOUN_IDS, _QUANTIFIER_IDS, _ROLE_LEMMA_IDS


# the works of finding out that speak as documents (an "it" that found something is one of them)
_WORK_DOCUMENTS = FINDING_NOUNS & DOCUMENT_NOUNS


class SpeakerResolver(NamesMixin, PronounsMixin, RolesMixin, MediaMixin, HistoryMixin):
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
        self._pending_titles: dict[str, set[str]] = {}  # name -> roles given before the name (roles._note_introduced)
        self._starts: list[int] = []
        self.resolved: dict[int, Resolution] = {}
        self._titles_of: dict[int, frozenset[str]] = {}
        self._build()

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
                    if self._titled_apposition(tok) is not None:
                        continue  # "Parliament Member, Andrei Lugovoy": the name in apposition is the mention
                    named = self.name_of(tok)
                    if named is None:
                        continue
                    name, kind, start, end = named
                    if ent is None and not (tok.i in self.speaker_tokens or _is_subjectish(tok)):
                        continue  # a bare proper noun counts only as a subject or speaker
                    if ent is not None and ent.label_ in ("GPE", "NORP") and not (tok.i in self.speaker_tokens):
                        continue
                    # (a name's head may stand before its last word: "Autostrade per l’Italia ... operated")
                    salient = tok.i in self.speaker_tokens or _is_subjectish(tok) or (ent is not None and _is_subjectish(ent.root))
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
                        self._note_introduced(tok)
                        continue
                    self.resolved[tok.i] = res
                    if res.name:
                        salient = tok.i in self.speaker_tokens or _is_subjectish(tok)
                        self._add(Mention(res.start, self._sent_index(res.start), res.name, res.kind, salient,
                                          speaker=self._is_speaker(tok)))
                elif (tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in DOCUMENT_NOUNS
                      and (tok.i in self.speaker_tokens or _is_subjectish(tok)) and (body := self._body_of(tok)) is not None):
                    # "figures released by the ministry showed", "radar data unveiled by the ministry claimed": what
                    # a body released speaks for it, not for a group of figures
                    self.resolved[tok.i] = body
                    if body.name:
                        self._add(Mention(body.start, self._sent_index(body.start), body.name, body.kind, True,
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

    def _relation_of(self, tok: Token) -> Resolution | None:
        """'his fiancee', 'her husband' (rule ``relation``): the person the text just named who can be
        that relation: of the relation's sex, and not the owner the pronoun stands for. None when
        the text names nobody who fits."""
        low = tok.lower_
        if low not in RELATION_NOUNS:
            return None
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if owner is None:
            return None
        sex, owner_sex = RELATION_NOUNS[low], PRONOUN_SEX.get(owner.lower_)
        owner_name = None
        if sex is None or sex == owner_sex:
            # "her sister": the owner is a woman too, and not the one who speaks
            found = self._lookback(owner.idx, {"person"}, PRONOUN_WINDOW, prefer=lambda m: self._agrees(m.name, owner_sex))
            owner_name = found.name if found is not None else None
        m = self._lookback(tok.idx, {"person"}, PRONOUN_WINDOW,
                           prefer=lambda m: m.name != owner_name and self._agrees(m.name, sex) and not self._agrees(m.name, owner_sex)
                           if sex != owner_sex else m.name != owner_name and self._agrees(m.name, sex))
        if m is None or m.name == owner_name or not self._agrees(m.name, sex):
            return None
        start, end = tok.left_edge.idx, tok.idx + len(tok)
        return Resolution(m.name, "person", "relation", 0.6, self.ctx.text[start:end], start, end)

    def resolve(self, tok: Token) -> Resolution:
        """Who the mention whose head is ``tok`` refers to."""
        # (before the names read off the entities: the model reads "the Conservative" as a body)
        if tok.tag_ == "NNP" and tok.lower_ in PARTY_MEMBER_WORDS and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                and not any(c.dep_ in ("relcl", "acl") for c in tok.children):
            # "House Speaker Paul Ryan says ... Obama ... . The Wisconsin Republican says ...": one member of a
            # party, named with "the" and not described anew, is read as "he" is: the one who spoke last
            res = self._resolve_pronoun(tok)
            if res.name is not None and res.kind == "person":
                return Resolution(res.name, "person", "party_member", min(res.confidence, 0.6), tok.text, tok.idx, tok.idx + len(tok))
        if tok.i in self.resolved:
            return self.resolved[tok.i]
        low = tok.lower_
        if low in FIRST_PERSON:
            return Resolution(None, "unknown", "first_person", 0.2, tok.text, tok.idx, tok.idx + len(tok))
        if low in PERSON_PRONOUNS or low in PLURAL_PRONOUNS:
            return self._resolve_pronoun(tok)
        if low == "it" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in FINDING_VERBS:
            # "It also found that ...": the study or report the text spoke of last finds, for its issuer
            work = self._last_work(tok)
            body = self._body_of(work) if work is not None else None
            if body is not None:
                return Resolution(body.name, body.kind, "pronoun_it+" + body.rule, min(body.confidence, 0.6), tok.text, tok.idx, tok.idx + len(tok))
        if low == "it" and tok.dep_ in ("nsubj", "nsubjpass"):
            # '“...,” it said': a body that spoke just before (a company, a ministry), never a person; the
            # body that is the subject of the sentence before comes first ("Autostrade, part of the group
            # Atlantia, operated the motorway. It has said ...", after "Rome criticised it" a paragraph up)
            m = self._lookback(tok.idx, {"org"}, 1, prefer=lambda m: m.salient and not m.speaker) \
                or self._lookback(tok.idx, {"org"}, PRONOUN_WINDOW, prefer=lambda m: m.speaker) \
                or self._lookback(tok.idx, {"org"}, 1)
            if m is not None:
                return Resolution(m.name, "org", "pronoun_it", 0.6, tok.text, tok.idx, tok.idx + len(tok))
        if tok.ent_type_ == "NORP" and tok.dep_ == "nsubj" and tok.text[:1].isupper() and not any(c.dep_ == "det" for c in tok.children):
            # "American, with 25 of the jets, said": a people's adjective standing alone as the subject is
            # a body the text named with it first ("American Airlines")
            m = self._lookback(tok.idx, {"org"}, ROLE_WINDOW, prefer=lambda m: m.name.split()[0] == tok.text)
            if m is not None and m.name.split()[0] == tok.text and len(m.name.split()) >= 2:
                return Resolution(m.name, "org", "org_first_word", 0.6, tok.text, tok.idx, tok.idx + len(tok))
        titled = self._titled_apposition(tok)
        if titled is not None:
            return titled
        if tok.ent_type_ == "NORP" and tok.tag_ == "NNP":
            dets = [c for c in tok.children if c.dep_ in ("det", "nummod") and c.i < tok.i]
            if dets and dets[0].lower_ in ("a", "an", "one", "another"):
                # "said a New Hampshire Republican", "one Syrian told reporters": one unnamed member of a party
                # or people, whose description is all there is
                return self._unnamed_source(tok, dets[0], tok.idx + len(tok))
        named = self.name_of(tok)
        if named is not None and named[1] == "person":
            name, kind, start, end = named
            return Resolution(name, kind, "cue_subject", 0.95, self.ctx.text[start:end], start, end)
        if tok.lemma_.lower() in ORG_NOUNS | DOCUMENT_NOUNS and any(c.dep_ in ("poss", "prep") or (c.dep_ == "acl" and any(
                g.dep_ == "agent" for g in c.children)) for c in tok.children):
            # "Prime Minister Abiy Ahmed's office tweeted": the office speaks, not the person it names
            body = self._body_of(tok)
            if body is not None:
                return body
        if tok.lemma_.lower() in KIN_NOUNS:
            kin = self._kin_of(tok)
            if kin is not None:
                return kin
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
        # a name in apposition first ("US aerospace giant Boeing" is Boeing); a place or nationality
        # compounded onto a common noun only qualifies it ("the Paris fire chief" is no place)
        children = sorted(tok.children, key=lambda c: c.dep_ != "appos")
        for child in children:
            if child.dep_ == "compound" and (child.ent_type_ in ("GPE", "NORP", "LOC") or _one_word_qualifier(tok, child)):
                continue
            if child.dep_ in ("appos", "compound") and (child.ent_type_ or child.pos_ == "PROPN"):
                named = self.name_of(child)
                if named is not None:
                    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
                    return Resolution(named[0], named[1], "appos", 0.9, self.ctx.text[start:end], start, end)
        relation = self._relation_of(tok)
        if relation is not None:
            return relation
        if is_age_phrase(tok):
            # "the 31-year-old wrote": an age stands for the person the text just described
            # first in this or the previous sentence, even as an object ("Lyon have signed the striker
            # Thiago Mendes. The 24-year-old said"), then a subject or speaker further back
            m = self._lookback(tok.idx, {"person"}, 1) \
                or self._lookback(tok.idx, {"person"}, PRONOUN_WINDOW, prefer=lambda m: m.salient)
            start = tok.left_edge.idx if tok.left_edge.i < tok.i else self.doc[max(0, tok.i - 4)].idx
            if m is not None:
                return Resolution(m.name, "person", "role_age", 0.7, self.ctx.text[start : tok.idx + len(tok)], start, tok.idx + len(tok))
        if _common(tok):
            role = self._resolve_role(tok)
            if role is not None:
                return role
            dets = [c for c in tok.children if c.dep_ in ("det", "nummod")]
            if (tok.lower_ in ROLE_NOUNS | SOURCE_NOUNS or tok.lemma_ in ROLE_NOUNS | SOURCE_NOUNS) and dets and dets[0].lower_ in ("a", "an", "one"):
                # an unnamed source ("a senior European diplomat"): the description is all we have
                body = self._mouthpiece_for(tok)
                if body is not None:
                    return body
                if tok.lemma_.lower() in INTRODUCED_ROLES and not ANONYMOUS.search(tok.sent.text) \
                        and (named := self._introduced_next(tok, formal=True)) is not None:
                    # "..., a defence ministry spokesman said. Colonel Turki al-Malki said ...": the one named next
                    return Resolution(named, "person", "role_next", 0.6, self.ctx.text[dets[0].idx : tok.idx + len(tok)],
                                      dets[0].idx, tok.idx + len(tok))
                end = tok.idx + len(tok)
                for prep in tok.rights:  # "a senior official in Washington"
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "from", "of"):
                        objs = [o for o in prep.children if o.dep_ == "pobj" and (o.ent_type_ in ("ORG", "GPE", "NORP") or _proper(o))]
                        if objs:
                            end = objs[0].right_edge.idx + len(objs[0].right_edge)
                        break
                return self._unnamed_source(tok, dets[0], end)
            if tok.tag_ in ("NNS", "NNPS"):
                name, start, end = self._group_phrase(tok)
                return Resolution(name, "group", "group", 0.6, self.ctx.text[start:end], start, end)
        if self._mistagged_name(tok):
            # '“...,” Hannity said': a capitalised word the model read as a common noun, with no article,
            # that the text never writes in small letters, is a name
            name = self.expand(tok.text)
            return Resolution(name, "person", "cue_subject", 0.6, tok.text, tok.idx, tok.idx + len(tok))
        start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        return Resolution(None, "unknown", "unresolved", 0.2, self.ctx.text[start:end], start, end)

    def _mistagged_name(self, tok: Token) -> bool:
        text = tok.text
        if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or len(text) < 3 or not (text[0].isupper() and text[1:].islower()):
            return False
        low = tok.lower_
        if low in ROLE_NOUNS | SOURCE_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS | KIN_NOUNS or any(c.dep_ in ("det", "poss") for c in tok.children):
            return False
        return low not in self._words_in_small_letters

    def _unnamed_source(self, tok: Token, det: Token, end: int) -> Resolution:
        """An unnamed source described by the noun ``tok``, its qualifiers before it and the text up to
        ``end`` ("a senior European diplomat in Brussels"): the description, without its article
        ``det``, is the name (rule ``unnamed_source``)."""
        words = [t for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod")]
        start = min([tok.idx] + [w.left_edge.idx for w in words])
        return Resolution(" ".join(self.ctx.text[start:end].split()), "person", "unnamed_source", 0.5,
                          self.ctx.text[det.idx : end], det.idx, end)

    @functools.cached_property
    def _words_in_small_letters(self) -> frozenset[str]:
        """The article's words written in small letters, read once (a misread name is never among them)."""
        return frozenset(t.text for t in self.doc if t.text.islower())

    def _titled_apposition(self, tok: Token) -> Resolution | None:
        """"Russian Parliament Member, Andrei Lugovoy, said": a capitalised title with a person's name in
        apposition after it is that person, not a name of its own."""
        if tok.pos_ != "PROPN" or tok.lower_ not in ROLE_NOUNS:
            return None
        for child in tok.children:
            if child.dep_ == "appos" and child.i > tok.i and child.pos_ == "PROPN":
                person = self.name_of(child)
                if person is not None and person[1] == "person":
                    start, end = tok.left_edge.idx, child.idx + len(child)
                    return Resolution(person[0], "person", "appos", 0.9, self.ctx.text[start:end], start, end)
        return None

    def _last_work(self, tok: Token) -> Token | None:
        """The last study, report or other work of finding out named in the sentences before ``tok``
        (within ``PRONOUN_WINDOW`` sentences)."""
        sent_starts = 0
        for k in range(tok.i - 1, -1, -1):
            prev = self.doc[k]
            if prev.is_sent_start:
                sent_starts += 1
                if sent_starts > PRONOUN_WINDOW:
                    return None
            if prev.pos_ == "NOUN" and prev.lemma_.lower() in _WORK_DOCUMENTS:
                return prev
        return None

    def _mouthpiece_for(self, tok: Token) -> Resolution | None:
        """'A spokeswoman for the agency conceded': one who speaks for a body gives the body's words;
        the body is the one named in the phrase, or, for a common noun ("the agency"), the body of that
        kind the text named last."""
        if tok.lemma_.lower() not in MOUTHPIECE_NOUNS:
            return None
        for prep in tok.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "at"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                start, end = tok.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
                if obj.ent_type_ == "ORG" or obj.pos_ == "PROPN":
                    named = self.name_of(obj)
                    if named is not None and named[1] == "org":
                        return Resolution(named[0], "org", "mouthpiece", 0.7, self.ctx.text[start:end], start, end)
                if obj.pos_ == "NOUN" and any(c.lower_ == "the" for c in obj.children):
                    # "the agency" is the Environment Agency named before, else "the operator" the last body named
                    m = self._lookback(obj.idx, {"org"}, PRONOUN_WINDOW, prefer=lambda m: obj.lemma_.lower() in m.name.lower()) \
                        or self._lookback(obj.idx, {"org"}, PRONOUN_WINDOW)
                    if m is not None:
                        return Resolution(m.name, "org", "mouthpiece", 0.6, self.ctx.text[start:end], start, end)
            break
        return None
