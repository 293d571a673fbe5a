"""Boilerplate yields no quotation and never moves an offset."""

from __future__ import annotations

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
