"""Ages of named people, and outlets that give one person two ages.

A person's age is an attribute news states in a few fixed ways, each tied to the name by position:

- before the name, through an age adjective and at most four words of description: "the
  31-year-old co-pilot, Jonas Keller", "a 64-year-old Danish engineer Mette Holm";
- right after it, between commas or in brackets: "Jonas Keller, 28, ...", "Keller (28)",
  "Keller, aged 28", "Keller, a 28-year-old co-pilot, ...".

The name must be a person entity; its canonical name (``entities.canonical``) lets "Keller" in one
outlet and "Jonas Keller" in another be one person. Two outlets that give that person different ages
disagree about the same attribute of the same thing, unless their articles appeared far enough apart
for a birthday to fall between them.
"""

from __future__ import annotations

import re

import pandas as pd

# an age adjective, then up to four words of description, then the name
_BEFORE = re.compile(r"\b(\d{1,3})-year-old((?:\s+[A-Za-z][\w'-]*){0,4}?)\s*,?\s*$")
_AFTER = re.compile(r"^(?:,\s*(?:aged\s+)?(\d{1,3})\s*[,.;]|\s*\((?:aged\s+)?(\d{1,3})\)|,\s*an?\s+(\d{1,3})-year-old\b)")
_RELATING = {"of", "and", "or", "with", "who", "whose", "to", "for", "by", "from", "at", "in", "said", "says", "told"}
_LOOK = 80  # characters looked at on each side of a name
MAX_AGE = 115
# Articles further apart than this may give one person two true ages.
SAME_AGE_DAYS = 180


def person_ages(tables) -> pd.DataFrame:
    """One row per age the text ties to a person mention.

    Columns: article_id; start, end (the age phrase, ``text[start:end] == text`` in the article);
    text (the phrase with the name: "31-year-old co-pilot, Jonas Keller"); person (the canonical name);
    age (years, int).
    """
    ents = tables.entities
    cols = ["article_id", "start", "end", "text", "person", "age"]
    if ents is None or not len(ents):
        return pd.DataFrame(columns=cols)
    people = ents[ents["label"] == "PERSON"]
    texts = dict(zip(tables.articles["article_id"].astype(str), tables.articles["text"].astype(str)))
    rows = []
    for art, s, e, canon, name in zip(people["article_id"].astype(str), people["start"].astype(int),
                                      people["end"].astype(int), people["canonical"], people["text"]):
        text = texts.get(art)
        if text is None:
            continue
        person = canon if isinstance(canon, str) and canon else name
        before = text[max(0, s - _LOOK) : s]
        m = _BEFORE.search(before)
        # the words between the age and the name describe the person: they never end a sentence or
        # pass the age to someone else ("the 58-year-old wife of Jonas Keller")
        if m and not re.search(r"[.;:!?]", m.group(2)) and not _RELATING.intersection(m.group(2).lower().split()):
            a0 = s - len(before) + m.start()
            rows.append((art, a0, e, text[a0:e], person, int(m.group(1))))
            continue
        m = _AFTER.match(text[e : e + _LOOK])
        if m:
            age = next(int(g) for g in m.groups() if g)
            rows.append((art, s, e + m.end(), text[s : e + m.end()], person, age))
    frame = pd.DataFrame(rows, columns=cols)
    return frame[(frame["age"] > 0) & (frame["age"] <= MAX_AGE)].reset_index(drop=True)


def age_disagreements(ages: pd.DataFrame, published: dict | None = None) -> list[tuple]:
    """Pairs of age rows (i, j) of different articles that give one person different ages: for each
    person and each two ages given, the first such pair in corpus order (one row says the outlets
    disagree; every article that repeats an age adds nothing). Each article counts with the first
    age it gives; articles known to be more than ``SAME_AGE_DAYS`` apart are not set against each other."""
    published = published or {}
    first = ages.drop_duplicates(["article_id", "person"])
    out = []
    for _person, group in first.groupby("person", sort=True):
        by_age = [rows.index.tolist() for _age, rows in group.groupby("age", sort=True)]
        for x in range(len(by_age)):
            for y in range(x + 1, len(by_age)):
                pair = next(((i, j) for i in by_age[x][:_TRIED] for j in by_age[y][:_TRIED]
                             if _close_in_time(published.get(ages.at[i, "article_id"]), published.get(ages.at[j, "article_id"]))), None)
                if pair is not None:
                    out.append(pair)
    return out


# articles tried per age when looking for two close in time: enough for any real story
_TRIED = 20


def _close_in_time(a, b) -> bool:
    return pd.isna(a) or pd.isna(b) or abs((a - b).days) <= SAME_AGE_DAYS
