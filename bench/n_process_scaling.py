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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_bench import worker_throughput  # noqa: E402

if __name__ == "__main__":
    print(worker_throughput(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
