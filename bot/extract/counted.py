"""What a bare number counts: the counted noun after it ("28 settlements"), or an age ("Smith, 45,")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from bot.extract.ages import age_apposition, is_age
from bot.extract.defined_units import defined_acronyms
from bot.extract.figure_reading import (
    NOUN_STOP,
    NOUN_WORD,
    OF_THE,
    OF_WORD,
    VERBISH,
    Cand,
    is_plural,
)
from bot.extract.hyphen_counts import hyphen_noun
from bot.extract.not_figures import is_year, model_number, name_after, name_before
from bot.extract.units import UNITS, match_unit_after, singular
from bot.extract.word_lists import table


def finish(text: str, c: Cand) -> bool:
    """Attach a counted noun; drop names and bare number words. True to keep c."""
    if c.unit is not None:
        return True
    if c.kind == "digits" and (name_before(text, c) or _listed_after_name(text, c)):
        return False
    text = _unquoted(text, c.end)  # '100,000 new "affordable" homes' reads as homes
    modified = _after_modifier(text, c)
    if modified is not None:
        c.unit, c.end, qualifier = modified  # "5,000 more copies", "750,000 daily barrels"
        if qualifier is not None and c.qualifier is None:
            c.qualifier = qualifier  # "the 80-odd resorts": about 80
        return True
    compound = hyphen_noun(text, c)
    if compound is not None:
        c.unit, c.end = compound  # "his 92-cap Wales career": 92 caps
        return True
    noun = _counted_noun(text, c)
    if noun is not None and noun[0][:1].isupper() and is_year(text, c):
        return False  # "In 2004 IBM said": a year before a name
    if noun is not None and noun[0] in UNITS and noun[0] in defined_acronyms(text):
        return False  # "Save Our Seas (SOS) ... 20 SOS": the page's acronym, no currency code
    if noun is not None:
        head, end = noun
        # "12 relatively trouble-free years": the unit year (a single one stays a noun)
        c.unit = (_as_unit(text, head, end) if c.value != 1 else None) or head
        c.end = end
        rate = _PER_TIME.match(text, end)
        if rate is not None and not head[:1].isupper():
            # "70 trillion calculations per second": a rate; "three phones per cab" and
            # "4.2 million viewers a night" stay counts of the noun
            den = next(g for g in rate.groups() if g).lower()
            c.unit, c.end = f"{singular(head)} per {den}", rate.end()
        return True
    part = _PARTITIVE.match(text, c.end) if c.kind in ("digits", "words") else None
    noun = _partitive_noun(text, part.start("noun")) if part else None
    if noun is None and part is not None:
        noun = _whole_noun(text, c, part.start("noun"))
    if noun is not None:
        c.unit = noun  # "173 of the 299 votes", "94,000 of the 140,000 confirmed deaths"
        return True
    part = _PARTITIVE_OWN.match(text, c.end) if c.kind in ("digits", "words") else None
    if (
        part
        and is_plural(part.group("noun"))
        and part.group("noun") not in NOUN_STOP
        and not _RANKED_GROUP.match(part.group(0))
    ):
        c.unit = part.group(
            "noun"
        )  # "14 of its biggest construction projects", "30 of the aircraft"
        return True
    whom = _of_whom_noun(text, c)
    if whom is not None:
        c.unit = whom  # "the victims, 20 of whom were young children": children
        return True
    if c.kind == "words" and not c.is_range and c.scale == 1.0:
        return False
    if (
        c.kind == "fraction"
        and not OF_WORD.match(text, c.end)
        and " out " not in text[c.num_start : c.end]
    ):
        return False
    if c.kind == "digits" and age_apposition(text, c):
        c.unit = "year"  # "Smith, 45, denies": an age
        return True
    if is_age(text, c):
        c.unit = "year"  # "Hingis was 22 when she retired", "I am 25.", "has died at 50"
        return True
    return not (c.kind == "digits" and (name_after(text, c) or model_number(text, c)))


# a double quote mark inside a lower-case noun phrase: opening a word ('new "affordable"') or
# closing one before the next word ('"affordable" homes'), not before "of"
_SCARE_QUOTE = re.compile(r"[\"“”](?=[a-z])|(?<=[a-z])[\"“”](?=[ \t]+(?!of\b)[a-z])")


def _unquoted(text: str, pos: int) -> str:
    """text with the scare quotes of the 80 characters after pos blanked (same offsets), so a
    count reads its noun through them: '100,000 new "affordable" homes' counts homes."""
    window = text[pos : pos + 80]
    if '"' not in window and "“" not in window:
        return text
    return text[:pos] + _SCARE_QUOTE.sub(" ", window) + text[pos + 80 :]


# the numbers of a list before this one: "Windows 95, 98, ME": "95, "
_LIST_BEFORE = re.compile(r"(?<![\w.,])\d[\d.]*(?:\s*,\s*\d[\d.]*)*\s*(?:,|/|&|\band|\bor)\s*$")


def _listed_after_name(text: str, c: Cand) -> bool:
    """A bare number listed right after a name's number ("Windows 95, 98") is a name too."""
    if c.unit is not None or c.scale != 1.0:
        return False
    m = _LIST_BEFORE.search(text, max(0, c.num_start - 40), c.num_start)
    if m is None:
        return False
    if _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return True  # "debuting at number 11 and 12": chart places
    return name_before(text, replace(c, start=m.start(), num_start=m.start()))


_PLACE_BEFORE = re.compile(r"\b(?:numbers?|No\.?)\s+$", re.IGNORECASE)


@cache
def _modifiers() -> dict[str, str]:
    """Word -> "skip", a time ("day") or a qualifier, from data/count_modifiers.tsv."""
    return {word: what for word, what in table("count_modifiers.tsv")}


@cache
def _compounds() -> frozenset[tuple[str, str]]:
    """(first word, singular head) pairs a count keeps whole, from data/counted_compounds.tsv."""
    pairs = (row[0].split() for row in table("counted_compounds.tsv"))
    return frozenset((pair[0], pair[1]) for pair in pairs if len(pair) == 2)


def _compound(words: list[tuple[str, int]], head: str) -> str:
    """The counted noun with the word before it when the two are one noun of the table
    ("Grand Slams", "double faults"); else the head alone ("net cafes" -> cafes)."""
    if len(words) >= 2 and (words[-2][0].lower(), singular(head).lower()) in _compounds():
        return f"{words[-2][0]} {head}"
    return head


_MODIFIER = re.compile(r"(-|[ \t]+)([a-z]+)\b")
_OR_SO = re.compile(r"[ \t]+or[ \t]+so\b")
_PLUS_SIGN = re.compile(r"\+(?=[ \t]+[a-z])")  # "15+ hours"
_QUALIFIER_MODIFIERS = {"approx": "approximately", "more": "more than"}


def _after_modifier(text: str, c: Cand) -> tuple[str, int, str | None] | None:
    """(unit, end, qualifier) of the noun a count reads past a describing word to: "5,000 more
    copies", "eight other contracts", "750,000 daily barrels" (bbl/d), "the 80-odd resorts".
    None when no modifier of the table follows or no noun can be read after it, so a count is
    never given a noun that is not its own."""
    if c.kind not in ("digits", "words", "vague") or c.value == 1 or c.scale < 1.0:
        return None
    m = _OR_SO.match(text, c.end) or _PLUS_SIGN.match(text, c.end) or _MODIFIER.match(text, c.end)
    if m is None:
        return None
    if m.re is _OR_SO or m.re is _PLUS_SIGN:
        key = m.group(0).strip()
        key = "or so" if key != "+" else key
    else:
        key = ("-" if m.group(1) == "-" else "") + m.group(2)
    what = _modifiers().get(key)
    if what is None:
        return None
    nxt = NOUN_WORD.match(text, m.end())
    if nxt is None or nxt.group(1).lower() in NOUN_STOP or "\n" in text[m.end() : nxt.start(1)]:
        return None  # "5,000 more than planned", "20 more." : no noun of its own
    qualifier = _QUALIFIER_MODIFIERS.get(what.split(":")[1]) if what.startswith("q:") else None
    rate = what if what != "skip" and not what.startswith("q:") else None
    measure = match_unit_after(text, m.end())
    if measure is not None and text[measure[1] : measure[1] + 1] == "-":
        measure = None  # "four more second-half penalties": a describing word, not seconds
    if measure is not None and UNITS[measure[0]].dim not in ("money", "score", "ratio"):
        code, end = measure[0], measure[1]
        if rate is None:
            return code, end, qualifier
        flow = UNITS.get(f"{code}/{rate[:1]}")
        if flow is not None and flow.dim == "flow":
            return flow.code, end, qualifier  # "750,000 daily barrels": barrels per day
        return f"{UNITS[code].name} per {rate}", end, qualifier
    noun = _counted_noun(text, c, m.end())
    if noun is None or (noun[0][:1].isupper() and not is_plural(noun[0].split()[-1])):
        return None  # "16 other Lib Dem MPs" counts MPs; "two more Harry Potter" nothing
    head, end = noun
    if rate is not None:
        return f"{singular(head)} per {rate}", end, qualifier  # "200 daily flights"
    return head, end, qualifier


# Only an explicit "per" and a unit of time make a counted noun a rate
_PER_TIME = re.compile(
    r"\s+per\s+(second|minute|hour|day|week|month|year)\b(?!-)"
    # "30 frames a second", "30,000 copies an hour": a short time is a rate ("4.2 million
    # viewers a night" stays a count)
    r"|\s+an?\s+(second|minute|hour)\b(?![-\w])"
    # "infects about 2,500 people a year": a count a year is a rate (a night, a week stay
    # counts: "4.2 million viewers a night", "six nights a week"); "a year ago", "a year
    # earlier" are times
    r"|\s+an?\s+(year)\b(?![-\w])(?!\s+(?:earlier|ago|later|before|after|previously|since"
    r"|from|in\s+which)\b)"
)


# whose the counted things are, after the "of" of a magnitude, before a lower-case word
_OWNER = re.compile(r"\s+(?:his|her|its|their|our|my|your)(?=\s+[a-z])", re.IGNORECASE)

# the second describing word of a pair and the plural noun they describe
_ADJECTIVE_PAIR = re.compile(r"\s+[a-z]+(?:-[a-z]+)?\s+(?P<noun>[a-z]+)\b")

# "173 of the 299 votes": the part counts what the whole counts
_PARTITIVE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the|their|its|his|her|our|my|your|these|those)\s+"
    r"(?:(?:next|last|first|other|remaining|previous|past)\s+)?"  # "10 of the next 13 games"
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|hundred)(?:-odd|-plus)?\s+(?P<noun>[A-Za-z][A-Za-z\-]*[A-Za-z])\b"
)


def _partitive_noun(text: str, pos: int) -> str | None:
    """The plural noun the whole counts, after up to two describing words ("the 140,000
    confirmed deaths"); None when a word on the way is not a lower-case one."""
    pos -= 1  # the space before the word: NOUN_WORD reads a space, then the word
    for _ in range(3):
        m = NOUN_WORD.match(text, pos)
        word = m.group(1) if m else ""
        if not _LOWER_WORD.fullmatch(word) or word in NOUN_STOP:
            return None
        if is_plural(word):
            return word
        pos = m.end() if m else len(text)
    return None


_LOWER_WORD = re.compile(r"[a-z][a-z\-]*[a-z]")


def _whole_noun(text: str, c: Cand, pos: int) -> str | None:
    """The plural noun the whole counts as the counted-noun reader reads it after names ("four
    of the 16 Lib Dem MPs": MPs; "three of the five Six Nations captains": captains)."""
    whole = replace(c, value=2.0, kind="digits", scale=1.0, is_range=False, low=None, high=None)
    noun = _counted_noun(text, whole, pos - 1)
    return noun[0] if noun is not None and is_plural(noun[0].split()[-1]) else None


# "14 of its biggest construction projects": a part of what the owner has, with up to two
# describing words before the plural noun
_PARTITIVE_OWN = re.compile(
    r"\s+of\s+(?:its|their|his|her|our|my|your|the|these|those)\s+(?:[a-z][a-z\-]+\s+){0,2}"
    r"(?P<noun>[a-z][a-z\-]*[a-z])(?=\s*[,.;:!?]|\s+(?:in|on|at|for|to|and|or|was|were|had"
    r"|have|are|is|under|from|with|by|that|which|who)\b)"
)


# "two of the busiest months": a rank among the group, not a count of it
_RANKED_GROUP = re.compile(r"\s+of\s+the\s+(?:[a-z\-]+est|most|best|worst|least)\b")


def _plural_ahead(text: str, pos: int) -> bool:
    """A lower-case plural noun within the next two words (after a name of several words)."""
    for _ in range(2):
        m = NOUN_WORD.match(text, pos)
        if not m or not m.group(1).islower() or m.group(1) in NOUN_STOP:
            return False
        if is_plural(m.group(1)):
            return True
        pos = m.end()
    return False


def _as_unit(text: str, head: str, end: int) -> str | None:
    """The unit code of a counted noun that is a unit of the table read after describing words
    ("five more years", "three long miles"), so it is the unit, not a noun; never money."""
    start = end - len(head)
    found = match_unit_after(text, start)
    if found is None or found[1] != end or text[start:end] != head:
        return None
    return found[0] if UNITS[found[0]].dim not in ("money", "score", "ratio") else None


# what follows a verb, not a noun: "10 says that", "the figure 5 shows the"
_VERB_OBJECT_AFTER = re.compile(
    r"\s+(?:the|a|an|that|it|he|she|they|we|you|his|her|its|their|this|these|those)\b"
    r"|\s*[\"“:]"
)


def _verb_form_noun(text: str, low: str, end: int) -> bool:
    """A word that is also a verb's -s form ("notes", "wins", "claims", "reports") counted as
    a plural noun: "88 piano notes", "13 wins"; not when what follows reads as its object."""
    return (
        low in VERBISH
        and low.endswith("s")
        and low not in ("was", "has", "is", "does")
        and not _VERB_OBJECT_AFTER.match(text, end)
    )


def _plural_ahead_plain(text: str, pos: int) -> bool:
    """A lower-case plural noun next, or after one lower-case describing word."""
    for _ in range(2):
        m = NOUN_WORD.match(text, pos)
        if m is None or not m.group(1).islower() or m.group(1) in NOUN_STOP:
            return False
        if is_plural(m.group(1)):
            return True
        if m.group(1).endswith("ly"):
            return False
        pos = m.end()
    return False


# "a survey of 1,300 bosses suggests": the count ends a phrase whose own head the verb after
# it agrees with, so a plural-looking word after the noun is that verb, not a second noun
_OF_BEFORE = re.compile(r"\bof\s+$")
_OPEN_QUOTE = re.compile(r"[ \t]+[\"“‘](?=[a-z])")
_WORD_IN_QUOTE = re.compile(NOUN_WORD.pattern.replace(r"\s+", "", 1))


def _noun_head_after(text: str, pos: int) -> bool:
    """A lower-case plural noun right after a plural one is the head they name together ("two
    cosmetics brands", "three sports cars"); is_plural reads no verb's -s form as one."""
    after = NOUN_WORD.match(text, pos)
    if after is None or text[pos : after.start(1)] != " ":
        return False
    word = after.group(1)
    return (
        word.islower()
        and word not in NOUN_STOP
        and is_plural(word)
        and _NP_END.match(text, after.end()) is not None
    )


# where a noun phrase ends: punctuation, or a word that opens the rest of the clause; a word
# after a plural that is followed by anything else ("meets on", "suggests.") may be a verb
_NP_END = re.compile(
    r"\s*[,;:)\-–—]|\s+(?:and|or|in|at|on|from|with|for|to|of|that|who|which|will|would"
    r"|could|can|may|might|have|has|had|were|are|was|is|since|against|this|last|next|across"
    r"|around|worldwide)\b"
)


def _counted_noun(text: str, c: Cand, pos: int | None = None) -> tuple[str, int] | None:
    """The counted noun after a number (or after pos, past a describing word): "28
    settlements", "100 Russian servicemen", "one solution"."""
    pos = c.end if pos is None else pos
    single = c.value == 1 and not c.is_range and c.kind in ("words", "digits")
    if c.kind == "words" and c.value == 1:
        m = OF_THE.match(text, pos)
        if m:
            pos = m.end()
            single = False
    elif c.kind == "fraction":
        m = OF_THE.match(text, pos) or OF_WORD.match(text, pos)
        if m:
            pos = m.end()
        measure = match_unit_after(text, pos)
        if measure is not None and UNITS[measure[0]].dim not in ("money", "score"):
            return measure[0], measure[1]  # "a quarter of a percentage point"
        single = True
    elif c.kind == "vague" or c.scale >= 1e3:
        m = OF_WORD.match(text, pos)
        if m:
            pos = m.end()
            own = _OWNER.match(text, pos)
            if own is not None:
                pos = own.end()  # "thousands of his possessions", "millions of their fans"
    words: list[tuple[str, int]] = []
    quoted = _OPEN_QUOTE.match(text, pos) if not single else None
    if quoted is not None:
        pos = quoted.end()  # '1,500 "safety whistleblowers"': the noun in quotes
    while len(words) < 5:
        m = (_WORD_IN_QUOTE if quoted is not None and not words else NOUN_WORD).match(text, pos)
        if not m or "\n" in text[pos : m.start(1)]:
            break  # never across a line break: "1,375\n\nT Parkes (W Midlands)"
        w = m.group(1)
        low = w.lower()
        if (
            low not in NOUN_STOP
            and low.endswith("ly")
            and w.islower()
            and not single
            and _plural_ahead_plain(text, m.end())
        ):
            # "two assembly members", "200 elderly residents", "12 relatively trouble-free
            # years": an -ly word describing the plural noun ahead
            words.append((w, m.end()))
            pos = m.end()
            continue
        if low in NOUN_STOP or (low.endswith("ly") and len(low) > 4):
            if (
                low == "and"
                and words
                and words[-1][0][0].isupper()
                and text[m.end() + 1 : m.end() + 2].isupper()
            ):
                pos = m.end()
                continue
            if (
                low == "and"
                and not single
                and 1 <= len(words) <= 2
                and all(word[0].islower() for word, _ in words)
                and (pair := _ADJECTIVE_PAIR.match(text, m.end())) is not None
                and is_plural(pair.group("noun"))
            ):
                pos = m.end()  # "900,000 military and civilian staff": two describing words
                # ("more than 30 leading senior and junior players": after one more)
                continue
            break
        if single and words and (low.endswith(("s", "ed")) or low in VERBISH):
            if c.kind == "fraction" and is_plural(w):
                return None  # "a third of independent developers": the words so far describe
            break
        if (
            single
            and not words
            and w.islower()
            and (low.endswith(("ing", "ed", "s")) or low in VERBISH)
        ):
            break  # "one adds", "one listing": a pronoun, not a count
        words.append((w, m.end()))
        pos = m.end()
        if single:
            if len(words) >= 3:
                break
            continue
        if (is_plural(w) or _verb_form_noun(text, low, m.end())) and not w.isdigit():
            if text[m.end() : m.end() + 1] in ("'", "’") and NOUN_WORD.match(text, m.end() + 1):
                pos = m.end() + 1  # "two US critics' associations": the possessive describes
                continue
            after = NOUN_WORD.match(text, m.end())
            if (
                "-" in w
                and after is not None
                and after.group(1).islower()
                and is_plural(after.group(1))
                and after.group(1) not in NOUN_STOP
                and not text[m.end() : after.start(1)].strip()
            ):
                # "2.4 million with-profits policyholders": a hyphened describing word
                continue
            if w[0].isupper() and after is not None and after.group(1)[0].isupper():
                continue  # "eight Las Vegas style resorts": a name of several words, not a noun
            if (
                w[0].isupper()
                and len(words) >= 2
                and words[-2][0][0].isupper()
                and _plural_ahead(text, m.end())
            ):
                continue  # "... Las Vegas style resorts": the name describes the resorts
            if (
                w[0].isupper()
                and after is not None
                and after.group(1).islower()
                and is_plural(after.group(1))
                and after.group(1) not in NOUN_STOP
            ):
                continue  # "four Futures titles": a name before the counted noun
            if low == "ones" and len(words) >= 2 and words[-2][0].islower():
                return (
                    f"{words[-2][0]} ones",
                    m.end(),
                )  # "four number ones": "ones" stands for a noun
            if not _OF_BEFORE.search(text, max(0, c.start - 8), c.start) and _noun_head_after(
                text, m.end()
            ):
                continue  # "two cosmetics brands": the plural noun before it describes
            return _compound(words, w), m.end()
    if single and words:
        w, end = words[-1]
        after = NOUN_WORD.match(text, end)
        if (
            len(words) >= 3
            and after is not None
            and after.group(1).islower()
            and after.group(1) not in NOUN_STOP
            and is_plural(after.group(1))
        ):
            return None  # "half of India's domestic car sales": the noun runs on past three
        if c.kind == "fraction" and w[0].isupper() and len(words) > 1:
            return None  # "a third of US giant Seagram": a share of a company
        if w[0].isupper() and len(words) == 1 and not (is_plural(w) and c.kind == "fraction"):
            return None
        if any(word.isdigit() for word, _ in words):
            return None  # "one half of the Radio 1 Thursday night show": inside a name
        return w, end
    return None


# "the victims, 20 of whom were young children": the relative clause says what the count
# counts. Only its predicate noun is read: the noun before the comma need not be the people
# "whom" means ("prosecuted in the past 15 years, five of whom were convicted")
_OF_WHOM = re.compile(
    r"\s+of\s+whom\s+(?:were|are|was|is)\s+(?P<words>(?:[a-z\-]+\s+){0,2}[a-z]+)\b"
)


def _of_whom_noun(text: str, c: Cand) -> str | None:
    """The plural noun after "N of whom were" ("20 of whom were young children": children),
    at most two words on and no function word between; None when there is none."""
    if c.kind not in ("digits", "words") or c.is_range or not c.is_int:
        return None
    m = _OF_WHOM.match(text, c.end)
    if m is None:
        return None
    for word in m.group("words").split():
        if word in NOUN_STOP:
            return None  # "20 of whom were killed in attacks": no noun of theirs
        if is_plural(word):
            return word
    return None
