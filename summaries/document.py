"""Text -> sumy ObjectDocumentModel whose sentences keep their offsets into the text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence

from bot.extract.boilerplate import is_boilerplate, trailing_notices
from bot.extract.sentences import _WORD, split_sentences, words
from bot.model import Sentence
from summaries.tokenizer import NewsTokenizer

MIN_WORDS = 6  # shorter sentences are fragments: rated, never picked
UNPUNCTUATED_WORDS = 15  # an unterminated line this long is a sentence, not a headline
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
_NEEDS_CONTEXT = frozenset(
    """he she it it's it’s they them his her hers its their theirs this these those
    but and yet nor or""".split()
)
_LEADING_QUOTE = "\"'“‘«("
_DUMMY_IT = re.compile(
    r"It(?: is|'s|’s| was| has been| had been)(?: not| also| now| still)?"
    r" (?:thought|believed|understood|expected|estimated|predicted|reported|feared|hoped"
    r"|known|unknown|unclear|clear|likely|unlikely|possible|impossible|true|certain)"
    r",? (?:that|whether|if|how|why|what|when|who|the|a|an|no)\b"
)
_TIME_NOUNS = frozenset(
    """year week month morning afternoon evening weekend season summer winter spring autumn
    decade century""".split()
)


class SourceSentence(SumySentence):
    """A sumy Sentence that remembers its briefbot Sentence, its index and if it may be picked.

    Its words are split once, when the document is built, for every method that reads them.
    Whether it may be picked (no boilerplate, no fragment) is worked out the first time a
    selection asks, so only the sentences a summary looks at pay for the checks.
    """

    __slots__ = ("_usable", "_words", "index", "source")

    def __init__(
        self,
        source: Sentence,
        index: int,
        tokenizer: NewsTokenizer,
        usable: bool | None = None,
    ) -> None:
        # sumy's Sentence.__init__, without the call: text stripped, not a heading.
        self._text = text = source.text.strip()
        self._tokenizer = tokenizer
        self._is_heading = False
        self._words = tokenizer.to_words(text)
        self.source = source
        self.index = index
        self._usable = usable

    @property
    def words(self) -> tuple[str, ...]:
        """The sentence's words, as `NewsTokenizer.to_words` splits them."""
        return self._words

    @property
    def usable(self) -> bool:
        """True when a summary may pick it: neither boilerplate nor a fragment."""
        if self._usable is None:
            text = self.source.text
            self._usable = not is_fragment(text) and not is_boilerplate(text)
        return self._usable


@dataclass(frozen=True, slots=True)
class Document:
    """One article ready for sumy, with the bookkeeping our selection rules need.

    `sentences` holds every sentence of the text in order (headlines included), `model` the
    sumy document the methods rate: headlines are its headings, every other sentence is one
    of its `.sentences`, boilerplate and fragments included, so ratings match what stock
    sumy gives the same text. Only the `usable` ones (no boilerplate, no fragment) may be
    picked. `model.sentences[k].index` points back into `sentences`.
    """

    text: str
    title: str | None
    sentences: tuple[Sentence, ...]
    model: ObjectDocumentModel
    headings: frozenset[int]

    @property
    def excluded(self) -> frozenset[int]:
        """Indexes into `sentences` that may never be picked (headline, boilerplate, fragments)."""
        return self.headings | {s.index for s in self.rated if not s.usable}

    @property
    def rated(self) -> tuple[SourceSentence, ...]:
        """Every sentence the methods rate (`model.sentences`), in document order."""
        return self.model.sentences  # type: ignore[no-any-return]

    @property
    def candidates(self) -> tuple[SourceSentence, ...]:
        """The sentences a summary may pick, in document order."""
        return tuple(s for s in self.rated if s.usable)

    def needs_context(self, index: int) -> bool:
        """True when sentence `index` opens with a pronoun or conjunction it cannot stand without."""
        return needs_context(self.sentences[index].text)


def needs_context(text: str) -> bool:
    """True when a sentence leans on its predecessor.

    It opens with a pronoun or "But", or it ends a quotation opened in an earlier sentence
    (`What can we talk about?” Putin said.`): alone, it would misquote.
    """
    opening = text.lstrip(_LEADING_QUOTE)
    head = opening.split(maxsplit=2)
    if head and head[0].strip(",;:").lower() in _NEEDS_CONTEXT:
        # "This year's ..." names a time and "It is thought that ..." nothing at all.
        is_time = len(head) > 1 and head[0].lower() == "this" and _is_time(head[1])
        if not is_time and not _DUMMY_IT.match(opening):
            return True
    return continues_quote(text)


def _is_time(word: str) -> bool:
    return word.lower().split("'")[0].split("’")[0].strip(",;:") in _TIME_NOUNS


def continues_quote(text: str) -> bool:
    """True when the first quotation mark closes a quote.

    Curly quotes say which way they face. A straight " closes when it follows a word or
    punctuation (`...,” he said` written `," he said`); one after a space, a colon or a
    bracket opens a quote (`He said: "We ...`), which may run on but leans on nothing before.
    """
    opening, closing = text.find("“"), text.find("”")
    if closing >= 0 and (opening < 0 or closing < opening):
        return True
    if opening >= 0:
        return False
    first = text.find('"')
    if first <= 0:
        return False
    after = text[first + 1 : first + 2]
    opens = text[first - 1] in " \t([{—–-:" and after != "" and not after.isspace()
    return not opens


def is_terminated(text: str) -> bool:
    """True when text ends like a sentence (full stop, question or exclamation mark)."""
    return bool(_TERMINAL.search(text))


def is_complete(text: str) -> bool:
    """True when text is a whole sentence: terminated, or a long line that lost its full stop.

    Copy often drops the last full stop of a paragraph ("..., figures have shown"); a line of
    UNPUNCTUATED_WORDS words or more that opens with a capital, ends on a word and does not
    read like a title is such a sentence. Shorter unterminated lines are headlines or labels.
    """
    if is_terminated(text):
        return True
    if "\n" in text or len(words(text)) < UNPUNCTUATED_WORDS or _looks_like_title(text):
        return False
    head = text.lstrip(_LEADING_QUOTE)
    return head[:1].isupper() and (text[-1].isalnum() or text[-1] in "\"'”’)")


def is_fragment(text: str) -> bool:
    """True for pieces too short or unfinished to stand as a summary sentence."""
    return _shorter_than(text, MIN_WORDS) or not is_complete(text)


def _shorter_than(text: str, count: int) -> bool:
    """`len(words(text)) < count`, reading only as far as the count-th word."""
    return sum(1 for _ in islice(_WORD.finditer(text), count)) < count


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

    An unfinished first line (the headline) becomes a sumy heading, so its words still
    count but it is never picked; every other unit, boilerplate, fragments and labels
    ("Comment:") included, is rated like any sentence (as stock sumy would) but only
    complete story sentences are marked usable.
    The first heading serves as the title when none is given.
    """
    tokenizer = tokenizer or NewsTokenizer()
    found = split_headlines(text, sentences if sentences is not None else split_sentences(text))
    trailing = trailing_notices(found)
    first_noise = bool(found) and (0 in trailing or is_boilerplate(found[0].text))
    heading_indexes: set[int] = set()
    paragraphs: dict[int, list[SumySentence]] = {}
    headings: list[str] = []
    for i, s in enumerate(found):
        if i == 0 and not first_noise and not is_complete(s.text):  # the headline
            heading_indexes.add(i)
            headings.append(s.text)
            paragraphs.setdefault(s.paragraph, []).append(
                SumySentence(s.text, tokenizer, is_heading=True)
            )
        else:
            usable = False if i in trailing or (i == 0 and first_noise) else None
            paragraphs.setdefault(s.paragraph, []).append(SourceSentence(s, i, tokenizer, usable))
    if title is None and headings and found and found[0].text == headings[0]:
        title = headings[0]
    elif title:
        paragraphs = {-1: [SumySentence(title, tokenizer, is_heading=True)], **paragraphs}
    model = ObjectDocumentModel(Paragraph(paragraphs[p]) for p in paragraphs)
    return Document(
        text=text,
        title=title,
        sentences=tuple(found),
        model=model,
        headings=frozenset(heading_indexes),
    )
