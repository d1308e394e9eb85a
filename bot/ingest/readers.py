"""Read articles from text, Markdown, HTML and JSON/JSONL into Article records, refusing junk."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.extract.boilerplate import has_story_text
from bot.model import Article, utc_iso

log = logging.getLogger(__name__)

MAX_BYTES = 5_000_000  # one article; a bigger file is not an article
MAX_JSONL_BYTES = 2_000_000_000
MIN_WORDS = 20
MAX_RUN = 5_000  # characters without a sentence end or line break; real news peaks near 1,000
_RUN = re.compile(rf"[^.!?…\n]{{{MAX_RUN + 1},}}")
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson"}
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


class ReadError(ValueError):
    """Why an input could not become an article (shown to the user)."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """An article read from a source, or the reason it was refused."""

    source: str
    article: Article | None = None
    error: str = ""


def decode(data: bytes, source: str) -> str:
    """UTF-8 (BOM allowed); refuse binary data rather than index garbage."""
    if b"\x00" in data[:65536]:
        raise ReadError(f"{source} looks like a binary file, not text")
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    if bad > max(10, len(text) // 100):
        raise ReadError(f"{source} is not UTF-8 text ({bad} undecodable bytes)")
    return text


def normalise_date(value: Any) -> str:
    """ISO 8601 UTC ('2024-08-13T09:00:00Z'), or '' when the value is not a date."""
    if not value:
        return ""
    text = str(value).strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return utc_iso(when)


def make_id(text: str, hint: str = "") -> str:
    """The source's own id when it is a safe token, else a short hash of the text."""
    if hint and _SAFE_ID.match(hint):
        return hint
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def split_title(text: str) -> tuple[str, str]:
    """A first line that reads as a headline (short, no closing full stop) becomes the title.

    The title stays in the text (as its own paragraph) so offsets keep pointing at the file.
    """
    first = text.strip().split("\n", 1)[0].strip()
    m = _MD_HEADING.match(first)
    if m:
        return m.group(1), text
    words = first.split()
    if (
        2 <= len(words) <= 20
        and not first.endswith((".", "?", "!", ":", "”", '"'))
        and "\n" in text.strip()
    ):
        return first, text
    return _first_sentence_title(text), text


def _first_sentence_title(text: str) -> str:
    from bot.extract.sentences import split_sentences

    sentences = split_sentences(text[:2000])
    title = sentences[0].text if sentences else text.strip()[:100]
    return title if len(title) <= 120 else title[:117].rsplit(" ", 1)[0] + "…"


def check_unicode(source: str, *values: Any) -> None:
    """JSON "\\ud800" escapes parse, but no hash or store can take a lone surrogate: refuse them."""
    try:
        "".join(str(v) for v in values).encode("utf-8")
    except UnicodeEncodeError:
        raise ReadError(
            f"{source or 'the text'} holds characters that are not valid Unicode (lone surrogates)"
        ) from None


def from_text(text: str, source: str = "", id_hint: str = "", **meta: Any) -> Article:
    """An Article from plain text (or Markdown) and whatever metadata is known."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_unicode(source, text, *meta.values())
    if len(text.split()) < MIN_WORDS:
        raise ReadError(
            f"{source or 'the text'} is too short to be an article (fewer than {MIN_WORDS} words)"
        )
    run = _RUN.search(text)
    if run:  # extraction looks back over the whole sentence: such a "sentence" costs minutes
        raise ReadError(
            f"{source or 'the text'} is not prose: {len(run.group()):,} characters without a full "
            f"stop or line break (an article's sentences stay under {MAX_RUN:,})"
        )
    if not has_story_text(text):
        raise ReadError(
            f"{source or 'the text'} has no article text, only page furniture (social-media "
            "embed or cookie notices, archive-crawl or newsletter lines); give the story text"
        )
    title = str(meta.get("title") or "").strip() or split_title(text)[0]
    return Article(
        id=make_id(text, id_hint),
        title=title.strip()[:300],
        text=text,
        outlet=str(meta.get("outlet") or "").strip()[:200],
        url=str(meta.get("url") or "").strip()[:2000],
        author=str(meta.get("author") or "").strip()[:200],
        published=normalise_date(meta.get("published")),
        source=source,
    )


def from_html(html: str, source: str = "", url: str = "") -> Article:
    """Main text and metadata of a web page (trafilatura), boilerplate navigation dropped."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False
    )
    if doc is None:
        raise ReadError(
            f"{source or url or 'the page'} has no article text that could be extracted"
        )
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    title = (data.get("title") or "").strip()
    return from_text(
        body,
        source=source or url,
        title=title,
        outlet=data.get("sitename") or data.get("hostname") or "",
        url=url or data.get("url") or "",
        author=data.get("author") or "",
        published=data.get("date") or "",
    )


_TEXT_KEYS = ("text", "body", "content", "article", "story")
_FIELD_KEYS = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "publisher", "sitename"),
    "url": ("url", "link"),
    "author": ("author", "byline", "authors"),
    "published": ("published", "date", "published_at", "pubDate", "datetime"),
}


def from_record(record: Any, source: str) -> Article:
    """An Article from one JSON object with a text field and optional metadata."""
    if not isinstance(record, dict):
        raise ReadError(f"{source}: expected a JSON object with a 'text' field")
    text = next((record[k] for k in _TEXT_KEYS if isinstance(record.get(k), str)), None)
    if not text:
        raise ReadError(f"{source}: no 'text' field")
    meta: dict[str, Any] = {}
    for name, keys in _FIELD_KEYS.items():
        value = next((record[k] for k in keys if record.get(k)), "")
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        if isinstance(value, dict):
            value = value.get("name", "")
        meta[name] = value
    check_unicode(source, str(meta.get("title") or ""))
    return from_text(text, source=source, id_hint=str(record.get("id") or ""), **meta)


def read_path(path: Path) -> Iterator[Loaded]:
    """Every article in a file or directory (recursively), each loaded or refused with a reason."""
    if path.is_dir():
        for child in sorted(
            p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
        ):
            yield from read_path(child)
        return
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Loaded(source, error=f"cannot read {source}: {exc.strerror}")
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path, size)
        return
    if size > MAX_BYTES:
        yield Loaded(
            source,
            error=f"{source} is {size // 1_000_000} MB; an article must be under {MAX_BYTES // 1_000_000} MB",
        )
        return
    try:
        text = decode(path.read_bytes(), source)
        if suffix in (".html", ".htm"):
            yield Loaded(source, from_html(text, source))
        elif suffix == ".json":
            data = json.loads(text)
            records = data if isinstance(data, list) else [data]
            for i, rec in enumerate(records):
                try:
                    yield Loaded(f"{source}#{i}", from_record(rec, f"{source}#{i}"))
                except ReadError as exc:
                    yield Loaded(f"{source}#{i}", error=str(exc))
        else:
            yield Loaded(source, from_text(text, source, id_hint=path.stem))
    except ReadError as exc:
        yield Loaded(source, error=str(exc))
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, or a 5,000-digit number
        yield Loaded(source, error=f"{source} is not valid JSON ({type(exc).__name__})")
    except OSError as exc:
        yield Loaded(source, error=f"cannot read {source}: {exc.strerror}")


def _read_jsonl(path: Path, size: int) -> Iterator[Loaded]:
    if size > MAX_JSONL_BYTES:
        yield Loaded(str(path), error=f"{path} is too large ({size // 1_000_000} MB)")
        return
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            if len(raw) > MAX_BYTES:
                yield Loaded(where, error=f"{where}: record over {MAX_BYTES // 1_000_000} MB")
                continue
            try:
                yield Loaded(where, from_record(json.loads(decode(raw, where)), where))
            except ReadError as exc:
                yield Loaded(where, error=str(exc))
            except (ValueError, RecursionError) as exc:  # JSONDecodeError, or a huge number
                yield Loaded(where, error=f"{where}: not valid JSON ({type(exc).__name__})")
