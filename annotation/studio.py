"""Push pre-labelled articles to a Label Studio project and pull annotators' work back.

Built on ``label-studio-sdk`` 2.x. Pushing is batched, idempotent (a task is keyed on
the article's doc_id and a hash of its text; a new engine version adds a prediction to
the existing task instead of a new task) and resumable (a re-run after a failure pushes
only what is missing). Pulling saves the raw export first, then turns every submitted
annotation into records of the shared schema with their provenance.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import httpx
from label_studio_sdk import LabelStudio
from label_studio_sdk.core.api_error import ApiError

from annotation.ls_format import (AnnotatedQuote, SpanError, SpanProblem, instructions_html, label_config,
                                  model_version, prediction_for, quotes_of, regions_of, task_for, text_sha)
from quotes.io.atomic import atomic_open, dumps
from quotes.record import Quotation
from quotes.io.redact import without_userinfo
from quotes.io.recordsio import read_document_records, read_records

T = TypeVar("T")
RETRIES = 5
BACKOFF = 0.5


class StudioError(RuntimeError):
    """A Label Studio operation failed; the message says what was and was not done."""


def connect(url: str, token: str, timeout: float = 60.0) -> LabelStudio:
    """A client whose token is checked at once (a wrong token is a clear 401 message)."""
    client = LabelStudio(base_url=url.rstrip("/"), api_key=token, timeout=timeout)
    call(lambda: client.users.whoami(), "checking the API token", without_userinfo(url))
    return client


def call(fn: Callable[[], T], what: str, url: str = "", retries: int = RETRIES, done: str = "") -> T:
    """Run one API call, retrying with exponential backoff while the server is down or
    restarting; a refused token or a rejected request fails at once."""
    delay = BACKOFF
    for attempt in range(1, retries + 1):
        try:
            return fn()
        except ApiError as exc:
            if exc.status_code in (401, 403):
                raise StudioError(f"Label Studio refused the API token ({exc.status_code}) while {what}: "
                                  "set LABEL_STUDIO_API_KEY (or --token-file) to a valid token") from None
            if exc.status_code is not None and exc.status_code < 500:
                raise StudioError(f"Label Studio rejected the request while {what} "
                                  f"({exc.status_code}: {_short(exc.body)}){done}") from None
            last = f"HTTP {exc.status_code}"
        except (httpx.TransportError, ConnectionError, OSError) as exc:
            last = type(exc).__name__
        if attempt < retries:
            time.sleep(delay)
            delay *= 2
    raise StudioError(f"Label Studio at {url or 'the server'} did not answer while {what} "
                      f"({last}, {retries} attempts){done}")


def _short(body: Any) -> str:
    text = json.dumps(body, ensure_ascii=False) if not isinstance(body, str) else body
    return text[:300]


def find_project(client: LabelStudio, title: str, url: str = "") -> Any | None:
    projects = call(lambda: list(client.projects.list(title=title)), "listing projects", url)
    for p in projects:
        if p.title == title:
            return p
    return None


def ensure_project(client: LabelStudio, title: str, url: str = "") -> Any:
    """The project called ``title``, created with our labelling config if it is new."""
    project = find_project(client, title, url)
    if project is not None:
        return project
    return call(lambda: client.projects.create(
        title=title, label_config=label_config(), expert_instruction=instructions_html(), show_instruction=True,
        description="Quotations, speakers and stance in Arabic news (arabic-quotes)."),
        f"creating project {title!r}", url)


def existing_tasks(client: LabelStudio, project_id: int, url: str = "") -> dict[tuple[str, str], dict]:
    """(doc_id, text hash) → {id, versions} of the tasks already in the project."""
    def fetch() -> dict[tuple[str, str], dict]:
        out: dict[tuple[str, str], dict] = {}
        for t in client.tasks.list(project=project_id, fields="all", page_size=1000):
            data = t.data or {}
            key = (str(data.get("doc_id")), str(data.get("text_sha")))
            entry = out.setdefault(key, {"id": t.id, "versions": set()})
            for p in t.predictions or []:
                mv = p.get("model_version") if isinstance(p, dict) else getattr(p, "model_version", None)
                entry["versions"].add(mv)
        return out
    return call(fetch, "listing existing tasks", url)


@dataclass
class PushReport:
    project_id: int = 0
    tasks_created: int = 0
    predictions_added: int = 0
    unchanged: int = 0
    documents: int = 0
    batches: int = 0
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)  # articles not pushed, and why
    duplicates: list[str] = field(default_factory=list)  # documents skipped for a repeated id


def push(client: LabelStudio, records_path: Path, documents_path: Path, title: str, url: str = "",
         batch_size: int = 500, on_batch: Callable[[PushReport], None] | None = None) -> PushReport:
    """Send every article with its pre-labels; safe to run again (nothing is duplicated)."""
    t0 = time.perf_counter()
    by_doc: dict[str, list[Quotation]] = defaultdict(list)
    for q in read_records(records_path):
        by_doc[q.doc_id].append(q)
    project = ensure_project(client, title, url)
    report = PushReport(project_id=project.id)
    existing = existing_tasks(client, project.id, url)
    empty_version = _empty_version(by_doc)   # for articles without quotations
    new: list[dict] = []                     # tasks (with their prediction) of articles not yet there
    more: list[dict] = []                    # predictions of a new engine version for existing tasks

    def progress() -> str:
        return (f"; so far {report.tasks_created} tasks created and {report.predictions_added} predictions added "
                f"in project {title!r} — run the same command again to push the rest")

    def import_predictions(preds: list[dict], what: str) -> None:
        call(lambda: client.projects.import_predictions(project.id, request=preds), what, url, done=progress())

    def flush_new() -> None:
        """New tasks with their predictions inline: one request, all or nothing (measured
        faster here than tasks first and predictions in bulk after)."""
        if not new:
            return
        items = list(new)
        new.clear()
        call(lambda: client.projects.import_tasks(project.id, request=items, return_task_ids=True),
             f"importing {len(items)} tasks", url, done=progress())
        report.tasks_created += len(items)
        report.batches += 1
        if on_batch is not None:
            on_batch(report)

    def flush_more() -> None:
        if not more:
            return
        items = list(more)
        more.clear()
        import_predictions(items, f"adding {len(items)} predictions of a new engine version")
        report.predictions_added += len(items)
        report.batches += 1
        if on_batch is not None:
            on_batch(report)

    for doc in read_document_records(documents_path, report.duplicates):
        key = (doc.doc_id, text_sha(doc.text))
        report.documents += 1
        quotes = by_doc.get(doc.doc_id, [])
        version = model_version(quotes) if quotes else empty_version
        try:
            if key in existing:
                if version in existing[key]["versions"]:
                    report.unchanged += 1
                    continue
                more.append({"task": existing[key]["id"], **prediction_for(quotes, doc.text, version)})
                existing[key]["versions"].add(version)
            else:
                new.append(task_for(doc, quotes, version))
        except SpanError as exc:  # one bad article is reported and skipped; the push goes on
            report.failed.append(f"{records_path}: document {doc.doc_id}: {exc}")
            continue
        if len(new) >= batch_size:
            flush_new()
        if len(more) >= batch_size:
            flush_more()
    flush_new()
    flush_more()
    report.seconds = round(time.perf_counter() - t0, 2)
    return report


def _empty_version(by_doc: dict[str, list[Quotation]]) -> str:
    for quotes in by_doc.values():
        if quotes:
            return model_version(quotes)
    return "none"


# -- pull ---------------------------------------------------------------------------------------
@dataclass
class PullReport:
    tasks: int = 0
    annotations: int = 0
    records: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    repaired: int = 0
    problems: list[SpanProblem] = field(default_factory=list)
    raw_path: Path | None = None
    seconds: float = 0.0


def _as_dict(obj: Any) -> Any:
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if isinstance(obj, list):
        return [_as_dict(o) for o in obj]
    if isinstance(obj, dict):
        return {k: _as_dict(v) for k, v in obj.items()}
    return obj


def raw_export_path(output: Path) -> Path:
    """A new file beside ``output`` for this pull's raw export (never an earlier one)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    p = output.with_name(f"{output.stem}.raw-{stamp}.json")
    n = 1
    while p.exists():
        p = output.with_name(f"{output.stem}.raw-{stamp}-{n}.json")
        n += 1
    return p


def pull(client: LabelStudio, title: str, output: Path, url: str = "") -> PullReport:
    """Every submitted annotation of the project as records; the raw export is kept."""
    t0 = time.perf_counter()
    project = find_project(client, title, url)
    if project is None:
        raise StudioError(f"no project called {title!r} on {url or 'the server'}")
    tasks = call(lambda: [_as_dict(t) for t in client.tasks.list(project=project.id, fields="all", page_size=1000)],
                 "reading tasks and annotations", url)
    users = call(lambda: {u.id: (u.email or u.username or str(u.id)) for u in client.users.list()}, "listing users", url)
    report = PullReport(tasks=len(tasks))
    report.raw_path = raw_export_path(output)
    with atomic_open(report.raw_path) as fh:
        json.dump({"project": {"id": project.id, "title": title}, "tasks": tasks}, fh, ensure_ascii=False)
    records = records_from_tasks(tasks, users, report)
    with atomic_open(output) as fh:
        for r in records:
            fh.write(dumps(r.to_dict()) + "\n")
    report.records = len(records)
    report.seconds = round(time.perf_counter() - t0, 2)
    return report


def _latest_prediction(task: dict) -> dict | None:
    preds = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    if not preds:
        return None
    return max(preds, key=lambda p: (str(p.get("created_at") or ""), p.get("id") or 0))


def records_from_tasks(tasks: Iterable[dict], users: dict[int, str], report: PullReport) -> list[Quotation]:
    """Records of every submitted annotation (accepted, edited, added, and deleted predictions)."""
    out: list[Quotation] = []
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
                rec = _record(doc_id, text, aq, predicted[j] if j is not None else None, ann, annotator, version,
                              any(r in repaired for r in _ids(aq)))
                out.append(rec)
                report.by_status[rec.review_status or ""] += 1
                report.repaired += rec.repaired
            for j, pq in enumerate(predicted):
                if j not in matched_pred:
                    rec = _record(doc_id, text, pq, None, ann, annotator, version, False, deleted=True)
                    out.append(rec)
                    report.by_status["deleted"] += 1
    return out


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
        inter = min(a.end, b.end) - max(a.start, b.start)
        if inter <= 0:
            continue
        share = inter / min(a.end - a.start, b.end - b.start)
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
