"""Issue 19, stop 23: numbers that are names or rhetoric are not figures, by general tests (a
number listed after a name's number; "one" said for none; a distance naming an event in a list)
rather than lists of examples. Each case is a BBC-shaped sentence: /figures lists nothing for it.
"""

from __future__ import annotations

import pytest

from bot.extract import analyse


def _surfaces(text: str) -> list[str]:
    return [f.surface for f in analyse(text).figures]


@pytest.mark.parametrize(
    ("text", "not_listed"),
    [
        (
            "The virus can strike computers running Windows 95, 98, ME, NT, 2000 and XP.",
            ["95", "98"],
        ),
        ("Owners of the PlayStation 2 and 3 consoles were warned.", ["2", "3"]),
        (
            "Killzone failed to make it into the top 10, debuting at number 11 and 12 "
            "respectively.",
            ["11", "12"],
        ),
        (
            "But in the 66 years that I have been alive, there has not been one hour, of one "
            "day, of one month, of one year, when there has not been a threat aimed at us.",
            ["one hour", "one day", "one month", "one year"],
        ),
        ("He has never had one day off in his career.", ["one day"]),
        (
            "Mark Carroll, Irish record holder at 3km, 5km and 10km, will make his debut.",
            ["3km", "5km", "10km"],
        ),
        ("Preview performances will now be held on 14, 20 and 27 April.", ["14", "20", "27"]),
        ("Out of Touch by Uniting Nations, also down three places to 10.", ["10"]),
        ('The poster shows a blackboard reading: "2+2=5".', ["2", "5"]),
        ("December and January are two of the busiest months for travel.", ["two"]),
        ("Her gutsy victory in the 800m also earned her the IAAF award.", ["800m"]),
        ("A working version of the PS3 is due to be shown off in May 2005.", ["PS3"]),
        (
            "I think Wall Street has gotten a bit ahead of eBay this quarter and for the 2005 year.",
            ["2005 year"],
        ),
        ("He is the world 10km champion and will run on Sunday.", ["10km"]),
        (
            "Kasabian's singles Club Foot and LSF reached numbers 19 and 10 in the UK singles "
            "chart respectively.",
            ["19", "10"],
        ),
        # a counted common noun written capitalised mid-sentence belongs to a title
        (
            "In the latest edition of Land of 10,000 Stories, DNA tests confirm the switch.",
            ["10,000 Stories"],
        ),
        # a number inside a short quoted title
        ('The archive crawls the supported "No More 404" sites.', ["404"]),
        (
            "There is a collection by Garry Trudeau called ''Yuge!: 30 Years of Doonesbury on"
            " Trump.''",
            ["30 Years"],
        ),
    ],
)
def test_names_and_rhetoric_are_not_listed(text: str, not_listed: list[str]) -> None:
    surfaces = _surfaces(text)
    assert not set(not_listed) & set(surfaces), surfaces


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("The firm sold 95, 98 and 100 units in three years.", "100 units"),
        ("Now Paula will take part in the Run London 10km race in London.", "10km"),
        ("He ran 5km in 14 minutes.", "5km"),
        ("It was not one but two firms that bid.", "two firms"),
        ("The 66 years I have been alive.", "66 years"),
        ("The yen strengthened to trade at 132.86 against the greenback.", "132.86"),
        ("The temple was built 2000 years ago.", "2000 years"),
        ("The firm earned PS8.1bn last year.", "PS8.1bn"),
        ("He won 11 Oscars and five Baftas in his career.", "11 Oscars"),
        ("He won 11 Oscars and five Baftas in his career.", "five Baftas"),
        ("England suffered an eighth defeat in 11 Tests.", "11 Tests"),
        ("“We lost 12 people today,” he said.", "12 people"),
    ],
)
def test_figures_beside_them_stay(text: str, listed: str) -> None:
    assert listed in _surfaces(text)
