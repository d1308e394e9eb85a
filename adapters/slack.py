"""Slack adapter: slash commands and buttons → core Requests; Replies → Block Kit messages."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack_guard import ReplayGuard, Responder, retry_handlers, retrying, status_of
from adapters.slack_render import ACTION_ID_PREFIX, SlackMessage, decode_action, render
from bot.model import Reply, Request, error_reply

if TYPE_CHECKING:
    from bot.core import Core

log = logging.getLogger(__name__)

RESPONSE_URL_USES = 5  # Slack accepts at most 5 messages per response_url
MODES = ("http", "socket")
RESPONSE_TYPES = ("in_channel", "ephemeral")

Respond = Callable[..., Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class SlackSettings:
    """How to reach Slack; secrets never appear in the repr.

    mode "http": Slack POSTs slash commands and button clicks to http://host:port/path,
    verified with signing_secret. mode "socket": no public URL; needs app_token (xapp-…).
    api_url points the Web API at another server (tests use a local fake).
    """

    bot_token: str = field(repr=False)
    signing_secret: str = field(default="", repr=False)
    app_token: str = field(default="", repr=False)
    mode: str = "http"
    host: str = "127.0.0.1"
    port: int = 3000  # 0 picks a free port (see SlackAdapter.port)
    path: str = "/slack/events"
    api_url: str | None = None
    admins: frozenset[str] = frozenset()
    command_prefix: str = ""  # e.g. "bb-" registers /bb-brief … if /brief is taken
    response_type: str = "in_channel"  # answers; errors are always ephemeral
    ack_text: str = "Working on it…"  # ephemeral acknowledgement; "" acks silently
    drain_seconds: float = 5.0  # how long stop() lets in-flight answers finish

    def __post_init__(self) -> None:
        if not self.bot_token:
            raise ValueError("slack.bot_token is required (xoxb-…)")
        if self.mode not in MODES:
            raise ValueError(f"slack.mode must be one of {MODES}, not {self.mode!r}")
        if self.mode == "http" and not self.signing_secret:
            raise ValueError("slack.signing_secret is required in http mode")
        if self.mode == "socket" and not self.app_token:
            raise ValueError("slack.app_token (xapp-…) is required in socket mode")
        if self.response_type not in RESPONSE_TYPES:
            raise ValueError(f"slack.response_type must be one of {RESPONSE_TYPES}")


def command_names(core: Core) -> list[str]:
    """Command names from core.commands() (specs with a .name, or (name, usage, …) tuples)."""
    names = []
    for spec in core.commands():
        name = getattr(spec, "name", None)
        names.append(str(name if name is not None else spec[0]))
    return names


class SlackAdapter:
    """Runs a slack-bolt AsyncApp that forwards every command to the core.

    Each listener acks at once (Slack's 3-second limit), then answers in a background
    task through the command's response_url; a "Show source" button comes back as a
    Request down the same path. `post` delivers unprompted replies (digests).
    """

    name = "slack"

    def __init__(self, settings: SlackSettings) -> None:
        self.settings = settings
        self._core: Core | None = None
        self._app: AsyncApp | None = None
        self._runner: web.AppRunner | None = None
        self._socket: Any = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._replays = ReplayGuard()

    @property
    def app(self) -> AsyncApp:
        """The bolt app (built by start)."""
        if self._app is None:
            raise RuntimeError("SlackAdapter.start() has not run")
        return self._app

    @property
    def port(self) -> int:
        """The port actually bound in HTTP mode (useful with port=0)."""
        if self._runner is None or not self._runner.addresses:
            raise RuntimeError("the HTTP server is not running")
        return int(self._runner.addresses[0][1])

    def _client(self) -> AsyncWebClient:
        kwargs: dict[str, Any] = {
            "token": self.settings.bot_token,
            "retry_handlers": retry_handlers(),
        }
        if self.settings.api_url:
            kwargs["base_url"] = self.settings.api_url.rstrip("/") + "/"
        return AsyncWebClient(**kwargs)

    def build_app(self, core: Core) -> AsyncApp:
        """The bolt app with one listener per core command plus the button listener."""
        app = AsyncApp(
            name="briefbot",
            client=self._client(),
            signing_secret=self.settings.signing_secret,
        )
        for name in command_names(core):
            app.command(f"/{self.settings.command_prefix}{name}")(self._command_listener(name))
        app.action(re.compile(rf"^{re.escape(ACTION_ID_PREFIX)}:"))(self._on_action)
        return app

    async def start(self, core: Core) -> None:
        """Build the app and start listening (HTTP server or Socket Mode connection)."""
        self._core = core
        self._app = self.build_app(core)
        if self.settings.mode == "socket":
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            self._socket = AsyncSocketModeHandler(self._app, self.settings.app_token)
            await self._socket.connect_async()
            log.info("slack: connected in socket mode")
            return
        web_app = web.Application()
        web_app.router.add_post(self.settings.path, self._handle_http)
        self._runner = web.AppRunner(web_app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.settings.host, self.settings.port)
        await site.start()
        log.info(
            "slack: listening on http://%s:%d%s", self.settings.host, self.port, self.settings.path
        )

    async def stop(self) -> None:
        """Stop taking requests, let in-flight answers finish (briefly), then disconnect."""
        if self._runner is not None:
            await self._runner.shutdown()
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        if not await self.drain(self.settings.drain_seconds):
            pending = list(self._tasks)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def drain(self, timeout: float | None = None) -> bool:
        """Wait for answers still being worked on; True when none is left."""
        while self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
            if pending:
                return False
        return True

    async def post(self, place: str, reply: Reply) -> None:
        """Post a reply to a channel unprompted (the digest scheduler's delivery)."""
        for message in render(reply):  # raises when Slack refuses, so the scheduler retries later
            await self._chat_post(place, "", message, ephemeral=False, raise_errors=True)

    async def _handle_http(self, request: web.Request) -> web.Response:
        bolt_request = await to_bolt_request(request)
        signature = request.headers.get("X-Slack-Signature", "")
        if signature and not self._replays.first_time(signature):
            log.warning("slack: refused a replayed request")
            return web.Response(status=401, text="replayed request")
        bolt_response = await self.app.async_dispatch(bolt_request)
        if bolt_response.status == 401:
            self._replays.forget(signature)
        return await to_aiohttp_response(bolt_response)

    def _command_listener(self, name: str) -> Callable[..., Coroutine[Any, Any, None]]:
        async def on_command(
            ack: Callable[..., Awaitable[Any]], command: dict[str, Any], respond: Respond
        ) -> None:
            if self.settings.ack_text:
                await ack(text=self.settings.ack_text)
            else:
                await ack()
            user = str(command.get("user_id", ""))
            request = Request(
                command=name,
                args=str(command.get("text", "")).strip(),
                user=user,
                place=str(command.get("channel_id", "")),
                platform="slack",
                is_admin=user in self.settings.admins,
            )
            self._spawn(self._answer(request, _responder(command, respond)))

        on_command.__name__ = f"on_{name}"
        return on_command

    async def _on_action(
        self,
        ack: Callable[..., Awaitable[Any]],
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
    ) -> None:
        await ack()
        command, args = decode_action(str(action.get("value", "")))
        user = str((body.get("user") or {}).get("id", ""))
        place = str(
            (body.get("channel") or {}).get("id")
            or (body.get("container") or {}).get("channel_id", "")
        )
        request = Request(
            command=command,
            args=args,
            user=user,
            place=place,
            platform="slack",
            is_admin=user in self.settings.admins,
        )
        self._spawn(self._answer(request, _responder(body, respond)))

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _answer(self, request: Request, respond: Respond | None) -> None:
        """Run the request through the core and deliver whatever comes back."""
        assert self._core is not None
        log.debug("slack: /%s from %s in %s", request.command, request.user, request.place)
        try:
            reply = await self._core.handle(request)
        except Exception:  # the core should never raise; a user still gets an answer
            log.exception("slack: core failed on /%s", request.command)
            reply = error_reply("Something went wrong while answering that.", example="/help")
        try:
            await self.deliver(request, reply, respond)
        except Exception:
            log.exception("slack: could not deliver the answer to /%s", request.command)

    async def deliver(self, request: Request, reply: Reply, respond: Respond | None) -> None:
        """Send a reply: through response_url while Slack allows it, then the Web API."""
        ephemeral = reply.error or self.settings.response_type == "ephemeral"
        for i, message in enumerate(render(reply)):
            if respond is not None and i < RESPONSE_URL_USES:
                result = await respond(
                    **message.payload(),
                    response_type="ephemeral" if ephemeral else "in_channel",
                    replace_original=False,
                    unfurl_links=False,
                    unfurl_media=False,
                )
                if getattr(result, "status_code", 200) == 200:
                    continue
                log.warning(
                    "slack: response_url refused part %d (status %s)", i + 1, result.status_code
                )
            await self._chat_post(request.place, request.user, message, ephemeral=ephemeral)

    async def _chat_post(
        self,
        channel: str,
        user: str,
        message: SlackMessage,
        *,
        ephemeral: bool,
        raise_errors: bool = False,
    ) -> None:
        client = self.app.client
        try:
            if ephemeral:
                await retrying(
                    lambda: client.chat_postEphemeral(
                        channel=channel, user=user, **message.payload()
                    )
                )
            else:
                await retrying(
                    lambda: client.chat_postMessage(
                        channel=channel, unfurl_links=False, unfurl_media=False, **message.payload()
                    )
                )
        except SlackApiError as exc:
            data = getattr(exc.response, "data", None)
            error = data.get("error") if isinstance(data, dict) else None
            log.error("slack: posting to %s failed: %s", channel, error or status_of(exc.response))
            if raise_errors:
                raise


def _responder(payload: dict[str, Any], respond: Respond) -> Respond:
    """The payload's response_url with retries on 429/5xx; bolt's respond when there is none."""
    url = payload.get("response_url")
    return Responder(url) if isinstance(url, str) and url else respond
