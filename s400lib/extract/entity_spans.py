"""Repairs of spaCy's entity spans that would otherwise give a person or a body a wrong name.

The small English model often runs an entity across a boundary a reader sees at once, or misses a
name. The repairs, each cheap and each named by what it fixes:

* a dateline glued to a name: "LONDON Theresa May" -> "Theresa May" (leading all-capital words);
* a first name the model left out of a person's span: "Tarek [Al Nuaimi]" -> "Tarek Al Nuaimi" (an
  untagged capitalised proper noun right before it that is no title, role or calendar word);
* the tail of an organisation's name glued to a person: "the Harbour Trust Nadia Farouk" -> ORG
  "Harbour Trust" + PERSON "Nadia Farouk"; "Foreign Affairs John Smith" (after "the Committee on")
  -> PERSON "John Smith";
* a personal name the model missed, next to a title or as the subject of a speech verb ("Senator
  Ana Ruiz", "Tomas Berg told the council"), or opening with a known first name as the subject or
  object of any verb ("met Ines Roca"): two or three capitalised words become a PERSON;
* a body the model missed or cut where it speaks: an acronym ("TfL warned") or capitalised words joined
  by small words ("Transport for London said") as the subject of a speech verb become one ORG;
* a single capitalised word after a title only a person bears ("Sheikh Tamim") is a PERSON, whatever
  label the model gave it;
* a personal name the model took for a place or a body ("Helen Park" as GPE): a name that opens with a
  known first name becomes a PERSON when the text treats it as a person, with a title before it, a
  person noun in apposition ("Helen Park, the mayor of Easton"; "the mayor, Helen Park") or as the
  subject of a speech verb. "Victoria Park, a green space" and "Alice Springs" alone stay places.

The repaired spans replace ``doc.ents``, so the entity table and the speaker resolver see the same
names. Offsets stay those of the text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..core.countries import is_country_or_capital
from ..core.nlp import FURNITURE_LABELS

# Words that end the name of a body: what follows them in one entity is another name.
BODY_ENDINGS = {
    "trust", "committee", "affairs", "ministry", "council", "commission", "agency", "department", "office",
    "board", "authority", "foundation", "institute", "bank", "fund", "service", "services", "relations",
    "party", "union", "association", "university", "court", "parliament", "assembly", "senate", "house",
    "police", "army", "news", "times", "post", "press", "herald", "journal", "tribune", "network", "group",
    "company", "corporation", "inc", "ltd", "reuters", "afp", "ap",
    "corps", "command", "forces", "brigade", "brigades", "front", "coalition", "alliance", "movement", "federation",
    "society", "league", "organization", "organisation", "bureau", "directorate",
}
# Title words in front of a name the model may have missed.
NAME_TITLES = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "senator", "sen.", "rep.", "president", "minister",
    "governor", "mayor", "general", "gen.", "colonel", "judge", "professor", "prof.", "ambassador", "chancellor",
    "premier", "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chief",
    "sheikh", "prince", "princess", "king", "queen", "emir", "sultan", "sheriff",
}
# months and weekdays, which the model sometimes leaves untagged before a name ("On Monday Lena Berg")
# (written out here: the time tagger's own lists live in a module that imports this one)
_CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
# Feasts: words that name a day of their own, never a person, place or body ("Easter")
_FEASTS = frozenset({"easter", "christmas", "ramadan", "eid", "diwali", "thanksgiving", "passover", "hanukkah",
                     "halloween", "pentecost", "lent", "advent", "ashura", "nowruz", "vesak", "holi"})
# ... and the words a feast's name is made of besides ("Easter Sunday", "Eid al-Fitr"), which alone name none
HOLIDAY_WORDS = _FEASTS | frozenset({"sunday", "day", "eve", "good", "friday", "al-fitr", "al-adha", "new", "year",
                                     "year's", "'s", "’s"})
# labels of names, which a feast's name is misread as
_NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "WORK_OF_ART", "PRODUCT"})
# Nouns that make a body of the adjective before them ("Islamic State", "Popular Front").
BODY_NOUNS = frozenset({"state", "party", "front", "army", "brotherhood", "movement", "jihad", "council", "union",
                        "league", "guard", "congress", "alliance", "church", "airlines", "airways", "railways"})
# Kinds of settlement: "the coastal town of Negombo" names a place whatever label the model gave it.
PLACE_KINDS = frozenset({"town", "city", "village", "district", "province", "region", "port", "island", "capital",
                         "county", "state", "suburb", "neighbourhood", "neighborhood", "municipality", "township"})
# Buildings a body or place is named after: "St Anthony's Church in Colombo" is the church, "in
# Colombo" its place; "St. Anthony's" before "Shrine" is the shrine's name cut short.
BUILDING_NOUNS = frozenset({"church", "shrine", "mosque", "temple", "cathedral", "chapel", "synagogue", "basilica",
                            "hospital", "school", "college", "hotel", "airport", "station", "stadium", "museum",
                            "palace", "prison", "market", "bridge", "tower"})
SPEECH_LEMMAS = {"say", "tell", "add", "note", "explain", "insist", "warn", "claim", "argue", "announce", "write"}
# "25 miles east of Colombo": a distance and a bearing from a name locate a place, and so do they the
# name they are said of ("Pugoda, 25 miles east of Colombo")
DISTANCE_UNITS = frozenset({"mile", "miles", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "metres", "meters"})
BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
                      "north-west", "south-east", "south-west", "northwards", "southwards"})
# prepositions of place before a name: "at Pugoda, the western province town"
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "from", "to"})
# Labels the model gives a personal name by mistake, most often when a surname is also a word of places
# ("Park", "Hill", "Street") or bodies.
MISREAD_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP"}


def _titlecase(tok) -> bool:
    return tok.text[:1].isupper() and tok.text[1:].islower() and tok.text.isalpha()


def _caps_word(tok) -> bool:
    return tok.text.isalpha() and tok.text.isupper() and len(tok.text) >= 3


_SMALL_WORDS = frozenset({"without", "of", "for", "and", "the", "in", "on", "at", "to", "with", "from", "by", "against", "under", "over", "beyond"})


def _person_tail(doc: Doc, start: int, end: int) -> int | None:
    """Token index where a 2-3 word personal name ends the span [start, end), after a body word."""
    for k in range(end - 3, start - 1, -1):
        tail = doc[k + 1 : end]
        # "Doctors Without Borders" is one name: a capitalised small word is no part of a person's name
        if doc[k].lower_ in BODY_ENDINGS and 2 <= len(tail) <= 3 and all(
                _titlecase(t) and t.lower_ not in BODY_ENDINGS and t.lower_ not in _SMALL_WORDS for t in tail):
            return k + 1
    return None


def _person_after_body_name(doc: Doc, start: int, end: int) -> int | None:
    """Token index where a two- or three-word personal name opening with a known first name ends the
    span [start, end), when what comes before it ends a body's name: the span holds "of", "on" or
    "for" before the first name ("Ministry of Defense Igor Konashenkov"), or follows one
    ("government of | Catalonia Carles Puigdemont"). A span opening with a first name is a person's."""
    from .speakers.lexicon import given_name_sex  # the speakers package imports this module

    if given_name_sex(doc[start].text) is not None:
        return None
    joined = start > 0 and doc[start - 1].lower_ in ("of", "on", "for")
    for k in range(start + 1, end - 1):
        if doc[k - 1].lower_ in ("of", "on", "for"):
            joined = True
        if (joined and 2 <= end - k <= 3 and given_name_sex(doc[k].text) is not None
                and all(_titlecase(t) and t.lower_ not in _SMALL_WORDS for t in doc[k:end])
                and _titlecase(doc[k - 1]) and given_name_sex(doc[k - 1].text) is None):
            return k
    return None


def _glued_label(doc: Doc, start: int, cut: int, label: str) -> str:
    """The label of the body's name cut off a person's: a place the article names as one elsewhere
    ("Catalonia"), else a body."""
    words = doc[start:cut].text
    if start > 0 and doc[start - 1].lower_ == "of" and cut - start == 1 \
            and any(e.label_ in ("GPE", "LOC") and e.text == words for e in doc.ents):
        return "GPE"
    return "ORG"


@functools.cache
def _title_words() -> frozenset[str]:
    from .speakers.lexicon import TITLE_WORDS  # the speakers package imports this module

    return frozenset(NAME_TITLES | TITLE_WORDS)


@functools.cache
def _person_nouns() -> frozenset[str]:
    from .speakers.lexicon import HONORIFICS, JOB_TITLES, OCCUPATION_NOUNS, ROLE_NOUNS, SOURCE_NOUNS  # the speakers package imports this module

    return frozenset(OCCUPATION_NOUNS | ROLE_NOUNS | SOURCE_NOUNS | JOB_TITLES | (HONORIFICS - {"vice", "prime", "deputy"}))


_AGE_AFTER = re.compile(r"\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*[,.;]|\(\d{1,3}\))")
_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old(?:\s+[a-z][\w-]*){0,3}\s*,?\s*$")


def _treated_as_person(doc: Doc, start: int, end: int) -> bool:
    """Whether the text treats the name doc[start:end] as a person's: a title right before it, a
    person noun in apposition to it (either way round), or the name as the subject of a speech verb."""
    person_nouns = _person_nouns()
    if start > 0 and doc[start - 1].lower_ in NAME_TITLES:
        return True
    # an age told with the name: "Nadia Farouk, aged 34,", "Farouk (34)", "the 34-year-old striker Nadia Farouk"
    last = doc[end - 1]
    if _AGE_AFTER.match(doc.text, last.idx + len(last)) or _AGE_BEFORE.search(doc.text[max(0, doc[start].idx - 60) : doc[start].idx]):
        return True
    root = doc[start:end].root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_LEMMAS:
        return True
    # the model may hang the apposition on any word of the name when it splits the name's parse
    described = [child for tok in doc[start:end] for child in tok.children if child.dep_ == "appos" and not start <= child.i < end]
    if root.dep_ == "appos":
        described.append(root.head)
    return any(tok.pos_ == "NOUN" and tok.lemma_.lower() in person_nouns for tok in described)


def repair_entities(doc: Doc) -> Doc:
    """Repair ``doc.ents`` in place (see the module docstring) and return the doc."""
    # titles only a person bears ("Sheikh Tamim"): even one word after them is a personal name
    from .speakers.lexicon import COURTESY_TITLES, ROLE_GROUPS, looks_like_named_person  # the speakers package imports this module

    if not doc.has_annotation("ENT_IOB"):
        return doc
    spans: list[Span] = []
    changed = False
    for ent in doc.ents:
        start, end, label = ent.start, ent.end, ent.label_
        start, end, label, moved = _calendar_and_places(doc, start, end, label, spans)
        changed = changed or moved
        if label in ("PERSON", "ORG", "GPE", "NORP") and doc[end - 1].lower_ not in BUILDING_NOUNS:
            # "Chamisa’s MDC Alliance", "ZANU-PF party’s Mnangagwa": an owner and what is his, two names;
            # not a building named after its saint or founder ("St Anthony’s Church" is one name)
            owner_end = next((k for k in range(start + 1, end - 1) if doc[k].lower_ in ("'s", "’s")), None)
            if owner_end is not None:
                owner = doc[start:owner_end]
                owner_label = "ORG" if owner[-1].lower_ in BODY_ENDINGS or owner[-1].lower_ == "party" else "PERSON"
                if all(t.text[:1].isupper() for t in owner if t.is_alpha):
                    spans.append(Span(doc, start, owner_end, label=owner_label))
                start = owner_end + 1
                while start < end - 1 and not doc[start].text[:1].isupper():
                    start += 1  # "Chamisa’s opposition Movement for ...": the name starts at its capital
                if end - start == 1 and _titlecase(doc[start]):
                    label = "PERSON"  # "the party’s Mnangagwa": one name after an owner is a person's
                changed = True
        if label in _NAME_LABELS and start > 0 and doc[start - 1].lower_ in _BUILDING_FIRST and _titlecase(doc[start - 1]):
            # "Masjid | Al Huda" tagged apart: the word for a mosque opens the building's name
            spans = [sp for sp in spans if not sp.start <= start - 1 < sp.end]
            start, label, changed = start - 1, "FAC", True
        # "Movement for Democratic Change (MDC": the bracket opens another name
        bracket = next((k for k in range(start + 1, end) if doc[k].text == "("), None)
        if bracket is not None:
            end, changed = bracket, True
        if label in ("PERSON", "ORG"):
            lead = start
            while lead < end - 1 and _caps_word(doc[lead]) and all(_titlecase(t) for t in doc[lead + 1 : end]):
                lead += 1
            if lead != start and end - lead >= 2:
                start, label, changed = lead, "PERSON", True
        if label == "PERSON" and end - start >= 3 and _titlecase(doc[start]) and doc[start].lower_ in _person_nouns():
            from .speakers.lexicon import given_name_sex  # the speakers package imports this module

            if given_name_sex(doc[start].text) is None:
                start, changed = start + 1, True  # "Defender Jamie Everton": a role before the name, capitalised
        if label == "PERSON":
            # "Tarek Al Nuaimi, a senior adviser": the model tagged "Al Nuaimi" and left the first
            # name out; an untagged capitalised proper noun right before a person's name is part of it
            while (start > 0 and end - start < 4 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_
                   and _titlecase(doc[start - 1]) and "\n" not in doc[start - 1].whitespace_
                   and doc[start - 1].lower_ not in _person_nouns() and doc[start - 1].lower_ not in _title_words()
                   and doc[start - 1].lower_ not in _CALENDAR_WORDS):
                start, changed = start - 1, True
        if label in ("PERSON", "ORG") and end - start >= 3:
            cut = _person_tail(doc, start, end)
            if cut is not None:
                head_start = start + (1 if doc[start].lower_ == "the" else 0)
                if label == "ORG" and cut - head_start >= 1:
                    spans.append(Span(doc, head_start, cut, label="ORG"))
                start, label, changed = cut, "PERSON", True
        if label in ("PERSON", "ORG") and end - start >= 3:
            cut = _person_after_body_name(doc, start, end)
            if cut is not None:
                # "the Ministry of Defense Igor Konashenkov", "the government of Catalonia Carles Puigdemont":
                # the end of a body's name glued to the person who speaks for it
                spans.append(Span(doc, start, cut, label=_glued_label(doc, start, cut, label)))
                start, label, changed = cut, "PERSON", True
        if label in MISREAD_LABELS and end - start == 1 and _titlecase(doc[start]):
            # "an Ariana Grande concert": the model tagged the first name as a place and left the surname
            # out; a known first name and the untagged proper nouns right after it make a person's name
            run_end = end
            while (run_end < len(doc) and run_end - start < 3 and doc[run_end].pos_ == "PROPN" and not doc[run_end].ent_type_
                   and _titlecase(doc[run_end]) and doc[run_end - 1].whitespace_ == " "):
                run_end += 1
            # (not a place's name: "a Paris Metro strike", "Georgia Tech")
            if run_end > end and looks_like_named_person(doc[start:run_end].text) \
                    and not is_country_or_capital(doc[start].text):
                end, label, changed = run_end, "PERSON", True
        # a title inside the span is no part of the name to test ("Sister Grace Obi, a ward nurse")
        named_from = start
        while named_from < end - 2 and doc[named_from].lower_ in _title_words():
            named_from += 1
        if (label in MISREAD_LABELS and looks_like_named_person(doc[named_from:end].text)
                and _treated_as_person(doc, start, end)):
            label, changed = "PERSON", True
        elif (label in MISREAD_LABELS and start > 0 and doc[start - 1].lower_ in ROLE_GROUPS["royal"]
              and all(_titlecase(t) for t in doc[start:end])):
            label, changed = "PERSON", True  # "Sheikh Tamim" read as a people
        elif (label in MISREAD_LABELS and start > 0 and doc[start - 1].lower_ in COURTESY_TITLES
              and all(_titlecase(t) for t in doc[start:end])):
            label, changed = "PERSON", True  # "Mr Rasoul reported": a courtesy title stands before a person only
        if label == "PERSON" and _title_only(doc[start:end]):
            changed = True  # "The Prime Minister said": a title alone is nobody's name
            continue
        spans.append(Span(doc, start, end, label=label) if (start, end, label) != (ent.start, ent.end, ent.label_) else ent)
    from spacy.attrs import POS
    from spacy.symbols import PROPN

    taken = {i for s in spans for i in range(s.start, s.end)}
    # proper nouns only, picked from the array: a Python loop over every token costs more than the rule
    proper_nouns = [i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos == PROPN]
    for i in proper_nouns:
        tok = doc[i]
        if i in taken or not _titlecase(tok):
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
        # "Enrique Peña Nieto signed", "Teo Lind met Ines Roca": a known first name opening a run of
        # capitalised words that is the subject or object of a verb is a person the model missed
        named = (run.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj") and len(run) >= 2
                 and looks_like_named_person(" ".join(t.text for t in run)))
        # "Saud Al Qahtani, a senior adviser, lost his job": a person noun in apposition, or an age
        described = len(run) >= 2 and _treated_as_person(doc, i, j + 1)
        if (titled or speaking or named or described) and not _title_only(run):
            spans.append(Span(doc, i, j + 1, label="PERSON"))
            taken.update(range(i, j + 1))
            changed = True
    spans, found = _title_then_name(doc, spans)
    changed = changed or found
    spans, found = _dateline_places(doc, spans)
    changed = changed or found
    spans, found = _joined_by_particles(doc, spans)
    changed = changed or found
    spans, found = _speaking_bodies(doc, spans)
    changed = changed or found
    spans, found = _untagged_bodies(doc, spans, proper_nouns)
    changed = changed or found
    spans, found = _located_places(doc, spans)
    changed = changed or found
    taken = {i for s in spans for i in range(s.start, s.end)}
    # "The WFP warned": an acronym after "the" names a body ("the IMF", "the FAO"); the small model
    # leaves many untagged
    from .speakers.lexicon import is_acronym  # the speakers package imports this module

    for i in proper_nouns:
        tok = doc[i]
        if i in taken or i == 0 or doc[i - 1].lower_ != "the" or not is_acronym(tok.text):
            continue
        if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
            continue  # "the UN Security Council": part of a longer name
        spans.append(Span(doc, i, i + 1, label="ORG"))
        taken.add(i)
        changed = True
    # "KANU-DP", "MDC-T": an acronym joined by a hyphen to more capitals is one body's name, which the
    # tokenizer splits and the model tags in part or not at all
    for i in proper_nouns:
        k = i + 1
        if (k + 1 >= len(doc) or doc[k].text != "-" or doc[i].whitespace_ or doc[k].whitespace_ or k + 1 in taken
                or not is_acronym(doc[i].text) or not (doc[k + 1].text.isalpha() and doc[k + 1].text.isupper()
                                                       and len(doc[k + 1].text) <= 4)):
            continue
        tagged = [s for s in spans if s.start <= i < s.end]
        if tagged and tagged[0].end != k:
            continue
        start = tagged[0].start if tagged else i
        spans = [s for s in spans if s not in tagged] + [Span(doc, start, k + 2, label="ORG")]
        taken.update(range(start, k + 2))
        changed = True
    # "The Food and Agriculture Organization (FAO) warned": an acronym in brackets right after a body's
    # name is that body, a name the model often leaves untagged; tagged, it ties the two forms together
    for ent in list(spans):
        k = ent.end
        if ent.label_ not in ("ORG", "GPE", "FAC", "NORP") or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
            continue
        short = doc[k + 1]
        # a body's acronym in another language spells other initials ("Main Intelligence Directorate (GRU)")
        translated = ent.label_ == "ORG" and len(ent) >= 2 and _is_acronym_word(short.text)
        if k + 1 in taken or not (_is_bracketed_acronym(short.text, ent.text) or translated):
            continue
        spans.append(Span(doc, k + 1, k + 2, label=ent.label_))
        taken.add(k + 1)
        changed = True
    # a name never takes in the blank line after a headline ("Lyon" of "Striker signs for Lyon\n\n") nor
    # runs on across it into the first words of the story ("Lyon\n\nLyon have signed": two names); nor
    # does a person's name stand as the subject of a plural verb ("Lyon have signed ...": a club, a firm)
    mended = []
    for sp in spans:
        pieces, first = [], sp.start
        for k in range(sp.start, sp.end):
            if doc[k].is_space or "\n" in doc[k].whitespace_:
                pieces.append((first, k + (not doc[k].is_space)))
                first = k + 1
        pieces.append((first, sp.end))
        for start, end in pieces:
            label = sp.label_
            # a space, or the full stop or comma after the name ("gathered at Kensington Town Hall. Crowds ...": the
            # model runs the name over the sentence's end when a capital follows); an abbreviation keeps its stop
            # inside its own token ("Corp.")
            while end > start and (doc[end - 1].is_space or doc[end - 1].text in (".", ",", ";", ":")):
                end -= 1
            while start < end and doc[start].is_space:
                start += 1
            if start == end:
                changed = True
                continue
            if label == "PERSON" and _subject_of_plural_verb(doc[start:end].root):
                label = "ORG"
            if (start, end, label) != (sp.start, sp.end, sp.label_):
                mended.append(Span(doc, start, end, label=label))
                changed = True
            else:
                mended.append(sp)
    # "Autostrade said" beside "Autostrade per l’Italia": one word that opens a body's longer name in the same
    # text is that body, whatever the model made of it
    openers = {sp[0].text for sp in mended if sp.label_ in ("ORG", "FAC") and len(sp) >= 3 and sp[1].lower_ in NAME_PARTICLES}
    if openers:
        for k, sp in enumerate(mended):
            if sp.label_ == "PERSON" and len(sp) == 1 and sp.text in openers:
                mended[k] = Span(doc, sp.start, sp.end, label="ORG")
                changed = True
    mended, relabelled = _one_name_one_kind(doc, mended)
    if changed or relabelled:
        doc.ents = sorted(mended, key=lambda s: s.start)
    return doc


def trim_headline_names(doc: Doc, start: int, end: int) -> None:
    """In a headline written in title case ([start, end) of the text), drop from the end and the start of
    a name the capitalised words that the story writes in lower case and never capitalised inside a
    sentence ("Following EU" is the EU):
    "Mugabe Resigns" ("resign" in the story) is Mugabe, "Boeing Supports Action" is Boeing; "Theresa May
    Resigns" keeps "May", which the story capitalises ("Theresa May said"). A name left with no word goes; one
    with such a word inside is cut there into names ("Pompeo Blames Iran")."""
    body = doc.text[end:]
    if not body or not doc.ents:
        return
    spans, changed = [], False
    for ent in doc.ents:
        if ent.start_char < start or ent.end_char > end or ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
            spans.append(ent)
            continue
        # the runs of the name's words between such words: "Mugabe Resigns" leaves "Mugabe", "Following EU"
        # leaves "EU", "Pompeo Blames Iran" two names with the story's verb between them, each with the label
        # the story gives that name
        runs, run_start = [], ent.start
        for k in range(ent.start, ent.end):
            if _common_in_story(doc[k].text, body):
                if k > run_start:
                    runs.append((run_start, k))
                run_start = k + 1
        if ent.end > run_start:
            runs.append((run_start, ent.end))
        if runs == [(ent.start, ent.end)]:
            spans.append(ent)
            continue
        changed = True
        for r0, r1 in runs:
            name = doc[r0:r1].text
            label = next((e.label_ for e in doc.ents if e.start_char >= end and e.text == name), ent.label_)
            spans.append(Span(doc, r0, r1, label=label))
    if changed:
        doc.ents = spans


# a headline's verb in the present whose story tells it in the past: "Obama Says ..." over "Mr. Obama said"
_IRREGULAR_PAST = {"says": {"said"}, "tells": {"told"}, "sees": {"saw", "seen"}, "wins": {"won"}, "leaves": {"left"},
                   "finds": {"found"}, "gives": {"gave", "given"}, "holds": {"held"}, "meets": {"met"}, "loses": {"lost"},
                   "speaks": {"spoke"}, "sends": {"sent"}, "takes": {"took", "taken"}, "makes": {"made"},
                   "keeps": {"kept"}, "brings": {"brought"}, "seeks": {"sought"}, "thinks": {"thought"}}


def _common_in_story(word: str, body: str) -> bool:
    """A title-case word of a headline that the story writes in lower case ("resign" for "Resigns") and
    never capitalised after a lower-case word or a comma."""
    if not (word.istitle() and word.isalpha() and len(word) >= 3):
        return False
    low = word.lower()
    forms = {low} | ({low[:-1]} if low.endswith("s") else set()) | ({low[:-2]} if low.endswith("es") else set()) \
        | _IRREGULAR_PAST.get(low, set())
    if not any(re.search(rf"\b{re.escape(f)}\w*", body) for f in forms if len(f) >= 3):
        return False
    return not re.search(rf"(?:[a-z,]\s+){re.escape(word)}\b", body)


def _one_name_one_kind(doc: Doc, spans: list[Span]) -> tuple[list[Span], bool]:
    """A one-word name the model calls a person once and a body or a place elsewhere in the same
    article ("Striker signs for Lyon" ... "Lyon is a club with history") is that body or place,
    unless the article gives it as a person's surname ("Paul Lyon") or a title stands before it. Conversely, a
    one-word place that is the surname of a person named in full there, and no country or capital, is that person."""
    # how often each one-word name is called a body and a place
    kinds = Counter((sp.text, sp.label_) for sp in spans if sp.label_ in ("ORG", "GPE") and len(sp) == 1)
    if not kinds:
        return spans, False
    surnames = {sp[-1].text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2}
    out, changed = [], False
    for sp in spans:
        if sp.label_ == "GPE" and len(sp) == 1 and sp.text in surnames and not is_country_or_capital(sp.text):
            # "Iran is lashing out, says Pompeo" over "Mike Pompeo has blamed Iran": a one-word "place" that
            # is the surname of a person the article names in full, and no country or capital, is that person
            sp, changed = Span(doc, sp.start, sp.end, label="PERSON"), True
        if sp.label_ == "PERSON" and len(sp) == 1 and (kinds[(sp.text, "ORG")] or kinds[(sp.text, "GPE")]) \
                and sp.text not in surnames and not (sp.start > 0 and doc[sp.start - 1].lower_.rstrip(".") in NAME_TITLES):
            label = max(("ORG", "GPE"), key=lambda lab: kinds[(sp.text, lab)])
            sp, changed = Span(doc, sp.start, sp.end, label=label), True
        out.append(sp)
    return out, changed


def _subject_of_plural_verb(tok) -> bool:
    """Whether a singular proper noun is the whole subject of a present plural verb: "Lyon have
    signed", "Chelsea are ready" (a body spoken of as its members), never "Smith and Jones have"."""
    if tok.dep_ != "nsubj" or tok.tag_ not in ("NNP", "NN") or any(c.dep_ in ("conj", "cc") for c in tok.children):
        return False
    verb = tok.head
    helpers = [c for c in verb.children if c.dep_ == "aux"]
    finite = helpers[0] if helpers else verb
    return finite.tag_ == "VBP" and finite.lower_ in ("have", "are", "were", "do")


def _calendar_and_places(doc: Doc, start: int, end: int, label: str, spans: list) -> tuple[int, int, str, bool]:
    """Repairs of one entity that turn on the words of a name rather than on its grammar:

    * a figure, and a quantifier before it, are cut off the front of a name ("All 4 Thai Navy");
    * the plural acronym the model left untagged after a body's name ends it ("the Navy SEALs");
    * a feast is an event, not a person or a place ("Easter", "Easter Sunday"), and a feast after a
      place's name is cut off it ("Sri Lanka Easter attacks": the place is "Sri Lanka");
    * a name that ends in a building ("St Mary's Cathedral") is a building, not a person;
    * an adjective of a people before an untagged body noun names the body ("the Islamic State");
    * a name after "the town of", "the coastal city of" ... is a place (GPE);
    * a building's name ends at the building: "St Anthony's Church in Colombo" loses "in Colombo",
      and "St. Anthony's" before an untagged "Shrine" takes it in.

    Returns the new (start, end, label) and whether anything changed; a cut-off feast is added to
    ``spans`` as an EVENT of its own."""
    old = (start, end, label)
    # "All 4 Thai Navy SEALs came out": a figure, and a quantifier before it, are no part of a name
    lead = start
    while lead < end - 1 and doc[lead].lower_ in _QUANTIFIERS and doc[lead + 1].like_num:
        lead += 1
    while lead < end - 1 and doc[lead].like_num:
        lead += 1
    if lead > start and label in _NAME_LABELS and _titlecase(doc[lead]):
        start = lead
    words = [t.lower_ for t in doc[start:end] if t.lower_ != "the"]
    if label in _NAME_LABELS and words and set(words) <= HOLIDAY_WORDS and set(words) & _FEASTS:
        return start, end, "EVENT", True  # a DATE stays a date
    if label in ("GPE", "LOC", "ORG", "PERSON") and end - start >= 2 and doc[end - 1].lower_ in _FEASTS:
        cut = end - 1
        while cut - 1 > start and doc[cut - 1].lower_ in _FEASTS:
            cut -= 1
        spans.append(Span(doc, cut, end, label="EVENT"))
        end = cut
        label = "GPE" if label == "PERSON" else label
    if label == "NORP" and end < len(doc) and not doc[end].ent_type_ and doc[end].lower_ in BODY_NOUNS and _titlecase(doc[end]):
        end, label = end + 1, "ORG"
    if label in ("ORG", "NORP") and end < len(doc) and not doc[end].ent_type_ and _PLURAL_ACRONYM.match(doc[end].text) \
            and doc[end - 1].head.i == end:
        end, label = end + 1, "ORG"  # "the Navy SEALs", "Thai SEALs": the model reads the plural acronym as a common noun
    elif label == "NORP" and end + 1 < len(doc) and doc[end].lower_ in _SERVICES and not doc[end].ent_type_ \
            and not doc[end + 1].ent_type_ and _PLURAL_ACRONYM.match(doc[end + 1].text):
        end, label = end + 2, "ORG"  # "Thai navy SEALs": the service written in lower case between
    if label in ("PERSON", "ORG", "FAC", "NORP", "LOC") and start >= 2 and doc[start - 1].lower_ == "of" \
            and doc[start - 2].lower_ in PLACE_KINDS and doc[start - 2].pos_ == "NOUN":
        label = "GPE"
    if label == "PERSON" and doc[end - 1].lower_ in BUILDING_NOUNS and end - start >= 2:
        label = "FAC"  # "St Mary's Cathedral" read as a person
    if label in ("PERSON", "ORG") and end - start >= 2 and doc[start].lower_ in _BUILDING_FIRST:
        label = "FAC"  # "Masjid Al Noor": a mosque, never a body with a person's name glued to it
    if label == "PERSON" and end < len(doc) and doc[end].lower_ in BUILDING_NOUNS and doc[end - 1].head.i == end:
        label = "FAC"  # "the Ramon Llull school", "the John Radcliffe hospital": named after a person, a building
    if label in ("ORG", "FAC", "GPE", "LOC"):
        inside = [k for k in range(start + 1, end - 1) if doc[k].lower_ == "in" and doc[k - 1].lower_ in BUILDING_NOUNS
                  and _titlecase(doc[k + 1])]
        if inside:
            end, label = inside[0], "FAC" if label in ("GPE", "LOC") else label
        if end < len(doc) and not doc[end].ent_type_ and doc[end].lower_ in BUILDING_NOUNS and _titlecase(doc[end]) \
                and doc[end - 1].tag_ == "POS":
            end += 1
    return start, end, label, (start, end, label) != old


# words for a building that open its name in other languages ("Masjid Al Noor" is the Al Noor Mosque)
_BUILDING_FIRST = frozenset({"masjid", "jami", "mezquita", "iglesia", "eglise", "église", "chiesa", "wat"})

# armed services named in lower case between a people and its unit's acronym ("Thai navy SEALs")
_SERVICES = frozenset({"navy", "army", "police", "marine", "marines", "military"})
# an acronym in the plural ("SEALs", "NGOs"): the model tags it as a common noun
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
# quantifiers the model takes into a name with the figure after them ("All 4 Thai Navy")
_QUANTIFIERS = {"all", "both", "some", "each", "every", "over", "about", "nearly", "almost"}

# small words inside a body's name: "Transport for London", "Friends of the Earth"
_NAME_JOINERS = {"of", "for", "on", "and", "the", "&"}


# small words inside a Romance name of a body or a place ("Autostrade per l’Italia", "Banca Monte dei Paschi di
# Siena", "Banco de España"), which the model takes for the end of a name
NAME_PARTICLES = frozenset({"per", "di", "dei", "degli", "delle", "del", "della", "de", "des", "du", "da", "do", "dos", "das"})
# articles between a particle and the name ("per la Sicilia", "de la Cruz", "de los Andes")
_ROMANCE_ARTICLES = frozenset({"la", "le", "il", "lo", "los", "las", "el", "les", "gli"})
# an elided article glued to a name: "l’Italia", "d’Alba"
_ELIDED = re.compile(r"^[ldLD]['’][A-ZÀ-Ý]")


def _joined_by_particles(doc: Doc, spans: list[Span]) -> tuple[list[Span], bool]:
    """Two pieces of one name the model cut at a small word in lower case: a name, the particle, and a
    capitalised run or a word with an elided article ("Autostrade | per | l’Italia"). The whole is a body
    (ORG) when either piece is one or the particle is "per" or an article is elided; else it keeps the first
    piece's label ("Juan de la Cruz" stays a person)."""
    by_start = {sp.start: sp for sp in spans}
    out, changed = [], False
    used: set[int] = set()
    for sp in sorted(spans, key=lambda sp: sp.start):
        if id(sp) in used:
            continue
        end, label, joined = sp.end, sp.label_, False
        if end - sp.start >= 2 and doc[end - 1].lower_ in NAME_PARTICLES:
            end -= 1  # the model took the particle in and left the rest out: "Autostrade per | l’Italia"
        while end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and end not in by_start:
            if doc[end + 1].lower_ in _ROMANCE_ARTICLES and end + 2 < len(doc) and _titlecase(doc[end + 2]):
                end += 1  # "per la Sicilia", "de la Cruz": the article goes with the name after it
            right = by_start.get(end + 1)
            if right is not None and right.label_ in _NAME_LABELS:
                piece_end, piece_label = right.end, right.label_
                used.add(id(right))
            elif _titlecase(doc[end + 1]) and doc[end + 1].pos_ == "PROPN" or _ELIDED.match(doc[end + 1].text):
                piece_end, piece_label = end + 2, ""
                while piece_end < len(doc) and _titlecase(doc[piece_end]) and doc[piece_end].pos_ == "PROPN" \
                        and piece_end not in by_start:
                    piece_end += 1
            else:
                break
            if "ORG" in (label, piece_label) or doc[end].lower_ == "per" or _ELIDED.match(doc[end + 1].text):
                label = "ORG"
            end, joined = piece_end, True
        start = sp.start
        if not joined and label in ("ORG", "GPE", "LOC", "FAC"):
            # "Aeroporti per la | Sicilia": the model tagged only the name after the particle; the capitalised
            # words before it open the body's name
            k = start - 1
            if k >= 1 and doc[k].lower_ in _ROMANCE_ARTICLES:
                k -= 1
            if k >= 1 and doc[k].lower_ in NAME_PARTICLES and doc[k - 1].pos_ == "PROPN" and _titlecase(doc[k - 1]) \
                    and not doc[k - 1].ent_type_ and "\n" not in doc[k - 1].whitespace_:
                first = k - 1
                while first - 1 >= 0 and doc[first - 1].pos_ == "PROPN" and _titlecase(doc[first - 1]) and not doc[first - 1].ent_type_:
                    first -= 1
                start, label, joined = first, "ORG", True
        if joined and label in _NAME_LABELS:
            out.append(Span(doc, start, end, label=label))
            changed = True
        elif end != sp.end:
            out.append(Span(doc, sp.start, end, label=sp.label_))  # no name after the particle: it ends the span
            changed = True
        else:
            out.append(sp)
    return out, changed


# A dateline in capitals opening a line: one to three words before a comma, a colon, a bracket or a dash
# ("HARARE: ...", "RIYADH, Saudi Arabia - ...", "MAE SAI, Thailand", "LAS VEGAS (Reuters) -")
_CAPS_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})(?=,|:| ?\(| ?[–—-]+ )")


def _dateline_places(doc: Doc, spans: list[Span]) -> tuple[list[Span], bool]:
    """A place the story was filed from, written in capitals at the start of a line, which the small
    model leaves untagged ("HARARE: Zimbabwe President ...") and which names the place the other outlets
    write "Harare": a GPE when something says it is a place, since a line may also open with a name in
    capitals ("TRUMP: ..."): the country's name, another name of a place after the comma ("RIYADH, Saudi
    Arabia"), or the same name written as a place elsewhere in the text."""
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    places = {sp.text.lower() for sp in spans if sp.label_ in ("GPE", "LOC")}
    new = []
    for m in _CAPS_DATELINE.finditer(doc.text):
        name = m.group(1)
        if len(name.replace(".", "").replace(" ", "")) < 3 or name.split()[0].lower().rstrip(":") in _NOT_DATELINES:
            continue
        span = doc.char_span(m.start(1), m.end(1), label="GPE")
        if span is None:
            continue
        # the model may have tagged a part of it ("KUALA | LUMPUR"): a span inside the dateline gives way to it
        inside = [sp for sp in spans if span.start <= sp.start and sp.end <= span.end]
        if any(i in taken for i in range(span.start, span.end)
               if not any(sp.start <= i < sp.end for sp in inside)) or any(sp.label_ == "PERSON" for sp in inside):
            continue
        after = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else None
        located = after is not None and after < len(doc) and doc[after].ent_type_ in ("GPE", "LOC")
        if located or name.lower() in places or is_country_or_capital(name.title()):
            new.append(span)
            taken.update(range(span.start, span.end))
            spans = [sp for sp in spans if sp not in inside]
    if not new:
        return spans, False
    return sorted(spans + new, key=lambda sp: sp.start), True


# words in capitals that open a line as labels, never as the place a story was filed from: the page
# furniture core.nlp keeps out of datelines, and labels of a page's sections
_NOT_DATELINES = frozenset(w.rstrip(":") for w in FURNITURE_LABELS) | {
    "updated", "breaking", "exclusive", "opinion", "analysis", "editorial", "comment", "live", "related", "more",
    "correction", "editor's"}


def _speaking_bodies(doc: Doc, spans: list[Span]) -> tuple[list[Span], bool]:
    """Bodies the model missed or cut short where they speak: the subject of a speech verb that is
    an acronym ("TfL warned") or capitalised words joined by small words ("Transport for London
    said", "Friends of the Earth said") becomes one ORG, replacing the pieces the model tagged
    inside it ("London" as a place)."""
    from .speakers.lexicon import is_acronym  # the speakers package imports this module

    from spacy.attrs import LEMMA

    persons = {i for sp in spans if sp.label_ == "PERSON" for i in range(sp.start, sp.end)}
    new = []
    # the speech verbs picked from the lemma array: a Python loop over every token costs more than the rule
    speech_ids = {doc.vocab.strings.add(lemma) for lemma in SPEECH_LEMMAS}
    for k in [i for i, lemma in enumerate(doc.to_array(LEMMA).tolist()) if lemma in speech_ids]:
        verb = doc[k]
        if verb.pos_ != "VERB":
            continue
        for subj in verb.children:
            if subj.dep_ not in ("nsubj", "nsubjpass") or subj.i in persons or subj.i > verb.i:
                continue
            if is_acronym(subj.text) and not subj.text.isupper() and not subj.ent_type_:
                new.append((subj.i, subj.i + 1))  # "TfL": capitals-only acronyms are left to the rules below
                continue
            if not _titlecase(subj):
                continue
            words = sorted(subj.subtree, key=lambda t: t.i)
            words = [t for t in words if t.i < verb.i and not t.is_punct]
            while words and words[0].lower_ == "the":
                words = words[1:]
            if len(words) < 3 or words[-1].i - words[0].i + 1 != len(words):
                continue
            joined = any(t.lower_ in _NAME_JOINERS for t in words[1:-1])
            if joined and all(_titlecase(t) or t.lower_ in _NAME_JOINERS for t in words) and _titlecase(words[-1]) \
                    and not any(sp.start <= words[0].i and sp.end > words[-1].i for sp in spans):
                new.append((words[0].i, words[-1].i + 1))
    if not new:
        return spans, False
    covered = {i for a, b in new for i in range(a, b)}
    kept = [sp for sp in spans if not any(i in covered for i in range(sp.start, sp.end))]
    kept += [Span(doc, a, b, label="ORG") for a, b in new]
    return sorted(kept, key=lambda sp: sp.start), True


def _title_only(span: Span) -> bool:
    """"Prime Minister", "Foreign Secretary", "the Minister": words of a title and nothing else."""
    from .speakers.lexicon import PORTFOLIO_WORDS, QUALIFIERS  # the speakers package imports this module

    words = [t.lower_ for t in span if not t.is_punct and t.lower_ != "the"]
    return bool(words) and all(w in _title_words() or w in PORTFOLIO_WORDS or w in QUALIFIERS for w in words) \
        and words[-1] in _title_words()


def _title_then_name(doc: Doc, spans: list[Span]) -> tuple[list[Span], bool]:
    """"Clark County Sheriff" and "Joseph Lombardo" tagged as two people: a span that ends in a title,
    right before a person's name, is that person's title, one name with it."""
    spans = sorted(spans, key=lambda sp: sp.start)
    out: list[Span] = []
    merged = False
    for sp in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == "PERSON" and sp.label_ == "PERSON" and prev.end == sp.start
                and prev[-1].lower_ in _title_words() and "\n" not in prev[-1].whitespace_ and prev[-1].whitespace_):
            out[-1] = Span(doc, prev.start, sp.end, label="PERSON")
            merged = True
        else:
            out.append(sp)
    return out, merged


def _untagged_bodies(doc: Doc, spans: list[Span], proper_nouns: list[int]) -> tuple[list[Span], bool]:
    """Bodies the model left untagged anywhere in the text, not only where they speak:

    * two or more capitalised words, small words allowed between them, that end in a word of bodies
      ("The European Central Bank kept rates on hold", "the Ministry of Home Affairs");
    * an acronym that spells the initials of a body the same text names ("ECB" after "European
      Central Bank").
    """
    from .speakers.lexicon import acronym_letters, initials_of, is_acronym  # the speakers package imports this module

    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    new: list[Span] = []
    for i in proper_nouns:
        if i in taken or not _titlecase(doc[i]) or (i > 0 and (doc[i - 1].pos_ == "PROPN" and _titlecase(doc[i - 1]))):
            continue
        j, last = i, None
        while j < len(doc) and j - i < 8 and j not in taken and "\n" not in doc[j].whitespace_ \
                and (_titlecase(doc[j]) and doc[j].pos_ in ("PROPN", "NOUN", "ADJ") or (doc[j].lower_ in _NAME_JOINERS and j > i)):
            if _titlecase(doc[j]):
                last = j
            j += 1
        if last is None or last == i or doc[last].lower_ not in BODY_ENDINGS:
            continue
        new.append(Span(doc, i, last + 1, label="ORG"))
        taken.update(range(i, last + 1))
    # a place the model tagged at the head of a body's name it left untagged: "Las Vegas Metropolitan Police
    # Department spokesman ...", "Clark County Fire Department": the place and the words after it are the body
    grown = []
    for sp in spans:
        if sp.label_ not in ("GPE", "LOC") or "\n" in sp[-1].whitespace_:
            continue
        j, last = sp.end, None
        while j < len(doc) and j - sp.end < 6 and j not in taken and "\n" not in doc[j].whitespace_ \
                and (_titlecase(doc[j]) and doc[j].pos_ in ("PROPN", "NOUN", "ADJ") or (doc[j].lower_ in _NAME_JOINERS and last is not None)):
            if _titlecase(doc[j]):
                last = j
            j += 1
        if last is not None and doc[last].lower_ in BODY_ENDINGS:
            grown.append((sp, Span(doc, sp.start, last + 1, label="ORG")))
            taken.update(range(sp.end, last + 1))
    if grown:
        replaced = {id(old) for old, _ in grown}
        spans = [sp for sp in spans if id(sp) not in replaced]
        new += [body for _, body in grown]
    bodies = [sp for sp in spans + new if sp.label_ == "ORG" and len(sp) >= 2]
    spelled = {initials_of(sp.text) for sp in bodies}  # (initials_of leaves out "The")
    from spacy.attrs import IS_UPPER

    # the upper-case tokens picked from the array: a Python loop over every token costs more than the rule
    for i in [k for k, upper in enumerate(doc.to_array(IS_UPPER).tolist()) if upper] if bodies else []:
        tok = doc[i]
        if i in taken or len(tok.text) < 3 or not is_acronym(tok.text):
            continue
        if acronym_letters(tok.text) in spelled:
            new.append(Span(doc, i, i + 1, label="ORG"))
            taken.add(i)
    if not new:
        return spans, bool(grown)
    return sorted(spans + new, key=lambda sp: sp.start), True


def _name_run(doc: Doc, first: int, step: int) -> tuple[int, int] | None:
    """(start, end) of the run of up to three capitalised proper nouns that starts at ``first`` and
    goes right (step 1) or left (step -1), or None when ``first`` is no such word."""
    k = first
    while 0 <= k < len(doc) and doc[k].pos_ == "PROPN" and _titlecase(doc[k]) and abs(k - first) < 3:
        k += step
    if k == first:
        return None
    return (first, k) if step == 1 else (k + 1, first + 1)


def _located_places(doc: Doc, spans: list[Span]) -> tuple[list[Span], bool]:
    """Places told by where they lie, whatever the model made of them or if it missed them:

    * both names around a distance and a bearing, "Pugoda, 25 miles east of Colombo";
    * a name after a preposition of place with a kind of settlement in apposition, "at Pugoda, the
      western province town", "near Kanwal, a village".

    A name the model tagged as something else becomes a GPE; an untagged one is added as a GPE."""
    from spacy.attrs import LOWER

    # the words the rules start from, picked from the array: a Python loop over every token costs more
    # than the rules
    lowers = doc.to_array(LOWER).tolist()
    of_id, preposition_ids = get_string_id("of"), {get_string_id(w) for w in _PLACE_PREPOSITIONS}
    places: list[tuple[int, int]] = []
    for k in [i for i, low in enumerate(lowers) if low == of_id and 3 <= i < len(doc) - 1]:
        if doc[k - 1].lower_ not in BEARINGS or doc[k - 2].lower_ not in DISTANCE_UNITS or not doc[k - 3].like_num:
            continue
        after = _name_run(doc, k + 1, 1)
        if after:
            places.append(after)
        if k >= 5 and doc[k - 4].text == ",":
            before = _name_run(doc, k - 5, -1)
            if before:
                places.append(before)
    for k in [i + 1 for i, low in enumerate(lowers) if low in preposition_ids and i + 1 < len(doc) - 3]:
        run = _name_run(doc, k, 1)
        if not run or run[1] + 2 >= len(doc) or doc[run[1]].text != "," or doc[run[1] + 1].lower_ not in ("the", "a", "an"):
            continue
        described = []
        for t in doc[run[1] + 1 : min(len(doc), run[1] + 6)]:
            if t.is_punct:
                break
            described.append(t)
        # the noun the apposition ends on is its head: "the farming town", "a lakeside village"
        if described and described[-1].pos_ == "NOUN" and described[-1].lower_ in PLACE_KINDS:
            places.append(run)
    if not places:
        return spans, False
    changed = False
    for a, b in dict.fromkeys(places):
        same = [i for i, sp in enumerate(spans) if (sp.start, sp.end) == (a, b)]
        if same:
            if spans[same[0]].label_ in ("PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"):
                spans[same[0]] = Span(doc, a, b, label="GPE")
                changed = True
        elif not any(sp.start < b and a < sp.end for sp in spans):
            spans.append(Span(doc, a, b, label="GPE"))
            changed = True
    return sorted(spans, key=lambda sp: sp.start), changed


def _is_acronym_word(text: str) -> bool:
    """Two to six capitals, a small letter allowed between them ("GRU", "MoD", "IRGC")."""
    from .speakers.lexicon import is_acronym  # the speakers package imports this module

    return 2 <= len(text) <= 6 and text[:1].isupper() and text[-1:].isupper() and is_acronym(text)


def _is_bracketed_acronym(short: str, long: str) -> bool:
    """'FAO' after 'Food and Agriculture Organization': capitals only, and the initials of the long
    name's words (small words left out, as acronyms do), or the first three or more of them."""
    from .speakers.lexicon import acronym_letters, initials_of, is_acronym  # the speakers package imports this module

    letters, bare = initials_of(long), acronym_letters(short)
    return is_acronym(short) and (letters == bare or (len(bare) >= 3 and letters.startswith(bare)))
