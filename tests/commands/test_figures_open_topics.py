"""Issue 19: /figures on any words, over BBC articles (tests/data/bbc_figures_examples.jsonl)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.app import open_core
from bot.core import Core
from bot.ingest.service import ingest_paths
from bot.model import FigureRow, Reply, Request

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "bbc_figures_examples.jsonl"


@pytest.fixture
async def bbc(tmp_path: Path) -> AsyncIterator[Core]:
    async with open_core(tmp_path / "store.db") as core:
        report = await ingest_paths(core.store, [EXAMPLES])
        assert report.new == 10
        yield core


@pytest.fixture
def ask(bbc: Core) -> Callable[[str], Awaitable[Reply]]:
    async def _ask(line: str) -> Reply:
        command, _, args = line.lstrip("/").partition(" ")
        return await bbc.handle(Request(command=command, args=args))

    return _ask


def rows(reply: Reply) -> list[FigureRow]:
    return [row for s in reply.sections for row in s.figures]


def surfaces(reply: Reply, first: int | None = None) -> list[str]:
    return [row.surface for row in rows(reply)][:first]


async def test_oil_finds_the_crude_price_a_barrel(ask) -> None:
    reply = await ask("/figures oil")
    assert not reply.error and reply.title == "Figures about “oil”"
    assert "$53.09 a barrel" in surfaces(reply, 10)


async def test_barrel_puts_the_barrel_price_first(ask) -> None:
    reply = await ask("/figures barrel")
    first = rows(reply)[0]
    assert first.surface == "$53.09 a barrel" and first.normalised.endswith("per barrel")


async def test_house_finds_every_figure_of_the_house_prices_story(ask) -> None:
    reply = await ask("/figures house")
    first = surfaces(reply, 10)
    assert {"48%", "32%"} <= set(first)
    assert "67 properties" in surfaces(reply)
    assert reply.citations[rows(reply)[0].cite].title == "House prices drop as sales slow"


async def test_profits_lists_profits_not_every_sum_of_money(ask) -> None:
    reply = await ask("/figures profits")
    first = rows(reply)[:5]
    assert {"$1.13bn (£600m)", "$639m"} <= {r.surface for r in first}
    for row in first:
        assert "profit" in reply.citations[row.cite].title.lower()
    # the savings article's sums (no profit in them) are not in the first screen
    assert not {"£250", "£500", "£4,745"} & set(surfaces(reply, 10))
    # each row says what it measures (the first screen is grouped by article, not by measure)
    assert all(r.normalised.endswith("· profit") for r in first if r.surface in {"$639m"})


async def test_the_first_screen_is_grouped_by_article_best_article_first(ask) -> None:
    """Issue 19 / h19: which report says what: the first screen lists the best-matching
    articles, each under its title with its best figures; the rest follows grouped by measure."""
    from bot.commands.figures import OTHER_ARTICLES, SCREEN_LINES, first_screen

    reply = await ask("/figures house")
    screen = first_screen(reply)
    assert {"48%", "32%"} <= {r.surface for r in screen}
    # the first screen's sections: an article's title over its own figures, or the articles
    # with one figure each together; a heading and each row taking a line, SCREEN_LINES in all
    lines, left = 0, len(screen)
    for section in reply.sections:
        if not left:
            break
        titles = [reply.citations[r.cite].title for r in section.figures]
        if section.heading == OTHER_ARTICLES:
            on_screen = [reply.citations[r.cite].title for r in screen]
            assert all(on_screen.count(t) == 1 for t in titles)
        else:
            assert set(titles) == {section.heading.split(" · ")[0]}, section.heading
        lines += 1 + min(left, len(section.figures))
        left -= min(left, len(section.figures))
    assert lines <= SCREEN_LINES
    assert reply.sections[0].heading.startswith("House prices drop as sales slow")
    assert rows(reply)[: len(screen)] == screen


async def test_a_film_title_is_no_figure(ask) -> None:
    for line in ("/figures Oscars", "/figures Baby"):
        reply = await ask(line)
        assert not any("Million" in s for s in surfaces(reply)), line
    brief = await ask("/brief Oscars")
    assert not any("Million Dollar" in f.surface for f in brief.sections[0].figures or ())


async def test_one_figure_from_one_sentence_is_listed_once(ask) -> None:
    reply = await ask("/figures interest rates")
    seen = [(r.surface, r.cite and reply.citations[r.cite].start) for r in rows(reply)]
    assert len(seen) == len(set(seen))
    assert surfaces(reply).count("5.25%") == 1


async def test_evacuated_finds_the_evacuation_count(ask) -> None:
    reply = await ask("/figures evacuated")
    assert surfaces(reply, 1) == ["several hundred UK citizens"]


async def test_a_stake_whose_sentence_lacks_the_name_is_found_by_its_article(ask) -> None:
    reply = await ask("/figures Glazer")
    # "They own 29% of United": no Glazer in the sentence, but in its paragraph
    near = [r.surface for s in reply.sections if "elsewhere" not in s.heading for r in s.figures]
    assert "29%" in near


async def test_claimant_is_never_a_fragment(ask) -> None:
    reply = await ask("/figures SEC")
    claimants = {r.surface: r.claimant for r in rows(reply)}
    # "The company" is the one the article named as "US media giant TimeWarner" (stop 25)
    assert claimants["$500m"] == "TimeWarner"
    assert "review" not in claimants["$300m"]


async def test_nothing_about_the_words_says_so_with_an_example(ask) -> None:
    reply = await ask("/figures zeppelins")
    assert reply.error
    text = " ".join(s.text for s in reply.sections)
    assert "No figures found about “zeppelins”" in text and "/figures " in text


async def test_a_measure_named_lists_its_figures(ask) -> None:
    reply = await ask("/figures money")
    assert not reply.error
    assert {"$53.09 a barrel", "$1.13bn (£600m)"} <= set(surfaces(reply))


def test_words_of_letters_and_digits_match_as_the_search_index_cuts_them() -> None:
    """ "60m", "3G": the store's search finds them as one word, so the ranking must too
    (it used to split "60m" into "60" and "m" and miss /figures 60m personal best)."""
    from bot.commands.figure_rank import query_stems, stems

    sentence = "She ran the fastest women's 60m in the world, a personal best on 3G-era timing."
    assert set(query_stems("60m personal best 3G")) <= stems(sentence)


async def test_a_sum_and_its_conversion_in_brackets_are_one_row(ask) -> None:
    """ "$1.13bn (£600m)" is one figure in two currencies: listed once, citing both."""
    reply = await ask("/figures TimeWarner profits")
    shown = surfaces(reply)
    assert "$1.13bn (£600m)" in shown
    assert "£600m" not in shown and "$1.13bn" not in shown
    row = rows(reply)[shown.index("$1.13bn (£600m)")]
    c = reply.citations[row.cite]
    assert c.end - c.start == len("$1.13bn (£600m)")


def test_among_equal_figures_the_one_beside_the_words_comes_first() -> None:
    """Within one sentence every figure matches the words alike; the nearer one is about them."""
    from bot.commands.figure_rank import nearness, query_stems

    s = "House prices were 11.8% higher on the year in the last quarter, down from 16.3% before."
    q = query_stems("house prices")
    near = nearness(q, s, s.index("11.8%"), s.index("11.8%") + 5)
    far = nearness(q, s, s.index("16.3%"), s.index("16.3%") + 5)
    assert near > 0.5 > far


async def test_ages_and_durations_read_as_written_not_as_day_counts(ask) -> None:
    """ "at age 18" is an age, "six years" a duration: an editor reads neither as a day count
    ("18 = 6,574 day"); a spelled-out number still gets its digits."""
    by_surface = {r.surface: r.normalised for r in rows(await ask("/figures gifts"))}
    assert by_surface["18"] == "18 years old"
    assert by_surface["more than ten years"] == "10 years"
    actress = {r.surface: r.normalised for r in rows(await ask("/figures best actress"))}
    assert actress["six years"] == "6 years" and actress["20 years"] == "20 years"
    times = rows(await ask("/figures time"))
    assert {r.normalised for r in times if r.surface == "two days"} == {"2 days"}
    assert not any(r.normalised.endswith(" day") for r in times)
