"""Discord: the real discord.py client and command tree, our adapter and the real core.

End to end against a loopback fake Discord (REST + gateway websocket), and through the real
tree with a mock Interaction (discord.py's own test style) for the small cases.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import discord
import discord.gateway
import discord.http
import pytest
import yarl
from discord import app_commands

from adapters.discord import FAILURE, OUT_OF_SYNC, DiscordAdapter, DiscordSettings
from adapters.discord_render import (
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    EMBEDS_PER_MESSAGE,
    TITLE_LIMIT,
    embed_length,
)
from bot.commands import CommandSpec
from bot.core import Core
from bot.ingest.service import ingest_paths
from bot.model import Reply, Request

try:
    from tests.fakes.discord_api import (
        APP_ID,
        BOT_ID,
        CHANNEL_ID,
        GUILD_ID,
        OWNER_ID,
        FakeDiscord,
        user_payload,
    )
except ModuleNotFoundError:  # pytest started without the project root on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.fakes.discord_api import (
        APP_ID,
        BOT_ID,
        CHANNEL_ID,
        GUILD_ID,
        OWNER_ID,
        FakeDiscord,
        user_payload,
    )

TOKEN = "MTIz.fake-bot-token.never-logged"
ADMIN_ID = 900000000000000099
EDITORS_ROLE = 900000000000000077
MANAGE_GUILD = 1 << 5
GOLD = json.loads((Path(__file__).resolve().parents[1] / "data" / "seeds_gold.json").read_text())
PUTIN_QUOTES = [q["quote"] for q in GOLD["quotes"] if "kick the enemy out" in q["quote"]]


class SpyCore:
    """The real core, remembering each Request (and when, relative to other events)."""

    def __init__(self, core: Core, log: list[Any] | None = None) -> None:
        self.core = core
        self.requests: list[Request] = []
        self.log = log if log is not None else []
        self.gate: asyncio.Event | None = None  # when set, answers wait for it to open

    def commands(self) -> list[Any]:
        return self.core.commands()

    async def suggest(self, kind: str, typed: str) -> list[str]:
        return await self.core.suggest(kind, typed)

    async def handle(self, request: Request) -> Reply:
        self.requests.append(request)
        self.log.append(("core", request))
        if self.gate is not None:
            await self.gate.wait()
        return await self.core.handle(request)


def seen(body: dict[str, Any]) -> str:
    """What a user sees in one posted message body."""
    parts = [body.get("content") or ""]
    for e in body.get("embeds") or []:
        parts += [
            e.get("title", ""),
            e.get("description", ""),
            (e.get("footer") or {}).get("text", ""),
        ]
    return re.sub(r"\\(.)", r"\1", "\n".join(p for p in parts if p)).replace("\u200b", "")


def assert_discord_accepts(body: dict[str, Any]) -> None:
    """Discord's limits, and no mention can ping."""
    assert body["allowed_mentions"] == {"parse": []}
    assert len(body.get("content") or "") <= CONTENT_LIMIT
    embeds = body.get("embeds") or []
    assert len(embeds) <= EMBEDS_PER_MESSAGE
    assert sum(embed_length(e) for e in embeds) <= EMBED_TOTAL_LIMIT
    for e in embeds:
        assert len(e.get("title", "")) <= TITLE_LIMIT
        assert len(e.get("description", "")) <= DESCRIPTION_LIMIT
    assert body.get("content") or embeds


# --- end to end: fake REST API and gateway on 127.0.0.1 ---------------------------------------


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord(token=TOKEN)
    await fake.start()
    # discord.py reads both at call time; monkeypatch puts the real ones back afterwards.
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url)
    )
    yield fake
    await fake.close()


@pytest.fixture
async def spy(core: Core) -> SpyCore:
    return SpyCore(core)


@pytest.fixture
async def bot(fake: FakeDiscord, spy: SpyCore) -> AsyncIterator[DiscordAdapter]:
    adapter = DiscordAdapter(
        DiscordSettings(
            token=TOKEN,
            guild_id=GUILD_ID,
            admins=frozenset({str(ADMIN_ID)}),
            admin_roles=frozenset({str(EDITORS_ROLE)}),
            sync_on_start=True,
        )
    )
    await adapter.start(spy)  # type: ignore[arg-type]
    yield adapter
    await adapter.stop()


async def ask(
    fake: FakeDiscord,
    bot: DiscordAdapter,
    payload: dict[str, Any],
    timeout: float = 20.0,
    shard: int = 0,
) -> list[dict[str, Any]]:
    """Send an interaction over the gateway (on a shard) and wait until the whole reply is sent."""
    replied = asyncio.ensure_future(
        bot.client.wait_for(
            "briefbot_replied", check=lambda i, _r: str(i.id) == payload["id"], timeout=timeout
        )
    )
    await asyncio.sleep(0)  # let wait_for register before the event can arrive
    await fake.send_interaction(payload, shard=shard)
    await replied
    bodies = fake.followups(payload["token"])
    for body in bodies:
        assert_discord_accepts(body)
    return bodies


def option(name: str, value: Any, kind: int = 3) -> dict[str, Any]:
    return {"name": name, "type": kind, "value": value}


async def test_start_logs_in_syncs_every_command_to_the_guild_and_identifies(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore
) -> None:
    me = fake.calls("GET", "/users/@me")[0]
    assert me.headers["Authorization"] == f"Bot {TOKEN}"
    put = fake.calls("PUT", f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    assert len(put) == 1 and not fake.calls("PUT", f"/applications/{APP_ID}/commands")
    synced = {c["name"]: c for c in put[0].body}
    assert set(synced) == {spec.name for spec in spy.commands()}
    assert [(o["name"], o["type"], o["required"]) for o in synced["who"]["options"]] == [
        ("said", 3, True)
    ]
    assert {o["name"] for o in synced["digest"]["options"]} == {"schedule", "list", "cancel", "now"}
    assert all(0 < len(c["description"]) <= 100 for c in synced.values())
    identify = fake.identify()
    assert identify is not None and identify["token"] == TOKEN
    assert identify["intents"] == discord.Intents(guilds=True).value  # nothing privileged
    assert TOKEN not in repr(bot.settings)


async def test_who_said_names_putin_with_the_quote_and_its_citation(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore
) -> None:
    payload = fake.command("who", [option("said", "kick the enemy out")])
    bodies = await ask(fake, bot, payload)

    callback = fake.calls("POST", f"/interactions/{payload['id']}/{payload['token']}/callback")
    assert [c.body for c in callback] == [{"type": 5}]  # deferred ("thinking"), before any answer
    assert fake.requests.index(callback[0]) < fake.requests.index(
        fake.calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")[0]
    )
    assert spy.requests[-1] == Request(
        command="who",
        user=str(OWNER_ID),
        place=str(CHANNEL_ID),
        platform="discord",
        is_admin=False,
        options=(("said", "kick the enemy out"),),
    )
    text = "\n".join(seen(b) for b in bodies)
    assert "Vladimir Putin" in text
    assert "kick the enemy out" in text
    reply = await spy.core.handle(Request("who", "said kick the enemy out"))
    cited = [
        reply.citations[i.cite]
        for s in reply.sections
        for i in (*s.quotes, *s.items)
        if "kick the enemy out" in i.text and i.cite is not None
    ]
    assert cited, "the core cites the quote"
    source = cited[0]
    assert source.article_id.startswith(GOLD["who_said"][0]["article"][:3])
    assert source.title[:60] in text
    if source.outlet:
        assert source.outlet in text
    if source.published:
        assert source.published[:10] in text


async def test_defers_at_once_even_while_the_core_is_still_working(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore
) -> None:
    spy.gate = asyncio.Event()
    payload = fake.command("search", [option("words", "Kursk")])
    replied = asyncio.ensure_future(bot.client.wait_for("briefbot_replied", timeout=10))
    await asyncio.sleep(0)
    await fake.send_interaction(payload)
    [callback] = await fake.wait_for(
        lambda f: f.calls("POST", f"/interactions/{payload['id']}/"), timeout=3
    )
    assert callback.body == {"type": 5}
    assert spy.requests and not fake.followups(
        payload["token"]
    )  # core still busy, user sees "thinking"
    spy.gate.set()
    await replied
    assert fake.followups(payload["token"])


async def test_figures_territory_is_a_table(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore
) -> None:
    bodies = await ask(fake, bot, fake.command("figures", [option("topic", "territory")]))
    text = "\n".join(seen(b) for b in bodies)
    tables = re.findall(r"```\n(.*?)\n```", text, re.DOTALL)
    assert tables, text
    header, *rows = tables[0].splitlines()
    assert header.split()[:2] == ["#", "Figure"]
    reply = await spy.core.handle(Request("figures", "territory"))
    figures = [f for s in reply.sections for f in s.figures]
    assert len(rows) >= 1 and sum(len(t.splitlines()) - 1 for t in tables) == len(figures)
    surfaces = [s.split(":", 1)[1] for s in GOLD["figures_territory_must_include"]]
    assert any(s in text for s in surfaces), text


async def test_figures_first_screen_lists_stories_in_order_each_with_its_figures(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore
) -> None:
    """The grouped first screen (issue 19): story headings in ranking order, each over a
    table of its own figures (a story several outlets tell under one heading, stop 35)."""
    from bot.commands.figures import OTHER_ARTICLES as OTHER

    bodies = await ask(fake, bot, fake.command("figures", [option("topic", "territory")]))
    text = "\n".join(seen(b) for b in bodies)
    reply = await spy.core.handle(Request("figures", "territory"))
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
        at = text.index(f"**{section.heading}**", at)
        table = re.search(r"```\n(.*?)\n```", text[at:], re.DOTALL)
        assert table, text[at:]
        assert all(r.surface[:20] in table.group(1) for r in section.figures)


VOCAB = {
    "harbour": "harbour dock crane quay container freighter berth tug pier cargo shipping wharf",
    "vaccine": "vaccine clinic nurse dose booster syringe pharmacy antibody trial measles jab ward",
    "wildfire": "wildfire blaze smoke firefighter pine ember canyon helicopter evacuation ash ridge drought",
    "election": "election ballot polling candidate turnout recount precinct campaign voter debate manifesto mayor",
    "railway": "railway train carriage platform signal timetable locomotive track depot commuter tunnel freight",
    "museum": "museum painting curator gallery sculpture exhibition canvas artist restoration archive portrait loan",
}


async def _long_coverage(core: Core, folder: Path) -> None:
    """Six unrelated, fresh stories with long sentences: a briefing far longer than one message."""
    now = datetime.now(UTC).replace(microsecond=0)
    records = []
    for n, (topic, words) in enumerate(VOCAB.items()):
        vocab = words.split()
        rng = random.Random(n)

        def sentence(length: int, vocab: list[str] = vocab, rng: random.Random = rng) -> str:
            picked = [rng.choice(vocab) for _ in range(length)]
            return " ".join(
                f"{w} and the" if i % 4 == 3 else w for i, w in enumerate(picked)
            ).capitalize()

        speaker = f"{topic.title()}son {'Abcdef'[n]}. Quayle"
        paragraphs = [f"{sentence(120)} with {n + 12} {vocab[1]}s counted by officials."]
        for k in range(6):
            paragraphs.append(f"“{sentence(40)},” {speaker} said.")
            paragraphs.append(f"{sentence(60)}, with {100 + 7 * k} {vocab[2]}s checked.")
        records.append(
            {
                "id": f"long_{topic}",
                "title": f"{topic.title()} {vocab[1]} {vocab[3]} report",
                "text": "\n\n".join(paragraphs),
                "outlet": f"The {topic.title()} Gazette",
                "url": f"https://example.com/{topic}/{n}",
                "published": (now - timedelta(minutes=n)).isoformat(),
            }
        )
    path = folder / "long.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = await ingest_paths(core.store, [path])
    assert report.new == len(records)


async def test_long_brief_is_split_into_follow_ups_within_limits(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore, tmp_path: Path
) -> None:
    await _long_coverage(spy.core, tmp_path)
    bodies = await ask(fake, bot, fake.command("brief"))
    reply = await spy.core.handle(Request("brief"))
    assert not reply.error
    text = "\n".join(seen(b) for b in bodies)
    total = sum(len(e.get("description", "")) for b in bodies for e in b.get("embeds") or [])
    assert total > EMBED_TOTAL_LIMIT, "the briefing should be longer than one message"
    assert len(bodies) > 1
    assert len(reply.sections) > 1
    for section in reply.sections:  # every story reaches the reader, none cut off
        assert section.heading in text


async def test_show_source_button_comes_back_through_the_same_path(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore
) -> None:
    payload = fake.command("who", [option("said", "kick the enemy out")])
    bodies = await ask(fake, bot, payload)
    with_buttons = [b for b in bodies if b.get("components")]
    assert with_buttons, "the reply offers a follow-up button"
    button = with_buttons[-1]["components"][0]["components"][0]
    message = fake._message(CHANNEL_ID, with_buttons[-1])
    click = fake.click(message, button["custom_id"])
    clicked = await ask(fake, bot, click)
    assert [c.body for c in fake.calls("POST", f"/interactions/{click['id']}/")] == [{"type": 5}]
    command, _, args = button["custom_id"].removeprefix("briefbot:").partition(":")
    assert spy.requests[-1] == Request(
        command=command, args=args, user=str(OWNER_ID), place=str(CHANNEL_ID), platform="discord"
    )
    assert clicked and seen(clicked[0])


async def test_post_sends_a_digest_to_a_channel_without_pings(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore
) -> None:
    reply = await spy.core.handle(Request("articles"))
    await bot.post(str(CHANNEL_ID), reply)
    posted = fake.calls("POST", f"/channels/{CHANNEL_ID}/messages")
    assert posted
    for call in posted:
        assert call.headers["Authorization"] == f"Bot {TOKEN}"
        assert_discord_accepts(call.body)
    assert reply.title in seen(posted[0].body)


async def test_a_failed_follow_up_becomes_a_short_private_message(
    bot: DiscordAdapter, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    payload = fake.command("articles")
    fake.fail_next("POST", f"/webhooks/{APP_ID}/{payload['token']}", status=400)
    await fake.send_interaction(payload)
    bodies = await fake.wait_for(
        lambda f: f.followups(payload["token"])[1:] and f.followups(payload["token"])
    )
    note = bodies[1]
    assert note["content"] == FAILURE
    assert note["flags"] & 64  # ephemeral: only the asker sees it
    assert "Traceback" not in note["content"]
    assert any("command failed" in r.getMessage() for r in caplog.records)
    # the public "thinking…" placeholder was removed first, so the note can be private
    assert fake.calls("DELETE", f"/webhooks/{APP_ID}/{payload['token']}/messages/@original")


async def test_wrong_token_fails_start_without_echoing_it(fake: FakeDiscord, spy: SpyCore) -> None:
    adapter = DiscordAdapter(
        DiscordSettings(token="not-the-token", guild_id=GUILD_ID, connect_timeout=10)
    )
    with pytest.raises(RuntimeError) as failure:
        await adapter.start(spy)  # type: ignore[arg-type]
    assert "token" in str(failure.value).lower() and "not-the-token" not in str(failure.value)
    assert adapter._task is None


async def test_global_sync_without_a_guild(fake: FakeDiscord, spy: SpyCore) -> None:
    adapter = DiscordAdapter(DiscordSettings(token=TOKEN, sync_on_start=True))
    await adapter.start(spy)  # type: ignore[arg-type]
    try:
        assert len(fake.calls("PUT", f"/applications/{APP_ID}/commands")) == 1
        assert not fake.calls("PUT", f"/applications/{APP_ID}/guilds/")
    finally:
        await adapter.stop()


EVERY_COMMAND = [
    ("brief", [option("topic", "Kursk")], "Kursk"),
    ("summary", [option("query", "Kursk incursion"), option("sentences", 2, kind=4)], "Kursk"),
    ("who", [option("said", "kick the enemy out")], "Vladimir Putin"),
    ("figures", [option("topic", "territory")], "square miles"),
    ("quote", [option("phrase", "situation is under our control")], "under our control"),
    ("search", [option("words", "Kursk evacuation")], "Kursk"),
    ("articles", [], "Kursk"),
    ("digest", [{"name": "list", "type": 1, "options": []}], "digest"),
    ("digest", [{"name": "now", "type": 1, "options": []}], "digest"),
    ("help", [option("command", "figures")], "/figures territory"),
]


@pytest.mark.parametrize(
    ("name", "options", "expect"),
    EVERY_COMMAND,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(EVERY_COMMAND)],
)
async def test_every_command_through_the_gateway(
    bot: DiscordAdapter,
    fake: FakeDiscord,
    spy: SpyCore,
    name: str,
    options: list[dict[str, Any]],
    expect: str,
) -> None:
    payload = fake.command(name, options)
    bodies = await ask(fake, bot, payload)
    callback = fake.callbacks(payload["id"])
    assert callback == [{"type": 5}], "deferred first"
    assert bodies and expect.lower() in "\n".join(seen(b) for b in bodies).lower()
    assert spy.requests[-1].command == name
    assert not any((b.get("flags") or 0) & 64 for b in bodies), "an answer, not a refusal"


async def test_start_does_not_sync_unless_configured(fake: FakeDiscord, spy: SpyCore) -> None:
    adapter = DiscordAdapter(DiscordSettings(token=TOKEN, guild_id=GUILD_ID))
    await adapter.start(spy)  # type: ignore[arg-type]
    try:
        assert not [r for r in fake.requests if r.method == "PUT"]
        # commands synced by an earlier `discord-sync` still work
        bodies = await ask(
            fake, adapter, fake.command("who", [option("said", "kick the enemy out")])
        )
        assert "Vladimir Putin" in "\n".join(seen(b) for b in bodies)
    finally:
        await adapter.stop()


async def test_sync_only_pushes_commands_over_rest_without_the_gateway(
    fake: FakeDiscord, spy: SpyCore
) -> None:
    adapter = DiscordAdapter(DiscordSettings(token=TOKEN, guild_id=GUILD_ID))
    count = await adapter.sync_only(spy)  # type: ignore[arg-type]
    assert count == len(spy.commands())
    [put] = fake.calls("PUT", f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    synced = {c["name"]: c for c in put.body}
    assert int(synced["ingest"]["default_member_permissions"]) == MANAGE_GUILD
    assert synced["who"]["options"][0]["autocomplete"] is True
    assert synced["figures"]["options"][0]["autocomplete"] is True
    assert fake.identify() is None, "no gateway connection for a sync"


async def test_endpoints_come_from_settings(
    fake: FakeDiscord, spy: SpyCore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discord.http.Route, "BASE", "http://127.0.0.1:9/nowhere")
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL("ws://127.0.0.1:9/")
    )
    adapter = DiscordAdapter(
        DiscordSettings(token=TOKEN, api_url=fake.api_base, gateway_url=fake.gateway_url)
    )
    await adapter.start(spy)  # type: ignore[arg-type]
    try:
        assert fake.identify() is not None
    finally:
        await adapter.stop()


async def autocomplete(
    fake: FakeDiscord, payload: dict[str, Any], timeout: float = 10.0
) -> list[dict[str, Any]]:
    await fake.send_interaction(payload)
    [body] = await fake.wait_for(lambda f: f.callbacks(payload["id"]), timeout=timeout)
    assert body["type"] == 8  # APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    return body["data"]["choices"]


async def test_autocomplete_suggests_speakers_and_topics(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore
) -> None:
    speakers = await autocomplete(fake, fake.autocomplete("who", "said", "put"))
    assert speakers and "Putin" in speakers[0]["name"]
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in speakers)
    anyone = await autocomplete(fake, fake.autocomplete("who", "said", ""))
    assert 1 < len(anyone) <= 25
    topics = await autocomplete(fake, fake.autocomplete("figures", "topic", "terr"))
    assert topics[0] == {"name": "territory", "value": "territory"}
    assert spy.requests == [], "typing never runs a command"


async def test_ingest_refused_to_a_member_allowed_to_managers_and_admin_roles(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore
) -> None:
    url = [option("url", "https://example.com/feed.xml")]
    refused = await ask(fake, bot, fake.command("ingest", url))
    assert "admins only" in seen(refused[0]) and refused[0]["flags"] & 64
    assert spy.requests[-1].is_admin is False
    schedule = [{"name": "schedule", "type": 1, "options": [option("time", "07:30")]}]
    refused = await ask(fake, bot, fake.command("digest", schedule))
    assert "admins only" in seen(refused[0])
    for who in (
        {"permissions": MANAGE_GUILD},
        {"roles": [EDITORS_ROLE]},
        {"user_id": ADMIN_ID},
    ):
        await ask(fake, bot, fake.command("help", [], **who))  # type: ignore[arg-type]
        assert spy.requests[-1].is_admin is True, who
    made = await ask(fake, bot, fake.command("digest", schedule, roles=[EDITORS_ROLE]))
    assert "scheduled" in seen(made[0])


async def test_a_429_on_a_follow_up_is_waited_out(bot: DiscordAdapter, fake: FakeDiscord) -> None:
    payload = fake.command("who", [option("said", "kick the enemy out")])
    refused = fake.rate_limit_next("POST", f"/webhooks/{APP_ID}/{payload['token']}", 1.0)
    bodies = await ask(fake, bot, payload)
    assert refused, "the first follow-up was refused with 429"
    posts = fake.calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
    assert len(posts) >= 2 and posts[0].body == posts[1].body, "the refused one is sent again"
    assert posts[1].at - refused[0] >= 1.0, "not before Retry-After"
    assert "Vladimir Putin" in "\n".join(seen(b) for b in bodies)


async def test_brief_renders_and_show_source_shows_the_cited_passage(
    bot: DiscordAdapter, fake: FakeDiscord, spy: SpyCore
) -> None:
    bodies = await ask(fake, bot, fake.command("brief"))
    text = "\n".join(seen(b) for b in bodies)
    assert "Kursk" in text and not any((b.get("flags") or 0) & 64 for b in bodies)
    buttons = [c for b in bodies for row in b.get("components") or [] for c in row["components"]]
    sources = [c for c in buttons if c["label"].startswith("Show source")]
    assert sources, "the briefing offers Show source"
    message = fake._message(CHANNEL_ID, bodies[-1])
    for button in sources:
        clicked = await ask(fake, bot, fake.click(message, button["custom_id"]))
        command, _, ref = button["custom_id"].removeprefix("briefbot:").partition(":")
        assert command == "quote"
        article_id, _, span = ref.partition(":")
        start, _, end = span.partition("-")
        article = await spy.core.store.article(article_id)
        assert article is not None
        passage = " ".join(article.text[int(start) : int(end)].split())
        assert passage in " ".join("\n".join(seen(b) for b in clicked).split())


async def test_one_log_line_per_interaction_never_the_token(
    bot: DiscordAdapter, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await ask(fake, bot, fake.command("who", [option("said", "kick the enemy out")]))
    await ask(fake, bot, fake.command("search", [option("words", "")]))
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("discord /")]
    assert len(lines) == 2, lines
    assert re.search(
        rf"^discord /who command guild={GUILD_ID} channel={CHANNEL_ID} user={OWNER_ID} "
        r"defer_ms=\d+\.\d answer_ms=\d+\.\d messages=\d+ ok$",
        lines[0],
    )
    assert lines[1].endswith("refused")
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert TOKEN not in everything
    assert "kick the enemy out" not in "\n".join(lines)


# --- unit: a mock Interaction through the real tree (discord.py's test style) -----------------


class Recorder:
    """Stands in for Discord's side of one interaction: remembers defers and messages in order."""

    def __init__(self, log: list[Any], fail_followups: int = 0) -> None:
        self.log = log
        self.fail_followups = fail_followups
        self.done = False

    def is_done(self) -> bool:
        return self.done

    async def defer(self, *, thinking: bool = False, ephemeral: bool = False) -> None:
        self.done = True
        self.log.append(("defer", thinking))

    async def send_message(self, content: str | None = None, **kwargs: Any) -> None:
        self.done = True
        self.log.append(("respond", content, kwargs))

    async def send(self, content: str | None = None, **kwargs: Any) -> None:
        if self.fail_followups:
            self.fail_followups -= 1
            raise discord.HTTPException(
                _Response(400), {"message": "Invalid Form Body", "code": 50035}
            )
        self.log.append(("followup", content, kwargs))


class _Response:
    def __init__(self, status: int) -> None:
        self.status = status
        self.reason = "Bad Request"


class MockCommandInteraction(discord.Interaction):
    """A real discord.Interaction built from a gateway payload, answering into a Recorder."""

    def __init__(self, client: discord.Client, payload: dict[str, Any], recorder: Recorder) -> None:
        super().__init__(data=payload, state=client._connection)  # type: ignore[arg-type]
        self._cs_response = recorder  # type: ignore[assignment]
        self._cs_followup = recorder  # type: ignore[assignment]
        self._recorder = recorder

    async def delete_original_response(self) -> None:
        self._recorder.log.append(("delete-original",))


async def run_tree(
    adapter: DiscordAdapter, payload: dict[str, Any], fail_followups: int = 0
) -> list[Any]:
    """What discord.py does with an INTERACTION_CREATE (CommandTree._from_interaction), awaited."""
    log: list[Any] = []
    client = adapter.client
    interaction = MockCommandInteraction(client, payload, Recorder(log, fail_followups))
    if isinstance(adapter._core, SpyCore):
        adapter._core.log = log
    try:
        await client.tree._call(interaction)
    except app_commands.AppCommandError as exc:
        await client.tree._dispatch_error(interaction, exc)
    return log


@pytest.fixture
async def unit(spy: SpyCore) -> DiscordAdapter:
    adapter = DiscordAdapter(DiscordSettings(token=TOKEN, admins=frozenset({str(ADMIN_ID)})))
    client = adapter.build_client(spy)  # type: ignore[arg-type]
    # What logging in would have set: the bot's own user.
    client._connection.user = discord.ClientUser(state=client._connection, data=bot_user())
    return adapter


def bot_user() -> Any:
    return user_payload(BOT_ID, "briefbot", bot=True)


PAYLOADS = FakeDiscord(token=TOKEN)  # only builds interaction payloads; never started


async def test_defer_comes_first_then_core_then_follow_ups_without_pings(
    unit: DiscordAdapter,
) -> None:
    log = await run_tree(unit, PAYLOADS.command("who", [option("said", "kick the enemy out")]))
    assert log[0] == ("defer", True)
    assert log[1][0] == "core" and log[1][1].command == "who"
    assert log[1][1].options == (("said", "kick the enemy out"),)
    followups = log[2:]
    assert followups and all(entry[0] == "followup" for entry in followups)
    for _, _, kwargs in followups:
        assert kwargs["allowed_mentions"].to_dict() == {"parse": []}
    text = "\n".join(e.description or "" for _, _, kw in followups for e in kw.get("embeds", []))
    assert "Vladimir Putin" in text


@pytest.mark.parametrize(
    ("name", "options", "sub", "typed"),
    [
        (
            "brief",
            [option("topic", "Kursk"), option("since", "24h")],
            "",
            (("topic", "Kursk"), ("since", "24h")),
        ),
        ("brief", [], "", ()),
        (
            "summary",
            [option("query", "Kursk incursion"), option("sentences", 3, kind=4)],
            "",
            (("query", "Kursk incursion"), ("sentences", 3)),
        ),
        ("figures", [option("topic", "territory")], "", (("topic", "territory"),)),
        (
            "quote",
            [option("phrase", "situation is under our control")],
            "",
            (("phrase", "situation is under our control"),),
        ),
        ("search", [option("words", "Kursk evacuation")], "", (("words", "Kursk evacuation"),)),
        ("articles", [option("page", 2, kind=4)], "", (("page", 2),)),
        ("help", [option("command", "figures")], "", (("command", "figures"),)),
        (
            "digest",
            [
                {
                    "name": "schedule",
                    "type": 1,
                    "options": [option("time", "07:30"), option("timezone", "Europe/Kyiv")],
                }
            ],
            "schedule",
            (("time", "07:30"), ("timezone", "Europe/Kyiv")),
        ),
        (
            "digest",
            [{"name": "cancel", "type": 1, "options": [option("id", "3")]}],
            "cancel",
            (("id", "3"),),
        ),
        ("digest", [{"name": "list", "type": 1, "options": []}], "list", ()),
    ],
)
async def test_options_reach_the_core_typed_never_joined_into_text(
    unit: DiscordAdapter,
    spy: SpyCore,
    name: str,
    options: list[dict[str, Any]],
    sub: str,
    typed: tuple[tuple[str, Any], ...],
) -> None:
    log = await run_tree(unit, PAYLOADS.command(name, options))
    assert log[0] == ("defer", True)
    request = spy.requests[-1]
    assert (request.command, request.args, request.sub, request.options) == (name, "", sub, typed)
    assert any(entry[0] == "followup" for entry in log)  # the user always gets an answer


async def test_admin_comes_from_settings(unit: DiscordAdapter, spy: SpyCore) -> None:
    log = await run_tree(
        unit, PAYLOADS.command("ingest", [option("url", "https://example.com/feed.xml")])
    )
    assert spy.requests[-1].is_admin is False
    refused = " ".join(entry[1] or "" for entry in log if entry[0] == "followup")
    assert "admin" in refused.lower()
    await run_tree(unit, PAYLOADS.command("help", [], user_id=ADMIN_ID))
    assert spy.requests[-1].is_admin is True and spy.requests[-1].user == str(ADMIN_ID)


async def test_stale_command_shape_gets_a_short_answer(unit: DiscordAdapter, spy: SpyCore) -> None:
    log = await run_tree(unit, PAYLOADS.command("who", [option("phrase", "kick the enemy out")]))
    [(kind, text, kwargs)] = log
    assert (kind, text, kwargs["ephemeral"]) == ("respond", OUT_OF_SYNC, True)
    assert kwargs["allowed_mentions"].to_dict() == {"parse": []}
    assert spy.requests == []


async def test_failure_after_defer_is_one_sentence_and_logged(
    unit: DiscordAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="adapters.discord"):
        log = await run_tree(unit, PAYLOADS.command("articles"), fail_followups=1)
    assert log[0] == ("defer", True)
    assert log[-1][0] == "followup" and log[-1][1] == FAILURE and log[-1][2]["ephemeral"] is True
    assert "Traceback" not in FAILURE
    assert any(r.exc_info for r in caplog.records)  # the traceback goes to the log instead


async def test_a_core_command_without_a_layout_still_gets_a_free_text_option(spy: SpyCore) -> None:
    class WithExtra(SpyCore):
        def commands(self) -> list[Any]:
            return [*super().commands(), CommandSpec("stats", "/stats", "store statistics")]

    adapter = DiscordAdapter(DiscordSettings(token=TOKEN))
    client = adapter.build_client(WithExtra(spy.core))  # type: ignore[arg-type]
    client._connection.user = discord.ClientUser(state=client._connection, data=bot_user())
    stats = client.tree.get_command("stats")
    assert isinstance(stats, app_commands.Command)
    assert stats.description == "store statistics"
    assert [(p.name, p.required) for p in stats.parameters] == [("text", False)]
    log = await run_tree(adapter, PAYLOADS.command("stats", [option("text", "today")]))
    assert log[1][1] == Request("stats", "today", str(OWNER_ID), str(CHANNEL_ID), "discord", False)
    assert "Unknown command /stats" in log[-1][1]  # the core's own short answer reaches the user
