"""Measure speaker precision by kind of attribution and warning sign; write the gate table.

Every attributed quote is traced with its kind (quotes._how) and warning signs
(speaker_gate.evidence), before any gate, and scored against two golds: the hand-labelled BBC
review sets in tests/data (pooled) and the quotes_dev TUNE half (its speaker labels; the check
half is never read here). A (kind, sign) pair goes into bot/extract/data/speaker_gate.tsv when
the kind is risky (a guess, not a name read) and, pooled over both golds, its precision is
below --cut with at least --min-wrong wrong answers: those are the guesses an editor would
print wrong too often. Signs are read alone and in pairs ("far+pronsubj": both present). The
dev scorer counts an abstention as a wrong speaker, so every right answer the gate turns
down costs dev accuracy: the cut is set where the gate removes more wrong than right. A row
chosen on tune that turns down more right than wrong answers on the check half is overfitting:
name it in --drop and it stays out (the table's header records it).

    python bench/speaker_gate_table.py --tune /tmp/lead/quotes_dev.tune.jsonl [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

from bench.score_review import overlaps, same_speaker  # noqa: E402
from bot.extract.doc import prepare  # noqa: E402
from bot.extract.quotes import _attribute_segments, _printable  # noqa: E402
from bot.extract.segments import find_segments  # noqa: E402
from bot.extract.sentences import split_sentences  # noqa: E402
from bot.extract.speaker_gate import risky  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_dev.jsonl"
TABLE = ROOT / "bot" / "extract" / "data" / "speaker_gate.tsv"
REVIEWS = sorted((ROOT / "tests" / "data").glob("*quotes_review*.jsonl"))
BLIND = "blind7"  # never read: the lead's unseen set


def traced(text: str) -> list[tuple[int, int, str, str, frozenset[str]]]:
    """(start, end, printable speaker, kind, signs) of every attributed quote, gate off."""
    segments = find_segments(text)
    doc = prepare(text, split_sentences(text), segments)
    trace: list = []
    _attribute_segments(doc, segments, trace=trace, gate=False)
    out = []
    for q, how, signs in trace:
        name = _printable(doc, q).speaker
        if name is not None:
            out.append((q.start, q.end, name, how, signs))
    return out


def review_rows(paths: list[Path]) -> list[tuple[str, frozenset[str], bool, str]]:
    """(kind, signs, right, set name) for each named answer on the review items."""
    items = [
        (p.stem, json.loads(line))
        for p in paths
        for line in p.open(encoding="utf8")
        if line.strip()
    ]
    wanted = {it["id"] for _, it in items}
    texts = {}
    with CORPUS.open(encoding="utf8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in wanted:
                texts[d["id"]] = d["text"]
    cache: dict[str, list] = {}
    rows = []
    for name, it in items:
        tr = cache.get(it["id"])
        if tr is None:
            tr = cache[it["id"]] = traced(texts[it["id"]])
        hit = next((t for t in tr if overlaps((t[0], t[1]), (it["start"], it["end"]))), None)
        if hit is None:
            continue
        ok = [it["speaker"]] if it["speaker"] else []
        ok += it.get("accept", [])
        rows.append((hit[3], hit[4], any(same_speaker(hit[2], g) for g in ok), name))
    return rows


def dev_rows(path: Path) -> list[tuple[str, frozenset[str], bool, str]]:
    """(kind, signs, right, "dev") for each traced quote aligned to a gold quote with a speaker."""
    from score_quotes import align, norm_text, speaker_match

    rows = []
    for line in path.open(encoding="utf8"):
        if not line.strip():
            continue
        g = json.loads(line)
        text = g["text"]
        gd = [
            {"spans": [(s, e)], "norm": norm_text(t), "speaker": att["speaker_name"]}
            for att in g["attributions"]
            for (s, e), t in zip(att["quoted_spans"], att["quoted"], strict=True)
        ]
        tr = traced(text)
        sd = [{"spans": [(t[0], t[1])], "norm": norm_text(text[t[0] : t[1]])} for t in tr]
        for i, j in align(sd, gd).items():
            if gd[j]["speaker"]:
                t = tr[i]
                rows.append((t[3], t[4], bool(speaker_match(t[2], gd[j]["speaker"])), "dev"))
    return rows


def conjunctions(signs: frozenset[str]) -> list[str]:
    """Each sign and each pair of signs ("far+pronsubj"): the table's second column."""
    one = sorted(signs)
    return one + [f"{a}+{b}" for i, a in enumerate(one) for b in one[i + 1 :]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", type=Path, required=True, help="quotes_dev TUNE half")
    ap.add_argument("--cut", type=float, default=0.50)
    ap.add_argument("--min-wrong", type=int, default=3)
    ap.add_argument("--write", action="store_true", help=f"write {TABLE.name}")
    ap.add_argument(
        "--drop",
        nargs="*",
        default=[],
        metavar="KIND/SIGN",
        help="rows chosen on tune that the check half or the review sets turned down: left out",
    )
    a = ap.parse_args()
    rev = review_rows([p for p in REVIEWS if BLIND not in p.name])
    dev = dev_rows(a.tune)
    by: dict[tuple[str, str], Counter] = {}
    for rows, src in ((rev, "rev"), (dev, "dev")):
        for how, signs, right, _ in rows:
            for s in ("all", *conjunctions(signs)):
                c = by.setdefault((how, s), Counter())
                c[src + ("_ok" if right else "_bad")] += 1
    print(f"{'kind':<22}{'sign':<9}{'rev ok/bad':>12}{'dev ok/bad':>12}{'prec':>7}")
    chosen = []
    for (how, s), c in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][1] != "all", kv[0][1])):
        ok, bad = c["rev_ok"] + c["dev_ok"], c["rev_bad"] + c["dev_bad"]
        prec = ok / (ok + bad)
        pick = s != "all" and risky(how) and bad >= a.min_wrong and prec < a.cut
        if ok + bad < 3 and not pick:
            continue
        dropped = f"{how}/{s}" in a.drop
        if pick and not dropped:
            chosen.append((how, s, ok, bad))
        print(
            f"{how:<22}{s:<9}{c['rev_ok']:>6}/{c['rev_bad']:<5}{c['dev_ok']:>6}/{c['dev_bad']:<5}"
            f"{prec:7.3f}{('  (dropped: check)' if dropped else '  <- abstain') if pick else ''}"
        )
    if a.write:
        lines = [
            "# kind\tsign\tright\twrong (bench/speaker_gate_table.py --cut "
            f"{a.cut} --min-wrong {a.min_wrong}): attributions of this kind with this sign "
            "are left unattributed"
        ]
        lines += [f"# dropped (check half or BBC review sets disagreed): {d}" for d in a.drop]
        lines += [f"{h}\t{s}\t{ok}\t{bad}" for h, s, ok, bad in chosen]
        TABLE.write_text("\n".join(lines) + "\n", encoding="utf8")
        print(f"wrote {len(chosen)} rows to {TABLE}")


if __name__ == "__main__":
    main()
