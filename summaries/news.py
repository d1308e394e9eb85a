"""briefbot's news summariser: centrality, position, title and entity overlap, no repeats."""

from __future__ import annotations

import numpy as np
from sumy.models.dom import ObjectDocumentModel
from sumy.models.dom import Sentence as SumySentence

from summaries.base import Ranking, RatedSummarizer
from summaries.vectors import Tokens, gram, unique_inverse


class NewsSummarizer(RatedSummarizer):
    """Rates sentences for a news brief; `rank` also returns the similarities for MMR.

    Centrality (PageRank over the cosine graph of stem counts) carries most of the weight:
    on BBC news it predicts the sentences an editor keeps far better than position does.
    Cosine ignores length, so centrality is scaled by the square root of a sentence's
    content words: long sentences say more, but not in proportion to their length.
    Small bonuses go to early sentences, to words shared with the title and to sentences
    naming the story's recurring people and places.
    """

    damping = 0.85
    position_weight = 0.05
    title_weight = 0.1
    entity_weight = 0.05
    max_similarity = 0.6

    def rate(self, document: ObjectDocumentModel) -> np.ndarray:
        """One rating per sentence; higher is better."""
        return self.rank(document).ratings

    def rank(self, document: ObjectDocumentModel) -> Ranking:
        """Ratings plus the cosine matrix that `select` uses to drop near-repeats."""
        sentences = document.sentences  # sumy rebuilds this tuple on every access
        n = len(sentences)
        if n == 0:
            return Ranking(np.zeros(0))
        tokens = Tokens.of(sentences, self._stems)
        table = self.counts(document, tokens)
        counts = table.matrix
        similarity = cosine_matrix(counts)
        lengths = np.sqrt(np.maximum(counts.sum(axis=1), 1.0))
        ratings = _scaled(pagerank(similarity, self.damping) * lengths)
        ratings += self.position_weight / (1.0 + np.arange(n))
        title = leading_heading(document)
        if title:
            title_stems = self._stems.stem_ids(self._stems.word_ids(list(title.words)))
            title_stems = np.unique(title_stems[title_stems >= 0])
            columns = table.columns(title_stems)
            if len(columns):
                overlap = (counts[:, columns] > 0).sum(axis=1) / len(title_stems)
                ratings += self.title_weight * overlap
        ratings += self.entity_weight * _scaled(self._entity_weights(tokens))
        return Ranking(ratings, similarity, self.max_similarity)

    def _entity_weights(self, tokens: Tokens) -> np.ndarray:
        """How often each sentence's names (capitalised, not sentence-initial) recur elsewhere.

        A sentence scores, for each distinct name in it, the number of other sentences that
        name it too.
        """
        n = len(tokens.lengths)
        names = self._stems.capitalised(tokens.ids)
        names[tokens.firsts] = False  # a sentence's first word is capitalised anyway
        if not names.any():
            return np.zeros(n)
        found, column = unique_inverse(tokens.ids[names])
        named = np.zeros((n, len(found)), dtype=bool)  # sentence x name, repeats counted once
        named[tokens.rows[names], column] = True
        seen = named.sum(axis=0)
        return named @ (seen - 1.0)


def cosine_matrix(counts: np.ndarray) -> np.ndarray:
    """Cosine similarity of every pair of rows, zero on the diagonal."""
    products = gram(counts)
    norms = np.sqrt(products.diagonal())
    norms[norms == 0] = 1.0
    similarity = products / np.outer(norms, norms)
    similarity.flat[:: len(similarity) + 1] = 0.0
    return similarity


def pagerank(weights: np.ndarray, damping: float) -> np.ndarray:
    """Damped PageRank over a weighted graph, solved exactly rather than by power iteration.

    p = (1 - d) / n + d * T' p  is a small linear system: one solve beats ~20 matrix products.
    """
    n = len(weights)
    totals = weights.sum(axis=1)
    totals[totals == 0] = 1.0
    system = np.eye(n) - damping * (weights / totals[:, None]).T
    return np.linalg.solve(system, np.full(n, (1.0 - damping) / n))


def leading_heading(document: ObjectDocumentModel) -> SumySentence | None:
    """The document's title: a heading in its first paragraph, if there is one."""
    first = document.paragraphs[0] if document.paragraphs else None
    return first.headings[0] if first is not None and first.headings else None


def _scaled(values: np.ndarray) -> np.ndarray:
    top = values.max() if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values)
