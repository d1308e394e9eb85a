"""A quote opening its sentence and followed by a named person and a verb is that person's,
even when the verb is no cue we know; it is not handed on to the speaker before it."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(text: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(text)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_an_unknown_verb_after_the_name_keeps_the_quote_from_the_last_paragraphs_speaker() -> None:
    text = (
        "Glenn Beck responded to Sarah Palin's endorsement of Donald Trump on Wednesday.\n\n"
        "“She was right about him but for all of the wrong reasons,” Trump said at the rally.\n\n"
        "“What was the massive pivot point to make him change so fundamentally?” Beck "
        "questioned.\n"
    )
    assert _speaker(text, "What was the massive") == "Glenn Beck"


def test_a_quote_closing_on_an_ellipsis_is_the_named_persons_not_the_interviewers() -> None:
    text = (
        "Rachel Maddow interviewed Hillary Clinton on MSNBC.\n\n"
        "Maddow asked whether she would choose a running mate from outside politics.\n\n"
        "“Well, yes. I’m going to look at a lot of different people…” Clinton said.\n"
    )
    assert _speaker(text, "Well, yes") == "Hillary Clinton"


def test_a_capitalised_word_opening_the_next_sentence_is_no_speaker() -> None:
    text = (
        "Ronald Reagan was known for his hatred of what he called the Soviet empire, voiced "
        'in his famous demand in Berlin in 1987: "Mr. Gorbachev, tear down this wall!" '
        "Conservatives still praise his refusal to accept the status quo.\n"
    )
    assert _speaker(text, "Mr. Gorbachev") == "Ronald Reagan"


def test_a_company_before_a_role_noun_is_a_label_not_the_speaker() -> None:
    text = (
        "Marissa Mayer is leaving Yahoo.\n\n"
        "“She started out with so much enthusiasm,” said Mark Mahaney, an analyst.\n\n"
        "“While Marissa stabilized Yahoo during her tenure, she missed on the big trends,” "
        "Constellation Research founder and principal analyst R “Ray” Wang said via email.\n"
    )
    assert _speaker(text, "While Marissa") in ("Wang", "R Wang")
