"""Named-entity mentions of one article, as spaCy finds them.

:func:`entity_table` lists the mentions; the corpus-wide step :mod:`s400lib.link.names` later gives
each one canonical name across the corpus.
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from ..core import schema
from ..core.countries import is_country_or_capital
from .context import ArticleContext
from .speakers import clean_name


def entity_table(ctx: ArticleContext) -> pd.DataFrame:
    """spaCy's entity mentions in title and body sentences (boilerplate mentions are left out).

    Parameters
    ----------
    ctx
        The parsed article.

    Returns
    -------
    pandas.DataFrame
        The ``entities`` table: article_id, sent_id, start, end, text, label, canonical (the cleaned
        mention until :func:`canonicalize` runs), canonical_rule; extra column bracket_of (for a body's
        name written in brackets right after another body's name, that name: "Generalitat de
        Catalunya" in "the Government of Catalonia (Generalitat de Catalunya)"; <NA> otherwise) and role
        (what the mention does in its sentence, from the parse: the subject or object of a verb with the
        verb's lemma, 'nsubj:deny', 'dobj:accuse'; the object of a preposition with the preposition,
        'pobj:in'; else the dependency label, 'poss', 'compound' ...; a conjunct takes the role of the
        first name of its list).
    """
    return schema.conform("entities", entity_rows(ctx), extra_dtypes=schema.EXTRA_DTYPES["entities"])


def entity_rows(ctx: ArticleContext) -> list[dict]:
    """The rows of :func:`entity_table`, as dicts (the parse types the rows of many articles at once)."""
    from spacy.util import filter_spans

    # a surname may be found by both rules ("Theresa May ... May said"): one span per token
    missed = filter_spans(_month_surnames(ctx) + _missed_surnames(ctx) + _untagged_acronyms(ctx))
    if missed:
        # on the doc too, so that the quote extractor finds the speaker it names
        ctx.doc.set_ents(missed, default="unmodified")
    rows = []
    previous = None
    for ent in ctx.doc.ents:
        sent_id = ctx.sent_id_at(ent.start_char)
        if sent_id is None:
            continue
        # "the Government of Catalonia (Generalitat de Catalunya)": a name in brackets right after a
        # body's name is that body's other name, an acronym too, even one of other initials ("Main
        # Intelligence Directorate (GRU)")
        bracketed = (previous is not None and previous.label_ in _BODY_LABELS and ent.label_ in _BODY_LABELS
                     and ctx.text[previous.end_char:ent.start_char] == " (" and ctx.text[ent.end_char:ent.end_char + 1] == ")"
                     and (len(ent) >= 2 or previous.label_ == "ORG" and len(previous) >= 2))
        outer, previous = previous, ent
        rows.append(
            {
                "article_id": ctx.article_id,
                "sent_id": sent_id,
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ctx.text[ent.start_char : ent.end_char],  # the article's characters, line breaks kept
                "label": ent.label_,
                "canonical": clean_name(ent.text) or ent.text,
                "canonical_rule": "self",
                "bracket_of": clean_name(ctx.text[outer.start_char:outer.end_char]) if bracketed else None,
                "role": mention_role(ent),
            }
        )
    return rows


def mention_role(span) -> str:
    """The syntactic role of a mention: its root's dependency label, the first conjunct's for a name in a
    list ("Washington and Tehran accused each other": both 'nsubj:accuse'), with the verb of a subject or
    object ('nsubj:deny', 'dobj:blame') and the preposition of a prepositional object ('pobj:in' for "in
    Tehran", 'pobj:by' for "by Tehran")."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj":
        return f"pobj:{tok.head.lower_}"
    if tok.dep_ in _VERB_ROLES:
        return f"{tok.dep_}:{tok.head.lemma_.lower()}"
    return tok.dep_


_VERB_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})


# labels of a body's name, which may be given again in brackets
_BODY_LABELS = {"ORG", "GPE", "NORP", "FAC"}


# the commonest reporting verbs; a surname right before one of them is its subject whatever the parse
# says ("Plus said that ...", where the tagger read "Plus" as a conjunction)
_SPEECH_LEMMAS = {"say", "tell", "add", "explain", "insist", "warn", "note", "stress", "claim", "argue", "write"}


def _missed_surnames(ctx: ArticleContext) -> list:
    """Surnames spaCy left untagged, or read as a place or a body, where they speak, as PERSON spans.

    A surname is a capitalised word after the first of a person the article names in full, so that
    each part of a double surname counts ("Pedro Sánchez Pérez-Castejón", then "Sánchez").
    Untagged, it is a person as the subject of a verb or right before a reporting verb ("Gabriel
    Plus said ...", then "Plus said that ..."). Tagged as a one-word place or body, it is a person
    only where it speaks: "Jordan said" after "Lena Jordan" is her, "Jordan is a small country" is
    still the country.
    """
    from spacy.tokens import Span

    from .entity_spans import MISREAD_LABELS

    doc = ctx.doc
    surnames = {tok.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2
                for tok in ent[1:] if tok.is_alpha and tok.text[:1].isupper()}
    found = []
    if not surnames:
        return found
    tagged = {t.i for ent in doc.ents for t in ent}
    misread = {ent.start for ent in doc.ents if len(ent) == 1 and ent.label_ in MISREAD_LABELS}
    for tok in doc:
        if tok.text not in surnames or (tok.i in tagged and tok.i not in misread):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        speaks = nxt is not None and nxt.pos_ == "VERB" and nxt.lemma_.lower() in _SPEECH_LEMMAS
        subject = tok.dep_ in ("nsubj", "nsubjpass")
        if tok.i in misread:
            acts = subject and tok.head.lemma_.lower() in _SPEECH_LEMMAS
        else:
            acts = subject and tok.head.pos_ in ("VERB", "AUX")
        if speaks or acts:
            found.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
    return found


@functools.cache
def _month_ids() -> frozenset[int]:
    from spacy.strings import get_string_id

    from .times import MONTH_NAMES

    return frozenset(get_string_id(m) for m in MONTH_NAMES)


def _untagged_acronyms(ctx: ArticleContext) -> list:
    """Acronyms of bodies the model left untagged ("the Iranian IRGC", "the JIT said", "told PTI") as ORG
    spans: a word of three to six capitals that is no English word (the lemma index's words, stop words),
    no time zone ("IST", "HKT"), no country or capital, not one of a run of words in capitals (a
    headline or dateline written in capitals), and not a term's abbreviation in brackets after common
    words ("missile systems (SAM)")."""
    from spacy.tokens import Span

    from .speakers.lexicon import is_english_word

    doc = ctx.doc
    found = []
    # the candidates found in the text, then their tokens: a Python pass over every token costs more
    for m in _CAPITALS_WORD.finditer(ctx.text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span[0].ent_type_:
            continue
        tok, text = span[0], m.group()
        # "anti-aircraft missile systems (SAM)": a term's abbreviation in brackets after common words
        if tok.i >= 2 and doc[tok.i - 1].text == "(" and doc[tok.i - 2].is_lower:
            continue
        neighbours = [doc[k] for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc)]
        if any(n.is_alpha and n.text.isupper() and len(n) >= 2 for n in neighbours):
            continue
        if is_english_word(text) or text in _time_zones() or is_country_or_capital(text):
            continue
        found.append(Span(doc, tok.i, tok.i + 1, label="ORG"))
    return found


_CAPITALS_WORD = re.compile(r"(?<![\w.'’-])[A-Z]{3,6}(?![\w'’-])")


@functools.cache
def _time_zones() -> frozenset[str]:
    """Time zone abbreviations ("IST", "HKT", "GMT"), from dateparser's table."""
    from dateparser.timezones import timezone_info_list

    return frozenset(abbr for group in timezone_info_list for abbr, _offset in group.get("timezones", []))


def _month_surnames(ctx: ArticleContext) -> list:
    """Surnames that are also month names, which the model tags as dates: "Theresa May" (a known
    first name before the month) and "Mrs May" (an honorific before it), as PERSON spans; and, in an
    article that names someone with that surname in full, the month word used as a person ("May's
    spokesman", "May told MPs"; see :func:`_used_as_person`). Otherwise a month alone ("May left
    early") stays as the model read it."""
    from spacy.attrs import LOWER
    from spacy.tokens import Span

    from .speakers.lexicon import COURTESY_TITLES, given_name_sex

    doc = ctx.doc
    found = []
    months = _month_ids()
    surnames = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2}
    # only the month words are visited: a Python loop over every token costs more than the rule
    for i in [i for i, low in enumerate(doc.to_array(LOWER).tolist()) if low in months]:
        tok = doc[i]
        if not tok.text[:1].isupper() or tok.i == 0:
            continue
        # untagged, or a date of that one word ("May" alone, not "May 5")
        if tok.ent_type_ and not (tok.ent_type_ == "DATE" and tok.ent_iob_ == "B"
                                  and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")):
            continue
        prev = doc[tok.i - 1]
        if tok.lower_ in surnames and prev.lower_ not in COURTESY_TITLES and _used_as_person(tok):
            found.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))  # "May's spokesman", "May told MPs"
            continue
        if prev.ent_type_ and prev.ent_type_ != "PERSON":
            continue
        if prev.lower_ in COURTESY_TITLES or (prev.text[:1].isupper() and prev.text[1:].islower() and prev.is_alpha
                                          and given_name_sex(prev.text) is not None):
            start = prev.i
            while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start].ent_iob_ == "I":
                start -= 1
            found.append(Span(doc, start, tok.i + 1, label="PERSON"))
    return found


# words before a month that make it a time, not a person ("in May", "since May", "early May")
_BEFORE_MONTH = frozenset({"in", "on", "since", "until", "till", "by", "from", "of", "to", "through", "last", "next",
                           "this", "early", "late", "mid", "mid-", "before", "after", "during", "between", "and"})
# what a month has that a person has not ("May's elections", "June's figures")
_OF_A_MONTH = frozenset({"election", "elections", "vote", "poll", "polls", "figures", "data", "meeting", "summit", "sales",
                         "issue", "edition", "results", "weather", "rainfall", "deadline"})


def _used_as_person(tok) -> bool:
    """Whether a month's name, in an article that names a person with that surname, is used as the
    person ("Theresa May ... May's spokesman said", "May told MPs"): a possessive after it with no
    month's thing ("May's elections"), or the subject of a verb with no word of time before it and no
    time said of it ("May was a wet month"); never with a day after it ("May 7")."""
    doc, i = tok.doc, tok.i
    after = doc[i + 1] if i + 1 < len(doc) else None
    before = doc[i - 1] if i > 0 else None
    if after is not None and (after.like_num or after.ent_type_ == "DATE"):
        return False
    if after is not None and after.tag_ == "POS":
        return tok.dep_ == "poss" and tok.head.pos_ == "NOUN" and tok.head.lower_ not in _OF_A_MONTH
    # "May was a wet month": what the verb says of it is a time
    said_of = [c for c in tok.head.children if c.dep_ in ("attr", "acomp")]
    return (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")
            and (before is None or before.lower_ not in _BEFORE_MONTH)
            and not any(t.ent_type_ == "DATE" for c in said_of for t in c.subtree))


# ------------------------------------------------------------------------------------------------


