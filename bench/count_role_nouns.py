"""Count the nouns that describe a quoted speaker in the tune halves of quotes_dev and bbc_dev.

usage: python bench/count_role_nouns.py [--gold ../shared/eval/quotes_dev.jsonl] [--min 2]
           [--write bot/extract/data/role_nouns.txt]

A role noun stands beside a speaker the gold names: right before the name ("the actor Marlon
Brando", "Dutchman Jaap Stam"), closing an apposition after it ("Radcliffe, the two-time
champion,"), or heading a description the gold resolves to the speaker ("the former Maryland
governor said"). Nouns seen so with at least --min different speakers are written, one a
line: bot/extract/descriptions.py reads "said the champion" with them. bbc_dev has no speaker
labels, so there the people are full names opening with a given name of the name table or
whose surname stands alone in the article twice more. A few words that only look like roles
("beat", "between") get in; they do no harm, since no cue has them as its subject.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.split import half  # noqa: E402
from bot.extract.attribution import PREPS  # noqa: E402
from bot.extract.gender import given_names  # noqa: E402
from bot.extract.lexicon import (  # noqa: E402
    AUX,
    BODY_REFERENTS,
    CUES,
    DOC_NOUNS,
    HONORIFICS,
    NOT_NAME,
    ORG_WORDS,
)

BODY_WORDS = BODY_REFERENTS | ORG_WORDS | DOC_NOUNS | CUES | PREPS | AUX

_WORD = r"[A-Za-z][a-z]+(?:-[a-z]+)*"
# "the actor Marlon Brando", "Chelsea boss Jose Mourinho", "Labour's deputy leader X": one
# word right before the name, after a determiner, a possessive or a capitalised qualifier
_BEFORE = (
    r"(?:\b(?:[Tt]he|an?|[A-Z][\w-]*['’]s?)\s+(?:[a-z0-9][\w-]*\s+){{0,3}}?"
    r"|\b(?!(?:He|She|They|It|I|We|You|This|That)\s)[A-Z][\w-]*\s+(?:[a-z0-9][\w-]*\s+)?)"
    r"({w})\s+{name}\b"
)
# "Radcliffe, the two-time champion," / "Stam, a 32-year-old defender."
_AFTER = r"{name},\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,4}}?({w})[,.;]"
# "the former Maryland governor": a description as the gold's source
_SOURCE = re.compile(r"^[Tt]he\s+(?:[\w'’-]+\s+){0,4}?([a-z]+)$")
_NOT_ROLE = frozenset("the a an and of said says told who which that his her their than".split())


def _noun(word: str) -> str | None:
    low = word.lower()
    if low.endswith("s") and not low.endswith("ss"):
        return None  # a plural is a group (bodies.py), or a verb ("beats")
    if word[0].isupper() and not low.endswith("man"):
        return None  # a name, not a role ("Dutchman" is one)
    if (
        low in _NOT_ROLE
        or low in NOT_NAME
        or low in HONORIFICS
        or low in BODY_WORDS
        or len(low) < 3
        or low.endswith(("ly", "ing", "ed"))
    ):
        return None  # a body ("the campaign said") is bodies.py's, not a person's role
    return low


def count(path: Path) -> dict[str, set[str]]:
    """noun -> the speakers (per article) it describes in the tune half."""
    seen: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf8").splitlines():
        doc = json.loads(line)
        if half(doc["id"]) != "tune":
            continue
        text = doc["text"]
        names = {a["speaker_name"] for a in doc["attributions"] if a.get("speaker_name")}
        for a in doc["attributions"]:
            m = _SOURCE.match((a.get("source") or "").strip())
            if m and a.get("speaker_name") and (w := _noun(m.group(1))):
                seen[w].add(f"{doc['id']}:{a['speaker_name']}")
        for name in names:
            if len(name.split()) >= 2:
                _beside(text, name, f"{doc['id']}:{name}", seen)
    return seen


def _beside(text: str, name: str, key: str, seen: dict[str, set[str]]) -> None:
    """Add key under every role noun written right before or after name in text."""
    esc = re.escape(name)
    for pat in (_BEFORE, _AFTER):
        for m in re.finditer(pat.format(w=_WORD, name=esc), text):
            if w := _noun(m.group(1)):
                seen[w].add(key)


_FULL = r"[A-Z][a-z]+\s+(?:[A-Z][a-z]+\s+)?[A-Z][\w'’-]+"


def _surname_again(text: str, name: str) -> bool:
    """The name's last word stands alone in the text twice more: a person's surname ("Kelly
    Holmes" ... "Holmes said"), not a place or a body named in full each time."""
    first, last = name.split()[0], name.split()[-1]
    if first.lower() in NOT_NAME:
        return False
    alone = len(re.findall(rf"\b{re.escape(last)}\b", text))
    return alone - text.count(name) >= 2


def count_corpus(path: Path) -> dict[str, set[str]]:
    """noun -> the people (per article) it stands beside in the tune half of a corpus with no
    speaker labels (bbc_dev): full names opening with a given name of the table."""
    seen: dict[str, set[str]] = defaultdict(set)
    given = given_names()
    for line in path.read_text(encoding="utf8").splitlines():
        doc = json.loads(line)
        if half(doc["id"]) != "tune":
            continue
        text = doc["text"]
        names = {
            m.group(0)
            for m in re.finditer(_FULL, text)
            if m.group(0).split()[0] in given or _surname_again(text, m.group(0))
        }
        for name in names:
            _beside(text, name, f"{doc['id']}:{name}", seen)
    return seen


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared/eval/quotes_dev.jsonl")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_dev.jsonl")
    ap.add_argument("--min", type=int, default=2)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    seen = count(args.gold)
    for w, who in count_corpus(args.corpus).items():
        seen[w] |= who
    kept = sorted(w for w, who in seen.items() if len(who) >= args.min)
    for w in sorted(kept, key=lambda w: -len(seen[w])):
        print(f"{len(seen[w])}\t{w}")
    if args.write:
        header = "# role nouns beside speakers, tune halves (bench/count_role_nouns.py)\n"
        args.write.write_text(header + "\n".join(kept) + "\n", encoding="utf8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
