"""Find numbers in English text: digits, number words, scale words, fractions and vague magnitudes."""

from __future__ import annotations

import re
from dataclasses import dataclass

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Plural magnitudes are vague: "thousands" is 1,000 to 10,000 (the NewsQuant convention).
VAGUE = {
    "tens": (10.0, 100.0), "dozens": (12.0, 120.0), "hundreds": (100.0, 1e3),
    "thousands": (1e3, 1e4), "millions": (1e6, 1e7), "billions": (1e9, 1e10),
    "trillions": (1e12, 1e13),
}  # fmt: skip
# Round powers of ten written as a plural ("10s", "100s") are the vague magnitudes in digits.
_DIGIT_MAGNITUDES = {"10": "tens", "100": "hundreds", "1000": "thousands", "1,000": "thousands"}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
# Denominators that are also ordinals ("a fifth time", "her one hundredth birthday"): read as a
# fraction only where an ordinal cannot stand (_ordinal_fraction).
ORDINAL_FRACTIONS = {
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "hundredth": 100, "thousandth": 1e3, "ten-thousandth": 1e4, "millionth": 1e6,
    "billionth": 1e9,
}  # fmt: skip
FRACTIONS.update(ORDINAL_FRACTIONS)
FRACTIONS.update({w + "s": d for w, d in ORDINAL_FRACTIONS.items()})
# Abbreviated scales after digits; "m" and "b" only count with a currency (else metres, bits).
ABBREV_SCALES = {
    "k": 1e3, "bn": 1e9, "mn": 1e6, "mln": 1e6, "mil": 1e6, "tn": 1e12, "trn": 1e12,
    "m": 1e6, "b": 1e9, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}  # fmt: skip
CURRENCY_ONLY_SCALES = frozenset({"m", "b"})
SEVERAL = (3.0, 9.0)
FEW = (2.0, 5.0)  # "a few hundred": 200-500, as "several" is 3-9 of them


def _slips(word: str) -> set[str]:
    """The spellings a hand slips to: one letter dropped or two neighbours swapped."""
    drops = {word[:i] + word[i + 1 :] for i in range(len(word))}
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return drops | swaps


# "5 millon yen", "1.2 bilion pounds": a long scale word with one letter dropped or two swapped
# (no English word: "million" and "billion" differ by a letter changed, never read so)
MISSPELT_SCALES = {
    slip: word
    for word in ("million", "billion", "trillion")
    for slip in _slips(word)
    if slip not in SCALES
}
_OTHER_WORDS = ("dozen", "several", "few", "a", "an")
_WORDS = sorted(
    [*SMALL, *TENS, *SCALES, *VAGUE, *FRACTIONS, *MISSPELT_SCALES, *_OTHER_WORDS],
    key=len,
    reverse=True,
)


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped as a trie: far faster to scan than a flat list of words."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


_ATOM = re.compile(
    r"(?P<d>(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?|(?<![\w.])\.\d+)"
    r"|(?P<w>\b" + _trie_pattern(_WORDS) + r"\b)",
    re.IGNORECASE,
)
_CRORE_AFTER = re.compile(r"\s?crores?(?![A-Za-z])", re.IGNORECASE)
_GLUE = re.compile(r"(?:\s+|\s*-\s*|\s+and\s+|\s+of\s+)$", re.IGNORECASE)
_ABBREV = re.compile(
    r"\s?(bn|mn|mln|mil|tn|trn|crores?|lakhs?|[kK]|[mM]|[bB])(?![A-Za-z0-9²]|[&][A-Za-z])"
)
_SLASH = re.compile(r"\s*[/⁄]\s*(\d+)(?![\d.,])")


@dataclass(frozen=True, slots=True)
class Number:
    """A number phrase: a point value, or low/high for a vague magnitude or "several" phrase."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    kind: str = "digits"  # digits | words | vague | fraction
    scale: float = 1.0  # the scale word applied (1 when none)
    scale_abbrev: str = ""  # "m", "bn", ... when an abbreviation gave the scale
    bare_end: int = -1  # end before that abbreviation, to undo an "m" that meant metres


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    word: str  # lower-cased word, or "" for digits
    digits: float | None


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _ATOM.finditer(text):
        if m.group("d") is not None:
            word = _DIGIT_MAGNITUDES.get(m.group("d"))
            if word is not None and re.match(r"s(?!\w)", text[m.end() : m.end() + 2]):
                out.append(_Tok(m.start(), m.end() + 1, word, None))  # "10s of thousands"
                continue
            out.append(_Tok(m.start(), m.end(), "", float(m.group("d").replace(",", ""))))
        else:
            word = m.group("w").lower()
            out.append(_Tok(m.start(), m.end(), MISSPELT_SCALES.get(word, word), None))
    return out


def _glued(text: str, a: _Tok, b: _Tok) -> str | None:
    """The glue between two adjacent tokens ("", "-", "and", "of"), or None if they are apart."""
    gap = text[a.end : b.start]
    if len(gap) > 6:
        return None
    if not gap:
        return ""
    m = _GLUE.match(gap)
    if not m:
        return None
    g = gap.strip().lower()
    return g if g in ("-", "and", "of") else ""


def find_numbers(text: str) -> list[Number]:
    """Every number phrase in text, left to right, with exact character offsets."""
    toks = _tokens(text)
    out: list[Number] = []
    i, n = 0, len(toks)
    while i < n:
        num, i = _phrase(text, toks, i, n)
        if num is not None:
            num, i = _and_a_half(text, toks, num, i, n)
            out.append(num)
    return out


# "two and a half years", "15-and-a-half miles", "two and a half million": the half is added
# before any scale word after it
_AND_A_HALF = re.compile(r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b", re.IGNORECASE)


def _and_a_half(text: str, toks: list[_Tok], num: Number, i: int, n: int) -> tuple[Number, int]:
    """num plus a half when "and a half" follows a whole number with no scale yet."""
    if (
        num.kind not in ("digits", "words")
        or num.value is None
        or num.scale != 1.0
        or num.scale_abbrev
        or not num.value.is_integer()
    ):
        return num, i
    m = _AND_A_HALF.match(text, num.end)
    if m is None:
        return num, i
    value, end, scale = num.value + 0.5, m.end(), 1.0
    i = _skip(toks, i, end)
    if i < n and toks[i].word in SCALES and _glued(text, toks[i - 1], toks[i]) == "":
        scale = SCALES[toks[i].word]  # "two and a half million"
        value *= scale
        end = toks[i].end
        i += 1
    return Number(num.start, end, value, kind=num.kind, scale=scale, bare_end=-1), i


def _phrase(text: str, toks: list[_Tok], i: int, n: int) -> tuple[Number | None, int]:
    """Parse the longest number phrase starting at toks[i]; return it and the next index."""
    t = toks[i]
    w = t.word
    if t.digits is not None:
        return _digits_phrase(text, toks, i, n)
    if w in ("a", "an"):
        # Only "a hundred", "a dozen", "a third", "a million dollar ..."
        if i + 1 < n and _glued(text, t, toks[i + 1]) == "":
            nxt = toks[i + 1].word
            dozen = _half_dozen(text, toks, i + 1, n) if nxt == "half" else None
            if dozen is not None:  # "a half-dozen potential blockbusters": six
                return Number(t.start, toks[dozen].end, 6.0, kind="words"), dozen + 1
            if nxt in SCALES or nxt == "dozen":
                return _words_phrase(text, toks, i, n)
            if nxt == "few":
                found, j = _several(text, toks, i + 1, n, FEW)
                if found is not None:
                    return Number(t.start, found.end, None, found.low, found.high, "vague"), j
                return None, i + 1
            if (
                nxt in FRACTIONS
                and not nxt.endswith("s")
                and _ordinal_fraction(text, toks[i + 1], after_a=True)
            ):
                return _fraction(toks[i], toks[i + 1], 1.0), i + 2
        return None, i + 1
    if w == "several":
        return _several(text, toks, i, n, SEVERAL)
    if w == "few":
        return _several(text, toks, i, n, FEW)
    if w in VAGUE:
        return _vague(text, toks, i, n, VAGUE[w], t.start)
    if w in SMALL or w in TENS or w in SCALES or w == "dozen":
        return _words_phrase(text, toks, i, n)
    if w == "half":
        dozen = _half_dozen(text, toks, i, n)
        if dozen is not None:
            return Number(t.start, toks[dozen].end, 6.0, kind="words"), dozen + 1
    if w in FRACTIONS and w in ("half",):
        return Number(t.start, t.end, 0.5, kind="fraction"), i + 1
    return None, i + 1


# what may follow an ordinal word that is a fraction: "of" ("a fifth of voters", "a hundredth
# of a second") or the end of a clause ("cut by a fifth.", "one sixth, and")
_FRACTION_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_FRACTION_END = re.compile(r"\s*(?:[.,;:!?)—–]|\s-\s|$)")


def _ordinal_fraction(text: str, frac: _Tok, after_a: bool) -> bool:
    """Whether a denominator word is a fraction here, not an ordinal. Half, third and quarter
    always are (the callers' rules). "a fifth", "a tenth" are ordinals before a noun ("a fifth
    time", "a sixth straight win"), so only "of" or a clause end makes them fractions; after a
    numeral ("one-fifth stake", "two-fifths") a fifth to a tenth always is one, but a hundredth
    or more needs "of" ("her one hundredth birthday" is an ordinal)."""
    denominator = ORDINAL_FRACTIONS.get(frac.word.removesuffix("s"))
    if denominator is None:
        return True
    if _FRACTION_OF.match(text, frac.end):
        return True
    if after_a:
        return bool(_FRACTION_END.match(text, frac.end))
    return denominator <= 10


def _fraction(first: _Tok, frac: _Tok, numerator: float) -> Number:
    return Number(first.start, frac.end, numerator / FRACTIONS[frac.word], kind="fraction")


def _digits_phrase(text: str, toks: list[_Tok], i: int, n: int) -> tuple[Number, int]:
    t = toks[i]
    value = t.digits or 0.0
    end = t.end
    j = i + 1
    m = _SLASH.match(text, end)
    if m and float(m.group(1)) > 0 and value.is_integer() and not _is_date_slash(text, m.end()):
        return Number(t.start, m.end(), value / float(m.group(1)), kind="fraction"), _skip(
            toks, j, m.end()
        )
    scale = 1.0
    abbrev = ""
    # "4 hundred million", "1.5 million", "2.8bn"
    while j < n and toks[j].word in SCALES and _glued(text, toks[j - 1], toks[j]) == "":
        s = SCALES[toks[j].word]
        if scale >= s:
            break
        scale *= s
        end = toks[j].end
        j += 1
    bare_end = end
    if scale == 1.0:
        m = _ABBREV.match(text, end)
        if m:
            abbrev = m.group(1)
            scale = ABBREV_SCALES[abbrev.lower()]
            end = m.end()
            crore = _CRORE_AFTER.match(text, end) if abbrev.lower().startswith("lakh") else None
            if crore:  # "₹307 lakh crore": a lakh of crores, 1e12
                scale, end = scale * 1e7, crore.end()
    num = Number(
        t.start,
        end,
        value * scale,
        kind="digits",
        scale=scale,
        scale_abbrev=abbrev,
        bare_end=bare_end,
    )
    return num, j


def _is_date_slash(text: str, pos: int) -> bool:
    """ "9/11" is a fraction-shaped date only if a third part follows: 1/16 stays a fraction."""
    return pos < len(text) and text[pos] == "/" and pos + 1 < len(text) and text[pos + 1].isdigit()


def _skip(toks: list[_Tok], j: int, end: int) -> int:
    while j < len(toks) and toks[j].start < end:
        j += 1
    return j


def _half_dozen(text: str, toks: list[_Tok], i: int, n: int) -> int | None:
    """The index of "dozen" in "half-dozen", "half dozen" or "half a dozen" (six) opening at
    toks[i], else None."""
    j = i + 1
    if j + 1 < n and toks[j].word == "a" and _glued(text, toks[i], toks[j]) == "":
        j += 1  # "half a dozen"
    if j < n and toks[j].word == "dozen" and _glued(text, toks[j - 1], toks[j]) in ("", "-"):
        return j
    return None


def _words_phrase(text: str, toks: list[_Tok], i: int, n: int) -> tuple[Number | None, int]:
    """Cardinal words: "twenty-five", "three thousand", "one hundred and fifty", "a dozen"."""
    total = 0.0
    current = 0.0
    have_small = False  # the current group already has units (stop at "two three")
    start = toks[i].start
    end = toks[i].end
    j = i
    last_kind = ""
    scale_seen = 1.0
    while j < n:
        t = toks[j]
        if j > i:
            glue = _glued(text, toks[j - 1], t)
            if glue is None or glue == "of":
                break
            if glue == "and" and not (last_kind == "scale" and (t.word in SMALL or t.word in TENS)):
                break
        w = t.word
        if w in ("a", "an") and j == i:
            current = 1.0
            last_kind = "a"
        elif w in TENS:
            if have_small:
                break
            current += TENS[w]
            have_small = True
            last_kind = "tens"
        elif w in SMALL:
            if have_small and not (last_kind == "tens" and 0 < SMALL[w] < 10):
                break
            current += SMALL[w]
            have_small = True
            last_kind = "small"
        elif w == "dozen":
            current = (current or 1.0) * 12
            have_small = True
            last_kind = "dozen"
        elif w == "hundred":
            if last_kind in ("scale",) and current == 0:
                break
            current = (current or 1.0) * 100
            have_small = False
            last_kind = "scale"
        elif w in SCALES:
            s = SCALES[w]
            if scale_seen != 1.0 and s >= scale_seen:
                # "a million" then "billion": not one number
                break
            total += (current or 1.0) * s
            current = 0.0
            have_small = False
            scale_seen = s
            last_kind = "scale"
        elif (
            w in FRACTIONS
            and last_kind in ("small", "a")
            and j > i
            and _ordinal_fraction(text, t, after_a=last_kind == "a")
        ):
            # "two-thirds", "one third", "three quarters"
            num = current if last_kind == "small" else 1.0
            return Number(start, t.end, (total + num) / FRACTIONS[w], kind="fraction"), j + 1
        else:
            break
        end = t.end
        j += 1
    if last_kind == "a":
        return None, i + 1
    value = total + current
    m = _SPOKEN_POINT.match(text, end) if scale_seen == 1.0 and value == int(value) else None
    if m:  # "one point three per cent"
        digits = "".join(_DIGIT_WORDS[d.lower()] for d in re.findall(r"[A-Za-z]+", m.group(1)))
        value = float(f"{int(value)}.{digits}")
        end = m.end(1)
        while j < n and toks[j].start < end:
            j += 1
    return Number(start, end, value, kind="words", scale=scale_seen), j


_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_SPOKEN_POINT = re.compile(
    r"\s+point\s+((?:"
    + "|".join(_DIGIT_WORDS)
    + r")(?:[\s-]+(?:"
    + "|".join(_DIGIT_WORDS)
    + r"))*)\b",
    re.IGNORECASE,
)


def _several(
    text: str, toks: list[_Tok], i: int, n: int, factors: tuple[float, float]
) -> tuple[Number | None, int]:
    """ "several tens" (30-90), "a few dozen" (24-60), "a few thousand" (2,000-5,000).

    "several" before a scale word reads as that scale's plural magnitude: "several hundred" is
    100-1,000 like "hundreds" (the NewsQuant convention for vague magnitudes, which the review
    sets follow too), not a guessed 300-900.
    """
    t = toks[i]
    if i + 1 >= n or _glued(text, t, toks[i + 1]) != "":
        return None, i + 1
    nxt = toks[i + 1].word
    mult = {"tens": 10.0, "dozen": 12.0, "dozens": 12.0, **SCALES}.get(nxt)
    if mult is None:
        return None, i + 1
    if factors == SEVERAL and nxt in SCALES:
        return _vague(text, toks, i + 1, n, (mult, mult * 10.0), t.start)
    lo, hi = factors[0] * mult, factors[1] * mult
    return _vague(text, toks, i + 1, n, (lo, hi), t.start)


_REPEAT_GAP = re.compile(r"\s+(?:and|upon|on|after)\s+", re.IGNORECASE)
_MORE_NEXT = re.compile(r"\s+more\b")


def _vague(
    text: str, toks: list[_Tok], i: int, n: int, rng: tuple[float, float], start: int
) -> tuple[Number, int]:
    """A vague magnitude, multiplied through "of thousands", "of millions" chains."""
    lo, hi = rng
    end = toks[i].end
    j = i + 1
    if (
        j < n
        and toks[j].word == toks[i].word
        and _REPEAT_GAP.fullmatch(text, end, toks[j].start)
        and not _MORE_NEXT.match(text, toks[j].end)  # "in their thousands and thousands more"
    ):
        end = toks[j].end  # "hundreds and hundreds of characters": one magnitude said twice
        j += 1
    while j < n:
        glue = _glued(text, toks[j - 1], toks[j])
        w = toks[j].word
        if glue == "of" and w in VAGUE and w not in ("tens", "dozens") and VAGUE[w][0] >= hi:
            lo, hi = lo * VAGUE[w][0], hi * VAGUE[w][0]
        elif glue == "" and w in SCALES and SCALES[w] >= hi:  # "several hundred thousand"
            lo, hi = lo * SCALES[w], hi * SCALES[w]
        else:
            break
        end = toks[j].end
        j += 1
    return Number(start, end, None, lo, hi, kind="vague"), j
