"""Time and peak memory of each cross-article stage at several corpus sizes (issue 15).

    .venv/bin/python bench/cross_article_scaling.py 1000 2000 10000

For each size N, the bench corpus of ``run_bench.build_corpus`` is parsed once to Parquet with
the streaming parse (two worker processes), kept in /tmp and reused. Each stage then runs in a
fresh process that reads the tables back: ``align`` (its output saved); ``contradictions`` given
those alignments; ``timeline`` given the contradictions; ``report``, the whole HTML page of
``python -m s400lib report`` (which runs the three stages again and draws the timeline figure). A stage's memory is its process's peak
resident memory during the stage (Linux: the peak is reset through /proc/self/clear_refs after
loading) minus the resident memory before it. The last lines give the time exponent of each stage
between consecutive sizes (1 = linear).
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
import gc, json, sys, time
from pathlib import Path
import pandas as pd
import s400lib as sl
from s400lib.compare.align import align
from s400lib.compare.contradictions import contradictions
from s400lib.compare.timeline import timeline
from s400lib.viz.html_report import render_report

def status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
folder, stage = Path(sys.argv[1]), sys.argv[2]
tables = sl.Tables.from_parquet(folder)
al = pd.read_pickle(folder / "_bench_alignments.pkl") if stage != "align" else None
co = pd.read_pickle(folder / "_bench_contradictions.pkl") if stage == "timeline" else None
gc.collect()
Path("/proc/self/clear_refs").write_text("5")  # reset the peak: the stage's own peak is measured
base = status("VmRSS")
began = time.perf_counter()
if stage == "align":
    out = align(tables)
elif stage == "contradictions":
    out = contradictions(tables, alignments=al)
elif stage == "report":
    out = render_report(tables).splitlines()
else:
    out = timeline(tables, contradictions=co)
seconds = time.perf_counter() - began
extra = status("VmHWM") - base  # the stage and its output table; saving it for the next stage is not counted
if stage in ("align", "contradictions"):
    out.to_pickle(folder / f"_bench_{'alignments' if stage == 'align' else 'contradictions'}.pkl")
print(json.dumps({"seconds": seconds, "extra_mib": extra, "rows": len(out)}))
"""

STAGES = ("align", "contradictions", "timeline", "report")


def parsed(n: int) -> tuple[Path, dict]:
    """The parsed tables of the n-article bench corpus, and how the streaming parse went: wall time
    and the CLI process's peak resident memory (both measured when the tables were made; kept
    beside them, so a second run reuses the parse)."""
    from run_bench import build_corpus, stream_in_child

    folder, out = Path(f"/tmp/s400lib_bench_{n}"), Path(f"/tmp/s400lib_bench_{n}_tables")
    record = out / "_bench_parse.json"
    if not folder.exists():
        build_corpus(n, folder)
    if not record.exists():
        seconds, peak, stage_peak = stream_in_child(folder, out, ["--n-process", str(N_PROCESS)])
        record.write_text(json.dumps({"seconds": seconds, "peak_mib": peak, "stage_peak_mib": stage_peak}), encoding="utf-8")
    return out, json.loads(record.read_text(encoding="utf-8"))


N_PROCESS = 2  # the streaming parse uses both cores of the reference machine


def measure(n: int) -> dict:
    out, parse = parsed(n)
    import pandas as pd

    names = pd.read_parquet(out / "entities.parquet", columns=["text", "label"]).drop_duplicates()
    result = {"parse": parse, "names": len(names)}
    for stage in STAGES:
        done = subprocess.run([sys.executable, "-c", STAGE, str(out), stage], capture_output=True, text=True, check=True)
        result[stage] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(sizes: list[int], out: Path | None = None) -> None:
    import platform

    began = time.perf_counter()
    results = {}
    lines = ["| articles | streaming parse (s) | its peak RSS (MiB) | " + " | ".join(f"{s} (s) | {s} peak extra (MiB)" for s in STAGES) + " |",
             "| ---: | ---: | ---: | " + " | ".join("---: | ---:" for _ in STAGES) + " |"]
    print("\n".join(lines))
    for n in sizes:
        results[n] = r = measure(n)
        lines.append(f"| {n:,} | {r['parse']['seconds']:.0f} | {r['parse']['peak_mib']:.0f} | " + " | ".join(f"{r[s]['seconds']:.1f} | {r[s]['extra_mib']:.0f}" for s in STAGES) + " |")
        print(lines[-1], flush=True)
    lines.append("")
    spans = list(zip(sizes, sizes[1:])) + ([(sizes[0], sizes[-1])] if len(sizes) > 2 else [])
    for a, b in spans:
        exps = {s: math.log(results[b][s]["seconds"] / results[a][s]["seconds"]) / math.log(b / a) for s in STAGES}
        lines.append(f"- time exponent {a:,} -> {b:,}: " + ", ".join(f"{s} {e:.2f}" for s, e in exps.items()))
        print(lines[-1])
    worst = max(max(results[n][s]["extra_mib"] for s in STAGES) for n in sizes)
    lines.append(f"- largest peak extra memory of any cross-article stage (the report included) at any size: {worst:.0f} MiB (bound: 1,536 MiB)")
    lines.append(f"- streaming parse ({N_PROCESS} processes) peak RSS: " + ", ".join(f"{n:,}: {results[n]['parse']['peak_mib']:.0f} MiB" for n in sizes))
    lines.append("- of which the main process when the per-article stage ended (the corpus-wide finish comes after): "
                 + ", ".join(f"{n:,}: {results[n]['parse'].get('stage_peak_mib', float('nan')):.0f} MiB" for n in sizes))
    lines.append("- distinct entity names (text, label) the finish's naming decisions hold: "
                 + ", ".join(f"{n:,}: {results[n]['names']:,}" for n in sizes))
    print("\n".join(lines[-4:]))
    total = time.perf_counter() - began
    print(f"(total {total:.0f} s, parses included)")
    if out is not None:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        head = [f"# Cross-article stages at scale", "",
                f"Command: `make bench-scale` (`bench/cross_article_scaling.py {' '.join(map(str, sizes))}`, {total:.0f} s with the parses). "
                f"Generated; do not edit by hand. Commit {commit}; {platform.machine()}, {__import__('os').cpu_count()} CPUs, Python {platform.python_version()}.",
                "The bench corpus of each size is parsed once with the streaming CLI (`python -m s400lib parse DIR --out OUT --n-process 2`): its wall time and peak resident memory (of the largest process) are in the first columns.",
                "Each cross-article stage then runs in its own process on tables read back from Parquet; memory is the stage's own peak above what the tables took.", ""]
        out.write_text("\n".join(head + lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    target = None
    if "--out" in args:
        k = args.index("--out")
        target, args = Path(args[k + 1]), args[:k] + args[k + 2:]
    main([int(x) for x in args] or [1000, 2000], target)
