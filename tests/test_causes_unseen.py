"""Rival causes of one death (issue 12: "stance" disputes), on wording written for these tests after the
rules of :mod:`s400lib.extract.causes` and :mod:`s400lib.compare.causes`."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,expected", [
    ("The coroner said the fisherman died of hypothermia after the boat capsized.", "fisherman|hypothermia"),
    ("Doctors believe a stroke killed the former mayor on Sunday.", "mayor|stroke"),
    ("Investigators said the banker was poisoned with thallium salts.", "banker|salt thallium"),
    ("The dissident was killed when a car bomb was detonated under his seat, prosecutors said.", "dissident|bomb car"),
    ("Rat poison was used to kill the three dogs, the vet said.", "dogs|poison rat"),
    # a party is no cause, a companion is no means, and a denied or negated cause is none
    ("Police said the gunman killed three people.", None),
    ("The sailor was killed with his brother in the storm.", None),
    ("The family denied reports that the singer was poisoned with arsenic.", None),
    ("The climber did not die of exposure, the guide insisted.", None),
])
def test_what_a_claim_says_killed_someone(claim_value, text, expected):
    assert claim_value(text, "cause") == expected


def test_two_sources_giving_one_death_two_causes_are_rival_accounts(two_outlets):
    co = two_outlets("Varnan doctors said the former mayor Ivo Lind died of a stroke in his cell.",
                     "His lawyer said Ivo Lind was poisoned with thallium by prison guards.")
    rival = co[co["explanation"].str.startswith("Two accounts of what caused the death")]
    assert rival["kind"].tolist() == ["stance"], co
    assert "stroke" in rival["explanation"].iloc[0] and "thallium" in rival["explanation"].iloc[0], co


@pytest.mark.parametrize("left,right", [
    # one cause in two words
    ("Varnan doctors said the former mayor Ivo Lind died of a stroke in his cell.",
     "The prison said a massive stroke killed Ivo Lind on Sunday."),
    # two deaths of two named persons
    ("Varnan doctors said the former mayor Ivo Lind died of a stroke in his cell.",
     "His lawyer said the journalist Ana Berg was poisoned with thallium."),
])
def test_one_cause_or_two_deaths_are_no_rival_accounts(two_outlets, left, right):
    co = two_outlets(left, right)
    assert not co["explanation"].str.startswith("Two accounts of what caused").any(), co
