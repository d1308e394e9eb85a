"""Issue 19, stop 36: numbers an editor would not list, from US political news (quotes_dev's
tune half, figures_review_qd_tune): counts said as idioms of degree ("100 percent committed",
"zero expectations"), an open age band after its group ("blacks 45 and older") and a number in
a book's subtitle after its colon ("See No Evil: 19 Hard Truths") and a count that sums up a
list just named ("..., Caracas, Venezuela; and Acapulco, Mexico, the three locations"). Their
look-alikes stay."""

from __future__ import annotations

import pytest

from bot.extract import analyse


def _surfaces(text: str) -> list[str]:
    return [f.surface for f in analyse(text).figures]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "Rep. Elijah Cummings said that it was “100 percent committed to an open and"
            " transparent process.”",
            "100 percent",
        ),
        ('"I am 100% convinced that you cannot win," Bloomberg told New York magazine.', "100%"),
        (
            "“We came in with zero expectations. We’re encouraged by the results,” said Brian"
            " Jack, a Trump delegate strategist.",
            "zero expectations",
        ),
        (
            "It was 66 percent among blacks 30 to 44 and more than 70 percent among blacks 45 and"
            " older.",
            "45",
        ),
        (
            "Nationally in 2012, 54 percent of the electorate was 45 or older.",
            "45",
        ),
        (
            "His new book, See No Evil: 19 Hard Truths the Left Can’t Handle, is available from"
            " Regnery.",
            "19 Hard Truths",
        ),
        (
            "The most dangerous cities include San Pedro Sula, Honduras; Caracas, Venezuela; and"
            " Acapulco, Mexico, the three locations that topped a list compiled by a group.",
            "three locations",
        ),
        ("Florida and Ohio, the two biggest winner-take-all prizes, vote next.", "two biggest"),
    ],
)
def test_not_listed(text: str, surface: str) -> None:
    assert surface not in _surfaces(text)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Sanders won 100 percent of the vote in the county.", "100 percent"),
        ("Prices rose 100 percent in a year, the agency said.", "100 percent"),
        ("The plant has had zero accidents this year.", "zero accidents"),
        ("The count in Ohio: 19 Republicans voted against the bill.", "19 Republicans"),
        ("The company hired 45 workers and 12 more in May.", "45 workers"),
        ("Florida and Ohio have 2 million voters each, the two states said.", "2 million voters"),
        ("The two candidates met three voters in Ohio.", "three voters"),
    ],
)
def test_still_listed(text: str, surface: str) -> None:
    assert surface in _surfaces(text)
