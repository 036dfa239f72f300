"""Quotations and their speakers: direct, partial, indirect and scare quotes.

One public entry point per use: :func:`quote_table` (inside :func:`s400lib.pipeline.parse`) and
:func:`extract_quotes` (one raw text). The rules, in the order they run:

1. **Quotation marks are paired** paragraph by paragraph (curly “ ”, guillemets « », straight ").
   A quote left open at the end of a paragraph continues when the next paragraph opens with a
   quotation mark (the newspaper convention for multi-paragraph quotes). Broken typography is
   repaired: an opening mark written after ``,`` or ``.`` and before a lower-case word
   (``military, “he said``) closes the open quote, and so does an opening mark with no closing
   mark after it in the paragraph.
2. **Kind.** One word, or two words not reported by a saying verb, and not a sentence on its
   own: ``scare`` (to “sell” its systems), speaker <NA>. Otherwise ``direct`` when the quoted text
   starts like a sentence (capital letter, digit or bracket), ``partial`` when it starts in lower
   case (could agree “behind closed doors”).
3. **Cue and speaker** (``speaker_rule`` names what fired):

   * after the closing mark, a speech verb within a few words: ``“...,” Slutsky told reporters``,
     ``said the head of the committee``, ``“...” Haaretz notes``; with ``quote``/``cite`` the
     quoted person is the verb's object (``TASS quoted him as saying`` -> him -> the person:
     rule ``medium``);
   * else the speech verb the quote depends on (``He noted that “...”``, ``said that X could
     agree “behind closed doors”``), found by walking up the dependency tree;
   * else a speech verb before the opening mark in the same sentence (``X said: “...”``);
   * else, for a quote that is a paragraph on its own, the previous quote's speaker
     (``previous_speaker``, low confidence).

   The mention found (name, pronoun, role noun, medium) is resolved to a person or organisation
   by :class:`s400lib.extract.speakers.SpeakerResolver`. When an organisation or outlet "says" a quote
   written in the first person ("I get the impression"), the outlet is relaying someone: the
   speaker becomes the latest salient person (``medium_first_person``, low confidence).
4. **Indirect speech** without quotation marks: a speech verb with a clausal complement that has
   its own subject or a "that" ("X said that ...", "X suggested ...", "..., the publication
   recalls"), "according to X, ...", "V the idea/opinion that ..." and "..., citing X". The
   reported clause is the row's text. Impersonal reports ("It is noted that") and first-person
   ones ("we reported") are left out: they have no speaker to find.

5. **Reports inside a direct quote** ("“I suspect they won't do that,” he said"): an ``indirect`` row
   whose ``nested_in`` is the quote around it; "I"/"we" is the quote's speaker.
6. **Signed statements** without quotation marks, as press releases set them out: the paragraph above
   a line that is only a name and a role ("Charles Bolden, NASA Administrator"), and those before it
   in the signer's own voice, are ``direct`` rows (``signed``).

Known limits: nested quotes inside quotes are not split out; a pronoun other than "I"/"we" inside a
quote is not resolved; a pronoun's sex decides only between candidates the text or a first name
already gives a sex (recency and salience decide the rest).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pandas as pd
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from ..core import schema
from ..core.countries import is_known_place
from ..core.nlp import opening_dateline
from ..core.schema import column_values
from .context import ArticleContext
from .speakers import FIRST_PERSON, ROLE_NOUNS, Resolution, SpeakerResolver, is_age_phrase
from .speakers.lexicon import DOCUMENT_NOUNS, FINDING_NOUNS, FINDING_VERBS, MEDIA_NOUNS, OCCUPATION_NOUNS, OUTLET_WORDS, SOURCE_NOUNS
from .speakers.mentions import name_served, subjects_of

# Verbs of finding and showing: they report a "that"-clause ("the study found that ...", "figures
# show that ...") but never frame a sentence from the side.
REPORT_ONLY_THAT = {"find", "show", "recommend", "estimate",
                    # and verbs of bringing someone round: "we've convinced the regulator that ..."
                    "convince", "persuade"}
# Lemmas that introduce speech (direct or reported). 'note' and 'quote' also cover the plural
# nouns spaCy sometimes tags them as ("Haaretz notes").
SPEECH_VERBS = {
    "say", "tell", "add", "note", "stress", "emphasize", "emphasise", "explain", "suggest", "recall",
    "admit", "announce", "claim", "insist", "argue", "believe", "think", "warn", "report", "write",
    "declare", "state", "assert", "confirm", "deny", "acknowledge", "remark", "comment", "reply",
    "answer", "respond", "predict", "mention", "indicate", "reveal", "underline", "observe",
    "complain", "promise", "demand", "urge", "ask", "quote", "cite", "continue", "conclude", "assure",
    "concede", "contend", "tweet", "post", "recount", "specify", "clarify", "point", "doubt", "fear",
    "hint", "boast", "joke", "object", "protest", "retort", "inform", "caution", "allege",
    "estimate", "emphasis", "underscore", "highlight", "propose", "express", "voice", "share",
    "echo", "counter", "maintain", "reason", "lament", "vow", "pledge", "plead", "reiterate", "recall",
    "testify", "charge", "fume", "thunder", "proclaim", "suspect", "speculate", "lie", "disclose", "divulge", "confide", "interject",
    *REPORT_ONLY_THAT,
} | set(MANNER_VERBS := {
    # manner-of-speaking verbs: they introduce the words around them but never report a clause
    # ("“...,” she laughs" is speech; "she laughs that ..." is not English)
    "laugh", "shrug", "smile", "sigh", "chuckle", "quip", "muse", "exclaim", "shout", "whisper", "cry",
    "scoff", "grin", "nod", "snap", "sneer", "groan", "gush", "marvel", "rave", "scream", "yell",
    "mutter", "murmur", "wonder", "enthuse", "beam",
})
# cues that are nouns too ("the press", "the question"): speech only as verbs ("“...?” Beck questioned",
# "“...?” Hannity pressed"), and only around quotes
VERB_ONLY_CUES = {"question", "press"}
SPEECH_VERBS |= VERB_ONLY_CUES
# Verbs that name or judge something in someone's words: the quoted complement is the subject's
# ("called the plan “a betrayal”", "described the vote as “rigged”", "praised the “quiet courage”").
# As verbs only: "the 25 July call" and "a group called “Stay in School”" name nobody's words.
NAMING_VERBS = {"call", "describe", "characterize", "characterise", "dub", "label", "brand", "term", "attack",
                "criticize", "criticise", "praise", "slam", "blast", "accuse", "hail", "condemn", "mock", "denounce", "blame"}
SPEECH_VERBS |= NAMING_VERBS
# the verbs by which a headline reports someone's words ("X says ...", "X warns ..."); "fear", "hope" and
# the like in a headline are the outlet's summary, not speech
HEADLINE_SAYING = {"say", "tell", "warn", "claim", "insist", "confirm", "announce", "admit", "deny", "vow", "pledge"}
# verbs that judge a claim "as" something in the subject's words: "denied the accusation as “unacceptable”"
JUDGING_AS_VERBS = {"deny", "dismiss", "reject", "decry", "refute"}
# Verbs that only introduce a quote placed after them or around them, not indirect speech.
QUOTE_ONLY = {"continue", "quote", "cite", "joke", "tweet", "post", "boast", "object", "share",
              "express", "voice", "highlight", "propose"} | MANNER_VERBS | NAMING_VERBS | VERB_ONLY_CUES
MEDIUM_VERBS = {"quote", "cite"}
# verbs that voice a feeling or a view named by their object: the object may be the subject's own words
VOICING_VERBS = {"express", "voice"}
# ... but a post or a tweet can report a "that"-clause: "posted on their Facebook page that the rescue
# was successful"
POSTING_VERBS = {"tweet", "post"}
# Nouns whose "that"-clause is reported content: "announced the idea that ...", "told X in a statement that ...".
CONTENT_NOUNS = {"idea", "opinion", "view", "belief", "claim", "assumption", "position", "statement",
                 "assurance", "hope", "conviction", "suggestion", "fear", "concern", "thesis", "version",
                 "interview", "letter", "email", "message", "post", "report", "speech", "note", "remark", "comment",
                 # feelings voiced about a state of affairs: "expressed relief that ...", "voiced doubt that ..."
                 "relief", "regret", "confidence", "optimism", "satisfaction", "doubt", "frustration", "anger",
                 "surprise", "disappointment", "dismay", "sorrow", "gratitude", "worry", "scepticism",
                 "skepticism", "alarm", "outrage", "shock"}
OPEN_MARKS = "“«„"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
ALL_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
# two apostrophes stand for a straight quotation mark in text from news archives ("''This isn't tax
# reform,'' said ..."): one mark two characters long. Three are that mark and a single quote inside it
# ("''Sometimes they say, 'Yeah, ... country,''' said ..."); four or more are no mark
DOUBLE_APOSTROPHE = "''"
_MARK_RE = re.compile(f"(?<!')('{{2,3}})(?!')|[{re.escape(ALL_MARKS)}]")


def _mark_positions(text: str, start: int, end: int) -> list[int]:
    """Offsets of the quotation marks in ``text[start:end]``; for three apostrophes, the two that open
    (before a word) or close (after one) the outer quote."""
    out = []
    for m in _MARK_RE.finditer(text, start, end):
        at = m.start()
        if m.group(1) and len(m.group(1)) == 3 and at > 0 and not text[at - 1].isspace() and text[at - 1] not in "([{":
            at += 1  # a single quote closes inside, then the two close the outer quote
        out.append(at)
    return out
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_FIRST_PERSON_SINGULAR = r"I|me|my|mine|I['’]m|I['’]ve"
_FIRST_PERSON_RE = re.compile(rf"\b({_FIRST_PERSON_SINGULAR})\b")
AFTER_WINDOW = 8  # word tokens after a closing mark in which to look for the speech verb
CONTINUED_LINES = 6  # paragraphs an unclosed quote may run over when a later one closes it without reopening


@dataclass
class QuoteSpan:
    """A pair of quotation marks: ``start``/``end`` exclude the marks."""

    open: int
    close: int | None  # offset of the closing mark, None when the quote never closes
    start: int
    end: int
    broken: bool = False  # the closing mark was written as an opening one


def _prev_nonspace(text: str, i: int, floor: int) -> str:
    j = i - 1
    while j >= floor and text[j] == " ":
        j -= 1
    return text[j] if j >= floor else ""


def _mark_length(text: str, i: int) -> int:
    """Characters of the quotation mark at ``i``: 2 for two apostrophes, else 1."""
    return 2 if text.startswith(DOUBLE_APOSTROPHE, i) else 1


def _is_mark(token_text: str) -> bool:
    """Whether a token is a quotation mark (one character of ALL_MARKS, or two apostrophes)."""
    return token_text == DOUBLE_APOSTROPHE or (len(token_text) == 1 and token_text in ALL_MARKS)


def _has_mark(text: str) -> bool:
    """Whether a text holds a quotation mark."""
    return DOUBLE_APOSTROPHE in text or any(ch in text for ch in ALL_MARKS)


def past_close(text: str, q: "QuoteSpan") -> int:
    """The offset right after the closing mark of ``q`` (which must have one)."""
    return q.close + _mark_length(text, q.close)


def _role(text: str, i: int, p0: int, p1: int) -> str:
    """'open' or 'close' for the mark at ``i`` judged from its neighbours."""
    width = _mark_length(text, i)
    ch = STRAIGHT if width == 2 else text[i]
    before = text[i - 1] if i > p0 else " "
    after = text[i + width] if i + width < p1 else " "
    if ch == STRAIGHT and before.isspace() and _prev_nonspace(text, i, p0) in ",.!?;…" and after.islower():
        return "broken_close"
    if ch in OPEN_MARKS:
        # “ after a comma/full stop and before a lower-case word: a closing mark typed wrongly
        if _prev_nonspace(text, i, p0) in ",.!?;…" and after.islower():
            return "broken_close"
        if after.isspace() and not before.isspace():
            return "broken_close"
        return "open"
    if ch in CLOSE_MARKS:
        if before.isspace() and after.isalnum():
            return "open"  # ”word: an opening mark typed wrongly
        return "close"
    # straight quote: direction from the neighbours
    if before.isspace() or before in "([{—–-" or i == p0:
        return "open" if not after.isspace() else "either"
    return "close"


def pair_quotation_marks(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair the quotation marks of the given paragraphs (in reading order).

    Parameters
    ----------
    text
        The article text.
    paragraphs
        (start, end) of each paragraph to read, in order (boilerplate left out).

    Returns
    -------
    list of QuoteSpan, in text order.
    """
    spans: list[QuoteSpan] = []
    pending: int | None = None
    depth = 0  # nested opening marks inside the open quote
    prev_end = None
    paragraphs = list(paragraphs)
    marks_of = [_mark_positions(text, p0, p1) for p0, p1 in paragraphs]

    def closed_later(k: int) -> bool:
        """Does the open quote end in paragraph ``k`` or the few after it, with no mark opening
        first? Text written one sentence per line ('said, "I think ... / It was ... / ... better."')
        breaks a quote over lines that do not reopen it."""
        for j in range(k, min(k + CONTINUED_LINES, len(paragraphs))):
            if marks_of[j]:
                q0, q1 = paragraphs[j]
                return _role(text, marks_of[j][0], q0, q1) in ("close", "broken_close") and marks_of[j][0] != q0
        return False

    for k, (p0, p1) in enumerate(paragraphs):
        marks = marks_of[k]
        if pending is not None:
            depth = 0
            if marks and marks[0] == p0 and _role(text, p0, p0, p1) in ("open", "either"):
                marks = marks[1:]  # the quote continues into this paragraph
            elif not closed_later(k):
                spans.append(_span(text, pending, None, prev_end))
                pending = None
        for n, i in enumerate(marks):
            role = _role(text, i, p0, p1)
            later_close = any(_role(text, j, p0, p1) in ("close", "either", "broken_close") for j in marks[n + 1 :])
            if pending is None:
                # with nothing open, a mark that looks like a misplaced closer opens a quote
                # ('he said, "and we ...' continues a split quote)
                if role in ("open", "either", "broken_close"):
                    pending = i
                continue
            if role in ("close", "either"):
                if depth > 0:
                    depth -= 1  # closes a nested quote
                    continue
                spans.append(_span(text, pending, i, i))
                pending = None
            elif role == "broken_close" or not later_close:
                spans.append(_span(text, pending, i, i, broken=True))
                pending, depth = None, 0
            else:
                depth += 1  # a quote inside the quote; the outer one stays open
        prev_end = p1
    if pending is not None and prev_end is not None:
        spans.append(_span(text, pending, None, prev_end))
    return spans


def _span(text: str, open_: int, close: int | None, end: int, broken: bool = False) -> QuoteSpan:
    start = open_ + _mark_length(text, open_)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_, close, start, end, broken)


# ------------------------------------------------------------------------------------------------
def _tokens_between(doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


def _says_that(verb) -> bool:
    """Whether a verb has a clause complement opened by "that"."""
    return any(c.dep_ == "ccomp" and any(_is_that(m) for m in c.children) for c in verb.children)


def _is_speech(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in NAMING_VERBS:
        return tok.pos_ == "VERB"
    if lemma in _ASPECT_CUES and any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "will continue to be “a champion”": going on being, not going on speaking
    if lemma == "put":
        return _puts_it(tok)
    if lemma in VERB_ONLY_CUES:
        return tok.pos_ == "VERB"
    if lemma in _ANSWERING_BACK:
        # "back" right after the verb, read as a particle or an adverb ("shot back", "hit back at critics")
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" and c.i == tok.i + 1 for c in tok.children)
    if lemma == "read":
        # "“...,” the statement reads", "the letter read": what a text says, not someone reading
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _READ_TEXTS for c in tok.children)
    return lemma in SPEECH_VERBS or tok.lower_ in ("notes", "quotes")


# texts whose words are quoted with "reads": a statement, a letter, a sign
_READ_TEXTS = DOCUMENT_NOUNS | {"message", "note", "sign", "banner", "placard", "post", "tweet", "caption", "inscription",
                                "email", "card", "text"}


# verbs that answer a critic with "back" ("shot back", "fired back", "hit back"): a retort, so a cue
_ANSWERING_BACK = frozenset({"shoot", "fire", "hit"})


def _puts_it(tok: Token) -> bool:
    """"As one trader put it, “...”": "put it" in a clause opened by "as" says the words that follow."""
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) and any(c.lower_ == "as" and c.dep_ == "mark" for c in tok.children)


# cues that also say only that something goes on ("he continued, “...”" / "continue to be")
_ASPECT_CUES = {"continue", "go", "begin", "start"}


# String-store ids of the speech and naming lemmas, in the cases a lemma is written (ids are hashes
# of the string, so they hold for every doc). A set fixed here rather than a cache of every lemma
# seen, which grew with the vocabulary of a long run.
def _lemma_ids(words) -> frozenset[int]:
    return frozenset(get_string_id(form) for w in words for form in (w, w.capitalize(), w.upper()))


_SPEECH_LEMMA_IDS = _lemma_ids((SPEECH_VERBS - NAMING_VERBS) | {"put", "read"} | _ANSWERING_BACK)
_CHECKED_WHOLE = _ASPECT_CUES | {"put", "read"} | _ANSWERING_BACK | VERB_ONLY_CUES
_NAMING_LEMMA_IDS = _lemma_ids(NAMING_VERBS)
_NOTES_QUOTES_IDS = {get_string_id("notes"), get_string_id("quotes")}


def _speech_indices(doc) -> list[int]:
    """Indices, in order, of the tokens :func:`_is_speech` accepts.

    Read from one array of the doc: the per-article loops then build spaCy Tokens only for the few
    speech words instead of testing every token of the article.
    """
    out = []
    for i, (lemma, low, pos) in enumerate(doc.to_array([LEMMA, LOWER, POS]).tolist()):
        if lemma in _SPEECH_LEMMA_IDS or lemma in _NAMING_LEMMA_IDS and pos == VERB or low in _NOTES_QUOTES_IDS:
            out.append(i)
    # the few aspect verbs among them ("continue to be") and "put" ("as she put it") are checked whole, as
    # _is_speech does
    return [i for i in out if doc[i].lemma_.lower() not in _CHECKED_WHOLE or _is_speech(doc[i])]


def _cue_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    if tok.lower_ == "notes":
        return "note"
    if tok.lower_ == "quotes":
        return "quote"
    if lemma == "point" and any(c.lower_ == "out" for c in tok.children):
        return "point out"
    if lemma in _ANSWERING_BACK:
        return f"{lemma} back"
    if tok.lower_ == "according":
        return "according to"  # as the reported clauses' cue is written
    return lemma


def _antecedent_of_relative(verb: Token) -> Token | None:
    """The one a relative clause's "who", "which" or "that" stands for, when the clause's verb has one as
    its subject: "backed by Teo Lind, who said the inquiry was overdue" (Teo Lind), "Iran, which has
    denied the accusation" (Iran); "Police in Marrow, who had said ..." is the police, not the place."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or not any(
            c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in verb.children):
        return None
    antecedent = verb.head
    if antecedent.ent_type_ in ("GPE", "LOC") and antecedent.dep_ == "pobj" and antecedent.head.head.pos_ in ("NOUN", "PROPN") \
            and antecedent.head.lower_ in ("in", "of", "from", "at"):
        antecedent = antecedent.head.head
    return antecedent


_TIME_PREPOSITIONS = {"before", "after", "while", "when", "upon", "by"}
# what a recording shows someone saying is said by that someone: "footage of Ruth Okafor asking, “...”"
_RECORDING_NOUNS = {"footage", "video", "clip", "recording", "tape", "audio", "image", "images", "film", "broadcast"}


def _recorded(subject: Token) -> Token:
    if subject.lemma_.lower() not in _RECORDING_NOUNS:
        return subject
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    who = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return who if who is not None and (who.ent_type_ in ("PERSON", "ORG") or who.pos_ == "PROPN") else subject


def _subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The verb's subject; when spaCy gives two ("The newspaper Haaretz announced"), the name."""
    # a conjoined verb shares its subject ("X said and added"); an adverbial clause does not
    # ("Asked whether ..., she declined": she was asked, she did not ask)
    # a participle clause does share it ("Macron praised the firefighters, saying ...": Macron says)
    shares = verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    # "Ms. Halvorsen, exasperated, responded": a verb the parser could only hang on the word before it ("dep")
    # has that word's subject
    shares = shares or (verb.dep_ == "dep" and verb.head.i < verb.i and verb.head.pos_ == "VERB")
    # so does an infinitive of purpose ("The mayor took to Facebook to say ...": the mayor says)
    shares = shares or (verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))
    # "X said the pumps were running but warned ...": a reported clause has a subject of its own;
    # one without is the speaker's second verb, misread by the parser
    shares = shares or (verb.dep_ == "ccomp" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children))
    head = verb.head
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and any(c.dep_ == "nsubjpass" for c in verb.children) and _cue_lemma(verb) not in MEDIUM_VERBS:
        # "it is asserted by the Crown that ...": the "it" holds the clause's place, the agent speaks; so
        # does the agent of "Varga was told by the harbour master that ...", "was asked by the moderator
        # whether ...", where the subject is the one told or asked ("was quoted by Reuters" is the medium's)
        by = [c for c in agent.children if c.dep_ == "pobj"]
        if by:
            return by[0]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in DOCUMENT_NOUNS and head.dep_ in ("dobj", "pobj"):
        # "Central Command released a statement calling the downing an 'unprovoked attack'", "The army
        # denied any involvement in a statement blaming “terrorist groups”": who issued the statement
        # says what it says (the subject of the verb its phrase hangs on)
        governing = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None) if head.dep_ == "pobj" else head.head
        issuers = [c for c in governing.children if c.dep_ == "nsubj"] if governing is not None else []
        if issuers:
            return issuers[0]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX") \
            and verb.i > 0 and verb.doc[verb.i - 1].text == "," and depth < 3:
        # "Carson rejected the notion that ..., saying that ...": a participle set off by a comma tells what the
        # subject did, whatever noun the parser hangs it on
        return _subject_of(head.head, depth + 1)
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.pos_ == "VERB":
        # "Smith was quoted as saying ...": the one quoted says it; "IRNA quoted the Guard's website as
        # saying ...": the one quoted is the object, not the agency that quotes
        quoted = [c for c in head.head.children if c.dep_ == "dobj"]
        if quoted:
            return quoted[0]
        head, shares = head.head, True
    if shares and verb.dep_ == "advcl" and verb.tag_ == "VBG" and _is_speech(verb) and head.dep_ == "ccomp" \
            and not _is_speech(head) and _is_speech(head.head) and head.head.pos_ in ("VERB", "AUX"):
        # "Okafor told the Herald that Reyes “had a crazy plan,” adding, “...”": the parser hangs the
        # participle on the reported clause; who adds is who told
        head = head.head
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in _TIME_PREPOSITIONS and head.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "Lenz sings to the crowd before asking them, “...”": who sings asks
        head, shares = head.head, True
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX") \
            and not (_is_speech(head) and subjects_of(head)):  # "X denied ... and said ..., the paper reports": X's verbs
        # "X said the port was closed and added ...": the parser hangs the second cue on the
        # reported clause; it is the speaker's second verb, so it shares the speaker's subject
        head = head.head
    if (antecedent := _antecedent_of_relative(verb)) is not None:
        return antecedent
    for v in (verb, head) if shares else (verb,):
        # "The new study bumps that number upward; the study found that ...": the parser may give the
        # verb a second subject from the clause before a semicolon, which is a sentence of its own
        subjects = [c for c in subjects_of(v) if not _semicolon_between(c, v)] or subjects_of(v)
        # a headline's label before a colon is no subject ("Ferry fire: Varnia is lashing out, says Holt")
        unlabelled = [c for c in subjects if not (c.i < v.i and _colon_between(c, v))]
        if not unlabelled and (inverted := _name_closing_after(v)) is not None:
            return inverted
        subjects = unlabelled or subjects
        if subjects:
            named = [c for c in subjects if _is_named(c)]
            # "Malaysia's Prime Minister, Najib Razak said": two subjects, a title and the name after it
            named.sort(key=lambda c: c.lower_ in ROLE_NOUNS)
            return _recorded((named or subjects)[0])
    # "Nunez, also present at the scene, said": the parser gives the name to the inserted clause;
    # a verb conjoined to that one ("..., said ... but urged") shares the name too
    for v in (verb, head) if shares else (verb,):
        for clause in v.children:
            if clause.dep_ == "advcl" and clause.i < v.i:
                inner = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i
                         and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")]
                if inner:
                    return inner[0]
    # "the 31-year-old wrote": the parser reads the age as a modifier of the verb
    for c in verb.children:
        if c.i < verb.i and is_age_phrase(c):
            return c
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and _says_that(verb) \
            and not any(c.dep_ == "auxpass" for c in verb.children):
        # "The SEALs, who ..., posted on Facebook that ...": with no finite verb left, the parser reads
        # the cue as a participle on its subject
        return head
    if shares and depth < 3 and head.i != verb.i and head.pos_ in ("VERB", "AUX") \
            and (head.dep_ == "conj" or (head.dep_ == "advcl" and head.tag_ == "VBG")):
        # "Warren appeared with Maddow and endorsed Clinton, saying ...", "wears a suit, pointing to bottles
        # and telling viewers ...": each verb of the chain shares its subject with the one it hangs on
        return _subject_of(head, depth + 1)
    main = head if shares and verb.dep_ == "conj" else verb
    if main.dep_ != "ROOT":
        return None
    return _name_left_of(main) or _name_closing_after(main)


def _colon_between(a: Token, b: Token) -> bool:
    """Whether a colon stands between two tokens of one sentence."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ":" for t in a.doc[lo + 1 : hi])


def _name_closing_after(verb: Token) -> Token | None:
    """A name right after a speech verb that closes its sentence, which the parser left without a role
    ("Iran is lashing out, says Pompeo" at a paragraph's end): the inverted subject."""
    nxt = verb.i + 1
    # (the one after a verb of telling is the hearer: "..., told AFP")
    if nxt >= len(verb.doc) or verb.i == 0 or verb.doc[verb.i - 1].text not in (",", "”", '"') \
            or verb.lemma_.lower() in _TELLING_VERBS:
        return None
    tok = verb.doc[nxt]
    if tok.head.i != verb.i or tok.dep_ not in ("dep", "dobj", "npadvmod", "attr", "appos", "oprd", "punct") \
            or not _is_named(tok):
        return None
    rest = [t for t in verb.doc[tok.right_edge.i + 1 : verb.sent.end] if not t.is_space]
    return tok if all(t.is_punct for t in rest) else None


def _name_left_of(verb: Token) -> Token | None:
    """A person named just before a main verb the parser left without a subject ('Speaking in their
    defence, Tom Molomby, SC, said that ...': the name hangs off the participle)."""
    i = verb.i - 1
    while i >= max(0, verb.i - 6):
        t = verb.doc[i]
        if t.ent_type_ == "PERSON" and name_served(t) is None:  # not "Gene Sperling, a Clinton adviser, said"
            return t
        if t.pos_ in ("VERB", "AUX") or t.text in ".;:!?":
            break
        i -= 1
    # "In a post on Facebook, the mine's owner, Golden Ridge Resources, wrote that ...": the parser
    # hangs the subject on the opening phrase as an apposition; the phrase set off by commas right
    # before the verb is who writes (its outermost apposition, which the resolver reads whole)
    k = verb.i - 1
    if k >= 1 and verb.doc[k].text == ",":
        t = verb.doc[k - 1]
        while t.dep_ in ("compound", "flat") and t.head.i < verb.i:
            t = t.head
        if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN"):
            while t.head.dep_ == "appos" and t.head.i < t.i:
                t = t.head
            return t
    return None


def _object_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and (nxt.pos_ in ("PRON", "PROPN")):
        return nxt
    return None


def _head_of_group(tokens: list[Token]) -> Token | None:
    """The head of a short noun phrase given as tokens: its nsubj, else its last noun/pronoun."""
    for t in tokens:
        if t.dep_ in ("nsubj", "nsubjpass"):
            return t
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return nouns[-1] if nouns else None


@dataclass
class Cue:
    verb: Token
    subject: Token | None  # the mention to resolve
    rule: str  # where the cue was found
    medium: bool = False


def _cue_after(doc, q: QuoteSpan, text: str, limit: int) -> Cue | None:
    """A speech verb right after the closing mark: '”, Slutsky said', '” said the head of ...'."""
    if q.close is None:
        return None
    inner = text[q.start : q.end]
    k = past_close(text, q)
    while k < limit and text[k] == " ":
        k += 1
    nxt = text[k : k + 1]
    ends_sentence = inner.rstrip()[-1:] in ".!?…"
    if not (q.broken or inner.rstrip().endswith(",") or nxt in (",", "—", "–") or nxt.islower()
            or (not ends_sentence and nxt.isalpha()) or (nxt.isupper() and _name_then_cue(doc, k, limit))):
        return None
    toks = []
    for t in _tokens_between(doc, past_close(text, q), limit):
        if t.idx <= q.close:
            continue
        if _is_mark(t.text) or (t.is_sent_start and toks and t.text[:1].isupper() and toks[-1].text in ".!?"):
            break
        toks.append(t)
    # "(think Eleanor Roosevelt)": an aside in brackets frames nothing outside it ("Sen. Ann Kerr (D-Mo.)
    # said" goes on after it)
    depth, kept = 0, []
    for t in toks:
        depth += t.text == "("
        if depth == 0:
            kept.append(t)
        depth -= t.text == ")" and depth > 0
    toks = kept
    # the window counts the words of the frame, not what describes its speaker: in '”, Seth McKee, a
    # political scientist at Texas Tech University, told The Hill' the verb is the third word that counts
    words = _frame_words(toks, q.close)
    if words and words[0].lower_ in _CLAUSE_OPENERS:
        # '“...”, while the mayor, Ada Colau, demanded ...': another clause with its own subject begins;
        # its verb is no frame of the quote, which is left to the verb it hangs on
        return None
    for n, t in enumerate(words[:AFTER_WINDOW]):
        if t.text in (".", "!", "?"):
            break
        if t.pos_ == "PROPN" or t.ent_type_:
            continue  # "the Islamic State": a word of a name is no verb of saying
        if n == 0 and t.lower_ == "according" and len(words) > 2 and words[1].lower_ == "to":
            # '“...,” according to analyst Bea Lindgren': the source follows, as after a speech verb
            head = _according_source(words[1], words[2:6])
            return Cue(t, head, "according_to") if head is not None else None
        # a word of speech read as a noun may still be the verb ("Haaretz notes"), but not when it is the
        # subject of the verb ("”, the report said")
        if _is_speech(t) and (t.pos_ in ("VERB", "AUX") or n > 0 and t.dep_ not in ("nsubj", "nsubjpass")):
            before = [w for w in words[:n] if w.pos_ not in ("PUNCT", "CCONJ")]
            if _cue_lemma(t) in MEDIUM_VERBS:
                obj = _object_of(t)
                if obj is not None:
                    return Cue(t, obj, "medium", medium=True)
            subj = _subject_of(t)
            if subj is not None and not (q.start <= subj.idx < q.end):
                return Cue(t, subj, "after")
            if t.tag_ == "VBG" and not before:
                # '“It is time we change,” promising a return to its roots': a participle is never inverted
                # ("a return" does not promise); the frame the quote hangs on says who speaks
                return None
            head = _head_of_group(before)
            if head is None:  # inverted: '” said the head of the committee'
                # the noun the verb governs, however many words qualify it ('” added a South Carolina Democrat')
                governed = [w for w in words[n + 1 : n + 7] if w.head.i == t.i and w.pos_ in ("NOUN", "PROPN")]
                head = governed[0] if governed else _head_of_group([w for w in words[n + 1 : n + 6] if w.pos_ != "ADP"][:3])
            return Cue(t, head, "after")
    if inner.rstrip().endswith(","):
        return _unlisted_cue(words, q)
    return None


def _frame_words(tokens, close: int) -> list[Token]:
    """The words of an attribution after the closing mark at ``close``, without the words that describe its
    speaker (:func:`_describes_a_name`) and without punctuation."""
    return [t for t in tokens if not t.is_punct and not _describes_a_name(t, close)]


def _describes_a_name(t: Token, close: int) -> bool:
    """Whether ``t`` is a word of an apposition or relative clause that describes a noun after the closing
    mark ("a political scientist at ...", "who is running against ...")."""
    a = t
    for _ in range(8):
        if a.dep_ in ("appos", "relcl") and a.head.idx > close and a.head.pos_ in ("PROPN", "NOUN"):
            return True
        if a.head.i == a.i:
            return False
        a = a.head
    return False


# words that open a new clause after a quote's closing mark ("..., while X said"): what follows is no cue
_RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose"})
_CLAUSE_OPENERS = {"while", "whilst", "whereas", "although", "though", "but", "and", "because", "unless",
                   # '“... all the way through California,” which votes June 7': a relative clause about the last
                   # thing quoted, never its frame
                   *_RELATIVE_WORDS}


def _unlisted_cue(words: list[Token], q: QuoteSpan) -> Cue | None:
    """After a quote that ends in a comma ('“The vote was rigged,” Diaz bellowed'), English puts the
    attribution: a finite verb without an object, close to the mark, whose subject is a person's name
    or a pronoun, is the speech verb even when no list of verbs knows it."""
    for n, t in enumerate(words[:6]):
        if t.text in (".", "!", "?"):
            break
        if t.pos_ != "VERB" or t.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        governed = [c for c in t.children if c.dep_ in ("dobj", "obj", "ccomp", "xcomp") and not (q.start <= c.idx < q.end)]
        if n == 0 and len(governed) == 1 and governed[0].pos_ == "PROPN":
            return Cue(t, governed[0], "after")  # '” grumbled Petra Holm': the parser took the name for an object
        # the quoted clause itself hangs on the verb (ccomp); anything else it governs is not speech
        if governed:
            return None
        subj = _subject_of(t)
        if subj is None:
            # inverted order: '” bellowed the opposition leader'
            after = [w for w in words[n + 1 : n + 5] if w.pos_ in ("PROPN", "NOUN", "PRON")]
            subj = after[0] if after and n == 0 else None
        if subj is not None and (subj.ent_type_ == "PERSON" or subj.pos_ in ("PROPN", "PRON") or subj.lower_ in ROLE_NOUNS):
            return Cue(t, subj, "after")
        return None
    return None


NAME_BEFORE_CUE = 5
# conjunctions of time after a closing cue: '” Reyes said as he left', '” she said while ...', '... when asked'
_TIME_CONJUNCTIONS = {"as", "while", "when", "after", "before", "once", "since"}


_PARTY_LETTERS = frozenset({"D", "R", "I"})


def _without_party_tags(toks: list[Token]) -> list[Token]:
    """The tokens less a party-and-state tag set off by commas after a name, as US outlets write it ('Rep. Ann
    Boswell, D-Ore., said'): it describes the speaker and is no word of the frame."""
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t.text == "," and i + 4 < len(toks) and toks[i + 1].text in _PARTY_LETTERS and toks[i + 2].text == "-" \
                and toks[i + 3].text[:1].isupper() and toks[i + 4].text == ",":
            i += 5
            continue
        out.append(t)
        i += 1
    return out


def _name_then_cue(doc, k: int, limit: int) -> bool:
    """After a quote that ends its sentence ('“… act quickly!” Trump added.'), a short name or
    pronoun and a speech verb that closes the sentence still attribute it; a new sentence that
    merely starts with a name ('“…” Trump then left for Ohio.') does not."""
    toks = _without_party_tags([t for t in _tokens_between(doc, k, min(limit, k + 100)) if t.idx >= k][:NAME_BEFORE_CUE + 8])
    toks = toks[:NAME_BEFORE_CUE + 2]
    for n, t in enumerate(toks):
        if _is_speech(t) and t.pos_ in ("VERB", "AUX"):
            after = toks[n + 1] if n + 1 < len(toks) else None
            # the cue may go on with whom it was said to or how ('” Reyes asked reporters rhetorically') or
            # when ('” Reyes said as he left'), not with words of its own ('” Reyes said that ...' reports
            # something else)
            closes = after is None or after.text in (".", ",", ";") or (
                after.head.i == t.i and after.dep_ in ("dobj", "dative", "advmod", "npadvmod", "prep") and after.pos_ != "SCONJ") \
                or (after.pos_ == "SCONJ" and after.lower_ in _TIME_CONJUNCTIONS)
            # a name with its titles ('” US Senator Jeff Sanders said') is up to NAME_BEFORE_CUE words
            return 0 < n <= NAME_BEFORE_CUE and all(w.pos_ in ("PROPN", "PRON") or w.text in ".-"
                                                   or (w.text[:1].isupper() and w.dep_ in ("nsubj", "compound")) for w in toks[:n]) and closes
    return False


def _quoted_as_saying(verb: Token) -> Token | None:
    """The subject of a passive "was quoted as saying": the one whose words they are."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or not any(
            c.lower_ == "as" and any(g.lemma_ == "say" for g in c.children) for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _as_phrase(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ == "as"


def _judged_words(doc, q: QuoteSpan, verb: Token) -> bool:
    """Whether quoted words are what a verb calls or judges something: its predicate ("called it
    “reckless”", "a “Frankenstein” law" as what critics call it) or its "as" phrase ("condemned the attacks
    as “despicable”"); an object alone ("called the “way”") is not."""
    inside = [t for t in _tokens_between(doc, q.start, q.end) if not t.is_punct]
    t = inside[0] if inside else None
    # a predicate names something only when the verb has the thing it names ("called it ...");
    # "who called the “way” to resolve ..." names nothing
    names_something = any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
    for _ in range(12):
        if t is None or t.i == verb.i or t.head.i == t.i:
            return False
        if (t.dep_ in ("oprd", "xcomp", "attr", "acomp") and names_something) or _as_phrase(t):
            return True
        t = t.head
    return False


def _so_called(verb: Token) -> bool:
    """"the so-called “peace plan”": the writer keeps a distance from the words; nobody is quoted."""
    return verb.lower_ == "called" and verb.i >= 2 and verb.doc[verb.i - 2].lower_ == "so" and verb.doc[verb.i - 1].text == "-"


def _as_they_said(head, q: QuoteSpan) -> Cue | None:
    """The cue of a clause "as X said" ("as she put it", "as the mayor noted") before the quote that hangs
    on the clause holding the quote, with a subject of its own, or None."""
    for c in head.children:
        if c.dep_ == "advcl" and c.idx < q.open and c.pos_ == "VERB" and _is_speech(c) \
                and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children) and (subj := _subject_of(c)) is not None:
            return Cue(c, subj, "governing")
    return None


def _cue_governing(doc, q: QuoteSpan) -> Cue | None:
    """The speech verb the quoted words depend on: 'He noted that “...”'."""
    inside = [t for t in _tokens_between(doc, q.start, q.end) if not t.is_punct]
    if not inside:
        return None
    t = inside[0]
    child = grandchild = None
    for _ in range(12):
        if t.head.i == t.i:
            # "As Michael Dell said last week, “Israel is ...”": the aside hangs on the quoted words' own verb
            return _interjected_cue(t, q) or _as_they_said(t, q)
        clause, grandchild, child, t = grandchild, child, t, t.head
        if q.start <= t.idx < q.end:
            continue
        if (aside := _as_they_said(t, q)) is not None:
            # "As Ms. Perry said in July, the port is “a place that never sleeps”": the aside says whose words
            return aside
        if _cue_lemma(t) in MEDIUM_VERBS and (quoted := _quoted_as_saying(t)) is not None:
            return Cue(t, quoted, "governing")  # "“...” in Hormozgan, the Guard was quoted as saying by Press TV"
        if _cue_lemma(t) in JUDGING_AS_VERBS and t.pos_ == "VERB" and (
                _as_phrase(child) or (child.dep_ == "dobj" and grandchild is not None and _as_phrase(grandchild))):
            # "dismissed Mrs May's claim as a “circus show”": the subject's words for the claim
            return Cue(t, _subject_of(t), "governing")
        if _is_speech(t) and t.pos_ in ("VERB", "AUX") and any(c.dep_ == "auxpass" for c in t.children):
            continue  # "any process must be well thought out": a passive verb names no speaker; the frame is higher up
        if _is_speech(t) and t.pos_ in ("VERB", "AUX"):
            judged_as = _cue_lemma(t) in JUDGING_AS_VERBS and child.dep_ == "prep" and child.lower_ == "as"
            if (_cue_lemma(t) in NAMING_VERBS or judged_as) and child.dep_ in ("oprd", "dobj", "prep", "attr", "acomp", "xcomp", "ccomp", "npadvmod"):
                # the quoted words are what the subject calls or judges something
                return Cue(t, _subject_of(t), "governing")
            if _cue_lemma(t) in VOICING_VERBS and child.dep_ == "dobj" and q.start <= child.idx < q.end:
                # "expressed his “utmost sadness and regret”": the feeling voiced, in the subject's words; not
                # "expressed support for the “peace plan”", whose quoted words only name the plan
                return Cue(t, _subject_of(t), "governing")
            if _cue_lemma(t) in _TELLING_VERBS and child.dep_ == "dobj" and grandchild is not None \
                    and grandchild.dep_ in ("acl", "relcl") and any(_is_that(m) for m in grandchild.children):
                # "told crowds that the “...”": the parser hangs the that-clause on the hearer
                return Cue(t, _subject_of(t), "governing")
            if child.dep_ == "prep" and grandchild is not None and grandchild.dep_ == "pobj" \
                    and clause is not None and clause.dep_ in ("acl", "relcl") and any(_is_that(m) for m in clause.children):
                # "said in a statement that “...”": the parser hangs the that-clause on the statement
                return Cue(t, _subject_of(t), "governing")
            # only reported content counts ("noted that “...”"), not an object ("doubt the “deal”")
            if child.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "parataxis", "dep") and not (q.start <= child.idx < q.end and child.dep_ == "ccomp"):
                return None
            if _cue_lemma(t) in MEDIUM_VERBS:
                obj = _object_of(t)
                if obj is not None:
                    return Cue(t, obj, "medium", medium=True)
            return Cue(t, _subject_of(t), "governing")
    return None


def _is_named(tok: Token) -> bool:
    """Whether a word is part of a name: a proper noun, or a person or body the model found."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG")


def _may_speak(subject: Token) -> bool:
    """A subject who may own words: a name, a person's pronoun or a role; not a thing, nor "it"."""
    return (_is_named(subject) or subject.ent_type_ in ("NORP", "GPE")
            or subject.lower_ in _OWNER_PRONOUNS or subject.lemma_.lower() in ROLE_NOUNS)


def _speaker_above(t: Token, skip=lambda tok: False, stop=lambda tok: False) -> Cue | None:
    """The nearest verb above ``t`` whose subject may speak: words for which ``skip`` holds are passed over,
    and so is a clause reported by a speech verb ("said Clinton will have to choose ..., saying “...”": who
    said, not Clinton); None at a word for which ``stop`` holds or at a passive verb, which names nobody
    ("the plan was called “...”")."""
    for _ in range(12):
        if t.head.i == t.i:
            return None
        t = t.head
        if stop(t):
            return None
        if skip(t) or any(a.dep_ == "ccomp" and _is_speech(a.head) for a in (t, *t.ancestors)):
            continue
        if t.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "nsubjpass" for c in t.children):
                return None
            subj = _subject_of(t)
            if subj is not None and _may_speak(subj):
                return Cue(t, subj, "governing")
    return None


def _subject_of_participle_before(verb: Token) -> Cue | None:
    """"Rep. Lund (R-Ore.), citing the cost, said, “...”": the parser may make the participle between name and
    cue a clause of the cue's, with the name for its subject; that name speaks."""
    for clause in verb.children:
        if clause.i < verb.i and clause.tag_ == "VBG" and clause.dep_ in ("ccomp", "advcl"):
            names = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i and _is_named(c)]
            if names:
                return Cue(clause, names[0], "governing")
    return None


def _name_before_interruption(verb: Token) -> Cue | None:
    """"Mr. Olsen, asked about the closures, had said, “...”", "Okafor, whose start-up uses big data, said ...",
    "Olsen, meanwhile, who sits at zero endorsements, said ...": a name set off by a comma from a relative clause or
    a participle that describes it, then the cue after a comma. The parser, lost in the description, gives the cue
    no subject; the name is who speaks."""
    doc = verb.doc
    first = _frame_words_start(verb, verb.i)
    if first - 1 <= verb.sent.start or doc[first - 1].text != ",":
        return None
    for k in range(first - 2, verb.sent.start, -1):
        t = doc[k]
        if t.text != ",":
            continue
        # the words after this comma open a description: a relative word or a participle, after an adverb set off
        # on its own ("Olsen, meanwhile, who ...")
        j = k + 1
        while j < first - 1 and (doc[j].pos_ == "ADV" or doc[j].text == ","):
            j += 1
        opener = doc[j]
        # ("asked about", "reached by": a participle the model may tag as a past tense)
        participle = opener.tag_ in ("VBN", "VBG") or (opener.tag_ == "VBD" and j + 1 < len(doc) and doc[j + 1].pos_ == "ADP")
        if not (opener.lower_ in _RELATIVE_WORDS or participle):
            continue
        name = doc[k - 1]
        if _is_named(name) and name.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME", "NORP"):
            return Cue(verb, name, "interrupted")
    return None


def _clause_subject_cue(doc, q: QuoteSpan) -> Cue | None:
    """For words quoted in part that no speech verb frames: the nearest verb above them whose subject is
    someone who may speak ("Ryan worried that the safety net was becoming “a hammock ...”": not the net, but
    Ryan; "Obama has cautioned against “a betrayal of our values”"). The subject's words are quoted in his
    account of the matter."""
    inside = [t for t in _tokens_between(doc, q.start, q.end) if not t.is_punct]
    if not inside:
        return None
    return _speaker_above(inside[0], skip=lambda t: q.start <= t.idx < q.end)


def _interjected_cue(root: Token, q: QuoteSpan) -> Cue | None:
    """A speech verb set off by commas inside the sentence the quote belongs to, before the quote ("Trump,
    Sexton said, has created a “...”", "In Miami, Mr. Regalado said, Mr. Trump is seen as “...”"): the parser
    hangs it on the sentence's verb as an aside, but it frames the whole sentence."""
    for v in root.children:
        if v.dep_ == "parataxis" and v.i < root.i and v.idx < q.open and _is_speech(v) and v.pos_ == "VERB" \
                and v.i + 1 < len(v.doc) and v.doc[v.i + 1].text == "," and subjects_of(v):
            return Cue(v, _subject_of(v), "governing")
    return None


# the subject pronoun of a reported clause whose rest is quoted: 'tweeted to say he “also insists ...”'
_CLAUSE_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# who may own words quoted in part with no cue (_clause_subject_cue): a name, a person's pronoun or a role;
# not "it", most often a placeholder ("It's the pull of Obama's “...” promise")
_OWNER_PRONOUNS = _CLAUSE_PRONOUNS - {"it"}


def _in_hearer(t: Token) -> bool:
    """Whether ``t`` is a word of whom a telling verb addresses ('telling the crowd, “...”', 'told the
    local paper: “...”'): the verb's object, up to two words deep."""
    for _ in range(3):
        if t.dep_ in ("dobj", "dative") and t.head.pos_ == "VERB" and _cue_lemma(t.head) in _TELLING_VERBS | {"ask"}:
            return True
        if t.dep_ not in ("det", "amod", "compound", "poss", "nummod"):
            return False
        t = t.head
    return False


def _cue_before(doc, q: QuoteSpan, floor: int) -> Cue | None:
    """The last speech verb before the opening mark in the same sentence: 'X said: “...”'."""
    toks = [t for t in _tokens_between(doc, floor, q.open) if t.idx < q.open]
    for n, t in enumerate(reversed(toks)):
        hearer = _in_hearer(t)
        if t.text in ".!?" or n > 5 or (n > 3 and not hearer):
            break
        if not (t.is_punct or t.pos_ in ("ADV", "SCONJ") or t.lower_ == "that" or _is_speech(t) or t.lower_ in _CLAUSE_PRONOUNS
                or (t.lower_ in _HEARER_PRONOUNS and t.dep_ in ("dobj", "dative")) or hearer):
            break  # only 'X said: “', 'X said that “', 'X said he “', 'X asked them, “', 'telling the crowd, “' or 'X added, “' introduce a quote from before
        if _is_speech(t) and t.pos_ in ("VERB", "AUX"):
            subj = _subject_of(t)
            return Cue(t, subj, "before")
    return None


_PERSONAL_PRONOUNS = {"he", "she", "they", "i", "we"}
_HEARER_PRONOUNS = {"him", "her", "them", "me", "us", "you"}
# nouns of what someone says, whose owner speaks the quote a colon announces after them
_SAYING_NOUNS = {"message", "answer", "response", "reply", "verdict", "advice", "warning", "reaction", "explanation",
                 "view", "position", "retort", "plea", "assessment", "argument", "comment", "words"}


def _cue_colon(doc, q: QuoteSpan, floor: int) -> Cue | None:
    """A quote announced by a colon after a clause about someone: 'Berg, a surgeon, is blunt: “...”',
    'The minister had a message for farmers: “...”'. The clause's subject is the speaker when it is a
    name, a personal pronoun or a role noun; "The reason is simple: “...”" has none of these."""
    toks = [t for t in _tokens_between(doc, floor, q.open) if t.idx < q.open]
    if len(toks) < 3 or toks[-1].text != ":":
        return None
    head = toks[-2]
    # up to the main clause: in 'X told Sky News any process “must be well thought out”: “...”' the
    # speaker is the subject of "told", not of the reported clause
    for _ in range(12):
        if head.dep_ == "ROOT" or head.head.i == head.i or head.head.idx >= q.open:
            break
        head = head.head
    subj = _subject_of(head) if head.idx < q.open else None
    if subj is None or subj.idx < floor:
        return None
    if subj.lemma_.lower() in _SAYING_NOUNS and (owner := next((c for c in subj.children if c.dep_ == "poss"), None)) is not None \
            and owner.lower_ not in ("its", "their"):
        # "Roca's message was clear: “...”", "Her answer was short: “...”": the owner of the words
        return Cue(head, owner, "colon")
    if subj.ent_type_ in ("PERSON", "ORG") or _untagged_name(subj) or subj.lower_ in _PERSONAL_PRONOUNS \
            or (subj.pos_ == "NOUN" and subj.lemma_.lower() in ROLE_NOUNS | OCCUPATION_NOUNS):
        return Cue(head, subj, "colon")
    if subj.pos_ == "NOUN" and any(t.ent_type_ == "PERSON" or _untagged_name(t)
                                   for c in subj.children if c.dep_ == "appos" for t in c.subtree):
        # "Her colleague, councillor Ewan Ross, was more cautious: “...”": the name in apposition
        return Cue(head, subj, "colon")
    return None


def _according_source(to: Token, following: list[Token]) -> Token | None:
    """The source "according to" names: the object of ``to``, else the head of the few words
    ``following`` it ('according to curator Elaine Gustafon' may come out as two objects)."""
    source = [c for c in to.children if c.dep_ == "pobj"]
    return source[0] if source else _head_of_group([w for w in following if w.pos_ != "ADP" and not w.is_punct][:3])


def _cue_according_before(doc, q: QuoteSpan, floor: int) -> Cue | None:
    """'According to union leader Ana Ruiz, “...”': the source named right before the opening mark,
    with nothing but a comma or a dash between it and the quote."""
    toks = [t for t in _tokens_between(doc, floor, q.open) if t.idx < q.open]
    for k, t in enumerate(toks[:-2]):
        if t.lower_ != "according" or toks[k + 1].lower_ != "to":
            continue
        head = _according_source(toks[k + 1], toks[k + 2 : k + 6])
        if head is None:
            return None
        rest = [w for w in toks if w.i > max(head.right_edge.i, head.i)]
        if all(w.is_punct for w in rest):
            return Cue(t, head, "according_to")
        return None
    return None


def _cue_words_of(doc, q: QuoteSpan, floor: int) -> Cue | None:
    """'in the words of the prosecutor, Mark Tedeschi, “...”', 'in Ruiz's words, “...”'; 'From Ruiz's Facebook
    post: “...”', 'In the mayor's letter: “...”' (a document of someone's, nothing after it but the colon)."""
    before = [t for t in _tokens_between(doc, floor, q.open) if t.idx < q.open]
    for k, t in enumerate(before):
        if t.lower_ in ("from", "in") and t.dep_ in ("prep", "ROOT") and k + 1 < len(before):
            docs = [o for o in t.children if o.dep_ == "pobj" and o.lemma_.lower() in DOCUMENT_NOUNS]
            owner = [c for d in docs for c in d.children if c.dep_ == "poss"]
            if owner and all(w.is_punct for w in before if w.i > docs[0].right_edge.i) and before[-1].text in (":", ","):
                return Cue(docs[0], owner[0], "words_of")
            break  # only a phrase that opens the words before the quote
    for t in reversed(before):
        if t.lower_ != "words" or t.i == 0 or doc[t.i - 1].lower_ not in ("the", "own") and not any(c.dep_ == "poss" for c in t.children):
            continue
        owner = [c for c in t.children if c.dep_ == "poss"]
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                owner += [o for o in prep.children if o.dep_ == "pobj"]
        if owner:
            return Cue(t, owner[0], "words_of")
    return None


# words written in lower case inside a title ("Photographs and Prints from the Collection")
_TITLE_SMALL = frozenset("a an and as at but by for from in into nor of on or the to vs via with".split())
TITLE_MAX_WORDS = 12


def _is_title(text: str, q: "QuoteSpan") -> bool:
    """Whether the quoted words name a work (a website, an exhibition, a report) rather than
    quote someone: every word of three letters or more capitalised, two to
    :data:`TITLE_MAX_WORDS` words, and no sentence punctuation closing them (spoken words in
    marks end with a full stop or a comma, or run longer), but for a comma after "named", "titled" ...."""
    inner = text[q.start:q.end].strip()
    words = _WORD_RE.findall(inner)
    if not 2 <= len(words) <= TITLE_MAX_WORDS or inner[-1:] in ".!?…;":
        return False
    # a comma inside the marks after a name given as a name (American punctuation: 'the robot, named
    # "Better Idea of Afghan Girls," scored ...') still closes a title
    if inner[-1:] == "," and _WORD_RE.findall(text[max(0, q.open - 20):q.open])[-1:] not in (["named"], ["titled"], ["entitled"], ["dubbed"]):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words if len(w) >= 3)


def _classify(inner: str, governed: bool) -> str:
    words = _WORD_RE.findall(inner)
    stripped = inner.lstrip("([<…. ")
    first = stripped[:1]
    sentence_like = bool(first) and (first.isupper() or first.isdigit()) and (inner.rstrip()[-1:] in ".!?…," or len(words) > 4)
    # one quoted word is a so-called use even inside reported speech (to “sell” its systems);
    # two words count as someone's words only when a saying verb reports them
    if not sentence_like and (len(words) <= 1 or (len(words) == 2 and not governed)):
        return "scare"
    if first.isupper() or first.isdigit() or inner.lstrip()[:1] in "([<":
        return "direct"
    return "partial"


def _sentence_index(ctx: ArticleContext, offset: int) -> int | None:
    """Position, in the context's sentence lists, of the analysable sentence holding ``offset``."""
    i = bisect.bisect_right(ctx._starts, offset) - 1
    return i if i >= 0 and offset < ctx._ends[i] else None


def _sentence_bounds(ctx: ArticleContext, offset: int) -> tuple[int, int]:
    i = _sentence_index(ctx, offset)
    return (offset, offset) if i is None else (ctx._starts[i], ctx._ends[i])


class _Intervals:
    """Sorted, non-overlapping (start, end) ranges with O(log n) membership and overlap sums."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [a for a, _ in self.ranges]

    def find(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.ranges[i][0] <= offset < self.ranges[i][1]:
            return self.ranges[i]
        return None

    def __contains__(self, offset: int) -> bool:
        return self.find(offset) is not None

    def covered(self, start: int, end: int) -> int:
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        total = 0
        while i < len(self.ranges) and self.ranges[i][0] < end:
            a, b = self.ranges[i]
            total += max(0, min(end, b) - max(start, a))
            i += 1
        return total


def _speech_subject_tokens(ctx: ArticleContext, speech: list[int] | None = None) -> set[int]:
    """Token indices of the subjects (and quoted objects) of speech verbs: they are salient.

    ``speech`` is :func:`_speech_indices` of the doc when the caller already has it.
    """
    out = set()
    doc = ctx.doc
    for i in _speech_indices(doc) if speech is None else speech:
        tok = doc[i]
        subj = _subject_of(tok)
        if subj is not None:
            out.add(subj.i)
        if _cue_lemma(tok) in MEDIUM_VERBS:
            obj = _object_of(tok)
            if obj is not None:
                out.add(obj.i)
    return out


def _given(value) -> bool:
    """A value that is there: rows carried over from a previous quote hold <NA> for what is missing,
    whose truth value pandas refuses to guess."""
    return value is not None and value is not pd.NA and not (isinstance(value, float) and value != value) and value != ""


def _row(ctx: ArticleContext, start: int, end: int, kind: str, res: Resolution | None, rule: str | None,
         cue: str | None, confidence: float) -> dict:
    return {
        "article_id": ctx.article_id,
        "sent_id": ctx.sent_id_at(start),
        "start": start,
        "end": end,
        "text": ctx.text[start:end],
        "kind": kind,
        "speaker": res.name if res is not None and _given(res.name) else pd.NA,
        "speaker_kind": res.kind if res is not None and _given(res.name) else pd.NA,
        "speaker_text": res.text if res is not None and _given(res.text) else pd.NA,
        "speaker_start": res.start if res is not None and _given(res.start) else pd.NA,
        "speaker_end": res.end if res is not None and _given(res.end) else pd.NA,
        "speaker_rule": rule if _given(rule) else pd.NA,
        "cue": cue if _given(cue) else pd.NA,
        "confidence": round(confidence, 2),
    }


def _untagged_name(tok) -> bool:
    return tok.pos_ == "PROPN" and not tok.ent_type_


def _names_in_third_person(name: str, inner: str) -> bool:
    """The quoted words name the person by surname (people seldom speak of themselves that way)."""
    surname = name.split(" ")[-1]
    return len(surname) > 1 and re.search(rf"\b{re.escape(surname)}\b", inner) is not None


def _resolve_cue(resolver: SpeakerResolver, cue: Cue, inner: str, q: QuoteSpan) -> tuple[Resolution | None, str, float]:
    """Resolve a cue's mention for the quote ``q`` (its words ``inner``), applying the medium and first-person
    rules."""
    if cue.subject is None:
        # "Sen. Durbin, noting the size of the list, said, “...”": the parser hangs the cue on the participle,
        # whose subject speaks; the nearest verb above the cue with a subject who may speak
        # (never a verb of the quoted words, nor one after the cue: "As Amar put it, “Senate Republicans should
        # ...”" is no word of the senators')
        above = _speaker_above(cue.verb, stop=lambda t: q.open <= t.idx < q.end or t.i > cue.verb.i) \
            or _subject_of_participle_before(cue.verb) or _name_before_interruption(cue.verb)
        if above is None:
            return None, "cue_without_subject", 0.3
        res = resolver.resolve(above.subject)
        return res, "frame_subject" if res.rule == "cue_subject" else f"frame_subject+{res.rule}", min(res.confidence, 0.5)
    res = resolver.resolve(cue.subject)
    if res.rule == "pronoun" and res.name and _names_in_third_person(res.name, inner):
        # a speaker does not call himself by name: '“Warhol changed everything,” he said' is someone else
        res = resolver._resolve_pronoun(cue.subject, avoid=frozenset({res.name}))
    rule = res.rule
    conf = res.confidence
    if cue.medium:
        rule = f"medium+{res.rule}" if res.rule != "cue_subject" else "medium"
        conf = min(conf, 0.85)
    elif res.kind == "org" and _is_outlet(cue.subject, res.name) and _FIRST_PERSON_RE.search(inner):
        # an outlet "says" words in the first person: it relays someone ("“..., I get the impression ...”
        # the Turkish television channel indicates"). Only an outlet: a name the model took for a body
        # ("Concord resident Whit Symms", "Tiegen") is more often a person it missed, and handing his
        # words to the last person named is worse.
        m = resolver._lookback(q.open, {"person"}, 6)
        if m is not None:
            relayed = Resolution(m.name, "person", "medium_first_person", 0.5, res.text, res.start, res.end)
            return relayed, "medium_first_person", 0.5
    if res.name is None:
        return res, rule, 0.2
    return res, rule, conf


def _is_outlet(subject: Token, name: str | None) -> bool:
    """Whether a mention names an outlet: a noun for one ("the channel") or a name with an outlet's word."""
    if subject.lemma_.lower() in MEDIA_NOUNS:
        return True
    return bool({w.lower() for w in re.findall(r"[A-Za-z]+", name or subject.text)} & OUTLET_WORDS)


def _previous_attribution(prev: dict | None, reported: list[dict], offset: int) -> dict | None:
    """The attribution nearest before ``offset``: the previous quote, or a later report in indirect
    speech ('Wilkins also said Warhol was ... .' then a quote on its own: Wilkins goes on)."""
    k = bisect.bisect_right([int(r["end"]) for r in reported], offset) - 1
    indirect = reported[k] if k >= 0 else None
    if indirect is None or (prev is not None and int(prev["end"]) >= int(indirect["end"])):
        return prev
    return indirect


def _quoted_span_rows(ctx: ArticleContext, spans: list[QuoteSpan], resolver: SpeakerResolver,
                paragraph_bounds: list[tuple[int, int]] | None = None, reported: list[dict] | None = None) -> list[dict]:
    """Rows of the quotes in marks. ``reported`` are the article's indirect-speech rows, in text
    order: a quote standing alone after one of them continues its speaker."""
    doc, text = ctx.doc, ctx.text
    reported = sorted(reported or [], key=lambda r: int(r["end"]))
    rows = []
    prev: dict | None = None
    paragraphs = _Intervals(ctx.paragraph_bounds() if paragraph_bounds is None else paragraph_bounds)
    for q in spans:
        if q.end <= q.start or ctx.sent_id_at(q.start) is None:
            continue
        inner = text[q.start : q.end]
        s0, s1 = _sentence_bounds(ctx, q.close if q.close is not None else q.end)
        # the frame after the quote runs to the end of the paragraph's sentence holding the close
        para = paragraphs.find(q.close or q.end)
        para_end = para[1] if para else s1
        cue = _cue_after(doc, q, text, min(para_end, max(s1, (q.close or q.end) + 1) + 200))
        if cue is not None and cue.verb.lower_ == "according" and (governing := _cue_governing(doc, q)) is not None \
                and governing.subject is not None:
            # "May also said the explosion is “being treated ...,” according to the New York Times": the
            # outlet after "according to" carries May's words; the one who says them speaks
            cue = governing
        if cue is None:
            cue = _cue_governing(doc, q)
        if cue is None and (signer := _dash_signer(ctx, resolver, q) or _transcript_label(ctx, resolver, q.start, q.end)
                            or _name_label(ctx, resolver, q)) is not None:
            # '“...” ― Sonya Herridge', '"WALLACE: Let's start ..."': the words are signed or labelled
            rows.append(_row(ctx, q.start, q.end, "direct", signer, signer.rule, None, 0.6))
            prev = rows[-1]
            continue
        if cue is None:
            b0, _ = _sentence_bounds(ctx, q.open if ctx.sent_id_at(q.open) is not None else q.start)
            cue = (_cue_before(doc, q, b0) or _cue_colon(doc, q, b0) or _cue_according_before(doc, q, b0)
                   or _cue_words_of(doc, q, b0))
        if cue is not None and _so_called(cue.verb):
            cue = None
        if prev is not None and _split_continuation(ctx, prev, q):
            # “There is nothing on the table,” he said, “and we are not in a hurry.”
            res = Resolution(prev["speaker"], prev.get("speaker_kind") or "person", "split_quote", prev["confidence"],
                             prev["speaker_text"], prev["speaker_start"], prev["speaker_end"]) if not pd.isna(prev["speaker"]) else None
            row = _row(ctx, q.start, q.end, prev["kind"], res, "split_quote", prev["cue"], float(prev["confidence"]))
            rows.append(row)
            prev = row
            continue
        governed = cue is not None and cue.rule in ("governing", "before") and _cue_lemma(cue.verb) in {"say", "tell", "write", "reply", "answer", "add"} | NAMING_VERBS | VOICING_VERBS
        if _is_title(text, q):
            # the name of a work in marks: nobody says it
            rows.append(_row(ctx, q.start, q.end, "scare", None, "title", None, 0.6))
            continue
        kind = _classify(inner, governed)
        if kind == "scare" and cue is not None and cue.rule == "governing" and cue.subject is not None \
                and (_cue_lemma(cue.verb) in NAMING_VERBS | JUDGING_AS_VERBS) and _judged_words(doc, q, cue.verb):
            # a word or two the subject calls or judges something ("condemned the attacks as “despicable”",
            # "dismissed the claim as a “circus show”"): that subject's words, quoted in part
            kind = "partial"
        if kind == "scare":
            rows.append(_row(ctx, q.start, q.end, "scare", None, "scare", None, 0.7))
            continue
        if cue is not None:
            res, rule, conf = _resolve_cue(resolver, cue, inner, q)
            if q.close is None:
                conf *= 0.7
            if q.broken:
                conf *= 0.9
            row = _row(ctx, q.start, q.end, kind, res, rule, _cue_lemma(cue.verb), conf)
        elif (_alone_in_paragraph(ctx, q, paragraphs) or _own_sentence(ctx, q)) and (intro := _introduced_before(ctx, resolver, q)) is not None:
            row = _row(ctx, q.start, q.end, kind, intro, "introduced_before", None, 0.55)
        elif (before := _previous_attribution(prev, reported, q.open)) is not None and not pd.isna(before["speaker"]) \
                and (_alone_in_paragraph(ctx, q, paragraphs) or _follows(ctx, before, q)):
            row = _carried_on(ctx, q, kind, before, 0.5)
        elif kind == "partial" and before is not None and not pd.isna(before["speaker"]) \
                and _goes_on_in_next_paragraph(ctx, before, q, paragraphs):
            # 'the ministry said, adding that the information was “completely reliable”. ¶ The use of such
            # weapons “by terrorists has been repeatedly proved ...” in Iraq.': words in part in a sentence
            # of the outlet's that opens the next paragraph and names nobody go on with the last speaker
            row = _carried_on(ctx, q, kind, before, 0.4)
        elif before is not None and not pd.isna(before["speaker"]) and _speaks_on_next_sentence(ctx, before, q, inner):
            row = _carried_on(ctx, q, kind, before, 0.4)
        else:
            if len(_WORD_RE.findall(inner)) <= 4:
                rows.append(_row(ctx, q.start, q.end, "scare", None, "scare_no_cue", None, 0.4))
                continue
            if kind == "partial" and (cue := _clause_subject_cue(doc, q)) is not None:
                res, _, _ = _resolve_cue(resolver, cue, inner, q)
                row = _row(ctx, q.start, q.end, kind, res, "clause_subject", _cue_lemma(cue.verb), 0.3)
            else:
                row = _row(ctx, q.start, q.end, kind, None, "unresolved", None, 0.2)
        rows.append(row)
        prev = row
    return rows


# "“...” ― Sonya Herridge", "“...” — Tom Reyes, Lenton": a name after a dash right after the closing mark
# (or on the line below: '"..."\n\n- Sanders.', '-Michelle Marks, Philadelphia.')
_DASH_SIGNATURE = re.compile(r"(?:[ \t\u00a0]*[―—–]|[ \t\u00a0]*(?:\n[ \t\u00a0]*)+[―—–-])[ \t\u00a0]*(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0]+[A-Z][\w.'’-]*){0,4})(?=[ \t\u00a0]*(?:[,.;]|$|\n))")
# '"WALLACE: Let's start ..."', '"MR. KANE: No."': a transcript's speaker in capitals opening the quote
_TRANSCRIPT_LABEL = re.compile(r"\s*(?P<label>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
_NOT_A_LABEL = frozenset({"UPDATE", "BREAKING", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "VIDEO", "PHOTO", "PHOTOS",
                          "READ", "READ MORE", "RELATED", "CORRECTION", "WARNING", "EXCLUSIVE", "ANALYSIS", "OPINION", "LIVE",
                          "Q", "A", "PS", "P.S.", "ET", "GMT", "UTC", "AM", "PM"})


def _named_person(ctx: ArticleContext, resolver: SpeakerResolver, start: int, end: int, rule: str,
                  own_line: bool = False) -> Resolution | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    named = resolver.name_of(span[-1])
    if named is not None and named[1] == "person" and named[0][:1] not in "-–—―":
        return Resolution(named[0], "person", rule, 0.6, ctx.text[named[2]:named[3]], named[2], named[3])
    words = ctx.text[start:end].split()
    if own_line and len(words) == 1:
        # a line that is a dash and one name signs the quote above it ("- Okafor.")
        return Resolution(resolver.expand(words[0]), "person", rule, 0.5, ctx.text[start:end], start, end)
    if len(words) >= 2 or any(t.ent_type_ == "PERSON" for t in span):
        # a signature spaCy does not tag ("Christina N Luis Olidem") is still the signer's name
        return Resolution(" ".join(words), "person", rule, 0.5, ctx.text[start:end], start, end)
    return None


def _dash_signer(ctx: ArticleContext, resolver: SpeakerResolver, q: QuoteSpan) -> Resolution | None:
    """Words signed by a name after a dash, as a list of readers' comments or a pull quote sets them out:
    '“The plan is a mess.” ― Maria Lopes' (rule ``signed``)."""
    if q.close is None:
        return None
    m = _DASH_SIGNATURE.match(ctx.text, past_close(ctx.text, q))
    if m is None:
        return None
    end = m.end("name")
    if ctx.text[end - 1] == "." and not re.search(r"\b[A-Z]\.$", m.group("name")):
        end -= 1  # the sentence's full stop, not an initial's
    own_line = "\n" in ctx.text[past_close(ctx.text, q) : m.start("name")]
    if own_line and ctx.text[end:].split("\n", 1)[0].strip(" .\u00a0") and not re.match(r"[ \u00a0]*[,.]", ctx.text[end:]):
        return None  # "- The pier will cost a lot.": a line that goes on is a sentence, not a signature
    return _named_person(ctx, resolver, m.start("name"), end, "signed", own_line)


def _transcript_label(ctx: ArticleContext, resolver: SpeakerResolver, start: int, end: int) -> Resolution | None:
    """A transcript quoted line by line: '"PENCE: Well, we will not cut it."' is Pence's (rule
    ``transcript_label``), named in full when the article names him ("Mike Pence")."""
    m = _TRANSCRIPT_LABEL.match(ctx.text, start, end)
    if m is None or m.group("label").rstrip(".") in _NOT_A_LABEL or len(m.group("label")) < 3:
        return None
    words = [w.capitalize() for w in m.group("label").split() if w.rstrip(".").lower() not in ("mr", "mrs", "ms", "dr", "sen", "rep", "gov")]
    if not words:
        return None
    name = resolver.expand(words[-1]) if len(words) == 1 else " ".join(words)
    return Resolution(name, "person", "transcript_label", 0.6, ctx.text[m.start("label"):m.end("label")],
                      m.start("label"), m.end("label"))


# 'POLLS SHIFT SOUTH - Maria Lopez: “...”', a line that opens 'Pew Research: “...”': a name alone before the
# colon that opens a quote, after a dash or at the start of a line (a digest's or a live page's label)
_NAME_LABEL = re.compile(r"(?:^|\n|[―—–-][ \t\u00a0]+)[ \t\u00a0]*(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|of|and)){0,5})[ \t\u00a0]*:[ \t\u00a0]*$", re.MULTILINE)


def _name_label(ctx: ArticleContext, resolver: SpeakerResolver, q: QuoteSpan) -> Resolution | None:
    """A quote labelled by a name alone before a colon (rule ``label``): 'GOP HOLDS THE SOUTH - Jeffrey
    Lane: “...”'. Only a name of a person or a body labels: 'Note: “...”' or 'Washington: “...”' do not."""
    line_start = ctx.text.rfind("\n", 0, q.open) + 1
    m = _NAME_LABEL.search(ctx.text, line_start, q.open)
    if m is None:
        return None
    start, end = m.start("name"), m.end("name")
    span = _label_span(ctx, start, end)
    return _labelled_name(resolver, span, start, end, 0.6) if span is not None else None


# entity kinds a label before a colon names when it is a dateline or a heading, not who speaks
_PLACE_OR_TIME = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def _label_span(ctx: ArticleContext, start: int, end: int, not_speakers=_PLACE_OR_TIME) -> Span | None:
    """The words of a label before a colon, when they may name who speaks: no verb in lower case, no place, no time."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or any(t.pos_ in ("VERB", "AUX") and t.text[:1].islower() for t in span):
        return None
    if any(t.ent_type_ in not_speakers for t in span) or is_known_place(span.text):
        return None  # a place or a time before a colon is a dateline or a heading, not who speaks
    return span


def _labelled_name(resolver: SpeakerResolver, span: Span, start: int, end: int, confidence: float) -> Resolution | None:
    """The person or body the label at ``start``-``end`` (its words ``span``) names, when the name lies within the
    label (rule ``label``)."""
    named = resolver.name_of(span[-1])
    if named is None or named[1] not in ("person", "org") or not (named[2] >= start and named[3] <= end):
        return None
    return Resolution(named[0], named[1], "label", confidence, resolver.ctx.text[named[2]:named[3]], named[2], named[3])


FOLLOW_ON_WORDS = 30  # longest attribution between two quotes of one speaker ('..., said NAME, a professor at X.')


def _follows(ctx: ArticleContext, prev: dict, q: QuoteSpan) -> bool:
    """True when ``q`` opens right after the previous quote's sentence, in the same paragraph
    ('“The door is open,” he added. “It has always been open.”').

    Between the two there may be only the previous quote's own attribution: a few words, or one
    sentence that holds the previous speaker's mention and names nobody else
    ('“...,” Ana Ruiz told the BBC on Friday. “...”', '..., said Ana Ruiz, a professor at X. “...”').
    """
    gap = ctx.text[int(prev["end"]) : q.open]
    if "\n" in gap or gap.rstrip()[-1:] not in ".!?”\"":
        return False
    words = _WORD_RE.findall(gap)
    if len(words) <= 4:
        return True
    s0, s1 = prev.get("speaker_start"), prev.get("speaker_end")
    if not (_given(s0) and _given(s1)) or not (int(prev["end"]) <= int(s0) < q.open):
        return False
    span = ctx.doc.char_span(int(prev["end"]), q.open, alignment_mode="contract")
    if len(words) > FOLLOW_ON_WORDS:
        # what describes the speaker ('said Dino Spencer, who now runs the gym — which ...') is no new matter
        told = _frame_words(span, int(prev["end"])) if span is not None else words
        if len(told) > FOLLOW_ON_WORDS:
            return False
    # (the first word of the gap: right after a closing mark may stand a space no sentence holds)
    lead = int(prev["end"]) + 1 + (len(gap[1:]) - len(gap[1:].lstrip(" \u00a0\t”\"’'")))
    first, last = ctx.sent_id_at(min(lead, q.open - 1)), ctx.sent_id_at(max(q.open - 2, int(prev["end"]) + 1))
    if first is None or first != last and ctx.sent_id_at(int(s0)) != last:
        return False
    # another person as a subject would be a new speaker; a person as an object is the audience
    # ('told the Herald', which the small model often tags PERSON), and one in a clause that only sets the
    # scene, however deep, is no speaker ('told the Journal in July, after de Blasio stated an interest in ...',
    # 'said on the show when asked what Mr. Clinton would do')
    others = [e for e in _named_besides_speaker(span, prev) if e.label_ == "PERSON"
              and e.root.dep_ in ("nsubj", "nsubjpass") and not any(a.dep_ in _SCENE_CLAUSES for a in (e.root.head, *e.root.head.ancestors))]
    return not others


def _named_besides_speaker(gap, prev: dict) -> list:
    """The names in ``gap`` (a span between the previous quote and the next, or None) other than the previous
    speaker's own mention."""
    s0, s1 = prev.get("speaker_start"), prev.get("speaker_end")
    own = (int(s0), int(s1)) if _given(s0) and _given(s1) else None
    return [e for e in (gap.ents if gap is not None else ()) if own is None or not own[0] <= e.start_char < own[1]]


def _carried_on(ctx: ArticleContext, q: QuoteSpan, kind: str, before: dict, confidence: float) -> dict:
    """The row of a quote that goes on with the speaker of the attribution ``before`` it (rule
    ``previous_speaker``), that speaker's mention and cue carried over."""
    res = Resolution(before["speaker"], before.get("speaker_kind") or "person", "previous_speaker", confidence,
                     before["speaker_text"], before["speaker_start"], before["speaker_end"])
    return _row(ctx, q.start, q.end, kind, res, "previous_speaker", before["cue"], confidence)


# the singular forms, the plural ones and those that open a sentence; case matters ("the US" is no "us")
_SPEAKING_ONESELF = re.compile(rf"\b(?:{_FIRST_PERSON_SINGULAR}|Me|My|[Ww]e|[Ww]e['’](?:re|ve)|[Oo]urs?|[Uu]s)\b")


def _speaks_on_next_sentence(ctx: ArticleContext, prev: dict, q: QuoteSpan, inner: str) -> bool:
    """Whether quoted words with no cue, in the sentence right after the previous speaker's, in the same
    paragraph, are that speaker's going on: they speak in the first person ("I think", "we"), which no
    person the sentence is about would do in the writer's sentence ('“Her plan has stalled,” Mr. Lund said.
    She has started “a slow review ... And I think the staff are tired.”'), and no other person or body is
    named between the two."""
    gap = ctx.text[int(prev["end"]) : q.open]
    if "\n" in gap or not _SPEAKING_ONESELF.search(inner):
        return False
    s_prev, s_here = ctx.sent_id_at(max(int(prev["end"]) - 1, 0)), ctx.sent_id_at(q.open)
    if s_prev is None or s_here is None or s_here - s_prev != 1:
        return False
    gap_span = ctx.doc.char_span(int(prev["end"]), q.open, alignment_mode="contract")
    return not any(e.label_ in ("PERSON", "ORG") for e in _named_besides_speaker(gap_span, prev))


# clauses that set a scene or describe someone: their subjects do not speak the next quote
_SCENE_CLAUSES = {"advcl", "relcl", "acl", "pcomp"}


def _split_continuation(ctx: ArticleContext, prev: dict, q: QuoteSpan) -> bool:
    """True when ``q`` continues the previous quote after an attribution in the same sentence:
    a lower-case start, and between the two only a short cue ending with a comma."""
    inner = ctx.text[q.start : q.end].lstrip()
    if not inner[:1].islower() or prev["kind"] not in ("direct", "partial"):
        return False
    gap = ctx.text[int(prev["end"]) : q.open]
    words = _WORD_RE.findall(gap)
    if prev["kind"] == "partial":
        # 'the company said it “cannot be certain about the timeline” released publicly “and we believe
        # ...”': a second piece of one statement, a few words of the writer's between, no other cue
        return "\n" not in gap and 1 <= len(words) <= 4 and not any(ch in gap for ch in ".!?;") \
            and not any(w.lower() in _CUE_FORMS for w in words)
    if "\n" in gap or not gap.rstrip().endswith(",") or gap.strip(" ,”\"").endswith((".", "!", "?")) or not words:
        return False
    if len(words) <= 6:
        return True
    # '“...,” said Raffaello Pantucci, director of International Security Studies at ..., “but ...”': the words that
    # describe the speaker do not count
    span = ctx.doc.char_span(int(prev["end"]), q.open, alignment_mode="contract")
    return span is not None and len(_frame_words(span, int(prev["end"]))) <= 6


# the forms of the commonest cues: a gap holding one frames the next quote itself
_CUE_FORMS = {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "called", "calls", "asked", "replied",
              "insisted", "argued", "claimed", "noted", "according", "while", "whereas", "but"}


def _introduced_before(ctx: ArticleContext, resolver: SpeakerResolver, q: QuoteSpan) -> Resolution | None:
    """A quote standing alone in its paragraph right after a sentence whose subject is a named person
    ("Senator John Cornyn ... issued a statement regarding the decision." then the quote): that person
    speaks, rather than whoever was quoted paragraphs earlier."""
    i = _sentence_index(ctx, q.open)
    i = _sentence_index(ctx, q.start) if i is None else i
    if not i:  # no sentence holds the quote, or none comes before it
        return None
    span = ctx.doc.char_span(ctx._starts[i - 1], ctx._ends[i - 1], alignment_mode="expand")
    if span is None or _has_mark(span.text):
        return None  # a sentence with quotes of its own has its own attribution
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            named = resolver.name_of(child)
            if named is not None and named[1] == "person":
                return Resolution(named[0], "person", "introduced_before", 0.55, ctx.text[named[2]:named[3]], named[2], named[3])
            # "the mayor, Paolo Conti, smiled": a role with the name in apposition
            res = resolver.resolve(child)
            if res.name and res.kind == "person" and res.rule == "appos":
                return Resolution(res.name, "person", "introduced_before", 0.55, res.text, res.start, res.end)
            # "A statement from the airline confirmed the finding." then the quote: the statement's words, its issuer's
            if res.name and child.lemma_.lower() in DOCUMENT_NOUNS and res.rule.startswith("document"):
                return Resolution(res.name, res.kind, "introduced_before", 0.5, res.text, res.start, res.end)
    return None


def _own_sentence(ctx: ArticleContext, q: QuoteSpan) -> bool:
    """Whether the quotation is a whole sentence with nothing outside its marks ('Paolo Conti smiled.
    "Never say never."'): a quote nobody is said to say, told right after its speaker is introduced."""
    if q.close is None:
        return False
    s0, s1 = _sentence_bounds(ctx, q.start)
    outside = ctx.text[s0 : q.open] + ctx.text[past_close(ctx.text, q) : s1]
    return not _WORD_RE.search(outside)


def _goes_on_in_next_paragraph(ctx: ArticleContext, prev: dict, q: QuoteSpan, paragraphs: "_Intervals") -> bool:
    """Whether the quotation stands in a paragraph of one sentence right after the paragraph that ends
    with the previous attribution, a sentence that names no person or body outside the marks."""
    para, before = paragraphs.find(q.open), paragraphs.find(int(prev["end"]) - 1)
    if para is None or before is None or para == before:
        return False
    # the previous attribution's sentence ends its paragraph, and nothing stands between the two
    last = ctx.text[: before[1]].rstrip()
    if ctx.text[before[1] : para[0]].strip() or ctx.sent_id_at(int(prev["end"]) - 1) != ctx.sent_id_at(max(len(last) - 1, 0)):
        return False
    s0, s1 = _sentence_bounds(ctx, q.open)
    if s0 > para[0] + 1 or s1 < para[1] - 1:
        return False
    span = ctx.doc.char_span(para[0], para[1], alignment_mode="expand")
    outside = [e for e in (span.ents if span is not None else ()) if e.label_ in ("PERSON", "ORG", "NORP")
               and not (q.open <= e.start_char and e.end_char <= (q.close if q.close is not None else q.end))]
    return not outside


def _alone_in_paragraph(ctx: ArticleContext, q: QuoteSpan, paragraphs: "_Intervals") -> bool:
    """Whether the quotation is all its paragraph holds, or opens it as whole sentences with the outlet's own
    sentences after it ('“Those officers acted with courage.” Police are working with coroners ...'):
    either way nobody in the paragraph is said to say it."""
    para = paragraphs.find(q.open)
    if para is not None:
        p0, p1 = para
        before = ctx.text[p0 : q.open]
        after = ctx.text[(past_close(ctx.text, q) if q.close is not None else q.end) : p1]
        if not any(ch.isalnum() for ch in before + after):
            return True
        inner = ctx.text[q.start : q.end].rstrip()
        return (q.close is not None and not any(ch.isalnum() for ch in before) and inner[-1:] in ".!?"
                and re.match(r"\s+[A-Z]", after) is not None)
    return False


# ------------------------------------------------------------------------------------------------
def _trim(ctx: ArticleContext, start: int, end: int) -> tuple[int, int]:
    text = ctx.text
    # a dateline opening the paragraph ("MOSCOW, (BM) – ") is where the story was filed, not reported words
    dateline = opening_dateline(text, start)
    if dateline is not None and dateline < end:
        start = dateline
    while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:–—-"):
        end -= 1
    return start, end


def _has_own_subject(clause: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") or (c.dep_ == "mark" and c.lower_ in ("that", "whether", "if")) for c in clause.children)


def _clause_span(ctx: ArticleContext, clause: Token, verb: Token) -> tuple[int, int]:
    toks = list(clause.subtree)
    if verb.head.i == clause.i and (verb.dep_ == "parataxis" or verb.dep_ == "ccomp" and verb.i < clause.i):
        # an attribution set off inside the clause: the clause less it; when the clause's subject follows the
        # attribution ("So far, it said, three bridges had been closed"), the words after it
        frame = {t.i for t in verb.subtree}
        toks = [t for t in toks if t.i not in frame]
        if all(c.i > verb.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")):
            toks = [t for t in toks if t.i > verb.right_edge.i]
    # a post-posed cue ("CLAUSE, Defense News reported") may hang off the clause in a bad parse
    toks = [t for t in toks if t.i != verb.i and not (t.i > verb.i and clause.i < verb.i)]
    # a trailing "according (to) X" belongs to the attribution, not to the reported clause
    for child in clause.children:
        if child.lower_ == "according" and child.i > clause.i:
            toks = [t for t in toks if t.i < child.i]
    # nor does another party's account set against it: "The Guard said it shot the drone over Iranian
    # airspace, while the U.S. said the downing happened over international waters"
    for t in toks:
        if t.dep_ == "mark" and t.lower_ in ("while", "whereas") and t.i > clause.i and _is_speech(t.head) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.head.children):
            toks = [x for x in toks if x.i < t.i]
            break
    # "said Thursday, June 20 it shot down ...", "said on Friday it had found ...": with no "that", a
    # date before the clause's subject tells when it was said
    subjects = [c.left_edge.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if toks and subjects and toks[0].lower_ != "that" and toks[0].i < subjects[0] \
            and all(t.ent_type_ in ("DATE", "TIME") or t.is_punct or t.lower_ in ("on", "at", "late", "early")
                    for t in toks if t.i < subjects[0]) \
            and any(t.ent_type_ in ("DATE", "TIME") for t in toks if t.i < subjects[0]):
        toks = [t for t in toks if t.i >= subjects[0]]
    # a label before a colon opening a headline ("Ferry fire: Varnia is lashing out, says Holt") is no part of
    # the words reported: a run with no verb, then the colon, then the clause's own subject
    colon = next((t for t in toks if t.text == ":" and t.i < clause.i), None)
    if colon is not None and not any(t.pos_ in ("VERB", "AUX") and not t.is_punct for t in toks if t.i < colon.i) \
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > colon.i for c in clause.children):
        toks = [t for t in toks if t.i > colon.i]
    while toks and (toks[0].lower_ == "that" and (toks[0].dep_ == "mark" or _opened_by_that(clause))
                    or toks[0].is_punct and not _is_mark(toks[0].text)):
        toks = toks[1:]
    if not toks:
        return clause.idx, clause.idx
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1])
    return _trim(ctx, start, end)


def _is_that(tok: Token) -> bool:
    return tok.dep_ == "mark" and tok.lower_ == "that"


# speech verbs whose object is the hearer ("told the jury ...", "assured investors ...")
_TELLING_VERBS = {"tell", "assure", "inform", "remind", "warn", "promise", "reassure", "advise", "convince", "persuade"}
# verbs that report an act told by a gerund: "denied taking the money", "admits lying"
_GERUND_REPORTING = {"deny", "admit", "acknowledge", "confess", "recall"}


def _semicolon_between(a: Token, b: Token) -> bool:
    """Whether a semicolon stands between the phrase of ``a`` and the word ``b`` (in either order)."""
    lo, hi = (a.right_edge.i, b.i) if a.i < b.i else (b.i, a.left_edge.i)
    return any(t.text == ";" for t in a.doc[lo + 1 : hi])


def _trailing_frame(verb: Token) -> Token | None:
    """For a speech verb the parser hung as the clause of another ("said Paddock shot ..., CNN reports"),
    the clause before it that it frames from behind; None when it is no such trailing frame."""
    if verb.dep_ != "ccomp" or not _is_speech(verb) or not _is_speech(verb.head) or verb.i < verb.head.i:
        return None
    inner = [k for k in verb.children if k.dep_ == "ccomp" and k.i < verb.i and _has_own_subject(k)]
    subject_before = any(k.dep_ == "nsubj" and k.i < verb.i for k in verb.children)
    return inner[0] if inner and subject_before and _set_off(verb) else None


def _split_clause_end(ctx: ArticleContext, clauses: list[Token], verb: Token, end: int) -> int:
    """"May said the substance used was a nerve agent": the parser may split one reported clause in two,
    the subject and a participle in one, the finite verb with no subject in the next; the clause
    runs on to the end of the second."""
    if not clauses or clauses[0].i < verb.i:
        return end
    nxt = _predicate_after(verb, clauses[0])
    return _clause_span(ctx, nxt, verb)[1] if nxt is not None else end


def _set_off(verb: Token) -> bool:
    """Whether the words before a trailing frame's subject (or before the verb, when the subject
    follows it) end in punctuation: ", she said", "” he said", ", said the minister"."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    first = subjects[0].left_edge.i if subjects else verb.i
    k = _frame_words_start(verb, first) - 1  # "..., the mayor has also said": the frame's own words
    return k < 0 or verb.doc[k].is_punct or _is_mark(verb.doc[k].text)


def _frame_words_start(verb: Token, first: int) -> int:
    """Where the words a verb of saying keeps before ``first`` begin: its auxiliaries, adverbs and negation ("has
    also said")."""
    while first > 0 and verb.doc[first - 1].dep_ in ("aux", "auxpass", "advmod", "neg") and verb.doc[first - 1].head.i == verb.i:
        first -= 1
    return first


def _reported_clauses(verb: Token) -> list[Token]:
    """The clauses a speech verb reports: its clausal complement with a subject of its own, or the
    "that"-clause of a noun it governs ("announced the idea that ...", "told LA Weekly in a statement
    that ..."). A clause the parser hung as a noun's modifier but that opens with "that" right after
    the verb ("observed that the date ... coincided") is one too."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and _has_own_subject(c) and not _absolute_phrase(c, verb)]
    # "The report shows that aid fell; the study found that loans rose": a clause before a semicolon is
    # a sentence of its own, not what the verb after it reports, when the verb reports one of its own
    clauses = [c for c in clauses if not (c.i < verb.i and _semicolon_between(c, verb))] or clauses
    # a frame after what it reports is set off from it ("..., she said", "“...” he said"): "a statement
    # casting doubt on the timetable Lombardo had announced" is the parser's mistake, not his words
    clauses = [c for c in clauses if c.i > verb.i or _set_off(verb)]
    # "X said Y, CNN reports": the parser hangs the outlet's trailing frame under "said" and Y under
    # it; what X said is Y
    clauses = [(_trailing_frame(c) or c) if c.i > verb.i else c for c in clauses]
    if verb.lemma_ in REPORT_ONLY_THAT and not any(c.dep_ == "nsubj" and c.lemma_.lower() in FINDING_NOUNS for c in verb.children):
        # these never frame from the side (but "..., a report found" does), so a clause before them
        # is the parser's mistake
        clauses = [c for c in clauses if c.i > verb.i]
    if clauses:
        return clauses
    if verb.lemma_ in _GERUND_REPORTING:
        # "Trump denies withholding military aid", "the mayor admitted taking the money": what is denied
        # or admitted is told by the gerund after the verb
        gerunds = [c for c in verb.children if c.dep_ in ("xcomp", "dobj", "ccomp") and c.tag_ == "VBG" and c.i > verb.i]
        if gerunds:
            return gerunds[:1]
    if verb.lemma_ in _TELLING_VERBS:
        # "told the jury the defendant had lied": the parser often hangs the clause after the hearer
        # on the hearer as a relative clause; one with a subject of its own and no relative word is
        # what was told
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.lemma_ not in CONTENT_NOUNS:
                told = [c for c in obj.children if c.dep_ == "relcl" and c.i > obj.i
                        and any(k.dep_ in ("nsubj", "nsubjpass") and k.tag_ not in ("WP", "WDT") and k.lower_ != "that" for k in c.children)
                        and not any(k.tag_ in ("WP", "WDT", "WRB", "WP$") for k in c.subtree if k.i < c.i)]
                if told:
                    return told
        # "told journalists at Westminster following the victory that the EU was dying": the parser
        # hangs the that-clause on a noun after the hearer that takes no clause of its own ("victory");
        # only nouns of saying and finding do ("the claim that ...")
        told = [t for t in verb.subtree if t.i > verb.i and t.dep_ in ("acl", "relcl", "ccomp") and _has_own_subject(t)
                and any(_is_that(m) for m in t.children) and t.head.pos_ == "NOUN" and t.head.lemma_ not in CONTENT_NOUNS
                and t.head.i != verb.i]
        if told:
            return told[:1]
    for prep in verb.children:
        # "lied to the auditors that ...", "admitted to police that ...": the parser hangs the
        # "that"-clause on the hearer; a clause opened by the conjunction "that" is no relative one
        if prep.dep_ == "prep" and prep.lower_ == "to":
            told = [c for hearer in prep.children if hearer.dep_ == "pobj" for c in hearer.children
                    if c.dep_ in ("relcl", "acl") and c.i > hearer.i and _has_own_subject(c)
                    and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)]
            if told:
                return told
    for obj in verb.children:
        nouns = [obj] if obj.dep_ == "dobj" else [g for g in obj.children if g.dep_ == "pobj"] if obj.dep_ == "prep" else []
        for noun in nouns:
            if noun.lemma_ in CONTENT_NOUNS:
                found = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and _has_own_subject(c)
                         and any(_is_that(m) for m in c.children)]
                if found:
                    return found
        if obj.dep_ == "dobj" and obj.i > verb.i and verb.i + 1 < len(verb.doc) and _is_that(verb.doc[verb.i + 1]) \
                and verb.doc[verb.i + 1].head.i in {t.i for t in obj.subtree} and any(c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX") for c in obj.children):
            return [obj]
        if obj.dep_ == "dobj" and obj.i > verb.i and _clause_read_as_modifier(verb, obj):
            return [obj]
        if obj.dep_ == "dobj" and obj.left_edge.i == verb.i + 1 and _predicate_after(verb, obj) is not None:
            # "said the location of the finds -- 190 miles north -- was near ...": the parser took the reported
            # clause's subject for the verb's object and its predicate for a clause with no subject
            return [obj]
    if _interpolated(verb) or _fronted_frame(verb):
        # "The bridge, the mayor said, will close in May", "So far, it said, three bridges had been closed":
        # an attribution set off inside the clause it reports, which the parser hangs on that clause
        return [verb.head]
    # "confirmed for the first time on Friday that debris was found": the parser hangs the "that"-clause on a
    # noun of the adverbial between the verb and the clause; a clause opened by the conjunction "that" is
    # no relative clause, and a noun of time or manner takes none of its own
    for adverbial in verb.children:
        if adverbial.dep_ in ("prep", "npadvmod") and adverbial.i > verb.i:
            found = [t for t in adverbial.subtree if t.dep_ in ("relcl", "acl") and _has_own_subject(t)
                     and _opened_by_that(t) and t.head.lemma_ not in CONTENT_NOUNS]
            if found:
                return found[:1]
    return []


def _interpolated(verb: Token) -> bool:
    """Whether a speech verb with a subject of its own is an attribution set off by commas inside the clause
    it reports ("The bridge, the mayor said, will close"): the parser hangs it on that clause's verb."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX") or not (verb.left_edge.i < verb.i) \
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    doc = verb.doc
    # the commas that set it off, which the parser may hang on the attribution itself
    before = verb.left_edge.i if verb.left_edge.text == "," else verb.left_edge.i - 1
    after = verb.right_edge.i if verb.right_edge.text == "," else verb.right_edge.i + 1
    set_off = before >= 0 and doc[before].text == "," and after < len(doc) and doc[after].text == ","
    return set_off and before > head.left_edge.i and after < head.right_edge.i


_FRONTING_CUES = {"say", "tell", "explain", "argue", "insist", "note", "claim", "write", "warn", "stress", "add"}


def _fronted_frame(verb: Token) -> bool:
    """Whether a speech verb with a subject of its own opens its sentence as a frame set off by a comma from
    the clause it reports ("Instead, Holm told the radio, the ferry would be paused"): the parser reads the
    clause as the root and the frame as its complement."""
    head, doc = verb.head, verb.doc
    # the root must be the reported clause, not a verb of saying that reports the clause before it ("He may
    # add to his staff, he said"), and the frame a verb of telling ("would show up ..." shows nothing)
    if verb.dep_ not in ("ccomp", "parataxis") or head.i == verb.i or head.dep_ != "ROOT" or verb.i > head.i or _is_speech(head) \
            or _cue_lemma(verb) not in _FRONTING_CUES or any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children) \
            or not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) \
            or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    # the comma after the frame, which the parser may hang on the frame itself when it reads it as an aside
    after = verb.right_edge.i if verb.dep_ == "parataxis" and verb.right_edge.text == "," else verb.right_edge.i + 1
    if after >= len(doc) or doc[after].text != ",":
        return False
    opens = verb.left_edge.i == verb.sent.start or doc[verb.left_edge.i - 1].text == ","
    return opens and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > after for c in head.children)


def _opened_by_that(clause: Token) -> bool:
    """Whether a clause opens with "that" as a conjunction, or as the parser's "when"-like relative adverb
    ("said for the first time that ...", read as "the first time when ..."): not a relative pronoun that is
    the clause's subject or object."""
    first = clause.left_edge
    return first.lower_ == "that" and first.head.i == clause.i and first.dep_ in ("mark", "advmod")


def _predicate_after(verb: Token, subject: Token) -> Token | None:
    """A clausal complement of ``verb`` with no subject of its own that follows ``subject`` with nothing but
    punctuation between them: the rest of a reported clause the parser split at its subject."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > subject.i and not _has_own_subject(c) \
                and all(t.is_punct for t in verb.doc[subject.right_edge.i + 1 : c.left_edge.i]):
            return c
    return None


def _absolute_phrase(clause: Token, verb: Token) -> bool:
    """'Her voice breaking, she said: ...': a participle with a subject of its own and no auxiliary,
    before the speech verb, tells how it was said, not what."""
    return clause.i < verb.i and clause.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)


def _clause_read_as_modifier(verb: Token, obj: Token) -> bool:
    """'said the murder was planned days in advance': the parser may read the reported clause's verb as
    a modifier of the noun after it ('planned days') and that noun as the speech verb's object. A
    verb before the object, with a subject of its own that starts right after the speech verb, is
    the clause."""
    for c in obj.children:
        if c.dep_ in ("amod", "acl", "relcl") and c.pos_ in ("VERB", "AUX") and verb.i < c.i < obj.i:
            subjects = [k for k in c.children if k.dep_ in ("nsubj", "nsubjpass") and k.i < c.i]
            if subjects and subjects[0].left_edge.i == verb.i + 1 and not any(k.tag_ in ("WP", "WDT") for k in subjects[0].subtree):
                return True
    return False


def _inverted_subject(verb: Token) -> Token | None:
    """The subject written after its verb in an aside ('..., said the mayor, ...'), or the name the
    parser read as the object of a cue that closes the sentence ('..., reported Reuters.')."""
    after = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i]
    if after:
        return after[0]
    return _name_after_closing_cue(verb)


def _name_after_closing_cue(verb: Token) -> Token | None:
    """'Crowds gathered outside, reported Reuters.': a cue after a comma, with no subject of its own and
    nothing after its object but the sentence's end, has its speaker written after it; the parser
    reads the name as an object. Only a name: '..., reported losses.' is no aside."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    # the parser makes the cue a second verb of the clause, or the root with the clause as its complement
    if not (verb.dep_ == "conj" or (verb.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children))):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or not (objects[0].pos_ == "PROPN" or objects[0].ent_type_ in ("ORG", "PERSON", "NORP")):
        return None
    obj = objects[0]
    # after the name only the sentence's end, or a time or place of the cue's own ("... on Tuesday.")
    rest = [t for t in doc[obj.right_edge.i + 1 : verb.sent.end] if not (t.is_punct or t.is_space)]
    own = {t.i for t in verb.subtree}
    return obj if all(t.i in own and t.pos_ not in ("VERB", "AUX") for t in rest) else None


def _agent_of_as_aside(verb: Token) -> Token | None:
    """"As reported by the Lenton Post, last year Varna became ...": a passive verb of saying in an "as" aside
    before the clause it frames has its source after "by"."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.i > verb.head.i \
            or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children):
        return None  # ("as he was told by his doctor" tells what he was told, not what the doctor reports)
    return next((o for by in verb.children if by.dep_ == "agent" for o in by.children if o.dep_ == "pobj"), None)


def _framing_clause(verb: Token, subj: Token) -> Token | None:
    """The main clause a speech verb frames from the side: 'As X told Y, CLAUSE' (an "as" clause)
    or 'PART, said X, REST' (an inverted aside). Its content is the main clause without the aside."""
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and verb.i < verb.head.i:
        return verb.head
    if verb.dep_ == "parataxis" and _inverted_subject(verb) is not None and verb.i > 0 and verb.doc[verb.i - 1].is_punct:
        return verb.head
    if verb.dep_ == "conj" and verb.head.i < verb.i and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in verb.children) \
            and verb.i > 0 and verb.doc[verb.i - 1].text == "," and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        # "The yard is hanging on, but it is under pressure, said its chief executive, Ann Ferris.": after a
        # clause with two verbs the parser joins the aside to them as a third; a subject after the verb is no
        # coordinated clause's ("..., and said he would stay" has its subject before)
        return verb.head
    if _name_after_closing_cue(verb) is not None:
        return verb.head
    if _posed_after(verb, subj):
        return verb.head
    return None


# what may hang on a speech verb that closes its sentence with nothing said after it ("..., Holm said on
# Friday.", "..., he told reporters.")
_CLOSING_CUE_DEPS = {"nsubj", "aux", "neg", "advmod", "npadvmod", "prep", "punct", "dobj"}
REPORTED_WORDS_MIN = 4


def _said_last(verb: Token, subj: Token, sent) -> Token | None:
    """The comma before a speech verb that closes its sentence and has nothing said after it, when the
    words before that comma are what it reports: "Since the port has twice the berths, ships that avoid it
    would lose money, Holm said." (the parser, lost in the words before, gave "said" no clause). A verb of
    saying needs what was said; when nothing follows it, what precedes it is that. Only the root of its
    sentence, its subject right after the comma, a hearer for "told" and adjuncts after it."""
    if verb.head.i != verb.i or subj.head.i != verb.i or subj.i > verb.i:
        return None
    comma = verb.doc[subj.left_edge.i - 1] if subj.left_edge.i > sent.start else None
    if comma is None or comma.text != ",":
        return None
    # (what hangs on it before the comma is the reported words the parser could not read as a clause)
    for c in (c for c in verb.children if c.i > comma.i):
        if c.dep_ not in _CLOSING_CUE_DEPS or (c.dep_ == "dobj" and _cue_lemma(verb) not in _TELLING_VERBS):
            return None
    before = [t for t in sent if t.i < comma.i]
    if sum(1 for t in before if t.is_alpha) < REPORTED_WORDS_MIN or not any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    if before[0].pos_ == "SCONJ" and not any(t.text == "," for t in before):
        return None  # "After the meeting ended, Holm said.": a time clause alone says nothing
    return comma


def _posed_after(verb: Token, subj: Token) -> bool:
    """Whether a speech verb is an aside after the clause it reports, its subject before it: "The Guard
    shot down a drone, officials said, though they disputed ..." (the parser keeps the clause as the
    root and hangs the cue on it)."""
    left = subj.left_edge.i
    if verb.dep_ == "conj" and verb.head.i < left < verb.i and left > 0 and verb.doc[left - 1].text == "," \
            and not any(c.dep_ in ("ccomp", "xcomp", "conj") for c in verb.children) \
            and all(t.is_punct or t.is_space for t in verb.doc[verb.right_edge.i + 1 : verb.sent.end]):
        # "The bridge will reopen on Friday, union official Ivo Marsh told a news agency.": the parser joins
        # the cue to the clause as a second verb when a long title stands before the name
        return True
    return (verb.dep_ == "parataxis" and verb.head.i < left < verb.i and left > 0 and verb.doc[left - 1].is_punct
            and not any(c.dep_ == "ccomp" for c in verb.children))


def _indirect_rows(ctx: ArticleContext, spans: list[QuoteSpan], resolver: SpeakerResolver,
                   speech: list[int] | None = None) -> list[dict]:
    doc = ctx.doc
    # Only "according" and speech words can start a report (the cues below are all speech verbs),
    # so the loop visits just those tokens, in text order, instead of every token of the article.
    according = get_string_id("according")
    cue_words = sorted(set(_speech_indices(doc) if speech is None else speech)
                       | {i for i, low in enumerate(doc.to_array(LOWER).tolist()) if low == according})
    quoted = [(q.start, q.end) for q in spans]

    intervals = _Intervals(quoted)

    def inside_quote(offset: int) -> bool:
        return offset in intervals

    def mostly_quoted(start: int, end: int) -> bool:
        return end - start <= 0 or intervals.covered(start, end) / (end - start) > 0.6

    rows = []
    seen: set[tuple[int, int]] = set()
    for _sid, sent in ctx.analysable_sents():
        lo, hi = bisect.bisect_left(cue_words, sent.start), bisect.bisect_left(cue_words, sent.end)
        for i in cue_words[lo:hi]:
            tok = doc[i]
            if inside_quote(tok.idx):
                continue
            found = None  # (start, end, speaker token, cue lemma, rule)
            low = tok.lower_
            if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
                # 'according to curator Elaine Gustafon' may come out as two objects: the name is the source
                objs.sort(key=lambda o: o.ent_type_ != "PERSON")
                if not objs:
                    # "..., according to the F.A.A." at a paragraph's end: the parser may leave "to" no object
                    # (it read "the" as a pronoun and hung the name on it); the name is still the few words after
                    after_to = [w for w in doc[to.i + 1 : sent.end] if not w.is_space]
                    k = 1 if after_to and after_to[0].lower_ == "the" else 0
                    run = []
                    for w in after_to[k:]:
                        if not (w.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or w.pos_ == "PROPN"):
                            break
                        run.append(w)
                    rest = after_to[k + len(run):]
                    if run and (not rest or rest[0].is_punct):  # the name closes the aside: nothing else hangs on it
                        objs = [run[-1]]
                if objs:
                    pp0 = tok.left_edge.idx
                    last = max(list(tok.subtree) + list(to.subtree), key=lambda t: t.i)
                    pp1 = last.idx + len(last)
                    before = _trim(ctx, sent.start_char, pp0)
                    after = _trim(ctx, pp1, sent.end_char)
                    clause = after if after[1] - after[0] >= before[1] - before[0] else before
                    if pp0 > sent.start_char and re.search(r"\b(?:which|that|who|whom)\s*,?\s*$", ctx.text[sent.start_char:pp0]) \
                            and after[1] > after[0]:
                        # "a policy which, according to AFP, the UN has criticised": the aside sits inside the
                        # clause the relative word opens, and what the source says is that clause
                        clause = after
                    # (a verb of saying that reports no clause, "has found himself in a bind", carries no one's words)
                    if clause == before and any(t.pos_ == "VERB" and _is_speech(t) and t.lower_ != "according"
                                                and _reported_clauses(t)
                                                and (subj := _subject_of(t)) is not None
                                                and (subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
                                                for t in doc[sent.start : tok.i]):
                        # "May also said the explosion is ..., according to the New York Times": May speaks; the
                        # outlet carries her words (the verb of saying gives the row)
                        continue
                    found = (*clause, objs[0], "according to", "according_to")
            elif _is_speech(tok) and tok.pos_ in ("VERB", "AUX") and (_cue_lemma(tok) not in QUOTE_ONLY | {"cite"}
                                                                 or _cue_lemma(tok) in POSTING_VERBS and _says_that(tok)):
                if _trailing_frame(tok) is not None:
                    continue  # "..., CNN reports" after "X said ...": the outlet's source, not the speaker (see above)
                # (a relative pronoun is the one the clause is about: see _antecedent_of_relative)
                subj = _subject_of(tok) or _name_after_closing_cue(tok) or _agent_of_as_aside(tok)
                # "WHO say ..." is the World Health Organization, not a relative pronoun
                # "It also found that ...": a study's "it" does speak (the resolver looks for the study)
                finding_it = subj is not None and subj.lower_ == "it" and _cue_lemma(tok) in FINDING_VERBS
                # "It has said it made regular safety checks": an "it" that speaks in the active voice is a body
                # the text named before (never "it is said that", whose "it" holds the clause's place), when
                # the resolver finds one
                body_it = (subj is not None and subj.lower_ == "it" and subj.dep_ == "nsubj" and not finding_it
                           and resolver.resolve(subj).name is not None)
                if subj is None or (subj.lower_ in FIRST_PERSON | {"it", "there", "which", "who", "that"}
                                    and not subj.text.isupper() and not finding_it and not body_it):
                    continue
                if inside_quote(subj.idx):
                    continue
                clauses = _reported_clauses(tok)
                nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
                if clauses:
                    start, end = _clause_span(ctx, clauses[0], tok)
                    end = _split_clause_end(ctx, clauses, tok, end)
                    found = (start, end, subj, _cue_lemma(tok), "cue_subject")
                elif nxt is not None and nxt.lower_ == "that" and tok.dep_ == "ROOT" and _cue_lemma(tok) not in QUOTE_ONLY:
                    # "X observed that the date ... coincided with ...": the parser lost the clause, the
                    # words after "that" up to the end of the sentence are still what was reported
                    start, end = _trim(ctx, nxt.idx + len(nxt), sent.end_char)
                    found = (start, end, subj, _cue_lemma(tok), "cue_subject")
                elif (_cue_lemma(tok) not in REPORT_ONLY_THAT or subj.lemma_.lower() in FINDING_NOUNS) and tok.dep_ != "relcl" \
                        and (framed := _framing_clause(tok, subj)) is not None:
                    # (a verb in a relative clause, "the timetable Lombardo had announced", frames nothing)
                    subj = _inverted_subject(tok) or subj
                    # "As Heald told the Post, ozone has dropped"; "Recipients, said Mauer, are required ..."
                    if _posed_after(tok, subj):  # what comes after the aside is the outlet's own
                        keep = [t for t in framed.subtree if t.i < subj.left_edge.i]
                    elif tok.dep_ != "parataxis":
                        aside = (tok.left_edge.i, max(tok.right_edge.i, subj.right_edge.i))
                        keep = [t for t in framed.subtree if not (aside[0] <= t.i <= aside[1])]
                    else:  # the parser often hangs the part before the aside on the cue itself
                        keep = [t for t in sent if not (tok.i <= t.i <= subj.right_edge.i)]
                    keep = [t for t in keep if not (t.is_punct and not _is_mark(t.text) and t.i in (keep[0].i, keep[-1].i))]
                    if keep:
                        start, end = _trim(ctx, keep[0].idx, keep[-1].idx + len(keep[-1]))
                        found = (start, end, subj, _cue_lemma(tok), "cue_subject")
                elif (said := _said_last(tok, subj, sent)) is not None:
                    start, end = _trim(ctx, sent.start_char, said.idx)
                    found = (start, end, subj, _cue_lemma(tok), "cue_subject")
            elif tok.lemma_ in ("express", "voice", "share") and tok.pos_ == "VERB":
                subj = _subject_of(tok)
                if subj is None or subj.lower_ in FIRST_PERSON | {"it"}:
                    continue
                for obj in tok.children:
                    if obj.dep_ == "dobj" and obj.lemma_ in CONTENT_NOUNS:
                        cl = [c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and _has_own_subject(c)]
                        if cl:
                            start, end = _clause_span(ctx, cl[0], tok)
                            found = (start, end, subj, tok.lemma_, "cue_subject")
            elif tok.lemma_ == "cite" and tok.tag_ == "VBG":
                in_obj = [t for obj in tok.children if obj.dep_ == "dobj" for t in obj.subtree if _cited_as_source(t, obj)]
                names = [t for t in in_obj if t.ent_type_ == "PERSON"] or [t for t in in_obj if t.ent_type_ == "ORG" or t.pos_ == "PROPN"]
                if names:
                    first = min(tok.i, tok.head.i) if tok.head.i < tok.i and tok.head.i >= tok.i - 2 else tok.i
                    commas = [t for t in sent if t.i < first and t.text == ","]
                    if commas:
                        start, end = _trim(ctx, sent.start_char, commas[-1].idx)
                        if len(_WORD_RE.findall(ctx.text[start:end])) >= 4:
                            found = (start, end, names[0], "cite", "cite")
            if found is None:
                continue
            start, end, subj_tok, cue, base_rule = found
            if end - start < 3 or mostly_quoted(start, end) or (start, end) in seen:
                continue
            opened = intervals.find(start)
            if opened is not None and opened[1] < end and tok.idx >= opened[1]:
                # a clause that opens inside a quotation, runs out of it and stops before its cue
                # ('"We will appeal," the club's lawyer, X, told ...') is the quotation misparsed:
                # its direct row already says it
                continue
            seen.add((start, end))
            res = resolver.resolve(subj_tok)
            rule = res.rule if base_rule == "cue_subject" else (base_rule if res.rule == "cue_subject" else f"{base_rule}+{res.rule}")
            conf = res.confidence * 0.9 if res.name else 0.2
            rows.append(_row(ctx, start, end, "indirect", res, rule, cue, conf))
    return rows


_PIECE_EDGE = " \t“”\"«»‘’'"


# what a source is cited for: a name inside the object of "citing" is its source only through these nouns
_CITED_THROUGH = DOCUMENT_NOUNS | FINDING_NOUNS | SOURCE_NOUNS | MEDIA_NOUNS | ROLE_NOUNS | {"information", "record", "number"}


def _cited_as_source(t: Token, obj: Token) -> bool:
    """Whether a word inside the object of "citing" names whom the words are cited from: "citing Reuters",
    "citing figures from the ministry", "citing the ministry's report", "citing sources close to Ines Roca";
    not "citing the release of prisoners and Suu Kyi's election" (an event, not a source of words)."""
    a = t
    for _ in range(10):
        if a.i == obj.i:
            return obj.pos_ == "PROPN" or bool(obj.ent_type_) or obj.lemma_.lower() in _CITED_THROUGH or a.i == t.i
        a = a.head
        if a.pos_ == "NOUN" and a.lemma_.lower() not in _CITED_THROUGH:
            return False
    return False


def _by_paragraph(ctx: ArticleContext, rows: list[dict], resolver: SpeakerResolver | None = None) -> list[dict]:
    """A direct quote that runs over several paragraphs (each reopened with a quotation mark, as
    the convention goes) becomes one row per paragraph, all with its speaker: a reader cites a
    paragraph, and an outlet that quotes only one of them aligns with it. A paragraph of a quoted
    transcript that opens with its speaker's label ("PENCE: ...") is that speaker's."""
    out = []
    for row in rows:
        if row["kind"] not in ("direct", "partial") or "\n" not in row["text"]:
            out.append(row)
            continue
        # cut only where a new paragraph reopens the quote; a line break inside one paragraph's
        # quote (hard-wrapped text) is no new paragraph
        text, cuts = row["text"], [0]
        for m in re.finditer(r"\n\s*(?=[“\"«‘'])", text):
            cuts.append(m.start())
        cuts.append(len(text))
        for a, b in zip(cuts, cuts[1:]):
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip(_PIECE_EDGE + "\n"))
            body = piece.strip(_PIECE_EDGE + "\n")
            if len(body) >= 3:
                start = row["start"] + a + lead
                piece_row = {**row, "start": start, "end": start + len(body), "text": body, "sent_id": ctx.sent_id_at(start)}
                label = _transcript_label(ctx, resolver, start, start + len(body)) if resolver is not None else None
                if label is not None:
                    piece_row.update({k: v for k, v in _row(ctx, start, start + len(body), row["kind"], label, label.rule,
                                                            None, 0.6).items() if k.startswith("speaker") or k in ("cue", "confidence")})
                out.append(piece_row)
    return out


def _nest_in_own_reports(quoted: list[dict], reported: list[dict]) -> list[dict]:
    """Quoted words inside a report of the same speaker ("Heald said although the two are known to cut yields,
    “nobody has looked at these together”") are part of that one statement: the row keeps the words quoted
    (another outlet may quote the same ones) and ``nested_in`` names the report, as it names the quote around
    a report told inside a quote. Count statements with
    :func:`s400lib.core.statements.statements`. Quoted words no cue gave a speaker inside a report that has one are the reporter's
    ("Macron expressed relief that “the worst had been avoided”", rule ``enclosing_report``). A partial quote
    of someone else inside a report ("X said the plan was “a disaster,” as Y had called it") stands alone."""
    for row in quoted:
        if row.get("kind") != "partial":
            continue
        for rep in reported:
            if not (int(rep["start"]) - 1 <= int(row["start"]) and int(row["end"]) <= int(rep["end"]) + 1):
                continue
            if pd.isna(row.get("speaker")) and not pd.isna(rep.get("speaker")):
                for key in ("speaker", "speaker_text", "speaker_start", "speaker_end", "cue", "speaker_kind"):
                    if key in rep:
                        row[key] = rep[key]
                row["speaker_rule"] = "enclosing_report"
                confidence = rep.get("confidence")
                row["confidence"] = 0.5 if confidence is None or pd.isna(confidence) else min(float(confidence), 0.7)
            if pd.isna(row.get("speaker")) or (not pd.isna(rep.get("speaker")) and rep["speaker"] == row.get("speaker")):
                row["_inside"] = rep
                break
    return quoted


def quote_table(ctx: ArticleContext, entities: pd.DataFrame) -> pd.DataFrame:
    """Every quotation of one article with its kind, speaker and cue.

    Parameters
    ----------
    ctx
        The parsed article (its spaCy doc covers the full text).
    entities
        The article's entity rows (from :func:`s400lib.extract.entities.entity_table`).

    Returns
    -------
    pandas.DataFrame
        The ``quotes`` table (see ``schema.TABLES['quotes']``): article_id, quote_id, sent_id,
        start, end, text, kind, speaker, speaker_text, cue, plus speaker_start, speaker_end,
        speaker_rule and confidence. Speakers are the article's fullest form of a name;
        :func:`s400lib.link.names.canonicalize` later maps them to corpus-wide canonical names.
    """
    return schema.conform("quotes", quote_rows(ctx, entities))


def quote_rows(ctx: ArticleContext, entities: pd.DataFrame | list[dict]) -> list[dict]:
    """The rows of :func:`quote_table`, as dicts (the parse types the rows of many articles at once)."""
    paragraphs = ctx.paragraph_bounds()
    spans = pair_quotation_marks(ctx.text, paragraphs)
    excluded = [(q.open, past_close(ctx.text, q) if q.close is not None else q.end) for q in spans]
    speech = _speech_indices(ctx.doc)
    resolver = SpeakerResolver(ctx, entities, excluded, _speech_subject_tokens(ctx, speech))
    # a headline is no reported speech ("Fishermen fear harbour works") unless a verb of saying reports
    # a named source's words ("Britain's May says it's 'highly likely' Russia poisoned Skripal")
    titles = [(int(a), int(b)) for k, a, b in zip(*(column_values(ctx.paragraphs, c) for c in ("kind", "start", "end"))) if k == "title"]
    reported = [r for r in _indirect_rows(ctx, spans, resolver, speech)
                if not any(s <= int(r["start"]) < e for s, e in titles) or (r["cue"] in HEADLINE_SAYING and not pd.isna(r["speaker"]))]
    quoted = _nest_in_own_reports(_by_paragraph(ctx, _quoted_span_rows(ctx, spans, resolver, paragraphs, reported), resolver), reported)
    rows = quoted + reported + _nested_reports(ctx, quoted, resolver, speech)
    rows += _signed_paragraphs(ctx, resolver, paragraphs, excluded, rows)
    rows += _labelled_paragraphs(ctx, resolver, paragraphs, excluded, rows, titles)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    aid = ctx.article_id
    for n, row in enumerate(rows, start=1):
        row["quote_id"] = f"{aid}:q{n}" if aid is not None and not pd.isna(aid) else f"q{n}"
    for row in rows:
        outer = row.pop("_inside", None)
        if outer is not None:
            row["nested_in"] = outer["quote_id"]
    return rows


# "Charles Bolden, NASA Administrator": a line that is a name and a role, nothing else
_SIGNATURE = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}),\s+(?P<role>[^!?\n]{2,80}?)")
SIGNED_PARAGRAPHS_BACK = 3
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|I'm|I’m|we|We|our|Our|us|my|My)\b")


def _signed_paragraphs(ctx: ArticleContext, resolver: SpeakerResolver, paragraphs: list[tuple[int, int]],
                       marked: list[tuple[int, int]], rows: list[dict]) -> list[dict]:
    """Statements set out without quotation marks and signed on the next line, as press releases
    and their reprints do ("This was a very difficult decision ..." then "Charles Bolden, NASA
    Administrator"): the paragraph above the signature, and before it those in the signer's own voice
    (first person), back to one with quotation marks or a report of its own (at most
    SIGNED_PARAGRAPHS_BACK), are direct quotes of the person who signs. A line with a verb is a
    caption, not a signature."""
    out = []
    taken = [(int(r["start"]), int(r["end"])) for r in rows]

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in marked + taken)

    for k in range(1, len(paragraphs)):
        p0, p1 = paragraphs[k]
        m = _SIGNATURE.fullmatch(ctx.text[p0:p1].strip())
        if m is None:
            continue
        start = p0 + (len(ctx.text[p0:p1]) - len(ctx.text[p0:p1].lstrip()))
        span = ctx.doc.char_span(start + m.start("name"), start + m.end("name"), alignment_mode="expand")
        named = resolver.name_of(span.root) if span is not None and any(t.ent_type_ == "PERSON" for t in span) else None
        if named is None or named[1] != "person":
            continue
        line = ctx.doc.char_span(p0, p1, alignment_mode="expand")
        if line is None or any(t.pos_ in ("VERB", "AUX") for t in line):
            continue  # "Jan Berg, fire chief, speaks to reporters": a caption tells, it does not sign
        res = Resolution(named[0], "person", "signed", 0.6, ctx.text[named[2]:named[3]], named[2], named[3])
        for j in range(k - 1, max(-1, k - 1 - SIGNED_PARAGRAPHS_BACK), -1):
            if j < k - 1 and not _FIRST_PERSON_WORD.search(ctx.text[paragraphs[j][0] : paragraphs[j][1]]):
                break  # beyond the paragraph right above, only words in the signer's own voice
            q0, q1 = _trim(ctx, *paragraphs[j])
            body = ctx.text[q0:q1]
            whole = ctx.text[paragraphs[j][0] : paragraphs[j][1]].rstrip()
            if not body or whole[-1:] not in (".", "!", "?") or _has_mark(body) or not free(q0, q1) \
                    or _SIGNATURE.fullmatch(body):
                break
            out.append(_row(ctx, q0, q1, "direct", res, "signed", None, 0.6))
    return out


# 'Matthews: Well, speculation is bad.', 'Mark Cuban: I'd consider a future White House bid.': a paragraph opened by
# a name of up to four words and a colon
_PARAGRAPH_LABEL = re.compile(r"[ \t\u00a0]*(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin)){0,3}):[ \t\u00a0]+(?=\S)")


_NOT_A_PARAGRAPH_LABEL = frozenset({"CLARIFICATION", "UPDATED", "SOURCE", "SOURCES", "CREDIT", "CREDITS", "IMAGE", "AUDIO",
                                    "POLL", "REPORT", "REPORTS", "QUESTION", "ANSWER", "TRANSCRIPT", "SUMMARY"})


def _paragraph_label(ctx: ArticleContext, resolver: SpeakerResolver, start: int, end: int) -> tuple[Resolution, int] | None:
    """The speaker a label opening a paragraph names, and where the words after it start."""
    m = _PARAGRAPH_LABEL.match(ctx.text, start, end)
    if m is None:
        return None
    label = m.group("name")
    if label.upper().rstrip(".") in _NOT_A_LABEL | _NOT_A_PARAGRAPH_LABEL:
        return None
    # a speaker labelled at the head of a paragraph is someone the article names again ("Stealth Over Health:
    # Clinton ..." is a slogan, "Correction: ..." an editor's note)
    last = label.split()[-1]
    elsewhere = ctx.text[: m.start("name")] + " " + ctx.text[m.end("name"):]
    if not re.search(rf"\b{re.escape(last)}\b", elsewhere, flags=re.IGNORECASE if label.isupper() else 0):
        return None
    # ("WASHINGTON: ...", "Tuesday: ...": a dateline or a heading)
    span = _label_span(ctx, m.start("name"), m.end("name"), _PLACE_OR_TIME | {"EVENT", "WORK_OF_ART"})
    if span is None or is_known_place(span.text.title()):
        return None
    if (res := _transcript_label(ctx, resolver, start, end)) is not None:
        return res, m.end()
    res = _labelled_name(resolver, span, m.start("name"), m.end("name"), 0.55)
    return (res, m.end()) if res is not None else None


def _labelled_paragraphs(ctx: ArticleContext, resolver: SpeakerResolver, paragraphs: list[tuple[int, int]],
                         marked: list[tuple[int, int]], rows: list[dict], titles: list[tuple[int, int]]) -> list[dict]:
    """Words set out without quotation marks after a speaker's label, as transcripts and headlines print them:
    "MATTHEWS: Well, speculation is bad." or "Cuban: I'd consider a future White House bid." (rule ``label``).
    The label must be a person's or a body's name (not "Note:", "Poll:", a place or a day), and the words after it
    must not name that person in the third person ("Sanders: Credit scores. On his website, Sanders calls for
    ..." is a heading over the outlet's words). A headline so labelled is a summary of what was said
    (``indirect``); a line of a transcript is the words themselves (``direct``)."""
    out = []
    taken = [(int(r["start"]), int(r["end"])) for r in rows if r["kind"] != "scare"]
    for k, (p0, p1) in enumerate(paragraphs):
        labelled = _paragraph_label(ctx, resolver, p0, p1)
        if labelled is None:
            continue
        res, after = labelled
        q0, q1 = _trim(ctx, after, p1)
        body = ctx.text[q0:q1]
        if len(_WORD_RE.findall(body)) < 3 or _names_in_third_person(res.name, body) \
                or any(a < q1 and q0 < b for a, b in marked + taken):
            continue
        headline = k == 0 or any(a <= p0 < b for a, b in titles)
        out.append(_row(ctx, q0, q1, "indirect" if headline else "direct", res, "label", None, res.confidence))
    return out


def _nested_reports(ctx: ArticleContext, quoted: list[dict], resolver: SpeakerResolver, speech: list[int]) -> list[dict]:
    """Reports told inside a direct quote: "“I suspect they won't do that,” he said" reports a belief
    of the quote's speaker, "“Moxon lied to Daniel that the drives were never returned,” Rathbun wrote"
    a claim of Moxon's, inside Rathbun's words.

    Each is an ``indirect`` row whose ``nested_in`` names the quote around it. A first-person subject
    ("I", "we") is the quote's own speaker (rule ``nested_first_person``); a named third party is
    resolved as any subject is (rule ``nested+<rule>``). The quote keeps its own row and speaker."""
    doc = ctx.doc
    direct = sorted((r for r in quoted if r["kind"] == "direct"), key=lambda r: r["start"])
    if not direct:
        return []
    starts = [int(r["start"]) for r in direct]
    out = []
    for i in speech:
        tok = doc[i]
        k = bisect.bisect_right(starts, tok.idx) - 1
        if k < 0 or not (starts[k] <= tok.idx < int(direct[k]["end"])):
            continue
        outer = direct[k]
        q0, q1 = int(outer["start"]), int(outer["end"])
        if tok.pos_ not in ("VERB", "AUX") or _cue_lemma(tok) in QUOTE_ONLY:
            continue
        subj = _subject_of(tok)
        if subj is None or not (q0 <= subj.idx < q1):
            continue
        clauses = _reported_clauses(tok)
        if not clauses:
            continue
        start, end = _clause_span(ctx, clauses[0], tok)
        start, end = max(start, q0), min(end, q1)
        if end - start < 3 or len(_WORD_RE.findall(ctx.text[start:end])) < 3 or end - start > 0.9 * (q1 - q0):
            continue
        low = subj.lower_
        if low in ("i", "we"):
            row = {**outer, "start": start, "end": end, "text": ctx.text[start:end], "kind": "indirect",
                   "sent_id": ctx.sent_id_at(start), "cue": _cue_lemma(tok), "speaker_rule": "nested_first_person"}
            row.pop("quote_id", None)
        elif low in FIRST_PERSON | {"you", "it", "there", "which", "who", "that", "this", "they", "he", "she"}:
            continue  # a pronoun inside someone's words points into a story this article does not tell
        else:
            res = resolver.resolve(subj)
            row = _row(ctx, start, end, "indirect", res, f"nested+{res.rule}", _cue_lemma(tok), res.confidence * 0.8 if res.name else 0.2)
        row["_inside"] = outer
        out.append(row)
    return out


