"""/search: ranked articles with highlighted, verbatim snippets."""

from __future__ import annotations

from bot.commands.search import highlights
from tests.conftest import SEEDS


def test_highlights_mark_the_matched_words_and_their_stems() -> None:
    text = "Residents were evacuated as the evacuation of Kursk began."
    spans = highlights(text, "evacuated residents of the")
    assert [text[a:b] for a, b in spans] == ["Residents", "evacuated", "evacuation"]
    assert highlights(text, '"NEAR(*') == ()


async def test_search_reply_snippets_are_verbatim_with_marks(ask) -> None:
    reply = await ask("/search Kursk evacuation")
    assert not reply.error and reply.citations
    texts = [p.read_text() for p in SEEDS]
    for item in reply.sections[0].items:
        assert item.marks, item.text
        for start, end in item.marks:
            assert item.text[start:end].lower().startswith(("kursk", "evacuat"))
        for piece in item.text.split(" … "):
            piece = piece.strip(" …")
            assert any(" ".join(piece.split()) in " ".join(t.split()) for t in texts), piece
