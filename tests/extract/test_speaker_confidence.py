"""A learned confidence in each quote's speaker (bot/extract/speaker_confidence.py, weights in
data/speaker_confidence.json from bench/build_speaker_confidence.py): a he/she handed to a
person named paragraphs back, with other people named since, is shown unattributed, and so
are the run-ons that only go on with that speaker; a speaker the quote's own sentence names
is kept. Excerpts of tune-half articles (stories_dev, US copy), as the corpus writes them.
"""

from __future__ import annotations

from bot.extract import speaker_confidence
from bot.extract.quotes import extract_quotes
from bot.model import Quote

# the he is June's son Robert, named by his given name only; the last person quoted is Miller
OBITUARY = (
    '"The whole thing is just sad," Miller said.\n\n'
    "It most obituaries, you find a message honoring a person's life. That's not the case here.\n\n"
    'Another part read: "Drugs were a major love in her life as June had no hobbies, made no '
    'contribution to society and rarely shared a kind word or deed in her life."\n\n'
    'It goes on to say: "We speak for the majority of the family when we say her presence '
    'will not be missed by many."\n\n'
    "As we showed the obit to people in Murphy, they couldn't believe it. \"Yeah, it's "
    'disturbing," said one man.\n\n'
    "So, who wrote the obituary about June? We still don't know.\n\n"
    "But, June's son Robert has an idea.\n\n"
    '"It\'s unbelievable that my sisters would write this," he said.\n\n'
    "We tracked down one of his sisters, but she says she didn't write it either.\n\n"
    "She called the obituary very tragic and very sad.\n\n"
    "\"It's really sad that they don't have anything better to do,\" Miller added.\n\n"
    "Robert just hopes the memories his father and mother shared in Murphy won't ever be "
    "forgotten, and wants his mother to be remembered as a loving, generous woman."
)

# the she is an unnamed neighbour; the police spokesman Turcotte was quoted paragraphs before
NEIGHBOUR = (
    "Turcotte said the man parked about five kilometres from the scene of the shooting, near "
    "the bridge to Île d'Orléans, and waited for officers to arrest him.\n\n"
    '"He was armed and spoke to us about his acts," said Turcotte.\n\n'
    "As Bissonnette's name began to circulate online, one Facebook group dedicated to "
    'welcoming refugees in the Quebec City area expressed "pain and anger" over the news.\n\n'
    "Bissonnette's Facebook page seemed to confirm those political leanings. The suspect "
    "followed several profiles that espouse right-wing ideologies, including that of Marine "
    "Le Pen, the far-right leader of France's National Front.\n\n"
    "A search was conducted at the home of Bissonnette's parents on du Tracel Street in "
    "Cap-Rouge, as well as at a residence on des Quatre-Bourgeois Road, closer to the mosque.\n\n"
    "A woman who identified herself as a neighbour of Bissonnette's parents said the suspect "
    "had recently moved into an apartment that he was renting with his twin brother, not far "
    "from the mosque where the shooting occurred.\n\n"
    '"He is a child," she said. "You couldn\'t find one more calm than that. He never did '
    'anything, he always kept to himself. We never heard of anything."\n'
)


def _speaker(text: str, start: str) -> str | None:
    return next(q for q in extract_quotes(text) if q.text.startswith(start)).speaker


def test_a_far_he_after_other_people_is_unattributed_and_a_named_quote_kept() -> None:
    assert _speaker(OBITUARY, "It's unbelievable") is None
    assert _speaker(OBITUARY, "The whole thing") == "Miller"


def test_a_doubted_speaker_is_not_handed_on_to_the_run_on() -> None:
    assert _speaker(NEIGHBOUR, "He is a child") is None
    assert _speaker(NEIGHBOUR, "You couldn't find") is None  # the run-on of the doubted she
    assert _speaker(NEIGHBOUR, "He was armed") == "Turcotte"


def test_a_run_on_is_no_surer_than_the_quote_that_named_its_speaker() -> None:
    named = Quote("We will win.", "Ann Lee", "direct", 0, 12, path="cue-after:pronoun/chain^x")
    runon = Quote("And soon.", "Ann Lee", "direct", 14, 23, path="runon+cue-after:pronoun/chain")
    fresh = Quote("No.", "Ann Lee", "direct", 30, 33, path="cue-after:name")
    assert speaker_confidence.chained([named, runon, fresh], [0.2, 0.9, 0.95]) == [0.2, 0.2, 0.95]
