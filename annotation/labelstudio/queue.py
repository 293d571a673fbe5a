"""The order in which articles reach annotators (``quotes push --order``).

``uncertainty``: the least certain articles first — an article is as uncertain as its least
confident quotation (``confidence``: how often its rule and speaker step are right) — and one
article per statement first: an article none of whose repeated statements (clusters of two or
more articles) has been queued yet goes into the first round, so annotators never see the same
statement twice before every statement has been seen once; the other articles follow, in the
same order of uncertainty. Articles without quotations come last in each round.
``document``: the order of the documents file.
"""

from __future__ import annotations

from typing import Literal, Sequence

from quotes.record import Quotation

Order = Literal["uncertainty", "document"]
ORDERS: tuple[str, ...] = ("uncertainty", "document")


def article_confidence(quotes: Sequence[Quotation]) -> float | None:
    """The confidence of an article: that of its least confident quotation (None: no quotation
    or no confidence)."""
    values = [q.confidence for q in quotes if q.confidence is not None]
    return min(values) if values else None


def queue(articles: Sequence[tuple[str, Sequence[Quotation]]], order: Order = "uncertainty") -> list[str]:
    """The document ids of ``articles`` (id, quotations) in the order to annotate them."""
    if order == "document":
        return [doc_id for doc_id, _ in articles]
    if order != "uncertainty":
        raise ValueError(f"order is one of {', '.join(ORDERS)}, not {order!r}")

    def key(item: tuple[int, tuple[str, Sequence[Quotation]]]) -> tuple[bool, float, int]:
        n, (_, quotes) = item
        conf = article_confidence(quotes)
        return (conf is None, conf if conf is not None else 1.0, n)

    ranked = sorted(enumerate(articles), key=key)
    seen: set[str] = set()
    first, later = [], []
    for _, (doc_id, quotes) in ranked:
        repeated = {q.cluster_id for q in quotes if q.cluster_id and (q.cluster_documents or 0) > 1}
        if repeated & seen:
            later.append(doc_id)
        else:
            first.append(doc_id)
            seen |= repeated
    return first + later
