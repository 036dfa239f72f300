"""Paragraph splitting and boilerplate flags: nothing dropped, story and boilerplate told apart."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import s400lib as sl
from s400lib.io.paragraphs import boilerplate_rule, paragraph_table, split_paragraphs


def test_seed_000_boilerplate_is_flagged_not_deleted(seed_tables):
    paras = seed_tables.paragraphs
    first = paras[paras["article_id"] == "000_8ca09a8607288180"]
    flagged = first[first["kind"] == "boilerplate"]
    assert flagged["boilerplate_rule"].value_counts().to_dict() == {
        "read_more": 6,
        "follow_us": 1,
        "subscribe": 1,
        "contribute": 1,
        "credits": 1,
    }
    assert flagged["text"].iloc[-1] == "Editorial team"
    assert all(t.startswith("Read more:") for t in flagged.loc[flagged["boilerplate_rule"] == "read_more", "text"])
    assert first["kind"].iloc[0] == "title"
    # quotes, headings and the story itself stay story text
    body = first.loc[first["kind"] == "body", "text"]
    assert any(t.startswith("“Negotiations are underway") for t in body)
    assert "Russian-Turkish S-400 deal background" in set(body)


def test_seed_001_has_no_boilerplate_and_splits_single_line_breaks(seed_tables):
    paras = seed_tables.paragraphs
    second = paras[paras["article_id"] == "001_7ea52e1d489151b0"]
    assert set(second["kind"]) == {"title", "body"}
    # the quote on the line right after Dzhabarov's paragraph is a paragraph of its own
    assert any(t.startswith("“They don’t have such weapons yet") for t in second["text"])
    assert len(second) == 17


def test_boilerplate_never_reaches_sentences(seed_tables):
    sents = seed_tables.sentences
    assert not sents["text"].str.contains("Read more:|Subscribe|Editorial team").any()
    kinds = seed_tables.paragraphs.set_index(["article_id", "para_id"])["kind"]
    assert set(kinds.loc[list(zip(sents["article_id"], sents["para_id"]))]) == {"title", "body"}


def test_rules_are_about_news_sites_in_general():
    assert boilerplate_rule("Read also: Ten bridges that changed the city") == "read_more"
    assert boilerplate_rule("Sign up for our morning briefing") == "subscribe"
    assert boilerplate_rule("Reporting by Ana Ruiz; editing by Tom Lee") == "credits"
    assert boilerplate_rule("He read more than forty reports: none was conclusive.") is None
    assert boilerplate_rule("Subscribers will pay more from May, the company said.") is None


def test_hard_wrapped_text_is_joined_back_into_paragraphs():
    line = "The council met on Monday and discussed the new bridge at length with"
    wrapped = "\n".join([line] * 5) + "\n\n" + "\n".join([line] * 5) + "\n"
    spans = split_paragraphs(wrapped)
    assert len(spans) == 2
    assert wrapped[spans[0][0] : spans[0][1]].count("\n") == 4


def test_title_without_metadata_is_a_short_first_line():
    text = "Bridge reopens after repairs\n\nThe bridge reopened on Monday."
    assert paragraph_table("a", text)["kind"].tolist() == ["title", "body"]
    assert paragraph_table("a", "The bridge reopened on Monday.\n\nTolls stay.")["kind"].tolist() == ["body", "body"]


words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30)
gaps = st.sampled_from(["\n", "\n\n", "\n \n", "\r\n".replace("\r", ""), "\n\n\n", "  \n\t\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(words, gaps), min_size=1, max_size=12), st.sampled_from(["", " ", "\n", "  \n\n"]))
def test_paragraph_offsets_slice_back_and_lose_nothing(pieces, lead):
    text = lead + "".join(w + g for w, g in pieces)
    table = paragraph_table("gen", text)
    covered = [False] * len(text)
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text
        assert row.text == row.text.strip() and row.text
        for i in range(row.start, row.end):
            covered[i] = True
    # every non-whitespace character belongs to some paragraph
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())
    assert table["para_id"].tolist() == list(range(len(table)))
    starts = table["start"].tolist()
    assert starts == sorted(starts)


def test_picture_credits_and_captions_are_boilerplate():
    # credit lines as agencies and photo desks write them, none from the development stories
    for line in ["(AP Photo/Jacquelyn Martin)", "REUTERS/Umit Bektas", "Photograph: Anadolu Agency",
                 "Maria Lopez / AFP / Getty Images", "Image copyright EPA", "Picture by Tom Evans",
                 "File photo: the base near Ankara"]:
        assert boilerplate_rule(line) == "photo_credit", line
    # story sentences that start with the same words are not credits
    for line in ["Photographs of the launch were published by the ministry on Monday.",
                 "Reuters reported that the deal was signed.",
                 "Picture this: a missile battery parked outside a NATO air base, he wrote."]:
        assert boilerplate_rule(line) is None, line


def test_page_furniture_is_boilerplate_and_never_a_speaker():
    import s400lib as sl
    from s400lib.io.corpus import Article, Corpus

    for line in ["Story continues below", "Continue reading the main story", "Scroll down for video",
                 "Click here to get the app", "Watch:", "Skip to content", "Most read"]:
        assert boilerplate_rule(line) == "page_furniture", line
    text = ("Ankara says the talks will go on.\n\nStory continues below\n\n"
            "“We will not be moved,” the minister said.\n\nAdvertisement\n\n(AP Photo/Burhan Ozbilici)")
    tables = sl.parse(Corpus([Article("furniture", "<furniture>", text)]), progress=False)
    kinds = dict(zip(tables.paragraphs["text"], tables.paragraphs["boilerplate_rule"]))
    assert kinds["Story continues below"] == "page_furniture"
    assert kinds["(AP Photo/Burhan Ozbilici)"] == "photo_credit"
    speakers = " ".join(tables.quotes["speaker"].dropna().astype(str))
    assert "Story" not in speakers and "Ozbilici" not in speakers


def test_a_name_the_parser_cuts_at_a_paragraph_start_stays_in_one_sentence(tmp_path):
    # own wording that made the small model cut "Helga | Strand said ..." after a headline
    (tmp_path / "b.txt").write_text("Strand resigns\n\nHelga Strand said on Friday she would step down on May 4.\n", encoding="utf-8")
    sentences = sl.parse(sl.load_corpus(tmp_path), progress=False).sentences
    assert "Helga Strand said on Friday she would step down on May 4." in set(sentences["text"])
