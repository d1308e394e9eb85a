"""Issue 19, stop 35 (round 3): counts whose noun sits elsewhere in the sentence, shares of
"N out of every M", "N or M" after an age, and a count "a year" as a rate (US pages of
figures_review_mn_blind14, with sentences of the tune halves).

Each case is a real sentence and the value or unit an editor sees in /figures.
"""

from __future__ import annotations

from bot.extract import analyse
from bot.model import Figure


def _figure(text: str, surface: str) -> Figure:
    figures = analyse(text, True).figures
    found = [f for f in figures if f.surface == surface]
    assert found, [f.surface for f in figures]
    return found[0]


def test_the_number_of_a_noun_gives_a_later_bare_count_its_noun() -> None:
    text = (
        "The number of people living with the condition is set to break one million by 2021, "
        "and represents an enormous health burden for the NHS and the social care system."
    )
    assert _figure(text, "one million").unit == "people"
    text = "The number of Japanese films released rose to 310 in 2004 from 287 the previous year."
    assert _figure(text, "310").unit == "films"
    assert _figure(text, "287").unit == "films"


def test_the_number_of_leaves_a_rate_and_another_clause_bare() -> None:
    text = "Meanwhile the number of sales dropped 32% to an average of 22 per surveyor."
    assert _figure(text, "22").unit is None
    text = "The number of visitors has grown, while 40 staff were laid off."
    assert _figure(text, "40 staff").unit == "staff"
    text = "The number of shops fell; 40 stayed open."
    assert _figure(text, "40").unit is None


def test_n_of_whom_were_counts_the_noun_they_were() -> None:
    text = "Players have worn black armbands to honor the victims, 20 of whom were young children."
    assert _figure(text, "20").unit == "children"


def test_n_of_whom_with_no_noun_after_takes_no_noun_before() -> None:
    text = (
        "It said 11 people had been prosecuted after attacking intruders in the past 15 years, "
        "five of whom were convicted."
    )
    assert all(f.unit != "years" for f in analyse(text, True).figures)


def test_n_out_of_every_m_is_a_share() -> None:
    text = (
        "The company's technology processes about two out of every three search requests made "
        "on the Internet."
    )
    f = _figure(text, "about two out of every three")
    assert abs(f.value - 2 / 3) < 1e-9 and f.unit is None


def test_an_age_or_the_next_is_a_range_of_ages() -> None:
    text = "I did swimming badges when I was seven or eight but I've not swum much since then."
    f = _figure(text, "seven or eight")
    assert (f.low, f.high, f.unit) == (7, 8, "year")
    text = "A total of 3,028 adults aged 18 or over were interviewed for the study."
    assert _figure(text, "18").unit == "year"


def test_a_count_a_year_is_a_rate_but_not_a_year_ago() -> None:
    text = "Rocky Mountain Spotted Fever infects about 2,500 people a year."
    assert _figure(text, "about 2,500 people a year").unit == "people per year"
    text = "The firm employed 2,500 people a year ago."
    assert _figure(text, "2,500 people").unit == "people"
    text = "The show was watched by about 4.2 million viewers a night."
    assert _figure(text, "about 4.2 million viewers").unit == "viewers"
