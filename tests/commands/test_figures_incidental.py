"""Issue 19, stop 24: counts an editor would not list. "not about just one player", "only
one side was refereed", "as just one part of", "ran alongside me one day" are wording, not
figures: /figures leaves them out, and `briefbot extract --json` still gives them (the
figures_dev contract counts every quantity). A count of one that is a record ("only one goal
in four games"), a duration ("it lasted one day", "a one day strike") or a measure stays. A
number inside a name ("the four Home Unions") or a score before one ("Sunday's 19-13 Six
Nations loss") is no quantity in either."""

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
        "id": "sport/9301",
        "title": "Mourinho wants a team effort from Chelsea",
        "text": (
            "Chelsea boss Jose Mourinho has praised Steven Gerrard.\n\n"
            '"Steven is one of the best players in the world, but I need a team that is not '
            'about just one player." Chelsea have conceded only one goal in four games.'
        ),
    },
    {
        "id": "sport/9302",
        "title": "England coach attacks referee",
        "text": (
            "England lost 18-17 to Ireland in Dublin.\n\nThe England coach went on to claim "
            'that "only one side was refereed". Two England tries were disallowed.'
        ),
    },
    {
        "id": "sport/9303",
        "title": "Holmes recalls Olympic run",
        "text": (
            "Kelly Holmes trained in Australia before the Games.\n\n"
            "One of the IOC's technical staff from Australia ran alongside me one day. The "
            "camp lasted one day short of six weeks, and a one day strike by staff closed it."
        ),
    },
    {
        "id": "sport/9305",
        "title": "Lions tour looms over Six Nations",
        "text": (
            "The Six Nations starts on Saturday.\n\nThe Six Nations may be a glittering prize "
            "in itself but every player from the four Home Unions will also have one eye on a "
            "possible trip to New Zealand. The four Britons in the squad trained with 30 "
            "players after Sunday's 19-13 Six Nations loss to Ireland."
        ),
    },
    {
        "id": "entertainment/9304",
        "title": "Star Wars disc reviewed",
        "text": (
            "The Star Wars trilogy is out on DVD.\n\nThis disc covers those special effects "
            "enough but as just one part of a detailed look at the film, which took 400 staff "
            "three years to make."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_one_said_for_emphasis_is_not_listed(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "Chelsea")]
    assert "one player" not in shown
    assert "one goal" in shown and "four games" in shown  # a record against a count stays
    shown = [r.surface for r in await figure_rows(core, "England coach referee")]
    assert "one side" not in shown
    shown = [r.surface for r in await figure_rows(core, "Star Wars disc")]
    assert "one part" not in shown and "400 staff" in shown


async def test_one_day_as_an_idiom_is_not_listed_but_a_duration_is(core: Core) -> None:
    rows = await figure_rows(core, "Holmes Australia camp")
    at = [r.surface for r in rows]
    assert at.count("one day") == 2  # "lasted one day short of", "a one day strike"
    assert "six weeks" in at


async def test_a_number_inside_a_name_is_not_listed(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "Lions tour Six Nations")]
    assert "four Home Unions" not in shown
    assert not any("Six Nations" in r for r in shown)  # "19-13 Six Nations loss": a score
    assert "four Britons" in shown and "30 players" in shown  # one capitalised word: a count


def test_extract_json_still_gives_every_quantity(
    run: Callable[..., subprocess.CompletedProcess], tmp_path: Path
) -> None:
    path = tmp_path / "chelsea.txt"
    path.write_text(ARTICLES[0]["text"] + "\n\n" + ARTICLES[2]["text"], encoding="utf8")
    p = run("extract", "--json", str(path))
    assert p.returncode == 0, p.stderr
    surfaces = [f["surface"] for f in json.loads(p.stdout)["figures"]]
    assert "one player" in surfaces and surfaces.count("one day") == 3
    path.write_text(ARTICLES[3]["text"], encoding="utf8")
    p = run("extract", "--json", str(path))
    surfaces = [f["surface"] for f in json.loads(p.stdout)["figures"]]
    assert "four Home Unions" not in surfaces and "four Britons" in surfaces  # a name: neither
