"""Whether a bare number is a person's age: "Smith, 45, denies", "Hingis was 22 when she
retired", "has died at 50", "the voting age is 18". Split from counted.py (the counted-noun
reader) so each module has one job; an age is read only where no counted noun follows.

This is the one reader of ages: the candidate reader (figure_candidates) asks
age_before_unit, the counted-noun reader (counted) asks is_age and age_apposition."""

from __future__ import annotations

import re
from functools import cache

from bot.extract.figure_reading import Cand
from bot.extract.gender import given_names, name_genders
from bot.extract.word_lists import word_list


def is_age(text: str, c: Cand) -> bool:
    """A bare number read as an age by one of the readers below (the apposition apart)."""
    return (
        _age_after_copula(text, c)
        or _age_of_person(text, c)
        or _age_after_age_noun(text, c)
        or _age_beside_age_noun(text, c)
    )


# who is so old: a pronoun, a name, or an age ("Hingis was", "I am", "who is", "the voting
# age is")
_COPULA_BEFORE = re.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|I|[Yy]ou|[Ww]e|[Tt]hey|[Ww]ho|age|[A-Z][a-z]+)\s+"
    r"(?:is|was|am|are|were|turned|turns|(?:will|would|might|could|may|must|should|to)\s+"
    r"(?:be|turn))"
    r"|\bI'm|\b(?:he|she|you|we|they)'s|\baged)\s+(?:only\s+|just\s+|not\s+)?$"
)
_ANY_COPULA_BEFORE = re.compile(r"\b(?:is|was|were|are)\s+(?:only\s+|just\s+)?$")
# "... was 22 when she retired": the person the clause goes on to name is the one so old
_WHEN_PERSON_AFTER = re.compile(r"\s+when\s+(?:he|she|I|they|we|you)\b")
_CLAUSE_AFTER = re.compile(
    r"\s*(?:[,.;!?]|when\b|and\b|but\b|$|(?:next|this|last)\s+(?:week|month|year)\b"
    r"|at\s+the\s+time\b|by\s+(?:the\s+end|then|now)\b)"
)


def _plain_age_number(c: Cand) -> bool:
    """A single whole number a person could be, with no scale word ("50", not "50m")."""
    return (
        not c.is_range
        and c.is_int
        and c.value is not None
        and 1 <= c.value <= 110
        and c.scale == 1.0
    )


# only a person dies, retires or marries "at 50"; "He is a great striker and only 25": a person
# described, then how old he is
_LIFE_EVENT_AT = re.compile(
    r"(?:\b(?:died|dies|retired|retires|retiring|married|marries|left\s+school)"
    # "Mr Hague became an MP at 27": a person became something at an age
    r"|(?:\b[Hh]e|\b[Ss]he|\bI|\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\.?\s+[A-Z][\w'’\-]+"
    r"|\b[A-Z][a-z]+\s+[A-Z][a-z]+)\s+(?:became|becomes))\b[^.;,\d]{0,30}"
    r"\bat\s+$"
    r"|\b(?:[Hh]e|[Ss]he|I)\s+(?:is|was|am)\b[^.;,\d]{0,40}\band\s+(?:only|just|still)\s+$"
    r"|\b(?:average|median|mean)\s+age\b[^.;,\d]{0,30}\b(?:being|is|was|of|at)\s+$"
)


def _age_of_person(text: str, c: Cand) -> bool:
    """A bare whole number ending the clause after a person's life event or description."""
    return (
        _plain_age_number(c)
        and c.kind == "digits"
        and bool(_LIFE_EVENT_AT.search(text, max(0, c.start - 60), c.start))
        and bool(_CLAUSE_AFTER.match(text, c.end) or _AFTER_EVENT.match(text, c.end))
    )


@cache
def _age_nouns() -> tuple[str, ...]:
    """The age words of data/age_nouns.txt as patterns, longest first."""
    words = sorted(word_list("age_nouns.txt"))
    return tuple(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])


@cache
def _age_noun_before() -> re.Pattern[str]:
    """An age word (data/age_nouns.txt), then up to 40 characters of the same clause with no
    other number, then the word that leads to the number ("is", "at", "from", ...)."""
    nouns = "|".join(_age_nouns())
    return re.compile(
        rf"\b(?:{nouns})\b[^.;:!?\d]{{0,40}}\b(?:is|was|are|were|be|of|at|to|from|around|about"
        r"|nearly|almost|just|only)\s+$",
        re.IGNORECASE,
    )


def _age_after_age_noun(text: str, c: Cand) -> bool:
    """A whole number (or a range of two) a person could be, after an age word in its clause
    and ending it: "the voting age is 18", "pension age would rise from 60 to 65"."""
    ends = [c.value] if not c.is_range else [c.low, c.high]
    return (
        c.kind == "digits"
        and c.is_int
        and c.scale == 1.0
        and all(v is not None and 1 <= v <= 110 for v in ends)
        and bool(_age_noun_before().search(text, max(0, c.start - 80), c.start))
        and bool(_CLAUSE_AFTER.match(text, c.end) or _AFTER_EVENT.match(text, c.end))
    )


# "candidates must be 21 while the voting age is 18": a bare number a person must be, in a
# sentence about ages
_BE_BEFORE = re.compile(
    r"\b(?:be|is|was|are|were|been)\s+(?:now\s+|still\s+)?(?:only\s+|just\s+|at\s+least\s+)?$"
)
_CLAUSE_OR_WHILE_AFTER = re.compile(r"\s*(?:[,.;!?]|$)|\s+(?:while|whereas|when|and|but|or)\b")


def _age_beside_age_noun(text: str, c: Cand) -> bool:
    """A whole number a person could be, right after "be"/"is" and ending its clause, in a
    sentence whose other clause names an age ("must be 21 while the voting age is 18"); an age
    word before it with another number between does not count."""
    if not (_plain_age_number(c) and c.kind == "digits"):
        return False
    if not (
        _BE_BEFORE.search(text, max(0, c.start - 20), c.start)
        and _CLAUSE_OR_WHILE_AFTER.match(text, c.end)
    ):
        return False
    start = max(text.rfind(". ", 0, c.start), text.rfind("\n", 0, c.start)) + 1
    stop = min(i for i in (text.find(". ", c.end), text.find("\n", c.end), len(text)) if i >= 0)
    if _age_word().search(text, c.end, stop) is not None:
        return True
    before = list(_age_word().finditer(text, start, c.start))
    # "The average age of the 30 players is 27": another number between, so left unread
    return bool(before) and not any(ch.isdigit() for ch in text[before[-1].end() : c.num_start])


@cache
def _age_word() -> re.Pattern[str]:
    """Any age word of data/age_nouns.txt."""
    return re.compile(r"\b(?:" + "|".join(_age_nouns()) + r")\b", re.IGNORECASE)


_AFTER_EVENT = re.compile(r"\s+(?:after|following|from|of|to)\b")


def _age_after_copula(text: str, c: Cand) -> bool:
    """A bare whole number right after "was/is/am/turned" that ends the clause is an age."""
    return _plain_age_number(c) and (
        (
            bool(_COPULA_BEFORE.search(text, max(0, c.start - 30), c.start))
            and bool(_CLAUSE_AFTER.match(text, c.end))
        )
        or (
            bool(_ANY_COPULA_BEFORE.search(text, max(0, c.start - 20), c.start))
            and bool(_WHEN_PERSON_AFTER.match(text, c.end))
        )
    )


def _alternation(name: str) -> str:
    """The words of word list `name` as a regex alternation, longest first (an alternation
    tries its branches in order)."""
    return "|".join(sorted(word_list(name), key=len, reverse=True))


_APPOSITION_END = re.compile(r",|\s[-–—]\s+[a-z]")


@cache
def _person_before() -> re.Pattern[str]:
    """Who can be so old, written before ", 30,": a name, or a noun naming one person by role,
    kin or time of life (data/person_nouns.txt: "the Wales star, 30,", "her brother, 9,")."""
    nouns = _alternation("person_nouns.txt")
    return re.compile(
        rf"(?:[A-Z][a-z]+|\b(?:{nouns}))"
        r",\s(?:now\s|then\s|still\s|aged\s|also\s)?$"
    )


@cache
def _group_before() -> re.Pattern[str]:
    """People of one age written before ", both 17,": a noun of two or more people
    (data/person_groups.txt: "the pair, both 17,", "two women, both 30,")."""
    nouns = _alternation("person_groups.txt")
    return re.compile(rf"\b(?:{nouns}),\s+both\s+(?:aged\s+)?$", re.IGNORECASE)


# "..., said Hynde, 53.": the speaker named after the verb, then her age ends the sentence
_SAID_NAME_BEFORE = re.compile(
    r"\b(?:said|says|added|explained|insisted|admitted)\s+(?:[A-Z][\w'’\-]+\s+){0,2}"
    r"[A-Z][\w'’\-]+,\s$"
)


# "... with Eileen Lee, 24. She is still missing": a full name, then the age ends the sentence
_FULL_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z'’\-]+,\s$")
_SENTENCE_END_AFTER = re.compile(r"\.(?:\s|$)")


def age_apposition(text: str, c: Cand) -> bool:
    """ "Senard, 65, now faces", "Leblanc, 17 - who was jailed": a whole number set off by
    commas (or a comma and a dash) right after a name is an age."""
    before = text[max(0, c.num_start - 40) : c.num_start]
    return bool(
        (_person_before().search(before) or _group_before().search(before))
        and (
            _APPOSITION_END.match(text, c.end)
            or (
                _SENTENCE_END_AFTER.match(text, c.end)
                and (_SAID_NAME_BEFORE.search(before) or _FULL_NAME_BEFORE.search(before))
            )
        )
        and c.is_int
        and not c.is_range
        and c.value is not None
        and 1 <= c.value <= 120
    )


def age_before_unit(text: str, c: Cand, start: int, end: int) -> bool:
    """Whether the bare number c at start..end reads as an age before any unit is looked for:
    after "aged"/"the age of" ("aged 35", "children over age 4"), opening a sentence ("At 23,
    Henson has the rugby world at his feet"), or as a clause's predicate ("since he was 15",
    "who just turned 2", ", at 38, she was released")."""
    return (
        _AGED.search(text, max(0, start - 24), start) is not None
        or _at_age_opening(text, c, start, end)
        or _age_in_clause(text, c, start, end)
        or _age_in_brackets(text, c, start, end)
    )


# "John Smith (72) died", "mary jones (72)": a whole number in brackets right after a person's
# name is the age news gives (a name: a given name of data/given_names.tsv or name_genders.tsv
# and a surname, in
# capitals or, in lower-cased text, not; "the Labour Party (45)" is no person)
_NAME_BRACKET_BEFORE = re.compile(
    r"(?:\b(?P<given>[A-Z][a-z]+)\s+[A-Z][a-z'’\-]+|\b(?P<low>[a-z]+)\s+[a-z'’\-]+)\s?\($"
)


_PROSE_AFTER_BRACKET = re.compile(r"\)(?:,\s+|\s+)[a-z]")


def _age_in_brackets(text: str, c: Cand, start: int, end: int) -> bool:
    if not (c.is_int and not c.is_range and c.value is not None and 1 <= c.value <= 115):
        return False
    if not _PROSE_AFTER_BRACKET.match(text, end) or c.kind != "digits":
        return False  # "Harry Kane (2), Marcus Rashford": goals in a list of scorers
    m = _NAME_BRACKET_BEFORE.search(text, max(0, start - 40), start)
    given = (m.group("given") or m.group("low")).title() if m else ""
    return given in given_names() or given in name_genders()


_AGED = re.compile(
    r"\b(?:aged|ages?\s+of|(?:at|from)\s+(?:the\s+)?age|(?:pension|retirement|voting|leaving)"
    r"\s+age\s+(?:to|at|of|from)|aged\s+(?:under|over|between)"
    r"|(?:children|people|those|adults|youngsters|anyone|women|men|girls|boys)\s+(?:under|over)"
    r"|(?:kids|children|boys|girls|teenagers|youngsters)\s+of"
    r"|(?:under|over|above|below|until|till|past|before|after|by)\s+age"  # "children over age 4"
    r"|(?:^|[.!?;:(]\s*)ages?|\bages)"  # "Age 5 and under go free", "voters ages 18-24"
    r"\s+$",
    re.IGNORECASE,
)

# "At 23, ...": a sentence that opens with "At" and a whole number then a comma gives an age
_AT_AGE_OPENING = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)At\s+$")  # also after a quote's end
_COMMA_AFTER = re.compile(r",\s+[A-Z]")
# "At 72 she found another": straight on to a pronoun subject, past any hour of the clock
_PRONOUN_AFTER_AT = re.compile(r"\s+(?:he|she|I|they|we)\s+[a-z]")


def _at_age_opening(text: str, c: Cand, start: int, end: int) -> bool:
    if not c.is_int or _AT_AGE_OPENING.search(text, max(0, start - 8), start) is None:
        return False
    value = c.value or 0
    if _COMMA_AFTER.match(text, end) is not None:
        return 10 <= value <= 110
    return 12 < value <= 110 and _PRONOUN_AFTER_AT.match(text, end) is not None


# A person's age written with no "years old" (once ages_in_clauses.py): English leaves the unit
# out when a person is the subject of "be" or "turn" and the bare whole number is all the
# predicate says, and in an "at N" set off by commas before a pronoun subject. A bare number
# there is a count of years of age; anything after it but a clause break ("was 6 feet", "was 1
# of 3", "turned 2-1") is some other figure.

# a person (pronoun or "who") as the subject of be/turn right before the number
_PERSON_BE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|I|who|[Tt]hey|[Ww]e)\s+(?:(?:had|has|have|just|only|barely|then)\s+)*"
    r"(?:was|is|were|turned|turns|turn|had\s+turned|has\s+turned|'s|’s)\s+"
    r"(?:(?:only|just|barely|nearly|almost|about|around)\s+)?$"
)
# ", at 38, she was released": an aside before a pronoun subject
_AT_ASIDE = re.compile(r",\s+at\s+$")
_PRONOUN_AFTER = re.compile(r",\s+(?:he|she|I|they|we)\b")
# "someone who is 5’2”": a height in feet and inches, no age
_FEET_INCHES = re.compile(r"[’'′]\s?\d")
# what may follow the age: a clause break, or a word that goes on with the sentence
_AFTER_AGE = re.compile(
    r"\s*(?:[,.;:!?)”\"’—–]|$)|\s+-\s|\s+(?:when|and|at|in|then|or|but|because|while|before|after"
    r"|until|last|this|next|on)\b"
)


def _age_in_clause(text: str, c: Cand, start: int, end: int) -> bool:
    """Whether the bare whole number c at start..end is a person's age by its clause."""
    if not c.is_int or c.is_range or c.value is None or not 1 <= c.value <= 115:
        return False
    if c.kind not in ("digits", "words") or c.scale != 1.0:
        return False
    if _PERSON_BE.search(text, max(0, start - 40), start):
        return _AFTER_AGE.match(text, end) is not None and not _FEET_INCHES.match(text, end)
    if _AT_ASIDE.search(text, max(0, start - 6), start):
        return _PRONOUN_AFTER.match(text, end) is not None
    if _person_noun_before().search(text, max(0, start - 40), start):
        return _AFTER_AGE.match(text, end) is not None and not _FEET_INCHES.match(text, end)
    if _person_noun_before(at=True).search(text, max(0, start - 30), start):
        return _CLAUSE_END.match(text, end) is not None
    return False


@cache
def _person_noun_before(at: bool = False) -> re.Pattern[str]:
    """A noun naming one person (data/person_nouns.txt) as the subject of "turned"/"is": "the
    singer turned 80 on Sunday", "her son is 7"; or, with at, "her father at" where the life
    event is elided ("her mother died when she was 12, and her father at 90")."""
    nouns = _alternation("person_nouns.txt")
    if at:
        return re.compile(rf"\b(?:his|her|their|my|your|our)\s+(?:{nouns})\s+at\s+$", re.I)
    return re.compile(
        rf"\b(?:{nouns})\s+(?:(?:has|had|just|only)\s+)*(?:turned|turns|is|was)\s+"
        r"(?:(?:only|just|barely|nearly|almost)\s+)?$",
        re.IGNORECASE,
    )


# ends the clause: "the driver at 50 mph" goes on with a unit
_CLAUSE_END = re.compile(r"\s*(?:[.;!?]|,\s+(?:and|but)\b|$)")
