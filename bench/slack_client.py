"""Playing Slack's side for benchmarks: signed requests in, a local sink for the bot's answers.

Importable by any bench (``from bench.slack_client import ...`` with the repo root on sys.path):

* ``slash_body``, and ``sign`` / ``mention_body`` from tests/fakes/slack_api.py: what Slack POSTs,
  signed with v0 HMAC-SHA256 (slack_sdk's signer);
* ``SlackSender``: POSTs them to a bot over one keep-alive session and times the ack;
* ``Sink``: an aiohttp server on 127.0.0.1 standing in for the Web API and response_url
  that records when each answer arrived (``SlackSettings.api_url = sink.api_url``).

Loopback only, bounded by the caller's request count; nothing here reaches Slack.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

from tests.fakes.slack_api import LoopbackSlack, mention_body, sign  # shared with the tests

__all__ = ["PATH", "Sink", "SlackSender", "mention_body", "sign", "slash_body"]

PATH = "/slack/events"


def slash_body(
    command: str,
    text: str,
    response_url: str,
    *,
    user: str = "U0EDITOR",
    channel: str = "C0DESK",
    trigger: str = "",
) -> str:
    """A form-encoded slash command as Slack sends it."""
    return urlencode(
        {
            "token": "gIkuvaNzQIHg97ATvDxqgjtO",
            "team_id": "T0NEWS",
            "team_domain": "newsroom",
            "channel_id": channel,
            "channel_name": "news-desk",
            "user_id": user,
            "user_name": "editor",
            "command": command,
            "text": text,
            "api_app_id": "A0BRIEF",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger or f"{time.time_ns()}.738474920.8088930838d88f008e1",
        }
    )


@dataclass
class Sent:
    """One request: when it left, when the ack came back, and its HTTP status."""

    key: str
    command: str
    sent: float
    acked: float = 0.0
    status: int = 0

    @property
    def ack_ms(self) -> float:
        return (self.acked - self.sent) * 1000


class SlackSender:
    """Sends signed slash commands to a bot's HTTP endpoint over one keep-alive session."""

    def __init__(self, url: str, secret: str) -> None:
        self.url = url
        self.secret = secret
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> SlackSender:
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=64),
            timeout=aiohttp.ClientTimeout(total=30),
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._session is not None:
            await self._session.close()

    async def slash(self, line: str, response_url: str, key: str, **fields: str) -> Sent:
        """POST `/command text` signed as Slack would; returns its timing."""
        command, _, text = line.partition(" ")
        body = slash_body(command, text, response_url, **fields)
        return await self.post(body, sign(self.secret, body), key, command)

    async def post(self, body: str, headers: dict[str, str], key: str, command: str) -> Sent:
        assert self._session is not None, "use `async with SlackSender(...)`"
        record = Sent(key=key, command=command, sent=time.perf_counter())
        async with self._session.post(self.url, data=body.encode(), headers=headers) as resp:
            await resp.read()
            record.status = resp.status
        record.acked = time.perf_counter()
        return record


@dataclass
class Sink(LoopbackSlack):
    """Slack's Web API and response_url on 127.0.0.1: records when each message arrived.

    Messages to ``/response/<key>`` are filed under ``key``; Web API posts under their channel.
    """

    arrivals: dict[str, list[float]] = field(default_factory=dict)
    bodies: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    keep_bodies: bool = False
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    def _routes(self, app: web.Application) -> None:
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/response/{key}", self._response)

    def _file(self, key: str, body: dict[str, Any]) -> None:
        self.arrivals.setdefault(key, []).append(time.perf_counter())
        if self.keep_bodies:
            self.bodies.setdefault(key, []).append(body)
        self._changed.set()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "auth.test":
            return web.json_response({"ok": True, "user_id": "UBRIEFBOT", "bot_id": "BBRIEFBOT"})
        body = (
            await request.json()
            if request.content_type == "application/json"
            else dict(await request.post())
        )
        self._file(str(body.get("channel", method)), body)
        return web.json_response({"ok": True, "channel": body.get("channel"), "ts": "1.0"})

    async def _response(self, request: web.Request) -> web.Response:
        self._file(request.match_info["key"], await request.json())
        return web.Response(text="ok")

    async def wait_for(self, keys: list[str], timeout: float) -> bool:
        """Wait until every key has at least one message; False on timeout."""
        deadline = time.monotonic() + timeout
        while any(k not in self.arrivals for k in keys):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(left, 1.0))
        return True
