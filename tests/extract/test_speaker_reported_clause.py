"""A he/she whose nearest fitting name sits inside someone else's reported words ("According
to Mandaric, Redknapp vowed ...", "Mr Balls ... had suggested that Mr Brown would ...") is
the one who reports them, not the name inside; a name right after its own speech verb
("argued Mr Howard", ", Lord Holme said") is a sayer, never inside. BBC shapes from the
review sets (bbc_quotes_review #91, blind3 #3015, blind4 #4041)."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_according_to_the_speaker_the_name_inside_is_not_he() -> None:
    text = (
        "Redknapp quits for Southampton\n\n"
        "Portsmouth chairman Milan Mandaric said he was disappointed by the news.\n\n"
        '"It would appear that negotiations have been going on for some time," Mandaric said. '
        "According to Mandaric, Redknapp vowed he would not join their rivals when he left. "
        '"I said to Harry I hope you don\'t go, and he told me absolutely not," he said. '
        "\"I wouldn't say I'm bitter, just disappointed, but it's Harry's life.\""
    )
    assert _quote(text, "absolutely not").speaker == "Milan Mandaric"
    assert _quote(text, "just disappointed").speaker == "Milan Mandaric"


def test_a_name_in_a_reported_clause_gives_way_to_the_one_who_reported_it() -> None:
    text = (
        "Balls denies Budget giveaway\n\n"
        "Chancellor Gordon Brown's closest ally has denied suggestions of a Budget giveaway.\n\n"
        "Ed Balls, ex-chief economic adviser to the Treasury, said there would be no spending "
        "spree. He was speaking as Sir Digby Jones, CBI director general, warned Mr Brown not "
        "to be tempted.\n\n"
        "Mr Balls, who stepped down from his Treasury post to stand as a Labour candidate, had "
        "suggested that Mr Brown would meet his golden economic rule. He said he hoped more "
        "would be done on tax credits.\n\n"
        "He also stressed a rise in interest rates would not affect Labour's chances. Consumer "
        'borrowing rose at a near-record pace in January. "I do not believe that this will be '
        'a big election issue in Britain for Labour," he told a Parliamentary lunch.'
    )
    assert _quote(text, "big election issue").speaker == "Ed Balls"


def test_a_name_after_its_own_speech_verb_still_speaks() -> None:
    text = (
        "Call for televised debates\n\n"
        "Tory leader Michael Howard and Lord Holme both want a debate. If Mr Blair did not want to take part, the broadcasters could go ahead with an empty "
        'chair or explain their reasons why, Lord Holme said. "No-one has heard directly from '
        'the prime minister," he said.\n\n'
        "It was no good Mr Blair claiming tax pledges were left to the manifesto, argued Mr "
        'Howard. Pointing to national insurance, he added: "Everyone knows tax will go up '
        'under Labour."'
    )
    assert _quote(text, "heard directly").speaker in ("Holme", "Lord Holme")
    assert _quote(text, "tax will go up").speaker == "Michael Howard"


def test_he_after_a_role_opener_is_the_one_holder_worded_so() -> None:
    text = (
        "Howard attacks 'deals on meals'\n\n"
        "Tory leader Michael Howard and Lib Dem leader Charles Kennedy pressed Prime "
        "Minister Tony Blair.\n\n"
        "Mr Peston's book claimed that Mr Brown told Mr Blair he could not believe him. Mr Blair "
        "directly denied that quote on Wednesday. He again insisted there could be no deals.\n\n"
        "The Tory leader countered that such agreements had been struck twice at dinners. He "
        'declared: "He is the deals on meals prime minister. No wonder the chancellor is not a '
        'happy eater." He continued: "How can there be discipline in schools when there is no '
        'discipline in government?" Mr Blair said he would not respond to "tittle tattle in '
        'books" and promised to hail Labour\'s record "from now until polling day".'
    )
    assert _quote(text, "deals on meals").speaker == "Michael Howard"
    assert _quote(text, "discipline in schools").speaker == "Michael Howard"
    assert _quote(text, "polling day").speaker in (None, "Tony Blair")


def test_a_cue_with_no_subject_after_someone_else_speaks_is_nobody_s() -> None:
    text = (
        "Students and fees\n\n"
        'Tim Collins said the figures were "a disgrace for the government". The group which '
        "represents vice-chancellors, Universities UK, said the new system would encourage "
        "more of them to go. The National Union of Students argued the opposite - that the "
        'situation was "likely to get much worse, with poorer students restricted in choice".'
    )
    assert _quote(text, "likely to get much worse").speaker != "Tim Collins"


def test_a_who_before_the_cue_stands_for_the_name_before_it() -> None:
    text = (
        "Film to drop anti-religion theme\n\n"
        "Director Chris Weitz will make the film of author Philip Pullman's trilogy.\n\n"
        "Weitz said he had visited Pullman, who had told him that the Authority could "
        '"represent any arbitrary establishment that curtails the freedom of the individual". '
        'He added: "I have no desire to change the nature of the villains."\n\n'
        'Contrast that with Trump, who has called the pact "insanity," and Sanders, who says '
        'it\'s "disastrous."'
    )
    assert _quote(text, "arbitrary establishment").speaker in ("Pullman", "Philip Pullman")
    assert _quote(text, "no desire").speaker == "Chris Weitz"
    assert _quote(text, "insanity").speaker != "Sanders"
