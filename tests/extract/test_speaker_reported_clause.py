"""A he/she whose nearest fitting name sits inside someone else's reported words ("According
to Mandaric, Redknapp vowed ...", "Mr Balls ... had suggested that Mr Brown would ...") is
the one who reports them, not the name inside; a name right after its own speech verb
("argued Mr Howard", ", Lord Holme said") is a sayer, never inside. BBC shapes from the
review sets (bbc_quotes_review #91, blind3 #3015, blind4 #4041)."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_according_to_the_speaker_the_name_inside_is_not_he() -> None:
    text = (
        "Redknapp quits for Southampton\n\n"
        "Portsmouth chairman Milan Mandaric said he was disappointed by the news.\n\n"
        '"It would appear that negotiations have been going on for some time," Mandaric said. '
        "According to Mandaric, Redknapp vowed he would not join their rivals when he left. "
        '"I said to Harry I hope you don\'t go, and he told me absolutely not," he said. '
        "\"I wouldn't say I'm bitter, just disappointed, but it's Harry's life.\""
    )
    assert _quote(text, "absolutely not").speaker == "Milan Mandaric"
    assert _quote(text, "just disappointed").speaker == "Milan Mandaric"


def test_a_name_in_a_reported_clause_gives_way_to_the_one_who_reported_it() -> None:
    text = (
        "Balls denies Budget giveaway\n\n"
        "Chancellor Gordon Brown's closest ally has denied suggestions of a Budget giveaway.\n\n"
        "Ed Balls, ex-chief economic adviser to the Treasury, said there would be no spending "
        "spree. He was speaking as Sir Digby Jones, CBI director general, warned Mr Brown not "
        "to be tempted.\n\n"
        "Mr Balls, who stepped down from his Treasury post to stand as a Labour candidate, had "
        "suggested that Mr Brown would meet his golden economic rule. He said he hoped more "
        "would be done on tax credits.\n\n"
        "He also stressed a rise in interest rates would not affect Labour's chances. Consumer "
        'borrowing rose at a near-record pace in January. "I do not believe that this will be '
        'a big election issue in Britain for Labour," he told a Parliamentary lunch.'
    )
    assert _quote(text, "big election issue").speaker == "Ed Balls"


def test_a_name_after_its_own_speech_verb_still_speaks() -> None:
    text = (
        "Call for televised debates\n\n"
        "Tory leader Michael Howard and Lord Holme both want a debate. If Mr Blair did not want to take part, the broadcasters could go ahead with an empty "
        'chair or explain their reasons why, Lord Holme said. "No-one has heard directly from '
        'the prime minister," he said.\n\n'
        "It was no good Mr Blair claiming tax pledges were left to the manifesto, argued Mr "
        'Howard. Pointing to national insurance, he added: "Everyone knows tax will go up '
        'under Labour."'
    )
    assert _quote(text, "heard directly").speaker in ("Holme", "Lord Holme")
    assert _quote(text, "tax will go up").speaker == "Michael Howard"
