"""Issue 19, stop 36: "a half-dozen" and "half a dozen" are six, not a dozen (quotes_dev's tune
half: "The term included a half-dozen potential blockbusters")."""

from __future__ import annotations

import pytest

from bot.extract import analyse


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The term that ended on Monday included a half-dozen potential blockbusters.", 6.0),
        ("She has tested a half dozen slogans this year.", 6.0),
        ("At least half a dozen House Democrats have raised concerns.", 6.0),
        ("He said a dozen House Democrats have raised concerns.", 12.0),
    ],
)
def test_dozen_value(text: str, value: float) -> None:
    assert [f.value for f in analyse(text).figures] == [value]
