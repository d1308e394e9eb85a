"""Rank figures for the words a user typed: the figure's own sentence first, then its article."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from operator import mul

import Stemmer

from bot import cluster
from bot.extract.sentences import paragraphs, split_sentences
from bot.extract.units import UNITS
from bot.store import fts
from bot.store.base import StoredFigure

_PORTER = Stemmer.Stemmer("porter")  # the algorithm of FTS5's porter tokenizer (PyStemmer, C)
# Words as the search index cuts them: letters and digits together ("60m", "3G"), so a query
# word the index matched is found in the figure's sentence too.
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_TERM = re.compile(r"\w+")  # words as fts.terms cuts a query (phrase_share)
# How much each place a query word is found in counts: the figure's sentence, unit or
# referent first; then how much its whole article is about the words (coverage and density,
# article_relevance) and its title, which together outweigh a sentence holding only some of
# the words, so a story about the words lends its figures relevance even where their own
# sentence lacks them ("It took £7.2m"). TITLE_WEIGHT and RARITY were learned on the tune
# items of the figure review sets (bench/fit_figure_rank.py, which reports both halves).
SENTENCE_WEIGHT = 3.0
TITLE_WEIGHT = 1.0
PARAGRAPH_WEIGHT = 0.5  # words in the figure's paragraph but not its sentence ("They own 29%")
# Words in the sentence just before or after the figure's (same paragraph) but not in its own:
# the neighbour often names what the figure is ("... in the shape of £11 billion. That is the
# size of the financial 'black hole' ..."; "France were 17-6 down at half-time ... 'We only
# had 11 points against us'"), so it counts on top of the paragraph.
NEIGHBOUR_WEIGHT = 0.5
ARTICLE_WEIGHT = 1.5
FACET_WEIGHT = 0.5
# Among figures that score the same (one sentence, or sentences as much about the words), the
# one nearest the words first: "House prices were 11.8% higher" puts 11.8% before the rest.
NEAR_WEIGHT = 0.01
NEAR_SPAN = 6  # words away at which nearness falls to nothing
# An article whose title or lead says the query's words together ("The US budget deficit is
# set to ...") is about them; one that has them apart merely mentions them: its figures gain
# this much times the share of the query's word pairs found together (phrase_share). Learned
# with the others by bench/fit_figure_rank.py's cross-validation by article.
PHRASE_WEIGHT = 1.0
# A query word found in the figure's sentence only as another form of the same word, which the
# stemmer keeps apart ("truancy" / "truants", "Japan" / "Japanese", "growth" / "grow"): the
# share of the words so found (loose_coverage) weighs this much. Learned with WHOLE_WEIGHT (and
# TITLE_WEIGHT refitted, 1.5 -> 1.0) by bench/fit_figure_rank.py's cross-validation by article.
LOOSE_WEIGHT = 1.5
# Every word of the query in the figure's sentence, unit, referent or its article's title: a
# specific query ("The Aviator box office") is answered by the figure whose sentence and story
# hold all of it ("The Aviator ... $7.5m" under "De Niro film leads US box office") before
# figures whose sentences hold only its common words.
WHOLE_WEIGHT = 1.5
# How much a query word counts by how rare it is in news (its idf in bot/data/news_df.json,
# to this power; 0: every word alike): in "/figures Bruvik fine" the name says which story,
# "fine" could be any.
RARITY = 0.5
# Kept between requests: the split and stemmed top articles (ArticleWords, ~30 KB each) and
# figures' sentences' stems
ARTICLE_CACHE = 256
SENTENCE_CACHE = 20_000


@dataclass(frozen=True, slots=True)
class Weights:
    """The ranking's weights, one per place the words are found (a fit script tries others)."""

    sentence: float = SENTENCE_WEIGHT
    near: float = NEAR_WEIGHT
    paragraph: float = PARAGRAPH_WEIGHT
    neighbour: float = NEIGHBOUR_WEIGHT
    title: float = TITLE_WEIGHT
    article: float = ARTICLE_WEIGHT
    facet: float = FACET_WEIGHT
    phrase: float = PHRASE_WEIGHT
    loose: float = LOOSE_WEIGHT
    whole: float = WHOLE_WEIGHT
    rarity: float = RARITY


# The features weigh() scores, in this order (Weights' fields of the same names)
FEATURES = (
    "sentence",
    "near",
    "paragraph",
    "neighbour",
    "title",
    "article",
    "facet",
    "phrase",
    "loose",
    "whole",
)


WEIGHTS = Weights()


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Porter stem of a lower-cased word, as FTS5's porter tokenizer and PostgreSQL stem it."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    return _PORTER.stemWord(w)


def stems(text: str) -> set[str]:
    """The stems of every word in a text."""
    out: set[str] = set()
    for w in _WORD.findall(text):
        out.add(stem(w))
        if "-" in w:
            out.update(stem(p) for p in w.split("-") if p)
    return out


@lru_cache(maxsize=SENTENCE_CACHE)
def sentence_stems(sentence: str) -> frozenset[str]:
    """stems() of a figure's sentence, kept: a sentence holds several figures and is asked
    about again by the next request."""
    return frozenset(stems(sentence))


@lru_cache(maxsize=SENTENCE_CACHE)
def sentence_words(sentence: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """Each word of a sentence: (start, end, its stems), kept for nearness like sentence_stems."""
    return tuple(
        (m.start(), m.end(), frozenset(stems(m.group(0)))) for m in _WORD.finditer(sentence)
    )


@dataclass(frozen=True, slots=True)
class ArticleWords:
    """An article split into sentences and paragraphs and stemmed once, for every request
    that ranks its figures (the store keeps figures' sentences, not every sentence)."""

    tokens: tuple[str, ...]  # the stem of each word, in order (article_relevance)
    paragraphs: tuple[frozenset[str], ...]  # the stems of each paragraph (paragraph_coverage)
    starts: tuple[int, ...]  # the start of each sentence, in order
    sentence_paragraph: tuple[int, ...]  # the paragraph of each sentence
    sentences: tuple[frozenset[str], ...]  # the stems of each sentence


@lru_cache(maxsize=ARTICLE_CACHE)
def article_words(text: str) -> ArticleWords:
    """The article's words, split and stemmed once per text (an article's text never changes
    under its id), so a request reads sets instead of splitting its top articles again."""
    sents = split_sentences(text)
    return ArticleWords(
        tokens=tuple(stem(w) for w in _WORD.findall(text)),
        paragraphs=tuple(frozenset(stems(text[a:b])) for a, b in paragraphs(text)),
        starts=tuple(x.start for x in sents),
        sentence_paragraph=tuple(x.paragraph for x in sents),
        sentences=tuple(frozenset(stems(x.text)) for x in sents),
    )


@lru_cache(maxsize=1024)
def query_weights(words: str, rarity: float) -> dict[str, float]:
    """Each query stem's weight: its rarity in news (idf) to the power `rarity` (all 1 at 0).

    A word the table does not hold is rare (a name), unless the table could never hold it: too
    short or too common for it to keep ("us", "eu"), or with a digit in it ("2005", "mp3": the
    table counts only words of letters, so a year would be rated as its rarest and outweigh
    the words of "/figures gadgets 2005"). Its rarity is unknown, so it weighs the mean of the
    others.
    """
    known: dict[str, float] = {}
    unknown: list[str] = []
    for t in fts.content_terms(words):
        s = stem(t)
        if s in known or s in unknown:
            continue
        idf = None if any(c.isdigit() for c in t) else cluster.news_idf(t)
        if idf is None:
            unknown.append(s)
        else:
            known[s] = idf**rarity
    mean = sum(known.values()) / len(known) if known else 1.0
    return {s: known.get(s, mean) for s in (stem(t) for t in fts.content_terms(words))}


def query_stems(words: str) -> list[str]:
    """The stems of the content words of a query, in order, once each."""
    out: list[str] = []
    for t in fts.content_terms(words):
        s = stem(t)
        if s not in out:
            out.append(s)
    return out


@dataclass(frozen=True, slots=True)
class Scored:
    """A figure and how well it answers the words asked."""

    figure: StoredFigure
    score: float
    in_sentence: bool
    strong: bool = True  # about the words itself (sentence, title or facet), not only its article
    # the same figure as other outlets' articles of its story give it (figure_copies): one
    # row, every source cited
    copies: tuple[StoredFigure, ...] = ()


def article_relevance(
    texts: Mapping[str, str], words: str, weights: Weights | None = None
) -> dict[str, float]:
    """How much each article is about the words (0-1), the same on every backend.

    The share of the words it holds, times how often they come up per word of text
    relative to the densest article: a story about oil says "oil" often.
    """
    query = query_weights(words, (weights or WEIGHTS).rarity)
    cover: dict[str, float] = {}
    density: dict[str, float] = {}
    for aid, text in texts.items():
        toks = article_words(text).tokens
        cover[aid] = _coverage(query, toks)
        density[aid] = sum(1 for t in toks if t in query) / max(len(toks), 1)
    top = max(density.values(), default=0.0) or 1.0
    return {aid: cover[aid] * (0.5 + 0.5 * density[aid] / top) for aid in texts}


def holds_the_words(text: str, title: str, words: str) -> bool:
    """Whether an article says the words of a query of several (in its title or text, a loose
    form counting): all of two, all but one of three or more ("box office takings" in a box
    office story). Only then is each of its figures about the query. An article that says
    one of two in passing ("White House" for /figures house prices) lends none of its
    figures; those whose own sentence has the words still come through the sentence search."""
    want = query_stems(words)
    if len(want) < 2:
        return True  # one word: the search that found the article matched it
    have = stems(title).union(*article_words(text).paragraphs)  # cached per article
    each = dict.fromkeys(want, 1.0)
    held = (_coverage(each, have) + loose_coverage(each, have)) * len(want)
    return round(held) >= max(2, len(want) - 1)


def article_phrases(
    texts: Mapping[str, str], titles: Mapping[str, str], words: str
) -> dict[str, float]:
    """phrase_share of each top article (by id): how much its title or lead says the words."""
    pairs = query_pairs(words)
    return {aid: phrase_share(pairs, titles.get(aid, ""), text) for aid, text in texts.items()}


def query_pairs(words: str) -> list[tuple[str, str]]:
    """The query's consecutive content words as stem pairs ("US budget deficit": (u, budget),
    (budget, deficit)); none for a one-word query."""
    q = query_stems(words)
    return list(pairwise(q))


# A pair is together when its second word comes at most this many words after its first: the
# query leaves out the common words the text keeps ("Meet the Fockers" asks (meet, fockers)).
PAIR_GAP = 2


def phrase_share(pairs: list[tuple[str, str]], title: str, text: str) -> float:
    """The share of the query's word pairs found together in the title or the lead: an
    article about "US budget deficit" says so up top, one that merely mentions the words
    has them apart. Both are cut into words as the query is (fts.terms: "wi-fi" is "wi fi",
    "Blair's" is "Blair s"), so a pair the query holds can be found."""
    if not pairs:
        return 0.0
    found = 0
    for part in (title, text[: _lead_end(text)]):
        at: dict[str, list[int]] = {}
        for i, w in enumerate(_TERM.findall(part)):
            at.setdefault(stem(w), []).append(i)
        here = sum(
            any(0 < j - i <= PAIR_GAP for i in at.get(a, ()) for j in at.get(b, ()))
            for a, b in pairs
        )
        found = max(found, here)
    return found / len(pairs)


def _lead_end(text: str) -> int:
    """Where an article's first paragraph ends."""
    first = next(iter(paragraphs(text)), None)
    return first[1] if first else len(text)


def paragraph_coverage(
    article_id: str, text: str, words: str, weights: Weights | None = None
) -> dict[tuple[str, int], float]:
    """The share of the query words in each paragraph of an article, keyed (id, paragraph)."""
    query = query_weights(words, (weights or WEIGHTS).rarity)
    return {
        (article_id, i): _coverage(query, para)
        for i, para in enumerate(article_words(text).paragraphs)
    }


# Per article: the start of each sentence, in order, and the share of the query words in it
# and its neighbours
NeighbourCover = Mapping[str, tuple[list[int], list[float]]]


def neighbour_coverage(
    text: str, words: str, weights: Weights | None = None
) -> tuple[list[int], list[float]]:
    """For each sentence of an article (by start), the share of the query words in it and
    the sentences right before and after it in the same paragraph."""
    query = query_weights(words, (weights or WEIGHTS).rarity)
    art = article_words(text)
    own, para = art.sentences, art.sentence_paragraph
    cover: list[float] = []
    for i in range(len(own)):
        near = [own[j] for j in (i - 1, i, i + 1) if 0 <= j < len(own) and para[j] == para[i]]
        cover.append(_coverage(query, frozenset().union(*near)))
    starts = list(art.starts)
    return starts, cover


def _neighbour_at(cover: NeighbourCover | None, article_id: str, at: int) -> float:
    """The neighbour coverage of the sentence holding offset `at` (0 for an unread article)."""
    if not cover or article_id not in cover:
        return 0.0
    starts, shares = cover[article_id]
    i = bisect_right(starts, at) - 1
    return shares[i] if i >= 0 else 0.0


def nearness(query: Collection[str], sentence: str, start: int, end: int) -> float:
    """How close the query words sit to the figure at [start, end) of its sentence (0-1):
    each word found counts 1 beside the figure, falling to 0 at NEAR_SPAN words away."""
    if not query:
        return 0.0
    words = sentence_words(sentence)
    first = next((i for i, (_, e, _) in enumerate(words) if e > start), len(words))
    last = max((i for i, (b, _, _) in enumerate(words) if b < end), default=first)
    best: dict[str, int] = {}
    for i, (_, _, found) in enumerate(words):
        d = 0 if first <= i <= last else (first - i if i < first else i - last)
        for s in found:
            if s in query and d < best.get(s, NEAR_SPAN + 1):
                best[s] = d
    return sum(max(0.0, 1.0 - max(d - 1, 0) / NEAR_SPAN) for d in best.values()) / len(query)


def _coverage(query: Mapping[str, float], found: Iterable[str]) -> float:
    """The weighted share of the query stems found (query_weights)."""
    have = set(found)
    total = sum(query.values())
    return sum(w for q, w in query.items() if q in have) / total if total else 0.0


# Two stems are loosely one word when both are this long and differ only in their last
# LOOSE_TAIL letters after a shared start ("truanci"/"truant", "japan"/"japanes").
LOOSE_MIN = 4
LOOSE_TAIL = 2


def loosely_same(a: str, b: str) -> bool:
    """Whether two different stems are forms of one word the stemmer keeps apart: both at
    least LOOSE_MIN letters, sharing a start of LOOSE_MIN or more that leaves at most
    LOOSE_TAIL letters of the longer one."""
    if a == b or len(a) < LOOSE_MIN or len(b) < LOOSE_MIN or a[:LOOSE_MIN] != b[:LOOSE_MIN]:
        return False
    n = LOOSE_MIN
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n >= max(len(a), len(b)) - LOOSE_TAIL


def loose_coverage(
    query: Mapping[str, float], found: Collection[str], heads: Collection[str] | None = None
) -> float:
    """The weighted share of the query stems not in found but loosely the same as one there.
    heads (the LOOSE_MIN-letter starts of found, if known) skip the search for most words."""
    total = sum(query.values())
    if not total:
        return 0.0
    got = 0.0
    for q, w in query.items():
        if q in found or len(q) < LOOSE_MIN:
            continue
        head = q[:LOOSE_MIN]
        if heads is not None and head not in heads:
            continue
        if any(h.startswith(head) and loosely_same(q, h) for h in found):
            got += w
    return got / total


@lru_cache(maxsize=SENTENCE_CACHE)
def sentence_heads(sentence: str) -> frozenset[str]:
    """The LOOSE_MIN-letter starts of a sentence's stems (loose_coverage), kept as its stems."""
    return frozenset(h[:LOOSE_MIN] for h in sentence_stems(sentence))


@dataclass(frozen=True, slots=True)
class Featured:
    """A figure with what weigh() scores (FEATURES, in order)."""

    figure: StoredFigure
    x: tuple[float, ...]
    in_sentence: bool
    strong: bool


def features(
    figures: Iterable[StoredFigure],
    words: str,
    article_rank: Mapping[str, float],  # article id -> share of the words it holds (0-1)
    facet: str | None = None,
    facet_alone: bool = False,
    paragraph_cover: Mapping[tuple[str, int], float] | None = None,
    neighbour_cover: NeighbourCover | None = None,
    weights: Weights | None = None,
    phrases: Mapping[str, float] | None = None,
) -> list[Featured]:
    """Each figure once (one sentence, one offset) with where the words are found: in its own
    sentence, unit or referent, in the rest of its paragraph (paragraph_cover: the share of
    the words in each (article id, paragraph) of the top articles) and more in the sentences
    beside its own (neighbour_cover, neighbour_coverage per top article), in its article's
    title and body (article_rank), whether its title or lead says the words together
    (phrases: article_phrases of the top articles), whether it is of the facet the words name
    (money for "profits"), the words its sentence holds only in another form (loose_coverage)
    and whether its sentence and title hold every word between them. Figures where the words
    are nowhere are left out, except, with facet_alone, the facet's own figures. Only
    weights.rarity is read."""
    w = weights or WEIGHTS
    query = query_weights(words, w.rarity)
    seen: set[tuple[str, int]] = set()
    out: list[Featured] = []
    title_cache: dict[str, float] = {}
    title_stems: dict[str, set[str]] = {}
    for sf in figures:
        key = (sf.article.id, sf.figure.start)
        if key in seen:
            continue
        seen.add(key)
        f = sf.figure
        unit = stems(f"{f.unit or ''} {f.referent or ''}")
        own = sentence_stems(sf.sentence) | unit
        in_sentence = _coverage(query, own)
        if sf.article.id not in title_cache:
            title_stems[sf.article.id] = stems(sf.article.title)
            title_cache[sf.article.id] = _coverage(query, title_stems[sf.article.id])
        title = title_cache[sf.article.id]
        in_title = title_stems[sf.article.id]
        whole = float(bool(query) and all(q in own or q in in_title for q in query))
        heads = sentence_heads(sf.sentence)
        article = article_rank.get(sf.article.id, 0.0)
        para = max(
            0.0, (paragraph_cover or {}).get((sf.article.id, sf.paragraph), 0.0) - in_sentence
        )
        beside = max(0.0, _neighbour_at(neighbour_cover, sf.article.id, f.start) - in_sentence)
        of_facet = facet is not None and f.topic == facet
        if not (in_sentence or title or article or (facet_alone and of_facet)):
            continue
        at = sf.sentence.find(f.surface) if in_sentence else -1
        near = nearness(query, sf.sentence, at, at + len(f.surface)) if at >= 0 else 0.0
        x = (
            in_sentence,
            near,
            para,
            beside,
            title,
            article,
            float(of_facet),
            (phrases or {}).get(sf.article.id, 0.0),
            loose_coverage(query, own, heads | {h[:LOOSE_MIN] for h in unit}),
            whole,
        )
        strong = bool(in_sentence or para or title or (facet_alone and of_facet))
        out.append(Featured(sf, x, in_sentence > 0, strong))
    return out


def weigh(featured: Iterable[Featured], weights: Weights | None = None) -> list[Scored]:
    """The figures scored by the weights and best first (conversions folded)."""
    w = weights or WEIGHTS
    coef = tuple(getattr(w, name) for name in FEATURES)
    out = [Scored(f.figure, sum(map(mul, coef, f.x)), f.in_sentence, f.strong) for f in featured]
    return sorted(fold_conversions(out), key=_order)


def _order(s: Scored) -> tuple[float, str, str, int]:
    """Best score first; ties by date, article and place (the same order on every backend)."""
    a = s.figure.article
    return (-round(s.score, 9), a.published, a.id, s.figure.figure.start)


# "$427bn (£230bn)", "$32bn (£16.7bn; 24.1bn euros)": the gap before a conversion and between
# conversions in one bracket
_OPEN_GAP = re.compile(r"\s*[(\[]\s*")
_NEXT_GAP = re.compile(r"\s*[;,/]\s*")
_CLOSE = re.compile(r"\s*[)\]]")


def fold_conversions(scored: list[Scored]) -> list[Scored]:
    """One row for a sum and its conversions in brackets: "$427bn (£230bn)" is one figure
    given in two currencies, so it is listed once (at the best score of its parts), its
    surface and citation spanning the bracket."""
    by_article: dict[str, list[Scored]] = {}
    for s in scored:
        if _is_money(s.figure):
            by_article.setdefault(s.figure.article.id, []).append(s)
    merged: dict[tuple[str, int], Scored] = {}
    folded: set[tuple[str, int]] = set()
    for group in by_article.values():
        group.sort(key=lambda x: x.figure.figure.start)
        i = 0
        while i < len(group):
            j = _bracket_end(group, i)
            if j > i:
                head = group[i].figure
                first, last = head.figure, group[j].figure.figure
                rel = head.sentence.find(first.surface)
                close = _CLOSE.match(head.sentence, rel + last.end - first.start)
                end = last.end + (close.end() - close.start() if close else 0)
                figure = replace(
                    first, surface=head.sentence[rel : rel + end - first.start], end=end
                )
                best = max(group[i : j + 1], key=lambda x: x.score)
                merged[(head.article.id, first.start)] = replace(
                    best, figure=replace(head, figure=figure)
                )
                folded.update(
                    (x.figure.article.id, x.figure.figure.start) for x in group[i : j + 1]
                )
            i = j + 1
    out = []
    for s in scored:
        key = (s.figure.article.id, s.figure.figure.start)
        if key in merged:
            out.append(merged[key])
        elif key not in folded:
            out.append(s)
    return out


def _bracket_end(group: list[Scored], i: int) -> int:
    """The index of the last conversion in brackets after group[i] (i itself when none)."""
    head = group[i].figure
    rel = head.sentence.find(head.figure.surface)
    if rel < 0:
        return i
    j, gap = i, _OPEN_GAP
    while j + 1 < len(group):
        a, b = group[j].figure, group[j + 1].figure
        if b.sentence != head.sentence or b.figure.start < a.figure.end:
            break
        lo = rel + a.figure.end - head.figure.start
        between = head.sentence[lo : lo + b.figure.start - a.figure.end]
        if not gap.fullmatch(between):
            break
        j, gap = j + 1, _NEXT_GAP
    if j == i:
        return i
    last = group[j].figure.figure
    return j if _CLOSE.match(head.sentence, rel + last.end - head.figure.start) else i


def _is_money(sf: StoredFigure) -> bool:
    unit = UNITS.get(sf.figure.unit or "")
    return unit is not None and unit.dim == "money"
