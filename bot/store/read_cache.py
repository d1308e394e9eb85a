"""Read results kept until the store has a new article, for every backend.

Many channels ask the same /brief, /figures or /who between two ingests; at 100k articles
each costs a sort over tens of thousands of rows. An article and all its quotes, figures
and story are committed together, so the newest article key (one index lookup) changes
whenever any of them may have — in this process or another, on SQLite or PostgreSQL.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R", bound=list[Any])

READ_CACHE_ROWS = 20_000  # result rows of the heavier read queries kept per store object


def _frozen(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value


class ReadCache:
    """Mixin: the cache state; the backend says what its newest article is."""

    _read_cache: OrderedDict[Any, list[Any]]
    _read_version: Any
    _read_rows: int

    def _init_read_cache(self) -> None:
        self._read_cache = OrderedDict()
        self._read_version = -1
        self._read_rows = 0

    async def _newest_article(self) -> Any:
        """A value that changes whenever an article (with its facts) is committed."""
        raise NotImplementedError


def read_cached(
    method: Callable[P, Coroutine[Any, Any, R]],
) -> Callable[P, Coroutine[Any, Any, R]]:
    """Keep a read query's result until the store has a new article (see the module doc).

    Typed as the method it wraps, so a store still satisfies the Store protocol."""

    @functools.wraps(method)
    async def wrapper(self: Any, *args: Any, **kwargs: Any) -> list[Any]:
        key = (method.__name__, _frozen(args), _frozen(sorted(kwargs.items())))
        version = await self._newest_article()
        cache = self._read_cache
        if version != self._read_version:
            cache.clear()
            self._read_rows = 0
            self._read_version = version
        if key in cache:
            cache.move_to_end(key)
            return list(cache[key])
        result = list(await method(self, *args, **kwargs))
        # Kept only if no newer article was seen meanwhile (a slow query started before it
        # must not be filed under the new version).
        if (
            key not in cache
            and self._read_version == version
            and len(result) <= READ_CACHE_ROWS // 4
        ):
            cache[key] = result
            self._read_rows += len(result) + 1
            while self._read_rows > READ_CACHE_ROWS:  # least recently used first
                _, dropped = cache.popitem(last=False)
                self._read_rows -= len(dropped) + 1
        return list(result)

    return wrapper  # type: ignore[return-value]
