"""An agency named as the modifier of an unnamed person's role ("a former CMS official") is
not who spoke; the agency's spokeswoman still speaks for it."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes

ARTICLE = (
    "Contractor faced few questions\n\n"
    "CGI Federal had been cleared to work at the Centers for Medicare and Medicaid Services "
    "(CMS). Three former CMS officials said in recent interviews that the problems should "
    "have raised red flags.\n\n"
    "“Should CMS have recognized that it looks a lot like the AMS from yesterday?” asked one "
    "former CMS official familiar with the contracting process.\n\n"
    "“The agency adheres to a long-standing process,” said a CMS spokeswoman.\n"
)


def _speaker(opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(ARTICLE)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_an_unnamed_official_of_an_agency_is_not_the_agency() -> None:
    assert _speaker("Should CMS") is None


def test_the_agencys_spokeswoman_speaks_for_it() -> None:
    assert _speaker("The agency adheres") == "CMS"
