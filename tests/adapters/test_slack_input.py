"""Slack input as Slack really sends it: duplicated signed headers, mrkdwn-encoded text, a bad token."""

from __future__ import annotations

import json
import logging
import os
from typing import Any

import aiohttp
import pytest
from multidict import CIMultiDict

from adapters.slack import SlackAdapter, SlackStartError, parse_mention
from adapters.slack_text import decode
from bot.core import Core
from bot.model import Article
from tests.adapters.test_slack import SECRET, SpyCore, answer, running, shown
from tests.fakes.slack_api import FakeSlack, mention_body, sign, sign_json, slash_body

URL = "https://news.example/story?id=7&ref=rss"


@pytest.fixture
async def fake() -> Any:
    f = FakeSlack()
    await f.start()
    yield f
    await f.stop()


async def post(adapter: SlackAdapter, body: str, headers: CIMultiDict[str]) -> int:
    url = f"http://127.0.0.1:{adapter.port}/slack/events"
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body.encode(), headers=headers) as resp,
    ):
        return resp.status


async def test_a_captured_request_resent_with_a_junk_signature_in_front_is_refused(
    core: Core, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    spy = SpyCore(core)
    async with running(spy, fake) as adapter:
        body = slash_body("/who", "said kick the enemy out", fake.response_url("r"))
        captured = sign(SECRET, body)
        assert await post(adapter, body, CIMultiDict(captured)) == 200
        assert await adapter.drain(timeout=20)
        for header in ("X-Slack-Signature", "X-Slack-Request-Timestamp"):
            forged: CIMultiDict[str] = CIMultiDict([(header, "v0=" + "0" * 64)])
            forged.extend(captured)  # the genuine copy last: the one bolt would verify
            assert await post(adapter, body, forged) == 400
        # a fresh request with two headers is refused too, before anything runs
        fresh = slash_body("/help", "", fake.response_url("f"))
        doubled = CIMultiDict(sign(SECRET, fresh))
        doubled.add("X-Slack-Signature", doubled["X-Slack-Signature"])
        assert await post(adapter, fresh, doubled) == 400
        assert await adapter.drain(timeout=5)
    assert len(spy.requests) == 1, "the captured request ran once only"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "more than one X-Slack-Signature header" in logged
    assert captured["X-Slack-Signature"] not in logged and SECRET not in logged


async def test_a_mention_with_an_escaped_ampersand_searches_what_the_user_typed(
    core: Core, fake: FakeSlack
) -> None:
    await core.store.add_article(
        Article(
            id="gun-sale",
            title="Police buy rifles",
            text="“We bought Smith & Wesson rifles for every patrol car,” said Chief Ana Ruiz. "
            "The order arrived on Monday.",
            outlet="Local News",
            url="https://news.example/rifles",
            published="2024-08-13T09:00:00Z",
        )
    )
    spy = SpyCore(core)
    async with running(spy, fake) as adapter:
        body = mention_body("quote Smith &amp; Wesson", ts="1732391111.000200")
        assert await post(adapter, body, CIMultiDict(sign_json(SECRET, body))) == 200
        assert await adapter.drain(timeout=20)
    assert spy.requests[-1].command == "quote"
    assert spy.requests[-1].args == "Smith & Wesson"
    posted = [r.body for r in fake.received if r.kind == "chat.postMessage"]
    assert "Smith & Wesson rifles" in shown(posted)


async def test_summary_of_a_pasted_url_summarises_that_article(core: Core, fake: FakeSlack) -> None:
    await core.store.add_article(
        Article(
            id="bridge",
            title="Bridge closed for repairs",
            text="The old river bridge closed on Monday for six weeks of repairs. "
            "Engineers found cracks in two supports last month. "
            "Buses will take a longer route until the work ends.",
            outlet="Local News",
            url=URL,
            published="2024-08-13T09:00:00Z",
        )
    )
    spy = SpyCore(core)
    async with running(spy, fake) as adapter:
        # Slack escapes & inside the link it makes of a pasted URL
        escaped = URL.replace("&", "&amp;")
        body = mention_body(f"summary <{escaped}>", ts="1732391111.000300")
        assert await post(adapter, body, CIMultiDict(sign_json(SECRET, body))) == 200
        messages = await answer(
            adapter, fake, f"/summary <{escaped}|news.example/story?id=7&amp;ref=rss>"
        )
    assert [r.args for r in spy.requests] == [URL, URL]
    posted = [r.body for r in fake.received if r.kind == "chat.postMessage"]
    for seen in (shown(posted), shown(messages)):
        assert "Bridge closed for repairs" in seen
        assert "cracks in two supports" in seen


async def test_slash_text_is_decoded_and_a_tab_separates(core: Core, fake: FakeSlack) -> None:
    spy = SpyCore(core)
    async with running(spy, fake) as adapter:
        await answer(adapter, fake, "/search Kursk &lt;evacuation&gt;", key="a")
    assert spy.requests[-1].args == "Kursk <evacuation>"
    assert parse_mention("<@UBRIEFBOT> search\tKursk", "UBRIEFBOT") == ("search", "Kursk")


@pytest.mark.parametrize(
    ("slack", "typed"),
    [
        ("quote Smith &amp; Wesson", "quote Smith & Wesson"),
        ("a &lt; b &gt; c &amp;lt;", "a < b > c &lt;"),
        ("<https://a.example/x?a=1&amp;b=2>", "https://a.example/x?a=1&b=2"),
        ("<https://a.example/x|a.example/x>", "https://a.example/x"),
        ("<http://www.foo.com|link name>", "link name"),
        ("<mailto:desk@news.example|desk@news.example>", "desk@news.example"),
        ("ask <@U0EDITOR> and <@U0OTHER|ana>", "ask @U0EDITOR and @ana"),
        ("<@UBRIEFBOT> who said it", " who said it"),
        ("in <#C024BE7LR|general> and <#C0OTHER>", "in #general and #C0OTHER"),
        ("<!here> <!channel> <!everyone|everyone>", "@here @channel @everyone"),
        ("<!subteam^S0EDIT|@editors> look", "@editors look"),
        ("<!date^1392734382^{date_num}|2014-02-18> story", "2014-02-18 story"),
    ],
)
def test_slack_markup_reads_as_the_user_typed_it(slack: str, typed: str) -> None:
    assert decode(slack, bot_user="UBRIEFBOT") == typed


async def test_start_checks_the_token_and_says_what_is_wrong_without_echoing_it(
    core: Core, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake.revoked.add("xoxb-revoked-123")
    cases = {
        "xoxb-revoked-123": "does not recognise the bot token (invalid_auth)",
        "xapp-1-app-level-456": "not a bot token (not_allowed_token_type)",
        "xoxp-user-token-789": "a user token, not a bot token",
    }
    for token, reason in cases.items():
        with pytest.raises(SlackStartError) as caught:
            async with running(core, fake, bot_token=token):
                pass
        assert reason in str(caught.value)
        assert "xoxb-" in str(caught.value), "it says what kind of token is needed"
        assert token not in str(caught.value)
    with pytest.raises(SlackStartError) as caught:
        async with running(core, fake, api_url="http://127.0.0.1:9/api/"):
            pass
    assert "could not reach" in str(caught.value)
    assert all(t not in r.getMessage() for r in caplog.records for t in cases)


async def test_no_token_unused_warning_when_the_token_is_in_the_environment(
    core: Core, fake: FakeSlack, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-token")
    caplog.set_level(logging.DEBUG)
    async with running(core, fake) as adapter:
        messages = await answer(adapter, fake, "/help")
    assert "brief" in shown(messages)
    assert os.environ["SLACK_BOT_TOKEN"] == "xoxb-test-token"
    assert not [r for r in caplog.records if "will be unused" in r.getMessage()]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_a_digest_post_failing_part_way_resumes_with_the_parts_not_yet_posted(
    core: Core, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from slack_sdk.errors import SlackApiError

    from adapters import slack_guard
    from adapters.slack_render import render
    from bot.model import Request

    monkeypatch.setattr(slack_guard, "BACKOFF", 0.01)
    brief = await core.handle(Request(command="brief"))
    long = dataclasses.replace(brief, sections=brief.sections * 30)
    expected = [m.payload()["blocks"] for m in render(long)]
    assert len(expected) >= 3, "a digest long enough to need several messages"
    progress: list[int] = []

    async def sent(parts: int) -> None:
        progress.append(parts)
        if parts == 2:  # Slack goes down after the second message, past every retry
            fake.fail_next(
                "chat.postMessage", status=503, times=slack_guard.SERVER_ERROR_RETRIES + 1
            )

    async with running(core, fake) as adapter:
        with pytest.raises(SlackApiError):
            await adapter.post("C0DIGEST", long, sent=sent)
        assert progress == [1, 2]
        await adapter.post("C0DIGEST", long, done=progress[-1], sent=sent)
    posted = [
        json.loads(r.body["blocks"]) if isinstance(r.body["blocks"], str) else r.body["blocks"]
        for r in fake.received
        if r.kind == "chat.postMessage"
    ]
    assert posted == expected, "each part once, in order"
    assert progress[-1] == len(expected)
