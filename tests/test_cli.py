"""`python -m s400lib parse` and `python -m s400lib report`."""

from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd
import pytest
from conftest import SEEDS

import s400lib as sl
from s400lib.cli import main
from s400lib.core.tables import TABLE_NAMES
from s400lib.viz.html_report import quotes_by_speaker, render_report

SMALL = (
    "Harbour plan approved\n\n"
    "The city council approved the harbour plan on 12 March 2021, officials said.\n\n"
    "\u201cWe will start dredging in April,\u201d Mayor Ana Ruiz told reporters.\n"
)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "s400lib", *args], capture_output=True, text=True, timeout=300)


def test_help_documents_both_commands():
    top = run("--help")
    assert top.returncode == 0 and "parse" in top.stdout and "report" in top.stdout
    parse_help = run("parse", "--help").stdout
    for option in ("--out", "--batch-size", "--n-process", "--workers", "--dask", "--chunk-size", "--errors", "--aliases"):
        assert option in parse_help
    assert "DIR" in run("report", "--help").stdout


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    """The seeds parsed by the real command line, through ``python -m s400lib``."""
    out = tmp_path_factory.mktemp("out")
    done = run("parse", str(SEEDS), "--out", str(out), "--batch-size", "4", "--chunk-size", "1")
    assert done.returncode == 0, done.stderr
    return out, done


def test_parse_writes_every_table(parsed, seed_tables):
    out, done = parsed
    assert sorted(p.name for p in out.glob("*.parquet")) == sorted(f"{n}.parquet" for n in TABLE_NAMES)
    assert "wrote 2 articles" in done.stdout
    tables = sl.Tables.from_parquet(out)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(tables[name], seed_tables[name])


def test_report_from_saved_tables(parsed, tmp_path):
    out, _ = parsed
    page = tmp_path / "r" / "report.html"
    assert main(["report", str(out), "--out", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "<h2>Rows per table</h2>" in text and "<h2>Quotes by speaker</h2>" in text
    # rows per table: the entities count of the saved table appears in the page
    n_entities = len(pd.read_parquet(out / "entities.parquet"))
    assert re.search(rf"<td>entities</td>\s*<td>{n_entities}</td>", text)
    assert "Leonid Slutsky" in text  # the most quoted speaker of the seeds, by canonical name
    # self-contained: no external scripts, styles or images
    assert not re.search(r"<(script|link)[^>]+(src|href)=", text)
    assert all(src.startswith("data:image/png;base64,") for src in re.findall(r'<img[^>]*src="([^"]+)"', text))


def test_report_on_empty_tables(tmp_path):
    sl.Tables().to_parquet(tmp_path)
    assert main(["report", str(tmp_path)]) == 0
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "no quotes found" in text and "no articles" in text


def test_quotes_by_speaker_counts_unknown_speakers():
    quotes = pd.DataFrame(
        {"article_id": ["a", "a", "b", "b"], "speaker": ["Ana Ruiz", pd.NA, "Ana Ruiz", "Ana Ruiz"], "text": list("wxyz"), "kind": ["direct", "scare", "direct", "partial"]}
    )
    got = quotes_by_speaker(quotes)
    assert got.to_dict("records") == [
        {"speaker": "Ana Ruiz", "quotes": 3, "articles": 2, "kinds": "direct, partial"},
        {"speaker": "(unknown)", "quotes": 1, "articles": 1, "kinds": "scare"},
    ]


def test_parse_skips_a_bad_file_with_errors_warn(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "harbour.txt").write_text(SMALL, encoding="utf-8")
    (tmp_path / "in" / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    with pytest.warns(sl.InputWarning, match="binary"):
        assert main(["parse", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--errors", "warn"]) == 0
    assert sl.Tables.from_parquet(tmp_path / "out").articles["article_id"].tolist() == ["harbour"]
    assert main(["parse", str(tmp_path / "in"), "--out", str(tmp_path / "out2"), "--errors", "raise"]) == 2
    assert "binary" in capsys.readouterr().err


def test_parse_with_a_user_alias_table(tmp_path, capsys):
    """--aliases renames the mayor wherever the tables name her: quote speaker and claim source."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "harbour.txt").write_text(SMALL, encoding="utf-8")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical,label\nAna Ruiz,Ana Ruiz Pérez,PERSON\n", encoding="utf-8")
    assert main(["parse", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--aliases", str(aliases), "--no-progress"]) == 0
    tables = sl.Tables.from_parquet(tmp_path / "out")
    assert tables.quotes["speaker"].tolist() == ["officials", "Ana Ruiz Pérez"]
    assert "Ana Ruiz Pérez" in set(tables.claims["source"].dropna())
    assert main(["parse", str(tmp_path / "in"), "--out", str(tmp_path / "out2"), "--aliases", str(tmp_path / "nope.csv")]) == 2
    assert "nope.csv: no such file" in capsys.readouterr().err


def test_parse_with_no_readable_article_fails_and_writes_nothing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    done = run("parse", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "warning: " in done.stderr and "empty.txt: the file is empty. Fix:" in done.stderr
    assert "load_corpus(" not in done.stderr, "one line per warning, not the Python source line"
    assert "no readable article" in done.stderr and not (tmp_path / "out").exists()


def test_report_on_a_missing_folder_fails_with_a_fix(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nowhere")]) == 2
    assert "run `python -m s400lib parse" in capsys.readouterr().err


def test_render_report_is_a_function_of_the_tables(seed_tables):
    html = render_report(seed_tables, title="seeds")
    assert html.startswith("<!doctype html>") and "<title>seeds</title>" in html


def test_score_commands_answer_help_and_bad_paths_with_one_line(tmp_path, capsys):
    """The scoring commands are commands too: --help prints usage, and a missing file or folder is
    one line naming it and the fix, with exit status 2, never a traceback."""
    from s400lib.evaluate import claim_eval, quote_eval, time_eval

    for main in (quote_eval.main, time_eval.main, claim_eval.main):
        with pytest.raises(SystemExit) as done:
            main(["--help"])
        assert done.value.code == 0
        assert "usage:" in capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        quote_eval.main([str(tmp_path / "my_gold.csv")])
    assert done.value.code == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert "my_gold.csv: no such file. Fix:" in message
    with pytest.raises(SystemExit) as done:
        time_eval.main(["--tml", str(tmp_path)])
    assert done.value.code == 2
    assert "no .tml files. Fix:" in capsys.readouterr().err.strip().splitlines()[-1]


def test_gold_files_are_found_from_any_working_folder(tmp_path, monkeypatch):
    """Run from a folder outside the project, the scores still find the project's gold and GUM files."""
    from s400lib.evaluate import quote_eval

    monkeypatch.chdir(tmp_path)
    root = quote_eval._root()
    assert (root / "seeds").is_dir() and (root / quote_eval.GUM_DEFAULT).is_file()
    assert len(quote_eval.load_gum("heldout")) == 8


def test_the_report_timeline_marks_the_events_its_contradictions_dispute(tmp_path):
    """Two outlets give one flood two death tolls on one date: the timeline merges the two reports
    into one event, and the contradictions section sets them against each other; the page's
    timeline must show that event in conflict too, or its two sections disagree."""
    (tmp_path / "a.txt").write_text("Flood toll rises in Velden\n\nThe flood in Velden killed 40 people on 3 March 2021, "
                                    "the interior ministry said on Friday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Velden counts its dead\n\nThe flood in Velden killed 12 people on 3 March 2021, "
                                    "the interior ministry said on Friday.\n", encoding="utf-8")
    tables = sl.parse(sl.load_corpus(tmp_path))
    assert len(sl.contradictions(tables)) == 1
    timeline_section = render_report(tables).split("<h2>Timeline of events</h2>", 1)[1]
    assert timeline_section.count("<td>True</td>") == 1
