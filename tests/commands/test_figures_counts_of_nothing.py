"""Issue 19, stop 26: numbers that count nothing an editor would list are left out of /figures.

"We were playing on our own 22" is the 22-metre line, not 22 of anything; "Two moments of
magic from Brian O'Driscoll" counts moments, which have no length; "and 3 already established
in the UK" is the operator 3, as are a model ("its 3-Series saloon") and a size class ("a 6
figure salary"): BBC copy writes one to nine in words, so a digit with nothing counted and
no other count in its sentence is no figure. Counts beside them stay: "two problems", "five
days", "Of the 10 staff asked, only 4 declined"."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from tests.commands.figure_rows import core_over, figure_rows

ARTICLES = [
    {
        "id": "sport/9501",
        "title": "O'Driscoll magic sees off Italy",
        "text": (
            "Two moments of magic from Brian O'Driscoll guided Ireland to a workmanlike "
            'victory against Italy.\n\n"We were playing on our own 22 for a lot of the first '
            "half so it was quite difficult,\" said coach Eddie O'Sullivan. Ireland had two "
            "problems at the lineout and face Wales in five days."
        ),
    },
    {
        "id": "tech/9502",
        "title": "Video phones to drive 3G adoption",
        "text": (
            "Mobile video is tipped to take off this year.\n\nWith Vodafone now pushing its own "
            "3G service, and 3 already established in the UK, video on the phone is clearly "
            "going to become a must-have. BMW is launching a revamped version of its 3-Series "
            "saloon next month. Of the 10 staff asked about video calls, only 4 declined."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_a_place_on_the_pitch_and_moments_are_not_counts(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "Ireland Italy O'Driscoll")]
    assert "22" not in shown and not any("moments" in s for s in shown), shown
    assert "two problems" in shown and "five days" in shown, shown


async def test_a_digit_counting_nothing_is_not_a_figure(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "3G video phones")]
    assert "3" not in shown, shown
    assert "4" in shown and "10 staff" in shown, shown  # a count of the staff before it
