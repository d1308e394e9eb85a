"""The console adapter: commands from stdin, replies as plain text (or JSON for scripts)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from adapters.base import split_command
from bot.core import Core
from bot.model import FigureRow, Reply, Request, shown_date

PROMPT = "briefbot> "


def parse_line(line: str) -> tuple[str, str] | None:
    """'/who said x' -> ('who', 'said x'); blank lines and comments -> None."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    return split_command(line)


def _credit(row: FigureRow) -> str:
    """Claimant, then source: the article's name once, when the claimant already gives it
    ("<title> (no source named)", which Slack shows alone) rather than twice on one line."""
    name, also, others = row.source.partition("; also ")
    if name and row.claimant.startswith(name):
        return row.claimant + (f"; also {others}" if also else "")
    return f"{row.claimant}; {row.source}"


def render_text(reply: Reply) -> str:
    """Readable plain text with numbered citations."""
    out = [reply.title, "=" * min(len(reply.title), 78)]
    for section in reply.sections:
        if section.heading:
            out += ["", f"## {section.heading}"]
        if section.text:
            out.append(section.text)
        for item in section.items:
            label = f"{item.label}: " if item.label else ""
            cite = f" [{item.cite + 1}]" if item.cite is not None else ""
            out.append(f"- {label}{item.text}{cite}")
        if section.figures:
            out.append("Figures:")
            for row in sorted(section.figures, key=lambda r: not r.conflict):
                cite = f" [{row.cite + 1}]" if row.cite is not None else ""
                qual = f" ({row.qualifier})" if row.qualifier else ""
                norm = (
                    f" = {row.normalised}"
                    if row.normalised and row.normalised != row.surface
                    else ""
                )
                out.append(f"  * {row.surface}{norm}{qual} — {_credit(row)}{cite}")
                if row.conflict:
                    out.append(f"    ! conflict: {row.conflict}")
        for quote in section.quotes:
            cite = f" [{quote.cite + 1}]" if quote.cite is not None else ""
            out.append(f"  > “{quote.text}” — {quote.label}{cite}")
        if section.sources:
            names = ", ".join(f"[{i + 1}]" for i in section.sources)
            out.append(f"Sources: {names}")
    if reply.citations:
        out += ["", "Citations:"]
        for i, c in enumerate(reply.citations, 1):
            bits = [b for b in (c.outlet, c.title, shown_date(c.published), c.url) if b]
            para = f", paragraph {c.paragraph + 1}" if c.paragraph is not None else ""
            out.append(f"[{i}] {' — '.join(bits)}{para} ({c.ref})")
    if reply.footer:
        out += ["", reply.footer]
    return "\n".join(out)


def reply_json(reply: Reply) -> str:
    """The reply as JSON; an attached file (a chart) is written out and its path given."""
    data = reply.to_dict()
    for entry, path in zip(data["attachments"], save_attachments(reply), strict=True):
        entry["path"] = str(path)
    return json.dumps(data, ensure_ascii=False)


def attachment_dir() -> Path:
    """Where the console writes files that come with replies: $BRIEFBOT_FILES, else a temp folder."""
    folder = Path(os.environ.get("BRIEFBOT_FILES") or Path(tempfile.gettempdir()) / "briefbot")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_attachments(reply: Reply) -> list[Path]:
    """Write each attached file (a chart PNG) to attachment_dir(); their paths, in order."""
    if not reply.attachments:
        return []
    folder = attachment_dir()
    paths = []
    for a in reply.attachments:
        path = folder / Path(a.name).name  # never a path the reply chose
        path.write_bytes(a.data)
        paths.append(path)
    return paths


def attachment_lines(reply: Reply) -> list[str]:
    """One line per attached file: where it was written and what it shows."""
    return [
        f"{a.mime.split('/')[0].capitalize()} written to {path} — {a.alt}"
        for a, path in zip(reply.attachments, save_attachments(reply), strict=True)
    ]


class ConsoleAdapter:
    """Reads commands line by line until EOF; one bad command never ends the session."""

    name = "console"

    def __init__(
        self, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout, admin: bool = True
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.admin = admin

    def write(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def show(self, reply: Reply) -> None:
        """Rich on a terminal, plain text into a pipe or file."""
        from adapters.console_rich import print_rich, wants_rich

        if wants_rich(self.stdout):
            print_rich(reply, self.stdout)
            self.stdout.flush()
        else:
            self.write(render_text(reply))
        for line in attachment_lines(reply):
            self.write(line)

    async def post(
        self,
        place: str,
        reply: Reply,
        *,
        done: int = 0,
        sent: Callable[[int], Awaitable[None]] | None = None,
    ) -> None:
        """One message: shown unless a earlier attempt showed it already."""
        if done:
            return
        self.show(reply)
        if sent is not None:
            await sent(1)

    async def run(self, core: Core) -> None:
        interactive = self.stdin.isatty()
        while True:
            if interactive:
                self.stdout.write(PROMPT)
                self.stdout.flush()
            line = await asyncio.to_thread(self.stdin.readline)
            if not line:
                break
            parsed = parse_line(line)
            if parsed is None:
                continue
            command, args = parsed
            if command in ("quit", "exit"):
                break
            reply = await core.handle(Request(command=command, args=args, is_admin=self.admin))
            self.show(reply)
            self.write("")
