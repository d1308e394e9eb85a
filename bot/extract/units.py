"""Units of measure and currencies next to a number: matching phrases and base-unit conversion.

The table itself (units, currencies, surfaces) is bot.extract.unit_table."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.unit_table import (
    CURRENCY_AFTER,
    CURRENCY_NAMES,
    CURRENCY_SYMBOLS,
    SPACED_SYMBOLS,
    SYMBOL_SURFACES,
    UNITS,
    UNITS_BY_NAME,
    WORD_SURFACES,
    Unit,
)
from bot.extract.word_lists import word_list

__all__ = ["CURRENCY_NAMES", "UNITS", "UNITS_BY_NAME", "Unit"]


# A unit is looked up word by word (longest first) rather than with one huge regex, which
# would cost a tenth of a second to compile at every start-up.
_UNIT_TOKENS = re.compile(
    r"(?P<sep>[ \t]?-?[ \t]?)(?P<t1>[^\s\d,;:()\[\]!?“”\"'‘’][^\s,;:()\[\]!?“”\"'‘’]*)"
    r"(?:(?P<s2>\s+)(?P<t2>[A-Za-z][A-Za-z.\-]*))?(?:(?P<s3>\s+)(?P<t3>[A-Za-z][A-Za-z.\-]*))?"
)
_AMBIGUOUS_WORDS = frozenset({"won", "rand", "lira", "point", "points", "times", "yen", "day"})


# Currency written before the number: "$", "US$", "US $", "$US", "A$", "HK $", "£", "PS" (a
# mangled £), "Y=" (Reuters yen), "Rs", "RM", "USD".
def _symbol_pattern(sym: str) -> str:
    """A currency symbol as a pattern: letter codes in any case ("rs", "usd"), "US $" with a
    space, single letters before "$" ("A$", "R$") only as written."""
    pat = re.escape(sym)
    letters = sym.rstrip("$ .").replace(".", "")
    if sym.endswith("$") and len(letters) >= 2:
        pat = re.escape(sym[:-1].rstrip()) + r"\s?\$"
    if letters.isalpha() and len(letters) >= 2 and not (sym.endswith("$") and len(letters) < 2):
        return f"(?i:{pat})"
    if sym.endswith("$") and len(letters) == 1 and letters.isupper():
        return f"(?:{pat}|{re.escape(sym.lower())})"  # "a$500", "r$40" in lower-cased text
    return pat


_CURRENCY_BEFORE = re.compile(
    r"(?:(?P<code>"
    + "|".join(_symbol_pattern(sym) for sym in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    + r")(?P<gap>\s?)(?P<neg>[-−]?))$"
)
_CURRENCY_CODES = {re.sub(r"\s", "", sym).lower(): code for sym, code in CURRENCY_SYMBOLS.items()}
_GLUED_ONLY_PREFIX = frozenset({"ps", "rm", "y="})
_US_AFTER = re.compile(r"\s?(?:US|U\.S\.)(?![A-Za-z])(?:\s+dollars?)?")
_PER = re.compile(
    r"(?P<sep>\s*/\s*|\s+per\s+|-per-|\s+an?\s+|-an?-|\s+each\s+)"
    r"(?P<den>(?i:square\s+(?:foot|feet|met(?:re|er)s?|mile)|sq\.?\s?(?:ft|m|km)|[A-Za-z]+))"
    r"(?![A-Za-z])"  # the whole word: "per week on" must not back off to "per wee"
)
# "a year ago", "a week on" are times, not rates ("a year in 1970" still is one); only a time
# denominator reads so: "$50 a barrel on Tuesday" is a price per barrel. "in" ends a rate only
# where it opens a clause about that time ("£5m, a year in which sales fell"): "two hours of
# sport a week in schools" and "$10bn a year in order to" stay rates; so do "15 hours a week on
# average" and "£60m a year on seeking a vaccine". Only "a"/"an" is read so: "6% per year on
# average" is a rate. ("every year" and "a year from" were tried and left out: the review sets
# give "save £100 every year" and "shave $48m a year from its costs" as plain sums.)
_TIME_AFTER = re.compile(
    r"\s+(?:earlier|ago|later|before|after|previously|since"
    r"|on(?!\s+(?:average|[a-z]+ing)\b)|from|in(?=\s+which\b))"
    r"\b"
)
_TIME_DENOMINATORS = frozenset("year month week day hour night minute second".split())
_PER_A = frozenset(
    """year month week day hour night share barrel ounce gallon litre liter pound kilo kilogram
    ton tonne head person month unit gram minute second""".split()
)
# a capitalised name or acronym before the denominator noun: "per LSE share", "per Yukos share"
_NAMED_DENOMINATOR = re.compile(r"((?:[A-Z][A-Za-z&]*\s+){1,2})([a-z]+)\b")
# "barrels of oil a day", "tonnes of steel a year": the stuff measured sits between a unit
# and its denominator
_OF_STUFF = re.compile(
    r"\s+of\s+(?:[a-z]+\s+)?(?:[a-z]+|[A-Z][A-Z0-9]+)(?=\s+(?:a|an|per|each)\s)"
)  # "tonnes of LNG a year", "tonnes of CO2 a year": the stuff may be an acronym
DENOMINATOR_NAMES = {
    "sq m": "square metre", "sq. m": "square metre", "sq ft": "square foot",
    "sq. ft": "square foot", "sq km": "square kilometre", "mmbtu": "mega british thermal unit",
}  # fmt: skip


# Latin and other spellings of a time denominator
_DENOMINATOR_WORDS = {"annum": "year", "diem": "day", "mensem": "month"}


def unit(code: str) -> Unit | None:
    """The Unit for a code, or None for a counted noun."""
    return UNITS.get(code)


def unit_of_word(word: str) -> str | None:
    """The unit code a word written after a number names in the table ("day" -> "day",
    "miles" -> "mi"), or None for any other word."""
    return WORD_SURFACES.get(word.lower())


def unit_of_symbol(word: str) -> str | None:
    """The unit code a letter symbol of two letters or more names, in the case written
    ("kg", "mg", "ft"), or None: "a 1,100-kg satellite" weighs kilograms, not "kgs"."""
    return SYMBOL_SURFACES.get(word) if len(word) >= 2 and word.isalpha() else None


def match_unit_after(text: str, pos: int) -> tuple[str, int, str] | None:
    """(unit code, end, surface) of a unit written right after a number ending at pos."""
    m = _UNIT_TOKENS.match(text, pos)
    if not m:
        return None
    sep = m.group("sep")
    aged = _misspelt_age_word(text, m.start("t1"))
    if aged is not None:
        return aged
    spans = [(m.start("t1"), m.end("t1"))]
    for g in ("t2", "t3"):
        if m.group(g) is None:
            break
        spans.append((m.start(g), m.end(g)))
    start = spans[0][0]
    for k in range(len(spans), 0, -1):
        end = spans[k - 1][1]
        surface = text[start:end]
        for cut in _variants(surface):
            found = _lookup(cut, sep, multiword=k > 1)
            if found is not None and _not_this_unit(text, sep, cut, start + len(cut)):
                return None
            if found is not None:
                if found == "s" and _HAND_AFTER.match(text, start + len(cut)):
                    return None  # "six second hand airplanes": used ones, not six seconds
                return found, start + len(cut), cut
    return None


_HAND_AFTER = re.compile(r"[ \t-]+hand(?:ed)?\b", re.IGNORECASE)
# "two F-16s", "a B-52", "the C-130": capitals joined to a number by a hyphen name a model
_DESIGNATION_AFTER = re.compile(r"-\d+(?:\.\d+)?(?P<unit>\s?[A-Z]{1,2}\b)?")


def _not_this_unit(text: str, sep: str, cut: str, end: int) -> bool:
    """Whether a unit symbol written apart from its number begins a model's designation
    ("two F-16s" are jets, not two degrees Fahrenheit)."""
    if not (cut.isupper() and len(cut) <= 2 and sep):
        return False
    m = _DESIGNATION_AFTER.match(text, end)
    # "10 C-15 C" is a range of temperatures: the symbol written again after the second number
    return m is not None and (m.group("unit") or "").strip() != cut


def _variants(surface: str) -> list[str]:
    """The surface, without a sentence-final dot, and before a hyphen ("percent-owned")."""
    out = [surface]
    stripped = surface.rstrip(".=*")
    if stripped != surface and stripped:
        out.append(stripped)
    if "-" in surface[1:]:
        head = surface.split("-", 1)[0]
        if head:
            out.append(head)
    return out


def _lookup(surface: str, sep: str, multiword: bool) -> str | None:
    if not multiword and surface in SYMBOL_SURFACES:
        if sep and (surface not in SPACED_SYMBOLS or "-" in sep):
            return None
        return SYMBOL_SURFACES[surface]
    key = " ".join(surface.lower().split())
    code = WORD_SURFACES.get(key)
    if code is None and len(key) >= _FUZZY_MIN and key[-1].isalpha():
        code = _misspelt(key)  # not "kilometres." (the dot is the sentence's: _variants)
    if code is None or (key in _AMBIGUOUS_WORDS and "-" in sep):
        return None
    return code


# Misspelt unit words ("celcius", "farenheit", "milimetres", "degress", "dollers", "roubels") are
# read as the table word one slip away (a letter dropped, added, changed, or two swapped; two
# slips in words of 9 letters or more: "farenhiet"). Words of physical dimensions must be 7
# letters long; money and degrees 6 (the word written) and 5 (the table's: "pessos"). An English
# word one slip from a unit counts things, never a unit (data/unit_lookalikes.txt: "collars",
# "decrees", "doubles").
_FUZZY_DIMS = frozenset({"temperature", "length", "area", "volume", "mass"})
_FUZZY_SHORT_DIMS = frozenset({"money", "angle"})
_FUZZY_MIN = 6
# table phrases by first letter, each with its words: (words, code)
_FUZZY: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _w, _c in WORD_SURFACES.items():
    _dim = UNITS[_c].dim if _c in UNITS else ""
    if (len(_w) >= 7 and _dim in _FUZZY_DIMS) or (len(_w) >= 5 and _dim in _FUZZY_SHORT_DIMS):
        _FUZZY.setdefault(_w[0], []).append((tuple(re.split(r"[ -]", _w)), _c))


def _slips(a: str, b: str) -> int:
    """The fewest slips (insert, delete, change, swap neighbours) from a to b, capped at 3."""
    if abs(len(a) - len(b)) > 2:
        return 3
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= 3 and min(prev) >= 2:
            return 3  # every way on (a swap reaches back a row) costs three slips or more
        prev2, prev = prev, cur
    return min(prev[-1], 3)


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by one insertion, deletion, substitution or swap of neighbours."""
    return a != b and _slips(a, b) == 1


@lru_cache(maxsize=4096)
def _misspelt(key: str) -> str | None:
    """The unit a misspelt phrase names, word by word: each word is the table's, or a slip of
    it long enough to judge ("degrees farenhiet", "sqaure miles"; "degrees in" is no "degrees
    c": a short word must be written right)."""
    words = re.split(r"[ -]", key)
    for table, code in _FUZZY.get(key[0], ()):
        if len(table) != len(words):
            continue  # "dollars a" is no slip of "dollars": a word too many
        if any(abs(len(w) - len(t)) > 2 for w, t in zip(words, table, strict=True)):
            continue  # more than two slips apart by length alone
        # a slip of one word alone must be long; beside a word written right, 5 letters will do
        # ("squre metres", "degrees celcius")
        shortest = 5 if len(words) > 1 else 7 if UNITS[code].dim in _FUZZY_DIMS else 6
        if all(_slip_of(w, t, shortest) for w, t in zip(words, table, strict=True)):
            return code
    return None


def _slip_of(word: str, table_word: str, shortest: int) -> bool:
    """Whether word is table_word, or a slip of it of at least shortest letters that is no
    English word (two slips in words of 9 letters or more)."""
    if word == table_word:
        return True
    if len(word) < shortest or word in word_list("unit_lookalikes.txt"):
        return False
    return _slips(word, table_word) <= (2 if len(word) >= 9 else 1)


# "a 16-yaer-old girl", "101 yeras old", "a 5-mnth-old baby": before "old", a short word one
# edit from a unit of age is that unit. "old" makes it safe to read words too short for the
# general spelling match below ("yaer" is no English word next to a number and "old").
_BEFORE_OLD = re.compile(r"(?P<w>[A-Za-z]{3,6})(?=(?P<gap>[ \t-]?)old\b)")
_AGE_UNITS = ("year", "years", "month", "months", "week", "weeks")


def _misspelt_age_word(text: str, start: int) -> tuple[str, int, str] | None:
    """(time unit, end, surface) of a misspelt unit of age right before "old", or None."""
    m = _BEFORE_OLD.match(text, start)
    if m is None:
        return None
    word = m.group("w").lower()
    if word in _AGE_UNITS and not m.group("gap"):
        return WORD_SURFACES[word], m.end() + 3, text[start : m.end() + 3]  # "3-yearold"
    if word in WORD_SURFACES:
        return None
    for unit_word in _AGE_UNITS:
        if _one_edit(word, unit_word):
            return WORD_SURFACES[unit_word], m.end(), m.group("w")
    return None


# "kr" is the krona of Sweden and the krone of Norway and Denmark (and Iceland's krona): the
# Swedish one unless the text names one of the others
_KRONE_COUNTRIES = (
    ("NOK", re.compile(r"\b(?:norw\w*|oslo|bergen)\b", re.IGNORECASE)),
    ("DKK", re.compile(r"\b(?:denmark|danish|danes?|copenhagen)\b", re.IGNORECASE)),
    ("ISK", re.compile(r"\b(?:iceland\w*|reykjavik)\b", re.IGNORECASE)),
)


def krona_of(text: str) -> str:
    """The ISO code "kr" stands for in text: NOK, DKK or ISK when the text names that country
    alone, else SEK."""
    named = [code for code, country in _KRONE_COUNTRIES if country.search(text)]
    return named[0] if len(named) == 1 else "SEK"


def match_currency_before(text: str, start: int) -> tuple[str, int, bool] | None:
    """(ISO code, start of the symbol, negative) of a currency written right before a number."""
    window = text[max(0, start - 8) : start]
    m = _CURRENCY_BEFORE.search(window)
    if not m:
        return None
    raw = re.sub(r"\s", "", m.group("code")).lower()
    code = _CURRENCY_CODES.get(raw)
    if code is None:
        return None
    begin = start - (len(window) - m.start())
    if begin > 0 and (text[begin - 1].isalnum() and raw[0].isalpha()):
        # "XPS2" is not a price; "current $18.6bn" is dollars, not NT$ glued to a word
        symbol = raw.lstrip("abcdefghijklmnopqrstuvwxyz")
        if not symbol or symbol == raw or symbol not in _CURRENCY_CODES:
            return None
        code, begin = _CURRENCY_CODES[symbol], start - len(symbol) - len(m.group("gap"))
        return (code, begin, bool(m.group("neg"))) if text.startswith(symbol, begin) else None
    if raw in _GLUED_ONLY_PREFIX and (m.group("gap") or m.group("neg")):
        return None
    if raw.isalpha() and len(raw) == 3 and m.group("gap") == "" and not text[start].isdigit():
        return None
    return code, begin, bool(m.group("neg"))


# A currency named in words before the amount, with its country ("Australian dollar 29.4bn",
# "US dollars 5m"): the multi-word names of the currency table, so "won 5m" stays a verb.
_NAME_BEFORE = re.compile(
    r"\b(?P<name>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(CURRENCY_AFTER, key=len, reverse=True)
        if " " in w and "." not in w
    )
    + r")\s+$",
    re.IGNORECASE,
)


def match_currency_name_before(text: str, start: int) -> tuple[str, int] | None:
    """(ISO code, start of the name) of a currency named in words right before a number."""
    m = _NAME_BEFORE.search(text, max(0, start - 32), start)
    if not m:
        return None
    return CURRENCY_AFTER[" ".join(m.group("name").lower().split())], m.start()


def match_us_after(text: str, pos: int) -> int:
    """End of a trailing "US"/"U.S." after a dollar amount ("$76 US"), or pos."""
    m = _US_AFTER.match(text, pos)
    return m.end() if m else pos


def match_per(text: str, pos: int) -> tuple[str, int] | None:
    """(denominator name, end) for "per barrel", "/sq m", "a month", "an ounce" after a quantity."""
    m = _PER.match(text, pos)
    if not m:
        return None
    den = re.sub(r"\s+", " ", m.group("den")).lower().rstrip(".")
    den = _DENOMINATOR_WORDS.get(den, den)  # "per annum": per year
    sep = m.group("sep").strip().lower()
    end = m.end()
    if (
        sep in ("a", "an", "-a-", "-an-")
        and den in _TIME_DENOMINATORS
        and _TIME_AFTER.match(text, end)
    ):
        return None
    named = _NAMED_DENOMINATOR.match(text, m.start("den"))
    if sep in ("per", "-per-") and named and named.group(2).lower() in _PER_A:
        # "530 pence per LSE share": the company names the share, the share is the unit
        den, end = named.group(2).lower(), named.end()
    if sep in ("a", "an", "-a-", "-an-", "each") and den not in _PER_A and not _measure(den):
        return None
    if sep == "/" and not (den.isalpha() or den.startswith("sq")):
        return None
    if den in ("cent", "percent"):
        return None
    name = DENOMINATOR_NAMES.get(den)
    if name is None:
        code = WORD_SURFACES.get(den) or SYMBOL_SURFACES.get(den)
        u = UNITS.get(code) if code else None
        name = u.name if u is not None else singular(den)
    return name, end


# An exchange rate: "$1.3270 to the euro", "104.5 yen against the dollar", "$1.87 per pound"
_CURRENCY_PER = re.compile(
    r"\s+(?:to|against|versus|vs\.?|per)\s+(?:(?:the|one|each|a|an)\s+)?(?P<cur>(?:us\s+)?[a-z]+)(?![\w$£€¥-])",
    re.IGNORECASE,
)


def match_currency_per(text: str, pos: int, code: str) -> tuple[str, int] | None:
    """(name, end) of the currency an amount in code is priced against, for an exchange rate
    ("$1.3270 to the euro" -> dollar per euro); never the amount's own currency."""
    m = _CURRENCY_PER.match(text, pos)
    if m is None:
        return None
    word = m.group("cur").lower()
    other = "GBP" if word in ("pound", "pounds") else WORD_SURFACES.get(word)
    u = UNITS.get(other) if other else None
    if u is None or u.dim != "money" or other == code:
        return None
    return u.name, m.end()


# A currency named anywhere in a sentence ("quoted in the ariary", "China's yuan"); names that
# are common words ("won", "real", "rand", "dong") are left out.
_NAMED_ANYWHERE = re.compile(
    r"(?<![\w$£€¥-])(?P<name>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(CURRENCY_AFTER, key=len, reverse=True)
        if w not in ("won", "real", "reals", "rand", "rands", "dong", "eur") and "." not in w
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)


def currency_per_of_sentence(sentence: str, end: int) -> str | None:
    """The ISO code a bare exchange rate is in: "the ariary, which was trading at 1,893 to the
    US dollar" -> MGA; the one currency the sentence names besides the one the rate is priced
    against (none when it names none or several, or when "to the" names no currency in the
    table: "against the greenback" stays bare)."""
    m = _CURRENCY_PER.match(sentence, end)
    if m is None:
        return None
    word = " ".join(m.group("cur").lower().split())
    against = "GBP" if word in ("pound", "pounds") else WORD_SURFACES.get(word)
    u = UNITS.get(against) if against else None
    if u is None or u.dim != "money":
        return None
    codes = {
        CURRENCY_AFTER[" ".join(n.group("name").lower().split())]
        for n in _NAMED_ANYWHERE.finditer(sentence)
        if not m.start() <= n.start() < m.end()
    }
    codes.discard(against)
    return codes.pop() if len(codes) == 1 else None


def _measure(word: str) -> bool:
    """Whether a word names a unit of measure in the table ("pint", "metre", "litre"), so
    "1p a pint" is a rate; money, ratios and scores are never the thing measured per."""
    code = WORD_SURFACES.get(word)
    u = UNITS.get(code) if code else None
    return u is not None and u.dim not in ("money", "ratio", "score")


def match_stuff_per(text: str, pos: int) -> tuple[str, int] | None:
    """match_per after "of <stuff>": "barrels of oil a day" -> ("day", end)."""
    m = _OF_STUFF.match(text, pos)
    return match_per(text, m.end()) if m else None


# What time is spent on, between a duration and how often: "two hours of homework a week",
# "three hours online a day", "five hours on the internet each week"
_SPENT_ON = re.compile(
    r"\s+(?:online|(?:of|on|in|at)\s+(?:the\s+)?(?:[a-z\-]+\s+)?[a-z\-]+)"
    r"(?=\s+(?:a|an|per|each)\s)"
)


def match_time_spent_per(text: str, pos: int) -> tuple[str, int] | None:
    """A duration's rate after what the time is spent on: "two hours of homework a week" ->
    ("week", end); only a time denominator ("two hours in the queue a day", never "... a man")."""
    m = _SPENT_ON.match(text, pos)
    found = match_per(text, m.end()) if m else None
    return found if found is not None and found[0] in _TIME_DENOMINATORS else None


def singular(word: str) -> str:
    """A plain English singular for a counted noun ("villages" -> "village")."""
    w = word
    low = w.lower()
    irregular = {"people": "people", "men": "man", "women": "woman", "children": "child",
                 "servicemen": "serviceman", "feet": "foot", "teeth": "tooth", "mice": "mouse",
                 "police": "police", "personnel": "personnel", "staff": "staff",
                 "series": "series", "species": "species", "news": "news"}  # fmt: skip
    if low in irregular:
        return irregular[low]
    if low.endswith("ies") and len(low) > 4:
        return w[:-3] + "y"
    if re.search(r"(?:ches|shes|sses|xes|zes)$", low):
        return w[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return w[:-1]
    return w


def to_base(value: float, code: str) -> tuple[float, str] | None:
    """A value in the dimension's base unit (km, km2, kg, day, ...), or None if unknown."""
    u = UNITS.get(code)
    if u is None:
        return None
    return value * u.factor + u.offset, u.base
