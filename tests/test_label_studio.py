"""Label Studio round trip against a real server started for these tests.

The server runs on a free port of 127.0.0.1 with a throwaway data dir and a fixed token,
and is stopped by its PID at the end, even when a test fails.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from annotation.labelstudio import server as ls_server
from annotation.agreement import agreement, cohen_kappa, krippendorff_alpha
from annotation.labelstudio.format import QUOTE, label_config, text_sha
from annotation.labelstudio.client import StudioError, connect, pull, push
from conftest import DATA
from quotes.io.documents import read_documents
from quotes.pipeline import Engine
from quotes.record import Document
from quotes.io.recordsio import read_records

pytestmark = pytest.mark.studio
TOKEN = "0123456789abcdef0123456789abcdef01234567"
MESSY = ("قـــال الوزيرُ: «نَحنُ مستعدّون للحوار 😀 مع الجميع»\r\n"
         "وأضاف أن التعاون مثمر.\r\n")


@pytest.fixture(scope="module")
def studio(tmp_path_factory):
    if shutil.which("label-studio") is None and not (Path(sys.executable).parent / "label-studio").exists():
        pytest.skip("label-studio is not installed (pip install -e '.[studio]')")
    data = tmp_path_factory.mktemp("ls-data")
    info = ls_server.start(data, ls_server.free_port(), "admin@example.com", "test-password-123", TOKEN)
    try:
        yield info
    finally:
        ls_server.stop(data)
        assert not ls_server.healthy(info.url)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ls-inputs")
    docs = list(read_documents([DATA])) + [Document("messy", MESSY, source="test")]
    engine = Engine.load()
    records = [q for d in docs for q in engine.annotate(d)]
    rp, dp = tmp / "quotes.jsonl", tmp / "documents.jsonl"
    rp.write_text("".join(json.dumps(q.to_dict(), ensure_ascii=False) + "\n" for q in records), encoding="utf-8")
    dp.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return tmp, rp, dp, docs, records


def _tasks(client, project_id):
    return list(client.tasks.list(project=project_id, fields="all", page_size=1000))


def test_push_sends_tasks_with_valid_predictions(studio, inputs):
    tmp, rp, dp, docs, records = inputs
    client = connect(studio.url, TOKEN)
    report = push(client, rp, dp, "Round trip", studio.url, batch_size=4)
    assert (report.tasks_created, report.batches, report.predictions_added) == (len(docs), 2, 0)
    project = client.projects.get(report.project_id)
    assert 'style="direction: rtl' in project.label_config and "said_by" in project.label_config
    assert "إرشادات التوسيم" in (project.expert_instruction or "")
    tasks = _tasks(client, report.project_id)
    assert sorted(t.data["doc_id"] for t in tasks) == sorted(d.doc_id for d in docs)
    per_doc = Counter(q.doc_id for q in records)
    for t in tasks:
        text = t.data["text"]
        assert t.data["text_sha"] == text_sha(text)
        (pred,) = t.predictions
        assert pred.model_version == records[0].engine_version
        quotes = [r for r in pred.result if r["type"] == "labels" and r["value"]["labels"] == [QUOTE]]
        assert len(quotes) == per_doc[t.data["doc_id"]]
        for r in pred.result:
            if r["type"] == "labels":
                v = r["value"]
                assert text[v["start"]:v["end"]] == v["text"]
    messy = next(t for t in tasks if t.data["doc_id"] == "messy")
    assert messy.data["text"] == MESSY  # \r\n, tatweel, diacritics and emoji survive


def test_repush_is_idempotent_and_a_new_engine_version_adds_predictions(studio, inputs):
    tmp, rp, dp, docs, records = inputs
    client = connect(studio.url, TOKEN)
    again = push(client, rp, dp, "Round trip", studio.url)
    assert (again.tasks_created, again.predictions_added, again.unchanged) == (0, 0, len(docs))
    newer = tmp / "quotes-v2.jsonl"
    newer.write_text("".join(json.dumps({**q.to_dict(), "engine_version": q.engine_version + "+v2"},
                                        ensure_ascii=False) + "\n" for q in records), encoding="utf-8")
    third = push(client, newer, dp, "Round trip", studio.url)
    docs_with_quotes = {q.doc_id for q in records}
    assert third.tasks_created == 0 and third.predictions_added == len(docs_with_quotes)
    tasks = _tasks(client, again.project_id)
    assert len(tasks) == len(docs)
    assert all(len(t.predictions) == (2 if t.data["doc_id"] in docs_with_quotes else 1) for t in tasks)


def _regions(result, qid):
    return [r for r in result if r.get("id") == qid or r.get("from_id") == qid]


def test_two_annotators_round_trip_with_provenance_and_agreement(studio, inputs):
    tmp, rp, dp, docs, records = inputs
    client = connect(studio.url, TOKEN)
    project = next(p for p in client.projects.list() if p.title == "Round trip")
    tasks = {t.data["doc_id"]: t for t in _tasks(client, project.id)}
    seed = tasks["000_22c716f3c532e2ee"]
    pred = next(p for p in seed.predictions if not p.model_version.endswith("+v2")).result
    n_pred = sum(1 for r in pred if r["type"] == "labels" and r["value"]["labels"] == [QUOTE])
    u1 = client.users.create(username="ann1", email="ann1@example.com", password="pw-ann1-123456")
    u2 = client.users.create(username="ann2", email="ann2@example.com", password="pw-ann2-123456")

    # annotator 1 accepts the pre-labels as they are
    a1 = client.annotations.create(id=seed.id, result=pred, completed_by=u1.id)
    # annotator 2 corrects a speaker name and a stance, deletes one quotation, adds a missed one
    r2 = copy.deepcopy(pred)
    for r in r2:
        if r.get("id") == "q1" and r.get("from_name") == "speaker_name":
            r["value"]["text"] = ["دميتري سيرغييفيتش بيسكوف"]
        if r.get("id") == "q2" and r.get("from_name") == "stance":
            r["value"]["choices"] = ["against"]
    deleted = [r for r in r2 if r.get("id") == "q3"]
    deleted_text = next(r["value"]["text"] for r in deleted if r["type"] == "labels")
    r2 = [r for r in r2 if r.get("id") not in ("q3", "s3", "c3") and r.get("from_id") != "q3"]
    text = seed.data["text"]
    missed = "الجانب الأمريكي إلى إعادة النظر في موقفه"
    start = text.index(missed)
    r2.append({"id": "new1", "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": start, "end": start + len(missed), "text": missed, "labels": [QUOTE]}})
    r2.append({"id": "new1", "from_name": "stance", "to_name": "text", "type": "choices",
               "value": {"start": start, "end": start + len(missed), "text": missed, "choices": ["neutral"]}})
    a2 = client.annotations.create(id=seed.id, result=r2, completed_by=u2.id)

    # on the messy task: offsets off by one (the text is right), and a region whose text is nowhere
    messy = tasks["messy"]
    mtext = messy.data["text"]
    quote = "نَحنُ مستعدّون للحوار 😀 مع الجميع"
    ms = mtext.index(quote)
    bad = [{"id": "m1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": ms + 1, "end": ms + 1 + len(quote), "text": quote, "labels": [QUOTE]}},
           {"id": "m2", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 0, "end": 5, "text": "كلام غير موجود", "labels": [QUOTE]}}]
    a3 = client.annotations.create(id=messy.id, result=bad, completed_by=u1.id)

    out = tmp / "reviewed.jsonl"
    report = pull(client, "Round trip", out, studio.url)
    first_raw = report.raw_path
    assert first_raw.exists() and json.loads(first_raw.read_text(encoding="utf-8"))["tasks"]
    got = list(read_records(out))
    assert report.records == len(got)
    for r in got:
        text_of = tasks[r.doc_id].data["text"]
        assert r.check_spans(text_of) == []
        assert r.label_source == "human" and r.annotation_created

    mine = [r for r in got if r.annotation_id == a1.id]
    assert len(mine) == n_pred and {r.review_status for r in mine} == {"accepted"}
    assert {r.annotator for r in mine} == {"ann1@example.com"}

    theirs = [r for r in got if r.annotation_id == a2.id]
    status = Counter(r.review_status for r in theirs)
    assert status == {"accepted": n_pred - 3, "edited": 2, "added": 1, "deleted": 1}
    edited = {tuple(r.edited_fields) for r in theirs if r.review_status == "edited"}
    assert edited == {("speaker_name",), ("stance",)}
    assert next(r for r in theirs if r.review_status == "deleted").content == deleted_text
    added = next(r for r in theirs if r.review_status == "added")
    assert (added.content, added.stance) == (missed, "neutral")

    messy_records = [r for r in got if r.annotation_id == a3.id]
    assert [(r.content, r.repaired) for r in messy_records if r.review_status == "added"] == [(quote, True)]
    assert [p.region_id for p in report.problems] == ["m2"]

    # agreement on the seed article: ann1 and ann2 share n_pred - 1 quotations
    seed_records = [r for r in got if r.doc_id == seed.data["doc_id"]]
    rep = agreement(seed_records)
    assert rep.pairs == 1 and rep.annotators == 2
    assert rep.span_f1 == round(2 * (n_pred - 1) / (2 * n_pred), 4)
    stance_pairs = []
    by_id = {(r.annotator, r.content_start): r for r in seed_records if r.review_status != "deleted"}
    for (who, start), r in by_id.items():
        if who == "ann1@example.com" and ("ann2@example.com", start) in by_id:
            stance_pairs.append((r.stance, by_id[("ann2@example.com", start)].stance))
    assert len(stance_pairs) == n_pred - 1
    assert rep.kappa["stance"] == round(cohen_kappa(stance_pairs), 4)
    assert rep.kappa["type"] == 1.0
    assert rep.acceptance_rate == round((2 * n_pred - 3) / (2 * n_pred), 4)

    # a second pull keeps the first raw export
    again = pull(client, "Round trip", out, studio.url)
    assert again.raw_path != first_raw and first_raw.exists()


def test_kappa_and_alpha_on_textbook_values():
    pairs = [("a", "a")] * 20 + [("a", "b")] * 5 + [("b", "a")] * 10 + [("b", "b")] * 15
    assert round(cohen_kappa(pairs), 4) == 0.4
    assert krippendorff_alpha([["a", "a"], ["b", "b"], ["a", "a"]]) == 1.0
    assert round(krippendorff_alpha([["a", "b"], ["a", "a"], ["b", "b"], ["b", "b"]]), 4) == 0.5333


def test_wrong_token_is_a_clear_401_and_never_printed(studio, inputs):
    tmp, rp, dp, _, _ = inputs
    env = {**os.environ, "LABEL_STUDIO_API_KEY": "wrong-token-value-42"}
    run = subprocess.run([sys.executable, "-m", "quotes", "push", str(rp), "--documents", str(dp), "--url",
                          studio.url, "--project", "x"], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "refused the API token (401)" in run.stderr
    assert "wrong-token-value-42" not in run.stderr + run.stdout
    assert "Traceback" not in run.stderr


def test_server_killed_mid_push_then_rerun_pushes_each_article_once(studio, inputs):
    tmp, rp, dp, docs, _ = inputs
    data = Path(studio.data_dir)
    client = connect(studio.url, TOKEN)

    def kill_after_first(report):
        if report.batches == 1:
            ls_server.stop(data, grace=0.5)

    with pytest.raises(StudioError, match=r"so far 2 tasks created .* run the same command again"):
        push(client, rp, dp, "Interrupted", studio.url, batch_size=2, on_batch=kill_after_first)
    info = ls_server.start(data, studio.port, "admin@example.com", "test-password-123", TOKEN)
    assert info.port == studio.port
    client = connect(studio.url, TOKEN)
    report = push(client, rp, dp, "Interrupted", studio.url, batch_size=2)
    assert report.tasks_created == len(docs) - 2
    project = next(p for p in client.projects.list() if p.title == "Interrupted")
    counts = Counter(t.data["doc_id"] for t in _tasks(client, project.id))
    assert counts == Counter(d.doc_id for d in docs)


def test_label_config_is_right_to_left_with_our_labels():
    cfg = label_config()
    for needle in ('<View style="direction: rtl', 'value="Quote"', 'value="Speaker"', 'value="Cue"',
                   'value="said_by"', 'name="stance"', 'perRegion="true"', '<TextArea name="speaker_name"'):
        assert needle in cfg


def test_studio_status_without_a_server(tmp_path):
    run = subprocess.run([sys.executable, "-m", "quotes", "studio", "status", "--data-dir", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "no server recorded" in run.stdout


def test_an_article_whose_record_does_not_slice_it_is_skipped_and_the_push_goes_on(studio, inputs):
    tmp, rp, dp, docs, records = inputs
    broken = tmp / "quotes-broken.jsonl"
    victim = records[0].doc_id
    lines = [json.dumps({**q.to_dict(), "content": q.content + "X"} if q.doc_id == victim else q.to_dict(),
                        ensure_ascii=False) for q in records]
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    client = connect(studio.url, TOKEN)
    report = push(client, broken, dp, "Isolated push", studio.url)
    assert report.tasks_created == len(docs) - 1
    (failed,) = report.failed
    assert f"document {victim}: record" in failed and "slices" in failed
    assert sorted(t.data["doc_id"] for t in _tasks(client, report.project_id)) == \
        sorted(d.doc_id for d in docs if d.doc_id != victim)


def _no_studio_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("LABEL_STUDIO_")}


def test_studio_folder_is_private_and_credentials_survive_a_restart(tmp_path):
    """The database holds the token and the password hash: 0700 folder, 0600 files. The
    credentials of the first start are saved and reused; a later start prints no secret."""
    if shutil.which("label-studio") is None and not (Path(sys.executable).parent / "label-studio").exists():
        pytest.skip("label-studio is not installed (pip install -e '.[studio]')")
    data, port = tmp_path / "studio", str(ls_server.free_port())
    env = _no_studio_env()
    cli = [sys.executable, "-m", "quotes", "studio"]
    try:
        first = subprocess.run([*cli, "start", "--data-dir", str(data), "--port", port], env=env,
                               capture_output=True, text=True, timeout=240)
        assert first.returncode == 0, first.stderr
        creds = ls_server.read_credentials(data)
        assert creds is not None
        assert creds.token not in first.stdout + first.stderr and creds.password not in first.stdout + first.stderr
        assert (data.stat().st_mode & 0o777) == 0o700
        for name in ("label_studio.sqlite3", "credentials.json", "label-studio.log"):
            assert ((data / name).stat().st_mode & 0o077) == 0, name
        assert subprocess.run([*cli, "stop", "--data-dir", str(data)], env=env, timeout=60).returncode == 0
        env2 = {**env, "LABEL_STUDIO_API_KEY": "a-new-token-that-would-not-work"}
        second = subprocess.run([*cli, "start", "--data-dir", str(data), "--port", port], env=env2,
                                capture_output=True, text=True, timeout=240)
        assert second.returncode == 0, second.stderr
        assert "the API token differs from the one this server was created with and is ignored" in second.stderr
        assert "a-new-token-that-would-not-work" not in second.stdout + second.stderr
        assert ls_server.read_credentials(data) == creds
        connect(f"http://127.0.0.1:{port}", creds.token)  # the saved token still works
        shown = subprocess.run([*cli, "credentials", "--data-dir", str(data)], env=env, capture_output=True,
                               text=True, timeout=60)
        assert creds.token in shown.stdout and creds.password in shown.stdout
    finally:
        ls_server.stop(data)


def test_a_token_in_the_url_or_on_the_command_line_never_shows_in_output(tmp_path, inputs):
    _, rp, dp, _, _ = inputs
    secret = "tok3n-in-the-url-0123456789"
    env = _no_studio_env()
    run = subprocess.run([sys.executable, "-m", "quotes", "--debug", "push", str(rp), "--documents", str(dp),
                          "--url", f"http://u:{secret}@127.0.0.1:1", "--token", "flag-token-0123456789"],
                         env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 2
    assert "did not answer" in run.stderr or "cannot" in run.stderr
    assert "--token is visible to other users" in run.stderr
    for leaked in (secret, "flag-token-0123456789"):
        assert leaked not in run.stdout + run.stderr
    token_file = tmp_path / "token"
    token_file.write_text("file-token-0123456789\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "quotes", "--debug", "pull", "-o", str(tmp_path / "r.jsonl"),
                          "--url", "http://127.0.0.1:1", "--token-file", str(token_file)],
                         env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 2 and "file-token-0123456789" not in run.stdout + run.stderr


def test_a_repeated_document_id_is_pushed_once_and_reported(studio, inputs, tmp_path):
    _, rp, dp, docs, _ = inputs
    lines = dp.read_text(encoding="utf-8").splitlines()
    doubled = tmp_path / "documents.jsonl"
    doubled.write_text("\n".join(lines + lines[:1]) + "\n", encoding="utf-8")
    client = connect(studio.url, TOKEN)
    report = push(client, rp, doubled, "Repeated ids", studio.url)
    assert report.duplicates == [f"{doubled}:{len(lines) + 1}: duplicate document id {docs[0].doc_id!r}, "
                                 f"first read at {doubled}:1; skipped (the first is kept)"]
    assert report.failed == [] and report.tasks_created == len(docs)
    counts = Counter(t.data["doc_id"] for t in _tasks(client, report.project_id))
    assert counts == Counter(d.doc_id for d in docs)


def test_push_by_uncertainty_then_a_label_propagates_to_its_cluster_and_a_conflict_is_reported(studio, tmp_path):
    from test_clusters import ARTICLES

    from quotes.run.jobs import extract_job

    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps({"id": d.doc_id, "text": d.text, "date": d.date}, ensure_ascii=False) + "\n"
                           for d in ARTICLES), encoding="utf-8")
    rp, dp = tmp_path / "quotes.jsonl", tmp_path / "documents.jsonl"
    extract_job([src], rp, dp)
    records = list(read_records(rp))
    cluster = next(q.cluster_id for q in records if q.doc_id == "a")
    client = connect(studio.url, TOKEN)
    report = push(client, rp, dp, "Clusters", studio.url, order="uncertainty")
    assert report.tasks_created == 4
    project = next(p for p in client.projects.list() if p.title == "Clusters")
    tasks = sorted(_tasks(client, project.id), key=lambda t: t.id)   # the order annotators see them
    order = [t.data["doc_id"] for t in tasks]
    scores = [t.predictions[0]["score"] if isinstance(t.predictions[0], dict) else t.predictions[0].score
              for t in tasks]
    assert len({"a", "b", "c"} & set(order[:2])) == 1 and "d" in order[:2]   # one per statement first
    assert scores[:2] == sorted(scores[:2])                                   # least certain first
    assert [t.data["queue_rank"] for t in tasks] == [1, 2, 3, 4]
    by_doc = {t.data["doc_id"]: t for t in tasks}

    def annotate(doc_id: str, stance: str) -> int:
        task = by_doc[doc_id]
        pred = task.predictions[0]
        result = copy.deepcopy(pred["result"] if isinstance(pred, dict) else pred.result)
        for r in result:
            if r.get("from_name") == "stance":
                r["value"]["choices"] = [stance]
        return client.annotations.create(id=task.id, result=result).id

    first_annotated = order[0] if order[0] != "d" else order[1]
    others = sorted({"a", "b", "c"} - {first_annotated})
    ann = annotate(first_annotated, "against")
    out = tmp_path / "reviewed.jsonl"
    pulled = pull(client, "Clusters", out, studio.url)
    recs = list(read_records(out))
    propagated = [q for q in recs if q.label_source == "propagated"]
    assert sorted(q.doc_id for q in propagated) == others and pulled.propagated == 2
    assert all(q.stance == "against" and q.annotation_id == ann and q.cluster_id == cluster for q in propagated)
    human = next(q for q in recs if q.label_source == "human")
    assert all(q.propagated_from == human.id for q in propagated)
    assert pulled.conflicts == [] and not (tmp_path / "reviewed.conflicts.jsonl").exists()

    annotate(others[0], "favor")   # a second annotator disagrees on the same statement
    pulled = pull(client, "Clusters", out, studio.url)
    recs = list(read_records(out))
    assert [q for q in recs if q.label_source == "propagated"] == []   # nothing offered from a disputed statement
    assert [c.cluster_id for c in pulled.conflicts] == [cluster]
    listed = [json.loads(x) for x in (tmp_path / "reviewed.conflicts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert listed[0]["cluster_id"] == cluster
    assert sorted(x["stance"] for x in listed[0]["labels"]) == ["against", "favor"]
