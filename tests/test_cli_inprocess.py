"""CLI paths whose subprocess tests set an environment of their own (so stay in the slow tier):
--help and extract/summarize through bot.cli.main, for the fast tier. Most CLI tests take the
`run` fixture instead (tests/conftest.py), which runs each both ways."""

from __future__ import annotations

import json

from tests.conftest import SEEDS
from tests.test_cli import run_in_process as run


def test_every_subcommand_help_shows_examples() -> None:
    for name in ("ask", "ingest", "reindex", "serve", "export", "import", "extract", "summarize"):
        p = run(name, "--help")
        assert p.returncode == 0 and f"briefbot {name}" in p.stdout.split("examples:")[1], name


def test_extract_and_summarize_keep_offsets() -> None:
    p = run("extract", "--json", str(SEEDS[0]))
    row = json.loads(p.stdout.splitlines()[0])
    text = SEEDS[0].read_text()
    assert row["sentences"] and all(
        text[s["start"] : s["end"]] == s["text"] for s in row["sentences"]
    )
    summary = run("summarize", "--sentences", "2", str(SEEDS[0]))
    assert summary.returncode == 0 and summary.stdout.strip()
    assert "Traceback" not in p.stderr + summary.stderr


def test_extract_names_each_unit_in_english_and_keeps_its_code(tmp_path) -> None:
    """A reader (or a scorer in CQE's naming) cannot know "KRW" or "nmi": `unit` is the English
    name, `unit_code` the code the bot stores; a counted noun has no code."""
    src = tmp_path / "a.txt"
    src.write_text(
        "Samsung paid 5 trillion won for a ship with a range of 8,000 nautical miles, and "
        "400 workers built it for $2bn.\n"
    )
    row = json.loads(run("extract", "--json", str(src)).stdout)
    got = {f["surface"]: (f["unit"], f["unit_code"]) for f in row["figures"]}
    assert got["5 trillion won"] == ("south korean won", "KRW")
    assert got["8,000 nautical miles"] == ("nautical mile", "nmi")
    assert got["$2bn"] == ("dollar", "USD")
    assert got["400 workers"] == ("workers", None)
