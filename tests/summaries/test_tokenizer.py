"""Our sumy tokenizer: sentences verbatim, words without NLTK data."""

from __future__ import annotations

from sumy.parsers.plaintext import PlaintextParser

from summaries.document import build_document
from summaries.tokenizer import NewsTokenizer


def test_sentences_are_verbatim_and_know_abbreviations() -> None:
    text = 'Gen. Oleksandr Syrskyi spoke on Monday. "We advance," he said. U.S. officials agreed.'
    assert NewsTokenizer().to_sentences(text) == (
        "Gen. Oleksandr Syrskyi spoke on Monday.",
        '"We advance," he said.',
        "U.S. officials agreed.",
    )


def test_words_are_letters_only_and_apostrophes_are_normalised() -> None:
    words = NewsTokenizer().to_words("Profits jumped 76% to $1.13bn, Kyiv’s year-earlier don’t")
    assert words == ("Profits", "jumped", "to", "Kyiv's", "year-earlier", "don't")


def test_sumy_parser_works_offline_with_it() -> None:
    text = "First paragraph here. It has two sentences.\n\nSecond paragraph stands alone."
    document = PlaintextParser.from_string(text, NewsTokenizer()).document
    assert [str(s) for s in document.sentences] == [
        "First paragraph here.",
        "It has two sentences.",
        "Second paragraph stands alone.",
    ]


def test_a_headline_never_glues_onto_the_first_sentence() -> None:
    text = (
        "Ukraine Forces Advance Into Kursk Border Town\n"
        "Ukrainian forces pushed deeper into the Kursk region on Tuesday, officials said.\n\n"
        "Russia declared a state of emergency in the region after the attack."
    )
    document = build_document(text)
    assert document.title == "Ukraine Forces Advance Into Kursk Border Town"
    assert [s.source.text for s in document.candidates] == [
        "Ukrainian forces pushed deeper into the Kursk region on Tuesday, officials said.",
        "Russia declared a state of emergency in the region after the attack.",
    ]
    for s in document.candidates:
        assert text[s.source.start : s.source.end] == s.source.text
