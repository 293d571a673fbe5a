"""Read documents from files, folders, JSONL, SaudiNewsNet JSON and zip archives.

Reading never stops at a bad document: :func:`read_documents` yields a
:class:`BadInput` (naming the file, line or member) for it and goes on with the rest.
Documents are yielded one at a time, so memory does not grow with the corpus.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import json
import lzma
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

import regex

from quotes.limits import Limits, load_limits
from quotes.record import Document

PLAIN = (".txt", ".jsonl", ".json", ".zip")
COMPRESSION: dict[str, Callable[..., IO[bytes]]] = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
SUPPORTED = PLAIN + tuple(f"{s}{c}" for s in (".jsonl", ".json") for c in COMPRESSION)
_LONGEST_FIRST = tuple(sorted(SUPPORTED, key=len, reverse=True))  # «.jsonl.gz» before «.gz»
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
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


def duplicate_message(doc_id: str, first_origin: str) -> str:
    """How a skipped duplicate document is reported (both places, and the policy)."""
    return f"duplicate document id {doc_id!r}, first read at {first_origin}; skipped (the first is kept)"


class DecodeError(ValueError):
    pass


@dataclass
class ReadStats:
    """What reading repaired on the way (reported in the run's summary)."""

    surrogates_replaced: int = 0  # lone UTF-16 surrogates (from JSON escapes) → U+FFFD


def _clean(value: str, stats: ReadStats | None) -> str:
    """Replace lone surrogates, which no UTF-8 output can hold, one character for one."""
    if not _SURROGATE.search(value):
        return value
    cleaned, n = _SURROGATE.subn("\ufffd", value)
    if stats is not None:
        stats.surrogates_replaced += n
    return cleaned


def suffix_of(name: str) -> str:
    """The file kind by its name: ``.jsonl``, ``.jsonl.gz``, ``.zip`` … (lower case)."""
    lower = name.lower()
    return next((s for s in _LONGEST_FIRST if lower.endswith(s)), Path(lower).suffix)


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
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a BOM: NUL bytes at every other position of mostly
    ASCII-range or Arabic-block characters. None when the data does not look like it."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        share = (zeros.count(0) + zeros.count(6)) / len(zeros)  # high bytes of ASCII and Arabic
        if share >= 0.9:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not regex.search(r"[\x00-\x08\x0e-\x1f]", text):
                return text
    return None


def _iter_paths(inputs: Iterable[os.PathLike | str]) -> Iterator[Path | BadInput]:
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.is_file() and suffix_of(q.name) in SUPPORTED
                           and not any(part.startswith(".") for part in q.relative_to(p).parts))
            yield from found
        elif p.is_file():
            if suffix_of(p.name) in SUPPORTED:
                yield p
            else:
                yield BadInput(str(p), f"unsupported file type {suffix_of(p.name) or '(none)'}; "
                                       f"expected {', '.join(SUPPORTED)}")
        else:
            yield BadInput(str(p), "no such file or folder")


def read_documents(inputs: Iterable[os.PathLike | str], id_field: str = "id",
                   text_field: str = "text", stats: ReadStats | None = None,
                   limits: Limits | None = None) -> Iterator[Document | BadInput]:
    """Yield every document of ``inputs`` (files or folders, recursively), or a
    :class:`BadInput` for each that cannot be read. A document whose id was read before
    (in any input) is a :class:`BadInput` naming both places: the first is kept. JSONL (plain or compressed) is read a
    line at a time; other files and archive members up to ``limits.max_file_bytes``."""
    first: dict[str, str] = {}  # document id -> where it was first read (ids only: small)
    for item in _read_all(inputs, _Reader(id_field, text_field, stats, limits or load_limits())):
        if isinstance(item, Document):
            where = item.origin or item.doc_id
            if item.doc_id in first:
                yield BadInput(where, duplicate_message(item.doc_id, first[item.doc_id]))
                continue
            first[item.doc_id] = where
        yield item


def _read_all(inputs: Iterable[os.PathLike | str], reader: "_Reader") -> Iterator[Document | BadInput]:
    for p in _iter_paths(inputs):
        if isinstance(p, BadInput):
            yield p
            continue
        kind = suffix_of(p.name)
        try:
            if kind == ".zip":
                yield from reader.zip(p)
            elif kind.startswith(".jsonl"):
                with _open(p, kind) as fh:
                    yield from reader.jsonl_stream(str(p), fh)
            else:
                with _open(p, kind) as fh:
                    data = fh.read(reader.limits.max_file_bytes + 1)
                yield from reader.bytes(str(p), p.name, data)
        except (OSError, EOFError, lzma.LZMAError) as exc:
            yield BadInput(str(p), f"cannot read: {getattr(exc, 'strerror', None) or exc}")


def _open(path: Path, kind: str) -> IO[bytes]:
    for ext, opener in COMPRESSION.items():
        if kind.endswith(ext):
            return opener(path, "rb")
    return open(path, "rb")


class _Reader:
    """Turns files, archive members and lines into documents with one set of options."""

    def __init__(self, id_field: str, text_field: str, stats: ReadStats | None, limits: Limits):
        self.id_field = id_field
        self.text_field = text_field
        self.stats = stats
        self.limits = limits

    def zip(self, path: Path) -> Iterator[Document | BadInput]:
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            yield BadInput(str(path), f"not a readable zip archive ({exc})")
            return
        cap = self.limits.max_file_bytes
        with zf:
            for info in sorted(zf.infolist(), key=lambda i: i.filename):
                name = info.filename
                if info.is_dir() or Path(name).suffix.lower() not in (".txt", ".json", ".jsonl"):
                    continue
                origin = f"{path}!{name}"
                if info.file_size > cap:
                    yield BadInput(origin, f"archive member of {info.file_size:,} bytes (declared) is over the "
                                           f"limit of {cap:,} bytes (max_file_bytes)")
                    continue
                try:
                    with zf.open(info) as fh:
                        data = fh.read(cap + 1)  # the declared size may lie
                except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
                    yield BadInput(origin, f"corrupted archive member ({exc})")
                    continue
                except Exception as exc:  # zlib.error and friends
                    yield BadInput(origin, f"corrupted archive member ({type(exc).__name__}: {exc})")
                    continue
                yield from self.bytes(origin, Path(name).name, data)

    def bytes(self, origin: str, name: str, data: bytes) -> Iterator[Document | BadInput]:
        """One whole file or member (``.txt``, ``.json``, ``.jsonl``)."""
        if len(data) > self.limits.max_file_bytes:
            yield BadInput(origin, f"larger than the limit of {self.limits.max_file_bytes:,} bytes (max_file_bytes)")
            return
        kind = suffix_of(name)
        try:
            text = decode_bytes(data)
        except DecodeError as exc:
            yield BadInput(origin, str(exc))
            return
        if kind == ".txt":
            if not text.strip():
                yield BadInput(origin, "empty document")
                return
            yield self._sized(Document(doc_id=Path(name).stem, text=_clean(text, self.stats), origin=origin))
        elif kind.startswith(".jsonl"):
            yield from self._jsonl_lines(origin, enumerate(text.split("\n"), 1))  # not splitlines: U+2028 may sit in a string
        else:
            yield from self._json(origin, name, text)

    def jsonl_stream(self, origin: str, fh: IO[bytes]) -> Iterator[Document | BadInput]:
        """A JSONL file a line at a time (memory flat in the file's size). A file in UTF-16
        (with or without BOM) is read whole, as it cannot be split into lines as bytes."""
        head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
            yield from self.bytes(origin, origin, fh.read(self.limits.max_file_bytes + 1))
            return

        def lines() -> Iterator[tuple[int, str | BadInput]]:
            for lineno, raw in enumerate(fh, 1):
                if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[3:]
                try:
                    yield lineno, raw.decode("utf-8")
                except UnicodeDecodeError:
                    try:
                        yield lineno, decode_bytes(raw)
                    except DecodeError as exc:
                        yield lineno, BadInput(f"{origin}:{lineno}", str(exc))

        yield from self._jsonl_lines(origin, lines())

    def _jsonl_lines(self, origin: str, lines: Iterable[tuple[int, str | BadInput]]) -> Iterator[Document | BadInput]:
        stem = Path(origin.split("!")[-1]).name.split(".")[0]
        for lineno, line in lines:
            if isinstance(line, BadInput):
                yield line
                continue
            if not line.strip():
                continue
            where = f"{origin}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BadInput(where, f"broken JSON ({exc.msg} at column {exc.colno})")
                continue
            yield self._document(obj, where, f"{stem}:{lineno}")

    def _json(self, origin: str, name: str, text: str) -> Iterator[Document | BadInput]:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield BadInput(f"{origin}:{exc.lineno}", f"broken JSON ({exc.msg} at column {exc.colno})")
            return
        items = data if isinstance(data, list) else [data]
        stem = Path(name).name.split(".")[0]
        m = _DATE.search(stem)
        snn_date = m.group() if m else stem
        for index, obj in enumerate(items):
            yield self._document(obj, f"{origin}[{index}]", str(index), snn_date=snn_date)

    def _document(self, obj: Any, where: str, fallback_id: str, snn_date: str | None = None) -> Document | BadInput:
        if not isinstance(obj, dict):
            return BadInput(where, f"expected a JSON object, found {type(obj).__name__}")
        text_field = self.text_field
        is_snn = text_field not in obj and "content" in obj and snn_date is not None
        field_name = "content" if is_snn else text_field
        text = obj.get(field_name)
        if text is None:
            return BadInput(where, f"no {text_field!r} field")
        if not isinstance(text, str):
            return BadInput(where, f"field {field_name!r} is {type(text).__name__}, not text")
        if not text.strip():
            return BadInput(where, "empty document")
        doc_id = obj.get(self.id_field)
        if is_snn and doc_id is None:
            doc_id = f"snn:{snn_date}:{fallback_id}"
        doc_id = str(doc_id) if doc_id is not None else fallback_id
        return self._sized(Document(
            doc_id=_clean(doc_id, self.stats), text=_clean(text, self.stats),
            source=self._opt(obj.get("source")), url=self._opt(obj.get("url")), title=self._opt(obj.get("title")),
            date=self._opt(obj.get("date") or obj.get("date_extracted")), origin=where,
        ))

    def _opt(self, v: Any) -> str | None:
        return _clean(str(v), self.stats) if v not in (None, "") else None

    def _sized(self, doc: Document) -> Document | BadInput:
        cap = self.limits.max_document_chars
        if len(doc.text) > cap:
            return BadInput(doc.origin or doc.doc_id, f"document {doc.doc_id} has {len(doc.text):,} characters, over "
                                                      f"the limit of {cap:,} (max_document_chars)")
        return doc
