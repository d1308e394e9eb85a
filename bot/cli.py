"""The `briefbot` entry point: console bot, one-shot ask, ingest, extract, summarize, serve."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def _read_text(path: str) -> str:
    """Read a file as UTF-8 text; undecodable bytes become U+FFFD so offsets stay usable."""
    return Path(path).read_bytes().decode("utf-8", errors="replace")


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

    status = 0
    for path in args.files:
        try:
            text = _read_text(path)
        except OSError as exc:
            print(f"briefbot extract: cannot read {path}: {exc.strerror}", file=sys.stderr)
            status = 1
            continue
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
    from bot.logs import configure_logging

    config = load_config(args.config)
    configure_logging(config, args.verbose, serving=args.cmd == "serve")
    return config


def _db(args: argparse.Namespace, config) -> str:
    return args.db or config.store_url or str(config.db_path)


async def cmd_ask(args: argparse.Namespace) -> int:
    from adapters.console import ConsoleAdapter, parse_line, reply_json
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
    if args.json:
        print(reply_json(reply))
    else:
        ConsoleAdapter(stdout=sys.stdout).show(reply)
    return 0


async def cmd_ingest(args: argparse.Namespace) -> int:
    from bot.app import ingest_sources, open_core

    config = _config(args)
    async with open_core(_db(args, config), config=config) as core:
        with _progress() as tick:
            report = await ingest_sources(
                core, args.sources, workers=args.workers, extract=args.extract, progress=tick
            )
        await _console_alerts(core)
    for note in report.notes[:20]:
        print(f"note: {note}", file=sys.stderr)
    for err in report.errors[:20]:
        print(f"failed: {err}", file=sys.stderr)
    if len(report.errors) > 20:
        print(f"... and {len(report.errors) - 20} more failures", file=sys.stderr)
    print(report.line())
    return 0 if report.new or report.duplicate or not report.failed else 1


def _since_option(args: argparse.Namespace, command: str) -> str | None:
    """--since as a stored time ('' when not given); None, after saying why, when unreadable."""
    from bot.commands.brief import parse_since
    from bot.model import utc_iso

    if not args.since:
        return ""
    when = parse_since(args.since, datetime.now(UTC))
    if when is None:
        print(
            f"briefbot {command}: --since {args.since[:40]!r} is not a date or age; "
            "try --since 2024-08-01 or --since 2d",
            file=sys.stderr,
        )
        return None
    return utc_iso(when)


async def cmd_reindex(args: argparse.Namespace) -> int:
    from bot.ingest.reindex import PARTS, reindex
    from bot.store.opening import open_store

    config = _config(args)
    since = _since_option(args, "reindex")
    if since is None:
        return 2
    parts = (args.only,) if args.only else PARTS

    def tell(done: int, total: int) -> None:
        print(f"reindex: {done} of {total} articles", file=sys.stderr, flush=True)

    store = await open_store(_db(args, config), near_duplicates=config.near_duplicates)
    try:
        report = await reindex(store, parts, since, progress=tell)
    finally:
        await store.close()
    print(report.line())
    return 0


async def _console_alerts(core: Any) -> None:
    """Post the console's watch alerts here (what a channel would get); others wait for `serve`."""
    from adapters.console import ConsoleAdapter
    from bot.alerts import AlertEngine
    from bot.delivery import Router

    console = ConsoleAdapter(stdout=sys.stdout)
    engine = AlertEngine(
        core.store, Router({"console": console}), per_hour=core.config.alerts.per_hour
    )
    for posted in await engine.step():
        print(f"(alert above: {len(posted.alert_ids)} update(s) posted to the console)")
        print()
    held = (await core.store.alert_counts("console", "console")).get("pending", 0)
    if held:
        print(
            f"({held} update(s) held by quiet hours or the hourly limit ([alerts] per_hour); "
            "they are posted on a later run)"
        )


@contextmanager
def _progress() -> Iterator[Callable[[int], None] | None]:
    """A live count of articles read on stderr; nothing when stderr is not a terminal."""
    from adapters.console_rich import wants_rich

    if not wants_rich(sys.stderr):
        yield None
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        "[progress.description]{task.description}",
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("articles read", total=None)
        yield lambda n: bar.advance(task, n)


async def cmd_console(args: argparse.Namespace) -> int:
    from adapters.console import ConsoleAdapter
    from bot.app import open_core
    from bot.model import Request

    config = _config(args)
    if config.slack.enabled or config.discord.enabled:
        return await cmd_serve(args)
    async with open_core(_db(args, config), seed=True, config=config) as core:
        console = ConsoleAdapter(admin=config.console_admin)
        console.show(await core.handle(Request(command="brief")))
        console.write("\nType a command (/help for the list); Ctrl-D to quit.")
        await console.run(core)
    return 0


async def cmd_serve(args: argparse.Namespace) -> int:
    from bot.app import serve

    config = _config(args)
    return await serve(config, _db(args, config))


def cmd_backup(args: argparse.Namespace) -> int:
    from bot.store.maintenance import backup_sqlite, pg_dump_hint
    from bot.store.opening import is_pg_url

    config = _config(args)
    target = _db(args, config)
    if is_pg_url(target):
        print(pg_dump_hint(target))
        return 2
    articles = backup_sqlite(target, args.path)
    print(f"backed up {articles:,} articles to {args.path}")
    return 0


async def cmd_check(args: argparse.Namespace) -> int:
    from bot.store.maintenance import check_pg, check_sqlite
    from bot.store.opening import is_pg_url

    config = _config(args)
    target = _db(args, config)
    report = await check_pg(target) if is_pg_url(target) else check_sqlite(target)
    for note in report.notes:
        print(note)
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print("store is sound" if report.ok else f"{len(report.problems)} problem(s) found")
    return 0 if report.ok else 1


async def cmd_export(args: argparse.Namespace) -> int:
    from bot.store.transfer import export_to

    config = _config(args)
    if args.out == "-":
        counts = await export_to(_db(args, config), sys.stdout)
    else:
        with open(args.out, "w", encoding="utf-8") as out:
            counts = await export_to(_db(args, config), out)
    print("exported " + ", ".join(f"{n} {t}" for t, n in counts.items()), file=sys.stderr)
    return 0


async def cmd_import(args: argparse.Namespace) -> int:
    from bot.store.transfer import import_from

    config = _config(args)
    try:
        source = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        print(f"briefbot import: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    with source:
        counts = await import_from(_db(args, config), source)
    print("imported " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    return 0


async def cmd_stories(args: argparse.Namespace) -> int:
    from bot.store.opening import open_store
    from bot.story_export import story_rows

    since = _since_option(args, "stories")
    if since is None:
        return 2
    config = _config(args)
    store = await open_store(_db(args, config), near_duplicates=config.near_duplicates)
    try:
        async for row in story_rows(store, since=since or None, sentences=args.sentences):
            print(json.dumps(row, ensure_ascii=False))
    finally:
        await store.close()
    return 0


async def cmd_discord_sync(args: argparse.Namespace) -> int:
    from bot.app import discord_sync

    config = _config(args)
    return await discord_sync(config, _db(args, config), args.guild)


EXAMPLES = {
    "": """examples:
  briefbot                                   console: brief, then commands from stdin
  briefbot ask "/search Kursk evacuation"    one command, reply on stdout
  briefbot ingest seeds/ feed.jsonl          index files, folders, JSONL, URLs
  briefbot --db /tmp/test.db ask /articles   use another store file""",
    "ask": """examples:
  briefbot ask "/who said kick the enemy out"
  briefbot ask --json "/search Kursk" | jq .citations
  briefbot ask "/quote situation is under our control"
exit status: 0 with a reply (even a polite refusal), 2 for a usage error""",
    "ingest": """formats: .txt/.md (first line is the headline if it reads as one), .html/.htm
(main text via trafilatura, offline), .json (an object or a list of them), .jsonl
(one object per line). JSON fields: text (or body/content), title (or headline),
outlet, url, author, published (ISO 8601 or RFC 2822), id (kept as the article's id,
e.g. /summary business/001). Folders are read recursively; http(s) URLs and RSS/Atom feeds
are fetched.

Duplicates are decided by content: the same text (or a wire copy) under another name is
counted as a duplicate; a different article whose name is taken gets an id marked with its
source (news/flood.txt and news_b/flood.txt are both kept). Dates come from the source (the
record, feed, HTML metadata or dated URL, a "Published:" line or dateline); without one the
article is shown as "date unknown". Files not in UTF-8 are read in their detected encoding
(a note on stderr names it). --no-extract skips quotes and figures: `briefbot reindex`
adds them later.

examples:
  briefbot ingest seeds/
  briefbot ingest story.txt notes.md page.html batch.json wire.jsonl
  briefbot ingest --no-extract --workers 2 archive.jsonl    bulk load, searchable at once
  briefbot ingest https://example.com/rss.xml
prints "N new, N duplicate, N failed" (reasons for failures on stderr), and first the
alerts the console's watches would post (briefbot ask "/watch Putin");
exit status 1 when nothing could be indexed""",
    "reindex": """Extracts quotes and figures again for the stored articles that have none yet
(`ingest --no-extract`) or whose extractor version is older than this briefbot's. Work is
committed every 32 articles: a run that is stopped (even kill -9) resumes where it
stopped when started again, without duplicates. Progress goes to stderr.

examples:
  briefbot ingest --no-extract archive.jsonl && briefbot reindex
  briefbot reindex --since 2024-08-01          articles published since then
  briefbot reindex --only figures              leave the quotes as they are""",
    "serve": """examples:
  SLACK_BOT_TOKEN=xoxb-... SLACK_SIGNING_SECRET=... briefbot serve
  DISCORD_TOKEN=... briefbot --config config.toml serve
secrets come from the environment or the config file (see config.example.toml)""",
    "extract": """examples:
  briefbot extract --json seeds/000_58c49d49d2aa7952.txt
  briefbot extract --json seeds/*.txt | jq '.sentences | length'
one JSON line per file: source, sentences (text, start, end), quotes, figures""",
    "export": """examples:
  briefbot export --out store.jsonl
  briefbot --db postgresql://briefbot@db/briefbot export > store.jsonl""",
    "import": """examples:
  briefbot --db /tmp/new.db import store.jsonl
  briefbot export | briefbot --db postgresql://briefbot@db/briefbot import -
the target store must be empty""",
    "discord-sync": """examples:
  DISCORD_TOKEN=... briefbot discord-sync --guild 123456789012345678
  DISCORD_TOKEN=... briefbot discord-sync          all servers (global, slower to appear)""",
    "backup": """examples:
  briefbot backup /var/backups/briefbot/briefbot-$(date +%F).db
  briefbot --db /var/lib/briefbot/briefbot.db backup /mnt/usb/briefbot.db
safe while the bot runs and ingests: the copy is one committed state of the store
(a PostgreSQL store is backed up with pg_dump; this command says how)""",
    "check": """examples:
  briefbot check
  briefbot --db /var/lib/briefbot/briefbot.db check
exit status 0 when the store is sound, 1 when something is wrong (each problem with its fix)""",
    "stories": """examples:
  briefbot stories --json                       every story, newest first
  briefbot stories --json --since 2d --sentences 4
one JSON line per story: {"id", "articles": [ids], "summary": [{"text", "article_id"}]}""",
    "summarize": """examples:
  briefbot summarize --json seeds/002_b76eddcc3a3b8871.txt
  briefbot summarize --json --sentences 2 --method lexrank story.txt""",
}


def _sentences(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 10:
        raise argparse.ArgumentTypeError(f"{text!r:.20} is not a number from 1 to 10 (e.g. 4)")
    return int(text)


def _workers(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= 16:
        raise argparse.ArgumentTypeError(f"{text!r:.20} is not a number from 1 to 16 (e.g. 2)")
    return n


def _global_options(parser: argparse.ArgumentParser, default: Any = None) -> None:
    """--db, --config and -v; every subcommand takes them too (`briefbot ingest --db x.db ...`)."""
    parser.add_argument(
        "--db",
        default=default,
        help="SQLite store path or postgresql:// URL (default: [store] of the config, else "
        "the path at the end of `briefbot --help`)",
    )
    parser.add_argument(
        "--config", default=default, help="TOML config file (see config.example.toml)"
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=False if default is None else default,
        help="log at debug level",
    )


def _sub(sub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: an option not repeated after the subcommand keeps the value given before it
    _global_options(common, default=argparse.SUPPRESS)
    return sub.add_parser(
        name,
        parents=[common],
        help=help_text,
        description=help_text[0].upper() + help_text[1:] + ".",
        epilog=EXAMPLES[name],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def build_parser() -> argparse.ArgumentParser:
    from bot.config import default_db_path

    parser = argparse.ArgumentParser(
        prog="briefbot",
        description=__doc__,
        epilog=f"{EXAMPLES['']}\n\ndefault store: {default_db_path()}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _global_options(parser)
    sub = parser.add_subparsers(dest="cmd")

    p = _sub(sub, "ask", "run one command through the core and print the reply")
    p.add_argument("--json", action="store_true", help="print the platform-neutral reply as JSON")
    p.add_argument("command", nargs="?", default="", help='e.g. "/who said kick the enemy out"')
    p.set_defaults(func=cmd_ask)

    p = _sub(sub, "ingest", "index files, directories, JSON/JSONL, URLs or feeds")
    p.add_argument(
        "--workers",
        type=_workers,
        default=1,
        help="processes preparing articles for big batches (1-16, default 1)",
    )
    p.add_argument(
        "--no-extract",
        dest="extract",
        action="store_false",
        help="skip quote and figure extraction (fast bulk loads: the articles are searchable, "
        "citable and briefed, but /who and /figures do not see them until `briefbot reindex`)",
    )
    p.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
    p.set_defaults(func=cmd_ingest)

    p = _sub(sub, "reindex", "extract quotes and figures of stored articles again (resumable)")
    p.add_argument(
        "--since",
        default="",
        help="only articles published since: a date (2024-08-01) or an age (24h, 2d, 1w); "
        "undated articles count by when they were indexed",
    )
    p.add_argument(
        "--only", choices=("quotes", "figures"), help="redo only the quotes or only the figures"
    )
    p.set_defaults(func=cmd_reindex)

    p = _sub(sub, "serve", "run the configured Slack/Discord adapters and the digest scheduler")
    p.set_defaults(func=cmd_serve)

    p = _sub(sub, "backup", "copy the store to a new file while the bot runs (SQLite)")
    p.add_argument("path", metavar="PATH", help="the new backup file (must not exist)")
    p.set_defaults(func=cmd_backup)

    p = _sub(sub, "check", "check the store: integrity and search-index consistency")
    p.set_defaults(func=cmd_check)

    p = _sub(sub, "export", "write the whole store as JSON lines (to move it)")
    p.add_argument("--out", default="-", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = _sub(
        sub, "import", "load a `briefbot export` file into an empty store (SQLite or PostgreSQL)"
    )
    p.add_argument("file", help="the export file, or - for standard input")
    p.set_defaults(func=cmd_import)

    p = _sub(
        sub, "discord-sync", "push the slash commands to Discord (a deploy step, not every start)"
    )
    p.add_argument("--guild", type=int, help="this server only (instant); default: config")
    p.set_defaults(func=cmd_discord_sync)

    p = _sub(sub, "extract", "sentences, quotes and figures of files, as JSON lines")
    p.add_argument("--json", action="store_true", help="JSON lines (the only format)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_extract)

    p = _sub(sub, "stories", "every story with its articles and summary, as JSON lines")
    p.add_argument("--json", action="store_true", help="JSON lines (the only format)")
    p.add_argument("--since", help="only stories active since: 24h, 2d, 1w or a date")
    p.add_argument("--sentences", type=_sentences, default=4, help="1 to 10 (default 4)")
    p.set_defaults(func=cmd_stories)

    p = _sub(sub, "summarize", "extractive summary of files, as JSON lines")
    p.add_argument("--json", action="store_true", help="JSON lines (the only format)")
    p.add_argument("--sentences", type=int, default=3, help="1 to 10 (default 3)")
    p.add_argument(
        "--method", default="news", help="news (default), lead, lexrank, textrank, lsa, luhn"
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_summarize)
    return parser


def _ask_text_first(argv: list[str]) -> list[str]:
    """`briefbot ask "-:"`: a command starting with "-" is the command, not an unknown option."""
    if "ask" not in argv or "--" in argv:
        return argv
    i = argv.index("ask") + 1
    while i < len(argv):
        if argv[i] in ("--db", "--config"):  # an option with its value
            i += 2
        elif argv[i] in ("--json", "-h", "--help", "-v", "--verbose") or argv[i].startswith(
            ("--db=", "--config=")
        ):
            i += 1
        else:
            break
    if i < len(argv) and argv[i].startswith("-"):
        return [*argv[:i], "--", *argv[i:]]
    return argv


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(_ask_text_first(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help or a usage error, already printed: a code, not a raise
        return exc.code if isinstance(exc.code, int) else 2
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
