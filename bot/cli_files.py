"""The commands that read files and need no store: `briefbot extract` and `briefbot summarize`,
one JSON line per file (the machine-readable contract the scorers drive)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _texts(command: str, files: list[str], failed: list[str]) -> Iterator[tuple[str, str]]:
    """Each readable file's path and UTF-8 text (undecodable bytes become U+FFFD so offsets stay
    usable); an unreadable one is named on stderr and added to `failed`, and the rest go on."""
    for path in files:
        try:
            yield path, Path(path).read_bytes().decode("utf-8", errors="replace")
        except OSError as exc:
            print(f"briefbot {command}: cannot read {path}: {exc.strerror}", file=sys.stderr)
            failed.append(path)


def cmd_extract(args: argparse.Namespace) -> int:
    from bot.extract import analyse
    from bot.extract.unit_table import UNITS, unit_name
    from bot.model import Figure

    figure_fields = Figure.__slots__

    def figure_row(f: Figure) -> dict[str, Any]:
        """A figure as JSON: `unit` is the unit's English name ("south korean won", "nautical
        mile"), `unit_code` the short code the bot stores ("KRW", "nmi"; ISO 4217 for money)."""
        row = {name: getattr(f, name) for name in figure_fields}
        row["unit"] = unit_name(f.unit)
        row["unit_code"] = f.unit if f.unit in UNITS else None
        return row

    failed: list[str] = []
    for path, text in _texts("extract", args.files, failed):
        result = analyse(text, every_quantity=True)  # every quantity, incidental counts too
        row = {
            "source": path,
            "sentences": [
                {"text": s.text, "start": s.start, "end": s.end} for s in result.sentences
            ],
            "quotes": [
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "kind": q.kind,
                    "start": q.start,
                    "end": q.end,
                }
                for q in result.quotes
            ],
            "figures": [figure_row(f) for f in result.figures],
        }
        print(json.dumps(row, ensure_ascii=False))
    return 1 if failed else 0


def cmd_summarize(args: argparse.Namespace) -> int:
    from summaries import METHODS, summarize
    from summaries.terms import Stems

    if args.method not in METHODS:
        print(
            f"briefbot summarize: unknown method {args.method!r}; choose from {', '.join(METHODS)}",
            file=sys.stderr,
        )
        return 2
    if not 1 <= args.sentences <= 10:
        print("briefbot summarize: --sentences must be between 1 and 10", file=sys.stderr)
        return 2
    failed: list[str] = []
    stems = Stems()  # one memo for the batch: each word is stemmed once
    for path, text in _texts("summarize", args.files, failed):
        picked = summarize(text, args.sentences, args.method, stems=stems)
        row = {"source": path, "method": args.method, "sentences": [s.text for s in picked]}
        print(json.dumps(row, ensure_ascii=False))
    return 1 if failed else 0
