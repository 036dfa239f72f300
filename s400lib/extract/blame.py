"""Who a claim holds responsible for what: an accusation, or the denial of one.

News of an attack, a poisoning or a killing sets the side that accuses against the side that denies,
often in different articles: "Moscow was behind the attack on the Skripals" in one outlet, "The
Kremlin has denied the involvement of the Russian government in the attack" in another. The two
share few words, so the pairwise rules cannot relate them; what relates them is who is held
responsible (the party) and for what (the event).

A claim **blames** a party for an event when its parse says

- the party was *behind* the event, or *responsible for* it, or *to blame for* it ("is believed to be
  behind", "held Russia responsible for");
- someone *blamed* the party *for* the event, or the event *on* the party, or *accused* the party *of*
  it ("accused Tehran of carrying out the attack");
- the party *claimed responsibility for* the event;
- the party *carried out*, *ordered*, *orchestrated*, *masterminded*, *perpetrated*, *committed* or
  *staged* an event of harm (an attack, a killing, a poisoning ...), actively or in the passive ("the
  killing was ordered by the crown prince");
- the party did an act of harm itself: *set on fire*, *set fire to*, *torched*, *burned*, *bombed*, *shelled*
  something ("the truck was set on fire by the security forces"; the event is the act's noun, 'fire').

A claim **denies** it when such an accusation is negated ("was not behind", "had nothing to do with"),
stands under a verb of denial ("denied that it was behind", "denied carrying out", "rejected accusations
that it ordered"), or when a party's *involvement*, *role* or *responsibility* in the event is denied
("denied any involvement in the attack"; the party is whose involvement it is, else the one who
denies), or when the party is said to have *no connection*, *role* or *link* with an event of harm ("Iran has no
connection with the explosions"), or when the event is said not to have come from a place ("the attack could not have come from
Yemen": the party is the place, which a party of that place's country answers), or when the accusations
against a party are called false, absurd, a provocation ... ("the accusations against Russia are absurd"). A pronoun that stands for the party ("denied that it was involved") is the one who denies,
or the claim's source.

The value is ``'blames|<party>|<event>'`` or ``'denies|<party>|<event>'``: the party as written (its
proper names and the noun they qualify: "Russian government"), the event as its head lemma followed
by the names it holds ("attack Sergei Skripal"); the event is empty when a denial names none ("denied
any involvement") or only "the matter", "the case" .... :mod:`s400lib.compare.culprits` pairs them.
"""

from __future__ import annotations

# the acts a charge names when the party did them; only an event of harm counts ("the ministry
# ordered ten jets" accuses nobody)
_CHARGE_VERBS = {"order", "orchestrate", "mastermind", "perpetrate", "commit", "stage", "sponsor"}
_HARM_EVENTS = {
    "attack", "bombing", "poisoning", "killing", "murder", "assassination", "shooting", "strike", "raid", "hack",
    "hacking", "cyberattack", "abduction", "kidnapping", "disappearance", "death", "downing", "explosion", "blast",
    "sabotage", "massacre", "coup", "assault", "ambush", "invasion", "incursion", "arson", "fire", "crime",
    "atrocity", "execution", "torture", "leak", "interference", "meddling", "plot", "crash", "shelling", "airstrike",
    "campaign", "protest", "riot", "unrest", "violence", "scheme", "act", "incident", "strikes",
}
# a party's share in an event, which a denial denies: "denied any involvement in the attack"
_SHARE_NOUNS = {"involvement", "responsibility", "role", "part", "hand", "complicity", "participation", "link", "links",
                "connection", "connections", "tie", "ties"}
# words for the event that stand for whatever the text was about: a denial "in the matter" names no event of its own
_VAGUE_EVENTS = {"matter", "affair", "case", "issue", "situation"}
# nouns that name an accusation: what a denial verb rejects when it rejects one of these ("rejected
# accusations that it ordered the killing")
_CHARGE_NOUNS = {"accusation", "allegation", "claim", "charge", "suggestion", "report", "assertion", "insinuation"}
# what a denial is made in, never the event denied
_STATEMENT_NOUNS = {"statement", "interview", "conference", "communique", "communiqué", "tweet", "post", "letter", "speech",
                    "briefing", "release", "message", "video"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our", "my"}


def _inflections(verbs) -> frozenset:
    return frozenset(f for v in verbs for f in (v, v + "s", v + "d" if v.endswith("e") else v + "ed", (v[:-1] if v.endswith("e") else v) + "ing"))


# the small model's lemmatizer misreads some of these ("staged" -> 'stag'): the written form counts too
_CHARGE_FORMS = _inflections(_CHARGE_VERBS)
# what an accusation is called when it is dismissed: "the accusations against Russia are absurd",
# "... represented another information campaign based on a provocation"
_DISMISSIVE = {"absurd", "baseless", "groundless", "unfounded", "false", "ridiculous", "nonsense", "lie", "lies",
               "fabrication", "fabricated", "provocation", "campaign", "propaganda", "slander", "smear", "fake",
               "fiction", "invention", "hysteria", "circus", "unacceptable", "untrue", "farce", "insinuation"}
# verbs that tell where an event came from: "the attack could not have come from Yemen" denies that the
# party of that place did it
_ORIGIN_VERBS = {"come", "launch", "fire", "originate", "stage"}
# acts of harm a party is told to have done itself, by the event noun each stands for: "the truck was set on fire by
# the security forces", "troops torched the village", "the embassy was bombed by the rebels"
_HARM_ACTS = {"torch": "fire", "burn": "fire", "bomb": "bombing", "shell": "shelling", "firebomb": "fire"}
# ... and their past forms as written, for a lemma the small model misreads ("torched", "burnt")
_HARM_FORMS = {form: event for verb, event in _HARM_ACTS.items() for form in (verb, verb + "ed")} | {"burnt": "fire"}
# "set on fire", "set fire to": the verb "set" with "fire" as its object or after "on"
_FIRE_WORDS = {"fire", "alight", "ablaze"}
# lemmas and words without which a claim can neither accuse nor deny (the claim table reads blame only where one stands)
# (besides the verbs of denial, which the caller knows)
TRIGGERS = frozenset({"behind", "responsible", "blame", "accuse", "carry", "nothing", "claim", "involve", "involved", "use",
                      "connection", "connections", "link", "links", "tie", "ties", "role", "part", "involvement"}
                     | _CHARGE_VERBS | _CHARGE_FORMS | _ORIGIN_VERBS | {"launched", "fired", "came", "originated"}
                     | _CHARGE_NOUNS | {n + "s" for n in _CHARGE_NOUNS} | set(_HARM_FORMS) | {"set"})


def _negated(tok) -> bool:
    """A negation on the verb, or a subject that is nobody ("No group has claimed ...")."""
    return any(c.dep_ == "neg" or c.lower_ in ("never", "nothing") for c in tok.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none") or any(d.lower_ == "no" and d.dep_ == "det" for d in c.children))
        for c in tok.children)


def _party(tok, source: str | None, denier) -> str | None:
    """The party a token names: its proper names and adjectives of nationality with the noun they
    qualify ("the Russian government" -> 'Russian government'); a pronoun is the one who denies, else
    the claim's source."""
    if tok.lower_ in _PRONOUNS:
        if denier is not None:
            subjects = [c for c in denier.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _PRONOUNS]
            if subjects:
                return _party(subjects[0], source, None)
            return _bare(source) if isinstance(source, str) and source.lower() not in _PRONOUNS else None
        if tok.lower_ in _FIRST_PERSON:  # "we carried out the strike": the one who says it
            return _bare(source) if isinstance(source, str) and source.lower() not in _PRONOUNS else None
        # "Iran holds that the Houthi rebels are responsible, with Rouhani saying they carried out the
        # strike": the subject before it in the sentence that agrees in number, never the speaker
        antecedent = _antecedent(tok, source)
        return _party(antecedent, None, None) if antecedent is not None else None
    if tok.pos_ not in ("PROPN", "NOUN") and tok.ent_type_ not in ("NORP", "GPE", "ORG"):
        return None
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() == "call"):
        # "a group calling itself the Ash Brigade": the name it gives itself
        named = [c for c in acl.children if c.dep_ in ("oprd", "attr", "dobj", "xcomp", "ccomp") and c.pos_ == "PROPN"]
        if named:
            return _party(named[-1], source, denier)
    # the head and the words that name it before it ("the Russian government", "the crown prince"),
    # never a clause or a phrase hanging on it
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "amod", "poss") and t.head.i >= t.i
             and (t.pos_ in ("PROPN", "NOUN") or t.ent_type_ in ("NORP", "GPE", "ORG"))] + [tok]
    named = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ in ("GPE", "ORG", "NORP")), None)
    if named is not None and named.end > tok.i + 1:
        # ... and the rest of the name it heads: "the Islamic Republic of Iran", not "Islamic Republic"
        return " ".join(t.text for t in named if t.lower_ != "the")
    return " ".join(t.text for t in words)


_FIRST_PERSON = {"we", "i", "our", "my"}


def _bare(source: str) -> str:
    """A source as a party: without a leading article ("the Ash Brigade" -> 'Ash Brigade')."""
    words = source.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in ("the", "a", "an") else source


def _antecedent(pronoun, source: str | None):
    """The nearest subject before a third-person pronoun in its sentence that agrees with it in number
    and is not the claim's source, or None."""
    plural = pronoun.lower_ in ("they", "their")
    said_by = set((source or "").lower().split())
    for t in reversed(list(pronoun.sent[: pronoun.i - pronoun.sent.start])):
        if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ not in ("NOUN", "PROPN") or t.lower_ in said_by:
            continue
        if (t.tag_ in ("NNS", "NNPS")) == plural:
            return t
    return None


def _event(tok, party=None) -> str:
    """An event as its head lemma and the names it holds ("the attack on Sergei Skripal" -> 'attack Sergei
    Skripal'), leaving out the party when the parse hangs it on the event ("blamed the attack on Iran")."""
    if tok.lemma_.lower() in _VAGUE_EVENTS and not any(t.pos_ == "PROPN" for t in tok.subtree):
        return ""  # "denied involvement in the matter": whatever the text was about, as a denial naming no event
    left_out = {t.i for t in party.subtree} if party is not None else set()
    names = [t.text for t in tok.subtree if t.pos_ == "PROPN" and t.i != tok.i and t.i not in left_out]
    # the nouns that say what kind of event it is ("chemical weapons attacks"), compared as its names are
    kinds = [t.lemma_.lower() for t in tok.children if t.dep_ == "compound" and t.pos_ == "NOUN"]
    return " ".join([tok.lemma_.lower()] + kinds + names)


def _objects(tok, preps: tuple[str, ...], deps=("pobj",)) -> list:
    return [o for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ in preps for o in p.children if o.dep_ in deps]


def _subject(verb):
    """The subject of a verb, looked for up a chain of raising verbs ("is believed to be behind")."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if verb.dep_ not in ("xcomp", "ccomp", "conj") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _one_of_alternatives(verb) -> bool:
    """Whether a charge is one of alternatives or a condition ("either Russia had ordered the poisoning
    or it had lost control of the agent", "if Iran was behind the attack"): no accusation. An "either"
    a few words before the charge with an "or" after it is read from the words, as the parse of such
    sentences often hangs "either" elsewhere."""
    for node in (verb, verb.head):
        if any(c.lower_ in ("whether", "if") and c.dep_ in ("mark", "advmod") for c in node.children):
            return True
    sent = verb.sent
    either = any(t.lower_ == "either" and 0 < verb.i - t.i <= 6 for t in sent)
    return either and any(t.lower_ == "or" and t.i > verb.i for t in sent)


def _under_denial(tok, denial_verbs: set[str]):
    """The verb of denial whose clause, gerund or rejected accusation holds ``tok`` ("denied that it was
    behind", "denied carrying out", "rejected accusations that it ordered"), or None."""
    node = tok
    for _ in range(6):
        head = node.head
        if head is node:
            return None
        if head.lemma_.lower() in denial_verbs and head.pos_ == "VERB" and node.dep_ in ("ccomp", "xcomp", "dobj", "pcomp", "advcl"):
            return head
        if head.lemma_.lower() in _CHARGE_NOUNS and node.dep_ in ("acl", "ccomp", "prep") and head.head.lemma_.lower() in denial_verbs:
            return head.head
        node = head
    return None


def _accusations(toks):
    """(anchor, party token, event token) of every accusation form in ``toks``, the anchor being the word
    a negation or a denial would stand on."""
    for tok in toks:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "behind" and tok.dep_ == "prep" and tok.head.lemma_.lower() == "be":
            # "was behind the attack"; "an explosion happened behind the court" places, it does not blame
            verb = tok.head
            subject = _subject(verb)
            for event in (o for o in tok.children if o.dep_ == "pobj" and o.lemma_.lower() in _HARM_EVENTS):
                if subject is not None:
                    yield verb, subject, event
        elif lemma == "responsible" and tok.pos_ == "ADJ":
            for event in _objects(tok, ("for",)):
                if tok.dep_ == "amod" and tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() == "hold":
                    yield tok.head.head, tok.head, event  # "hold the cartel responsible for", read as a modifier
                elif tok.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and tok.head.lemma_.lower() == "hold":
                    held = [c for c in tok.head.children if c.dep_ == "dobj"]
                    if held:
                        yield tok.head, held[0], event
                elif (subject := _subject(tok.head if tok.dep_ == "acomp" else tok)) is not None:
                    yield tok.head if tok.dep_ == "acomp" else tok, subject, event
        elif lemma == "claim" and tok.pos_ == "VERB" and not _negated(tok):
            # "the group claimed responsibility for the bombing"; one that "has not claimed" it denies nothing
            subject = _subject(tok)
            for share in (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() == "responsibility"):
                for event in _objects(share, ("for",)) or _objects(tok, ("for",)):
                    if subject is not None:
                        yield tok, subject, event
        elif lemma == "blame" and tok.pos_ == "VERB" and not _negated(tok):
            # "did not directly blame Iran" says nobody accused, not that Iran did nothing
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be":  # "Russia is to blame for the attack"
                subject = _subject(tok.head)
                for event in _objects(tok, ("for",)):
                    if subject is not None:
                        yield tok, subject, event
            for obj in objects:
                # the phrase hangs on the verb or, as the small model often reads it, on its object
                for event in _objects(tok, ("for",)) + _objects(obj, ("for",)):
                    yield tok, obj, event
                for party in _objects(tok, ("on",)) + _objects(obj, ("on",)):
                    yield tok, party, obj
        elif lemma == "accuse" and tok.pos_ == "VERB" and not _negated(tok):
            accused = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            # "of" hangs on the verb or, as the small model often reads it, on the one accused
            for prep in (p for x in [tok, *accused] for p in x.children if p.dep_ == "prep" and p.lower_ == "of"):
                for o in prep.children:
                    events = [o] if o.dep_ == "pobj" else [x for x in o.children if x.dep_ == "dobj"] if o.dep_ == "pcomp" else []
                    for event in events:
                        for party in accused:
                            yield tok, party, event
        elif tok.pos_ == "VERB" and (lemma in _CHARGE_VERBS or tok.lower_ in _CHARGE_FORMS or (lemma == "carry" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children))):
            # "the attack was launched from the north and sponsored by Iran": a joined verb shares the subject
            # (the small model may join it to a preposition of that verb: climb to the verb)
            holders = [tok]
            if tok.dep_ in ("conj", "advcl") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                holders.append(next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok))
            events = [c for h in holders for c in h.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _HARM_EVENTS]
            parties = [c for c in tok.children if c.dep_ == "nsubj"] + _objects(tok, ("by",))
            if not parties and tok.dep_ in ("xcomp", "pcomp", "dobj"):
                parties = [tok]  # "denied carrying out the attack": the party is the one who denies
            for event in events:
                for party in parties[:1]:
                    yield tok, party, event


def _harm_act(tok) -> str | None:
    """The event noun of an act of harm a verb tells ("set on fire", "set fire to", "torched" -> 'fire';
    "bombed" -> 'bombing'), or None."""
    lemma = tok.lemma_.lower()
    if lemma == "set":
        # "on fire" hangs on the verb or, as the small model often reads it, on its object ("set the depot on fire")
        holders = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
        fire = any(c.lower_ in _FIRE_WORDS and c.dep_ in ("dobj", "advmod", "acomp", "oprd") for c in tok.children) or any(
            p.lower_ == "on" and any(o.lower_ in _FIRE_WORDS for o in p.children)
            for h in holders for p in h.children if p.dep_ == "prep")
        return "fire" if fire else None
    return _HARM_ACTS.get(lemma) or _HARM_FORMS.get(tok.lower_)


def _agent_acts(toks):
    """(verb, party, event) of acts of harm told with who did them: the agent of a passive ("was set on fire by
    the security forces") or the subject of an active verb ("the troops torched the trucks")."""
    for tok in toks:
        if tok.pos_ != "VERB" or _negated(tok) or (event := _harm_act(tok)) is None:
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        # (an active verb must act on something: in "Trucks Loaded With Aid Set On Fire", a headline's passive
        # with its auxiliary left out, the subject is what burned)
        agents = [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"] if passive \
            else [c for c in tok.children if c.dep_ == "nsubj"] if any(c.dep_ == "dobj" for c in tok.children) else []
        for party in agents[:1]:
            if party.pos_ in ("PROPN", "NOUN") or party.ent_type_ in ("NORP", "GPE", "ORG"):
                yield tok, party, event


def blame_of(toks, source: str | None, denial_verbs: set[str]) -> str | None:
    """The first accusation or denial of one in the tokens of a claim (see the module docstring), or None.
    ``source`` stands for a pronoun party when nothing nearer does; ``denial_verbs`` are the lemmas
    of verbs that deny ("deny", "reject", ...)."""
    for anchor, party_tok, event_tok in _accusations(toks):
        if _one_of_alternatives(anchor):
            continue
        denier = _under_denial(anchor, denial_verbs)
        stance = "denies" if _negated(anchor) or denier is not None else "blames"
        if party_tok is anchor:  # a gerund with no subject: the one who denies did it, or not
            party_tok = next((c for c in (denier.children if denier is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if party_tok is None:
                continue
        party = _party(party_tok, source, denier)
        if party:
            return f"{stance}|{party}|{_event(event_tok, party_tok)}"
    for verb, party_tok, event in _agent_acts(toks):
        if _one_of_alternatives(verb):
            continue
        denier = _under_denial(verb, denial_verbs)
        party = _party(party_tok, source, denier)
        if party:
            return f"{'denies' if denier is not None else 'blames'}|{party}|{event}"
    for tok in toks:
        lemma = tok.lemma_.lower()
        if lemma in _CHARGE_NOUNS and tok.dep_ in ("nsubj", "nsubjpass") and not _negated(tok.head):
            # "the accusations against Russia are absurd": the accused party dismissed by what it is called;
            # the event is the one its article charged that party with (compare.culprits)
            accused = _objects(tok, ("against",))
            called = [t for c in tok.head.children if c.dep_ in ("acomp", "attr", "dobj", "oprd") for t in c.subtree]
            if accused and any(t.lemma_.lower() in _DISMISSIVE or t.lower_ in _DISMISSIVE for t in called) \
                    and (party := _party(accused[0], source, None)):
                return f"denies|{party}|"
        if lemma in _ORIGIN_VERBS and tok.pos_ == "VERB" and _negated(tok):
            # "the attack could not have come from Yemen", "the strikes were not launched from Ostria": the
            # place an event is denied to come from stands for the party there (a country, a region)
            events = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _HARM_EVENTS]
            places = [o for o in _objects(tok, ("from",)) if o.ent_type_ in ("GPE", "LOC")]
            if events and places:
                return f"denies|{places[0].text}|{_event(events[0])}"
        if lemma in ("have", "do") and any(c.lower_ == "nothing" and c.dep_ == "dobj" for c in tok.children):
            # "the ministry had nothing to do with the killing"
            nothing = next(c for c in tok.children if c.lower_ == "nothing")
            events = [o for t in nothing.subtree for o in _objects(t, ("with",))]
            subject = _subject(tok)
            # "Ostria said it had nothing to do with ...": the pronoun is the one who says it
            if events and subject is not None and (party := _party(subject, source, tok)):
                return f"denies|{party}|{_event(events[0])}"
        if lemma == "have" and not _negated(tok):
            # "Iran has no connection with the explosions", "the group had no role in the attack": a share in the
            # event that the party is said not to have (the event may hang on the share or on the verb)
            for share in (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _SHARE_NOUNS
                          and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children)):
                subject = _subject(tok)
                tied = [e for e in _objects(share, ("with", "to", "in")) + _objects(tok, ("with", "to", "in"))
                        if e.lemma_.lower() not in _STATEMENT_NOUNS]
                events = [e for e in tied if e.lemma_.lower() in _HARM_EVENTS | _VAGUE_EVENTS]
                if tied and not events:
                    continue  # "the company has no connection to the mayor": a tie to someone, no event denied
                if subject is not None and (party := _party(subject, source, tok)):
                    return f"denies|{party}|{_event(events[0]) if events else ''}"
        if lemma in denial_verbs and tok.pos_ == "VERB" and not _negated(tok):
            denier_subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            for used in (c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "dobj") and c.lemma_.lower() == "use"):
                # "denied using chemical weapons", "denied any use of chemical weapons": the weapon is the event
                weapons = [c for c in used.children if c.dep_ == "dobj"] + _objects(used, ("of",))
                if weapons and denier_subjects and (party := _party(denier_subjects[0], source, tok)):
                    return f"denies|{party}|{_event(weapons[0])}"
            for involved in (c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() == "involve"):
                # "Tehran has denied being involved (in the attack)", "denied it was involved"
                who = [c for c in involved.children if c.dep_ in ("nsubj", "nsubjpass")] or denier_subjects
                if who and (party := _party(who[0], source, tok)):
                    events = _objects(involved, ("in",))
                    return f"denies|{party}|{_event(events[0]) if events else ''}"
            for share in (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _SHARE_NOUNS):
                whose = [c for c in share.children if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"))]
                whose += _objects(share, ("of",))
                party_tok = whose[0] if whose else (denier_subjects[0] if denier_subjects else None)
                if party_tok is None:
                    continue
                party = _party(party_tok, source, tok)
                # "denied any involvement in a statement": where the denial was made is no event
                events = [e for e in _objects(share, ("in", "for", "with")) or _objects(tok, ("in", "for"))
                          if e.lemma_.lower() not in _STATEMENT_NOUNS]
                if party:
                    return f"denies|{party}|{_event(events[0]) if events else ''}"
    return None
