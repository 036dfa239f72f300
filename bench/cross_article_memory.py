"""Peak memory and time of ``sl.align`` on a bench corpus of N articles (issue 15).

    .venv/bin/python bench/cross_article_memory.py 2000

Builds the corpus the way ``run_bench.py`` does (in /tmp, reused when present), parses it, then
reports the alignment stage's wall time and how much it raised this process's peak resident memory.
"""

from __future__ import annotations

import gc
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import s400lib as sl  # noqa: E402
from run_bench import build_corpus  # noqa: E402


def main(n: int) -> str:
    folder = Path(f"/tmp/s400lib_bench_{n}")
    if not folder.exists():
        build_corpus(n, folder)
    tables = sl.parse(sl.load_corpus(folder), progress=False)
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    began = time.perf_counter()
    alignments = sl.align(tables)
    seconds = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (f"{n} articles: align {seconds:.1f} s, {len(alignments)} alignments, "
            f"peak RSS {before:.0f} -> {after:.0f} MiB (+{after - before:.0f} MiB for the stage)")


if __name__ == "__main__":
    print(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
