"""Story linkage on both stores: one event told from different angles ends as one story
whatever the order its articles arrive in; events sharing a common name stay apart."""

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


# One event, three outlets: the court story and the fire-science story share too little to
# join each other (different angles); the third report carries both angles.
COURT = (
    "Indiana mother freed after 17 years as arson charges are dropped\n\n"
    "An Indiana woman who spent 17 years in prison for a house fire that killed her "
    "three-year-old son walked free on Tuesday after prosecutors dropped all charges. Dana "
    "Whitlock, 38, was convicted of arson and murder in 1996. The state appeals court threw out "
    "the conviction last year and ordered a new trial. Decatur County prosecutor Neil Harmon said "
    "on Tuesday that the state would not try her again. Whitlock hugged her mother outside the "
    'courthouse in Greensburg. "I never stopped telling them I was innocent," she said. Her '
    "lawyers said she would seek compensation from the state."
)
SCIENCE = (
    "The fire science behind a murder conviction was folklore, engineers say\n\n"
    "The fire science that sent a young mother to prison has been discredited. Investigators "
    "in 1995 said burn patterns on the floor of the trailer showed that an accelerant had been "
    "poured in two places. A laboratory report found no kerosene in the bedroom, but that report "
    "was never given to the defence. Fire engineers at the Center on Wrongful Convictions "
    "retested the samples and found that the burn patterns could be made by a fire that spread "
    'on its own. "Arson investigation in the 1990s was folklore," said engineer Mark Ruiz. '
    "Dozens of convictions across the country rest on the same methods, he said."
)
BRIDGE = (
    "Whitlock free after lab tests find no accelerant in trailer fire\n\n"
    "Dana Whitlock left the Decatur County courthouse a free woman on Tuesday. Prosecutors "
    "dropped the murder and arson charges after engineers at the Center on Wrongful Convictions "
    "retested the samples from the trailer fire that killed her son in 1995 and found no "
    "accelerant. The burn patterns that investigators read as proof of arson could be made by a "
    "fire that spread on its own, they said. Whitlock, 38, spent 17 years in prison. Her lawyers "
    "said she would seek compensation from the state of Indiana."
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


@pytest.mark.parametrize("order", [("court", "science"), ("science", "court")])
async def test_a_report_bridging_two_angles_of_one_event_makes_them_one_story(
    store: Any, order: tuple[str, str]
) -> None:
    """The two angles arrive first and start a story each; the report carrying both joins one
    of them and the two stories become one (before, the first two stayed apart for good)."""
    texts = {"court": COURT, "science": SCIENCE, "bridge": BRIDGE}
    for slug in (*order, "bridge"):
        await store.add_article(_article(slug, texts[slug]))
    assert await _groups(store) == [["bridge", "court", "science"]]
    assert await store.story_count(since="2000-01-01") == 1


async def test_the_merged_story_keeps_the_older_id_its_watch_and_alert_thread(
    store: Any,
) -> None:
    """A channel watches the science story and its alerts run in a thread; once the bridge
    report shows it is the court story too, the watch and the thread follow the merged story,
    which keeps the older id."""
    await store.add_article(_article("court", COURT))
    await store.add_article(_article("science", SCIENCE))
    ids = {a.id: s.id for s in await store.stories(since="2000-01-01") for a in s.articles}
    assert ids["court"] < ids["science"]
    gone = str(ids["science"])
    watch = await store.add_watch("C1", "slack", "story", f"story {gone}", gone, "U1", "now")
    await store.set_story_thread("slack", "C1", ids["science"], "1700000000.000100")
    await store.add_article(_article("bridge", BRIDGE))
    (story,) = await store.stories(since="2000-01-01")
    assert story.id == ids["court"]
    assert await store.story_of("bridge") == story.id
    assert (await store.watch(watch.id)).key == str(story.id)
    assert await store.story_thread("slack", "C1", story.id) == "1700000000.000100"


@pytest.mark.parametrize("order", [("mayor", "striker", "mayor2"), ("striker", "mayor2", "mayor")])
async def test_two_events_sharing_a_town_and_a_surname_stay_apart(
    store: Any, order: tuple[str, ...]
) -> None:
    """The mayor's bridge and the injured striker share 'Leeds' and 'Johnson'; the second
    bridge report joins the first and the grown story still does not take the striker."""
    texts = {"mayor": MAYOR, "mayor2": MAYOR2, "striker": STRIKER}
    for slug in order:
        await store.add_article(_article(slug, texts[slug]))
    assert await _groups(store) == [["mayor", "mayor2"], ["striker"]]
