"""The plain baseline the stories contract is measured against: exact-text dedupe,
single-pass TF-IDF centroid clustering at cosine 0.2, round-robin lead sentences.

It speaks the same CLI as `briefbot` for score_stories.py, so the two print side by side:
    python score_stories.py --gold G --cmd "python /path/bench/baseline_stories.py"
(`--db FILE ingest ARTICLES.jsonl` keeps the articles in FILE as JSON lines;
`--db FILE stories --json --sentences N` clusters and prints one story a line.)
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sumy.utils import get_stop_words

from bot.extract.sentences import split_sentences

THRESHOLD = 0.2
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset(get_stop_words("english"))


def vectors(texts: list[str]) -> list[dict[str, float]]:
    """tf x log(N / df), L2-normalised, over all the texts at once."""
    counts = [Counter(w for w in _WORD.findall(t.lower()) if w not in _STOP) for t in texts]
    df = Counter(w for c in counts for w in c)
    n = len(texts)
    out = []
    for c in counts:
        v = {w: k * math.log(n / df[w]) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items()})
    return out


def single_pass(vecs: list[dict[str, float]]) -> list[list[int]]:
    """Each text joins the closest centroid at THRESHOLD or more, else starts a cluster."""
    clusters: list[list[int]] = []
    sums: list[Counter[str]] = []
    for i, v in enumerate(vecs):
        best, best_score = -1, 0.0
        for k, total in enumerate(sums):
            norm = math.sqrt(sum(x * x for x in total.values())) or 1.0
            score = sum(x * total.get(w, 0.0) for w, x in v.items()) / norm
            if score > best_score:
                best, best_score = k, score
        if best >= 0 and best_score >= THRESHOLD:
            clusters[best].append(i)
            sums[best].update(v)
        else:
            clusters.append([i])
            sums.append(Counter(v))
    return clusters


def lead(texts: list[tuple[str, str]], n: int) -> list[dict[str, str]]:
    """First sentence of each article in turn, then the seconds, until n."""
    split = [(aid, [s.text for s in split_sentences(t)]) for aid, t in texts]
    out: list[dict[str, str]] = []
    for k in range(max((len(s) for _, s in split), default=0)):
        for aid, sentences in split:
            if k < len(sentences) and len(out) < n:
                out.append({"text": sentences[k], "article_id": aid})
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True, type=Path)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("ingest")
    p.add_argument("files", nargs="+", type=Path)
    p = sub.add_parser("stories")
    p.add_argument("--json", action="store_true")
    p.add_argument("--sentences", type=int, default=4)
    args = ap.parse_args()
    if args.cmd == "ingest":
        seen = set()
        if args.db.exists():
            seen = {json.loads(line)["text"] for line in args.db.open(encoding="utf8")}
        with args.db.open("a", encoding="utf8") as out:
            for f in args.files:
                for line in f.open(encoding="utf8"):
                    row = json.loads(line)
                    if row["text"] not in seen:  # exact-text dedupe
                        seen.add(row["text"])
                        out.write(json.dumps({"id": row["id"], "text": row["text"]}) + "\n")
        return 0
    rows = [json.loads(line) for line in args.db.open(encoding="utf8")]
    for k, members in enumerate(single_pass(vectors([r["text"] for r in rows]))):
        texts = [(rows[i]["id"], rows[i]["text"]) for i in members]
        story = {"id": k, "articles": [a for a, _ in texts], "summary": lead(texts, args.sentences)}
        print(json.dumps(story, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
