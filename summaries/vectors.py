"""Per-document word tables and dense sentence x stem count matrices (articles are small)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from math import sqrt

import numpy as np
from sumy.models.dom import Sentence as SumySentence

from summaries.terms import Stems


@dataclass(frozen=True, slots=True)
class Tokens:
    """Every word of a document's sentences as ids in one flat array, built once per document.

    The stages that need words (term counts, names, title overlap) all read this table
    instead of walking sentences and words in Python again.
    """

    ids: np.ndarray  # word id (see `Stems.word_ids`) of every word, sentence after sentence
    rows: np.ndarray  # the sentence each word belongs to
    lengths: np.ndarray  # words per sentence

    @classmethod
    def of(cls, sentences: Sequence[SumySentence], stems: Stems) -> Tokens:
        """Flatten a document's sentences (sumy caches each sentence's words)."""
        groups = [s.words for s in sentences]
        lengths = np.fromiter(map(len, groups), dtype=np.intp, count=len(groups))
        rows = np.repeat(np.arange(len(groups)), lengths)
        return cls(stems.word_ids(list(chain.from_iterable(groups))), rows, lengths)

    @property
    def firsts(self) -> np.ndarray:
        """Index of the first word of each non-empty sentence."""
        ends = np.cumsum(self.lengths)
        return (ends - self.lengths)[self.lengths > 0]


@dataclass(frozen=True, slots=True)
class Counts:
    """Sentence x stem counts (stop words left out); `stems[j]` is column j's stem id."""

    matrix: np.ndarray
    stems: np.ndarray  # sorted

    @classmethod
    def of(cls, tokens: Tokens, stems: Stems) -> Counts:
        """Count each sentence's stems: one sort over the whole document."""
        stem_ids = stems.stem_ids(tokens.ids)
        keep = stem_ids >= 0
        columns, inverse = unique_inverse(stem_ids[keep])
        n, width = len(tokens.lengths), len(columns)
        cells = np.bincount(tokens.rows[keep] * width + inverse, minlength=n * width)
        return cls(cells.reshape(n, width).astype(float), columns)

    def columns(self, stem_ids: np.ndarray) -> np.ndarray:
        """Columns of those `stem_ids` that occur in the document."""
        found = np.searchsorted(self.stems, stem_ids)
        found = found[found < len(self.stems)]
        return found[np.isin(self.stems[found], stem_ids)]


def unique_inverse(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(values, return_inverse=True)` for a 1-d integer array, without its wrapper.

    The sorted distinct values and, for each value, its position among them: both are fixed
    by the values alone, so they equal numpy's; numpy's generic path costs more than the sort
    on an article's few hundred words.
    """
    order = values.argsort()
    ordered = values[order]
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    inverse = np.empty(len(ordered), dtype=np.intp)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


def gram(matrix: np.ndarray) -> np.ndarray:
    """`matrix @ matrix.T`, multiplying only the columns that two or more rows share.

    A stem that occurs in one sentence adds to that sentence's own square and nothing else,
    so the off-diagonal products need only the shared columns (a fifth of an article's
    stems), which keeps the product small enough that BLAS does not wake its threads.
    """
    shared = (matrix != 0).sum(axis=0) > 1
    narrow = matrix[:, shared]
    products = narrow @ narrow.T
    np.fill_diagonal(products, np.einsum("ij,ij->i", matrix, matrix))
    return products


def power_method(matrix: np.ndarray, epsilon: float, rescale: bool = True) -> np.ndarray:
    """sumy's power method, step for step, with cheaper vector norms.

    LexRank's (`rescale`) scales each step to unit length; TextRank's does not. `numpy.linalg.norm`
    of a vector is `sqrt(x.dot(x))` behind a few layers of checks that cost more than the
    product on an article's dozen sentences; the values are the same.
    """
    transposed = matrix.T
    count = len(matrix)
    p_vector = np.array([1.0 / count] * count)
    lambda_val = 1.0
    while lambda_val > epsilon:
        next_p = np.dot(transposed, p_vector)
        if rescale:
            next_p /= sqrt(next_p.dot(next_p))
        step = np.subtract(next_p, p_vector)
        lambda_val = sqrt(step.dot(step))
        p_vector = next_p
    return p_vector
