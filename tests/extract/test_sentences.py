from bot.extract.sentences import paragraphs, split_sentences
from tests.conftest import SEEDS


def test_offsets_point_at_the_text_for_every_seed() -> None:
    for path in SEEDS:
        text = path.read_text()
        sentences = split_sentences(text)
        assert sentences
        for s in sentences:
            assert text[s.start : s.end] == s.text


def test_abbreviations_initials_and_decimals_do_not_split() -> None:
    text = "Mr. Putin met Gen. Syrskyi at 7.5 a.m. on Aug. 6 in Washington, D.C. with Vladimir V. Putin. Then he left."
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Mr. Putin met Gen. Syrskyi at 7.5 a.m. on Aug. 6 in Washington, D.C. with Vladimir V. Putin.",
        "Then he left.",
    ]


def test_us_abbreviation_splits_only_before_a_sentence_opener() -> None:
    got = [
        s.text
        for s in split_sentences("He flew to the U.S. The talks failed. U.S. officials said so.")
    ]
    assert got == ["He flew to the U.S.", "The talks failed.", "U.S. officials said so."]


def test_quoted_question_keeps_its_attribution() -> None:
    text = "“What can we even talk about with them?” Putin told his officials. “Nothing,” he said."
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "“What can we even talk about with them?” Putin told his officials.",
        "“Nothing,” he said.",
    ]


def test_headline_line_is_its_own_sentence_and_paragraphs_count() -> None:
    text = "Ukraine Forces Advance into Kursk\nTroops moved 2 km. They held.\n\n"
    got = split_sentences(text)
    assert [(s.text, s.paragraph) for s in got] == [
        ("Ukraine Forces Advance into Kursk", 0),
        ("Troops moved 2 km.", 1),
        ("They held.", 1),
    ]


def test_blank_line_paragraphs_join_soft_wrapped_lines() -> None:
    text = "First para line one\ncontinues here.\n\nSecond para."
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "First para line one\ncontinues here.",
        "Second para.",
    ]


def test_the_tricky_news_set_splits_exactly() -> None:
    """tests/data/tricky_sentences.json: abbreviations, initials, decimals, times, quotes, headlines."""
    import json
    from pathlib import Path

    data = json.loads(
        (Path(__file__).resolve().parents[1] / "data" / "tricky_sentences.json").read_text()
    )
    wrong = []
    for case in data["cases"]:
        got = [s.text for s in split_sentences(case["text"])]
        if got != case["sentences"]:
            wrong.append(f"{case['text']!r}\n  got  {got}\n  want {case['sentences']}")
    assert len(data["cases"]) >= 30
    assert not wrong, f"{len(wrong)}/{len(data['cases'])} split wrongly:\n" + "\n".join(wrong)
