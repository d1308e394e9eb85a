"""Build bot/extract/data/name_genders.tsv: the gender a given name tells, from a real name list.

The learned bot/extract/data/given_names.tsv reads genders off our own articles, so a name that
sits next to someone else's "he" learns the wrong one ("Megyn" m), and a name seen too seldom
is missing ("Harvey"). This table comes instead from the name dictionary that the pinned
gender-guesser package ships (Jörg Michael's nam_dict, 40,000 names over 50 countries). A name
is listed only when the dictionary agrees with itself: its reading for the USA, for Great
Britain and over all countries (where it knows them) fall on one side, and at least one of
them is plain male or female rather than "mostly". A name with both uses ("Jan", "Jean",
"Robin", "Kim") is left out, so a he/she never rules its bearer out.

    pip install gender-guesser==0.4.0    # the 'train' extra
    python bench/build_name_genders_dict.py
"""

from __future__ import annotations

from pathlib import Path

from gender_guesser.detector import Detector

OUT = Path(__file__).resolve().parent.parent / "bot" / "extract" / "data" / "name_genders.tsv"
_SIDE = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": "?"}


def clear_gender(d: Detector, name: str) -> str | None:
    """'m' or 'f' when every reading the dictionary has for name agrees; else None."""
    readings = [d.get_gender(name)]
    for country in ("usa", "great_britain"):
        at = Detector.COUNTRIES.index(country)
        if any(len(v) > at and v[at] != " " for v in d.names[name].values()):
            readings.append(d.get_gender(name, country))  # else the dictionary has no count there
    known = [r for r in readings if r != "unknown"]
    sides = {_SIDE[r] for r in known}
    if len(sides) != 1 or "?" in sides:
        return None
    if not any(r in ("male", "female") for r in known):
        return None  # "mostly" everywhere ("Chris", "Kelly"): measured worse on both halves
    return sides.pop()


def main() -> None:
    d = Detector()
    rows = []
    for name in sorted(d.names):
        if not name.isalpha() or not name[:1].isupper() or len(name) < 2:
            continue
        g = clear_gender(d, name)
        if g is not None:
            rows.append(f"{name}\t{g}")
    OUT.write_text("\n".join(rows) + "\n", encoding="utf8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
