"""Read documents from files, folders, JSONL, SaudiNewsNet JSON and zip archives.

Reading never stops at a bad document: :func:`read_documents` yields a
:class:`BadInput` (naming the file, line or member) for it and goes on with the rest.
Documents are yielded one at a time, so memory does not grow with the corpus.
"""

from __future__ import annotations

import codecs
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import regex

from quotes.record import Document

SUPPORTED = (".txt", ".jsonl", ".json", ".zip")
_ARABIC = regex.compile(r"\p{Arabic}")
_LETTER = regex.compile(r"\p{L}")
_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class BadInput:
    """A document or file that could not be read, and why."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


class DecodeError(ValueError):
    pass


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1256 text.

    Raises :class:`DecodeError` for binary data or text in none of these encodings.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"starts with a UTF-8 BOM but is not UTF-8 (byte {exc.start})") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"starts with a UTF-16 BOM but is not UTF-16 (byte {exc.start})") from None
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    letters = len(_LETTER.findall(text))
    if letters and len(_ARABIC.findall(text)) / letters >= 0.5 and not regex.search(r"[\x00-\x08\x0e-\x1f]", text):
        return text
    raise DecodeError(f"not UTF-8 (invalid byte at offset {utf8_error}) nor Windows-1256 Arabic text")


def _iter_paths(inputs: Iterable[os.PathLike | str]) -> Iterator[Path | BadInput]:
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUPPORTED
                           and not any(part.startswith(".") for part in q.relative_to(p).parts))
            yield from found
        elif p.is_file():
            if p.suffix.lower() in SUPPORTED:
                yield p
            else:
                yield BadInput(str(p), f"unsupported file type {p.suffix or '(none)'}; expected {', '.join(SUPPORTED)}")
        else:
            yield BadInput(str(p), "no such file or folder")


def read_documents(inputs: Iterable[os.PathLike | str], id_field: str = "id",
                   text_field: str = "text") -> Iterator[Document | BadInput]:
    """Yield every document of ``inputs`` (files or folders, recursively), or a
    :class:`BadInput` for each that cannot be read."""
    for p in _iter_paths(inputs):
        if isinstance(p, BadInput):
            yield p
            continue
        try:
            if p.suffix.lower() == ".zip":
                yield from _read_zip(p, id_field, text_field)
            else:
                yield from _read_bytes(str(p), p.name, p.read_bytes(), id_field, text_field)
        except OSError as exc:
            yield BadInput(str(p), f"cannot read: {exc.strerror or exc}")


def _read_zip(path: Path, id_field: str, text_field: str) -> Iterator[Document | BadInput]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield BadInput(str(path), f"not a readable zip archive ({exc})")
        return
    with zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            name = info.filename
            if info.is_dir() or Path(name).suffix.lower() not in (".txt", ".json", ".jsonl"):
                continue
            origin = f"{path}!{name}"
            try:
                data = zf.read(info)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
                yield BadInput(origin, f"corrupted archive member ({exc})")
                continue
            except Exception as exc:  # zlib.error and friends
                yield BadInput(origin, f"corrupted archive member ({type(exc).__name__}: {exc})")
                continue
            yield from _read_bytes(origin, Path(name).name, data, id_field, text_field)


def _read_bytes(origin: str, name: str, data: bytes, id_field: str, text_field: str) -> Iterator[Document | BadInput]:
    suffix = Path(name).suffix.lower()
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield BadInput(origin, str(exc))
        return
    if suffix == ".txt":
        if not text.strip():
            yield BadInput(origin, "empty document")
            return
        yield Document(doc_id=Path(name).stem, text=text, origin=origin)
    elif suffix == ".jsonl":
        yield from _read_jsonl(origin, text, id_field, text_field)
    else:
        yield from _read_json(origin, name, text, id_field, text_field)


def _document(obj: Any, where: str, fallback_id: str, id_field: str, text_field: str,
              snn_date: str | None = None) -> Document | BadInput:
    if not isinstance(obj, dict):
        return BadInput(where, f"expected a JSON object, found {type(obj).__name__}")
    is_snn = text_field not in obj and "content" in obj and snn_date is not None
    field = "content" if is_snn else text_field
    text = obj.get(field)
    if text is None:
        return BadInput(where, f"no {text_field!r} field")
    if not isinstance(text, str):
        return BadInput(where, f"field {field!r} is {type(text).__name__}, not text")
    if not text.strip():
        return BadInput(where, "empty document")
    doc_id = obj.get(id_field)
    if is_snn and doc_id is None:
        doc_id = f"snn:{snn_date}:{fallback_id}"
    doc_id = str(doc_id) if doc_id is not None else fallback_id
    return Document(
        doc_id=doc_id, text=text,
        source=_opt(obj.get("source")), url=_opt(obj.get("url")), title=_opt(obj.get("title")),
        date=_opt(obj.get("date") or obj.get("date_extracted")), origin=where,
    )


def _opt(v: Any) -> str | None:
    return str(v) if v not in (None, "") else None


def _read_jsonl(origin: str, text: str, id_field: str, text_field: str) -> Iterator[Document | BadInput]:
    stem = Path(origin.split("!")[-1]).stem
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadInput(where, f"broken JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _document(obj, where, f"{stem}:{lineno}", id_field, text_field)


def _read_json(origin: str, name: str, text: str, id_field: str, text_field: str) -> Iterator[Document | BadInput]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield BadInput(f"{origin}:{exc.lineno}", f"broken JSON ({exc.msg} at column {exc.colno})")
        return
    items = data if isinstance(data, list) else [data]
    m = _DATE.search(Path(name).stem)
    snn_date = m.group() if m else Path(name).stem
    for index, obj in enumerate(items):
        yield _document(obj, f"{origin}[{index}]", str(index), id_field, text_field, snn_date=snn_date)
