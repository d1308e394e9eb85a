"""Stems: Snowball stems as sumy's, a memo that stays bounded, ids that lookups can use."""

from __future__ import annotations

import itertools
import string

import pytest
import Stemmer as snowball_c
from sumy.nlp.stemmers import Stemmer

from summaries import summarize
from summaries.terms import _SNOWBALL2_CHANGED, Stems

WORDS = "Running runners ran The markets marketing Kyiv's rises rising ROSE the and".split()


def test_stems_are_sumys_snowball_stems() -> None:
    snowball = Stemmer("english")
    stems = Stems()
    for word in WORDS:
        assert stems(word.lower()) == snowball(word.lower())
    assert stems.terms(WORDS) == [snowball(w.lower()) for w in WORDS if w.lower() not in "the and"]


def test_word_ids_map_stop_words_out_and_share_stems_across_spellings() -> None:
    stems = Stems()
    ids = stems.word_ids(["Markets", "markets", "the", "market", "Rising"])
    stem_ids = stems.stem_ids(ids)
    assert stem_ids[2] == -1  # a stop word
    assert stem_ids[0] == stem_ids[1] == stem_ids[3] >= 0
    assert list(stems.capitalised(ids)) == [True, False, False, False, True]
    assert list(stems.word_ids(["markets", "Markets"])) == [ids[1], ids[0]]


def test_the_memo_stays_bounded_and_answers_do_not_change() -> None:
    stems = Stems(limit=8)
    first = [stems(w) for w in (f"word{i}ing" for i in range(50))]
    assert len(stems._memo) <= 8
    assert [stems(w) for w in (f"word{i}ing" for i in range(50))] == first
    for start in range(0, 40, 4):
        batch = [f"term{i}s" for i in range(start, start + 4)]
        assert list(stems.stem_ids(stems.word_ids(batch)) >= 0) == [True] * 4
        assert len(stems._word_ids) <= 8


def test_a_shared_memo_gives_the_same_summaries_as_a_fresh_one() -> None:
    text = (
        "Lawmakers approved the national budget early on Friday after a debate overnight.\n"
        "The budget raises spending on schools and hospitals by four percent this year.\n"
        "Economists warned that growth forecasts for the national budget were optimistic.\n"
        "A local bakery celebrated its fiftieth anniversary with free cakes for everyone.\n"
    )
    shared = Stems()
    for method in ("news", "textrank", "lexrank", "luhn", "lsa"):
        fresh = summarize(text, 2, method)
        assert summarize(text, 2, method, stems=shared) == fresh
        assert summarize(text, 2, method, stems=shared) == fresh


def test_the_fast_c_stemmer_keeps_nltk_stems_where_snowball_2_changed_rules() -> None:
    snowball = Stemmer("english")
    stems = Stems()
    changed = (
        "added adding erred egged international interval organization organic universities "
        "university later lateral emergency evening ecologists psychologist vying "
        "realization generally community past pasta"
    ).split()
    plain = "markets running rises happily governments elections minister cheaper".split()
    for word in changed + plain:
        assert stems(word) == snowball(word), word


@pytest.mark.slow
def test_short_plain_words_left_to_the_c_stemmer_stem_as_nltk_does() -> None:
    """Every a-z word of 1-4 letters, bare or with -ed / -ing, that skips NLTK (~1.4M words)."""
    nltk, fast = Stemmer("english"), snowball_c.Stemmer("english").stemWord
    for size in range(1, 5):
        for letters in itertools.product(string.ascii_lowercase, repeat=size):
            stem = "".join(letters)
            for word in (stem, stem + "ed", stem + "ing") if size > 1 else (stem,):
                if not _SNOWBALL2_CHANGED.search(word):
                    assert fast(word) == nltk(word), word
