"""Text -> sumy ObjectDocumentModel whose sentences keep their offsets into the text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence

from bot.extract.boilerplate import boilerplate_sentences
from bot.extract.sentences import split_sentences, words
from bot.model import Sentence
from summaries.tokenizer import NewsTokenizer

MIN_WORDS = 6  # shorter sentences are fragments: never picked, left out of the model
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
_NEEDS_CONTEXT = frozenset(
    """he she it it's it’s they them his her hers its their theirs this these those
    but and yet nor or""".split()
)
_LEADING_QUOTE = "\"'“‘«("


class SourceSentence(SumySentence):
    """A sumy Sentence that remembers which briefbot Sentence (and index) it came from."""

    __slots__ = ("index", "source")

    def __init__(self, source: Sentence, index: int, tokenizer: NewsTokenizer) -> None:
        super().__init__(source.text, tokenizer)
        self.source = source
        self.index = index


@dataclass(frozen=True, slots=True)
class Document:
    """One article ready for sumy, with the bookkeeping our selection rules need.

    `sentences` holds every sentence of the text in order (headlines included), `model` the
    sumy document whose `.sentences` are the candidates only: no headline, no boilerplate,
    no fragment. `model.sentences[k].index` points back into `sentences`.
    """

    text: str
    title: str | None
    sentences: tuple[Sentence, ...]
    model: ObjectDocumentModel
    excluded: frozenset[int]

    @property
    def candidates(self) -> tuple[SourceSentence, ...]:
        """The sentences a summary may pick, in document order."""
        return self.model.sentences  # type: ignore[no-any-return]

    def needs_context(self, index: int) -> bool:
        """True when sentence `index` opens with a pronoun or conjunction it cannot stand without."""
        return needs_context(self.sentences[index].text)


def needs_context(text: str) -> bool:
    """True when a sentence leans on its predecessor.

    It opens with a pronoun or "But", or it ends a quotation opened in an earlier sentence
    (`What can we talk about?” Putin said.`): alone, it would misquote.
    """
    head = text.lstrip(_LEADING_QUOTE).split(maxsplit=1)
    if head and head[0].strip(",;:").lower() in _NEEDS_CONTEXT:
        return True
    return continues_quote(text)


def continues_quote(text: str) -> bool:
    """True when the first quotation mark closes a quote (“ ” pairs, or an odd count of ")."""
    opening, closing = text.find("“"), text.find("”")
    if closing >= 0 and (opening < 0 or closing < opening):
        return True
    if opening >= 0:
        return False
    return text.count('"') % 2 == 1 and not text.startswith('"')


def is_terminated(text: str) -> bool:
    """True when text ends like a sentence (full stop, question or exclamation mark)."""
    return bool(_TERMINAL.search(text))


def is_fragment(text: str) -> bool:
    """True for pieces too short or unfinished to stand as a summary sentence."""
    return len(words(text)) < MIN_WORDS or not is_terminated(text)


def split_headlines(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Cut a headline line off the sentence it was glued to inside a paragraph block.

    With blank lines between paragraphs, "Headline\\nFirst sentence." is one block and the
    splitter sees one sentence; a line with no closing punctuation that looks like a title
    (title case or all caps) followed by a capitalised line is a separate unit.
    """
    out: list[Sentence] = []
    for s in sentences:
        if "\n" not in s.text:
            out.append(s)
            continue
        start = s.start
        lines = s.text.split("\n")
        offset = 0
        for i, line in enumerate(lines[:-1]):
            offset += len(line) + 1
            nxt = lines[i + 1].lstrip()
            piece = text[start : s.start + offset - 1].strip()
            if (
                piece
                and not is_terminated(piece)
                and _looks_like_title(piece)
                and nxt[:1].isupper()
            ):
                out.append(_span(text, start, s.start + offset - 1, s.paragraph))
                start = s.start + offset
        out.append(_span(text, start, s.end, s.paragraph))
    return out


def _looks_like_title(line: str) -> bool:
    tokens = [w for w in words(line) if len(w) > 3]
    if not tokens:
        return True
    capitalised = sum(1 for w in tokens if w[0].isupper())
    return capitalised / len(tokens) >= 0.7


def _span(text: str, start: int, end: int, paragraph: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(text=text[start:end], start=start, end=end, paragraph=paragraph)


def build_document(
    text: str,
    title: str | None = None,
    sentences: Sequence[Sentence] | None = None,
    tokenizer: NewsTokenizer | None = None,
) -> Document:
    """Build the sumy model of `text`: one sumy Paragraph per paragraph of the text.

    Unterminated lines (headlines, "More coverage on ...") become sumy headings, so their
    words still count but they are never picked; boilerplate and fragments are left out.
    The first heading serves as the title when none is given.
    """
    tokenizer = tokenizer or NewsTokenizer()
    found = split_headlines(text, sentences if sentences is not None else split_sentences(text))
    noise = boilerplate_sentences(text, found)
    excluded: set[int] = set(noise)
    paragraphs: dict[int, list[SumySentence]] = {}
    headings: list[str] = []
    for i, s in enumerate(found):
        if i in noise:
            continue
        if not is_terminated(s.text):
            excluded.add(i)
            headings.append(s.text)
            paragraphs.setdefault(s.paragraph, []).append(
                SumySentence(s.text, tokenizer, is_heading=True)
            )
        elif len(words(s.text)) < MIN_WORDS:
            excluded.add(i)
        else:
            paragraphs.setdefault(s.paragraph, []).append(SourceSentence(s, i, tokenizer))
    if title is None and headings and found and found[0].text == headings[0]:
        title = headings[0]
    elif title:
        paragraphs = {-1: [SumySentence(title, tokenizer, is_heading=True)], **paragraphs}
    model = ObjectDocumentModel(Paragraph(paragraphs[p]) for p in paragraphs)
    return Document(
        text=text, title=title, sentences=tuple(found), model=model, excluded=frozenset(excluded)
    )
