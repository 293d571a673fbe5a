"""Label propagation inside quotation clusters, after a pull.

A human stance label on one member of a cluster (the same statement in several articles)
is offered to the members in articles nobody has annotated yet, as records with
``label_source: propagated``, the source annotation's id (``annotation_id``) and the source
record (``propagated_from``); a speaker name the annotator corrected goes with it. When the
humans of one cluster disagree on stance, nothing is propagated from it and the cluster is
listed as a :class:`Conflict` instead (a consistency report), never silently merged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from annotation.labelstudio.format import AnnotatedQuote
from quotes.record import Quotation


@dataclass(frozen=True)
class Conflict:
    """One cluster whose human labels disagree."""

    cluster_id: str
    labels: tuple[tuple[str, str, str | None, str | None], ...]  # (record id, doc_id, annotator, stance)

    def to_dict(self) -> dict[str, Any]:
        return {"cluster_id": self.cluster_id,
                "labels": [{"id": r, "doc_id": d, "annotator": a, "stance": s} for r, d, a, s in self.labels]}


@dataclass(frozen=True)
class Member:
    """A predicted quotation of an article that no annotator has submitted."""

    doc_id: str
    text: str
    quote: AnnotatedQuote
    cluster_id: str
    version: str


def cluster_of(clusters: Iterable[dict], start: int, end: int) -> dict | None:
    """The task's cluster entry for the span [start, end): the same span, else none."""
    for c in clusters:
        if isinstance(c, dict) and c.get("start") == start and c.get("end") == end:
            return c
    return None


def propagate(human: list[Quotation], members: Iterable[Member],
              make: Callable[[Member, Quotation], Quotation]) -> tuple[list[Quotation], list[Conflict]]:
    """Propagated records for ``members`` from the ``human`` records of their clusters, and
    the clusters whose human stance labels disagree. ``make`` builds a member's record
    carrying the source's labels."""
    by_cluster: dict[str, list[Quotation]] = {}
    for q in human:
        if q.cluster_id and q.stance and q.review_status != "deleted":
            by_cluster.setdefault(q.cluster_id, []).append(q)
    conflicts, sources = [], {}
    for cid, labelled in sorted(by_cluster.items()):
        if len({q.stance for q in labelled}) > 1:
            conflicts.append(Conflict(cid, tuple(sorted((q.id, q.doc_id, q.annotator, q.stance) for q in labelled))))
        else:
            sources[cid] = min(labelled, key=lambda q: (q.annotation_id or 0, q.id))
    out = [make(m, sources[m.cluster_id]) for m in members if m.cluster_id in sources]
    return out, conflicts
