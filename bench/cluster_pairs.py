"""Pair features of an article and a candidate story for the learned join decision that
bench/train_cluster_pairs.py fits and scores (not in run time: it did not beat the cosine
rule on the check half at the precision the stories need; see that script).

The features use only what ingest already holds (the article's tf-idf terms and their
document frequencies, the story's centroid terms and size), so the decision could stay
incremental with no new columns, applied in plain Python without scikit-learn.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import cluster

FEATURES = (
    "cosine",  # the current centroid similarity
    "shared",  # shared terms / 10
    "idf_max",  # the rarest shared term's idf / 10
    "rare",  # shared terms with idf >= RARE_IDF / 5
    "top_article",  # the article's 5 strongest terms found in the story / 5
    "top_story",  # the story's 5 strongest terms found in the article / 5
    "mass_article",  # the article vector's squared weight on shared terms
    "mass_story",  # the story centroid's squared weight on shared terms
    "best_term",  # the strongest shared term's min(article, story) weight
    "log_size",  # log of the story's article count
)
RARE_IDF = 5.0
TOP = 5


def pair_features(
    article: Mapping[str, float], idf: Mapping[str, float], story: Mapping[str, float], size: int
) -> list[float]:
    """The FEATURES of joining `article` (weights, strongest first) to a story's centroid."""
    small, large = (article, story) if len(article) <= len(story) else (story, article)
    shared = [t for t in small if t in large]
    cos = mass_a = mass_s = best = idf_max = 0.0
    rare = 0
    for t in shared:
        a, s = article[t], story[t]
        cos += a * s
        mass_a += a * a
        mass_s += s * s
        best = max(best, min(a, s))
        i = idf.get(t, 0.0)
        idf_max = max(idf_max, i)
        rare += i >= RARE_IDF
    top_a = sum(1 for t in list(article)[:TOP] if t in story)
    top_s = sum(1 for t in sorted(story, key=lambda t: -story[t])[:TOP] if t in article)
    return [
        cos,
        len(shared) / 10,
        idf_max / 10,
        rare / 5,
        top_a / TOP,
        top_s / TOP,
        mass_a,
        mass_s,
        best,
        math.log(max(size, 1)),
    ]


def idfs(terms: Iterable[str], df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """The idf cluster.weigh gives each of `terms` (store counts blended with the prior)."""
    scaled, floor = cluster._scaled_background()
    total = n_docs + cluster.PRIOR_DOCS
    return {t: math.log(total / (df.get(t, 0) + scaled.get(t, floor) + 1)) for t in terms}


def probability(features: list[float], weights: tuple[float, ...], bias: float) -> float:
    """The logistic probability that the article belongs to the story."""
    z = bias + sum(w * x for w, x in zip(weights, features, strict=True))
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
