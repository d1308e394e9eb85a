"""Autocomplete suggestions from the core: speakers for /who said, topics for /figures."""

from __future__ import annotations

import pytest

from bot.core import Core
from bot.suggest import MAX_CHOICES


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
