"""/search and /brief match the words asked for, not other words with the same stem.

The index stems 'Federer', 'federal' and 'Federation' alike; a user asking about Federer
must get neither the Federal Reserve nor the Police Federation.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import open_core
from bot.core import Core
from bot.model import Article, Reply, Request
from tests.conftest import reply_text

DAY = "2026-07-10T09:00:00Z"
TENNIS = [
    (
        "fed1",
        "Federer wins eighth Wimbledon title",
        "Roger Federer won his eighth Wimbledon title on Sunday, beating Marin Cilic in "
        "straight sets on Centre Court. Federer, who is 35, did not drop a set in the whole "
        "tournament. Cilic struggled with a blister on his foot. The Swiss player wept as he "
        "lifted the trophy in front of his twin daughters. Federer said he hoped to return "
        "to Wimbledon next year to defend the title.",
    ),
    (
        "fed2",
        "Roger Federer takes record Wimbledon crown",
        "Roger Federer became the first man to win eight Wimbledon singles titles, beating "
        "Marin Cilic 6-3, 6-1, 6-4 at the All England Club. Federer said the win meant more "
        "than he could say. Cilic, hampered by a blister, cried during the second set. "
        "Federer, the Swiss champion, has now won nineteen Grand Slam titles in his career.",
    ),
]
OTHERS = [
    (
        "fr1",
        "Federal Reserve raises interest rates",
        "The Federal Reserve raised its benchmark interest rate by a quarter point on "
        "Wednesday, citing a strong labour market. Federal Reserve officials expect one more "
        "rise this year. Investors had priced in the move, and bond yields barely changed. "
        "The central bank said inflation remained below its target of two percent.",
    ),
    (
        "pf1",
        "Police Federation warns on officer numbers",
        "The Police Federation said on Tuesday that forces in England and Wales had lost "
        "twenty thousand officers since 2010. The federation chairman warned that response "
        "times were rising in rural counties. The Home Office said recruitment was under "
        "way and that budgets for constabularies would rise next year.",
    ),
    (
        "fb1",
        "Congress passes federal budget deal",
        "Congress passed a federal budget deal late on Thursday, averting a government "
        "shutdown. The federal spending plan raises military funding and keeps money for "
        "disaster relief. Senators voted seventy to thirty after weeks of talks, and the "
        "president is expected to sign the bill on Friday.",
    ),
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with open_core(tmp_path / "topic.db") as c:
        for aid, title, text in TENNIS + OTHERS:
            await c.store.add_article(
                Article(id=aid, title=title, text=text, outlet="Wire", published=DAY)
            )
        yield c


async def _ask(core: Core, line: str) -> Reply:
    command, _, args = line.lstrip("/").partition(" ")
    return await core.handle(Request(command=command, args=args))


async def test_search_federer_finds_federer_not_federal_or_federation(core: Core) -> None:
    reply = await _ask(core, "/search Federer")
    assert not reply.error
    titles = [item.label for item in reply.sections[0].items]
    assert sorted(titles) == sorted(t for _, t, _ in TENNIS), titles


async def test_search_federal_still_finds_federal_articles(core: Core) -> None:
    reply = await _ask(core, "/search federal")
    titles = {item.label for item in reply.sections[0].items}
    assert titles == {
        "Federal Reserve raises interest rates",
        "Congress passes federal budget deal",
    }


async def test_search_with_an_inflected_word_still_matches_other_forms(core: Core) -> None:
    reply = await _ask(core, "/search raising rates")
    titles = {item.label for item in reply.sections[0].items}
    assert "Federal Reserve raises interest rates" in titles


async def test_brief_federer_holds_only_the_tennis_story(core: Core) -> None:
    reply = await _ask(core, "/brief Federer 2026-07-09")
    assert not reply.error
    text = reply_text(reply)
    assert "Federer" in text
    for _, title, _ in OTHERS:
        assert title not in text
    assert "interest rate" not in text and "officers" not in text and "budget" not in text
    assert len(reply.sections) == 1


async def test_brief_on_a_word_the_story_only_mentions_in_passing_says_nothing_new(
    core: Core,
) -> None:
    reply = await _ask(core, "/brief trophy 2026-07-09")
    assert "Nothing new about 'trophy'" in reply_text(reply)


@pytest.mark.slow
async def test_postgres_search_and_brief_match_words_not_stems(pg_url: str) -> None:
    async with open_core(pg_url) as c:
        for aid, title, text in TENNIS + OTHERS:
            await c.store.add_article(
                Article(id=aid, title=title, text=text, outlet="Wire", published=DAY)
            )
        reply = await _ask(c, "/search Federer")
        assert sorted(i.label for i in reply.sections[0].items) == sorted(t for _, t, _ in TENNIS)
        brief = reply_text(await _ask(c, "/brief Federer 2026-07-09"))
        assert all(title not in brief for _, title, _ in OTHERS)
        assert "Federer" in brief
