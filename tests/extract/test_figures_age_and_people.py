"""Issue 19, stop 24: a bare number a person must be, in a sentence whose other clause names an
age, is an age ("candidates must be 21 while the voting age is 18"); a vague magnitude that a
preposition governs is not the subject of the past participle after it, so it is not read as
people ("questions from thousands e-mailed and sent by text").

Each case is a BBC-shaped sentence and the unit an editor sees in /figures.
"""

from __future__ import annotations

import pytest

from bot.extract import analyse
from bot.extract.figures import extract_figures


def _unit(text: str, surface: str, every_quantity: bool = False) -> str | None:
    figures = analyse(text, every_quantity).figures
    found = [f for f in figures if f.surface == surface]
    assert found, [f.surface for f in figures]
    return found[0].unit


def test_a_number_a_person_must_be_beside_an_age_is_an_age() -> None:
    text = (
        "Currently candidates in both local and national votes must be 21 while the voting "
        "age is 18."
    )
    assert _unit(text, "21") == "year"
    assert _unit(text, "18") == "year"


def test_a_number_over_which_players_are_beside_an_average_age_is_an_age() -> None:
    text = "A majority of players are over 18, with the average age of a gamer being 29."
    assert _unit(text, "over 18") == "year"


def test_a_number_after_is_with_no_age_in_its_sentence_is_no_age() -> None:
    # never an age; since stop 35 round 3 "the number of stores" names what 21 counts
    assert _unit("The number of stores in the chain is 21, the firm said.", "21") == "stores"
    assert _unit("In the chain the total is 21, the firm said.", "21") is None


def test_an_age_set_off_after_also_is_an_age() -> None:
    """Stop 35: "Davidson, 24, ... Rogers, also 24, ...": "also" does not end the apposition."""
    text = "Davidson, 24, jokingly proposed. Rogers, also 24, quickly shot down his advance."
    assert _unit(text, "24") == "year"
    assert [f.unit for f in analyse(text).figures] == ["year", "year"]


def test_an_age_before_a_dash_ends_its_clause() -> None:
    text = "He admits he has worked in the drug trade since he was 15 — drawn to it by poverty."
    assert _unit(text, "15") == "year"


def test_at_an_age_opening_a_sentence_before_a_pronoun_is_an_age() -> None:
    """ "At 72 she found another": no comma needed past the hours of a clock ("At 10 he")."""
    assert _unit("At 17 Linda lost a mother. At 72 she found another.", "72") == "year"
    assert _unit("At 10 he went to bed and slept.", "10") is None


def test_a_record_of_tries_is_not_a_figure() -> None:
    """ "0 for 3": so many successes in so many tries, a score, not two counts."""
    text = 'Rogers, also 24, turned him down, and he called his record in love "0 for 3."'
    assert [f.surface for f in analyse(text).figures] == ["24"]


def test_thousands_a_preposition_governs_are_not_people() -> None:
    text = (
        "Capital Radio DJ Margherita Taylor will select questions to put to him from thousands "
        "e-mailed and sent by text."
    )
    assert _unit(text, "thousands", every_quantity=True) is None  # extract --json: no people
    # the editor's view leaves out a vague plural with no counted noun altogether
    assert all(f.surface != "thousands" for f in analyse(text).figures)


def test_thousands_who_e_mailed_are_people() -> None:
    assert _unit("Thousands e-mailed the BBC to complain.", "Thousands") == "people"


def test_a_count_who_died_are_people() -> None:
    text = "He apologised to Liverpool fans for the 1989 Hillsborough disaster in which 96 died."
    assert _unit(text, "96") == "people"


def test_a_magnitude_who_does_something_is_people() -> None:
    text = (
        "This is a profoundly tragic event for the region and for the millions who are suffering."
    )
    assert _unit(text, "millions") == "people"


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("a 16-yaer-old girl was reported missing.", "16-yaer-old", 16, "year"),
        ("her grandmother is 101 yeras old.", "101 yeras old", 101, "year"),
        ("a 5-mnth-old baby was among the injured.", "5-mnth-old", 5, "month"),
        ("a 3-yearold boy fell from a window.", "3-yearold", 3, "year"),
        ("The girl, 6, and her brother, 9, were unhurt.", "9", 9, "year"),
        ("the lad, 17, and his dad were rescued.", "17", 17, "year"),
        ("the singer turned 80 on sunday.", "80", 80, "year"),
        ("age 5 and under go free.", "5", 5, "year"),
        ("Her mother died when she was 12, and her father at 90.", "90", 90, "year"),
    ],
)
def test_ages_as_the_web_writes_them(text: str, surface: str, value: float, unit: str) -> None:
    """Misspelt units of age before "old", a kin noun before ", 9,", "turned 80", "age 5"."""
    got = {f.surface: (f.value, f.unit) for f in extract_figures(text)}
    assert got[surface] == (value, unit), got


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("the victim was a woman in her twenties.", "twenties", 20, 29),
        ("A male suspect, in his 30s, was caught.", "30s", 30, 39),
    ],
)
def test_a_decade_of_life_is_a_range_of_years(
    text: str, surface: str, low: float, high: float
) -> None:
    got = {f.surface: (f.low, f.high, f.unit) for f in extract_figures(text)}
    assert got[surface] == (low, high, "year"), got


@pytest.mark.parametrize(
    "text",
    [
        "Music of the 1980s and the 60s is back.",
        "Temperatures in the 90s are expected.",
        "her house at 10 Downing Street.",
    ],
)
def test_decades_and_places_that_are_no_ages(text: str) -> None:
    assert all(f.unit != "year" for f in extract_figures(text))


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("John Smith (72) died peacefully.", "72", "year"),
        ("sarah jones (72) died peacefully at home.", "72", "year"),
        ("The minimum age to buy tobacco will be 21, up from 18.", "18", "year"),
    ],
)
def test_an_age_in_brackets_after_a_name_and_an_age_it_rose_from(
    text: str, surface: str, unit: str
) -> None:
    assert {f.surface: f.unit for f in extract_figures(text)}[surface] == unit


def test_brackets_after_no_person_give_no_age() -> None:
    figs = extract_figures("The Labour Party (45) and the bill (3) were named.")
    assert all(f.unit != "year" for f in figs)


def test_goals_in_a_list_of_scorers_are_no_ages() -> None:
    figs = extract_figures("Scorers: Harry Kane (2), Marcus Rashford (1), Phil Foden (1).")
    assert all(f.unit != "year" for f in figs)
