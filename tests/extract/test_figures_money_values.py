"""Issue 19, stop 24: money values by kind. A dash range whose low end is written short of the
high end's thousands reads both in thousands ("$50-100,000" is $50,000 to $100,000); a sum
written without its scale word takes the scale of its own conversion in brackets when the two
then agree within a rate of exchange ("$6.3 (£3.35m)" is $6.3m); sums that agree as written
are left alone.

Each case is a BBC-shaped sentence and the value an editor sees in /figures.
"""

from __future__ import annotations

import pytest

from bot.extract import analyse


def _fig(text: str, surface: str):
    found = [f for f in analyse(text).figures if f.surface == surface]
    assert found, [f.surface for f in analyse(text).figures]
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit"),
    [
        (
            "Three other ex-managers paid personal financial penalties of between $50-100,000.",
            "$50-100,000",
            50_000.0,
            100_000.0,
            "USD",
        ),
        (
            "Between 5-10,000 people marched through the city.",
            "5-10,000 people",
            5000.0,
            10_000.0,
            "people",
        ),
        ("Fines of £2-3,000 were imposed on the shops.", "£2-3,000", 2000.0, 3000.0, "GBP"),
        # each end written whole with its own symbol, or a low end under a tenth of the
        # thousands: left as written
        ("Ticket prices range from £25-£40,000.", "£25-£40,000", 25.0, 40_000.0, "GBP"),
        ("Estimates ranged from 1-100,000 copies.", "1-100,000 copies", 1.0, 100_000.0, "copies"),
    ],
)
def test_a_dash_range_written_short_of_its_thousands(
    text: str, surface: str, low: float, high: float, unit: str
) -> None:
    f = _fig(text, surface)
    assert (f.low, f.high, f.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("It came in seventh $6.3 (£3.35m).", "$6.3", 6_300_000.0),
        (
            "The film earned just $13.5 (£7m) over three days at the US box office.",
            "$13.5",
            13_500_000.0,
        ),
        # the sums agree as written: nothing to mend
        ("Tickets cost $45 (£24) each at the door.", "$45", 45.0),
        ("The film made $6.3m (£3.35m) in its first week.", "$6.3m", 6_300_000.0),
    ],
)
def test_a_sum_takes_the_scale_of_its_own_conversion(text: str, surface: str, value: float) -> None:
    assert _fig(text, surface).value == value


def test_a_dollar_rate_versus_the_euro_is_dollars_per_euro() -> None:
    text = "The dollar was trading at $1.3652 versus the euro on Friday morning."
    f = _fig(text, "$1.3652 versus the euro")
    assert (f.value, f.unit) == (1.3652, "dollar per euro")
