"""The development set: run the CLI on ../shared/seeds and score it with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import GOLD, SCORER, SEEDS, need_shared


def test_dev_set_score_floor(tmp_path):
    need_shared(SEEDS, GOLD, SCORER)
    pred = tmp_path / "pred.jsonl"
    run = subprocess.run([sys.executable, "-m", "quotes", "extract", str(SEEDS), "-o", str(pred)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    score = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(pred)], capture_output=True, text=True,
                           timeout=60, check=True)
    result = json.loads(score.stdout)
    assert result["f1"] >= 0.85, result
    assert result["attributed_f1"] >= 0.75, result
    for line in pred.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = (SEEDS / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
        assert text[record["content_start"]:record["content_end"]] == record["content"]
