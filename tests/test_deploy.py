"""The deploy/ examples stay in step with the code: the unit's command line parses, the proxies
forward the path the Slack app posts to and keep the ops endpoints off the internet."""

from __future__ import annotations

import shlex

from bot.cli import build_parser
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"


def test_the_systemd_unit_runs_serve_with_options_briefbot_knows() -> None:
    unit = (DEPLOY / "briefbot.service").read_text()
    [line] = [x for x in unit.splitlines() if x.startswith("ExecStart=")]
    argv = shlex.split(line.removeprefix("ExecStart="))
    assert argv[0].endswith("/briefbot")
    args = build_parser().parse_args(argv[1:])
    assert args.cmd == "serve" and args.config == "/etc/briefbot/config.toml"
    assert "Restart=on-failure" in unit and "User=briefbot" in unit


def test_the_proxies_forward_only_the_slack_endpoint() -> None:
    caddy = (DEPLOY / "Caddyfile").read_text()
    nginx = (DEPLOY / "nginx.conf").read_text()
    assert "handle /slack/events" in caddy and "reverse_proxy 127.0.0.1:3000" in caddy
    assert "location = /slack/events" in nginx and "server 127.0.0.1:3000" in nginx
    assert "deny all" in nginx  # /healthz, /readyz, /metrics only from the monitoring network
