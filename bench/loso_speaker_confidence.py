"""Refit the speaker confidence (bot/extract/speaker_confidence.py) on every released review
set plus the quotes_dev tune half, and measure it leave-one-SET-out: each review set is scored
by a model fitted without it (the quotes_dev tune half by 5-fold GroupKFold by article, all
review sets in), so a set's numbers say what the model does on a source it has not seen.

The review sets are a few hundred items beside thousands of quotes_dev quotes, so each
review item weighs w in the fit; w is chosen by the leave-one-set-out log loss over the review
items (cross-validation, not by hand). The threshold is the one with the highest pooled
leave-one-set-out precision over the review sets such that abstention on the US sets (mn_tune,
mn_blind11, pooled) stays at most --max-us-abstain and the quotes_dev tune speaker accuracy
(out-of-fold, abstaining a miss) at least --min-tune-accuracy. The quotes_dev check half is
scored by the model fitted on everything.

    python bench/loso_speaker_confidence.py [--weights 1 3 10 30] [--write]
--write rewrites data/speaker_confidence.json only when pooled US leave-one-set-out precision
rises over the shipped model's (else it prints why and writes nothing).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import build_speaker_confidence as b  # noqa: E402
from bot.extract import speaker_confidence  # noqa: E402

BBC = b.SHARED / "corpus" / "bbc_dev.jsonl"
STORIES = b.SHARED / "eval" / "stories_dev.jsonl"
BBC_SETS = {**b.FIT_SETS, **b.HELD_SETS}
US_SETS = {"mn_tune": "quotes_review_mn_tune.jsonl", "mn_blind11": b.MN_SET}


class Shipped:
    """The shipped JSON model behind the sklearn calls _probs makes."""

    def __init__(self) -> None:
        self.bias, self.w, self.t = speaker_confidence._model()

    def predict_proba(self, feats: list[dict[str, float]]) -> np.ndarray:
        z = np.array([self.bias + sum(self.w.get(k, 0.0) * v for k, v in f.items()) for f in feats])
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        return np.stack([1 - p, p], axis=1)


class Identity:
    def transform(self, x):
        return x


def log_loss(rows: list[b.Row], p: np.ndarray) -> float:
    """Mean log loss over the judged rows."""
    ys = [(r[3], q) for r, q in zip(rows, p, strict=True) if r[2] is not None]
    e = 1e-6
    return float(-np.mean([np.log(q + e) if y else np.log(1 - q + e) for y, q in ys]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", type=Path, default=Path("/tmp/h18b_split/quotes_dev.tune.jsonl"))
    ap.add_argument("--check", type=Path, default=Path("/tmp/h18b_split/quotes_dev.check.jsonl"))
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--weights", type=float, nargs="+", default=[1, 3, 10, 30])
    ap.add_argument("--max-us-abstain", type=float, default=0.10)
    ap.add_argument("--min-tune-accuracy", type=float, default=0.905)
    ap.add_argument("--unaligned", action="store_true", help="dev_rows(unaligned=True)")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    shipped = Shipped()
    speaker_confidence.check = b._capture  # measure with every speaker kept

    tune = b.dev_rows(args.tune, "tune", args.unaligned)
    rev = b.review_rows(BBC_SETS, BBC) + b.review_rows(US_SETS, STORIES)
    sets = list(BBC_SETS) + list(US_SETS)
    fit = tune + rev
    keys = sorted({r[1] for r in fit})
    vec = b.DictVectorizer().fit([f for k in keys for f in b.ARTICLES[k][1] if f is not None])

    def train(rows: list[b.Row], w: float):
        rs = [r for r in rows if r[2] is not None]
        x = vec.transform([b.ARTICLES[r[1]][1][r[2]] for r in rs])
        y = np.array([int(r[3]) for r in rs])
        sw = np.array([1.0 if r[0] == "tune" else w for r in rs])
        return b.LogisticRegression(C=args.c, max_iter=3000).fit(x, y, sample_weight=sw)

    tkeys = sorted({r[1] for r in tune})

    def loso(w: float) -> np.ndarray:
        """Every fit row's probability from a model that never saw its set (tune: its fold)."""
        p = np.ones(len(fit))
        for s in sets:
            at = [j for j, r in enumerate(fit) if r[0] == s]
            m = train([r for r in fit if r[0] != s], w)
            p[at] = b._probs([fit[j] for j in at], m, vec)
        for _tr, te in b.GroupKFold(n_splits=5).split(tkeys, groups=tkeys):
            out = {tkeys[i] for i in te}
            m = train([r for r in fit if r[0] != "tune" or r[1] not in out], w)
            at = [j for j, r in enumerate(fit) if r[0] == "tune" and r[1] in out]
            p[at] = b._probs([fit[j] for j in at], m, vec)
        return p

    nt = len(tune)
    runs = {}
    for w in args.weights:
        p = loso(w)
        runs[w] = p
        print(
            f"w={w:g}: LOSO log loss review {log_loss(rev, p[nt:]):.4f}"
            f"  tune OOF {log_loss(tune, p[:nt]):.4f}"
        )
    w = min(runs, key=lambda k: log_loss(rev, runs[k][nt:]))
    p = runs[w]
    print(f"chosen weight {w:g}")

    def grp(name: str) -> list[int]:
        if name == "US":
            return [j for j, r in enumerate(fit) if r[0] in US_SETS]
        if name == "BBC":
            return [j for j, r in enumerate(fit) if r[0] in BBC_SETS]
        if name == "review":
            return list(range(nt, len(fit)))
        return [j for j, r in enumerate(fit) if r[0] == name]

    def at(name: str, probs: np.ndarray, t: float) -> dict[str, float]:
        ix = grp(name)
        return b.rates([fit[j] for j in ix], probs[ix], t)

    ship_p = b._probs(fit, shipped, Identity())
    print("\nper set, precision/abstain: no check | shipped model (in-sample for older BBC)")
    for s in [*sets, "BBC", "US", "review", "tune"]:
        r0, r1 = at(s, p, 0.0), at(s, ship_p, shipped.t or 0.0)
        print(
            f"  {s:11} {r0['precision']:.4f}/{r0['abstain']:.4f} ({r0['right']}/{r0['named']})"
            f" | {r1['precision']:.4f}/{r1['abstain']:.4f} ({r1['right']}/{r1['named']})"
        )
    print("\nwrong speakers of the review sets, leave-one-set-out confidence:")
    for j in range(nt, len(fit)):
        s, k, i, r, _ = fit[j]
        if i is not None and not r:
            q = b.ARTICLES[k][0][i]
            print(f"  {p[j]:.3f} {s:10} {k.split(':')[-1]:14} {q.speaker!r} {q.path}")
    lo = sorted(p[j] for j in range(nt, len(fit)) if fit[j][2] is not None and fit[j][3])
    print(f"  right ones: 1st/5th/10th lowest {lo[0]:.3f} {lo[4]:.3f} {lo[9]:.3f}")
    print("\nLOSO curve: t  review prec/abst  US prec/abst  BBC prec/abst  tune acc  ok")
    best, best_prec = 0.0, at("review", p, 0.0)["precision"]
    for t in np.arange(0.05, 0.951, 0.025):
        rr, ru, rb, rt = at("review", p, t), at("US", p, t), at("BBC", p, t), at("tune", p, t)
        ok = ru["abstain"] <= args.max_us_abstain and rt["accuracy"] >= args.min_tune_accuracy
        print(
            f"  {t:5.3f} {rr['precision']:.4f}/{rr['abstain']:.4f}"
            f" {ru['precision']:.4f}/{ru['abstain']:.4f} ({ru['right']}/{ru['named']})"
            f" {rb['precision']:.4f}/{rb['abstain']:.4f} {rt['accuracy']:.4f} {'ok' if ok else ''}"
        )
        if ok and rr["precision"] > best_prec + 1e-9:
            best, best_prec = float(t), rr["precision"]
    print(f"chosen threshold {best:.3f}")
    ts = shipped.t or 0.0
    print(f"\nLOSO at the shipped threshold {ts}, per set (no check -> check):")
    for s in [*sets, "BBC", "US", "review", "tune"]:
        r0, r1 = at(s, p, 0.0), at(s, p, ts)
        print(
            f"  {s:11} {r0['precision']:.4f}/{r0['abstain']:.4f} ({r0['right']}/{r0['named']})"
            f" -> {r1['precision']:.4f}/{r1['abstain']:.4f} ({r1['right']}/{r1['named']})"
            f" acc {r1['accuracy']:.4f}"
        )
    print("\nLOSO at the chosen threshold, per set:")
    for s in [*sets, "BBC", "US", "review", "tune"]:
        r = at(s, p, best)
        print(f"  {s:11} {json.dumps(r)}")

    model = train(fit, w)
    check = b.dev_rows(args.check, "check")
    cp = b._probs(check, model, vec)
    sp = b._probs(check, shipped, Identity())
    print("\nquotes_dev check (never fitted):")
    print(f"  no check     {json.dumps(b.rates(check, cp, 0.0))}")
    print(f"  shipped      {json.dumps(b.rates(check, sp, shipped.t or 0.0))}")
    print(f"  refit t={best:.3f} {json.dumps(b.rates(check, cp, best))}")
    for t in (0.3, 0.5, 0.6, 0.7):
        print(f"  refit t={t}: {json.dumps(b.rates(check, cp, t))}")
    names = vec.get_feature_names_out()
    top = sorted(zip(model.coef_[0], names, strict=True))
    print("weakest:", [(n, round(x, 2)) for x, n in top[:8]])
    print("strongest:", [(n, round(x, 2)) for x, n in top[-8:]])

    us_new = at("US", p, best)["precision"]
    us_old = at("US", ship_p, shipped.t or 0.0)["precision"]
    print(f"\nUS LOSO precision {us_new:.4f} vs shipped {us_old:.4f}")
    if args.write:
        if best <= 0 or us_new <= us_old:
            print("not written: US precision does not rise")
            return
        data = {
            "about": "bench/loso_speaker_confidence.py: logistic regression, quotes_dev tune"
            f" + every released review set (weight {w:g}); C={args.c}; threshold by"
            " leave-one-set-out",
            "bias": round(float(model.intercept_[0]), 5),
            "threshold": round(best, 3),
            "weights": {n: round(float(x), 5) for n, x in zip(names, model.coef_[0], strict=True)},
        }
        b.OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf8")
        print(f"wrote {b.OUT}")


if __name__ == "__main__":
    main()
