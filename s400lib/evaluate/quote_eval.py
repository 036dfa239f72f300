"""Score the quotes table against a gold file: span precision/recall, kind and speaker accuracy.

The gold file (default ``tests/gold/quotes.csv``, documented in ``tests/gold/README.md``) lists
quotations by article path, kind, canonical speaker and verbatim text. Run

    python -m s400lib.evaluate.quote_eval [gold.csv]
    python -m s400lib.evaluate.quote_eval --gum [heldout] [dev] [all]

The first prints the figures for the seeds and for the hand-written test articles separately; the
second scores :func:`score_gum` on GUM news (real Wikinews text, annotated by others; the held-out
third of its articles is scored, never read while writing rules).

Matching: predicted and gold spans are compared after trimming spaces and edge punctuation.
A pair *matches exactly* when the trimmed spans are equal, and *overlaps* when they share at least
half of the shorter span; pairs are assigned one-to-one, best overlap first. Kind and speaker
accuracy are computed over overlapping pairs; a scare quote's speaker is right when both are empty.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..link.names import name_key

GOLD_DEFAULT = Path("tests") / "gold" / "quotes.csv"
_EDGE = " \t\n,.;:!?“”\"«»—–-"


def _root(start: Path | None = None) -> Path:
    """The project folder: the nearest one above ``start`` (default: the working folder) that holds
    ``seeds/``, else the one this package sits in, so the scores run from any folder."""
    here = (start or Path.cwd()).resolve()
    for p in [here, *here.parents]:
        if (p / "seeds").is_dir():
            return p
    return Path(__file__).resolve().parents[2]


def load_gold(path: str | Path | None = None, root: str | Path | None = None) -> pd.DataFrame:
    """The gold quotes with their offsets.

    Parameters
    ----------
    path
        Gold CSV (columns doc, kind, speaker, text, context, note; ``context`` is an optional
        longer string around ``text`` that makes its position unique); default ``tests/gold/quotes.csv``.
    root
        Folder the ``doc`` paths are relative to; default: the repository root found from the
        current directory.

    Returns
    -------
    pandas.DataFrame
        doc, article_id, group ('seeds' or 'own'), kind, speaker (<NA> when empty), text, start,
        end, note. Raises ValueError naming the row when a text is not in its article.
    """
    root = Path(root) if root is not None else _root()
    path = Path(path) if path is not None else root / GOLD_DEFAULT
    gold = pd.read_csv(path, dtype="string", keep_default_na=False)
    texts: dict[str, str] = {}
    starts, ends = [], []
    for n, row in gold.iterrows():
        if row["doc"] not in texts:
            texts[row["doc"]] = (root / row["doc"]).read_text(encoding="utf-8")
        context = row.get("context", "") or ""
        at = texts[row["doc"]].find(context) if context else 0
        if at < 0:
            raise ValueError(f"gold row {n + 2}: context not found in {row['doc']}: {context!r}")
        start = texts[row["doc"]].find(row["text"], at)
        if start < 0:
            raise ValueError(f"gold row {n + 2}: text not found in {row['doc']}: {row['text'][:60]!r}")
        starts.append(start)
        ends.append(start + len(row["text"]))
    gold["article_id"] = gold["doc"].map(lambda d: Path(d).stem).astype("string")
    gold["group"] = gold["doc"].map(lambda d: "seeds" if d.startswith("seeds/") else "own").astype("string")
    gold["speaker"] = gold["speaker"].replace("", pd.NA)
    gold["start"] = pd.Series(starts, dtype="Int64")
    gold["end"] = pd.Series(ends, dtype="Int64")
    return gold


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def match(pred: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str], min_overlap: float = 0.5) -> pd.DataFrame:
    """One row per gold quote and per unmatched prediction.

    Returns
    -------
    pandas.DataFrame
        article_id, gold_text, pred_text, gold_kind, pred_kind, gold_speaker, pred_speaker,
        exact (bool), overlap (bool), quote_id (the matched prediction, <NA> when none).
    """
    rows = []
    for aid, g in gold.groupby("article_id", sort=False):
        text = texts[aid]
        p = pred[pred["article_id"] == aid]
        gspans = [_trimmed(text, int(s), int(e)) for s, e in zip(g["start"], g["end"])]
        pspans = [_trimmed(text, int(s), int(e)) for s, e in zip(p["start"], p["end"])]
        pairs = []
        for i, (gs, ge) in enumerate(gspans):
            for j, (ps, pe) in enumerate(pspans):
                inter = min(ge, pe) - max(gs, ps)
                shorter = max(1, min(ge - gs, pe - ps))
                if inter > 0 and inter / shorter >= min_overlap:
                    union = max(ge, pe) - min(gs, ps)
                    pairs.append((inter / union, i, j))
        pairs.sort(reverse=True)
        used_g, used_p, best = set(), set(), {}
        for score, i, j in pairs:
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
            best[i] = j
        for i, grow in enumerate(g.itertuples()):
            j = best.get(i)
            prow = p.iloc[j] if j is not None else None
            rows.append({
                "article_id": aid, "gold_text": grow.text, "pred_text": prow["text"] if prow is not None else pd.NA,
                "gold_kind": grow.kind, "pred_kind": prow["kind"] if prow is not None else pd.NA,
                "gold_speaker": grow.speaker, "pred_speaker": prow["speaker"] if prow is not None else pd.NA,
                "exact": j is not None and gspans[i] == pspans[j], "overlap": j is not None,
                "quote_id": prow["quote_id"] if prow is not None else pd.NA,
                "confidence": prow["confidence"] if prow is not None else pd.NA,
            })
        for j in range(len(p)):
            if j not in used_p:
                prow = p.iloc[j]
                rows.append({
                    "article_id": aid, "gold_text": pd.NA, "pred_text": prow["text"], "gold_kind": pd.NA,
                    "pred_kind": prow["kind"], "gold_speaker": pd.NA, "pred_speaker": prow["speaker"],
                    "exact": False, "overlap": False, "quote_id": prow["quote_id"], "confidence": prow["confidence"],
                })
    out = pd.DataFrame(rows)
    out["speaker_ok"] = [
        (pd.isna(gs) and pd.isna(ps)) or (not pd.isna(gs) and not pd.isna(ps) and name_key(gs) == name_key(ps))
        for gs, ps in zip(out["gold_speaker"], out["pred_speaker"])
    ]
    return out


def scores(matched: pd.DataFrame) -> dict[str, float]:
    """Precision/recall (exact and overlap), kind accuracy and speaker accuracy of one match table."""
    gold = matched[matched["gold_text"].notna()]
    n_pred = int(matched["pred_text"].notna().sum())
    hit = gold[gold["overlap"]]
    quoted = hit[hit["gold_kind"] != "scare"]
    direct = hit[hit["gold_kind"] == "direct"]
    scare = hit[hit["gold_kind"] == "scare"]
    indirect = hit[hit["gold_kind"] == "indirect"]

    def ratio(a, b):
        return round(a / b, 3) if b else float("nan")

    return {
        "gold": len(gold),
        "predicted": n_pred,
        "precision_exact": ratio(int(gold["exact"].sum()), n_pred),
        "recall_exact": ratio(int(gold["exact"].sum()), len(gold)),
        "precision_overlap": ratio(len(hit), n_pred),
        "recall_overlap": ratio(len(hit), len(gold)),
        "kind_accuracy": ratio(int((hit["gold_kind"] == hit["pred_kind"]).sum()), len(hit)),
        "speaker_accuracy": ratio(int(quoted["speaker_ok"].sum()), len(quoted)),
        "direct_speaker_accuracy": ratio(int(direct["speaker_ok"].sum()), len(direct)),
        "indirect_speaker_accuracy": ratio(int(indirect["speaker_ok"].sum()), len(indirect)),
        "scare_without_speaker": ratio(int(scare["pred_speaker"].isna().sum()), len(scare)),
    }


def evaluate(gold: pd.DataFrame | None = None, tables: dict | None = None, root: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Parse the gold articles (each group as its own corpus) and score them.

    Parameters
    ----------
    gold
        From :func:`load_gold`; loaded from the default file when None.
    tables
        Optional ``{group: Tables}`` already parsed (e.g. the notebook's seed tables).
    root
        Repository root for the ``doc`` paths.

    Returns
    -------
    (scores, matched)
        scores: one row per group ('seeds', 'own') with the columns of :func:`scores`;
        matched: the row-level match table with a ``group`` column.
    """
    import s400lib as sl

    root = Path(root) if root is not None else _root()
    gold = gold if gold is not None else load_gold(root=root)
    tables = dict(tables or {})
    results, matches = [], []
    for group, g in gold.groupby("group", sort=False):
        if group not in tables:
            docs = [str(root / d) for d in g["doc"].unique()]
            tables[group] = sl.parse(sl.load_corpus(docs), progress=False)
        t = tables[group]
        texts = dict(zip(t.articles["article_id"], t.articles["text"]))
        pred = t.quotes[t.quotes["article_id"].isin(g["article_id"].unique())]
        m = match(pred, g, texts)
        m.insert(0, "group", group)
        matches.append(m)
        results.append({"group": group, **scores(m)})
    return pd.DataFrame(results).set_index("group"), pd.concat(matches, ignore_index=True)


# --------------------------------------------------------------------------------------------
# GUM news: real Wikinews text with attributions annotated by others (tests/devsets/gum_news)
# --------------------------------------------------------------------------------------------
GUM_DEFAULT = Path("tests") / "devsets" / "gum_news" / "gum_news_quotes.json"
# Fixed once: in doc_id order, every third article (2, 5, 8, ...) is held out, scored but never
# read while writing rules.
GUM_HELDOUT_EVERY = 3


def load_gum(part: str = "all", path: str | Path | None = None) -> list[dict]:
    """GUM news articles ``{doc_id, text, quotes, ...}`` of one part: 'dev', 'heldout' or 'all'."""
    import json

    path = Path(path) if path is not None else _root() / GUM_DEFAULT
    docs = sorted(json.loads(path.read_text(encoding="utf-8")), key=lambda d: d["doc_id"])
    if part not in ("dev", "heldout", "all"):
        raise ValueError(f"part must be 'dev', 'heldout' or 'all', not {part!r}")
    held = {i for i in range(len(docs)) if i % GUM_HELDOUT_EVERY == GUM_HELDOUT_EVERY - 1}
    return [d for i, d in enumerate(docs) if part == "all" or (i in held) == (part == "heldout")]


def _words(name) -> list[str]:
    return name_key(str(name)).replace("-", " ").replace("'", " ").split() if isinstance(name, str) and name else []


def person_speaker_right(predicted, gold: str) -> bool:
    """GUM's gold name is picked from a coreference chain ("Ambassador Mohib", "Professor Eastman"),
    so a speaker is right when it holds the gold name's last word or is itself part of the gold name."""
    p, g = _words(predicted), _words(gold)
    if not p or not g:
        return False
    return g[-1] in p or " ".join(p) in " ".join(g)


def score_gum(part: str = "all", path: str | Path | None = None, min_cover: float = 0.3,
              count: str = "statements") -> tuple[dict, pd.DataFrame]:
    """Attribution and speaker scores of ``sl.extract_quotes`` on GUM news.

    A gold attribution is found when a predicted statement (:func:`s400lib.core.statements.statements`: no
    scare quote, nor words quoted inside the speaker's own report) covers at least
    ``min_cover`` of its characters; gold and predictions are paired one to one, as many as can pair
    (:func:`pair_by_overlap`). Person speakers are scored with :func:`person_speaker_right` on found attributions whose
    gold source is a person. ``count="rows"`` counts every row but scare quotes instead (as before words quoted
    inside their speaker's own report were counted with it), to show what that counting changes.

    Returns
    -------
    (scores, rows)
        scores: articles, gold, predicted, found, precision, recall, f1, direct_gold, direct_found,
        direct_recall, person_speakers, person_speakers_right, person_speaker_accuracy;
        rows: one row per gold attribution (doc_id, gold_text, direct, gold_speaker, entity_type,
        pred_text, pred_speaker, speaker_rule, found, speaker_right).
    """
    import s400lib as sl
    from ..core.statements import statements

    if count not in ("statements", "rows"):
        raise ValueError(f"count must be 'statements' or 'rows', not {count!r}")
    rows, n_pred = [], 0
    for doc in load_gum(part, path):
        pred = sl.extract_quotes(doc["text"])
        # one prediction per statement: words quoted inside the speaker's own report are part of it, as the
        # annotators mark them (see s400lib.core.statements.statements)
        pred = (statements(pred) if count == "statements" else pred[pred["kind"] != "scare"]).reset_index(drop=True)
        n_pred += len(pred)
        best = pair_by_overlap([[(g["start"], g["end"])] for g in doc["quotes"]], pred, min_cover)
        for gi, g in enumerate(doc["quotes"]):
            pi = best.get(gi)
            hit = pred.iloc[pi] if pi is not None else None
            info = g.get("speaker_info") or {}
            person = bool(g.get("speaker")) and info.get("entity_type") == "person"
            rows.append({
                "doc_id": doc["doc_id"], "gold_text": g["text"], "direct": bool(g["direct_quote_overlap"]),
                "gold_speaker": g.get("speaker") or pd.NA, "entity_type": info.get("entity_type", pd.NA),
                "pred_text": hit["text"] if hit is not None else pd.NA,
                "pred_speaker": hit["speaker"] if hit is not None else pd.NA,
                "speaker_rule": hit["speaker_rule"] if hit is not None and "speaker_rule" in hit else pd.NA,
                "found": hit is not None,
                "speaker_right": bool(hit is not None and person and person_speaker_right(hit["speaker"], g["speaker"])) if person else pd.NA,
            })
    table = pd.DataFrame(rows)
    result = {"articles": int(table["doc_id"].nunique()) if len(table) else 0,
              **attribution_rates(table, n_pred, "person_speaker")}
    return result, table


def pair_by_overlap(gold: list[list[tuple[int, int]]], pred: pd.DataFrame, min_cover: float) -> dict[int, int]:
    """Gold attribution index -> predicted row index, one to one: a prediction may pair with a gold attribution
    (given as its character segments) when it covers at least ``min_cover`` of the gold characters, and of the
    ways to pair them the one with the most pairs is taken, then the largest overlap, then the tightest
    predictions (an optimal assignment, scipy's ``linear_sum_assignment``)."""
    pairs = []
    spans = list(zip(pred["start"].tolist(), pred["end"].tolist()))
    for gi, segments in enumerate(gold):
        size = sum(b - a for a, b in segments)
        for pi, (ps, pe) in enumerate(spans):
            overlap = sum(max(0, min(b, pe) - max(a, ps)) for a, b in segments)
            if overlap > 0 and overlap >= min_cover * size:
                # at equal overlap the tighter prediction pairs first: a report and the wider
                # "according to X, ..." around it both cover the gold words, the report fits them
                pairs.append((overlap, abs((pe - ps) - size), gi, pi))
    if not pairs:
        return {}
    # the most pairs first (a greedy largest-overlap-first pass can give a quote to the report nested in it and
    # leave the gold attribution of the quote itself with no partner), then the largest overlap, then the tighter
    # prediction: an optimal assignment on weights that order the three
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    golds = sorted({gi for _, _, gi, _ in pairs})
    preds = sorted({pi for _, _, _, pi in pairs})
    row, col = {g: k for k, g in enumerate(golds)}, {p: k for k, p in enumerate(preds)}
    longest = max(o for o, _, _, _ in pairs) + 1
    loosest = max(m for _, m, _, _ in pairs) + 1
    # one pair more outweighs any overlaps and fits the other pairs can add up to
    one_pair = len(golds) * (longest + 1) * loosest + 1
    weight = np.zeros((len(golds), len(preds)))
    for overlap, misfit, gi, pi in pairs:
        weight[row[gi], col[pi]] = one_pair + overlap * loosest + (loosest - misfit)
    r, c = linear_sum_assignment(weight, maximize=True)
    return {golds[i]: preds[j] for i, j in zip(r.tolist(), c.tolist()) if weight[i, j] > 0}


def attribution_rates(table: pd.DataFrame, n_pred: int, speakers: str) -> dict:
    """gold, predicted, found, precision, recall, f1, direct_gold, direct_found, direct_recall and the
    speaker rates ``{speakers}s``, ``{speakers}s_right``, ``{speakers}_accuracy`` of a table of gold
    attributions with columns found, direct and speaker_right (NA where the speaker is not scored)."""
    found = int(table["found"].sum()) if len(table) else 0
    precision = found / n_pred if n_pred else float("nan")
    recall = found / len(table) if len(table) else float("nan")
    direct = table[table["direct"]] if len(table) else table
    scored = table[table["speaker_right"].notna() & table["found"]] if len(table) else table
    return {
        "gold": len(table), "predicted": n_pred, "found": found,
        "precision": round(precision, 3), "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "direct_gold": len(direct), "direct_found": int(direct["found"].sum()) if len(direct) else 0,
        "direct_recall": round(float(direct["found"].mean()), 3) if len(direct) else float("nan"),
        f"{speakers}s": len(scored), f"{speakers}s_right": int(scored["speaker_right"].sum()) if len(scored) else 0,
        f"{speakers}_accuracy": round(float(scored["speaker_right"].astype(bool).mean()), 3) if len(scored) else float("nan"),
    }


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m s400lib.evaluate.quote_eval",
                                     description="Score the quotes table against a gold file, or on GUM news with --gum.")
    parser.add_argument("gold", nargs="?", help=f"gold CSV (default {GOLD_DEFAULT}, described in tests/gold/README.md)")
    parser.add_argument("--gum", nargs="*", metavar="PART", choices=("heldout", "dev", "all"),
                        help="score GUM news instead, one line per part (default: heldout dev)")
    args = parser.parse_args(argv)
    if args.gum is not None:
        if args.gold:
            parser.error("give either a gold CSV or --gum, not both")
        for part in args.gum or ["heldout", "dev"]:
            result, _ = score_gum(part)
            print(f"GUM news, {part}: " + ", ".join(f"{k} {v}" for k, v in result.items()))
        return 0
    if args.gold and not Path(args.gold).is_file():
        parser.error(f"{args.gold}: no such file. Fix: give the path of a gold CSV (columns doc, kind, speaker, text), or none for {GOLD_DEFAULT}")
    gold = load_gold(args.gold) if args.gold else None
    table, matched = evaluate(gold)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.T.to_string())
        wrong = matched[(matched["gold_text"].notna()) & (~matched["overlap"] | ~matched["speaker_ok"] | (matched["gold_kind"] != matched["pred_kind"]))]
        spurious = matched[matched["gold_text"].isna()]
        print(f"\nmisses or errors: {len(wrong)}; predictions not in gold: {len(spurious)}")
        for r in wrong.itertuples():
            print(f"  [{r.group}] {r.gold_kind}->{r.pred_kind} speaker {r.gold_speaker!s}->{r.pred_speaker!s}: {str(r.gold_text)[:70]!r}")
        for r in spurious.itertuples():
            print(f"  [{r.group}] extra {r.pred_kind} ({r.pred_speaker!s}): {str(r.pred_text)[:70]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
