"""The TIMEX3 classes added for TempEval-3 news, on sentences written for these tests (issue 13)."""

from __future__ import annotations

import pytest

import s400lib as sl

DCT = "2011-03-15"


def _tag(text: str) -> dict[str, tuple[str, str]]:
    found = sl.tag_times(text, dct=DCT)
    for row in found.itertuples():
        assert text[row.start : row.end] == row.text
    return {row.text: (row.type, row.value) for row in found.itertuples()}


@pytest.mark.parametrize("text,expression,expected", [
    ("Wheat exports grew throughout 2004-2007 in the region.", "2004-2007", ("DURATION", "P3Y")),
    ("The 1993-95 drought emptied the reservoirs.", "1993-95", ("DURATION", "P2Y")),
    ("Repairs will take a few weeks at most.", "a few weeks", ("DURATION", "PXW")),
    ("Prices may climb in the coming months.", "the coming months", ("DURATION", "PXM")),
    ("Rescuers worked for hours in the rain.", "hours", ("DURATION", "PTXH")),
    ("Rainfall fell sharply over the past decade.", "the past decade", ("DURATION", "P10Y")),
    ("The mill was built in the 18th century.", "the 18th century", ("DATE", "17")),
    ("The market opens every Thursday.", "every Thursday", ("SET", "XXXX-WXX-4")),
    ("Storms return each autumn.", "each autumn", ("SET", "XXXX-FA")),
    ("Ten years from now the port will be closed.", "Ten years", ("DURATION", "P10Y")),
    ("Voting ends at 18:00 GMT Sunday.", "18:00 GMT Sunday", ("TIME", "2011-03-20T18:00")),
    # the zone written out keeps the clock time and its day together
    ("The barge sank at about 4 a.m. local time Saturday.", "4 a.m. local time Saturday", ("TIME", "2011-03-12T04:00")),
    ("The vote closed at 20:30 local time on Sunday.", "20:30 local time on Sunday", ("TIME", "2011-03-13T20:30")),
    ("Traders watched the stocks in recent days.", "recent days", ("DURATION", "PXD")),
    ("Second-quarter earnings beat forecasts.", "Second-quarter", ("DATE", "2011-Q2")),
    ("Sales slipped from the year-ago quarter.", "the year-ago quarter", ("DATE", "2009-Q4")),  # a year before the last quarter reported (2010-Q4)
    ("Inflation peaked in nineteen eighty-one.", "nineteen eighty-one", ("DATE", "1981")),
])
def test_classes_the_tagger_used_to_miss(text, expression, expected):
    assert _tag(text).get(expression) == expected


def test_n_years_from_now_is_a_duration_and_a_present_reference():
    tags = _tag("Ten years from now the port will be closed.")
    assert tags["now"] == ("DATE", "PRESENT_REF")


def test_a_relative_day_follows_the_day_the_narrative_moved_to():
    found = sl.tag_times("The dam failed on June 9, 2008, after heavy rain. That night the river rose; "
                         "the following day the valley was evacuated.", dct=DCT)
    rows = {r.text: r for r in found.itertuples()}
    assert rows["That night"].value == "2008-06-09TNI" and rows["That night"].anchor == "2008-06-09"
    assert rows["the following day"].value == "2008-06-10"


def test_without_an_explicit_date_a_relative_day_keeps_the_publication_anchor():
    found = sl.tag_times("Officials met at noon. That evening they signed the accord.", dct=DCT)
    assert found.loc[found["text"] == "That evening", "value"].iloc[0] == "2011-03-15TEV"


def test_an_infinitive_under_a_verb_of_plan_looks_ahead():
    # the publication day, 2011-03-15, is a Tuesday; the nearest Monday would be the day before
    assert _tag("Repairs on the dam are expected to start Monday.")["Monday"] == ("DATE", "2011-03-21")
    assert _tag("The envoy is due to arrive in Kyiv on Thursday.")["Thursday"] == ("DATE", "2011-03-17")


def test_a_year_earlier_beside_a_quarter_is_that_quarter_a_year_before():
    text = ("Third-quarter sales at the Lindqvist mills fell to 40 million kronor from 52 million kronor a year ago. "
            "A year ago the mills also ran a night shift.")
    t = sl.tag_times(text, dct="2023-11-10")
    values = dict(zip(t["text"], t["value"]))
    assert values["Third-quarter"] == "2023-Q3" and values["a year ago"] == "2022-Q3"
    assert values["A year ago"] == "2022"  # no quarter in its sentence: the year before


@pytest.mark.parametrize("text,dct,expression,value", [
    # a gerund has no tense of its own: the day takes the tense of the verb the clause hangs on
    ("After visiting the flooded villages Thursday, the governor said relief was on its way.", "2021-03-13", "Thursday", "2021-03-11"),
    ("The index slipped again, ending flat Monday after a volatile week.", "2021-03-17", "Monday", "2021-03-15"),
    # a day in the possessive names something already on record
    ("Shares now trade below Tuesday's close.", "2021-03-15", "Tuesday", "2021-03-09"),
    ("The council is still studying Friday's ruling.", "2021-03-15", "Friday", "2021-03-12"),
    ("Wednesday's vote will settle the matter.", "2021-03-15", "Wednesday", "2021-03-17"),
    # a past verb with a date a few weeks ahead: a deadline or payment date, not last year's date
    ("The board declared a bonus payable Dec. 3 to holders of record Nov. 19.", "2021-10-28", "Dec. 3", "2021-12-03"),
    ("The board declared a bonus payable Dec. 3 to holders of record Nov. 19.", "2021-10-28", "Nov. 19", "2021-11-19"),
    ("The bidder extended its offer to Nov. 30.", "2021-11-04", "Nov. 30", "2021-11-30"),
    # ... but a date far ahead under a past verb is still last year's
    ("The mayor resigned on Sept. 9 after the audit.", "2021-02-01", "Sept. 9", "2020-09-09"),
])
def test_tense_of_days_and_dates_in_dependent_wording(text, dct, expression, value):
    found = {row.text: row.value for row in sl.tag_times(text, dct=dct).itertuples()}
    assert found.get(expression) == value


def test_a_month_alone_under_a_past_verb_stays_in_the_past():
    found = {row.text: row.value for row in sl.tag_times("In July, the two towns agreed to share a ferry.", dct="2021-05-10").itertuples()}
    assert found["July"] == "2020-07"


# DCT 2011-03-15 is a Tuesday; 2011-03-14 a Monday and 2011-03-19 a Saturday.
@pytest.mark.parametrize("text,dct,expected", [
    ("Looters hit two shops over the weekend, the council said.", "2011-03-14", "2011-W10-WE"),
    ("The ferry service resumes at the weekend.", "2011-03-14", "2011-W11-WE"),
    ("Crowds are expected this weekend.", "2011-03-15", "2011-W11-WE"),
    ("The market is packed this weekend.", "2011-03-19", "2011-W11-WE"),
    ("Snow closed the pass at the weekend.", "2011-03-17", "2011-W10-WE"),
])
def test_the_weekend_follows_the_tense_and_the_day(text, dct, expected):
    found = sl.tag_times(text, dct=dct)
    assert found["value"].tolist() == [expected]


@pytest.mark.parametrize("text,expression,expected", [
    ("Polling stations will shut at 8 p.m. Thursday.", "8 p.m. Thursday", ("TIME", "2011-03-17T20:00")),
    ("The envoy landed at 7:45 a.m. EDT Monday.", "7:45 a.m. EDT Monday", ("TIME", "2011-03-14T07:45")),
    ("The court sits again at noon Friday.", "noon Friday", ("TIME", "2011-03-18T12:00")),
    ("The ceasefire began at midnight.", "midnight", ("TIME", "2011-03-15T00:00")),
])
def test_a_clock_time_before_a_weekday_keeps_both(text, expression, expected):
    assert _tag(text).get(expression) == expected


@pytest.mark.parametrize("text,expression,expected", [
    ("The siege lasted thirty six hours.", "thirty six hours", ("DURATION", "PT36H")),
    ("Negotiators met for forty-eight hours straight.", "forty-eight hours", ("DURATION", "PT48H")),
    ("The dig ran for seventeen days.", "seventeen days", ("DURATION", "P17D")),
    ("He spent 3 1/2 years in exile.", "3 1/2 years", ("DURATION", "P3Y6M")),
    ("The hearing took an hour and a half.", "an hour and a half", ("DURATION", "PT1H30M")),
    ("Crews need three and a half days to clear the line.", "three and a half days", ("DURATION", "P3DT12H")),
    ("The lease runs for ten more years.", "ten more years", ("DURATION", "P10Y")),
    ("Talks could take two additional weeks.", "two additional weeks", ("DURATION", "P2W")),
])
def test_compound_numbers_halves_and_more(text, expression, expected):
    assert _tag(text).get(expression) == expected


@pytest.mark.parametrize("text,expected", [
    ("The judge has given the lawyers until Thursday to respond.", "2011-03-17"),   # a deadline ahead
    ("The council postponed the vote until Monday.", "2011-03-21"),               # deferred to a later day
    ("Officials delayed the launch to Friday.", "2011-03-18"),
    ("The museum stayed open until Sunday.", "2011-03-13"),                       # a past stretch that ended then
    ("Unions planned a strike on Thursday.", "2011-03-17"),                       # the day of what was planned
    ("The league scheduled the final for Sunday.", "2011-03-20"),
    ("Unions held a strike on Thursday.", "2011-03-10"),                          # done, so past
    ("A vigil planned for Saturday was cancelled.", "2011-03-12"),                # the clause is the cancelling
])
def test_deadlines_and_plans_look_ahead_of_a_past_verb(text, expected):
    assert sl.tag_times(text, dct=DCT)["value"].tolist() == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Today's teenagers spend hours online.", "PRESENT_REF"),       # the present age
    ("Schools must prepare the children of today.", "PRESENT_REF"),
    ("Today's session ended early.", "2011-03-15"),                   # the day itself
    ("The council met today.", "2011-03-15"),
])
def test_a_generic_today_is_the_present_age_and_a_dated_one_is_the_day(text, expected):
    found = sl.tag_times(text, dct=DCT)
    assert found.loc[found["text"].str.lower() == "today", "value"].tolist() == [expected]


def test_a_year_earlier_in_a_comparison_takes_the_quarter_the_passage_reports():
    # the quarter is named one sentence before the comparison; a sentence that compares nothing keeps the year
    text = ("Harbour Ferries posted a loss for the second quarter. Ticket revenue slipped to 8.1 million euros "
            "from 9.4 million euros a year earlier. A year earlier the company had also bought two boats.")
    t = sl.tag_times(text, dct="2016-08-04")
    values = list(zip(t["text"], t["value"]))
    assert ("the second quarter", "2016-Q2") in values
    assert values.count(("a year earlier", "2015-Q2")) == 1 and ("A year earlier", "2015") in values


@pytest.mark.parametrize("text,dct,expression,value", [
    # a year standing before the quarter, or a quarter a year back, belongs to that year
    ("Exports dipped in the 2014 fourth quarter, the bureau said.", "2015-05-20", "the 2014 fourth quarter", "2014-Q4"),
    ("Margins were thinner than in the year-ago first quarter.", "2015-05-20", "the year-ago first quarter", "2014-Q1"),
    ("The mill expects to reopen in next year's second quarter.", "2015-05-20", "next year's second quarter", "2016-Q2"),
    # told in January under a past verb, the fourth quarter is the one that has just ended
    ("Orders for tractors rose in the fourth quarter, the maker said.", "2015-01-21", "the fourth quarter", "2014-Q4"),
    # the reported quarter of a named year
    ("Net profit reached 4 million pounds, against 3 million pounds in the 2014 period.", "2015-05-20", "the 2014 period", "2014-Q1"),
    # "through" a month under a verb that extends something is a deadline ahead
    ("The bank has extended the credit line through March, the lender said.", "2016-10-14", "March", "2017-03"),
    # a participle that makes a noun a plan dates the plan, not a past event
    ("Delegates will argue over the treaty at a conference set for Geneva in May.", "2016-03-20", "May", "2016-05"),
    ("Ministers prepared papers for the talks scheduled for Vienna in June.", "2016-04-02", "June", "2016-06"),
])
def test_quarters_deadlines_and_plans_carry_the_time_written_around_them(text, dct, expression, value):
    t = sl.tag_times(text, dct=dct)
    assert dict(zip(t["text"], t["value"])).get(expression) == value


def test_current_and_a_couple_follow_timeml():
    values = _tag("Her current contract runs for a couple of years, and the current year has been her best.")
    assert values["current"] == ("DATE", "PRESENT_REF")
    assert values["a couple of years"] == ("DURATION", "P2Y")
    assert values["the current year"] == ("DATE", "2011")
    assert "current" not in _tag("The current account deficit widened.")


def test_that_year_and_the_following_year_point_back_to_the_year_the_account_is_in():
    text = ("The mill opened in 1994 with 40 workers. Later that year it doubled its output, and the following "
            "year it hired 60 more. Today it employs 500 people.")
    t = sl.tag_times(text, dct="2017-05-02")
    values = dict(zip(t["text"], t["value"]))
    assert values["Later that year"] == "1994" and values["the following year"] == "1995"
    assert values["Today"] == "2017-05-02"


@pytest.mark.parametrize("text, expression, value", [
    # spans of quarters count like months and years; "a quarter of", "three-quarters of" are fractions
    ("Exports have shrunk for the past three quarters, the ministry said.", "the past three quarters", "P3Q"),
    ("The retailer has lost money for several quarters.", "several quarters", "PXQ"),
    ("The fund reports its holdings every quarter.", "every quarter", "P1Q"),
    ("Orders may pick up soon, the chief executive said.", "soon", "FUTURE_REF"),
    ("The mine should reopen by year-end, officials said.", "year-end", "2016"),
])
def test_quarters_soon_and_year_end_are_time(text, expression, value):
    t = sl.tag_times(text, dct="2016-06-14")
    assert dict(zip(t["text"], t["value"])).get(expression) == value


@pytest.mark.parametrize("text", [
    "Three-quarters of the members voted for the merger.",
    "A quarter of the crop was lost to frost.",
    "Critics in some quarters called the plan reckless.",
    "He left as soon as the vote was counted.",
])
def test_fractions_people_and_clauses_are_not_time(text):
    t = sl.tag_times(text, dct="2016-06-14")
    assert not t["text"].str.contains("quarter|soon", case=False).any()


@pytest.mark.parametrize("text", [
    "The bonds pay $4.20 a year until they mature.",
    "The ferry line will run six crossings a week in summer.",
    "Rents have climbed 7% a year since the crash.",
])
def test_a_rate_after_an_amount_is_no_span_of_time(text):
    assert sl.tag_times(text, dct="2016-06-14").empty


def test_a_span_after_a_verb_is_still_time():
    t = sl.tag_times("The striker was banned for a year and fined a week later.", dct="2016-06-14")
    assert dict(zip(t["text"], t["value"])).get("a year") == "P1Y"


def test_the_moment_is_now_only_in_at_or_for_the_moment():
    t = sl.tag_times("For the moment the port is shut. Nobody forgot the moment the wall gave way.", dct="2016-06-14")
    assert list(t.loc[t["text"].str.contains("moment"), "value"]) == ["PRESENT_REF"]


def test_a_bare_clock_time_told_in_the_past_is_on_the_day_of_the_account():
    text = ("The dam at Velka gave way on Saturday, engineers said. Water reached the first houses at 4:40 a.m. "
            "Crews will inspect the site at 9 a.m.")
    t = sl.tag_times(text, dct="2018-03-14")
    rows = {r.text: r for r in t.itertuples()}
    assert rows["4:40 a.m."].value == "2018-03-10T04:40" and rows["4:40 a.m."].anchor == "2018-03-10"
    assert rows["9 a.m."].value == "2018-03-14T09:00"  # a plan for later stays on the publication day


@pytest.mark.parametrize("text,expression,expected", [
    # DCT is 2011-03-15: the winter is still on, the summer is ahead
    ("Ferry traffic collapsed over the summer, the harbour board said.", "the summer", ("DATE", "2010-SU")),
    ("The harbour board expects ferry traffic to recover over the summer.", "the summer", ("DATE", "2011-SU")),
    ("Ice closed the canal this past autumn.", "this past autumn", ("DATE", "2010-FA")),
    ("Dredging resumed in the late summer.", "the late summer", ("DATE", "2010-SU")),
    ("Tolls will be cut in coming weeks.", "coming weeks", ("DURATION", "PXW")),
    ("Relatives of the 1998 Omagh bombing victims met the minister.", "1998", ("DATE", "1998")),
])
def test_seasons_unnamed_periods_and_years_before_names(text, expression, expected):
    assert _tag(text).get(expression) == expected


def test_a_year_that_opens_a_laws_title_or_an_acronym_is_part_of_the_name():
    # the year of "the 2009 Harbour Safety Act" is its title's; a preposition still dates ("in 2009 NATO ...")
    found = _tag("The 2009 Harbour Safety Act and the 2010 NPT review were cited. In 2009 NATO met.")
    assert "2009" in found and list(found).count("2009") == 1 and "2010" not in found, found


@pytest.mark.parametrize("text,expression,expected", [
    # a weekday written before the date it names is that date, as one expression
    ("The ferry strike began on Thursday, March 3, and ended a week later.", "Thursday, March 3", ("DATE", "2011-03-03")),
    ("Pilots will vote on Friday April 8, 2011.", "Friday April 8, 2011", ("DATE", "2011-04-08")),
    # counted decades and centuries are years, as TimeBank writes them
    ("The dispute has simmered for three decades.", "three decades", ("DURATION", "P30Y")),
    ("The bridge stood for two centuries.", "two centuries", ("DURATION", "P200Y")),
])
def test_weekdays_joined_to_dates_and_counted_decades(text, expression, expected):
    assert _tag(text).get(expression) == expected


@pytest.mark.parametrize("text,dct,expression,expected", [
    # a pluperfect plan lies in the past, whatever the infinitive after it
    ("The tender had been due to close on Friday evening.", DCT, "Friday evening", "2011-03-11TEV"),
    # a singular subject makes "hurt" a past tense, though the parser tags it present
    ("A slump in bank shares hurt the index on Thursday.", DCT, "Thursday", "2011-03-10"),
    # the verb after an opening quote mark is the quoted speaker's, not the heading's
    ('The mayor on Friday: "We will rebuild the bridge."', "2011-03-14", "Friday", "2011-03-11"),
    # the day a change takes effect, and a passive plan, lie on either side of the announcement
    ("The council approved the new fares, effective July 1.", DCT, "July 1", "2011-07-01"),
    ("The merger was scheduled for June.", DCT, "June", "2011-06"),
    # a record "set on" a day was set then; only "set for" is a plan
    ("The shares closed just below the peak set on Aug. 9.", "2011-02-10", "Aug. 9", "2010-08-09"),
    # "through" a day under a present perfect closes a stretch that has ended
    ("Sales have risen 4% this year through Feb. 28.", DCT, "Feb. 28", "2011-02-28"),
    # a season with no tense to go by is the nearest one
    ("Flooding made it hard for farmers to harvest well into the summer.", "2011-10-26", "the summer", "2011-SU"),
])
def test_tense_of_the_clause_in_constructions_the_tagger_misread(text, dct, expression, expected):
    found = sl.tag_times(text, dct=dct)
    assert dict(zip(found["text"], found["value"]))[expression] == expected


@pytest.mark.parametrize("text,expression,expected", [
    ("Bids must be filed by 5 p.m. EDT, April 8.", "5 p.m. EDT, April 8", ("TIME", "2011-04-08T17:00")),
    ("Polling stations close at 21:00 GMT on March 20.", "21:00 GMT on March 20", ("TIME", "2011-03-20T21:00")),
    ("The village emptied several years ago.", "several years ago", ("DATE", "PAST_REF")),
    ("She moved to Lyon a couple of months ago.", "a couple of months ago", ("DATE", "2011-01")),
])
def test_clock_times_keep_their_date_and_uncounted_ago_is_a_past_date(text, expression, expected):
    assert _tag(text)[expression] == expected


@pytest.mark.parametrize("text,expression,expected", [
    ("Heating bills soared in the winter of nineteen eighty-seven.", "the winter of nineteen eighty-seven", ("DATE", "1987-WI")),
    ("The dam burst in March nineteen sixty-three.", "March nineteen sixty-three", ("DATE", "1963-03")),
    ("Shares recovered twelve trading days after the crash.", "twelve trading days", ("DURATION", "P12D")),
    ("Refunds arrive within five business days.", "five business days", ("DURATION", "P5D")),
    ("Rents will keep rising over the next couple of months.", "the next couple of months", ("DURATION", "P2M")),
    ("Some say the valley may one day host the games.", "one day", ("DATE", "FUTURE_REF")),
    ("The festival lasted one day.", "one day", ("DURATION", "P1D")),
])
def test_spelled_years_after_a_month_or_season_counted_business_days_and_some_day(text, expression, expected):
    assert _tag(text)[expression] == expected


@pytest.mark.parametrize("text,expression,value", [
    ("The ferry left the quay at 7.45am.", "7.45am", "2011-03-15T07:45"),
    ("Doors closed at 11.05 p.m. on Sunday.", "11.05 p.m. on Sunday", "2011-03-13T23:05"),
])
def test_a_clock_time_written_with_a_dot_is_a_time(text, expression, value):
    # British outlets write "6.20pm"; a price of "6.20 euros" stays no time
    assert _tag(text)[expression] == ("TIME", value)
    assert _tag("The ticket cost 6.20 euros.") == {}


@pytest.mark.parametrize("text,dct,expression,expected", [
    # a decade with a part of it, and a decade whose century is left out: the last such decade the
    # anchor's century has had ("the '90s" in 2011 is the 1990s; "the '10s" in 2019 the 2010s)
    ("Rents doubled in the mid-1970s across the valley.", DCT, "the mid-1970s", ("DATE", "197")),
    ("Her songs recall the '60s and its radio.", DCT, "the '60s", ("DATE", "196")),
    ("The bakery opened in the ’90s.", "2019-05-02", "the ’90s", ("DATE", "199")),
    ("Fares rose all through the '10s.", "2019-05-02", "the '10s", ("DATE", "201")),
    # a company's year that ended on a date is a year's length; the date is its own expression
    ("The dairy lost $4 million in the financial year that ended June 30.", DCT, "the financial year", ("DURATION", "P1Y")),
    ("Freight revenue for the year ending Sept. 30 fell.", DCT, "the year", ("DURATION", "P1Y")),
    ("Planners expect the fiscal year to close with a deficit.", DCT, "the fiscal year", ("DATE", "2011")),
    # uncounted spans ahead and the near future of market talk
    ("Growers fear frost in the days ahead.", DCT, "the days ahead", ("DURATION", "PXD")),
    ("Over the short term, traders expect thin volumes.", DCT, "the short term", ("DATE", "FUTURE_REF")),
])
def test_parts_of_decades_fiscal_years_that_ended_and_spans_ahead(text, dct, expression, expected):
    found = sl.tag_times(text, dct=dct)
    assert {row.text: (row.type, row.value) for row in found.itertuples()}.get(expression) == expected
    assert all(text[r.start : r.end] == r.text for r in found.itertuples())
    # "the year" still names the year when nothing ended with it
    assert _tag("Exports will double the year after the bridge opens.").get("the year") is None
    assert _tag("Sales for the year rose 4%.").get("the year") == ("DATE", "2011")
