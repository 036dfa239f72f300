"""Media, organisations and documents as speakers.

``role_medium``
    "the publication", "the newspaper": the latest organisation that was a speaker.
``role_org``
    "the bank", "the ministry": the latest organisation.
``office+...``, ``org_phrase``
    "his office", "the prime minister's office": the office of the person the owner refers to, or
    the phrase itself when no such person is named.
``document+...``
    "a statement from the ministry", "the company's report": whoever issued the document.
``org_last_word``
    "the front" after "the Civil Human Rights Front": a body named before, called by its name's last word.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import (
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    FINDING_NOUNS,
    MEDIA_NOUNS,
    ORG_NOUN_HINTS,
    ORG_NOUNS,
    PRONOUN_SEX,
    PRONOUN_WINDOW,
    ROLE_NOUNS,
    ROLE_WINDOW,
    clean_name,
    other_kind_of_body,
    same_kind_of_body,
)
from .mentions import Resolution, subjects_of

# modifiers that pick out no particular body ("the same ministry", "the other company")
_NOT_QUALIFIERS = {"same", "other", "latter", "former", "aforementioned", "said", "whole", "entire"}
# modifiers that make an "agency" or a "service" a news medium ("the news agency said")
_MEDIA_QUALIFIERS = {"news", "wire", "press"}
# bodies that are one of a kind in a country's news and name themselves when no earlier body fits
_SELF_NAMING_BODIES = {"government", "police", "army", "military", "kremlin", "pentagon", "cabinet", "parliament",
                       "navy", "coastguard"}
# verbs of bringing out a document: its agent is who speaks through it ("published by the institute")
# or of carrying out a study ("a survey carried out by the centre", "the audit, conducted by KPMG"); a body
# that asked for it ("requested by the mayor", "commissioned by the government") did not write it
_ISSUING_VERBS = {"publish", "release", "issue", "write", "prepare", "compile", "produce", "draft", "author", "unveil", "present",
                  "conduct", "carry", "undertake", "perform", "lead",
                  # how a letter, an email or an advertisement goes out: "a letter signed by the mayor", "an email
                  # sent out by the campaign", "an ad paid for by the party"
                  "sign", "send", "post", "circulate", "distribute", "tweet", "run", "pay", "air"}
# ... and "the study": an article that reports a study keeps calling it that, a page or more after it named
# its author; the nearest earlier mention still wins
WORK_REACH = 400
# how far ahead "according to a new study" looks for the sentence that names the study's author
ISSUER_AHEAD = 40
# how far back "the letter" looks for the letter it points to: about the paragraph and the one before
ISSUER_REACH = 120
# groups that speak for someone only as someone's: "his campaign said", "her team said"
_OWNED_BODIES = {"campaign", "team", "camp", "entourage"}


def _definite(tok: Token) -> bool:
    """"the study", "this report": a noun that points to one the reader has met (the parser may hang the
    article on a word it wrongly reads as the head noun: "The new study bumps")."""
    phrase = [tok, tok.head] if tok.dep_ == "compound" else [tok]
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for t in phrase for c in t.children)


def _indefinite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _same_kind_of_document(tok: Token) -> frozenset[str]:
    """The nouns a mention of a document may be named again by: any work of finding out for a study or a
    report ("a review ... the report"), else the noun itself ("the letter")."""
    lemma = tok.lemma_.lower()
    return FINDING_NOUNS if lemma in FINDING_NOUNS else frozenset({lemma})


def _named_owners(tok: Token) -> list[Token]:
    """Whose a document is, by a possessive other than "its" ("his letter", "the ministry's report")."""
    return [c for c in tok.children if c.dep_ == "poss" and c.lower_ != "its"]


def _as_name(phrase: str) -> str:
    """A phrase that names a body, shown as a name: "regional disaster agency" -> "Regional disaster agency"."""
    return phrase[:1].upper() + phrase[1:]


class MediaMixin:
    """The media and organisation part of :class:`~s400lib.extract.speakers.resolver.SpeakerResolver`."""

    @staticmethod
    def _issuers_in(tok: Token) -> list[Token]:
        """Who the document noun ``tok`` names as its issuer within its own phrase: "a statement from the
        ministry", "a report by the commission", "the report, published by the institute", "a survey carried
        out by the centre"; an "of" names one only when it is a name ("an analysis of its own traffic
        statistics" is about them, not by them)."""
        issued = [agent for acl in tok.children if acl.dep_ == "acl" and acl.lemma_.lower() in _ISSUING_VERBS
                  for agent in acl.children if agent.dep_ == "agent"]
        return [obj for prep in list(tok.children) + issued
                if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by", "of")
                for obj in prep.children
                if obj.dep_ == "pobj" and (prep.lower_ != "of" or obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "PERSON", "GPE"))]

    def _earlier_issuer(self, tok: Token) -> Token | None:
        """Who issued the document "the letter" points back to, from the last mention of that noun in the
        ``ISSUER_REACH`` words before (``WORK_REACH`` for a study or a report): its owner ("his letter"), the subject of the clause on it ("a letter he
        submitted"), the subject of the verb that issued it or that it was said in ("X wrote a letter", "X
        had in a letter ... said"), or the issuer its phrase names ("a report from the institute"). Works of
        finding out point back to one another ("a review by the ministry ... the report said"), and a mention
        that names no issuer but is itself definite ("the new study") points further back, from itself.
        Nothing when the mention found is an indefinite one that names no issuer: an older one is not looked for."""
        family = _same_kind_of_document(tok)
        reach = WORK_REACH if tok.lemma_.lower() in FINDING_NOUNS else ISSUER_REACH
        floor = max(0, tok.i - reach)
        k = tok.i - 1
        while k >= floor:
            prev = self.doc[k]
            k -= 1
            if prev.lemma_.lower() not in family or prev.pos_ != "NOUN":
                continue
            owners = _named_owners(prev)
            if owners:
                return owners[0]
            relcl = [s for c in prev.children if c.dep_ in ("relcl", "acl") for s in c.children if s.dep_ == "nsubj"]
            if relcl:
                return relcl[0]
            named = self._issuers_in(prev)
            if named:
                return named[0]
            head = prev.head
            verb = head.head if prev.dep_ == "pobj" and head.lower_ in ("in", "through", "via") else head if prev.dep_ == "dobj" else None
            if verb is not None and verb.pos_ in ("VERB", "AUX"):
                subjects = subjects_of(verb, ("nsubj",))
                if subjects:
                    return subjects[0]
            if not _definite(prev):
                return None
            floor = max(0, prev.i - reach)
        return None

    def _later_issuer(self, tok: Token) -> Token | None:
        """"Flooding will double, according to a new study. The study, by the University of Reading, ...":
        a study first met without its author is named in the sentence that follows. The first definite
        mention of a work of its kind in the next ``ISSUER_AHEAD`` words gives the issuer its phrase names;
        another indefinite one ("a second study by ...") is another study, and ends the search."""
        family = _same_kind_of_document(tok)
        for nxt in self.doc[tok.i + 1 : tok.i + 1 + ISSUER_AHEAD]:
            if nxt.lemma_.lower() not in family or nxt.pos_ != "NOUN":
                continue
            if not _definite(nxt):
                return None
            named = self._issuers_in(nxt) or _named_owners(nxt)
            return named[0] if named else None
        return None

    def _country_of_adjective(self, tok: Token) -> str | None:
        """'The Saudi statement said', 'a Turkish statement': a document qualified by a people's adjective
        speaks for the country of that people that the article names ("Saudi Arabia", "Turkey"); None
        when the article names no such country."""
        from ..places import owner_key, same_owner

        adjectives = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]
        if not adjectives:
            return None
        key = owner_key(adjectives[0].text)
        for ent in self.doc.ents:
            if ent.label_ == "GPE" and ent.end <= tok.i and same_owner(key, owner_key(ent[0].text)):
                return clean_name(ent.text)
        return None

    def _body_of(self, tok: Token) -> Resolution | None:
        """An organisation or a document speaking for one: 'his office' (the office of the person
        'his' refers to), 'the prime minister's office', 'a statement from the ministry', 'the
        company's statement'. Resolved to the body; the phrase itself when the body has no name."""
        low = tok.lemma_.lower()
        start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        text = self.ctx.text[start:end]
        # a document owned by a body speaks for its owner, whatever its own name ("the Guard's news website,
        # Sepah News": the Guard); any other noun of a body with a name of its own is that body ("Iran's
        # elite Revolutionary Guard force")
        owned_document = low in DOCUMENT_NOUNS and any(c.dep_ == "poss" for c in tok.children)
        for child in [] if owned_document else tok.children:
            if low in EVIDENCE_NOUNS and child.dep_ == "compound":
                continue  # "radar data", "satellite images": the kind of evidence, not who released it
            if (child.dep_ == "appos" and child.i > tok.i or child.dep_ == "compound") \
                    and (child.pos_ == "PROPN" or child.ent_type_ == "ORG") and child.ent_type_ not in ("GPE", "NORP", "LOC"):
                named = self.name_of(child)
                if named and named[1] != "person":
                    return Resolution(named[0], named[1], "appos", 0.9, text, start, end)
        if low in DOCUMENT_NOUNS:
            # 'a statement from the ministry', 'a report by the commission': the body issues it
            for obj in self._issuers_in(tok):
                res = self.resolve(obj)
                if res.name:
                    return Resolution(res.name, res.kind, f"document+{res.rule}", min(res.confidence, 0.8), text, start, end)
            owner = [c for c in tok.children if c.dep_ == "poss"]
            if owner and owner[0].lower_ == "its":
                # 'according to its statement': the body the text spoke of just before
                m = self._lookback(owner[0].idx, {"org"}, PRONOUN_WINDOW, prefer=lambda m: m.salient)
                if m is not None:
                    return Resolution(m.name, "org", "document+pronoun_its", 0.6, text, start, end)
                return None
            if owner:
                res = self.resolve(owner[0])
                if res.name:
                    return Resolution(res.name, res.kind, f"document+{res.rule}", min(res.confidence, 0.8), text, start, end)
                return None
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ISSUING_VERBS:
                # "the government released mortality data that showed ...": who brought it out
                for issuer in subjects_of(tok.head, ("nsubj",)):
                    res = self.resolve(issuer)
                    if res.name:
                        return Resolution(res.name, res.kind, f"document+{res.rule}", min(res.confidence, 0.7), text, start, end)
            country = self._country_of_adjective(tok)
            if country is not None:
                return Resolution(country, "org", "document+nationality", 0.7, text, start, end)
            issuer = self._earlier_issuer(tok) if _definite(tok) else self._later_issuer(tok) if _indefinite(tok) else None
            if issuer is not None:
                res = self.resolve(issuer)
                if res.name:
                    return Resolution(res.name, res.kind, f"document+{res.rule}", min(res.confidence, 0.7), text, start, end)
            return None
        if low not in ORG_NOUNS | _OWNED_BODIES:
            return None
        owner = [c for c in tok.children if c.dep_ == "poss"]
        if not owner and low in _OWNED_BODIES:
            # "the Clinton campaign said": a name before the group is whose it is, as "his campaign" is his
            owner = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"][-1:]
        if not owner:
            return None
        for child in tok.children:
            # "Germanwings' parent company Lufthansa said": the name in apposition is the body
            if child.dep_ == "appos" and child.i > tok.i and (child.pos_ == "PROPN" or child.ent_type_ == "ORG"):
                named = self.name_of(child)
                if named:
                    return Resolution(named[0], named[1], "appos", 0.9, text, start, end)
        domain = owner[0].pos_ == "NOUN" and not owner[0].ent_type_ and owner[0].lemma_.lower() not in ORG_NOUNS | ROLE_NOUNS
        # (a noun before the body narrows it to another: "the country's health ministry"; "governing" does not)
        if domain and not any(c.dep_ == "compound" and c.pos_ == "NOUN" and not c.lower_.endswith("ing") for c in tok.children):
            # "the sport's governing body": the sport is its field, not its owner; the body is one the
            # text named just before ("FIFA had invited the boys ...")
            m = self._lookback(start, {"org"}, 2)
            if m is not None and not other_kind_of_body(low, m.name):
                return Resolution(m.name, "org", "role_org", 0.6, text, start, end)
        res = self._owner(owner[0])
        who = res.name if res.name and res.kind == "person" else None
        if who is None and res.name and res.kind == "org" and (owner[0].pos_ == "PROPN" or owner[0].ent_type_ == "ORG"):
            # "the IRGC's public relations department said": a named body's department speaks for the body
            return Resolution(res.name, "org", f"office+{res.rule}", min(res.confidence, 0.8), text, start, end)
        if who is None:
            # 'the prime minister's office' with no prime minister named: the phrase names the body
            phrase = " ".join(self.ctx.text[min(owner[0].left_edge.idx, tok.left_edge.idx) : tok.idx + len(tok)].split())
            phrase = phrase.split(" ", 1)[1] if phrase.split(" ", 1)[0].lower() in ("the", "a", "an") and " " in phrase else phrase
            if owner[0].lower_ in ("his", "her", "their", "its"):
                return None
            return Resolution(_as_name(phrase), "org", "org_phrase", 0.6, text, start, end)
        return Resolution(f"{who}'s {tok.lower_}", "org", f"office+{res.rule}", min(res.confidence, 0.8), text, start, end)

    def _body_by_last_word(self, tok: Token) -> Resolution | None:
        """'the front' after 'the Civil Human Rights Front', 'the foundation' after 'the Andy Warhol
        Foundation' (rule ``org_last_word``): a body the text named before, called by the last word of
        its name. Only a body's last word: 'the rights' names nothing."""
        words = {tok.lower_, tok.lemma_.lower()}
        m = self._lookback(tok.idx, {"org"}, ROLE_WINDOW, prefer=lambda m: m.name.lower().split()[-1] in words)
        if m is None or m.name.lower().split()[-1] not in words or len(m.name.split()) < 2:
            return None
        start, end = tok.left_edge.idx, tok.idx + len(tok)
        return Resolution(m.name, "org", "org_last_word", 0.6, self.ctx.text[start:end], start, end)

    def _owner(self, tok: Token) -> Resolution:
        """Whose office or family it is: 'his'/'her' is the latest person; any other owner is resolved
        as a mention of its own."""
        if tok.lower_ in ("his", "her"):
            # agreement, as for any pronoun: "her government" is never a man's the text just named
            sex = PRONOUN_SEX[tok.lower_]
            m = self._lookback(tok.idx, {"person"}, PRONOUN_WINDOW, prefer=lambda m: self._agrees(m.name, sex))
            if m is None or not self._agrees(m.name, sex):
                return Resolution(None, "unknown", "pronoun_unresolved", 0.2, tok.text, tok.idx, tok.idx + len(tok))
            return Resolution(m.name, "person", "pronoun", 0.8, tok.text, tok.idx, tok.idx + len(tok))
        return self.resolve(tok)

    def _kin_of(self, tok: Token) -> Resolution | None:
        """'the family of Mia Holt', 'her family', 'Holt's relatives' (rule ``kin+...``): the family
        speaks, not the person it is named after; None when the text does not say whose it is."""
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if owner is None:
            return None
        res = self._owner(owner)
        if not res.name or res.kind != "person":
            return None
        start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        return Resolution(f"{res.name}'s {tok.lower_}", "group", f"kin+{res.rule}", min(res.confidence, 0.8),
                          self.ctx.text[start:end], start, end)

    def _resolve_body_noun(self, tok: Token, low: str, start: int, end: int, text: str) -> Resolution | None:
        """'the bank', 'the ministry' (rule ``role_org``): the latest organisation whose name does not
        say it is another kind of body; 'the finance ministry', 'the regional disaster agency'
        (``org_phrase``): the words before the noun name the body, so it is an earlier body with those
        words in its name, else the phrase itself; 'the publication', 'the newspaper'
        (``role_medium``): the latest organisation that was a speaker."""
        qualifiers = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.lower_ not in _NOT_QUALIFIERS
                      and c.pos_ in ("ADJ", "NOUN", "PROPN")]
        if low in ORG_NOUNS and qualifiers and not {c.lower_ for c in qualifiers} & _MEDIA_QUALIFIERS:
            words = {c.lemma_.lower() for c in qualifiers}
            hint = set(ORG_NOUN_HINTS.get(low, (low,))) | {low}

            def names_it(m) -> bool:
                # the body's name holds the qualifiers and the noun itself: "the finance ministry" is the
                # Ministry of Finance; "the Syrian government" is no Syrian Observatory for Human Rights
                name_words = set(m.name.lower().split())
                return words <= name_words and bool(hint & name_words)

            m = self._lookback(start, {"org"}, PRONOUN_WINDOW, prefer=names_it)
            if m is not None and names_it(m):
                return Resolution(m.name, "org", "role_org", 0.7, text, start, end)
            first = min(c.left_edge.i for c in qualifiers)
            phrase = " ".join(self.ctx.text[self.doc[first].idx : tok.idx + len(tok)].split())
            return Resolution(_as_name(phrase), "org", "org_phrase", 0.6, text, start, end)
        if low in ORG_NOUNS and low not in ROLE_NOUNS | MEDIA_NOUNS:
            # "the airline": the latest body whose name says it is one ("Ethiopian Airlines"), else
            # the latest body whose name does not say it is another kind ("Veltor Group" is no government)
            hint = ORG_NOUN_HINTS.get(low, (low,))
            m = self._lookback(start, {"org"}, PRONOUN_WINDOW, prefer=lambda m: any(h in m.name.lower() for h in hint))
            if m is None or not any(h in m.name.lower() for h in hint):
                m = self._lookback(start, {"org"}, PRONOUN_WINDOW)
                if m is not None and other_kind_of_body(low, m.name):
                    m = None
                if m is not None and low in _SELF_NAMING_BODIES and not same_kind_of_body(low, m.name):
                    m = None  # "the government" is no town or firm the model called an organisation
            if m is None:
                if low in _SELF_NAMING_BODIES:
                    return Resolution(_as_name(low), "org", "org_phrase", 0.5, text, start, end)
                return Resolution(None, "unknown", "role_unresolved", 0.2, text, start, end)
            return Resolution(m.name, "org", "role_org", 0.6, text, start, end)
        if low in MEDIA_NOUNS:
            named = [c for c in qualifiers if c.pos_ == "PROPN" and c.text[:1].isupper() and c.ent_type_ not in ("NORP", "GPE", "LOC")]
            if named:
                # "the pro-opposition Step news agency": the medium named in the phrase, not the last one
                first = min(c.left_edge.i for c in named)
                phrase = " ".join(self.ctx.text[self.doc[first].idx : tok.idx + len(tok)].split())
                return Resolution(_as_name(phrase), "org", "media_phrase", 0.6, text, start, end)
            m = self._lookback(start, {"org"}, ROLE_WINDOW, prefer=lambda m: m.speaker)
            if m is None:
                return Resolution(None, "unknown", "role_unresolved", 0.2, text, start, end)
            return Resolution(m.name, "org", "role_medium", 0.7, text, start, end)
        return None
