"""A word found in nearly every article is ranked among the newest matches only, on both
backends: /search stays fast on a large archive and still answers with recent coverage."""

from __future__ import annotations

import random
from typing import Any

import pytest

import bot.store.postgres
import bot.store.sqlite_reads
from bot.model import Article

TOPICS = ["harbour", "election", "vaccine", "orchestra", "drought", "railway", "satellite"]


def article(i: int, word: str) -> Article:
    """Distinct articles that all use the word (the oldest most of all)."""
    rng = random.Random(i)
    words = [rng.choice(TOPICS) + str(rng.randint(0, 999)) for _ in range(60)]
    said = f"{word} " * (12 if i == 0 else 1)
    return Article(
        id=f"art-{i}",
        title=f"Story {i} on {TOPICS[i % len(TOPICS)]}",
        text=f"The mayor {said}on Monday. " + " ".join(words) + ".",
        published=f"2024-05-{1 + i:02d}T09:00:00Z",
    )


@pytest.fixture
def few_candidates(monkeypatch: pytest.MonkeyPatch) -> int:
    for module in (bot.store.sqlite_reads, bot.store.postgres):
        monkeypatch.setattr(module, "SEARCH_CANDIDATES", 4)
    return 4


@pytest.mark.parametrize("word", ["council", "said"])  # a content word; a stop-list word
async def test_a_word_in_every_article_ranks_only_the_newest_matches(
    store: Any, few_candidates: int, word: str
) -> None:
    for i in range(10):
        assert (await store.add_article(article(i, word))).status == "new"
    hits = await store.search(word, limit=10)
    # the oldest article uses the word twelve times but is not among the 4 newest matches
    assert sorted(h.article.id for h in hits) == ["art-6", "art-7", "art-8", "art-9"]
    assert all(word in h.snippet for h in hits)
    # a rare word is still found wherever it is
    assert [h.article.id for h in await store.search("Story 0")][:1] == ["art-0"]


# words in 9, 12 and 21 of 30 articles: with 4 candidates, up to 2.5n, more, over half
@pytest.mark.parametrize("share", [3, 4, 7])
async def test_the_newest_matches_are_found_whatever_share_of_the_archive_holds_the_word(
    store: Any, few_candidates: int, share: int
) -> None:
    """PostgreSQL picks its way to the newest matches from the planner's estimate (up to 2.5n
    matches, more, or over half of the archive); every way must give the same newest ones."""
    ids = []
    for i in range(30):
        word = "lighthouse" if i % 10 < share else "ferry"
        assert (await store.add_article(article(i, word))).status == "new"
        if word == "lighthouse":
            ids.append(f"art-{i}")
    if hasattr(store, "_exec"):  # PostgreSQL: statistics as autovacuum would leave them
        await store._exec("ANALYZE articles")
    hits = await store.search("lighthouse", limit=10)
    assert sorted(h.article.id for h in hits) == sorted(ids[-few_candidates:])


# pks 700 apart: 30 articles over 21,000 pks, ~20 of PostgreSQL's ranges of 1,024 (migration 9)
@pytest.mark.parametrize("word", ["lighthouse", "harbour_light"])  # a word; a phrase
@pytest.mark.parametrize("share", [4, 6, 7])  # the phrase: all matches, windows, the walk
async def test_the_newest_matches_are_found_when_the_articles_spread_over_many_pk_ranges(
    store: Any, few_candidates: int, word: str, share: int
) -> None:
    """Articles far apart in row number (deleted rows, a merged archive): the newest
    matches of a word in 12, 18 or 21 of 30 articles are found window after window back through
    the ranges, and a phrase (which that index cannot answer) the same way through the
    search vector; both backends name the same newest ones."""
    ids = []
    for i in range(30):
        if hasattr(store, "_exec"):  # PostgreSQL: the next article's pk
            await store._exec(
                "SELECT setval(pg_get_serial_sequence('articles', 'pk'), $1)", 1 + i * 700
            )
        text = word.replace("_", " ") if i % 10 < share else "ferry"
        assert (await store.add_article(article(i, text))).status == "new"
        if i % 10 < share:
            ids.append(f"art-{i}")
    if hasattr(store, "_exec"):
        await store._exec("ANALYZE articles")
        pks = [r[0] for r in await store._all("SELECT pk FROM articles ORDER BY pk")]
        assert pks[-1] - pks[0] > 20_000
    hits = await store.search(word, limit=10)
    assert sorted(h.article.id for h in hits) == sorted(ids[-few_candidates:])
    # a word in every article, and two words in the same articles
    assert len(await store.search("mayor", limit=10)) == few_candidates
    both = await store.search(f"{word.replace('_', ' ')} Monday", limit=10)
    assert sorted(h.article.id for h in both) == sorted(ids[-few_candidates:])


# pks `gap` apart: 40 articles over ~28 ranges (1,024 pks each), or over ~195, more than one
# window may scan range by range (postgres_schema.MAX_RANGE_SCANS)
@pytest.mark.parametrize("gap", [700, 5000])
@pytest.mark.parametrize("together", ["recent", "old"])  # where the two words meet
async def test_the_newest_articles_holding_two_common_words_are_found_range_by_range(
    store: Any, few_candidates: int, gap: int, together: str
) -> None:
    """Two words each in most articles but together in few ("team criticism"): PostgreSQL
    looks for them window after window back through the pk ranges, each range on its own,
    and both backends name the same newest articles holding both; a third word narrows them
    the same way."""
    both = set(range(8) if together == "old" else range(20, 40, 3))
    ids: dict[str, list[str]] = {"both": [], "three": []}
    for i in range(40):
        if hasattr(store, "_exec"):  # PostgreSQL: the next article's pk
            await store._exec(
                "SELECT setval(pg_get_serial_sequence('articles', 'pk'), $1)", 1 + i * gap
            )
        words = ["lighthouse ferry"] if i in both else ["lighthouse" if i % 2 else "ferry"]
        if i % 4 < 2:
            words.append("beacon")
        assert (await store.add_article(article(i, " ".join(words)))).status == "new"
        if i in both:
            ids["both"].append(f"art-{i}")
            if i % 4 < 2:
                ids["three"].append(f"art-{i}")
    if hasattr(store, "_exec"):
        await store._exec("ANALYZE articles")
    hits = await store.search("lighthouse ferry", limit=10)
    assert sorted(h.article.id for h in hits) == sorted(ids["both"][-few_candidates:])
    three = await store.search("lighthouse ferry beacon", limit=10)
    assert sorted(h.article.id for h in three) == sorted(ids["three"][-few_candidates:])
