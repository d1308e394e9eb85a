"""TextRank with a numpy edge matrix: the same picks as sumy's, without its Python loops."""

from __future__ import annotations

from functools import partial

import numpy as np
from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers.text_rank import TextRankSummarizer

from summaries.base import RatedSummarizer
from summaries.vectors import gram, power_method


class VectorTextRankSummarizer(RatedSummarizer, TextRankSummarizer):
    """sumy's TextRank (shared words over summed log lengths, damped PageRank), vectorised.

    sumy rates each pair with `list.count` per word (O(n^2 * words^2)); the shared-word count
    of every pair is one product of the count matrix with itself.
    """

    power_method = staticmethod(partial(power_method, rescale=False))  # sumy's, cheaper norms

    def rate(self, document: ObjectDocumentModel) -> np.ndarray:
        """TextRank scores, equal to sumy's up to float rounding."""
        n = len(document.sentences)
        if n == 0:
            return np.zeros(0)
        counts = self.counts(document).matrix
        shared = gram(counts)
        sizes = counts.sum(axis=1)
        logs = np.log(np.where(sizes > 0, sizes, 1.0))
        norm = logs[:, None] + logs[None, :]
        flat = np.isclose(norm, 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            weights = np.where(shared == 0, 0.0, np.where(flat, shared, shared / norm))
        weights /= weights.sum(axis=1)[:, np.newaxis] + self._ZERO_DIVISION_PREVENTION
        matrix = np.full((n, n), (1.0 - self.damping) / n) + self.damping * weights
        return np.asarray(self.power_method(matrix, self.epsilon))
