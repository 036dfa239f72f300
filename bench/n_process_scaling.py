"""Throughput of the per-article stage with one and two worker processes (issue 15).

    .venv/bin/python bench/n_process_scaling.py [N]

With ``n_process > 1`` every per-article step (tokenising, spaCy, all extractors) runs in the
workers; the main process only receives each article's tables. This measures, in one run and on
one bench corpus of N articles (default 200): the wall time of the per-article stage at one and two
processes (best of two runs each), and the main process's CPU time per article at two processes,
from which the speed-up that more cores could reach follows (workers' cost / main-process cost).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import s400lib as sl  # noqa: E402
from run_bench import build_corpus  # noqa: E402
from s400lib.core.nlp import load_nlp  # noqa: E402
from s400lib.pipeline.parse import iter_parsed  # noqa: E402


def stage(corpus, n_process: int) -> tuple[float, float]:
    """(wall seconds, main-process CPU seconds) of the per-article stage."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in iter_parsed(corpus.articles, n_process=n_process, progress=False):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


def main(n: int) -> str:
    folder = Path(f"/tmp/s400lib_bench_{n}")
    if not folder.exists():
        build_corpus(n, folder)
    corpus = sl.load_corpus(folder)
    load_nlp()
    one = min(stage(corpus, 1) for _ in range(2))
    two = min(stage(corpus, 2) for _ in range(2))
    per_article = one[0] / n * 1000
    main_cpu = two[1] / n * 1000
    return (
        f"{n} articles: one process {one[0]:.1f} s ({per_article:.0f} ms an article), two processes {two[0]:.1f} s: "
        f"speed-up {one[0] / two[0]:.2f}x. Main-process CPU at two processes: {main_cpu:.1f} ms an article, "
        f"so the main process saturates at about {per_article / main_cpu:.0f} workers."
    )


if __name__ == "__main__":
    print(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
