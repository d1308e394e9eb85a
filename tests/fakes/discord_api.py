"""A loopback stand-in for Discord: the REST API and the gateway websocket that discord.py talks to."""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"
APP_ID = 900000000000000001
BOT_ID = 900000000000000002
GUILD_ID = 900000000000000003
CHANNEL_ID = 900000000000000004
OWNER_ID = 900000000000000005

OP_DISPATCH, OP_HEARTBEAT, OP_IDENTIFY, OP_HELLO, OP_HEARTBEAT_ACK = 0, 1, 2, 10, 11


@dataclass(frozen=True)
class Recorded:
    """One REST call as the fake received it."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    at: float = field(default_factory=time.perf_counter)


@dataclass
class _Failure:
    method: str
    prefix: str
    status: int
    times: int = 1
    retry_after: float = 0.0
    refused_at: list[float] = field(default_factory=list)


def user_payload(uid: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    """A Discord user object."""
    return {
        "id": str(uid),
        "username": name,
        "discriminator": "0",
        "global_name": name.title(),
        "avatar": None,
        "bot": bot,
        "flags": 0,
        "public_flags": 0,
    }


def _rate_limited(retry_after: float) -> web.Response:
    """A 429 as Discord sends it (through its proxy: a Via header; retry_after in the body)."""
    body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
    return web.Response(
        body=json.dumps(body).encode(),
        status=429,
        headers={
            "Content-Type": "application/json",
            "Retry-After": str(max(1, round(retry_after))),
            "Via": "1.1 google",
            "X-RateLimit-Scope": "user",
        },
    )


def _json(data: Any, status: int = 200) -> web.Response:
    """JSON with Discord's bare content type (discord.py checks it exactly)."""
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


@dataclass
class FakeDiscord:
    """Serves what discord.py needs to log in, sync commands, connect and answer interactions.

    Every REST call is recorded; tests wait on them with `wait_for` (event driven, no sleeps).
    """

    token: str
    requests: list[Recorded] = field(default_factory=list)
    ready: bool = False  # READY was sent: interactions sent now follow it
    gateway_frames: list[dict[str, Any]] = field(default_factory=list)
    shards: int = 1  # what GET /gateway/bot recommends
    ready_shards: set[int] = field(default_factory=set)  # shards that got their READY
    _runner: web.AppRunner | None = None
    _port: int = 0
    _sockets: dict[int, web.WebSocketResponse] = field(default_factory=dict)  # by shard id
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    _seqs: dict[int, itertools.count[int]] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(910000000000000000))
    _failures: list[_Failure] = field(default_factory=list)

    # --- lifecycle ---------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def close(self) -> None:
        for ws in list(self._sockets.values()):
            if not ws.closed:
                await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        """What discord.http.Route.BASE should be to talk to this fake."""
        return f"http://127.0.0.1:{self._port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self._port}/gateway"

    def fail_next(self, method: str, path_prefix: str, status: int = 400, times: int = 1) -> None:
        """Answer the next matching REST call(s) with an error status."""
        self._failures.append(_Failure(method, path_prefix, status, times))

    def rate_limit_next(
        self, method: str, path_prefix: str, retry_after: float = 1.0, times: int = 1
    ) -> list[float]:
        """Answer the next matching call(s) with 429 as Discord does; returns when each was refused."""
        failure = _Failure(method, path_prefix, 429, times, retry_after)
        self._failures.append(failure)
        return failure.refused_at

    # --- waiting -----------------------------------------------------------------------

    async def _record(
        self, item: Recorded | None = None, frame: dict[str, Any] | None = None
    ) -> None:
        async with self._changed:
            if item is not None:
                self.requests.append(item)
            if frame is not None:
                self.gateway_frames.append(frame)
            self._changed.notify_all()

    async def wait_for(self, predicate: Callable[[FakeDiscord], Any], timeout: float = 10.0) -> Any:
        """Wait until predicate(self) is truthy; returns its value."""

        async def _wait() -> Any:
            async with self._changed:
                while not (value := predicate(self)):
                    await self._changed.wait()
                return value

        return await asyncio.wait_for(_wait(), timeout)

    def calls(self, method: str, path_prefix: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path.startswith(path_prefix)]

    def identify(self) -> dict[str, Any] | None:
        return next(iter(self.identifies()), None)

    def identifies(self) -> list[dict[str, Any]]:
        """Every IDENTIFY payload received, on any connection, in order."""
        return [f["d"] for f in self.gateway_frames if f.get("op") == OP_IDENTIFY]

    # --- gateway -----------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        """One gateway connection; its IDENTIFY says which shard [id, count] it is (default [0, 1])."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json(
            {"op": OP_HELLO, "d": {"heartbeat_interval": 41250}, "s": None, "t": None}
        )
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            frame = json.loads(msg.data)
            await self._record(frame=frame)
            if frame.get("op") == OP_HEARTBEAT:
                await ws.send_json({"op": OP_HEARTBEAT_ACK, "d": None, "s": None, "t": None})
            elif frame.get("op") == OP_IDENTIFY:
                if frame["d"].get("token") != self.token:
                    await ws.close(code=4004, message=b"Authentication failed.")
                    break
                shard = frame["d"].get("shard") or [0, 1]
                if not (isinstance(shard, list) and len(shard) == 2 and 0 <= shard[0] < shard[1]):
                    await ws.close(code=4010, message=b"Invalid shard.")
                    break
                self._sockets[shard[0]] = ws
                self._seqs[shard[0]] = itertools.count(1)
                await self._dispatch(
                    "READY",
                    {
                        "v": 10,
                        "user": user_payload(BOT_ID, "briefbot", bot=True),
                        "guilds": [],
                        "session_id": f"fake-session-{shard[0]}",
                        "resume_gateway_url": self.gateway_url,
                        "application": {"id": str(APP_ID), "flags": 0},
                        "shard": shard,
                    },
                    shard=shard[0],
                )
                self.ready = True  # after READY went out: an interaction sent now follows it
                self.ready_shards.add(shard[0])
                await self._record()
        return ws

    async def _dispatch(self, event: str, data: dict[str, Any], shard: int = 0) -> None:
        ws = self._sockets.get(shard)
        if ws is None or ws.closed:
            raise RuntimeError(f"no gateway connection for shard {shard}")
        seq = next(self._seqs[shard])
        await ws.send_json({"op": OP_DISPATCH, "t": event, "s": seq, "d": data})

    async def send_interaction(self, payload: dict[str, Any], shard: int = 0) -> None:
        """Deliver an INTERACTION_CREATE over a shard's gateway connection, as Discord does when
        a user runs a command (Discord picks the shard of the server: (guild_id >> 22) % count)."""
        await self._dispatch("INTERACTION_CREATE", payload, shard=shard)

    def _interaction_base(self, kind: int, user_id: int, token: str) -> dict[str, Any]:
        return {
            "id": str(next(self._ids)),
            "application_id": str(APP_ID),
            "type": kind,
            "token": token,
            "version": 1,
            "guild_id": str(GUILD_ID),
            "channel_id": str(CHANNEL_ID),
            "channel": {
                "id": str(CHANNEL_ID),
                "type": 0,
                "name": "newsroom",
                "guild_id": str(GUILD_ID),
                "position": 0,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
                "flags": 0,
            },
            "member": {
                "user": user_payload(user_id, "editor"),
                "roles": [],
                "joined_at": "2024-01-01T00:00:00+00:00",
                "deaf": False,
                "mute": False,
                "flags": 0,
                "permissions": "2248473465835073",
            },
            "app_permissions": "2248473465835073",
            "locale": "en-GB",
            "guild_locale": "en-GB",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 10485760,
        }

    def command(
        self,
        name: str,
        options: list[dict[str, Any]] | None = None,
        *,
        user_id: int = OWNER_ID,
        token: str = "",
        roles: list[int] | None = None,
        permissions: int | None = None,
    ) -> dict[str, Any]:
        """An application-command interaction; options as Discord sends them ({name, type, value})."""
        payload = self._interaction_base(2, user_id, token or f"tok-{next(self._ids)}")
        if roles is not None:
            payload["member"]["roles"] = [str(r) for r in roles]
        if permissions is not None:
            payload["member"]["permissions"] = str(permissions)
        synced = {c["name"]: c for c in self.synced_commands()}
        payload["data"] = {
            "id": synced.get(name, {}).get("id", str(next(self._ids))),
            "name": name,
            "type": 1,
            "options": options or [],
            "guild_id": str(GUILD_ID),
        }
        return payload

    def autocomplete(
        self, name: str, option: str, typed: str, *, user_id: int = OWNER_ID
    ) -> dict[str, Any]:
        """An autocomplete interaction: the user is typing `typed` into `option` of /name."""
        payload = self.command(name, [{"name": option, "type": 3, "value": typed, "focused": True}])
        payload["type"] = 4
        payload["member"]["user"] = user_payload(user_id, "editor")
        return payload

    def click(
        self, message: dict[str, Any], custom_id: str, *, user_id: int = OWNER_ID
    ) -> dict[str, Any]:
        """A button-click interaction on a message the bot posted."""
        payload = self._interaction_base(3, user_id, f"tok-{next(self._ids)}")
        payload["message"] = message
        payload["data"] = {"custom_id": custom_id, "component_type": 2}
        return payload

    def synced_commands(self) -> list[dict[str, Any]]:
        puts = [r for r in self.requests if r.method == "PUT" and r.path.endswith("/commands")]
        return puts[-1].body if puts else []

    # --- REST --------------------------------------------------------------------------

    def _message(self, channel_id: int, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": str(next(self._ids)),
            "channel_id": str(channel_id),
            "author": user_payload(BOT_ID, "briefbot", bot=True),
            "content": body.get("content") or "",
            "timestamp": datetime.now(UTC).isoformat(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags") or 0,
            "application_id": str(APP_ID),
            "webhook_id": str(APP_ID),
        }

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        body: Any = json.loads(raw) if raw and request.content_type == "application/json" else None
        if raw and request.content_type.startswith("multipart/"):
            body = self._multipart(raw, request.headers["Content-Type"])
        item = Recorded(request.method, path, dict(request.query), dict(request.headers), body)
        await self._record(item)
        for failure in self._failures:
            if (
                failure.times
                and request.method == failure.method
                and path.startswith(failure.prefix)
            ):
                failure.times -= 1
                failure.refused_at.append(time.perf_counter())
                if failure.status == 429:
                    return _rate_limited(failure.retry_after)
                return _json({"message": "fake failure", "code": 50035}, status=failure.status)
        return self._answer(request.method, path, request.headers.get("Authorization", ""), body)

    @staticmethod
    def _multipart(raw: bytes, content_type: str) -> dict[str, Any]:
        """A message with files: payload_json, plus each files[n] part's name and bytes under "files"."""
        from email.parser import BytesParser
        from email.policy import HTTP

        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + raw
        )
        body: dict[str, Any] = {"files": []}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True) or b""
            if name == "payload_json":
                body.update(json.loads(data))
            else:
                body["files"].append({"field": name, "filename": part.get_filename(), "data": data})
        return body

    def _answer(self, method: str, path: str, auth: str, body: Any) -> web.Response:
        parts = path.strip("/").split("/")
        # Interaction callbacks and follow-ups are authorised by the interaction token alone.
        if parts[0] == "interactions" and method == "POST":
            return _json(
                {
                    "interaction": {
                        "id": parts[1],
                        "type": 2,
                        "response_message_loading": (body or {}).get("type") == 5,
                        "response_message_ephemeral": bool(
                            ((body or {}).get("data") or {}).get("flags", 0) & 64
                        ),
                    },
                    "resource": {"type": (body or {}).get("type", 4)},
                }
            )
        if parts[0] == "webhooks" and method in ("POST", "PATCH"):
            return _json(self._message(CHANNEL_ID, body or {}))
        if parts[0] == "webhooks" and method == "DELETE":
            return web.Response(status=204)
        if auth != f"Bot {self.token}":
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        if path == "/users/@me" and method == "GET":
            return _json(user_payload(BOT_ID, "briefbot", bot=True))
        if path == "/oauth2/applications/@me" and method == "GET":
            return _json(
                {
                    "id": str(APP_ID),
                    "name": "briefbot",
                    "description": "",
                    "icon": None,
                    "bot_public": False,
                    "bot_require_code_grant": False,
                    "owner": user_payload(OWNER_ID, "owner"),
                    "team": None,
                    "verify_key": "0" * 64,
                    "flags": 0,
                    "summary": "",
                }
            )
        if path in ("/gateway/bot", "/gateway") and method == "GET":
            return _json(
                {
                    "url": self.gateway_url,
                    "shards": self.shards,
                    "session_start_limit": {
                        "total": 1000,
                        "remaining": 999,
                        "reset_after": 0,
                        "max_concurrency": 1,
                    },
                }
            )
        if parts[0] == "applications" and parts[-1] == "commands" and method == "PUT":
            guild = parts[3] if len(parts) == 5 else None
            return _json(
                [
                    dict(
                        c,
                        id=str(next(self._ids)),
                        application_id=str(APP_ID),
                        version="1",
                        **({"guild_id": guild} if guild else {}),
                    )
                    for c in body or []
                ]
            )
        if parts[0] == "channels" and parts[-1] == "messages" and method == "POST":
            return _json(self._message(int(parts[1]), body or {}))
        if parts[0] == "channels" and parts[-1] == "threads" and method == "POST":
            # Start Thread from Message: a public thread whose id is a new channel id.
            return _json(
                {
                    "id": str(next(self._ids)),
                    "type": 11,
                    "parent_id": parts[1],
                    "owner_id": str(BOT_ID),
                    "name": (body or {}).get("name", ""),
                    "message_count": 0,
                    "member_count": 1,
                    "rate_limit_per_user": 0,
                    "thread_metadata": {
                        "archived": False,
                        "auto_archive_duration": (body or {}).get("auto_archive_duration", 1440),
                        "archive_timestamp": datetime.now(UTC).isoformat(),
                        "locked": False,
                    },
                }
            )
        return _json({"message": "404: Not Found", "code": 0}, status=404)

    # --- what a user would see -----------------------------------------------------------

    def followups(self, token: str) -> list[dict[str, Any]]:
        """Bodies of the follow-up messages posted for one interaction, in order."""
        return [
            r.body
            for r in self.requests
            if r.method == "POST" and r.path == f"/webhooks/{APP_ID}/{token}"
        ]

    def callbacks(self, interaction_id: str) -> list[dict[str, Any]]:
        return [
            r.body
            for r in self.requests
            if r.method == "POST" and r.path.startswith(f"/interactions/{interaction_id}/")
        ]
