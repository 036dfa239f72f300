"""From a loaded corpus to :class:`Tables`: the per-article pipeline and the corpus-wide finish.

Parsing has two stages so that the expensive one parallelises:

1. :func:`parse_article` is a pure function of one article (its text, metadata and spaCy Doc). It
   can run in any process or on any Dask worker.
2. :func:`finish` runs once over all articles: one canonical name per entity across the corpus,
   and publication dates inferred from the other articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc

from . import schema
from .context import ArticleContext
from .corpus import Article, Corpus, load_corpus
from .nlp import annotate, load_nlp, make_doc
from .paragraphs import first_line_title, paragraph_table
from .tables import Tables


def sentence_table(article_id: str, text: str, doc: Doc, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Sentences of the title and body paragraphs, clipped to paragraph bounds and trimmed."""
    story = paragraphs[paragraphs["kind"] != "boilerplate"]
    bounds = list(zip(story["para_id"].astype(int), story["start"].astype(int), story["end"].astype(int)))
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
    rows = _merge_punctuation_only(rows, text)
    for sent_id, row in enumerate(rows):
        row["sent_id"] = sent_id
    return schema.conform("sentences", rows)


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


def prepare(article: Article, nlp=None) -> tuple[Doc, pd.DataFrame]:
    """Tokenise an article with sentence starts at its paragraph starts; return (doc, paragraphs)."""
    title = article.title or first_line_title(article.text)
    paragraphs = paragraph_table(article.article_id, article.text, title)
    doc = make_doc(article.text, paragraphs["start"].astype(int).tolist(), nlp)
    return doc, paragraphs


def parse_article(article: Article, doc: Doc, paragraphs: pd.DataFrame) -> Tables:
    """Every per-article table of one annotated article (before corpus-wide canonical names)."""
    from .claims import claim_table
    from .entities import entity_table
    from .numbers import number_table
    from .quotes import quote_table
    from .times import timex_table

    sentences = sentence_table(article.article_id, article.text, doc, paragraphs)
    ctx = ArticleContext(
        article_id=article.article_id,
        text=article.text,
        doc=doc,
        paragraphs=paragraphs,
        sentences=sentences,
        outlet=article.outlet,
        published=article.published,
    )
    entities = entity_table(ctx)
    quotes = quote_table(ctx, entities)
    timexes = timex_table(ctx)
    numbers = number_table(ctx)
    claims = claim_table(ctx, entities=entities, quotes=quotes, timexes=timexes, numbers=numbers)
    articles = Corpus([article]).to_frame()
    if pd.isna(articles.loc[0, "title"]):
        titles = paragraphs.loc[paragraphs["kind"] == "title", "text"]
        articles.loc[0, "title"] = titles.iloc[0] if len(titles) else pd.NA
    return Tables(
        articles=articles,
        paragraphs=paragraphs,
        sentences=sentences,
        entities=entities,
        quotes=quotes,
        timexes=timexes,
        numbers=numbers,
        claims=claims,
    )


def iter_parsed(
    articles: Iterable[Article], batch_size: int = 16, n_process: int = 1, progress: bool | None = None, total: int | None = None
) -> Iterator[Tables]:
    """Parse articles one by one (spaCy runs in batches); yields one :class:`Tables` per article."""
    nlp = load_nlp()
    articles = list(articles) if total is None and not hasattr(articles, "__len__") else articles
    total = total if total is not None else len(articles)  # type: ignore[arg-type]
    pending: list[tuple[Article, pd.DataFrame]] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            doc, paragraphs = prepare(article, nlp)
            pending.append((article, paragraphs))
            yield doc

    show = progress if progress is not None else total >= 20
    annotated = annotate(docs(), nlp, batch_size=batch_size, n_process=n_process)
    if show:
        from tqdm.auto import tqdm

        annotated = tqdm(annotated, total=total, desc="parsing articles", unit="article")
    for doc in annotated:
        article, paragraphs = pending.pop(0)
        yield parse_article(article, doc, paragraphs)


def finish(tables: Tables, aliases: str | Path | None = None) -> Tables:
    """Corpus-wide steps: canonical entity names and inferred publication dates.

    The same two decisions, made once for the whole corpus (:func:`corpus_decisions`) and applied
    to its tables (:func:`finish_part`), as the streaming parse does chunk by chunk.
    """
    names, dates = corpus_decisions(tables, aliases=aliases)
    return finish_part(tables, names, dates)


def corpus_decisions(tables: Tables, stats=None, aliases: str | Path | None = None):
    """(:class:`~s400lib.entities.NameMap`, inferred dates) for a corpus.

    ``stats`` (:class:`~s400lib.entities.NameStats`) may be given when the entities and quotes
    tables were counted elsewhere (chunk by chunk); dates need ``articles``, ``sentences`` and
    ``timexes`` only.
    """
    from .entities import NameMap, NameStats
    from .pubdate import infer_dates

    stats = stats if stats is not None else NameStats.of(tables.entities, tables.quotes)
    return NameMap(stats, aliases), infer_dates(tables)


def finish_part(tables: Tables, names, dates: dict) -> Tables:
    """Apply the corpus-wide decisions to the tables of some of its articles (or all of them)."""
    from .claims import attach_entities
    from .pubdate import apply_dates

    tables = apply_dates(names.apply(tables), dates)
    tables.claims = attach_entities(tables.claims, tables.entities)  # claims link to the final canonical names
    return tables


def parse(
    corpus: Corpus | str | list, batch_size: int = 16, n_process: int = 1, progress: bool | None = None, aliases: str | Path | None = None
) -> Tables:
    """Parse a corpus into :class:`Tables`.

    Parameters
    ----------
    corpus
        A :class:`Corpus` from :func:`load_corpus`, or anything ``load_corpus`` accepts.
    batch_size, n_process
        Passed to spaCy's ``nlp.pipe``; ``n_process > 1`` pays off from a few hundred articles.
    progress
        Show a progress bar; by default only for 20 articles or more.
    aliases
        Your own alias CSV (header ``alias,canonical,label``) for canonical names, read after the
        packaged ``s400lib/data/aliases.csv`` so your rows win (see :mod:`s400lib.entities`).

    Returns
    -------
    Tables
        articles, paragraphs, sentences, entities, quotes, timexes, numbers, claims; see
        ``Tables.describe()`` for every column.

    Examples
    --------
    >>> tables = parse(load_corpus("seeds"))
    >>> sorted(tables.paragraphs["kind"].unique())
    ['body', 'boilerplate', 'title']
    """
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus)
    parts = list(iter_parsed(corpus.articles, batch_size=batch_size, n_process=n_process, progress=progress, total=len(corpus)))
    return finish(Tables.concat(parts), aliases=aliases)


def context_for_text(text: str, article_id=None, outlet: str | None = None, published=None) -> ArticleContext:
    """An :class:`ArticleContext` for one raw text, for the single-text entry points
    (``extract_quotes(text)``, ``tag_times(text)``) and for tests on small hand-written articles."""
    aid = article_id if article_id is not None else "text"
    article = Article(article_id=aid, path="<text>", text=text, outlet=outlet, published=published)
    doc, paragraphs = prepare(article)
    doc = load_nlp()(doc)
    sentences = sentence_table(aid, text, doc, paragraphs)
    return ArticleContext(aid, text, doc, paragraphs, sentences, outlet=outlet, published=published)
