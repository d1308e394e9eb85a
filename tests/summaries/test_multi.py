"""Story summaries across sources: several outlets, no repeats, no boilerplate, fast enough."""

from __future__ import annotations

import json
from pathlib import Path

from bot.extract.boilerplate import is_boilerplate
from bot.extract.sentences import split_sentences, words
from summaries.document import needs_context
from summaries.multi import Picked, StoryDoc, summarize_story

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))
BOILERPLATE = [e.get("line") or e["line_starts"] for e in GOLD["boilerplate"]]


def _seeds() -> list[StoryDoc]:
    docs = []
    for day, path in enumerate(sorted((ROOT / "seeds").glob("*.txt"))):
        docs.append(
            StoryDoc(
                path.stem, "", path.read_text(encoding="utf-8"), f"2024-08-{10 + day}T08:00:00Z"
            )
        )
    return docs


def _check(docs: list[StoryDoc], picked: list[Picked]) -> None:
    by_id = {d.article_id: d for d in docs}
    for p in picked:
        text = by_id[p.article_id].text
        assert text[p.sentence.start : p.sentence.end] == p.sentence.text
        assert not is_boilerplate(p.sentence.text)
        assert not any(p.sentence.text.startswith(line) for line in BOILERPLATE)
        assert len(words(p.sentence.text)) >= 6
        assert not needs_context(p.sentence.text)
        assert "\n" not in p.sentence.text


def test_seed_story_draws_from_at_least_three_sources() -> None:
    docs = _seeds()
    for n in (2, 3, 4):
        picked = summarize_story(docs, n)
        assert len(picked) == n
        _check(docs, picked)
        assert len({p.article_id for p in picked}) == n
    assert len({p.article_id for p in summarize_story(docs, 3)}) >= 3


def test_headline_is_not_glued_to_a_sentence() -> None:
    headline = GOLD["headline"]["002_b76eddcc3a3b8871"]
    for p in summarize_story(_seeds(), 4):
        assert headline not in p.sentence.text


def test_order_follows_publication_then_position() -> None:
    docs = list(reversed(_seeds()))  # input order must not matter when dates are known
    picked = summarize_story(docs, 4)
    dates = {d.article_id: d.published for d in docs}
    keys = [(dates[p.article_id], p.sentence.start) for p in picked]
    assert keys == sorted(keys)


def test_wire_copies_are_not_repeated() -> None:
    lead = "The central bank raised interest rates by half a point on Thursday to curb inflation."
    docs = [
        StoryDoc(
            "a",
            "Bank raises rates",
            f"{lead}\nMortgage costs are expected to rise for millions of households.",
            "2024-01-02",
        ),
        StoryDoc(
            "b",
            "Rates up",
            f"{lead}\nThe decision was backed by seven of the nine committee members.",
            "2024-01-02",
        ),
        StoryDoc(
            "c",
            "Rate rise",
            f"{lead}\nShares in high street banks rose after the announcement on Thursday.",
            "2024-01-03",
        ),
    ]
    picked = summarize_story(docs, 3)
    texts = [p.sentence.text for p in picked]
    assert texts.count(lead) == 1
    assert len(texts) == len(set(texts))


def test_precomputed_sentences_are_used_and_cited() -> None:
    docs = [
        StoryDoc(d.article_id, d.title, d.text, d.published, split_sentences(d.text))
        for d in _seeds()
    ]
    picked = summarize_story(docs, 3)
    _check(docs, picked)


def test_degenerate_inputs() -> None:
    assert summarize_story([], 3) == []
    assert summarize_story(_seeds(), 0) == []
    short = [StoryDoc("x", "", "Too short.\nComment:", "")]
    assert summarize_story(short, 3) == []
    one = [StoryDoc("y", "", "Floods closed the main road into the valley for a third day.", "")]
    assert [p.article_id for p in summarize_story(one, 3)] == ["y"]
