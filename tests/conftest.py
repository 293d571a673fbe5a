"""Shared test fixtures: paths to the repository's data and to ../shared."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Nothing in the tests may reach the network, and the datasets cache stays out of $HOME.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ.setdefault("HF_HOME", tempfile.mkdtemp(prefix="quotes-hf-home-"))

from quotes import Document, extract_quotations

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUOTES_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.jsonl"
SCORER = SHARED / "tools" / "score_quotes.py"
CORPUS = SHARED / "corpora" / "saudinewsnet"
DATA = REPO / "data"


def run_cli(*args: str, timeout: float = 120, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m quotes ARGS`` in a fresh interpreter, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "quotes", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=env)


def need_shared(*paths: Path) -> None:
    """Skip with a clear message when ../shared (or part of it) is not beside the repo."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"needs ../shared beside the repository; missing: {', '.join(missing)}")


def quotes_of(text: str, doc_id: str = "t"):
    """Quotations of one text given as a .txt-like document (headline rule active)."""
    return extract_quotations(Document(doc_id, text))


def body_quotes_of(text: str, doc_id: str = "t"):
    """Quotations of article body text (title kept apart, as SaudiNewsNet gives it)."""
    return extract_quotations(Document(doc_id, text, title="عنوان"))


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """(start, end) of the nth occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))}
