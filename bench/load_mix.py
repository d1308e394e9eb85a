"""Command mixes for the load bench: the old fixed one, and a varied one drawn from the store.

Why a varied mix: the fixed mix repeats a dozen commands, so after the first round every
answer comes from the store's read cache and the bench measures the cache, not the
queries. The varied mix takes its words, names and phrases from random articles, quotes
and figures of the store itself, so nearly every request is distinct and is answered
from the indexes; it is deterministic for a given store and seed.
"""

from __future__ import annotations

import random
import re
import sqlite3
from datetime import timedelta
from pathlib import Path

from bot.model import parse_utc

FIXED = [
    "/search election results",
    "/who said economy",
    "/figures inflation",
    "/brief",
    "/brief climate 1w",
    "/quote interest rates",
    "/summary parliament vote 3",
    "/articles",
    "/help figures",
    "/digest list",
    "/search Kursk",
    "/figures casualties",
]

# How often each kind comes up in the varied mix (the read commands users type most).
KINDS = {
    "search": 4,
    "who-person": 2,
    "who-topic": 2,
    "who-phrase": 1,
    "figures": 3,
    "brief": 2,
    "quote": 2,
    "summary": 2,
    "other": 1,
}
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_STOP = frozenset(
    """this that with from have been were they their there about would could after which
    said says also more than when what where while into over under some other only such
    will just very most much many then them these those being because before between""".split()
)


def kind_of(line: str) -> str:
    """The mix kind a command line belongs to (for per-kind figures)."""
    head, _, rest = line.partition(" ")
    name = head.lstrip("/")
    if name == "who":
        words = rest.split()
        if words and words[0] == "said":
            words = words[1:]
        if words and all(w[:1].isupper() for w in words):
            return "who-person"
        return "who-phrase" if len(words) >= 3 else "who-topic"
    return name if name in KINDS else "other"


class _Sampler:
    """Random rows of the store by rowid (one index lookup each: fast at any size)."""

    def __init__(self, db: Path, rng: random.Random) -> None:
        self.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        self.rng = rng
        self.tops = {
            t: self.conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {t}").fetchone()[0]
            for t in ("articles", "quotes", "figures")
        }

    def row(self, table: str, cols: str) -> tuple | None:
        top = self.tops[table]
        if not top:
            return None
        rowid = self.rng.randint(1, top)
        return self.conn.execute(
            f"SELECT {cols} FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1", (rowid,)
        ).fetchone()

    def words(self, text: str, n: int) -> str:
        pool = [w for w in _WORD.findall(text) if w.lower() not in _STOP]
        if not pool:
            return ""
        k = min(n, len(pool))
        start = self.rng.randrange(0, len(pool) - k + 1)
        return " ".join(pool[start : start + k])

    def run_of(self, text: str, n: int) -> str:
        """n consecutive words of the text (a phrase as written)."""
        words = re.findall(r"[\w’'-]+", text)
        if len(words) < n:
            return " ".join(words)
        start = self.rng.randrange(0, len(words) - n + 1)
        return " ".join(words[start : start + n])


def varied(db: Path, n: int, seed: int = 6) -> list[str]:
    """n command lines drawn from the store at db (read only)."""
    rng = random.Random(seed)
    s = _Sampler(db, rng)
    kinds = [k for k, w in KINDS.items() for _ in range(w)]
    out: list[str] = []
    try:
        while len(out) < n:
            line = _one(s, rng.choice(kinds))
            if line:
                out.append(line)
            elif not any(s.tops.values()):
                out.append("/help")
    finally:
        s.conn.close()
    return out


def _days_before(iso: str, days: int) -> str:
    try:
        when = parse_utc(iso)
    except ValueError:
        return "1w"
    return (when - timedelta(days=days)).strftime("%Y-%m-%d")


def _one(s: _Sampler, kind: str) -> str:
    rng = s.rng
    if kind in ("search", "brief", "summary", "who-topic"):
        row = s.row("articles", "title, published")
        words = s.words(row[0], rng.choice((1, 2, 2, 3)) if kind == "search" else 1) if row else ""
        if not words:
            return ""
        if kind == "search":
            return f"/search {words}"
        if kind == "brief":
            # a date inside the archive (a span back from today would find nothing in an old one)
            if rng.random() < 0.3:
                return f"/brief {words}"
            return f"/brief {words} {_days_before(row[1], rng.randint(1, 14))}"
        if kind == "summary":
            return f"/summary {s.words(row[0], 2) or words} {rng.randint(2, 4)}"
        return f"/who said {words.lower()}"
    if kind == "who-person":
        row = s.row("quotes", "speaker")
        return f"/who said {row[0]}" if row and row[0] else ""
    if kind == "who-phrase":
        row = s.row("quotes", "text")
        phrase = s.run_of(row[0], rng.randint(3, 5)) if row else ""
        return f"/who said {phrase}" if len(phrase.split()) >= 3 else ""
    if kind == "figures":
        row = s.row("figures", "topic, sentence")
        if not row:
            return ""
        topic, sentence = row
        word = s.words(sentence, 1)
        if topic and rng.random() < 0.5:
            return f"/figures {topic} {word}".strip()
        return f"/figures {word}" if word else ""
    if kind == "quote":
        row = s.row("quotes", "sentence")
        phrase = s.run_of(row[0], rng.randint(3, 5)) if row else ""
        return f"/quote {phrase}" if phrase else ""
    return rng.choice(("/articles", "/help who", "/digest list", "/figures", "/brief"))
