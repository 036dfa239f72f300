"""Quote attribution on wording the rules were not written for (issue 11).

Each text here was written for this test, after the rule it exercises, in other words than the
development sets use; each checks who is credited, not only that something is found.
"""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

import s400lib as sl


def _quotes(text: str) -> pd.DataFrame:
    quotes = sl.extract_quotes(text)
    for row in quotes.itertuples():
        assert text[row.start : row.end] == row.text
    return quotes


def _report(quotes: pd.DataFrame, fragment: str) -> pd.Series:
    """The first row whose text holds ``fragment``."""
    rows = quotes[quotes["text"].str.contains(fragment, regex=False)]
    assert len(rows), f"no quote contains {fragment!r}: {quotes['text'].tolist()}"
    return rows.iloc[0]


def _speaker_of(quotes: pd.DataFrame, fragment: str):
    value = _report(quotes, fragment)["speaker"]
    return None if pd.isna(value) else value


@pytest.mark.parametrize("verb", ["laughs", "shrugs", "sighs", "smiles", "grins"])
def test_manner_verbs_split_a_quote_without_crashing(verb):
    text = f"Petra Novak has sold fish here for forty years.\n\n“The new pier is too short,” she {verb}, “but it is ours.”"
    quotes = _quotes(text)
    assert _speaker_of(quotes, "pier is too short") == "Petra Novak"
    assert _speaker_of(quotes, "but it is ours") == "Petra Novak"


def test_a_second_quote_after_told_outlet_on_a_weekday_keeps_the_speaker():
    text = ("The ferry line closed in March.\n\n“We lost a whole season,” Marta Ilic told the Coastal Times on Tuesday. "
            "“Nobody has offered us anything.”")
    assert _speaker_of(_quotes(text), "Nobody has offered") == "Marta Ilic"


def test_a_second_quote_after_said_name_and_apposition_keeps_the_speaker():
    text = ("“Rents will keep rising,” said Jonas Feld, a housing economist at Lund University. "
            "“Wages will not catch up.”")
    assert _speaker_of(_quotes(text), "Wages will not") == "Jonas Feld"


def test_a_new_subject_between_two_quotes_stops_the_carry_over():
    text = ("“The bridge is safe,” said Tomas Berg, the city engineer. Mayor Lena Holm said on Monday she disagreed. "
            "“We will close it.”")
    assert _speaker_of(_quotes(text), "We will close it") != "Tomas Berg"


def test_colon_after_a_clause_about_a_named_person_introduces_her_quote():
    text = "Dr Hana Sato, a paediatrician in Osaka, is blunt: “Children are waiting too long for beds.”"
    assert _speaker_of(_quotes(text), "Children are waiting") == "Hana Sato"


def test_colon_after_an_impersonal_clause_names_nobody():
    text = "The reason is simple: “Nobody wants to pay for repairs.”"
    assert _speaker_of(_quotes(text), "Nobody wants to pay") is None


def test_a_quote_alone_after_reported_speech_continues_that_speaker():
    text = ("Officials at the port were cautious.\n\nHarbour master Ole Dahl said the dredging would take a year.\n\n"
            "“There is no quicker way to do it safely.”")
    assert _speaker_of(_quotes(text), "no quicker way") == "Ole Dahl"


def test_as_name_told_outlet_frames_the_main_clause():
    text = "As Rosa Lind told the Evening Post, the clinic will stay open through the winter."
    quotes = _quotes(text)
    assert _speaker_of(quotes, "the clinic will stay open") == "Rosa Lind"


def test_an_inverted_aside_reports_the_sentence_around_it():
    text = "The new timetable, said Kofi Mensah, starts in September."
    assert _speaker_of(_quotes(text), "starts in September") == "Kofi Mensah"


def test_a_quote_broken_over_lines_without_reopening_stays_one_quote():
    text = 'After the vote, Ana Costa said, "We did not expect this.\nIt was a long night.\nNow we start again."\nThe count ended at dawn.'
    quotes = _quotes(text)
    direct = quotes[quotes["kind"] == "direct"]
    assert len(direct) == 1 and direct.iloc[0]["text"].endswith("Now we start again.")
    assert direct.iloc[0]["speaker"] == "Ana Costa"


def test_a_finding_is_attributed_to_the_study_authors():
    text = "The researchers found that salt intake had fallen by a fifth since 2010."
    quotes = _quotes(text)
    assert quotes["text"].str.contains("salt intake had fallen").any()


# A crash in one construction used to lose the whole corpus: every combination of quote layout,
# cue verb and mention must parse, with offsets that hold.
LAYOUTS = [
    "“{a},” {m} {v}, “{b}.”",
    "“{a},” {v} {m}. “{b}.”",
    "{m} {v}: “{a}.” “{b}.”",
    "{m} {v} that {a_low}.\n\n“{b}.”",
    "“{a}” — {m} {v}.\n\n“{b}",
    "“{a},” {m} {v} on Friday, adding: “{b}.”",
]
MENTIONS = ["she", "he", "they", "the minister", "Karin Olsen", "the ministry", "Olsen's office", "a spokesman", "it"]
VERBS = ["laughs", "shrugs", "said", "adds", "insists", "warns", "told reporters", "echoes"]


def test_generated_quote_cue_mention_combinations_parse_with_offsets_intact():
    texts = []
    for layout, mention, verb in itertools.product(LAYOUTS, MENTIONS, VERBS):
        body = layout.format(a="The plan is late", a_low="the plan is late", b="We are still hopeful", m=mention, v=verb)
        texts.append("Karin Olsen leads the port authority.\n\n" + body[:1].upper() + body[1:])
    assert len(texts) >= 200
    tables = sl.parse([_text_file(t, n) for n, t in enumerate(texts)], progress=False)
    assert tables.articles["article_id"].nunique() == len(texts)
    full = dict(zip(tables.articles["article_id"], tables.articles["text"]))
    for row in tables.quotes.itertuples():
        assert full[row.article_id][row.start : row.end] == row.text
    per_article = tables.quotes.groupby("article_id").size()
    assert per_article.reindex(list(full), fill_value=0).gt(0).mean() > 0.95


_TMP: list = []


def _text_file(text: str, n: int):
    import tempfile
    from pathlib import Path

    if not _TMP:
        _TMP.append(tempfile.TemporaryDirectory())
    path = Path(_TMP[0].name) / f"gen_{n:04d}.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_pronoun_agrees_with_what_the_text_says_of_the_person():
    text = ("Ms Ingrid Dahl ran the clinic until May. Her brother Per Dahl pleaded with her to stay, "
            "but she said the decision was final.")
    assert _speaker_of(_quotes(text), "the decision was final") == "Ingrid Dahl"


def test_a_pronoun_skips_a_person_the_text_calls_by_the_other_sex():
    text = ("Tom Reed farms near the river. Mrs Anna Kovac showed Tom Reed the flooded fields.\n\n"
            "He said the damage was worse than reported.")
    assert _speaker_of(_quotes(text), "the damage was worse") == "Tom Reed"


def test_an_object_pronoun_is_not_the_subject_of_its_own_verb():
    quotes = _quotes("Omar Said met the press in Oslo. “The deal is fair,” the Oslo Courier's Lena Holm quoted him as saying.")
    assert _speaker_of(quotes, "The deal is fair") == "Omar Said"


def test_a_title_alone_is_not_a_name():
    assert _speaker_of(_quotes("“The figures are wrong,” U.S. Ambassador said."), "figures are wrong") is None


def test_a_title_with_a_name_inside_the_phrase_gives_the_name():
    text = "According to Chief Executive of the Harbour Trust Nadia Farouk, the cranes will arrive in May."
    assert _speaker_of(_quotes(text), "the cranes will arrive") == "Nadia Farouk"


def test_an_office_speaks_for_its_holder_and_a_statement_for_its_issuer():
    quotes = _quotes("President Alma Ruiz met the envoy on Monday. Her office said the talks were useful.")
    assert _speaker_of(quotes, "talks were useful") == "Alma Ruiz's office"
    quotes = _quotes("The Transport Ministry closed the bridge. A statement from the ministry said it would reopen in June.")
    assert _speaker_of(quotes, "it would reopen") == "Transport Ministry"


def test_plural_role_nouns_are_a_group_not_the_last_person_named():
    text = "Professor Lee Park led the survey of Tasmania. The researchers say intake has fallen."
    assert _speaker_of(_quotes(text), "intake has fallen") == "researchers"


def test_according_to_a_job_title_and_a_name_gives_the_name():
    text = "Visitor numbers doubled last spring, according to archivist Paula Mendes."
    assert _speaker_of(_quotes(text), "Visitor numbers doubled") == "Paula Mendes"


def test_a_colon_after_a_reported_clause_keeps_the_speaker_of_the_main_clause():
    text = ("Union leader Rita Oduya told Radio North the offer “falls short”: “Nurses have waited three years "
            "for a raise and they will not wait another.”")
    assert _speaker_of(_quotes(text), "Nurses have waited") == "Rita Oduya"


def test_in_the_words_of_introduces_a_quote():
    text = "In the words of the harbour master, Jens Aalto, “the channel is silting up faster than we dredge it.”"
    assert _speaker_of(_quotes(text), "channel is silting") == "Jens Aalto"


def test_a_name_left_without_a_verb_by_the_parser_still_speaks():
    text = ("Defending the council in court, Ruth Ahlberg, KC, said that, as the permits were issued in 2015, "
            "the fines should be dropped.")
    assert _speaker_of(_quotes(text), "the fines should be dropped") == "Ruth Ahlberg"


def test_an_acronym_subject_is_not_a_relative_pronoun():
    quotes = _quotes("WHO say measles cases have tripled in Europe this year.")
    assert quotes["text"].str.contains("measles cases have tripled").any()


def test_what_follows_that_is_reported_even_when_the_parse_loses_the_clause():
    text = ("Moreno noted that the 1998 opening date of the museum, which is part of the city's Arts Trust, "
            "matched the centenary of the harbour.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "the 1998 opening date") == "Moreno"


def test_a_headline_is_not_reported_speech():
    quotes = _quotes("Farmers fear drought aid delay\n\nFarmers said the aid promised in May had not arrived.")
    assert not quotes["text"].str.contains("drought aid delay").any()
    assert quotes["text"].str.contains("the aid promised in May").any()


def test_a_name_the_model_calls_an_organisation_is_a_person_when_it_starts_with_a_first_name():
    # the pronoun in the second paragraph must go to the harbour master, named just before it
    text = ("Storm closes harbour\n\nThe mayor, Ingrid Solberg, said the harbour would stay shut. "
            "Karl-Heinz Brandt, speaking at the quay, said \"the wall will not hold another night\".\n\n"
            "He said: \"If the wall goes, the old town floods.\"")
    assert _speaker_of(_quotes(text), "old town floods") == "Karl-Heinz Brandt"


def test_an_office_that_speaks_is_the_office_not_the_person_it_belongs_to():
    text = ("Minister Olga Varga's office said in a statement that \"the visit is postponed\". "
            "Olga Varga did not comment.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "visit is postponed") == "Olga Varga's office"


@pytest.mark.parametrize("phrase,speaker", [
    ("Danish shipping group Maersk", "Maersk"),
    ("German carmaker Volkswagen", "Volkswagen"),
])
def test_a_nationality_or_place_before_a_described_company_is_not_the_speaker(phrase, speaker):
    text = f"{phrase} said on Monday it was \"deeply concerned\" by the closure of the strait."
    assert _speaker_of(_quotes(text), "deeply concerned") == speaker


def test_a_role_qualified_by_a_city_is_never_the_city():
    text = ("Floods in the valley\n\nThe Lyon police chief said it was unclear whether the roads "
            "would open before the weekend.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "roads would open") != "Lyon"


def test_a_participle_of_speech_takes_the_subject_of_its_clause():
    text = "The coach Maria Lind thanked the fans after the match, saying \"this win is yours\"."
    assert _speaker_of(_quotes(text), "this win is yours") == "Maria Lind"


def test_a_role_goes_to_the_person_the_text_gave_that_title_even_when_named_bare_since():
    text = ("Argentine President Javier Milei met Chilean President Gabriel Boric in Santiago on Monday.\n\n"
            "Later, Milei spoke to students. \"We must trade more,\" Boric told reporters at the palace. "
            "\"Our ports are ready,\" the president added.")
    assert _speaker_of(_quotes(text), "Our ports are ready") == "Gabriel Boric"


def test_a_body_that_says_it_and_the_company_that_speaks_are_the_body_named_before():
    text = ("The shipyard Nordvik Marine said on Friday it would hire 300 welders. "
            "\"We have orders for six years,\" the company said. \"The yard is full,\" it added.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "orders for six years") == "Nordvik Marine"
    assert _speaker_of(quotes, "The yard is full") == "Nordvik Marine"


def test_a_name_and_a_cue_after_an_exclamation_still_attribute_the_quote():
    text = ("Dockers voted to strike.\n\n\"Not one more hour without a contract!\" Ilse Vermeer shouted. "
            "\"We will stay out all week.\" Vermeer then left the hall.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "Not one more hour") == "Ilse Vermeer"


def test_a_quote_reopened_in_each_paragraph_is_one_row_per_paragraph_with_one_speaker():
    text = ("At the meeting, the harbour master Anna Berg said: “The harbour is our life. We have fished here for "
            "three hundred years.\n\"Nobody asked us about the pier.\n“But we will be heard,” she said.")
    quotes = _quotes(text)
    direct = quotes[quotes["kind"].isin(["direct", "partial"])]
    assert len(direct) == 3 and not direct["text"].str.contains("\n").any()
    assert set(direct["speaker"]) == {"Anna Berg"}


def test_a_surname_the_tagger_misreads_still_speaks_after_the_full_name():
    # the tagger reads "Plus" as a conjunction; as the last word of a person named just before, and
    # right before "said", it is that person
    text = ("Harbour closes\n\nLena Plus, the harbour master, said the quay would close on Monday. "
            "Plus said that the repairs would take a month.")
    assert _speaker_of(_quotes(text), "repairs would take a month") == "Lena Plus"


def test_a_name_inside_an_inserted_clause_before_said_is_the_speaker():
    text = "Ferry aground\n\nFire officer Maja Lund, also present at the quay, said that \"the hull is holding\" for now."
    assert _speaker_of(_quotes(text), "hull is holding") == "Maja Lund"


@pytest.mark.parametrize("text,fragment,speaker", [
    # the role first, the name in the next sentence
    ("Mayor Anna Berg opened the flood meeting on Monday.\n\n"
     "The port director said the channel would stay closed until Friday. "
     "Pieter Hals, standing on the pier, said the storm had moved two buoys.",
     "channel would stay closed", "Pieter Hals"),
    ("Governor Ruth Amari toured the camp on Sunday.\n\n"
     "The county fire chief said crews had contained most of the blaze. "
     "Marcus Webb, who leads the crews, said the wind had dropped overnight.",
     "contained most of the blaze", "Marcus Webb"),
    # a paragraph break between, and the name in apposition before "told"
    ("Governor Ruth Amari toured the camp on Sunday.\n\n"
     "Power will be back by Thursday in most villages, the head of the grid company said.\n\n"
     "Crews are working through the night, managing director Olu Bakare told reporters at the depot.",
     "Power will be back", "Olu Bakare"),
])
def test_a_role_named_in_the_next_sentence_is_that_person(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_a_role_matching_an_earlier_title_keeps_that_person():
    text = ("Fire chief Marcus Webb arrived at noon.\n\n"
            "The fire chief said crews had contained most of the blaze. "
            "Anna Berg, a neighbour, said the smoke had cleared.")
    assert _speaker_of(_quotes(text), "contained most of the blaze") == "Marcus Webb"


@pytest.mark.parametrize("text,fragment,speaker", [
    ('Port director Pieter Hals, speaking after the storm, said the channel was closed and added "two buoys had moved overnight."',
     "two buoys", "Pieter Hals"),
    ('Chief engineer Ines Moreau said the pumps were running but warned "the lower deck is still taking water."',
     "lower deck", "Ines Moreau"),
])
def test_a_second_cue_hung_on_the_reported_clause_keeps_the_speaker(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


@pytest.mark.parametrize("text,fragment,speaker", [
    ('Mayor Anna Berg expressed relief that "nobody was hurt when the old roof finally gave way" in a blaze that destroyed the mill.',
     "nobody was hurt", "Anna Berg"),
    ('Captain Ines Moreau voiced confidence that "the ship will sail by Friday" despite the repairs.', "ship will sail", "Ines Moreau"),
])
def test_quoted_words_inside_a_voiced_feeling_are_the_speakers(text, fragment, speaker):
    quotes = _quotes(text)
    partial = quotes[(quotes["kind"] == "partial") & quotes["text"].str.contains(fragment, regex=False)]
    assert len(partial) == 1 and partial["speaker"].iloc[0] == speaker


@pytest.mark.parametrize("text,speaker", [
    ("“The count was fixed,” union leader Petra Holm bellowed on Monday.", "Petra Holm"),
    ("“We are not leaving,” grumbled Petra Holm.", "Petra Holm"),
    ("“Nobody told us,” Petra Holm fumed after the meeting.", "Petra Holm"),
    ("“The vote was rigged,” opposition leader Rosa Diaz charged.", "Rosa Diaz"),
])
def test_a_comma_ended_quote_is_attributed_by_any_verb_after_it(text, speaker):
    quotes = _quotes(text)
    assert quotes.iloc[0]["kind"] == "direct"
    assert _speaker_of(quotes, quotes.iloc[0]["text"]) == speaker


def test_a_comma_ended_quote_before_a_verb_with_its_own_object_is_not_speech():
    quotes = _quotes("“Hello,” Diaz opened the door.")
    assert quotes.iloc[0]["kind"] == "scare"


@pytest.mark.parametrize("noun", ["24-year-old midfielder", "novelist", "chairwoman", "veteran defender"])
def test_a_person_noun_no_list_knows_points_to_the_person_just_named(noun):
    text = f"Ines Varga won the award on Friday. “I did not expect it,” the {noun} said."
    assert _speaker_of(_quotes(text), "did not expect") == "Ines Varga"


def test_a_thing_noun_as_subject_is_not_a_person():
    text = "Ines Varga won the award on Friday. “Prices will rise,” the paper said."
    assert _speaker_of(_quotes(text), "Prices will rise") != "Ines Varga"


def test_a_name_inside_the_next_quote_is_not_the_role_introduced():
    text = "The harbour master said the port would close on Friday. “Lena Ruud will take over the berths,” he added."
    quotes = _quotes(text)
    assert _speaker_of(quotes, "the port would close") == "harbour master"  # described, nobody named fits
    assert _speaker_of(quotes, "Lena Ruud will take over") != "Lena Ruud"


def test_a_quote_alone_after_a_sentence_about_a_named_person_is_that_persons():
    text = ("“The budget is fair,” Mayor Ana Ruiz said on Monday.\n\nNot everyone agreed.\n\n"
            "Councillor Jonas Berg released a statement after the vote.\n\n"
            "“This budget abandons the harbour district and the families who live there.”")
    assert _speaker_of(_quotes(text), "abandons the harbour") == "Jonas Berg"


def test_a_person_named_as_object_before_a_lone_quote_does_not_take_it():
    text = ("“The budget is fair,” Mayor Ana Ruiz said on Monday.\n\nThe council thanked Jonas Berg for his work.\n\n"
            "“This budget protects the harbour district and the families who live there.”")
    assert _speaker_of(_quotes(text), "protects the harbour") != "Jonas Berg"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("“We are devastated,” the family of Mia Holt said in a statement.", "devastated", "Mia Holt's family"),
    ("Mia Holt died on Monday. Her family said she had loved the sea.", "loved the sea", "Mia Holt's family"),
])
def test_a_family_speaks_as_itself_not_as_the_person_it_is_named_after(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_the_name_of_a_work_in_marks_is_nobodys_words():
    """Titles of exhibitions, reports and websites are written in marks too; they are not quotes,
    and nobody (least of all a date) is their speaker. Spoken words in Title Case still count."""
    shows = sl.extract_quotes('The museum opened "Rivers of Light: Glass from the Northern Coast" on Saturday, '
                              'a show of 80 pieces.')
    assert shows["kind"].tolist() == ["scare"] and shows["speaker"].isna().all()
    report = sl.extract_quotes('She wrote a report titled "Water Rights in a Warming Valley" last spring.')
    assert report.loc[0, "speaker_rule"] == "title" and pd.isna(report.loc[0, "speaker"])
    spoken = sl.extract_quotes('"Nobody Expected This," said Ruth Olsen, smiling.\n\n'
                               '"This is a good day for the town," Mayor Ruth Olsen said.')
    assert spoken["kind"].tolist() == ["direct", "direct"]
    assert spoken["speaker"].tolist() == ["Ruth Olsen", "Ruth Olsen"]


def test_a_pronoun_speaker_is_not_the_person_the_quote_names():
    text = ("Otto Brandt hired Karl Weber in 1990, and the two shared a studio for a decade.\n\n"
            "“Brandt never finished a canvas before midnight,” he said.")
    assert _speaker_of(_quotes(text), "never finished a canvas") == "Karl Weber"


def test_a_first_name_decides_between_two_people_when_the_text_says_nothing_else():
    text = ("Tomas Varga met Ingrid Holm at the harbour market in 2012.\n\n"
            "“We bake through the night,” she said.")
    assert _speaker_of(_quotes(text), "bake through the night") == "Ingrid Holm"
    text = ("Ingrid Holm hired Tomas Varga for the night shift last spring.\n\n"
            "“The ovens came from Bergen,” he said.")
    assert _speaker_of(_quotes(text), "ovens came from Bergen") == "Tomas Varga"
    # what the text says of a person outweighs the guess from a first name
    text = ("Mrs Robin Kask met Tomas Varga at the harbour market in 2012.\n\n"
            "“We bake through the night,” she said.")
    assert _speaker_of(_quotes(text), "bake through the night") == "Robin Kask"


def test_an_object_pronoun_can_mean_the_owner_named_in_its_subject():
    # "him" is not the daughter, but he may well be Marek Dvorak, whose daughter she is
    text = ("Pavel Novak runs the ferry office in Split. Marek Dvorak's daughter begged him to stay ashore that winter, "
            "but he replied “The sea owes me nothing.”")
    assert _speaker_of(_quotes(text), "sea owes me nothing") == "Marek Dvorak"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The mayor, Lena Sorensen, called the new tax “a gift to landlords” on Tuesday.", "gift to landlords", "Lena Sorensen"),
    ("Opposition leader Pavel Hruby described the vote as “rigged from the start”.", "rigged from the start", "Pavel Hruby"),
    ("Ruth Adler praised the nurses for their “quiet courage”.", "quiet courage", "Ruth Adler"),
])
def test_naming_and_judging_verbs_give_the_quoted_words_to_their_subject(text, fragment, speaker):
    quotes = _quotes(text)
    row = quotes[quotes["text"].str.contains(fragment, regex=False)].iloc[0]
    assert (row["kind"], row["speaker"]) == ("partial", speaker)


def test_a_name_given_by_no_one_stays_a_scare_quote():
    # "called" as a participle naming a thing, and "call" as a noun, credit nobody
    for text in ["She volunteers for a group called “Stay in School” in Leeds.",
                 "Mira Kovac said the evening call was “routine” and short."]:
        quotes = _quotes(text)
        named = quotes[quotes["text"].isin(["Stay in School"])]
        assert named.empty or named["speaker"].isna().all()
    quotes = _quotes("Mira Kovac said the evening call was “routine” and short.")
    assert quotes.loc[quotes["text"] == "routine", "kind"].tolist() == ["scare"]



def _entity_labels(text: str, name: str) -> list[str]:
    from s400lib.extract.entities import entity_table
    from s400lib.pipeline.single_text import context_for_text

    entities = entity_table(context_for_text(text))
    return entities.loc[entities["text"] == name, "label"].tolist()


@pytest.mark.parametrize("name, text", [
    ("Julia York", "Julia York, the mayor of the town, walked the flooded streets on Monday. "
                   "“Nobody here has seen water this high,” she said."),
    ("Julia Green", "Julia Green told reporters the pier would close for a month. “The cranes are older than I am,” she said."),
])
def test_a_personal_name_read_as_a_place_or_body_is_a_person_when_described_as_one(name, text):
    # the model labels these names GPE and ORG, so the pronoun found no person to refer to
    assert _entity_labels(text, name) == ["PERSON"]
    words = text.split("“")[1][:15]
    assert _speaker_of(_quotes(text), words) == name


def test_a_place_named_like_a_person_stays_a_place_without_a_person_noun():
    assert _entity_labels("Jackson Heights, a neighbourhood of Queens, flooded overnight.", "Jackson Heights") == ["GPE"]
    # the mayor is the village's, not in apposition to its name
    assert _entity_labels("The mayor of Helen Park, a village, resigned.", "Helen Park") == ["GPE"]


@pytest.mark.parametrize("text, speaker", [
    ("“Grain stocks will last until March,” according to economist Odile Ferrand.", "Odile Ferrand"),
    ("Harvests fell again. “Prices cannot stay this low,” according to Tomas Varga, who farms near Szeged.", "Tomas Varga"),
])
def test_according_to_after_a_quote_names_its_source(text, speaker):
    quotes = _quotes(text)
    words = text.split("“")[1][:12]
    assert _speaker_of(quotes, words) == speaker
    assert quotes.loc[quotes["text"].str.startswith(words), "cue"].tolist() == ["according to"]


def test_its_statement_speaks_for_the_body_named_before():
    text = "Nordvik Shipping blamed the storm for the delay. “No cargo was lost,” according to its statement."
    assert _speaker_of(_quotes(text), "No cargo was lost") == "Nordvik Shipping"


def test_a_clerical_title_is_not_part_of_the_speakers_name():
    text = "“The chapel will open again at Easter,” said Reverend Alice Okonjo, who leads the parish."
    assert _speaker_of(_quotes(text), "chapel will open") == "Alice Okonjo"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Governor Lena Park closed the dam road. She went on Radio West to say that “the spillway is holding.”",
     "spillway is holding", "Lena Park"),
    ("Senator Omar Bashir read the report twice. The senator posted a video to say he “will not vote for it.”",
     "will not vote for it", "Omar Bashir"),
])
def test_an_infinitive_of_purpose_and_a_pronoun_before_the_quote_keep_the_speaker(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_a_coach_is_named_without_the_title():
    text = "“We defended badly,” said Coach Marta Ruiz after the final."
    assert _speaker_of(_quotes(text), "defended badly") == "Marta Ruiz"


def test_a_belief_told_inside_a_quote_is_the_quote_speakers_own_report():
    text = ('The harbour master, Ingrid Solberg, spoke after the storm. "I suspect the insurers will fight every claim, '
            'and we have warned the council that the sea wall cannot take another winter," Solberg said.')
    q = sl.extract_quotes(text)
    outer = q[q["kind"] == "direct"].iloc[0]
    nested = q[q["nested_in"].notna()]
    assert set(nested["nested_in"]) == {outer["quote_id"]}
    assert set(nested["speaker"]) == {"Ingrid Solberg"}
    assert any(t.startswith("the insurers will fight") for t in nested["text"])
    assert any(t.startswith("the sea wall cannot take") for t in nested["text"])
    for row in q.itertuples():
        assert text[row.start : row.end] == row.text


def test_a_third_party_report_inside_a_quote_names_the_third_party():
    text = ('Auditor Paul Renner told the inquiry: "Director Lucia Ferrante assured the board that the accounts were '
            'balanced, and nobody checked."')
    q = sl.extract_quotes(text)
    nested = q[q["nested_in"].notna()]
    assert list(nested["speaker"]) == ["Lucia Ferrante"]
    assert nested["text"].iloc[0].startswith("the accounts were balanced")
    assert q.loc[q["kind"] == "direct", "speaker"].iloc[0] == "Paul Renner"


def test_a_pronoun_inside_a_quote_is_not_given_a_nested_report():
    text = '"She told me the shop would close in May, but it never did," the tenant, Omar Haddad, said.'
    q = sl.extract_quotes(text)
    assert q["nested_in"].isna().all()


def test_a_title_and_the_name_after_it_the_name_speaks():
    # the parser gives "said" two subjects, the title and the name in apposition after it
    text = ("Prices rose again.\nCommenting on the figures in a statement, Norway's Finance Minister, Kari Holm said, "
            "\"We expect inflation to ease by the summer\".\nMarkets fell.")
    q = sl.extract_quotes(text)
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Kari Holm"]


def test_a_passive_speech_verb_inside_a_partial_quote_is_not_the_cue():
    # "thought out" inside the partial quote names no speaker; the frame is "told"
    text = ('Later, the director of the Harbour Trust Mei Lin Zhou told the Courier any plan "must be carefully '
            'thought out": "Cutting the queue is welcome, but not by adding forms nobody can read."')
    q = sl.extract_quotes(text)
    assert set(q.loc[q["kind"].isin(["direct", "partial"]), "speaker"]) == {"Mei Lin Zhou"}


@pytest.mark.parametrize("text, fragment, expected", [
    # a generic body noun is never a body whose name says it is another kind
    ("Northwind Airways cancelled 40 flights on Monday. The government said it would review the licences of all carriers.",
     "review the licences", "Government"),
    ("Kessler Holdings bought the port last year. The ministry said the sale had broken no rules.",
     "broken no rules", None),
    # words before the noun name the body: an earlier body with them, else the phrase itself
    ("The state energy regulator said gas prices would fall by a tenth in spring.", "gas prices", "State energy regulator"),
    ("The Transport Ministry opened an inquiry. The transport ministry said the inquiry would take a year.",
     "take a year", "Transport Ministry"),
])
def test_a_body_noun_names_its_own_kind_of_body(text, fragment, expected):
    assert _speaker_of(_quotes(text), fragment) == expected


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The auditor, Karl Berg, told the panel the minister had lied.", "the minister had lied", "Karl Berg"),
    ("The nurse, Ada Quist, told the tribunal the doctor had left early.", "the doctor had left early", "Ada Quist"),
    ("Lawyer Mia Dorn told the judge the police had lied.", "the police had lied", "Mia Dorn"),
])
def test_a_clause_told_to_a_hearer_is_a_report_even_when_parsed_as_a_relative_clause(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_a_quotation_before_an_apposed_speaker_gives_one_row_not_a_second_report():
    # the parser makes "lawyer" the object of "appeal"; the clause it builds runs out of the quotation
    quotes = _quotes('"We will appeal," the club\'s lawyer, Rachel Stein, told reporters outside the court.')
    assert len(quotes) == 1 and quotes.iloc[0]["speaker"] == "Rachel Stein"


@pytest.mark.parametrize("cue", ["said in a statement", "wrote on his blog"])
def test_an_age_used_as_a_noun_is_the_person_just_described(cue):
    text = f'The actor, Tim Bright, left the set early. "I need a long break," the 58-year-old {cue}.'
    assert _speaker_of(_quotes(text), "long break") == "Tim Bright"


@pytest.mark.parametrize("text, fragment", [
    ("Lindqvist Freight lost a lorry near Umea on Tuesday. The police said the driver was unhurt.", "the driver was unhurt"),
    ("Kessbury Council closed the bridge. The government said repairs would be paid from a national fund.", "repairs would be paid"),
])
def test_a_one_of_a_kind_body_is_never_an_earlier_body_of_another_kind(text, fragment):
    speaker = _speaker_of(_quotes(text), fragment)
    assert speaker is not None and speaker.split()[0] not in ("Lindqvist", "Kessbury")


@pytest.mark.parametrize("text, fragment, speaker", [
    ('Lena Vogt stood by the grave for an hour. "He was a kind man," his widow told reporters.', "kind man", "Lena Vogt"),
    ('Tomas Lind and the mayor spoke first. "She never gave up," her husband said of the missing climber.',
     "never gave up", "Tomas Lind"),
    ("Sultan Qaboos bin Said visited the flooded port. The sultan said the damage would be repaired within a year.",
     "the damage would be repaired", "Qaboos bin Said"),
])
def test_a_relation_or_a_royal_title_is_the_person_just_named(text, fragment, speaker):
    assert speaker in (_speaker_of(_quotes(text), fragment) or "")


@pytest.mark.parametrize("text, fragment, speaker", [
    ('The goalkeeper, Sami Virta, shrugged. "We lost to a better side."', "better side", "Sami Virta"),
    ('Nadia Fares folded her arms. "Not one more cent."', "Not one more cent", "Nadia Fares"),
])
def test_a_quote_that_is_a_sentence_of_its_own_is_the_person_just_introduced(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_of_two_people_in_one_sentence_a_pronoun_means_the_one_the_text_gives_its_sex():
    text = "Maria Costa met Governor Haller on Friday. Haller told her the clinic would close. She said she would appeal."
    assert _speaker_of(_quotes(text), "she would appeal") == "Maria Costa"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("According to the regional health directorate, 40 patients were treated.", "40 patients", "Regional health directorate"),
    ("The state aviation watchdog said the airline had broken no rules.", "broken no rules", "State aviation watchdog"),
])
def test_a_body_named_by_its_kind_and_field_speaks_as_that_body(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_one_quoted_as_saying_is_the_speaker():
    assert _speaker_of(_quotes("Ines Duarte was quoted as saying the contract had been forged."), "forged") == "Ines Duarte"


@pytest.mark.parametrize("text, fragment, speaker", [
    # someone's role is never the someone: "her attorney" is not Karlsson
    ("Maja Karlsson was charged on Friday. Her attorney said she would fight the charges.", "fight the charges",
     "Maja Karlsson's attorney"),
    # a role nobody in the text is named for describes the speaker
    ("The ambassador said the embassy would stay open through the weekend.", "stay open", "ambassador"),
])
def test_a_role_nobody_named_fits_describes_the_speaker(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_a_statement_signed_on_the_next_line_is_the_signers():
    text = ("Pier to be rebuilt\n\nThe storm destroyed the old pier in March.\n\n"
            "We owe this town a pier it can be proud of, and I intend to see it built.\n\n"
            "The work will be hard, but it will be done by next summer.\n\n"
            "Marta Lind, Mayor of Sundby\n\nThe council meets on Monday.")
    quotes = _quotes(text)
    signed = quotes[quotes["speaker_rule"] == "signed"]
    assert set(signed["speaker"]) == {"Marta Lind"} and len(signed) == 2
    assert not signed["text"].str.contains("storm destroyed").any()  # narration above the statement is not signed


def test_a_caption_with_a_verb_signs_nothing():
    text = "Fire\n\nCrews fought the blaze for six hours on Sunday.\n\nJan Berg, fire chief, speaks to reporters in Oslo\n\nThe cause is unknown."
    assert _quotes(text).empty


def test_an_it_passive_with_an_agent_is_the_agents_report():
    # "it is asserted by X that ...": the "it" only holds the place of the clause
    text = ("The plant has run since 1971. It was confirmed by Halvard Energy on Tuesday that the plant would close "
            "in the spring.")
    q = _quotes(text)
    assert _speaker_of(q, "the plant would close") == "Halvard Energy"


def test_a_third_party_lie_inside_a_quote_is_a_nested_report_of_the_liar():
    text = ('The inquiry heard from the bookkeeper. "Dorn lied to the auditors that the accounts were balanced, and '
            'then he left for Spain," Mira Okafor wrote in her statement.')
    q = _quotes(text)
    nested = q[q["nested_in"].notna()]
    assert nested["text"].tolist() == ["the accounts were balanced"]
    assert nested["speaker"].tolist() == ["Dorn"]
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Mira Okafor"]


def test_a_clause_the_parser_hangs_before_persuaded_is_not_what_was_persuaded():
    text = ('"I doubt the mill will reopen this year, we have written letters and held meetings, so we have persuaded '
            'the Northfield County Board that the weir must be rebuilt," Tomas Reyes said.')
    q = _quotes(text)
    persuaded = q[(q["nested_in"].notna()) & q["text"].str.contains("weir", regex=False)]
    assert persuaded["text"].tolist() == ["the weir must be rebuilt"]
    assert persuaded["speaker"].tolist() == ["Tomas Reyes"]


def test_a_role_introduced_without_a_name_is_not_the_person_the_story_is_about():
    text = ("An inspector said on Monday that the death of Petra Halvorsen at the Varn dam was no accident. "
            "Halvorsen had worked at the dam for twenty years. The sluice had been left open, the inspector said.")
    q = _quotes(text)
    assert _speaker_of(q, "sluice had been left open") == "inspector"


def test_a_role_introduced_with_a_name_keeps_the_name():
    text = ("An inspector, Tomas Reyes, said on Monday that the Varn dam was safe. Petra Halvorsen runs the dam. "
            "The sluice will be repaired, the inspector said.")
    q = _quotes(text)
    assert _speaker_of(q, "sluice will be repaired") == "Tomas Reyes"


@pytest.mark.parametrize("text, fragment, expected", [
    # a possessive owner's role: the person named with that title lately, else the role as written
    ("Chief executive Ines Moreau took over Harbour Freight in May. \"We are shocked,\" Harbour Freight's chief executive "
     "told reporters in Lyon.", "We are shocked", "Ines Moreau"),
    ("\"We are shocked,\" Harbour Freight's chief executive told reporters in Lyon.", "We are shocked", "Harbour Freight's chief executive"),
    ("The Varn Lines' spokesman said the ferry had been inspected in March.", "ferry had been inspected", "Varn Lines' spokesman"),
    # an organisation noun with the body's name in apposition
    ("The carrier's parent company Nordavia said the pilot had passed every check.", "pilot had passed", "Nordavia"),
])
def test_possessive_roles_and_named_parent_bodies(text, fragment, expected):
    assert _speaker_of(_quotes(text), fragment) == expected


def test_a_qualified_medium_without_an_article_names_itself():
    q = _quotes("Varnan state radio reported that the border crossing had been closed overnight.")
    assert _speaker_of(q, "border crossing had been closed") == "Varnan state radio"


def test_a_possessive_pronoun_owner_agrees_with_the_person_it_means():
    q = _quotes("Maria Lopez met Tomas Ortega in Lyon on Friday. Her office said the talks had gone well.")
    assert _speaker_of(q, "the talks had gone well") == "Maria Lopez's office"
    q = _quotes("Tomas Ortega lost the vote on Sunday. Her government said the count was fair.")
    assert _speaker_of(q, "the count was fair") != "Tomas Ortega's government"


@pytest.mark.parametrize("text, fragment, expected", [
    # a named owner says whose the speaker is, never who speaks
    ("Ines Moreau's lawyer said the contract had been signed under pressure.", "contract had been signed", "Ines Moreau's lawyer"),
    ("Ines Moreau's campaign said the count would be challenged.", "count would be challenged", "Ines Moreau's campaign"),
    ("Karl Moen lost the vote on Sunday. He will not concede, his team said.", "He will not concede", "Karl Moen's team"),
])
def test_an_owned_role_or_group_speaks_for_its_owner(text, fragment, expected):
    assert _speaker_of(_quotes(text), fragment) == expected


@pytest.mark.parametrize("text, fragment, expected", [
    # a study or report speaks for whoever issued it, and frames a sentence from the side
    ("Coastal erosion has tripled since 2005, a survey by the Nordic Coast Trust found.", "Coastal erosion has tripled", "Nordic Coast Trust"),
    ("The review, released by the Varn Water Board on Friday, said two pumps had failed.", "two pumps had failed", "Varn Water Board"),
])
def test_a_document_speaks_for_the_body_that_issued_it(text, fragment, expected):
    assert _speaker_of(_quotes(text), fragment) == expected


def test_what_a_document_is_about_is_not_who_issued_it():
    q = _quotes("The Harbour Gazette's own analysis of its reader surveys concluded that print sales had halved.")
    assert _speaker_of(q, "print sales had halved") == "Harbour Gazette"


@pytest.mark.parametrize("text, fragment, expected", [
    # a reporting verb in a relative clause speaks for the one the clause is about
    ("The plan drew support from Ilse Marten, who said the old quay could not be saved.", "the old quay could not be saved", "Ilse Marten"),
    ("Ilse Marten, who told the board that the quay was sinking, resigned in May.", "the quay was sinking", "Ilse Marten"),
    # a person noun that opens the sentence is no part of the name after it
    ("Eyewitness Joran Veld said the crane toppled slowly.", "the crane toppled slowly", "Joran Veld"),
    ("Paramedic Sanne de Wit told reporters that four people were hurt.", "four people were hurt", "Sanne de Wit"),
])
def test_relative_clauses_and_person_nouns_before_names(text, fragment, expected):
    assert _speaker_of(_quotes(text), fragment) == expected


@pytest.mark.parametrize("text, fragment, expected", [
    # a first name the lexicon knows opens a name the model left untagged as an object
    ("Teo Lind met Ines Roca on Monday. She said the pier would be rebuilt.", "the pier would be rebuilt", "Ines Roca"),
    # the owner of a noun of saying speaks the quote a colon announces
    ("Salo's reply was curt: \"The fees will rise.\"", "The fees will rise", "Salo"),
    ("Bo Lindgren stood up. His warning was blunt: \"Boats will leave.\"", "Boats will leave", "Bo Lindgren"),
])
def test_names_as_objects_and_owners_of_a_reply(text, fragment, expected):
    assert _speaker_of(_quotes(text), fragment) == expected


@pytest.mark.parametrize("text, fragment, expected", [
    # "the governor" is no deputy or former governor the text named since
    ("Governor Ana Ruiz met the press on Monday. She blamed former governor Tomas Berg for the debt. "
     "The governor wrote on Facebook that she \"will not raise taxes\".", "will not raise taxes", "Ana Ruiz"),
    ("Governor Ana Ruiz flew to Varn. Vice governor Tomas Berg stayed home, and reporters asked about Berg's plans. "
     "The governor said the budget was final.", "the budget was final", "Ana Ruiz"),
])
def test_a_bare_role_is_never_a_vice_or_former_holder(text, fragment, expected):
    assert _speaker_of(_quotes(text), fragment) == expected


def test_a_street_the_model_called_a_body_never_speaks_for_the_council():
    q = _quotes("Fire crews were called to the Marsh Lane flats before dawn. The flats on Marsh Lane will be "
                "demolished next year, the council said.")
    assert _speaker_of(q, "will be demolished") != "Marsh Lane"


def test_an_age_after_a_newcomer_named_as_an_object_is_that_newcomer():
    quotes = _quotes("Keeper moves to Celtic\n\nCeltic have completed the signing of the Danish goalkeeper Sofie Lund. "
                     "The 29-year-old said she had wanted the move for years.")
    assert _speaker_of(quotes, "wanted the move") == "Sofie Lund", quotes[["text", "speaker"]]


def test_a_headline_name_is_one_entity_and_a_club_that_have_acted_is_no_person():
    from s400lib.io.corpus import Article, Corpus

    text = ("Keeper moves to Celtic\n\nCeltic have completed the signing of the Danish goalkeeper Sofie Lund. "
            "Celtic is a club that trusts youth, she said.")
    e = sl.parse(Corpus([Article("a", "<a>", text)]), progress=False).entities
    assert not e["text"].str.contains("\n").any(), e[["text", "label"]]
    assert "PERSON" not in set(e.loc[e["text"] == "Celtic", "label"]), e[["text", "label"]]
    assert set(e.loc[e["text"] == "Sofie Lund", "label"]) == {"PERSON"}


def test_a_surname_that_is_also_a_club_stays_the_persons_where_the_article_names_him_in_full():
    quotes = _quotes("Derby joy for Everton\n\nDefender Jamie Everton scored twice for Everton on Sunday. "
                     "Everton said the win belonged to the fans.")
    assert _speaker_of(quotes, "belonged to the fans") == "Jamie Everton", quotes[["text", "speaker"]]


def test_according_to_a_named_source_right_before_the_quote_is_its_speaker():
    quotes = _quotes("Mill closes\n\nThe last paper mill in the valley shut on Friday. According to shift manager "
                     "Oskar Lindqvist, “nobody from head office even came to say goodbye.”")
    assert _speaker_of(quotes, "nobody from head office") == "Oskar Lindqvist", quotes[["text", "speaker"]]


def test_a_colon_after_a_relation_with_a_name_in_apposition_gives_the_name():
    quotes = _quotes("Mill closes\n\nThe mayor welcomed the buyer. Her neighbour, the retired nurse Ruth "
                     "Ahlberg, sounded less sure: “A buyer is not a plan.”")
    assert _speaker_of(quotes, "A buyer is not a plan") == "Ruth Ahlberg", quotes[["text", "speaker"]]


def test_a_spokesman_for_a_body_named_before_speaks_for_that_body():
    quotes = _quotes("Rail delays\n\nNorthern Rail cancelled forty trains on Monday. A spokesman for the operator "
                     "admitted: “We did not have enough drivers.”")
    assert _speaker_of(quotes, "enough drivers") == "Northern Rail", quotes[["text", "speaker"]]


def test_a_writer_set_off_by_commas_after_an_opening_phrase_is_the_speaker():
    # the parser hangs "the club's owner, Harbour Holdings" on "Twitter" and leaves "wrote" without a subject
    quotes = _quotes("Sale\n\nIn a message on Twitter, the club's owner, Harbour Holdings, wrote that the sale was "
                     "\"off the table.\"")
    assert _speaker_of(quotes, "off the table") == "Harbour Holdings", quotes[["text", "speaker"]]


def test_an_occupation_given_in_apposition_names_the_person_it_is_said_of_later():
    quotes = _quotes("Clinic letter\n\nSister Ana Ruiz, a theatre nurse at the clinic, signed the letter. "
                     "“We cannot go on like this,” the nurse said.")
    assert _speaker_of(quotes, "cannot go on") == "Ana Ruiz", quotes[["text", "speaker"]]


def test_a_players_position_before_his_name_names_him_later_even_read_as_a_proper_noun():
    quotes = _quotes("New signing\n\nAjax have signed the Danish forward Mikkel Holm. “I came here to win,” the forward said.")
    assert _speaker_of(quotes, "came here to win") == "Mikkel Holm", quotes[["text", "speaker"]]


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The Kestrel Arts Foundation opened the show on Friday. “We wanted the public to see them,” the foundation said.",
     "We wanted", "Kestrel Arts Foundation"),
    ("Lena Park of the Coastal Rights Front spoke first. The front said the march would go ahead.",
     "the march would go ahead", "Coastal Rights Front"),
])
def test_a_body_called_by_the_last_word_of_its_name_is_that_body(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_a_noun_that_ends_no_earlier_body_name_is_no_body():
    quotes = _quotes("Lena Park of the Coastal Rights Front spoke first. The rights group said the march would go ahead.")
    assert _speaker_of(quotes, "the march would go ahead") != "Coastal Rights Front"


def test_a_post_that_reports_a_clause_and_a_cue_the_parser_left_without_subject():
    quotes = _quotes("The Lakeside Rangers, who had led the search since Friday, posted on their website on Sunday "
                     "that the missing hikers were safe.")
    assert _speaker_of(quotes, "the missing hikers were safe") == "Lakeside Rangers"
    # a post of pictures reports nothing
    assert _quotes("Fans posted photos of the parade on Sunday.").empty


def test_a_body_called_by_its_field_and_a_brigade_speak_for_a_body():
    quotes = _quotes("UEFA had invited the team to the final. The sport’s governing body, which meets in Nyon, "
                     "said it would look at the case again. The fire brigade said the stand was safe.")
    assert _speaker_of(quotes, "it would look at the case again") == "UEFA"
    assert _speaker_of(quotes, "the stand was safe") == "Fire brigade"


def test_a_hard_wrapped_wire_story_keeps_a_name_cut_by_a_line_break_whole_and_its_dateline_is_no_quote():
    from s400lib.extract.context import context_for_text
    from s400lib.extract.entities import entity_table

    text = ("Divers reach miners\n\n"
            "PUNO, Peru, March 3, 2021 (Wire) : All nine miners and their foreman who\n"
            "were cut off by a flood in the tin mine near Santa\n"
            "Rosa last week have been brought out alive, police said on Friday, ending\n"
            "drawn rescue teams from three countries to the remote mountain valley.\n\n"
            "The divers found the men on a dry ledge deep inside the mine, where they\n"
            "had lived on rainwater and the little food they had carried with them,\n"
            "and said all of them were weak but able to speak and to walk a short way.\n\n"
            "Engineers said the water would have to be pumped out before the mine\n"
            "could be opened again, which could take several more weeks of hard work.")
    entities = entity_table(context_for_text(text))
    assert "Santa\nRosa" in entities["text"].tolist()  # one place, its line break kept in the row's text
    quotes = _quotes(text)
    assert quotes["text"].iloc[0].startswith("All nine miners") and quotes["speaker"].iloc[0] == "police"


@pytest.mark.parametrize("text, fragment, speaker", [
    # the agency that quotes is not the one quoted
    ("The agency Reuters quoted the port's news service, Harbor Daily, as saying that the ferry had sunk.",
     "the ferry had sunk", "Harbor Daily"),
    # a named body's department speaks for the body
    ("The Harbour Authority's press office said in a statement that six men were rescued.",
     "six men were rescued", "Harbour Authority"),
    # a body's website speaks for the body named before
    ("The Harbour Council met on Monday. “The sea wall was breached,” the council's website said.",
     "The sea wall was breached", "Harbour Council"),
    # a dateline's place is never the subject of the story's first sentence
    ("Lima, March 3, PNA – The National Mining Society declared on Friday that it had closed the pit.",
     "it had closed the pit", "National Mining Society"),
])
def test_who_speaks_through_an_agency_a_department_a_website_or_after_a_dateline(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_another_partys_account_set_against_a_report_is_no_part_of_it():
    quotes = _quotes("The mayor said the bridge was safe, while the engineers said the cables had rusted.")
    assert sorted(quotes["text"]) == ["the bridge was safe", "the cables had rusted"]
    assert _speaker_of(quotes, "the cables had rusted") == "engineers"


@pytest.mark.parametrize("text, fragment, speaker, words", [
    # a cue after the clause it reports, followed by the outlet's own words
    ("The Coast Guard towed the trawler to port today, Greek and Turkish officials said, though they disputed the details.",
     "towed the trawler", "Greek and Turkish officials", "The Coast Guard towed the trawler to port today"),
    # a unit with a name of its own inside a country's possessive; the date is when it was said
    ("Chile's elite Mountain Rescue unit said on Friday it had found the climbers.",
     "found the climbers", "Mountain Rescue", "it had found the climbers"),
    # a statement's words are its issuer's
    ("Later, the Harbour Board released a statement calling the strike an “unlawful stoppage.”",
     "unlawful stoppage", "Harbour Board", None),
    # the one quoted, with words between the quote and the cue
    ("“The ferry sank at noon” off the north coast, the Port Authority was quoted as saying by the Island Times.",
     "The ferry sank at noon", "Port Authority", "The ferry sank at noon"),
])
def test_cues_after_the_clause_names_of_units_statements_and_passive_quoting(text, fragment, speaker, words):
    quotes = _quotes(text)
    assert _speaker_of(quotes, fragment) == speaker
    if words is not None:
        assert words in quotes["text"].tolist()


def test_a_document_owned_by_a_body_speaks_for_its_owner_whatever_its_own_name():
    quotes = _quotes("The Port Authority met on Monday. State radio quoted the authority's news website, Dock Watch, "
                     "as saying that the cranes would stop.")
    assert _speaker_of(quotes, "the cranes would stop") == "Port Authority"


def test_a_peoples_adjective_alone_as_a_subject_is_the_body_named_with_it_first():
    quotes = _quotes("Qantas and Turkish Airlines fly the route. Turkish, with 12 of the jets, said it would "
                     "“refund every ticket as quickly as possible.”")
    assert _speaker_of(quotes, "refund every ticket") == "Turkish Airlines"
    # a people with its article is the people
    quotes = _quotes("Turkish Airlines flies the route. The Turks said they would stay.")
    assert _speaker_of(quotes, "they would stay") != "Turkish Airlines"


@pytest.mark.parametrize("text, fragment, speaker", [
    # words between the auxiliary and the cue: the parser hangs the subject on the auxiliary
    ("Ana Ruiz, who had resisted for weeks, had in a statement she sent to the press said her decision to step down was final.",
     "her decision to step down was final", "Ana Ruiz"),
    # a cue closing the sentence with its speaker after it, read by the parser as an object
    ("Crowds gathered outside the court and the hearing was suspended, reported Reuters.", "the hearing was suspended", "Reuters"),
    ("Prices rose again in May, reported Statistics Norway on Tuesday.", "Prices rose again in May", "Statistics Norway"),
    # a cue after the clause with a long title before the name: the parser joins it as a second verb
    ("The bridge will reopen either tomorrow or on Friday, union official Ivo Marsh told a news agency.",
     "The bridge will reopen", "Ivo Marsh"),
    # a title written with a capital and standing alone is the role, resolved to the one who holds it
    ("Immediately the Speaker of the parliament Ivo Marsh announced the vote. The Speaker had earlier said that a motion "
     "was before him.", "a motion was before him", "Ivo Marsh"),
    # "the letter" speaks for whoever the text said wrote it
    ('Ivo Marsh wrote a letter to the council on Monday. "The budget is a disgrace," the letter said.', "The budget is a disgrace",
     "Ivo Marsh"),
])
def test_subjects_the_parser_misplaces_capitalised_titles_and_letters(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


@pytest.mark.parametrize("text, fragment, speaker", [
    # figures, data or images a body released speak for the body, not for a group of figures
    ("Figures released by the Ministry of Energy on Monday showed that prices would rise.", "prices would rise",
     "Ministry of Energy"),
    # the noun before the data is its kind, not who released it
    ("Radar data unveiled by the Ministry of Energy earlier this week claimed that the pipeline was intact.",
     "the pipeline was intact", "Ministry of Energy"),
])
def test_evidence_a_body_released_speaks_for_the_body(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_a_reported_clause_the_parser_reads_as_a_noun_modifier_is_still_reported():
    # the parser reads "planned months" as a modified noun and "months" as the object of "said"
    quotes = _quotes("General Ivo Marek commanded the northern brigade. The general said the raid was planned months in advance.")
    assert quotes["text"].tolist() == ["the raid was planned months in advance"], quotes
    assert _speaker_of(quotes, "raid") == "Ivo Marek"


@pytest.mark.parametrize("text", [
    # the clause after the closing mark opens with "while" / "but": its verb frames nothing of the quote
    "The union leader, Mara Quist, told workers that the “closure will ruin the valley”, while the town mayor, "
    "Olaf Brenn, called for calm.",
    "Mara Quist warned that the “closure will ruin the valley”, but Olaf Brenn said the plant would stay open.",
])
def test_a_quote_is_not_given_to_the_subject_of_the_clause_set_against_it(text):
    assert _speaker_of(_quotes(text), "closure will ruin") == "Mara Quist"


def test_a_building_named_after_a_person_is_no_speaker_for_a_pronoun():
    # "Jesús" is a name the lexicon reads as mostly male, "Oskar Berg" a school: "he" is the clerk
    text = ("Jesús Ortega, a 51-year-old clerk, queued with his children outside the Oskar Berg school on Sunday. "
            "Two hours later, he saw police vans arrive.\n\n“They pushed us back,” he told the Herald.")
    assert _speaker_of(_quotes(text), "pushed us back") == "Jesús Ortega"


def test_names_the_lexicon_gives_mostly_one_sex_take_that_sex():
    from s400lib.extract.speakers.lexicon import given_name_sex

    assert given_name_sex("Jesús") == "m" and given_name_sex("María") == "f"


def test_a_that_clause_the_parser_hangs_on_a_noun_after_the_hearer_is_what_was_told():
    # "victory that ..." : a noun that takes no clause of its own; the clause is what Brenn told
    quotes = _quotes("Mayor Olaf Brenn told a crowd of dockers at the quay after the council's defeat that the port was "
                     "“finished”, according to the Harbour Gazette.")
    told = quotes[quotes["text"].str.startswith("the port was")]
    assert told["speaker"].tolist() == ["Olaf Brenn"], quotes


def test_the_pm_is_the_prime_minister_named_before():
    quotes = _quotes("Prime Minister Ana Lind met the unions on Friday. The PM told reporters that the strike must end.")
    assert _speaker_of(quotes, "the strike must end") == "Ana Lind"


def test_an_absolute_phrase_before_the_speech_verb_is_not_what_was_said():
    quotes = _quotes("Mayor Olaf Brenn spoke at the quay. His hands shaking, he said: “We will rebuild the harbour.”")
    assert quotes["text"].tolist() == ["We will rebuild the harbour."], quotes
    assert _speaker_of(quotes, "We will rebuild") == "Olaf Brenn"


def test_a_document_qualified_by_a_peoples_adjective_speaks_for_the_country_named_before():
    quotes = _quotes("Ostria recalled its ambassador on Monday. An Ostrian statement said the border talks had failed.")
    assert _speaker_of(quotes, "the border talks had failed") == "Ostria"
    # with no such country named, nobody is invented
    quotes = _quotes("An Ostrian statement said the border talks had failed.")
    assert _speaker_of(quotes, "the border talks had failed") is None


def test_he_said_after_a_report_about_another_man_is_the_reporter():
    # the skipper is the subject inside the reported clause; the harbour master goes on speaking
    quotes = _quotes("Harbour master Jonas Lind said the skipper, Tomas Berg, had ignored the storm warnings.\n\n"
                     "“He knew the risks,” he said.")
    assert _speaker_of(quotes, "He knew the risks") == "Jonas Lind"


# A study or a report speaks for whoever wrote it, however the article goes on to call it.


def test_a_survey_carried_out_by_a_body_speaks_for_it():
    quotes = _quotes("A survey carried out by the Lindqvist Foundation last spring found that most tenants paid late.")
    assert _speaker_of(quotes, "most tenants paid late") == "Lindqvist Foundation"


def test_it_found_after_a_study_is_the_study_and_so_its_author():
    text = ("The review, prepared by the Harbour Commission, found that two cranes were unsafe. "
            "It also found that the night shift had no supervisor.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "night shift had no supervisor") == "Harbour Commission"


def test_the_report_points_back_to_a_study_named_by_another_word():
    text = ("An audit by the Norland Water Board was published on Monday. "
            "Leaks had doubled since 2015, the report said.")
    assert _speaker_of(_quotes(text), "Leaks had doubled") == "Norland Water Board"


def test_the_study_points_back_past_mentions_that_name_no_author():
    filler = "Farmers in the valley have long complained about the river. " * 20
    text = ("A study from the Institute of Soil Science was released in May. " + filler
            + "The new study, requested by the farmers' union, covers ten years. "
            + "Nitrate levels rose each year, the study found.")
    assert _speaker_of(_quotes(text), "Nitrate levels rose") == "Institute of Soil Science"


def test_a_body_that_asked_for_a_study_did_not_write_it():
    text = ("The audit was requested by the Port Authority. "
            "The audit found that fees were charged twice.")
    assert _speaker_of(_quotes(text), "fees were charged twice") != "Port Authority"


def test_according_to_a_new_study_takes_the_author_named_in_the_next_sentence():
    text = ("Glaciers in the range will lose half their ice by 2060, according to a new study. "
            "The study, by the University of Tromso, measured 30 glaciers.")
    assert _speaker_of(_quotes(text), "Glaciers in the range") == "University of Tromso"


def test_a_clause_before_a_semicolon_is_not_what_the_next_verb_reports():
    text = ("A report from the Castel Institute came out on Friday. "
            "The new report shows that wages fell; the report found that rents rose.")
    quotes = _quotes(text)
    assert "rents rose" in quotes["text"].tolist()
    assert _speaker_of(quotes, "rents rose") == "Castel Institute"


def test_the_report_said_after_a_quote_is_the_report_not_a_missing_subject():
    text = ("A study by the Meridian Health Trust looked at 40 clinics. "
            "“Waiting lists grew in every region,” the report said.")
    assert _speaker_of(_quotes(text), "Waiting lists grew") == "Meridian Health Trust"


def test_figures_a_body_released_speak_for_it():
    text = "In March, Ofcom released figures that showed that complaints had doubled."
    assert _speaker_of(_quotes(text), "complaints had doubled") == "Ofcom"


def test_disclosed_reports_what_was_disclosed():
    quotes = _quotes("On Friday, Ines Dahl, the harbour master, disclosed that the pier had been closed twice before.")
    assert _speaker_of(quotes, "pier had been closed") == "Ines Dahl"


def test_a_name_in_a_clause_on_the_speaker_is_not_the_speaker():
    # nor is the place named in the speaker's phrase the "who" of the clause
    text = ("Ada Varga is the harbour's best-known skipper. Police in Marrow, who had previously said Ada Varga sank "
            "the buoy during the storm, reversed course Monday and said the buoy was hit by a ferry.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "hit by a ferry") == _speaker_of(quotes, "sank the buoy") == "Police"


def test_a_speech_verb_in_a_relative_clause_frames_nothing_before_it():
    # the parser makes "had announced" the sentence's root and what comes before it its clause
    quotes = _quotes("Lenner Group, which owns the pier, released a statement Tuesday night casting doubt on the latest "
                     "timetable Lombardo had announced.")
    assert quotes.empty, quotes


def test_an_outlets_trailing_frame_leaves_the_words_to_the_one_who_said_them():
    # (the outlet may still report the whole sentence; the words after "said" are the authority's)
    for text in ("The harbour authority denied the report and said the ferry left on time, the Coastal Times reports.",
                 "The harbour authority said the ferry left on time and the crew was rested, the Coastal Times reports."):
        quotes = _quotes(text)
        said = quotes[quotes["text"] == "the ferry left on time"]
        assert said["speaker"].str.lower().tolist() == ["harbour authority"], quotes


def test_a_second_partial_quote_of_one_statement_keeps_its_speaker():
    text = ("Lenner Group released a statement on Friday. In the statement, the company said it “cannot be sure of the "
            "latest count” given publicly “and we believe what is being said may be wrong.”")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "cannot be sure") == _speaker_of(quotes, "may be wrong") == "Lenner Group"


def test_a_role_of_one_office_is_not_a_person_titled_with_another():
    quotes = _quotes("Mayor Ana Ruiz called the plan “a farce”. The governor said it was a triumph.")
    assert _speaker_of(quotes, "a triumph") != "Ana Ruiz"
    quotes = _quotes("Governor Tom Hale spoke first. The mayor called the plan a farce. The governor said it was a triumph.")
    assert _speaker_of(quotes, "a triumph") == "Tom Hale"


def test_a_capitalised_title_alone_is_the_holder_named_before():
    quotes = _quotes("Norway's Prime Minister Ingrid Solberg spoke on Monday. The Prime Minister said the fjord ferries "
                     "would run again.")
    assert _speaker_of(quotes, "ferries would run") == "Ingrid Solberg"


def test_said_in_remarks_carried_by_agencies_that_reports_the_clause():
    quotes = _quotes("The spokesman, Piet Alders, said in remarks carried by Dutch news agencies that the dyke was safe.")
    assert _speaker_of(quotes, "the dyke was safe") == "Piet Alders"


def test_a_capitalised_title_with_the_name_in_apposition_is_the_named_person():
    quotes = _quotes("Harbour Board Member, Ines Dahl, said the pier was safe.")
    assert _speaker_of(quotes, "the pier was safe") == "Ines Dahl"


def test_a_quote_opening_its_paragraph_before_the_outlets_own_sentence_keeps_the_speaker_before():
    text = ("The harbour master, Ines Dahl, believed the crews' work “saved the pier”.\n\n"
            "“They worked through the night and never gave up.” Repairs are expected to take a month.")
    assert _speaker_of(_quotes(text), "never gave up") == "Ines Dahl"


def test_a_role_where_the_country_holds_it_is_the_role_holder_named_before():
    text = ("Norway's Police Commissioner Ivar Holm spoke on Monday. The country's police chief also said the ferry "
            "terminal would reopen.")
    assert _speaker_of(_quotes(text), "terminal would reopen") == "Ivar Holm"


def test_a_reported_clause_the_parser_splits_in_two_is_reported_whole():
    quotes = _quotes("Ada Varga spoke first. Varga said the engine fitted was a diesel made in Sweden.")
    assert "the engine fitted was a diesel made in Sweden" in quotes["text"].tolist(), quotes


def test_a_denied_or_admitted_act_told_by_a_gerund_is_reported():
    quotes = _quotes("Mayor Tom Hale denies moving the harbour funds to his brother's firm.")
    assert _speaker_of(quotes, "moving the harbour funds") == "Tom Hale"
    assert _quotes("Mayor Tom Hale denied the charges.").empty


def test_an_official_introduced_by_role_then_named_in_the_next_sentence_is_that_person():
    # the role first ("a police spokeswoman"), the name in the next sentence; "the spokeswoman" later
    # is the same person
    q = _quotes("Blast\n\nTwo people were hurt in the blast at the depot, a police spokeswoman said on Sunday. "
                "Inspector Maria Lund told reporters the device had been left in a rubbish bin.\n\n"
                "The spokeswoman added that the depot would stay closed until Tuesday.")
    assert _speaker_of(q, "Two people were hurt") == "Maria Lund"
    assert _speaker_of(q, "the device had been left") == "Maria Lund"
    assert _speaker_of(q, "the depot would stay closed") == "Maria Lund"


@pytest.mark.parametrize("second", [
    "Mayor Ana Ruiz said the council would meet on Monday.",       # another office
    "Jonas Berg, a witness, said he heard two bangs.",              # a witness is no spokeswoman
    "Ana Sol told reporters the depot had been searched.",          # named with no title: maybe anyone
])
def test_a_person_named_next_with_another_role_is_not_the_official(second):
    q = _quotes(f"Blast\n\nTwo people were hurt in the blast at the depot, a police spokeswoman said on Sunday. {second}")
    assert _speaker_of(q, "Two people were hurt") not in ("Ana Ruiz", "Jonas Berg")


def test_an_official_unnamed_on_purpose_is_not_the_person_named_next():
    q = _quotes("Blast\n\nTwo people were hurt in the blast at the depot, a police spokeswoman said, asking not to be named. "
                "Inspector Maria Lund told reporters the device had been left in a rubbish bin.")
    assert _speaker_of(q, "Two people were hurt") != "Maria Lund"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("The fishermen's union condemned the new quotas as “ruinous”.", "ruinous", "fishermen's union"),
    ("Mayor Ana Ruiz dismissed the report as “pure fiction”.", "pure fiction", "Ana Ruiz"),
    ("The harbour board, which rejected the claim as “baseless”, met on Monday.", "baseless", "harbour board"),
    ("Councillor Jonas Berg called the new toll “daylight robbery”.", "daylight robbery", "Jonas Berg"),
])
def test_words_a_source_judges_something_as_are_its_words(text, fragment, speaker):
    q = _quotes(f"Report\n\n{text}")
    row = q[q["text"] == fragment]
    assert row["kind"].tolist() == ["partial"], q
    assert speaker.lower() in str(row["speaker"].iloc[0]).lower(), q


@pytest.mark.parametrize("text,fragment", [
    ("The so-called “harbour deal” was never signed.", "harbour deal"),        # the writer's distance
    ("The board could be forced to “sell” the ferries, the mayor said.", "sell"),  # a word held at arm's length
])
def test_words_held_at_a_distance_stay_scare_quotes(text, fragment):
    q = _quotes(f"Report\n\n{text}")
    assert q.loc[q["text"] == fragment, "kind"].tolist() == ["scare"], q


def test_a_headline_that_says_who_says_it_is_reported_speech():
    q = _quotes("Mayor Ana Ruiz says the harbour tax will be scrapped next year\n\nThe council met on Monday.")
    assert _speaker_of(q, "the harbour tax will be scrapped") == "Ana Ruiz"


def test_a_headline_that_only_sums_up_a_mood_is_no_reported_speech():
    q = _quotes("Fishermen fear the harbour works will drive the cod away\n\nThe council met on Monday.")
    assert not q["text"].str.contains("harbour works").any(), q


def test_a_government_named_by_its_people_is_no_earlier_body_of_that_people():
    q = _quotes("Camp\n\nThe Norwegian Refugee Council said the camp was full. The Norwegian government has denied that the camp was full.")
    row = q[q["text"].str.contains("the camp was full") & (q["start"] > 60)]
    assert row["speaker"].tolist() == ["Norwegian government"], q


def test_a_news_agency_named_in_its_phrase_is_that_agency():
    q = _quotes("Blast\n\nReuters said 12 people had died. Later the opposition-run Orbit news agency said 20 people had died.")
    assert _speaker_of(q, "20 people had died") == "Orbit news agency"


@pytest.mark.parametrize("text,fragment,state", [
    ("Trade\n\nBeijing said on Monday that the talks would resume in May.", "the talks would resume", "China"),
    ("Trade\n\nThe new tariffs are unfair, Ottawa said.", "The new tariffs are unfair", "Canada"),
])
def test_a_capital_that_speaks_is_its_state(text, fragment, state):
    assert _speaker_of(_quotes(text), fragment) == state


def test_words_a_statement_blames_on_someone_are_the_issuers():
    q = _quotes("Mine\n\nThe mining company denied any fault in a statement blaming “rogue contractors” for the collapse.")
    row = q[q["text"] == "rogue contractors"]
    assert row["kind"].tolist() == ["partial"] and "company" in str(row["speaker"].iloc[0]).lower(), q


def test_a_word_quoted_inside_a_sentence_does_not_give_the_sentence_its_source(tmp_path):
    (tmp_path / "a.txt").write_text("Spill\n\nThe fishermen's union has also blamed the spill on Harbour Holdings, which has "
                                    "denied the charge as “baseless”.\n", encoding="utf-8")
    claims = sl.parse(sl.load_corpus(tmp_path), progress=False).claims
    row = claims[claims["text"].str.contains("blamed the spill")]
    assert "Harbour Holdings" not in str(row["source"].iloc[0]), claims[["text", "source"]]


@pytest.mark.parametrize("text,fragment,speaker", [
    # words in part, in a sentence of the outlet's that opens the next paragraph and names nobody
    ("Levee\n\n“The levee will hold,” the engineer Marta Lind said on Monday.\n\n"
     "The cracks were “purely cosmetic and nothing to fear” after the storm.", "purely cosmetic", "Marta Lind"),
    # ... not when the sentence names someone else: the words are then its own subject's, who thought so
    # (see test_words_in_part_with_no_cue_belong_to_the_subject_of_the_clause_above_them)
    ("Levee\n\n“The levee will hold,” the engineer Marta Lind said on Monday.\n\n"
     "Farmers near Oskar Holm's barn thought the cracks “a disaster waiting to happen” all week.", "a disaster", "Farmers"),
    # ... nor when another paragraph stands between
    ("Levee\n\n“The levee will hold,” the engineer Marta Lind said on Monday.\n\nRain fell all night.\n\n"
     "The cracks were “purely cosmetic and nothing to fear” after the storm.", "purely cosmetic", None),
])
def test_words_in_part_opening_the_next_paragraph_go_on_with_the_last_speaker(text, fragment, speaker):
    got = _speaker_of(_quotes(text), fragment)
    assert (None if pd.isna(got) else got) == speaker


def test_an_it_that_speaks_in_the_active_voice_is_the_body_the_sentence_before_is_about():
    text = ("Dam\n\nLenton council criticised the operator on Monday.\n\n"
            "Harbour Holdings Ltd, part of the Varna group Ostcorp, ran the dam for a decade.\n\n"
            "It has said it made regular and thorough checks on the dam. It is said that the dam is old.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "regular and thorough checks") == "Harbour Holdings Ltd"
    assert not quotes["text"].str.contains("the dam is old").any(), quotes


def test_the_vice_holder_of_an_office_is_its_deputy_and_a_title_written_short_is_read_whole():
    text = ("Port\n\nPrime Minister Anna Lind visited the port on Monday. Deputy PM Oskar Holm met the dockers.\n\n"
            "“The strike must end,” the vice prime minister told reporters. “Talks will resume,” the prime minister added.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "The strike must end") == "Oskar Holm"
    assert _speaker_of(quotes, "Talks will resume") == "Anna Lind"


@pytest.mark.parametrize("text,fragment,speaker", [
    # a rank written short keeps its full stop: the sentence goes on and the name is the person's
    ('Storm\n\n"Two boats are missing," said Sgt. Maj. Ivo Marsh of the coast guard.', "Two boats are missing", "Ivo Marsh"),
    ('Storm\n\n"The road is shut," said Police Supt. Lena Berg.', "The road is shut", "Lena Berg"),
    ('Storm\n\n"The road is shut," Det. Insp. Lena Berg told reporters.', "The road is shut", "Lena Berg"),
    # "speculated that" reports a clause like "said that"
    ("Storm\n\nBy evening, harbour officials speculated that the ferry had sunk.", "the ferry had sunk", "harbour officials"),
])
def test_a_rank_written_short_keeps_its_name_whole_and_speculating_reports_a_clause(text, fragment, speaker):
    got = _speaker_of(_quotes(text), fragment)
    assert got == speaker


def test_a_feeling_voiced_in_quoted_words_is_the_subjects_and_a_quoted_name_is_not():
    quotes = _quotes("The mayor has expressed her “deep regret” at the closure of the ferry line.")
    row = quotes[quotes["text"] == "deep regret"].iloc[0]
    assert row["kind"] == "partial" and row["speaker"] == "mayor"
    quotes = _quotes("The Lenton presidency on Monday voiced its “grave concern and sorrow” over the sinking.")
    assert _speaker_of(quotes, "grave concern") == "Lenton presidency"
    # the quoted words only name what the support is for
    quotes = _quotes("The mayor expressed support for the “harbour plan” on Monday.")
    assert quotes[quotes["text"] == "harbour plan"]["kind"].tolist() == ["scare"]


def test_a_quote_right_after_a_sentence_about_a_bodys_statement_is_the_bodys():
    quotes = _quotes("A statement from the Ostrian Ferry Company confirmed the closure. “The bridge is no longer safe for traffic.”")
    assert _speaker_of(quotes, "no longer safe") == "Ostrian Ferry Company"


@pytest.mark.parametrize("text,content,speaker", [
    # the parser takes the reported clause's subject for the verb's object when a dashed aside follows it
    ("Holt said the spot where the bags were found Monday -- 40 miles west of the port of Lenton -- was close to the reef.",
     "the spot where the bags were found Monday -- 40 miles west of the port of Lenton -- was close to the reef", "Holt"),
    ("Ms Holt said the place where the boat was seen Tuesday -- 12 miles south of the town of Varn -- was near the old pier.",
     "the place where the boat was seen Tuesday -- 12 miles south of the town of Varn -- was near the old pier", "Holt"),
    # ... and hangs a "that"-clause after "for the first time" on "time"
    ("The harbour board admitted for the first time that the dock had been flooded.", "the dock had been flooded", "Harbour board"),
])
def test_a_reported_clause_the_parser_splits_or_hangs_on_an_adverbial_is_reported_whole(text, content, speaker):
    quotes = _quotes(text)
    assert quotes["text"].tolist() == [content]
    assert speaker in quotes.iloc[0]["speaker"]


@pytest.mark.parametrize("text,content,speaker", [
    ("So far, the council said, three bridges had been closed in the town.", "three bridges had been closed in the town", None),
    ("In Varn, the harbour master said, the north quay will reopen in May.", "the north quay will reopen in May", "harbour master"),
    ("The ferry, Mayor Ann Holt said, will sail again on Friday.", "The ferry, Mayor Ann Holt said, will sail again on Friday", "Ann Holt"),
])
def test_an_attribution_set_off_inside_the_clause_it_reports_reports_that_clause(text, content, speaker):
    quotes = _quotes(text)
    assert quotes["text"].tolist() == [content]
    assert _speaker_of(quotes, content[:12]) == speaker


@pytest.mark.parametrize("text,content,speaker", [
    # a headline's label before a colon is neither the speaker nor part of the words
    ("Lenton ferry fire: Varnia is lashing out, says Holt\nThe mayor spoke on Monday.", "Varnia is lashing out", "Holt"),
    # a name closing a headline after "says", which the parser leaves without a role, named in full below
    ("Varnia is bluffing, says Kowalczyk\nDefence minister Jan Kowalczyk spoke in Lenton on Monday.",
     "Varnia is bluffing", "Jan Kowalczyk"),
    ("Ostria is lashing out, says Pompeo\nForeign minister Mike Pompeo has blamed Ostria.", "Ostria is lashing out", "Mike Pompeo"),
])
def test_a_headline_reporting_words_with_the_speaker_after_says_credits_that_speaker(text, content, speaker):
    quotes = _quotes(text)
    assert quotes["text"].tolist()[:1] == [content], quotes[["text", "speaker"]]
    assert _speaker_of(quotes, content) == speaker


def test_words_a_named_speaker_says_stay_theirs_when_an_outlet_follows_after_according_to():
    quotes = _quotes("Prime Minister Ann Holt also said the fire is “being treated by the police as arson,” "
                     "according to the Lenton Post.")
    assert _speaker_of(quotes, "being treated by the police as arson") == "Ann Holt"


@pytest.mark.parametrize("text,content,speaker", [
    # a name before "campaign" / "team" says whose the group is, as "his campaign" does
    ("Senator Ruth Okafor toured the mill towns on Monday. The Okafor campaign said the new ads would run "
     "in three states.", "the new ads would run", "Ruth Okafor's campaign"),
    ("Governor Pavel Brandt spoke in Lenton. Later the Brandt team insisted that no donor had been paid back.",
     "no donor had been paid back", "Pavel Brandt's team"),
])
def test_a_campaign_named_after_a_person_speaks_as_that_persons_campaign(text, content, speaker):
    assert _speaker_of(_quotes(text), content) == speaker


def test_comments_signed_after_a_dash_are_their_signers():
    text = ("We asked farmers in the valley what the new dam means to them.\n\n"
            "“The river was our road. Now it is a lake.” ― Ines Moravec\n"
            "“My grandfather planted these orchards.”— Pavol Hrasko, Dolany\n"
            "“Nobody from the ministry came to see us.” ― Jana Kettlova.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "The river was our road") == "Ines Moravec"
    assert _speaker_of(quotes, "planted these orchards") == "Pavol Hrasko"
    assert _speaker_of(quotes, "Nobody from the ministry") == "Jana Kettlova"
    assert set(quotes.loc[quotes["speaker"].notna(), "speaker_rule"]) == {"signed"}


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Harold Bishop, a dairy farmer, joined the blockade. “We will not move,” Bishop said.", "will not move", "Harold Bishop"),
    ("Maria Judge runs the night clinic. “Every bed is taken,” Judge told the council.", "Every bed", "Maria Judge"),
    ("Sandra Chancellor heads the parish council. Chancellor says the vote “settles nothing.”", "settles nothing", "Sandra Chancellor"),
])
def test_a_surname_that_is_also_a_title_is_the_person_named_with_it(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_a_title_with_an_article_stays_a_title_though_someone_bears_it_as_a_name():
    text = "Ana King toured the port. “We are grateful to our hosts,” the King said at the palace."
    assert _speaker_of(_quotes(text), "grateful to our hosts") != "Ana King"


@pytest.mark.parametrize("text, reported, speaker", [
    # the parser reads the words before the closing "said" as a time clause and a loose noun: they are still
    # what was said
    ("Since the port has twice as many berths as Varna, ships that avoid it would be losing money, Holm said.",
     "ships that avoid it would be losing money", "Holm"),
    ("Families who take on heavy debt struggle, even with a good wage, Ilse Varga said on Monday.",
     "even with a good wage", "Ilse Varga"),
])
def test_a_closing_said_with_nothing_after_it_reports_the_words_before_it(text, reported, speaker):
    quotes = _quotes(text)
    row = quotes[quotes["text"].str.contains(reported, regex=False)]
    assert len(row) == 1 and row["kind"].iloc[0] == "indirect" and row["speaker"].iloc[0] == speaker, quotes


@pytest.mark.parametrize("text, reported, speaker", [
    ("Instead, Holm told the radio, the ferry would merely be “paused” for the winter.", "the ferry would merely be", "Holm"),
    ("Ilse Varga told the council on Friday, the harbour fees will rise in spring.", "the harbour fees will rise in spring", "Ilse Varga"),
])
def test_a_frame_that_opens_the_sentence_reports_the_clause_after_its_comma(text, reported, speaker):
    quotes = _quotes(text)
    row = quotes[(quotes["kind"] == "indirect") & quotes["text"].str.startswith(reported)]
    assert len(row) == 1 and row["speaker"].iloc[0] == speaker, quotes


def test_a_clause_before_a_closing_said_is_no_frame_of_it():
    # "He may add to his staff, he said": the clause is what was said, not a frame of its own
    quotes = _quotes("He may add to his staff or change their roles, Holm said.")
    assert quotes["speaker"].eq("Holm").all() and not quotes["text"].str.startswith("he said").any(), quotes


def test_first_person_words_in_the_next_sentence_go_on_with_the_last_speaker():
    text = ("The harbour board met on Monday. “Her plan has stalled,” Mr. Lund said. She has started “a very slow "
            "review which has gone on for a year. And I think the staff are tired.”")
    assert _speaker_of(_quotes(text), "very slow review") == "Lund"


def test_a_country_written_us_is_no_first_person():
    text = ("The harbour board met on Monday. “Her plan has stalled,” Mr. Lund said. She has started “a review that "
            "the US will watch closely for a year.”")
    assert pd.isna(_speaker_of(_quotes(text), "the US will watch"))


def test_words_in_the_next_sentence_that_do_not_speak_for_themselves_stay_unresolved():
    # no first person: the quoted words may be anyone's, or a title
    text = ("The harbour board met on Monday. “Her plan has stalled,” Mr. Lund said. She has started “a very slow "
            "review which has gone on for a year and will go on for another.”")
    assert pd.isna(_speaker_of(_quotes(text), "very slow review"))


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The Port Authority issued a statement on Monday.\n\n“Our thoughts are with the nine people who were hurt,” "
     "the statement reads.", "Our thoughts", "Port Authority"),
    ("Nine people were hurt, as an updated statement by Ines Vold of the Port Authority confirmed.\n\n"
     "“We continue to help them,” the statement read. “The quay stays closed.”", "The quay stays closed", "Ines Vold"),
])
def test_a_text_that_reads_gives_the_words_of_its_author(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_someone_reading_a_text_aloud_is_no_cue():
    quotes = _quotes("She read the letter aloud in the hall. “I will not go back,” Holm said later.")
    assert _speaker_of(quotes, "I will not go back") == "Holm" and not quotes["cue"].eq("read").any()


def test_a_time_clause_before_a_closing_said_reports_nothing():
    assert _quotes("After the vote was counted, Holm said.").empty


def test_a_digest_item_labelled_by_a_name_before_a_colon_is_that_names():
    text = ("Our morning digest of the harbour race.\n\n"
            "FERRY VOTERS SWING NORTH - Helga Brandvold: “The island precincts moved eight points in a month. "
            "Nobody saw it coming.”\n\n"
            "Amnesty International: “The detained crew must be released.”\n\n"
            "Note: “Figures are provisional until Friday.”\n\n"
            "Oslo: “Talks will resume next week.”")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "island precincts") == "Helga Brandvold"
    assert _speaker_of(quotes, "detained crew") == "Amnesty International"
    # a word that is no name, or a place, labels nothing
    assert pd.isna(_speaker_of(quotes, "Figures are provisional"))
    assert pd.isna(_speaker_of(quotes, "Talks will resume"))


def test_a_quoted_transcript_gives_each_paragraph_to_its_labelled_speaker():
    text = ("Radio host Dana Whitcombe questioned Mayor Tomas Berglund about the ferry on Saturday. From the transcript:\n\n"
            "\"WHITCOMBE: Will the ferry run this winter? The islanders want an answer.\n\n"
            "\"BERGLUND: It will run twice a week, and we are looking for a second boat.\n\n"
            "\"WHITCOMBE: And if the boat is not found?\"")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "Will the ferry run") == "Dana Whitcombe"
    assert _speaker_of(quotes, "twice a week") == "Tomas Berglund"
    assert _speaker_of(quotes, "if the boat is not found") == "Dana Whitcombe"


def test_a_capitalised_heading_inside_a_quote_is_no_speaker():
    quotes = _quotes("Lenton council posted a notice on Friday. \"UPDATE: the bridge will stay shut until May,\" "
                     "the notice said.")
    assert _speaker_of(quotes, "the bridge will stay shut") != "Update"


@pytest.mark.parametrize("text,content,speaker", [
    # a surname that is also a role word stays a name after "Mr." or "Mrs."
    ("Harriet Bishop has run the bakery for thirty years. “We open at six every day,” Mrs. Bishop said.",
     "We open at six", "Harriet Bishop"),
    ("Tom King owns the ferry company. Mr. King said the boats would sail again in April.",
     "the boats would sail again", "Tom King"),
    ("“The judges were fair to us,” Ms. Judge told reporters after the hearing.", "judges were fair", "Judge"),
])
def test_a_surname_after_an_honorific_is_a_name_even_when_it_is_a_role_word(text, content, speaker):
    assert _speaker_of(_quotes(text), content) == speaker


@pytest.mark.parametrize("text,content,speaker", [
    # a participle after "before" / "after" speaks for the clause's subject; a hearer may stand between
    ("Mira Lenz sang two songs to the crowd before asking them, “Where do we go from here?”",
     "Where do we go from here", "Mira Lenz"),
    ("Tom Reyes turned to the mayor and asked her, “Do you have one week?”", "Do you have one week", "Tom Reyes"),
    # what a recording shows someone saying is that someone's
    ("The new advert shows footage of Ruth Okafor asking, “Why are we not ahead in every county?”",
     "Why are we not ahead", "Ruth Okafor"),
])
def test_a_participle_or_a_recording_speaks_for_the_one_it_shows(text, content, speaker):
    quotes = _quotes(text)
    assert _speaker_of(quotes[quotes["kind"] == "direct"], content) == speaker


def test_a_participle_after_a_quote_is_never_read_as_an_inverted_cue():
    # "promising a return": the thing promised does not speak; the verb the quote hangs on says who does
    text = ("Ines Moravec said the choir would still rehearse on Mondays, but said, “It is time we sing somewhere new,” "
            "promising a return to the old chapel.")
    quotes = _quotes(text)
    assert _speaker_of(quotes[quotes["kind"] == "direct"], "time we sing somewhere new") == "Ines Moravec"


@pytest.mark.parametrize("text,content,speaker", [
    # an opening mark glued to the comma before it
    ("Ewa Nowak said,“Look, those posters have no place in a campaign. Everyone knows that.”",
     "those posters have no place", "Ewa Nowak"),
    # the cue after a question goes on with whom it was asked of, and the next short quote is the same speaker's
    ("“Will the plan change?” Reyes asked reporters rhetorically during a news conference late last month. “It will not.”",
     "Will the plan change", "Reyes"),
    ("“Will the plan change?” Reyes asked reporters rhetorically during a news conference late last month. “It will not.”",
     "It will not", "Reyes"),
    ("“It eats our whole budget,” Okafor said. “Every week.”", "Every week", "Okafor"),
    # a participle that addresses a hearer before the quote
    ("Mayor Ines Moravec seemed ready to joke about the flood in Lenton, telling the crowd, "
     "“Some of us got a little wet, did you notice?”", "Some of us got a little wet", "Ines Moravec"),
])
def test_a_cue_that_names_its_hearer_still_frames_the_quote(text, content, speaker):
    assert _speaker_of(_quotes(text), content) == speaker


def test_a_new_sentence_that_merely_starts_with_a_name_frames_no_quote():
    quotes = _quotes("“The ferry plan is dead.” Nowak then left for Lenton with her aides.")
    assert _speaker_of(quotes, "ferry plan is dead") is None


@pytest.mark.parametrize("text,content,speaker", [
    # a surname the model reads as a common noun is still a name when the text never writes it in small letters
    ("“The ferry will not run in winter,” Pennity said after the meeting in Lenton.", "ferry will not run", "Pennity"),
    ("“The ferry will not run in winter,” Dennity said after the meeting in Lenton.", "ferry will not run", "Dennity"),
    # the cue after an exclamation goes on with where it was said
    ("\"We need a new ferry - and we need it NOW!\" Okafor said on Twitter.", "we need it NOW", "Okafor"),
])
def test_a_name_the_model_misreads_or_a_cue_told_with_where_still_frames_the_quote(text, content, speaker):
    assert _speaker_of(_quotes(text), content) == speaker


def test_a_capitalised_common_noun_the_text_also_writes_in_small_letters_is_no_name():
    quotes = _quotes("“The ferry will not run in winter,” Pennity said after the meeting. The old pennity of the town was "
                     "paid in fish.")
    assert _speaker_of(quotes, "ferry will not run") is None


def test_an_adding_participle_hung_on_the_reported_clause_belongs_to_the_teller():
    quotes = _quotes("Ines Moravec told the Lenton Post that Tom Reyes “had a reckless plan for the harbour,” adding, "
                     "“He lost the whole town.”")
    assert _speaker_of(quotes, "He lost the whole town") == "Ines Moravec"
    assert _speaker_of(quotes, "reckless plan") == "Ines Moravec"


def test_going_on_being_something_is_not_going_on_speaking():
    quotes = _quotes("Ewa Nowak said she is sure Tom Reyes will continue to be “a friend of the ferry.”")
    assert _speaker_of(quotes[quotes["kind"] == "partial"], "a friend of the ferry") == "Ewa Nowak"


@pytest.mark.parametrize("text,content,speaker", [
    # an aside in brackets after the quote names nobody who speaks it; a party label in brackets is skipped
    ("The puzzle of the harbour, says historian Ruth Okafor, is that it was “the busiest port of the north,” not "
     "for its fleet (think Bristol and Hull) but for its tolls.", "the busiest port of the north", "Ruth Okafor"),
    ("“The ferry was ready,” Sen. Ann Boswell (D-Lenton) said on Monday.", "The ferry was ready", "Ann Boswell"),
    # a word of a name after the quote is no verb of saying ("State")
    ("Ruth Okafor vowed to “clean the dirt” out of the Islamic State, also known as ISIL.", "clean the dirt",
     "Ruth Okafor"),
])
def test_asides_and_names_after_a_quote_are_no_cue(text, content, speaker):
    assert _speaker_of(_quotes(text), content) == speaker


@pytest.mark.parametrize("text,content,speaker", [
    ("Fact check.\n\n“The mill pays no tax at all and nobody asks why.”\n\n- Moravec.\n\nThis is a complex issue.",
     "The mill pays no tax", "Moravec"),
    ("Heard at the fair.\n\n“The whole idea of a crooked mayor has to stop.”\n\n-Ines Kettle, Lenton.\n\nMore below.",
     "crooked mayor", "Ines Kettle"),
])
def test_a_dash_and_a_name_on_the_line_below_a_quote_sign_it(text, content, speaker):
    assert _speaker_of(_quotes(text), content) == speaker


def test_a_dashed_line_that_goes_on_as_a_sentence_signs_nothing():
    quotes = _quotes("Notes.\n\n“We will open the pier in May.”\n\n- The pier will cost a lot more than planned.")
    assert _speaker_of(quotes, "open the pier") is None


@pytest.mark.parametrize("name", ["Siobhan McAllister", "Sean O'Donnell", "Aileen MacLeod", "Rosa DiMarco"])
def test_a_surname_with_an_inner_capital_still_has_a_names_shape(name):
    from s400lib.extract.speakers.lexicon import looks_like_named_person

    assert looks_like_named_person(name)


def test_she_after_a_woman_named_with_a_title_the_model_misreads():
    text = ("Dublin, May 3 (PNA)-- Police will not give a final count this year.\n\n"
            "\"What I can say is that we believe around forty people are missing,\" Detective Inspector Aileen "
            "McAllister said.\n\n\"It would have been impossible to draw up a list before now,\" she added.")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "impossible to draw up a list") == "Aileen McAllister"


def test_two_apostrophes_as_quotation_marks_are_quotes_of_their_speaker():
    """News archives write quotation marks as two apostrophes ("''...,'' said X."): each pair is one
    mark, and a second quote after a long apposition keeps the speaker, not the person of the sentence
    before."""
    text = ("Harbour dues\n\nMayor Ruth Okafor has come up with a new toll.\n\n''This is not a toll, it is a tax,'' said "
            "Alan Grieve, a shipping agent who has worked in the port for thirty years and now chairs the local "
            "traders' association, a lobby for the quay's small firms. ''It will drive the ferries away.''\n\n"
            "The toll, he added, was ''a gift to the rival ports.''")
    quotes = _quotes(text)
    assert (quotes.loc[quotes["text"].str.startswith("This is not a toll"), "kind"] == "direct").all()
    assert _speaker_of(quotes, "This is not a toll") == "Alan Grieve"
    assert _speaker_of(quotes, "drive the ferries away") == "Alan Grieve"
    assert _speaker_of(quotes, "a gift to the rival ports") == "Alan Grieve"
    marked = quotes[quotes["kind"].isin(["direct", "partial"])]
    assert not (marked["text"].str.startswith("'") | marked["text"].str.endswith("'")).any(), marked["text"].tolist()


def test_two_apostrophes_opening_a_quote_open_the_next_sentence():
    from s400lib.core.nlp import nlp_doc

    doc = nlp_doc("''We will not pay,'' said the traders' chairman. ''Not now, not ever.''")
    assert [s.text for s in doc.sents][-1].startswith("''Not now")


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Ferries\n\nAs the harbour master put it, “the crossing is finished.”", "crossing is finished", "harbour master"),
    ("Ferries\n\n“We will sail again,” as Captain Ines Varga put it on Monday.", "sail again", "Ines Varga"),
    ("Ferries\n\nAs Ines Varga noted in a letter to the council in March, the quay is “a ruin with a timetable.”",
     "a ruin with a timetable", "Ines Varga"),
])
def test_as_someone_put_it_or_said_it_says_whose_words_follow(text, fragment, speaker):
    assert speaker in (_speaker_of(_quotes(text), fragment) or "")


def test_putting_a_thing_somewhere_and_as_expected_say_nothing():
    quotes = _quotes("Ferries\n\nThe council put the plan on the table. As expected, the quay is “a ruin with a timetable.”")
    assert _speaker_of(quotes, "a ruin with a timetable") is None
    assert not (quotes["cue"] == "put").any()


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Ferries\n\nWhen the council blamed her for the delays, Ines Varga shot back, “I warned you in May.”", "warned you", "Ines Varga"),
    ("Ferries\n\n“The quay was never safe,” the harbour master fired back.", "never safe", "harbour master"),
    ("Ferries\n\nAlan Grieve confided to a friend that the ferries were “finished for good.”", "finished for good", "Alan Grieve"),
])
def test_answering_back_and_confiding_are_cues(text, fragment, speaker):
    assert speaker in (_speaker_of(_quotes(text), fragment) or "")


def test_firing_back_at_soldiers_and_pushing_back_a_date_are_no_cues():
    quotes = _quotes("Clashes\n\nThe rebels fired back at the soldiers near the “green line”. The council pushed back the vote.")
    assert not quotes["cue"].fillna("").str.contains("back").any(), quotes[["text", "cue"]]


def test_three_apostrophes_close_a_quote_within_an_archive_quote():
    text = ("Email\n\nAlan Grieve said he had been flooded with email. ''Some write, 'Go back to your own town,''' said "
            "Mr. Grieve, who was born in Lenton. ''This is my town.''")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "Go back to your own town") == "Alan Grieve"
    assert _speaker_of(quotes, "This is my town") == "Alan Grieve"
    assert not quotes["text"].str.contains("said Mr. Grieve", regex=False).any(), quotes["text"].tolist()


def test_the_agent_of_a_passive_telling_verb_speaks_and_the_one_told_does_not():
    quotes = _quotes("Ferries\n\nVarga was told by the harbour master that the quay was unsafe. Grieve was asked by Ines "
                     "Okafor whether the ferries would run in May. Varga was quoted by Reuters as saying the toll was unfair.")
    assert "harbour master" in (_speaker_of(quotes, "the quay was unsafe") or "")
    assert _speaker_of(quotes, "the ferries would run") == "Ines Okafor"
    assert _speaker_of(quotes, "the toll was unfair") == "Varga"


def test_questioning_and_pressing_after_a_quote_are_cues_and_the_nouns_are_not():
    quotes = _quotes("Toll\n\n“What made him change?” Grieve questioned. “Would the toll be negotiable?” Okafor pressed.\n\n"
                     "The question of “fairness” remains, and the press called the toll “a tax”.")
    assert _speaker_of(quotes, "What made him change") == "Grieve"
    assert _speaker_of(quotes, "negotiable") == "Okafor"
    assert _speaker_of(quotes, "fairness") is None
    assert (quotes.loc[quotes["text"] == "a tax", "cue"].fillna("") != "press").all()


@pytest.mark.parametrize("after", ["US Senator Ines Varga said.", "Ines Varga said as she opened the count.",
                                   "Ines Varga told reporters while the count went on."])
def test_a_titled_name_or_a_cue_going_on_with_a_time_after_an_exclamation_attributes_it(after):
    quotes = _quotes(f"Vote\n\n“Lenton is proud to cast its votes!” {after}")
    assert _speaker_of(quotes, "proud to cast") == "Ines Varga"


def test_a_name_that_says_something_else_after_an_exclamation_does_not():
    quotes = _quotes("Vote\n\n“Lenton is proud!” Ines Varga said that the count was over.")
    assert _speaker_of(quotes, "Lenton is proud") is None


def test_interjecting_before_a_quote_is_a_cue():
    quotes = _quotes("Debate\n\nAs the mayor spoke, Okafor interjected, “Ladies and gentlemen, the toll is a tax.”")
    assert _speaker_of(quotes, "the toll is a tax") == "Okafor"


def test_a_name_given_with_a_comma_inside_its_marks_is_a_title_not_a_quote():
    quotes = _quotes('Robots\n\nThe Lenton team\'s robot, named "Better Idea of Lenton Girls," scored two points. The report, '
                     'titled "Fragile Ground," came out on Monday.\n\n"The Port Will Rise," the mayor said.')
    kinds = dict(zip(quotes["text"], quotes["kind"]))
    assert kinds["Better Idea of Lenton Girls,"] == "scare" and kinds["Fragile Ground,"] == "scare"
    assert kinds["The Port Will Rise,"] == "direct"


@pytest.mark.parametrize("after", [
    "Odile Brandt, a hydrologist at the University of Lower Saxony in Hanover, told reporters.",
    "Odile Brandt, who has mapped the river basin for twenty years, said on Monday.",
])
def test_a_long_description_of_the_speaker_between_name_and_verb_still_attributes_the_quote(after):
    text = f"“The dikes were built for a smaller river. Nobody planned for this much rain,” {after}"
    assert _speaker_of(_quotes(text), "Nobody planned") == "Odile Brandt"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Ines Marsh, who chairs the parents' association, said in a letter that the cuts were “a betrayal of every "
     "family in the district.”", "a betrayal", "Ines Marsh"),
    ('The council leader, Tomas Greer, wrote in a memo on Friday that "the budget cannot carry another library."',
     "cannot carry", "Tomas Greer"),
])
def test_a_that_clause_hung_on_the_statement_noun_is_still_reported_by_the_verb(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_proclaiming_before_a_quote_is_a_cue():
    text = "At the rally, Dara Quinlan proclaimed from the stage, “No branch will close while I am mayor.”"
    assert _speaker_of(_quotes(text), "No branch will close") == "Dara Quinlan"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("On Monday, Greta Holm visited the shipyard and praised the welders, saying, “This yard builds the best ferries "
     "in the Baltic.”", "best ferries", "Greta Holm"),
    ("Omar Lindqvist toured the ward, shaking hands with nurses and promising them that the hospital would get "
     "“every krona it needs.”", "every krona", "Omar Lindqvist"),
])
def test_a_cue_at_the_end_of_a_chain_of_conjoined_verbs_and_participles_has_their_subject(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_being_encouraged_to_suggest_something_is_no_attribution():
    text = "Residents were encouraged to send in their drawings and suggest what the new square should be called."
    assert _quotes(text).empty


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Ingrid Brandt rejected the notion that the old dam should be a thing of the past, saying that if the inspectors "
     "“found a crack, we would close it.”", "found a crack", "Ingrid Brandt"),
    ("Pavel Sorin welcomed the report that the port would reopen, saying that the dockers “have waited long enough "
     "for good news.”", "waited long enough", "Pavel Sorin"),
])
def test_a_participle_set_off_after_an_object_belongs_to_the_subject(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_a_surname_the_model_takes_for_a_body_keeps_its_first_person_words():
    text = ("Governor Ruth Abernathy toured the flooded valley on Monday and promised new levees.\n\n"
            "A baker on the high street lost his ovens. “I don’t see how anyone can rebuild here without help,” "
            "Okonkwo said.")
    assert _speaker_of(_quotes(text), "rebuild here") == "Okonkwo"


def test_an_outlet_that_says_first_person_words_relays_the_person_named_before():
    text = ("Governor Ruth Abernathy toured the flooded valley on Monday.\n\n"
            "“I think the levees will hold this time, but we need more pumps,” Valley News Radio reported.")
    assert _speaker_of(_quotes(text), "levees will hold") == "Ruth Abernathy"


@pytest.mark.parametrize("first,gap,second,speaker", [
    ("The ferry will run again by May,", "port manager Aoife Kinsella told the Connacht Tribune on Monday, after "
     "Transport Minister Liam Doherty announced new funding for the pier.", "We have the money now.", "Aoife Kinsella"),
    ("This town never forgets its boxers,", "said Marco Bellini, who has coached at the Via Roma club since 1998 — a "
     "club that once trained two Olympic champions and still runs free classes for children every Saturday morning "
     "in the old market hall beside the river.", "We keep their gloves on the wall.", "Marco Bellini"),
])
def test_a_follow_on_quote_keeps_the_speaker_after_a_scene_clause_or_a_long_description(first, gap, second, speaker):
    text = f"The club reopened last week.\n\n“{first}” {gap} “{second}”"
    quotes = _quotes(text)
    assert _speaker_of(quotes, first[:20]) == speaker
    assert _speaker_of(quotes, second[:15]) == speaker


@pytest.mark.parametrize("text,fragment,speaker", [
    ("The town voted on Tuesday.\n\n“The mill will never reopen, whatever the governor says,” said a Vermont Republican, "
     "who asked not to be named.", "mill will never", "Vermont Republican"),
    ("The talks resumed.\n\n“We are running out of bread and water,” one Sudanese told the agency by telephone.",
     "running out of bread", "Sudanese"),
    ("The count went on overnight.\n\n“The vote is lost, and everyone in the room knows it,” added a North Dakota Democrat. "
     "“Nobody will say so in public.”", "Nobody will say", "North Dakota Democrat"),
])
def test_one_unnamed_member_of_a_party_or_people_is_the_speaker_as_described(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


@pytest.mark.parametrize("text,fragment,speaker", [
    ('Ms. Halvorsen, exasperated, famously responded: "What difference - at this late hour, what difference does it '
     'make?"', "at this late hour", "Halvorsen"),
    ('Obama, amused, calmly answered: "What deadline - at this hour, what deadline is left?"', "what deadline is left",
     "Obama"),
])
def test_a_cue_the_parser_hangs_on_an_inserted_word_has_the_subject_before_it(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


@pytest.mark.parametrize("text,fragment,speaker", [
    ("The harbour, Ines Vidal said, has become “a car park with a few boats in it.”", "car park", "Ines Vidal"),
    ("In fairness, Tomas Brandt said, the council had “no money left for the pier.”", "no money left", "Tomas Brandt"),
])
def test_a_speech_verb_set_off_by_commas_inside_the_sentence_frames_its_quote(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_an_aside_after_the_quote_or_without_a_subject_frames_nothing():
    quotes = _quotes("The pier, as expected, has become “a car park with a few boats in it.”")
    assert _speaker_of(quotes, "car park") is None


def test_a_split_quote_goes_on_after_a_long_description_of_its_speaker():
    text = ("The port reopened on Monday.\n\n“The river was never this low in my lifetime,” said Henrietta Olsen, "
            "professor of hydrology at the University of Bergen in western Norway, “and it will get lower still.”")
    assert _speaker_of(_quotes(text), "lower still") == "Henrietta Olsen"


def test_a_person_named_inside_a_scene_clause_of_the_attribution_does_not_take_the_next_quote():
    text = ("The county has paved more roads than any other.\n\n“Roads, roads, roads,” Ms. Dunmore said on “The Evening "
            "Hour With Carl Brandt” last week when asked what Mr. Dunmore would build first. “Nobody paved more of "
            "this county than he did.”")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "Roads, roads") == "Dunmore"
    assert _speaker_of(quotes, "Nobody paved") == "Dunmore"


def test_citing_an_event_names_no_source_but_citing_figures_from_a_body_does():
    text = ("The herring boats came back in April.\n\nThe town \"has turned the corner at last,\" Mayor Aldo Ferri said "
            "in May, citing the return of the herring boats and Ines Roca's new cannery on the quay.")
    quotes = _quotes(text)
    assert "Ines Roca" not in set(quotes["speaker"].dropna()), quotes[["text", "speaker"]]
    figures = _quotes("The death toll from the floods rose to 40 on Friday, citing figures from the Health Ministry.")
    assert set(figures.loc[figures["speaker_rule"] == "cite", "speaker"]) == {"Health Ministry"}


@pytest.mark.parametrize("text,fragment,speaker", [
    # words in part that no speech verb frames belong to the nearest subject above them who may speak:
    # not the bridge, but the mayor who worried about it
    ("Mayor Tove Lindqvist worried that the new bridge was turning into “a monument to wasted money and broken "
     "promises.” Work stopped in May.", "a monument to wasted", "Tove Lindqvist"),
    ("Councillor Ama Boateng has cautioned against “a rushed decision that nobody in this town will forgive” on "
     "the ferry.", "a rushed decision", "Ama Boateng"),
    ("On the quay, harbour master Pieter Claes shrugged off the delay as “one more winter of waiting for the "
     "dredgers to turn up.”", "one more winter", "Pieter Claes"),
])
def test_words_in_part_with_no_cue_belong_to_the_subject_of_the_clause_above_them(text, fragment, speaker):
    quotes = _quotes(text)
    assert _speaker_of(quotes, fragment) == speaker
    assert quotes.loc[quotes["text"].str.contains(fragment, regex=False), "speaker_rule"].iloc[0] == "clause_subject"


def test_words_in_part_whose_clause_has_no_one_to_speak_stay_unresolved():
    # a thing, a placeholder "it" or a passive verb names nobody whose words these are
    for text, fragment in [
        ("The new timetable turned the crossing into “a source of daily misery for the commuters on both islands.”", "daily misery"),
        ("It is the old pull of the mayor's “every child a swimmer by ten years old” promise.", "every child"),
    ]:
        assert _speaker_of(_quotes(text), fragment) is None, text


@pytest.mark.parametrize("text,fragment,speaker", [
    # most outlets print a typographic apostrophe; the model reads the name as it reads "O'Keeffe"
    ("“The tide tables were wrong all winter,” O’Keeffe said. “Nobody checked them.”", "Nobody checked", "O’Keeffe"),
    ("Asked about the quay, N’Diaye replied, “We will rebuild it before the herring season.”", "We will rebuild", "N’Diaye"),
])
def test_a_name_written_with_a_typographic_apostrophe_is_read_as_a_name(text, fragment, speaker, tmp_path):
    assert _speaker_of(_quotes(text), fragment) == speaker
    (tmp_path / "a.txt").write_text("Quay\n\n" + text + "\n", encoding="utf-8")
    tables = sl.parse(sl.load_corpus(tmp_path), progress=False)
    # the apostrophe is read, never rewritten: the entity's text is the article's own
    assert speaker in set(tables.entities["text"]), tables.entities[["text", "label"]]


@pytest.mark.parametrize("text,fragment,speaker", [
    # the parser hangs the cue on a participle or a clause of its own and leaves it no subject: the name
    # that opens the frame speaks
    ("But Rep. Maria Lund (R-Ore.), citing the cost of the dredging, said, “We cannot afford another winter of "
     "this.”", "another winter", "Maria Lund"),
    ("Councillor Bram Keller, who chairs the ferry board, praised the crews for showing “a calm that saved lives "
     "on the night.”", "a calm that saved", "Bram Keller"),
])
def test_a_cue_the_parser_left_without_a_subject_takes_the_name_that_opens_its_frame(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_a_cue_without_a_subject_never_takes_a_name_from_the_quoted_words_or_a_reported_clause():
    quotes = _quotes("As the historian Edda Wendt once put it, “Harbour pilots should remember that the river "
                     "always wins in the end.”")
    assert _speaker_of(quotes, "river always wins") in (None, "Edda Wendt")
    quotes = _quotes("Even a veteran pilot said Mayor Okafor will have to pick a side, saying, “At some point she has "
                     "to come out and say where she stands on the dredging.”")
    assert _speaker_of(quotes, "At some point") != "Okafor"


def test_the_party_member_named_with_the_is_the_politician_spoken_of_last():
    quotes = _quotes("Senator Tom Hale toured the flooded dam on Monday. The Wisconsin Republican says the repairs "
                     "are certain to be delayed by the floods.")
    assert _speaker_of(quotes, "repairs are certain") == "Tom Hale"
    quotes = _quotes("Ines Carvalho spoke first. “The budget is a disgrace and we will vote against it,” the Ohio "
                     "Democrat said on Tuesday. Martin Ode followed her. “It is fair,” the Conservative said.")
    assert _speaker_of(quotes, "budget is a disgrace") == "Ines Carvalho"
    assert _speaker_of(quotes, "It is fair") == "Martin Ode"
    # the party's members together are a group, and one member named with "a" is an unnamed source
    quotes = _quotes("Senator Tom Hale toured the dam on Monday. The Republicans say the repairs will be delayed.")
    assert _speaker_of(quotes, "repairs will be delayed") != "Tom Hale"
    quotes = _quotes("Senator Tom Hale toured the dam on Monday. “It was a shambles,” said a Wisconsin Republican.")
    assert _speaker_of(quotes, "shambles") != "Tom Hale"


@pytest.mark.parametrize("text,fragment", [
    ("''The ferry will run again by spring,'' said Lotte Brandt, the harbour master. ''We have crews ready in every "
     "port from here to Varna,'' which reopens in May.", "crews ready"),
    ("“The ferry will run again by spring,” said Lotte Brandt, the harbour master. “We could win enough votes in Varna "
     "and Lenton to catch up, and we have good chances all the way through Ostra,” which votes June 7.", "good chances"),
])
def test_a_relative_clause_after_the_closing_mark_is_no_frame_of_the_quote(text, fragment):
    # the clause is about the last place quoted ("Ostra ... which votes"), never who speaks
    assert _speaker_of(_quotes(text), fragment) == "Lotte Brandt"


@pytest.mark.parametrize("text,fragment,speaker", [
    # an aside "as X said" before words quoted whole: the aside hangs on the quoted words' own verb
    ("The port never closes. As harbour master Ines Roca said last week in Varna, “This quay has not been empty "
     "for a single night since 1998.” Ships still queue.", "has not been empty", "Ines Roca"),
    ("As Mayor Piet Olsen put it on Monday, “the bridge is a promise we cannot break.”", "a promise we cannot", "Piet Olsen"),
    ("As Mayor Piet Olsen put it on Monday, “The bridge is a promise we cannot break, and we will keep it.”",
     "we will keep it", "Piet Olsen"),
])
def test_an_as_aside_before_words_quoted_whole_names_their_speaker(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def _parsed(words, heads, deps, pos, ents):
    """A doc with the parse given (the small model's parses of such sentences vary with the words)."""
    from spacy.tokens import Doc

    from s400lib.core.nlp import load_nlp

    return Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_name_that_qualifies_a_role_is_whom_the_role_serves_not_its_holder():
    from s400lib.extract.quotes import _name_left_of
    from s400lib.extract.speakers.mentions import name_served

    # "Dora Lind, a top outside Clinton adviser, said": the parser left "said" no subject and hung "Dora
    # Lind" elsewhere; the person just before the verb is Clinton, whom the adviser serves
    words = ["Dora", "Lind", ",", "a", "top", "outside", "Clinton", "adviser", ",", "said", "so", "."]
    heads = [1, 9, 1, 4, 1, 4, 7, 5, 1, 9, 9, 9]
    deps = ["compound", "dep", "punct", "det", "appos", "prep", "compound", "pobj", "punct", "ROOT", "advmod", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "NOUN", "PUNCT", "VERB", "ADV", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O"]
    doc = _parsed(words, heads, deps, pos, ents)
    assert name_served(doc[6]).text == "adviser"
    assert name_served(doc[1]) is None and name_served(doc[0]) is None
    left = _name_left_of(doc[9])
    assert left is None or left.text != "Clinton"


@pytest.mark.parametrize("text,fragment,speaker", [
    # the aside after a clause of two verbs, which the parser joins to them as a third
    ("In nearby Mobile, the old shipyard is hanging on, but it is under heavy pressure from imports, said the "
     "firm's chief executive, John Ferris.", "under heavy pressure from imports", "John Ferris"),
    # a frame after a fronted time, which the parser hangs on the frame and the frame on the clause
    ("At times last year, people close to the mayor said, the mere mention of the budget could make him angry.",
     "could make him angry", "people"),
])
def test_a_frame_the_parser_joined_to_the_clause_it_reports_still_reports_it(text, fragment, speaker):
    row = _report(_quotes(text), fragment)
    assert row["speaker"] == speaker
    assert row["kind"] == "indirect"
    assert "said" not in row["text"]


def test_a_paragraph_labelled_with_a_speakers_name_is_that_speakers():
    text = ("Ines Roca: the harbour will reopen before winter.\n\n"
            "Harbour master Ines Roca spoke to the radio on Monday.\n\n"
            "HOST: Will the ferries run again soon?\n\n"
            "ROCA: Yes, the first one sails on the tenth.\n\n"
            "Note: the interview was shortened for length.\n\n"
            "VARNA: The port authority met the unions on Tuesday.")
    quotes = _quotes(text)
    headline = _report(quotes, "reopen before winter")
    assert (headline["speaker"], headline["kind"], headline["speaker_rule"]) == ("Ines Roca", "indirect", "label")
    answer = _report(quotes, "first one sails")
    assert (answer["speaker"], answer["kind"]) == ("Ines Roca", "direct")
    # an editor's note, a dateline and words that name the labelled person are no one's
    assert not quotes["text"].str.contains("shortened|met the unions", regex=True).any()


def test_a_label_over_words_that_name_the_labelled_person_is_a_heading():
    text = ("Ines Roca: ferries\n\nOn her website, Ines Roca calls for more ferries to the islands.\n\n"
            "Ines Roca: On her website, Roca calls for more ferries to the islands.")
    assert not (_quotes(text)["speaker_rule"] == "label").any()


@pytest.mark.parametrize("text,fragment,speaker", [
    # "the" read as a pronoun at a paragraph's end leaves "to" no object; the name closing the aside is the source
    ("The ferry was held in port last week.\n\nIt is now allowed to sail again, according to the F.A.A.\n\n"
     "Few owners keep more than one boat.", "allowed to sail again", "F.A.A."),
    # a verb of saying that reports no clause ("found himself in") is not the speaker's own report
    ("Mayor Olsen, however, has found himself in the same legal bind, according to spokesperson Ida Berg.",
     "same legal bind", "Ida Berg"),
    # the aside inside a relative clause: what the source says is the clause after it
    ("The towns kept a rule of closing the pier at dusk which, according to Reuters, the fishermen have long resented.",
     "the fishermen have long resented", "Reuters"),
])
def test_according_to_a_source_closing_an_aside_credits_the_source(text, fragment, speaker):
    row = _report(_quotes(text), fragment)
    assert row["speaker"] == speaker
    assert "according" not in row["text"]


def test_according_to_a_name_that_runs_on_into_the_clause_takes_no_name_from_the_clause():
    text = ("According to Rathbun the Scientology property in question was returned by mail to the organization by "
            "Montalvo shortly after he left.")
    assert "Scientology" not in _quotes(text)["speaker"].dropna().tolist()


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Late on Friday, a fundraising email sent out by the Lind campaign warned of a hard month ahead: "
     "“There are nine votes in the next four weeks.”", "nine votes", "Lind"),
    ("To sell the tours, Ines Roca released a promotional video that said, “Every guide is a local fisherman.”",
     "Every guide is a local", "Ines Roca"),
    ("A letter signed by Mayor Piet Olsen warned that “the old pier is unsafe for ferries.”", "unsafe for ferries",
     "Piet Olsen"),
])
def test_an_email_a_video_or_a_signed_letter_speaks_for_who_sent_it(text, fragment, speaker):
    row = _report(_quotes(text), fragment)
    assert speaker in str(row["speaker"])
    assert str(row["speaker_rule"]).startswith("document")


def test_words_announced_as_from_someones_post_are_that_persons():
    text = ("Aides say the harbour master will back the plan. From Ines Roca's Facebook post: “For the sake of the town, "
            "we must keep the ferries running all winter.”")
    assert _speaker_of(_quotes(text), "keep the ferries running") == "Ines Roca"
    # a phrase of time before the colon names no one
    assert _speaker_of(_quotes("From the outset: “We knew the pier would not hold.”"), "pier would not hold") is None


@pytest.mark.parametrize("text,fragment,speaker", [
    ('Harbour master Ines Roca said the new quay, though late, was "worth every euro we spent on it".',
     "worth every euro", "Ines Roca"),
    ("The fishermen's union said its members had been “treated like cargo” by the port board.", "treated like cargo",
     "union"),
])
def test_words_quoted_inside_the_speakers_own_report_are_part_of_that_statement(text, fragment, speaker):
    from s400lib.core.statements import statements

    quotes = _quotes(text)
    partial = quotes[(quotes["kind"] == "partial") & quotes["text"].str.contains(fragment, regex=False)].iloc[0]
    report = quotes[(quotes["kind"] == "indirect") & quotes["text"].str.contains(fragment, regex=False)].iloc[0]
    # the words quoted keep their row, held by the report they are part of: one statement, counted once
    assert partial["nested_in"] == report["quote_id"] and speaker in str(report["speaker"])
    held = statements(quotes)
    assert report["quote_id"] in set(held["quote_id"]) and partial["quote_id"] not in set(held["quote_id"])


def test_someone_elses_words_quoted_inside_a_report_stand_alone():
    from s400lib.core.statements import statements

    text = ("Mayor Piet Olsen said the pier was sound, although union leader Ruth Okafor had called it “a gift to "
            "the shipowners.”")
    quotes = _quotes(text)
    gift = quotes[quotes["text"].str.contains("a gift to the shipowners", regex=False) & (quotes["kind"] != "indirect")]
    assert len(gift) == 1 and gift["speaker"].iloc[0] == "Ruth Okafor" and pd.isna(gift["nested_in"].iloc[0])
    assert gift["quote_id"].iloc[0] in set(statements(quotes)["quote_id"])


@pytest.mark.parametrize("text,fragment,speaker", [
    ("The museum opened its doors to 40 events, according to spokesman Tod Mesner.\n\n“Perpetual motion!” Rep. Ann "
     "Boswell, D-Ore., said of the swirl of convention parties.", "Perpetual motion", "Ann Boswell"),
    ("Intro text here.\n\n“What a week!” Sen. Piet Olsen, R-Idaho, told reporters.", "What a week", "Piet Olsen"),
])
def test_a_party_and_state_tag_after_the_name_is_no_word_of_the_frame(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


@pytest.mark.parametrize("text,fragment,speaker", [
    ("The issue had come up Friday after Mr. Olsen, asked about the closures of harbours under Mr. Marsh, had said, "
     "''I think our town does plenty of closing also.''", "plenty of closing", "Olsen"),
    ("Ms. Okafor, whose latest start-up, Portdata, uses big data to help ports find ships, said Mr. Olsen was a "
     "candidate very much in the spirit of the coast: ''He's a start-up kind of guy.''", "start-up kind of guy", "Okafor"),
    ("Olsen, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about which of the two "
     "candidates is \"prepared to take on the establishment.\"", "prepared to take on", "Olsen"),
])
def test_a_name_set_off_before_a_description_speaks_through_the_cue_after_it(text, fragment, speaker):
    assert _speaker_of(_quotes(text), fragment) == speaker


def test_a_place_described_before_the_cue_does_not_speak():
    quotes = _quotes("In Varna, which lost its ferry last year, officials said: “It will sail again.”")
    assert _speaker_of(quotes, "It will sail again") == "officials"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("As reported by the Lenton Post, last year Varna became the first port in the country to ban cruise ships.",
     "Varna became the first port", "Lenton Post"),
    ("As first reported by Reuters, the ministry has found over 2,200 letters containing secrets.",
     "the ministry has found", "Reuters"),
])
def test_as_reported_by_a_source_frames_the_clause_after_it(text, fragment, speaker):
    row = _report(_quotes(text), fragment)
    assert row["speaker"] == speaker and "reported" not in row["text"]


def test_who_said_how_much_counts_a_statement_once(tmp_path):
    from s400lib.viz.quote_views import quote_counts

    (tmp_path / "a.txt").write_text(
        "Harbour master Ines Roca said the new quay, though late, was “worth every euro we spent on it”.\n\n"
        "“The ferries will run all winter,” Roca added.\n", encoding="utf-8")
    tables = sl.parse(str(tmp_path), progress=False)
    kinds = tables.quotes.loc[tables.quotes["speaker"] == "Ines Roca", "kind"].tolist()
    # three rows of hers (the report, the words quoted inside it, the direct quote), two statements
    assert sorted(kinds) == ["direct", "indirect", "partial"]
    assert quote_counts(tables).loc["Ines Roca", "total"] == 2
