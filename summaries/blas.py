"""Rate articles with BLAS on one thread: their matrices are far too small for threads to pay.

numpy's OpenBLAS hands a product or a solve to its worker threads once a matrix passes a
few thousand cells (a long article does), and those threads then spin for a while waiting
for more work. On the bot's small machines that spinning takes CPU from everything else
and, summed over many articles, costs more than all the arithmetic. So the summarisers
hold BLAS to one thread while they rate, and give the previous setting back afterwards.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np  # noqa: F401  (BLAS must be loaded before threadpoolctl looks for it)
from threadpoolctl import ThreadpoolController

_CONTROLLERS = tuple(ThreadpoolController().select(user_api="blas").lib_controllers)
_LOCK = threading.Lock()
_users = 0  # summaries rating right now, in any thread
_saved: list[int] = []  # each library's thread count before the first of them began


@contextmanager
def one_thread() -> Iterator[None]:
    """BLAS on one thread for the block; the first caller in sets it, the last one out restores.

    Thread-safe: the count is process-wide, so it is set once for overlapping callers.
    """
    global _users
    with _LOCK:
        if _users == 0:
            _saved[:] = [c.get_num_threads() for c in _CONTROLLERS]
            for c in _CONTROLLERS:
                c.set_num_threads(1)
        _users += 1
    try:
        yield
    finally:
        with _LOCK:
            _users -= 1
            if _users == 0:
                for c, count in zip(_CONTROLLERS, _saved, strict=True):
                    c.set_num_threads(count)
