"""Issue 19, stop 25: the unit an editor sees in /figures for a number-unit compound adjective
and a vague magnitude said twice. "an 11-day run" is 11 days as "11 days" reads (the unit
day of the unit table, not a noun "days"), as "a 48-hour strike" is hours and "a 25-yard
drive" yards; a compound whose word names no unit counts that word ("a 12-member bloc": 12
members). "hundreds and hundreds of characters" is one vague figure counting characters,
not a bare "hundreds" beside it; "in their thousands and thousands more" stays two. A count
reads past two describing words joined by "and" when one is hyphened ("300 natural and
man-made disasters", "30 leading senior and junior players"), past an owner after a
magnitude's "of" ("thousands of his possessions") and past "next"/"last" in a part of a
whole ("10 of the next 13 games"), and through scare quotes inside the phrase ('100,000 new
"affordable" homes'). A rate stays a rate before "in" ("two hours of sport a week in
schools"), unless "in" opens a clause about that time ("£5m a year in which sales fell"), and before "on
average" or "on <doing>"; "a year ago", "a year on" are times, and "every year" and "a year
from" are left plain sums as the review sets give them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from bot.extract import analyse
from tests.commands.figure_rows import core_over, figure_row, figure_rows

ARTICLES = [
    {
        "id": "entertainment/9501",
        "title": "Berlin festival closes with war films",
        "text": (
            "The Berlin film festival has handed out its prizes.\n\n"
            "This year's festival - which ended on Sunday after an 11-day run - has been "
            "dominated by the themes of war and politics."
        ),
    },
    {
        "id": "business/9502",
        "title": "Tube drivers plan strike",
        "text": (
            "Underground drivers are to stage a 48-hour strike over pay, their union said.\n\n"
            "Rangers fell behind when the keeper let a 25-yard drive slip through his grasp."
        ),
    },
    {
        "id": "business/9503",
        "title": "Eurozone growth forecast cut",
        "text": (
            "The OECD has cut its growth forecasts.\n\n"
            "But the outlook was worst for the 12-member eurozone bloc, the OECD said."
        ),
    },
    {
        "id": "tech/9504",
        "title": "Game voices take centre stage",
        "text": (
            "Actors are in demand as games grow ever larger.\n\n"
            '"There are hundreds and hundreds of characters in a typical Bioware game," said '
            "Shauna Perry, the firm's audio director."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_a_day_compound_is_shown_in_days_of_the_unit_table(core: Core) -> None:
    row = await figure_row(core, "Berlin festival", "11-day")
    assert row.normalised == "11 days"  # a duration in its unit; a noun "days" read "11 day"
    (fig,) = analyse(ARTICLES[0]["text"]).figures
    assert (fig.unit, fig.base_value, fig.base_unit) == ("day", 11.0, "day")


async def test_hour_and_yard_compounds_keep_their_table_units(core: Core) -> None:
    strike = analyse(ARTICLES[1]["text"]).figures
    assert [(f.surface, f.unit) for f in strike] == [("48-hour", "h"), ("25-yard", "yd")]
    row = await figure_row(core, "strike", "48-hour")
    assert row.normalised == "48 hours"


async def test_a_compound_naming_no_unit_counts_its_word(core: Core) -> None:
    row = await figure_row(core, "eurozone", "12-member")
    assert row.normalised == "12 member"  # a count of members, in the noun's base form
    (fig,) = analyse(ARTICLES[2]["text"]).figures
    assert fig.unit == "members"


async def test_a_magnitude_said_twice_is_one_figure_with_its_noun(core: Core) -> None:
    rows = await figure_rows(core, "Bioware characters")
    shown = [r.surface for r in rows]
    assert shown == ["hundreds and hundreds of characters"], shown
    assert rows[0].normalised == "100–1,000 character"


def test_a_count_reads_past_two_describing_words_one_hyphened() -> None:
    text = (
        "Swiss Re said it had registered about 300 natural and man-made disasters around the "
        "world in 2004."
    )
    (fig,) = analyse(text).figures
    assert (fig.surface, fig.unit) == ("about 300 natural and man-made disasters", "disasters")


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        (
            "The Tories say Labour's plans to give all children two hours of sports lessons a "
            "week in schools have failed.",
            "two hours of sports lessons a week",
            "hour per week",
        ),
        (
            "Stories about gamers spending 10 to 15 hours a day in front of some video games "
            "are becoming more frequent.",
            "10 to 15 hours a day",
            "hour per day",
        ),
        (
            "Gordon Brown will need to raise about $10bn a year in order to sustain the public "
            "finances, the firm claims.",
            "about $10bn a year",
            "dollar per year",
        ),
        (
            '"By a lot, I mean probably 15 to 20 hours a week on average," he said.',
            "15 to 20 hours a week",
            "hour per week",
        ),
        (
            "Currently the private sector was only spending £60m a year on seeking an "
            "inoculation, Mr Brown said.",
            "£60m a year",
            "pound sterling per year",
        ),
        (
            "Turkey's gross domestic output is set to grow by 6% per year on average.",
            "6% per year",
            "percent per year",
        ),
        (
            "France's Total is expected to join the scheme, taking 5 million tonnes of LNG a year.",
            "5 million tonnes of LNG a year",
            "tonne per year",
        ),
    ],
)
def test_a_rate_is_read_as_news_writes_it(text: str, surface: str, unit: str) -> None:
    (fig,) = analyse(text).figures
    assert (fig.surface, fig.unit) == (surface, unit)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Sales rose 5% on a year ago, the firm said.", "5%", "percent"),
        ("It made a profit of £5m a year in which sales fell.", "£5m", "GBP"),
        ("Profits rose to $133m from $98m a year ago.", "$98m", "USD"),
        ("Sales were 3% higher a year on, the firm said.", "3%", "percent"),
        ("The party says pensioners could save £100 every year.", "£100", "GBP"),
        ("It would shave a further $48m a year from its costs.", "$48m", "USD"),
    ],
)
def test_a_time_after_a_figure_is_no_rate(text: str, surface: str, unit: str) -> None:
    found = {f.surface: f.unit for f in analyse(text).figures}
    assert found.get(surface) == unit, found


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        (
            "Broadcaster Chris Evans has begun selling thousands of his possessions from a "
            "stall in Camden Market, London.",
            "thousands of his possessions",
            "possessions",
        ),
        (
            "The camp played host to more than 30 leading senior and junior players, including "
            "Greg Rusedski.",
            "more than 30 leading senior and junior players",
            "players",
        ),
        (
            "Young was only 2-1 down in the first set before losing 10 of the next 13 games.",
            "10",
            "games",
        ),
        (
            "Andy Robinson's men have now lost nine of their last 14 matches since the 2003 "
            "World Cup final.",
            "nine",
            "matches",
        ),
    ],
)
def test_a_count_reads_its_noun_past_an_owner_or_describing_words(
    text: str, surface: str, unit: str
) -> None:
    found = {f.surface: f.unit for f in analyse(text).figures}
    assert found.get(surface) == unit, found


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        (
            'The Liberal Democrats have unveiled plans to build 100,000 new "affordable" homes '
            "on publicly owned land.",
            '100,000 new "affordable" homes',
            "homes",
        ),
        (
            'In its monthly security bulletin, it flagged up eight "critical" security holes '
            "which could leave PCs open to attack.",
            'eight "critical" security holes',
            "holes",
        ),
    ],
)
def test_a_count_reads_its_noun_through_scare_quotes(text: str, surface: str, unit: str) -> None:
    found = {f.surface: f.unit for f in analyse(text).figures}
    assert found.get(surface) == unit, found


@pytest.mark.parametrize(
    "text",
    [
        '"We expect to sell 2,000" says Smith, "and more".',
        'Sales rose by 2,000 "and that is good", he said.',
        'He said the government would give "hundreds of millions" of pounds in aid.',
    ],
)
def test_a_quote_that_is_not_inside_a_noun_phrase_gives_no_noun(text: str) -> None:
    assert [f.unit for f in analyse(text).figures] == [None]


def test_a_magnitude_then_more_of_it_stays_two_figures() -> None:
    text = "Fans came in their thousands and thousands more watched on television."
    assert [f.surface for f in analyse(text).figures] == ["thousands", "thousands"]
