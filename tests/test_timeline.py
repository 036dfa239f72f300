"""The merged event timeline and its plot."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import pandas as pd  # noqa: E402

import s400lib as sl  # noqa: E402
from s400lib.core import schema  # noqa: E402
from s400lib.io.corpus import Article, Corpus  # noqa: E402
from s400lib.link.eventmatch import _candidates  # noqa: E402


def test_seed_timeline_runs_from_the_2017_contract_to_mid_2020_in_order(seed_tables):
    tl = sl.timeline(seed_tables)
    assert list(tl.columns[: len(schema.TABLES["timeline"])]) == [c.name for c in schema.TABLES["timeline"]]
    assert tl["earliest"].is_monotonic_increasing
    assert tl.iloc[0]["value"] == "2017" and "contract" in tl.iloc[0]["text"]
    assert tl["latest"].max() <= pd.Timestamp("2020-07-31") and tl["earliest"].max() >= pd.Timestamp("2020-06-01")
    order = [v for v in tl["value"] if v in ("2017", "2019-10-23", "2020-04-30", "2020-06-02")]
    assert order == ["2017", "2019-10-23", "2020-04-30", "2020-06-02"]


def test_the_contract_completion_is_merged_across_both_seeds(seed_tables):
    tl = sl.timeline(seed_tables).set_index("value")
    done = tl.loc["2019-10-23"]
    assert done["sources"] == 2 and not done["conflict"]
    assert set(done["articles"].split("|")) == set(seed_tables.articles["article_id"])
    assert set(done["values"].split("|")) == {"2019-10-23", "2019"}
    # Each merged report is named, so both articles' sentences can be shown as evidence.
    merged = seed_tables.claims.set_index("claim_id").loc[done["claim_ids"].split("|")]
    assert set(merged["article_id"]) == set(seed_tables.articles["article_id"])
    assert merged["text"].str.contains("contract").all()


def test_event_text_slices_back_into_its_article(seed_tables):
    tl = sl.timeline(seed_tables)
    for r in tl.itertuples():
        assert seed_tables.text_of(r.article_id)[r.start : r.end] == r.text
        assert r.sources >= 1 and r.sources <= len(seed_tables.articles)


def test_articles_dating_the_same_event_differently_are_flagged():
    a = Article("a", "<a>", "Jets for Jakarta\n\nRosoboronexport signed the contract for eleven Sukhoi Su-35 fighters with Indonesia on March 2.",
                published=pd.Timestamp("2021-03-10"))
    b = Article("b", "<b>", "Indonesian deal\n\nRosoboronexport signed the contract for eleven Sukhoi Su-35 fighters with Indonesia on February 26.",
                published=pd.Timestamp("2021-03-10"))
    c = Article("c", "<c>", "Weather\n\nHeavy snow closed the airport in Novosibirsk on March 2.", published=pd.Timestamp("2021-03-10"))
    tl = sl.timeline(sl.parse(Corpus([a, b, c]), progress=False))
    jets = tl[tl["text"].str.contains("Su-35")]
    assert len(jets) == 1 and bool(jets.iloc[0]["conflict"]) and jets.iloc[0]["sources"] == 2
    assert (jets.iloc[0]["earliest"], jets.iloc[0]["latest"]) == (pd.Timestamp("2021-02-26"), pd.Timestamp("2021-03-02"))
    snow = tl[tl["text"].str.contains("snow")]
    assert len(snow) == 1 and snow.iloc[0]["sources"] == 1 and not snow.iloc[0]["conflict"]


def test_blocking_skips_keys_shared_by_most_units():
    # a word in every unit never forms candidate pairs, so all-pairs comparison is avoided
    keys = [{"turkey", f"w{i}"} for i in range(100)]
    left, right, shared = _candidates(keys, list(range(100)), max_df=0.2)
    assert len(left) == len(right) == len(shared) == 0


def test_a_key_held_by_more_units_than_the_cap_creates_no_pairs_however_big_the_corpus():
    # the cap does not grow with the corpus: 5,000 units with one word shared by 400 of them
    from s400lib.link.eventmatch import KEY_CAP

    keys = [{"harbour" if i < 400 else f"x{i}", f"w{i}"} for i in range(5000)]
    left, _right, _shared = _candidates(keys, list(range(5000)), max_df=0.2)
    assert 400 > KEY_CAP and len(left) == 0


def test_plot_has_a_date_axis_labels_and_legend(seed_tables):
    tl = sl.timeline(seed_tables)
    fig = sl.plot_timeline(tl)
    assert fig._suptitle is not None and fig._suptitle.get_text()
    assert fig._supxlabel is not None and fig._supxlabel.get_text()
    lows, highs = zip(*[(mdates.num2date(x).replace(tzinfo=None) for x in ax.get_xlim()) for ax in fig.axes])
    assert min(lows) <= tl["earliest"].min().to_pydatetime() and max(highs) >= tl["latest"].max().to_pydatetime()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == len(tl) and all(str(v) in label for v, label in zip(tl["value"], labels))
    assert any(ax.get_legend() is not None for ax in fig.axes)


def test_a_crowded_recent_period_gets_its_own_zoomed_axis(seed_tables):
    """Most seed events fall in a few months of 2020 after a 2017 one: the axis is broken in two."""
    tl = sl.timeline(seed_tables)
    fig = sl.plot_timeline(tl)
    assert len(fig.axes) == 2
    left, right = (ax.get_xlim() for ax in fig.axes)
    assert (right[1] - right[0]) < (tl["latest"].max() - tl["earliest"].min()).days / 2


def test_without_claims_sentences_are_the_reports(seed_tables):
    import dataclasses

    bare = dataclasses.replace(seed_tables, claims=schema.empty("claims"))
    tl = sl.timeline(bare)
    assert tl["claim_id"].isna().all()
    assert tl.iloc[0]["value"] == "2017"
    done = tl.set_index("value").loc["2019-10-23"]
    assert done["sources"] == 2
    sents = set(zip(bare.sentences["article_id"], bare.sentences["start"], bare.sentences["end"]))
    assert all((r.article_id, r.start, r.end) in sents for r in tl.itertuples())


def test_a_reporting_date_does_not_date_the_event():
    """'As we reported on May 9' dates the report; the proposal 'last week' is dated to that week."""
    from s400lib.compare.timeline import _reporting_date

    for text, expression in [("As we reported on May 9 the army was banned", "May 9"),
                             ("The mayor told reporters on Friday that the bridge was safe", "Friday"),
                             ("On Friday, Mayor Ruiz said the bridge was safe", "Friday")]:
        i = text.index(expression)
        assert _reporting_date(text, i, i + len(expression)), text
    for text, expression in [("The bridge was closed on Friday", "Friday"), ("The firm announced on May 9 that it had sold the mine", "May 9")]:
        i = text.index(expression)
        assert not _reporting_date(text, i, i + len(expression)), text


def test_seed_events_are_dated_when_they_happened(seed_tables):
    events = sl.timeline(seed_tables)
    assert not events["text"].str.contains("as we reported on May 9", case=False).any()
    buy = events[events["text"].str.contains("can buy Russian-made S-400")]
    assert buy["value"].tolist() == ["2020-W26"]  # "proposed in the Senate last week", not the day it was reported


def test_events_in_the_contradictions_table_are_marked_conflicting(seed_tables):
    events = sl.timeline(seed_tables)
    claim = events["claim_id"].dropna().iloc[0]
    fake = pd.DataFrame({"left_id": [claim], "right_id": ["x:c1"]})
    marked = sl.timeline(seed_tables, contradictions=fake)
    assert marked.loc[marked["claim_id"] == claim, "conflict"].all()
    assert not events.loc[events["claim_id"] == claim, "conflict"].any()


def test_a_long_timeline_is_cut_to_the_most_reported_events_in_date_order(seed_tables):
    """Thousands of events would make a figure of thousands of rows (minutes and gigabytes to draw);
    the figure keeps the events told by the most articles and says how many it shows."""
    tl = sl.timeline(seed_tables)
    keep = 3
    fig = sl.plot_timeline(tl, max_events=keep)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == keep
    ranked = tl.assign(order=range(len(tl))).sort_values(["sources", "conflict", "order"], ascending=[False, False, True])
    expected = tl.loc[sorted(ranked.index[:keep])]
    assert all(str(v) in label for v, label in zip(expected["value"], labels))
    assert f"{keep} of {len(tl)} events" in fig._suptitle.get_text()
    assert len(sl.plot_timeline(tl, max_events=None).axes[0].get_yticklabels()) == len(tl)
