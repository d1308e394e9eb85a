"""Find who a stretch of text is attributed to: speech cues, their subjects, and person names."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

# Reporting verbs (speech, writing, stance) in the forms news copy uses; lowercase only.
SPEECH_CUES = frozenset(
    """said says say saying told tells tell telling added adds adding wrote writes writing asked asks
    explained explains explaining noted notes noting argued argues arguing claimed claims claiming
    warned warns warning insisted insists insisting declared declares declaring stated replied
    replies responded responds continued recalled recalls recalling acknowledged acknowledges
    admitted admits conceded concedes announced announces announcing tweeted tweets suggested
    suggests suggesting predicted predicts promised promises vowed vows vowing pledged pledges
    stressed stresses emphasized emphasised emphasizes contended contends asserted asserts
    maintained maintains countered counters complained complains cautioned cautions confirmed
    confirms observed observes remarked reported reports testified alleged alleges estimated
    estimates concluded concludes revealed reveals indicated indicates urged urges joked quipped
    boasted charged lamented laments mused shouted yelled exclaimed wondered wonders posted
    insist argue claim warn predict promise suggest confirm deny denied denies denying reiterated
    reiterates explain stating replying responding acknowledging admitting conceding predicting
    promising pledging stressing emphasizing emphasising contending asserting maintaining
    countering complaining cautioning confirming observing testifying alleging concluding
    revealing indicating urging boasting lamenting reiterating tweeting declare announce
    reveal""".split()
)
# Beliefs and expectations: reported like speech, but never introduce a verbatim quote.
BELIEF_CUES = frozenset(
    """believes believe believed thinks think thought feels feel felt hopes hoped fears feared
    expects expected worries worried knows recognize recognizes recognized agree agrees agreed
    found finds show shows showed showing suggest hope fear expect wants want wanted
    realize realizes realized understands understand doubts doubted doubt assume assumes
    predict insist contend acknowledge concede admit believing hoping fearing expecting worrying
    knowing recognizing agreeing realizing doubting assuming wanting""".split()
)
CUES = SPEECH_CUES | BELIEF_CUES


def _inflect(base: str) -> set[str]:
    """base, -s, -ed and -ing forms of a regular English verb (a few irregular pasts given)."""
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return {base, base + "es", base + "ed", base + "ing"}
    if base.endswith("ee"):
        return {base, base + "s", base + "d", base + "ing"}
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base in _DOUBLES:
        return {base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"}
    return {base, base + "s", base + "ed", base + "ing"}


_DOUBLES = frozenset("slam plan pan rap commit regret refer prefer".split())
_IRREGULAR = {
    "seek": ("sought",),
    "see": ("saw", "seen"),
    "know": ("knew", "known"),
    "swear": ("swore", "sworn"),
    "hold": ("held",),
    "forecast": ("forecast",),
    "speak": ("spoke", "spoken"),
    "give": ("gave",),
    "make": ("made",),
    "take": ("took",),
    "go": ("went", "gone"),
}


def verb_forms(base: str) -> set[str]:
    """Every form of a base word: its regular inflections plus the irregular ones listed."""
    return _inflect(base) | set(_IRREGULAR.get(base, ()))


# Stance, judgement, intention and support verbs (Levin's communication, judgement and desire
# classes): "Clinton slammed Obama as elitist", "Cruz has vowed to repeal". Reported like
# speech in political news (PolNeAR/PARC count them as attributions), but never the cue of a
# verbatim quote, so they only ever give indirect speech.
ATTITUDE_BASES = """accuse advocate affirm anticipate applaud assail assure attack back bash blame
    blast call celebrate challenge champion cite commit condemn consider criticize criticise
    decide decline decry defend demand denounce deride describe disclose discuss dismiss
    dispute downplay embrace encourage endorse envision favor favour guarantee hail highlight
    hint imply intend lambast lambaste lament learn lobby mention mock object oppose order
    plan pledge praise prefer proclaim propose protest recommend reckon refuse reject remind
    repeat request ridicule seek signal slam support suspect swear thank threaten tout target
    welcome wish echo voice rebuke scold chide fault portray compare invoke reference seem
    appear regard view deem express mean sound determine predict project promote ignore
    congratulate retweet detail outline list identify acknowledge estimate caution release
    allow recognize convince persuade answer see know question offer""".split()
# Verbs that report speech or stance only with their particle: "talked about", "pointed to".
PHRASAL_CUES = {
    "talk": ("about", "of"),
    "speak": ("about", "of", "out"),
    "refer": ("to",),
    "point": ("to", "out"),
    "side": ("with",),
    "rail": ("against",),
    "focus": ("on",),
    "weigh": ("in",),
    "push": ("for",),
    "lash": ("out",),
    "go": ("after",),
    "vote": ("for", "against"),
    "make": ("clear",),
    "respond": ("to",),
}
ATTITUDE_CUES = (
    frozenset(
        form for base in ATTITUDE_BASES for form in _inflect(base) | set(_IRREGULAR.get(base, ()))
    )
    - SPEECH_CUES
    - BELIEF_CUES
    # forms that news copy mostly uses as nouns, adverbs or adjectives ("came back", "an
    # attack", "that means", "thanks to", "determined to")
    - frozenset(
        """back attack attacks challenge challenges thanks voice target targets protest protests
        mean means release releases released determined""".split()
    )
)
# Nouns that report what someone said, wants or thinks, with the complement that carries it:
# "Trump's call for a ban", "her claim that", "his decision to run", "criticism of the deal".
NOUN_CUES = {
    noun: tuple(comps.split())
    for noun, comps in (
        ("claim", "that"),
        ("claims", "that"),
        ("assertion", "that"),
        ("argument", "that"),
        ("belief", "that"),
        ("view", "that"),
        ("suggestion", "that"),
        ("insistence", "that"),
        ("warning", "that"),
        ("warnings", "that"),
        ("promise", "to that"),
        ("promises", "to that"),
        ("pledge", "to that"),
        ("vow", "to"),
        ("threat", "to"),
        ("decision", "to"),
        ("plan", "to"),
        ("plans", "to"),
        ("proposal", "to for"),
        ("refusal", "to"),
        ("call", "for"),
        ("calls", "for"),
        ("demand", "for that"),
        ("demands", "for that"),
        ("support", "for"),
        ("opposition", "to"),
        ("criticism", "of"),
        ("criticisms", "of"),
        ("endorsement", "of"),
        ("praise", "for"),
        ("attack", "on"),
        ("attacks", "on against"),
        ("concerns", "about that"),
        ("concern", "about that"),
        ("complaints", "about that"),
        ("questions", "about"),
        ("allegations", "that of"),
        ("accusations", "that of"),
        ("hope", "that"),
        ("hopes", "that"),
        ("fear", "that"),
        ("fears", "that"),
    )
}

# Every form of a phrasal cue -> the particles it needs ("spoke" -> about, of, out).
PHRASAL_FORMS = {
    form: particles
    for base, particles in PHRASAL_CUES.items()
    for form in _inflect(base) | set(_IRREGULAR.get(base, ()))
    if form not in ATTITUDE_CUES and form not in SPEECH_CUES and form not in BELIEF_CUES
}
# Particles that belong to an attitude verb rather than to its content ("called for", "railed against").
ATTITUDE_PARTICLES = frozenset("for on about against out up with to of in after".split())

# Cues that introduce reported content only with "that" ("he continued that ..."), else a quote.
QUOTE_CUES = frozenset(
    """continued replied replies responded responds joked quipped shouted yelled exclaimed mused
    posted tweeted tweets boasted countered counters added adds""".split()
)
# Cues that take the addressee as object: "told reporters (that) ...".
OBJECT_CUES = frozenset("told tells tell telling asked asks urged urges warned warns".split())
PRONOUNS = frozenset("he she they we i it".split())
PERSON_PRONOUNS = frozenset({"he", "she"})
# Words that may precede a cue without being its subject ("has said", "also told").
AUX = frozenset(
    """has have had also later then previously once recently further again would will could
    earlier repeatedly publicly privately often frequently already still reportedly is was
    were are be been being quoted as has just may might should must did does do not never
    simply flatly even now personally directly quickly long always ever""".split()
)
# Words that mark a capitalised run as a place, law, event or work rather than a person.
NOT_PERSON = frozenset(
    """act bill law amendment beach city county state states street avenue road park island
    river lake mount fort east west north south kingdom republic airport hotel church hall
    square tower building stadium day week war college school academy hospital center centre
    valley coast bay district province region capitol island islands plaza trail county's
    america american americans europe european union nations world cup prize award awards
    show tour convention debate primary caucuses caucus summit festival conference museum
    library avenue boulevard highway bridge station care security medicare medicaid street
    online twitter facebook instagram youtube google apple amazon microsoft new san los las el
    saint port united federal national supreme royal grand great eastern western northern
    southern middle belt reserve york jersey hampshire carolina dakota orleans angeles francisco
    vegas street wall tuesday super""".split()
)
# Titles and role words stripped from the front of a name ("Ukrainian President Volodymyr ...").
TITLES = frozenset(
    """president vice sen senator rep representative gov governor mayor secretary minister prime
    foreign defense defence deputy chief general gen lt col maj capt sgt adm admiral commander
    spokesman spokeswoman spokesperson press ambassador attorney judge justice chairman chairwoman
    chair director leader speaker majority minority former candidate republican democratic
    democrat gop mr mrs ms dr prof professor rev sir lord lady king queen prince princess pope
    adviser advisor ceo head officer executive mp congressman congresswoman councilman
    councilwoman sheriff commissioner lieutenant colonel major captain sergeant pastor bishop
    cardinal gens sens reps govs sec atty supt insp det sheikh ayatollah chancellor premier
    envoy consul deputy assistant acting interim chief-of-staff chairperson presidential
    nominee hopeful rival challenger incumbent frontrunner front-runner billionaire businessman
    senior top state first lady dean coach host anchor correspondent columnist editor analyst
    strategist pollster economist author officials official""".split()
)
HONORIFICS = frozenset("mr mrs ms dr mx messrs".split())
# Capitalised words that start sentences or name times and places rather than people.
NOT_NAME = frozenset(
    """the a an but and or in on at for with as after before when while if however meanwhile also
    this that these those there his her their its our my your it he she they we i you yet so
    then thus still though although because since until unless during amid among about according
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec today yesterday tomorrow last next earlier later now here what who why how where which
    whether not no yes one two three four five six seven eight nine ten many some most all both
    each every other another such several few more less much even only just asked said says
    speaking writing like unlike despite from into over under by of to via per instead
    democrats republicans americans""".split()
)
ORG_WORDS = frozenset(
    """ministry department committee party campaign council agency administration news times post
    journal network university institute foundation association center centre group company
    corp inc bank office court congress senate house kremlin pentagon government police fbi cia
    poll pollster commission union organization organisation service services board bureau
    federation league army navy forces force command staff tass reuters ria novosti press
    publications media tv radio channel magazine daily herald tribune gazette times club fund
    authority authorities council assembly parliament cabinet embassy consulate coalition
    alliance movement pac caucus republicans democrats""".split()
)
# Lowercase nouns heading a nominal source ("the spokesman", "officials").
NOMINAL_HEADS = frozenset(
    """president spokesman spokeswoman spokesperson official officials minister secretary senator
    governor mayor candidate commander general chief leader aide aides adviser advisers advisor
    source sources analyst analysts expert experts lawmaker lawmakers statement report reports
    campaign agency ministry administration government police prosecutors prosecutor judge
    ambassador diplomat diplomats strategist pollster survey poll study data researchers
    spokespeople representative director chairman congressman""".split()
)

_WORD = re.compile(r"[^\W\d_][\w'’.\-]*|\d+(?:[.,:]\d+)*[^\W\d_]*|[^\w\s]", re.UNICODE)
_PARTICLES = frozenset("de van von der da di du la le bin al ben del dos das st. mc".split())


class Token:
    """A word with its offsets; low (lowercase, final dot dropped) and cap are precomputed."""

    __slots__ = ("cap", "end", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int, low: str, cap: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low = low
        self.cap = cap

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start})"


class Mention(NamedTuple):
    """A source phrase: the name it resolves to, what kind it is, and where it sits."""

    name: str | None
    kind: str  # person, name, org, pronoun, nominal, unknown
    start: int
    end: int
    titles: tuple[str, ...] = ()
    surface: str = ""


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of text[start:end] with absolute offsets."""
    end = len(text) if end is None else end
    out = []
    append = out.append
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        s = m.start()
        if word[-1] == "." and len(word) > 1:
            if _is_abbrev(word):
                append(Token(word, s, s + len(word), word[:-1].lower(), word[0].isupper()))
            else:
                w = word[:-1]
                append(Token(w, s, s + len(w), w.lower(), w[0].isupper()))
                append(Token(".", s + len(w), s + len(word), ".", False))
        else:
            append(Token(word, s, s + len(word), word.lower(), word[0].isupper()))
    return out


def _is_abbrev(word: str) -> bool:
    core = word[:-1].lower()
    return (
        core in HONORIFICS
        or core in TITLES
        or (len(core) == 1 and word[0].isupper())
        or core
        in {"st", "jr", "sr", "u.s", "u.k", "u.n", "d.c", "gov", "sen", "rep", "gen", "lt", "col"}
    )


def possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def is_name_token(tok: Token) -> bool:
    """Capitalised word that could be part of a proper name."""
    return tok.cap and tok.text[0].isalpha() and tok.low not in NOT_NAME


def name_runs(toks: list[Token]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of runs of capitalised tokens (particles like "de" allowed inside)."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i].cap and toks[i].text[0].isalpha():
            j = i + 1
            while j < n:
                t = toks[j]
                if (t.cap and t.text[0].isalpha() and not possessive(toks[j - 1].text)) or (
                    t.low in _PARTICLES and j + 1 < n and toks[j + 1].cap
                ):
                    j += 1
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def classify_run(toks: list[Token]) -> Mention | None:
    """Turn a capitalised run into a person or organisation mention (None for sentence openers)."""
    i, n = 0, len(toks)
    while i < n and toks[i].low in NOT_NAME:
        i += 1
    if i == n:
        return None
    words = toks[i:] if i else toks
    last_title = -1
    org = False
    for k, w in enumerate(words):
        low = w.low
        if low in TITLES:
            last_title = k
            org = False
        elif low in ORG_WORDS:
            org = True
    first, last = words[0], words[-1]
    surface = " ".join(w.text for w in words)
    if org or (n - i > 1 and any(possessive(w.text) for w in words[:-1])):
        return Mention(surface, "org", first.start, last.end, (), surface)
    titles = tuple(w.low for w in words[: last_title + 1])
    if last_title == len(words) - 1:
        return Mention(None, "nominal", first.start, last.end, titles, surface)
    rest = words[last_title + 1 :]
    if possessive(last.text):
        return None
    if len(rest) == 1 and last.text.isupper() and len(last.text) > 1 and not titles:
        return Mention(last.text, "org", last.start, last.end, (), last.text)
    kind = "person" if titles or len(rest) >= 2 else "name"
    name = surface if last_title < 0 else " ".join(w.text for w in rest)
    return Mention(name, kind, rest[0].start, last.end, titles, surface)


def _clean(words: list[Token]) -> str:
    return " ".join(w.text for w in words)


def surname(name: str) -> str:
    """Last name token of a person name, folded to lowercase."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].rstrip(".,").lower() in _NAME_SUFFIXES:
        parts.pop()
    return parts[-1].lower() if parts else ""


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


PREPS = frozenset("of at for from to with in by on about against under behind near".split())


DETERMINERS = frozenset("the a an this that these those his her their its our my".split())


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
    if t.low in PRONOUNS and (not t.cap or j == 0 or toks[j - 1].text in PUNCT):
        return Mention(t.low, "pronoun", t.start, t.end)
    if t.text == ",":
        if is_participle(toks[ci].low):
            prev = cue_index(toks[:j], reverse=True)
            if prev is not None and j - prev <= 3:  # "Nefzi said, adding"
                return subject_before(toks, prev) or subject_after(toks, prev)
            return clause_subject(toks, 0, j)
        return _appositive_subject(toks, j)
    m = np_ending_at(toks, j)
    if m is not None and m.kind in ("org", "nominal"):
        rel = _relative_head(toks, j)
        if rel is not None:
            return rel
    return m


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
            (toks[i - 1].cap and toks[i - 1].text[0].isalpha())
            or toks[i - 1].low in ("de", "van", "von", "bin", "al")
        ):
            i -= 1
        m = classify_run(toks[i : j + 1])
        if m is None:
            return None
        if i > 0 and toks[i - 1].low in PREPS and m.kind != "org":
            titled = (  # "Secretary of State John Kerry"
                toks[i - 1].low == "of" and m.kind == "person" and i >= 2 and toks[i - 2].cap
            )
            if not titled:
                return None
        return m
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


def clause_subject(
    toks: list[Token], a: int, b: int, accept: Callable[[Mention], bool] | None = None
) -> Mention | None:
    """The first person (or he/she) named in toks[a:b], skipping names inside phrases
    (and, given accept, names it turns down: places and events that look like names)."""
    for k in range(a, b):
        t = toks[k]
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
                m = _role_holder(toks, e, b) or m
                if accept is None or accept(m):
                    return m
    return None


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
        sep = toks[k].text in PUNCT
        if sep or k == 0:
            start = k + 1 if sep else k
            pieces.append((start, end))
            if toks[k].text != ",":
                break
            end = k
        k -= 1
    if any(b > a and toks[a].low in ("who", "whose") for a, b in pieces):
        pieces.reverse()  # "Sandy Phillips, who lost her daughter in Aurora, Colorado, said"
    for a, b in pieces:
        if b <= a:
            continue
        first = toks[a]
        if _PARTY_TAG.match(first.text):
            continue
        end = skip_aside(toks, b - 1)
        m = np_ending_at(toks, end)
        if m is None and end - 2 > a and toks[end - 1].low == "of" and toks[end].cap:
            m = np_ending_at(toks, end - 2)  # "Debbie Wasserman Schultz of Florida"
        if m is None or m.kind == "nominal":
            continue
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
    best: Mention | None = None
    k = j
    while k < n and k - j < 9:
        t = toks[k]
        if t.text in PUNCT:
            break
        if t.cap and t.text[0].isalpha():
            e = run_end(toks, k)
            m = classify_run(toks[k : e + 1])
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
        if t.low in NOMINAL_HEADS and best is None and (k + 1 >= n or not toks[k + 1].cap):
            return Mention(
                None, "nominal", toks[j].start, t.end, titles=tuple(x.low for x in toks[j : k + 1])
            )
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


TEMPORAL = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last this
    next week month year night morning afternoon evening earlier later recently on""".split()
)
