"""PostgreSQL's read queries besides /search and /brief: articles, figures, quotes and
speakers (mixed into PostgresStore)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.model import Article
from bot.store.base import ArticleRef, StoredFigure, StoredQuote
from bot.store.postgres_text import all_of, any_of, phrase
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


class PgReads:
    """What the commands read, besides search and stories, over PostgresStore's pool."""

    if TYPE_CHECKING:

        async def _one(self, sql: str, *params: Any) -> Any: ...
        async def _all(self, sql: str, *params: Any) -> list[Any]: ...
        async def _val(self, sql: str, *params: Any) -> Any: ...

    async def article(self, article_id: str) -> Article | None:
        row = await self._one(
            f"SELECT {ARTICLE_COLS} FROM articles WHERE id = $1",
            article_id,
        )
        return Article(*row) if row else None

    @read_cached
    async def articles(self, article_ids: Sequence[str]) -> list[Article]:
        if not article_ids:
            return []
        rows = await self._all(
            f"SELECT {ARTICLE_COLS} FROM articles WHERE id = ANY($1::text[])",
            list(article_ids),
        )
        by_id = {r[0]: Article(*r) for r in rows}
        return [by_id[i] for i in article_ids if i in by_id]

    async def article_count(self) -> int:
        return int(await self._val("SELECT count(*) FROM articles"))

    async def recent_articles(self, limit: int = 20, offset: int = 0) -> list[ArticleRef]:
        rows = await self._all(
            f"SELECT {REF_COLS} FROM articles a ORDER BY a.published DESC, a.pk DESC LIMIT $1 OFFSET $2",
            limit,
            offset,
        )
        return [ref(r) for r in rows]

    async def article_by_url(self, url: str) -> ArticleRef | None:
        row = await self._one(
            f"SELECT {REF_COLS} FROM articles a WHERE a.url = $1 ORDER BY a.pk LIMIT 1", url
        )
        return ref(row) if row else None

    async def find_article_ids(self, prefix: str, limit: int = 5) -> list[str]:
        """Ids starting with what the user typed (escaped for LIKE)."""
        esc = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = await self._all(
            "SELECT id FROM articles WHERE id LIKE $1 ESCAPE '\\' ORDER BY id COLLATE \"C\" LIMIT $2",
            esc + "%",
            limit,
        )
        return [r[0] for r in rows]

    async def latest_article_row(self) -> int:
        """The newest article's row number (0 when empty): where a digest's coverage ends."""
        row = await self._one("SELECT coalesce(max(pk), 0) FROM articles")
        return int(row[0]) if row else 0

    async def latest_published(self) -> str | None:
        return await self._val("SELECT max(published) FROM articles")

    # -- figures ------------------------------------------------------------------------

    @read_cached
    async def figures(
        self,
        topic: str | None = None,
        match: str | None = None,
        limit: int = 1000,
        any_word: bool = False,
    ) -> list[StoredFigure]:
        """Figures of a topic and/or whose sentence holds the words (any of them if any_word)."""
        where, params = [], []
        order = 'a.published, a.id COLLATE "C", f.start'
        if topic:
            params.append(topic)
            where.append(f"f.topic = ${len(params)}")
        if match:
            q = any_of(match, drop_common=True) if any_word else all_of(match)
            if not q:
                return []
            params.append(q)
            tsq = f"websearch_to_tsquery('english', ${len(params)})"
            where.append(f"f.tsv @@ {tsq}")
            order = f"ts_rank(f.tsv, {tsq}) DESC, {order}"
        params.append(limit)
        sql = (
            f"SELECT {FIG_COLS} FROM figures f JOIN articles a ON a.pk = f.article_pk "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} "
            f"ORDER BY {order} LIMIT ${len(params)}"
        )
        return [stored_figure(r) for r in await self._all(sql, *params)]

    @read_cached
    async def figures_for_articles(self, article_ids: Sequence[str]) -> list[StoredFigure]:
        if not article_ids:
            return []
        rows = await self._all(
            f"SELECT {FIG_COLS} FROM figures f JOIN articles a ON a.pk = f.article_pk "
            f'WHERE a.id = ANY($1::text[]) ORDER BY a.published, a.id COLLATE "C", f.start',
            list(article_ids),
        )
        return [stored_figure(r) for r in rows]

    @read_cached
    async def figure_topics(self) -> list[tuple[str, int]]:
        rows = await self._all(
            "SELECT topic, count(*) FROM figures WHERE topic IS NOT NULL AND topic != '' "
            "GROUP BY topic ORDER BY count(*) DESC, topic"
        )
        return [(r[0], r[1]) for r in rows]

    # -- quotes -------------------------------------------------------------------------

    @read_cached
    async def quotes_matching(self, phrase_text: str, limit: int = 50) -> list[StoredQuote]:
        """Quotes holding the words as a phrase; failing that, all the words anywhere in the quote."""
        for match in (phrase(phrase_text), all_of(phrase_text)):
            if not match:
                return []
            rows = await self._ranked_quotes("tsv_text", match, limit)
            if rows:
                return rows
        return []

    @read_cached
    async def quotes_about(self, words: str, limit: int = 50) -> list[StoredQuote]:
        match = all_of(words)
        if not match:
            return []
        return await self._ranked_quotes("tsv_all", match, limit)

    async def _ranked_quotes(self, column: str, match: str, limit: int) -> list[StoredQuote]:
        rows = await self._all(
            f"SELECT {QUOTE_COLS} FROM quotes q JOIN articles a ON a.pk = q.article_pk, "
            f"websearch_to_tsquery('english', $1) AS m WHERE q.{column} @@ m "
            f"ORDER BY ts_rank(q.{column}, m) DESC, q.id LIMIT $2",
            match,
            limit,
        )
        return [stored_quote(r) for r in rows]

    @read_cached
    async def quotes_by_speakers(self, keys: Sequence[str], limit: int = 200) -> list[StoredQuote]:
        if not keys:
            return []
        return await self._ordered_quotes("q.speaker_key = ANY($1::text[])", list(keys), limit)

    async def speaker_spellings(self, keys: Sequence[str]) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = {}
        if keys:
            rows = await self._all(
                "SELECT speaker_key, speaker, count(*) FROM quotes "
                "WHERE speaker_key = ANY($1::text[]) AND speaker IS NOT NULL GROUP BY 1, 2",
                list(keys),
            )
            for key, name, n in rows:
                out.setdefault(key, Counter())[name] = n
        return out

    async def quotes_for_articles(self, article_ids: Sequence[str]) -> list[StoredQuote]:
        if not article_ids:
            return []
        return await self._ordered_quotes("a.id = ANY($1::text[])", list(article_ids), 10_000)

    async def _ordered_quotes(self, where: str, values: list[str], limit: int) -> list[StoredQuote]:
        rows = await self._all(
            f"SELECT {QUOTE_COLS} FROM quotes q JOIN articles a ON a.pk = q.article_pk "
            f'WHERE {where} ORDER BY a.published, a.id COLLATE "C", q.start LIMIT $2',
            values,
            limit,
        )
        return [stored_quote(r) for r in rows]

    async def speakers(self) -> list[tuple[str, str, int]]:
        rows = await self._all(
            "SELECT speaker_key, speaker, count(*) FROM quotes WHERE speaker_key IS NOT NULL "
            'GROUP BY speaker_key, speaker ORDER BY speaker_key COLLATE "C", speaker COLLATE "C"'
        )
        merged: dict[str, tuple[str, int]] = {}
        for key, name, n in rows:
            shown, total = merged.get(key, (name, 0))
            merged[key] = (max(shown, name, key=len), total + n)
        return sorted(((k, v[0], v[1]) for k, v in merged.items()), key=lambda r: -r[2])
