"""Stance conflicts an article spells out itself: one party's claim, then another party rejecting it.

News stages disagreement in adjacent sentences: "Democrats say the transcript confirms their
concerns ... President Trump however dismissed suggestions that anything he said was improper."
The two claims rarely share words (the rebuttal answers the charge, it does not repeat it), so the
pairwise rules of :mod:`s400lib.compare.contradictions` cannot relate them. The article relates them:
a rebuttal verb (deny, dismiss, reject, dispute, defend ...) in a claim whose source is a named party,
shortly after a claim by a different named party. A rebuttal answers the nearest such claim when

- the rebuttal's verb acts on a word that names a claim ("dismissed suggestions", "denied the
  allegations", "rejected the criticism"; a verb of calling that calls the claim untrue counts as one:
  "the U.S. has called Iran's claim “patently false”"), or
- the two claims share a content word that is neither party's own name ("defended the president"
  after "the transcript confirms ... that the president was conducting ...").

The two claims are of different sentences, or of one sentence parted by a semicolon ("Iran claimed it rescued
the crews; the U.S. has called Iran's claim false").

A counter-assertion after a contrast word ("However, the official insisted the police had behaved
professionally", "X, however, maintained ...") answers the claim before it the same way, by a shared
content word only.

A claim the outlet asserts in its own voice is not a party: "officials said" against "the outlet
reports" is not a stance.
"""

from __future__ import annotations

import re

import pandas as pd

from ..extract.claims import CLAIM_NOUNS, REBUTTAL_VERBS, UNTRUE_WORDS

# Answers to a claim beyond the verbs that reject one: defending what was attacked, and the phrasal
# "push back" / "hit back" (the claim linker reads single lemmas, so these are only matched here)
_ANSWER_VERBS = ("defend", "push back", "hit back")
# the final consonant doubled before -ed / -ing; "hit" is its own past
_DOUBLED = {"rebut": "rebutt", "hit": "hitt"}
_PAST = {"hit": "hit"}


def _forms(verb: str) -> list[str]:
    """A verb's forms (base, -s, -ed, -ing), a particle kept after each ("push back")."""
    head, _, particle = verb.partition(" ")
    if head.endswith("y"):
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    else:
        stem = _DOUBLED.get(head, head)
        plural = head + "es" if head.endswith(("ss", "sh", "ch", "x")) else head + "s"
        forms = [head, plural, _PAST.get(head, stem + "ed"), stem + "ing"]
    return [f"{f} {particle}" if particle else f for f in dict.fromkeys(forms)]


_REBUTTAL = re.compile(
    r"\b(" + "|".join(re.escape(f) for verb in sorted(REBUTTAL_VERBS) + list(_ANSWER_VERBS) for f in _forms(verb)) + r")\b",
    re.IGNORECASE,
)
# (words after a quotation mark count: 'dismissed the “unverified fake results”')
_NOUN_AFTER = re.compile(r"^\W*(?:(?:the|these|those|such|any|all|this|that|his|her|their|its|our)\s+)?[“\"‘']?(\w+)(?:[\s-]+(\w+))?(?:[\s-]+(\w+))?",
                         re.IGNORECASE)
MAX_SENTENCES_BACK = 2
# one rebuttal answers the claims of at most this many parties before it ("X said ..., while Y
# demanded ...; however, Z insisted ..." answers X and Y)
MAX_PARTIES_ANSWERED = 2


# a claim called untrue by name: "the U.S. has called Iran's claim “patently false”", "labelled the reports
# baseless"; the verb of calling stands for the rebuttal verb
_CALLED_UNTRUE = re.compile(
    r"\b(call(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|brand(?:s|ed|ing)?|describ(?:e|es|ed|ing))\b"
    r"(?=[^.;]{0,40}?\b(?:" + "|".join(sorted(CLAIM_NOUNS | {n + "s" for n in CLAIM_NOUNS})) + r")\b"
    r"[^.;]{0,25}?\b(?:" + "|".join(sorted(UNTRUE_WORDS)) + r")\b)",
    re.IGNORECASE)


def rebuttal_verb(text: str) -> re.Match | None:
    """The first rebuttal verb of a claim's text, outside quotation marks, or None."""
    for m in [*_REBUTTAL.finditer(text), *_CALLED_UNTRUE.finditer(text)]:
        if text[: m.start()].count("“") <= text[: m.start()].count("”") and text[: m.start()].count('"') % 2 == 0:
            return m
    return None


# a counter-assertion after a contrast word: "However, the official insisted the police had behaved
# professionally" answers the claim before it as a rebuttal verb does
_COUNTER = re.compile(r"\b(?:however|but|yet)\b[^.;“”\"]*?\b(insist(?:s|ed|ing)?|maintain(?:s|ed|ing)?|counter(?:s|ed|ing)?|"
                      r"retort(?:s|ed|ing)?)\b", re.IGNORECASE)


def counter_verb(text: str) -> re.Match | None:
    """The counter-assertion verb of a claim that opens with, or turns on, a contrast word ("However,
    X insisted ...", "X, however, maintained ..."), outside quotation marks; None otherwise."""
    m = _COUNTER.search(text)
    if m is None or text[: m.start()].count("“") > text[: m.start()].count("”") or text[: m.start()].count('"') % 2:
        return None
    return m


def acts_on_claim(text: str, verb: re.Match) -> str | None:
    """The claim noun the verb acts on ("dismissed suggestions" -> 'suggestion'), or None."""
    m = _NOUN_AFTER.match(text[verb.end():])
    if not m:
        return None
    # the noun itself or, after one or two modifiers, the next word ("denied the damaging allegations",
    # "dismissed the unverified fake results")
    for word in (w.lower() for w in m.groups() if w):
        singular = word[:-1] if word.endswith("s") and word[:-1] in CLAIM_NOUNS else word
        if singular in CLAIM_NOUNS:
            return singular
    return None


def _after_semicolon(article_texts: dict | None, article: str, end_a: int, start_b: int) -> bool:
    """Whether a semicolon parts a claim ending at ``end_a`` from the next starting at ``start_b``."""
    text = (article_texts or {}).get(article)
    return text is not None and end_a <= start_b and ";" in text[end_a:start_b]


def _name_words(source) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", source)} if isinstance(source, str) else set()


def _only_as_name(word: str, text: str) -> bool:
    """Whether ``word`` is written only capitalised in ``text`` (a name, not a word of the matter)."""
    found = re.findall(rf"\b{re.escape(word)}\w*", text, re.IGNORECASE)
    return bool(found) and all(w[:1].isupper() for w in found)


def rebuttal_pairs(claims, is_party, same_speaker, generic: set[str],
                   article_texts: dict | None = None) -> list[tuple[int, int, str, str, int]]:
    """(charge, rebuttal, topic, link, verb offset) for each rebuttal: row positions of ``claims``
    (reset index), and where the rebuttal verb starts in the rebuttal's text.

    ``is_party(i)`` says whether claim i's source is a named party (not the outlet, not unknown);
    ``same_speaker(x, y)`` compares two sources; ``generic`` holds lemmas too common to link claims.
    ``link`` is 'claim_noun' or 'shared_word'. ``article_texts`` (article id -> text) lets two claims of one
    sentence parted by a semicolon be a claim and its answer.
    """
    arts = claims["article_id"].astype(str).tolist()
    sent = claims["sent_id"].tolist()
    starts = claims["start"].astype(int).tolist()
    ends = claims["end"].astype(int).tolist()
    texts = claims["text"].astype(str).tolist()
    sources = claims["source"].tolist()
    # split only for the few claims near a rebuttal: a set per claim costs hundreds of megabytes at
    # ten thousand articles
    lemma_text = claims["lemmas"].tolist()

    def lemmas(i: int) -> set[str]:
        return set(lemma_text[i].split()) if isinstance(lemma_text[i], str) else set()

    by_article: dict[str, list[int]] = {}
    for i in sorted(range(len(claims)), key=lambda i: (arts[i], starts[i])):
        by_article.setdefault(arts[i], []).append(i)
    out = []
    for order in by_article.values():
        for k, b in enumerate(order):
            if not is_party(b) or pd.isna(sent[b]):
                continue
            verb = rebuttal_verb(texts[b])
            countered = verb is None and (verb := counter_verb(texts[b])) is not None
            if verb is None:
                continue
            noun = None if countered else acts_on_claim(texts[b], verb)
            own = _name_words(sources[b])
            answered: list = []  # the parties this rebuttal answers, the nearest first
            for a in reversed(order[:k]):
                if pd.isna(sent[a]) or sent[b] - sent[a] > MAX_SENTENCES_BACK:
                    break
                # (one sentence may hold both when a semicolon sets the answer apart: "Iran claimed it rescued
                # the crews; the U.S. has called Iran's claim false")
                one_sentence = sent[a] == sent[b] and not _after_semicolon(article_texts, arts[a], ends[a], starts[b])
                if one_sentence or not is_party(a) or same_speaker(sources[a], sources[b]):
                    continue
                if rebuttal_verb(texts[a]) is not None or counter_verb(texts[a]) is not None:
                    continue  # two rebuttals answer a third claim, not each other
                shared = (lemmas(a) & lemmas(b)) - generic - own - _name_words(sources[a])
                # a person or place both name is who or where, not what is answered: "Lind died of a
                # heart attack" is no charge that "police denied Lind had been beaten" rebuts
                shared = {w for w in shared if not (_only_as_name(w, texts[a]) and _only_as_name(w, texts[b]))}
                if any(same_speaker(sources[a], sources[x]) for x in answered):
                    continue
                if noun:
                    out.append((a, b, noun, "claim_noun", verb.start()))
                elif shared:
                    out.append((a, b, sorted(shared)[0], "shared_word", verb.start()))
                else:
                    continue
                answered.append(a)
                if len(answered) == MAX_PARTIES_ANSWERED:
                    break
    return out
