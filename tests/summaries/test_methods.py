"""Every summary method: verbatim, cited, no boilerplate or fragments, count respected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from bot.extract.boilerplate import is_boilerplate
from bot.extract.sentences import words
from summaries import METHODS, summarize
from summaries.document import build_document, needs_context
from summaries.lexrank import VectorLexRankSummarizer
from summaries.textrank import VectorTextRankSummarizer

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BOILERPLATE = [e.get("line") or e["line_starts"] for e in GOLD["boilerplate"]]

ARTICLE = """Parliament approves new budget after all-night session

Lawmakers approved the national budget early on Friday after a debate that lasted through the night, ending weeks of uncertainty.
The budget raises spending on schools and hospitals by four percent while cutting defence procurement.
It also freezes fuel duty for a second year, a measure the finance minister called essential for families.
But opposition parties said the plan relied on optimistic growth forecasts.
"This budget is built on sand," the opposition leader told reporters outside the chamber.
Economists at the central bank warned that growth forecasts for the national budget could prove optimistic.
Markets rose.
The finance minister said the budget would cut borrowing over the next three years.

Jane Roe and John Doe contributed to the report.
Comment:
"""


def _stock(cls: type, text: str) -> list[str]:
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(build_document(text).model, 3)]


def _check(text: str, picked: list, count: int) -> None:
    assert 0 < len(picked) <= count
    assert [s.start for s in picked] == sorted(s.start for s in picked)
    for i, s in enumerate(picked):
        assert text[s.start : s.end] == s.text
        assert not is_boilerplate(s.text)
        assert len(words(s.text)) >= 6
        assert "\n" not in s.text
        if needs_context(s.text):  # a pronoun opener only ever follows its predecessor
            assert i > 0 and picked[i - 1].end <= s.start
            assert text[picked[i - 1].end : s.start].strip() == ""


@pytest.mark.parametrize("method", list(METHODS))
@pytest.mark.parametrize("count", [1, 3, 5])
def test_literal_article(method: str, count: int) -> None:
    picked = summarize(ARTICLE, count, method)
    _check(ARTICLE, picked, count)
    texts = [s.text for s in picked]
    assert "Markets rose." not in texts
    assert not any(t.startswith("Parliament approves") for t in texts)
    assert not any("contributed" in t for t in texts)


@pytest.mark.parametrize("method", list(METHODS))
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seeds(method: str, seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    picked = summarize(text, 3, method)
    assert len(picked) == 3
    _check(text, picked, 3)
    for s in picked:
        assert not any(s.text.startswith(line) for line in BOILERPLATE)
        assert not any(line in s.text for line in BOILERPLATE if len(line) > 12)


def test_headline_is_never_glued_to_a_sentence() -> None:
    seed = ROOT / "seeds" / "002_b76eddcc3a3b8871.txt"
    headline = GOLD["headline"]["002_b76eddcc3a3b8871"]
    for method in METHODS:
        for s in summarize(seed.read_text(encoding="utf-8"), 5, method):
            assert headline not in s.text


def test_lead_takes_the_first_sentences() -> None:
    picked = summarize(ARTICLE, 2, "lead")
    assert [s.text[:20] for s in picked] == ["Lawmakers approved t", "The budget raises sp"]


def test_sentence_opening_with_but_brings_its_predecessor_or_is_skipped() -> None:
    for method in METHODS:
        for count in (1, 2, 3):
            texts = [s.text for s in summarize(ARTICLE, count, method)]
            if any(t.startswith("But opposition") for t in texts):
                i = next(i for i, t in enumerate(texts) if t.startswith("But opposition"))
                assert i > 0 and texts[i - 1].startswith("It also freezes")


def test_news_prefers_the_title_subject_and_drops_repeats() -> None:
    text = (
        "The city council voted to close the old bridge to traffic from next month.\n"
        "The city council voted to close the old bridge to traffic from next month, officials said.\n"
        "Engineers found cracks in two of the bridge's supports during an inspection in May.\n"
        "A local bakery celebrated its fiftieth anniversary with free cakes for customers.\n"
    )
    texts = [
        s.text for s in summarize(text, 2, "news", title="Old bridge to close after cracks found")
    ]
    assert len(texts) == 2
    assert texts[0].startswith("The city council voted")
    assert texts[1].startswith("Engineers found cracks")


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown method"):
        summarize(ARTICLE, 3, "nope")


def test_empty_text_gives_empty_summary() -> None:
    for method in METHODS:
        assert summarize("", 3, method) == []
        assert summarize("Too short.\nAlso short.", 3, method) == []


def _bbc_like_articles() -> list[str]:
    return [ARTICLE] + [p.read_text(encoding="utf-8") for p in SEEDS]


@pytest.mark.parametrize(
    ("ours", "stock"),
    [(VectorLexRankSummarizer, LexRankSummarizer), (VectorTextRankSummarizer, TextRankSummarizer)],
)
def test_vectorised_picks_equal_stock_sumy(ours: type, stock: type) -> None:
    for text in _bbc_like_articles():
        mine = [str(s) for s in ours()(build_document(text).model, 3)]
        assert mine == _stock(stock, text)
