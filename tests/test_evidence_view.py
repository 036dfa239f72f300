"""The evidence views: whole sentences cut by offsets, and exactly the row's words highlighted."""

from __future__ import annotations

import re

import pandas as pd

import s400lib as sl
from s400lib.io.corpus import Article, Corpus
from s400lib.viz.evidence_view import in_context, sentences_view

STORY = ("The port authority met on Monday. Its chair, Lena Vogt, was brief.\n\n"
         "“We will reopen the north quay in May,” Vogt said, adding that the cost had doubled. "
         "Dock workers doubt it.")


def test_context_is_whole_sentences_cut_from_the_article_and_marks_only_the_row_spans():
    tables = sl.parse(Corpus([Article("port", "<port>", STORY)]), progress=False)
    quote = tables.quotes[tables.quotes["kind"] == "direct"]
    assert len(quote) == 1
    framed = in_context(quote, tables)
    row = framed.iloc[0]
    # The whole sentence, from the opening mark to the full stop after "doubled", and no more.
    assert row["context"].startswith("“We will reopen") and row["context"].endswith("the cost had doubled.")
    assert STORY[row["context_start"]:row["context_start"] + len(row["context"])] == row["context"]
    # One sentence before, when asked for.
    wider = in_context(quote, tables, sentences_before=1).iloc[0]
    assert wider["context"].startswith("Its chair, Lena Vogt, was brief.")

    page = sentences_view(framed, tables, text_column="context", spans=["start", "speaker_start"]).data
    marked = re.findall(r"<mark>(.*?)</mark>", page)
    assert marked == ["We will reopen the north quay in May,", "Vogt"]


def test_a_row_outside_every_sentence_keeps_its_own_span():
    tables = sl.parse(Corpus([Article("port", "<port>", STORY)]), progress=False)
    gap = STORY.index("\n\n")
    between = pd.DataFrame({"article_id": ["port"], "start": [gap], "end": [gap + 2]})
    assert in_context(between, tables).iloc[0]["context"] == "\n\n"
