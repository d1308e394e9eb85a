"""The faster scans of quote attribution find exactly what the plain regexes they replaced
found: each is checked against that regex, written out here, on news sentences and on seeded
random text built from the pieces that sit at its edges (word boundaries, case, quotes)."""

from __future__ import annotations

import random
import re

from bot.extract.clause_words import COMPS, THAT_NOUNS
from bot.extract.doc import _CAPRUN, _CUE_WORDS, _UPPER, _blank, prepare
from bot.extract.gender import _HONORIFIC_NAME, _PRONOUN
from bot.extract.indirect.adverbs import _ADVERB
from bot.extract.indirect.nouns import _STANCE_PHRASE, _that_noun_starts
from bot.extract.mentions import _WORD, _is_abbrev, tokens
from bot.extract.segments import find_segments
from bot.extract.sentences import split_sentences
from bot.extract.word_find import after_lowercase, plural_without_the, written_alone

PIECES = (
    "the", "idea", "notion", "Idea", "ideas", "xidea", "idea_", "_idea", "that", "That",
    "thats", "that's", "the idea that", "a notion that", "rumours that", "1idea", "é",
    "reportedly", "Reportedly", "unreportedly", "Mr", "Mrs", "Ms", "Miss", "Sir", "Dame",
    "Lord", "Lady", "Mr.", "Smith", "O'Neill", "’s", "Élysée", "İstanbul", "de", "van",
    "New", "York", "Hillary", "Clinton", "Smiths", "the Smiths", "The Smiths", "s", "'", "’", '"', "“", "”", "-", ".", ",", "\n", "(",
)  # fmt: skip
SEPS = (" ", " ", "", "\n", "  ", "\t")


def random_texts(count: int = 3000, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(PIECES) + rng.choice(SEPS) for _ in range(rng.randint(1, 40)))
        for _ in range(count)
    ]


NEWS = [
    "He rejected the notion that the plan would fail, and the idea that it was late.",
    "Rumours that he quit spread; the ideas that won were old. Idea that? No.",
    "An idea that, the notion thatch, a worry that’s real, suspicions that\nfollowed.",
]


def test_that_noun_starts_are_the_alternations_matches() -> None:
    plain = re.compile(r"\b(?:" + "|".join(sorted(THAT_NOUNS)) + r") that\b")
    for text in NEWS + random_texts():
        assert _that_noun_starts(text) == [m.start() for m in plain.finditer(text)], text
    assert _that_noun_starts(NEWS[0]) == [NEWS[0].index("notion"), NEWS[0].index("idea")]


def test_that_nouns_are_single_words() -> None:
    """_that_noun_starts reads the one word before " that": a phrase would never be found."""
    assert all(re.fullmatch(r"\w+", noun) for noun in THAT_NOUNS)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_look_behind_after_the_first_letter_matches_the_same() -> None:
    """A pattern opening on a boundary or look-behind, rewritten to open on its first letter."""
    plain = {
        _CAPRUN: re.compile(
            rf"(?<![\w'’])[{_UPPER}][\w'’\-]*\.?(?:[ \t]+(?:(?:de|van|von|der|bin|al|da|di|du"
            rf"|la|le|del)[ \t]+)?[{_UPPER}][\w'’\-]*\.?)+"
        ),
        _ADVERB: re.compile(r"\breportedly\b"),
        _HONORIFIC_NAME: re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+([A-Z][\w'’-]*)"),
        _PRONOUN: re.compile(r"\b(?:he|his|himself|she|hers|herself)\b"),
    }
    texts = [
        *NEWS,
        "She said he left; the shed, his hers herself himself, she's, _he he_ éhe shell he.",
        "Mrs Smith and Mr. O'Neill met Lady Ann de Vries; xMr Lee reportedly left.",
    ]
    for fast, slow in plain.items():
        for text in texts + random_texts():
            assert _matches(fast, text) == _matches(slow, text), (slow.pattern, text)
    assert [m.group(1) for m in _HONORIFIC_NAME.finditer(texts[-1])] == ["Mrs", "Mr", "Lady"]


WORDS = ("idea", "Idea", "that", "Smith", "Mr", "de", "York", "’s", "-", "", "é", "Élysée")


def test_word_searches_find_what_a_regex_per_word_found() -> None:
    """word_find's str.find searches against the per-word regexes they replaced."""
    texts = [
        *NEWS,
        "The Smiths said, and the Smiths, Smiths and the Smiths: no. smith-Smith, O’Smith Smith_",
    ]
    for text in texts + random_texts(1500):
        for word in WORDS:
            w = re.escape(word)
            assert after_lowercase(text, word) == bool(re.search(rf"[a-z,]\s+{w}\b", text))
            assert written_alone(text, word) == bool(
                re.search(rf"(?<![\w'’-]){w}(?![\w'’-])", text)
            )
            assert plural_without_the(text, word) == bool(
                re.search(rf"(?<!\bthe )(?<!\bThe )\b{w}s\b", text)
            ), (word, text)
    assert plural_without_the(texts[-1], "Smith")  # "Smiths and", no "the" before
    assert not plural_without_the("the Smiths met the Smiths.", "Smith")


def test_stance_phrase_matches_the_case_blind_pattern() -> None:
    plain = re.compile(
        r"\b(?P<phrase>in\s+(?:favor|favour|support|defense|defence|praise)\s+of|in\s+opposition\s+to)"
        r"\s+(?!(?:" + COMPS + r")\b)(?=\S)",
        re.IGNORECASE,
    )
    pieces = ("in", "In", "IN", "İn", "ın", "xin", "in favor of", "IN FAVOUR OF", "of", "to",
              "In Support\nOf", "in opposition to", "that", "the plan", "_in", "’", ",")  # fmt: skip
    rng = random.Random(5)
    texts = ["He spoke in favor of the plan, and in opposition to the war."]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(4000)]
    for text in texts:
        assert _matches(_STANCE_PHRASE, text) == _matches(plain, text), text
        assert [m.group("phrase") for m in _STANCE_PHRASE.finditer(text)] == [
            m.group("phrase") for m in plain.finditer(text)
        ]
    assert [m.group("phrase") for m in _STANCE_PHRASE.finditer(texts[0])] == [
        "in favor of",
        "in opposition to",
    ]


def test_cue_sentences_are_read_as_with_punctuation_blanked() -> None:
    """prepare's cue-sentence test reads the runs of word characters of each sentence, quotes
    blanked: what splitting the sentence with its punctuation turned to spaces gave."""
    pieces = (*PIECES, "said", "said—", "—said", "“said”", "says:", "Says", "believes", "told")
    rng = random.Random(3)
    texts = ['Ann Lee said—and "he said" it—no.\n\n“Yes,” said Bo. It rained.', *NEWS]
    texts += ["".join(rng.choice(pieces) + rng.choice(SEPS) for _ in range(30)) for _ in range(400)]
    for text in texts:
        sentences = split_sentences(text)
        segments = find_segments(text)
        doc = prepare(text, sentences, segments)
        plain = re.sub(r"[^\w\s]", " ", _blank(text, doc.masks))
        assert doc.cue_sentences == [
            i
            for i, s in enumerate(sentences)
            if not _CUE_WORDS.isdisjoint(plain[s.start : s.end].split())
        ], text
    assert prepare(texts[0], split_sentences(texts[0]), find_segments(texts[0])).cue_sentences == [
        0,
        1,
    ]


def test_tokens_have_the_offsets_of_each_word_match() -> None:
    """tokens finds each word with str.find after the last: the offsets are the matches'."""
    texts = [
        *NEWS,
        "Mr. J.J. MacNab said 3.5 million__ _x U.S. rose 4%. St. Louis, the ½ and ²2 cases.",
        "  __Smith  said\t. . .. ... Dr. No? “Yes,” 10,000.5km\nher.",
    ]
    for text in texts + random_texts(1500):
        for a, b in ((0, len(text)), (1, max(1, len(text) - 2))):
            want = []
            for m in _WORD.finditer(text, a, b):
                word, s = m.group(), m.start()
                if word[-1] == "." and len(word) > 1 and not _is_abbrev(word):
                    want += [(word[:-1], s, m.end() - 1), (".", m.end() - 1, m.end())]
                else:
                    want.append((word, s, m.end()))
            assert [(t.text, t.start, t.end) for t in tokens(text, a, b)] == want, text
