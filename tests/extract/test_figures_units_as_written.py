"""Issue 19, stop 36: units as news and the web write them, lower-cased and misspelt: misspelt
scale words and currencies, "lakh crore", temperatures glued in lower case, below zero, and a
bare number a weather sentence gives as degrees. Real sentences in, what /figures reads out."""

from __future__ import annotations

import pytest

from bot.extract.figures import extract_figures


def _read(text: str) -> dict[str, tuple[float | None, str | None]]:
    return {f.surface: (f.value, f.unit) for f in extract_figures(text)}


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("the museum received a donation of 5 millon yen.", "5 millon yen", 5e6, "JPY"),
        ("the new stadium will cost 1.2 bilion pounds.", "1.2 bilion pounds", 1.2e9, "GBP"),
        ("the council has set aside 2.5 million dollers.", "2.5 million dollers", 2.5e6, "USD"),
        ("in mexico city the museum ticket was 350 pessos.", "350 pessos", 350, "MXN"),
        ("gazprom reported a loss of 629 billion roubels.", "629 billion roubels", 6.29e11, "RUB"),
        ("India's GDP is roughly ₹307 lakh crore.", "roughly ₹307 lakh crore", 3.07e14, "INR"),
        ("siberia saw 38 degress in verkhoyansk.", "38 degress", 38, "deg"),
        ("highs near 100 degrees farenhiet.", "100 degrees farenhiet", 100, "degF"),
    ],
)
def test_misspelt_scales_and_units_are_read(
    text: str, surface: str, value: float, unit: str
) -> None:
    got = _read(text)
    assert got[surface][1] == unit and got[surface][0] == pytest.approx(value), got


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The president issued 5 decrees on Monday.", "5 decrees"),
        ("He bought 3 collars for the dogs.", "3 collars"),
        ("She hit 2 doubles in the game.", "2 doubles"),
    ],
)
def test_an_english_word_one_slip_from_a_unit_counts_things(text: str, surface: str) -> None:
    assert _read(text)[surface][1] not in ("deg", "USD", "RUB")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("the thermostat is set to 68f.", "68f", 68, "degF"),
        ("a normal body temperature is about 37c.", "about 37c", 37, "degC"),
        ("it was minus 5c in edinburgh this morning.", "minus 5c", -5, "degC"),
        ("it was -27c in the north.", "-27c", -27, "degC"),
        ("the mercury dropped to 10 below zero in minneapolis.", "10 below zero", -10, "deg"),
        ("it's 12 degrees celcius outside but feels like 8.", "8", 8, "deg"),
        ("a high of 9 and lows of minus 3.", "9", 9, "deg"),
    ],
)
def test_temperatures_as_the_web_writes_them(
    text: str, surface: str, value: float, unit: str
) -> None:
    assert _read(text)[surface] == (value, unit)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Stamps now cost 30c each.", "30c", "cent"),
        ("Shares hit a high of 52 on Monday.", "52", None),
    ],
)
def test_no_temperature_outside_a_sentence_about_it(
    text: str, surface: str, unit: str | None
) -> None:
    assert _read(text)[surface][1] == unit


def test_a_range_keeps_the_scale_written_after_it() -> None:
    got = [(f.low, f.high, f.unit) for f in extract_figures("The forecast is for highs of 22-24C.")]
    assert got == [(22, 24, "degC")]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("He stands 6ft 2in tall.", [("6ft", 6, "ft"), ("2in", 2, "in")]),
        ("He is 5'10\" tall.", [("5'", 5, "ft"), ('10"', 10, "in")]),
        ("he's like 6’2”, Rubio said.", [("6’", 6, "ft"), ("2”", 2, "in")]),
    ],
)
def test_a_height_in_feet_and_inches_is_two_figures(
    text: str, parts: list[tuple[str, float, str]]
) -> None:
    assert [(f.surface, f.value, f.unit) for f in extract_figures(text)] == parts


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("eskom needs r254 billion to stay afloat.", "r254 billion", 2.54e11, "ZAR"),
        ("Eskom needs R1.5bn more.", "R1.5bn", 1.5e9, "ZAR"),
    ],
)
def test_rand_glued_to_a_sum_with_a_scale_word(
    text: str, surface: str, value: float, unit: str
) -> None:
    assert _read(text)[surface] == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "call now to claim your refund before 31 march.",
        "The M25 was closed between junctions 10 and 11 on Sunday.",
        "flight ba 287 landed at 6.45am at terminal 5.",
        "Take the R2 to the coast.",
    ],
)
def test_dates_junctions_and_flights_are_no_figures(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("a bottle costs 129 kr at Systembolaget.", "129 kr", "SEK"),
        ("The fee is 500 kr in Oslo.", "500 kr", "NOK"),
        ("the ticket cost 50 zł.", "50 zł", "PLN"),
        ("It costs 300 AED.", "300 AED", "AED"),
        ("the fine was a$500 in sydney.", "a$500", "AUD"),
        ("coffee is r$40 in sao paulo.", "r$40", "BRL"),
        ("Tickets cost 15 quid.", "15 quid", "GBP"),
    ],
)
def test_currency_signs_after_the_number_and_lower_cased(
    text: str, surface: str, unit: str
) -> None:
    assert _read(text)[surface][1] == unit


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("He weighs 12 stone.", [("12 stone", 12, "st")]),
        ("She lost 2st 5lb.", [("2st", 2, "st"), ("5lb", 5, "lb")]),
        ("a 16yo girl", [("16yo", 16, "year")]),
        ("3 kgs of rice", [("3 kgs", 3, "kg")]),
        ("then minus 20 overnight in the cold.", [("minus 20", -20, "deg")]),
        ("voters ages 18 to 39 backed her.", [("18 to 39", None, "year")]),
    ],
)
def test_stone_yo_kgs_minus_and_ages(text: str, parts: list[tuple[str, float | None, str]]) -> None:
    assert [(f.surface, f.value, f.unit) for f in extract_figures(text)] == parts


def test_ordinals_stay_no_figures() -> None:
    assert extract_figures("the 1st and the 21st and the 2nd") == []


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("it will be 25 degrees in london tomorrow.", "25 degrees", "deg"),
        ("the boiler heats water to 60 degrees to kill legionella.", "60 degrees", "deg"),
        ("the oil slick now covers 15 sqaure miles.", "15 sqaure miles", "mi2"),
        (
            "at a rate of 10 Canadian dollars a ton a year",
            "10 Canadian dollars a ton",
            "Canadian dollar per tonne",
        ),
    ],
)
def test_a_slip_is_judged_word_by_word(text: str, surface: str, unit: str) -> None:
    """ "degrees in" is no slip of "degrees c": a short word must be written right."""
    assert _read(text)[surface][1] == unit
