"""The unit table: each unit's code, dimension and base, the currencies of bot/data/currencies.tsv,
and the surfaces (words, symbols) written after a number that name them. Split from units.py,
which reads phrases with it, so the data and the reading are apart."""

from __future__ import annotations

from dataclasses import dataclass

from bot.extract.word_lists import table


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
        _u("Gt", "mass", 1e12, "kg", "gigatonne"),
        _u("lb", "mass", 0.45359237, "kg", "pound"),
        _u("oz", "mass", 0.028349523125, "kg", "ounce"),
        _u("st", "mass", 6.35029318, "kg", "stone"),
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

# Currencies come from a table (bot/data/currencies.tsv): ISO code, singular name (also the one
# in compound units: "yen per dollar"), the names written after a number, the symbols or codes
# written before one, and the full English name where it is longer ("South Korean won").


def _load_currencies() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(code -> name, name after a number -> code, symbol before a number -> code, code -> full
    English name where it differs from the short name: "KRW" -> "South Korean won")."""
    names: dict[str, str] = {}
    after: dict[str, str] = {}
    before: dict[str, str] = {}
    full: dict[str, str] = {}
    for code, name, words, symbols, *english in table("currencies.tsv", "bot"):
        names[code] = name
        if english and english[0]:
            full[code] = english[0]
        for w in filter(None, words.split("|")):
            after.setdefault(w.strip().lower(), code)
        for sym in filter(None, symbols.split("|")):
            before.setdefault(sym, code)
    return names, after, before, full


CURRENCY_NAMES, CURRENCY_AFTER, CURRENCY_SYMBOLS, _ENGLISH_NAMES = _load_currencies()
for _code, _name in CURRENCY_NAMES.items():
    UNITS[_code] = Unit(_code, "money", 1, _code, 0.0, _name)
UNITS["cent"] = Unit("cent", "money", 0.01, "USD", 0.0, "cent")
UNITS["p"] = Unit("p", "money", 0.01, "GBP", 0.0, "penny")
UNITS["sen"] = Unit("sen", "money", 0.01, "MYR", 0.0, "sen")
# a compound read as "<unit> per <denominator>" that the table names as one unit ("megabit per
# second" is Mbps)
UNITS_BY_NAME: dict[str, Unit] = {u.name: u for u in UNITS.values()}

# The name a unit is given where a reader or another tool sees it (`extract --json`): the English
# name in CQE's naming, lower-cased ("japanese yen", "south korean won", "nautical mile", "degree
# celsius"), since a code such as "KRW" or "nmi" means nothing to a reader who does not know it.
# A name that would read as another unit is spelt apart: "pound" is money, so lb is "pound-mass";
# pence keep the "p" news writes ("68p"; NewsQuant's gold names them so, not "penny").
_NAME_APART = {
    "lb": "pound-mass", "p": "p", "parts-per-million": "parts-per-million",
    "parts-per-billion": "parts-per-billion",
}  # fmt: skip


def unit_name(code: str | None) -> str | None:
    """The English name of a unit code ("KRW" -> "south korean won", "km" -> "kilometre"); a
    counted noun or compound unit ("people", "dollar per barrel") is its own name."""
    if code is None or code not in UNITS:
        return code
    return (_NAME_APART.get(code) or _ENGLISH_NAMES.get(code) or UNITS[code].name).lower()


# Surfaces written after a number. Words match in any case; symbols only as written.
WORD_SURFACES: dict[str, str] = {
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
    "tons": "t", "metric tons": "t", "metric ton": "t", "gigatonne": "Gt", "gigatonnes": "Gt",
    "gigaton": "Gt", "gigatons": "Gt", "lbs": "lb", "ounce": "oz", "kgs": "kg",
    "stone": "st",  # "he weighs 12 stone"; "five stones" are counted stones
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
    "mah": "milliampere-hour", "newton metres": "newton metre", "newton meters": "newton metre",
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
for _w, _c in CURRENCY_AFTER.items():
    WORD_SURFACES.setdefault(_w, _c)
SYMBOL_SURFACES: dict[str, str] = {
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
    "NOK": "NOK", "KRW": "KRW", "c": "cent", "nm": "nm", "Nm": "newton metre", "Gt": "Gt",
}  # fmt: skip
# A currency's own sign or ISO code written after the number, as much of Europe and Asia write it
# ("50 zł", "1 200 Kč", "300 AED", "₹"): each symbol of the currency table that is no plain
# word (a sign with a letter outside A-Z, or a three-letter upper-case code), and "kr" for the
# krona/krone (the Swedish one unless the text names another country: units.krona_of).
for _sym, _code in CURRENCY_SYMBOLS.items():
    if "$" in _sym or " " in _sym or "." in _sym:
        continue
    if (len(_sym) == 3 and _sym.isalpha() and _sym.isupper()) or not _sym.isascii():
        SYMBOL_SURFACES.setdefault(_sym, _code)
SYMBOL_SURFACES.update({"kr": "SEK", "kr.": "SEK", "Kr": "SEK", "SEK": "SEK"})
# "16yo", "2st 5lb": glued only ("st" after a number ending in 1 is an ordinal: figure_candidates)
SYMBOL_SURFACES.update({"yo": "year", "st": "st"})
WORD_SURFACES.setdefault("quid", "GBP")
# Symbols are read in the case written: "nm" is the nanometre ("a 7nm chip", "read at 450 nm"),
# "Nm" the newton metre of torque ("450 Nm"), "Gt" the gigatonne ("12 Gt of carbon").
# A symbol must be glued to the number ("45g") unless listed here ("5 W", "12 C", "68 p").
SPACED_SYMBOLS = frozenset(
    {"%", "pp", "cm", "mm", "μm", "µm", "km²", "km2", "m²", "m2", "mi²", "ha", "ml", "mL", "mg",
     "kg", "lb", "oz", "min", "hr", "W", "kW", "MW", "GW", "TW", "PS", "°C", "°F", "C", "F",
     "GB", "TB", "MB", "KB", "V", "kV", "dB", "€", "p", "USD", "EUR", "GBP", "JPY", "CNY",
     "RMB", "INR", "RUB", "UAH", "CHF", "AUD", "CAD", "HKD", "kn", "MYR", "ILS", "NIS", "DKK",
     "SEK", "NOK", "KRW", "m", "ft", "mi", "L", "l", "nm", "Nm", "Gt", "kr", "kr.", "Kr"}
    | {sym for sym, code in SYMBOL_SURFACES.items() if code in CURRENCY_NAMES}
)  # fmt: skip
