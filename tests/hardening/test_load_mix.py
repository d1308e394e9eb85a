"""The load bench's varied mix: drawn from the store, mostly distinct, every line a command."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.load_mix import FIXED, KINDS, kind_of, varied


def _store(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE articles (rowid INTEGER PRIMARY KEY, title TEXT, published TEXT);"
        "CREATE TABLE quotes (id INTEGER PRIMARY KEY, speaker TEXT, text TEXT, sentence TEXT);"
        "CREATE TABLE figures (id INTEGER PRIMARY KEY, topic TEXT, sentence TEXT);"
    )
    for i in range(50):
        conn.execute(
            "INSERT INTO articles (title, published) VALUES (?, ?)",
            (
                f"Minister warns parliament over budget plan number{i}",
                f"2004-03-{i % 28 + 1:02d}T10:00:00Z",
            ),
        )
        conn.execute(
            "INSERT INTO quotes (speaker, text, sentence) VALUES (?, ?, ?)",
            (
                "Gordon Brown",
                f"we will keep the economy stable in year {i}",
                "He said the plan works.",
            ),
        )
        conn.execute(
            "INSERT INTO figures (topic, sentence) VALUES (?, ?)",
            ("money", f"The budget grew by {i} million pounds this year."),
        )
    conn.commit()
    conn.close()
    return path


def test_varied_mix_is_drawn_from_the_store_and_mostly_distinct(tmp_path: Path) -> None:
    lines = varied(_store(tmp_path / "s.db"), 200, seed=1)
    assert len(lines) == 200
    assert all(line.startswith("/") for line in lines)
    assert len(set(lines)) > len(FIXED) * 5
    kinds = {kind_of(line) for line in lines}
    assert {"search", "who-person", "figures", "brief", "quote", "summary"} <= kinds
    assert kinds <= set(KINDS)
    assert varied(tmp_path / "s.db", 50, seed=1) == lines[:50]  # deterministic


def test_kind_of_tells_person_topic_and_phrase_apart() -> None:
    assert kind_of("/who said Gordon Brown") == "who-person"
    assert kind_of("/who said economy") == "who-topic"
    assert kind_of("/who said keep the economy stable") == "who-phrase"
    assert kind_of("/digest list") == "other"
