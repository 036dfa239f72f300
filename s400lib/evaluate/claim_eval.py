"""Measure alignments and contradictions against hand-made gold pairs (``tests/gold/``).

Gold files (CSV, one pair per row):

``alignments.csv``
    corpus ('seeds' or 'fixtures'), left_article, left_snippet, right_article, right_snippet, relation.
``contradictions.csv``
    the same plus kind (a contradiction kind, or 'any') and expect ('conflict' or 'consistent':
    a consistent pair must not be flagged at all).

A predicted pair matches a gold pair when each side is the gold snippet's statement in the same article
(in either order): its text contains the snippet, or the two share a run of words at least half as long
as the shorter of them (a quote inside the snippet's sentence, a reported clause without its "X said").
``SIDES = "contains"`` restores the older rule (the text must contain the snippet), which missed
correct pairs whenever the aligned unit was shorter than the snippet or cut differently. A snippet may list
alternatives separated by ``" || "``. Snippets rather than ids keep the gold valid when claim splitting changes.
"""

from __future__ import annotations

from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pandas as pd

GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold"
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "claims"


def load_gold(name: str, corpus: str | None = None) -> pd.DataFrame:
    """Read ``tests/gold/<name>.csv`` ('alignments' or 'contradictions'), optionally one corpus."""
    gold = pd.read_csv(GOLD / f"{name}.csv")
    return gold[gold["corpus"] == corpus].reset_index(drop=True) if corpus else gold


SIDES = "overlap"  # or "contains"; see the module docstring
MIN_SHARED_CHARS = 15


@contextmanager
def side_rule(rule: str):
    """Score with another side-matching rule for a while: ``with side_rule("contains"): ...``."""
    global SIDES
    if rule not in ("overlap", "contains"):
        raise ValueError(f"unknown side rule {rule!r}; use 'overlap' or 'contains'")
    before, SIDES = SIDES, rule
    try:
        yield
    finally:
        SIDES = before


def _side(text: str, snippet: str) -> bool:
    """Is ``text`` (a predicted unit) the statement of the gold ``snippet`` (same article assumed)?"""
    text = str(text)
    for alternative in str(snippet).split(" || "):
        alternative = alternative.strip()
        if alternative in text:
            return True
        shorter = min(len(alternative), len(text))
        if SIDES == "contains" or shorter < MIN_SHARED_CHARS:
            continue
        run = SequenceMatcher(None, text, alternative, autojunk=False).find_longest_match(0, len(text), 0, len(alternative))
        if run.size >= max(MIN_SHARED_CHARS, shorter / 2):
            return True
    return False


def matches(left_article, left_text, right_article, right_text, gold_row) -> bool:
    """Does a predicted pair correspond to one gold row (either orientation)?"""
    g = gold_row
    for (la, lt), (ra, rt) in (((left_article, left_text), (right_article, right_text)), ((right_article, right_text), (left_article, left_text))):
        if la == g["left_article"] and ra == g["right_article"] and _side(lt, g["left_snippet"]) and _side(rt, g["right_snippet"]):
            return True
    return False


def _match_matrix(pred: pd.DataFrame, gold: pd.DataFrame) -> np.ndarray:
    m = np.zeros((len(pred), len(gold)), dtype=bool)
    for i, p in enumerate(pred.itertuples()):
        for j, g in gold.iterrows():
            m[i, j] = matches(p.left_article, p.left_text, p.right_article, p.right_text, g)
    return m


def _articles(gold: pd.DataFrame) -> set:
    return set(gold["left_article"]) | set(gold["right_article"])


def alignment_scores(alignments: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Precision / recall of predicted alignments against gold pairs.

    Predictions are restricted to the gold's articles. Precision counts a prediction as correct when it
    matches any gold pair (strict: a true pair nobody wrote down counts as wrong); recall is the
    share of gold pairs found; ``relation_accuracy`` is the share of found pairs with the gold relation.

    Returns
    -------
    pandas.DataFrame
        One row: predicted, gold, matched, precision, recall, relation_accuracy.
    """
    arts = _articles(gold)
    pred = alignments[alignments["left_article"].isin(arts) & alignments["right_article"].isin(arts)].reset_index(drop=True)
    m = _match_matrix(pred, gold)
    tp_pred = int(m.any(axis=1).sum())
    found = m.any(axis=0)
    rel_ok = sum(
        any(pred["relation"].iat[i] == gold["relation"].iat[j] for i in np.flatnonzero(m[:, j])) for j in np.flatnonzero(found)
    )
    return pd.DataFrame([{
        "predicted": len(pred), "gold": len(gold), "matched": int(found.sum()),
        "precision": round(tp_pred / len(pred), 3) if len(pred) else float("nan"),
        "recall": round(found.mean(), 3) if len(gold) else float("nan"),
        "relation_accuracy": round(rel_ok / found.sum(), 3) if found.sum() else float("nan"),
    }])


def missed_pairs(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The gold rows (alignments or conflicts) that no predicted pair matches, for a reader to check."""
    arts = _articles(gold)
    pred = predicted[predicted["left_article"].isin(arts) & predicted["right_article"].isin(arts)].reset_index(drop=True)
    found = _match_matrix(pred, gold).any(axis=0) if len(gold) else np.zeros(0, dtype=bool)
    return gold[~found].reset_index(drop=True)


def contradiction_scores(contradictions: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Precision / recall per kind, plus how many consistent pairs were wrongly flagged.

    Returns
    -------
    pandas.DataFrame
        One row per kind and a final 'all' row: predicted, precision (share of predictions of that kind
        that match a gold conflict), gold, recall (share of gold conflicts of that kind found with that
        kind), consistent_flagged (gold consistent pairs that were flagged, any kind; should be 0).
    """
    arts = _articles(gold)
    pred = contradictions[contradictions["left_article"].isin(arts) & contradictions["right_article"].isin(arts)].reset_index(drop=True)
    conflicts = gold[gold["expect"] == "conflict"].reset_index(drop=True)
    consistent = gold[gold["expect"] == "consistent"].reset_index(drop=True)
    mc = _match_matrix(pred, conflicts)
    mk = _match_matrix(pred, consistent)
    rows = []
    kinds = sorted(set(conflicts["kind"]) | set(pred["kind"]))
    for kind in kinds + ["all"]:
        pi = np.ones(len(pred), bool) if kind == "all" else (pred["kind"] == kind).to_numpy()
        gi = np.ones(len(conflicts), bool) if kind == "all" else (conflicts["kind"] == kind).to_numpy()
        n_pred, n_gold = int(pi.sum()), int(gi.sum())
        tp = int(mc[pi].any(axis=1).sum()) if n_pred else 0
        if kind == "all":
            found = int(mc.any(axis=0).sum())
        else:
            found = sum(bool((mc[:, j] & pi).any()) for j in np.flatnonzero(gi))
        rows.append({
            "kind": kind, "predicted": n_pred, "precision": round(tp / n_pred, 3) if n_pred else float("nan"),
            "gold": n_gold, "recall": round(found / n_gold, 3) if n_gold else float("nan"),
            "consistent_flagged": int(mk[pi].any(axis=1).sum()) if n_pred else 0,
        })
    return pd.DataFrame(rows)


def compare_similarity(tables, gold: pd.DataFrame, methods=("word", "char", "fuzzy", "char+fuzzy")) -> pd.DataFrame:
    """Rank the similarity measures of :func:`s400lib.compare.align.pair_scores` on the gold pairs.

    Every candidate pair from blocking is labelled positive when it matches a gold alignment; each
    method scores all candidates. Reported per method: average precision (area under the
    precision-recall curve, threshold-free), the best F1 over thresholds and its threshold.
    ``blocking_recall`` is the share of gold pairs that blocking keeps as candidates (the ceiling for
    every method).

    Returns
    -------
    pandas.DataFrame
        method, candidates, positives, blocking_recall, average_precision, best_f1, best_threshold.
    """
    from sklearn.metrics import average_precision_score, precision_recall_curve

    from ..compare.align import candidate_pairs, pair_scores, units

    u = units(tables)
    texts, arts = u["text"].tolist(), u["article_id"].tolist()
    pairs = candidate_pairs(texts, arts, u["keys"].tolist())
    labels = np.zeros(len(pairs), dtype=bool)
    found = np.zeros(len(gold), dtype=bool)
    for k, (a, b) in enumerate(pairs):
        for j, g in gold.iterrows():
            if matches(arts[a], texts[a], arts[b], texts[b], g):
                labels[k] = True
                found[j] = True
    rows = []
    for method in methods:
        scores = pair_scores(texts, pairs, method)
        ap = average_precision_score(labels, scores) if labels.any() else float("nan")
        prec, rec, thr = precision_recall_curve(labels, scores)
        f1 = 2 * prec * rec / np.maximum(prec + rec, 1e-9)
        best = int(np.argmax(f1[:-1])) if len(thr) else 0
        rows.append({
            "method": method, "candidates": len(pairs), "positives": int(labels.sum()),
            "blocking_recall": round(found.mean(), 3), "average_precision": round(float(ap), 3),
            "best_f1": round(float(f1[best]), 3), "best_threshold": round(float(thr[best]), 3) if len(thr) else float("nan"),
        })
    return pd.DataFrame(rows)


def fixture_tables():
    """The hand-written test articles of ``tests/fixtures/claims`` parsed (every contradiction kind)."""
    from ..io.corpus import load_corpus
    from ..pipeline.parse import parse

    return parse(load_corpus(FIXTURES), progress=False)


def evaluate(tables, corpus: str) -> dict[str, pd.DataFrame]:
    """All measurements for one corpus ('seeds' or 'fixtures'): similarity comparison, alignment and
    contradiction precision/recall."""
    from ..compare.align import align
    from ..compare.contradictions import contradictions

    al = align(tables)
    co = contradictions(tables, alignments=al)
    ga, gc = load_gold("alignments", corpus), load_gold("contradictions", corpus)
    return {
        "similarity": compare_similarity(tables, ga),
        "alignment": alignment_scores(al, ga),
        "contradictions": contradiction_scores(co, gc),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the alignment and contradiction scores on the seeds and the fixture articles."""
    import argparse

    import s400lib as sl

    parser = argparse.ArgumentParser(prog="python -m s400lib.evaluate.claim_eval",
                                     description="Alignment and contradiction scores against tests/gold/ "
                                                 "on the seeds and the fixture articles (a regression check).")
    parser.parse_args(argv)
    pd.set_option("display.width", 160)
    for name, tables in (("seeds", sl.parse(sl.load_corpus(Path(__file__).resolve().parents[2] / "seeds"), progress=False)), ("fixtures", fixture_tables())):
        for part, frame in evaluate(tables, name).items():
            print(f"\n== {name}: {part}")
            print(frame.to_string(index=False))
    return 0


if __name__ == "__main__":  # python -m s400lib.evaluate.claim_eval
    raise SystemExit(main())
