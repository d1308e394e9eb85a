"""Alerts on the seeds: one per article with new Putin quotes, threaded per story, never twice."""

from __future__ import annotations

from pathlib import Path

from tests.watches.conftest import SEEDS, ThreadedChannel, running


async def test_putin_alert_for_each_new_quote_threaded_and_never_twice(db: Path | str) -> None:
    channel = ThreadedChannel()
    async with running(db, channel) as bot:
        made = await bot.watch("Putin")
        assert made.title == "Watch #1 on" and "quotes by" in made.sections[0].text
        for seed in SEEDS:
            await bot.ingest(seed)
            await bot.engine.step()
        assert await bot.engine.step() == []  # nothing new: nothing posted
    titles = [r.title for _, r, _ in channel.posts]
    # 000 and 001 quote no Putin; 002, 003 and 004 each bring new quotes: one alert each.
    assert len(titles) == 3 and all(t.startswith("New quote:") for t in titles)
    texts = channel.texts()
    assert any("red line" in t for t in texts)
    assert any("We will definitely expel them" in t for t in texts)
    marked = [
        i.text[i.marks[0][0] : i.marks[0][1]]
        for _, r, _ in channel.posts
        for s in r.sections
        for i in s.items
    ]
    assert sum(m.startswith("kick the enemy out") for m in marked) == 1  # quoted twice in 004
    assert len(texts) == len(set(texts))
    # All five seeds are one story: the first alert opens its thread, the others go in it.
    assert [t for _, _, t in channel.posts] == [None, "T1", "T1"]
    for _, reply, _ in channel.posts:
        assert reply.actions[0].label == "Show source" and reply.actions[0].command == "quote"
        assert all(i.cite is not None for s in reply.sections for i in s.items)
        assert reply.citations[0].article_id
    # A restart (new engine, same store) posts nothing again.
    again = ThreadedChannel()
    async with running(db, again) as bot:
        await bot.engine.step()
    assert again.posts == []


async def test_territory_watch_alerts_on_new_area_figures(db: Path | str) -> None:
    channel = ThreadedChannel()
    async with running(db, channel) as bot:
        await bot.watch("territory")
        for seed in SEEDS[:3]:
            await bot.ingest(seed)
            await bot.engine.step()
    assert [r.title for _, r, _ in channel.posts] == ["New figure on territory"] * 3
    texts = " ".join(channel.texts())
    assert "roughly 400 miles" in texts and "several tens of square kilometers" in texts
    assert "1-2 km" in texts
    assert "drones" not in texts and "100 Russian servicemen" not in texts


async def test_articles_indexed_before_the_watch_do_not_alert(tmp_path: Path) -> None:
    channel = ThreadedChannel()
    async with running(tmp_path / "b.db", channel) as bot:
        await bot.ingest(*SEEDS[:4])
        await bot.watch("Putin")
        await bot.engine.step()
        assert channel.posts == []
        await bot.ingest(SEEDS[4])
        await bot.engine.step()
    assert len(channel.posts) == 1
    assert any("kick the enemy out" in t for t in channel.texts())


async def test_a_cancelled_watch_stops_alerting(tmp_path: Path) -> None:
    channel = ThreadedChannel()
    async with running(tmp_path / "b.db", channel) as bot:
        await bot.watch("Putin")
        cancelled = await bot.watch("cancel 1")
        assert cancelled.title == "Watch #1 cancelled"
        await bot.ingest(*SEEDS)
        await bot.engine.step()
    assert channel.posts == []


async def test_story_watch_alerts_on_each_new_source_in_its_thread(tmp_path: Path) -> None:
    channel = ThreadedChannel()
    async with running(tmp_path / "s.db", channel) as bot:
        await bot.ingest(SEEDS[0])
        made = await bot.watch("story 000_58c49d49d2aa7952")
        assert made.title == "Watch #1 on"
        for seed in SEEDS[1:3]:
            await bot.ingest(seed)
            await bot.engine.step()
    titles = [r.title for _, r, _ in channel.posts]
    assert titles == ["New source on story #1"] * 2
    assert [t for _, _, t in channel.posts] == [None, "T1"]
    first = channel.posts[0][1]
    assert first.citations[0].article_id == SEEDS[1].stem  # the new article, cited
    assert first.actions[0].args == SEEDS[1].stem  # Show source opens it


async def test_a_refused_post_is_retried_and_posted_once(tmp_path: Path) -> None:
    class Flaky(ThreadedChannel):
        refuse = 1

        async def post_threaded(self, place: str, reply, thread: str | None) -> str | None:  # type: ignore[no-untyped-def]
            if self.refuse:
                self.refuse -= 1
                raise RuntimeError("platform returned 503")
            return await super().post_threaded(place, reply, thread)

    channel = Flaky()
    async with running(tmp_path / "f.db", channel) as bot:
        await bot.watch("Putin")
        await bot.ingest(*SEEDS)
        assert await bot.engine.step() == []  # refused: nothing posted, nothing lost
        counts = await bot.core.store.alert_counts("fake", "C1")
        assert counts == {"pending": 7}
        await bot.engine.step()
        await bot.engine.step()
        counts = await bot.core.store.alert_counts("fake", "C1")
    assert counts == {"posted": 7}
    assert len(channel.posts) == 3 and len(set(channel.texts())) == len(channel.texts())


def test_a_namesake_is_not_the_watched_person() -> None:
    from bot.model import Quote
    from bot.store.base import ArticleRef, StoredQuote, Watch
    from bot.watch_match import person_updates

    ref = ArticleRef("a1", "Campaign trail")

    def said(speaker: str, text: str) -> StoredQuote:
        sentence = f"“{text}” {speaker} said."
        return StoredQuote(
            Quote(text, speaker, "direct", 1, 1 + len(text)), "clinton", ref, 1, sentence
        )

    watch = Watch(1, "C1", "fake", "person", "Bill Clinton", "clinton")
    quotes = [said("Hillary Clinton", "We will win."), said("Bill Clinton", "I feel your pain.")]
    found = person_updates(watch, quotes, None)
    assert [u.label for u in found] == ["Bill Clinton"]
    everyone = Watch(2, "C1", "fake", "person", "Clinton", "clinton")  # surname only: both
    assert len(person_updates(everyone, quotes, None)) == 2


async def test_a_watch_on_a_lone_report_follows_it_into_its_events_story(
    db: Path | str, tmp_path: Path
) -> None:
    """A report that came before its event's story had formed is watched as a story of one;
    when the event's later reports make a story that takes it along, the watch follows it and
    alerts on the report that brought it in (the story it joined keeps its own number)."""
    from tests.store.test_lone_articles import TEXTS

    files = {}
    for slug, text in TEXTS.items():
        title, body = text.split("\n\n", 1)
        files[slug] = tmp_path / f"{slug}.txt"
        files[slug].write_text(f"{title}\n\nPublished: 2026-03-02\n\n{body}", encoding="utf8")
    channel = ThreadedChannel()
    async with running(db, channel) as bot:
        await bot.ingest(files["crane"])
        assert (await bot.watch("story crane")).title == "Watch #1 on"
        for slug in ("striker", "mayor", "mayor2"):
            await bot.ingest(files[slug])
            await bot.engine.step()
    assert [r.title for _, r, _ in channel.posts] == ["New source on story #3"]
    assert channel.posts[0][1].citations[0].article_id == "mayor2"
