"""Each rule of the registry alone, on real sentences: which rule a cue goes to, and what
that rule returns (spans shown in the original text)."""

from __future__ import annotations

import pytest

from quotes.lexicon import load_lexicon
from quotes.normalize import NormText
from quotes.pipeline import Engine
from quotes.record import Document
from quotes.rules.context import DocumentContext
from quotes.rules.registry import CUE_RULES, DOCUMENT_RULES, rule_for, run_rules

LEX = load_lexicon()


def context(text: str) -> tuple[NormText, DocumentContext]:
    nt = NormText(text)
    return nt, DocumentContext(nt.norm, LEX)


def original(nt: NormText, start: int, end: int) -> str:
    s, e = nt.span(start, end)
    return nt.orig[s:e]


def applied(name: str, text: str, cue_form: str):
    """Apply the named cue rule alone to the cue ``cue_form`` of ``text``."""
    nt, ctx = context(text)
    cue = next(c for c in ctx.cues.all if c.entry.form == cue_form)
    rule = next(r for r in CUE_RULES if r.name == name)
    assert rule_for(cue) is rule
    q = rule.apply(ctx, cue)
    assert q is not None
    mention = original(nt, q.mention.start, q.mention.end) if q.mention else None
    return q.rule, original(nt, q.start, q.end), mention


def test_relay_the_relayed_person_speaks_not_the_agency():
    text = "ونقلت وكالة الأنباء الروسية عن المتحدث باسم الكرملين دميتري بيسكوف قوله إن موسكو لا ترى أي أساس للاتهامات."
    assert applied("relay", text, "نقلت") == (
        "relay", "موسكو لا ترى أي أساس للاتهامات", "المتحدث باسم الكرملين دميتري بيسكوف")


def test_attributive_takes_the_sentence_before_the_cue():
    text = "الأزمة لن تحل إلا بالحوار بين جميع الأطراف، على حد تعبيره."
    assert applied("attributive", text, "على حد تعبيره") == (
        "attributive_postposed", "الأزمة لن تحل إلا بالحوار بين جميع الأطراف", None)


def test_complement_opens_when_the_cue_complement_itself_opens_the_words():
    text = "وأعرب عن أمله في إحراز تقدم في المفاوضات المقبلة."
    assert applied("complement_opens", text, "أعرب") == (
        "cue_complement_opens", "إحراز تقدم في المفاوضات المقبلة", None)


@pytest.mark.parametrize("text, cue, rule, content, mention", [
    ("وقال المتحدث باسم الكرملين دميتري بيسكوف: «لا نرى أي أساس لهذه الاتهامات».", "قال",
     "cue_colon_marks", "لا نرى أي أساس لهذه الاتهامات", "المتحدث باسم الكرملين دميتري بيسكوف"),
    ("وأوضح الوزير أن الأزمة لن تحل إلا بالحوار.", "أوضح",
     "cue_complementizer", "الأزمة لن تحل إلا بالحوار", "الوزير"),
    ("وأضاف: التعاون بين البلدين مثمر.", "أضاف", "cue_colon_unmarked", "التعاون بين البلدين مثمر", None),
])
def test_introduced_reads_what_follows_the_cue(text, cue, rule, content, mention):
    assert applied("introduced", text, cue) == (rule, content, mention)


def test_postposed_cue_document_rule_attaches_a_free_quote_to_the_cue_after_it():
    nt, ctx = context("«لا نرى أي أساس لهذه الاتهامات على الإطلاق»، قال بيسكوف.")
    (rule,) = DOCUMENT_RULES
    rule.apply(ctx)
    (q,) = ctx.found.quotes
    assert (q.rule, original(nt, q.start, q.end), original(nt, q.mention.start, q.mention.end)) == (
        "direct_postposed_cue", "لا نرى أي أساس لهذه الاتهامات على الإطلاق", "بيسكوف")


def test_a_cue_inside_a_quotation_without_a_mention_is_the_same_speaker_going_on():
    """«إنه يتوقع أن …»: يتوقع is a cue, but inside the minister's words and with no
    mention of its own, so run_rules keeps one quotation, not two."""
    nt, ctx = context("وقال الوزير إنه يتوقع أن تنتهي الأزمة قريبا.")
    assert [c.entry.form for c in ctx.cues.all] == ["قال", "يتوقع"]
    found = run_rules(ctx)
    assert [(q.rule, original(nt, q.start, q.end), original(nt, q.mention.start, q.mention.end)) for q in found] == [
        ("cue_complementizer", "يتوقع أن تنتهي الأزمة قريبا", "الوزير")]


def test_every_rule_name_a_record_carries_is_declared_by_a_rule_unit():
    declared = {name for r in (*CUE_RULES, *DOCUMENT_RULES) for name in r.produces}
    text = "\n".join([
        "وقال المتحدث باسم الكرملين دميتري بيسكوف: «لا نرى أي أساس لهذه الاتهامات».",
        "ونقلت وكالة الأنباء الروسية عن بيسكوف قوله إن موسكو مستعدة للحوار.",
        "الأزمة لن تحل إلا بالحوار بين جميع الأطراف، على حد تعبيره.",
        "«نحن مستعدون للمرحلة الثانية من المشروع»، قال الوزير.",
    ])
    records = Engine.load(stance=False).annotate(Document("d", text, title="t"))
    assert {r.rule for r in records} <= declared and len(records) == 4
