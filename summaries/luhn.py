"""Luhn's significant-word clusters (sumy's implementation, rated for our selection)."""

from __future__ import annotations

import numpy as np
from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers.luhn import LuhnSummarizer

from summaries.base import RatedSummarizer


class RatedLuhnSummarizer(RatedSummarizer, LuhnSummarizer):
    """sumy's Luhn as is; its cost is stemming, which our memoised stemmer makes cheap."""

    def rate(self, document: ObjectDocumentModel) -> np.ndarray:
        """Best chunk rating of each sentence."""
        significant = frozenset(self._get_significant_words(document.words))
        return np.array([float(self.rate_sentence(s, significant)) for s in document.sentences])
