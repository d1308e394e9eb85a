"""Core.handle: look up a command, check its input, run it, and turn any failure into a helpful Reply."""

from __future__ import annotations

import asyncio
import difflib
import logging
import re
import unicodedata
from dataclasses import replace
from typing import Any, Protocol

from bot import metrics
from bot.commands import ALIASES, COMMANDS, CommandSpec
from bot.commands.context import Context, Services
from bot.config import Config
from bot.model import Reply, Request, error_reply
from bot.store.base import Store, StoreError

log = logging.getLogger(__name__)

MAX_ARGS = 1000
COMMAND_TIMEOUT = 60.0
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# terminal escape sequences pasted with the text (colour codes, "clear screen", window titles):
# dropped whole, so their printable tail ("[31m") is not read as search syntax
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]"
)
metrics.KNOWN_COMMANDS = frozenset(COMMANDS)


def clean_args(text: str) -> str:
    """Drop terminal escapes, control, zero-width and direction-override characters; collapse whitespace."""
    text = _ESCAPES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())


def _cleaned(options: tuple[tuple[str, str | int], ...]) -> tuple[tuple[str, str | int], ...]:
    """Typed text values cleaned as free text is; empty ones dropped (the user left them out)."""
    out: list[tuple[str, str | int]] = []
    for name, value in options:
        if isinstance(value, str):
            value = clean_args(value[: MAX_ARGS * 4])
            if not value:
                continue
        out.append((name, value))
    return tuple(out)


class Dispatcher(Protocol):
    """Runs a command elsewhere (bot.workers.WorkerPool: in worker processes)."""

    def busy(self) -> bool: ...

    async def handle(self, request: Request) -> Reply: ...


def typed_problem(spec: CommandSpec, request: Request) -> Reply | None:
    """A typed request checked against the command's grammar: the same bounds and choices on
    every platform (Discord enforces them too, but a command list synced before may not)."""
    if request.sub and request.sub not in {s.name for s in spec.subcommands}:
        return error_reply(f"I don't know /{spec.name} {request.sub[:30]}.", example=spec.example)
    options = {o.name: o for o in spec.options_of(request.sub)}
    for name, value in request.options:
        opt = options.get(name)
        if opt is None:
            return error_reply(f"/{spec.name} has no option {name[:30]!r}.", example=spec.example)
        problem = opt.check(value)
        if problem:
            return error_reply(problem, example=spec.example, hint=opt.choices_hint)
    return None


class Core:
    """The one entry point every adapter calls; platform-free.

    A long-running bot passes a `dispatcher` (its worker processes): the commands whose grammar
    says they may be offloaded run there, so none holds up the event loop that acks.
    """

    def __init__(
        self,
        store: Store,
        config: Config | None = None,
        services: Services | None = None,
        dispatcher: Dispatcher | None = None,
    ) -> None:
        self.store = store
        self.config = config or Config()
        self.services = services or Services()
        self.dispatcher = dispatcher
        self._suggester: Any = None  # bot.suggest.Suggester, built on first use

    def with_dispatcher(self, dispatcher: Dispatcher | None) -> Core:
        """The same core (store, settings, services) sending offloadable commands to `dispatcher`."""
        return Core(self.store, self.config, self.services, dispatcher)

    def commands(self) -> list[CommandSpec]:
        return list(COMMANDS.values())

    async def suggest(self, kind: str, typed: str) -> list[str]:
        """Completions while a user types ("speaker" for /who said, "topic" for /figures)."""
        if self._suggester is None:
            from bot.suggest import Suggester  # only Discord's autocomplete needs it

            self._suggester = Suggester(self.store)
        try:
            return await self._suggester.suggest(kind, clean_args(typed)[:100])
        except StoreError as exc:
            log.warning("no suggestions: %s", exc)
            return []

    async def handle(self, request: Request) -> Reply:
        """The reply to one request; counted by command and outcome for /metrics."""
        words = request.command.strip().lstrip("/").split(None, 1)
        name = words[0].lower() if words else ""
        if len(words) > 1:  # "/search\tKursk" reached us as one word: any whitespace separates
            request = replace(request, args=f"{words[1]} {request.args}".strip())
        name = ALIASES.get(name, name)
        reply, outcome = await self._handle(name, request)
        metrics.count_command(name, outcome)
        return reply

    async def _handle(self, name: str, request: Request) -> tuple[Reply, str]:
        """(reply, outcome): ok, refused (bad input, not allowed), failed, timeout or busy."""
        reply = await self._run(name, request)
        if isinstance(reply, tuple):
            return reply
        return reply, ("refused" if reply.error else "ok")

    async def _run(self, name: str, request: Request) -> Reply | tuple[Reply, str]:
        spec = COMMANDS.get(name)
        if not name:
            names = ", ".join(f"/{n}" for n in COMMANDS)
            return error_reply(
                "Type a command name after the /.",
                example="/brief",
                hint=f"Commands: {names}. /help explains each.",
            )
        if spec is None:
            close = difflib.get_close_matches(name, list(COMMANDS), n=2, cutoff=0.5)
            hint = f"Did you mean /{close[0]}?" if close else "Type /help for the list."
            shown = "".join(ch for ch in name[:40] if ch.isprintable()) or "?"
            return error_reply(f"Unknown command /{shown}.", example="/help", hint=hint)
        if request.typed:
            wrong = typed_problem(spec, request)
            if wrong is not None:
                return wrong
            request = replace(request, options=_cleaned(request.options))
            longest = max((len(str(v)) for _, v in request.options), default=0)
            if longest > MAX_ARGS:
                return error_reply(
                    f"That is too long for /{name} ({longest:,} characters; the limit is {MAX_ARGS:,}).",
                    example=spec.example,
                )
            # one text option is the whole argument, exactly as a free-text platform gives it
            values = [v for _, v in request.options]
            if not spec.subcommands and len(spec.options) == 1:
                request = replace(request, args=str(values[0]) if values else "")
        if len(request.args) > MAX_ARGS * 4:
            return error_reply(
                f"That is too long for /{name} ({len(request.args):,} characters; the limit is {MAX_ARGS:,}).",
                example=spec.example,
            )
        args = clean_args(request.args)
        if len(args) > MAX_ARGS:
            return error_reply(
                f"That is too long for /{name} ({len(args):,} characters; the limit is {MAX_ARGS:,}).",
                example=spec.example,
            )
        if spec.admin_only and not request.is_admin:
            return error_reply(
                f"/{name} is for admins only.",
                hint="Ask a newsroom admin to run it. Type /help for the commands you can run.",
            )
        if self.dispatcher is not None and spec.offload:
            busy = self.dispatcher.busy()
            reply = await self.dispatcher.handle(replace(request, command=name, args=args))
            return (reply, "busy") if busy else reply
        ctx = Context(store=self.store, request=request, config=self.config, services=self.services)
        try:
            return await asyncio.wait_for(spec.runner()(ctx, args), COMMAND_TIMEOUT)
        except TimeoutError:
            log.warning("command /%s timed out", name)
            reply = error_reply(f"/{name} took too long and was stopped.", example=spec.example)
            return reply, "timeout"
        except StoreError as exc:
            log.error("store error in /%s: %s", name, exc)
            reply = error_reply(
                "The article store is unavailable right now; nothing was changed.",
                hint=str(exc)[:200],
            )
            return reply, "failed"
        except Exception:
            log.exception("command /%s failed", name)
            reply = error_reply(
                f"Something went wrong running /{name}; it has been logged.", example=spec.example
            )
            return reply, "failed"
