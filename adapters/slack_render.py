"""Reply → Slack Block Kit messages, kept within Slack's block and text limits."""

from __future__ import annotations

import logging
import re
import textwrap
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote as url_quote

from adapters.base import split_text
from bot.model import Action, Citation, FigureRow, Item, Reply, Section, shown_date

log = logging.getLogger(__name__)

MAX_BLOCKS = 50  # blocks per message
MAX_SECTION_CHARS = 3000  # text of a section block / one context element
MAX_HEADER_CHARS = 150  # header block text
MAX_BUTTON_TEXT = 75  # button label
MAX_ACTION_VALUE = 2000  # button value
MAX_ACTION_ID = 255
MAX_BUTTONS = 25  # elements in one actions block
MAX_CONTEXT_ELEMENTS = 10  # elements in one context block
# Slack rejects a message whose block text adds up to roughly 12,000 characters
# (`msg_blocks_too_long`, undocumented); stay well below it.
MAX_MESSAGE_CHARS = 10_000
ACTION_ID_PREFIX = "briefbot_action"
CODE_FENCE = "```"

Block = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """One Slack message: Block Kit blocks plus the plain fallback text notifications use."""

    text: str
    blocks: tuple[Block, ...]

    def payload(self) -> dict[str, Any]:
        """Keyword arguments for chat.postMessage / respond()."""
        return {"text": self.text, "blocks": [dict(b) for b in self.blocks]}


def escape(text: str) -> str:
    """Escape Slack's control characters so article text cannot form links or mentions."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_MENTION_WORDS = re.compile(r"@(here|channel|everyone)", re.IGNORECASE)


def defang(text: str) -> str:
    """Break bare @here/@channel/@everyone in fallback text (blocks use verbatim=True instead)."""
    return _MENTION_WORDS.sub("@\u200b\\1", text)


def encode_action(action: Action) -> str:
    """A button value that decodes back to the Action's command and args."""
    return f"{action.command} {action.args}".strip()


def decode_action(value: str) -> tuple[str, str]:
    """(command, args) from a button value written by encode_action."""
    command, _, args = value.strip().partition(" ")
    return command, args.strip()


def shorten(text: str, limit: int) -> str:
    """Fit UI text (titles, button labels) into a limit, cutting at a word and marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit - 1
    return text[:cut].rstrip() + "…"


def _mrkdwn(text: str) -> Block:
    """A mrkdwn text object; verbatim stops Slack from auto-linking names, channels and URLs."""
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def _context(texts: list[str]) -> Block:
    return {"type": "context", "elements": [_mrkdwn(t) for t in texts]}


def wrap_escaped(raw: str, limit: int, prefix: str = "", suffix: str = "") -> list[str]:
    """Escape raw text and split it into lines `prefix + piece (+ suffix on the last)` within limit.

    Pieces break at line or word boundaries (split_text); nothing is dropped. Escaping can
    grow a piece (`&` → `&amp;`), so a piece that outgrows the limit is split again finer.
    """
    room = limit - len(prefix) - len(suffix)
    if room < 10:
        raise ValueError("prefix and suffix leave no room for text")
    pieces: list[str] = []
    for piece in split_text(raw, room):
        esc = escape(piece)
        if len(esc) <= room:
            pieces.append(esc)
        else:  # every char could be '&' (×5): this split always fits
            pieces.extend(escape(p) for p in split_text(piece, room // 5))
    lines = [prefix + p for p in pieces]
    lines[-1] += suffix
    return lines


def pack(lines: list[str], limit: int = MAX_SECTION_CHARS) -> list[str]:
    """Join lines with newlines into as few chunks as fit the limit (each line must fit)."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


def _marker(cite: int | None) -> str:
    return f" [{cite + 1}]" if cite is not None else ""


def _item_lines(item: Item) -> list[str]:
    label = f"*{escape(' '.join(item.label.split()))}*: " if item.label else ""
    lines = wrap_escaped(item.text, MAX_SECTION_CHARS - len(label) - 2, "", _marker(item.cite))
    return [f"• {label}{lines[0]}", *(f"   {line}" for line in lines[1:])]


def _quote_lines(item: Item) -> list[str]:
    """A quote as `>` lines, then the speaker and citation marker (on the quote if no speaker)."""
    marker = _marker(item.cite)
    lines: list[str] = []
    for para in item.text.splitlines() or [""]:
        if para.strip():
            lines.extend(wrap_escaped(para, MAX_SECTION_CHARS - len(marker), "> "))
    if item.label:
        lines.append(f"— *{escape(' '.join(item.label.split()))}*{marker}")
    elif lines:
        lines[-1] += marker
    return lines


SOURCE_CELL_CHARS = 24
_FIGURE_COLUMNS = (
    ("Figure", "surface", 28),
    ("Value", "normalised", 22),
    ("Qualifier", "qualifier", 14),
    ("Claimant", "claimant", 24),
    ("Source", "source", 26),
)


def _figure_cells(row: FigureRow, with_topic: bool) -> list[str]:
    cells = [getattr(row, attr) or "" for _, attr, _ in _FIGURE_COLUMNS]
    cells[0] = ("⚠ " if row.conflict else "") + cells[0]
    if row.cite is not None:  # the citation line below carries the full source title
        cells[-1] = shorten(cells[-1], SOURCE_CELL_CHARS) + _marker(row.cite)
    if with_topic:
        cells.append(row.topic)
    return cells


def _figure_table(rows: tuple[FigureRow, ...]) -> list[str]:
    """Figures as monospace tables (each a complete code block), then conflict notes."""
    with_topic = len({r.topic for r in rows}) > 1
    columns = [(name, width) for name, _, width in _FIGURE_COLUMNS]
    if with_topic:
        columns.append(("Topic", 16))
    cell_rows = [_figure_cells(r, with_topic) for r in rows]
    widths = [
        min(cap, max([len(name)] + [len(c[i]) for c in cell_rows]))
        for i, (name, cap) in enumerate(columns)
    ]

    def render_row(cells: list[str]) -> list[str]:
        wrapped = [
            textwrap.wrap(c, w, break_on_hyphens=False) or [""]
            for c, w in zip(cells, widths, strict=True)
        ]
        height = max(len(w) for w in wrapped)
        out = []
        for k in range(height):
            parts = [(w[k] if k < len(w) else "").ljust(widths[i]) for i, w in enumerate(wrapped)]
            out.append(escape("  ".join(parts).rstrip()))
        return out

    head = render_row([name for name, _ in columns])
    head.append(escape("  ".join("-" * w for w in widths)))
    body_limit = MAX_SECTION_CHARS - 2 * len(CODE_FENCE) - 2
    tables: list[str] = []
    current: list[str] = []
    for cells in cell_rows:
        lines = render_row(cells)
        if current and len("\n".join(head + current + lines)) > body_limit:
            tables.append("\n".join(head + current))
            current = []
        for line in lines:  # a row taller than a whole table continues in the next one
            if current and len("\n".join([*head, *current, line])) > body_limit:
                tables.append("\n".join(head + current))
                current = []
            current.append(line)
    if current:
        tables.append("\n".join(head + current))
    chunks = [f"{CODE_FENCE}\n{t}\n{CODE_FENCE}" for t in tables]
    notes: list[str] = []
    for r in rows:
        if r.conflict:
            where = _marker(r.cite) if r.cite is not None else f" ({r.source})"
            note = f"{r.surface}{where}: {r.conflict}"
            notes.extend(wrap_escaped(note, MAX_SECTION_CHARS, "⚠ "))
    return chunks + pack(notes)


def citation_line(number: int, c: Citation) -> str:
    """`[n] *Outlet* · <url|Title> · date · ¶p` in escaped mrkdwn (well under 3,000 chars)."""
    title = escape(shorten(c.title, 300) or c.article_id)
    url = c.url.strip()
    if url.lower().startswith(("http://", "https://")) and len(url) <= 1500:
        safe_url = url_quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
        title = f"<{safe_url.replace('&', '&amp;')}|{title}>"
    parts = []
    if c.outlet:
        parts.append(f"*{escape(shorten(c.outlet, 200))}*")
    parts.append(title)
    parts.append(escape(shown_date(c.published)))
    if c.paragraph is not None:
        parts.append(f"¶{c.paragraph + 1}")
    return f"[{number}] " + " · ".join(parts)


def _context_blocks(lines: list[str]) -> list[Block]:
    """Lines as context blocks of at most 10 elements and one section's worth of text."""
    blocks: list[Block] = []
    current: list[str] = []
    for line in lines:
        if current and (
            len(current) == MAX_CONTEXT_ELEMENTS
            or sum(map(len, current)) + len(line) > MAX_SECTION_CHARS
        ):
            blocks.append(_context(current))
            current = []
        current.append(line)
    if current:
        blocks.append(_context(current))
    return blocks


def _section_blocks(section: Section, reply: Reply) -> list[Block]:
    blocks: list[Block] = []
    if section.heading:
        blocks.extend(
            _section(t)
            for t in pack(wrap_escaped(section.heading, MAX_SECTION_CHARS - 2, "*", "*"))
        )
    if section.text:
        lines: list[str] = []
        for para in section.text.splitlines():
            if para.strip():
                lines.extend(wrap_escaped(para, MAX_SECTION_CHARS))
        blocks.extend(_section(t) for t in pack(lines))
    if section.items:
        lines = [line for item in section.items for line in _item_lines(item)]
        blocks.extend(_section(t) for t in pack(lines))
    if section.quotes:
        # one block per quote keeps a quote and its speaker together when splitting
        for q in section.quotes:
            blocks.extend(_section(t) for t in pack(_quote_lines(q)))
    if section.figures:
        blocks.extend(_section(t) for t in _figure_table(section.figures))
    if section.sources:
        names = []
        for i in section.sources:
            if 0 <= i < len(reply.citations):
                c = reply.citations[i]
                names.append(f"[{i + 1}] {escape(c.outlet or c.title or c.article_id)}")
        if names:
            text = "Sources: " + ", ".join(names)
            blocks.extend(_context([t]) for t in pack(wrap_escaped(text, MAX_SECTION_CHARS)))
    return blocks


def _action_blocks(actions: tuple[Action, ...], citations: tuple[Citation, ...]) -> list[Block]:
    """Buttons; one that opens a citation names its number, so "Show source" buttons differ."""
    numbers = {c.ref: i + 1 for i, c in reversed(list(enumerate(citations)))}
    buttons: list[Block] = []
    for i, action in enumerate(actions):
        label = action.label
        if action.args in numbers and "[" not in label:
            label = f"{label} [{numbers[action.args]}]"
        value = encode_action(action)
        if len(value) > MAX_ACTION_VALUE:
            log.warning(
                "dropping button %r: value of %d chars is over Slack's limit",
                action.label,
                len(value),
            )
            continue
        buttons.append(
            {
                "type": "button",
                "text": {
                    "type": "plain_text",
                    "text": shorten(label, MAX_BUTTON_TEXT) or "Open",
                    "emoji": True,
                },
                "value": value,
                "action_id": f"{ACTION_ID_PREFIX}:{i}"[:MAX_ACTION_ID],
            }
        )
    return [
        {"type": "actions", "elements": buttons[i : i + MAX_BUTTONS]}
        for i in range(0, len(buttons), MAX_BUTTONS)
    ]


def _header_blocks(reply: Reply) -> list[Block]:
    title = reply.title or ("Sorry" if reply.error else "briefbot")
    if reply.error:
        title = f":warning: {title}"
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": shorten(title, MAX_HEADER_CHARS), "emoji": True},
        }
    ]
    if len(" ".join(title.split())) > MAX_HEADER_CHARS:  # show the whole title, never a silent cut
        blocks.extend(
            _section(t) for t in pack(wrap_escaped(reply.title, MAX_SECTION_CHARS - 2, "*", "*"))
        )
    return blocks


def _block_chars(block: Block) -> int:
    """Characters of text a block carries (what Slack's per-message budget counts)."""
    total = 0
    stack: list[Any] = [block]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, val in node.items():
                if key in ("text", "value") and isinstance(val, str):
                    total += len(val)
                else:
                    stack.append(val)
        elif isinstance(node, list):
            stack.extend(node)
    return total


def _plain(block: Block) -> str:
    """Fallback text for one block (escaped mrkdwn, like the blocks themselves)."""
    kind = block.get("type")
    if kind == "header":  # plain_text in the block, but the fallback is parsed as mrkdwn
        return escape(str(block["text"]["text"]))
    if kind == "section":
        return str(block["text"]["text"])
    if kind == "context":
        return "\n".join(str(e["text"]) for e in block["elements"])
    if kind == "actions":
        return " | ".join(escape(str(e["text"]["text"])) for e in block["elements"])
    return ""


def _continuation(title: str, part: int, parts: int) -> Block:
    return _context([f"*{escape(shorten(title, MAX_HEADER_CHARS))}* (part {part} of {parts})"])


def render(reply: Reply) -> list[SlackMessage]:
    """Render a Reply as one or more Slack messages, each within Slack's limits.

    Order: header, sections (heading, text, items, quotes, figures, sources), citations,
    buttons, footer. Long replies continue in further messages that start with a
    "part n of m" line; text is split at line or word breaks, never cut.
    """
    # Only the header block is pinned to the first message; a long title's full text is body,
    # so it splits across messages like any other text.
    header, *body = _header_blocks(reply)
    head = [header]
    for section in reply.sections:
        body.extend(_section_blocks(section, reply))
    if reply.citations:
        body.extend(
            _context_blocks([citation_line(i + 1, c) for i, c in enumerate(reply.citations)])
        )
    body.extend(_action_blocks(reply.actions, reply.citations))
    if reply.footer:
        body.extend(_context([t]) for t in pack(wrap_escaped(reply.footer, MAX_SECTION_CHARS)))

    # Budget each message with its own lead-in: the header on the first, the widest
    # "part n of m" line on the rest.
    prefix_chars, prefix_blocks = sum(_block_chars(b) for b in head), len(head)
    groups: list[list[Block]] = [[]]
    chars = 0
    for block in body:
        size = _block_chars(block)
        current = groups[-1]
        if current and (
            len(current) + prefix_blocks >= MAX_BLOCKS
            or chars + size + prefix_chars > MAX_MESSAGE_CHARS
        ):
            groups.append([])
            chars = 0
            prefix_chars = _block_chars(_continuation(reply.title, 9999, 9999))
            prefix_blocks = 1
        groups[-1].append(block)
        chars += size

    messages: list[SlackMessage] = []
    for n, group in enumerate(groups, start=1):
        blocks = head + group if n == 1 else [_continuation(reply.title, n, len(groups)), *group]
        text = "\n".join(t for t in (_plain(b) for b in blocks) if t)
        messages.append(SlackMessage(text=defang(text), blocks=tuple(blocks)))
    return messages
