"""From a loaded corpus to :class:`Tables`: the per-article pipeline and the corpus-wide finish.

Parsing has two stages so that the expensive one parallelises:

1. :func:`parse_article` is a pure function of one article (its text, metadata and spaCy Doc). It
   can run in any process or on any Dask worker.
2. :func:`finish` runs once over all articles: one canonical name per entity across the corpus,
   and publication dates inferred from the other articles.
"""

from __future__ import annotations

import gc
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc

from ..core.errors import InputWarning
from ..core.nlp import PRIME_TEXTS, annotate, load_nlp, prime_tokenizer
from ..core.tables import ArticleRows, Tables
from ..extract.context import ArticleContext, prepare, sentence_rows
from ..io.corpus import Article, Corpus, article_row, load_corpus
from .finish import corpus_decisions, finish_part  # noqa: F401  (public here since the first release)


def parse_article(article: Article, doc: Doc, paragraphs: list[dict]) -> ArticleRows:
    """Every per-article table of one annotated article (before corpus-wide canonical names), as
    rows: :meth:`Tables.concat` types the rows of many articles at once."""
    from ..extract.claims import claim_rows
    from ..extract.entities import entity_rows
    from ..extract.numbers import number_rows
    from ..extract.quotes import quote_rows
    from ..extract.times import timex_rows

    sentences = sentence_rows(article.article_id, article.text, doc, paragraphs)
    ctx = ArticleContext(
        article_id=article.article_id,
        text=article.text,
        doc=doc,
        paragraphs=paragraphs,
        sentences=sentences,
        outlet=article.outlet,
        published=article.published,
    )
    entities = entity_rows(ctx)
    quotes = quote_rows(ctx, entities)
    timexes = timex_rows(ctx)
    numbers = number_rows(ctx)
    claims = claim_rows(ctx, entities=entities, quotes=quotes, timexes=timexes, numbers=numbers)
    row = article_row(article)
    if pd.isna(row["title"]):
        titles = [p["text"] for p in paragraphs if p["kind"] == "title"]
        row["title"] = titles[0] if titles else None
    return ArticleRows(
        articles=[row],
        paragraphs=paragraphs,
        sentences=sentences,
        entities=entities,
        quotes=quotes,
        timexes=timexes,
        numbers=numbers,
        claims=claims,
    )


def iter_parsed(
    articles: Iterable[Article], batch_size: int = 16, n_process: int = 1, progress: bool | None = None, total: int | None = None,
    errors: str = "raise", problems: list | None = None, workers=None,
) -> Iterator[ArticleRows]:
    """Parse articles one by one (spaCy runs in batches); yields one :class:`~s400lib.core.tables.ArticleRows` per article.

    With ``n_process > 1``, ``workers`` may be a pool from :func:`start_workers` (it is shut down
    at the end); otherwise one is started here.

    With ``errors="warn"`` an article whose parse fails is left out with an :class:`InputWarning`
    naming its file, and a row (path, problem, fix) is appended to ``problems``: one bad article
    never costs the others.
    """
    articles = list(articles) if total is None and not hasattr(articles, "__len__") else articles
    total = total if total is not None else len(articles)  # type: ignore[arg-type]
    show = progress if progress is not None else total >= 20
    if n_process > 1:
        yield from _parsed_in_workers(articles, batch_size, n_process, show, total, errors, problems, workers)
        return
    nlp = load_nlp()
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=total, desc="parsing articles", unit="article")
    with fewer_collections():
        for number, zone in enumerate(_zones(articles)):
            if number == 0:
                zone = _primed(zone, nlp)
            # spaCy adds every new word of a text to its vocabulary for good; a memory zone forgets
            # those added here once the zone's rows (plain Python values, no Docs) are built
            with nlp.memory_zone():
                for parsed in _parse_zone(zone, nlp, batch_size, errors, problems):
                    if bar is not None:
                        bar.update(1)
                    if parsed is not None:
                        yield parsed
    if bar is not None:
        bar.close()


ZONE_ARTICLES = 256  # articles parsed in one spaCy memory zone


def _primed(articles: list[Article], nlp) -> list[Article]:
    """The articles, the first few read into memory and their words put in the tokenizer's cache
    (:func:`~s400lib.core.nlp.prime_tokenizer`). One that cannot be read is left as it was: its
    problem is reported when it is parsed."""
    head = []
    for article in articles[:PRIME_TEXTS]:
        try:
            head.append(article.loaded())
        except Exception:  # noqa: BLE001 - reported, per article, by the parse itself
            head.append(article)
    prime_tokenizer((a.text for a in head if object.__getattribute__(a, "text") is not None), nlp)
    return head + articles[PRIME_TEXTS:]


def _zones(articles: Iterable[Article]) -> Iterator[list[Article]]:
    zone: list[Article] = []
    for article in articles:
        zone.append(article)
        if len(zone) == ZONE_ARTICLES:
            yield zone
            zone = []
    if zone:
        yield zone


def _parse_zone(articles: list[Article], nlp, batch_size: int, errors: str, problems: list | None) -> Iterator[ArticleRows | None]:
    """The rows of each article in turn (None for one that failed in warn mode)."""
    pending: list[tuple[Article, list[dict]]] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            article = article.loaded()  # its file is read here, once, not when the corpus was loaded
            doc, paragraphs = prepare(article, nlp)
            pending.append((article, paragraphs))
            yield doc

    for doc in annotate(docs(), nlp, batch_size=batch_size, n_process=1):
        article, paragraphs = pending.pop(0)
        try:
            yield parse_article(article, doc, paragraphs)
        except Exception as exc:  # noqa: BLE001 - in warn mode any failure is reported per article
            if errors != "warn":
                raise
            _report_failure(article.path, exc, problems)
            yield None


GC_GEN0_THRESHOLD = 50_000


@contextmanager
def fewer_collections(threshold: int = GC_GEN0_THRESHOLD) -> Iterator[None]:
    """Run the cyclic garbage collector less often while articles are parsed.

    The extractors allocate many short-lived containers, which sets off Python's youngest-generation
    collection (default: every 700 allocations) hundreds of times per hundred articles; each pass
    also walks the rows already parsed. Almost nothing they allocate is cyclic garbage (reference
    counting frees it), so a pass every ``threshold`` allocations frees the same memory later at
    a tenth of the cost: about 3 s of 76 s at 1,000 bench articles went to collections before.
    The previous thresholds are restored on leaving (also when a generator holding this is closed).
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], threshold), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _report_failure(path: str, exc: BaseException, problems: list | None) -> None:
    problem = f"could not be parsed ({exc.__class__.__name__}: {str(exc)[:120]})"
    fix = "the other articles were parsed; please report this file with the error to the s400lib developers"
    warnings.warn(f"{path}: {problem}. Fix: {fix}", InputWarning, stacklevel=3)
    if problems is not None:
        problems.append({"path": path, "problem": problem, "fix": fix})


def _parse_chunk(articles: list[Article], batch_size: int, errors: str) -> list[ArticleRows | tuple[str, BaseException]]:
    """The whole per-article stage for a few articles, in a worker process: tokenising, spaCy,
    every extractor. A failing article comes back as (path, error) in warn mode."""
    nlp = load_nlp()
    articles = [article.loaded() for article in articles]  # read in the worker, not sent as text
    prime_tokenizer((article.text for article in articles), nlp)  # a worker's first chunks only
    out: list = []
    # the new words of these articles leave spaCy's vocabulary with the zone (see iter_parsed)
    with fewer_collections(), nlp.memory_zone():
        prepared = [prepare(article, nlp) for article in articles]
        for article, (_doc, paragraphs), doc in zip(articles, prepared, annotate((d for d, _ in prepared), nlp, batch_size=batch_size)):
            try:
                out.append(parse_article(article, doc, paragraphs))
            except Exception as exc:  # noqa: BLE001 - reported per article, as in the single-process loop
                if errors != "warn":
                    raise
                out.append((article.path, exc))
    return out


WORKER_CHUNK, WORKER_WINDOW = 4, 4


def start_workers(n_process: int):
    """A pool of ``n_process`` worker processes for the per-article stage, started now, each loading
    the spaCy model while the caller goes on.

    The platform's default start method is used, as spaCy's own n_process does: "fork" on Linux,
    where a script needs no `if __name__ == "__main__":` guard; "spawn" elsewhere, where it does. A
    forked worker carries whatever its parent held when it started, so a caller that starts the pool
    before it lists the corpus (the streaming parse does) keeps the workers' memory independent of
    the corpus's size.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=n_process, mp_context=multiprocessing.get_context())
    for _ in range(n_process):
        pool.submit(_load_model)  # the first submission starts every worker
    return pool


def _load_model() -> None:
    load_nlp()  # returns nothing: the model itself would be sent back to the parent


def _parsed_in_workers(articles, batch_size: int, n_process: int, show: bool, total: int, errors: str,
                       problems: list | None, workers=None) -> Iterator[ArticleRows]:
    """The per-article stage in ``n_process`` worker processes, results in article order.

    Workers take small chunks (``WORKER_CHUNK`` articles, or ``batch_size`` if smaller), so that no
    worker idles long at the end; at most ``WORKER_WINDOW`` chunks per worker are in flight, so
    neither the articles sent nor the tables coming back pile up in this process. Only receiving
    the tables is left here: the extractors run where spaCy runs.
    """
    def chunks():
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) == min(batch_size, WORKER_CHUNK):
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=total, desc=f"parsing articles ({n_process} processes)", unit="article")
    with workers if workers is not None else start_workers(n_process) as pool:
        in_flight = []
        source = chunks()
        for chunk in source:
            in_flight.append(pool.submit(_parse_chunk, chunk, batch_size, errors))
            if len(in_flight) >= WORKER_WINDOW * n_process:
                break
        while in_flight:
            results = in_flight.pop(0).result()
            nxt = next(source, None)
            if nxt is not None:
                in_flight.append(pool.submit(_parse_chunk, nxt, batch_size, errors))
            for result in results:
                if bar is not None:
                    bar.update(1)
                if isinstance(result, tuple):
                    _report_failure(result[0], result[1], problems)
                    continue
                yield result
    if bar is not None:
        bar.close()


def finish(tables: Tables, aliases: str | Path | None = None) -> Tables:
    """Corpus-wide steps: canonical entity names and inferred publication dates.

    The same two decisions, made once for the whole corpus (:func:`corpus_decisions`) and applied
    to its tables (:func:`finish_part`), as the streaming parse does chunk by chunk.
    """
    names, dates = corpus_decisions(tables, aliases=aliases)
    return finish_part(tables, names, dates)


def parse(
    corpus: Corpus | str | list, batch_size: int = 16, n_process: int = 1, progress: bool | None = None, aliases: str | Path | None = None,
    errors: str = "raise",
) -> Tables:
    """Parse a corpus into :class:`Tables`.

    Parameters
    ----------
    corpus
        A :class:`Corpus` from :func:`load_corpus`, or anything ``load_corpus`` accepts.
    batch_size, n_process
        ``batch_size`` is passed to spaCy's ``nlp.pipe``. With ``n_process > 1`` the whole per-article
        stage (spaCy and every extractor) runs in that many worker processes, with tables identical
        to one process's; it pays off from a few dozen articles. On macOS and Windows, call it from
        under ``if __name__ == "__main__":`` in a script (Python starts workers by importing it).
    progress
        Show a progress bar; by default only for 20 articles or more.
    aliases
        Your own alias CSV (header ``alias,canonical,label``) for canonical names, read after the
        packaged ``s400lib/data/aliases.csv`` so your rows win (see :mod:`s400lib.link.names`).
    errors
        ``"raise"`` (default) stops at the first unreadable file or failing article; ``"warn"``
        leaves it out with a warning naming the file and lists it in ``corpus.problems``.

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
        corpus = load_corpus(corpus, errors=errors)
    problems: list[dict] = []
    parts = list(iter_parsed(corpus.articles, batch_size=batch_size, n_process=n_process, progress=progress, total=len(corpus),
                             errors=errors, problems=problems))
    if problems:
        corpus.problems = pd.concat([corpus.problems, pd.DataFrame(problems)], ignore_index=True)
    return finish(Tables.concat(parts), aliases=aliases)


