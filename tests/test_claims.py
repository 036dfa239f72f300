"""Claim units: clause splitting, source, modality, polarity and links to the other tables."""

from __future__ import annotations

import pandas as pd
import pytest

import s400lib as sl

from s400lib.extract.claims import attach_times, claim_table, predicate_class
from s400lib.extract.context import context_for_text
from s400lib.extract.entities import entity_table
from s400lib.extract.numbers import number_table


def _claims(text, outlet="Test Wire"):
    ctx = context_for_text(text, article_id="t", outlet=outlet)
    ents = entity_table(ctx)
    return claim_table(ctx, entities=ents, numbers=number_table(ctx))


def test_coordinated_main_clauses_are_two_claims():
    c = _claims("Washington imposed new sanctions on the company, and Ankara refused to make concessions.")
    assert len(c) == 2
    assert c["text"].iloc[0].startswith("Washington imposed") and c["text"].iloc[1].startswith("Ankara refused")


def test_shared_subject_stays_one_claim():
    c = _claims("The minister visited the plant and praised the workers.")
    assert len(c) == 1


def test_modality_and_polarity():
    c = _claims(
        "The company could export the turbines next year. "
        "If the court agrees, the plant will close. "
        "The mayor said that the bridge will open in May. "
        "The factory will not reopen. "
        "The river flooded the town."
    )
    assert c["modality"].tolist() == ["hedged", "conditional", "reported", "asserted", "asserted"]
    assert c["polarity"].tolist() == ["positive", "positive", "positive", "negative", "positive"]


def test_unlikely_counts_as_a_denial_in_frames():
    c = _claims("It is unlikely that Ankara will abandon these goals.")
    assert "abandon:-" in c["frames"].iloc[0]


def test_source_from_reporting_frame_pronoun_and_outlet():
    c = _claims("Senator Maria Olsen spoke in Oslo. She said that the tariffs hurt farmers. Prices rose in May.")
    assert c["source"].tolist()[1] == "Maria Olsen"
    assert c["source_rule"].tolist()[1] == "reported"
    assert c["source"].tolist()[2] == "Test Wire" and c["source_rule"].tolist()[2] == "outlet"


def test_unknown_outlet_is_named_after_the_article():
    c = _claims("Prices rose in May.", outlet=None)
    assert c["source"].iloc[0] == "the outlet of t"
    c = _claims("Prices rose in May.", outlet="unknown (a translation)")
    assert c["source"].iloc[0] == "the outlet of t"


def test_modal_frames_possible_and_impossible():
    c = _claims("The firm could resell the systems. The firm cannot resell the systems. Its re-export is impossible.")
    frames = c["frames"].tolist()
    assert frames[0].startswith("transfer:+:possible")
    assert frames[1].startswith("transfer:-:impossible")
    assert "transfer:-:impossible" in frames[2]
    assert predicate_class("re-export") == predicate_class("resell") == "transfer"


def test_links_to_numbers_and_entities():
    c = _claims("Ankara bought four S-400 divisions from Moscow.")
    assert c["numbers"].iloc[0] == "4 division"
    assert "Moscow" in c["entities"].iloc[0].split("|")


def test_attach_times_refills_from_timexes():
    claims = pd.DataFrame({"article_id": ["a", "a"], "claim_id": ["a:c0", "a:c1"], "start": [0, 50], "end": [40, 90],
                           "text": ["x", "y"], "entities": [pd.NA, pd.NA], "numbers": [pd.NA, pd.NA], "times": [pd.NA, pd.NA]})
    timexes = pd.DataFrame({"article_id": ["a", "a", "b"], "start": [5, 60, 5], "end": [15, 70, 15], "value": ["2019-10-23", "2020-06", "1999"]})
    out = attach_times(claims, timexes)
    assert out["times"].tolist() == ["2019-10-23", "2020-06"]
    assert attach_times(claims, None)["times"].isna().all()


def test_seed_claims_offsets_ids_and_speakers(seed_tables):
    c = seed_tables.claims
    assert c["claim_id"].is_unique and len(c) > 60
    for row in c.itertuples():
        assert seed_tables.text_of(row.article_id)[row.start : row.end] == row.text
    assert set(c["modality"]) <= {"asserted", "hedged", "reported", "conditional"}
    secrets = c[c["text"].str.contains("steal our secrets")].iloc[0]
    assert "Dzhabarov" in secrets["source"]
    filling = c[c["text"].str.contains("does not represent any secret")].iloc[0]
    assert "Morozov" in filling["source"] and filling["polarity"] == "negative"
    # the article asserts its own background in its outlet's name
    bought = c[c["text"].str.startswith("Ankara bought four")].iloc[0]
    assert bought["source"] == "BulgarianMilitary" and bought["modality"] == "asserted"


def test_seed_claims_link_final_canonical_names(seed_tables):
    c = seed_tables.claims
    slutsky = c[c["text"].str.startswith("Slutsky suggested")].iloc[0]
    assert "Leonid Slutsky" in slutsky["entities"].split("|")


def test_a_claim_takes_the_speaker_the_quote_extractor_found_for_the_same_mention(tmp_path):
    import s400lib as sl

    text = ("Port deal\n\nThe head of the port authority, Ivo Maric, spoke in Split. Ms Ana Kos, the prime minister, was there too.\n\n"
            "“The cranes arrive in May,” the Adriatic Wire quoted him as saying.\n\nMayor Lena Holm called the plan a disgrace.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    tables = sl.parse(sl.load_corpus(tmp_path), progress=False)
    claims = tables.claims.set_index("text")
    quote = tables.quotes[tables.quotes["text"].str.contains("cranes arrive")].iloc[0]
    tail = [t for t in claims.index if "quoted him as saying" in t][0]
    assert claims.loc[tail, "source"] == quote["speaker"] == "Ivo Maric"
    assert claims.loc["Mayor Lena Holm called the plan a disgrace.", "source"] == "Lena Holm"


def test_token_lists_match_spacy_tokens_on_a_seed_article():
    """The claim rules read token attributes from plain lists; every list must say what the Token says
    (a wrong head sign or a children list out of order would silently change polarity and frames)."""
    from pathlib import Path

    from s400lib.extract.claims import TokenLists

    seed = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[0]
    doc = context_for_text(seed.read_text(encoding="utf-8")).doc
    words = TokenLists(doc)
    assert len(doc) > 300
    assert words.pos == [t.pos_ for t in doc] and words.dep == [t.dep_ for t in doc]
    assert words.lower == [t.lower_ for t in doc] and words.lemma == [t.lemma_.lower() for t in doc]
    assert words.is_stop == [t.is_stop for t in doc] and words.is_alpha == [t.is_alpha for t in doc]
    assert words.idx == [t.idx for t in doc] and words.head == [t.head.i for t in doc]
    assert words.children == [[c.i for c in t.children] for t in doc]
    assert any(h < k for k, h in enumerate(words.head)) and any(h > k for k, h in enumerate(words.head))


def test_token_lists_of_an_empty_doc():
    from s400lib.extract.claims import TokenLists

    assert TokenLists(context_for_text("").doc).head == []


def test_patients_are_what_a_verb_without_object_happens_to(tmp_path):
    """Subjects of intransitive and passive verbs are patients; the subject of a transitive verb is
    its agent and is not."""
    import s400lib as sl

    (tmp_path / "mill.txt").write_text(
        "Mill falls\n\nThe gates and sluices were opened at dawn. The old mill and its chimney collapsed overnight. "
        "The harbour master opened the gates at noon.\n", encoding="utf-8")
    claims = sl.parse(sl.load_corpus(tmp_path), progress=False).claims
    patients = dict(zip(claims["text"], claims["patients"]))
    assert {p.split(":")[0] for p in patients["The gates and sluices were opened at dawn."].split("|")} == {"gate", "sluice"}
    assert {p.split(":")[0] for p in patients["The old mill and its chimney collapsed overnight."].split("|")} == {"mill", "chimney"}
    assert patients["The harbour master opened the gates at noon."] == ""


def test_a_deal_made_with_any_verb_is_the_act_agree_and_no_deal_yet_leaves_it_pending():
    c = _claims("Harbour Holdings said it had struck a deal with the port. "
                "The two sides have not yet produced an agreement, a port spokesman said. "
                "There is no accord yet, the mayor said.")
    assert c["status"].tolist() == ["settled", "pending", "pending"]
    assert all("agree" in str(v).split("|") for v in c["status_of"])
    assert "agree" in c["completed"].iloc[0].split("|")


def test_a_denied_or_conditional_act_is_not_told_as_done():
    c = _claims("The port authority denied that an accord had been signed. "
                "The strike will go ahead unless a truce is signed, the union said.")
    for done in c["completed"].fillna(""):
        assert "sign" not in done.split("|") and "agree" not in done.split("|"), c[["text", "completed"]]
    assert c["status"].isna().all(), c[["text", "status"]]


def test_a_body_or_thing_named_like_an_act_is_no_event():
    # "commission" deploys, "ship" delivers, "press" requests as verbs; as nouns they name things
    c = _claims("The electoral commission met the press on the ship. The navy will commission two frigates.")
    frames = "|".join(c["frames"].fillna(""))
    assert frames.count("deploy") == 1 and "deliver" not in frames and "request" not in frames, c[["text", "frames"]]


def test_a_month_is_no_owner_of_a_figure():
    c = _claims("Bus fares in Tromsvik rose 5 percent in July.")
    assert "in:July" not in c["owners"].iloc[0].split("|") and "in:Tromsvik" in c["owners"].iloc[0].split("|"), c[["text", "owners"]]


@pytest.mark.parametrize("sentence, owner, not_owners", [
    ("The Lagos-bound ferry Amina from Port Harcourt capsized near Bonny, drowning 61 passengers.", "subj:Amina", ("Lagos", "Port")),
    ("The Liberal Party, which Jonas Berg founded in Tromsvik, won 31 percent of the vote.", "subj:Liberal Party", ("Jonas", "Tromsvik")),
])
def test_names_that_qualify_a_subject_do_not_own_its_figures(sentence, owner, not_owners):
    owners = _claims(sentence)["owners"].iloc[0].split("|")
    assert owner in owners and not any(word in o for o in owners if o.startswith("subj:") for word in not_owners), owners


def test_a_ferry_s_route_is_no_other_owner_of_its_toll(tmp_path):
    first = "Ferry\n\nThe Lagos-bound ferry Amina from Port Harcourt sank off Bonny on 3 May 2021, drowning all 61 passengers on board."
    second = "Ferry\n\nThe Amina, a ferry owned by Delta Marine, sank off Bonny on 3 May 2021, drowning all 74 passengers on board."
    for name, text in (("a.txt", first), ("b.txt", second)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    co = sl.contradictions(sl.parse(sl.load_corpus(tmp_path), progress=False))
    assert co["kind"].eq("numeric").any(), co


def test_who_puts_a_figure_on_something_is_the_source_of_that_figure():
    """The subject of 'put ... at N' or 'estimated N' gives the figure, not the outlet; a clause that
    describes the subject is no part of its name; 'put' without a figure is no estimate."""
    text = ("Organisers of the vigil put the crowd at 8,500 on Friday.\n\n"
            "Fire crews, who arrived after midnight, estimated that 40 homes were lost.\n\n"
            "The storm put pressure on the harbour.")
    claims = claim_table(context_for_text(text))
    assert claims[["source", "source_rule"]].values.tolist()[:2] == [
        ["Organisers of the vigil", "estimate"], ["Fire crews", "estimate"]]
    assert claims["source_rule"].iloc[2] == "outlet"


def test_a_clause_joined_by_a_comma_alone_does_not_inherit_the_negation_before_it():
    """A comma splice the parser read as one clause, the second verb a conjunct without its subject
    (as it did on seed 000): the 'not' of the first is no part of it. With 'and' it is."""
    from spacy.tokens import Doc

    from s400lib.core.nlp import load_nlp
    from s400lib.extract.claims import TokenLists, _negated

    def negated_last_verb(words, heads, deps, pos):
        doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words])
        return _negated(TokenLists(doc), next(k for k in range(len(words)) if deps[k] == "conj"))[0]

    words = ["Ankara", "will", "not", "sell", "the", "jets", ",", "even", "a", "talk", "could", "hurt", "ties"]
    heads = [3, 3, 3, 3, 5, 3, 5, 9, 9, 5, 11, 3, 11]
    deps = ["nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct", "advmod", "det", "appos", "aux", "conj", "dobj"]
    pos = ["PROPN", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT", "ADV", "DET", "NOUN", "AUX", "VERB", "NOUN"]
    assert not negated_last_verb(words, heads, deps, pos)
    words = ["Ankara", "will", "not", "sell", "the", "jets", "and", "hurt", "ties"]
    heads = [3, 3, 3, 3, 5, 3, 3, 3, 7]
    deps = ["nsubj", "aux", "neg", "ROOT", "det", "dobj", "cc", "conj", "dobj"]
    pos = ["PROPN", "AUX", "PART", "VERB", "DET", "NOUN", "CCONJ", "VERB", "NOUN"]
    assert negated_last_verb(words, heads, deps, pos)
