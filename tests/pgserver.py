"""A throwaway PostgreSQL server for tests and benches: initdb + pg_ctl in a temp dir on loopback.

PostgreSQL refuses to run as root, so when we are root (CI is) the server runs as the
unprivileged `nobody` user through setpriv; the data directory lives in a fresh temp dir
owned by that user and is removed on stop. Nothing listens beyond 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

RUN_AS = "nobody"
_EMPTY = """SET lock_timeout = '3s';
DO $$DECLARE t text; BEGIN
  SELECT string_agg(quote_ident(tablename), ', ') INTO t FROM pg_tables
   WHERE schemaname = 'public' AND tablename <> 'schema_migrations';
  IF t IS NOT NULL THEN EXECUTE 'TRUNCATE ' || t || ' RESTART IDENTITY CASCADE'; END IF;
END$$;"""


def find_bin_dir() -> Path | None:
    """The directory holding initdb and pg_ctl (Debian keeps them out of PATH), or None."""
    candidates = []
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent)
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One server; `database()` hands out a fresh empty database URL per caller."""

    def __init__(self, bin_dir: Path, settings: dict[str, str] | None = None) -> None:
        self.bin_dir = bin_dir
        self.settings = settings or {}  # more server settings (bench_pg: a tuned server)
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="briefbot-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._user = pwd.getpwnam(RUN_AS) if os.geteuid() == 0 else None
        self.template = ""
        self._spare: list[str] = []  # emptied databases ready for reuse

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self._user is not None:
            u = self._user
            cmd = ["setpriv", f"--reuid={u.pw_uid}", f"--regid={u.pw_gid}", "--clear-groups", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.root)
        if done.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{args[0]} failed: {done.stderr}{done.stdout}\n{log[-2000:]}")

    def start(self) -> PgServer:
        if self._user is not None:
            os.chown(self.root, self._user.pw_uid, self._user.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync", "--no-instructions",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
            "-c max_wal_size=8GB -c checkpoint_timeout=30min"
        ) + "".join(f" -c {name}={value}" for name, value in self.settings.items())
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-o", options, "start")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _sql(self, sql: str, database: str = "postgres") -> None:
        url = self.url(database)
        psql = [str(self.bin_dir / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        subprocess.run(psql, check=True, capture_output=True, timeout=60)

    def make_template(self) -> None:
        """A migrated database that `database()` copies, so each test skips the migrations."""
        from bot.store.postgres import PostgresStore

        async def _migrate() -> None:
            await (await PostgresStore.open(self.url("bb_template"))).close()

        self._sql("CREATE DATABASE bb_template")
        # In a thread of its own: the first test to ask for the server may be inside a loop.
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, _migrate()).result()
        self.template = "bb_template"

    def database(self) -> str:
        """An empty database on this server (a copy of the migrated template, if made); its URL."""
        if self._spare:
            return self.url(self._spare.pop())
        name = "t_" + uuid.uuid4().hex[:12]
        self._sql(
            f"CREATE DATABASE {name}" + (f" TEMPLATE {self.template}" if self.template else "")
        )
        return self.url(name)

    def recycle(self, url: str) -> None:
        """Empty a database handed out by `database()` for the next caller (truncating is far
        quicker than creating one); a database something still locks is left alone."""
        name = url.rsplit("/", 1)[1]
        try:
            self._sql(_EMPTY, name)
        except subprocess.CalledProcessError:
            return
        self._spare.append(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
