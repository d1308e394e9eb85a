"""Issue 19, stop 23: both ends of a range kept ("$779m-798m", between "two and three times"),
"per annum" read as per year, and a sum converted in brackets after a rate is the same rate.
Each case is a BBC-shaped sentence and the value and unit an editor sees in /figures."""

from __future__ import annotations

import pytest

from bot.extract import analyse


def _fig(text: str, surface: str):
    found = [f for f in analyse(text).figures if f.surface.startswith(surface)]
    assert found, [f.surface for f in analyse(text).figures]
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit"),
    [
        (
            "The High Street retailer said it now expected to report annual profits of between "
            "£415m and £425m ($779m-798m).",
            "$779m",
            779e6,
            798e6,
            "USD",
        ),
        ("Profits were put at £5bn-6bn.", "£5bn", 5e9, 6e9, "GBP"),
        (
            'The UK had valued the culled animals at between "two and three times" the '
            "commission's assessment of their likely market value.",
            "two",
            2.0,
            3.0,
            "times",
        ),
    ],
)
def test_both_ends_of_a_range_are_kept(
    text: str, surface: str, low: float, high: float, unit: str
) -> None:
    f = _fig(text, surface)
    assert (f.value, f.low, f.high, f.unit) == (None, low, high, unit)


def test_a_lower_number_after_the_dash_is_no_range() -> None:
    f = _fig("Its value fell to $9m-8m.", "$9m")
    assert f.value == 9e6


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            '"At least $10 billion per annum (£5.5bn) is needed to address the HIV/Aids crisis.',
            {"At least $10 billion": "dollar per year", "£5.5bn": "pound sterling per year"},
        ),
        (
            "The scheme costs £5bn a year ($9bn; 7bn euros).",
            {"£5bn": "pound sterling per year", "$9bn": "dollar per year", "7bn": "euro per year"},
        ),
        (
            "Oil rose to $50 a barrel (£27).",
            {"$50": "dollar per barrel", "£27": "pound sterling per barrel"},
        ),
        ("It spent $3bn (£1.6bn) on the plant.", {"$3bn": "USD", "£1.6bn": "GBP"}),
        ("The scheme costs £5m annually.", {"£5m": "pound sterling per year"}),
    ],
)
def test_a_conversion_in_brackets_is_the_same_rate(text: str, units: dict[str, str]) -> None:
    for surface, unit in units.items():
        assert _fig(text, surface).unit == unit, surface


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("He was jailed for two and a half years.", "two and a half years", 2.5, "year"),
        (
            "Even though it was bitterly cold, I put in 15-and-a-half miles.",
            "15-and-a-half miles",
            15.5,
            "mi",
        ),
        ("The hearing took three-and-a-half hours.", "three-and-a-half hours", 3.5, "h"),
        (
            "Some two and a half million people voted.",
            "Some two and a half million people",
            2.5e6,
            "people",
        ),
    ],
)
def test_and_a_half_is_part_of_the_number(text: str, surface: str, value: float, unit: str) -> None:
    """ "15-and-a-half miles" was read as a bare 15; "two and a half years" was not read."""
    f = _fig(text, surface)
    assert (f.surface, f.value, f.unit) == (surface, value, unit)


def test_or_shares_the_scale_word_after_it() -> None:
    text = 'Of the £50m given so far only "six or seven million" had been spent, he said.'
    f = _fig(text, "six")
    assert (f.value, f.low, f.high) == (None, 6e6, 7e6)


def test_a_share_of_them_counts_no_verb() -> None:
    """ "A third of them read junk e-mail": no unit "junk" (them is no noun to count)."""
    assert _fig("A third of them read junk e-mail.", "A third").unit is None
