"""Platform-neutral data: what the core takes in, stores and answers with (all JSON-able)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

DATE_UNKNOWN = "date unknown"


def shown_date(published: str) -> str:
    """The day a citation shows: the source's date, or 'date unknown' (never the indexing time)."""
    return published[:10] or DATE_UNKNOWN


def utc_iso(when: datetime) -> str:
    """The stored timestamp form: UTC to the second with a Z, so text order is time order."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(text: str) -> datetime:
    """An ISO timestamp as utc_iso writes it (or with any offset); ValueError when unreadable.

    A time without an offset stays naive: callers decide what it means.
    """
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with character offsets into its article's text."""

    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Quote:
    """Speech attributed to someone; kind is direct, partial or indirect."""

    text: str
    speaker: str | None
    kind: str
    start: int
    end: int
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as printed, with its normalised value, unit, qualifier, topic and claimant."""

    surface: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    topic: str | None = None
    claimant: str | None = None
    base_value: float | None = None
    base_unit: str | None = None
    referent: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """An indexed article; id is stable (derived from its text) unless the source gives one."""

    id: str
    title: str
    text: str
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: str = ""  # ISO 8601 UTC, "" when unknown
    source: str = ""  # file path or URL it came from


@dataclass(frozen=True, slots=True)
class Request:
    """A command as any adapter hands it to the core."""

    command: str
    args: str = ""
    user: str = "console"
    place: str = "console"
    platform: str = "console"
    is_admin: bool = False


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a line came from: enough to show and to fetch the source passage."""

    article_id: str
    title: str
    outlet: str = ""
    published: str = ""
    url: str = ""
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None

    @property
    def ref(self) -> str:
        """A compact handle `/quote` accepts back (article id and character span)."""
        if self.start is None or self.end is None:
            return self.article_id
        return f"{self.article_id}:{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Item:
    """One bullet: verbatim text, with the index of its citation in Reply.citations."""

    text: str
    cite: int | None = None
    label: str = ""  # e.g. a speaker name or an outlet shown before the text
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) spans of text to highlight


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One line of a figures table."""

    surface: str
    normalised: str
    qualifier: str
    claimant: str
    source: str
    topic: str
    cite: int | None = None
    conflict: str = ""  # why this row disagrees with another source, if it does


@dataclass(frozen=True, slots=True)
class Section:
    """A titled group of lines in a reply (a story, a speaker, a topic)."""

    heading: str = ""
    text: str = ""
    items: tuple[Item, ...] = ()
    quotes: tuple[Item, ...] = ()
    figures: tuple[FigureRow, ...] = ()
    sources: tuple[int, ...] = ()  # citation indexes of the section's sources


@dataclass(frozen=True, slots=True)
class Action:
    """A follow-up the user can click: it comes back as a Request."""

    label: str
    command: str
    args: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file that goes with a reply (a chart): each adapter posts it its own way (upload, file, path)."""

    name: str  # file name, e.g. figures-territory.png
    mime: str
    data: bytes = field(repr=False)
    alt: str = ""  # what it shows, for screen readers and for text-only clients

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mime": self.mime, "alt": self.alt, "size": len(self.data)}


@dataclass(frozen=True, slots=True)
class Reply:
    """What the core answers; adapters only render it."""

    title: str
    sections: tuple[Section, ...] = ()
    citations: tuple[Citation, ...] = ()
    actions: tuple[Action, ...] = ()
    error: bool = False
    footer: str = ""
    attachments: tuple[Attachment, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form, as `briefbot ask --json` prints it (a file's bytes are left out)."""
        data = asdict(self)
        data["citations"] = [dict(asdict(c), ref=c.ref) for c in self.citations]
        data["attachments"] = [a.to_dict() for a in self.attachments]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reply:
        """The Reply to_dict made: a digest is kept so a retry posts exactly the same parts."""

        def items(rows: list[dict[str, Any]]) -> tuple[Item, ...]:
            return tuple(
                Item(
                    text=r["text"],
                    cite=r.get("cite"),
                    label=r.get("label", ""),
                    marks=tuple((int(a), int(b)) for a, b in r.get("marks", ())),
                )
                for r in rows
            )

        return cls(
            title=data["title"],
            sections=tuple(
                Section(
                    heading=s.get("heading", ""),
                    text=s.get("text", ""),
                    items=items(s.get("items", [])),
                    quotes=items(s.get("quotes", [])),
                    figures=tuple(FigureRow(**f) for f in s.get("figures", [])),
                    sources=tuple(s.get("sources", [])),
                )
                for s in data.get("sections", [])
            ),
            citations=tuple(
                Citation(**{k: v for k, v in c.items() if k != "ref"})
                for c in data.get("citations", [])
            ),
            actions=tuple(Action(**a) for a in data.get("actions", [])),
            error=bool(data.get("error", False)),
            footer=data.get("footer", ""),
        )


def error_reply(message: str, example: str = "", hint: str = "") -> Reply:
    """A short, friendly refusal with an example that works."""
    lines = [message]
    if hint:
        lines.append(hint)
    if example:
        lines.append(f"Try: {example}")
    return Reply(title="Sorry", sections=(Section(text="\n".join(lines)),), error=True)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one text, as `briefbot extract --json` prints it."""

    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
