"""Reads both stores ask in the same words: articles by id, url or prefix, and the facts of
given articles or speakers. Each backend supplies its Dialect and two primitives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from bot.model import Article
from bot.store.base import ArticleRef, StoredFigure, StoredQuote
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
)


class SharedReads:
    """Mixin: the article and fact reads whose SQL differs only in dialect."""

    DIALECT: ClassVar[Dialect]

    async def _select(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """All rows of a statement in the backend's own marks."""
        raise NotImplementedError

    async def _select_one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first row of a statement in the backend's own marks, or None."""
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
