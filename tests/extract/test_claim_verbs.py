"""Issue 19: the claim verbs are one data table (bot/extract/data/claim_verbs.tsv) read by one reader."""

from __future__ import annotations

import pytest

from bot.extract import analyse
from bot.extract.claim_verbs import FRAMES, alternation, forms


def _claimant(text: str, surface: str) -> str | None:
    fig = next(f for f in analyse(text).figures if f.surface.startswith(surface))
    return fig.claimant


@pytest.mark.parametrize("verb", sorted(forms("says")))
def test_every_says_verb_in_the_table_credits_its_subject_before_and_after(verb: str) -> None:
    before = f"Shares in Acme fell on Monday. The Halifax {verb} house prices rose 5% last year."
    after = f"Shares in Acme fell on Monday. House prices rose 5% last year, the Halifax {verb}."
    assert _claimant(before, "5%") in ("The Halifax", "Halifax")
    assert _claimant(after, "5%") in ("the Halifax", "Halifax")


def test_every_frame_of_the_table_has_verbs_and_no_form_is_a_stray_frame() -> None:
    for frame in FRAMES:
        assert forms(frame), frame
    assert "pledged" not in forms(*FRAMES)  # a promise asserts no figure
    assert r"carried\s+out" in alternation("authored")


def test_a_finding_verb_credits_a_document_never_a_place() -> None:
    assert _claimant("A survey by the Halifax showed prices rose 5%.", "5%") == "Halifax"
    assert _claimant("Wales showed prices rose 5% in the year.", "5%") is None


def test_an_according_to_next_to_the_figure_is_nearer_than_a_verb_before() -> None:
    text = "Mr Hill said there are now 230 according to the BPI, and more will open."
    assert _claimant(text, "230") == "the BPI"
    assert _claimant("Mr Hill said sales rose 5% last year.", "5%") == "Mr Hill"


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        (
            "The Hefce report, drawing on child benefits data, said teenagers in the richest "
            "areas had a better than 50% chance of going to university.",
            "50%",
            "The Hefce report",  # not "drawing on child benefits data"
        ),
        (
            "Though Mr Lanzone added that the firm would index the 300m blog entries it holds.",
            "300m",
            "Mr Lanzone",  # not "Though Mr Lanzone"
        ),
        (
            "A spokeswoman for Hanover Re, Europe's fifth-largest reinsurance firm, estimated "
            "claims would be in the low double-digit millions of euros.",
            "millions of euros",
            "Hanover Re",  # the name the description is in apposition to
        ),
    ],
)
def test_a_claimant_is_a_name_never_a_fragment_or_description(
    text: str, surface: str, claimant: str
) -> None:
    assert _claimant(text, surface) == claimant


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        (
            "Jet Airways' share offer was oversubscribed 16.2 times, bankers said on Friday.",
            "16.2 times",
            "bankers",
        ),
        (
            "US Airways had to cancel approximately 65 flights on Thursday, said industry "
            "officials.",
            "approximately 65 flights",
            "industry officials",
        ),
        (
            "He took the names of 400 customers, said a company spokesman.",
            "400 customers",
            "a company spokesman",
        ),
        (
            "Growth was 1.1%, and economists had been predicting as much as 2% this time.",
            "as much as 2%",
            "economists",
        ),
        (
            "The figures were given by economics minister Heizo Takenaka who said the economy "
            "would grow by 2% in 2006.",
            "2%",
            "Heizo Takenaka",
        ),
        (
            "On average, said Mr Macklin, users conduct between five and 10 searches per day.",
            "five and 10 searches",
            "Mr Macklin",  # a parenthetical verb after a short opening reports what follows
        ),
        (
            "US retail sales were up 0.6% in January, twice what some analysts had been expecting.",
            "0.6%",
            None,  # not "twice what some analysts": a comparison, no one's claim
        ),
    ],
)
def test_more_named_sources_and_no_comparison_fragment(
    text: str, surface: str, claimant: str | None
) -> None:
    assert _claimant(text, surface) == claimant
