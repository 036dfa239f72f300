"""Every row that comes from text slices back to its text: on the seeds and on generated articles."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from s400lib.core.tables import TABLE_NAMES
from s400lib.io.corpus import Article
from s400lib.pipeline.parse import iter_parsed


def assert_offsets(tables):
    texts = tables.articles.set_index("article_id")["text"]
    checked = 0
    for name in TABLE_NAMES:
        frame = tables[name]
        if not {"start", "end", "text"} <= set(frame.columns) or name == "articles":
            continue
        for row in frame.itertuples():
            assert texts[row.article_id][row.start : row.end] == row.text, (name, row)
            checked += 1
    return checked


def test_every_seed_row_slices_back(seed_tables):
    assert assert_offsets(seed_tables) > 300
    assert len(seed_tables.sentences) > 70 and len(seed_tables.entities) > 100


def test_sentences_stay_inside_their_paragraphs(seed_tables):
    paras = seed_tables.paragraphs.set_index(["article_id", "para_id"])
    for row in seed_tables.sentences.itertuples():
        para = paras.loc[(row.article_id, row.para_id)]
        assert para["start"] <= row.start < row.end <= para["end"]
    # no "sentence" is a lone quotation mark cut off by the parser
    assert seed_tables.sentences["text"].str.contains(r"\w").all()


def test_entities_point_at_their_sentence(seed_tables):
    sents = seed_tables.sentences.set_index(["article_id", "sent_id"])
    for row in seed_tables.entities.itertuples():
        sent = sents.loc[(row.article_id, row.sent_id)]
        assert sent["start"] <= row.start < row.end <= sent["end"]


sentence = st.builds(
    lambda subj, verb, obj, mark: f"{subj} {verb} {obj}{mark}",
    st.sampled_from(["The minister", "Ana Ruiz", "“We", "He", "The council of Lyon", "NATO"]),
    st.sampled_from(["said", "will not sell", "bought", "told reporters on Tuesday that", "could agree"]),
    st.sampled_from(["the bridge", "four S-400 divisions", "$ 2.5 billion", "“behind closed doors”", "it (again) –"]),
    st.sampled_from([".", ",” he said.", "!", " ", "…", "”", "."]),
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
article_text = st.lists(paragraph, min_size=1, max_size=5).flatmap(
    lambda ps: st.sampled_from(["\n\n", "\n", "\n \n"]).map(lambda sep: sep.join(ps) + "\n")
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_generated_articles_slice_back_in_every_table(text):
    (rows,) = iter_parsed([Article("gen", "<generated>", text)], progress=False)
    tables = rows.to_tables()
    assert_offsets(tables)
    assert (tables.sentences["start"].diff().dropna() > 0).all()


def test_parsing_twice_gives_the_same_tables(seed_corpus, seed_tables):
    import s400lib as sl

    again = sl.parse(seed_corpus, progress=False)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(again[name], seed_tables[name], obj=name)
