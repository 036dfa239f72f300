"""String-store ids of the words the ordered pass of the speaker resolver looks for, so it can skip the
many tokens that can never be a mention without building a spaCy Token for each (see
``SpeakerResolver._mention_candidates``). Kept apart from :mod:`.lexicon`, which needs no spaCy."""

from __future__ import annotations

from spacy.strings import get_string_id

from .lexicon import _ROLE_MEDIA_ORG, OCCUPATION_NOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, QUANTIFIER_HEADS, ROLE_NOUNS, TITLE_WORDS

_PRONOUN_IDS = {get_string_id(w) for w in PERSON_PRONOUNS | PLURAL_PRONOUNS}
_NOUN_WORD_IDS = {get_string_id(w) for w in _ROLE_MEDIA_ORG}
_ROLE_LEMMA_IDS = {get_string_id(w) for w in ROLE_NOUNS}
_QUANTIFIER_IDS = {get_string_id(w) for w in QUANTIFIER_HEADS}
_PLURAL_TAG_IDS = {get_string_id(t) for t in ("NNS", "NNPS")}
_TITLE_IDS = {get_string_id(w) for w in TITLE_WORDS}
_TITLE_ROLE_IDS = {get_string_id(w) for w in TITLE_WORDS | ROLE_NOUNS}
_OCCUPATION_IDS = {get_string_id(w) for w in OCCUPATION_NOUNS}
_PERSON_ID = get_string_id("PERSON")
