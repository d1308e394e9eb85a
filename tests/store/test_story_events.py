"""Stories on both stores: two events of one day that share a town and a surname stay apart,
however their articles arrive (a guard for any change to the join test in bot/cluster.py)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.ingest.readers import from_text
from bot.model import Article


def _article(slug: str, text: str) -> Article:
    title, body = text.split("\n\n", 1)
    return from_text(
        f"{title}\n\nPublished: 2026-03-02\n\n{body}", source=f"{slug}.txt", id_hint=slug
    )


# Two events on one day that share a town and a surname.
MAYOR = (
    "Leeds mayor opens new footbridge over the River Aire\n\n"
    "The mayor of Leeds, Alan Johnson, opened a £40m footbridge over the River Aire on Saturday. "
    "The steel bridge links the railway station with the new homes on the south bank. Johnson "
    "said it would take ten minutes off the walk to work for thousands of people. The council "
    "paid for the bridge with a grant from the government's towns fund. Work began two years "
    "ago and finished a month late after flooding on the river in the winter."
)
MAYOR2 = (
    "Crowds cross the Aire on Leeds footbridge's first day\n\n"
    "Thousands of people walked across the new footbridge over the River Aire in Leeds on "
    "Saturday after Mayor Alan Johnson cut the ribbon. The £40m steel bridge joins the station "
    "to the south bank, where 2,000 homes are being built. Johnson said the towns fund grant "
    "had paid for it in full. Engineers said the bridge can carry 5,000 people at a time."
)
STRIKER = (
    "Leeds United striker Johnson out for the season\n\n"
    "Leeds United striker Kyle Johnson will miss the rest of the season after damaging knee "
    "ligaments in Saturday's win over Sunderland. Johnson, 24, was carried off in the second "
    "half at Elland Road. The manager said the club would look for another striker before the "
    "transfer window closes. Johnson has scored 14 goals this season and was the club's top "
    "scorer. Leeds are second in the Championship, two points behind the leaders."
)


async def _groups(store: Any) -> list[list[str]]:
    stories = await store.stories(since="2000-01-01", limit=50)
    return sorted(sorted(a.id for a in s.articles) for s in stories)


@pytest.mark.parametrize("order", [("mayor", "striker", "mayor2"), ("striker", "mayor2", "mayor")])
async def test_two_events_sharing_a_town_and_a_surname_stay_apart(
    store: Any, order: tuple[str, ...]
) -> None:
    """The mayor's footbridge and the injured striker share 'Leeds' and 'Johnson'; the second
    footbridge report joins the first, and the grown story still does not take the striker."""
    texts = {"mayor": MAYOR, "mayor2": MAYOR2, "striker": STRIKER}
    for slug in order:
        await store.add_article(_article(slug, texts[slug]))
    assert await _groups(store) == [["mayor", "mayor2"], ["striker"]]
