"""Contradictions between claims, across articles and inside one article.

Candidates come from the same blocking as :mod:`s400lib.compare.align` (shared rare words, canonical
entities, numbers, times and predicate classes; no all-pairs comparison), here including pairs from
one article. Pairs that :func:`s400lib.compare.align` found to be the same quote (e.g. two translations) are
*consistent* by definition and only checked for attribution; paraphrases and same-fact pairs are
the most related pairs of all and are checked like any other. Each remaining pair is tested by one
rule per kind:

numeric
    Both claims give a number with the same unit, the claims are about the same thing (shared
    content words), and the intervals the numbers allow do not overlap ("multi-billion dollar" allows
    2e9..1e12 USD, so "$ 2.5 billion" is consistent with it).
temporal
    Both claims share a predicate class and content words, and the dates bound to that predicate
    (the nearest one before each date) have disjoint intervals. A weekday no publication date pinned
    ("went down Thursday morning" in an undated article) is any day of that weekday: it cannot be another
    weekday, nor a date of another weekday.
polarity
    The same predicate class is affirmed in one claim and negated in the other ("Turkey will not
    abandon the S-400" / "Erdogan intends to abandon the deployment"), with shared content words.
modality
    The same predicate class is possible in one claim ("could force them to resell") and impossible
    in the other ("cannot ... resell", "re-export ... is impossible").
stance
    Two different sources use the same noun with opposite signs: one affirms a predicate about it,
    the other denies one ("to steal our secrets" / "does not represent any secret"). Also a party's
    claim and another party's rebuttal of it a sentence or two later in the same article ("Democrats
    say ..."; "Trump however dismissed suggestions ..."; see :mod:`s400lib.compare.rebuttals`).
status
    One claim reports a matter as settled (agreed, signed, completed) and a related one as still
    pending (negotiating, awaiting, underway), or one tells an act of a listed class as done ("has
    resigned") and the other as still to come ("said he would step down", "its intention to revoke").
attribution
    Aligned quoted words (``same_quote``) given to two different named speakers.

Scores are in [0, 1]: the rule's base confidence, raised by how much the two claims share and by
a difference of sources. Output is ranked, thresholded (``min_score``) and capped per topic
(``per_topic``) so that a reader can read all of it.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
import sys
from collections import Counter, defaultdict
from functools import lru_cache

import pandas as pd

from ..core import schema
from ..extract.claims import CLASSED_ACTS, CLOSED_STATUS_CLASSES, rows_inside
from ..extract.numbers import state_of_lemma
from ..extract.speakers.lexicon import FIRST_PERSON, PERSON_PRONOUNS, PLURAL_PRONOUNS
from ..core.countries import countries_in
from ..link.eventmatch import bag_weight, idf_of_counts
from ..link.names import country_keys, name_key
from .ages import age_disagreements, person_ages
from .align import align as _align
from .align import tokens
from .blocking import as_is, iter_candidate_pairs, key_matrix, map_slices, shared_counts
from .accounts import KINDS, accounts_of, rival_accounts
from .clocks import clock_accounts, rival_clocks
from .causes import rival_cause_pairs
from .culprits import culprit_pairs, parse_blame, rival_pairs
from .places import place_phrase, rival_places
from .rebuttals import acts_on_claim, rebuttal_pairs, rebuttal_verb

_GENERIC = {
    "be", "have", "do", "make", "give", "take", "get", "go", "come", "say", "include", "base", "use", "see",
    "know", "become", "seem", "continue", "begin", "want", "need", "try", "call", "report", "note", "accord",
    "cause", "allow", "provide", "keep", "put", "show", "turn", "lead", "find", "draw", "involve",
    "expect", "hope", "think", "believe", "plan", "intend", "tell", "ask", "let", "bring", "remain",
    "close", "observe", "express", "propose", "view", "understand", "consider", "focus", "battle",
}
_BASE = {"numeric": 0.6, "temporal": 0.5, "polarity": 0.55, "modality": 0.6, "stance": 0.5, "status": 0.5, "attribution": 0.6}
# How related (IDF-weighted lemma overlap) two claims must be before a rule may call them conflicting.
_MIN_RELATED = {"numeric": 0.3, "temporal": 0.35, "polarity": 0.15, "modality": 0.1, "stance": 0.05, "status": 0.2}
_NOT_ARGS = {"lot", "sort", "number", "time", "way", "thing", "part", "side", "fact", "case", "year", "month", "day"}


def _frames(value) -> list[tuple[str, str, str, int, str]]:
    """Parse claims.frames: (class, sign, modal, offset, 'v' verb / 'n' event noun)."""
    out = []
    if isinstance(value, str) and value:
        for f in value.split("|"):
            parts = f.split(":")
            if len(parts) >= 4 and parts[3].isdigit():
                out.append((parts[0], parts[1], parts[2], int(parts[3]), parts[4] if len(parts) > 4 else "v"))
    return out


def _args(value) -> list[tuple[str, str, int]]:
    out = []
    if isinstance(value, str) and value:
        for f in value.split("|"):
            parts = f.rsplit(":", 2)
            if len(parts) == 3 and parts[2].isdigit():
                out.append((parts[0], parts[1], int(parts[2])))
    return out


def _numbers(value) -> list[tuple[float, float, str]]:
    out = []
    if isinstance(value, str) and value:
        for item in value.split("|"):
            num, _, unit = item.partition(" ")
            if ".." in num:
                lo, _, hi = num.partition("..")
                low = float(lo) if lo else -math.inf
                high = float(hi) if hi else math.inf
            else:
                try:
                    low = high = float(num)
                except ValueError:
                    continue
            out.append((low, high, unit))
    return out


_DURATION = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$")
_DURATION_UNITS = {("", "Y"): "year", ("", "M"): "month", ("", "W"): "week", ("", "D"): "day",
                   ("T", "H"): "hour", ("T", "M"): "minute", ("T", "S"): "second"}


_TIME_UNITS = frozenset(_DURATION_UNITS.values())
# predicates of wanting, asking and offering: the figures they carry are hoped for, not told as done
_WANT_CLASSES = frozenset({"demand", "request", "propose", "offer", "seek", "want", "call", "urge", "ask", "bid", "push"})


def _wants(frames) -> bool:
    return any(f[0] in _WANT_CLASSES and f[1] == "+" for f in frames)


_REPORTING = frozenset({"say", "tell", "add", "report", "state", "according"})


def _same_act(lemmas_a, lemmas_b) -> bool:
    """Whether two claims share a content word beyond units of time and reporting verbs, read by its
    first five letters so that a noun and its verb meet ("descent", "descended")."""
    def stems(lemmas):
        return {w[:5] for w in lemmas if w not in _TIME_UNITS and w not in _REPORTING and w.isalpha()}
    return bool(stems(lemmas_a) & stems(lemmas_b))


def _durations(values: list[str], text: str) -> list[tuple[float, float, str]]:
    """TIMEX3 durations with a number ('PT12M') as counts of their unit ('minute'), when the text
    measures a time between two things with it ("crashed 12 minutes after take-off") or how long
    something went on ("the descent lasted eight minutes", "descended for ten minutes", "took
    three hours"); a span that only bounds ("the second crash in six months") counts nothing."""
    from ..extract.numbers import _token_value

    out = []
    for v in values:
        m = _DURATION.match(v)
        if not m or (m.group(1), m.group(3)) not in _DURATION_UNITS:
            continue
        n, unit = float(m.group(2)), _DURATION_UNITS[(m.group(1), m.group(3))]
        measured = rf"\b([\w.]+)\s+{unit}s?\s+(?:after|before|later|earlier|into|ago)\b"
        lasting = rf"\b(?:last(?:s|ed|ing)?|t(?:ook|akes?|aking)|for)\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?([\w.]+)\s+{unit}s?\b"
        for said in itertools.chain(re.finditer(measured, text, re.I), re.finditer(lasting, text, re.I)):
            if _token_value(said.group(1)) == n:
                out.append((n, n, unit))
                break
    return out


# a time span that opens its sentence and runs up to a state that still holds ("Ten days after the shooting,
# key details remain a mystery"): the time since the event as of the report, not a measure of the event
_ELAPSED_TO_NOW = re.compile(r"\b(?:remain(?:s|ed)?|still|so far|yet to)\b", re.IGNORECASE)
_OPENING_SPAN = re.compile(r"^\W*[\w.-]+\s+(?:days?|weeks?|months?|years?|hours?)\s+(?:after|later|since|on)\b", re.IGNORECASE)


def _elapsed_to_now(text: str) -> bool:
    """Whether a claim opens with the time since an event and tells a state that still holds then
    ("Nine days later, his motive remained a mystery"): a span that grows with each day of reporting."""
    return bool(_OPENING_SPAN.match(text) and _ELAPSED_TO_NOW.search(text))


# a calendar value, with or without a time of day ("2019-05-12TNI", "2019-05-13T03:12" are their days)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2})(?:T[\dA-Z:]+)?)?$")


def _date_interval(value: str):
    """(earliest, latest) of a calendar TIMEX3 value ('2019', '2019-10', '2019-10-23'), else None."""
    m = _DATE.match(value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if d:
        t = pd.Timestamp(year=y, month=int(mo), day=int(d))
        return t, t
    if mo:
        t = pd.Timestamp(year=y, month=int(mo), day=1)
        return t, t + pd.offsets.MonthEnd(0)
    return pd.Timestamp(year=y, month=1, day=1), pd.Timestamp(year=y, month=12, day=31)


def snippet(text: str, start: int, offset: int, width: int = 45) -> str:
    """Words around article offset ``offset`` inside a claim starting at ``start``."""
    rel = max(0, offset - start)
    a, b = max(0, rel - width), min(len(text), rel + width)
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    piece = text[a:b].strip(" ,;:“”\"")
    return ("…" if a > 0 else "") + piece + ("…" if b < len(text) else "")


def same_speaker(a, b) -> bool:
    """Lenient name match before canonical names exist: 'Slutsky' ~ 'Leonid Slutsky'."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return _same_speaker(a, b)


@lru_cache(maxsize=65536)
def _same_speaker(a: str, b: str) -> bool:
    # millions of candidate pairs, a few thousand distinct sources: the answer is cached
    a, b = a.lower().strip(), b.lower().strip()
    return a == b or a.split()[-1] == b.split()[-1] or a in b or b in a


def _named(source) -> bool:
    """A source that names someone (not an unresolved 'the politician' or a pronoun)."""
    return isinstance(source, str) and source[:1].isupper() and not source.lower().startswith(("the ", "he", "she", "they"))


def contradictions(
    tables, alignments: pd.DataFrame | None = None, min_score: float = 0.5, per_topic: int | None = None,
    max_rows: int | None = 25, per_claim: int | None = None, rare_tokens: int = 8, max_block: int = 50, client=None,
) -> pd.DataFrame:
    """Conflicting claims, by kind, each with a one-sentence explanation.

    Parameters
    ----------
    tables
        :class:`s400lib.Tables` from :func:`s400lib.pipeline.parse`.
    alignments
        Output of :func:`s400lib.compare.align`; computed when None.
    min_score
        Drop conflicts scored below this.
    per_topic
        Optionally keep at most this many rows per (kind, topic), where the topic is the predicate
        class, shared noun or unit at stake; the best-scored rows win. Off by default: on the
        development stories every row such a cap removed was a real conflict (organisers' and
        police's crowd counts told by four outlets are many true pairs of one topic).
    max_rows
        Optional overall cap after ranking (25 by default, the most a reader checks one by one).
    per_claim
        Optionally show one claim in at most this many rows, so one sentence cannot fill the list
        (off by default, for the same reason as ``per_topic``).
    rare_tokens, max_block
        Blocking parameters (see :func:`s400lib.compare.align.candidate_pairs`).
    client
        A ``distributed.Client``: the candidate pairs are judged on its workers, a slice per task,
        with the same result as in this process (the alignment, when computed here, too).

    Returns
    -------
    pandas.DataFrame
        The ``contradictions`` table: left_id, right_id, left_article, right_article, left_text,
        right_text, kind, score, explanation; extra columns left_source, right_source, topic (the
        predicate class, noun or unit at stake), relatedness (IDF-weighted lemma overlap of the two
        claims; for attribution the alignment score).
        ``attrs['n_candidates']`` counts the pairs tested.
    """
    c = tables.claims.reset_index(drop=True)
    extra = ["left_source", "right_source", "topic"]
    if len(c) < 2:
        frame = schema.empty("contradictions")
        for col in extra:
            frame[col] = pd.Series([], dtype="string")
        frame.attrs["n_candidates"] = 0
        return frame
    if alignments is None:
        alignments = _align(tables, client=client)
        alignments = same_quote_rows(alignments)
    consistent = set()
    told_alike = set()  # claim ids two outlets tell as one fact (aligned, not the same quote)
    for left, right, rel in zip(alignments["left_id"], alignments["right_id"], alignments["relation"]):
        if rel == "same_quote":
            consistent.add((left, right))
            consistent.add((right, left))
        else:
            told_alike.add((left, right))
            told_alike.add((right, left))
    ids = c["claim_id"].astype(str).tolist()
    frames = [_frames(v) for v in c.get("frames", pd.Series([None] * len(c)))]
    args = [_args(v) for v in c.get("args", pd.Series([None] * len(c)))]
    patients = [frozenset(x[0] for x in _args(v)) or _NONE for v in c.get("patients", pd.Series([None] * len(c)))]
    # per-claim values are kept small (tuples and shared empty sets of interned words): at ten
    # thousand articles a set per claim and field took over a gigabyte
    lemmas = [_words(v, " ") for v in c.get("lemmas", pd.Series([None] * len(c)))]
    times = [[v for v in t.split("|") if v] if isinstance(t, str) else [] for t in c["times"]]
    # a stated duration is a count too ("crashed 12 minutes after take-off" / "13 minutes")
    nums = [_numbers(v) + _durations(ts, t) for v, ts, t in zip(c["numbers"], times, c["text"].astype(str))]
    # "Ten days after the shooting, key details remain a mystery": the days since, as of each report
    nums = [[x for x in ns if not (x[2] in _TIME_UNITS and _elapsed_to_now(t))] for ns, t in zip(nums, c["text"].astype(str))]
    ents = [frozenset(_words(v, "|")) or _NONE for v in c["entities"]]
    subjects = _subjects(tables, ents, c["source"].tolist())
    owners = [_owners(v) for v in c.get("owners", pd.Series([None] * len(c)))]
    winners = [v if isinstance(v, str) and v else None for v in c.get("winner", pd.Series([None] * len(c)))]
    dates = [[v for v in ts if _DATE_VALUE.match(v)] for ts in times]
    status = c["status"].tolist() if "status" in c else [None] * len(c)
    # (classes that set the status, classes told as done) per claim; see claims._status / _completed
    stages = [(frozenset(_words(s, "|")) or _NONE, frozenset(_words(d, "|")) or _NONE)
              for s, d in zip(c.get("status_of", pd.Series([None] * len(c))), c.get("completed", pd.Series([None] * len(c))))]
    keys = [
        [f"E:{e}" for e in ents[i]] + [f"P:{f[0]}" for f in frames[i] if f[0] not in _GENERIC] + [f"U:{n[2]}" for n in nums[i] if n[2]]
        # one act on one thing ("the wreckage had been found" / "the wreckage was located"): a key far rarer
        # than the act alone, which a story about the act tells in claim after claim
        + sorted({f"PP:{f[0]}|{p}" for f in frames[i] if f[0] not in _GENERIC for p in patients[i]})
        + ([f"S:{status[i]}"] if isinstance(status[i], str) else [])
        for i in range(len(c))
    ]
    # status keys would make one huge block; the shared-content test below does the relating
    keys = [[k for k in ks if not k.startswith("S:")] for ks in keys]
    # candidate pairs come a slice at a time (see :mod:`s400lib.compare.blocking`): ten thousand
    # articles give millions of them, never all held at once
    slices = iter_candidate_pairs([sorted(ls) for ls in lemmas], c["article_id"].astype(str).tolist(),
                                  c["text"].astype(str).tolist(), as_is, keys,
                                  rare_tokens=rare_tokens, max_block=max_block, same_article=True)
    texts, starts = c["text"].astype(str).tolist(), c["start"].astype(int).tolist()
    sources, arts, sent = c["source"].tolist(), c["article_id"].astype(str).tolist(), c["sent_id"].tolist()
    modality = c["modality"].tolist()
    rules = c["source_rule"].tolist() if "source_rule" in c else ["outlet"] * len(c)
    # inverse document frequency of lemmas over claims: sharing "Turkey" in a corpus about Turkey
    # says little, sharing "secret" says a lot
    n = len(c)
    df: dict[str, int] = defaultdict(int)
    for ls in lemmas:
        for w in ls:
            df[w] += 1
    idf = idf_of_counts(df, n)
    qid = c["quote_id"].tolist()
    group = [(ids[i], qid[i]) if isinstance(qid[i], str) else (ids[i],) for i in range(n)]
    # what a rule could act on; a pair that shares none of it cannot conflict and is skipped early
    # an act some claim tells as not yet done hooks every claim that tells it done; acts nobody
    # tells as pending hook nothing (every "said" would otherwise pair with every other)
    pending_acts = frozenset().union(*(stages[i][0] for i in range(n) if isinstance(status[i], str) and status[i] == "pending")) if n else _NONE
    hooks = [
        frozenset(sys.intern(h) for h in (
            [f"P:{f[0]}" for f in frames[i] if f[0] not in _GENERIC] + [f"U:{x[2]}" for x in nums[i] if x[2]]
            # a count's state hooks counts of other nouns in that state ("11 people (dead)", "9 climber (dead)")
            + [f"U:({x[2].partition(' (')[2]}" for x in nums[i] if " (" in x[2]]
            + [f"A:{x[0]}" for x in args[i]] + (["W:"] if winners[i] else [])
            + [f"T:{x}" for x in (stages[i][0] | stages[i][1]) & pending_acts]
        )) or _NONE
        for i in range(n)
    ]
    weight = [bag_weight(ls, idf) for ls in lemmas]
    not_literal = _scare_quoted_classes(tables, c, frames)
    frames = [[f for f in frames[i] if (arts[i], f[0]) not in not_literal] for i in range(n)]
    bound = _bound_dates(c, getattr(tables, "timexes", None), frames)
    # "2,975 deaths, according to a report released Tuesday": the day a report or a statement came out
    # is not the day of what it counts, so it does not set the count's occasion
    dates = [_without_issue_dates(ds, bd) for ds, bd in zip(dates, bound)]
    # predicate classes each claim carries, once per claim rather than once per pair
    frame_classes = [frozenset(f[0] for f in fs) - _GENERIC or _NONE for fs in frames]
    # a counted thing only two claims of the corpus count ("passengers from 30 countries", "35
    # nationalities among the dead") is one attribute told twice, however little else the claims share
    units_of = [frozenset(x[2] for x in ns if x[2]) for ns in nums]
    claims_per_unit = Counter(u for us in units_of for u in us)
    rare_units = frozenset(u for u, k in claims_per_unit.items() if k == 2)
    # each claim's rare units, once per claim rather than once per pair
    rare_units_of = [(us & rare_units) or _NONE for us in units_of]
    published = dict(zip(tables.articles["article_id"].astype(str), tables.articles["published"])) if "published" in tables.articles else {}
    pub_years = [published[x].year if pd.notna(published.get(x)) else None for x in arts]
    pub_days = [published[x].normalize() if pd.notna(published.get(x)) else None for x in arts]
    # per claim, read by every pair it is in: the units it counts with a state ("people (dead)"),
    # whether it wants rather than tells, whether it denies what its clause tells, and whether it is
    # the contrasted side of its sentence (see _hooked_pairs)
    state_units_of = [frozenset(u for u in us if " (" in u) or _NONE for us in units_of]
    wants = [_wants(fs) for fs in frames]
    denies = [_denies(fs) for fs in frames]
    negated = [_negated_counts(fs, ns) for fs, ns in zip(frames, nums)]
    contrasted = (c["source_rule"] == "contrast").fillna(False).to_numpy(dtype=bool) if "source_rule" in c else None
    judge = _PairJudge(consistent, told_alike, group, lemmas, idf, weight, sources, frame_classes, frames, texts, starts,
                       subjects, dates, nums, bound, rules, args, df, n, status, times, modality, owners, winners,
                       arts, rare_units_of, stages, pub_years, pub_days, units_of, state_units_of, wants, _figures_by_article(arts, nums),
                       patients, denies, sent, contrasted, _changes_by_article(arts, nums), negated,
                       [bool(_EARLY_COUNT.search(t)) for t in texts], [bool(_RISEN_COUNT.search(t)) for t in texts],
                       [bool(_PARTIAL_TALLY.search(t)) for t in texts])
    rows = []
    counter = {"candidates": 0}
    for judged in map_slices(_PairJudge.rows, judge, _hooked_pairs(slices, hooks, status, arts, sent, counter, contrasted), client):
        rows += judged
    article_texts = dict(zip(tables.articles["article_id"].astype(str), tables.articles["text"].astype(str))) \
        if getattr(tables, "articles", None) is not None and "text" in tables.articles else None
    rows += _rebuttal_rows(c, sources, rules, texts, starts, lemmas, idf, weight, nums, arts, article_texts)
    rows += _age_rows(tables, c, published)
    rows += _account_rows(tables, c, sources, texts)
    rows += _culprit_rows(c, sources, texts, arts, starts, lemmas, idf, weight)
    rows += _cause_rows(c, sources, texts, arts, starts, lemmas, idf, weight)
    rows += _result_disputes(c, sources, texts, arts, starts, rules, winners)
    rows += _clock_rows(tables, c, sources, texts)
    rows += _place_rows(c, sources, texts, published)
    rows += _attribution(c, alignments, ids, tables)
    rows += _rendering_shifts(c, alignments, frames, sources, texts, starts)
    return _rank(rows, c, min_score, per_topic, max_rows, extra, counter["candidates"], per_claim)


_NONE: frozenset = frozenset()
# a count told as of an earlier moment than the report: "initially", "at first", "previously", a figure
# that "had stood at" something, or a sentence that opens with a past "when" ("When I left the island, ...")
# a tally told while the counting went on: "had 53 percent or 2.15 million votes counted" (not "with all
# votes counted"), "after nine of the ten provinces had been declared"
_PARTIAL_TALLY = re.compile(r"(?<!all )\b(?:votes|ballots)\s+counted\b|\bafter\s+\w+\s+of\s+(?:the\s+)?\w+\s+\w+\s+(?:had\s+)?been\s+"
                            r"(?:declared|counted|reported)\b|\bwith\s+[\w.]+\s*(?:percent|per cent|%)\s+of\s+(?:the\s+)?(?:votes|ballots|precincts)\s+counted\b",
                            re.IGNORECASE)
# a count told as the figure a toll has risen to: "had increased to 72", "has climbed to 50", "now stands at"
_RISEN_COUNT = re.compile(r"\b(?:rose|risen|rising|increased|climbed|jumped|grew|mounted)\s+to\b|\bhas\s+reached\b|\bnow\s+stands?\s+at\b",
                          re.IGNORECASE)
_EARLY_COUNT = re.compile(r"\b(?:initially|at first|early on|at the outset|in the first (?:hours|days)|previously|formerly|had stood at)\b|^\W*when\b(?=[^,]*\b(?:was|were|had|left|arrived|came|hit|struck|began)\b)",
                          re.IGNORECASE)


def _figures_by_article(arts: list, nums: list) -> dict[str, tuple]:
    """Each article's counted figures, once each: what the article itself says of every count."""
    out: dict[str, set] = {}
    for art, ns in zip(arts, nums):
        out.setdefault(art, set()).update(x for x in ns if x[2])
    return {art: tuple(sorted(xs, key=str)) for art, xs in out.items()}


def _changes_by_article(arts: list, nums: list) -> dict[str, tuple]:
    """Each article's claims that give two or more counted figures together ("lowering the total from
    359 to 253"): the figures a change or a revision sets side by side."""
    out: dict[str, list] = {}
    for art, ns in zip(arts, nums):
        counted = tuple(x for x in ns if x[2])
        if len(counted) >= 2:
            out.setdefault(art, []).append(counted)
    return {art: tuple(xs) for art, xs in out.items()}


@dataclasses.dataclass
class _PairJudge:
    """What the per-pair rules read, per claim, and the rules themselves: one object, so that the
    pairs of a slice can be judged here or on a Dask worker that holds a copy."""

    consistent: set
    told_alike: set
    group: list
    lemmas: list
    idf: dict
    weight: list
    sources: list
    frame_classes: list
    frames: list
    texts: list
    starts: list
    subjects: list
    dates: list
    nums: list
    bound: list
    rules: list
    args: list
    df: dict
    n: int
    status: list
    times: list
    modality: list
    owners: list
    winners: list
    arts: list
    rare_units_of: list
    stages: list
    pub_years: list  # the publication year of each claim's article, None when not known
    pub_days: list  # the publication day of each claim's article, None when not known
    units_of: list  # the units each claim counts
    state_units_of: list  # ... those with a state ("people (dead)")
    wants: list  # whether each claim wants or offers rather than tells (see _wants)
    article_figures: dict  # article -> the counted figures (low, high, unit) its claims give
    patients: list  # the nouns each claim's verbs happen to ("the ferry sank")
    denies: list  # whether each claim denies what its clause tells (see _denies)
    sentences: list  # the sentence of each claim
    contrasted: object  # whether each claim is the contrasted side of its sentence, or None
    article_changes: dict  # article -> the figures its claims give together (see _changes_by_article)
    negated: list  # the counts each claim says did not happen (see _negated_counts)
    early: list  # whether each claim tells its count as of an earlier moment (see _EARLY_COUNT)
    risen: list  # whether each claim tells its count as one that has risen to it (see _RISEN_COUNT)
    partial: list  # whether each claim tells a tally while the counting went on (see _PARTIAL_TALLY)
    # the words around a claim's predicate, once per claim and predicate rather than once per pair
    # (kept as tuples of interned words: a set per claim and predicate cost 200 MB at 10,000 articles)
    windows: dict = dataclasses.field(default_factory=dict)
    # the name before a claim's predicate, likewise once per claim and predicate
    named_subjects: dict = dataclasses.field(default_factory=dict)

    def days_told(self, a: int, b: int) -> tuple:
        """The days two claims' counts hold for: their articles' publication days, except that a count
        told as of an earlier moment ("When I left the island they had 18 deaths", "Initially 64 were
        believed dead") is the earlier of two counts however its article is dated."""
        early_a, early_b = self.early[a], self.early[b]
        if early_a != early_b:
            return (0, 1) if early_a else (1, 0)
        # "the death toll had increased to 72": a count told as risen is the later of two, a lower one
        # elsewhere an earlier state of it, whatever the articles' dates (or when they have none)
        risen_a, risen_b = self.risen[a], self.risen[b]
        if risen_a != risen_b:
            return (1, 0) if risen_a else (0, 1)
        return self.pub_days[a], self.pub_days[b]

    def parties(self, i: int) -> set:
        """The names a claim tells of, its own source among them ("Cameron said he would step down": Cameron)."""
        names = {name for _label, name in self.subjects[i]}
        return names | {self.sources[i]} if isinstance(self.sources[i], str) else names

    def window(self, i: int, offset: int) -> tuple[str, ...]:
        if (i, offset) not in self.windows:
            self.windows[(i, offset)] = tuple(sys.intern(w) for w in _window(self.texts[i], self.starts[i], offset))
        return self.windows[(i, offset)]

    def named_subject(self, i: int, offset: int) -> str:
        if (i, offset) not in self.named_subjects:
            self.named_subjects[(i, offset)] = sys.intern(_named_subject(self.texts[i], self.starts[i], offset))
        return self.named_subjects[(i, offset)]

    def rows(self, pairs) -> list[tuple]:
        """Conflict rows (a, b, kind, topic, score, explanation, relatedness) of the pairs, in order."""
        group, lemmas, sources, frames, texts, starts = self.group, self.lemmas, self.sources, self.frames, self.texts, self.starts
        out = []
        for a, b in pairs.tolist():
            if any((x, y) in self.consistent for x in group[a] for y in group[b]):
                continue
            shared = set(lemmas[a]).intersection(lemmas[b])
            r = _shared_weight(shared, self.idf, self.weight[a], self.weight[b])
            differ = not same_speaker(sources[a], sources[b])
            bonus = 0.1 * differ + 0.4 * r
            cands, denied_figure = [], []
            if self.frame_classes[a] & self.frame_classes[b]:
                cands += _polarity_modality(a, b, frames, shared, texts, starts, sources, self.window, self.named_subject,
                                            self.patients[a] & self.patients[b])
            negated_states = {_state_of_unit(x[2]) for x in self.negated[a] + self.negated[b]}
            if negated_states:
                # "3000 people did not die" denies a count, not every death: "people died in the storm"
                # or "64 died" is no conflict with it; the figure rule below judges the count told
                cands = [cand for cand in cands if not (cand[0] in ("polarity", "stance") and state_of_lemma(cand[1]) in negated_states)]
            rare = self.rare_units_of[a] & self.rare_units_of[b] if self.arts[a] != self.arts[b] else _NONE
            # two statements the alignment reads as one fact in two outlets are related however few
            # words they share ("148 people had died" / "all 150 people on board died"): each count
            # they both give is one attribute told twice
            if (group[a][0], group[b][0]) in self.told_alike:
                rare = rare | self.units_of[a]
            if self.arts[a] != self.arts[b]:
                # a count of those who died, were hurt, went missing ... is the toll of the story's
                # event in any outlet: "148 people had died" / "all 150 people on board died";
                # counts of another event are kept apart by their dates and names (_same_occasion)
                rare = rare | (self.state_units_of[a] & self.units_of[b])
            if self.arts[a] == self.arts[b] and differ and self.rules[a] != "outlet" and self.rules[b] != "outlet":
                # one article giving two named parties' tolls ("a study found that 2,975 people died";
                # "another study put the death toll closer to 5,000") sets them against each other
                rare = rare | (self.state_units_of[a] & self.units_of[b])
            if self.contrasted is not None and (self.contrasted[a] or self.contrasted[b]) and self.arts[a] == self.arts[b] \
                    and self.sentences[a] == self.sentences[b]:
                # one sentence setting two parties' figures against each other compares them
                rare = rare | (self.units_of[a] & self.units_of[b])
            if self.arts[a] != self.arts[b] and len(shared) < 3 and any(self.df.get(w, 0) == 2 for w in shared):
                # a word only these two claims use is one attribute told twice ("Turnout was 61
                # percent" / "Turnout was 58 percent, observers said"): each unit both count is compared
                rare = rare | (self.units_of[a] & self.units_of[b])
            if rare & _TIME_UNITS and not _same_act(lemmas[a], lemmas[b]):
                # "the descent lasted eight minutes" and "the wreckage burned for 40 minutes" measure
                # two different things: a time span alone does not make two claims one attribute
                rare = rare - _TIME_UNITS
            # a figure demanded or offered is not the figure agreed or done ("demanding 5 percent")
            if self.wants[a] == self.wants[b] and _same_occasion(self.subjects[a], self.subjects[b], self.dates[a], self.dates[b], self.pub_years[a], self.pub_years[b]) \
                    and not _other_owner(self.owners[a], self.owners[b]):
                told = self.article_figures if self.arts[a] != self.arts[b] else {}
                denied_a, denied_b = self.denies[a] or bool(self.negated[a]), self.denies[b] or bool(self.negated[b])
                if denied_a or denied_b:
                    # a figure inside a denial ("denied that 14 people had died") is no count its source
                    # gives; the figure told and denied is a conflict of reports, unless the act itself
                    # is already set against its denial ("accused ... of bribing" / "denied bribing");
                    # a count said not to have happened ("3000 people did not die") is its negation
                    by_verb = self.denies[a] or self.denies[b]
                    denied_figure = _denied_figure(a, b, self.nums, denied_a, denied_b, shared, texts, sources, rare,
                                                   "stance" if by_verb else "polarity")
                elif self.arts[a] == self.arts[b] and not differ:
                    # one source giving two figures in one article counts two things ("90 percent voted
                    # yes"; "turnout was 42.3 percent") or tells a change in order, not a dispute
                    pass
                elif self.partial[a] != self.partial[b]:
                    # a tally while the votes were being counted ("53 percent or 2.15 million votes counted")
                    # is no rival of the final one ("won 50.8 percent")
                    pass
                else:
                    rivals = differ and self.rules[a] != "outlet" and self.rules[b] != "outlet"
                    changes = self.article_changes.get(self.arts[a], ()) + self.article_changes.get(self.arts[b], ()) if rivals else ()
                    cands += _numeric(a, b, self.nums, shared, texts, sources, rare, told.get(self.arts[a], ()),
                                      told.get(self.arts[b], ()), rivals, changes, self.days_told(a, b),
                                      ("kill" in self.frame_classes[a]) != ("kill" in self.frame_classes[b]),
                                      ("there" in self.owners[a].get("in", ())) != ("there" in self.owners[b].get("in", ())))
            # one thing that happened to one noun, dated a few days apart ("the ferry sank on Monday
            # night" / "on Sunday night"): the date is in dispute however few other words they share
            disjoint = _disjoint_dates(a, b, frames, self.bound)
            close = _days_apart(disjoint, self.patients[a], self.patients[b])
            cands += _temporal(a, b, frames, disjoint, shared, sources, close)
            if differ and self.rules[a] not in ("outlet",) and self.rules[b] not in ("outlet",):
                cands += _stance(a, b, self.args, frames, texts, starts, sources, self.df, self.n)
            if denied_figure and not any(kind in ("stance", "polarity") for kind, *_ in cands):
                cands += denied_figure
            cands += _status(a, b, self.status, self.stages, shared, frames, texts, sources, self.times,
                             bool(self.parties(a) & self.parties(b)))
            cands += _winner(a, b, self.winners, shared, texts, sources)
            if any(kind == "status" for kind, *_ in cands):
                # "reached" against "not yet reached" is one matter at two stages, not a denial
                cands = [cand for cand in cands if cand[0] != "polarity"]
            for kind, topic, base, explanation in cands:
                if self.modality[a] == "conditional" or self.modality[b] == "conditional":
                    base -= 0.1  # a conditional claim only conflicts under its condition
                # (one listed act of one party, still to come and done, needs no more words in common: see _status)
                if r >= _MIN_RELATED[kind] or (kind == "numeric" and topic in rare) or (kind == "temporal" and topic in close) \
                        or (kind == "status" and topic in CLASSED_ACTS):
                    out.append((a, b, kind, topic, min(1.0, base + bonus), explanation, round(r, 3)))
        return out


def _words(value, sep: str) -> tuple[str, ...]:
    """The parts of a joined field as a tuple of interned strings (one string object per word)."""
    return tuple(dict.fromkeys(sys.intern(w) for w in value.split(sep) if w)) if isinstance(value, str) else ()


def _hooked_pairs(slices, hooks, status, arts, sent, counter, contrasted=None):
    """The candidate pairs a rule could act on, a slice at a time: claims of different sentences that
    share a hook (predicate class, unit, argument) or carry different statuses, and the two sides of
    one sentence that sets one party's account against another's ("..., while organisers put the crowd
    at 20,000"; ``contrasted`` marks the second side). Tested on whole slices at once; only the
    survivors (a few per cent) reach the per-pair rules."""
    import numpy as np

    hook_matrix = key_matrix(hooks)
    codes = {v: k for k, v in enumerate(dict.fromkeys(x for x in status if isinstance(x, str)))}
    status_code = np.array([codes.get(x, -1) if isinstance(x, str) else -1 for x in status], dtype=np.int64)
    art_code = np.unique(np.asarray(arts, dtype=object).astype(str), return_inverse=True)[1]
    sentence = np.array([-1 if pd.isna(x) else int(x) for x in sent], dtype=np.int64)
    for pairs in slices:
        counter["candidates"] += len(pairs)
        a, b = pairs[:, 0], pairs[:, 1]
        same_sentence = (art_code[a] == art_code[b]) & (sentence[a] == sentence[b])
        if contrasted is not None:
            same_sentence &= ~(contrasted[a] | contrasted[b])
        status_differ = (status_code[a] >= 0) & (status_code[b] >= 0) & (status_code[a] != status_code[b])
        keep = ~same_sentence & ((shared_counts(hook_matrix, a, b) > 0) | status_differ)
        yield pairs[keep]


def _scare_quoted_classes(tables, claims: pd.DataFrame, frames: list) -> set[tuple[str, str]]:
    """(article, predicate class) pairs an article itself marks as not literal: it puts a word of
    that class in scare quotes somewhere ('could force Turkey to “sell”', then 'experts say “the
    sale” should not be read literally'). A conflict built on such a word is defeated by the
    article's own qualification."""
    quotes = getattr(tables, "quotes", None)
    if quotes is None or not len(quotes) or "kind" not in quotes:
        return set()
    scare = quotes[quotes["kind"] == "scare"]
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for aid, start, end in zip(scare["article_id"].astype(str), scare["start"].astype(int), scare["end"].astype(int)):
        spans[aid].append((start, end))
    out = set()
    for aid, fs in zip(claims["article_id"].astype(str), frames):
        for cls, _sign, _modal, offset, _role in fs:
            if any(s0 <= offset < s1 for s0, s1 in spans.get(aid, ())):
                out.add((aid, cls))
    return out


# Nouns that name an action or a state of affairs rather than a thing: "abandon the deployment of
# the systems" says something about their deployment, not about the systems.
_ACTION_SUFFIXES = ("ment", "tion", "sion", "ance", "ence", "ure")
_ACTION_NOUNS = {"sale", "purchase", "use", "delivery", "supply", "deal", "plan", "idea", "talks", "process",
                 "freeze", "transfer", "export", "import", "launch", "test", "visit", "trip", "attack", "vote"}
_LEAD_WORDS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "that", "any",
               "all", "some", "of", "to", "from", "on", "in"}


_PASSIVE_AUX = {"been", "be", "being", "was", "were", "is", "are"}
# words after a predicate that open an adjunct, not its object: "reached with the union"
_ADJUNCT_WORDS = {"with", "by", "at", "for", "after", "before", "over", "about", "as", "into", "under", "between"}


def _object_word(text: str, start: int, offset: int) -> str:
    """The first content word after the predicate at ``offset`` (its object, roughly); for a passive
    predicate ("a deal had been reached") the content word before its auxiliaries, which is what the
    act was done to."""
    before = re.findall(r"[\w-]+", text[: offset - start].lower())
    if before and before[-1] in _PASSIVE_AUX:
        k = len(before) - 1
        while k >= 0 and (before[k] in _PASSIVE_AUX or before[k] in ("had", "has", "have", "not", "never", "already")):
            k -= 1
        phrase = before[max(0, k - 4) : k + 1]
        if "of" in phrase[1:]:  # "the sale of the ferries had been agreed": the sale was agreed
            phrase = phrase[: phrase.index("of", 1)]
        if phrase and phrase[-1] not in _LEAD_WORDS:
            return phrase[-1]
    words = re.findall(r"[\w-]+", text[offset - start :].lower())[1:6]
    for w in words:
        if w in _ADJUNCT_WORDS:
            return ""
        if w not in _LEAD_WORDS:
            return w
    return ""


def _is_action(word: str) -> bool:
    return word in _ACTION_NOUNS or (len(word) > 6 and word.endswith(_ACTION_SUFFIXES))


def _same_attribute(texts, starts, a, oa, b, ob) -> bool:
    """Do two predicates bear on the same thing? Not when one acts on an action noun the other
    lacks ("abandon the S-400" vs "abandon the deployment of the S-400")."""
    wa, wb = _object_word(texts[a], starts[a], oa), _object_word(texts[b], starts[b], ob)
    return wa == wb or not (_is_action(wa) or _is_action(wb))


_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _window(text: str, start: int, offset: int) -> set[str]:
    """Stems of the words and the figures in the snippet around a predicate, without the predicate's
    own word: "42 people died" and "reports that 42 people had died" share the figure as well."""
    near = snippet(text, start, offset)
    return (_stems(near) | set(_FIGURE.findall(near))) - _stems(text[offset - start :].split(" ", 1)[0])


def _stems(text: str) -> set[str]:
    """Crude stems of the content words of a short text (plural -s dropped)."""
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in tokens(text)}


def _short(text: str, width: int = 90) -> str:
    """The start of a text, cut at a word boundary."""
    if len(text) <= width:
        return text.rstrip(" .")
    return text[:width].rsplit(" ", 1)[0] + "…"


def _who(source) -> str:
    # "The embassy" is a phrase of its sentence; in the middle of an explanation it reads "the embassy"
    who = source if isinstance(source, str) and source else "one source"
    if who.lower() in PERSON_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON:
        return f"a speaker the text calls “{who}”"  # "According to she" is no reading
    if who.startswith("The "):
        return "the " + who[4:]
    # a role as written ("club", "police chief"): "the club denies it"; a plural group reads bare ("officials")
    return "the " + who if who[:1].islower() and not who.startswith(("the ", "a ", "an ")) and not who.endswith("s") else who


_AUX_WORDS = {"has", "have", "had", "is", "was", "were", "are", "will", "would", "not", "never", "already", "yet", "also", "n't"}


def _named_subject(text: str, start: int, offset: int) -> str:
    """The capitalised name right before a predicate and its auxiliaries ("Ortega has not conceded"
    -> 'ortega'), '' when the word before them is no name."""
    words = re.findall(r"[\w'’-]+", text[: offset - start])
    k = len(words) - 1
    while k >= 0 and words[k].lower() in _AUX_WORDS:
        k -= 1
    return words[k].lower() if k >= 0 and words[k][:1].isupper() and words[k].lower() not in _AUX_WORDS | {"i", "it", "he", "she", "they", "we"} else ""


def _polarity_modality(a, b, frames, shared, texts, starts, sources, window, named_subject, patients=frozenset()):
    """Polarity and modality conflicts of a pair sharing a predicate class (the caller checks that);
    ``window(i, offset)`` gives the words around claim i's predicate at ``offset``, ``named_subject(i,
    offset)`` the name written right before it (see :func:`_named_subject`), ``patients`` the nouns both
    claims' verbs happen to."""
    out = []
    seen = set()
    for ca, sa, ma, oa, ra in frames[a]:
        if ca in _GENERIC:
            continue
        for cb, sb, mb, ob, rb in frames[b]:
            if cb != ca or ca in seen:
                continue
            # the words around both predicates must overlap beyond the predicate itself: "abandon the
            # Russian air defense systems" vs "abandon the deployment of Russian air defense systems"
            near = set(window(a, oa)).intersection(window(b, ob))
            # "Ortega has conceded defeat" / "Ortega has not conceded": one named subject of one act
            # is as telling as two words around it, and so is one thing it happens to, next to it in both
            # ("the wreckage had been found" / "the wreckage was located")
            subject, other_subject = named_subject(a, oa), named_subject(b, ob)
            same_subject = bool(subject) and subject == other_subject
            if subject and other_subject and subject != other_subject:
                continue  # "Strand has resigned" / "Ruud has not resigned": two people, two acts
            if {ma, mb} == {"possible", "impossible"} and len(near) >= 1 and _same_attribute(texts, starts, a, oa, b, ob):
                pa, pb = snippet(texts[a], starts[a], oa), snippet(texts[b], starts[b], ob)
                (poss, ps), (imp, ip) = ((a, pa), (b, pb)) if ma == "possible" else ((b, pb), (a, pa))
                out.append(("modality", ca, _BASE["modality"],
                            f"According to {_who(sources[poss])}, '{ca}' is possible (“{ps}”); according to {_who(sources[imp])}, it is impossible (“{ip}”)."))
                seen.add(ca)
            elif sa != sb and {ma, mb} <= {"", "denied"} and "n" not in (ra, rb) and "v" in (ra, rb) \
                    and (len(near) >= 2 or same_subject or (near & patients)) and _same_attribute(texts, starts, a, oa, b, ob):
                pa, pb = snippet(texts[a], starts[a], oa), snippet(texts[b], starts[b], ob)
                (pos, ps), (neg, ns) = ((a, pa), (b, pb)) if sa == "+" else ((b, pb), (a, pa))
                if "denied" in (ma, mb) and not same_speaker(sources[a], sources[b]):
                    # one party says it happened, another denies it: an accusation and its denial
                    out.append(("stance", ca, _BASE["stance"],
                                f"According to {_who(sources[pos])}, '{ca}' holds (“{ps}”); {_who(sources[neg])} denies it (“{ns}”)."))
                else:
                    out.append(("polarity", ca, _BASE["polarity"],
                                f"According to {_who(sources[pos])}, '{ca}' holds (“{ps}”); according to {_who(sources[neg])}, it does not (“{ns}”)."))
                seen.add(ca)
    return out


_DATE_VALUE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")
_SUBJECT_LABELS = {"ORG", "PERSON", "GPE", "FAC", "LOC", "EVENT"}


def _subjects(tables, ents: list[set[str]], sources: list | None = None) -> list[frozenset]:
    """The bodies, people and places each claim names (not products or nationalities), as
    (label, name) pairs, its own source left out: what its numbers can belong to."""
    e = tables.entities
    if not len(e):
        return [_NONE for _ in ents]
    labels = e.groupby("canonical")["label"].agg(lambda s: s.value_counts().index[0]).to_dict()
    sources = sources if sources is not None else [None] * len(ents)

    def is_source(name: str, source) -> bool:
        # "Mr Rasoul reported that ..." names its source "Rasoul", a part of "Mohammed Rasoul"
        return isinstance(source, str) and (name == source or set(name.split()) <= set(source.split()))

    return [frozenset((labels[x], x) for x in names if labels.get(x) in _SUBJECT_LABELS and not is_source(x, source)) or _NONE
            for names, source in zip(ents, sources)]


def _owners(value) -> dict[str, frozenset]:
    """claims.owners as {slot: names}: {'subj': {'Green Party'}, 'in': {'Kasai'}}."""
    out: dict[str, set] = defaultdict(set)
    if isinstance(value, str) and value:
        for item in value.split("|"):
            slot, _, name = item.partition(":")
            if name:
                out[slot].add(sys.intern(name.lower()))
    return {slot: frozenset(names) for slot, names in out.items()}


def _other_owner(owners_a: dict, owners_b: dict) -> bool:
    """Whether two claims give their figures to different named owners in the same slot: the Green
    Party's share against the Liberal Party's, the deaths in Kasai against those in Lualaba. Two names
    of which one holds the other's words ("Kasai" and "Kasai Central") may be one place."""
    for slot in owners_a.keys() & owners_b.keys():
        # "there" (a place named before) may be any place: it sets no claim apart
        a_words = [set(n.split()) for n in owners_a[slot] if n != "there"]
        b_words = [set(n.split()) for n in owners_b[slot] if n != "there"]
        if not a_words or not b_words:
            continue
        if slot == "in" and _country_and_place_in_it(owners_a[slot], owners_b[slot]):
            continue
        if not any(x <= y or y <= x for x in a_words for y in b_words):
            return True
    return False


def _country_and_place_in_it(places_a: frozenset, places_b: frozenset) -> bool:
    """Whether one side names a country and the other a place that is not one: the place may lie in
    the country ("in northern Thailand" / "in Tham Luang cave"), so they are not two places apart."""
    countries = country_keys()
    kinds_a = {name_key(n) in countries for n in places_a}
    kinds_b = {name_key(n) in countries for n in places_b}
    return (True in kinds_a and False in kinds_b) or (False in kinds_a and True in kinds_b)


def _same_occasion(subj_a: set, subj_b: set, dates_a: list, dates_b: list,
                   pub_year_a: int | None = None, pub_year_b: int | None = None) -> bool:
    """Can two counts be of the same thing? Not when their dates cannot overlap (last October against
    March), nor when one is dated more than a year before the other's article appeared while the
    other is undated (news told without a date is the news of its day: "61 miners died in the
    collapse" is not "twelve miners died in a flood in 2009"), nor, undated, when each claim names a
    body, person or place of one kind that the other does not: "189 people" on the Lion Air flight
    against "157 people" on the Ethiopian Airlines one, whatever else (an aircraft model) they share.
    Each claim's own source is not a subject."""
    if dates_a and dates_b:  # two dated claims: the dates decide
        return any(x.startswith(y) or y.startswith(x) for x in dates_a for y in dates_b)
    for dated, undated_year in ((dates_a, pub_year_b), (dates_b, pub_year_a)):
        years = [int(v[:4]) for v in dated if v[:4].isdigit()]
        if years and undated_year is not None and max(years) < undated_year - 1:
            return False
    only_a = {label for label, _ in subj_a - subj_b}
    only_b = {label for label, _ in subj_b - subj_a}
    return not (only_a & only_b)


# How far above its figure a count given as "more than N", "over N" or "at least N" is taken to
# reach when set against another outlet's count: a writer who knew the figure to be a quarter or more
# above N would give a higher one, so "over 253" does not hold "nearly 360", while "more than 100"
# holds 106 and "at least 35" still stands apart from 30.
OPEN_FIGURE_REACH = 1.25


def _reach(low: float, high: float) -> float:
    return low * OPEN_FIGURE_REACH if math.isinf(high) and math.isfinite(low) and low > 0 else high


def _apart(x: tuple, y: tuple) -> bool:
    """Whether two intervals (low, high, unit) cannot hold one value, allowing for rounding; a count
    open above ("more than 30") reaches :data:`OPEN_FIGURE_REACH` times its figure."""
    (la, ha, _), (lb, hb, _) = x, y
    if (ha == lb and la < ha < hb) or (hb == la and lb < hb < ha):
        # two spans that meet at one figure from either side: "almost one million" against "more than
        # one million" (each qualifier leaves the figure itself out)
        return True
    ha, hb = _reach(la, ha), _reach(lb, hb)
    finite = [abs(v) for v in (la, ha, lb, hb) if math.isfinite(v)]
    # a share is written to the precision meant: "52 percent" holds 51.9, "48.1" holds 48.11, but
    # "71.8%" and "72.2 per cent" of one turnout differ; a count's last digits are often loose
    if x[2].partition(" (")[0] == "%":
        tol = max((_half_unit(v) for v in (la, lb) if math.isfinite(v)), default=0)
    else:
        tol = 0.01 * max(finite) if finite else 0
    # a round figure is a rounding: "$400m" holds "$391m", "$3 billion" holds "$2.9 billion"
    tol = max(tol, _rounding(la, ha), _rounding(lb, hb))
    return ha + tol < lb or hb + tol < la


def _half_unit(value: float) -> float:
    """Half the last written digit of a figure: 52 -> 0.5, 48.1 -> 0.05, 51.89 -> 0.005."""
    text = repr(float(value))
    decimals = len(text.partition(".")[2].rstrip("0")) if "e" not in text else 0
    return 0.5 * 10 ** -decimals


def _numeric(a, b, nums, shared, texts, sources, rare_units=frozenset(), told_a=(), told_b=(), rivals=False, changes=(),
             days=(None, None), one_killing=False, one_placed=False):
    """Numeric conflict rows of claims a and b; ``told_a``/``told_b`` are the figures their articles
    give anywhere (empty for two claims of one article). ``rivals``: the claims come from two
    different sources other than the outlets, so two outlets that each give both figures still
    report a dispute between those sources ("organisers said 1.03 million" / "police estimated
    240,000"), unless a claim of either article gives both figures together (``changes``: a change
    or a revision, "lowering the total from 359 to 253"). ``days``: the two articles' publication
    days, when known (a toll told on a later day may have risen since, see :func:`_rose_since`);
    ``one_killing``: one claim tells whom someone killed and the other how many died, so a toll one higher
    may count the killer ("Paddock killed 58 people" / "the shooting left 59 people dead");
    ``one_placed``: one claim places its figure in a place named before ("96 percent of ballots there")
    and the other does not, so a vote's result in one place is not the whole vote's."""
    out = []
    if len(shared) < 3 and not rare_units:
        return out
    # two figures that both sides give are accounted for: "a third of the 90 passengers" and "30 of
    # the 90 passengers" share the total and the part; two outlets that each give both figures
    # ("revised from 359 to 253", then "the blasts that killed 359", which authorities "earlier
    # said") tell one revision or dispute. What a side knows is its article's figures when the
    # claims are from two articles, else the claim's own. A side that gives only the old figure
    # still disagrees with one that gives both ("killed 61, correcting its count of 88").
    known_a, known_b = told_a or nums[a], told_b or nums[b]
    for la, ha, ua in (x for x in nums[a] if x[2]):
        for lb, hb, ub in (y for y in nums[b] if y[2]):
            disputed = rivals and not any(_tells(told, (la, ha, ua)) and _tells(told, (lb, hb, ub)) for told in changes + (nums[a], nums[b]))
            if _tells(known_a, (lb, hb, ub)) and _tells(known_b, (la, ha, ua)) and not disputed:
                continue
            # with few words in common only the very attribute both give is compared
            if not _same_count(ua, ub) or (len(shared) < 3 and (ua not in rare_units or ub != ua)):
                continue
            if _rose_since((la, ha, ua), (lb, hb, ub), *days):
                continue
            if one_killing and ua == ub == "people (dead)" and la == ha and lb == hb and abs(la - lb) == 1:
                continue
            if one_placed and ua.partition(" (")[2].startswith(("vote", "turnout", "voting")):
                continue
            if _apart((la, ha, ua), (lb, hb, ub)) or _other_ages((la, ha, ua), (lb, hb, ub)):
                va, vb = _fmt(la, ha), _fmt(lb, hb)
                if ua == ub == "age":
                    told = f"the ages run from {va}; according to {_who(sources[b])} from {vb}"
                elif ua == ub and ua in _TIME_UNITS:  # "in the six months after the storm" / "five months"
                    told = f"the time is {va} {ua}s; according to {_who(sources[b])} it is {vb} {ub}s"
                else:
                    told = f"the count is {va} {ua}; according to {_who(sources[b])} it is {vb} {ub}"
                out.append(("numeric", ua, _BASE["numeric"], f"According to {_who(sources[a])} {told}, in otherwise matching claims."))
    return out[:1]


# states whose counts only grow as a story goes on: the dead, the injured, the arrested
_ACCUMULATING = {"dead", "injured", "arrested", "charged"}


def _rose_since(x: tuple, y: tuple, day_x, day_y) -> bool:
    """Whether two counts of one accumulating state ("people (injured)") told on two publication days
    are one toll that rose between the reports: the earlier article's count lies below the later
    one's ("at least 38 injured" on Sunday, "more than 800" on Monday). A toll that fell is still a
    conflict (a revision the older figure disagrees with)."""
    if day_x is None or day_y is None or day_x == day_y:
        return False
    state = _state_of_unit(x[2])
    if state not in _ACCUMULATING or state != _state_of_unit(y[2]):
        return False
    (le, he, _), (ll, hl, _) = (x, y) if day_x < day_y else (y, x)
    # a later count open above ("more than 800") holds any earlier one below its figure
    return le <= ll and (not math.isfinite(hl) or _reach(le, he) <= hl)


def _other_ages(x: tuple, y: tuple) -> bool:
    """Whether two spans of ages ("aged 11 to 16" / "aged 11 to 17") name another youngest or oldest:
    their ends are two figures each, not the bounds of one uncertain figure."""
    (la, ha, ua), (lb, hb, ub) = x, y
    spans = ua == ub == "age" and la < ha and lb < hb and all(map(math.isfinite, (la, ha, lb, hb)))
    return spans and (la != lb or ha != hb)


def _denies(frames_of_claim) -> bool:
    """Whether a claim denies what its clause tells ("The coast guard denied that 14 people had died")."""
    return any(f[2] == "denied" for f in frames_of_claim)


def _state_of_unit(unit: str) -> str:
    """The state a counted unit names ('people (dead)' -> 'dead'); '' for a unit without one."""
    return unit.partition(" (")[2].rstrip(")")


def _negated_counts(frames_of_claim, nums_of_claim) -> tuple:
    """The counts a claim says did not happen: "3000 people did not die" (a count of the dead whose verb
    of dying is negated)."""
    negated = {state_of_lemma(f[0]) for f in frames_of_claim if f[1] == "-"} - {None}
    return tuple(x for x in nums_of_claim if x[2] and _state_of_unit(x[2]) in negated)


def _denied_figure(a, b, nums, denied_a, denied_b, shared, texts, sources, rare_units=frozenset(), kind="stance"):
    """A figure one claim gives and the other denies: "killing 14 people, the coast guard said" against
    "the coast guard denied that 14 people had died" is a conflict of reports (stance), and "3,000 people
    died" against "3000 people did not die" a negation of the count (polarity, ``kind``); two figures
    that differ, one of them denied, are no conflict (the denial does not give a count)."""
    if denied_a == denied_b or (len(shared) < 3 and not rare_units):
        return []
    told, denying = (a, b) if denied_b else (b, a)
    for lt, ht, ut in (x for x in nums[told] if x[2]):
        for ld, hd, ud in (y for y in nums[denying] if y[2]):
            if _same_count(ut, ud) and not _apart((lt, ht, ut), (ld, hd, ud)) and (len(shared) >= 3 or ut in rare_units):
                says = "denies that figure" if kind == "stance" else "says it did not happen"
                return [(kind, ut, _BASE[kind] + 0.1,
                         f"According to {_who(sources[told])} the count is {_fmt(lt, ht)} {ut} (“{_short(texts[told])}”); "
                         f"{_who(sources[denying])} {says} (“{_short(texts[denying])}”).")]
    return []


def _tells(figures, x: tuple) -> bool:
    """Whether one of ``figures`` is the count ``x``."""
    return any(_same_count(z[2], x[2]) and not _apart(z, x) and not _other_ages(z, x) for z in figures)


def _same_count(unit_a: str, unit_b: str) -> bool:
    """Whether two units ('people', 'people (dead)', 'people (missing)') count one thing: the same
    counted noun, and the same state when both say what happened to those counted; a toll of
    people in one state counts whoever the other claim names in that state ("the death toll rose to
    11" against "nine climbers were killed")."""
    if unit_a == unit_b:
        return True
    base_a, _, state_a = unit_a.partition(" (")
    base_b, _, state_b = unit_b.partition(" (")
    if {"change)", "part)", "compared)"} & {state_a, state_b}:  # the state as partitioned: "people (change)" -> "change)"
        return unit_a == unit_b  # how far a count moved, a part of it or another one set beside it is never the count itself
    if base_a == base_b:
        return not state_a or not state_b
    return bool(state_a) and state_a == state_b and "people" in (base_a, base_b)


def _rounding(lo: float, hi: float) -> float:
    """Half the step of a figure that ends in two or more zeros, at most :data:`ROUNDING_SHARE` of the
    figure (400 -> 40, 3e9 -> 3e8, 100 -> 10), else 0: such a figure is read as rounded to its last
    non-zero digit, but "put the death toll at 100" is no rounding of 67. "30" or "12" stay exact."""
    if lo != hi or not math.isfinite(lo) or lo == 0 or lo != int(lo):
        return 0.0
    n, step = int(abs(lo)), 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return min(step / 2, ROUNDING_SHARE * abs(lo)) if step >= 100 else 0.0


# the most a round figure is taken to be rounded by, as a share of it ("400" holds 391, "$3 billion"
# holds $2.9 billion, "100" does not hold 67)
ROUNDING_SHARE = 0.1


def _fmt(lo, hi) -> str:
    if lo == hi:
        return f"{lo:,.10g}"
    if not math.isfinite(lo):
        return f"at most {hi:,.10g}"
    if not math.isfinite(hi):
        return f"at least {lo:,.10g}"
    return f"{lo:,.10g} to {hi:,.10g}"


# a date that is no act's: a possessive one dates the noun after it ("Friday's attacks"), and a dateline's
# ("Wellington, Mar 17 (ANI): ...") tells when the report was filed
_NOT_AN_ACTS_DATE = re.compile(r"^(?:['’]s\b|\s*(?:\([A-Z][A-Za-z]*\))?\s*:)")


# predicates whose date is when something was said or brought out, not when what it tells happened
_ISSUING_CLASSES = frozenset({"release", "publish", "issue", "announce", "unveil", "say", "tell", "report", "state"})


def _without_issue_dates(dates: list, bound) -> list:
    """A claim's dates less those bound to its saying or publishing (see :func:`_bound_dates`)."""
    if not bound:
        return dates
    issued = [v for cls, values in bound.items() if cls in _ISSUING_CLASSES for v, _prep in values]
    kept = list(dates)
    for v in issued:
        if v in kept:
            kept.remove(v)
    return kept


_REPORT_WORD = re.compile(r"\b(?:said|says|say|told|tells|announced|reported|added|stated|according)\b", re.IGNORECASE)


def _bound_dates(c: pd.DataFrame, timexes, frames: list) -> list:
    """For each claim, {predicate class: dates} for the dates that belong to that predicate, or None
    for a claim without dates.

    A date belongs to the nearest predicate before it ("asked Zelensky on 25 July": the asking), or,
    when it opens its claim, to the first predicate after it ("On 25 July, Trump asked"), unless a
    reporting verb comes between (then it dates the report). "A summary released Wednesday ..., Trump
    had asked Zelensky to investigate" dates the release, not the asking: a temporal conflict compares
    the dates of one predicate, never the date of one event with the date of another. A date after a
    reporting verb and before any predicate ("announced on Friday that she will step down") dates the
    report too."""
    out: list = [None] * len(c)
    if timexes is None or not len(timexes) or "value" not in timexes:
        return out
    values, t_starts, t_ends = timexes["value"].tolist(), timexes["start"].astype(int).tolist(), timexes["end"].astype(int).tolist()
    spans = zip(c["article_id"].astype(str), c["start"].astype(int), c["end"].astype(int))
    for i, (positions, start, text) in enumerate(zip(rows_inside(spans, timexes), c["start"].astype(int), c["text"].astype(str))):
        dated = [p for p in positions if isinstance(values[p], str) and (_date_interval(values[p]) is not None or _WEEKDAY_ONLY.match(values[p]))]
        if not dated:
            continue
        bound: dict[str, list[str]] = {}
        offsets = sorted((f[3], f[0]) for f in frames[i])
        for p in dated:
            t0, t1 = t_starts[p], t_ends[p]
            if _NOT_AN_ACTS_DATE.match(text[t1 - start :]):
                continue  # "Friday's attacks" dates a noun; "Mar 17 (ANI):" is where and when it was filed
            before = [cls for off, cls in offsets if off < t0]
            after = [(off, cls) for off, cls in offsets if off >= t1]
            if before:
                cls = before[-1]
            elif _REPORT_WORD.search(text[: t0 - start]):
                continue  # "announced on Friday that she will step down": Friday dates the announcement
            elif after and not _REPORT_WORD.search(text[t1 - start : after[0][0] - start]):
                cls = after[0][1]
            else:
                continue
            # "by the end of July", "before August": a deadline, not a date of the act
            prep = _DATE_BOUND.search(text[max(0, t0 - start - 25) : t0 - start])
            bound.setdefault(cls, []).append((values[p], prep.group(1).lower() if prep else ""))
        out[i] = bound
    return out


_DATE_BOUND = re.compile(r"\b(before|by|until|till|after|since|no later than|not before)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?$",
                         re.IGNORECASE)


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _dated(value: str, prep: str) -> str:
    # a weekday no date pinned is read as its name ("a Tuesday"), not as its TIMEX3 value
    if (m := _WEEKDAY_ONLY.match(value)) is not None:
        value = f"a {_WEEKDAY_NAMES[int(m.group(1)) - 1]}"
    return f"{prep} {value}" if prep else value


def _open_interval(value: str, prep: str):
    """(earliest, latest) a date after ``prep`` allows: "before August" ends the day before August,
    "by July" or "until July" at its end, "after July" starts the day after it, "since July" with it."""
    lo, hi = _date_interval(value)
    day = pd.Timedelta(days=1)
    if prep in ("before", "not before"):
        return (pd.Timestamp.min, lo - day) if prep == "before" else (lo, pd.Timestamp.max)
    if prep in ("by", "until", "till", "no later than"):
        return pd.Timestamp.min, hi
    if prep == "after":
        return hi + day, pd.Timestamp.max
    if prep == "since":
        return lo, pd.Timestamp.max
    return lo, hi


# at most this many days between two dates of one act on one thing for them to be one event told
# two ways; further apart they may be two events of one kind (two ferries sinking months apart)
CLOSE_DAYS = 7


def _verbs(frames_of_claim) -> set[str]:
    return {f[0] for f in frames_of_claim if f[0] not in _GENERIC and f[4] == "v"}


def _disjoint_dates(a, b, frames, bound) -> list[tuple[str, str, str, str, str, bool]]:
    """(class, date a, preposition a, date b, preposition b, close) for each predicate class both
    claims date where the two dates cannot both hold, classes in name order; ``close`` when the two
    lie at most CLOSE_DAYS apart. The distance is only taken between the facing ends of the two
    intervals, which are real dates: an open end ("before August" reaches back without bound) would
    not fit in a time span."""
    if not bound[a] or not bound[b]:
        return []
    out = []
    within = pd.Timedelta(days=CLOSE_DAYS)
    for cls in sorted(_verbs(frames[a]) & _verbs(frames[b])):
        for va, prep_a in bound[a].get(cls, ()):
            for vb, prep_b in bound[b].get(cls, ()):
                if _WEEKDAY_ONLY.match(va) or _WEEKDAY_ONLY.match(vb):
                    if not prep_a and not prep_b and _other_weekday(va, vb):
                        out.append((cls, va, prep_a, vb, prep_b, True))
                    continue
                ia, ib = _open_interval(va, prep_a), _open_interval(vb, prep_b)
                if ia[1] < ib[0]:
                    out.append((cls, va, prep_a, vb, prep_b, ib[0] <= ia[1] + within))
                elif ib[1] < ia[0]:
                    out.append((cls, va, prep_a, vb, prep_b, ia[0] <= ib[1] + within))
    return out


# a weekday the story's date could not pin ("went down Thursday morning" in an undated article)
_WEEKDAY_ONLY = re.compile(r"^XXXX-WXX-([1-7])(?:T[\dA-Z:]+)?$")


def _weekday_of(value: str) -> int | None:
    """The ISO weekday (1 = Monday) a TIMEX3 value names: a bare weekday's, or a day's; None for other values."""
    if (m := _WEEKDAY_ONLY.match(value)) is not None:
        return int(m.group(1))
    interval = _date_interval(value)
    return interval[0].isoweekday() if interval is not None and interval[0] == interval[1] else None


def _other_weekday(va: str, vb: str) -> bool:
    """Whether two values, one at least a bare weekday, name days of different weekdays: "Thursday" is no
    Friday, and no 20 May 2016 (a Friday) either. A bare weekday in news is a day of the week around the
    story, so the two are a few days apart at most."""
    wa, wb = _weekday_of(va), _weekday_of(vb)
    return wa is not None and wb is not None and wa != wb


def _days_apart(disjoint, patients_a, patients_b) -> frozenset:
    """The predicate classes of ``disjoint`` (see :func:`_disjoint_dates`) whose dates are a few days
    apart, when the act happened to a noun both claims name."""
    if not (patients_a & patients_b):
        return _NONE
    return frozenset(cls for cls, *_, close in disjoint if close) or _NONE


def _temporal(a, b, frames, disjoint, shared, sources, close=frozenset()):
    """A temporal conflict row from the first of ``disjoint`` (see :func:`_disjoint_dates`), when the
    claims share three words besides the predicate or their dates are close (``close``)."""
    if not disjoint or (len(shared - (_verbs(frames[a]) & _verbs(frames[b]))) < 3 and not close):
        return []
    cls, va, prep_a, vb, prep_b, _close = disjoint[0]
    return [("temporal", cls, _BASE["temporal"],
             f"According to {_who(sources[a])}, '{cls.replace('_', ' ')}' is dated {_dated(va, prep_a)}; "
             f"according to {_who(sources[b])}, it is dated {_dated(vb, prep_b)}.")]


def _stance(a, b, args, frames, texts, starts, sources, df, n):
    out = []
    preds_a = {f[0] for f in frames[a]}
    preds_b = {f[0] for f in frames[b]}
    for na, sa, oa in args[a]:
        # the question must be specific: a noun few claims mention
        if na in _NOT_ARGS or len(na) < 4 or df.get(na, 0) > max(3, 0.05 * n):
            continue
        for nb, sb, ob in args[b]:
            if nb != na or sa == sb:
                continue
            if preds_a & preds_b - _GENERIC:
                continue  # the same predicate: that is polarity, not stance
            pos, neg = ((a, oa), (b, ob)) if sa == "+" else ((b, ob), (a, oa))
            out.append(("stance", na, _BASE["stance"],
                        f"{_who(sources[pos[0]])} and {_who(sources[neg[0]])} take opposite positions on '{na}': "
                        f"“{snippet(texts[pos[0]], starts[pos[0]], pos[1])}” versus “{snippet(texts[neg[0]], starts[neg[0]], neg[1])}”."))
            return out
    return out


def _winner(a, b, winners, shared, texts, sources):
    """Two claims that name different winners of one contest ("the commission declared Kabila the
    winner" / "the opposition says Fayulu won the election"): a stance conflict. Names of which one
    holds the other's words ("Kabila", "Joseph Kabila") are one winner; the contest must be shared
    beyond the verb (at least two shared content words besides the winners' names)."""
    wa, wb = winners[a], winners[b]
    if not wa or not wb:
        return []
    ka, kb = set(wa.lower().split()), set(wb.lower().split())
    if ka <= kb or kb <= ka:
        return []
    if len(shared - ka - kb - {"win", "winner", "declare", "say"}) < 2:
        return []
    return [("stance", "winner", _BASE["stance"],
             f"According to {_who(sources[a])}, {wa} won (“{_short(texts[a])}”); according to {_who(sources[b])}, {wb} did (“{_short(texts[b])}”).")]


def _status(a, b, status, stages, shared, frames, texts, sources, times, same_party=False):
    sa = status[a] if isinstance(status[a], str) else None
    sb = status[b] if isinstance(status[b], str) else None
    if sa == sb:
        return []
    pending = a if sa == "pending" else b if sb == "pending" else None
    if pending is None:
        return []
    other = b if pending == a else a
    pending_of = stages[pending][0]
    if pending_of - CLOSED_STATUS_CLASSES:
        # an act told as not yet done ("has not yet announced") against the same act told as done
        # ("has announced"): the act must be one, any verb will do
        done_of = stages[other][1] | (stages[other][0] if "settled" in (sa, sb) else _NONE)
        if not pending_of & done_of:
            return []
        sa, sb = ("pending", "settled") if pending == a else ("settled", "pending")
    elif sa is None or sb is None:
        return []
    # dated apart, "signed in 2017" and "negotiating in June 2020" are two stages, not a conflict
    ia = [x for x in (_date_interval(v) for v in times[a]) if x]
    ib = [x for x in (_date_interval(v) for v in times[b]) if x]
    if ia and ib and (max(x[1] for x in ia) < min(x[0] for x in ib) or max(x[1] for x in ib) < min(x[0] for x in ia)):
        return []
    # pending first, settled later is how talks end: "in final stage on June 2" and "agreed in
    # principle in June" are two moments of one process. Only a matter still pending after the
    # date it was settled on would conflict, and those are dated apart (above).
    when_done, when_pending = (ia, ib) if sa == "settled" else (ib, ia)
    if when_done and when_pending and min(x[0] for x in when_pending) <= max(x[1] for x in when_done):
        # ... unless both are told of one and the same day, with nothing to order them: "not yet an
        # agreement, a spokesman said on Monday" against "said on Monday it had reached a deal"
        one_day = {x for x in when_done + when_pending if x[0] == x[1]}
        if not (len(one_day) == 1 and len(set(when_done + when_pending)) == 1):
            return []
    classes = {f[0] for f in frames[a]} & {f[0] for f in frames[b]}
    # one act of a listed class, still to come in one and done in the other, of a party both name ("Cameron
    # said he would step down" / "David Cameron has resigned") is one matter with fewer words in common
    one_act_of_one_party = same_party and bool(classes & CLASSED_ACTS)
    if len(shared | classes) < 3 and not (one_act_of_one_party and len(shared | classes) >= 2):
        return []
    done, pending = (a, b) if sa == "settled" else (b, a)
    topic = sorted(shared - _GENERIC)[0] if shared - _GENERIC else "status"
    if one_act_of_one_party:
        topic = sorted(classes & CLASSED_ACTS)[0]  # the act itself: see the relatedness test of _PairJudge.rows
    return [("status", topic, _BASE["status"],
             f"According to {_who(sources[done])}, the matter is settled (“{_short(texts[done])}”); according to {_who(sources[pending])}, it is still pending (“{_short(texts[pending])}”).")]


def _shared_weight(shared: set, idf: dict, weight_a: float, weight_b: float) -> float:
    """IDF weight of the lemmas two claims share over the lighter claim's weight, in [0, 1]."""
    return bag_weight(shared, idf) / max(1e-9, min(weight_a, weight_b)) if shared else 0.0


def _rebuttal_rows(c, sources, rules, texts, starts, lemmas, idf, weight, nums=None, arts=None, article_texts=None):
    """Stance rows for rebuttals an article stages itself (see :mod:`s400lib.compare.rebuttals`).

    A rebuttal of a figure ("the ministry denied the figure" after "activists said 300 protesters
    were killed") also answers the same figure told by other outlets: those claims give the count
    the first one gives, of the same thing, and are about the same matter."""
    def is_party(i: int) -> bool:
        # a group named by a common noun ("unions say", "critics say") is a party too; a bare pronoun is not
        src = sources[i]
        return rules[i] != "outlet" and isinstance(src, str) and src.lower() not in _PRONOUNS

    rows = []
    counting = None
    for a, b, topic, link, verb_at in rebuttal_pairs(c, is_party, same_speaker, _GENERIC, article_texts):
        r = _shared_weight(set(lemmas[a]).intersection(lemmas[b]), idf, weight[a], weight[b])
        answer = f"rejecting the {topic}" if link == "claim_noun" else f"answering on '{topic}'"
        rows.append((a, b, "stance", topic, _BASE["stance"] + 0.1 + 0.1 * (link == "claim_noun"),
                     f"One article sets two parties against each other. {_who(sources[a])}: “{_short(texts[a])}”; "
                     f"then {_who(sources[b])}, {answer}: “{snippet(texts[b], starts[b], starts[b] + verb_at)}”.", round(r, 3)))
        if link == "claim_noun" and topic in _FIGURE_NOUNS and nums is not None and nums[a]:
            if counting is None:
                # claims by the thing they count, built once: a figure is looked for among those only
                counting = defaultdict(list)
                for x, ns in enumerate(nums):
                    for base in {q[2].partition(" (")[0] for q in ns if q[2]}:
                        counting[base].append(x)
            near = sorted({x for p in nums[a] if p[2] for x in counting.get(p[2].partition(" (")[0], ())})
            rows += _figure_told_elsewhere(a, b, topic, near, nums, arts, sources, texts, starts, lemmas, idf, weight, verb_at)
    return rows


# claim nouns that stand for a figure someone gave
_FIGURE_NOUNS = {"figure", "toll", "tally", "estimate", "count"}


def _figure_told_elsewhere(a, b, topic, candidates, nums, arts, sources, texts, starts, lemmas, idf, weight, verb_at):
    """Stance rows between rebuttal ``b`` of the figure in claim ``a`` and the ``candidates`` (claims that
    count the same kind of thing) of other articles that give that figure (consistent value) about the
    same matter as ``a``."""
    out = []
    for x in candidates:
        if arts[x] == arts[a] or not nums[x] or same_speaker(sources[x], sources[b]):
            continue
        if not any(_same_count(p[2], q[2]) and not _apart(p, q) for p in nums[a] if p[2] for q in nums[x] if q[2]):
            continue
        r = _shared_weight(set(lemmas[a]).intersection(lemmas[x]), idf, weight[a], weight[x])
        if r < _MIN_RELATED["numeric"]:
            continue
        out.append((x, b, "stance", topic, _BASE["stance"] + 0.1,
                    f"{_who(sources[x])} gives the figure (“{_short(texts[x])}”); {_who(sources[b])} rejects the {topic} "
                    f"that another report gave (“{snippet(texts[b], starts[b], starts[b] + verb_at)}”).", round(r, 3)))
    return out


_PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON | {"it"}


def same_quote_rows(alignments: pd.DataFrame) -> pd.DataFrame:
    """The rows of an alignments table that :func:`contradictions` reads: one quote in two renderings.
    A caller that keeps alignments only to pass them on can keep these (at ten thousand articles
    the other relations take hundreds of MiB)."""
    return alignments[alignments["relation"] == "same_quote"]


def _age_rows(tables, c, published: dict):
    """Numeric rows for one person given two ages by two articles (see :mod:`s400lib.compare.ages`),
    between the claims that hold the two age phrases; ``published`` maps article to publication date."""
    if getattr(tables, "entities", None) is None or "text" not in tables.articles:
        return []
    ages = person_ages(tables)
    if not len(ages):
        return []
    outlet = dict(zip(tables.articles["article_id"].astype(str), tables.articles["outlet"])) if "outlet" in tables.articles else {}
    spans = defaultdict(list)  # article -> (start, end, claim index)
    for k, (art, s, e) in enumerate(zip(c["article_id"].astype(str), c["start"].astype(int), c["end"].astype(int))):
        spans[art].append((s, e, k))

    def claim_of(row) -> int | None:
        return next((k for s, e, k in spans.get(row.article_id, ()) if s <= row.start and row.end <= e), None)

    rows = []
    for i, j in age_disagreements(ages, published):
        x, y = ages.loc[i], ages.loc[j]
        a, b = claim_of(x), claim_of(y)
        if a is None or b is None:
            continue
        who_a = outlet.get(x.article_id) if isinstance(outlet.get(x.article_id), str) else x.article_id
        who_b = outlet.get(y.article_id) if isinstance(outlet.get(y.article_id), str) else y.article_id
        rows.append((a, b, "numeric", "age", _BASE["numeric"] + 0.2,
                     f"{who_a} gives {x.person}'s age as {x.age} (“{x.text}”); {who_b} as {y.age} (“{y.text}”).", 1.0))
    return rows


def _account_rows(tables, c, sources, texts):
    """Stance rows for two sources that tell how one person died or left office, or what caused one
    disaster, in two manners (see :mod:`s400lib.compare.accounts`)."""
    ents = getattr(tables, "entities", None)
    if "entities" not in c:
        return []
    people = set(ents.loc[ents["label"] == "PERSON", "canonical"].dropna().astype(str)) if ents is not None and len(ents) else set()
    rows = []
    lowered = c["text"].astype(str).str.lower()
    for kind in KINDS:
        accounts = accounts_of(c, people, kind, lowered)
        for i, j in rival_accounts(accounts, sources, same_speaker, c["article_id"].astype(str).tolist()):
            x, y = accounts.loc[i], accounts.loc[j]
            rows.append((int(x.claim), int(y.claim), "stance", kind.name, _BASE["stance"] + 0.15,
                         f"Accounts of {kind.happened.format(x.person)} differ: according to {_who(sources[x.claim])}, "
                         f"{kind.readings[x.manner]} (“{x.cue}”: “{_short(texts[x.claim])}”); according to "
                         f"{_who(sources[y.claim])}, {kind.readings[y.manner]} (“{y.cue}”: “{_short(texts[y.claim])}”).", 1.0))
    return rows


def _culprit_rows(c, sources, texts, arts, starts, lemmas, idf, weight):
    """Stance rows for an accusation and its denial: one source holds a party responsible for an event,
    another denies that it is; and for rival accusations: two sources hold two different parties
    responsible for one event (see :mod:`s400lib.compare.culprits`)."""
    if "blame" not in c:
        return []
    blames = c["blame"].tolist()
    rows = []
    for a, d in culprit_pairs(blames, arts, starts, sources, same_speaker):
        _, party_a, event_a = parse_blame(blames[a])
        _, party_d, _ = parse_blame(blames[d])
        event = event_a.split()[0]
        r = _shared_weight(set(lemmas[a]).intersection(lemmas[d]), idf, weight[a], weight[d])
        rows.append((a, d, "stance", "blame", _BASE["stance"] + 0.15,
                     f"According to {_who(sources[a])}, {_the(party_a)} is responsible for the {event} (“{_short(texts[a])}”); "
                     f"{_who(sources[d])} denies that {_the(party_d)} is (“{_short(texts[d])}”).", round(r, 3)))
    for a, b in rival_pairs(blames, arts, starts, sources, same_speaker):
        _, party_a, event_a = parse_blame(blames[a])
        _, party_b, _ = parse_blame(blames[b])
        rows.append(_two_accounts(a, b, "rival_culprits", f"who was behind the {event_a.split()[0]}", _the(party_a),
                                  _the(party_b), sources, texts, lemmas, idf, weight))
    return rows


def _two_accounts(a, b, rule, about, told_a, told_b, sources, texts, lemmas, idf, weight):
    """A stance row for two sources' rival accounts of one thing ``about``: what each says (``told_a``, ``told_b``)."""
    r = _shared_weight(set(lemmas[a]).intersection(lemmas[b]), idf, weight[a], weight[b])
    return (a, b, "stance", rule, _BASE["stance"] + 0.1,
            f"Two accounts of {about}: according to {_who(sources[a])}, {told_a} (“{_short(texts[a])}”); "
            f"according to {_who(sources[b])}, {told_b} (“{_short(texts[b])}”).", round(r, 3))


def _cause_rows(c, sources, texts, arts, starts, lemmas, idf, weight):
    """Stance rows for rival causes of one death told by two sources (see :mod:`s400lib.compare.causes`)."""
    if "cause" not in c:
        return []
    causes = c["cause"].tolist()
    return [_two_accounts(a, b, "rival_causes", "what caused the death", _cause_words(causes[a]), _cause_words(causes[b]),
                          sources, texts, lemmas, idf, weight)
            for a, b in rival_cause_pairs(causes, arts, starts, sources, same_speaker)]


def _cause_words(value: str) -> str:
    """A cause value's words, head last as written in English ('attack heart' -> 'heart attack')."""
    head, *rest = value.split("|")[1].split()
    return " ".join(rest + [head])


_RESULT_NOUNS = {"result", "outcome"}
_RESULT_TOLD = re.compile(r"\b(?:declared|declaring|won|wins|elected|results?)\b", re.IGNORECASE)


def _result_disputes(c, sources, texts, arts, starts, rules, winners):
    """Stance rows for a party rejecting a result ("Chamisa dismissed the “unverified fake results”", "the
    opposition has rejected the results") against a claim that names the winner the result gave, by
    another source: the nearest such claim of its own article, else the first of each other article.
    A winner that is the rejecting party itself ("celebration of his victory") is no result it rejects."""
    rows = []
    if not any(winners):
        return rows

    def rejects_result(k: int):
        verb = rebuttal_verb(texts[k])
        return verb if verb is not None and acts_on_claim(texts[k], verb) in _RESULT_NOUNS else None

    # a claim that rejects a result while naming its winner ("dismissed the results after the commission
    # declared X the winner") gives no result of its own
    # ... and a victory someone celebrates ("celebration of his victory") is no result announced: only a
    # claim that tells a declaration, a win or an election is
    named_winners = [k for k, w in enumerate(winners) if w and rejects_result(k) is None and _RESULT_TOLD.search(texts[k])]
    for r, text in enumerate(texts):
        if rules[r] == "outlet" or not isinstance(sources[r], str):
            continue
        verb = rejects_result(r)
        if verb is None:
            continue
        party_words = set(sources[r].lower().split())
        candidates = [w for w in named_winners if w != r and not same_speaker(sources[w], sources[r])
                      and not party_words & set(winners[w].lower().split())]
        by_article: dict[str, int] = {}
        for w in sorted(candidates, key=lambda w: (arts[w] != arts[r], abs(starts[w] - starts[r]) if arts[w] == arts[r] else starts[w])):
            by_article.setdefault(arts[w], w)
        for w in by_article.values():
            rows.append((w, r, "stance", "result", _BASE["stance"] + 0.1,
                         f"According to {_who(sources[w])}, {winners[w]} won (“{_short(texts[w])}”); {_who(sources[r])} rejects "
                         f"the result (“{snippet(texts[r], starts[r], starts[r] + verb.start())}”).", 1.0))
    return rows


def _the(party: str) -> str:
    """A party named by a common noun takes the article ("the Russian government"); a name does not."""
    return f"the {party}" if party.split()[-1][:1].islower() else party


def _clock_rows(tables, c, sources, texts):
    """Temporal rows for two sources that give one disaster two times of day that cannot both hold
    (see :mod:`s400lib.compare.clocks`)."""
    clocks = clock_accounts(c, getattr(tables, "timexes", None))
    rows = []
    for i, j in rival_clocks(clocks, sources, c["article_id"].astype(str).tolist(), same_speaker):
        x, y = clocks.loc[i], clocks.loc[j]
        rows.append((int(x.claim), int(y.claim), "temporal", x.event, _BASE["temporal"] + 0.2,
                     f"The time of {x.event} differs: according to {_who(sources[x.claim])}, {x.said} "
                     f"(“{_short(texts[x.claim])}”); according to {_who(sources[y.claim])}, {y.said} "
                     f"(“{_short(texts[y.claim])}”).", 1.0))
    return rows


def _place_rows(c, sources, texts, published):
    """Polarity and stance rows for two sources that put one incident in different places, or in a
    place and nowhere there (see :mod:`s400lib.compare.places`)."""
    rows = []
    starts = c["start"].astype(int).tolist()
    for kind, x, y in rival_places(c, sources, same_speaker, published):
        px, py = place_phrase(texts[x.claim], starts[x.claim], x), place_phrase(texts[y.claim], starts[y.claim], y)
        if kind == "polarity":
            said = (f"according to {_who(sources[x.claim])}, something was in {px} (“{_short(texts[x.claim])}”); "
                    f"according to {_who(sources[y.claim])}, nothing was (“{_short(texts[y.claim])}”).")
            expl = f"Whether it happened in {px} differs: {said}"
        else:
            expl = (f"Where it happened differs: according to {_who(sources[x.claim])}, in {px} "
                    f"(“{_short(texts[x.claim])}”); according to {_who(sources[y.claim])}, in {py} "
                    f"(“{_short(texts[y.claim])}”).")
        rows.append((x.claim, y.claim, kind, f"place ({x.noun})", _BASE[kind] + 0.15, expl, 1.0))
    return rows


def _speaker_mentions(tables, c, unit_ids: set) -> dict[str, str]:
    """Unit id (quote or claim, as the alignment names them) -> the words around the mention of its
    speaker, up to a quotation mark or the end of the sentence ("Dennis Muilenburg, Boeing CEO, said",
    "Boeing CEO Dennis Muilenburg"); for ``unit_ids`` only, since few pairs need them."""
    q = getattr(tables, "quotes", None)
    if not unit_ids or q is None or not len(q) or "speaker_start" not in q:
        return {}
    quote_of = _quote_of(c, unit_ids)
    wanted = set(quote_of.values())
    texts = dict(zip(tables.articles["article_id"].astype(str), tables.articles["text"]))
    by_quote = {}
    for qid, art, s0, s1 in zip(q["quote_id"].astype(str), q["article_id"].astype(str), q["speaker_start"], q["speaker_end"]):
        if qid in wanted and pd.notna(s0) and pd.notna(s1) and art in texts:
            text = texts[art]
            before = re.split(r"[“”\".;\n]", text[max(0, int(s0) - 30) : int(s0)])[-1]
            after = re.split(r"[“”\".;\n]", text[int(s1) : int(s1) + 40])[0]
            by_quote[qid] = before + text[int(s0) : int(s1)] + after
    return {uid: by_quote[qid] for uid, qid in quote_of.items() if qid in by_quote}


def _state_voice(a: str, kind_a, b: str, kind_b) -> bool:
    """Whether one speaker is a person and the other a state or a body of one ("the Russian Foreign Ministry",
    "the Egyptian presidency", "the United Kingdom"): a spokeswoman's, a minister's or a leader's words are
    reported as her ministry's or her country's, and the texts seldom say which state she speaks for. A
    person against a firm or another body stays a dispute over who said it."""
    if {kind_a, kind_b} != {"person", "org"}:
        return False
    body = a if kind_a == "org" else b
    return bool(countries_in(body))


def _speaker_kinds(tables, c: pd.DataFrame, unit_ids: set) -> dict:
    """Unit id (quote or claim, as the alignment names them) -> the kind of its speaker ('person', 'org',
    ...), from the quotes table (see :func:`_quote_of`)."""
    q = getattr(tables, "quotes", None)
    if not unit_ids or q is None or not len(q) or "speaker_kind" not in q:
        return {}
    kind_of = {qid: k for qid, k in zip(q["quote_id"].astype(str), q["speaker_kind"]) if isinstance(k, str)}
    return {uid: kind_of[qid] for uid, qid in _quote_of(c, unit_ids).items() if qid in kind_of}


def _quote_of(c: pd.DataFrame, unit_ids: set) -> dict:
    """Unit id (quote or claim, as the alignment names them) -> the quote whose speaker it has: a quote is
    its own, a claim's speaker is the speaker of the quote it holds."""
    quote_of = {uid: uid for uid in unit_ids}
    if "quote_id" in c:
        quote_of.update({cid: qid for cid, qid in zip(c["claim_id"].astype(str), c["quote_id"])
                         if cid in unit_ids and isinstance(qid, str)})
    return quote_of


def _speaks_for(source: str, other_mention) -> bool:
    """Whether a body is named in the words that name the other speaker: "Dennis Muilenburg, Boeing CEO"
    speaks for Boeing, so Boeing's statement and his words are one source."""
    return isinstance(other_mention, str) and bool(re.search(rf"\b{re.escape(name_key(source))}\b", name_key(other_mention)))


def _one_state(a: str, b: str) -> bool:
    """Whether two speakers are one state's voice: a capital or country and a body of it ("Moscow" and
    "Russian defence ministry": the ministry's statement is what Moscow said)."""
    countries_a, countries_b = countries_in(a), countries_in(b)
    return bool(countries_a) and countries_a == countries_b


def _attribution(c, alignments, ids, tables=None):
    """Attribution conflict rows: aligned quoted words given to two different named speakers, two people or
    two bodies, unless one speaker's mention names the other, a body it speaks for (see :func:`_speaks_for`)."""
    rows = []
    if alignments is None or not len(alignments):
        return rows
    same = same_quote_rows(alignments)
    rival = [r for r in same.itertuples()
             if _named(ls := getattr(r, "left_source", None)) and _named(rs := getattr(r, "right_source", None))
             and not same_speaker(ls, rs)]
    units = {x for r in rival for x in (r.left_id, r.right_id)}
    mentions = _speaker_mentions(tables, c, units) if tables is not None else {}
    kinds = _speaker_kinds(tables, c, units) if tables is not None else {}
    for r in rival:
        ls, rs = r.left_source, r.right_source
        if _speaks_for(ls, mentions.get(r.right_id)) or _speaks_for(rs, mentions.get(r.left_id)):
            continue
        if _state_voice(ls, kinds.get(r.left_id), rs, kinds.get(r.right_id)):
            continue
        if _one_state(ls, rs):
            continue
        rows.append((r.left_id, r.right_id, "attribution", "speaker", _BASE["attribution"] + 0.3 * float(r.score),
                     f"The same words are attributed to {ls} in one text and to {rs} in the other.",
                     (r.left_article, r.right_article, r.left_text, r.right_text, ls, rs), float(r.score)))
    return rows


_NEGATION = re.compile(r"\b(?:not|no|never|nothing|none|neither|nor|without|cannot|hardly|scarcely|barely|unlikely)\b|n't", re.IGNORECASE)


def _rendering_shifts(c, alignments, frames, sources, texts, starts):
    """Two renderings of one quote (aligned as 'same_quote', e.g. two translations) never conflict
    for their wording, but one that negates what the other affirms has shifted its sense: a polarity
    conflict whose explanation says both render one quote."""
    rows = []
    if alignments is None or not len(alignments) or "quote_id" not in c:
        return rows
    same = same_quote_rows(alignments)
    if not len(same):
        return rows
    claims_of: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(c["quote_id"].tolist()):
        if isinstance(q, str):
            claims_of[q].append(i)
    for r in same.itertuples():
        for a in claims_of.get(r.left_id, ()):
            for b in claims_of.get(r.right_id, ()):
                # a negation written in one rendering and in no form in the other; signs that differ
                # only because the parser read two hedges ("unlikely to be accepted") differently do not count
                if bool(_NEGATION.search(texts[a])) == bool(_NEGATION.search(texts[b])):
                    continue
                for ca, sa, ma, oa, _ in frames[a]:
                    match = [f for f in frames[b] if f[0] == ca and f[1] != sa and f[2] == ma == "" and ca not in _GENERIC]
                    if match:
                        ob = match[0][3]
                        rows.append((a, b, "polarity", ca, _BASE["polarity"] + 0.2,
                                     f"Both texts render one quote by {_who(sources[a])}, but one affirms what the other denies: "
                                     f"“{snippet(texts[a], starts[a], oa)}” versus “{snippet(texts[b], starts[b], ob)}”.",
                                     float(r.score)))
                        break
    return rows


def _rank(rows, c, min_score, per_topic, max_rows, extra, n_candidates, per_claim=None):
    records = []
    cid, art, txt, src = (c[k].tolist() for k in ("claim_id", "article_id", "text", "source"))
    for row in rows:
        if len(row) == 8:  # attribution rows carry their own texts (they may pair quotes)
            lid, rid, kind, topic, score, expl, (la, ra, lt, rt, ls, rs), rel = row
        else:
            a, b, kind, topic, score, expl, rel = row
            lid, rid, la, ra, lt, rt, ls, rs = cid[a], cid[b], art[a], art[b], txt[a], txt[b], src[a], src[b]
        if score < min_score:
            continue
        records.append({
            "left_id": lid, "right_id": rid, "left_article": la, "right_article": ra, "left_text": lt,
            "right_text": rt, "kind": kind, "score": round(float(score), 3), "explanation": expl,
            "left_source": ls, "right_source": rs, "topic": topic, "relatedness": rel,
        })
    records.sort(key=lambda r: (-r["score"], r["kind"], r["left_id"], r["right_id"]))
    kept, per, seen_pairs, used = [], defaultdict(int), set(), defaultdict(int)
    for r in records:
        pair = frozenset((r["left_id"], r["right_id"]))
        if pair in seen_pairs:
            continue  # one row per pair of claims: its strongest kind
        if per_topic is not None and per[(r["kind"], r["topic"])] >= per_topic:
            continue
        # prefer pairs whose claims are not already shown
        if per_claim is not None and (used[r["left_id"]] >= per_claim or used[r["right_id"]] >= per_claim):
            continue
        kept.append(r)
        seen_pairs.add(pair)
        per[(r["kind"], r["topic"])] += 1
        used[r["left_id"]] += 1
        used[r["right_id"]] += 1
    if max_rows is not None and len(kept) > max_rows:
        # the cap keeps first the strongest row of each two articles, kind and topic, then the next
        # strongest rows: a reader sees every pair of outlets that disagree on a thing before the same
        # two outlets' dispute told again in other sentences ("organisers: a million" / "police: 240,000" in
        # four outlets are a dozen true rows of one dispute)
        first, rest, covered = [], [], set()
        for r in kept:
            key = (frozenset((r["left_article"], r["right_article"])), r["kind"], r["topic"])
            (rest if key in covered else first).append(r)
            covered.add(key)
        chosen = {id(r) for r in (first + rest)[:max_rows]}
        kept = [r for r in kept if id(r) in chosen]
    frame = schema.conform("contradictions", kept)
    frame["relatedness"] = (frame["relatedness"] if "relatedness" in frame else pd.Series([], dtype=float)).astype("Float64")
    for col in extra:
        frame[col] = (frame[col] if col in frame else pd.Series([pd.NA] * len(frame))).astype("string")
    frame.attrs["n_candidates"] = int(n_candidates)
    return frame


def source_matrix(alignments: pd.DataFrame, contradictions: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """Agreement and conflict counts between sources, for a figure.

    Returns
    -------
    pandas.DataFrame
        Long table: source_a, source_b (sorted pair; equal for a source agreeing with itself across
        articles), agree (alignments between them), conflict (contradictions between them). Only the
        ``top`` sources most involved are kept.
    """
    rows = []
    for frame, col in ((alignments, "agree"), (contradictions, "conflict")):
        if "left_source" not in frame or not len(frame):
            continue
        for ls, rs in zip(frame["left_source"].fillna("unknown"), frame["right_source"].fillna("unknown")):
            a, b = sorted((str(ls), str(rs)))
            rows.append({"source_a": a, "source_b": b, col: 1})
    if not rows:
        return pd.DataFrame(columns=["source_a", "source_b", "agree", "conflict"])
    long = pd.DataFrame(rows).fillna(0).groupby(["source_a", "source_b"], as_index=False)[["agree", "conflict"]].sum()
    if "conflict" not in long:
        long["conflict"] = 0
    involvement = pd.concat([long.set_index("source_a")[["agree", "conflict"]], long.set_index("source_b")[["agree", "conflict"]]]).sum(axis=1)
    keep = involvement.groupby(level=0).sum().sort_values(ascending=False, kind="mergesort").index[:top]
    long = long[long["source_a"].isin(keep) & long["source_b"].isin(keep)]
    return long.astype({"agree": int, "conflict": int}).sort_values(["source_a", "source_b"]).reset_index(drop=True)


