"""The path that found a quote's speaker, and whether a speaker found by it may be printed.

quotes.py labels each quote with its path: the cue and its subject's kind ("cue-after:name"),
a he/she with the antecedent route resolve took ("cue-after:pronoun/speaker"), a run-on, the
continued-paragraph convention, an uncued clause subject, ... A path that hands on a speaker
named earlier carries the path that first named them ("runon+cue-after:person") and marks of
what came between (cross_mark, names_other). Some paths are right far less often than others;
a wrong speaker gets printed, a missing one does not. data/quote_paths.tsv, written by
bench/quote_paths.py from speaker precision per path on the quotes_dev tune half and the
released BBC review sets, says which paths and marks are not trusted; a quote found by one of
them is shown unattributed.
"""

from __future__ import annotations

import bisect
from functools import cache
from pathlib import Path

from bot.extract.attribution import NOMINAL_HEADS, SPEECH_CUES
from bot.extract.doc import ArticleDoc, Segment
from bot.extract.frame_speaker import Frame
from bot.extract.mentions import Mention, surname
from bot.extract.name_checks import expand, sentence_index
from bot.extract.rival_subjects import opens_sentence
from bot.extract.word_lists import table_rows

TABLE = Path(__file__).resolve().parent / "data" / "quote_paths.tsv"


@cache
def untrusted_paths() -> frozenset[str]:
    """The paths the table marks "no" (a missing table trusts every path)."""
    if not TABLE.exists():
        return frozenset()
    rows = table_rows(TABLE.read_text(encoding="utf8"))
    return frozenset(cols[0] for cols in rows if len(cols) >= 2 and cols[-1] == "no")


def keys(path: str) -> list[str]:
    """What the table may name for a path: each of its parts ("runon+cue-after:name": a run-on
    of a speaker a cue named) and each mark of what came between ("^s": another person opened
    a sentence since the speaker was named; quotes.py)."""
    out = []
    for part in path.split("+"):
        out.append(part)
        out.extend("^" + m for m in part.split("^")[1:])
    return out


def trusted(path: str | None) -> bool:
    """A speaker found by path may be printed: neither the path, nor the path that first named
    a speaker handed on from an earlier quote, nor any of their marks is untrusted."""
    if not path:
        return True
    weak = untrusted_paths()
    return not weak or not any(k in weak for k in keys(path))


# paths that hand on a speaker named earlier: they carry the path that first named them
INHERITED = frozenset("it-added cue-nosubject runon continued".split())


def handed_on(path: str) -> bool:
    """The path takes a speaker named earlier (a he/she, a run-on, a continuation), not one
    its own sentence names."""
    return "pronoun" in path or path in INHERITED or path.startswith(("reporter", "opener"))


_CROSS_WINDOW = 800


def cross_mark(doc: ArticleDoc, name: str, pos: int, pronoun: str = "") -> str:
    """What came between the last mention of name and pos: "^n" an unnamed speaker ("A
    spokesman for the OUP said"), "^s" another person the he/she may be opening a sentence
    as its subject ("Paul Boateng attacked the plans."), "^x" another person named, else ""."""
    key = doc.skeleton(surname(name))
    back = _last_mention(doc, surname(name), pos)
    k = bisect.bisect_left(doc.speaker_starts, pos) - 1
    while k >= 0 and doc.speakers[k][0] > back:  # "He declared: ..." resolved to name
        if doc.speakers[k][1] == name:
            back = doc.speakers[k][0]
            break
        k -= 1
    lo = back if back >= 0 else max(0, pos - _CROSS_WINDOW)
    if doc.sentences and back >= 0:  # people in the sentence that names the speaker do not count
        lo = max(lo, doc.sentences[sentence_index(doc, back)].end)
    crossed = subject = False
    own = sentence_index(doc, pos) if doc.sentences else -1
    k = bisect.bisect_left(doc.person_starts, lo)
    while k < len(doc.persons) and doc.persons[k].start < pos:
        p = doc.persons[k]
        k += 1
        if not p.name or doc.skeleton(surname(p.name)) == key:
            continue
        crossed = True
        if doc.sentences and not subject and sentence_index(doc, p.start) != own:
            # not the he/she's own sentence: "Mr Blair has failed ..., he claimed"
            sent = doc.sentences[sentence_index(doc, p.start)]
            subject = (
                opens_sentence(doc.text, sent.start, p.start)
                and doc.text[p.end : p.end + 1] not in ("'", "’")  # "Mr Blair's government"
                and p.kind == "person"  # a full or titled name, not "Windows"
                and doc.fits(expand(doc, p.name), pronoun)
            )
    back = max(back, 0)
    if _unnamed_speaker_between(doc, back, pos):
        return "^n"
    return "^s" if subject else "^x" if crossed else ""


def _last_mention(doc: ArticleDoc, word: str, pos: int) -> int:
    """Where word (lowercase) was last written outside quotes within _CROSS_WINDOW before pos, else -1."""
    low = doc.lowered = doc.lowered or doc.text.lower()
    lo = max(0, pos - _CROSS_WINDOW)
    at = low.rfind(word, lo, pos)
    while at >= 0 and doc.masked(at):
        at = low.rfind(word, lo, at)
    return at


def _unnamed_speaker_between(doc: ArticleDoc, lo: int, pos: int) -> bool:
    """A cue between lo and pos has an indefinite description as its subject ("A spokesman for
    the Oxford University Press said"): someone new and unnamed spoke."""
    if not doc.sentences:
        return False
    si, sj = sentence_index(doc, lo), sentence_index(doc, pos)
    for i in doc.cue_sentences:
        if i < si or i > sj:
            continue
        toks = doc.sentence_tokens(i)
        for ci, t in enumerate(toks):
            if t.start <= lo or t.start >= pos or t.cap or t.low not in SPEECH_CUES:
                continue
            for j in range(max(0, ci - 10), ci):
                if toks[j].low in ("a", "an") and any(
                    x.low in NOMINAL_HEADS for x in toks[j + 1 : min(ci, j + 4)]
                ):
                    return True
    return False


def names_other(doc: ArticleDoc, fr: Frame, seg: Segment, name: str) -> bool:
    """The quote's own sentence names a person other than name outside the quote marks."""
    lo = fr.full_before[0].start if fr.full_before else seg.open
    hi = fr.after[-1].end if fr.after else seg.close
    key = doc.skeleton(surname(name))
    if any(  # '"...," AG Edwards' Thayer.': a name tagging the quote with no verb
        t.cap and t.text[:1].isalpha() and t.text != "I" and doc.skeleton(t.text) != key
        for t in fr.after
    ):
        return True
    k = bisect.bisect_left(doc.person_starts, lo)
    while k < len(doc.persons) and doc.persons[k].start < hi:
        other = doc.persons[k].name
        if other and doc.skeleton(surname(other)) != key:
            return True
        k += 1
    return False


def path_of(how: str, mention: Mention | None, seg: Segment, route: str) -> str:
    """The path a cue found the speaker by (quote_paths.py): the cue's kind, whether its
    subject stands before or after the quote, and the subject's kind, a he/she with the
    antecedent route resolve took ("cue-after:pronoun/speaker")."""
    if mention is None:
        return f"{how}:none"
    kind = mention.kind
    if kind == "pronoun" and mention.name != "it" and route:
        kind = f"pronoun/{route}"
    if how in ("cue", "nocue"):
        how += "-after" if mention.start >= seg.close else "-before"
    return f"{how}:{kind}"
