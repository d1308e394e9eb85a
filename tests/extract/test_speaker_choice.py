"""The record point bench/build_speaker_choice.py fits its learned speaker choice from: while
RECORD is set, each quote whose cue names nobody is logged with its candidates, and the
quotes an editor gets are exactly the same as without it."""

from __future__ import annotations

from bot.extract import speaker_choice
from bot.extract.quotes import extract_quotes

ARTICLE = (
    "Blair defends new powers\n\n"
    "Tory leader Michael Howard attacked the plans in the Commons on Monday.\n\n"
    "Tony Blair said the plans were fair to everyone in the country.\n\n"
    '"We must act now," he said. "There is no other way for us to go."\n'
)


def _recorded(text: str) -> tuple[list, list]:
    speaker_choice.RECORD = []
    try:
        return extract_quotes(text), speaker_choice.RECORD
    finally:
        speaker_choice.RECORD = None


def test_recording_leaves_the_quotes_unchanged() -> None:
    plain = extract_quotes(ARTICLE)
    quotes, _ = _recorded(ARTICLE)
    assert quotes == plain
    said = {q.text: q.speaker for q in quotes}
    assert said["We must act now,"] == "Tony Blair"
    assert said["There is no other way for us to go."] == "Tony Blair"


def test_he_said_is_recorded_with_both_people_named_before() -> None:
    _, records = _recorded(ARTICLE)
    paths = {path: (rule, cands) for _, path, rule, cands in records}
    assert set(paths) == {"he", "runon"}  # "he said", then the quote that goes on
    rule, cands = paths["he"]
    assert rule == "Tony Blair"
    names = [name for name, _ in cands]
    assert names == ["Tony Blair", "Michael Howard"]  # nearest first
    blair, howard = (f for _, f in cands)
    assert blair["rule"] == 1.0 and "rule" not in howard
    assert blair["spk=0"] == 1.0  # the last speaker of a cue
    assert blair["dist_log"] < howard["dist_log"]


def test_quotes_with_a_named_speaker_are_not_recorded() -> None:
    _, records = _recorded('"We must act now," said Tony Blair on Monday.\n')
    assert records == []
    assert speaker_choice.RECORD is None
