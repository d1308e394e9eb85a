"""Issue 19, stop 25: numbers that stand for a name or a kind are not listed by /figures.

"number eight Ryan Jones" is a squad position, not eight people called Jones; in an article
about the 3 network, "lets 3 offer good deals" is the network, not three deals; "nominated
for the 60-minute television prize" and "returned to the 13-man code" name a category and a
sport; "the fifth billion-dollar telecoms deal" names a size class. Counts beside them stay: "two Golden Globes", "a 22-man squad", "9 shares each", "a
10-minute standing ovation"."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from tests.commands.figure_rows import core_over, figure_rows

ARTICLES = [
    {
        "id": "sport/9401",
        "title": "Double injury blow strikes Wales",
        "text": (
            "Wales centre Sonny Parker and number eight Ryan Jones will miss Saturday's game "
            "with Italy because of injury.\n\nJones damaged his collar bone against England. "
            "Wales named a 22-man squad with three new caps."
        ),
    },
    {
        "id": "tech/9402",
        "title": "Mobile operators pin hopes on 3G phones",
        "text": (
            "2005 will be the year that third-generation mobile phones become inescapable. "
            "The 3 network launched in 2003.\n\nAlready the extra capacity in 3G networks lets "
            "3 offer good deals on voice calls. More than 800,000 applicants got 9 shares each "
            "in a separate share sale."
        ),
    },
    {
        "id": "entertainment/9403",
        "title": "Directors name television award nominees",
        "text": (
            "The directors' guild has named its nominees.\n\nIn the TV categories, comedy "
            "series Early Doors will compete for the best directing award for a 30-minute "
            "television show, while the directors of Shameless and Hustle are all nominated "
            "for the 60-minute television prize. The actor has won two Golden Globes and was "
            "given a 10-minute standing ovation."
        ),
    },
    {
        "id": "business/9405",
        "title": "Verizon agrees to buy MCI",
        "text": (
            "Verizon has agreed to buy MCI for $6.7bn.\n\nThe takeover would be the fifth "
            "billion-dollar telecoms deal since October. Watchdogs say the rules will put a "
            "billion-dollar dent in the sector's accounts."
        ),
    },
    {
        "id": "politics/9406",
        "title": "Republicans write to FBI director",
        "text": (
            "The FBI director faces more questions.\n\nA letter signed by 200 House "
            "Republicans seeks answers. Republicans said their concerns had been ignored. Of "
            "the 10 staff asked to give evidence, only 4 declined."
        ),
    },
    {
        "id": "sport/9404",
        "title": "Harris returns to league",
        "text": (
            "Iestyn Harris has left Cardiff.\n\nThe talented stand-off returned to the 13-man "
            "code with Bradford Bulls after 18 months in union."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_a_number_before_a_persons_name_is_not_a_count_of_them(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "Wales injury")]
    assert not any("Ryan Jones" in s for s in shown)
    assert "22-man" in shown and "three new caps" in shown


async def test_a_digit_that_names_a_network_is_not_a_count(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "3G phones")]
    assert not any(s.startswith("3") for s in shown), shown
    assert "9 shares" in shown and "More than 800,000 applicants" in shown


async def test_a_compound_naming_a_category_is_not_a_measure(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "directors television award")]
    assert "60-minute" not in shown and "30-minute" not in shown
    assert "two Golden Globes" in shown and "10-minute" in shown
    shown = [r.surface for r in await figure_rows(core, "Harris league")]
    assert "13-man" not in shown and "18 months" in shown


async def test_a_size_class_with_no_number_is_not_a_sum(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "Verizon MCI")]
    assert "billion-dollar" not in shown  # "the fifth billion-dollar telecoms deal"
    assert "$6.7bn" in shown and "a billion-dollar" in shown  # one sum's size stays


async def test_counts_written_in_digits_stay(core: Core) -> None:
    shown = [r.surface for r in await figure_rows(core, "FBI letter Republicans")]
    assert any(s.startswith("200 House Republicans") for s in shown)  # a group, not a name
    assert "4" in shown  # "only 4 declined": a count, though copy writes it in digits
