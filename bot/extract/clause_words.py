"""The function words and clause shapes indirect speech reads around cue verbs and nouns
(bot/extract/indirect): what may open, break or end a reported clause, and the nouns,
adjectives and prepositions that carry what someone said or thinks. The cue verbs and the
nouns of persons and bodies stay in lexicon.py.
"""

from __future__ import annotations

# Nouns of saying and thinking whose `that` clause is what was said or thought:
# "the notion that the race is over", "his assurance that he will stay".
THAT_NOUNS = frozenset(
    """idea ideas notion assumption assumptions assurance assurances impression perception
    conviction speculation theory rumor rumors rumour rumours suspicion suspicions admission
    acknowledgment acknowledgement expectation expectations prediction predictions conclusion
    contention charge charges message reminder sense doubt doubts worry worries argument
    arguments assertions beliefs views suggestions insistence announcement statement
    complaint allegation accusation report reports news admissions announcements conclusions
    contentions impressions notions perceptions reminders statements theories""".split()
)

NOT_SOURCES = frozenset(
    """note update updated correction editor editor's photo photos video watch related source
    sources comment tags share read click subscribe advertisement credit image caption follow
    email contact disclaimer warning question answer q a transcript listen see more also
    breaking exclusive analysis opinion latest contributing""".split()
)

LICENSERS = frozenset(
    """to do does did don't didn't doesn't will would can could may might must shall should won't
    wouldn't can't cannot couldn't shouldn't n't i we you they them who that which and or but nor
    both all many most some few others people police men women children me us him her you several percent""".split()
)

CLAUSE_NEXT = frozenset("that whether to is was".split())

SKIPPABLE = frozenset("also still never not even just often now really only increasingly".split())

NOT_CONTENT_START = frozenset("and or among since before because up down off".split())

BARE_MARKS = frozenset(("'", "’", "‘", "''", '"', "”"))

WHEN_WORDS = frozenset(
    "just today yesterday tonight ago the this last next week month year day".split()
)

ANSWERS = frozenset("yes no so".split())

DEMONSTR = frozenset("that this those these".split())

THAT_OPENERS = frozenset("that because while since although though if when but and".split())

RELATIVE = frozenset("who which that".split())

RAISING = frozenset(
    """expected believed thought said reported considered seen viewed regarded favored deemed
    projected""".split()
)
# `has long been considered a top contender`, `were deemed relevant`: no `to` or `as` needed.
NP_RAISING = frozenset("considered deemed".split())
# `Her approach seems reasonable`: the subject and the complement are the content, no speaker.
SEEMING = frozenset("seem seems seemed appear appears appeared sound sounds sounded".split())

CLAUSE_BREAK = frozenset(",;:—–") | {"that", "as", "while", "because", "and", "but"}

SUBORDINATORS = frozenset(
    "when after if because although though while before once until since as unless".split()
)

AMOUNT_WORDS = frozenset(
    """least most half one two three four five six seven eight nine ten twenty thirty forty
    fifty hundred dozen dozens hundreds thousands millions""".split()
)

NOUN_PREPS = frozenset("for of on in from with".split())

NAMING = frozenset("called named dubbed titled labeled labelled".split())

ADJUNCT_OPENERS = frozenset("after during amid before when while since despite until".split())

TIME_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec the""".split()
) - {"the"}

NOT_SUBJECT_END = frozenset(
    """to will would could can may might must shall should not and or who which that very so too
    more most less really also just never ever even still""".split()
)

# Prepositions and subordinators that take a gerund whose subject is the main clause's.
GERUND_HOSTS = frozenset("by after before while since when without for from".split())

QUESTION_WORDS = frozenset("whether if about why what who whom how when where which to for".split())

PREPS_STOP = frozenset(
    """at in from by with during after before as while without on to for about of into over
    through since until like upon via than""".split()
)

BE = frozenset("was were is are be been being".split())

CLAUSE_OPENERS = frozenset(
    "he she they it we i you the a an this these those his her their its there to".split()
)

FINITE = frozenset(
    "have has had is was were are will would could can may might should must did does do".split()
)

# Common irregular past forms: with FINITE and BE, the verbs that make reported speech a clause.
IRREGULAR_PAST = frozenset(
    """went got made took gave came saw knew thought told became began grew fell rose won lost
    paid kept left brought bought found held led meant met put ran sent set sold spent stood
    understood wrote said felt heard built cut hit hurt let shut spoke struck taught""".split()
)

COORD = frozenset("and but or".split())

CLAUSE_STOPS = frozenset({";"})

NEW_CLAUSE = frozenset("but while whereas which where so".split())

REL_OBJECTS = frozenset("that which whom what".split())

AFTER_GAP = frozenset("and but or when as because after before since until later".split())

# Stance adjectives and prepositional stance phrases: "voters are worried about the economy",
# "she was critical of the deal", "he spoke in favor of the bill". General English predicates of
# feeling, belief and support; their complement is what the subject thinks or backs.
STANCE_ADJ = frozenset(
    """worried concerned convinced confident sure certain hopeful optimistic pessimistic skeptical
    sceptical wary critical supportive proud afraid aware unaware angry upset furious frustrated
    disappointed pleased glad unhappy nervous anxious eager keen opposed divided split clear
    adamant unsure uncertain doubtful fearful alarmed outraged troubled excited enthusiastic
    undecided satisfied dissatisfied comfortable uncomfortable sympathetic hostile vocal
    ambivalent cautious mindful dismissive contemptuous suspicious fond tired weary ashamed
    embarrassed grateful thankful sorry apologetic open""".split()
)

LINKING = frozenset(
    """is are was were be been being am remain remains remained seem seems seemed appear appears
    appeared became become becomes grew grown feel feels felt sounded""".split()
)

DEGREE = frozenset(
    """not very so too more less also still now increasingly deeply highly openly already
    particularly especially equally somewhat quite extremely""".split()
)

COMPS = "of|about|that|to|with|over|on|toward|towards|at|whether|if|for"

CLAUSE_COMPS = frozenset("that whether if".split())

STANCE_COMPS = frozenset(COMPS.split("|"))

# Words of saying, thinking and taking sides whose prepositional object is what was said or
# thought about: "talked about the economy", "anger over trade", "campaigned against the war",
# "her comments on the ruling". Base forms; nouns take -s, verbs every regular form. Nouns that
# name an event or a document (a debate, a lawsuit, a speech) are left out: they hold no stance.
TOPIC_BASES = {
    "about": """talk speak write joke brag boast complain worry tell comment remark argue
        conversation question concern anxiety fear doubt warning warn message rumor lie care
        feel think learn open upfront cynical serious passionate honest candid vague coy""",
    "on": """comment remark focus dwell position stance view opinion criticism pounce consensus
        agree disagree reflect weigh hard soft tough""",
    "over": """concern anger outrage criticism worry fear agonize fret argument protest
        complaint question frustration""",
    "against": """campaign warn rail vote speak argue argument backlash protest crusade testify
        lobby push stand caution""",
    "of": """warn boast speak talk think accuse accusation allegation mention idea supporter
        opponent critic proponent advocate champion skeptic sceptic approve disapprove
        approval disapproval dream complain""",
    "for": """push advocate vote argue lobby plea preference enthusiasm admiration contempt
        sympathy passion apologize apology blame thank praise""",
    "with": """agree disagree sympathize quarrel""",
    "at": """jab swipe aim lash laugh scoff sneer hint marvel""",
}

TOPIC_BETWEEN = frozenset("openly out up little much more".split())

PASSIVE_ADVERBS = frozenset(
    "first also widely long often never still already not later earlier since then".split()
)

PASSIVE_AUX = frozenset(
    "has have had will would could can may might should must not also yet been be being".split()
)

SUBJECT_BREAK = SUBORDINATORS | COORD | RELATIVE | {"that", "because", "so", "if"}

NO_PASSIVE = frozenset("asked told called named known titled dubbed labeled".split())
