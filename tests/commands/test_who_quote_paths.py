"""Every quote carries the path that found its speaker, and /who said prints a speaker only
from a trusted path (bot/extract/data/quote_paths.tsv, built by bench/quote_paths.py).

BBC-shaped articles of our own (as bbc_dev.jsonl writes them: "he said" after the quote). The path the
table does not trust: a he/she (or a run-on) handed a speaker named earlier although another
person, who the he/she may be, opened a sentence since ("Paul Boateng attacked the plans.
'...,' he said"). There /who said shows the quote unattributed, never as the person quoted
before; a plain "he added" with nobody in between keeps its speaker.
"""

from __future__ import annotations

from pathlib import Path

from bot.extract.quote_paths import trusted, untrusted_paths
from bot.extract.quotes import extract_quotes
from bot.model import Reply
from tests.commands.who_replies import article_file, ask_over, items

BOATENG = (
    "Tories pledge to cut public waste\n\n"
    "The Conservatives say they would cut £35bn of waste from government spending by 2011.\n\n"
    'Shadow chancellor Oliver Letwin said the savings would pay for tax cuts. "We will cut '
    'waste and we will cut taxes," Mr Letwin said. "Families will keep more of what they '
    'earn," he added.\n\n'
    'Chief Secretary to the Treasury Paul Boateng attacked the Tory plans. "These are cuts '
    'that would hit schools and hospitals across the country," he said. "Every family would '
    'pay the price for them."\n'
)


async def _ask(tmp_path: Path, line: str) -> Reply:
    return await ask_over(
        tmp_path, article_file(tmp_path / "bbc.jsonl", {"politics/900": BOATENG}), line
    )


def _quote(start: str):
    return next(q for q in extract_quotes(BOATENG) if q.text.startswith(start))


def test_every_quote_carries_its_path() -> None:
    assert _quote("We will cut waste").path == "cue-after:person"
    assert _quote("Families will keep").path == "cue-after:pronoun/speaker"
    boateng = _quote("These are cuts")
    assert boateng.path == "cue-after:pronoun/speaker^s"
    # a run-on carries the path that first named its speaker
    assert _quote("Every family would pay").path == "runon+cue-after:pronoun/speaker^s"


def test_the_table_distrusts_a_he_after_another_person_opened_a_sentence() -> None:
    assert "^s" in untrusted_paths()
    assert not trusted("cue-after:pronoun/speaker^s")
    assert not trusted("runon+cue-after:pronoun/speaker^s")  # handed on from a weak path
    assert trusted("cue-after:pronoun/speaker")
    assert trusted("runon+cue-after:person")
    assert trusted(None)  # reported speech found by other means keeps its speaker


async def test_who_said_shows_the_crossed_he_unattributed(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said hit schools and hospitals")
    found = [i for i in items(reply) if "hit schools and hospitals" in i.text]
    assert found and all(i.label == "unattributed" for i in found)
    letwin = await _ask(tmp_path, "/who said Oliver Letwin")
    texts = [i.text for i in items(letwin)]
    assert not any("hit schools" in t or "Every family" in t for t in texts)
    # his own words, and his plain "he added", are still his
    assert any("We will cut waste" in t for t in texts)
    assert any("Families will keep more" in t for t in texts)


RUN_ON = (
    "Tories pledge to cut public waste\n\n"
    'Shadow chancellor Oliver Letwin said the savings would pay for tax cuts. "We will cut '
    'waste and we will cut taxes," Mr Letwin said.\n\n'
    '"Families will keep more of what they earn," he added. "It is a fair deal."\n\n'
    '"And the deficit will fall too."\n'
)


def test_trusted_paths_keep_their_speaker() -> None:
    # nobody else named since Mr Letwin: his "he added", its run-on and the next paragraph
    # that opens with a quote mark (the continued-paragraph convention) stay his
    quotes = {q.text[:12]: q for q in extract_quotes(RUN_ON) if q.kind != "indirect"}
    assert {k: (q.speaker, q.path) for k, q in quotes.items()} == {
        "We will cut ": ("Oliver Letwin", "cue-after:person"),
        "Families wil": ("Oliver Letwin", "cue-after:pronoun/speaker"),
        "It is a fair": ("Oliver Letwin", "runon+cue-after:pronoun/speaker"),
        "And the defi": ("Oliver Letwin", "continued+cue-after:pronoun/speaker"),
    }
