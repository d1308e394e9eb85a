"""Core.handle: lookup, validation, admin checks; bad input gets a short message with an example."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.model import Request
from tests.conftest import ROOT, reply_text

PLATFORM_LIBS = {"discord", "slack_bolt", "slack_sdk"}


async def test_unknown_command_suggests_the_nearest(ask) -> None:
    reply = await ask("/figurs territory")
    assert reply.error and "Did you mean /figures?" in reply_text(reply)


async def test_too_long_arguments_are_refused_with_an_example(ask) -> None:
    reply = await ask("/search " + "kursk " * 5000)
    text = reply_text(reply)
    assert reply.error and "too long" in text and "Try: /search" in text


async def test_ingest_is_admin_only(ask) -> None:
    reply = await ask("/ingest https://example.com/a")
    assert reply.error and "admins only" in reply_text(reply)


@pytest.mark.parametrize(
    "line",
    [
        '/search "',
        "/quote \u202e\u200b",
        "/articles -1",
        "/articles abc",
        "/who said",
        "/quote",
        "/search",
        "/brief 99x",
        "/summary",
        "/summary Kursk 11",
        "/quote nosuchid:1-2",
    ],
)
async def test_bad_input_gets_a_message_and_an_example_never_a_crash(ask, line: str) -> None:
    reply = await ask(line)
    text = reply_text(reply)
    assert reply.error, text
    assert "Try: /" in text or "Type /help" in text
    assert "Traceback" not in text and "went wrong" not in text


async def test_help_lists_every_command_with_an_example(ask) -> None:
    text = reply_text(await ask("/help"))
    for name in (
        "brief",
        "summary",
        "who",
        "figures",
        "quote",
        "search",
        "articles",
        "ingest",
        "digest",
    ):
        assert f"/{name}" in text
    assert "Example: /who said kick the enemy out" in text


async def test_search_and_quote_return_verbatim_cited_passages(ask, core) -> None:
    reply = await ask("/quote situation is under our control")
    assert not reply.error
    passage = reply.sections[0].items[0]
    cite = reply.citations[passage.cite]
    article = await core.store.article(cite.article_id)
    assert article.text[cite.start : cite.end] == passage.text
    assert "The situation is under our control." in passage.text
    again = await core.handle(Request(command="quote", args=cite.ref))
    assert again.sections[0].items[0].text == passage.text


def test_core_never_imports_a_platform_library() -> None:
    for folder in ("bot", "summaries"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(Path(path).read_text())
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                for name in names:
                    assert name.split(".")[0] not in PLATFORM_LIBS, f"{path} imports {name}"
