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

from .names import read_aliases


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
    for alias, canonical in zip(read_aliases()["alias"].astype(str), read_aliases()["canonical"].astype(str)):
        if _key(canonical) in index:
            index.setdefault(_key(alias) if len(_key(alias)) > 2 else alias.replace(".", ""), index[_key(canonical)])
    return index


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
