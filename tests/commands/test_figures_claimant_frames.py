"""Issue 19, stop 23: the claimant an editor sees in /figures for the claim frames read from the
claim-verb table (data/claim_verbs.tsv): "estimates from X put N", "X produced research showing
N", "according to X, N" before a thousands figure, and a verb after the figure that has an
object of its own ("..., Wall Street had expected more") claims nothing; a body written as the
writer's description is shown by its name, or not at all."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from tests.commands.figure_rows import core_over, figure_row

ARTICLES = [
    {
        "id": "business/9101",
        "title": "Tsunami aid bill put at $5bn",
        "text": (
            "Governments have pledged help to the countries hit by the tsunami.\n\n"
            "Early estimates from the World Bank put the amount of aid needed for the worst "
            "affected countries at about $5bn (£2.6bn), similar to the cash offered after "
            "Hurricane Mitch."
        ),
    },
    {
        "id": "business/9102",
        "title": "M&S prices gap narrows",
        "text": (
            "Marks & Spencer has cut prices on hundreds of lines.\n\n"
            "Separately, investment bank Goldman Sachs produced research showing that a basket "
            "of M&S goods is now 11% above the high-street average."
        ),
    },
    {
        "id": "business/9103",
        "title": "Rover jobs at risk in Longbridge deal",
        "text": (
            "Talks over the future of Rover's Longbridge plant continue.\n\n"
            "According to the Observer, 3,000 jobs - out of a total workforce of 6,500 - could "
            "be lost if the deal goes ahead."
        ),
    },
    {
        "id": "business/9104",
        "title": "US trade gap hits record",
        "text": (
            "The US trade deficit has widened to a record.\n\n"
            "Figures from the Commerce Department for November showed exports down 2.3% to "
            "$95.6bn."
        ),
    },
    {
        "id": "business/9106",
        "title": "eBay shares slide on profit miss",
        "text": (
            "Shares in eBay fell 9.8% after its quarterly profits failed to meet expectations.\n\n"
            "Despite seeing net profits rise by 44% to $205.4m during October to December, "
            "from $142m a year earlier, Wall Street had expected more. Sales rose 5% in the "
            "quarter, the company said on Wednesday."
        ),
    },
    {
        "id": "business/9107",
        "title": "Disasters cost insurers record sum",
        "text": (
            "Storms and earthquakes made 2004 the most expensive year on record for property "
            "insurers, according to Swiss Re.\n\nThe world's second biggest insurer said "
            "disasters around the globe have seen property claims reach $42bn (£21.5bn)."
        ),
    },
    {
        "id": "business/9108",
        "title": "Insurer braces for storm claims",
        "text": (
            "Insurance shares rose on Monday as traders weighed the storm season.\n\n"
            "The world's biggest insurer said claims would rise 4% this year, after storms in "
            "Florida."
        ),
    },
    {
        "id": "entertainment/9109",
        "title": "Prosecutor opens singer's trial",
        "text": (
            "The trial of the singer opened in California on Monday.\n\n"
            "In the prosecution's opening statement, Tom Sneddon told the court that Mr Cole "
            "had shown the boy films in order to win his trust. He said the singer had invited "
            "the boy - who was 13 at the time - and his brother to the ranch 25 times."
        ),
    },
    {
        "id": "business/9110",
        "title": "Turkey's economy under scrutiny",
        "text": (
            "Turkey's economy has grown fast since the crisis of 2001.\n\n"
            "Critics insist that much of the optimism has been over-egged - an argument "
            "amplified by a 134% rise in the country's current account deficit to $10.7bn."
        ),
    },
    {
        "id": "tech/9111",
        "title": "Robot market set to grow",
        "text": (
            "Robots are moving out of factories and into homes.\n\n"
            "Robots can fulfil serious functions in society and the United Nations Economic "
            "Commission for Europe predicts that the market will swell from 81,000 units in "
            "2003 to 106,000 in 2007."
        ),
    },
    {
        "id": "politics/9112",
        "title": "Parties clash over tax sums",
        "text": (
            "The election campaign turned to taxes on Tuesday.\n\n"
            "The Tories claim they can cut taxes through £35bn efficiency savings, while Labour "
            "has offered £22bn savings but has yet to map out its tax plans."
        ),
    },
    {
        "id": "business/9113",
        "title": "Jarvis sells road business",
        "text": (
            "Jarvis has sold its roads arm to a rival contractor.\n\n"
            "Jarvis said the sale, which raked in more than the £100m analysts had expected, "
            "would substantially enhance its financial position."
        ),
    },
    {
        "id": "tech/9114",
        "title": "Library users seek a desk",
        "text": (
            "The British Library is used as an office by many visitors.\n\n"
            "The study, conducted by consultancy Building Zones, found that 16% of visitors "
            "came to the Library to sit down and work."
        ),
    },
    {
        "id": "politics/9115",
        "title": "Audit office criticises cull payments",
        "text": (
            "The National Audit Office has criticised payments made during the foot-and-mouth "
            "cull.\n\nMinisters had hoped to get £900m from the EU to help with animal slaughter "
            "but in the end were granted £349m. That was because the UK had valued the culled "
            'animals at between "two and three times" their likely market value. National '
            'Audit Office head Sir John Bourn said: "Lessons must be learned."'
        ),
    },
    {
        "id": "politics/9116",
        "title": "Women still miss out on top jobs",
        "text": (
            "A new panel will advise companies on equal pay.\n\n"
            "Research conducted by the EOC last year revealed that many Britons believe the pay "
            "gap is natural. Women hold less than 10% of the top positions in FTSE 100 "
            "companies, according to their figures."
        ),
    },
    {
        "id": "tech/9105",
        "title": "Podcast software grows",
        "text": (
            "Adam Curry wrote the first version of the program.\n\n"
            "He put it up on the net and now dozens of coders are refining it."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_estimates_from_a_body_put_a_figure_credit_the_body_by_name(core: Core) -> None:
    row = await figure_row(core, "tsunami aid", "about $5bn")
    assert row.claimant == "World Bank"


async def test_a_body_that_produced_research_showing_a_figure_is_its_claimant(core: Core) -> None:
    row = await figure_row(core, "M&S prices", "11%")
    assert row.claimant == "Goldman Sachs"


async def test_according_to_before_a_thousands_figure_is_no_age(core: Core) -> None:
    row = await figure_row(core, "Rover jobs", "3,000 jobs")
    assert row.claimant == "the Observer"


async def test_figures_from_a_department_name_the_department_not_the_month(core: Core) -> None:
    row = await figure_row(core, "US exports", "2.3%")
    assert row.claimant == "Commerce Department"


async def test_a_person_who_put_something_somewhere_claims_no_figure(core: Core) -> None:
    row = await figure_row(core, "coders", "dozens of coders")
    assert "no source named" in row.claimant


async def test_a_verb_with_its_own_object_after_the_figure_does_not_claim_it(core: Core) -> None:
    row = await figure_row(core, "eBay profits", "$142m")
    assert "no source named" in row.claimant  # "Wall Street had expected more"
    row = await figure_row(core, "eBay sales", "5%")
    assert row.claimant == "the company"  # "..., the company said on Wednesday"


async def test_a_body_written_as_a_description_is_shown_by_the_name_given_before(
    core: Core,
) -> None:
    row = await figure_row(core, "insurers claims", "$42bn")
    assert row.claimant == "Swiss Re"  # not "The world's second biggest insurer"


async def test_a_described_body_the_article_never_names_is_no_source(core: Core) -> None:
    row = await figure_row(core, "insurer claims storms", "4%")
    assert "no source named" in row.claimant  # "The world's biggest insurer": an epithet


async def test_he_said_is_the_person_the_quotes_resolve_not_the_last_titled_name(
    core: Core,
) -> None:
    row = await figure_row(core, "singer trial ranch", "25 times")
    assert row.claimant == "Tom Sneddon"  # not "Mr Cole", the last "Mr" before "He said"


async def test_the_writers_comment_after_a_dash_is_not_the_subjects_claim(core: Core) -> None:
    row = await figure_row(core, "Turkey deficit", "$10.7bn")
    assert "no source named" in row.claimant  # "- an argument amplified by": the writer's


async def test_a_long_body_name_is_printed_without_its_article(core: Core) -> None:
    row = await figure_row(core, "robot market", "81,000 units")
    assert row.claimant == "United Nations Economic Commission for Europe"


async def test_the_other_partys_figure_in_a_while_clause_is_not_the_first_partys(
    core: Core,
) -> None:
    assert (await figure_row(core, "tax savings", "£35bn")).claimant == "The Tories"
    assert "no source named" in (await figure_row(core, "tax savings", "£22bn")).claimant


async def test_the_source_of_a_relative_clause_right_after_the_figure_is_its_claimant(
    core: Core,
) -> None:
    row = await figure_row(core, "Jarvis sale", "£100m")
    assert row.claimant == "analysts"  # "the £100m analysts had expected", not Jarvis


async def test_a_study_conducted_by_a_body_found_credits_the_body(core: Core) -> None:
    row = await figure_row(core, "library visitors", "16%")
    assert row.claimant == "Building Zones"


async def test_a_few_quoted_words_in_the_writers_sentence_are_no_speakers_figure(
    core: Core,
) -> None:
    row = await figure_row(core, "culled animals", "two and three times")
    assert "no source named" in row.claimant  # not Sir John Bourn, who spoke before


async def test_according_to_their_figures_names_the_body_whose_research_came_before(
    core: Core,
) -> None:
    row = await figure_row(core, "women top positions", "less than 10%")
    assert row.claimant == "the EOC"
