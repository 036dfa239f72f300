"""Benchmark s400lib at corpus scale: time per stage, ratio to spaCy alone, scaling, peak memory, Dask.

Run with ``make bench`` (or ``.venv/bin/python bench/run_bench.py``); ``--quick`` is a small smoke run.

Corpora of increasing size (10, 100, 1000 articles by default) are built from real text: stories
of five articles, each story re-wording the seed paragraphs with its own vocabulary (words permuted
within their part-of-speech tag) and each article recombining 6 to 12 of its story's paragraphs
(seeded shuffle), with their own ids, outlets and (for two articles in three) publication dates,
written to a temporary folder (see ``build_corpus``).
For each size the script measures

* load            ``sl.load_corpus`` on the folder;
* spaCy alone     ``nlp.pipe`` over the same texts, same pipeline, same batch size;
* sl.parse        the whole per-article and corpus-wide parse, with the time spent in each extractor;
* align, contradictions, timeline   the cross-article stage on the parsed tables;
* stream (CLI)    ``python -m s400lib parse FOLDER --out DIR`` in a child process: wall time and
                  peak resident memory (``ru_maxrss`` of that child alone), which must stay flat.

spaCy alone and sl.parse are measured side by side in the same process on the same texts, after a
warm-up, so the ratio compares like with like; below 1,000 articles each is timed five times,
alternating, and the medians are compared; from 1,000 articles they take turns on blocks of 100
articles (a slow stretch of the shared machine then weighs on both sides; see ``interleaved``). The scaling exponent of the cross-article stage is the
slope of log(time) against log(articles) between the two largest sizes (1 = linear, 2 = quadratic).
Finally a 2-worker Dask LocalCluster on loopback parses the smallest corpus and its tables are
compared with the single-process ones. Results go to ``bench/results.md`` and stdout.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import json
import math
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
BATCH_SIZE = 16
RATIO_BOUND = 1.2  # sl.parse at most this many times spaCy alone on the same texts
OUTLETS = ("Daily Courier", "Wire Service", "Evening Post", "Regional Tribune", "Policy Review")


# --------------------------------------------------------------------------------------------
# corpus construction
# --------------------------------------------------------------------------------------------


def seed_paragraphs() -> tuple[list[str], list[str]]:
    """(titles, body paragraphs) of the seed articles, split with the library's own rule."""
    from s400lib.io.corpus import load_corpus
    from s400lib.io.paragraphs import split_paragraphs

    titles, bodies = [], []
    for article in load_corpus(SEEDS):
        spans = split_paragraphs(article.text)
        titles.append(article.text[spans[0][0] : spans[0][1]])
        bodies += [article.text[s:e] for s, e in spans[1:]]
    return titles, bodies


# Words swapped between stories: nouns, verbs, adjectives and proper nouns; never month or day names,
# so that dates stay dates.
SWAP_TAGS = {"NN", "NNS", "NNP", "NNPS", "JJ", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
CALENDAR = {m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr)}
STORY_SIZE = 5


class StoryMaker:
    """Seed paragraphs re-worded per story: the same sentences, each story with its own vocabulary.

    A news corpus is many stories, each covered by a few outlets that share passages. Recombining
    the two seeds alone would make every article a copy of one story, so that every pair of articles
    shares text and the number of true cross-article matches itself grows with the square of the
    corpus. Here story ``g`` permutes, within each part-of-speech tag, the seed's nouns, verbs,
    adjectives and proper nouns with ``random.Random(g)``: sentences keep their grammar and length
    (so spaCy's cost is unchanged), while different stories share no more words than chance gives.
    """

    def __init__(self) -> None:
        from s400lib.core.nlp import load_nlp

        titles, bodies = seed_paragraphs()
        nlp = load_nlp()
        self.docs = [[(t.text, t.tag_, t.whitespace_) for t in doc] for doc in nlp.pipe(titles + bodies)]
        self.n_titles = len(titles)
        vocab: dict[str, set[str]] = {}
        for doc in self.docs:
            for text, tag, _ in doc:
                if self._swappable(text, tag):
                    vocab.setdefault(tag, set()).add(text.lower() if tag not in ("NNP", "NNPS") else text)
        self.vocab = {tag: sorted(words) for tag, words in vocab.items()}
        self._stories: dict[int, tuple[list[str], list[str]]] = {}

    @staticmethod
    def _swappable(text: str, tag: str) -> bool:
        return tag in SWAP_TAGS and text.isalpha() and text.lower() not in CALENDAR

    def story(self, g: int) -> tuple[list[str], list[str]]:
        """(titles, body paragraphs) of story ``g``."""
        if g not in self._stories:
            rng = random.Random(10_000 + g)
            mapping = {}
            for tag, words in self.vocab.items():
                shuffled = words[:]
                rng.shuffle(shuffled)
                mapping[tag] = dict(zip(words, shuffled))

            def swap(text: str, tag: str) -> str:
                if not self._swappable(text, tag):
                    return text
                if tag in ("NNP", "NNPS"):
                    return mapping[tag][text]
                new = mapping[tag][text.lower()]
                return new[:1].upper() + new[1:] if text[:1].isupper() else new

            paras = ["".join(swap(t, tag) + ws for t, tag, ws in doc).strip() for doc in self.docs]
            self._stories[g] = (paras[: self.n_titles], paras[self.n_titles :])
        return self._stories[g]


def build_corpus(n: int, folder: Path, maker: StoryMaker | None = None) -> Path:
    """Write ``n`` articles into ``folder`` (plus metadata.csv): stories of five articles each.

    Article ``i`` belongs to story ``i // 5``; it takes one of the story's headlines and 6 to 12 of
    its paragraphs drawn by ``random.Random(i)``, so the five articles of a story share passages like
    reports of one event by different outlets. Every size is deterministic and the first ``k``
    articles of a larger corpus are the ``k`` articles of a smaller one. Two articles in three get a
    publication date in metadata; the others are left to be inferred.
    """
    maker = maker or StoryMaker()
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(n):
        titles, bodies = maker.story(i // STORY_SIZE)
        rng = random.Random(i)
        title = rng.choice(titles)
        paras = rng.sample(bodies, k=min(len(bodies), rng.randint(6, 12)))
        name = f"bench_{i:05d}.txt"
        (folder / name).write_text(title + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
        published = f"2020-{6 + i % 3:02d}-{1 + i % 28:02d}" if i % 3 else ""
        rows.append({"file": name, "title": title, "outlet": OUTLETS[i % len(OUTLETS)], "published": published})
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["file", "title", "outlet", "published"])
        writer.writeheader()
        writer.writerows(rows)
    return folder


# --------------------------------------------------------------------------------------------
# timing helpers
# --------------------------------------------------------------------------------------------


@contextmanager
def timed(store: dict, key: str):
    began = time.perf_counter()
    try:
        yield
    finally:
        store[key] = store.get(key, 0.0) + time.perf_counter() - began


@contextmanager
def extractor_timers(store: dict):
    """Wrap each per-article extractor and corpus-wide step so sl.parse reports where time goes."""
    import importlib

    from s400lib.core.tables import Tables

    # the modules where each function is looked up when sl.parse runs (function-level imports
    # read the extractor modules at call time; prepare and sentence_rows are names of the parse module)
    mod = {name: importlib.import_module(f"s400lib.{path}") for name, path in (
        ("parse", "pipeline.parse"), ("entities", "extract.entities"), ("quotes", "extract.quotes"), ("times", "extract.times"),
        ("numbers", "extract.numbers"), ("claims", "extract.claims"), ("names", "link.names"), ("pubdate", "link.pubdate"))}
    targets = [
        (mod["parse"], "prepare", "prepare (paragraphs + tokenizer)"),
        (mod["parse"], "sentence_rows", "sentences"),
        (mod["entities"], "entity_rows", "entities"),
        (mod["quotes"], "quote_rows", "quotes"),
        (mod["times"], "timex_rows", "timexes"),
        (mod["numbers"], "number_rows", "numbers"),
        (mod["claims"], "claim_rows", "claims"),
        (mod["names"], "NameMap", "finish: canonical names (decide)"),
        (mod["pubdate"], "infer_dates", "finish: publication dates (decide)"),
        (mod["parse"], "finish_part", "finish: apply both"),
        (Tables, "concat", "concat tables"),
    ]
    saved = []
    for module, name, label in targets:
        original = getattr(module, name)
        saved.append((module, name, original))

        def wrapper(*args, __original=original, __label=label, **kwargs):
            began = time.perf_counter()
            try:
                return __original(*args, **kwargs)
            finally:
                store[__label] = store.get(__label, 0.0) + time.perf_counter() - began

        setattr(module, name, classmethod(lambda cls, *a, __w=wrapper, **k: __w(*a, **k)) if module is Tables else wrapper)
    try:
        yield
    finally:
        for module, name, original in saved:
            if module is Tables:
                delattr(Tables, name)  # the classmethod lives on the class dict; restore it as it was
                setattr(Tables, name, classmethod(original.__func__))
            else:
                setattr(module, name, original)


def stream_in_child(folder: Path, out: Path, extra: list[str] | None = None) -> tuple[float, float, float]:
    """Run the streaming CLI parse in a child; return (seconds, peak RSS in MiB of that child only,
    its peak RSS in MiB when the per-article stage ended, as the CLI's ``--memory`` line reports it)."""
    seconds, peak, lines = _cli_in_child(folder, out, extra)
    # the CLI's own report of its peak after the per-article stage (before the corpus-wide finish)
    stage = next((line for line in lines if line.startswith("peak memory:")), "")
    parse_peak = float(stage.split()[2]) if stage else float("nan")
    return seconds, peak, parse_peak


def _cli_in_child(folder: Path, out: Path, extra: list[str] | None = None) -> tuple[float, float, list[str]]:
    """(seconds, peak RSS in MiB, output lines) of ``python -m s400lib parse FOLDER --out OUT --memory``.

    ``RUSAGE_CHILDREN`` reports the largest child ever waited for, so a small wrapper process runs
    the CLI and reads it: each run gets its own, unpolluted measurement.
    """
    cli = [sys.executable, "-m", "s400lib", "parse", str(folder), "--out", str(out), "--batch-size", str(BATCH_SIZE), "--no-progress", "--memory"]
    cli += extra or []
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "done = subprocess.run(json.loads(sys.argv[1]), check=True, capture_output=True, text=True)\n"
        "print(done.stdout)\n"
        "print(json.dumps([time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n"
    )
    done = subprocess.run([sys.executable, "-c", wrapper, json.dumps(cli)], check=True, capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    seconds, maxrss_kib = json.loads(lines[-1])
    return seconds, maxrss_kib / 1024, lines  # Linux reports ru_maxrss in KiB


def dask_cli_memory(n: int, work: Path) -> dict:
    """The streaming CLI on a 2-worker local Dask cluster (``--workers 2``): wall time, the main
    process's peak, and each worker's peak as the CLI's ``--memory`` line reports it."""
    folder = build_corpus(n, work / f"corpus_workers_{n}")
    seconds, _peak, lines = _cli_in_child(folder, work / f"out_workers_{n}", ["--workers", "2"])
    main_line = next((line for line in lines if line.startswith("peak memory:")), "")
    worker_line = next((line for line in lines if line.startswith("peak memory of each")), "")
    workers = [float(x) for x in re.findall(r"([\d.]+) MiB", worker_line.split(":", 1)[-1])]
    return {"articles": n, "seconds": seconds, "main_mib": float(main_line.split()[2]) if main_line else float("nan"), "worker_mib": workers}


# --------------------------------------------------------------------------------------------
# the benchmark
# --------------------------------------------------------------------------------------------


def repeats_for(n: int) -> int:
    """Timed runs of spaCy alone and of sl.parse at ``n`` articles: five below 1,000 articles (a run of
    a few seconds varies by 5% or more from one run to the next); from 1,000 one run, interleaved
    block by block (see :func:`interleaved`)."""
    return 5 if n < 1000 else 1


INTERLEAVE_BLOCK = 100  # articles per block when spaCy alone and sl.parse are interleaved


def interleaved(corpus, texts: list[str], nlp, stages: dict) -> tuple[float, float, object]:
    """(spaCy alone seconds, sl.parse seconds, tables) on a large corpus, measured block by block.

    On this shared machine the same minute of work has taken 10 to 20% longer for a while (spaCy
    alone on 300 articles: 17.4 s, then 21.9 s); two one-minute runs one after the other then give a
    ratio that says more about the machine than about the code (1.15x and 1.37x on the same code).
    So spaCy alone and sl.parse's per-article stage take turns on blocks of ``INTERLEAVE_BLOCK``
    articles, alternating which goes first, and a slow stretch weighs on both. sl.parse's time is the
    sum of its per-article blocks plus the corpus-wide step (concatenating the rows and the finish),
    the same work ``sl.parse`` does in one call."""
    from s400lib.core.tables import Tables
    from s400lib.pipeline.parse import finish, iter_parsed

    spacy_seconds = parse_seconds = 0.0
    parts = []
    with extractor_timers(stages):
        for k, lo in enumerate(range(0, len(texts), INTERLEAVE_BLOCK)):
            articles, block = corpus.articles[lo : lo + INTERLEAVE_BLOCK], texts[lo : lo + INTERLEAVE_BLOCK]
            for step in (("spaCy", "parse") if k % 2 == 0 else ("parse", "spaCy")):
                began = time.perf_counter()
                if step == "spaCy":
                    for _ in nlp.pipe(block, batch_size=BATCH_SIZE):
                        pass
                    spacy_seconds += time.perf_counter() - began
                else:
                    parts += list(iter_parsed(articles, batch_size=BATCH_SIZE, progress=False))
                    parse_seconds += time.perf_counter() - began
        began = time.perf_counter()
        tables = finish(Tables.concat(parts))
        parse_seconds += time.perf_counter() - began
    return spacy_seconds, parse_seconds, tables


def measure(n: int, work: Path, stream: bool = True) -> dict:
    import s400lib as sl
    from s400lib.core.nlp import load_nlp

    folder = build_corpus(n, work / f"corpus_{n}")
    times: dict[str, float] = {}
    with timed(times, "load"):
        corpus = sl.load_corpus(folder)
    texts = [a.text for a in corpus]
    nlp = load_nlp()
    # A run of a second or two is at the mercy of the machine's noise: small corpora are timed
    # several times, spaCy alone and sl.parse alternating, and the median of each is kept.
    repeats = repeats_for(n)
    spacy_runs, parse_runs, stage_runs = [], [], []
    for _ in range(repeats):
        run: dict[str, float] = {}
        stages: dict[str, float] = {}
        if n >= 1000:
            run["spaCy alone"], run["sl.parse"], tables = interleaved(corpus, texts, nlp, stages)
        else:
            with timed(run, "spaCy alone"):
                for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
                    pass
            with extractor_timers(stages), timed(run, "sl.parse"):
                tables = sl.parse(corpus, batch_size=BATCH_SIZE, progress=False)
        spacy_runs.append(run["spaCy alone"])
        parse_runs.append(run["sl.parse"])
        stage_runs.append(stages)
    times["spaCy alone"], times["sl.parse"] = statistics.median(spacy_runs), statistics.median(parse_runs)
    stages = {key: statistics.median(run.get(key, 0.0) for run in stage_runs) for key in stage_runs[0]}
    with timed(times, "align"):
        alignments = sl.align(tables)
    with timed(times, "contradictions"):
        found = sl.contradictions(tables, alignments)
    with timed(times, "timeline"):
        events = sl.timeline(tables)
    times["cross-article"] = times["align"] + times["contradictions"] + times["timeline"]
    result = {
        "articles": n,
        "chars": sum(len(t) for t in texts),
        "times": times,
        "stages": stages,
        "rows": {
            "sentences": len(tables.sentences),
            "entities": len(tables.entities),
            "quotes": len(tables.quotes),
            "claims": len(tables.claims),
            "alignments": len(alignments),
            "contradictions": len(found),
            "timeline": len(events),
        },
        "ratio": times["sl.parse"] / times["spaCy alone"],
        "repeats": repeats,
    }
    if stream:
        seconds, peak, parse_peak = stream_in_child(folder, work / f"out_{n}")
        result["stream_seconds"], result["peak_mib"], result["parse_peak_mib"] = seconds, peak, parse_peak
    return result


def dask_check(n: int, work: Path) -> dict:
    """Parse one corpus on a 2-worker local Dask cluster and compare with the single-process run."""
    import pandas as pd

    import s400lib as sl
    from s400lib.core.tables import TABLE_NAMES
    from s400lib.pipeline.distributed import local_cluster, parse_distributed

    folder = build_corpus(n, work / f"corpus_{n}")
    corpus = sl.load_corpus(folder)
    single = sl.parse(corpus, batch_size=BATCH_SIZE, progress=False)
    began = time.perf_counter()
    with local_cluster(workers=2) as client:
        spread = parse_distributed(corpus, client, batch_size=BATCH_SIZE, articles_per_task=max(1, n // 8), progress=False)
    seconds = time.perf_counter() - began
    mismatched = []
    for name in TABLE_NAMES:
        try:
            pd.testing.assert_frame_equal(single[name], spread[name])
        except AssertionError:
            mismatched.append(name)
    return {"articles": n, "seconds": seconds, "identical": not mismatched, "mismatched": mismatched}


def exponent(small: dict, large: dict, key: str = "cross-article") -> float:
    t0, t1 = small["times"][key], large["times"][key]
    if t0 <= 0 or t1 <= 0:
        return float("nan")
    return math.log(t1 / t0) / math.log(large["articles"] / small["articles"])


def _git_head() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def render(results: list[dict], dask: dict | None, command: str, total_seconds: float) -> str:
    import spacy

    from s400lib.core.nlp import MODEL_NAME

    lines = [
        "# s400lib benchmark results",
        "",
        f"Command: `{command}` (total {total_seconds:.0f} s). Generated by `bench/run_bench.py`; do not edit by hand.",
        f"Code: commit {_git_head()} (plus any uncommitted changes at the time). "
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, spaCy {spacy.__version__}, model {MODEL_NAME}; batch size {BATCH_SIZE}, one process.",
        "Corpora: stories of five articles; each story re-words the seed paragraphs with its own vocabulary (nouns, verbs, adjectives and names permuted",
        "within their part-of-speech tag), and each article recombines 6 to 12 of its story's paragraphs (seeded shuffle); see `build_corpus`.",
        "",
        "## Time per stage (seconds)",
        "",
    ]
    keys = ["load", "spaCy alone", "sl.parse", "align", "contradictions", "timeline", "cross-article"]
    lines += ["| articles | characters | " + " | ".join(keys) + " | sl.parse / spaCy alone | stream CLI (s) | stream peak RSS, per-article stage (MiB) | stream peak RSS, whole run (MiB) |"]
    lines += ["| ---: " * (len(keys) + 6) + "|"]
    for r in results:
        cells = [f"{r['times'][k]:.2f}" for k in keys]
        stream = [f"{r['stream_seconds']:.1f}", f"{r['parse_peak_mib']:.0f}", f"{r['peak_mib']:.0f}"] if "peak_mib" in r else ["-", "-", "-"]
        lines.append(f"| {r['articles']} | {r['chars']:,} | " + " | ".join(cells) + f" | **{r['ratio']:.2f}x** | " + " | ".join(stream) + " |")
    largest = results[-1]
    lines += ["", f"## Where sl.parse spends its time ({largest['articles']} articles)", ""]
    lines += ["| step | seconds | share of sl.parse |", "| --- | ---: | ---: |"]
    # what no wrapper timed: spaCy's nlp.pipe after the tokenizer, plus the loop around the extractors
    spacy_pipe = largest["times"]["sl.parse"] - sum(largest["stages"].values())
    rows = [("spaCy pipeline after the tokenizer, and glue", spacy_pipe), *sorted(largest["stages"].items(), key=lambda kv: -kv[1])]
    for label, seconds in rows:
        lines.append(f"| {label} | {seconds:.2f} | {seconds / largest['times']['sl.parse']:.0%} |")
    lines += ["", "Rows found: " + ", ".join(f"{k} {v:,}" for k, v in largest["rows"].items()) + "."]
    lines += ["", "## Headline figures", ""]
    ratios = ", ".join(
        f"{r['articles']}: **{r['ratio']:.2f}x**" + (f" (median of {r['repeats']} runs)" if r.get("repeats", 1) > 1 else f" (interleaved in blocks of {INTERLEAVE_BLOCK} articles)") for r in results
    )
    over = [str(r["articles"]) for r in results if r["ratio"] > RATIO_BOUND]
    verdict = "held at every size" if not over else "NOT held at " + ", ".join(over) + " articles"
    lines.append(f"- sl.parse / spaCy alone: {ratios}. Bound {RATIO_BOUND}x (issue 15): {verdict}.")
    if len(results) >= 2:
        small, large = results[-2], results[-1]
        lines.append(
            f"- Cross-article stage (align + contradictions + timeline) scaling exponent between {small['articles']} and "
            f"{large['articles']} articles: **{exponent(small, large):.2f}** (1 = linear, 2 = quadratic)."
        )
    peaks = [f"{r['articles']}: {r['parse_peak_mib']:.0f} MiB" for r in results if "peak_mib" in r]
    whole = [f"{r['articles']}: {r['peak_mib']:.0f} MiB" for r in results if "peak_mib" in r]
    if peaks:
        lines.append("- Peak RSS of the streaming CLI parse when the per-article stage ends (spaCy + extractors + chunked writes): " + ", ".join(peaks) + ".")
        lines.append("- Peak RSS of the whole streaming run, including the corpus-wide finish (canonical names, inferred dates) on the written tables: " + ", ".join(whole) + ".")
    if dask:
        verdict = "identical to" if dask["identical"] else f"DIFFERENT from ({', '.join(dask['mismatched'])})"
        lines.append(
            f"- Dask (LocalCluster, 2 worker processes on 127.0.0.1) on {dask['articles']} articles: tables {verdict} the single-process run "
            f"({dask['seconds']:.1f} s including cluster start-up)."
        )
    return "\n".join(lines) + "\n"


def _per_article_stage(corpus, n_process: int) -> tuple[float, float]:
    """(wall seconds, main-process CPU seconds) of the per-article stage."""
    from s400lib.pipeline.parse import iter_parsed

    wall, cpu = time.perf_counter(), time.process_time()
    for _ in iter_parsed(corpus.articles, n_process=n_process, progress=False):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


def worker_throughput(n: int) -> str:
    """The per-article stage at one and two processes on ``n`` bench articles (best of two runs each),
    and the main process's CPU time per article at two processes, from which the speed-up that more
    cores could reach follows (a worker's cost per article / the main process's)."""
    import s400lib as sl
    from s400lib.core.nlp import load_nlp

    folder = Path(f"/tmp/s400lib_bench_{n}")
    if not folder.exists():
        build_corpus(n, folder)
    corpus = sl.load_corpus(folder)
    load_nlp()
    one = min(_per_article_stage(corpus, 1) for _ in range(2))
    two = min(_per_article_stage(corpus, 2) for _ in range(2))
    per_article = one[0] / n * 1000
    main_cpu = two[1] / n * 1000
    return (
        f"{n} articles: one process {one[0]:.1f} s ({per_article:.0f} ms an article), two processes {two[0]:.1f} s: "
        f"speed-up {one[0] / two[0]:.2f}x. Main-process CPU at two processes: {main_cpu:.1f} ms an article, "
        f"so the main process saturates at about {per_article / main_cpu:.0f} workers."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small smoke run (5 and 20 articles); results are printed, not written")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 10 100 1000)")
    parser.add_argument("--no-stream", action="store_true", help="skip the streaming CLI / peak memory runs")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask equality check")
    parser.add_argument("--no-workers", action="store_true", help="skip the one- and two-process throughput run")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md", help="where to write the Markdown results")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([5, 20] if args.quick else [10, 100, 1000])
    command = "make bench" if not (args.quick or args.sizes) else "python bench/run_bench.py " + " ".join(argv if argv is not None else sys.argv[1:])
    began = time.perf_counter()

    import s400lib as sl
    from s400lib.core.nlp import load_nlp

    # warm-up, not measured: first calls load the model and import scikit-learn and friends
    warm = sl.parse(SEEDS, batch_size=BATCH_SIZE, progress=False)
    sl.contradictions(warm, sl.align(warm))
    sl.timeline(warm)
    for _ in load_nlp().pipe(seed_paragraphs()[1], batch_size=BATCH_SIZE):
        pass
    results = []
    with tempfile.TemporaryDirectory(prefix="s400bench_") as tmp:
        work = Path(tmp)
        # Dask first: its workers import s400lib afresh, so both sides must run the same code even
        # when the library is being edited while the benchmark runs
        dask = None if args.no_dask else dask_check(5 if args.quick else 20, work)
        for n in sizes:
            print(f"measuring {n} articles ...", file=sys.stderr, flush=True)
            results.append(measure(n, work, stream=not args.no_stream))
        workers = dask_memory = None
        if not args.no_workers:
            print("measuring one and two worker processes ...", file=sys.stderr, flush=True)
            workers = worker_throughput(20 if args.quick else 200)
        if not args.no_dask:
            print("measuring the streaming command on 2 Dask workers ...", file=sys.stderr, flush=True)
            dask_memory = dask_cli_memory(20 if args.quick else 200, work)
    text = render(results, dask, command, time.perf_counter() - began)
    if workers or dask_memory:
        text += "\n## Worker processes\n\n"
    if workers:
        text += "- `bench/n_process_scaling.py`: " + workers + "\n"
    if dask_memory:
        text += (f"- The streaming command on a 2-worker Dask cluster (`--workers 2`, {dask_memory['articles']} articles, "
                 f"{dask_memory['seconds']:.1f} s): each worker writes its own chunks; peak memory of each worker "
                 + ", ".join(f"{m:.0f} MiB" for m in dask_memory["worker_mib"])
                 + f", of the main process {dask_memory['main_mib']:.0f} MiB.\n")
    print(text)
    if not args.quick:
        args.out.write_text(text, encoding="utf-8")
        print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
