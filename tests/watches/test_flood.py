"""Flood control: 50 matching articles in a minute give at most per_hour posts, nothing lost."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.config import AlertConfig, Config
from tests.watches.conftest import ThreadedChannel, running

TOWNS = (
    "Sudzha Korenevo Tetkino Glushkovo Lgov Rylsk Oboyan Kurchatov Zheleznogorsk Dmitriev "
    "Fatezh Shchigry Sovetsky Manturovo Solntsevo Medvenka Pristen Gorshechnoye Kastornoye "
    "Belaya Bolshoye Soldatskoye Khomutovka Konyshevka Zolotukhino Cheremisinovo Tim Ponyri"
).split()
WORDS = (
    "river bridge convoy artillery village school hospital railway depot airfield checkpoint "
    "supply market factory farm forest road church station harbour reservoir tunnel"
).split()


def _article(i: int) -> dict[str, str]:
    """Fifty different articles (no two near-duplicates), each quoting Putin once."""
    town = TOWNS[i % len(TOWNS)]
    a, b, c = (
        WORDS[i % len(WORDS)],
        WORDS[(i * 7 + 3) % len(WORDS)],
        WORDS[(i * 5 + 1) % len(WORDS)],
    )
    text = (
        f"Fighting near {town} update {i}\n\n"
        f"Officials described damage to the {a} and the {b} outside {town} on day {i}.\n\n"
        f"\u201cWe will restore the {c} in {town} within {i + 2} days,\u201d Vladimir Putin said.\n\n"
        f"Residents of {town} said the {b} had been closed since the {a} was hit, report {i}."
    )
    return {"id": f"flood{i:02d}", "title": f"Fighting near {town} update {i}", "text": text}


async def test_fifty_articles_in_a_minute_fold_into_at_most_per_hour_posts(
    tmp_path: Path, db: Path | str
) -> None:
    feed = tmp_path / "burst.jsonl"
    feed.write_text("\n".join(json.dumps(_article(i)) for i in range(50)), encoding="utf-8")
    config = Config(near_duplicates=False, alerts=AlertConfig(per_hour=6))
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    now = [start]
    channel = ThreadedChannel()
    async with running(db, channel, config) as bot:
        bot.engine.now = lambda: now[0]
        await bot.watch("Putin")
        lines = feed.read_text(encoding="utf-8").splitlines()
        for n in range(0, 50, 5):  # 50 articles over one minute, the engine running between
            part = tmp_path / f"part{n}.jsonl"
            part.write_text("\n".join(lines[n : n + 5]), encoding="utf-8")
            await bot.ingest(part)
            await bot.engine.step()
            now[0] += timedelta(seconds=6)
        assert len(channel.posts) == 5  # the last post of the hour waits for the burst to end
        now[0] += timedelta(seconds=61)
        await bot.engine.step()
        now[0] += timedelta(minutes=30)
        await bot.engine.step()  # still within the hour: nothing more
        counts = await bot.core.store.alert_counts("fake", "C1")
    assert len(channel.posts) == 6
    fold = channel.posts[-1][1]
    assert fold.title == "45 more updates"
    posted = channel.texts()
    for i in range(50):
        assert sum(f"within {i + 2} days" in t for t in posted) == 1  # each quote once, none lost
    assert counts == {"posted": 50}
