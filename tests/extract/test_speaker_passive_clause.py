"""A passive inside a reported clause ("he said the arrangement described by X “...”") names
no speaker: the quote is that clause's predicate, so the cue before it decides."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def test_a_passive_inside_the_reported_clause_leaves_the_quote_to_he() -> None:
    text = (
        "Paul Ryan, a campaign finance lawyer at the Legal Center, said there is nothing "
        "unlawful about such contracts. But he said the deal described by Giuliani "
        '"certainly raises questions." Ryan added that the firm should explain the payments.'
    )
    assert (
        next(q.speaker for q in extract_quotes(text) if "certainly raises" in q.text) == "Paul Ryan"
    )
