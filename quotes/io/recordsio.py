"""Read quotation records and documents back from JSONL, with errors that name the line."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterator

from quotes.io.documents import duplicate_message
from quotes.record import GENDERS, LABEL_SOURCES, QUOTE_TYPES, STANCES, Document, Quotation


class RecordError(ValueError):
    """A record file is malformed; the message names the file, line and record."""


def check_labels(q: Quotation) -> list[str]:
    """Problems with the record's labels (empty when every label is known)."""
    problems = []
    if q.type not in QUOTE_TYPES:
        problems.append(f"type {q.type!r} is not one of {', '.join(QUOTE_TYPES)}")
    if q.speaker_gender not in GENDERS:
        problems.append(f"speaker_gender {q.speaker_gender!r} is not one of {', '.join(GENDERS)}")
    if q.stance is not None and q.stance not in STANCES:
        problems.append(f"stance {q.stance!r} is not one of {', '.join(STANCES)}")
    if q.label_source not in LABEL_SOURCES:
        problems.append(f"label_source {q.label_source!r} is not one of {', '.join(LABEL_SOURCES)}")
    return problems


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise RecordError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        lineno = 0
        try:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise RecordError(f"{path}:{lineno}: broken JSON ({exc.msg} at column {exc.colno})") from None
                if not isinstance(obj, dict):
                    raise RecordError(f"{path}:{lineno}: expected a JSON object")
                yield lineno, obj
        except UnicodeDecodeError:
            raise RecordError(f"{path}:{lineno + 1}: not UTF-8") from None


def read_records(path: os.PathLike | str) -> Iterator[Quotation]:
    """Quotation records of a JSONL file; a malformed one raises :class:`RecordError`."""
    p = Path(path)
    for lineno, obj in _jsonl(p):
        try:
            q = Quotation.from_dict(obj)
        except TypeError as exc:
            raise RecordError(f"{p}:{lineno}: record {obj.get('id')!r} is incomplete ({exc})") from None
        problems = check_labels(q)
        if problems:
            raise RecordError(f"{p}:{lineno}: record {q.id!r}: {'; '.join(problems)}")
        yield q


def read_document_records(path: os.PathLike | str, duplicates: list[str] | None = None) -> Iterator[Document]:
    """Documents written by ``quotes extract --documents``.

    A document whose id came earlier in the file is skipped (the first is kept, the policy
    of every command); a line naming both places is appended to ``duplicates``.
    """
    p = Path(path)
    first: dict[str, int] = {}
    for lineno, obj in _jsonl(p):
        if "doc_id" not in obj or not isinstance(obj.get("text"), str):
            raise RecordError(f"{p}:{lineno}: a document needs doc_id and text")
        doc = Document.from_dict(obj)
        if doc.doc_id in first:
            if duplicates is not None:
                duplicates.append(f"{p}:{lineno}: {duplicate_message(doc.doc_id, f'{p}:{first[doc.doc_id]}')}")
            continue
        first[doc.doc_id] = lineno
        yield doc



def read_grouped(documents: os.PathLike | str, records: os.PathLike | str) -> Iterator[tuple[Document, list[Quotation]]]:
    """Each document with its records, streaming both files of one extract run (written in
    the same order); a record out of that order raises :class:`RecordError`."""
    pending = iter(read_records(records))
    nxt = next(pending, None)
    for doc in read_document_records(documents):
        group = []
        while nxt is not None and nxt.doc_id == doc.doc_id:
            group.append(nxt)
            nxt = next(pending, None)
        yield doc, group
    if nxt is not None:
        raise RecordError(f"{records}: record {nxt.id!r} does not follow the order of {documents}")
