"""MinHash signatures stay what stores already hold: the fast path equals the textbook one."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest

from bot.store import dedupe
from tests.conftest import SEEDS


def reference_minhash(text: str) -> np.ndarray:
    """One blake2b per 4-word shingle, (a*x + b) mod 2^64, then % p: the stored definition."""
    tokens = re.findall(r"\w+", text.lower())
    tokens += [""] * max(0, dedupe.SHINGLE - len(tokens))
    shingles = {" ".join(tokens[i : i + 4]) for i in range(len(tokens) - 3)}
    values = []
    for s in shingles:
        x = int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") >> 3
        row = [
            ((x * int(a) + int(b)) % 2**64) % dedupe._PRIME
            for a, b in zip(dedupe._A, dedupe._B, strict=True)
        ]
        values.append(row)
    return np.array(values, dtype=np.uint64).min(axis=0)


TEXTS = [
    "",
    "one",
    "two words here",
    "Ünïcödé wörds and the U.S. economy, 3.5% up",
    *(p.read_text() for p in SEEDS),
]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_signature_and_hash_match_the_stored_definition(text: str) -> None:
    digest, signature = dedupe.fingerprints(text)
    assert np.array_equal(signature, reference_minhash(text))
    assert np.array_equal(dedupe.minhash(text), signature)
    assert digest == dedupe.content_hash(text)
    assert digest == hashlib.sha1(" ".join(re.findall(r"\w+", text.lower())).encode()).hexdigest()
