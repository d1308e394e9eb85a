"""/who said: who said a phrase, a person's quotes across articles, or who was quoted on a topic."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter, defaultdict

from bot.commands import common_words
from bot.commands.context import Context
from bot.commands.rows import counted, said_label
from bot.extract.listable import listable
from bot.extract.quotes import not_yet_said
from bot.extract.speakers import (
    best_display_name,
    match_speakers,
    name_words,
    people_by_given_name,
    speaker_key,
)
from bot.model import Action, Item, Reply, Section, error_reply, shown_date
from bot.store import fts
from bot.store.base import StoredQuote

log = logging.getLogger(__name__)

EXAMPLE = "/who said kick the enemy out"
MAX_QUERY = 200
MAX_ITEMS = 30
MAX_PER_SPEAKER = 3
SOURCE_ACTIONS = 3
_KIND_RANK = {"direct": 0, "partial": 1, "indirect": 2}
_OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "NEAR"})
_OPERATOR_CHARS = re.compile(r"[*^{}()\[\]]|(?:^|\s)[-+](?=\w)|[A-Za-z]:(?=\w)")
_QUOTES = '"“”«»'


def _listable(quotes: list[StoredQuote]) -> list[StoredQuote]:
    return [q for q in quotes if listable(q.quote)]


async def run(ctx: Context, args: str) -> Reply:
    """Answer a phrase, a person or a topic, deciding by what the store holds."""
    query, problem = parse_query(args)
    if problem:
        return error_reply(problem, example=EXAMPLE)
    counts = await ctx.store.speakers()
    keys = _person_keys(query, [(k, d) for k, d, _ in counts])
    if keys:
        quotes = _same_person(query, _listable(await ctx.store.quotes_by_speakers(keys, limit=500)))
        if quotes:
            log.debug("/who %r: person %s", query, keys)
            return _person_reply(ctx, query, quotes, await _display_names(ctx, quotes))
    if refused := common_words.refusal(query, EXAMPLE):  # a name first: "/who Will"
        return refused
    if len(fts.terms(query)) >= 3:
        hits = _listable(await ctx.store.quotes_matching(query, limit=50))
        if hits:
            log.debug("/who %r: phrase, %d hits", query, len(hits))
            return _phrase_reply(ctx, query, hits, await _display_names(ctx, hits))
    about = _listable(await ctx.store.quotes_about(query, limit=100))
    if about:
        log.debug("/who %r: topic, %d hits", query, len(about))
        return _topic_reply(ctx, query, about, await _display_names(ctx, about))
    return await _nothing(ctx, query, counts)


def parse_query(args: str) -> tuple[str, str]:
    """(query, problem): strips a leading "said" and enclosing quotes; problem is "" when usable."""
    text = " ".join(args.split())
    if text.lower() == "said":
        text = ""
    elif text.lower().startswith("said "):
        text = text[5:].strip()
    if not text:
        return "", "Tell me a phrase, a person or a topic to look up."
    if len(text) > MAX_QUERY:
        return "", f"That is too long ({len(text)} characters); a few words are enough."
    if (
        len(text) >= 2
        and text[0] in _QUOTES
        and text[-1] in _QUOTES
        and not _stray_quotes(text[1:-1])
    ):
        text = text[1:-1].strip()
    if _stray_quotes(text):
        return "", "That has a quote mark without its partner; type the words without quote marks."
    if _OPERATOR_CHARS.search(text) or any(w in _OPERATOR_WORDS for w in text.split()):
        return (
            "",
            "Search operators (AND, OR, NOT, NEAR, *, ^, brackets) are not needed: just type the words.",
        )
    if not fts.terms(text):
        return "", "That has no words to look up."
    return text, ""


def _stray_quotes(text: str) -> bool:
    straight = text.count('"')
    return (
        straight % 2 == 1
        or text.count("“") != text.count("”")
        or text.count("«") != text.count("»")
    )


def _person_keys(query: str, known: list[tuple[str, str]]) -> list[str]:
    """Speaker keys the query names; lowercase input must match more closely than a capitalised name."""
    words = name_words(query)
    if not words or len(words) > 4 or any(ch.isdigit() for ch in query):
        return []
    capitalised = any(w[:1].isupper() for w in query.split())
    return match_speakers(query, known, min_score=80.0 if capitalised else 85.0)


def _same_person(query: str, quotes: list[StoredQuote]) -> list[StoredQuote]:
    """Drop quotes by a namesake: "Bill Clinton" must not list Hillary Clinton's quotes."""
    words = name_words(query)
    if len(words) < 2:
        return quotes
    first = _fold(words[0])
    out = []
    for q in quotes:
        theirs = name_words(q.quote.speaker or "")
        if len(theirs) >= 2 and _fold(theirs[0])[:1] != first[:1]:
            continue
        out.append(q)
    return out


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _norm(text: str) -> str:
    text = _fold(text).replace("’", "'").replace("‘", "'")
    return " ".join(re.findall(r"\w+(?:'\w+)?", text))


async def _display_names(ctx: Context, quotes: list[StoredQuote]) -> dict[str, str]:
    """One name per person, the most common full spelling across every article they are
    quoted in. Keyed by speaker key and given name: Sarah Jones and Tom Jones share a key but
    are two people; a bare "Jones" joins the one Jones there is, or stays apart."""
    keys = sorted({k for q in quotes if (k := q.speaker_key or speaker_key(q.quote.speaker))})
    names = await ctx.store.speaker_spellings(keys)
    for q in quotes:
        key = q.speaker_key or speaker_key(q.quote.speaker)
        if key and q.quote.speaker:
            names.setdefault(key, Counter())
            names[key][q.quote.speaker] += 0 if q.quote.speaker in names[key] else 1
    displays: dict[str, str] = {}
    for key, spellings in names.items():
        people = people_by_given_name(spellings)
        for given, forms in people.items():
            displays[f"{key}|{given}"] = best_display_name(forms)
            for form in forms:  # how each spelling is printed
                displays[f"{key}|={form}"] = displays[f"{key}|{given}"]
    return displays


def _label(q: StoredQuote, displays: dict[str, str]) -> str:
    key = q.speaker_key or speaker_key(q.quote.speaker)
    if key and q.quote.speaker:
        label = displays.get(f"{key}|={q.quote.speaker}")
        if label:
            return label
    return q.quote.speaker or "unattributed"


def _item(ctx: Context, q: StoredQuote, label: str) -> Item:
    """Reported speech is the article's words, not the speaker's, and "will argue" is not yet
    said: the label says so."""
    cite = ctx.cite(q.article, q.quote.start, q.quote.end, q.paragraph)
    if not_yet_said(q.quote.cue):
        label = said_label(q.quote, label)
    elif q.quote.kind == "indirect":
        label = f"{label} (reported speech)"
    return Item(text=q.quote.text, cite=cite, label=label)


def _actions(ctx: Context) -> tuple[Action, ...]:
    return tuple(Action("Show source", "quote", c.ref) for c in ctx.citations[:SOURCE_ACTIONS])


def _rank(query: str, q: StoredQuote) -> tuple[int, int, int, int]:
    """Verbatim phrase in the quote first, then all words in the quote, then only in its sentence."""
    phrase, text = _norm(query), _norm(q.quote.text)
    words = set(phrase.split())
    if phrase and phrase in text:
        place = 0
    elif words <= set(text.split()):
        place = 1
    else:
        place = 2
    return (place, q.quote.speaker is None, _KIND_RANK.get(q.quote.kind, 3), len(q.quote.text))


def _dedupe(quotes: list[StoredQuote]) -> list[StoredQuote]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for q in quotes:
        key = (q.article.id, q.quote.start, q.quote.end)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def _phrase_reply(
    ctx: Context, query: str, hits: list[StoredQuote], displays: dict[str, str]
) -> Reply:
    hits = sorted(_dedupe(hits), key=lambda q: _rank(query, q))
    items = tuple(_item(ctx, q, _label(q, displays)) for q in hits[:MAX_ITEMS])
    best = items[0].label
    return Reply(
        title=f"Who said “{query}”: {best}",
        sections=(Section(heading="Best match first", quotes=items),),
        citations=ctx.citations,
        actions=_actions(ctx),
    )


def _person_reply(
    ctx: Context, query: str, quotes: list[StoredQuote], displays: dict[str, str]
) -> Reply:
    quotes = sorted(
        _dedupe(quotes),
        key=lambda q: (
            q.article.published,
            q.article.id,
            _KIND_RANK.get(q.quote.kind, 3),
            q.quote.start,
        ),
    )
    people = sorted({_label(q, displays) for q in quotes})
    name = " and ".join(people[:3]) if people else query
    by_article: dict[str, list[StoredQuote]] = defaultdict(list)
    for q in quotes:
        by_article[q.article.id].append(q)
    sections = []
    shown = 0
    for group in by_article.values():
        if shown >= MAX_ITEMS:
            break
        group = group[: max(1, MAX_ITEMS - shown)]
        shown += len(group)
        art = group[0].article
        heading = " · ".join(p for p in (art.title, art.outlet, shown_date(art.published)) if p)
        sections.append(
            Section(
                heading=heading, quotes=tuple(_item(ctx, q, _label(q, displays)) for q in group)
            )
        )
    spellings = sorted(
        {q.quote.speaker for q in quotes if q.quote.speaker and q.quote.speaker != name}
    )
    footer = f"Also spelled: {', '.join(spellings)}" if spellings else ""
    return Reply(
        title=f"What {name} said: {counted(len(quotes), 'quote')} from "
        f"{counted(len(by_article), 'article')}",
        sections=tuple(sections),
        citations=ctx.citations,
        actions=_actions(ctx),
        footer=footer,
    )


def _topic_reply(
    ctx: Context, query: str, quotes: list[StoredQuote], displays: dict[str, str]
) -> Reply:
    quotes = sorted(_dedupe(quotes), key=lambda q: _rank(query, q))
    by_speaker: dict[str, list[StoredQuote]] = defaultdict(list)
    for q in quotes:
        by_speaker[_label(q, displays)].append(q)
    named = [s for s in by_speaker if s != "unattributed"] or list(by_speaker)
    order = sorted(named, key=lambda s: (_rank(query, by_speaker[s][0]), -len(by_speaker[s])))
    sections = tuple(
        Section(heading=s, quotes=tuple(_item(ctx, q, s) for q in by_speaker[s][:MAX_PER_SPEAKER]))
        for s in order[:10]
    )
    return Reply(
        title=f"Who was quoted about “{query}”: {', '.join(order[:4])}",
        sections=sections,
        citations=ctx.citations,
        actions=_actions(ctx),
    )


async def _nothing(ctx: Context, query: str, counts: list[tuple[str, str, int]]) -> Reply:
    """Say so, and suggest a speaker and a phrase that do exist."""
    lines = [f"No quote in the indexed articles says or mentions “{query}”."]
    actions: list[Action] = []
    if counts:
        top = [d for _, d, _ in counts[:3]]
        lines.append("Speakers with the most quotes: " + ", ".join(top) + ".")
        actions.append(Action(f"Quotes by {top[0]}", "who", f"said {top[0]}"))
        sample = await ctx.store.quotes_by_speakers([counts[0][0]], limit=20)
        direct = [q for q in sample if q.quote.kind == "direct" and len(q.quote.text.split()) >= 4]
        if direct:
            phrase = " ".join(fts.terms(direct[0].quote.text)[:5])
            lines.append(f"A phrase that works: /who said {phrase}")
            actions.append(Action("Try that phrase", "who", f"said {phrase}"))
    else:
        lines.append("No quotes are indexed yet; add articles with /ingest.")
    return Reply(
        title="No one found", sections=(Section(text="\n".join(lines)),), actions=tuple(actions)
    )
