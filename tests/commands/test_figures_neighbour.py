"""/figures: a figure whose own sentence lacks the words but whose neighbour names them."""

from __future__ import annotations

import json
from pathlib import Path

from bot.app import open_core
from bot.commands.figure_rank import neighbour_coverage
from bot.ingest.service import ingest_paths
from bot.model import Request

TEXT = (
    "The council spent £3m on roads last year. It has also set aside £11 billion or "
    "thereabouts. That is the size of the black hole in its budget, critics say.\n\n"
    "Elsewhere, 40 new staff were hired to run the libraries."
)


def test_neighbour_coverage_counts_the_sentences_beside_in_the_same_paragraph() -> None:
    starts, cover = neighbour_coverage(TEXT, "black hole")
    assert len(starts) == 4
    # the £3m sentence is two away from "black hole"; the £11 billion one is right before it;
    # the staff sentence is in the next paragraph
    assert cover == [0.0, 1.0, 1.0, 0.0]


async def test_the_figure_beside_the_words_comes_before_the_rest_of_its_article(
    tmp_path: Path,
) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "x/1", "title": "Council accounts", "text": TEXT}) + "\n")
    async with open_core(tmp_path / "store.db") as core:
        await ingest_paths(core.store, [src])
        reply = await core.handle(Request(command="figures", args="black hole"))
    shown = [row.surface for s in reply.sections for row in s.figures]
    assert not reply.error
    assert shown.index("£11 billion") < shown.index("£3m")
