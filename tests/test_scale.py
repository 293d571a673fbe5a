"""Scale-out: several workers, `datasets.map`, and Spark all give the local engine's records."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys

import pytest

from conftest import CORPUS, DATA, REPO
from quotes.io.documents import read_documents
from quotes.pipeline import Engine
from quotes.record import Document
from quotes.run.jobs import extract_job


def need_spark() -> None:
    """Skip with a clear message when PySpark or Java is missing."""
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install -e '.[spark]')")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java, and there is no java here")


def local_records(docs):
    engine = Engine.load()
    return [q.to_dict() for d in docs for q in engine.annotate(d)]


def same(a: dict, b: dict) -> bool:
    for k, v in a.items():
        w = b.get(k)
        if isinstance(v, float) and isinstance(w, float):
            if not math.isclose(v, w, abs_tol=1e-9):
                return False
        elif isinstance(v, dict) and isinstance(w, dict):
            if not same(v, w):
                return False
        elif v != w:
            return False
    return True


def test_two_workers_give_byte_identical_output(tmp_path):
    inputs = [str(DATA)] + [str(z) for z in sorted(CORPUS.glob("*.zip"))[:1]]
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        run = subprocess.run([sys.executable, "-m", "quotes", "-q", "extract", *inputs, "-o", str(out), "-j", workers],
                             capture_output=True, text=True, timeout=600, cwd=REPO)
        assert run.returncode in (0, 1), run.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and len(outs[0]) > 0


def test_datasets_map_gives_the_engine_records():
    from datasets import Dataset

    from quotes.run.hf_map import quotations_dataset

    docs = list(read_documents([DATA]))
    ds = Dataset.from_list([{"id": d.doc_id, "text": d.text, "title": "t"} for d in docs])
    mapped = quotations_dataset(ds, title_column="title", num_proc=2)
    expected = local_records([Document(d.doc_id, d.text, title="t") for d in docs])
    assert len(mapped) == len(expected)
    for got, want in zip(mapped, expected):
        assert same(want, got), want["id"]


@pytest.mark.spark
def test_spark_local_mode_gives_the_engine_records(tmp_path):
    need_spark()
    import pyarrow.parquet as pq

    from quotes.run.spark import extract_with_spark

    out = tmp_path / "spark"
    n = extract_with_spark([DATA], out)
    got = sorted(pq.read_table(out).to_pylist(), key=lambda r: r["id"])
    extract_job([DATA], tmp_path / "local.jsonl")  # the local run, clusters included
    expected = sorted((json.loads(x) for x in (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines()),
                      key=lambda r: r["id"])
    assert all(r["cluster_id"] for r in got)
    assert n == len(expected) == len(got)
    for g, w in zip(got, expected):
        assert same(w, g), w["id"]


def test_datasets_map_skips_a_document_the_engine_fails_on(monkeypatch):
    from datasets import Dataset

    from quotes.run import hf_map

    def annotate(self, doc):
        if doc.doc_id == "boom":
            raise RuntimeError("engine bug")
        return real_annotate(self, doc)

    real_annotate = Engine.annotate
    monkeypatch.setattr(Engine, "annotate", annotate)
    text = "قال الوزير إن المشروع اكتمل في موعده."
    ds = Dataset.from_list([{"id": i, "text": text} for i in ("a", "boom", "c")])
    mapped = hf_map.quotations_dataset(ds)
    assert mapped["doc_id"] == ["a", "c"]


@pytest.mark.spark
def test_spark_skips_a_document_the_engine_fails_on(tmp_path):
    need_spark()
    import json
    import os

    import pyarrow.parquet as pq

    from quotes.run.parallel import FAIL_ON_ENV

    src = tmp_path / "in.jsonl"
    text = "قال الوزير إن المشروع اكتمل في موعده."
    src.write_text("".join(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n" for i in ("a", "boom", "c")),
                   encoding="utf-8")
    out = tmp_path / "spark"
    # a fresh interpreter, so the Spark workers it starts carry the seam's variable
    code = f"from quotes.run.spark import extract_with_spark; print(extract_with_spark([{str(src)!r}], {str(out)!r}))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=REPO,
                         env={**os.environ, FAIL_ON_ENV: "boom"})
    assert run.returncode == 0, run.stderr[-2000:]
    assert sorted(r["doc_id"] for r in pq.read_table(out).to_pylist()) == ["a", "c"]
    assert "document boom: RuntimeError: failure injected" in run.stderr


@pytest.mark.spark
def test_spark_keeps_the_first_of_a_repeated_id_and_never_writes_over_a_foreign_folder(tmp_path):
    need_spark()
    import json

    import pyarrow.parquet as pq

    first = "قال الوزير إن المشروع اكتمل في موعده."
    second = "وأكد المتحدث أن الاجتماع تأجل."
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": "x", "text": first}, ensure_ascii=False) + "\n", encoding="utf-8")
    b.write_text(json.dumps({"id": "x", "text": second}, ensure_ascii=False) + "\n", encoding="utf-8")
    foreign = tmp_path / "results"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    args = [sys.executable, "-m", "quotes", "extract", str(a), str(b), "--engine", "spark"]
    run = subprocess.run([*args, "-o", str(foreign)], capture_output=True, text=True, timeout=600, cwd=REPO)
    assert run.returncode == 2 and "holds files that quotes did not write" in run.stderr
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]
    out = tmp_path / "spark"
    run = subprocess.run([*args, "-o", str(out)], capture_output=True, text=True, timeout=600, cwd=REPO)
    assert run.returncode == 1, run.stderr[-2000:]
    assert f"duplicate document id 'x', first read at file://{a}" in run.stderr
    assert [r["content"] for r in pq.read_table(out).to_pylist()] == ["المشروع اكتمل في موعده"]


@pytest.mark.spark
def test_spark_clusters_the_same_statement_as_the_local_run(tmp_path):
    need_spark()
    import pyarrow.parquet as pq

    from quotes.run.spark import extract_with_spark
    from test_clusters import ARTICLES

    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps({"id": d.doc_id, "text": d.text, "date": d.date}, ensure_ascii=False) + "\n"
                           for d in reversed(ARTICLES)), encoding="utf-8")  # another order than the local run's
    extract_with_spark([src], tmp_path / "spark")
    got = {r["id"]: r for r in pq.read_table(tmp_path / "spark").to_pylist()}
    local = tmp_path / "articles-in-order.jsonl"
    local.write_text("".join(json.dumps({"id": d.doc_id, "text": d.text, "date": d.date}, ensure_ascii=False) + "\n"
                             for d in ARTICLES), encoding="utf-8")
    extract_job([local], tmp_path / "local.jsonl")
    want = [json.loads(x) for x in (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines()]
    fields = ("cluster_id", "cluster_size", "cluster_documents")
    assert {r["id"]: tuple(r[f] for f in fields) for r in want} == \
        {i: tuple(r[f] for f in fields) for i, r in got.items()}
    assert sorted(r["cluster_documents"] for r in want) == [1, 3, 3, 3]
