"""Repairs of spaCy's entity spans that would otherwise give a person or a body a wrong name.

The small English model often runs an entity across a boundary a reader sees at once. Three
repairs, each cheap and each named by what it fixes:

* a dateline glued to a name: "LONDON Theresa May" -> "Theresa May" (leading all-capital words);
* the tail of an organisation's name glued to a person: "the Harbour Trust Nadia Farouk" -> ORG
  "Harbour Trust" + PERSON "Nadia Farouk"; "Foreign Affairs John Smith" (after "the Committee on")
  -> PERSON "John Smith";
* a personal name the model missed, next to a title or as the subject of a speech verb ("Senator
  Ana Ruiz", "Tomas Berg told the council"): two or three capitalised words become a PERSON.

The repaired spans replace ``doc.ents``, so the entity table and the speaker resolver see the same
names. Offsets stay those of the text.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

# Words that end the name of a body: what follows them in one entity is another name.
BODY_ENDINGS = {
    "trust", "committee", "affairs", "ministry", "council", "commission", "agency", "department", "office",
    "board", "authority", "foundation", "institute", "bank", "fund", "service", "services", "relations",
    "party", "union", "association", "university", "court", "parliament", "assembly", "senate", "house",
    "police", "army", "news", "times", "post", "press", "herald", "journal", "tribune", "network", "group",
    "company", "corporation", "inc", "ltd", "reuters", "afp", "ap",
}
# Title words in front of a name the model may have missed.
NAME_TITLES = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "senator", "sen.", "rep.", "president", "minister",
    "governor", "mayor", "general", "gen.", "colonel", "judge", "professor", "prof.", "ambassador", "chancellor",
    "premier", "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chief",
}
SPEECH_LEMMAS = {"say", "tell", "add", "note", "explain", "insist", "warn", "claim", "argue", "announce", "write"}


def _titlecase(tok) -> bool:
    return tok.text[:1].isupper() and tok.text[1:].islower() and tok.text.isalpha()


def _caps_word(tok) -> bool:
    return tok.text.isalpha() and tok.text.isupper() and len(tok.text) >= 3


def _person_tail(doc: Doc, start: int, end: int) -> int | None:
    """Token index where a 2-3 word personal name ends the span [start, end), after a body word."""
    for k in range(end - 3, start - 1, -1):
        tail = doc[k + 1 : end]
        if doc[k].lower_ in BODY_ENDINGS and 2 <= len(tail) <= 3 and all(_titlecase(t) and t.lower_ not in BODY_ENDINGS for t in tail):
            return k + 1
    return None


def repair_entities(doc: Doc) -> Doc:
    """Repair ``doc.ents`` in place (see the module docstring) and return the doc."""
    from .speakers.lexicon import looks_like_named_person  # the speakers package imports this module

    if not doc.has_annotation("ENT_IOB"):
        return doc
    spans: list[Span] = []
    changed = False
    for ent in doc.ents:
        start, end, label = ent.start, ent.end, ent.label_
        if label in ("PERSON", "ORG"):
            lead = start
            while lead < end - 1 and _caps_word(doc[lead]) and all(_titlecase(t) for t in doc[lead + 1 : end]):
                lead += 1
            if lead != start and end - lead >= 2:
                start, label, changed = lead, "PERSON", True
        if label in ("PERSON", "ORG") and end - start >= 3:
            cut = _person_tail(doc, start, end)
            if cut is not None:
                head_start = start + (1 if doc[start].lower_ == "the" else 0)
                if label == "ORG" and cut - head_start >= 1:
                    spans.append(Span(doc, head_start, cut, label="ORG"))
                start, label, changed = cut, "PERSON", True
        spans.append(Span(doc, start, end, label=label) if (start, end, label) != (ent.start, ent.end, ent.label_) else ent)
    taken = {i for s in spans for i in range(s.start, s.end)}
    for i, tok in enumerate(doc):
        if i in taken or not _titlecase(tok) or tok.pos_ != "PROPN":
            continue
        j = i
        while j + 1 < len(doc) and j + 1 - i < 3 and j + 1 not in taken and _titlecase(doc[j + 1]) and doc[j + 1].pos_ == "PROPN":
            j += 1
        # a run that starts after another proper noun is part of a longer name, unless that word is a
        # dateline in capitals ("LONDON Theresa May said")
        if j == i or i > 0 and doc[i - 1].pos_ == "PROPN" and (i - 1) not in taken and not _caps_word(doc[i - 1]):
            continue
        run = doc[i : j + 1]
        if any(t.lower_ in BODY_ENDINGS for t in run):
            continue
        titled = i > 0 and doc[i - 1].lower_ in NAME_TITLES
        speaking = run.root.dep_ in ("nsubj", "nsubjpass") and run.root.head.lemma_ in SPEECH_LEMMAS
        # "Enrique Peña Nieto signed": a known first name opening a run of capitalised words that is
        # the subject of a verb is a person the model missed, whatever the verb
        named = (run.root.dep_ in ("nsubj", "nsubjpass") and len(run) >= 2
                 and looks_like_named_person(" ".join(t.text for t in run)))
        if titled or speaking or named:
            spans.append(Span(doc, i, j + 1, label="PERSON"))
            taken.update(range(i, j + 1))
            changed = True
    if changed:
        doc.ents = sorted(spans, key=lambda s: s.start)
    return doc
