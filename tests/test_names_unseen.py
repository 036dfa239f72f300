"""Names across outlets on wording the naming rules were not written for (issue 11).

``tests/fixtures/names/`` holds three short articles written for this test: the same people and
bodies in the spellings different outlets use (transliterations, accents, corporate suffixes,
acronyms, short forms) and two different people who share a surname.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import s400lib as sl
from s400lib.link.names import initials, org_stem

FOLDER = Path(__file__).parent / "fixtures" / "names"


@pytest.fixture(scope="module")
def tables():
    return sl.parse(sl.load_corpus(FOLDER), progress=False)


def _canonical(tables, text: str) -> set[str]:
    e = tables.entities
    found = set(e.loc[e["text"] == text, "canonical"])
    assert found, f"{text!r} is not an entity: {sorted(set(e['text']))}"
    return found


@pytest.mark.parametrize("group", [
    ["Muammar Gaddafi", "Moammar Qaddafi", "Kadhafi"],
    ["Volodymyr Zelensky", "Zelenskiy"],
    ["Enrique Peña Nieto", "Pena Nieto"],
    ["Boeing Co.", "Boeing Company", "Boeing"],
    ["United Nations", "U.N.", "UN"],
    ["The International Committee of the Red Cross", "Red Cross", "The Red Cross"],
])
def test_every_form_of_one_person_or_body_gets_one_name(tables, group):
    names = set().union(*(_canonical(tables, form) for form in group))
    assert len(names) == 1, names


def test_two_people_sharing_a_surname_are_not_merged(tables):
    assert _canonical(tables, "John Smith") == {"John Smith"}
    assert _canonical(tables, "Mary Smith") == {"Mary Smith"}
    assert _canonical(tables, "Smith") == {"Smith"}  # which Smith, the text does not say


def test_helpers_on_their_own():
    assert org_stem("boeing company") == "boeing"
    assert org_stem("boeing co") == "boeing"
    assert initials("International Committee of the Red Cross") == "icrc"
    assert initials("Boeing") == ""
