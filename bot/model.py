"""Platform-neutral data: what the core takes in, stores and answers with (all JSON-able)."""

from __future__ import annotations

import difflib
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
    """A stored or typed ISO 8601 time as an aware datetime; a Z or no zone at all is UTC.

    Raises ValueError for text that is not such a time (callers decide what that means)."""
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


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
    # how the speaker was found (quote_paths.py): kept out of equality and never stored
    path: str | None = field(default=None, compare=False)


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
class SummaryLine:
    """One sentence of a story's cached summary: which article, where in it, and its text.

    The store keeps it as the JSON list `row()` gives ([article_id, start, end, paragraph, text])."""

    article_id: str
    start: int
    end: int
    paragraph: int | None
    text: str

    @classmethod
    def of(cls, row: list[Any] | tuple[Any, ...]) -> SummaryLine:
        """From the stored row (as read back from JSON)."""
        article_id, start, end, paragraph, text = row
        return cls(article_id, start, end, paragraph, text)

    def row(self) -> list[Any]:
        return [self.article_id, self.start, self.end, self.paragraph, self.text]


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
    """A command as any adapter hands it to the core.

    Free-text platforms (Slack, the console) put what the user typed in `args`; a platform with
    typed options (Discord) names the subcommand in `sub` and gives each option's value, typed
    as the command's grammar declares it, in `options` — never re-joined into text.
    """

    command: str
    args: str = ""
    user: str = "console"
    place: str = "console"
    platform: str = "console"
    is_admin: bool = False
    sub: str = ""
    options: tuple[tuple[str, str | int], ...] = ()

    @property
    def typed(self) -> bool:
        """Given as typed options (a subcommand or option values), not as free text."""
        return bool(self.sub or self.options)

    def option(self, name: str, default: Any = None) -> Any:
        """One typed option's value (default when the user left it out)."""
        return next((v for k, v in self.options if k == name), default)


@dataclass(frozen=True, slots=True)
class Option:
    """One argument of a command as a typed-option platform offers it, and how usage shows it.

    `kind` is "text" or "int"; `low`/`high` bound an int; `choices` are the only values allowed;
    `suggest` names the core's completion list for it; `shown` is its part of the usage line.
    """

    name: str
    description: str
    kind: str = "text"
    required: bool = False
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
    suggest: str = ""
    shown: str = ""
    noun: str = ""  # what a value is called in messages ("summary method"); default the name

    @property
    def choices_hint(self) -> str:
        """'Summary methods: news, lead, …' (empty without choices)."""
        noun = self.noun or self.name
        return f"{noun[:1].upper()}{noun[1:]}s: {', '.join(self.choices)}." if self.choices else ""

    def check(self, value: str | int) -> str:
        """Why this value cannot be used ("" when it can): the same words on every platform."""
        if self.kind == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                return f"{self.name} must be a whole number."
            if (self.low is not None and value < self.low) or (
                self.high is not None and value > self.high
            ):
                return f"{self.name.capitalize()} must be between {self.low} and {self.high} (you asked for {value})."
            return ""
        if not isinstance(value, str):
            return f"{self.name} must be text."
        if self.choices and value.lower() not in self.choices:
            close = difflib.get_close_matches(value.lower(), self.choices, n=1, cutoff=0.6)
            did_you_mean = f" Did you mean {close[0]}?" if close else ""
            return f"Unknown {self.noun or self.name} {value[:30]!r}.{did_you_mean}"
        return ""


@dataclass(frozen=True, slots=True)
class Subcommand:
    """A subcommand (/digest schedule) and its options; `shown` is its part of the usage line."""

    name: str
    description: str
    options: tuple[Option, ...] = ()
    shown: str = ""


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
    also: tuple[int, ...] = ()  # citations of the same figure in other outlets' copies


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
                    figures=tuple(
                        FigureRow(**{**f, "also": tuple(f.get("also", ()))})
                        for f in s.get("figures", [])
                    ),
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
