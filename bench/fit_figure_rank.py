"""Learn /figures' ranking weights on the tune items of the figure review sets, report both halves.

usage: python bench/fit_figure_rank.py [--gold SET.jsonl ...] [--fit] [--misses tune]

Every real figure of the review sets is asked about once (`/figures <its query>` over a
store of the check-half articles of bbc_dev, as bench/score_figures_review.py does) and the
ranking's inputs are kept; any weights can then be tried without asking the store again:
rank, lay out the reply, and see whether the asked figure is on its first screen.

The items are split into tune and check by bench/split.py's rule on the item's id (its
number "n", unique across the sets; the articles cannot be split, every set but blind7 being
drawn from the check half of bbc_dev). --fit learns the weights on the tune items only
(coordinate ascent from the hand-set weights, a move only for a gain) and prints both halves
per set for the hand-set, current and found weights. --misses prints one half's misses with the gold row's
features beside the first screen's. Never give it figures_review_bbc_blind7 or later sets:
they are the blind measure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.score_figures_review import DEFAULT_CORPUS, _shows  # noqa: E402
from bench.split import half  # noqa: E402
from bot.commands import figures as fig_cmd  # noqa: E402
from bot.commands.context import Context  # noqa: E402
from bot.commands.figure_rank import (  # noqa: E402
    WEIGHTS,
    Weights,
    article_relevance,
    neighbour_coverage,
    paragraph_coverage,
    rank,
)
from bot.model import Request  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = ("", "_fresh", "_heldout", "_blind2", "_blind3", "_blind4", "_blind5", "_blind6")
DEFAULT_GOLD = [DATA / f"figures_review_bbc{s}.jsonl" for s in SETS]
BLIND = ("blind7", "blind8", "blind9")


@dataclass
class Case:
    """One asked-about figure and what the ranking got for its query."""

    set_name: str
    gold: dict[str, Any]
    rank_args: tuple[Any, ...] | None  # rank()'s arguments but the weights (None: no figures)
    table_args: tuple[Any, ...] = ()  # _table()'s facet, match, words
    texts: dict[str, str] = field(default_factory=dict)  # the top articles' texts
    rarity: float = WEIGHTS.rarity  # the rarity rank_args' article measures were made with
    _inputs: dict[float, tuple[Any, ...]] = field(default_factory=dict)

    @property
    def half(self) -> str:
        return half(self.gold["n"])


async def collect(golds: dict[str, list[dict]], articles: list[dict]) -> list[Case]:
    """Ask every real gold figure's query once, keeping rank()'s inputs."""
    from bot.app import open_core
    from bot.ingest.service import ingest_paths

    cases: list[Case] = []
    kept: dict[str, Any] = {}
    real_rank = fig_cmd.rank
    real_table = fig_cmd._table
    real_relevance = fig_cmd.article_relevance

    def keep_rank(*args: Any, **kw: Any) -> Any:
        kept["rank"] = args
        return real_rank(*args, **kw)

    def keep_texts(texts: dict[str, str], *args: Any, **kw: Any) -> Any:
        kept["texts"] = dict(texts)
        return real_relevance(texts, *args, **kw)

    def keep_table(ctx: Context, scored: Any, facet: Any, match: Any, words: str) -> Any:
        kept["table"] = (facet, match, words)
        return real_table(ctx, scored, facet, match, words)

    fig_cmd.rank = keep_rank  # type: ignore[assignment]
    fig_cmd._table = keep_table  # type: ignore[assignment]
    fig_cmd.article_relevance = keep_texts  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as d:
            src = Path(d) / "check.jsonl"
            src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf8")
            async with open_core(Path(d) / "store.db") as core:
                await ingest_paths(core.store, [src])
                for name, gold in golds.items():
                    for g in gold:
                        if not g["figure"]:
                            continue
                        kept.clear()
                        await core.handle(Request(command="figures", args=g["query"]))
                        cases.append(
                            Case(
                                name,
                                g,
                                kept.get("rank"),
                                kept.get("table", (None, None, "")),
                                kept.get("texts", {}),
                            )
                        )
    finally:
        fig_cmd.rank = real_rank  # type: ignore[assignment]
        fig_cmd._table = real_table  # type: ignore[assignment]
        fig_cmd.article_relevance = real_relevance  # type: ignore[assignment]
    return cases


def rank_inputs(case: Case, weights: Weights) -> tuple[Any, ...]:
    """rank()'s arguments, the article and paragraph measures redone for the weights' rarity."""
    assert case.rank_args is not None
    if weights.rarity == case.rarity:
        return case.rank_args
    if weights.rarity not in case._inputs:
        figures, words, _, facet, alone, _, _ = case.rank_args
        texts = case.texts
        cover: dict[tuple[str, int], float] = {}
        for aid, text in texts.items():
            cover.update(paragraph_coverage(aid, text, words, weights))
        beside = {aid: neighbour_coverage(text, words, weights) for aid, text in texts.items()}
        case._inputs[weights.rarity] = (
            figures,
            words,
            article_relevance(texts, words, weights),
            facet,
            alone,
            cover,
            beside,
        )
    return case._inputs[weights.rarity]


def on_screen(case: Case, weights: Weights, ids: dict[str, dict]) -> bool:
    """Whether the asked figure is on the first screen with these weights."""
    if case.rank_args is None:
        return False
    scored = rank(*rank_inputs(case, weights), weights=weights)
    if not scored:
        return False
    ctx = Context(store=None, request=Request(command="figures", args=case.gold["query"]))  # type: ignore[arg-type]
    facet, match, words = case.table_args
    reply = fig_cmd._table(ctx, scored[: fig_cmd.MAX_ROWS], facet, match, words)
    return any(_shows(reply, r, ids, case.gold)[0] for r in fig_cmd.first_screen(reply))


def score(cases: Iterable[Case], weights: Weights, ids: dict[str, dict]) -> tuple[int, int]:
    hits = n = 0
    for c in cases:
        n += 1
        hits += on_screen(c, weights, ids)
    return hits, n


# The weights set by hand before they were learned (stop 21): the fit starts here.
HAND = replace(WEIGHTS, title=1.0, rarity=0.0)
# The values the fit tries for each weight (the sentence's stays 3: only ratios matter).
# A penalty on an article's further figures and the article's lead read as its title were
# tried the same way and dropped: neither helped the tune items.
STEPS = {
    "rarity": (0.0, 0.5, 1.0, 1.5),
    "title": (0.5, 1.0, 1.5, 2.0, 2.5),
    "article": (0.75, 1.0, 1.5, 2.0, 2.5),
    "paragraph": (0.0, 0.25, 0.5, 1.0),
    "neighbour": (0.0, 0.25, 0.5, 1.0),
    "facet": (0.0, 0.25, 0.5, 1.0),
}


def fit(tune: list[Case], ids: dict[str, dict], start: Weights = HAND) -> Weights:
    """Coordinate ascent on the tune items: move one weight to the value that puts strictly
    more tune figures on the first screen, until no move does (ties keep the weights as they
    are, so the fit moves only for a gain)."""
    w = start
    best, _ = score(tune, w, ids)
    print(f"  start {best}/{len(tune)} {w}", flush=True)
    moved = True
    while moved:
        moved = False
        for name, values in STEPS.items():
            for v in values:
                if v == getattr(w, name):
                    continue
                trial = replace(w, **{name: v})
                hits, _ = score(tune, trial, ids)
                if hits > best:
                    best, w, moved = hits, trial, True
                    print(f"  {best}/{len(tune)} {name}={v}", flush=True)
    return w


def report(cases: list[Case], weights: Weights, ids: dict[str, dict], label: str) -> None:
    print(f"{label}: {weights}")
    total = {"tune": [0, 0], "check": [0, 0]}
    for name in dict.fromkeys(c.set_name for c in cases):
        row = []
        for h in ("tune", "check"):
            hits, n = score([c for c in cases if c.set_name == name and c.half == h], weights, ids)
            total[h][0] += hits
            total[h][1] += n
            row.append(f"{h} {hits}/{n}")
        every = score([c for c in cases if c.set_name == name], weights, ids)
        print(f"  {name:10} all {every[0] / every[1]:.3f} ({every[0]}/{every[1]}) " + " ".join(row))
    for h, (hits, n) in total.items():
        print(f"  {h} total {hits / max(n, 1):.3f} ({hits}/{n})")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--gold", type=Path, nargs="*", default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--fit", action="store_true", help="learn the weights on the tune items")
    ap.add_argument("--misses", choices=("tune", "check"), help="list one half's misses")
    args = ap.parse_args()
    if any(b in p.name for p in args.gold for b in BLIND):
        sys.exit("blind7 and later review sets are the blind measure: never tune on them")
    golds = {
        p.stem.removeprefix("figures_review_bbc").lstrip("_") or "150": [
            json.loads(line) for line in p.read_text(encoding="utf8").splitlines()
        ]
        for p in args.gold
    }
    articles = [
        {"id": d["id"], "title": d["title"], "text": d["text"]}
        for d in map(json.loads, args.corpus.read_text(encoding="utf8").splitlines())
        if half(d["id"]) == "check"
    ]
    ids = {a["id"]: a for a in articles}
    cases = asyncio.run(collect(golds, articles))
    report(cases, HAND, ids, "hand-set weights (stop 21)")
    report(cases, WEIGHTS, ids, "current weights")
    if args.misses:
        for c in cases:
            if c.half == args.misses and not on_screen(c, WEIGHTS, ids):
                print(f"MISS [{c.set_name}] /figures {c.gold['query']}: {c.gold['surface']!r}")
    if args.fit:
        found = fit([c for c in cases if c.half == "tune"], ids)
        report(cases, found, ids, "fitted on tune")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
