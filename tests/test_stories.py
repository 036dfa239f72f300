"""The multi-outlet stories development set: its gold is well formed, and the scorer measures what it says."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from s400lib.evaluate import story_eval

STORIES = story_eval.story_folders("all")
SNIPPETS = {"quotes": [("doc", "text")], "aliases": [("doc", "form")],
            "alignments": [("left_doc", "left_snippet"), ("right_doc", "right_snippet")],
            "contradictions": [("left_doc", "left_snippet"), ("right_doc", "right_snippet")]}


def test_twenty_two_stories_three_of_them_held_out():
    # the seventh to nineteenth dev stories were added after the split was fixed; the held-out three are unchanged
    assert [f.parent.name for f in STORIES].count("heldout") == 3 and len(STORIES) == 31
    # article ids are file names; tests that join the stories into one corpus need them unique
    stems = [p.stem for f in STORIES for p in f.glob("*.txt")]
    assert len(stems) == len(set(stems))


@pytest.mark.parametrize("folder", STORIES, ids=lambda f: f.name)
def test_every_gold_snippet_is_in_its_article(folder: Path):
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
    meta = pd.read_csv(folder / "metadata.csv", dtype=str, keep_default_na=False)
    assert set(meta["file"]) == set(texts) and meta["outlet"].nunique() >= 3
    assert (meta["published"] == "").any(), "one article per story is left undated for the date inference"
    for name, pairs in SNIPPETS.items():
        for line, row in enumerate(csv.DictReader(open(folder / f"{name}.csv", encoding="utf-8")), start=2):
            for doc, snippet in pairs:
                assert row[snippet] in texts[row[doc]], f"{folder.name}/{name}.csv line {line}: {row[snippet][:50]!r}"


def test_the_alias_score_counts_a_group_merged_only_when_every_form_has_one_canonical():
    texts = {"a": "President Ada Lovelace met Lovelace's aide. Lovelace said no."}
    tables = type("T", (), {})()
    tables.articles = pd.DataFrame({"article_id": ["a"], "text": texts["a"]})
    tables.entities = pd.DataFrame({"article_id": ["a", "a", "a"], "start": [10, 25, 43], "end": [23, 33, 51],
                                    "canonical": ["Ada Lovelace", "Ada Lovelace", "Lovelace Inc"]})
    gold = pd.DataFrame({"group": ["Ada Lovelace"] * 2, "form": ["Ada Lovelace", "Lovelace"], "article_id": ["a", "a"]})
    rows = story_eval.alias_rows(tables, gold)
    assert rows.loc[0, "canonicals"] == ["Ada Lovelace", "Lovelace Inc"] and not rows.loc[0, "merged"]
    tables.entities.loc[2, "canonical"] = "Ada Lovelace"
    assert story_eval.alias_rows(tables, gold).loc[0, "merged"]


def test_a_transliterated_surname_counts_as_the_same_speaker_but_another_name_does_not():
    assert story_eval.speaker_right("Volodymyr Zelenskiy", "Volodymyr Zelensky")
    assert not story_eval.speaker_right("Emmanuel Macron", "Jean-Claude Gallet")
    assert not story_eval.speaker_right(None, "Jean-Claude Gallet")


def test_the_dev_stories_are_scored_end_to_end():
    frame = story_eval.evaluate("dev")
    total = frame.iloc[-1]
    assert list(frame["story"][:-1]) == [f.name for f in STORIES if f.parent.name == "dev"]
    # regression floors measured at the commit that added the set (dev part only)
    assert total["quotes_found"] / total["quotes_gold"] >= 0.85
    assert total["undated_articles"] == 31 and total["dates_held"] >= 11


def test_a_side_matches_the_snippets_statement_not_a_sentence_that_shares_a_name():
    from s400lib.evaluate.claim_eval import _side

    snippet = "the harbour master said the north quay would reopen in May"
    assert _side("the north quay would reopen in May", snippet)                      # the reported clause alone
    assert _side("The harbour master said the north quay would reopen in May, after repairs.", snippet)
    assert _side("the north quay would reopen in May once the cranes were moved back", snippet)  # cut differently
    assert not _side("The north quay flooded twice last winter.", snippet)          # shares a name only
    assert not _side("May", snippet)                                                 # too short to say anything


def test_the_older_contains_rule_can_still_be_scored():
    from s400lib.evaluate.claim_eval import _side, side_rule

    with side_rule("contains"):
        assert not _side("the north quay would reopen in May", "the harbour master said the north quay would reopen in May")
    assert _side("the north quay would reopen in May", "the harbour master said the north quay would reopen in May")


def test_missed_pairs_lists_the_gold_rows_no_prediction_matches():
    import pandas as pd

    from s400lib.evaluate.claim_eval import missed_pairs

    gold = pd.DataFrame({"left_article": ["a", "a"], "left_snippet": ["the quay reopens in May", "the mayor resigned"],
                         "right_article": ["b", "b"], "right_snippet": ["quay to reopen in May", "mayor quits"], "relation": ["paraphrase"] * 2})
    predicted = pd.DataFrame({"left_article": ["a"], "left_text": ["Officials said the quay reopens in May."],
                              "right_article": ["b"], "right_text": ["The quay to reopen in May, officials say."]})
    assert missed_pairs(predicted, gold)["right_snippet"].tolist() == ["mayor quits"]


def test_the_alias_score_reads_a_name_by_the_entity_that_ends_it():
    # "New Zealand Police Commissioner Mike Bush": the place is longer than the name, but the name is the person's
    text = "New Zealand Police Commissioner Mike Bush said so."
    tables = type("T", (), {})()
    tables.articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
    tables.entities = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 32], "end": [11, 41],
                                    "canonical": ["New Zealand", "Mike Bush"]})
    gold = pd.DataFrame({"group": ["Mike Bush", "Mike Bush"], "form": ["New Zealand Police Commissioner Mike Bush", "Mike Bush"],
                         "article_id": ["a", "a"]})
    assert story_eval.alias_rows(tables, gold).loc[0, "canonicals"] == ["Mike Bush"]


def test_the_quote_score_pairs_the_tighter_prediction_first_at_equal_overlap():
    text = "Ana Ruiz told journalists that the pier was unsafe, according to the Coastal Times."
    tables = type("T", (), {})()
    tables.articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
    wide, tight = text.index("Ana Ruiz"), text.index("the pier")
    tables.quotes = pd.DataFrame({"article_id": ["a", "a"], "kind": ["indirect", "indirect"],
                                  "start": [wide, tight], "end": [text.index(", according"), text.index(", according")],
                                  "text": ["", ""], "speaker": ["Coastal Times", "Ana Ruiz"]})
    gold = pd.DataFrame({"article_id": ["a"], "kind": ["indirect"], "speaker": ["Ana Ruiz"], "text": ["the pier was unsafe"]})
    rows = story_eval.quote_rows(tables, gold)
    assert rows.loc[0, "pred_speaker"] == "Ana Ruiz" and bool(rows.loc[0, "speaker_right"])


def test_a_speaker_one_letter_off_the_gold_name_is_right_and_another_name_is_not():
    from s400lib.evaluate.story_eval import speaker_right

    assert speaker_right("Muhmmad Syaugi", "Muhammad Syauqi")  # one outlet's spelling became the canonical name
    assert speaker_right("Volodymyr Zelenskiy", "Volodymyr Zelensky")
    assert not speaker_right("John Kelly", "John Kerry")
    assert not speaker_right("Ben Cox", "Ben Fox")  # short names: one letter is another name
