"""Reply → Block Kit: Slack's limits hold on huge replies, and article text cannot ping or link."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from adapters.slack_render import (
    MAX_ACTION_VALUE,
    MAX_BLOCKS,
    MAX_BUTTON_TEXT,
    MAX_BUTTONS,
    MAX_CONTEXT_ELEMENTS,
    MAX_HEADER_CHARS,
    MAX_MESSAGE_CHARS,
    MAX_SECTION_CHARS,
    SlackMessage,
    decode_action,
    encode_action,
    render,
    wrap_escaped,
)
from bot.model import Action, Citation, FigureRow, Item, Reply, Section

WORDS = [
    "the",
    "ministry",
    "said",
    "forces",
    "advanced",
    "&",
    "held",
    "positions",
    "near",
    "<Sudzha>",
    "while",
    "officials",
    "disputed",
    "the",
    "count",
]


def prose(n_words: int, seed: int = 0) -> str:
    return " ".join(WORDS[(seed + i * 7) % len(WORDS)] + str(i) for i in range(n_words))


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def mrkdwn_objects(messages: list[SlackMessage]) -> list[dict[str, Any]]:
    out = []
    for m in messages:
        for b in m.blocks:
            if b["type"] == "section":
                out.append(b["text"])
            elif b["type"] == "context":
                out.extend(b["elements"])
    return out


def huge_reply() -> Reply:
    citations = tuple(
        Citation(
            f"art{i}",
            f"Story {i}: {prose(30, i)}",
            outlet=f"Outlet {i % 7}",
            published="2024-08-12T10:00:00Z",
            url=f"https://news.example/{i}?a=1&b=2",
            paragraph=i % 9,
            start=i,
            end=i + 50,
        )
        for i in range(120)
    )
    sections = tuple(
        Section(
            heading=f"Story {s} " + prose(40, s),
            text=prose(700, s),  # ~6,000 characters: more than one section block
            items=tuple(Item(prose(60, s + k), cite=k, label=f"Outlet {k}") for k in range(12)),
            quotes=(
                Item(prose(900, s), cite=s, label="Volodymyr Zelensky"),  # a 7,000-char quote
                Item("We will kick the enemy out.", cite=s + 1, label="Vladimir Putin"),
            ),
            figures=tuple(
                FigureRow(
                    f"{k * 100} square miles",
                    f"{k * 259} km²",
                    "nearly",
                    "Ukraine's top commander",
                    f"Outlet {k}",
                    "territory",
                    cite=k,
                    conflict="unit differs: miles vs square miles" if k % 5 == 0 else "",
                )
                for k in range(40)
            ),
            sources=tuple(range(0, 120, 3)),
        )
        for s in range(25)
    )
    actions = tuple(
        Action(f"Show source [{i + 1}] " + "x" * 100, "quote", c.ref)
        for i, c in enumerate(citations)
    )
    return Reply(
        title="Briefing: " + prose(80),
        sections=sections,
        citations=citations,
        actions=actions,
        footer="Every answer is quoted verbatim.",
    )


def test_huge_reply_keeps_every_slack_limit() -> None:
    messages = render(huge_reply())
    assert len(messages) > 10, "a huge reply is split across messages"
    for m in messages:
        assert m.text
        assert len(m.blocks) <= MAX_BLOCKS
        total = 0
        for b in m.blocks:
            if b["type"] == "header":
                assert len(b["text"]["text"]) <= MAX_HEADER_CHARS
                total += len(b["text"]["text"])
            elif b["type"] == "section":
                assert 0 < len(b["text"]["text"]) <= MAX_SECTION_CHARS
                total += len(b["text"]["text"])
            elif b["type"] == "context":
                assert len(b["elements"]) <= MAX_CONTEXT_ELEMENTS
                assert all(len(e["text"]) <= MAX_SECTION_CHARS for e in b["elements"])
                total += sum(len(e["text"]) for e in b["elements"])
            elif b["type"] == "actions":
                assert len(b["elements"]) <= MAX_BUTTONS
                for e in b["elements"]:
                    assert len(e["text"]["text"]) <= MAX_BUTTON_TEXT
                    assert len(e["value"]) <= MAX_ACTION_VALUE
                    total += len(e["text"]["text"]) + len(e["value"])
        assert total <= MAX_MESSAGE_CHARS
    action_ids = [
        e["action_id"]
        for m in messages
        for b in m.blocks
        if b["type"] == "actions"
        for e in b["elements"]
    ]
    assert len(action_ids) == len(set(action_ids)) == 120
    assert (
        messages[1].blocks[0]["type"] == "context"
        and "part 2 of" in messages[1].blocks[0]["elements"][0]["text"]
    )


def test_a_long_quote_is_split_at_words_and_nothing_is_lost() -> None:
    quote = prose(900, 3)
    messages = render(
        Reply(title="Q", sections=(Section(quotes=(Item(quote, cite=0, label="Zelensky"),)),))
    )
    lines = [
        line
        for o in mrkdwn_objects(messages)
        for line in o["text"].splitlines()
        if line.startswith("> ")
    ]
    assert len(lines) >= 3
    pieces = [unescape(line[2:]) for line in lines]
    assert " ".join(pieces) == quote
    words = set(quote.split())
    assert all(set(p.split()) <= words for p in pieces), "no piece ends mid-word"


def test_quote_text_cannot_ping_or_form_links() -> None:
    nasty = "Hey <!channel> and @everyone, see <http://x|y> & <@U123> @here"
    reply = Reply(
        title="Who said <!here>",
        sections=(
            Section(
                heading="<!everyone>",
                text=nasty,
                items=(Item(nasty, label="<@U9>"),),
                quotes=(Item(nasty, cite=0, label="A & B"),),
            ),
        ),
        citations=(
            Citation(
                "a1", "Title <!channel>", outlet="Out<let>", url="https://x.example/?q=<a>&b=1"
            ),
        ),
        footer=nasty,
    )
    (message,) = render(reply)
    for obj in mrkdwn_objects([message]):
        assert obj["verbatim"] is True, "Slack must not auto-parse @here or channel names"
        text = re.sub(
            r"<https://[^|<> ]+\|", "", obj["text"]
        )  # our own citation link is the only markup
        assert "<!" not in text and "<@" not in text and "<http" not in text
    body = " ".join(o["text"] for o in mrkdwn_objects([message]))
    assert "&lt;!channel&gt;" in body and "&lt;http://x|y&gt;" in body and "&amp; " in body
    assert "<https://x.example/?q=%3Ca%3E&amp;b=1|Title &lt;!channel&gt;>" in body
    assert not re.search(r"@(here|everyone|channel)\b", message.text), (
        "fallback text cannot ping either"
    )
    assert "<!" not in message.text and "<@" not in message.text


def test_long_title_is_shortened_in_the_header_but_shown_whole() -> None:
    title = "Who said " + prose(60)
    (message,) = render(Reply(title=title))
    header = message.blocks[0]["text"]["text"]
    assert len(header) <= MAX_HEADER_CHARS and header.endswith("…")
    assert unescape(message.blocks[1]["text"]["text"]) == f"*{title}*"


def test_figures_table_is_aligned_and_flags_conflicts() -> None:
    rows = (
        FigureRow(
            "400 miles",
            "644 km",
            "roughly",
            "Ukraine",
            "The Hill",
            "territory",
            cite=0,
            conflict="400 miles vs 400 square miles",
        ),
        FigureRow(
            "nearly 400 square miles", "1,036 km²", "nearly", "Syrskyi", "Post", "territory", cite=1
        ),
    )
    (message,) = render(Reply(title="Figures: territory", sections=(Section(figures=rows),)))
    table = message.blocks[1]["text"]["text"]
    assert table.startswith("```\n") and table.endswith("\n```")
    lines = table.splitlines()[1:-1]
    header, _rule, first, second = lines
    assert header.split() == ["Figure", "Value", "Qualifier", "Claimant", "Source"]
    assert header.index("Value") == second.index("1,036") == first.index("644")
    assert first.startswith("⚠ 400 miles") and second.endswith("Post [2]")
    notes = message.blocks[2]["text"]["text"]
    assert notes == "⚠ 400 miles [1]: 400 miles vs 400 square miles"


def test_error_reply_is_marked() -> None:
    (message,) = render(
        Reply(
            title="Sorry", sections=(Section(text="Unknown command /wat.\nTry: /help"),), error=True
        )
    )
    assert message.blocks[0]["text"]["text"].startswith(":warning:")
    assert "Try: /help" in message.text


def test_actions_round_trip_and_oversized_values_are_dropped() -> None:
    action = Action("Show source", "quote", "004_777959b668a2fcee:0-189")
    assert decode_action(encode_action(action)) == ("quote", "004_777959b668a2fcee:0-189")
    (message,) = render(Reply(title="x", actions=(action, Action("Too big", "quote", "y" * 3000))))
    buttons = [e for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    assert [b["text"]["text"] for b in buttons] == ["Show source"]


@given(
    st.lists(st.sampled_from([*list("ab &<>\n"), "word", "@here "]), max_size=1500).map("".join),
    st.integers(min_value=20, max_value=400),
)
def test_wrap_escaped_fits_and_keeps_the_text(raw: str, limit: int) -> None:
    lines = wrap_escaped(raw, limit, "> ")
    assert all(len(line) <= limit for line in lines)
    kept = "".join(unescape(line[2:]) for line in lines)
    assert kept.replace(" ", "").replace("\n", "") == raw.replace(" ", "").replace("\n", "")
    assert not re.search(r"&(?!amp;|lt;|gt;)", "".join(lines)), "no entity is cut in half"
