"""Adapter latency: Slack ack and Discord deferral times of the real bot, against bare baselines.

usage: python bench/bench_adapters.py [--requests 200] [--rate 20] [--db COPY.db]
                                      [--only slack|discord]

Slack: `briefbot serve` (the real bolt AsyncApp in HTTP mode, the real core over a store with
the seeds) runs as a subprocess on 127.0.0.1; this process POSTs correctly signed slash
commands (a mix of every read command) at a fixed rate and times the HTTP ack, then the
answer's arrival on a local stand-in for Slack's Web API / response_url (bench/slack_client).
Baseline, run the same way: a bare bolt app (bolt's own web_app()) whose listeners only ack.

Discord: `briefbot serve` connects to the loopback fake gateway/REST of tests/fakes; this
process sends INTERACTION_CREATE payloads over the gateway and times the deferral callback
(type 5) and the first follow-up as the fake receives them. Baseline: the same discord.py
client and command tree whose commands only defer and send "ok".

Not a test: no assertions on time, numbers to read. Pass --db a *copy* of a big store to
measure at scale (serve seeds an empty store and keeps digest state in it).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import re
import secrets
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import slack_server, spawn, stop  # noqa: E402
from bench.slack_client import PATH, Sink, SlackSender  # noqa: E402

MIX = [
    "/who said kick the enemy out",
    "/figures territory",
    "/brief",
    "/search Kursk evacuation",
    "/quote situation is under our control",
    "/summary Kursk incursion 3",
    "/articles",
    "/help figures",
    "/digest list",
    "/who said Zelensky",
]
BOT_TOKEN = "xoxb-bench-" + secrets.token_hex(8)
SIGNING_SECRET = secrets.token_hex(16)
DISCORD_TOKEN = "bench." + secrets.token_hex(12)


# --- numbers ------------------------------------------------------------------------------


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


@dataclass
class Series:
    name: str
    values: list[float]

    def row(self) -> str:
        v = self.values
        if not v:
            return f"  {self.name:<48} (no samples)"
        return (
            f"  {self.name:<48} n={len(v):<4} p50={pct(v, 50):8.1f}  p90={pct(v, 90):8.1f}  "
            f"p99={pct(v, 99):8.1f}  max={max(v):8.1f}  mean={statistics.fmean(v):8.1f} ms"
        )


def ratio(ours: Series, base: Series, p: float) -> str:
    a, b = pct(ours.values, p), pct(base.values, p)
    return f"{a / b:5.2f}x" if b and not math.isnan(a) else "  n/a"


# --- processes ------------------------------------------------------------------------------


async def paced(n: int, rate: float, send: Callable[[int], Awaitable[None]]) -> None:
    """Start send(i) at t0 + i/rate (open loop: a slow answer does not slow the arrivals)."""
    t0 = time.perf_counter()
    tasks = []
    for i in range(n):
        delay = t0 + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(send(i)))
    await asyncio.gather(*tasks)


def server_log_ms(log: Path, field: str) -> list[float]:
    """The adapter's own per-command timings from its one-line-per-command log."""
    pattern = re.compile(rf"\b{field}=([\d.]+)")
    return [float(m.group(1)) for m in pattern.finditer(log.read_text(errors="replace"))]


# --- Slack ------------------------------------------------------------------------------------


async def slack_run(
    label: str,
    server_args: list[str],
    env: dict[str, str],
    n: int,
    rate: float,
    work: Path,
    answers: bool = True,
) -> tuple[Series, Series, Series, Path]:
    sink = Sink()
    sent: list[Any] = []
    async with slack_server(label, server_args, env, work, sink) as (port, _proc, log):
        async with SlackSender(f"http://127.0.0.1:{port}{PATH}", SIGNING_SECRET) as sender:
            # warm-up: first-use imports and caches are not what a user sees at steady state
            for i, line in enumerate(MIX):
                await sender.slash(line, sink.response_url(f"w{i}"), f"w{i}")
            if answers:
                await sink.wait_for([f"w{i}" for i in range(len(MIX))], 120)

            async def one(i: int) -> None:
                key = f"r{i}"
                sent.append(await sender.slash(MIX[i % len(MIX)], sink.response_url(key), key))

            await paced(n, rate, one)
        if answers and not await sink.wait_for([s.key for s in sent], 180):
            print(f"  ! {sum(s.key not in sink.arrivals for s in sent)} commands got no answer")
    bad = [s for s in sent if s.status != 200]
    if bad:
        print(f"  ! {len(bad)} requests were not acked with 200 (e.g. {bad[0].status})")
    ack = Series(f"{label}: ack (HTTP 200)", [s.ack_ms for s in sent if s.status == 200])
    first = Series(
        f"{label}: first answer message",
        [(sink.arrivals[s.key][0] - s.sent) * 1000 for s in sent if s.key in sink.arrivals],
    )
    last = Series(
        f"{label}: last answer message",
        [(sink.arrivals[s.key][-1] - s.sent) * 1000 for s in sent if s.key in sink.arrivals],
    )
    return ack, first, last, log


def bolt_baseline(port: int, api_url: str) -> None:
    """A bare bolt AsyncApp in HTTP mode (bolt's own aiohttp server) that only acks."""
    from aiohttp import web
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.commands import COMMANDS

    app = AsyncApp(
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        client=AsyncWebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=api_url),
    )

    async def only_ack(ack: Callable[..., Awaitable[Any]]) -> None:
        await ack()

    for name in COMMANDS:
        app.command(f"/{name}")(only_ack)
    web.run_app(app.web_app(path=PATH), host="127.0.0.1", port=port, print=None)


async def bench_slack(n: int, rate: float, db: Path, work: Path) -> None:
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "XDG_DATA_HOME": str(work),
    }
    env.pop("DISCORD_TOKEN", None)
    print(f"Slack: {n} signed slash commands at {rate:g}/s over loopback, mix of {len(MIX)}")
    base_ack, _, _, _ = await slack_run(
        "bolt ack-only baseline",
        [str(Path(__file__).resolve()), "_bolt-baseline", "--port", "{port}", "--api", "{api}"],
        env,
        n,
        rate,
        work,
        answers=False,  # it only acks
    )
    ack, first, last, log = await slack_run(
        "briefbot serve",
        ["-m", "bot.cli", "--db", str(db), "--config", "{config}", "serve"],
        env,
        n,
        rate,
        work,
    )
    for s in (base_ack, ack, first, last):
        print(s.row())
    server = Series("briefbot serve: ack_ms (its own log)", server_log_ms(log, "ack_ms")[-n:])
    print(server.row())
    print(
        f"  ack overhead vs bare bolt: p50 {ratio(ack, base_ack, 50)}, p99 {ratio(ack, base_ack, 99)}"
        f"  (Slack's limit: 3000 ms)"
    )
    leaked = any(s in log.read_text(errors="replace") for s in (BOT_TOKEN, SIGNING_SECRET))
    print(f"  secrets in the server log: {'YES' if leaked else 'none'}")


# --- Discord --------------------------------------------------------------------------------


def discord_payloads(fake: Any) -> list[Callable[[], dict[str, Any]]]:
    def opt(name: str, value: Any, kind: int = 3) -> dict[str, Any]:
        return {"name": name, "type": kind, "value": value}

    return [
        lambda: fake.command("who", [opt("said", "kick the enemy out")]),
        lambda: fake.command("figures", [opt("topic", "territory")]),
        lambda: fake.command("brief"),
        lambda: fake.command("search", [opt("words", "Kursk evacuation")]),
        lambda: fake.command("quote", [opt("phrase", "situation is under our control")]),
        lambda: fake.command("summary", [opt("query", "Kursk incursion"), opt("sentences", 3, 4)]),
        lambda: fake.command("articles"),
        lambda: fake.command("help", [opt("command", "figures")]),
        lambda: fake.command("digest", [{"name": "list", "type": 1, "options": []}]),
        lambda: fake.command("who", [opt("said", "Zelensky")]),
    ]


TYPED = ["", "p", "put", "zel", "syr", "ger", "ko", "white", "vla", "tass"]
TOPIC_TYPED = ["", "t", "terr", "cas", "mon", "pri", "wea", "ev"]


async def autocomplete_ms(fake: Any, n: int, rate: float) -> Series:
    """Time from an autocomplete INTERACTION_CREATE (type 4) to its choices callback (type 8)."""
    sent: dict[str, float] = {}

    async def one(i: int) -> None:
        if i % 2:
            payload = fake.autocomplete("who", "said", TYPED[i % len(TYPED)])
        else:
            payload = fake.autocomplete("figures", "topic", TOPIC_TYPED[i % len(TOPIC_TYPED)])
        sent[payload["id"]] = time.perf_counter()
        await fake.send_interaction(payload)

    await paced(n, rate, one)
    deadline = time.monotonic() + 60
    got: dict[str, float] = {}
    while time.monotonic() < deadline and len(got) < len(sent):
        got = {
            r.path.split("/")[2]: r.at
            for r in fake.requests
            if r.path.startswith("/interactions/") and r.path.split("/")[2] in sent
        }
        await asyncio.sleep(0.1)
    return Series(
        "briefbot serve: autocomplete -> choices",
        [(got[i] - at) * 1000 for i, at in sent.items() if i in got],
    )


async def discord_run(
    label: str,
    server_args: list[str],
    env: dict[str, str],
    n: int,
    rate: float,
    work: Path,
    completions: int = 0,
) -> tuple[Series, Series, Series | None, Path]:
    from tests.fakes.discord_api import APP_ID, FakeDiscord

    fake = FakeDiscord(token=DISCORD_TOKEN)
    await fake.start()
    log = work / f"{label}.log"
    cfg = work / f"{label}.toml"
    cfg.write_text(f'[discord]\napi_url = "{fake.api_base}"\ngateway_url = "{fake.gateway_url}"\n')
    proc = await spawn([a.replace("{config}", str(cfg)) for a in server_args], env, log)
    makers = discord_payloads(fake)
    sent: dict[str, tuple[str, float]] = {}  # interaction id -> (token, sent at)
    try:
        await fake.wait_for(lambda f: f.ready, timeout=120)

        async def one(i: int, prefix: str = "") -> None:
            payload = makers[i % len(makers)]()
            sent[prefix + payload["id"]] = (payload["token"], time.perf_counter())
            await fake.send_interaction(payload)

        for i in range(len(makers)):  # warm-up
            await one(i, "warm-")
        await answered(fake, [tok for tok, _ in sent.values()], 120)
        sent.clear()
        await paced(n, rate, one)
        await answered(fake, [tok for tok, _ in sent.values()], 180)
        suggest = await autocomplete_ms(fake, completions, rate) if completions else None
    finally:
        await stop(proc)
        await fake.close()
    callbacks: dict[str, float] = {}
    answers: dict[str, float] = {}
    for r in fake.requests:
        parts = r.path.strip("/").split("/")
        if r.method == "POST" and parts[0] == "interactions" and parts[1] not in callbacks:
            callbacks[parts[1]] = r.at
        if r.method == "POST" and parts[:2] == ["webhooks", str(APP_ID)]:
            answers.setdefault(parts[2], r.at)
    defer = Series(
        f"{label}: INTERACTION_CREATE -> defer",
        [(callbacks[i] - at) * 1000 for i, (_, at) in sent.items() if i in callbacks],
    )
    first = Series(
        f"{label}: first follow-up",
        [(answers[tok] - at) * 1000 for _, (tok, at) in sent.items() if tok in answers],
    )
    return defer, first, suggest, log


async def answered(fake: Any, tokens: list[str], timeout: float) -> bool:
    """Poll until every interaction token has a follow-up (cheap: one pass per 0.1 s)."""
    deadline = time.monotonic() + timeout
    wanted = set(tokens)
    while time.monotonic() < deadline:
        seen = {r.path.split("/")[3] for r in fake.requests if r.path.startswith("/webhooks/")}
        if wanted <= seen:
            return True
        await asyncio.sleep(0.1)
    print(f"  ! {len(wanted - seen)} interactions got no follow-up within {timeout:.0f} s")
    return False


def discord_baseline(config: str) -> None:
    """The same discord.py client and command tree, whose commands only defer and say "ok"."""
    import discord

    from adapters.discord import DiscordAdapter
    from bot.app import discord_adapter
    from bot.commands import COMMANDS
    from bot.config import load_config

    class DeferOnly(DiscordAdapter):
        async def invoke(self, interaction: discord.Interaction, command: str, args: str) -> None:
            await interaction.response.defer(thinking=True)
            await interaction.followup.send("ok")

    class Commands:  # the command list only; nothing is ever answered by a core
        def commands(self) -> list[Any]:
            return list(COMMANDS.values())

        async def suggest(self, kind: str, typed: str) -> list[str]:
            return []

    async def main() -> None:
        adapter = discord_adapter(load_config(config))
        bare = DeferOnly(adapter.settings)
        await bare.start(Commands())  # type: ignore[arg-type]
        stop_event = asyncio.Event()
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, stop_event.set)
        await stop_event.wait()
        await bare.stop()

    asyncio.run(main())


async def bench_discord(n: int, rate: float, db: Path, work: Path) -> None:
    env = {**os.environ, "DISCORD_TOKEN": DISCORD_TOKEN, "XDG_DATA_HOME": str(work)}
    for key in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
        env.pop(key, None)
    print(f"Discord: {n} INTERACTION_CREATE over the fake gateway at {rate:g}/s, mix of 10")
    base_defer, base_first, _, _ = await discord_run(
        "discord.py defer-only baseline",
        [str(Path(__file__).resolve()), "_discord-baseline", "--config", "{config}"],
        env,
        n,
        rate,
        work,
    )
    defer, first, suggest, log = await discord_run(
        "briefbot serve",
        ["-m", "bot.cli", "--db", str(db), "--config", "{config}", "serve"],
        env,
        n,
        rate,
        work,
        completions=min(n, 100),
    )
    for s in (base_defer, defer, base_first, first, suggest):
        if s is not None:
            print(s.row())
    print(
        Series(
            "briefbot serve: defer() call incl. HTTP (its log)", server_log_ms(log, "defer_ms")[-n:]
        ).row()
    )
    print(
        f"  deferral overhead vs defer-only: p50 {ratio(defer, base_defer, 50)}, "
        f"p99 {ratio(defer, base_defer, 99)}  (Discord's limit: 3000 ms)"
    )
    leaked = DISCORD_TOKEN in log.read_text(errors="replace")
    print(f"  token in the server log: {'YES' if leaked else 'none'}")


# --- main -------------------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench_adapters_"))
    try:
        db = args.db or work / "seeds.db"
        print(f"store: {db} ({'given' if args.db else 'fresh, seeded on start'})")
        print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}\n")
        if args.only in (None, "slack"):
            await bench_slack(args.requests, args.rate, db, work)
            print()
        if args.only in (None, "discord"):
            await bench_discord(args.requests, args.rate, db, work)
    finally:
        if args.keep:
            print(f"\nlogs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_bolt-baseline":
        argv = sys.argv
        bolt_baseline(int(argv[argv.index("--port") + 1]), argv[argv.index("--api") + 1])
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "_discord-baseline":
        discord_baseline(sys.argv[sys.argv.index("--config") + 1])
        return 0
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--rate", type=float, default=20.0, help="requests per second (open loop)")
    ap.add_argument("--db", type=Path, help="a COPY of a store to run over (default: seeds)")
    ap.add_argument("--only", choices=("slack", "discord"))
    ap.add_argument("--keep", action="store_true", help="keep the server logs")
    args = ap.parse_args()
    if not 1 <= args.requests <= 10_000 or not 0 < args.rate <= 1000:
        ap.error("--requests 1..10000 and --rate up to 1000 per second")
    asyncio.run(run(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
