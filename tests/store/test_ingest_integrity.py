"""Issue 20 (ingest) on both backends: ids never make a duplicate, undated articles are never
cited with the indexing time, boilerplate is not searchable, and reindex swaps facts whole."""

from __future__ import annotations

from typing import Any

from bot.extract import analyse, extractor_version
from bot.ingest.readers import from_text
from bot.model import Article
from bot.store.prepare import prepare
from tests.conftest import SEEDS

CUMBRIA = (
    "Cumbria floods leave hundreds homeless\n\nHeavy rain in Cumbria flooded hundreds of homes "
    "on Monday, the county council said, as rivers burst their banks and rescue teams worked "
    "through the night to reach stranded families in the villages near Carlisle.\n"
)
VALENCIA = (
    "Valencia floods kill dozens\n\nFlash floods in Valencia killed dozens of people on "
    "Tuesday, regional officials said, after a year of rain fell in eight hours and swept cars "
    "through the streets of towns south of the city, leaving many roads blocked.\n"
)


def seed(i: int) -> Article:
    return from_text(SEEDS[i].read_text(), source=str(SEEDS[i]), id_hint=SEEDS[i].stem)


async def test_a_taken_id_is_not_a_duplicate_and_the_same_source_keeps_its_id(store: Any) -> None:
    cumbria = from_text(CUMBRIA, source="news/flood.txt", id_hint="flood")
    valencia = from_text(VALENCIA, source="news_b/flood.txt", id_hint="flood")
    assert (await store.add_article(cumbria)).article_id == "flood"
    second = await store.add_article(valencia)
    assert second.status == "new" and second.article_id.startswith("flood-")
    again = await store.add_article(valencia)
    assert (again.status, again.article_id) == ("duplicate", second.article_id)
    renamed = from_text(CUMBRIA, source="elsewhere/cumbria.txt", id_hint="cumbria")
    assert (await store.add_article(renamed)).status == "duplicate"
    assert (await store.article(second.article_id)).title == "Valencia floods kill dozens"  # type: ignore[union-attr]
    # a third text from a third flood.txt still finds a free id
    third = from_text(CUMBRIA.replace("Cumbria", "Somerset"), source="c/flood.txt", id_hint="flood")
    result = await store.add_article(third)
    assert result.status == "new" and result.article_id not in ("flood", second.article_id)
    assert await store.article_count() == 3


async def test_an_undated_article_is_cited_without_a_date_but_still_ordered(store: Any) -> None:
    dated = from_text(VALENCIA, published="2020-05-01T10:00:00Z", id_hint="dated")
    undated = from_text(CUMBRIA, id_hint="undated")
    await store.add_article(dated)
    await store.add_article(undated)
    refs = await store.recent_articles()
    assert [(r.id, r.published) for r in refs] == [
        ("undated", ""),  # indexed now: the newest, but no date is claimed for it
        ("dated", "2020-05-01T10:00:00Z"),
    ]
    assert (await store.article("undated")).published == ""  # type: ignore[union-attr]
    assert [a.published for a in await store.articles(["dated", "undated"])] == [
        "2020-05-01T10:00:00Z",
        "",
    ]


async def test_boilerplate_is_not_searchable_the_story_is(store: Any) -> None:
    await store.add_article(seed(0))
    assert await store.search("legitimate") == []
    assert await store.search("republished articles logo") == []
    hits = await store.search("shifting troops")
    assert [h.article.id for h in hits] == [seed(0).id]


async def test_reindex_swaps_an_articles_facts_whole_and_stamps_the_version(store: Any) -> None:
    article = seed(4)
    await store.add_article(article, prepare(article, extract=False))
    version = extractor_version()
    assert await store.reindex_count(version, ("quotes", "figures")) == 1
    assert await store.quotes_for_articles([article.id]) == []
    [(key, text)] = await store.reindex_batch(version, ("quotes", "figures"))
    assert text == article.text
    analysis = analyse(text)
    for _ in range(2):  # done twice (a rerun): still one copy of each fact
        await store.replace_facts([(key, analysis)], version, ("quotes", "figures"))
    quotes = await store.quotes_for_articles([article.id])
    figures = await store.figures_for_articles([article.id])
    assert len(quotes) == len(analysis.quotes) and len(figures) == len(analysis.figures)
    assert await store.reindex_count(version, ("quotes", "figures")) == 0
    assert await store.reindex_count("next", ("figures",)) == 1
    assert [q.quote.text for q in await store.quotes_matching("kick the enemy out")]


async def test_a_postgres_store_from_before_is_upgraded_keeping_its_ids(pg_server: Any) -> None:
    """Migration 2 on a database migration 1 made: undated articles (published = indexing
    time) say no date, dated ones keep theirs, ids stay, new articles are searched without
    their boilerplate."""
    import uuid

    import asyncpg

    from bot.store.postgres import PostgresStore
    from bot.store.postgres_schema import _V1

    name = "v1_" + uuid.uuid4().hex[:8]
    pg_server._sql(f"CREATE DATABASE {name}")
    pg_url = pg_server.url(name)
    conn = await asyncpg.connect(pg_url)
    try:
        await conn.execute(_V1)  # what briefbot wrote before: schema 1 only
        await conn.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
            "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        await conn.execute("INSERT INTO schema_migrations (version) VALUES (1)")
        for article_id, published, indexed in (
            ("old-undated", "2026-01-02T03:04:05Z", "2026-01-02T03:04:06Z"),
            ("old-dated", "2019-07-01T00:00:00Z", "2026-01-02T03:04:06Z"),
        ):
            await conn.execute(
                "INSERT INTO articles (id, title, text, published, content_hash, ingested_at, "
                "story_id) VALUES ($1, $1, 'Some text about the harbour.', $2, $1, $3, 1)",
                article_id,
                published,
                indexed,
            )
    finally:
        await conn.close()
    store = await PostgresStore.open(pg_url)
    try:
        assert {r.id: r.published for r in await store.recent_articles()} == {
            "old-undated": "",
            "old-dated": "2019-07-01T00:00:00Z",
        }
        await store.add_article(seed(0))
        assert await store.search("legitimate") == []
        assert [h.article.id for h in await store.search("harbour")] == [
            "old-dated",
            "old-undated",
        ] or [h.article.id for h in await store.search("harbour")] == ["old-undated", "old-dated"]
    finally:
        await store.close()


def test_search_form_cuts_closing_boilerplate_and_blanks_the_rest() -> None:
    from bot.store.prepare import search_form, searched_text

    text = "Story one. Credit: Wire Photo. Story two.\nAll content by the Foundation.\n"
    closing = (text.index("All"), len(text) - 1)
    middle = (text.index("Credit"), text.index(" Story two"))
    assert search_form(text, []) == (None, None)
    end, copy = search_form(text, [closing])
    assert copy is None and text[:end] == "Story one. Credit: Wire Photo. Story two."
    form = search_form(text, [middle, closing])
    searched = searched_text(text, form)
    assert len(searched) == len(text) and "Credit" not in searched and "Foundation" not in searched
    assert searched.index("Story two") == text.index("Story two")  # offsets kept
