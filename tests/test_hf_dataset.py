"""The Hugging Face dataset: written by `quotes publish`, checked by loading it with `datasets`."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from datasets import ClassLabel, load_dataset

from annotation.dataset import PublishError, build_dataset, records_from_dataset, upload
from annotation.dataset.features import split_of
from conftest import DATA
from quotes.io.documents import read_documents
from quotes.pipeline import Engine
from quotes.record import Document, Quotation


def write_inputs(tmp: Path, docs: list[Document]) -> tuple[Path, Path, list[Quotation]]:
    engine = Engine.load()
    records = [q for d in docs for q in engine.annotate(d)]
    rp, dp = tmp / "quotes.jsonl", tmp / "documents.jsonl"
    rp.write_text("".join(json.dumps(q.to_dict(), ensure_ascii=False) + "\n" for q in records), encoding="utf-8")
    dp.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return rp, dp, records


@pytest.fixture(scope="module")
def seed_docs() -> list[Document]:
    return list(read_documents([DATA]))


@pytest.fixture()
def built(tmp_path, seed_docs):
    rp, dp, records = write_inputs(tmp_path, seed_docs)
    out = tmp_path / "dataset"
    build_dataset(rp, dp, out)
    return out, records, rp, dp


def test_features_class_labels_and_row_counts(built, seed_docs):
    out, records, _, _ = built
    quotes = load_dataset(str(out), "quotes")
    docs = load_dataset(str(out), "documents")
    feats = next(iter(quotes.values())).features
    assert isinstance(feats["type"], ClassLabel) and feats["type"].names == ["direct", "indirect", "mixed"]
    assert feats["stance"].names == ["favor", "against", "neutral"]
    assert feats["speaker_gender"].names == ["male", "female", "unknown"]
    assert feats["label_source"].names == ["rule", "human", "propagated"]
    span_feats = next(iter(docs.values())).features["quotes"].feature
    assert span_feats["type"].names == ["direct", "indirect", "mixed"]
    assert sum(len(s) for s in quotes.values()) == len(records)
    assert sum(len(s) for s in docs.values()) == len(seed_docs)
    for split in docs.values():
        for row in split:
            for span in row["quotes"]:
                assert 0 <= span["start"] < span["end"] <= len(row["text"])


def test_splits_are_disjoint_by_document(built):
    out, _, _, _ = built
    quotes = load_dataset(str(out), "quotes")
    docs = load_dataset(str(out), "documents")
    seen: dict[str, str] = {}
    for name, split in docs.items():
        for doc_id in split["doc_id"]:
            assert doc_id not in seen
            seen[doc_id] = name
    for name, split in quotes.items():
        assert {seen[d] for d in split["doc_id"]} == {name}


def test_split_is_stable_when_documents_are_added(tmp_path, seed_docs):
    more = seed_docs + [dataclasses.replace(d, doc_id=f"{d.doc_id}-copy{i}") for i in range(6) for d in seed_docs]
    small_dir, big_dir = tmp_path / "small", tmp_path / "big"
    small_dir.mkdir()
    big_dir.mkdir()
    build_dataset(*write_inputs(small_dir, seed_docs)[:2], small_dir / "ds")
    build_dataset(*write_inputs(big_dir, more)[:2], big_dir / "ds")
    small = load_dataset(str(small_dir / "ds"), "documents")
    big = load_dataset(str(big_dir / "ds"), "documents")
    where_small = {d: s for s, part in small.items() for d in part["doc_id"]}
    where_big = {d: s for s, part in big.items() for d in part["doc_id"]}
    assert all(where_big[d] == s for d, s in where_small.items())
    assert set(where_big.values()) == {"train", "validation", "test"}
    assert split_of("snn:2015-07-21:3", "okaz") == split_of("snn:2015-07-21:3", "okaz")


def test_card_front_matter_parses(built):
    out, _, _, _ = built
    text = (out / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["language"] == ["ar"]
    assert meta["license"] == "other"  # the seed articles are not SaudiNewsNet
    assert {c["config_name"] for c in meta["configs"]} == {"quotes", "documents"}
    assert "## Label distributions per split" in text and "## Limitations" in text


def test_license_is_cc_by_nc_sa_for_saudinewsnet(tmp_path, seed_docs):
    snn = [dataclasses.replace(d, doc_id=f"snn:2015-07-21:{i}", source="okaz") for i, d in enumerate(seed_docs)]
    rp, dp, _ = write_inputs(tmp_path, snn)
    build_dataset(rp, dp, tmp_path / "ds")
    meta = yaml.safe_load((tmp_path / "ds" / "README.md").read_text(encoding="utf-8").split("---\n")[1])
    assert meta["license"] == "cc-by-nc-sa-4.0"


def test_round_trip_loses_nothing(built):
    out, records, _, _ = built
    back = {r["id"]: r for r in records_from_dataset(out)}
    assert len(back) == len(records)
    for q in records:
        r = back[q.id]
        for f in dataclasses.fields(Quotation):
            want, got = getattr(q, f.name), r[f.name]
            if isinstance(want, float):
                assert got == pytest.approx(want, abs=1e-6), f.name
            elif isinstance(want, dict):
                assert got == pytest.approx(want, abs=1e-6), f.name
            else:
                assert got == want, f.name


def _tree(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_unknown_label_is_named_and_nothing_half_written(built):
    out, records, rp, dp = built
    before = _tree(out)
    lines = rp.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[3])
    bad["stance"] = "positive"
    lines[3] = json.dumps(bad, ensure_ascii=False)
    rp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PublishError, match=rf"quotes\.jsonl:4: record '{bad['id']}': stance 'positive'"):
        build_dataset(rp, dp, out)
    assert _tree(out) == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".dataset")] == []


def test_span_that_does_not_slice_is_named(built):
    out, records, rp, dp = built
    lines = rp.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[0])
    bad["content_start"] += 1
    lines[0] = json.dumps(bad, ensure_ascii=False)
    rp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PublishError, match=rf"record '{bad['id']}': content span"):
        build_dataset(rp, dp, tmp_out := out.parent / "other")
    assert not tmp_out.exists()


def test_push_without_network_fails_clearly_and_dry_run_lists(built, monkeypatch):
    out, _, _, _ = built
    files = upload(out, "someone/quotes", dry_run=True)
    assert "README.md" in files and any(f.startswith("quotes/") for f in files)
    before = _tree(out)
    env = {**os.environ, "HF_ENDPOINT": "http://127.0.0.1:9", "HF_TOKEN": "hf_test_token_not_real",
           "HF_HUB_OFFLINE": "0", "HF_HUB_ETAG_TIMEOUT": "2", "HF_HUB_DOWNLOAD_TIMEOUT": "2"}
    run = subprocess.run([sys.executable, "-m", "quotes", "publish", str(out.parent / "quotes.jsonl"),
                          "--documents", str(out.parent / "documents.jsonl"), "-o", str(out),
                          "--push-to-hub", "someone/quotes"], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "cannot reach the Hugging Face Hub" in run.stderr and "intact" in run.stderr
    assert "hf_test_token_not_real" not in run.stderr + run.stdout
    assert "Traceback" not in run.stderr
    assert _tree(out).keys() == before.keys()
