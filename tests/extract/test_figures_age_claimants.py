"""Issue 19, stop 35: a person's age set off after its holder ("his daughter, now 11,") or told
by a clause of time ("when she was three") describes the person; it is not the claim of the
lawsuit, report or speaker the sentence reports. The first sentence is from the stories_dev
tune half; the last three show that an age a speaker states of himself, an age band of a
finding and an age between quote marks keep their source."""

from __future__ import annotations

import pytest

from bot.extract import analyse


def _claimant(text: str, surface: str) -> str | None:
    found = [f for f in analyse(text).figures if f.surface == surface]
    assert found, [f.surface for f in analyse(text).figures]
    return found[0].claimant


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        (
            "The lawsuit claims that Richards raped his daughter, now 11, in 2005 when she was "
            "three.",
            "11",
            None,
        ),
        (
            "The lawsuit claims that Richards raped his daughter, now 11, in 2005 when she was "
            "three.",
            "three",
            None,
        ),
        ("The complaint says her son, 14, was beaten by two officers.", "14", None),
        (
            "Guzman acknowledges he has worked in the drug trade since he was 15.",
            "15",
            "Guzman",
        ),
        (
            "Women aged 50 or above almost never use a mobile phone, the research found.",
            "50",
            "the research",
        ),
        ('"I was only 26 when my daughter was born," Smith said.', "26", "Smith"),
    ],
)
def test_an_age_is_no_claim_of_the_source(text: str, surface: str, claimant: str | None) -> None:
    assert _claimant(text, surface) == claimant
