"""One table (data/not_bodies.tsv) says which acronyms are never a body: countries, blocs,
titles, times and things. Claimants, inquiring bodies and speakers all read it."""

from __future__ import annotations

from bot.extract.claim_referents import named_body
from bot.extract.claim_subjects import bodies_named
from bot.extract.lexicon import COUNTRY_CODES, NOT_BODIES


def test_countries_are_the_tables_country_rows() -> None:
    assert {"US", "USA", "UK", "GB"} == COUNTRY_CODES
    assert COUNTRY_CODES <= NOT_BODIES


def test_an_acronym_body_is_named_but_a_country_or_a_measure_is_not() -> None:
    s = "The FDA said GDP in the UK would fall by 2%, the CEO told the BBC."
    assert {a for a, _ in bodies_named(s)} == {"FDA", "BBC"}


def test_the_sec_finds_but_the_uk_and_gdp_do_not() -> None:
    assert named_body("The SEC")
    assert not named_body("The UK")
    assert not named_body("GDP")
