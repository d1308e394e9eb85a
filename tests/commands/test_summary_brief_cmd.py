"""/summary and /brief through the real core on the seeds: verbatim, cited, clustered, no boilerplate."""

from __future__ import annotations

import re

import pytest

from tests.conftest import GOLD, SEEDS, reply_text


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


BOILERPLATE = [_norm(b.get("line") or b.get("line_starts")) for b in GOLD["boilerplate"]]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
async def test_summary_of_each_seed_is_whole_verbatim_sentences(ask, core, seed) -> None:
    reply = await ask(f"/summary {seed.stem} 3")
    assert not reply.error, reply_text(reply)
    items = reply.sections[0].items
    assert len(items) == 3
    text = seed.read_text()
    for item in items:
        cite = reply.citations[item.cite]
        assert text[cite.start : cite.end] == item.text
        assert item.text[0].isupper() or item.text[0] in '“"', item.text
        assert item.text.rstrip('”"’').endswith((".", "!", "?")), item.text
        assert not any(_norm(item.text).startswith(b) for b in BOILERPLATE)


async def test_brief_is_one_story_with_all_five_sources_and_no_boilerplate(ask) -> None:
    reply = await ask("/brief")
    assert not reply.error
    assert len(reply.sections) == 1
    story = reply.sections[0]
    assert {reply.citations[i].article_id for i in story.sources} == {s.stem for s in SEEDS}
    drawn = {reply.citations[i.cite].article_id for i in story.items}
    assert len(drawn) >= 3 and 2 <= len(story.items) <= 4
    for item in story.items:
        cite = reply.citations[item.cite]
        assert (next(s for s in SEEDS if s.stem == cite.article_id)).read_text()[
            cite.start : cite.end
        ] == item.text
        assert (
            GOLD["headline"]["002_b76eddcc3a3b8871"] not in item.text
            or item.text == GOLD["headline"]["002_b76eddcc3a3b8871"]
        )
    text = _norm(reply_text(reply))
    assert not [b for b in BOILERPLATE if len(b) > 12 and b in text]
    assert story.figures and story.quotes and len(story.figures) <= 3 and len(story.quotes) <= 2


async def test_brief_with_a_topic_and_a_since(ask) -> None:
    assert not (await ask("/brief Kursk 2d")).error
    nothing = await ask("/brief cricket")
    assert "Nothing new about 'cricket'" in reply_text(nothing)


async def test_summary_search_words_draw_on_several_articles(ask) -> None:
    reply = await ask("/summary Kursk incursion 3")
    assert not reply.error and len(reply.sections[0].items) == 3
    assert len({reply.citations[i.cite].article_id for i in reply.sections[0].items}) >= 2


@pytest.mark.parametrize("line", ["/summary Kursk 2024", "/summary Kursk 2024 2 lead"])
async def test_summary_a_year_after_the_words_is_searched_not_a_count(ask, line: str) -> None:
    reply = await ask(line)
    text = reply_text(reply)
    assert not reply.error, text
    assert "Kursk 2024" in text and "between 1 and 10" not in text
    assert len(reply.sections[0].items) == (2 if line.endswith("lead") else 3)


@pytest.mark.parametrize(
    ("line", "expect"),
    [
        ("/summary 000_58c49d49d2aa7952 0", "between 1 and 10"),
        ("/summary 000_58c49d49d2aa7952 11", "between 1 and 10"),
        ("/summary deadbeefcafe", "No article has the id"),
        ("/summary 000_0000000000000000", "No article has the id"),
        ("/summary 000_58c49d49d2aa7952 -2", "between 1 and 10"),
        ("/summary zzqxv wibble", "No indexed article matches"),
    ],
)
async def test_summary_bad_input_says_what_is_wrong_and_offers_articles(
    ask, line: str, expect: str
) -> None:
    reply = await ask(line)
    text = reply_text(reply)
    assert reply.error and expect in text and "Try: /summary" in text
    if "No " in expect:
        assert "Closest:" in text and "(id " in text
