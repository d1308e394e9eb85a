"""One row for a figure that several outlets' copies of one story give: a store of many
outlets holds each event told 2-7 times, and the same "$19 million" from each of them would
fill an editor's first screen with one fact; shown once, with every source, it leaves room
for the story's other figures."""

from __future__ import annotations

from dataclasses import replace

from bot.commands.figure_rank import Scored
from bot.store.base import StoredFigure

CopyKey = tuple[int, float | None, float | None, float | None, str]


def copy_key(sf: StoredFigure) -> CopyKey | None:
    """What makes two figures one fact told twice: the same story (the clusterer's, set at
    ingest) and the same value, range and unit. A bare number ("38", no unit or referent)
    says too little to be the same fact; a figure of no known story is its own."""
    f = sf.figure
    if sf.story_id is None or (f.value is None and f.low is None) or not (f.unit or f.referent):
        return None
    return (sf.story_id, f.value, f.low, f.high, f.unit or f.referent or "")


def merge_copies(scored: list[Scored]) -> list[Scored]:
    """The figures best first with each fact once per story: a figure that another article of
    its story gives, with the same value and unit, ranked above it joins that row as a copy
    (Scored.copies). Two figures of one article are never copies ("5%" twice in one report
    may be two things; two outlets giving a story's 5% are one)."""
    first: dict[CopyKey, int] = {}
    out: list[Scored] = []
    for s in scored:
        key = copy_key(s.figure)
        at = first.get(key) if key is not None else None
        if at is not None:
            row = out[at]
            if all(x.article.id != s.figure.article.id for x in (row.figure, *row.copies)):
                out[at] = replace(row, copies=(*row.copies, s.figure))
                continue
        elif key is not None:
            first[key] = len(out)
        out.append(s)
    return out
