"""Counting the platforms' 429 (rate limited) answers for /metrics, without changing how they
are handled: slack_sdk's retry handler still waits out Retry-After, discord.py still retries."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler

from bot import metrics


class CountingRateLimitHandler(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's 429 handler, counting every 429 it sees (retried or not)."""

    async def can_retry_async(
        self, *, state: Any, request: Any, response: Any = None, error: Any = None
    ) -> bool:
        if response is not None and response.status_code == 429:
            metrics.count_rate_limited("slack")
        return await super().can_retry_async(
            state=state, request=request, response=response, error=error
        )


class DiscordRateLimitCounter(logging.Handler):
    """discord.py handles 429s inside its HTTP client and says so only in its log (a warning
    from discord.http or discord.webhook); this handler counts those records."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        if "rate limited" in str(record.msg):
            metrics.count_rate_limited("discord")


def count_discord_rate_limits() -> None:
    """Attach the counter once to discord.py's loggers (they also keep logging as configured)."""
    for name in ("discord.http", "discord.webhook.async_"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, DiscordRateLimitCounter) for h in logger.handlers):
            logger.addHandler(DiscordRateLimitCounter())
