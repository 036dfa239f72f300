"""The data dictionary: every table s400lib produces, its columns, their dtypes and meaning.

This module is the single source of truth for table shapes. Extractors build their frames with
:func:`empty` / :func:`conform` so that an article with nothing to report still yields a table with
the right columns and dtypes, and ``Tables.describe()`` reads its text from here.

Offsets: every table whose rows come from text has ``article_id``, ``start`` and ``end``; ``start``
and ``end`` are character offsets into that article's full text (``articles.text``), so
``article_text[start:end] == row.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa

# pandas extension dtypes keep missing values as <NA> instead of silently turning ints into floats,
# and they round-trip through Parquet unchanged.
STR = "string"
INT = "Int64"
FLOAT = "Float64"
BOOL = "boolean"
TIME = "datetime64[ns]"


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    description: str


def _cols(*rows: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*row) for row in rows)


_OFFSETS = (
    ("start", INT, "Character offset where the row's text begins in the article's full text."),
    ("end", INT, "Character offset just past the row's text: article_text[start:end] == text."),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": _cols(
        ("article_id", STR, "Stable identifier: the source file name without its extension."),
        ("path", STR, "Path of the source file as given to load_corpus."),
        ("title", STR, "Headline, from metadata or, failing that, the first short line of the text."),
        ("outlet", STR, "Publisher as given in metadata; <NA> when unknown."),
        ("published", TIME, "Publication date. From metadata when given, else the midpoint of the inferred interval, else NaT."),
        ("published_source", STR, "Where 'published' comes from: 'metadata', 'inferred' or 'unknown'."),
        ("published_earliest", TIME, "Earliest date the article can have been published (equals 'published' for metadata dates)."),
        ("published_latest", TIME, "Latest date the article can have been published."),
        ("language", STR, "ISO 639-1 language code: from metadata, else detected by py3langid when it is sure, else 'en'."),
        ("url", STR, "Source URL from metadata; <NA> when not given."),
        ("notes", STR, "Free-text notes from metadata."),
        ("n_chars", INT, "Length of the full text in characters."),
        ("text", STR, "The full text exactly as read (after decoding and, for HTML, extraction). All offsets point into it."),
    ),
    "paragraphs": _cols(
        ("article_id", STR, "Article the paragraph belongs to."),
        ("para_id", INT, "Position of the paragraph in its article, from 0."),
        *_OFFSETS,
        ("text", STR, "Paragraph text without surrounding whitespace."),
        ("kind", STR, "'title' (the headline), 'body' (the story) or 'boilerplate' (read-more links, follow/subscribe footers, credits, picture credits, page furniture such as 'Story continues below'). Boilerplate is kept here and left out of sentences."),
        ("boilerplate_rule", STR, "Name of the rule that flagged a boilerplate paragraph; <NA> otherwise."),
    ),
    "sentences": _cols(
        ("article_id", STR, "Article the sentence belongs to."),
        ("sent_id", INT, "Position of the sentence in its article, from 0 (title and body only)."),
        ("para_id", INT, "Paragraph holding the sentence (sentences never cross paragraphs)."),
        *_OFFSETS,
        ("text", STR, "Sentence text as spaCy segmented it, inside paragraph boundaries."),
    ),
    "entities": _cols(
        ("article_id", STR, "Article of the mention."),
        ("sent_id", INT, "Sentence holding the mention."),
        *_OFFSETS,
        ("text", STR, "The mention as written."),
        ("label", STR, "spaCy entity label (PERSON, ORG, GPE, NORP, DATE, MONEY, ...)."),
        ("canonical", STR, "One name per real-world thing across the corpus ('Thune' -> 'John Thune', 'C-400' -> 'S-400')."),
        ("canonical_rule", STR, "Why this canonical name: 'alias' (alias table), 'designator' ('C-400' -> 'S-400'), 'longest_mention' (a longer name in the corpus), 'fuzzy' (spelling/transliteration variant), 'suffix' ('Boeing Co.'), 'spelling' ('U.N.'), 'acronym' or 'short_form' (the long name an article ties it to, or whose initials it spells), 'in_article' (a surname or first name the corpus cannot settle, settled by the full names of its own article), 'capital_as_state' (a capital acting as its state, 'Tehran has denied ...' -> 'Iran', read from the extra column role: the mention's syntactic role, 'nsubj:deny', 'pobj:in') or 'self'."),
    ),
    "quotes": _cols(
        ("article_id", STR, "Article of the quote (<NA> for extract_quotes on a bare text)."),
        ("quote_id", STR, "Corpus-wide identifier '<article_id>:q<n>'."),
        ("sent_id", INT, "Sentence where the quote starts."),
        *_OFFSETS,
        ("text", STR, "The quoted words (without the quotation marks) or, for indirect speech, the reported clause."),
        ("kind", STR, "'direct' (a sentence or more in quotation marks), 'partial' (a quoted fragment inside reported speech), 'indirect' (reported speech without marks) or 'scare' (marked words nobody is quoted as saying)."),
        ("speaker", STR, "Canonical name of who is quoted; <NA> for scare quotes or when unresolved."),
        ("speaker_text", STR, "The mention the speaker was resolved from ('he', 'the head of the committee', 'Slutsky')."),
        ("speaker_start", INT, "Offset of speaker_text in the article (<NA> when unresolved)."),
        ("speaker_end", INT, "End offset of speaker_text."),
        ("speaker_rule", STR, "How the speaker was found: 'cue_subject', 'pronoun', 'role_title', 'role_next' (a role named in the next sentence), 'medium', 'according_to', 'previous_speaker', 'introduced_before' (a lone quote after a sentence about a named person), 'enclosing_report' (quoted words inside a report), 'office+...' / 'kin+...' (an office or a family speaking for its owner), 'title' (the name of a work in marks: no speaker), ... ; lets a reader judge how far to trust it."),
        ("cue", STR, "Lemma of the reporting verb or phrase ('say', 'tell', 'according to')."),
        ("confidence", FLOAT, "Rule confidence between 0 and 1; low values mark quotes a reader should check."),
        ("speaker_kind", STR, "What the speaker is: 'person', 'org' (an organisation, office or outlet) or 'group' ('Russian experts'); <NA> when there is no speaker."),
        ("nested_in", STR, "For a report told inside a direct quote ('“I suspect they won't do that,” he said'), the quote_id of that quote; for words quoted in part inside their speaker's own report ('Heald said ... “nobody has looked at these together”'), the quote_id of that report, of which they are part (count statements with s400lib.core.statements.statements); <NA> otherwise."),
    ),
    "timexes": _cols(
        ("article_id", STR, "Article of the expression."),
        ("sent_id", INT, "Sentence holding it."),
        *_OFFSETS,
        ("text", STR, "The temporal expression as written."),
        ("type", STR, "TIMEX3 type: DATE, TIME, DURATION or SET."),
        ("value", STR, "TIMEX3 value ('2019-10-23', '2019-07', '2020-W26', 'P30D', 'PAST_REF', ...)."),
        ("mod", STR, "TIMEX3 modifier (START, MID, END, APPROX, ...); <NA> when none."),
        ("anchor", STR, "The date the value was resolved against (publication date or an inferred one); <NA> for absolute dates."),
        ("earliest", TIME, "Earliest instant the value can denote."),
        ("latest", TIME, "Latest instant the value can denote."),
    ),
    "numbers": _cols(
        ("article_id", STR, "Article of the number."),
        ("sent_id", INT, "Sentence holding it."),
        *_OFFSETS,
        ("text", STR, "The number with its unit as written ('four S-400 divisions', '$ 2.5 billion')."),
        ("value", FLOAT, "Numeric value with scale words applied (2.5 billion -> 2.5e9)."),
        ("unit", STR, "Unit or counted noun ('USD', 'km', 'division'); <NA> when bare."),
    ),
    "claims": _cols(
        ("article_id", STR, "Article of the claim."),
        ("claim_id", STR, "Corpus-wide identifier '<article_id>:c<n>'."),
        ("sent_id", INT, "Sentence holding the claim."),
        *_OFFSETS,
        ("text", STR, "The claim unit: a sentence or one conjunct of a coordinated sentence."),
        ("source", STR, "Who asserts it: the canonical speaker of the quote it sits in, or the outlet itself."),
        ("modality", STR, "'asserted', 'hedged' (could, may, it seems), 'reported' (X said that...) or 'conditional' (if...)."),
        ("polarity", STR, "'positive' or 'negative' (negated main predicate)."),
        ("quote_id", STR, "Quote the claim comes from, if any."),
        ("entities", STR, "Canonical entities mentioned, joined by '|'."),
        ("numbers", STR, "Numbers mentioned as 'value unit', joined by '|'."),
        ("times", STR, "TIMEX3 values mentioned, joined by '|'."),
    ),
    "alignments": _cols(
        ("left_id", STR, "claim_id or quote_id of one side."),
        ("right_id", STR, "claim_id or quote_id of the other side."),
        ("left_article", STR, "Article of the left side."),
        ("right_article", STR, "Article of the right side."),
        ("left_text", STR, "Text of the left side."),
        ("right_text", STR, "Text of the right side."),
        ("relation", STR, "'same_quote' (one quote, e.g. two translations), 'paraphrase' or 'same_fact'."),
        ("score", FLOAT, "Similarity between 0 and 1 (higher is more alike)."),
    ),
    "contradictions": _cols(
        ("left_id", STR, "claim_id or quote_id of one side."),
        ("right_id", STR, "claim_id or quote_id of the other side."),
        ("left_article", STR, "Article of the left side."),
        ("right_article", STR, "Article of the right side."),
        ("left_text", STR, "Text of the left side."),
        ("right_text", STR, "Text of the right side."),
        ("kind", STR, "'numeric', 'temporal', 'polarity', 'modality', 'stance', 'status' or 'attribution'."),
        ("score", FLOAT, "Confidence between 0 and 1."),
        ("explanation", STR, "One plain sentence a reader can check against both texts."),
    ),
    "timeline": _cols(
        ("event_id", STR, "Identifier of the (merged) event."),
        ("value", STR, "TIMEX3 value dating the event."),
        ("earliest", TIME, "Earliest date of the event."),
        ("latest", TIME, "Latest date of the event."),
        ("text", STR, "What happened: the sentence or claim reporting it."),
        ("article_id", STR, "Article of the representative report."),
        ("claim_id", STR, "Claim of the representative report."),
        ("sources", INT, "How many articles report this event."),
        ("conflict", BOOL, "True when articles date the same event differently."),
    ),
}


# Extra columns (beyond the documented ones) whose dtype the values alone do not settle: a column of
# only missing values in one article would otherwise come out as object. Extractors add other extra
# columns (e.g. timexes' spec), typed from their values.
EXTRA_DTYPES: dict[str, dict[str, str]] = {
    "numbers": {"low": "Float64", "high": "Float64", "approx": "boolean", "state": "string"},
    "entities": {"bracket_of": "string", "role": "string"},
    "claims": {"source_rule": "string", "quoted": "boolean", "frames": "string", "args": "string", "patients": "string", "status": "string", "status_of": "string", "completed": "string", "lemmas": "string",
               "owners": "string", "places": "string", "winner": "string", "blame": "string", "cause": "string"},
}


def column_values(table: pd.DataFrame | list[dict], name: str, default=None) -> list:
    """The values of column ``name`` of ``table``, given as a DataFrame or as a list of row dicts
    (one article's rows before they are stacked into a frame); ``default`` where the column is missing."""
    if isinstance(table, list):
        return [row.get(name, default) for row in table]
    return table[name].tolist() if name in table.columns else [default] * len(table)


def empty(table: str) -> pd.DataFrame:
    """An empty frame with the documented columns and dtypes of ``table``, then the extra columns
    whose dtype is fixed (EXTRA_DTYPES): a table has the same columns whether or not it has rows."""
    return _empty_frame(table, tuple(EXTRA_DTYPES.get(table, {}).items())).copy()


@lru_cache(maxsize=None)
def _empty_frame(table: str, extra_dtypes: tuple) -> pd.DataFrame:
    # Built once per shape and copied: many articles have no numbers or no quotes, and building an
    # empty typed frame costs as much as filling one.
    typed = {**{col.name: col.dtype for col in TABLES[table]}, **dict(extra_dtypes)}
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in typed.items()})


def conform(table: str, frame: pd.DataFrame | list[dict] | None, extra_dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """Return ``frame`` with the documented columns of ``table`` first, in order, with their dtypes.

    Missing documented columns are added as all-NA; extra columns are kept after the documented ones
    so that modules can add their own without breaking the contract. ``extra_dtypes`` names extra
    columns that must exist with a given dtype (added as all-NA when missing, e.g. in an empty table).
    """
    extra_dtypes = extra_dtypes or {}
    typed = {**{col.name: col.dtype for col in TABLES[table]}, **extra_dtypes}
    if frame is None or len(frame) == 0 and (isinstance(frame, list) or len(frame.columns) == 0):
        return _empty_frame(table, tuple(extra_dtypes.items())).copy()
    if isinstance(frame, list):
        # Extractors call this once per article; building typed arrays straight from the row dicts
        # avoids an intermediate object frame and one astype per column, which dominated small tables.
        names = dict.fromkeys(key for row in frame for key in row)
        columns = {name: [row.get(name) for row in frame] for name in names}
        out = {name: _typed(columns.pop(name, None), dtype, len(frame)) for name, dtype in typed.items()}
        out.update({name: pd.Series(values, dtype=object if _has_lists(values) else None).array for name, values in columns.items()})
        return _frame_of_arrays(out, len(frame))
    if _already_conform(frame, typed):
        # e.g. a concatenation of conformed tables: nothing to change, and under copy-on-write a
        # shallow copy still leaves the caller's frame and this one independent
        return frame.copy(deep=False)
    frame = frame.reset_index(drop=True)
    have = frame.dtypes.to_dict()  # one lookup for all columns: a Series per column access is slow
    out = {}
    for name, dtype in typed.items():
        if name not in have:
            out[name] = _typed(None, dtype, len(frame))
        elif have[name] == _pandas_dtype(dtype):  # 'str' == 'string' holds, so compare dtype objects
            out[name] = frame[name].array
        elif dtype == TIME:
            out[name] = pd.to_datetime(frame[name], errors="coerce").astype(TIME).array
        else:
            out[name] = frame[name].astype(dtype).array
    out.update({c: frame[c].array for c in frame.columns if c not in out})
    # Copied (the dict default): the caller keeps its frame and may still change it.
    return pd.DataFrame(out)


def _frame_of_arrays(arrays: dict, length: int) -> pd.DataFrame:
    """A DataFrame over ready-made, equally long arrays, without copying or re-validating them.

    Extractors build one small frame per table per article, and pandas' general constructor costs
    about three times more than the arrays themselves; ``DataFrame._from_arrays`` skips the checks
    these arrays do not need. pandas is pinned, but should that private helper go, the public
    constructor gives the same frame.
    """
    try:
        return pd.DataFrame._from_arrays(
            list(arrays.values()), columns=_column_index(tuple(arrays)), index=pd.RangeIndex(length), verify_integrity=False
        )
    except (AttributeError, TypeError):
        return pd.DataFrame(arrays, copy=False)


@lru_cache(maxsize=256)
def _column_index(names: tuple[str, ...]) -> pd.Index:
    return pd.Index(list(names))


def _already_conform(frame: pd.DataFrame, typed: dict[str, str]) -> bool:
    """Whether ``frame`` has the typed columns first, in order, with their dtypes, and a 0..n-1 index."""
    index = frame.index
    if not (isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1):
        return False
    names = list(typed)
    if list(frame.columns[: len(names)]) != names or frame.columns.has_duplicates:
        return False
    dtypes = frame.dtypes.tolist()
    if any(d == object for d in dtypes[len(names) :]):
        return False  # an untyped extra column: rebuilding the frame infers its dtype (str, say)
    return all(have == _pandas_dtype(want) for have, want in zip(dtypes, typed.values()))


_NAT_NS = np.iinfo(np.int64).min


@lru_cache(maxsize=None)
def _pandas_dtype(dtype: str):
    return pd.api.types.pandas_dtype(dtype)


def typed_array(values: list, dtype: str):
    """An array of one of the schema's dtypes from plain Python values (None, <NA>, NaN and NaT become missing)."""
    return _typed(values, dtype, len(values))


def _ns_or_nat(stamp: pd.Timestamp) -> int:
    """Nanoseconds since 1970, or NaT for a date nanoseconds cannot hold ("800 years ago" is 1219):
    the row keeps its text and value, only the date column is empty."""
    try:
        return stamp.value
    except OverflowError:
        return _NAT_NS


def _typed(values: list | None, dtype: str, length: int):
    if values is None:
        values = [None] * length
    elif dtype in (STR, INT) and any(v is pd.NA for v in values):
        # values read back from a typed column (.tolist()) carry <NA>; the fast paths below want None
        values = [None if v is pd.NA else v for v in values]
    if dtype == TIME:
        if all(v is None or v is pd.NaT or type(v) is pd.Timestamp and v.tzinfo is None for v in values):
            # Naive Timestamps (whose .value is nanoseconds whatever their unit) map straight onto int64
            # nanoseconds, missing ones onto NaT's int64 minimum: pandas' parser is ~10x slower, per article.
            ns = np.array([_NAT_NS if v is None or v is pd.NaT else _ns_or_nat(v) for v in values], dtype=np.int64)
            return pd.array(ns.view(TIME))
        return pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").astype(TIME).array
    # Fast paths for the two commonest column types (about 5x quicker than pd.array, which validates
    # every value generically); anything unusual takes the general route.
    if dtype == STR and all(v is None or type(v) is str for v in values):
        return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()))
    if dtype == INT and all(v is None or type(v) is int for v in values):
        mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
        data = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=len(values))
        return pd.arrays.IntegerArray(data, mask)
    return pd.array(values, dtype=dtype)


def _has_lists(values: list) -> bool:
    return any(isinstance(v, (list, tuple, dict)) for v in values)


def describe(table: str | None = None) -> pd.DataFrame:
    """The data dictionary as a DataFrame[table, column, dtype, description]."""
    names = [table] if table else list(TABLES)
    rows = [
        {"table": t, "column": c.name, "dtype": c.dtype, "description": c.description}
        for t in names
        for c in TABLES[t]
    ]
    return pd.DataFrame(rows)


def to_markdown() -> str:
    """The data dictionary as Markdown, one section per table (what docs/DATA_DICTIONARY.md holds)."""
    parts = [
        "# s400lib data dictionary",
        "",
        "Generated by `python -m s400lib.core.schema > docs/DATA_DICTIONARY.md` from `s400lib/core/schema.py`; do not edit by hand.",
        "Offsets: `article_text[start:end] == text` for every row that has them.",
    ]
    for table, columns in TABLES.items():
        parts += ["", f"## {table}", "", "| column | dtype | meaning |", "| --- | --- | --- |"]
        parts += [f"| `{c.name}` | {c.dtype} | {c.description.replace('|', '/')} |" for c in columns]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(to_markdown(), end="")
