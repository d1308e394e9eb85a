"""Helpers the benches share: CPU-time rates over article texts, and `briefbot serve` (or a
baseline) as a subprocess on a free loopback port.

Import after putting the repo root on sys.path (``from bench.common import ...``).
"""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.slack_client import Sink

ROOT = Path(__file__).resolve().parent.parent

# --- extraction speed -----------------------------------------------------------------------


def jsonl_texts(path: Path, limit: int | None = None) -> list[str]:
    """The "text" of each line of a JSONL file (at most `limit`); [] when the file is missing."""
    if not path.exists():
        return []
    out: list[str] = []
    with path.open(encoding="utf8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line)["text"])
                if limit and len(out) >= limit:
                    break
    return out


def cpu_rate(run: Callable[[str], object], texts: list[str], repeat: int, warm: int = 20) -> float:
    """Texts per CPU-second of `run`, after warm-up calls on the first `warm` texts.

    The warm-up takes the one-time costs out (imports, compiled patterns, and the word tables an
    extractor reads the first time an article needs them, which a running bot pays once): one
    call loaded too few of them and counted ~8% of start-up as per-article time. CPU time of
    this process: a busy shared machine then slows neither side unfairly.
    """
    for t in texts[:warm]:
        run(t)
    start = time.process_time()
    for _ in range(repeat):
        for t in texts:
            run(t)
    return repeat * len(texts) / (time.process_time() - start)


# --- server processes -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def spawn(args: list[str], env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    handle = log.open("wb")
    try:
        return await asyncio.create_subprocess_exec(
            sys.executable, *args, env=env, stdout=handle, stderr=handle, cwd=str(ROOT)
        )
    finally:
        handle.close()


async def stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(proc.wait(), 60)
        except TimeoutError:
            proc.kill()
            await proc.wait()


async def wait_port(port: int, proc: asyncio.subprocess.Process, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.returncode is not None:
            raise SystemExit(f"server exited early; see {log}:\n{log.read_text()[-2000:]}")
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            await asyncio.sleep(0.1)
    raise SystemExit(f"server did not listen within 120 s; see {log}")


@asynccontextmanager
async def slack_server(
    label: str, server_args: list[str], env: dict[str, str], work: Path, sink: Sink
) -> AsyncIterator[tuple[int, asyncio.subprocess.Process, Path]]:
    """A server in Slack HTTP mode answering to `sink`, as (port, process, log); stopped after.

    In server_args, {port}, {config} (a TOML file with the [slack] table) and {api} (the
    sink's Web API URL) are filled in.
    """
    await sink.start()
    port = free_port()
    name = label.replace(" ", "-")
    log = work / f"{name}.log"
    cfg = work / f"{name}.toml"
    cfg.write_text(
        f'[slack]\nmode = "http"\nhost = "127.0.0.1"\nport = {port}\napi_url = "{sink.api_url}"\n'
    )
    fill = {"{port}": str(port), "{config}": str(cfg), "{api}": sink.api_url}
    proc = await spawn([fill.get(a, a) for a in server_args], env, log)
    try:
        await wait_port(port, proc, log)
        yield port, proc, log
    finally:
        await stop(proc)
        await sink.stop()
