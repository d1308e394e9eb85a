"""Slack delivery safety: retries for 5xx answers, and refusal of replayed signed requests.

429s are waited out by slack_sdk's own retry handler (see SlackAdapter._retry_handlers).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)
T = TypeVar("T")

REPLAY_WINDOW = 5 * 60 + 30  # bolt refuses timestamps older than 5 minutes; remember a bit longer
SERVER_ERROR_RETRIES = 3  # with exponential back-off from BACKOFF seconds
BACKOFF = 0.5
SERVER_ERRORS = frozenset({500, 502, 503, 504})


def status_of(obj: Any) -> int | None:
    """The HTTP status of a WebhookResponse, a SlackResponse or an aiohttp response."""
    status = getattr(obj, "status_code", None) or getattr(obj, "status", None)
    return status if isinstance(status, int) else None


async def retrying(call: Callable[[], Awaitable[T]]) -> T:
    """Retry 5xx answers, which slack_sdk retries only for JSON Web API replies (never for a
    response_url, nor a gateway's HTML 502). Slack posts nothing when it answers 5xx, so a retry
    delivers the message once, not twice."""
    for attempt in range(SERVER_ERROR_RETRIES + 1):
        last = attempt == SERVER_ERROR_RETRIES
        try:
            result = await call()
        except SlackApiError as exc:
            if status_of(exc.response) not in SERVER_ERRORS or last:
                raise
            log.info("slack: server error %s, retrying", status_of(exc.response))
        else:
            if status_of(result) not in SERVER_ERRORS or last:
                return result
            log.info("slack: server error %s, retrying", status_of(result))
        await asyncio.sleep(BACKOFF * 2**attempt)
    raise AssertionError("unreachable")


class ReplayGuard:
    """Remembers the signatures of accepted requests so the same signed body is not run twice.

    Slack signs `v0:{timestamp}:{body}`; bolt refuses timestamps over five minutes old, so a
    captured request could otherwise be replayed for those five minutes. The memory is per
    process: several processes behind one URL share a load balancer, not this set.
    """

    def __init__(self, window: float = REPLAY_WINDOW) -> None:
        self.window = window
        self._seen: dict[str, float] = {}

    def first_time(self, signature: str, now: float | None = None) -> bool:
        """True (and remembered) the first time a signature is seen within the window."""
        now = time.monotonic() if now is None else now
        oldest = next(iter(self._seen.values()), None)  # insertion order is expiry order
        if oldest is not None and oldest < now:
            self._seen = {s: t for s, t in self._seen.items() if t >= now}
        if signature in self._seen:
            return False
        self._seen[signature] = now + self.window
        return True

    def forget(self, signature: str) -> None:
        """Drop a signature whose request was refused anyway (a bad signature is not a replay)."""
        self._seen.pop(signature, None)
