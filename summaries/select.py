"""Pick the best-rated sentences under briefbot's editorial rules (context, redundancy, count)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summaries.document import Document

STRONG = 2  # a predecessor brought in as context must rate in the best STRONG x count


def select(
    document: Document,
    ratings: Sequence[float],
    count: int,
    similarity: np.ndarray | None = None,
    max_similarity: float = 1.0,
) -> list[int]:
    """Positions in `document.rated` of at most `count` sentences, in document order.

    The pick with the highest total rating among those that obey the rules: only usable
    sentences (no boilerplate, no fragment), and a sentence that leans on its predecessor
    (pronoun or "But" opener, quote continuation) only together with that predecessor. With
    no such sentence in the top `count` this is exactly stock sumy's pick. A sentence that
    needs context thus comes as a pair (or a longer run) when its predecessor rates well
    and the pair is worth its two slots, and is replaced by the next best sentence when
    not. A pair counts as two sentences: `count` is what the reader gets. With a `similarity`
    matrix, a sentence too close to a better one already picked is ruled out and the pick
    is made again.
    """
    if count <= 0 or not document.rated:
        return []
    scores = _tie_broken(ratings)
    quick = _top_if_free(document, scores, count, similarity, max_similarity)
    if quick is not None:
        return quick
    usable = [k for k, s in enumerate(document.rated) if s.usable]
    strong = set(sorted(usable, key=scores.__getitem__, reverse=True)[: STRONG * count])
    chains = _chains(document, strong)
    banned: set[int] = set()
    while True:
        picked = _best_prefixes(chains, scores, count, banned)
        clash = _first_repeat(picked, scores, similarity, max_similarity)
        if clash is None:
            return sorted(picked)
        banned.add(clash)


def _top_if_free(
    document: Document,
    scores: list[float],
    count: int,
    similarity: np.ndarray | None,
    max_similarity: float,
) -> list[int] | None:
    """The best `count` usable sentences when none leans on another and none repeats one.

    That pick is then the best total there is, so the knapsack is not needed (most texts).
    """
    rated = document.rated
    top: list[int] = []
    for k in sorted(range(len(rated)), key=scores.__getitem__, reverse=True):
        if rated[k].usable:  # checked lazily: only the best few pay for the checks
            top.append(k)
            if len(top) == count:
                break
    if any(document.needs_context(rated[k].index) for k in top):
        return None
    if _first_repeat(top, scores, similarity, max_similarity) is not None:
        return None
    return sorted(top)


def _chains(document: Document, strong: set[int]) -> list[list[int]]:
    """Runs of usable sentences that may only be taken as prefixes.

    A run opens with a sentence that stands alone; each sentence after it leans on the one
    before. A leaning sentence whose predecessor is not usable, or not `strong` (among the
    best-rated), cannot be picked: a weak sentence is no context worth a slot.
    """
    rated = document.rated
    chains: list[list[int]] = []
    open_chain: list[int] | None = None
    for k, s in enumerate(rated):
        if not s.usable:
            open_chain = None
            continue
        if not document.needs_context(s.index):
            open_chain = [k]
            chains.append(open_chain)
        elif (
            open_chain is not None
            and rated[k - 1].index == s.index - 1
            and open_chain[-1] in strong
        ):
            open_chain.append(k)
        else:
            open_chain = None
    return chains


def _tie_broken(ratings: Sequence[float]) -> list[float]:
    """Ratings nudged so that, as in sumy, the earlier of two equal sentences wins."""
    values = [float(r) for r in ratings]
    if not values:
        return values
    step = 1e-9 * (max(abs(v) for v in values) or 1.0) / len(values)
    return [v - k * step for k, v in enumerate(values)]


def _best_prefixes(
    chains: list[list[int]], scores: list[float], count: int, banned: set[int]
) -> list[int]:
    """Exact best total for at most `count` sentences, each chain giving a prefix (knapsack)."""
    # best[c]: (total, picks) using exactly c sentences; None when impossible.
    best: list[tuple[float, tuple[int, ...]] | None] = [(0.0, ())] + [None] * count
    for chain in chains:
        prefix: list[tuple[float, tuple[int, ...]]] = []
        total = 0.0
        for k in chain:
            if k in banned:
                break
            total += scores[k]
            prefix.append((total, tuple(chain[: len(prefix) + 1])))
        if not prefix:
            continue
        merged = list(best)
        for used, entry in enumerate(best):
            if entry is None:
                continue
            for length, (gain, picks) in enumerate(prefix, start=1):
                c = used + length
                if c > count:
                    break
                value = entry[0] + gain
                current = merged[c]
                if current is None or value > current[0]:
                    merged[c] = (value, entry[1] + picks)
        best = merged
    # Fill every slot the text allows: more sentences beat a higher total with fewer.
    for entry in reversed(best):
        if entry is not None:
            return list(entry[1])
    return []


def _first_repeat(
    picked: list[int], scores: list[float], similarity: np.ndarray | None, limit: float
) -> int | None:
    """The first picked sentence (best first) too close to a better one picked, if any."""
    if similarity is None or len(picked) < 2:
        return None
    ordered = sorted(picked, key=lambda k: -scores[k])
    for i, k in enumerate(ordered[1:], start=1):
        if any(similarity[k, j] > limit for j in ordered[:i]):
            return k
    return None
