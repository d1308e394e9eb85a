"""/figures through the real core and the CLI, on the five seeds."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import SEEDS, reply_text


def _norm(s: str) -> str:
    return " ".join(s.replace("\u2019", "'").lower().split())


async def test_territory_lists_the_key_figures_with_claimants_and_flags_the_conflict(
    ask, gold
) -> None:
    reply = await ask("/figures territory")
    assert not reply.error
    text = _norm(reply_text(reply))
    for entry in gold["figures_territory_must_include"]:
        assert _norm(entry.split(":", 1)[1]) in text
    for bad in gold["figures_territory_must_not_include"]:
        assert _norm(bad) not in text
    assert reply.sections[0].heading.startswith("Conflicts")
    flagged = {row.surface for row in reply.sections[0].figures}
    assert flagged == {"roughly 400 miles", "nearly 400 square miles"}
    assert all("mismatch" in row.conflict for row in reply.sections[0].figures)
    rows = [row for s in reply.sections for row in s.figures]
    by_surface = {row.surface: row for row in rows}
    assert by_surface["at least 28 settlements"].claimant == "Aleksey Smirnov"
    assert "km2" in by_surface["nearly 400 square miles"].normalised
    for row in rows:
        cite = reply.citations[row.cite]
        assert cite.article_id and cite.start is not None


async def test_the_conflicts_open_the_first_screen_and_share_its_lines(ask) -> None:
    """The conflict is seen first; the articles' best figures fill the rest of the screen, the
    citations numbered down the reply as shown."""
    from bot.commands.figures import SCREEN_LINES, first_screen

    reply = await ask("/figures territory")
    screen = first_screen(reply)
    conflicts = reply.sections[0]
    assert screen[: len(conflicts.figures)] == list(conflicts.figures)
    headings = 0
    left = len(screen)
    for section in reply.sections:
        if left <= 0:
            break
        headings += 1
        left -= len(section.figures)
    assert len(screen) > len(conflicts.figures) and len(screen) + headings <= SCREEN_LINES
    shown = [c for s in reply.sections for row in s.figures for c in (row.cite, *row.also)]
    assert shown == sorted(shown) == list(range(len(shown)))


async def test_a_row_under_its_articles_heading_does_not_name_the_article_again(ask) -> None:
    """Under an article's own heading an unsourced figure says so plainly; in the shared
    'other articles' group the row still names its article."""
    from bot.commands.figures import OTHER_ARTICLES

    reply = await ask("/figures territory")
    article_groups = [s for s in reply.sections[1:] if s.figures and s.heading != OTHER_ARTICLES]
    unsourced = [
        (s, row) for s in article_groups for row in s.figures if "no source named" in row.claimant
    ]
    assert unsourced, "the seeds give unsourced figures under an article heading"
    for section, row in unsourced:
        if section.heading.endswith("(more)") or "(elsewhere" in section.heading:
            continue
        if section.heading.endswith(" sources"):  # a story several outlets tell: say which
            assert row.claimant.startswith(row.source.split("; also")[0][:20])
            continue
        assert row.claimant == "no source named", (section.heading, row.claimant)
    others = [s for s in reply.sections if s.heading == OTHER_ARTICLES]
    for row in (r for s in others for r in s.figures if "no source named" in r.claimant):
        assert row.claimant != "no source named" and row.claimant.startswith(row.source[:20])


async def test_any_word_for_a_topic_works(ask) -> None:
    land = await ask("/figures land")
    killed = await ask("/figures killed")
    assert land.title == "Figures: territory"
    assert killed.title == "Figures: casualties"
    surfaces = {row.surface for s in killed.sections for row in s.figures}
    assert "about 340 Ukrainian soldiers" in surfaces and "117 drones" not in surfaces


async def test_search_words_find_figures_by_their_sentence(ask) -> None:
    reply = await ask("/figures drones Moscow")
    surfaces = [row.surface for s in reply.sections for row in s.figures]
    assert surfaces[0] == "117 drones"  # the sentence has both words: first
    assert "about 340 Ukrainian soldiers" not in surfaces  # another facet: not a weapon


async def test_no_topic_lists_the_topics_that_have_figures(ask) -> None:
    reply = await ask("/figures")
    text = reply_text(reply)
    assert "territory" in text and "casualties" in text and "Try: /figures territory" in text


async def test_unknown_topic_says_so_and_suggests_the_nearest(ask) -> None:
    reply = await ask("/figures terrytory")
    text = reply_text(reply)
    assert reply.error
    assert "No figures found about" in text and "Nearest topics: territory" in text


def test_cli_ask_json(run: Callable[..., subprocess.CompletedProcess], tmp_path: Path) -> None:
    """The `run` fixture: a subprocess (slow tier) and in process (fast tier)."""
    db = str(tmp_path / "store.db")
    assert run("--db", db, "ingest", *map(str, SEEDS)).returncode == 0
    out = run("--db", db, "ask", "--json", "/figures territory")
    data = json.loads(out.stdout)
    rows = [row for s in data["sections"] for row in s["figures"]]
    assert any(row["surface"] == "as deep as 7.5 miles" for row in rows)
    assert any("mismatch" in row["conflict"] for row in rows)
