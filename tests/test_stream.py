"""Streaming parse to Parquet: same files as sl.parse(...).to_parquet, written chunk by chunk."""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import SEEDS

import s400lib as sl
from s400lib.core.tables import TABLE_NAMES
from s400lib.pipeline.stream import STAGING, ChunkWriter, parse_to_parquet

# Two small articles of our own: one with a quote and dates, one with nothing to quote.
SMALL = {
    "harbour.txt": (
        "Harbour plan approved\n\n"
        "The city council approved the harbour plan on Monday, officials said.\n\n"
        "\u201cWe will start dredging in March,\u201d Mayor Ana Ruiz told reporters. "
        "The works will cost $12 million.\n"
    ),
    "weather.txt": "Quiet week ahead\n\nNo rain is expected this week across the region.\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The seeds plus two small articles, in one folder (metadata kept for the seeds)."""
    path = tmp_path_factory.mktemp("corpus")
    for src in SEEDS.iterdir():
        shutil.copy(src, path / src.name)
    for name, text in SMALL.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    sl.parse(sl.load_corpus(folder), progress=False).to_parquet(out)
    return out


@pytest.fixture(scope="module")
def streamed(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("streamed")
    # chunk_size=1: every article is its own chunk, the hardest case for schema consistency
    counts = parse_to_parquet(folder, out, chunk_size=1, progress=False)
    return out, counts


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_streamed_files_equal_parse_to_parquet(reference, streamed, name):
    out, _ = streamed
    expected = pd.read_parquet(reference / f"{name}.parquet")
    got = pd.read_parquet(out / f"{name}.parquet")
    assert len(expected) > 0 or name in ("numbers",)
    pd.testing.assert_frame_equal(got, expected)


def test_round_trip_and_counts(reference, streamed):
    out, counts = streamed
    tables = sl.Tables.from_parquet(out)
    ref = sl.Tables.from_parquet(reference)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(tables[name], ref[name])
        assert counts[name] == len(tables[name])
    assert sorted(tables.articles["article_id"]) == ["000_8ca09a8607288180", "001_7ea52e1d489151b0", "harbour", "weather"]
    assert not (out / STAGING).exists(), "the staging folder is removed after the finish step"


def test_streamed_offsets_slice_the_article_text(streamed):
    tables = sl.Tables.from_parquet(streamed[0])
    texts = dict(zip(tables.articles["article_id"], tables.articles["text"]))
    for name in ("paragraphs", "sentences", "entities", "quotes", "timexes", "numbers", "claims"):
        for row in tables[name].itertuples(index=False):
            assert texts[row.article_id][row.start : row.end] == row.text, (name, row)


def test_finish_ran_on_disk(streamed):
    """The corpus-wide step ran on the written tables: the undated seed got an inferred date and
    short mentions their corpus-wide name, which per-article parsing alone cannot give."""
    tables = sl.Tables.from_parquet(streamed[0])
    articles = tables.articles.set_index("article_id")
    assert articles.loc["000_8ca09a8607288180", "published_source"] == "metadata"
    assert articles.loc["001_7ea52e1d489151b0", "published_source"] == "inferred"
    ents = tables.entities
    assert set(ents.loc[ents["text"] == "Slutsky", "canonical"]) == {"Leonid Slutsky"}


def test_chunk_writer_widens_a_column_that_was_all_missing(tmp_path):
    path = tmp_path / "quotes.parquet"
    writer = ChunkWriter(path, "quotes")
    writer.write(pd.DataFrame({"quote_id": ["a:q0"], "extra": [None]}))
    writer.write(pd.DataFrame({"quote_id": ["b:q0"], "extra": ["now text"]}))
    writer.write(pd.DataFrame({"quote_id": ["c:q0"]}))
    writer.close()
    got = pq.read_table(path).to_pandas()
    assert got["quote_id"].tolist() == ["a:q0", "b:q0", "c:q0"]
    assert got["extra"].tolist()[1] == "now text" and pd.isna(got["extra"].tolist()[0]) and pd.isna(got["extra"].tolist()[2])


def test_chunk_writer_without_rows_writes_the_documented_empty_table(tmp_path):
    writer = ChunkWriter(tmp_path / "numbers.parquet", "numbers")
    writer.close()
    got = sl.Tables.from_parquet(tmp_path).numbers
    assert got.empty and list(got.columns)[:3] == ["article_id", "sent_id", "start"]


def test_finish_reads_no_table_whole_but_articles(tmp_path, monkeypatch):
    """The corpus-wide finish works chunk by chunk: no table is ever read whole except articles
    (without their text), even when some article lacks a date and dates are inferred from the
    sentences of the others."""
    import s400lib.pipeline.staging as staging

    whole = []
    read_all = staging._read_all_parts

    def spy(staging, name, n_parts, columns=None):
        whole.append((name, tuple(columns) if columns else None))
        return read_all(staging, name, n_parts, columns)

    monkeypatch.setattr(staging, "_read_all_parts", spy)
    dated = tmp_path / "dated"
    dated.mkdir()
    for name, text in SMALL.items():
        (dated / name).write_text(text, encoding="utf-8")
    (dated / "metadata.csv").write_text("file,outlet,published\nharbour.txt,Coast Gazette,2021-03-01\nweather.txt,Coast Gazette,2021-03-02\n")
    parse_to_parquet(dated, tmp_path / "out_dated", chunk_size=1, progress=False, separate_finish=False)
    assert [name for name, _ in whole] == ["articles"] and "text" not in whole[0][1]

    whole.clear()
    undated = tmp_path / "undated"
    undated.mkdir()
    for name, text in SMALL.items():
        (undated / name).write_text(text, encoding="utf-8")
    parse_to_parquet(undated, tmp_path / "out_undated", chunk_size=1, progress=False, separate_finish=False)
    assert [name for name, _ in whole] == ["articles"] and "text" not in whole[0][1]


def test_the_finish_runs_in_a_process_without_spacy_and_gives_the_same_tables(tmp_path):
    """The streamed parse finishes in a fresh process that imports no spaCy (its memory starts at
    about half of the parsing process's), and its tables equal those of an in-process finish."""
    import subprocess
    import sys

    probe = "import sys, s400lib.pipeline.finish as f; f.corpus_decisions, f.finish_part; print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip() == "[]"
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in SMALL.items():
        (folder / name).write_text(text, encoding="utf-8")
    memory: dict = {}
    parse_to_parquet(folder, tmp_path / "child", chunk_size=1, progress=False, memory=memory)
    parse_to_parquet(folder, tmp_path / "here", chunk_size=1, progress=False, separate_finish=False)
    child, here = sl.Tables.from_parquet(tmp_path / "child"), sl.Tables.from_parquet(tmp_path / "here")
    for name in ("articles", "entities", "quotes", "claims", "timexes"):
        pd.testing.assert_frame_equal(getattr(child, name), getattr(here, name))
    assert 0 < memory["finish_peak_mib"] < memory["parse_peak_mib"]


def test_worker_processes_start_before_the_corpus_is_listed_and_give_the_same_tables(tmp_path, monkeypatch):
    """Forked workers carry what their parent held when they started: the streamed parse starts
    them before it lists the corpus, so their memory does not grow with its size."""
    import s400lib.pipeline.parse as parse_module
    import s400lib.pipeline.stream as stream

    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in SMALL.items():
        (folder / name).write_text(text, encoding="utf-8")
    order = []
    start, listing = parse_module.start_workers, stream.load_corpus
    monkeypatch.setattr(parse_module, "start_workers", lambda n: order.append("workers") or start(n))
    monkeypatch.setattr(stream, "load_corpus", lambda *a, **k: order.append("corpus") or listing(*a, **k))
    parse_to_parquet(folder, tmp_path / "two", n_process=2, progress=False)
    assert order == ["workers", "corpus"]
    parse_to_parquet(folder, tmp_path / "one", progress=False)
    two, one = sl.Tables.from_parquet(tmp_path / "two"), sl.Tables.from_parquet(tmp_path / "one")
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(two, name), getattr(one, name))
