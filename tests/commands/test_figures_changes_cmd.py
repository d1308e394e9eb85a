"""A change written "from X to Y" is shown in /figures as it went, start first with an arrow
('180,126 → 178,906 GBP (fell)'), never as a spread sorted low–high; a true range ("between
3% and 5%") is still shown low–high."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from tests.commands.figure_rows import core_over, figure_row

ARTICLES = [
    {
        "id": "business/9601",
        "title": "House prices fall in December",
        "text": (
            "House prices in England and Wales fell in December, a survey has found.\n\n"
            "The average UK house price fell from £180,126 in November to £178,906, reflecting "
            "recent Land Registry figures confirming a slowdown in late 2004."
        ),
    },
    {
        "id": "business/9602",
        "title": "Budget tax allowance rises with inflation",
        "text": (
            "The chancellor has set out his Budget plans for income tax.\n\n"
            "In contrast, the personal income tax allowance will rise only in line with "
            "inflation from £4,745 to £4,895 next month."
        ),
    },
    {
        "id": "business/9603",
        "title": "Retailer forecasts sales growth",
        "text": (
            "The High Street retailer has given its outlook for the coming years.\n\n"
            "Looking ahead, the company forecast like-for-like sales growth of between 3% and "
            "5% over the next three years."
        ),
    },
    {
        "id": "politics/9604",
        "title": "Asylum claims fall again",
        "text": (
            "The number of asylum claims has fallen again, Home Office figures show.\n\n"
            "Statistics to the end of November showed a decline since October from 785 to 708."
        ),
    },
    {
        "id": "entertainment/9605",
        "title": "Band announces UK arena tour",
        "text": (
            "The band will play 12 arena dates across the UK in the spring.\n\n"
            "Tickets for the tour range from £20 to £45, the promoters said."
        ),
    },
    {
        "id": "business/9606",
        "title": "Airline cuts its growth forecast",
        "text": (
            "The airline has blamed rising fuel costs for a slowdown.\n\n"
            "It has revised its network growth forecast from 5 to 7 per cent to 3 to 5 per cent."
        ),
    },
    {
        "id": "business/9607",
        "title": "Brewer's half-year profits slip",
        "text": (
            "The regional brewer blamed a wet summer for weaker trading.\n\n"
            "Pre-tax profits fell from £5.2m to 4.9m in the six months to December."
        ),
    },
    {
        "id": "business/9608",
        "title": "Retail chain's sales up but profits down",
        "text": (
            "The retail chain said Christmas trading had been tough.\n\n"
            "Sales rose 5% but its pre-tax profits fell from £8.2m to £6.4m for the year."
        ),
    },
    {
        "id": "business/9609",
        "title": "Telecoms firm plans job cuts",
        "text": (
            "The former state telephone company is to shed jobs over five years.\n\n"
            "This could see its workforce trimmed from 155,000 to 110,000 staff by 2010."
        ),
    },
    {
        "id": "business/9610",
        "title": "US job creation slows",
        "text": (
            "The US economy added fewer jobs than expected last month.\n\n"
            "The Labor Department also said it had revised down the jobs gains in December "
            "2004, from 157,000 to 133,000."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_a_fall_is_shown_start_to_end_with_its_direction(core: Core) -> None:
    row = await figure_row(core, "house price", "£180,126 in November to £178,906")
    assert row.normalised == "180,126 → 178,906 GBP (fell) · price"


async def test_a_rise_is_shown_start_to_end_with_its_direction(core: Core) -> None:
    row = await figure_row(core, "tax allowance", "£4,745 to £4,895")
    assert row.normalised == "4,745 → 4,895 GBP (rose) · tax"


async def test_a_decline_written_as_a_noun_is_a_fall(core: Core) -> None:
    row = await figure_row(core, "asylum statistics", "785 to 708")
    assert row.normalised == "785 → 708 (fell)"


async def test_a_true_range_stays_low_to_high(core: Core) -> None:
    row = await figure_row(core, "sales growth", "3% and 5%")
    assert row.normalised == "3–5 percent"


async def test_prices_that_range_from_one_to_another_are_a_span(core: Core) -> None:
    row = await figure_row(core, "tour tickets", "£20 to £45")
    assert row.normalised == "20–45 GBP"


async def test_a_range_revised_to_a_range_is_two_spans(core: Core) -> None:
    old = await figure_row(core, "airline growth forecast", "5 to 7 per cent")
    new = await figure_row(core, "airline growth forecast", "3 to 5 per cent")
    assert (old.normalised, new.normalised) == ("5–7 percent", "3–5 percent")


async def test_the_end_of_a_change_in_money_is_money_not_metres(core: Core) -> None:
    row = await figure_row(core, "brewer profits", "£5.2m to 4.9m")
    assert row.normalised == "5,200,000 → 4,900,000 GBP (fell) · profit"


async def test_the_direction_is_the_verb_nearest_the_change(core: Core) -> None:
    row = await figure_row(core, "retail chain profits", "£8.2m to £6.4m")
    assert row.normalised == "8,200,000 → 6,400,000 GBP (fell) · profit"


async def test_every_change_word_the_range_reader_knows_gives_a_direction(core: Core) -> None:
    """ "trimmed" is one of the change words both readers share (change_verbs)."""
    row = await figure_row(core, "workforce staff", "155,000 to 110,000 staff")
    assert row.normalised == "155,000 → 110,000 staff (fell)"


async def test_gains_as_a_noun_does_not_turn_a_fall_into_a_rise(core: Core) -> None:
    row = await figure_row(core, "jobs gains revised", "157,000 to 133,000")
    assert row.normalised == "157,000 → 133,000 (fell)"
