"""Indirect speech beyond verbs with a clause: stance adjectives, topic phrases, `according to`
shapes, subjects set off by asides. Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.extract.indirect import _bare_noun, _tidy
from bot.extract.listable import listable
from bot.extract.mentions import tokens
from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _indirect(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text) if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Dairy farmers are worried about the new import quota.\n", "the new import quota"),
        ("The mayor has been openly critical of the transit board.\n", "the transit board"),
        (
            "Parents are concerned that the school will close early.\n",
            "that the school will close early",
        ),
        ("The union is eager to reopen the wage talks.\n", "to reopen the wage talks"),
        ("Two council members spoke in favor of the park levy.\n", "the park levy"),
        ("The coach talked openly about his knee surgery.\n", "his knee surgery"),
        ("There was public anger over the toll increase.\n", "the toll increase"),
        ("The pastor railed against the casino plan.\n", "the casino plan"),
        ("The founder boasted of record harvests.\n", "record harvests"),
        ("The airline apologized for the lost luggage.\n", "the lost luggage"),
        ("Most growers agreed with the new labeling rule.\n", "the new labeling rule"),
        ("The senator took a swipe at the budget office.\n", "the budget office"),
    ],
    ids=[
        "worried-about",
        "critical-of-after-adverb",
        "concerned-that",
        "eager-to",
        "in-favor-of",
        "talked-about",
        "anger-over",
        "railed-against",
        "boasted-of",
        "apologized-for",
        "agreed-with",
        "swipe-at",
    ],
)
def test_stance_and_topic_phrases_report_their_object(text: str, content: str) -> None:
    assert content in _indirect(text)


def test_a_time_after_the_preposition_is_no_topic() -> None:
    text = "Her remarks on Thursday drew a crowd.\n"
    assert [q for q in extract_quotes(text) if q.cue and q.cue.endswith(" on")] == []


def test_stance_word_without_a_linking_verb_is_not_a_report() -> None:
    text = "A worried about face appeared in the window.\n"
    assert [q for q in extract_quotes(text) if q.cue == "worried"] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "As The Harbor Gazette recently noted, ferry traffic has doubled since spring.\n",
            "ferry traffic has doubled since spring",
        ),
        (
            "As a county auditor noted, the fund ran dry in March.\n",
            "the fund ran dry in March",
        ),
        (
            "Ferry traffic has doubled, as a county auditor noted.\n",
            "Ferry traffic has doubled",
        ),
    ],
    ids=["as-named-source", "as-nominal-source", "trailing-as-clause"],
)
def test_as_x_noted_frames_the_rest_of_the_sentence(text: str, content: str) -> None:
    assert content in _indirect(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "In addition, according to the port authority, cargo volume fell by a third.\n",
            "cargo volume fell by a third",
        ),
        (
            "The bakery sold 4,000 loaves according to its owner, a record for the town.\n",
            "The bakery sold 4,000 loaves",
        ),
        ("That’s according to a tally kept by the league.\n", "That"),
    ],
    ids=["after-sentence-adverbial", "without-comma", "thats-according-to"],
)
def test_according_to_shapes(text: str, content: str) -> None:
    assert content in _indirect(text)


def test_called_for_is_a_report_not_a_name() -> None:
    text = "Local pastors have long called for a ban on payday lenders.\n"
    assert "a ban on payday lenders" in _indirect(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The treasurer -- who was out of town last week -- said the audit is complete.\n",
            "the audit is complete",
        ),
        (
            "The two judges - Ms. Ortiz and Mr. Baird - agreed the ruling should stand.\n",
            "the ruling should stand",
        ),
        (
            "Nearly seven out of 10 say the bus service has improved.\n",
            "the bus service has improved",
        ),
        ("Among retirees, 41% say they plan to move south.\n", "they plan to move south"),
    ],
    ids=["double-hyphen-aside", "spaced-hyphen-aside", "out-of-ten", "percent"],
)
def test_subjects_behind_asides_and_numbers(text: str, content: str) -> None:
    assert content in _indirect(text)


def test_said_in_a_statement_then_a_clause() -> None:
    text = "The museum said in a statement Friday it would return the mask.\n"
    assert "it would return the mask" in _indirect(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor argued, in a speech to the council on Monday, that the levy would fail.\n",
        "The harbour master insisted, however, that the levy would fail.\n",
    ],
    ids=["adjunct", "however"],
)
def test_an_aside_between_the_cue_and_its_that_clause(text: str) -> None:
    """The comma right after the cue opens an aside, not the content: the "that" after it does."""
    assert _indirect(text) == ["that the levy would fail"]


def test_a_cue_after_a_report_with_no_that_keeps_the_content_before_it() -> None:
    text = "The levy failed, the mayor said, adding that the vote was close.\n"
    assert _indirect(text) == ["The levy failed", "that the vote was close"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Economists worry that the levy will slow hiring.\n", "that the levy will slow hiring"),
        ("Council records indicate that the levy lapsed.\n", "that the levy lapsed"),
        ("Some residents wonder whether the levy will end.\n", "whether the levy will end"),
        ("The auditors conclude that the levy was misspent.\n", "that the levy was misspent"),
        ("Critics complain that the levy is too high.\n", "that the levy is too high"),
        ("Analysts note that the levy was never collected.\n", "that the levy was never collected"),
        ("Opponents counter that the levy funds the library.\n", "that the levy funds the library"),
        ("Few guessed that the levy would pass.\n", "that the levy would pass"),
    ],
    ids=["worry", "indicate", "wonder", "conclude", "complain", "note", "counter", "guessed"],
)
def test_plain_present_forms_of_cue_verbs_report_too(text: str, content: str) -> None:
    """A plural subject takes the bare form: it is as much a cue as "worries" or "indicated"."""
    assert _indirect(text) == [content]


def test_the_same_words_as_nouns_report_nothing() -> None:
    assert _indirect("The clerk put the forms on the counter.\n") == []
    assert _indirect("She left a note for the clerk.\n") == []


def test_plural_reporting_nouns_report_like_their_singulars() -> None:
    text = "The council made two proposals to raise the levy.\n"
    assert "to raise the levy" in _indirect(text)
    text = "The clerk sent reminders that the levy was due.\n"
    assert "that the levy was due" in _indirect(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor, however, said the levy was illegal.\n",
        "The mayor, in a statement, said the levy was illegal.\n",
        "Officials, speaking on Monday, said the levy was illegal.\n",
    ],
    ids=["however", "in-a-statement", "participle"],
)
def test_an_aside_between_subject_and_cue_keeps_the_report(text: str) -> None:
    assert _indirect(text) == ["the levy was illegal"]


@pytest.mark.parametrize("pronoun", ["he’s", "he's", "they’re"])
def test_a_contracted_pronoun_after_the_addressee_opens_the_content(pronoun: str) -> None:
    text = f"The clerk told the Gazette {pronoun} already collected the levy.\n"
    assert _indirect(text) == [f"{pronoun} already collected the levy"]


def test_a_report_nested_in_another_reports_content_is_not_listed_twice() -> None:
    text = "Analysts questioned whether voters believe the levy is fair.\n"
    assert _indirect(text) == ["whether voters believe the levy is fair"]


def test_one_word_answers_are_reports_but_times_are_not() -> None:
    assert "no" in _indirect("Asked whether he would run again, the mayor said no.\n")
    assert _indirect("The mayor said Monday.\n") == []


def test_span_opening_on_a_closing_quote_mark_is_no_report() -> None:
    text = "In 2012, under what Mr. Ward called ''the old model,'' the golf club lost money.\n"
    assert not any(c.startswith("'") for c in _indirect(text))


def _quote(text: str) -> Quote:
    return Quote(text=text, speaker=None, kind="indirect", start=100, end=100 + len(text), cue="x")


@pytest.mark.parametrize(
    "content",
    [
        "among suburban parents",  # "her support among ...": the cue was a noun
        "since the 1970s",  # "a rate not seen since ..."
        "up in their paychecks",  # "would show up ...": a phrasal verb, not a report
        "and the union plan before that",
        "just today",  # "as the paper reported just today"
        "last July",
        "' the golf club",
        "the mayor said",
    ],
)
def test_contents_no_one_asserted_are_dropped(content: str) -> None:
    assert _tidy(_quote(content)) is None


@pytest.mark.parametrize(
    ("content", "kept"),
    [
        (
            "the strike would last a week, and the company hired temporary drivers",
            "the strike would last a week",
        ),
        ("some waste even as she defended the budget", "some waste"),
        ("the tower was safe except that the stairs were unfinished", "the tower was safe"),
        ("that the levy failed, and that the board knew", None),
        ("the plan would cut costs", None),
    ],
)
def test_content_stops_where_another_statement_begins(content: str, kept: str | None) -> None:
    q = _tidy(_quote(content))
    assert q is not None
    assert q.text == (kept or content)
    assert q.end - q.start == len(q.text)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Reyes has broad support among parents", True),
        ("the county plan rejected the bid", True),
        ("Ruiz won 40 percent support among them", False),  # as in "64 percent call him fit"
        ("Most farmers support the rule", False),
        ("the ones who support the rule", False),
        ("They don’t support the rule", False),
        ("he would never support the rule", False),
        ("the key question is whether it passes", False),  # a noun cue with a clause: kept
    ],
)
def test_uninflected_cue_after_a_singular_noun_is_a_noun(text: str, noun: bool) -> None:
    toks = tokens(text)
    ci = next(i for i, t in enumerate(toks) if t.low in ("support", "plan", "question"))
    assert _bare_noun(toks, ci) is noun


def _reports(text: str) -> list[Quote]:
    return [q for q in extract_quotes(text) if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The merger of the two clinics was first reported by Jane Ortiz.\n",
            "The merger of the two clinics",
            "Jane Ortiz",
        ),
        ("The toll increase was rejected by the council on Monday.\n", "The toll increase", None),
        (
            "She read the memo, which was later confirmed by Mark Dunn.\n",
            "which",
            "Mark Dunn",
        ),
    ],
    ids=["adverb-between", "plain-passive", "relative-subject"],
)
def test_a_passive_report_with_an_agent_reports_its_subject(
    text: str, content: str, speaker: str | None
) -> None:
    hits = [q for q in _reports(text) if q.text == content]
    assert hits, _reports(text)
    if speaker:
        assert hits[0].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The bakery was sold in March.\n",  # no agent: no source, no report
        "The senator was told by aides to stay home.\n",  # an addressee, not content
        "The mayor was worried by the flood.\n",  # a stance adjective
    ],
    ids=["no-agent", "addressee", "adjective"],
)
def test_passives_that_report_nothing(text: str) -> None:
    assert [q.text for q in _reports(text) if not q.text.startswith("to ")] == []


def test_a_raised_complement_after_an_adverb_stays_the_content() -> None:
    text = "The governor is widely expected to sign the bill.\n"
    assert any(
        q.text.startswith("to sign the bill") or "sign the bill" in q.text for q in _reports(text)
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The notion that the race was over spread fast.\n",
            "that the race was over spread fast",
        ),
        (
            "His assurances that the plant would stay open calmed workers.\n",
            "that the plant would stay open calmed workers",
        ),
    ],
    ids=["notion-that", "assurances-that"],
)
def test_a_noun_of_saying_reports_its_that_clause(text: str, content: str) -> None:
    assert content in _indirect(text)


def test_a_relative_that_after_such_a_noun_is_no_report() -> None:
    text = "The county released a report that could raise new questions.\n"
    assert [q for q in _reports(text) if q.cue == "report"] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor tried to regain ground by pledging police reform and trying new ads.\n",
            "police reform",
        ),
        (
            "She quit the board after saying the audit was rigged.\n",
            "the audit was rigged",
        ),
        ("He left the firm before announcing his run in April.\n", "his run"),
    ],
    ids=["by-gerund", "after-gerund-clause", "before-gerund-time"],
)
def test_a_reporting_gerund_after_a_preposition_reports_its_object(text: str, content: str) -> None:
    assert content in _indirect(text)


def test_what_follows_a_quote_frame_is_manner_not_content() -> None:
    text = "\u201cWe will rebuild the pier,\u201d Mayor Ann Holt said happily on the radio.\n"
    assert [q.text for q in _reports(text)] == []


def test_a_that_clause_after_a_quote_frame_is_still_content() -> None:
    text = '"It is over," Holt said Monday that the pier would close.\n'
    assert "that the pier would close" in _indirect(text)


def test_a_second_that_clause_joined_by_but_stays_in_the_content() -> None:
    text = "The chief said that crime fell last year, but that thefts rose.\n"
    assert "that crime fell last year, but that thefts rose" in _indirect(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Notably absent from the long meeting, according to two aides, was any talk of taxes.\n",
            "Notably absent from the long meeting, according to two aides, was any talk of taxes",
        ),
        (
            "The fund is empty because according to the ledger, the county spent it.\n",
            "the county spent it",
        ),
        (
            "But the levy will pass, according to the county survey.\n",
            "the levy will pass",
        ),
    ],
    ids=["inserted-source", "that-according-to", "lead-conjunction"],
)
def test_according_to_in_the_middle_of_a_clause(text: str, content: str) -> None:
    assert content in _indirect(text)


def test_a_full_passive_with_an_agent_reports_its_subject_for_the_agent() -> None:
    text = "The claim was repeated by Home Secretary Ann Lee on Monday.\n"
    assert [(q.text, q.speaker) for q in _reports(text)] == [("The claim", "Ann Lee")]


def test_a_credit_line_of_names_is_no_report() -> None:
    text = "The count went on.\n\nContributing: Ann Lee, Bo Park and Cy Dunn, Daily Ledger.\n"
    assert [q for q in _reports(text) if q.cue == ":"] == []


def test_a_headline_colon_line_still_reports() -> None:
    text = "Mayor Ann Holt: The pier will reopen next spring.\n\nThe council met.\n"
    assert "The pier will reopen next spring" in _indirect(text)


def test_a_question_to_the_reader_is_no_report() -> None:
    text = "Do you support Ann Holt for mayor? Like the page.\n"
    assert _reports(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor's housing plan seems unlikely to pass the council.\n",
            "The mayor's housing plan seems unlikely to pass the council",
        ),
        (
            "Talks between the union and the rail operator appear to have stalled again.\n",
            "Talks between the union and the rail operator appear to have stalled again",
        ),
    ],
    ids=["seems-adjective", "appear-infinitive"],
)
def test_what_seems_so_is_its_subject_with_the_complement_and_has_no_speaker(
    text: str, content: str
) -> None:
    found = [q for q in extract_quotes(text) if q.kind == "indirect" and q.text == content]
    assert found, _indirect(text)
    assert found[0].speaker is None  # a plan that seems unlikely is nobody's statement


def test_appearing_somewhere_is_no_report() -> None:
    text = "The minister appeared on two radio programmes on Sunday morning.\n"
    assert not any(c.startswith("The minister") for c in _indirect(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The bakery chain has long been considered a likely buyer for the site.\n",
            "The bakery chain has long been considered a likely buyer for the site",
        ),
        (
            "At this stage, the council is expected to approve the budget, though two members object.\n",
            "the council is expected to approve the budget",
        ),
        (
            "The mill is expected to cut 270 jobs -- the first of 600 layoffs -- by March.\n",
            "The mill is expected to cut 270 jobs",
        ),
    ],
    ids=["considered-np-after-adverbs", "expected-after-opening-phrase", "expected-ends-at-dash"],
)
def test_what_is_expected_or_considered_is_the_subject_with_its_complement(
    text: str, content: str
) -> None:
    assert content in _indirect(text)


def test_reportedly_reports_its_clause_with_nobody_named() -> None:
    text = "Two rival carmakers have reportedly looked at the plant and passed.\n"
    found = [q for q in extract_quotes(text) if q.cue == "reportedly"]
    assert [q.text for q in found] == [
        "Two rival carmakers have reportedly looked at the plant and passed"
    ]
    assert found[0].speaker is None
    assert not listable(found[0])  # no speaker: kept for the record, never listed


def test_a_cue_in_a_to_infinitive_reports_the_clause_after_it() -> None:
    text = "Fans were calling friends on their phones to say they had met the striker.\n"
    assert "they had met the striker" in _indirect(text)


def test_a_pronoun_after_the_cue_opens_the_content_not_an_inverted_source() -> None:
    text = (
        "Ruth Adler, a Leeds rabbi helping to organise the boycott, said she and other rabbis "
        "were alarmed by the remarks.\n"
    )
    found = [q for q in extract_quotes(text) if q.kind == "indirect" and q.cue == "said"]
    assert [q.text for q in found] == ["she and other rabbis were alarmed by the remarks"]
    assert found[0].speaker == "Ruth Adler"


def test_a_name_after_the_cue_is_the_source_even_after_a_relative_clause() -> None:
    text = (
        "The slogan appeals to older voters who miss the era of full employment, said Alan "
        "Brook, a historian at York.\n"
    )
    found = [q for q in extract_quotes(text) if q.kind == "indirect" and q.cue == "said"]
    assert [(q.text, q.speaker) for q in found] == [
        (
            "The slogan appeals to older voters who miss the era of full employment",
            "Alan Brook",
        )
    ]


def test_words_before_a_quote_that_closes_with_he_said_are_no_report() -> None:
    text = 'Right now, the club is "doing everything it can to stop the slide," he said.\n'
    assert "Right now" not in _indirect(text)


def test_what_follows_a_dash_stays_in_the_reported_clause() -> None:
    text = "Union leaders pushed for a single pension plan — a goal for many younger staff.\n"
    assert _indirect(text) == ["a single pension plan — a goal for many younger staff"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The minister said on Thursday during a visit to a farm in Kent, England, that the "
            "subsidy would stay.\n",
            "that the subsidy would stay",
        ),
        (
            "Aides told the newspaper, however, that she had spoken to the board.\n",
            "that she had spoken to the board",
        ),
    ],
    ids=["long-adjunct", "however"],
)
def test_that_after_an_adjunct_set_off_by_commas_is_the_content(text: str, content: str) -> None:
    assert content in _indirect(text)


def test_a_stance_gerund_after_in_reports_its_object() -> None:
    text = "The council leader was equally vocal in opposing the new bypass.\n"
    assert "the new bypass" in _indirect(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor lagged behind other leaders in calling for the closure of the mine.\n",
            "the closure of the mine",
        ),
        (
            "The pamphlet was attacked for singling out migrants and calling for a ban on "
            "new arrivals.\n",
            "a ban on new arrivals",
        ),
    ],
    ids=["in-calling-for", "and-calling-for"],
)
def test_a_gerund_cue_with_a_preposition_after_in_or_and_is_a_verb(text: str, content: str) -> None:
    assert content in _indirect(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ann Lee was the first councillor to endorse the bypass plan.\n",
            "the bypass plan",
        ),
        (
            "The union has been reluctant to publicly criticise the new owners.\n",
            "the new owners",
        ),
        (
            "The committee will meet on Monday to discuss the cuts to the library budget.\n",
            "the cuts to the library budget",
        ),
    ],
    ids=["to-endorse", "to-adverb-criticise", "to-discuss"],
)
def test_a_stance_cue_in_a_to_infinitive_reports_its_object(text: str, content: str) -> None:
    assert content in _indirect(text)


def test_a_gerund_cue_after_by_and_an_adverb_has_its_subject_earlier() -> None:
    text = "The club angered fans by publicly criticising the new stadium plan.\n"
    assert "the new stadium plan" in _indirect(text)


def test_a_participle_cue_after_a_singular_noun_is_a_reduced_relative() -> None:
    text = "The protest was led by a residents' group opposing the incinerator.\n"
    assert "the incinerator" in _indirect(text)


def test_a_participle_cue_after_a_noun_and_an_adverb_is_a_reduced_relative() -> None:
    text = "The march was led by a residents' group openly opposing the incinerator.\n"
    assert "the incinerator" in _indirect(text)
