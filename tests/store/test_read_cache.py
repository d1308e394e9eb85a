"""Read results kept between ingests are never stale: a new article shows at once, even when
another process indexed it."""

from __future__ import annotations

from pathlib import Path

from bot.app import ingest_sources
from bot.core import Core
from bot.ingest.service import ingest_paths
from bot.model import Request
from bot.store.sqlite import SQLiteStore
from tests.conftest import reply_text
from tests.hardening.test_load import NEW_ARTICLE


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


async def test_an_article_indexed_by_another_process_is_seen(core: Core, tmp_path: Path) -> None:
    search = Request("search", "harbour bridge reopens")
    assert "Harbour bridge" not in reply_text(await core.handle(search))
    other = await SQLiteStore.open(core.store.path)  # another bot process on the same file
    try:
        path = tmp_path / "bridge.txt"
        path.write_text(NEW_ARTICLE)
        assert (await ingest_paths(other, [path])).new == 1
    finally:
        await other.close()
    assert "Harbour bridge" in reply_text(await core.handle(search))
