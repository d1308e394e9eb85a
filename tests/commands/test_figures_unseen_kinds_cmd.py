"""Issue 19, stop 22: what an editor sees in /figures for the unseen-news kinds fixed this stop
(an exchange rate, a party's own figure, "it said" after the body the story is about)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from tests.commands.figure_rows import core_over, figure_row

ARTICLES = [
    {
        "id": "business/9001",
        "title": "Dollar slides against the euro",
        "text": (
            "The US dollar fell to a new low against the euro on Friday.\n\n"
            "In late trading in New York, the dollar was at $1.3270 to the euro, from $1.3150 "
            "on Thursday."
        ),
    },
    {
        "id": "politics/9002",
        "title": "Blair attacks Tory spending sums",
        "text": (
            "Tony Blair has attacked the Conservatives' spending plans.\n\n"
            'Mr Blair derided Tory claims they could cut £35bn in "wasteful spending" saying '
            "the party had got its sums wrong."
        ),
    },
    {
        "id": "tech/9003",
        "title": "Apple sues over Tiger leaks",
        "text": (
            "Apple has taken more legal action to stop online leaks of its new products.\n\n"
            "The computer giant has sued three men for releasing preview versions of its "
            "latest Mac OSX software. It said two versions of the operating system were put "
            "onto the net in October and December."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_an_exchange_rate_is_shown_per_euro(core: Core) -> None:
    row = await figure_row(core, "dollar euro", "$1.3270")
    assert row.surface == "$1.3270 to the euro"
    assert row.normalised.endswith("per euro")
    assert row.normalised.startswith("1.327 "), row.normalised  # the rate as written, not 1.33


async def test_a_partys_figure_is_credited_to_that_party(core: Core) -> None:
    row = await figure_row(core, "Tory spending", "£35bn")
    assert "Tory" in row.claimant and "Blair" not in row.claimant


async def test_it_said_is_credited_to_the_company_the_story_is_about(core: Core) -> None:
    row = await figure_row(core, "Apple leaks", "two versions")
    assert "Apple" in row.claimant
