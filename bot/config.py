"""TOML config and environment into frozen settings; errors name the key that is wrong."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs


class ConfigError(ValueError):
    """A config problem, phrased for the person deploying the bot."""


def default_db_path() -> Path:
    """A file in the user's data directory (platformdirs: XDG on Linux, the OS's own elsewhere)."""
    return platformdirs.user_data_path("briefbot", appauthor=False) / "briefbot.db"


@dataclass(frozen=True)
class SlackConfig:
    bot_token: str = field(default="", repr=False)
    signing_secret: str = field(default="", repr=False)
    app_token: str = field(default="", repr=False)
    mode: str = "http"
    host: str = "127.0.0.1"
    port: int = 3000
    api_url: str = ""
    admins: frozenset[str] = frozenset()
    admin_channels: frozenset[str] = frozenset()
    unfurl_links: bool = False
    command_prefix: str = ""  # "bb-" answers /bb-brief … when /brief is taken in a workspace

    @property
    def enabled(self) -> bool:
        return bool(self.bot_token and (self.signing_secret or self.app_token))


@dataclass(frozen=True)
class DiscordConfig:
    token: str = field(default="", repr=False)
    guild_id: int | None = None
    admins: frozenset[str] = frozenset()
    admin_roles: frozenset[str] = frozenset()
    sync_on_start: bool = False  # `briefbot discord-sync` pushes the command list instead
    api_url: str = ""  # REST base, e.g. http://127.0.0.1:8080/api/v10 (default Discord's)
    gateway_url: str = ""  # e.g. ws://127.0.0.1:8080/gateway (default Discord's)
    shard_count: int | None = None  # set: the gateway runs sharded (discord.py AutoShardedClient)
    shard_ids: tuple[int, ...] | None = None  # the shards this process runs (default: all)

    @property
    def enabled(self) -> bool:
        return bool(self.token)


@dataclass(frozen=True)
class FetchConfig:
    timeout: float = 15.0
    max_bytes: int = 5_000_000
    allow_private: bool = False  # tests point this at 127.0.0.1; never on in production
    user_agent: str = "briefbot/0.1 (+newsroom briefing bot)"


@dataclass(frozen=True)
class DigestConfig:
    grace_hours: float = 6.0
    feed_poll_minutes: float = 15.0


@dataclass(frozen=True)
class ServerConfig:
    """The ops endpoints (/healthz, /readyz, /metrics). port None: on the Slack HTTP port when
    Slack runs in HTTP mode, else on DEFAULT_OPS_PORT; 0 picks a free port."""

    host: str = "127.0.0.1"
    port: int | None = None


DEFAULT_OPS_PORT = 8081
LOG_FORMATS = ("text", "json")
LOG_LEVELS = ("debug", "info", "warning", "error")


@dataclass(frozen=True)
class LogConfig:
    format: str = "text"  # "json": one JSON object per line, for a log collector
    level: str = "info"  # of briefbot's own loggers under `serve`; libraries stay at warning


@dataclass(frozen=True)
class AlertConfig:
    per_hour: int = 6  # posts per channel per hour; the rest are folded into one message
    poll_seconds: float = 0.5  # how often newly indexed articles are checked against watches


@dataclass(frozen=True)
class Config:
    db_path: Path = field(default_factory=default_db_path)
    store_url: str = field(default="", repr=False)  # postgresql://... replaces the SQLite file
    lease_seconds: float = 10.0  # how often processes on a shared store check the scheduler lease
    seeds_dir: Path | None = None
    near_duplicates: bool = True  # a wire copy of an indexed article is not indexed again
    console_admin: bool = True
    slack: SlackConfig = SlackConfig()
    discord: DiscordConfig = DiscordConfig()
    fetch: FetchConfig = FetchConfig()
    digest: DigestConfig = DigestConfig()
    alerts: AlertConfig = AlertConfig()
    feeds: tuple[str, ...] = ()
    server: ServerConfig = ServerConfig()
    log: LogConfig = LogConfig()


# Every key the loader reads, by table; anything else is a typo worth stopping for.
KNOWN_KEYS: dict[str, frozenset[str]] = {
    "store": frozenset({"path", "url", "lease_seconds", "near_duplicates"}),
    "console": frozenset({"admin"}),
    "slack": frozenset(
        {
            "bot_token",
            "signing_secret",
            "app_token",
            "mode",
            "host",
            "port",
            "api_url",
            "admins",
            "admin_channels",
            "unfurl_links",
            "command_prefix",
        }
    ),
    "discord": frozenset(
        {"token", "guild_id", "admins", "admin_roles", "sync_on_start", "api_url", "gateway_url"}
        | {"shard_count", "shard_ids"}
    ),
    "fetch": frozenset({"timeout", "max_bytes", "allow_private", "user_agent"}),
    "digest": frozenset({"grace_hours", "feed_poll_minutes"}),
    "alerts": frozenset({"per_hour", "poll_seconds"}),
    "feeds": frozenset({"urls"}),
    "server": frozenset({"host", "port"}),
    "log": frozenset({"format", "level"}),
}


def _check_keys(data: dict[str, Any], where: str) -> None:
    """Refuse unknown tables and keys, naming the nearest known one."""
    import difflib

    for name, value in data.items():
        if name not in KNOWN_KEYS:
            close = difflib.get_close_matches(name, list(KNOWN_KEYS), n=1)
            hint = f" (did you mean [{close[0]}]?)" if close else ""
            raise ConfigError(f"{where}: unknown table [{name}]{hint}")
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: [{name}] must be a table")
        for key in value:
            if key not in KNOWN_KEYS[name]:
                close = difflib.get_close_matches(key, sorted(KNOWN_KEYS[name]), n=1)
                hint = f" (did you mean {name}.{close[0]}?)" if close else ""
                raise ConfigError(f"{where}: unknown key {name}.{key}{hint}")


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    return data.get(name, {})


def _typed(section: str, data: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    if key not in data:
        return default
    value = data[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        article = "an" if kind.__name__[0] in "aeiou" else "a"
        # The value itself is not echoed: it may be a secret pasted into the wrong key.
        raise ConfigError(
            f"{section}.{key} must be {article} {kind.__name__}, got {type(value).__name__}"
        )
    return value


def _ids(section: str, data: dict[str, Any], key: str = "admins") -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ConfigError(f"{section}.{key} must be a list of ids")
    return frozenset(str(v) for v in value)


def _shards(data: dict[str, Any]) -> tuple[int | None, tuple[int, ...] | None]:
    """discord.shard_count and discord.shard_ids, checked against each other."""
    count = _typed("discord", data, "shard_count", int, None)
    if count is not None and count < 1:
        raise ConfigError("discord.shard_count must be at least 1, e.g. shard_count = 2")
    if "shard_ids" not in data:
        return count, None
    ids = data["shard_ids"]
    example = "e.g. shard_count = 4 and shard_ids = [0, 1]"
    if not isinstance(ids, list) or not ids or not all(type(i) is int for i in ids):
        raise ConfigError(f"discord.shard_ids must be a non-empty list of shard numbers, {example}")
    if count is None:
        raise ConfigError(
            f"discord.shard_ids needs discord.shard_count (the shards of all processes), {example}"
        )
    bad = [i for i in ids if not 0 <= i < count]
    if bad:
        raise ConfigError(
            f"discord.shard_ids: {bad[0]} is not a shard of shard_count = {count} (use 0 to {count - 1})"
        )
    if len(set(ids)) != len(ids):
        raise ConfigError(f"discord.shard_ids lists a shard twice, {example}")
    return count, tuple(ids)


def load_config(path: str | Path | None = None, env: dict[str, str] | None = None) -> Config:
    """Read the TOML file (if any), then let environment variables supply secrets."""
    env = dict(os.environ if env is None else env)
    if not path:
        return _build({}, env)
    p = Path(path).expanduser()
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file {p} does not exist (copy config.example.toml)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {p} cannot be read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {p} is not valid TOML: {exc}") from exc
    _check_keys(data, f"config file {p}")
    try:
        return _build(data, env)
    except ConfigError as exc:
        raise ConfigError(f"config file {p}: {exc}") from exc


def _build(data: dict[str, Any], env: dict[str, str]) -> Config:
    store = _section(data, "store")
    slack = _section(data, "slack")
    discord = _section(data, "discord")
    fetch = _section(data, "fetch")
    digest = _section(data, "digest")
    alerts = _section(data, "alerts")
    per_hour = _typed("alerts", alerts, "per_hour", int, 6)
    if not 1 <= per_hour <= 1000:
        raise ConfigError("alerts.per_hour must be between 1 and 1000, e.g. per_hour = 6")
    poll = _typed("alerts", alerts, "poll_seconds", float, 0.5)
    if not 0.05 <= poll <= 600:
        raise ConfigError(
            "alerts.poll_seconds must be between 0.05 and 600, e.g. poll_seconds = 0.5"
        )
    feeds = _section(data, "feeds").get("urls", [])
    if not isinstance(feeds, list) or not all(isinstance(u, str) for u in feeds):
        raise ConfigError("feeds.urls must be a list of URLs")
    guild = _typed("discord", discord, "guild_id", int, None)
    shard_count, shard_ids = _shards(discord)
    db = env.get("BRIEFBOT_DB") or _typed("store", store, "path", str, "")
    store_url = env.get("BRIEFBOT_STORE_URL") or _typed("store", store, "url", str, "")
    if store_url and not store_url.lower().startswith(("postgresql://", "postgres://")):
        raise ConfigError(
            'store.url must be a PostgreSQL URL, e.g. url = "postgresql://briefbot@db.internal/briefbot"'
        )
    server = _section(data, "server")
    port = _typed("server", server, "port", int, None)
    if port is not None and not 0 <= port <= 65535:
        raise ConfigError("server.port must be between 0 and 65535, e.g. port = 8081")
    log_cfg = _section(data, "log")
    log_format = _typed("log", log_cfg, "format", str, "text").lower()
    if log_format not in LOG_FORMATS:
        raise ConfigError('log.format must be "text" or "json", e.g. format = "json"')
    log_level = _typed("log", log_cfg, "level", str, "info").lower()
    if log_level not in LOG_LEVELS:
        raise ConfigError(f'log.level must be one of {", ".join(LOG_LEVELS)}, e.g. level = "info"')
    lease = _typed("store", store, "lease_seconds", float, 10.0)
    if not 0.1 <= lease <= 30:
        raise ConfigError("store.lease_seconds must be between 0.1 and 30, e.g. lease_seconds = 10")
    return Config(
        db_path=Path(db).expanduser() if db else default_db_path(),
        store_url=store_url,
        lease_seconds=lease,
        near_duplicates=_typed("store", store, "near_duplicates", bool, True),
        console_admin=_typed("console", _section(data, "console"), "admin", bool, True),
        slack=SlackConfig(
            bot_token=env.get("SLACK_BOT_TOKEN") or _typed("slack", slack, "bot_token", str, ""),
            signing_secret=env.get("SLACK_SIGNING_SECRET")
            or _typed("slack", slack, "signing_secret", str, ""),
            app_token=env.get("SLACK_APP_TOKEN") or _typed("slack", slack, "app_token", str, ""),
            mode=_typed("slack", slack, "mode", str, "http"),
            host=_typed("slack", slack, "host", str, "127.0.0.1"),
            port=_typed("slack", slack, "port", int, 3000),
            api_url=_typed("slack", slack, "api_url", str, ""),
            admins=_ids("slack", slack),
            admin_channels=_ids("slack", slack, "admin_channels"),
            unfurl_links=_typed("slack", slack, "unfurl_links", bool, False),
            command_prefix=_typed("slack", slack, "command_prefix", str, ""),
        ),
        discord=DiscordConfig(
            token=env.get("DISCORD_TOKEN") or _typed("discord", discord, "token", str, ""),
            guild_id=guild,
            admins=_ids("discord", discord),
            admin_roles=_ids("discord", discord, "admin_roles"),
            sync_on_start=_typed("discord", discord, "sync_on_start", bool, False),
            api_url=_typed("discord", discord, "api_url", str, ""),
            gateway_url=_typed("discord", discord, "gateway_url", str, ""),
            shard_count=shard_count,
            shard_ids=shard_ids,
        ),
        fetch=FetchConfig(
            timeout=_typed("fetch", fetch, "timeout", float, 15.0),
            max_bytes=_typed("fetch", fetch, "max_bytes", int, 5_000_000),
            allow_private=_typed("fetch", fetch, "allow_private", bool, False),
            user_agent=_typed("fetch", fetch, "user_agent", str, FetchConfig.user_agent),
        ),
        digest=DigestConfig(
            grace_hours=_typed("digest", digest, "grace_hours", float, 6.0),
            feed_poll_minutes=_typed("digest", digest, "feed_poll_minutes", float, 15.0),
        ),
        alerts=AlertConfig(per_hour=per_hour, poll_seconds=poll),
        feeds=tuple(feeds),
        server=ServerConfig(host=_typed("server", server, "host", str, "127.0.0.1"), port=port),
        log=LogConfig(format=log_format, level=log_level),
    )
