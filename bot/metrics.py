"""Prometheus metrics of a running bot, scraped at GET /metrics (see the README's list).

One module holds every metric so names and labels stay consistent for dashboards; the
call sites only say what happened. Labels are bounded: command names come from the
command table (anything else is "unknown"), never from what a user typed.
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import REGISTRY, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

# Seconds; Slack and Discord give 3 s to acknowledge, answers may take longer.
_ACK_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0)
_ANSWER_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0, 60.0)

COMMANDS = Counter(
    "briefbot_commands",
    "Commands handled by the core, by command name and outcome (ok, refused, failed, timeout, busy).",
    ["command", "outcome"],
)
ACK_SECONDS = Histogram(
    "briefbot_ack_seconds",
    "Time from a platform event reaching the bot to its acknowledgement.",
    ["platform"],
    buckets=_ACK_BUCKETS,
)
ANSWER_SECONDS = Histogram(
    "briefbot_answer_seconds",
    "Time to answer a command and deliver every message of the reply.",
    ["platform", "command"],
    buckets=_ANSWER_BUCKETS,
)
QUEUE_DEPTH = Gauge(
    "briefbot_worker_queue_depth", "Read commands waiting for or running in worker processes."
)
BUSY_REPLIES = Counter(
    "briefbot_busy_replies", "Commands answered 'busy, try again' because the queue was full."
)
ARTICLES = Counter(
    "briefbot_articles",
    "Articles offered for indexing by this process, by result (new, duplicate, failed).",
    ["result"],
)
FEED_POLLS = Counter("briefbot_feed_polls", "Feed polls made, by result (ok, error).", ["result"])
DIGESTS = Counter("briefbot_digests", "Scheduled digests, by result (posted, failed).", ["result"])
RATE_LIMITED = Counter(
    "briefbot_platform_429", "HTTP 429 (rate limited) answers from a platform API.", ["platform"]
)

KNOWN_COMMANDS: frozenset[str] = frozenset()  # filled by bot.core (the command table)


def command_label(name: str) -> str:
    return name if name in KNOWN_COMMANDS else "unknown"


def count_command(name: str, outcome: str) -> None:
    COMMANDS.labels(command_label(name), outcome).inc()


def observe_answer(platform: str, command: str, ack_seconds: float, answer_seconds: float) -> None:
    """One adapter call per command, next to its log line."""
    ACK_SECONDS.labels(platform).observe(max(ack_seconds, 0.0))
    ANSWER_SECONDS.labels(platform, command_label(command)).observe(max(answer_seconds, 0.0))


def count_ingest(new: int, duplicate: int, failed: int) -> None:
    for result, n in (("new", new), ("duplicate", duplicate), ("failed", failed)):
        if n:
            ARTICLES.labels(result).inc(n)


def count_feed_poll(ok: bool) -> None:
    FEED_POLLS.labels("ok" if ok else "error").inc()


def count_digest(posted: bool) -> None:
    DIGESTS.labels("posted" if posted else "failed").inc()


def count_rate_limited(platform: str) -> None:
    RATE_LIMITED.labels(platform).inc()


def watch_queue(depth: Callable[[], float]) -> None:
    """The worker pool's pending count, read at scrape time."""
    QUEUE_DEPTH.set_function(depth)


def exposition() -> tuple[bytes, str]:
    """The text format body and its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


# Series that exist from the start (at 0), so a dashboard's rate() has a baseline.
for _result in ("new", "duplicate", "failed"):
    ARTICLES.labels(_result)
for _result in ("ok", "error"):
    FEED_POLLS.labels(_result)
for _result in ("posted", "failed"):
    DIGESTS.labels(_result)
