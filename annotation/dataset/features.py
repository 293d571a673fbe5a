"""The published dataset's features and rows, derived from the record schema
(:mod:`quotes.schema`): labels as ClassLabel, offsets as int32, scores as float32."""

from __future__ import annotations

import hashlib
from typing import Any

from datasets import ClassLabel, Features, List, Value

from quotes.record import GENDERS, QUOTE_TYPES, STANCES, Document, Quotation
from quotes.schema import FieldKind, record_fields, score_keys

SPLITS = ("train", "validation", "test")

SPAN = {
    "start": Value("int32"), "end": Value("int32"),
    "type": ClassLabel(names=list(QUOTE_TYPES)),
    "stance": ClassLabel(names=list(STANCES)),
    "speaker_gender": ClassLabel(names=list(GENDERS)),
    "cue_start": Value("int32"), "cue_end": Value("int32"),
    "speaker_start": Value("int32"), "speaker_end": Value("int32"),
    "speaker_name": Value("string"),
}

DATASET_COLUMNS = {  # beside the record's fields: agreement of human labels, and the article's metadata
    "annotator_count": Value("int32"), "agreement": Value("float32"),
    "source": Value("string"), "url": Value("string"), "date": Value("string"), "title": Value("string"),
}


def _dataset_feature(f: FieldKind) -> Any:
    """A record field as the published dataset stores it: labels as ClassLabel, offsets
    as int32, scores as float32 (compact; the JSONL keeps int64/float64 and strings)."""
    if f.kind == "label":
        return ClassLabel(names=list(f.labels))
    if f.kind == "strings":
        return List(Value("string"))
    if f.kind == "scores":
        return {k: Value("float32") for k in score_keys()}
    return Value({"string": "string", "offset": "int32", "int": "int64", "float": "float32", "bool": "bool"}[f.kind])


QUOTE_FEATURES = Features({**{f.name: _dataset_feature(f) for f in record_fields()}, **DATASET_COLUMNS})
LABEL_FIELDS = tuple(f for f in record_fields() if f.kind == "label")

DOCUMENT_FEATURES = Features({
    "doc_id": Value("string"),
    "text": Value("string"),
    "source": Value("string"),
    "url": Value("string"),
    "title": Value("string"),
    "date": Value("string"),
    "n_quotes": Value("int32"),
    "quotes": List(SPAN),
})


def split_of(doc_id: str, source: str | None = None, ratios: tuple[float, float, float] = (0.8, 0.1, 0.1)) -> str:
    """The stable split of a document: a hash of (source, doc_id) placed on [0, 1).

    The same document always gets the same split, whatever else is in the corpus, and
    each source is divided in the given proportions (in expectation).
    """
    h = hashlib.sha256(f"{source or ''}\x1f{doc_id}".encode("utf-8")).digest()
    u = int.from_bytes(h[:8], "big") / 2 ** 64
    if u < ratios[0]:
        return "train"
    if u < ratios[0] + ratios[1]:
        return "validation"
    return "test"


def _label_index(names: tuple[str, ...], value: str | None) -> int:
    return names.index(value) if value in names else -1


def quote_row(q: Quotation, doc: Document, annotator_count: int | None = None,
              agreement: float | None = None) -> dict[str, Any]:
    """A ``quotes`` row (labels as ClassLabel indices; -1 where a label is missing)."""
    row = q.to_dict()
    for f in LABEL_FIELDS:
        row[f.name] = _label_index(f.labels, row[f.name])
    row["annotator_count"] = annotator_count
    row["agreement"] = agreement
    row.update(source=doc.source, url=doc.url, date=doc.date, title=doc.title)
    return {k: row.get(k) for k in QUOTE_FEATURES}


def document_row(doc: Document, quotes: list[Quotation]) -> dict[str, Any]:
    spans = [{
        "start": q.content_start, "end": q.content_end,
        "type": _label_index(QUOTE_TYPES, q.type), "stance": _label_index(STANCES, q.stance),
        "speaker_gender": _label_index(GENDERS, q.speaker_gender),
        "cue_start": q.cue_start, "cue_end": q.cue_end,
        "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "speaker_name": q.speaker_name,
    } for q in sorted(quotes, key=lambda q: (q.content_start, q.cue_start))]
    return {"doc_id": doc.doc_id, "text": doc.text, "source": doc.source, "url": doc.url, "title": doc.title,
            "date": doc.date, "n_quotes": len(quotes), "quotes": spans}


