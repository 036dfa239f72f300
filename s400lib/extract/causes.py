"""What a claim says killed someone: the cause of a death, as a source tells it.

A death's cause is disputed as often as its author: one side says a nerve agent killed the man, the other
that he died of a heart attack. The two claims share the dead man and little else, so the pairwise rules
cannot relate them; what relates them is the death and its two causes.

A claim gives a cause when its parse says

- someone *died of* or *from* something ("he died of a heart attack");
- something that is no person or body *killed* someone ("a heart attack may have killed the North Korean
  national", "the nerve agent killed Kim");
- someone *was killed*, *assassinated*, *poisoned* or *murdered* *with* something ("was killed with the
  super toxic nerve agent VX"), or when something was done to them ("was killed when VX was smeared on his
  face");
- something *was used to kill* someone.

The value is ``'<victim>|<cause>'``: the victim as written (its proper names, else its head noun or
pronoun) and the cause as its head lemma after the nouns that qualify it ("nerve agent VX" -> 'agent nerve vx',
"a heart attack" -> 'attack heart'). A cause told under a negation or a denial ("did not die of ...", "denied
reports the man was assassinated with a nerve agent") is no cause the claim gives. :mod:`s400lib.compare.causes`
sets two causes of one death against each other.
"""

from __future__ import annotations

from .speakers.lexicon import RELATION_NOUNS

# verbs of a death that may take what caused it
_KILLING = {"kill", "assassinate", "poison", "murder", "slay"}
_DYING = {"die"}
# lemmas without which a claim gives no cause (the claim table reads causes only where one stands)
TRIGGERS = frozenset(_KILLING | _DYING | {"killed", "died", "assassinated", "poisoned", "murdered", "used"})
# the labels of a party: "the army killed ..." is an accusation (extract.blame), not a cause
_PARTY_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_PARTY_PRONOUNS = {"he", "she", "they", "we", "i", "who", "it"}
_PERSON_NOUNS = {"man", "woman", "gunman", "attacker", "soldier", "police", "army", "group", "militant", "rebel",
                 "assassin", "women", "men", "people", "suspect", "killer"}


def _negated_or_denied(tok, denial_verbs) -> bool:
    node = tok
    for _ in range(5):
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.head is node:
            return False
        if node.head.lemma_.lower() in denial_verbs and node.dep_ in ("ccomp", "xcomp", "dobj", "acl", "relcl"):
            return True
        if node.head.lemma_.lower() in {"report", "claim", "finding", "allegation", "suggestion"} \
                and node.head.head.lemma_.lower() in denial_verbs:
            return True
        node = node.head
    return False


def _name(tok) -> str:
    """A victim as written: its proper names, else its head."""
    names = [t.text for t in tok.subtree if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"]
    return " ".join(names) if names else tok.lower_


def _cause(tok) -> str:
    """A cause as its head lemma and the nouns and names that qualify it."""
    parts = [t for t in tok.subtree if t.i != tok.i and t.dep_ in ("compound", "amod", "appos") and t.pos_ in ("NOUN", "PROPN")]
    words = [tok.lemma_.lower()] + sorted({t.lemma_.lower() for t in parts} - {tok.lemma_.lower()})
    return " ".join(words)


def _a_party(tok) -> bool:
    # a name qualified by common nouns is a thing, whatever the model labelled it ("nerve agent VX")
    named_thing = any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children)
    return (tok.ent_type_ in _PARTY_LABELS and not named_thing) or tok.lower_ in _PARTY_PRONOUNS \
        or tok.lemma_.lower() in _PERSON_NOUNS or tok.lemma_.lower() in RELATION_NOUNS  # "killed with his brother"


def cause_of(toks, denial_verbs: set[str]) -> str | None:
    """The first cause of a death the tokens of a claim give (see the module docstring), or None."""
    for tok in toks:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or _negated_or_denied(tok, denial_verbs):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if lemma in _DYING:
            # "he died of a heart attack"
            causes = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "from") for o in p.children
                      if o.dep_ == "pobj" and o.pos_ == "NOUN"]
            if subjects and causes:
                return f"{_name(subjects[0])}|{_cause(causes[0])}"
        elif lemma in _KILLING:
            active = [c for c in tok.children if c.dep_ == "nsubj"]
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if active and objects and active[0].pos_ in ("NOUN", "PROPN") and not _a_party(active[0]):
                return f"{_name(objects[0])}|{_cause(active[0])}"  # "a heart attack may have killed the national"
            passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if not passive:
                continue
            means = [o for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ in ("with", "by") for o in p.children
                     if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") and not _a_party(o)]
            # "was killed when VX nerve agent was smeared on his face": what was done to him kills him
            means += [s for c in tok.children if c.dep_ == "advcl" and any(m.lower_ == "when" for m in c.children)
                      for s in c.children if s.dep_ == "nsubjpass" and s.pos_ in ("NOUN", "PROPN") and not _a_party(s)]
            if means:
                return f"{_name(passive[0])}|{_cause(means[0])}"
        elif lemma == "use" and subjects and subjects[0].dep_ == "nsubjpass":
            # "the nerve agent was used to kill him"
            killed = [c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _KILLING]
            if killed and not _a_party(subjects[0]):
                objects = [c for c in killed[0].children if c.dep_ == "dobj"]
                if objects:
                    return f"{_name(objects[0])}|{_cause(subjects[0])}"
    return None
