"""/digest through the core: admins schedule and cancel per channel, anyone lists or reads one now."""

from __future__ import annotations

import time_machine

from tests.conftest import SEEDS, reply_text

SEED_TEXT = {p.stem: p.read_text() for p in SEEDS}
MORNING = "2024-08-13T03:00:00Z"


async def test_schedule_list_cancel_in_this_channel(ask) -> None:
    with time_machine.travel(MORNING, tick=False):
        made = await ask("/digest schedule 07:30 Europe/Kyiv Kursk", admin=True)
        assert made.title == "Digest #1 scheduled" and not made.error
        assert made.sections[0].text == (
            "Every day at 07:30 Europe/Kyiv: stories about Kursk. Next: 2024-08-13 07:30 EEST."
        )
        await ask("/digest schedule 18:00", admin=True)
        listed = await ask("/digest list")
        assert [i.label for i in listed.sections[0].items] == ["#1", "#2"]
        assert "Every day at 18:00 UTC: all stories." in reply_text(listed)
        assert "None yet" in reply_text(await ask("/digest list", place="C2"))
        assert (await ask("/digest cancel 1", admin=True)).title == "Digest #1 cancelled"
        assert [i.label for i in (await ask("/digest")).sections[0].items] == ["#2"]


async def test_only_admins_change_digests(ask) -> None:
    refused = await ask("/digest schedule 07:30 Europe/Kyiv")
    assert refused.error and "for admins only" in reply_text(refused)
    assert "Try: /digest list" in reply_text(refused)
    assert "None yet" in reply_text(await ask("/digest list"))


async def test_a_digest_now_is_verbatim_and_cited(ask) -> None:
    reply = await ask("/digest now")
    assert not reply.error and "digest" in reply.title.lower()
    cited = 0
    for section in reply.sections:
        for item in section.items:
            if item.cite is None:
                continue
            cite = reply.citations[item.cite]
            span = SEED_TEXT[cite.article_id][cite.start : cite.end]
            assert item.text.rstrip("…") in span or span in item.text, item.text
            cited += 1
    assert cited >= 3


async def test_bad_input_names_the_problem_and_an_example(ask) -> None:
    bad = await ask("/digest schedule 25:00 Europe/Kyiv", admin=True)
    assert bad.error and "'25:00' is not a time of day" in reply_text(bad)
    assert "Try: /digest" in reply_text(bad)
    unknown = await ask("/digest cancel 7", admin=True)
    assert unknown.error and "There is no digest #7 in this channel." in reply_text(unknown)


async def test_a_digest_topic_of_only_very_common_words_is_refused(ask) -> None:
    """'the' would brief every story on SQLite and none on PostgreSQL, every day."""
    for line in ("/digest schedule 07:30 the", "/digest schedule 07:30 Europe/Kyiv topic:the"):
        bad = await ask(line, admin=True)
        assert bad.error and "very common word" in reply_text(bad), line
        assert "Try: /digest schedule 07:30 Europe/Kyiv Kursk" in reply_text(bad)
    assert "None yet." in reply_text(await ask("/digest list"))
    assert not (await ask("/digest schedule 07:30 the Kursk", admin=True)).error
    assert "None yet." not in reply_text(await ask("/digest list"))
