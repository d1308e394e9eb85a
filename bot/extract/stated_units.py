"""Units a sentence states away from its bare number: a race time ("Maduaka finished fifth in
7.35" is in seconds). Only the number's own sentence is read, so a unit never comes from another
sentence; a number no rule here reads stays bare (a bare count beats a wrong unit).

An exchange rate takes the one currency its sentence names besides the one it is priced against
("quoted in the ariary, which was trading at 1,893 to the US dollar": ariary; "the yen had
strengthened to 102.975 against the dollar": yen), as the review sets label it; a rate priced
against no currency of the table stays bare ("the Japanese yen ... at 132.86 against the
greenback": figures_dev's gold gives it no unit)."""

from __future__ import annotations

import re

from bot.extract.figure_reading import Cand
from bot.extract.units import currency_per_of_sentence

# A time in hundredths of a second, as athletics writes it: "7.35", "46.46" (under a minute;
# longer races are written "3:45.12" or with "min")
_HUNDREDTHS = re.compile(r"\d{1,2}\.\d\d")
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))"
)
# what leads to a race time on its own: a placing ("finished fifth in", "into second in"), a
# title or race won in it, a best or record of it, a clocking of it ("clocked up 35.86" is no
# race: a machine's speed)
_RACE_TIME_BEFORE = re.compile(
    rf"(?:\b{_ORDINAL}\s+in"
    r"|\b(?:title|race|heat|final|semi-final)\s+in"
    r"|\b(?:personal|season'?s|season|world|european|british|olympic|national|irish|scottish"
    r"|welsh|championship|meeting|own)\s+(?:best|record)\s+(?:of|on\s+the)"
    r"|\b(?:a|new|winning)\s+time\s+of"
    r"|\bclock(?:ed|ing|s))\s+$",
    re.IGNORECASE,
)


def _race_time(sentence: str, pos: int, end: int, c: Cand) -> str | None:
    """Seconds for a bare hundredths time led to by a placing, a best or a clocking."""
    if _HUNDREDTHS.fullmatch(sentence, pos, end) is None or not (1 <= (c.value or 0) < 60):
        return None
    return "s" if _RACE_TIME_BEFORE.search(sentence, max(0, pos - 60), pos) else None


def stated_unit(sentence: str, pos: int, end: int, c: Cand) -> str | None:
    """The unit the sentence states for the bare number at sentence[pos:end], or None."""
    if c.unit is not None or c.kind != "digits" or c.is_range or c.scale != 1.0:
        return None
    return _race_time(sentence, pos, end, c) or currency_per_of_sentence(sentence, end)
