"""Issue 19, stop 24: the counted noun is a noun phrase's head. A plural noun before another
describes it ("two cosmetics brands" counts brands), a count keeps the compounds of
data/counted_compounds.tsv whole ("three Grand Slams", "three double faults"), reads a noun
set in quotes ('1,500 "safety whistleblowers"') and a capitalised plural after "other" ("16
other Lib Dem MPs"); where the word after a plural may be a verb, the first noun stays.

Each case is a BBC-shaped sentence and the unit an editor sees beside the count in /figures.
"""

from __future__ import annotations

import pytest

from bot.extract import analyse


def _unit(text: str, surface: str) -> str | None:
    """The unit of the one figure whose surface holds surface (fails if none)."""
    found = [f for f in analyse(text).figures if surface in f.surface]
    assert found, [f.surface for f in analyse(text).figures]
    return found[0].unit


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        (
            "Privately-held Falic Group bought two cosmetics brands, Hard Candy and Urban "
            "Decay, from LVMH in early 2003.",
            "two",
            "brands",
        ),
        (
            "The Tories would put the money into the 151,000 sports clubs in the UK.",
            "151,000",
            "clubs",
        ),
        ("Hayes is the only athlete to win three athletics medals this summer.", "three", "medals"),
        (
            "Roger Federer became the first man since Mats Wilander in 1988 to win three Grand "
            "Slams in one season.",
            "three",
            "Grand Slams",
        ),
        (
            "Mirza began nervously in front of a raucous home crowd - committing three double "
            "faults in her opening service game.",
            "three",
            "double faults",
        ),
        (
            "Likhovtseva needed nine match points before seeing off Sfar.",
            "nine",
            "match points",
        ),
        (
            'It said data from employment tribunals suggested 1,500 "safety whistleblowers" '
            "had lost their jobs since 1999.",
            "1,500",
            "whistleblowers",
        ),
        (
            "Mr Kennedy missed Monday's Commons vote, along with 16 other Lib Dem MPs.",
            "16",
            "MPs",
        ),
        (
            "The club is due to move into its new 60,000-seater Emirates Stadium in 2006.",
            "60,000",
            "seats",
        ),
        (
            "Million Dollar Baby, Sideways and Closer took two Golden Globes each.",
            "two",
            "Golden Globes",
        ),
        (
            "The ILO estimated that 400,000 Sri Lankans have lost their jobs.",
            "400,000",
            "Sri Lankans",
        ),
        # a describing word is still dropped: the head alone is the counted noun
        ("He sold four antique mobile phones at the auction.", "four", "phones"),
        ("Some 110,000 net cafes in the country have to use the software.", "110,000", "cafes"),
        ("The firm won two Brit Awards on Wednesday.", "two", "Awards"),
    ],
)
def test_the_counted_noun_is_the_head_of_its_phrase(text: str, surface: str, unit: str) -> None:
    assert _unit(text, surface) == unit


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        # the verb after the noun agrees with the phrase the count is inside
        (
            "Bosses are highly optimistic about their prospects, a survey of 1,300 bosses "
            "suggests.",
            "1,300",
            "bosses",
        ),
        ("The Paris Club of 19 creditors meets on 12 January.", "19", "creditors"),
        # a plural word followed by no clause boundary may be a verb: the first noun stays
        ("Google News gathers information from some 4,500 news sources.", "some 4,500", "news"),
    ],
)
def test_a_word_that_may_be_a_verb_is_not_read_as_the_head(
    text: str, surface: str, unit: str
) -> None:
    assert _unit(text, surface) == unit


def test_an_adverb_in_s_is_no_counted_noun() -> None:
    text = "Before then I want to perform well over 60m indoors and start my year in form."
    assert _unit(text, "60m") == "m"


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Four of the 16 Lib Dem MPs voted against the bill.", "Four", "MPs"),
        ("Two of the 25 EU members objected to the plan.", "Two", "members"),
        (
            "The 18-year-old wild card won three of the four junior Grand Slam events last year.",
            "three",
            "events",
        ),
        (
            "England lost five of their eight post-World Cup Tests under Dallaglio.",
            "five",
            "Tests",
        ),
    ],
)
def test_a_part_counts_what_its_whole_counts_past_names(text: str, surface: str, unit: str) -> None:
    assert _unit(text, surface) == unit


def test_second_hand_is_no_time() -> None:
    text = "ATR will also provide six second hand airplanes to the airline."
    assert _unit(text, "six") == "airplanes"


def test_a_share_whose_noun_runs_on_past_three_words_keeps_no_noun() -> None:
    text = "Maruti accounts for half of India's domestic car sales, luring consumers."
    assert _unit(text, "half") is None
