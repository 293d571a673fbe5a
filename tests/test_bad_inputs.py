"""The bad-input suite: every kind of broken input is reported with its file and line,
the good documents are all processed, no partial output is left, and runs are bounded."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from conftest import DATA, run_cli

GOOD = "قال الوزير إن المشروع اكتمل في موعده.\nوأضاف: «نحن مستعدون للمرحلة الثانية».\n"


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_corpus_of_bad_files_is_reported_and_the_rest_processed(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(os.urandom(2048) + b"\x00\x00")
    (corpus / "cp1256.txt").write_bytes(GOOD.encode("cp1256"))
    (corpus / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (corpus / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    (corpus / "lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": GOOD}, ensure_ascii=False) + "\n{broken\n"
        + json.dumps({"id": "j3", "text": GOOD}, ensure_ascii=False) + "\n", encoding="utf-8")
    (corpus / "2015-07-21.json").write_text(json.dumps(
        [{"source": "x", "content": GOOD}, {"source": "x", "title": "no text"}], ensure_ascii=False), encoding="utf-8")
    with zipfile.ZipFile(corpus / "day.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", GOOD * 40)
        zf.writestr("b.txt", GOOD)
    raw = bytearray((corpus / "day.zip").read_bytes())
    i = raw.index(b"a.txt") + 20
    raw[i:i + 16] = b"\xff" * 16
    (corpus / "day.zip").write_bytes(bytes(raw))
    noisy = "عنوان الخبر\n" + "".join(f"\u200f\u202bوقـــال الوزيرُ {i}\u202c: «نَحنُ مستعدّون 😀 للحوار»\u200e\n"
                                      for i in range(3))
    (corpus / "noisy.txt").write_text(noisy, encoding="utf-8")

    out = tmp_path / "out.jsonl"
    t0 = time.perf_counter()
    run = run_cli("extract", str(corpus), "-o", str(out), "--documents", str(tmp_path / "docs.jsonl"))
    assert time.perf_counter() - t0 < 60
    assert run.returncode == 1, run.stderr
    err = run.stderr
    assert "Traceback" not in err
    for expected in ("empty.txt: empty document", "binary.txt: binary data (NUL bytes), not text",
                     "lines.jsonl:2: broken JSON", "2015-07-21.json[1]: no 'text' field",
                     "day.zip!a.txt: corrupted archive member"):
        assert expected in err, expected
    assert "7 skipped" not in err and "5 skipped" in err
    docs = [json.loads(line)["doc_id"] for line in (tmp_path / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(docs) == sorted(["good", "cp1256", "utf16", "bom", "j1", "j3", "snn:2015-07-21:0", "b", "noisy"])
    recs = records(out)
    by_doc = {}
    for r in recs:
        by_doc.setdefault(r["doc_id"], []).append(r)
    assert set(by_doc) == set(docs)
    text_of = {json.loads(line)["doc_id"]: json.loads(line)["text"]
               for line in (tmp_path / "docs.jsonl").read_text(encoding="utf-8").splitlines()}
    for r in recs:
        assert text_of[r["doc_id"]][r["content_start"]:r["content_end"]] == r["content"]
    assert [r["content"] for r in by_doc["noisy"]] == ["نَحنُ مستعدّون 😀 للحوار"] * 3
    assert not list(tmp_path.glob(".*.tmp"))


def test_one_megabyte_line_and_ten_thousand_unbalanced_marks(tmp_path):
    seeds = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in sorted(DATA.glob("*.txt")))
    (tmp_path / "big.txt").write_text((seeds * (1_000_000 // len(seeds) + 1))[:1_000_000], encoding="utf-8")
    (tmp_path / "marks.txt").write_text('قال "' * 10_000, encoding="utf-8")
    t0 = time.perf_counter()
    run = run_cli("extract", str(tmp_path / "big.txt"), str(tmp_path / "marks.txt"), "-o", str(tmp_path / "o.jsonl"))
    assert time.perf_counter() - t0 < 30
    assert run.returncode == 0, run.stderr
    assert {r["doc_id"] for r in records(tmp_path / "o.jsonl")} >= {"big"}


def test_output_in_a_read_only_place_is_a_clear_error(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    if os.geteuid() == 0:
        target = Path("/proc/self/quotes/out.jsonl")  # read-only even for root
    else:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        target = ro / "out.jsonl"
    run = run_cli("extract", str(tmp_path / "good.txt"), "-o", str(target))
    assert run.returncode == 2
    assert f"cannot write {target}" in run.stderr
    assert "Traceback" not in run.stderr
    assert not target.exists()


def test_usage_errors_exit_with_2(tmp_path):
    run = run_cli("extract", str(tmp_path))
    assert run.returncode == 2 and "Missing option" in run.stderr


def test_killed_run_leaves_the_old_output_and_a_rerun_completes(tmp_path):
    docs = tmp_path / "many.jsonl"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt")))
    with open(docs, "w", encoding="utf-8") as fh:
        for i in range(1500):
            fh.write(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text('{"previous": "complete output"}\n', encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "quotes", "extract", str(docs), "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".out.jsonl.*.tmp")):
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert out.read_text(encoding="utf-8") == '{"previous": "complete output"}\n'
    run = run_cli("extract", str(docs), "-o", str(out), timeout=300)
    assert run.returncode == 0, run.stderr
    recs = records(out)
    assert len({r["doc_id"] for r in recs}) == 1500
    assert not list(tmp_path.glob(".out.jsonl.*.tmp"))  # the killed run's temporary file is gone
