"""Tables: the data dictionary, table access and the Parquet round trip."""

from __future__ import annotations

import pandas as pd
import pytest

import s400lib as sl
from s400lib.core import schema
from s400lib.core.tables import TABLE_NAMES


def test_parquet_round_trip_is_lossless(seed_tables, tmp_path):
    seed_tables.to_parquet(tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{n}.parquet" for n in TABLE_NAMES)
    back = sl.Tables.from_parquet(tmp_path / "out")
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(back[name], seed_tables[name], obj=name)
    assert back.articles["published"].isna().tolist() == seed_tables.articles["published"].isna().tolist()


def test_every_column_is_documented(seed_tables):
    documented = schema.describe()
    assert documented["description"].str.len().min() > 10
    for name in TABLE_NAMES:
        cols = set(documented.loc[documented["table"] == name, "column"])
        assert cols <= set(seed_tables[name].columns), name
    api_minimum = {"article_id", "start", "end", "text", "kind", "para_id"}
    assert api_minimum <= set(seed_tables.paragraphs.columns)


def test_unknown_table_names_the_known_ones(seed_tables):
    with pytest.raises(KeyError, match="tables are articles, paragraphs"):
        seed_tables["paragraph"]


def test_from_parquet_on_missing_folder_says_how_to_make_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="s400lib parse"):
        sl.Tables.from_parquet(tmp_path / "nothing")


def test_conform_keeps_extra_columns_and_fixes_dtypes():
    frame = schema.conform("numbers", [{"article_id": "a", "sent_id": 0, "start": 0, "end": 3, "text": "six", "value": 6, "extra": "x"}])
    assert list(frame.columns[-1:]) == ["extra"]
    assert str(frame["value"].dtype) == "Float64"
    assert frame["unit"].isna().all()


def test_data_dictionary_file_is_current():
    from conftest import ROOT

    assert (ROOT / "docs" / "DATA_DICTIONARY.md").read_text() == schema.to_markdown(), (
        "regenerate it: python -m s400lib.core.schema > docs/DATA_DICTIONARY.md"
    )


def test_a_table_has_the_same_columns_with_and_without_rows(tmp_path):
    # a corpus with no figures at all still gets the numbers table's typed extra columns
    (tmp_path / "calm.txt").write_text("The council met on a quiet evening and adjourned early.\n", encoding="utf-8")
    (tmp_path / "counted").mkdir()
    (tmp_path / "counted" / "toll.txt").write_text("Nine people died and 40 were injured in the storm.\n", encoding="utf-8")
    without = sl.parse(tmp_path / "calm.txt", progress=False)
    with_rows = sl.parse(tmp_path / "counted", progress=False)
    assert without.numbers.empty and len(with_rows.numbers)
    assert without.numbers.columns.tolist() == with_rows.numbers.columns.tolist()
    assert str(without.numbers["state"].dtype) == "string"
