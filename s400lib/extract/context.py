"""What every per-article extractor receives: the article's text, its spaCy Doc and its structure.

:func:`prepare` tokenises an article with sentence starts at its paragraph starts, :func:`sentence_table`
lists its title and body sentences, and :func:`context_for_text` builds an :class:`ArticleContext`
for one raw text (the single-text entry points and tests use it).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc, Span

from ..core import schema
from ..core.schema import column_values
from ..core.nlp import load_nlp, make_doc
from ..io.corpus import Article
from ..io.paragraphs import first_line_title, paragraph_rows
from .entity_spans import repair_entities, trim_headline_names


@dataclass
class ArticleContext:
    """One parsed article.

    ``doc`` covers the article's full text, so token ``idx`` values are article offsets.
    ``sentences`` holds title and body sentences only: boilerplate paragraphs are in ``paragraphs``
    but never in ``sentences``, so extractors that walk ``analysable_sents()`` never see them.
    Both are this article's rows, as a DataFrame or as a list of row dicts (as the parse makes them).
    """

    article_id: str
    text: str
    doc: Doc
    paragraphs: pd.DataFrame | list[dict]
    sentences: pd.DataFrame | list[dict]
    outlet: str | None = None
    published: pd.Timestamp | None = None
    _starts: list[int] = field(default_factory=list, repr=False)
    _sents: list[tuple[int, Span]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        repair_entities(self.doc)  # every extractor and the speaker resolver see the same names
        # a title-case headline glues common words onto names ("Mugabe Resigns"); the story tells which
        for kind, start, end in zip(*(column_values(self.paragraphs, c) for c in ("kind", "start", "end"))):
            if kind == "title":
                trim_headline_names(self.doc, int(start), int(end))
        self._starts = [int(v) for v in column_values(self.sentences, "start")]
        self._ends = [int(v) for v in column_values(self.sentences, "end")]
        self._ids = [int(v) for v in column_values(self.sentences, "sent_id")]
        self._story = story_paragraphs(self.paragraphs)

    def paragraph_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of the title and body paragraphs, in order (boilerplate left out)."""
        return [(start, end) for _, start, end in self._story]

    def para_of_sentence(self) -> dict[int, int]:
        """sent_id -> para_id of each title/body sentence."""
        return dict(zip(self._ids, (int(v) for v in column_values(self.sentences, "para_id"))))

    def sentence_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of each title/body sentence, in reading order."""
        return list(zip(self._starts, self._ends))

    def sent_id_at(self, offset: int) -> int | None:
        """sent_id of the analysable sentence containing character ``offset``, else None."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return self._ids[i]
        return None

    def analysable_sents(self) -> list[tuple[int, Span]]:
        """(sent_id, Span) for each title/body sentence, in reading order (a new list each call)."""
        if self._sents is None:  # every extractor walks them: the spans are found once per article
            self._sents = []
            for sent_id, start, end in zip(self._ids, self._starts, self._ends):
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    self._sents.append((sent_id, span))
        return list(self._sents)

    def is_analysable(self, start: int, end: int | None = None) -> bool:
        return self.sent_id_at(start) is not None


def story_paragraphs(paragraphs: pd.DataFrame | list[dict]) -> list[tuple[int, int, int]]:
    """(para_id, start, end) of the title and body paragraphs, in order: boilerplate is left out, and
    so is a paragraph of no kind."""
    return [(int(i), int(a), int(b)) for i, k, a, b in zip(*(column_values(paragraphs, c) for c in ("para_id", "kind", "start", "end")))
            if isinstance(k, str) and k != "boilerplate"]


def sentence_table(article_id: str, text: str, doc: Doc, paragraphs: pd.DataFrame | list[dict]) -> pd.DataFrame:
    """Sentences of the title and body paragraphs, clipped to paragraph bounds and trimmed."""
    return schema.conform("sentences", sentence_rows(article_id, text, doc, paragraphs))


def sentence_rows(article_id: str, text: str, doc: Doc, paragraphs: pd.DataFrame | list[dict]) -> list[dict]:
    """The rows of :func:`sentence_table`, as dicts (the parse types the rows of many articles at once)."""
    bounds = story_paragraphs(paragraphs)
    rows = []
    for sent in doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        for para_id, p0, p1 in bounds:
            start, end = max(s0, p0), min(s1, p1)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                rows.append({"article_id": article_id, "para_id": para_id, "start": start, "end": end, "text": text[start:end]})
    rows.sort(key=lambda r: r["start"])
    rows = _merge_lone_names(_merge_punctuation_only(rows, text), text)
    for sent_id, row in enumerate(rows):
        row["sent_id"] = sent_id
    return rows


_LONE_NAME = re.compile(r"[A-Z][\w'’.-]*")


def _merge_lone_names(rows: list[dict], text: str) -> list[dict]:
    """Glue a "sentence" of one capitalised word with no closing punctuation onto the next one in the
    same paragraph: the parser sometimes cuts a name in two ("Helga | Strand said ...", "Notre | Dame
    cathedral ..."), and the halves name nobody."""
    merged: list[dict] = []
    for k, row in enumerate(rows):
        prev = merged[-1] if merged else None
        if prev is not None and prev["para_id"] == row["para_id"] and _LONE_NAME.fullmatch(prev["text"]) \
                and not prev["text"].endswith(".") and row["text"][:1].isupper():
            merged[-1] = {**prev, "end": row["end"], "text": text[prev["start"] : row["end"]]}
            continue
        merged.append(row)
    return merged


def _merge_punctuation_only(rows: list[dict], text: str) -> list[dict]:
    """Glue a "sentence" of bare punctuation (the parser often cuts an opening quote mark off on
    its own) onto its neighbour in the same paragraph, so no sentence is empty of words."""
    merged: list[dict] = []
    carry: dict | None = None
    for row in rows:
        if carry is not None and carry["para_id"] == row["para_id"]:
            row = {**row, "start": carry["start"], "text": text[carry["start"] : row["end"]]}
        elif carry is not None:
            merged.append(carry)
        carry = None
        if not any(ch.isalnum() for ch in row["text"]):
            if merged and merged[-1]["para_id"] == row["para_id"] and row["start"] > merged[-1]["start"] and _closing(row["text"]):
                prev = merged[-1]
                merged[-1] = {**prev, "end": row["end"], "text": text[prev["start"] : row["end"]]}
            else:
                carry = row
            continue
        merged.append(row)
    if carry is not None:
        merged.append(carry)
    return merged


def _closing(punct: str) -> bool:
    return punct[:1] in "”’\")].,;:!?»"


def prepare(article: Article, nlp=None) -> tuple[Doc, list[dict]]:
    """Tokenise an article with sentence starts at its paragraph starts; return (doc, paragraph rows)."""
    title = article.title or first_line_title(article.text)
    paragraphs = paragraph_rows(article.article_id, article.text, title)
    doc = make_doc(_unwrapped(article.text, paragraphs), [row["start"] for row in paragraphs], nlp)
    return doc, paragraphs


def _unwrapped(text: str, paragraphs: list[dict]) -> str:
    """The text with the line breaks inside paragraphs read as spaces, offsets unchanged: a wire story
    hard-wrapped at a fixed width ("have been\nrescued, the Navy SEALs announced") is parsed as the
    sentences it holds, where a line-break token would cut the parse apart. Every row's text is still
    taken from the article's own text."""
    if "\n" not in text:
        return text
    pieces, done = [], 0
    for row in paragraphs:  # slices replaced whole: a Python step per character costs seconds at 10,000 articles
        start, end = row["start"], row["end"]
        pieces += [text[done:start], text[start:end].replace("\n", " ")]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def context_for_text(text: str, article_id=None, outlet: str | None = None, published=None) -> ArticleContext:
    """An :class:`ArticleContext` for one raw text, for the single-text entry points
    (``extract_quotes(text)``, ``tag_times(text)``) and for tests on small hand-written articles."""
    aid = article_id if article_id is not None else "text"
    article = Article(article_id=aid, path="<text>", text=text, outlet=outlet, published=published)
    doc, paragraphs = prepare(article)
    doc = load_nlp()(doc)
    sentences = sentence_rows(aid, text, doc, paragraphs)
    return ArticleContext(aid, text, doc, schema.conform("paragraphs", paragraphs), schema.conform("sentences", sentences),
                          outlet=outlet, published=published)
