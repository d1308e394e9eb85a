"""Ratings run with BLAS on one thread and leave the process's own setting as they found it."""

from __future__ import annotations

import threading

from threadpoolctl import threadpool_info, threadpool_limits

from summaries import summarize
from summaries.blas import one_thread

TEXT = (
    "Lawmakers approved the national budget early on Friday after a long debate overnight.\n"
    "The budget raises spending on schools and hospitals by four percent this year.\n"
    "Economists warned that growth forecasts behind the national budget were optimistic.\n"
)


def _blas_threads() -> list[int]:
    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


def test_blas_is_held_to_one_thread_inside_and_restored_after() -> None:
    with threadpool_limits(limits=2, user_api="blas"):
        before = _blas_threads()
        with one_thread():
            assert set(_blas_threads()) <= {1}
            with one_thread():  # nested: still one thread, and the outer block restores
                assert set(_blas_threads()) <= {1}
            assert set(_blas_threads()) <= {1}
        assert _blas_threads() == before
        assert summarize(TEXT, 2, "news")  # the summariser path restores it too
        assert _blas_threads() == before


def test_overlapping_summaries_in_threads_restore_the_setting_once_all_are_done() -> None:
    with threadpool_limits(limits=2, user_api="blas"):
        before = _blas_threads()
        results: list[list[str]] = []

        def work() -> None:
            for _ in range(20):
                results.append([s.text for s in summarize(TEXT, 2, "lexrank")])

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(results) == 80 and all(r == results[0] for r in results)
        assert _blas_threads() == before
