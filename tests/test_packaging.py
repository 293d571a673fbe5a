"""The wheel holds every resource and template: built, installed apart from the source
tree, it runs ``quotes build`` on data/ (the route the README gives for Spark clusters)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import DATA, REPO


@pytest.mark.slow
def test_the_wheel_installed_apart_from_the_source_runs_a_build(tmp_path):
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout to copy the tracked files from")
    src = tmp_path / "src"  # the tracked files only: no build/ or egg-info left by an earlier build
    tracked = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z"], check=True, capture_output=True,
                             timeout=60).stdout.decode("utf-8").split("\0")
    for name in filter(None, tracked):
        if (REPO / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, src / name)
    wheels = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w",
                    str(wheels), str(src)], check=True, capture_output=True, timeout=600)
    (wheel,) = wheels.glob("arabic_quotes-*.whl")
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    work = tmp_path / "work"
    shutil.copytree(DATA, work / "data")
    env = {**os.environ, "PYTHONPATH": str(site)}  # the installed wheel, not the source tree
    run = subprocess.run([sys.executable, "-c", "import quotes, sys; print(quotes.__file__); "
                          "sys.argv = ['quotes', '-q', 'build', '-o', 'out']; from quotes.cli import main; main()"],
                         cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith(str(site))
    for name in ("quotes.jsonl", "documents.jsonl", "report.html", "labelstudio/label_config.xml", "dataset/README.md"):
        assert (work / "out" / name).exists(), name
    first = json.loads((work / "out" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["stance"] in ("favor", "against", "neutral") and first["stance_reason"]  # stance resources shipped
