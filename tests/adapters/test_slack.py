"""End to end: signed Slack requests into the real bolt app and core; replies land on a fake Slack."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import re
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
from bot.core import Core
from bot.model import Reply, Request

try:
    from tests.fakes.slack_api import (
        FakeSlack,
        block_actions_body,
        load_fixture,
        mention_body,
        sign,
        sign_json,
        slash_body,
    )
except ModuleNotFoundError:  # pytest started without the project root on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.fakes.slack_api import (
        FakeSlack,
        block_actions_body,
        load_fixture,
        mention_body,
        sign,
        sign_json,
        slash_body,
    )

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
MANIFEST = Path(__file__).resolve().parents[2] / "adapters" / "slack_manifest.json"
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
    assert "Vladimir Putin" in seen
    reply = await spy.core.handle(Request("who", "said kick the enemy out"))
    cited = [
        reply.citations[q.cite]
        for sec in reply.sections
        for q in (*sec.quotes, *sec.items)
        if "kick the enemy out" in q.text and q.cite is not None
    ]
    assert cited, "the core cites the quote"
    assert cited[0].title[:60] in seen, "the citation names the article"
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


async def test_figures_first_screen_shows_each_story_over_its_own_table(
    bot: SlackAdapter, fake: FakeSlack, spy: SpyCore
) -> None:
    """The grouped first screen (issue 19): each story's title in bold, then its figures."""
    from bot.commands.figures import OTHER_ARTICLES as OTHER

    messages = await answer(bot, fake, "/figures territory")
    reply = await spy.core.handle(Request("figures", "territory"))
    blocks = [t for m in messages for t in texts(m)]
    articles = [
        s for s in reply.sections if s.figures and "(" not in s.heading and s.heading != OTHER
    ]
    assert articles
    for section in articles:  # headed by the title of its best row's article (of its story)
        title = reply.citations[section.figures[0].cite].title
        assert section.heading.startswith(title[:30])
        if len({reply.citations[r.cite].title for r in section.figures}) > 1:
            assert section.heading.endswith(" sources")  # several outlets tell the story
    at = 0
    for section in articles:
        head = next(i for i in range(at, len(blocks)) if blocks[i] == f"*{section.heading}*")
        table = blocks[head + 1]
        assert table.startswith("```")
        assert all(f"[{r.cite + 1}]" in table for r in section.figures), table
        at = head + 1
    assert_within_limits(messages)


async def test_brief_renders_within_limits_and_its_show_source_buttons_work(
    bot: SlackAdapter, fake: FakeSlack, core: Core
) -> None:
    messages = await answer(bot, fake, "/brief", key="brief")
    assert messages and messages[0]["response_type"] == "in_channel", "a briefing, not an error"
    seen = shown(messages)
    assert "Kursk" in seen and ":warning:" not in seen
    assert quote_lines(messages), "the story carries quotes"
    assert_within_limits(messages)
    source = [b for b in buttons(messages) if b["text"]["text"].startswith("Show source")]
    assert source, "the briefing offers Show source"
    for n, button in enumerate(source):
        before = len(fake.received)
        await click(bot, fake, button, f"src{n}")
        posted = [r.body for r in fake.received[before:]]
        assert posted and all(m.get("thread_ts") for m in posted), "answered in the thread"
        assert_within_limits(posted)
        # the passage shown is the cited span of the article, verbatim
        command, _, ref = button["value"].partition(" ")
        assert command == "quote"
        article_id, _, span = ref.partition(":")
        start, _, end = span.partition("-")
        article = await core.store.article(article_id)
        assert article is not None
        passage = " ".join(article.text[int(start) : int(end)].split())
        assert passage in " ".join(shown(posted).split())


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


async def click(adapter: SlackAdapter, fake: FakeSlack, button: dict[str, Any], key: str) -> None:
    """Click a button as Slack sends it (block_actions), signed; wait for the answer."""
    body = block_actions_body(button["value"], fake.response_url(key), button["action_id"])
    status, _ = await send(adapter, body, sign(SECRET, body))
    assert status == 200
    assert await adapter.drain(timeout=20)


async def test_show_source_button_posts_the_passage_in_the_thread(
    bot: SlackAdapter, fake: FakeSlack, spy: SpyCore
) -> None:
    messages = await answer(bot, fake, "/who said kick the enemy out", key="first")
    source = [b for b in buttons(messages) if "source" in b["text"]["text"].lower()]
    assert source, "a who-said answer offers Show source"
    await click(bot, fake, source[0], "click")
    threaded = [r.body for r in fake.received if r.kind == "chat.postMessage"]
    assert threaded and all(m["thread_ts"] == "1732390000.000200" for m in threaded)
    assert all(m["channel"] == "C0DESK" for m in threaded)
    assert "kick the enemy out" in shown(threaded)
    assert not [r for r in fake.received if r.key == "click"], "not posted to the channel itself"
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


async def test_digest_changes_are_refused_to_non_admins_only(
    bot: SlackAdapter, fake: FakeSlack
) -> None:
    refused = await answer(bot, fake, "/digest schedule 07:30 Europe/Kyiv", key="editor")
    assert refused[0]["response_type"] == "ephemeral" and "admins only" in shown(refused)
    made = await answer(bot, fake, "/digest schedule 07:30 Europe/Kyiv", key="admin", user_id=ADMIN)
    assert "scheduled" in shown(made) and made[0]["response_type"] == "in_channel"
    listed = await answer(bot, fake, "/digest list", key="list")
    assert "07:30" in shown(listed), "anyone may list"


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


# --- every command, mentions, rate limits, operability --------------------------------------

EVERY_COMMAND = [
    ("/brief Kursk", "Kursk"),
    ("/summary Kursk incursion 2", "Kursk"),
    ("/who said kick the enemy out", "Vladimir Putin"),
    ("/figures territory", "square miles"),
    ("/quote situation is under our control", "situation is under our control"),
    ("/search Kursk evacuation", "Kursk"),
    ("/articles", "Kursk"),
    ("/digest list", "digest"),
    ("/digest now", "digest"),
    ("/help figures", "/figures territory"),
]


@pytest.mark.parametrize(("line", "expect"), EVERY_COMMAND, ids=[c[0] for c in EVERY_COMMAND])
async def test_every_command_answers_over_signed_http(
    bot: SlackAdapter, fake: FakeSlack, spy: SpyCore, line: str, expect: str
) -> None:
    messages = await answer(bot, fake, line)
    assert messages, "the user sees an answer"
    assert messages[0]["response_type"] == "in_channel", shown(messages)[:300]
    assert expect.lower() in shown(messages).lower()
    assert_within_limits(messages)
    command = line.split()[0].lstrip("/")
    assert spy.requests[-1].command == command and spy.requests[-1].platform == "slack"


async def test_every_core_command_has_a_slash_listener(bot: SlackAdapter, spy: SpyCore) -> None:
    registered = {
        getattr(listener.ack_function, "__name__", "") for listener in bot.app._async_listeners
    }
    for spec in spy.commands():
        assert f"on_{spec.name}" in registered


async def test_app_mention_is_answered_in_a_thread(
    bot: SlackAdapter, fake: FakeSlack, spy: SpyCore
) -> None:
    body = mention_body("who said kick the enemy out", ts="1732391111.000100")
    status, _ = await send(bot, body, sign_json(SECRET, body))
    assert status == 200
    assert await bot.drain(timeout=20)
    posted = [r.body for r in fake.received if r.kind == "chat.postMessage"]
    assert posted and all(m["thread_ts"] == "1732391111.000100" for m in posted)
    assert "Vladimir Putin" in shown(posted) and "kick the enemy out" in shown(posted)
    assert_within_limits(posted)
    assert spy.requests[-1] == Request(
        command="who",
        args="said kick the enemy out",
        user="U0EDITOR",
        place="C0DESK",
        platform="slack",
        is_admin=False,
    )
    # Slack re-sends an event it thinks was missed: it is not answered twice
    retry = sign_json(SECRET, body)
    status, _ = await send(bot, body, {**retry, "X-Slack-Retry-Num": "1"})
    assert status == 200
    assert await bot.drain(timeout=20)
    assert len(spy.requests) == 1


async def test_unsigned_mention_is_refused(
    bot: SlackAdapter, fake: FakeSlack, spy: SpyCore
) -> None:
    body = mention_body("who said kick the enemy out")
    status, _ = await send(bot, body, sign_json("wrong", body))
    assert status == 401
    assert await bot.drain(timeout=5)
    assert spy.requests == [] and fake.received == []


async def test_response_url_429_is_waited_out_per_retry_after(
    bot: SlackAdapter, fake: FakeSlack
) -> None:
    limit = fake.rate_limit("response_url", times=1, retry_after=1)
    messages = await answer(bot, fake, "/who said kick the enemy out")
    assert limit.refused_at, "the fake refused the first post"
    assert "Vladimir Putin" in shown(messages), "the answer still arrived"
    waited = fake.arrived[0] - limit.refused_at[0]
    assert waited >= 1.0, f"posted again {waited:.2f}s after a Retry-After of 1 s"


async def test_digest_post_survives_a_429(bot: SlackAdapter, fake: FakeSlack, core: Core) -> None:
    reply = await core.handle(Request(command="digest", args="now", place="C0DIGEST"))
    limit = fake.rate_limit("chat.postMessage", times=1, retry_after=1)
    await bot.post("C0DIGEST", reply)
    posted = [r for r in fake.received if r.kind == "chat.postMessage"]
    assert limit.refused_at and posted, "refused once, then delivered"
    assert fake.arrived[0] - limit.refused_at[0] >= 1.0
    assert posted[0].key == "C0DIGEST"


async def test_a_refused_digest_post_raises_so_the_scheduler_retries(
    core: Core, fake: FakeSlack
) -> None:
    from slack_sdk.errors import SlackApiError

    reply = await core.handle(Request(command="quote", args="kick the enemy out"))
    limit = fake.rate_limit("chat.postMessage", times=10, retry_after=0)
    async with running(core, fake, rate_limit_retries=1) as adapter:
        with pytest.raises(SlackApiError):
            await adapter.post("C0DIGEST", reply)
    assert len(limit.refused_at) == 2, "one try, one retry, then the scheduler is told"


async def test_one_log_line_per_command_with_timings_and_no_secrets(
    core: Core, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with running(core, fake) as adapter:
        await answer(adapter, fake, "/who said kick the enemy out", key="a")
        await answer(adapter, fake, "/search", key="b")
    lines = [r.getMessage() for r in caplog.records if r.name == "adapters.slack"]
    per_command = [line for line in lines if line.startswith("slack /")]
    assert len(per_command) == 2, lines
    who, search = per_command
    assert re.search(r"^slack /who channel=C0DESK user=U0EDITOR ack_ms=\d+\.\d ", who)
    assert re.search(r"answer_ms=\d+\.\d messages=\d+ ok$", who)
    assert search.endswith("refused")
    ack_ms = float(re.search(r"ack_ms=([\d.]+)", who).group(1))  # type: ignore[union-attr]
    assert ack_ms < 3000
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert "xoxb-test-token" not in everything and SECRET not in everything
    assert not any("kick the enemy out" in line for line in per_command), "no user text logged"


async def test_an_admin_channel_may_ingest(core: Core, fake: FakeSlack) -> None:
    spy = SpyCore(core)
    async with running(spy, fake, admin_channels=frozenset({"C0ADMINS"})) as adapter:
        await answer(adapter, fake, "/help", key="a", channel_id="C0ADMINS")
        await answer(adapter, fake, "/help", key="b")
    assert [r.is_admin for r in spy.requests] == [True, False]


def test_manifest_lists_every_command_scope_and_event() -> None:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    from bot.commands import COMMANDS

    assert commands == {f"/{name}" for name in COMMANDS}
    for c in manifest["features"]["slash_commands"]:
        assert c["url"].endswith("/slack/events") and c["usage_hint"] and c["description"]
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "app_mentions:read"} <= scopes
    settings = manifest["settings"]
    assert settings["event_subscriptions"]["bot_events"] == ["app_mention"]
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["interactivity"]["request_url"].endswith("/slack/events")


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("<@UBRIEFBOT> who said kick the enemy out", ("who", "said kick the enemy out")),
        ("<@UBRIEFBOT|briefbot>, /figures territory", ("figures", "territory")),
        ("<@UBRIEFBOT>", ("help", "")),
        ("<@UBRIEFBOT> <@U0OTHER> Brief  Kursk", ("brief", "Kursk")),
    ],
)
def test_a_mention_reads_like_a_command(text: str, parsed: tuple[str, str]) -> None:
    from adapters.slack import parse_mention

    assert parse_mention(text) == parsed


async def test_a_command_prefix_answers_renamed_commands(core: Core, fake: FakeSlack) -> None:
    async with running(core, fake, command_prefix="bb-") as adapter:
        messages = await answer(adapter, fake, "/bb-who said kick the enemy out")
    assert "Vladimir Putin" in shown(messages)
