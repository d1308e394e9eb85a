"""Figures in news text: value, unit, qualifier, topic, claimant and base-unit value of every quantity."""

from __future__ import annotations

import bisect
import itertools
import logging
import re

from bot.extract.age_groups import age_groups
from bot.extract.claimants import Claimants
from bot.extract.counted import finish
from bot.extract.decade_ages import decade_ages
from bot.extract.defined_units import defined_units
from bot.extract.figure_candidates import candidate
from bot.extract.figure_joins import join_parts
from bot.extract.figure_ranges import merge_ranges, share_suspended_units, share_vague_units
from bot.extract.figure_reading import NOUN_STOP, NOUN_WORD, Cand, is_plural
from bot.extract.not_figures import name_or_rank
from bot.extract.number_of import number_of_noun
from bot.extract.numbers import find_numbers
from bot.extract.qualifiers import inherit_qualifiers
from bot.extract.rate_bases import drop_bases
from bot.extract.referent import referent
from bot.extract.sentences import split_sentences
from bot.extract.stated_units import stated_unit
from bot.extract.topics import context_words, topic_of
from bot.extract.units import (
    UNITS,
    singular,
    to_base,
)
from bot.extract.word_lists import word_list
from bot.model import Figure, Quote, Sentence

log = logging.getLogger(__name__)


def extract_figures(
    text: str, sentences: list[Sentence] | None = None, quotes: list[Quote] | None = None
) -> list[Figure]:
    """Every figure in text, with topic and claimant taken from its sentence and the quotes."""
    if sentences is None:
        sentences = split_sentences(text)
    cands = [c for n in find_numbers(text) if (c := candidate(text, n)) is not None]
    decades = decade_ages(text) + age_groups(text)  # "in her 40s", "the over-65s"
    if decades:
        taken = [(d.start, d.end) for d in decades]
        cands = [c for c in cands if not any(a <= c.num_start < b for a, b in taken)]
        cands = sorted(cands + decades, key=lambda c: c.start)
    cands = drop_bases(cands)  # "1.18 per one million to 1.09": no range from the base
    share_suspended_units(text, cands)
    cands = merge_ranges(text, cands, dashes_only=True)
    cands = merge_ranges(text, cands, dashes_only=False)
    cands = join_parts(text, cands)
    share_vague_units(text, cands)
    _scale_from_conversion(text, cands)
    starts = [s.start for s in sentences]
    out: list[Figure] = []
    claims = Claimants(text, sentences, quotes or [])
    inherit_qualifiers(text, cands)
    defined = defined_units(text)  # "450 gigatons of carbon (GT C)": then "70 GT" is gigatons
    covered = -1
    words_of: dict[int, list[tuple[str, int]]] = {}
    prev: Cand | None = None
    for c in cands:
        if c.num_start < covered or not finish(text, c) or name_or_rank(text, c):
            continue
        covered = c.end
        if c.unit in defined:
            c.unit = defined[c.unit]
        if c.unit is None and prev is not None and _from_to(text, prev, c):
            c.unit = prev.unit  # "from eight million plants to hundreds of millions"
        elif c.unit is None and prev is not None and _elided_noun(text, prev, c):
            c.unit = prev.unit  # "39 nations out of 65", "..., with 29 cutting back"
        elif c.unit is None and prev is not None and _more_of(text, prev, c):
            c.unit = prev.unit  # "6,000 people at the arena, plus millions more on TV"
        elif prev is not None and _conversion_of_rate(text, prev, c):
            c.unit = f"{UNITS[c.unit].name} per {prev.unit.split(' per ', 1)[1]}"
            # "$10bn per annum (£5.5bn)": the sum converted is a rate too
        elif c.unit is None and _elided_whole(text, c):
            if prev is None or not _whole_of(text, prev, c):
                continue  # "four of the 12 whose ...": a whole whose noun is not read here
            c.unit = prev.unit  # "of the 17 people ..., only four of the 12 whose"
        converted = prev is not None and bool(out) and _conversion(text, prev, c)
        prev = c
        i = bisect.bisect_right(starts, c.num_start) - 1
        sent = sentences[i] if 0 <= i < len(sentences) else None
        if sent is not None and c.num_start >= sent.end:
            sent = None
        ctx = sent.text if sent else text[max(0, c.start - 150) : c.end + 150]
        ctx_start = sent.start if sent else max(0, c.start - 150)
        if i not in words_of:
            words_of[i] = context_words(ctx)
        topic = topic_of(
            c.head or c.unit, ctx, c.num_start - ctx_start, words_of[i] if sent else None
        )
        if c.unit is None and sent is not None:
            # "finished fifth in 7.35", "strengthened to 102.975 against the dollar"
            c.unit = stated_unit(sent.text, c.num_start - sent.start, c.end - sent.start, c)
        if c.unit is None and sent is not None and c.kind in ("digits", "words"):
            # "The number of people living with the condition is set to break one million"
            c.unit = number_of_noun(sent.text, c.num_start - sent.start)
        if c.unit is None and topic in _PEOPLE_TOPICS:
            c.unit = _people_noun_before(ctx, c.num_start - ctx_start)
        if (
            c.unit is None
            and (c.kind == "vague" or (c.kind == "digits" and c.is_int and not c.is_range))
            and _people_verb_after(text, c.start, c.end)
        ):
            c.unit = "people"  # "Thousands e-mailed the BBC", "the disaster in which 96 died"
        if (
            c.unit is None
            and c.kind in ("vague", "digits")
            and not c.is_range
            and _WHO_AFTER.match(text, c.end)
        ):
            c.unit = "people"  # "the millions who are suffering": only people are "who"
        base_value, base_unit = _base(c)
        out.append(
            Figure(
                surface=text[c.start : c.end],
                start=c.start,
                end=c.end,
                value=c.value,
                low=c.low,
                high=c.high,
                unit=c.unit,
                qualifier=c.qualifier,
                topic=topic,
                # a conversion in brackets is the same figure, given by the same source
                claimant=out[-1].claimant
                if converted
                else claims.claimant(c.num_start, i if sent else -1, _bare_age(text, c)),
                base_value=base_value,
                base_unit=base_unit,
                referent=referent(ctx, c.end - ctx_start, c.start - ctx_start) if sent else None,
            )
        )
    return out


def _bare_age(text: str, c: Cand) -> bool:
    """A person's age written as a bare number ("his daughter, now 11,"), read so by ages.py."""
    return c.unit == "year" and "year" not in text[c.start : c.end].lower()


_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s+to\s+(?:[a-z]+\s+)?$")


def _from_to(text: str, prev: Cand, c: Cand) -> bool:
    """Whether c is the "to" end of "from <prev> to <c>", so it measures what prev measures."""
    return (
        prev.unit is not None
        and _TO_BETWEEN.fullmatch(text, prev.end, c.start) is not None
        and _FROM_BEFORE.search(text, max(0, prev.start - 8), prev.start) is not None
    )


# a bare count that leaves out the noun the count before it named: "39 nations out of 65
# questioned", "12 voted for, with 29 cutting back"
_OUT_OF_GAP = re.compile(r"\s+out\s+of\s+")
_COMPARED_GAP = re.compile(r",?\s*(?:compared\s+(?:to|with)|against|versus|vs\.?)\s+")
_OF_THEM = re.compile(r"\s+of\s+them\b")
# a list whose items repeat the words after the first count: "65 flights on Thursday, 180 on Friday"
_PARALLEL_GAP = re.compile(r"\s+([a-z]+)\s+[^,;.\d]{1,25}?(?:,\s*|\s+and\s+)")
_WITH_BEFORE = re.compile(r",\s*(?:with|while|and)\s+(?:another\s+|a\s+further\s+)?$")
_VERB_AFTER = re.compile(r"\s+[a-z]{2,}(?:ing|ed)\b")


def _elided_noun(text: str, prev: Cand, c: Cand) -> bool:
    """Whether bare count c counts what prev counts, its noun left out as understood."""
    if (
        prev.unit == "year"
        and prev.end == prev.num_end  # a bare age: "kids of 15, 16, 17"
        and c.kind == "digits"
        and c.value is not None
        and 1 <= c.value <= 110
        # "kids of 15, 16, 17", "became an MP at 27 and Leader of the Opposition at 36", "the
        # minimum age will be 21, up from 18"
        and re.fullmatch(
            r",\s*|,?\s+(?:and|or)\s+|\s+and\s+[^.;,\d]{0,40}?\bat\s+|,?\s+(?:up|down)\s+from\s+",
            text[prev.end : c.start],
        )
    ):
        return True
    if (
        prev.unit is None
        or prev.unit in UNITS
        or " " in prev.unit
        or c.scale != 1.0
        or c.kind not in ("digits", "words")
        or c.is_range
        or not c.is_int
    ):
        return False
    gap = text[prev.end : c.start]
    if _OUT_OF_GAP.fullmatch(gap) or _COMPARED_GAP.fullmatch(gap):
        return True  # "20,645 votes, compared to 14,738": like is compared with like
    if (
        len(gap) <= 60
        and not re.search(r"[.;:!?]|\d", gap)
        and _OF_THEM.match(text, c.end)
        and (prev.value is None or c.value is None or c.value <= prev.value)
    ):
        # "At least 60 people were arrested worldwide - 45 of them in the US"; a part is no
        # more than its whole: "in these two wars ..., hiring about 200,000 of them" (them
        # is what the wars hired, not wars)
        return True
    par = _PARALLEL_GAP.fullmatch(gap)
    if par is not None and re.match(r"\s+" + re.escape(par.group(1)) + r"\b", text[c.end :]):
        return True  # "65 flights on Thursday, 180 on Friday, 140 on Saturday"
    return (
        len(gap) <= 120
        and not re.search(r"[.;:!?]|\d", gap)
        and _WITH_BEFORE.search(gap) is not None
        and _VERB_AFTER.match(text, c.end) is not None
    )


# "of the 12 whose ...": a count as the whole a part is taken from, its noun left out
_WHOLE_BEFORE = re.compile(r"\bof\s+(?:the|these|those)\s+$", re.IGNORECASE)


# the gap from a sum to its conversion in brackets: "... per annum (£5.5bn)", "(£21.5bn; $42bn)"
_CONVERSION_GAP = re.compile(r"\s*[(\[]\s*|\s*[;,/]\s*")


def _conversion(text: str, prev: Cand, c: Cand) -> bool:
    """Whether sum c, in brackets right after sum prev, is prev converted ("$42bn (£21.5bn)",
    "3m euros (£2.1m; $4.1m)")."""
    return (
        prev.currency
        and c.currency
        and c.unit is not None
        and _CONVERSION_GAP.fullmatch(text, prev.end, c.start) is not None
        and (text.rfind("(", 0, c.start) > text.rfind(")", 0, c.start))
        and text[c.end : c.end + 1] in (")", "]", ";", ",", "/")
    )


def _scale_from_conversion(text: str, cands: list[Cand]) -> None:
    """Give a sum written without its scale word the scale of its conversion in brackets when
    the two then agree within a rate of exchange: "It came in seventh $6.3 (£3.35m)" is $6.3m,
    a sum a million times smaller than its own conversion being a slip of the pen."""
    for a, b in itertools.pairwise(cands):
        if (
            a.currency
            and a.scale == 1.0
            and not a.is_range
            and not b.is_range
            and b.scale >= 1e6
            and a.value is not None
            and b.value
            and _conversion(text, a, b)
            and 0.2 <= a.value * b.scale / b.value <= 5
        ):
            a.value *= b.scale
            a.scale = b.scale


def _conversion_of_rate(text: str, prev: Cand, c: Cand) -> bool:
    """Whether sum c, in brackets right after money rate prev, is prev converted, so the same
    rate: "$10 billion per annum (£5.5bn)" -> pound sterling per year."""
    return (
        prev.unit is not None
        and " per " in prev.unit
        and c.unit in UNITS
        and UNITS[c.unit].dim == "money"
        and not c.is_range
        and _conversion(text, prev, c)
    )


def _elided_whole(text: str, c: Cand) -> bool:
    """ "of the 12 whose ...", "of the 12, four ...": a whole with no noun after it."""
    if not _WHOLE_BEFORE.search(text, max(0, c.num_start - 12), c.num_start):
        return False
    nxt = NOUN_WORD.match(text, c.end)
    return nxt is None or nxt.start(1) > c.end + 1 or nxt.group(1).lower() in NOUN_STOP


def _whole_of(text: str, prev: Cand, c: Cand) -> bool:
    """Whether bare count c, the whole of "of the 12", is a part of the larger count of a noun
    before it in the same sentence ("of the 17 people ..., four of the 12 whose ...")."""
    gap = text[prev.end : c.start]
    return (
        prev.unit is not None
        and prev.unit not in UNITS
        and " " not in prev.unit
        and c.kind in ("digits", "words")
        and not c.is_range
        and c.is_int
        and c.scale == 1.0
        and prev.value is not None
        and c.value is not None
        and c.value < prev.value
        and len(gap) <= 200
        and not re.search(r"[.;!?]", gap)
    )


_MORE_AFTER = re.compile(r"\s+more\b")


def _more_of(text: str, prev: Cand, c: Cand) -> bool:
    """Whether c, a bare count followed by "more", adds to what prev counts in the same clause
    run: "watched by 6,000 people at the arena, plus millions more on TV"."""
    if prev.unit is None or prev.unit in UNITS or " " in prev.unit:
        return False
    gap = text[prev.end : c.start]
    more = _MORE_AFTER.match(text, c.end)
    if more is None or len(gap) > 80 or re.search(r"[.;:!?]|\d", gap):
        return False
    nxt = re.match(r"\s+([a-z]+)", text[more.end() :])
    if nxt is not None and nxt.group(1) not in NOUN_STOP:
        return False  # "20 more additional production facilities": its own noun follows
    # "225 firm orders and options on 193 more": another counted thing between, which is meant
    return not any(w.islower() and is_plural(w) for w in re.findall(r"[A-Za-z]+", gap))


_PEOPLE_TOPICS = frozenset({"troops", "casualties", "prisoners", "evacuations"})

_PEOPLE_NOUN = re.compile(
    r"\b(troops|soldiers|servicemen|fighters|people|civilians|residents|prisoners|refugees)\b"
)


def _people_noun_before(sentence: str, pos: int) -> str | None:
    """The people a bare count refers back to: "sent 1,000 troops ... likely several thousand"."""
    found = _PEOPLE_NOUN.findall(sentence, 0, pos)
    return found[-1] if found else None


_VERB_NEXT = re.compile(
    r"\s+(?:more\s+|others\s+|of\s+them\s+)?(?:(?:have|had|were|are|also|then|later)\s+)?"
    r"(?:up\s+)?([a-z][a-z\-]+)\b"
)


def _people_verbs() -> frozenset[str]:
    return word_list("people_verbs.txt")


def _people_verb_after(text: str, start: int, pos: int) -> bool:
    """Whether a verb only people do follows a vague magnitude (data/people_verbs.txt); not a
    past participle after a magnitude that a preposition governs ("questions from thousands
    e-mailed and sent by text": the thousands are what was e-mailed)."""
    m = _VERB_NEXT.match(text, pos)
    if m is None or m.group(1) not in _people_verbs():
        return False
    return not (
        m.group(1).endswith("ed") and _PREPOSITION_BEFORE.search(text, max(0, start - 8), start)
    )


_WHO_AFTER = re.compile(r",?\s+who\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:from|of|among|by|to|with|for|in|on|at)\s+$", re.I)


def _base(c: Cand) -> tuple[float | None, str | None]:
    """The value in its base unit (metres, USD, ...) so sources can be compared."""
    if c.unit is None:
        return None, None
    v = c.value if c.value is not None else None
    u = UNITS.get(c.unit)
    if u is None:
        if v is None:
            return None, singular(c.unit).lower() if " per " not in c.unit else c.unit
        return v, singular(c.unit).lower() if " per " not in c.unit else c.unit
    if v is None:
        return None, u.base
    based = to_base(v, c.unit)
    if based is None:
        return None, None
    return round(based[0], 6) if abs(based[0]) < 1e15 else based[0], based[1]
