"""Pick the best-rated sentences under briefbot's editorial rules (context, redundancy, count)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summaries.document import Document


def select(
    document: Document,
    ratings: Sequence[float],
    count: int,
    similarity: np.ndarray | None = None,
    max_similarity: float = 1.0,
) -> list[int]:
    """Positions in `document.candidates` of at most `count` sentences, in document order.

    Best-rated first. A sentence that opens with a pronoun or "But" comes with the sentence
    before it when there is room for both and that one is a well-rated candidate itself (in
    the best 2 x count); else it is skipped. With a `similarity` matrix, a sentence too close to one already picked is skipped.
    """
    candidates = document.candidates
    if count <= 0 or not candidates:
        return []
    order = sorted(range(len(candidates)), key=lambda k: -ratings[k])  # stable: ties keep order
    strong = set(order[: 2 * count])  # predecessors worth a slot of their own
    picked: list[int] = []

    def redundant(k: int) -> bool:
        if similarity is None:
            return False
        return any(similarity[k, j] > max_similarity for j in picked)

    for k in order:
        if len(picked) >= count:
            break
        if k in picked or redundant(k):
            continue
        if not document.needs_context(candidates[k].index):
            picked.append(k)
            continue
        prev = k - 1
        if prev < 0 or candidates[prev].index != candidates[k].index - 1:
            continue  # its predecessor is a headline, boilerplate or fragment: no context
        if prev in picked:
            picked.append(k)
        elif (
            prev in strong
            and count - len(picked) >= 2
            and not document.needs_context(candidates[prev].index)
            and not redundant(prev)
        ):
            picked.extend((prev, k))
    return sorted(picked)
