"""SQLite's read queries: /search, speakers, and the dialect parts of the figure, quote and
story lookups, the rest being shared_reads.py's (mixed into SQLiteStore)."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import aiosqlite

from bot import cluster
from bot.store import fts
from bot.store.base import ArticleRef, SearchHit, StoredQuote
from bot.store.read_cache import read_cached
from bot.store.rows import (
    QUOTE_COLS,
    REF_COLS,
    SEARCH_CANDIDATES,
    SURFACE_FIRST,
    ref,
    stored_quote,
)
from bot.store.shared_reads import STORY_ORDER


class SQLiteReads:
    """What the commands read, over SQLiteStore's reader connection."""

    if TYPE_CHECKING:
        _db: aiosqlite.Connection
        _write_lock: asyncio.Lock
        _spellings: dict[str, Counter[str]]
        _speakers_upto: int
        _speakers_list: list[tuple[str, str, int]] | None
        _speakers_stamp: str

        async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
        async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...

    @read_cached
    async def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Best-matching articles: all words first, any word if that finds nothing.

        Ranking (bm25, title words weighted 4x) looks at the newest SEARCH_CANDIDATES
        matching articles: a word found in most of a 100k archive would otherwise be scored
        in every article; for the same reason 'the', 'of', 'was' are left out of a query
        that has other words. Snippets are cut only for the hits shown.
        """
        surface = fts.surface_patterns(query)
        for match, joiner in (
            (fts.all_of(query, drop_common=True), " AND "),
            (fts.any_of(query, drop_common=True), " OR "),
        ):
            if not match:
                return []
            # The index matches stems; each hit must also hold the words themselves. Checked
            # on the best-ranked few first, on every candidate only when too few of them pass.
            words = joiner.join(["(a.title LIKE ? OR a.text LIKE ?)"] * len(surface)) or "1"
            for checked in (limit * SURFACE_FIRST, SEARCH_CANDIDATES):
                ranked = await self._all(
                    "SELECT r.rowid, r.score FROM (SELECT rowid, score FROM ("
                    "SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts "
                    "WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score LIMIT ?) r "
                    f"JOIN articles a ON a.rowid = r.rowid WHERE {words} ORDER BY r.score LIMIT ?",
                    (
                        match,
                        SEARCH_CANDIDATES,
                        checked,
                        *[p for w in surface for p in (w, w)],
                        limit,
                    ),
                )
                if len(ranked) >= limit or not surface:
                    break
            if not ranked:
                continue
            # One statement, one branch per hit: each is a rowid lookup inside the match.
            branch = (
                f"SELECT ? AS k, {REF_COLS}, snippet(articles_fts, 1, '', '', ' … ', 24) "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? AND articles_fts.rowid = ?"
            )
            params: list[Any] = []
            for k, (rowid, _) in enumerate(ranked):
                params += [k, match, rowid]
            rows = await self._all(" UNION ALL ".join([branch] * len(ranked)), params)
            return [
                SearchHit(ref(r[1:6]), " ".join(r[6].split()), -ranked[r[0]][1])
                for r in sorted(rows)
            ]
        return []

    # -- figures ------------------------------------------------------------------------

    @staticmethod
    def _figure_match(words: str, any_word: bool, params: list[Any]) -> tuple[str, str, str] | None:
        """SharedReads' figure lookup: the FTS5 index of figure sentences, ranked by bm25."""
        q = fts.any_of(words, drop_common=True) if any_word else fts.all_of(words)
        if not q:
            return None
        params.append(q)
        return (
            "JOIN figures_fts ON figures_fts.rowid = f.id",
            "figures_fts MATCH ?",
            "bm25(figures_fts)",
        )

    # -- quotes -------------------------------------------------------------------------

    async def speaker_spellings(self, keys: Sequence[str]) -> dict[str, Counter[str]]:
        """How often each spelling names each speaker, from the counts speakers() keeps: a
        much-quoted person has tens of thousands of quotes to count otherwise."""
        await self.speakers()
        return {k: Counter(self._spellings[k]) for k in keys if k in self._spellings}

    async def speakers(self) -> list[tuple[str, str, int]]:
        """(key, fullest name, quote count) per speaker, most quoted first.

        Counting every quote takes seconds at 100k articles, and /who asks on every request:
        the counts are kept here and brought up to date with only the quotes added since
        (quotes are only ever added, and committed in id order: one writer at a time).
        """
        top, stamp = await self._one(
            "SELECT coalesce(max(id), 0), "
            "coalesce((SELECT value FROM meta WHERE key = 'reindexed'), '') FROM quotes"
        )
        if top < self._speakers_upto or stamp != self._speakers_stamp:
            # a different or rebuilt store, or reindex replaced quotes: count again
            self._spellings, self._speakers_upto, self._speakers_stamp = {}, 0, stamp
            self._speakers_list = None
        if top != self._speakers_upto or self._speakers_list is None:
            # From nothing, the speaker index is the quicker scan; after that, only the new ids.
            since = "id > ? AND id <= ? AND" if self._speakers_upto else "? = 0 AND id <= ? AND"
            rows = await self._all(
                f"SELECT speaker_key, speaker, count(*) FROM quotes WHERE {since} "
                "speaker_key IS NOT NULL GROUP BY speaker_key, speaker",
                (self._speakers_upto, top),
            )
            for key, name, n in rows:
                self._spellings.setdefault(key, Counter())[name] += n
            self._speakers_upto = top
            self._speakers_list = sorted(  # ties: the lower key, then the first longest name
                (
                    (key, max(sorted(names), key=len), names.total())
                    for key, names in sorted(self._spellings.items())
                ),
                key=lambda r: -r[2],
            )
        return list(self._speakers_list)

    async def _ranked_quotes(
        self, words: str, as_phrase: bool, in_sentence: bool, limit: int
    ) -> list[StoredQuote] | None:
        """SharedReads' quote lookup: an FTS5 query on the quote (or its whole sentence), best
        (bm25) first."""
        match = fts.phrase(words) if as_phrase else fts.all_of(words)
        if not match:
            return None
        columns = "{text sentence}" if in_sentence else "{text}"
        rows = await self._all(
            f"SELECT {QUOTE_COLS} FROM quotes q JOIN quotes_fts ON quotes_fts.rowid = q.id "
            "JOIN articles a ON a.rowid = q.article_rowid "
            "WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts) LIMIT ?",
            (f"{columns}: ({match})", limit),
        )
        return [stored_quote(r) for r in rows]

    # -- stories ------------------------------------------------------------------------

    @staticmethod
    def _topic_filter(topic: str, params: list[Any]) -> str | None:
        """SharedReads' topic condition: an FTS5 match on the article, then its words."""
        match = fts.all_of(topic)
        if not match:
            return None
        surface = fts.surface_patterns(topic)
        words = "".join(" AND (a.title LIKE ? OR a.text LIKE ?)" for _ in surface)
        params += [match, params[0], *[p for w in surface for p in (w, w)]]
        return (
            "AND s.id IN (SELECT a.story_id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND a.published >= ?{words} ORDER BY a.published DESC LIMIT 2000)"
        )

    async def _topic_stories(
        self, since: str | None, topic: str, after_row: int | None, upto: int | None
    ) -> list[tuple[int, str, str, bool]]:
        """SharedReads' topic lookup: only the first upto stories are read and parsed."""
        where = self._stories_where(since, topic, after_row)
        if where is None:
            return []
        sql = f"SELECT s.id, s.first_published, s.last_published, s.terms FROM stories s {where[0]}"
        params = where[1]
        if upto is not None:
            sql, params = f"{sql} {STORY_ORDER} LIMIT ?", [*params, upto]
        found = await self._all(sql, params)
        return [(r[0], r[1], r[2], cluster.about(json.loads(r[3]), topic)) for r in found]

    async def _story_articles(self, story_ids: Sequence[int]) -> dict[int, list[ArticleRef]]:
        """SharedReads' story articles: a LIMIT 50 lookup in the story_id index per story."""
        out = {}
        for sid in story_ids:
            arts = await self._all(
                f"SELECT {REF_COLS} FROM articles a WHERE a.story_id = ? ORDER BY a.published, a.rowid LIMIT 50",
                (sid,),
            )
            out[sid] = [ref(r) for r in arts]
        return out

    async def save_story_summary(self, story_id: int, size: int, picked: list[list[Any]]) -> None:
        async with self._write_lock:
            await self._db.execute(
                "UPDATE stories SET summary = ?, summary_size = ? WHERE id = ?",
                (json.dumps(picked), size, story_id),
            )
            await self._db.commit()
