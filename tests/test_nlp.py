"""The shared spaCy pipeline: tokenizer cache priming around memory zones."""

from __future__ import annotations

import spacy

from s400lib.core import nlp as nlp_module
from s400lib.core.nlp import PRIME_TEXTS, prime_tokenizer

TEXTS = [
    "Ms. Okafor's co-op can't re-open before 9:30 a.m., the mayor's office said on e-mail.",
    "“We won't sign,” the union's spokeswoman, Dana Wexler-Hart, told reporters (again).",
]


def test_primed_tokens_equal_unprimed_tokens_inside_a_zone():
    plain = spacy.blank("en")
    primed = spacy.blank("en")
    prime_tokenizer(TEXTS, primed)
    with primed.memory_zone(), plain.memory_zone():
        for text in TEXTS:
            assert [t.text for t in primed.tokenizer(text)] == [t.text for t in plain.tokenizer(text)]
            assert [t.idx for t in primed.tokenizer(text)] == [t.idx for t in plain.tokenizer(text)]


def test_priming_keeps_the_words_of_the_first_texts_only_up_to_the_limit():
    blank = spacy.blank("en")
    words = [f"zorblat{i}" for i in range(PRIME_TEXTS + 5)]
    prime_tokenizer(words, blank)
    assert nlp_module._primed[blank] == PRIME_TEXTS
    assert f"zorblat{PRIME_TEXTS - 1}" in blank.vocab.strings
    assert f"zorblat{PRIME_TEXTS}" not in blank.vocab.strings
    prime_tokenizer(["quibbleworth"], blank)  # the limit is reached: nothing more is kept
    assert "quibbleworth" not in blank.vocab.strings


def test_priming_inside_a_memory_zone_does_nothing():
    blank = spacy.blank("en")
    with blank.memory_zone():
        prime_tokenizer(["flumpington"], blank)
    assert nlp_module._primed.get(blank, 0) == 0
    assert "flumpington" not in blank.vocab.strings


def test_a_quoted_exclamation_or_question_does_not_end_the_sentence_before_a_lower_case_word():
    from s400lib.core.nlp import annotate, make_doc

    text = ('Dockers sang "Free the port!" and "Open the gates!" until dusk. '
            '“Who pays for this?” asked a shopkeeper. “Leave now!” the sergeant barked at them.\n\nnext line')
    doc = next(annotate([make_doc(text, [text.index("next")])]))
    assert [s.text for s in doc.sents] == [
        'Dockers sang "Free the port!" and "Open the gates!" until dusk.',
        "“Who pays for this?” asked a shopkeeper.",
        "“Leave now!” the sergeant barked at them.\n\n",
        "next line",  # a paragraph start still starts a sentence
    ]


def test_no_sentence_starts_right_after_a_word_before_a_lower_case_one(tmp_path):
    # the small model cut this paragraph after its first word ("Coastal | villages on Friday ..."); a
    # sentence starts after an end mark or a line break
    import s400lib as sl

    (tmp_path / "a.txt").write_text("Quotas\n\nCoastal villages on Friday rejected the new quotas.\n", encoding="utf-8")
    sentences = sl.parse(sl.load_corpus(tmp_path), progress=False).sentences["text"].tolist()
    assert sentences == ["Quotas", "Coastal villages on Friday rejected the new quotas."]
