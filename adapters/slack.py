"""Slack adapter: slash commands, app mentions and buttons → core Requests; Replies → Block Kit."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.base import post_remaining, settings_fields, split_command
from adapters.ratelimits import CountingRateLimitHandler
from adapters.slack_guard import ReplayGuard, retrying, status_of
from adapters.slack_render import ACTION_ID_PREFIX, SlackMessage, decode_action, render
from adapters.slack_text import decode
from bot import metrics
from bot.model import Reply, Request, error_reply

if TYPE_CHECKING:
    from bot.core import Core

log = logging.getLogger(__name__)

RESPONSE_URL_USES = 5  # Slack accepts at most 5 messages per response_url
MODES = ("http", "socket")
RESPONSE_TYPES = ("in_channel", "ephemeral")
TIMING_KEY = "briefbot_timing"
SIGNED_HEADERS = ("X-Slack-Signature", "X-Slack-Request-Timestamp")
_MENTION = re.compile(r"^\s*(<@[A-Z0-9]+(\|[^>]*)?>[\s,:]*)+")


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
    admins: frozenset[str] = frozenset()  # user ids that may run /ingest and change digests
    admin_channels: frozenset[str] = frozenset()  # channel ids where anyone may
    command_prefix: str = ""  # e.g. "bb-" registers /bb-brief … if /brief is taken
    response_type: str = "in_channel"  # answers; errors are always ephemeral
    ack_text: str = "Working on it…"  # ephemeral acknowledgement; "" acks silently
    drain_seconds: float = 5.0  # how long stop() lets in-flight answers finish
    unfurl_links: bool = False  # let Slack expand article links into previews
    rate_limit_retries: int = 5  # 429s answered with Retry-After are waited out this often

    @classmethod
    def from_config(cls, config: Any) -> SlackSettings:
        """The settings a [slack] config section (bot.config.SlackConfig) gives, by field name;
        the adapter's own knobs (path, ack text, drain) keep their defaults."""
        values = settings_fields(cls, config)
        values["api_url"] = values.get("api_url") or None  # "" in the config: Slack's own
        return cls(**values)

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


@dataclass(slots=True)
class Timing:
    """When a request reached us and when Slack got its acknowledgement (perf_counter seconds)."""

    received: float = field(default_factory=time.perf_counter)
    acked: float | None = None

    def ack_ms(self) -> float:
        return ((self.acked or time.perf_counter()) - self.received) * 1000


@dataclass(frozen=True, slots=True)
class Destination:
    """Where an answer goes: a response_url while it lasts, else the channel (or a thread in it)."""

    response_url: str = ""
    thread_ts: str = ""  # answer in this thread (app mentions, "Show source" clicks)


def command_names(core: Core) -> list[str]:
    """Command names from core.commands() (specs with a .name, or (name, usage, …) tuples)."""
    names = []
    for spec in core.commands():
        name = getattr(spec, "name", None)
        names.append(str(name if name is not None else spec[0]))
    return names


def parse_mention(text: str, bot_user: str = "") -> tuple[str, str]:
    """(command, args) from `@briefbot who said …`: leading mentions dropped, the rest decoded
    from Slack's markup (the bot's own mention dropped anywhere); any whitespace separates."""
    command, args = split_command(decode(_MENTION.sub("", text), bot_user))
    return (command.lower() or "help"), args


class SlackStartError(RuntimeError):
    """The bot token cannot be used; the message says why (never the token itself)."""


# auth.test errors → what the operator should do (api.slack.com/methods/auth.test#errors)
_TOKEN_ERRORS = {
    "invalid_auth": "Slack does not recognise the bot token",
    "not_authed": "no bot token was sent",
    "account_inactive": "the bot token belongs to a deleted user or workspace",
    "token_revoked": "the bot token was revoked",
    "token_expired": "the bot token has expired",
    "not_allowed_token_type": "that is not a bot token",
}
_TOKEN_FIX = "set SLACK_BOT_TOKEN (or [slack] bot_token) to the app's Bot User OAuth Token (xoxb-…)"


async def check_token(client: AsyncWebClient) -> str:
    """auth.test the bot token at start, so a wrong one fails loudly; the bot's user id.

    Raises SlackStartError naming the problem: refused, not a bot token, or Slack unreachable.
    """
    try:
        result = await client.auth_test()
    except SlackApiError as exc:
        data = getattr(exc.response, "data", None)
        error = (
            str(data.get("error")) if isinstance(data, dict) else f"HTTP {status_of(exc.response)}"
        )
        reason = _TOKEN_ERRORS.get(error, "Slack refused the bot token")
        raise SlackStartError(f"Slack: {reason} ({error}); {_TOKEN_FIX}.") from None
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        where = client.base_url
        raise SlackStartError(
            f"Slack: could not reach {where} to check the bot token ({type(exc).__name__}); "
            "check the network or [slack] api_url."
        ) from None
    if not result.get("bot_id"):
        raise SlackStartError(f"Slack: the token is a user token, not a bot token; {_TOKEN_FIX}.")
    log.info("slack: signed in as %s in %s", result.get("user"), result.get("team"))
    return str(result.get("user_id") or "")


class _SkipTokenNotice(logging.Filter):
    """Drops bolt's "`token` will be unused" notice: we give bolt a client that holds the token,
    and bolt also reads SLACK_BOT_TOKEN from the environment, which is the same token."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def _bolt_logger() -> logging.Logger:
    """The logger bolt writes through (a child of ours), without the token notice."""
    logger = logging.getLogger(f"{__name__}.bolt")
    if not any(isinstance(f, _SkipTokenNotice) for f in logger.filters):
        logger.addFilter(_SkipTokenNotice())
    return logger


class SlackAdapter:
    """Runs a slack-bolt AsyncApp that forwards every command to the core.

    Each listener acks at once (Slack's 3-second limit), then answers in a background
    task through the command's response_url; app mentions and "Show source" clicks are
    answered in the message's thread. `post` delivers unprompted replies (digests) and
    raises when Slack refused them, so the scheduler can retry.
    """

    name = "slack"

    def __init__(self, settings: SlackSettings) -> None:
        self.settings = settings
        self._core: Core | None = None
        self._app: AsyncApp | None = None
        self._runner: web.AppRunner | None = None
        self._socket: Any = None
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._replays = ReplayGuard()  # signatures already served (see slack_guard)
        self._bot_user = ""  # the bot's own user id, from auth.test at start
        self.http_routes: list[Callable[[web.Application], None]] = []

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

    @property
    def connected(self) -> bool:
        """Taking requests: the HTTP server is up, or the Socket Mode connection is open."""
        return self._runner is not None or self._socket is not None

    def _retry_handlers(self) -> list[AsyncRetryHandler]:
        """slack_sdk retries only connection errors by default; also wait out 429 Retry-After."""
        return [
            AsyncConnectionErrorRetryHandler(),
            CountingRateLimitHandler(max_retry_count=self.settings.rate_limit_retries),
        ]

    def _client(self) -> AsyncWebClient:
        kwargs: dict[str, Any] = {
            "token": self.settings.bot_token,
            "retry_handlers": self._retry_handlers(),
            "session": self._session,
        }
        if self.settings.api_url:
            kwargs["base_url"] = self.settings.api_url.rstrip("/") + "/"
        return AsyncWebClient(**kwargs)

    def build_app(self, core: Core) -> AsyncApp:
        """The bolt app: one listener per core command, the button listener, app mentions."""
        app = AsyncApp(
            name="briefbot",
            client=self._client(),
            signing_secret=self.settings.signing_secret,
            logger=_bolt_logger(),
        )
        for name in command_names(core):
            app.command(f"/{self.settings.command_prefix}{name}")(self._command_listener(name))
        app.action(re.compile(rf"^{re.escape(ACTION_ID_PREFIX)}:"))(self._on_action)
        app.event("app_mention")(self._on_mention)
        return app

    async def start(self, core: Core) -> None:
        """Build the app and start listening (HTTP server or Socket Mode connection)."""
        self._core = core
        self._session = aiohttp.ClientSession()
        self._app = self.build_app(core)
        try:
            self._bot_user = await check_token(self._app.client)
        except SlackStartError:
            await self._session.close()
            self._session = None
            raise
        if self.settings.mode == "socket":
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            self._socket = AsyncSocketModeHandler(self._app, self.settings.app_token)
            await self._socket.connect_async()
            log.info("slack: connected in socket mode")
            return
        web_app = web.Application()
        web_app.router.add_post(self.settings.path, self._handle_http)
        for add_routes in self.http_routes:  # ops endpoints (health, metrics) on the same port
            add_routes(web_app)
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
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def drain(self, timeout: float | None = None) -> bool:
        """Wait for answers still being worked on; True when none is left."""
        while self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
            if pending:
                return False
        return True

    async def post(
        self,
        place: str,
        reply: Reply,
        *,
        done: int = 0,
        sent: Callable[[int], Awaitable[None]] | None = None,
    ) -> None:
        """Post a reply to a channel unprompted (the digest scheduler's delivery).

        A 429 is waited out (Retry-After) by the client; any other refusal raises, so the
        scheduler marks the digest failed and retries it instead of dropping it. The retry
        passes `done`: the messages already posted are skipped, never posted twice.
        """
        await post_remaining(
            render(reply),
            lambda message: self._chat_post(place, "", message, ephemeral=False),
            done,
            sent,
        )
        await self.upload(place, reply)

    async def post_threaded(self, place: str, reply: Reply, thread: str | None) -> str | None:
        """Post a watch alert in a story's thread (its root message's ts); None opens one.

        Returns the thread's ts: the given one, or the first message's when it opened the thread.
        """
        client = self.app.client
        root = thread
        for message in render(reply):
            extra: dict[str, Any] = {"thread_ts": root} if root else {}
            response = await retrying(
                lambda extra=extra, message=message: client.chat_postMessage(
                    channel=place,
                    unfurl_links=self.settings.unfurl_links,
                    unfurl_media=self.settings.unfurl_links,
                    **extra,
                    **message.payload(),
                )
            )
            root = root or response.get("ts")
        return root

    async def _handle_http(self, request: web.Request) -> web.Response:
        timing = Timing()
        doubled = [h for h in SIGNED_HEADERS if len(request.headers.getall(h, [])) > 1]
        if doubled:  # bolt verifies one copy; which one a guard reads must never be in question
            log.warning("slack: refused a request with more than one %s header", doubled[0])
            return web.Response(status=400, text=f"more than one {doubled[0]} header")
        bolt_request = await to_bolt_request(request)
        bolt_request.context[TIMING_KEY] = timing
        # the signature bolt's verification reads (its headers keep one value per name)
        signature = bolt_request.headers.get("x-slack-signature", [""])[0]
        if signature and not self._replays.first_time(signature):
            if request.headers.get("X-Slack-Retry-Num"):  # Slack's own re-send: already handled
                return web.Response(status=200)
            log.warning("slack: refused a replayed request")
            return web.Response(status=401, text="replayed request")
        bolt_response = await self.app.async_dispatch(bolt_request)
        if bolt_response.status == 401:
            self._replays.forget(signature)  # a bad signature is not a replay
        response = await to_aiohttp_response(bolt_response)
        timing.acked = time.perf_counter()
        return response

    @staticmethod
    def _timing(context: Any) -> Timing:
        timing = context.get(TIMING_KEY) if context is not None else None
        return timing if isinstance(timing, Timing) else Timing()

    def _acked(self, timing: Timing) -> None:
        """In Socket Mode the ack goes out with ack(); over HTTP _handle_http notes it."""
        if timing.acked is None and self.settings.mode == "socket":
            timing.acked = time.perf_counter()

    def _request(self, command: str, args: str, user: str, place: str) -> Request:
        return Request(
            command=command,
            args=args,
            user=user,
            place=place,
            platform="slack",
            is_admin=user in self.settings.admins or place in self.settings.admin_channels,
        )

    def _command_listener(self, name: str) -> Callable[..., Coroutine[Any, Any, None]]:
        async def on_command(
            ack: Callable[..., Awaitable[Any]], command: dict[str, Any], context: Any
        ) -> None:
            timing = self._timing(context)
            if self.settings.ack_text:
                await ack(text=self.settings.ack_text)
            else:
                await ack()
            self._acked(timing)
            request = self._request(
                name,
                decode(str(command.get("text", ""))).strip(),
                str(command.get("user_id", "")),
                str(command.get("channel_id", "")),
            )
            where = Destination(response_url=str(command.get("response_url", "")))
            self._spawn(self._answer(request, where, timing, f"/{name}"))

        on_command.__name__ = f"on_{name}"
        return on_command

    async def _on_action(
        self,
        ack: Callable[..., Awaitable[Any]],
        body: dict[str, Any],
        action: dict[str, Any],
        context: Any,
    ) -> None:
        timing = self._timing(context)
        await ack()
        self._acked(timing)
        command, args = decode_action(str(action.get("value", "")))
        place = str(
            (body.get("channel") or {}).get("id")
            or (body.get("container") or {}).get("channel_id", "")
        )
        message = body.get("message") or {}
        ephemeral = bool((body.get("container") or {}).get("is_ephemeral"))
        # the passage goes under the message that offered it; an ephemeral message has no thread
        thread = "" if ephemeral else str(message.get("thread_ts") or message.get("ts") or "")
        where = Destination(response_url=str(body.get("response_url", "")), thread_ts=thread)
        user = str((body.get("user") or {}).get("id", ""))
        request = self._request(command, args, user, place)
        self._spawn(self._answer(request, where, timing, f"button:{command}"))

    async def _on_mention(self, event: dict[str, Any], context: Any, request: Any) -> None:
        """`@briefbot who said …` in a channel: answered in a thread under the mention."""
        timing = self._timing(context)
        headers = getattr(request, "headers", {}) or {}
        if headers.get("x-slack-retry-num"):  # Slack re-sends events it thinks we missed
            return
        self._acked(timing)  # bolt acks events before calling the listener
        bot_user = str(
            (context.get("bot_user_id") if context is not None else "") or self._bot_user
        )
        command, args = parse_mention(str(event.get("text", "")), bot_user)
        where = Destination(thread_ts=str(event.get("thread_ts") or event.get("ts") or ""))
        core_request = self._request(
            command, args, str(event.get("user", "")), str(event.get("channel", ""))
        )
        self._spawn(self._answer(core_request, where, timing, f"mention:{command}"))

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _answer(
        self, request: Request, where: Destination, timing: Timing, what: str
    ) -> None:
        """Run the request through the core, deliver whatever comes back, log one line."""
        assert self._core is not None
        started = time.perf_counter()
        outcome = "ok"
        parts = 0
        try:
            reply = await self._core.handle(request)
        except Exception:  # the core should never raise; a user still gets an answer
            log.exception("slack: core failed on %s", what)
            reply = error_reply("Something went wrong while answering that.", example="/help")
        if reply.error:
            outcome = "refused"
        try:
            parts = await self.deliver(request, reply, where)
        except Exception:
            outcome = "undelivered"
            log.exception("slack: could not deliver the answer to %s", what)
        metrics.observe_answer(
            "slack", request.command, timing.ack_ms() / 1000, time.perf_counter() - started
        )
        # One line per command; never the arguments (they may hold private text) nor tokens.
        log.info(
            "slack %s channel=%s user=%s ack_ms=%.1f answer_ms=%.1f messages=%d %s",
            what,
            request.place,
            request.user,
            timing.ack_ms(),
            (time.perf_counter() - started) * 1000,
            parts,
            outcome,
        )

    async def deliver(self, request: Request, reply: Reply, where: Destination) -> int:
        """Send a reply: in a thread, or through response_url while Slack allows it, then the
        Web API. Returns how many messages went out."""
        ephemeral = reply.error or self.settings.response_type == "ephemeral"
        sent = 0
        for i, message in enumerate(render(reply)):
            if where.thread_ts and not reply.error:
                await self._chat_post(
                    request.place, request.user, message, ephemeral=False, thread=where.thread_ts
                )
                sent += 1
                continue
            if where.response_url and i < RESPONSE_URL_USES:
                status = await self._respond(
                    where.response_url,
                    {
                        **message.payload(),
                        "response_type": "ephemeral" if ephemeral else "in_channel",
                        "replace_original": False,
                        "unfurl_links": self.settings.unfurl_links,
                        "unfurl_media": self.settings.unfurl_links,
                    },
                )
                if status == 200:
                    sent += 1
                    continue
                log.warning("slack: response_url refused part %d (status %s)", i + 1, status)
            await self._chat_post(
                request.place, request.user, message, ephemeral=ephemeral, thread=where.thread_ts
            )
            sent += 1
        if not ephemeral:
            sent += await self.upload(request.place, reply, where.thread_ts)
        return sent

    async def upload(self, channel: str, reply: Reply, thread: str = "") -> int:
        """Post the reply's files (a chart) with files_upload_v2: getUploadURLExternal, the upload,
        completeUploadExternal; the alt text goes with each. Returns how many were shared."""
        client = self.app.client
        for attachment in reply.attachments:
            extra: dict[str, Any] = {"thread_ts": thread} if thread else {}
            await retrying(
                lambda attachment=attachment, extra=extra: client.files_upload_v2(
                    channel=channel,
                    file=attachment.data,
                    filename=attachment.name,
                    title=reply.title,
                    alt_txt=attachment.alt,
                    **extra,
                )
            )
        return len(reply.attachments)

    async def _respond(self, url: str, body: dict[str, Any]) -> int:
        """POST to a response_url, waiting out 429s; the HTTP status."""
        client = AsyncWebhookClient(
            url, session=self._session, retry_handlers=self._retry_handlers()
        )
        result = await retrying(lambda: client.send_dict(body))
        return int(result.status_code)

    async def _chat_post(
        self, channel: str, user: str, message: SlackMessage, *, ephemeral: bool, thread: str = ""
    ) -> None:
        """chat.postMessage / chat.postEphemeral; raises SlackApiError when Slack refuses."""
        client = self.app.client
        extra: dict[str, Any] = {"thread_ts": thread} if thread else {}
        try:
            if ephemeral:
                await retrying(
                    lambda: client.chat_postEphemeral(
                        channel=channel, user=user, **extra, **message.payload()
                    )
                )
            else:
                await retrying(
                    lambda: client.chat_postMessage(
                        channel=channel,
                        unfurl_links=self.settings.unfurl_links,
                        unfurl_media=self.settings.unfurl_links,
                        **extra,
                        **message.payload(),
                    )
                )
        except SlackApiError as exc:
            data = getattr(exc.response, "data", None)  # a 5xx page is text, not JSON
            error = data.get("error") if isinstance(data, dict) else status_of(exc.response)
            log.error("slack: posting to %s failed: %s", channel, error)
            raise
