"""Issue 19, stop 23: what an editor sees in /figures for the kinds fixed this stop on unseen
BBC news: a count read past a describing word ("750,000 daily barrels"), a rate kept through its
conversion ("$10 billion per annum (£5.5bn)"), the body that produced the research, and version
numbers and rhetoric left out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from tests.commands.figure_rows import core_over, figure_row, figure_rows

ARTICLES = [
    {
        "id": "business/9101",
        "title": "Caspian pipeline opens",
        "text": (
            "A pipeline taking oil from the Caspian Sea to the Mediterranean has opened.\n\n"
            "It aims to transport 750,000 daily barrels of oil. Record company Sony BMG is now "
            "manufacturing 5,000 more copies of each single than originally planned."
        ),
    },
    {
        "id": "politics/9102",
        "title": "Brown urges more Aids funding",
        "text": (
            "Gordon Brown has called for more money to fight HIV/Aids.\n\n"
            '"At least $10 billion per annum (£5.5bn) is needed to address the HIV/Aids crisis '
            'in low and middle income countries," he said.'
        ),
    },
    {
        "id": "business/9103",
        "title": "M&S cuts prices",
        "text": (
            "Marks & Spencer has cut prices across its stores.\n\n"
            "Separately, investment bank Goldman Sachs produced reseach showing that a basket of "
            "M&S goods is now 11% above the high-street average."
        ),
    },
    {
        "id": "tech/9104",
        "title": "Virus hits Windows computers",
        "text": (
            "A new virus is spreading by e-mail.\n\n"
            "The virus can strike computers running Windows 95, 98, ME, NT, 2000 and XP, and has "
            "infected 4,000 machines."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_daily_barrels_are_barrels_a_day(core: Core) -> None:
    row = await figure_row(core, "oil pipeline", "750,000")
    assert row.surface == "750,000 daily barrels"
    assert row.normalised == "750,000 bbl/d", row.normalised  # barrels per day, as for "a day"


async def test_more_copies_are_copies(core: Core) -> None:
    row = await figure_row(core, "Sony BMG copies", "5,000")
    assert row.surface == "5,000 more copies"
    assert row.normalised == "5,000 copy", (
        row.normalised
    )  # the counted noun, as for "28 settlements"


async def test_a_conversion_keeps_the_rate_per_year(core: Core) -> None:
    row = await figure_row(core, "Aids funding", "£5.5bn")
    assert "per year" in row.normalised, row.normalised


async def test_research_is_credited_to_the_bank_that_produced_it(core: Core) -> None:
    row = await figure_row(core, "M&S prices", "11%")
    assert "Goldman Sachs" in row.claimant


async def test_version_numbers_are_not_figures(core: Core) -> None:
    surfaces = [r.surface for r in await figure_rows(core, "virus Windows")]
    assert "4,000 machines" in surfaces
    assert not {"95", "98", "2000"} & set(surfaces), surfaces
