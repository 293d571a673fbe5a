"""Fuzzing on both corpora: noisy variants of real SaudiNewsNet and ANT articles never
raise, every span slices the text exactly, and changing only the white space between
words changes no quotation. Deterministic in CI (QUOTES_PROPERTY_RANDOM=1 explores anew)."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, SHARED
from noise import load_articles, noisy, respace
from quotes import Document, extract_quotations
from quotes.normalize import NormText

ARTICLES = load_articles(SHARED) or [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
SETTINGS = dict(max_examples=int(os.environ.get("QUOTES_PROPERTY_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow], derandomize=not os.environ.get("QUOTES_PROPERTY_RANDOM"))


def _key(q):
    return (q.type, q.content_start, q.content_end, q.cue_start, q.cue_end, q.speaker_start, q.speaker_end,
            q.speaker_name, q.speaker_gender, q.rule)


@settings(**SETTINGS)
@given(st.sampled_from(ARTICLES), st.integers(0, 2**32 - 1), st.booleans())
def test_noisy_articles_never_raise_and_spans_are_exact(article, seed, has_title):
    text = noisy(article, random.Random(seed))
    for q in extract_quotations(Document("n", text, title="t" if has_title else None)):
        assert q.check_spans(text) == []
        assert q.content and q.content.strip() == q.content
        assert q.speaker_gender in ("male", "female", "unknown")


@settings(**SETTINGS)
@given(st.sampled_from(ARTICLES), st.integers(0, 2**32 - 1))
def test_white_space_between_words_changes_no_quotation(article, seed):
    spaced = respace(article, random.Random(seed))
    assert len(spaced) == len(article)
    before = [_key(q) for q in extract_quotations(Document("a", article, title="t"))]
    after = [_key(q) for q in extract_quotations(Document("a", spaced, title="t"))]
    assert after == before


@pytest.mark.parametrize("word, forms", [
    ("قال", "ﻗﺎﻝ"), ("لا", "ﻻ"), ("الله", "ﷲ"),
])
def test_presentation_forms_fold_with_exact_offsets(word, forms):
    text = f"و{forms} x"
    nt = NormText(text)
    assert nt.norm == f"و{word} x"
    s, e = nt.span(1, 1 + len(word))
    assert text[s:e] == forms


def test_the_preposition_ala_stays_apart_from_the_name_ali():
    # every other alef maqsura folds to ي; «على» alone or behind و/ف keeps it, even in
    # presentation forms, so «محمد علي» is a name and «على» a preposition
    text = "وعلى الجميع أن يشكر علي فعلى ﻋﻠﻰ عليه حتى"
    nt = NormText(text)
    assert nt.norm == "وعلى الجميع ان يشكر علي فعلى على عليه حتي"
    assert len(nt.norm) == len(text)


def test_a_quotation_in_presentation_forms_is_found():
    plain = "وقال المتحدث باسم الكرملين دميتري بيسكوف إن الاتصالات مستمرة ولا نريد التصعيد."
    text = "ﻭﻗﺎﻝ ﺍﻟﻤﺘﺤﺪﺙ ﺑﺎﺳﻢ ﺍﻟﻜﺮﻣﻠﻴﻦ ﺩﻣﻴﺘﺮﻱ ﺑﻴﺴﻜﻮﻑ ﺇﻥ ﺍﻻﺗﺼﺎﻻﺕ ﻣﺴﺘﻤﺮﺓ ﻭﻻ ﻧﺮﻳﺪ ﺍﻟﺘﺼﻌﻴﺪ."
    (q,) = extract_quotations(Document("p", text, title="t"))
    (ref,) = extract_quotations(Document("p", plain, title="t"))
    assert q.check_spans(text) == []
    assert q.content == "ﺍﻻﺗﺼﺎﻻﺕ ﻣﺴﺘﻤﺮﺓ ﻭﻻ ﻧﺮﻳﺪ ﺍﻟﺘﺼﻌﻴﺪ"
    assert q.speaker_name == ref.speaker_name == "دميتري بيسكوف"


@pytest.mark.slow
def test_two_thousand_noisy_articles_extract_with_no_failure_and_exact_offsets(tmp_path):
    import json
    import subprocess
    import sys

    from conftest import REPO, need_shared

    need_shared(SHARED / "corpora")
    corpus, out, docs = tmp_path / "noisy.jsonl", tmp_path / "q.jsonl", tmp_path / "d.jsonl"
    subprocess.run([sys.executable, str(REPO / "scripts" / "noisy_corpus.py"), "-n", "2000", "-o", str(corpus)],
                   check=True, capture_output=True, timeout=300)
    run = subprocess.run([sys.executable, "-m", "quotes", "extract", str(corpus), "-o", str(out), "--documents",
                          str(docs)], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert "2000 documents" in run.stderr and "0 skipped, 0 failed" in run.stderr
    texts = {d["doc_id"]: d["text"] for d in map(json.loads, docs.read_text(encoding="utf-8").splitlines())}
    for line in out.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text = texts[r["doc_id"]]
        assert text[r["content_start"]:r["content_end"]] == r["content"]
        assert text[r["cue_start"]:r["cue_end"]] == r["cue"]
        if r["speaker_start"] is not None:
            assert text[r["speaker_start"]:r["speaker_end"]] == r["speaker_mention"]
