"""/quote: the exact source paragraph behind a phrase, an article id or a citation, never a guess."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS, reply_text

SEED_TEXT = {p.stem: p.read_text() for p in SEEDS}


async def test_a_phrase_gives_the_whole_paragraph_that_holds_it(ask) -> None:
    reply = await ask("/quote kick the enemy out")
    assert not reply.error and reply.title == "Where “kick the enemy out” appears"
    for item in reply.sections[0].items:
        cite = reply.citations[item.cite]
        text = SEED_TEXT[cite.article_id]
        assert text[cite.start : cite.end] == item.text
        assert "kick the enemy out" in item.text
        # a whole paragraph: it starts a line and ends one
        assert cite.start == 0 or text[cite.start - 1] == "\n"
        assert cite.end == len(text) or text[cite.end] == "\n"
        assert item.label == f"paragraph {cite.paragraph + 1}"
    assert [a.command for a in reply.actions] == ["summary"] * len(reply.actions)


async def test_a_citation_opens_its_paragraph_and_says_where_it_came_from(ask) -> None:
    found = await ask("/quote situation is under our control")
    cite = found.citations[found.sections[0].items[0].cite]
    again = await ask(f"/quote {cite.ref}")
    assert not again.error
    assert again.title.startswith("Source: ")
    (item,) = again.sections[0].items
    assert item.text == found.sections[0].items[0].text
    assert again.citations[item.cite].article_id == cite.article_id


async def test_an_article_id_opens_its_first_paragraph(ask) -> None:
    article_id = SEEDS[4].stem
    reply = await ask(f"/quote {article_id}")
    (item,) = reply.sections[0].items
    assert item.label == "paragraph 1"
    assert SEED_TEXT[article_id].startswith(item.text)


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (f"{SEEDS[4].stem}:5-1", "There is no passage"),
        (f"{SEEDS[4].stem}:0-99999999", "There is no passage"),
        ("Kursk zzqxvwibble", "No article contains the words 'Kursk zzqxvwibble' together."),
        ("", "Give me a phrase or a citation to look up."),
    ],
)
async def test_what_is_not_there_is_refused_with_an_example(ask, args: str, expect: str) -> None:
    reply = await ask(f"/quote {args}")
    text = reply_text(reply)
    assert reply.error and expect in text
    assert "Try: /quote situation is under our control" in text
