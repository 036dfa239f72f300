"""How publication-date inference and the timeline scale with corpus size (not a test: prints timings).

The seeds are parsed once and replicated k times under new article ids, which is the worst case for
matching (every passage is repeated in every copy). Run: .venv/bin/python bench/bench_timeline.py
"""

from __future__ import annotations

import time
from pathlib import Path

import s400lib as sl
from s400lib.core.tables import Tables
from s400lib.link.pubdate import publication_evidence

ROOT = Path(__file__).resolve().parents[1]


def replicate(tables: Tables, k: int) -> Tables:
    parts = []
    for i in range(k):
        frames = {}
        for name, frame in tables.items():
            frame = frame.copy()
            if "article_id" in frame.columns:
                frame["article_id"] = frame["article_id"] + f"_{i}"
            if name == "claims" and len(frame):
                frame["claim_id"] = frame["article_id"] + ":" + frame["claim_id"].str.split(":").str[-1]
            frames[name] = frame
        parts.append(Tables(**frames))
    return Tables.concat(parts)


def main() -> None:
    tables = sl.parse(sl.load_corpus(ROOT / "seeds"), progress=False)
    for k in (5, 20, 40):
        big = replicate(tables, k)
        t0 = time.perf_counter()
        evidence = publication_evidence(big)
        t1 = time.perf_counter()
        events = sl.timeline(big)
        t2 = time.perf_counter()
        print(f"{2 * k:4d} articles: publication_evidence {t1 - t0:6.2f}s ({len(evidence)} rows), "
              f"timeline {t2 - t1:6.2f}s ({len(events)} events)")


if __name__ == "__main__":
    main()
