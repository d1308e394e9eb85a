"""PostgreSQL's read queries besides /search and /brief: articles, figures, quotes and
speakers (mixed into PostgresStore)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.store.base import StoredFigure, StoredQuote
from bot.store.postgres_text import all_of, any_of, phrase
from bot.store.read_cache import read_cached
from bot.store.rows import (
    FIG_COLS,
    QUOTE_COLS,
    stored_figure,
    stored_quote,
)


class PgReads:
    """What the commands read, besides search and stories, over PostgresStore's pool."""

    if TYPE_CHECKING:

        async def _one(self, sql: str, *params: Any) -> Any: ...
        async def _all(self, sql: str, *params: Any) -> list[Any]: ...
        async def _val(self, sql: str, *params: Any) -> Any: ...

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

    # -- quotes -------------------------------------------------------------------------

    async def _ranked_quotes(
        self, words: str, as_phrase: bool, in_sentence: bool, limit: int
    ) -> list[StoredQuote] | None:
        """SharedReads' quote lookup: the quote's (or its whole sentence's) search vector,
        best (ts_rank) first."""
        match = phrase(words) if as_phrase else all_of(words)
        if not match:
            return None
        column = "tsv_all" if in_sentence else "tsv_text"
        rows = await self._all(
            f"SELECT {QUOTE_COLS} FROM quotes q JOIN articles a ON a.pk = q.article_pk, "
            f"websearch_to_tsquery('english', $1) AS m WHERE q.{column} @@ m "
            f"ORDER BY ts_rank(q.{column}, m) DESC, q.id LIMIT $2",
            match,
            limit,
        )
        return [stored_quote(r) for r in rows]

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
