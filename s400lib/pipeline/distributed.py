"""Running the per-article stage of :func:`s400lib.pipeline.parse` on a Dask cluster.

The per-article stage (:func:`s400lib.pipeline.parse.iter_parsed`: spaCy plus every extractor) is a pure
function of the articles, so batches of articles are mapped over Dask workers; the corpus-wide
finish step then runs once, where the results are gathered. Each worker process loads the spaCy
model once: :class:`LoadModel` loads it when the worker starts, and :func:`s400lib.core.nlp.load_nlp`
is cached per process, so later tasks reuse it.

Results come back in corpus order and are identical to the single-process run.

>>> with local_cluster(workers=2) as client:                       # doctest: +SKIP
...     tables = parse_distributed(sl.load_corpus("seeds"), client)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from distributed import Client, LocalCluster, WorkerPlugin

from ..core.tables import ArticleRows, Tables
from ..io.corpus import Article, Corpus, load_corpus


class LoadModel(WorkerPlugin):
    """Load the spaCy pipeline when a worker starts, so the first task does not pay for it."""

    name = "s400lib-load-model"

    def setup(self, worker) -> None:
        from ..core.nlp import load_nlp

        load_nlp()


def parse_batch(articles: list[Article], batch_size: int = 16) -> list[ArticleRows]:
    """Per-article rows of a batch of articles (runs on a worker; pure, so tasks may be retried)."""
    from .parse import iter_parsed

    return list(iter_parsed(articles, batch_size=batch_size, n_process=1, progress=False, total=len(articles)))


def parse_and_stage(articles: list[Article], staging: str, part: int, batch_size: int = 16) -> dict:
    """Parse a batch on a worker and write its tables as staging part ``part`` (runs on a worker).

    Every table goes to ``<staging>/<table>-<part>.parquet``, the layout
    :func:`s400lib.pipeline.finish.finish_on_disk` reads, so only row counts travel back to the
    client: the process that schedules never unpickles or writes rows. The staging folder must be
    visible to the workers (always so for a local cluster; a shared file system otherwise).
    Returns rows per table, the worker's process id and its peak resident memory (MiB).
    """
    import os

    from ..core.tables import TABLE_NAMES
    from .staging import part_path, peak_rss_mib

    chunk = Tables.concat(parse_batch(articles, batch_size))
    rows = {}
    for name in TABLE_NAMES:
        chunk[name].to_parquet(part_path(Path(staging), name, part), index=False)
        rows[name] = len(chunk[name])
    return {"rows": rows, "articles": len(articles), "pid": os.getpid(), "peak_mib": peak_rss_mib()}


def stage_distributed(
    articles: Sequence[Article], client: Client, staging: Path, batch_size: int = 16, articles_per_task: int = 8,
    progress: bool | None = None, in_flight: int | None = None,
) -> tuple[dict[str, int], int, dict[int, float]]:
    """Parse ``articles`` on the cluster, each task writing its own staging part (see
    :func:`parse_and_stage`). Returns (rows per table, number of parts, peak MiB per worker process)."""
    from ..core.tables import TABLE_NAMES

    rows = dict.fromkeys(TABLE_NAMES, 0)
    peaks: dict[int, float] = {}
    n_parts = 0
    for done in _results_in_order(
        client, articles, articles_per_task, in_flight, progress, "parsing articles (dask, written by the workers)",
        lambda part, batch: client.submit(parse_and_stage, batch, str(staging), part, batch_size, pure=False),
    ):
        n_parts += 1
        for name, k in done["rows"].items():
            rows[name] += k
        peaks[done["pid"]] = max(peaks.get(done["pid"], 0.0), done["peak_mib"])
    return rows, n_parts, peaks


def _results_in_order(client: Client, articles: Sequence[Article], articles_per_task: int, in_flight: int | None,
                      progress: bool | None, desc: str, submit) -> Iterator:
    """The results of ``submit(part, batch)`` (a Future) over consecutive batches of
    ``articles_per_task`` articles, in corpus order, with a progress bar.

    At most ``in_flight`` tasks (default: twice the number of worker threads) are pending at once,
    so results do not pile up in this process; each batch's texts are read just before it is sent,
    so only the batches in flight hold them.
    """
    articles = list(articles)
    todo = enumerate(articles[i : i + articles_per_task] for i in range(0, len(articles), articles_per_task))
    window = in_flight or 2 * (sum(client.nthreads().values()) or 1)
    show = progress if progress is not None else len(articles) >= 20
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(articles), desc=desc, unit="article")
    pending: deque = deque()

    def send_next() -> None:
        nxt = next(todo, None)
        if nxt is not None:
            pending.append((len(nxt[1]), submit(nxt[0], _with_texts(nxt[1]))))

    try:
        for _ in range(window):
            send_next()
        while pending:
            size, future = pending.popleft()
            result = future.result()
            send_next()
            if bar is not None:
                bar.update(size)
            yield result
    finally:
        if bar is not None:
            bar.close()
        for _size, future in pending:
            future.cancel()


@contextmanager
def local_cluster(workers: int = 2, memory_limit: str | None = "auto") -> Iterator[Client]:
    """A :class:`distributed.Client` on a LocalCluster of ``workers`` processes (one thread each)
    listening on loopback only; closed when the ``with`` block ends."""
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",  # any free port, loopback only: never clashes with another cluster
        memory_limit=memory_limit,
    )
    try:
        with _with_model(Client(cluster)) as client:
            yield client
    finally:
        cluster.close()


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of an existing scheduler (``tcp://host:8786``); the model plugin is registered on it."""
    with _with_model(Client(address)) as client:
        yield client


@contextmanager
def _with_model(client: Client) -> Iterator[Client]:
    """``client`` with the model-loading plugin on its workers; closed when the block ends."""
    try:
        client.register_plugin(LoadModel())
        yield client
    finally:
        client.close()


def iter_parsed_distributed(
    articles: Sequence[Article],
    client: Client,
    batch_size: int = 16,
    articles_per_task: int = 8,
    progress: bool | None = None,
    in_flight: int | None = None,
) -> Iterator[ArticleRows]:
    """Yield one :class:`~s400lib.core.tables.ArticleRows` per article, in corpus order, parsed on the cluster's workers.

    At most ``in_flight`` tasks (default: twice the number of worker threads) are pending at once,
    so results do not pile up in this process when writing them is slower than parsing.
    """
    for parts in _results_in_order(client, articles, articles_per_task, in_flight, progress, "parsing articles (dask)",
                                   lambda _part, batch: client.submit(parse_batch, batch, batch_size, pure=False)):
        yield from parts


def _with_texts(batch: list[Article]) -> list[Article]:
    """The batch with its texts read here, just before it is sent: a worker on another machine
    may not see this machine's files, and only the batches in flight hold texts."""
    return [article.loaded() for article in batch]


def parse_distributed(
    corpus: Corpus | str | list,
    client: Client,
    batch_size: int = 16,
    articles_per_task: int = 8,
    progress: bool | None = None,
    aliases: str | Path | None = None,
) -> Tables:
    """:func:`s400lib.pipeline.parse` with the per-article stage on a Dask cluster.

    Parameters
    ----------
    corpus
        A :class:`Corpus` or anything :func:`s400lib.load_corpus` accepts (paths must be readable here;
        only article texts travel to the workers).
    client
        A ``distributed.Client``, e.g. from :func:`local_cluster` or :func:`connect`.
    batch_size
        spaCy batch size on each worker.
    articles_per_task
        Articles per Dask task: larger amortises scheduling, smaller spreads work more evenly.
    aliases
        Your own alias CSV for canonical names, as in :func:`s400lib.pipeline.parse` (applied here, after the
        workers are done).

    Returns
    -------
    Tables
        The same tables, row for row, as ``sl.parse(corpus)``.
    """
    from .parse import finish

    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus)
    parts = list(iter_parsed_distributed(corpus.articles, client, batch_size, articles_per_task, progress))
    return finish(Tables.concat(parts), aliases=aliases)
