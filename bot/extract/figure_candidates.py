"""One number read as a candidate figure: its currency, unit, "per X", sign and qualifier."""

from __future__ import annotations

import re

from bot.extract.ages import age_before_unit
from bot.extract.defined_units import defined_acronyms
from bot.extract.figure_reading import NOUN_WORD, OF_WORD, STOP_WORDS, Cand, is_plural
from bot.extract.heights import read_height
from bot.extract.not_figures import (
    after_label,
    is_year,
    not_a_figure_after,
    not_a_figure_before,
    phone_like,
)
from bot.extract.numbers import CURRENCY_ONLY_SCALES, Number, find_numbers
from bot.extract.qualifiers import attach_qualifier
from bot.extract.rate_bases import rate_base_after
from bot.extract.temperatures import read_temperature
from bot.extract.units import (
    UNITS,
    UNITS_BY_NAME,
    krona_of,
    match_currency_before,
    match_currency_name_before,
    match_currency_per,
    match_per,
    match_stuff_per,
    match_time_spent_per,
    match_unit_after,
    match_us_after,
)

_MINUS = re.compile(r"\bminus[\s-]?$|(?<![\w\d])−$", re.IGNORECASE)

# "two out of three", "two out of every three search requests": a share
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:every\s+)?(\d+|[a-z]+)\b", re.I)


# "PS" for "£" (text that lost its pound sign) before a bare single digit names a product
_PRODUCT_PS = re.compile(r"PS\d")
_MULTI_BEFORE = re.compile(r"\b(?:multi|multiple)[-‑]$", re.IGNORECASE)


def candidate(text: str, n: Number) -> Cand | None:
    """A number with its currency, scale, unit and qualifier; None when it is not a figure."""
    start, end = n.start, n.end
    value, scale = n.value, n.scale
    currency: str | None = None
    cur_start = start
    negative = False
    if n.kind == "digits":
        cur = match_currency_before(text, start)
        if cur is not None and _PRODUCT_PS.fullmatch(text, cur[1], end):
            return None  # "the PS3", "PS2 consoles": a product's name, not £3 in mangled text
        if cur is None and _RAND.search(text, max(0, start - 2), start) and n.scale >= 1e6:
            cur = ("ZAR", start - 1, False)  # "R254bn", "r1.5 billion": rand, in millions
        if cur is not None:
            currency, cur_start, negative = cur
        elif not_a_figure_before(text, start):
            return None
        if not_a_figure_after(text, n):
            return None
        if (
            currency is None
            and n.scale_abbrev in CURRENCY_ONLY_SCALES
            and not _money_follows(text, end)
        ):
            currency = _currency_carried(text, start, n.scale_abbrev)
        if (
            n.scale_abbrev in CURRENCY_ONLY_SCALES
            and currency is None
            and not _plural_follows(text, end)
            and not _money_follows(text, end)
        ) or (n.scale_abbrev == "B" and currency is None):
            value = (value or 0.0) / scale
            scale = 1.0
            end = n.bare_end
    if n.kind != "digits" and _MULTI_BEFORE.search(text, max(0, start - 8), start):
        return None  # "multi-million sellers", "multi-billion deal": size words, no number
    raw = text[n.start : (n.bare_end if n.bare_end > 0 else n.end)]
    c = Cand(
        start=cur_start,
        end=end,
        num_start=n.start,
        num_end=end,
        value=value,
        low=n.low,
        high=n.high,
        kind=n.kind,
        scale=scale,
        currency=currency is not None,
        is_int=n.kind != "digits" or "." not in raw,
        raw=raw,
    )
    if negative and c.value is not None:
        c.value = -c.value
    if n.kind in ("words", "digits") and c.value is not None and c.value > 0:
        m = _OUT_OF.match(text, end)
        if m:
            denom = _small_number(m.group(1))
            if denom and denom > c.value:
                c.value = c.value / denom
                c.kind = "fraction"
                c.end = c.num_end = m.end()
    if currency is not None:
        c.unit = currency
        c.end = match_us_after(text, end)
        _scaled_top(text, n, c)
    elif c.kind != "fraction":
        _attach_unit(text, c)
        read_temperature(text, c)  # "30c", "68f", "10 below zero", "a high of 9"
        read_height(text, c)  # "6ft 2in", "5'10\""
        if c.unit is None and age_before_unit(text, c, start, end):
            c.unit = "year"  # "aged 35", "At 23, Henson ...", "since he was 15": an age
        rate = rate_base_after(text, c.end) if c.unit is None else None
        if rate is not None:
            c.unit, c.end = rate  # "from 1.36 to 2.54 per 1 million": a rate per million
        named = match_currency_name_before(text, start) if c.unit is None else None
        if named is not None:
            c.unit, c.start, c.currency = named[0], named[1], True  # "Australian dollar 29.4bn"
    c.head = c.unit
    c.unit_end = c.end
    if n.kind == "digits" and c.unit is None:
        if text[end : end + 1].isalpha() or is_year(text, c) or after_label(text, c):
            return None
        if phone_like(text, n):
            return None
    elif (
        n.kind == "digits"
        and c.unit == "year"
        and re.fullmatch(r"(?:19|20)\d\d", raw)
        and re.fullmatch(r"\s+year", text[c.num_end : c.end])
    ):
        return None  # "for the 2005 year": the year 2005, not 2,005 years
    elif n.kind == "digits" and c.end - c.num_end == 1 and after_label(text, c):
        return None  # "The Psion series 3c": a model's name, not three cents
    if (
        n.kind == "words"
        and c.unit in UNITS
        and UNITS[c.unit].dim == "time"
        and _ADJECTIVE_HYPHEN.match(text, end)
        and _WORD_NEXT.match(text, c.end)
        and not text.endswith("old", 0, c.end)  # "a six-month-old baby" is an age
    ):
        return None  # "a five-year $700,000 award": an adjective, not a figure
    _attach_per(text, c)
    if n.kind == "digits" and currency is None:
        m = _MINUS.search(text, max(0, start - 7), start)
        if not m and c.unit in ("degC", "degF", "percent"):
            m = _HYPHEN_MINUS.search(text, max(0, start - 2), start)  # "-8C", "a rate of -0.1%"
        if m and c.value is not None:
            c.value = -c.value
            c.start = m.start()
    attach_qualifier(text, c)
    return c


# "R" (or "r" in lower-cased text) glued to a sum with a scale word is the South African rand;
# without a scale word "R2" or "r5" is a road, a round or a film rating
_RAND = re.compile(r"(?<![\w$&.'’-])[Rr]$")
_HYPHEN_MINUS = re.compile(r"(?:^|(?<=[\s(]))-$")

_ADJECTIVE_HYPHEN = re.compile(r"-\w")

_WORD_NEXT = re.compile(r"[ \t]+[^\s,.;:)]")


# "$779m-798m", "£5bn-6bn": the top of a sum's range written with the same scale and no symbol
_SCALED_TOP = re.compile(r"[-–](\d[\d,]*(?:\.\d+)?)([A-Za-z]+)\b")


def _scaled_top(text: str, n: Number, c: Cand) -> None:
    """Make c the range "$779m-798m" when a higher number with c's own scale word follows a dash."""
    m = _SCALED_TOP.match(text, c.end)
    if m is None or not n.scale_abbrev or m.group(2) != n.scale_abbrev or c.value is None:
        return
    high = float(m.group(1).replace(",", "")) * c.scale
    if high <= c.value:
        return
    c.low, c.high, c.value, c.is_range = c.value, high, None, True
    c.end = c.num_end = m.end()
    c.is_int = c.is_int and "." not in m.group(1)


def _small_number(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    nums = find_numbers(word)
    return nums[0].value if nums and nums[0].kind == "words" else None


# a sum with the same scale letter leading to this one: "fell from £5.2m to 4.9m"
_SUM_TO_BEFORE = re.compile(
    r"(?P<num>\d[\d,.]*)(?P<scale>[mb])n?\s+(?:[a-z]+\s+){0,3}?(?:to|from)\s+$"
)


def _currency_carried(text: str, start: int, scale: str) -> str | None:
    """The currency of a sum whose change this number ends ("from £5.2m to 4.9m": pounds,
    not 4.9 metres), when the sum has the same scale letter and leads to it with "to"."""
    m = _SUM_TO_BEFORE.search(text, max(0, start - 50), start)
    if m is None or m.group("scale") != scale.lower():
        return None
    cur = match_currency_before(text, m.start("num"))
    return cur[0] if cur is not None else None


def _money_follows(text: str, pos: int) -> bool:
    """ "5m euro", "2bn rand": a currency name after a scale letter makes it a scale, not metres."""
    found = match_unit_after(text, pos)
    return found is not None and UNITS[found[0]].dim == "money"


def _plural_follows(text: str, pos: int) -> bool:
    """ "2m people" is two million; "37m (121ft)" is metres."""
    m = NOUN_WORD.match(text, pos)
    return bool(m) and is_plural(m.group(1)) and m.group(1).lower() not in STOP_WORDS


_BULK_DIMS = frozenset({"money", "length", "area", "volume", "mass", "energy", "power", "data"})


def _attach_unit(text: str, c: Cand) -> None:
    found = match_unit_after(text, c.end)
    if found is None and (c.kind == "vague" or c.scale >= 1e6):
        m = OF_WORD.match(text, c.end)
        if m:
            found = match_unit_after(text, m.end())
            if found is not None and UNITS[found[0]].dim not in _BULK_DIMS:
                found = None
    if found is None:
        of = r"(?:\s+of)?" if c.kind == "vague" or c.scale >= 1e3 else ""
        m = re.match(of + r"\s?-?(pounds?)\b", text[c.end : c.end + 14], re.IGNORECASE)
        if m:
            # money when big, "sterling", or where the text prices in £ (UK news)
            after = c.end + m.end()
            money = (
                c.scale >= 1e6
                or c.kind == "vague"  # "thousands of pounds": money in British news
                # "thousands of pounds worth", "one pound buying $1.90"
                or re.match(r"\s+(?:sterling|worth|buying|bought|buys|against)\b", text[after:])
                or "£" in text
                or _pounds_per_time(text, c.start, after)
            )
            c.unit = "GBP" if money else "lb"
            c.currency = bool(money)
            c.end += m.end()
            return
        if c.kind == "digits" and c.scale == 1.0:
            m = _ACRONYM_UNIT.match(text, c.end)
            if (
                m
                and m.group(1) not in _NOT_UNITS
                and m.group(0)[0] == " "
                and not is_year(text, c)  # "In 2004 IBM said": a year before a name
                # "Save Our Seas (SOS) ... 20 SOS": the page's own acronym, no currency code
                and not (m.group(1) in UNITS and m.group(1) in defined_acronyms(text))
            ):
                c.unit = m.group(1)
                c.end = m.end()
        return
    code, uend, surface = found
    if code in ("point", "times", "deg") and c.kind == "words" and c.value == 1:
        return
    if surface.strip().lower() == "won" and c.scale < 1e3 and "korea" not in text.lower():
        return  # "Burnout 3 won three awards": the verb, not the currency
    if code == "SEK" and surface.lower().startswith("kr"):
        code = krona_of(text)  # "500 kr in Oslo" is Norwegian
    c.unit = code
    c.end = uend
    if UNITS[code].dim == "time":
        m = re.match(r"[ \t-]old\b", text[uend : uend + 5])
        if m:
            c.end = uend + m.end()
    if UNITS[code].dim == "money":
        c.currency = True


# "two pounds a month" is a price unless the sentence is about weight ("lost two pounds a week")
_PER_TIME = re.compile(r"\s*(?:per|a|an|each)\s+(?:hour|day|week|month|year)s?\b", re.IGNORECASE)
_WEIGHT_CONTEXT = re.compile(
    r"\b(?:weigh\w*|heav\w*|los[et]\w*|gain\w*|diet\w*|stones?|ounces?|kilos?|kg|lbs?|fat)\b",
    re.IGNORECASE,
)


def _pounds_per_time(text: str, start: int, end: int) -> bool:
    """Pounds per hour/day/week/month/year read as money (pay, fees, prices), not weight."""
    if not _PER_TIME.match(text, end):
        return False
    lo = text.rfind(".", 0, start) + 1
    hi = text.find(".", end)
    return not _WEIGHT_CONTEXT.search(text[lo : hi if hi >= 0 else len(text)])


# an acronym counted ("500 MPs") unless it describes a plural noun after it ("70,000 BSL users")
_ACRONYM_UNIT = re.compile(r" ?([A-Z]{2,5})(?=[\s),.;]|$)(?!\s+[A-Z][a-z])(?!\s+[a-z]{2,}s\b)")

_NOT_UNITS = frozenset(
    """AM PM GMT UTC EDT EST BST CET AD BC CE BCE US UK EU UN TV AND OR THE FOR ON IN AT TO
    OF BY A I""".split()
)


# a sum paid or earned so often: "£5m annually", "$2bn a year" is read by match_per
_MONEY_ADVERB = re.compile(
    r"\s+(annually|yearly|monthly|weekly|daily|nightly|hourly)\b(?!-)", re.IGNORECASE
)
_ADVERB_TIMES = {
    "annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
    "nightly": "night", "hourly": "hour",
}  # fmt: skip


def _attach_per(text: str, c: Cand) -> None:
    """ "$58.24 per barrel" -> dollar per barrel; "11 feet per century"."""
    if c.unit is None:
        return
    u = UNITS.get(c.unit)
    if u is None or u.dim in ("speed", "economy", "flow"):
        return
    found = match_per(text, c.end)
    if found is None and u.dim == "money" and c.scale == 1.0:
        found = match_currency_per(text, c.end, u.code)  # "$1.3270 to the euro", never "£5m"
    if found is None and u.dim in ("volume", "mass", "data"):
        found = match_stuff_per(text, c.end)  # "megabits of data per second"
    if found is None and u.dim == "time":
        found = match_time_spent_per(text, c.end)  # "two hours of homework a week"
    if found is None and u.dim == "money":
        m = _MONEY_ADVERB.match(text, c.end)  # "£5m annually": pounds per year
        found = (_ADVERB_TIMES[m.group(1).lower()], m.end()) if m else None
    if found is None:
        return
    den, end = found
    flow = UNITS.get(f"{u.code}/{den[:1]}")  # barrels (of oil) a day: the unit bbl/d
    rate = UNITS_BY_NAME.get(f"{u.name} per {den}") if u.dim == "data" else None
    if flow is not None and flow.dim == "flow":
        c.unit = flow.code
    elif rate is not None:
        c.unit = rate.code  # megabits (of data) per second: the unit Mbps
    else:
        c.unit = f"{u.name} per {den}"
    c.end = end
