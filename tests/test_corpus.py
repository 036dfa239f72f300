"""load_corpus: inputs of every accepted shape, metadata, and one clear message per bad input."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SEEDS

import s400lib as sl
from s400lib.core.errors import InputError, InputWarning

GOOD = "Minister Ana Ruiz said on Monday that the bridge will reopen.\n\nShe gave no date for the tolls.\n"


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_folder_loads_both_seeds_with_metadata(seed_corpus):
    ids = [a.article_id for a in seed_corpus]
    assert ids == ["000_8ca09a8607288180", "001_7ea52e1d489151b0"]
    first, second = seed_corpus.articles
    assert first.outlet == "BulgarianMilitary"
    assert first.published == pd.Timestamp("2020-06-30")
    assert second.published is None  # the metadata leaves it empty: to be inferred, not invented
    assert first.text.startswith("US proposal to buy S-400")


def test_articles_frame_marks_where_dates_come_from(seed_corpus):
    frame = seed_corpus.to_frame()
    assert frame["published_source"].tolist() == ["metadata", "unknown"]
    assert frame["n_chars"].tolist() == [len(a.text) for a in seed_corpus]


def test_glob_single_file_and_list_agree(seed_corpus):
    by_glob = sl.load_corpus(str(SEEDS / "*.txt"))
    one = sl.load_corpus(SEEDS / "001_7ea52e1d489151b0.txt")
    listed = sl.load_corpus([SEEDS / "000_8ca09a8607288180.txt", SEEDS / "001_7ea52e1d489151b0.txt"])
    assert [a.article_id for a in by_glob] == [a.article_id for a in seed_corpus]
    assert [a.article_id for a in one] == ["001_7ea52e1d489151b0"]
    assert one.articles[0].title == "Russia reacted to US idea to buy S-400 from Turkey"  # metadata found beside the file
    assert [a.text for a in listed] == [a.text for a in seed_corpus]


def test_missing_path_names_it(tmp_path):
    with pytest.raises(InputError, match="no_such_folder: no such file or folder"):
        sl.load_corpus(tmp_path / "no_such_folder")


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n ", "the file is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "looks binary"),
        ("latin1.txt", "Le ministre a déclaré à la presse que le pont rouvrira.".encode("latin-1"), "not valid utf-8"),
    ],
)
def test_bad_file_raises_naming_file_and_fix(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        sl.load_corpus(path)
    assert info.value.path == str(path)
    assert message in str(info.value)
    assert "Fix:" in str(info.value)


def test_other_encoding_can_be_named(tmp_path):
    path = write(tmp_path, "latin1.txt", "Le ministre a déclaré que le pont rouvrira.".encode("latin-1"))
    corpus = sl.load_corpus(path, encoding="latin-1")
    assert "déclaré" in corpus.articles[0].text


def test_warn_mode_loads_the_good_files_and_lists_the_bad(tmp_path):
    write(tmp_path, "a_good.txt", GOOD)
    write(tmp_path, "b_empty.txt", b"")
    write(tmp_path, "c_binary.txt", b"\x00\x01\x02" * 50)
    write(tmp_path, "d_good.txt", GOOD.replace("bridge", "tunnel"))
    with pytest.warns(InputWarning) as caught:
        corpus = sl.load_corpus(tmp_path, errors="warn")
    assert [a.article_id for a in corpus] == ["a_good", "d_good"]
    assert "tunnel" in corpus.articles[1].text  # the good file after the bad ones is intact
    assert sorted(corpus.problems["path"].map(lambda p: p.rsplit("/", 1)[-1])) == ["b_empty.txt", "c_binary.txt"]
    assert len(caught) == 2


def test_metadata_row_for_missing_file(tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "metadata.csv", "file,title,published\na.txt,Bridge,2021-03-01\nghost.txt,Ghost,2021-03-02\n")
    with pytest.raises(InputError, match="row for 'ghost.txt'"):
        sl.load_corpus(tmp_path)
    with pytest.warns(InputWarning, match="ghost.txt"):
        corpus = sl.load_corpus(tmp_path, errors="warn")
    assert corpus.articles[0].title == "Bridge"


def test_malformed_date_names_metadata_file_and_format(tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", GOOD)
    write(tmp_path, "metadata.csv", "file,published\na.txt,31/31/2021\nb.txt,2021-03-02\n")
    with pytest.raises(InputError) as info:
        sl.load_corpus(tmp_path)
    assert info.value.path.endswith("metadata.csv")
    assert "a.txt" in info.value.problem and "YYYY-MM-DD" in info.value.fix
    with pytest.warns(InputWarning):
        corpus = sl.load_corpus(tmp_path, errors="warn")
    assert [a.article_id for a in corpus] == ["b"]
    assert corpus.articles[0].published == pd.Timestamp("2021-03-02")


def test_unknown_metadata_column_is_named(tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "metadata.csv", "file,publised\na.txt,2021-03-01\n")
    with pytest.raises(InputError, match=r"unknown column\(s\) \['publised'\]"):
        sl.load_corpus(tmp_path)


def test_metadata_without_file_column(tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "metadata.csv", "name,title\na.txt,Bridge\n")
    with pytest.raises(InputError, match="no 'file' column"):
        sl.load_corpus(tmp_path)


def test_yaml_front_matter_wins_and_is_not_part_of_the_text(tmp_path):
    path = write(tmp_path, "fm.txt", "---\ntitle: Bridge reopens\noutlet: Daily Test\npublished: 2021-04-05\n---\n" + GOOD)
    article = sl.load_corpus(path).articles[0]
    assert (article.title, article.outlet, article.published) == ("Bridge reopens", "Daily Test", pd.Timestamp("2021-04-05"))
    assert article.text == GOOD


def test_broken_front_matter(tmp_path):
    path = write(tmp_path, "fm.txt", "---\ntitle: [unclosed\n---\n" + GOOD)
    with pytest.raises(InputError, match="YAML front matter cannot be read"):
        sl.load_corpus(path)


def test_windows_line_ends_and_bom_do_not_shift_offsets(tmp_path):
    path = write(tmp_path, "win.txt", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    assert sl.load_corpus(path).articles[0].text == GOOD


def test_html_goes_through_trafilatura(tmp_path):
    body = "".join(f"<p>{s}</p>" for s in [
        "The harbour authority said on Friday that the new pier will open in May after two years of work.",
        "Engineers told the council that the pier can carry trucks of up to forty tonnes.",
        "Residents had asked for a footpath, which the plan now includes along the whole length.",
    ])
    html = f"<html><head><title>Pier opens in May</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Pier opens in May</h1>{body}</article><footer>Copyright 2021</footer></body></html>"
    article = sl.load_corpus(write(tmp_path, "pier.html", html)).articles[0]
    assert "<p>" not in article.text
    assert "forty tonnes" in article.text
    assert article.title == "Pier opens in May"


def test_same_file_name_in_two_folders_is_reported(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    write(tmp_path / "x", "a.txt", GOOD)
    write(tmp_path / "y", "a.txt", GOOD)
    with pytest.raises(InputError, match="already used"):
        sl.load_corpus([tmp_path / "x", tmp_path / "y"])
