"""`/figures territory chart` on the seeds: a PNG with the claimants and the conflict, posted as a file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from adapters.discord import DiscordAdapter
from bot.core import Core
from bot.model import Request
from tests.adapters.test_discord import ask, bot, fake, spy  # noqa: F401 - fixtures
from tests.adapters.test_slack import answer
from tests.adapters.test_slack import running as slack_running
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.slack_api import FakeSlack

PNG = b"\x89PNG\r\n\x1a\n"


async def test_chart_reply_has_a_png_with_the_claimants_and_the_conflict(core: Core) -> None:
    reply = await core.handle(Request("figures", "territory chart"))
    assert not reply.error and reply.sections[0].heading.startswith("Conflicts")  # the table too
    (chart,) = reply.attachments
    assert chart.mime == "image/png" and chart.data.startswith(PNG) and chart.name.endswith(".png")
    assert "Ukraine’s top commander: roughly 400 miles" in chart.alt
    assert "Ukraine’s top military commander: nearly 400 square miles" in chart.alt
    assert "Conflict marked: roughly 400 miles vs nearly 400 square miles" in chart.alt
    assert len(chart.alt) <= 1000
    plain = await core.handle(Request("figures", "territory"))
    assert plain.attachments == () and plain.sections == reply.sections


def test_phone_width_png() -> None:
    from bot.commands.figures_chart import DPI, WIDTH_IN

    assert 720 <= WIDTH_IN * DPI <= 1100  # shrinks to a phone's width and stays legible


@pytest.mark.slow
def test_ask_writes_the_png_to_a_path_it_prints(tmp_path: Path) -> None:
    env = {"BRIEFBOT_FILES": str(tmp_path / "files"), "PATH": "/usr/bin:/bin"}
    db = str(tmp_path / "c.db")
    subprocess.run([sys.executable, "-m", "bot.cli", "--db", db, "ingest", "seeds"], check=True,
                   capture_output=True, cwd=Path(__file__).resolve().parents[2], env=env)  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", db, "ask", "/figures territory chart"],
        check=True, capture_output=True, text=True, env=env,
    ).stdout  # fmt: skip
    path = tmp_path / "files" / "figures-territory.png"
    assert f"Image written to {path}" in out and path.read_bytes().startswith(PNG)
    data = json.loads(
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bot.cli",
                "--db",
                db,
                "ask",
                "--json",
                "/figures territory chart",
            ],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout
    )
    (entry,) = data["attachments"]
    assert entry["path"] == str(path) and entry["size"] > 1000 and "Conflict marked" in entry["alt"]


async def test_slack_slash_command_posts_the_chart_with_files_upload_v2(core: Core) -> None:
    slack = FakeSlack()
    await slack.start()
    try:
        async with slack_running(core, slack) as adapter:
            seen = await answer(adapter, slack, "/figures territory chart", channel_id="C0NEWS")
        (upload,) = slack.uploads.values()
    finally:
        await slack.stop()
    assert any("roughly 400 miles" in str(m) for m in seen)  # the table, as text, beside it
    assert upload["data"].startswith(PNG) and len(upload["data"]) == upload["length"]
    assert upload["filename"] == "figures-territory.png" and upload["channel"] == "C0NEWS"
    assert "Conflict marked" in upload["alt_txt"] and upload["title"].startswith("Figures")
    kinds = [r.kind for r in slack.received]
    assert kinds[-2:] == ["files.getUploadURLExternal", "files.completeUploadExternal"]


async def test_discord_posts_the_chart_as_an_attachment(
    bot: DiscordAdapter,  # noqa: F811
    fake: FakeDiscord,  # noqa: F811
) -> None:
    payload = fake.command("figures", [{"name": "topic", "type": 3, "value": "territory chart"}])
    bodies = await ask(fake, bot, payload)
    with_files = [b for b in bodies if b and b.get("files")]
    assert len(with_files) == 1
    (part,) = with_files[0]["files"]
    assert part["filename"] == "figures-territory.png" and part["data"].startswith(PNG)
    (meta,) = with_files[0]["attachments"]
    assert meta["filename"] == "figures-territory.png" and "Conflict marked" in meta["description"]
