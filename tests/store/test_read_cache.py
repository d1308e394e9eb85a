"""Read results kept between ingests are never stale, on SQLite and PostgreSQL: a new article
shows at once, even when another process indexed it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import ingest_sources, open_core
from bot.core import Core
from bot.ingest.service import ingest_paths
from bot.model import Request
from bot.store.opening import open_store
from tests.conftest import reply_text
from tests.hardening.test_load import NEW_ARTICLE


@pytest.fixture
async def core(target: str) -> AsyncIterator[Core]:
    """A seeded core on the test's backend (tests/store/conftest.py: SQLite, then PostgreSQL)."""
    async with open_core(target, seed=True) as c:
        yield c


async def test_a_new_article_is_found_right_after_the_same_question(
    core: Core, tmp_path: Path
) -> None:
    who = Request("who", "said safer crossing")
    before = reply_text(await core.handle(who))
    assert "We promised" not in before
    assert "We promised" not in reply_text(await core.handle(who))  # asked twice: kept
    path = tmp_path / "bridge.txt"
    path.write_text(NEW_ARTICLE)
    assert (await ingest_sources(core, [str(path)])).new == 1
    assert "We promised" in reply_text(await core.handle(who))


async def test_an_article_indexed_by_another_process_is_seen(
    core: Core, target: str, tmp_path: Path
) -> None:
    search = Request("search", "harbour bridge reopens")
    assert "Harbour bridge" not in reply_text(await core.handle(search))
    other = await open_store(target)  # another bot process on the same store
    try:
        path = tmp_path / "bridge.txt"
        path.write_text(NEW_ARTICLE)
        assert (await ingest_paths(other, [path])).new == 1
    finally:
        await other.close()
    assert "Harbour bridge" in reply_text(await core.handle(search))


async def test_the_same_question_between_ingests_is_answered_from_the_cache(core: Core) -> None:
    """Asked again, no heavy query runs again (only the newest article is looked up)."""
    store = core.store
    queries = 0
    run_all = store._all

    async def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal queries
        queries += 1
        return await run_all(*args, **kwargs)

    store._all = counting  # every multi-row query of both backends goes through _all
    figures = Request("figures", "territory")
    first = reply_text(await core.handle(figures))
    assert queries > 0 and "400 square miles" in first
    queries = 0
    assert reply_text(await core.handle(figures)) == first
    assert queries == 0
    await core.handle(Request("search", "Kursk incursion"))  # another question does query
    assert queries > 0
