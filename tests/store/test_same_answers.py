"""The seeds answer key gives the same answers on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.app import open_core
from bot.model import Request
from tests.conftest import GOLD, ROOT
from tests.pgserver import PgServer

CHECKER = ROOT.parent / "shared" / "eval" / "check_seeds.py"


async def _answers(target: str, asks: list[str]) -> list[dict]:
    async with open_core(target, seed=True) as core:
        out = []
        for line in asks:
            command, _, args = line.lstrip("/").partition(" ")
            out.append((await core.handle(Request(command=command, args=args))).to_dict())
        return out


async def test_seed_answers_are_identical_on_both_backends(tmp_path: Path, pg_url: str) -> None:
    asks = [f"/who said {w['ask']}" for w in GOLD["who_said"]]
    asks += ["/figures territory", "/figures drones Moscow", "/figures evacuated", "/figures Kursk"]
    asks += ["/brief", "/who Zelenskyy", "/search evacuated residents"]
    on_sqlite = await _answers(str(tmp_path / "s.db"), asks)
    on_postgres = await _answers(pg_url, asks)
    for line, a, b in zip(asks[:-1], on_sqlite, on_postgres, strict=False):
        assert _untimed(a) == _untimed(b), line
        assert not a["error"], line
    # Search snippets come from each engine's own highlighter; the articles found are the same.
    found = [{c["article_id"] for c in r["citations"]} for r in (on_sqlite[-1], on_postgres[-1])]
    assert found[0] and found[0] == found[1]
    assert "evacuat" in reply_text_of(on_postgres[-1]).lower()
    who = {w["ask"]: w.get("expect") for w in GOLD["who_said"]}
    first = asks[0].removeprefix("/who said ")
    assert who[first] in reply_text_of(on_postgres[0])


def reply_text_of(reply: dict) -> str:
    return json.dumps(reply, ensure_ascii=False)


def _untimed(reply: dict) -> str:
    """The reply without ingest times (the seeds carry no date, so each store stamps its own)."""
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "<time>", reply_text_of(reply))


_WRAPPER = """#!{python}
# briefbot with every `--db PATH` mapped to its own PostgreSQL database (for check_seeds.py).
import hashlib, subprocess, sys
args = sys.argv[1:]
if "--db" in args:
    i = args.index("--db")
    name = "cs_" + hashlib.sha1(args[i + 1].encode()).hexdigest()[:12]
    subprocess.run({psql!r} + ["-q", "-d", {base!r}, "-c", "CREATE DATABASE " + name + " TEMPLATE bb_template"],
                   capture_output=True)
    args[i + 1] = {base!r}.rsplit("/", 1)[0] + "/" + name
sys.exit(subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd={root!r}).returncode)
"""


@pytest.mark.slow
@pytest.mark.skipif(
    not CHECKER.exists(), reason="shared/eval/check_seeds.py is not beside the repo"
)
def test_shared_answer_key_passes_on_postgres(tmp_path: Path, pg_server: PgServer) -> None:
    wrapper = tmp_path / "briefbot-pg"
    wrapper.write_text(
        _WRAPPER.format(
            python=sys.executable,
            psql=[str(pg_server.bin_dir / "psql")],
            base=pg_server.url(),
            root=str(ROOT),
        )
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    done = subprocess.run(
        [sys.executable, str(CHECKER), str(wrapper), "who,territory,brief"],
        cwd=CHECKER.parent,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


async def test_topics_of_only_common_words_get_one_clear_answer_on_both_backends(
    tmp_path: Path, pg_url: str
) -> None:
    """PostgreSQL's search drops "the" and found nothing; SQLite's kept it and listed every
    story. Now both refuse such a topic with the same short reply and an example that works,
    while a topic with one word that counts is still answered."""
    common = ["/brief the", "/brief of the 2024-08-01", "/search the", "/search to be or not to be"]
    common += ["/figures the", "/who said of the", "/who the", "/summary of the 3", "/quote the"]
    common += ["/watch the"]
    no_words = ["/brief !!!", "/figures ...", "/summary !!!"]
    usable = ["/search the evacuated residents", "/figures the territory"]
    asks = common + no_words + usable
    on_sqlite = await _answers(str(tmp_path / "s.db"), asks)
    on_postgres = await _answers(pg_url, asks)
    for line, a, b in zip(asks, on_sqlite, on_postgres, strict=True):
        text = reply_text_of(a)
        if line in usable:
            assert not a["error"] and not b["error"], line
            assert a["citations"] and b["citations"], line
            continue
        assert _untimed(a) == _untimed(b), line
        assert a["error"], line
        assert "Try: /" in text, line
        if line in common:
            assert "very common word" in text, line
        else:
            assert "no words to look up" in text, line
