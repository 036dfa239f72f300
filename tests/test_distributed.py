"""The per-article stage on a 2-worker Dask LocalCluster (loopback) gives the single-process tables."""

from __future__ import annotations

import pandas as pd
import pytest

import s400lib as sl
from s400lib.core.tables import TABLE_NAMES
from s400lib.pipeline.distributed import local_cluster, parse_distributed
from s400lib.pipeline.stream import parse_to_parquet

ARTICLES = {
    "budget.txt": (
        "Budget vote delayed\n\n"
        "The finance committee delayed the budget vote until next Tuesday, its chairman said on Friday.\n\n"
        "\u201cWe need more time to read the amendments,\u201d said Chairman Paul Weber.\n"
    ),
    "bridge.txt": (
        "Bridge reopens\n\n"
        "The old bridge reopened on 3 May 2021 after repairs that cost 4 million euros.\n\n"
        "Engineers said the bridge could carry 40 trucks at once.\n"
    ),
    "school.txt": "New school\n\nA new school will open in September, the mayor announced.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask_corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sl.load_corpus(folder)


@pytest.fixture(scope="module")
def client():
    with local_cluster(workers=2) as c:
        yield c


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("article_id", "start", "end", "para_id") if c in frame.columns]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def test_cluster_is_two_processes_on_loopback(client):
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    assert all(address.startswith("tcp://127.0.0.1:") for address in workers)
    assert client.run(lambda: __import__("s400lib.core.nlp").core.nlp.load_nlp.cache_info().currsize) == dict.fromkeys(workers, 1)


def test_dask_tables_equal_single_process(corpus, client):
    single = sl.parse(corpus, progress=False)
    # one article per task: the three articles are spread over both workers
    spread = parse_distributed(corpus, client, articles_per_task=1, progress=False)
    assert len(single.sentences) > 0 and len(single.entities) > 0
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(_sorted(spread[name]), _sorted(single[name]))
        # and in the same order, not only after sorting
        pd.testing.assert_frame_equal(spread[name], single[name])


def test_dask_streaming_to_parquet_equals_single_process(corpus, client, tmp_path):
    parse_to_parquet(corpus, tmp_path / "local", progress=False)
    parse_to_parquet(corpus, tmp_path / "dask", client=client, articles_per_task=2, chunk_size=1, progress=False)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "dask" / f"{name}.parquet"), pd.read_parquet(tmp_path / "local" / f"{name}.parquet")
        )


def test_cli_workers_option_matches_single_process(corpus, tmp_path):
    """`parse --workers 2` starts its own loopback cluster, closes it, and writes the same files."""
    from s400lib.cli import main

    folder = str(tmp_path / "in")
    (tmp_path / "in").mkdir()
    for article in corpus:
        (tmp_path / "in" / f"{article.article_id}.txt").write_text(article.text, encoding="utf-8")
    assert main(["parse", folder, "--out", str(tmp_path / "one"), "--no-progress"]) == 0
    assert main(["parse", folder, "--out", str(tmp_path / "two"), "--workers", "2", "--articles-per-task", "1", "--no-progress"]) == 0
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "two" / f"{name}.parquet"), pd.read_parquet(tmp_path / "one" / f"{name}.parquet"))


def test_workers_write_their_own_parts(corpus, client, tmp_path):
    """Only row counts come back from the workers: the rows are written by the worker processes."""
    import os

    memory: dict = {}
    counts = parse_to_parquet(corpus, tmp_path / "dask", client=client, articles_per_task=1, progress=False, memory=memory)
    workers = memory["worker_peak_mib"]
    assert os.getpid() not in workers
    assert len(workers) == 2  # one article per task: both workers wrote parts
    assert all(100 < peak < 4000 for peak in workers.values())
    assert counts["articles"] == len(corpus)
    assert not (tmp_path / "dask" / ".staging").exists()


def test_cli_reports_worker_memory(corpus, tmp_path, capsys):
    from s400lib.cli import main

    (tmp_path / "in").mkdir()
    for article in corpus:
        (tmp_path / "in" / f"{article.article_id}.txt").write_text(article.text, encoding="utf-8")
    assert main(["parse", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--workers", "2", "--articles-per-task", "1",
                 "--no-progress", "--memory"]) == 0
    assert "peak memory of each of the 2 worker processes" in capsys.readouterr().out


def test_alignment_scored_on_the_workers_equals_the_local_one(client, seed_tables, monkeypatch):
    """The cross-article stage on Dask: align's candidate pairs scored on the workers give the
    same alignments, row for row, as scoring them in this process, also when the pairs come in
    many small slices (more than the tasks kept in flight at once)."""
    import s400lib.compare.blocking as blocking

    here = sl.align(seed_tables)
    assert len(here) > 0
    pd.testing.assert_frame_equal(sl.align(seed_tables, client=client), here)
    monkeypatch.setattr(blocking, "PAIRS_PER_SLICE", 20)
    slices = list(blocking.iter_candidate_pairs(*_align_inputs(seed_tables)))
    assert len(slices) > 8
    there = sl.align(seed_tables, client=client)
    pd.testing.assert_frame_equal(there, here)
    assert there.attrs == here.attrs


def test_contradictions_judged_on_the_workers_equal_the_local_ones(client, seed_tables, monkeypatch):
    """The contradictions' candidate pairs judged on the workers, in one slice or many, give the
    table judged in this process, row for row."""
    import s400lib.compare.blocking as blocking
    from s400lib.compare.contradictions import contradictions

    aligned = sl.align(seed_tables)
    here = contradictions(seed_tables, alignments=aligned, max_rows=None)
    assert len(here) > 0
    pd.testing.assert_frame_equal(contradictions(seed_tables, alignments=aligned, max_rows=None, client=client), here)
    monkeypatch.setattr(blocking, "PAIRS_PER_SLICE", 20)
    there = contradictions(seed_tables, alignments=aligned, max_rows=None, client=client)
    pd.testing.assert_frame_equal(there, here)
    assert there.attrs == here.attrs


def _align_inputs(tables):
    from s400lib.compare.align import tokens, units

    u = units(tables)
    texts = u["text"].tolist()
    return texts, u["article_id"].tolist(), texts, tokens, [[k for k in ks if k[0] in "ETU"] for ks in u["keys"]]


def test_report_with_workers_writes_the_same_page(seed_tables, tmp_path):
    """`python -m s400lib report DIR --workers 2` scores the alignment on a local cluster and
    writes the page the one-process command writes."""
    from s400lib.cli import main

    seed_tables.to_parquet(tmp_path / "tables")
    assert main(["report", str(tmp_path / "tables"), "--out", str(tmp_path / "here.html")]) == 0
    assert main(["report", str(tmp_path / "tables"), "--out", str(tmp_path / "there.html"), "--workers", "2"]) == 0
    here = (tmp_path / "here.html").read_text(encoding="utf-8")
    assert "Contradictions between articles" in here and "could not be computed" not in here
    assert (tmp_path / "there.html").read_text(encoding="utf-8") == here



def test_timeline_scored_on_the_workers_equals_the_local_one(client, seed_tables, monkeypatch):
    """The timeline's candidate report pairs scored on the workers, in one slice or in many small
    ones, give the timeline built in this process, row for row."""
    import s400lib.link.eventmatch as eventmatch
    from s400lib.compare.timeline import report_table

    here = sl.timeline(seed_tables)
    assert len(here) > 0
    pd.testing.assert_frame_equal(sl.timeline(seed_tables, client=client), here)
    # the same report units through the slicing, mapped here, to see that they come in many slices
    reports = report_table(seed_tables)
    units, groups = reports["text"].tolist() + reports["context"].tolist(), reports["article_id"].tolist() * 2
    monkeypatch.setattr(eventmatch, "PAIRS_PER_SLICE", 3)
    sizes: list[int] = []

    def map_here(func, shared, slices):
        for pairs in slices:
            sizes.append(len(pairs))
            yield func(shared, pairs)

    idf = eventmatch.idf_weights([set(eventmatch.content_words(t)) for t in seed_tables.sentences["text"]])
    whole = eventmatch.similar_pairs(units, groups, min_score=0.35, idf=idf)
    assert whole and eventmatch.similar_pairs(units, groups, min_score=0.35, idf=idf, pair_map=map_here) == whole
    assert len(sizes) > 4 and max(sizes) == 3
    pd.testing.assert_frame_equal(sl.timeline(seed_tables, client=client), here)
