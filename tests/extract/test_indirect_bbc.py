"""Issue 18, reported speech on BBC articles: what /who said may list is a clause with a verb
and a speaker an editor can print; fragments and guessed speakers are not listed.

The articles are in tests/data/bbc_indirect_issue18.jsonl (BBC News dataset, research use only;
never shipped in seeds).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.extract.listable import listable
from bot.extract.quotes import extract_quotes
from bot.model import Quote

BBC = {
    d["id"]: d["text"]
    for d in map(
        json.loads, (Path(__file__).parent.parent / "data" / "bbc_indirect_issue18.jsonl").open()
    )
}


def _listed(article: str) -> list[Quote]:
    return [q for q in extract_quotes(BBC[article]) if q.kind == "indirect" and listable(q)]


@pytest.mark.parametrize("article", sorted(BBC))
def test_every_listed_report_has_a_speaker_and_a_clause_with_a_verb(article: str) -> None:
    listed = _listed(article)
    assert listed, "the article's reported speech is listed at all"
    for q in listed:
        assert q.speaker, q.text
        assert re.search(r"\b(?:\w+ed|is|was|were|are|would|will|could|had|has|met)\b", q.text)


def test_the_told_fragment_is_not_listed() -> None:
    texts = [q.text for q in _listed("politics/218")]
    assert not any("of his intention to stand down" in t for t in texts)
    assert not any(t.startswith("Mr Brown") for t in texts)


def test_the_prime_minister_is_not_the_deputy_named_earlier() -> None:
    """`Deputy Prime Minister John Prescott` earlier, then `the prime minister said ...`:
    Prescott is not the prime minister, and with no one named as such the speaker is left
    open rather than guessed."""
    quotes = extract_quotes(BBC["politics/218"])
    q = next(q for q in quotes if q.text.startswith("he had discussed these claims"))
    assert q.speaker != "John Prescott"
    assert q.speaker is None or q.speaker == "Tony Blair"


def test_a_bare_plural_addressee_is_not_part_of_the_report() -> None:
    """`Sullivan told jurors he met frequently with Mr Ebbers`: the jurors were told, the
    report is what Sullivan said."""
    q = next(q for q in _listed("business/100") if q.cue == "told")
    assert q.speaker == "Scott Sullivan"
    assert q.text.startswith("he met frequently with Mr Ebbers")


def test_reports_with_their_speakers_are_listed() -> None:
    listed = {(q.speaker, q.text) for q in _listed("business/100")}
    assert ("Bernie Ebbers", "that he knew accountants were doctoring the books at the firm") in (
        listed
    )
    said = {q.text for q in _listed("business/367") if q.speaker == "Bob Murray"}
    assert "he expected to pay a maximum of £1.53m for the remaining shares" in said
