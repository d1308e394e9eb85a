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
        d = self.DIALECT
        among, params = d.one_of(article_ids)
        rows = await self._select(
            d.sql(
                f"SELECT {FIG_COLS} FROM {self._facts_of('figures f')} WHERE a.id {among} "
                f"ORDER BY a.published, a.id{d.binary}, f.start"
            ),
            params,
        )
        return [stored_figure(r) for r in rows]

    @read_cached
    async def quotes_by_speakers(self, keys: Sequence[str], limit: int = 200) -> list[StoredQuote]:
        if not keys:
            return []
        return await self._quotes_in_order("q.speaker_key", keys, limit)

    async def quotes_for_articles(self, article_ids: Sequence[str]) -> list[StoredQuote]:
        if not article_ids:
            return []
        return await self._quotes_in_order("a.id", article_ids, 10_000)

    async def _quotes_in_order(
        self, column: str, values: Sequence[str], limit: int
    ) -> list[StoredQuote]:
        """Quotes whose column is one of values, in article order."""
        d = self.DIALECT
        among, params = d.one_of(values)
        rows = await self._select(
            d.sql(
                f"SELECT {QUOTE_COLS} FROM {self._facts_of('quotes q')} WHERE {column} {among} "
                f"ORDER BY a.published, a.id{d.binary}, q.start LIMIT ?"
            ),
            [*params, limit],
        )
        return [stored_quote(r) for r in rows]
