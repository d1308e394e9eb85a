"""The fixed tune/check split of every dev file: a hash of the item's id, never its content.

Tune on the tune half only; report both. ``python bench/split.py FILE.jsonl OUTDIR`` writes
OUTDIR/<stem>.tune.jsonl and OUTDIR/<stem>.check.jsonl (lines kept byte for byte).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path


def half(item_id: object) -> str:
    """'tune' or 'check' for an id (str or int), stable across runs and machines."""
    digest = hashlib.sha1(str(item_id).encode("utf8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def split_file(path: Path, outdir: Path) -> dict[str, Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    stem = path.name.removesuffix(".jsonl")
    out = {name: outdir / f"{stem}.{name}.jsonl" for name in ("tune", "check")}
    handles = {name: p.open("w", encoding="utf8") for name, p in out.items()}
    try:
        with path.open(encoding="utf8") as f:
            for line in f:
                if line.strip():
                    handles[half(json.loads(line)["id"])].write(line)
    finally:
        for h in handles.values():
            h.close()
    return out


def corpus_articles(path: Path) -> list[dict]:
    """The articles of a corpus file (bbc_dev: one per line) or a stories file (stories_dev:
    an event per line, its "articles" inside), each with "id", "title", "text" and the "half"
    it belongs to. A story's articles take their event's half, so one event is never split
    between the halves; they have no title ("")."""
    out: list[dict] = []
    with path.open(encoding="utf8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            if "articles" in row:
                side = half(row["id"])
                out += [
                    {"id": a["id"], "title": "", "text": a["text"], "half": side}
                    for a in row["articles"]
                ]
            else:
                out.append({**row, "title": row.get("title", ""), "half": half(row["id"])})
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/split.py FILE.jsonl OUTDIR")
    for name, p in split_file(Path(sys.argv[1]), Path(sys.argv[2])).items():
        print(name, p, sum(1 for _ in p.open(encoding="utf8")))
