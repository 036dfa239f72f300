"""Splitting an article into paragraphs and flagging the headline and the boilerplate.

Boilerplate ("Read more: ...", follow/subscribe footers, staff credits) is flagged with the name of
the rule that caught it, never removed: a reader can always see what was set aside and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..core import schema


@dataclass(frozen=True)
class BoilerplateRule:
    name: str
    pattern: re.Pattern


def _rule(name: str, pattern: str) -> BoilerplateRule:
    return BoilerplateRule(name, re.compile(pattern, re.IGNORECASE))


# Rules describe habits of news sites in general, not of any one article: a line is boilerplate when
# it points the reader elsewhere or credits the page rather than telling the story.
BOILERPLATE_RULES: list[BoilerplateRule] = [
    _rule("read_more", r"^(read (more|also)|see also|also read|related( stories| articles)?|recommended|more on this)\s*[:>\-–—]"),
    _rule("follow_us", r"^follow us\b|\bfollow (us|our) (on|everywhere)\b"),
    _rule("subscribe", r"^(subscribe|sign up|join our)\b|\bsubscribe to (our|the) (newsletter|channel)|^do not miss the chance to subscribe"),
    _rule("share", r"^(share|tweet|print|email)( this( article| story)?)?\s*[:|]?\s*$"),
    _rule("contribute", r"^>*\s*be a reporter\b|^(send|submit) (us )?(your )?(news|tips|stories)\b"),
    _rule("credits", r"^(editorial team|editing by|reporting by|written by|edited by|photo( credit)?s?:|image:|source:|©|copyright\b|all rights reserved)"),
    _rule("advertisement", r"^(advertisement|sponsored( content)?|ad)$"),
    # a picture's credit or caption line: an agency or photographer credit with a slash or a
    # "photo"/"image" word, not a sentence of the story (those rarely end without a full stop)
    _rule("photo_credit",
          r"^\(?\s*(photo|picture|image|file photo|video)\s*(credit|copyright|caption)?\s*[:/]?\s*(by\s+)?[^.!?]{0,80}\)?$"
          r"|^\(?[A-Z][\w.'-]*( [A-Z][\w.'-]*){0,3}\s*/\s*(AP|AFP|Reuters|Getty Images|EPA|Bloomberg|Xinhua|TASS|Sputnik|Anadolu)"
          r"[\w .,/-]{0,40}\)?$"
          r"|^\(?(AP|AFP|REUTERS|Reuters|EPA|Getty)( Photo)?\s*/\s*[\w .'-]{2,60}\)?$"
          r"|^image (copyright|caption)\b"),
    # navigation and layout text that a copy-paste of a web page carries along
    _rule("page_furniture",
          r"^(story continues below|continue reading( (the )?(main )?(story|article))?|scroll (down )?(to continue|for (more|video))"
          r"|skip (to|past) (content|advertisement|main)|click here\b.{0,80}$|(watch|listen)( now| live)?\s*:?\s*$"
          r"|(media|video) playback is unsupported|this (video|content) is not available|loading( video)?\s*\.{0,3}$"
          r"|(back to top|next article|previous article|most read|top stories|trending( now)?)\s*$)"),
]


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``, whitespace trimmed.

    Blank lines always separate paragraphs. A single line break separates them too, unless the
    text is hard-wrapped (nearly every line cut near the same width), in which case wrapped lines
    are joined back into one paragraph.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    lines = [(s, e) for s, e in lines if text[s:e].strip()]
    wrapped = _looks_hard_wrapped([e - s for s, e in lines])
    spans: list[tuple[int, int]] = []
    for s, e in lines:
        if wrapped and spans and "\n\n" not in text[spans[-1][1] : s].replace(" ", "").replace("\t", ""):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return [_trim(text, s, e) for s, e in spans]


def _looks_hard_wrapped(lengths: list[int]) -> bool:
    if len(lengths) < 8:
        return False
    widest = max(lengths)
    if widest > 100:
        return False
    near_width = sum(length >= widest - 15 for length in lengths)
    return near_width >= 0.6 * len(lengths)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def boilerplate_rule(paragraph: str, rules: list[BoilerplateRule] | None = None) -> str | None:
    """Name of the first boilerplate rule matching ``paragraph``, or None for story text."""
    stripped = paragraph.strip()
    for rule in rules or BOILERPLATE_RULES:
        if rule.pattern.search(stripped):
            return rule.name
    return None


# how many paragraphs from the start a headline the metadata gives is looked for
TITLE_WITHIN = 3


def _is_title(paragraph: str, title: str | None) -> bool:
    if title:
        return _norm(paragraph) == _norm(title)
    # without metadata, a short first line with no closing full stop reads as a headline
    return len(paragraph) <= 200 and not paragraph.rstrip().endswith((".", "”", '"')) and "\n" not in paragraph


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def paragraph_table(article_id: str, text: str, title: str | None = None) -> pd.DataFrame:
    """The paragraphs table of one article (columns in :mod:`s400lib.core.schema`)."""
    return schema.conform("paragraphs", paragraph_rows(article_id, text, title))


def paragraph_rows(article_id: str, text: str, title: str | None = None) -> list[dict]:
    """The rows of :func:`paragraph_table`, as dicts (the parse types the rows of many articles at once)."""
    rows = []
    spans = split_paragraphs(text)
    # the headline opens the text, or follows a line or two of page furniture ("October 15, 2019") when the
    # metadata gives it
    title_at = 0
    if title:
        title_at = next((k for k, (s0, s1) in enumerate(spans[:TITLE_WITHIN]) if _is_title(text[s0:s1], title)), 0)
    for para_id, (start, end) in enumerate(spans):
        chunk = text[start:end]
        rule = boilerplate_rule(chunk)
        if para_id == title_at and rule is None and _is_title(chunk, title):
            kind = "title"
        elif rule is not None:
            kind = "boilerplate"
        else:
            kind = "body"
        rows.append(
            {
                "article_id": article_id,
                "para_id": para_id,
                "start": start,
                "end": end,
                "text": chunk,
                "kind": kind,
                "boilerplate_rule": rule,
            }
        )
    return rows


def first_line_title(text: str) -> str | None:
    """The headline of an article that has no title in its metadata, when the first line is one."""
    spans = split_paragraphs(text)
    if not spans:
        return None
    first = text[spans[0][0] : spans[0][1]]
    return first if _is_title(first, None) else None
