"""Editorial rules on top of a method's ratings: context pairs, replacements, what may be picked."""

from __future__ import annotations

import numpy as np

from summaries import summarize
from summaries.document import build_document, is_fragment, needs_context
from summaries.select import select

TEXT = (
    "The central bank raised interest rates by half a point on Thursday.\n\n"
    "Inflation reached its highest level in a decade last month, official figures showed.\n\n"
    "Food and energy prices drove most of the rise, analysts said.\n"
    "It was the third increase this year, and the governor hinted at more to come.\n\n"
    "Shares in the country's biggest lenders rose after the announcement.\n\n"
    "Ok then.\n"
)


def _texts(document, picked: list[int]) -> list[str]:
    return [document.rated[k].source.text[:20] for k in picked]


def test_a_leaning_sentence_comes_with_its_predecessor_when_the_pair_is_worth_two_slots() -> None:
    document = build_document(TEXT)
    # rated: bank, inflation, food, it, shares, ok (a fragment, rated but never picked)
    assert [s.usable for s in document.rated] == [True, True, True, True, True, False]
    ratings = [0.9, 0.1, 0.6, 1.0, 0.5, 5.0]
    assert _texts(document, select(document, ratings, 3)) == [
        "The central bank rai",
        "Food and energy pric",
        "It was the third inc",
    ]


def test_a_leaning_sentence_is_replaced_by_the_next_best_when_its_predecessor_rates_low() -> None:
    document = build_document(TEXT)
    ratings = [0.9, 0.8, 0.05, 1.0, 0.7, 5.0]
    assert _texts(document, select(document, ratings, 3)) == [
        "The central bank rai",
        "Inflation reached it",
        "Shares in the countr",
    ]


def test_without_leaning_sentences_the_pick_is_the_top_rated_as_in_sumy() -> None:
    document = build_document(TEXT)
    ratings = [0.2, 0.9, 0.8, 0.1, 0.7, 5.0]
    assert _texts(document, select(document, ratings, 2)) == [
        "Inflation reached it",
        "Food and energy pric",
    ]


def test_a_repeat_of_a_better_sentence_gives_way_to_the_next_best() -> None:
    document = build_document(TEXT)
    ratings = [0.9, 0.8, 0.3, 0.1, 0.7, 5.0]
    similarity = np.zeros((6, 6))
    similarity[0, 1] = similarity[1, 0] = 0.9
    picked = select(document, ratings, 2, similarity, max_similarity=0.6)
    assert _texts(document, picked) == ["The central bank rai", "Shares in the countr"]


def test_ratings_are_computed_with_fragments_and_boilerplate_in_the_document() -> None:
    text = TEXT + "\nReporting by Jane Roe; Editing by John Doe.\n"
    document = build_document(text)
    rated = [s.source.text for s in document.rated]
    assert "Ok then." in rated and any(t.startswith("Reporting by") for t in rated)
    assert [s.source.text for s in document.candidates] == rated[:5]
    for method in ("news", "textrank", "lexrank", "luhn", "lsa", "lead"):
        picked = [s.text for s in summarize(text, 5, method)]
        assert "Ok then." not in picked
        assert not any(t.startswith("Reporting by") for t in picked)


def test_an_opening_quote_stands_alone_but_a_closing_one_leans() -> None:
    assert not needs_context('Mr Straw said: "The savings made will help to underpin priorities.')
    assert not needs_context('A spokeswoman said "we are investigating" the complaint.')
    assert needs_context('That is all we can do," the spokeswoman said.')
    assert needs_context("What can we talk about?” Putin said.")


def test_this_year_names_a_time_not_something_said_before() -> None:
    assert not needs_context("This year's judges chose the winners from a strong shortlist.")
    assert not needs_context("This week the council voted to close the bridge.")
    assert needs_context("This has led the company to cut jobs at two plants.")
    assert needs_context("These figures show a sharp fall in sales over the summer.")


def test_dummy_it_stands_alone_but_it_as_a_pronoun_leans() -> None:
    assert not needs_context("It is thought that the deal will close before the summer.")
    assert not needs_context("It was not clear whether the minister would stay in post.")
    assert needs_context("It is expected to cost more than the original estimate.")
    assert needs_context("It has claimed that Russia forced the sale of its main unit.")


def test_a_long_line_that_lost_its_full_stop_is_a_sentence_a_headline_is_not() -> None:
    long_line = (
        "The US trade deficit widened by more than expected in October, hitting record "
        "levels after higher oil prices raised import costs, figures have shown"
    )
    assert not is_fragment(long_line)
    assert is_fragment("Parliament approves new budget after all-night session")
    assert is_fragment(
        "Ukraine Forces Advance Into Kursk Border Town And Take Villages Near Sudzha"
    )
    assert is_fragment("In his budget Mr Chidambaram has announced these measures:")
    text = long_line + "\n\nThe shortfall was $55.5bn, the Commerce Department said on Tuesday.\n"
    assert [s.text for s in summarize(text, 1, "lead")] == [long_line]


def test_the_word_count_shortcut_agrees_with_counting_every_word() -> None:
    from bot.extract.sentences import words
    from summaries.document import _shorter_than

    for text in ("Ok then.", "One two three four five.", "A b c d e f g h.", "- - x y", ""):
        for n in (1, 5, 6, 7):
            assert _shorter_than(text, n) == (len(words(text)) < n)


LEANING = (
    "The council approved the new stadium plan on Monday after a long debate.\n\n"
    "It will seat forty thousand fans and open in three years, officials said.\n\n"
    "But critics say the cost to taxpayers has been badly underestimated by the council.\n\n"
    "They want an independent review of the figures before any building work starts.\n\n"
    "The club's owners welcomed the vote and promised to fund part of the work.\n\n"
    "This would be the largest public project in the city for a generation.\n\n"
    "Local businesses near the site expect a rise in trade on match days.\n\n"
    "He said the club had listened to residents about traffic and parking.\n\n"
    "Construction is due to begin next spring if the final permits are granted.\n"
)


def _every_sentence_considered(document, ratings, count, similarity, limit) -> list[int]:
    """select() as it was before it skipped sentences the best pick cannot draw from."""
    from summaries.select import (
        STRONG,
        _best_prefixes,
        _chains,
        _first_repeat,
        _tie_broken,
        _top_if_free,
    )

    scores = _tie_broken(ratings)
    order = sorted(range(len(document.rated)), key=scores.__getitem__, reverse=True)
    quick = _top_if_free(document, order, scores, count, similarity, limit)
    if quick is not None:
        return quick
    usable = [k for k, s in enumerate(document.rated) if s.usable]
    strong = set(sorted(usable, key=scores.__getitem__, reverse=True)[: STRONG * count])
    chains = _chains(document, strong)
    banned: set[int] = set()
    while True:
        picked = _best_prefixes(chains, scores, count, banned)
        clash = _first_repeat(picked, scores, similarity, limit)
        if clash is None:
            return sorted(picked)
        banned.add(clash)


def test_skipping_sentences_the_best_pick_cannot_use_never_changes_the_pick() -> None:
    rng = np.random.default_rng(7)
    n = len(build_document(LEANING).rated)
    for trial in range(400):
        ratings = list(rng.integers(0, 5, n).astype(float) if trial % 2 else rng.random(n))
        similarity = None
        if trial % 3 == 0:
            similarity = rng.random((n, n))
            similarity = (similarity + similarity.T) / 2
        for count in (1, 2, 3, 4):
            fresh, reference = build_document(LEANING), build_document(LEANING)
            assert select(fresh, ratings, count, similarity, 0.8) == _every_sentence_considered(
                reference, ratings, count, similarity, 0.8
            ), (trial, count)
