"""No article can stop a job: white space of every kind inside a multi-word cue reads as a
plain space, and an error inside the engine fails that one document, in every runner of
``quotes extract`` and ``quotes build``, while the rest of the run completes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import body_quotes_of, span
from quotes import cli
from quotes.run import parallel
from quotes.pipeline import Engine

real_annotate = Engine.annotate

# CNN Arabic (ANT corpus, cnnarabic:459): «وتابع قائلا» written with a no-break space
ANT_SENTENCE = ("وتابع{sp}قائلا: \"استراتيجية إيران ناجحة بشكل كبير لأنها تتوزع في مناطق تتمتع فيها "
                "بحلفاء أقوياء\"")


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009", "\u3000", "\t", "\u200f \u200d"])
def test_a_multi_word_cue_matches_with_any_white_space_inside(space):
    text = ANT_SENTENCE.format(sp=space)
    quotes = body_quotes_of(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.cue == f"وتابع{space}قائلا"
    assert (q.content_start, q.content_end) == span(text, "استراتيجية إيران ناجحة بشكل كبير لأنها تتوزع في مناطق "
                                                         "تتمتع فيها بحلفاء أقوياء")
    assert q.type == "direct"


GOOD = "قال الوزير إن المشروع اكتمل في موعده."


def _corpus(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [{"id": f"d{i}", "text": GOOD} for i in range(5)]
    lines[2]["id"] = "boom"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


@pytest.fixture
def engine_raises_on_boom(monkeypatch):
    """The test seam: the engine raises inside one document (workers are forked, so they
    inherit the patched function)."""
    def annotate(self, doc):
        if doc.doc_id == "boom":
            raise RuntimeError("engine bug\nsecond line not shown")
        return real_annotate(self, doc)

    monkeypatch.setattr(Engine, "annotate", annotate)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_engine_error_fails_one_document_and_the_extract_run_goes_on(tmp_path, engine_raises_on_boom, workers):
    out = tmp_path / "out" / "q.jsonl"
    result = CliRunner().invoke(cli.app, ["extract", str(_corpus(tmp_path)), "-o", str(out), "-j", workers])
    assert result.exit_code == 1
    assert "in.jsonl:3: document boom: RuntimeError: engine bug" in result.output
    assert "second line" not in result.output
    assert "Traceback" not in result.output
    assert sorted({json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()}) == \
        ["d0", "d1", "d3", "d4"]
    failed = [json.loads(x) for x in (out.parent / "failed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert failed == [{"doc_id": "boom", "origin": f"{tmp_path / 'in.jsonl'}:3", "error": "RuntimeError",
                       "message": "engine bug"}]
    assert "1 failed" in result.output


def test_debug_shows_the_traceback_of_a_failed_document(tmp_path, engine_raises_on_boom):
    out = tmp_path / "q.jsonl"
    result = CliRunner().invoke(cli.app, ["--debug", "extract", str(_corpus(tmp_path)), "-o", str(out)])
    assert result.exit_code == 1
    assert "Traceback" in result.output and "RuntimeError: engine bug" in result.output


def test_an_engine_error_fails_one_document_and_the_build_goes_on(tmp_path, engine_raises_on_boom):
    out = tmp_path / "build"
    result = CliRunner().invoke(cli.app, ["build", str(_corpus(tmp_path)), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "document boom: RuntimeError" in result.output
    assert len((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()) == 4
    assert json.loads((out / "failed.jsonl").read_text(encoding="utf-8"))["doc_id"] == "boom"
    assert '<span id="n-failed">1</span> failed' in (out / "report.html").read_text(encoding="utf-8")


def test_a_clean_rerun_removes_the_earlier_failure_list(tmp_path):
    out = tmp_path / "q.jsonl"
    (tmp_path / "failed.jsonl").write_text('{"doc_id": "old"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["extract", str(_corpus(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "failed.jsonl").exists()


@pytest.mark.slow
def test_the_whole_ant_corpus_extracts_with_no_failed_document(tmp_path):
    """17,601 articles from six pan-Arab outlets (no-break spaces, hashtags, datelines): every
    non-empty article is kept and none fails in the engine."""
    from conftest import SHARED, need_shared

    ant = SHARED / "corpora" / "ant" / "articles.jsonl"
    need_shared(ant)
    out = tmp_path / "ant.jsonl"
    result = CliRunner().invoke(cli.app, ["-q", "extract", str(ant), "-o", str(out), "-j", "2"])
    assert result.exit_code in (0, 1), result.output
    assert "failed" not in result.output.replace("0 failed", "")
    assert not (tmp_path / "failed.jsonl").exists()
    kept = {json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert len(kept) > 15_000


@pytest.mark.slow
def test_the_whole_saudinewsnet_corpus_extracts_with_no_failed_document(tmp_path):
    from conftest import CORPUS, need_shared

    need_shared(CORPUS)
    out = tmp_path / "snn.jsonl"
    result = CliRunner().invoke(cli.app, ["-q", "extract", str(CORPUS), "-o", str(out), "-j", "2"])
    assert result.exit_code in (0, 1), result.output  # 1: the corpus has empty articles, reported as skipped
    assert "failed" not in result.output.replace("0 failed", "")
    assert not (tmp_path / "failed.jsonl").exists()


def test_a_document_over_its_time_budget_fails_and_the_run_goes_on(tmp_path, monkeypatch):
    import time
    from dataclasses import replace

    from quotes.limits import load_limits

    def slow_annotate(self, doc):
        if doc.doc_id == "boom":
            time.sleep(5)
        return real_annotate(self, doc)

    monkeypatch.setattr(Engine, "annotate", slow_annotate)
    monkeypatch.setattr(parallel, "load_limits",
                        lambda: replace(load_limits(), time_budget_seconds=0.5, time_budget_per_100k_chars=0.0))
    out = tmp_path / "q.jsonl"
    result = CliRunner().invoke(cli.app, ["extract", str(_corpus(tmp_path)), "-o", str(out)])
    assert result.exit_code == 1
    assert "document boom: OverBudget: over its time budget of 0.5 s" in result.output
    assert len({json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()}) == 4


def test_a_lone_surrogate_is_replaced_and_counted_not_fatal(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "s1", "text": "قال الوزير إن المشروع \\ud800 اكتمل في موعده."}\n', encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = CliRunner().invoke(cli.app, ["extract", str(src), "-o", str(out), "--documents", str(tmp_path / "d.jsonl")])
    assert result.exit_code == 0, result.output
    assert "1 lone surrogate(s) in the input replaced by U+FFFD" in result.output
    (record,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert record["content"] == "المشروع \ufffd اكتمل في موعده"
