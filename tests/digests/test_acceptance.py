"""Acceptance on the seeds: a 07:30 Kyiv digest posts the Kursk story once, then "nothing new", never twice."""

from __future__ import annotations

from pathlib import Path

import time_machine

from bot.model import Article
from tests.digests.conftest import RecordingChannel, at, running

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


async def test_morning_digest_of_the_seeds(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))  # the seeds are indexed at 06:00 Kyiv time
    async with running(db, channel, seed=True) as bot:
        made = await bot.ask("schedule 07:30 Europe/Kyiv")
        assert not made.error
        clock.move_to(at("2024-08-13T04:29:00"))
        await bot.scheduler.tick()
        assert channel.posts == []
        clock.move_to(at("2024-08-13T04:30:00"))  # 07:30 EEST
        await bot.scheduler.tick()
        assert len(channel.posts) == 1
        place, digest = channel.posts[0]
        assert (place, digest.title) == ("C1", "Morning digest — 2024-08-13")
        assert len(digest.sections) == 1  # one story: the Kursk incursion
        story = digest.sections[0]
        assert "Kursk" in story.heading
        assert len(story.sources) == 5
        texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
        assert story.items
        for item in story.items:  # every summary line is verbatim from the article it cites
            cite = digest.citations[item.cite]
            article: Article | None = await bot.core.store.article(cite.article_id)
            assert article is not None and article.text[cite.start : cite.end] == item.text
            assert any(item.text in t for t in texts.values())

        clock.move_to(at("2024-08-14T04:30:00"))  # a day on, nothing new was indexed
        await bot.scheduler.tick()
        assert len(channel.posts) == 2
        later = channel.posts[1][1]
        assert later.title == "Morning digest — 2024-08-14"
        assert later.sections[0].text == "Nothing new indexed since the last digest."
        assert later.citations == ()

    clock.move_to(at("2024-08-14T05:00:00"))  # a restart inside the grace window
    async with running(db, channel, seed=True):
        pass
    assert len(channel.posts) == 2


async def test_the_next_digest_covers_only_what_came_after(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel, seed=True) as bot:
        await bot.ask("schedule 07:30 Europe/Kyiv")
        clock.move_to(at("2024-08-13T04:30:00"))
        await bot.scheduler.tick()
        clock.move_to(at("2024-08-13T12:00:00"))
        text = (
            "Harbour officials in Rotterdam said on Tuesday that container traffic fell by 4 percent in July. "
            "The port authority blamed weaker demand from Asian exporters and a strike by lock operators. "
            '"We expect volumes to recover by the autumn," said spokeswoman Anja de Vries.\n\n'
            "Shipping lines have diverted several vessels to Antwerp while the strike continues."
        )
        result = await bot.core.store.add_article(
            Article(id="port-1", title="Rotterdam port traffic falls", text=text)
        )
        assert result.status == "new"
        clock.move_to(at("2024-08-14T04:30:00"))
        await bot.scheduler.tick()
    second = channel.posts[1][1]
    assert [s.heading for s in second.sections] == ["Rotterdam port traffic falls"]
    assert {c.article_id for c in second.citations} == {"port-1"}
