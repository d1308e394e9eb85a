"""Issue 19: value and unit of real figures as US news pages write them (stories_dev tune half):
unit symbols in compounds and in their case, fractions past a quarter, tallies and ratios that
are no ranges, "several hundred thousand"."""

from __future__ import annotations

import pytest

from bot.extract.figures import extract_figures


def _figs(text: str) -> list[tuple[str, float | None, float | None, float | None, str | None]]:
    return [(f.surface, f.value, f.low, f.high, f.unit) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The 1,100-kg satellite plunged back into the atmosphere.", "1,100-kg", "kg"),
        ("Doctors prescribed a 10-mg pill twice a day.", "10-mg", "milligram"),
        ("He sailed a 40-ft boat across the bay.", "40-ft", "ft"),
    ],
)
def test_a_unit_symbol_joined_by_a_hyphen_is_that_unit(text: str, surface: str, unit: str) -> None:
    assert (surface, unit) in [(s, u) for s, _, _, _, u in _figs(text)]


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Optical density was read at 450 nm on a microplate reader.", "450 nm", "nm"),
        ("The company will make 7nm chips next year.", "7nm", "nm"),
        ("The diesel engine makes 450 Nm of torque.", "450 Nm", "newton metre"),
        ("Bacteria hold about 70 Gt of carbon.", "about 70 Gt", "Gt"),
        ("All life on Earth weighs about 550 gigatons.", "about 550 gigatons", "Gt"),
    ],
)
def test_a_symbol_is_read_in_the_case_written(text: str, surface: str, unit: str) -> None:
    assert (surface, unit) in [(s, u) for s, _, _, _, u in _figs(text)]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("A fifth of voters backed the measure.", "A fifth", 0.2),
        ("About a tenth of the budget goes on rent.", None, 0.1),
        ("He won one-sixth of the vote.", "one-sixth of the vote", 1 / 6),
        ("Two-fifths of schools missed the target.", "Two-fifths", 0.4),
        ("Humans add up to about one ten-thousandth of the life on Earth.", None, 1e-4),
        ("The race was decided by a hundredth of a second.", None, 0.01),
    ],
)
def test_fractions_past_a_quarter(text: str, surface: str | None, value: float) -> None:
    figs = _figs(text)
    assert any(abs((v or 0) - value) < 1e-9 and (surface in (None, s)) for s, v, _, _, _ in figs)


@pytest.mark.parametrize(
    "text",
    [
        "The club won a fifth straight title on Sunday.",
        "It was a sixth time for the club.",
        "She celebrated her one hundredth birthday in May.",
    ],
)
def test_an_ordinal_is_no_fraction(text: str) -> None:
    assert all(v not in (0.2, 1 / 6, 0.01) for _, v, _, _, _ in _figs(text))


def test_a_tally_is_two_figures_not_a_range() -> None:
    figs = _figs("The survey found that Cruz leads O'Rourke 38 to 37 percent.")
    assert [(v, u) for _, v, _, _, u in figs] == [(38.0, "percent"), (37.0, "percent")]


def test_a_ratio_is_no_range() -> None:
    assert _figs("Plants outweigh people by about 7,500 to 1.") == [
        ("about 7,500", 7500.0, None, None, None)
    ]


def test_a_change_from_a_higher_number_stays_one_figure() -> None:
    assert _figs("The jobless rate fell from 4.8 to 4.7 percent.") == [
        ("4.8 to 4.7 percent", None, 4.8, 4.7, "percent")
    ]


def test_several_hundred_thousand_is_hundreds_of_thousands() -> None:
    figs = _figs("Modern humans emerged over several hundred thousand years.")
    assert [(lo, hi, u) for _, _, lo, hi, u in figs] == [(1e5, 1e6, "year")]


def test_n_fold_is_n_times() -> None:
    assert _figs("Livestock outweigh wild mammals by more than 20-fold.") == [
        ("more than 20-fold", 20.0, None, None, "times")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The team tested 193 adults and children over age 4 who had shared a latrine.",
        "Vaccines were offered to children under age 5 in the village.",
    ],
)
def test_a_number_after_over_or_under_age_is_an_age(text: str) -> None:
    assert [u for s, _, _, _, u in _figs(text) if s in ("4", "5")] == ["year"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Airlines fly aircraft in the 200- to 300-seat sector.",
            [("200- to 300-seat", None, 200.0, 300.0, "seats")],
        ),
        (
            "The scheme is for six- to eight-year-olds and their parents.",
            [("six- to eight-year", None, 6.0, 8.0, "year")],
        ),
        (
            "The phone comes in 16-, 32- and 64-gigabyte models.",
            [
                ("16", 16.0, None, None, "GB"),
                ("32", 32.0, None, None, "GB"),
                ("64-gigabyte", 64.0, None, None, "GB"),
            ],
        ),
        ("A 10-15-minute walk.", [("10-15-minute", None, 10.0, 15.0, "min")]),
    ],
)
def test_a_suspended_hyphen_shares_the_last_compounds_unit(text: str, expected: list) -> None:
    assert _figs(text) == expected


def test_n_of_them_counts_the_earlier_noun_only_as_a_part_of_it() -> None:
    figs = _figs(
        "The U.S. has relied on contractors more heavily in these two wars than in previous"
        " others, hiring about 200,000 of them to guard bases."
    )
    assert ("about 200,000", 200000.0, None, None, None) in figs
    figs = _figs("At least 60 people were arrested worldwide - 45 of them in the US.")
    assert ("45", 45.0, None, None, "people") in figs


def test_a_models_designation_is_no_unit() -> None:
    """ "two F-16s" are two jets, not two degrees Fahrenheit; "10 C-15 C" stays a temperature."""
    assert "degF" not in [u for *_, u in _figs("The air force sent two F-16s to intercept it.")]
    assert ("10 C", "degC") in [(s, u) for s, _, _, _, u in _figs("It was 10 C-15 C in May.")]


def test_a_unit_abbreviation_the_page_defines_is_that_unit() -> None:
    """ "450 gigatons of carbon (GT C)": the page's own "GT" then means gigatons."""
    text = (
        "Plants make up 450 gigatons of carbon (GT C), followed by bacteria at 70 GT C and"
        " fungi at 12 GT C."
    )
    assert [(s, u) for s, _, _, _, u in _figs(text)] == [
        ("450 gigatons", "Gt"),
        ("70 GT", "Gt"),
        ("12 GT", "Gt"),
    ]
