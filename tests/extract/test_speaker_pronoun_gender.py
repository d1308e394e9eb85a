"""Who a he/she, a description or a run-on quote is: never someone of the other gender, the
holder of a role that opens the last sentence, the one person named since a speaker further
back, not the speaker before an unnamed one; a name opening the reported clause is not the
speaker. BBC shapes from the third blind review set."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_a_she_introducing_the_quote_is_not_the_man_quoted_before() -> None:
    text = (
        "Tory leader Michael Howard has gone on the offensive.\n\n"
        'The film shows Mr Howard laughing at an impression of him, which he calls "good fun". '
        "The film shows him playing table tennis with his wife, ex-model Sandra. Asked if she "
        'enjoys a game of ping pong she confesses: "Yeah, it would be more enjoyable if I could '
        "win occasionally too, but otherwise it's quite fun.\""
    )
    assert _quote(text, "good fun").speaker == "Michael Howard"
    assert _quote(text, "more enjoyable").speaker != "Michael Howard"


def test_said_ms_surname_makes_her_no_he() -> None:
    text = (
        "ArtGarden is being tested by the Tate.\n\n"
        '"It is much more akin to wandering through the gallery," said Jemima Rellie, head of '
        "the Tate's digital programme. For Richard Tateson, who worked on the project, the need "
        'grew out of personal frustration. "I went to an online clothes store to find something '
        "to buy my wife but I didn't have a clue what I wanted,\" he said.\n\n"
        "The Tate is committed to making its art more accessible, said Ms Rellie. She hopes "
        "the technology can be used soon."
    )
    assert _quote(text, "much more akin").speaker == "Jemima Rellie"
    assert _quote(text, "online clothes store").speaker != "Jemima Rellie"


def test_a_role_opening_the_last_sentence_is_who_he_is() -> None:
    text = (
        "Tory leader Michael Howard has gone on the offensive.\n\n"
        "Documentary maker Michael Cockerell was given access to Mr Howard for his film. "
        "The Tory leader was asked to respond to people who questioned him.\n\n"
        'He replies: "What is the inference of that? It would mean no one from immigrant '
        'parents could be prime minister."'
    )
    assert _quote(text, "inference").speaker == "Michael Howard"


def test_a_run_on_after_a_description_we_cannot_name_is_not_the_last_speaker() -> None:
    text = (
        "France coach Bernard Laporte believes his team will be scared.\n\n"
        '"We will go to Twickenham with a little fear," said the French coach. He added: "We '
        'are never good enough when we are favourites." Meanwhile, Perpignan centre Jean-Philippe '
        'Granclaude is delighted to have received his first call-up. "It\'s incredible," the '
        'youngster said. "I was not expecting it at all."'
    )
    assert _quote(text, "never good enough").speaker == "Bernard Laporte"
    assert _quote(text, "not expecting it").speaker != "Bernard Laporte"


def test_a_name_opening_the_reported_clause_is_not_the_speaker() -> None:
    text = (
        "Actor Bruce Willis is suing Revolution Studios over an injury.\n\n"
        "In the film Willis plays a US military commander. The lawsuit said Willis has endured "
        '"extreme mental, physical and emotional pain and suffering." There were no details.'
    )
    assert _quote(text, "extreme mental").speaker is None


def test_a_he_opening_the_reported_clause_is_the_one_who_says() -> None:
    text = (
        "London mayor Ken Livingstone has again refused to retract a Nazi insult made to a "
        'Jewish reporter.\n\nLabour\'s Mr Livingstone, who says he is "standing by" his '
        'remarks, had accused an Evening Standard journalist of being like a "concentration '
        'camp guard". At his weekly press conference on Tuesday he said his comments were not '
        'racist and refused to apologise. He said to media representatives: "If you think '
        'they are racist, I think you are wrong."'
    )
    assert _quote(text, "you are wrong").speaker == "Ken Livingstone"


def test_a_description_far_back_is_the_one_person_named_since() -> None:
    text = (
        "Justine Henin-Hardenne lost an exhibition match on Sunday.\n\n"
        '"I have to be positive, I still have a few weeks," she said. "My body has to get '
        'accustomed again to the stress." Henin-Hardenne slid down the rankings in the second '
        "half of the year after contracting an illness in April. After an initial lay-off, she "
        "was forced off the circuit for a second time after being knocked out in the second "
        "round. A comeback after a three-month absence ended when she crashed out at the "
        "fourth-round stage. But despite her problems, she still won five of the nine official "
        "tournaments she entered and won gold in Athens, an achievement which saw her named "
        'sportswoman of the year on Friday. "Physically, it is obvious that I hit rock bottom," '
        "said the 22-year-old."
    )
    assert _quote(text, "rock bottom").speaker == "Justine Henin-Hardenne"


def test_a_sporting_event_is_nobody_a_she_can_be() -> None:
    text = (
        "Justine Henin-Hardenne lost to Elena Dementieva on Sunday.\n\n"
        "And the Belgian, who has slipped to eight in the world, faces a tough Australian Open "
        'title defence next month. "I will be heading to Australia with a lot of question marks '
        'over me, I know that," she said.'
    )
    assert _quote(text, "question marks").speaker != "Australian Open"


def test_a_name_inside_a_list_is_not_who_he_is() -> None:
    squad = (
        "{opener}\n\n"
        "{subject} eight players, including captain Gareth Thomas, after the defeat in Paris.\n\n"
        '"It was a hard decision but the right one for the team," he said.'
    )
    with_coach = squad.format(
        opener="Wales coach Mike Ruddock cut his squad to 22.", subject="Ruddock dropped"
    )
    assert _quote(with_coach, "hard decision").speaker == "Mike Ruddock"
    nobody = squad.format(
        opener="The Welsh Rugby Union named the squad on Monday.", subject="The squad drops"
    )
    assert _quote(nobody, "hard decision").speaker is None  # the captain is not the sayer
