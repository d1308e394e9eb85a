"""Find who a stretch of text is attributed to: speech cues, their subjects, and person names."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.extract.lexicon import (  # noqa: F401  (re-exported: the public vocabulary)
    ATTITUDE_BASES,
    ATTITUDE_CUES,
    ATTITUDE_PARTICLES,
    AUX,
    BELIEF_CUES,
    BODY_NOUNS,
    BODY_REFERENTS,
    CUES,
    HONORIFICS,
    NOMINAL_HEADS,
    NOT_NAME,
    NOT_PERSON,
    NOUN_CUES,
    OBJECT_CUES,
    ORG_WORDS,
    PERSON_PRONOUNS,
    PHRASAL_CUES,
    PHRASAL_FORMS,
    PRONOUNS,
    QUOTE_CUES,
    SPEECH_CUES,
    SUBJECT_PRONOUNS,
    SURNAME_TITLES,
    TEMPORAL,
    TITLES,
    person_agent,
    role_noun,
    role_nouns,
    verb_forms,
)
from bot.extract.mentions import Mention, Token, classify_run, possessive

PREPS = frozenset("of at for from to with in by on about against under behind near".split())


DETERMINERS = frozenset("the a an this that these those his her their its our my".split())


# words opening a subordinate clause whose subject is not the sentence's ("as" is left out:
# "As Smith put it, ..." names the speaker)
_SUBORDINATORS = frozenset(
    "after before when whenever while since because although though once until unless if".split()
)
_CLAUSE_START = frozenset("the a an who which whose whom".split())


def is_participle(cue: str) -> bool:
    return cue.endswith("ing")


def noun_use(toks: list[Token], i: int) -> bool:
    """`her claim that`, `Rubio's claims`: a cue word used as a noun, not a verb."""
    if i == 0:
        return False
    prev = toks[i - 1]
    return prev.low in DETERMINERS or possessive(prev.text)


def subject_before(toks: list[Token], ci: int) -> Mention | None:
    """The source phrase ending just before toks[ci] (a cue), appositives skipped."""
    j = ci - 1
    while j >= 0 and not toks[j].cap and (toks[j].low in AUX or toks[j].low.endswith("ly")):
        j -= 1
    j = skip_aside(toks, j)
    # a time phrase between subject and verb: "Trump on Saturday tweeted"
    k = j
    while k >= 0 and toks[k].low in TEMPORAL:
        k -= 1
    if (k < j and k >= 0 and toks[k + 1].low in ("on", "last", "this", "earlier")) or (
        k < j and toks[j].cap
    ):
        j = k
    if j < 0:
        return None
    t = toks[j]
    if j >= 3 and _age_description(toks, j - 3):  # "The 67-year-old also said"
        return Mention(None, "nominal", toks[j - 3].start, t.end, ("the", "year-old"))
    if t.low in PRONOUNS and (not t.cap or j == 0 or toks[j - 1].text in PUNCT):
        return Mention(t.low, "pronoun", t.start, t.end)
    if t.text == ",":
        if is_participle(toks[ci].low):
            prev = cue_index(toks[:j], reverse=True)
            if prev is not None and j - prev <= 3:  # "Nefzi said, adding"
                return subject_before(toks, prev) or subject_after(toks, prev)
            if thing_opens(toks, j):
                return None  # "The poster shows Mr Howard ..., saying:": the poster's words
            return clause_subject(toks, 0, j)
        return _appositive_subject(toks, j)
    m = np_ending_at(toks, j)
    if m is not None and m.kind in ("org", "nominal"):
        rel = _relative_head(toks, j)
        if rel is not None:
            return rel
    return m


def thing_opens(toks: list[Token], j: int) -> bool:
    """The clause in toks[:j] opens with a lowercase noun phrase that names no role ("The
    poster shows Mr Howard ..."), then a verb: its subject is a thing, and a name after the
    verb is its object, not who a participle after the clause ("saying") has speak."""
    k = 1 if toks and toks[0].low in ("but", "and", "yet", "so") else 0
    if k >= j or toks[k].low not in ("the", "a", "an", "this", "its", "their"):
        return False
    e = k + 1
    while e < j and e - k <= 3 and toks[e].text.isalpha() and not toks[e].cap:
        e += 1
    if e == k + 1 or e >= j:
        return False
    head, verb = toks[e - 2], toks[e - 1]
    if e - 1 == k + 1:
        return False  # "the poster" alone, then a name: no verb seen
    role = head.low in TITLES or head.low in NOMINAL_HEADS or head.low in role_nouns()
    return not role and verb.low.endswith(("s", "ed")) and toks[e].cap


PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", "-", ".", "!", "?", "“", "”", '"'})
_ASIDE_OPEN = {")": "(", "—": "—", "–": "–", "-": "-"}


def skip_aside(toks: list[Token], j: int) -> int:
    """Index before a parenthesis or dashed aside that ends at toks[j] ("Cruz (R-Tex.) said",
    "Gingrich — mentioned by Newsmax — told"), else j unchanged."""
    if j < 1 or toks[j].text not in _ASIDE_OPEN:
        return j
    close = j - 1 if toks[j].text == "-" and toks[j - 1].text == "-" else j  # "--"
    opener = _ASIDE_OPEN[toks[j].text]
    for i in range(close - 1, max(-1, j - 30), -1):
        if toks[i].text == opener:
            if opener == "-" and i >= 1 and toks[i - 1].text == "-":
                i -= 1
            return i - 1 if i >= 1 else j
        if toks[i].text == ";" or (toks[i].text == "." and opener != "("):
            break
    return j


def _relative_head(toks: list[Token], j: int) -> Mention | None:
    """`Katie Packer, who is chairman of Our Principles PAC said` -> Katie Packer."""
    for k in range(j - 1, max(0, j - 14), -1):
        if toks[k].low in ("who", "whose") and k >= 2 and toks[k - 1].text == ",":
            m = np_ending_at(toks, k - 2)
            if m is not None and m.kind in ("person", "name"):
                return m
            return None
        if toks[k].text in (";", ":", "."):
            return None
    return None


def np_ending_at(toks: list[Token], j: int) -> Mention | None:
    t = toks[j]
    if t.cap and t.text[0].isalpha():
        i = j
        while i - 1 >= 0 and (
            (toks[i - 1].cap and toks[i - 1].text[0].isalpha() and not possessive(toks[i - 1].text))
            or toks[i - 1].low in ("de", "van", "von", "bin", "al")
        ):
            i -= 1
        m = classify_run(toks[i : j + 1])
        if m is None:
            return None
        body = _body_of(toks, i, j)
        if body is not None:
            return body
        if i > 0 and toks[i - 1].low in PREPS and m.kind != "org" and toks[i].low not in NOT_NAME:
            # "on Thursday Mr Blair": the preposition takes the day, not the name after it
            titled = (  # "Secretary of State John Kerry"
                toks[i - 1].low == "of" and m.kind == "person" and i >= 2 and toks[i - 2].cap
            )
            if not titled:
                return None
        return m
    if (
        t.low in BODY_REFERENTS
        and t.low not in NOMINAL_HEADS
        and j > 0
        and not t.cap
        and toks[j - 1].low in ("the", "its")
    ):  # "the magazine said": bodies.py resolves it
        return Mention(None, "nominal", toks[j - 1].start, t.end, (toks[j - 1].low, t.low))
    if t.low in BODY_NOUNS and j > 0 and toks[j - 1].cap and toks[j - 1].text[0].isalpha():
        # "Broadcast magazine said": a capitalised name and the kind of body it is
        i = j - 1
        while i - 1 >= 0 and toks[i - 1].cap and toks[i - 1].text[0].isalpha():
            i -= 1
        if toks[i].low not in NOT_NAME and not possessive(toks[j - 1].text):
            surface = " ".join(x.text for x in toks[i : j + 1])
            return Mention(surface, "org", toks[i].start, t.end, (), surface)
    if (t.low in role_nouns() or person_agent(t.low)) and not t.cap and t.low not in NOMINAL_HEADS:
        described = _described(toks, j)  # "The Spectator editor told": descriptions.py
        if described is not None:
            return described
    if t.low in NOMINAL_HEADS:
        i = j
        while (
            i - 1 >= 0
            and toks[i - 1].text[0].isalpha()
            and toks[i - 1].low not in PREPS
            and toks[i - 1].low not in CUES
            and j - i < 5
        ):
            i -= 1
            if toks[i].low in DETERMINERS:
                break
        titles = tuple(x.low for x in toks[i : j + 1])
        return Mention(None, "nominal", toks[i].start, t.end, titles=titles)
    return None


def _described(toks: list[Token], j: int) -> Mention | None:
    """ "the two-time champion", "The Spectator editor": "the", up to four words, and a role
    noun at toks[j] (lexicon.role_nouns), as a nominal mention; else None ("a champion" is
    nobody the article named)."""
    i = j
    while (
        i - 1 >= 0
        and j - i < 5
        and toks[i - 1].text[0].isalnum()
        and toks[i - 1].low not in PREPS
        and toks[i - 1].low not in CUES
        and not possessive(toks[i - 1].text)
    ):
        i -= 1
        if toks[i].low in DETERMINERS:
            break
    if toks[i].low != "the":
        return None
    return Mention(
        None, "nominal", toks[i].start, toks[j].end, tuple(x.low for x in toks[i : j + 1])
    )


_JOINERS = frozenset("of for".split())


def _body_of(toks: list[Token], i: int, j: int) -> Mention | None:
    """ "The Muslim Council of Britain", "the Court of Arbitration for Sport": a body's name
    runs on over "of"/"for" when the words before them name a kind of body (ORG_WORDS)."""
    k = i
    while k >= 2 and toks[k - 1].low in _JOINERS and toks[k - 2].cap:
        h = k - 2
        while h - 1 >= 0 and toks[h - 1].cap and toks[h - 1].text[0].isalpha():
            h -= 1
        if toks[k - 2].low in ORG_WORDS:
            start = h
            while start < k - 2 and toks[start].low in NOT_NAME:
                start += 1
            surface = " ".join(x.text for x in toks[start : j + 1])
            return Mention(surface, "org", toks[start].start, toks[j].end, (), surface)
        k = h
    return None


def clause_subject(
    toks: list[Token], a: int, b: int, accept: Callable[[Mention], bool] | None = None
) -> Mention | None:
    """The first person (or he/she) named in toks[a:b], skipping names inside phrases
    (and, given accept, names it turns down: places and events that look like names), and
    names in an opening subordinate clause ("In June 2009, after Clinton suffered a
    concussion, Axelrod emailed her ...": Axelrod)."""
    skip = -1
    for k in range(a, b):
        t = toks[k]
        if t.low in _SUBORDINATORS and (k == a or toks[k - 1].text == ","):
            skip = next((c for c in range(k + 1, b) if toks[c].text == ","), -1)
        if k < skip:
            continue
        if t.low in PERSON_PRONOUNS and (k == a or toks[k - 1].text in PUNCT):
            return Mention(t.low, "pronoun", t.start, t.end)
        if (
            t.cap
            and t.text[0].isalpha()
            and (k == a or not (toks[k - 1].cap and toks[k - 1].text[0].isalpha()))
        ):
            e = min(run_end(toks, k), b - 1)
            if all(x.text.isupper() for x in toks[k : e + 1]):
                continue  # a dateline: "NEW YORK -"
            m = classify_run(toks[k : e + 1])
            if (
                m is not None
                and m.kind in ("person", "name")
                and not (k > a and toks[k - 1].low in PREPS)
                and not (e + 1 < b and possessive(toks[e].text))
            ):
                held = _role_holder(toks, e, b)
                if held is None and _modifier_run(m, toks, e, b):
                    # "Tory delegates are gathering": a label on the noun that is the subject,
                    # so no later name is ("The Oscar-nominated actor, whose films include
                    # Michael Collins, said"): the person the role names ("Station manager
                    # Steve Taylor"), a described role ("the ... actor") or nobody
                    if not role_noun(toks[e + 1].low):
                        return None
                    return _named_after(toks, e + 2, b) or _described(toks, e + 1)
                m = held or m
                if accept is None or accept(m):
                    return m
    return None


def _named_after(toks: list[Token], k: int, b: int) -> Mention | None:
    """The person named by the capitalised run at toks[k] (before b), else None."""
    if k >= b or not toks[k].cap:
        return None
    m = classify_run(toks[k : min(run_end(toks, k), b - 1) + 1])
    return m if m is not None and m.kind == "person" else None


# a finite verb after a noun phrase: "Tory delegates are ...", "Labour activists have ..."
_HEAD_VERBS = frozenset("is are was were has have had will would".split())


def _modifier_run(m: Mention, toks: list[Token], e: int, b: int) -> bool:
    """A one-word name run (no given name, no title) with a lowercase noun after it that heads
    the phrase: a role noun ("Tory co-chairman") or a word a finite verb follows ("Tory
    delegates are"). The run is a label (a party, a place) on that noun, not its subject."""
    if m.kind != "name" or m.titles or " " in (m.name or "") or e + 1 >= b:
        return False
    nxt = toks[e + 1]
    if nxt.cap or not nxt.text.isalpha() or nxt.low in AUX or nxt.low in CUES:
        return False
    return role_noun(nxt.low) or (e + 2 < b and toks[e + 2].low in _HEAD_VERBS)


def _role_holder(toks: list[Token], e: int, b: int) -> Mention | None:
    """`Cruz spokeswoman Catherine Frazier`: the person after a role word, not the boss before it."""
    k = e + 1
    while (
        k < b
        and k - e <= 3
        and not toks[k].cap
        and (toks[k].low in TITLES or toks[k].low in NOMINAL_HEADS)
    ):
        k += 1
    if k == e + 1 or k >= b or not toks[k].cap:
        return None
    m = classify_run(toks[k : min(run_end(toks, k), b - 1) + 1])
    return m if m is not None and m.kind in ("person", "name") else None


_PARTY_TAG = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")


# letters after a name that are no part of it ("Paul Boateng MP", "Michael Mansfield QC")
POST_NOMINALS = frozenset("MP MEP MSP MLA AM QC KC OBE MBE CBE KBE".split())
# members of a body written as the plural of their letters: "the MPs said" (resolve.py)
MEMBERS = frozenset(f"{p}s" for p in "MP MEP MSP MLA AM".split())


def _appositive_subject(toks: list[Token], comma: int) -> Mention | None:
    """`Smirnov, the acting chief of the region, told` -> the name before the appositive."""
    pieces: list[tuple[int, int]] = []
    end = comma
    k = comma - 1
    while k >= 0:
        if toks[k].text == ")":
            k2 = skip_aside(toks, k)
            if k2 != k:
                k = k2
                continue
        if toks[k].text == "." and k >= 1 and _PARTY_TAG.match(toks[k - 1].text):
            k -= 1  # "Rand Paul, R-Ky., told": the tag's abbreviation dot ends no clause
            continue
        sep = toks[k].text in PUNCT
        if sep or k == 0:
            start = k + 1 if sep else k
            pieces.append((start, end))
            if toks[k].text != ",":
                break
            end = k
        k -= 1
    who = next(
        (i for i, (a, b) in enumerate(pieces) if b > a and toks[a].low in ("who", "whose")), None
    )
    if who is not None:
        # "Sandy Phillips, who lost her daughter in Aurora, Colorado, said": the piece right
        # before the relative clause first ("Of Carson, Levine, who has given ..., said")
        pieces = pieces[who + 1 :] + list(reversed(pieces[: who + 1]))
    for a, b in pieces:
        if b <= a:
            continue
        first = toks[a]
        if _PARTY_TAG.match(first.text):
            continue
        end = skip_aside(toks, b - 1)
        if end > a and toks[end].text in POST_NOMINALS:
            end -= 1  # "Paul Boateng MP": the name, not the letters after it
        m = np_ending_at(toks, end)
        if m is None and end - 2 > a and toks[end - 1].low == "of" and toks[end].cap:
            m = np_ending_at(toks, end - 2)  # "Debbie Wasserman Schultz of Florida"
        if m is None or m.kind == "nominal":
            continue
        if any(t.low in PREPS for t in toks[a:end] if t.start < m.start):
            continue  # "Labour's Chief Secretary to the Treasury": a role's object, no speaker
        if first.low in _CLAUSE_START or not first.cap:
            continue  # "the former governor of Texas": an appositive, not the subject
        return m
    return None


def subject_after(toks: list[Token], ci: int) -> Mention | None:
    """Inverted attribution: `said former governor Michael Leavitt, a confidant` -> the name."""
    j = ci + 1
    n = len(toks)
    if j >= n:
        return None
    if toks[j].low in PERSON_PRONOUNS:
        return Mention(toks[j].low, "pronoun", toks[j].start, toks[j].end)
    if _age_description(toks, j):  # "said the 28-year-old"
        return Mention(None, "nominal", toks[j].start, toks[j + 3].end, ("the", "year-old"))
    best: Mention | None = None
    k = j
    while k < n and k - j < 9:
        t = toks[k]
        if t.text in PUNCT:
            break
        if t.cap and t.text[0].isalpha():
            e = run_end(toks, k)
            m = classify_run(toks[k : e + 1])
            if (
                m is not None
                and m.kind == "person"
                and best is None
                and k == j + 1
                and toks[j].low == "the"
                and e + 1 < n
                and not toks[e + 1].cap
                and toks[e + 1].low in role_nouns()
            ):  # "said the Old Trafford boss": a description naming a place, not a person
                return Mention(
                    None, "nominal", toks[j].start, toks[e + 1].end, ("the", toks[e + 1].low)
                )
            if m is not None and m.kind in ("person", "name", "org"):
                if best is None or best.kind != "person" or m.kind == "person":
                    best = m
            elif (
                m is not None
                and m.kind == "nominal"
                and best is None
                and (e + 1 >= n or toks[e + 1].text in PUNCT)
            ):
                return Mention(
                    None,
                    "nominal",
                    toks[j].start,
                    toks[e].end,
                    titles=tuple(x.low for x in toks[j : e + 1]),
                )
            k = e + 1
            continue
        if (
            t.low in BODY_REFERENTS
            and not t.cap
            and best is None
            and k == j + 1
            and toks[j].low in ("the", "its")
            and (k + 1 >= n or toks[k + 1].text in PUNCT)
        ):  # "according to the magazine": bodies.py resolves it
            return Mention(None, "nominal", toks[j].start, t.end, (toks[j].low, t.low))
        if (
            t.low in role_nouns()
            and not t.cap
            and best is None
            and toks[j].low == "the"
            and not _name_follows(toks, k + 1)
        ):  # "said the two-time champion": descriptions.py
            return Mention(
                None, "nominal", toks[j].start, t.end, titles=tuple(x.low for x in toks[j : k + 1])
            )
        if t.low in NOMINAL_HEADS and best is None and not _name_follows(toks, k + 1):
            return Mention(
                None, "nominal", toks[j].start, t.end, titles=tuple(x.low for x in toks[j : k + 1])
            )
        if t.low == "and" and best is None and 0 < k - j <= 2 and toks[k - 1].text.islower():
            k += 1  # "according to media and PR strategist Glen Yearwood": one role
            continue
        if t.low in PREPS or t.low in (
            "that",
            "it",
            "this",
            "they",
            "we",
            "i",
            "you",
            "and",
            "but",
            "who",
            "which",
        ):
            break
        k += 1
    return best


def _name_follows(toks: list[Token], i: int) -> bool:
    """A capitalised word comes within two lowercase role words of toks[i], before any
    punctuation: "his campaign manager Jeff Weaver" names the person after the head; an "and"
    joins two roles of one person ("study coauthor and paleontologist Mike Novacek")."""
    end, k = i + 3, i
    while k < min(len(toks), end):
        if toks[k].text in PUNCT:
            return False
        if toks[k].cap:
            return True
        if toks[k].low == "and":
            end += 1
        k += 1
    return False


def _age_description(toks: list[Token], i: int) -> bool:
    """toks[i:i+4] is "the 28-year-old": a description of someone named before."""
    return (
        i + 3 < len(toks)
        and toks[i].low == "the"
        and toks[i + 1].text.isdigit()
        and toks[i + 2].text == "-"
        and toks[i + 3].low == "year-old"
    )


def run_start(toks: list[Token], j: int) -> int:
    """Where the run of capitalised words ending at toks[j] begins (a name read backwards)."""
    i = j
    while i > 0 and toks[i - 1].cap and toks[i - 1].text[0].isalpha():
        i -= 1
    return i


def run_end(toks: list[Token], i: int) -> int:
    j = i
    while j + 1 < len(toks) and (
        (toks[j + 1].cap and toks[j + 1].text[0].isalpha() and not possessive(toks[j].text))
        or (
            toks[j + 1].low in ("de", "van", "von", "bin", "al")
            and j + 2 < len(toks)
            and toks[j + 2].cap
        )
    ):
        j += 1
    return j


# --- direct quotes ---------------------------------------------------------------------------


def cue_index(toks: list[Token], reverse: bool = False) -> int | None:
    rng = range(len(toks) - 1, -1, -1) if reverse else range(len(toks))
    for i in rng:
        t = toks[i]
        if t.low in SPEECH_CUES and not t.cap and not noun_use(toks, i):
            return i
        if t.low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
            return i
    return None


def passive_agent(toks: list[Token], lo: int = 0) -> Mention | None:
    """`described by Putin as a “red line”`: the agent of a passive verb is the speaker."""
    for i in range(len(toks) - 2, lo - 1, -1):
        if toks[i].low == "by" and i > 0 and toks[i - 1].low.endswith(("ed", "en")):
            m = subject_after(toks, i)
            if m is not None and m.kind in ("person", "name"):
                return m
    return None
