"""Who a cue names: the speaker mention after or before it (the subjects a cue that names no one
shares are in :mod:`quotes.rules.subjects`)."""

from __future__ import annotations

from functools import lru_cache

import regex

from quotes.morphology import NISBA, is_definite, strip_definite, without_conjunction
from quotes.rules.context import Cue, DocumentContext, LETTER, MAX_MENTION_WORDS, WORD_AT
from quotes.speakers import MentionSpan, looks_like_source, name_run, title_of
from quotes.speakers.words import (is_accusative_noun, is_circumstantial, is_family_name, is_feminine_participle,
                                   is_function_form, is_namey, is_noun_with_pronoun, is_verb_with_object,
                                   is_verbal_noun)
from quotes.tokens import Tok, tokens

ARABIC_LETTER = regex.compile(r"\p{Arabic}")
RELATIVE_AGREEMENT = {"الذي": "male", "التي": "female"}  # the cue after a relative pronoun agrees with it
LATIN = regex.compile(r"\p{Latin}{2,}")
_NEXT_WORD = regex.compile(r"[^\p{L}\p{N}\n]{0,3}([\p{L}\p{N}]+)")


def span_of(toks: list[Tok], numbers_before: int = -1) -> MentionSpan | None:
    """The span of the words (and marks) of ``toks``, cut before a number (a number is never
    part of who speaks: «أكد أول المتحدثين»), but for one that opens a share of a group,
    which ends at ``numbers_before`` (:func:`share_of_group`)."""
    ws = [t for t in toks if t.kind in ("w", "q")]
    for k, t in enumerate(ws):
        if t.kind == "w" and not LETTER.search(t.text) and t.start >= numbers_before:
            ws = ws[:k]
            break
    while ws and ws[-1].kind == "q" and ws[0].kind != "q" and sum(t.kind == "q" for t in ws) % 2 == 1:
        ws.pop()  # a trailing mark that closes none opened in the mention («صحيفة "ذا تايمز"» keeps its own)
    if not [t for t in ws if t.kind == "w"]:
        return None
    return MentionSpan(ws[0].start, ws[-1].end)


def mention_of(ctx: DocumentContext, cue: Cue, region: list[Tok]) -> MentionSpan | None:
    """The speaker named after the cue, or else before it (SVO, «وكان X قد أشار»)."""
    if cue.entry.frame == "participle":
        return None
    region = skip_leading_channel(ctx, skip_leading_time(ctx, region))
    if cue.entry.frame == "clause":
        region = skip_addressee(ctx, region)  # («وفقا للمصادر»: after a nominal cue, ل opens the source)
    if object_of_preposition(ctx, cue, region):
        region = []  # «وشدد على أهمية أن …»: after the cue's preposition comes what is said, not who says it
    if "ب" in cue.entry.complements and cue.entry.act.name in ("welcome", "praise", "criticise"):
        # «رحبت السلطات الباكستانية بقرار وقف إطلاق النار …»، «أشاد عدد من سيدات المجتمع المكي بالإنجاز»:
        # the cue's ب opens what it is about (not «باسم» or an institution: «المتحدث باسم …»، «مسؤول بوزارة …»)
        k = next((k for k, t in enumerate(region) if k and t.kind == "w" and t.text.startswith("ب") and len(t.text) > 3
                  and not is_namey(ctx.lex, t.text) and t.text not in ctx.lex.given_names
                  and title_of(ctx.lex, t.text[1:]) is None and t.text not in ctx.lex.mention_stoppers), None)
        region = region[:k] if k is not None else region
    span = cut_mention(ctx, region)
    if span is not None and (_lone_circumstantial(ctx, span) or _demonstrative_object(ctx, span)
                             or all(_grammatical(ctx, t.text) for t in tokens(ctx.w, span.start, span.end) if t.kind == "w")):
        span = None  # «وقال مازحا:»، «واعتبر ذلك انتهاكا»، «وقال أنا أقدم نفسي»: no one is named
    if span is None and cue.entry.frame in ("clause", "channel"):
        span = mention_before(ctx, cue)
    return span


def object_of_preposition(ctx: DocumentContext, cue: Cue, region: list[Tok]) -> bool:
    """Does ``region``, right after a cue with its preposition («شدد على»، «أشار إلى»، «كشف عن»),
    open with the preposition's object («على أهمية أن»، «عن خطته لخروج اليونان»)? Its subject
    stands before the preposition; only a reference back opens a subject after it («أشار إلى
    ذلك مدير التعليم»). (Not the ب glued to its noun: «رحب بالقرار».)"""
    return bool(cue.complement) and cue.complement != "ب" and bool(region) and region[0].kind == "w" \
        and region[0].text not in ctx.lex.classes.demonstrative and region[0].text not in ctx.lex.classes.reference


def _grammatical(ctx: DocumentContext, word: str) -> bool:
    """Is ``word`` a grammatical word that names no one («أنا»، «عليها»، «بعدها»), not a title
    (function_words.txt lists «مصدر»، «صحيفة» too, also behind a proclitic: «لمصادر») or a
    quantifier with its pronoun («أحدهم»)?"""
    bare = word[1:] if word[:1] in "ولبف" and len(word) > 3 else word
    return is_function_form(ctx.lex, word) and title_of(ctx.lex, word) is None and title_of(ctx.lex, bare) is None \
        and not any(word.startswith(q) for q in ctx.lex.classes.quantifier)


def _demonstrative_object(ctx: DocumentContext, span: MentionSpan) -> bool:
    """A demonstrative right after the cue with no definite noun or title after it is the
    verb's object («واعتبر ذلك انتهاكا»، «ونفت هذا»); «هذا المسؤول» is a subject, and so is
    the title after a demonstrative that refers back («أوضح ذلك رئيس بلدية الشوقية»)."""
    words_ = [t.text for t in tokens(ctx.w, span.start, span.end) if t.kind == "w"]
    return words_[0] in ctx.lex.classes.demonstrative and (
        len(words_) == 1 or not (is_definite(words_[1]) or title_of(ctx.lex, words_[1])))


def _lone_circumstantial(ctx: DocumentContext, span: MentionSpan) -> bool:
    """A circumstantial participle right after the cue, alone or with its object and no name
    («وقال مازحا:»، «وقال مختتما حديثه:»): it says how, not who."""
    toks = [t for t in tokens(ctx.w, span.start, span.end) if t.kind == "w"]
    if len(toks) == 1 and is_feminine_participle(ctx.lex, toks[0].text):
        return True  # «أضافت مستطردة»
    return bool(toks) and is_circumstantial(ctx.lex, toks[0].text) and (
        len(toks) == 1 or (name_run(ctx.lex, toks[1:], ctx.w) is None
                           and title_of(ctx.lex, toks[0].text[:-1]) is None))  # «قائدا الأمن»: two commanders



def opens_with_someone(ctx: DocumentContext, mention: MentionSpan) -> bool:
    """Does a mention open with a title, an institution or a given name (and not with an
    adverb or an object: «انتقدت بشدة مشروع القانون»)?"""
    first = WORD_AT.search(ctx.w, mention.start, mention.end)
    if first is None:
        return False
    word = first.group()
    return title_of(ctx.lex, word) is not None or word in ctx.lex.given_names


@lru_cache(maxsize=4)
def _share_re(units: frozenset[str], approximators: frozenset[str]) -> "regex.Pattern[str]":
    alts = "|".join(regex.escape(u).replace(r"\ ", r"\s+") for u in sorted(units, key=len, reverse=True))
    approx = "|".join(regex.escape(a) for a in sorted(approximators, key=len, reverse=True)) or r"(?!)"
    return regex.compile(rf"(?:(?:{approx})\s+)?[0-9٠-٩]+(?:[.,٫][0-9٠-٩]+)?\s*(?:{alts})\s+من(?=\s)")


def share_of_group(ctx: DocumentContext, region: list[Tok]) -> int:
    """Where the share that opens ``region`` ends, up to the «من» of its group («39 في المئة من
    الديمقراطيين», «57% من الآباء»: the share of a group is who speaks), or -1. A bare share
    («رأى 19 % أن») names no one: the speaker is then implied."""
    first = next((t for t in region if t.kind == "w"), None)
    if first is None:
        return -1
    m = _share_re(ctx.lex.classes.percent_unit, ctx.lex.classes.approximator).match(ctx.w, first.start)
    return m.end() if m else -1


MASKED_GAP = 8  # more white space between two words than text has: masked boilerplate between them


def cut_mention(ctx: DocumentContext, region: list[Tok]) -> MentionSpan | None:
    """The mention a region starts with: up to a stopper, a dash, a bracket or a colon."""
    share = share_of_group(ctx, region)
    kept: list[Tok] = []
    soft_cut: int | None = None
    for k, t in enumerate(region):
        if t.kind in ("dash", "paren", "colon", "end"):
            break
        if kept and t.start - kept[-1].end > MASKED_GAP:
            break  # blanked boilerplate: «مزارع محلي [طلب عدم كشف هويته] خوفا من …» (an anonymity clause)
        if outlet_at(ctx, region, k) or (kept and _to_an_outlet(ctx, t)):
            break  # «مسؤولون في الشرطة الهندية لبي بي سي»، «وقال كاميرون لشبكة (إن.بي.سي)»: the channel
        if _object_after_name(ctx, kept, t) or _verbal_noun_after_definite(ctx, kept, t):
            break  # «واختتم د. الحلي تصريحه بأن»، «أعلنت وزارة الداخلية توقيف شخصين»: the verb's object
        if t.kind == "w" and t.end > share:
            strength = ctx.lex.mention_stoppers.get(t.text)
            if strength and kept and kept[-1].text in ctx.lex.classes.patronymic and t.text in ctx.lex.given_names:
                strength = None  # «ناصر بن صباح»: a given name after بن, though also a time word
            if strength == "hard":
                break
            if strength == "soft" and soft_cut is None and not (
                    len(kept) == 1 and kept[0].text in ctx.lex.classes.quantifier):  # «عدد من المسؤولين»
                soft_cut = len(kept)
        kept.append(t)
        if len([k for k in kept if k.kind == "w"]) >= MAX_MENTION_WORDS:
            kept.extend(_rest_of_name(ctx, region[k + 1:], t))
            break
    if soft_cut is not None:
        kept = resolver_cut(ctx, kept, soft_cut)
    while kept and kept[-1].kind == "comma":
        kept.pop()
    if kept and kept[-1].end == share and kept[-1].text == "من":
        kept.pop()  # «43 في المائة من الذين …»: the group was cut away, and its «من» with it
    return span_of(kept, share)


def _rest_of_name(ctx: DocumentContext, rest: list[Tok], last: Tok) -> list[Tok]:
    """The words of a name the mention's word limit cut through, which it keeps whole («المتحدث
    الرسمي للرئاسة العامة لهيئة الأمر بالمعروف والنهي عن المنكر الشيخ تركي بن عبد | الله الشليل»)."""
    out: list[Tok] = []
    for t in rest:
        if t.kind != "w" or not (last.text in ctx.lex.classes.name_link or (
                (is_namey(ctx.lex, last.text) or last.text == "الله")
                and (is_namey(ctx.lex, t.text) or is_family_name(ctx.lex, t.text)))):
            break
        out.append(t)
        last = t
    return out


def _verbal_noun_after_definite(ctx: DocumentContext, kept: list[Tok], t: Tok) -> bool:
    """Is ``t`` an indefinite verbal noun right after a definite word («وزارة الداخلية توقيف»)? A
    definite noun takes no complement and a verbal noun is no adjective: it opens the object."""
    return t.kind == "w" and bool(kept) and kept[-1].kind == "w" and is_definite(kept[-1].text) \
        and not is_definite(t.text) and t.text in ctx.lex.common_nouns and is_verbal_noun(t.text) \
        and title_of(ctx.lex, t.text) is None and t.text not in ctx.lex.given_names


def _object_after_name(ctx: DocumentContext, kept: list[Tok], t: Tok) -> bool:
    """Is ``t`` a noun with its pronoun right after a name word, so the verb's object rather
    than more of the mention («د. الحلي تصريحه»، «الشيخ السديس كلمته»)?"""
    if t.kind != "w" or not kept or kept[-1].kind != "w" or t.text[-1] not in "هامن":
        return False  # (every pronoun ends in ه، ا، م or ن: most words are ruled out at once)
    last = kept[-1].text
    if not (is_namey(ctx.lex, last) or is_family_name(ctx.lex, last)) or title_of(ctx.lex, last) is not None \
            or not is_noun_with_pronoun(ctx.lex, t.text) or title_of(ctx.lex, t.text) is not None:
        return False
    if not is_definite(last) or len(kept) == 1:
        return True
    # an ال-word is a family name after a name or a title («الشيخ الخزيم تصريحه»), not after a
    # common noun («تجارة المواشي وتربيتها محمد بن شارع»)
    before = kept[-2]
    return before.kind == "w" and (is_namey(ctx.lex, before.text) or title_of(ctx.lex, before.text) is not None)


def skip_leading_time(ctx: DocumentContext, region: list[Tok]) -> list[Tok]:
    """Drop when, standing between the cue and its subject: «وقال الثلاثاء المتحدث …»،
    «وقال الأسبوع الماضي وزير الخارجية …»، «وأعلن في أبريل الماضي رسام الكاريكاتير …»
    (words of class ``time``, and numbers and commas after one; في only before a time
    word), when words follow it. «وقال 39 في المئة من الديمقراطيين» keeps its number."""
    time = ctx.lex.classes.time
    i = 0
    while i < len(region):
        t = region[i]
        if t.kind == "comma" and i:
            i += 1
        elif t.kind == "w" and ((t.text.isdigit() and i) or (t.text in time and t.text != "في") or (
                t.text == "في" and i + 1 < len(region) and region[i + 1].kind == "w"
                and region[i + 1].text in time and region[i + 1].text != "في")):
            i += 1
        else:
            break
    return region[i:] if 0 < i < len(region) and region[i].kind == "w" else region


def skip_addressee(ctx: DocumentContext, region: list[Tok]) -> list[Tok]:
    """Drop whom the cue addresses when nothing else stands before what it introduces: ل and
    a common noun or a grammatical word with the definite words that qualify it («أكد لنظيره
    الصيني أن»، «صرح لإحدى الصحف المحلية بأن»): no one is named. (With words after it, the
    ل is the word's own: «لورد هيغ»، «لجنة تحقيق روسية».)"""
    if not region or region[0].kind != "w" or not _addressee(ctx, region[0].text):
        return region
    i = 1
    while i < len(region) and region[i].kind == "w" and is_definite(region[i].text) \
            and title_of(ctx.lex, region[i].text) is None:
        i += 1  # «الصيني»، «الصحف المحلية»
    return region[i:] if not any(t.kind == "w" for t in region[i:]) else region


def _addressee(ctx: DocumentContext, word: str) -> bool:
    """Is ``word`` ل and a common noun (with its pronoun: «لنظيره») or a grammatical word
    («لإحدى»), not a word of its own that begins with ل (لجنة، لورد، a given name)?"""
    lex = ctx.lex
    if not word.startswith("ل") or len(word) < 4 or word in lex.given_names or word in lex.common_nouns \
            or title_of(lex, word):
        return False
    rest = "ال" + word[2:] if word.startswith("لل") else word[1:]
    return strip_definite(rest) in lex.common_nouns or is_function_form(lex, rest) \
        or rest in lex.classes.demonstrative \
        or any(rest.endswith(p) and strip_definite(rest[:-len(p)]) in lex.common_nouns for p in ("ه", "ها", "هم"))


def skip_leading_channel(ctx: DocumentContext, region: list[Tok]) -> list[Tok]:
    """Drop a channel standing between the cue and the speaker: «وأوضح لـ"الوطن" مدير
    الفريق …», «وقال للصحفيين الوزير …», a reference back («صرح بذلك المتحدث …») and the
    verb of a document's relative clause («وجاء في بيان أصدرته الوزارة») (only when words
    follow it)."""
    i = 0
    if len(region) > 1 and region[0].kind == "w" and region[1].kind == "w" and (
            region[0].text in ctx.lex.classes.reference
            or (is_verb_with_object(ctx.lex, region[0].text) and region[0].text not in ctx.lex.given_names)):
        i = 1  # «صرح بذلك المتحدث»، «وجاء في بيان أصدرته الوزارة»: who speaks follows
    while i < len(region) and region[i].kind == "w" and region[i].text.startswith("ل") \
            and region[i].text not in ctx.lex.classes.pronoun_object:
        outlet = outlet_at(ctx, region, i)
        if _to_an_outlet(ctx, region[i]):  # «وأضاف لمحطة إن بي سي أنه»: the noun and the outlet's name
            outlet = 1 + _outlet_length(ctx, region, i + 1)
        if not (outlet or region[i].text == "ل" or ctx.lex.mention_stoppers.get(region[i].text) == "hard"):
            break
        j = i + max(1, outlet)  # «وقال لبي بي سي مسؤول …»: past the whole outlet
        if j < len(region) and region[j].kind == "q":  # the channel's name in marks
            close = next((k for k in range(j + 1, len(region)) if region[k].kind == "q"), None)
            if close is None:
                break
            j = close + 1
        while j < len(region) and region[j].kind == "w" and j - i <= 3 and region[j].text not in ctx.lex.given_names \
                and len(region[j].text) > 3 and not is_function_form(ctx.lex, region[j].text) \
                and strip_definite(region[j].text).endswith(("ي", "يه", "يون", "يين")):
            j += 1  # the channel's adjectives: «قال لصحيفة نمساوية إن»
        while j < len(region) and region[j].kind == "comma":
            j += 1
        if j >= len(region) and j > i + 1:
            return []  # nothing but the channel after the cue: who speaks stands before it
        if j >= len(region) or region[j].kind != "w":
            break
        i = j
    return region[i:]


def outlet_at(ctx: DocumentContext, toks: list[Tok], i: int) -> int:
    """How many words of ``toks`` from ``i`` name a news outlet after ل («لبي بي سي»،
    «للشرق الأوسط», ``outlets.txt``), or 0."""
    t = toks[i]
    if t.kind != "w" or len(t.text) < 3 or not t.text.startswith("ل"):
        return 0
    if LATIN.match(t.text, 1):
        return 1  # «لـCNN»، «لـBBC»: an outlet written in Latin letters
    first = "ال" + t.text[2:] if t.text.startswith("لل") else t.text[1:]
    return _outlet_from(ctx, first, toks, i)


def _outlet_from(ctx: DocumentContext, first: str, toks: list[Tok], i: int) -> int:
    """How many words of ``toks`` from ``i`` name a news outlet whose first word, read without
    what is attached to it, is ``first`` (longest outlet first), or 0."""
    for outlet in ctx.lex.outlets.get(first, ()):
        n = len(outlet)
        if i + n <= len(toks) and all(toks[i + m].kind == "w" and toks[i + m].text == outlet[m] for m in range(1, n)):
            return n
    return 0


def _to_an_outlet(ctx: DocumentContext, t: Tok) -> bool:
    """Is ``t`` ل and an outlet noun («لشبكة»، «لصحيفة»، «لوكالة»): whom the words were said to?"""
    return t.kind == "w" and t.text.startswith("ل") and len(t.text) > 3 \
        and (t.text[1:] in ctx.lex.classes.outlet_noun or "ال" + t.text[2:] in ctx.lex.classes.outlet_noun)


def _outlet_length(ctx: DocumentContext, toks: list[Tok], i: int) -> int:
    """How many words of ``toks`` from ``i`` name a news outlet (``outlets.txt``), or 0."""
    if i >= len(toks) or toks[i].kind != "w":
        return 0
    return _outlet_from(ctx, toks[i].text, toks, i)


def outlet_named_at(ctx: DocumentContext, t: Tok) -> bool:
    """Does the name of a news outlet (``outlets.txt``) start with the word ``t`` («إن.بي.سي»،
    «إن بي سي»: its «إن» opens no clause)?"""
    outlets = ctx.lex.outlets.get(t.text)
    if not outlets:
        return False
    nxt = _NEXT_WORD.match(ctx.w, t.end)  # a cheap look at the second word first: «إن» is everywhere
    if nxt is None or not any(len(o) > 1 and o[1] == nxt.group(1) for o in outlets):
        return False
    toks = [x for x in tokens(ctx.w, t.start, min(len(ctx.w), t.start + 60)) if x.kind == "w"]
    return _outlet_length(ctx, toks, 0) > 0


def resolver_cut(ctx: DocumentContext, kept: list[Tok], soft_cut: int) -> list[Tok]:
    """Keep words past a soft stopper only when they end in a name and none came before,
    and the name is not whom the words are addressed to («وقال في برقية شكر للرئيس
    المصري عبد الفتاح السيسي:»: a title with ل before the name)."""
    head, tail = kept[:soft_cut], kept[soft_cut:]
    if name_run(ctx.lex, head, ctx.w) is not None or (head and _in_a_document(ctx, tail)):
        return head  # «واعتبر حزب التحرير في بيان تلاه عضو مكتبه الإعلامي، محمد مقديش»: the party speaks
    run = name_run(ctx.lex, tail, ctx.w)
    if run is None or any(t.kind == "w" and t.text.startswith("ل") and title_of(ctx.lex, t.text[1:].removeprefix("ل"))
                          for t in tail[:run[0]]):
        return head
    if not head and any(t.kind == "comma" or (t.kind == "w" and (t.text in ctx.lex.function_words
                                                                 or t.text in ctx.lex.mention_stoppers))
                        for t in tail[1:run[0]]):
        # «في مؤتمر صحفي مشترك مع وزير حقوق الإنسان، محمد»، «في مؤتمر صحفي، أمام البيت الأبيض عقب لقاء ترامب»:
        # a name after a second preposition or a comma is not the subject
        return head
    return kept[:soft_cut + run[1]]


def _in_a_document(ctx: DocumentContext, tail: list[Tok]) -> bool:
    """Do the words after a soft stopper open with «في» and a document or channel («في بيان»،
    «في تصريح»)? A name after them read or issued it for the subject before them."""
    words_ = [t.text for t in tail[:2] if t.kind == "w"]
    if len(words_) < 2 or words_[0] != "في":
        return False
    noun = strip_definite(words_[1])
    return ctx.lex.generic_sources.get(noun) == "document" or noun in ctx.lex.classes.channel


def mention_before(ctx: DocumentContext, cue: Cue) -> MentionSpan | None:
    w, lex = ctx.w, ctx.lex
    ss = ctx.view.sentence_start(cue.start)
    toks = [t for t in tokens(w, max(ss, cue.start - 200), cue.start) if t.kind != "end"]
    if not toks:
        return None
    if toks[-1].kind == "w" and toks[-1].text == "قد":
        toks = toks[:-1]
    if not toks or w[cue.start] == "و":
        return None  # the words before a cue with و end the clause before it («كان بسبب الظروف المناخية، وبينت أن»)
    # «X كان أعلن»: the subject stands before كان
    if toks[-1].kind == "w" and toks[-1].text in lex.classes.copula:
        return subject_back(ctx, toks[:-1])
    # «ممثل صندوق النقد الدولي الذي قال إنه»: the relative pronoun's antecedent
    if toks[-1].kind == "w" and toks[-1].text in lex.classes.relative:
        if RELATIVE_AGREEMENT.get(toks[-1].text, cue.entry.gender) != cue.entry.gender:
            return None  # «محمد عبده الذي ترى أنه»: the pronoun is the verb's object, not its subject
        span = _antecedent(ctx, toks[:-1] if len(toks) < 2 or toks[-2].kind != "comma" else toks[:-2])
        if span is not None:
            return span
    # «وكان X، قد أشار»: the subject stands between كان and the cue (and before another verb's قد:
    # «وكانت القوات الاسرائيلية قد قتلت ثلاثة … في مداهمات قالت إنها»)
    for k in range(len(toks) - 1, max(-1, len(toks) - 20), -1):
        t = toks[k]
        if t.kind == "w" and t.text in lex.classes.copula and k and toks[k - 1].text in lex.classes.relative:
            break  # «بوزداغ، الذي كان يتحدث في مؤتمر صحفي …، قال»: the copula of a relative clause
        if t.kind == "w" and t.text in lex.classes.copula:
            qad = next((m for m in range(k + 1, len(toks) - 1) if toks[m].kind == "w" and toks[m].text == "قد"), None)
            return span_of(toks[k + 1:qad] if qad is not None else toks[k + 1:])
        if t.kind == "w" and (t.text in lex.complementizers or ctx.cues.at(t.start) is not None):
            break
    # «أما القيادي بحزب التحرير، سعيد خشارم، فقال»: the topic أما opens is the speaker of a cue with ف
    if w[cue.start] == "ف":
        for k in range(len(toks) - 1, max(-1, len(toks) - MAX_MENTION_WORDS - 4), -1):
            t = toks[k]
            if t.kind == "w" and t.text in lex.classes.topic:
                topic = span_of(toks[k + 1:])  # not «أما فيما يتعلق بسوريا فأوضح»
                if topic is not None and looks_like_source(lex, w, topic):
                    return topic
                break
            if t.kind == "w" and (t.text in lex.complementizers or ctx.cues.at(t.start) is not None):
                break  # (marks may stand inside the topic: «أما صحيفة "الجارديان" البريطانية فأكدت»)
    # «الأمين العام لـ«حزب الله» حسن نصر الله، تساءل»: the sentence opens with its subject (a title or a
    # given name first) and a comma (not with a verb or an adverb: «ونعت …، وقال»، «أولا، تقول»)
    if toks[-1].kind == "comma" and cue.start - 200 <= ss:
        head = _topic_head(ctx, toks[:-1])
        first = next((t.text for t in head if t.kind == "w"), "")
        run = name_run(lex, head, w)
        opens = title_of(lex, first) is not None or first in lex.given_names or first in lex.name_genders \
            or (run is not None and run[0] == 0 and (run[1] == sum(t.kind == "w" for t in head) or (
                run[1] >= 2 and _foreign_first_name(ctx, first))))
        # («بوزداغ، الذي …، قال»، «لكن لورا بيكر، مراسلة بي بي سي في سيول، تقول»)
        if head and opens and sum(t.kind == "w" for t in head) <= MAX_MENTION_WORDS and not any(
                t.kind == "w" and (t.text in lex.complementizers or ctx.cues.at(t.start) is not None
                                   or t.text in lex.verbs) for t in head):
            span = span_of(head)
            if span is not None and looks_like_source(lex, w, span):
                return span
    # «أن بوتين “أشار إلى أن»: a short subject right before the cue (SVO)
    return subject_back(ctx, toks, svo=True)


def _foreign_first_name(ctx: DocumentContext, word: str) -> bool:
    """Can ``word``, no given name of the lists, open a person's name («لورا بيكر»، «يوهان ديتريش
    فورنر»): no common noun, verb, demonstrative or accusative noun, nor a word behind و or with a
    past verb's ت («وراح»، «اقتبست»)?"""
    lex = ctx.lex
    return word not in lex.common_nouns and word not in lex.verbs and not is_function_form(lex, word) \
        and word not in lex.classes.demonstrative and not word.startswith("و") and not word.endswith("ت") \
        and not is_accusative_noun(lex, word)


def _topic_head(ctx: DocumentContext, head: list[Tok]) -> list[Tok]:
    """The subject a sentence opens with before a comma and its verb, without a contrast word
    before it or a parenthesis after it that opens with وهو/وهي («لكن شركة أوتوستراد، وهي
    وحدة تابعة لمجموعة أتلانتيا …، قالت إنها» → «شركة أوتوستراد»)."""
    if head and head[0].kind == "w" and (head[0].text in ctx.lex.classes.contrast
                                         or head[0].text in ctx.lex.classes.sentence_link):
        head = head[1:]
    for k, t in enumerate(head[:-1]):
        if t.kind == "comma" and head[k + 1].kind == "w" and (
                without_conjunction(head[k + 1].text, 1) in ctx.lex.classes.parenthesis
                or head[k + 1].text in ctx.lex.classes.relative):  # «بوزداغ، الذي كان يتحدث …، قال»
            return head[:k]
    return head


def opens_as_person(ctx: DocumentContext, toks: list[Tok]) -> bool:
    """Do ``toks`` open with a person's title or a name of two words or more?"""
    first = toks[0].text if toks and toks[0].kind == "w" else ""
    run = name_run(ctx.lex, toks, ctx.w)
    return (title_of(ctx.lex, first) or ("", ""))[0] == "person" or (run is not None and run[0] == 0 and run[1] >= 2)


def _antecedent(ctx: DocumentContext, toks: list[Tok]) -> MentionSpan | None:
    """The phrase a relative pronoun right before the cue refers to, when it names a person:
    the words back to the first person's title or given name among the last few, no
    grammatical word among them («ومن بينهم ممثل صندوق النقد الدولي الذي قال إنه» → «ممثل
    صندوق النقد الدولي»)."""
    words_: list[Tok] = []
    for t in reversed(toks):
        if t.kind != "w" or t.text in ctx.lex.complementizers or ctx.cues.at(t.start) is not None \
                or is_function_form(ctx.lex, t.text) or len(words_) >= MAX_MENTION_WORDS:
            break
        words_.insert(0, t)
    while words_ and not ((title_of(ctx.lex, words_[0].text) or ("", ""))[0] == "person"
                          or words_[0].text in ctx.lex.given_names):
        words_.pop(0)  # a person: «الحكومة إلى تعزيز …»، «إيران للشروط الأميركية» name no speaker
    span = span_of(words_) if words_ else None
    return span if span is not None and is_source(ctx, span) else None


def subject_back(ctx: DocumentContext, toks: list[Tok], svo: bool = False) -> MentionSpan | None:
    lex = ctx.lex
    picked: list[Tok] = []
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if svo and picked and lex.mention_stoppers.get(t.text) == "soft":
            head = _titled_head(ctx, toks[:k])
            if head:  # «لكن اتحاد الصيادين في غزة قال»: a title or body and its place
                picked.extend([t, *reversed(head)])
            break
        if t.kind == "q":
            if svo and not picked:
                continue
            break
        if t.kind == "comma" and not svo:
            picked.append(t)
            continue
        if t.kind != "w":
            break
        bare = without_conjunction(t.text, longer_than=3)
        if t.text in lex.complementizers or t.text in lex.classes.copula or t.text in lex.mention_stoppers \
                or ctx.cues.at(t.start) is not None or bare in lex.mention_stoppers \
                or (bare in lex.function_words and title_of(lex, bare) is None):
            break
        picked.append(t)
        if len(picked) > (MAX_MENTION_WORDS if svo else 10):
            return None
    while picked and picked[-1].kind == "comma":
        picked.pop()
    if not picked:
        return None
    picked.reverse()
    span = span_of(picked)
    if svo and span is not None:
        # only after a clause boundary (a complementizer, a mark, the sentence start),
        # and only a subject that names a source
        before = [t for t in toks if t.start < picked[0].start]
        if before and not (before[-1].kind in ("q", "colon", "comma") or before[-1].text in lex.complementizers
                           or before[-1].text in lex.function_words):
            return None
        opens = not before or before[-1].text in lex.classes.contrast or before[-1].text in lex.classes.sentence_link
        if len(picked) > 4 and not (opens and opens_as_person(ctx, picked)):
            return None  # a longer subject only where the sentence opens with a person's name («لكن فاروق
            # جليك وزير العمل والضمان الاجتماعي التركي قال لرويترز إنه»)
        if not is_source(ctx, span) and not (opens and _lone_family_name(ctx, picked)):
            return None
    return span


def _lone_family_name(ctx: DocumentContext, picked: list[Tok]) -> bool:
    """Is ``picked`` one family name of the nisba shape that no common noun shares («النزاوي
    أشارت إلى أن»: a sentence that opens with the person's family name and the verb)?"""
    words_ = [t for t in picked if t.kind == "w"]
    if len(words_) != 1:
        return False
    w = words_[0].text
    return is_definite(w) and w.endswith("ي") and is_family_name(ctx.lex, w) \
        and strip_definite(w) not in ctx.lex.common_nouns and title_of(ctx.lex, w) is None


def _titled_head(ctx: DocumentContext, toks: list[Tok]) -> list[Tok]:
    """The words at the end of ``toks`` from where a clause opens (the start, a contrast word, a
    sentence link, a comma), when there are at most four and the first is a title or a body
    («لكن | اتحاد الصيادين»), else []."""
    k = len(toks)
    while k > 0 and toks[k - 1].kind == "w" and toks[k - 1].text not in ctx.lex.classes.contrast \
            and toks[k - 1].text not in ctx.lex.classes.sentence_link and len(toks) - k < 5:
        k -= 1
    head = toks[k:]
    if not head or len(head) > 4 or (k > 0 and toks[k - 1].kind not in ("w", "comma")):
        return []
    return head if title_of(ctx.lex, head[0].text) is not None else []


def without_object(ctx: DocumentContext, mention: MentionSpan | None) -> MentionSpan | None:
    """The subject of a verb that takes an object before its quoted words: a definite
    word after a name, or after a name in marks, is the object («ووصف بوسنين الحادث
    بأنه «…»», «ووصفت صحيفة «ذا هيل» القرار بأنه «…»»); prepositions at the end go too."""
    if mention is None:
        return None
    toks = [t for t in tokens(ctx.w, mention.start, mention.end) if t.kind in ("w", "q")]
    demonstrative = next((k for k, t in enumerate(toks) if k and t.text in ctx.lex.classes.demonstrative), None)
    if demonstrative is not None:
        toks = toks[:demonstrative]  # «ووصف قائد الشرطة هذه المقاطع بأنها «…»»: the object starts there
    after_adjective = next((k for k in range(2, len(toks)) if toks[k].kind == "w" and toks[k - 1].kind == "w"
                            and is_definite(toks[k - 1].text) and toks[k - 1].text.endswith(("ي", "يه"))
                            and is_definite(toks[k].text) and not toks[k].text.endswith(NISBA)
                            and strip_definite(toks[k].text) in ctx.lex.common_nouns
                            and title_of(ctx.lex, toks[k].text) is None), None)
    if after_adjective is not None and name_run(ctx.lex, toks, ctx.w) is None:
        # «ووصف رئيس الحكومة اليمني العمل الجماعي …»: a noun after a title's nisba opens the object
        return MentionSpan(toks[0].start, toks[after_adjective - 1].end)
    while toks and toks[-1].kind == "w" and (toks[-1].text in ctx.lex.function_words or len(toks[-1].text) == 1):
        toks.pop()  # «إلى», an attached «بـ»
    if len(toks) >= 2 and toks[-1].kind == "w" and is_definite(toks[-1].text) and (
            toks[-2].kind == "q" or is_namey(ctx.lex, toks[-2].text) or is_family_name(ctx.lex, toks[-2].text)):
        toks.pop()
    return MentionSpan(toks[0].start, toks[-1].end) if toks else None


def is_source(ctx: DocumentContext, mention: MentionSpan) -> bool:
    return looks_like_source(ctx.lex, ctx.w, mention)
