"""Which country a word or phrase names: the country's name and other spellings, its capital, or the
name of its people ("Tehran", "Iranian", "Islamic Republic of Iran" -> 'Iran').

News names a state by its capital ("Moscow denied ...", "Tehran has denied being involved") or by its
people ("the Russian government"), and an accusation in one outlet and a denial in another are only
set against each other when both name the same party. The names come from the ``countryinfo``
package (its data of names, alternative spellings, capitals and demonyms); nothing is written here.
A capital written with a qualifier keeps only its first part too ("Washington D.C." -> "Washington").
"""

from __future__ import annotations

import re
from functools import lru_cache



def _key(words: str) -> str:
    return " ".join(re.findall(r"[\w'’]+", words.lower()))


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    from countryinfo import all_countries

    index: dict[str, str] = {}
    for country in all_countries():
        try:
            name = country.name()
        except Exception:  # an entry without a name names nothing here
            continue
        forms = [name]
        for getter in ("alt_spellings", "capital", "demonym"):
            try:
                value = getattr(country, getter)()
            except Exception:
                continue
            values = value if isinstance(value, list) else [value]
            forms += [v for v in values if isinstance(v, str)]
        for form in forms:
            key = _key(form)
            # two-letter codes ("IR", "SA") are words of English too; they name nothing here
            if len(key) < 3:
                continue
            index.setdefault(key, name)
            if " " in key and key.endswith(" d c"):
                index.setdefault(key[: -len(" d c")], name)
    # the project's own alias table ("Britain", "U.S." -> a country's name) reaches the forms the
    # package lacks; short capitals ("US", "UK") are matched as written (see country_named)
    for alias, canonical in _packaged_aliases():
        if _key(canonical) in index:
            index.setdefault(_key(alias) if len(_key(alias)) > 2 else alias.replace(".", ""), index[_key(canonical)])
    return index


def _packaged_aliases() -> list[tuple[str, str]]:
    """(alias, canonical) rows of the packaged alias table (read here, not through
    :mod:`s400lib.link.names`, which uses this module)."""
    import csv
    from importlib import resources

    path = resources.files("s400lib").joinpath("data", "aliases.csv")
    with path.open(encoding="utf-8") as handle:
        return [(row["alias"], row["canonical"]) for row in csv.DictReader(line for line in handle if not line.startswith("#"))]


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    from countryinfo import all_countries

    out: dict[str, str] = {}
    for country in all_countries():
        try:
            name, capital = country.name(), country.capital()
        except Exception:  # an entry without a name or a capital names nothing here
            continue
        if isinstance(capital, str) and capital:
            out.setdefault(_key(capital), name)
            if _key(capital).endswith(" d c"):
                out.setdefault(_key(capital)[: -len(" d c")], name)
    return out


def state_of_capital(name: str) -> str | None:
    """The country whose capital ``name`` is ('Moscow' -> 'Russia', 'Washington' -> 'United States'), or None:
    a capital that speaks ("Moscow said", "Tehran warned") is its state."""
    return _capitals().get(_key(name))


def country_named(phrase: str) -> str | None:
    """The country a whole phrase names ('Tehran' -> 'Iran', 'Russian' -> 'Russia', 'US' -> 'United
    States', but not 'us'), or None."""
    bare = phrase.replace(".", "")
    if len(bare) <= 2:
        return _index().get(bare) if bare.isupper() else None
    return _index().get(_key(phrase))


def countries_in(phrase: str, longest: int = 3) -> set[str]:
    """The countries that runs of up to ``longest`` words of a phrase name ("the Russian government" ->
    {'Russia'}); a word joined by a hyphen to the next ("Iran-backed rebels") names whom the others are
    tied to, not the party, and is left out."""
    words = [w for w in phrase.split() if "-" not in w]
    found: set[str] = set()
    for n in range(min(longest, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            country = country_named(" ".join(words[i : i + n]))
            if country:
                found.add(country)
    return found


@lru_cache(maxsize=1)
def _time_zone_cities() -> frozenset[str]:
    import zoneinfo

    # the IANA time-zone names end in a large city ("Australia/Sydney", "America/Los_Angeles")
    return frozenset(_key(name.rsplit("/", 1)[-1].replace("_", " ")) for name in zoneinfo.available_timezones() if "/" in name)


def is_country_or_capital(name: str) -> bool:
    """Whether a name is a country's ("Sri Lanka", "the Republic of Ostria") or a capital's ("Tehran")."""
    return country_named(name) is not None or state_of_capital(name) is not None


def is_known_place(name: str) -> bool:
    """Whether a name is a country, a capital or a city a time zone is named after ("Sydney", "Chicago")."""
    return is_country_or_capital(name) or _key(name) in _time_zone_cities()
