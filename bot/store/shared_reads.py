"""Reads both stores ask in the same words: articles by id, url or prefix, the facts of
given articles or speakers, and the stories of /brief. Each backend supplies its Dialect
and a few primitives: two to run statements, and for stories its search words (the WHERE
clause), its topic lookup and how it reads the articles of given stories."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from bot import cluster
from bot.model import Article
from bot.store.base import ArticleRef, StoredFigure, StoredQuote, Story
from bot.store.dialect import Dialect
from bot.store.read_cache import read_cached
from bot.store.rows import (
    ARTICLE_COLS,
    FIG_COLS,
    QUOTE_COLS,
    REF_COLS,
    ref,
    stored_figure,
    stored_quote,
    summary_of,
)

STORY_ORDER = "ORDER BY s.last_published DESC, s.size DESC, s.id"  # newest, then biggest


class SharedReads:
    """Mixin: the article and fact reads whose SQL differs only in dialect."""

    DIALECT: ClassVar[Dialect]

    async def _select(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """All rows of a statement in the backend's own marks."""
        raise NotImplementedError

    async def _select_one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first row of a statement in the backend's own marks, or None."""
        raise NotImplementedError

    @staticmethod
    def _figure_match(words: str, any_word: bool, params: list[Any]) -> tuple[str, str, str] | None:
        """(join, condition, rank) in the backend's own marks that a figure's sentence holds
        the words (all, or any with any_word), its parameter added to params; None: the words
        make no query."""
        raise NotImplementedError

    async def _ranked_quotes(
        self, words: str, as_phrase: bool, in_sentence: bool, limit: int
    ) -> list[StoredQuote] | None:
        """Quotes holding the words (as a phrase, or all of them) in the quote itself or, with
        in_sentence, anywhere in its sentence, best first; None: the words make no query."""
        raise NotImplementedError

    @staticmethod
    def _topic_filter(topic: str, params: list[Any]) -> str | None:
        """The condition (in the backend's own marks, after "AND") that a story has an article
        holding the topic's words, its parameters added to params (the first is `since`);
        None: the topic makes no query."""
        raise NotImplementedError

    async def _topic_stories(
        self, since: str | None, topic: str, after_row: int | None, upto: int | None
    ) -> list[tuple[int, str, str, bool]]:
        """(id, first published, last published, about the topic) of the stories matching
        the topic's words in STORY_ORDER: at least the first upto of them (None: all)."""
        raise NotImplementedError

    async def _story_articles(self, story_ids: Sequence[int]) -> dict[int, list[ArticleRef]]:
        """The first 50 articles (published, then indexed order) of each given story."""
        raise NotImplementedError

    def _facts_of(self, fact: str) -> str:
        """FROM and JOIN of a fact table (alias q or f) with its article (alias a)."""
        key = self.DIALECT.row_key
        return f"{fact} JOIN articles a ON a.{key} = {fact.split()[-1]}.article_{key}"

    async def article(self, article_id: str) -> Article | None:
        sql = self.DIALECT.sql(f"SELECT {ARTICLE_COLS} FROM articles WHERE id = ?")
        row = await self._select_one(sql, (article_id,))
        return Article(*row) if row else None

    @read_cached
    async def articles(self, article_ids: Sequence[str]) -> list[Article]:
        if not article_ids:
            return []
        among, params = self.DIALECT.one_of(article_ids)
        rows = await self._select(
            self.DIALECT.sql(f"SELECT {ARTICLE_COLS} FROM articles WHERE id {among}"), params
        )
        by_id = {r[0]: Article(*r) for r in rows}
        return [by_id[i] for i in article_ids if i in by_id]

    async def article_count(self) -> int:
        return int((await self._select_one("SELECT count(*) FROM articles"))[0])

    async def recent_articles(self, limit: int = 20, offset: int = 0) -> list[ArticleRef]:
        d = self.DIALECT
        rows = await self._select(
            d.sql(
                f"SELECT {REF_COLS} FROM articles a ORDER BY a.published DESC, a.{d.row_key} DESC "
                "LIMIT ? OFFSET ?"
            ),
            (limit, offset),
        )
        return [ref(r) for r in rows]

    async def article_by_url(self, url: str) -> ArticleRef | None:
        d = self.DIALECT
        sql = f"SELECT {REF_COLS} FROM articles a WHERE a.url = ? ORDER BY a.{d.row_key} LIMIT 1"
        row = await self._select_one(d.sql(sql), (url,))
        return ref(row) if row else None

    async def find_article_ids(self, prefix: str, limit: int = 5) -> list[str]:
        """Ids starting with what the user typed (escaped for LIKE)."""
        d = self.DIALECT
        esc = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = await self._select(
            d.sql(
                f"SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id{d.binary} LIMIT ?"
            ),
            (esc + "%", limit),
        )
        return [r[0] for r in rows]

    async def latest_article_row(self) -> int:
        """The newest article's row number (0 when empty): where a digest's coverage ends."""
        row = await self._select_one(
            f"SELECT coalesce(max({self.DIALECT.row_key}), 0) FROM articles"
        )
        return int(row[0]) if row else 0

    async def latest_published(self) -> str | None:
        row = await self._select_one("SELECT max(published) FROM articles")
        return row[0] if row else None

    @read_cached
    async def figures_for_articles(self, article_ids: Sequence[str]) -> list[StoredFigure]:
        if not article_ids:
            return []
        rows = await self._in_article_order(FIG_COLS, "figures f", "a.id", article_ids)
        return [stored_figure(r) for r in rows]

    @read_cached
    async def figures(
        self,
        topic: str | None = None,
        match: str | None = None,
        limit: int = 1000,
        any_word: bool = False,
    ) -> list[StoredFigure]:
        """Figures of a topic and/or whose sentence holds the words (any of them if any_word).

        With words, the best-matching sentences come first, so a LIMIT keeps the relevant
        ones; without, article order.
        """
        d = self.DIALECT
        where, params = [], []
        join, order = "", f"a.published, a.id{d.binary}, f.start"
        if topic:
            params.append(topic)
            where.append(f"f.topic = {d.mark(len(params))}")
        if match:
            found = self._figure_match(match, any_word, params)
            if found is None:
                return []
            join, condition, rank = found
            where.append(condition)
            order = f"{rank}, {order}"
        params.append(limit)
        sql = (
            f"SELECT {FIG_COLS} FROM figures f {join} "
            f"JOIN articles a ON a.{d.row_key} = f.article_{d.row_key} "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} "
            f"ORDER BY {order} LIMIT {d.mark(len(params))}"
        )
        return [stored_figure(r) for r in await self._select(sql, params)]

    @read_cached
    async def figure_topics(self) -> list[tuple[str, int]]:
        rows = await self._select(
            "SELECT topic, count(*) FROM figures WHERE topic IS NOT NULL AND topic != '' "
            "GROUP BY topic ORDER BY count(*) DESC, topic"
        )
        return [(r[0], r[1]) for r in rows]

    @read_cached
    async def quotes_matching(self, phrase: str, limit: int = 50) -> list[StoredQuote]:
        """Quotes holding the words as a phrase; failing that, all the words anywhere in the quote."""
        for as_phrase in (True, False):
            rows = await self._ranked_quotes(phrase, as_phrase, False, limit)
            if rows is None:
                return []
            if rows:
                return rows
        return []

    @read_cached
    async def quotes_about(self, words: str, limit: int = 50) -> list[StoredQuote]:
        """Quotes whose sentence holds all the words."""
        return await self._ranked_quotes(words, False, True, limit) or []

    @read_cached
    async def quotes_by_speakers(self, keys: Sequence[str], limit: int = 200) -> list[StoredQuote]:
        if not keys:
            return []
        rows = await self._in_article_order(QUOTE_COLS, "quotes q", "q.speaker_key", keys, limit)
        return [stored_quote(r) for r in rows]

    async def quotes_for_articles(self, article_ids: Sequence[str]) -> list[StoredQuote]:
        if not article_ids:
            return []
        rows = await self._in_article_order(QUOTE_COLS, "quotes q", "a.id", article_ids, 10_000)
        return [stored_quote(r) for r in rows]

    async def _in_article_order(
        self, cols: str, facts: str, column: str, values: Sequence[str], limit: int = 0
    ) -> list[Any]:
        """Rows of a fact table (`quotes q`, `figures f`) whose column is one of values, in
        article order, then in text order within an article; at most limit (0: all)."""
        d = self.DIALECT
        among, params = d.one_of(values)
        sql = (
            f"SELECT {cols} FROM {self._facts_of(facts)} WHERE {column} {among} "
            f"ORDER BY a.published, a.id{d.binary}, {facts.split()[-1]}.start"
        )
        if limit:
            sql, params = f"{sql} LIMIT ?", [*params, limit]
        return await self._select(d.sql(sql), params)

    # -- stories ------------------------------------------------------------------------

    def _stories_where(
        self, since: str | None, topic: str | None, after_row: int | None = None
    ) -> tuple[str, list[Any]] | None:
        """The WHERE clause (in the backend's own marks, stories aliased s) and parameters of
        stories() and story_count(); None: nothing can match.

        after_row: only stories with an article indexed after that article row (a digest's
        mark), whatever its publication date. A topic needs an article that has the words
        themselves, not only their stems (Federer is not federal)."""
        d = self.DIALECT
        params: list[Any] = [since or ""]
        filters = ""
        if after_row is not None:
            params.append(after_row)
            filters += (
                f"AND s.id IN (SELECT a.story_id FROM articles a "
                f"WHERE a.{d.row_key} > {d.mark(len(params))}) "
            )
        if topic:
            found = self._topic_filter(topic, params)
            if found is None:
                return None
            filters += found
        return f"WHERE s.last_published >= {d.mark(1)} {filters}", params

    async def story_count(
        self, since: str | None = None, topic: str | None = None, after_row: int | None = None
    ) -> int:
        """How many stories stories() would list without a limit (for "n more" and paging)."""
        counted = await self._story_count_rows(since, topic, after_row)
        return int(counted[0]) if counted else 0

    @read_cached
    async def _story_count_rows(
        self, since: str | None, topic: str | None, after_row: int | None
    ) -> list[Any]:
        """story_count as a one-row list, so it is cached between ingests like stories()."""
        where = self._stories_where(since, topic, after_row)
        if where is None:
            return [0]
        if topic:  # only the stories about the topic count, as stories() lists them
            found = await self._topic_stories(since, topic, after_row, None)
            return [sum(1 for *_, about in found if about)]
        row = await self._select_one(f"SELECT count(*) FROM stories s {where[0]}", where[1])
        return [row[0] if row else 0]

    @read_cached
    async def stories(
        self,
        since: str | None = None,
        topic: str | None = None,
        limit: int = 10,
        offset: int = 0,
        after_row: int | None = None,
    ) -> list[Story]:
        """Stories active since `since`, newest first; with a topic, only stories about it."""
        where = self._stories_where(since, topic, after_row)
        if where is None:
            return []
        if topic:  # matching articles are not enough: the story must be about the topic
            upto = (offset + limit) * cluster.TOPIC_OVERFETCH
            found = (await self._topic_stories(since, topic, after_row, upto))[:upto]
            rows = [r[:3] for r in found if r[3]][offset : offset + limit]
        else:
            params = [*where[1], limit, offset]
            d = self.DIALECT
            rows = await self._select(
                f"SELECT s.id, s.first_published, s.last_published FROM stories s {where[0]} "
                f"{STORY_ORDER} LIMIT {d.mark(len(params) - 1)} OFFSET {d.mark(len(params))}",
                params,
            )
        if not rows:
            return []
        arts = await self._story_articles([r[0] for r in rows])
        return [
            Story(
                id=sid,
                articles=tuple(arts.get(sid, ())),
                first_published=first,
                last_published=last,
            )
            for sid, first, last in rows
        ]

    async def story_summary(self, story_id: int) -> tuple[int, list[list[Any]] | None]:
        """The cached multi-source summary and the story size it was made for."""
        row = await self._select_one(
            self.DIALECT.sql("SELECT size, summary, summary_size FROM stories WHERE id = ?"),
            (story_id,),
        )
        return summary_of(row)

    async def story_summaries(
        self, story_ids: Sequence[int]
    ) -> dict[int, tuple[int, list[list[Any]] | None]]:
        """story_summary of several stories in one query (a /brief shows five)."""
        if not story_ids:
            return {}
        among, params = self.DIALECT.one_of(story_ids, "bigint")
        rows = await self._select(
            self.DIALECT.sql(
                f"SELECT id, size, summary, summary_size FROM stories WHERE id {among}"
            ),
            params,
        )
        return {r[0]: summary_of(r[1:]) for r in rows}
