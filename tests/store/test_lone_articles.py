"""Stories on both stores: an article that came before its event's story had formed is not
left alone once the event's later reports make one (cluster.place's absorption)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.store.test_story_events import MAYOR, MAYOR2, STRIKER, _article

# The footbridge of MAYOR and MAYOR2 told from the contractor's side: it shares too few words
# with either report alone to join it, but enough with the story the two make together.
CRANE = (
    "Crane crews race the floods\n\n"
    "Contractor Aire Steel said its crane crews worked through the night to lift the last span "
    "into place before the water rose again. Site manager Priya Shah said the crane had to "
    "stand on a barge moored in the current. Insurers had refused cover for the barge after "
    "the winter floods. Shah said the firm had lost most of its profit on the job, the new "
    "footbridge."
)
TEXTS = {"crane": CRANE, "mayor": MAYOR, "mayor2": MAYOR2, "striker": STRIKER}


async def _groups(store: Any) -> list[list[str]]:
    stories = await store.stories(since="2000-01-01", limit=50)
    return sorted(sorted(a.id for a in s.articles) for s in stories)


@pytest.mark.parametrize(
    "order",
    [("crane", "striker", "mayor", "mayor2"), ("crane", "mayor", "striker", "mayor2")],
)
async def test_a_lone_report_joins_its_event_once_the_event_has_a_story(
    store: Any, order: tuple[str, ...]
) -> None:
    """The contractor's report comes first and stays alone (the mayor's report alone is not
    close enough); when the second footbridge report joins the first, the grown story takes
    it along. The striker, who shares 'Leeds' and 'Johnson' with the mayor, stays alone."""
    for slug in order[:-1]:
        await store.add_article(_article(slug, TEXTS[slug]))
    assert await _groups(store) == [["crane"], ["mayor"], ["striker"]]
    await store.add_article(_article(order[-1], TEXTS[order[-1]]))
    assert await _groups(store) == [["crane", "mayor", "mayor2"], ["striker"]]
