"""Map the engine over a ``datasets.Dataset`` of articles (for ML engineers).

    from datasets import load_dataset
    from quotes.run.hf_map import quotations_dataset

    articles = load_dataset("json", data_files="articles.jsonl", split="train")
    quotes = quotations_dataset(articles, text_column="text", id_column="id", num_proc=2)

The result has one row per quotation with the record schema of ``quotes extract``
(labels as strings), so it can be filtered, joined or published like any dataset.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from datasets import Dataset, Features, List, Value

from quotes.run.parallel import Failed, annotate_isolated
from quotes.pipeline import Engine
from quotes.record import Document
from quotes.schema import record_fields, score_keys

log = logging.getLogger(__name__)

def record_features() -> Features:
    """``datasets`` features of a quotation record as the JSONL holds it (labels as
    strings), derived from :func:`quotes.schema.record_fields`."""
    scalar = {"string": Value("string"), "offset": Value("int64"), "int": Value("int64"), "float": Value("float64"),
              "bool": Value("bool"), "label": Value("string")}
    feats: dict[str, Any] = {}
    for f in record_fields():
        if f.kind == "strings":
            feats[f.name] = List(Value("string"))
        elif f.kind == "scores":
            feats[f.name] = {k: Value("float64") for k in score_keys()}
        else:
            feats[f.name] = scalar[f.kind]
    return Features(feats)


@lru_cache(maxsize=2)
def _engine(stance: bool) -> Engine:
    return Engine.load(stance=stance)  # once per process, not once per batch


def _extract_batch(batch: dict[str, list], indices: list[int], text_column: str, id_column: str | None,
                   title_column: str | None, stance: bool) -> dict[str, list]:
    engine = _engine(stance)
    names = [f.name for f in record_fields()]
    out: dict[str, list] = {n: [] for n in names}
    for k, text in enumerate(batch[text_column]):
        if not isinstance(text, str) or not text.strip():
            continue
        doc_id = str(batch[id_column][k]) if id_column else str(indices[k])
        title = (batch[title_column][k] or "") if title_column else ""  # a body: no headline line
        quotes = annotate_isolated(Document(doc_id, text, title=title, origin=f"row {indices[k]}"), engine)
        if isinstance(quotes, Failed):
            log.warning("failed %s", quotes)  # this row gives no records; the map goes on
            continue
        for q in quotes:
            row = q.to_dict()
            for n in names:
                out[n].append(row[n])
    return out


def quotations_dataset(dataset: Dataset, text_column: str = "text", id_column: str | None = "id",
                       title_column: str | None = None, num_proc: int | None = None, stance: bool = True,
                       batch_size: int = 64) -> Dataset:
    """One row per quotation found in ``dataset[text_column]`` (``num_proc`` processes).

    ``id_column`` names the document ids (``None``: the row index); with ``title_column``
    the text is taken as an article body whose title is apart (no headline line in it).
    """
    if text_column not in dataset.column_names:
        raise ValueError(f"no column {text_column!r} in the dataset (columns: {', '.join(dataset.column_names)})")
    if id_column is not None and id_column not in dataset.column_names:
        raise ValueError(f"no column {id_column!r} in the dataset; pass id_column=None to use row numbers")
    return dataset.map(_extract_batch, batched=True, batch_size=batch_size, with_indices=True,
                       remove_columns=dataset.column_names, num_proc=num_proc, features=record_features(),
                       fn_kwargs={"text_column": text_column, "id_column": id_column,
                                  "title_column": title_column, "stance": stance},
                       desc="extracting quotations")
