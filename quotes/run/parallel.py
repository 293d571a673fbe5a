"""Run the pipeline on several processes, keeping input order and bounded memory.

Documents are grouped into batches; at most ``2 × workers`` batches are in flight, so
memory does not grow with the corpus; results come back in input order, so the output
of ``--workers N`` is byte-identical to one worker's. Bad inputs pass through unchanged.
"""

from __future__ import annotations

import os
import signal
import threading
import traceback
from collections import deque
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Iterator, NamedTuple

from quotes.clusters import Fingerprint, fingerprint, load_cluster_settings
from quotes.io.atomic import dumps
from quotes.io.documents import BadInput
from quotes.limits import Limits, load_limits
from quotes.pipeline import Engine
from quotes.record import Document, Quotation
from quotes.stance import Target

BATCH_DOCS = 64
FAIL_ON_ENV = "QUOTES_TEST_FAIL_ON_DOC"  # a document id the engine fails on, to test isolation

class ClusterItem(NamedTuple):
    """What clustering needs of one record (computed in the worker)."""

    record_id: str
    doc_id: str
    date: str | None
    speaker_key: str | None
    fingerprint: Fingerprint


class Processed(NamedTuple):
    """One document's output; what the caller does not need is None (less to send
    between processes)."""

    types: list[str]                # each record's type (for the summary)
    lines: list[str]                # each record as a JSON line
    doc_line: str | None            # the document as a JSON line
    items: list[ClusterItem] | None  # each record's cluster fingerprint


class Failed(NamedTuple):
    """A document the engine raised on: reported and counted apart from bad input, so the
    run goes on and the document can be re-run from ``failed.jsonl``."""

    doc_id: str
    origin: str | None
    error: str       # the exception class
    message: str     # its first line
    trace: str       # the whole traceback (shown under --debug)

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}document {self.doc_id}: {self.error}: {self.message}"

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "origin": self.origin, "error": self.error, "message": self.message}


Result = BadInput | Processed | Failed

_STATE: dict = {}


def _init(stance: bool, targets: tuple[Target, ...], fingerprints: bool = False, document_lines: bool = True) -> None:
    _STATE.update(engine=Engine.load(stance=stance, targets=targets), lines=document_lines, limits=load_limits(),
                  clusters=load_cluster_settings() if fingerprints else None)


def annotate_isolated(doc: Document, engine: Engine, limits: Limits | None = None) -> list[Quotation] | Failed:
    """The quotations of one document, or :class:`Failed` when the engine raised on it or
    ran over its time budget: every runner calls this, so one document never stops a run."""
    try:
        if os.environ.get(FAIL_ON_ENV) == doc.doc_id:
            raise RuntimeError(f"failure injected by {FAIL_ON_ENV}")  # the test seam of every runner
        with time_budget((limits or load_limits()).budget(len(doc.text))):
            return engine.annotate(doc)
    except Exception as exc:  # noqa: BLE001 - one document must never stop the run
        message = (str(exc).splitlines() or [""])[0][:300]
        return Failed(doc.doc_id, doc.origin, type(exc).__name__, message, traceback.format_exc())


def process(doc: Document) -> Processed | Failed:
    """One document through extraction and stance, with its output lines."""
    quotes = annotate_isolated(doc, _STATE["engine"], _STATE["limits"])
    if isinstance(quotes, Failed):
        return quotes
    settings = _STATE["clusters"]
    items = None if settings is None else [
        ClusterItem(q.id, q.doc_id, doc.date, q.speaker_key, fingerprint(q.content, settings)) for q in quotes]
    return Processed([q.type for q in quotes], [dumps(q.to_dict()) for q in quotes],
                     dumps(doc.to_dict()) if _STATE["lines"] else None, items)


class OverBudget(TimeoutError):
    """A document took longer than its time budget (``resources/limits.yaml``)."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` inside the block once ``seconds`` have passed (a real-time
    timer; only in a process's main thread, where signals are delivered)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):  # noqa: ARG001
        raise OverBudget(f"over its time budget of {seconds:.1f} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run_batch(batch: list[Document | BadInput]) -> list[Result]:
    return [item if isinstance(item, BadInput) else process(item) for item in batch]


def _batches(items: Iterable[Document | BadInput], size: int) -> Iterator[list[Document | BadInput]]:
    batch: list[Document | BadInput] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(items: Iterable[Document | BadInput], workers: int = 1, stance: bool = True,
        targets: tuple[Target, ...] = (), batch_docs: int = BATCH_DOCS, fingerprints: bool = False,
        document_lines: bool = True) -> Iterator[Result]:
    """Results for ``items`` in input order, on ``workers`` processes (1: this process).

    ``fingerprints`` / ``document_lines``: whether the caller needs each record's cluster
    fingerprint and each document's JSON line; without them less crosses between processes.
    """
    if workers <= 1:
        _init(stance, targets, fingerprints, document_lines)
        for item in items:
            yield item if isinstance(item, BadInput) else process(item)
        return
    workers = min(workers, os.cpu_count() or workers)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init,
                             initargs=(stance, targets, fingerprints, document_lines)) as pool:
        pending: deque[Future] = deque()
        for batch in _batches(items, batch_docs):
            pending.append(pool.submit(_run_batch, batch))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
