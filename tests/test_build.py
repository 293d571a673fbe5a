"""`quotes build`: every output, byte-identical re-runs, and the report seen in a real browser."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from datasets import load_dataset

from conftest import DATA, REPO

CHROMIUM = next((p for p in ("chromium", "chromium-browser", "google-chrome") if shutil.which(p)), None)


def build(out: Path, *inputs: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotes", "build", *inputs, "-o", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=REPO)


def digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "out"
    run = build(out)
    assert run.returncode == 0, run.stderr
    return out, run


def test_build_writes_every_output_from_data(built):
    out, run = built
    for rel in ("quotes.jsonl", "documents.jsonl", "labelstudio/label_config.xml", "labelstudio/tasks.json",
                "dataset/README.md", "report.html"):
        assert (out / rel).is_file(), rel
    assert "quotes build: 5 documents" in run.stderr and str(out / "report.html") in run.stderr
    recs = [json.loads(line) for line in (out / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(recs) > 40 and all(r["stance"] in ("favor", "against", "neutral") for r in recs)
    tasks = json.loads((out / "labelstudio" / "tasks.json").read_text(encoding="utf-8"))
    assert len(tasks) == len(list(DATA.glob("*.txt")))
    assert all(t["predictions"][0]["model_version"] == recs[0]["engine_version"] for t in tasks)
    ds = load_dataset(str(out / "dataset"), "quotes")
    assert sum(len(s) for s in ds.values()) == len(recs)


def test_rebuild_is_byte_identical(built, tmp_path):
    out, _ = built
    again = tmp_path / "again"
    assert build(again).returncode == 0
    assert digest(again) == digest(out)


def test_report_renders_in_headless_chromium_without_console_errors(built, tmp_path):
    if CHROMIUM is None:
        pytest.skip("no Chromium here: apt-get install chromium (.ci/run installs it)")
    out, _ = built
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--dump-dom", (out / "report.html").as_uri()], capture_output=True, text=True, timeout=120)
    dom = run.stdout
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    assert 'data-ready="1"' in dom and 'data-charts="6"' in dom
    recs = (out / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    assert re.search(rf'id="n-quotations">{len(recs)}<', dom)
    assert re.search(r'id="n-documents">5<', dom)
    assert "دميتري بيسكوف" in dom
