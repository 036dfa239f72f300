"""The words the speaker rules know: titles, roles, media, bodies, documents, pronouns."""

from __future__ import annotations

import functools
import re

from ...core.nlp import TITLE_ABBREVIATIONS


PRONOUN_WINDOW = 6  # sentences to look back for a pronoun's antecedent
ROLE_WINDOW = 25  # sentences to look back for a person whose title matches a role noun

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them"}
FIRST_PERSON = {"i", "we", "me", "us", "you"}

# Words that are titles in front of a name, never part of it ("Senator", "Deputy").
# the titles that stand only before a personal name ("Mrs May", never "Mrs Ministry")
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."}
HONORIFICS = {
    "senator", "sen.", "deputy", "president", "vice", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "dr", "dr.", "chairman", "chairwoman", "general", "gen.", "colonel", "admiral", "ambassador",
    "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "rep.", "congressman",
    "congresswoman", "professor", "prof.", "commander", "king", "queen", "prince", "sheikh", "sir",
    "judge", "mp", "pm", "lieutenant", "captain", "marshal", "patriarch", "pope", "premier",
    "ceo", "cfo", "coo", "chancellor", "prosecutor", "gov.", "commissioner",
    "councillor", "councilor", "councilman", "councilwoman", "alderman",
    "detective", "constable", "sheriff", "bishop", "archbishop", "rabbi", "imam",
    "father", "fr.", "reverend", "rev.", "pastor", "cardinal", "ayatollah", "coach",
    "lawyer", "attorney", "inspector", "superintendent", "sergeant", "sister",
} | TITLE_ABBREVIATIONS  # ranks written short ("Brig. Gen. Bambang Suryo")
# Person nouns a sentence may open with before a name ("Survivor Nils Berg said", "Witness Ola Brun
# told ..."): the model takes the capitalised noun into the name. Dropped only with two words of a
# name left after them; nouns that are also first names ("Hunter", "Taylor", "Carter") are not here.
LEADING_ROLE_WORDS = {
    "survivor", "witness", "eyewitness", "firefighter", "fireman", "neighbour", "neighbor", "resident",
    "passenger", "victim", "student", "nurse", "doctor", "farmer", "driver", "activist", "campaigner",
    "protester", "protestor", "analyst", "economist", "researcher", "scientist", "historian", "volunteer",
    "teacher", "lecturer", "officer", "paramedic", "rescuer", "shopkeeper", "villager", "relative", "pilot",
    "veteran", "widow", "widower", "organiser", "organizer", "manager", "chef", "owner", "founder",
}
# A member of a party, as news names a politician it spoke of just before: "the Wisconsin Republican"
# (singular: "the Republicans" are the party)
PARTY_MEMBER_WORDS = frozenset({"republican", "democrat", "conservative", "tory", "liberal", "socialist", "communist",
                                "labourite", "nationalist"})
# Qualifiers dropped only when an honorific follows ("Republican Senator", "Turkish President").
QUALIFIERS = {
    "republican", "democrat", "democratic", "foreign", "defense", "defence", "russian", "turkish",
    "american", "israeli", "ukrainian", "chinese", "german", "french", "british", "former", "acting",
    "late", "then", "us", "u.s.", "state", "deputy", "vice", "prime", "first", "crown",
}
# The field of a minister, secretary or committee: "Finance Minister", "Interior Secretary", "Health
# Committee" are titles however they are capitalised, never a person's name.
PORTFOLIO_WORDS = {
    "finance", "interior", "foreign", "defence", "defense", "health", "education", "justice", "trade",
    "economy", "economic", "energy", "environment", "transport", "labour", "labor", "agriculture", "culture",
    "home", "treasury", "communications", "immigration", "housing", "industry", "tourism", "fisheries",
    "sports", "information", "security", "development", "affairs", "intelligence", "commerce", "budget",
}
TITLE_WORDS = {
    "senator", "sen.", "deputy", "president", "vice", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "dr", "dr.", "chairman", "chairwoman", "chair", "general", "gen.", "colonel", "admiral",
    "ambassador", "governor", "mayor", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "representative", "rep.", "congressman", "congresswoman", "professor", "prof.", "director", "chief",
    "head", "leader", "official", "commander", "king", "queen", "prince", "sheikh", "lord", "lady",
    "sir", "judge", "justice", "speaker", "mp", "pm", "republican", "democrat", "democratic", "foreign",
    "defense", "defence", "russian", "turkish", "american", "israeli", "ukrainian", "chinese", "german",
    "french", "british", "lieutenant", "captain", "major", "sergeant", "marshal", "patriarch", "pope",
    "councillor", "councilor", "councilman", "councilwoman", "alderman",
    "detective", "constable", "sheriff", "bishop", "archbishop", "rabbi", "imam",
    "lawyer", "attorney", "inspector", "superintendent", "sister",
} | TITLE_ABBREVIATIONS

# Role nouns that stand for any title of their group ("the politician" may be a senator or a mayor);
# any other role noun names one office, met only by that title or its other names ("the governor" is no
# mayor, "the PM" is the prime minister)
GENERIC_ROLES = frozenset({"politician", "official", "lawmaker", "legislator", "parliamentarian", "leader", "head", "chief", "boss",
                           "representative", "member", "expert", "analyst", "observer", "commentator", "specialist",
                           "journalist", "reporter", "author", "diplomat", "officer", "monarch"})
ROLE_SYNONYMS: dict[str, set[str]] = {
    "pm": {"prime", "minister", "premier"}, "premier": {"prime", "minister", "pm"},
    "chairman": {"chair", "chairwoman"}, "chairwoman": {"chair", "chairman"}, "chair": {"chairman", "chairwoman"},
    "spokesman": {"spokesperson", "spokeswoman"}, "spokeswoman": {"spokesperson", "spokesman"},
    "spokesperson": {"spokesman", "spokeswoman"}, "congressman": {"representative", "rep."},
    "congresswoman": {"representative", "rep."}, "senator": {"sen."}, "governor": {"gov."},
}
# Role nouns that stand for a person, grouped so that a role matches a title of the same group.
ROLE_GROUPS: dict[str, set[str]] = {
    "head": {"head", "chairman", "chairwoman", "chair", "chief", "director", "leader", "boss", "president", "commissioner"},
    "legislator": {"parliamentarian", "senator", "deputy", "lawmaker", "legislator", "congressman",
                   "congresswoman", "mp", "representative", "politician", "member", "speaker"},
    # "pm": the prime minister, as British papers write it ("the PM said")
    "politician": {"politician", "senator", "deputy", "minister", "parliamentarian", "lawmaker",
                   "president", "governor", "mayor", "chairman", "leader", "official", "premier", "pm"},
    "official": {"official", "representative", "spokesman", "spokeswoman", "spokesperson", "minister",
                 "secretary", "diplomat", "ambassador", "envoy", "officer", "director", "head"},
    "military": {"general", "commander", "officer", "colonel", "admiral", "marshal", "chief"},
    "expert": {"expert", "analyst", "scientist", "professor", "researcher", "economist", "specialist",
               "observer", "commentator"},
    "journalist": {"journalist", "reporter", "correspondent", "editor", "columnist", "author"},
    "royal": {"prince", "princess", "king", "queen", "emir", "sultan", "sheikh", "monarch"},
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
# Words of an outlet's name ("Rudaw TV", "Kyodo News", "the Press Association") and the wire services and
# broadcasters news cites by a bare name: only an outlet relays someone's first-person words
OUTLET_WORDS = frozenset({
    "tv", "television", "news", "radio", "press", "times", "post", "journal", "channel", "network", "broadcasting",
    "broadcaster", "daily", "gazette", "herald", "tribune", "telegraph", "chronicle", "media", "newspaper",
    "reuters", "ap", "afp", "tass", "interfax", "ria", "xinhua", "anadolu", "irna", "kcna", "yonhap", "cnn", "bbc",
    "sputnik", "kyodo", "bernama", "efe", "ansa", "dpa", "isna", "fars", "mehr", "tasnim", "sana", "nhk", "wafa",
})
# Common nouns for unnamed sources: "one trader in Singapore", "a senior official".
SOURCE_NOUNS = {"trader", "source", "investor", "banker", "resident", "witness", "insider", "person",
                "executive", "strategist", "economist", "analyst", "diplomat", "official", "officer",
                "spokesman", "spokeswoman", "spokesperson", "lawmaker", "adviser", "advisor", "aide",
                "negotiator", "expert", "observer", "employee", "worker", "activist", "voter"}
# Nouns for the people close to someone, who speak as one: "the family of Mia Holt", "his relatives".
KIN_NOUNS = {"family", "relatives", "parents"}
# One person close to someone, by sex where the word says it: "his fiancee said" is a woman who is not him.
RELATION_NOUNS = {
    **dict.fromkeys(["wife", "fiancee", "fiancée", "widow", "girlfriend", "daughter", "mother", "sister"], "f"),
    **dict.fromkeys(["husband", "fiance", "fiancé", "widower", "boyfriend", "son", "father", "brother"], "m"),
    "partner": None,
}
# Common nouns that stand for an organisation: "the bank said", "the ministry said".
ORG_NOUNS = {"bank", "company", "firm", "ministry", "government", "department", "embassy", "council",
             "committee", "court", "army", "military", "office", "agency", "group", "organisation",
             "organization", "alliance", "union", "party", "administration", "commission", "service",
             "authority", "authorities", "regulator", "kremlin", "pentagon", "cabinet", "parliament",
             "airline", "carrier", "manufacturer", "carmaker", "automaker", "insurer", "retailer", "club",
             "university", "hospital", "police", "inspectorate", "directorate", "secretariat", "federation",
             "association", "institute", "board", "bureau", "watchdog", "observatory", "centre", "center",
             "brigade", "body", "force", "corps", "navy", "coastguard", "presidency"}
# Words in the name of a body that a generic noun stands for ("the airline" -> "Ethiopian Airlines").
ORG_NOUN_HINTS = {"airline": ("air",), "carrier": ("air",), "carmaker": ("motor", "auto"), "automaker": ("motor", "auto"),
                  "government": ("government", "ministry", "cabinet"), "police": ("police",)}
def is_age_phrase(tok) -> bool:
    """Whether the token ends an age used as a noun: "the 31-year-old" (tokens 31 - year - old)."""
    if tok.lower_ != "old" or tok.i < 2:
        return False
    doc = tok.doc
    return doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("year", "years")


# Kinds of body, by the words that name them in a common noun or in a name: "the company" may be
# "Veltor Group", never "the Interior Ministry"; "the government" may be a ministry, never a firm.
_BODY_FAMILIES = {
    "business": {"company", "firm", "group", "co", "inc", "corp", "corporation", "ltd", "holdings", "plc", "llc",
                 "industries", "motors", "airlines", "airways", "airline", "carrier", "bank", "insurer",
                 "manufacturer", "carmaker", "automaker", "retailer"},
    "local": {"council", "municipality", "borough"},
    "state": {"government", "ministry", "department", "cabinet", "administration", "office", "commission",
              "authority", "authorities", "agency", "embassy", "kremlin", "pentagon", "parliament", "committee",
              "regulator", "service", "inspectorate", "directorate", "secretariat", "board", "bureau", "watchdog"},
    "force": {"army", "military", "police", "navy", "forces", "guard"},
    "party": {"party", "alliance", "union"},
    "court": {"court", "tribunal"},
    "school": {"university", "college", "institute"},
    "hospital": {"hospital", "clinic"},
    "club": {"club", "league"},
    # a street or a building the model called an organisation is no body that speaks ("Marsh Lane")
    "place": {"lane", "street", "road", "avenue", "square", "flats", "quay", "pier", "bridge"},
}
BODY_FAMILY = {word: family for family, words in _BODY_FAMILIES.items() for word in words}


def same_kind_of_body(noun: str, name: str) -> bool:
    """Whether ``name`` says it is the kind of body the common noun ``noun`` stands for ("the
    government" and "the Interior Ministry")."""
    family = BODY_FAMILY.get(noun)
    return family is not None and any(BODY_FAMILY.get(w) == family for w in name.lower().replace(".", "").split())


def other_kind_of_body(noun: str, name: str) -> bool:
    """Whether ``name`` says it is a kind of body that the common noun ``noun`` cannot stand for
    ("the government" and "Veltor Group"); False when the name says nothing of its kind."""
    family = BODY_FAMILY.get(noun)
    kinds = {BODY_FAMILY[w] for w in name.lower().replace(".", "").split() if w in BODY_FAMILY}
    return family is not None and bool(kinds) and family not in kinds


PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
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
               "army", "navy", "police", "government", "airlines", "airways", "motors", "energy", "international",
               "brigade", "service", "services", "civile", "agency", "cathedral", "church", "airport", "street", "square"}


@functools.cache
def _given_names():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def given_name_sex(word: str) -> str | None:
    """'m' or 'f' for a first name that gender-guesser's lexicon (about 40,000 names of many
    countries) gives one sex, or mostly one, and that is no English adjective or verb; None otherwise. "Red Cross",
    "Mark Lane" and "General Motors" start with words before they start with names."""
    if not word[:1].isupper():
        return None
    found = _given_names().get_gender(word)
    if found == "unknown" and "-" in word:  # "Anne-Sophie": the first part says it
        found = _given_names().get_gender(word.split("-")[0])
    # "mostly male" (Jesús) and "mostly female" (María) are the lexicon's reading of a name used for both
    # in some countries, taken as its usual sex as a reader would; but the lexicon reads English words so
    # too ("The", "Will"), so only a word that is no English word (stop word or WordNet noun) is taken
    if found in ("mostly_male", "mostly_female") and not _english_word(word):
        found = found.removeprefix("mostly_")
    sex = {"male": "m", "female": "f"}.get(found)
    if sex is None or word.lower() in _english_adjectives_and_verbs():
        return None
    return sex


def is_english_word(word: str) -> bool:
    """Whether a word, in any case, is an English word: a stop word, or a noun, adjective or verb of the
    English lemma index (WordNet's) packaged with the spaCy model."""
    return _english_word(word) or word.lower() in _english_adjectives_and_verbs()


def _english_word(word: str) -> bool:
    """Whether a word is an English stop word or a noun of the English lemma index (WordNet's)."""
    from ...core.nlp import load_nlp

    return word.lower() in load_nlp().Defaults.stop_words or word.lower() in _english_nouns()


@functools.cache
def _english_nouns() -> frozenset[str]:
    from ...core.nlp import load_nlp

    return frozenset(load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index").get("noun", []))


@functools.cache
def _english_adjectives_and_verbs() -> frozenset[str]:
    """Adjectives and verbs of the English lemma index packaged with the spaCy model (WordNet's)."""
    from ...core.nlp import load_nlp

    index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for pos in ("adj", "verb") for w in index.get(pos, []))


def looks_like_named_person(name: str) -> bool:
    """A two- or three-word name of capitalised words, no word of bodies, whose first word is a
    known first name: 'Jean-Claude Gallet' when the model labelled it an organisation."""
    return looks_like_personal_name(name) and given_name_sex(name.split(" ")[0]) is not None


# Particles before a father's name in Arabic and related names: "Mohammed bin Salman" is Salman's son
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint", "ben", "ould", "binti"})
# Words that join the parts of a personal name: "Faisal bin Salman Al Rashid", "Ludwig van Beethoven"
NAME_PARTICLES = {"bin", "ibn", "bint", "ben", "al", "el", "abu", "de", "da", "di", "do", "dos", "das", "del", "della",
                  "van", "von", "der", "den", "la", "le", "du", "y"}


def looks_like_personal_name(name: str) -> bool:
    """Two or three capitalised words, none of them an acronym, a number or a word of bodies; with a
    name particle ("bin", "al", "van"), up to four such words besides the particles."""
    words = str(name).split(" ")
    parts = [w for w in words if w.lower() not in NAME_PARTICLES]
    most = 4 if len(parts) < len(words) else 3
    return 2 <= len(parts) <= most and all(all(_name_word(part) for part in w.split("-"))
                                           and w.lower() not in _BODY_WORDS for w in parts)


# prefixes after which a name's word has a second capital: "McCormack", "MacArthur", "O'Donnell", "DiMaggio"
_INNER_CAPITAL_PREFIXES = ("Mc", "Mac", "O'", "O’", "D'", "D’", "Di", "De", "Le", "La")


def _name_word(part: str) -> bool:
    """A capitalised word of letters (any alphabet: "Peña"), or one with a second capital after a prefix."""
    for prefix in _INNER_CAPITAL_PREFIXES:
        if part.startswith(prefix) and len(part) > len(prefix) + 1 and part[len(prefix)].isupper():
            part = part[len(prefix):]
            break
    return part[:1].isupper() and part[1:].islower() and part.isalpha()


# Common nouns for people by what they do, beside the roles and titles: an apposition with one of these
# says that the name it describes is a person's; before a name, capitalised, it is no part of it
# ("Defender Jamie Everton").
OCCUPATION_NOUNS = {
    "doctor", "surgeon", "nurse", "physician", "teacher", "student", "farmer", "pilot", "driver", "engineer",
    "lawyer", "attorney", "banker", "writer", "artist", "singer", "actor", "actress", "player", "striker",
    "midfielder", "defender", "goalkeeper", "coach", "manager", "owner", "founder", "mother", "father",
    "son", "daughter", "wife", "husband", "widow", "brother", "sister", "survivor", "victim", "veteran",
    "priest", "pastor", "historian", "architect", "designer", "photographer", "chef", "soldier", "candidate",
    "campaigner", "activist", "volunteer", "resident", "mayor", "councillor", "councilor", "lecturer",
    "forward", "winger", "keeper", "medic", "paramedic", "midwife", "cleric", "imam", "rabbi", "monk", "nun",
}

# Job titles that, written alone, name nobody ("Chief Executive", "the Prosecutor").
JOB_TITLES = {"executive", "ceo", "cfo", "coach", "curator", "prosecutor", "attorney", "lawyer", "manager",
              "administrator", "commissioner", "envoy", "counsel", "treasurer", "captain", "founder", "owner"}
# What a body releases as evidence: "figures released by the ministry showed", "radar data unveiled by the
# ministry claimed" (a noun before them says what kind they are, never whose they are).
EVIDENCE_NOUNS = frozenset({"data", "datum", "figure", "statistic", "image", "finding", "result"})
# Documents that speak for whoever issued them: "a statement from the ministry said".
DOCUMENT_NOUNS = {"statement", "report", "letter", "communique", "communiqué", "release", "document", "memo",
                  "study", "survey", "poll", "filing", "notice", "declaration", "announcement", "review", "analysis", "audit",
                  "research", "assessment",
                  # where a body posts its words: "the force's website said", "the ministry's Twitter account"
                  "website", "site", "account", "feed",
                  # what a campaign or a person sends out: "a fundraising email sent out by the senator warned",
                  # "a video released by the campaign said", "her post on Facebook read"
                  "email", "e-mail", "video", "ad", "advertisement", "mailer", "flyer", "leaflet", "post", "tweet",
                  "message", "newsletter", "petition"} | EVIDENCE_NOUNS
_ROLE_MEDIA_ORG = ROLE_NOUNS | MEDIA_NOUNS | ORG_NOUNS
# Works of finding out: a study or a report frames what it found from the side ("Emissions have doubled, a
# report found"), and one of them is often named again by another ("a review by the ministry ... the report
# said"), so they point back to one another.
FINDING_NOUNS = frozenset({"report", "study", "survey", "poll", "analysis", "review", "investigation", "inquiry", "audit",
                           "research", "assessment"})
# What a work of finding out does with its findings: "It also found that ...", where "it" is the study.
FINDING_VERBS = frozenset({"find", "show", "conclude", "estimate"})
QUANTIFIER_HEADS = {"number", "group", "couple", "lot", "majority", "handful", "dozen", "series", "few", "some"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
_POSSESSIVE = re.compile(r"\s*['’]s?$")


# The same few names recur in every article and across the corpus; the result depends on the
# text alone, so it is computed once per distinct string.
@functools.lru_cache(maxsize=1 << 13)
def clean_name(text: str) -> str:
    """A name as written, without a leading article, titles, trailing possessive or line breaks.

    >>> clean_name("the State Duma’s")
    'State Duma'
    >>> clean_name("Senator Vladimir Dzhabarov")
    'Vladimir Dzhabarov'
    >>> clean_name("President Juan Guaido Guaido")
    'Juan Guaido'
    """
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", text) if re.search(r"['’]s?$", text) and len(text) > 3 else text
    words = text.split(" ")
    while len(words) > 1 and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    # an airline's flight is no part of the airline's name: "Malaysia Airlines Flight" (MH17 left out)
    if len(words) > 1 and words[-1].lower() == "flight":
        words = words[:-1]
    while len(words) > 1:
        first = words[0].lower()
        # a rank written with a hyphen is a title of titles: "Major-General", "Lieutenant-Colonel", "Vice-Admiral"
        ranked = "-" in first and all(part in HONORIFICS or part in _RANK_PARTS for part in first.split("-"))
        if first in HONORIFICS or ranked or (first in LEADING_ROLE_WORDS and len(words) > 2):
            words = words[1:]
        elif first in QUALIFIERS and len(words) > 2 and any(w.lower() in HONORIFICS for w in words[1:-1]):
            words = words[1:]
        else:
            break
    # a title with the place or body it serves before it: "Clark County Sheriff Joe Lombardo", "Texas
    # Governor Greg Abbott" (a given name and a surname after the title)
    inner = [k for k, w in enumerate(words[1:-2], start=1) if w.lower() in HONORIFICS and w[:1].isupper()]
    if inner and all(w[:1].isupper() for w in words[: inner[-1]]):
        words = words[inner[-1] + 1 :]
    # a word written twice running after a given name is a slip of the page: "Juan Guaido Guaido" is Juan Guaido
    # (a name of two words only may be the same word twice: "Walla Walla", "Sirhan Sirhan")
    if len(words) >= 3:
        words = [w for k, w in enumerate(words) if k == 0 or w.lower() != words[k - 1].lower() or not w[:1].isupper()]
    return " ".join(words).strip(" ,;:")


# military ranks: titles that name no office of their own ("Colonel Turki al-Malki" may be a spokesman)
RANKS = frozenset({"general", "colonel", "admiral", "marshal", "commander", "captain", "major", "lieutenant", "sergeant",
                   "brigadier"})
# the first words of a rank written with a hyphen: "Major-General", "Brigadier-General", "Rear-Admiral"
_RANK_PARTS = RANKS | {"rear", "air", "field", "staff", "vice"}


# Small words an acronym leaves out: "International Committee of the Red Cross" is ICRC.
ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&"}


# "DfT", "TfL", "DfE": capitals for the main words, a small letter for a small word ("for")
_MIXED_ACRONYM = re.compile(r"(?:[A-Z][a-z]?)+[A-Z]")


def is_acronym(name: str) -> bool:
    """Two to six capitals, dots allowed: "UN", "U.N.", "ICRC"; capitals with a small letter for
    a small word between them: "DfT" (Department for Transport); or two groups of capitals joined by a
    hyphen: "ZANU-PF"."""
    bare = str(name).replace(".", "").strip()
    parts = bare.split("-")
    if len(parts) == 2 and len(parts[0]) >= 2 and all(p.isalpha() and p.isupper() for p in parts) and len(bare) <= 9:
        return True  # two acronyms joined: "ZANU-PF" (Zimbabwe African National Union-Patriotic Front), "MDC-T"
    if not (2 <= len(bare) <= 6 and bare.isalpha()):
        return False
    return bare.isupper() or bool(_MIXED_ACRONYM.fullmatch(bare))


def initials_of(words: str) -> str:
    """First letters, lower case, of the words an acronym keeps ('International Committee of the Red
    Cross' -> 'icrc'); '' for fewer than two such words."""
    kept = [w for w in re.split(r"[\s-]+", words.lower()) if w and w not in ACRONYM_SKIP]
    return "".join(w[0] for w in kept) if len(kept) >= 2 else ""


def acronym_letters(acronym: str) -> str:
    """The initials an acronym spells, lower case, in the form :func:`initials_of` gives: a small
    letter of a mixed-case acronym stands for a small word, which initials_of skips ("DfT" -> "dt")."""
    bare = str(acronym).replace(".", "").replace("-", "").strip()
    return "".join(c for c in bare if c.isupper()).lower() if not bare.isupper() else bare.lower()
