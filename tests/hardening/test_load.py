"""Under load: commands run in worker processes, so a slow one never holds up another channel's
ack; too many at once get "busy, try again" instead of being dropped; story summaries are made
after ingest, not on a reader's /brief. Through the real bolt app on loopback."""

from __future__ import annotations

import os
import signal
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from pathlib import Path

import pytest

import bot.commands.story_summaries
from adapters.slack import SlackAdapter
from bot.app import background, ingest_sources, open_core
from bot.core import Core
from bot.workers import BUSY_TEXT, WorkerPool
from tests.adapters.test_slack import running, shown, slash
from tests.fakes.slack_api import FakeSlack

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", "postgres"])
async def core(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Core]:
    """A seeded core on a SQLite file, then on a PostgreSQL database (workers and the
    warmer open their own connections to the same store)."""
    if request.param == "postgres":
        target = str(request.getfixturevalue("pg_url"))
    else:
        target = str(tmp_path / "store.db")
    async with open_core(target, seed=True) as c:
        yield c


def where(core: Core) -> str:
    """The store's address as another process opens it: its file, or its URL."""
    return str(getattr(core.store, "path", None) or core.store.url)


@contextmanager
def stopped(pids: list[int]) -> Iterator[None]:
    """Freeze the worker processes, as if each were stuck deep in a CPU-heavy command."""
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in pids:
            with suppress(ProcessLookupError):  # a test may have killed it meanwhile
                os.kill(pid, signal.SIGCONT)


def answers(fake: FakeSlack, key: str) -> str:
    return shown([r.body for r in fake.received if r.key == key])


@asynccontextmanager
async def one_worker(
    core: Core, fake_slack: FakeSlack
) -> AsyncIterator[tuple[SlackAdapter, WorkerPool]]:
    """The Slack adapter on a bot whose read commands run in one worker process."""
    async with (
        background(core, where(core), workers=1, warm_every=3600) as bg,
        running(bg.core, fake_slack) as adapter,
    ):
        assert bg.workers is not None
        yield adapter, bg.workers


async def test_a_stuck_command_holds_up_no_other_channels_ack(
    core: Core, fake_slack: FakeSlack
) -> None:
    async with one_worker(core, fake_slack) as (adapter, workers):
        with stopped(workers.pids()):
            status, ack = await slash(adapter, fake_slack, "/who said kick the enemy out", "a")
            assert status == 200 and "Working on it" in ack
            # other channels are acked at once while that command is stuck …
            status, ack = await slash(adapter, fake_slack, "/search Kursk", "b", channel_id="C2")
            assert status == 200 and "Working on it" in ack
            # … and commands that need no worker are answered meanwhile
            status, _ = await slash(adapter, fake_slack, "/help figures", "c", channel_id="C3")
            assert status == 200
            await fake_slack.wait_for(1, kind="response_url")
            assert "/figures" in answers(fake_slack, "c")
            assert answers(fake_slack, "a") == "" and answers(fake_slack, "b") == ""
        # once the worker runs again, the held commands are answered, nothing lost
        assert await adapter.drain(timeout=30)
        assert "Putin" in answers(fake_slack, "a")
        assert "Kursk" in answers(fake_slack, "b")


async def test_overload_gets_busy_try_again_and_nothing_is_dropped(
    core: Core, fake_slack: FakeSlack
) -> None:
    async with (
        background(core, where(core), workers=1, warm_every=3600, max_pending=1) as bg,
        running(bg.core, fake_slack) as adapter,
    ):
        assert bg.workers is not None
        with stopped(bg.workers.pids()):
            assert (await slash(adapter, fake_slack, "/search Kursk", "a"))[0] == 200
            status, _ = await slash(adapter, fake_slack, "/who said kick the enemy out", "b")
            assert status == 200
            await fake_slack.wait_for(1, kind="response_url")
            busy = [r.body for r in fake_slack.received if r.key == "b"]
            assert "try again" in shown(busy) and BUSY_TEXT.split(";")[0] in shown(busy)
            assert busy[0]["response_type"] == "ephemeral"  # only the asker sees it
        assert await adapter.drain(timeout=30)
        assert "Kursk" in answers(fake_slack, "a")
        # trying again works once the load is gone
        assert (await slash(adapter, fake_slack, "/who said kick the enemy out", "b2"))[0] == 200
        assert await adapter.drain(timeout=30)
        assert "Putin" in answers(fake_slack, "b2")


NEW_ARTICLE = """Harbour bridge reopens after three-year repair
The harbour bridge reopened to traffic on Tuesday after a repair programme that lasted three years and cost the city 84 million euros.
City engineers replaced every cable of the suspension span and strengthened both towers against storms.
"We promised a safer crossing and we have delivered it," said the mayor, Ana Ribeiro, at the opening ceremony.
Commuters had faced detours of up to forty minutes while the bridge was closed to cars and lorries.
The ferry service that replaced the crossing will stop running at the end of the month, the port authority said.
"""


async def test_the_warmer_makes_story_summaries_after_ingest_so_brief_does_not(
    core: Core, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_slack: FakeSlack
) -> None:
    async with (
        background(core, where(core), workers=1, warm_every=0.2) as bg,
        # the adapter asks the core without workers: /brief answers in this process
        running(core, fake_slack) as adapter,
    ):
        warmer = bg.warmer
        await warmer.idle.wait()
        stories = await core.store.stories(since="", limit=50)
        assert stories
        for story in stories:  # made in the worker process, read here
            assert (await core.store.story_summary(story.id))[1] is not None
        # a new article: the warmer notices it in the store and summarises its story
        made = warmer.made
        path = tmp_path / "bridge.txt"
        path.write_text(NEW_ARTICLE)
        assert (await ingest_sources(core, [str(path)])).new == 1
        warmer.idle.clear()
        await warmer.idle.wait()
        assert warmer.made > made
        # /brief only reads what was made: summarising now would fail, and nothing does

        def broken(*args: object, **kwargs: object) -> None:
            raise AssertionError("/brief summarised a story on request")

        monkeypatch.setattr(bot.commands.story_summaries, "summarize_story", broken)
        assert (await slash(adapter, fake_slack, "/brief 2000-01-01", "r"))[0] == 200
        assert await adapter.drain(timeout=30)
        text = answers(fake_slack, "r")
        assert "Harbour bridge reopens" in text and "Kursk" in text
        assert "Something went wrong" not in text


async def test_a_worker_killed_mid_command_costs_one_answer_not_the_bot(
    core: Core, fake_slack: FakeSlack
) -> None:
    async with one_worker(core, fake_slack) as (adapter, workers):
        [pid] = workers.pids()
        with stopped([pid]):
            assert (await slash(adapter, fake_slack, "/search Kursk", "a"))[0] == 200
            os.kill(pid, signal.SIGKILL)
        assert await adapter.drain(timeout=30)
        assert "Something went wrong" in answers(fake_slack, "a")
        # a fresh worker answers the next command
        assert (await slash(adapter, fake_slack, "/who said kick the enemy out", "b"))[0] == 200
        assert await adapter.drain(timeout=30)
        assert "Putin" in answers(fake_slack, "b")
