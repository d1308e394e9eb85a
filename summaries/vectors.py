"""Dense count matrices for sentence x term computations (articles are small)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def count_matrix(terms: Sequence[Sequence[str]]) -> tuple[np.ndarray, dict[str, int]]:
    """Rows are sentences, columns terms; cells count occurrences. Returns the vocabulary too."""
    vocabulary: dict[str, int] = {}
    ids = [vocabulary.setdefault(t, len(vocabulary)) for sentence in terms for t in sentence]
    rows = np.repeat(np.arange(len(terms)), [len(sentence) for sentence in terms])
    width = len(vocabulary)
    flat = rows * width + np.asarray(ids, dtype=np.intp)
    cells = np.bincount(flat, minlength=len(terms) * width).astype(float)
    return cells.reshape(len(terms), width), vocabulary
