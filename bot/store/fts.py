"""Turn anything a user types into a safe FTS5 query (no operators, no syntax errors)."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
# Words in nearly every article: as search terms they match everything and cost the most.
COMMON = frozenset(
    """a an the of to in on at by for and or but as is are was were be been being it its
    this that these those with from into than then so not no has have had will would he
    she they we i you his her their our""".split()
)


# The words a search index drops or cannot rank: the Snowball English stop list, which is
# what PostgreSQL's 'english' configuration removes (a query of only these is empty there),
# while SQLite's FTS5 keeps them and matches nearly every article. A topic made only of
# these gets one answer on every backend (bot/commands/common_words.py).
INDEX_STOP = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now""".split()
)


def terms(text: str) -> list[str]:
    """Word tokens of the input; quoting each one later makes operators plain words."""
    return _TOKEN.findall(text or "")[:MAX_TERMS]


def content_terms(text: str) -> list[str]:
    """The words without the COMMON ones, unless that leaves none ('to be or not to be')."""
    toks = terms(text)
    kept = [t for t in toks if t.lower() not in COMMON]
    return kept or toks


def only_index_stop(text: str) -> bool:
    """True when the text has words and every one is in INDEX_STOP ('the', 'of the')."""
    toks = terms(text)
    return bool(toks) and all(t.lower() in INDEX_STOP for t in toks)


def all_of(text: str, drop_common: bool = False) -> str | None:
    """Every word must appear (each quoted, so none is read as an operator)."""
    toks = content_terms(text) if drop_common else terms(text)
    return " ".join(f'"{t}"' for t in toks) if toks else None


def any_of(text: str, drop_common: bool = False) -> str | None:
    toks = content_terms(text) if drop_common else terms(text)
    return " OR ".join(f'"{t}"' for t in toks) if toks else None


def phrase(text: str) -> str | None:
    """The words in this order, adjacent."""
    toks = terms(text)
    return '"' + " ".join(toks) + '"' if toks else None


# Inflections a search word may carry: its base must appear in a matching text. The stemmed
# index alone lets 'Federer' match 'federal' and 'Federation' (all stem to 'feder').
_INFLECTION = re.compile(r"(?:ations?|ions?|ings?|ed|es|s)$")
_ASCII_WORD = re.compile(r"[a-z]+")


def surface_base(word: str) -> str:
    """'evacuations' -> 'evacu', 'running' -> 'run', 'Federer' -> 'federer': what the
    word's own forms start with ('evacuated', 'runs', "Federer's")."""
    w = word.lower()
    base = _INFLECTION.sub("", w) or w
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiou":
        base = base[:-1]  # 'runn' of 'running'
    elif len(base) > 4 and base[-1] in "eiy":
        base = base[:-1]  # 'evacuat' of 'evacuate', 'stud' of 'studies', 'happ' of 'happy'
    return base


def surface_patterns(text: str) -> list[str]:
    """LIKE patterns ('%federer%') the text of every hit must match, one per query word.

    Only plain a-z words of three or more letters are checked: the index folds diacritics
    ('Muller' finds 'Müller'), which LIKE does not. The patterns hold no LIKE wildcards.
    """
    out = []
    for word in content_terms(text):
        base = surface_base(word)
        if len(base) >= 3 and _ASCII_WORD.fullmatch(base):
            out.append(f"%{base}%")
    return list(dict.fromkeys(out))
