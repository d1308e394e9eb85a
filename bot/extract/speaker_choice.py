"""Candidates and features for a learned choice of speaker, for quotes whose cue names nobody
("he said", "the minister said", a paragraph that goes on, no cue at all): the quotes where hand
rules of salience kept helping one half of the dev file and hurting the other.

For such a quote the people named in the window before it are the candidates; each gets a few
plain features (how far back, whether it was the last speaker, a subject, object or list
member, whether it fits the he/she, what kind of quote it is). bench/build_speaker_choice.py
records them while the rules decide (RECORD), fits a logistic model on the tune half and
scores it by cross-validation against the rules. It matched the rules and was not shipped
(numbers in that script's docstring): run time only records, and only when RECORD is set.
"""

from __future__ import annotations

import bisect
import math

from bot.extract.attribution import CUES, surname
from bot.extract.doc import ArticleDoc as Doc
from bot.extract.gender import PRONOUN_GENDER, given_names
from bot.extract.name_checks import expand, in_list, person_speaker, sentence_index
from bot.extract.rival_subjects import opens_sentence
from bot.extract.speakers import is_organisation

WINDOW = 1500  # characters back to look for candidates
MAX_CANDIDATES = 6


_BEFORE = frozenset(
    """by to with from for and or of against including like as than told asked said says
    about on at in after before between beat defeated
    """.split()
)


def _word_before(text: str, start: int) -> str:
    """The word before a mention, when it is a preposition or verb that makes the mention an
    object ("told Smith", "beat Federer"), else what kind of token it is."""
    before = text[max(0, start - 30) : start].rstrip()
    if not before:
        return "start"
    if before[-1] in ".!?\n":
        return "stop"
    if not before[-1].isalpha():
        return "punct"
    word = before.split()[-1].lower()
    return word if word in _BEFORE else ("cap" if before.split()[-1][:1].isupper() else "other")


def _word_after(text: str, end: int) -> str:
    """What follows a mention: a speech cue ("Smith said"), a possessive, punctuation, or other."""
    after = text[end : end + 30]
    if after[:2] in ("'s", "’s"):
        return "poss"
    rest = after.lstrip()
    if not rest:
        return "end"
    if not rest[0].isalpha():
        return "punct" + ("," if rest[0] == "," else "")
    word = rest.split()[0].lower().strip(",.;:")
    if word in CUES:
        return "cue"
    return "verbish" if word.endswith(("ed", "s")) else "other"


def _bucket(prefix: str, n: int, top: int) -> str:
    return f"{prefix}={min(n, top)}"


def candidates(
    doc: Doc,
    pos: int,
    end: int,
    path: str,
    rule: str | None,
    prev: str | None,
    para: str | None,
) -> list[tuple[str, dict[str, float]]]:
    """(name, features) for each person named in the window before pos (nearest first), plus
    the rules' pick (the quote runs from pos to end). path names the kind of cue: he, she,
    nominal, cue (a cue with no subject), runon (a later quote in the paragraph), para (a
    paragraph opening with a quote), none. prev and para: the paragraph's last speaker and
    the last paragraph's."""
    text = doc.text
    lo = max(0, pos - WINDOW)
    k = bisect.bisect_left(doc.person_starts, pos) - 1
    seen: dict[str, int] = {}  # name -> index of its nearest mention
    order: list[str] = []
    j = k
    while j >= 0 and doc.persons[j].start >= lo:
        p = doc.persons[j]
        if p.name:
            name = expand(doc, p.name)
            if name not in seen:
                seen[name] = j
                order.append(name)
        j -= 1
    if rule is not None and rule not in seen:
        order.append(rule)
    order = order[:MAX_CANDIDATES] + ([rule] if rule in order[MAX_CANDIDATES:] else [])
    spk: list[str] = []  # speakers of cues before pos, nearest first, distinct
    s = bisect.bisect_left(doc.speaker_starts, pos) - 1
    last_at = doc.speakers[s][0] if s >= 0 else -WINDOW
    while s >= 0 and len(spk) < 3 and doc.speakers[s][0] >= lo:
        if doc.speakers[s][1] not in spk:
            spk.append(doc.speakers[s][1])
        s -= 1
    si = sentence_index(doc, pos)
    para_start = text.rfind("\n", 0, pos) + 1
    pronoun = path if path in PRONOUN_GENDER else ""
    counts: dict[str, int] = {}
    for p in doc.persons:
        if p.name:
            key = doc.skeleton(surname(p.name))
            counts[key] = counts.get(key, 0) + 1
    subj_rank = fit_rank = 0
    fit_subject = False
    n_fit = sum(1 for name in order if not pronoun or doc.fits(name, pronoun))
    body = text[pos:end]
    words = len(body.split())
    quote = {  # what kind of quote: a sentence someone said, or a phrase nobody is said to say
        "path=" + path: 1.0,
        _bucket("qwords", words // 5, 4): 1.0,
        "q_opens_para": 1.0 if pos - para_start < 2 else 0.0,
        "q_sentence": 1.0 if any(c in body for c in ".!?,") else 0.0,
        "q_upper": 1.0 if body[1:2].isupper() else 0.0,
    }
    lead = text[doc.sentences[si].start : pos].strip() if doc.sentences else ""
    quote["q_lead=" + ("none" if not lead else lead[-1] if lead[-1] in ":,(" else "words")] = 1.0
    tail = text[end : end + 3].lstrip("\"”’' ")
    quote[
        "q_tail="
        + ("para" if not tail or tail[0] == "\n" else tail[0] if tail[0] in ".,:;" else "words")
    ] = 1.0
    out: list[tuple[str, dict[str, float]]] = []
    for rank, name in enumerate(order):
        f: dict[str, float] = dict(quote)
        if rule is None:
            f["rule_none|" + path] = 1.0
        if name == rule:
            f["rule"] = 1.0
            f["rule|" + path] = 1.0
        f[_bucket("rank", rank, 4)] = 1.0
        f[_bucket("rank", rank, 4) + "|" + path] = 1.0
        j = seen.get(name)
        if j is not None:
            m = doc.persons[j]
            dist = pos - m.start
            f["dist_log"] = math.log1p(dist / 100)
            f[_bucket("sents", si - sentence_index(doc, m.start), 5)] = 1.0
            f[_bucket("paras", text.count("\n", m.start, pos), 3)] = 1.0
            if m.start >= para_start:
                f["same_para"] = 1.0
            if doc.person_subject[j]:
                f["subject"] = 1.0
                if subj_rank == 0:
                    f["first_subject|" + path] = 1.0
                subj_rank += 1
            if in_list(text, m.start):
                f["in_list"] = 1.0
            f["before=" + _word_before(text, m.start)] = 1.0
            f["after=" + _word_after(text, m.end)] = 1.0
            if opens_sentence(text, doc.sentences[sentence_index(doc, m.start)].start, m.start):
                f["opens_sentence|" + path] = 1.0
        else:
            f["outside"] = 1.0
        if name in spk:
            f[_bucket("spk", spk.index(name), 2)] = 1.0
            f[_bucket("spk", spk.index(name), 2) + "|" + path] = 1.0
        if spk and spk[0] == name and pos - last_at <= 400:
            f["last_speaker_400|" + path] = 1.0  # the gold's previous-speaker rule
        fit = not pronoun or doc.fits(name, pronoun)
        if fit:
            f[_bucket("fit_rank", fit_rank, 3) + "|" + path] = 1.0
            if j is not None and doc.person_subject[j] and not fit_subject:
                f["fit_subject_first|" + path] = 1.0
                fit_subject = True
            fit_rank += 1
        f[_bucket("n_fit", n_fit, 3) + ("|rule" if name == rule else "")] = 1.0
        if name == prev:
            f["prev|" + path] = 1.0
        if name == para:
            f["para|" + path] = 1.0
        if pronoun:
            if not doc.fits(name, pronoun):
                f["gender_conflict"] = 1.0
                f["gender_conflict|" + ("rule" if name == rule else "other")] = 1.0
            elif doc.genders is not None and doc.skeleton(surname(name)) in doc.genders:
                f["gender_fits"] = 1.0
                f["gender_fits|" + ("rule" if name == rule else "other")] = 1.0
        parts = name.split()
        f["full_name"] = 1.0 if len(parts) >= 2 else 0.0
        f["given_known"] = 1.0 if parts[0] in given_names() else 0.0
        f["org"] = 1.0 if is_organisation(name) else 0.0
        f["person"] = 1.0 if person_speaker(doc, name) else 0.0
        f["count_log"] = math.log1p(counts.get(doc.skeleton(surname(name)), 0))
        out.append((name, f))
    return out


# set by bench/build_speaker_choice.py to a list: each choice the rules make on a quote whose
# cue names nobody appends (pos, path, the rules' pick, candidates); None at run time
RECORD: list[tuple[int, str, str | None, list[tuple[str, dict[str, float]]]]] | None = None


def record(
    doc: Doc,
    pos: int,
    end: int,
    path: str,
    rule: str | None,
    prev: str | None,
    para: str | None,
) -> None:
    """Append the choice at pos to RECORD (the caller checks RECORD is set)."""
    if RECORD is not None:
        RECORD.append((pos, path, rule, candidates(doc, pos, end, path, rule, prev, para)))
