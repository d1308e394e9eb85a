"""The examples and notes each `briefbot <command> --help` prints after its options ("" for
`briefbot --help`): help text as data, apart from the parser that shows it (cli.py)."""

from __future__ import annotations

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
