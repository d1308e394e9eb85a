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
    order = sorted(range(len(document.rated)), key=scores.__getitem__, reverse=True)
    quick = _top_if_free(document, order, scores, count, similarity, max_similarity)
    if quick is not None:
        return quick
    strong = _strong(document, order, count)
    banned: set[int] = set()
    while True:
        # Only sentences rated at least as well as the last strong one and the count-th
        # stand-alone one can be in the best pick (see `_reach`); the rest need no checks.
        reach = _reach(document, order, count, strong, banned)
        chains = _chains(document, strong, None if reach is None else set(order[:reach]))
        picked = _best_prefixes(chains, scores, count, banned)
        clash = _first_repeat(picked, scores, similarity, max_similarity)
        if clash is None:
            return sorted(picked)
        banned.add(clash)


def _strong(document: Document, order: list[int], count: int) -> set[int]:
    """The best STRONG x count usable sentences: the only ones a leaning sentence may follow."""
    rated = document.rated
    strong: set[int] = set()
    for k in order:
        if len(strong) == STRONG * count:
            break
        if rated[k].usable:
            strong.add(k)
    return strong


def _reach(
    document: Document,
    order: list[int],
    count: int,
    strong: set[int],
    banned: set[int],
) -> int | None:
    """How many of the best-rated sentences (`order`) the exact best pick can draw from.

    Let t be the rating of the count-th best usable sentence that stands alone and is not
    banned. A picked sentence rated below t that is not strong closes its chain (nothing may
    lean on a weak sentence), so swapping it for one of the count stand-alone sentences
    rated t or more that is not picked would raise the total: the best pick holds only
    sentences rated t or more and strong ones. None when the text has too few usable
    sentences for that bound (then every sentence is considered).
    """
    if len(strong) < STRONG * count:
        return None
    rated = document.rated
    weakest_strong = max(order.index(k) for k in strong)
    standing = 0
    for position, k in enumerate(order):
        s = rated[k]
        if k not in banned and s.usable and not document.needs_context(s.index):
            standing += 1
            if standing == count:
                return max(position, weakest_strong) + 1
    return None


def _top_if_free(
    document: Document,
    order: list[int],
    scores: list[float],
    count: int,
    similarity: np.ndarray | None,
    max_similarity: float,
) -> list[int] | None:
    """The best `count` usable sentences when none leans on another and none repeats one.

    That pick is then the best total there is, so the knapsack is not needed (most texts).
    `order` lists the sentences best-rated first.
    """
    rated = document.rated
    top: list[int] = []
    for k in order:
        if rated[k].usable:  # checked lazily: only the best few pay for the checks
            top.append(k)
            if len(top) == count:
                break
    if any(document.needs_context(rated[k].index) for k in top):
        return None
    if _first_repeat(top, scores, similarity, max_similarity) is not None:
        return None
    return sorted(top)


def _chains(
    document: Document, strong: set[int], within: set[int] | None = None
) -> list[list[int]]:
    """Runs of usable sentences that may only be taken as prefixes.

    A run opens with a sentence that stands alone; each sentence after it leans on the one
    before. A leaning sentence whose predecessor is not usable, or not `strong` (among the
    best-rated), cannot be picked: a weak sentence is no context worth a slot. Sentences
    outside `within` (when given) are left out as if unusable: only the last sentence of
    a run can be weak, so that only shortens runs and drops runs of one.
    """
    rated = document.rated
    chains: list[list[int]] = []
    open_chain: list[int] | None = None
    for k, s in enumerate(rated):
        if (within is not None and k not in within) or not s.usable:
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
