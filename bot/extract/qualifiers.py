"""Figure qualifiers: "about", "more than", "up to", "or more" before or after a number, as a table."""

from __future__ import annotations

import itertools
import re

from bot.extract.figure_reading import Cand

_QUALIFIERS: dict[str, str] = {
    "about": "approximately", "around": "approximately", "roughly": "approximately",
    "approximately": "approximately", "approx.": "approximately", "some": "approximately",
    "an estimated": "approximately", "estimated": "approximately", "circa": "approximately",
    "c.": "approximately", "~": "approximately", "≈": "approximately", "barely": "approximately",
    "averaged": "approximately", "averaging": "approximately", "or so": "approximately",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just shy of": "nearly",
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "upwards of": "more than", "upward of": "more than",
    "well over": "more than", "just over": "more than", "over than": "more than",
    "greater than": "more than", "higher than": "more than", "exceeding": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "a minimum of": "at least", "or more": "at least",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "as deep as": "up to",
    "as far as": "up to", "as high as": "up to", "as long as": "up to", "as large as": "up to",
    "a maximum of": "up to",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "just under": "less than", "lower than": "less than",
    "at most": "at most", "no more than": "at most", "not more than": "at most",
}  # fmt: skip

_QUAL_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<q>"
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+")
        for q in sorted(
            (q for q in _QUALIFIERS if q not in ("or so", "or more")), key=len, reverse=True
        )
    )
    + r")\s*|(?P<s>[~≈])\s*|(?P<sub>\bsub-))$",
    re.IGNORECASE,
)

_QUAL_AFTER = re.compile(r"(?:\s+or\s+(?P<q>so|more)\b|(?P<plus>-?plus\b|\+(?![\d])))", re.I)

_BRACKET_GAP = re.compile(r"\s*[(/]\s*")


def inherit_qualifiers(text: str, cands: list[Cand]) -> None:
    """A conversion in brackets shares its figure's qualifier: "under 296 hp (224 kW / 300 PS)"."""
    for prev, c in itertools.pairwise(cands):
        if (
            c.qualifier is None
            and prev.qualifier not in (None, "vague")
            and _BRACKET_GAP.fullmatch(text, prev.end, c.start)
        ):
            c.qualifier = prev.qualifier


def attach_qualifier(text: str, c: Cand) -> None:
    window_start = max(0, c.start - 24)
    m = _QUAL_BEFORE.search(text, window_start, c.start)
    if m:
        if m.group("q"):
            q = re.sub(r"\s+", " ", m.group("q").lower())
            if (
                (
                    q in ("some", "under", "over", "below", "above")
                    and c.kind == "words"
                    and c.value == 1
                )
                or (
                    q == "estimated"
                    and not re.search(r"\ban?\s+estimated\s*$", text[window_start : c.start], re.I)
                )
                or (q in ("averaged", "averaging") and c.unit in ("percent", None))
            ):
                pass
            else:
                c.qualifier = _QUALIFIERS[q]
                c.start = m.start()
        elif m.group("s"):
            c.qualifier = "approximately"
            c.start = m.start()
        elif m.group("sub"):
            c.qualifier = "less than"
            c.start = m.start()
    if c.kind == "vague" and c.qualifier is None:
        c.qualifier = "vague"
    after = _QUAL_AFTER.match(text, c.unit_end if c.unit_end > 0 else c.end)
    if after and c.qualifier in (None, "vague"):
        if after.group("q"):
            c.qualifier = _QUALIFIERS["or " + after.group("q").lower()]
        else:
            c.qualifier = "more than"
