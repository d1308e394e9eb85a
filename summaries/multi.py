"""A story's summary drawn from several sources: central, early, never repeated, cited."""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from bot.extract.boilerplate import boilerplate_sentences, is_boilerplate, is_page_furniture
from bot.extract.sentences import split_sentences
from bot.model import Sentence
from summaries import summarize
from summaries.document import is_fragment, needs_context, split_headlines
from summaries.terms import Stems
from summaries.tokenizer import NewsTokenizer

log = logging.getLogger(__name__)

LEAD_SENTENCES = 12  # sentences read per article: news says what matters first
TAIL_SENTENCES = 6  # closing sentences checked together for notice blocks
SAME_SOURCE_PENALTY = 0.5
MAX_SIMILARITY = 0.45  # cosine above which two sentences say the same thing
REDUNDANCY_WEIGHT = 0.6  # chosen on the tune half with the learned weights (0.3 before)


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """One source of a story; `sentences` may come precomputed from the store."""

    article_id: str
    title: str
    text: str
    published: str = ""  # ISO 8601 UTC, "" when unknown
    sentences: Sequence[Sentence] | None = None


@dataclass(frozen=True, slots=True)
class Picked:
    """A summary sentence and the article it is quoted from."""

    article_id: str
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class _Candidate:
    doc: int
    position: int  # rank among the article's usable sentences: 0 is its lead
    sentence: Sentence
    terms: tuple[int, ...]  # vocabulary ids of its stems (with repeats)


def summarize_story(
    docs: Sequence[StoryDoc], n: int = 3, stems: Stems | None = None
) -> list[Picked]:
    """Up to `n` sentences about one story, spread over its sources, in reading order.

    Each candidate is rated by a weighted sum of FEATURES (how well it matches the whole
    story, how many sources use its words or say the same, how early it comes, how much it
    shares with the titles, ...), with weights learned on real multi-outlet clusters
    (bench/train_story_scoring.py). Picks are made greedily
    (MMR): a sentence too close to one already chosen is dropped, and a second sentence from
    the same source must beat the others by a margin. Boilerplate, headlines, fragments, page
    furniture (photo captions, teasers cut off with "...", social posts with their link) and
    sentences that lean on their predecessor are never candidates. The result is ordered
    by article date (then input order), then by position in the article. A story of one
    source gets that article's own summary (`summaries.summarize`): the weights are learned
    on stories told by several outlets and know nothing of a lone article's lead (a quarter of
    the BBC tune half, 3 sentences: summarize beats lead at equal length by +9.8 R-1, these
    weights by +0.3; on lone Multi-News pages the weights do better, but those are clusters
    the clustering split, not lone stories). A caller that
    summarises many stories passes one `stems` so each word is stemmed once.
    """
    if n <= 0 or not docs:
        return []
    stems = stems or Stems()
    if len(docs) == 1:  # one source: the single-article summariser, lead bias and all
        doc = docs[0]
        return [
            Picked(doc.article_id, s) for s in summarize(doc.text, n, title=doc.title, stems=stems)
        ]
    vocabulary: dict[str, int] = {}
    candidates = [c for i, doc in enumerate(docs) for c in _candidates(i, doc, vocabulary, stems)]
    if not candidates:
        return []
    names, weights = _active()
    vectors, features = story_features(docs, candidates, vocabulary, stems, names=names)
    ratings = features @ weights
    picked = _mmr(candidates, ratings, vectors, n)
    order = {id(doc): i for i, doc in enumerate(docs)}
    picked.sort(
        key=lambda c: (
            docs[c.doc].published or "\uffff",
            order[id(docs[c.doc])],
            c.sentence.start,
        )
    )
    return [Picked(docs[c.doc].article_id, c.sentence) for c in picked]


FEATURES = (
    "centrality",  # cosine with the centroid of all sources
    "position",  # 1 / sqrt(1 + rank among the article's usable sentences)
    "title",  # share of its distinct words found in the sources' titles
    "support",  # mean share of sources using its words (scaled to a best of 1)
    "length",  # words / 40, capped at 1
    "quoted",  # holds a quotation mark: someone's words rather than the reporter's account
    "source",  # cosine of its whole source with the centroid: off-angle or cruft-heavy pages
    "salience",  # mean learned chance that its words are in an editor's summary (WORD_FEATURES)
    "salience_total",  # the same chances summed (/ 10): long sentences of salient words
    "first_person",  # I, we, my, ...: someone speaking (weighs 0: its sign is not settled)
    "open_quote",  # an odd number of quotation marks: a quote that runs over sentences
    "opener",  # opens with Then, So, And, This, ...: leans on what came before
    "depth",  # rank / usable sentences read from its source: how far into its page it sits
    "bias",
)

WORD_FEATURES = (
    "share",  # share of the story's sources that use the word
    "frequency",  # log(1 + uses in the story's candidates) / 3
    "first",  # 1 / sqrt(1 + earliest rank of a candidate that uses it)
    "bias",
)


def story_features(
    docs: Sequence[StoryDoc],
    candidates: Sequence[_Candidate],
    vocabulary: dict[str, int],
    stems: Stems,
    word_weights: np.ndarray | None = None,
    names: Sequence[str] = FEATURES,
) -> tuple[_SparseRows, np.ndarray]:
    """The candidates' tf-idf rows and their matrix of the features `names` (one row per
    candidate, one column per name; all FEATURES unless fewer are asked for).

    The rating is this matrix times weights learned on the tune half of the stories dev
    file (bench/train_story_scoring.py), not hand-set; the word model's weights come from
    the same file unless `word_weights` is given (the trainer fits them first). The word
    model runs only when a salience feature is asked for: a summary asks only for the
    features whose learned weight is not 0.
    """
    vectors = _SparseRows.tfidf(candidates, len(vocabulary), len(docs))
    centroid = vectors.column_sums()
    centroid /= np.linalg.norm(centroid) or 1.0
    titles = _title_terms(docs, vocabulary, stems)
    columns = {
        "centrality": vectors.dot(centroid),
        "position": np.array([1.0 / math.sqrt(1.0 + c.position) for c in candidates]),
        "depth": _depth(candidates, len(docs)),
        "title": np.array([_overlap(c.terms, titles) for c in candidates]),
        "support": _support(candidates, len(vocabulary)),
        "length": np.array([min(1.0, len(c.sentence.text.split()) / 40) for c in candidates]),
        "quoted": np.array([float(any(q in c.sentence.text for q in _QUOTES)) for c in candidates]),
        "source": _source_centrality(candidates, vectors, centroid, len(docs)),
        "bias": np.ones(len(candidates)),
    }
    if {"salience", "salience_total"} & set(names):
        flat = _flat(candidates)
        chances = word_features(candidates, len(vocabulary), flat) @ (
            _word_weights() if word_weights is None else word_weights
        )
        salience = 1.0 / (1.0 + np.exp(-chances))  # each word's learned chance of being in it
        rows, terms = flat
        total = np.bincount(rows, weights=salience[terms], minlength=len(candidates))
        columns["salience"] = total / np.bincount(rows, minlength=len(candidates))
        columns["salience_total"] = total / 10
    texts = [c.sentence.text for c in candidates]
    columns["first_person"] = np.array([float(bool(_FIRST_PERSON.search(t))) for t in texts])
    columns["open_quote"] = np.array([float(sum(t.count(q) for q in _QUOTES) % 2) for t in texts])
    columns["opener"] = np.array([float(bool(_OPENER.match(t))) for t in texts])
    matrix = np.column_stack([columns[f] for f in names]) if names else np.zeros((len(texts), 0))
    return vectors, matrix


@cache
def _scoring() -> dict:
    """The learned weights (summaries/data/story_scoring.json, bench/train_story_scoring.py)."""
    return json.loads(resources.files("summaries.data").joinpath("story_scoring.json").read_text())


def _weights() -> np.ndarray:
    """The learned weight of each sentence feature."""
    return np.array([_scoring()["weights"][f] for f in FEATURES])


@cache
def _active() -> tuple[tuple[str, ...], np.ndarray]:
    """The features whose learned weight is not 0, and those weights: the only ones a summary
    needs computed (the trainer's --stable fit leaves the unsettled ones at 0)."""
    names = tuple(f for f, w in zip(FEATURES, _weights(), strict=True) if w != 0)
    return names, np.array([_scoring()["weights"][f] for f in names])


def _word_weights() -> np.ndarray:
    """The learned weight of each WORD_FEATURES column (a logistic model)."""
    return np.array([_scoring()["word_weights"][f] for f in WORD_FEATURES])


_QUOTES = frozenset('"“”')
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|our|us)\b|\b(?:I|we)[’'](?:m|re|ve)\b")
_OPENER = re.compile(r"(?:Then|So|And|Now|That|This|These|Those|Still|Yet|Also)\b")


def word_features(
    candidates: Sequence[_Candidate],
    width: int,
    flat: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """WORD_FEATURES of each vocabulary id: how widely, often and early the story uses it.

    A word many outlets use often and early is one an editor's summary is likely to hold
    (the label the word model was fitted to on the tune half). `flat` is _flat(candidates)
    when the caller has it already.
    """
    n_docs = len({c.doc for c in candidates}) or 1
    rows, terms = _flat(candidates) if flat is None else flat
    docs = np.fromiter((c.doc for c in candidates), dtype=np.intp, count=len(candidates))[rows]
    ranks = np.fromiter((c.position for c in candidates), dtype=float, count=len(candidates))
    ranks = ranks[rows]
    sources = np.bincount(np.unique(docs * width + terms) % width, minlength=width)
    uses = np.bincount(terms, minlength=width)
    earliest = np.full(width, np.inf)
    np.minimum.at(earliest, terms, ranks)
    return np.column_stack(
        (
            sources / n_docs,
            np.log1p(uses) / 3,
            1.0 / np.sqrt(1.0 + earliest),
            np.ones(width),
        )
    )


def _flat(candidates: Sequence[_Candidate]) -> tuple[np.ndarray, np.ndarray]:
    """Every candidate's term ids in one array (repeats kept), with the candidate of each."""
    sizes = np.fromiter((len(c.terms) for c in candidates), dtype=np.intp, count=len(candidates))
    terms = np.fromiter((t for c in candidates for t in c.terms), dtype=np.intp, count=sizes.sum())
    return np.repeat(np.arange(len(candidates)), sizes), terms


def _depth(candidates: Sequence[_Candidate], n_docs: int) -> np.ndarray:
    """Each candidate's rank over the number of candidates its source gave (0 is the lead).

    `position` says how early a sentence is; this says how far into what its page offers: the
    third sentence of a short page is its end, of a long one still its opening.
    """
    docs = np.fromiter((c.doc for c in candidates), dtype=np.intp, count=len(candidates))
    ranks = np.fromiter((c.position for c in candidates), dtype=float, count=len(candidates))
    return ranks / np.bincount(docs, minlength=n_docs)[docs]


def _source_centrality(
    candidates: Sequence[_Candidate], vectors: _SparseRows, centroid: np.ndarray, n_docs: int
) -> np.ndarray:
    """Each candidate's source as one vector (its rows summed), cosine with the centroid.

    Kept sparse ((source, term) keys), so a story of hundreds of sources costs no dense matrix.
    """
    docs = np.fromiter((c.doc for c in candidates), dtype=np.intp, count=len(candidates))
    width = vectors.shape[1]
    keys, where = np.unique(docs[vectors.rows] * width + vectors.cols, return_inverse=True)
    sums = np.bincount(where, weights=vectors.weights)
    owner = keys // width
    dots = np.bincount(owner, weights=sums * centroid[keys % width], minlength=n_docs)
    norms = np.sqrt(np.bincount(owner, weights=sums**2, minlength=n_docs))
    norms[norms == 0] = 1.0
    return (dots / norms)[docs]


def _candidates(
    index: int, doc: StoryDoc, vocabulary: dict[str, int], stems: Stems
) -> list[_Candidate]:
    """The article's first usable sentences, with their stems mapped into `vocabulary`."""
    found = split_headlines(
        doc.text, doc.sentences if doc.sentences is not None else split_sentences(doc.text)
    )
    # Closing notices can run over several sentences: check the article's tail as a block.
    tail = max(0, len(found) - TAIL_SENTENCES)
    noise = {tail + i for i in boilerplate_sentences(doc.text, found[tail:])}
    tokenizer = NewsTokenizer()
    out: list[_Candidate] = []
    for i, s in enumerate(found):
        if len(out) >= LEAD_SENTENCES:
            break
        if i in noise or is_fragment(s.text):
            continue
        if (
            needs_context(s.text)
            or (i < tail and is_boilerplate(s.text))
            or is_page_furniture(s.text)
        ):
            continue
        found_terms = stems.terms(tokenizer.to_words(s.text))
        terms = tuple(vocabulary.setdefault(t, len(vocabulary)) for t in found_terms)
        if terms:
            out.append(_Candidate(index, len(out), s, terms))
    return out


@dataclass(frozen=True, slots=True)
class _SparseRows:
    """Unit-length tf-idf rows kept sparse: (row, column, weight) triples."""

    rows: np.ndarray
    cols: np.ndarray
    weights: np.ndarray
    shape: tuple[int, int]

    @classmethod
    def tfidf(cls, candidates: Sequence[_Candidate], width: int, n_docs: int) -> _SparseRows:
        """sqrt(tf) x idf, where idf counts sources so terms many outlets use are not muted."""
        rows = np.repeat(np.arange(len(candidates)), [len(c.terms) for c in candidates])
        cols = np.fromiter((t for c in candidates for t in c.terms), dtype=np.intp)
        keys, counts = np.unique(rows * width + cols, return_counts=True)
        rows, cols = keys // width, keys % width
        doc_of_row = np.fromiter((c.doc for c in candidates), dtype=np.intp)
        doc_terms = np.unique(doc_of_row[rows] * width + cols) % width
        sources = np.bincount(doc_terms, minlength=width)
        idf = np.log((1.0 + n_docs) / (1.0 + sources)) + 1.0
        weights = np.sqrt(counts) * idf[cols]
        norms = np.sqrt(np.bincount(rows, weights=weights**2, minlength=len(candidates)))
        weights /= norms[rows]
        return cls(rows, cols, weights, (len(candidates), width))

    def column_sums(self) -> np.ndarray:
        """Sum of all rows, as a dense vector."""
        return np.bincount(self.cols, weights=self.weights, minlength=self.shape[1])

    def dot(self, dense: np.ndarray) -> np.ndarray:
        """Each row's dot product with a dense vector."""
        return np.bincount(
            self.rows, weights=self.weights * dense[self.cols], minlength=self.shape[0]
        )

    def row(self, index: int) -> np.ndarray:
        """One row as a dense vector."""
        out = np.zeros(self.shape[1])
        mask = self.rows == index
        out[self.cols[mask]] = self.weights[mask]
        return out


def _support(candidates: Sequence[_Candidate], width: int) -> np.ndarray:
    """Mean share of the story's sources that use each word of a sentence, scaled to a best
    of 1: facts every outlet repeats outrank one outlet's colour."""
    sources = np.zeros(width)
    for doc in {c.doc for c in candidates}:
        used = np.unique(
            np.fromiter((t for c in candidates if c.doc == doc for t in c.terms), dtype=np.intp)
        )
        sources[used] += 1
    n_docs = len({c.doc for c in candidates})
    share = sources / max(n_docs, 1)
    means = np.array([share[list(c.terms)].mean() if c.terms else 0.0 for c in candidates])
    return means / (means.max() or 1.0)


def _title_terms(
    docs: Sequence[StoryDoc], vocabulary: dict[str, int], stems: Stems
) -> frozenset[int]:
    tokenizer = NewsTokenizer()
    return frozenset(
        vocabulary[t]
        for doc in docs
        for t in stems.terms(tokenizer.to_words(doc.title or ""))
        if t in vocabulary
    )


def _overlap(terms: tuple[int, ...], titles: frozenset[int]) -> float:
    if not titles:
        return 0.0
    distinct = set(terms)
    return len(distinct & titles) / len(distinct)


def _mmr(
    candidates: Sequence[_Candidate], ratings: np.ndarray, vectors: _SparseRows, n: int
) -> list[_Candidate]:
    """Greedy maximal marginal relevance with a hard redundancy cut and a per-source cost."""
    chosen: list[int] = []
    used_docs: set[int] = set()
    available = np.ones(len(candidates), dtype=bool)
    closest = np.zeros(len(candidates))
    while len(chosen) < n and available.any():
        penalty = np.fromiter(
            (SAME_SOURCE_PENALTY if c.doc in used_docs else 0.0 for c in candidates),
            dtype=float,
            count=len(candidates),
        )
        score = ratings - REDUNDANCY_WEIGHT * closest - penalty
        score[~available] = -np.inf
        best = int(np.argmax(score))
        chosen.append(best)
        used_docs.add(candidates[best].doc)
        similarity = vectors.dot(vectors.row(best))
        closest = np.maximum(closest, similarity)
        available &= similarity <= MAX_SIMILARITY
        available[best] = False
    return [candidates[k] for k in chosen]
