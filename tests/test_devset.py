"""Regression floors: run the CLI on ../shared/seeds and on the development set
(../shared/gold/dev_articles.jsonl) and score them with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import GOLD, SCORER, SEEDS, SHARED, need_shared


def extract_and_score(articles: Path, gold: Path, pred: Path) -> dict:
    """``python -m quotes extract`` then the shared scorer's figures."""
    need_shared(articles, gold, SCORER)
    run = subprocess.run([sys.executable, "-m", "quotes", "extract", str(articles), "-o", str(pred)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    score = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred)], capture_output=True, text=True,
                           timeout=60, check=True)
    return json.loads(score.stdout)


def test_seed_articles_score_floor(tmp_path):
    pred = tmp_path / "pred.jsonl"
    result = extract_and_score(SEEDS, GOLD, pred)
    assert result["f1"] >= 0.85, result
    assert result["attributed_f1"] >= 0.75, result
    assert result["stance_macro_f1"] >= 0.80, result
    for line in pred.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = (SEEDS / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
        assert text[record["content_start"]:record["content_end"]] == record["content"]


def test_development_set_score_floor(tmp_path):
    """Floors a little under today's scores (quote F1 0.88, speaker 0.82, attributed F1 0.72,
    stance 0.71): a change that loses ground on the development set fails here, not only on
    the seeds."""
    result = extract_and_score(SHARED / "gold" / "dev_articles.jsonl", SHARED / "gold" / "dev.jsonl",
                               tmp_path / "pred.jsonl")
    assert result["f1"] >= 0.87 and result["speaker_acc"] >= 0.81 and result["attributed_f1"] >= 0.71 \
        and result["stance_macro_f1"] >= 0.68, result
