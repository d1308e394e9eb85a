"""Reported speech marked by an adverb alone: `Google has reportedly looked at Twitter`.

The adverb says someone reported the clause without naming who, so the item has no speaker
(a reply never lists it; the extraction keeps it for the record). The content is the clause
the adverb sits in: from its subject to where the clause ends.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.extract.clause_words import CLAUSE_BREAK
from bot.extract.indirect.clauses import _clause_end, _make, _trim
from bot.extract.indirect.nouns import _sentence_index_at
from bot.model import Quote

if TYPE_CHECKING:
    from bot.extract.doc import ArticleDoc

# "\breportedly\b" with the boundary checked after the "r": the engine skips to each "r"
_ADVERB = re.compile(r"r(?<!\wr)eportedly\b")
_MIN_WORDS = 3


def adverb_reports(doc: ArticleDoc) -> list[Quote]:
    """Every `reportedly` clause in the article (a regex finds the few sentences first)."""
    out: list[Quote] = []
    for m in _ADVERB.finditer(doc.text):
        si = _sentence_index_at(doc, m.start())
        if si is None:
            continue
        sent = doc.sentences[si]
        toks = doc.sentence_tokens(si)
        ci = next((i for i, t in enumerate(toks) if t.start == m.start()), None)
        if ci is None or ci == 0 or doc.masked(m.start()):
            continue
        j = ci - 1
        while j >= 0 and toks[j].text not in CLAUSE_BREAK and toks[j].low not in CLAUSE_BREAK:
            j -= 1
        if j + 1 >= ci:
            continue  # "..., reportedly after a row": no subject of its own
        s, e = _trim(doc.text, toks[j + 1].start, _clause_end(toks, ci, sent.end))
        if len(doc.text[s:e].split()) < _MIN_WORDS:
            continue
        q = _make(doc, s, e, None, "reportedly")
        if q is not None:
            out.append(q)
    return out
