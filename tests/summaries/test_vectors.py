"""The narrowed Gram product equals the full one."""

from __future__ import annotations

import numpy as np

from summaries.vectors import gram


def test_gram_equals_the_full_product() -> None:
    rng = np.random.default_rng(7)
    matrix = (rng.random((9, 40)) < 0.15) * rng.integers(1, 4, (9, 40)).astype(float)
    matrix[3] = 0.0  # an empty sentence
    assert np.allclose(gram(matrix), matrix @ matrix.T)
    assert gram(np.zeros((0, 5))).shape == (0, 0)
