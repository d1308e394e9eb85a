"""Conflicts: figures that disagree across sources are flagged; changes over time are not."""

from __future__ import annotations

from pathlib import Path

from bot.extract import analyse
from bot.extract.conflicts import Sourced, find_conflicts
from bot.model import Figure

ROOT = Path(__file__).resolve().parents[2]


def sourced(
    surface: str, value: float, unit: str, source: str, sentence: str, **kw: object
) -> Sourced:
    fig = Figure(
        surface=surface,
        start=0,
        end=len(surface),
        value=value,
        unit=unit,
        topic=str(kw.pop("topic", "territory")),
        referent=str(kw.pop("referent", "Kursk region")),
        qualifier=kw.pop("qualifier", None),
    )  # type: ignore[arg-type]
    return Sourced(fig, source, str(kw.pop("published", "")), sentence)


def test_seeds_flag_the_miles_versus_square_miles_claim_and_nothing_else() -> None:
    items = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        analysis = analyse(path.read_text())
        for f in analysis.figures:
            sentence = next(s.text for s in analysis.sentences if s.start <= f.start < s.end)
            items.append(Sourced(f, path.stem, "", sentence))
    conflicts = find_conflicts(items)
    pairs = {(items[c.a].figure.surface, items[c.b].figure.surface, c.kind) for c in conflicts}
    assert pairs == {("roughly 400 miles", "nearly 400 square miles", "unit")}
    assert "mismatch" in conflicts[0].reason


def test_different_values_for_the_same_claim_disagree() -> None:
    a = sourced(
        "about 1,000 square kilometres",
        1000,
        "km2",
        "a",
        "Forces now control about 1,000 square kilometres of the Kursk region.",
        qualifier="approximately",
    )
    b = sourced(
        "250 square kilometres",
        250,
        "km2",
        "b",
        "Forces now control 250 square kilometres of the Kursk region.",
    )
    (c,) = find_conflicts([a, b])
    assert c.kind == "value" and "disagree" in c.reason


def test_same_value_in_other_units_agrees() -> None:
    a = sourced("400 square miles", 400, "mi2", "a", "They hold 400 square miles in Kursk.")
    b = sourced(
        "1,036 square kilometres", 1036, "km2", "b", "They hold 1,036 square kilometres in Kursk."
    )
    assert find_conflicts([a, b]) == []


def test_a_change_over_time_is_not_a_conflict() -> None:
    earlier = sourced(
        "500 square miles", 500, "mi2", "a", "Ukraine seized 500 square miles last summer in Kursk."
    )
    now = sourced(
        "200 square miles", 200, "mi2", "b", "Ukraine now holds 200 square miles in Kursk."
    )
    assert find_conflicts([earlier, now]) == []
    old = sourced(
        "500 square miles",
        500,
        "mi2",
        "a",
        "Ukraine holds 500 square miles in Kursk.",
        published="2024-08-12T00:00:00Z",
    )
    new = sourced(
        "200 square miles",
        200,
        "mi2",
        "b",
        "Ukraine holds 200 square miles in Kursk.",
        published="2025-01-20T00:00:00Z",
    )
    assert find_conflicts([old, new]) == []


def test_different_places_or_one_source_are_not_conflicts() -> None:
    a = sourced(
        "100,000 square kilometres",
        100000,
        "km2",
        "a",
        "Russia controls 100,000 square kilometres of Ukraine.",
        referent="Ukraine",
    )
    b = sourced(
        "1,000 square kilometres",
        1000,
        "km2",
        "b",
        "Ukraine holds 1,000 square kilometres of Kursk.",
        referent="Kursk",
    )
    assert find_conflicts([a, b]) == []
    c = sourced(
        "1,000 square kilometres",
        1000,
        "km2",
        "a",
        "Ukraine holds 1,000 square kilometres of Ukraine.",
        referent="Ukraine",
    )
    assert find_conflicts([a, c]) == []


def _analysed(source: str, sentence: str) -> list[Sourced]:
    return [Sourced(f, source, "", sentence) for f in analyse(sentence).figures]


def test_a_change_is_compared_on_where_it_ended_not_as_a_spread() -> None:
    """ "shrank from 1,300 to 800 square kilometres" says 800 now: an article giving 800 agrees,
    one giving 1,000 (between the change's two ends) disagrees."""
    change = _analysed(
        "a",
        "The area Ukraine holds in Russia's Kursk region shrank from 1,300 square kilometres "
        "to 800 square kilometres, Russian officials said.",
    )
    assert [(f.figure.low, f.figure.high) for f in change] == [(1300, 800)]
    same = _analysed(
        "b",
        "Ukrainian forces now hold 800 square kilometres of Russia's Kursk region, officials said.",
    )
    assert find_conflicts(change + same) == []
    between = _analysed(
        "c",
        "Ukrainian forces now hold 1,000 square kilometres of Russia's Kursk region, officials said.",
    )
    (c,) = find_conflicts(change + between)
    assert c.kind == "value" and "1,000 square kilometres" in c.reason


def test_where_a_change_began_is_no_rival_figure() -> None:
    """ "cut from 50,000 in August to about 30,000": the 50,000 is an earlier moment; an article
    giving about 30,000 now agrees with it."""
    change = _analysed(
        "a",
        "The number of Russian troops in the Kursk region has been cut from 50,000 in August to "
        "about 30,000, officials said.",
    )
    assert [f.figure.value for f in change] == [50000, 30000]
    now = _analysed("b", "About 30,000 Russian troops remain in the Kursk region, officials said.")
    assert find_conflicts(change + now) == []
    other = _analysed(
        "c", "About 10,000 Russian troops remain in the Kursk region, officials said."
    )
    (c,) = find_conflicts(change + other)
    assert "about 30,000" in c.reason and "10,000" in c.reason


def test_where_a_change_began_written_last_is_no_rival_figure() -> None:
    """ "fallen to about 30,000 from 50,000": the 50,000 is where the change began."""
    change = _analysed(
        "a",
        "The number of Russian troops in the Kursk region has fallen to about 30,000 from "
        "50,000, officials said.",
    )
    assert sorted(f.figure.value for f in change) == [30000, 50000]
    now = _analysed("b", "About 30,000 Russian troops remain in the Kursk region, officials said.")
    assert find_conflicts(change + now) == []
