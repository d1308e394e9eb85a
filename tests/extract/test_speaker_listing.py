"""Listing errors seen on BBC text (issue 18): denied speech, work titles, unnamed roles that
speak, and names cut to their tail. Short texts of our own, not the BBC articles."""

from __future__ import annotations

from bot.extract.listable import listable, negated
from bot.extract.quotes import extract_quotes, not_yet_said


def _by_text(text: str) -> dict[str, tuple[str | None, bool]]:
    return {q.text: (q.speaker, listable(q)) for q in extract_quotes(text)}


def test_a_denied_report_is_never_listed_as_said() -> None:
    text = (
        "The carmaker will move its European headquarters to Zurich. Chief executive Bob "
        "Marsh did not say when the move would take place. Marsh said the plant in Essen "
        "would stay open. The finance director, Ann Cole, declined to say whether jobs would go."
    )
    quotes = {q.text: q for q in extract_quotes(text)}
    denied = quotes["when the move would take place"]
    assert denied.speaker == "Bob Marsh" and negated(denied.cue) and not listable(denied)
    assert not not_yet_said(denied.cue)  # denied, not "yet to be said"
    said = quotes["the plant in Essen would stay open"]
    assert said.speaker == "Bob Marsh" and listable(said)
    assert all(not listable(q) for q in quotes.values() if "jobs would go" in q.text)


def test_a_work_title_set_off_by_commas_is_not_the_speaker() -> None:
    text = (
        "The book, Brown's Britain, said the chancellor had wanted the top job for years. "
        "The report, Britain in Crisis, said the economy was weak."
    )
    quotes = extract_quotes(text)
    assert any("top job" in q.text for q in quotes)
    assert all(q.speaker is None for q in quotes)  # not "Britain", not "Crisis"
    # a person after "in his book," is still the speaker
    own = _by_text("In his book, Gordon Brown said the economy was weak. Brown is chancellor.")
    assert own["the economy was weak"][0] == "Gordon Brown"


def test_he_after_an_unnamed_role_that_spoke_is_not_the_earlier_named_person() -> None:
    text = (
        "Gordon Brown said the plan would work. The chancellor spoke in London on Monday.\n\n"
        "The Labour MP for Birkenhead asked why the pension age had risen. He said the change "
        "was unfair to working people."
    )
    speakers = _by_text(text)
    assert speakers["the plan would work"][0] == "Gordon Brown"
    assert speakers["the change was unfair to working people"][0] is None
    after_quote = _by_text(
        "Gordon Brown said the plan would work.\n\n"
        '"What sort of model does it give to the nation?" the Labour MP for Birkenhead asked. '
        "He said the prime minister should sack his chancellor."
    )
    assert after_quote["the prime minister should sack his chancellor"][0] is None
    # the role holder named: "he" is that person
    named = _by_text(
        "Gordon Brown said the plan would work. The Labour MP Frank Field asked why the "
        "pension age had risen. He said the change was unfair."
    )
    assert named["the change was unfair"][0] == "Frank Field"


def test_a_speaker_is_the_whole_name_never_its_tail() -> None:
    text = (
        "The Food and Agriculture Organisation said crop yields would fall by a third. "
        "General Motors has warned that it will cut 5,000 jobs in Europe. GM shares fell."
    )
    speakers = _by_text(text)
    assert speakers["crop yields would fall by a third"][0] == "Food and Agriculture Organisation"
    assert speakers["that it will cut 5,000 jobs in Europe"][0] == "General Motors"
    # a title before a surname is not a longer name
    titled = _by_text("President Obama said the deal was done. Obama flew home.")
    assert titled["the deal was done"][0] == "Obama"
