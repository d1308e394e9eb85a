"""PostgreSQL-only behaviour: migrations, concurrent writers, the scheduler lease, no secret leaks."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Awaitable, Callable

import asyncpg
import pytest

from bot.store.base import StoreError
from bot.store.postgres import PostgresStore, redact
from bot.store.postgres_schema import _V_WINDOWS_PER_RANGE, MIGRATIONS
from tests.pgserver import PgServer
from tests.store.test_store import seed


async def _store_made_before(
    pg_server: PgServer,
    version: int,
    articles: int,
    then: Callable[[PostgresStore], Awaitable[None]] | None = None,
) -> str:
    """The URL of a new database an older briefbot made: only the migrations before
    `version` applied, the first `articles` seeds stored (and `then` run on it before it
    closes)."""
    name = f"v{version - 1}_" + uuid.uuid4().hex[:8]
    pg_server._sql(f"CREATE DATABASE {name}")
    url = pg_server.url(name)
    saved = list(MIGRATIONS)
    MIGRATIONS[:] = [m for m in saved if m[0] < version]
    try:
        store = await PostgresStore.open(url)
        try:
            for i in range(articles):
                await store.add_article(seed(i))
            if then is not None:
                await then(store)
        finally:
            await store.close()
    finally:
        MIGRATIONS[:] = saved
    return url


async def test_migrations_apply_once_even_when_processes_start_together(
    pg_server: PgServer,
) -> None:
    name = "blank_" + uuid.uuid4().hex[:8]
    pg_server._sql(f"CREATE DATABASE {name}")
    pg_url = pg_server.url(name)
    stores = await asyncio.gather(*(PostgresStore.open(pg_url) for _ in range(4)))
    try:
        conn = await asyncpg.connect(pg_url)
        try:
            versions = [r[0] for r in await conn.fetch("SELECT version FROM schema_migrations")]
        finally:
            await conn.close()
        assert versions == [v for v, _ in MIGRATIONS]
    finally:
        for s in stores:
            await s.close()


async def test_writers_in_several_processes_store_each_article_once(pg_url: str) -> None:
    stores = [await PostgresStore.open(pg_url) for _ in range(3)]
    try:
        articles = [seed(i) for i in range(4)]
        results = await asyncio.gather(*(s.add_article(a) for s in stores for a in articles))
        assert sorted(r.status for r in results).count("new") == 4
        assert await stores[0].article_count() == 4
        stories = await stores[1].stories(since="2000-01-01")
        assert sum(len(s.articles) for s in stories) == 4
    finally:
        for s in stores:
            await s.close()


async def test_an_article_row_is_written_once_with_its_story(pg_url: str) -> None:
    """Ingest writes each article's row once, its story in it: no second version per
    article (dead rows, and every word written into both search indexes again)."""
    store = await PostgresStore.open(pg_url)
    try:
        for i in range(4):
            assert (await store.add_article(seed(i))).status == "new"
        rows = await store._all("SELECT ctid::text, story_id FROM articles ORDER BY pk")
        assert all(r[1] is not None for r in rows)
        # no dead version on any page: each page's live rows are its first line pointers
        pages: dict[str, list[int]] = {}
        for ctid, _ in rows:
            page, item = ctid.strip("()").split(",")
            pages.setdefault(page, []).append(int(item))
        assert all(sorted(items) == list(range(1, len(items) + 1)) for items in pages.values())
        stories = await store.stories(since="2000-01-01")
        assert sum(len(s.articles) for s in stories) == 4
    finally:
        await store.close()


async def test_one_lease_holder_and_takeover_when_it_closes(pg_url: str) -> None:
    a, b = await PostgresStore.open(pg_url), await PostgresStore.open(pg_url)
    try:
        assert await a.try_lead() is True
        assert await b.try_lead() is False
        assert await a.try_lead() is True  # kept
        await a.release_leadership()
        assert await b.try_lead() is True
        assert await a.try_lead() is False
    finally:
        await a.close()
        await b.close()


async def test_a_bad_url_is_a_short_message_without_the_password() -> None:
    url = "postgresql://bot:s3cret-pw@127.0.0.1:1/briefbot"
    with pytest.raises(StoreError) as err:
        await PostgresStore.open(url)
    assert "s3cret-pw" not in str(err.value) and "127.0.0.1:1" in str(err.value)
    assert redact(url) == "postgresql://bot:***@127.0.0.1:1/briefbot"


def test_config_selects_postgres_and_keeps_the_url_out_of_repr(tmp_path) -> None:
    from bot.config import ConfigError, load_config

    cfg = tmp_path / "c.toml"
    cfg.write_text('[store]\nurl = "postgresql://bot:pw-in-file@db/briefbot"\nlease_seconds = 2\n')
    config = load_config(cfg, env={})
    assert config.store_url.endswith("@db/briefbot") and config.lease_seconds == 2.0
    assert "pw-in-file" not in repr(config)
    from_env = load_config(cfg, env={"BRIEFBOT_STORE_URL": "postgres://x@y/z"})
    assert from_env.store_url == "postgres://x@y/z"
    cfg.write_text('[store]\nurl = "mysql://db/briefbot"\n')
    with pytest.raises(ConfigError, match="postgresql://"):
        load_config(cfg, env={})


async def test_open_core_uses_the_configured_url(pg_url: str) -> None:
    from bot.app import open_core
    from bot.config import Config

    async with open_core(config=Config(store_url=pg_url), seed=True) as core:
        assert isinstance(core.store, PostgresStore)
        assert await core.store.article_count() == 5


async def test_a_store_made_before_the_search_migration_is_upgraded_and_searches(
    pg_server: PgServer,
) -> None:
    """A database an older briefbot made (migration 1 only) gains the search function on open."""
    from bot.store.postgres_schema import migrate

    name = "old_" + uuid.uuid4().hex[:8]
    pg_server._sql(f"CREATE DATABASE {name}")
    url = pg_server.url(name)
    conn = await asyncpg.connect(url)
    try:
        old = [m for m in MIGRATIONS if m[0] == 1]
        saved = list(MIGRATIONS)
        MIGRATIONS[:] = old
        try:
            await migrate(conn)
        finally:
            MIGRATIONS[:] = saved
    finally:
        await conn.close()
    store = await PostgresStore.open(url)
    try:
        have, want = await store.schema_state()
        assert have == want == max(v for v, _ in MIGRATIONS)
        for i in range(3):
            await store.add_article(seed(i))
        assert await store.search(seed(1).title)
    finally:
        await store.close()


async def test_articles_stored_before_the_surface_words_migration_are_searched_after_it(
    pg_server: PgServer,
) -> None:
    """Migration 7 fills the letter runs of articles already stored: their hits still hold
    the words themselves (federer is not federal) after the upgrade."""
    url = await _store_made_before(pg_server, 7, articles=3)
    store = await PostgresStore.open(url)
    try:
        assert (await store.schema_state())[0] == max(v for v, _ in MIGRATIONS)
        rows = await store._all("SELECT title, surface_words FROM articles")
        for title, words in rows:
            runs = {w for w in re.findall("[a-z]+", title.lower()) if len(w) >= 3}
            assert runs and runs <= set(words.split()), title
        hits = await store.search("evacuated residents")
        assert hits and "evacuat" in hits[0].snippet.lower()
    finally:
        await store.close()


async def test_articles_stored_before_the_rank_vector_migration_are_ranked_after_it(
    pg_server: PgServer,
) -> None:
    """Migration 8 gives articles already stored their small ranking vector (title and lead)
    and /search ranks by it: the same hits, best first, as a store made after it."""
    from bot.store.postgres_schema import RANK_LEAD_CHARS

    url = await _store_made_before(pg_server, 8, articles=5)
    store = await PostgresStore.open(url)
    fresh = await PostgresStore.open(pg_server.database())
    try:
        assert (await store.schema_state())[0] == max(v for v, _ in MIGRATIONS)
        for i in range(5):
            await fresh.add_article(seed(i))
        lead = max(re.findall("[A-Za-z]{5,}", seed(0).text[:300]), key=len)  # in a lead
        for query in ("evacuated residents", "Kursk", lead):
            old, new = await store.search(query), await fresh.search(query)
            assert old and [(h.article.id, h.score) for h in old] == [
                (h.article.id, h.score) for h in new
            ]
        # the vector holds the title and lead only, and is kept in the row (not TOAST)
        sizes = await store._all(
            "SELECT pg_column_size(rank_tsv), pg_column_size(tsv), length(text) FROM articles"
        )
        assert all(small < big for small, big, n in sizes if n > 2 * RANK_LEAD_CHARS)
        assert (
            await store._val(
                "SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'articles'::regclass "
                "AND attname = 'rank_tsv'"
            )
            == "m"
        )
    finally:
        await store.close()
        await fresh.close()


async def test_articles_stored_before_the_pk_range_migration_are_searched_after_it(
    pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migration 9 indexes the words of articles already stored by their pk range: after
    the upgrade a word in every article (one candidate ranked, so it is looked for by range)
    and a rare one give the same hits as a store made after it, and `briefbot check` finds
    nothing wrong."""
    import bot.store.postgres

    monkeypatch.setattr(bot.store.postgres, "SEARCH_CANDIDATES", 1)
    url = await _store_made_before(pg_server, 9, articles=5)
    store = await PostgresStore.open(url)
    fresh = await PostgresStore.open(pg_server.database())
    try:
        assert (await store.schema_state())[0] == max(v for v, _ in MIGRATIONS)
        assert await store.consistency_problems() == []
        for i in range(5):
            await fresh.add_article(seed(i))
        for each in (store, fresh):
            await each._exec("ANALYZE articles")
        for query in ("said", "Kursk", "evacuated residents", "the region"):
            old, new = await store.search(query), await fresh.search(query)
            assert old and [(h.article.id, h.score) for h in old] == [
                (h.article.id, h.score) for h in new
            ]
    finally:
        await store.close()
        await fresh.close()


async def test_a_store_made_before_the_per_range_windows_gives_the_same_hits_after_them(
    pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migration 10 only changes how several common words are looked for, window by window:
    a store from before it is upgraded in place and answers every search, one word or
    several, with the same hits and scores as before."""
    import bot.store.postgres

    monkeypatch.setattr(bot.store.postgres, "SEARCH_CANDIDATES", 1)  # every word is common
    queries = ("said", "said people", "Kursk said region", "evacuated residents", "the region")
    version = next(v for v, sql in MIGRATIONS if sql is _V_WINDOWS_PER_RANGE)
    before: list[list[tuple[str, float, str]]] = []

    async def search_before(store: PostgresStore) -> None:
        await store._exec("ANALYZE articles")
        for q in queries:
            before.append([(h.article.id, h.score, h.snippet) for h in await store.search(q)])
        assert (await store.schema_state())[0] == version - 1

    url = await _store_made_before(pg_server, version, articles=5, then=search_before)
    store = await PostgresStore.open(url)
    try:
        assert (await store.schema_state())[0] == max(v for v, _ in MIGRATIONS) >= version
        assert await store.consistency_problems() == []
        after = [
            [(h.article.id, h.score, h.snippet) for h in await store.search(q)] for q in queries
        ]
        assert all(before[:4]) and after == before
    finally:
        await store.close()


async def test_each_statement_is_planned_for_its_own_words_and_dates(pg_url: str) -> None:
    """A prepared statement run often still gets a plan for its own values (no generic plan
    blind to the words), and no JIT compile, whatever the server's defaults."""
    store = await PostgresStore.open(pg_url)
    try:
        for i in range(3):
            await store.add_article(seed(i))
        for _ in range(8):  # PostgreSQL weighs a generic plan after the fifth run
            assert await store.stories(since="2000-01-01", topic="Kursk")
        assert await store._val("SHOW plan_cache_mode") == "force_custom_plan"
        assert await store._val("SHOW jit") == "off"
    finally:
        await store.close()
