"""The one table reader: every shipped .tsv is read the same way, comments and blanks skipped."""

from bot.extract.unit_table import CURRENCY_SYMBOLS
from bot.extract.word_lists import table, table_rows


def test_table_rows_skip_comments_and_blank_lines_and_strip_cells() -> None:
    text = "# word\tkind\n\nUK \t country\n  # indented note\nCEO\ttitle\n"
    assert table_rows(text) == (("UK", "country"), ("CEO", "title"))


def test_every_shipped_table_has_rows_of_one_width() -> None:
    for name in ("claim_verbs.tsv", "count_modifiers.tsv", "given_names.tsv", "not_bodies.tsv"):
        rows = table(name)
        assert rows and len({len(r) for r in rows}) == 1, name


def test_currency_table_in_bot_data_gives_the_pound_sign() -> None:
    assert CURRENCY_SYMBOLS["£"] == "GBP"
