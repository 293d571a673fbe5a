"""Stance pre-labels: lexicon, negation and its scope, intensifiers, MWEs, clitics, targets."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import GOLD, REPO, SCORER, SEEDS, need_shared
from quotes.lexicon import load_lexicon
from quotes.pipeline import Engine
from quotes.record import Document
from quotes.stance import load_stance_model, load_targets, score_text

MODEL = load_stance_model()


def label(text: str) -> str:
    return score_text(MODEL, text).label


@pytest.mark.parametrize("text,expected", [
    ("الاتصالات تعد تطورا إيجابيا للعلاقات الثنائية", "favor"),                 # guidelines
    ("تدخل واشنطن في الشؤون الداخلية لروسيا أمر غير مقبول", "against"),         # guidelines
    ("سيتحدث في اجتماع 22 أبريل عبر الفيديو كونفرانس", "neutral"),              # guidelines
    ("الخطوة في الاتجاه الصحيح وتخدم البلدين", "favor"),                        # MWE
    ("تعرب الوزارة عن قلقها إزاء التطورات", "against"),                         # concern
    ("نشعر بالقلق إزاء التطورات الأخيرة", "against"),                          # MWE
    ("هذا الوضع لا يمكن أن يستمر لأن أوروبا لا تستطيع حماية نفسها", "against"),  # ANT: a refusal
])
def test_guideline_and_expression_examples(text, expected):
    assert label(text) == expected


def test_negation_turns_polarity():
    assert label("لم نحقق أي تقدم في المحادثات") == "against"
    assert label("اتصالات العمل مع الإدارة الأمريكية ليست سهلة") == "against"
    assert label("نحن لا نرفض الحوار مع الجانب الآخر") != "against"


def test_a_negation_that_turns_no_term_is_a_weak_denial():
    # ANT 2018: «لم» denies (weak evidence against, not enough alone); «لا تزال» is a set phrase
    r = score_text(MODEL, "لم أكن وقتها أدرك قوة الإعلام الإلكتروني أو قوة مواقع التواصل الاجتماعي")
    assert r.reason.startswith("-لم (against 0.3; a denial)") and r.label == "neutral"
    r = score_text(MODEL, "زوجة عساف السورية، المشتبه بها أيضا، لا تزال حرة طليقة")
    assert r.reason == "no stance term: neutral"
    # a denial adds to a weak term: SaudiNewsNet-style refusal
    weak = score_text(MODEL, "هناك عقبة أمام المشروع")
    denied = score_text(MODEL, "لن نسمح بأن تكون هناك عقبة أمام المشروع")
    assert denied.scores["against"] > weak.scores["against"]


def test_negation_scope_stops_at_a_clause_boundary():
    r = score_text(MODEL, "لم يحضر الوفد، لكن الاجتماع كان ناجحا ومثمرا")
    assert r.label == "favor"
    assert "negated" not in r.reason


def test_intensifier_and_downtoner_scale_a_term():
    strong = score_text(MODEL, "هذه خطوة خطيرة جدا")
    plain = score_text(MODEL, "هذه خطوة خطيرة")
    soft = score_text(MODEL, "هذه خطوة خطيرة نسبيا")
    assert strong.scores["against"] > plain.scores["against"] > soft.scores["against"]
    assert "intensified by جدا" in strong.reason and "softened by نسبيا" in soft.reason


def test_clitics_are_stripped_before_lookup():
    assert label("وبالتصعيد والتهديدات لن نصل إلى شيء") == "against"
    assert label("نشيد بالتعاون والشراكة وبالدعم المستمر") == "favor"


def test_a_term_is_found_under_an_attached_pronoun():
    # ANT 2018: «خسائرهم» is «خسائر» + «هم»; «القوى» (forces) is not «قوي» (strong)
    r = score_text(MODEL, "التجار يمكنهم تعويض خسائرهم مع زيادة المبيعات نتيجة انخفاض الأسعار")
    assert r.reason.startswith("-خسائر (against 0.8)")
    assert label("تحت إشراف القوى الغربية") == "neutral"


def test_fighting_a_bad_thing_is_for_the_fight_whatever_its_proclitics():
    # SaudiNewsNet 2015: removing obstacles is favor, though «العقبات» alone is against
    r = score_text(MODEL, "إن الحكومة ستعمل على ترتيب الزيارة بالكامل وتذليل كل العقبات أمام ذلك")
    assert r.label == "favor" and "negated by تذليل" in r.reason
    assert label("إن الحكومة تواجه كل العقبات أمام ذلك") != "favor"
    r = score_text(MODEL, "حكومة إسرائيل ستطلب من الولايات المتحدة زيادة المساعدات العسكرية للتصدي لأي خطر قد ينشأ")
    assert "negated by التصدي" in r.reason and r.label != "against"


def test_the_speech_act_of_the_cue_adds_its_lean():
    lex = load_lexicon()
    deny = lex.cues["نفي"].act
    assert (deny.name, deny.polarity) == ("deny", "against")
    r = score_text(MODEL, "الأنباء عن اجتماع سري", deny, "نفى")
    assert "cue نفى: deny (against 0.6)" in r.reason
    assert lex.cues["رحب"].act.polarity == "favor" and lex.cues["قال"].act.name == "assert"
    assert score_text(MODEL, "الأنباء عن اجتماع سري", lex.cues["زعم"].act, "زعم").label == "neutral"


def test_every_non_neutral_label_has_a_reason():
    text = ("قال الوزير إن التعاون مثمر وناجح.\nوأضاف أن التدخل أمر غير مقبول.\n"
            "ونفى المتحدث أن يكون الاجتماع قد ألغي.\nوأوضح أن الاجتماع سيعقد الأحد.")
    qs = Engine(load_lexicon(), MODEL).annotate(Document("s", text, title="t"))
    assert [q.stance for q in qs] == ["favor", "against", "against", "neutral"]
    for q in qs:
        assert q.stance_reason
        assert abs(sum(q.stance_scores.values()) - 1) < 1e-3
        assert q.stance_score == MODEL.calibration.probability(q.stance, q.stance_scores[q.stance])
        assert MODEL.version in q.engine_version


def test_target_mode_judges_the_mentioned_target(tmp_path):
    targets = load_targets(REPO / "examples" / "targets.yaml")
    model = MODEL.with_targets(targets)
    r = score_text(model, "تدخل واشنطن في الشؤون الداخلية لروسيا أمر غير مقبول")
    assert (r.target, r.label) == ("الولايات المتحدة", "against")
    assert r.reason.startswith("target الولايات المتحدة:")
    none = score_text(model, "الاجتماع كان ناجحا ومثمرا")
    assert (none.target, none.label, none.reason) == (None, "neutral", "no target")


def test_a_target_named_only_in_the_quotation_sentence_is_the_target_of_all_its_words():
    model = MODEL.with_targets(load_targets(REPO / "examples" / "targets.yaml"))
    text = "وانتقد لافروف واشنطن قائلا إن هذا التدخل أمر غير مقبول.\nوقال الوزير إن الطقس جميل اليوم."
    qs = Engine(load_lexicon(), model).annotate(Document("s", text, title="t"))
    assert [(q.content, q.target, q.stance) for q in qs] == [
        ("هذا التدخل أمر غير مقبول", "الولايات المتحدة", "against"), ("الطقس جميل اليوم", None, "neutral")]
    assert qs[1].stance_reason == "no target"


def test_the_clause_after_a_contrast_weighs_more():
    r = score_text(MODEL, "التعاون مثمر لكن التدخل غير مقبول")
    assert r.label == "against"
    assert "+مثمر (favor 0.5; before لكن ×0.5)" in r.reason and "-غير مقبول (against 2.2; after لكن ×1.5)" in r.reason


def test_a_condition_or_a_question_suspends_polarity():
    cond = score_text(MODEL, "لو فشلت المفاوضات فسيكون الوضع خطيرا جدا")
    assert cond.label == "neutral" and "-فشلت (against 0; suspended by لو)" in cond.reason
    question = score_text(MODEL, "هل هذا التعاون مثمر؟")
    assert question.label == "neutral" and "suspended: a question" in question.reason


def test_bad_targets_file_names_the_file_and_line(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("targets:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"t\.yaml:\d+: not valid YAML"):
        load_targets(p)


def test_evaluate_reproduces_the_shared_scorer_and_beats_baselines(tmp_path):
    need_shared(SEEDS, GOLD, SCORER)
    pred = tmp_path / "pred.jsonl"
    subprocess.run([sys.executable, "-m", "quotes", "extract", str(SEEDS), "-o", str(pred)], check=True,
                   capture_output=True, timeout=120)
    shared = json.loads(subprocess.run([sys.executable, str(SCORER), str(GOLD), str(pred)], check=True,
                                       capture_output=True, text=True).stdout)
    ours = json.loads(subprocess.run([sys.executable, "-m", "quotes", "evaluate", str(GOLD), str(pred), "--json"],
                                     check=True, capture_output=True, text=True).stdout)
    for key in ("f1", "precision", "recall", "attributed_f1", "speaker_acc", "gender_acc", "type_acc",
                "stance_acc", "stance_macro_f1"):
        assert ours[key] == shared[key], key
    assert ours["stance_macro_f1"] > ours["baseline_majority"]["macro_f1"]
    assert ours["stance_macro_f1"] > ours["baseline_word_count"]["macro_f1"]


@pytest.mark.parametrize("word,form", [
    ("خسارتهم", "خساره"),      # ت of the feminine before the pronoun read as ة
    ("تعهداتها", "تعهدات"),
    ("يرفضها", "يرفض"),
    ("حققنا", "حقق"),
])
def test_stance_forms_read_off_an_attached_pronoun(word, form):
    from quotes.morphology import stance_forms
    assert form in stance_forms(word)
