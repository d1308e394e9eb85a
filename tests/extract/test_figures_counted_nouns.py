"""Issue 19, stop 23: the counted-noun reader reads past a describing word to the noun a count
counts ("5,000 more copies", "750,000 daily barrels", "the 80-odd resorts"); where no noun of
its own follows, the count keeps no noun rather than borrow one.

Each case is a BBC-shaped sentence and the value and unit an editor sees in /figures.
"""

from __future__ import annotations

import pytest

from bot.extract import analyse


def _fig(text: str, surface: str):
    """The one figure whose surface starts with surface (fails if none)."""
    found = [f for f in analyse(text).figures if f.surface.startswith(surface)]
    assert found, [f.surface for f in analyse(text).figures]
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier"),
    [
        (
            "Record company Sony BMG is now manufacturing 5,000 more copies of each single "
            "than originally planned to meet demand.",
            "5,000",
            5000.0,
            "copies",
            None,
        ),
        ("It aims to transport 750,000 daily barrels of oil.", "750,000", 750000.0, "bbl/d", None),
        (
            "Between 10 and 12 of the 80-odd resorts have been severely damaged.",
            "80",
            80.0,
            "resorts",
            "approximately",
        ),
        (
            "The firm has won eight other contracts in the Gulf this year.",
            "eight",
            8.0,
            "contracts",
            None,
        ),
        ("The airline runs 200 daily flights to Paris.", "200", 200.0, "flight per day", None),
        ("The 1,000-plus delegates met in Brighton.", "1,000", 1000.0, "delegates", "more than"),
        ("Two assembly members quit the party on Monday.", "Two", 2.0, "members", None),
        (
            "All the 100,000 or so net cafes in the country must use the software.",
            "100,000",
            100000.0,
            "cafes",
            "approximately",
        ),
        # a hyphened describing word after "more" is no unit: not four seconds
        ("Paterson slotted four more second-half penalties.", "four", 4.0, "penalties", None),
    ],
)
def test_a_describing_word_between_count_and_noun_is_read_past(
    text: str, surface: str, value: float, unit: str, qualifier: str | None
) -> None:
    f = _fig(text, surface)
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The label pressed 5,000 more than it had planned.", "5,000"),
        ("Officials said there were 20 more.", "20"),
        ("The index fell 30 sharply on Tuesday.", "30"),
    ],
)
def test_no_noun_after_the_describing_word_leaves_a_bare_count(text: str, surface: str) -> None:
    """ "5,000 more than", "20 more.": nothing is counted there, so no noun is printed."""
    assert _fig(text, surface).unit is None


def test_the_whole_of_a_part_counts_the_noun_counted_before_it_in_the_sentence() -> None:
    """ "of the 17 people ..., only four of the 12 whose ...": the 12 are people, read from the
    larger count of people before it in the same sentence."""
    text = (
        "Statistics showed that of the 17 people found guilty of terrorist acts in the UK since "
        "the 11 September attacks, only four of the 12 whose ethnic backgrounds were known were "
        "Muslim, he added."
    )
    assert _fig(text, "12").unit == "people"


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 17 people were held. Three of the 12 were later freed.",
        "Of the 2,000, a third said they would switch.",
    ],
)
def test_a_whole_whose_noun_is_not_in_its_sentence_is_not_listed(text: str) -> None:
    """No noun is taken across a sentence end: a whole with no noun of its own is left out,
    not printed as a bare count of nothing."""
    surfaces = [f.surface for f in analyse(text).figures]
    assert "12" not in surfaces and "2,000" not in surfaces, surfaces


def test_a_whole_with_its_own_noun_is_kept() -> None:
    assert _fig("More than half of the 17-million population is poor.", "17").value == 17e6


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Half a million people marched through London.", "Half", 500_000.0, "people"),
        ("A quarter of a million Sri Lankans are homeless.", "A quarter", 250_000.0, None),
        ("It lost nearly half a billion dollars.", "nearly half", 5e8, "USD"),
        ("Some three quarters of a million pounds was spent.", "Some three", 750_000.0, "GBP"),
    ],
)
def test_a_fraction_of_a_million_is_one_figure(
    text: str, surface: str, value: float, unit: str | None
) -> None:
    """ "half a million people" is 500,000 people; read apart it printed "a million people"."""
    f = _fig(text, surface)
    assert f.value == value
    if unit is not None:
        assert f.unit == unit
    assert not [g for g in analyse(text).figures if g.value == value * 2 or g.value == 1e6]


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("His opinion changed after 12 relatively trouble-free years in the US.", "12", "year"),
        ("Fire crews found three badly damaged homes.", "three", "homes"),
        ("He spent 50 previous years at the club.", "50", "year"),
        ("It pumped 5,000 more barrels on Monday.", "5,000", "bbl"),
    ],
)
def test_a_unit_after_describing_words_is_the_unit(text: str, surface: str, unit: str) -> None:
    assert _fig(text, surface).unit == unit


def test_the_ages_a_person_became_something_at_are_ages() -> None:
    text = "Mr Hague became an MP at 27 and Leader of the Opposition at 36."
    assert (_fig(text, "27").unit, _fig(text, "36").unit) == ("year", "year")


def test_a_body_becoming_something_at_a_number_is_no_age() -> None:
    assert _fig("The firm became profitable at 50.", "50").unit != "year"


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("It takes MPEG4 video at 30 frames a second.", "30 frames a second", "frame per second"),
        (
            "Network Box said it stopped more than 30,000 copies an hour of the virus.",
            "more than 30,000 copies an hour",
            "copy per hour",
        ),
        ("The show drew 4.2 million viewers a night.", "4.2 million viewers", "viewers"),
    ],
)
def test_a_count_a_second_or_an_hour_is_a_rate(text: str, surface: str, unit: str) -> None:
    f = _fig(text, surface)
    assert (f.surface, f.unit) == (surface, unit)


def test_at_an_age_opening_a_sentence_after_a_quote_is_an_age() -> None:
    text = '"That is what I do not know." At 34, Holmes will also be aware that time is short.'
    assert _fig(text, "34").unit == "year"


@pytest.mark.parametrize(
    ("text", "surface", "unit", "qualifier"),
    [
        (
            "The software assigns one of 88 piano notes to individually coloured pixels.",
            "88",
            "notes",
            None,
        ),
        (
            "Even without Van Nistelrooy, United made it 13 wins in 15 league games.",
            "13",
            "wins",
            None,
        ),
        ("Japan Airlines has made a firm order for 30 of the aircraft.", "30", "aircraft", None),
        ("I've known people to play 15+ hours at a stretch.", "15", "h", "more than"),
        ("The 100 most popular contestants were voted on.", "100", "contestants", None),
        ("A basket of 35 M&S goods is now 11% above the high-street average.", "35", "goods", None),
    ],
)
def test_more_counted_noun_shapes(
    text: str, surface: str, unit: str, qualifier: str | None
) -> None:
    """A noun that is also a verb form after a count ("88 piano notes"), a part of a group
    named with "the" ("30 of the aircraft"), "15+ hours", "the 100 most popular contestants"."""
    f = _fig(text, surface)
    assert (f.unit, f.qualifier) == (unit, qualifier)
