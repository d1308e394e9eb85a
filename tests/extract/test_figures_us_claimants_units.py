"""Issue 19, stop 26: claimants and units of real figures on US news pages: a study named with
its year ("One 2004 study ... found"), "the analysis showed", an age written as a description
(nobody's claim), a rate over a round base ("2.54 per 1 million") and "an 11-nominated movie".
Sentences from the stories_dev tune half, the released half A of the Multi-News figure review
set, quotes_dev's tune half and bbc_dev's tune half."""

from __future__ import annotations

import pytest

from bot.extract import analyse
from bot.model import Figure


def _figure(text: str, surface: str) -> Figure:
    found = [f for f in analyse(text).figures if f.surface.startswith(surface)]
    assert found, [f.surface for f in analyse(text).figures]
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        (
            "One 2004 study conducted by researchers at the University of Chicago Graduate School"
            " of Business found that job applicants with names that sound white receive 50 percent"
            ' more callbacks than applicants with "black" names.',
            "50 percent",
            "One study",
        ),
        (
            "-One poll shows Ted Cruz 16 points ahead of Trump in Indiana.",
            "16 points",
            "One poll",
        ),
        (
            "The analysis showed that the overall suicide rate remained stable during the 20-year "
            "period, going from 1.18 per one million to 1.09 per million.",
            "1.18",
            "The analysis",
        ),
        (
            "A study found that 40 percent of children were poor.",  # as before
            "40 percent",
            "A study",
        ),
    ],
)
def test_a_document_named_by_its_kind_claims_the_figure(
    text: str, surface: str, claimant: str
) -> None:
    assert _figure(text, surface).claimant == claimant


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "Authorities have said they do not know how 26-year-old nurse Nina Pham was infected,"
            " but they suspect some kind of breach in the hospital's protocol.",
            "26-year-old",
        ),
        (
            "Police said a 19-year-old man from Camberley was arrested.",
            "19-year-old",
        ),
    ],
)
def test_an_age_written_as_a_description_is_nobodys_claim(text: str, surface: str) -> None:
    assert _figure(text, surface).claimant is None


def test_an_age_in_a_quote_stays_the_speakers() -> None:
    text = '"I don\'t think I would take a five or six-year-old to this," George Lucas said.'
    assert _figure(text, "five or six-year-old").claimant == "George Lucas"


@pytest.mark.parametrize(
    ("text", "surface", "value", "low", "high", "unit"),
    [
        (
            "However, the suicide rate increased significantly in black children (from 1.36 to "
            "2.54 per 1 million; IRR = 1.27; 95% CI, 1.11-1.45).",
            "1.36 to 2.54",
            None,
            1.36,
            2.54,
            "per million",
        ),
        (
            "That's better than five years earlier, but still far worse than China's 27 per "
            "100,000 or the United States' 14 per 100,000, according to UNICEF.",
            "14",
            14.0,
            None,
            None,
            "per 100,000",
        ),
        (
            "This means he is banned from attending the Oscars even though he is one of the stars "
            "from Hugo, Paramount’s 11-nominated movie and Best Picture contender.",
            "11",
            11.0,
            None,
            None,
            "nominations",
        ),
    ],
)
def test_the_unit_is_what_is_counted(
    text: str,
    surface: str,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str,
) -> None:
    f = _figure(text, surface)
    assert (f.value, f.low, f.high, f.unit) == (value, low, high, unit)


def test_a_rate_base_is_no_second_figure() -> None:
    """ "1.18 per one million to 1.09 per million": no range from a million down to 1.09."""
    text = (
        "The analysis showed that the overall suicide rate remained stable during the 20-year "
        "period, going from 1.18 per one million to 1.09 per million."
    )
    figures = analyse(text).figures
    assert not any(f.value == 1e6 or f.low == 1e6 or f.high == 1e6 for f in figures)
    assert [(f.low, f.high, f.unit) for f in figures if f.unit == "per million"] == [
        (1.18, 1.09, "per million")
    ]


def test_a_measured_base_stays_a_measure() -> None:
    text = "He ran 3 per 100 metres."
    assert "per 100" not in (_figure(text, "3").unit or "")


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        (  # a title's full stop is no end of the source (was "Mr")
            "According to Mr. Biden's financial disclosure form, he earned $15.6 million in 2017.",
            "$15.6 million",
            "Mr. Biden",
        ),
        (  # the owner of a disclosure form is its source, as of a body's own figures
            "Mr. Biden's financial disclosure form shows he earned $15.6 million in 2017.",
            "$15.6 million",
            "Biden",
        ),
        (  # when the document was filed is no part of its name (was "Friday")
            "The couple earned $11 million, according to a financial disclosure filed Friday.",
            "$11 million",
            "a financial disclosure",
        ),
        (
            "A Des Moines Register/Bloomberg Politics poll released Saturday found that 28 percent"
            " of likely Republican caucusgoers supported Mr. Trump, while 23 percent favored Mr."
            " Cruz and 15 percent backed Senator Marco Rubio of Florida.",
            "23 percent",
            "A Des Moines Register/Bloomberg Politics poll",
        ),
        (  # a relative clause between the subject and its verb
            "Union minister Shripad Naik, who released the booked recently ahead of the "
            "International Day for Yoga on June 21, said it was published three years ago and is"
            " a compilation of yoga practices that are believed to help pregnant women.",
            "three years",
            "Shripad Naik",
        ),
    ],
)
def test_the_source_named_whole(text: str, surface: str, claimant: str) -> None:
    assert _figure(text, surface).claimant == claimant


def test_a_possessive_fragment_is_no_claimant() -> None:
    text = (
        "Editor’s note: Donald Trump is a serial liar, rampant xenophobe, racist, misogynist,"
        " birther and bully who has repeatedly pledged to ban all Muslims — 1.6 billion members"
        " of an entire religion — from entering the U.S."
    )
    assert _figure(text, "1.6 billion").claimant is None


def test_a_relative_clause_with_its_own_speech_verb_names_no_one_before_it() -> None:
    text = (
        "Obama, who has gotten less credit than aides say he deserves for the progress of the"
        " last seven years."
    )
    assert _figure(text, "seven years").claimant is None


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "But on Wednesday, at 38, she was released, pending a new trial that was granted in "
            "March by the Indiana Court of Appeals.",
            "38",
        ),
        (
            "“I do have nephews, and nieces,” Perez said, “one who is 7, the other who just "
            "turned 2.",
            "2",
        ),
        (
            "The lawsuit claims that Richards raped his daughter, now 11, in 2005 when she was three.",
            "three",
        ),
        ("There is no provision whatsoever for them for their future after they turn 18.", "18"),
    ],
)
def test_an_age_without_years_old(text: str, surface: str) -> None:
    f = _figure(text, surface)
    assert (f.value, f.unit) == (float(f.value or 0), "year")


@pytest.mark.parametrize(
    "text",
    [
        "He was 6 feet tall and she was 1 of 3 finalists.",
        "They were 2 points ahead.",
        "I don’t understand why his hands are the size of someone who is 5’2”.",
    ],
)
def test_other_figures_after_be_are_no_ages(text: str) -> None:
    assert all(f.unit != "year" for f in analyse(text).figures)
