"""Inter-annotator agreement and pre-label quality from pulled (human) records.

* Span F1 between every pair of annotators of the same article: quotations match when
  their content spans share at least half of the shorter one.
* Per field (stance, type, speaker gender) on matched quotations: Cohen's kappa pooled
  over annotator pairs, and Krippendorff's alpha (nominal) over all annotators.
* Pre-label quality: how often annotators accepted each field of the engine's
  prediction, and how many quotations they added or deleted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable

from quotes.record import Quotation

FIELDS = ("stance", "type", "speaker_gender")
PRELABEL_FIELDS = ("content", "type", "stance", "speaker_gender", "speaker_name", "speaker", "cue")


def overlap_share(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """How much of the shorter of two spans the other covers (0 when they do not overlap)."""
    inter = min(a_end, b_end) - max(a_start, b_start)
    if inter <= 0:
        return 0.0
    return inter / max(1, min(a_end - a_start, b_end - b_start))


def spans_match(a: Quotation, b: Quotation) -> bool:
    """Two annotators marked the same quotation: their contents overlap by half the shorter."""
    return overlap_share(a.content_start, a.content_end, b.content_start, b.content_end) >= 0.5


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of paired labels (None when undefined: no pairs)."""
    n = len(pairs)
    if not n:
        return None
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if pe == 1:
        return 1.0 if po == 1 else 0.0
    return (po - pe) / (1 - pe)


def krippendorff_alpha(units: list[list[str]]) -> float | None:
    """Krippendorff's alpha for nominal data; each unit lists the values annotators gave."""
    units = [u for u in units if len(u) >= 2]
    if not units:
        return None
    coincidence: Counter[tuple[str, str]] = Counter()
    for u in units:
        m = len(u)
        for i, a in enumerate(u):
            for j, b in enumerate(u):
                if i != j:
                    coincidence[(a, b)] += 1 / (m - 1)
    n_c: Counter[str] = Counter()
    for (a, _), v in coincidence.items():
        n_c[a] += v
    n = sum(n_c.values())
    observed = sum(v for (a, b), v in coincidence.items() if a != b)
    expected = sum(n_c[a] * n_c[b] for a in n_c for b in n_c if a != b) / (n - 1) if n > 1 else 0
    if expected == 0:
        return 1.0 if observed == 0 else 0.0
    return 1 - observed / expected


@dataclass
class AgreementReport:
    documents: int = 0
    annotators: int = 0
    pairs: int = 0
    span_f1: float | None = None
    kappa: dict[str, float | None] = field(default_factory=dict)
    alpha: dict[str, float | None] = field(default_factory=dict)
    statuses: Counter = field(default_factory=Counter)
    field_acceptance: dict[str, float | None] = field(default_factory=dict)
    acceptance_rate: float | None = None


def agreement(records: Iterable[Quotation]) -> AgreementReport:
    human = [r for r in records if r.label_source == "human"]
    report = AgreementReport()
    report.statuses = Counter(r.review_status or "?" for r in human)
    kept = [r for r in human if r.review_status != "deleted"]
    by_doc: dict[str, dict[str, list[Quotation]]] = defaultdict(lambda: defaultdict(list))
    for r in kept:
        by_doc[r.doc_id][r.annotator or "?"].append(r)
    report.documents = len(by_doc)
    report.annotators = len({r.annotator for r in kept})
    matched_total = spans_total = 0
    pairs_by_field: dict[str, list[tuple[str, str]]] = {f: [] for f in FIELDS}
    units_by_field: dict[str, list[list[str]]] = {f: [] for f in FIELDS}
    for doc, per_annotator in by_doc.items():
        names = sorted(per_annotator)
        for a, b in combinations(names, 2):
            report.pairs += 1
            qa, qb = per_annotator[a], per_annotator[b]
            used: set[int] = set()
            for x in qa:
                for j, y in enumerate(qb):
                    if j not in used and spans_match(x, y):
                        used.add(j)
                        matched_total += 2
                        for f in FIELDS:
                            pairs_by_field[f].append((str(getattr(x, f)), str(getattr(y, f))))
                        break
            spans_total += len(qa) + len(qb)
        clusters: list[list[Quotation]] = []  # one unit per quotation, whoever marked it
        for name in names:
            for q in per_annotator[name]:
                for c in clusters:
                    if spans_match(c[0], q) and all(o.annotator != q.annotator for o in c):
                        c.append(q)
                        break
                else:
                    clusters.append([q])
        for c in clusters:
            for f in FIELDS:
                units_by_field[f].append([str(getattr(q, f)) for q in c])
    report.span_f1 = round(matched_total / spans_total, 4) if spans_total else None
    for f in FIELDS:
        k = cohen_kappa(pairs_by_field[f])
        a = krippendorff_alpha(units_by_field[f])
        report.kappa[f] = round(k, 4) if k is not None else None
        report.alpha[f] = round(a, 4) if a is not None else None
    reviewed = [r for r in human if r.review_status in ("accepted", "edited")]
    for f in PRELABEL_FIELDS:
        report.field_acceptance[f] = (round(sum(1 for r in reviewed if f not in (r.edited_fields or []))
                                            / len(reviewed), 4) if reviewed else None)
    judged = report.statuses["accepted"] + report.statuses["edited"] + report.statuses["deleted"]
    report.acceptance_rate = round(report.statuses["accepted"] / judged, 4) if judged else None
    return report
