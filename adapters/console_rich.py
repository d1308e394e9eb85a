"""Replies drawn for a terminal with rich: bold titles, a figures table, dim citations.

Only used when stdout is a terminal; pipes and files get `render_text`'s plain text, so
scripts and `grep` see stable output. Every string from an article goes in as rich Text,
never as markup, so "[bold]" or "[/]" in a quote prints as typed.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from bot.model import Reply, shown_date


def _cite(index: int | None) -> Text:
    return Text(f" [{index + 1}]", style="cyan") if index is not None else Text("")


def renderables(reply: Reply) -> list[RenderableType]:
    """The reply as rich renderables, in the same order as the plain-text form."""
    out: list[RenderableType] = [Text(reply.title, style="bold red" if reply.error else "bold")]
    for section in reply.sections:
        if section.heading:
            out += [Text(""), Text(section.heading, style="bold underline")]
        if section.text:
            out.append(Text(section.text))
        for item in section.items:
            line = Text("• ")
            if item.label:
                line.append(f"{item.label}: ", style="bold")
            body = Text(item.text)
            for start, end in item.marks:
                body.stylize("bold yellow", start, end)
            line.append_text(body)
            line.append_text(_cite(item.cite))
            out.append(line)
        if section.figures:
            table = Table(show_header=True, header_style="bold", expand=False)
            for column in ("figure", "normalised", "qualifier", "claimant", "source", ""):
                table.add_column(column, overflow="fold")
            for row in sorted(section.figures, key=lambda r: not r.conflict):
                cite = f"[{row.cite + 1}]" if row.cite is not None else ""
                style = "yellow" if row.conflict else None
                table.add_row(
                    Text(row.surface),
                    Text(row.normalised if row.normalised != row.surface else ""),
                    Text(row.qualifier),
                    Text(row.claimant),
                    Text(row.source),
                    Text(cite, style="cyan"),
                    style=style,
                )
                if row.conflict:
                    table.add_row(Text(f"! {row.conflict}", style="yellow"), *[""] * 5)
            out.append(table)
        for quote in section.quotes:
            line = Text("  “", style="italic")
            line.append(quote.text, style="italic")
            line.append("” — ", style="italic")
            line.append(quote.label, style="bold")
            line.append_text(_cite(quote.cite))
            out.append(line)
        if section.sources:
            out.append(Text("Sources: " + ", ".join(f"[{i + 1}]" for i in section.sources)))
    if reply.citations:
        out += [Text(""), Text("Citations", style="bold")]
        for i, c in enumerate(reply.citations, 1):
            bits = [b for b in (c.outlet, c.title, shown_date(c.published), c.url) if b]
            para = f", paragraph {c.paragraph + 1}" if c.paragraph is not None else ""
            line = Text(f"[{i}] ", style="cyan")
            line.append(" — ".join(bits) + para)
            line.append(f" ({c.ref})", style="dim")
            out.append(line)
    if reply.footer:
        out += [Text(""), Text(reply.footer, style="dim")]
    return out


def print_rich(reply: Reply, stream: TextIO) -> None:
    """Draw the reply on a terminal stream."""
    Console(file=stream, highlight=False, soft_wrap=False).print(Group(*renderables(reply)))


def wants_rich(stream: TextIO) -> bool:
    """Rich only for a real terminal (and not when NO_COLOR or TERM=dumb asks for plain)."""
    import os

    isatty = getattr(stream, "isatty", None)
    return bool(
        isatty and isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )
