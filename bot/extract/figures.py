"""Figures in news text: value, unit, qualifier, topic, claimant and base-unit value of every quantity."""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from dataclasses import dataclass

from bot.extract.numbers import CURRENCY_ONLY_SCALES, Number, find_numbers
from bot.extract.sentences import split_sentences
from bot.extract.topics import context_words, topic_of
from bot.extract.units import (
    UNITS,
    match_currency_before,
    match_per,
    match_unit_after,
    match_us_after,
    singular,
    to_base,
)
from bot.model import Figure, Quote, Sentence

log = logging.getLogger(__name__)

# ------------------------------------------------------------------ qualifiers
_QUALIFIERS: dict[str, str] = {
    "about": "approximately", "around": "approximately", "roughly": "approximately",
    "approximately": "approximately", "approx.": "approximately", "some": "approximately",
    "an estimated": "approximately", "estimated": "approximately", "circa": "approximately",
    "c.": "approximately", "~": "approximately", "≈": "approximately", "barely": "approximately",
    "averaged": "approximately", "averaging": "approximately", "or so": "approximately",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just shy of": "nearly",
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "upwards of": "more than", "upward of": "more than",
    "well over": "more than", "just over": "more than", "over than": "more than",
    "greater than": "more than", "higher than": "more than", "exceeding": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "a minimum of": "at least", "or more": "at least",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "as deep as": "up to",
    "as far as": "up to", "as high as": "up to", "as long as": "up to", "as large as": "up to",
    "a maximum of": "up to",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "just under": "less than", "lower than": "less than",
    "at most": "at most", "no more than": "at most", "not more than": "at most",
}  # fmt: skip
_QUAL_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<q>"
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+")
        for q in sorted(
            (q for q in _QUALIFIERS if q not in ("or so", "or more")), key=len, reverse=True
        )
    )
    + r")\s*|(?P<s>[~≈])\s*|(?P<sub>\bsub-))$",
    re.IGNORECASE,
)
_QUAL_AFTER = re.compile(r"(?:\s+or\s+(?P<q>so|more)\b|(?P<plus>-?plus\b|\+(?![\d])))", re.I)
_MINUS = re.compile(r"\bminus[\s-]?$|(?<![\w\d])−$", re.IGNORECASE)

# ------------------------------------------------------------------ not figures
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(_MONTH + r"\.?\s+(?:the\s+)?$")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r"\b")
_TIME_AFTER = re.compile(
    r"\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.|h\d\d|GMT|UTC|EDT|EST|BST|CET)"
)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b|s\b|['’]s\b")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|from|between|until|till|by|of|circa|year|years|early|late|mid|before|after"
    r"|during|and|to|through|spring|summer|autumn|fall|winter|season|fiscal|FY)[\s-]*|['’])$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"\s*(?:AD|BC|BCE|CE)\b|\s*(?:[-–/]\s*\d{2,4})|['’′]s\b")
_NAME_OK_BEFORE = frozenset(
    """about around over nearly almost some only just roughly approximately more fewer less under
    up down at in on by from to with of for and but or the a an all another each every than since
    between after before during until within those these its his her their our my total nearly
    exactly barely another least most top estimated average averaging averaged just plus minus
    some than last next first about among across against per be is are was were""".split()
)
_STOP = frozenset(
    """the a an and or but of to in on at for from by with as that which who whom whose this these
    those than then there their its his her our my your it he she they we you i is are was were
    be been being has have had will would could should may might can do does did not no so if
    while when where after before during since until into onto over under about around up down
    out off per each every all both any some more most less least such same other another also
    just only even still yet already again ago later earlier last next this that here said says
    say told tells according while because though although through across against within without
    between among toward towards via plus minus nearly almost roughly approximately say
    what how why once whether either neither nor""".split()
)
_VERBISH = frozenset(
    """was has is does says gets makes takes goes comes seems remains means includes shows
    looks needs wants keeps runs sits stands lies holds leaves becomes turns uses gives
    puts lets sets asks tells calls works plays moves lives believes adds notes claims
    reports estimates warns wins loses expects helps tries began became""".split()
)
_IRREGULAR_PLURALS = frozenset(
    """people men women children servicemen policemen firemen personnel police staff feet teeth
    mice geese cattle militia data media crew""".split()
)
_NP_WORD = re.compile(
    r"\s+((?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z0-9'’.\-]*[A-Za-z0-9]|[A-Za-z]|\d+(?=\s+[A-Za-z]))"
)
_OF_THE = re.compile(
    r"\s+of\s+(?:the|its|his|her|their|our|my|your|these|those|a|an)(?:\s+(?:most|least|very))?(?=\s)",
    re.I,
)
_OF = re.compile(r"\s+of(?=\s)", re.I)
_OUT_OF = re.compile(r"\s+out\s+of\s+(\d+|[a-z]+)\b", re.I)
_FOLLOW_CAP = re.compile(r"\s+[A-Z](?:[A-Za-z]|\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’&\-]*)\s+$")
# "category 4", "Game 7", "Unit 3", "No. 10": a label and its number are a name, not a figure.
_LABELS = frozenset(
    """category level phase stage grade number no no. page section article chapter step round
    tier type version class gate platform unit room route flight channel episode vol volume part
    game match group row seat lane ward zone chart item exhibit figure table act verse
    apartment suite floor building block lot box pier terminal""".split()
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:by|rose|rises|rising|fell|falls|falling|up|down|gained|gains|lost|loses|added|adds|"
    r"jumped|jumps|climbed|climbs|dropped|drops|slid|slides|declined|declines|increased|"
    r"decreased|raised|cut|shed|sheds|advanced|plunged|plunges|surged|soared|tumbled|slumped|"
    r"eased|higher|lower)\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to-?|-to-|through|thru)\s*$", re.IGNORECASE)
_DASH_GAP = re.compile(r"^\s?[-–—]\s?$")
_FROM_GAP = re.compile(r"^(?:(?!;|\.\s|,\s).){0,50}?\s(?:to|-)\s+$", re.IGNORECASE)
_NAME_OK_BEFORE_CAP = frozenset({"U.S.", "US", "UK", "EU", "UN"})


@dataclass(slots=True)
class _Cand:
    start: int  # surface start (qualifier / currency included)
    end: int  # surface end (unit or counted noun included)
    num_start: int
    num_end: int
    value: float | None
    low: float | None
    high: float | None
    kind: str
    scale: float
    unit: str | None = None
    unit_end: int = -1  # end of number + unit (before counted noun)
    head: str | None = None  # the unit before any "per X" (for joining ranges)
    currency: bool = False
    qualifier: str | None = None
    is_range: bool = False
    is_int: bool = True
    raw: str = ""


def extract_figures(
    text: str, sentences: list[Sentence] | None = None, quotes: list[Quote] | None = None
) -> list[Figure]:
    """Every figure in text, with topic and claimant taken from its sentence and the quotes."""
    if sentences is None:
        sentences = split_sentences(text)
    cands = [c for n in find_numbers(text) if (c := _candidate(text, n)) is not None]
    cands = _merge_ranges(text, cands, dashes_only=True)
    cands = _merge_ranges(text, cands, dashes_only=False)
    starts = [s.start for s in sentences]
    out: list[Figure] = []
    claims = _Claimants(text, sentences, quotes or [])
    _inherit_qualifiers(text, cands)
    covered = -1
    words_of: dict[int, list[tuple[str, int]]] = {}
    for c in cands:
        if c.num_start < covered or not _finish(text, c) or _name_or_rank(text, c):
            continue
        covered = c.end
        i = bisect.bisect_right(starts, c.num_start) - 1
        sent = sentences[i] if 0 <= i < len(sentences) else None
        if sent is not None and c.num_start >= sent.end:
            sent = None
        ctx = sent.text if sent else text[max(0, c.start - 150) : c.end + 150]
        ctx_start = sent.start if sent else max(0, c.start - 150)
        if i not in words_of:
            words_of[i] = context_words(ctx)
        topic = topic_of(
            c.head or c.unit, ctx, c.num_start - ctx_start, words_of[i] if sent else None
        )
        if c.unit is None and topic in _PEOPLE_TOPICS:
            c.unit = _people_noun_before(ctx, c.num_start - ctx_start)
        base_value, base_unit = _base(c)
        out.append(
            Figure(
                surface=text[c.start : c.end],
                start=c.start,
                end=c.end,
                value=c.value,
                low=c.low,
                high=c.high,
                unit=c.unit,
                qualifier=c.qualifier,
                topic=topic,
                claimant=claims.claimant(c.num_start, i if sent else -1),
                base_value=base_value,
                base_unit=base_unit,
                referent=_referent(ctx, c.end - ctx_start, c.start - ctx_start) if sent else None,
            )
        )
    return out


_PEOPLE_TOPICS = frozenset({"troops", "casualties", "prisoners", "evacuations"})
_PEOPLE_NOUN = re.compile(
    r"\b(troops|soldiers|servicemen|fighters|people|civilians|residents|prisoners|refugees)\b"
)


def _people_noun_before(sentence: str, pos: int) -> str | None:
    """The people a bare count refers back to: "sent 1,000 troops ... likely several thousand"."""
    found = _PEOPLE_NOUN.findall(sentence, 0, pos)
    return found[-1] if found else None


_BRACKET_GAP = re.compile(r"\s*[(/]\s*")


def _inherit_qualifiers(text: str, cands: list[_Cand]) -> None:
    """A conversion in brackets shares its figure's qualifier: "under 296 hp (224 kW / 300 PS)"."""
    for prev, c in itertools.pairwise(cands):
        if (
            c.qualifier is None
            and prev.qualifier not in (None, "vague")
            and _BRACKET_GAP.fullmatch(text, prev.end, c.start)
        ):
            c.qualifier = prev.qualifier


# ------------------------------------------------------------------ one number
def _prev_char(text: str, pos: int) -> str:
    return text[pos - 1] if pos > 0 else ""


def _candidate(text: str, n: Number) -> _Cand | None:
    """A number with its currency, scale, unit and qualifier; None when it is not a figure."""
    start, end = n.start, n.end
    value, scale = n.value, n.scale
    currency: str | None = None
    cur_start = start
    negative = False
    if n.kind == "digits":
        cur = match_currency_before(text, start)
        if cur is not None:
            currency, cur_start, negative = cur
        elif _not_a_figure_before(text, start):
            return None
        if _not_a_figure_after(text, n):
            return None
        if (
            n.scale_abbrev in CURRENCY_ONLY_SCALES
            and currency is None
            and not _plural_follows(text, end)
            and not _money_follows(text, end)
        ) or (n.scale_abbrev == "B" and currency is None):
            value = (value or 0.0) / scale
            scale = 1.0
            end = n.bare_end
    raw = text[n.start : (n.bare_end if n.bare_end > 0 else n.end)]
    c = _Cand(
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
    elif c.kind != "fraction":
        _attach_unit(text, c)
        if c.unit is None and _AGED.search(text, max(0, start - 12), start):
            c.unit = "year"  # "aged 35": an age, not a count
    c.head = c.unit
    c.unit_end = c.end
    if n.kind == "digits" and c.unit is None:
        if text[end : end + 1].isalpha() or _is_year(text, c) or _after_label(text, c):
            return None
        if _phone_like(text, n):
            return None
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
        if not m and c.unit in ("degC", "degF"):
            m = _HYPHEN_MINUS.search(text, max(0, start - 2), start)  # "-8C"
        if m and c.value is not None:
            c.value = -c.value
            c.start = m.start()
    _attach_qualifier(text, c)
    return c


_AGED = re.compile(r"\b(?:aged|ages?\s+of)\s+$", re.IGNORECASE)
_HYPHEN_MINUS = re.compile(r"(?:^|(?<=[\s(]))-$")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ADJECTIVE_HYPHEN = re.compile(r"-\w")
_WORD_NEXT = re.compile(r"[ \t]+[^\s,.;:)]")


def _phone_like(text: str, n: Number) -> bool:
    """Phone numbers, ids and ISO dates: "020 7946 0018", "672138506081275904", "2015-12-02"."""
    raw = text[n.start : n.end]
    if (len(raw) > 1 and raw[0] == "0" and raw[1].isdigit()) or (raw.isdigit() and len(raw) >= 12):
        return True
    if _ISO_DATE.search(text, max(0, n.start - 8), min(len(text), n.end + 8)):
        return True
    return bool(
        re.match(r"[ \t]\d", text[n.end : n.end + 2])
        or re.search(r"\d[ \t]$", text[max(0, n.start - 2) : n.start])
    )


def _small_number(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    nums = find_numbers(word)
    return nums[0].value if nums and nums[0].kind == "words" else None


def _after_label(text: str, c: _Cand) -> bool:
    m = _WORD_BEFORE.search(text, max(0, c.num_start - 14), c.num_start)
    return bool(m) and m.group(1).lower() in _LABELS


def _not_a_figure_before(text: str, start: int) -> bool:
    """Model names (F-16, Su-34, M142), ids, times, versions, dates written before the number."""
    p = _prev_char(text, start)
    if not p:
        return False
    if p.isalpha() or p in "#@_":
        return True
    if p in "-‑":
        pp = _prev_char(text, start - 1)
        if pp.isalpha():
            w = text[max(0, start - 8) : start - 1].lower()
            return not re.search(r"\b(?:minus|sub|to)$", w)
        return False
    if p in ":/." and _prev_char(text, start - 1).isdigit():
        return True
    if p == "/" or p == "\\":
        return True
    return bool(_MONTH_BEFORE.search(text, max(0, start - 14), start)) and _day_like(text, start)


def _day_like(text: str, start: int) -> bool:
    m = re.match(r"\d{1,2}(?!\d)", text[start : start + 3])
    return bool(m) and 1 <= int(m.group(0)) <= 31


def _not_a_figure_after(text: str, n: Number) -> bool:
    """Times (10.45pm, 4:39), ordinals (22nd), decades (1990s), dates (8 July), glued names."""
    end = n.bare_end if n.bare_end > 0 else n.end
    nxt = text[end : end + 1]
    if nxt == ":" and text[end + 1 : end + 2].isdigit():
        return True
    if nxt in ("/", "⁄") and text[end + 1 : end + 2].isdigit():
        return True
    if nxt == "." and text[end + 1 : end + 2].isdigit():
        return True
    if _TIME_AFTER.match(text, end) and n.scale == 1.0:
        return True
    if n.scale == 1.0 and _ORDINAL_AFTER.match(text, end):
        return True
    return bool(n.scale == 1.0 and _day_like(text, n.start) and _MONTH_AFTER.match(text, end))


def _money_follows(text: str, pos: int) -> bool:
    """ "5m euro", "2bn rand": a currency name after a scale letter makes it a scale, not metres."""
    found = match_unit_after(text, pos)
    return found is not None and UNITS[found[0]].dim == "money"


def _plural_follows(text: str, pos: int) -> bool:
    """ "2m people" is two million; "37m (121ft)" is metres."""
    m = _NP_WORD.match(text, pos)
    return bool(m) and _is_plural(m.group(1)) and m.group(1).lower() not in _STOP


_BULK_DIMS = frozenset({"money", "length", "area", "volume", "mass", "energy", "power"})


def _attach_unit(text: str, c: _Cand) -> None:
    found = match_unit_after(text, c.end)
    if found is None and (c.kind == "vague" or c.scale >= 1e6):
        m = _OF.match(text, c.end)
        if m:
            found = match_unit_after(text, m.end())
            if found is not None and UNITS[found[0]].dim not in _BULK_DIMS:
                found = None
    if found is None:
        of = r"(?:\s+of)?" if c.kind == "vague" or c.scale >= 1e3 else ""
        m = re.match(of + r"\s?-?(pounds?)\b", text[c.end : c.end + 14], re.IGNORECASE)
        if m:
            # money when big, "sterling", or where the text prices in £ (UK news)
            money = (
                c.scale >= 1e6 or re.match(r"\s+sterling", text[c.end + m.end() :]) or "£" in text
            )
            c.unit = "GBP" if money else "lb"
            c.currency = bool(money)
            c.end += m.end()
            return
        if c.kind == "digits" and c.scale == 1.0:
            m = _ACRONYM_UNIT.match(text, c.end)
            if m and m.group(1) not in _NOT_UNITS and m.group(0)[0] == " ":
                c.unit = m.group(1)
                c.end = m.end()
        return
    code, uend, _surface = found
    if code in ("point", "times", "deg") and c.kind == "words" and c.value == 1:
        return
    c.unit = code
    c.end = uend
    if UNITS[code].dim == "time":
        m = re.match(r"[ \t-]old\b", text[uend : uend + 5])
        if m:
            c.end = uend + m.end()
    if UNITS[code].dim == "money":
        c.currency = True


_ACRONYM_UNIT = re.compile(r" ?([A-Z]{2,5})(?=[\s),.;]|$)(?!\s+[A-Z][a-z])")
_NOT_UNITS = frozenset(
    """AM PM GMT UTC EDT EST BST CET AD BC CE BCE US UK EU UN TV AND OR THE FOR ON IN AT TO
    OF BY A I""".split()
)


def _attach_per(text: str, c: _Cand) -> None:
    """ "$58.24 per barrel" -> dollar per barrel; "11 feet per century"."""
    if c.unit is None:
        return
    u = UNITS.get(c.unit)
    if u is None or u.dim in ("speed", "economy", "flow"):
        return
    found = match_per(text, c.end)
    if found is None:
        return
    den, end = found
    c.unit = f"{u.name} per {den}"
    c.end = end


def _attach_qualifier(text: str, c: _Cand) -> None:
    window_start = max(0, c.start - 24)
    m = _QUAL_BEFORE.search(text, window_start, c.start)
    if m:
        if m.group("q"):
            q = re.sub(r"\s+", " ", m.group("q").lower())
            if (
                (
                    q in ("some", "under", "over", "below", "above")
                    and c.kind == "words"
                    and c.value == 1
                )
                or (
                    q == "estimated"
                    and not re.search(r"\ban?\s+estimated\s*$", text[window_start : c.start], re.I)
                )
                or (q in ("averaged", "averaging") and c.unit in ("percent", None))
            ):
                pass
            else:
                c.qualifier = _QUALIFIERS[q]
                c.start = m.start()
        elif m.group("s"):
            c.qualifier = "approximately"
            c.start = m.start()
        elif m.group("sub"):
            c.qualifier = "less than"
            c.start = m.start()
    if c.kind == "vague" and c.qualifier is None:
        c.qualifier = "vague"
    after = _QUAL_AFTER.match(text, c.unit_end if c.unit_end > 0 else c.end)
    if after and c.qualifier in (None, "vague"):
        if after.group("q"):
            c.qualifier = _QUALIFIERS["or " + after.group("q").lower()]
        else:
            c.qualifier = "more than"


# ------------------------------------------------------------------ ranges
def _merge_ranges(text: str, cands: list[_Cand], dashes_only: bool) -> list[_Cand]:
    """Join "one to two kilometers", "15-22 mph", "between $48,000 and $90,000", "three or four"."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            merged = _range(text, a, b, dashes_only)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range(text: str, a: _Cand, b: _Cand, dashes_only: bool) -> _Cand | None:
    if a.kind in ("vague", "fraction") or b.kind in ("vague", "fraction"):
        return None
    if a.value is None or b.value is None or a.is_range or b.is_range:
        return None
    if a.head and b.head and a.head != b.head:
        return None
    gap = text[a.end : b.start]
    if dashes_only:
        if not _DASH_GAP.match(gap) or a.unit:
            return None
        kind = "dash"
    else:
        before = text[max(0, a.start - 40) : a.start]
        if a.unit and b.unit is None and a.currency:
            return None
        kind = ""
        if _RANGE_GAP.match(gap):
            if a.unit and _CHANGE_BEFORE.search(before) and not _FROM_BEFORE.search(before):
                return None
            kind = "to"
        elif re.match(r"^\s+and\s+$", gap) and _BETWEEN_BEFORE.search(before):
            kind = "between"
        elif re.match(r"^\s+or\s+$", gap):
            if not (
                a.unit is None and 0 < a.value < b.value <= 3 * a.value and a.is_int and b.is_int
            ):
                return None
            kind = "or"
        elif (
            _FROM_BEFORE.search(before)
            and a.head
            and b.head in (a.head, None)
            and _FROM_GAP.match(gap)
        ):
            kind = "from"
        else:
            return None
        log.debug("range (%s): %r", kind, text[a.start : b.end])
    lo, hi = a.value, b.value
    if b.scale > 1 and a.scale == 1 and abs(a.value) < abs(b.value / b.scale):
        lo = a.value * b.scale
    low, high = min(lo, hi), max(lo, hi)
    unit = b.unit if (b.unit and (not a.unit or len(b.unit) >= len(a.unit))) else a.unit
    return _Cand(
        start=a.start,
        end=b.end,
        num_start=a.num_start,
        num_end=b.num_end,
        value=None if low != high else low,
        low=low if low != high else None,
        high=high if low != high else None,
        kind=b.kind,
        scale=b.scale,
        unit=unit,
        unit_end=b.unit_end,
        head=b.head or a.head,
        currency=a.currency or b.currency,
        qualifier=a.qualifier,
        is_range=low != high,
        is_int=a.is_int and b.is_int,
        raw=a.raw,
    )


# ------------------------------------------------------------------ last checks, counted nouns
def _finish(text: str, c: _Cand) -> bool:
    """Attach a counted noun; drop names and bare number words. True to keep c."""
    if c.unit is not None:
        return True
    if c.kind == "digits" and _name_before(text, c):
        return False
    noun = _counted_noun(text, c)
    if noun is not None:
        head, end = noun
        c.unit = head
        c.end = end
        return True
    if c.kind == "words" and not c.is_range and c.scale == 1.0:
        return False
    if (
        c.kind == "fraction"
        and not _OF.match(text, c.end)
        and " out " not in text[c.num_start : c.end]
    ):
        return False
    if c.kind == "digits" and _age_apposition(text, c):
        c.unit = "year"  # "Smith, 45, denies": an age
        return True
    if _age_after_copula(text, c):
        c.unit = "year"  # "Hingis was 22 when she retired", "I am 25."
        return True
    return not (c.kind == "digits" and _name_after(text, c))


_ORDINAL_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|final|last|opening|closing|other)[\s-]+$|\b(?:fly|scrum)-$",
    re.IGNORECASE,
)
_ONLY_BEFORE = re.compile(r"\b(?:only|just|single|exactly|than)\s+$", re.IGNORECASE)
_RANK_BEFORE = re.compile(r"\b(?:top|the|at)[\s-]+$", re.IGNORECASE)
_SCORE = re.compile(r"\d{1,3}-\d{1,3}")
_SCORE_BEFORE = re.compile(r"\d-$")
_MID_SENTENCE = re.compile(r"[A-Za-z0-9,;)\]]\s*$")


def _name_or_rank(text: str, c: _Cand) -> bool:
    """Numbers that count nothing: "one of the best", "the one", "at one point", "Top 40",
    "first half", "a third try", a score ("won 4-0", "6-2 7-5"), a minute in brackets
    ("Mapletoft (53)"), and Title Case names ("Million Dollar Baby", "50 Cent")."""
    unit_known = c.unit in UNITS
    before = text[max(0, c.num_start - 12) : c.num_start]
    if (
        c.kind == "words"
        and c.value == 1
        and not c.is_range
        and (_OF_THE.match(text, c.num_end) or _RANK_BEFORE.search(before))
    ):
        return True
    if (
        c.kind == "words"
        and c.value == 1
        and not c.is_range
        and not unit_known
        and c.qualifier is None
        and not _ONLY_BEFORE.search(before)
    ):
        return True  # "one way", "one side", "One man": an article, not a count worth printing
    if c.kind == "fraction" and (
        _ORDINAL_BEFORE.search(before) or (" of " not in text[c.num_start : c.end] and c.unit)
    ):
        return True
    if not unit_known and c.kind in ("digits", "words"):
        if re.search(r"\btop[\s-]+$", before, re.IGNORECASE):
            return True
        if text[c.num_start - 1 : c.num_start] == "(" and text[c.num_end : c.num_end + 1] == ")":
            return True
    if c.unit is None and _SCORE.fullmatch(text, c.num_start, c.num_end):
        return True
    if (
        c.kind == "digits"
        and not c.is_range
        and c.unit is None
        and (_SCORE_BEFORE.search(before) or re.match(r"-\d", text[c.num_end : c.num_end + 2]))
    ):
        return True
    return _title_case_name(text, c)


def _title_case_name(text: str, c: _Cand) -> bool:
    """A capitalised number word or unit word inside a sentence is part of a name."""
    mid = bool(_MID_SENTENCE.search(text, max(0, c.start - 3), c.start))
    capital_word = c.kind == "words" and text[c.num_start : c.num_start + 1].isupper()
    if mid and capital_word:
        return True
    if (mid or capital_word) and c.unit and c.unit_end > c.num_end:
        words = text[c.num_end : c.unit_end].strip(" -").split()
        # every word Title Case ("50 Cent"), not "Danish crowns", not a symbol ("Hz")
        if len("".join(words)) >= 4 and all(w[:1].isupper() and w[1:].islower() for w in words):
            return True
    return False


def _is_year(text: str, c: _Cand) -> bool:
    if c.kind != "digits" or c.scale != 1.0 or not c.is_int or c.currency:
        return False
    raw = c.raw
    if len(raw) != 4 or not raw.isdigit():
        return len(raw) == 2 and _prev_char(text, c.num_start) in "'’"
    v = int(raw)
    if 1900 <= v <= 2100:
        return True
    if 1000 <= v < 2300:
        return bool(
            _YEAR_BEFORE.search(text, max(0, c.num_start - 12), c.num_start)
            or _YEAR_AFTER.match(text, c.num_end)
        )
    return False


def _name_before(text: str, c: _Cand) -> bool:
    """ "iPhone 11", "Big 12", "Lang 20": a capitalised word right before the number."""
    m = _WORD_BEFORE.search(text, max(0, c.num_start - 30), c.num_start)
    if not m:
        return False
    w = m.group(1)
    if w in _NAME_OK_BEFORE_CAP or w.lower().rstrip(".") in _NAME_OK_BEFORE:
        return False
    if not (w[0].isupper() or any(ch.isupper() for ch in w[1:])):
        return False
    return not _MONTH_BEFORE.search(text, max(0, c.num_start - 14), c.num_start)


def _name_after(text: str, c: _Cand) -> bool:
    """ "9 E 71st St", "787 Dreamliner"."""
    return bool(_FOLLOW_CAP.match(text, c.end))


# who is so old: a pronoun, a name, or an age ("Hingis was", "I am", "the voting age is")
_COPULA_BEFORE = re.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|I|[Yy]ou|[Ww]e|[Tt]hey|age|[A-Z][a-z]+)\s+(?:is|was|am|are|were|turned|turns)"
    r"|\bI'm|\b(?:he|she|you|we|they)'s|\baged)\s+(?:only\s+|just\s+|not\s+)?$"
)
_CLAUSE_AFTER = re.compile(r"\s*(?:[,.;!?]|when\b|and\b|but\b|$)")


def _age_after_copula(text: str, c: _Cand) -> bool:
    """A bare whole number right after "was/is/am/turned" that ends the clause is an age."""
    return (
        not c.is_range
        and c.is_int
        and c.value is not None
        and 1 <= c.value <= 110
        and c.scale == 1.0
        and bool(_COPULA_BEFORE.search(text, max(0, c.start - 30), c.start))
        and bool(_CLAUSE_AFTER.match(text, c.end))
    )


def _age_apposition(text: str, c: _Cand) -> bool:
    """ "Senard, 65, now faces": a whole number between commas right after a name is an age."""
    before = text[max(0, c.num_start - 40) : c.num_start]
    return bool(
        re.search(r"[A-Z][a-z]+,\s$", before)
        and text[c.end : c.end + 1] == ","
        and c.is_int
        and not c.is_range
        and c.value is not None
        and 1 <= c.value <= 120
    )


def _is_plural(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PLURALS or (low.endswith("men") and len(low) > 4):
        return True
    if low.endswith(("'s", "’s", "ss", "us", "is", "ous")) or low in _VERBISH:
        return False
    return len(low) > 2 and low.endswith("s") and low[-2].isalpha()


_NP_STOP = _STOP | frozenset(
    """behind beyond beside besides above below near inside outside upon along amid amongst
    despite except like unlike ever never always itself himself herself themselves yourself
    myself ourselves""".split()
)


def _counted_noun(text: str, c: _Cand) -> tuple[str, int] | None:
    """The counted noun after a number: "28 settlements", "100 Russian servicemen", "one solution"."""
    pos = c.end
    single = c.value == 1 and not c.is_range and c.kind in ("words", "digits")
    if c.kind == "words" and c.value == 1:
        m = _OF_THE.match(text, pos)
        if m:
            pos = m.end()
            single = False
    elif c.kind == "fraction":
        m = _OF_THE.match(text, pos) or _OF.match(text, pos)
        if m:
            pos = m.end()
        single = True
    elif c.kind == "vague" or c.scale >= 1e3:
        m = _OF.match(text, pos)
        if m:
            pos = m.end()
    words: list[tuple[str, int]] = []
    while len(words) < 5:
        m = _NP_WORD.match(text, pos)
        if not m:
            break
        w = m.group(1)
        low = w.lower()
        if low in _NP_STOP or (low.endswith("ly") and len(low) > 4):
            if (
                low == "and"
                and words
                and words[-1][0][0].isupper()
                and text[m.end() + 1 : m.end() + 2].isupper()
            ):
                pos = m.end()
                continue
            break
        if single and words and (low.endswith(("s", "ed")) or low in _VERBISH):
            break
        if (
            single
            and not words
            and w.islower()
            and (low.endswith(("ing", "ed", "s")) or low in _VERBISH)
        ):
            break  # "one adds", "one listing": a pronoun, not a count
        words.append((w, m.end()))
        pos = m.end()
        if single:
            if len(words) >= 3:
                break
            continue
        if _is_plural(w) and not w.isdigit():
            return w, m.end()
    if single and words:
        w, end = words[-1]
        if w[0].isupper() and len(words) == 1 and not (_is_plural(w) and c.kind == "fraction"):
            return None
        if w.isdigit():
            return None
        return w, end
    return None


# ------------------------------------------------------------------ base values
def _base(c: _Cand) -> tuple[float | None, str | None]:
    if c.unit is None:
        return None, None
    v = c.value if c.value is not None else None
    u = UNITS.get(c.unit)
    if u is None:
        if v is None:
            return None, singular(c.unit).lower() if " per " not in c.unit else c.unit
        return v, singular(c.unit).lower() if " per " not in c.unit else c.unit
    if v is None:
        return None, u.base
    based = to_base(v, c.unit)
    if based is None:
        return None, None
    return round(based[0], 6) if abs(based[0]) < 1e15 else based[0], based[1]


# ------------------------------------------------------------------ referent
_PLACE = re.compile(
    r"[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|border|region|oblast|province|city|district))*"
)
_PLACE_AFTER = re.compile(
    r"\b(?:of|in|into|within|inside|across|near|around|to|from|on|over)\s+(?:the\s+)?"
    r"(?:[a-z][\w\-]*\s+){0,2}(?P<p>" + _PLACE.pattern + ")"
)
_NOT_PLACES = frozenset(
    """The A An In On At It This That He She They We I But And Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October
    November December""".split()
)


def _referent(sentence: str, pos: int, start: int) -> str | None:
    """The place a figure is about: "of the Kursk region", "into Russia", else a name before it."""
    clause_end = len(sentence)
    m_end = re.compile(r"[;.]\s|,\s+(?:but|while|and)\b").search(sentence, pos)
    if m_end:
        clause_end = m_end.start()
    m = _PLACE_AFTER.search(sentence, pos, min(clause_end, pos + 90))
    if m and m.group("p").split()[0] not in _NOT_PLACES:
        return _place(m.group("p"))
    names = [
        x for x in _PLACE.finditer(sentence, 0, start) if x.group(0).split()[0] not in _NOT_PLACES
    ]
    return _place(names[-1].group(0)) if names else None


def _place(name: str) -> str:
    return re.sub(r"['’]s$", "", name)


# ------------------------------------------------------------------ claimants
_REPORT_VERB = re.compile(
    r"\b(?:said|says|told|tells|claimed|claims|estimated|estimates|announced|announces|reported"
    r"|stated|added|noted|confirmed|confirms|insisted|warned|wrote|tweeted|declared|believes"
    r"|assessed|counted|calculated|predicted|forecast|projected|cited|say|insists|insisted"
    r"|argued|argues|expects|expected|added|adds|admitted|revealed|explained)\b"
)
_ACCORDING = re.compile(
    r"\baccording to\s+(?P<x>[^,.;:()“”\"\d]{2,80}?)(?=\s*(?:[,.;:()“”\"\d]|$))", re.IGNORECASE
)
_BOUNDARY = re.compile(
    r"[,;:“”\"()\[\]—–]|\b(?:but|and|that|while|whereas|as|which|who|because|after|when|if)\s", re.I
)
# "the 1,200 initially reported by police", "$204m announced by rival Google"
_BY_AFTER = re.compile(
    r"[\d.,]*[^,;:.()]{0,30}?\b(?:initially|originally|first|previously|earlier|officially)?\s*"
    r"(?:reported|estimated|given|announced|recorded|confirmed|counted|cited|forecast|predicted"
    r"|quoted|claimed|put|published|released)\s+by\s+(?P<x>[^,.;:()“”\"]{2,60})",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z][a-z])")
_QUOTE_MARK = re.compile(r'["“”]')
_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|which|that|who)\s+)(?:he|she)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_PERSON = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Prof|President|Chancellor|Minister|Secretary|Governor"
    r"|Professor|Chairman|Senator)\.?\s+[A-Z][\w'’\-]+"
    r"(?:\s+[A-Z][\w'’\-]+)?"
)
_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are|being)\s+$", re.IGNORECASE)
_SUBJECT_TRIM = re.compile(
    r"(?:\s+(?:recently|also|now|then|later|earlier|previously|again|reportedly|initially|"
    r"separately|last\s+\w+|on\s+\w+day|\w+ly|has|have|had|would|will|has\s+been|had\s+been))+$",
    re.IGNORECASE,
)
_LEAD_TRIM = re.compile(
    r"^(?:(?:but|and|so|yet|however|meanwhile|separately|instead|now|also|still)\s+)+",
    re.IGNORECASE,
)
_PRONOUN = frozenset("he she they it we i you this that who which".split())
_TITLE_WORDS = re.compile(
    r"\b(?:officials?|ministry|spokes(?:man|woman|person)|commander|general|police|authorities|"
    r"agency|military|army|analysts?|experts?|government|report|statement|data|figures|governor|"
    r"president|minister|chief|head|mayor|leadership|sources?|officers?|service|institute|"
    r"researchers|scientists|company|firm|bank|administrators?|regulator|watchdog|council|"
    r"committee|commission|union|association|survey|study|poll|organi[sz]ers|court|group)\b",
    re.IGNORECASE,
)


class _Claimants:
    """Who gave each figure: a quote's speaker, "according to X", or the subject of "X said"."""

    def __init__(self, text: str, sentences: list[Sentence], quotes: list[Quote]) -> None:
        self.text = text
        self.sentences = sentences
        # Indirect quotes are re-derived here with stricter subject rules; direct ones are trusted.
        self.quotes = sorted(
            (q for q in quotes if q.speaker and q.kind in ("direct", "partial")),
            key=lambda q: q.start,
        )
        self.cache: dict[int, list[tuple[int, str]]] = {}

    def claimant(self, pos: int, si: int) -> str | None:
        if si < 0:
            return None
        sent = self.sentences[si]
        rel = pos - sent.start
        inside = self._inside_quotes(sent, rel)
        if inside:
            # a quote's speaker, when the figure really sits between quote marks
            for q in self.quotes:
                if q.start <= pos < q.end:
                    return q.speaker
                if q.start > pos:
                    break
        m = _BY_AFTER.match(sent.text, rel)
        if m:
            found = _clean_subject(m.group("x"))
            if found:
                return found  # "the 1,200 initially reported by police"
        found = self._in_sentence(si, rel)
        if found:
            return found
        if inside:
            return self._paragraph_speaker(si)
        return None

    def _verbs(self, si: int) -> list[tuple[int, str]]:
        """(offset, subject) of the reporting verbs of a sentence, with a named subject.

        A pronoun subject ("he said") is the person last named in the sentences before.
        """
        if si in self.cache:
            return self.cache[si]
        s = self.sentences[si].text
        out: list[tuple[int, str]] = []
        for m in _REPORT_VERB.finditer(s):
            subj = _subject(s, m.start())
            if subj is None and _PRONOUN_SUBJECT.search(s, 0, m.start()):
                subj = self._person_before(si)
            if subj:
                out.append((m.start(), subj))
        self.cache[si] = out
        return out

    def _person_before(self, si: int) -> str | None:
        """The person last named in the few sentences before si ("Mr Kennedy ... He insists")."""
        for j in range(si - 1, max(-1, si - 4), -1):
            s = self.sentences[j].text
            names = _PERSON.findall(s)
            if names:
                return names[-1]
        return None

    def _in_sentence(self, si: int, rel: int) -> str | None:
        s = self.sentences[si].text
        verbs = self._verbs(si)
        before = [(p, x) for p, x in verbs if p < rel]
        if before:
            return before[-1][1]
        m = _ACCORDING.search(s)
        if m:
            return _clean_subject(m.group("x"))
        after = [(p, x) for p, x in verbs if p > rel]
        if after:
            p, x = after[0]
            between = s[rel:p]
            subject_at = s.rfind(x, 0, p)
            if (
                not re.search(r";|\bbut\b", between)
                and not re.search(
                    r"\band\s+$", s[rel:subject_at]
                )  # "... worldwide and analysts say"
                and not _SENTENCE_END.search(between)
                and subject_at > rel
            ):
                return x
        return None

    def _inside_quotes(self, sent: Sentence, rel: int) -> bool:
        """Whether the last quote mark before the figure in its paragraph opens a quote.

        Read from the mark's neighbours, not from counting: news paragraphs often close a
        quote opened in an earlier paragraph.
        """
        para_start = self.text.rfind("\n", 0, sent.start) + 1
        pos = sent.start + rel
        m = max(
            _QUOTE_MARK.finditer(self.text, para_start, pos), key=lambda x: x.start(), default=None
        )
        if m is None:
            return False
        mark = m.group(0)
        if mark in "“”":
            return mark == "“"
        before = self.text[m.start() - 1] if m.start() > para_start else " "
        after = self.text[m.end()] if m.end() < len(self.text) else " "
        return (before.isspace() or before in "([—–-") and not after.isspace()

    def _paragraph_speaker(self, si: int) -> str | None:
        para = self.sentences[si].paragraph
        order = sorted(
            (
                j
                for j in range(max(0, si - 4), min(len(self.sentences), si + 4))
                if self.sentences[j].paragraph == para
            ),
            key=lambda j: abs(j - si),
        )
        for j in order:
            s = self.sentences[j].text
            for p, subj in self._verbs(j):
                if not self._inside_quotes(self.sentences[j], p):
                    return subj
            del s
        return None


# Words a subject never starts with: a verb or preposition means the cut took a fragment.
_NOT_SUBJECT_START = frozenset(
    """is are was were be been has have had will would could should may might can do does did
    to of in on at for with by from under over into than then that which""".split()
)


def _subject(s: str, verb_pos: int) -> str | None:
    """The subject written before a reporting verb: "Russia's defense ministry claimed"."""
    left = s[:verb_pos]
    if _PASSIVE.search(left):
        return None
    left = left.rstrip(" ,")
    cut = 0
    for m in _BOUNDARY.finditer(left):
        cut = m.end()
    seg = left[cut:].strip()
    seg = _SENTENCE_END.split(seg)[-1]  # never reach back over a sentence end
    inner = list(_REPORT_VERB.finditer(seg))
    if inner:  # "The Times said Australian Lynton Crosby told": the nearer subject
        seg = seg[inner[-1].end() :].strip()
    seg = _LEAD_TRIM.sub("", seg)
    seg = _SUBJECT_TRIM.sub("", seg).strip()
    if not seg or seg.split()[0].lower() in _NOT_SUBJECT_START:
        return None
    first = seg.split()[0]
    appositive = first.lower() in ("the", "a", "an") or (first.islower() and first.isalpha())
    if appositive and left[:cut].rstrip().endswith(","):
        # Appositive: "RIA Novosti, the state news agency of Russia, said"
        prev = left[:cut].rstrip()[:-1]
        pcut = 0
        for m in _BOUNDARY.finditer(prev):
            pcut = m.end()
        name = prev[pcut:].strip()
        if (
            name
            and name[0].isupper()
            and not _LEAD_TRIM.match(name + " ")
            and not (len(name.split()) == 1 and name.lower().endswith("ly"))
            and len(name.split()) <= 5
            and not re.search(r"\b[a-z]{4,}\b", name)
        ):
            seg = name
    return _clean_subject(seg)


def _clean_subject(seg: str) -> str | None:
    seg = seg.strip(" ,.;:“”\"'")
    seg = re.sub(r"\s+", " ", seg)
    if not seg:
        return None
    words = seg.split()
    if (
        len(words) > 9
        or words[-1].lower() in _PRONOUN
        or (len(words) == 1 and words[0].lower() in _PRONOUN)
    ):
        return None
    if any(ch.isdigit() for ch in seg):
        return None
    named = any(w[0].isupper() for w in words[1:]) or (
        words[0][0].isupper() and words[0].lower() not in ("the", "a", "an", "it", "this")
    )
    if not named and not _TITLE_WORDS.search(seg):
        return None
    return seg
