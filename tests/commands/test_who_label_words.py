"""/who said through the real core on BBC-shaped articles whose speaker is written with a
word that also labels something else: a surname that is a month or a weekday ("May said:",
"'...,' May wrote", for Brian May), and a party word before a role before a name ("Tory
co-chairman Liam Fox ... he told", "Top-seeded Americans Andy Roddick"), and a he after an
unnamed source's quote whose antecedent opened a sentence since ("Tait himself appeared
unaffected ... he said"). The person the article names is the speaker; the party
is never one, and where nobody but a party-labelled group is there, or a rank ("said the
top seed") the article gives nobody, the quote is unattributed."""

from __future__ import annotations

from pathlib import Path

from bot.model import Reply
from tests.commands.who_replies import article_file, ask_over, label_of

ARTICLES = {
    "entertainment/930": (
        "Queen to tour with new singer\n\n"
        "The band are to tour next year with singer Paul Rodgers.\n\n"
        "Guitarist Brian May has said he expects to be on the road from April. May said: "
        '"Suddenly the band is rising again from the ashes." Queen have played with many '
        "singers since 1991.\n\n"
        '"We were both so amazed at the chemistry that was going on," May wrote on his '
        "website. They teamed up again for a concert in May.\n"
    ),
    "entertainment/931": (
        "Tour plans for rock band\n\n"
        "The band meets in May to plan a tour with guitarist Brian May and Roger May.\n\n"
        'May said: "We will decide on the dates soon."\n'
    ),
    "politics/932": (
        "Tory delegates are gathering for what is expected to be their last conference "
        'before the general election, declaring Britain needs "a change at the top".\n\n'
        "The party goes into its spring forum trying to highlight what it sees as a clear "
        "choice between it and Labour. Tory co-chairman Liam Fox has opened proceedings with "
        "a speech criticising Tony Blair's record in government. Labour's rule has been "
        'characterised by "lost trust and failure to deliver", he told the Brighton '
        'conference. A Tory government would sort out the "shambles" of immigration, he said. '
        "Dr Fox also underlined Tory promises to cut tax by £4bn.\n\n"
        "Conservative leader Michael Howard will address them in a lunchtime speech. Mr "
        "Howard is likely to defend his party's handling of the bill.\n"
    ),
    "politics/933": (
        "ID cards plan attacked\n\n"
        "The Tories backed the plans on Monday. Lib Dem home affairs spokesman Mark Oaten has "
        'branded the scheme a waste of money. He said: "This has all the signs of a government '
        'overruling concerns over ID cards."\n'
    ),
    "sport/934": (
        "Roddick into last eight\n\n"
        "Top-seeded Americans Andy Roddick and Andre Agassi survived minor scares to reach the "
        "last eight. Frenchman Cyril Saulnier fired 19 aces to beat Tomas Zib.\n\n"
        "Roddick broke a racket in frustration in the second set and afterwards was unimpressed "
        "with his form. \"I'm not playing great but I'm through,\" he said.\n"
    ),
    "sport/935": (
        "Robinson faces test\n\n"
        "England coach Andy Robinson faces a test. The midfield pairing of Mathew Tait and Jamie "
        "Noon is under threat.\n\n"
        "Tait received praise from Robinson afterwards, even if the coach admitted Cardiff was an "
        '"unforgiving place" for the teenage prodigy. Tait himself appeared unaffected by the '
        'treatment dished out to him. "I want more of that definitely," he said.\n'
    ),
    "sport/937": (
        "Federer into Qatar semi-finals\n\n"
        "Roger Federer reached the last four with an easy win over seventh seed Feliciano "
        'Lopez. The Swiss world number one reeled off a series of winners. "I think I played '
        'better than in the last round and I am happy," said the top seed.\n'
    ),
    "politics/936": (
        "Unions ballot on strike\n\n"
        'Unions are balloting members, our correspondent added "the unions are agreed". '
        "Deputy Prime Minister John Prescott held a private meeting with union figures. Our "
        'correspondent said that he understood no deal had been offered. There was "some real '
        'possibility of the strike action being avoided", he added.\n'
    ),
}


async def _ask(tmp_path: Path, line: str) -> Reply:
    return await ask_over(tmp_path, article_file(tmp_path / "bbc_labels.jsonl", ARTICLES), line)


async def test_a_month_before_said_is_the_one_person_bearing_it_as_a_surname(
    tmp_path: Path,
) -> None:
    reply = await _ask(tmp_path, "/who said rising again from the ashes")
    assert label_of(reply, "rising again from the ashes") == "Brian May"


async def test_a_month_before_a_cue_after_the_quote_is_that_person(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said amazed at the chemistry")
    assert label_of(reply, "amazed at the chemistry") == "Brian May"


async def test_a_month_two_people_bear_as_a_surname_is_unattributed(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said decide on the dates")
    assert label_of(reply, "decide on the dates") == "unattributed"


async def test_a_party_word_before_a_role_and_a_name_is_no_speaker(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said failure to deliver")
    assert label_of(reply, "failure to deliver") == "Liam Fox"


async def test_a_party_labelled_group_is_no_named_speaker(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said a change at the top")
    assert label_of(reply, "a change at the top") == "unattributed"


async def test_a_party_of_two_words_before_a_role_and_a_name_is_no_antecedent(
    tmp_path: Path,
) -> None:
    reply = await _ask(tmp_path, "/who said all the signs of a government")
    assert label_of(reply, "all the signs of a government") in ("Mark Oaten", "unattributed")


async def test_a_he_after_the_subject_of_the_sentence_before_is_that_person(
    tmp_path: Path,
) -> None:
    # "Top-seeded Americans Andy Roddick": the label before the name does not hide him
    reply = await _ask(tmp_path, "/who said not playing great")
    assert label_of(reply, "not playing great") == "Andy Roddick"


async def test_a_he_after_an_unnamed_quote_is_the_person_who_opened_a_sentence_since(
    tmp_path: Path,
) -> None:
    reply = await _ask(tmp_path, "/who said want more of that definitely")
    assert label_of(reply, "want more of that definitely") == "Mathew Tait"


async def test_a_he_after_an_unnamed_speaker_spoke_again_stays_unattributed(
    tmp_path: Path,
) -> None:
    # the correspondent spoke after Prescott was named: "he added" is not Prescott
    reply = await _ask(tmp_path, "/who said some real possibility")
    assert label_of(reply, "some real possibility") == "unattributed"


async def test_a_rank_nobody_is_given_in_the_article_is_unattributed(tmp_path: Path) -> None:
    # "the top seed": the article calls Federer world number one and Lopez seventh seed,
    # nobody the top seed
    reply = await _ask(tmp_path, "/who said happy")
    assert label_of(reply, "I am happy") == "unattributed"
