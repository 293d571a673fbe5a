"""The Label Studio client: push pre-labelled articles to a project, pull annotators' work.

Built on ``label-studio-sdk`` 2.x (the network side; the task format and the review of
annotations are pure functions in :mod:`~annotation.labelstudio.format` and
:mod:`~annotation.labelstudio.review`). Pushing is batched, idempotent (a task is keyed on
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
from typing import Any, Callable, Iterable, Iterator, TypeVar

import httpx
from label_studio_sdk import LabelStudio
from label_studio_sdk.core.api_error import ApiError

from annotation.labelstudio.format import (SpanError, instructions_html, label_config, model_version,
                                          prediction_for, task_for, text_sha)
from annotation.labelstudio.queue import Order, queue
from annotation.labelstudio.review import PullReport, records_from_tasks
from quotes.io.atomic import atomic_open, dumps
from quotes.record import Document, Quotation
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
         batch_size: int = 500, on_batch: Callable[[PushReport], None] | None = None,
         order: Order = "uncertainty") -> PushReport:
    """Send every article with its pre-labels, in ``order`` (:mod:`annotation.labelstudio.queue`:
    new tasks are created, and so shown, in that order); safe to run again (nothing is duplicated)."""
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

    for rank, doc in enumerate(_in_order(read_document_records(documents_path, report.duplicates), by_doc, order), 1):
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
                new.append(task_for(doc, quotes, version, rank))
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


def _in_order(docs: Iterable[Document], by_doc: dict[str, list[Quotation]], order: Order) -> Iterator[Document]:
    """The documents in push order (streamed as read for ``document``)."""
    if order == "document":
        yield from docs
        return
    held = {d.doc_id: d for d in docs}
    for doc_id in queue([(d, by_doc.get(d, [])) for d in held], order):
        yield held[doc_id]


def _empty_version(by_doc: dict[str, list[Quotation]]) -> str:
    for quotes in by_doc.values():
        if quotes:
            return model_version(quotes)
    return "none"


# -- pull ---------------------------------------------------------------------------------------
def _as_dict(obj: Any) -> Any:
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if isinstance(obj, list):
        return [_as_dict(o) for o in obj]
    if isinstance(obj, dict):
        return {k: _as_dict(v) for k, v in obj.items()}
    return obj


def conflicts_path(output: Path) -> Path:
    """Where a pull lists the clusters whose human labels disagree, beside ``output``."""
    return output.with_name(f"{output.stem}.conflicts.jsonl")


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
    report.conflicts_path = conflicts_path(output)
    if report.conflicts:
        with atomic_open(report.conflicts_path) as fh:
            for c in report.conflicts:
                fh.write(dumps(c.to_dict()) + "\n")
    else:
        report.conflicts_path.unlink(missing_ok=True)  # an earlier pull's list no longer holds
    report.records = len(records)
    report.seconds = round(time.perf_counter() - t0, 2)
    return report
