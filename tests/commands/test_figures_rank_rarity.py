"""Issue 19: a query's rare word (a name) says which story; its common word could be any.

BBC-shaped articles: several stories about fines, each with figures in sentences that say
"fine", and one about a named student whose damages sentence names him but not the fine.
`/figures Halvorsen fine` is asked about his damages: they must be on the first screen.
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

FINES = [
    (
        "Broadcaster fined over indecency",
        [
            "The regulator said the broadcaster would pay a fine of $3.5m within five days.",
            "Its stations had been fined $550,000 last year for a half-time show.",
            "The group's radio arm has 1,200 stations and 40 million listeners.",
            "Shares closed 2% lower in New York.",
        ],
    ),
    (
        "Coach fined after touchline row",
        [
            "The coach was fined £2,000 and banned from the touchline, the union said.",
            "The club itself was fined £10,000 for failing to control its players.",
            "The side lie fourth in the table, 6 points off the top.",
            "Some 12,000 fans watched the game.",
        ],
    ),
    (
        "Chemicals firm fined for bribery",
        [
            "The chemicals group agreed to pay a $1.5m fine for bribing an official.",
            "The fine settles charges that it paid $50,000 to a senior official in 2002.",
            "The firm employs 18,000 people in 50 countries.",
            "Its sales rose 9% last year.",
        ],
    ),
    (
        "Striker fined two weeks' wages",
        [
            "The club fined its striker two weeks' wages, about £80,000, after the row.",
            "It is his second fine this season, after a £40,000 fine in October.",
            "He joined the club for £6m in 2003.",
            "He has scored 9 goals in 20 games.",
        ],
    ),
    (
        "Bank fined over mis-sold policies",
        [
            "The regulator fined the bank £1.2m over mis-sold insurance.",
            "The fine is the largest of its kind, after £750,000 fines for two rivals.",
            "The bank has 2,000 branches.",
            "About 30,000 customers will be offered refunds.",
        ],
    ),
]
TARGET = (
    "Court upholds file-sharing ruling",
    [
        "A student who ran a music-swapping website must pay damages, the supreme court ruled.",
        "Olav Halvorsen was ordered to pay 100,000 kroner (£8,000) to the music industry.",
        "Halvorsen's site linked to more than 170 free files in 2001, the court heard.",
        "The industry had sought larger damages, but the court upheld the ruling.",
    ],
)


def _article(i: int, title: str, sentences: list[str]) -> dict[str, str]:
    return {"id": f"business/{900 + i}", "title": title, "text": "\n\n".join(sentences)}


@pytest.fixture
async def fines(tmp_path: Path) -> AsyncIterator[Core]:
    items = [_article(i, t, s) for i, (t, s) in enumerate([*FINES, TARGET])]
    async with core_over(tmp_path, items) as core:
        yield core


def test_a_name_weighs_more_than_a_common_news_word() -> None:
    weights = query_weights("Halvorsen fine", 0.5)
    assert weights["halvorsen"] > weights["fine"] > 0
    # a word the table cannot know ("us", "eu") weighs as much as the query's other words
    us = query_weights("US imports", 0.5)
    assert us["u"] == us["import"]
    # rarity 0: every word alike (the ranking before rarity counted)
    assert set(query_weights("Halvorsen fine", 0.0).values()) == {1.0}


async def test_the_named_story_s_figure_is_on_the_first_screen_of_a_broad_query(
    fines: Core,
) -> None:
    reply = await fines.handle(Request(command="figures", args="Halvorsen fine"))
    assert not reply.error
    screen = first_screen(reply)
    shown = {(reply.citations[r.cite].title, r.surface) for r in screen}
    assert any(
        title == "Court upholds file-sharing ruling" and "£8,000" in surface
        for title, surface in shown
    ), shown
    # the fines stories still answer the common word on the same screen
    assert any(title != "Court upholds file-sharing ruling" for title, _ in shown)
