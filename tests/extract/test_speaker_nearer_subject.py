"""An uncued quoted phrase goes to the subject of its own clause: a person named between
the sentence's subject and the quote with a verb of their own ("an incident Trump brought
up as ..."), not the sentence's first name."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(text: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(text)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_a_relative_clause_with_its_own_named_subject() -> None:
    text = (
        "Ken Starr praised Bill Clinton on Tuesday. Donald Trump has attacked the Clintons.\n\n"
        "Starr in 1994 took over the investigation of the Whitewater deal and investigated the "
        "suicide of White House deputy counsel Vincent Foster, an incident Trump brought up as "
        '"very fishy" in an interview published Monday evening.\n'
    )
    assert _speaker(text, "very fishy") == "Donald Trump"


def test_an_appositive_between_the_inner_subject_and_its_verb() -> None:
    text = (
        "Paul Manafort joined the Trump campaign. Bay Buchanan worked for Ronald Reagan.\n\n"
        "Manafort comes with the right calling card: He fiercely protected Gerald Ford's "
        "delegates at the last contested convention in 1976, in what Bay Buchanan, national "
        'treasurer for Ronald Reagan\'s insurgent campaign, called "hand-to-hand combat."\n'
    )
    assert _speaker(text, "hand-to-hand") == "Bay Buchanan"


def test_a_name_without_a_verb_of_its_own_leaves_the_sentence_subject() -> None:
    text = (
        "Mike Pence endorsed Ted Cruz on Friday.\n\n"
        "Pence, who is running for reelection this year, praised Cruz for showing "
        '"the courage of his convictions" in the race.\n'
    )
    assert _speaker(text, "the courage") == "Mike Pence"


def test_a_verb_that_frames_no_words_leaves_no_nearer_speaker() -> None:
    text = (
        "Jay Leno's show cut staff on Friday.\n\n"
        "NBC insiders tell me the show went through cuts. I've also learned that Jay Leno took "
        "what is being described as a “tremendous” pay cut.\n"
    )
    assert _speaker(text, "tremendous") is None
