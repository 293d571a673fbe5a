"""Boilerplate yields no quotation and never moves an offset."""

from __future__ import annotations

import pytest

from conftest import body_quotes_of, quotes_of

ARTICLE = ("[ad_1]\n"
           "قال الوزير إن المشروع اكتمل في موعده.\n"
           "اقرأ أيضا\n"
           "قال مسؤول إن الخبر غير صحيح\n"
           "وأضاف الوزير أن المرحلة الثانية تبدأ قريبا.\n"
           "المصدر : الجزيرة + وكالات\n"
           "أعلنت الخارجية استدعاء السفير لإبلاغه أن التدخل غير مقبول\n"
           "Published On 6/10/2021\n")


def test_boilerplate_is_masked_and_offsets_hold():
    qs = body_quotes_of(ARTICLE)
    assert [q.content for q in qs] == ["المشروع اكتمل في موعده", "المرحلة الثانية تبدأ قريبا"]
    for q in qs:
        assert ARTICLE[q.content_start:q.content_end] == q.content


def test_headline_of_a_text_file_is_not_a_quotation():
    text = "قال الوزير إن الاقتصاد بخير\n\nوأضاف الوزير أن النمو مستمر."
    assert [q.content for q in quotes_of(text)] == ["النمو مستمر"]
    # SaudiNewsNet keeps the title apart: the first line is body text there
    assert len(body_quotes_of(text)) == 2


def test_repeated_masthead_lines_are_masked():
    text = ("رئيس التحرير\nأحمد صبري\nرئيس التحرير\nأحمد صبري\n\n"
            "قال المتحدث إن الاتصالات مستمرة.")
    assert [q.content for q in body_quotes_of(text)] == ["الاتصالات مستمرة"]


def test_a_byline_and_dateline_is_no_part_of_the_first_sentence():
    # SaudiNewsNet (Sabq, 2015-08-01): «عبدالله البرقاوي- سبق- الرياض:» stands before the verb
    # that opens the article, whose subject «وقال» shares
    text = ("عبدالله البرقاوي- سبق- الرياض: دان وزير الخارجية السعودي عادل الجبير جريمة حرق الرضيع "
            "الفلسطيني \"علي دوابشة\" على يد مستوطنين إسرائيليين فجر اليوم في مدينة نابلس بالضفة الغربية "
            "المحتلة، وقال: \"ندين بأشد العبارات جريمة حرق الرضيع\".")
    (q,) = body_quotes_of(text)
    assert (q.speaker_name, q.speaker_rule) == ("عادل الجبير", "implied-sentence-subject")
    # Sabq's byline over a quotation that opens the article is no part of its content
    text = ("سبق- وكالات: شنّت طائرات حربية إسرائيلية، فجر الخميس، غارتين على موقعين، وفق مصادر أمنية "
            "وشهود عيان فلسطينيين.")
    (q,) = body_quotes_of(text)
    assert q.content.startswith("شنّت طائرات حربية إسرائيلية")


def test_an_outlet_dateline_is_no_part_of_the_first_sentence():
    # CNN Arabic: «أنقرة، تركيا (CNN) --» stands before the verb that opens the article
    text = ("أنقرة، تركيا (CNN) -- نفى المتحدث باسم الحكومة التركية، نائب رئيس الوزراء بكر بوزداغ، أنباء "
            "اعتزام دخول قوات مرتبطة بالنظام السوري إلى عفرين، مشددا على أن تركيا ستتوجه نحوها بعملية عسكرية.")
    (q,) = body_quotes_of(text)
    assert (q.speaker_name, q.speaker_rule) == ("بكر بوزداغ", "implied-sentence-subject")


@pytest.mark.parametrize("text, clause", [
    # ANT (Sky News Arabia, BBC Arabic) and SaudiNewsNet: the whole anonymity clause, and only it
    ("وقال مصدر أمني فضل عدم كشف هويته في هذا المعبر إن أمن حماس أقام نقطة تفتيش.", "فضل عدم كشف هويته"),
    ("وقال ابن بليسينغ، الذي لم يكشف عن اسمه، إنه يريد نقلها.", "الذي لم يكشف عن اسمه"),
    ("وقال مسؤول أمريكي طلب عدم نشر اسمه، إن الهجوم وقع.", "طلب عدم نشر اسمه"),
])
def test_an_anonymity_clause_is_masked_exactly(text, clause):
    from quotes.boilerplate import boilerplate_spans
    from quotes.lexicon import load_lexicon
    from quotes.normalize import NormText
    norm = NormText(text).norm
    spans = [(s, e) for rule, s, e in boilerplate_spans(norm, load_lexicon(), headline=False)
             if rule == "anonymity_clause"]
    start = text.index(clause)
    assert spans == [(start, start + len(clause))]
