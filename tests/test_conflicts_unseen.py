"""Status and stance conflicts across outlets, on wording the rules were not written for (issue 12).

Two short articles per case (the ``two_outlets`` fixture of conftest.py), written for this test after
the rule it exercises.
"""

from __future__ import annotations


def test_a_denial_of_a_passive_report_answers_the_active_one(two_outlets):
    # "the sale had been agreed with the port": what was agreed stands before the verb, and
    # "with the port" is no object of the verb
    co = two_outlets("Harbour Holdings said on Sunday that it had agreed the sale of its ferries with the Varnan port authority.",
                     "The Varnan port authority on Monday denied that the sale of the ferries had been agreed with Harbour Holdings.")
    stance = co[co["kind"] == "stance"]
    assert len(stance) == 1, co
    assert "Varnan" in stance["explanation"].iloc[0] and "denies" in stance["explanation"].iloc[0]



def test_a_deal_struck_against_no_agreement_yet_on_the_same_day_is_a_status_conflict(two_outlets):
    # any verb that makes a deal ("struck", "produced") is the act of agreeing; two reports of one
    # day with nothing to order them disagree
    co = two_outlets("Harbour Holdings said on Thursday that it had struck a deal with the Varnan port authority over the ferry berths.",
                     "Harbour Holdings and the Varnan port authority have not yet produced an agreement over the ferry berths, "
                     "a port spokesman said on Thursday.")
    assert co["kind"].tolist() == ["status"], co


def test_no_agreement_yet_before_the_day_of_the_deal_is_a_sequence(two_outlets):
    co = two_outlets("Harbour Holdings said on Thursday that it had struck a deal with the Varnan port authority over the ferry berths.",
                     "Harbour Holdings and the Varnan port authority had not yet produced an agreement over the ferry berths "
                     "on Tuesday, a port spokesman said.")
    assert not (co["kind"] == "status").any(), co


def test_a_denial_that_shares_only_a_name_with_the_claim_before_it_rebuts_nothing(two_outlets):
    # the coast guard's denial answers a charge this article never makes; the harbour master's
    # account of the fall is not it
    co = two_outlets("The harbour master said Ida Berg fell from the Marrow pier on Friday. "
                              "The coast guard denied that Berg had been pushed.",
                     "The Marrow lifeboat crew rescued two sailors on Sunday.")
    assert co.empty, co


def test_a_denial_that_answers_the_matter_still_rebuts_it(two_outlets):
    co = two_outlets("The dockers' union accused Mayor Ivo Strand of hiding the harbour debts. "
                              "Strand denied hiding any debts.",
                     "The Marrow lifeboat crew rescued two sailors on Sunday.")
    assert co["kind"].tolist() == ["stance"], co


def test_two_sources_telling_one_death_in_two_manners_conflict(two_outlets):
    co = two_outlets("The prison service said inmate Dario Vell died of natural causes in his cell on Friday.",
                     "Dario Vell was strangled in his cell, his lawyer Mina Okoro told reporters on Saturday.")
    deaths = co[co["explanation"].str.startswith("Accounts of how")]
    assert deaths["kind"].tolist() == ["stance"], co
    assert "Dario Vell" in deaths["explanation"].iloc[0] and "natural" in deaths["explanation"].iloc[0]


def test_deaths_in_a_disaster_and_a_negated_manner_are_no_rival_accounts(two_outlets):
    co = two_outlets("Twelve miners were killed in the blast at the Varn pit, the owner Ivo Strand said. "
                              "Police said the foreman, Lena Ruud, was not murdered.",
                     "Strand said the blast that killed the foreman Lena Ruud was an accident.")
    assert not co["explanation"].str.startswith("Accounts of how").any(), co


def test_one_named_subject_doing_and_not_doing_one_act_is_a_polarity_conflict(two_outlets):
    co = two_outlets("Nadia Farouk has conceded defeat, her campaign said.",
                     "Farouk has not conceded, a spokesman told the Valley Post on Monday.")
    assert co["kind"].tolist() == ["polarity"], co


def test_two_subjects_of_one_act_are_no_polarity_conflict(two_outlets):
    co = two_outlets("Mayor Ivo Strand has resigned, the council said on Friday.",
                     "Deputy mayor Lena Ruud has not resigned, her office said on Friday.")
    assert not (co["kind"] == "polarity").any(), co


def test_a_resignation_against_a_sacking_is_a_stance_conflict(two_outlets):
    # the person sacked is the one written after the active verb, not the one who sacked
    co = two_outlets("The Ravens board sacked head coach Enzo Marr on Tuesday after a fifth straight defeat, the club said.",
                     "Enzo Marr resigned as Ravens head coach on Tuesday, his agent told the Daily Post.")
    left = co[co["explanation"].str.contains("left office")]
    assert left["kind"].tolist() == ["stance"], co
    assert "Enzo Marr" in left["explanation"].iloc[0] and "dismissal" in left["explanation"].iloc[0]


def test_a_departure_told_in_the_first_person_is_the_speakers_own(two_outlets):
    co = two_outlets("“I am stepping down today, and I leave with my head high,” Enzo Marr said at the Ravens ground.",
                     "Enzo Marr was fired by the Ravens board, two players said on Tuesday.")
    assert co["explanation"].str.contains("Accounts of how Enzo Marr left office").sum() == 1, co


def test_departures_wanted_refused_denied_or_shots_fired_are_no_accounts(two_outlets):
    co = two_outlets("Fans called on Enzo Marr to step down and demanded his resignation. Marr refused to quit. "
                     "The board denied that Marr had been sacked. Police fired tear gas at the fans outside the ground.",
                     "Enzo Marr resigned on Tuesday, the Ravens said.")
    assert not co["explanation"].str.contains("left office").any(), co


def test_a_disaster_told_as_deliberate_and_as_an_accident_is_a_stance_conflict(two_outlets):
    co = two_outlets("The fire at the Osterby grain warehouse was started deliberately, fire investigators said on Sunday.",
                     "An electrical fault caused the blaze that gutted the Osterby grain warehouse, its owner told the Osterby Gazette.")
    cause = co[co["explanation"].str.startswith("Accounts of what caused the fire")]
    assert cause["kind"].tolist() == ["stance"], co
    assert "deliberate" in cause["explanation"].iloc[0] and "electrical fault" in cause["explanation"].iloc[0]


def test_causes_hedged_or_not_ruled_out_are_no_rival_accounts(two_outlets):
    co = two_outlets("Police have not ruled out arson at the Osterby grain warehouse. The blaze may have been started "
                     "by a short circuit, a firefighter said.",
                     "Faulty wiring caused the fire at the Osterby grain warehouse, its owner said.")
    assert not co["explanation"].str.startswith("Accounts of what caused").any(), co


def test_two_times_of_one_disaster_that_cannot_both_hold_are_a_temporal_conflict(two_outlets):
    co = two_outlets("A gas explosion tore through the Marsh Lane flats at 6:50 a.m., neighbours said.",
                     "At around 7:30 a.m. an explosion destroyed three floors of the Marsh Lane flats, the council said.")
    clock = co[co["explanation"].str.startswith("The time of the explosion")]
    assert clock["kind"].tolist() == ["temporal"], co
    assert "6:50 a.m." in clock["explanation"].iloc[0] and "7:30 a.m." in clock["explanation"].iloc[0]


def test_times_that_can_both_hold_or_date_other_acts_are_no_conflict(two_outlets):
    # "shortly after 6:45" holds 6:50; the firefighters' arrival is not the time of the explosion;
    # a time in GMT is never set against one in local time
    co = two_outlets("A gas explosion tore through the Marsh Lane flats shortly after 6:45 a.m. Firefighters arrived "
                     "at 7:40 a.m., neighbours said.",
                     "The explosion at the Marsh Lane flats happened at 6:50 a.m., the council said. Another blast "
                     "hit the Dunmore depot at 11:50 GMT.")
    assert not (co["kind"] == "temporal").any(), co


def test_a_deadline_is_an_open_interval_not_a_date(two_outlets):
    # "by the end of July" and "before August" are one deadline; "after August" is none of it
    co = two_outlets("The Lenton council will choose a new harbour master by the end of July, the mayor said.",
                     "A new harbour master should be chosen by the Lenton council before August, officials said.")
    assert not (co["kind"] == "temporal").any(), co
    co = two_outlets("The Lenton council will choose a new harbour master by the end of July, the mayor said.",
                     "The Lenton council will choose a new harbour master after August, officials said.")
    assert co["kind"].tolist() == ["temporal"], co
    assert "after 2021-08" in co["explanation"].iloc[0]


def test_stepping_down_and_resigning_on_two_days_is_a_temporal_conflict(two_outlets):
    # "step down" is read whole, one act with "resign"
    co = two_outlets("Harbour master Tomas Weller will step down from the Lenton port board on July 3, the board said.",
                     "Tomas Weller will resign from the Lenton port board on July 9, two board members said.")
    assert co["kind"].tolist() == ["temporal"], co
    assert "2021-07-03" in co["explanation"].iloc[0] and "2021-07-09" in co["explanation"].iloc[0]


def test_a_winner_named_by_a_pronoun_after_his_camp_conflicts_with_the_declared_winner(two_outlets):
    co = two_outlets("The commission declared Anna Vogt the winner of the Tromsvik mayoral race on Sunday.",
                     "Karl Brenner's team said he had won the Tromsvik mayoral race on Sunday and would not concede.")
    stance = co[co["kind"] == "stance"]
    assert len(stance) == 1 and "Karl Brenner" in stance["explanation"].iloc[0] and "Anna Vogt" in stance["explanation"].iloc[0], co


def test_winning_a_share_of_the_vote_is_not_winning_the_race(two_outlets):
    co = two_outlets("The commission declared Anna Vogt the winner of the Tromsvik mayoral race on Sunday.",
                     "Karl Brenner won 44 percent in the Tromsvik mayoral race on Sunday, the commission said.")
    assert not (co["kind"] == "stance").any(), co


def test_two_sources_disputing_a_figure_conflict_across_outlets_that_each_give_both(two_outlets):
    """Each outlet gives the organisers' figure and the police's; the organisers' figure in one and the
    police's in the other are still two sources in dispute, not a revision both outlets tell."""
    co = two_outlets("Organisers said 40,000 people joined the march against the Arlen dam on Saturday. "
                     "Police said only 9,000 people joined the march.",
                     "Police said 9,000 people joined the march against the Arlen dam on Saturday, "
                     "while organisers said 40,000 people joined it.")
    across = co[co["left_text"].str.startswith("Organisers said 40,000") & co["right_text"].str.startswith("Police said 9,000 people joined the march against")]
    assert across["kind"].tolist() == ["numeric"]
    assert "9,000" in across["explanation"].iloc[0] and "40,000" in across["explanation"].iloc[0]


def test_two_spans_of_ages_with_another_oldest_conflict_and_a_country_holds_the_place_in_it(two_outlets):
    """The ends of 'aged 9 to 14' are two figures: an oldest of 14 against 15 is a conflict, although
    the spans overlap; 'in Peru' and 'in the Ancash valley' may be one place, so the figures are compared."""
    co = two_outlets("The ten climbers, aged from 19 to 24, and their guide walked into the Ancash valley in Peru on March 3.",
                     "Ten climbers aged 19 to 25 and their guide were stranded in the Ancash valley on March 3.")
    assert co["kind"].tolist() == ["numeric"] and "19 to 24" in co["explanation"].iloc[0] and "19 to 25" in co["explanation"].iloc[0]


def test_a_part_of_a_group_and_a_group_with_its_leader_are_no_other_count(two_outlets):
    """'the final batch of three Red Foxes' is a part of the nine; 'nine Red Foxes and their coach' may be
    the ten Red Foxes of the other outlet."""
    co = two_outlets("All nine Red Foxes and their coach have been brought out of the flooded mine, the brigade said. "
                     "Divers brought out the final batch of three Red Foxes on Friday.",
                     "All the ten Red Foxes are now out of the flooded mine, the brigade said.")
    assert co.empty


def test_almost_a_figure_against_more_than_it_conflicts_and_a_figure_it_is_measured_against_does_not(two_outlets):
    co = two_outlets("Organisers of the vigil put the crowd at almost 50,000 people on Saturday.",
                     "More than 50,000 people joined the vigil on Saturday, according to organisers.")
    assert co["kind"].tolist() == ["numeric"]
    co = two_outlets("Some 20,000 people joined the vigil on Saturday, organisers said.",
                     "Organisers said the vigil on Saturday drew 20,000 people, surpassed only by a march of 60,000 people in 1998.")
    assert co.empty


def test_the_same_words_from_a_chief_executive_and_from_the_firm_he_speaks_for_are_no_attribution_conflict(two_outlets):
    words = "We are doing everything we can to understand the cause of the fire and to make sure it never happens again"
    co = two_outlets(f"“{words},” Ana Ruiz, Harbor Lines chief executive, said in a statement on Friday.",
                     f"Harbor Lines runs the ferry. “{words},” the company said on Friday.")
    assert co.empty
    co = two_outlets(f"“{words},” Ana Ruiz, the mayor, said in a statement on Friday.",
                     f"“{words},” Harbor Lines said on Friday.")
    assert co["kind"].tolist() == ["attribution"]


def test_a_vow_the_events_overtook_is_no_account_against_them(two_outlets):
    # what was vowed, promised or predicted is an intention, not a report of what happened
    co = two_outlets("The harbour master Ida Berg resigned on Monday after the audit.",
                     "Her deputy had vowed that Berg would never resign over the audit.")
    assert not (co["kind"] == "polarity").any(), co
    # a plain account of the opposite still is one
    co = two_outlets("The harbour master Ida Berg resigned on Monday after the audit.",
                     "Her deputy said that Berg did not resign over the audit.")
    assert (co["kind"] == "polarity").sum() == 1, co


def test_a_resignation_called_voluntary_and_one_called_forced_are_rival_accounts(two_outlets):
    co = two_outlets("Harbour master Ida Berg said in a letter that her decision to step down was voluntary.",
                     "Ida Berg was forced to resign on Monday after the audit, her colleagues said.")
    stance = co[co["kind"] == "stance"]
    assert len(stance) == 1, co
    assert "Ida Berg" in stance["explanation"].iloc[0] and "forced" in stance["explanation"].iloc[0]
    # forced to resign is still a resignation: a plain "resigned" says nothing against it
    co = two_outlets("Harbour master Ida Berg resigned on Monday.",
                     "Ida Berg was forced to resign on Monday after the audit, her colleagues said.")
    assert co.empty, co


def test_a_ship_put_in_a_country_s_waters_and_none_there_is_a_polarity_conflict(two_outlets):
    # the place nouns differ ("waters" / "territory"), one owner is an adjective and the other a possessive
    co = two_outlets("The Varnan coast guard said two Ostrian patrol boats entered Varna's waters near the reef on Sunday.",
                     "An Ostrian navy spokesman said no Ostrian boat was sailing in Varnan territory that day.")
    places = co[co["explanation"].str.startswith("Whether it happened in")]
    assert places["kind"].tolist() == ["polarity"], co
    assert "Varnan coast guard" in places["explanation"].iloc[0] or "coast guard" in places["explanation"].iloc[0]


def test_a_denial_that_anything_entered_the_airspace_answers_the_entry(two_outlets):
    co = two_outlets("Ostria's air force said a Varnan fighter jet crossed into Ostrian airspace on Tuesday.",
                     "The Varnan defence ministry denied that any of its aircraft had violated Ostrian airspace.")
    assert "polarity" in co.loc[co["explanation"].str.contains("Ostrian airspace"), "kind"].tolist(), co


def test_one_incident_put_in_two_owners_places_is_a_stance_conflict(two_outlets):
    co = two_outlets("The Varnan navy said it fired warning shots at the trawler inside Varnan waters.",
                     "The trawler's owner said the crew were fishing in international waters when the navy fired at them.")
    places = co[co["explanation"].str.startswith("Where it happened differs")]
    assert places["kind"].tolist() == ["stance"], co
    assert "Varnan waters" in places["explanation"].iloc[0] and "international waters" in places["explanation"].iloc[0]


def test_places_agreed_or_of_unrelated_acts_are_no_conflict(two_outlets):
    # the same owner told twice, and two owners' waters that share no act or thing
    co = two_outlets("The ministry said the fighter jets flew over Ostrian territory on Monday. "
                     "Rescuers searched Varnan waters for the missing swimmers.",
                     "Observers said the jets crossed into Ostrian airspace. Fishermen were detained in international waters.")
    assert not co["explanation"].str.contains("Where it happened|Whether it happened").any(), co


def test_owner_keys_read_a_nationality_and_its_country_as_one_owner():
    from s400lib.extract.places import owner_key, same_owner

    assert owner_key("Iranian") == owner_key("Iran's") == "iran"
    assert same_owner(owner_key("Turkish"), owner_key("Turkey"))
    assert same_owner(owner_key("Chinese"), owner_key("China"))
    assert not same_owner(owner_key("Austrian"), owner_key("Australian"))
    assert not same_owner(owner_key("Iraqi"), owner_key("Iranian"))
    assert owner_key("international") == "international"


def test_two_times_of_one_fire_written_the_british_way_conflict(two_outlets):
    co = two_outlets("The fire at the Varna depot broke out at 6.20pm, firefighters said.",
                     "The fire at the Varna depot started at about 7.10pm, a police spokesman said.")
    assert co["kind"].tolist() == ["temporal"], co
    assert "6.20pm" in co["explanation"].iloc[0] and "7.10pm" in co["explanation"].iloc[0]


def test_a_counter_assertion_after_however_answers_the_party_before_it(two_outlets):
    co = two_outlets("Mayor Ivo Strand said the harbour police had acted brutally at the docks. However, the police chief, "
                     "Lena Dahl, insisted her police officers had behaved professionally.",
                     "The Marrow lifeboat crew rescued two sailors on Sunday.")
    stance = co[co["kind"] == "stance"]
    assert len(stance) == 1 and "Ivo Strand" in stance["explanation"].iloc[0] and "Lena Dahl" in stance["explanation"].iloc[0], co


def test_one_rebuttal_answers_the_two_parties_before_it_and_no_one_else(two_outlets):
    co = two_outlets("Union leader Mara Quist said the police response at the docks was excessive, while Mayor Olaf Brenn "
                     "demanded an inquiry into the police operation. However, the police chief, Lena Dahl, maintained that "
                     "the police had followed orders.",
                     "Mara Quist, however, insisted the lifeboat crew had done well on Sunday.")
    stance = co[co["kind"] == "stance"]
    explained = " ".join(stance["explanation"])
    assert len(stance) == 2 and "Mara Quist" in explained and "Olaf Brenn" in explained, co


def test_every_pair_of_rival_crowd_counts_is_listed_not_only_the_first_three(tmp_path):
    # four outlets, two counts of one rally: the organisers' (told twice) against the police's (told
    # twice) are four true conflicts of one topic; a cap per topic or per claim used to keep three
    import s400lib as sl

    bodies = {
        "a.txt": "The organisers of Saturday's rally in Corvane said 400,000 people marched to the harbour.",
        "b.txt": "Some 400,000 people joined the Corvane rally on Saturday, its organisers said.",
        "c.txt": "Corvane police said 70,000 people took part in Saturday's rally at its height.",
        "d.txt": "A police spokesman put Saturday's Corvane rally at 70,000 people.",
    }
    for name, body in bodies.items():
        (tmp_path / name).write_text(f"---\noutlet: Outlet {name[0]}\npublished: 2021-06-14\n---\nRally\n\n{body}\n", encoding="utf-8")
    co = sl.contradictions(sl.parse(sl.load_corpus(tmp_path), progress=False))
    pairs = {frozenset((r.left_article, r.right_article)) for r in co.itertuples() if r.kind == "numeric"}
    organisers, police = ("a", "b"), ("c", "d")
    assert {frozenset((o, p)) for o in organisers for p in police} <= pairs, co
    assert frozenset(organisers) not in pairs and frozenset(police) not in pairs, co


def test_a_voluntary_decision_told_after_the_resignation_is_an_account_of_it(two_outlets):
    # "the decision" names the resignation the sentence before tells
    co = two_outlets("Harbour minister Clara Voss resigned on Monday. Her office said the decision was entirely voluntary.",
                     "Clara Voss was forced to resign after the port scandal, two of her aides said.")
    will = co[co["explanation"].str.contains("willingly")]
    assert will["kind"].tolist() == ["stance"], co


def test_a_voluntary_decision_after_something_else_is_no_account_of_a_departure(two_outlets):
    co = two_outlets("Harbour minister Clara Voss raised the berth fees on Monday. Her office said the decision was entirely voluntary.",
                     "Clara Voss was forced to resign after the port scandal, two of her aides said.")
    assert not co["explanation"].str.contains("willingly").any(), co


def test_one_dispute_told_by_two_outlets_is_listed_for_each(tmp_path):
    import s400lib as sl

    bodies = {
        "a.txt": "Clara Voss was forced to resign as harbour minister, her aides said.",
        "b.txt": "Clara Voss said her decision to resign as harbour minister was voluntary.",
        "c.txt": "In a letter, Clara Voss wrote that she resigned as harbour minister of her own free will.",
    }
    for name, body in bodies.items():
        (tmp_path / name).write_text(f"---\noutlet: Outlet {name[0]}\npublished: 2021-06-14\n---\nVoss\n\n{body}\n", encoding="utf-8")
    co = sl.contradictions(sl.parse(sl.load_corpus(tmp_path), progress=False))
    will = co[co["explanation"].str.contains("willingly")]
    assert {frozenset((r.left_article, r.right_article)) for r in will.itertuples()} == {frozenset("ab"), frozenset("ac")}, co


def test_a_toll_told_as_risen_to_is_later_than_a_lower_one_elsewhere(tmp_path):
    # neither article is dated; "had risen to" says which count came later
    import s400lib as sl

    for name, body in (("a.txt", "At least 25 people died when the Varna dam burst, officials said."),
                       ("b.txt", "The death toll from the Varna dam burst had risen to 40, officials said.")):
        (tmp_path / name).write_text(f"Dam\n\n{body}\n", encoding="utf-8")
    co = sl.contradictions(sl.parse(sl.load_corpus(tmp_path), progress=False))
    assert not (co["kind"] == "numeric").any(), co


def test_a_round_estimate_is_no_rounding_of_a_figure_a_third_below_it(two_outlets):
    co = two_outlets("Ana Ruiz, who runs the ambulance service, said 67 people had died in the Varna blast, "
                     "while the local Delta radio station put the death toll at 100.",
                     "The Marrow lifeboat crew rescued two sailors on Sunday.")
    numeric = co[co["kind"] == "numeric"]
    assert len(numeric) == 1 and "67" in numeric["explanation"].iloc[0] and "100" in numeric["explanation"].iloc[0], co


def test_a_capital_and_a_ministry_of_its_state_are_one_voice_for_a_quote(two_outlets):
    co = two_outlets("The ferry was “sunk by a mine laid by smugglers”, Ankara said on Monday.",
                     "The Turkish foreign ministry said the ferry was “sunk by a mine laid by smugglers”.")
    assert not (co["kind"] == "attribution").any(), co


def test_a_denial_answers_the_party_that_blamed_just_before_it(two_outlets):
    # "blamed" states its subject's position, so the denial after it answers that party
    co = two_outlets("Local fishermen blamed the Marrow Shipping Company for the oil spill in the bay. "
                     "The company denied any involvement in a statement blaming a foreign tanker.",
                     "The Marrow lifeboat crew rescued two sailors on Sunday.")
    stance = co[co["kind"] == "stance"]
    assert len(stance) == 1 and "fishermen" in stance["explanation"].iloc[0].lower(), co


def test_a_tally_told_while_the_votes_were_counted_is_no_rival_of_the_final_one(two_outlets):
    co = two_outlets("Ana Ruiz had 56 percent of the votes counted after eight of the ten districts had been declared.",
                     "Ana Ruiz won the Varna mayoral election with 51.2 percent of the vote, the election board said.")
    assert not (co["kind"] == "numeric").any(), co


def test_a_candidate_celebrating_his_own_victory_names_a_rival_winner(two_outlets):
    co = two_outlets("Ivan Koller's supporters danced in the streets as Koller celebrated his victory in the Varna mayoral race.",
                     "The election board declared Ana Ruiz the winner of the Varna mayoral race on Monday.")
    assert (co["kind"] == "stance").any(), co


def test_a_party_rejecting_the_result_answers_the_winner_it_gave(two_outlets):
    co = two_outlets("The election board declared Ana Ruiz the winner of the Varna mayoral race with 51 percent of the vote.",
                     "Rival candidate Ivan Koller has rejected the results, his campaign said on Monday.")
    result = co[co["explanation"].str.contains("rejects the result")]
    assert result["kind"].tolist() == ["stance"] and "Ana Ruiz" in result["explanation"].iloc[0], co


def test_a_rejection_of_a_result_is_not_set_against_its_own_sides_celebration(two_outlets):
    co = two_outlets("Ivan Koller's supporters cheered the celebration of his victory in the Varna mayoral race.",
                     "Koller has rejected the results, his campaign said on Monday.")
    assert not co["explanation"].str.contains("rejects the result").any(), co


def _undated_pair(tmp_path, left: str, right: str):
    import s400lib as sl

    for name, body in (("a.txt", left), ("b.txt", right)):
        (tmp_path / name).write_text(f"Report\n\n{body}\n", encoding="utf-8")
    return sl.contradictions(sl.parse(sl.load_corpus(tmp_path), progress=False))


def test_one_craft_coming_down_on_two_weekdays_is_a_temporal_conflict_when_no_date_pins_them(tmp_path):
    # with no publication date the weekdays stay weekdays; "went down" and "crashed" are one act, and
    # the named flight is what it happened to
    co = _undated_pair(tmp_path, "Varn Air Flight 212 went down Tuesday evening on its way from Lenton to Dorr.",
                       "Varn Air Flight 212 crashed into the Dorr strait with 40 people aboard on Wednesday.")
    assert co["kind"].tolist() == ["temporal"], co[["left_text", "right_text", "kind"]]
    assert "dated a Tuesday" in co["explanation"].iloc[0] and "dated a Wednesday" in co["explanation"].iloc[0], co["explanation"].iloc[0]
    # the same weekday in both is no dispute
    co = _undated_pair(tmp_path, "Varn Air Flight 212 went down Tuesday evening on its way from Lenton to Dorr.",
                       "Varn Air Flight 212 crashed into the Dorr strait with 40 people aboard on Tuesday.")
    assert not (co["kind"] == "temporal").any(), co[["left_text", "right_text", "kind"]]


def test_a_report_the_text_calls_a_false_alarm_is_the_opposite_of_the_report(two_outlets):
    co = two_outlets("Rescue boats returned to port after a false alarm that the missing ferry had been found near Dorr.",
                     "The missing ferry was located near Dorr overnight, according to the coast guard.")
    assert co["kind"].tolist() == ["polarity"], co
    # a report nobody calls untrue is no conflict
    co = two_outlets("Rescue boats returned to port after reports that the missing ferry had been found near Dorr.",
                     "The missing ferry was located near Dorr overnight, according to the coast guard.")
    assert not (co["kind"] == "polarity").any(), co


def test_finding_a_thing_is_locating_it_and_finding_a_fact_is_not():
    from s400lib.extract.claims import claim_table
    from s400lib.extract.context import context_for_text

    def frames(text: str) -> str:
        return "|".join(v for v in claim_table(context_for_text(f"Report\n\n{text}"))["frames"] if isinstance(v, str))

    assert "locate:+" in frames("The wreckage of the ferry was found near Dorr on Monday.")
    assert "locate:+" in frames("Divers located the wreckage of the ferry near Dorr on Monday.")
    found = frames("The inquiry found that the ferry crew had been working for twenty hours.")
    assert "locate" not in found and "find:+" in found, found


def test_an_act_still_to_come_against_the_same_act_done_is_a_status_conflict(two_outlets):
    co = two_outlets("Harbour master Tomas Weller said he would step down at the end of the season.",
                     "Tomas Weller has resigned as Lenton harbour master.")
    assert co["kind"].tolist() == ["status"], co
    co = two_outlets("The Lenton council announced its intention to revoke the ferry licence of Varn Lines.",
                     "The Lenton council has revoked the ferry licence of Varn Lines, the mayor said.")
    assert co["kind"].tolist() == ["status"], co
    # a decision to resign is no resignation still to come
    co = two_outlets("Tomas Weller said his decision to resign was his own.",
                     "Tomas Weller has resigned as Lenton harbour master.")
    assert not (co["kind"] == "status").any(), co


def test_a_claim_called_false_by_another_party_after_a_semicolon_is_answered(two_outlets):
    co = two_outlets("The harbour is calm again. Varnia claimed that its navy rescued 44 sailors from the burning ferry; "
                     "the Ostrian government has called Varnia’s claim “patently false.”",
                     "Fishing boats returned to Lenton on Monday.")
    stance = co[co["kind"] == "stance"]
    assert len(stance) == 1, co
    assert "rescued 44 sailors" in stance["left_text"].iloc[0] + stance["right_text"].iloc[0]


def test_the_capped_list_shows_each_pair_of_outlets_that_disagree_before_repeating_one(tmp_path):
    import s400lib as sl

    (tmp_path / "a.txt").write_text("March\n\nOrganisers said 80,000 people marched through the port on Sunday.\n\n"
                                    "The organisers put the crowd at 80,000 people by the evening.\n\n"
                                    "Some 80,000 people joined the march, the organisers said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("March\n\nPolice said 12,000 people marched through the port on Sunday.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Harbour\n\nPolice counted 12,000 marchers.\n", encoding="utf-8")
    tables = sl.parse(sl.load_corpus(tmp_path), progress=False)
    every = sl.contradictions(tables, max_rows=None)
    # the organisers' account against each police account: several rows for a and b, fewer and weaker for a and c
    assert {frozenset(p) for p in zip(every["left_article"], every["right_article"])} == {frozenset("ab"), frozenset("ac")}
    two = sl.contradictions(tables, max_rows=2)
    assert {frozenset(p) for p in zip(two["left_article"], two["right_article"])} == {frozenset("ab"), frozenset("ac")}
    assert two["score"].is_monotonic_decreasing


def test_the_same_words_from_a_state_body_and_from_a_person_are_no_attribution_conflict(two_outlets):
    # an official's words are reported as her ministry's or her country's; the texts seldom say she speaks for it
    words = "The bridge will reopen to lorries only when the inspectors have checked every cable"
    co = two_outlets(f"“{words},” the Norwegian Transport Ministry said on Monday.",
                     f"“{words},” said Ada Brun on Monday.")
    assert not (co["kind"] == "attribution").any(), co
    # two people credited with the same words are still a dispute over who said them
    co = two_outlets(f"“{words},” Mayor Ada Brun said on Monday.", f"“{words},” said Governor Piet Olsen on Monday.")
    assert co["kind"].tolist() == ["attribution"]
