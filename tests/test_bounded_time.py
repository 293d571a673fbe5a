"""Adversarial inputs finish in bounded time (no catastrophic backtracking, no quadratic scans)."""

from __future__ import annotations

import json
import time
import zipfile

import pytest

from conftest import CORPUS
from quotes import Document, extract_quotations


def timed(text: str) -> tuple[float, list]:
    t0 = time.perf_counter()
    qs = extract_quotations(Document("big", text))
    return time.perf_counter() - t0, qs


def _one_megabyte_of_real_news() -> str:
    zips = sorted(CORPUS.glob("*.zip"))
    if not zips:
        pytest.skip(f"needs the SaudiNewsNet corpus in {CORPUS} (../shared beside the repository)")
    parts, n = [], 0
    with zipfile.ZipFile(zips[0]) as zf:
        for a in json.loads(zf.read(zf.namelist()[0])):
            t = (a.get("content") or "").replace("\n", " ")
            parts.append(t)
            n += len(t)
            if n > 1_000_000:
                break
    return " ".join(parts)[:1_000_000]


def test_one_megabyte_single_paragraph_article():
    text = _one_megabyte_of_real_news()
    extract_quotations(Document("warm", text[:2000]))
    seconds, qs = timed(text)
    assert len(qs) > 500
    assert seconds < 1.5, seconds  # about 0.7 s here; the margin absorbs a busy shared machine


def test_ten_thousand_unbalanced_quote_marks():
    seconds, _ = timed('قال "' * 10_000)
    assert seconds < 1.0, seconds
    seconds, _ = timed("«" * 10_000 + "قال: " + '"' * 10_000 + "»" * 3)
    assert seconds < 1.0, seconds


def test_many_cues_without_any_sentence_end():
    seconds, qs = timed(("أكد الوزير أن " + "كلمة " * 50) * 5000)
    assert len(qs) == 5000
    assert seconds < 3.0, seconds
