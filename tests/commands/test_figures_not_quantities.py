"""Issue 19, stop 24: kinds an editor would not list as figures. An age band naming a group
("children under five", "people over 60", "Britain's under 14 boys", "16 and 17-year-olds"),
a vague plural with no number and no counted noun ("lost billions", "an idol to millions"), a
count equal to what the thing has by nature ("in three dimensions", "two sides to every
story", "walks upright on two feet"), a half named by its position ("the bottom half of the
table") and the characters of a plot ("the story of two young women"), and one half of a pair ("one half of the show Bethan and Huw"). /figures leaves them
out; the figures around them stay, as do "thousands of fans", '"hundreds of millions" of
pounds', "under 10 seconds", "over 400,000 home-buyers", "the two sides failed to agree" and
"two feet tall"; `briefbot extract --json` still gives every quantity."""

from __future__ import annotations

import json
import subprocess
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.core import Core
from tests.commands.figure_rows import core_over, figure_rows

ARTICLES = [
    {
        "id": "business/9401",
        "title": "Tsunami food aid appeal",
        "text": (
            "The World Food Programme has appealed for more aid.\n\nOn top of that, 89,000 "
            "tonnes of food for a survival programme for children under five will be needed. "
            "The government gives £200 for winter fuel to households with people over 60, and "
            "there are 11m voters over 60 in the country. Great Britain's under 14 boys won "
            "the team of the year prize, and the club's over 60 players were tested. A minimum wage for 16 and 17-year-olds was set at £3 an "
            "hour, and 21-year-olds should get the adult rate. Campbell said he had to run under 10 seconds, and "
            "the plan would spare over 400,000 home-buyers from the tax."
        ),
    },
    {
        "id": "tech/9402",
        "title": "Piracy costs the film industry",
        "text": (
            "The film industry says piracy costs it dearly.\n\nThe black market for copied "
            "DVDs already costs them billions every year, and Abramovich's millions will not "
            'help. Blair said the government would give "hundreds of millions" of pounds in '
            "aid, and thousands of fans marched. The site had 2,000 visitors a day."
        ),
    },
    {
        "id": "tech/9403",
        "title": "Scanning heads for games",
        "text": (
            "Game makers are scanning players.\n\nPeople chosen to appear in a game will have "
            "their head scanned in three dimensions, using 120 photos. There are two sides to "
            "every story, but the two sides failed to "
            "agree after six months of talks, and Newcastle are in the bottom half of the "
            "table. The building has four sides and 30 floors. The robot walks upright on two "
            "feet and stands two feet tall."
        ),
    },
    {
        "id": "entertainment/9404",
        "title": "British film awards handed out",
        "text": (
            "The awards were handed out in London.\n\nBest British film was My Summer of "
            "Love, the story of two young women, and the film follows three children who are "
            "orphaned. Best documentary told the story of 3,000 miners who lost their jobs, "
            "and the ceremony drew 900 guests. Huw Stephens is one half of the Radio 1 show "
            "Bethan and Huw, and one half of the prize money, £5,000, went to charity."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_an_age_band_naming_a_group_is_not_listed(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "food aid winter fuel voters")]
    assert "under five" not in shown and "over 60" not in shown
    assert "under 14 boys" not in shown
    assert "17-year" not in shown and "21-year" not in shown  # "-year-olds": a group
    assert "over 60 players" in shown  # more than 60 of them
    assert "89,000 tonnes" in shown and "£200" in shown and "11m voters" in shown
    assert "under 10 seconds" in shown and "over 400,000 home-buyers" in shown  # a measure


async def test_a_vague_plural_with_nothing_counted_is_not_listed(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "piracy film industry")]
    assert "billions" not in shown and "millions" not in shown
    assert "hundreds of millions" in shown  # goes on: "of pounds"
    assert any(s.startswith("thousands") for s in shown)  # "thousands of fans"
    assert "2,000 visitors a day" in shown or "2,000 visitors" in shown


async def test_a_natural_count_or_a_placed_half_is_not_listed(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "scanning heads games")]
    assert "three dimensions" not in shown
    assert shown.count("two sides") == 1  # "the two sides failed to agree": the parties
    assert not any(s.startswith("half") for s in shown)
    assert "120 photos" in shown and "six months" in shown
    assert "four sides" in shown and "30 floors" in shown
    assert [r for r in shown if r == "two feet"] == ["two feet"]  # "two feet tall": a length


async def test_the_characters_of_a_plot_are_not_listed(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "British film awards")]
    assert "two young women" not in shown and "three children" not in shown
    assert "3,000 miners" in shown and "900 guests" in shown  # a count in the news stays
    halves = [r for r in shown if r.startswith("one half")]
    assert len(halves) == 1 and "show" not in halves[0]  # half of a duo; of a sum stays


def test_extract_json_still_gives_every_quantity(
    run: Callable[..., subprocess.CompletedProcess], tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n\n".join(a["text"] for a in ARTICLES), encoding="utf8")
    p = run("extract", "--json", str(path))
    assert p.returncode == 0, p.stderr
    surfaces = [f["surface"] for f in json.loads(p.stdout)["figures"]]
    for s in ("under five", "billions", "three dimensions", "two sides"):
        assert s in surfaces
