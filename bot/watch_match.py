"""What a new article brings to a watch: the person's new quotes, new figures or a new story on a
topic, a new source on a story. Pure functions over the stored facts; each update keyed so that
the same update (a quote reprinted, a figure restated in the same words) is queued once per channel."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from bot.commands.context import citation
from bot.extract.speakers import name_words
from bot.extract.topics import resolve_topic
from bot.model import Citation
from bot.store.base import ArticleRef, StoredFigure, StoredQuote, Watch

# Only quotes in the person's own words: an indirect quote is a reporter's paraphrase, and
# "Putin said" on a paraphrase is where a wrong attribution would come from.
QUOTE_KINDS = frozenset({"direct", "partial"})
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Update:
    """One new thing for one watch: verbatim text and where it is from."""

    key: str  # the channel-wide dedupe key
    kind: str  # quote, figure, story, source
    watch_id: int
    watch: str  # the watch's target as the user typed it
    text: str  # verbatim sentence from the article
    label: str  # speaker, claimant or outlet
    article_id: str
    citation: Citation
    story_id: int | None
    mark: tuple[int, int] | None = None  # the quote or figure inside text

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["citation"] = asdict(self.citation)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Update:
        cite = Citation(**data["citation"])
        mark = tuple(data["mark"]) if data.get("mark") else None
        return cls(**{**data, "citation": cite, "mark": mark})  # type: ignore[arg-type]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    return " ".join(_WORD.findall(text))


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(_fold(p) for p in parts).encode()).hexdigest()[:20]


def _words(text: str) -> set[str]:
    return set(_WORD.findall(_fold(text)))


def topic_words(target: str) -> list[str]:
    return _WORD.findall(_fold(target))


def _mark(sentence: str, part: str) -> tuple[int, int] | None:
    at = sentence.find(part.strip())
    return (at, at + len(part.strip())) if at >= 0 and part.strip() else None


def _namesake(watch: Watch, speaker: str | None) -> bool:
    """A different person with the watched surname: "Bill Clinton" is not Hillary Clinton."""
    mine, theirs = name_words(watch.target), name_words(speaker or "")
    if len(mine) < 2 or len(theirs) < 2:
        return False
    return _fold(mine[0])[:1] != _fold(theirs[0])[:1]


def person_updates(
    watch: Watch, quotes: Sequence[StoredQuote], story_id: int | None
) -> list[Update]:
    out = []
    for q in quotes:
        if q.speaker_key != watch.key or q.quote.kind not in QUOTE_KINDS:
            continue
        if _namesake(watch, q.quote.speaker):
            continue
        # The quote inside its sentence; a quote that runs over several sentences is shown whole.
        mark = _mark(q.sentence, q.quote.text)
        text = q.sentence if mark else q.quote.text.strip()
        out.append(
            Update(
                key="q:" + _digest(q.quote.text),
                kind="quote",
                watch_id=watch.id,
                watch=watch.target,
                text=text,
                label=q.quote.speaker or watch.target,
                article_id=q.article.id,
                citation=citation(q.article, q.paragraph, q.quote.start, q.quote.end),
                story_id=story_id,
                mark=mark or (0, len(text)),
            )
        )
    return out


def figure_updates(
    watch: Watch, figures: Sequence[StoredFigure], story_id: int | None
) -> list[Update]:
    """Figures of the watched topic (a known figures topic), else figures whose sentence has every word."""
    topic = resolve_topic(watch.key)
    words = set(topic_words(watch.key))
    out = []
    for f in figures:
        fig = f.figure
        if topic is not None:
            if fig.topic != topic:
                continue
        elif not words or not words <= _words(f.sentence):
            continue
        out.append(
            Update(
                key="f:" + _digest(fig.surface, f.sentence),
                kind="figure",
                watch_id=watch.id,
                watch=watch.target,
                text=f.sentence,
                label=fig.claimant or "",
                article_id=f.article.id,
                citation=citation(f.article, f.paragraph, fig.start, fig.end),
                story_id=story_id,
                mark=_mark(f.sentence, fig.surface),
            )
        )
    return out


def story_updates(
    watch: Watch, article: ArticleRef, story_id: int | None, starts_story: bool
) -> list[Update]:
    """A new source on the watched story; or, for a topic, a new story whose headline names it."""
    if story_id is None:
        return []
    if watch.kind == "story":
        if str(story_id) != watch.key or starts_story:
            return []
        kind = "source"
    else:
        words = set(topic_words(watch.key))
        if not starts_story or not words or not words <= _words(article.title):
            return []
        kind = "story"
    return [
        Update(
            key=f"a:{article.id}",
            kind=kind,
            watch_id=watch.id,
            watch=watch.target,
            text=article.title,
            label=article.outlet,
            article_id=article.id,
            citation=citation(article, None, None, None),
            story_id=story_id,
        )
    ]


def updates_for(
    watch: Watch,
    article: ArticleRef,
    quotes: Sequence[StoredQuote],
    figures: Sequence[StoredFigure],
    story_id: int | None,
    starts_story: bool,
) -> list[Update]:
    """Every update this article brings to this watch (duplicates within it dropped)."""
    if watch.kind == "person":
        found = person_updates(watch, quotes, story_id)
    elif watch.kind == "topic":
        found = figure_updates(watch, figures, story_id)
        found += story_updates(watch, article, story_id, starts_story)
    else:
        found = story_updates(watch, article, story_id, starts_story)
    seen: set[str] = set()
    unique = []
    for u in found:
        if u.key not in seen:
            seen.add(u.key)
            unique.append(u)
    return unique
