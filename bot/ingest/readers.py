"""Read articles from text, Markdown, HTML and JSON/JSONL into Article records, refusing junk."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bot.extract.boilerplate import has_story_text
from bot.ingest.dates import date_in_text, date_in_url
from bot.model import Article, parse_utc, utc_iso

log = logging.getLogger(__name__)

MAX_BYTES = 5_000_000  # one article; a bigger file is not an article
MAX_JSONL_BYTES = 2_000_000_000
MIN_WORDS = 20
MAX_RUN = 5_000  # characters without a sentence end or line break; real news peaks near 1,000
_RUN = re.compile(rf"[^.!?…\n]{{{MAX_RUN + 1},}}")
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson"}
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
MAX_GIVEN_ID = 128
# Kept as typed in a given id; anything else (spaces, controls, <>&| that chat markup reads,
# % itself, non-ASCII) is %-escaped, so the id stays one word in commands and citations.
_ID_SAFE_CHARS = "!#$'()*+,-./:;=?@[]^_`{}~"
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


class ReadError(ValueError):
    """Why an input could not become an article (shown to the user)."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """An article read from a source, or the reason it was refused."""

    source: str
    article: Article | None = None
    error: str = ""
    note: str = ""  # said to the user although the article was read (e.g. its encoding)


def decode(data: bytes, source: str) -> str:
    """The text of data in its detected encoding (see decode_detected)."""
    return decode_detected(data, source)[0]


def decode_detected(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding) where encoding is '' for UTF-8; refuse binary data rather than index garbage.

    Text that is not valid UTF-8 but holds no valid multi-byte UTF-8 sequence either is in a
    legacy encoding (Latin-1, Windows-1252, ...): charset-normalizer names it. UTF-8 with a
    few damaged bytes stays UTF-8, the damage shown as U+FFFD, as before.
    """
    if b"\x00" in data[:65536]:
        raise ReadError(f"{source} looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    if any(ord(c) > 127 and c != "\ufffd" for c in text):  # real UTF-8 with some damage
        if bad > max(10, len(text) // 100):
            raise ReadError(f"{source} is not UTF-8 text ({bad} undecodable bytes)")
        return text, ""
    legacy = _legacy_decode(data)
    if legacy is None:
        raise ReadError(
            f"{source} is not UTF-8 text ({bad} undecodable bytes) and no other encoding fits"
        )
    return legacy


# Legacy encodings by how common they are in news text (W3Techs' counts of web pages):
# charset-normalizer scores short texts nearly alike in many single-byte code pages, and
# among those that read the bytes about as cleanly, the common one is the likely one.
_COMMON_LEGACY = ("cp1252", "cp1251", "shift_jis", "gb2312", "euc_kr", "cp1250", "big5")
_CHAOS_MARGIN = 0.05  # "about as cleanly": within this much of the best candidate's mess ratio
_MIN_LETTERS = 0.6  # share of letters and spaces below which a decoding is not prose


def _legacy_decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) in the likeliest legacy encoding, or None when none reads as prose."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        return None
    best = min(results, key=lambda m: m.chaos)
    close = [m for m in results if m.chaos <= best.chaos + _CHAOS_MARGIN]
    encoding = next(
        (e for e in _COMMON_LEGACY if any(e in m.could_be_from_charset for m in close)),
        best.encoding,
    )
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text, encoding = str(best), best.encoding
    prose = sum(c.isalpha() or c.isspace() for c in text)
    return (text, encoding) if text and prose >= _MIN_LETTERS * len(text) else None


def normalise_date(value: Any) -> str:
    """ISO 8601 UTC ('2024-08-13T09:00:00Z'), or '' when the value is not a date."""
    if not value:
        return ""
    text = str(value).strip()
    try:
        when = parse_utc(text)
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return ""
    if when.tzinfo is None:  # an RFC 2822 date without a zone
        when = when.replace(tzinfo=UTC)
    return utc_iso(when)


def make_id(text: str, hint: str = "") -> str:
    """A file name's stem when it is a safe token, else a short hash of the text."""
    if hint and _SAFE_ID.match(hint):
        return hint
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def given_id(text: str, given: str) -> str:
    """The id a record gives, kept (`business/001`), with what would break a command or a
    citation %-escaped; a short hash of the text when none is given or it is too long."""
    given = given.strip()
    escaped = quote(given, safe=_ID_SAFE_CHARS)
    if given and len(escaped) <= MAX_GIVEN_ID:
        return escaped
    return make_id(text)


def find_date(text: str, url: str = "") -> str:
    """Where the text or its URL states the publication date, that date; else ''."""
    return date_in_text(text) or (date_in_url(url) if url else "")


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


def from_text(
    text: str, source: str = "", id_hint: str = "", given: str = "", **meta: Any
) -> Article:
    """An Article from plain text (or Markdown) and whatever metadata is known.

    id_hint is a file name's stem (kept when it is a safe token); given is a record's own id.
    Without a date in the metadata, a "Published:" line, dateline or dated URL gives it.
    """
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
    url = str(meta.get("url") or "").strip()[:2000]
    return Article(
        id=given_id(text, given) if given else make_id(text, id_hint),
        title=title.strip()[:300],
        text=text,
        outlet=str(meta.get("outlet") or "").strip()[:200],
        url=url,
        author=str(meta.get("author") or "").strip()[:200],
        published=normalise_date(meta.get("published")) or find_date(text, url),
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
    page_url = url or data.get("url") or ""
    return from_text(
        body,
        source=source or url,
        title=title,
        outlet=data.get("sitename") or data.get("hostname") or "",
        url=page_url,
        author=data.get("author") or "",
        published=html_date(html, page_url),
    )


def html_date(html: str, url: str = "") -> str:
    """The publication date a page's metadata or URL gives (htmldate), else ''.

    Only what the page declares: htmldate's extensive search guesses from any date in the
    text (a copyright year, a date in a story), and a wrong date is worse than none.
    """
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=False, original_date=True, url=url or None)
    except (ValueError, TypeError):
        return ""
    return normalise_date(found) if found else ""


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
    given = record.get("id")
    return from_text(
        text, source=source, given=str(given) if isinstance(given, str | int) else "", **meta
    )


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
        text, encoding = decode_detected(path.read_bytes(), source)
        note = f"{source}: read as {encoding} (not UTF-8)" if encoding else ""
        if suffix in (".html", ".htm"):
            yield Loaded(source, from_html(text, source), note=note)
        elif suffix == ".json":
            data = json.loads(text)
            records = data if isinstance(data, list) else [data]
            for i, rec in enumerate(records):
                try:
                    yield Loaded(f"{source}#{i}", from_record(rec, f"{source}#{i}"), note=note)
                    note = ""
                except ReadError as exc:
                    yield Loaded(f"{source}#{i}", error=str(exc))
        else:
            yield Loaded(source, from_text(text, source, id_hint=path.stem), note=note)
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
                text, encoding = decode_detected(raw, where)
                note = f"{where}: read as {encoding} (not UTF-8)" if encoding else ""
                yield Loaded(where, from_record(json.loads(text), where), note=note)
            except ReadError as exc:
                yield Loaded(where, error=str(exc))
            except (ValueError, RecursionError) as exc:  # JSONDecodeError, or a huge number
                yield Loaded(where, error=f"{where}: not valid JSON ({type(exc).__name__})")
