"""Issue 19: a query word the news table cannot rate (a year, "US", "UK") is common in news,
not rare: "/figures gadgets 2005" is about the gadgets, and the year must not outweigh them.

BBC-shaped articles: several stories whose figures' sentences say "2005" (forecasts for the
year) and which mention gadgets in passing, and one about gadgets whose figure's sentence
says "gadgets" but not the year (the year is in its opening line). Every article holds both
words; the gadget figure must be on the first screen.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.commands.figure_rank import query_weights
from bot.commands.figures import first_screen
from bot.core import Core
from bot.model import Request
from tests.commands.figure_rows import core_over

YEAR_STORIES = [
    (
        "Economy set to slow, says CBI",
        [
            "The UK economy will grow by 2.5% in 2005, down from 3.1%, the CBI said.",
            "Unemployment will rise to 1.5 million people in 2005, it forecast.",
            "Interest rates are expected to peak at 5% in 2005.",
            "Spending on gadgets held up, but shoppers were cautious.",
        ],
    ),
    (
        "Car sales forecast to fall",
        [
            "New car sales will fall 4% to 2.4 million in 2005, the industry body said.",
            "Dealers sold 2.57 million cars last year, the second highest figure.",
            "Prices of small cars rose by £400 in 2005's first month.",
            "Buyers now expect gadgets such as satellite navigation as standard.",
        ],
    ),
    (
        "Airline expects record passengers",
        [
            "The airline expects to carry 30 million passengers in 2005.",
            "It will add 20 new routes in 2005, taking its total to 150.",
            "Fares will fall by an average of 5% in 2005, it said.",
            "Passengers can now use gadgets on board during take-off.",
        ],
    ),
    (
        "Retailers brace for tough year",
        [
            "High street sales will rise just 1% in 2005, the retail consortium said.",
            "Some 3,000 shops could close in 2005, it warned.",
            "Online sales rose 25% in 2004 and will grow 20% in 2005.",
            "Toys and gadgets were the best sellers over Christmas.",
        ],
    ),
]
TARGET = (
    "Gadgets for the year ahead",
    [
        "What will be the must-have technology of 2005? Our reviewer picks the best.",
        "Sales of portable gadgets reached £1.2bn in the UK, a survey found.",
        "Digital music players led the way, with one in five homes owning one.",
        "Gadgets that do several jobs at once are the trend, and phone gadgets lead.",
    ],
)


def _article(i: int, title: str, sentences: list[str]) -> dict[str, str]:
    return {"id": f"technology/{700 + i}", "title": title, "text": "\n\n".join(sentences)}


@pytest.fixture
async def year_store(tmp_path: Path) -> AsyncIterator[Core]:
    items = [_article(i, t, s) for i, (t, s) in enumerate([*YEAR_STORIES, TARGET])]
    async with core_over(tmp_path, items) as core:
        yield core


def test_a_year_weighs_as_a_word_the_table_cannot_rate() -> None:
    weights = query_weights("gadgets 2005", 0.5)
    assert weights["2005"] == weights["gadget"]  # the mean of the rated words, not the rarest
    us = query_weights("US imports", 0.5)
    assert us["u"] == us["import"]


async def test_the_gadget_figure_is_on_the_first_screen_of_gadgets_2005(
    year_store: Core,
) -> None:
    reply = await year_store.handle(Request(command="figures", args="gadgets 2005"))
    assert not reply.error
    screen = first_screen(reply)
    shown = [(reply.citations[r.cite].title, r.surface) for r in screen]
    assert ("Gadgets for the year ahead", "£1.2bn") in shown, shown
