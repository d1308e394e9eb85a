"""The people a title-case headline names, cut from the verbs it runs into.

A title-case first line capitalises every word ("Carly Fiorina Endorses Ted Cruz"), so its
capitalised runs join names and verbs; doc.prepare reads its names through these instead.
"""

from __future__ import annotations

import re

from bot.extract.attribution import ATTITUDE_CUES, CUES
from bot.extract.lexicon import common_words
from bot.extract.word_find import after_lowercase

_HEADLINE_WORDS = 20


def headline_end(text: str) -> int:
    """End of a title-case first line (most of its three to twenty words capitalised), else
    0: its capitalised runs join names and verbs ("Carly Fiorina Endorses Ted Cruz")."""
    nl = text.find("\n")
    words = [w for w in text[: max(nl, 0)].split() if w[:1].isalpha()]
    if not 3 <= len(words) <= _HEADLINE_WORDS:
        return 0
    return nl if sum(w[0].isupper() for w in words) >= 0.8 * len(words) else 0


_HEADLINE_NAME_WORDS = 3


def headline_names(text: str, head: int, start: int, run: str) -> list[tuple[int, str]]:
    """People in a title-case headline run, with offsets: the run is cut at words copy writes
    in lowercase and at the lexicon's verbs ("Francois Hollande Says Donald Trump", "Urges
    Britain"), unless the body writes the word capitalised inside a sentence ("George Bush");
    of each part, the longest stretch the body also writes ("NYTimes Casually Conflates Ted
    Cruz" -> "Ted Cruz"), else the part itself when it is short enough to be a name and the
    body names its last word."""
    common = common_words()
    body = text[head:]
    out: list[tuple[int, str]] = []
    part: list[re.Match[str]] = []
    for w in [*re.finditer(r"\S+", run), None]:
        word = w.group(0).rstrip(".,:;") if w is not None else ""
        if w is not None and not (
            (word.lower() in common or word.lower() in CUES or word.lower() in ATTITUDE_CUES)
            and not after_lowercase(body, word)
        ):
            part.append(w)
            continue
        if len(part) >= 2:
            found = _in_body(body, run, part)
            if found is not None:
                out.append((start + found[0], run[found[0] : found[1]]))
            elif len(part) <= _HEADLINE_NAME_WORDS and _surname_in_body(body, part[-1].group(0)):
                out.append((start + part[0].start(), run[part[0].start() : part[-1].end()]))
        part = []
    return out


def _surname_in_body(body: str, word: str) -> bool:
    """The last word of a headline part ("Hollande", "Schlafly’s") stands in the body too:
    "Clinton Wades" names nobody the article goes on to name."""
    word = re.sub(r"['’]s$", "", word.rstrip(".,:;"))
    return re.search(rf"\b{re.escape(word)}\b", body) is not None


def _in_body(body: str, run: str, part: list[re.Match[str]]) -> tuple[int, int] | None:
    """The longest stretch of two or more words of part that body also writes, as run offsets."""
    for n in range(len(part), 1, -1):
        for i in range(len(part) - n + 1):
            a, b = part[i].start(), part[i + n - 1].end()
            if run[a:b] in body:
                return a, b
    return None
