"""The subjects a cue that names no one shares: the clause it hangs on (the speech verb before
it, a relative clause's antecedent, the verb that opens the sentence), the nearest titled name,
the person the sentences before are about, the owner of a channel the sentence names."""

from __future__ import annotations

from bisect import bisect_right

from quotes.morphology import is_definite, strip_definite, without_conjunction
from quotes.rules.context import WORD_AT, Cue, DocumentContext, LETTER, MAX_MENTION_WORDS
from quotes.rules.mentions import (ARABIC_LETTER, cut_mention, mention_before, mention_of, opens_as_person,
                                   opens_with_someone, skip_leading_time)
from quotes.speakers import MentionSpan, Subject, name_run, name_runs, title_of
from quotes.speakers.words import (is_accusative_noun, is_circumstantial, is_family_name, is_function_form, is_namey,
                                   is_verbal_noun)
from quotes.tokens import Tok, tokens

MAX_TITLE_BEFORE = 2  # words before an institution's title phrase that may hold a person's title («أمين عام»)


def clause_subject(ctx: DocumentContext, cue_start: int, frame: str = "participle") -> Subject | None:
    """The subject of the clause a participle cue hangs on, for the speaker it implies:
    «وأثنى الحكم الدولي نبيل الشمردل على …، مقدماً شكره» → «الحكم الدولي نبيل الشمردل».

    The mention of a speech verb earlier in the clause, or else the subject of the verb that
    opens the sentence (:func:`opening_subject`; «أثنى الحكم الدولي نبيل الشمردل على …،
    واضاف "…"»), or else, for a participle, the first name (with the title
    before it) between the start of the cue's sentence, or the end of the last quotation
    before the cue, and the cue (for a finite verb, a name later in the sentence is as often
    an object). Names of places and institutions («جامعة الملك عبدالعزيز») are not subjects
    (see ``place_heads.txt``).
    """
    start = ctx.view.sentence_start(cue_start)
    k = bisect_right(ctx.found.ends, cue_start)
    if k and ctx.found.ends[k - 1] > start:
        start = ctx.found.ends[k - 1]  # the end of the last quotation before the cue
    for verb in reversed(ctx.cues.between(start, cue_start)):
        # «وكان ترامب قال في كلمة له، معلنا: "…"»، «أكد لـ«عكاظ» عميد الكلية … أهمية …، لافتا إلى»:
        # the speech verb the participle hangs on names the speaker
        if verb.entry.frame == "clause" and not _after_subordinator(ctx, tokens(ctx.w, start, verb.start)):
            mention = mention_of(ctx, verb, [t for t in tokens(ctx.w, verb.end, cue_start) if t.kind != "end"])
            if mention is not None and mention.start > verb.start and not opens_with_someone(ctx, mention):
                # «لكن السلطات أعلنت احتجازهن بصورة مؤقتة، وقالت»: the verb's object after it, its subject before
                mention = _opening_svo_subject(ctx, verb, start) or mention
            if mention is not None and (mention.start < verb.start or opens_with_someone(ctx, mention)):
                # an institution after the verb without its object («وقالت الشرطة التعليق بشكل مباشر …»)
                person = mention.start < verb.start or opens_as_person(
                    ctx, [t for t in tokens(ctx.w, mention.start, mention.end) if t.kind == "w"])
                return Subject((), mention if person else subject_phrase(ctx, mention))
            break
    clauses = tuple(s for s in (relative_antecedent(ctx, start, cue_start), opening_subject(ctx, cue_start))
                    if s is not None)
    named = titled_name_before(ctx, start, cue_start) if frame == "participle" else None
    return Subject(clauses, named) if clauses or named is not None else None


def _opening_svo_subject(ctx: DocumentContext, verb: Cue, start: int) -> MentionSpan | None:
    """The subject before ``verb`` when it opens the sentence, after a contrast or link word at
    most («لكن السلطات أعلنت احتجازهن»): a title, a given name or a definite noun first."""
    span = mention_before(ctx, verb)
    if span is None:
        return None
    lead = [t for t in tokens(ctx.w, _past_discourse_opener(ctx, start), span.start) if t.kind != "end"]
    if any(t.kind != "w" or not (t.text in ctx.lex.classes.contrast or t.text in ctx.lex.classes.sentence_link)
           for t in lead):
        return None
    first = WORD_AT.search(ctx.w, span.start, span.end)
    return span if first is not None and (opens_with_someone(ctx, span) or (
        is_definite(first.group()) and not is_function_form(ctx.lex, first.group()))) else None


def relative_antecedent(ctx: DocumentContext, start: int, cue_start: int) -> MentionSpan | None:
    """The name a relative clause hangs on, when the cue is in that clause or coordinated with
    its verb («أمين عام نادي التعاون خالد الشايعي الذي أثنى على الجهود …، وقال "…"»): a person's
    titled name right before the relative pronoun (word class ``relative``), with no
    complementizer between the pronoun and the cue (not «الذي قال إن الرئيس … وأضاف»)."""
    toks = [t for t in tokens(ctx.w, start, cue_start) if t.kind != "end"]
    for r in range(len(toks) - 1, 0, -1):
        t = toks[r]
        if t.kind == "w" and t.text in ctx.lex.complementizers:
            return None
        if t.kind != "w" or t.text not in ctx.lex.classes.relative:
            continue
        before = toks[:r - 1] if toks[r - 1].kind == "comma" else toks[:r]
        named = titled_name_before(ctx, before[0].start, before[-1].end) if before else None
        if named is not None and named.end == before[-1].end:
            # from the person's title on (its gender agrees or not with the cue); «نادي التعاون» after
            # «أمين عام» is the title's, and a name with an institution's title only is not a person
            back = [t for t in before if t.end <= named.start][-MAX_TITLE_BEFORE:]  # «أمين عام» before «نادي»
            person = next((t for t in [*back, *tokens(ctx.w, named.start, named.end)]
                           if t.kind == "w" and (title_of(ctx.lex, t.text) or ("", ""))[0] == "person"), None)
            return MentionSpan(person.start, named.end) if person is not None else None
        # «الجهود التي قام بها الجميع»: a relative clause inside it, on no one; look further back
    return None


def opening_subject(ctx: DocumentContext, cue_start: int) -> MentionSpan | None:
    """The subject of the verb that opens the cue's sentence (VSO, as news leads open):
    «اقترح الرئيس التونسي تغيير …، مشيراً إلى أن» → «الرئيس التونسي»; «دعت جماعة الإخوان
    المسلمين إلى إخراج مصر مما وصفته …» → «جماعة الإخوان المسلمين». The verb is a word of
    ``verbs.txt`` or a speech cue, or an unknown bare word (اقترح، ندد), not a title or a
    copula («وكان النادي استقبل»: the subject stands before the verb); the subject a definite
    word, a title or a construct («جماعة الإخوان»). (A verb later in the sentence is too
    often a relative clause's or has an object that looks like a subject.)"""
    start = ctx.view.sentence_start(cue_start)
    k = bisect_right(ctx.found.ends, cue_start)
    if k and ctx.found.ends[k - 1] > start:
        return None  # a quotation ends between: its sentence is the speaker's words, not the article's
    start = _past_discourse_opener(ctx, start)
    toks = [t for t in tokens(ctx.w, start, cue_start) if t.kind != "end"]
    if len(toks) > 2 and toks[0].kind == "w" and toks[0].text in ctx.lex.classes.sentence_link:
        toks = toks[1:]  # «كما دعت …»، «وقد أعلنت …»
    if len(toks) < 3 or toks[0].kind != "w" or toks[1].kind != "w":
        return None
    if _opens_as_verb(ctx, toks[0].text):
        return _subject_after(ctx, toks[1:])
    if _may_be_verb(ctx, toks[0].text) and is_definite(toks[1].text):
        # a bare word the corpus also writes with ال (أثنى normalises like «الاثني») opens the
        # sentence as its verb when its subject is an ال-phrase and a full name («أثنى الحكم الدولي
        # نبيل الشمردل»)
        span = _subject_after(ctx, toks[1:])
        words_ = [t for t in tokens(ctx.w, span.start, span.end) if t.kind == "w"] if span else []
        if any(j - i >= 2 and i > 0 for i, j in name_runs(ctx.lex, words_)):
            return span
    return None


def _name_word(ctx: DocumentContext, word: str) -> bool:
    """Is ``word``, after a given name, surely more of the name: a given name, a link word, a
    family name with ال or a name word that is no common noun, verb or noun with ه («حمد خالد
    العرق»; not «أبو معاذ شعوره»، «روحاني قرار»)?"""
    lex = ctx.lex
    if word in lex.given_names or word in lex.classes.name_link:
        return True
    if is_definite(word):
        return is_family_name(lex, word)
    return is_namey(lex, word) and word not in lex.common_nouns and word not in lex.verbs and not word.endswith("ه") \
        and not (word[0] in "يت" and len(word) <= 5)  # an imperfect verb: «فقال يوسف يروي …»


def _may_be_verb(ctx: DocumentContext, word: str) -> bool:
    return not is_definite(word) and title_of(ctx.lex, word) is None and not is_function_form(ctx.lex, word) \
        and word not in ctx.lex.classes.time and word not in ctx.lex.given_names and len(word) >= 3 \
        and not word[:1].isdigit()


def _past_discourse_opener(ctx: DocumentContext, start: int) -> int:
    """Where the sentence at ``start`` goes on after an opener of ``discourse_openers.txt``
    and its comma («من جهته أثنى …»، «وفي سياق متصل، قال …»)."""
    i = start
    while i < len(ctx.w) and ctx.w[i].isspace():
        i += 1
    for opener in ctx.lex.discourse_openers:
        if ctx.w.startswith(opener, i) and not LETTER.match(ctx.w, i + len(opener)):
            i += len(opener)
            while i < len(ctx.w) and (ctx.w[i].isspace() or ctx.w[i] in "،,"):
                i += 1
            return i
    return start


def _after_subordinator(ctx: DocumentContext, before: list[Tok]) -> bool:
    """Does a verb after the tokens ``before`` open a relative or subordinate clause («التي
    أعلن ولي العهد»، «بعد أن أعلن»), whose subject is not the sentence's?"""
    last = next((t for t in reversed(before) if t.kind != "end"), None)
    return last is not None and last.kind == "w" and is_function_form(ctx.lex, last.text) \
        and last.text not in ctx.lex.classes.sentence_link


def _subject_after(ctx: DocumentContext, region: list[Tok]) -> MentionSpan | None:
    region = skip_leading_time(ctx, region)
    first = region[0].text if region and region[0].kind == "w" else ""
    construct = first in ctx.lex.common_nouns and len(region) > 1 and region[1].kind == "w" and (
        is_definite(region[1].text) or (  # «دعت جماعة الإخوان المسلمين»، «أعلنت مؤسسة موانئ البحر الأحمر»
            region[1].text in ctx.lex.common_nouns and title_of(ctx.lex, region[1].text) is None
            and len(region) > 2 and region[2].kind == "w" and is_definite(region[2].text)))
    if first and not (is_definite(first) or title_of(ctx.lex, first) or construct):
        # a person's name right after the verb («وطالب حمد خالد العرق الأمم المتحدة …»): the name, two
        # words or more or a given name sure of its gender alone («وعبرت فرح … عن سعادتها»), is the subject
        run = next(iter(name_runs(ctx.lex, [t for t in region if t.kind != "end"])), None)
        if run is not None and run[0] == 0 and (run[1] >= 2 or first in ctx.lex.name_genders) \
                and (first in ctx.lex.given_names or first in ctx.lex.name_genders) \
                and all(_name_word(ctx, t.text) for t in region[1:run[1]]):
            return MentionSpan(region[0].start, region[run[1] - 1].end)
        return None
    if first in ctx.lex.classes.time or (is_function_form(ctx.lex, first) and title_of(ctx.lex, first) is None):
        return None  # (function_words.txt lists titles too, «وزير»، «رئيس»: they open a subject)
    span = cut_mention(ctx, region)
    if span is None:
        return None
    toks = [t for t in tokens(ctx.w, span.start, span.end) if t.kind in ("w", "comma")]
    words_ = [t for t in toks if t.kind == "w"]
    n = 2 if construct and len(words_) > 2 and not is_definite(words_[1].text) else 1  # «مؤسسة موانئ البحر»
    while n < len(words_) and _continues_subject(ctx, words_[n - 1].text, words_[n].text):
        n += 1
    end = words_[n - 1].end
    for i, j in name_runs(ctx.lex, toks):
        after_comma = i > 0 and toks[i - 1].kind == "comma" and toks[i - 1].start == _next_start(toks, end)
        if (toks[i].start < end < toks[j - 1].end and i > 0) or (after_comma and j - i >= 2):
            # «رجب طيب أردوغان»: the whole name; «محامية المجموعة، نيكول راموس»; not its object after
            # it («أشرف غني الاعتراف»، «سلمان بن عبد العزيز عهده»)
            for k in range(i, j):
                if toks[k].start >= end and _object_like(ctx, toks[k].text) and not _object_follows(ctx, words_, toks[k]):
                    break
                end = max(end, toks[k].end)
            break
    return MentionSpan(span.start, end)


def _object_like(ctx: DocumentContext, word: str) -> bool:
    """A noun with its pronoun or a definite common noun: after a name, the verb's object."""
    return word not in ctx.lex.given_names and (
        word.endswith("ه") or (is_definite(word) and strip_definite(word) in ctx.lex.common_nouns))


def _object_follows(ctx: DocumentContext, words_: list[Tok], tok: Tok) -> bool:
    """Does an indefinite common noun, the verb's object, follow ``tok`` (so ``tok`` ends the
    subject: «دان وزير الخارجية السعودي عادل الجبير جريمة حرق الرضيع»)?"""
    if tok.text.endswith(("ين", "ون", "ات")):
        return False  # a plural is no family name: «هيلين ميرين الحاضرين …»
    k = next((n for n, t in enumerate(words_) if t.start == tok.start), None)
    nxt = words_[k + 1].text if k is not None and k + 1 < len(words_) else ""
    return bool(nxt) and not is_definite(nxt) and not is_function_form(ctx.lex, nxt) and nxt in ctx.lex.common_nouns


def _next_start(toks: list[Tok], end: int) -> int:
    return next((t.start for t in toks if t.start >= end), -1)


def _continues_subject(ctx: DocumentContext, last: str, word: str) -> bool:
    """Does ``word`` go on with the subject that ``last`` ends, rather than open the verb's
    object? After a definite word only an adjective (a nisba, a participle in ون/ين), a title
    or a name does («المجلس الوطني»، «الخبراء المكلفون»، «الرئيس التركي رجب»), not «المصدر
    مواصلة الزحف»; after an indefinite head its definite complement does («جماعة الإخوان»)."""
    lex = ctx.lex
    if is_function_form(lex, word) or word in lex.verbs or is_accusative_noun(lex, word) \
            or is_circumstantial(lex, word) or word in lex.classes.time:
        return False
    if is_definite(last):
        if is_definite(word):
            stem = strip_definite(word)
            return stem.endswith(("ي", "يه", "يون", "يين", "ون", "ين")) or title_of(lex, word) is not None \
                or (len(stem) == 4 and stem[0] == "ا" and word.startswith("ال"))  # أفعل: «البحر الأحمر»، «الشرق الأوسط»
        # a name after a title phrase («الرئيس التركي رجب»), not after a family name («الشويمان لمسئولي»)
        titled = title_of(lex, last) is not None or strip_definite(last).endswith(("ي", "يه"))
        return titled and (word in lex.given_names or is_namey(lex, word))
    if is_namey(lex, last) or last in lex.given_names or last in lex.classes.name_link:
        # after a name word only more of the name: «أشرف غني الاعتراف»، «محمود عباس اعتذاره» end at the name
        return word in lex.given_names or last in lex.classes.name_link or (
            is_namey(lex, word) and not word.endswith("ه")) or (
            is_family_name(lex, word) and strip_definite(word) not in lex.common_nouns)
    return is_definite(word) or is_namey(lex, word) or word in lex.given_names or title_of(lex, word) is not None \
        or word.endswith(("ي", "يه", "يون", "يين"))  # an indefinite nisba: «صحيفة ماليزية»، «موقع إخباري محلي»


def _opens_as_verb(ctx: DocumentContext, word: str) -> bool:
    lex = ctx.lex
    bare = without_conjunction(word, longer_than=3)
    if title_of(lex, word) is not None or word in lex.given_names or is_function_form(lex, word) \
            or is_function_form(lex, bare):
        return False  # «ولي العهد»، «وقبل»: verbs.txt holds some titles and prepositions too
    if any(f in lex.verbs or (f in lex.cues and lex.cues[f].frame == "clause") for f in (word, bare)):
        return word not in lex.classes.copula  # «وكان النادي استقبل»: the verb after the subject says more
    return 3 <= len(bare) <= 6 and not is_definite(bare) and bare not in lex.given_names \
        and bare not in lex.common_nouns and word not in lex.common_nouns and title_of(lex, bare) is None \
        and bare not in lex.name_genders


def titled_name_before(ctx: DocumentContext, start: int, end: int) -> MentionSpan | None:
    """The nearest name between ``start`` and ``end`` with its title phrase before it
    («الحكم الدولي نبيل الشمردل»), or a full name that opens with a given name."""
    toks = [t for t in tokens(ctx.w, start, end) if t.kind != "end"]
    for i, j in reversed(list(name_runs(ctx.lex, toks))):
        k = i
        while k > 0 and toks[k - 1].kind in ("w", "comma") and toks[k - 1].text not in ctx.lex.mention_stoppers \
                and (toks[k - 1].kind == "comma" or title_of(ctx.lex, toks[k - 1].text)
                     or is_definite(toks[k - 1].text)) and i - k < MAX_MENTION_WORDS:
            k -= 1  # the title phrase in apposition before the name
        while k < i and toks[k].kind == "comma":
            k += 1
        titled = any(t.kind == "w" and title_of(ctx.lex, t.text) for t in toks[k:i])
        if titled or (j - i >= 2 and toks[i].text in ctx.lex.given_names):
            return MentionSpan(toks[k].start, toks[j - 1].end)
    return None


def preceding_subject(ctx: DocumentContext, cue_start: int) -> tuple[MentionSpan, ...]:
    """Whom the article was last about before the cue's sentence, for a cue that names no
    one when no earlier quotation gives a speaker, best first: the nearest titled name in
    the two sentences before (not across an earlier quotation; «وأكد الأمير محمد بن سلمان
    دعم المملكة لمصر. وقال في برقية …: «…»» → «الأمير محمد بن سلمان»), then the subject of
    the nearest speech verb there, for a cue the name does not agree with («كشفت مصادر
    قضائية …، عن إحالة … ملف الرئيس اليمني الراحل علي عبدالله صالح …. وأفادت أن» → «مصادر
    قضائية …»)."""
    end = ctx.view.sentence_start(cue_start)
    start = ctx.view.sentence_start(max(0, end - 2))
    start = ctx.view.sentence_start(max(0, start - 2)) if start > 0 else start
    k = bisect_right(ctx.found.ends, cue_start)
    if k and ctx.found.ends[k - 1] > start:
        start = ctx.found.ends[k - 1]
    if start >= end:
        return ()
    return tuple(m for m in (person_named_before(ctx, start, end), subject_of_a_cue_before(ctx, start, end))
                 if m is not None)


def previous_subject(ctx: DocumentContext, cue_start: int) -> MentionSpan | None:
    """The subject of the verb that opens the sentence right before the cue's, not across a
    quotation: «وعبرت الخارجية الروسية عن "خيبة الأمل العميقة" …. وقالت في بيان» → «الخارجية
    الروسية»."""
    end = ctx.view.sentence_start(cue_start)
    span = opening_subject(ctx, end - 1) if end > 1 else None
    return span if span is not None and any(t.kind == "w" for t in tokens(ctx.w, span.start, span.end)) else None


def subject_of_a_cue_before(ctx: DocumentContext, start: int, end: int) -> MentionSpan | None:
    """The subject of the nearest speech verb between ``start`` and ``end`` that introduced
    no quotation: «أعلنت حركة الجهاد الإسلامي وقفا لإطلاق النار. وأوضحت أن …» → «حركة
    الجهاد الإسلامي»."""
    for verb in reversed(ctx.cues.between(start, end)):
        if verb.used or verb.entry.frame != "clause":
            continue
        mention = mention_of(ctx, verb, tokens(ctx.w, verb.end, end))  # up to the end of the verb's sentence
        if mention is not None and mention.start > verb.start and opens_with_someone(ctx, mention):
            return subject_phrase(ctx, mention)
        return None
    return None


def subject_phrase(ctx: DocumentContext, mention: MentionSpan) -> MentionSpan:
    """A verb's subject without the object after it, when no quotation bounds the mention:
    after a definite word or a name, an indefinite common word opens the object («أعلنت
    رئاسة الأركان العامة للجيش الكويتي حقيقة …»، «أكد المجلس أهمية التعاون»); after an
    indefinite noun it continues the construct («منظمة حظر الأسلحة الكيميائية»)."""
    toks = [t for t in tokens(ctx.w, mention.start, mention.end) if t.kind in ("w", "q")]
    if not any(t.kind == "w" for t in toks):
        return mention
    kept = toks[:1]
    for t in toks[1:]:
        last = next((k for k in reversed(kept) if k.kind == "w"), None)
        closed = last is not None and (is_definite(last.text) or last.text.startswith("لل") or is_namey(ctx.lex, last.text))
        if t.kind == "w" and (t.text in ctx.lex.function_words or is_accusative_noun(ctx.lex, t.text)
                              or is_circumstantial(ctx.lex, t.text) or t.text in ctx.lex.verbs
                              or (t.text.startswith("بال") and is_verbal_noun(t.text[3:]))
                              or (t.text[:1] == "ب" and len(t.text) > 3 and t.text[1:] in ctx.lex.common_nouns
                                  and t.text not in ctx.lex.given_names)):
            break  # «نفت روسيا أي علاقة»، «نفت روسيا نفيا قاطعا»، «قالت الحكومة البولندية بالتراجع»
        if t.kind == "w" and closed and is_definite(last.text) and t.text.startswith("ال") and (
                is_verbal_noun(strip_definite(t.text)) or t.text.endswith("ات")):
            break  # a verbal noun or a plural after a definite word: «قالت الشرطة التعليق»، «الجيش النيجيري الاتهامات»
        if t.kind == "w" and closed and not (is_definite(t.text) or t.text.startswith("لل") or is_namey(ctx.lex, t.text)
                                             or t.text in ctx.lex.given_names or title_of(ctx.lex, t.text)):
            break
        kept.append(t)
    while kept and kept[-1].kind == "q" and kept[0].kind != "q":
        kept.pop()
    if not any(t.kind == "w" for t in kept):
        return mention  # a mark and no word before the object: keep the whole mention
    return MentionSpan(kept[0].start, kept[-1].end)


def person_named_before(ctx: DocumentContext, start: int, end: int) -> MentionSpan | None:
    """The nearest name of two words or more between ``start`` and ``end`` that comes right
    after a person's title («المدرب الأوروجوياني خورخي دا سيلفا»), from that title on."""
    toks = [t for t in tokens(ctx.w, start, end) if t.kind != "end"]

    def person_title(t: Tok) -> bool:
        return t.kind == "w" and (title_of(ctx.lex, t.text) or ("", ""))[0] == "person"

    for i, j in reversed(list(name_runs(ctx.lex, toks))):
        k = next((n for n in range(max(0, i - 3), i) if person_title(toks[n])), None)
        if j - i < 2 or k is None:
            continue
        if j - i >= 3 and is_definite(toks[j - 1].text) and toks[j - 2].text not in ctx.lex.classes.name_link:
            j -= 1  # «بيل كلينتون التفوق»: a definite word after a full name is what he did (not «آل الشيخ»)
        return MentionSpan(toks[k].start, toks[j - 1].end)
    return None


def channel_owner(ctx: DocumentContext, cue_start: int) -> MentionSpan | None:
    """The owner of a channel named before the cue in its sentence, who speaks when the
    cue names no one: «جاء ذلك في تدوينة لأوباما على صفحته …، حيث قال: "…"» → أوباما
    (channel nouns: word class ``channel``; the owner is a name run after ل)."""
    start = ctx.view.sentence_start(cue_start)
    toks = [t for t in tokens(ctx.w, start, cue_start) if t.kind != "end"]
    for k in range(len(toks) - 2, -1, -1):
        if toks[k].kind != "w" or strip_definite(toks[k].text) not in ctx.lex.classes.channel:
            continue
        owner = toks[k + 1]
        if owner.kind != "w" or not owner.text.startswith("ل") or owner.text.startswith("لل") or len(owner.text) < 4 \
                or not ARABIC_LETTER.match(owner.text, 1):
            return None  # «لـ«عكاظ»», «للصحفيين», «لـCNN»: an outlet or an audience, not the owner
        window = [owner._replace(start=owner.start + 1, text=owner.text[1:]), *toks[k + 2:k + 2 + MAX_MENTION_WORDS]]
        run = name_run(ctx.lex, window, ctx.w)
        if run is None or run[0] != 0:
            return None
        return MentionSpan(window[0].start, window[run[1] - 1].end)
    return None
