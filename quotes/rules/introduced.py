"""A cue followed by what it introduces: complementizer, colon or marks."""

from __future__ import annotations

from quotes.marks import OPENERS
from quotes.rules.clauses import after_colon, direct, has_quoted_fragment, opens_clause, region_goes_on, reported_clause
from quotes.rules.context import STRIP_TAIL, Candidate, Cue, DocumentContext, word_before, MAX_MARKS_REGION_WORDS, MAX_NAME_IN_MARKS, MAX_NOMINAL_REGION_WORDS, MAX_PARTICIPLE_REGION_WORDS, MAX_REGION_WORDS, count_words
from quotes.morphology import NISBA, is_definite, strip_definite, without_conjunction
from quotes.rules.mentions import (is_source, mention_before, mention_of, object_of_preposition, outlet_named_at,
                                   without_object)
from quotes.rules.postposed import nominal_post, referring_post
from quotes.speakers import MentionSpan, title_of
from quotes.speakers.words import is_function_form
from quotes.tokens import Tok, iter_tokens, tokens


def introduced(ctx: DocumentContext, cue: Cue, pos: int, mention: MentionSpan | None) -> Candidate | None:
    """Scan after a cue for a complementizer, a colon or an opening mark."""
    w, lex = ctx.w, ctx.lex
    limit = min(ctx.view.para_end(pos), pos + 1500)
    region: list[Tok] = []
    n_words = 0
    skip_to = -1
    cs = cue.start
    for t in iter_tokens(w, pos, limit):
        if t.start <= skip_to:
            continue
        if t.kind == "w":
            n_words += 1
            if n_words > (MAX_PARTICIPLE_REGION_WORDS if cue.entry.frame == "participle" else MAX_REGION_WORDS):
                return None
            if t.text in lex.complementizers and t.text != "وان" and opens_clause(ctx, cue, region) \
                    and not outlet_named_at(ctx, t) and not _inside_a_name(ctx, cue, region, t):
                if not region and mention is None and _impersonal(ctx, cue):
                    return None  # «بينما يتوقع أن يمثل الهلال …»: it is expected that
                mention = mention or mention_of(ctx, cue, region)
                if cue.entry.frame == "fragment":
                    return quoted_fragment(ctx, cue, t.end, mention)  # «وصفه بأنه «نصر سياسي»»
                if cue.entry.frame == "nominal" and (mention is None or n_words > MAX_NOMINAL_REGION_WORDS
                                                     or not is_source(ctx, mention)):
                    return None  # «وفق ما قامت به الأمانة … فإن» is no attribution
                return reported_clause(ctx, cue, cs, t.end, mention, "cue_complementizer")
            other = ctx.cues.at(t.start)
            if other is not None and other is not cue:
                if other.entry.frame == "channel":  # «قال الكرملين في بيان، إن»
                    ctx.found.claimed.add(other.start, other.end)
                elif (aside := aside_end(ctx, region, t.start, limit)) is not None \
                        or (n_words <= MAX_ASIDE_WORDS // 2 and (aside := relayed_by(ctx, cue, other, limit)) is not None):
                    # «يقول الناطق … علي الأحمدي - حسب وكالة الصحافة الفرنسية - إن»: the aside only relays
                    ctx.found.claimed.add(other.start, aside)
                    if region and region[-1].kind == "dash":
                        region.pop()  # the aside's opening dash
                    skip_to = aside
                    continue
                else:
                    return nothing_introduced(ctx, cue, region)
            region.append(t)
        elif t.kind == "colon":
            mention = mention or mention_of(ctx, cue, region)
            if cue.entry.frame == "fragment":
                return quoted_fragment(ctx, cue, t.end, mention)  # «ودعت الطلاب إلى التسجيل على الرابط: http…» is none
            return after_colon(ctx, cue, cs, t.end, mention)
        elif t.kind == "q":
            if t.text not in OPENERS:
                return nothing_introduced(ctx, cue, region)
            words = [r.text for r in region if r.kind == "w"]
            if cue.entry.frame == "fragment" and words and words[-1] in ctx.lex.classes.fragment_link:
                # «دعت طهران إلى «اقتناص هذه الفرصة»»: the marks take the object's place; but not a term
                # deeper in the phrase («دعا زاخاروف الجانب الأمريكي إلى العودة إلى “المفاوضات البناءة”»)
                if sum(x in ctx.lex.classes.fragment_link for x in words) > 1:
                    return None
                return quoted_fragment(ctx, cue, t.start, mention or mention_of(ctx, cue, region))
            closer = ctx.view.closer(t.start, ctx.view.para_end(t.start))
            named = _names_an_outlet(ctx, region)
            most = MAX_OUTLET_NAME_IN_MARKS if named else MAX_NAME_IN_MARKS
            inner = count_words(w, t.start + 1, closer, most + 1) if closer is not None else 99
            follows = closer is not None and region_goes_on(ctx, closer + 1)
            if inner <= most and follows:
                region.extend(tokens(w, t.start, closer + 1))
                skip_to = closer
                continue
            if cue.entry.frame in ("nominal", "fragment") or n_words > MAX_MARKS_REGION_WORDS:
                return None
            if object_of_preposition(ctx, cue, region):  # «مؤكدة على الحاجة إلى مواصلة الحوار "لمعالجة …"»
                return object_and_marks(ctx, cue, region, closer, mention or mention_of(ctx, cue, region))
            mention = mention or mention_of(ctx, cue, region)
            if mention is not None and n_words > 1 and not is_source(ctx, mention):
                return None  # «رفض قبولنا باعتبارنا تربويين "…"»: marks after an object
            return direct(ctx, cue, cs, t.start, mention, "cue_marks")
        elif t.kind == "end":
            return nothing_introduced(ctx, cue, region)
        else:
            region.append(t)
    return nothing_introduced(ctx, cue, region)


def object_and_marks(ctx: DocumentContext, cue: Cue, region: list[Tok], closer: int | None,
                     mention: MentionSpan | None) -> Candidate | None:
    """The object of a cue's preposition and the words marks quote right after it, one mixed
    quotation («مشيراً إلى الخطر الكارثي للألغام البحرية "إذا ما جرفتها الأمواج …"»): when the
    marks close and the sentence or clause ends with them, and they quote words, not a name."""
    if closer is None:
        return None
    after = ctx.w[closer + 1:closer + 4].lstrip(" \t")
    if after and after[0] not in STRIP_TAIL:
        return None  # the sentence goes on: the marks are one term inside it
    start = region[0].start
    if not has_quoted_fragment(ctx, start, closer + 1):
        return None  # «أشار إلى فريق "النجوم الحمراء"»: a name in marks
    return Candidate("mixed", start, closer + 1, cue.start, cue.end, cue.entry, "cue_object_marks", mention,
                     intro_end=start)


MAX_OUTLET_NAME_IN_MARKS = 6  # «صحيفة "لو جورنال دو ديمانش"»، «قناة "آر تي في آي"»


def _names_an_outlet(ctx: DocumentContext, region: list[Tok]) -> bool:
    """Does the region end with an outlet noun («صحيفة»، «قناة»: word class ``outlet_noun``), so
    the marks after it hold the outlet's name, however many words it has?"""
    return bool(region) and region[-1].kind == "w" \
        and strip_definite(without_conjunction(region[-1].text)) in ctx.lex.classes.outlet_noun


MAX_ASIDE_WORDS = 10  # words of an aside between dashes («- حسب وكالة الصحافة الفرنسية -»)


def aside_end(ctx: DocumentContext, region: list[Tok], pos: int, limit: int) -> int | None:
    """Where an aside between dashes that opens right before ``pos`` ends (its closing
    dash), or None: a cue inside it only relays what the cue before it introduces."""
    if not region or region[-1].kind != "dash":
        return None
    n = 0
    for t in iter_tokens(ctx.w, pos, limit):
        if t.kind == "dash":
            return t.start
        if t.kind in ("end", "colon", "q") or (t.kind == "w" and (n := n + 1) > MAX_ASIDE_WORDS):
            return None
    return None


def _inside_a_name(ctx: DocumentContext, cue: Cue, region: list[Tok], t: Tok) -> bool:
    """Is the complementizer-looking ``t`` a particle inside a name, between two name words
    («كريس فان ويل»، «روبن فان بيرسي»: «فان» normalises like «فإن»)? Not after a nominal cue's
    source («وبحسب دبلوماسي أميركي فإن كيري»), where «فإن» opens the clause."""
    if cue.entry.frame == "nominal" or t.text not in ctx.lex.classes.name_link or not region \
            or region[-1].kind != "w" or not _bare_word(ctx, region[-1].text) or region[-1].text.endswith(NISBA):
        return False
    nxt = next((x for x in iter_tokens(ctx.w, t.end, min(len(ctx.w), t.end + 40))), None)
    return nxt is not None and nxt.kind == "w" and _bare_word(ctx, nxt.text) \
        and nxt.text not in ctx.lex.mention_stoppers and title_of(ctx.lex, nxt.text) is None


def _bare_word(ctx: DocumentContext, word: str) -> bool:
    """A word that may be part of a foreign name: no ال, no grammatical word, no verb."""
    return not is_definite(word) and not is_function_form(ctx.lex, word) and word not in ctx.lex.verbs


def _impersonal(ctx: DocumentContext, cue: Cue) -> bool:
    """Is ``cue`` a passive with no subject («ويُتوقع أن»، «بينما يتوقع أن»: word class
    ``impersonal``), not negated («لكنه لا يتوقع أن»: he does not expect) and with no subject
    before it («الوزير يتوقع أن»)?"""
    if cue.entry.norm not in ctx.lex.classes.impersonal or word_before(ctx.w, cue.start) in ctx.lex.classes.negation:
        return False
    return mention_before(ctx, cue) is None


def relayed_by(ctx: DocumentContext, cue: Cue, other: Cue, limit: int) -> int | None:
    """Where the relaying phrase ``other`` ends, when it stands between a speech verb and what
    it introduces («حيث قال وفقا لما نقلته وكالة الأنباء السعودية الرسمية: "…"»، «وشدد رئيس الوزراء
    اليمني بحسب سكاي نيوز على أن»): a nominal cue whose source is a news outlet only names the
    channel. It ends before the colon, the mark or the complementizer that opens the speech
    verb's words; None when none follows soon."""
    if cue.entry.frame not in ("clause", "participle") or other.entry.frame != "nominal":
        return None
    first = next((t for t in iter_tokens(ctx.w, other.end, limit)
                  if t.kind != "w" or t.text not in ctx.lex.classes.time), None)
    if first is None or first.kind != "w" or not (
            strip_definite(first.text) in ctx.lex.classes.outlet_noun or first.text in ctx.lex.outlets):
        return None  # «بحسب ما أعلنت الاثنين وزيرة الجيوش الفرنسية»: a source, not a channel
    n = 0
    for t in iter_tokens(ctx.w, other.end, limit):
        if t.kind in ("colon", "q") or (t.kind == "w" and t.text in ctx.lex.complementizers):
            return t.start - 1
        if t.kind == "end" or (t.kind == "w" and (n := n + 1) > MAX_ASIDE_WORDS):
            return None
    return None


def quoted_fragment(ctx: DocumentContext, cue: Cue, pos: int, mention: MentionSpan | None) -> Candidate | None:
    """A fragment cue quotes only what marks enclose right at ``pos`` («بـ«القاسية
    والانتقامية»», «بأنه «جريمة جديدة»»); a description in plain words is no quotation."""
    rest = ctx.w[pos:pos + 3].lstrip(" \t")
    opener = pos + len(ctx.w[pos:pos + 3]) - len(rest)
    if not rest or rest[0] not in OPENERS or ctx.view.closer(opener, ctx.view.para_end(opener)) is None:
        return None
    return direct(ctx, cue, cue.start, opener, without_object(ctx, mention), "cue_marks")


def nothing_introduced(ctx: DocumentContext, cue: Cue, region: list[Tok]) -> Candidate | None:
    """No clause, colon or mark follows: a nominal cue can still point back («…، حسبما ذكر
    مجلس الأمن»), and so can a verb that refers back to it («…، صرح بذلك المتحدث»)."""
    if cue.entry.frame == "nominal":
        return nominal_post(ctx, cue, region)
    return referring_post(ctx, cue, region) if cue.entry.frame == "clause" else None
