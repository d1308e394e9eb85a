"""Boilerplate detection: furniture is flagged, story sentences are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.extract.boilerplate import boilerplate_sentences, is_boilerplate
from bot.extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe",
        "By Jane Doe and John Roe, Reuters",
        "Reporting by Jane Doe; Editing by Bob Roe",
        "Additional reporting by Tom Smith in Kyiv.",
        "Maria Ortiz and Sam Lee contributed reporting.",
        "KYIV, Ukraine (AP) —",
        "Updated 3:45 PM ET, Aug 12, 2024",
        "Photo: John Smith/Getty Images",
        "(AP Photo/Efrem Lukatsky)",
        "(Photo Credit: Staff Photographer)",
        "FILE - In this Oct. 27, 2012 file photo, a senator appears at a luncheon in Boston.",
        "In this photo taken on March 3, firefighters spray water on a burning warehouse.",
        "With wire services",
        "Related: the war in numbers",
        "Read more: Ukraine's push into Kursk",
        "Comments:",
        "Copyright 2024 The Associated Press. All rights reserved.",
        "This article was originally published on The Conversation.",
        "Send tips to [email protected]",
        "All articles produced by the Example Newswire may be republished with credit.",
    ],
)
def test_furniture_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "By Monday, the troops were exhausted.",
        "The White House said it had no involvement in the operation.",
        "Share prices in London, Frankfurt and Paris also closed higher.",
        "Godzilla first appeared in 1954 as a prehistoric lizard.",
        "More than 100 soldiers were captured, officials said.",
        "In this town, the photographer's studio is the oldest shop on the street.",
        "Reporters were told the offensive had been planned for months.",
        "",
    ],
)
def test_story_sentences_are_not_boilerplate(sentence: str) -> None:
    assert not is_boilerplate(sentence)


def _seed(article: str) -> str:
    return (ROOT / "seeds" / f"{article}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("entry", GOLD["boilerplate"], ids=lambda e: e["article"])
def test_every_gold_boilerplate_line_is_flagged(entry: dict[str, str]) -> None:
    text = _seed(entry["article"])
    sentences = split_sentences(text)
    flagged = [sentences[i].text for i in boilerplate_sentences(text, sentences)]
    expected = entry.get("line") or entry["line_starts"]
    assert any(s.startswith(expected) for s in flagged)


def test_a_closing_notice_block_is_flagged_whole() -> None:
    text = (
        "Troops advanced ten miles on Monday, officials said.\n"
        "All content created by the Example News Foundation is available without charge "
        "to any legitimate news publisher. Our logo must appear on every copy. "
        "Questions go to the desk."
    )
    sentences = split_sentences(text)
    assert boilerplate_sentences(text, sentences) == {1, 2, 3}


def test_story_text_of_the_seeds_is_kept() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences = split_sentences(text)
        flagged = boilerplate_sentences(text, sentences)
        assert len(flagged) <= 4
        assert 0 not in flagged
