"""Web-page furniture (social embeds, crawl, cookie and newsletter notices, share lines) is
boilerplate, and a page made of nothing else has no story text to index."""

from __future__ import annotations

import pytest

from bot.extract.boilerplate import has_story_text, is_boilerplate
from bot.ingest.readers import ReadError, from_text


@pytest.mark.parametrize(
    "line",
    [
        "Tweet with a location",
        "Add a location to your Tweets",
        "You can add location information to your Tweets, such as your city, from the web.",
        "You always have the option to delete your Tweet location history.",
        "Learn more",
        "Great night in Leeds! — Jo Bloggs (@jobloggs) March 3, 2019",
        "pic.twitter.com/AbC123xyz",
        "This crawl was run at a level 1 with all outbound links.",
        "The seed for this crawl was a list of hosts in the Wayback Machine.",
        "We use cookies to give you the best experience on our website.",
        "By continuing to use this site you agree to our cookie policy.",
        "Sign up for our daily newsletter to get the headlines.",
        "Get the best stories delivered to your inbox.",
        "Advertisement Continue reading the main story",
        "Share on Facebook Share on Twitter",
        "Click to share",
        "Photo by Sam Smith",
        "Image copyright Getty Images",
        "Photo",
        "___",
    ],
)
def test_web_furniture_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "The company said it would let users add a location to posts next year.",
        "Rescuers had to crawl through the rubble to reach the survivors.",
        "The Internet pioneer said archives of early websites were being lost.",
        "Regulators fined the firm for setting cookies without consent, the court heard.",
        "She tweeted a photo of the crowd outside the stadium on Sunday night.",
        "Newsletters from the campaign were found in the car, police said.",
    ],
)
def test_story_sentences_about_the_web_are_not_boilerplate(sentence: str) -> None:
    assert not is_boilerplate(sentence)


TWITTER_NOTICE = (
    "Tweet with a location\n\nYou can add location information to your Tweets, such as your "
    "city or precise location, from the web and via third-party applications. You always have "
    "the option to delete your Tweet location history. Learn more"
)
CRAWL_NOTICE = (
    "These crawls are part of an effort to archive pages as they are created and archive the "
    "pages that they refer to. That way, as the pages that are referenced are changed or taken "
    "from the web, a link to the version that was live when the page was written will be kept."
)
STORY = (
    "Flood warnings were issued for three towns on Tuesday after the river rose by two metres "
    "overnight.\n\nWe use cookies to improve this site.\n\nResidents of the lowest streets were "
    "moved to a school hall, the council said, and more rain is expected on Thursday."
)


def test_pages_of_notices_have_no_story_text_and_stories_do() -> None:
    assert not has_story_text(TWITTER_NOTICE)
    assert not has_story_text(CRAWL_NOTICE)
    assert has_story_text(STORY)


def test_a_page_of_notices_is_refused_at_reading_with_the_reason() -> None:
    with pytest.raises(ReadError, match="no article text"):
        from_text(TWITTER_NOTICE, source="tweet.html")
    assert from_text(STORY, source="flood.txt").text == STORY


def test_hard_wrapped_and_short_line_stories_keep_their_text() -> None:
    wrapped = (
        "Flood warnings were issued for three towns\non Tuesday after the river rose by two\n"
        "metres overnight. Residents were moved to\na school hall, the council said."
    )
    assert has_story_text(wrapped)
    assert from_text(wrapped, source="wrapped.txt").text == wrapped
