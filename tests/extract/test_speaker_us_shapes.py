"""US news shapes (Multi-News pages, stories_dev tune half) where the article names the
speaker and the bot used to leave the quote unattributed."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_two_roles_joined_by_and_before_the_name() -> None:
    text = (
        "The new tree was published on Thursday.\n\n"
        '"This is fairly novel, to reconstruct an ancestor," said study coauthor and '
        "paleontologist Mike Novacek, the provost of science at the American Museum of Natural "
        'History in New York. "I don\'t know of any other."'
    )
    assert _quote(text, "fairly novel").speaker == "Mike Novacek"
    assert _quote(text, "any other").speaker == "Mike Novacek"


def test_a_study_with_no_name_after_it_stays_a_study() -> None:
    text = (
        "Researchers looked at 3,000 patients.\n\n"
        '"The risk of dementia was higher in people who took the drugs for years," the study '
        "and its appendix said."
    )
    assert _quote(text, "risk of dementia").speaker is None


def test_according_to_a_paper_after_a_named_cue_before_the_quote() -> None:
    text = (
        "Government officials were frustrated with the company for missing deadlines, and "
        "Michelle Snyder, CMS\u2019s chief operating officer, told colleagues, \u201cIf we could "
        "fire them, we would,\u201d according to The New York Times."
    )
    assert _quote(text, "fire them").speaker == "Michelle Snyder"


def test_a_label_paragraph_names_the_quote_after_it() -> None:
    text = (
        "Pundits made their predictions.\n\n"
        "Fox News\u2019s Sean Hannity:\n\n"
        "\u201cI got this, Romney three points, and I think it will be a long night.\u201d "
        "\u2014 Nov. 2, on Fox News.\n\n"
        "CNBC\u2019s Larry Kudlow:\n\n"
        "\u201cI am now predicting a 330 vote electoral vote landslide.\u201d \u2014 Oct. 25."
    )
    assert _quote(text, "Romney three points").speaker == "Sean Hannity"
    assert _quote(text, "landslide").speaker == "Larry Kudlow"


def test_a_label_with_words_after_the_name_names_nobody() -> None:
    # "Kudlow on the markets:" may introduce a quote about him as well as one by him
    text = (
        "Pundits made their predictions.\n\n"
        "CNBC\u2019s Larry Kudlow on the markets:\n\n"
        "\u201cI got this, Romney three points, and I think it will be a long night.\u201d"
    )
    assert _quote(text, "Romney three points").speaker is None


def test_a_company_described_between_its_name_and_its_verb_speaks() -> None:
    text = (
        "Researchers studied the heartburn drugs.\n\n"
        'AstraZeneca, the maker of Nexium, said, "Patient safety is an important priority and '
        'we believe all of our medicines are generally safe."'
    )
    assert _quote(text, "Patient safety").speaker == "AstraZeneca"


def test_a_place_after_said_stays_unnamed() -> None:
    text = (
        "Researchers studied the heartburn drugs.\n\n"
        "The study was run in Cardiff last year. "
        '"Patient safety is an important priority and we believe all of our medicines are '
        'generally safe," said Cardiff.'
    )
    assert _quote(text, "Patient safety").speaker is None


def test_a_lone_word_after_said_speaks() -> None:
    # bbc_dev tune half (tech): a company quoted with an inverted cue only
    text = (
        "Gadget show opens\n\n"
        "The pocket hard drive from Seagate might help. "
        '"It is the kind of storage that appeals to people who want their PCs to look cool," '
        "said Seagate."
    )
    assert _quote(text, "kind of storage").speaker == "Seagate"


def test_a_misspelt_surname_is_the_person_named_in_full() -> None:
    # quotes_review_bbc_blind8 #7068: "said Daveport" after "Lindsay Davenport"
    text = (
        "Davenport backs equal pay\n\n"
        "World number one Lindsay Davenport has backed the move to equal prize money.\n\n"
        '"You hear about women playing only three sets while men play five," said Daveport.'
    )
    assert _quote(text, "only three sets").speaker == "Lindsay Davenport"


def test_a_paragraph_left_open_is_the_speaker_whose_cue_closes_the_quotation() -> None:
    text = (
        "The vote was close.\n\n"
        '"We have worked on this bill for two years and we are not going to give up now.\n\n'
        '"The people of this state deserve better than what they have been getting from '
        'Washington," Senator John Smith said.'
    )
    assert _quote(text, "two years").speaker == "John Smith"


def test_an_open_paragraph_about_the_speaker_is_not_their_words() -> None:
    text = (
        "Read the latest updates below:\n\n"
        '"Sen. Bernie Sanders took the stage in Iowa late Monday night trailing Hillary Clinton '
        "by just 0.3 percentage points.\n\n"
        '"While the results are not yet known, it looks like we are in a virtual tie," '
        "Sanders said."
    )
    assert _quote(text, "took the stage").speaker is None


_MAYOR = (
    'Police Chief Mike Cantaloupe said in a statement Thursday, "There are no words to describe '
    'how utterly inhumane and cruel the actions of these juveniles were."\n\n'
    "Cocoa Mayor Henry Parrish III released a statement today regarding the incident. "
    '"It saddens me to the core to watch video shot by a group of kids watching a man drown," '
    "he said.\n"
)


def test_a_generation_after_a_name_keeps_it_a_person() -> None:
    # quotes_review_mn_tune #23050: "Henry Parrish III" is a person, not an acronym "III"
    assert _quote(_MAYOR, "It saddens me").speaker == "Henry Parrish"


def test_a_place_and_a_title_before_a_name_open_the_sentence() -> None:
    # "Cocoa Mayor Henry Parrish" opens its sentence as "Mayor Henry Parrish" would: he is
    # the nearer subject a he refers to, not the police chief quoted before
    text = _MAYOR.replace(" III", "")
    assert _quote(text, "It saddens me").speaker == "Henry Parrish"
