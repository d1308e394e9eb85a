"""Figure topics: the canonical names, the words users type for them, and a figure's topic from its unit and context."""

from __future__ import annotations

import difflib
import re

from bot.extract.units import UNITS

# Canonical topic -> what it covers (shown when a user asks for the topic list).
TOPICS: dict[str, str] = {
    "territory": "land held, seized or advanced into: areas, distances advanced, depth, settlements",
    "troops": "soldiers and forces deployed or sent",
    "casualties": "people or soldiers killed, wounded or injured",
    "prisoners": "people or soldiers captured, detained or exchanged",
    "weapons": "drones, missiles, tanks, vehicles, aircraft and other equipment",
    "evacuations": "civilians evacuated, displaced or fleeing",
    "money": "amounts of money: aid, costs, prices, budgets",
    "energy": "power, electricity, oil and gas",
    "share": "percentages and rates",
    "time": "durations: days, months, years",
    "distance": "lengths and distances other than territory",
    "measures": "other measurements: speed, mass, volume, temperature, data",
    "other": "counts with no clearer topic",
}

# Words a user may type -> canonical topic. Keys are singular lower-case.
_ALIASES: dict[str, str] = {
    **{t: t for t in TOPICS},
    **dict.fromkeys(
        """land area ground gain advance depth settlement village town territorial front frontline
        incursion occupation occupied km kilometre kilometer mile square region control seized
        captured-land""".split(),
        "territory",
    ),
    **dict.fromkeys(
        """troop soldier force army manpower personnel military deployment battalion brigade
        fighter serviceman reinforcement""".split(),
        "troops",
    ),
    **dict.fromkeys(
        """casualty killed dead death died toll wounded injured injury loss fatality victim
        kia""".split(),
        "casualties",
    ),
    **dict.fromkeys(
        "prisoner pow captive detainee captured swap exchange detained hostage".split(), "prisoners"
    ),
    **dict.fromkeys(
        """weapon equipment drone missile tank vehicle aircraft jet helicopter shell rocket
        artillery ammunition arm armour armor munition launcher howitzer himars""".split(),
        "weapons",
    ),
    **dict.fromkeys(
        """evacuation evacuee evacuated civilian displaced refugee resident fled displacement
        humanitarian""".split(),
        "evacuations",
    ),
    **dict.fromkeys(
        """dollar cost price aid funding budget spending euro pound sterling fund finance
        revenue profit loss-money payment fine salary wage usd""".split(),
        "money",
    ),
    **dict.fromkeys("power electricity oil gas fuel barrel gigawatt megawatt".split(), "energy"),
    **dict.fromkeys("percent percentage rate ratio proportion".split(), "share"),
    **dict.fromkeys("duration day month year week hour period span".split(), "time"),
    **dict.fromkeys("length range".split(), "distance"),
    **dict.fromkeys("measure measurement speed mass weight temperature".split(), "measures"),
}

_TERRITORY_NOUNS = frozenset(
    """settlement village town city hamlet locality district region square kilometre
    community territory land""".split()
)
_WEAPON_NOUNS = frozenset(
    """drone missile tank vehicle aircraft jet plane helicopter shell rocket artillery
    howitzer launcher bomb warship ship boat gun rifle mortar munition round system
    uav warhead interceptor fighter-jet armored-vehicle apc""".split()
)
_PERSON_NOUNS = frozenset(
    """people person civilian resident soldier troop serviceman servicemen man men woman women
    child children fighter personnel officer worker pensioner student employee member citizen
    refugee migrant prisoner captive pow hostage detainee casualty victim body conscript
    recruit reservist mercenary marine paratrooper ukrainian russian american militant
    insurgent rebel gunman gunmen guard fisherman patient passenger""".split()
)
_CUES: dict[str, frozenset[str]] = {
    "casualties": frozenset(
        """killed kill killing kills dead died die dies death deaths wounded wounding injured
        injuring injuries injury casualties casualty fatalities toll bodies lost losses
        perished""".split()
    ),
    "prisoners": frozenset(
        """captured capture capturing prisoner prisoners pows pow surrendered detained captive
        captives hostages exchange exchanged swap swapped""".split()
    ),
    "evacuations": frozenset(
        """evacuated evacuate evacuation evacuations evacuating displaced fled flee fleeing
        refugees homeless relocated evacuees""".split()
    ),
    "troops": frozenset(
        """troops soldiers servicemen forces fighters battalion battalions brigade brigades army
        reinforcements deployed mobilized mobilised personnel""".split()
    ),
}
_ADVANCE = frozenset(
    """advance advanced advancing advances deep deeper depth further into push pushed pushing
    penetrated penetrate breakthrough progress forward moved""".split()
)
_HOLD = frozenset(
    """seized seize seizing captured capture control controls controlled occupy occupied
    occupying hold holds held took taken gained liberated retook recaptured""".split()
)
_TERRITORY_CUES = (
    _ADVANCE
    | _HOLD
    | frozenset("territory territorial front frontline incursion offensive".split())
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _norm(word: str) -> str:
    w = word.lower().strip(" .,;:!?\"'“”‘’()")
    if w in _ALIASES:
        return w
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(suffix) and w[: -len(suffix)] + repl in _ALIASES:
            return w[: -len(suffix)] + repl
    return w


def resolve_topic(word: str) -> str | None:
    """The canonical topic a user's word names ("land" -> territory), or None."""
    w = _norm(word)
    if w in _ALIASES:
        return _ALIASES[w]
    if " " in w.strip():
        found = {_ALIASES.get(_norm(x)) for x in w.split()}
        if len(found) == 1 and None not in found:
            return found.pop()
    return None


def nearest_topics(word: str, n: int = 3) -> list[str]:
    """Canonical topics closest in spelling to an unknown word, best first."""
    w = _norm(word)
    scored: dict[str, float] = {}
    for alias, topic in _ALIASES.items():
        r = difflib.SequenceMatcher(None, w, alias).ratio()
        if r > scored.get(topic, 0.0):
            scored[topic] = r
    ranked = sorted(scored, key=lambda t: (-scored[t], t))
    return ranked[:n]


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("men"):
        return w
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def context_words(context: str) -> list[tuple[str, int]]:
    """The lower-cased words of a sentence with their offsets (compute once per sentence)."""
    return [(m.group(0).lower(), m.start()) for m in _WORD.finditer(context)]


def topic_of(
    unit: str | None, context: str, position: int, words: list[tuple[str, int]] | None = None
) -> str:
    """The topic of a figure from its unit (a code or a counted noun) and its sentence.

    position is the figure's offset in context; cue words nearer to it weigh more.
    """
    u = UNITS.get(unit) if unit else None
    if words is None:
        words = context_words(context)
    if u is not None:
        if u.dim == "area":
            return "territory"
        if u.dim == "length":
            if u.factor < 1e-3:  # mm, cm, inches: rain, screens, lenses, never land won
                return "measures"
            near = {w for w, p in words if abs(p - position) < 120}
            return "territory" if near & _TERRITORY_CUES else "distance"
        if u.dim == "money":
            return "money"
        if u.dim in ("power", "energy", "flow") or u.code in ("bbl", "bcm"):
            return "energy"
        if u.dim == "time":
            return "time"
        if u.dim == "ratio":
            return "share"
        return "measures"
    noun = _singular(unit) if unit else ""
    noun_parts = set(re.split(r"[\s\-]", noun)) if noun else set()
    if noun_parts & _TERRITORY_NOUNS:
        near = {w for w, p in words if abs(p - position) < 120}
        return "territory" if near & _TERRITORY_CUES else "other"
    if noun_parts & _WEAPON_NOUNS:
        return "weapons"
    if noun in _CUES["casualties"] or noun in ("death", "casualty", "fatality", "body"):
        return "casualties"
    if noun in ("prisoner", "pow", "captive", "hostage", "detainee"):
        return "prisoners"
    if noun in ("refugee", "evacuee"):
        return "evacuations"
    if noun and not (noun_parts & _PERSON_NOUNS):
        # an unlisted noun ("militants") still counts as people when a cue is right there
        clause = [
            (w, p) for w, p in words if "," not in context[min(p, position) : max(p, position)]
        ]
        topic = _person_topic(clause, position, noun, reach=45)
        return topic if topic != "troops" else "other"
    return _person_topic(words, position, noun)


def _person_topic(words: list[tuple[str, int]], position: int, noun: str, reach: int = 90) -> str:
    """People counts: killed/captured/evacuated cues near the figure beat the noun itself."""
    best: tuple[float, str] | None = None
    for w, p in words:
        for topic, cues in _CUES.items():
            if w in cues:
                dist = abs(p - position) + (40 if topic == "troops" else 0)
                if p < position:
                    dist += 10  # a cue after the count ("13 people were killed") binds closer
                if dist < reach and (best is None or dist < best[0]):
                    best = (dist, topic)
    if best is not None:
        return best[1]
    if reach < 90:
        return "other"
    if noun in ("troop", "soldier", "serviceman", "servicemen", "fighter", "personnel"):
        return "troops"
    for w, _ in words:
        if w in _CUES["troops"]:
            return "troops"
    return "other"


def measure_of(unit: str | None, context: str, position: int) -> str:
    """For a territory figure: area, advance (distance pushed in / depth) or places."""
    u = UNITS.get(unit) if unit else None
    if u is None:
        return "share" if (unit or "").lower() in ("territory", "land", "area") else "places"
    if u.dim == "area":
        return "area"
    if u.dim != "length":
        return ""
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(context):
        w = m.group(0).lower()
        kind = "advance" if w in _ADVANCE else "area" if w in _HOLD else ""
        if kind:
            dist = abs(m.start() - position)
            if best is None or dist < best[0]:
                best = (dist, kind)
    return best[1] if best else "advance"


# Topics whose words are the classifier's own cues: asking for one lists its figures even
# when the sentence lacks the word. Other topics (money, share, ...) are only facets.
FACET_TOPICS = frozenset(
    {"territory", "troops", "casualties", "prisoners", "weapons", "evacuations"}
)

# What a sum of money is: kind -> words of the sentence that say so (nearest one wins).
MONEY_KINDS: dict[str, frozenset[str]] = {
    kind: frozenset(words.split())
    for kind, words in {
        "profit": "profit profits earnings income loss losses",
        "sales": "sales revenue revenues turnover takings sold",
        "price": "price prices priced cost costs costing fare fares fee fees rent valued value worth",
        "budget": "budget budgets spending spend spent",
        "funding": "funding fund funds grant grants aid investment invest invested donation donations",
        "fine": "fine fined fines penalty penalties damages compensation",
        "pay": "pay salary salaries wage wages bonus bonuses pension pensions",
        "tax": "tax taxes duty levy",
        "debt": "debt debts loan loans borrowing deficit owed owes",
        "deal": "deal bid offer takeover acquisition bought buy merger",
        "box office": "box-office office grossed gross",
    }.items()
}


def money_kind(context: str, position: int, words: list[tuple[str, int]] | None = None) -> str:
    """The kind of a money figure (profit, price, funding, ...) from the nearest telling word."""
    if words is None:
        words = context_words(context)
    best: tuple[int, str] | None = None
    for w, p in words:
        for kind, cues in MONEY_KINDS.items():
            if w in cues:
                dist = abs(p - position)
                if best is None or dist < best[0]:
                    best = (dist, kind)
    return best[1] if best else ""
