"""Quotes and speakers: each rule on small hand-written texts, the seeds end to end, and the gold."""

from __future__ import annotations

import pandas as pd

import s400lib as sl
from s400lib.evaluate.quote_eval import evaluate, load_gold
from s400lib.extract.quotes import pair_quotation_marks


def _row(quotes: pd.DataFrame, fragment: str) -> pd.Series:
    hit = quotes[quotes["text"].str.contains(fragment, regex=False)]
    assert len(hit) >= 1, f"no quote containing {fragment!r}: {quotes['text'].tolist()}"
    return hit.iloc[0]


def test_speaker_after_quote_and_inverted_cue():
    q = sl.extract_quotes('"We will not sell," Anna Berg told reporters.\n\n"It is final," said the minister.')
    assert _row(q, "We will not sell")["speaker"] == "Anna Berg"
    row = _row(q, "It is final")
    assert row["speaker_text"] == "the minister" and row["speaker"] == "Anna Berg"
    assert row["speaker_rule"] in ("role_recent", "role_title")


def test_role_noun_matched_by_title_even_when_tagged_propn():
    text = ("Foreign Minister Anna Berg met reporters.\n\n“We will not sell,” Berg said.\n\n"
            "“The decision is final,” said the minister, calling the offer a “gift”.")
    q = sl.extract_quotes(text)
    row = _row(q, "The decision is final")
    assert (row["speaker"], row["speaker_text"], row["speaker_rule"]) == ("Anna Berg", "the minister", "role_title")
    # what the minister calls the offer is his word, quoted in part (it was a scare quote before words a
    # source judges something as were read as its words)
    assert q.loc[q["text"] == "gift", ["kind", "speaker"]].values.tolist() == [["partial", "Anna Berg"]]


def test_split_quote_and_dateline():
    text = ('Talks\n\nANKARA, June 12 (Wire) – Turkey has no offer, a government spokesman said.\n\n'
            '"There is nothing on the table," Ibrahim Kalin said, "and we are not in a hurry."')
    q = sl.extract_quotes(text)
    second = _row(q, "and we are not in a hurry")
    assert (second["kind"], second["speaker"], second["speaker_rule"]) == ("direct", "Ibrahim Kalin", "split_quote")
    first = _row(q, "Turkey has no offer")
    assert first["text"] == "Turkey has no offer" and first["speaker"] == "government spokesman"


def test_two_speakers_in_one_paragraph():
    q = sl.extract_quotes('Talks\n\n"Open the corridor," said Hakan Fidan, while Sergei Lavrov insisted that the West had broken its word.')
    assert _row(q, "Open the corridor")["speaker"] == "Hakan Fidan"
    indirect = _row(q, "the West had broken its word")
    assert indirect["kind"] == "indirect" and indirect["speaker"] == "Sergei Lavrov"


def test_pronoun_antecedent_in_previous_paragraph():
    text = "Budget\n\nMaria Petrova, the head of the budget committee, spoke after the vote.\n\n“This budget cannot be balanced,” she explained."
    row = _row(sl.extract_quotes(text), "cannot be balanced")
    assert (row["speaker"], row["speaker_text"], row["speaker_rule"]) == ("Maria Petrova", "she", "pronoun")


def test_pronoun_prefers_the_subject_over_a_later_possessive():
    text = "Senator Oleg Morozov called Thune’s proposal trolling.\n\n“It is clear,” he said."
    assert _row(sl.extract_quotes(text), "It is clear")["speaker"] == "Oleg Morozov"


def test_medium_gives_the_person_not_the_medium():
    text = ("Andrei Rudenko was asked about it on Tuesday.\n\n“There are no talks,” TASS quoted him as saying.\n\n"
            "Colonel Pavel Sokolov was cautious. “We have not seen it,” the NSN quotes him.")
    q = sl.extract_quotes(text)
    assert _row(q, "There are no talks")["speaker"] == "Andrei Rudenko"
    assert _row(q, "We have not seen it")["speaker"] == "Pavel Sokolov"
    assert _row(q, "We have not seen it")["speaker_rule"].startswith("medium")


def test_organisations_speak():
    q = sl.extract_quotes("The Pentagon said that it had received no request.\n\n“The decision is taken in Washington,” Haaretz notes.")
    assert _row(q, "it had received no request")["speaker"] == "Pentagon"
    row = _row(q, "The decision is taken")
    assert (row["speaker"], row["cue"]) == ("Haaretz", "note")


def test_broken_closing_mark_and_straight_marks():
    q = sl.extract_quotes('Olga Smirnova spoke.\n\n"Nobody wants to move first, "she said.\n\n“Just to steal our secrets, “he said.')
    row = _row(q, "Nobody wants to move first")
    assert row["text"] == "Nobody wants to move first," and row["speaker"] == "Olga Smirnova"
    assert _row(q, "steal our secrets")["text"] == "Just to steal our secrets,"


def test_multi_paragraph_quote():
    text = "Olga Smirnova spoke.\n\n“The first problem is money.\n\n“The second is trust,” Smirnova added."
    q = sl.extract_quotes(text)
    # one row per paragraph of the quote (each reopened with a mark), all with one speaker
    assert q["text"].tolist() == ["The first problem is money.", "The second is trust,"]
    assert set(q["speaker"]) == {"Olga Smirnova"} and set(q["kind"]) == {"direct"}


def test_scare_partial_and_indirect():
    text = ("Analysts doubt the deal.\n\nA number of experts said the crisis could force Turkey to “sell” its systems. "
            "Ahmet Davutoglu said that Ankara could agree “behind closed doors” to wait.")
    q = sl.extract_quotes(text)
    sell = q[q["text"] == "sell"].iloc[0]
    assert sell["kind"] == "scare" and pd.isna(sell["speaker"])
    partial = q[q["text"] == "behind closed doors"].iloc[0]
    assert partial["kind"] == "partial" and partial["speaker"] == "Ahmet Davutoglu"
    indirect = _row(q, "Ankara could agree")
    assert indirect["kind"] == "indirect" and indirect["cue"] == "say"


def test_according_to_and_recalled():
    q = sl.extract_quotes("According to Ismail Demir, the control passes to the army.\n\nThe minister recalled that the deal was signed in 2017.")
    row = _row(q, "the control passes")
    assert (row["speaker"], row["cue"]) == ("Ismail Demir", "according to")
    assert _row(q, "the deal was signed")["speaker"] == "Ismail Demir"


def test_asked_whether_is_not_the_subjects_speech_and_the_bank_is_an_organisation():
    text = ("Analysts at Goldman Sachs see higher prices this year, the bank said.\n\n"
            "Asked whether the firm would raise prices, Jane Doe declined to comment.")
    q = sl.extract_quotes(text)
    assert q["text"].tolist() == ["Analysts at Goldman Sachs see higher prices this year"]
    assert (q.iloc[0]["speaker"], q.iloc[0]["speaker_rule"]) == ("Goldman Sachs", "role_org")


def test_no_speaker_for_impersonal_or_first_person_reports():
    q = sl.extract_quotes("It is noted that there is no guarantee.\n\nWe reported that the talks failed.")
    assert q.empty


def test_pairing_keeps_nested_marks_inside_outer_quote():
    text = "“He called it a “trick” yesterday,” she said."
    spans = pair_quotation_marks(text, [(0, len(text))])
    assert text[spans[0].start : spans[0].end] == "He called it a “trick” yesterday,"


def test_offsets_slice_back(seed_tables):
    texts = dict(zip(seed_tables.articles["article_id"], seed_tables.articles["text"]))
    for row in seed_tables.quotes.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
        if not pd.isna(row.speaker_start):
            assert texts[row.article_id][row.speaker_start : row.speaker_end] == row.speaker_text


def test_seed_quotes_meet_done_when(seed_tables):
    q = seed_tables.quotes
    assert q["quote_id"].is_unique
    assert q.loc[q["kind"] == "scare", "speaker"].isna().all()
    assert q.loc[q["kind"].isin(["direct", "partial"]), "speaker"].notna().all()
    slutsky = q[q["speaker"] == "Leonid Slutsky"]
    assert set(slutsky["article_id"]) == {"000_8ca09a8607288180", "001_7ea52e1d489151b0"}


def test_gold_scores(seed_tables):
    scores, matched = evaluate(load_gold(), tables={"seeds": seed_tables})
    seeds = scores.loc["seeds"]
    assert seeds["recall_overlap"] >= 0.95 and seeds["precision_overlap"] >= 0.95
    assert seeds["direct_speaker_accuracy"] == 1.0
    assert seeds["scare_without_speaker"] == 1.0
    assert seeds["speaker_accuracy"] >= 0.95
    own = scores.loc["own"]
    assert own["recall_overlap"] >= 0.9 and own["speaker_accuracy"] >= 0.85


def test_extract_quotes_on_empty_text_has_columns():
    q = sl.extract_quotes("No quotes here at all.")
    assert q.empty and {"speaker", "kind", "cue", "quote_id"} <= set(q.columns)


from hypothesis import given, settings
from hypothesis import strategies as st

_PIECES = ["“We will win,”", "he said.", "\"No,\" she said.", "Anna Berg", "told reporters", "“", "”", "\"",
           "according to the ministry,", "the talks failed", "that", "said", "\n\n", "a “deal”", ".", ",", "The minister"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
def test_any_text_gives_rows_that_slice_back(pieces):
    text = " ".join(pieces)
    q = sl.extract_quotes(text)
    for row in q.itertuples():
        assert text[row.start : row.end] == row.text
        assert row.kind in {"direct", "partial", "indirect", "scare"}
        if row.kind == "scare":
            assert pd.isna(row.speaker)


def test_untagged_surname_after_a_quote_is_the_speaker_not_the_previous_one():
    # spaCy does not tag "Lind" here; the quote is still hers, not the general's quoted just before
    text = ("Port row\n\n“We will never surrender the port,” said General Tomas Ruiz.\n\n"
            "“The decision is unjust and harmful,” Lind told reporters.")
    quotes = sl.extract_quotes(text)
    assert quotes["speaker"].tolist() == ["Tomas Ruiz", "Lind"]


def test_gold_and_predicted_attributions_pair_as_many_as_can_pair():
    from s400lib.evaluate.quote_eval import pair_by_overlap

    # a quote (0-100) whose gold attribution starts before it (-40..30), and a report nested inside the quote
    # (70-100) with a gold attribution of its own (65-100): the quote overlaps the nested gold more than its
    # own, so pairing largest overlap first gave the quote to the nested gold and left the other with none
    gold = [[(-40, 30)], [(65, 100)]]
    pred = pd.DataFrame({"start": [0, 70], "end": [100, 100]})
    assert pair_by_overlap(gold, pred, min_cover=0.3) == {0: 0, 1: 1}
    # where one prediction can serve either gold, the larger overlap wins, and the tighter prediction at equal overlap
    assert pair_by_overlap([[(0, 50)], [(0, 20)]], pd.DataFrame({"start": [0], "end": [50]}), 0.3) == {0: 0}
    assert pair_by_overlap([[(10, 20)]], pd.DataFrame({"start": [0, 5], "end": [40, 25]}), 0.3) == {0: 1}
