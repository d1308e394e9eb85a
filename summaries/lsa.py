"""LSA (sumy's Steinberger-Jezek ranks) with its term-frequency loop vectorised."""

from __future__ import annotations

import numpy as np
from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers.lsa import LsaSummarizer

from summaries.base import RatedSummarizer


class VectorLsaSummarizer(RatedSummarizer, LsaSummarizer):
    """sumy's LSA; only the cell-by-cell smoothing loop is replaced by array arithmetic."""

    def _compute_term_frequency(self, matrix: np.ndarray, smooth: float = 0.4) -> np.ndarray:
        """Same as sumy: every cell of a non-empty column becomes smooth + (1 - smooth) * tf/max."""
        top = matrix.max(axis=0, initial=0.0)
        scaled = smooth + (1.0 - smooth) * matrix / np.where(top != 0, top, 1.0)
        return np.where(top != 0, scaled, matrix)

    def rate(self, document: ObjectDocumentModel) -> np.ndarray:
        """Length of each sentence's vector in the (squared) singular-value space."""
        n = len(document.sentences)
        dictionary = self._create_dictionary(document)
        if not dictionary or n == 0:
            return np.zeros(n)
        matrix = self._compute_term_frequency(self._create_matrix(document, dictionary))
        _u, sigma, v = np.linalg.svd(matrix, full_matrices=False)
        dimensions = max(self.MIN_DIMENSIONS, int(len(sigma) * self.REDUCTION_RATIO))
        powered = np.where(np.arange(len(sigma)) < dimensions, sigma**2, 0.0)
        return np.sqrt((powered[:, None] * v**2).sum(axis=0))
