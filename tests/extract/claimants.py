"""The claimant the extractor credits a figure with, found by the start of its surface: the
figure claimant tests ask one sentence and one figure at a time."""

from __future__ import annotations

from bot.extract import analyse


def claimant_of(text: str, surface: str) -> str | None:
    found = [f for f in analyse(text).figures if f.surface.startswith(surface)]
    assert found, [f.surface for f in analyse(text).figures]
    return found[0].claimant
