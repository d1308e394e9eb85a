"""Publication dates only where the source states them: full, unambiguous, not in the future."""

from __future__ import annotations

import pytest

from bot.ingest.dates import date_in_text, date_in_url

BODY = "\nThe council met on Monday to discuss the plans for the new bridge over the river.\n"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Published: 12 March 2024", "2024-03-12"),
        ("First published on Tue 5 Nov 2019", "2019-11-05"),
        ("Date: 2021-02-28", "2021-02-28"),
        ("Posted March 3rd, 2020", "2020-03-03"),
        ("LONDON, March 3, 2021 (Reuters) -", "2021-03-03"),
        ("KYIV, 12 August 2024 —", "2024-08-12"),
        ("Published: 2021-02-30", ""),  # no such day
        ("Published: 12 March", ""),  # no year: not guessed
        ("Published: 03/04/2021", ""),  # 3 April or March 4: ambiguous, not guessed
        ("Published: 1 January 2999", ""),  # the future
        ("In 2019, on 5 May 2019, the council met.", ""),  # a date in a sentence
        ("WASHINGTON (AP) — The council met.", ""),  # a dateline without a date
    ],
)
def test_dates_in_the_first_lines(head: str, expected: str) -> None:
    found = date_in_text(head + BODY)
    assert found[:10] == expected


def test_a_date_deep_in_the_text_is_not_taken() -> None:
    lines = ["Bridge plans"] + ["The council met again to talk."] * 8 + ["Published: 12 March 2024"]
    assert date_in_text("\n".join(lines)) == ""


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.com/2024/03/12/bridge-opens", "2024-03-12"),
        ("https://news.example.com/world/2019-11-05-floods.html", "2019-11-05"),
        ("https://news.example.com/story/20240312", ""),
        ("https://news.example.com/2024/13/40/x", ""),
        ("https://example.com/a?date=2024/03/12/", ""),  # not in the path
    ],
)
def test_dates_in_urls(url: str, expected: str) -> None:
    assert date_in_url(url)[:10] == expected
