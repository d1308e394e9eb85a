"""The CLI's paths in process (bot.cli.main), so the fast tier covers them; tests/test_cli.py and
tests/test_cli_usage.py run the same as real subprocesses in the slow tier."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import SEEDS
from tests.ingest.conftest import story_text

BODY = (
    "Ukrainian forces advanced further into the Kursk region on Tuesday, officials said. "
    "Thousands of residents were evacuated as shelling continued overnight. "
)


@dataclass
class Ran:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """`briefbot ARGS...` as main() runs it: exit code, stdout, stderr."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    def _run(*args: str) -> Ran:
        code = main(list(args))
        got = capsys.readouterr()
        assert "Traceback" not in got.out + got.err
        return Ran(code, got.out, got.err)

    return _run


def test_ingest_then_ask_json_answers_with_citations(cli, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    first = cli("--db", db, "ingest", *map(str, SEEDS))
    assert first.code == 0 and "5 new, 0 duplicate, 0 failed" in first.out
    again = cli("--db", db, "ingest", str(SEEDS[0]), str(tmp_path / "missing.txt"))
    assert "0 new, 1 duplicate, 1 failed" in again.out and "missing.txt: no such file" in again.err

    who = json.loads(cli("--db", db, "ask", "--json", "/who said kick the enemy out").out)
    first_quote = who["sections"][0]["quotes"][0]
    assert first_quote["label"] == "Vladimir Putin"
    assert who["citations"][first_quote["cite"]]["article_id"] == "004_777959b668a2fcee"
    figures = json.loads(cli("--db", db, "ask", "--json", "/figures territory").out)
    rows = [row for s in figures["sections"] for row in s["figures"]]
    assert any(row["surface"] == "as deep as 7.5 miles" for row in rows)
    assert any("mismatch" in row["conflict"] for row in rows)
    typo = cli("--db", db, "ask", "/serch kursk")
    assert typo.code == 0 and "Did you mean /search" in typo.out and "Try: /" in typo.out


def test_bad_files_are_counted_as_failed_with_the_reason(cli, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Kursk Advance Continues\n" + BODY * 3)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    names = ["good.txt", "empty.txt", "binary.txt", "missing.txt"]
    ran = cli("--db", str(tmp_path / "s.db"), "ingest", *(str(tmp_path / n) for n in names))
    assert ran.code == 0 and ran.out.strip().endswith("1 new, 0 duplicate, 3 failed")
    assert "empty.txt is too short" in ran.err
    assert "binary.txt looks like a binary file" in ran.err
    assert "missing.txt: no such file" in ran.err


@pytest.mark.parametrize(
    "argv",
    [
        ["ingest"],
        ["frobnicate"],
        ["ask"],
        ["ask", "   "],
        ["ingest", "--workers", "0", "x.txt"],
        ["summarize", "--sentences", "99", "x.txt"],
        ["reindex", "--since", "last tuesday"],
    ],
)
def test_usage_errors_exit_2_with_a_short_message(cli, tmp_path: Path, argv: list[str]) -> None:
    ran = cli("--db", str(tmp_path / "s.db"), *argv)
    assert ran.code == 2 and ran.err.strip() and len(ran.err) < 1200


def test_every_subcommand_help_shows_examples(cli) -> None:
    for name in ("ask", "ingest", "reindex", "serve", "export", "import", "extract", "summarize"):
        ran = cli(name, "--help")
        assert ran.code == 0 and f"briefbot {name}" in ran.out.split("examples:")[1], name


def test_config_errors_name_the_key_and_the_file(cli, tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[slack]\nprot = 3000\n")
    ran = cli("--config", str(cfg), "ask", "/help")
    assert ran.code == 2 and "unknown key slack.prot (did you mean slack.port?)" in ran.err
    assert str(cfg) in ran.err


def test_extract_and_summarize_keep_offsets(cli) -> None:
    ran = cli("extract", "--json", str(SEEDS[0]))
    row = json.loads(ran.out.splitlines()[0])
    text = SEEDS[0].read_text()
    assert row["sentences"] and all(
        text[s["start"] : s["end"]] == s["text"] for s in row["sentences"]
    )
    summary = cli("summarize", "--sentences", "2", str(SEEDS[0]))
    assert summary.code == 0 and summary.out.strip()


def test_reindex_since_a_date_stamps_only_newer_articles(cli, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    rows = [
        {"id": name, "title": story_text(n)[0], "text": story_text(n)[1], "published": when}
        for n, name, when in (
            (1, "old", "2005-01-10T09:00:00Z"),
            (2, "new", "2024-06-01T09:00:00Z"),
        )
    ]
    (tmp_path / "two.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    loaded = cli("--db", db, "ingest", "--no-extract", str(tmp_path / "two.jsonl"))
    assert "2 new, 0 duplicate, 0 failed" in loaded.out
    ran = cli("--db", db, "reindex", "--since", "2024-01-01")
    assert ran.code == 0 and "reindexed 1 of 1 articles" in ran.out, ran.out
