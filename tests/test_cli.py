"""The CLI as a user (or a scorer) runs it: a subprocess, real files, real store."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import SEEDS

# Tests taking the `run` fixture (tests/conftest.py) run as a subprocess (slow tier) and in
# process (fast tier); the console reads a real stdin, so it is slow only.

BRIEFBOT = [sys.executable, "-m", "bot.cli"]


def run(
    *args: str, stdin: str | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    full_env = {
        **os.environ,
        "XDG_DATA_HOME": env.pop("XDG_DATA_HOME", "") if env else "",
        **(env or {}),
    }
    return subprocess.run(
        [*BRIEFBOT, *args], input=stdin, capture_output=True, text=True, timeout=120, env=full_env
    )


def run_in_process(*args: str) -> subprocess.CompletedProcess:
    """What run() gives, from bot.cli.main in this process: the fast tier's way to the same paths."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return subprocess.CompletedProcess(["briefbot", *args], code, out.getvalue(), err.getvalue())


def test_extract_prints_one_json_line_per_file_with_offsets(
    run: Callable[..., subprocess.CompletedProcess], tmp_path: Path
) -> None:
    p = run("extract", "--json", *map(str, SEEDS[:2]))
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert [r["source"] for r in rows] == [str(s) for s in SEEDS[:2]]
    text = SEEDS[0].read_text()
    for s in rows[0]["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
    for key in ("quotes", "figures"):
        assert isinstance(rows[0][key], list)


def test_ingest_then_ask_json(
    run: Callable[..., subprocess.CompletedProcess], tmp_path: Path
) -> None:
    db = str(tmp_path / "s.db")
    p = run("--db", db, "ingest", *map(str, SEEDS))
    assert p.returncode == 0 and "5 new, 0 duplicate, 0 failed" in p.stdout
    p = run("--db", db, "ingest", str(SEEDS[0]), str(tmp_path / "missing.txt"))
    assert "0 new, 1 duplicate, 1 failed" in p.stdout and "no such file" in p.stderr
    p = run("--db", db, "ask", "--json", "/search Kursk")
    reply = json.loads(p.stdout)
    assert reply["error"] is False and reply["citations"] and reply["citations"][0]["ref"]


@pytest.mark.slow
def test_console_indexes_seeds_prints_the_brief_then_reads_commands(tmp_path: Path) -> None:
    p = run("--db", str(tmp_path / "c.db"), stdin="/help\n/nonsense\n\n/articles\n")
    assert p.returncode == 0, p.stderr
    out = p.stdout
    assert (
        out.index("Briefing")
        < out.index("briefbot commands")
        < out.index("Unknown command /nonsense")
    )
    assert "5 indexed articles" in out
    assert "Traceback" not in out + p.stderr


def test_bad_config_is_a_clear_error(
    run: Callable[..., subprocess.CompletedProcess], tmp_path: Path
) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[slack]\nport = 'eighty'\n")
    p = run("--config", str(cfg), "ask", "/help")
    assert (
        p.returncode == 2
        and "slack.port must be an int" in p.stderr
        and str(cfg) in p.stderr
        and "Traceback" not in p.stderr
    )


STORY_ROWS = [
    {
        "id": "flood-a",
        "published": "2026-03-02T08:00:00Z",
        "outlet": "Ledger",
        "text": "The River Ouse burst its banks in York on Monday night, flooding 300 homes in the "
        "city centre. The Environment Agency issued two severe flood warnings for York and "
        "Selby. Residents of the lowest streets were taken to a school hall by boat. The river "
        "peaked at 5.2 metres above its normal level, the agency said.",
    },
    {
        "id": "flood-b",
        "published": "2026-03-02T08:00:00Z",
        "outlet": "Courier",
        "text": "Soldiers were sent to York on Tuesday to help after the River Ouse flooded "
        "hundreds of homes. The Environment Agency said the Ouse had peaked overnight and "
        "severe flood warnings for York and Selby remained. Volunteers filled sandbags at the "
        "racecourse while residents waited for the water to fall.",
    },
    {
        "id": "chess-c",
        "published": "2026-03-02T08:00:00Z",
        "outlet": "Ledger",
        "text": "A twelve-year-old from Leicester has become the youngest grandmaster in British "
        "chess history after a win in Budapest on Sunday. Her coach said she had trained for "
        "four hours a day since the age of six. The English Chess Federation called the result "
        "remarkable and said she would join the national team this summer.",
    },
    {
        "id": "tweet-page",
        "published": "2026-03-02T08:00:00Z",
        "outlet": "Courier",
        "text": "Tweet with a location\n\nYou can add location information to your Tweets, such "
        "as your city or precise location, from the web and via third-party applications. You "
        "always have the option to delete your Tweet location history. Learn more",
    },
]


@pytest.mark.slow  # subprocesses or a server of its own: > 2 s
def test_stories_json_groups_one_event_keeps_ids_and_quotes_verbatim(tmp_path: Path) -> None:
    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in STORY_ROWS))
    db = str(tmp_path / "s.db")
    p = run("--db", db, "ingest", str(src))
    assert p.returncode == 0, p.stderr
    assert "3 new" in p.stdout and "1 failed" in p.stdout
    assert "no article text" in p.stderr  # the page of notices, refused with the reason
    p = run("--db", db, "stories", "--json", "--sentences", "2")
    assert p.returncode == 0, p.stderr
    stories = [json.loads(line) for line in p.stdout.splitlines()]
    assert sorted(sorted(s["articles"]) for s in stories) == [["chess-c"], ["flood-a", "flood-b"]]
    texts = {r["id"]: " ".join(r["text"].split()) for r in STORY_ROWS}
    for s in stories:
        assert 1 <= len(s["summary"]) <= 2
        for item in s["summary"]:
            assert item["article_id"] in s["articles"]
            assert " ".join(item["text"].split()) in texts[item["article_id"]]
    p = run("--db", db, "stories", "--json", "--since", "soon")
    assert p.returncode == 2 and "--since 2d" in p.stderr
