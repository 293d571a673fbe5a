"""Nothing a user has is destroyed, whatever paths they give: one test per case a careful
but unlucky user met (inputs as outputs, foreign folders, empty runs, duplicate ids,
concurrent builds, a Hub that never answers)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, REPO, run_cli
from quotes.io.outputs import MARKER, FolderLock, OutputError

ARTICLE = ("وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين: «لا نرى أي أساس لهذه الاتهامات».\n"
           "وأضاف أن موسكو مستعدة للحوار.\n")
OTHER = "أكد وزير الصحة أن المستشفيات الجديدة ستفتح أبوابها العام المقبل.\n"


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (hidden ones too) with the hash of its bytes."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """One build of the seed articles, copied by the tests that change it."""
    out = tmp_path_factory.mktemp("built") / "out"
    run = run_cli("build", str(DATA), "-o", str(out), cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stderr
    return out


def copy_build(built: Path, where: Path) -> Path:
    import shutil

    shutil.copytree(built, where / "out")
    return where / "out"


# --- outputs never destroy inputs or unrelated files -------------------------------------

def test_publish_into_a_folder_of_other_files_is_refused_and_touches_nothing(built, tmp_path):
    out = copy_build(built, tmp_path)
    target = tmp_path / "d"
    target.mkdir()
    (target / "thesis.tex").write_text("\\chapter{}", encoding="utf-8")
    run = run_cli("publish", str(out / "quotes.jsonl"), "--documents", str(out / "documents.jsonl"), "-o", str(target))
    assert run.returncode == 2
    assert f"{target} holds files that quotes did not write" in run.stderr and "--force" in run.stderr
    assert tree(target) == {"thesis.tex": hashlib.sha256(b"\\chapter{}").hexdigest()}


def test_publish_into_the_current_folder_or_the_build_folder_is_refused(built, tmp_path):
    out = copy_build(built, tmp_path)
    before = tree(out)
    run = run_cli("publish", "quotes.jsonl", "--documents", "documents.jsonl", "-o", ".", cwd=out)
    assert run.returncode == 2 and "the input quotes.jsonl lies inside the output folder ." in run.stderr
    run = run_cli("publish", str(out / "quotes.jsonl"), "--documents", str(out / "documents.jsonl"), "-o", str(out))
    assert run.returncode == 2 and "lies inside the output folder" in run.stderr
    assert tree(out) == before


def test_publish_onto_a_file_is_refused_and_with_force_the_file_is_kept(built, tmp_path):
    out = copy_build(built, tmp_path)
    afile = tmp_path / "afile.txt"
    afile.write_text("notes", encoding="utf-8")
    args = ("publish", str(out / "quotes.jsonl"), "--documents", str(out / "documents.jsonl"), "-o", str(afile))
    run = run_cli(*args)
    assert run.returncode == 2 and f"{afile} is a file, not a folder" in run.stderr
    assert afile.read_text(encoding="utf-8") == "notes"
    run = run_cli(*args, "--force")
    assert run.returncode == 0, run.stderr
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("afile.txt.old-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "notes"
    assert f"kept what was at {afile} before as {kept[0]}" in run.stderr
    from datasets import load_dataset

    assert load_dataset(str(afile), "quotes")["train"].num_rows > 0


def test_republishing_replaces_our_dataset_and_keeps_what_the_user_added(built, tmp_path):
    out = copy_build(built, tmp_path)
    (out / "reviewed.jsonl").write_text("{}\n", encoding="utf-8")  # a pull's output beside the build
    (out / "dataset" / "NOTES.md").write_text("mine", encoding="utf-8")
    run = run_cli("publish", str(out / "quotes.jsonl"), "--documents", str(out / "documents.jsonl"),
                  "-o", str(out / "dataset"))
    assert run.returncode == 0, run.stderr
    assert (out / "dataset" / "NOTES.md").read_text(encoding="utf-8") == "mine"
    run = run_cli("build", str(DATA), "-o", str(out), cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stderr
    assert (out / "reviewed.jsonl").read_text(encoding="utf-8") == "{}\n"
    assert json.loads((out / MARKER).read_text(encoding="utf-8"))["kind"] == "build"


def test_extract_onto_its_own_input_is_refused(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    before = src.read_bytes()
    for args in (("-o", str(src)), ("-o", str(tmp_path / "q.jsonl"), "--documents", str(src))):
        run = run_cli("extract", str(src), *args)
        assert run.returncode == 2 and f"the output {src} is the input {src}" in run.stderr
        assert src.read_bytes() == before
    run = run_cli("extract", str(tmp_path), "-o", str(tmp_path / "q.jsonl"))
    assert run.returncode == 2 and "lies inside the input" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


# --- a run that produced nothing replaces nothing --------------------------------------------

def test_a_missing_input_is_a_usage_error_and_the_earlier_output_stays(tmp_path):
    q = tmp_path / "q.jsonl"
    run = run_cli("extract", str(DATA), "-o", str(q))
    assert run.returncode == 0
    before = q.read_bytes()
    run = run_cli("extract", "/typo", "-o", str(q))
    assert run.returncode == 2 and "/typo: no such file or folder (nothing was written)" in run.stderr
    assert q.read_bytes() == before


def test_a_run_with_no_document_leaves_earlier_outputs_as_they_were(built, tmp_path):
    out = copy_build(built, tmp_path)
    before = tree(out)
    empty = tmp_path / "empty_folder"
    empty.mkdir()
    run = run_cli("build", str(empty), "-o", str(out))
    assert run.returncode == 2
    assert f"no document was read from {empty}" in run.stderr and f"{out} left as it was" in run.stderr
    assert tree(out) == before
    q = out / "quotes.jsonl"
    run = run_cli("extract", str(empty), "-o", str(q))
    assert run.returncode == 2 and f"{q} left as it was" in run.stderr
    assert tree(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no staging folder left behind"


def test_a_build_never_reads_its_own_outputs(tmp_path):
    data2 = tmp_path / "data2"
    data2.mkdir()
    (data2 / "kremlin.txt").write_text(ARTICLE, encoding="utf-8")
    before = tree(data2)
    run = run_cli("build", str(data2), "-o", str(data2))
    assert run.returncode == 2 and f"the output {data2} is the input {data2}" in run.stderr
    assert tree(data2) == before
    run = run_cli("build", str(data2 / "kremlin.txt"), "-o", str(data2))
    assert run.returncode == 2 and "lies inside the output folder" in run.stderr


# --- duplicate document ids ------------------------------------------------------------------

def test_duplicate_ids_keep_the_first_and_report_both_origins_in_extract_build_and_publish(tmp_path):
    a = jsonl(tmp_path / "a.jsonl", [{"id": "kremlin", "text": ARTICLE}, {"id": "health", "text": OTHER},
                                     {"id": "kremlin", "text": OTHER}])
    b = jsonl(tmp_path / "b.jsonl", [{"id": "health", "text": ARTICLE}])
    q, d = tmp_path / "q.jsonl", tmp_path / "d.jsonl"
    run = run_cli("extract", str(a), str(b), "-o", str(q), "--documents", str(d))
    assert run.returncode == 1
    assert f"{a}:3: duplicate document id 'kremlin', first read at {a}:1; skipped (the first is kept)" in run.stderr
    assert f"{b}:1: duplicate document id 'health', first read at {a}:2" in run.stderr
    docs = [json.loads(line) for line in d.read_text(encoding="utf-8").splitlines()]
    assert [(x["doc_id"], x["text"]) for x in docs] == [("kremlin", ARTICLE), ("health", OTHER)]

    out = tmp_path / "out"
    run = run_cli("build", str(a), str(b), "-o", str(out))
    assert run.returncode == 1 and "duplicate document id 'kremlin'" in run.stderr
    from datasets import load_dataset

    ds = load_dataset(str(out / "dataset"), "documents")
    assert sorted(doc for split in ds.values() for doc in split["doc_id"]) == ["health", "kremlin"]

    doubled = jsonl(tmp_path / "doubled.jsonl", docs + docs[:1])
    run = run_cli("publish", str(q), "--documents", str(doubled), "-o", str(tmp_path / "ds"))
    assert run.returncode == 1
    assert f"{doubled}:3: duplicate document id 'kremlin', first read at {doubled}:1" in run.stderr


# --- one build at a time per folder ----------------------------------------------------------

def test_a_second_build_into_a_locked_folder_fails_clearly_and_a_stale_lock_is_taken_over(tmp_path):
    out = tmp_path / "out"
    with FolderLock(out):
        run = run_cli("build", str(DATA), "-o", str(out))
        assert run.returncode == 2
        assert f"{out} is being written by another run (pid {os.getpid()})" in run.stderr
        with pytest.raises(OutputError, match="being written by another run"):
            FolderLock(out).__enter__()
    assert not out.exists()
    (tmp_path / ".out.lock").write_text("999999\n", encoding="utf-8")  # left by a killed run
    run = run_cli("build", str(DATA), "-o", str(out))
    assert run.returncode == 0, run.stderr


def test_concurrent_builds_into_one_folder_never_mix(tmp_path):
    """Each of two simultaneous builds either completes or stops at the lock; the folder is
    always one whole build (the dataset loads, records match documents)."""
    out = tmp_path / "out"
    for _ in range(3):
        procs = [subprocess.Popen([sys.executable, "-m", "quotes", "build", str(DATA), "-o", str(out)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
        assert any(code == 0 for code, _ in results)
        for code, stderr in results:
            assert code == 0 or (code == 2 and "is being written by another run" in stderr), stderr
        from datasets import load_dataset

        assert load_dataset(str(out / "dataset"), "quotes")["train"].num_rows > 0


# --- the Hugging Face Hub --------------------------------------------------------------------

def test_push_to_hub_without_a_token_stops_before_any_network_or_write(built, tmp_path):
    env = {**os.environ, "HF_TOKEN": "", "HF_HOME": str(tmp_path / "hf"), "HF_HUB_OFFLINE": "0",
           "HF_ENDPOINT": "http://127.0.0.1:9"}
    run = run_cli("publish", str(built / "quotes.jsonl"), "--documents", str(built / "documents.jsonl"),
                  "-o", str(tmp_path / "ds"), "--push-to-hub", "someone/quotes", env=env)
    assert run.returncode == 2 and "no Hugging Face token" in run.stderr
    assert not (tmp_path / "ds").exists()


def test_a_hub_that_accepts_but_never_answers_gives_up_within_the_deadline(built, tmp_path):
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []

    def accept_and_hold() -> None:
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept_and_hold, daemon=True).start()
    limits = tmp_path / "limits.yaml"
    shipped = (REPO / "quotes" / "resources" / "limits.yaml").read_text(encoding="utf-8")
    limits.write_text(shipped.replace("hub_read_timeout_seconds: 20", "hub_read_timeout_seconds: 1")
                      .replace("hub_deadline_seconds: 60", "hub_deadline_seconds: 4"), encoding="utf-8")
    env = {**os.environ, "HF_TOKEN": "hf_secret_token_value", "HF_HUB_OFFLINE": "0", "QUOTES_LIMITS": str(limits),
           "HF_ENDPOINT": f"http://127.0.0.1:{listener.getsockname()[1]}"}
    t0 = time.monotonic()
    run = run_cli("publish", str(built / "quotes.jsonl"), "--documents", str(built / "documents.jsonl"),
                  "-o", str(tmp_path / "ds"), "--push-to-hub", "someone/quotes", env=env)
    elapsed = time.monotonic() - t0
    listener.close()
    assert run.returncode == 2, run.stderr
    assert "nothing was uploaded to someone/quotes" in run.stderr and "Traceback" not in run.stderr
    assert "hf_secret_token_value" not in run.stderr + run.stdout
    assert elapsed < 20
    assert "hub_deadline_seconds: 60" in shipped and "hub_read_timeout_seconds: 20" in shipped
