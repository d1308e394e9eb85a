"""Issue 19, stop 25: a body that says or finds a figure is its claimant in /figures.

"The SEC also found ... 50%": an inquiring body that finds something gives it ("Wales found
20 minutes" credits no one). "according to the site": the site the article named ("Fan
website Trek United"); "the firm said": the one firm the article named with that word (for "the company", "the firm"
and "the group", any word for a business: "telecoms firm", "drugmaker"), unless it wrote "the
firm" of some other body first or named the firm only as a speaker's employer. "Marsh & McLennan, which said": the body before
"which"."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from tests.commands.figure_rows import core_over, figure_row

ARTICLES = [
    {
        "id": "business/9501",
        "title": "Disney settles with SEC over disclosure",
        "text": (
            "Walt Disney has settled charges that it failed to tell investors about ties "
            "between its directors and the firm.\n\nThe SEC also found that Disney did not "
            "disclose that a 50% Disney-owned subsidiary employed the wife of a director."
        ),
    },
    {
        "id": "entertainment/9502",
        "title": "Star Trek fans fight to save show",
        "text": (
            "Star Trek fans have taken out a full-page advert to save the show.\n\nFan website "
            "Trek United is hoping to raise $32m from donations by the end of March. More than "
            "$23,000 has been pledged so far, according to the site."
        ),
    },
    {
        "id": "tech/9503",
        "title": "Phishing attacks soar in 2004",
        "text": (
            "Phishing attacks have boomed in 2004, say security experts.\n\nThe number of "
            "phishing messages stopped by security firm MessageLabs has risen tenfold. The "
            "firm said it detected more than 18 million phishing e-mail messages."
        ),
    },
    {
        "id": "business/9504",
        "title": "Jet fuel supplier sets out debt plan",
        "text": (
            "China Aviation Oil lost $550m on trading in oil futures.\n\nThe firm said it "
            "hoped to pay creditors soon. Among the creditors is South Korean firm SK Energy. "
            "Of the immediate payment, the firm said it would be paying $30m out of its own "
            "resources."
        ),
    },
    {
        "id": "business/9505",
        "title": "Aon to pay $190m over broker fees",
        "text": (
            "Aon is to pay $190m to settle a probe into its broker fees.\n\nAon's move follows "
            "that of Marsh & McLennan, which said last week it would pay $850m to settle."
        ),
    },
    {
        "id": "business/9507",
        "title": "Deutsche Telekom returns to profit",
        "text": (
            "German telecoms firm Deutsche Telekom saw strong fourth quarter profits.\n\n"
            '"That gives them some head room," said Hannes Wittig, analyst at research firm '
            "Dresdner Kleinwort. The company also said it would resume paying a dividend, "
            "after two years in which it focused on cutting debt."
        ),
    },
    {
        "id": "tech/9508",
        "title": "Microsoft clamps down on pirated Windows",
        "text": (
            "Microsoft says it is restricting security features for pirated copies of "
            "Windows.\n\nGraham Cluley, senior consultant at security firm Sophos, welcomed "
            "the move. The company said 90% of the PCs it cleaned were infected with spyware."
        ),
    },
    {
        "id": "business/9509",
        "title": "Brokers told to disclose commissions",
        "text": (
            "Insurance brokers must disclose their commissions, the FSA said.\n\nIn the US, "
            "lack of transparency has led to problems. The world's biggest insurance broker "
            "Marsh & McLennan said last week it would pay $850m to settle charges. The US's "
            "largest carmaker General Motors said it would cut 5,000 jobs."
        ),
    },
    {
        "id": "entertainment/9510",
        "title": "ABC revives game shows",
        "text": (
            "ABC is reviving more classic game shows for its summer schedule.\n\nABC has also "
            "found success with revivals of game shows, which drew 9 million viewers. Kono is "
            "a district in eastern Sierra Leone which reported 301 cases of the disease."
        ),
    },
    {
        "id": "sport/9506",
        "title": "Wales rally to beat Italy",
        "text": (
            "Wales beat Italy in Rome on Saturday to stay top of the Six Nations table.\n\n"
            "After a slow start, Wales found 20 minutes of brilliance to score three tries."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_a_body_that_found_a_figure_is_its_claimant(core: Core) -> None:
    row = await figure_row(core, "Disney subsidiary", "50%")
    assert row.claimant == "The SEC"
    row = await figure_row(core, "Wales Italy", "20 minutes")
    assert "no source named" in row.claimant  # a team finding time is no inquiry


async def test_according_to_the_site_names_the_site(core: Core) -> None:
    row = await figure_row(core, "Star Trek pledged", "More than $23,000")
    assert row.claimant == "Trek United"


async def test_the_firm_is_the_one_firm_named_so(core: Core) -> None:
    row = await figure_row(core, "phishing messages", "more than 18 million")
    assert row.claimant == "MessageLabs"


async def test_the_firm_stays_unnamed_when_it_meant_another_body_first(core: Core) -> None:
    row = await figure_row(core, "jet fuel payment", "$30m")
    assert row.claimant != "SK Energy"


async def test_the_company_is_the_business_the_article_named_by_any_word_for_one(
    core: Core,
) -> None:
    row = await figure_row(core, "Deutsche Telekom dividend", "two years")
    assert row.claimant == "Deutsche Telekom"  # not the analyst's research firm
    row = await figure_row(core, "Microsoft pirated Windows", "90%")
    assert row.claimant != "Sophos"  # a speaker's employer is not "the company"


async def test_a_body_before_which_said_is_the_claimant(core: Core) -> None:
    row = await figure_row(core, "Marsh broker fees", "$850m")
    assert row.claimant == "Marsh & McLennan"


async def test_a_body_described_before_its_name_is_shown_by_its_name(core: Core) -> None:
    row = await figure_row(core, "brokers commissions", "$850m")
    assert row.claimant == "Marsh & McLennan"  # not "The world's biggest insurance broker ..."
    row = await figure_row(core, "brokers commissions", "5,000 jobs")
    assert row.claimant == "General Motors"


async def test_found_success_and_a_which_without_comma_credit_no_one(core: Core) -> None:
    row = await figure_row(core, "ABC game shows", "9 million viewers")
    assert row.claimant != "ABC"  # "found success" is no finding
    row = await figure_row(core, "ABC game shows", "301 cases")
    assert row.claimant != "Sierra Leone"  # "which" with no comma may mean the district
