"""The CLI for people: --help with examples, exit codes, bad input, every format, terminals vs pipes."""

from __future__ import annotations

import json
import os
import pty
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.test_cli import BRIEFBOT, run

# Tests taking `run` (tests/conftest.py) run twice: the CLI as a subprocess (slow tier) and
# in process (fast tier). The rest need a real process (environment, terminal, stdin): slow.
Runner = Callable[..., subprocess.CompletedProcess]

ROOT = Path(__file__).resolve().parents[1]
BODY = (
    "Ukrainian forces advanced further into the Kursk region on Tuesday, officials said. "
    "Thousands of residents were evacuated as shelling continued overnight. "
)


def traceback_free(p: subprocess.CompletedProcess) -> bool:
    return "Traceback" not in p.stdout + p.stderr


@pytest.mark.slow
def test_every_subcommand_help_shows_examples(tmp_path: Path) -> None:
    data = tmp_path / "data"
    p = run("--help", env={"XDG_DATA_HOME": str(data)})
    assert p.returncode == 0 and "examples:" in p.stdout
    assert f"default store: {data / 'briefbot' / 'briefbot.db'}" in p.stdout
    for name in (
        "ask",
        "ingest",
        "serve",
        "export",
        "import",
        "discord-sync",
        "extract",
        "summarize",
    ):
        p = run(name, "--help")
        assert p.returncode == 0, name
        assert "examples:" in p.stdout and f"briefbot {name}" in p.stdout.split("examples:")[1]
    ingest_help = run("ingest", "--help").stdout
    for word in ("--no-extract", ".jsonl", ".html", "published"):
        assert word in ingest_help


@pytest.mark.parametrize(
    "argv",
    [
        ["ingest"],  # no path
        ["frobnicate"],  # unknown subcommand
        ["ask"],  # no command
        ["ask", ""],  # empty command
        ["ask", "   "],
        ["ingest", "--workers", "0", "x.txt"],
        ["ingest", "--workers", "many", "x.txt"],
        ["summarize", "--sentences", "99", "x.txt"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2_with_a_short_message(
    run: Runner, argv: list[str], tmp_path: Path
) -> None:
    p = run("--db", str(tmp_path / "s.db"), *argv)
    assert p.returncode == 2, (argv, p.stdout, p.stderr)
    assert p.stderr.strip() and traceback_free(p)
    assert len(p.stderr) < 1200


def test_bad_commands_get_a_message_and_a_working_example(run: Runner, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    assert run("--db", db, "ingest", *map(str, SEEDS)).returncode == 0
    cases = {
        "/nonsense": "Unknown command",
        "/serch kursk": "Did you mean /search",
        "/search " + "x" * 10_000: "too long",
        "/search": "Tell me what to search for",
        '/search "NEAR(kursk* AND) OR title:x': "",
        "/quote ((((": "",
    }
    for command, expected in cases.items():
        p = run("--db", db, "ask", command)
        assert p.returncode == 0 and traceback_free(p), command[:40]
        assert expected in p.stdout, (command[:40], p.stdout)
        if expected:
            assert "Try: /" in p.stdout, command[:40]
        assert len(p.stdout) < 4000


def test_bad_files_are_counted_as_failed_with_the_reason(run: Runner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Kursk Advance Continues\n" + BODY * 3)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "latin1.txt").write_bytes(("Caf\xe9 cr\xe8me " * 400).encode("latin-1"))
    missing = tmp_path / "missing.txt"
    p = run(
        "--db",
        str(tmp_path / "s.db"),
        "ingest",
        str(good),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "binary.txt"),
        str(tmp_path / "latin1.txt"),
        str(missing),
    )
    assert p.returncode == 0 and traceback_free(p)
    # a Latin-1 file is read in its own encoding (issue 20), and the user is told which
    assert p.stdout.strip().endswith("2 new, 0 duplicate, 3 failed")
    assert "empty.txt is too short" in p.stderr
    assert "binary.txt looks like a binary file" in p.stderr
    assert "latin1.txt: read as cp1252 (not UTF-8)" in p.stderr
    assert "missing.txt: no such file" in p.stderr


def test_store_options_work_after_the_subcommand_too(run: Runner, tmp_path: Path) -> None:
    db, other = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert run("ingest", "--db", db, str(SEEDS[0])).returncode == 0
    p = run("--db", other, "ask", "--db", db, "--json", "/articles")  # the later one wins
    assert p.returncode == 0 and json.loads(p.stdout)["title"] == "1 indexed article"
    p = run("ask", f"--db={db}", "-:")  # still a command, not an unknown option
    assert p.returncode == 0 and "Unknown command" in p.stdout
    assert "Nothing is indexed" in run("--db", other, "ask", "/articles").stdout


def test_nothing_indexable_exits_1(run: Runner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    p = run("--db", str(tmp_path / "s.db"), "ingest", str(tmp_path / "empty.txt"))
    assert p.returncode == 1 and "0 new, 0 duplicate, 1 failed" in p.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_a_failure_not_a_crash(run: Runner, tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Kursk Advance Continues\n" + BODY * 3)
    locked.chmod(0)
    p = run("--db", str(tmp_path / "s.db"), "ingest", str(locked))
    assert p.returncode == 1 and "cannot read" in p.stderr and traceback_free(p)


def test_an_unreadable_store_path_is_a_clear_error(run: Runner, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    p = run("--db", str(blocker / "store.db"), "ask", "/articles")
    assert p.returncode == 2 and traceback_free(p)
    assert "briefbot:" in p.stderr and len(p.stderr) < 500


def test_ingest_of_every_format_then_each_is_searchable(run: Runner, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "plain.txt").write_text("Plain Text Headline About Zebras\n" + BODY + "Zebras ran.")
    (src / "notes.md").write_text("# Markdown Headline About Walruses\n\n" + BODY + "Walrus seen.")
    (src / "page.html").write_text(
        "<html><head><title>Page about otters</title></head><body><nav>Home | News</nav>"
        f"<article><h1>Page about otters</h1><p>{BODY}</p><p>An otter swam by.</p></article>"
        "</body></html>"
    )
    (src / "batch.json").write_text(
        json.dumps(
            [
                {"id": "j1", "title": "JSON pelicans", "text": BODY + "Pelicans flew."},
                {"id": "j2", "headline": "JSON herons", "body": BODY + "A heron stood."},
            ]
        )
    )
    (src / "wire.jsonl").write_text(
        json.dumps(
            {
                "id": "l1",
                "title": "JSONL lemurs",
                "text": BODY + "Lemurs leapt.",
                "outlet": "Wire",
                "published": "2024-08-13T09:00:00Z",
                "url": "https://example.com/lemurs",
            }
        )
        + "\n"
    )
    db = str(tmp_path / "s.db")
    p = run("--db", db, "ingest", str(src))
    assert p.returncode == 0, p.stderr
    assert "6 new, 0 duplicate, 0 failed" in p.stdout
    for word, title in [
        ("zebras", "Plain Text Headline About Zebras"),
        ("walrus", "Markdown Headline About Walruses"),
        ("otter", "Page about otters"),
        ("pelicans", "JSON pelicans"),
        ("heron", "JSON herons"),
        ("lemurs", "JSONL lemurs"),
    ]:
        reply = json.loads(run("--db", db, "ask", "--json", f"/search {word}").stdout)
        assert reply["citations"][0]["title"] == title, word
    lemur = json.loads(run("--db", db, "ask", "--json", "/search lemurs").stdout)["citations"][0]
    assert (lemur["outlet"], lemur["url"]) == ("Wire", "https://example.com/lemurs")
    assert lemur["published"].startswith("2024-08-13")


def test_no_extract_indexes_sentences_but_not_quotes(run: Runner, tmp_path: Path) -> None:
    fast, full = tmp_path / "fast.db", tmp_path / "full.db"
    assert run("--db", str(fast), "ingest", "--no-extract", *map(str, SEEDS)).returncode == 0
    assert run("--db", str(full), "ingest", *map(str, SEEDS)).returncode == 0
    counts = {}
    for path in (fast, full):
        with sqlite3.connect(path) as db:
            counts[path.name] = [
                db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "sentences", "paragraphs", "quotes", "figures", "stories")
            ]
    assert counts["fast.db"][:3] == counts["full.db"][:3] and counts["fast.db"][0] == 5
    assert counts["fast.db"][3:5] == [0, 0] and min(counts["full.db"][3:5]) > 0
    assert counts["fast.db"][5] == counts["full.db"][5]  # still clustered into stories
    reply = json.loads(run("--db", str(fast), "ask", "--json", "/search Kursk").stdout)
    assert not reply["error"] and reply["citations"]


def test_piped_output_is_plain_text(run: Runner, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    p = run("--db", db, "ingest", *map(str, SEEDS))
    assert "\x1b[" not in p.stdout + p.stderr  # no progress bar, no colour into a pipe
    p = run("--db", db, "ask", "/search Kursk")
    assert "\x1b[" not in p.stdout and "Citations:" in p.stdout


def in_a_terminal(*args: str, env: dict[str, str]) -> str:
    """Run briefbot with stdout and stderr on a pseudo-terminal; everything it drew."""
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [*BRIEFBOT, *args],
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=child,
        cwd=ROOT,
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", **env},
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_a_terminal_gets_rich_replies_and_a_progress_display(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path), "NO_COLOR": ""}
    env.pop("NO_COLOR")
    db = str(tmp_path / "s.db")
    drawn = in_a_terminal("--db", db, "ingest", *map(str, SEEDS), env=env)
    assert "articles read" in drawn and "5 new, 0 duplicate, 0 failed" in drawn
    drawn = in_a_terminal("--db", db, "ask", "/search Kursk [bold]", env=env)
    assert "\x1b[" in drawn  # styled
    assert "Citations" in drawn and "[bold]" in drawn  # article text is never read as markup
    assert "Traceback" not in drawn


def test_config_errors_name_the_key_and_the_file(run: Runner, tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    for body, expected in [
        ("[slack]\nprot = 3000\n", "unknown key slack.prot (did you mean slack.port?)"),
        ("[slak]\nport = 3000\n", "unknown table [slak] (did you mean [slack]?)"),
        ("[fetch]\ntimeout = 'soon'\n", "fetch.timeout must be a float, got str"),
        ("[store\npath = 1\n", "is not valid TOML"),
    ]:
        cfg.write_text(body)
        p = run("--config", str(cfg), "ask", "/help")
        assert p.returncode == 2 and traceback_free(p), body
        assert expected in p.stderr and str(cfg) in p.stderr, (body, p.stderr)


def test_a_secret_in_the_wrong_type_is_not_echoed(run: Runner, tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[discord]\ntoken = 123456789987654321\n")
    p = run("--config", str(cfg), "ask", "/help")
    assert p.returncode == 2 and "discord.token must be a str" in p.stderr
    assert "123456789987654321" not in p.stderr


@pytest.mark.slow
def test_console_reads_until_eof_with_a_tty_free_stdin(tmp_path: Path) -> None:
    p = subprocess.run(
        [*BRIEFBOT, "--db", str(tmp_path / "c.db")],
        input="/search kursk\n/quote situation is under our control\n/articles\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path)},
    )
    assert p.returncode == 0 and traceback_free(p)
    assert "articles for “kursk”" in p.stdout and "paragraph" in p.stdout
    assert sys.executable  # the console needs no terminal
