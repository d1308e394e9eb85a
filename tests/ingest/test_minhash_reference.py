"""The MinHash signature is the one stored wire-copy checks were built on: pinned to a plain
reference (one blake2b per distinct shingle), so old stores keep finding their copies."""

from __future__ import annotations

import hashlib
import random

import numpy as np

from bot.store import dedupe
from tests.conftest import SEEDS


def _reference(text: str) -> np.ndarray:
    tokens = dedupe._TOKEN.findall(text.lower())
    tokens += [""] * (dedupe.SHINGLE - len(tokens))
    shingles = {" ".join(tokens[i : i + dedupe.SHINGLE]) for i in range(len(tokens) - 3)}
    hashes = np.array(
        [
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") >> 3
            for s in shingles
        ],
        dtype=object,
    )
    a = [int(x) for x in dedupe._A]
    b = [int(x) for x in dedupe._B]
    mask = (1 << 64) - 1
    return np.array(
        [min(((x * a[k] + b[k]) & mask) % dedupe._PRIME for x in hashes) for k in range(64)],
        dtype=np.uint64,
    )


def test_signatures_match_the_plain_reference() -> None:
    rng = random.Random(11)
    words = "the talks failed in Kursk and Kyiv said so again the the".split()
    texts = [p.read_text() for p in SEEDS] + ["", "one", "a b c", "a b c d", "x " * 40]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(0, 80))) for _ in range(40)]
    for text in texts:
        assert dedupe.minhash(text).tolist() == _reference(text).tolist(), text
        digest, signature = dedupe.fingerprints(text)
        assert digest == dedupe.content_hash(text)
        assert signature.tolist() == dedupe.minhash(text).tolist()
