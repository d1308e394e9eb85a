"""Numbers of a web page's furniture and notation are not listed as figures, while the real
figures beside them are (sentences from the tune halves of stories_dev and quotes_dev)."""

from __future__ import annotations

import pytest

from bot.extract import analyse


def listed(text: str) -> list[str]:
    return [f.surface for f in analyse(text).figures]


def quantities(text: str) -> list[str]:
    return [f.surface for f in analyse(text, every_quantity=True).figures]


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # ids and timestamps of links and embeds
        (
            'The firm paid $5 million. <tweet pic="" author="JebBush" '
            'timestamp="1449075600" tweet_id="672153025243426816">Praying for the victims</tweet>',
            "1449075600",
            "$5 million",
        ),
        (
            "It cost $20. http://feeds.example.com/search.v2.xml?option=expand&id=691977&pid=691976",
            "691977",
            "$20",
        ),
        (
            "Supporting information is online at www.pnas.org/lookup/suppl/doi:10.1073/pnas.17118."
            " Plants make up 80 percent of all biomass.",
            "10.1073",
            "80 percent",
        ),
        (
            "The case is In re: SkyMall LLC, U.S. Bankruptcy Court, District of Arizona, No,"
            " 15-bk-00679. The debtors face $12 million of creditor claims.",
            "15",
            "$12 million",
        ),
        # phone numbers and the numbers one calls or texts
        (
            "Contact senior reporter Cris Barrish at (302) 324-2785. He has covered 40 trials.",
            "324-2785",
            "40 trials",
        ),
        (
            "Twenty-four minutes elapsed between the 911 call reporting an unresponsive adult male"
            " and the arrival of 12 officers.",
            "911",
            "12 officers",
        ),
        (
            "He entered the mosque to call 911 after hearing about 30 shots.",
            "911",
            "about 30 shots",
        ),
        # a ranked list's numbers and a pager
        (
            "The top 15 candidates:\n10. Mike Huckabee (10.)\nHe raised $2 million.",
            "10",
            "$2 million",
        ),
        (
            "The report included 175 items of evidence. View as one page Prev 1 | 12 | 13 | 14 Next",
            "12",
            "175 items",
        ),
        # a vote or ratio read as a range
        (
            "Nobody opposed him — he was confirmed 92 to 0 after a wait of 14 months.",
            "92 to 0",
            "14 months",
        ),
        (
            "A 4-to-4 tie at the court would have left 16 rulings in place.",
            "4-to-4",
            "16 rulings",
        ),
        # the base of a rate, the last day of a span, a postal code
        (
            "The rate is far worse than China's 27 per 100,000 or the United States' 14 per"
            " 100,000.",
            "100,000",
            "27",
        ),
        (
            "The survey was conducted from Aug. 22 to 25 among a population of 550 voters.",
            "25",
            "550 voters",
        ),
        (
            "The day marks the storming of the Bastille on July 14, 1789, by about 900 people.",
            "1789",
            "about 900 people",
        ),
        (
            "The essay was titled “Why Electing Hillary in ‘16 is More Important.” It ran to"
            " 3,000 words.",
            "16",
            "3,000 words",
        ),
        (
            "Send donations to 100 Haven Avenue, New York, NY, 10032. He had 17 grandchildren.",
            "10032",
            "17",
        ),
        # notation, references and galleries in brackets, captions
        (
            "Expatriates had a lower mean (M = 5.25 U/mL, SD = 0.54, N = 12) than 132 locals.",
            "0.54",
            "132 locals",
        ),
        (
            "The cases contributed 25% (binomial exact 95% CI, 14% to 40%) to the caseload.",
            "95%",
            "25%",
        ),
        (
            "Global estimates are still lacking (10, 11) for 3 of the groups, covering 40 percent.",
            "11",
            "40 percent",
        ),
        (
            "Slideshow (16 Images)\nThe city reported two murders in all of 2015.",
            "16 Images",
            "two murders",
        ),
        (
            "In this April 11, 2018, file photo, two boys push their scooters through a park."
            " Wild mammals fell by 85 percent.",
            "two boys",
            "85 percent",
        ),
        # the points of an argument, ranked by an adjective
        (
            "Trump's delegate problems stem from two major issues, Silver wrote after 40 votes.",
            "two major issues",
            "40 votes",
        ),
        (
            "Republicans have two main questions: how 300 emails got on the server, and why.",
            "two main questions",
            "300 emails",
        ),
        # the count that opens the page's own list
        (
            "Sales fell 6% last year. Here are five key trends to watch across the states.",
            "five key trends",
            "6%",
        ),
        (
            "She is not the only one. Here are 10 more female celebs who have done it, "
            "among 300 stars polled.",
            "10 more female celebs",
            "300 stars",
        ),
        # a finance site's live quote beside a ticker
        (
            "Competition from Amazon.com Inc. AMZN, -1.29% and other retailers cut sales 6%.",
            "-1.29%",
            "6%",
        ),
        # numbered citations in square brackets, one alone or a list or a span
        (
            "Antibodies were found in 14 people [ 11 ], as others reported [17,18].",
            "11",
            "14 people",
        ),
        (
            "Antibodies were found in 14 people [ 7 – 10 ] in the outbreak.",
            "7 – 10",
            "14 people",
        ),
        # a scientific page's reference list
        (
            "The virus killed 12 people in Texas.\n\nReferences\n\nBriese T , Chowdhary R ,"
            " Upolu virus and Aransas Bay virus, two presumptive bunyaviruses, are novel. J Virol"
            " . 2014 ; 88 : 5298 – 309 .",
            "two presumptive bunyaviruses",
            "12 people",
        ),
        # a rate's bare base (rate_bases.bare_rate_base)
        (
            "Some 30 in a 1,000 survive the first year, and 40 patients died.",
            "1,000",
            "40 patients",
        ),
        # a few things said or thought
        (
            "This species has lost the two things that we think made rodents successful, in"
            " 25 million years.",
            "two things",
            "25 million years",
        ),
    ],
)
def test_furniture_is_not_listed_and_the_figure_beside_it_is(
    text: str, gone: str, kept: str
) -> None:
    surfaces = listed(text)
    assert any(kept in s for s in surfaces), surfaces
    assert not any(gone == s or s.startswith(gone + " ") for s in surfaces), surfaces


def test_furniture_stays_a_quantity_for_extract_json() -> None:
    """The editor's view leaves it out; `briefbot extract --json` counts what it counts."""
    text = "Texting line: text WORK to 82623 for details; it costs $5."
    assert "82623" not in listed(text)
    assert "82623" in quantities(text)


def test_a_rate_base_is_read_into_the_rate_in_both_views() -> None:
    """ "14 per 100,000" is one figure, a rate per 100,000 (bot/extract/rate_bases.py)."""
    text = "The rate is 14 per 100,000 in the United States."
    assert listed(text) == quantities(text) == ["14 per 100,000"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Analysts said the company answered a grand total of seven questions.", "seven"),
        ("Prices rose from 6 to 9 percent in a year.", "6 to 9 percent"),
        ("She is 5-foot-8 and weighs about 120 pounds.", "about 120 pounds"),
        ("The study followed 100 patients for every 1,000 screened.", "100 patients"),
        ("He called 12 witnesses in all.", "12 witnesses"),
        ("Shares fell -3% on Monday, the company said.", "-3%"),
        (
            "Statistics to the end of November showed a decline since October from 785 to 708.",
            "785 to 708",
        ),
        # a measure after "Here's" is no list's count
        ("Here's $5 million for the schools, the mayor said.", "$5 million"),
        # the same nouns counted without a ranking adjective, or things after one, are counts
        (
            "The company made two new share issues worth more than 2bn euros.",
            "two new share issues",
        ),
        ("She answered a grand total of seven questions in Iowa on Dec. 4.", "seven questions"),
        ("Insurers paid out after four major hurricanes hit the US.", "four major hurricanes"),
    ],
)
def test_real_figures_near_furniture_words_stay(text: str, kept: str) -> None:
    assert any(s.startswith(kept) for s in listed(text)), listed(text)


def test_one_day_between_a_modal_and_its_verb_is_some_day() -> None:
    text = (
        "The researchers developed a picture of an animal whose descendants would one day"
        " include whales, over 200 million years."
    )
    assert "one day" not in listed(text)
    assert "one day" in listed("The strike will last one day, the union said.")
