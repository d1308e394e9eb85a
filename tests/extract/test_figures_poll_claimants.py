"""Issue 19, stop 36: claimants of US political news (figures_review_qd_tune, quotes_dev's tune
half): a poll set as the frame of its shares ("In the new Post-ABC poll, ..."), a cue closing a
sentence of several clauses ("..., the group said."), a surname named in full before ("Evans
suggested that"), a foundation as a source, a speaker named again by the writer, a no-break
space after "Editor's note:", and a verb whose "that" opens its own clause."""

from __future__ import annotations

import pytest

from tests.extract.claimants import claimant_of


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        (
            "In the new Post-ABC poll, the real estate mogul wins about 1 in 3 GOP primary voters"
            " and has a double-digit edge on his next closest rival, Carson.",
            "about 1 in 3",
            "the new Post-ABC poll",
        ),
        (
            "Mrs. Clinton's six-percentage-point lead over Donald J. Trump in a CBS News poll last"
            " month has evaporated.",
            "six-percentage",
            "a CBS News poll",
        ),
        (
            "In the survey carried out by ICM Research, 14% of people aged between 18 and 34 said"
            " they never voted in general elections.",
            "14%",
            "ICM Research",
        ),
        (
            "AAN polled the race in February and again two weeks ago, and both surveys showed"
            " Shuster above 50 percent, the group said.",
            "two weeks",
            "the group",
        ),
        (
            "Eksili donated a total of $5,000 to federal campaigns that year, but the foundation"
            " reported to the IRS that his full-time salary was $31,592.",
            "$31,592",
            "the foundation",
        ),
        (
            "“It is implausible but not impossible,” said Randy Evans, a committeeman. Evans, the"
            " Georgia committeeman, suggested that there are already at least 22 anti-Trump"
            " members on the rules committee.",
            "at least 22",
            "Evans",
        ),
    ],
)
def test_a_source_is_credited(text: str, surface: str, claimant: str) -> None:
    assert claimant_of(text, surface) == claimant


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # the figure is no share: the study frames the sentence, it does not count economists
        (
            "In a recent study, three economists -- David Autor and David Dorn -- raised a"
            " profound challenge to all of us.",
            "three economists",
        ),
        # "in the study" closing a clause of what subjects were paid is no frame
        ("Subjects received $10 for their participation in the study.", "$10"),
        # the speaker named again as a subject: the writer's narration, not what he said
        (
            "Clinton weighed in on Tuesday, hours after Sanders said he was “encouraged” by the"
            " plan — a modest boost for Obama since 2009, when Sanders joined 89 other senators"
            " to reject the request.",
            "89 other senators",
        ),
        # "Editor’s note:" with a no-break space is a label, not a possessor's claim
        (
            "Some text.\nEditor’s note:\xa0Donald Trump has repeatedly pledged to ban all Muslims"
            " — 1.6 billion members of an entire religion — from entering the U.S.",
            "1.6 billion",
        ),
        # "suggested that" opens its own clause: the hearing's length is no one's claim
        (
            "Especially in the evening session of the 11-hour hearing, Clinton suggested that the"
            " figure came from the State Department.",
            "11-hour",
        ),
    ],
)
def test_no_source_is_credited(text: str, surface: str) -> None:
    assert claimant_of(text, surface) is None
