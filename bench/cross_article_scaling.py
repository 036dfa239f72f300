"""Time and peak memory of each cross-article stage at several corpus sizes (issue 15).

    .venv/bin/python bench/cross_article_scaling.py 1000 2000 10000

For each size N, the bench corpus of ``run_bench.build_corpus`` is parsed once to Parquet with
the streaming parse (two worker processes), kept in /tmp and reused. Each stage then runs in a
fresh process that reads the tables back: ``align``; ``contradictions`` given those alignments;
``timeline`` given both. A stage's memory is how far it raised its process's peak resident memory
above what the loaded tables already took, so the stages do not inherit one another's peaks. The
last lines give the time exponent of each stage between consecutive sizes (1 = linear).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

STAGE = r"""
import gc, json, resource, sys, time
import s400lib as sl
from s400lib.compare.align import align
from s400lib.compare.contradictions import contradictions
from s400lib.compare.timeline import timeline
tables = sl.Tables.from_parquet(sys.argv[1])
stage = sys.argv[2]
al = align(tables) if stage != "align" else None
co = contradictions(tables, alignments=al) if stage == "timeline" else None
gc.collect()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
began = time.perf_counter()
rows = len({"align": lambda: align(tables), "contradictions": lambda: contradictions(tables, alignments=al),
            "timeline": lambda: timeline(tables, contradictions=co)}[stage]())
print(json.dumps({"seconds": time.perf_counter() - began,
                  "extra_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - base, "rows": rows}))
"""

STAGES = ("align", "contradictions", "timeline")


def parsed(n: int) -> Path:
    from run_bench import build_corpus

    folder, out = Path(f"/tmp/s400lib_bench_{n}"), Path(f"/tmp/s400lib_bench_{n}_tables")
    if not folder.exists():
        build_corpus(n, folder)
    if not (out / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "s400lib", "parse", str(folder), "--out", str(out), "--n-process", "2",
                        "--no-progress"], check=True)
    return out


def measure(n: int) -> dict:
    out = parsed(n)
    result = {}
    for stage in STAGES:
        done = subprocess.run([sys.executable, "-c", STAGE, str(out), stage], capture_output=True, text=True, check=True)
        result[stage] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(sizes: list[int]) -> None:
    began = time.perf_counter()
    results = {}
    print("| articles | " + " | ".join(f"{s} (s) | {s} peak extra (MiB)" for s in STAGES) + " |")
    print("| ---: | " + " | ".join("---: | ---:" for _ in STAGES) + " |")
    for n in sizes:
        results[n] = r = measure(n)
        print(f"| {n:,} | " + " | ".join(f"{r[s]['seconds']:.1f} | {r[s]['extra_mib']:.0f}" for s in STAGES) + " |", flush=True)
    for a, b in zip(sizes, sizes[1:]):
        exps = {s: math.log(results[b][s]["seconds"] / results[a][s]["seconds"]) / math.log(b / a) for s in STAGES}
        print(f"time exponent {a:,} -> {b:,}: " + ", ".join(f"{s} {e:.2f}" for s, e in exps.items()))
    print(f"(total {time.perf_counter() - began:.0f} s, parses included)")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [1000, 2000])
