"""Messages that used to mislead: each as a user meets it, through the core or `briefbot ask`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from bot.core import Core
from bot.model import Article, Reply
from tests.conftest import ROOT, reply_text

Ask = Callable[..., Awaitable[Reply]]

# twelve unrelated events, so each is a story of its own
EVENTS = [
    ("Harbour", "The harbour authority closed the northern pier after a cargo crane collapsed."),
    ("Orchard", "Apple growers reported a record cherry harvest across the valley orchards."),
    ("Marathon", "Thousands of runners finished the city marathon despite heavy summer rain."),
    ("Library", "The county library opened a new wing with rare maps and medieval manuscripts."),
    ("Volcano", "Seismologists recorded tremors beneath the volcano and raised the alert level."),
    ("Chess", "A teenage grandmaster won the national chess championship in the final round."),
    ("Bakery", "A family bakery celebrated one hundred years of sourdough bread on Main Street."),
    ("Comet", "Astronomers photographed a bright comet passing close to the planet Jupiter."),
    ("Tramway", "Engineers tested the first electric trams on the rebuilt riverside tramway."),
    ("Glacier", "Climbers found the glacier had retreated two hundred metres since last winter."),
    ("Opera", "The opera house staged a forgotten baroque opera with period instruments."),
    ("Beekeepers", "Beekeepers warned that a parasitic mite threatened hives in the uplands."),
]


async def add_events(core: Core) -> None:
    for i, (title, lead) in enumerate(EVENTS):
        text = f"{lead} Officials said more details would follow on {title.lower()} matters."
        await core.store.add_article(
            Article(
                id=f"event-{i:02d}",
                title=f"{title} news",
                text=text,
                outlet="Local News",
                published=f"2026-12-06T{8 + i % 10:02d}:{i:02d}:00Z",
            )
        )


def cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(db.parent)}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(db), *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.mark.slow
def test_cli_slash_alone_and_a_tab_after_the_command(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert cli(db, "ingest", str(ROOT / "seeds")).returncode == 0
    alone = cli(db, "ask", "/")
    assert "Type a command name after the /" in alone.stdout
    assert "/brief" in alone.stdout and "/help" in alone.stdout
    assert "Unknown command" not in alone.stdout
    tabbed = cli(db, "ask", "/search\tKursk")
    assert "Unknown command" not in tabbed.stdout
    assert "for “Kursk”" in tabbed.stdout
    newline = cli(db, "ask", "/who\nsaid kick the enemy out")
    assert "Vladimir Putin" in newline.stdout


async def test_a_whitespace_joined_command_reaches_its_command(ask: Ask) -> None:
    # the fixture splits at a space only, so the core gets command "search\tKursk"
    text = reply_text(await ask("/search\tKursk"))
    assert "Kursk" in text and "Unknown command" not in text


async def test_summary_names_an_unknown_method_and_lists_the_valid_ones(ask: Ask) -> None:
    wrong = await ask("/summary 004_777959b668a2fcee 3 bogus")
    assert wrong.error
    text = reply_text(wrong)
    assert "Unknown summary method 'bogus'" in text
    for method in ("lead", "lexrank", "textrank", "news"):
        assert method in text
    assert "No indexed article" not in text
    typo = reply_text(await ask("/summary 004_777959b668a2fcee lexrnk"))
    assert "Did you mean lexrank?" in typo
    # search words that end in a number and a word are still searched
    fine = await ask("/summary Kursk incursion 3 lead")
    assert not fine.error


async def test_brief_refuses_an_impossible_date_instead_of_treating_it_as_a_topic(
    ask: Ask,
) -> None:
    reply = await ask("/brief 2020-02-30")
    assert reply.error
    text = reply_text(reply)
    assert "2020-02-30 is not a valid date" in text
    assert "about '2020-02-30'" not in text
    ok = await ask("/brief 2020-02-28")
    assert not ok.error


async def test_articles_past_the_end_says_page_in_the_singular_and_how_to_see_it(
    ask: Ask,
) -> None:
    text = reply_text(await ask("/articles 99"))
    assert "There is only 1 page of articles" in text
    assert "pages" not in text.split("There is only 1 page")[1].split(";")[0]
    assert "/articles" in text


async def test_control_characters_in_who_said_are_stripped_not_read_as_operators(
    ask: Ask,
) -> None:
    pasted = await ask("/who said kick the enemy\x07out\x1b[31m")
    text = reply_text(pasted)
    assert "Vladimir Putin" in text
    assert "operators" not in text
    only_codes = reply_text(await ask("/who said \x1b[2J\x1b]0;title\x07"))
    assert "operators" not in only_codes
    assert "Tell me a phrase" in only_codes


async def test_brief_says_how_many_more_stories_exist_and_pages(core: Core, ask: Ask) -> None:
    await add_events(core)
    first = await ask("/brief 1w")
    assert not first.error
    total = await core.store.story_count(since="2026-11-29")
    assert total >= 12
    assert f"Stories 1–5 of {total}." in first.footer
    assert "/brief 1w page 2 shows the next 5" in first.footer
    second = await ask("/brief 1w page 2")
    assert f"Stories 6–10 of {total}." in second.footer
    headings_1 = {s.heading for s in first.sections}
    headings_2 = {s.heading for s in second.sections}
    assert headings_1 and headings_2 and not headings_1 & headings_2, "page 2 shows other stories"
    last_page = (total + 4) // 5
    last = await ask(f"/brief 1w page {last_page}")
    assert "shows the next" not in last.footer
    past = reply_text(await ask(f"/brief 1w page {last_page + 1}"))
    assert f"There are only {last_page} pages of stories" in past


async def test_help_documents_brief_paging(ask: Ask) -> None:
    assert "[page N]" in reply_text(await ask("/help"))


@pytest.mark.slow
def test_import_into_a_non_empty_sqlite_store_gives_sqlite_advice(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert cli(db, "ingest", str(ROOT / "seeds")).returncode == 0
    dump = tmp_path / "dump.jsonl"
    assert cli(db, "export", "--out", str(dump)).returncode == 0
    again = cli(db, "import", str(dump))
    assert again.returncode != 0
    assert "already has data" in again.stderr
    assert "createdb" not in again.stderr
    assert "--db" in again.stderr and "new" in again.stderr
    fresh = cli(tmp_path / "new.db", "import", str(dump))
    assert fresh.returncode == 0, fresh.stderr
