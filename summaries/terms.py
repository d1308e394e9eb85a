"""English stems and stop words for the summarisers (sumy's own, no NLTK data download)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np
import Stemmer as _snowball_c
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

LANGUAGE = "english"
STOP_WORDS: frozenset[str] = frozenset(w.lower() for w in get_stop_words(LANGUAGE))
MAX_WORDS = 1 << 17  # a memo this size holds a newsroom's vocabulary in a few MB
# Snowball's C English stemmer (PyStemmer) is ~7x faster than NLTK's Python port that sumy
# uses, but it implements Snowball 2, which changed a few rules since NLTK's port: more
# exceptional R1 prefixes (inter-, emerg-, organ-, univers-, later-, past-, even-), "-ogist"
# "-ying" and "-ization" endings and short doubled words ("added", "erred"). Words those rules
# can touch go to NLTK, so every stem stays the one stock sumy computes. Short words of plain
# letters were checked exhaustively (every a-z word of 1-4 letters, with and without "-ed" and
# "-ing": tests/summaries/test_terms.py): only a vowel, a doubled consonant and the ending
# differ ("egged", "adding"), so only those, and short words with other characters, go to NLTK.
_SNOWBALL2_CHANGED = re.compile(
    r"^(?:inter|emerg|organ|univers|later|past|even|add|gener|commun|arsen)|ogist|ying|ization"
    r"|^[aeiou]([a-z])\1(?:ed|ing)$|^(?![a-z]+$).{0,4}$|^(?![a-z]+(?:ed|ing)$).{2,4}(?:ed|ing)$"
)


class Stems:
    """Snowball stems with a bounded memo, and integer ids for words and stems.

    Stemming is most of what a summary costs and news reuses its vocabulary, so a caller
    that summarises many texts (the CLI, the bot) keeps one `Stems` for all of them and
    passes it down; a single call gets a fresh one. Every word as written gets an id once;
    after that a document's words become stem ids with one array lookup, no Python loop.
    The memo never changes what a word stems to; it is emptied when full, so memory stays
    bounded.
    """

    __slots__ = (
        "_capital",
        "_fast",
        "_limit",
        "_memo",
        "_stem",
        "_stem_ids",
        "_stem_of",
        "_word_ids",
        "stop_words",
    )

    def __init__(
        self,
        limit: int = MAX_WORDS,
        stop_words: frozenset[str] = STOP_WORDS,
        stemmer: Callable[[str], str] | None = None,
    ) -> None:
        self._limit = limit
        self._stem = stemmer or Stemmer(LANGUAGE)  # NLTK's Snowball is code, not data
        self._fast = None if stemmer else _snowball_c.Stemmer(LANGUAGE).stemWord
        self.stop_words = stop_words
        self._reset()

    def _reset(self) -> None:
        self._memo: dict[str, str] = {}  # lower-cased word -> stem
        self._word_ids: dict[str, int] = {}  # word as written -> id
        self._stem_ids: dict[str, int] = {}  # stem -> id
        self._stem_of = np.full(1024, -1, dtype=np.intp)  # word id -> stem id, -1: stop word
        self._capital = np.zeros(1024, dtype=bool)  # word id -> capitalised, not a stop word

    def __call__(self, word: str) -> str:
        """Stem of a lower-cased word (sumy's stemmer contract)."""
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) >= self._limit:
                self._memo.clear()
            fast = self._fast
            if fast is None or _SNOWBALL2_CHANGED.search(word):
                found = self._stem(word)
            else:
                found = fast(word)
            self._memo[word] = found
        return found

    def terms(self, words: Iterable[str]) -> list[str]:
        """Stems of the non-stop words among `words` as written (sumy's `_to_words_set`)."""
        stop = self.stop_words
        return [self(lowered) for lowered in (w.lower() for w in words) if lowered not in stop]

    def word_ids(self, words: list[str]) -> np.ndarray:
        """An id for each word as written; words never seen are stemmed and added."""
        try:
            return np.fromiter(map(self._word_ids.__getitem__, words), np.intp, len(words))
        except KeyError:
            pass
        if len(self._word_ids) + len(words) > self._limit:
            self._reset()
        table = self._word_ids
        new = [word for word in dict.fromkeys(words) if word not in table]
        first = len(table)
        if first + len(new) > len(self._stem_of):
            grown = max(2 * len(self._stem_of), first + len(new))
            self._stem_of = np.concatenate(
                (self._stem_of, np.full(grown - len(self._stem_of), -1, np.intp))
            )
            self._capital = np.concatenate(
                (self._capital, np.zeros(grown - len(self._capital), bool))
            )
        # One pass in first-seen order (ids, and so count columns, come out as one by one).
        stop, memo, stem_ids = self.stop_words, self._memo, self._stem_ids
        rows: list[int] = []
        stems: list[int] = []
        capital: list[bool] = []
        for index, word in enumerate(new, start=first):
            table[word] = index
            lowered = word.lower()
            if lowered in stop:
                continue
            stem = memo.get(lowered)
            if stem is None:
                stem = self(lowered)
            rows.append(index)
            stems.append(stem_ids.setdefault(stem, len(stem_ids)))
            capital.append(word[:1].isupper())
        self._stem_of[rows] = stems
        self._capital[rows] = capital
        return np.fromiter(map(table.__getitem__, words), np.intp, len(words))

    def stem_ids(self, word_ids: np.ndarray) -> np.ndarray:
        """Stem id of each word id, -1 for stop words."""
        return self._stem_of[word_ids]

    def capitalised(self, word_ids: np.ndarray) -> np.ndarray:
        """True for words written with a capital that are not stop words: names, mostly."""
        return self._capital[word_ids]
