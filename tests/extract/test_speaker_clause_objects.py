"""The person a verb or a preposition governs in an uncued quote's sentence is whom the words
are about, not who said them: "calling Nir-Mozes “arrogant”", "of the late Jane Abramson"."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(text: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(text)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_the_object_of_a_participle_is_not_the_speaker() -> None:
    text = (
        "Judy Shalom Nir-Mozes apologized for a tweet about President Obama.\n\n"
        "Within minutes, the post garnered hundreds of comments, some of them calling "
        "Nir-Mozes “arrogant,” a “disgrace” and “explicitly racist.”\n"
    )
    assert _speaker(text, "explicitly racist") is None


def test_a_name_after_a_preposition_and_a_modifier_is_not_the_speaker() -> None:
    text = (
        "The Center on Wrongful Convictions gives an award every year.\n\n"
        "Thanks to the generosity of the family of the late Jane Beber Abramson, the Center "
        'is able to recognize one or more individuals every year "for extraordinary '
        'dedication to pursuing justice for the wrongly convicted."\n'
    )
    assert _speaker(text, "for extraordinary") is None


def test_the_sentence_subject_before_the_participle_still_speaks() -> None:
    text = (
        "Sen. Ted Cruz spoke to reporters on Tuesday.\n\n"
        "Cruz, with unconcealed delight, mocked the plan as a “Washington cartel” deal.\n"
    )
    assert _speaker(text, "Washington cartel") == "Ted Cruz"
