"""Issue 18 through the real core: /who said on BBC articles and on namesakes across articles."""

from __future__ import annotations

import json
from pathlib import Path

from bot.model import Reply
from tests.commands.who_replies import ask_over, items

DATA = Path(__file__).parent.parent / "data" / "bbc_issue18.jsonl"

NAMESAKES = [
    {
        "id": "floods-1",
        "title": "River levels fall in Carlisle",
        "text": "River levels in Carlisle fell on Sunday.\n\n"
        '"The worst is over for now," said Environment Agency\'s Sarah Jones.\n\n'
        '"We will keep the pumps running all week," Ms Jones added.\n',
    },
    {
        "id": "floods-2",
        "title": "Pumps stay on",
        "text": "Emergency pumps stayed on in the city centre overnight as engineers checked "
        "the flood defences along the Eden and Petteril rivers.\n\n"
        '"Nobody should go back home yet," Sarah Jones said on Monday morning.\n',
    },
    {
        "id": "music-1",
        "title": "Singer plays Cardiff",
        "text": "The veteran singer played a sold-out arena show in the Welsh capital on "
        "Friday night, his first home concert in six years.\n\n"
        '"Wales has always been good to me," said Tom Jones.\n',
    },
]


async def _ask(tmp_path: Path, line: str) -> Reply:
    corpus = tmp_path / "articles.jsonl"
    if not corpus.exists():
        with corpus.open("w", encoding="utf8") as f:
            f.write(DATA.read_text(encoding="utf8"))
            for doc in NAMESAKES:
                f.write(json.dumps(doc) + "\n")
    return await ask_over(tmp_path, corpus, line)


async def test_will_argue_is_not_blairs_and_is_marked_not_yet_said(tmp_path: Path) -> None:
    blair = await _ask(tmp_path, "/who said Tony Blair")
    assert not any("family against family" in i.text for i in items(blair))
    reply = await _ask(tmp_path, "/who said It sets family against family")
    first = items(reply)[0]
    assert "family against family" in first.text
    assert first.label.startswith("Michael Howard") and "not yet said" in first.label


async def test_narrative_between_quotes_is_never_listed(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said Ferguson")
    texts = [i.text for i in items(reply)]
    assert texts and not any("United went ahead" in t for t in texts)
    assert all(i.label == "Alex Ferguson" for i in items(reply))


async def test_one_person_across_spellings_and_namesakes_kept_apart(tmp_path: Path) -> None:
    sarah = await _ask(tmp_path, "/who said Sarah Jones")
    labels = {i.label for i in items(sarah)}
    texts = " ".join(i.text for i in items(sarah))
    assert labels == {"Sarah Jones"}
    assert "worst is over" in texts and "Nobody should go back" in texts
    assert "Wales has always" not in texts
    both = await _ask(tmp_path, "/who said Jones")
    assert {i.label for i in items(both)} == {"Sarah Jones", "Tom Jones"}


async def test_reported_speech_fragments_are_not_listed(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said U2")
    for item in items(reply):
        assert not item.label.startswith("unattributed (reported speech)")
