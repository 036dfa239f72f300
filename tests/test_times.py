"""Temporal expressions: TIMEX3 values, anchoring rules, offsets, and the TempEval-3 scores on the gold set."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import s400lib as sl
from s400lib.evaluate import time_eval
from s400lib.extract.times import bounds, find_timexes, reanchor

GOLD = time_eval.load_gold()
# held-out texts measure accuracy on unseen text; the tagger is not required to get them all right
RULE_GOLD = [d for d in GOLD if not d["doc_id"].startswith("heldout_")]


def _values(text, dct):
    found = sl.tag_times(text, dct)
    return dict(zip(found["text"], found["value"]))


@pytest.mark.parametrize("doc", RULE_GOLD, ids=[d["doc_id"] for d in RULE_GOLD])
def test_every_gold_expression_is_found_with_its_value(doc):
    found = sl.tag_times(doc["text"], doc["dct"])
    got = {(int(r.start), int(r.end)): (r.value, None if pd.isna(r.mod) else r.mod) for r in found.itertuples()}
    for t in doc["timexes"]:
        assert got.get((t["start"], t["end"])) == (t["value"], t["mod"]), (doc["rule"], t["text"])


def test_tempeval_scores_on_the_gold_set():
    scores = time_eval.evaluate()
    assert scores.loc["all", "gold"] == sum(len(d["timexes"]) for d in GOLD)
    assert scores.loc["seeds", "strict_F1"] >= 0.95
    assert scores.loc["rule texts", "relaxed_F1"] >= 0.95
    assert scores.loc["rule texts", "value_accuracy"] >= 0.95
    # the held-out subset is scored on its own and relaxed matching finds nearly all of it
    assert scores.loc["held-out texts", "gold"] >= 15
    assert scores.loc["held-out texts", "relaxed_F1"] >= 0.8


def test_scoring_separates_strict_from_relaxed_and_value():
    gold = pd.DataFrame([{"doc_id": "d", "start": 0, "end": 18, "text": "mid-July last year", "type": "DATE", "value": "2019-07", "mod": "MID"},
                         {"doc_id": "d", "start": 30, "end": 37, "text": "Tuesday", "type": "DATE", "value": "2020-06-30", "mod": None}])
    system = pd.DataFrame([{"doc_id": "d", "start": 4, "end": 18, "text": "July last year", "type": "DATE", "value": "2019-07", "mod": None},
                           {"doc_id": "d", "start": 30, "end": 37, "text": "Tuesday", "type": "DATE", "value": "2020-06-23", "mod": None},
                           {"doc_id": "d", "start": 50, "end": 54, "text": "2017", "type": "DATE", "value": "2017", "mod": None}])
    s = time_eval.scores(time_eval.match(gold, system))
    assert s["strict_P"] == pytest.approx(1 / 3) and s["strict_R"] == pytest.approx(1 / 2)
    assert s["relaxed_P"] == pytest.approx(2 / 3) and s["relaxed_R"] == pytest.approx(1.0)
    assert s["value_accuracy"] == pytest.approx(1 / 2)


def test_seed_timexes_in_the_parsed_tables(seed_tables):
    tx = seed_tables.timexes
    first = tx[tx["article_id"] == "000_8ca09a8607288180"].set_index("text")
    assert first.loc["Tuesday", "value"] == "2020-06-30"
    assert first.loc["Tuesday", "anchor"] == "2020-06-30"
    assert first.loc["October 23, 2019", "value"] == "2019-10-23" and pd.isna(first.loc["October 23, 2019", "anchor"])
    assert first.loc["last week", "value"] == "2020-W26"
    assert set(first.loc["fiscal year 2021":"fiscal year 2021", "value"]) == {"FY2021"}
    # boilerplate ("Follow us everywhere and at any time") is never tagged
    assert tx["sent_id"].notna().all()


def test_timex_offsets_slice_back_into_the_article(seed_tables):
    texts = dict(zip(seed_tables.articles["article_id"], seed_tables.articles["text"]))
    for r in seed_tables.timexes.itertuples():
        assert texts[r.article_id][r.start : r.end] == r.text


def test_weekday_follows_tense_and_allows_the_same_day():
    # 2020-06-30 is a Tuesday
    got = sl.tag_times("He spoke on Tuesday. They will vote on Tuesday. It ended on Friday.", "2020-06-30")
    assert got["value"].tolist() == ["2020-06-30", "2020-07-07", "2020-06-26"]


def test_month_without_year_crosses_the_year_boundary_by_tense():
    assert _values("Exports fell in November.", "2021-02-10") == {"November": "2020-11"}
    assert _values("Exports will rise in November.", "2021-02-10") == {"November": "2021-11"}
    assert _values("The minister resigned last December.", "2021-01-12") == {"last December": "2020-12"}


def test_without_anchor_relative_values_stay_underspecified():
    got = sl.tag_times("The deal was signed on June 2 and talks resumed last year, in 2019.")
    values = dict(zip(got["text"], got["value"]))
    assert values["June 2"] == "XXXX-06-02"
    assert pd.isna(values["last year"]) and values["2019"] == "2019"
    again = reanchor(got, "2020-07-01")
    assert dict(zip(again["text"], again["value"])) == {"June 2": "2020-06-02", "last year": "2019", "2019": "2019"}
    assert (again.loc[again["text"] == "last year", "anchor"] == "2020-07-01").all()


def test_bounds_of_timex3_values():
    assert bounds("FY2021") == (pd.Timestamp("2020-10-01"), pd.Timestamp("2021-09-30"))
    assert bounds("2020-W26") == (pd.Timestamp("2020-06-22"), pd.Timestamp("2020-06-28"))
    assert bounds("2019-07", "MID") == (pd.Timestamp("2019-07-11"), pd.Timestamp("2019-07-20"))
    assert bounds("2020-Q2") == (pd.Timestamp("2020-04-01"), pd.Timestamp("2020-06-30"))
    assert bounds("P30D") == (pd.NaT, pd.NaT) or all(pd.isna(b) for b in bounds("P30D"))


def test_vague_references_are_bounded_on_the_known_side():
    got = sl.tag_times("Prices have risen in recent months and will fall in the coming months.", "2020-06-30").set_index("text")
    assert got.loc["recent months", "latest"] == pd.Timestamp("2020-06-30")
    assert got.loc["recent months", "earliest"] == pd.Timestamp("2019-07-01")
    assert got.loc["the coming months", "earliest"] == pd.Timestamp("2020-06-30")


PHRASES = ["on Tuesday", "in June", "last year", "October 23, 2019", "within 30 days", "fiscal year 2021",
           "earlier today", "mid-July last year", "recently", "two weeks ago", "the first quarter", "weekly"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PHRASES + ["the senator said", "and", "Turkey", "May", "2021 NDAA", ","]), max_size=12))
def test_matches_never_overlap_and_slice_back(words):
    text = " ".join(words)
    found = find_timexes(text)
    spans = sorted((s, e) for s, e, *_ in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    for s, e, *_ in found:
        assert text[s:e].strip() == text[s:e] and text[s:e]


def _matches(text, gated):
    return [(m[0], m[1], m[2], m[4]) for m in find_timexes(text, gated=gated)]


@pytest.mark.parametrize("doc", GOLD, ids=[d["doc_id"] for d in GOLD])
def test_pattern_gates_never_change_what_is_found(doc):
    # the per-sentence pre-checks only skip patterns that cannot match
    assert _matches(doc["text"], True) == _matches(doc["text"], False)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["in", "May", "3", "2019", "last", "week", "ago", "two", "years", "the", "quarter",
                                 "Monday", "morning", "fiscal", "FY21", "for", "days", "spring", "10:30", "pm", ",", "-",
                                 "today", "tonight", "now", "currently", "recently", "every", "each", "daily", "future", "next",
                                 "that", "same", "following", "century", "decade", "19th", "nineties", "Christmas", "New",
                                 "Year's", "earlier", "hence", "from", "several", "few", "a", "coming", "previous", "past",
                                 "moment", "these", "weekend", "night", "hours", "centuries", "this", "ahead", "Easter", "FORMERLY"]),
                max_size=12))
def test_pattern_gates_agree_on_generated_text(words):
    text = " ".join(words)
    assert _matches(text, True) == _matches(text, False)


@pytest.mark.parametrize("text", ["two centurie ago the mill stood", "some three centurys hence"])
def test_pattern_gates_accept_every_unit_spelling_the_patterns_accept(text):
    assert _matches(text, True) == _matches(text, False)


def test_a_timeml_document_copied_into_two_folders_is_scored_once(tmp_path):
    # TBAQ-cleaned ships AP900815-0044.tml twice; counting both shifted every held-out file after it
    doc = ('<?xml version="1.0" ?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1990-08-15" '
           'functionInDocument="CREATION_TIME">1990-08-15</TIMEX3></DCT>\n<TEXT>It rained on '
           '<TIMEX3 tid="t1" type="DATE" value="1990-08-14">Tuesday</TIMEX3>.</TEXT></TimeML>\n')
    for folder, names in {"TimeBank": ["a1", "a2", "a3"], "testpipeline": ["a2"]}.items():
        (tmp_path / folder).mkdir()
        for name in names:
            (tmp_path / folder / f"{name}.tml").write_text(doc, encoding="utf-8")
    assert [d["doc_id"] for d in time_eval.load_tml(tmp_path, "all")] == ["a1", "a2", "a3"]


def test_that_night_after_a_weekday_is_that_days_night():
    rows = sl.tag_times("The ceasefire collapsed on Saturday. Later that night, shelling resumed near the port.", dct="2020-06-30")
    assert rows.loc[rows["text"].str.contains("that night"), "value"].tolist() == ["2020-06-27TNI"]


def test_today_after_a_group_in_the_present_of_habit_is_the_present_age():
    generic = sl.tag_times("Teenagers today spend more on phones than on clothes.", dct="2020-06-30")
    assert generic["value"].tolist() == ["PRESENT_REF"]
    day = sl.tag_times("Workers today walked out of the plant.", dct="2020-06-30")
    assert day["value"].tolist() == ["2020-06-30"]


@pytest.mark.parametrize("text, value", [
    ("Two shops were looted last night in the old town.", "2020-06-29TNI"),
    ("The council meets at midday.", "2020-06-30T12:00"),
    ("Her family left Chile in the seventies.", "197"),
])
def test_last_night_midday_and_a_decade_in_words(text, value):
    assert sl.tag_times(text, dct="2020-06-30")["value"].tolist() == [value]


def test_a_decade_of_life_is_no_date():
    assert sl.tag_times("The minister, now in his seventies, retired.", dct="2020-06-30")["value"].tolist() == ["PRESENT_REF"]
