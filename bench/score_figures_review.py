"""Score the hand-checked BBC review set: figure precision, claimant accuracy, first screen of /figures.

usage: python bench/score_figures_review.py [--gold tests/data/figures_review_bbc.jsonl]
           [--corpus ../shared/corpus/bbc_dev.jsonl] [--rows N] [--errors] [--half tune]

The gold (figures_review_bbc.jsonl: 150 figures, seed 19; _fresh: 50; _heldout: 100 drawn by
bench/sample_figures_review.py, seed 2019; _blind2: 100 more, seed 4242; _blind3: 100 more, seed 7777;
_blind4: 100 more, seed 1919, numbered from 5000;
_blind5: 100 more, seed 2605, numbered from 6000; _blind6: 100 more, seed 3119, numbered from
7000, from check-half articles named only in the quotes review sets; _blind7: 100 more, seed
7177, numbered from 7000, from TUNE-half articles named in no test file, the check half being
used up) holds figures sampled at random from what the extractor found in the articles of
bbc_dev.jsonl whose id falls in bench/split.py's check half (tune for _blind7), each read by hand:
whether it is a figure at all (years, scores, chart places, names are not), its value and
unit, who the sentence attributes it to (any of a list; null for none), and the words an
editor would type to find it. A gold item is matched to the extractor's figure that overlaps
its span.
- precision: of the sampled items the extractor still gives, the share with the right value
  and unit (a non-figure given is wrong); items no longer given are counted as dropped.
- claimant: of the real figures given, the share whose claimant is right (a named one must
  hold the gold name's last word and be at most 6 words; none must be none).
- first screen: of the real figures, the share shown on the first screen of `/figures <query>`
  over a store of all the articles of the gold's half (check for every set but _blind7, which
  is drawn from the tune half: --half overrides) (a row from a wire copy that holds the very
  same sentence counts: the store keeps one copy of a duplicated article). The first screen is
  what the reply shows before scrolling, as bot.commands.figures.first_screen defines it: the
  rows within the first SCREEN_LINES (14) lines, a section heading (an article, a measure, the
  conflicts) and a figure row taking a line each. --rows N scores the first N rows whatever
  the headings instead (the definition before the first screen was grouped by article: 10).
  A row giving a figure several outlets of one story give cites each of them (FigureRow.also,
  stop 35): it shows the asked figure when any of its citations is it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.split import corpus_articles  # noqa: E402
from bot.extract import analyse  # noqa: E402
from bot.extract.units import UNITS, singular  # noqa: E402
from bot.model import Figure  # noqa: E402

DEFAULT_GOLD = ROOT / "tests" / "data" / "figures_review_bbc.jsonl"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_dev.jsonl"


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def value_right(g: dict, f: Figure) -> bool:
    if g.get("low") is not None and g.get("high") is not None:
        return _close(g["low"], f.low) and _close(g["high"], f.high)
    return _close(g["value"], f.value)


def unit_right(gold: str | None, unit: str | None) -> bool:
    if gold is None:
        return unit is None or unit not in UNITS
    if unit is None:
        return False
    if gold in UNITS or unit in UNITS:
        return gold == unit or (UNITS.get(unit, None) is not None and UNITS[unit].name == gold)
    return singular(gold).lower() == singular(unit).lower()


def claimant_right(golds: list[str | None], claimant: str | None) -> bool:
    for g in golds:
        if g is None and claimant is None:
            return True
        if g is not None and claimant is not None:
            last = g.split()[-1].lower()
            words = [w.strip(".,'’").lower() for w in claimant.split()]
            if last in words and len(words) <= 6:
                return True
    return False


def _overlap(g: dict, f: Figure) -> int:
    return min(g["end"], f.end) - max(g["start"], f.start)


def match(g: dict, figures: list[Figure]) -> Figure | None:
    best = max(figures, key=lambda f: _overlap(g, f), default=None)
    return best if best is not None and _overlap(g, best) > 0 else None


def _span_in(other: dict | None, own: dict, g: dict) -> tuple[int, int]:
    """Where the gold figure sits in another article holding its very sentence (a wire copy
    the store kept instead of this one), else (-1, -1)."""
    if other is None or other["id"] == own["id"]:
        return (g["start"], g["end"]) if other is not None else (-1, -1)
    at_own = own["text"].find(g["sentence"], max(0, g["start"] - len(g["sentence"])))
    at = other["text"].find(g["sentence"])
    if not 0 <= at_own <= g["start"] or at < 0:
        return -1, -1
    return at + g["start"] - at_own, at + g["end"] - at_own


def _shows(reply, row, ids: dict[str, dict], g: dict) -> tuple[bool, bool]:
    """(the row is the gold figure, the row is from the gold figure's article or a copy). A
    row that gives one figure of several outlets of a story cites each (row.also): it shows
    the gold figure when any of its citations is it."""
    hit = same = False
    for cite in (row.cite, *getattr(row, "also", ())):
        h, s = _cites(reply, cite, ids, g)
        hit, same = hit or h, same or s
    return hit, same


def _cites(reply, cite: int | None, ids: dict[str, dict], g: dict) -> tuple[bool, bool]:
    """(the citation is the gold figure, it is in the gold figure's article or a copy)."""
    c = reply.citations[cite] if cite is not None else None
    if c is None or c.start is None:
        return False, False
    start, end = _span_in(ids.get(c.article_id), ids[g["article"]], g)
    same = c.article_id == g["article"] or start >= 0
    if not same and c.title == ids[g["article"]]["title"]:
        start, end, same = g["start"], g["end"], True
    return same and c.start < end and start < (c.end or c.start + 1), same


def screen_rows(reply, rows: int | None) -> int:
    """How many of the reply's rows (in section order) are on its first screen."""
    if rows is not None:
        return rows
    from bot.commands.figures import first_screen

    return len(first_screen(reply))


def miss_kind(shown: list[tuple[bool, bool]], screen: int) -> str:
    """Why a gold figure is off the first screen, from where the reply lists it.

    - own article fills the screen: every first-screen row is from the asked-about article, so
      the words name the story but not which of its figures (a tie the ranking cannot break);
    - outranked by other articles: other stories' figures take first-screen rows;
    - not listed: the gold figure is in none of the reply's rows.
    """
    if not any(hit for hit, _ in shown):
        return "not listed"
    if all(same for _, same in shown[:screen]):
        return "own article fills the screen"
    return "outranked by other articles"


async def first_screen(
    articles: list[dict], gold: list[dict], rows_shown: int | None
) -> tuple[dict[int, bool], dict[int, str]]:
    """Whether each real gold figure is on the first screen of /figures <its query>, and for
    each one that is not, why (miss_kind)."""
    from bot.app import open_core
    from bot.ingest.service import ingest_paths
    from bot.model import Request

    found: dict[int, bool] = {}
    kinds: dict[int, str] = {}
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "check.jsonl"
        src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf8")
        async with open_core(Path(d) / "store.db") as core:
            await ingest_paths(core.store, [src])
            ids = {a["id"]: a for a in articles}
            for g in gold:
                if not g["figure"]:
                    continue
                reply = await core.handle(Request(command="figures", args=g["query"]))
                rows = [r for s in reply.sections for r in s.figures]
                shown = [_shows(reply, r, ids, g) for r in rows]
                screen = screen_rows(reply, rows_shown)
                found[g["n"]] = any(hit for hit, _ in shown[:screen])
                if not found[g["n"]]:
                    kinds[g["n"]] = miss_kind(shown, screen)
    return found, kinds


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument(
        "--rows", type=int, default=None, help="first screen = the first N rows (old definition)"
    )
    ap.add_argument("--errors", action="store_true", help="print every wrong item")
    ap.add_argument("--no-screen", action="store_true", help="skip the /figures part")
    ap.add_argument(
        "--half",
        choices=("check", "tune"),
        default=None,
        help="the half whose articles form the store (default: the half the gold's articles are in)",
    )
    args = ap.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf8").splitlines()]
    corpus = corpus_articles(args.corpus)
    half_of = {d["id"]: d["half"] for d in corpus}
    halves = {half_of[g["article"]] for g in gold}
    which = args.half or (halves.pop() if len(halves) == 1 else "check")
    articles = [
        {"id": d["id"], "title": d["title"], "text": d["text"]}
        for d in corpus
        if d["half"] == which
    ]
    texts = {a["id"]: a["text"] for a in articles}
    figs = {aid: analyse(texts[aid]).figures for aid in {g["article"] for g in gold}}
    given = right = dropped = cl_n = cl_right = 0
    errors: Counter[str] = Counter()
    for g in gold:
        f = match(g, figs[g["article"]])
        if f is None:
            if g["figure"]:
                dropped += 1
                errors["dropped"] += 1
                if args.errors:
                    print(f"DROPPED  {g['surface']!r} | {g['sentence'][:120]}")
            continue
        given += 1
        ok = g["figure"] and value_right(g, f) and unit_right(g["unit"], f.unit)
        right += ok
        if not ok:
            kind = (
                "not a figure" if not g["figure"] else "value" if not value_right(g, f) else "unit"
            )
            errors[kind] += 1
            if args.errors:
                print(
                    f"{kind.upper():8} {f.surface!r} v={f.value} u={f.unit} gold u={g.get('unit')}"
                )
        if g["figure"]:
            cl_n += 1
            if claimant_right(g["claimant"], f.claimant):
                cl_right += 1
            else:
                errors["claimant"] += 1
                if args.errors:
                    print(f"CLAIMANT {f.surface!r}: {f.claimant!r} gold {g['claimant']}")
    real = sum(g["figure"] for g in gold)
    print(
        f"review set: {len(gold)} sampled items, {real} real figures, {len(gold) - real} not figures"
    )
    print(
        f"figure precision (value and unit right): {right / max(given, 1):.3f} ({right}/{given}); dropped {dropped} real figures"
    )
    print(f"claimant right: {cl_right / max(cl_n, 1):.3f} ({cl_right}/{cl_n})")
    if not args.no_screen:
        found, kinds = asyncio.run(first_screen(articles, gold, args.rows))
        hits = sum(found.values())
        where = f"the first {args.rows} rows" if args.rows else "the first screen"
        print(
            f"asked-about figure in {where} of /figures <query>: {hits / max(len(found), 1):.3f} ({hits}/{len(found)})"
        )
        if args.errors:
            for g in gold:
                if g["figure"] and not found.get(g["n"]):
                    print(f"NOT SHOWN /figures {g['query']}: {g['surface']!r} ({kinds[g['n']]})")
        print("first-screen misses by kind:", dict(Counter(kinds.values())))
    print("errors by kind:", dict(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
