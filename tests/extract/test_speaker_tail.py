"""Speakers named in a short sentence of their own right after a quote that closes its sentence
(`"... missing." Trump said.`): the sentence splitter puts the cue outside the quote's frame."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _direct(text: str) -> list[Quote]:
    return [q for q in extract_quotes(text) if q.kind != "indirect"]


def _speaker(text: str, opening: str) -> str | None:
    return next(q.speaker for q in _direct(text) if q.text.startswith(opening))


LEAD = "Donald Trump and Hillary Clinton spoke on Wednesday.\n\n"


def test_a_bare_name_and_verb_after_a_full_stop_attributes_the_quote() -> None:
    text = (
        LEAD + "“Russia, if you’re listening, I hope you’re able to find the emails.” Trump said.\n"
    )
    assert _speaker(text, "Russia, if") == "Donald Trump"


def test_a_question_then_name_verb_and_a_participle_clause() -> None:
    text = (
        LEAD
        + "\"I'm not sure he is available, but we'll see, right?\" Clinton remarked, "
        + "alluding to the actor's latest film.\n"
    )
    assert _speaker(text, "I'm not sure") == "Hillary Clinton"


def test_an_appositive_and_an_adverb_between_name_and_verb() -> None:
    text = (
        "Eva Miller and Gloria Major volunteer for the campaign.\n\n"
        '"I am calling from the campaign. How are you today?" Miller, a retired worker from a '
        "nuclear plant, said pleasantly into the phone.\n"
    )
    assert _speaker(text, "I am calling") == "Eva Miller"


def test_a_sentence_with_its_own_content_does_not_attribute_the_quote_before() -> None:
    text = (
        LEAD
        + "The crowd cheered. “We are going to win, win, win.” Trump said the polls were wrong.\n"
    )
    assert _speaker(text, "We are going to win") is None


def test_a_lone_surname_that_states_or_notes_is_a_printable_person() -> None:
    text = (
        "The president spoke to reporters on Monday.\n\n"
        "“If we see signs that a voting machine is vulnerable to hacking, we inform the local "
        "authorities,” Obama stated.\n"
    )
    assert _speaker(text, "If we see signs") == "Obama"


def test_a_described_speaker_is_not_the_named_subject_of_the_clause() -> None:
    # BBC politics/113: the birth mother said he was known as "Precious", not Lucy
    text = (
        "Labour MP Stephen Pound has told of his joy on learning he fathered a daughter.\n\n"
        'Lucy, 36, tracked down Mr Pound after her birth mother told her he was known as "Precious '
        'Pound" at school. Despite being told he was a "nutter who died at sea" she found him. '
        "Lucy wrote to his office.\n"
    )
    quotes = _direct(text)
    assert all(q.speaker != "Lucy" for q in quotes)


def test_a_clause_opener_after_an_abbreviation_is_no_part_of_a_name() -> None:
    text = (
        "Democrats want Hillary Clinton to reject the support of a retired general.\n\n"
        "Trump called to ban Muslims from entering the U.S. While Clinton has condemned the "
        "plan, she has not spoken about the general.\n\n"
        "On Wednesday, Clinton bashed the proposal. She addressed Muslim-Americans in an email, "
        "saying that “what you’re hearing from Republicans is wrong.”\n\n"
        "“Now is the time for all of us to stand up to hateful words and deeds,” she said.\n"
    )
    assert _speaker(text, "Now is the time") == "Hillary Clinton"


def test_a_title_case_headline_never_joins_two_names_and_a_verb_into_a_speaker() -> None:
    text = (
        "Francois Hollande Says Donald Trump ‘Makes You Want To Retch.’\n\n"
        "Trump’s “excesses” are sickening, Hollande said on Tuesday in Paris.\n\n"
        "Trump asserted that France had lost its identity: “France is no longer France,” "
        "he claimed.\n"
    )
    speakers = {q.speaker for q in extract_quotes(text) if q.speaker}
    assert speakers and not any("Says" in s for s in speakers)
    assert _speaker(text, "France is no longer") == "Donald Trump"


def test_a_paragraph_after_two_speakers_is_not_given_to_either() -> None:
    text = (
        "Hillary Clinton met Rachel Maddow on Tuesday.\n\n"
        '"I am going to look at a lot of different people," Clinton said. "Grizzly Adams?" '
        "Maddow asked.\n\n"
        '"I am not sure he is available, but we will see what happens next week."\n'
    )
    assert _speaker(text, "I am going") == "Hillary Clinton"
    assert _speaker(text, "I am not sure") is None


def test_a_paragraph_after_one_speaker_continues_that_speaker() -> None:
    text = (
        "Hillary Clinton spoke on Tuesday.\n\n"
        '"I am going to look at a lot of different people," Clinton said.\n\n'
        '"I am not sure he is available, but we will see what happens next week."\n'
    )
    assert _speaker(text, "I am not sure") == "Hillary Clinton"


def test_a_place_after_former_is_not_a_person_and_a_month_like_name_after_a_role_is() -> None:
    text = (
        "Donald Trump picked a running mate on Friday.\n\n"
        "Former Arizona governor Jan Brewer, an early supporter of Trump, calls the issue of "
        'security "a priority" for women. "That\'s something I think will resonate with all '
        'women," she said in an interview.\n\n'
        "Former Pennsylvania governor Ed Rendell praised Sanders for what he has accomplished, "
        'calling it "an incredible feat for a candidate".\n'
    )
    speakers = {q.speaker for q in extract_quotes(text)}
    assert "Arizona" not in speakers and "Pennsylvania" not in speakers
    assert _speaker(text, "That's something") == "Jan Brewer"


def test_a_headline_verb_and_place_are_no_speaker() -> None:
    text = (
        "Clinton Wades In: Urges Britain to Remain In European Union.\n\n"
        "Conceding that there would likely be a trade deal, he warned: “It’s not going to happen "
        "any time soon, because our focus is on negotiating with a big bloc.”\n"
    )
    assert {q.speaker for q in extract_quotes(text)} == {None}


def test_a_common_word_opening_the_clause_is_not_the_speaker() -> None:
    text = (
        "Sheldon Adelson met Donald Trump in Macau.\n\n"
        "Hours later, Trump returned the compliment to Adelson, telling Reuters, “Sheldon and I "
        "have been friends for a long time.”\n"
    )
    assert _speaker(text, "Sheldon and I") == "Donald Trump"


def test_a_people_written_in_the_plural_is_not_a_speaker() -> None:
    text = (
        "Donald Trump said he would build a wall and make Mexicans pay for it.\n\n"
        "Former Mexican presidents fired back at the proposal. Given his past comments on "
        "building a wall to keep so-called Mexican “rapists” out of the country, the reply "
        "surprised nobody.\n"
    )
    assert "Mexican" not in {q.speaker for q in extract_quotes(text)}


def test_went_on_after_a_closed_quote_continues_the_speaker() -> None:
    text = (
        "Donald Trump spoke to Megyn Kelly about bullying.\n\n"
        "Kelly responded pointedly, with a smile: “Can happen when you’re 45.” She is 45.\n\n"
        "“You know, it happens, right?” Trump went on, as if he didn’t hear her.\n"
    )
    q = next(q for q in _direct(text) if q.text.startswith("You know"))
    assert q.speaker == "Donald Trump" and q.cue == "went on"


def test_a_described_name_and_a_past_tense_verb_close_the_quote() -> None:
    text = (
        "Francois Hollande answered Donald Trump on Tuesday.\n\n"
        "Trump asserted that France had lost its identity: “France is no longer France,” he "
        "claimed.\n\n"
        "“France will always be France,” an angry Hollande retaliated.\n"
    )
    assert _speaker(text, "France will always") == "Francois Hollande"


def test_a_colon_line_is_introduced_by_its_own_sentence_not_the_paragraph() -> None:
    text = (
        "Gary Hart started winning Senate campaigns by denouncing the New Deal. Jimmy Carter "
        "lent his ear to deregulation advocates. Frank quotes former Carter adviser Alfred Kahn:\n"
        "“I’d love the Teamsters to be worse off. I’d love the automobile workers to be worse "
        "off.”\n"
    )
    assert _speaker(text, "I’d love the Teamsters") != "Gary Hart"


def test_a_long_description_between_the_name_and_the_cue() -> None:
    text = (
        "Polls moved after the conventions.\n\n"
        "“Clinton needs a strategy for targeting third-party voters,” Nate Silver, the polling "
        "guru who founded fivethirtyeight.com tweeted on Wednesday.\n"
    )
    assert _speaker(text, "Clinton needs a strategy") == "Nate Silver"


def test_initials_stay_in_the_name() -> None:
    text = (
        "Pete Santilli remains in jail.\n\n"
        '"You would not have had Bundy Ranch if not for Santilli," says J.J. MacNab, an expert '
        "on militias.\n"
    )
    assert _speaker(text, "You would not have had") == "J.J. MacNab"


def test_a_quote_left_open_at_a_paragraph_end_goes_on_with_its_speaker_after_two() -> None:
    # the continued-paragraph convention: no closing mark means the same person goes on,
    # even when the paragraph quoted someone else first
    text = (
        "England named Jonny Wilkinson captain on Monday.\n\n"
        '"He is a natural leader," said coach Andy Robinson. "It is the ambition of so many '
        'players," Wilkinson said. "I am honoured Andy wants me to be his captain.\n\n'
        '"Getting my first England cap six years ago was something I will never forget."\n'
    )
    assert _speaker(text, "He is a natural") == "Andy Robinson"
    assert _speaker(text, "Getting my first") == "Jonny Wilkinson"


def test_a_title_word_used_as_a_surname() -> None:
    text = (
        "The administration will expand the program.\n\n"
        "“Our current efforts have been insufficient,” Amy Pope, deputy homeland security "
        "advisor, said on a call with reporters.\n"
    )
    assert _speaker(text, "Our current efforts") == "Amy Pope"


def test_the_title_alone_is_still_no_name() -> None:
    text = "Crowds gathered.\n\n“We pray for peace,” the Pope said on Sunday.\n"
    assert _speaker(text, "We pray for peace") is None


def test_a_role_of_several_words_then_the_name() -> None:
    text = (
        "Campaigns bank early ballots.\n\n"
        "“We are treating it as one long Election Day,” said Rubio’s deputy campaign manager, "
        "Rich Beeson, who oversees the effort.\n"
    )
    assert _speaker(text, "We are treating it") == "Rich Beeson"


def test_a_name_and_a_verb_lead_into_the_quote() -> None:
    text = (
        "Bernie Sanders and Hillary Clinton met in Brooklyn.\n\n"
        'Sanders shot back, "Secretary Clinton called them out. They must have been crushed."\n'
    )
    assert _speaker(text, "Secretary Clinton called them out") == "Bernie Sanders"


def test_as_a_writer_puts_it() -> None:
    text = (
        "Dana Milbank has covered the Senate for years.\n\n"
        "As The Post's Dana Milbank puts it, \"Senate Republicans are unmoved, and liberal "
        'activists are uninspired."\n'
    )
    assert _speaker(text, "Senate Republicans are unmoved") == "Dana Milbank"


def test_an_unnamed_writer_after_the_quote_is_not_the_name_before_it() -> None:
    text = (
        "Donald Trump spoke in Ohio on Monday.\n\n"
        'When Trump arrived, "the crowd went wild and nobody could hear a thing," a witness wrote.\n'
    )
    assert _speaker(text, "the crowd went wild") is None


def test_a_short_sentence_before_the_quote_introduces_its_speaker() -> None:
    text = (
        '"Trump and Cruz have broken away," said Craig Robinson, an editor.\n\n'
        "Iowa State University's Dianne Bystrom agreed. \"Mainstream Republicans are running "
        'out of time to find an alternative."\n'
    )
    assert _speaker(text, "Mainstream Republicans are running") == "Dianne Bystrom"


def test_a_name_after_a_belief_verb_is_not_a_speaker_for_he() -> None:
    text = (
        "“We are the ones we have been waiting for,” Barack Obama said in his speech.\n\n"
        "Simmons, an Obama supporter, said he saw the shift in his own Detroit family, most of "
        "whom thought Obama had no shot. “It is challenging the community’s assumptions,” he "
        "said.\n"
    )
    assert _speaker(text, "It is challenging the community") != "Barack Obama"


def test_a_consultant_named_after_his_client_is_the_he() -> None:
    text = (
        "“We are the ones we have been waiting for,” Barack Obama said in his speech.\n\n"
        "Obama consultant Cornell Belcher, the pollster, picked up a similar thread at the time. "
        "“African-Americans are beginning to see that,” he said.\n"
    )
    assert _speaker(text, "African-Americans are beginning") == "Cornell Belcher"


def test_a_role_after_an_intro_phrase_opens_the_sentence() -> None:
    text = (
        "“The hack came from China,” Shane Shook said.\n"
        "Speaking in Beijing, Chinese Foreign Ministry spokesman Lu Kang repeated that China "
        "opposed hacking.\n"
        "“This is extremely irresponsible and we reject it,” he told reporters.\n"
    )
    assert _speaker(text, "This is extremely irresponsible") == "Lu Kang"


def test_a_person_after_a_possessive_body_is_the_he_or_she() -> None:
    text = (
        "“We will court them,” Helen Aguirre Ferre said.\n\n"
        "And North Carolina’s Ada Fisher, an RNC member, said Trump will exceed expectations. "
        "“I think Trump will do quite fine,” she said.\n"
    )
    assert _speaker(text, "I think Trump will do quite fine") == "Ada Fisher"


def test_the_name_right_before_a_relative_clause_is_the_speaker() -> None:
    text = (
        "New York attorney Eric Levine backs Marco Rubio.\n\n"
        "Of Carson, Levine, who has given money to Marco Rubio, said, “He’s flat-out scary. I "
        "think he’s a wonderful man.”\n"
    )
    assert _speaker(text, "He’s flat-out scary") == "Eric Levine"


def test_with_a_name_and_a_stance_participle_before_a_scare_quote() -> None:
    text = (
        "Sen. John McCain chairs the Armed Services Committee.\n\n"
        "Republicans were irritated about the lack of detail, with Sen. John McCain calling it "
        "a “Chinese menu.”\n"
    )
    assert _speaker(text, "Chinese menu") == "John McCain"


def test_a_passive_cue_then_by_a_name_after_the_quote() -> None:
    text = (
        "Joshua Hendrick studies the movement.\n\n"
        'This feature of the movement has been called "strategic ambiguity" by Joshua '
        "Hendrick, a professor at Loyola University Maryland.\n"
    )
    assert _speaker(text, "strategic ambiguity") == "Joshua Hendrick"


def test_a_dash_signature_paragraph_names_the_quote_before_it() -> None:
    text = (
        "Delegates spoke to reporters all week.\n\n"
        '"The whole idea of a Crooked Hillary is something we hear about all the time, and it '
        'needs to stop."\n\n'
        "-Michelle Marks, Philadelphia.\n"
    )
    assert _speaker(text, "The whole idea of a Crooked Hillary") == "Michelle Marks"


def test_a_dash_paragraph_without_a_name_signs_nothing() -> None:
    text = (
        "Delegates spoke to reporters all week.\n\n"
        '"The whole idea of a Crooked Hillary is something we hear about all the time, and it '
        'needs to stop."\n\n'
        "- and then the hall went quiet.\n"
    )
    assert _speaker(text, "The whole idea of a Crooked Hillary") is None


def test_a_title_surname_alone_later_is_the_person() -> None:
    text = (
        "Billie Jean King won 12 Grand Slam singles titles.\n\n"
        "King says Ali “talked the talk and walked the walk.”\n"
    )
    assert _speaker(text, "talked the talk") == "Billie Jean King"


def test_a_belief_verb_close_before_a_partial_quote_names_its_speaker() -> None:
    text = (
        "Bernie Sanders endorsed Clinton.\n\n"
        "But he told ABC’s “Good Morning America” that he agrees Trump is a “total opportunist” "
        "and a danger.\n"
    )
    assert _speaker(text, "total opportunist") == "Bernie Sanders"


def test_a_capitalised_name_after_a_belief_verb_is_nobody_s_quote() -> None:
    text = (
        "Rahm Emanuel won a second term.\n\n"
        "Emanuel thought the race was over, but “Chuy” kept campaigning.\n"
    )
    assert all(q.speaker is None for q in _direct(text) if q.text.startswith("Chuy"))


def test_a_possessive_reporting_noun_owns_the_scare_quote() -> None:
    text = (
        "Donald Trump spoke in Alabama.\n\n"
        'For example, Trump\'s recent evidence-free assertion that "thousands" of people '
        "celebrated spread fast.\n"
    )
    assert _speaker(text, "thousands") == "Donald Trump"


def test_a_stance_participle_takes_the_clause_subject() -> None:
    text = (
        "Donald Trump spoke in Iowa.\n\n"
        'Trump released a new radio ad on Friday calling it "dangerous and very sad" that nobody '
        "acts.\n"
    )
    assert _speaker(text, "dangerous and very sad") == "Donald Trump"


def test_a_common_word_opening_the_sentence_is_no_speaker_for_he() -> None:
    text = (
        "The plan does not name a site.\n\n"
        "“The administration is constrained by law from planning a facility,” White House press "
        "secretary Josh Earnest said Tuesday. Cost estimates, he added, were “based on a "
        "prototype detention facility.”\n"
    )
    assert _speaker(text, "based on a prototype") == "Josh Earnest"


def test_a_surname_that_is_a_common_word_still_speaks() -> None:
    text = (
        "Sen. Sherrod Brown spoke.\n\n"
        "Brown said, “We will fight this to the end of the line.” Later, he added, “and we will "
        "win it all.”\n"
    )
    assert _speaker(text, "and we will win") == "Sherrod Brown"


def test_a_headline_word_before_a_surname_is_no_given_name() -> None:
    text = (
        "Team Trump shifts focus.\n\n"
        "Donald Trump spoke in Virginia on Monday.\n\n"
        '"We will make America safe again," Trump said.\n'
    )
    assert _speaker(text, "We will make America safe") == "Donald Trump"


def test_with_a_name_and_a_speech_participle_keeps_that_name() -> None:
    text = (
        "John Bolton and Sebastian Gorka spoke.\n\n"
        "Bolton and Gorka saw the death as a sign of disarray, with Gorka noting the absurdity "
        "of positioning “a couple of hundred SF guys here, a couple of hundred Marines there” "
        "around a beehive.\n"
    )
    assert _speaker(text, "a couple of hundred SF guys") == "Sebastian Gorka"


def test_a_cue_inside_a_which_clause_is_not_the_quote_s() -> None:
    text = (
        "Gerard Baker moderated the debate.\n\n"
        "Rubio was asked by Fox Business moderator Gerard Baker whether his plan, which the Tax "
        "Foundation estimates would cost $170 billion a year, would risk “adding another "
        "expensive entitlement program.”\n"
    )
    assert _speaker(text, "adding another expensive") != "Tax Foundation"


def test_a_long_partial_quote_after_the_paragraph_s_reported_speech() -> None:
    text = (
        "David Gilbert runs the host committee.\n\n"
        "Gilbert said the boycott calls are unlikely to have a big effect. Fundraising was "
        '"stagnant for about a month or six weeks" as donors waited.\n'
    )
    assert _speaker(text, "stagnant for about a month") == "David Gilbert"


def test_a_short_scare_quote_after_reported_speech_stays_unattributed() -> None:
    text = (
        "David Gilbert runs the host committee.\n\n"
        'Gilbert said the boycott calls are unlikely to have a big effect. The "turbulent" cycle '
        "went on.\n"
    )
    assert all(q.speaker is None for q in _direct(text) if q.text.startswith("turbulent"))


def test_as_a_writer_puts_it_before_another_clause() -> None:
    text = (
        "Ruth Marcus writes a column for The Post.\n\n"
        "As The Post's Ruth Marcus puts it, Obama is trying to make Republicans \"an offer they "
        "can't afford to refuse.\"\n"
    )
    assert _speaker(text, "an offer they") == "Ruth Marcus"


def test_an_intro_phrase_before_a_name_and_verb_lead_in() -> None:
    text = (
        "Billy Joel wrote the song in 1977.\n\n"
        'In Just the Way You Are, Billy Joel sings, "Don\'t go changing to try and please me."\n'
    )
    assert _speaker(text, "Don't go changing") == "Billy Joel"
