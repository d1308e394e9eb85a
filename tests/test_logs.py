"""[log] format and level: JSON lines a collector can read, and never a secret in any line."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import ConfigError, load_config
from bot.logs import configure_logging

BOT_TOKEN = "xoxb-1111-2222-abcdefabcdef"
SIGNING = "0123456789abcdef-signing"
DISCORD = "MTIz.discord-token.secret"
PG_PASSWORD = "hunter2-pg-password"


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    """The root handler writing into a buffer; logging put back as it was afterwards."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, logging.getLogger("bot").level)
    buffer = io.StringIO()
    root.handlers = [logging.StreamHandler(buffer)]
    try:
        yield buffer
    finally:
        root.handlers, root.level = saved[0], saved[1]
        logging.getLogger("bot").setLevel(saved[2])


def write_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[store]\nurl = "postgresql://briefbot:{PG_PASSWORD}@db/briefbot"\n'
        f'[slack]\nbot_token = "{BOT_TOKEN}"\nsigning_secret = "{SIGNING}"\n'
        f'[discord]\ntoken = "{DISCORD}"\n' + body
    )
    return path


def test_json_lines_carry_no_secret_even_in_a_traceback(
    tmp_path: Path, stream: io.StringIO
) -> None:
    config = load_config(write_config(tmp_path, '[log]\nformat = "json"\nlevel = "info"\n'), env={})
    configure_logging(config, serving=True)
    log = logging.getLogger("bot.test_logs")
    log.info("slack /who channel=C1 user=U1 ack_ms=1.0 answer_ms=2.0 messages=1 ok")
    log.warning("a library said: invalid_auth for token %s", BOT_TOKEN)
    try:
        raise RuntimeError(f"cannot connect to postgresql://briefbot:{PG_PASSWORD}@db/briefbot")
    except RuntimeError:
        log.exception("store failed (discord token %s, signing %s)", DISCORD, SIGNING)
    log.debug("debug is below the configured level")
    text = stream.getvalue()
    rows = [json.loads(line) for line in text.splitlines()]
    assert [r["level"] for r in rows] == ["info", "warning", "error"]
    assert rows[0]["message"].startswith("slack /who") and rows[0]["logger"] == "bot.test_logs"
    assert "RuntimeError" in rows[2]["exc"] and "***" in rows[2]["exc"]
    for secret in (BOT_TOKEN, SIGNING, DISCORD, PG_PASSWORD):
        assert secret not in text


def test_text_format_by_default_and_library_loggers_stay_quiet(
    tmp_path: Path, stream: io.StringIO
) -> None:
    config = load_config(write_config(tmp_path, ""), env={})
    configure_logging(config, serving=True)
    logging.getLogger("bot.scheduler").info("digest #1 posted to slack:C1 for 2024-08-12")
    logging.getLogger("aiohttp.access").info("GET /metrics")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and " INFO bot.scheduler: digest #1 posted" in lines[0]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ('[log]\nformat = "yaml"\n', 'log.format must be "text" or "json"'),
        ('[log]\nlevel = "loud"\n', "log.level must be one of debug, info, warning, error"),
        ("[server]\nport = 70000\n", "server.port must be between 0 and 65535"),
        ('[server]\nport = "8081"\n', "server.port must be an int"),
    ],
)
def test_bad_log_or_server_settings_say_what_works(tmp_path: Path, body: str, says: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write_config(tmp_path, body), env={})
    assert says in str(caught.value)
