"""Quotation clusters, leak-free splits, the annotation queue and label propagation, on
sentences in the style of the corpora (the coalition statement below is republished in
dozens of SaudiNewsNet articles with small changes)."""

from __future__ import annotations

import json

import pytest

from annotation.dataset.splits import article_splits, near_duplicate_leaks
from annotation.labelstudio.format import AnnotatedQuote, Region
from annotation.labelstudio.propagation import Member, propagate
from annotation.labelstudio.queue import queue
from quotes.clusters import (ClusterIndex, SpeakerCompatibility, fingerprint, load_cluster_settings, speaker_key)
from quotes.lexicon import load_lexicon
from quotes.record import Document, Quotation
from quotes.run.jobs import extract_job

STATEMENT = ("إن هذا العمل العدائي من قبل الميليشيات الحوثية المدعومة من إيران يثبت استمرار تورطها "
             "في استهداف المدنيين والأعيان المدنية")
ARTICLES = [
    Document("a", "الرياض - واس\nأعلنت قيادة القوات المشتركة للتحالف اعتراض صاروخ باليستي.\n"
                  f"وقال المتحدث الرسمي باسم قوات التحالف العقيد الركن تركي المالكي: «{STATEMENT}».\n",
             date="2018-03-26"),
    Document("b", "جدة - الوطن\nاعترضت الدفاعات الجوية صاروخا أطلق باتجاه جازان.\n"
                  f"وأكد العقيد تركي المالكي أن «{STATEMENT.removeprefix('إن ')}».\n", date="2018-03-27"),
    Document("c", f"أبها - عكاظ\nقال المتحدث باسم التحالف تركي المالكي: «{STATEMENT}».\n", date="2018-03-26"),
    Document("d", "الرياض - واس\nوأوضح وزير الصحة أن المستشفيات استقبلت 120 حالة خلال الأسبوع الماضي.\n",
             date="2018-03-20"),
]


@pytest.fixture(scope="module")
def settings():
    return load_cluster_settings()


@pytest.fixture(scope="module")
def compatible():
    return SpeakerCompatibility(load_lexicon())


def _cluster(items, settings, compatible):
    index = ClusterIndex(settings, compatible)
    for rid, doc, speaker, content in items:
        index.add(rid, doc, None, speaker_key(speaker), fingerprint(content, settings))
    c = index.assign()
    return [c.cluster_id(i) for i in range(len(items))], c


def test_the_same_statement_exactly_or_nearly_is_one_cluster_across_articles(settings, compatible):
    near = STATEMENT.replace("يثبت", "يؤكد")  # one word changed
    ids, c = _cluster([("a:1", "a", "تركي المالكي", STATEMENT), ("b:1", "b", "المالكي", near),
                       ("c:1", "c", None, STATEMENT), ("d:1", "d", "وزير الصحة",
                                                       "المستشفيات استقبلت 120 حالة خلال الأسبوع الماضي")],
                      settings, compatible)
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert list(c.documents) == [3, 3, 3, 1]
    assert list(c.exact) == [True, False, True, False]  # a and c have the very same words
    assert c.counts().shared == 3 and c.counts().clusters == 1


def test_near_duplicates_of_two_different_named_speakers_stay_apart(settings, compatible):
    ids, _ = _cluster([("a:1", "a", "تركي المالكي", STATEMENT),
                       ("b:1", "b", "ماجد القصبي", STATEMENT.replace("يثبت", "يؤكد"))], settings, compatible)
    assert ids[0] != ids[1]


def test_a_short_formula_glues_nothing_unless_the_same_named_speaker_says_it(settings, compatible):
    ids, c = _cluster([("a:1", "a", "دميتري بيسكوف", "لا تعليق"), ("b:1", "b", "أنطونيو غوتيريش", "لا تعليق"),
                       ("c:1", "c", None, "لا تعليق"), ("d:1", "d", "بيسكوف", "لا تعليق"),
                       ("e:1", "e", "دميتري بيسكوف", "لا تعليق")], settings, compatible)
    assert len(set(ids[:4])) == 4       # different people, an unknown one, another spelling: apart
    assert ids[4] == ids[0]              # the same named speaker: one statement
    assert c.counts().shared == 2


def test_a_cluster_id_stays_while_its_earliest_member_stays(settings, compatible):
    first, _ = _cluster([("a:1", "a", "تركي المالكي", STATEMENT), ("c:1", "c", "تركي المالكي", STATEMENT)],
                        settings, compatible)
    grown, _ = _cluster([("x:1", "x", "وزير الصحة", "المستشفيات استقبلت 120 حالة خلال الأسبوع الماضي"),
                         ("a:1", "a", "تركي المالكي", STATEMENT), ("c:1", "c", "تركي المالكي", STATEMENT),
                         ("z:1", "z", "المالكي", STATEMENT)], settings, compatible)
    assert grown[1] == grown[2] == grown[3] == first[0]


def test_speaker_compatibility_reads_names_not_titles(compatible):
    def fits(a, b):
        return compatible(speaker_key(a), speaker_key(b))
    assert fits("تركي المالكي", "العقيد الركن تركي المالكي")
    assert fits("تركي المالكي", "المالكي")                                # a family name alone
    assert fits("المتحدث الرسمي باسم قوات التحالف", "تركي المالكي")    # a description fits a name
    assert fits(None, "دميتري بيسكوف")
    assert not fits("دميتري بيسكوف", "أنطونيو غوتيريش")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("clusters")
    src = tmp / "articles.jsonl"
    src.write_text("".join(json.dumps({"id": d.doc_id, "text": d.text, "date": d.date}, ensure_ascii=False) + "\n"
                           for d in ARTICLES), encoding="utf-8")
    out, docs = tmp / "quotes.jsonl", tmp / "documents.jsonl"
    summary = extract_job([src], out, docs)
    records = [Quotation.from_dict(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    return summary, records, [Document.from_dict(json.loads(x)) for x in docs.read_text(encoding="utf-8").splitlines()]


def test_extract_gives_every_record_its_cluster_confidence_and_speaker_key(extracted):
    summary, records, _ = extracted
    by_doc = {q.doc_id: q for q in records}
    assert by_doc["a"].cluster_id == by_doc["b"].cluster_id == by_doc["c"].cluster_id != by_doc["d"].cluster_id
    assert by_doc["a"].cluster_documents == 3 and by_doc["d"].cluster_documents == 1
    assert by_doc["a"].speaker_key == "تركي المالكي"
    assert all(0 < q.confidence < 1 for q in records)
    assert summary.clustered.shared == 3 and summary.clustered.exact == 2


def test_articles_sharing_a_statement_share_a_split(extracted):
    _, records, docs = extracted
    by_doc: dict[str, list[Quotation]] = {}
    for q in records:
        by_doc.setdefault(q.doc_id, []).append(q)
    for ratios in ((0.8, 0.1, 0.1), (0.34, 0.33, 0.33), (0.0, 0.5, 0.5)):
        splits = article_splits(by_doc, docs, ratios)
        assert splits["a"] == splits["b"] == splits["c"]
    rows = [(q, "train" if q.doc_id == "a" else "test") for q in records]  # a deliberately leaking split
    leaks = near_duplicate_leaks(rows, SpeakerCompatibility(load_lexicon()))
    assert {(x.a, x.b) for x in leaks} == {(by_doc["a"][0].id, by_doc["b"][0].id), (by_doc["a"][0].id, by_doc["c"][0].id)}


def test_the_queue_puts_the_least_certain_first_and_one_article_per_statement_first(extracted):
    _, records, docs = extracted
    articles = [(d.doc_id, [q for q in records if q.doc_id == d.doc_id]) for d in docs]
    order = queue(articles, "uncertainty")
    conf = {d: min(q.confidence for q in qs) for d, qs in articles}
    first_round = order[:2]
    assert sorted(first_round, key=conf.get) == first_round
    assert len({"a", "b", "c"} & set(first_round)) == 1 and "d" in first_round
    assert set(order) == {"a", "b", "c", "d"}
    assert queue(articles, "document") == ["a", "b", "c", "d"]


def _member(doc_id: str, cluster: str) -> Member:
    text = f"قال المتحدث: «{STATEMENT}»."
    start = text.index(STATEMENT)
    quote = Region("q1", "Quote", start, start + len(STATEMENT), STATEMENT, {"stance": "neutral", "type": "direct"})
    return Member(doc_id, text, AnnotatedQuote(quote, None, None), cluster, "v1")


def _human(rid: str, doc: str, stance: str, annotation: int) -> Quotation:
    return Quotation(rid, doc, "direct", STATEMENT, 0, 1, "قال", 0, 1, None, None, None, None, "unknown",
                     "annotation", "v1", stance=stance, label_source="human", annotation_id=annotation,
                     annotator="ann1@example.com", review_status="edited", cluster_id="c1")


def test_a_human_label_is_propagated_and_a_disagreement_is_reported_not_merged():
    def make(m, src):
        return Quotation(f"{m.doc_id}:p", m.doc_id, "direct", m.quote.quote.text, 0, 1, "قال", 0, 1, None, None,
                         None, None, "unknown", "annotation", m.version, stance=src.stance, label_source="propagated",
                         annotation_id=src.annotation_id, propagated_from=src.id, cluster_id=m.cluster_id)

    offered, conflicts = propagate([_human("a:h", "a", "against", 7)], [_member("b", "c1"), _member("x", "c9")], make)
    assert [(q.doc_id, q.stance, q.annotation_id, q.propagated_from) for q in offered] == [("b", "against", 7, "a:h")]
    assert conflicts == []
    offered, conflicts = propagate([_human("a:h", "a", "against", 7), _human("c:h", "c", "favor", 9)],
                                   [_member("b", "c1")], make)
    assert offered == [] and [c.cluster_id for c in conflicts] == ["c1"]
    assert {lab[3] for lab in conflicts[0].labels} == {"against", "favor"}


def test_build_reports_the_repeated_statements_and_the_card_states_the_splits(tmp_path):
    from annotation.build import build_job

    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps({"id": d.doc_id, "text": d.text, "date": d.date, "source": s},
                                      ensure_ascii=False) + "\n"
                           for d, s in zip(ARTICLES, ("spa", "alwatan", "okaz", "spa"))), encoding="utf-8")
    done = build_job([src], tmp_path / "out")
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    section = page[page.index("<h2>Repeated statements</h2>"):page.index("<h2>Cue verbs</h2>")]
    assert "هذا العمل العدائي من قبل الميليشيات الحوثية" in section
    assert "<td>تركي المالكي</td><td>3</td><td>3</td><td>3</td>" in section
    card = (tmp_path / "out" / "dataset" / "README.md").read_text(encoding="utf-8")
    assert "75.0% of the quotations belong to a statement found in two or more articles" in card
    assert "Across splits: 0 statements" in card
    assert done.dataset.repetition.clusters_across_splits == 0


def test_the_shipped_confidence_was_measured_with_the_current_lexicon():
    from quotes.confidence import load_confidence

    table = load_confidence()
    assert table is not None and table.fitted_for == load_lexicon().version, \
        "the lexicon changed since the confidence was measured: run python scripts/fit_confidence.py"
    rates = table.rates
    assert 0.4 < rates[("*", "*")] < 0.9
    # a rule's pair with a speaker step is pulled toward the rule's rate when it was seen rarely
    rare = [(k, table.counts[k]) for k in rates if k[1] != "*" and table.counts[k][1] <= 2]
    assert all(abs(rates[k] - rates[(k[0], "*")]) < 0.35 for k, _ in rare)


def test_push_refuses_an_unknown_order_before_contacting_anything(tmp_path):
    from conftest import run_cli

    (tmp_path / "q.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text("", encoding="utf-8")
    run = run_cli("push", str(tmp_path / "q.jsonl"), "--documents", str(tmp_path / "d.jsonl"),
                  "--url", "http://127.0.0.1:9", "--order", "random")
    assert run.returncode == 2 and "--order is uncertainty or document" in run.stderr


def test_records_without_clusters_still_publish_split_by_article(tmp_path, extracted):
    from annotation.dataset.publish import build_dataset

    _, records, docs = extracted
    rp, dp = tmp_path / "q.jsonl", tmp_path / "d.jsonl"
    rp.write_text("".join(json.dumps(q.replace(cluster_id=None, cluster_size=None, cluster_documents=None).to_dict(),
                                     ensure_ascii=False) + "\n" for q in records), encoding="utf-8")
    dp.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    stats = build_dataset(rp, dp, tmp_path / "ds")
    assert sum(stats.quotes.values()) == len(records) and stats.repetition.shared == 0
