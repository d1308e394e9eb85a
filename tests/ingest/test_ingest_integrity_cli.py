"""Issue 20 (ingest) through the CLI as a user meets it: nothing lost, nothing misdated, nothing
garbled, given ids kept, and boilerplate out of search."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot.store.sqlite import SCHEMA_VERSION
from tests.conftest import SEEDS

Runner = Callable[..., subprocess.CompletedProcess]  # the `run` fixture (tests/conftest.py)


BBC = Path("/work/shared/corpus/bbc_dev.jsonl")
CUMBRIA = (
    "Cumbria floods leave hundreds homeless\n\nHeavy rain in Cumbria flooded hundreds of homes "
    "on Monday, the county council said, as rivers burst their banks and rescue teams worked "
    "through the night to reach stranded families in the villages near Carlisle.\n"
)
VALENCIA = (
    "Valencia floods kill dozens\n\nFlash floods in Valencia killed dozens of people on "
    "Tuesday, regional officials said, after a year of rain fell in eight hours and swept cars "
    "through the streets of towns south of the city, leaving many roads blocked.\n"
)


def ask_json(run: Runner, db: Path | str, command: str) -> dict:
    p = run("--db", str(db), "ask", "--json", command)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


def test_same_file_name_in_two_folders_is_two_articles_and_the_same_text_is_one(
    run: Runner,
    tmp_path: Path,
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news_b").mkdir()
    (tmp_path / "news" / "flood.txt").write_text(CUMBRIA)
    (tmp_path / "news_b" / "flood.txt").write_text(VALENCIA)
    (tmp_path / "news_b" / "copy-of-cumbria.txt").write_text(CUMBRIA)
    db = tmp_path / "s.db"
    p = run("--db", str(db), "ingest", str(tmp_path / "news"), str(tmp_path / "news_b"))
    assert p.returncode == 0 and p.stdout.strip() == "2 new, 1 duplicate, 0 failed", p.stdout
    listed = ask_json(run, db, "/articles")
    titles = {c["title"]: c["article_id"] for c in listed["citations"]}
    assert set(titles) == {"Cumbria floods leave hundreds homeless", "Valencia floods kill dozens"}
    assert titles["Cumbria floods leave hundreds homeless"] == "flood"  # the first keeps its name
    valencia = titles["Valencia floods kill dozens"]
    assert valencia.startswith("flood-")
    summary = ask_json(run, db, f"/summary {valencia} 1")
    assert summary["title"] == "Valencia floods kill dozens" and not summary["error"]
    # ingested again, from the other order: nothing new, and the ids do not move
    p = run("--db", str(db), "ingest", str(tmp_path / "news_b"), str(tmp_path / "news"))
    assert p.stdout.strip() == "0 new, 3 duplicate, 0 failed", p.stdout
    again = {c["title"]: c["article_id"] for c in ask_json(run, db, "/articles")["citations"]}
    assert again == titles


def test_a_latin1_file_is_read_in_its_encoding_said_and_found_by_search(
    run: Runner, tmp_path: Path
) -> None:
    page = tmp_path / "cafe.txt"
    page.write_bytes(
        "Café owner wins award\n\nThe café owner in the old town won the regional award for "
        "the best coffee on Friday, judges said, praising the small business for its service, "
        "its crème brûlée and its cakes over many years.\n".encode("latin-1")
    )
    db = tmp_path / "s.db"
    p = run("--db", str(db), "ingest", str(page))
    assert p.stdout.strip() == "1 new, 0 duplicate, 0 failed"
    assert "cafe.txt: read as cp1252 (not UTF-8)" in p.stderr
    found = ask_json(run, db, "/search café")
    assert [c["article_id"] for c in found["citations"]] == ["cafe"]
    text = json.dumps(ask_json(run, db, "/summary cafe 2"), ensure_ascii=False)
    assert "café owner" in text and "crème brûlée" in text and "\ufffd" not in text
    # UTF-8 files are not mentioned
    (tmp_path / "utf8.txt").write_text(VALENCIA)
    assert "note:" not in run("--db", str(db), "ingest", str(tmp_path / "utf8.txt")).stderr


def test_jsonl_ids_are_kept_and_work_in_summary_and_quote(run: Runner, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in BBC.read_text().splitlines()[:3]]
    assert rows[0]["id"] == "business/001"
    rows[2]["id"] = "desk 7/<a&b>"  # spaces and chat markup: escaped, still one word
    source = tmp_path / "bbc.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = tmp_path / "s.db"
    assert run("--db", str(db), "ingest", "--no-extract", str(source)).stdout.startswith("3 new")
    summary = ask_json(run, db, "/summary business/001 2")
    assert summary["title"] == rows[0]["title"] and not summary["error"]
    cites = summary["citations"]
    assert {c["article_id"] for c in cites} == {"business/001"}
    ref = cites[0]["ref"]
    assert ref.startswith("business/001:")
    quoted = ask_json(run, db, f"/quote {ref}")
    assert not quoted["error"] and quoted["citations"][0]["article_id"] == "business/001"
    ids = {c["article_id"] for c in ask_json(run, db, "/articles")["citations"]}
    assert "desk%207/%3Ca%26b%3E" in ids
    assert ask_json(run, db, "/summary desk%207/%3Ca%26b%3E 1")["title"] == rows[2]["title"]


def test_bbc_articles_without_dates_say_date_unknown_never_today(
    run: Runner, tmp_path: Path
) -> None:
    source = tmp_path / "bbc.jsonl"
    source.write_text("".join(BBC.read_text().splitlines(keepends=True)[:5]))
    db = tmp_path / "s.db"
    run("--db", str(db), "ingest", str(source))
    for command in ("/summary business/001", "/articles", "/search Time Warner", "/brief"):
        reply = ask_json(run, db, command)
        assert reply["citations"], command
        assert all(c["published"] == "" for c in reply["citations"]), command
        shown = run("--db", str(db), "ask", command).stdout
        assert "date unknown" in shown and today() not in shown, command


def test_dates_in_text_are_found_datelines_and_published_lines(run: Runner, tmp_path: Path) -> None:
    def body(thing: str, place: str) -> str:  # three different stories (not copies)
        return (
            f" Officials said the new {thing} in {place} would open next spring after years "
            f"of delays, and that the cost of the {thing} had risen by a third since work began.\n"
        )

    (tmp_path / "a.txt").write_text(
        "Bridge to open\nPublished: 12 March 2024\n\n" + body("bridge", "Leeds")
    )
    (tmp_path / "b.txt").write_text(
        "LONDON, March 3, 2021 (Reuters) - " + body("hospital wing", "Croydon")
    )
    (tmp_path / "c.txt").write_text(
        "In 2019, on 5 May 2019, the council met." + body("tram line", "Sheffield")
    )  # no dateline
    db = tmp_path / "s.db"
    assert run("--db", str(db), "ingest", str(tmp_path)).stdout.startswith("3 new")
    dates = {c["article_id"]: c["published"] for c in ask_json(run, db, "/articles")["citations"]}
    assert dates == {"a": "2024-03-12T00:00:00Z", "b": "2021-03-03T00:00:00Z", "c": ""}


WORDS = (
    "harbour council ferry bridge school hospital market river railway library museum stadium "
    "factory airport prison forest farm theatre station tunnel clinic court port quay canal"
).split()


def _page(n: int, meta: str, body_date: str = "") -> str:
    """A small news page about its own subject (distinct words: not a wire copy of another)."""
    words = [WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(12)]
    sentences = " ".join(
        f"Officials said the {a} and the {b} near the {c} would need repairs costing {n + k} "
        f"million, and residents asked about the {d} plans."
        for k, (a, b, c, d) in enumerate(zip(words, words[3:], words[6:], words[9:], strict=False))
    )
    return (
        f"<html><head><title>Harbour story {n}</title>{meta}</head><body><article>"
        f"<h1>Harbour story {n}</h1><p>{sentences} {body_date}</p><p>Story {n} of {n * 31} "
        f"said the {words[0]} work would end in {words[1]} season.</p></article>"
        "<footer>Copyright 2019 Harbour News</footer></body></html>"
    )


DATED_META = [
    '<meta property="article:published_time" content="{d}T08:30:00+00:00">',
    '<meta name="date" content="{d}">',
    '<meta itemprop="datePublished" content="{d}">',
    '<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{d}T10:00:00Z"}}</script>',
    '<meta name="pubdate" content="{d}">',
]


def test_twenty_html_pages_with_dates_and_twenty_without(run: Runner, tmp_path: Path) -> None:
    """Dates right where the page declares them, "date unknown" where it does not: never the
    indexing time, and never a date merely mentioned in the story."""
    pages = tmp_path / "pages"
    pages.mkdir()
    expected: dict[str, str] = {}
    for n in range(20):
        day = f"20{10 + n % 12:02d}-{1 + n % 12:02d}-{1 + n:02d}"
        meta = DATED_META[n % len(DATED_META)].format(d=day)
        (pages / f"dated{n:02d}.html").write_text(_page(n, meta))
        expected[f"Harbour story {n}"] = day
    for n in range(20, 40):
        mention = f"The pier was last rebuilt on {1 + n % 28} March {1990 + n}." if n % 2 else ""
        (pages / f"undated{n:02d}.html").write_text(_page(n, "", mention))
        expected[f"Harbour story {n}"] = "date unknown"
    db = tmp_path / "s.db"
    p = run("--db", str(db), "ingest", str(pages))
    assert p.stdout.strip() == "40 new, 0 duplicate, 0 failed", p.stdout + p.stderr
    seen: dict[str, str] = {}
    for page in (1, 2, 3):
        for c in ask_json(run, db, f"/articles {page}")["citations"]:
            seen[c["title"]] = c["published"][:10] or "date unknown"
    assert seen == expected
    shown = "".join(run("--db", str(db), "ask", f"/articles {n}").stdout for n in (1, 2, 3))
    assert today() not in shown and shown.count("(date unknown)") == 20


def test_search_does_not_find_the_licence_notice_of_seed_000(run: Runner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    run("--db", str(db), "ingest", *map(str, SEEDS))
    for words in ("legitimate news publisher", "republished articles must include our logo"):
        reply = ask_json(run, db, f"/search {words}")
        snippets = " ".join(i["text"] for s in reply["sections"] for i in s["items"]).lower()
        assert "legitimate" not in snippets and "logo" not in snippets, words
    assert ask_json(run, db, "/search legitimate")["error"]  # the word is only in the notice
    # what the article says elsewhere is still found, with a snippet from the story
    hits = ask_json(run, db, "/search shifting troops Ukrainian territory")
    assert "000_58c49d49d2aa7952" in {c["article_id"] for c in hits["citations"]}


def test_an_old_store_keeps_its_ids_and_stops_calling_indexing_time_its_date(
    run: Runner,
    tmp_path: Path,
) -> None:
    """A schema 3 store (what briefbot wrote before): undated articles carry their indexing
    time as published, and the licence notice is in the search index."""
    db = tmp_path / "old.db"
    bbc = tmp_path / "bbc.jsonl"
    bbc.write_text("".join(BBC.read_text().splitlines(keepends=True)[:2]))
    dated = tmp_path / "dated.json"
    dated.write_text(
        json.dumps({"id": "d1", "published": "2020-05-01T10:00:00Z", "text": VALENCIA})
    )
    run("--db", str(db), "ingest", str(SEEDS[0]), str(bbc), str(dated))
    with sqlite3.connect(db) as conn:
        ids_before = sorted(r[0] for r in conn.execute("SELECT id FROM articles"))
        conn.execute(
            "UPDATE articles SET published = ingested_at, published_known = 1, search_text = NULL, "
            "search_end = NULL "
            "WHERE id != 'd1'"
        )
        conn.execute("DROP TABLE articles_fts")
        conn.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', "
            "content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        assert conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'legitimate'"
        ).fetchone() == (1,)
    listed = ask_json(run, db, "/articles")
    dates = {c["article_id"]: c["published"] for c in listed["citations"]}
    assert sorted(dates) == ids_before
    assert dates == {i: ("2020-05-01T10:00:00Z" if i == "d1" else "") for i in ids_before}
    assert ask_json(run, db, "/search legitimate")["error"]  # the word is only in the notice
    with sqlite3.connect(db) as conn:
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        assert version == (str(SCHEMA_VERSION),)


def test_export_says_no_date_for_undated_articles_and_import_keeps_it_so(
    run: Runner, tmp_path: Path, pg_url: str
) -> None:
    db = tmp_path / "s.db"
    bbc = tmp_path / "bbc.jsonl"
    bbc.write_text("".join(BBC.read_text().splitlines(keepends=True)[:2]))
    dated = tmp_path / "dated.json"
    dated.write_text(
        json.dumps({"id": "d1", "published": "2020-05-01T10:00:00Z", "text": VALENCIA})
    )
    run("--db", str(db), "ingest", str(SEEDS[0]), str(bbc), str(dated))
    out = tmp_path / "store.jsonl"
    assert run("--db", str(db), "export", "--out", str(out)).returncode == 0
    articles = [r for r in map(json.loads, out.read_text().splitlines()) if r["t"] == "article"]
    assert {a["id"]: a["published"] for a in articles} == {
        "000_58c49d49d2aa7952": "",
        "business/001": "",
        "business/002": "",
        "d1": "2020-05-01T10:00:00Z",
    }
    for target in (str(tmp_path / "copy.db"), pg_url):
        p = run("--db", target, "import", str(out))
        assert p.returncode == 0, p.stderr
        listed = ask_json(run, target, "/articles")
        assert {c["article_id"]: c["published"] for c in listed["citations"]} == {
            a["id"]: a["published"] for a in articles
        }
        assert ask_json(run, target, "/search legitimate")["error"]
