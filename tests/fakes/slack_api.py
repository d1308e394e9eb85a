"""A local fake of Slack (Web API, response_url, Socket Mode) that records what the bot sends it."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from aiohttp import WSMsgType, web
from slack_sdk.signature import SignatureVerifier

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "slack"
RESPONSE_URL_USES = 5  # like Slack: a response_url takes at most five messages


@dataclass(frozen=True)
class Received:
    """One call the bot made: a Web API method or a response_url post, with its JSON body."""

    kind: str  # "response_url" or the Web API method, e.g. "chat.postMessage"
    key: str  # the response_url key or the channel
    body: dict[str, Any]


def load_fixture(name: str) -> dict[str, Any]:
    """A recorded Slack payload from tests/fixtures/slack/<name>.json."""
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Headers Slack sends with a request: v0 HMAC-SHA256 of `v0:{timestamp}:{body}`, made by
    slack_sdk's own signer (shared with bench/slack_client.py)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature or "",
        "Content-Type": "application/x-www-form-urlencoded",
    }


def slash_body(command: str, text: str, response_url: str, **overrides: str) -> str:
    """A form-encoded slash command, built from the recorded fixture."""
    fields = {k: str(v) for k, v in load_fixture("slash_command").items()}
    fields.update(command=command, text=text, response_url=response_url, **overrides)
    return urlencode(fields)


def block_actions_body(value: str, response_url: str, action_id: str = "briefbot_action:0") -> str:
    """A form-encoded block_actions payload (a button click), built from the recorded fixture."""
    payload = load_fixture("block_actions")
    payload["response_url"] = response_url
    payload["actions"][0].update(value=value, action_id=action_id)
    return urlencode({"payload": json.dumps(payload)})


def mention_body(text: str, channel: str = "C0DESK", user: str = "U0EDITOR", ts: str = "") -> str:
    """A JSON Events API callback for `@briefbot <text>`, as Slack POSTs it."""
    ts = ts or f"{time.time():.6f}"
    return json.dumps(
        {
            "token": "gIkuvaNzQIHg97ATvDxqgjtO",
            "team_id": "T0NEWS",
            "api_app_id": "A0BRIEF",
            "event": {
                "type": "app_mention",
                "user": user,
                "text": f"<@UBRIEFBOT> {text}",
                "ts": ts,
                "channel": channel,
                "event_ts": ts,
            },
            "type": "event_callback",
            "event_id": f"Ev{int(float(ts) * 1e6)}",
            "event_time": int(float(ts)),
            "authorizations": [{"team_id": "T0NEWS", "user_id": "UBRIEFBOT", "is_bot": True}],
        }
    )


def sign_json(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Signed headers for a JSON body (Events API)."""
    return {**sign(secret, body, timestamp), "Content-Type": "application/json"}


@dataclass
class RateLimit:
    """Answer the next `times` calls of a kind with 429 and Retry-After."""

    kind: str  # "response_url" or a Web API method
    times: int
    retry_after: int
    refused_at: list[float]


class LoopbackSlack:
    """An aiohttp server on a free 127.0.0.1 port standing in for Slack; subclasses add routes.

    Shared by FakeSlack here and the benches' Sink (bench/slack_client.py).
    """

    _runner: web.AppRunner | None = None

    def _routes(self, app: web.Application) -> None:
        raise NotImplementedError

    async def start(self) -> None:
        """Listen on a free loopback port."""
        app = web.Application()
        self._routes(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:<port>"""
        assert self._runner is not None
        host, port = self._runner.addresses[0][:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        """What SlackSettings.api_url should be."""
        return f"{self.base_url}/api/"

    def response_url(self, key: str = "r1") -> str:
        """A response_url whose posts are filed under `key`."""
        return f"{self.base_url}/response/{key}"


class FakeSlack(LoopbackSlack):
    """Plays Slack's side (Web API, response_url, Socket Mode): records every message sent to it."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        # files_upload_v2: file id -> what getUploadURLExternal announced, then the bytes uploaded
        self.uploads: dict[str, dict[str, Any]] = {}
        self.posted_ts: list[str] = []  # the ts of each chat.postMessage, in order
        self.arrived: list[float] = []  # perf_counter() of each recorded message
        self._limits: list[RateLimit] = []
        self._outages: list[list[Any]] = []  # [kind, status, times left]
        self.refused: list[tuple[str, int]] = []  # (kind, status) of each 5xx answer
        self.sockets_acks: list[dict[str, Any]] = []
        self._changed = asyncio.Condition()
        self._uses: dict[str, int] = {}
        self._outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._ws: set[web.WebSocketResponse] = set()
        self.revoked: set[str] = set()  # tokens auth.test answers invalid_auth for

    def _routes(self, app: web.Application) -> None:
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/response/{key}", self._response)
        app.router.add_post("/upload/v1/{file_id}", self._upload)
        app.router.add_get("/socket", self._socket)

    async def stop(self) -> None:
        """Close sockets and the server."""
        for ws in list(self._ws):
            await ws.close()
        await super().stop()

    async def _record(self, item: Received) -> None:
        async with self._changed:
            self.received.append(item)
            self.arrived.append(time.perf_counter())
            self._changed.notify_all()

    def rate_limit(self, kind: str, times: int = 1, retry_after: int = 1) -> RateLimit:
        """Make the next `times` calls of `kind` fail with 429 Retry-After, like Slack does."""
        limit = RateLimit(kind, times, retry_after, [])
        self._limits.append(limit)
        return limit

    def fail_next(self, kind: str, status: int = 503, times: int = 1) -> None:
        """Answer the next `times` calls of `kind` with a 5xx and record nothing, as Slack does
        during an outage (`rate_limit` does the same with 429)."""
        self._outages.append([kind, status, times])

    def _outage(self, kind: str) -> web.Response | None:
        for outage in self._outages:
            if outage[0] == kind and outage[2] > 0:
                outage[2] -= 1
                self.refused.append((kind, outage[1]))
                return web.Response(status=outage[1], text="<html>fake outage</html>")
        return None

    def _limited(self, kind: str) -> web.Response | None:
        if (outage := self._outage(kind)) is not None:
            return outage
        for limit in self._limits:
            if limit.kind == kind and limit.times > 0:
                limit.times -= 1
                limit.refused_at.append(time.perf_counter())
                headers = {"Retry-After": str(limit.retry_after)}
                if kind == "response_url":
                    return web.Response(status=429, text="rate_limited", headers=headers)
                return web.json_response(
                    {"ok": False, "error": "ratelimited"}, status=429, headers=headers
                )
        return None

    async def wait_for(
        self, count: int, kind: str | None = None, timeout: float = 10.0
    ) -> list[Received]:
        """Wait until `count` messages (of `kind`, if given) have arrived; return them."""

        def matching() -> list[Received]:
            return [r for r in self.received if kind is None or r.kind == kind]

        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: len(matching()) >= count)
        return matching()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.content_type == "application/json":
            body = await request.json()
        else:
            body = dict(await request.post())
        body = {**request.query, **body}  # the SDK sends some methods' arguments as query params
        if method == "auth.test":
            return self._auth_test(request.headers.get("Authorization", ""))
        if method == "apps.connections.open":
            return web.json_response(
                {"ok": True, "url": self.base_url.replace("http", "ws", 1) + "/socket"}
            )
        if method in ("chat.postMessage", "chat.postEphemeral"):
            if (limited := self._limited(method)) is not None:
                return limited
            ts = f"{time.time():.6f}"
            self.posted_ts.append(ts)  # so a test can tell which message a thread hangs from
            await self._record(Received(method, str(body.get("channel", "")), body))
            return web.json_response({"ok": True, "channel": body.get("channel"), "ts": ts})
        if method == "files.getUploadURLExternal":
            # Step 1 of files_upload_v2: the file's name, length and alt text; a URL to send it to.
            if not body.get("filename") or not str(body.get("length", "")).isdigit():
                return web.json_response({"ok": False, "error": "invalid_arguments"})
            file_id = f"F{len(self.uploads) + 1:08d}"
            self.uploads[file_id] = {
                "filename": body["filename"],
                "length": int(body["length"]),
                "alt_txt": body.get("alt_txt", ""),
                "data": None,
            }
            await self._record(Received(method, file_id, body))
            return web.json_response(
                {
                    "ok": True,
                    "upload_url": f"{self.base_url}/upload/v1/{file_id}",
                    "file_id": file_id,
                }
            )
        if method == "files.completeUploadExternal":
            # Step 3: share the uploaded files in a channel (and thread), with an optional comment.
            files = body.get("files")
            files = json.loads(files) if isinstance(files, str) else files or []
            for f in files:
                upload = self.uploads.get(f.get("id", ""))
                if upload is None or upload["data"] is None:
                    return web.json_response({"ok": False, "error": "file_not_found"})
                upload.update(title=f.get("title"), channel=body.get("channel_id"))
                upload.update(thread_ts=body.get("thread_ts"), comment=body.get("initial_comment"))
            await self._record(Received(method, str(body.get("channel_id", "")), body))
            return web.json_response(
                {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}
            )
        return web.json_response({"ok": False, "error": "unknown_method"})

    def _auth_test(self, authorization: str) -> web.Response:
        """Like Slack: a bot token (xoxb-) answers with its bot_id, a user token (xoxp-) without;
        an app-level token (xapp-) is the wrong type; a token in `revoked` is unknown."""
        token = authorization.removeprefix("Bearer ").strip()
        if token.startswith("xapp-"):
            return web.json_response({"ok": False, "error": "not_allowed_token_type"})
        if not token.startswith(("xoxb-", "xoxp-")) or token in self.revoked:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        who: dict[str, Any] = {
            "ok": True,
            "url": "https://newsroom.example/",
            "team": "Newsroom",
            "user": "briefbot",
            "team_id": "T0NEWS",
            "user_id": "UBRIEFBOT",
        }
        if token.startswith("xoxb-"):
            who["bot_id"] = "BBRIEFBOT"
        else:
            who.update(user="editor", user_id="U0EDITOR")
        return web.json_response(who)

    async def _upload(self, request: web.Request) -> web.Response:
        """Step 2: the file's bytes, raw or as a multipart form; 200 "OK - <length>" as Slack answers."""
        upload = self.uploads.get(request.match_info["file_id"])
        if upload is None:
            return web.Response(status=404, text="not found")
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            part = next(iter(form.values()))
            data = part.file.read() if hasattr(part, "file") else str(part).encode()
        else:
            data = await request.read()
        if len(data) != upload["length"]:
            return web.Response(status=400, text="length mismatch")
        upload["data"] = data
        return web.Response(text=f"OK - {len(data)}")

    async def _response(self, request: web.Request) -> web.Response:
        key = request.match_info["key"]
        if (limited := self._limited("response_url")) is not None:
            return limited
        self._uses[key] = self._uses.get(key, 0) + 1
        if self._uses[key] > RESPONSE_URL_USES:
            return web.Response(status=404, text="used_url")
        await self._record(Received("response_url", key, await request.json()))
        return web.Response(text="ok")

    # Socket Mode: the bot connects here after apps.connections.open
    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async with self._changed:
            self._ws.add(ws)
            self._changed.notify_all()
        await ws.send_json(
            {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0BRIEF"}}
        )
        sender = asyncio.create_task(self._send_envelopes(ws))
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    async with self._changed:
                        self.sockets_acks.append(json.loads(msg.data))
                        self._changed.notify_all()
        finally:
            sender.cancel()
            self._ws.discard(ws)
        return ws

    async def _send_envelopes(self, ws: web.WebSocketResponse) -> None:
        while True:
            envelope = await self._outbox.get()
            await ws.send_json(envelope)

    async def push_envelope(self, envelope: dict[str, Any]) -> None:
        """Send a Socket Mode envelope to the connected bot."""
        await self._outbox.put(envelope)

    async def wait_for_ack(self, envelope_id: str, timeout: float = 10.0) -> dict[str, Any]:
        """Wait for the bot's acknowledgement of one envelope."""

        def found() -> list[dict[str, Any]]:
            return [a for a in self.sockets_acks if a.get("envelope_id") == envelope_id]

        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: bool(found()))
        return found()[0]

    async def wait_connected(self, timeout: float = 10.0) -> None:
        """Wait until the bot holds a Socket Mode connection."""
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: bool(self._ws))
