"""The rating contract every briefbot summariser adds to sumy's AbstractSummarizer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers._summarizer import AbstractSummarizer

from summaries.blas import one_thread
from summaries.terms import STOP_WORDS, Stems
from summaries.vectors import Counts, Tokens


@dataclass(frozen=True, slots=True)
class Ranking:
    """Ratings of a document's sentences, plus the similarities that mark repeats."""

    ratings: np.ndarray
    similarity: np.ndarray | None = None
    max_similarity: float = 1.0


class RatedSummarizer(AbstractSummarizer):
    """A sumy summariser that can also hand back its ratings, one per `document.sentences`.

    `__call__` keeps sumy's contract (best `count` sentences, document order); `rate` lets
    briefbot apply its own selection rules (context, redundancy) on top of the same ratings.
    Stemmer and stop words are given at construction, never patched in afterwards; a
    caller that summarises many texts passes one `Stems` so stemming is paid once per word.
    """

    def __init__(
        self,
        stemmer: Callable[[str], str] | None = None,
        stop_words: Iterable[str] = STOP_WORDS,
        stems: Stems | None = None,
    ) -> None:
        if stop_words is STOP_WORDS:
            self._stop_words = STOP_WORDS
        else:
            self._stop_words = frozenset(w.lower() for w in stop_words)
        if stems is None or stemmer is not None or stems.stop_words is not self._stop_words:
            stems = Stems(stop_words=self._stop_words, stemmer=stemmer)
        self._stems = stems
        super().__init__(stems)

    def rate(self, document: ObjectDocumentModel) -> np.ndarray:
        """One rating per sentence of `document.sentences`; higher is better."""
        raise NotImplementedError

    def rank(self, document: ObjectDocumentModel) -> Ranking:
        """Ratings for briefbot's selection; methods that remove repeats add similarities."""
        return Ranking(self.rate(document))

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple:
        sentences = document.sentences
        if not sentences:
            return ()
        with one_thread():
            rated = self.rate(document).tolist()
        ratings = dict(zip(sentences, rated, strict=True))
        return self._get_best_sentences(sentences, sentences_count, ratings)

    def counts(self, document: ObjectDocumentModel, tokens: Tokens | None = None) -> Counts:
        """Sentence x stem counts of `document`, stop words left out."""
        return Counts.of(tokens or Tokens.of(document.sentences, self._stems), self._stems)
