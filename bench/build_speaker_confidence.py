"""Build bot/extract/data/speaker_confidence.json: the learned confidence in each quote's
speaker (see bot/extract/speaker_confidence.py).

Runs the extractor with the check off over the quotes_dev *tune* half and the older released
BBC review sets (review, fresh, blind3..7) and labels each quote that names a speaker right or
wrong as bench/quote_paths.py does (quotes_dev: the shared scorer's alignment and name match,
gold speaker known; BBC: score_review.py's rules, naming someone where the gold says nobody is
wrong). Fits a logistic regression (scikit-learn, `pip install -e '.[train]'`) and picks the
threshold from out-of-fold probabilities (GroupKFold by article): the highest pooled speaker
precision such that the tune half's speaker accuracy (abstaining counts as a miss) falls by at
most --max-accuracy-drop and abstention on the older BBC sets rises by at most
--max-abstain-rise. The held-out sets (quotes_dev check half, blind8..10, quotes_review_mn_blind11
on stories_dev) never enter the fit; the script reports the choice's effect on them and a
curve of thresholds.

    python bench/build_speaker_confidence.py [--write] [--c 1.0]
--write rewrites the JSON (with the threshold only when held-out precision rises; else with
"threshold": null, which keeps every speaker).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

try:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
except ImportError:
    sys.exit("scikit-learn is missing: pip install -e '.[dev,train]'")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.quote_paths import gold_segments, scorer  # noqa: E402
from bench.score_review import covering, speaker_right  # noqa: E402
from bench.split import corpus_articles  # noqa: E402
from bot.extract import speaker_confidence  # noqa: E402
from bot.extract.quotes import extract_quotes  # noqa: E402

SHARED = ROOT.parent / "shared"
DATA = ROOT / "tests" / "data"
OUT = ROOT / "bot" / "extract" / "data" / "speaker_confidence.json"
FIT_SETS = {
    "review": "bbc_quotes_review.jsonl",
    "fresh": "bbc_quotes_review_fresh.jsonl",
    **{f"blind{k}": f"quotes_review_bbc_blind{k}.jsonl" for k in range(3, 8)},
}
HELD_SETS = {f"blind{k}": f"quotes_review_bbc_blind{k}.jsonl" for k in (8, 9, 10)}
MN_SET = "quotes_review_mn_blind11.jsonl"

# one attribution: set, article key, index of its quote in ARTICLES[key] (None: no speaker
# named), right, gold names someone
Row = tuple[str, str, int | None, bool, bool]

# article key -> its quotes in document order, and each judged quote's features (else None)
ARTICLES: dict[str, tuple[list, list[dict[str, float] | None]]] = {}
_captured: list = []


def _capture(doc, quotes):
    _captured.append(doc)
    return quotes


def _extract(key: str, text: str) -> list:
    """Quotes with the check off; records the article's quotes and features under key."""
    _captured.clear()
    qs = extract_quotes(text)
    doc = _captured[-1]
    qs.sort(key=lambda q: (q.start, q.end))
    feats = [
        speaker_confidence.features(doc, q) if speaker_confidence.judged(q) else None for q in qs
    ]
    ARTICLES[key] = (qs, feats)
    return qs


def dev_rows(path: Path, name: str, unaligned: bool = False) -> list[Row]:
    """Matched quoted segments of quotes_dev with a known gold speaker (quote_paths.dev_records);
    with unaligned, also each quote given a speaker that matches no gold segment: quotes_dev
    leaves out titles and scare quotes no one is said to have said, so naming a speaker
    there is wrong (as score_review.py counts it), though a quote the annotator missed
    lands here too."""
    sq = scorer()
    out: list[Row] = []
    for line in path.open(encoding="utf8"):
        if not line.strip():
            continue
        g = json.loads(line)
        gd = gold_segments(sq, g)
        key = f"qd:{g['id']}"
        allq = _extract(key, g["text"])
        idx = [i for i, q in enumerate(allq) if q.kind in ("direct", "partial")]
        sd = [
            {"spans": [(allq[i].start, allq[i].end)], "norm": sq.norm_text(allq[i].text)}
            for i in idx
        ]
        al = sq.align(sd, gd)
        if unaligned:
            out += [
                (name, key, i, False, False)
                for a, i in enumerate(idx)
                if a not in al and speaker_confidence.judged(allq[i])
            ]
        for a, j in al.items():
            gold = gd[j]["speaker"]
            if not gold:
                continue
            q = allq[idx[a]]
            ok = bool(q.speaker) and sq.speaker_match(q.speaker, gold)
            out.append((name, key, idx[a] if speaker_confidence.judged(q) else None, ok, True))
    return out


def review_rows(sets: dict[str, str], corpus: Path) -> list[Row]:
    """Every item of the review sets, with the quote that covers it (score_review.py's rules)."""
    items = {
        n: [json.loads(x) for x in (DATA / f).open(encoding="utf8") if x.strip()]
        for n, f in sets.items()
    }
    wanted = {it["id"] for rows in items.values() for it in rows}
    texts = {a["id"]: a["text"] for a in corpus_articles(corpus) if a["id"] in wanted}
    out: list[Row] = []
    for name, rows in items.items():
        for it in rows:
            key = f"{corpus.name}:{it['id']}"
            if key not in ARTICLES:
                _extract(key, texts[it["id"]])
            allq = ARTICLES[key][0]
            hit = covering(allq, it)
            said = allq[hit].speaker if hit is not None else None
            right = speaker_right(said, it)
            judged = hit is not None and speaker_confidence.judged(allq[hit])
            out.append((name, key, hit if judged else None, right, bool(it["speaker"])))
    return out


def rates(rows: list[Row], probs: np.ndarray, t: float) -> dict[str, float]:
    """Precision, abstention and accuracy when speakers with confidence below t abstain."""
    named = right = gold = abstain = 0
    for (_, _, i, r, g), p in zip(rows, probs, strict=True):
        keep = i is not None and p >= t
        named += int(keep)
        right += int(keep and r)
        gold += int(g)
        abstain += int(g and not keep)
    return {
        "named": named,
        "right": right,
        "precision": round(right / named, 4) if named else 0.0,
        "abstain": round(abstain / gold, 4) if gold else 0.0,
        "accuracy": round(right / gold, 4) if gold else 0.0,
    }


def _probs(rows: list[Row], model, vec) -> np.ndarray:
    """Each row's chained confidence (speaker_confidence.chained) under model."""
    conf: dict[str, list[float]] = {}
    for key in {r[1] for r in rows}:
        qs, feats = ARTICLES[key]
        own = [1.0] * len(qs)
        idx = [i for i, f in enumerate(feats) if f is not None]
        if idx:
            p = model.predict_proba(vec.transform([feats[i] for i in idx]))[:, 1]
            for i, v in zip(idx, p, strict=True):
                own[i] = float(v)
        conf[key] = speaker_confidence.chained(qs, own)
    return np.array([conf[r[1]][r[2]] if r[2] is not None else 1.0 for r in rows])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", type=Path, default=Path("/tmp/h18b_split/quotes_dev.tune.jsonl"))
    ap.add_argument("--check", type=Path, default=Path("/tmp/h18b_split/quotes_dev.check.jsonl"))
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--max-accuracy-drop", type=float, default=0.003)
    ap.add_argument("--max-abstain-rise", type=float, default=0.01)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    speaker_confidence.check = _capture  # measure with every speaker kept

    tune = dev_rows(args.tune, "tune")
    bbc = review_rows(FIT_SETS, SHARED / "corpus" / "bbc_dev.jsonl")
    fit = tune + bbc
    keys = sorted({r[1] for r in fit})
    vec = DictVectorizer()
    vec.fit([f for k in keys for f in ARTICLES[k][1] if f is not None])

    def train_on(ks: set[str]) -> LogisticRegression:
        rs = [r for r in fit if r[1] in ks and r[2] is not None]
        x = vec.transform([ARTICLES[r[1]][1][r[2]] for r in rs])
        y = np.array([int(r[3]) for r in rs])
        return LogisticRegression(C=args.c, max_iter=2000).fit(x, y)

    fit_probs = np.ones(len(fit))
    for tr, te in GroupKFold(n_splits=5).split(keys, groups=keys):
        model = train_on({keys[i] for i in tr})
        held_keys = {keys[i] for i in te}
        at = [j for j, r in enumerate(fit) if r[1] in held_keys]
        fit_probs[at] = _probs([fit[j] for j in at], model, vec)
    nt = len(tune)
    tp, bp = fit_probs[:nt], fit_probs[nt:]

    base_t, base_b = rates(tune, tp, 0.0), rates(bbc, bp, 0.0)
    best, best_prec = 0.0, rates(fit, fit_probs, 0.0)["precision"]
    print(f"{'t':>5} {'tune prec/acc/abst':>24} {'bbc older prec/abst':>22} {'pooled prec':>11}")
    for t in np.arange(0.05, 0.951, 0.025):
        rt, rb, rp = rates(tune, tp, t), rates(bbc, bp, t), rates(fit, fit_probs, t)
        ok = (
            base_t["accuracy"] - rt["accuracy"] <= args.max_accuracy_drop + 1e-9
            and rb["abstain"] - base_b["abstain"] <= args.max_abstain_rise + 1e-9
        )
        print(
            f"{t:5.3f} {rt['precision']:.4f}/{rt['accuracy']:.4f}/{rt['abstain']:.4f}"
            f" {rb['precision']:>10.4f}/{rb['abstain']:.4f} {rp['precision']:>11.4f} {'ok' if ok else ''}"
        )
        if ok and rp["precision"] > best_prec:
            best, best_prec = float(t), rp["precision"]
    print(f"chosen threshold (out-of-fold): {best:.3f}")

    model = train_on(set(keys))
    check = dev_rows(args.check, "check")
    held = review_rows(HELD_SETS, SHARED / "corpus" / "bbc_dev.jsonl")
    mn = review_rows({"mn_blind11": MN_SET}, SHARED / "eval" / "stories_dev.jsonl")
    groups_out = [("quotes_dev check", check)] + [
        (n, [r for r in held if r[0] == n]) for n in HELD_SETS
    ]
    groups_out += [("bbc held pooled", held), ("mn_blind11", mn)]
    print("\nheld out (never fitted): before -> chosen threshold; curve")
    curve = (0.3, 0.5, 0.6, 0.7, 0.8)
    gain = True
    for name, rows in groups_out:
        p = _probs(rows, model, vec)
        before, after = rates(rows, p, 0.0), rates(rows, p, best)
        print(f"  {name:18} {json.dumps(before)}\n  {'':18} {json.dumps(after)}")
        print(
            "  "
            + " ".join(
                f"t={t}:{rates(rows, p, t)['precision']:.3f}/{rates(rows, p, t)['abstain']:.3f}"
                for t in curve
            )
        )
        if name in ("quotes_dev check", "bbc held pooled", "mn_blind11"):
            gain = gain and after["precision"] >= before["precision"]
    print(f"\nheld-out precision does not fall on any pooled held-out set: {gain}")
    names = vec.get_feature_names_out()
    top = sorted(zip(model.coef_[0], names, strict=True))
    print("weakest:", [(n, round(w, 2)) for w, n in top[:8]])
    print("strongest:", [(n, round(w, 2)) for w, n in top[-8:]])
    if args.write:
        data = {
            "about": "bench/build_speaker_confidence.py: logistic regression, quotes_dev tune"
            f" + BBC {', '.join(FIT_SETS)}; C={args.c}; threshold from GroupKFold out-of-fold",
            "bias": round(float(model.intercept_[0]), 5),
            "threshold": round(best, 3) if best > 0 else None,
            "weights": {n: round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True)},
        }
        OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
