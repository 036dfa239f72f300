"""The PolNeAR scorer on a small folder in PolNeAR's layout, written here (the corpus is not committed)."""

import pytest

from s400lib.evaluate import polnear_eval

TEXT = ("The mayor of Dunmore, Alice Grewe, said the bridge would reopen in May. "
        "“We have found the money,” Grewe told reporters. Officials said the repairs were late, "
        "and other officials agreed.")


def _ann(text: str) -> str:
    def at(piece: str) -> tuple[int, int]:
        start = text.index(piece)
        return start, start + len(piece)

    rows, n = [], 0
    for source, cue, content in [("The mayor of Dunmore, Alice Grewe", "said", "the bridge would reopen in May"),
                                 ("Grewe", "told", "We have found the money,"),
                                 ("Officials", "said", "the repairs were late")]:
        ids = []
        for kind, piece in (("Source", source), ("Cue", cue), ("Content", content)):
            n += 1
            a, b = at(piece) if kind != "Cue" else at(" " + piece + " ")
            if kind == "Cue":
                a, b = a + 1, b - 1
            rows.append(f"T{n}\t{kind} {a} {b}\t{text[a:b]}")
            ids.append(f"{kind}:T{n}")
        rows.append(f"E{len(rows)}\tAttribution:T0 " + " ".join(ids))
    return "\n".join(rows) + "\n"


@pytest.fixture()
def corpus(tmp_path):
    for part in ("dev", "test"):
        (tmp_path / part / "text").mkdir(parents=True)
        (tmp_path / part / "attributions").mkdir(parents=True)
        (tmp_path / part / "text" / "paper_2016-05-01_bridge.txt").write_text(TEXT, encoding="utf-8")
        (tmp_path / part / "attributions" / "paper_2016-05-01_bridge_zz99.ann").write_text(_ann(TEXT), encoding="utf-8")
        # a second annotator's file is not read: the first in name order is the gold
        (tmp_path / part / "attributions" / "paper_2016-05-01_bridge_zzz0.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_brat_attributions_keep_their_offsets_and_split_content():
    ann = "T1\tSource 0 5\tNina \nT2\tCue 5 9\tsaid\nT3\tContent 11 16;20 25\tabcde fghij\nE1\tAttribution:T2 Content:T3 Source:T1 Cue:T2\n"
    text = "Nina said hello, and world."
    (row,) = polnear_eval.read_ann(text, ann)
    assert row["segments"] == [(11, 16), (20, 25)] and row["text"] == text[11:25]
    assert row["source"] == "Nina " and row["cue"] == "said"


def test_only_written_names_are_scored_sources():
    assert polnear_eval.source_name("he") == ""
    assert polnear_eval.source_name("officials at the port") == ""
    # a common noun capitalised because it opens the sentence is no name, unless the article never
    # writes it in small letters
    assert polnear_eval.source_name("Witnesses", opens_sentence=True, lower_words={"witnesses"}) == ""
    assert polnear_eval.source_name("Witnesses", opens_sentence=True, lower_words=set()) == "Witnesses"
    assert polnear_eval.source_name("Witnesses", opens_sentence=False, lower_words={"witnesses"}) == "Witnesses"
    assert polnear_eval.source_name("The Dunmore Gazette's") == "The Dunmore Gazette"
    # a description whose head is a common noun names no one; an apposition's name does
    assert polnear_eval.source_name("The Labour leadership candidate") == ""
    assert polnear_eval.source_name("the mayor's aide, councillor Ewa Nowak (Lab),") == "councillor Ewa Nowak"
    assert polnear_eval.source_name("Mr. Okafor, the harbour master,") == "Mr. Okafor"
    assert polnear_eval.named_source_right("Alice Grewe", "the mayor, Alice Grewe")
    assert polnear_eval.named_source_right("Dunmore Gazette", "The Dunmore Gazette")
    assert not polnear_eval.named_source_right("Dunmore", "the mayor, Alice Grewe")
    assert not polnear_eval.named_source_right(None, "Alice Grewe")
    # an apposition in the source, an acronym for the body
    assert polnear_eval.named_source_right("Tom Okafor", "Mr. Okafor, the harbour master of Dunmore")
    assert polnear_eval.named_source_right("Dunmore Harbour Board", "the DHB")
    assert not polnear_eval.named_source_right("Dunmore Harbour Board", "the DHS")
    assert polnear_eval.named_source_right("Alice Grewe's campaign", "the Grewe campaign")
    # a family name written first, a double surname, a generational suffix
    assert polnear_eval.named_source_right("Wang Lihua", "Ms. Wang")
    assert polnear_eval.named_source_right("Rosa Ortiz Vega", "Ms. Ortiz")
    assert polnear_eval.named_source_right("Tom B. Okafor Jr.", "Mr. Okafor")
    assert not polnear_eval.named_source_right("Rosa Ortiz Vega", "Ms. Vegas")
    assert not polnear_eval.named_source_right("Alice Grewe's campaign", "the Okafor campaign")


def test_scores_a_folder_in_polnear_layout(corpus):
    result, rows = polnear_eval.score_polnear(corpus, "heldout")
    assert result["articles"] == 1 and result["gold"] == 3
    # the two named attributions are found and given to the mayor; the officials are not a named source
    named = rows[rows["named"]]
    assert len(named) == 2 and named["found"].all() and named["speaker_right"].all()
    assert result["named_sources_right"] == 2 and result["direct_gold"] == 1


def test_a_wrong_folder_names_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="Fix: give PolNeAR's data/ folder"):
        polnear_eval.load_polnear(tmp_path, "dev")
