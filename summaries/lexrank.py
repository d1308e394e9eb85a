"""LexRank with numpy similarity matrices: the same picks as sumy's, without its Python loops."""

from __future__ import annotations

import numpy as np
from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers.lex_rank import LexRankSummarizer

from summaries.base import RatedSummarizer
from summaries.vectors import gram, power_method


class VectorLexRankSummarizer(RatedSummarizer, LexRankSummarizer):
    """sumy's LexRank (thresholded idf-modified cosine, power method), vectorised.

    sumy builds the n x n matrix with a Python cosine per pair and an idf loop per term
    (O(n^2 * words)); here tf, idf and cosines are matrix products over a count matrix.
    """

    power_method = staticmethod(power_method)  # sumy's, with cheaper norms

    def rate(self, document: ObjectDocumentModel) -> np.ndarray:
        """LexRank scores, equal to sumy's up to float rounding."""
        n = len(document.sentences)
        if n == 0:
            return np.zeros(0)
        counts = self.counts(document).matrix
        max_tf = counts.max(axis=1, initial=0.0)
        tf = counts / np.where(max_tf > 0, max_tf, 1.0)[:, None]
        n_j = (counts > 0).sum(axis=0)
        idf = np.log(n / (1.0 + n_j)) if counts.shape[1] else np.zeros(0)
        weighted = tf * idf
        numerator = gram(weighted)  # (tf * idf**2) @ tf.T
        norms = np.sqrt((weighted**2).sum(axis=1))
        denominator = np.outer(norms, norms)
        cosine = np.divide(
            numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0
        )
        adjacency = (cosine > self.threshold).astype(float)
        degrees = adjacency.sum(axis=1)
        degrees[degrees == 0] = 1.0
        matrix = adjacency / degrees[:, None]
        return np.asarray(self.power_method(matrix, self.epsilon))
