"""Issue 19, stop 36 (units_tune2): decades of life and of degrees narrowed by early/mid/late,
ages shared by a list or a pair, a negative "feels like", and a page's own acronym that is also
a currency code. Real sentences in, what /figures reads out."""

from __future__ import annotations

import pytest

from bot.extract.figures import extract_figures


def _ranges(text: str) -> dict[str, tuple[float | None, float | None, str | None]]:
    return {f.surface: (f.low, f.high, f.unit) for f in extract_figures(text)}


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit"),
    [
        ("Most of the victims were in their early 20s.", "early 20s", 20, 23, "year"),
        ("He is in his late 40s.", "late 40s", 47, 49, "year"),
        ("an armed male in his early 30s entered the airport", "early 30s", 30, 33, "year"),
        ("the woman, in her ninties, was unhurt.", "ninties", 90, 99, "year"),
        ("The suspect is in his late teens or early twenties.", "early twenties", 20, 23, "year"),
        ("The suspect is in his late teens or early twenties.", "late teens", 17, 19, "year"),
        ("Highs in the mid-70s are expected across Georgia.", "mid-70s", 74, 76, "deg"),
        ("The mercury climbed into the high 90s in Texas.", "high 90s", 97, 99, "deg"),
        ("Temperatures will reach the mid-twenties by Thursday.", "mid-twenties", 24, 26, "deg"),
        (
            "Temperatures in the upper 30s (Celsius) are forecast for Seville.",
            "upper 30s (Celsius)", 37, 39, "degC",
        ),
    ],
)  # fmt: skip
def test_a_part_of_a_decade_is_a_range(
    text: str, surface: str, low: float, high: float, unit: str
) -> None:
    assert _ranges(text)[surface] == (low, high, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Shares traded in the low 20s all week.",
        "the hottest summer since the 80s",
        "House prices rose in the mid-1990s during a heatwave.",
    ],
)
def test_decades_outside_a_sentence_about_temperature_are_no_degrees(text: str) -> None:
    assert all(f.unit not in ("deg", "degC", "degF") for f in extract_figures(text))


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The 16 and 17 year olds will be able to vote.", "16", 16, "year"),
        ("the 12, 13 and 14-year-olds were sent home", "12", 12, "year"),
        ("the pair, both 17, were released on bail.", "17", 17, "year"),
        ("the average age of a first-time buyer is now 34.", "34", 34, "year"),
        ("It felt like -12 with the wind chill, said the Met Office.", "-12", -12, "deg"),
    ],
)
def test_ages_and_degrees_given_once_for_several(
    text: str, surface: str, value: float, unit: str
) -> None:
    got = {f.surface: (f.value, f.unit) for f in extract_figures(text)}
    assert got[surface] == (value, unit), got


def test_a_count_before_years_is_no_list_of_ages() -> None:
    got = {f.surface: f.unit for f in extract_figures("The average price is now 34.")}
    assert got == {"34": None}


def test_an_acronym_the_page_defines_is_no_currency() -> None:
    page = "Save Our Seas (SOS) said it had 20 SOS on the beach."
    assert all(f.unit != "SOS" for f in extract_figures(page))
    assert [f.unit for f in extract_figures("He paid 5,000 SOS for a goat in Mogadishu.")] == [
        "SOS"
    ]


@pytest.mark.parametrize(
    ("text", "surface", "value", "qualifier"),
    [
        ("Under-18s will not be admitted to the festival.", "Under-18s", 18, "less than"),
        ("a £7,000 allowance for the over-65s.", "over-65s", 65, "more than"),
        ("It is estimated that 53% of over 65s own a mobile.", "over 65s", 65, "more than"),
    ],
)
def test_people_named_by_an_age_limit(
    text: str, surface: str, value: float, qualifier: str
) -> None:
    got = {f.surface: (f.value, f.unit, f.qualifier) for f in extract_figures(text)}
    assert got[surface] == (value, "year", qualifier), got


@pytest.mark.parametrize(
    "text",
    [
        "England Under-21s lost 2-0 in Bratislava.",
        "he played for Wales' under-20s last year.",
        "He made his under-19s debut in May.",
    ],
)
def test_a_team_named_by_an_age_limit_gives_no_age(text: str) -> None:
    assert all(f.unit != "year" for f in extract_figures(text))
