"""How annotators' work becomes records: each submitted annotation is matched with the
prediction it reviewed, and every field the annotator changed is named (pure functions;
the client fetches the tasks)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from annotation.agreement import overlap_share
from annotation.labelstudio.format import AnnotatedQuote, SpanProblem, quotes_of, regions_of
from annotation.labelstudio.propagation import Conflict, Member, cluster_of, propagate
from quotes.record import Quotation


@dataclass
class PullReport:
    tasks: int = 0
    annotations: int = 0
    records: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    repaired: int = 0
    problems: list[SpanProblem] = field(default_factory=list)
    propagated: int = 0                                       # records offered a label of their cluster
    conflicts: list[Conflict] = field(default_factory=list)   # clusters whose human labels disagree
    raw_path: Path | None = None
    conflicts_path: Path | None = None
    seconds: float = 0.0


def _latest_prediction(task: dict) -> dict | None:
    preds = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    if not preds:
        return None
    return max(preds, key=lambda p: (str(p.get("created_at") or ""), p.get("id") or 0))


def records_from_tasks(tasks: Iterable[dict], users: dict[int, str], report: PullReport) -> list[Quotation]:
    """Records of every submitted annotation (accepted, edited, added, and deleted predictions),
    then the labels they propagate to unannotated members of their clusters
    (:mod:`annotation.labelstudio.propagation`)."""
    out: list[Quotation] = []
    members: list[Member] = []
    for task in tasks:
        data = task.get("data") or {}
        text = data.get("text") or ""
        doc_id = str(data.get("doc_id"))
        pred = _latest_prediction(task)
        predicted: list[AnnotatedQuote] = []
        version = "none"
        if pred is not None:
            regions, rels, problems, _ = regions_of(pred.get("result") or [], text, task.get("id"))
            predicted = quotes_of(regions, rels)
            version = pred.get("model_version") or "none"
        clusters = data.get("clusters") or []
        submitted = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        if not submitted:
            for pq in predicted:
                c = cluster_of(clusters, pq.quote.start, pq.quote.end)
                if c is not None and c.get("cluster_id"):
                    members.append(Member(doc_id, text, pq, str(c["cluster_id"]), version))
        for ann in task.get("annotations") or []:
            if ann.get("was_cancelled"):
                continue
            report.annotations += 1
            regions, rels, problems, repaired = regions_of(ann.get("result") or [], text, task.get("id"), ann.get("id"))
            report.problems.extend(problems)
            annotated = quotes_of(regions, rels)
            annotator = users.get(ann.get("completed_by"), str(ann.get("completed_by")))
            matched_pred: set[int] = set()
            for aq in annotated:
                j = _counterpart(aq, predicted, matched_pred)
                if j is not None:
                    matched_pred.add(j)
                counterpart = predicted[j] if j is not None else None
                rec = _record(doc_id, text, aq, counterpart, ann, annotator, version,
                              any(r in repaired for r in _ids(aq)))
                rec = _with_cluster(rec, clusters, counterpart or aq)
                out.append(rec)
                report.by_status[rec.review_status or ""] += 1
                report.repaired += rec.repaired
            for j, pq in enumerate(predicted):
                if j not in matched_pred:
                    rec = _with_cluster(_record(doc_id, text, pq, None, ann, annotator, version, False, deleted=True),
                                        clusters, pq)
                    out.append(rec)
                    report.by_status["deleted"] += 1
    offered, report.conflicts = propagate(out, members, _propagated)
    report.propagated = len(offered)
    return out + offered


def _with_cluster(rec: Quotation, clusters: list, aq: AnnotatedQuote) -> Quotation:
    """The record with the cluster of the predicted span it reviews (none for an added one)."""
    c = cluster_of(clusters, aq.quote.start, aq.quote.end)
    if c is None:
        return rec
    return rec.replace(cluster_id=c.get("cluster_id"), cluster_documents=c.get("cluster_documents"))


def _propagated(member: Member, source: Quotation) -> Quotation:
    """A member's predicted quotation with the stance (and corrected speaker name) of ``source``."""
    rec = _record(member.doc_id, member.text, member.quote, None, {"id": source.annotation_id}, source.annotator or "",
                  member.version, False)
    name = source.speaker_name if "speaker_name" in (source.edited_fields or ()) else rec.speaker_name
    return rec.replace(id=f"{member.doc_id}:{rec.cue_start}:{rec.content_start}:p{source.annotation_id}",
                       label_source="propagated", review_status=None, stance=source.stance, speaker_name=name,
                       propagated_from=source.id, cluster_id=member.cluster_id,
                       cluster_documents=source.cluster_documents)


def _ids(aq: AnnotatedQuote) -> list[str]:
    return [r.id for r in (aq.quote, aq.speaker, aq.cue) if r is not None]


def _counterpart(aq: AnnotatedQuote, predicted: list[AnnotatedQuote], used: set[int]) -> int | None:
    """The predicted quotation this annotated one corresponds to: same span, or else the
    one it overlaps most (by characters, at least half of the shorter)."""
    best, best_overlap = None, 0.0
    for j, pq in enumerate(predicted):
        if j in used:
            continue
        a, b = aq.quote, pq.quote
        if (a.start, a.end) == (b.start, b.end):
            return j
        share = overlap_share(a.start, a.end, b.start, b.end)
        if share >= 0.5 and share > best_overlap:
            best, best_overlap = j, share
    return best


def _fields(aq: AnnotatedQuote) -> dict[str, Any]:
    q = aq.quote
    return {
        "content": (q.start, q.end),
        "type": q.choices.get("type"),
        "stance": q.choices.get("stance"),
        "speaker_gender": q.choices.get("speaker_gender"),
        "speaker_name": q.full_name or (aq.speaker.text if aq.speaker else None),
        "speaker": (aq.speaker.start, aq.speaker.end) if aq.speaker else None,
        "cue": (aq.cue.start, aq.cue.end) if aq.cue else None,
    }


def _record(doc_id: str, text: str, aq: AnnotatedQuote, counterpart: AnnotatedQuote | None, ann: dict,
            annotator: str, version: str, repaired: bool, deleted: bool = False) -> Quotation:
    mine = _fields(aq)
    theirs = _fields(counterpart) if counterpart is not None else {}
    if deleted:
        status, edited = "deleted", None
    elif counterpart is None:
        status, edited = "added", None
    else:
        edited = [k for k in mine if mine[k] != theirs.get(k)]
        status = "edited" if edited else "accepted"
    q = aq.quote
    qtype = mine["type"] or theirs.get("type") or ("direct" if text[max(0, q.start - 1):q.start] in '"“”«' else "indirect")
    cue = aq.cue or (counterpart.cue if counterpart else None)
    cue_start, cue_end = (cue.start, cue.end) if cue else (q.start, q.start)
    speaker = aq.speaker
    aid = ann.get("id")
    return Quotation(
        id=f"{doc_id}:{cue_start}:{q.start}:a{aid}",
        doc_id=doc_id, type=qtype, content=text[q.start:q.end], content_start=q.start, content_end=q.end,
        cue=text[cue_start:cue_end], cue_start=cue_start, cue_end=cue_end,
        speaker_mention=speaker.text if speaker else None,
        speaker_start=speaker.start if speaker else None, speaker_end=speaker.end if speaker else None,
        speaker_name=mine["speaker_name"] or theirs.get("speaker_name"),
        speaker_gender=mine["speaker_gender"] or theirs.get("speaker_gender") or "unknown",
        rule="annotation", engine_version=version,
        stance=mine["stance"] or theirs.get("stance"),
        label_source="human", annotator=annotator, annotation_id=aid, review_status=status,
        edited_fields=edited or None, repaired=repaired,
        annotation_created=ann.get("created_at"), annotation_updated=ann.get("updated_at"),
    )
