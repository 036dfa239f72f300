"""Score ``sl.extract_quotes`` on PolNeAR, political news that others annotated for attribution.

PolNeAR (Newell, Margolin and Ruths, LREC 2018; repository networkdynamics/PolNeAR) holds 1,008 articles
of seven US outlets on the 2016 election, each attribution marked as source + cue -> content in brat
standoff files. It is not committed here (no licence is stated for the articles); ``fetch`` brings the
repository and this module reads its ``data/`` folder::

    python -m s400lib.evaluate.polnear_eval DATA_DIR [--part heldout dev]

The corpus's own split is kept: its ``dev`` compartment is the part read while writing rules, its
``test`` compartment the held-out part, scored and never read. Where an article was annotated by several
people, the annotation of the first annotator (in name order) is the gold.

What is scored, on attributions whose content is at least ``min_words`` words:

- found: a predicted statement (no scare quote, nor words quoted inside the speaker's own report) covers at least ``min_cover`` of the content's
  characters (one prediction per attribution, as many paired as can pair, as in :func:`quote_eval.score_gum`);
- precision: found / predicted;
- direct recall: the same, over the attributions whose content is in quotation marks;
- named sources right: on found attributions whose source is written with a name ("Trump", "The New
  York Post", "Clinton campaign spokesman Brian Fallon"), the predicted speaker holds the source's last
  capitalised word or is part of the source. Pronoun and common-noun sources ("he", "officials") are not
  scored: PolNeAR does not say whom they stand for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .quote_eval import _words, attribution_rates, pair_by_overlap

PARTS = {"dev": "dev", "heldout": "test"}
_QUOTE_MARKS = "“”\"«»"
_NOT_A_NAME = frozenset({
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
    "this", "that", "these", "those", "some", "many", "most", "one", "both", "others", "other", "who", "which",
})


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (piece.split() for piece in field.split(";"))]


def read_ann(text: str, ann: str) -> list[dict]:
    """The attributions of one brat file: content spans, source text and cue text (empty when absent)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, where = parts[1].partition(" ")
            spans[parts[0]] = (kind, _spans(where))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:] if ":" in arg))
    out = []
    for args in events:
        if "Content" not in args or args["Content"] not in spans:
            continue
        content = sorted(spans[args["Content"]][1])
        source = spans.get(args.get("Source", ""), ("", []))[1]
        cue = spans.get(args.get("Cue", ""), ("", []))[1]
        start, end = content[0][0], content[-1][1]
        out.append({
            "start": start, "end": end, "segments": content, "text": text[start:end],
            "opens_sentence": bool(source) and re.search(r"(?:^|[.!?][\"”’)]?\s+|\n\s*)$", text[:min(source)[0]]) is not None,
            "source": " ".join(text[a:b] for a, b in sorted(source)),
            "cue": " ".join(text[a:b] for a, b in sorted(cue)),
            "direct": any(ch in text[max(0, start - 2):end + 2] for ch in _QUOTE_MARKS),
        })
    return out


def load_polnear(data_dir: str | Path, part: str = "dev") -> list[dict]:
    """Articles ``{doc_id, text, attributions}`` of one part ('dev': PolNeAR dev, 'heldout': PolNeAR test)."""
    if part not in PARTS:
        raise ValueError(f"part must be 'dev' or 'heldout', not {part!r}")
    folder = Path(data_dir) / PARTS[part]
    if not (folder / "text").is_dir():
        raise FileNotFoundError(
            f"{folder / 'text'}: no such folder. Fix: give PolNeAR's data/ folder "
            "(fetch github:networkdynamics/PolNeAR, then export its data/ folder)")
    docs = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        docs.append({"doc_id": text_path.stem, "text": text,
                     "attributions": read_ann(text, anns[0].read_text(encoding="utf-8"))})
    return docs


def _capitalised(source: str) -> list[str]:
    """The source's capitalised words that are no pronoun or determiner, a possessive 's dropped."""
    words = re.findall(r"[A-Za-z][\w.'’-]*", re.sub(r"['’]s\b", "", source))
    return [w for w in words if w[0].isupper() and w.lower().strip(".") not in _NOT_A_NAME]


def source_name(source: str, opens_sentence: bool = False, lower_words=frozenset()) -> str:
    """The name a written source gives ("Clinton campaign spokesman Brian Fallon", "Mr. Barrett, the
    lawyer for the agency" -> "Mr. Barrett", "the IMF"), or "" when it names no one ("he", "officials",
    "the Republican presidential nominee", "a Bloomberg poll"): the first comma-separated part of the source,
    brackets left out, whose last word is capitalised and not a pronoun or determiner. ``lower_words``:
    the words the article writes in small letters, for a source that opens its sentence (a capital that
    only opens the sentence, "Officials said", names no one when the article writes the word in small
    letters elsewhere)."""
    plain = re.sub(r"\([^)]*\)", " ", re.sub(r"['’]s\b", "", source))
    for k, part in enumerate(plain.split(",")):
        words = re.findall(r"[A-Za-z@][\w.'’-]*", part)
        # the head comes before a preposition: "the mayor of Dunmore" is a mayor, "Citizens for Tax Justice" a name
        head_words = words[:next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))]
        if not head_words:
            continue
        last = head_words[-1]
        if last[0].isupper() and last.lower().strip(".") not in _NOT_A_NAME \
                and not (k == 0 and len(words) == 1 and opens_sentence and last.lower() in lower_words):
            return " ".join(part.split())
    return ""


_PREPOSITIONS = frozenset({"of", "for", "at", "in", "from", "with", "on", "to"})
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator", "governor"})
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SMALL = frozenset({"of", "the", "to", "for", "and", "on", "in", "at", "a", "an"})


def named_source_right(predicted, source: str) -> bool:
    """The predicted speaker is the written source: its last word is one of the source's capitalised words
    (the source may carry an apposition: "Mr. Barrett, the lawyer for West Virginia's agency"), it is part of
    the source, or the source writes it as an acronym ("The IMF" for the International Monetary Fund)."""
    p, g = _words(predicted), _words(source)
    capitalised = [w for c in _capitalised(source) for w in _words(c) if w not in _TITLES]
    if not p or not capitalised:
        return False
    p = [w for w in p if w not in _GENERATIONS] or p
    if p[-1] in capitalised or " ".join(p) in " ".join(g):
        return True
    if any(len(w) >= 3 and w in p for w in capitalised):
        # the source's name is one of the speaker's names: "Ms. Acosta" for Melba Acosta Febo, "Mr. Lou"
        # for Lou Jiwei, "Ban" for Ban Ki-moon
        return True
    if p[-1] in g and any(w in capitalised for w in p[:-1]):
        # "Hillary Clinton's campaign" for "the Clinton campaign"
        return True
    initials = "".join(w[0] for w in p if w not in _SMALL)
    return len(initials) >= 2 and any(re.fullmatch(r"[A-Z]{2,}", w) and w.lower() == initials
                                      for w in re.findall(r"[A-Za-z]+", source))


def score_polnear(data_dir: str | Path, part: str = "dev", min_cover: float = 0.3,
                  min_words: int = 4, progress: bool = False) -> tuple[dict, pd.DataFrame]:
    """Attribution, direct-quote and named-source scores of ``sl.extract_quotes`` on one PolNeAR part.

    Returns
    -------
    (scores, rows)
        scores: articles, gold, predicted, found, precision, recall, f1, direct_gold, direct_found,
        direct_recall, named_sources, named_sources_right, named_source_accuracy; rows: one per gold
        attribution (doc_id, gold_text, direct, source, cue, named, pred_text, pred_speaker,
        speaker_rule, found, speaker_right).
    """
    import s400lib as sl
    from ..core.statements import statements

    docs = load_polnear(data_dir, part)
    if progress:
        from tqdm.auto import tqdm
        docs = tqdm(docs, desc=f"PolNeAR {part}", unit="article")
    rows, n_pred = [], 0
    for doc in docs:
        gold = [g for g in doc["attributions"] if len(g["text"].split()) >= min_words]
        lower_words = set(re.findall(r"\b[a-z][\w'’-]*", doc["text"]))
        pred = sl.extract_quotes(doc["text"])
        # one prediction per statement: words quoted inside the speaker's own report are part of it, as the
        # annotators mark them (see s400lib.core.statements.statements)
        pred = statements(pred).reset_index(drop=True)
        n_pred += len(pred)
        best = pair_by_overlap([g["segments"] for g in gold], pred, min_cover)
        for gi, g in enumerate(gold):
            pi = best.get(gi)
            hit = pred.iloc[pi] if pi is not None else None
            named = source_name(g["source"], g["opens_sentence"], lower_words)
            rows.append({
                "doc_id": doc["doc_id"], "gold_text": g["text"], "direct": g["direct"],
                "source": g["source"], "cue": g["cue"], "named": bool(named),
                "pred_text": hit["text"] if hit is not None else pd.NA,
                "pred_speaker": hit["speaker"] if hit is not None else pd.NA,
                "speaker_rule": hit["speaker_rule"] if hit is not None and "speaker_rule" in hit else pd.NA,
                "found": hit is not None,
                "speaker_right": (bool(hit is not None and named_source_right(hit["speaker"], named))
                                  if named else pd.NA),
            })
    table = pd.DataFrame(rows)
    return {"articles": len(docs), **attribution_rates(table, n_pred, "named_source")}, table


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m s400lib.evaluate.polnear_eval",
                                     description="Score quotes and speakers on PolNeAR (brought here with fetch, not committed).")
    parser.add_argument("data_dir", help="PolNeAR's data/ folder (holds dev/ and test/)")
    parser.add_argument("--part", nargs="*", choices=tuple(PARTS), default=["heldout", "dev"],
                        help="parts to score, one line each (default: heldout dev)")
    args = parser.parse_args(argv)
    for part in args.part:
        try:
            result, _ = score_polnear(args.data_dir, part, progress=True)
        except FileNotFoundError as exc:
            parser.error(str(exc))
        print(f"PolNeAR, {part}: " + ", ".join(f"{k} {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
