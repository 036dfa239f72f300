"""Bad or odd input beside a good article: the good one is always parsed, the bad one is named (issue 14).

Every case was first reproduced as a crash that lost the whole corpus.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import s400lib as sl
from s400lib.core import nlp as nlp_module
from s400lib.core.errors import InputWarning

GOOD = "Bridge reopens\n\nThe mayor said the bridge reopened on Monday after two weeks of repairs.\n"


def _folder(tmp_path: Path, files: dict) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, content in files.items():
        if isinstance(name, bytes):  # a name that is not UTF-8 can only be written through bytes paths
            with open(bytes(tmp_path) + b"/" + name, "wb") as handle:
                handle.write(content)
        else:
            (tmp_path / name).write_text(content, encoding="utf-8")
    return tmp_path


def _parse_warn(folder: Path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = sl.load_corpus(folder, errors="warn")
        tables = sl.parse(corpus, progress=False, errors="warn")
    return corpus, tables, [str(w.message) for w in caught if issubclass(w.category, InputWarning)]


@pytest.mark.parametrize("date", ["2020-13-45", "2020-02-30", "1066-10-14", "not a date"])
def test_a_bad_front_matter_date_costs_only_its_article(tmp_path, date):
    folder = _folder(tmp_path, {"bad.txt": f"---\npublished: {date}\n---\nTitle\n\nThe mayor said it.\n"})
    corpus, tables, messages = _parse_warn(folder)
    assert tables.articles["article_id"].tolist() == ["good"]
    assert any("bad.txt" in m and date in m and "Fix:" in m for m in messages), messages
    assert corpus.problems["path"].astype(str).str.endswith("bad.txt").any()


def test_yaml_aliases_are_refused_not_expanded(tmp_path):
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ntitle: [*b, *b, *b, *b]\n---\nBody.\n"
    corpus, tables, messages = _parse_warn(_folder(tmp_path, {"bomb.txt": bomb}))
    assert tables.articles["article_id"].tolist() == ["good"]
    assert any("bomb.txt" in m for m in messages)


def test_a_long_metadata_cell_is_read(tmp_path):
    folder = _folder(tmp_path, {})
    long_note = "n" * 140_000
    (folder / "metadata.csv").write_text(f"file,title,notes\ngood.txt,Bridge,{long_note}\n", encoding="utf-8")
    corpus = sl.load_corpus(folder)
    assert corpus["good"].notes == long_note


def test_a_file_name_that_is_not_utf8_is_named_and_skipped(tmp_path):
    if sys.platform == "darwin":
        pytest.skip("macOS file systems refuse such names")
    folder = _folder(tmp_path, {b"caf\xe9.txt": b"Title\n\nThe mayor said it.\n"})
    corpus, tables, messages = _parse_warn(folder)
    assert tables.articles["article_id"].tolist() == ["good"]
    assert any("not valid UTF-8" in m for m in messages)


def test_a_text_over_the_limit_gets_a_clear_message_and_the_limit_can_be_raised(tmp_path):
    folder = _folder(tmp_path, {"big.txt": "Big\n\n" + "The port was busy. " * 600})
    with pytest.warns(InputWarning, match="big.txt.*more than the limit of 5,000"):
        corpus = sl.load_corpus(folder, errors="warn", max_chars=5_000)
    assert [a.article_id for a in corpus] == ["good"]
    assert len(sl.load_corpus(folder, max_chars=20_000)) == 2


def test_a_long_text_is_parsed_in_pieces_with_offsets_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 2_000)
    body = "\n\n".join(f"“Berth {n} is open,” the harbour master said on day {n}." for n in range(150))
    (tmp_path / "long.txt").write_text("Harbour log\n\n" + body + "\n", encoding="utf-8")
    tables = sl.parse(sl.load_corpus(tmp_path), progress=False)
    text = tables.articles["text"].iloc[0]
    assert len(text) > 3 * 2_000
    for name in ("sentences", "entities", "quotes", "timexes"):
        frame = getattr(tables, name)
        assert all(text[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"])), name
    assert len(tables.quotes) == 150
    # "the harbour master" is never named: every quote is credited to the role as written, none to a name
    assert tables.quotes["speaker"].eq("harbour master").all() and tables.quotes["speaker_rule"].eq("role_described").all()


def test_an_error_inside_one_article_becomes_a_warning_in_warn_mode(tmp_path, monkeypatch):
    from s400lib.pipeline import parse as parse_module

    real = parse_module.parse_article

    def failing(article, doc, paragraphs):
        if article.article_id == "boom":
            raise RuntimeError("an extractor failed")
        return real(article, doc, paragraphs)

    monkeypatch.setattr(parse_module, "parse_article", failing)
    folder = _folder(tmp_path, {"boom.txt": "Boom\n\nThe mayor said it.\n"})
    corpus, tables, messages = _parse_warn(folder)
    assert tables.articles["article_id"].tolist() == ["good"]
    assert any("boom.txt" in m and "RuntimeError" in m for m in messages)
    assert corpus.problems["path"].astype(str).str.endswith("boom.txt").any()
    with pytest.raises(RuntimeError):
        sl.parse(sl.load_corpus(folder), progress=False)


def test_the_cli_keeps_the_good_article_and_prints_one_line_per_bad_one(tmp_path):
    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in", {"bad.txt": "---\npublished: 2020-02-30\n---\nT\n\nThe mayor said it.\n"})
    done = subprocess.run([sys.executable, "-m", "s400lib", "parse", str(folder), "--out", str(tmp_path / "out"), "--no-progress"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(lines) == 1 and "bad.txt" in lines[0]
    assert pd.read_parquet(tmp_path / "out" / "articles.parquet")["article_id"].tolist() == ["good"]


def _corpus_of(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(seeds[i % 2].read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGKILL"])
def test_an_interrupted_run_leaves_the_previous_output_intact(tmp_path, signal_name):
    import signal
    import time

    out = tmp_path / "out"
    first = subprocess.run([sys.executable, "-m", "s400lib", "parse", str(Path(__file__).resolve().parents[1] / "seeds"),
                            "--out", str(out), "--no-progress"], capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    (out / "my_notes.txt").write_text("mine", encoding="utf-8")
    before = _snapshot(out)
    big = _corpus_of(tmp_path, 60)
    child = subprocess.Popen([sys.executable, "-m", "s400lib", "parse", str(big), "--out", str(out), "--no-progress"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and not list(tmp_path.glob(".out.partial-*")):
        time.sleep(0.2)
    time.sleep(1.0)  # well inside the parse of sixty articles
    child.send_signal(getattr(signal, signal_name))
    _, err = child.communicate(timeout=120)
    assert child.returncode != 0
    assert _snapshot(out) == before  # the old tables, their manifest and the user's own file
    if signal_name == "SIGINT":
        assert "Traceback" not in err and "interrupted" in err
        assert not list(tmp_path.glob(".out.partial-*"))  # nothing half-written is left behind
    assert sl.Tables.from_parquet(out).articles["article_id"].nunique() == 2


def test_an_output_path_that_is_a_file_is_a_one_line_error(tmp_path):
    target = tmp_path / "taken"
    target.write_text("not a folder", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "s400lib", "parse", str(Path(__file__).resolve().parents[1] / "seeds"),
                           "--out", str(target), "--no-progress"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "is a file" in done.stderr and target.read_text(encoding="utf-8") == "not a folder"


def test_tables_from_a_folder_that_does_not_match_its_manifest_are_refused(tmp_path):
    from s400lib.core.errors import InputError
    from s400lib.pipeline.stream import parse_to_parquet

    out = tmp_path / "out"
    parse_to_parquet(Path(__file__).resolve().parents[1] / "seeds", out, progress=False)
    assert (out / "manifest.json").exists()
    sl.parse(sl.load_corpus(Path(__file__).resolve().parents[1] / "seeds" / "000_8ca09a8607288180.txt"), progress=False).quotes.to_parquet(out / "quotes.parquet")
    with pytest.raises(InputError, match="quotes.parquet has"):
        sl.Tables.from_parquet(out)


@pytest.mark.parametrize("content,problem", [
    (b"Title\n\n" + b"The mayor said it. " * 300 + b"\x00\x00 tail", "NUL bytes"),
    ("\u200b\u200b \n\u2060\n".encode("utf-8"), "blank or zero-width"),
    (b"---\ntitle: Only a header\n---\n\n", "no article text"),
])
def test_files_that_are_not_an_article_are_named(tmp_path, content, problem):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "odd.txt").write_bytes(content)
    with pytest.warns(InputWarning, match=f"odd.txt.*{problem}"):
        corpus = sl.load_corpus(tmp_path, errors="warn")
    assert [a.article_id for a in corpus] == ["good"]


@pytest.mark.parametrize("value", ["01/02/2020", "now", "yesterday"])
def test_ambiguous_or_relative_metadata_dates_are_refused(tmp_path, value):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(f"file,published\ngood.txt,{value}\n", encoding="utf-8")
    with pytest.raises(sl.InputError, match="YYYY-MM-DD"):
        sl.load_corpus(tmp_path)


def test_duplicate_metadata_rows_are_refused_with_their_lines(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\ngood.txt,A\ngood.txt,B\n", encoding="utf-8")
    with pytest.raises(sl.InputError, match="lines 2 and 3"):
        sl.load_corpus(tmp_path)


def test_subfolders_are_named_with_how_to_include_them(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "2019").mkdir()
    (tmp_path / "2019" / "old.txt").write_text(GOOD, encoding="utf-8")
    with pytest.warns(InputWarning, match=r"2019.*not read.*\*\*"):
        corpus = sl.load_corpus(tmp_path)
    assert [a.article_id for a in corpus] == ["good"]
    assert len(sl.load_corpus(str(tmp_path) + "/**/*.txt")) == 2


def test_metadata_rows_belong_to_the_folder_of_their_csv(tmp_path):
    """A row of a/metadata.csv for x.txt never describes b/x.txt (it used to: rows were keyed by name)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a" / "metadata.csv").write_text("file,outlet\nstory.txt,Outlet A\nx.txt,Outlet A\n", encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b" / "metadata.csv").write_text("file,outlet\n", encoding="utf-8")
    with pytest.warns(InputWarning, match="x.txt"):  # a's row names a file a does not hold
        corpus = sl.load_corpus([tmp_path / "a", tmp_path / "b"], errors="warn")
    assert {a.article_id: a.outlet for a in corpus} == {"story": "Outlet A", "x": None}


def test_pipes_and_symlink_loops_are_skipped_with_a_warning(tmp_path):
    import os

    _folder(tmp_path, {})
    os.mkfifo(tmp_path / "stream.txt")  # reading it would block for ever
    (tmp_path / "circle.txt").symlink_to(tmp_path / "circle.txt")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = sl.load_corpus(tmp_path, errors="warn")
        named = sl.load_corpus([tmp_path / "stream.txt", tmp_path / "good.txt"], errors="warn")
    said = [str(w.message) for w in caught if issubclass(w.category, InputWarning)]
    assert [a.article_id for a in corpus] == ["good"] and [a.article_id for a in named] == ["good"]
    assert any("stream.txt" in m and "named pipe" in m for m in said)
    assert any("circle.txt" in m and "symbolic link" in m for m in said)


def test_a_recursive_glob_over_a_folder_that_links_to_its_parent_ends(tmp_path):
    inner = tmp_path / "news" / "2020"
    inner.mkdir(parents=True)
    (inner / "a.txt").write_text(GOOD, encoding="utf-8")
    (inner / "back").symlink_to(tmp_path / "news")
    with pytest.warns(InputWarning, match="already read"):
        corpus = sl.load_corpus(str(tmp_path / "news" / "**" / "*.txt"))
    assert [a.article_id for a in corpus] == ["a"]


def test_an_unclosed_quote_in_the_metadata_is_reported_with_its_line(tmp_path):
    _folder(tmp_path, {"other.txt": GOOD})
    (tmp_path / "metadata.csv").write_text('file,title\ngood.txt,"Bridge reopens\nother.txt,Second story\n', encoding="utf-8")
    with pytest.raises(sl.InputError, match="quote opened on line 2 is never closed"):
        sl.load_corpus(tmp_path)


def test_the_metadata_csv_wins_over_what_the_html_page_says(tmp_path):
    page = ("<html><head><title>Page title from the site</title><meta property='og:site_name' content='Site Name'>"
            "<meta name='date' content='2019-03-01'></head><body><article><h1>Page title from the site</h1><p>"
            + "The harbour master said the ferry would resume on Monday after the storm passed the coast. " * 3
            + "</p></article></body></html>")
    (tmp_path / "ferry.html").write_text(page, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,title,outlet,published\nferry.html,Ferry resumes,Coast Courier,2019-03-04\n", encoding="utf-8")
    article = sl.load_corpus(tmp_path).articles[0]
    assert (article.title, article.outlet, str(article.published.date())) == ("Ferry resumes", "Coast Courier", "2019-03-04")


def test_a_sign_in_page_is_not_an_article(tmp_path):
    page = ("<html><head><title>Sign in</title></head><body><form><h1>Sign in</h1><label>Email</label><input name=e>"
            "<label>Password</label><input type='password' name=p><button>Log in</button>"
            "<a href='/f'>Forgot your password?</a></form></body></html>")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "paywall.html").write_text(page, encoding="utf-8")
    with pytest.warns(InputWarning, match="paywall.html.*sign-in form"):
        corpus = sl.load_corpus(tmp_path, errors="warn")
    assert [a.article_id for a in corpus] == ["good"]


def test_text_in_another_language_is_warned_about_and_recorded(tmp_path):
    german = ("Der Bürgermeister sagte am Montag, die Brücke werde nach zwei Wochen Bauarbeiten wieder geöffnet. "
              "Die Anwohner hatten sich über den Lärm beschwert, und die Stadt versprach eine schnelle Lösung. ") * 2
    _folder(tmp_path, {"brücke.txt": german})
    with pytest.warns(InputWarning, match="brücke.txt.*'de', not English"):
        corpus = sl.load_corpus(tmp_path)
    assert {a.article_id: a.language for a in corpus} == {"brücke": "de", "good": "en"}


@pytest.mark.parametrize("text,code", [
    ("El alcalde dijo el lunes que el puente volverá a abrir tras dos semanas de obras. Los vecinos se habían "
     "quejado del ruido y la ciudad prometió una solución rápida para todos los comercios de la zona. ", "es"),
    ("Le maire a déclaré lundi que le pont rouvrirait après deux semaines de travaux. Les habitants s'étaient "
     "plaints du bruit et la ville a promis une solution rapide pour les commerces du quartier. ", "fr"),
])
def test_the_quick_english_check_never_passes_other_languages(tmp_path, text, code):
    from s400lib.io.corpus import _mostly_english_function_words

    assert not _mostly_english_function_words(text * 2)
    _folder(tmp_path, {"pont.txt": text * 2})
    with pytest.warns(InputWarning, match=f"pont.txt.*'{code}', not English"):
        corpus = sl.load_corpus(tmp_path)
    assert {a.article_id: a.language for a in corpus}["pont"] == code


def test_plain_english_skips_the_language_identifier(tmp_path, monkeypatch):
    from s400lib.io import corpus as corpus_module

    def no_identifier():
        raise AssertionError("the language identifier was called on plain English")

    monkeypatch.setattr(corpus_module, "_language_identifier", no_identifier)
    english = ("The harbour board said on Thursday that the ferry would resume its winter timetable from the first "
               "week of December, after repairs to the ramp took longer than the engineers had planned. ") * 3
    _folder(tmp_path, {"ferry.txt": english})
    assert {a.article_id: a.language for a in sl.load_corpus(tmp_path)}["ferry"] == "en"


def test_an_all_missing_column_round_trips_as_na(tmp_path):
    (tmp_path / "in").mkdir()
    tables = sl.parse(sl.load_corpus(_folder(tmp_path / "in", {})), progress=False)
    tables.quotes = tables.quotes.assign(speaker=pd.NA)
    tables.articles = tables.articles.assign(url=pd.NA, published=pd.NaT)
    tables.to_parquet(tmp_path / "out")
    back = sl.Tables.from_parquet(tmp_path / "out")
    assert len(back.quotes) and back.quotes["speaker"].isna().all() and str(back.quotes["speaker"].dtype) == "string"
    assert back.articles["url"].iloc[0] is pd.NA and back.articles["published"].isna().all()


@pytest.mark.parametrize("errno_name,fix", [("ENOSPC", "free disk space"), ("EACCES", "folder you can write to"), ("EROFS", "folder you can write to")])
def test_a_full_disk_or_read_only_folder_is_one_line_and_leaves_the_old_output(tmp_path, monkeypatch, capsys, errno_name, fix):
    import errno
    import os

    from s400lib import cli
    from s400lib.pipeline import stream

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    out = tmp_path / "out"
    assert cli.main(["parse", str(seeds), "--out", str(out), "--no-progress"]) == 0
    before = _snapshot(out)
    real = stream.ChunkWriter.write

    def failing(self, frame):
        real(self, frame)  # some bytes reach the disk first, as they would
        raise OSError(getattr(errno, errno_name), os.strerror(getattr(errno, errno_name)), str(self.path))

    monkeypatch.setattr(stream.ChunkWriter, "write", failing)
    capsys.readouterr()
    assert cli.main(["parse", str(seeds), "--out", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and fix in err and "holds what it held before" in err
    assert _snapshot(out) == before and not list(tmp_path.glob(".out.partial-*"))


def test_a_date_centuries_back_in_a_dated_article_does_not_stop_the_parse(tmp_path):
    # found on a real article: "we built this cathedral more than 800 years ago" overflowed nanosecond dates
    (tmp_path / "abbey.txt").write_text("---\npublished: 2019-04-15\n---\nAbbey\n\nThe monks said the abbey was founded "
                                        "more than 900 years ago, and the town grew around it 700 years ago.\n", encoding="utf-8")
    tables = sl.parse(sl.load_corpus(tmp_path), progress=False)
    years_ago = tables.timexes[tables.timexes["text"].str.contains("years ago")]
    assert len(years_ago) == 2
    # a date before 1678 cannot be held as nanoseconds: the row keeps its text, its instants are empty
    early = years_ago[years_ago["value"].fillna("").str.match(r"1[01]\d\d")]
    assert early["earliest"].isna().all()


def test_a_socket_and_a_device_are_skipped_with_a_warning(tmp_path):
    import socket

    _folder(tmp_path, {})
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(tmp_path / "feed.txt"))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            corpus = sl.load_corpus(tmp_path, errors="warn")
            named = sl.load_corpus(["/dev/null", tmp_path / "good.txt"], errors="warn")
    finally:
        server.close()
    said = [str(w.message) for w in caught if issubclass(w.category, InputWarning)]
    assert [a.article_id for a in corpus] == ["good"] and [a.article_id for a in named] == ["good"]
    assert any("feed.txt" in m and "a socket" in m for m in said)
    assert any("/dev/null" in m and "a device" in m for m in said)


def test_a_metadata_csv_names_files_of_subfolders_by_their_relative_path(tmp_path):
    news = tmp_path / "news"
    for folder, name in (("2020", "b.txt"), ("2021", "b.txt")):
        (news / folder).mkdir(parents=True)
        (news / folder / name).write_text(GOOD, encoding="utf-8")
    (news / "metadata.csv").write_text("file,outlet\n2020/b.txt,Old Post\n2021/b.txt,New Post\n", encoding="utf-8")
    corpus = sl.load_corpus([str(news / "**" / "2020" / "*.txt")])
    assert [a.outlet for a in corpus] == ["Old Post"]
    (news / "2021" / "b.txt").rename(news / "2021" / "c.txt")
    with pytest.raises(sl.InputError, match="2021/b.txt"):
        sl.load_corpus(str(news / "**" / "*.txt"))
