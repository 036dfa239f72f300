"""The per-article stage in worker processes gives the same tables as one process (issue 15)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

import s400lib as sl
from s400lib.core.errors import InputWarning

ROOT = Path(__file__).resolve().parents[1]


def test_two_processes_give_the_tables_of_one(tmp_path):
    for i, path in enumerate(sorted((ROOT / "tests" / "devsets" / "stories" / "dev").glob("*/*.txt"))[:6]):
        (tmp_path / f"{i}_{path.name}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    corpus = sl.load_corpus(tmp_path)
    one = sl.parse(corpus, progress=False)
    two = sl.parse(corpus, n_process=2, batch_size=2, progress=False)
    for name in ("articles", "paragraphs", "sentences", "entities", "quotes", "timexes", "numbers", "claims"):
        pd.testing.assert_frame_equal(one[name], two[name], check_exact=True)


def test_an_article_failing_in_a_worker_costs_only_itself_in_warn_mode(tmp_path, monkeypatch):
    from s400lib.pipeline import parse as parse_module

    (tmp_path / "good.txt").write_text("Bridge reopens\n\nThe mayor said the bridge reopened on Monday.\n", encoding="utf-8")
    (tmp_path / "poison.txt").write_text("Poison\n\nThe mayor said nothing on Tuesday.\n", encoding="utf-8")
    real = parse_module.parse_article

    def failing(article, doc, paragraphs):
        if article.article_id == "poison":
            raise RuntimeError("simulated extractor failure")
        return real(article, doc, paragraphs)

    monkeypatch.setattr(parse_module, "parse_article", failing)  # forked workers inherit the patch
    corpus = sl.load_corpus(tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables = sl.parse(corpus, n_process=2, batch_size=1, progress=False, errors="warn")
    assert tables.articles["article_id"].tolist() == ["good"]
    assert any("poison.txt" in str(w.message) and "simulated" in str(w.message) for w in caught if issubclass(w.category, InputWarning))


def test_a_loaded_corpus_holds_paths_and_metadata_not_texts(tmp_path):
    import pickle

    body = "Harbour news\n\n" + "The harbour master said the ferry would sail on Monday. " * 400
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(body, encoding="utf-8")
    corpus = sl.load_corpus(tmp_path)
    article = corpus.articles[0]
    assert object.__getattribute__(article, "text") is None  # nothing held in memory
    assert article.text == body.rstrip("\n") or article.text.startswith("Harbour news")
    assert len(pickle.dumps(corpus.articles)) < len(body)  # three articles pickle smaller than one text
    loaded = article.loaded()
    assert object.__getattribute__(loaded, "text") == article.text
    tables = sl.parse(corpus, progress=False)
    assert tables.articles["n_chars"].tolist() == [len(article.text)] * 3
