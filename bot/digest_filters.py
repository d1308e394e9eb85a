"""Digest include/exclude words: parsed from `/digest schedule 07:30 Europe/Kyiv topic:kursk -sport`,
kept with the schedule, applied to the stories a digest would brief.

`topic:` marks topic words explicitly, so a topic that is also a time-zone name (Israel, Iran,
Poland, Turkey, EST) is never read as the zone; `-word` leaves out stories about that word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bot.model import Article

TOPIC_TAG = "topic:"
MAX_EXCLUDE = 10
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Filters:
    """Topic words (every one must match, as before) and words whose stories are left out."""

    topic: str = ""
    exclude: tuple[str, ...] = ()

    @property
    def exclude_text(self) -> str:
        return " ".join(self.exclude)


def is_filter(token: str) -> bool:
    """A token that can only be a filter (never a time zone): topic:… or -word."""
    return token.lower().startswith(TOPIC_TAG) or (
        len(token) > 1 and token[0] == "-" and token[1].isalpha()
    )


def parse_filters(tokens: Sequence[str]) -> tuple[Filters, str]:
    """(filters, problem) from the words after the time and zone; problem is "" when usable."""
    topic: list[str] = []
    exclude: list[str] = []
    for token in tokens:
        if token.lower().startswith(TOPIC_TAG):
            word = token[len(TOPIC_TAG) :].strip()
            if not word:
                return Filters(), "topic: needs a word right after it, like topic:kursk."
            topic.append(word)
        elif len(token) > 1 and token[0] == "-":
            words = _WORD.findall(token[1:])
            if not words:
                return Filters(), f"{token[:30]!r} has no word to leave out; write it like -sport."
            exclude += [w.casefold() for w in words]
        else:
            topic.append(token)
    return _checked(topic, exclude)


def filters_of(topic: str, exclude: str) -> tuple[Filters, str]:
    """(filters, problem) from typed options: the topic's words as given, every word of
    `exclude` left out (Discord's topic: and exclude: options; no tags to type)."""
    return _checked(topic.split(), [w.casefold() for w in _WORD.findall(exclude)])


def _checked(topic: list[str], exclude: list[str]) -> tuple[Filters, str]:
    if len(exclude) > MAX_EXCLUDE:
        return Filters(), f"At most {MAX_EXCLUDE} words can be left out."
    overlap = {w.casefold() for w in topic} & set(exclude)
    if overlap:
        return Filters(), f"{sorted(overlap)[0]!r} is both a topic and left out."
    return Filters(" ".join(topic), tuple(dict.fromkeys(exclude))), ""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).casefold()


def _mentions(text: str, word: str) -> bool:
    """The word, or a longer form of it (sport: sports, sporting), as a whole word's start."""
    return re.search(rf"\b{re.escape(word)}", _fold(text)) is not None


def story_excluded(articles: Sequence[Article], exclude: Sequence[str]) -> bool:
    """Leave a story out when an excluded word is in a headline or in most of its articles.

    One passing mention (a war story that names a sports stadium) does not drop a story.
    """
    if not exclude or not articles:
        return False
    for word in exclude:
        if any(_mentions(a.title, word) for a in articles):
            return True
        if sum(_mentions(a.text, word) for a in articles) * 2 > len(articles):
            return True
    return False
