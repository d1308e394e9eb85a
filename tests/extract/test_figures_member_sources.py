"""Issue 19, stop 35: one unnamed member of a source group ("one research firm", "one of the
operators of LeakedSource", '"...," said one Republican involved') is a source a figure is
credited to; so is a political campaign ("according to Mr. Sanders's campaign", "the campaign
believes"). Sentences from the quotes_dev tune half and the released mn_blind14 and qd_check
sets; the last two show what stays no one's claim."""

from __future__ import annotations

import pytest

from tests.extract.claimants import claimant_of as _claimant


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        (
            "Median household income finally reached $56,746 in November, the level that had "
            "been reached when the recession began, according to one research firm.",
            "$56,746",
            "one research firm",
        ),
        (
            "One of the operators of LeakedSource told Motherboard in an online chat that so far "
            "they have cracked “90% of the passwords in 72 hours.”",
            "72 hours",
            "One of the operators of LeakedSource",
        ),
        (
            '"You\'re going to see a massive ad spend to the tune of tens of millions of dollars,"'
            " said one Republican involved in the planning, who spoke on the condition of "
            "anonymity to speak candidly.",
            "tens of millions of dollars",
            "one Republican",
        ),
        (
            "Of 45 potential members submitted by Mr. Sanders, she appointed just three, "
            "according to Mr. Sanders's campaign.",
            "45 potential members",
            "Mr. Sanders's campaign",
        ),
        (
            "There are 384 pledged delegates at stake, and the campaign believes it could have "
            "90% of what it needs to clinch the nomination.",
            "90%",
            "the campaign",
        ),
        ("One in four said they earn more than $50,000 a year.", "more than $50,000", None),
        (
            "One of the most popular apps said 5 percent of its users quit in May.",
            "5 percent",
            None,
        ),
    ],
)
def test_a_member_or_campaign_is_a_source(text: str, surface: str, claimant: str | None) -> None:
    assert _claimant(text, surface) == claimant
