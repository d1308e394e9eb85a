"""Copy that quotes with double apostrophes (''like this'', as some US papers' archives do)
gives one indirect span per speaker turn, its pieces joined."""

from __future__ import annotations

from bot.extract.doc import Segment
from bot.model import Quote

_MIN_APOSTROPHE_WORDS = 4


def merge_apostrophe_quotes(text: str, items: list[tuple[Segment, str | None]]) -> list[Quote]:
    """''Quoted'' copy (double apostrophes) is reported as one indirect span per speaker turn."""
    out: list[Quote] = []
    group: list[tuple[Segment, str | None]] = []

    def flush() -> None:
        if group:
            s, e = group[0][0].open, min(len(text), group[-1][0].close + 2)
            quoted = sum(seg.close + 2 - seg.open for seg, _ in group)
            if quoted * 2 < e - s:  # a long attribution between the pieces: keep the longest
                seg = max((seg for seg, _ in group), key=lambda x: x.close - x.open)
                s, e = seg.open, min(len(text), seg.close + 2)
            if len(text[s:e].split()) >= _MIN_APOSTROPHE_WORDS:  # not a scare quote
                out.append(
                    Quote(text=text[s:e], speaker=group[0][1], kind="indirect", start=s, end=e)
                )
            group.clear()

    for seg, spk in items:
        if group:
            gap = text[group[-1][0].close : seg.open]
            if "\n" in gap or spk != group[-1][1] or len(gap) > 200:
                flush()
        group.append((seg, spk))
    flush()
    return out
