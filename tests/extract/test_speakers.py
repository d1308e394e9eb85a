"""Speaker keys merge spellings, titles and transliterations of one person and keep people apart."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.extract.speakers import best_display_name, display_form, match_speakers, speaker_key
from tests.conftest import GOLD

NAMED = {
    name: [a for a in aliases if not a.lower().startswith("the ")]
    for name, aliases in GOLD["speakers"].items()
}


@pytest.mark.parametrize("name", sorted(NAMED))
def test_every_spelling_of_a_seed_speaker_has_one_key(name: str) -> None:
    keys = {speaker_key(v) for v in [name, *NAMED[name]]}
    assert len(keys) == 1 and None not in keys


def test_seed_speakers_keep_apart() -> None:
    keys = [speaker_key(name) for name in NAMED]
    assert len(set(keys)) == len(keys)


def test_titles_diacritics_and_honorifics_are_ignored() -> None:
    assert speaker_key("Ukrainian President Volodymyr Zelenskyy") == speaker_key("Mr Zelensky")
    assert speaker_key("Vladimir V. Putin") == speaker_key("Mr. Putin") == speaker_key("Putin")
    assert speaker_key("Sen. Claire McCaskill (D-Mo.)") == speaker_key("Claire McCaskill")
    assert speaker_key("José Andrés") == speaker_key("Jose Andres")


def test_different_people_and_organisations_differ() -> None:
    assert speaker_key("Olena Zelenska") != speaker_key("Volodymyr Zelensky")
    assert speaker_key("Donald Trump") != speaker_key("Vladimir Putin")
    assert speaker_key("White House") != speaker_key("Karine Jean-Pierre")
    assert speaker_key("White House press secretary Karine Jean-Pierre") == speaker_key(
        "Karine Jean-Pierre"
    )


def test_no_key_for_nothing_or_a_bare_role() -> None:
    assert speaker_key(None) is None
    assert speaker_key("   ") is None
    assert speaker_key("the Russian president") is None


def test_best_display_name_prefers_the_common_full_form() -> None:
    names = [
        "Zelenskyy",
        "Volodymyr Zelenskyy",
        "Ukrainian President Volodymyr Zelenskyy",
        "Volodymyr Zelenskiy",
    ]
    assert best_display_name(names) == "Volodymyr Zelenskyy"
    assert best_display_name(["Putin"]) == "Putin"
    assert best_display_name([]) == ""


KNOWN = [(speaker_key(name), name) for name in NAMED]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("zelenskiy", "Volodymyr Zelenskyy"),
        ("Zelinsky", "Volodymyr Zelenskyy"),
        ("President Zelenskyy", "Volodymyr Zelenskyy"),
        ("Vladimir Putin", "Vladimir Putin"),
        ("Mr. Putin", "Vladimir Putin"),
        ("tykhy", "Heorhiy Tykhyi"),
        ("Karine Jean Pierre", "Karine Jean-Pierre"),
        ("Gerasimow", "Valery Gerasimov"),
    ],
)
def test_match_speakers_takes_any_spelling(query: str, expected: str) -> None:
    assert match_speakers(query, KNOWN)[:1] == [speaker_key(expected)]


@pytest.mark.parametrize(
    "query", ["negotiations", "kick the enemy out", "trump card", "Kursk", "Donald Trump", ""]
)
def test_match_speakers_ignores_words_that_name_no_known_speaker(query: str) -> None:
    assert match_speakers(query, KNOWN) == []


def test_match_speakers_respects_a_contradicting_first_name() -> None:
    known = [(speaker_key("Hillary Clinton"), "Hillary Clinton")]
    assert match_speakers("Hillary Clinton", known) == [speaker_key("Hillary Clinton")]
    assert match_speakers("Bill Clinton", known) == []


def test_counted_spellings_give_the_same_display_name_as_one_per_quote() -> None:
    """/who passes counts (a much-quoted person has thousands of quotes), not a long list."""
    spellings = Counter({"Zelensky": 40, "Volodymyr Zelenskiy": 3, "Volodymyr Zelensky": 5})
    assert best_display_name(spellings) == best_display_name(list(spellings.elements()))
    assert best_display_name(spellings) == "Volodymyr Zelensky"
    assert best_display_name(Counter()) == ""


def test_a_surname_that_is_also_a_title_stays_a_name() -> None:
    """ "Dean", "King", "Major" after a given name or an honorific are surnames, not roles."""
    assert speaker_key("Howard Dean") == speaker_key("Governor Howard Dean") == "dean"
    assert display_form("Governor Howard Dean") == "Howard Dean"
    assert display_form("Billie Jean King") == "Billie Jean King"
    assert speaker_key("Mr Major") == "major"
    assert speaker_key("the former Pope") is None
    assert speaker_key("Chief Judge") is None
