"""The store on both backends: ingest, dedupe, search with hostile queries, integrity."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.ingest.readers import from_text
from bot.model import Article
from bot.store.sqlite import SQLiteStore
from tests.conftest import SEEDS
from tests.store.conftest import Opener


def seed(i: int) -> Article:
    return from_text(SEEDS[i].read_text(), source=str(SEEDS[i]), id_hint=SEEDS[i].stem)


def wire_copy(article: Article) -> Article:
    text = article.text.replace("Monday", "on Monday").replace(
        "(Featured Image Media Credit: Screen Capture/CSPAN)", ""
    )
    return from_text(text, source="wire", id_hint="wire-copy")


async def test_seed_is_indexed_once_and_a_wire_copy_is_a_duplicate(store: Any) -> None:
    first = await store.add_article(seed(0))
    assert first.status == "new"
    again = await store.add_article(seed(0))
    assert (again.status, again.article_id) == ("duplicate", seed(0).id)
    copy = await store.add_article(wire_copy(seed(0)))
    assert copy.status == "duplicate" and copy.detail == "wire copy"
    assert await store.article_count() == 1


async def test_different_articles_on_the_same_story_are_not_duplicates(store: Any) -> None:
    results = [await store.add_article(seed(i)) for i in range(5)]
    assert [r.status for r in results] == ["new"] * 5
    stories = await store.stories(since="2000-01-01T00:00:00Z")
    assert len(stories) == 1 and len(stories[0].articles) == 5


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'Kursk"',
        "AND OR NOT",
        "NEAR(a b)",
        "col:Kursk",
        "*",
        "Kursk*",
        "'; DROP TABLE articles; --",
        "( ) ^ -",
        "<-> & | ! :*",
        "",
    ],
)
async def test_hostile_search_strings_never_raise(store: Any, query: str) -> None:
    await store.add_article(seed(0))
    await store.search(query)
    await store.quotes_matching(query)
    await store.quotes_about(query)
    await store.figures(match=query)
    await store.stories(since="2000-01-01", topic=query)
    assert await store.article_count() == 1
    assert await store.integrity_ok()


async def test_operators_are_plain_words(store: Any) -> None:
    """'or'/'-' typed by a user are words to find, not query operators."""
    for i in range(5):
        await store.add_article(seed(i))
    assert await store.search("Kursk -Kursk")  # not "Kursk and not Kursk"
    both = {h.article.id for h in await store.search("Kursk evacuated")}
    either = {h.article.id for h in await store.search("Kursk or zzzxqy")}
    assert both and either <= both | either


async def test_search_ranks_and_stems(store: Any) -> None:
    for i in range(5):
        await store.add_article(seed(i))
    hits = await store.search("evacuated residents")
    assert hits and "evacuat" in hits[0].snippet.lower()
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert await store.search("zzzxqy") == []
    some = await store.search("zzzxqy Kursk")  # no article has every word: any word will do
    assert some and all("kursk" in h.snippet.lower() or "Kursk" in h.article.title for h in some)


async def test_facts_are_stored_with_their_article(store: Any) -> None:
    for i in range(5):
        await store.add_article(seed(i))
    ids = [seed(i).id for i in range(5)]
    assert [a.id for a in await store.articles(ids[::-1])] == ids[::-1]
    quotes = await store.quotes_for_articles(ids)
    figures = await store.figures_for_articles(ids)
    assert quotes and figures
    assert all(q.sentence and q.article.id in ids for q in quotes)
    assert await store.find_article_ids(ids[0][:6]) and await store.find_article_ids("%") == []
    speakers = await store.speakers()
    assert speakers and speakers[0][2] == max(n for _, _, n in speakers)
    key = speakers[0][0]
    assert all(q.speaker_key == key for q in await store.quotes_by_speakers([key]))
    spellings = await store.speaker_spellings([key])
    assert list(spellings) == [key] and sum(spellings[key].values()) == speakers[0][2]
    assert Counter(q.quote.speaker for q in await store.quotes_by_speakers([key])) == spellings[key]
    assert await store.speaker_spellings([]) == {}
    topics = await store.figure_topics()
    assert topics and await store.figures(topic=topics[0][0])
    recent = await store.recent_articles(limit=2)
    assert len(recent) == 2 and recent[0].published >= recent[1].published


async def test_story_summary_is_cached_for_its_size(store: Any) -> None:
    for i in range(3):
        await store.add_article(seed(i))
    story = (await store.stories(since="2000-01-01"))[0]
    size, cached = await store.story_summary(story.id)
    assert size == 3 and cached is None
    await store.save_story_summary(story.id, 3, [["a", 1]])
    assert await store.story_summary(story.id) == (3, [["a", 1]])
    await store.add_article(seed(3))
    assert await store.story_summary(story.id) == (4, None)  # grew: the summary is stale


async def test_store_survives_reopen(opener: Opener) -> None:
    s = await opener()
    await s.add_article(seed(1))
    await s.close()
    s = await opener()
    assert await s.article_count() == 1
    assert (await s.article(seed(1).id)).text == seed(1).text
    assert (await s.add_article(seed(1))).status == "duplicate"


async def test_sqlite_store_file_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    s = await SQLiteStore.open(path)
    await s.add_article(seed(1))
    await s.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_near_duplicate_detection_can_be_switched_off(opener: Opener) -> None:
    s = await opener(near_duplicates=False)
    await s.add_article(seed(0))
    assert (await s.add_article(wire_copy(seed(0)))).status == "new"
    assert (await s.add_article(seed(0))).status == "duplicate"  # the same text still is


async def test_nul_characters_neither_fail_nor_shift_offsets(store: Any) -> None:
    """PostgreSQL text cannot hold U+0000; the article is still indexed, quotes still line up."""
    base = seed(2)
    text = base.text.replace(". ", ".\x00 ", 3)
    article = from_text(text, source="nul\x00", id_hint="nul")
    assert text.count("\x00") == 3
    assert (await store.add_article(article)).status == "new"
    stored = await store.article(article.id)
    assert stored is not None and len(stored.text) == len(text)
    for q in await store.quotes_for_articles([stored.id]):
        assert stored.text[q.quote.start : q.quote.end].replace(
            "\ufffd", "\x00"
        ) == q.quote.text.replace("\ufffd", "\x00")
    assert await store.find_article_ids("nul\x00") is not None
    assert await store.article_by_url("http://x/\x00") is None
    assert await store.search("Kursk\x00") is not None


def _sport(slug: str, title: str, body: str) -> Article:
    text = f"{title}\n\nPublished: 2026-03-0{len(slug) % 9 + 1}\n\n{body}"
    return from_text(text, source=f"{slug}.txt", id_hint=slug)


async def test_hits_and_topic_stories_hold_the_words_themselves_in_any_case(store: Any) -> None:
    """The search index matches stems (federer and federal are both 'feder'); a hit, and an
    article that puts a story under a /brief topic, must hold the word itself, in any case."""
    said = "The ministry said on Monday that the figures would be published next week in full."
    caps = _sport(
        "caps", "Tennis round-up", f"ROGER FEDERER returned to the court in Basel. {said} " * 3
    )
    budget = _sport(
        "budget", "Budget vote", f"The federal budget passed the senate on Monday. {said} " * 3
    )
    for article in (caps, budget):
        await store.add_article(article)
    assert [h.article.id for h in await store.search("Federer")] == [caps.id]
    stories = await store.stories(since="2000-01-01", topic="Federer")
    assert [a.id for s in stories for a in s.articles] == [caps.id]
    assert [h.article.id for h in await store.search("federal")] == [budget.id]


async def test_a_topic_lists_only_the_stories_about_it_however_many_mention_it(
    store: Any,
) -> None:
    """/brief on a topic: a story that mentions the word in passing is matched by the index but
    is not about the topic (cluster.about), and neither the page nor the count includes it."""
    gas = "The pipeline will carry gas from the north sea to the coast, the pipeline company said."
    about = _sport("pipe", "Pipeline deal signed for the gas pipeline", f"{gas} " * 4)
    derby = [
        _sport(
            f"match{i}",
            f"{team} beat {town} City in the derby",
            f"{team} beat {town} City 3-1 on Saturday. The {team} striker scored twice and "
            f"{town} fans booed their goalkeeper."
            + (
                f" The {team} manager said a pipeline of young players was coming through."
                * (i == 0)
            ),
        )
        for i, (team, town) in enumerate(
            (("Rovers", "Bristol"), ("Albion", "Brighton"), ("Wanderers", "Bolton"))
        )
    ]
    for article in (about, *derby):
        await store.add_article(article)
    matches = [a.id for a in derby]
    for topic, listed in [
        ("pipeline", [about.id]),
        ("gas pipeline", [about.id]),
        ("Pipelines", [about.id]),
        ("derby", matches),
        ("pipeline derby", matches),  # both are terms, the stronger strong enough
        ("gas derby", []),
    ]:
        stories = await store.stories(since="2000-01-01", topic=topic)
        assert [[a.id for a in s.articles] for s in stories] == ([listed] if listed else []), topic
        assert await store.story_count(since="2000-01-01", topic=topic) == len(stories), topic
