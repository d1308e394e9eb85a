"""End to end: signed Slack requests into the real bolt app and core; replies land on a fake Slack."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import aiohttp
import pytest
from slack_sdk.signature import SignatureVerifier

from adapters.slack import SlackAdapter, SlackSettings
from adapters.slack_render import MAX_BLOCKS, MAX_HEADER_CHARS, MAX_SECTION_CHARS
from bot.app import open_core
from bot.core import Core
from bot.model import Reply, Request

try:
    from tests.fakes.slack_api import FakeSlack, block_actions_body, load_fixture, sign, slash_body
except ModuleNotFoundError:  # pytest started without the project root on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.fakes.slack_api import FakeSlack, block_actions_body, load_fixture, sign, slash_body

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
ADMIN = "U0ADMIN"


class SpyCore:
    """The real core, remembering each Request; with a gate, holds every answer until it opens."""

    def __init__(self, core: Core, gate: asyncio.Event | None = None, repeat: int = 1) -> None:
        self.core = core
        self.gate = gate
        self.repeat = repeat
        self.requests: list[Request] = []
        self.finished = 0

    def commands(self) -> list[Any]:
        return self.core.commands()

    async def handle(self, request: Request) -> Reply:
        self.requests.append(request)
        if self.gate is not None:
            await self.gate.wait()
        reply = await self.core.handle(request)
        self.finished += 1
        # `repeat` makes a real answer long enough to need many messages
        return dataclasses.replace(reply, sections=reply.sections * self.repeat)


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with open_core(tmp_path / "s.db", seed=True) as c:
        yield c


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    f = FakeSlack()
    await f.start()
    yield f
    await f.stop()


@asynccontextmanager
async def running(core: Any, fake: FakeSlack, **overrides: Any) -> AsyncIterator[SlackAdapter]:
    settings = SlackSettings(
        bot_token="xoxb-test-token",
        signing_secret=SECRET,
        host="127.0.0.1",
        port=0,
        api_url=fake.api_url,
        admins=frozenset({ADMIN}),
    )
    adapter = SlackAdapter(dataclasses.replace(settings, **overrides))
    await adapter.start(core)
    try:
        yield adapter
    finally:
        await adapter.stop()


@pytest.fixture
async def spy(core: Core) -> SpyCore:
    return SpyCore(core)


@pytest.fixture
async def bot(spy: SpyCore, fake: FakeSlack) -> AsyncIterator[SlackAdapter]:
    async with running(spy, fake) as adapter:
        yield adapter


async def send(adapter: SlackAdapter, body: str, headers: dict[str, str]) -> tuple[int, str]:
    url = f"http://127.0.0.1:{adapter.port}/slack/events"
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body.encode(), headers=headers) as resp,
    ):
        return resp.status, await resp.text()


async def slash(
    adapter: SlackAdapter, fake: FakeSlack, line: str, key: str = "r1", **fields: str
) -> tuple[int, str]:
    """Type a slash command as a Slack user would; returns the HTTP ack."""
    command, _, text = line.partition(" ")
    body = slash_body(command, text, fake.response_url(key), **fields)
    return await send(adapter, body, sign(SECRET, body))


async def answer(
    adapter: SlackAdapter, fake: FakeSlack, line: str, key: str = "r1", **fields: str
) -> list[dict[str, Any]]:
    """The messages a user sees after typing `line` (acked first, then delivered)."""
    status, _ = await slash(adapter, fake, line, key, **fields)
    assert status == 200
    assert await adapter.drain(timeout=20)
    return [r.body for r in fake.received if r.key == key]


def texts(message: dict[str, Any]) -> list[str]:
    """Every text a message shows, block by block."""
    out: list[str] = []
    for block in message["blocks"]:
        if block["type"] in ("header", "section"):
            out.append(block["text"]["text"])
        elif block["type"] == "context":
            out.extend(e["text"] for e in block["elements"])
        elif block["type"] == "actions":
            out.extend(e["text"]["text"] for e in block["elements"])
    return out


def shown(messages: list[dict[str, Any]]) -> str:
    """Everything the user reads, unescaped as Slack displays it."""
    joined = "\n".join(t for m in messages for t in texts(m))
    return joined.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def quote_lines(messages: list[dict[str, Any]]) -> list[str]:
    """Lines Slack shows as block quotes (a literal `> ` opening a line)."""
    return [
        line for m in messages for t in texts(m) for line in t.splitlines() if line.startswith("> ")
    ]


def buttons(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        e for m in messages for b in m["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]


def assert_within_limits(messages: list[dict[str, Any]]) -> None:
    for m in messages:
        assert m["text"], "a plain text fallback is always sent"
        assert len(m["blocks"]) <= MAX_BLOCKS
        for block in m["blocks"]:
            if block["type"] == "header":
                assert len(block["text"]["text"]) <= MAX_HEADER_CHARS
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= MAX_SECTION_CHARS


async def test_who_said_names_putin_with_quote_and_citation(
    bot: SlackAdapter, fake: FakeSlack, spy: SpyCore
) -> None:
    status, ack = await slash(bot, fake, "/who said kick the enemy out")
    assert status == 200
    assert "Working on it" in ack  # bolt answers a text-only ack as text/plain
    assert await bot.drain(timeout=20)
    messages = [r.body for r in fake.received if r.kind == "response_url"]
    assert messages and messages[0]["response_type"] == "in_channel"
    seen = shown(messages)
    assert "Putin" in seen
    assert "kick the enemy out" in seen
    assert any("kick the enemy out" in t for t in quote_lines(messages)), (
        "the quote is shown as a > quote"
    )
    assert any(
        t.startswith("[1] ")
        for m in messages
        for b in m["blocks"]
        if b["type"] == "context"
        for t in texts({"blocks": [b]})
    )
    assert spy.requests[0] == Request(
        command="who",
        args="said kick the enemy out",
        user="U0EDITOR",
        place="C0DESK",
        platform="slack",
        is_admin=False,
    )
    assert_within_limits(messages)


async def test_figures_territory_renders_a_table(bot: SlackAdapter, fake: FakeSlack) -> None:
    messages = await answer(bot, fake, "/figures territory")
    tables = [t for m in messages for t in texts(m) if t.startswith("```")]
    assert tables, "figures come as a monospace table"
    table = tables[0]
    header = table.splitlines()[1]
    for column in ("Figure", "Value", "Claimant", "Source"):
        assert column in header
    assert "square miles" in table
    assert "⚠" in shown(messages), "the 400 miles / 400 square miles conflict is flagged"
    assert_within_limits(messages)


async def test_brief_stays_within_slack_limits(bot: SlackAdapter, fake: FakeSlack) -> None:
    messages = await answer(bot, fake, "/brief")
    assert messages and messages[0]["response_type"] == "in_channel", "a briefing, not an error"
    seen = shown(messages)
    assert "Kursk" in seen and ":warning:" not in seen
    assert quote_lines(messages), "the story carries quotes"
    assert_within_limits(messages)


async def test_a_long_answer_is_split_and_continues_past_the_response_url_limit(
    core: Core, fake: FakeSlack
) -> None:
    big = SpyCore(core, repeat=300)
    async with running(big, fake) as adapter:
        await answer(adapter, fake, "/quote kick the enemy out")
    via_url = [r.body for r in fake.received if r.kind == "response_url"]
    via_api = [r.body for r in fake.received if r.kind == "chat.postMessage"]
    assert len(via_url) == 5, "Slack takes five messages per response_url"
    assert via_api and all(r["channel"] == "C0DESK" for r in via_api)
    messages = via_url + via_api
    assert_within_limits(messages)
    assert shown(messages).count("kick the enemy out") >= 300, "no part of the answer is lost"
    assert "part 2 of" in shown(messages[1:2])


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "application/x-www-form-urlencoded"},
        "wrong-secret",
        "stale",
    ],
    ids=["unsigned", "wrongly-signed", "stale"],
)
async def test_unverified_requests_are_refused_and_nothing_runs(
    bot: SlackAdapter, fake: FakeSlack, spy: SpyCore, headers: Any
) -> None:
    body = slash_body("/who", "said kick the enemy out", fake.response_url())
    if headers == "wrong-secret":
        headers = sign("not-the-secret", body)
    elif headers == "stale":
        headers = sign(SECRET, body, int(time.time()) - 6 * 60)
    status, _ = await send(bot, body, headers)
    assert status == 401
    assert await bot.drain(timeout=5)
    assert spy.requests == []
    assert fake.received == []


async def test_signing_matches_slack_sdk_verifier() -> None:
    body = slash_body("/help", "", "http://127.0.0.1/response/x")
    headers = sign(SECRET, body)
    verifier = SignatureVerifier(SECRET)
    assert verifier.is_valid(
        body, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"]
    )


async def test_ack_comes_back_before_a_slow_command_finishes(core: Core, fake: FakeSlack) -> None:
    gate = asyncio.Event()
    slow = SpyCore(core, gate=gate)
    async with running(slow, fake) as adapter:
        status, ack = await slash(adapter, fake, "/who said kick the enemy out")
        # the HTTP ack is back while the core is still held at the gate
        assert status == 200 and "Working on it" in ack
        assert slow.requests and slow.finished == 0
        assert fake.received == []
        gate.set()
        await fake.wait_for(1, kind="response_url")
        assert await adapter.drain(timeout=20)
    assert slow.finished == 1
    assert "Putin" in shown([r.body for r in fake.received])


async def test_show_source_button_delivers_the_quote(
    bot: SlackAdapter, fake: FakeSlack, spy: SpyCore
) -> None:
    messages = await answer(bot, fake, "/who said kick the enemy out", key="first")
    source = [b for b in buttons(messages) if "source" in b["text"]["text"].lower()]
    assert source, "a who-said answer offers Show source"
    click = block_actions_body(
        source[0]["value"], fake.response_url("click"), source[0]["action_id"]
    )
    status, _ = await send(bot, click, sign(SECRET, click))
    assert status == 200
    assert await bot.drain(timeout=20)
    clicked = [r.body for r in fake.received if r.key == "click"]
    assert clicked and clicked[0]["replace_original"] is False
    assert "kick the enemy out" in shown(clicked)
    command, _, args = source[0]["value"].partition(" ")
    assert spy.requests[-1].command == command and spy.requests[-1].args == args
    assert spy.requests[-1].user == "U0EDITOR" and spy.requests[-1].place == "C0DESK"


async def test_bad_input_gets_a_private_explanation_with_an_example(
    bot: SlackAdapter, fake: FakeSlack
) -> None:
    messages = await answer(bot, fake, "/search")
    assert messages[0]["response_type"] == "ephemeral"
    seen = shown(messages)
    assert ":warning:" in seen and "Try: /search" in seen
    assert "Traceback" not in seen


async def test_ingest_is_refused_to_non_admins_only(
    bot: SlackAdapter, fake: FakeSlack, spy: SpyCore
) -> None:
    refused = await answer(bot, fake, "/ingest https://example.com/feed.xml", key="editor")
    assert "admins only" in shown(refused)
    await answer(bot, fake, "/help ingest", key="admin", user_id=ADMIN)
    assert [r.is_admin for r in spy.requests] == [False, True]


async def test_post_delivers_a_digest_to_a_channel(
    bot: SlackAdapter, fake: FakeSlack, core: Core
) -> None:
    reply = await core.handle(Request(command="quote", args="kick the enemy out", platform="slack"))
    await bot.post("C0DIGEST", reply)
    posted = await fake.wait_for(1, kind="chat.postMessage")
    assert posted[0].key == "C0DIGEST"
    assert "kick the enemy out" in shown([posted[0].body])
    assert posted[0].body["unfurl_links"] is False


async def test_socket_mode_acks_the_envelope_and_answers(core: Core, fake: FakeSlack) -> None:
    envelope = load_fixture("socket_slash_command")
    envelope["payload"]["response_url"] = fake.response_url("socket")
    async with running(
        core, fake, mode="socket", app_token="xapp-test-token", signing_secret=""
    ) as adapter:
        await fake.wait_connected()
        await fake.push_envelope(envelope)
        ack = await fake.wait_for_ack(envelope["envelope_id"])
        assert "Working on it" in json.dumps(ack)
        await fake.wait_for(1, kind="response_url")
        assert await adapter.drain(timeout=20)
    assert "Putin" in shown([r.body for r in fake.received if r.key == "socket"])


def test_settings_never_show_secrets() -> None:
    settings = SlackSettings(
        bot_token="xoxb-secret-1", signing_secret="sign-secret-2", app_token="xapp-secret-3"
    )
    assert "secret" not in repr(settings)
    with pytest.raises(ValueError, match="signing_secret"):
        SlackSettings(bot_token="xoxb-1")
    with pytest.raises(ValueError, match="app_token"):
        SlackSettings(bot_token="xoxb-1", mode="socket")


def test_fixture_is_a_real_slash_command_form() -> None:
    fields = parse_qs(slash_body("/figures", "territory", "http://127.0.0.1/r"))
    assert fields["command"] == ["/figures"] and fields["text"] == ["territory"]
    assert fields["channel_id"] == ["C0DESK"]
