"""Search snippets on PostgreSQL: verbatim words around the query terms, cut marks where cut."""

from __future__ import annotations

from bot.store.snippets import snippet

TEXT = (
    "The council met on Monday to discuss the budget. "
    + "Residents asked about parking and bins. " * 20
    + "Later the ministers agreed to evacuate residents of the flooded valley at once. "
    + "Weather services expect more rain. " * 10
)


def test_the_window_holds_the_query_terms_even_when_inflected() -> None:
    shown = snippet(TEXT, ["minister", "evacuation"])
    assert "ministers agreed to evacuate residents" in shown
    assert shown.startswith("… ") and shown.endswith(" …")
    words = shown.strip("… ").split()
    assert len(words) == 24
    assert " ".join(words) in " ".join(TEXT.split())  # verbatim, whitespace aside


def test_the_window_with_most_distinct_terms_wins_over_the_first_match() -> None:
    shown = snippet(TEXT, ["residents", "flooded", "valley"])
    assert "flooded valley" in shown and "residents of the flooded" in shown


def test_no_match_or_a_short_text_shows_the_start_without_marks() -> None:
    assert snippet("Short text here.", ["absent"]) == "Short text here."
    assert snippet(TEXT, ["absent"]).startswith("The council met on Monday")
    assert snippet("", ["x"]) == ""
