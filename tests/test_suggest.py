"""Autocomplete suggestions from the core: speakers for /who said, topics for /figures."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.core import Core
from bot.suggest import MAX_CHOICES, Suggester


async def test_speakers_match_any_word_of_the_name(core: Core) -> None:
    assert "Putin" in (await core.suggest("speaker", "put"))[0]
    assert "Putin" in (await core.suggest("speaker", "VLAD"))[0]
    zel = await core.suggest("speaker", "zelensk")
    assert len(zel) == 1, "the spellings are one person"
    everyone = await core.suggest("speaker", "")
    assert 1 < len(everyone) <= MAX_CHOICES
    assert await core.suggest("speaker", "qqqzzz") == []


async def test_topics_offer_the_canonical_names(core: Core) -> None:
    assert (await core.suggest("topic", "terr"))[0] == "territory"
    assert (await core.suggest("topic", "cas"))[0] == "casualties"
    everything = await core.suggest("topic", "")
    assert everything[0] == "territory", "the topic with most figures first"
    assert {"money", "prisoners"} <= set(everything)


async def test_hostile_typing_is_harmless(core: Core) -> None:
    for typed in ('"', "NEAR(", "*", "\u202e" * 50, "x" * 5000, "' OR 1=1 --"):
        assert isinstance(await core.suggest("speaker", typed), list)
    with pytest.raises(ValueError):
        await core.suggest("colour", "")


class SlowStore:
    """A store whose speaker list takes `delay` seconds, as a GROUP BY does at 100k articles."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.calls = 0

    async def speakers(self) -> list[tuple[str, str, int]]:
        self.calls += 1
        await asyncio.sleep(self.delay)
        return [("putin", f"Vladimir Putin {self.calls}", 3)]


async def test_a_slow_list_never_holds_up_an_answer_past_the_wait() -> None:
    store = SlowStore(0.3)
    suggester = Suggester(store, wait=0.05)  # type: ignore[arg-type]
    assert await suggester.suggest("speaker", "put") == [], "cold: answered empty, in time"
    await asyncio.sleep(0.4)
    assert await suggester.suggest("speaker", "put") == ["Vladimir Putin 1"]
    suggester._cache["speaker"] = (0.0, ["Vladimir Putin 1"])  # expired
    started = time.monotonic()
    assert await suggester.suggest("speaker", "") == ["Vladimir Putin 1"], "stale, at once"
    assert time.monotonic() - started < 0.1
    await asyncio.sleep(0.4)
    assert await suggester.suggest("speaker", "") == ["Vladimir Putin 2"], "refreshed behind"
    assert store.calls == 2
