"""Issue 19, stop 24: a unit the sentence itself states away from a bare number. A race time
in hundredths that a placing, a best or a clocking leads to is in seconds ("finished fifth in
7.35"); a unit is never taken from another sentence, and a bare number nothing leads to stays
bare ("clocks up 35.86" is a machine's speed; an exchange rate keeps no unit).

Each case is a BBC-shaped sentence and the unit an editor sees beside the number in /figures.
"""

from __future__ import annotations

import pytest

from bot.extract import analyse


def _unit(text: str, surface: str) -> str | None:
    found = [f for f in analyse(text).figures if f.surface == surface]
    assert found, [f.surface for f in analyse(text).figures]
    return found[0].unit


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Britain's Joice Maduaka finished fifth in 7.35.", "7.35"),
        (
            "Turner finished second in 7.82 after previously setting a personal best on the "
            "7.83 in the semi-finals.",
            "7.82",
        ),
        (
            "Turner finished second in 7.82 after previously setting a personal best on the "
            "7.83 in the semi-finals.",
            "7.83",
        ),
        ("Hayes, 27, set an Olympic record of 12.37 in winning the 100m hurdles.", "12.37"),
        (
            "Ailis McSweeney broke Michelle Carroll's Irish record by clocking 7.37 which left "
            "her in third place.",
            "7.37",
        ),
        ("Lambert set a personal best of 20.94 in the first round.", "20.94"),
        ("Ireland's Paul McKee took the men's title in 46.46 ahead of Dale Garland.", "46.46"),
    ],
)
def test_a_race_time_is_in_seconds(text: str, surface: str) -> None:
    assert _unit(text, surface) == "s"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a machine's speed: its unit is in the sentence before, never borrowed
        (
            "IBM's Blue Gene/L reached speeds of 70.72 teraflops. The current top machine, "
            "Japan's NEC Earth Simulator, clocks up 35.86.",
            "35.86",
        ),
        ("The Japanese yen also strengthened to trade at 132.86 against the greenback.", "132.86"),
        ("The shares closed the day in 12.50 territory.", "12.50"),
    ],
)
def test_a_number_nothing_in_its_sentence_measures_stays_bare(text: str, surface: str) -> None:
    assert _unit(text, surface) is None


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        (
            "From Monday, all prices and contracts will have to be quoted in the ariary, which "
            "was trading at 1,893 to the US dollar.",
            "1,893",
            "MGA",
        ),
        (
            "The yen, meanwhile, had strengthened to 102.975 against the dollar by 0730 GMT.",
            "102.975",
            "JPY",
        ),
        (
            "A low exchange rate - China's yuan is pegged to a rate of 8.28 to the dollar, "
            "which seems to be in relentless decline.",
            "8.28",
            "CNY",
        ),
    ],
)
def test_an_exchange_rate_is_in_the_currency_its_sentence_names(
    text: str, surface: str, code: str
) -> None:
    assert _unit(text, surface) == code


@pytest.mark.parametrize(
    "text",
    [
        # no currency named besides the dollar: the rate stays bare, never a guess
        "The government keeps it pegged close to a rate of 8.28 to the US dollar.",
        # two currencies named: which one the rate is in is not said
        "The yen fell and the yuan is pegged close to a rate of 8.28 to the dollar.",
    ],
)
def test_an_exchange_rate_whose_currency_is_not_said_stays_bare(text: str) -> None:
    assert _unit(text, "8.28") is None
