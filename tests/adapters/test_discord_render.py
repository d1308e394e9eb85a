"""The Discord renderer: what a reader sees, within Discord's message and embed limits."""

from __future__ import annotations

import re

import pytest

from adapters.discord_render import (
    AUTHOR_LIMIT,
    BUTTONS_PER_MESSAGE,
    CONTENT_LIMIT,
    CUSTOM_ID_LIMIT,
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    EMBEDS_PER_MESSAGE,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FIELDS_LIMIT,
    FOOTER_LIMIT,
    TITLE_LIMIT,
    Message,
    defuse_mentions,
    embed_length,
    parse_action,
    render,
)
from bot.model import Action, Citation, FigureRow, Item, Reply, Section, error_reply

PUTIN = "We will kick the enemy out of our territories, without question."
CITE = Citation(
    article_id="004_777959b668a2fcee",
    title="Ukraine’s top military commander says his forces control 400 square miles",
    outlet="The Washington Post",
    published="2024-08-12T18:00:00Z",
    url="https://example.com/world/2024/08/12/kursk_incursion",
    paragraph=0,
    start=120,
    end=185,
)


def visible(message: Message) -> str:
    """Everything a reader sees in one message, as one string."""
    parts = [message.content]
    for e in message.embeds:
        parts += [e.get("title", ""), e.get("description", ""), e.get("footer", {}).get("text", "")]
        parts += [f"{f['name']} {f['value']}" for f in e.get("fields", ())]
    parts += [b.label for b in message.buttons]
    return "\n".join(p for p in parts if p)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).replace("\u200b", "")


def assert_within_limits(messages: list[Message]) -> None:
    for m in messages:
        assert len(m.content) <= CONTENT_LIMIT
        assert m.content or m.embeds, "empty message"
        assert len(m.embeds) <= EMBEDS_PER_MESSAGE
        assert sum(embed_length(e) for e in m.embeds) <= EMBED_TOTAL_LIMIT
        assert len(m.buttons) <= BUTTONS_PER_MESSAGE
        assert len({b.custom_id for b in m.buttons}) == len(m.buttons), "duplicate custom_id"
        for b in m.buttons:
            assert len(b.custom_id) <= CUSTOM_ID_LIMIT and 0 < len(b.label) <= 80
        for e in m.embeds:
            assert len(e.get("title", "")) <= TITLE_LIMIT
            assert len(e.get("description", "")) <= DESCRIPTION_LIMIT
            assert len(e.get("footer", {}).get("text", "")) <= FOOTER_LIMIT
            assert len(e.get("author", {}).get("name", "")) <= AUTHOR_LIMIT
            assert len(e.get("fields", ())) <= FIELDS_LIMIT
            for f in e.get("fields", ()):
                assert len(f["name"]) <= FIELD_NAME_LIMIT and len(f["value"]) <= FIELD_VALUE_LIMIT
            assert e.get("description", "").count("```") % 2 == 0, "code block left open"


def test_quote_shows_speaker_marker_and_full_citation() -> None:
    reply = Reply(
        title="Who said “kick the enemy out”",
        sections=(
            Section(
                heading="Vladimir Putin", quotes=(Item(PUTIN, cite=0, label="Vladimir Putin"),)
            ),
        ),
        citations=(CITE,),
    )
    [message] = render(reply)
    text = message.embeds[0]["description"]
    assert f"> {PUTIN}" in text
    assert "> — **Vladimir Putin** [1]" in text
    sources = text[text.index("**Sources**") :]
    assert "The Washington Post" in sources
    assert "2024-08-12" in sources
    assert "(<https://example.com/world/2024/08/12/kursk_incursion>)" in sources  # link, no preview
    assert "commander says his forces control 400 square miles" in sources
    assert message.embeds[0]["title"] == reply.title


def test_figures_are_a_code_block_table_with_conflicts_flagged() -> None:
    rows = (
        FigureRow(
            "roughly 400 miles",
            "644 km",
            "approximately",
            "Ukraine’s top commander",
            "Daily Caller",
            "territory",
            0,
            "400 mi vs 400 sq mi in [2]",
        ),
        FigureRow(
            "nearly 400 square miles",
            "1,036 km²",
            "nearly",
            "Oleksandr Syrskyi",
            "Washington Post",
            "territory",
            1,
        ),
        FigureRow("500 square miles", "1,295 km²", "", "Ukraine", "New York Times", "territory", 1),
    )
    reply = Reply(
        title="Figures: territory", sections=(Section(figures=rows),), citations=(CITE, CITE)
    )
    text = render(reply)[0].embeds[0]["description"]
    table = text[text.index("```") + 3 : text.index("```", text.index("```") + 3)]
    lines = [line for line in table.splitlines() if line.strip()]
    assert lines[0].split()[:2] == ["#", "Figure"]
    assert len(lines) == 1 + len(rows)
    assert lines[1].startswith("1!") and "roughly 400 miles" in lines[1] and "[1]" in lines[1]
    assert "nearly 400 square miles" in lines[2] and "Oleksandr Syrskyi" in lines[2]
    assert "⚠ 1: 400 mi vs 400 sq mi in \\[2\\]" in text
    # Columns line up: every row puts its figure at the same offset.
    assert len({line.index(r.surface) for line, r in zip(lines[1:], rows, strict=True)}) == 1


def test_figure_table_does_not_repeat_the_measure_its_heading_names() -> None:
    row = FigureRow(
        "several tens of square kilometers",
        "30–90 km² · area held",
        "vague",
        "Zelenskiy",
        "x",
        "territory",
        0,
    )
    section = Section(heading="territory: area held", figures=(row,))
    text = render(Reply(title="Figures", sections=(section,), citations=(CITE,)))[0].embeds[0][
        "description"
    ]
    row_line = next(line for line in text.splitlines() if line.startswith("1 "))
    assert "several tens of square kilometers" in row_line  # verbatim, never clipped
    assert "30–90 km²" in row_line and "area held" not in row_line


@pytest.mark.parametrize(
    "raw",
    [
        "@everyone look",
        "ping @here now",
        "cc <@123456789012345678>",
        "<@!123456789012345678>",
        "role <@&42424242>",
        # back to back: the second has no word boundary until a table cell cuts it with "…"
        "00@everyone@everyone00",
    ],
)
def test_mentions_in_article_text_are_defused_everywhere(raw: str) -> None:
    reply = Reply(
        title=f"Title {raw}",
        sections=(
            Section(
                heading=raw,
                text=raw,
                items=(Item(raw, cite=0, label=raw),),
                quotes=(Item(raw, cite=0, label=raw),),
                figures=(FigureRow("3 tanks", "3", "", raw, "x", "weapons", 0),),
            ),
        ),
        citations=(Citation("a1", raw, outlet=raw),),
        footer=raw,
    )
    live = re.compile(r"@(everyone|here)\b|<@[!&]?\d+>")
    for message in [*render(reply), *render(error_reply(raw, example=raw))]:
        assert not live.search(visible(message)), visible(message)
    # Defusing is invisible: only a zero-width space is added.
    assert defuse_mentions(raw).replace("\u200b", "") == raw


def test_markdown_in_article_text_is_shown_literally() -> None:
    reply = Reply(
        title="t",
        sections=(
            Section(items=(Item("a *bold* claim_with ~~strike~~ and `code` | x", cite=None),)),
        ),
    )
    text = render(reply)[0].embeds[0]["description"]
    assert "\\*bold\\*" in text and "\\~\\~strike\\~\\~" in text and "\\`code\\`" in text
    assert unescape(text) == "• a *bold* claim_with ~~strike~~ and `code` | x"


def test_long_reply_is_split_within_limits_and_keeps_every_quote_whole() -> None:
    quotes = tuple(
        Item(
            f"Quote number {i}: " + " ".join(f"word{i}x{j}" for j in range(60)),
            cite=i % 3,
            label=f"Speaker {i}",
        )
        for i in range(60)
    )
    sections = tuple(
        Section(heading=f"Story {k}", quotes=quotes[k * 10 : (k + 1) * 10], sources=(0, 1))
        for k in range(6)
    )
    reply = Reply(
        title="Briefing", sections=sections, citations=(CITE, CITE, CITE), footer="6 stories"
    )
    messages = render(reply, max_messages=50)
    assert len(messages) > 1
    assert_within_limits(messages)
    seen = unescape("\n".join(visible(m) for m in messages))
    for q in quotes:
        assert f"> {q.text}" in seen  # nothing cut mid-quote
    for k in range(6):
        assert f"**Story {k}**" in seen
    assert messages[0].embeds[0]["title"] == "Briefing"
    assert messages[-1].embeds[-1]["footer"]["text"] == "6 stories"


def test_an_oversized_single_quote_is_split_not_shortened() -> None:
    words = [f"w{i}" for i in range(3000)]  # ~ 17,000 characters in one quote
    reply = Reply(
        title="t",
        sections=(Section(quotes=(Item(" ".join(words), cite=0, label="S"),)),),
        citations=(CITE,),
    )
    messages = render(reply, max_messages=50)
    assert_within_limits(messages)
    seen = unescape("\n".join(visible(m) for m in messages)).split()
    assert [w for w in seen if re.fullmatch(r"w\d+", w)] == words


def test_too_many_messages_are_capped_with_a_note() -> None:
    items = tuple(Item("x " * 900, cite=None) for _ in range(60))
    messages = render(Reply(title="t", sections=(Section(items=items),)), max_messages=3)
    assert len(messages) == 3
    assert_within_limits(messages)
    assert "more messages left out" in visible(messages[-1])


def test_error_reply_is_plain_content_with_its_example() -> None:
    messages = render(
        error_reply("No quote matches “zzz”.", example="/who said kick the enemy out")
    )
    assert len(messages) == 1 and not messages[0].embeds
    assert "No quote matches “zzz”." in messages[0].content
    assert "Try: /who said kick the enemy out" in messages[0].content
    long = render(error_reply("bad " * 1500, example="/help"))
    assert len(long) > 1
    assert_within_limits(long)


def test_actions_become_buttons_that_parse_back_to_the_same_command() -> None:
    ref = CITE.ref
    reply = Reply(
        title="t",
        sections=(Section(text="x"),),
        citations=(CITE,),
        actions=(
            Action("Show source [1]", "quote", ref),
            Action("Show source [1] again", "quote", ref),  # same target: one button only
            Action("Too long", "quote", "y" * 200),  # cannot fit a custom_id: left out
            Action("L" * 120, "summary", "004_777959b668a2fcee"),
        ),
    )
    [message] = render(reply)
    assert_within_limits([message])
    assert message.buttons[0].label == "Show source [1]"
    assert len(message.buttons) == 2
    assert parse_action(message.buttons[0].custom_id) == ("quote", ref)
    assert parse_action(message.buttons[1].custom_id) == ("summary", "004_777959b668a2fcee")
    assert message.buttons[1].label.endswith("…")
    assert parse_action("someone-else:quote:x") is None


def test_source_buttons_name_the_citation_they_open() -> None:
    other = Citation("000_58c49d49d2aa7952", "Other", start=10, end=20)
    reply = Reply(
        title="t",
        sections=(Section(text="x"),),
        citations=(CITE, other),
        actions=(
            Action("Show source", "quote", other.ref),
            Action("Show source", "quote", CITE.ref),
        ),
    )
    [message] = render(reply)
    assert [b.label for b in message.buttons] == ["Show source [2]", "Show source [1]"]


def test_buttons_ride_on_the_last_message_only() -> None:
    items = tuple(Item("y " * 1500, cite=None) for _ in range(8))
    reply = Reply(
        title="t", sections=(Section(items=items),), actions=(Action("More", "brief", "Kursk"),)
    )
    messages = render(reply)
    assert len(messages) > 1
    assert [bool(m.buttons) for m in messages] == [False] * (len(messages) - 1) + [True]
