"""The ops endpoints of `briefbot serve`: GET /healthz, /readyz and /metrics, as JSON/text.

/healthz says the process answers (a supervisor restarts it when it does not); /readyz
says whether it can do its job now — the store reachable, its schema the one this code
needs, the scheduler lease known, every adapter connected — so a load balancer sends it
traffic only then. They are mounted on the Slack HTTP server when there is one, else
served on a port of their own (`[server] port`), so a Discord-only bot has them too.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from collections.abc import Sequence
from typing import Any

from aiohttp import web

from bot import metrics

log = logging.getLogger(__name__)

CHECK_TIMEOUT = 5.0  # a store that takes longer to answer SELECT 1 is not ready
_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


class Ops:
    """Readiness of one bot process, and the aiohttp routes that show it."""

    def __init__(self, store: Any, adapters: Sequence[Any] = (), lease: Any = None) -> None:
        self.store = store
        self.adapters = list(adapters)
        self.lease = lease
        self.started = time.monotonic()
        self._runner: web.AppRunner | None = None

    async def readiness(self) -> tuple[bool, dict[str, dict[str, Any]]]:
        """(ready, checks): each check {"ok": bool, "detail": str}."""
        checks: dict[str, dict[str, Any]] = {}
        try:
            async with asyncio.timeout(CHECK_TIMEOUT):
                have, want = await self.store.schema_state()
        except Exception as exc:  # unreachable, gone, timed out: all "not ready", never a 500
            detail = _PASSWORD.sub(r"\1***@", str(exc) or type(exc).__name__)[:300]
            checks["store"] = {"ok": False, "detail": detail}
            checks["schema"] = {"ok": False, "detail": "unknown: the store did not answer"}
        else:
            checks["store"] = {"ok": True, "detail": "reachable"}
            checks["schema"] = {
                "ok": have == want,
                "detail": f"version {have}"
                + ("" if have == want else f", this briefbot needs {want}"),
            }
        if self.lease is not None:
            known = bool(getattr(self.lease, "known", False))
            role = "runs digests and feeds here" if self.lease.leading else "standby"
            checks["scheduler"] = {"ok": known, "detail": role if known else "lease not yet known"}
        for adapter in self.adapters:
            up = bool(getattr(adapter, "connected", False))
            checks[adapter.name] = {"ok": up, "detail": "connected" if up else "not connected"}
        return all(c["ok"] for c in checks.values()), checks

    # -- HTTP ---------------------------------------------------------------------------

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/health", self._healthz)  # the name people try first
        app.router.add_get("/readyz", self._readyz)
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/", self._index)

    async def _healthz(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "status": "ok",
                "pid": os.getpid(),
                "uptime_seconds": round(time.monotonic() - self.started, 1),
            }
        )

    async def _readyz(self, request: web.Request) -> web.Response:
        ready, checks = await self.readiness()
        body = {"status": "ready" if ready else "not ready", "checks": checks}
        return web.json_response(body, status=200 if ready else 503)

    async def _metrics(self, request: web.Request) -> web.Response:
        body, content_type = metrics.exposition()
        response = web.Response(body=body)
        response.headers["Content-Type"] = content_type
        return response

    async def _index(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "service": "briefbot",
                "endpoints": {
                    "/healthz": "the process is up",
                    "/readyz": "store reachable, schema current, scheduler lease known, adapters connected",
                    "/metrics": "Prometheus metrics",
                },
            }
        )

    async def serve(self, host: str, port: int) -> int:
        """Serve the routes on a port of their own; returns the port bound (port 0: a free one)."""
        app = web.Application()
        self.add_routes(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound = int(self._runner.addresses[0][1])
        log.info("ops endpoints on http://%s:%d (/healthz, /readyz, /metrics)", host, bound)
        return bound

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
