"""One canonical name per real-world thing across the corpus.

:func:`s400lib.extract.entities.entity_table` lists spaCy's mentions per article. :func:`canonicalize` gives every
mention, every quote speaker and every claim source one ``canonical`` name for the whole corpus,
by these rules (the winning rule is in ``canonical_rule``):

``alias``
    The alias table says so. The default table is ``s400lib/data/aliases.csv``; pass your own
    with ``sl.parse(corpus, aliases="my_aliases.csv")`` or ``canonicalize(tables, aliases=...)``
    (both are read, yours wins). Format: a CSV with header ``alias,canonical,label``; ``label`` (a
    spaCy label such as PERSON or PRODUCT) is optional. Matching ignores case, accents, dots and a
    leading "the". A person alias (label PERSON or empty) of any spelling ("Slutsky") renames
    every mention the rules below give to the same person ("Leonid Slutsky", "Slutskiy"), and the
    quotes and claims resolved to them (the canonical spelling's own alias wins when several are
    given).
``designator``
    Model designators keep only their code: "S-400 Triumph", "S-400s" -> "S-400". A "C-" code is
    read as "S-" when the corpus has the "S-" form (the Cyrillic letter С is an S).
``longest_mention``
    A surname or shorter name becomes the longest person name in the corpus that contains it
    ("Thune", "Senator Thune" -> "John Thune"); a mention spaCy labelled ORG but equal to a known
    person's surname is relabelled PERSON.
``fuzzy``
    Transliteration and spelling variants of a surname ("Dzhabarov"/"Jabarov",
    "Vorobyova"/"Varabiova") are one person when their consonant skeletons after a light
    transliteration (dzh/zh -> j, kh -> h, y -> i, ...) are equal and their spelling similarity
    (rapidfuzz ratio) is at least ``FUZZY_MIN``; first names, when both are given, must share
    their initial. The most frequent spelling wins (ties: the longer, then alphabetical).
``in_article``
    A one-word person name the corpus cannot settle (a surname two people share, a first name) is
    settled inside its own article: the one full name there with that surname (of two, the one the
    article never calls by first name alone, else the one it wrote the surname alone for before naming
    the other, else the one it names more often), or for a first
    name the one full name starting with it, or the family member the corpus names.
``self``
    The cleaned mention itself (leading article, titles and trailing possessive removed:
    "the State Duma’s" -> "State Duma").

Label fixes (cheap and general): an acronym spaCy called a person that spells no person's initials is
ORG; a mention whose canonical is a designator is PRODUCT when spaCy
said PERSON; a mention of a known person is PERSON; a mention labelled differently from a clear
corpus majority (two thirds of at least three mentions) of its canonical name takes the majority
label. spaCy's own label is kept in ``spacy_label``.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ..core import schema
from ..core.tables import Tables
from ..extract.speakers import clean_name
from ..extract.entity_spans import BUILDING_NOUNS, NAME_PARTICLES
from ..core.countries import country_named, is_known_place, state_of_capital
from ..extract.speakers.lexicon import (
    ACRONYM_SKIP,
    BODY_FAMILY,
    ORG_NOUNS,
    PATRONYMIC_PARTICLES,
    acronym_letters,
    initials_of,
    is_acronym,
    looks_like_named_person,
    looks_like_personal_name,
)

FUZZY_MIN = 70  # rapidfuzz ratio (0-100) two transliterated surnames must reach to be one person
# a misspelling: one letter off (ratio of 'macro'/'macron' is 90.9) a name written three times or more
MISSPELLING_MIN, MISSPELLING_TARGET_MIN, MISSPELLING_RATIO = 90, 3, 3
# labels spaCy confuses with each other: a misspelling may cross them, not the families
_LABEL_FAMILY = {"PERSON": "agent", "ORG": "agent", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
ALIASES_FILE = "aliases.csv"
_DESIGNATOR = re.compile(r"^([A-Za-zА-Яа-я]{1,3})\s?-\s?(\d{1,4})([A-Za-z]{0,2}?)(?:s)?(?:\s+\S.*)?$")


@lru_cache(maxsize=1)
def country_keys() -> frozenset[str]:
    """The keys of every country's short, common and official name in ISO 3166 (pycountry's data):
    a mention with one of them as its canonical name is a country, GPE, whatever spaCy said."""
    import pycountry

    names = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:  # "Korea, Republic of" is no form a text uses
                names.add(name_key(value))
    return frozenset(names)


@lru_cache(maxsize=1 << 13)  # a corpus repeats the same few thousand names many times
def name_key(name: str) -> str:
    """Comparison key: no accents, lower case, no dots or possessive, no leading 'the'.

    >>> name_key("the U.S. Congress")
    'us congress'
    """
    name = clean_name(str(name))
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower()
    name = name.replace(".", "").replace("’", "'").replace(" & ", " and ")
    # "Notre-Dame" and "Notre Dame" are one name; a designator keeps its hyphen ("S-400")
    name = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", name)
    # German umlauts written out: "Duesseldorf", "Mueller", "Koeln" are "Düsseldorf", "Müller", "Köln"
    # (only before two consonants, so "Michael", "Samuel", "Boeing" keep their vowels)
    name = _UMLAUT_WRITTEN_OUT.sub(r"\1", name)
    # British and American spellings of one body: "World Health Organisation" / "Organization"
    for british, american in _SPELLINGS:
        name = british.sub(american, name)
    return " ".join(name.split())


_UMLAUT_WRITTEN_OUT = re.compile(r"(?<=[b-df-hj-np-tv-z])([aou])e(?=[b-df-hj-np-tv-z]{2})")
_SPELLINGS = [(re.compile(rf"\b{b}"), a) for b, a in (
    (r"(\w+)isation", r"\1ization"), ("defence", "defense"), ("centre", "center"), ("labour", "labor"),
    ("programme", "program"), ("organis", "organiz"))]


def _translit(word: str) -> str:
    """A light transliteration normaliser for Russian, Ukrainian, Arabic and Turkish names written in
    Latin letters: Zelensky/Zelenskiy/Zelenskyy, Peskov/Peskoff, Gaddafi/Qaddafi/Kadhafi."""
    w = name_key(word).replace("-", "")
    for a, b in (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("tch", "ch"), ("sch", "sh"), ("ts", "c"),
                 ("yu", "iu"), ("ya", "ia"), ("ye", "ie"), ("y", "i"), ("w", "v"), ("ff", "v"),
                 ("dh", "d"), ("gh", "g"), ("ou", "u"), ("q", "k")):
        w = w.replace(a, b)
    # Arabic qaf and jim reach English as q, g or k at the start of a name
    w = "k" + w[1:] if w[:1] == "g" else w
    w = re.sub(r"(.)\1+", r"\1", w)  # doubled letters: Gaddafi/Gadafi, Zelenskyy after y -> i
    return w


def _skeleton(word: str) -> str:
    w = _translit(word)
    return w[:1] + re.sub(r"[aeiou'\-]", "", w[1:])


def designator(name: str) -> str | None:
    """The model code of a designator-like name ("S-400 Triumph" -> "S-400"), else None."""
    m = _DESIGNATOR.match(" ".join(str(name).split()))
    if not m:
        return None
    prefix = m.group(1).upper().replace("С", "S")
    return f"{prefix}-{m.group(2)}{m.group(3).upper()}"


@lru_cache(maxsize=1)
def _packaged_aliases() -> pd.DataFrame:
    # read once per process: every parse (and every chunk's finish) needs it
    packaged = resources.files("s400lib").joinpath("data", ALIASES_FILE)
    frames = [pd.read_csv(str(packaged), dtype="string", comment="#", skipinitialspace=True)] if packaged.is_file() else []
    return _alias_table(frames)


def read_aliases(path: str | Path | None = None) -> pd.DataFrame:
    """The alias table: DataFrame[alias, canonical, label]; the packaged one plus ``path`` if given."""
    if path is None:
        return _packaged_aliases().copy()
    return _alias_table([_packaged_aliases(), pd.read_csv(path, dtype="string", comment="#", skipinitialspace=True)])


def _alias_table(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame({"alias": [], "canonical": [], "label": []}, dtype="string")
    table = pd.concat(frames, ignore_index=True)
    for col in ("alias", "canonical", "label"):
        if col not in table.columns:
            table[col] = pd.NA
    return table[["alias", "canonical", "label"]].dropna(subset=["alias", "canonical"])


# Words a company's name may end with or leave out: "Boeing", "Boeing Co.", "the Boeing Company".
ORG_SUFFIXES = {"co", "corp", "corporation", "company", "inc", "incorporated", "ltd", "limited", "plc", "llc",
                "ag", "sa", "nv", "gmbh", "se", "holdings", "holding", "group"}
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
_VALUE_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


_AFFAIRS_BEFORE_HEAD = re.compile(r" affairs (department|ministry|office|bureau)$")
_HEAD_FIRST = re.compile(r"^(department|ministry|office|bureau) (?:of|for) (?:the )?(\w+(?: \w+)?)$")


# Suffixes that tell a parent from a child of the same name: "Martin Luther King Jr."
GENERATIONAL_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "junior", "senior"}


def _surname(name: str) -> str:
    """The last word of a person's name without an Arabic article: 'Bashar al-Assad' -> 'Assad'."""
    return re.sub(r"^(?:al|el)-(?=\w)", "", name.split(" ")[-1], flags=re.IGNORECASE)


def org_stem(key: str) -> str:
    """A name key without its trailing corporate suffixes ('boeing co' -> 'boeing'), and a
    government body's head word last ('department of state' -> 'state department', as outlets
    write it in either order)."""
    words = key.split(" ")
    while len(words) > 1 and words[-1].strip(",") in ORG_SUFFIXES:
        words = words[:-1]
    stem = " ".join(words).rstrip(",")
    m = _HEAD_FIRST.match(stem)
    stem = f"{m.group(2)} {m.group(1)}" if m else stem
    # "Ministry of Foreign Affairs" is the "Foreign Ministry"; "Transportation" and "Transport"
    # name one thing in American and British use ("National Transport(ation) Safety Board")
    stem = _AFFAIRS_BEFORE_HEAD.sub(r" \1", stem)
    return " ".join(w[: -len("ation")] if len(w) > 9 and w.endswith("ation") else w for w in stem.split(" "))


def initials(name: str) -> str:
    """The acronym a long name would have: 'International Committee of the Red Cross' -> 'icrc'."""
    return initials_of(name_key(name))


def spelled_initials(name: str) -> str:
    """The acronym of a name that holds a short acronym of its own, whose letters it keeps all ("UK
    Independence Party" -> 'ukip'); '' when it holds none."""
    words = [w for w in re.split(r"[\s-]+", clean_name(str(name))) if w]
    short = [w for w in words if 2 <= len(w.replace(".", "")) <= 3 and w.replace(".", "").isupper()]
    if not short or len(words) < 2:
        return ""
    return "".join(w.replace(".", "").lower() if w in short else ("" if w.lower() in ACRONYM_SKIP else w[0].lower())
                   for w in words)


# Last words that only say what kind of place a name is ("Notre Dame Cathedral" is "Notre Dame").
GENERIC_TAILS = {"cathedral", "church", "mosque", "temple", "basilica", "abbey", "palace", "castle", "tower",
                 "airport", "stadium", "arena", "bridge", "hospital", "museum", "shrine", "chapel", "synagogue",
                 "hotel", "resort", "casino", "square"}


def _ties(names: set[str] | dict[str, str]) -> set[tuple[str, str]]:
    """(short key, long key) pairs that one article ties together: an acronym and the long name it
    abbreviates ("ICRC" and "International Committee of the Red Cross"), a short form that ends the
    long one ("the Red Cross") or opens it before "for", "of" or "on" ("the Syrian Observatory" and "the
    Syrian Observatory for Human Rights"), a name and the same name with a generic last word ("Notre Dame" and
    "Notre Dame Cathedral"), or a place's first word and its two-word name ("Addis" and "Addis
    Ababa"). ``names`` may map each name to its label, which the last rule needs (places only)."""
    labels = names if isinstance(names, dict) else {}
    # "Ankara, Defense News": spaCy glued a place onto a name; the name is the last part
    keyed = {name_key(n.split(",")[-1].strip()): (n.split(",")[-1].strip(), labels.get(n, "")) for n in map(str, names) if n}
    out = set()
    for short_key, (short, short_label) in keyed.items():
        acronym = acronym_letters(short) if is_acronym(short) else ""
        for long_key, (long, long_label) in keyed.items():
            if not short_key or long_key == short_key or len(long_key) <= len(short_key):
                continue
            words = long_key.split(" ")
            if acronym and initials(long) == acronym:
                out.add((short_key, long_key))
            elif len(short_key.split(" ")) >= 2 and long_key.endswith(" " + short_key) \
                    and not long_key[: -len(short_key)].rstrip().endswith((" and", " &")) \
                    and not _body_of_place(long_key[: -len(short_key)], short_label):
                # "North and South Korea" names two places, not a long form of "South Korea"; "the
                # Government of Puerto Rico" is a body of the place, not a long form of "Puerto Rico"
                out.add((short_key, long_key))
            elif (long_key.startswith(short_key + " ") and words[-1] in GENERIC_TAILS and len(words) == len(short_key.split(" ")) + 1
                  and short_label != "GPE"):  # "Windsor" the town is not "Windsor Castle"
                out.add((short_key, long_key))
            elif (short_label not in ("GPE", "LOC")
                  and (len(short_key.split(" ")) >= 2 and any(long_key.startswith(f"{short_key} {small} ") for small in ("for", "of", "on"))
                       or any(long_key.startswith(f"{short_key} {small} ") for small in NAME_PARTICLES))):
                # ... or a Romance name cut before its particle ("Autostrade" and "Autostrade per l'Italia")
                # "the Syrian Observatory" after "the Syrian Observatory for Human Rights": a body's name
                # without what it is for or of
                out.add((short_key, long_key))
            elif (len(words) == 2 and words[0] == short_key and len(short_key) >= 5 and not acronym
                  and short_label in ("GPE", "LOC", "FAC") and long_label in ("GPE", "LOC") and words[-1] not in GENERIC_TAILS):
                out.add((short_key, long_key))
    return out


# the words of a state's formal name: "the Republic of South Veldonia" is the place itself
_STATE_FORMS = frozenset({"republic", "kingdom", "state", "states", "commonwealth", "federation", "principality",
                          "emirate", "sultanate", "union", "territory"})


def _body_of_place(head: str, place_label: str) -> bool:
    """Whether a name made of ``head`` and a place ("government of" + "Puerto Rico") is a body of that
    place rather than the place's formal name ("republic of")."""
    words = head.split()
    return place_label in ("GPE", "LOC") and bool(words) and words[-1] in ("of", "the") \
        and "of" in words and not _STATE_FORMS & set(words)


def _bracketed_ties(rows: pd.DataFrame) -> set[tuple[str, str]]:
    """(bracketed key, name key) for a body's name the extractor found in brackets right after another
    body's name (``entities.bracket_of``): "the Government of Catalonia (Generalitat de Catalunya)"."""
    if "bracket_of" not in rows:
        return set()
    tied = rows[rows["bracket_of"].notna().to_numpy()]
    return {(name_key(clean_name(str(t))), name_key(str(o))) for t, o in zip(tied["text"], tied["bracket_of"])}


def _patronymic_last(name: str) -> bool:
    """Whether a name's last word is a father's name ("Mohammed bin Salman"): then a bare "Salman"
    ("King Salman") is not this person but may be the father."""
    words = name.lower().split(" ")
    return len(words) >= 3 and words[-2] in PATRONYMIC_PARTICLES


def _grouped(entities: pd.DataFrame) -> tuple[list, list, list]:
    """(article ids, texts per article, labels per article), in one pass over the rows."""
    texts: dict[str, list[str]] = {}
    labels: dict[str, list[str]] = {}
    for aid, text, label in zip(entities["article_id"].astype(str), entities["text"].astype(str), entities["label"].astype(str)):
        texts.setdefault(aid, []).append(text)
        labels.setdefault(aid, []).append(label)
    return list(texts), list(texts.values()), [labels[a] for a in texts]


def _person_ties(texts: list[str], labels: list[str]) -> set[tuple[str, str]]:
    """(acronym key, person key) for an acronym of three letters or more that spells the initials of
    a person one article names ("Khalid bin Faisal" and "KBF"), whatever label the model gave the
    acronym; two people of the article with those initials tie neither."""
    people = {clean_name(t) for t, lab in zip(texts, labels) if lab == "PERSON" and " " in clean_name(t)}
    acronyms = {clean_name(t) for t in texts if is_acronym(clean_name(t)) and len(acronym_letters(clean_name(t))) >= 3}
    out = set()
    for short in acronyms:
        spelled = [p for p in people if initials(p) == acronym_letters(short)]
        if len({name_key(p) for p in spelled}) == 1:
            out.add((name_key(short), name_key(spelled[0])))
    return out


def _party_base(stem: str) -> str:
    """What a party's name and its members' name share: 'conservative party', 'conservatives' ->
    'conservative'; 'democratic party', 'democrats' -> 'democrat'; 'labour party' -> 'labour'."""
    words = stem.split(" ")
    if words[-1] == "party":
        words = words[:-1]
    if not words:
        return ""
    last = words[-1]
    if last.endswith("s") and len(last) > 4:
        last = last[:-1]
    if last.endswith("ic") and len(last) > 6:
        last = last[:-2]
    return " ".join(words[:-1] + [last])


def _join_parties(by_key: dict[str, Counter]) -> None:
    """A party and its members are one body across outlets: "the Conservative Party", "the
    Conservatives", "Labour" and "the Labour Party", "the Democrats" and "the Democratic Party". Only
    when the corpus names the party itself ("... Party"), and only the one party of that base."""
    parties: dict[str, list[str]] = defaultdict(list)
    for stem in by_key:
        if stem.endswith(" party") and (base := _party_base(stem)):
            parties[base].append(stem)
    for stem in list(by_key):
        base = _party_base(stem)
        if stem.endswith(" party") or len(parties.get(base, ())) != 1:
            continue
        by_key[parties[base][0]].update(by_key.pop(stem))


# words that name a kind of body or a chamber: "Senate" is no short form of "Republican Senate"
_KIND_WORDS = frozenset(ORG_NOUNS | set(BODY_FAMILY) | {"house", "senate", "congress", "assembly", "court", "trust", "fund", "news"})


def _join_last_words(by_key: dict[str, Counter], not_a_body) -> None:
    """A one-word name of a body that ends exactly one longer name of the corpus is that body written
    short: "Lufthansa" and "Deutsche Lufthansa AG", "Gazprom" and "PJSC Gazprom". Not a word that
    names a kind of body or a chamber ("Ministry", "Senate"), not a place or a people (``not_a_body``:
    "York" is no "New York", "Turkish" no "Russian-Turkish"), not a longer "name" that is two names
    the model glued together ("Ethiopian Airlines Boeing"), and not when two longer names end with it."""
    longer: dict[str, list[str]] = defaultdict(list)
    for stem in by_key:
        words = stem.split(" ")
        if 2 <= len(words) <= 3 and not any(" ".join(words[:k]) in by_key for k in range(1, len(words))):
            longer[words[-1]].append(stem)
    for stem in [s for s in by_key if " " not in s]:
        if stem in _KIND_WORDS or len(stem) < 4 or len(longer.get(stem, ())) != 1 or not_a_body(stem):
            continue
        target = longer[stem][0]
        if not not_a_body(target):
            by_key[target].update(by_key.pop(stem))


def _same_word(a: str, b: str) -> bool:
    """One word, in the singular or plural ("guard" / "guards"), or one written as the other's stem
    ("revolution" / "revolutionary")."""
    return a == b or (min(len(a), len(b)) >= 4 and a.rstrip("s") == b.rstrip("s")) \
        or (min(len(a), len(b)) >= 6 and (a.startswith(b) or b.startswith(a)))


def _join_inner_runs(by_key: dict[str, Counter], not_a_body) -> None:
    """A body's name of two or more words that runs inside exactly one longer name of the corpus is that
    body written short: "Revolutionary Guard" and "Islamic Revolution Guard Corps" (a word may be
    written as the other's stem). Not a place or a people, not when two longer names hold it, and not
    when the longer one is two names glued together (another word of it names a body of its own)."""
    stems = list(by_key)
    # the longer names each word could be read in, by the word's first six letters (a stem and its longer
    # form share them): a look-up per short name rather than a pass over every name of the corpus
    holding: dict[str, set[str]] = defaultdict(set)
    for stem in stems:
        for word in stem.split(" "):
            holding[word[:6]].add(stem)
    for short in [k for k in stems if " " in k]:
        words = short.split(" ")
        if not_a_body(short):
            continue
        holders = []
        for other in holding[words[0][:6]]:
            longer = other.split(" ")
            if other == short or len(longer) <= len(words):
                continue
            for k in range(len(longer) - len(words) + 1):
                if all(_same_word(w, longer[k + j]) for j, w in enumerate(words)):
                    # "Ethiopian Airlines Boeing" is two bodies the model glued together, no longer name
                    glued = any(x in by_key and not not_a_body(x) for x in longer[:k] + longer[k + len(words):])
                    if not glued:
                        holders.append(other)
                    break
        if len(holders) == 1 and short in by_key and holders[0] in by_key and not not_a_body(holders[0]):
            by_key[holders[0]].update(by_key.pop(short))


# a clipped word keeps at least this many letters and leaves out at least CLIPPED_OFF_MIN ("Met" of
# "Metropolitan", "Man" of "Manchester"); "York" is no clipping of "Yorker"
CLIPPED_KEEP_MIN, CLIPPED_OFF_MIN = 3, 3


def _join_clipped_words(by_key: dict[str, Counter], not_a_body) -> None:
    """A body's name with one word clipped is the name written in full ("Met Police" / "Metropolitan
    Police", "Man United" / "Manchester United"): as many words, all equal but one, which is the start of
    the other's (:data:`CLIPPED_KEEP_MIN`, :data:`CLIPPED_OFF_MIN`). Bodies only, only when one full
    name fits, and not when the clipped word is itself a place or a people the corpus names."""
    slots: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for stem in by_key:
        words = stem.split(" ")
        if len(words) >= 2 and not not_a_body(stem):
            for k, word in enumerate(words):
                slots[(len(words), k, *words[:k], *words[k + 1:])].append((stem, word))
    for held in slots.values():
        for short, clipped in held:
            # "York Council" is no "Yorkshire Council" where the corpus names York as a place
            if len(clipped) < CLIPPED_KEEP_MIN or not_a_body(clipped) or country_named(clipped):
                continue
            full = {stem for stem, word in held if word.startswith(clipped) and len(word) >= len(clipped) + CLIPPED_OFF_MIN}
            if len(full) == 1 and short in by_key and (target := next(iter(full))) in by_key:
                by_key[target].update(by_key.pop(short))


# buildings of worship: one outlet's "St Anthony's Church" is another's "St. Anthony's Shrine", one's "Al
# Noor Mosque" another's "Masjid Al Noor"
_WORSHIP = frozenset({"church", "shrine", "mosque", "masjid", "temple", "cathedral", "chapel", "synagogue", "basilica"})
_BUILDING_WORDS = frozenset(GENERIC_TAILS | BUILDING_NOUNS | _WORSHIP)


def _join_buildings(by_key: dict[str, Counter], is_person) -> None:
    """Names of one building that differ in the word saying what kind of building it is, at either end
    ("Al Noor Mosque" / "Masjid Al Noor", "St Anthony's Church" / "St Anthony's Shrine"): the same
    remaining name, of two words or more or of one word of five letters or more, and kinds of one family
    (places of worship) or one word. A house number before a street's name is no part of it ("No.10
    Downing Street", "10 Downing Street" and "Downing Street")."""
    by_core: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for stem in by_key:
        words = stem.split(" ")
        if len(words) >= 3 and words[-1] in ("street", "road", "avenue") and re.fullmatch(r"(?:no)?\d{1,4}", words[0]):
            by_core[" ".join(words[1:])].append((stem, "street"))
            continue
        kind, core = "", words
        if len(words) >= 2 and words[-1] in _BUILDING_WORDS:
            kind, core = words[-1], words[:-1]
        elif len(words) >= 2 and words[0] in _BUILDING_WORDS:
            kind, core = words[0], words[1:]
        if kind and (len(core) >= 2 or len(core[0]) >= 5) and not is_person(" ".join(core)):
            by_core[" ".join(core)].append((stem, kind))
    for core, held in by_core.items():
        kinds = {kind for _, kind in held}
        if kinds == {"street"} and core in by_key:
            held = held + [(core, "street")]
        elif len(held) < 2 or not (len(kinds) == 1 or kinds <= _WORSHIP):
            continue
        _merge_into_most_named(by_key, [stem for stem, _ in held])


# words after a place's name that only say what kind of place it is, where the bare name is the same place
# ("Karpathos Island" / "Karpathos", "Tiananmen Square" / "Tiananmen"); not "sea", "arena" or "airport",
# whose bare name is another place ("Java Sea" / "Java", "Manchester Arena" / "Manchester")
_FEATURE_WORDS = frozenset({"island", "isle", "square"})
# words inside a station's or an airport's name that a shorter form leaves out ("Victoria Railway Station")
_INNER_KIND_WORDS = frozenset({"railway", "rail", "train", "international", "intl"})


def _join_features(by_key: dict[str, Counter], is_place, is_person) -> None:
    """A place named bare and with a word saying what kind of place it is ("Karpathos" / "Karpathos
    Island", see _FEATURE_WORDS), when the bare name is only ever a place; and a station's or airport's
    name with and without a middle word of its kind ("Victoria Railway Station" / "Victoria Station")."""
    for stem in list(by_key):
        words = stem.split(" ")
        if len(words) >= 2 and words[-1] in _FEATURE_WORDS:
            bare = " ".join(words[:-1])
            # the small model seldom reads a bare island's name as a place ("landed on Kos": a body, a
            # person); a square's bare name may be a body ("Times"), so it must be read as a place
            if bare in by_key and stem in by_key and not is_person(bare) and len(bare) >= 3 \
                    and (words[-1] in ("island", "isle") or is_place(bare)):
                _merge_into_most_named(by_key, [bare, stem])
        if len(words) >= 3 and words[-1] in ("station", "airport") and any(w in _INNER_KIND_WORDS for w in words[1:-1]):
            short = " ".join(w for w in words if w not in _INNER_KIND_WORDS)
            if short in by_key and stem in by_key:
                _merge_into_most_named(by_key, [short, stem])


def _merge_into_most_named(by_key: dict[str, Counter], stems: list[str]) -> None:
    """Fold the stems of one group into the one the corpus names most often (ties: the last in order)."""
    if len(stems) < 2:
        return
    target = max(stems, key=lambda k: (sum(by_key[k].values()), k))
    for stem in stems:
        if stem != target and stem in by_key:
            by_key[target].update(by_key.pop(stem))


def _join_country_forms(by_key: dict[str, Counter], not_a_body) -> None:
    """A body's name that opens with its country's name or its people's ("Malaysia Airlines" / "Malaysian
    Airlines", "Russia's Defence Ministry" / "Russian Defence Ministry") is one name: the same words after
    one country. Bodies only (a place or a people is kept apart), names of two words or more."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for stem in by_key:
        first, _, rest = stem.partition(" ")
        if rest and not not_a_body(stem) and (country := country_named(first)):
            groups[(country, rest)].append(stem)
    for stems in groups.values():
        _merge_into_most_named(by_key, stems)


def _join_state_names(by_key: dict[str, Counter], is_place) -> None:
    """A state's formal name and its short name ("the Islamic Republic of Iran" / "Iran", "the Russian
    Federation" / "Russia"): a place of two words or more that names a country as a whole, and not as its
    capital (a capital standing for its state is not joined: "Tehran" stays a city), folds into the country's
    short name when the corpus writes it."""
    short = {name_key(country): stem for stem in by_key if is_place(stem) and (country := country_named(stem))
             and name_key(country) == stem}
    for stem in list(by_key):
        if " " not in stem or not is_place(stem) or state_of_capital(stem) is not None:
            continue
        country = country_named(stem)
        target = short.get(name_key(country)) if country else None
        if target is not None and target != stem and target in by_key and stem in by_key:
            by_key[target].update(by_key.pop(stem))


def _join_transliterations(by_key: dict[str, Counter], is_place) -> None:
    """Two spellings of one place's name in Latin letters, run together or not ("Kouhmobarak" / "Kuh
    Mubarak"): the same consonants in the same order once the usual transliteration variants are
    levelled (:func:`_skeleton`). Places only, and only skeletons of five consonants or more."""
    groups: dict[str, list[str]] = defaultdict(list)
    for stem in by_key:
        if is_place(stem):
            skeleton = _skeleton(stem.replace(" ", ""))
            if len(skeleton) >= 5:
                groups[skeleton].append(stem)
    for stems in groups.values():
        _merge_into_most_named(by_key, stems)


class Canonicalizer:
    """Maps any surface name (entity mention, speaker, claim source) to one canonical name.

    Parameters
    ----------
    mentions
        DataFrame[text, label] of every entity mention of the corpus.
    aliases
        The alias table from :func:`read_aliases`.
    extra_names
        Other names seen (quote speakers), counted as mentions of unknown label.
    """

    def __init__(self, mentions: pd.DataFrame, aliases: pd.DataFrame, extra_names=(), extra_persons=()) -> None:
        stats = NameStats.of(mentions, speakers=extra_names, person_speakers=extra_persons)
        self._build(stats, aliases)

    @classmethod
    def from_stats(cls, stats: "NameStats", aliases: pd.DataFrame) -> "Canonicalizer":
        """A canonicalizer built from name counts alone (what a streamed corpus can afford to keep)."""
        canon = cls.__new__(cls)
        canon._build(stats, aliases)
        return canon

    def _build(self, stats: "NameStats", aliases: pd.DataFrame) -> None:
        self.alias = {}
        self.alias_label = {}
        for row in aliases.itertuples(index=False):
            self.alias[name_key(row.alias)] = str(row.canonical)
            if not pd.isna(row.label):
                self.alias_label[name_key(row.alias)] = str(row.label)
                self.alias_label[name_key(row.canonical)] = str(row.label)
        # (cleaned name, label, times seen): mentions, then speakers (label unknown), then person speakers
        names = [(clean_name(t), lab, n) for (t, lab), n in stats.mentions.items()]
        names += [(clean_name(str(s)), "", n) for s, n in stats.speakers.items()]
        names += [(clean_name(str(s)), "PERSON", n) for s, n in stats.person_speakers.items()]
        self.counts = Counter()
        self.labels_of: dict[str, set[str]] = defaultdict(set)
        for name, lab, n in names:
            if name:
                self.counts[name] += n
                if lab:
                    self.labels_of[name_key(name)].add(_LABEL_FAMILY.get(lab, lab))
        self.codes = {d for name, _, _ in names if (d := designator(name))}
        # spaCy often calls a company's short name or an acronym a person ("Gulf Harbour" beside
        # "Gulf Harbour Holdings Ltd.", "DfT"): a name that is a company's name without its
        # corporate suffix, or an acronym, is a body whatever its label
        companies = {stem for name, lab, _ in names if lab == "ORG" and name and (stem := org_stem(name_key(name))) != name_key(name)}
        self.not_people = {name_key(name) for name, lab, _ in names
                           if lab == "PERSON" and name and (is_acronym(name) or name_key(name) in companies)}
        names = [(name, "ORG" if lab == "PERSON" and name_key(name) in self.not_people else lab, n) for name, lab, n in names]
        persons = [name for name, lab, _ in names if lab == "PERSON" and name and name[0].isupper() and not designator(name)]
        self._build_people(persons)
        self._build_bodies(stats, names)
        self._merge_misspellings()
        # "KBF" beside "Khalid bin Faisal" in one article is his name in every article
        for short, long in stats.person_ties:
            if long in self.person_of and short not in self.person_of:
                self.person_of[short] = (self.person_of[long][0], "acronym")
        # counts and label families serve the decisions above only; lookups never read them, and a
        # streamed corpus keeps this object for the whole finish
        del self.counts, self.labels_of
        self.__dict__.pop("_key_counts", None)

    # -- organisations and places ----------------------------------------------------------------
    def _build_bodies(self, stats: "NameStats", names: list) -> None:
        """One name per body: spellings that differ only in dots, accents or case ("U.N." / "UN"),
        corporate suffixes ("Boeing Co." / "Boeing"), and short forms or acronyms that an article
        ties to one long name ("ICRC", "the Red Cross" -> "International Committee of the Red Cross")."""
        bodies = Counter()
        for name, lab, n in names:
            if name and "," not in name and lab in ORG_LABELS | {""} and not designator(name) and name_key(name) not in self.person_of:
                bodies[name] += n
        by_key: dict[str, Counter] = defaultdict(Counter)
        for name, n in bodies.items():
            by_key[org_stem(name_key(name))][name] += n
        self._drop_country_prefixes(by_key)
        _join_parties(by_key)
        # organisations only: "Turkish" is no short form of "Russian-Turkish", nor "York" of "New York"
        _join_last_words(by_key, lambda stem: bool(self.labels_of.get(stem, set()) & {"place", "group"}))
        _join_inner_runs(by_key, lambda stem: bool(self.labels_of.get(stem, set()) & {"place", "group"}))
        _join_clipped_words(by_key, lambda stem: bool(self.labels_of.get(stem, set()) & {"place", "group"}))
        _join_transliterations(by_key, lambda stem: self.labels_of.get(stem, set()) == {"place"})
        _join_state_names(by_key, lambda stem: self.labels_of.get(stem, set()) == {"place"})
        _join_buildings(by_key, lambda stem: stem in self.person_of)
        _join_features(by_key, lambda stem: self.labels_of.get(stem, set()) == {"place"}, lambda stem: stem in self.person_of)
        _join_country_forms(by_key, lambda stem: bool(self.labels_of.get(stem, set()) & {"place", "group"}))
        # the form to show for a key: the stem itself when the corpus writes it, else the most common
        self.body_of: dict[str, tuple[str, str]] = {}
        for stem, forms in by_key.items():
            bare = [f for f in forms if name_key(f) == stem]
            best = max(bare or forms, key=lambda f: (forms[f], not is_acronym(f) or "." not in f, f))
            for f in forms:
                key = name_key(f)
                rule = "self" if f == best else ("suffix" if key != stem else "spelling")
                self.body_of[key] = (best, rule)
        # ties: a short form tied to exactly one long name, in whichever articles tie it
        longs: dict[str, set[str]] = defaultdict(set)
        for short_key, long_key in stats.ties:
            longs[org_stem(short_key)].add(org_stem(long_key))
        # longer short forms first, so that a chain ("ICRC" -> "Red Cross" -> "International Committee
        # of the Red Cross") ends at the longest name whatever order the ties were counted in
        # a tied name may already sit in a group under another stem ("ZANU-PF" in "Zanu-PF party")
        holder = {org_stem(name_key(f)): stem for stem, forms in by_key.items() for f in forms}
        for short_stem, targets in sorted(longs.items(), key=lambda kv: (-len(kv[0]), kv[0])):
            if len(targets) != 1:
                continue
            short_stem = short_stem if short_stem in by_key else holder.get(short_stem)
            target = next(iter(targets))
            target = target if target in by_key else holder.get(target)
            if short_stem is None or target is None or target == short_stem or short_stem not in by_key or target not in by_key:
                continue
            long_name = self.body_of[name_key(max(by_key[target], key=by_key[target].get))][0]
            rule = "acronym" if all(is_acronym(f) for f in by_key[short_stem]) else "short_form"
            for f in by_key[short_stem]:
                self.body_of[name_key(f)] = (long_name, rule)
        self._expand_acronyms(by_key, set(longs))

    def _drop_country_prefixes(self, by_key: dict[str, Counter]) -> None:
        """"The US State Department" is "the State Department" when the corpus names that body with
        no other country before it: the first word is a place or nationality the corpus names (or a
        capitals-only word of up to three letters, as "US" and "U.S." are written), and the rest is a
        body's name of two or more words or an acronym ("Thai SEALs"). Two prefixes ("Russian Foreign Ministry", "Ukrainian
        Foreign Ministry") keep both apart from the bare name."""
        prefixed: dict[str, list[str]] = defaultdict(list)
        for stem in by_key:
            first, _, rest = stem.partition(" ")
            rest = org_stem(rest)
            # the first word a place or people the corpus names, or a short capitals-only one ("US", "UK")
            country = self.labels_of.get(first, set()) & {"place", "group"} or any(
                is_acronym(f.split(" ")[0]) and len(first) <= 3 for f in by_key[stem])
            # ... a body's name of two or more words, or an acronym ("Thai SEALs" is "the SEALs")
            named = " " in rest or all(is_acronym(form.rstrip("s")) for form in by_key.get(rest, ()))
            if named and rest in by_key and country:
                prefixed[rest].append(stem)
        for rest, stems in prefixed.items():
            if len({stem.split(" ")[0] for stem in stems}) == 1:
                for stem in stems:
                    by_key[rest].update(by_key.pop(stem))

    def _expand_acronyms(self, by_key: dict[str, Counter], tied: set[str]) -> None:
        """An acronym no article ties to a long name ("U.N." in one outlet, "United Nations" in another)
        joins the one long name of the corpus whose initials it spells, when that name is of the same
        kind (a body, a place) and no other long name spells it too; otherwise it stays as written."""
        spelled: dict[str, list[str]] = defaultdict(list)
        for stem in by_key:
            # the stem and every form as written: "Department for Transport" spells DfT, its stem
            # "transport department" does not
            for letters in {initials(stem), *(initials(f) for f in by_key[stem]), *(spelled_initials(f) for f in by_key[stem])} - {""}:
                if " " in stem:
                    spelled[letters].append(stem)
        for stem, forms in by_key.items():
            # "NASA" and "Nasa" are one acronym; a group of one-word names with no capitals-only form is not
            if stem in tied or " " in stem or not any(is_acronym(f) for f in forms):
                continue
            letters = next((acronym_letters(f) for f in forms if is_acronym(f)), stem)
            targets = spelled.get(letters, [])
            if len(targets) != 1:
                continue
            kinds_short = set().union(*(self.labels_of.get(name_key(f), set()) for f in forms))
            kinds_long = set().union(*(self.labels_of.get(name_key(f), set()) for f in by_key[targets[0]]))
            if kinds_short and kinds_long and not kinds_short & kinds_long:
                continue
            long_name = self.body_of[name_key(max(by_key[targets[0]], key=by_key[targets[0]].get))][0]
            if name_key(long_name) == stem:
                continue
            for f in forms:
                if self.body_of.get(name_key(f), (None, ""))[1] in ("self", "spelling", "suffix"):
                    self.body_of[name_key(f)] = (long_name, "acronym")

    def _merge_misspellings(self) -> None:
        """A rare name one letter away from a name the corpus writes three times as often and three
        times or more ("Macro" beside "Macron", "Java Seat" beside "Java Sea") is a misspelling of
        it. Two names both written often ("Iran", "Iraq") or short ones are never merged this way."""
        table = {**{k: v for k, v in self.body_of.items()}, **self.person_of}
        frequent = {}
        for name, n in self.counts.items():
            key = name_key(name)
            if n >= MISSPELLING_TARGET_MIN and key in table:
                frequent[key] = table[key][0]
                if key in self.person_of:  # a person's surname is written alone too ("Macron")
                    frequent.setdefault(key.split(" ")[-1], table[key][0])
        # the candidates of a name share its first letter and are at most one letter longer or shorter
        by_shape = defaultdict(list)
        for other, target in frequent.items():
            by_shape[(other[:1], len(other))].append((other, target))
        for name, n in self.counts.items():
            key = name_key(name)
            if len(key) < 5 or key not in table or table[key][1] != "self" or key in frequent:
                continue
            near = [pair for size in (len(key) - 1, len(key), len(key) + 1) for pair in by_shape.get((key[:1], size), ())]
            close = [(fuzz.ratio(key, other), target) for other, target in near
                     if target != table[key][0]
                     and self.counts.get(target, 0) + self._count_of_key(other) >= MISSPELLING_RATIO * n
                     # "America" is no misspelling of "American": a place and a nationality
                     and not (self.labels_of.get(key, set()) and self.labels_of.get(other, set())
                              and not self.labels_of[key] & self.labels_of[other])]
            close = [c for c in close if c[0] >= MISSPELLING_MIN]
            if len({target for _, target in close}) == 1:
                merged = (close[0][1], "fuzzy")
                if key in self.person_of:
                    self.person_of[key] = merged
                else:
                    self.body_of[key] = merged

    def _count_of_key(self, key: str) -> int:
        if not hasattr(self, "_key_counts"):
            self._key_counts = Counter()
            for name, n in self.counts.items():
                self._key_counts[name_key(name)] += n
        return self._key_counts[key]

    # -- people --------------------------------------------------------------------------------
    def _build_people(self, persons: list[str]) -> None:
        """Cluster person names by (fuzzy) surname and compatible first names."""
        uniq = sorted(set(persons))
        parent = {n: n for n in uniq}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        by_skeleton = defaultdict(list)
        for n in uniq:
            by_skeleton[_skeleton(_surname(n))].append(n)
        self.fuzzy_pairs = set()

        def similar(a: str, b: str) -> bool:
            sa, sb = _surname(a), _surname(b)
            return name_key(sa) == name_key(sb) or fuzz.ratio(_translit(sa), _translit(sb)) >= FUZZY_MIN

        for group in by_skeleton.values():
            full = [n for n in group if " " in n]
            for i, a in enumerate(full):
                for b in full[i + 1 :]:
                    fa, fb = a.split(" ")[:-1], b.split(" ")[:-1]
                    ka, kb = {name_key(w) for w in fa}, {name_key(w) for w in fb}
                    # first names agree by initial, or one gives a part of the other's ("Tayyip" of "Recep Tayyip")
                    if not similar(a, b) or not (name_key(fa[0])[:1] == name_key(fb[0])[:1] or ka <= kb or kb <= ka):
                        continue
                    parent[find(a)] = find(b)
                    if name_key(a.split(" ")[-1]) != name_key(b.split(" ")[-1]):
                        self.fuzzy_pairs.add((a, b))
            # a bare surname joins the one person it can be; between two people (John and Mary
            # Smith) it stays on its own rather than bridging them
            for bare in (n for n in group if " " not in n):
                roots = {find(f) for f in full if similar(bare, f) and not _patronymic_last(f)}
                others = [b for b in group if " " not in b and b != bare and similar(bare, b)]
                if len(roots) == 1:
                    parent[find(bare)] = next(iter(roots))
                elif not roots:
                    for other in others:
                        parent[find(bare)] = find(other)
                if len(roots) <= 1:
                    self.fuzzy_pairs.update((bare, f) for f in full if similar(bare, f) and name_key(f.split(" ")[-1]) != name_key(bare))
        self._join_double_surnames(uniq, find, parent)
        self._join_family_names_first(uniq, find, parent)
        self.fuzzy_pairs.update(_join_slips(uniq, find, parent))
        clusters = defaultdict(list)
        for n in uniq:
            clusters[find(n)].append(n)
        self.person_of: dict[str, tuple[str, str]] = {}
        for members in clusters.values():
            # a surname shared by people with different first names stays ambiguous for a bare
            # surname; full names keep their own cluster through the first-name check above
            surname_votes = Counter()
            for m in members:
                surname_votes[name_key(m.split(" ")[-1])] += self.counts[m]
            best_surname = max(surname_votes, key=lambda s: (surname_votes[s], len(s), s))
            full = [m for m in members if len(m.split(" ")) > 1]
            pool = [m for m in full if name_key(m.split(" ")[-1]) == best_surname] or full or members
            canonical = max(pool, key=lambda m: (len(m.split(" ")), self.counts[m], m))
            # an alias for any spelling of a person names them all: "Slutsky -> L. Slutsky" must not
            # leave "Leonid Slutsky" (and the quotes resolved to him) under the old name
            # (a person alias: labelled PERSON or not labelled; "USA -> United States, GPE" renames
            # that spelling only, even where spaCy took it for a person)
            aliased = [m for m in [canonical, *members] if name_key(m) in self.alias and self.alias_label.get(name_key(m), "PERSON") == "PERSON"]
            if aliased:
                target = self.alias[name_key(aliased[0])]
                for m in members:
                    self.person_of[name_key(m)] = (target, "alias")
                continue
            for m in members:
                if m == canonical:
                    rule = "self"
                elif name_key(m.split(" ")[-1]) == name_key(canonical.split(" ")[-1]):
                    rule = "longest_mention"
                else:
                    rule = "fuzzy"
                self.person_of[name_key(m)] = (canonical, rule)
        # a bare surname names a person only when one person in the corpus has it: two Smiths
        # are never merged without a first name to tell them apart
        people_of_surname: dict[str, set[str]] = defaultdict(set)
        for key, (canonical, rule) in self.person_of.items():
            if not _patronymic_last(key):
                people_of_surname[key.split(" ")[-1]].add(canonical)
        self.surname_of = {}
        for key, (canonical, rule) in self.person_of.items():
            last = key.split(" ")[-1]
            if len(people_of_surname[last]) == 1:
                self.surname_of.setdefault(last, (canonical, rule if rule != "self" else "longest_mention"))

    def _join_double_surnames(self, uniq: list[str], find, parent: dict) -> None:
        """A full name that another full name continues with more capitalised names is one person
        with a double surname written short: "Pedro Sánchez" and "Pedro Sánchez Pérez-Castejón",
        "Gabriel García Márquez" and "Gabriel García", and the first surname alone ("Sánchez"). Only
        when one longer name continues it (two would leave it ambiguous), when the longer one reads as
        a personal name (capitalised words, no word of bodies: not "Joe Biden Administration"), and
        never over a generational suffix ("Jr.", "III"), which names another person of the family."""
        words = {n: [(w, name_key(w)) for w in n.split(" ")] for n in uniq if " " in n}
        personal = {n for n in words if looks_like_personal_name(n)}
        by_first: dict[str, list[str]] = defaultdict(list)  # only names that open alike can continue each other
        for n, nw in words.items():
            by_first[nw[0][1]].append(n)
        longer_of: dict[str, list[str]] = defaultdict(list)
        for short, sw in words.items():
            for long in by_first[sw[0][1]]:
                lw = words[long]
                tail = lw[len(sw):]
                if tail and long in personal and [k for _, k in lw[: len(sw)]] == [k for _, k in sw] \
                        and all(k not in GENERATIONAL_SUFFIXES for _, k in tail):
                    longer_of[short].append(long)
        for short, longs in longer_of.items():
            if len({find(n) for n in longs}) == 1:
                parent[find(short)] = find(longs[0])
        # the first of the two surnames written alone ("Sánchez"), when no full name ends with it
        last_keys = {name_key(_surname(n)) for n in words}
        first_surname_of: dict[str, set[str]] = defaultdict(set)
        for n, nw in words.items():
            if len(nw) >= 3:
                first_surname_of[nw[-2][1]].add(n)
        for bare in (n for n in uniq if " " not in n):
            key = name_key(bare)
            if key in last_keys or find(bare) != bare:
                continue
            roots = {find(n) for n in first_surname_of.get(key, ())}
            if len(roots) == 1:
                parent[find(bare)] = next(iter(roots))

    def _join_family_names_first(self, uniq: list[str], find, parent: dict) -> None:
        """A one-word name that no full name ends with, but that opens exactly one full name whose
        last word the corpus never writes alone, is that person named family name first: "Xi" and
        "President Xi" for "Xi Jinping", "Kim" for "Kim Jong-un". "Donald" never joins "Donald
        Trump" this way, as long as "Trump" is written alone somewhere."""
        # written alone under any label ("Varga was not present", tagged an organisation)
        bare_keys = {name_key(n) for n in [*uniq, *self.counts] if n and " " not in n}
        last_keys = {name_key(_surname(n)) for n in uniq if " " in n}
        opens: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for n in uniq:
            words = n.split(" ")
            if len(words) >= 2 and not ({name_key(w) for w in words[1:]} & bare_keys):
                opens[name_key(words[0])][name_key(n)].append(n)  # one key: "Kim Jong-un", "Kim Jong Un"
        for bare in (n for n in uniq if " " not in n):
            key = name_key(bare)
            # the names it opens must be one person: "Faisal bin Salman" and its longer form are
            opened = opens.get(key, {})
            if key in last_keys or find(bare) != bare or not opened \
                    or (len(opened) > 1 and len({find(f) for fs in opened.values() for f in fs}) != 1):
                continue
            forms = [f for fs in opens[key].values() for f in fs]
            for f in forms:
                parent[find(f)] = find(forms[0])
            parent[find(bare)] = find(forms[0])

    # -- lookups -------------------------------------------------------------------------------
    def canonical(self, name: str, label: str | None = None) -> tuple[str, str]:
        """(canonical name, rule) for one surface name."""
        cleaned = clean_name(str(name)) or str(name)
        if "," in cleaned and label not in ("PERSON", "GPE") and label not in _VALUE_LABELS:
            # spaCy glued a place onto a name ("Ankara, Defense News"): keep the last part (a figure's
            # comma is a thousands separator: "1,300" is no "300")
            cleaned = clean_name(cleaned.split(",")[-1]) or cleaned
        key = name_key(cleaned)
        if key in self.alias:
            return self.alias[key], "alias"
        code = designator(cleaned)
        if code is not None and (label in (None, "", "PRODUCT", "ORG", "PERSON", "FAC", "LAW", "NORP") or label is pd.NA):
            if code.startswith("C-") and "S-" + code[2:] in self.codes:
                code = "S-" + code[2:]
            if code in self.alias:
                return self.alias[code], "alias"
            return code, ("self" if code == cleaned else "designator")
        if label in _VALUE_LABELS:
            # a date or a count is never a person or a body: "In May" is not Theresa May
            return cleaned, "self"
        if key in self.person_of:
            return self.person_of[key]
        # the small model reads a lone surname as a body or a product now and then ("Cole said" as
        # PRODUCT): a surname of one person of the corpus is theirs under those labels too, a product
        # only when the person's name opens with a known first name ("Discovery" is no person's)
        if label in (None, "", "PERSON", "ORG", "NORP", "PRODUCT") and key.split(" ")[-1] in self.surname_of and len(key.split(" ")) <= 2:
            words = key.split(" ")
            canonical, rule = self.surname_of[words[-1]]
            if (label != "PRODUCT" or looks_like_named_person(canonical)) \
                    and (len(words) == 1 or name_key(canonical).startswith(words[0][:1])):
                return canonical, "longest_mention" if rule == "self" else rule
        if label in (None, "", "PERSON", "ORG", "NORP") and len(key.split(" ")) >= 2 and (person := self._person_ending(key)):
            return person, "longest_mention"  # "Pena Nieto" for "Enrique Peña Nieto"
        if key in self.body_of and (label not in ("PERSON",) or key in self.not_people):
            return self.body_of[key]
        return cleaned, "self"

    def _person_ending(self, key: str) -> str | None:
        """The one person whose full name ends with the words of ``key`` (a double surname)."""
        if not hasattr(self, "_endings"):
            self._endings: dict[str, set[str]] = defaultdict(set)
            for person_key, (canonical, _rule) in self.person_of.items():
                words = person_key.split(" ")
                for k in range(1, len(words) - 1):
                    self._endings[" ".join(words[k:])].add(canonical)
        found = self._endings.get(key, set())
        return next(iter(found)) if len(found) == 1 else None

    def is_person(self, name: str) -> bool:
        key = name_key(name)
        return key in self.person_of or (len(key.split(" ")) == 1 and key in self.surname_of)


def _person_speakers(quotes: pd.DataFrame) -> list[str]:
    """Speakers the quote extractor resolved to a person (their full form in the article)."""
    if "speaker_kind" not in quotes.columns or not len(quotes):
        return []
    return quotes.loc[quotes["speaker_kind"] == "person", "speaker"].dropna().astype(str).tolist()


@dataclass
class NameStats:
    """How often each name occurs in a corpus: all that corpus-wide canonical names depend on.

    Summed chunk by chunk (``stats += NameStats.of(...)``), so a streamed corpus never needs its
    entity or quote tables whole in memory; its size grows with the vocabulary of names, not with
    the number of mentions.

    Attributes
    ----------
    mentions
        (mention text, spaCy label) -> number of entity mentions.
    speakers
        Quote speaker (as resolved in its article) -> number of quotes.
    person_speakers
        The same, for speakers the quote extractor resolved to a person.
    speaker_texts
        Name keys of the speaker mentions as written in the text (``quotes.speaker_text``).
    ties
        (short key, long key) -> number of articles that write both an acronym or short form and
        the long name it stands for (see :func:`_ties`).
    person_ties
        (acronym key, person key) -> number of articles that write a person's name and the acronym
        of its initials ("Khalid bin Faisal, known as KBF"; see :func:`_person_ties`).
    """

    mentions: Counter = field(default_factory=Counter)
    speakers: Counter = field(default_factory=Counter)
    person_speakers: Counter = field(default_factory=Counter)
    speaker_texts: set = field(default_factory=set)
    ties: Counter = field(default_factory=Counter)
    person_ties: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, entities: pd.DataFrame, quotes: pd.DataFrame | None = None, speakers=(), person_speakers=()) -> "NameStats":
        """Counts from an entities table (text, label) and a quotes table (speaker, speaker_kind,
        speaker_text), or from plain lists of speaker names."""
        stats = cls(mentions=Counter(zip(entities["text"].astype(str), entities["label"].astype(str))))
        if len(entities) and "article_id" in entities.columns:
            texts = entities["text"].astype(str)
            acronym_texts = {t for t in texts.unique() if is_acronym(clean_name(t))}
            is_acronym_row = texts.isin(acronym_texts)
            # an acronym is a body's whatever label the model gave it ("ZANU-PF" tagged a person)
            bodies = entities[(entities["label"].isin(list(ORG_LABELS)) | is_acronym_row).to_numpy()]
            for _aid, rows in bodies.groupby("article_id", sort=False):
                stats.ties.update(_ties({clean_name(str(t)): str(lab) for t, lab in zip(rows["text"], rows["label"])}))
                stats.ties.update(_bracketed_ties(rows))
            # only the acronyms and the people of articles that write an acronym are read
            with_acronym = entities["article_id"].isin(entities.loc[is_acronym_row, "article_id"].unique())
            some = entities[(with_acronym & (is_acronym_row | entities["label"].eq("PERSON"))).to_numpy()]
            for _aid, texts_of, labels_of in zip(*_grouped(some)):
                stats.person_ties.update(_person_ties(texts_of, labels_of))
        if quotes is not None and len(quotes) and "speaker" in quotes.columns:
            speakers = quotes["speaker"].dropna().tolist()
            person_speakers = _person_speakers(quotes)
            if "speaker_text" in quotes.columns:
                stats.speaker_texts = set(quotes["speaker_text"].dropna().astype(str).map(name_key))
        stats.speakers = Counter(n for n in speakers if isinstance(n, str) and n)
        stats.person_speakers = Counter(n for n in person_speakers if isinstance(n, str) and n)
        return stats

    def __iadd__(self, other: "NameStats") -> "NameStats":
        self.mentions.update(other.mentions)
        self.speakers.update(other.speakers)
        self.person_speakers.update(other.person_speakers)
        self.speaker_texts |= other.speaker_texts
        self.ties.update(other.ties)
        self.person_ties.update(other.person_ties)
        return self


class NameMap:
    """The corpus-wide naming decisions, made once from :class:`NameStats` and applied to any
    subset of the corpus's tables (the whole corpus, or one streamed chunk at a time).

    ``mention[(text, label)]`` = (canonical, rule, fixed label) of an entity mention; speakers and
    claim sources are looked up through :meth:`speaker` and :meth:`source`.
    """

    def __init__(self, stats: NameStats, aliases: str | Path | None = None) -> None:
        self.canon = canon = Canonicalizer.from_stats(stats, read_aliases(aliases))
        decided = {key: canon.canonical(*key) for key in stats.mentions}
        # label fixes (see the module docstring), then the corpus majority label of each canonical name
        fixed = {}
        for (text, label), (can, rule) in decided.items():
            lab = label
            if designator(can) and lab == "PERSON":
                lab = "PRODUCT"
            elif lab != "PERSON" and rule in ("longest_mention", "fuzzy", "acronym") and canon.is_person(can):
                lab = "PERSON"
            elif lab == "PERSON" and is_acronym(clean_name(text)) and not canon.is_person(can):
                lab = "ORG"  # "ZANU-PF" read as a person: an acronym no person's initials spell is a body's
            elif lab in ("PERSON", "ORG", "NORP", "FAC", "LOC") and name_key(can) in country_keys():
                lab = "GPE"  # "Sri Lanka has released photographs": the small model often reads a subject country as a person
            elif lab in ("PERSON", "ORG", "GPE") and name_key(can).endswith("n") and name_key(can)[:-1] in country_keys():
                lab = "NORP"  # "Sri Lankan", "Ethiopian": a country's people, never a person or the country
            lab = canon.alias_label.get(name_key(can)) or lab
            fixed[(text, label)] = lab
        votes: dict[str, Counter] = defaultdict(Counter)
        for key, n in stats.mentions.items():
            votes[decided[key][0]][fixed[key]] += n
        self.mention: dict[tuple[str, str], tuple[str, str, str]] = {}
        for key, (can, rule) in decided.items():
            lab = fixed[key]
            total = sum(votes[can].values())
            top, n = votes[can].most_common(1)[0]
            if total >= 3 and n * 3 >= total * 2 and lab != top and lab in ("PERSON", "ORG", "GPE", "NORP"):
                lab = top
            self.mention[key] = (can, rule, lab)
        # a claim source is renamed only when it is a name the corpus knows, not any noun phrase
        self.known = {name_key(text) for text, _ in stats.mentions} | stats.speaker_texts | set(stats.speakers)
        self._speaker: dict[str, str] = {}

    def speaker(self, name):
        """Canonical name of a quote speaker (<NA> stays <NA>)."""
        if pd.isna(name):
            return name
        if name not in self._speaker:
            canonical = self.canon.canonical(name)[0]
            # a capital that speaks ("Moscow said", "Tehran warned") is its state
            self._speaker[name] = state_of_capital(canonical) or canonical
        return self._speaker[name]

    def source(self, name):
        """Canonical name of a claim source, when it is a known name; other sources unchanged."""
        if pd.isna(name):
            return name
        key = name_key(name)
        if key in self.known or self.canon.is_person(name) or key in self.canon.alias:
            canonical = self.canon.canonical(name)[0]
            return state_of_capital(canonical) or canonical
        return name

    def _capitals_as_states(self, entities: pd.DataFrame) -> pd.DataFrame:
        """A capital that acts as a state acts ("Tehran has denied being involved", "Washington accused
        Tehran of ...", "sanctions against Moscow") is its state, the name the corpus gives it ('Iran'),
        rule ``capital_as_state``; "in Tehran", "Tehran's streets" and a dateline stay the city."""
        if "role" not in entities.columns:
            return entities
        resolved = []
        for label, canonical, role in zip(entities["label"].tolist(), entities["canonical"].tolist(), entities["role"].tolist()):
            state = state_of_capital(canonical) if label == "GPE" and isinstance(canonical, str) and _acts_as_state(role) else None
            resolved.append(self.canon.canonical(state)[0] if state else None)
        return _settled_in_article(entities, resolved, rule_name="capital_as_state")

    def apply(self, tables: Tables) -> Tables:
        """``tables`` with canonical names in entities, quotes.speaker and claims.source."""
        # assign() rather than copy() and set: the columns not renamed are shared, not copied
        entities, quotes, claims = tables.entities, tables.quotes, tables.claims
        if len(entities):
            decided = [self.mention[key] for key in zip(entities["text"].astype(str).tolist(), entities["label"].astype(str).tolist())]
            new = {} if "spacy_label" in entities.columns else {"spacy_label": entities["label"].astype("string")}
            for k, column in enumerate(("canonical", "canonical_rule", "label")):
                new[column] = schema.typed_array([d[k] for d in decided], "string")
            entities = entities.assign(**new)
        in_article = _ArticlePeople(entities, (c for c, _r in self.canon.person_of.values())) if len(entities) else None
        if in_article is not None and in_article.any_short:
            resolved = [in_article.resolve(a, c, lab) for a, c, lab in
                        zip(entities["article_id"].tolist(), entities["canonical"].tolist(), entities["label"].tolist())]
            # a surname spaCy took for an organisation ("Varga was not present") is the person
            entities = _settled_in_article(entities, resolved, label="PERSON")
        bodies = _ArticleBodies(entities) if len(entities) else None
        if bodies is not None and bodies.any_long:
            resolved = [bodies.resolve(a, c, lab) if rule == "self" else None for a, c, lab, rule in
                        zip(entities["article_id"].tolist(), entities["canonical"].tolist(), entities["label"].tolist(),
                            entities["canonical_rule"].tolist())]
            entities = _settled_in_article(entities, resolved)
        if len(entities) and len(tables.articles):
            entities = _settle_storms(entities, tables.articles)
        if len(entities):
            entities = _settle_given_names(entities)
            entities = self._capitals_as_states(entities)
        if len(quotes):
            speakers = [self.speaker(v) for v in quotes["speaker"].tolist()]
            if in_article is not None:
                speakers = in_article.settle(quotes["article_id"].tolist(), speakers)
            if bodies is not None:
                speakers = bodies.settle(quotes["article_id"].tolist(), speakers)
            quotes = quotes.assign(speaker=schema.typed_array(speakers, "string"))
        if len(claims) and "source" in claims.columns:
            sources = [self.source(v) for v in claims["source"].tolist()]
            if in_article is not None:
                sources = in_article.settle(claims["article_id"].tolist(), sources)
            if bodies is not None:
                sources = bodies.settle(claims["article_id"].tolist(), sources)
            claims = claims.assign(source=schema.typed_array(sources, "string"))
        return dataclasses.replace(
            tables,
            entities=schema.conform("entities", entities),
            quotes=schema.conform("quotes", quotes),
            claims=schema.conform("claims", claims),
        )


# what a state does and a city does not: speak, accuse, deny, threaten, sanction ... ; a capital that is
# the subject or object of one of these verbs stands for its state
STATE_ACTS = frozenset({
    "say", "tell", "add", "state", "announce", "claim", "insist", "warn", "deny", "reject", "dismiss", "accuse",
    "blame", "condemn", "criticise", "criticize", "denounce", "demand", "urge", "call", "threaten", "sanction",
    "impose", "retaliate", "respond", "reply", "vow", "pledge", "refuse", "agree", "recognise", "recognize",
    "support", "back", "oppose", "expel", "summon", "welcome", "hold", "seek", "want", "press", "pressure",
    "punish", "negotiate", "sign", "withdraw", "order", "confirm", "acknowledge", "admit", "ask", "invite",
})


def _acts_as_state(role) -> bool:
    """Is a mention with this ``role`` (``entities.role``) a state acting: the subject or object of a verb of
    :data:`STATE_ACTS`, or the object of "by" or "against"?"""
    if not isinstance(role, str):
        return False
    kind, _, word = role.partition(":")
    if kind in ("nsubj", "nsubjpass", "dobj", "dative"):
        return word in STATE_ACTS
    return kind == "pobj" and word in ("by", "against")


# a word of a name this long or longer may be written with one letter wrong and still be the same word
SLIP_WORD_MIN = 5


def _one_slip_apart(a: str, b: str) -> bool:
    """Two words of names, equal or one slip apart: one letter left out, added, changed or two swapped
    ("Muhmmad" / "Muhammad", "Syaugi" / "Syauqi"), when both are ``SLIP_WORD_MIN`` letters or longer."""
    return a == b or (min(len(a), len(b)) >= SLIP_WORD_MIN and OSA.distance(a, b) <= 1)


def _join_slips(uniq: list[str], find, parent: dict) -> set[tuple[str, str]]:
    """Join full names of two or more words that are the same words but for slips of the pen in some of
    them ("Muhmmad Syaugi" in one outlet, "Muhammad Syauqi" in another): word by word equal or one slip
    apart (:func:`_one_slip_apart`), the surname included. "John Kerry" and "John Kelly" are two letters
    apart and stay two people, as do "Kim Jong-un" and "Kim Jong-nam"; a country's name or its people's is
    no person's. Returns the pairs joined."""
    by_shape: dict[tuple, list[tuple[str, list[str]]]] = defaultdict(list)
    for n in uniq:
        words = name_key(n).split(" ")
        # a country and its people the model read as persons ("Sri Lanka" / "Sri Lankan") are one letter apart
        if len(words) >= 2 and not country_named(n):
            by_shape[(len(words), words[0][:1], words[-1][:1])].append((n, words))
    joined = set()
    for held in by_shape.values():
        for i, (a, words_a) in enumerate(held):
            for b, words_b in held[i + 1:]:
                if find(a) == find(b) or words_a == words_b:
                    continue
                if all(_one_slip_apart(x, y) for x, y in zip(words_a, words_b)):
                    parent[find(a)] = find(b)
                    joined.add((a, b))
    return joined


# a storm named with its kind ("Hurricane Maria", "Hurricanes Irma and Maria", "Typhoon Haiyan"); after
# that an article calls it by the bare name, which the model reads as a person or a place
_STORM_KINDS = r"(Hurricane|Typhoon|Cyclone|Tropical Storm|Storm)"
_STORM = re.compile(r"\b" + _STORM_KINDS + r"s? +(?!(?:Hurricane|Typhoon|Cyclone|Tropical|Storm)\b)([A-Z][a-z]+)(?: +and +([A-Z][a-z]+))?")
_STORM_PREFIX = re.compile(r"^" + _STORM_KINDS + r"s? +")


def _settle_storms(entities: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Entities that name a storm its article names with its kind ("Maria" after "Hurricane Maria",
    "Hurricanes Irma" for Irma) become that storm: canonical "Hurricane Maria", label EVENT. Only
    inside the article: a Maria elsewhere is whoever that article says."""
    storms: dict[str, dict[str, str]] = {}
    for art, text in zip(articles["article_id"].tolist(), articles["text"].astype(str).tolist()):
        for m in _STORM.finditer(text):
            for name in (m.group(2), m.group(3)):
                if name:
                    storms.setdefault(art, {}).setdefault(name, f"{m.group(1)} {name}")
    if not storms:
        return entities
    resolved = []
    for art, text in zip(entities["article_id"].tolist(), entities["text"].astype(str).tolist()):
        named = storms.get(art)
        resolved.append(named.get(_STORM_PREFIX.sub("", clean_name(text))) if named else None)
    return _settled_in_article(entities, resolved, label="EVENT")


def _settle_given_names(entities: pd.DataFrame) -> pd.DataFrame:
    """A first name alone ("Sergei Skripal and his daughter Yulia") is the one person of the corpus with that
    first name whose family name someone in the same article bears ("Yulia Skripal", told in full by another
    outlet): never when two people of the corpus share the first name, nor when nobody of that family is named
    beside it."""
    labels, canon = entities["label"].tolist(), entities["canonical"].tolist()
    arts, texts = entities["article_id"].tolist(), entities["text"].astype(str).tolist()
    by_first: dict[str, set[str]] = defaultdict(set)  # first name -> the corpus's full names
    family_in: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # article -> surname -> full names
    for art, c, lab in zip(arts, canon, labels):
        if lab == "PERSON" and isinstance(c, str) and len(c.split()) >= 2:
            by_first[c.split()[0]].add(c)
            family_in[art][c.split()[-1]].add(c)
    resolved = []
    for art, text, c, lab in zip(arts, texts, canon, labels):
        word = clean_name(text)
        # (the model often reads a lone first name as a place or a body: "his daughter Yulia"; then the family
        # must be someone else's name in the article, so that "Paris Hilton visited Paris" keeps the city)
        known = by_first.get(word, set()) if lab in _LONE_NAME_LABELS and " " not in word and c == word else set()
        person = next(iter(known)) if len(known) == 1 else None
        kin = family_in[art].get(person.split()[-1], set()) if person else set()
        # ... or the person herself is named in full in the article and the word is no country, capital or city
        # ("an Ariana Grande concert ... Ariana is due to perform", where the model read "Ariana" as a place)
        named_here = person in kin and not is_known_place(word)
        resolved.append(person if kin and (lab == "PERSON" or kin - {person} or named_here) else None)
    return _settled_in_article(entities, resolved, label="PERSON")


_LONE_NAME_LABELS = {"PERSON", "GPE", "ORG", "NORP"}


def _settled_in_article(entities: pd.DataFrame, resolved: list, label: str | None = None, rule_name: str = "in_article") -> pd.DataFrame:
    """``entities`` with the names settled inside their article (``resolved``: a name, or None to keep the
    row): the new canonical, rule ``rule_name``, and ``label`` when given."""
    if all(r is None for r in resolved):
        return entities
    new = {"canonical": schema.typed_array([r or c for r, c in zip(resolved, entities["canonical"].tolist())], "string"),
           "canonical_rule": schema.typed_array([rule_name if r is not None else rule
                                                 for r, rule in zip(resolved, entities["canonical_rule"].tolist())], "string")}
    if label is not None:
        new["label"] = schema.typed_array([label if r is not None else lab for r, lab in zip(resolved, entities["label"].tolist())], "string")
    return entities.assign(**new)


class _ArticleBodies:
    """A one-word body name the corpus keeps as it is ("the Guard", "the Ministry": words that name a kind
    of body), settled inside its own article: the one longer body name there with that word after its
    first ("Revolutionary Guards" for "Guard"; a plural is its singular). Never a chamber ("the House" is
    no "White House"), not when two names of the article hold the word, and not a name glued after
    another body's ("Ethiopian Airlines Boeing" holds no "Boeing")."""

    _CHAMBERS = frozenset({"house", "senate", "congress", "assembly", "parliament", "court", "cabinet", "government"})

    def __init__(self, entities: pd.DataFrame) -> None:
        self.holders: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        rows = [(art, name_key(clean_name(text)), can) for art, text, can, lab in
                zip(entities["article_id"].tolist(), entities["text"].astype(str).tolist(), entities["canonical"].tolist(),
                    entities["label"].tolist()) if lab == "ORG" and isinstance(can, str)]
        bodies = {key for _art, key, _can in rows}
        for art, key, can in rows:
            words = key.split(" ")
            for k in range(1, len(words)):
                if " ".join(words[:k]) in bodies:
                    break  # "Ethiopian Airlines Boeing": two bodies the model glued together, no longer name
                self.holders[art][_singular(words[k])].add(can)
        self.any_long = bool(self.holders)

    def settle(self, articles: list, names: list) -> list:
        """Speaker or source names with each one-word body name settled in its article, the rest as given."""
        return [self.resolve(a, v, "ORG") or v if isinstance(v, str) else v for a, v in zip(articles, names)]

    def resolve(self, article, name, label) -> str | None:
        if label != "ORG" or not isinstance(name, str) or " " in name.strip():
            return None
        key = _singular(name_key(name))
        if len(key) < 4 or key in self._CHAMBERS:
            return None
        holders = {c for c in self.holders.get(article, {}).get(key, ()) if name_key(c) != name_key(name)}
        return next(iter(holders)) if len(holders) == 1 else None


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


class _ArticlePeople:
    """A one-word person name that the corpus cannot settle, settled inside its own article.

    A surname shared by two people of the corpus ("Biden": Joe and Hunter) stays as it is
    corpus-wide. Inside one article it is the one full name there with that surname; when the
    article names two, it is the one that the article never calls by first name alone (news
    writing calls the second person of a shared surname by first name: "Hunter"), else the one it
    called by the surname alone before it named the other ("Robert Mugabe ... Mugabe ... Grace
    Mugabe"), else the one it names more often. A first name
    alone ("Hunter") is the one full name of the article that starts with it, when no full name
    there ends with it.
    """

    def __init__(self, entities: pd.DataFrame, corpus_people=()) -> None:
        self.full: dict[str, Counter] = defaultdict(Counter)
        self.first_named: dict[str, dict[str, int]] = defaultdict(dict)
        self.first_alone: dict[str, dict[str, int]] = defaultdict(dict)
        self.single: dict[str, set[str]] = defaultdict(set)
        starts = entities["start"].tolist() if "start" in entities else [0] * len(entities)
        for art, can, lab, at in zip(entities["article_id"].tolist(), entities["canonical"].tolist(), entities["label"].tolist(), starts):
            if lab != "PERSON" or not isinstance(can, str):
                continue
            if len(can.split()) >= 2:
                self.full[art][can] += 1
                self.first_named[art][can] = min(at, self.first_named[art].get(can, at))
            else:
                self.single[art].add(can)
                key = name_key(can)
                self.first_alone[art][key] = min(at, self.first_alone[art].get(key, at))
        self.any_short = any(self.single.values())
        self.corpus_people = sorted({p for p in corpus_people if len(p.split()) >= 2})
        # (name, first word, last word) of each full name, per article: resolve() runs for every
        # entity, speaker and source of the corpus, and would otherwise split every name each time
        self.words: dict = {art: [(p, *_first_last(p)) for p in people] for art, people in self.full.items()}
        self.corpus_words = [(p, *_first_last(p)) for p in self.corpus_people]

    def settle(self, articles: list, names: list) -> list:
        """Speaker or source names with each one-word person name settled in its article, the rest as given."""
        return [self.resolve(a, v, "PERSON") or v if isinstance(v, str) else v for a, v in zip(articles, names)]

    def resolve(self, article, name, label) -> str | None:
        if label not in ("PERSON", "ORG") or not isinstance(name, str) or " " in name.strip() or not name:
            return None
        people = self.full.get(article, ())
        if not people:
            return None
        key = name_key(name)
        words = self.words[article]
        by_surname = [p for p, _first, last in words if last == key and not _patronymic_last(p)]
        if label == "ORG" and not by_surname:
            return None  # an organisation's one-word name is a person's only when it is their surname
        if len(by_surname) == 1:
            return by_surname[0]
        if len(by_surname) > 1:
            called_by_first = {name_key(x) for x in self.single.get(article, ())}
            left = [p for p in by_surname if _first_last(p)[0] not in called_by_first]
            if len(left) == 1:
                return left[0]
            # a surname the article wrote alone before it named the second person ("President Robert
            # Mugabe ... Mugabe ... Grace Mugabe ... Mr Mugabe") was that of the first, and stays his:
            # news writing gives a relative who shares it the full name each time
            first = self.first_named[article]
            ordered = sorted(left or by_surname, key=lambda p: (first.get(p, 0), p))
            alone = self.first_alone[article].get(key)
            if alone is not None and first.get(ordered[0], 0) < alone < first.get(ordered[1], 0):
                return ordered[0]
            # else the one the article names most often, if one does
            ranked = sorted(((people[p], p) for p in left or by_surname), reverse=True)
            return ranked[0][1] if ranked[0][0] > ranked[1][0] else None
        by_first = [p for p, first, _last in words if first == key]
        if len(by_first) == 1:
            return by_first[0]
        if by_first:
            return None
        # "Hunter" in an article that names Joe Biden, when the corpus knows one Hunter Biden: the
        # first name of a person of a family the article is about
        surnames = {last for _p, _first, last in words}
        family = [p for p, first, last in self.corpus_words if first == key and last in surnames]
        return family[0] if len(family) == 1 else None


def _first_last(name: str) -> tuple[str, str]:
    """First and last word of a name's comparison key."""
    words = name_key(name).split(" ")
    return words[0], words[-1]


def canonicalize(tables: Tables, aliases: str | Path | None = None) -> Tables:
    """Give every entity, quote speaker and claim source one canonical name across the corpus.

    Parameters
    ----------
    tables
        Parsed tables (entities, quotes and claims are read).
    aliases
        Optional path of your own alias CSV (header ``alias,canonical,label``), read after the
        packaged ``s400lib/data/aliases.csv`` so your rows win.

    Returns
    -------
    Tables
        New tables with ``entities.canonical``, ``entities.canonical_rule``, ``entities.label``
        (fixed; spaCy's in ``entities.spacy_label``), ``quotes.speaker`` and ``claims.source``
        mapped to canonical names, and ``claims.entities`` linked to the new canonical names.
    """
    from ..extract.claims import attach_entities

    named = NameMap(NameStats.of(tables.entities, tables.quotes), aliases).apply(tables)
    named.claims = attach_entities(named.claims, named.entities)
    return named


def canonicalize_speakers(quotes: pd.DataFrame, entities: pd.DataFrame, aliases: str | Path | None = None) -> pd.DataFrame:
    """Canonical speaker names for the quotes of one text (used by :func:`extract_quotes`)."""
    names = NameMap(NameStats.of(entities, quotes), aliases)
    return quotes.assign(speaker=schema.typed_array([names.speaker(v) for v in quotes["speaker"].tolist()], "string"))
