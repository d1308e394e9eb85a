"""Issue 19, stop 35: a court paper is a source, as a report is ("according to the indictment",
"according to docs"); two sources named together after a figure are both its source
("..., activists and lawyers estimated"); a phrase set off by commas between a name and its
verb leaves the name the subject ("Wells Fargo, under pressure ..., said"); two apostrophes
are a quote mark where a page writes quotes so. Sentences from the stories_dev and
quotes_dev tune halves and the released mn_blind13 set; the last two show what stays no
one's claim."""

from __future__ import annotations

import pytest

from tests.extract.claimants import claimant_of as _claimant


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        (
            "(Agents made over 100 undercover transactions throughout the investigation, "
            "according to the indictment.)",
            "over 100",
            "the indictment",
        ),
        (
            "According to docs ... the boys say their dad left Tanya 25 percent of his personal "
            "effects, 40 percent of his remaining estate and a $500k life insurance policy.",
            "40 percent",
            "docs",
        ),
        (
            "Lawsuits on behalf of more than 100 individual travelers have been filed nationwide,"
            " activists and lawyers estimated.",
            "more than 100",
            "activists and lawyers",
        ),
        (
            "Wells Fargo, under pressure from lawmakers and shareholders to take action, said "
            "Tolstedt will not receive a bonus or severance, and that she'll forfeit all of her "
            "$19 million worth of unvested stock awards.",
            "$19 million",
            "Wells Fargo",
        ),
        (
            "The agency said it was ready.\n\n''If there is a drop-off in the surge vote in "
            "Florida, Ohio and Virginia, that is 60 electoral votes,'' Mr. King said.",
            "60 electoral votes",
            "King",
        ),
        (
            "Sales rose 5 percent in March and analysts say more is coming.",
            "5 percent",
            None,
        ),
        (
            "Sales rose 5 percent in March, and lawyers and accountants were hired.",
            "5 percent",
            None,
        ),
    ],
)
def test_the_source_a_sentence_names(text: str, surface: str, claimant: str | None) -> None:
    assert _claimant(text, surface) == claimant
