"""Story clustering: weighted key terms of an article and their similarity to a story's terms."""

from __future__ import annotations

import heapq
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, timedelta
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter

from sumy.utils import get_stop_words

from bot.model import parse_utc, utc_iso

STOP = frozenset(get_stop_words("english")) | frozenset(
    """said says told would could also one two new year years week time people last first
    according mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday percent
    report reports reported news including since like well just make made many much""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z\-']+")
TERMS_PER_ARTICLE = 30
TERMS_PER_STORY = 60
JOIN_THRESHOLD = 0.25  # 0.2 joins more on small sets, but its precision falls as stores grow
# A story of one (an article that came before its event's story had formed) moves into a
# young story that an article just joined (at most YOUNG_STORY articles with it: its centroid
# is still its event's own words, not a topic's) when it is at least ABSORB_JOIN alike to the
# grown story and CLEAR_LEAD times as alike to it as to any other story its terms find.
ABSORB_JOIN = 0.20
CLEAR_LEAD = 3.0
YOUNG_STORY = 3
WINDOW_DAYS = 3
NAME_BOOST = 1  # extra count for each mid-sentence capitalised occurrence (a name or place)
PROBE_TERMS = 12  # an article's strongest terms, looked up to find candidate stories
INDEX_TERMS = 15  # a story's strongest terms, indexed for that lookup
PRIOR_DOCS = 1000
ABOUT_SHARE = 0.5  # a story is about a word weighing this share of its strongest term
TOPIC_OVERFETCH = 4  # stories read per story wanted: some match a topic's words, not the topic


def _stem(word: str) -> str:
    """A light plural/possessive fold so 'troops' meets 'troop' and "Russia's" meets 'Russia'."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=200_000)
def _content_stem(word: str) -> str | None:
    """The stem of a content word, None for stop words and stubs (memoised: ingest sees each word often)."""
    stem = _stem(word)
    if word.lower() in STOP or stem in STOP or len(stem) < 3:
        return None
    return stem


# Capitalised words that open a sentence (they do not count as names): two characters after
# a stop or line break with no letter between (else _WORD would have started a character
# earlier), or at the very start. Their matches are exactly such _WORD matches.
_OPENING = re.compile(r"[.!?\n][^A-Za-z]([A-Z][A-Za-z\-']+)")
_FIRST = re.compile(r"[^A-Za-z]?([A-Z][A-Za-z\-']+)")


def term_counts(title: str, text: str) -> Counter[str]:
    """Content-word counts; names and places (capitalised mid-sentence) and title words count double.

    Counted per distinct word from two C-level findall passes, not per occurrence in Python:
    ingest runs this on every article.
    """
    counts: dict[str, int] = {}  # plain dicts: a Counter's miss is a Python-level call
    get = counts.get
    opening = dict(Counter(_OPENING.findall(text)))
    first = _FIRST.match(text)
    if first:
        opening[first.group(1)] = opening.get(first.group(1), 0) + 1
    for word, n in Counter(_WORD.findall(text)).items():
        stem = _content_stem(word)
        if stem is None:
            continue
        # each capitalised occurrence that does not open a sentence counts twice
        names = n - opening.get(word, 0) if word[0].isupper() else 0
        counts[stem] = get(stem, 0) + n + NAME_BOOST * names
    for word in _WORD.findall(title):
        stem = _content_stem(word)
        if stem is not None:
            counts[stem] = get(stem, 0) + 2
    return Counter(counts)


@cache
def background() -> tuple[dict[str, float], float]:
    """Document frequencies of general news words, so a young store already knows 'said' from 'Kursk'."""
    data = json.loads(resources.files("bot.data").joinpath("news_df.json").read_text())
    return data["df"], 1.0 / data["documents"]


def news_idf(word: str) -> float | None:
    """log(1 / the word's document frequency in general news); a word the table lacks is as
    rare as the table's rarest. None for a stop word or a stub the table never keeps ("us")."""
    key = _content_stem(word)
    if key is None:
        return None
    df, floor = background()
    return math.log(1.0 / df.get(key, floor))


@cache
def _scaled_background() -> tuple[dict[str, float], float]:
    """PRIOR_DOCS * background df, worked out once rather than for every term of every article."""
    prior, floor = background()
    return {t: PRIOR_DOCS * v for t, v in prior.items()}, PRIOR_DOCS * floor


_TF_SIZE = 256
_TF = tuple(1 + math.log(c) if c else 0.0 for c in range(_TF_SIZE))  # 1 + log(count)


def weigh(
    counts: Counter[str], df: Mapping[str, int], n_docs: int, top: int | None = None
) -> dict[str, float]:
    """Top tf-idf terms, L2-normalised; the store's own counts blend with the background prior."""
    scaled, scaled_floor = _scaled_background()
    total = n_docs + PRIOR_DOCS
    get, scaled_get, tf = df.get, scaled.get, _TF
    scored = {
        t: (tf[c] if c < _TF_SIZE else 1 + math.log(c))
        * math.log(total / (get(t, 0) + scaled_get(t, scaled_floor) + 1))
        for t, c in counts.items()
    }
    best = dict(heapq.nlargest(top or TERMS_PER_ARTICLE, scored.items(), key=itemgetter(1)))
    norm = math.sqrt(sum(v * v for v in best.values())) or 1.0
    return {t: v / norm for t, v in best.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def merge(story: Mapping[str, float], size: int, article: Mapping[str, float]) -> dict[str, float]:
    """The story's centroid after adding one article, trimmed to its strongest terms."""
    merged = {t: v * size for t, v in story.items()}
    for t, v in article.items():
        merged[t] = merged.get(t, 0.0) + v
    best = dict(sorted(merged.items(), key=lambda kv: -kv[1])[:TERMS_PER_STORY])
    norm = math.sqrt(sum(v * v for v in best.values())) or 1.0
    return {t: v / norm for t, v in best.items()}


@dataclass(frozen=True, slots=True)
class StoryTerms:
    """A candidate story as the join decision sees it: its centroid terms and size (and, for
    place(), the first and last dates of its articles)."""

    id: int
    terms: Mapping[str, float]
    size: int
    first: str = ""
    last: str = ""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an article goes: the story it joins (None: a new one) and that story's new state."""

    story_id: int | None
    terms: dict[str, float]  # the story's centroid with the article in it
    first: str
    last: str
    index: list[str]  # the terms the story is found by (index_terms)
    size: int = 1  # the story's article count with the article (and the absorbed) in it
    absorbed: tuple[int, ...] = ()  # stories of one whose article moves into story_id


def choose_story(
    weights: Mapping[str, float], candidates: Iterable[StoryTerms]
) -> StoryTerms | None:
    """The story an article joins, or None to start one: the one decision both stores make.

    The most similar candidate wins (ties: the first given) when it reaches JOIN_THRESHOLD.
    """
    best, best_score = None, 0.0
    for story in candidates:
        score = cosine(weights, story.terms)
        if score > best_score:
            best, best_score = story, score
    return best if best is not None and best_score >= JOIN_THRESHOLD else None


def lone_stories(weights: Mapping[str, float], candidates: Iterable[StoryTerms]) -> list[int]:
    """The candidate stories of one that place() weighs moving into the story the article
    joins: a store reads the stories each of them finds (its rivals) and passes them in."""
    pool = list(candidates)
    best = choose_story(weights, pool)
    if best is None or best.size + 1 > YOUNG_STORY:
        return []
    terms = merge(best.terms, best.size, weights)
    return [
        s.id
        for s in pool
        if s.size == 1 and s.id != best.id and cosine(s.terms, terms) >= ABSORB_JOIN
    ]


def place(
    weights: dict[str, float],
    candidates: Iterable[StoryTerms],
    published: str,
    rivals: Mapping[int, Iterable[StoryTerms]] | None = None,
) -> Placement:
    """Join the most similar candidate (choose_story) or start a story: what both stores write.

    An article that joins a young story may bring a story of one along: a candidate whose
    article came before its event's story had formed, so it was left alone. It moves in when
    the grown story clearly leads the stories its own strongest terms find (ABSORB_JOIN,
    CLEAR_LEAD over rivals[its id], read for the ids lone_stories gives). Without rivals,
    nothing moves.
    """
    pool = list(candidates)
    best = choose_story(weights, pool)
    if best is None:
        return Placement(None, weights, published, published, index_terms(weights))
    terms = merge(best.terms, best.size, weights)
    first, last = min(best.first, published), max(best.last, published)
    size, absorbed = best.size + 1, []
    for alone in pool:
        if rivals is None or alone.id not in rivals or alone.id == best.id or alone.size != 1:
            continue
        if size > YOUNG_STORY:
            break
        score = cosine(alone.terms, terms)
        gone = {alone.id, best.id, *absorbed}
        rival = max(
            (cosine(alone.terms, s.terms) for s in rivals[alone.id] if s.id not in gone),
            default=0.0,
        )
        if score >= ABSORB_JOIN and score >= CLEAR_LEAD * rival:
            terms = merge(terms, size, alone.terms)
            first, last = min(first, alone.first), max(last, alone.last)
            size += 1
            absorbed.append(alone.id)
    return Placement(best.id, terms, first, last, index_terms(terms), size, tuple(absorbed))


def probe_terms(weights: Mapping[str, float]) -> list[str]:
    """The article terms looked up in the story index (weigh returns them strongest first)."""
    return list(weights)[:PROBE_TERMS]


def index_terms(terms: Mapping[str, float]) -> list[str]:
    """A story's terms kept in the index that probe_terms searches."""
    return sorted(terms, key=lambda t: -terms[t])[:INDEX_TERMS]


def topic_stems(topic: str) -> set[str]:
    """The content words of a topic as story terms (what about() looks for)."""
    return {s for s in (_content_stem(w) for w in _WORD.findall(topic)) if s}


def terms_key_patterns(topic: str) -> list[str]:
    """LIKE patterns a story's stored terms (json.dumps of a dict) match when each of the
    topic's stems is one of its keys: a necessary condition for about(), so a store can skip
    reading and parsing the terms of stories that cannot be about the topic. Stems are
    letters, hyphens and apostrophes (_WORD), which neither JSON nor LIKE escapes."""
    return [f'%"{s}":%' for s in sorted(topic_stems(topic))]


def about(story_terms: Mapping[str, float], topic: str) -> bool:
    """True when the story is about `topic`, not just mentioning it.

    Each content word of the topic must be one of the story's centroid terms, and the
    strongest of them must weigh at least ABOUT_SHARE of the story's strongest term: what
    its sources keep returning to (a name in the title and throughout), not a word said once.
    Stop words are not checked.
    """
    wanted = topic_stems(topic)
    if not wanted or not story_terms:
        return not wanted
    if not wanted <= story_terms.keys():
        return False
    return max(story_terms[t] for t in wanted) >= ABOUT_SHARE * max(story_terms.values())


def window(published: str) -> tuple[str, str]:
    """(since, latest_start) for an article published then: the stories it may join were
    active since WINDOW_DAYS before it and began by WINDOW_DAYS after it."""
    return _shift(published, -WINDOW_DAYS), _shift(published, WINDOW_DAYS)


def _shift(iso: str, days: int) -> str:
    """An ISO timestamp moved by whole days (unparseable input is returned as is)."""
    try:
        when = parse_utc(iso)
    except ValueError:
        return iso
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return utc_iso(when + timedelta(days=days))
