"""Accusations and their denials (issue 12: "stance: an accusation against its denial"), on wording
written for these tests after the rules of :mod:`s400lib.extract.blame` and :mod:`s400lib.compare.culprits`."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,expected", [
    ("Western officials said Tehran was behind the drone strike on the refinery.", "blames|Tehran|strike drone"),
    ("Investigators hold the Marrow cartel responsible for the abduction of the two reporters.", "blames|Marrow cartel|abduction"),
    ("Prosecutors accused the colonel of ordering the shelling of the village.", "blames|colonel|shelling"),
    ("The massacre was carried out by the Varn militia, survivors told the court.", "blames|Varn militia|massacre"),
    ("A little-known group calling itself the Ash Brigade claimed responsibility for the bombing.", "blames|Ash Brigade|bombing"),
    ("The Ostrian government denied any involvement in the assassination of the dissident.", "denies|Ostrian government|assassination"),
    ("Ostria said it had nothing to do with the poisoning of the defector.", "denies|Ostria|poisoning"),
    ("The Varn militia denied carrying out the massacre.", "denies|Varn militia|massacre"),
    ("The colonel was not responsible for the shelling, his lawyer said.", "denies|colonel|shelling"),
    ("The ministry rejected allegations that it orchestrated the hacking of the election servers.", "denies|ministry|hacking"),
    # a second verb sharing the subject of the first, a gerund of denial, the speaker's own "we"
    ("The bombing was prepared abroad and ordered by General Kofi Osei, the prosecutor said.", "blames|General Kofi Osei|bombing"),
    ("The Varn militia has denied being involved in the ambush.", "denies|Varn militia|ambush"),
    ("“We carried out the bombing,” the Ash Brigade said in a statement.", "blames|Ash Brigade|bombing"),
    ("Ostria said it had nothing to do with the poisoning of the defector.", "denies|Ostria|poisoning"),
    # where a denial was made is no event of it
    ("The Varn militia denied any involvement in a statement on Monday.", "denies|Varn militia|"),
    # an event denied to have come from a place: the place is the party
    ("The shelling could not have come from Ostria, the border commander insisted.", "denies|Ostria|shelling"),
    ("Officials said the raids were not launched from Varnia.", "denies|Varnia|raid"),
    # accusations against a party called false: a denial of the event its article charged
    ("The envoy said the allegations against Valdoria were pure fabrication.", "denies|Valdoria|"),
    ("Claims against the Varn militia are baseless, its commander said.", "denies|Varn militia|"),
    ("The charges against the colonel are serious, the judge said.", None),
    # a weapon whose use is denied is the event; the kind of an attack is kept with it
    ("The Ostrian army denied using cluster bombs.", "denies|Ostrian army|bomb cluster"),
    ("Monitors said the Ostrian army was responsible for two cluster bomb attacks.", "blames|Ostrian army|attack bomb"),
    # a share in the event the party is said not to have; a denial "in the matter" names no event of its own
    ("A senior Ostrian official told reporters that Ostria has no connection with the explosions.", "denies|Ostria|explosion"),
    ("The Varn militia had no role in the bombing of the ferry, its leader said.", "denies|Varn militia|bombing"),
    ("The Varn militia has denied involvement in the matter.", "denies|Varn militia|"),
    # the party is the whole name its word heads
    ("Officials said the Islamic Republic of Varnia was responsible for the raid.", "blames|Islamic Republic of Varnia|raid"),
    # an act of harm told with who did it, in the passive or the active
    ("The ferry was set on fire by the coast guard, the mayor said.", "blames|coast guard|fire"),
    ("Militiamen torched the market in Varn on Sunday, residents said.", "blames|Militiamen|fire"),
    ("Smugglers set the warehouse on fire before dawn.", "blames|Smugglers|fire"),
])
def test_who_a_claim_holds_responsible_for_what(claim_value, text, expected):
    assert claim_value(text, "blame") == expected


@pytest.mark.parametrize("text", [
    "A small fire broke out behind the town hall on Sunday.",                      # "behind" a place
    "Either the cartel ordered the abduction or a rival gang acted alone.",        # one of alternatives
    "No group has claimed responsibility for the bombing.",                        # claiming nothing denies nothing
    "The ministry ordered forty new ambulances.",                                   # an order of goods
    "Police carried out searches across the city.",                                 # no event of harm
    "The minister did not blame Ostria for the poisoning.",                          # nobody accused, nobody denied
    "Mayor Ana Ruiz said they had carried out the abduction.",                      # "they" is not the mayor
    "There were two explanations: either Ostria was behind the poisoning or it lost control of the poison.",
    "The ferry company has no connection to the mayor, its lawyer said.",            # a tie to someone, no event
    "The warehouse caught fire on Sunday.",                                          # a fire nobody set
    "Ferries Set On Fire at Lenton Pier",                                            # a headline's passive: what burned
])
def test_no_accusation_where_none_is_made(claim_value, text):
    assert claim_value(text, "blame") is None


def test_an_accusation_in_one_outlet_and_its_denial_in_another_conflict(two_outlets):
    co = two_outlets("Western officials said on Sunday that Ostria was behind the poisoning of the defector Ivan Belin.",
                     "The Ostrian foreign ministry denied any Ostrian role in the poisoning of Belin.")
    blame = co[co["explanation"].str.contains("is responsible for the poisoning")]
    assert blame["kind"].tolist() == ["stance"], co
    assert "Ostria" in blame["explanation"].iloc[0] and "denies" in blame["explanation"].iloc[0]


@pytest.mark.parametrize("left,right", [
    # another event of the same party
    ("Western officials said Ostria was behind the poisoning of the defector Ivan Belin.",
     "Ostria denied any involvement in the sinking of the trawler Kestrel."),
    # another party accused of the event
    ("Western officials said Ostria was behind the poisoning of the defector Ivan Belin.",
     "Valdoria denied any involvement in the poisoning of Ivan Belin."),
])
def test_a_denial_of_another_event_or_by_another_party_answers_nothing(two_outlets, left, right):
    co = two_outlets(left, right)
    assert not co["explanation"].str.contains("is responsible for").any(), co


def test_a_capital_and_its_country_are_one_party_across_outlets(two_outlets):
    co = two_outlets("Officials in Madrid said Lisbon was behind the hacking of the ministry's servers.",
                     "Portugal has denied any involvement in the hack.")
    blame = co[co["explanation"].str.contains("is responsible for the hacking")]
    assert blame["kind"].tolist() == ["stance"], co


def test_a_denial_of_being_involved_is_of_the_event_its_article_charges(two_outlets):
    # the denial names no event: it is of the ambush the article's accusation before it names
    co = two_outlets("Investigators said the Varn militia was behind the ambush on the convoy. The militia has denied being involved.",
                     "The Marrow lifeboat crew rescued two sailors on Sunday.")
    blame = co[co["explanation"].str.contains("is responsible for the ambush")]
    assert blame["kind"].tolist() == ["stance"], co


def test_a_denial_of_being_involved_with_no_charge_before_it_answers_nothing(two_outlets):
    co = two_outlets("The Varn militia has denied being involved.",
                     "Investigators said the Varn militia was behind the ambush on the convoy.")
    assert not co["explanation"].str.contains("is responsible for").any(), co


def test_a_denied_weapon_answers_the_attacks_made_with_it(two_outlets):
    co = two_outlets("Monitors said the Ostrian army was responsible for two cluster bomb attacks on the town of Lerna.",
                     "The Ostrian army on Monday denied using cluster bombs.")
    blame = co[co["explanation"].str.contains("is responsible for the attack")]
    assert blame["kind"].tolist() == ["stance"], co


def test_two_sources_naming_two_parties_behind_one_event_are_rival_accounts(two_outlets):
    co = two_outlets("Coast guard officials said the Varn militia was behind the bombing of the ferry terminal.",
                     "A group calling itself the Ash Brigade claimed responsibility for the bombing of the terminal, "
                     "a police spokesman said.")
    rival = co[co["explanation"].str.startswith("Two accounts of who was behind the bombing")]
    assert rival["kind"].tolist() == ["stance"], co
    assert "Varn militia" in rival["explanation"].iloc[0] and "Ash Brigade" in rival["explanation"].iloc[0], co


@pytest.mark.parametrize("left,right", [
    # one party, written two ways
    ("Coast guard officials said the Varn militia was behind the bombing of the ferry terminal.",
     "Investigators hold Varn militiamen responsible for the bombing of the terminal."),
    # two parties of two events
    ("Coast guard officials said the Varn militia was behind the bombing of the ferry terminal.",
     "Investigators hold the Ash Brigade responsible for the kidnapping of the harbour master."),
])
def test_one_party_or_two_events_are_no_rival_accounts(two_outlets, left, right):
    co = two_outlets(left, right)
    assert not co["explanation"].str.startswith("Two accounts of who").any(), co


def test_an_event_denied_to_come_from_a_country_answers_a_party_of_that_country_claiming_it(two_outlets):
    co = two_outlets("The Ostrian Kel movement claimed responsibility for the raid on the pipeline.",
                     "The raid on the pipeline could not have come from Ostria, the energy minister said.")
    blame = co[co["explanation"].str.contains("is responsible for the raid")]
    assert blame["kind"].tolist() == ["stance"], co


def test_an_accusation_and_a_party_saying_it_has_no_connection_with_the_event_conflict(two_outlets):
    co = two_outlets("Officials in Lenton said the Islamic Republic of Varnia was responsible for the raid on the harbour.",
                     "A Varnian diplomat told reporters that Varnia has no connection with the raid.")
    assert co["kind"].tolist() == ["stance"], co


def test_two_sources_naming_two_culprits_of_one_fire_are_rival_accounts_and_two_names_of_the_state_are_one(two_outlets):
    co = two_outlets("The ferry was set on fire by border guards, the mayor of Lenton said on Sunday.",
                     "Witnesses told the Varn Post that the ferry had been torched by smugglers.")
    assert co["kind"].tolist() == ["stance"], co
    # the authorities and the security forces are one side: no rival accounts
    co = two_outlets("Harbour workers blamed the authorities for the arson at the ferry terminal.",
                     "The ferry terminal was set on fire by security forces, witnesses told the Varn Post.")
    assert co.empty, co
