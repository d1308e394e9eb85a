"""Config: every key the loader knows is documented in config.example.toml, and the file loads."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from bot.config import KNOWN_KEYS, ConfigError, default_db_path, load_config

EXAMPLE = Path(__file__).resolve().parents[1] / "config.example.toml"


def uncommented() -> str:
    """The example with its commented-out settings (`# key = value`) switched on."""
    return re.sub(r"(?m)^# (\w+ = )", r"\1", EXAMPLE.read_text())


def test_every_known_key_is_documented_in_the_example_and_nothing_else() -> None:
    data = tomllib.loads(uncommented())
    documented = {(t, k) for t, keys in data.items() for k in keys}
    known = {(t, k) for t, keys in KNOWN_KEYS.items() for k in keys}
    assert documented == known


def test_the_example_loads_as_is_and_fully_uncommented(tmp_path: Path) -> None:
    assert load_config(EXAMPLE, env={}).slack.port == 3000
    full = tmp_path / "full.toml"
    full.write_text(uncommented())
    config = load_config(full, env={})
    assert config.discord.guild_id and config.fetch.user_agent.startswith("briefbot/")


def test_environment_secrets_win_over_the_file(tmp_path: Path) -> None:
    full = tmp_path / "full.toml"
    full.write_text(uncommented())
    config = load_config(full, env={"SLACK_BOT_TOKEN": "xoxb-env", "BRIEFBOT_DB": "/tmp/x.db"})
    assert config.slack.bot_token == "xoxb-env" and str(config.db_path) == "/tmp/x.db"
    assert "xoxb-env" not in repr(config)


def test_no_config_at_all_runs_on_defaults() -> None:
    config = load_config(None, env={})
    assert config.db_path == default_db_path() and not config.slack.enabled


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[store]\nnear_duplicates = 'yes'\n", "store.near_duplicates must be a bool"),
        ("[feeds]\nurls = 'https://x'\n", "feeds.urls must be a list"),
        ("store = 3\n", "[store] must be a table"),
        ("[digest]\ngrace = 6\n", "unknown key digest.grace (did you mean digest.grace_hours?)"),
    ],
)
def test_invalid_config_names_key_and_file(tmp_path: Path, body: str, message: str) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(body)
    with pytest.raises(ConfigError) as err:
        load_config(cfg, env={})
    assert message in str(err.value) and str(cfg) in str(err.value)


def test_discord_shards_load(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[discord]\nshard_count = 4\nshard_ids = [2, 3]\n")
    discord = load_config(cfg, env={}).discord
    assert (discord.shard_count, discord.shard_ids) == (4, (2, 3))
    assert load_config(None, env={}).discord.shard_count is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("shard_count = 0", "discord.shard_count must be at least 1, e.g. shard_count = 2"),
        ("shard_count = true", "discord.shard_count must be an int"),
        ("shard_ids = [0]", "discord.shard_ids needs discord.shard_count"),
        (
            "shard_count = 2\nshard_ids = [2]",
            "discord.shard_ids: 2 is not a shard of shard_count = 2",
        ),
        ("shard_count = 2\nshard_ids = [-1]", "use 0 to 1"),
        ("shard_count = 2\nshard_ids = []", "discord.shard_ids must be a non-empty list"),
        ("shard_count = 2\nshard_ids = '0'", "e.g. shard_count = 4 and shard_ids = [0, 1]"),
        ("shard_count = 2\nshard_ids = [0, 0]", "discord.shard_ids lists a shard twice"),
    ],
)
def test_bad_discord_shards_name_the_key(tmp_path: Path, body: str, message: str) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(f"[discord]\n{body}\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg, env={})
    assert message in str(err.value)
