"""Issue 19: a query of several words is answered by figures about all of them. An article that
says only one of the words in passing ("the White House said", "a high price to pay") lends
none of its figures: `/figures house prices` over war reports says there are none, as the
README quick start showed it listing troop counts before. An article that says every word,
even in different sentences, still lends all its figures.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from bot.model import Request
from tests.commands.figure_rows import core_over, figure_row

ARTICLES = [
    {
        "id": "world/9301",
        "title": "Troops pushed back from border town",
        "text": (
            "About 1,200 troops crossed the border overnight, the army said.\n\n"
            "The White House said it had not been told of the plan in advance."
        ),
    },
    {
        "id": "world/9302",
        "title": "Offensive enters second week",
        "text": (
            "More than 300 square miles are now held, the commander said.\n\n"
            "He said the country would pay a high price for the advance."
        ),
    },
    {
        "id": "business/9303",
        "title": "Homes slow in the spring",
        "text": (
            "Buyers paid an average of £182,000 for a house in April, the lender said.\n\n"
            "Prices in London fell for a third month."
        ),
    },
]


@pytest.fixture
async def war(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES[:2]) as c:
        yield c


@pytest.fixture
async def mixed(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_articles_that_say_one_word_each_in_passing_give_no_figures(war: Core) -> None:
    reply = await war.handle(Request(command="figures", args="house prices"))
    assert reply.error, [r.surface for s in reply.sections for r in s.figures]
    assert reply.sections[0].text.startswith("No figures found about “house prices”")


async def test_an_article_saying_every_word_lends_its_figures(mixed: Core) -> None:
    reply = await mixed.handle(Request(command="figures", args="house prices"))
    rows = [r.surface for s in reply.sections for r in s.figures]
    assert rows == ["£182,000"], rows  # not the troops or the square miles
    row = await figure_row(mixed, "house prices", "£182,000")
    assert row.claimant == "the lender"
