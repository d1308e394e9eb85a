"""Fetch untrusted URLs safely: public addresses only (checked after DNS and on every redirect), limits streamed."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

from bot.config import FetchConfig

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddress(OSError):
    """A host resolved to an address the policy refuses (raised before any connection is made)."""


class UnsafeURL(ValueError):
    """A URL that must not be fetched at all (scheme, credentials, refused literal address)."""


def kind_of(ip: IPAddress) -> str:
    """Why an address is not public ('' when it is public)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return kind_of(ip.ipv4_mapped)
    for name in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    if not ip.is_global:
        return "non-public"
    return ""


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """allow_private opens everything (tests, intranets); `trusted` names single addresses to allow."""

    allow_private: bool = False
    trusted: frozenset[str] = frozenset()

    def refusal(self, address: str) -> str:
        """'' when the address may be reached, else why not."""
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return f"{address!r} is not an IP address"
        if self.allow_private or str(ip) in self.trusted:
            return ""
        kind = kind_of(ip)
        return f"{ip} is a {kind} address" if kind else ""


def check_url(url: str, policy: AddressPolicy) -> str:
    """The URL's host if it may be fetched; raises UnsafeURL otherwise (literal IPs checked here,
    because aiohttp does not send IP literals through the resolver)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeURL(f"{url[:200]!r} is not a valid URL") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeURL(f"only http and https URLs can be fetched, not {parts.scheme or 'this'}:")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UnsafeURL(f"{url[:200]!r} has no host name")
    if parts.username or parts.password:
        raise UnsafeURL("URLs with a user name or password are not fetched")
    if port == 0:
        raise UnsafeURL(f"{url[:200]!r} has an invalid port")
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return host
    why = policy.refusal(host)
    if why:
        raise UnsafeURL(f"{host} is refused: {why}")
    return host


class GuardedResolver(AbstractResolver):
    """Resolves through another resolver, then refuses the host if ANY address is not allowed.

    aiohttp connects only to the addresses returned here, so what was checked is what is used.
    """

    def __init__(self, policy: AddressPolicy, inner: AbstractResolver | None = None) -> None:
        self._policy = policy
        self._inner = inner or ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        for result in results:
            why = self._policy.refusal(result["host"])
            if why:
                log.warning("refused to connect to %s: %s", host, why)
                raise BlockedAddress(
                    f"{host} resolves to {result['host']}, which is refused ({why})"
                )
        return results

    async def close(self) -> None:
        await self._inner.close()


class StaticResolver(AbstractResolver):
    """A fixed host -> addresses table (tests, pinned hosts); unknown names fail like NXDOMAIN."""

    def __init__(self, table: Mapping[str, Sequence[str] | str]) -> None:
        self._table = {k.lower(): [v] if isinstance(v, str) else list(v) for k, v in table.items()}

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        addresses = self._table.get(host.lower().rstrip("."))
        if not addresses:
            raise socket.gaierror(socket.EAI_NONAME, f"unknown host {host}")
        return [
            ResolveResult(
                hostname=host,
                host=a,
                port=port,
                family=socket.AF_INET6 if ":" in a else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for a in addresses
        ]

    async def close(self) -> None:
        return None


def trusted_set(addresses: Iterable[str]) -> frozenset[str]:
    """Normalised addresses for AddressPolicy.trusted."""
    return frozenset(str(ipaddress.ip_address(a)) for a in addresses)


PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT_STATUS = frozenset({400, 401, 403, 404, 405, 406, 410, 414, 415, 451})
_CHUNK = 65536


class FetchError(Exception):
    """Why a URL could not be fetched, phrased for the user; permanent when retrying cannot help."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body that passed every check (or a 304 with an empty body)."""

    url: str
    final_url: str
    status: int
    content_type: str  # media type without parameters, "" when the server sent none
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None


class HttpClient:
    """GET with the address policy, manual redirects (max 5), a streamed size cap and a type allow-list.

    One aiohttp session, created on first use so that building a core stays cheap.
    """

    def __init__(
        self,
        config: FetchConfig,
        *,
        resolver: AbstractResolver | None = None,
        trusted: Iterable[str] = (),
    ) -> None:
        self.config = config
        self.policy = AddressPolicy(config.allow_private, trusted_set(trusted))
        self._resolver = resolver
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(
                resolver=GuardedResolver(self.policy, self._resolver),
                limit=32,
                limit_per_host=8,
                ttl_dns_cache=60,
            )
            timeout = aiohttp.ClientTimeout(
                total=self.config.timeout,
                sock_connect=min(10.0, self.config.timeout),
                sock_read=self.config.timeout,
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                timeout=timeout,
                trust_env=False,
                cookie_jar=aiohttp.DummyCookieJar(),
                headers={"User-Agent": self.config.user_agent},
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def get(
        self,
        url: str,
        *,
        accept: frozenset[str] = PAGE_TYPES | FEED_TYPES,
        etag: str | None = None,
        modified: str | None = None,
    ) -> Fetched:
        """The checked response for url; raises FetchError with a reason a user can act on."""
        try:
            async with asyncio.timeout(self.config.timeout):
                return await self._get(url, accept, etag, modified)
        except TimeoutError as exc:
            raise FetchError(
                f"{_short(url)} did not answer within {self.config.timeout:g} s"
            ) from exc

    async def _get(
        self, url: str, accept: frozenset[str], etag: str | None, modified: str | None
    ) -> Fetched:
        session = self._open()
        headers = {"Accept": ", ".join(sorted(accept)) + ", */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        current = url
        for hop in range(MAX_REDIRECTS + 1):
            try:
                check_url(current, self.policy)
            except UnsafeURL as exc:
                where = "" if hop == 0 else f"{_short(url)} redirects to a refused address: "
                raise FetchError(f"{where}{exc}", permanent=True) from exc
            try:
                async with session.get(current, allow_redirects=False, headers=headers) as resp:
                    if resp.status in _REDIRECTS:
                        location = resp.headers.get("Location", "")
                        if not location:
                            raise FetchError(
                                f"{_short(current)} redirects without a Location", permanent=True
                            )
                        current = urljoin(current, location)
                        continue
                    return await self._read(url, current, resp, accept)
            except aiohttp.ClientConnectorError as exc:
                if isinstance(exc.os_error, BlockedAddress):
                    raise FetchError(
                        f"refused to fetch {_short(current)}: {exc.os_error}", permanent=True
                    ) from exc
                raise FetchError(
                    f"could not connect to {_short(current)} ({exc.os_error.strerror or exc})"
                ) from exc
            except aiohttp.ClientError as exc:
                raise FetchError(
                    f"could not fetch {_short(current)} ({type(exc).__name__})"
                ) from exc
        raise FetchError(f"{_short(url)} redirects more than {MAX_REDIRECTS} times", permanent=True)

    async def _read(
        self, url: str, final: str, resp: aiohttp.ClientResponse, accept: frozenset[str]
    ) -> Fetched:
        etag, modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
        if resp.status == 304:
            return Fetched(url, final, 304, "", None, b"", etag, modified)
        if resp.status != 200:
            raise FetchError(
                f"{_short(final)} answered HTTP {resp.status}",
                permanent=resp.status in _PERMANENT_STATUS,
            )
        ctype = resp.content_type.lower() if "Content-Type" in resp.headers else ""
        if ctype and ctype not in accept:
            raise FetchError(
                f"{_short(final)} is {ctype}; only web pages (HTML), plain text and RSS/Atom feeds can be indexed",
                permanent=True,
            )
        limit = self.config.max_bytes
        if resp.content_length is not None and resp.content_length > limit:
            raise FetchError(f"{_short(final)} is larger than {_size(limit)}", permanent=True)
        body = bytearray()
        async for chunk in resp.content.iter_chunked(_CHUNK):
            body += chunk
            if len(body) > limit:
                raise FetchError(f"{_short(final)} is larger than {_size(limit)}", permanent=True)
        return Fetched(url, final, 200, ctype, resp.charset, bytes(body), etag, modified)


def _short(url: str) -> str:
    return url if len(url) <= 120 else url[:117] + "…"


def _size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n / 1000:g} kB"
