"""Story summaries across sources: several outlets, no repeats, no boilerplate, fast enough."""

from __future__ import annotations

import json
from pathlib import Path

from bot.extract.boilerplate import is_boilerplate, is_caption
from bot.extract.sentences import split_sentences, words
from summaries.document import needs_context
from summaries.multi import Picked, StoryDoc, summarize_story

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))
BOILERPLATE = [e.get("line") or e["line_starts"] for e in GOLD["boilerplate"]]


def _seeds() -> list[StoryDoc]:
    docs = []
    for day, path in enumerate(sorted((ROOT / "seeds").glob("*.txt"))):
        docs.append(
            StoryDoc(
                path.stem, "", path.read_text(encoding="utf-8"), f"2024-08-{10 + day}T08:00:00Z"
            )
        )
    return docs


def _check(docs: list[StoryDoc], picked: list[Picked]) -> None:
    by_id = {d.article_id: d for d in docs}
    for p in picked:
        text = by_id[p.article_id].text
        assert text[p.sentence.start : p.sentence.end] == p.sentence.text
        assert not is_boilerplate(p.sentence.text)
        assert not any(p.sentence.text.startswith(line) for line in BOILERPLATE)
        assert len(words(p.sentence.text)) >= 6
        assert not needs_context(p.sentence.text)
        assert "\n" not in p.sentence.text


def test_seed_story_draws_from_at_least_three_sources() -> None:
    docs = _seeds()
    for n in (2, 3, 4):
        picked = summarize_story(docs, n)
        assert len(picked) == n
        _check(docs, picked)
        assert len({p.article_id for p in picked}) == n
    assert len({p.article_id for p in summarize_story(docs, 3)}) >= 3


def test_headline_is_not_glued_to_a_sentence() -> None:
    headline = GOLD["headline"]["002_b76eddcc3a3b8871"]
    for p in summarize_story(_seeds(), 4):
        assert headline not in p.sentence.text


def test_order_follows_publication_then_position() -> None:
    docs = list(reversed(_seeds()))  # input order must not matter when dates are known
    picked = summarize_story(docs, 4)
    dates = {d.article_id: d.published for d in docs}
    keys = [(dates[p.article_id], p.sentence.start) for p in picked]
    assert keys == sorted(keys)


def test_wire_copies_are_not_repeated() -> None:
    lead = "The central bank raised interest rates by half a point on Thursday to curb inflation."
    docs = [
        StoryDoc(
            "a",
            "Bank raises rates",
            f"{lead}\nMortgage costs are expected to rise for millions of households.",
            "2024-01-02",
        ),
        StoryDoc(
            "b",
            "Rates up",
            f"{lead}\nThe decision was backed by seven of the nine committee members.",
            "2024-01-02",
        ),
        StoryDoc(
            "c",
            "Rate rise",
            f"{lead}\nShares in high street banks rose after the announcement on Thursday.",
            "2024-01-03",
        ),
    ]
    picked = summarize_story(docs, 3)
    texts = [p.sentence.text for p in picked]
    assert texts.count(lead) == 1
    assert len(texts) == len(set(texts))


def test_precomputed_sentences_are_used_and_cited() -> None:
    docs = [
        StoryDoc(d.article_id, d.title, d.text, d.published, split_sentences(d.text))
        for d in _seeds()
    ]
    picked = summarize_story(docs, 3)
    _check(docs, picked)


def test_degenerate_inputs() -> None:
    assert summarize_story([], 3) == []
    assert summarize_story(_seeds(), 0) == []
    short = [StoryDoc("x", "", "Too short.\nComment:", "")]
    assert summarize_story(short, 3) == []
    one = [StoryDoc("y", "", "Floods closed the main road into the valley for a third day.", "")]
    assert [p.article_id for p in summarize_story(one, 3)] == ["y"]


def test_the_fact_most_outlets_report_outranks_one_outlets_colour() -> None:
    fact = "The {} said the dam near Riverton failed after three days of heavy rain, flooding {} homes."
    colour = [
        "Residents gathered on the hill above town to watch the water rise through the evening.",
        "A local baker handed out free bread to volunteers working along the riverbank.",
        "The old mill, built in 1887, was photographed by dozens of curious visitors.",
        "Children at the primary school drew pictures of boats for the rescue teams.",
    ]
    who = ["county", "mayor", "state agency", "fire service"]
    docs = [
        StoryDoc(f"o{i}", "", f"{colour[i]}\n{fact.format(who[i], 200 + i)}", "2024-05-01")
        for i in range(4)
    ]
    picked = summarize_story(docs, 1)
    assert len(picked) == 1
    assert "dam near Riverton failed" in picked[0].sentence.text
    _check(docs, picked)


def test_a_story_of_hundreds_of_sources_gets_a_cited_summary() -> None:
    seeds = _seeds()
    docs = [
        StoryDoc(
            f"{d.article_id}-{k}",
            d.title,
            d.text.replace("the", f"the {k}th", 1),  # distinct texts, same story
            d.published,
        )
        for k in range(60)
        for d in seeds
    ]
    picked = summarize_story(docs, 4)
    assert len(picked) == 4
    _check(docs, picked)
    assert len({p.sentence.text for p in picked}) == 4


def test_a_one_source_story_reads_as_that_articles_own_summary() -> None:
    # /brief of a story only one outlet has told and /summary of that article agree.
    from summaries import summarize

    doc = _seeds()[0]
    picked = summarize_story([doc], 3)
    assert [p.sentence.text for p in picked] == [s.text for s in summarize(doc.text, 3)]
    assert {p.article_id for p in picked} == {doc.article_id}
    _check([doc], picked)


def test_every_feature_has_a_learned_weight() -> None:
    # A feature added to summaries.multi without retraining would silently weigh nothing.
    from importlib import resources

    from summaries.multi import FEATURES, WORD_FEATURES

    data = json.loads(resources.files("summaries.data").joinpath("story_scoring.json").read_text())
    assert set(data["weights"]) == set(FEATURES)
    assert set(data["word_weights"]) == set(WORD_FEATURES)


def test_words_every_outlet_leads_with_are_the_salient_ones() -> None:
    # The word model: a word all sources use, early and often, is likelier to be in an
    # editor's summary than a word one source uses once, late.
    import numpy as np

    from summaries import multi
    from summaries.terms import Stems

    lead = "Firefighters contained the Ridgeway wildfire after it burned forty homes on {}."
    filler = [
        "Volunteers served soup at the community hall.",
        "Traffic was diverted around the closed bridge.",
        "A choir rehearsal was moved to next week.",
        "The library extended its opening hours for students.",
    ]
    docs = [
        StoryDoc(f"o{i}", "", f"{lead.format(day)} {filler[i]}", "2024-05-01")
        for i, day in enumerate(["Monday", "Tuesday", "Sunday"])
    ]
    vocabulary: dict[str, int] = {}
    stems = Stems()
    candidates = [
        c for i, doc in enumerate(docs) for c in multi._candidates(i, doc, vocabulary, stems)
    ]
    salience = 1 / (
        1 + np.exp(-(multi.word_features(candidates, len(vocabulary)) @ multi._word_weights()))
    )
    assert salience[vocabulary[stems("wildfire")]] > salience[vocabulary[stems("choir")]]
    assert salience[vocabulary[stems("ridgeway")]] > salience[vocabulary[stems("traffic")]]


def test_photo_captions_are_not_summary_sentences() -> None:
    caption = "Iran releases US detainees Shane Bauer (L) and Joshua Fattal (R) on Wednesday."
    text = (
        f"{caption} Two American hikers jailed in Iran since 2009 were freed from prison on "
        "Wednesday and flown to Oman. They were reunited with their families in Muscat."
    )
    other = (
        "Iran freed two American hikers on bail on Wednesday after more than two years in "
        "prison. Shane Bauer and Joshua Fattal were flown to Oman to meet their families."
    )
    docs = [StoryDoc("a", "Hikers freed", text), StoryDoc("b", "Iran frees hikers", other)]
    picked = [p.sentence.text for p in summarize_story(docs, 4)]
    assert picked and caption not in picked
    assert is_caption("A gaunt-looking Michael Douglas pictured in 2010 during chemotherapy.")
    assert not is_caption("Sen. Ted Cruz (R) leads Rep. Beto O'Rourke by one point in Texas.")


def test_a_sentence_carrying_a_photo_credit_is_not_a_summary_sentence() -> None:
    caption = (
        "Police investigate a shooting near Terminal B of Bush Intercontinental Airport on "
        "Thursday in Houston. / Cody Duty, AP Photo"
    )
    gallery = "Ulbricht was arrested at the library ... more Photo: Kurt Rogers Image 2 of 3 The FBI seized the website."
    text = (
        f"{caption} A man fired a shotgun inside Terminal B of Bush Intercontinental Airport "
        "in Houston on Thursday, police said. No one else was hurt in the shooting. "
        f"{gallery}"
    )
    other = (
        "A man fired shots at Bush Intercontinental Airport in Houston on Thursday before "
        "police shot him near Terminal B, officials said. The FBI seized his website."
    )
    docs = [StoryDoc("a", "Airport shooting", text), StoryDoc("b", "Houston airport", other)]
    picked = [p.sentence.text for p in summarize_story(docs, 4)]
    assert picked and caption not in picked and gallery not in picked
    assert is_caption("Pete Davidson and Ariana Grande in 2018. Kevin Mazur/Getty Images")
    assert not is_caption("Photos by the victims' families were shown to the jury on Monday.")
    assert not is_caption("Three of the five images released by police show the suspect.")


def test_a_teaser_cut_off_with_an_ellipsis_is_not_a_summary_sentence() -> None:
    teaser = "ABC, NBC, CBS and CNN, citing unidentified law enforcement officials, said..."
    text = (
        f"{teaser} Investigators are looking into whether Prince died from an overdose, "
        "officials said on Thursday. Prescription pills were found at Paisley Park."
    )
    other = (
        "Investigators suspect an overdose of prescription drugs caused Prince's death, "
        "officials said. Prescription opioids were found on him, law enforcement officials said."
    )
    docs = [StoryDoc("a", "Prince probe", text), StoryDoc("b", "Prince overdose", other)]
    picked = [p.sentence.text for p in summarize_story(docs, 4)]
    assert picked and teaser not in picked


def test_a_social_post_with_its_link_is_not_a_summary_sentence() -> None:
    post = "DNA tests confirm Denice Juneski and Linda Jourdeans were switched at birth in 1945."
    text = (
        "Two women who grew up in Minnesota met for the first time this week.\n\n"
        f"{post} https://kare11.tv/2JFKYyf\n\nThey plan to spend the holidays together."
    )
    other = (
        "Juneski and Jourdeans, both born in 1945, learned from DNA tests that a hospital "
        "swapped them. Both women were raised in Minnesota and met this week."
    )
    docs = [StoryDoc("a", "Switched at birth", text), StoryDoc("b", "Women switched", other)]
    picked = [p.sentence.text for p in summarize_story(docs, 4)]
    assert picked and not any("https://" in t for t in picked)


def test_a_short_pages_closing_line_weighs_as_deep_not_as_early() -> None:
    # Rank 2 is the end of a three-sentence page but still the opening of a long one: the
    # summary reads it as deep in the short page and rates such lines lower.
    from summaries import multi
    from summaries.terms import Stems

    opening = [
        "Engineers found cracks in two of the bridge supports during an inspection last month.",
        "Drivers will be sent on a diversion through the town centre while the work goes on.",
        "The council said the bridge over the Avon will close for repairs from Monday.",
    ]
    more = [
        "Shops near the bridge fear that fewer people will visit while the road is shut.",
        "The bridge was built in 1962 and carries about 20,000 vehicles a day, officials said.",
        "Buses will keep running but several stops are to move for the length of the closure.",
    ]
    docs = [
        StoryDoc("short", "", "\n".join(opening), "2024-05-01"),
        StoryDoc("long", "", "\n".join(opening + more), "2024-05-01"),
    ]
    stems, vocabulary = Stems(), {}
    candidates = [c for i, d in enumerate(docs) for c in multi._candidates(i, d, vocabulary, stems)]
    _, features = multi.story_features(docs, candidates, vocabulary, stems)
    column = features[:, multi.FEATURES.index("depth")]
    depth = {(c.doc, c.position): column[i] for i, c in enumerate(candidates)}
    assert depth[(0, 0)] == depth[(1, 0)] == 0.0
    assert depth[(0, 2)] == 2 / 3 and depth[(1, 2)] == 2 / 6
    assert multi._weights()[multi.FEATURES.index("depth")] < 0
    picked = summarize_story(docs, 3)
    _check(docs, picked)


def _story(pronoun: str) -> list[StoryDoc]:
    """Two outlets on one bridge closure; the second source's engineer speaks to `pronoun`."""
    first = (
        "The council will close the Avon bridge for repairs from Monday, officials said.\n"
        "Drivers will be sent on a diversion through the town centre during the work.\n"
        "The bridge was built in 1962 and carries about 20,000 vehicles a day."
    )
    second = (
        "The Avon bridge is to shut on Monday so that cracked supports can be repaired.\n"
        f"Engineers told {pronoun} the supports had cracked during the storms last winter.\n"
        "Buses will keep running but several stops will move while the road is closed."
    )
    return [
        StoryDoc("a", "Bridge to close", first, "2024-05-01"),
        StoryDoc("b", "Bridge shut for repairs", second, "2024-05-01"),
    ]


def test_a_sentence_in_the_first_person_rates_as_it_would_in_the_third() -> None:
    # "told me" and "told him" report the same fact: the learned rating gives the first
    # person no bonus (its weight changed sign from one fold of the tune half to the next,
    # and leaving it out lifted every held-out margin), so both stories get the same summary.
    import numpy as np

    from summaries import multi
    from summaries.terms import Stems

    ratings, picks = [], []
    for pronoun in ("me", "him"):
        docs = _story(pronoun)
        stems, vocabulary = Stems(), {}
        candidates = [
            c for i, d in enumerate(docs) for c in multi._candidates(i, d, vocabulary, stems)
        ]
        names, weights = multi._active()
        _, features = multi.story_features(docs, candidates, vocabulary, stems, names=names)
        ratings.append(features @ weights)
        picked = summarize_story(docs, 2)
        _check(docs, picked)
        picks.append([(p.article_id, p.sentence.text.replace(f" {pronoun} ", " ")) for p in picked])
    assert np.allclose(ratings[0], ratings[1])
    assert picks[0] == picks[1]


def test_a_summary_computes_only_the_features_that_weigh() -> None:
    # The rating from the features with a non-zero learned weight equals the rating from all
    # FEATURES times all weights: leaving the others uncomputed changes no summary.
    import numpy as np

    from summaries import multi
    from summaries.terms import Stems

    docs = _seeds()
    stems, vocabulary = Stems(), {}
    candidates = [c for i, d in enumerate(docs) for c in multi._candidates(i, d, vocabulary, stems)]
    names, weights = multi._active()
    assert set(names) < set(multi.FEATURES)
    _, every = multi.story_features(docs, candidates, vocabulary, stems)
    _, active = multi.story_features(docs, candidates, vocabulary, stems, names=names)
    assert active.shape == (len(candidates), len(names))
    assert np.allclose(active @ weights, every @ multi._weights())
