"""Leak-free splits: articles that share a statement (a cluster) go to one split together.

Articles and clusters form a graph (an article links the clusters of its quotations); each
connected part goes to the split of its earliest article (by date, then id), placed by the
stable hash of :func:`~annotation.dataset.features.split_of`. So no cluster spans two splits,
and a part keeps its split when the corpus grows unless an earlier article joins it.
Records without ``cluster_id`` (extracted with ``--no-clusters``) fall back to one part an article.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import xxhash

from annotation.dataset.features import split_of
from quotes.clusters import SpeakerCompatibility, content_words, load_cluster_settings, shingles
from quotes.record import Document, Quotation


class _Parts:
    """Union-find over article ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def article_splits(by_doc: Mapping[str, list[Quotation]], documents: Iterable[Document],
                   ratios: tuple[float, float, float]) -> dict[str, str]:
    """The split of every article of ``documents`` (streamed once)."""
    parts = _Parts()
    first_doc: dict[str, str] = {}
    for doc_id, quotes in by_doc.items():
        for q in quotes:
            if q.cluster_id is not None and (q.cluster_documents or 0) > 1:
                parts.union(first_doc.setdefault(q.cluster_id, doc_id), doc_id)
    earliest: dict[str, tuple[str, str, str | None]] = {}  # part -> (date, doc_id, source)
    roots: dict[str, str] = {}
    for doc in documents:
        root = parts.find(doc.doc_id)
        roots[doc.doc_id] = root
        key = (doc.date or "~", doc.doc_id, doc.source)
        if root not in earliest or key[:2] < earliest[root][:2]:
            earliest[root] = key
    return {doc_id: split_of(earliest[root][1], earliest[root][2], ratios) for doc_id, root in roots.items()}


@dataclass
class Repetition:
    """How much of a dataset repeats itself, and whether anything crosses its splits."""

    quotations: int = 0
    shared: int = 0                 # in a cluster of two or more articles
    exact: int = 0                  # the same words as a quotation of another article
    by_source: dict[str, Counter] = field(default_factory=dict)  # source -> quotations / shared / exact
    clusters_across_splits: int = 0
    exact_across_splits: int = 0    # long enough to be clustered (min_words) and yet in two splits
    short_across_splits: int = 0    # formulas below min_words, kept apart on purpose

    @property
    def duplicate_rate(self) -> float:
        return self.shared / self.quotations if self.quotations else 0.0

    @property
    def exact_rate(self) -> float:
        return self.exact / self.quotations if self.quotations else 0.0


def repetition(rows: Iterable[tuple[Quotation, str, str | None]]) -> Repetition:
    """Measure repetition over (record, split, source) rows of a dataset."""
    min_words = load_cluster_settings().min_words
    rep = Repetition()
    cluster_splits: dict[str, set[str]] = {}
    words: dict[int, tuple[set[str], set[str], bool]] = {}  # content hash -> (articles, splits, long)
    keys = []
    for q, split, source in rows:
        counts = rep.by_source.setdefault(source or "(none)", Counter())
        counts["quotations"] += 1
        rep.quotations += 1
        if (q.cluster_documents or 0) > 1:
            rep.shared += 1
            counts["shared"] += 1
        if q.cluster_id is not None:
            cluster_splits.setdefault(q.cluster_id, set()).add(split)
        w = content_words(q.content)
        key = xxhash.xxh64_intdigest(" ".join(w).encode())
        docs, splits, _ = words.setdefault(key, (set(), set(), len(w) >= min_words))
        docs.add(q.doc_id)
        splits.add(split)
        keys.append((key, source))
    for key, source in keys:
        if len(words[key][0]) > 1:
            rep.exact += 1
            rep.by_source[source or "(none)"]["exact"] += 1
    rep.clusters_across_splits = sum(len(s) > 1 for s in cluster_splits.values())
    rep.exact_across_splits = sum(len(s) > 1 and long for _, s, long in words.values())
    rep.short_across_splits = sum(len(s) > 1 and not long for _, s, long in words.values())
    return rep


@dataclass(frozen=True)
class Leak:
    """Two quotations of different splits that are one statement by the cluster criteria."""

    a: str  # record ids
    b: str
    jaccard: float


def near_duplicate_leaks(rows: Iterable[tuple[Quotation, str]], compatible: SpeakerCompatibility,
                         threshold: float | None = None) -> list[Leak]:
    """Every pair of quotations in two different splits whose word 3-gram sets have a Jaccard
    similarity ≥ ``threshold`` (the clustering's by default) and whose speakers are
    compatible, found exactly (no sampling, no hashing estimate): an all-pairs similarity
    join with prefix filtering — two sets this similar share one of their rarest tokens.
    An audit of the splits, independent of the LSH that builds the clusters."""
    settings = load_cluster_settings()
    t = settings.threshold if threshold is None else threshold
    items: list[tuple[str, str, str | None, frozenset[str]]] = []
    for q, split in rows:
        w = content_words(q.content)
        if len(w) >= settings.min_words:
            items.append((q.id, split, q.speaker_key, frozenset(shingles(w, settings.shingle_words))))
    freq = Counter(g for *_, grams in items for g in grams)
    postings: dict[str, list[int]] = {}
    leaks = []
    for i, (rid, split, key, grams) in enumerate(items):
        prefix = sorted(grams, key=lambda g: (freq[g], g))[: len(grams) - math.ceil(t * len(grams)) + 1]
        seen: set[int] = set()
        for g in prefix:
            for j in postings.get(g, ()):
                if j in seen:
                    continue
                seen.add(j)
                other = items[j]
                if other[1] != split and compatible(key, other[2]):
                    jac = len(grams & other[3]) / len(grams | other[3])
                    if jac >= t:
                        leaks.append(Leak(other[0], rid, round(jac, 4)))
            postings.setdefault(g, []).append(i)
    return leaks
