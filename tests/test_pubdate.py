"""Publication dates inferred from the article and from the other articles of the corpus."""

from __future__ import annotations

import pandas as pd
import pytest

import s400lib as sl
from s400lib.io.corpus import Article, Corpus
from s400lib.link.pubdate import publication_evidence

UNDATED = "001_7ea52e1d489151b0"


def test_second_seed_interval_contains_its_true_date_and_is_narrow(seed_tables):
    art = seed_tables.articles.set_index("article_id")
    row = art.loc[UNDATED]
    assert row["published_source"] == "inferred"
    # the seed reports reactions to the proposal Slutsky commented on on 2020-06-30
    assert row["published_earliest"] <= pd.Timestamp("2020-06-30")
    assert row["published_latest"] >= pd.Timestamp("2020-07-01")
    assert row["published_latest"] - row["published_earliest"] <= pd.Timedelta(days=21)
    assert row["published_earliest"] <= row["published"] <= row["published_latest"]
    assert art.loc["000_8ca09a8607288180", "published_source"] == "metadata"
    assert art.loc["000_8ca09a8607288180", "published"] == pd.Timestamp("2020-06-30")


def test_relative_expressions_are_reanchored_on_the_inferred_date(seed_tables):
    tx = seed_tables.timexes[seed_tables.timexes["article_id"] == UNDATED].set_index("text")
    published = seed_tables.articles.set_index("article_id").loc[UNDATED, "published"]
    assert tx.loc["Last year", "value"] == "2019"
    assert tx.loc["June", "value"] == "2020-06"
    assert (tx.loc["mid-July last year", "value"], tx.loc["mid-July last year", "mod"]) == ("2019-07", "MID")
    assert (tx["anchor"] == str(published.date())).all()


def test_evidence_table_names_the_shared_quotes(seed_tables):
    ev = publication_evidence(seed_tables)
    assert set(ev["article_id"]) == {UNDATED}
    shared = ev[ev["kind"] == "shared_passage"]
    assert len(shared) >= 3 and shared["used"].all()
    assert shared["text"].str.contains("unprincipled, cynical").any()
    assert (shared["source_article"] == "000_8ca09a8607288180").all()
    text = seed_tables.text_of(UNDATED)
    for r in ev.itertuples():
        # (a date read from the page's address has no offsets: it is not in the text)
        assert text[r.start : r.end] == r.text if r.kind != "url_date" else pd.isna(r.start)


def _parse(*articles):
    return sl.parse(Corpus(list(articles)), progress=False)


def test_past_tense_absolute_date_gives_a_lower_bound_only():
    t = _parse(Article("a", "<a>", "Ministry signs deal\n\nThe ministry signed the contract on March 3, 2021, officials said."))
    row = t.articles.iloc[0]
    assert row["published_source"] == "inferred"
    assert row["published_earliest"] == pd.Timestamp("2021-03-03") and pd.isna(row["published_latest"])
    # open on one side: shown as open, never as a point
    assert pd.isna(row["published"])


def test_an_open_interval_anchors_no_relative_expression():
    # known only to be from after 2019: "on Thursday" is some Thursday after that, not the one
    # before New Year's Day 2019
    t = _parse(Article("a", "<a>", "Bridge reopens\n\nThe bridge, closed since 2019, reopened on Thursday, the city said."))
    row = t.articles.iloc[0]
    assert pd.isna(row["published"]) and pd.notna(row["published_earliest"])
    thursday = t.timexes[t.timexes["text"] == "Thursday"].iloc[0]
    assert thursday["value"] == "XXXX-WXX-4" and pd.isna(thursday["anchor"])


@pytest.mark.parametrize("url, earliest, latest", [
    ("https://harbour-news.example/local/2021/03/04/ferry-strike-ends", "2021-03-04", "2021-03-04"),
    ("https://www.example-tribune.com/news/ct-ferry-strike-20210304-story.html", "2021-03-04", "2021-03-04"),
    ("https://port.example.org/2021/03/ferry-strike-ends/", "2021-03-01", "2021-03-31"),
])
def test_a_date_in_the_page_address_dates_an_undated_article(url, earliest, latest):
    t = _parse(Article("a", "<a>", "Strike ends\n\nThe ferry crews went back to work.", url=url))
    row = t.articles.iloc[0]
    assert row["published_source"] == "inferred"
    assert (row["published_earliest"], row["published_latest"]) == (pd.Timestamp(earliest), pd.Timestamp(latest))


@pytest.mark.parametrize("url", [
    "https://news.example/world/201902251072708873-ferry-strike/",  # an article number, not a date
    "https://news.example/2021/02/30/ferry-strike/",  # no such day
])
def test_numbers_in_a_page_address_that_are_no_date_date_nothing(url):
    t = _parse(Article("a", "<a>", "Strike ends\n\nThe ferry crews went back to work.", url=url))
    assert t.articles.iloc[0]["published_source"] == "unknown"


def test_no_evidence_leaves_the_date_unknown():
    t = _parse(Article("a", "<a>", "A quiet day\n\nNothing in this text says when it was written."))
    assert t.articles.iloc[0]["published_source"] == "unknown"
    assert pd.isna(t.articles.iloc[0]["published"])


def test_shared_quote_without_a_dated_utterance_uses_the_news_window():
    quote = "“We will never give up our air defence systems, whatever the pressure from our allies may be,” the minister said."
    dated = Article("dated", "<d>", "Minister defiant\n\n" + quote, published=pd.Timestamp("2021-05-10"))
    undated = Article("undated", "<u>", "Reaction in the capital\n\n" + quote.replace("the minister said", "he told the radio"))
    row = _parse(dated, undated).articles.set_index("article_id").loc["undated"]
    assert row["published_source"] == "inferred"
    assert (row["published_earliest"], row["published_latest"]) == (pd.Timestamp("2021-04-26"), pd.Timestamp("2021-05-24"))


def test_evidence_searched_in_batches_and_chunks_equals_the_whole_search(seed_tables):
    """The streaming finish searches a batch of undated articles at a time over the corpus read a
    chunk at a time; on the seeds and three real stories (six undated articles) the evidence must
    not change."""
    from pathlib import Path

    from s400lib.core.tables import Tables
    from s400lib.link.pubdate import evidence_from_parts

    stories = sorted((Path(__file__).resolve().parent / "devsets" / "stories" / "dev").iterdir())
    tables = Tables.concat([seed_tables] + [sl.parse(sl.load_corpus(s), progress=False) for s in stories])
    whole = publication_evidence(tables)
    assert whole["article_id"].nunique() >= 4 and {"shared_passage", "same_event"} <= set(whole["kind"])

    def one_chunk_per_article():
        for article_id in tables.articles["article_id"]:
            yield lambda a=article_id: (tables.sentences[tables.sentences["article_id"] == a],
                                        tables.timexes[tables.timexes["article_id"] == a])

    for batch in (1, 40):  # sentences per batch: one article at a time, then a few
        chunked = evidence_from_parts(tables.articles, one_chunk_per_article, batch_sentences=batch)
        pd.testing.assert_frame_equal(chunked.reset_index(drop=True), whole.reset_index(drop=True))


def test_evidence_search_leaves_no_scratch_files(tmp_path, seed_tables):
    """The trigram codes written beside the corpus during the search are removed with the search."""
    from s400lib.core.tables import Tables
    from s400lib.link.pubdate import evidence_from_parts

    undated = seed_tables.articles.assign(published=pd.NaT, published_source="unknown")
    undated.loc[0, ["published", "published_source"]] = [seed_tables.articles["published"].iloc[0], "metadata"]
    tables = Tables(articles=undated, sentences=seed_tables.sentences, timexes=seed_tables.timexes)
    ev = evidence_from_parts(tables.articles, lambda: iter([lambda: (tables.sentences, tables.timexes)]), scratch=tmp_path)
    assert set(ev["article_id"]) == {undated["article_id"].iloc[1]}
    assert list(tmp_path.iterdir()) == []


def test_the_pages_own_date_stamp_is_the_day_of_publication():
    t = _parse(Article("a", "<a>", "Harbour deal signed\n\n  • Business - 14 March 2016, 09:30\nThe port authority signed the "
                                   "ferry contract, its director said. Crews will start work soon."))
    row = t.articles.iloc[0]
    assert row["published_source"] == "inferred"
    assert row["published_earliest"] == row["published_latest"] == pd.Timestamp("2016-03-14")


def test_a_date_inside_a_sentence_is_no_date_stamp():
    # a date in a sentence of its own words bounds publication only as the tense allows
    t = _parse(Article("a", "<a>", "Harbour deal\n\nThe port authority will sign the ferry contract on 14 March 2016, "
                                   "its director said."))
    row = t.articles.iloc[0]
    assert pd.isna(row["published_earliest"]) and row["published_latest"] == pd.Timestamp("2016-03-14")


def test_a_date_stamp_glued_to_the_byline_is_still_the_day_of_publication():
    # a page turned into text glued the reporter's name to the date ("Ana Morales3 June 2017"); the
    # parser splits that line into two sentences, which a date may cross
    t = _parse(Article("a", "<a>", "Ferry strike ends\n\nAna Morales3 June 2017\n\nThe dockers voted to end the strike, "
                                   "their union said."))
    row = t.articles.iloc[0]
    assert row["published_earliest"] == row["published_latest"] == pd.Timestamp("2017-06-03")


def test_a_small_letter_glued_to_a_figure_makes_no_date_of_a_count():
    # "A3 May 2019" style codes need a small letter before the day; a capital before it is no byline
    found = sl.tag_times("Model B12 May 2019 sold out.", dct="2019-06-01")
    assert "2019-05-12" not in set(found["value"]), found


def test_a_possessive_relative_date_needs_its_thing_in_the_dated_passage():
    dated = Article("a", "<a>", "Convoy leaves\n\nThe ferry convoy left Lenton harbour on March 3, 2021, with Mayor Ann Holt "
                                "and the union leaders aboard.", published="2021-03-04")
    undated = Article("b", "<b>", "Convoy stopped\n\nUnion leaders aboard the stopped ferry convoy at Lenton harbour disputed "
                                  "last year's election of Mayor Ann Holt.")
    row = _parse(dated, undated).articles.set_index("article_id").loc["b"]
    # the convoy's date is no date of the election: "last year" is not read from it (it had put the article in 2022)
    assert pd.isna(row["published_earliest"]) and pd.isna(row["published_latest"]), row
