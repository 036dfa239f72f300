"""Counts compared like with like, on wording the rules were not written for (issue 12).

Two short articles per case, written for this test: a conflict needs the same count of the same
thing on the same occasion; a round figure holds the precise one; a span that only bounds is no count.
"""

from __future__ import annotations

import pandas as pd
import pytest

import s400lib as sl


def test_two_different_intervals_after_the_same_event_conflict(two_outlets):
    co = two_outlets("The Nordic Star ferry sank 20 minutes after leaving the port of Tromsvik, the coast guard said.",
                     "The Nordic Star ferry sank 35 minutes after leaving the port of Tromsvik, the coast guard said.")
    assert (co["kind"] == "numeric").sum() == 1 and "minute" in co["explanation"].iloc[0]


def test_a_round_figure_holds_the_precise_one(two_outlets):
    co = two_outlets("The new Tromsvik tunnel cost $3 billion to build, the transport ministry said.",
                     "The new Tromsvik tunnel cost $2.9 billion to build, the transport ministry said.")
    assert not (co["kind"] == "numeric").any(), co


def test_money_written_with_a_glued_scale_letter_is_read_at_its_scale(tmp_path, two_outlets):
    co = two_outlets("The Tromsvik harbour upgrade will cost $250m, the port authority said.",
                     "The Tromsvik harbour upgrade will cost $248 million, the port authority said.")
    assert not (co["kind"] == "numeric").any(), co
    numbers = sl.parse(sl.load_corpus(tmp_path), progress=False).numbers
    assert 250e6 in set(numbers["value"].dropna())


@pytest.mark.parametrize("left,right", [
    ("It was the third strike at the Tromsvik yard in two months, the union said.",
     "It was the third strike at the Tromsvik yard in three months, the union said."),
])
def test_a_span_that_only_bounds_counts_nothing(two_outlets, left, right):
    assert not (two_outlets(left, right)["kind"] == "numeric").any()


def test_counts_of_two_occasions_told_with_their_dates_do_not_conflict(two_outlets):
    co = two_outlets("In March 2019 the flood in Tromsvik killed 40 people, the mayor said.",
                     "In May 2021 the flood in Tromsvik killed 12 people, the mayor said.")
    assert not (co["kind"] == "numeric").any(), co


def test_counts_of_two_operators_or_two_regions_are_not_one_count(two_outlets):
    # the same aircraft model and the same verb, but another airline's crash
    co = two_outlets("An Air France Airbus A320 crashed after takeoff, killing all 62 people on board.",
                     "Last spring a Lufthansa Airbus A320 crashed after takeoff, killing all 48 people on board.")
    assert not (co["kind"] == "numeric").any(), co
    co = two_outlets("Floods killed 40 people in Kerala this week, officials said.",
                     "Floods killed 12 people in Assam this week, officials said.")
    assert not (co["kind"] == "numeric").any(), co


def test_the_same_flight_counted_by_two_sources_still_conflicts(two_outlets):
    co = two_outlets("Skyrail Airways said 150 passengers were on the Falcon 200 that crashed near Tromsvik.",
                     "Transport officials said 162 passengers were on the Falcon 200 that crashed near Tromsvik.")
    assert (co["kind"] == "numeric").sum() == 1, co


def test_a_toll_told_in_few_shared_words_still_conflicts_and_an_old_toll_does_not(two_outlets):
    # "had died in the collapse" and "on the bus died" share only the count and its state; the
    # older disaster is dated decades before both articles
    co = two_outlets("The Kestrel Road bridge fell into the river on Sunday. The fire service said 23 people had died in the collapse.",
                     "Divers searched the river all night. All 26 people on the bus died. "
                     "Nine people died when an older bridge fell at the same spot in 1998.")
    numeric = co[co["kind"] == "numeric"]
    assert len(numeric) == 1, co
    assert "23" in numeric["explanation"].iloc[0] and "26" in numeric["explanation"].iloc[0]
    assert not numeric["right_text"].str.contains("1998").any()


def test_one_person_given_two_ages_by_two_outlets_conflicts(two_outlets):
    co = two_outlets("Retired judge Miriam Osei, 67, chaired the inquiry into the collapse of the Kestrel Road bridge.",
                     "The inquiry into the bridge collapse was led by the 71-year-old former judge Miriam Osei.")
    ages = co[(co["kind"] == "numeric") & co["explanation"].str.contains("age", regex=False)]
    assert len(ages) == 1, co
    assert "67" in ages["explanation"].iloc[0] and "71" in ages["explanation"].iloc[0]
    assert "Miriam Osei" in ages["explanation"].iloc[0]


def test_an_age_passed_to_someone_else_or_repeated_is_no_conflict(two_outlets):
    co = two_outlets("Tomas Brandt, 52, opened the new ferry terminal on Saturday.",
                     "The 40-year-old wife of Tomas Brandt cut the ribbon. Brandt (52) thanked the builders.")
    assert not (co["kind"] == "numeric").any(), co


def test_ages_in_person_ages_trace_back_to_the_text(tmp_path):
    (tmp_path / "a.txt").write_text("Nadia Farouk, aged 34, and the 29-year-old striker Leon Petit both scored.\n", encoding="utf-8")
    tables = sl.parse(sl.load_corpus(tmp_path), progress=False)
    from s400lib.compare.ages import person_ages

    ages = person_ages(tables)
    text = tables.articles["text"].iloc[0]
    assert dict(zip(ages["person"], ages["age"])) == {"Nadia Farouk": 34, "Leon Petit": 29}
    for row in ages.itertuples():
        assert text[row.start : row.end] == row.text


def test_how_long_one_thing_lasted_told_two_ways_conflicts(two_outlets):
    co = two_outlets("The evacuation of the Marrow tower took three hours, the fire brigade said.",
                     "Officials said it took five hours to evacuate the tower.")
    numeric = co[co["kind"] == "numeric"]
    assert len(numeric) == 1, co
    assert "3 hour" in numeric["explanation"].iloc[0] and "5 hour" in numeric["explanation"].iloc[0]


def test_how_long_two_different_things_lasted_is_no_conflict(two_outlets):
    co = two_outlets("The evacuation of the Marrow tower took three hours, the fire brigade said.",
                     "The blaze burned for five hours before it was put out, officials said.")
    assert not (co["kind"] == "numeric").any(), co


def test_a_figure_demanded_is_not_the_figure_agreed(two_outlets):
    co = two_outlets("The nurses' union is demanding a 9 percent pay rise from the Varnan health board.",
                     "The deal gives nurses a pay rise of 6 percent, the Varnan health board said.")
    assert not (co["kind"] == "numeric").any(), co


def test_a_measure_named_by_a_word_only_two_claims_use_is_one_attribute(two_outlets):
    # "occupancy" is in these two claims only: the rate each gives is the same attribute, though
    # percentages are common in the corpus and the two share no other word of the matter
    co = two_outlets("In July the occupancy of the town's hotels reached 71 percent. Room prices rose 3 percent.",
                     "The tourism board said occupancy stood at 64 percent.")
    numeric = co[co["kind"] == "numeric"]
    assert len(numeric) == 1 and "71" in numeric["explanation"].iloc[0] and "64" in numeric["explanation"].iloc[0], co


def test_lost_seats_jobs_and_points_are_no_toll_but_lost_soldiers_are(tmp_path):
    (tmp_path / "a.txt").write_text("Results\n\nThe Harbour Party lost 212 council seats on Thursday. The mill lost 90 jobs "
                                    "in May, and the regiment lost 14 soldiers in the ambush.\n", encoding="utf-8")
    n = sl.parse(sl.load_corpus(tmp_path), progress=False).numbers
    state = dict(zip(n["unit"], n["state"]))
    assert state["seat"] is pd.NA and state["job"] is pd.NA and state["soldier"] == "dead", n


def test_a_count_given_as_more_than_a_figure_does_not_reach_far_above_it(two_outlets):
    # "more than 40" is read as 40 to 50, not as any figure above 40
    co = two_outlets("The landslide above Tromsvik killed more than 40 people, the regional governor said.",
                     "The landslide above Tromsvik killed nearly 70 people, the regional governor said.")
    assert (co["kind"] == "numeric").sum() == 1, co
    co = two_outlets("The landslide above Tromsvik killed more than 40 people, the regional governor said.",
                     "The landslide above Tromsvik killed 46 people, the regional governor said.")
    assert not (co["kind"] == "numeric").any(), co


def test_two_outlets_that_both_tell_a_revised_toll_do_not_conflict(tmp_path):
    bodies = {
        # tells the revision, then the old figure as what was said before
        "a.txt": ("The health ministry cut the toll of the Tromsvik ferry fire from 88 to 61 people on Friday. "
                  "The blaze killed 88 people, officials had said on Thursday."),
        "b.txt": "The Tromsvik ferry fire killed 61 people, the health ministry said on Friday, correcting its count of 88 people.",
        # gives only the old figure, as if it still stood
        "c.txt": "The Tromsvik ferry fire killed 88 people, the health ministry said.",
    }
    for name, body in bodies.items():
        (tmp_path / name).write_text(f"---\noutlet: {name[0].upper()} Post\npublished: 2021-06-14\n---\nReport\n\n{body}\n", encoding="utf-8")
    tables = sl.parse(sl.load_corpus(tmp_path), progress=False)
    co = sl.contradictions(tables)
    numeric = co[co["kind"] == "numeric"]
    pairs = {frozenset((r.left_article, r.right_article)) for r in numeric.itertuples()}
    assert frozenset(("a", "b")) not in pairs, numeric
    assert frozenset(("b", "c")) in pairs or frozenset(("a", "c")) in pairs, numeric


def test_a_figure_after_by_under_a_verb_of_change_is_a_move_not_a_count(tmp_path):
    (tmp_path / "a.txt").write_text("---\noutlet: Harbour Gazette\npublished: 2021-06-14\n---\nReport\n\n"
                                    "Officials raised the number of missing fishermen by about 12 people on Sunday, "
                                    "and later cut the count of the dead from 30 to 27 people.\n", encoding="utf-8")
    numbers = sl.parse(sl.load_corpus(tmp_path), progress=False).numbers.set_index("text")
    assert numbers.loc["about 12 people", "state"] == "change"
    # the first figure of "from 30 to 27 people" counts people too
    assert numbers.loc["30", "unit"] == "people"


def test_a_figure_a_count_could_rise_to_is_a_ceiling_not_a_count(two_outlets):
    co = two_outlets("The landslide above Tromsvik killed nine people on Sunday, the mayor said.",
                     "The death toll from the landslide above Tromsvik could rise to 25, rescuers warned on Sunday.")
    assert not (co["kind"] == "numeric").any(), co


def test_the_total_of_a_part_carries_no_state_of_the_part():
    from s400lib.extract.context import context_for_text
    from s400lib.extract.numbers import number_table

    t = number_table(context_for_text("Avalanche\n\nNine of the 25 climbers were injured in the fall."))
    states = dict(zip(t["text"], t["state"]))
    assert states.get("Nine") == "injured" and pd.isna(states.get("25 climbers")), t[["text", "unit", "state"]]


def test_a_figure_one_outlet_reports_and_another_reports_denied_is_a_conflict_of_reports(two_outlets):
    # two predicates ("killed", "died"): only the figure ties the report to its denial
    co = two_outlets("A fire at the Tromsvik depot killed eleven workers on Saturday, the labour ministry said.",
                     "The labour ministry denied that eleven workers had died in the Tromsvik depot fire on Saturday.")
    stance = co[co["kind"] == "stance"]
    assert len(stance) == 1 and "11" in stance["explanation"].iloc[0] and "denies" in stance["explanation"].iloc[0], co
    assert not (co["kind"] == "numeric").any(), co


def test_a_denied_figure_is_no_count_to_set_against_another(two_outlets):
    co = two_outlets("At least 300 protesters were arrested in Tromsvik on Saturday, organisers said.",
                     "The interior ministry denied that 120 protesters had been arrested in Tromsvik on Saturday.")
    assert not (co["kind"] == "numeric").any(), co


def test_one_thing_that_happened_dated_a_day_apart_is_a_temporal_conflict(two_outlets):
    # few words in common besides the dam and its bursting: the one thing and the two days tie them
    co = two_outlets("The Tromsvik dam burst on Saturday, the governor said.",
                     "Farmers who live below it said the dam had burst on Friday night.")
    assert (co["kind"] == "temporal").sum() == 1, co


def test_work_told_as_completed_and_as_still_pending_is_a_status_conflict(two_outlets):
    co = two_outlets("Repairs to the Tromsvik bridge were completed in May, the council said.",
                     "Repairs to the Tromsvik bridge are still pending, residents said.")
    assert (co["kind"] == "status").sum() == 1, co


def test_one_sentence_setting_two_parties_figures_against_each_other_is_a_numeric_conflict(two_outlets):
    co = two_outlets("Police said some 3,000 people marched through Tromsvik on Saturday, whereas the organisers "
                     "put the crowd at 11,000.",
                     "The Tromsvik council will debate the new parking charges in May.")
    numeric = co[co["kind"] == "numeric"]
    assert len(numeric) == 1, co
    explanation = numeric["explanation"].iloc[0]
    # "some 3,000" is read as 2,700 to 3,300
    assert "3,300" in explanation and "11,000" in explanation and "Police" in explanation and "organisers" in explanation, co


def test_a_while_clause_of_time_in_one_sentence_sets_no_figures_against_each_other(two_outlets):
    co = two_outlets("While 3,000 people marched through Tromsvik on Saturday, police arrested 11 people near the port.",
                     "The Tromsvik council will debate the new parking charges in May.")
    assert not (co["kind"] == "numeric").any(), co


def test_a_date_told_as_a_deadline_against_a_day_a_few_days_on_is_compared_without_failing(two_outlets):
    # "before Friday" reaches back without bound: the days between the two are counted from its end
    co = two_outlets("The Tromsvik dam burst on Saturday, the governor said.",
                     "The Tromsvik dam burst before Friday, farmers said.")
    assert (co["kind"] == "temporal").sum() == 1, co


@pytest.mark.parametrize("text,state", [
    ("The union said 80,000 marchers took part.", "attending"),
    ("A police spokesman estimated that 15,000 people were on the march.", "attending"),
    ("Roughly 6,000 people were at Saturday's vigil in the square.", "attending"),
    ("Some 200 people attended the funeral of the fisherman.", "attending"),
    ("About 9,000 people joined the rally against the new dam.", "attending"),
    ("The organisers of the rally put the figure at 40,000 people.", "attending"),
    # the gathering in an "in" phrase, "take part" as one verb, the gathering itself estimated
    ("About 2,500 people took part in the candlelight vigil on Friday.", "attending"),
    ("Some 700 people participated in the protest outside the mill.", "attending"),
    ("The fire service put the crowd at the open-air concert at 12,000 people.", "attending"),
    ("Local officials put Sunday's procession at 30,000 people.", "attending"),
    # the size of the crowd put at a bare figure
    ("Stewards estimated the crowd size at 14,000.", "attending"),
    ("Officials put the audience number at roughly 3,500.", "attending"),
    ("About 2,500 people took part in the survey on Friday.", None),
    ("Three companies joined the consortium last spring.", None),
    ("Analysts put the figure at 300 people.", None),
])
def test_a_count_of_people_who_took_part_in_a_gathering_says_so(text, state):
    from s400lib.extract.context import context_for_text
    from s400lib.extract.numbers import number_table

    found = number_table(context_for_text(text, article_id="t"))
    assert len(found) == 1
    got = found["state"].iloc[0]
    assert (None if pd.isna(got) else got) == state


def test_two_outlets_crowd_figures_are_compared_not_a_crowd_and_a_hospital_count(two_outlets):
    # "people" is common here, so only what the people did makes two counts one attribute
    co = two_outlets("Teachers demanding higher pay marched through Varna on Saturday. The union said 80,000 marchers took part. "
                     "The schools employ 95,000 people. Last year 30 people lost their posts after a merger.",
                     "A police spokesman estimated that 15,000 people were on the march. The city has 400,000 people. "
                     "A hospital said 12 people were treated for heat stroke.")
    numeric = co[co["kind"] == "numeric"]
    assert len(numeric) == 1, co
    assert "80,000" in numeric["explanation"].iloc[0] and "15,000" in numeric["explanation"].iloc[0]


@pytest.mark.parametrize("left, right, figures", [
    # the size of one body, told as its members and as the people in it
    ("A 12-member delegation from Varna arrived in Geneva for the water talks on Monday.",
     "A delegation of 14 Varnan diplomats arrived in Geneva for the water talks.", ("12", "14")),
    # two tallies of one vote that differ on one side
    ("The Varna assembly backed the harbour bill by 61 votes to 39 on Tuesday.",
     "Deputies approved the harbour bill in the Varna assembly on Tuesday, voting 61 to 42.", ("39", "42")),
])
def test_one_count_told_two_ways_with_two_figures_conflicts_once(two_outlets, left, right, figures):
    numeric = two_outlets(left, right).query("kind == 'numeric'")
    assert len(numeric) == 1 and all(f in numeric["explanation"].iloc[0] for f in figures), numeric


@pytest.mark.parametrize("text, unit", [
    ("The plane carried six crew members and 140 passengers.", "crew member"),
    ("A squad of nine firefighters reached the roof.", "squad member"),
    ("A group of four boys left the cave first.", "boy"),  # a part of the boys, not a body's size
])
def test_members_of_a_body_are_counted_as_its_members(text, unit):
    from s400lib.extract.context import context_for_text
    from s400lib.extract.numbers import number_table

    numbers = number_table(context_for_text(text))
    assert unit in numbers["unit"].tolist(), numbers


@pytest.mark.parametrize("text, sides", [
    ("Judges upheld the ruling in a 6-3 vote.", [("6", "larger side"), ("3", "smaller side")]),
    ("Senators rejected the motion by 40 votes to 55.", [("40", "smaller side"), ("55", "larger side")]),
    ("Lisbon beat Porto 3 to 1 on Sunday.", []),  # a score, not a vote
])
def test_the_two_sides_of_a_tally_are_told_apart_by_size(text, sides):
    from s400lib.extract.context import context_for_text
    from s400lib.extract.numbers import number_table

    numbers = number_table(context_for_text(text))
    tally = numbers[numbers["unit"] == "vote"]
    assert [(row.text.split()[0], row.state) for row in tally.itertuples()] == sides, numbers


def _two_days(tmp_path, left: str, left_day: str, right: str, right_day: str):
    for name, body, outlet, day in (("a.txt", left, "Harbour Gazette", left_day), ("b.txt", right, "Valley Post", right_day)):
        (tmp_path / name).write_text(f"---\noutlet: {outlet}\npublished: {day}\n---\nReport\n\n{body}\n", encoding="utf-8")
    return sl.contradictions(sl.parse(sl.load_corpus(tmp_path), progress=False))


@pytest.mark.parametrize("later_day, conflict", [("2021-06-15", False), ("2021-06-14", True)])
def test_a_toll_told_higher_on_a_later_day_rose_and_on_the_same_day_conflicts(tmp_path, later_day, conflict):
    co = _two_days(tmp_path, "At least 12 people were reported injured in the clashes at the Varna docks, medics said.", "2021-06-14",
                   "More than 200 people were injured in the clashes at the Varna docks, medics said.", later_day)
    assert (co["kind"] == "numeric").any() == conflict, co


def test_a_toll_told_lower_on_a_later_day_still_conflicts(tmp_path):
    # a toll that fell is a revision the older figure disagrees with
    co = _two_days(tmp_path, "The clashes at the Varna docks killed 40 people, medics said.", "2021-06-14",
                   "The clashes at the Varna docks killed 25 people, medics said.", "2021-06-16")
    assert (co["kind"] == "numeric").any(), co


@pytest.mark.parametrize("text, state", [
    ("At least 15 dockers were reported to have been hurt in the fire.", "injured"),
    ("Nine climbers are feared dead after the avalanche.", "dead"),
    ("Six sailors were treated for burns and light injuries.", "injured"),
    ("Some 4.1 million people were eligible to vote in the poll.", "eligible"),
    ("The island has 80,000 registered voters.", "eligible"),
])
def test_a_state_reported_treated_or_of_who_may_vote_is_read(text, state):
    from s400lib.extract.context import context_for_text
    from s400lib.extract.numbers import number_table

    numbers = number_table(context_for_text(text))
    assert numbers["state"].astype(str).tolist()[:1] == [state], numbers


def test_counts_of_voters_who_may_vote_and_of_those_hurt_are_not_set_against_turnout(two_outlets):
    co = two_outlets("Officials said 4.1 million people were eligible to vote in the Varna referendum.",
                     "Only 1.9 million people took part in the Varna referendum, officials said.")
    assert not (co["kind"] == "numeric").any(), co


def test_one_source_giving_two_figures_in_one_article_is_no_dispute(two_outlets):
    # two shares of the vote, or two crashes' tolls, that one outlet gives side by side
    co = two_outlets("In the Varna referendum, 71 percent voted to keep the harbour tax. Turnout was 38 percent. "
                     "The crash killed 57 people. An earlier crash at the same airport killed 112 people.",
                     "The Marrow lifeboat crew rescued two sailors on Sunday.")
    assert not (co["kind"] == "numeric").any(), co


@pytest.mark.parametrize("text, state", [
    ("In the Varna referendum, 54.1 per cent voted to stay.", "vote stay"),
    ("Turnout in the Varna referendum was 64.2%.", "turnout"),
    ("The Varna referendum drew a turnout of 66 per cent.", "turnout"),
    ("More than 3 million people voting in the referendum queued for hours.", "voting"),
    ("Nine others had opted to attend a meeting on the harbour plan.", "none"),  # a choice, but no vote
])
def test_what_a_figure_counts_in_a_vote_is_read(text, state):
    from s400lib.extract.context import context_for_text
    from s400lib.extract.numbers import number_table

    numbers = number_table(context_for_text(text))
    assert [s if isinstance(s, str) else "none" for s in numbers["state"].tolist()[:1]] == [state], numbers


@pytest.mark.parametrize("left, right, conflict", [
    # two turnouts of one vote, given to a tenth of a point
    ("Turnout in the Varna referendum was 64.2%, officials said.", "The Varna referendum drew a turnout of 66.0 per cent, observers said.", True),
    # a share rounded to the percent holds the precise one
    ("In the Varna referendum, 54 percent voted to stay, officials said.", "In the Varna referendum, 53.8 per cent voted to stay, observers said.", False),
    # the turnout and one option's share are two figures
    ("Turnout in the Varna referendum was 64.2%, officials said.", "In the Varna referendum, 54.1 per cent voted to stay, observers said.", False),
    # one town's result is not the whole vote's
    ("The port town of Ostra backed the stay side. About 80 percent of ballots there were for stay, in the Varna referendum.",
     "In the Varna referendum, 54.1 per cent voted for stay, observers said.", False),
])
def test_vote_shares_conflict_only_on_one_figure_of_one_vote(two_outlets, left, right, conflict):
    co = two_outlets(left, right)
    assert (co["kind"] == "numeric").any() == conflict, co


# A count said not to have happened ("3000 people did not die") denies that count, nothing else.


def test_a_count_said_not_to_have_died_conflicts_with_that_count_told_elsewhere(two_outlets):
    co = two_outlets("An inquiry by the Halden Institute found that 1,480 people died in the heatwave of July.",
                     "“1,500 people did not die in the heatwave,” the mayor of Halden told reporters.")
    assert co["kind"].tolist() == ["polarity"], co
    assert "1,480" in co["explanation"].iloc[0] and "did not happen" in co["explanation"].iloc[0]


def test_a_count_said_not_to_have_died_is_no_conflict_with_deaths_of_another_size(two_outlets):
    # "1,500 did not die" says nothing against "people died" or "40 died", and gives no count of its own
    co = two_outlets("Many people died in the heatwave of July, and 40 people died in Halden alone, the hospitals said.",
                     "“1,500 people did not die in the heatwave,” the mayor of Halden told reporters.")
    assert co.empty, co


def test_a_count_told_as_of_an_earlier_moment_is_no_conflict_with_a_higher_later_one(two_outlets):
    co = two_outlets("Initially, only nine people were believed to have died in the Halden heatwave, the mayor said.",
                     "The hospitals of Halden said 212 people died in the heatwave.")
    assert co.empty, co
    co = two_outlets("The hospitals of Halden said nine people died in the heatwave.",
                     "The mayor of Halden said 212 people died in the heatwave.")
    assert co["kind"].tolist() == ["numeric"], co


def test_the_day_a_report_came_out_does_not_date_what_it_counts(two_outlets):
    # the release day dates the report; the span of weeks after the heatwave is the count's own, and
    # two outlets give it two lengths
    co = two_outlets("A report by the Halden Institute, published on Tuesday, found 1,480 excess deaths in the six weeks after the heatwave.",
                     "According to the Halden Institute, 1,480 people died in the four weeks after the heatwave of April 2021.")
    assert co["kind"].tolist() == ["numeric"], co
    assert "6 weeks" in co["explanation"].iloc[0] and "4 weeks" in co["explanation"].iloc[0]


def test_two_studies_tolls_told_in_one_article_conflict(two_outlets):
    # "put the toll closer to N" gives the study's figure (its author is the source); the one who puts
    # a figure on something does not own the count, so the two tolls are one attribute
    co = two_outlets("A survey by the Orvik Health Board found that 640 people died in the Orvik floods. "
                     "Another study, published in March by the Lenning School of Medicine, put the death toll closer to 1,100.",
                     "The Orvik ferry resumed service on Monday.")
    assert co["kind"].tolist() == ["numeric"], co
    explanation = co["explanation"].iloc[0]
    assert "Orvik Health Board" in explanation and "Lenning School of Medicine" in explanation


def test_a_count_told_as_the_previous_one_is_no_conflict_with_a_higher_later_one(two_outlets):
    co = two_outlets("The official death toll of the Halden heatwave had previously stood at 40, the mayor said.",
                     "The hospitals of Halden said 212 people died in the heatwave.")
    assert co.empty, co


def test_the_time_since_an_event_as_of_each_report_is_no_conflict(two_outlets):
    # two reports written a day apart count the days since the fire to their own day
    co = two_outlets("Twelve days after the Marrow warehouse fire, its cause remains unknown, officials said.",
                     "Eleven days after the Marrow warehouse fire, its cause remained a mystery, the fire chief said.")
    assert co.empty, co


def test_a_toll_one_above_the_number_killed_may_count_the_killer(two_outlets):
    co = two_outlets("A gunman killed 12 people at the Marrow market on Sunday before shooting himself, police said.",
                     "The attack at the Marrow market on Sunday left 13 people dead, the mayor said.")
    assert co.empty, co
    co = two_outlets("A gunman killed 12 people at the Marrow market on Sunday before shooting himself, police said.",
                     "The attack at the Marrow market on Sunday left 15 people dead, the mayor said.")
    assert co["kind"].tolist() == ["numeric"], co


def test_the_critically_injured_are_no_count_of_all_in_hospital_and_the_charged_none_of_the_arrested(two_outlets):
    co = two_outlets("Two people remain in a critical condition and 28 people are still in hospital, the hospital said.",
                     "Four people remain in a critical condition, a surgeon said.")
    assert co["kind"].tolist() == ["numeric"] and "critical" in co["explanation"].iloc[0], co
    co = two_outlets("Police said three men were arrested after the Marrow market fire.",
                     "Only one man has been charged over the Marrow market fire, police said.")
    assert co.empty, co


def test_a_possessive_date_or_a_dateline_dates_no_act(two_outlets):
    co = two_outlets("Lenton, June 14 (AFP): The toll from Friday's flood in Lenton has risen to 12, police said on Sunday.",
                     "The toll from the Lenton flood rose to 12 on Sunday, police said.")
    assert not (co["kind"] == "temporal").any(), co


@pytest.mark.parametrize("text,unit,state", [
    # a bare figure out of a pronoun counts the people the state puts it in
    ("Medics said 14 of them are receiving treatment at the county clinic.", "people", "in hospital"),
    ("Nine of those were still missing on Sunday.", "people", "missing"),
    # the people a count is of, named after "of"
    ("The coroner said the number of dead was 23.", "people", "dead"),
    ("By evening the total of missing stood at 41.", "people", "missing"),
    ("The number of ferries is 23.", None, None),
    ("Twelve of the 40 miners were rescued.", "miner", "rescued"),
])
def test_a_bare_count_of_people_takes_the_state_the_sentence_gives_them(text, unit, state):
    from s400lib.extract.context import context_for_text
    from s400lib.extract.numbers import number_table

    found = number_table(context_for_text(text, article_id="t"))
    first = found.iloc[0]
    assert (None if pd.isna(first["unit"]) else first["unit"]) == unit, found
    assert (None if pd.isna(first["state"]) else first["state"]) == state, found


def test_a_count_joined_with_a_crew_or_a_team_holds_them_and_one_joined_with_a_person_does_not():
    from s400lib.extract.context import context_for_text
    from s400lib.extract.numbers import number_table

    crew = number_table(context_for_text("All 64 passengers and crew on the ferry were rescued.", article_id="t")).iloc[0]
    assert (crew["low"], crew["high"]) == (64, 64)
    guide = number_table(context_for_text("Nine hikers and their guide were rescued on Sunday.", article_id="t")).iloc[0]
    assert (guide["low"], guide["high"]) == (9, 10)
