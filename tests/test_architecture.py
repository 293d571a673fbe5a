"""The border between the pure core and the side effects, checked on the imports.

The core (text and lexicons in, frozen records out) imports no runner, no file writer,
no network, process or terminal library; the border packages do not import the command
line; the Label Studio format and review are pure functions. Imports inside functions
count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

CORE = ["quotes/*.py", "quotes/rules/*.py", "quotes/speakers/*.py"]
NOT_CORE = {"quotes/cli.py", "quotes/__main__.py"}
SIDE_EFFECTS = ("quotes.io", "quotes.run", "quotes.cli", "annotation", "datasets", "pyarrow", "pyspark", "pandas",
                "label_studio_sdk", "httpx", "huggingface_hub", "typer", "rich", "subprocess", "multiprocessing",
                "concurrent", "socket", "urllib", "tempfile", "shutil")
PURE_ANNOTATION = ["annotation/labelstudio/format.py", "annotation/labelstudio/review.py", "annotation/agreement.py",
                   "annotation/dataset/features.py", "annotation/dataset/card.py"]
NETWORK = ("label_studio_sdk", "httpx", "huggingface_hub", "subprocess", "socket", "urllib", "requests")


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def files(patterns: list[str]) -> list[Path]:
    return sorted(p for pat in patterns for p in REPO.glob(pat) if str(p.relative_to(REPO)) not in NOT_CORE)


def offending(path: Path, banned: tuple[str, ...]) -> list[str]:
    return sorted(n for n in imports_of(path) if any(n == b or n.startswith(b + ".") for b in banned))


@pytest.mark.parametrize("path", files(CORE), ids=lambda p: str(p.relative_to(REPO)))
def test_the_core_imports_no_side_effect(path):
    assert offending(path, SIDE_EFFECTS) == []


@pytest.mark.parametrize("path", files(["quotes/io/*.py", "quotes/run/*.py"]), ids=lambda p: str(p.relative_to(REPO)))
def test_the_border_never_imports_the_command_line(path):
    assert offending(path, ("quotes.cli", "typer")) == []


@pytest.mark.parametrize("path", [REPO / p for p in PURE_ANNOTATION], ids=lambda p: str(p.relative_to(REPO)))
def test_the_label_studio_format_the_review_and_the_dataset_schema_are_pure(path):
    assert offending(path, NETWORK + ("quotes.run", "quotes.io.atomic", "quotes.io.outputs")) == []


def test_the_core_is_listed_whole():
    """A new package under quotes/ must be placed: in the core or on the border."""
    packages = {p.parent.name for p in (REPO / "quotes").glob("*/__init__.py")}
    assert packages == {"rules", "speakers", "io", "run"}
