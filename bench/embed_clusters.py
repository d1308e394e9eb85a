"""Would a static word-embedding model help story clustering? (WordLlama; measured: no.)

WordLlama 0.4.0.post1 (MIT) ships its 256-dimension l2_supercat weights and tokenizer inside
the wheel. It is NOT a project dependency: install it into a scratch venv to rerun this
(`pip install wordllama==0.4.0.post1`). load_model() reads only the wheel's files: the
package's own WordLlama.load() looks for the tokenizer in a 'tokenizer/' folder while the
wheel ships 'tokenizers/', so it goes to huggingface.co even with HF_HUB_OFFLINE=1.

Articles are embedded as the mean of their tokens' vectors over the title and the first
--words words of the story text (boilerplate sentences out, as prepare() leaves them out of
the terms). Two views, on the articles the store keeps (cluster_ceiling.kept):

  batch   per share w of the score w * embedding cosine + (1 - w) * tf-idf cosine: the share
          of same-event pairs scoring above the highest different-event pair, and the best
          offline single/average-linkage B-cubed F1 with P >= 0.96 over a threshold grid
          (--fixed: at thresholds fitted on the other half instead)
  replay  tune_clusters.replay's incremental placement where a story also keeps the sum of
          its articles' embeddings and the join score is that mix against its threshold,
          averaged over 3 ingest orders

    python bench/embed_clusters.py batch /tmp/split/stories_dev.tune.jsonl --words 200
    python bench/embed_clusters.py replay /tmp/split/stories_dev.check.jsonl --shares 0,0.2
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_ceiling import kept
from tune_clusters import SHUFFLE_SEED, bcubed, load

from bot import cluster


def load_model():  # -> wordllama.inference.WordLlamaInference
    """WordLlama from the files in its wheel only (no cache directory, no download)."""
    from importlib import resources

    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = resources.files("wordllama")
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np") as f:
        embedding = f.get_tensor("embedding.weight")
    return WordLlamaInference(embedding, tokenizer)


def embed(texts: list[str], words: int) -> np.ndarray:
    """Unit-length mean token vectors of each text's first `words` words."""
    vectors = load_model().embed([" ".join(t.split()[:words]) for t in texts])
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def separability(sim: np.ndarray, golds: list[str]) -> float:
    """Share of same-event pairs scoring above every different-event pair."""
    g = np.array(golds)
    upper = np.triu_indices(len(g), 1)
    scores, same = sim[upper], (g[:, None] == g[None, :])[upper]
    return float((scores[same] > scores[~same].max()).mean())


def merges(sim: np.ndarray, linkage: str) -> list[tuple[float, int, int]]:
    """The whole agglomeration (Lance-Williams updates) as (score, kept, merged) in merge order;
    single and average linkage never invert, so a threshold cuts a prefix of it."""
    s = sim.astype(float).copy()
    np.fill_diagonal(s, -np.inf)
    size = np.ones(len(s))
    alive = np.ones(len(s), bool)
    out = []
    for _ in range(len(s) - 1):
        masked = np.where(alive[:, None] & alive[None, :], s, -np.inf)
        i, j = np.unravel_index(np.argmax(masked), s.shape)
        out.append((float(masked[i, j]), int(i), int(j)))
        if linkage == "single":
            row = np.maximum(s[i], s[j])
        else:
            row = (size[i] * s[i] + size[j] * s[j]) / (size[i] + size[j])
        s[i], s[:, i] = row, row
        s[i, i] = -np.inf
        size[i] += size[j]
        alive[j] = False
    return out


def cut(n: int, history: list[tuple[float, int, int]], threshold: float) -> list[int]:
    """Cluster label of each item after the merges scoring at least threshold."""
    label = list(range(n))
    for score, i, j in history:
        if score < threshold:
            break
        label = [label[i] if x == label[j] else x for x in label]
    return label


def batch(args: argparse.Namespace) -> None:
    rows = load(args.gold, SHUFFLE_SEED, [])
    gold_of = {aid: gold for aid, gold, _ in rows}
    alone, rest = kept(rows)
    df: Counter[str] = Counter()
    for r in rest:
        df.update(r[2].keys())
    vectors = [cluster.weigh(r[2], df, len(rest)) for r in rest]
    tf = np.array([[cluster.cosine(u, v) for v in vectors] for u in vectors])
    emb = embed([r[3] for r in rest], args.words)
    es = emb @ emb.T
    for w in (float(x) for x in args.shares.split(",")):
        sim = w * es + (1 - w) * tf
        line = f"emb share {w:.2f}  sep {separability(sim, [r[1] for r in rest]):.3f}"
        for k, linkage in enumerate(("single", "average")):
            history = merges(sim, linkage)
            grid = [float(args.fixed.split(",")[k])] if args.fixed else np.arange(0.1, 0.95, 0.01)
            best = (0.0, 0.0, 0.0, 0.0)
            for t in grid:
                story_of = dict(alone)
                story_of.update(
                    (r[0], c) for r, c in zip(rest, cut(len(rest), history, t), strict=True)
                )
                p, r, f = bcubed(gold_of, story_of)
                if (p >= 0.96 or args.fixed) and f > best[0]:
                    best = (f, p, r, t)
            line += "  {} F1 {:.4f} (P {:.3f} R {:.3f} t {:.2f})".format(linkage, *best)
        print(line, flush=True)


def replay_mixed(rows, emb_of, share: float, threshold: float) -> dict[str, object]:
    """tune_clusters.replay with the join score (1 - share) * tf-idf cosine + share * cosine
    to the story's embedding centroid; candidates are still found by the term index."""
    df: Counter[str] = Counter()
    stories: list[tuple[dict[str, float], int, np.ndarray]] = []
    story_of: dict[str, object] = {}
    for n_docs, (aid, counts) in enumerate(rows):
        weights = cluster.weigh(counts, df, n_docs)
        df.update(counts.keys())
        probe = set(cluster.probe_terms(weights))
        e = emb_of[aid]
        best, best_score = None, 0.0
        for k, (terms, _, esum) in enumerate(stories):
            if probe.intersection(cluster.index_terms(terms)):
                centroid = float(esum @ e) / float(np.linalg.norm(esum))
                score = (1 - share) * cluster.cosine(weights, terms) + share * centroid
                if score > best_score:
                    best, best_score = k, score
        if best is None or best_score < threshold:
            stories.append((dict(weights), 1, e.copy()))
            story_of[aid] = len(stories) - 1
        else:
            terms, size, esum = stories[best]
            stories[best] = (cluster.merge(terms, size, weights), size + 1, esum + e)
            story_of[aid] = best
    return story_of


def replay(args: argparse.Namespace) -> None:
    rows = load(args.gold, SHUFFLE_SEED, [])
    gold_of = {aid: gold for aid, gold, _ in rows}
    alone, rest = kept(rows)
    emb_of = dict(zip((r[0] for r in rest), embed([r[3] for r in rest], args.words), strict=True))
    counts_of = {r[0]: r[2] for r in rest}
    for share in (float(x) for x in args.shares.split(",")):
        for t in (float(x) for x in args.thresholds.split(",")):
            total = np.zeros(4)
            for seed in range(3):
                order = [aid for aid, _, _ in load(args.gold, SHUFFLE_SEED + seed, [])]
                story_of = dict(alone)
                story_of.update(
                    replay_mixed(
                        [(a, counts_of[a]) for a in order if a in counts_of], emb_of, share, t
                    )
                )
                stories = len({story_of[a] for a in gold_of})
                total += np.array([*bcubed(gold_of, story_of), stories]) / 3
            print(
                "share {:.2f} t {:.2f}  P {:.4f} R {:.4f} F1 {:.4f} stories {:.1f}".format(
                    share, t, *total
                )
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("view", choices=("batch", "replay"))
    ap.add_argument("gold", type=Path)
    ap.add_argument("--words", type=int, default=100_000, help="story words embedded")
    ap.add_argument("--shares", default="0,0.2,0.4,1", help="embedding shares of the score")
    ap.add_argument("--thresholds", default="0.22,0.25,0.28,0.3", help="replay join thresholds")
    ap.add_argument("--fixed", default="", help="batch: SINGLE,AVERAGE thresholds to apply")
    args = ap.parse_args()
    (batch if args.view == "batch" else replay)(args)


if __name__ == "__main__":
    main()
