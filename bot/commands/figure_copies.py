"""One row for a figure that several outlets' copies of one story give: a store of many
outlets holds each event told 2-7 times, and the same "$19 million" from each of them would
fill an editor's first screen with one fact; shown once, with every source, it leaves room
for the story's other figures."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.commands.figure_rank import Scored
from bot.store.base import StoredFigure

CopyKey = tuple[int, float | None, float | None, float | None, str]


def copy_key(sf: StoredFigure) -> CopyKey | None:
    """What makes two figures one fact told twice: the same story (the clusterer's, set at
    ingest) and the same value, range and unit. A bare number ("38", no unit or referent)
    says too little to be the same fact; a figure of no known story is its own."""
    f = sf.figure
    if sf.story_id is None or (f.value is None and f.low is None) or not (f.unit or f.referent):
        return None
    return (sf.story_id, f.value, f.low, f.high, f.unit or f.referent or "")


# "11 counts of criminal homicide": what a count counts, told after its noun
_OF_COMPLEMENT = re.compile(r"\s+of\s+(?P<x>[^,;:.()\"“”]+)")
_SMALL = frozenset(
    """the a an his her its their this that these those with from into than about more most
    other some such them they were been being have has had will would which what when where
    while also only just over under after before each every and but for not nor yet was are
    may can its our who how why all any one two new per out off via has had got put set say
    said says year years""".split()
)


_REACH = 12  # words either side of a figure that say what it is about
_AGE_REACH = 2  # an age's holder is named next to it: "Rogers, 24," "24-year-old Rogers"


def _stems(words: str) -> set[str]:
    """The content words of a phrase, cut to five letters ("homicides" ~ "homicide")."""
    out = {w.lower()[:5] for w in re.findall(r"[A-Za-z][\w'’\-]*", words)}
    return {w for w in out if len(w) >= 3 and w not in _SMALL}


def _counted_of(sf: StoredFigure) -> set[str]:
    """The content words of what a figure counts when its sentence says so after it: "11 counts
    of criminal homicide" -> {crimi, homic} (five words at most; nothing when no "of" follows)."""
    f = sf.figure
    at = sf.sentence.find(f.surface)
    if at < 0:
        return set()
    m = _OF_COMPLEMENT.match(sf.sentence, at + len(f.surface))
    if m is None:
        return set()
    return _stems(" ".join(m.group("x").split()[:5]))


def _share(a: set[str], b: set[str]) -> bool:
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def _is_age(sf: StoredFigure) -> bool:
    """An age ("Rogers, 24", "her 3-year-old son"), not a span of years ("three years")."""
    text = sf.figure.surface.lower()
    return sf.figure.unit == "year" and ("year" not in text or "old" in text)


def _near(sf: StoredFigure, reach: int = _REACH) -> set[str]:
    """The content words within `reach` words either side of a figure in its sentence, the
    figure's own words left out: what the figure is said about."""
    f = sf.figure
    at = sf.sentence.find(f.surface)
    if at < 0:
        return set()
    before = re.findall(r"[A-Za-z][\w'’\-]*", sf.sentence[:at])[-reach:]
    after = re.findall(r"[A-Za-z][\w'’\-]*", sf.sentence[at + len(f.surface) :])[:reach]
    return _stems(" ".join(before + after)) - _stems(f.surface) - _stems(f.unit or "")


def same_measure(a: StoredFigure, b: StoredFigure) -> bool:
    """Whether two outlets' figures of one value and unit measure the same thing, so one row
    may stand for both. The same number often counts different things in one story ("11
    counts of using a firearm to commit murder" federal, "11 counts of criminal homicide"
    state; "Davidson, 24" and "Rogers, 24"; "her 3-year-old son" and "three years ago"):
    precision first, they stay two rows unless the sentences say the same about them.
    - an age is never a span of years;
    - what each says the figure is of, when both say it, shares a content word ("70% of all
      birds" is not "70% of the total marine biomass");
    - the words next to each figure share a content word ("sold for $137,000 at an auction",
      "fetched $137,000 at an auction"); an age's, within two words (its holder's name).
    The topic is no test: read from each sentence's cues, it differs for one fact ("six people
    dead" casualties, "the murder of six people" other)."""
    if _is_age(a) != _is_age(b):
        return False
    of_a, of_b = _counted_of(a), _counted_of(b)
    if of_a and of_b and not _share(of_a, of_b):
        return False
    reach = _AGE_REACH if _is_age(a) else _REACH
    return _share(_near(a, reach), _near(b, reach))


def _joins(row: Scored, copy: StoredFigure) -> bool:
    """Whether a figure may join a row as its copy: from an article the row cites no figure
    of, and measuring what the row's figure measures."""
    cited = (row.figure, *row.copies)
    return all(x.article.id != copy.article.id for x in cited) and same_measure(row.figure, copy)


def merge_copies(scored: list[Scored]) -> list[Scored]:
    """The figures best first with each fact once per story: a figure that another article of
    its story gives, with the same value and unit and measuring the same thing, ranked above
    it joins that row as a copy (Scored.copies). Two figures of one article are never copies
    ("5%" twice in one report may be two things; two outlets giving a story's 5% are one)."""
    rows: dict[CopyKey, list[int]] = {}
    out: list[Scored] = []
    for s in scored:
        key = copy_key(s.figure)
        if key is None:
            out.append(s)
            continue
        at = next((i for i in rows.get(key, []) if _joins(out[i], s.figure)), None)
        if at is not None:
            out[at] = replace(out[at], copies=(*out[at].copies, s.figure))
            continue
        rows.setdefault(key, []).append(len(out))
        out.append(s)
    return out
