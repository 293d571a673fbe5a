"""Publish quotation records as a Hugging Face dataset (hub layout, two configurations).

``DIR/quotes/<split>-00000-of-00001.parquet``: one row per quotation;
``DIR/documents/<split>-00000-of-00001.parquet``: one row per article with its spans;
``DIR/README.md``: the dataset card, whose YAML ``configs`` make
``datasets.load_dataset(DIR, "quotes")`` work offline and on the Hub alike.

Splits are grouped by statement and so by article (:mod:`annotation.dataset.splits`): articles
that share a quotation cluster go to one split, that of their earliest article, derived from a
hash of its source and id, so a statement keeps its split when the corpus grows. Parquet files carry the
``datasets`` features (ClassLabels included) in their schema metadata.
"""

from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import Features

from annotation.dataset.card import dataset_card
from annotation.dataset.features import (DOCUMENT_FEATURES, LABEL_FIELDS, QUOTE_FEATURES, SPLITS, document_row,
                                         quote_row)
from annotation.dataset.splits import Repetition, article_splits, repetition
from quotes.io.outputs import StagedFolder
from quotes.io.recordsio import RecordError, check_labels, read_document_records, read_records
from quotes.record import Quotation

BATCH_ROWS = 2000


class PublishError(ValueError):
    """Input that cannot become a dataset; the message names the file and record."""


class _ShardWriter:
    """Streams rows of one configuration into one parquet file per split."""

    def __init__(self, root: Path, config: str, features: Features):
        self.dir = root / config
        self.dir.mkdir(parents=True, exist_ok=True)
        self.schema = features.arrow_schema
        self.features = features
        self.buffers: dict[str, list[dict]] = {s: [] for s in SPLITS}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts: Counter[str] = Counter()

    def path(self, split: str) -> Path:
        return self.dir / f"{split}-00000-of-00001.parquet"

    def add(self, split: str, row: dict) -> None:
        self.buffers[split].append(row)
        self.counts[split] += 1
        if len(self.buffers[split]) >= BATCH_ROWS:
            self._flush(split)

    def _flush(self, split: str) -> None:
        rows = self.buffers[split]
        if split not in self.writers:
            self.writers[split] = pq.ParquetWriter(self.path(split), self.schema, compression="zstd")
        if rows:
            self.writers[split].write_table(pa.Table.from_pylist(rows, schema=self.schema))
        self.buffers[split] = []

    def close(self) -> None:
        for split in SPLITS:
            if self.counts[split]:
                self._flush(split)
                self.writers[split].close()
            # an empty split gets no file: `datasets` refuses a split with no data

    def splits(self) -> list[str]:
        return [s for s in SPLITS if self.counts[s]]

    def num_bytes(self, split: str) -> int:
        return self.path(split).stat().st_size


@dataclass
class BuildStats:
    documents: Counter = field(default_factory=Counter)
    quotes: Counter = field(default_factory=Counter)
    labels: dict[str, dict[str, Counter]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Counter)))
    sources: Counter = field(default_factory=Counter)
    label_sources: Counter = field(default_factory=Counter)
    engine_versions: Counter = field(default_factory=Counter)
    files: dict[str, dict[str, int]] = field(default_factory=dict)  # config -> split -> parquet bytes
    seconds: float = 0.0
    duplicates: list[str] = field(default_factory=list)  # documents skipped for a repeated id
    set_aside: Path | None = None  # where a forced-over old output was kept
    repetition: Repetition = field(default_factory=Repetition)  # statements repeated across articles and splits


def _group_records(records: Iterable[Quotation]) -> dict[str, list[Quotation]]:
    by_doc: dict[str, list[Quotation]] = defaultdict(list)
    for q in records:
        by_doc[q.doc_id].append(q)
    return by_doc


def _agreement(quotes: list[Quotation]) -> dict[str, tuple[int, float | None]]:
    """For human records: how many annotators marked the same content span, and the
    share of them that gave it the same stance as this record."""
    by_span: dict[tuple[int, int], list[Quotation]] = defaultdict(list)
    for q in quotes:
        if q.label_source == "human":
            by_span[(q.content_start, q.content_end)].append(q)
    out = {}
    for group in by_span.values():
        annotators = {q.annotator for q in group}
        for q in group:
            same = sum(1 for o in group if o.stance == q.stance)
            out[q.id] = (len(annotators), round(same / len(group), 4))
    return out


def build_dataset(records_path: Path, documents_path: Path, out_dir: Path,
                  ratios: tuple[float, float, float] = (0.8, 0.1, 0.1), force: bool = False) -> BuildStats:
    """Write the dataset folder as one unit (staged beside it, then swapped in).

    Raises :class:`PublishError` (naming the record) for unknown labels, spans that do
    not slice their document, records whose document is missing, and an input without
    documents; ``out_dir`` is then left as it was. A folder that is not an earlier dataset
    of ours is refused (:class:`quotes.io.outputs.OutputError`) unless ``force``.
    """
    t0 = time.perf_counter()
    try:
        by_doc = _group_records(read_records(records_path))
    except RecordError as exc:
        raise PublishError(str(exc)) from None
    staged = StagedFolder(out_dir, "dataset", force=force)
    with staged as tmp:
        stats = _write_dataset(by_doc, records_path, documents_path, tmp, ratios)
        stats.seconds = round(time.perf_counter() - t0, 2)
        stats.set_aside = staged.commit()
    return stats


def _write_dataset(by_doc: dict[str, list[Quotation]], records_path: Path, documents_path: Path, tmp: Path,
                   ratios: tuple[float, float, float]) -> BuildStats:
    stats = BuildStats()
    seen: set[str] = set()
    try:
        splits = article_splits(by_doc, read_document_records(documents_path), ratios)
    except RecordError as exc:
        raise PublishError(str(exc)) from None
    rows: list[tuple[Quotation, str, str | None]] = []
    qw = _ShardWriter(tmp, "quotes", QUOTE_FEATURES)
    dw = _ShardWriter(tmp, "documents", DOCUMENT_FEATURES)
    try:
        for doc in read_document_records(documents_path, stats.duplicates):
            seen.add(doc.doc_id)
            quotes = by_doc.get(doc.doc_id, [])
            for q in quotes:
                problems = q.check_spans(doc.text) + check_labels(q)
                if problems:
                    raise PublishError(f"{records_path}: record {q.id!r}: {'; '.join(problems)}")
            split = splits[doc.doc_id]
            agree = _agreement(quotes)
            for q in sorted(quotes, key=lambda q: (q.content_start, q.cue_start, q.id)):
                count, share = agree.get(q.id, (None, None))
                qw.add(split, quote_row(q, doc, count, share))
                rows.append((q, split, doc.source))
                stats.quotes[split] += 1
                for name in ("type", "stance", "speaker_gender"):
                    stats.labels[split][name][getattr(q, name) or "none"] += 1
                stats.label_sources[q.label_source] += 1
                stats.engine_versions[q.engine_version] += 1
            dw.add(split, document_row(doc, quotes))
            stats.documents[split] += 1
            stats.sources[doc.source or "(none)"] += 1
    except RecordError as exc:
        raise PublishError(str(exc)) from None
    finally:
        qw.close()
        dw.close()
    if not seen:
        raise PublishError(f"{documents_path}: no documents; nothing was written")
    missing = sorted(set(by_doc) - seen)
    if missing:
        raise PublishError(f"{records_path}: {len(missing)} record group(s) name documents missing from "
                           f"{documents_path}, e.g. doc_id {missing[0]!r}")
    stats.files = {c: {s: w.num_bytes(s) for s in w.splits()} for c, w in (("quotes", qw), ("documents", dw))}
    stats.repetition = repetition(rows)
    (tmp / "README.md").write_text(dataset_card(stats, seen), encoding="utf-8")
    return stats


def records_from_dataset(directory: os.PathLike | str) -> list[dict[str, Any]]:
    """Load the ``quotes`` configuration back into record dicts (labels as names)."""
    from datasets import load_dataset

    ds = load_dataset(str(directory), "quotes")
    out = []
    for split in (s for s in SPLITS if s in ds):
        part = ds[split]
        feats = part.features
        for row in part:
            rec = dict(row)
            for name in (f.name for f in LABEL_FIELDS):
                rec[name] = feats[name].int2str(rec[name]) if rec[name] is not None and rec[name] >= 0 else None
            out.append(rec)
    return out


