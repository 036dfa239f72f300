"""What every per-article extractor receives: the article's text, its spaCy Doc and its structure."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc, Span


@dataclass
class ArticleContext:
    """One parsed article.

    ``doc`` covers the article's full text, so token ``idx`` values are article offsets.
    ``sentences`` holds title and body sentences only: boilerplate paragraphs are in ``paragraphs``
    but never in ``sentences``, so extractors that walk ``analysable_sents()`` never see them.
    """

    article_id: str
    text: str
    doc: Doc
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    outlet: str | None = None
    published: pd.Timestamp | None = None
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = self.sentences["start"].astype(int).tolist()
        self._ends = self.sentences["end"].astype(int).tolist()
        self._ids = self.sentences["sent_id"].astype(int).tolist()

    def sent_id_at(self, offset: int) -> int | None:
        """sent_id of the analysable sentence containing character ``offset``, else None."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return self._ids[i]
        return None

    def analysable_sents(self) -> list[tuple[int, Span]]:
        """(sent_id, Span) for each title/body sentence, in reading order."""
        out = []
        for sent_id, start, end in zip(self._ids, self._starts, self._ends):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                out.append((sent_id, span))
        return out

    def is_analysable(self, start: int, end: int | None = None) -> bool:
        return self.sent_id_at(start) is not None
