"""Load: many channels at once through the Slack HTTP path of `briefbot serve`, at scale.

usage: python bench/bench_load.py --db STORE.db [--channels 40] [--requests 800]
                                  [--timeout 30] [--no-copy]

`briefbot serve` (real bolt AsyncApp in HTTP mode, real core, the store given by --db, copied
first with its -wal/-shm so the original is never written) runs as a subprocess on 127.0.0.1.
This process plays `--channels` Slack channels at once: each sends a correctly signed slash
command from a mix of every read command, waits for its ack and then its answer on a local
stand-in for response_url / the Web API (bench/slack_client.Sink), then sends the next (closed
loop: the load is as many commands in flight as there are channels). It reports throughput,
ack p50/p99, answer p50/p99, the server's peak RSS, and how many commands were dropped (no 200
ack, or no answer within --timeout).

Side by side, on the same machine and the same mix:
  * bolt ack-only: a bare bolt app whose listeners only ack (bench_adapters' baseline) —
    the floor for ack latency;
  * core direct: the same commands on the same store copy through Core.handle in-process,
    with the same number of concurrent callers — the floor for answer latency.

Targets (issue #6): ack p99 < 100 ms, answer p99 < 1 s, nothing dropped. Not a test: numbers to
read. Loopback only; the request count is bounded by --requests.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_adapters import BOT_TOKEN, SIGNING_SECRET, pct  # noqa: E402
from bench.common import slack_server  # noqa: E402
from bench.load_mix import FIXED, kind_of, varied  # noqa: E402
from bench.slack_client import PATH, Sink, SlackSender  # noqa: E402


class LoadSink(Sink):
    """The Sink, also waking the one channel whose answer just arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[str, asyncio.Future[None]] = {}

    def _file(self, key: str, body: dict[str, Any]) -> None:
        super()._file(key, body)
        future = self.waiting.get(key)
        if future is not None and not future.done():
            future.set_result(None)

    async def answer(self, key: str, timeout: float) -> bool:
        if key in self.arrivals:
            return True
        future = self.waiting.setdefault(key, asyncio.get_running_loop().create_future())
        try:
            await asyncio.wait_for(asyncio.shield(future), timeout)
        except TimeoutError:
            return False
        return True


@dataclass
class Result:
    label: str
    wall: float = 0.0
    acks: list[float] = field(default_factory=list)  # ms
    answers: list[float] = field(default_factory=list)  # ms, first message of the answer
    sent: int = 0
    dropped: int = 0
    peak_rss_mb: float = float("nan")
    by_command: dict[str, list[float]] = field(default_factory=dict)  # answer ms per command

    def row(self) -> str:
        thr = (self.sent - self.dropped) / self.wall if self.wall else 0.0

        def ms(values: list[float], p: float) -> str:
            return f"{pct(values, p):8.1f}" if values else "     n/a"

        return (
            f"{self.label:<26} {thr:8.1f}/s  ack p50 {ms(self.acks, 50)}  p99 {ms(self.acks, 99)}"
            f"  answer p50 {ms(self.answers, 50)}  p99 {ms(self.answers, 99)}"
            f"  RSS {self.peak_rss_mb:7.1f} MB  dropped {self.dropped}/{self.sent}"
        )


def peak_rss_mb(pid: int) -> float:
    """VmHWM: the most resident memory the process has had, plus its worker processes' own
    (a sum of peaks: an upper bound on the peak of the whole bot)."""
    total = float("nan")
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                total = int(line.split()[1]) / 1024
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                child_peak = peak_rss_mb(int(child))
                if child_peak == child_peak:  # not nan
                    total += child_peak
    except OSError:
        pass
    return total


async def channels_through_slack(
    label: str,
    server_args: list[str],
    env: dict[str, str],
    work: Path,
    channels: int,
    requests: int,
    timeout: float,
    answers: bool,
    mix: list[str],
) -> Result:
    sink = LoadSink()
    result = Result(label)
    async with slack_server(label, server_args, env, work, sink) as (port, proc, log):
        async with SlackSender(f"http://127.0.0.1:{port}{PATH}", SIGNING_SECRET) as sender:
            for i, line in enumerate(FIXED):  # warm-up: first-use imports, caches, page cache
                await sender.slash(line, sink.response_url(f"w{i}"), f"w{i}")
                if answers:
                    await sink.answer(f"w{i}", 120)
            per_channel = [
                requests // channels + (c < requests % channels) for c in range(channels)
            ]

            async def channel(c: int) -> None:
                for n in range(per_channel[c]):
                    key = f"c{c}-{n}"
                    line = pick(mix, c, n, channels)
                    try:
                        sent = await sender.slash(
                            line, sink.response_url(key), key, channel=f"C{c:05d}", user=f"U{c:05d}"
                        )
                    except Exception:
                        result.sent += 1
                        result.dropped += 1
                        continue
                    result.sent += 1
                    if sent.status != 200:
                        result.dropped += 1
                        continue
                    result.acks.append(sent.ack_ms)
                    if not answers:
                        continue
                    if not await sink.answer(key, timeout):
                        result.dropped += 1
                        continue
                    took = (sink.arrivals[key][0] - sent.sent) * 1000
                    result.answers.append(took)
                    result.by_command.setdefault(row_label(mix, line), []).append(took)

            started = time.perf_counter()
            await asyncio.gather(*(channel(c) for c in range(channels)))
            result.wall = time.perf_counter() - started
        result.peak_rss_mb = peak_rss_mb(proc.pid)
    text = log.read_text(errors="replace")
    if BOT_TOKEN in text or SIGNING_SECRET in text:
        print(f"  ! a secret appeared in {log}")
    if "Traceback" in text:
        print(f"  ! the server logged a traceback; see {log}")
    return result


async def core_direct(db: Path, channels: int, requests: int, mix: list[str]) -> Result:
    """The same mix, through Core.handle in this process, `channels` callers at once."""
    import logging
    import resource

    from adapters.console import parse_line
    from bot.app import open_core
    from bot.model import Request

    result = Result("core direct (no Slack)")
    timeouts = 0

    class Count(logging.Handler):  # the core's own 60 s limit, counted instead of printed
        def emit(self, record: logging.LogRecord) -> None:
            nonlocal timeouts
            timeouts += "timed out" in record.getMessage()

    logging.getLogger("bot.core").addHandler(Count())
    logging.getLogger("bot.core").propagate = False
    async with open_core(db) as core:
        for line in FIXED:
            command, args = parse_line(line) or ("help", "")
            await core.handle(Request(command, args))
        per_channel = [requests // channels + (c < requests % channels) for c in range(channels)]

        async def caller(c: int) -> None:
            for n in range(per_channel[c]):
                command, args = parse_line(pick(mix, c, n, channels)) or ("help", "")
                t0 = time.perf_counter()
                await core.handle(Request(command, args, user=f"U{c}", place=f"C{c}"))
                result.answers.append((time.perf_counter() - t0) * 1000)
                result.sent += 1

        started = time.perf_counter()
        await asyncio.gather(*(caller(c) for c in range(channels)))
        result.wall = time.perf_counter() - started
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.dropped = timeouts  # answered, but only with "took too long and was stopped"
    return result


def pick(mix: list[str], c: int, n: int, channels: int) -> str:
    """Channel c's n-th command: the fixed mix cycles per channel; a varied one is dealt out
    in order (channel c gets lines c, c + channels, ...), so no two requests share a line
    unless the mix repeats."""
    if mix is FIXED:
        return mix[(c * 7 + n) % len(mix)]
    return mix[(n * channels + c) % len(mix)]


def row_label(mix: list[str], line: str) -> str:
    """Per-command rows: the line itself for the fixed mix, its kind for a varied one."""
    return line if mix is FIXED else kind_of(line)


def copy_store(src: Path, work: Path) -> Path:
    dst = work / src.name
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{src}{suffix}").exists():
            shutil.copy2(f"{src}{suffix}", f"{dst}{suffix}")
    return dst


def article_count(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


async def run(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        db = args.db if args.no_copy else copy_store(args.db, work)
        n_articles = article_count(db)
        mix = FIXED if args.mix == "fixed" else varied(db, args.requests, args.seed)
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "XDG_DATA_HOME": str(work),
        }
        env.pop("DISCORD_TOKEN", None)
        print(
            f"{n_articles:,} indexed articles; {args.channels} channels at once, "
            f"{args.requests} signed slash commands, {args.mix} mix of {len(set(mix))} distinct; "
            "loopback; "
            f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        shape = (args.channels, args.requests, args.timeout)
        base = await channels_through_slack(
            "bolt ack-only",
            [
                str(ROOT / "bench" / "bench_adapters.py"),
                "_bolt-baseline",
                "--port",
                "{port}",
                "--api",
                "{api}",
            ],
            env,
            work,
            *shape,
            answers=False,
            mix=mix,
        )
        ours = await channels_through_slack(
            "briefbot serve (Slack)",
            ["-m", "bot.cli", "--db", str(db), "--config", "{config}", "serve"],
            env,
            work,
            *shape,
            answers=True,
            mix=mix,
        )
        direct = await core_direct(db, args.channels, args.requests, mix)
        for r in (base, ours, direct):
            print("  " + r.row())
        print("  answer time by command through Slack (ms):")
        for line, values in sorted(ours.by_command.items(), key=lambda kv: -pct(kv[1], 99)):
            print(
                f"    {line:<30} n={len(values):<4} p50 {pct(values, 50):8.1f}  p99 {pct(values, 99):8.1f}"
            )
        ack99, ans99 = pct(ours.acks, 99), pct(ours.answers, 99)
        print(
            f"  targets: ack p99 {ack99:.1f} ms (< 100: {'met' if ack99 < 100 else 'MISSED'}), "
            f"answer p99 {ans99:.1f} ms (< 1000: {'met' if ans99 < 1000 else 'MISSED'}), "
            f"dropped {ours.dropped} ({'met' if not ours.dropped else 'MISSED'})"
        )
        if base.acks and ours.acks:
            print(
                f"  vs baselines: ack p99 {ack99 / pct(base.acks, 99):.2f}x bare bolt; "
                f"answer p99 {ans99 / pct(direct.answers, 99):.2f}x the core alone"
            )
    finally:
        if args.keep:
            print(f"  logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--db", type=Path, required=True, help="the store (copied unless --no-copy)")
    ap.add_argument("--channels", type=int, default=40)
    ap.add_argument("--requests", type=int, default=800)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds an answer may take")
    ap.add_argument(
        "--mix",
        choices=("fixed", "varied"),
        default="fixed",
        help="fixed: a dozen commands repeated (mostly answered from the read cache); varied: "
        "words, names and phrases drawn from the store, nearly every request distinct",
    )
    ap.add_argument("--seed", type=int, default=6, help="of the varied mix")
    ap.add_argument("--no-copy", action="store_true", help="run on --db itself (it gets written)")
    ap.add_argument("--keep", action="store_true", help="keep the server logs")
    args = ap.parse_args()
    if not args.db.exists():
        ap.error(f"no store at {args.db}")
    if not 1 <= args.channels <= 1000 or not 1 <= args.requests <= 20_000:
        ap.error("--channels 1..1000 and --requests 1..20000")
    asyncio.run(run(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
