"""Units of measure and currencies next to a number: lexicon, matching and base-unit conversion."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: the code we report, its dimension, and how to reach the dimension's base unit."""

    code: str
    dim: str
    factor: float = 1.0  # base_value = value * factor (+ offset)
    base: str = ""
    offset: float = 0.0
    name: str = ""  # singular name, used in compound units ("dollar per barrel")


def _u(
    code: str, dim: str, factor: float = 1.0, base: str = "", name: str = "", offset: float = 0.0
) -> Unit:
    return Unit(code, dim, factor, base or code, offset, name or code)


# code -> Unit. Codes follow common short symbols; dimension bases are km, km2, l, kg, day,
# km/h, kW, kWh, degC, percent; money keeps its own currency (no exchange rates offline).
UNITS: dict[str, Unit] = {
    u.code: u
    for u in (
        _u("km", "length", 1, "km", "kilometre"),
        _u("m", "length", 1e-3, "km", "metre"),
        _u("cm", "length", 1e-5, "km", "centimetre"),
        _u("mm", "length", 1e-6, "km", "millimetre"),
        _u("um", "length", 1e-9, "km", "micrometre"),
        _u("nm", "length", 1e-12, "km", "nanometre"),
        _u("mi", "length", 1.609344, "km", "mile"),
        _u("nmi", "length", 1.852, "km", "nautical mile"),
        _u("ft", "length", 3.048e-4, "km", "foot"),
        _u("in", "length", 2.54e-5, "km", "inch"),
        _u("yd", "length", 9.144e-4, "km", "yard"),
        _u("km2", "area", 1, "km2", "square kilometre"),
        _u("m2", "area", 1e-6, "km2", "square metre"),
        _u("mi2", "area", 2.589988110336, "km2", "square mile"),
        _u("ft2", "area", 9.290304e-8, "km2", "square foot"),
        _u("ha", "area", 0.01, "km2", "hectare"),
        _u("acre", "area", 4.0468564224e-3, "km2", "acre"),
        _u("l", "volume", 1, "l", "litre"),
        _u("ml", "volume", 1e-3, "l", "millilitre"),
        _u("gal", "volume", 3.785411784, "l", "gallon"),
        _u("pint", "volume", 0.56826125, "l", "pint"),
        _u("cubic foot", "volume", 28.316846592, "l", "cubic foot"),
        _u("cubic metre", "volume", 1000, "l", "cubic metre"),
        _u("bcm", "volume", 1e12, "l", "billion cubic metres"),
        _u("bbl", "volume", 158.987294928, "l", "barrel"),
        _u("bbl/d", "flow", 1, "bbl/d", "barrel per day"),
        _u("kg", "mass", 1, "kg", "kilogram"),
        _u("g", "mass", 1e-3, "kg", "gram"),
        _u("milligram", "mass", 1e-6, "kg", "milligram"),
        _u("t", "mass", 1000, "kg", "tonne"),
        _u("lb", "mass", 0.45359237, "kg", "pound"),
        _u("oz", "mass", 0.028349523125, "kg", "ounce"),
        _u("s", "time", 1 / 86400, "day", "second"),
        _u("min", "time", 1 / 1440, "day", "minute"),
        _u("h", "time", 1 / 24, "day", "hour"),
        _u("day", "time", 1, "day", "day"),
        _u("week", "time", 7, "day", "week"),
        _u("month", "time", 30.4375, "day", "month"),
        _u("year", "time", 365.25, "day", "year"),
        _u("decade", "time", 3652.5, "day", "decade"),
        _u("century", "time", 36525, "day", "century"),
        _u("mph", "speed", 1.609344, "km/h", "mile per hour"),
        _u("km/h", "speed", 1, "km/h", "kilometre per hour"),
        _u("kn", "speed", 1.852, "km/h", "knot"),
        _u("m/s", "speed", 3.6, "km/h", "metre per second"),
        _u("W", "power", 1e-3, "kW", "watt"),
        _u("kW", "power", 1, "kW", "kilowatt"),
        _u("MW", "power", 1e3, "kW", "megawatt"),
        _u("GW", "power", 1e6, "kW", "gigawatt"),
        _u("TW", "power", 1e9, "kW", "terawatt"),
        _u("hp", "power", 0.745699872, "kW", "horsepower"),
        _u("PS", "power", 0.73549875, "kW", "metric horsepower"),
        _u("kWh", "energy", 1, "kWh", "kilowatt hour"),
        _u("megawatt hour", "energy", 1e3, "kWh", "megawatt hour"),
        _u("gigawatt hour", "energy", 1e6, "kWh", "gigawatt hour"),
        _u("terawatt hour", "energy", 1e9, "kWh", "terawatt hour"),
        _u("milliampere-hour", "charge", 1, "mAh", "milliampere-hour"),
        _u("newton metre", "torque", 1, "Nm", "newton metre"),
        _u("pound-foot", "torque", 1.3558179483, "Nm", "pound-foot"),
        _u("degC", "temperature", 1, "degC", "degree Celsius"),
        _u("degF", "temperature", 5 / 9, "degC", "degree Fahrenheit", offset=-32 * 5 / 9),
        _u("deg", "angle", 1, "deg", "degree"),
        _u("percent", "ratio", 1, "percent", "percent"),
        _u("pp", "ratio", 1, "pp", "percentage point"),
        _u("bp", "ratio", 0.01, "pp", "basis point"),
        _u("point", "score", 1, "point", "point"),
        _u("times", "ratio", 1, "times", "time"),
        _u("KB", "data", 1e-6, "GB", "kilobyte"),
        _u("MB", "data", 1e-3, "GB", "megabyte"),
        _u("GB", "data", 1, "GB", "gigabyte"),
        _u("TB", "data", 1e3, "GB", "terabyte"),
        _u("kbit", "data", 1.25e-7, "GB", "kilobit"),
        _u("Mbit", "data", 1.25e-4, "GB", "megabit"),
        _u("Gbit", "data", 0.125, "GB", "gigabit"),
        _u("kbps", "bandwidth", 1e-3, "Mbps", "kilobit per second"),
        _u("Mbps", "bandwidth", 1, "Mbps", "megabit per second"),
        _u("Gbps", "bandwidth", 1e3, "Mbps", "gigabit per second"),
        _u("Hz", "frequency", 1, "Hz", "hertz"),
        _u("kHz", "frequency", 1e3, "Hz", "kilohertz"),
        _u("MHz", "frequency", 1e6, "Hz", "megahertz"),
        _u("GHz", "frequency", 1e9, "Hz", "gigahertz"),
        _u("revolutions per minute", "frequency", 1 / 60, "Hz", "revolution per minute"),
        _u("volt", "voltage", 1, "volt", "volt"),
        _u("kilovolt", "voltage", 1e3, "volt", "kilovolt"),
        _u("decibel", "sound", 1, "decibel", "decibel"),
        _u("parts-per-million", "concentration", 1e3, "parts-per-billion", "part per million"),
        _u("parts-per-billion", "concentration", 1, "parts-per-billion", "part per billion"),
        _u("gigapascal", "pressure", 1, "GPa", "gigapascal"),
        _u("psi", "pressure", 6.894757e-6, "GPa", "pound per square inch"),
        _u("mpg", "economy", 1, "mpg", "mile per gallon"),
    )
}

# Currencies come from a table (bot/data/currencies.tsv): ISO code, singular name, the names
# written after a number and the symbols or codes written before one.
_CURRENCY_TABLE = Path(__file__).resolve().parent.parent / "data" / "currencies.tsv"


def _load_currencies() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(code -> name, name after a number -> code, symbol before a number -> code)."""
    names: dict[str, str] = {}
    after: dict[str, str] = {}
    before: dict[str, str] = {}
    for line in _CURRENCY_TABLE.read_text(encoding="utf8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, words, symbols = line.split("\t")
        names[code] = name
        for w in filter(None, words.split("|")):
            after.setdefault(w.strip().lower(), code)
        for sym in filter(None, symbols.split("|")):
            before.setdefault(sym, code)
    return names, after, before


CURRENCY_NAMES, _CURRENCY_AFTER, _CURRENCY_SYMBOLS = _load_currencies()
for _code, _name in CURRENCY_NAMES.items():
    UNITS[_code] = Unit(_code, "money", 1, _code, 0.0, _name)
UNITS["cent"] = Unit("cent", "money", 0.01, "USD", 0.0, "cent")
UNITS["p"] = Unit("p", "money", 0.01, "GBP", 0.0, "penny")
UNITS["sen"] = Unit("sen", "money", 0.01, "MYR", 0.0, "sen")
# a compound read as "<unit> per <denominator>" that the table names as one unit ("megabit per
# second" is Mbps)
UNITS_BY_NAME: dict[str, Unit] = {u.name: u for u in UNITS.values()}

# Surfaces written after a number. Words match in any case; symbols only as written.
_WORD_SURFACES: dict[str, str] = {
    # length
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
    "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
    "micrometre": "um", "micrometres": "um", "micrometer": "um", "micrometers": "um",
    "micron": "um", "microns": "um", "nanometre": "nm", "nanometres": "nm",
    "nanometer": "nm", "nanometers": "nm", "mile": "mi", "miles": "mi",
    "nautical mile": "nmi", "nautical miles": "nmi", "foot": "ft", "feet": "ft",
    "inch": "in", "inches": "in", "yard": "yd", "yards": "yd", "yds": "yd",
    # area
    "square kilometre": "km2", "square kilometres": "km2", "square kilometer": "km2",
    "square kilometers": "km2", "sq km": "km2", "sq. km": "km2", "sq km.": "km2",
    "square mile": "mi2", "square miles": "mi2", "sq mi": "mi2", "sq. mi": "mi2",
    "sq miles": "mi2", "square metre": "m2", "square metres": "m2", "square meter": "m2",
    "square meters": "m2", "sq m": "m2", "sqm": "m2", "sq. m": "m2", "square foot": "ft2",
    "square feet": "ft2", "sq ft": "ft2", "sq. ft": "ft2", "sqft": "ft2", "hectare": "ha",
    "hectares": "ha", "acre": "acre", "acres": "acre",
    # volume
    "litre": "l", "litres": "l", "liter": "l", "liters": "l", "millilitre": "ml",
    "millilitres": "ml", "milliliter": "ml", "milliliters": "ml", "gallon": "gal",
    "gallons": "gal", "pints": "pint", "pint": "pint", "cubic feet": "cubic foot", "cubic foot": "cubic foot", "cubic metres": "cubic metre",
    "cubic meters": "cubic metre", "cubic metre": "cubic metre", "cubic meter": "cubic metre", "bcm": "bcm",
    "barrels per day": "bbl/d", "barrels a day": "bbl/d", "barrel-a-day": "bbl/d",
    "barrels-a-day": "bbl/d", "barrel per day": "bbl/d", "bpd": "bbl/d", "b/d": "bbl/d",
    "barrel": "bbl", "barrels": "bbl", "bbl": "bbl",
    # mass
    "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg", "kilogrammes": "kg",
    "kilo": "kg", "kilos": "kg", "gram": "g", "grams": "g", "gramme": "g", "grammes": "g",
    "milligram": "milligram", "milligrams": "milligram", "tonne": "t", "tonnes": "t", "ton": "t",
    "tons": "t", "metric tons": "t", "metric ton": "t", "lbs": "lb", "ounce": "oz",
    "ounces": "oz",
    # time
    "second": "s", "seconds": "s", "secs": "s", "minute": "min", "minutes": "min",
    "mins": "min", "hour": "h", "hours": "h", "hrs": "h", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year",
    "years": "year", "yrs": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
    # speed
    "mph": "mph", "m.p.h.": "mph", "miles per hour": "mph", "miles an hour": "mph",
    "kmh": "km/h", "kph": "km/h", "km/h": "km/h", "km/hr": "km/h",
    "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "kilometres an hour": "km/h", "kilometers an hour": "km/h", "knots": "kn",
    # power, energy
    "watt": "W", "watts": "W", "kilowatt": "kW", "kilowatts": "kW", "megawatt": "MW",
    "megawatts": "MW", "gigawatt": "GW", "gigawatts": "GW", "terawatt": "TW",
    "terawatts": "TW", "horsepower": "hp", "hp": "hp", "bhp": "hp",
    "kilowatt hours": "kWh", "kilowatt-hours": "kWh", "kilowatt hour": "kWh",
    "megawatt hours": "megawatt hour", "megawatt-hours": "megawatt hour", "gigawatt hours": "gigawatt hour",
    "gigawatt-hours": "gigawatt hour", "kwh": "kWh", "mwh": "megawatt hour", "gwh": "gigawatt hour", "twh": "terawatt hour",
    "mah": "milliampere-hour", "nm": "newton metre", "newton metres": "newton metre", "newton meters": "newton metre",
    "lb-ft": "pound-foot", "lb ft": "pound-foot", "pound-feet": "pound-foot", "pound-foot": "pound-foot",
    # temperature, angle
    "degrees celsius": "degC", "degree celsius": "degC", "degrees centigrade": "degC",
    "celsius": "degC", "degrees fahrenheit": "degF", "degree fahrenheit": "degF",
    "fahrenheit": "degF", "degrees": "deg", "degree": "deg", "centigrade": "degC",
    "deg c": "degC", "deg. c": "degC", "degrees c": "degC", "degree c": "degC",
    "deg f": "degF", "deg. f": "degF", "degrees f": "degF", "degree f": "degF",
    "deg celsius": "degC", "deg fahrenheit": "degF",
    # ratios
    "percent": "percent", "per cent": "percent", "pct": "percent", "percentage": "percent",
    "pc": "percent", "percentage points": "pp", "percentage point": "pp",
    "basis points": "bp", "basis point": "bp", "bps": "bp", "points": "point",
    "point": "point", "pts": "point", "times": "times",
    # data, frequency, electrical, other
    "gigabytes": "GB", "gigabyte": "GB", "terabytes": "TB", "terabyte": "TB",
    "megabytes": "MB", "megabyte": "MB", "kilobytes": "KB", "mbps": "Mbps", "gbps": "Gbps",
    "megabits per second": "Mbps", "megabit per second": "Mbps", "kbps": "kbps",
    "kilobits per second": "kbps", "kilobit per second": "kbps", "kilobits": "kbit",
    "kilobit": "kbit", "megabits": "Mbit", "megabit": "Mbit", "gigabits": "Gbit",
    "gigabit": "Gbit",
    "gigabits per second": "Gbps", "gigabit per second": "Gbps",
    "hertz": "Hz", "hz": "Hz", "khz": "kHz", "mhz": "MHz", "ghz": "GHz", "gigahertz": "GHz",
    "megahertz": "MHz", "rpm": "revolutions per minute", "volts": "volt", "volt": "volt", "kilovolts": "kilovolt",
    "decibels": "decibel", "decibel": "decibel", "db": "decibel", "ppm": "parts-per-million", "ppb": "parts-per-billion",
    "parts per million": "parts-per-million", "parts per billion": "parts-per-billion", "gigapascals": "gigapascal",
    "gigapascal": "gigapascal", "gpa": "gigapascal", "psi": "psi", "mpg": "mpg",
    "miles per gallon": "mpg",
    # money written after the number
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD", "taiwan dollars": "TWD",
    "euros": "EUR", "euro": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupees": "INR", "pounds sterling": "GBP", "sterling": "GBP", "shekels": "ILS",
    "new shekels": "ILS", "shekel": "ILS", "danish crowns": "DKK", "danish kroner": "DKK",
    "swedish crowns": "SEK", "swedish kronor": "SEK", "norwegian crowns": "NOK",
    "norwegian kroner": "NOK", "swiss francs": "CHF", "roubles": "RUB", "rubles": "RUB",
    "hryvnias": "UAH", "hryvnia": "UAH", "hryvnia.": "UAH", "ringgit": "MYR",
    "pesos": "MXN", "naira": "NGN", "baht": "THB", "zlotys": "PLN", "zloty": "PLN",
    "riyals": "SAR", "dirhams": "AED", "lira": "TRY", "rupiah": "IDR", "won": "KRW",
    "rand": "ZAR", "cents": "cent", "cent": "cent", "pence": "p", "sen": "sen",
}  # fmt: skip
for _w, _c in _CURRENCY_AFTER.items():
    _WORD_SURFACES.setdefault(_w, _c)
_SYMBOL_SURFACES: dict[str, str] = {
    "%": "percent", "pp": "pp", "m": "m", "cm": "cm", "mm": "mm", "μm": "um", "µm": "um",
    "mi": "mi", "ft": "ft", "″": "in", '"': "in", "km²": "km2", "km2": "km2", "m²": "m2",
    "m2": "m2", "mi²": "mi2", "mi2": "mi2", "ha": "ha", "l": "l", "L": "l", "ml": "ml",
    "mL": "ml", "g": "g", "mg": "milligram", "kg": "kg", "t": "t", "lb": "lb", "oz": "oz",
    "s": "s", "min": "min", "h": "h", "hr": "h", "W": "W", "kW": "kW", "MW": "MW",
    "GW": "GW", "TW": "TW", "PS": "PS", "°C": "degC", "°F": "degF", "°": "deg", "C": "degC",
    "F": "degF", "GB": "GB", "TB": "TB", "MB": "MB", "KB": "KB", "V": "volt", "kV": "kilovolt",
    "dB": "decibel", "x": "times", "€": "EUR", "£": "GBP", "p": "p", "USD": "USD",
    "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "INR": "INR",
    "RUB": "RUB", "UAH": "UAH", "CHF": "CHF", "AUD": "AUD", "CAD": "CAD", "HKD": "HKD",
    "kn": "HRK", "MYR": "MYR", "ILS": "ILS", "NIS": "ILS", "DKK": "DKK", "SEK": "SEK",
    "NOK": "NOK", "KRW": "KRW", "c": "cent",
}  # fmt: skip
# A symbol must be glued to the number ("45g") unless listed here ("5 W", "12 C", "68 p").
_SPACED_SYMBOLS = frozenset(
    {"%", "pp", "cm", "mm", "μm", "µm", "km²", "km2", "m²", "m2", "mi²", "ha", "ml", "mL", "mg",
     "kg", "lb", "oz", "min", "hr", "W", "kW", "MW", "GW", "TW", "PS", "°C", "°F", "C", "F",
     "GB", "TB", "MB", "KB", "V", "kV", "dB", "€", "p", "USD", "EUR", "GBP", "JPY", "CNY",
     "RMB", "INR", "RUB", "UAH", "CHF", "AUD", "CAD", "HKD", "kn", "MYR", "ILS", "NIS", "DKK",
     "SEK", "NOK", "KRW", "m", "ft", "mi", "L", "l"}
)  # fmt: skip


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
    return pat


_CURRENCY_BEFORE = re.compile(
    r"(?:(?P<code>"
    + "|".join(_symbol_pattern(sym) for sym in sorted(_CURRENCY_SYMBOLS, key=len, reverse=True))
    + r")(?P<gap>\s?)(?P<neg>[-−]?))$"
)
_CURRENCY_CODES = {re.sub(r"\s", "", sym).lower(): code for sym, code in _CURRENCY_SYMBOLS.items()}
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
    return _WORD_SURFACES.get(word.lower())


def match_unit_after(text: str, pos: int) -> tuple[str, int, str] | None:
    """(unit code, end, surface) of a unit written right after a number ending at pos."""
    m = _UNIT_TOKENS.match(text, pos)
    if not m:
        return None
    sep = m.group("sep")
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
            if found is not None:
                if found == "s" and _HAND_AFTER.match(text, start + len(cut)):
                    return None  # "six second hand airplanes": used ones, not six seconds
                return found, start + len(cut), cut
    return None


_HAND_AFTER = re.compile(r"[ \t-]+hand(?:ed)?\b", re.IGNORECASE)


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
    if not multiword and surface in _SYMBOL_SURFACES:
        if sep and (surface not in _SPACED_SYMBOLS or "-" in sep):
            return None
        return _SYMBOL_SURFACES[surface]
    key = " ".join(surface.lower().split())
    code = _WORD_SURFACES.get(key)
    if code is None and len(key) >= _FUZZY_MIN and key[-1].isalpha():
        code = _misspelt(key)  # not "kilometres." (the dot is the sentence's: _variants)
    if code is None or (key in _AMBIGUOUS_WORDS and "-" in sep):
        return None
    return code


# Misspelt measurement words ("celcius", "farenheit", "milimetres", "degress celsius") are read
# as the word one edit away. Only long words of physical dimensions: "decrees" must not
# become degrees, "collars" not dollars.
_FUZZY_DIMS = frozenset({"temperature", "length", "area", "volume", "mass"})
_FUZZY_MIN = 7
_FUZZY: dict[str, list[tuple[str, str]]] = {}
for _w, _c in _WORD_SURFACES.items():
    if len(_w) >= _FUZZY_MIN and _c in UNITS and UNITS[_c].dim in _FUZZY_DIMS:
        _FUZZY.setdefault(_w[:2], []).append((_w, _c))


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by one insertion, deletion, substitution or swap of neighbours."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (
            i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        )
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def _misspelt(key: str) -> str | None:
    for word, code in _FUZZY.get(key[:2], ()):
        if _one_edit(key, word):
            return code
    return None


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
        for w in sorted(_CURRENCY_AFTER, key=len, reverse=True)
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
    return _CURRENCY_AFTER[" ".join(m.group("name").lower().split())], m.start()


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
        code = _WORD_SURFACES.get(den) or _SYMBOL_SURFACES.get(den)
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
    other = "GBP" if word in ("pound", "pounds") else _WORD_SURFACES.get(word)
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
        for w in sorted(_CURRENCY_AFTER, key=len, reverse=True)
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
    against = "GBP" if word in ("pound", "pounds") else _WORD_SURFACES.get(word)
    u = UNITS.get(against) if against else None
    if u is None or u.dim != "money":
        return None
    codes = {
        _CURRENCY_AFTER[" ".join(n.group("name").lower().split())]
        for n in _NAMED_ANYWHERE.finditer(sentence)
        if not m.start() <= n.start() < m.end()
    }
    codes.discard(against)
    return codes.pop() if len(codes) == 1 else None


def _measure(word: str) -> bool:
    """Whether a word names a unit of measure in the table ("pint", "metre", "litre"), so
    "1p a pint" is a rate; money, ratios and scores are never the thing measured per."""
    code = _WORD_SURFACES.get(word)
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
