"""Quote extraction: seed gold quotes with their speakers, plus small literal cases."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.quotes import extract_quotes
from bot.extract.speakers import speaker_key
from bot.model import Quote
from tests.conftest import GOLD, ROOT


def _norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').lower()
    return re.sub(r"\s+", " ", s).strip(' ".,')


def _seed(article: str) -> str:
    return (ROOT / "seeds" / f"{article}.txt").read_text(encoding="utf-8")


def _same_person(name: str | None, gold_name: str) -> bool:
    return name is not None and speaker_key(name) == speaker_key(gold_name)


def _by_text(quotes: list[Quote], fragment: str, direct: bool = False) -> Quote:
    hits = [q for q in quotes if fragment in q.text and not (direct and q.kind == "indirect")]
    assert hits, f"no quote contains {fragment!r}"
    return hits[0]


@pytest.mark.parametrize(
    "gold", [q for q in GOLD["quotes"] if not q.get("unnamed")], ids=lambda q: q["quote"][:30]
)
def test_every_seed_quote_is_found_with_its_speaker(gold: dict) -> None:
    text = _seed(gold["article"])
    quotes = extract_quotes(text)
    want = _norm(gold["quote"])
    found = [q for q in quotes if q.kind in ("direct", "partial") and _norm(q.text) == want]
    assert found, f"missed {gold['quote']!r}"
    assert any(_same_person(q.speaker, gold["speaker"]) for q in found), [q.speaker for q in found]


def test_offsets_cover_exactly_the_quoted_text() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for q in extract_quotes(text):
            assert text[q.start : q.end] == q.text
            assert q.kind in ("direct", "partial", "indirect")


def test_interrupted_quote_gives_two_segments_with_one_speaker() -> None:
    text = 'Ann Lee spoke first.\n"We will win," Ms. Lee said, "and we will win soon."\n'
    direct = [q for q in extract_quotes(text) if q.kind != "indirect"]
    assert [q.text for q in direct] == ["We will win,", "and we will win soon."]
    assert {q.speaker for q in direct} == {"Ann Lee"}


def test_unclosed_quote_runs_to_the_end_of_its_paragraph() -> None:
    text = "Mayor Jo Park said: \u201cThe bridge is safe. It will reopen soon.\nSomething else happened.\n"
    q = _by_text(extract_quotes(text), "The bridge is safe")
    assert q.text == "The bridge is safe. It will reopen soon."
    assert q.speaker == "Jo Park"


def test_unbalanced_quote_marks_never_swallow_the_rest_of_the_article() -> None:
    text = (
        "Ann Lee opened the session. \u201cWe will build the bridge, she said.\n\n"
        'The council voted 5-2. "It is done," Mayor Jo Park said.\n\n'
        'Residents \u201d complained about noise. A stray " mark here.\n\n'
        "The bridge opens in May, officials said.\n"
    )
    quotes = extract_quotes(text)
    for q in quotes:
        assert "\n" not in text[q.start : q.end], q
    direct = [q for q in quotes if q.kind != "indirect"]
    assert direct[0].text == "We will build the bridge, she said."
    park = _by_text(quotes, "It is done", direct=True)
    assert park.text == "It is done," and park.speaker == "Jo Park"
    last = _by_text(quotes, "The bridge opens in May")
    assert last.kind == "indirect"


def test_a_thousand_unclosed_marks_stay_in_their_paragraphs() -> None:
    para = 'He said "yes and then \u201cno and \u00ab maybe.'
    text = "\n\n".join([para] * 1000)
    quotes = extract_quotes(text)
    assert quotes and all("\n" not in q.text for q in quotes)


def test_titles_and_scare_quotes_are_not_quotes() -> None:
    text = (
        "The senator appeared on \u201cMeet the Press\u201d on Sunday.\n"
        "The plan is a \u201cgiveaway\u201d to banks.\n"
    )
    assert [q for q in extract_quotes(text) if q.kind != "indirect"] == []
    # someone is said to use the words: a quote, unattributed when nobody is named (issue 18)
    critics = "Critics call the plan a \u201cgiveaway\u201d to banks.\n"
    quotes = [q for q in extract_quotes(critics) if q.kind != "indirect"]
    assert [(q.text, q.speaker) for q in quotes] == [("giveaway", None)]


def test_pronoun_and_title_resolve_to_the_full_name() -> None:
    text = (
        "Russian President Vladimir V. Putin spoke in Moscow.\n"
        "\u201cWe will definitely expel them,\u201d Mr. Putin said.\n"
        "\u201cThe answer is no,\u201d he added.\n"
    )
    quotes = extract_quotes(text)
    assert _by_text(quotes, "expel them").speaker == "Vladimir Putin"  # initials dropped
    assert _by_text(quotes, "The answer is no").speaker == "Vladimir Putin"


def test_inverted_attribution_with_appositive() -> None:
    text = (
        "\u201cThe Russians are very worried,\u201d said Andrii Kovalenko, a senior official, "
        "referring to the region.\n"
    )
    assert _by_text(extract_quotes(text), "very worried").speaker == "Andrii Kovalenko"


def test_partial_quote_in_a_reported_sentence() -> None:
    text = "Mayor Jo Park said the storm was \u201cthe worst in decades\u201d and asked for help.\n"
    q = _by_text(extract_quotes(text), "worst in decades", direct=True)
    assert q.kind == "partial" and q.speaker == "Jo Park"


def test_continuing_quote_keeps_the_speaker() -> None:
    text = (
        "\u201cThe troops are fulfilling their tasks,\u201d Gen. Oleksandr Syrskyi said. "
        "\u201cThe situation is under our control.\u201d\n"
    )
    q = _by_text(extract_quotes(text), "under our control")
    assert q.speaker == "Oleksandr Syrskyi"


def test_indirect_speech_after_said_that() -> None:
    text = "Health Minister Ana Ruiz said that the new clinic would open in March.\n"
    q = _by_text(extract_quotes(text), "new clinic")
    assert q.kind == "indirect"
    assert q.text == "that the new clinic would open in March"  # PolNeAR keeps the complementizer
    assert q.speaker == "Ana Ruiz"


def test_indirect_speech_with_according_to_an_organisation() -> None:
    text = "Over 76,000 people were evacuated from the region, according to Russia's TASS state news agency.\n"
    q = _by_text(extract_quotes(text), "76,000")
    assert q.kind == "indirect"
    assert q.text == "Over 76,000 people were evacuated from the region"
    assert q.speaker is not None and "TASS" in q.speaker


def test_indirect_speech_before_the_cue() -> None:
    text = "Ana Ruiz spoke on Monday.\nThe clinic will open in March, she said.\n"
    q = _by_text(extract_quotes(text), "clinic will open")
    assert (q.kind, q.text, q.speaker) == ("indirect", "The clinic will open in March", "Ana Ruiz")


def test_addressee_is_not_reported_speech() -> None:
    text = "\u201cWe are ready,\u201d Vladimir Putin told his defense officials on Monday.\n"
    assert [q.text for q in extract_quotes(text)] == ["We are ready,"]


def test_text_without_quotes_or_cues_gives_nothing() -> None:
    assert extract_quotes("Fighting continued along the front line overnight.") == []
    assert extract_quotes("") == []


_PIECES = [
    "said",
    "told",
    "according to",
    "he",
    "she",
    "Mr.",
    "Putin",
    "Ana Ruiz",
    "\u201c",
    "\u201d",
    '"',
    "''",
    ",",
    ".",
    ":",
    "\n",
    "Asked",
    "whether",
    "that",
    "The",
    "Sen.",
    "R-Ky.",
    "Kyiv",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=8), max_size=60))
def test_any_text_gives_quotes_whose_offsets_hold(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for q in extract_quotes(text):
        assert text[q.start : q.end] == q.text and q.text
        assert q.kind in ("direct", "partial", "indirect")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Hillary Clinton slammed Barack Obama as elitist on Tuesday.",
            "Barack Obama as elitist",
            "Hillary Clinton",
        ),
        (
            "Sen. Ted Cruz (R-Tex.) has vowed to repeal the health law if elected.",
            "to repeal the health law if elected",
            "Ted Cruz",
        ),
        (
            "As POLITICO revealed, most of the money went to books.",
            "most of the money went to books",
            "POLITICO",
        ),
        (
            "Voters are angry, said Ann Lee, who runs the poll, and turnout will fall, she added.",
            "turnout will fall",
            "Ann Lee",
        ),
        (
            "The deficit will grow this year, the nonpartisan Congressional Budget Office reported.",
            "The deficit will grow this year",
            "Congressional Budget Office",
        ),
        (
            "Mayor Jo Park said the bridge is safe and urged residents to stay calm.",
            "the bridge is safe",
            "Jo Park",
        ),
        (
            "Turnout fell by a third, according to the group, which monitors elections, "
            "and the count went on.",
            "Turnout fell by a third",
            None,
        ),
        (
            "Mayor Jo Park vowed to repeal the tax, and her rivals laughed at the idea.",
            "to repeal the tax",
            "Jo Park",
        ),
        (
            "Jo Park, the chairwoman of the county party, is supporting Ann Lee as a delegate.",
            "Ann Lee as a delegate",
            "Jo Park",
        ),
        (
            "The economy will grow, according to the bank, and jobs will follow.",
            "The economy will grow",
            None,
        ),
        (
            "The bridge is safe, she said after meeting the engineers.",
            "The bridge is safe",
            None,
        ),
        (
            "Sen. Ann Lee, R-Tex., a long-shot candidate, said the governor is wrong on taxes.",
            "the governor is wrong on taxes",
            "Ann Lee",
        ),
        (
            "The campaign said the results in Iowa and New Hampshire show Cruz is ahead.",
            "the results in Iowa and New Hampshire show Cruz is ahead",
            None,
        ),
        (
            "The tax, which Gov. Ann Lee also supports, would fund schools.",
            "which",
            "Ann Lee",
        ),
        (
            "Gov. Ann Lee told the newspaper she would rather vote for Bob Hart.",
            "she would rather vote for Bob Hart",
            "Ann Lee",
        ),
        (
            "Ann Lee told The Star-Ledger of Newark last week she would vote for Bob Hart.",
            "she would vote for Bob Hart",
            "Ann Lee",
        ),
    ],
    ids=[
        "stance-verb",
        "aside-and-infinitive",
        "as-x-revealed",
        "inverted",
        "org-modifier",
        "coord",
        "according-to-source-with-relative-clause",
        "infinitive-ends-at-comma",
        "progressive-is-not-passive",
        "according-to-closes-content",
        "closing-cue-with-adjunct",
        "appositive-subject-not-inverted",
        "coordinated-subject-with-stance-verb-stays-content",
        "relative-pronoun-object",
        "told-common-noun-addressee",
        "told-addressee-of-place",
    ],
)
def test_indirect_speech_content_and_source(text: str, content: str, speaker: str | None) -> None:
    q = next(q for q in extract_quotes(text) if q.kind == "indirect" and q.text == content)
    assert q.speaker == speaker


def test_coordinated_cue_gives_its_own_report() -> None:
    text = "Mayor Jo Park said the bridge is safe and urged residents to stay calm.\n"
    texts = [q.text for q in extract_quotes(text) if q.kind == "indirect"]
    assert texts == ["the bridge is safe", "residents to stay calm"]


def test_a_noun_is_not_a_stance_verb() -> None:
    text = "Her aides ignored a request for comment about the support for the plan.\n"
    assert [q for q in extract_quotes(text) if q.cue in ("request", "support")] == []


def test_naming_and_passive_stance_verbs_are_not_reports() -> None:
    text = "She hosts a show called Judge Jo.\nThe claim, repeated by the Home Secretary, spread.\n"
    assert [q for q in extract_quotes(text) if q.kind == "indirect"] == []


def test_a_participle_after_the_cue_starts_a_new_report() -> None:
    text = "It had to be brought together, he added, saying action was needed on poverty.\n"
    texts = [q.text for q in extract_quotes(text) if q.kind == "indirect"]
    assert "It had to be brought together" in texts
    assert "action was needed on poverty" in texts


def test_relative_object_gives_no_trailing_adjunct_as_content() -> None:
    text = "Her victory, which Gov. Ann Lee conceded when polls closed, was big.\n"
    texts = [q.text for q in extract_quotes(text) if q.kind == "indirect"]
    assert texts == ["which"]
