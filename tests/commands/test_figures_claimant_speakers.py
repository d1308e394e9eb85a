"""Issue 19, stop 24: the claimant an editor sees in /figures when a named person gives the
figure: a person who "has suggested" a sum (suggesting is a claim when a person does it, not
only a report), a speaker whose "said" reports what a described body expects ("Mr Cartagena
said the industry expects ..."), a speaker after a date ("On Tuesday Sir Alan said"), a knight
shown by the full name the article gave, "..., she explains." closing the sentence, read
through the quotes' he/she resolution when the two sentences before name that person; and a
story told or a work written ("Wolf Brother tells the story of", "Adams wrote the screenplay
based on") credits no one; "It said data from employment tribunals suggested 1,500" is the
body "it" is, named as the source just before."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from tests.commands.figure_rows import core_over, figure_row

ARTICLES = [
    {
        "id": "business/9201",
        "title": "Ukraine to review steel plant sale",
        "text": (
            "Ukraine's new president Viktor Yushchenko wants the sale of the Kryvorizhstal steel "
            "plant reviewed.\n\nThe plant was sold for $800m to a group linked to the former "
            "president's son-in-law. Mr Yushchenko has suggested a fair valuation could be as "
            "much as $3bn."
        ),
    },
    {
        "id": "business/9202",
        "title": "Chile copper investment to soar",
        "text": (
            "Chile's copper producers are planning new mines.\n\n"
            "Patricio Cartagena, of the Chilean Copper Commission, spoke in Santiago. Mr "
            "Cartagena said the industry expects to see investment worth $10bn over the next "
            "three years."
        ),
    },
    {
        "id": "politics/9203",
        "title": "Visa inquiry reports on nanny",
        "text": (
            "Sir Alan Budd was asked to look into the fast-tracking of a visa.\n\n"
            "On Tuesday Sir Alan said the application made by the nanny was processed in 52 "
            "days, 120 days faster than the average."
        ),
    },
    {
        "id": "business/9204",
        "title": "Iraq rethinks foreign ownership",
        "text": (
            "Dr Anne Alexander, of Cambridge University, studies the Iraqi economy.\n\n"
            'Many Iraqis are wary of foreign firms, observes Ms Alexander. "It is seen as a '
            "selling off of Iraq's assets,\" she says. Consequently, the transitional government "
            "has backtracked over its proposal to allow 100% foreign ownership of Iraqi assets, "
            "she explains."
        ),
    },
    {
        "id": "business/9205",
        "title": "Growth forecast cut again",
        "text": (
            "The economy slowed in the last quarter.\n\n"
            "The minister said analysts expect growth of 3% this year. The figures suggested "
            "a 2% rise in spending."
        ),
    },
    {
        "id": "entertainment/9207",
        "title": "Debut children's book wins prize",
        "text": (
            "A debut children's book has won the prize.\n\nWolf Brother tells the story of "
            "Torak, a 12-year-old hunter who lives in the forest. Adams wrote the screenplay "
            "based on his book, while a radio series was aired 26 years after the first."
        ),
    },
    {
        "id": "business/9206",
        "title": "Port traffic falls",
        "text": (
            "Mr Grant runs the port authority.\n\nShipping lines have cut routes. Dockers "
            "blame the weather. Cargo fell by 12% in January, he said."
        ),
    },
    {
        "id": "politics/9208",
        "title": "TUC calls for whistleblower law",
        "text": (
            "The government should give more protection to employees who raise safety "
            "concerns, the TUC has said.\n\nIt said data from employment tribunals suggested "
            '1,500 "safety whistleblowers" had lost their jobs since 1999.'
        ),
    },
    {
        "id": "business/9209",
        "title": "Shop prices steady",
        "text": (
            "Shop prices held steady in March as the winter sales ended early across the "
            "high street.\n\nIt said data from employment tribunals suggested 4,000 coats "
            "were sold in the last week of the month."
        ),
    },
]


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with core_over(tmp_path, ARTICLES) as c:
        yield c


async def test_a_person_who_has_suggested_a_sum_is_its_claimant(core: Core) -> None:
    row = await figure_row(core, "steel plant valuation", "as much as $3bn")
    assert row.claimant == "Mr Yushchenko"


async def test_the_named_speaker_gives_what_a_described_body_expects(core: Core) -> None:
    row = await figure_row(core, "copper investment", "$10bn")
    assert row.claimant == "Mr Cartagena"


async def test_a_date_before_the_speaker_and_a_knight_by_full_name(core: Core) -> None:
    row = await figure_row(core, "visa nanny", "52 days")
    assert row.claimant == "Sir Alan Budd"


async def test_she_explains_after_the_figure_is_the_person_named_before(core: Core) -> None:
    row = await figure_row(core, "foreign ownership Iraq", "100%")
    assert "Alexander" in row.claimant


async def test_an_unnamed_speaker_or_a_document_gives_no_person(core: Core) -> None:
    row = await figure_row(core, "growth forecast", "3%")
    assert row.claimant == "analysts"  # "The minister" names no one: the nearer source stays
    row = await figure_row(core, "spending", "2%")
    assert "no source named" in row.claimant


async def test_a_work_told_or_written_is_no_source(core: Core) -> None:
    row = await figure_row(core, "Wolf Brother Torak", "12-year-old")
    assert "no source named" in row.claimant
    row = await figure_row(core, "radio series", "26 years")
    assert "no source named" in row.claimant


async def test_it_said_data_suggested_is_the_body_it_is(core: Core) -> None:
    row = await figure_row(core, "whistleblowers tribunals", "1,500")
    assert "TUC" in row.claimant  # not "data from employment tribunals"
    row = await figure_row(core, "coats sold", "4,000 coats")
    assert row.claimant == "data from employment tribunals"  # no body named before: it stays


async def test_he_said_with_no_one_named_just_before_gives_no_source(core: Core) -> None:
    row = await figure_row(core, "cargo", "12%")
    assert "no source named" in row.claimant
