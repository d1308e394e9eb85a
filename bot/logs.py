"""Log format and level from `[log]`: text or JSON lines, and no secret in either.

Every handler gets a filter that replaces the configured secrets (tokens, signing secret,
the store URL's password) wherever they would appear, so even a library's exception
message quoting a token cannot print it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from datetime import UTC, datetime

from bot.config import Config

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
OWN_LOGGERS = ("bot", "adapters", "summaries")
# Shapes of secrets even when not configured here (a token pasted into a message).
_TOKEN_SHAPES = re.compile(r"\b(xox[abposr]-[A-Za-z0-9-]{8,}|xapp-[A-Za-z0-9-]{8,})")
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message[, exc]."""

    def format(self, record: logging.LogRecord) -> str:
        row = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info or record.exc_text:
            # exc_text: the traceback as SecretFilter left it (scrubbed)
            row["exc"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(row, ensure_ascii=False)


class SecretFilter(logging.Filter):
    """Rewrites a record's message (and traceback) with every secret replaced by ***."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if len(s) >= 6}, key=len, reverse=True)

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        text = _TOKEN_SHAPES.sub("***", text)
        return _URL_PASSWORD.sub(r"\1***@", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.scrub(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def secrets_of(config: Config) -> list[str]:
    found = [
        config.slack.bot_token,
        config.slack.signing_secret,
        config.slack.app_token,
        config.discord.token,
    ]
    password = re.search(r"://[^:/@]*:([^@]*)@", config.store_url or "")
    if password:
        found.append(password.group(1))
    return found


def configure_logging(config: Config, verbose: bool = False, serving: bool = False) -> None:
    """Root handler in the configured format; under `serve` briefbot's loggers at [log] level
    (its one-line-per-command logs are INFO), libraries at WARNING; -v: everything at DEBUG."""
    root = logging.getLogger()
    handler = next(iter(root.handlers), None)
    if handler is None:
        handler = logging.StreamHandler()
        root.addHandler(handler)
    handler.setFormatter(
        JsonFormatter() if config.log.format == "json" else logging.Formatter(TEXT_FORMAT)
    )
    for old in [f for f in handler.filters if isinstance(f, SecretFilter)]:
        handler.removeFilter(old)
    handler.addFilter(SecretFilter(secrets_of(config)))
    if verbose:
        root.setLevel(logging.DEBUG)
    if serving:
        level = logging.DEBUG if verbose else getattr(logging, config.log.level.upper())
        for name in OWN_LOGGERS:
            logging.getLogger(name).setLevel(level)
