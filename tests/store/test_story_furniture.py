"""Stories and copies are told by story text: shared page furniture neither joins two
events nor hides a copy."""

from __future__ import annotations

from pathlib import Path

from bot.model import Article
from bot.store.sqlite import SQLiteStore

DAY = "2026-03-02T08:00:00Z"
FURNITURE = (
    "\n\nWe use cookies to give you the best experience on our website.\n\n"
    "Sign up for our daily newsletter to get the headlines.\n\nShare on Facebook Share on Twitter"
    "\n\nTweet with a location\n\nYou can add location information to your Tweets, such as your "
    "city or precise location, from the web and via third-party applications. You always have "
    "the option to delete your Tweet location history. Learn more"
)
FLOOD = (
    "The River Ouse burst its banks in York on Monday night, flooding 300 homes in the city "
    "centre. The Environment Agency issued two severe flood warnings for York and Selby. "
    "Residents of the lowest streets were taken to a school hall by boat. The river peaked at "
    "5.2 metres above its normal level, the agency said, and more rain is due on Thursday."
)
CHESS = (
    "A twelve-year-old from Leicester has become the youngest grandmaster in British chess "
    "history after a win in Budapest on Sunday. Her coach said she had trained for four hours "
    "a day since the age of six. The English Chess Federation called the result remarkable and "
    "said she would join the national team this summer."
)


async def test_events_sharing_furniture_stay_apart_and_copies_under_other_furniture_are_found(
    tmp_path: Path,
) -> None:
    store = await SQLiteStore.open(tmp_path / "s.db")
    try:
        flood = await store.add_article(
            Article(id="flood", title="", text=FLOOD + FURNITURE, published=DAY)
        )
        chess = await store.add_article(
            Article(id="chess", title="", text=CHESS + FURNITURE, published=DAY)
        )
        assert (flood.status, chess.status) == ("new", "new")
        stories = await store.stories(since="2026-03-01T00:00:00Z", limit=10)
        assert sorted(sorted(r.id for r in s.articles) for s in stories) == [["chess"], ["flood"]]
        # the same report with other furniture is a copy of the first
        copy = await store.add_article(
            Article(
                id="flood-copy",
                title="",
                text=FLOOD + "\n\nAdvertisement\n\nPhoto by Sam Smith\n\nRead more",
                published=DAY,
            )
        )
        assert copy.status == "duplicate", copy
    finally:
        await store.close()
