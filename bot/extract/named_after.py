"""A quote directly followed by a named subject and its verb belongs to that name.

'“What was the pivot point?” Beck questioned.' names its speaker even when the verb is
no cue we know ("questioned", "repeated", "quipped"): the name right after the closing
mark is the clause's subject. The paths that hand a quote on from an earlier speaker (a
run-on, the continued-paragraph convention, the reporter of the last paragraph) must not
overrule it with somebody else; when the name is not one we can vouch for, abstaining is
the precise answer.
"""

from __future__ import annotations

from bot.extract.attribution import run_end
from bot.extract.doc import ArticleDoc, Segment
from bot.extract.frame_speaker import Frame
from bot.extract.lexicon import role_noun
from bot.extract.mentions import classify_run, tokens

# paths that give a quote without its own cue to a speaker named earlier
HANDED_ON = ("runon", "continued", "reporter-next")


_OPEN_END = (",", "?", "!", "…", "—", "-")  # a quote ending so goes on into its own clause
_REACH = 60  # characters after the closing mark read for the name and its verb


def _subject_after(doc: ArticleDoc, seg: Segment) -> str | None:
    """The person whose name opens the words after the quote when a lowercase word that
    names no role (its verb) follows it: '?” Beck questioned.' -> "Glenn Beck". The raw text, not the
    sentence: a cue verb we do not know ends the sentence at the "?"."""
    text = doc.text
    if not text[seg.start : seg.end].rstrip().endswith(_OPEN_END):
        return None
    a = min(seg.close + 1, len(text))
    nl = text.find("\n", a, a + _REACH)
    after = tokens(text, a, nl if nl >= 0 else min(len(text), a + _REACH))
    if not after or not after[0].cap or not after[0].text[0].isalpha():
        return None
    e = run_end(after, 0)
    if e + 1 >= len(after):
        return None
    verb = after[e + 1].text
    if not (verb.isalpha() and verb.islower()) or role_noun(verb):
        return None  # '” Constellation Research founder ...': a label, not a clause
    m = classify_run(after[: e + 1])
    if m is None or m.kind not in ("person", "name") or not doc.speaker_ok(m):
        return None
    # a person the article names ("Beck" for Glenn Beck), not a capitalised word opening
    # the next sentence after a "!" ("Conservatives still praise ...")
    name = doc.resolve(m)
    return name if name and doc.person_speaker(name) else None


def named_after(
    doc: ArticleDoc, seg: Segment, fr: Frame, speaker: str | None, path: str | None
) -> str | None:
    """The person named right after a quote that opens its sentence and found no cue,
    when the speaker chosen so far is nobody or a handed-on one the name is not; else None
    (keep the choice). Mid-sentence the name may open the main clause instead ('When
    Maddow said Sanders calls it "Medicare for all," Clinton seized upon ...')."""
    if fr.full_before or (speaker is not None and (path is None or not path.startswith(HANDED_ON))):
        return None
    name = _subject_after(doc, seg)
    if not name or (speaker is not None and name.split()[-1] in speaker.split()):
        return None
    return name
