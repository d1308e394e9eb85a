"""/who said through the real core on BBC-shaped articles whose speaker is written with a
word that also labels something else: a surname that is a month or a weekday ("May said:",
"'...,' May wrote", for Brian May), and a party word before a role before a name ("Tory
co-chairman Liam Fox ... he told"). The person the article names is the speaker; the party
is never one, and where nobody but a party-labelled group is there, the quote is
unattributed."""

from __future__ import annotations

import json
from pathlib import Path

from bot.app import ingest_sources, open_core
from bot.model import Reply, Request

ARTICLES = {
    "entertainment/930": (
        "Queen to tour with new singer\n\n"
        "The band are to tour next year with singer Paul Rodgers.\n\n"
        "Guitarist Brian May has said he expects to be on the road from April. May said: "
        '"Suddenly the band is rising again from the ashes." Queen have played with many '
        "singers since 1991.\n\n"
        '"We were both so amazed at the chemistry that was going on," May wrote on his '
        "website. They teamed up again for a concert in May.\n"
    ),
    "entertainment/931": (
        "Tour plans for rock band\n\n"
        "The band meets in May to plan a tour with guitarist Brian May and Roger May.\n\n"
        'May said: "We will decide on the dates soon."\n'
    ),
    "politics/932": (
        "Tories gather for spring forum\n\n"
        "Tory delegates are gathering for their last conference before the election, "
        'declaring Britain needs "a change at the top of government".\n\n'
        "Tory co-chairman Liam Fox has opened proceedings with a speech. Labour's rule has "
        'been characterised by "lost trust and failure to deliver", he told the Brighton '
        "conference.\n"
    ),
}


async def _ask(tmp_path: Path, line: str) -> Reply:
    data = tmp_path / "bbc_labels.jsonl"
    if not data.exists():
        rows = [{"id": k, "title": v.split("\n")[0], "text": v} for k, v in ARTICLES.items()]
        data.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf8")
    async with open_core(tmp_path / "store.db") as core:
        if not await core.store.article_count():
            await ingest_sources(core, [str(data)])
        command, _, args = line.lstrip("/").partition(" ")
        return await core.handle(Request(command=command, args=args))


def _label(reply: Reply, words: str) -> str:
    items = [item for s in reply.sections for item in (*s.quotes, *s.items)]
    return next(i.label for i in items if words in i.text)


async def test_a_month_before_said_is_the_one_person_bearing_it_as_a_surname(
    tmp_path: Path,
) -> None:
    reply = await _ask(tmp_path, "/who said rising again from the ashes")
    assert _label(reply, "rising again from the ashes") == "Brian May"


async def test_a_month_before_a_cue_after_the_quote_is_that_person(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said amazed at the chemistry")
    assert _label(reply, "amazed at the chemistry") == "Brian May"


async def test_a_month_two_people_bear_as_a_surname_is_unattributed(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said decide on the dates")
    assert _label(reply, "decide on the dates") == "unattributed"


async def test_a_party_word_before_a_role_and_a_name_is_no_speaker(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said failure to deliver")
    assert _label(reply, "failure to deliver") == "Liam Fox"


async def test_a_party_labelled_group_is_no_named_speaker(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said a change at the top of government")
    assert _label(reply, "a change at the top of government") == "unattributed"
