"""/who said through the real core on BBC-shaped articles whose speaker is described, not
named, at the cue, or named in a shape the cue readers missed: "said the two-time champion",
"The Spectator editor told", "the MPs said", "is saying:", "quickly adding:", "said Friday",
"a BBC statement read", "It added:", a "he" after allegations "were put to" someone, "and
Owen is confident ... He added:", "points out former Olympian and BBC pundit Steve Cram". The
person or body the article means is named; where two people fit the description, or the
words are a poster's, the quote is unattributed."""

from __future__ import annotations

from pathlib import Path

from bot.model import Reply
from tests.commands.who_replies import article_file, ask_over, label_of

ARTICLES = {
    "sport/900": (
        "Bekele eyes cross country title\n\n"
        "Ethiopia's Kenenisa Bekele, the world cross country champion, will defend his title "
        'in March. "I am in good shape and I want to win again," said Bekele.\n\n'
        "- Britain's Paula Radcliffe has also not ruled out running in the race. \"It is "
        'an event which is very special to me and a real option," said the champion.\n'
    ),
    "sport/901": (
        "Bekele eyes cross country double\n\n"
        "Ethiopia's Kenenisa Bekele, the world record holder, will defend both his "
        'titles in March. "I am in good shape and I want to win again," said Bekele.\n\n'
        "- Britain's Paula Radcliffe has also not ruled out running in the championships. "
        '"The World Cross Country is an event which is very special to me and a definite '
        'possibility," said the two-time champion.\n'
    ),
    "politics/902": (
        "Johnson says Blair should stay out of row\n\n"
        "Mr Livingstone has refused to apologise to the reporter. However, Boris Johnson, who "
        'edits the Spectator, said Mr Blair "should butt out of" the row. "I don\'t see why '
        'the prime minister has to get involved in this quarrel at all," The Spectator editor '
        "told BBC Radio 4's Today programme.\n"
    ),
    "politics/903": (
        "Parents need fairer access, MPs say\n\n"
        "The Constitutional Affairs Select Committee said courts should be a last resort for "
        "separated parents. But they rejected calls for a legal presumption of equal time.\n\n"
        'Currently the interests of the child come first. "A template imposed on all families '
        'would put the welfare of children in second place," the MPs said.\n'
    ),
    "politics/904": (
        "Blair sets out his third-term vision\n\n"
        "Tony Blair will set out Labour's vision for a third term this week. And on Thursday "
        'Mr Blair is saying: "I want to talk about the central purpose of New Labour, which '
        'is personal prosperity for all."\n\n'
        "At his press conference he grew irritated with questions. Although in the next breath "
        'he declared: "I get increasingly alarmed by what I read in the newspapers" before '
        'catching himself on and quickly adding: "In so far as I read them of course."\n'
    ),
    "sport/905": (
        "England win the Dubai Sevens\n\n"
        "England beat Fiji 26-22 to win the Dubai Sevens. Mike Friday's England side matched "
        "their opponents for pace and power in the final.\n\n"
        '"To be honest, England have wanted to win in Dubai for a very long time now," said '
        "Friday.\n"
    ),
    "sport/906": (
        "Coaches clash before the derby\n\n"
        "City coach Tom Walsh and United coach Peter Grant both named unchanged sides for "
        "Saturday's derby, and both called for calm on the terraces after last year's trouble "
        "at the ground.\n\n"
        '"We have to keep our heads whatever happens on the pitch," said the coach.\n'
    ),
    "sport/907": (
        "Ferguson attacks Wenger over tunnel row\n\n"
        "Sir Alex Ferguson has accused Arsene Wenger of failing to control his players. "
        '"To not apologise for the behaviour of the players to another manager is '
        "unthinkable,\" Ferguson said on Saturday. \"It's a disgrace, but I don't expect him "
        "ever to apologise, he's that type of person. He never changes and he never will "
        'whatever anybody says to him about it."\n\n'
        "Those allegations were put to Wenger after Saturday's game at Bolton, which Arsenal "
        "lost. At first he said only: \"I've always been consistent with that story and told "
        'you nothing happened."\n'
    ),
    "entertainment/908": (
        "Eminem tops the album chart\n\n"
        "The rapper was criticised after a performance on Top of the Pops in April led 12 "
        'viewers to complain. The complaints were upheld by the BBC. "The performer had been '
        'asked to tone his act down after rehearsal," a BBC statement read. "His gestures '
        'had gone beyond what is expected." It added: "The matter is now closed as far as '
        'the corporation is concerned."\n'
    ),
    "politics/909": (
        "Labour poster row deepens\n\n"
        "Labour has been accused of using offensive images in its election posters.\n\n"
        'The poster shows Mr Howard hypnotising people with a pocket watch, saying: "I can '
        'spend the same money twice." Tory leader Michael Howard said the image was '
        "offensive.\n\n"
        "On Wednesday the Tories unveiled a poster which pictured Tony Blair and Gordon Brown "
        'under the words "How can they fight crime when they are fighting each other?"\n'
    ),
    "sport/913": (
        "Owen on target for Real\n\n"
        "Michael Owen scored as Real Madrid beat Real Betis 2-1 on Sunday. "
        '"I felt good all through the game," said Owen.\n\n'
        "Midfielder Edu reduced the deficit after half-time but Ivan Helguera headed past the "
        "keeper to seal victory. Victory took Real to within six points of leaders Barcelona "
        'and Owen is confident Real can close the gap. He added: "We had several chances '
        'and I think we can get back in touch with Barcelona."\n'
    ),
    "sport/914": (
        "Holmes keeps her options open\n\n"
        "Kelly Holmes has pulled out of this weekend's indoor championships with an injury.\n\n"
        "\"Well, it's a lot easier being the double Olympic champion than training to be at "
        'the top," points out former Olympian and BBC pundit Steve Cram.\n'
    ),
    "sport/915": (
        "Stam to face old club\n\n"
        "AC Milan defender Jaap Stam, 32, returns to Old Trafford on Wednesday. Milan coach "
        "Carlo Ancelotti, 45, has named him in his side for the Champions League tie. "
        "Ancelotti expects a hostile reception for the Milan defence.\n\n"
        '"United made a mistake in selling me and they know it now," said the 32-year-old.\n'
    ),
    "business/912": (
        "Markets close higher\n\n"
        'Shares rose in London. "Investors are feeling much better about the outlook for '
        'growth," said analyst John Baxter on Friday. Markets are closed on Saturday.\n'
    ),
}


async def _ask(tmp_path: Path, line: str) -> Reply:
    return await ask_over(tmp_path, article_file(tmp_path / "bbc_described.jsonl", ARTICLES), line)


async def test_a_role_description_is_the_person_of_its_paragraph(tmp_path: Path) -> None:
    # the paragraph is Radcliffe's, and nobody else is called a champion
    reply = await _ask(tmp_path, "/who said definite possibility")
    assert label_of(reply, "definite possibility") == "Paula Radcliffe"


async def test_a_paragraphs_person_and_another_holder_of_the_role_is_unattributed(
    tmp_path: Path,
) -> None:
    # the paragraph is Radcliffe's, but the article calls Bekele the champion
    reply = await _ask(tmp_path, "/who said a real option")
    assert label_of(reply, "a real option") == "unattributed"


async def test_a_titled_description_is_the_person_just_quoted(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said quarrel")
    assert label_of(reply, "involved in this quarrel") == "Boris Johnson"


async def test_two_people_fit_the_description_so_it_is_unattributed(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said keep our heads")
    assert label_of(reply, "keep our heads") == "unattributed"


async def test_the_mps_are_the_committee_named_before(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said template imposed")
    assert label_of(reply, "template imposed") == "Constitutional Affairs Select Committee"


async def test_is_saying_and_quickly_adding_name_the_speaker(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said central purpose")
    assert label_of(reply, "central purpose") == "Tony Blair"
    reply = await _ask(tmp_path, "/who said in so far as I read them")
    assert label_of(reply, "In so far as I read them") == "Tony Blair"
    reply = await _ask(tmp_path, "/who said increasingly alarmed")
    assert label_of(reply, "increasingly alarmed") == "Tony Blair"


async def test_a_weekday_word_is_the_surname_the_article_gives(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said wanted to win in Dubai")
    assert label_of(reply, "wanted to win in Dubai") == "Mike Friday"


async def test_he_after_a_question_put_to_someone_is_that_person(tmp_path: Path) -> None:
    # the last speaker is Ferguson; the allegations were then put to Wenger, who answers
    reply = await _ask(tmp_path, "/who said consistent with that story")
    assert label_of(reply, "consistent with that story") == "Arsene Wenger"


async def test_a_statement_that_reads_speaks_for_its_issuer(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said gone beyond what is expected")
    assert label_of(reply, "gone beyond what is expected") == "BBC"
    reply = await _ask(tmp_path, "/who said tone his act down")
    assert label_of(reply, "tone his act down") == "BBC"
    reply = await _ask(tmp_path, "/who said matter is now closed")  # "It added:"
    assert label_of(reply, "matter is now closed") == "BBC"


async def test_words_on_a_poster_are_not_the_person_pictured(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said same money twice")
    assert label_of(reply, "same money twice") == "unattributed"
    howard = await _ask(tmp_path, "/who said Michael Howard")
    items = [i for s in howard.sections for i in (*s.quotes, *s.items)]
    assert not any("same money twice" in i.text for i in items)
    reply = await _ask(tmp_path, "/who said fighting each other")
    assert label_of(reply, "fighting each other") == "unattributed"


async def test_a_weekday_is_no_person_when_nobody_bears_it_as_a_surname(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said feeling much better")
    assert label_of(reply, "feeling much better") == "John Baxter"


async def test_he_is_the_subject_of_the_last_clause_before_it(tmp_path: Path) -> None:
    # "... and Owen is confident ... He added:": Owen, not Edu who opened a sentence before
    reply = await _ask(tmp_path, "/who said get back in touch")
    assert label_of(reply, "get back in touch") == "Michael Owen"


async def test_an_inverted_cue_with_a_long_role_names_the_person(tmp_path: Path) -> None:
    reply = await _ask(tmp_path, "/who said training to be at the top")
    assert label_of(reply, "training to be at the top") == "Steve Cram"


async def test_an_age_description_is_the_one_person_given_that_age(tmp_path: Path) -> None:
    # Ancelotti (45) is the last person named; the article gives Stam 32
    reply = await _ask(tmp_path, "/who said made a mistake in selling me")
    assert label_of(reply, "made a mistake in selling me") == "Jaap Stam"
