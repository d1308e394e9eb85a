"""Figures extraction: number grammar, units, qualifiers, non-figures, topics, claimants, seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.extract import analyse
from bot.extract.figures import extract_figures
from bot.extract.topics import nearest_topics, resolve_topic
from bot.model import Figure, Quote

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text())


def only(text: str) -> Figure:
    figs = extract_figures(text)
    assert len(figs) == 1, [f.surface for f in figs]
    return figs[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("Troops seized roughly 400 miles of the region.", 400, "mi", "approximately"),
        ("They hold nearly 400 square miles in the region.", 400, "mi2", "nearly"),
        ("Russia controls over 100,000 square kilometers of land.", 100000, "km2", "more than"),
        ("They operate as deep as 7.5 miles into Russia.", 7.5, "mi", "up to"),
        ("The deal is worth $1.5bn in total.", 1.5e9, "USD", None),
        ("It sold 2m copies in a week.", 2e6, "copies", None),
        ("The firm has 40k employees.", 40000, "employees", None),
        ("The loan was 1.2 million euros.", 1.2e6, "EUR", None),
        ("There were 4 hundred million people.", 4e8, "people", None),
        ("They captured more than 100 Russian servicemen.", 100, "servicemen", "more than"),
        ("Turnout fell to just under 20 percent.", 20, "percent", "less than"),
        ("Fewer than 3,000 people voted.", 3000, "people", "less than"),
        ("At least 28 settlements were captured.", 28, "settlements", "at least"),
        ("The skeleton is 37m long.", 37, "m", None),
        ("The stock closed at RM23.50 on Friday.", 23.5, "MYR", None),
        ("Up to 400 jobs will be created.", 400, "jobs", "up to"),
        ("The frigid air can dip to minus-130 degrees Fahrenheit.", -130, "degF", None),
        ("A third of the population lives here.", 1 / 3, "population", None),
        ("Twenty-five people were hurt.", 25, "people", None),
        ("It has averaged a profit of $3 a share.", 3, "dollar per share", None),
    ],
)
def test_values_units_and_qualifiers(
    text: str, value: float, unit: str, qualifier: str | None
) -> None:
    f = only(text)
    assert f.value == pytest.approx(value)
    assert f.unit == unit
    assert f.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("They advanced one to two kilometers today.", 1, 2, "km"),
        ("Troops had advanced 1-2 km further.", 1, 2, "km"),
        ("He was travelling at 15-22 mph.", 15, 22, "mph"),
        ("The price is between $48,000 and $90,000.", 48000, 90000, "USD"),
        ("The project will cost $10 to $15 billion.", 10e9, 15e9, "USD"),
        ("There are 1 to 2 thousand people.", 1000, 2000, "people"),
        ("Over the past three or four years, rates fell.", 3, 4, "year"),
        ("Growth will slow from 4.8 to 4.7 percent.", 4.8, 4.7, "percent"),  # start, end
        ("Dozens of people were killed.", 12, 120, "people"),
        ("Ukraine occupied several tens of square kilometers.", 30, 90, "km2"),
        ("Kyiv kept tens of thousands of troops there.", 1e4, 1e5, "troops"),
    ],
)
def test_ranges_and_vague_magnitudes(text: str, low: float, high: float, unit: str) -> None:
    f = only(text)
    assert f.value is None
    assert (f.low, f.high) == (pytest.approx(low), pytest.approx(high))
    assert f.unit == unit


def test_change_and_level_are_two_figures() -> None:
    figs = extract_figures("Revenue increased by $43.6 billion to $419.2 billion.")
    assert [f.value for f in figs] == [43.6e9, 419.2e9]


def test_conversions_in_brackets_are_separate_figures_sharing_the_qualifier() -> None:
    figs = extract_figures("The engine makes just under 296 hp (224 kW / 300 PS).")
    assert [(f.value, f.unit, f.qualifier) for f in figs] == [
        (296, "hp", "less than"),
        (224, "kW", "less than"),
        (300, "PS", "less than"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The war began in February 2022.",
        "Putin condemned the attack that began on Aug. 6.",
        "Bitcoin fell at 10.45pm last night.",
        "The meeting starts at 5:00 AM PDT.",
        "Ukraine wants more F-16 jets and Su-34 bombers were hit.",
        "The HIMARS M142 launcher arrived.",
        "It was the largest attack since the Second World War.",
        "He finished 22nd in the race in the 1990s.",
        "Call 020 7946 0018 for details.",
        "The iPhone 11 Pro was launched in Game 7.",
        "The category 4 hurricane made landfall.",
        "See article 000_58c49d49d2aa7952 for more.",
    ],
)
def test_not_figures(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Troops seized 400 square miles of land.", "territory"),
        ("Forces advanced 5 km into the region.", "territory"),
        ("The debris field stretched for 7 miles.", "distance"),
        ("A missile strike killed 13 people on Monday.", "casualties"),
        ("About 340 soldiers were killed and wounded.", "casualties"),
        ("They captured 100 Russian soldiers.", "prisoners"),
        ("Over 76,000 people have been evacuated.", "evacuations"),
        ("Kyiv sent over 1,000 troops to the border.", "troops"),
        ("Moscow said it shot down 117 drones.", "weapons"),
        ("The aid package is worth $61 billion.", "money"),
        ("The plant produces 950 megawatts.", "energy"),
        ("Inflation rose to 3.2%.", "share"),
        ("The fighting lasted six days.", "time"),
    ],
)
def test_topic(text: str, topic: str) -> None:
    assert only(text).topic == topic


def test_claimant_from_reporting_verbs_and_according_to() -> None:
    text = (
        "Ukraine has sent over 1,000 troops to Kursk, Russia’s top general estimated, but U.S. "
        "officials told reporters the number was likely several thousand. "
        "Over 76,000 people were evacuated, according to the TASS news agency. "
        "RIA Novosti, the state news agency, said about 340 soldiers were killed. "
        "Injuries were reported after a strike injuring 13 people."
    )
    got = {f.surface: f.claimant for f in extract_figures(text)}
    assert got["over 1,000 troops"] == "Russia’s top general"
    assert got["several thousand"] == "U.S. officials"
    assert got["Over 76,000 people"] == "the TASS news agency"
    assert got["about 340 soldiers"] == "RIA Novosti"
    assert got["13 people"] is None


def test_claimant_of_a_figure_inside_a_quote_is_its_speaker() -> None:
    text = "“We have captured more than 100 Russian servicemen,” the president said."
    quote = Quote(text=text[1:49], speaker="Volodymyr Zelenskyy", kind="direct", start=1, end=49)
    (f,) = extract_figures(text, quotes=[quote])
    assert f.claimant == "Volodymyr Zelenskyy"


def test_base_values_are_in_square_kilometres_and_kilometres() -> None:
    area, length = extract_figures("They hold 400 square miles and advanced 7.5 miles.")
    assert (area.base_unit, round(area.base_value or 0)) == ("km2", 1036)
    assert (length.base_unit, round(length.base_value or 0, 2)) == ("km", 12.07)


def test_offsets_point_at_the_surface() -> None:
    text = "Officials said roughly 400 miles were seized, and 2,000 people fled."
    for f in extract_figures(text):
        assert text[f.start : f.end] == f.surface


def test_topic_words_resolve_and_unknown_words_get_suggestions() -> None:
    assert resolve_topic("land") == resolve_topic("Territory") == "territory"
    assert resolve_topic("killed") == resolve_topic("dead") == "casualties"
    assert resolve_topic("drones") == "weapons"
    assert resolve_topic("xylophone") is None
    assert nearest_topics("terrytory")[0] == "territory"


def _qualifier(gold: str | None) -> str | None:
    return {"approximately": "approximately"}.get(gold or "", gold)


@pytest.mark.parametrize(
    "expected", GOLD["figures"], ids=lambda g: f"{g['article'][:3]}:{g['surface']}"
)
def test_seed_figures_match_the_answer_key(expected: dict) -> None:
    text = (ROOT / "seeds" / f"{expected['article']}.txt").read_text()
    figs = [
        f
        for f in analyse(text).figures
        if expected["surface"] in f.surface or f.surface in expected["surface"]
    ]
    assert figs, f"missed {expected['surface']!r}"
    f = figs[0]
    want = expected["value"]
    if isinstance(want, list):
        assert (f.low, f.high) == tuple(want)
    elif isinstance(want, (int, float)):
        assert f.value == want
    else:
        assert f.qualifier == "vague" and f.low is not None and f.high is not None
    gold_unit = expected["unit"]
    assert f.unit == gold_unit or (f.unit or "").lower() == gold_unit.split()[-1].lower()
    if expected.get("qualifier") and expected["qualifier"] != "vague":
        assert f.qualifier == _qualifier(expected["qualifier"])
    assert f.topic == expected["topic"]
    if expected.get("claimant"):
        names = [expected["claimant"], *GOLD["speakers"].get(expected["claimant"], [])]
        assert f.claimant and any(n.split()[-1][:6] in f.claimant for n in names), f.claimant
    else:
        assert f.claimant is None
