"""Issue 19, stop 23: named sources the claimant reader missed on unseen BBC news: the body that
produced the work a figure is shown in, an estimate "put at" a figure, and "According to the
Observer, 3,000 jobs" (the thousands comma was read as an age in apposition).
Each case is a BBC-shaped sentence and who /figures credits the figure to."""

from __future__ import annotations

import pytest

from tests.extract.claimants import claimant_of as _claimant


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        (
            "Separately, investment bank Goldman Sachs produced reseach showing that a basket of "
            "35 M&S goods is now 11% above the high-street average.",
            "11%",
            "Goldman Sachs",
        ),
        (
            "Early estimates from the World Bank put the amount of aid needed for the worst "
            "affected countries including Sri Lanka, India, Indonesia and Thailand, at about "
            "$5bn (£2.6bn), similar to the cash offered to Central America.",
            "about $5bn",
            "World Bank",
        ),
        ("The IMF puts growth in the region at 4% this year.", "4%", "The IMF"),
        ("Profits will rise 5% this year, analysts expect.", "5%", "analysts"),
        (
            "The study, conducted by consultancy Building Zones, found that 16% of visitors "
            "came to the Library to sit down.",
            "16%",
            "Building Zones",
        ),
        # never the fragment "drawing on child benefits data"
        (
            "The report, drawing on child benefits data, said teenagers in the richest areas "
            "could expect a better than 50% chance of going to university.",
            "50%",
            "The report",
        ),
        # the author, never the fragment "published by the IMF"
        ("The report, published by the IMF, said growth would be 4%.", "4%", "the IMF"),
        (
            "US growth would reach 4.4% in 2004, but fall to 3.3% next year from a previous "
            "estimate of 3.7%, the OECD said.",
            "4.4%",
            "the OECD",
        ),
        (
            "According to the Observer, 3,000 jobs - out of a total workforce of 6,500 - could "
            "be lost if the deal goes ahead.",
            "3,000",
            "the Observer",
        ),
    ],
)
def test_the_named_source_is_credited(text: str, surface: str, claimant: str) -> None:
    assert _claimant(text, surface) == claimant


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("He put the money in the bank at 5pm and left with £300.", "£300"),
        ("Robert Jackson, 58, has lived in the town for 30 years.", "30 years"),
        (
            "Last year tickets sold out 10 weeks before the festival but organisers confirmed "
            "that all 130,000 for the two-day event had been sold.",
            "10 weeks",
        ),
        ("Profits rose 5%, but analysts said the firm would struggle.", "5%"),
        (
            "Despite seeing net profits rise by 44% to $205.4m (£110m) during October to "
            "December, from $142m a year earlier, Wall Street had expected more.",
            "$142m",
        ),
    ],
)
def test_no_source_is_made_up(text: str, surface: str) -> None:
    """ "Wall Street had expected more": what was expected is "more", not the figures before."""
    assert _claimant(text, surface) is None


def test_a_conversion_in_brackets_has_the_source_of_the_sum_it_converts() -> None:
    text = (
        "Early estimates from the World Bank put the amount of aid needed at about $5bn "
        "(£2.6bn), similar to the cash offered to Central America."
    )
    assert _claimant(text, "£2.6bn") == _claimant(text, "about $5bn") == "World Bank"


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        # the valuing frame of claim_verbs.tsv: any subject that puts a thing at a figure
        ("Police put the crowd at 10,000.", "10,000", "Police"),
        # "at risk" is no figure: the deal values nothing
        ("The deal put the firm at risk of losing £5m.", "£5m", None),
        # a "but" that opens a clause with a subject of its own still stops the source after it
        ("Sales rose 5%, but profit fell to $3m, the company said.", "5%", None),
        (
            "Profits rose 5% in 2004, but by 2006 rivals had 20% of the market, the firm said.",
            "5%",
            None,
        ),
        # a "but" that only adds a second figure to the same clause does not
        ("Sales will rise 3% this year, but only 1% in Europe, analysts said.", "3%", "analysts"),
    ],
)
def test_a_valuing_verb_and_a_but_are_read_by_their_shape(
    text: str, surface: str, claimant: str | None
) -> None:
    assert _claimant(text, surface) == claimant


_FOX = (
    "Tory co-chairman Liam Fox has opened proceedings with a speech criticising Tony Blair's "
    "record in government. A Tory government would sort out the shambles of immigration, he "
    "said. "
)


@pytest.mark.parametrize(
    ("text", "surface", "claimant"),
    [
        # the party's own man puts its plan forward: his claim, not the party adjective
        (_FOX + "Dr Fox also underlined Tory promises to cut tax by £4bn.", "£4bn", "Dr Fox"),
        # a rival deriding the plan leaves it the owner's
        (
            _FOX + "Mr Blair derided Tory claims they could cut £35bn in spending.",
            "£35bn",
            "Tory",
        ),
        # a person the article never tied to the party leaves it the owner's
        (
            "Mr Kennedy also underlined Tory promises to cut tax by £4bn.",
            "£4bn",
            "Tory",
        ),
    ],
)
def test_a_partys_plan_put_forward_by_its_own_man_is_his_claim(
    text: str, surface: str, claimant: str
) -> None:
    assert _claimant(text, surface) == claimant
