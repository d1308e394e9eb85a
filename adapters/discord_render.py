"""Reply → Discord messages (embeds, or plain content for refusals) within Discord's limits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from adapters.base import split_text
from bot.model import Citation, FigureRow, Item, Reply, Section, shown_date

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELDS_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
EMBED_TOTAL_LIMIT = 6000
EMBEDS_PER_MESSAGE = 10
BUTTON_LABEL_LIMIT = 80
CUSTOM_ID_LIMIT = 100
BUTTONS_PER_MESSAGE = 25
MAX_MESSAGES = 10

ACTION_PREFIX = "briefbot:"
ACTION_PATTERN = r"briefbot:(?P<command>[a-z][a-z_-]{0,31}):(?P<args>.*)"

COLOUR = 0x2B6CB0
ZWSP = "\u200b"

_MENTION = re.compile(r"@(everyone|here)|<@([!&]?)(\d+)>")
_MARKDOWN = re.compile(r"([\\*_~`|\[\]])")
_LINE_START = re.compile(r"^(\s*)([>#-])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)\.(?=\s)", re.MULTILINE)
_ACTION = re.compile(ACTION_PATTERN, re.DOTALL)
_URL_UNSAFE = re.compile(r"[\s<>`@\"\\|\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class Button:
    """A clickable follow-up; its custom_id carries the command it sends back."""

    label: str
    custom_id: str


@dataclass(frozen=True, slots=True)
class Message:
    """One Discord message: content and/or embed dicts (Discord's JSON shape), plus buttons."""

    content: str = ""
    embeds: tuple[Mapping[str, Any], ...] = ()
    buttons: tuple[Button, ...] = ()


def defuse_mentions(text: str) -> str:
    """Break @everyone, @here, <@user> and <@&role> so they show as text and can never ping."""

    def _sub(m: re.Match[str]) -> str:
        if m.group(1):
            return f"@{ZWSP}{m.group(1)}"
        return f"<@{ZWSP}{m.group(2)}{m.group(3)}>"

    return _MENTION.sub(_sub, text)


def escape(text: str) -> str:
    """Article text shown literally: markdown characters escaped and mentions defused."""
    text = _MARKDOWN.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    text = _NUMBERED.sub(lambda m: m.group(1) + "\\.", text)
    return defuse_mentions(text)


def clip(text: str, limit: int) -> str:
    """Shorten a label (never a quote) to `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def embed_length(embed: Mapping[str, Any]) -> int:
    """Characters Discord counts towards the 6,000 per-message embed total."""
    total = len(embed.get("title", "")) + len(embed.get("description", ""))
    total += len(embed.get("footer", {}).get("text", "")) + len(
        embed.get("author", {}).get("name", "")
    )
    for f in embed.get("fields", ()):
        total += len(f.get("name", "")) + len(f.get("value", ""))
    return total


def action_custom_id(command: str, args: str) -> str | None:
    """The custom_id for an action button, or None when it cannot fit Discord's 100 characters."""
    custom_id = f"{ACTION_PREFIX}{command}:{args}"
    if len(custom_id) > CUSTOM_ID_LIMIT or not _ACTION.fullmatch(custom_id):
        return None
    return custom_id


def parse_action(custom_id: str) -> tuple[str, str] | None:
    """(command, args) from an action button's custom_id, or None if it is not ours."""
    m = _ACTION.fullmatch(custom_id)
    return (m.group("command"), m.group("args")) if m else None


def render(reply: Reply, max_messages: int = MAX_MESSAGES) -> list[Message]:
    """The messages that show `reply`: refusals as plain content, answers as embeds.

    Long answers become several messages; at most `max_messages`, the last saying how
    many more were left out. Buttons (one per action) ride on the last message.
    """
    blocks = _blocks(reply)
    messages = _content_messages(blocks) if reply.error else _embed_messages(reply, blocks)
    messages = _cap(messages, max(1, max_messages), reply.error)
    if not any(m.content.strip() or m.embeds for m in messages):  # Discord rejects empty messages
        fallback = reply.title.strip() or ("Sorry" if reply.error else "(no answer)")
        messages = [Message(content=clip(escape(fallback), CONTENT_LIMIT))]
    buttons = _buttons(reply)
    if buttons:
        last = messages[-1]
        messages[-1] = Message(content=last.content, embeds=last.embeds, buttons=buttons)
    return messages


def _buttons(reply: Reply) -> tuple[Button, ...]:
    """One button per distinct action; a source button says which [n] it opens."""
    refs = {c.ref: i for i, c in reversed(list(enumerate(reply.citations)))}
    seen: set[str] = set()
    buttons: list[Button] = []
    for action in reply.actions:
        custom_id = action_custom_id(action.command, action.args)
        if custom_id is None or custom_id in seen:
            continue
        seen.add(custom_id)
        label = action.label or action.command
        if action.args in refs and "[" not in label:
            label = f"{label} [{refs[action.args] + 1}]"
        buttons.append(Button(label=clip(label, BUTTON_LABEL_LIMIT), custom_id=custom_id))
        if len(buttons) == BUTTONS_PER_MESSAGE:
            break
    return tuple(buttons)


def _marker(cite: int | None, citations: tuple[Citation, ...]) -> str:
    if cite is None or not 0 <= cite < len(citations):
        return ""
    return f" [{cite + 1}]"


def _blocks(reply: Reply) -> list[str]:
    """The reply as markdown blocks; a block is kept whole in one embed when it fits."""
    blocks: list[str] = []
    for section in reply.sections:
        blocks.extend(_section_blocks(section, reply.citations))
    if reply.citations and not reply.error:
        lines = [_citation_line(i, c) for i, c in enumerate(reply.citations)]
        lines[0] = f"\n**Sources**\n{lines[0]}"  # the heading stays with its first line
        blocks.extend(lines)
    return blocks


def _section_blocks(section: Section, citations: tuple[Citation, ...]) -> list[str]:
    out: list[str] = []
    if section.text:
        out.extend(f"\n{p}" for p in (escape(p.strip()) for p in section.text.split("\n\n")) if p)
    out.extend(_item_line(item, citations) for item in section.items)
    out.extend(_quote_block(item, citations) for item in section.quotes)
    if section.figures:
        out.extend(_figure_blocks(section.figures, citations, section.heading))
    if section.sources:
        marks = " ".join(f"[{i + 1}]" for i in section.sources if 0 <= i < len(citations))
        if marks:
            out.append(f"*Sources:* {marks}")
    if section.heading:
        heading = f"\n**{escape(section.heading)}**"
        first = out[0].lstrip("\n") if out else ""
        if first and len(heading) + 1 + len(first) <= DESCRIPTION_LIMIT:
            out[0] = f"{heading}\n{first}"
        else:
            out.insert(0, heading)
    return out


def _item_line(item: Item, citations: tuple[Citation, ...]) -> str:
    label = f"**{escape(item.label)}** — " if item.label else ""
    return f"• {label}{escape(item.text)}{_marker(item.cite, citations)}"


def _quote_block(item: Item, citations: tuple[Citation, ...]) -> str:
    lines = [f"> {escape(line)}" for line in item.text.splitlines() if line.strip()] or ["> "]
    if item.label:
        lines.append(f"> — **{escape(item.label)}**{_marker(item.cite, citations)}")
    else:
        lines[-1] += _marker(item.cite, citations)
    return "\n" + "\n".join(lines)


def link_url(url: str) -> str:
    """A URL safe inside `(<...>)`: characters that could end the link, open code or ping are %-encoded.

    Encoding `@` also defeats the `https://trusted.example@evil.example` disguise.
    """
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


def _citation_line(index: int, c: Citation) -> str:
    title = escape(c.title or c.article_id)
    shown = (
        f"[{title}](<{link_url(c.url)}>)" if c.url.startswith(("http://", "https://")) else title
    )
    bits = [f"**[{index + 1}]**"]
    if c.outlet:
        bits.append(escape(c.outlet) + " ·")
    bits.append(shown)
    bits.append(f"· {shown_date(c.published)}")
    if c.paragraph is not None:
        bits.append(f"· ¶{c.paragraph + 1}")
    return " ".join(bits)


# Narrow enough for a desktop embed without wrapping; each row's [n] leads to its source.
_FIGURE_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("surface", "Figure", 60),  # verbatim: only an absurdly long one is clipped
    ("normalised", "Normalised", 18),
    ("claimant", "Claimant", 22),
    ("topic", "Topic", 12),
)


def _cell_text(row: FigureRow, attr: str, heading: str) -> str:
    """A cell's text; a "value · measure" whose measure the section heading already names loses it."""
    text = str(getattr(row, attr) or "–")
    if attr == "normalised" and " · " in text and heading:
        value, _, measure = text.rpartition(" · ")
        if measure and measure.lower() in heading.lower():
            return value
    return text


def _code_cell(text: str, width: int) -> str:
    return clip(defuse_mentions(" ".join(text.replace("`", "'").split())), width)


def _figure_blocks(
    rows: tuple[FigureRow, ...], citations: tuple[Citation, ...], heading: str = ""
) -> list[str]:
    """A compact monospace table (one code block per chunk), conflicts explained below it.

    Qualifier and source stay out of the columns: the figure as printed carries its
    qualifier ("nearly 400 square miles") and the [n] reference names the source.
    """
    topics = {r.topic for r in rows}
    columns = [
        (attr, head, width)
        for attr, head, width in _FIGURE_COLUMNS
        if any(getattr(r, attr) for r in rows) and not (attr == "topic" and len(topics) < 2)
    ]
    table: list[list[str]] = [["#", *(head for _, head, _ in columns), "Ref"]]
    for n, r in enumerate(rows, 1):
        mark = f"{n}!" if r.conflict else str(n)
        cells = [_code_cell(_cell_text(r, attr, heading), width) for attr, _, width in columns]
        ref = _marker(r.cite, citations).strip()
        table.append([mark, *cells, ref])
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    header, body = lines[0], lines[1:]
    blocks: list[str] = []
    chunk: list[str] = []
    budget = DESCRIPTION_LIMIT - len(header) - 16
    for line in body:
        if chunk and sum(len(x) + 1 for x in chunk) + len(line) + 1 > budget:
            blocks.append(_code_block(header, chunk))
            chunk = []
        chunk.append(line[:budget])
    blocks.append(_code_block(header, chunk))
    notes = [f"⚠ {n}: {escape(r.conflict)}" for n, r in enumerate(rows, 1) if r.conflict]
    if notes:
        blocks.append("\n".join(notes))  # directly under its table
    return blocks


def _code_block(header: str, lines: list[str]) -> str:
    return "\n```\n" + "\n".join([header, *lines]) + "\n```"


def _fit(blocks: Iterable[str], limit: int) -> list[str]:
    """Blocks no longer than `limit`: oversized ones split at line, then word breaks."""
    out: list[str] = []
    for block in blocks:
        if len(block) <= limit:
            out.append(block)
        elif block.startswith("```") and block.endswith("```"):
            inner = block[4:-4]
            out.extend(f"```\n{part}\n```" for part in split_text(inner, limit - 8))
        else:
            out.extend(split_text(block, limit))
    return out


def _pack(blocks: Iterable[str], limit: int) -> list[str]:
    """Join blocks line by line into pages of at most `limit` characters.

    A block that starts with a newline wants a blank line before it (a new paragraph,
    quote or table); at the top of a page that blank line is dropped.
    """
    pages: list[str] = []
    page = ""
    for raw in blocks:
        gap = "\n" if raw.startswith("\n") else ""
        for block in _fit([raw.lstrip("\n")], limit):
            if page and len(page) + 1 + len(gap) + len(block) > limit:
                pages.append(page)
                page = ""
            page = f"{page}\n{gap}{block}" if page else block
            gap = ""
    if page or not pages:
        pages.append(page)
    return pages


def _content_messages(blocks: list[str]) -> list[Message]:
    pages = _pack(blocks, CONTENT_LIMIT)
    return [Message(content=p) for p in pages]


def _embed_messages(reply: Reply, blocks: list[str]) -> list[Message]:
    title = clip(defuse_mentions(reply.title), TITLE_LIMIT) if reply.title else ""
    footer = clip(defuse_mentions(reply.footer), FOOTER_LIMIT) if reply.footer else ""
    # Leave room in every page for the title and footer so any page fits one message.
    page_limit = min(DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT - len(title) - len(footer))
    pages = _pack(blocks, page_limit)
    embeds: list[dict[str, Any]] = []
    for i, page in enumerate(pages):
        embed: dict[str, Any] = {"type": "rich", "color": COLOUR}
        if i == 0 and title:
            embed["title"] = title
        if page:
            embed["description"] = page
        embeds.append(embed)
    if footer:
        embeds[-1]["footer"] = {"text": footer}
    return _group(embeds)


def _group(embeds: list[dict[str, Any]]) -> list[Message]:
    """Put embeds into messages: at most 10 and 6,000 characters each."""
    messages: list[Message] = []
    current: list[dict[str, Any]] = []
    total = 0
    for embed in embeds:
        size = embed_length(embed)
        if current and (len(current) == EMBEDS_PER_MESSAGE or total + size > EMBED_TOTAL_LIMIT):
            messages.append(Message(embeds=tuple(current)))
            current, total = [], 0
        current.append(embed)
        total += size
    messages.append(Message(embeds=tuple(current)))
    return messages


def _cap(messages: list[Message], max_messages: int, error: bool) -> list[Message]:
    """At most `max_messages`; the last one says how many were left out."""
    if len(messages) <= max_messages:
        return messages
    dropped = len(messages) - max_messages
    kept = messages[:max_messages]
    note = f"*… {dropped} more message{'s' if dropped > 1 else ''} left out: narrow the question to see the rest.*"
    last = kept[-1]
    if error:
        content = last.content if len(last.content) + 2 + len(note) <= CONTENT_LIMIT else ""
        kept[-1] = Message(content=f"{content}\n\n{note}".strip())
        return kept
    embeds = list(last.embeds)
    notice = {"type": "rich", "color": COLOUR, "description": note}
    while embeds and (
        len(embeds) >= EMBEDS_PER_MESSAGE
        or sum(map(embed_length, embeds)) + len(note) > EMBED_TOTAL_LIMIT
    ):
        embeds.pop()
    kept[-1] = Message(embeds=(*embeds, notice))
    return kept
