"""Pure text -> facts extraction: sentences, quotes, figures (no I/O, no project imports but model)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from bot.extract.figures import extract_figures
from bot.extract.incidental import listed
from bot.extract.quotes import extract_quotes
from bot.extract.sentences import split_sentences
from bot.model import Analysis


def analyse(text: str, every_quantity: bool = False) -> Analysis:
    """Run every extractor once, sharing the sentence split between them.

    The figures are the editor's view (what the store keeps and /figures lists): incidental
    counts ("just one player", "one day") are left out unless every_quantity, which
    `briefbot extract --json` asks for (its contract counts every quantity); a number inside
    a name ("the four Home Unions") is no quantity in either."""
    sentences = split_sentences(text)
    quotes = extract_quotes(text, sentences)
    figures = listed(text, extract_figures(text, sentences, quotes), every_quantity)
    return Analysis(sentences=sentences, quotes=quotes, figures=figures)


@functools.cache
def extractor_version() -> str:
    """A digest of the extractors' source: any change to them is a new version.

    The store keeps it per article, so `briefbot reindex` knows which articles an upgraded
    extractor has not yet seen, without anyone having to remember to bump a number.
    """
    digest = hashlib.sha1()
    root = Path(__file__).parent
    tables = root.parent / "data"  # the unit and currency tables the figures read
    learned = [*root.rglob("data/*.txt"), *root.rglob("data/*.tsv"), *root.rglob("data/*.json")]
    for path in sorted([*root.rglob("*.py"), *learned, *tables.glob("*.tsv")]):
        digest.update(path.relative_to(root.parent).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
