"""Temporal expressions found by rule and normalised to TimeML TIMEX3 values (TempEval-3 conventions).

Detection is a set of regular expressions over the article text (fast, and every match keeps exact
offsets); normalisation and anchoring are our own rules, because the TIMEX3 value and the date it
was resolved against are the point. ``dateparser`` is deliberately not used for anchoring: it
resolves relative expressions against the wall clock and returns a datetime, not a TIMEX3 value
with its granularity ("June" must stay ``2020-06``, not become 2020-06-01).

Extent (what the ``text`` column covers), as in the TimeML guidelines: leading prepositions and
signals are left out ("on Tuesday" -> "Tuesday", "within 30 days" -> "30 days", "in recent months"
-> "recent months"); modifiers that change the value are kept ("mid-July last year", "earlier today",
"the end of June").

Anchoring rules (``anchor`` = the publication date, or the inferred one):

* Absolute dates ("October 23, 2019", "in 2017", "fiscal year 2021") need no anchor; ``anchor`` is NA.
* A month or month-day without a year ("June 2", "in April") takes the year that puts it on the side
  of the anchor the verb's tense points to: past tense -> the latest such date on or before the
  anchor; future -> the first on or after; no tense -> the nearest one.
* "last <month>" / "next <month>" is the nearest one strictly before / after the anchor's month
  ("last December" written in January 2021 -> 2020-12).
* A bare weekday ("on Tuesday") follows the tense: past -> the latest such day on or before the
  anchor, present -> the anchor itself when it is that day, else the next one; future -> the next one
  strictly after the anchor; no tense -> the nearest one (ties go to the past, as news mostly
  reports what happened). Same-day resolution for past and present tense is the TempEval practice
  for news: a report dated Tuesday that says someone "told reporters on Tuesday" means that day.
  "last Tuesday" / "next Tuesday" are the nearest one strictly before / after the anchor.
* "last week" -> the ISO week before the anchor's (``2020-W26``); "last year" -> the year before;
  "earlier today" -> the anchor day; "N days ago" -> the anchor minus N days.
* Fiscal years keep the TIMEX3 ``FY`` prefix ("fiscal year 2021" -> ``FY2021``); ``earliest``/``latest``
  assume the US federal fiscal year (1 October of the previous year to 30 September).
* ``early``/``mid``/``late`` and "the beginning/middle/end of" set ``mod`` START/MID/END and narrow
  ``earliest``/``latest`` to the first, middle or last third of the period.
* Vague references are PAST_REF ("recently"), PRESENT_REF ("now", "currently") and FUTURE_REF ("in
  the near future"), bounded on the open side by NaT (unbounded). A number of units nobody counted
  is a vague duration, as TempEval-3 annotates it: "recent months", "the coming months", "several
  years", "a few weeks", a bare "hours" -> ``PXM``, ``PXY``, ``PXW``, ``PTXH``.
* Also: quarters a company reports on ("third-quarter", "the latest quarter" -> the last quarter
  before the anchor; "the year-ago quarter" a year before), spelled-out years ("nineteen
  ninety-six"), centuries ("the 19th century" -> ``18``) and "the past decade" (``P10Y``), year
  ranges ("1998-2001" -> ``P3Y``), sets of months and seasons ("each July", "every winter"), clock
  times with a zone or a weekday ("10:30 GMT Friday"), holidays ("last Thanksgiving"), and "that
  evening", "the next day" (see the ``anchor`` column: resolved against the time the narrative has
  moved to when the text gives one).
* Durations ("30 days" -> ``P30D``) have NaT bounds unless anchored by "the past"/"the last"
  ("the past three years" -> [anchor - 3 years, anchor]).

``earliest``/``latest`` are day-level and inclusive: the first and the last day the value covers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..core import schema

if TYPE_CHECKING:  # the finish of a streamed parse imports this module without spaCy
    from .context import ArticleContext

# ---------------------------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------------------------

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
MONTHS = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = {"a": 1, "an": 1, **_ONES, **_TENS, "hundred": 100}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
UNIT = {  # TIMEX3 duration unit letter and whether it is a date (D) or time (T) unit
    "minute": ("M", "T"), "hour": ("H", "T"), "day": ("D", ""), "week": ("W", ""),
    "month": ("M", ""), "year": ("Y", ""), "decade": ("DE", ""), "century": ("CE", ""), "quarter": ("Q", ""),
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
MODS = {"early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
        "late": "END", "end": "END"}

HOLIDAYS = {"thanksgiving": ("fourth", 11, 4), "christmas": (None, 12, 25), "christmas eve": (None, 12, 24),
            "new year's": (None, 1, 1), "new year's eve": (None, 12, 31), "independence day": (None, 7, 4)}

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# "twenty four hours" and "twenty-four hours" are one number: a compound is tried before its tens word
_NUM_RE = (r"(?:\d+|(?:" + "|".join(w for w, v in _TENS.items() if v >= 20) + r")[\s-](?:" + "|".join(_ONES) + r")|"
           + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")")
# half a unit more: "2 1/2 years", "5½ hours", "two and a half years"
_HALF_RE = r"(?P<half>\s*½|\s+1/2|\s+and\s+a\s+half)?"
_UNIT_RE = r"(?:minute|hour|day|week|month|year|decade|centur(?:y|ie))s?"
# a span of quarters is counted only in the plural: "a quarter" is as often a fraction ("a quarter of the votes")
_SPAN_UNIT_RE = r"(?:" + _UNIT_RE + r"|quarters)"
_MOD_RE = r"(?:(?P<mod>(?i:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of))[\s-]+)?"
# "Saturday, April 25": the weekday belongs to the date it names (TimeML tags them as one)
_WEEKDAY_BEFORE = r"(?:" + _WEEKDAY_RE + r",?\s+)?"
_REL_RE = r"(?P<rel>last|next|this|past|previous|coming|current)"
_PART_RE = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
_PREPS = {"in", "on", "at", "since", "by", "until", "till", "from", "to", "before", "after", "during",
          "of", "for", "through", "between", "and", "early", "late", "mid", "around", "about", "as", "than"}


@dataclass
class _Spec:
    """What an expression means before anchoring: a kind plus its parameters.

    Stored (serialised) in the ``spec`` column of the timexes table so that an expression can be
    re-anchored later (e.g. on an inferred publication date) without parsing the text again.
    """

    kind: str
    params: dict

    def dumps(self) -> str:
        return self.kind + "|" + ";".join(f"{k}={v}" for k, v in self.params.items() if v is not None)

    @classmethod
    def loads(cls, text: str) -> "_Spec":
        kind, _, rest = text.partition("|")
        params = dict(item.split("=", 1) for item in rest.split(";") if item)
        return cls(kind, params)


def _num(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return sum(NUMBER_WORDS[part] for part in re.split(r"[\s-]+", word))


def _mod_of(text: str | None) -> str | None:
    if not text:
        return None
    for key, mod in MODS.items():
        if key in text.lower():
            return mod
    return None


# ---------------------------------------------------------------------------------------------
# Patterns: (name, compiled regex, handler returning a _Spec and type, or None to reject)
# ---------------------------------------------------------------------------------------------

_I = re.IGNORECASE


def _p(regex: str, flags: int = 0) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + regex + r"(?![\w-])", flags)


PATTERNS: list[tuple[str, re.Pattern]] = [
    # absolute dates
    ("month_day_year", _p(_MOD_RE + _WEEKDAY_BEFORE + r"(?P<month>" + _MONTH_RE + r")\s+(?P<day>" + _DAY_RE + r"),?\s+(?P<year>" + _YEAR_RE + r")")),
    ("day_month_year", _p(r"(?P<day>" + _DAY_RE + r")\s+(?:of\s+)?(?P<month>" + _MONTH_RE + r"),?\s+(?P<year>" + _YEAR_RE + r")")),
    # a page's date stamp glued to the byline before it when the page was turned into text: "Tim
    # Baker16 September 2019" (a small letter, then the day)
    ("glued_day_month_year", re.compile(r"(?<=[a-z])(?P<day>" + _DAY_RE + r")\s+(?P<month>" + _MONTH_RE + r"),?\s+(?P<year>"
                                        + _YEAR_RE + r")(?![\w-])")),
    ("iso_date", _p(r"(?P<year>" + _YEAR_RE + r")-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])")),
    ("fiscal", _p(r"(?:the\s+)?(?:fiscal(?:\s+year)?|FY)\s*'?(?P<year>" + _YEAR_RE + r"|\d\d)(?:\s+fiscal\s+year)?", _I)),
    ("year_fiscal", _p(r"(?P<year>" + _YEAR_RE + r")\s+fiscal\s+year", _I)),
    ("month_year", _p(_MOD_RE + r"(?P<month>" + _MONTH_RE + r"),?\s+(?:of\s+)?(?P<year>" + _YEAR_RE + r")")),
    # a year may stand before the quarter as well as after it: "the 1988 third quarter", "the year-ago
    # fourth quarter", "next year's first quarter", "the third quarter of 1990"
    ("quarter", _p(r"(?:the\s+)?(?:(?P<year0>" + _YEAR_RE + r")\s+|(?P<back>year-ago|year-earlier|prior-year)\s+|(?P<yrel>last|this|next)\s+year's\s+)?"
                   r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+(?P<year>" + _YEAR_RE + r"))?", _I)),
    # the quarter or period a company reports on: "the quarter", "the latest quarter", "the year-ago quarter"
    ("report_quarter", _p(r"the\s+(?:(?P<which>latest\s+|current\s+|same\s+|year-ago\s+|year-earlier\s+)|(?P<ryear>" + _YEAR_RE + r")\s+)?(?P<unit>quarter|period)(?!\s+of\b)", _I)),
    ("year_earlier", _p(r"(?P<which>year-earlier|year-ago)", _I)),
    # broadcast transcripts spell the year out, after a month or a season too: "January nineteen ninety-seven",
    # "the winter of nineteen ninety-four"
    ("spelled_year", _p(r"(?:the\s+year\s+|(?P<month>" + _MONTH_RE + r")\s+|(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+of\s+)?(?P<words>nineteen\s+(?:" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:-(?:" + "|".join(_ONES) + r"))?"
                        r"|two\s+thousand(?:\s+(?:and\s+)?(?:" + "|".join(_ONES) + r"))?)", _I)),
    ("century", _p(r"(?:the\s+)?(?P<n>1[0-9]|2[01])(?:st|nd|rd|th)[\s-]+century", _I)),
    ("this_century", _p(r"(?P<rel>this|last|next|the\s+past|the\s+last)\s+(?P<unit>century|decade)", _I)),
    ("year_range", _p(r"(?P<y1>" + _YEAR_RE + r")\s*[-–]\s*(?P<y2>" + _YEAR_RE + r"|\d\d)")),
    ("clock24", _p(r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<tz>GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)|\s+local\s+time)?(?:,?\s+(?:on\s+)?(?:(?P<wd>" + _WEEKDAY_RE + r")|(?P<month>" + _MONTH_RE + r")\s+(?P<mday>" + _DAY_RE + r")\b))?")),
    ("holiday", _p(r"(?:(?P<rel>last|next|this)\s+)?(?P<name>Thanksgiving(?:\s+Day)?|Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Easter(?:\s+Sunday|\s+week)?|Independence\s+Day)", _I)),
    ("narrative_day", _p(r"(?:(?P<adv>earlier|later)\s+)?(?:that|the\s+(?P<shift>next|following|previous)|the\s+same)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)", _I)),
    # a company's year "ended Sept. 30" is a year's length (TimeML P1Y), its close dated apart
    ("year_ended", _p(r"the\s+(?:fiscal\s+|financial\s+)?year(?=\s+(?:that\s+)?(?:ended|ending|ends)\b)", _I)),
    ("the_unit", _p(r"the\s+(?:full\s+|fiscal\s+|financial\s+)?(?P<unit>year|week|weekend|day)(?!\s+(?:before|after|of|when|that|in)\b)", _I)),
    ("season_year", _p(r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>" + _YEAR_RE + r")", _I)),
    # "the mid-1990s", and the century left out: "the '80s" is the decade the anchor's century last had
    ("decade", _p(r"(?:the\s+)?" + _MOD_RE + r"(?:(?P<decade>1[89]\d0|20\d0)|['’](?P<d2>\d)0)s")),
    # "the nineties": the decade of the century the story lives in (TimeML value "199"); "in her
    # sixties", an age, has no "the"
    ("decade_word", _p(r"the\s+(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", _I)),
    ("year", _p(_MOD_RE + r"(?P<year>" + _YEAR_RE + r")")),
    # month/day without year, possibly with a relative year
    ("month_day", _p(_MOD_RE + _WEEKDAY_BEFORE + r"(?P<month>" + _MONTH_RE + r")\s+(?P<day>" + _DAY_RE + r")(?:,?\s+(?P<yrel>last|this|next)\s+year)?")),
    ("day_month", _p(r"(?P<day>" + _DAY_RE + r")\s+(?:of\s+)?(?P<month>" + _MONTH_RE + r")")),
    ("rel_month", _p(r"(?P<rel>(?i:last|next|this))\s+(?P<month>" + _MONTH_RE + r")")),
    ("month_rel_year", _p(_MOD_RE + r"(?P<month>" + _MONTH_RE + r")(?:\s+of)?\s+(?P<yrel>(?i:last|this|next))\s+(?i:year)")),
    ("month", _p(_MOD_RE + r"(?P<month>" + _MONTH_RE + r")")),
    # relative to the anchor
    ("rel_unit", _p(_MOD_RE + r"(?:the\s+)?" + _REL_RE + r"\s+(?P<unit>week|month|year|quarter|weekend)", _I)),
    ("rel_season", _p(r"(?P<rel>this\s+past|last|next|this)\s+(?P<season>spring|summer|autumn|fall|winter)", _I)),
    # "over the summer", "in the early spring": the season the tense points to; "the fall" is more
    # often a drop or a defeat than autumn, and "the summer of 1989" is season_year's
    ("the_season", _p(r"the\s+(?:(?P<part>early|late|mid-?)\s*)?(?P<season>spring|summer|autumn|winter)(?!\s+of\b)", _I)),
    ("ago", _p(r"(?P<n>" + _NUM_RE + r")\s+(?P<unit>" + _UNIT_RE + r")\s+(?P<dir>ago|earlier|from\s+now|hence)", _I)),
    ("deictic_day", _p(r"(?:(?P<adv>earlier|later)\s+)?(?P<day>today|tonight|yesterday|tomorrow|last\s+night)" + _PART_RE, _I)),
    ("this_part", _p(r"this\s+(?P<part>morning|afternoon|evening)", _I)),
    ("weekday", _p(r"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<wd>" + _WEEKDAY_RE + r")" + _PART_RE)),
    # "6:20 p.m.", and the British "6.20pm"
    ("clock", _p(r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)|(?P<noon>noon|midday|midnight))"
                 # "1 a.m. local time Thursday": the zone the time is given in, written out
                 r"(?:\s*(?P<tz>GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT)|\s+local\s+time)?"
                 r"(?:,?\s+(?:on\s+)?(?:(?P<wd>" + _WEEKDAY_RE + r")|(?P<month>" + _MONTH_RE + r")\s+(?P<mday>" + _DAY_RE + r")\b))?", _I)),
    # durations, sets and vague references
    ("past_duration", _p(r"(?:the\s+)?(?:past|last|previous)\s+(?P<n>" + _NUM_RE + r")\s+(?P<unit>" + _SPAN_UNIT_RE + r")", _I)),
    # "eight trading days", "three business days", "five straight years" count the unit all the same
    ("duration", _p(r"(?P<n>" + _NUM_RE + r")" + _HALF_RE + r"(?:\s+(?:more|additional|further|extra|trading|business|working"
                    r"|consecutive|straight|successive))?[\s-]+(?P<unit>" + _SPAN_UNIT_RE + r")"
                    r"(?P<half2>\s+and\s+a\s+half)?(?:[\s-]+long)?", _I)),
    ("vague_duration", _p(r"(?:for\s+)(?P<unit>days|weeks|months|years|decades)", _I)),
    # a number of units nobody counted: "a few weeks", "several years", "the coming months", bare "hours"
    ("vague_amount", _p(r"(?:(?:a\s+few|several|(?:a|the\s+(?:next|past|last|coming))\s+couple\s+of|many|some|(?:the\s+)?coming|recent|the\s+next\s+few|the\s+past\s+few|the\s+last\s+few|the(?=\s+(?:days|weeks|months)\s+ahead\b))\s+)?(?P<unit>minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?:(?P<ago>\s+ago)|(?P<ahead>\s+ahead))?", _I)),
    ("set_every", _p(r"(?:every|each)\s+(?P<unit>day|week|month|quarter|year|" + _WEEKDAY_RE + r"|" + _MONTH_RE + r"|spring|summer|autumn|fall|winter)", _I)),
    ("set_adverb", _p(r"(?P<adv>hourly|daily|weekly|monthly|annually|yearly)", _I)),
    ("past_ref", _p(r"(?:recently|lately|the\s+past(?!\s+(?:" + _NUM_RE + r"|week|month|year|decade|century|few))|(?:the\s+)?previous\s+years|formerly)", _I)),
    # "current" before a noun ("his current wife", "current market conditions") is TimeML's
    # PRESENT_REF; not "the then current price", nor an account or a current of water or power
    # "at the moment", "for the moment" are now; "the moment it happened", "seize the moment" are events
    ("present_ref", _p(r"(?:now|currently|at\s+present|nowadays|these\s+days|(?:(?<=\bat\s)|(?<=\bfor\s))the\s+moment|(?<!then\s)current(?=\s+[a-z])(?!\s+(?:accounts?|affairs|flows?|events)\b))", _I)),
    # "soon" looks ahead from the anchor; "as soon as possible" too, but "as soon as he left" is a clause
    ("future_ref", _p(r"(?:the\s+(?:near\s+)?future|the\s+(?:near|short)\s+term|the\s+years\s+ahead|as\s+soon\s+as\s+possible|(?<!as\s)soon(?!\s+(?:as|after|before|afterwards?)\b))", _I)),
    # the close of the current year: "at year-end", "by year's end", "the end of the year"
    ("year_end", _p(r"(?:the\s+)?(?:year[\s-]end|year's\s+end|end\s+of\s+the\s+year)", _I)),
]


def _spec_of(name: str, m: re.Match, text: str) -> tuple[str, _Spec] | None:
    """(TIMEX3 type, _Spec) for one regex match, or None when the match is not a time expression."""
    g = m.groupdict()
    mod = _mod_of(g.get("mod"))
    if name in ("month_day_year", "day_month_year", "glued_day_month_year", "iso_date"):
        month = int(g["month"]) if g["month"].isdigit() else MONTHS[g["month"].lower().rstrip(".")]
        day = int(re.match(r"\d+", g["day"]).group())
        return "DATE", _Spec("abs", {"value": f"{int(g['year']):04d}-{month:02d}-{day:02d}", "mod": mod})
    if name in ("fiscal", "year_fiscal"):
        year = int(g["year"])
        year = year + 2000 if year < 100 else year
        return "DATE", _Spec("abs", {"value": f"FY{year}"})
    if name == "month_year":
        month = MONTHS[g["month"].lower().rstrip(".")]
        return "DATE", _Spec("abs", {"value": f"{int(g['year'])}-{month:02d}", "mod": mod})
    if name == "quarter":
        q = ORDINALS[g["q"].lower()]
        year = g.get("year") or g.get("year0")
        if year:
            return "DATE", _Spec("abs", {"value": f"{year}-Q{q}"})
        if g.get("back"):
            return "DATE", _Spec("quarter", {"q": q, "yoff": -1})
        if g.get("yrel"):
            return "DATE", _Spec("quarter", {"q": q, "yoff": {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]})
        return "DATE", _Spec("quarter", {"q": q})
    if name == "report_quarter":
        which = (g.get("which") or "").strip().lower()
        if g["unit"].lower() == "period" and not which and not g.get("ryear"):
            return None  # "the period" alone is too often not a time
        if g.get("ryear"):
            # "the 1988 quarter": the reported quarter of that year ("compared with $3 million in the 1988 period")
            return "DATE", _Spec("rq", {"year": int(g["ryear"]), "current": 0})
        return "DATE", _Spec("rq", {"back": 1 if which in ("year-ago", "year-earlier") else 0, "current": int(which == "current")})
    if name == "year_earlier":
        return "DATE", _Spec("rq", {"back": 1, "current": 0})
    if name == "spelled_year":
        words = re.split(r"[\s-]+", g["words"].lower())
        if words[0] == "nineteen":
            year = 1900 + _TENS[words[1]] + (_ONES[words[2]] if len(words) > 2 else 0)
        else:
            year = 2000 + (_ONES[words[-1]] if words[-1] in _ONES else 0)
        if g.get("month"):
            return "DATE", _Spec("abs", {"value": f"{year:04d}-{MONTHS[g['month'].lower().rstrip('.')]:02d}"})
        if g.get("season"):
            return "DATE", _Spec("abs", {"value": f"{year:04d}-{SEASONS[g['season'].lower()]}"})
        return "DATE", _Spec("abs", {"value": f"{year:04d}"})
    if name == "century":
        return "DATE", _Spec("abs", {"value": f"{int(g['n']) - 1:02d}"})
    if name == "this_century":
        rel, unit = " ".join(g["rel"].lower().split()), g["unit"].lower()
        if rel in ("the past", "the last"):
            return "DURATION", _Spec("dur", {"value": "P10Y" if unit == "decade" else "P100Y", "past": 1})
        return "DATE", _Spec("era", {"unit": unit, "off": {"this": 0, "last": -1, "next": 1}[rel]})
    if name == "year_range":
        y2 = g["y2"] if len(g["y2"]) == 4 else g["y1"][:2] + g["y2"]
        if int(y2) <= int(g["y1"]):
            return None
        return "DURATION", _Spec("range", {"y1": g["y1"], "y2": y2})
    if name == "clock24":
        if not g.get("tz") and not g.get("wd"):
            return None  # "3:2" scores and ratios look the same without a zone or a day
        return "TIME", _Spec("clock", {"h": int(g["h"]), "mi": int(g["mi"]), "wd": WEEKDAYS[g["wd"].lower()] if g.get("wd") else None,
                                       **_clock_date(g)})
    if name == "holiday":
        key = re.sub(r"\s+(day|sunday|week)$", "", " ".join(g["name"].lower().split()))
        key = {"new year's": "new year's", "new year's eve": "new year's eve"}.get(key, key)
        nth, month, day = HOLIDAYS.get(key, (None, None, None))
        if month is None:
            return None
        return "DATE", _Spec("holiday", {"month": month, "day": day, "nth": nth, "sel": (g.get("rel") or "tense").lower()})
    if name == "narrative_day":
        unit = g["unit"].lower()
        shift = {"next": 1, "following": 1, "previous": -1}.get((g.get("shift") or "").lower(), 0)
        part = PARTS_OF_DAY.get(unit)
        unit = "day" if part else unit
        return ("TIME" if part else "DATE"), _Spec("narrative", {"unit": unit, "n": shift, "part": part})
    if name == "year_ended":
        return "DURATION", _Spec("dur", {"value": "P1Y"})
    if name == "the_unit":
        unit = g["unit"].lower()
        return "DATE", _Spec("rel", {"unit": unit, "off": 0}) if unit != "day" else _Spec("shift", {"unit": "day", "n": 0})
    if name == "vague_amount":
        unit = g["unit"].lower().rstrip("s").replace("centurie", "century")
        low = m.group(0).lower()
        if low == g["unit"].lower() and _prev_word(text, m.start()) in set(NUMBER_WORDS) | {"few", "several", "the", "these", "those", "recent", "coming"}:
            return None  # part of a longer expression another pattern owns
        if unit == "quarter" and (low == "quarters" or low.startswith("some ")):
            return None  # "living quarters", "in some quarters": places and people, not time
        letter, t = UNIT[unit]
        if g.get("ago") and "couple of" in low and unit in ("day", "week", "month", "year"):
            return "DATE", _Spec("shift", {"unit": unit, "n": -2})  # "a couple of weeks ago": two weeks back
        if g.get("ago"):
            # "several years ago", "months ago": a time before the anchor by an uncounted amount, not a length
            horizon = {"minutes": 1, "hours": 2, "days": 30, "weeks": 90, "months": 365, "years": 3650}.get(g["unit"].lower())
            return "DATE", _Spec("ref", {"value": "PAST_REF", "horizon": horizon})
        if "couple of" in low:  # a couple is two (TimeML: "a couple of years" P2Y)
            return "DURATION", _Spec("dur", {"value": f"P{'T' if t else ''}2{letter}"})
        # "recent months" and "the coming months" still say on which side of the anchor they lie,
        # and roughly how far: their bounds keep that, whatever the value's convention
        side = "past" if low.startswith(("recent", "the past", "the last")) else "future" if low.startswith(("the coming", "the next")) or g.get("ahead") else None
        horizon = {"days": 30, "weeks": 90, "months": 365, "years": 3650}.get(g["unit"].lower()) if side else None
        return "DURATION", _Spec("dur", {"value": f"P{'T' if t else ''}X{letter}", "side": side, "horizon": horizon})
    if name == "season_year":
        return "DATE", _Spec("abs", {"value": f"{g['year']}-{SEASONS[g['season'].lower()]}"})
    if name == "decade":
        if g["d2"]:
            return "DATE", _Spec("decade", {"digit": int(g["d2"]), "mod": mod})
        return "DATE", _Spec("abs", {"value": g["decade"][:3], "mod": mod})
    if name == "decade_word":
        return "DATE", _Spec("abs", {"value": "19" + str(_DECADE_WORDS.index(g["dw"].lower()) + 2)})
    if name == "year":
        if not mod and _year_is_name(m, text):
            return None
        return "DATE", _Spec("abs", {"value": g["year"], "mod": mod})
    if name in ("month_day", "day_month"):
        month = MONTHS[g["month"].lower().rstrip(".")]
        day = int(re.match(r"\d+", g["day"]).group())
        yoff = {"last": -1, "this": 0, "next": 1}.get((g.get("yrel") or "").lower())
        return "DATE", _Spec("md", {"month": month, "day": day, "yoff": yoff, "mod": mod})
    if name == "rel_month":
        return "DATE", _Spec("m", {"month": MONTHS[g["month"].lower().rstrip(".")], "sel": g["rel"].lower()})
    if name == "month_rel_year":
        yoff = {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
        return "DATE", _Spec("m", {"month": MONTHS[g["month"].lower().rstrip(".")], "yoff": yoff, "mod": mod})
    if name == "month":
        word = g["month"]
        # "May" is also a modal verb and "Mar"/"Jan"... are names: a bare abbreviated month or a bare
        # "May" counts only after a preposition or a modifier ("in May", "early May").
        if (word.rstrip(".").lower() in ("may",) or len(word.rstrip(".")) <= 4) and not mod:
            if _prev_word(text, m.start()) not in _PREPS:
                return None
        return "DATE", _Spec("m", {"month": MONTHS[word.lower().rstrip(".")], "sel": "tense", "mod": mod})
    if name == "rel_unit":
        rel = g["rel"].lower()
        unit = g["unit"].lower()
        if rel in ("past", "previous", "coming"):
            # "the past week" is a duration-like reference to the period just before the anchor
            off = -1 if rel in ("past", "previous") else 1
        else:
            off = {"last": -1, "this": 0, "current": 0, "next": 1}[rel]
        return "DATE", _Spec("rel", {"unit": unit, "off": off, "mod": mod})
    if name == "rel_season":
        off = {"last": -1, "this": 0, "next": 1}.get(g["rel"].lower(), -1)  # "this past spring" is the last
        return "DATE", _Spec("season", {"season": SEASONS[g["season"].lower()], "off": off})
    if name == "the_season":
        mod = {"early": "START", "late": "END"}.get((g.get("part") or "").lower(), "MID" if g.get("part") else None)
        return "DATE", _Spec("season", {"season": SEASONS[g["season"].lower()], "off": "tense", "mod": mod})
    if name == "ago":
        n = _num(g["n"])
        unit = g["unit"].lower().rstrip("s").replace("centurie", "century")
        direction = g["dir"].lower()
        if direction.startswith("from"):
            return None  # "two years from now" is the duration "two years" and the reference "now" (TimeML)
        # "30 days after the adoption" is anchored on an event, not on the document date, so only
        # "ago"/"hence" shift from the anchor; "N days after X" stays a DURATION.
        sign = -1 if direction in ("ago", "earlier") else 1
        return "DATE", _Spec("shift", {"unit": unit, "n": sign * n})
    if name == "deictic_day":
        word = " ".join(g["day"].lower().split())
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}[word]
        part = PARTS_OF_DAY.get((g.get("part") or "").lower()) or ("NI" if word in ("tonight", "last night") else None)
        return ("TIME" if part else "DATE"), _Spec("shift", {"unit": "day", "n": off, "part": part})
    if name == "this_part":
        return "TIME", _Spec("shift", {"unit": "day", "n": 0, "part": PARTS_OF_DAY[g["part"].lower()]})
    if name == "weekday":
        part = PARTS_OF_DAY.get((g.get("part") or "").lower())
        sel = (g.get("rel") or "tense").lower()
        return ("TIME" if part else "DATE"), _Spec("wd", {"wd": WEEKDAYS[g["wd"].lower()], "sel": sel, "part": part})
    if name == "clock":
        if g.get("noon"):
            h = 0 if g["noon"].lower() == "midnight" else 12
        else:
            h = int(g["h"]) % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
        # a clock time joined to a weekday ("10 p.m. Wednesday") or a date ("5 p.m. EST, Nov. 9") is that
        # day at that time
        wd = WEEKDAYS[g["wd"].lower()] if g.get("wd") else None
        return "TIME", _Spec("clock", {"h": h, "mi": int(g.get("mi") or 0), "wd": wd, **_clock_date(g)})
    if name == "past_duration":
        unit = g["unit"].lower().rstrip("s").replace("centurie", "century")
        return "DURATION", _Spec("dur", {"value": _duration(_num(g["n"]), unit), "past": 1})
    if name == "duration":
        unit = g["unit"].lower().rstrip("s").replace("centurie", "century")
        if g["n"].lower() in ("a", "an") and _prev_word(text, m.start()) in ("once", "twice", "times"):
            return None
        if g["n"].lower() in ("a", "an") and _after_amount(text, m.start()):
            return None  # "$1.76 a year", "700 seats a week": a rate, not a span of time
        if unit == "quarter" and ("-" in m.group(0) or re.match(r"\s+of\b", text[m.end():])):
            return None  # "three-quarters of the shares": a fraction
        if g.get("half") or g.get("half2"):
            return "DURATION", _Spec("dur", {"value": _and_a_half(_num(g["n"]), unit)})
        if m.group(0).lower() == "one day" and _prev_word(text, m.start()) in _MODALS:
            # "Islam will one day be the second religion": some day ahead, not a day's length
            return "DATE", _Spec("ref", {"value": "FUTURE_REF"})
        return "DURATION", _Spec("dur", {"value": _duration(_num(g["n"]), unit)})
    if name == "vague_duration":
        unit = g["unit"].lower().rstrip("s")
        return "DURATION", _Spec("dur", {"value": "PX" + UNIT[unit][0]})
    if name == "set_every":
        word = g["unit"].lower()
        if word in WEEKDAYS:
            return "SET", _Spec("set", {"value": f"XXXX-WXX-{WEEKDAYS[word]}"})
        if word.rstrip(".") in MONTHS:
            return "SET", _Spec("set", {"value": f"XXXX-{MONTHS[word.rstrip('.')]:02d}"})
        if word in SEASONS:
            return "SET", _Spec("set", {"value": f"XXXX-{SEASONS[word]}"})
        return "SET", _Spec("set", {"value": _duration(1, word)})
    if name == "set_adverb":
        unit = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}[g["adv"].lower()]
        return "SET", _Spec("set", {"value": _duration(1, unit)})
    if name == "past_ref":
        low = m.group(0).lower()
        horizon = {"days": 30, "weeks": 90, "months": 365, "years": 3650}.get(low.split()[-1]) if "recent" in low else None
        if low in ("recently", "lately"):
            horizon = 365
        return "DATE", _Spec("ref", {"value": "PAST_REF", "horizon": horizon})
    if name == "present_ref":
        return "DATE", _Spec("ref", {"value": "PRESENT_REF"})
    if name == "year_end":
        return "DATE", _Spec("rel", {"unit": "year", "off": 0, "mod": "END"})
    if name == "future_ref":
        low = m.group(0).lower()
        horizon = {"days": 30, "weeks": 90, "months": 365, "years": 3650}.get(low.split()[-1])
        return "DATE", _Spec("ref", {"value": "FUTURE_REF", "horizon": horizon})
    raise AssertionError(name)


_DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]


def _clock_date(g: dict) -> dict:
    """The month and day written after a clock time, if any."""
    if not g.get("month"):
        return {}
    return {"month": MONTHS[g["month"].lower().rstrip(".")], "mday": int(re.match(r"\d+", g["mday"]).group())}


_MODALS = {"will", "would", "could", "may", "might", "can", "should", "shall", "must"}


def _duration(n: int, unit: str) -> str:
    # TimeBank writes counted decades and centuries in years ("two decades" P20Y, "this century" P100Y)
    if unit in ("decade", "century") and isinstance(n, int):
        return f"P{n * (10 if unit == 'decade' else 100)}Y"
    letter, t = UNIT[unit]
    return f"P{'T' if t else ''}{n}{letter}"


def _and_a_half(n: int, unit: str) -> str:
    """n and a half units, written with the next smaller unit as TIMEX3 values are ("P2Y6M", "PT5H30M")."""
    return {"minute": f"PT{n}M30S", "hour": f"PT{n}H30M", "day": f"P{n}DT12H", "week": f"P{7 * n + 3}DT12H",
            "month": f"P{n}M15D", "quarter": f"P{3 * n + 1}M15D", "year": f"P{n}Y6M", "decade": f"P{10 * n + 5}Y", "century": f"P{100 * n + 50}Y"}[unit]


_AMOUNT_BEFORE = re.compile(r"(?:[$€£%\d][\d.,]*\s*(?:million|billion|trillion|percent|%)?|\b(?:" + "|".join(w for w in NUMBER_WORDS if w not in ("a", "an")) + r"))"
                            r"(?:\s+[a-z]+)?\s*$", re.I)


def _after_amount(text: str, start: int) -> bool:
    """Whether an amount or a count ends just before ``start`` ("$2 million", "20%", "four flights")."""
    return bool(_AMOUNT_BEFORE.search(text[max(0, start - 40) : start]))


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _year_is_name(m: re.Match, text: str) -> bool:
    """A bare year that opens an acronym or a law's title ("2021 NDAA", "(2021 National Defense
    Authorization Act") is part of its name, not a time, when not introduced by a preposition. One
    before another name ("the 1996 Olympic bombing", "a 1971 Convention") still dates it."""
    after = re.match(r"\s+(?:[A-Z]{2,}\b|(?:[A-Z][a-z]+\s+){0,5}(?:Act|Bill|Law)\b)", text[m.end() : m.end() + 60])
    if not after:
        return False
    return _prev_word(text, m.start()) not in _PREPS


# ---------------------------------------------------------------------------------------------
# Resolution against an anchor
# ---------------------------------------------------------------------------------------------

_THIRDS = {"START": (0.0, 1 / 3), "MID": (1 / 3, 2 / 3), "END": (2 / 3, 1.0)}


def _narrow(lo: pd.Timestamp, hi: pd.Timestamp, mod: str | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Restrict [lo, hi] (inclusive days) to the first/middle/last third for START/MID/END."""
    if mod not in _THIRDS or pd.isna(lo) or pd.isna(hi):
        return lo, hi
    days = (hi - lo).days + 1
    a, b = _THIRDS[mod]
    return lo + pd.Timedelta(days=int(days * a)), lo + pd.Timedelta(days=max(int(days * b) - 1, int(days * a)))


def bounds(value: str, mod: str | None = None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Inclusive first and last day a TIMEX3 DATE/TIME value covers (NaT, NaT when not a calendar value).

    Examples
    --------
    >>> [str(d.date()) for d in bounds("2020-W26")]
    ['2020-06-22', '2020-06-28']
    >>> [str(d.date()) for d in bounds("FY2021")]
    ['2020-10-01', '2021-09-30']
    """
    if not isinstance(value, str):
        return pd.NaT, pd.NaT
    return _day_bounds(value.split("T")[0], mod)


@lru_cache(maxsize=1 << 16)
def _day_bounds(v: str, mod: str | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """:func:`bounds` of a value without its time part; cached, as dating a corpus asks for the same
    few hundred values thousands of times (Timestamps are immutable, so sharing them is safe)."""
    nat = (pd.NaT, pd.NaT)
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            d = pd.Timestamp(v)
            return d, d
        if re.fullmatch(r"\d{4}-\d\d", v):
            lo = pd.Timestamp(v + "-01")
            return _narrow(lo, lo + pd.offsets.MonthEnd(0), mod)
        if re.fullmatch(r"\d{4}", v):
            return _narrow(pd.Timestamp(f"{v}-01-01"), pd.Timestamp(f"{v}-12-31"), mod)
        if re.fullmatch(r"\d{3}", v):
            return pd.Timestamp(f"{v}0-01-01"), pd.Timestamp(f"{v}9-12-31")
        if m := re.fullmatch(r"FY(\d{4})", v):
            y = int(m.group(1))
            return _narrow(pd.Timestamp(f"{y - 1}-10-01"), pd.Timestamp(f"{y}-09-30"), mod)
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", v):
            lo = pd.Timestamp.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return lo, lo + pd.Timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-W(\d\d)-WE", v):
            lo = pd.Timestamp.fromisocalendar(int(m.group(1)), int(m.group(2)), 6)
            return lo, lo + pd.Timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            lo = pd.Timestamp(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
            return _narrow(lo, lo + pd.offsets.QuarterEnd(0), mod)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y, s = int(m.group(1)), m.group(2)
            first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[s]
            lo = pd.Timestamp(y, first, 1)
            return lo, (lo + pd.DateOffset(months=2)) + pd.offsets.MonthEnd(0)
    except ValueError:
        return nat
    return nat


def _shift_months(d: pd.Timestamp, n: int) -> pd.Timestamp:
    return d + pd.DateOffset(months=n)


def _pick_year(month: int, day: int, anchor: pd.Timestamp, sel: str, tense: str | None) -> int:
    """Year for a month (and day, 0 when not given) written without one; rules in the module docstring."""
    here = (anchor.month, anchor.day) if day else (anchor.month, 0)
    key = (month, day)
    if sel == "last":  # the nearest such month strictly before the anchor's month
        return anchor.year if month < anchor.month else anchor.year - 1
    if sel == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if sel == "this":
        return anchor.year
    if tense == "past":  # on or before the anchor (same month / same day allowed)
        if key <= here or not day or not _valid(anchor.year, month, day):
            # a month alone under a past verb is last year's ("In June, the parties agreed")
            return anchor.year if key <= here else anchor.year - 1
        # a date a few weeks ahead under a past verb is a deadline or a payment date ("extended
        # the offer to Nov. 20", "declared a dividend payable Dec. 7"), not last year's date
        ahead = (pd.Timestamp(anchor.year, month, day or 1) - anchor.normalize()).days
        return anchor.year if ahead <= PAST_TENSE_AHEAD_DAYS else anchor.year - 1
    if tense == "future":
        return anchor.year if key >= here else anchor.year + 1

    def distance(y: int) -> int:
        if not _valid(y, month, day):
            return 10**6
        return abs((pd.Timestamp(y, month, day or 15) - anchor).days)

    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=distance)


PAST_TENSE_AHEAD_DAYS = 92


def _valid(y: int, month: int, day: int) -> bool:
    try:
        pd.Timestamp(y, month, max(day, 1))
        return True
    except ValueError:
        return False


def _season_year(season: str, off, anchor: pd.Timestamp) -> int:
    """'last summer' (off -1) is the latest summer that has ended before the anchor, 'next summer' (1)
    the first that starts after it, 'this summer' (0) the one of the anchor's year; 'over the summer'
    told in the past ('started') the latest that started on or before the anchor, with no tense
    ('nearest') the one nearest the anchor, otherwise ('ahead') the first that has not ended."""
    if off == 0:
        return anchor.year
    years = range(anchor.year - 2, anchor.year + 3)
    spans = [(y, *bounds(f"{y}-{season}")) for y in years]
    if off == "started":
        return max(y for y, lo, hi in spans if lo <= anchor)
    if off == "ahead":
        return min(y for y, lo, hi in spans if hi >= anchor)
    if off == "nearest":  # no tense to go by: the season under way, or the one nearest the anchor
        return min(spans, key=lambda s: max(s[1] - anchor, anchor - s[2], pd.Timedelta(0)))[0]
    if off < 0:
        return max(y for y, lo, hi in spans if hi < anchor)
    return min(y for y, lo, hi in spans if lo > anchor)


def _weekday(wd: int, anchor: pd.Timestamp, sel: str, tense: str | None) -> pd.Timestamp:
    diff = wd - anchor.isoweekday()  # -6..6
    back = diff if diff <= 0 else diff - 7  # on or before the anchor
    ahead = diff if diff >= 0 else diff + 7  # on or after the anchor
    if sel == "last" or (sel == "tense" and tense == "past"):
        days = back if sel == "tense" else (back if back < 0 else -7)
    elif sel == "next":
        days = ahead if ahead > 0 else 7
    elif sel == "this":
        days = diff
    elif tense == "future":
        days = ahead if ahead > 0 else 7
    elif tense == "present":
        days = ahead
    else:
        days = back if -back <= ahead else ahead
    return anchor + pd.Timedelta(days=days)


def _weekend(anchor: pd.Timestamp, tense: str | None) -> str:
    """"The weekend" / "this weekend": the one under way on a Saturday or Sunday; otherwise the one just
    gone in a past-tense clause, the coming one in a future or present clause, and without a tense the
    nearer one (a Monday's "weekend" is the one just gone)."""
    day = anchor.isoweekday()
    if day >= 6:
        saturday = anchor - pd.Timedelta(days=day - 6)
    elif tense == "past" or (tense is None and day <= 2):
        saturday = anchor - pd.Timedelta(days=day + 1)
    else:
        saturday = anchor + pd.Timedelta(days=6 - day)
    iso = saturday.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}-WE"


def _shifted(anchor: pd.Timestamp, unit: str, n: int) -> str:
    """The TIMEX3 value ``n`` units from ``anchor``, at the granularity of the unit."""
    if unit == "day":
        return str((anchor + pd.Timedelta(days=n)).date())
    if unit == "week":
        iso = (anchor + pd.Timedelta(weeks=n)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit == "month":
        d = _shift_months(anchor, n)
        return f"{d.year:04d}-{d.month:02d}"
    if unit in ("year", "decade", "century"):
        return f"{anchor.year + n * {'year': 1, 'decade': 10, 'century': 100}[unit]:04d}"
    return str(anchor.date())  # hours or minutes away: the anchor day


def resolve(spec: _Spec, type_: str, anchor, tense: str | None = None) -> dict:
    """TIMEX3 value, mod, anchor and bounds of a parsed expression.

    Returns a dict with value, mod, anchor (ISO date string or None when the expression is absolute
    or no anchor is known), earliest, latest. Without an anchor, relative expressions get an
    underspecified value ("XXXX-06", "XXXX-WXX-2") or NA and NaT bounds.
    """
    p = spec.params
    mod = p.get("mod")
    anchor = None if anchor is None or pd.isna(anchor) else pd.Timestamp(anchor).normalize()
    anchor_s = None if anchor is None else str(anchor.date())
    out = {"value": None, "mod": mod, "anchor": anchor_s, "earliest": pd.NaT, "latest": pd.NaT}
    k = spec.kind
    if k == "abs":
        out["value"], out["anchor"] = p["value"], None
        out["earliest"], out["latest"] = bounds(p["value"], mod)
        return out
    if k in ("dur", "set"):
        out["value"] = p["value"]
        if p.get("past") and anchor is not None and (m := re.fullmatch(r"P(\d+)(D|W|M|Q|Y|DE|CE)", p["value"])):
            n, u = int(m.group(1)), m.group(2)
            months = {"M": n, "Q": 3 * n, "Y": 12 * n, "DE": 120 * n, "CE": 1200 * n}.get(u)
            lo = anchor - (pd.DateOffset(months=months) if months else pd.Timedelta(days=n * (7 if u == "W" else 1)))
            out["earliest"], out["latest"] = lo, anchor
        elif p.get("side") and p.get("horizon") and anchor is not None:
            reach = pd.Timedelta(days=int(p["horizon"]))
            out["earliest"], out["latest"] = (anchor - reach, anchor) if p["side"] == "past" else (anchor, anchor + reach)
        else:
            out["anchor"] = None
        return out
    if k == "ref":
        out["value"] = p["value"]
        if anchor is None:
            return out
        horizon = int(p["horizon"]) if p.get("horizon") else None
        if p["value"] == "PAST_REF":
            out["earliest"] = anchor - pd.Timedelta(days=horizon) if horizon else pd.NaT
            out["latest"] = anchor
        elif p["value"] == "FUTURE_REF":
            out["earliest"] = anchor
            out["latest"] = anchor + pd.Timedelta(days=horizon) if horizon else pd.NaT
        else:
            out["earliest"] = out["latest"] = anchor
        return out
    if k == "range":
        out["value"], out["anchor"] = f"P{int(p['y2']) - int(p['y1'])}Y", None
        out["earliest"], out["latest"] = bounds(p["y1"])[0], bounds(p["y2"])[1]
        return out
    if anchor is None:
        if k == "md":
            out["value"] = f"XXXX-{int(p['month']):02d}-{int(p['day']):02d}"
        elif k == "m":
            out["value"] = f"XXXX-{int(p['month']):02d}"
        elif k == "wd":
            out["value"] = f"XXXX-WXX-{p['wd']}"
        return out
    sel = p.get("sel", "tense")
    if k == "md":
        month, day = int(p["month"]), int(p["day"])
        year = anchor.year + int(p["yoff"]) if p.get("yoff") is not None else _pick_year(month, day, anchor, "tense", tense)
        value = f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else f"{year:04d}-{month:02d}"
    elif k == "m":
        month = int(p["month"])
        year = anchor.year + int(p["yoff"]) if p.get("yoff") is not None else _pick_year(month, 0, anchor, sel, tense)
        value = f"{year:04d}-{month:02d}"
    elif k == "rel":
        unit, off = p["unit"], int(p["off"])
        if unit == "year":
            value = f"{anchor.year + off:04d}"
        elif unit == "month":
            d = _shift_months(anchor, off)
            value = f"{d.year:04d}-{d.month:02d}"
        elif unit == "quarter":
            d = _shift_months(anchor, 3 * off)
            value = f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        elif unit == "weekend" and off == 0:
            value = _weekend(anchor, tense)
        else:  # week / weekend
            iso = (anchor + pd.Timedelta(weeks=off)).isocalendar()
            value = f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if unit == "weekend" else "")
    elif k == "quarter":
        year = anchor.year + int(p["yoff"]) if p.get("yoff") is not None else anchor.year
        if p.get("yoff") is None and tense == "past" and anchor < pd.Timestamp(anchor.year, 3 * int(p["q"]) - 2, 1):
            year -= 1  # "profit rose in the fourth quarter" told in January: the quarter that has ended
        value = f"{year:04d}-Q{p['q']}"
    elif k == "season":
        off = p["off"] if p["off"] != "tense" else {"past": "started", None: "nearest"}.get(tense, "ahead")
        value = f"{_season_year(p['season'], off, anchor):04d}-{p['season']}"
        if p.get("mod"):
            out["mod"] = p["mod"]
    elif k == "shift":
        value = _shifted(anchor, p["unit"], int(p["n"]))
        if p.get("part"):
            value += "T" + p["part"]
    elif k == "wd":
        value = str(_weekday(int(p["wd"]), anchor, sel, tense).date())
        if p.get("part"):
            value += "T" + p["part"]
    elif k == "clock":
        day = _weekday(int(p["wd"]), anchor, "tense", tense) if p.get("wd") else pd.Timestamp(p["day"]) if p.get("day") else anchor
        if p.get("month"):
            month, mday = int(p["month"]), int(p["mday"])
            year = _pick_year(month, mday, anchor, "tense", tense)
            day = pd.Timestamp(year, month, mday) if _valid(year, month, mday) else anchor
        if p.get("day") and not p.get("wd"):
            out["anchor"] = p["day"]  # the day of the account, not the publication day
        value = f"{day.date()}T{int(p['h']):02d}:{int(p['mi']):02d}"
    elif k == "rq":
        # the quarter a report covers is the last one that ended before the report, unless "current"
        d = anchor if int(p.get("current") or 0) else _shift_months(anchor, -3)
        year = int(p["year"]) if p.get("year") else d.year - int(p.get("back") or 0)
        value = f"{year:04d}-Q{(d.month - 1) // 3 + 1}"
    elif k == "decade":
        century = anchor.year // 100 - (p["digit"] * 10 > anchor.year % 100)
        value = f"{century:02d}{p['digit']}"
    elif k == "era":
        size = 100 if p["unit"] == "century" else 10
        start = (anchor.year // size + int(p["off"])) * size
        value = f"{start // size:02d}" if size == 100 else f"{start // 10:03d}"
    elif k == "holiday":
        month, day = int(p["month"]), int(p["day"])
        sel = p.get("sel", "tense")
        year = anchor.year + {"last": -1, "next": 1}.get(sel, 0) if sel in ("last", "next", "this") else _pick_year(month, 1, anchor, "tense", tense)
        if p.get("nth"):  # the fourth Thursday of November
            first = pd.Timestamp(year=year, month=month, day=1)
            day = 1 + (3 - first.weekday()) % 7 + 21
        value = f"{year:04d}-{month:02d}-{day:02d}"
    elif k == "narrative":
        # anchored on the day the narrative has moved to when the text gives one (see _rows)
        if p.get("ref"):
            anchor = pd.Timestamp(p["ref"])
            out["anchor"] = p["ref"]
        value = _shifted(anchor, p["unit"], int(p["n"])) + ("T" + p["part"] if p.get("part") else "")
    else:
        raise AssertionError(k)
    out["value"] = value
    out["earliest"], out["latest"] = bounds(value, mod)
    return out


# ---------------------------------------------------------------------------------------------
# Tense of the clause holding an expression
# ---------------------------------------------------------------------------------------------

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def clause_tense(doc, start: int, end: int) -> str | None:
    """'past', 'present', 'future' or None: the tense of the verb governing the span [start, end).

    Walks from the span's last token up the dependency tree to the first verb, then reads that
    verb's auxiliaries: will/shall -> future, a past-tense auxiliary or verb (VBD, had/was/did, or a
    perfect "has done", which reports a past event) -> past, otherwise present. Reported-speech
    verbs higher up are not consulted: "He said the vote will be on Tuesday" is future.
    """
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span[-1]
    possessive = tok.tag_ == "POS" or (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS")
    verb = _governing_verb(tok)
    if verb is not None and _across_quote_mark(doc, span, verb):
        # 'Wechsler on Thursday: "There is no ..."': the verb found belongs to the words quoted after
        # the day, not to the heading that dates them
        verb = None
    tense = _tense_of(verb) if verb is not None else None
    if _deadline_ahead(doc, span, verb, tense):
        return "future"
    if tense == "past" and verb is not None and (_plans_a_thing(verb) or _planned_for(doc, span, verb)):
        # "planned a march on Saturday", "scheduled the vote for Monday", "the accession was planned for
        # March": the plan was made in the past, but the day belongs to what was planned, which may lie
        # on either side of the report
        return None
    if span.start > 0 and doc[span.start - 1].lower_ == "effective":
        # "created an office of the chairman, effective Feb. 1": the day a change takes effect, told when
        # it is announced, lies on either side of the report whatever the tense of the announcement
        return None
    if possessive and tense != "future":
        # "Friday's purchases", "Thursday's closing price": the day names something already on
        # record, whatever the tense of the clause ("is far below Friday's purchases")
        return "past"
    return tense


# Verbs that move something to a later time: what follows "until" or "to" under them lies ahead of the
# moment they were done ("postponed until Tuesday", "gave them until Friday to sign").
_DEFERRAL_VERBS = {"postpone", "delay", "defer", "adjourn", "extend", "suspend", "give", "grant", "allow",
                   "push", "move", "reschedule", "put", "hold", "freeze", "recess"}
# those of them that move a thing "to" a day ("delayed the launch to Friday"; not "gave it to Friday")
_DEFERRAL_TO_VERBS = _DEFERRAL_VERBS - {"give", "allow", "hold", "put", "freeze"}


_PLAN_VERBS = {"plan", "schedule", "slate", "arrange", "call", "book", "organise", "organize"}
# participles that make a noun a plan: "a summit set for April", "the vote scheduled for Monday"
_PLANNED_PARTICIPLES = {"set", "schedule", "slate", "plan", "due", "expect", "timetable"}


def _plans_a_thing(verb) -> bool:
    """A finite verb of planning with a planned thing as object ("planned a march", "called a strike"); not
    "planned to pay" (the day may be when the plan was told) nor "a service planned for Saturday"."""
    return (verb.tag_ == "VBD" and verb.lemma_.lower() in _PLAN_VERBS
            and any(c.dep_ == "dobj" for c in verb.children) and not any(c.dep_ == "xcomp" for c in verb.children))


def _planned_for(doc, span, verb) -> bool:
    """A passive plan with the day after "for": "was scheduled for Monday", "had been set for April"."""
    return (span.start > 0 and doc[span.start - 1].lower_ == "for" and verb.tag_ == "VBN"
            and verb.lemma_.lower() in _PLAN_VERBS | _PLANNED_PARTICIPLES)


def _deadline_ahead(doc, span, verb, tense: str | None) -> bool:
    """A time after "until"/"till" (or "to" under a deferral verb) is a deadline ahead of the clause
    unless the clause tells of a past stretch that ended then ("the museum stayed open until Sunday")."""
    first = span[0]
    if first.i == 0:
        return False
    before = doc[first.i - 1].lower_
    lemma = verb.lemma_.lower() if verb is not None else ""
    if before in ("through", "thru"):
        # "has fallen 2% this year through Oct. 19" is a stretch that has ended; "closed through Friday" is not
        return tense != "past" or lemma in _DEFERRAL_VERBS
    if before in ("until", "till", "til"):
        return tense != "past" or lemma in _DEFERRAL_VERBS or (verb is not None and verb.tag_ == "VBN" and
                                                               any(c.lower_ in ("has", "have") for c in verb.children))
    if before == "for" and verb is not None and _plans_a_thing(verb):
        return True  # "scheduled the final for Sunday": the day the plan is for
    return before == "to" and lemma in _DEFERRAL_TO_VERBS


# the parser splits a typewriter quote "``" into two "`" tokens, both tagged as an opening quote
_QUOTE_TAGS = {"``", "''"}


def _across_quote_mark(doc, span, verb) -> bool:
    lo, hi = (span.end, verb.i) if verb.i >= span.end else (verb.i + 1, span.start)
    return any(doc[i].tag_ in _QUOTE_TAGS or doc[i].text in ('"', "\u201c", "\u201d") for i in range(lo, hi))


def _governing_verb(tok):
    """The first verb above ``tok``; a gerund of a dependent clause ("After touring Dar es Salaam
    Thursday, he said ...", "closing unchanged Friday") hands over to the verb it depends on, since
    it has no tense of its own."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            if tok.tag_ == "VBG" and tok.dep_ in _NONFINITE_DEPS and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
                above = _verb_above(tok)
                if above is not None:
                    tok = above
                    continue
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


_NONFINITE_DEPS = {"pcomp", "advcl", "acl", "conj", "xcomp"}


def _verb_above(tok):
    for _ in range(6):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            return tok
    return None


# verbs whose simple past is spelled as their base form, so that a tagger may read the past as present
_SAME_PAST_FORM = frozenset({"hurt", "put", "set", "cut", "hit", "let", "cost", "quit", "spread", "shut", "split",
                             "bid", "cast", "burst", "thrust", "shed", "upset", "broadcast", "forecast", "beat"})


def _finite_above(tok):
    """The verb an infinitive hangs from, through an adjective ("due to", "likely to") or another infinitive."""
    for _ in range(4):
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and (tok.tag_ != "VB" or tok.dep_ != "xcomp"):
            return tok
        if tok.head is tok:
            return None
    return None


def _tense_of(tok) -> str | None:
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX or ("going" in lowers and any(c.lower_ == "to" for c in tok.children)):
        return "future"
    if any(a.tag_ == "VBD" for a in auxes) or tok.tag_ == "VBD":
        return "past"
    if tok.tag_ == "VBP" and tok.lower_ in _SAME_PAST_FORM and any(
            c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in tok.children):
        # "Weakness in tech stocks hurt the index": a singular subject rules out the present ("hurts"), so
        # the parser's present tag on a verb whose past looks like its base is the past
        return "past"
    if tok.tag_ == "VBN" and lowers & {"has", "have", "had"}:
        return "past"
    if tok.tag_ == "VBN" and not auxes and tok.dep_ == "acl" and tok.lemma_.lower() in _PLANNED_PARTICIPLES and (
            tok.lemma_.lower() != "set" or any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)):
        # "a NATO summit set for April": a plan, on either side of the report; but "a record set on Aug. 6"
        # was set then
        return None
    if tok.tag_ == "VBN" and not auxes and tok.dep_ in ("ROOT", "conj", "advcl", "ccomp", "relcl", "acl"):
        return "past"
    if lowers & (_MODALS - _FUTURE_AUX):  # "could", "may", "must" ...: no tense to go by
        return None
    if tok.tag_ == "VB" and "to" in lowers and tok.dep_ == "xcomp":
        above = _finite_above(tok)
        if above is None or _tense_of(above) != "past":
            # "talks are expected to resume Monday", "is due to visit on Thursday": an infinitive under a
            # present verb of plan or expectation looks ahead
            return "future"
        # "had been due to expire Friday": the plan lies in the past, and a pluperfect puts what was
        # planned there too; "was due to arrive Friday" may have happened or still lie ahead
        return "past" if any(a.lower_ == "had" for a in above.children if a.dep_ in ("aux", "auxpass")) else None
    if tok.tag_ in ("VBZ", "VBP", "VBG") or lowers & {"is", "are", "am"}:
        return "present"
    return None


# ---------------------------------------------------------------------------------------------
# Tagging
# ---------------------------------------------------------------------------------------------

TIMEX_COLUMNS = ["start", "end", "text", "type", "value", "mod", "anchor", "earliest", "latest"]


# What every match of a pattern must contain, checked once per sentence before the pattern runs: most
# sentences have no digit, month or weekday, and skipping the patterns that need one halves tagging time.
# A gate must be implied by its pattern (tests/test_times.py checks the gated and ungated taggers agree).
_DIGIT, _MONTH = re.compile(r"\d"), re.compile(_MONTH_RE)
_GATES: dict[str, re.Pattern] = {
    **{name: _DIGIT for name in ("month_day_year", "day_month_year", "glued_day_month_year", "iso_date", "fiscal", "year_fiscal", "month_year",
                                 "season_year", "decade", "year", "month_day", "day_month", "year_range")},
    "clock": re.compile(r"\d|noon|midday|midnight", _I),
    **{name: _MONTH for name in ("rel_month", "month_rel_year", "month")},
    "weekday": re.compile(_WEEKDAY_RE),
    "clock24": re.compile(r"\d:\d"),
}

# Word gates: a pattern runs only if the sentence holds a word of each set (its words case-folded,
# letters only). Each set lists every word one of the pattern's matches must contain; the regex
# gates above stay for what is not a word (digits, case-sensitive names).
# every word _UNIT_RE accepts, its odd spellings too ("centurie", "centurys")
_UNIT_WORDS = frozenset({"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "quarters", "year",
                         "years", "decade", "decades", "century", "centurys", "centurie", "centuries"})
_PLURAL_UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "quarters", "years", "decades", "centuries"})
_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
_WORD_GATES: dict[str, tuple[frozenset, ...]] = {
    "decade_word": (frozenset({"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}),),
    "quarter": (frozenset({"quarter"}),),
    "report_quarter": (frozenset({"quarter", "period"}),),
    "year_earlier": (frozenset({"year"}),),
    "spelled_year": (frozenset({"nineteen", "thousand"}),),
    "century": (frozenset({"century"}),),
    "this_century": (frozenset({"century", "decade"}),),
    "holiday": (frozenset({"thanksgiving", "christmas", "new", "easter", "independence"}),),
    "narrative_day": (frozenset({"that", "next", "following", "previous", "same"}),
                      frozenset({"day", "morning", "afternoon", "evening", "night", "week", "month", "year"})),
    "year_ended": (frozenset({"the"}), frozenset({"year"}), frozenset({"ended", "ending", "ends"})),
    "the_unit": (frozenset({"the"}), frozenset({"year", "week", "weekend", "day"})),
    "rel_unit": (frozenset({"last", "next", "this", "past", "previous", "coming", "current"}),
                 frozenset({"week", "month", "year", "quarter", "weekend"})),
    "rel_season": (frozenset({"last", "next", "this"}), _SEASONS),
    "the_season": (frozenset({"the"}), _SEASONS - {"fall"}),
    "ago": (frozenset({"ago", "earlier", "now", "hence"}), _UNIT_WORDS),
    "deictic_day": (frozenset({"today", "tonight", "yesterday", "tomorrow", "night"}),),
    "this_part": (frozenset({"this"}),),
    "past_duration": (frozenset({"past", "last", "previous"}), _UNIT_WORDS),
    "duration": (_UNIT_WORDS,),
    "vague_duration": (frozenset({"for"}), _PLURAL_UNITS),
    "vague_amount": (_PLURAL_UNITS,),
    "set_every": (frozenset({"every", "each"}),),
    "set_adverb": (frozenset({"hourly", "daily", "weekly", "monthly", "annually", "yearly"}),),
    "past_ref": (frozenset({"recently", "lately", "past", "previous", "formerly"}),),
    "present_ref": (frozenset({"now", "currently", "present", "nowadays", "days", "moment", "current"}),),
    "future_ref": (frozenset({"future", "ahead", "soon", "term"}),),
    "year_end": (frozenset({"year", "end"}),),
}
_LETTERS = re.compile(r"[a-z]+")


def find_timexes(text: str, lo: int = 0, hi: int | None = None, gated: bool = True) -> list[tuple[int, int, str, _Spec, str]]:
    """Non-overlapping (start, end, type, spec, rule) matches in text[lo:hi]; longest match wins.

    ``gated=False`` runs every pattern without the cheap pre-checks (for testing the gates)."""
    hi = len(text) if hi is None else hi
    cands = []
    open_gates: dict[re.Pattern, bool] = {}  # a gate shared by several patterns is searched once
    # case-folded as re.I compares ("İ" folds to "i" and a combining dot, which would split a word)
    words = set(_LETTERS.findall(text[lo:hi].casefold().replace("\u0307", ""))) if gated else set()
    for name, rx in PATTERNS:
        if gated and not all(words & needed for needed in _WORD_GATES.get(name, ())):
            continue
        gate = _GATES.get(name) if gated else None
        if gate is not None:
            if gate not in open_gates:
                open_gates[gate] = gate.search(text, lo, hi) is not None
            if not open_gates[gate]:
                continue
        for m in rx.finditer(text, lo, hi):
            got = _spec_of(name, m, text)
            if got is not None:
                cands.append((m.start(), m.end(), got[0], got[1], name))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for c in cands:
        if all(c[1] <= s or c[0] >= e for s, e in taken):
            taken.append((c[0], c[1]))
            out.append(c)
    out.sort(key=lambda c: c[0])
    return out


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$")


def _rows(text: str, doc, anchor, spans: list[tuple[int, int]]) -> list[dict]:
    rows = []
    narrative_at = None  # the last explicit calendar day the text has moved to ("On March 3, 2019, ...")
    # the last month and year the text named, at any granularity ("In 1998 ...", "in March 2001"): what
    # "that year", "later that month" point back to
    narrative_period: dict[str, str] = {}
    for lo, hi in spans:
        for start, end, type_, spec, rule in find_timexes(text, lo, hi):
            tense = clause_tense(doc, start, end) if type_ in ("DATE", "TIME") else None
            unit = spec.params.get("unit") if spec.kind == "narrative" else None
            if unit in ("month", "year") and unit in narrative_period:
                # "later that year" in an account of 1998 is 1998, not the publication year
                spec = _Spec(spec.kind, {**spec.params, "ref": narrative_period[unit]})
            elif spec.kind == "narrative" and narrative_at is not None:
                # "that evening", "the next day": the day the account is about, not the publication day
                spec = _Spec(spec.kind, {**spec.params, "ref": narrative_at})
            elif spec.kind == "clock" and not spec.params.get("wd") and narrative_at is not None and tense == "past":
                # "A quake struck early on Monday. It hit at 3:12 a.m.": a bare clock time told in
                # the past is on the day the account is about
                spec = _Spec(spec.kind, {**spec.params, "day": narrative_at[:10]})
            if rule == "deictic_day" and text[start:end].lower().startswith("today") and _generic_today(doc, start):
                type_, spec, tense = "DATE", _Spec("ref", {"value": "PRESENT_REF"}), None
            res = resolve(spec, type_, anchor, tense)
            if _DAY_VALUE.match(str(res["value"])):
                # any expression that names one calendar day moves the account there: "on March 3,
                # 2019", "on Monday", "yesterday", "the next day"; a later "that evening" is that day's
                narrative_at = res["value"]
            period = _PERIOD_VALUE.match(str(res["value"])) if type_ == "DATE" else None
            if period is not None:
                year, month = period.group(1), period.group(2)
                narrative_period["year"] = f"{year}-01-01"
                if month:
                    narrative_period["month"] = f"{year}-{month}-01"
                else:
                    narrative_period.pop("month", None)
            rows.append({"start": start, "end": end, "text": text[start:end], "type": type_, **res,
                         "spec": spec.dumps(), "tense": tense, "rule": rule})
    return _year_ago_quarters(text, doc, rows)


# Who or what a present age is made of: "today's youth", "the world of today". Only these are read as
# the present age (PRESENT_REF); measured on TempEval news, "today" after a noun or between a subject and
# its verb ("a statement today", "we today accept") is far more often the day itself.
_AGE_NOUNS = {"youth", "generation", "generations", "world", "society", "children", "young", "people", "students",
              "parents", "workers", "teenagers", "families", "economy", "culture"}


def _generic_today(doc, start: int) -> bool:
    """"The world of today", "today's youth", "children today learn ...": the present age (TimeML
    PRESENT_REF), not the day of publication."""
    if doc is None:
        return False
    span = doc.char_span(start, start + 5, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        return True
    before = doc[tok.i - 1] if tok.i > 0 else None
    verb = tok.head.head if tok.head.i == tok.i - 1 else tok.head  # "people today" may hang on "people"
    if before is not None and before.lower_ in _AGE_NOUNS and verb.tag_ in ("VBP", "VBZ"):
        return True  # "young people today read less": what holds of an age, in the present of habit
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.tag_ == "POS":
        noun = next((t for t in doc[tok.i + 2 : tok.i + 5] if t.pos_ in ("NOUN", "PROPN")), None)
        return noun is not None and noun.lower_ in _AGE_NOUNS
    return False


_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR_BACK = re.compile(r"^(?:a|one)\s+year\s+(?:ago|earlier|before)$", _I)


def _year_ago_quarters(text: str, doc, rows: list[dict]) -> list[dict]:
    """"a year ago" / "a year earlier" in a passage about a quarter ("third-quarter profit rose to
    $5 million from $3 million a year earlier") is that quarter a year before (1988-Q3 for 1989-Q3),
    not the whole previous year: company results compare a quarter with the same quarter.

    The quarter is the one named last in the same sentence or the two before it ("Third-quarter
    net fell 5%. Revenue declined to $85 million from $93 million a year earlier."); a quarter that is
    itself a year back ("the year-ago quarter") is a comparison, not the passage's quarter."""
    def sentence_index(offset: int) -> int:
        if doc is None:
            return text.count("\n", 0, offset)
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span.sent.start if span is not None else -10**6

    quarters = [(r["start"], sentence_index(r["start"]), m) for r in rows
                if (m := _QUARTER_VALUE.match(str(r.get("value") or ""))) and not _is_year_back(r)]
    if not quarters:
        return rows
    sent_starts = sorted({sent.start for sent in doc.sents}) if doc is not None else None
    for r in rows:
        if not _YEAR_BACK.match(r["text"]) or r.get("type") != "DATE":
            continue
        here = sentence_index(r["start"])
        if sent_starts is not None:
            pos = sent_starts.index(here) if here in sent_starts else 0
            window = set(sent_starts[max(0, pos - _QUARTER_PASSAGE_SENTENCES): pos + 1])
        else:
            window = set(range(here - _QUARTER_PASSAGE_SENTENCES, here + 1))
        same_sentence = [m for start, sent, m in quarters if sent == here]
        sentence_start = doc[here].idx if doc is not None and here >= 0 else 0
        compares = _COMPARISON.search(text, max(sentence_start, r["start"] - _COMPARISON_REACH), r["start"]) is not None
        before = [m for start, sent, m in quarters if sent in window and start < r["start"]] if compares else []
        chosen = same_sentence[0] if same_sentence else (before[-1] if before else None)
        if chosen is not None:
            year, q = int(chosen.group(1)), int(chosen.group(2))
            r["value"] = f"{year - 1:04d}-Q{q}"
            r["earliest"], r["latest"] = bounds(r["value"], r.get("mod"))
    return rows


# how many sentences back a quarter still sets the period a "a year earlier" compares with, when its own
# sentence compares two figures ("fell to $85 million from $93 million a year earlier"); "A year ago the
# mills ran a night shift" compares nothing and keeps the whole year
_QUARTER_PASSAGE_SENTENCES = 2
_COMPARISON = re.compile(r"\b(?:from|compared|than|versus|vs\.|against)\b", re.I)
_COMPARISON_REACH = 80


def _is_year_back(row: dict) -> bool:
    low = row["text"].lower()
    return "year-ago" in low or "year-earlier" in low or "prior-year" in low or bool(_YEAR_BACK.match(row["text"]))


def tag_times(text: str, dct=None) -> pd.DataFrame:
    """Temporal expressions of one raw text, normalised to TIMEX3 values.

    Parameters
    ----------
    text
        Any English text.
    dct
        Document creation time (publication date) to anchor relative expressions on: anything
        ``pd.Timestamp`` accepts ("2020-06-30"), or None to leave them underspecified.

    Returns
    -------
    DataFrame
        start, end (offsets into ``text``), text, type (DATE/TIME/DURATION/SET), value (TIMEX3),
        mod (START/MID/END or NA), anchor (the date relative ones were resolved on), earliest,
        latest (inclusive day bounds; NaT = unbounded or not a calendar value), plus spec (the
        unanchored meaning), tense (of the governing verb) and rule (which pattern matched).

    Examples
    --------
    >>> tag_times("Deliveries began in mid-July last year.", dct="2020-07-01")[["text", "value", "mod"]]
                     text    value  mod
    0  mid-July last year  2019-07  MID
    """
    from ..core.nlp import nlp_doc

    doc = nlp_doc(text)
    rows = _rows(text, doc, dct, [(0, len(text))])
    frame = schema.conform("timexes", rows).drop(columns=["article_id", "sent_id"])
    return frame


def timex_table(ctx: ArticleContext) -> pd.DataFrame:
    """The timexes table of one parsed article, anchored on ``ctx.published`` when known.

    Only title and body sentences are searched (boilerplate is skipped). Tense comes from
    ``ctx.doc`` (no re-parsing).

    Returns
    -------
    DataFrame
        article_id, sent_id, start, end, text, type, value, mod, anchor, earliest, latest
        (see ``schema.TABLES['timexes']``), plus spec, tense and rule used by :func:`reanchor`.
    """
    return schema.conform("timexes", timex_rows(ctx))


def _line_spans(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans, two joined when the parser split one line with no end punctuation between them
    ("Tim Baker16 | September 2019", a byline glued to its date stamp): a date may cross such a split."""
    out: list[list[int]] = []
    for lo, hi in bounds:
        if out and "\n" not in text[out[-1][1]:lo] and not text[out[-1][0]:out[-1][1]].rstrip().endswith((".", "!", "?", ":", ";", "”", '"')):
            out[-1][1] = hi
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def timex_rows(ctx: ArticleContext) -> list[dict]:
    """The rows of :func:`timex_table`, as dicts (the parse types the rows of many articles at once)."""
    rows = _rows(ctx.text, ctx.doc, ctx.published, _line_spans(ctx.text, ctx.sentence_bounds()))
    for row in rows:
        row["article_id"] = ctx.article_id
        row["sent_id"] = ctx.sent_id_at(row["start"])
    return rows


def reanchor(timexes: pd.DataFrame, anchor) -> pd.DataFrame:
    """Resolve the rows of ``timexes`` again against a new anchor (e.g. an inferred publication date),
    using the stored ``spec`` and ``tense``; offsets and text are unchanged."""
    if len(timexes) == 0 or "spec" not in timexes.columns:
        return timexes
    return _reanchor_rows(timexes, dict.fromkeys(range(len(timexes)), anchor))


def reanchor_articles(timexes: pd.DataFrame, anchors: dict) -> pd.DataFrame:
    """:func:`reanchor` for several articles at once: ``anchors`` maps article_id to its new anchor;
    rows of other articles are left as they are, and every row stays in place."""
    if len(timexes) == 0 or "spec" not in timexes.columns:
        return timexes
    anchor_at = {k: anchors[aid] for k, aid in enumerate(timexes["article_id"].tolist()) if aid in anchors}
    return _reanchor_rows(timexes, anchor_at) if anchor_at else timexes


def _reanchor_rows(timexes: pd.DataFrame, anchor_at: dict[int, object]) -> pd.DataFrame:
    """``timexes`` with the rows at the positions in ``anchor_at`` resolved on their new anchor."""
    specs, types, tenses = timexes["spec"].tolist(), timexes["type"].tolist(), timexes["tense"].tolist()
    res = {k: resolve(_Spec.loads(specs[k]), types[k], anchor, None if pd.isna(tenses[k]) else tenses[k]) for k, anchor in anchor_at.items()}
    dtypes = {c.name: c.dtype for c in schema.TABLES["timexes"]}
    new = {}
    for col in ("value", "mod", "anchor", "earliest", "latest"):
        values = timexes[col].tolist()
        for k, r in res.items():
            values[k] = r[col]
        new[col] = schema.typed_array(values, dtypes[col])
    return timexes.assign(**new)
