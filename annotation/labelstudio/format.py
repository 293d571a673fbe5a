"""The Label Studio side of the record schema: labelling config, tasks, predictions,
and annotations turned back into records. Pure functions, no network.

A task is one article: ``data = {text, doc_id, text_sha, source, url, title, date}``.
A prediction (or an annotation) holds, per quotation ``n``, the regions ``q<n>`` (Quote),
``s<n>`` (Speaker) and ``c<n>`` (Cue) as span labels; the Quote region carries per-region
choices (type, stance, speaker gender) and the speaker's full name (text area), and two
relations link it: ``q<n> → s<n>`` (said_by) and ``q<n> → c<n>`` (cue). Offsets are
Unicode code points, as Python indexes strings and as the Label Studio editor counts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Iterable, Sequence

from annotation.labelstudio.queue import article_confidence
from quotes.record import GENDERS, QUOTE_TYPES, STANCES, Document, Quotation

FROM_LABELS = "label"
TO_NAME = "text"
QUOTE, SPEAKER, CUE = "Quote", "Speaker", "Cue"
SAID_BY, CUE_REL = "said_by", "cue"


def label_config() -> str:
    """The labelling config: right-to-left text, span labels, relations, per-region choices."""
    choices = "\n".join(
        f'      <Choices name="{name}" toName="{TO_NAME}" perRegion="true" choice="single-radio" '
        f'showInline="true">\n        <Header value="{title}" size="6"/>\n'
        + "\n".join(f'        <Choice value="{v}"/>' for v in values) + "\n      </Choices>"
        for name, title, values in (("type", "Type / النوع", QUOTE_TYPES), ("stance", "Stance / الموقف", STANCES),
                                    ("speaker_gender", "Speaker gender / جنس المتكلم", GENDERS)))
    return f"""<View style="direction: rtl; text-align: right">
  <Header value="اقتباسات: حدد الاقتباس والمتكلم وأداة الإسناد"/>
  <Labels name="{FROM_LABELS}" toName="{TO_NAME}">
    <Label value="{QUOTE}" background="#2e86de" hotkey="q"/>
    <Label value="{SPEAKER}" background="#10ac84" hotkey="s"/>
    <Label value="{CUE}" background="#ee5253" hotkey="c"/>
  </Labels>
  <Relations>
    <Relation value="{SAID_BY}"/>
    <Relation value="{CUE_REL}"/>
  </Relations>
  <View style="direction: rtl; font-size: 18px; line-height: 2; font-family: 'Noto Naskh Arabic', 'Amiri', 'Segoe UI', Tahoma, sans-serif">
    <Text name="{TO_NAME}" value="${TO_NAME}" granularity="symbol"/>
  </View>
  <View visibleWhen="region-selected" whenLabelValue="{QUOTE}">
{choices}
      <Header value="Speaker's full name / الاسم الكامل للمتكلم" size="6"/>
      <TextArea name="speaker_name" toName="{TO_NAME}" perRegion="true" editable="true" maxSubmissions="1" rows="1"/>
  </View>
</View>
"""


def instructions_html() -> str:
    """The annotation guidelines shown to annotators (``expert_instruction``)."""
    return (resources.files("annotation") / "guidelines.html").read_text(encoding="utf-8")


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def task_data(doc: Document, quotes: Sequence[Quotation] = (), rank: int | None = None) -> dict[str, Any]:
    """The task's data: the article, and the statements its quotations belong to (their
    spans and ``cluster_id``: how ``quotes pull`` offers a label to the other members)."""
    data = {"text": doc.text, "doc_id": doc.doc_id, "text_sha": text_sha(doc.text), "source": doc.source or "",
            "url": doc.url or "", "title": doc.title or "", "date": doc.date or "",
            "clusters": [{"start": q.content_start, "end": q.content_end, "cluster_id": q.cluster_id,
                          "cluster_documents": q.cluster_documents}
                         for q in quotes if q.cluster_id is not None]}
    if rank is not None:
        data["queue_rank"] = rank  # the place in the push order (sortable in the Data Manager)
    return data


def _region(rid: str, start: int, end: int, text: str, label: str) -> dict[str, Any]:
    return {"id": rid, "from_name": FROM_LABELS, "to_name": TO_NAME, "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def _per_region(rid: str, q: Quotation, name: str, kind: str, value: Any) -> dict[str, Any]:
    """A per-region choice or text area: tied to the Quote region by its id and offsets
    (the span's text is in the region itself, not repeated here)."""
    key = "choices" if kind == "choices" else "text"
    return {"id": rid, "from_name": name, "to_name": TO_NAME, "type": kind,
            "value": {"start": q.content_start, "end": q.content_end, key: value}}


def _relation(a: str, b: str, label: str) -> dict[str, Any]:
    return {"type": "relation", "from_id": a, "to_id": b, "direction": "right", "labels": [label]}


class SpanError(ValueError):
    """A span does not slice the task text; the message names the record."""


def result_for(quotes: Sequence[Quotation], text: str) -> list[dict[str, Any]]:
    """Prediction ``result`` for the quotations of one article (spans checked first)."""
    out: list[dict[str, Any]] = []
    for n, q in enumerate(sorted(quotes, key=lambda q: (q.content_start, q.cue_start)), 1):
        problems = q.check_spans(text)
        if problems:
            raise SpanError(f"record {q.id!r}: {'; '.join(problems)}")
        qid, sid, cid = f"q{n}", f"s{n}", f"c{n}"
        quote_region = _region(qid, q.content_start, q.content_end, q.content, QUOTE)
        # why the engine proposed it, shown to the annotator as the region's meta
        why = f"rule: {q.rule}" + (f" · speaker {q.speaker_id}: {q.speaker_rule}" if q.speaker_rule else "")
        if q.confidence is not None:
            why += f" · confidence {q.confidence:.2f}"
        if (q.cluster_documents or 0) > 1:
            why += f" · the same statement is in {q.cluster_documents} articles"
        quote_region["meta"] = {"text": [why]}
        out.append(quote_region)
        out.append(_per_region(qid, q, "type", "choices", [q.type]))
        if q.stance:
            stance = _per_region(qid, q, "stance", "choices", [q.stance])
            if q.stance_score is not None:
                stance["score"] = q.stance_score  # the calibrated probability that the label is right
            out.append(stance)
        out.append(_per_region(qid, q, "speaker_gender", "choices", [q.speaker_gender]))
        if q.speaker_name:
            out.append(_per_region(qid, q, "speaker_name", "textarea", [q.speaker_name]))
        out.append(_region(cid, q.cue_start, q.cue_end, q.cue, CUE))
        out.append(_relation(qid, cid, CUE_REL))
        if q.speaker_start is not None and q.speaker_end is not None and q.speaker_mention:
            out.append(_region(sid, q.speaker_start, q.speaker_end, q.speaker_mention, SPEAKER))
            out.append(_relation(qid, sid, SAID_BY))
    return out


def model_version(quotes: Iterable[Quotation]) -> str:
    versions = sorted({q.engine_version for q in quotes})
    return versions[0] if len(versions) == 1 else ("|".join(versions) if versions else "none")


def prediction_for(quotes: Sequence[Quotation], text: str, version: str) -> dict[str, Any]:
    """The prediction of one article; its ``score`` is the article's extraction confidence
    (that of its least confident quotation), so the Data Manager sorts by uncertainty; each
    stance choice carries its own calibrated ``score``."""
    confidence = article_confidence(quotes)
    return {"model_version": version, "score": round(confidence, 4) if confidence is not None else 1.0,
            "result": result_for(quotes, text)}


def task_for(doc: Document, quotes: Sequence[Quotation], version: str, rank: int | None = None) -> dict[str, Any]:
    """A task to import, with its prediction inline (the format of the tasks file)."""
    return {"data": task_data(doc, quotes, rank), "predictions": [prediction_for(quotes, doc.text, version)]}


# -- annotations back into records --------------------------------------------------------------
@dataclass
class Region:
    id: str
    label: str
    start: int
    end: int
    text: str
    choices: dict[str, str] = field(default_factory=dict)
    full_name: str | None = None


@dataclass
class SpanProblem:
    """A region whose text could not be found in the task (reported, never dropped silently)."""

    task_id: int | None
    annotation_id: int | None
    region_id: str
    message: str

    def __str__(self) -> str:
        return f"task {self.task_id}, annotation {self.annotation_id}, region {self.region_id}: {self.message}"


def repair_span(text: str, start: int, end: int, value: str) -> tuple[int, int, bool] | None:
    """Make ``(start, end)`` slice ``value`` out of ``text``.

    Returns the span and whether it was moved, or ``None`` when ``value`` is nowhere in
    the text. Label Studio users report off-by-one and past-the-end offsets on RTL text
    with emoji; the nearest occurrence of the recorded text is taken.
    """
    if 0 <= start <= end <= len(text) and text[start:end] == value:
        return start, end, False
    if not value:
        return None
    best = None
    i = text.find(value)
    while i >= 0:
        if best is None or abs(i - start) < abs(best - start):
            best = i
        i = text.find(value, i + 1)
    if best is None:
        stripped = value.strip()
        if stripped and stripped != value:
            return repair_span(text, start, end, stripped)
        return None
    return best, best + len(value), True


def regions_of(result: Iterable[dict[str, Any]], text: str, task_id: int | None = None,
               annotation_id: int | None = None) -> tuple[dict[str, Region], list[tuple[str, str, str]],
                                                           list[SpanProblem], set[str]]:
    """Regions (spans checked and repaired), relations ``(from, to, label)``, problems,
    and the ids of regions whose span was repaired."""
    regions: dict[str, Region] = {}
    relations: list[tuple[str, str, str]] = []
    problems: list[SpanProblem] = []
    repaired: set[str] = set()
    per_region: list[dict[str, Any]] = []
    for item in result:
        kind = item.get("type")
        if kind == "relation":
            for lab in item.get("labels") or [""]:
                relations.append((item.get("from_id"), item.get("to_id"), lab))
        elif kind == "labels":
            v = item.get("value") or {}
            labels = v.get("labels") or []
            if not labels:
                continue
            rid = str(item.get("id"))
            start, end, value = v.get("start"), v.get("end"), v.get("text")
            if not isinstance(start, int) or not isinstance(end, int):
                problems.append(SpanProblem(task_id, annotation_id, rid, f"offsets {start!r}..{end!r} are not integers"))
                continue
            if value is None:
                value = text[start:end] if 0 <= start <= end <= len(text) else ""
            fixed = repair_span(text, start, end, value)
            if fixed is None:
                problems.append(SpanProblem(task_id, annotation_id, rid,
                                            f"text {value!r} at [{start}, {end}) is not in the task text"))
                continue
            if fixed[2]:
                repaired.add(rid)
            regions[rid] = Region(rid, labels[0], fixed[0], fixed[1], text[fixed[0]:fixed[1]])
        elif kind in ("choices", "textarea"):
            per_region.append(item)
    for item in per_region:
        region = regions.get(str(item.get("id")))
        if region is None:
            continue
        v = item.get("value") or {}
        if item["type"] == "choices" and v.get("choices"):
            region.choices[item.get("from_name")] = v["choices"][0]
        elif item["type"] == "textarea" and v.get("text"):
            texts = v["text"] if isinstance(v["text"], list) else [v["text"]]
            region.full_name = " ".join(str(t).strip() for t in texts if str(t).strip()) or None
    return regions, relations, problems, repaired


@dataclass
class AnnotatedQuote:
    """One Quote region of a result with what hangs on it."""

    quote: Region
    speaker: Region | None
    cue: Region | None


def quotes_of(regions: dict[str, Region], relations: list[tuple[str, str, str]]) -> list[AnnotatedQuote]:
    out = []
    for r in regions.values():
        if r.label != QUOTE:
            continue
        speaker = cue = None
        for a, b, lab in relations:
            if a != r.id and b != r.id:
                continue
            other = regions.get(b if a == r.id else a)
            if other is None:
                continue
            if other.label == SPEAKER and (lab in (SAID_BY, "") or speaker is None):
                speaker = other
            elif other.label == CUE and (lab in (CUE_REL, "") or cue is None):
                cue = other
        out.append(AnnotatedQuote(r, speaker, cue))
    return sorted(out, key=lambda a: (a.quote.start, a.quote.end))
