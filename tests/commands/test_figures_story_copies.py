"""Issue 19, stop 35: in a store of many outlets, each event is told several times. /figures
groups a story's figures under one heading and shows a figure that several outlets give once,
citing each of them, so the first screen holds more of the story's figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.model import Request
from tests.commands.figure_rows import core_over, figure_rows

# Four outlets tell one recall in their own words; each gives the 1.2 million trucks, the
# $150 a truck and the 3 models, and one figure of its own.
_SHARED = (
    " Each repair will cost Harbor Motors about $150 per truck, and 3 truck models are affected."
)
_TEXTS = (
    "Harbor Motors is recalling 1.2 million pickup trucks because a faulty brake line can leak "
    "fluid, the carmaker said on Tuesday.\n\nDealers will replace the brake line free of "
    "charge, and the repair takes about 2 hours, Harbor Motors said.",
    "A brake fault has forced Harbor Motors to call back 1.2 million pickup trucks built in "
    "Ohio.\n\nThe company said it knew of 14 crashes linked to the leaking brake line in the "
    "recalled trucks.",
    "Pickup owners will get letters after Harbor Motors announced a recall of 1.2 million "
    "pickup trucks over brake line leaks.\n\nShares in Harbor Motors fell 4% in New York "
    "after the recall of the trucks was announced.",
    "Harbor Motors recall: 1.2 million pickup trucks need a new brake line, the firm said.\n\n"
    "Regulators opened an inquiry into the Harbor Motors brake line in March after 90 "
    "complaints from truck owners.",
)
ARTICLES = [
    {
        "id": f"recall-{i}",
        "title": "",
        "outlet": outlet,
        "published": "2026-12-01T10:00:00Z",
        "text": text.replace("\n\n", _SHARED + "\n\n", 1),
    }
    for i, (outlet, text) in enumerate(
        zip(("Daily Courier", "Metro Wire", "City Herald", "Evening Post"), _TEXTS, strict=True)
    )
] + [
    {
        "id": "unrelated-1",
        "title": "Harbor festival draws crowds",
        "outlet": "Daily Courier",
        "published": "2026-12-01T09:00:00Z",
        "text": (
            "About 20,000 people came to the harbor festival in Portland on Saturday, the "
            "organisers said, and the boat parade was the biggest the town has seen in years."
        ),
    }
]


@pytest.mark.asyncio
async def test_a_figure_every_outlet_gives_is_one_row_citing_each(tmp_path: Path) -> None:
    async with core_over(tmp_path, ARTICLES) as core:
        rows = await figure_rows(core, "Harbor Motors recall")
    trucks = [r for r in rows if r.surface.startswith("1.2 million")]
    assert len(trucks) == 1, [r.surface for r in rows]
    assert len(trucks[0].also) == 3
    assert "also" in trucks[0].source


@pytest.mark.asyncio
async def test_each_outlets_own_figure_reaches_the_first_screen(tmp_path: Path) -> None:
    from bot.commands.figures import first_screen

    async with core_over(tmp_path, ARTICLES) as core:
        reply = await core.handle(Request(command="figures", args="Harbor Motors recall"))
    shown = {r.surface for r in first_screen(reply)}
    assert {"about 2 hours", "14 crashes", "4%", "90 complaints"} <= shown, shown


@pytest.mark.asyncio
async def test_the_store_gives_each_figure_its_articles_story(tmp_path: Path) -> None:
    async with core_over(tmp_path, ARTICLES) as core:
        figures = await core.store.figures_for_articles([a["id"] for a in ARTICLES])
    story = {sf.article.id: sf.story_id for sf in figures}
    assert len({story[f"recall-{i}"] for i in range(4)}) == 1
    assert story["unrelated-1"] != story["recall-0"]
    assert None not in story.values()


# Two outlets' accounts of one shooting (stories_dev tune half, mn228): the federal charges
# and the state charges are both "11 counts", of two different crimes.
_SHOOTING_LEAD = (
    "A gunman who opened fire at the Tree of Life synagogue in Pittsburgh on Saturday killed "
    "11 people during Sabbath services, officials said."
)
SHOOTING = [
    {
        "id": "shooting-federal",
        "title": "",
        "outlet": "Metro Wire",
        "published": "2026-12-01T10:00:00Z",
        "text": _SHOOTING_LEAD
        + "\n\nRobert Bowers, 46, faces 29 charges in all, including 11 counts of using a "
        "firearm to commit murder and multiple counts of two hate crimes.",
    },
    {
        "id": "shooting-state",
        "title": "",
        "outlet": "City Herald",
        "published": "2026-12-01T11:00:00Z",
        "text": _SHOOTING_LEAD.replace("A gunman who", "The gunman who")
        + "\n\nBowers is charged with 11 counts of criminal homicide, six counts of aggravated "
        "assault and 13 counts of ethnic intimidation.",
    },
]


@pytest.mark.asyncio
async def test_the_same_number_of_two_different_things_stays_two_rows(tmp_path: Path) -> None:
    async with core_over(tmp_path, SHOOTING) as core:
        figures = await core.store.figures_for_articles([a["id"] for a in SHOOTING])
        rows = await figure_rows(core, "Pittsburgh synagogue shooting Bowers")
    assert len({sf.story_id for sf in figures}) == 1  # one story, told by two outlets
    counts = [r for r in rows if r.surface == "11 counts"]
    assert len(counts) == 2 and not any(r.also for r in counts), [(r.surface, r.also) for r in rows]
    killed = [r for r in rows if r.surface == "11 people"]
    assert len(killed) == 1 and len(killed[0].also) == 1
