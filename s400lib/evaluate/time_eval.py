"""Scoring temporal expression tagging the way TempEval-3 does.

TempEval-3 (UzZaman et al., 2013) scores TIMEX3 tagging in two steps:

* **Extent**: a system expression *strictly* matches a gold one when both offsets are equal, and
  *relaxed*-matches it when the two spans overlap at all. Precision = matched system expressions /
  system expressions, recall = matched gold expressions / gold expressions, F1 their harmonic mean.
* **Attributes**: over the relaxed matches, *value accuracy* is the share whose TIMEX3 value is
  equal (and type accuracy likewise); the *value F1* of TempEval-3 counts a system expression as
  correct only when it relaxed-matches a gold one and has its value, so it folds extent and value
  errors into one figure.

Matching is one-to-one: each gold expression pairs with at most one system expression, largest
overlap first.

The gold set lives in ``tests/gold/timex_gold.json`` (format in its header): the two seeds, short
texts written for each anchoring rule, and held-out texts annotated before the tagger was run on
them (the only subset that estimates accuracy on unseen text). Reproduce the figures with::

    python -m s400lib.evaluate.time_eval
    python -m s400lib.evaluate.time_eval --tml DIR [--part heldout dev all]

The second scores a folder of TimeML files, such as the TempEval-3 training data (TBAQ-cleaned),
with a fixed tenth of the files held out (:data:`TML_HELDOUT_EVERY`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

GOLD_PATH = Path(__file__).resolve().parents[2] / "tests" / "gold" / "timex_gold.json"


def load_gold(path: str | Path | None = None) -> list[dict]:
    """The gold documents: dicts with doc_id, dct, rule, text and timexes (list of dicts)."""
    path = Path(path) if path else GOLD_PATH
    data = json.loads(path.read_text(encoding="utf-8"))
    root = path.resolve().parents[2]
    docs = []
    for doc in data["documents"]:
        doc = dict(doc)
        if "text" not in doc:
            doc["text"] = (root / doc["source"]).read_text(encoding="utf-8")
        docs.append(doc)
    return docs


# --------------------------------------------------------------------------------------------
# TimeML folders (TempEval-3 TBAQ-cleaned: TimeBank and AQUAINT), read in place, never copied here
# --------------------------------------------------------------------------------------------
# Fixed once: in sorted file-name order, every tenth file (9, 19, 29, ...) is held out: scored, never
# read while writing rules.
TML_HELDOUT_EVERY = 10


def read_tml(path: str | Path) -> dict:
    """One TimeML file as a gold document: doc_id, dct (the CREATION_TIME TIMEX3), the text inside
    <TEXT> with every tag removed, and its TIMEX3s with offsets into that text."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
            break
    body = root.find("TEXT")
    pieces: list[str] = []
    timexes: list[dict] = []

    def walk(node) -> None:
        start = sum(len(x) for x in pieces)
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if node.tag == "TIMEX3":
            end = sum(len(x) for x in pieces)
            timexes.append({"start": start, "end": end, "type": node.get("type"), "value": node.get("value"), "mod": node.get("mod")})

    if body is not None:
        walk(body)
    text = "".join(pieces)
    for t in timexes:
        t["text"] = text[t["start"] : t["end"]]
    return {"doc_id": Path(path).stem, "dct": (dct or "")[:10], "text": text, "timexes": timexes}


def load_tml(folder: str | Path, part: str = "all") -> list[dict]:
    """The .tml files of ``folder`` (searched recursively) of one part: 'dev', 'heldout' or 'all'."""
    if part not in ("dev", "heldout", "all"):
        raise ValueError(f"part must be 'dev', 'heldout' or 'all', not {part!r}")
    paths = sorted(Path(folder).rglob("*.tml"), key=lambda q: (q.name, str(q)))
    # one document per name: TBAQ-cleaned ships a copy of AP900815-0044.tml in testpipeline/, which
    # would otherwise be scored twice and shift which files are held out
    paths = [q for i, q in enumerate(paths) if i == 0 or q.name != paths[i - 1].name]
    if not paths:
        raise FileNotFoundError(f"{folder}: no .tml files. Fix: point at TBAQ-cleaned (see the README, 'What happened when')")
    keep = [q for i, q in enumerate(paths) if part == "all" or ((i % TML_HELDOUT_EVERY == TML_HELDOUT_EVERY - 1) == (part == "heldout"))]
    return [read_tml(q) for q in keep]


def evaluate_tml(folder: str | Path, part: str = "heldout", tagger=None) -> tuple[dict, pd.DataFrame]:
    """TempEval-3 figures of the tagger on a TimeML folder: (scores, matches)."""
    docs = load_tml(folder, part)
    m = match(gold_frame(docs), system_frame(docs, tagger))
    result = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in scores(m).items()}
    return {"documents": len(docs), **result}, m


def gold_frame(docs: list[dict]) -> pd.DataFrame:
    """Gold expressions as DataFrame[doc_id, start, end, text, type, value, mod]."""
    rows = [{"doc_id": d["doc_id"], **t} for d in docs for t in d["timexes"]]
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "type", "value", "mod"])


def system_frame(docs: list[dict], tagger=None) -> pd.DataFrame:
    """Run ``tagger(text, dct)`` (default :func:`s400lib.tag_times`) over every gold document."""
    if tagger is None:
        from ..extract.times import tag_times as tagger
    frames = []
    for d in docs:
        found = tagger(d["text"], d["dct"])
        frames.append(found.assign(doc_id=d["doc_id"]))
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return out[["doc_id", "start", "end", "text", "type", "value", "mod"]]


def match(gold: pd.DataFrame, system: pd.DataFrame) -> pd.DataFrame:
    """One-to-one relaxed matches between gold and system rows of the same document.

    Returns
    -------
    DataFrame
        doc_id, gold_text, sys_text, strict (same offsets), gold_value, sys_value, value_ok,
        gold_type, sys_type, type_ok; one row per gold expression and per unmatched system
        expression (the missing side is NA).
    """
    rows = []
    for doc_id in sorted(set(gold["doc_id"]) | set(system["doc_id"])):
        g = gold[gold["doc_id"] == doc_id].reset_index(drop=True)
        s = system[system["doc_id"] == doc_id].reset_index(drop=True)
        pairs = []
        for i, gr in g.iterrows():
            for j, sr in s.iterrows():
                overlap = min(gr["end"], sr["end"]) - max(gr["start"], sr["start"])
                if overlap > 0:
                    pairs.append((overlap, i, j))
        pairs.sort(key=lambda p: -p[0])
        used_g, used_s = {}, set()
        for _, i, j in pairs:
            if i not in used_g and j not in used_s:
                used_g[i] = j
                used_s.add(j)
        for i, gr in g.iterrows():
            j = used_g.get(i)
            sr = s.loc[j] if j is not None else None
            rows.append(_pair(doc_id, gr, sr))
        for j, sr in s.iterrows():
            if j not in used_s:
                rows.append(_pair(doc_id, None, sr))
    return pd.DataFrame(rows)


def _pair(doc_id, gr, sr) -> dict:
    def get(r, c):
        return None if r is None else r[c]

    both = gr is not None and sr is not None
    return {
        "doc_id": doc_id,
        "gold_text": get(gr, "text"),
        "sys_text": get(sr, "text"),
        "strict": bool(both and gr["start"] == sr["start"] and gr["end"] == sr["end"]),
        "relaxed": both,
        "gold_value": get(gr, "value"),
        "sys_value": get(sr, "value"),
        "value_ok": bool(both and str(gr["value"]) == str(sr["value"])),
        "gold_type": get(gr, "type"),
        "sys_type": get(sr, "type"),
        "type_ok": bool(both and gr["type"] == sr["type"]),
    }


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def scores(matches: pd.DataFrame) -> dict:
    """Strict/relaxed precision, recall, F1, value/type accuracy and value F1 for a set of matches."""
    n_gold = int(matches["gold_text"].notna().sum())
    n_sys = int(matches["sys_text"].notna().sum())
    out = {"gold": n_gold, "system": n_sys}
    for kind in ("strict", "relaxed"):
        hit = int(matches[kind].sum())
        p = hit / n_sys if n_sys else 0.0
        r = hit / n_gold if n_gold else 0.0
        out.update({f"{kind}_P": p, f"{kind}_R": r, f"{kind}_F1": _f1(p, r)})
    rel = int(matches["relaxed"].sum())
    ok = int(matches["value_ok"].sum())
    out["value_accuracy"] = ok / rel if rel else 0.0
    out["type_accuracy"] = int(matches["type_ok"].sum()) / rel if rel else 0.0
    vp = ok / n_sys if n_sys else 0.0
    vr = ok / n_gold if n_gold else 0.0
    out["value_F1"] = _f1(vp, vr)
    return out


def evaluate(path: str | Path | None = None, tagger=None) -> pd.DataFrame:
    """TempEval-3 figures on the gold set: one row each for the seeds, the rule texts, the held-out texts and all.

    Returns
    -------
    DataFrame
        index subset ('seeds', 'rule texts' written to exercise each rule, 'held-out texts' written
        and annotated before the tagger saw them and not tuned on, 'all'); columns gold, system, strict_P/R/F1,
        relaxed_P/R/F1, value_accuracy, type_accuracy, value_F1 (rounded to 3 decimals).
    """
    docs = load_gold(path)
    m = match(gold_frame(docs), system_frame(docs, tagger))
    is_seed = m["doc_id"].str.startswith("seed")
    is_held = m["doc_id"].str.startswith("heldout_")
    table = {"seeds": scores(m[is_seed]), "rule texts": scores(m[~is_seed & ~is_held]),
             "held-out texts": scores(m[is_held]), "all": scores(m)}
    return pd.DataFrame(table).T.rename_axis("subset").astype(float).round(3).astype({"gold": int, "system": int})


def errors(path: str | Path | None = None, tagger=None) -> pd.DataFrame:
    """The matches that are not perfect (missed, spurious, wrong extent or wrong value)."""
    docs = load_gold(path)
    m = match(gold_frame(docs), system_frame(docs, tagger))
    return m[~(m["strict"] & m["value_ok"])].reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m s400lib.evaluate.time_eval", description="TempEval-3 scores of the TIMEX3 tagger")
    parser.add_argument("--tml", metavar="FOLDER", help="score a folder of TimeML files (e.g. TBAQ-cleaned) instead of the gold file")
    parser.add_argument("--part", nargs="+", default=["heldout", "dev"], choices=("dev", "heldout", "all"))
    parser.add_argument("--record", metavar="JSON", help="with --tml: also write the figures to this file (notebook 06 reads it)")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    if args.tml:
        recorded = {}
        for part in args.part:
            try:
                result, _ = evaluate_tml(args.tml, part)
            except FileNotFoundError as problem:
                parser.error(str(problem))
            recorded[part] = result
            print(f"{args.tml} {part}: " + ", ".join(f"{k} {v}" for k, v in result.items()))
        if args.record:
            import subprocess

            commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
            recorded = {"source": "TempEval-3 training data, TBAQ-cleaned (qiangning/StructTempRel-EMNLP17)",
                        "held_out_rule": f"every {TML_HELDOUT_EVERY}th file in name order", "commit": commit,
                        "command": "python -m s400lib.evaluate.time_eval --tml DIR --part " + " ".join(args.part), "parts": recorded}
            Path(args.record).write_text(json.dumps(recorded, indent=1) + "\n", encoding="utf-8")
        return 0
    print(evaluate().to_string())
    bad = errors()
    print(f"\n{len(bad)} imperfect matches")
    if len(bad):
        print(bad[["doc_id", "gold_text", "sys_text", "gold_value", "sys_value"]].to_string())
    return 0


if __name__ == "__main__":  # pragma: no cover - the command that prints the figures
    raise SystemExit(main())
