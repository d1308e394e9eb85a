"""Readers turn files into articles and refuse what is not one, with a reason."""

from __future__ import annotations

import json
from pathlib import Path

from bot.ingest.readers import read_path

BODY = " ".join(
    ["Ukrainian forces advanced further into the Kursk region on Tuesday, officials said."] * 5
)


def load(path: Path):
    return list(read_path(path))


def test_plain_text_with_headline(tmp_path: Path) -> None:
    p = tmp_path / "a1.txt"
    p.write_text("Troops Advance in Kursk\n" + BODY)
    [got] = load(p)
    assert got.article and got.article.title == "Troops Advance in Kursk" and got.article.id == "a1"


def test_html_main_text_and_title(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Kursk push</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Kursk push</h1><p>{BODY}</p><p>{BODY}</p></article><footer>© 2024</footer></body></html>"
    )
    [got] = load(p)
    assert got.article, got.error
    assert "Kursk region" in got.article.text and "Home | World" not in got.article.text


def test_jsonl_records_with_metadata_and_a_bad_line(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    good = {
        "id": "x1",
        "title": "T",
        "text": BODY,
        "outlet": "Wire",
        "published": "2024-08-13T09:00:00+03:00",
    }
    p.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n")
    got = load(p)
    assert (
        got[0].article
        and got[0].article.published == "2024-08-13T06:00:00Z"
        and got[0].article.outlet == "Wire"
    )
    assert "not valid JSON" in got[1].error
    assert "no 'text' field" in got[2].error


def test_binary_short_and_huge_inputs_are_refused(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "short.txt").write_text("Too short.")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa" * 1000)
    (tmp_path / "huge.txt").write_bytes(b"word " * 1_100_000)
    errors = {Path(x.source).name: x.error for x in load(tmp_path)}
    assert "binary" in errors["bin.txt"]
    assert "too short" in errors["short.txt"]
    assert "not UTF-8" in errors["bad.txt"]
    assert "MB" in errors["huge.txt"]


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "deep.json"
    p.write_text("[" * 100_000 + "]" * 100_000)
    [got] = load(p)
    assert got.article is None and got.error
