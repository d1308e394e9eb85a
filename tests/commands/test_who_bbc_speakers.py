"""/who said through the real core on BBC articles: an unresolved speaker is printed as
unattributed, never as the person quoted before; a body the article names plainly is named."""

from __future__ import annotations

from pathlib import Path

from bot.model import Reply
from tests.commands.who_replies import ask_over, items

DATA = Path(__file__).parent.parent / "data" / "bbc_speakers.jsonl"


async def _ask(tmp_path: Path, line: str) -> Reply:
    return await ask_over(tmp_path, DATA, line)


async def test_who_said_an_unresolved_she_is_unattributed_not_the_last_speaker(
    tmp_path: Path,
) -> None:
    reply = await _ask(tmp_path, "/who said shamelessly abandoned")
    item = next(i for i in items(reply) if "shamelessly abandoned" in i.text)
    assert item.label == "unattributed"
    galloway = await _ask(tmp_path, "/who said George Galloway")
    assert not any("shamelessly abandoned" in i.text for i in items(galloway))


async def test_who_said_names_the_organisation(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said unremittingly hostile")
    item = next(i for i in items(reply) if "unremittingly hostile" in i.text)
    assert item.label == "Muslim Council of Britain"
    centr = await _ask(tmp_path, "/who said IDN-disabled browsers")
    assert any(i.label == "CENTR" for i in items(centr) if "overly-zealous" in i.text)
