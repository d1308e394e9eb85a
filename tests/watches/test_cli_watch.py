"""The console: `briefbot ask "/watch Putin"`, then `briefbot ingest` prints the alerts it would send."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.watches.conftest import SEEDS


def _cli(*args: str, db: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


@pytest.mark.slow
def test_ask_watch_then_ingest_prints_each_alert_once(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _cli("ingest", str(SEEDS[0]), db=db)
    assert "Watch #1 on" in _cli("ask", "/watch Putin", db=db)
    printed = [_cli("ingest", str(seed), db=db) for seed in SEEDS[1:]]
    assert "New quote" not in printed[0]  # 001 quotes no Putin
    for out in printed[1:]:
        assert out.count("New quote:") == 1
        assert "/watch cancel 1 stops it" in out
    assert "We will definitely expel them" in printed[2]
    assert "kick the enemy out" in printed[3]
    again = _cli("ingest", str(SEEDS[4]), db=db)  # a duplicate: nothing new, no alert
    assert "New quote" not in again and "0 new, 1 duplicate" in again
