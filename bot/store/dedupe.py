"""Recognise the same article twice: an exact content hash and MinHash bands for wire copies."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
PERMUTATIONS = 64
ROWS_PER_BAND = 4
NEAR_THRESHOLD = 0.8  # estimated Jaccard of 4-word shingles above which a text is a copy
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20240806)
_A = _rng.integers(1, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
_P = np.uint64(_PRIME)
_SHIFT = np.uint64(61)
_BLAKE2B_8 = hashlib.blake2b(digest_size=8)  # copied per shingle, never updated itself


def normalise(text: str) -> str:
    """Lower-case words only: the same story with other whitespace or quotes hashes the same."""
    return " ".join(_TOKEN.findall(text.lower()))


def content_hash(text: str) -> str:
    return hashlib.sha1(normalise(text).encode()).hexdigest()


def fingerprints(text: str) -> tuple[str, np.ndarray]:
    """content_hash and minhash of the text from one tokenising pass (ingest needs both)."""
    tokens = _TOKEN.findall(text.lower())
    return hashlib.sha1(" ".join(tokens).encode()).hexdigest(), _signature(tokens)


def minhash(text: str) -> np.ndarray:
    """A 64-value MinHash signature of the text's 4-word shingles.

    The digests are joined into one buffer and mixed in place: the same values as one
    blake2b per shingle read back one by one, at about half the cost (ingest runs this on
    every article).
    """
    return _signature(_TOKEN.findall(text.lower()))


def _signature(tokens: list[str]) -> np.ndarray:
    if len(tokens) < SHINGLE:
        tokens = tokens + [""] * (SHINGLE - len(tokens))
    # Every shingle is hashed, repeats included: the minimum is the same as over the set,
    # and building the set cost more than the few repeats. Copying a ready 8-byte blake2b
    # state is cheaper than making one per shingle; the digests are the same.
    copy = _BLAKE2B_8.copy
    parts = []
    for shingle in map(" ".join, zip(*(tokens[i:] for i in range(SHINGLE)), strict=False)):
        h = copy()
        h.update(shingle.encode())
        parts.append(h.digest())
    raw = b"".join(parts)
    hashes = np.frombuffer(raw, dtype="<u8") >> np.uint64(3)
    # (a*x + b) mod p with numpy's wrapping uint64 arithmetic is a fine universal hash here.
    mixed = np.multiply.outer(hashes, _A)
    mixed += _B
    # x mod (2^61 - 1) without a division, p being a Mersenne prime: (x & p) + (x >> 61) is
    # below p + 8, so one conditional subtraction finishes it (exactly x % p, far cheaper).
    high = mixed >> _SHIFT
    mixed &= _P
    mixed += high
    np.subtract(mixed, _P, out=mixed, where=mixed >= _P)
    return mixed.min(axis=0)


def bands(signature: np.ndarray) -> list[str]:
    """LSH band keys: two texts sharing any band are near-duplicate candidates."""
    return [
        f"{i}:{hashlib.blake2b(signature[i * ROWS_PER_BAND : (i + 1) * ROWS_PER_BAND].tobytes(), digest_size=8).hexdigest()}"
        for i in range(PERMUTATIONS // ROWS_PER_BAND)
    ]


def similarity(a: bytes | np.ndarray, b: bytes | np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    sa = np.frombuffer(a, dtype=np.uint64) if isinstance(a, bytes) else a
    sb = np.frombuffer(b, dtype=np.uint64) if isinstance(b, bytes) else b
    return float(np.mean(sa == sb))


def free_id(article_id: str, source: str, digest: str, taken: Callable[[str], object]) -> str:
    """An id for a new article that no stored article has: its own, else one marked with its
    source (two folders' `flood.txt` are two articles), else with its content hash.

    Same source and text give the same id on every ingest; a taken id never makes an
    article a duplicate (only content does).
    """
    candidates = [article_id]
    if source:
        candidates.append(f"{article_id}-{hashlib.sha1(source.encode()).hexdigest()[:6]}")
    candidates.append(f"{article_id}-{digest[:8]}")
    for candidate in candidates:
        if not taken(candidate):
            return candidate
    n = 2
    while taken(f"{candidates[-1]}-{n}"):
        n += 1
    return f"{candidates[-1]}-{n}"


def first_copy(candidates: Iterable[tuple[Any, bytes | None]], signature: np.ndarray) -> str | None:
    """The id of the first (id, stored signature) whose text this signature's is a copy of."""
    for article_id, blob in candidates:
        if blob and similarity(blob, signature) >= NEAR_THRESHOLD:
            return str(article_id)
    return None
