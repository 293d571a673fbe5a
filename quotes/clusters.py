"""Quotation clusters: the same statement, exactly or nearly, in several articles.

A content is the set of its word 3-grams (normalised words). Two quotations are one
statement when their sets have a Jaccard similarity of at least ``threshold`` and their
speakers are compatible (:class:`SpeakerCompatibility`); an identical content of
``min_words`` words or more is one statement whoever the engine found as its speaker.
A cluster is the transitive closure of that relation, so no pair found to be one statement
is split between two clusters (and so between two dataset splits): a quotation with an unknown
speaker may join the words of two differently named speakers into one cluster, which then
lists both names.
Candidate pairs come from MinHash signatures cut into LSH bands (each band kept as one
32-bit key); every candidate is then checked on the exact 3-gram sets, so a cluster never
rests on an estimate.

Short formulas (a religious phrase, «لا تعليق») would glue unrelated articles together:
a content shorter than ``min_words`` joins only an identical content whose speaker is the
same named person or body, never through similarity and never with an unknown speaker.

Everything here is pure: :func:`fingerprint` turns a content into numbers (run it where
the record is made, in the worker), :class:`ClusterIndex` keeps those numbers compactly
(about 300 bytes a quotation) and :meth:`ClusterIndex.assign` clusters them. The
settings live in ``resources/clusters.yaml``.
"""

from __future__ import annotations

import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import numpy as np
import regex
import xxhash

from quotes.lexicon import Lexicon
from quotes.normalize import normalize
from quotes.settings import read_settings
from quotes.speakers.words import is_family_name, is_namey

WORD = regex.compile(r"[\p{L}\p{N}]+")
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64(0xFFFFFFFF)
_SEED = 20151
_ROW_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                      0x85EBCA77C2B2AE63, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53], dtype=np.uint64)


class ClusterSettingsError(ValueError):
    """A broken ``clusters.yaml``."""


@dataclass(frozen=True)
class ClusterSettings:
    """How contents are compared (``resources/clusters.yaml``)."""

    shingle_words: int
    num_perm: int
    bands: int
    threshold: float
    min_words: int
    max_comparisons: int

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands


@lru_cache(maxsize=4)
def load_cluster_settings(path: str | None = None) -> ClusterSettings:
    """The shipped settings (or those of ``path``); raises :class:`ClusterSettingsError`."""
    file = Path(path) if path else Path(__file__).parent / "resources" / "clusters.yaml"
    settings = read_settings(file, ClusterSettings, ClusterSettingsError)
    if settings.num_perm % settings.bands or settings.rows > len(_ROW_MULT) or settings.threshold > 1:
        raise ClusterSettingsError(f"{file}: num_perm must be bands × rows (at most {len(_ROW_MULT)} rows a band) "
                                   "and threshold at most 1")
    return settings


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(_SEED)
    a = rng.randint(1, 2**31 - 1, size=num_perm, dtype=np.int64).astype(np.uint64)
    b = rng.randint(0, 2**31 - 1, size=num_perm, dtype=np.int64).astype(np.uint64)
    return a, b


def content_words(content: str) -> list[str]:
    """The normalised words of a content (no punctuation, diacritics or spelling variants)."""
    return WORD.findall(normalize(content))


def speaker_key(name: str | None) -> str | None:
    """The cross-article key of a speaker: the normalised words of the fullest name."""
    if not name:
        return None
    return " ".join(content_words(name)) or None


def shingles(words: list[str], k: int) -> set[str]:
    """The word ``k``-grams of ``words`` (the whole sequence when shorter)."""
    return {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))}


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What clustering needs of one content: its words' hash, its length, and for a long
    content its sorted 3-gram hashes and the keys of its MinHash signature's LSH bands
    (as raw ``uint32`` bytes)."""

    exact: int
    words: int
    shingles: bytes = b""
    bands: bytes = b""


def fingerprint(content: str, settings: ClusterSettings) -> Fingerprint:
    """The :class:`Fingerprint` of ``content``."""
    words = content_words(content)
    exact = xxhash.xxh64_intdigest(" ".join(words).encode())
    if len(words) < settings.min_words:
        return Fingerprint(exact, len(words))
    grams = shingles(words, settings.shingle_words)
    hashes = np.unique(np.fromiter((xxhash.xxh32_intdigest(g.encode()) for g in grams), dtype=np.uint32, count=len(grams)))
    a, b = _permutations(settings.num_perm)
    signature = ((hashes.astype(np.uint64)[:, None] * a + b) % _PRIME & _MASK).min(axis=0)
    rows = signature.reshape(settings.bands, settings.rows) * _ROW_MULT[: settings.rows] + np.arange(
        settings.rows, dtype=np.uint64)
    keys = np.bitwise_xor.reduce(rows, axis=1)
    band_keys = ((keys ^ (keys >> np.uint64(32))) & _MASK).astype(np.uint32)  # one 32-bit key a band
    return Fingerprint(exact, len(words), hashes.tobytes(), band_keys.tobytes())


class SpeakerCompatibility:
    """Whether two speaker keys can be the same source.

    Works on speaker keys (:func:`speaker_key`). An unknown speaker, or one given only by a
    description (a title, «الوزارة», a family name alone), fits any other; two names fit when
    they share a name word («تركي المالكي» and «العقيد تركي المالكي»).
    """

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._names: dict[str, frozenset[str]] = {}

    def name_words(self, key: str) -> frozenset[str]:
        """The words of ``key`` that can be part of a name (no titles, function words)."""
        hit = self._names.get(key)
        if hit is None:
            lex = self.lexicon
            words = key.split()
            hit = frozenset(w for n, w in enumerate(words)
                            if is_namey(lex, w) or (n and is_namey(lex, words[n - 1]) and is_family_name(lex, w)))
            self._names[key] = hit
        return hit

    def named(self, key: str | None) -> bool:
        """Is ``key`` a name (rather than unknown or a description)?"""
        return bool(key) and bool(self.name_words(key))

    def __call__(self, a: str | None, b: str | None) -> bool:
        if not a or not b or a == b:
            return True
        na, nb = self.name_words(a), self.name_words(b)
        return not na or not nb or bool(na & nb)


@dataclass(frozen=True)
class ClusterCounts:
    """How much of a run is repeated: quotations whose cluster spans two or more articles."""

    quotations: int
    shared: int        # quotations in a cluster of two or more articles
    exact: int         # ... with the very same words in another article
    clusters: int      # clusters of two or more articles

    @property
    def duplicate_rate(self) -> float:
        return self.shared / self.quotations if self.quotations else 0.0


@dataclass(frozen=True)
class Clusters:
    """The result of :meth:`ClusterIndex.assign`, by item number (the order of ``add``)."""

    record_ids: list[str]
    earliest: np.ndarray    # the item number of the earliest member of the item's cluster
    sizes: np.ndarray       # quotations in the item's cluster
    documents: np.ndarray   # articles in the item's cluster
    exact: np.ndarray       # the item has an identical content in another article of its cluster

    def __len__(self) -> int:
        return len(self.record_ids)

    def cluster_id(self, i: int) -> str:
        return cluster_id(self.record_ids[int(self.earliest[i])])

    def fields(self, i: int) -> dict[str, str | int]:
        """The record fields of item ``i``."""
        return {"cluster_id": self.cluster_id(i), "cluster_size": int(self.sizes[i]),
                "cluster_documents": int(self.documents[i])}

    def counts(self) -> ClusterCounts:
        shared = self.documents > 1
        return ClusterCounts(len(self), int(shared.sum()), int(self.exact.sum()),
                             int(np.unique(self.earliest[shared]).size))


class _UnionFind:
    """Union-find over item numbers; the smaller number becomes the root."""

    def __init__(self, n: int):
        self.parent = np.arange(n, dtype=np.int64)

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = int(parent[root])
        while parent[i] != root:
            parent[i], i = root, int(parent[i])
        return root

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


class ClusterIndex:
    """Collects the fingerprints of a run's quotations, then clusters them all at once.

    Memory: about 300 bytes a quotation in flat arrays; strings are kept once per record
    id, article and distinct speaker key.
    """

    def __init__(self, settings: ClusterSettings, compatible: SpeakerCompatibility):
        self.settings = settings
        self.compatible = compatible
        self.ids: list[str] = []            # record ids
        self.doc_ids: list[str] = []        # articles, in order of first record
        self.doc_dates: list[str] = []      # their dates ("~" when unknown: after any date)
        self.key_names: list[str | None] = [None]  # distinct speaker keys; 0 is "unknown"
        self._key_numbers: dict[str | None, int] = {None: 0}
        self.doc = array.array("l")         # each item's article number
        self.key = array.array("l")         # each item's speaker key number
        self.exact = array.array("Q")
        self.words = array.array("l")
        self.shingles = array.array("I")
        self.shingle_start = array.array("q", [0])
        self.bands = array.array("I")       # LSH band keys of the long items
        self.long_items = array.array("q")  # items that have band keys, in order

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, record_id: str, doc_id: str, date: str | None, key: str | None, fp: Fingerprint) -> None:
        """Add one quotation (an article's records one after another)."""
        i = len(self.ids)
        self.ids.append(record_id)
        if not self.doc_ids or self.doc_ids[-1] != doc_id:
            self.doc_ids.append(doc_id)
            self.doc_dates.append(date or "~")
        self.doc.append(len(self.doc_ids) - 1)
        number = self._key_numbers.get(key)
        if number is None:
            number = self._key_numbers[key] = len(self.key_names)
            self.key_names.append(key)
        self.key.append(number)
        self.exact.append(fp.exact)
        self.words.append(fp.words)
        if fp.bands:
            self.shingles.frombytes(fp.shingles)
            self.bands.frombytes(fp.bands)
            self.long_items.append(i)
        self.shingle_start.append(len(self.shingles))

    def speaker(self, i: int) -> str | None:
        return self.key_names[self.key[i]]

    def _shingles(self, i: int) -> np.ndarray:
        return self._shingle_array[self.shingle_start[i]:self.shingle_start[i + 1]]

    def jaccard(self, i: int, j: int) -> float:
        """The exact Jaccard similarity of two items' 3-gram sets."""
        a, b = self._shingles(i), self._shingles(j)
        both = np.intersect1d(a, b, assume_unique=True).size
        return both / (a.size + b.size - both)

    def assign(self) -> Clusters:
        """Cluster every item added. The result does not depend on the order of ``add``
        (items are compared in the order of their article's date and record id), so the
        local runners and Spark give the same clusters."""
        n = len(self.ids)
        uf = _UnionFind(n)
        doc = np.frombuffer(self.doc, dtype=np.int64) if n else np.zeros(0, np.int64)
        # the canonical order: article date, then record id
        order = np.array(sorted(range(n), key=lambda i: (self.doc_dates[doc[i]], self.ids[i])), dtype=np.int64)
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.arange(n)
        self._shingle_array = np.frombuffer(self.shingles, dtype=np.uint32) if self.shingles else np.zeros(0, np.uint32)
        self._join_similar(uf, rank, self._join_identical(uf, rank))
        del self._shingle_array
        return self._labels(uf, doc, order, rank)

    def _join_identical(self, uf: _UnionFind, rank: np.ndarray) -> np.ndarray:
        """Identical long contents are one statement; identical short ones only with the
        same named speaker. Returns which long items the similarity search needs: one for
        each content and speaker, the earliest (the others would only meet their twin again)."""
        n = len(self.ids)
        searched = np.zeros(n, dtype=bool)
        if not n:
            return searched
        exact = np.frombuffer(self.exact, dtype=np.uint64)
        key = np.frombuffer(self.key, dtype=np.int64)
        long = np.frombuffer(self.words, dtype=np.int64) >= self.settings.min_words
        named = np.fromiter((self.compatible.named(k) for k in self.key_names), dtype=bool,
                            count=len(self.key_names))[key]
        group = np.where(long, 0, key + 1)  # a long content joins whoever speaks; a short one its speaker only
        for members, by in ((np.flatnonzero(long | named), group), (np.flatnonzero(long), key)):
            ordered = members[np.lexsort((rank[members], by[members], exact[members]))]
            same = (exact[ordered][1:] == exact[ordered][:-1]) & (by[ordered][1:] == by[ordered][:-1])
            if not members.size:
                continue
            if by is group:
                for a, b in zip(ordered[:-1][same].tolist(), ordered[1:][same].tolist()):
                    uf.union(a, b)
            else:
                searched[ordered[np.r_[True, ~same]]] = True
        return searched

    def _join_similar(self, uf: _UnionFind, rank: np.ndarray, searched: np.ndarray) -> None:
        """Long contents that meet in an LSH band are compared on their exact 3-gram sets."""
        if not self.long_items:
            return
        every = np.frombuffer(self.long_items, dtype=np.int64)
        bands = np.frombuffer(self.bands, dtype=np.uint32).reshape(len(every), self.settings.bands)
        chosen = np.flatnonzero(searched[every])
        items = every[chosen]
        for band in range(self.settings.bands):
            for members in _runs(bands[chosen, band]):
                bucket = items[members]
                self._join_run(uf, bucket[np.argsort(rank[bucket], kind="stable")])

    def _join_run(self, uf: _UnionFind, members: np.ndarray) -> None:
        """Compare each member of an LSH bucket with the earlier ones not yet in its cluster
        (at most ``max_comparisons`` of the nearest, so a bucket of unrelated contents that
        share a frequent 3-gram stays cheap)."""
        members = members.tolist()
        for n, m in enumerate(members):
            for e in members[max(0, n - self.settings.max_comparisons):n]:
                if uf.find(e) != uf.find(m) and self.compatible(self.speaker(e), self.speaker(m)) \
                        and self.jaccard(e, m) >= self.settings.threshold:
                    uf.union(e, m)

    def _labels(self, uf: _UnionFind, doc: np.ndarray, order: np.ndarray, rank: np.ndarray) -> Clusters:
        n = len(self.ids)
        roots = np.fromiter((uf.find(i) for i in range(n)), dtype=np.int64, count=n)
        first = np.full(n, n, dtype=np.int64)
        np.minimum.at(first, roots, rank)
        sizes = np.bincount(roots, minlength=n)
        pairs = np.unique(roots * (len(self.doc_ids) + 1) + doc)  # distinct (cluster, article)
        doc_counts = np.bincount(pairs // (len(self.doc_ids) + 1), minlength=n)
        exact = _shared_words(roots, np.frombuffer(self.exact, dtype=np.uint64) if n else np.zeros(0, np.uint64), doc)
        return Clusters(self.ids, order[first[roots]], sizes[roots], doc_counts[roots], exact)


def _shared_words(roots: np.ndarray, exact: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """For each item: does another article of its cluster have the very same words?"""
    group = roots.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) ^ exact  # (cluster, words)
    pairs = np.unique(np.stack([group, doc.astype(np.uint64)], axis=1), axis=0)
    values, counts = np.unique(pairs[:, 0], return_counts=True)
    return counts[np.searchsorted(values, group)] > 1


def cluster_id(earliest_record_id: str) -> str:
    """A cluster's id: stable while its earliest member stays its earliest member."""
    return "c" + xxhash.xxh64_hexdigest(earliest_record_id.encode())[:12]


def _runs(keys: np.ndarray) -> Iterator[np.ndarray]:
    """The positions sharing one key, for every key held by two or more (in position order)."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    for a, e in zip(starts, ends):
        if e - a > 1:
            yield order[a:e]

