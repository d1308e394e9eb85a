"""/who said through the real core on the five seeds, and once through the CLI."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.extract.speakers import speaker_key
from tests.commands.who_replies import items
from tests.conftest import GOLD, ROOT, SEEDS, reply_text


def _norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').lower()
    return re.sub(r"\s+", " ", s).strip()


def _is(label: str, person: str) -> bool:
    return speaker_key(label) == speaker_key(person)


PHRASES = [w for w in GOLD["who_said"] if "expect" in w]


@pytest.mark.parametrize("ask_", PHRASES, ids=lambda w: w["ask"])
async def test_a_phrase_gives_its_speaker_first_with_the_exact_quote_and_article(
    ask, ask_: dict
) -> None:
    reply = await ask("/who said " + ask_["ask"])
    assert not reply.error
    first = items(reply)[0]
    assert _is(first.label, ask_["expect"])
    assert _norm(ask_["ask"]) in _norm(first.text)
    cite = reply.citations[first.cite]
    assert cite.article_id == ask_["article"]
    text = (ROOT / "seeds" / f"{cite.article_id}.txt").read_text(encoding="utf-8")
    assert text[cite.start : cite.end] == first.text
    assert (
        reply.actions and reply.actions[0].command == "quote" and reply.actions[0].args == cite.ref
    )


async def test_a_person_in_any_spelling_lists_their_quotes_from_every_article(ask) -> None:
    ask_ = next(w for w in GOLD["who_said"] if "expect_speaker_quotes_from" in w)
    wanted = {
        q["article"]: _norm(q["quote"])
        for q in GOLD["quotes"]
        if q["speaker"] == "Volodymyr Zelenskyy"
    }
    for spelling in (ask_["ask"], "Zelenskiy", "zelenskyy", "President Zelensky"):
        reply = await ask("/who said " + spelling)
        shown = items(reply)
        assert shown and all(_is(i.label, "Volodymyr Zelenskyy") for i in shown)
        labels = {i.label.removesuffix(" (reported speech)") for i in shown}
        assert len(labels) == 1, "spellings must be merged into one name"
        assert any(i.label.endswith("(reported speech)") for i in shown), (
            "paraphrase is marked as such"
        )
        articles = {reply.citations[i.cite].article_id for i in shown}
        assert set(ask_["expect_speaker_quotes_from"]) <= articles
        texts = _norm(reply_text(reply))
        assert all(q[:40] in texts for q in wanted.values())


async def test_a_topic_word_lists_who_was_quoted_about_it(ask) -> None:
    ask_ = next(w for w in GOLD["who_said"] if "expect_speakers" in w)
    reply = await ask("/who said " + ask_["ask"])
    speakers = [s.heading for s in reply.sections]
    for person in ask_["expect_speakers"]:
        assert any(_is(s, person) for s in speakers), speakers
    for item in items(reply):
        assert item.cite is not None


async def test_who_without_said_is_the_same_command(ask) -> None:
    a = await ask("/who said expel them")
    b = await ask("/who expel them")
    assert a.to_dict() == b.to_dict()


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "said",
        "said   ",
        "?!...",
        "said \u201ckick the enemy",
        'kick "the enemy',
        "kick AND enemy",
        "enemy*",
        "text:enemy",
        "(kick)",
    ],
)
async def test_bad_input_gets_a_clear_message_with_a_working_example(ask, bad: str) -> None:
    reply = await ask(("/who " + bad).rstrip())
    assert reply.error
    assert "Try: /who said" in reply_text(reply)


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ("!!! ... ???", "no words"),
        ("\u201c\u201d", "no words"),
        ("— … –", "no words"),
        ("kick the enemy " * 334, "too long"),
        ("x" * 5000, "too long"),
        ('"', "quote mark without its partner"),
        ("\u00abkick the enemy", "quote mark without its partner"),
        ('kick the "enemy" "out', "quote mark without its partner"),
    ],
    ids=[
        "punctuation",
        "empty-quotes",
        "dashes",
        "5000-chars-words",
        "5000-chars",
        "lone-mark",
        "guillemet",
        "odd-marks",
    ],
)
async def test_bad_input_says_what_is_wrong(ask, bad: str, says: str) -> None:
    reply = await ask("/who said " + bad)
    text = reply_text(reply)
    assert reply.error and says in text
    assert "Try: /who said" in text
    assert len(text) < 400, "a short message, not an echo of the input"


async def test_quoted_phrase_is_accepted(ask) -> None:
    reply = await ask('/who said "kick the enemy out"')
    assert not reply.error and _is(items(reply)[0].label, "Vladimir Putin")


async def test_no_hit_says_so_and_suggests_what_exists(ask) -> None:
    reply = await ask("/who said flamingo sandwiches")
    text = reply_text(reply)
    assert "No quote" in text and "flamingo sandwiches" in text
    suggestion = next(a for a in reply.actions if a.label == "Try that phrase")
    again = await ask("/who " + suggestion.args)
    assert items(again)


def test_cli_ask_json(run: Callable[..., subprocess.CompletedProcess], tmp_path: Path) -> None:
    """The `run` fixture: a subprocess (slow tier) and in process (fast tier)."""
    db = str(tmp_path / "store.db")
    assert run("--db", db, "ingest", *map(str, SEEDS)).returncode == 0
    out = run("--db", db, "ask", "--json", "/who said kick the enemy out")
    data = json.loads(out.stdout)
    first = data["sections"][0]["quotes"][0]
    assert first["label"] == "Vladimir Putin" and "kick the enemy out" in first["text"]
    assert data["citations"][first["cite"]]["article_id"] == "004_777959b668a2fcee"
