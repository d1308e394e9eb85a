"""Issue 19, stop 24: the counted noun an editor sees in /figures is the noun the count counts,
with the first word of a compound that is one noun ("3 grand slam", "3 double fault", the
base unit being singular) and without a noun that only describes it ("2 brand", not "2
cosmetics"); a race time its sentence leads to is shown in seconds; a sum written without its scale word
is shown at the scale of its own conversion ("$6.3 (£3.35m)")."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from tests.commands.figure_rows import core_over, figure_row

ARTICLES = [
    {
        "id": "sport/9501",
        "title": "Federer ends year as world number one",
        "text": (
            "Roger Federer has ended the year top of the rankings.\n\n"
            "Federer became the first man since Mats Wilander in 1988 to win three Grand Slams "
            "in one season."
        ),
    },
    {
        "id": "sport/9502",
        "title": "Mirza wins first WTA title",
        "text": (
            "Sania Mirza has won her first WTA title in Hyderabad.\n\n"
            "Mirza began nervously in front of a raucous home crowd - committing three double "
            "faults in her opening service game."
        ),
    },
    {
        "id": "business/9503",
        "title": "Falic buys Lacroix from LVMH",
        "text": (
            "LVMH has sold the loss-making Christian Lacroix fashion house.\n\n"
            "Privately-held Falic Group bought two cosmetics brands, Hard Candy and Urban Decay, "
            "from LVMH in early 2003."
        ),
    },
    {
        "id": "sport/9504",
        "title": "Gevaert wins 60m in Madrid",
        "text": (
            "Belgium's Kim Gevaert won the women's 60m at the indoor meeting in Madrid on "
            "Friday, ahead of a strong field.\n\n"
            "Britain's Joice Maduaka finished fifth in 7.35."
        ),
    },
    {
        "id": "entertainment/9505",
        "title": "Meet the Fockers tops box office",
        "text": (
            "Comedy sequel Meet the Fockers has topped the North American box office again.\n\n"
            "Million Dollar Baby climbed the chart for the first time in its 15th week of "
            "release. It came in seventh $6.3 (£3.35m)."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_a_capitalised_compound_is_counted_whole(core: Core) -> None:
    row = await figure_row(core, "Federer Grand Slams", "three Grand Slams")
    assert row.normalised == "3 grand slam"


async def test_a_scoring_term_keeps_its_first_word(core: Core) -> None:
    row = await figure_row(core, "Mirza double faults", "three double faults")
    assert row.normalised == "3 double fault"


async def test_a_noun_that_describes_the_head_is_dropped(core: Core) -> None:
    row = await figure_row(core, "Falic cosmetics brands", "two cosmetics brands")
    assert row.normalised == "2 brand"


async def test_a_race_time_is_shown_in_seconds(core: Core) -> None:
    row = await figure_row(core, "Maduaka 60m", "7.35")
    assert row.normalised == "7.35 seconds"


async def test_a_sum_is_shown_at_the_scale_of_its_conversion(core: Core) -> None:
    row = await figure_row(core, "box office takings", "$6.3")
    assert row.normalised == "6,300,000 USD"
