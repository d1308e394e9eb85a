"""PostgreSQL's read queries besides /search and /brief: the dialect parts of the figure and
quote lookups (the rest is shared_reads.py's) and speakers (mixed into PostgresStore)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.store.base import StoredQuote
from bot.store.postgres_text import all_of, any_of, phrase
from bot.store.rows import (
    QUOTE_COLS,
    stored_quote,
)


class PgReads:
    """What the commands read, besides search and stories, over PostgresStore's pool."""

    if TYPE_CHECKING:

        async def _one(self, sql: str, *params: Any) -> Any: ...
        async def _all(self, sql: str, *params: Any) -> list[Any]: ...
        async def _val(self, sql: str, *params: Any) -> Any: ...

    # -- figures ------------------------------------------------------------------------

    @staticmethod
    def _figure_match(words: str, any_word: bool, params: list[Any]) -> tuple[str, str, str] | None:
        """SharedReads' figure lookup: the figure sentence's search vector, ranked by ts_rank."""
        q = any_of(words, drop_common=True) if any_word else all_of(words)
        if not q:
            return None
        params.append(q)
        tsq = f"websearch_to_tsquery('english', ${len(params)})"
        return "", f"f.tsv @@ {tsq}", f"ts_rank(f.tsv, {tsq}) DESC"

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
