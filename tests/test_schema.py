"""One record schema: every other schema is derived from ``Quotation`` and agrees with it."""

from __future__ import annotations

import shutil

import pytest
from datasets import ClassLabel, Dataset, Value

from annotation.dataset.features import DATASET_COLUMNS, QUOTE_FEATURES
from quotes.run.hf_map import record_features
from quotes.pipeline import Engine
from quotes.record import Document
from quotes.schema import record_fields

ARTICLE = ("وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين: «لا نرى أي أساس لهذه الاتهامات».\n"
           "وأضافت الوزيرة أن المحادثات كانت مثمرة.\n")


def test_the_record_declares_each_field_kind_once():
    kinds = {f.name: (f.kind, f.labels) for f in record_fields()}
    assert kinds["content_start"] == ("offset", ())
    assert kinds["stance"] == ("label", ("favor", "against", "neutral"))
    assert kinds["label_source"] == ("label", ("rule", "human", "propagated"))
    assert kinds["cluster_id"] == ("string", ()) and kinds["confidence"] == ("float", ())
    assert kinds["stance_scores"][0] == "scores" and kinds["edited_fields"][0] == "strings"


def test_datasets_features_of_records_and_of_the_published_dataset_follow_the_record():
    jsonl = record_features()
    names = [f.name for f in record_fields()]
    assert list(jsonl) == names
    assert list(QUOTE_FEATURES) == names + list(DATASET_COLUMNS)
    for f in record_fields():
        published = QUOTE_FEATURES[f.name]
        if f.kind == "label":
            assert jsonl[f.name] == Value("string")
            assert isinstance(published, ClassLabel) and tuple(published.names) == f.labels
        elif f.kind == "offset":
            assert jsonl[f.name] == Value("int64") and published == Value("int32")
        elif f.kind == "scores":
            assert set(jsonl[f.name]) == set(published) == {"favor", "against", "neutral"}


def test_real_records_load_under_the_derived_features():
    records = [q.to_dict() for q in Engine.load().annotate(Document("kremlin", ARTICLE))]
    assert len(records) == 2
    ds = Dataset.from_list(records, features=record_features())
    assert ds[0]["speaker_name"] == "دميتري بيسكوف" and ds[1]["speaker_gender"] == "female"


@pytest.mark.spark
def test_the_spark_schema_follows_the_record():
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install -e '.[spark]')")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java, and there is no java here")
    from pyspark.sql import types as T

    from quotes.run.spark import record_schema

    schema = record_schema()
    assert schema.fieldNames() == [f.name for f in record_fields()]
    by_name = {s.name: s.dataType for s in schema.fields}
    assert by_name["content_start"] == T.LongType() and by_name["stance"] == T.StringType()
    assert by_name["stance_scores"].fieldNames() == ["favor", "against", "neutral"]
