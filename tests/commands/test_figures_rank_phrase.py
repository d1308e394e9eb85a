"""Issue 19: a broad query over several stories that all use its words; the one about them says
them together up top ("The US budget deficit is set to ..."), the others have them apart.

BBC-shaped: the asked article's figures sit in sentences that mostly lack the words (a later
"total shortfall of $855bn"), while other deficit and budget stories give figures in sentences
that name one word or two. `/figures US budget deficit` is asked about the shortfall: it must
be on the first screen, and the other stories still answer there too.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.commands.figure_rank import phrase_share, query_pairs, stem
from bot.commands.figures import first_screen
from bot.core import Core
from bot.model import Request
from tests.commands.figure_rows import core_over

TARGET = (
    "Deficit forecast to reach $368bn",
    [
        "The US budget deficit is set to hit a worse-than-expected $368bn this year, "
        "official figures show.",
        "The budget deficit hit a record $412bn in the 12 months to 30 September.",
        "It would narrow to $348bn next year, the budget office said.",
        "The cost of military operations, put at $80bn, is not yet included in the deficit.",
        "The office also forecast a total shortfall of $855bn for the years from 2006 to 2015.",
    ],
)
# Stories that use the words, all of them in a sentence but apart, and are about something else
OTHERS = [
    (
        "Bush to get 'tough' on spending",
        [
            "President Bush told the US he would halve the deficit in five years with a tough "
            "budget.",
            "Spending on most programmes will rise by 1% or less in the budget.",
            "Some 150 programmes face cuts, the White House said.",
            "The deficit will fall as defence spending, up 4.8% in the budget, slows, US "
            "officials say.",
        ],
    ),
    (
        "States battle shortfalls",
        [
            "Some 30 US states face a budget shortfall and a deficit this year, a survey found.",
            "California's deficit is put at $8bn in its budget, the largest of any US state.",
            "New York expects a deficit of $4.2bn, with 2,000 state jobs at risk.",
            "Governors want $20bn of help from Washington.",
        ],
    ),
]


def _article(i: int, title: str, sentences: list[str]) -> dict[str, str]:
    return {"id": f"business/{950 + i}", "title": title, "text": "\n\n".join(sentences)}


@pytest.fixture
async def deficits(tmp_path: Path) -> AsyncIterator[Core]:
    items = [_article(i, t, s) for i, (t, s) in enumerate([*OTHERS, TARGET])]
    async with core_over(tmp_path, items) as core:
        yield core


def test_the_query_s_words_together_up_top_count_apart_they_do_not() -> None:
    pairs = query_pairs("US budget deficit")
    assert pairs == [(stem("US"), "budget"), ("budget", "deficit")]
    lead = "The US budget deficit is set to hit $368bn.\n\nMore."
    assert phrase_share(pairs, "Deficit forecast", lead) == 1.0
    apart = "The US said a deficit in its budget would grow.\n\nMore."
    assert phrase_share(pairs, "Spending plans", apart) == 0.0
    # the title counts as much as the lead; a one-word query has no pairs
    assert phrase_share(pairs, "US budget deficit grows", "Figures out.") == 1.0
    assert query_pairs("deficit") == []
    # words are cut as the query is: a hyphen or a possessive still holds the pair together
    assert phrase_share(query_pairs("wi-fi speed"), "Wi-fi speed record set", "") == 1.0
    assert phrase_share(query_pairs("Blair's speech"), "Row over Blair's speech", "") == 1.0
    # only the lead counts of the text: the pair said together further down does not
    later = "The deficit grew.\n\nThe US budget deficit is $368bn."
    assert phrase_share(pairs, "Spending plans", later) == 0.0


async def test_the_story_about_the_words_shows_its_figure_on_the_first_screen(
    deficits: Core,
) -> None:
    reply = await deficits.handle(Request(command="figures", args="US budget deficit"))
    assert not reply.error
    shown = {(reply.citations[r.cite].title, r.surface) for r in first_screen(reply)}
    assert ("Deficit forecast to reach $368bn", "$855bn") in shown, shown
    # the other deficit stories still answer on the same screen
    assert any(title != TARGET[0] for title, _ in shown), shown
