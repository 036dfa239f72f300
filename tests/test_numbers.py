"""Numbers with units: scale words, currencies, counted nouns, vague magnitudes, names and dates left out."""

from __future__ import annotations

import math

import pandas as pd

import pytest

from s400lib.extract.context import context_for_text
from s400lib.extract.numbers import interval, number_table


def _numbers(text):
    return number_table(context_for_text(text))


def test_counted_noun_currency_and_measure():
    t = _numbers("Ankara bought four S-400 divisions. The deal was worth $ 2.5 billion. The range is up to 600 km.")
    rows = {r.text: r for r in t.itertuples()}
    assert rows["four S-400 divisions"].value == 4 and rows["four S-400 divisions"].unit == "division"
    assert rows["$ 2.5 billion"].value == 2.5e9 and rows["$ 2.5 billion"].unit == "USD"
    assert rows["up to 600 km"].value == 600 and rows["up to 600 km"].unit == "km"
    assert pd_na(rows["up to 600 km"].low) and rows["up to 600 km"].high == 600


def pd_na(v):
    import pandas as pd

    return v is None or pd.isna(v)


def test_multi_billion_is_an_interval_consistent_with_a_figure():
    t = _numbers("They signed a multi-billion dollar contract. Another report put it at $ 2.5 billion.")
    vague = t[t["text"] == "multi-billion dollar"].iloc[0]
    exact = t[t["text"] == "$ 2.5 billion"].iloc[0]
    assert pd_na(vague["value"]) and bool(vague["approx"]) and vague["unit"] == "USD"
    lo, hi = interval(vague)
    assert lo <= exact["value"] <= hi


def test_model_names_years_and_durations_are_not_quantities():
    t = _numbers("The F-35 and the S-400 were discussed in 2019, within 30 days of the Su-35 order.")
    assert t.empty, t[["text"]]


def test_mislabelled_count_is_kept_and_words_combine():
    t = _numbers("Forty soldiers were killed. Twenty-five tanks and about 40 jets were lost, 12.5% of the fleet.")
    got = dict(zip(t["text"], t["value"]))
    assert got["Forty soldiers"] == 40
    assert got["Twenty-five tanks"] == 25
    assert got["about 40 jets"] == 40 and bool(t.loc[t["text"] == "about 40 jets", "approx"].iloc[0])
    assert got["12.5%"] == 12.5


def test_seed_numbers_and_offsets(seed_tables):
    n = seed_tables.numbers
    texts = set(n["text"])
    assert {"four S-400 divisions", "$ 2.5 billion", "multi-billion dollar", "up to 600 km", "400 km"} <= texts
    assert not any(t.strip() in {"400", "35", "2019", "2021", "2017"} for t in texts)
    for row in n.itertuples():
        assert seed_tables.text_of(row.article_id)[row.start : row.end] == row.text
    assert not math.isnan(float(n.loc[n["text"] == "$ 2.5 billion", "value"].iloc[0]))


@pytest.mark.parametrize("text", ["", "No numbers here at all."])
def test_empty_has_schema_columns(text):
    t = _numbers(text) if text else _numbers("Nothing.")
    assert {"article_id", "sent_id", "start", "end", "text", "value", "unit", "low", "high", "approx"} <= set(t.columns)


@pytest.mark.parametrize("text, low, high, unit", [
    ("Between 40 and 55 trucks crossed the border.", 40, 55, "truck"),
    ("The repairs cost 2 to 3 million euros.", 2e6, 3e6, "EUR"),
    ("Some 600-700 workers joined the strike.", 600, 700, "worker"),
    # "from" opens a range after "anywhere" or a verb of spanning, a change after any other verb
    ("The clinic saw anywhere from 30 to 45 patients a day.", 30, 45, "patient"),
    ("Bids for the painting ranged from 2 to 4 million dollars.", 2e6, 4e6, "USD"),
])
def test_a_range_is_one_count_known_to_an_interval(text, low, high, unit):
    table = number_table(context_for_text(text))
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["low"], row["high"], row["unit"]) == (low, high, unit)
    assert text[row["start"] : row["end"]] == row["text"]


def test_a_change_from_one_figure_to_another_is_two_figures():
    table = number_table(context_for_text("Fares rose from 12 to 15 euros."))
    assert len(table) == 2


@pytest.mark.parametrize("sentence, old, new", [
    # the old figure after the new one, behind a noun for an earlier figure
    ("The province cut the flood toll to 88 people from an initial estimate of 120.", "120", "88 people"),
    ("Organisers lowered their count to 9,000 marchers from 11,500 on Sunday evening.", "11,500", "9,000 marchers"),
    # ... and before it
    ("The ministry raised the figure from the earlier tally of 14 to 19 patients.", "14", "19 patients"),
])
def test_both_figures_of_a_change_count_one_thing(sentence, old, new):
    rows = {r.text: r for r in number_table(context_for_text(sentence)).itertuples()}
    assert (str(rows[old].unit), str(rows[old].state)) == (str(rows[new].unit), str(rows[new].state)), rows
    assert rows[new].unit != "<NA>" and not pd.isna(rows[new].unit)


@pytest.mark.parametrize("text, value, unit", [
    ("Twelve of the 40 miners were rescued on Friday.", 12, "miner"),
    ("A quarter of the 200 delegates walked out.", 50, "delegate"),
    ("Two thirds of its 900 employees signed the letter.", 600, "employee"),
])
def test_a_count_taken_out_of_a_total_counts_what_the_total_counts(text, value, unit):
    table = number_table(context_for_text(text))
    part = table.iloc[0]
    assert (part["value"], part["unit"]) == (value, unit)
    assert text[part["start"] : part["end"]] == part["text"]


@pytest.mark.parametrize("sentence, text, state", [
    ("At least 23 miners died in the blast.", "23 miners", "dead"),
    ("The blast injured 40 workers at the site.", "40 workers", "injured"),
    ("Seven fishermen are still missing.", "Seven fishermen", "missing"),
    ("Rescuers pulled 16 people from the rubble alive.", "16 people", "rescued"),
    ("Police detained 85 protesters overnight.", "85 protesters", "arrested"),
    ("The toll has climbed to 31.", "31", "dead"),
    ("The ferry carried 300 passengers.", "300 passengers", None),
])
def test_a_count_of_people_says_what_happened_to_them(sentence, text, state):
    rows = _numbers(sentence)
    row = rows[rows["text"].str.endswith(text)].iloc[0]
    assert (None if pd.isna(row["state"]) else row["state"]) == state


def test_a_plural_abbreviated_measure_is_its_unit():
    t = _numbers("The dam lies 35 Kms upstream and the crates weighed 20 kgs each.")
    units = dict(zip(t["text"], t["unit"]))
    assert units.get("35 Kms") == "km" and units.get("20 kgs") == "kg", units


def test_a_figure_an_estimate_puts_on_its_object_counts_that_object():
    t = _numbers("Organisers put the crowd at 12,000. The insurer estimated the number of damaged homes at 450. "
                 "Officials put the toll at nine.")
    units = dict(zip(t["text"], t["unit"]))
    assert units.get("12,000") == "people" and units.get("450") == "home", t[["text", "unit", "state"]]
    assert t.loc[t["text"] == "nine", "state"].tolist() == ["dead"] and units.get("nine") == "people"


def test_almost_and_just_over_bound_a_figure_from_one_side_and_a_crowd_is_people_but_a_population_is_not():
    rows = {r.text: r for r in _numbers(
        "Almost 20,000 fans came, just over 300 stewards worked and nearly 45 buses ran. "
        "The valley, home to a population of 2.1 million people, saw 8,000 marchers and 600 participants.").itertuples()}
    assert (rows["Almost 20,000 fans"].low, rows["Almost 20,000 fans"].high) == (18000, 20000)
    assert rows["just over 300 stewards"].low == 300 and rows["just over 300 stewards"].high == pytest.approx(330)
    assert (rows["nearly 45 buses"].low, rows["nearly 45 buses"].high) == (40.5, 45)
    assert rows["8,000 marchers"].unit == rows["600 participants"].unit == "people"
    assert rows["2.1 million people"].unit == "inhabitant"


def test_who_does_an_act_to_others_is_not_in_the_state_the_act_leaves_them():
    rows = {r.text: r for r in _numbers(
        "Three gunmen killed 11 villagers. Two divers who helped rescue 9 trapped miners were praised. "
        "The 30 people who died were farmers.").itertuples()}
    assert pd.isna(rows["Three gunmen"].state) and rows["11 villagers"].state == "dead"
    assert pd.isna(rows["Two divers"].state) and rows["9 trapped miners"].state == "rescued"
    assert rows["30 people"].state == "dead"


def test_a_part_of_a_count_a_group_with_one_added_member_ages_and_a_qualifier_before_a_or_a_line_break():
    rows = {r.text: r for r in _numbers(
        "More than a million fans watched. Guards led out the last batch of five pupils and later the final "
        "three pupils, and arrested 14 more looters. Nine pupils and their teacher, aged from 8 to 13, were safe.").itertuples()}
    assert rows["More than a million fans"].low == 1e6 and pd_na(rows["More than a million fans"].high)
    assert rows["five pupils"].state == rows["three pupils"].state == rows["14 more looters"].state == "part"
    assert (rows["Nine pupils"].low, rows["Nine pupils"].high) == (9, 10)
    assert (rows["8 to 13"].unit, rows["8 to 13"].low, rows["8 to 13"].high) == ("age", 8, 13)
    # a wire story hard-wrapped at a fixed width: the line break inside "more than / six" is a space
    wrapped = ("The hut where the four climbers sheltered lies more than\n"
               "six kilometres up the valley, rescuers said early on Friday\n"
               "after a long night of searching in deep snow and thick fog\n"
               "that had closed the only road to the village far below it.\n"
               "Helicopters could not fly until the fog lifted at noon and\n"
               "the first team reached the hut on foot two hours after that\n"
               "to find the climbers cold and hungry but otherwise unhurt\n"
               "and able to walk down with the team before night fell again.")
    km = _numbers(wrapped).set_index("text").loc["more than\nsix kilometres"]
    assert km.low == 6 and pd_na(km.high)


def test_a_figure_set_beside_another_as_its_measure_counts_something_else():
    rows = {r.text: r for r in _numbers(
        "The vigil was among the largest ever, surpassed only by a march of 2 million people in 1998. "
        "It was larger than the 400,000 people of the 2011 rally. More than 300 people stayed overnight.").itertuples()}
    assert rows["2 million people"].state == rows["400,000 people"].state == "compared"
    assert pd.isna(rows["More than 300 people"].state)


def test_a_figure_that_names_a_model_a_flight_or_a_chapter_counts_nothing():
    rows = _numbers("Officials grounded every Antonov 124 Ruslan jet and all Fokker 100 jets. The firm filed for Chapter 11 "
                    "protection. Voters gave Okafor 306 electoral votes. The navy fired 12 Tomahawk missiles.")
    assert rows["text"].tolist() == ["306 electoral votes", "12 Tomahawk missiles"]


@pytest.mark.parametrize("text, value, unit, state", [
    # the model reads "48 for weeks" and "only 48" as dates; they are the value of a toll
    ("The official death toll had stood at 48 for weeks.", 48, "people", "dead"),
    ("The region's official death count was previously only 48.", 48, "people", "dead"),
    ("That is far above the official death count of 48.", 48, "people", "dead"),
])
def test_the_value_of_a_toll_is_a_count_of_the_dead_even_inside_a_date(text, value, unit, state):
    table = number_table(context_for_text(text))
    assert [(r.value, r.unit, r.state) for r in table.itertuples()] == [(value, unit, state)], table


@pytest.mark.parametrize("text", ["Regulators grounded the popular 787 Dreamliner for a week.",
                                  "The airline still flies its old 747 Jumbo on two routes."])
def test_a_figure_before_a_singular_name_is_a_models_number_not_a_count(text):
    assert not number_table(context_for_text(text))["text"].str.contains("7").any()


@pytest.mark.parametrize("text, value, state", [("The blast killed 14 people and injured 230 on Friday.", 230, "injured"),
                                                 ("Coastguards rescued 41 from the ferry overnight.", 41, "rescued")])
def test_a_bare_count_of_a_state_counts_people(text, value, state):
    table = number_table(context_for_text(text))
    row = table[table["value"] == value].iloc[0]
    assert (row["unit"], row["state"]) == ("people", state), table


@pytest.mark.parametrize("text, value, state", [
    ("Four people remain in a critical condition, the hospital said.", 4, "critical"),
    ("Nine people remained in critical condition overnight.", 9, "critical"),
    ("In all, 28 people are still in hospital.", 28, "in hospital"),
    ("Two men have been charged with arson.", 2, "charged"),
])
def test_counts_of_the_injured_in_one_condition_and_of_the_charged_are_their_own_counts(text, value, state):
    table = number_table(context_for_text(text))
    row = table[table["value"] == value].iloc[0]
    assert row["state"] == state, table


def test_a_bare_figure_given_as_the_number_of_what_was_counted_before_counts_it_too():
    rows = _numbers("Ferry owners said 9,000 passengers crossed on Friday, but the coastguard said the number was "
                    "6,500 at most.")
    assert rows.loc[rows["text"] == "6,500", "unit"].tolist() == ["passenger"]
    rows = _numbers("Organisers say 20,000 people rallied in the square. Police said their own estimate was 7,000.")
    assert rows.loc[rows["text"] == "7,000", ["unit", "state"]].values.tolist() == [["people", "attending"]]
    # a sum of money is no "number" of anything, and a figure with no such noun before it stays bare
    rows = _numbers("The port spent 4 million euros on cranes. The number was 240,000 in 2010.")
    assert rows.loc[rows["text"] == "240,000", "unit"].isna().all()
    rows = _numbers("Organisers say 20,000 people rallied in the square. Turnout in the vote was 7,000.")
    assert rows.loc[rows["text"] == "7,000", "unit"].isna().all()
