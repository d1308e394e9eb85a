"""The `briefbot` entry point: console bot, one-shot ask, ingest, extract, summarize, serve."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def _read_text(path: str) -> str:
    """Read a file as UTF-8 text; undecodable bytes become U+FFFD so offsets stay usable."""
    return Path(path).read_bytes().decode("utf-8", errors="replace")


def cmd_extract(args: argparse.Namespace) -> int:
    from bot.extract import analyse
    from bot.model import Figure

    figure_fields = Figure.__slots__

    status = 0
    for path in args.files:
        try:
            text = _read_text(path)
        except OSError as exc:
            print(f"briefbot extract: cannot read {path}: {exc.strerror}", file=sys.stderr)
            status = 1
            continue
        result = analyse(text)
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
            "figures": [{name: getattr(f, name) for name in figure_fields} for f in result.figures],
        }
        print(json.dumps(row, ensure_ascii=False))
    return status


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
    status = 0
    stems = Stems()  # one memo for the batch: each word is stemmed once
    for path in args.files:
        try:
            text = _read_text(path)
        except OSError as exc:
            print(f"briefbot summarize: cannot read {path}: {exc.strerror}", file=sys.stderr)
            status = 1
            continue
        picked = summarize(text, args.sentences, args.method, stems=stems)
        row = {"source": path, "method": args.method, "sentences": [s.text for s in picked]}
        print(json.dumps(row, ensure_ascii=False))
    return status


def _config(args: argparse.Namespace):
    from bot.config import load_config

    return load_config(args.config)


def _db(args: argparse.Namespace, config) -> str:
    return args.db or str(config.db_path)


async def cmd_ask(args: argparse.Namespace) -> int:
    from adapters.console import parse_line, render_text, reply_json
    from bot.app import open_core
    from bot.model import Request

    config = _config(args)
    parsed = parse_line(args.command)
    if parsed is None:
        print(
            'briefbot ask: give a command, e.g. briefbot ask "/who said kick the enemy out"',
            file=sys.stderr,
        )
        return 2
    async with open_core(_db(args, config), config=config) as core:
        reply = await core.handle(
            Request(command=parsed[0], args=parsed[1], is_admin=config.console_admin)
        )
    print(reply_json(reply) if args.json else render_text(reply))
    return 0


async def cmd_ingest(args: argparse.Namespace) -> int:
    from bot.app import ingest_sources, open_core

    config = _config(args)
    async with open_core(_db(args, config), config=config) as core:
        report = await ingest_sources(core, args.sources, workers=args.workers)
    for err in report.errors[:20]:
        print(f"failed: {err}", file=sys.stderr)
    if len(report.errors) > 20:
        print(f"... and {len(report.errors) - 20} more failures", file=sys.stderr)
    print(report.line())
    return 0 if report.new or report.duplicate or not report.failed else 1


async def cmd_console(args: argparse.Namespace) -> int:
    from adapters.console import ConsoleAdapter, render_text
    from bot.app import open_core
    from bot.model import Request

    config = _config(args)
    if config.slack.enabled or config.discord.enabled:
        return await cmd_serve(args)
    async with open_core(_db(args, config), seed=True, config=config) as core:
        console = ConsoleAdapter(admin=config.console_admin)
        console.write(render_text(await core.handle(Request(command="brief"))))
        console.write("\nType a command (/help for the list); Ctrl-D to quit.")
        await console.run(core)
    return 0


async def cmd_serve(args: argparse.Namespace) -> int:
    from bot.app import serve

    config = _config(args)
    return await serve(config, _db(args, config))


async def cmd_discord_sync(args: argparse.Namespace) -> int:
    from bot.app import discord_sync

    config = _config(args)
    return await discord_sync(config, _db(args, config), args.guild)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbot", description=__doc__)
    parser.add_argument("--db", help="SQLite store path (default: from config, else user data dir)")
    parser.add_argument("--config", help="TOML config file")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at debug level")
    sub = parser.add_subparsers(dest="cmd")

    p = sub.add_parser("ask", help="run one command through the core and print the reply")
    p.add_argument("--json", action="store_true", help="print the platform-neutral reply as JSON")
    p.add_argument("command", help='e.g. "/who said kick the enemy out"')
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("ingest", help="index files, directories, JSONL, URLs or feeds")
    p.add_argument("--workers", type=int, default=1, help="extraction processes for big batches")
    p.add_argument("sources", nargs="+")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "serve", help="run the configured Slack/Discord adapters and the digest scheduler"
    )
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "discord-sync", help="push the slash commands to Discord (a deploy step, not every start)"
    )
    p.add_argument("--guild", type=int, help="this server only (instant); default: config")
    p.set_defaults(func=cmd_discord_sync)

    p = sub.add_parser("extract", help="sentences, quotes and figures of files, as JSON lines")
    p.add_argument("--json", action="store_true", help="JSON lines (the only format)")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("summarize", help="extractive summary of files, as JSON lines")
    p.add_argument("--json", action="store_true", help="JSON lines (the only format)")
    p.add_argument("--sentences", type=int, default=3)
    p.add_argument("--method", default="news")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_summarize)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    func = args.func if args.cmd else cmd_console
    from bot.config import ConfigError
    from bot.store.base import StoreError

    try:
        result = func(args)
        if asyncio.iscoroutine(result):
            result = asyncio.run(result)
    except (ConfigError, StoreError) as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `briefbot summarize ... | head`: the reader left; not an error
        sys.stderr.close()
        return 0
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
