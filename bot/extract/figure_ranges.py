"""Ranges of figures: "one to two kilometers", "15-22 mph", "between $48,000 and $90,000"."""

from __future__ import annotations

import dataclasses
import itertools
import logging
import re

from bot.extract.change_verbs import FALL, RISE, word_pattern
from bot.extract.figure_reading import Cand
from bot.extract.units import UNITS

log = logging.getLogger(__name__)


# a change's verb, then at most two words, right before "X to Y" ("rose 5% to 7%")
_CHANGE_BEFORE = re.compile(
    word_pattern(RISE | FALL | {"by"}) + r"\s+(?:\S+\s+)?(?:(?!(?:to|between|from)\s)[a-z]+\s+)?$",
    re.IGNORECASE,
)

# "from" up to two words before a number: "fell from £180,126", "from about 14"
FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
_FROM_BEFORE = FROM_BEFORE
# "prices range from £20 to £45", "anywhere from 5C to 10C", "aged from 18 to 34": a span of
# values, not a change from one to the other
SPAN_FROM = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|span(?:s|ned|ning)?|anywhere|anything|"
    r"somewhere|aged?)\s+from\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)


def written_change(before: str) -> bool:
    """Whether the words before a "X to Y" make it a change from X to Y ("fell from 785 to
    708"), kept in the order written, rather than a span of values sorted low to high."""
    return bool(FROM_BEFORE.search(before)) and not SPAN_FROM.search(before)


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:\S+\s+){0,3}[\"“‘']?$", re.IGNORECASE)

# "-\s+to": a suspended hyphen, "200- to 300-seat", "six- to eight-year-olds"
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to-?|-to-|-\s+to|through|thru)\s*$", re.IGNORECASE)

_DASH_GAP = re.compile(r"^\s?[-–—]\s?$")

_FROM_GAP = re.compile(r"^(?:(?!;|\.\s|,\s).){0,50}?\s(?:to|-)\s+$", re.IGNORECASE)


# a suspended hyphen before a list's next number: "16- and 32-gigabyte", "four-, five- and"
_SUSPENDED_AND = re.compile(r"-(?:,\s*|\s+and\s+|,\s+and\s+)")
# "16 and 17 year olds", "the 12, 13 and 14-year-olds": a plural "olds" names people of each
# age listed, so every number of the list takes the unit of age
_LIST_AND = re.compile(r"-?(?:,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)")
_OLDS_AFTER = re.compile(r"[ \t-]?olds\b", re.IGNORECASE)


def share_suspended_units(text: str, cands: list[Cand]) -> None:
    """Give "16-" in "16- and 32-gigabyte models" the unit of the compound that ends the list
    (English leaves the shared word out of all but the last: a suspended hyphen), right to
    left so "four-, five- and six-cylinder" passes it along."""
    listed: set[int] = set()  # numbers that took their unit from "olds" further right
    for a, b in reversed(list(itertools.pairwise(cands))):
        if (
            a.unit is None
            and b.unit is not None
            and not a.is_range
            and (
                (
                    text[b.num_end : b.num_end + 1] == "-"
                    and _SUSPENDED_AND.fullmatch(text, a.num_end, b.start)
                )
                or (
                    b.unit in ("year", "month", "week")
                    and a.kind == "digits"
                    and (_OLDS_AFTER.match(text, b.end) or id(b) in listed)
                    and _LIST_AND.fullmatch(text, a.num_end, b.start)
                )
            )
        ):
            a.unit, a.currency = b.unit, b.currency
            listed.add(id(a))


def merge_ranges(text: str, cands: list[Cand], dashes_only: bool) -> list[Cand]:
    """Join "one to two kilometers", "15-22 mph", "between $48,000 and $90,000", "three or four"."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            merged = _range(text, a, b, dashes_only)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
            if _ratio_to_one(text, a, b):
                out.append(a)  # "outweigh people by 7,500 to 1": the 1 is the ratio's base
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_TO_GAP = re.compile(r"\s+to\s+", re.IGNORECASE)


def _ratio_to_one(text: str, a: Cand, b: Cand) -> bool:
    """Whether b is the "1" of a ratio "N to 1" (no range, no change from N): no figure of
    its own, as "one" in "one in five" is none."""
    return (
        b.value == 1
        and b.unit is None
        and not b.is_range
        and a.value is not None
        and a.value > 1
        and a.unit is None
        and bool(_TO_GAP.fullmatch(text, a.end, b.start))
        and not written_change(text[max(0, a.start - 40) : a.start])
    )


def _scaled(a: Cand, b: Cand) -> Cand | None:
    """ "17-million": a's number times b's scale word, as one figure."""
    if a.value is None or a.scale != 1.0 or a.unit is not None:
        return None
    return dataclasses.replace(
        a,
        end=b.end,
        num_end=b.num_end,
        value=a.value * b.scale,
        scale=b.scale,
        unit=b.unit,
        unit_end=b.unit_end,
        head=b.head,
    )


_WHOLE_THOUSANDS = re.compile(r"\d{1,3},000")
_PLAIN_WHOLE = re.compile(r"\d{1,3}")


def _thousands_low(text: str, a: Cand, b: Cand) -> bool:
    """Whether a dash range's low end is written short of the high end's thousands: in
    "$50-100,000" and "5-10,000 people" the low end is 50,000 and 5,000, since a plain number
    under the high end's thousands but at least a tenth of them reads as them ("1-100,000" is
    left as written)."""
    if a.value is None or b.value is None or a.scale != 1.0 or b.scale != 1.0 or b.currency:
        return False  # "£25-£40,000": each end written whole, with its own symbol
    if not (
        _PLAIN_WHOLE.fullmatch(text, a.num_start, a.num_end)
        and _WHOLE_THOUSANDS.fullmatch(text, b.num_start, b.num_end)
    ):
        return False
    thousands = b.value / 1000
    return thousands / 10 <= a.value < thousands


def _range(text: str, a: Cand, b: Cand, dashes_only: bool) -> Cand | None:
    if a.kind in ("vague", "fraction") or b.kind in ("vague", "fraction"):
        return None
    if a.value is None or b.value is None or a.is_range or b.is_range:
        return None
    if a.head and b.head and a.head != b.head:
        return None
    gap = text[a.end : b.start]
    if (
        _DASH_GAP.match(gap)
        and b.kind == "words"
        and b.value is not None
        and b.value == b.scale
        and b.scale >= 1e3
    ):
        return _scaled(a, b)  # "the 17-million population": one number, not 17 to a million
    if re.fullmatch(r"\s+[-–—]\s+", gap) and a.value > b.value and a.unit and b.unit:
        return None  # "on 31 points - four points behind Arsenal": an aside, not a range
    if dashes_only:
        if not _DASH_GAP.match(gap) or (a.unit and not (a.currency and _thousands_low(text, a, b))):
            return None  # "$50-100,000" is one range of dollars; "£5 - 10 points" is not
        if re.match(r"-\d", text[b.num_end : b.num_end + 2]) or re.search(
            r"\d-$", text[max(0, a.num_start - 2) : a.num_start]
        ):
            return None  # "4-4-2", "3-4-1": a formation of three numbers, no range
        kind = "dash"
        before = ""
    else:
        before = text[max(0, a.start - 40) : a.start]
        if a.unit and b.unit is None and a.currency:
            return None
        if a.unit == "percent" and b.unit is None and b.value > 100:
            return None  # "sales rise 8% to 4.7 million": a share and a count are no range
        kind = ""
        if _RANGE_GAP.match(gap):
            # "rose 5% to 7%", "increased by 296,000 to 28.52 million": a change, then the
            # new level (a level five times the change or more is never the top of a range)
            wide = a.value > 0 and b.value >= 5 * a.value
            if (
                (a.unit or wide)
                and _CHANGE_BEFORE.search(before)
                and not _FROM_BEFORE.search(before)
            ):
                return None
            kind = "to"
        elif re.match(r"^\s+and\s+$", gap) and _BETWEEN_BEFORE.search(before):
            kind = "between"
        elif re.match(r"^-?\s+or\s+$", gap):  # "six or seven", "two- or three-week"
            # "six or seven million": the first shares the second's scale word
            av = (
                a.value * b.scale if b.scale > 1 and a.scale == 1 and b.kind == "words" else a.value
            )
            # a bare age takes the other end along: "when I was seven or eight"
            age = a.unit == "year" and a.end == a.num_end and b.unit is None
            if not (
                (a.unit is None or age) and 0 < av < b.value <= 3 * av and a.is_int and b.is_int
            ):
                return None
            kind = "or"
        elif (
            _FROM_BEFORE.search(before)
            and a.head
            and b.head in (a.head, None)
            and _FROM_GAP.match(gap)
        ):
            kind = "from"
        else:
            return None
        log.debug("range (%s): %r", kind, text[a.start : b.end])
    lo, hi = a.value, b.value
    if b.scale > 1 and a.scale == 1 and abs(a.value) < abs(b.value / b.scale):
        lo = a.value * b.scale
    elif kind == "dash" and _thousands_low(text, a, b):
        lo = a.value * 1000  # "$50-100,000", "5-10,000 people": the low end in thousands too
    if kind == "to" and lo > hi and not written_change(before):
        # "Cruz leads 38 to 37 percent", "they outweigh people by 7,500 to 1": a range is
        # written low to high, so a higher number first with no "from" is a tally or a ratio,
        # two figures; the first takes the unit of measure written after the second
        if a.unit is None and b.unit in UNITS and a.value is not None and a.scale == b.scale:
            a.unit, a.currency = b.unit, b.currency
        return None
    low, high = min(lo, hi), max(lo, hi)
    if kind in ("from", "to") and written_change(before):
        low, high = lo, hi  # "fell from 785 to 708": a change, kept start first, not a spread
    unit = b.unit if (b.unit and (not a.unit or len(b.unit) >= len(a.unit))) else a.unit
    return Cand(
        start=a.start,
        end=b.end,
        num_start=a.num_start,
        num_end=b.num_end,
        value=None if low != high else low,
        low=low if low != high else None,
        high=high if low != high else None,
        kind=b.kind,
        scale=b.scale,
        unit=unit,
        unit_end=b.unit_end,
        head=b.head or a.head,
        currency=a.currency or b.currency,
        qualifier=a.qualifier,
        is_range=low != high,
        is_int=a.is_int and b.is_int,
        raw=a.raw,
    )


# "hundreds, sometimes millions of pounds", "hundreds or thousands of pounds": two vague
# magnitudes joined by "or", "and", "even", "sometimes", the unit written after the second only
_VAGUE_GAP = re.compile(
    r",?\s+(?:or|and|to|(?:or\s+|and\s+)?(?:even|sometimes|perhaps|possibly|maybe))\s+"
    r"|,\s*(?:even|sometimes|perhaps|possibly|maybe)?\s*",
    re.IGNORECASE,
)
# the second one is a single magnitude word and its unit ("millions of pounds"), not a chain
# ("hundreds of millions of dollars"), whose scale the first would not share
_ONE_MAGNITUDE = re.compile(r"[A-Za-z]+\s+of\s+(?!(?:tens|hundreds|thousands|millions|billions)\b)")


def share_vague_units(text: str, cands: list[Cand]) -> None:
    """Give a unitless vague magnitude the unit of the vague magnitude it is paired with."""
    for a, b in itertools.pairwise(cands):
        if (
            a.kind == "vague"
            and b.kind == "vague"
            and a.unit is None
            and b.unit is not None
            and _VAGUE_GAP.fullmatch(text, a.end, b.start)
            and _ONE_MAGNITUDE.match(text, b.num_start)
        ):
            a.unit, a.currency = b.unit, b.currency
