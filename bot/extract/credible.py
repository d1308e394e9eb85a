"""Speakers an editor can print: a person the article shows as one (or a named body), else None.

A wrong speaker gets printed; a missing one does not. So a capitalised run that the article
also treats as a place, a team, a work or an event ("in Cardiff", "Burnley are", "the album
War") is never a speaker, a lone word is a speaker only when the article names that person in
full or with an honorific, and a printed name loses the role words and the possessive body
in front of it ("Environment Agency's Sarah Jones" -> "Sarah Jones"; printed_names.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.clause_words import IRREGULAR_PAST
from bot.extract.gender import given_names
from bot.extract.lexicon import (
    BODY_REFERENTS,
    COUNTRY_CODES,
    CUES,
    NOMINAL_HEADS,
    NOT_NAME,
    ORG_WORDS,
    SPEECH_CUES,
    TITLES,
    common_words,
)
from bot.extract.printed_names import HONORIFIC_WORDS, ROLE_ONLY, clean_name, strip_labels
from bot.extract.speakers import is_organisation, surname_skeleton

# Words before a name that make it a place, a venue or a work rather than a person.
_WORK_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|new|latest|debut|first|hit|[\w]+['’]s)\s+"
    r"(?:album|film|movie|single|song|book|novel|show|series|programme|program|play|musical|"
    r"opera|track)|\b(?:titled|entitled))\s+$",
    re.IGNORECASE,
)
# "The book, Brown's Britain, said": a work's title set off by commas after its noun (and
# maybe its author's possessive); the title, or a word of it, is no speaker.
_WORK_APPOSED = re.compile(
    r"(?<!of )(?<!by )(?i:\b(?:the|a|an|his|her|their|its|new|latest|[\w]+['’]s)\s+"
    r"(?:album|film|movie|single|song|book|novel|report|study|survey|paper|documentary|show|"
    r"series|programme|program|play|musical|biography|memoir|magazine|newspaper)),\s+"
    r"(?:[A-Z][\w'’-]*\s+){0,4}$"
)
# "in Cardiff", "at Belmarsh Prison", "the Lib Dems": a place or a body, unless the article also
# treats it as a person (nobody writes "the John Smith").
# Function words that title case capitalises and no person's name contains.
_HEADLINE_WORDS = frozenset("To A An With By Has Is Are Was For And The In On At As Of".split())
_MODIFIER = re.compile(r" [a-z]+ [a-z]")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|[Tt]he)\s+$")
# "the Star Trek franchise", "the U2 album": a work or a series named before its noun.
_WORK_AFTER = re.compile(
    r"(?i)\s+(?:album|film|movie|single|song|book|novel|franchise|series|programme|show|musical|"
    r"sitcom|soap|saga|trilogy|sequel|tour|dvd|cd|disc|video|game|laptop|phone|handset|"
    r"podcast|blog|newsletter|column|magazine|website|"
    r"console|computer|device|player|car)s?\b"
)
# A team or a body takes a plural verb in British copy ("Burnley are resolute").
_PLURAL_AFTER = re.compile(r"\s+(?:are|were|have been|have [a-z]+ed)\b")
# "Clinton and Trump are", "could Trump have": the plural or the "have" is not the name's own
_NOT_OWN_VERB = frozenset(
    "and or & nor would could should did does do will might may must to".split()
)
# "Franz Ferdinand frontman Alex Kapranos", "Chelsea winger Arjen Robben": a band, club or
# party named before a member's role and the member's name; nobody writes "Tony Blair
# spokesman Tom Kelly" of a person (that is "Tony Blair's spokesman").
_MEMBER_AFTER = re.compile(r" ([a-z]+) [A-Z][\w'’-]+ [A-Z]")
_AGENT_ENDINGS = ("man", "ist", "er", "or", "ian")
_NOT_ROLE = frozenset(
    """after under over for or never ever later other together whether rather either neither
    however per nor""".split()
)


def credible_speaker(text: str, name: str | None, fullnames: dict[str, str]) -> str | None:
    """name cleaned for print, or None when the article does not show it to be a person.

    fullnames maps surname skeletons to the fullest person name the article gives.
    Organisations ("Sumitomo", "Muslim Council of Britain") pass unchanged: they are named
    sources, not people mistaken for one.
    """
    if not name:
        return None
    clean = strip_labels(text, clean_name(name))  # "Amnesty International's Jan Shaw" -> "Jan Shaw"
    if ROLE_ONLY.intersection(clean.lower().split()[-1:]) or (
        "-" in clean and clean.lower().rsplit("-", 1)[-1] in ROLE_ONLY
    ):
        return None  # "The Conservative Party Co-Chairman": a role, the person unnamed
    if clean.replace(".", "").upper() in COUNTRY_CODES:
        return None  # "U.S.", "UK": a place is never a speaker, its government or a body is
    whole = _whole_name(text, clean)
    if whole is not None:
        return whole or None  # "Agriculture Organisation": the UN's Food and Agriculture ...
    named_body = (
        " " in clean
        or (clean.isupper() and clean.lower() not in TITLES)
        or _proper_body_word(text, clean)
    )
    if named_body and is_organisation(clean) and not clean.endswith(("'s", "’s")):
        if _addressed(text, clean):
            return None  # "told the BBC News website": the outlet heard it, it did not say it
        if " " not in clean and not (_cue_follows(text, clean) or _according_to(text, clean)):
            return None  # "TV", "ID", "G8": an acronym the article never has speak
        return clean  # "Muslim Council of Britain", "POLITICO"
    words = clean.split()
    if not words:
        return None
    only_speaks = False  # a lone word whose only claim to be a person is "X said"
    if any(w in _HEADLINE_WORDS for w in words[1:]):
        return None  # "Outreach Undone By Trump": a title-case headline, not a name
    if len(words) == 1:
        given = [f for f in set(fullnames.values()) if f.split()[0] == words[0] and " " in f]
        if len(given) == 1:
            return clean_name(given[0])  # "Sir John said": Sir John Stevens
        full = fullnames.get(surname_skeleton(words[0]), "")
        if len(full.split()) < 2 and (typo := _misspelt_surname(words[0], fullnames)):
            return clean_name(typo)  # "said Daveport" after "Lindsay Davenport"
        if len(full.split()) < 2 and not _named_in_full(text, words[0]):
            if not (_speaks_itself(text, words[0]) or _named_source(text, words[0])):
                return None  # "War", "Birmingham", "American": no person of that name here
            only_speaks = True
    if len(words) >= 2 and words[-1].endswith("s") and _occurrences(text, clean[:-1]):
        return None  # "Lib Dems" beside "Lib Dem": a group, not a person
    thing = _used_as_thing(text, clean)
    if thing == "made" and _person_evidence(text, words):
        thing = ""  # "the Maddow show", "an Elvis Presley song": the person's work
    if thing in ("work", "made") or (thing and only_speaks):
        return None  # "the album War"; "in Cardiff" ... "Cardiff said": the club
    if len(words) >= 2 and _names_members(text, clean) and not _with_honorific(text, words[-1]):
        return None  # "Franz Ferdinand frontman Alex Kapranos": the band, not a person
    common = common_words()
    low = [w.lower().strip("'’") for w in words]
    all_common = all(w in common for w in low)
    if (thing == "place" or all_common) and not _person_evidence(text, words):
        return None  # "in Beverly Hills", "Interactive Entertainment", "Evening Standard"
    if (
        len(words) >= 2
        and _common_edge(text, clean, low)
        and not _strong_person_evidence(text, words)
    ):
        return None  # "Old Labour", "Commons Work", "Television Numerique": not a given name
    return clean


_JOINER = frozenset("and of & for".split())
_NOT_OPENER = frozenset("the a an this that these those".split())
_LEAD_WORDS = frozenset(
    """but and as while when if after before since although though because yet so or nor then
    now meanwhile however also even only like unlike""".split()
)


def _run_before(text: str, pos: int) -> str:
    """The capitalised words (and the "and"/"of" inside them) written right before pos on its
    line, a space between each: "Food and" before "Agriculture"; "" when none."""
    k = pos
    start = pos
    while k > 0 and text[k - 1] == " ":
        j = k - 1
        while j > 0 and text[j - 1] == " ":
            j -= 1
        i = j
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        word = text[i:j]
        low = word.lower()
        if not word or word[-1] in ".,;:!?\"”’')" or word.endswith(("'s", "’s")):
            break
        if not (word[:1].isupper() or low in _JOINER) or low in _NOT_OPENER:
            break
        if word in _HEADLINE_WORDS or (word[:1].isupper() and low in _LEAD_WORDS):
            break  # "As Breitbart News reported": a sentence's first word, not the name's
        if not (word[:1].isalnum() or word == "&"):
            break
        start = k = i
    words = text[start:pos].split()
    while words and words[0].lower() in _JOINER:
        words = words[1:]
    return " ".join(words)


def _whole_name(text: str, name: str) -> str | None:
    """A body's name or a common word that the article only ever writes as the tail of a
    longer capitalised name ("Motors" of "General Motors", "Agriculture Organisation" of "Food
    and Agriculture Organisation"): that whole name when it is always the same, "" when it
    is not; None when the name stands whole somewhere (or the text never writes it)."""
    single = " " not in name
    if not single and not is_organisation(name):
        return None  # "Blair and Gordon Brown": a person after another, not a tail
    heads = set()
    for p in _occurrences(text, name):
        before = _run_before(text, p)
        if not before:
            return None
        low = before.split()[-1].rstrip(".").lower()
        if low in HONORIFIC_WORDS:
            return None
        heads.add(before)
    if len(heads) != 1:
        return "" if heads and not single else None
    whole = f"{heads.pop()} {name}"
    if single and not _initials_used(text, whole):
        return None  # "President Obama", "Tory Fox": a title or a label before a surname
    return whole


def _initials_used(text: str, name: str) -> bool:
    """The article also writes the name's initials as a word ("General Motors" ... "GM"): a
    body, for nobody abbreviates "General Jackson"."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return len(initials) >= 2 and bool(_occurrences(text, initials))


_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:of|at|for|from|to|with|in|by|on|about|against|than|like|as|the|a|an)\s+|\()$", re.I
)
_CONTINUED = re.compile(r" (?:and|of|&) [A-Z]")


def _common_edge(text: str, name: str, low: list[str]) -> bool:
    """A name whose first word is a word copy writes in lowercase and no given name in the
    table ("Old Labour", "Television Numerique"), or that ends in such a word and always goes
    on as a longer title ("Commons Work and Pensions Committee")."""
    common = common_words()
    at = _occurrences(text, name)
    if low[0] in common and low[0].capitalize() not in given_names():
        # and the article never has it act: "did to Old Labour", "branded as Television ...",
        # "RSS (Really Simple Syndication)"
        return all(_OBJECT_BEFORE.search(text, max(0, p - 12), p) for p in at)
    if low[-1] not in common:
        return False
    return bool(at) and all(_CONTINUED.match(text, p + len(name)) for p in at)


def _strong_person_evidence(text: str, words: list[str]) -> bool:
    """An honorific before the surname ("Mr Young"), or the name or the surname alone as the
    subject of a speech verb ("Will Young said", "Young told"): a standalone surname is not
    enough here ("a Labour government" is no evidence for "Old Labour")."""
    name = " ".join(words)
    return (
        _with_honorific(text, words[-1])
        or any(_SPEAKS.match(text, p + len(name)) for p in _occurrences(text, name))
        or _speaks_itself(text, words[-1])
    )


def _names_members(text: str, name: str) -> bool:
    """Somewhere the article writes name, a lowercase role word, and another person's name."""
    for p in _occurrences(text, name):
        m = _MEMBER_AFTER.match(text, p + len(name))
        if m is None:
            continue
        role = m.group(1)
        if role in TITLES or role in NOMINAL_HEADS:
            return True
        if role.endswith(_AGENT_ENDINGS) and role not in _NOT_ROLE and role not in CUES:
            return True
    return False


@lru_cache(maxsize=512)
def _occurrences(text: str, word: str) -> tuple[int, ...]:
    """Start offsets of word as a whole word (no regex built per name: speakers are many).

    Memoised: the checks of one speaker look up the same name in the same text many times.
    """
    out = []
    n = len(word)
    pos = text.find(word)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        after = text[pos + n] if pos + n < len(text) else " "
        if not (before.isalnum() or before in "'’-") and not (after.isalnum() or after == "-"):
            out.append(pos)
        pos = text.find(word, pos + n)
    return tuple(out)


def _word_before(text: str, pos: int) -> str:
    """The whitespace-separated word ending just before pos (one run of spaces between)."""
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == pos:
        return ""
    j = k
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return text[j:k]


_QUOTE_MARKS = frozenset("\"“”'’")
_SPEAKS = re.compile(r",?\s+(?:said|says|told|added|insisted|argued|claimed)\b")
# A lone word as the subject of any finite speech verb of the lexicon ("Obama stated",
# "Bryne noted"); not the verbs firms, papers and data do as often as people ("Reuters
# reported", "Nomura estimated").
_BODY_VERBS = frozenset(
    """announced announces reported reports estimated estimates indicated indicates confirmed
    confirms charged posted""".split()
)
# a person's past or present speech verbs, not a body's ("announced", "reported")
_PERSON_CUES = "|".join(
    sorted(
        w
        for w in SPEECH_CUES
        if (w.endswith(("ed", "s")) or w in IRREGULAR_PAST) and w not in _BODY_VERBS
    )
)
_UTTERED = re.compile(r",?\s+(?:" + _PERSON_CUES + r")\b")


# a definite or indefinite description set off by commas after a name, before its verb
_APPOSED = re.compile(r",\s+(?:the|a|an)\s+[^,.;:!?\"“”\n]{1,60}(?=,)")

_INVERTED = re.compile(r"[”\"’'],?\s+(?:" + _PERSON_CUES + r")\s+\Z")

_TOLD = re.compile(r"\b(told|to|on|for)\s+(?:the\s+)?$", re.IGNORECASE)


def _addressed(text: str, name: str) -> bool:
    """The article has someone tell the body something ("told the BBC News website"); "according
    to NIESR" names it as a source instead."""
    found = [
        told
        for p in _occurrences(text, name)
        if (told := _TOLD.search(text, max(0, p - 12), p))
        and not _ACCORDING_TO.search(text, max(0, p - 14), p)
    ]
    if found and all(t.group(1).lower() != "told" for t in found):
        # "supply Japan Airlines", "delivered to Japan Airlines": only a preposition's object,
        # so a body that also speaks itself ("Japan Airlines said it had ...") still speaks
        return not _speaks_itself(text, name, body=True)
    return bool(found)


_ACCORDING_TO = re.compile(r"\baccording to\s+(?:the\s+)?$", re.IGNORECASE)


_ACCORDING = re.compile(r"\baccording to\b[^.,;:]{0,30}$", re.IGNORECASE)


# "RICS added", "An IAAF statement said": the body, or its statement, speaks
_NEXT_WORDS = re.compile(r"[,\s]+(?:(?:has|have|had|also|later|then|statement|report)\s+)?([a-z]+)")


def _proper_body_word(text: str, word: str) -> bool:
    """ "the Pentagon said", "the Kremlin said": a lone word that names a kind of body and that
    the article never writes in lowercase is that body's proper name; "Police said" is not
    (the article writes "police" elsewhere, or only opens a sentence with it)."""
    low = word.lower()
    if low not in ORG_WORDS or not word[:1].isupper() or _occurrences(text, low):
        return False
    return any(p >= 2 and text[p - 2] not in '.!?\n"”:' for p in _occurrences(text, word))


def _cue_follows(text: str, word: str) -> bool:
    """ "RICS added", "As POLITICO revealed": a reporting verb follows the name somewhere."""
    for p in _occurrences(text, word):
        m = _NEXT_WORDS.match(text, p + len(word))
        if m is not None and m.group(1) in CUES:
            return True
    return False


_MIN_TYPO_LEN = 6


def _misspelt_surname(word: str, fullnames: dict[str, str]) -> str | None:
    """The one full name whose surname the lone word misspells by one letter dropped, added or
    changed ("Daveport" for Lindsay Davenport, "Marlow" for Kendall Marlowe); else None."""
    if len(word) < _MIN_TYPO_LEN or not word[:1].isupper():
        return None
    found = {
        full
        for full in fullnames.values()
        if " " in full
        and full.split()[-1][:1] == word[:1]
        and _one_edit(full.split()[-1].lower(), word.lower())
    }
    return found.pop() if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by exactly one letter dropped, added or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


def _named_source(text: str, word: str) -> bool:
    """ "According to AZCentral, ...": a lone word (no common word) named as a source."""
    return word.lower() not in common_words() and _according_to(text, word)


def _according_to(text: str, word: str) -> bool:
    """ "according to Russia's TASS state news agency": the body is named as a source."""
    return any(_ACCORDING.search(text, max(0, p - 42), p) for p in _occurrences(text, word))


def _speech_subject(text: str, start: int, end: int) -> bool:
    """The word at text[start:end] is the subject of a speech verb: "Obama said", "Takeda, the
    maker of Prevacid, said", or inverted after a quote ('"...," said Takeda.')."""
    if _UTTERED.match(text, end):
        return True
    apposed = _APPOSED.match(text, end)
    if apposed is not None and _UTTERED.match(text, apposed.end()):
        return True
    return bool(_INVERTED.search(text, max(0, start - 24), start)) and text[end : end + 1] in (
        ".",
        ",",
    )


# "One activist group, UltraViolet, said": a body's name set off after its kind noun
_BODY_APPOSED = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+(?:[a-z][\w-]*\s+){0,2}(?:"
    + "|".join(sorted(BODY_REFERENTS))
    + r"),\s+\Z"
)


# a word after a determiner ("the Guardian said") does not speak as a lone name; listable.py
# reads fragments by the same words
DETERMINERS = frozenset("the a an this its his her their these those".split())


def _speaks_itself(text: str, word: str, body: bool = False) -> bool:
    """ "Obama said", "Bryne told": the lone word is itself the subject of a speech verb and
    not a word copy writes in lowercase. A person's name has no article or number before it
    ("the Kiwi said", "50 Cent said"), is no part of a longer word ("M&S said") and closes no
    appositive (", Oxfordshire, said"); a body ("the ARU said") may have an article."""
    if word.lower() in common_words() or not word[:1].isupper():
        return False
    for p in _occurrences(text, word):
        if not _speech_subject(text, p, p + len(word)):
            continue
        if p and not text[p - 1].isspace() and text[p - 1] not in "\"“‘'(":
            continue
        prev = _word_before(text, p)
        low = prev.lower()
        if prev[:1].isdigit() or (
            prev.endswith(",")
            and not _QUOTE_MARKS.intersection(prev)
            and text.startswith(",", p + len(word))
            and not _BODY_APPOSED.search(text, max(0, p - 60), p)
        ):
            continue  # ", Oxfordshire, said"; but "One activist group, UltraViolet, said"
        if not body and low in DETERMINERS:
            continue
        return True
    return False


def _person_evidence(text: str, words: list[str]) -> bool:
    """The surname stands alone elsewhere ("Sanders said"), after an honorific ("Mr Blair"), or
    the name speaks ("Bernie Sanders says")."""
    last = words[-1]
    if _with_honorific(text, last):
        return True
    name = " ".join(words)
    if any(_SPEAKS.match(text, p + len(name)) for p in _occurrences(text, name)):
        return True
    if len(words) == 1:
        return True  # a lone word got here only with a full name in the article
    for p in _occurrences(text, last):
        if (
            _word_before(text, p).lstrip("\"“‘'(") != words[-2]
            and not text[p + len(last) : p + len(last) + 2].strip()[:1].isupper()
        ):
            return True
    return False


def _with_honorific(text: str, word: str) -> bool:
    """ "Mr Blair", "Sen. Cruz", "President Obama": a title or honorific before the surname."""
    for p in _occurrences(text, word):
        low = _word_before(text, p).rstrip(".").lower()
        if low in HONORIFIC_WORDS or low in TITLES:
            return True
    return False


def _named_in_full(text: str, word: str) -> bool:
    """Somewhere, quotes included, the article gives a title or a first name before the
    surname ("Donald Trump"): a capitalised word before it that copy never writes in lowercase."""
    common = common_words()
    for p in _occurrences(text, word):
        prev = _word_before(text, p)
        if not prev[:1].isupper() or prev[-1:] in ",;:!?\"”’'":
            continue
        low = prev.rstrip(".").lower()
        if low in HONORIFIC_WORDS or low in TITLES:
            return True
        if len(prev) == 2 and prev[1] == ".":
            return True  # a middle initial: "George W. Bush"
        if prev.endswith(".") or len(low) < 2 or low in NOT_NAME:
            continue  # "... Labour. Tory", "A Labour spokesman": not a first name
        if low not in common:
            return True
    return False


def _used_as_thing(text: str, name: str) -> str:
    """ "work" when the article writes "album NAME" or "NAME are" (a work, a team), "place" for
    "in/at NAME", else ""."""
    found = ""
    for start in _occurrences(text, name):
        end = start + len(name)
        if text.startswith(("'s", "’s"), end):
            continue
        if _WORK_BEFORE.search(text, max(0, start - 20), start) or (
            text.startswith(",", end) and _WORK_APPOSED.search(text, max(0, start - 48), start)
        ):
            return "work"
        if (
            _PLURAL_AFTER.match(text, end, end + 20)
            and _word_before(text, start).lower() not in _NOT_OWN_VERB
            and not _word_before(text, start).endswith(",")
        ):
            found = "made"  # "Franz Ferdinand are", "Burnley were": a band or a team
        if _WORK_AFTER.match(text, end, end + 12):
            found = "made"  # "the Star Trek franchise"; but also "the Maddow show"
        before = _PLACE_BEFORE.search(text, max(0, start - 4), start)
        if before and not (before.group(0)[0] in "Tt" and _MODIFIER.match(text, end)):
            found = found or "place"  # "the Chechen Akhmat special forces": a modifier, undecided
    return found
