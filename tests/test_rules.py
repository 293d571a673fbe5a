"""Each extraction rule, specified by real Arabic sentences (guidelines, seeds, corpus)
with the exact spans it must produce."""

from __future__ import annotations

import pytest

from conftest import body_quotes_of, span


def only(quotes):
    assert len(quotes) == 1, [q.content for q in quotes]
    return quotes[0]


def assert_span(text, q, content, cue, mention=None, nth=0):
    """The record's spans are exactly these substrings (the nth occurrence of each)."""
    assert (q.content_start, q.content_end) == span(text, content, nth)
    assert q.content == content
    assert (q.cue_start, q.cue_end) == span(text, cue, nth if text.count(cue) > nth else 0)
    assert q.cue == cue
    if mention is None:
        return
    if mention == "":
        assert q.speaker_mention is None and q.speaker_start is None and q.speaker_end is None
    else:
        assert (q.speaker_start, q.speaker_end) == span(text, mention, min(nth, text.count(mention) - 1))
        assert q.speaker_mention == mention


def test_indirect_after_complementizer():
    text = "كما أكد بيسكوف أن الكرملين لم يتلق أي عرض بشأن مشاركة الرئيس بوتين في قمة المناخ."
    q = only(body_quotes_of(text))
    assert q.type == "indirect" and q.rule == "cue_complementizer"
    assert_span(text, q, "الكرملين لم يتلق أي عرض بشأن مشاركة الرئيس بوتين في قمة المناخ", "أكد", "بيسكوف")
    assert (q.speaker_name, q.speaker_gender) == ("بيسكوف", "male")


def test_direct_after_colon():
    text = 'وقال بيسكوف: "هناك تفاهم بشأن آفاق استمرار الحوار على أعلى مستوى".'
    q = only(body_quotes_of(text))
    assert (q.type, q.rule) == ("direct", "cue_colon_marks")
    assert_span(text, q, "هناك تفاهم بشأن آفاق استمرار الحوار على أعلى مستوى", "وقال", "بيسكوف")


def test_mixed_quote_fragment_inside_clause():
    text = "وقالت زاخاروفا إن إدارة تويتر تحجب “بنشاط” كل الآراء التي لا تنال إعجابها."
    q = only(body_quotes_of(text))
    assert (q.type, q.rule) == ("mixed", "cue_complementizer")
    assert_span(text, q, "إدارة تويتر تحجب “بنشاط” كل الآراء التي لا تنال إعجابها", "وقالت", "زاخاروفا")
    assert q.speaker_gender == "female"


def test_marks_around_a_name_do_not_make_it_mixed():
    text = "أعلن نائب وزير الخارجية سيرغي ريابكوف أن موسكو اتفقت مع واشنطن على تمديد المعاهدة “ستارت-3” وفقا لشروطها."
    q = only(body_quotes_of(text))
    assert q.type == "indirect"
    assert q.content.endswith("“ستارت-3” وفقا لشروطها")


def test_whole_clause_in_marks_is_direct_and_participle_adds_a_quote():
    text = ('قال وكيل وزارة الخارجية الروسية سيرغي ريابكوف إن "روسيا والولايات المتحدة لم تحققا أي تقدم كبير"، '
            "مشيرا إلى أن هناك احتمالا أن تتدهور العلاقات بين البلدين بدرجة أكبر.")
    first, second = body_quotes_of(text)
    assert (first.type, first.rule) == ("direct", "clause_in_marks")
    assert_span(text, first, "روسيا والولايات المتحدة لم تحققا أي تقدم كبير", "قال",
                "وكيل وزارة الخارجية الروسية سيرغي ريابكوف")
    assert first.speaker_name == "سيرغي ريابكوف"
    assert (second.type, second.rule) == ("indirect", "cue_complementizer")
    assert_span(text, second, "هناك احتمالا أن تتدهور العلاقات بين البلدين بدرجة أكبر", "مشيرا إلى", "")
    assert (second.speaker_name, second.speaker_gender) == ("سيرغي ريابكوف", "male")


def test_relay_missing_opening_mark_and_agency_is_not_the_speaker():
    text = ("أعلن المتحدث باسم الكرملين دميتري بيسكوف أنه لا توجد محادثات.\n"
            "ونقلت وكالة سبوتنيك عن بيسكوف قوله اليوم رداً على سؤال للصحفيين: حتى الآن لا توجد محادثات حول هذا "
            "الموضوع” مضيفاً إن “اتصالات العمل تجري من خلال القنوات الدبلوماسية”.")
    _, relay, added = body_quotes_of(text)
    assert (relay.type, relay.rule) == ("direct", "relay")
    assert_span(text, relay, "حتى الآن لا توجد محادثات حول هذا الموضوع", "ونقلت وكالة سبوتنيك عن بيسكوف قوله")
    assert (relay.speaker_start, relay.speaker_end) == span(text, "بيسكوف", 1)
    assert (relay.speaker_name, relay.speaker_gender) == ("دميتري بيسكوف", "male")
    assert (added.type, added.rule) == ("direct", "clause_in_marks")
    assert_span(text, added, "اتصالات العمل تجري من خلال القنوات الدبلوماسية", "مضيفاً", "")
    assert added.speaker_name == "دميتري بيسكوف"


def test_missing_opening_mark_after_colon():
    text = "وقال الوزير للصحفيين: الاتصالات مستمرة ولن تتوقف” ثم غادر القاعة."
    q = only(body_quotes_of(text))
    assert (q.type, q.rule) == ("direct", "cue_colon_missing_open")
    assert_span(text, q, "الاتصالات مستمرة ولن تتوقف", "وقال", "الوزير")


def test_colon_without_marks_is_indirect():
    text = "وأضاف: لا أرى أي تقدم في المفاوضات حتى الآن. ثم غادر القاعة."
    q = only(body_quotes_of(text))
    assert (q.type, q.rule) == ("indirect", "cue_colon_unmarked")
    assert_span(text, q, "لا أرى أي تقدم في المفاوضات حتى الآن", "وأضاف", "")


def test_colon_then_complementizer_leaves_complementizer_out():
    text = "وأضاف: أن اللجنة تتولى البت في المخالفات خلال سبعة أيام."
    q = only(body_quotes_of(text))
    assert q.content == "اللجنة تتولى البت في المخالفات خلال سبعة أيام"


def test_direct_quote_runs_on_into_a_reopened_paragraph():
    text = "قال الوزير: «الاقتصاد ينمو بثبات\n«ونتوقع نموا أكبر العام المقبل».\nوانتهى المؤتمر."
    q = only(body_quotes_of(text))
    assert (q.type, q.rule) == ("direct", "cue_colon_marks")
    start, _ = span(text, "الاقتصاد")
    _, end = span(text, "المقبل")
    assert (q.content_start, q.content_end) == (start, end)


def test_unclosed_quote_ends_at_its_paragraph():
    text = ("وقال زاخاروف في حديث لوكالة نوفوستي: “تعمل القنصلية منذ عدة سنوات بطاقم غير مكتمل.\n"
            "ولفت إلى أن الوضع صعب.")
    first, second = body_quotes_of(text)
    assert (first.type, first.rule) == ("direct", "cue_colon_marks_unclosed")
    assert_span(text, first, "تعمل القنصلية منذ عدة سنوات بطاقم غير مكتمل", "وقال", "زاخاروف")
    assert_span(text, second, "الوضع صعب", "ولفت إلى", "")
    assert second.speaker_name == "زاخاروف"


def test_marks_right_after_cue_and_circumstance():
    text = 'وأضاف بيسكوف ردا على السؤال ذي الصلة "لم يتم التخطيط لمثل هذه الاتصالات".'
    q = only(body_quotes_of(text))
    assert (q.type, q.rule) == ("direct", "cue_marks")
    assert_span(text, q, "لم يتم التخطيط لمثل هذه الاتصالات", "وأضاف", "بيسكوف")


@pytest.mark.parametrize("text", [
    "وعاش سكان المدينة ما عرف بـ«سنوات الجحيم» خلال الحرب.",          # scare quotes, no one says them
    "شاهد الجمهور فيلم «الرسالة» في افتتاح المهرجان.",                 # a title
    "أكد الوزير أهمية التعاون بين البلدين في المرحلة المقبلة.",        # speech verb + noun phrase
    "حذر الخبراء من التصعيد في المنطقة.",
    "ودعا زاخاروف الجانب الأمريكي إلى العودة إلى “المفاوضات البناءة” بشأن التأشيرات.",
])
def test_not_quotations(text):
    assert body_quotes_of(text) == []


def test_nominal_cue_before_the_clause():
    text = "ووفق بيسكوف فإن اتصالات العمل مع الإدارة الأمريكية ليست سهلة حيث توجد خلافات حرجة."
    q = only(body_quotes_of(text))
    assert q.type == "indirect"
    assert_span(text, q, "اتصالات العمل مع الإدارة الأمريكية ليست سهلة حيث توجد خلافات حرجة", "ووفق", "بيسكوف")


def test_nominal_cue_after_the_clause():
    text = ("ومن ناحية أخرى ، ناقش الجانبان الاستعدادات للاجتماع رفيع المستوى خلال محادثة هاتفية ، "
            "حسبما ذكر مجلس الأمن الروسي.")
    q = only(body_quotes_of(text))
    assert (q.type, q.rule) == ("indirect", "nominal_postposed")
    assert_span(text, q, "ناقش الجانبان الاستعدادات للاجتماع رفيع المستوى خلال محادثة هاتفية", "حسبما ذكر",
                "مجلس الأمن الروسي")
    assert (q.speaker_name, q.speaker_gender) == ("مجلس الأمن الروسي", "unknown")


def test_according_to_a_plan_is_no_attribution():
    assert body_quotes_of("يجري تنفيذ المشروع بحسب الخطة المعتمدة من الوزارة.") == []


def test_attributive_phrase_after_the_clause():
    text = "وقال الوزير إن الاقتصاد بخير.\nتقع المسؤولية الرئيسية على الحكومات السابقة، على حد تعبيره."
    _, q = body_quotes_of(text)
    assert q.rule == "attributive_postposed"
    assert_span(text, q, "تقع المسؤولية الرئيسية على الحكومات السابقة", "على حد تعبيره", "")
    assert q.speaker_name == "الوزير"


def test_attributive_phrase_only_closes_a_quotation_already_found():
    text = ("وأوضح المسؤول الروسي أن المسؤولية الرئيسية تقع على الولايات المتحدة وحلفائها، على حد تعبيره.")
    q = only(body_quotes_of(text))
    assert q.content == "المسؤولية الرئيسية تقع على الولايات المتحدة وحلفائها"


def test_cue_after_the_quotation():
    text = '"الاتفاق سيعزز التعاون بين البلدين في كل المجالات"، قال الوزير.'
    q = only(body_quotes_of(text))
    assert (q.type, q.rule) == ("direct", "direct_postposed_cue")
    assert_span(text, q, "الاتفاق سيعزز التعاون بين البلدين في كل المجالات", "قال", "الوزير")


def test_complement_that_opens_the_content():
    text = "معرباً عن أمله في إحراز تقدم في هذا المجال بغض النظر عن الصعوبات."
    q = only(body_quotes_of(text))
    assert q.rule == "cue_complement_opens"
    assert_span(text, q, "إحراز تقدم في هذا المجال بغض النظر عن الصعوبات", "معرباً عن أمله في", "")


def test_clitic_and_feminine_inflection():
    text = "فأكدت الوزيرة أن الخطة جاهزة للتنفيذ."
    q = only(body_quotes_of(text))
    assert q.cue == "فأكدت" and q.speaker_gender == "female"


def test_cue_inside_a_quotation_gives_a_nested_quotation():
    text = "وأوضح الكرملين في بيان أن بوتين “أشار إلى أن تطبيع العلاقات سيلبي مصالح البلدين”."
    outer, inner = body_quotes_of(text)
    assert (outer.type, outer.cue, outer.speaker_name) == ("mixed", "وأوضح", "الكرملين")
    assert outer.content == "بوتين “أشار إلى أن تطبيع العلاقات سيلبي مصالح البلدين”"
    assert (inner.cue, inner.speaker_mention, inner.speaker_name) == ("أشار إلى", "بوتين", "بوتين")


def test_bound_complementizer_is_skipped():
    text = "قال الوزير بعد أن التقى نظيره إن المحادثات كانت مثمرة."
    q = only(body_quotes_of(text))
    assert q.content == "المحادثات كانت مثمرة"


def test_diacritics_and_tatweel_keep_exact_offsets():
    text = "وقـــال الوزيرُ: «نَحنُ مستعدّون للحوارِ»"
    q = only(body_quotes_of(text))
    assert_span(text, q, "نَحنُ مستعدّون للحوارِ", "وقـــال", "الوزيرُ")


def test_name_in_marks_before_a_colon_is_part_of_the_intro():
    text = "يقول هذا الناشط لـ«الشرق الأوسط»: حين تهبط في المطار تشعر بالفرق."
    q = only(body_quotes_of(text))
    assert q.content == "حين تهبط في المطار تشعر بالفرق"


def test_participle_with_a_long_object_is_no_quotation():
    text = "مشيرة إلى وجوب توافر 8 اشتراطات للحصول على المساعدة وهي أن لا يقل عمر الابن عن 18 سنة."
    assert body_quotes_of(text) == []


def test_unclosed_quote_ending_in_a_no_break_space():
    # found by the property test: a paragraph that ends with U+00A0
    text = "وأشار« الجانب الروسي إلى عدم مقبولية التدخل الأمريكي.\xa0\n\nوانتهى الاجتماع."
    q = only(body_quotes_of(text))
    assert q.content == "الجانب الروسي إلى عدم مقبولية التدخل الأمريكي"


def test_a_participle_of_justification_introduces_reported_words():
    # Al Arabiya: «مبررا أن …»
    text = ("وتعرض الجيش الإسرائيلي لانتقادات شديدة بسبب إطلاقه الرصاص الحي على المتظاهرين لكنه دافع عن "
            "جنوده، مبررا أن قواته لم تطلق النار إلا عند الضرورة.")
    (q,) = [q for q in body_quotes_of(text) if q.cue == "مبررا"]
    assert q.content == "قواته لم تطلق النار إلا عند الضرورة"


def test_the_object_of_the_cues_preposition_and_marks_after_it_are_one_mixed_quotation():
    # ANT (Al Arabiya): «مشيراً إلى» + its object + the words in marks that close the sentence
    text = ("وقال الحسن طاهر إن زراعة الألغام في المياه جريمة ضد الإنسانية، مشيراً إلى الخطر الكارثي للألغام "
            "البحرية \"إذا ما جرفتها الأمواج صوب تلك السفن في ممر الملاحة الدولية\".")
    q = body_quotes_of(text)[1]
    assert (q.type, q.rule, q.speaker_name) == ("mixed", "cue_object_marks", "الحسن طاهر")
    assert_span(text, q, "الخطر الكارثي للألغام البحرية \"إذا ما جرفتها الأمواج صوب تلك السفن في ممر الملاحة "
                "الدولية\"", "مشيراً إلى", "")


def test_marks_that_go_on_into_the_sentence_after_an_object_are_no_quotation():
    # «كشف عن خطته لخروج اليونان ”…“ من منطقة اليورو»: a term in marks inside the object
    text = "وكشف الوزير عن خطته لخروج \"اليونان\" من منطقة اليورو لمدة خمس سنوات."
    assert body_quotes_of(text) == []


@pytest.mark.parametrize("text, speakers", [
    # SaudiNewsNet (Al-Yaum, 2015-08-08): «أهمية» after «شدد على» is what is said, not who says it
    ("وقال الصافي في خطبة صلاة الجمعة في كربلاء إن البلد اليوم يواجه حربا ضد الإرهاب.\n"
     "وشدد على أهمية أن يتخذ العبادي قرارات مهمة وإجراءات صارمة في مكافحة الفساد المالي والإداري.",
     ["الصافي", "الصافي"]),
    # ANT (Al Arabiya): «وأكد على ضرورة "…"» goes on with the speaker before
    ("وقال سعد الحريري إن الرئيس ميشال عون كلفه بتشكيل الحكومة.\n"
     "وأكد على ضرورة \"تشكيل حكومة وفاق وطني في أسرع وقت ممكن نظرا للأخطار الإقليمية المتزايدة حول بلدنا\".",
     ["سعد الحريري", "سعد الحريري"]),
])
def test_after_the_cues_preposition_comes_what_is_said(text, speakers):
    assert [q.speaker_name for q in body_quotes_of(text)] == speakers


@pytest.mark.parametrize("text, n", [
    # SaudiNewsNet (Al-Riyadh, 2015-08-11): «يتوقع أن» with no subject is a passive: it is expected that
    ("بينما يتوقع أن يمثل الهلال خالد شراحيلي في حراسة المرمى وعبدالله الزوري وكواك تاي هي.", 0),
    # ANT (BBC Arabic)
    ("ويُتوقع أن تعقد قمة بين كيم ونظيره الرئيس الأمريكي دونالد ترامب مطلع يونيو.", 0),
    # with a subject before it, or negated after a pronoun's subject, someone expects
    ("الوزير يتوقع أن يرتفع النمو هذا العام.", 1),
    ("وقال ترمب إنه سيثير التدخل الروسي مع بوتين، لكنه لا يتوقع أن يصل لشيء.", 2),
])
def test_an_impersonal_expectation_is_no_quotation(text, n):
    assert len(body_quotes_of(text)) == n
