"""Discord adapter: application commands → core Requests; Replies → deferred follow-ups.

Import it as ``adapters.discord``; never run it as a script (it would shadow discord.py).

Users see one slash command per core command. ``/who said X`` is the ``who`` command with a
required ``said`` option (Discord shows it as ``/who said: kick the enemy out``); ``/digest``
is a group with the subcommands ``schedule``, ``list``, ``cancel`` and ``now``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import io
import logging
import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

import aiohttp
import discord
import discord.gateway
import discord.http
import yarl
from discord import app_commands

from adapters.base import post_remaining, settings_fields
from adapters.discord_render import ACTION_PATTERN, Message, clip, parse_action, render
from adapters.ratelimits import count_discord_rate_limits
from bot import metrics
from bot.model import Option, Reply, Request, Subcommand

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from bot.core import Core

log = logging.getLogger(__name__)

DESCRIPTION_LIMIT = 100  # Discord's limit for command and option descriptions
FAILURE = "Sorry, something went wrong on my side and it has been logged. Try again, or see /help."
ANSWERED = "briefbot_messages_sent"  # Interaction.extras key: follow-ups already delivered
OUT_OF_SYNC = "This command changed since Discord last loaded it; try again in a minute."


@dataclass(frozen=True)
class DiscordSettings:
    """What the Discord adapter needs; the token never appears in a repr or a log."""

    token: str = field(repr=False)
    guild_id: int | None = None  # sync commands to this guild (instant) instead of globally (slow)
    admins: frozenset[str] = frozenset()  # user ids allowed to run admin-only commands
    admin_roles: frozenset[str] = frozenset()  # role ids whose members may, too
    sync_on_start: bool = False  # normally `briefbot discord-sync` pushes the command list
    connect_timeout: float = 30.0  # seconds start() waits for the gateway's READY
    max_messages: int = 10  # follow-ups per reply at most
    api_url: str = ""  # REST base (default https://discord.com/api/v10); tests use a local fake
    gateway_url: str = ""  # gateway websocket (default wss://gateway.discord.gg/)
    shard_count: int | None = None  # set: one AutoShardedClient runs shard_ids (default all)
    shard_ids: tuple[int, ...] | None = None  # this process's shards, each < shard_count

    @classmethod
    def from_config(cls, config: Any) -> DiscordSettings:
        """The settings a [discord] config section (bot.config.DiscordConfig) gives, by field name."""
        return cls(**settings_fields(cls, config))


# A command whose grammar has no options still gets one free-text option.
FREE_TEXT = (Option("text", "what to ask"),)


def use_endpoints(settings: DiscordSettings) -> None:
    """Point discord.py at configured REST and gateway URLs (process-wide, as the library reads them)."""
    if settings.api_url:
        discord.http.Route.BASE = settings.api_url.rstrip("/")
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


def _options(spec: Any) -> tuple[Option, ...]:
    return spec.options or (() if spec.subcommands else FREE_TEXT)


class ActionButton(discord.ui.DynamicItem[discord.ui.Button], template=ACTION_PATTERN):
    """A "show source" style button; its custom_id carries the command, so clicks survive restarts."""

    def __init__(self, label: str, custom_id: str) -> None:
        super().__init__(
            discord.ui.Button(label=label, custom_id=custom_id, style=discord.ButtonStyle.secondary)
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ActionButton:
        return cls(getattr(item, "label", None) or "Show", match.string)

    async def callback(self, interaction: discord.Interaction) -> None:
        client = interaction.client
        parsed = parse_action(self.custom_id)
        if isinstance(client, BriefClient) and parsed is not None:
            await client.adapter.handle_action(interaction, *parsed)


class BriefClient(discord.Client):
    """discord.Client with briefbot's command tree; needs only the (unprivileged) guilds intent."""

    def __init__(self, adapter: DiscordAdapter, **options: Any) -> None:
        super().__init__(
            intents=discord.Intents(guilds=True),
            allowed_mentions=discord.AllowedMentions.none(),
            **options,
        )
        self.adapter = adapter
        self.tree = app_commands.CommandTree(self)
        self.connected = asyncio.Event()

    async def setup_hook(self) -> None:
        self.add_dynamic_items(ActionButton)
        if self.adapter.settings.sync_on_start:
            await self.adapter.sync(self)

    async def on_connect(self) -> None:
        self.connected.set()


class ShardedBriefClient(BriefClient, discord.AutoShardedClient):
    """The same client on several gateway shards (Discord requires sharding past 2,500 servers)."""

    async def on_shard_connect(self, shard_id: int) -> None:
        log.info("discord: shard %d of %s connected", shard_id, self.shard_count)


class DiscordAdapter:
    """Connects briefbot's core to Discord through application (slash) commands."""

    name = "discord"

    def __init__(self, settings: DiscordSettings) -> None:
        self.settings = settings
        self._core: Core | None = None
        self._client: BriefClient | None = None
        self._task: asyncio.Task[None] | None = None
        self._warming: set[asyncio.Task[list[str]]] = set()

    @property
    def client(self) -> BriefClient:
        """The running discord.py client (for tests and the digest scheduler's diagnostics)."""
        if self._client is None:
            raise RuntimeError("the Discord adapter has not been started")
        return self._client

    @property
    def connected(self) -> bool:
        """Logged in with a live gateway connection (readiness)."""
        client = self._client
        return client is not None and client.is_ready() and not client.is_closed()

    def build_client(self, core: Core) -> BriefClient:
        """A client whose tree holds one command per core command (not yet connected)."""
        self._core = core
        settings = self.settings
        client = (
            ShardedBriefClient(
                self,
                shard_count=settings.shard_count,
                shard_ids=list(settings.shard_ids) if settings.shard_ids else None,
            )
            if settings.shard_count is not None or settings.shard_ids
            else BriefClient(self)
        )
        client.tree.error(self.on_error)  # the one error hook for every command
        for spec in core.commands():
            client.tree.add_command(self._command(spec))
        self._client = client
        return client

    async def start(self, core: Core) -> None:
        """Log in, connect to the gateway; returns once Discord says READY.

        Sharded, that is the first shard's READY: discord.py brings up the others after it,
        as Discord paces IDENTIFYs (one per 5 s at the default max_concurrency).
        """
        use_endpoints(self.settings)
        count_discord_rate_limits()
        client = self.build_client(core)
        self._task = asyncio.create_task(client.start(self.settings.token), name="discord-client")
        connected = asyncio.create_task(client.connected.wait())
        done, _ = await asyncio.wait(
            {self._task, connected},
            timeout=self.settings.connect_timeout,
            return_when=asyncio.FIRST_COMPLETED,
        )
        if connected in done:
            log.info("discord: connected as %s", client.user)
            # load the autocomplete lists now, not on the first keystroke
            kinds = {o.suggest for spec in core.commands() for o in spec.options if o.suggest}
            for kind in kinds:
                self._warming.add(asyncio.create_task(core.suggest(kind, "")))
            return
        connected.cancel()
        if self._task in done:
            exc = self._task.exception()
            await self.stop()
            raise RuntimeError(f"Discord connection failed: {exc}") from exc
        await self.stop()
        raise TimeoutError(f"Discord did not answer within {self.settings.connect_timeout:.0f} s")

    async def stop(self) -> None:
        """Close the gateway and HTTP session."""
        for task in self._warming:
            task.cancel()
        await asyncio.gather(*self._warming, return_exceptions=True)
        self._warming.clear()
        if self._client is not None and not self._client.is_closed():
            await self._client.close()
        if self._task is not None:
            if not self._task.done():
                self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None

    async def post(
        self,
        place: str,
        reply: Reply,
        *,
        done: int = 0,
        sent: Callable[[int], Awaitable[None]] | None = None,
    ) -> None:
        """Post a reply unprompted (digests) to a channel id, or to "user:<id>" as a DM.

        A retry passes `done`: the messages already posted are skipped, never posted twice."""
        client = self.client
        target: discord.abc.Messageable
        if place.startswith("user:"):
            target = await client.fetch_user(int(place.removeprefix("user:")))
        else:
            target = client.get_partial_messageable(int(place))
        await post_remaining(
            render(reply, self.settings.max_messages),
            lambda message: target.send(**self._send_kwargs(message)),
            done,
            sent,
        )

    async def post_threaded(self, place: str, reply: Reply, thread: str | None) -> str | None:
        """Post a watch alert in a story's thread; None posts in the channel and opens a thread on it.

        Returns the thread's channel id. A DM ("user:<id>") has no threads: posted plainly.
        """
        if place.startswith("user:"):
            await self.post(place, reply)
            return None
        client = self.client
        if thread:
            await self._deliver(client.get_partial_messageable(int(thread)).send, reply)
            return thread
        channel = client.get_partial_messageable(int(place))
        first: list[Any] = []

        async def send(**kwargs: Any) -> Any:
            target = client.get_partial_messageable(int(first[0])) if first else channel
            message = await target.send(**kwargs)
            if not first:
                # The thread is the story's: named by the article that opened it.
                heading = reply.sections[0].heading if reply.sections else ""
                name = clip(heading or reply.title, 90) or "Updates"
                opened = await client.http.start_thread_with_message(
                    channel.id, message.id, name=name, auto_archive_duration=1440
                )
                first.append(opened["id"])
            return message

        await self._deliver(send, reply)
        return str(first[0]) if first else None

    async def sync_only(self, core: Core) -> int:
        """Log in over REST only, push the command list, log out (`briefbot discord-sync`).

        Syncing is rate limited by Discord, so it is a deploy step, never done on every start.
        """
        use_endpoints(self.settings)
        client = self.build_client(core)
        try:
            await client.login(self.settings.token)
            return await self.sync(client, raise_errors=True)
        except discord.LoginFailure:
            raise RuntimeError("Discord refused the bot token (check DISCORD_TOKEN)") from None
        except discord.HTTPException as exc:
            raise RuntimeError(
                f"Discord refused the command list ({exc.status}): {clip(exc.text, 200)}"
            ) from None
        except aiohttp.ClientError as exc:
            raise RuntimeError(
                f"cannot reach Discord at {discord.http.Route.BASE}: {exc}"
            ) from None
        finally:
            await client.close()

    async def sync(self, client: BriefClient, raise_errors: bool = False) -> int:
        """Push the command list: to one guild when configured (instant), else globally (up to 1 h)."""
        try:
            if self.settings.guild_id is not None:
                guild = discord.Object(id=self.settings.guild_id)
                client.tree.copy_global_to(guild=guild)
                synced = await client.tree.sync(guild=guild)
                log.info(
                    "discord: synced %d commands to guild %s", len(synced), self.settings.guild_id
                )
            else:
                synced = await client.tree.sync()
                log.info("discord: synced %d global commands", len(synced))
            return len(synced)
        except discord.HTTPException as exc:
            # The bot can still answer commands synced before; say how to fix it.
            log.error(
                "discord: could not sync commands (%s); invite the bot with the applications.commands scope",
                exc,
            )
            if raise_errors:
                raise
            return 0

    # --- building commands -------------------------------------------------------------

    def _command(self, spec: Any) -> app_commands.Command[Any, ..., Any] | app_commands.Group:
        """The slash command (or group of subcommands) the core command's grammar describes."""
        description = clip(spec.description, DESCRIPTION_LIMIT)
        if spec.subcommands:
            group = app_commands.Group(name=spec.name, description=description)
            sub: Subcommand
            for sub in spec.subcommands:
                group.add_command(
                    self._leaf(spec, sub.name, sub.description, sub.options, sub.name)
                )
            return group
        return self._leaf(spec, spec.name, spec.description, _options(spec))

    def _leaf(
        self,
        spec: Any,
        name: str,
        description: str,
        options: tuple[Option, ...],
        sub: str = "",
    ) -> app_commands.Command[Any, ..., Any]:
        """A slash command whose typed options come from `options` (discord.py reads the signature).

        The values go to the core as typed options, never joined back into text."""
        command = spec.name
        free_text = options is FREE_TEXT

        async def callback(interaction: discord.Interaction, **values: Any) -> None:
            given = tuple((k, v) for k, v in values.items() if v is not None)
            if free_text:
                await self.invoke(interaction, command, str(values.get("text") or ""))
            else:
                await self.invoke(interaction, command, "", sub=sub, options=given)

        params = [
            inspect.Parameter(
                "interaction",
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                annotation=discord.Interaction,
            )
        ]
        for opt in options:
            kind: Any = app_commands.Range[int, opt.low, opt.high] if opt.kind == "int" else str
            params.append(
                inspect.Parameter(
                    opt.name,
                    inspect.Parameter.KEYWORD_ONLY,
                    annotation=kind if opt.required else Optional[kind],  # noqa: UP045 - runtime type
                    default=inspect.Parameter.empty if opt.required else None,
                )
            )
        callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        callback.__name__ = callback.__qualname__ = f"briefbot_{command}_{name}"
        if options:
            callback = app_commands.describe(
                **{o.name: clip(o.description, DESCRIPTION_LIMIT) for o in options}
            )(callback)
        choices = {
            o.name: [app_commands.Choice(name=c, value=c) for c in o.choices[:25]]
            for o in options
            if o.choices
        }
        if choices:
            callback = app_commands.choices(**choices)(callback)
        completers = {o.name: self._completer(o.suggest) for o in options if o.suggest}
        if completers:
            callback = app_commands.autocomplete(**completers)(callback)
        if spec.admin_only:
            # hidden from members without Manage Server until a server admin grants them
            callback = app_commands.default_permissions(manage_guild=True)(callback)
        return app_commands.Command(
            name=name, description=clip(description, DESCRIPTION_LIMIT), callback=callback
        )

    def _completer(
        self, kind: str
    ) -> Callable[[discord.Interaction, str], Awaitable[list[app_commands.Choice[str]]]]:
        async def complete(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            if self._core is None:
                return []
            names = await self._core.suggest(kind, current)
            return [
                app_commands.Choice(name=clip(n, 100), value=n[:100]) for n in names if n.strip()
            ][:25]

        return complete

    # --- handling ----------------------------------------------------------------------

    def is_admin(self, interaction: discord.Interaction) -> bool:
        """A configured user, a member of a configured role, or someone with Manage Server."""
        user = interaction.user
        if str(user.id) in self.settings.admins:
            return True
        # Member._roles holds the role ids from the interaction payload (no guild cache needed).
        roles = {str(r) for r in getattr(user, "_roles", ())}
        if roles & self.settings.admin_roles:
            return True
        perms = interaction.permissions
        return interaction.guild_id is not None and (perms.manage_guild or perms.administrator)

    def request(
        self,
        interaction: discord.Interaction,
        command: str,
        args: str,
        sub: str = "",
        options: tuple[tuple[str, str | int], ...] = (),
    ) -> Request:
        """The core Request for an interaction: who asked, where, and whether they are an admin."""
        user = str(interaction.user.id)
        channel = interaction.channel_id
        return Request(
            command=command,
            args=args,
            user=user,
            place=str(channel) if channel is not None else f"user:{user}",
            platform="discord",
            is_admin=self.is_admin(interaction),
            sub=sub,
            options=options,
        )

    async def invoke(
        self,
        interaction: discord.Interaction,
        command: str,
        args: str,
        sub: str = "",
        options: tuple[tuple[str, str | int], ...] = (),
    ) -> None:
        """Defer at once (Discord allows 3 s), ask the core, then send the reply as follow-ups.

        A typed command comes with its subcommand and option values; a button with its args."""
        started = time.perf_counter()
        await interaction.response.defer(thinking=True)
        deferred = time.perf_counter()
        if self._core is None:
            raise RuntimeError("the Discord adapter has no core")
        reply = await self._core.handle(self.request(interaction, command, args, sub, options))
        send = interaction.followup.send
        if reply.error:
            # A refusal is for the asker only: the public "thinking…" message goes, and the
            # follow-up (now a new message, not the deferred one) can be ephemeral.
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()
            send = functools.partial(interaction.followup.send, ephemeral=True)
        sent = await self._deliver(send, reply, interaction.extras)
        # One line per interaction; never the options (user text) nor the token.
        kind = "button" if interaction.type == discord.InteractionType.component else "command"
        log.info(
            "discord /%s %s guild=%s channel=%s user=%s defer_ms=%.1f answer_ms=%.1f messages=%d %s",
            command,
            kind,
            interaction.guild_id,
            interaction.channel_id,
            interaction.user.id,
            (deferred - started) * 1000,
            (time.perf_counter() - started) * 1000,
            sent,
            "refused" if reply.error else "ok",
        )
        metrics.observe_answer(
            "discord", command, deferred - started, time.perf_counter() - started
        )
        # A custom discord.py event, so tests and metrics can wait for a whole answer.
        interaction.client.dispatch("briefbot_replied", interaction, reply)

    async def handle_action(
        self, interaction: discord.Interaction, command: str, args: str
    ) -> None:
        """A button click: the same path as a typed command, with the same error handling."""
        try:
            await self.invoke(interaction, command, args)
        except Exception as exc:
            await self.on_error(interaction, exc)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        """Log the failure; the user gets one short sentence, never a traceback."""
        original = getattr(error, "original", error)
        if isinstance(error, app_commands.CommandSignatureMismatch | app_commands.CommandNotFound):
            text = OUT_OF_SYNC
            log.warning("discord: %s", error)
        elif isinstance(error, app_commands.TransformerError):
            text = f"That value isn't valid: {clip(str(error.value), 100)}. See /help."
            log.info("discord: bad option: %s", error)
        else:
            text = FAILURE
            log.error(
                "discord: command failed",
                exc_info=(type(original), original, original.__traceback__),
            )
        none = discord.AllowedMentions.none()
        try:
            if interaction.response.is_done():
                if not interaction.extras.get(ANSWERED):
                    # nothing shown yet: drop the public "thinking…" so the note can be private
                    with contextlib.suppress(discord.HTTPException):
                        await interaction.delete_original_response()
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=none)
            else:
                await interaction.response.send_message(text, ephemeral=True, allowed_mentions=none)
        except discord.HTTPException as exc:
            log.warning("discord: could not report a failure to the user: %s", exc)

    async def _deliver(
        self,
        send: Callable[..., Awaitable[Any]],
        reply: Reply,
        extras: dict[Any, Any] | None = None,
    ) -> int:
        messages = render(reply, self.settings.max_messages)
        for i, message in enumerate(messages):
            kwargs = self._send_kwargs(message)
            if i == len(messages) - 1 and reply.attachments:
                # Files (a chart) go with the last part, under the table they illustrate.
                kwargs["files"] = [
                    discord.File(io.BytesIO(a.data), filename=a.name, description=a.alt[:1024])
                    for a in reply.attachments
                ]
            await send(**kwargs)
            if extras is not None:
                extras[ANSWERED] = extras.get(ANSWERED, 0) + 1
        return len(messages)

    @staticmethod
    def _send_kwargs(message: Message) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"allowed_mentions": discord.AllowedMentions.none()}
        if message.content:
            kwargs["content"] = message.content
        if message.embeds:
            kwargs["embeds"] = [discord.Embed.from_dict(dict(e)) for e in message.embeds]
        if message.buttons:
            view = discord.ui.View(timeout=None)
            for button in message.buttons:
                view.add_item(ActionButton(button.label, button.custom_id))
            kwargs["view"] = view
        return kwargs
