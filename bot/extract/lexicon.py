"""The newsroom lexicon: every word list attribution, quotes and indirect speech read.

Knowledge as data in one place (one pronoun list, one title list), so a rule never keeps its
own copy with different members.
"""

from __future__ import annotations

from functools import cache

from bot.extract.word_lists import table, word_list

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
    reveal indicate reiterate testify testifies observe complain assert allege
    conclude emphasize write wonder wondering lament note recall reply counter
    joking""".split()
)
# Cues by which a paper or agency relays what others said ("..., the Bangkok Post reported"):
# the body that reports is not who said the words it reports.
RELAYING_CUES = frozenset(
    "reported reports report reporting quoted quotes quoting cited cites citing".split()
)

# Beliefs and expectations: reported like speech, but never introduce a verbatim quote.
BELIEF_CUES = frozenset(
    """believes believe believed thinks think thought feels feel felt hopes hoped fears feared
    expects expected worries worried knows recognize recognizes recognized agree agrees agreed
    found finds show shows showed showing suggest hope fear expect wants want wanted
    realize realizes realized understands understand doubts doubted doubt assume assumes
    predict insist contend acknowledge concede admit believing hoping fearing expecting worrying
    knowing recognizing agreeing realizing doubting assuming wanting worry guess guessed imagine
    imagines imagined""".split()
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
        ("pledges", "to that"),
        ("vows", "to"),
        ("threats", "to"),
        ("decisions", "to"),
        ("proposals", "to for"),
        ("complaint", "about that"),
        ("allegation", "that of"),
        ("accusation", "that of"),
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
# Words before a cue that make the saying future or hypothetical ("will argue", "is expected
# to say"): the reply must not show it as said.
FUTURE_MODALS = frozenset("will would could might may shall 'll".split())
FUTURE_FRAMES = frozenset("expected set due going likely poised scheduled planning plans".split())
# The one pronoun list: subject pronouns; those that name a person; "you" only as a subject.
PRONOUNS = frozenset("he she they we i it".split())
PERSON_PRONOUNS = frozenset({"he", "she"})
SUBJECT_PRONOUNS = PRONOUNS | {"you"}
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
    vegas street wall tuesday super open championship championships games olympics trophy
    league prix""".split()  # the last line: sporting events ("French Open", "Premier League")
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
# Title words that are also common surnames: after a plain given name they end a person's
# name ("Amy Pope", "Larry King"), never a role.
SURNAME_TITLES = frozenset("pope king major dean bishop cardinal prince judge chancellor".split())
HONORIFICS = frozenset("mr mrs ms dr mx messrs sir dame lord lady baroness baron".split())
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
    alliance movement pac caucus republicans democrats airline airlines airways corporation ltd
    plc llc holdings industries""".split()
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

# Endings of nouns that name what someone does ("consultant", "supporter", "organizer").
_AGENT_ENDINGS = ("ant", "ent", "ist", "er", "or", "man", "woman")


def role_noun(low: str) -> bool:
    """A lowercase word naming a role: a title, a nominal head, or an agent noun that is no
    reporting or stance verb ("Obama consultant Cornell Belcher", not "Obama answer")."""
    if low in TITLES or low in NOMINAL_HEADS:
        return True
    return (
        len(low) > 4
        and low.endswith(_AGENT_ENDINGS)
        and low not in CUES
        and low not in ATTITUDE_CUES
        and low not in PHRASAL_FORMS
        and low not in NOT_NAME
        and low not in _NOT_AGENTS
    )


# words with an agent ending that are no role ("remember", "together", "rather")
_NOT_AGENTS = frozenset("remember together rather".split())


TEMPORAL = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last this
    next week month year night morning afternoon evening earlier later recently on""".split()
)


# Words indirect speech reads with the cues (the rest of its words: clause_words.py)
DOC_NOUNS = frozenset(
    """poll polls survey surveys statement statements interview interviews letter book memo
    report speech op-ed column essay filing lawsuit complaint tweet tweets post video email
    emails ad ads remarks testimony affidavit document documents study analysis""".split()
)

BASE_FORMS = frozenset(
    w
    for w in CUES | ATTITUDE_CUES
    if any(f in CUES | ATTITUDE_CUES for f in (w + "s", w + "es", w + "ed", w + "d", w + "ing"))
)

MEDIUM_NOUNS = frozenset(
    """statement interview letter post tweet speech email op-ed column memo filing release
    video message appearance call conference briefing""".split()
)

ALL_CUES = CUES | ATTITUDE_CUES


@cache
def common_words() -> frozenset[str]:
    """Words the tune halves write in lowercase (bench/build_common_words.py builds the file)."""
    return word_list("common_words.txt")


def role_nouns() -> frozenset[str]:
    """Nouns that stand beside a named speaker as a description ("the two-time champion",
    "the actor"), counted from the tune halves by bench/count_role_nouns.py."""
    return word_list("role_nouns.txt")


# Words naming a kind of body: one table for quotes (bodies.py, resolve.py) and for figures'
# claimants (claim_shapes.py). What each word does there:
#   refers     "the group said", "its report says": a body of any kind named before (quotes)
#   kind       "the commission", "the magazine": a body of that very kind named before (quotes)
#   describes  "the mining group", "the world's second biggest insurer": a body written as a
#              description, not a name (claims)
#   back       "the firm", "The party", "the computer giant": a body the claim's article named
#              before (claims)
_BODY_WORD_TABLE = """
organisation refers describes
organization refers describes
group refers describes back
company refers describes back
firm refers describes back
report refers
commission kind
council kind
committee kind
magazine kind
newspaper kind
paper kind
union kind describes
association kind
federation kind
agency kind describes
bank kind describes
court kind
board kind
institute kind
authority kind
department kind
ministry kind
office kind
party kind back
league kind
club kind describes back
foundation kind
fund kind
insurer describes
retailer describes back
airline refers describes back
carrier describes back
maker describes back
giant describes back
chain describes back
broadcaster describes back
operator describes back
business describes back
corporation describes back
conglomerate describes back
watchdog describes
regulator describes
charity describes
network describes
publisher describes
developer describes
manufacturer describes
producer describes
supplier describes
lender describes
industry describes
body describes
"""
BODY_WORDS: dict[str, frozenset[str]] = {
    line.split()[0]: frozenset(line.split()[1:]) for line in _BODY_WORD_TABLE.strip().splitlines()
}


def body_words(role: str) -> tuple[str, ...]:
    """The words of BODY_WORDS that do role (see the table), in table order."""
    return tuple(w for w, roles in BODY_WORDS.items() if role in roles)


GENERIC_BODY = frozenset(body_words("refers"))
KIND_BODY = frozenset(body_words("kind"))
BODY_REFERENTS = GENERIC_BODY | KIND_BODY
# lower-case kinds of body after its capitalised name ("Broadcast magazine", "Oxfam charity")
BODY_NOUNS = frozenset("magazine newspaper charity watchdog regulator".split())

# the agent endings that name a person ("filmmaker", "novelist", "chairman"), not those that
# as often name a thing ("-ant", "-ent": "warrant", "management", "document")
_PERSON_ENDINGS = ("er", "or", "ist", "man", "woman")
# documents, media and bodies: no person ("the letter said", "the carrier said")
_THINGS = DOC_NOUNS | MEDIUM_NOUNS | BODY_REFERENTS | ORG_WORDS | frozenset(BODY_WORDS)


def person_agent(low: str) -> bool:
    """An agent noun that names a person ("the filmmaker", "the youngster"), so a definite
    description headed by it may point back to someone the article named."""
    return role_noun(low) and low.endswith(_PERSON_ENDINGS) and low not in _THINGS


def _not_bodies() -> dict[str, str]:
    """data/not_bodies.tsv: each capitalised short word that is never a body, by its kind."""
    return {word: kind for word, kind in table("not_bodies.tsv")}


_NOT_BODY_KINDS = _not_bodies()
# Acronyms and initials that never speak, claim or find: countries, blocs, titles, times and
# things ("it said" is never the UK, a CEO or GDP); one table for claimants and speakers.
NOT_BODIES = frozenset(_NOT_BODY_KINDS)
# a country by its initials ("U.S.", "UK", dots dropped): a place, never a speaker or body
COUNTRY_CODES = frozenset(w for w, kind in _NOT_BODY_KINDS.items() if kind == "country")
