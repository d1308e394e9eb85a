"""Lead-N: the first sentences of the story, the baseline every news summary must beat."""

from __future__ import annotations

import numpy as np
from sumy.models.dom import ObjectDocumentModel

from summaries.base import RatedSummarizer


class LeadSummarizer(RatedSummarizer):
    """Rates each sentence by how early it comes; news puts the point first."""

    def rate(self, document: ObjectDocumentModel) -> np.ndarray:
        """Earlier is better: ratings n, n-1, ..., 1."""
        n = len(document.sentences)
        return np.arange(n, 0, -1, dtype=float)
