"""Who a mention refers to: names, pronouns, role nouns, media and bodies, within one article.

The quote extractor (:mod:`s400lib.extract.quotes`) finds the *mention* that introduces a quote (the
subject of "said", the object of "TASS quoted him", the noun of "according to the parliamentarian");
this package says *who* that mention is. :class:`SpeakerResolver` makes one left-to-right pass over
the article, building a history of mentions; every pronoun and role noun is resolved against the
history before it and then added to it. Each decision has its module, and each rule its name in
``speaker_rule`` so that a reader can judge it:

* :mod:`.names`: ``cue_subject`` (a name, expanded to the article's fullest form), titles alone;
* :mod:`.pronouns`: ``pronoun``, ``pronoun_name_guess`` (agreement, binding);
* :mod:`.roles`: ``appos``, ``role_title``, ``role_recent``, ``group``, ``role_of`` ("her attorney",
  "Harbour Freight's chief executive": someone's role, never that someone), ``role_described`` (a role
  nobody named fits: "the minister"; one the text introduced without a name: "a prosecutor ... the
  prosecutor"), ``media_phrase`` (a qualified medium naming itself: "Saudi state television");
* :mod:`.media`: ``role_medium``, ``role_org``, ``office+...``, ``org_phrase``, ``document+...``;
* :mod:`.resolver`: the pass itself, ``unnamed_source``, ``relation`` ("his fiancee") and ``role_age``
  ("the 58-year-old");
* :mod:`.mentions`: the look-back history they share; :mod:`.lexicon`: the words they know.

Everything is a bounded look-back over a list kept in text order, so the cost is linear in the
length of the article.
"""

from .lexicon import FIRST_PERSON, ROLE_NOUNS, clean_name, is_age_phrase

__all__ = ["FIRST_PERSON", "ROLE_NOUNS", "Resolution", "SpeakerResolver", "clean_name", "is_age_phrase"]


def __getattr__(name: str):
    # the resolver needs spaCy; the word lists and clean_name (what corpus-wide naming uses) do not,
    # so the resolver is imported on first use
    if name in ("Resolution", "SpeakerResolver"):
        from . import mentions, resolver

        return {"Resolution": mentions.Resolution, "SpeakerResolver": resolver.SpeakerResolver}[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
