"""English stems and stop words for the summarisers (sumy's own, no NLTK data download)."""

from __future__ import annotations

import functools

from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

LANGUAGE = "english"
STOP_WORDS: frozenset[str] = frozenset(w.lower() for w in get_stop_words(LANGUAGE))
_SNOWBALL = Stemmer(LANGUAGE)  # NLTK's Snowball stemmer is code, not data: works offline


@functools.lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased English word.

    Memoised because stemming was most of a summary's run time and news reuses its
    vocabulary; the memo is bounded and never changes what a word stems to.
    """
    return _SNOWBALL(word)


@functools.lru_cache(maxsize=1 << 17)
def term(word: str) -> str:
    """The stem a summariser counts for `word` as written, or "" for a stop word."""
    lowered = word.lower()
    return "" if lowered in STOP_WORDS else stem(lowered)
