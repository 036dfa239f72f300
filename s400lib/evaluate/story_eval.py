"""Scores on the multi-outlet stories: real news told by several outlets, annotated by hand.

The stories live in ``tests/devsets/stories/{dev,heldout}/<story>/`` (their README gives the files and
how they were made). Each story is parsed as one corpus, the way a user would load four articles on
one event, and scored on five things:

quotes
    A gold quote is *found* when a predicted quote (not a scare quote) covers at least 30% of its
    characters, pairs taken one to one, largest overlap first. Its speaker is *right* when the gold
    names someone and :func:`s400lib.evaluate.quote_eval.person_speaker_right` accepts the predicted
    ``speaker`` (the gold's last word is in it, or it is part of the gold name).
aliases
    A gold group with two or more distinct forms is *merged* when every form is recognised as an
    entity (an entity overlaps an occurrence of the form) and all of them get one ``canonical``. Two
    groups whose forms share a canonical are a *wrong merge*.
alignments, contradictions
    As :mod:`s400lib.evaluate.claim_eval` scores the seeds: a predicted pair matches a gold pair when
    each side contains its snippet. Gold lists only pairs the annotator was sure of, so precision is
    a lower bound.
dates
    An article whose metadata gives no date, and whose true date is known, *holds* its date when
    ``published_earliest <= true date <= published_latest``.

Run ``python -m s400lib.evaluate.story_eval --part heldout dev`` (held-out first).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

from .claim_eval import alignment_scores, contradiction_scores
from .quote_eval import _words, person_speaker_right

STORIES = Path(__file__).resolve().parents[2] / "tests" / "devsets" / "stories"
PARTS = ("dev", "heldout")
MIN_COVER = 0.3


def story_folders(part: str = "all", root: str | Path | None = None) -> list[Path]:
    """The story folders of one part ('dev', 'heldout' or 'all'), sorted by name."""
    if part not in (*PARTS, "all"):
        raise ValueError(f"part must be 'dev', 'heldout' or 'all', not {part!r}")
    base = Path(root) if root is not None else STORIES
    parts = PARTS if part == "all" else (part,)
    return sorted(f for p in parts for f in (base / p).iterdir() if f.is_dir())


def load_story_gold(folder: str | Path) -> dict[str, pd.DataFrame]:
    """The gold tables of one story, with ``article_id`` columns (file stems) beside the file names."""
    folder = Path(folder)
    gold = {name: pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
            for name in ("quotes", "aliases", "alignments", "contradictions", "dates")}
    gold["quotes"]["article_id"] = gold["quotes"]["doc"].map(lambda f: Path(f).stem)
    gold["aliases"]["article_id"] = gold["aliases"]["doc"].map(lambda f: Path(f).stem)
    gold["dates"]["article_id"] = gold["dates"]["file"].map(lambda f: Path(f).stem)
    for name in ("alignments", "contradictions"):
        frame = gold[name]
        frame["left_article"] = frame["left_doc"].map(lambda f: Path(f).stem)
        frame["right_article"] = frame["right_doc"].map(lambda f: Path(f).stem)
    return gold


def quote_rows(tables, gold: pd.DataFrame) -> pd.DataFrame:
    """One row per gold quote: found, predicted speaker, speaker right (named gold speakers only)."""
    texts = dict(zip(tables.articles["article_id"], tables.articles["text"]))
    quotes = tables.quotes[tables.quotes["kind"] != "scare"]
    rows = []
    for article_id, group in gold.groupby("article_id", sort=True):
        text = texts[article_id]
        pred = quotes[quotes["article_id"] == article_id].reset_index(drop=True)
        spans = []
        for g in group.itertuples():
            start = text.find(g.text)
            spans.append((start, start + len(g.text)))
        pairs = []
        for gi, (gs, ge) in enumerate(spans):
            for pi, (ps, pe) in enumerate(zip(pred["start"].tolist(), pred["end"].tolist())):
                overlap = min(ge, pe) - max(gs, ps)
                if overlap > 0 and overlap >= MIN_COVER * (ge - gs):
                    # a direct gold quote pairs first with a predicted direct quote: "“...,” X told the
                    # media, according to the AP" holds X's quote and the agency's report of it
                    same_kind = (group["kind"].iat[gi] == "direct") == (pred["kind"].iat[pi] in ("direct", "partial"))
                    # at equal overlap the tighter prediction pairs first (as the GUM scorer does): "X told
                    # journalists that the EU was dying, according to CNN" holds X's report and CNN's of it
                    misfit = abs((pe - ps) - (ge - gs))
                    pairs.append((same_kind, overlap, misfit, gi, pi))
        best, used = {}, set()
        for _same, _overlap, _misfit, gi, pi in sorted(pairs, key=lambda t: (not t[0], -t[1], t[2], t[3], t[4])):
            if gi not in best and pi not in used:
                best[gi] = pi
                used.add(pi)
        for gi, g in enumerate(group.itertuples()):
            hit = pred.iloc[best[gi]] if gi in best else None
            speaker = hit["speaker"] if hit is not None else pd.NA
            rows.append({
                "article_id": article_id, "gold_text": g.text, "gold_kind": g.kind, "gold_speaker": g.speaker or pd.NA,
                "found": hit is not None, "pred_text": hit["text"] if hit is not None else pd.NA,
                "pred_speaker": speaker,
                "speaker_right": (bool(hit is not None and speaker_right(speaker if isinstance(speaker, str) else None, g.speaker))
                                  if g.speaker else pd.NA),
            })
    return pd.DataFrame(rows)


def speaker_right(predicted, gold: str) -> bool:
    """:func:`person_speaker_right`, tolerant of one spelling of a transliterated surname for
    another (the gold says "Zelensky", the outlet "Zelenskiy") and of a slip of one letter (the gold says
    "Syauqi", the outlet whose spelling became the canonical name "Syaugi")."""
    from rapidfuzz.distance import OSA
    from rapidfuzz.fuzz import ratio

    if person_speaker_right(predicted, gold):
        return True
    p, g = _words(predicted), _words(gold)
    return bool(p and g) and len(g[-1]) >= 5 and (ratio(p[-1], g[-1]) >= 85 or OSA.distance(p[-1], g[-1]) <= 1)


def alias_rows(tables, gold: pd.DataFrame) -> pd.DataFrame:
    """One row per gold group with two or more distinct forms: forms recognised, canonicals, merged."""
    texts = dict(zip(tables.articles["article_id"], tables.articles["text"]))
    entities = tables.entities
    occurrences = {}  # (article, form) -> spans, leaving out those inside a longer gold form
    for article_id, forms in gold.groupby("article_id"):
        # whole words only: "Sri Lanka" inside "Sri Lankan" is the adjective, not the name
        spans = {f: [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", texts[article_id])]
                 for f in set(forms["form"])}
        for f, found in spans.items():
            longer = [(s, e) for g, other in spans.items() if len(g) > len(f) for s, e in other]
            occurrences[(article_id, f)] = [(s, e) for s, e in found if not any(a <= s and e <= b for a, b in longer)]
    canon_of_group: dict[str, set] = {}
    rows = []
    for group, forms in gold.groupby("group", sort=True):
        distinct = sorted(set(forms["form"]))
        canonicals: set = set()
        missing = []
        for form in distinct:
            seen = set()
            for f in forms[forms["form"] == form].itertuples():
                ents = entities[entities["article_id"] == f.article_id]
                for start, end in occurrences[(f.article_id, form)]:
                    hit = ents[(ents["start"] < end) & (ents["end"] > start)]
                    if len(hit):
                        # the entity that ends the name, else the one that covers most of it ("US President
                        # Donald Trump", "New Zealand Police Commissioner Mike Bush" hold a place and the
                        # person; an English name's head is its last word, and the name is the person's)
                        cover = hit["end"].clip(upper=end) - hit["start"].clip(lower=start)
                        cover = cover + (hit["end"] == end) * (end - start)
                        seen |= set(hit.loc[[cover.idxmax()], "canonical"].dropna())
            if seen:
                canonicals |= seen
            else:
                missing.append(form)
        canon_of_group[group] = canonicals
        if len(distinct) < 2:
            continue
        rows.append({"group": group, "forms": len(distinct), "not_recognised": missing,
                     "canonicals": sorted(canonicals), "merged": not missing and len(canonicals) == 1})
    wrong = {g for g, c in canon_of_group.items() for h, d in canon_of_group.items() if g != h and c & d}
    frame = pd.DataFrame(rows, columns=["group", "forms", "not_recognised", "canonicals", "merged"])
    frame["wrongly_merged_with_another_group"] = frame["group"].isin(wrong)
    return frame


def date_rows(tables, dates: pd.DataFrame) -> pd.DataFrame:
    """One row per article without a metadata date and with a known true date."""
    arts = tables.articles.set_index("article_id")
    rows = []
    for d in dates.itertuples():
        if not d.true_published or arts.at[d.article_id, "published_source"] == "metadata":
            continue
        true = pd.Timestamp(d.true_published)
        lo, hi = arts.at[d.article_id, "published_earliest"], arts.at[d.article_id, "published_latest"]
        rows.append({"article_id": d.article_id, "true_published": true.date(), "earliest": lo, "latest": hi,
                     "holds": bool(pd.notna(lo) and pd.notna(hi) and lo.normalize() <= true <= hi)})
    return pd.DataFrame(rows, columns=["article_id", "true_published", "earliest", "latest", "holds"])


def evaluate_story(folder: str | Path) -> dict:
    """Parse one story and score it; returns a dict of per-item tables and the story's summary."""
    from ..compare.align import align
    from ..compare.contradictions import contradictions
    from ..io.corpus import load_corpus
    from ..pipeline.parse import parse

    folder = Path(folder)
    gold = load_story_gold(folder)
    tables = parse(load_corpus(folder), progress=False)
    al = align(tables)
    co = contradictions(tables, alignments=al)
    quotes, aliases, dates = quote_rows(tables, gold["quotes"]), alias_rows(tables, gold["aliases"]), date_rows(tables, gold["dates"])
    aligned = alignment_scores(al, gold["alignments"]).iloc[0]
    conflicts = contradiction_scores(co, gold["contradictions"])
    conflict_all = conflicts[conflicts["kind"] == "all"].iloc[0]
    named = quotes[quotes["speaker_right"].notna() & quotes["found"]]
    summary = {
        "story": folder.name, "part": folder.parent.name, "articles": len(tables.articles),
        "quotes_gold": len(quotes), "quotes_found": int(quotes["found"].sum()),
        "speakers_gold": len(named), "speakers_right": int(named["speaker_right"].astype(bool).sum()),
        "alias_groups": len(aliases), "alias_groups_merged": int(aliases["merged"].sum()),
        "alias_wrong_merges": int(aliases["wrongly_merged_with_another_group"].sum()),
        "alignments_gold": int(aligned["gold"]), "alignments_found": int(aligned["matched"]),
        "alignments_predicted": int(aligned["predicted"]), "alignment_precision_lower_bound": aligned["precision"],
        "conflicts_gold": int(conflict_all["gold"]), "conflicts_found": _found(co, gold["contradictions"]),
        "conflicts_kind_right": _kind_right(co, gold["contradictions"]),
        "lookalikes": int((gold["contradictions"]["expect"] == "consistent").sum()),
        "lookalikes_flagged": int(conflict_all["consistent_flagged"]), "flags": len(co),
        "undated_articles": len(dates), "dates_held": int(dates["holds"].sum()),
    }
    return {"summary": summary, "quotes": quotes, "aliases": aliases, "dates": dates,
            "alignments": al, "contradictions": co, "tables": tables}


def _pair_hits(pred: pd.DataFrame, gold: pd.DataFrame) -> list[pd.DataFrame]:
    from .claim_eval import matches

    return [pred[[matches(p.left_article, p.left_text, p.right_article, p.right_text, g) for p in pred.itertuples()]]
            if len(pred) else pred for _, g in gold.iterrows()]


def _found(pred: pd.DataFrame, gold: pd.DataFrame) -> int:
    conflicts = gold[gold["expect"] == "conflict"]
    return sum(len(hits) > 0 for hits in _pair_hits(pred, conflicts))


def _kind_right(pred: pd.DataFrame, gold: pd.DataFrame) -> int:
    conflicts = gold[gold["expect"] == "conflict"].reset_index(drop=True)
    hits = _pair_hits(pred, conflicts)
    return sum(bool(len(h) and (h["kind"] == conflicts.at[j, "kind"]).any()) for j, h in enumerate(hits))


def evaluate(part: str = "heldout", root: str | Path | None = None) -> pd.DataFrame:
    """One summary row per story of ``part`` plus a 'total' row with the rates."""
    rows = [evaluate_story(f)["summary"] for f in story_folders(part, root)]
    frame = pd.DataFrame(rows)
    total = frame.drop(columns=["story", "part", "alignment_precision_lower_bound"]).sum(numeric_only=True)
    total = pd.concat([pd.Series({"story": "total", "part": part}), total])
    frame = pd.concat([frame, total.to_frame().T], ignore_index=True)
    return frame


def rates(summary: pd.Series) -> dict[str, float]:
    """The headline rates of one summary row (a story or the total)."""
    def ratio(a, b):
        return round(float(summary[a]) / float(summary[b]), 3) if float(summary[b]) else float("nan")

    return {
        "quote_recall": ratio("quotes_found", "quotes_gold"),
        "speakers_right": ratio("speakers_right", "speakers_gold"),
        "alias_groups_merged": ratio("alias_groups_merged", "alias_groups"),
        "alignment_recall": ratio("alignments_found", "alignments_gold"),
        "conflict_recall": ratio("conflicts_found", "conflicts_gold"),
        "conflict_kind_right": ratio("conflicts_kind_right", "conflicts_found"),
        "lookalikes_flagged": ratio("lookalikes_flagged", "lookalikes"),
        "undated_held": ratio("dates_held", "undated_articles"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m s400lib.evaluate.story_eval", description=__doc__.splitlines()[0])
    parser.add_argument("--part", nargs="+", default=["heldout", "dev"], choices=[*PARTS, "all"])
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    with pd.option_context("display.width", 200, "display.max_columns", 40):
        for part in args.part:
            frame = evaluate(part)
            print(f"== stories, {part}")
            print(frame.set_index("story").T.to_string())
            print(f"rates ({part}): " + ", ".join(f"{k} {v}" for k, v in rates(frame.iloc[-1]).items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
