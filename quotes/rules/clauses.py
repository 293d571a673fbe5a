"""What follows a cue: a reported clause, a colon, a quotation in marks, and where each ends."""

from __future__ import annotations

from quotes.morphology import pronoun_gender
from quotes.marks import ALL_MARKS, MARK_RE, OPENERS, count_family, family
from quotes.rules.context import Candidate, Cue, DocumentContext, MAX_MARKS_REGION_WORDS, SENT_END, STRIP_TAIL, WORD_AT, looks_like_code
from quotes.morphology import is_definite
from quotes.speakers import MentionSpan, name_runs, strip_definite
from quotes.tokens import WORD_RE, Tok, iter_tokens, words

MAX_NAMED_IN_MARKS = 4  # words of a name in marks that opens with a naming noun («جماعة أنصار الدولة»)
CLOSER_LIKE = frozenset('”»›"″“')


def opens_clause(ctx: DocumentContext, cue: Cue, region: list[Tok]) -> bool:
    """A complementizer opens reported words unless a word before it binds it."""
    prev_words = [t for t in region if t.kind == "w"]
    if not prev_words or region[-1].kind == "q":
        return True  # (after a name in marks, its last word binds nothing: «لمحطة "إن.تي.في" أن»)
    prev = prev_words[-1].text
    if prev in cue.entry.complements:
        return True
    return prev not in ctx.lex.not_complementizer_after


def region_goes_on(ctx: DocumentContext, pos: int) -> bool:
    """After a closing mark: does the intro region continue (a name in marks)?"""
    rest = ctx.w[pos:pos + 40].lstrip(" \t")
    return bool(rest) and rest[0] not in ".!?؟\n"  # «يقول الناشط لـ«الشرق الأوسط»: …»


def reported_clause(ctx: DocumentContext, cue: Cue, cue_start: int, start: int, mention: MentionSpan | None,
                     rule: str) -> Candidate | None:
    w = ctx.w
    # a relaying verb agrees with the channel (ونقلت وكالة …), not with who speaks
    end = clause_end(ctx, start, "unknown" if cue.entry.frame == "relay" else cue.entry.gender)
    s, e = ctx.view.strip(start, end)
    if e <= s or WORD_AT.search(w, s, e) is None:
        return None
    if w[s] in ALL_MARKS:
        closer = ctx.view.closer(s, ctx.view.para_end(s))
        tail = w[closer + 1:e].strip(STRIP_TAIL) if closer is not None else None
        if closer is not None and not tail:
            return Candidate("direct", *ctx.view.strip(s + 1, closer, " \t\r\n"), cue_start, cue.end, cue.entry,
                          "clause_in_marks", mention, intro_end=s)
        if closer is None and count_family(w, s, e, family(w[s])) == 1:
            pe = ctx.view.para_end(s)
            nxt = len(w) - len(w[pe:].lstrip())
            on = closes_paragraph(ctx, nxt, family(w[s])) \
                if nxt < len(w) and not w[e:pe].strip(STRIP_TAIL) else None
            if on is not None:  # «إن "القتيل … رمضان الماضي..␤لكنه عاد … ويفرون".»: closed a paragraph later
                return Candidate("direct", *ctx.view.strip(s + 1, on, " \t\r\n"), cue_start, cue.end, cue.entry,
                                 "clause_in_marks", mention, intro_end=s)
            return Candidate("direct", *ctx.view.strip(s + 1, e), cue_start, cue.end, cue.entry,
                          "clause_in_marks_unclosed", mention, intro_end=s)
    qtype = "mixed" if has_quoted_fragment(ctx, s, e) else "indirect"
    return Candidate(qtype, s, e, cue_start, cue.end, cue.entry, rule, mention, intro_end=s)


def has_quoted_fragment(ctx: DocumentContext, s: int, e: int) -> bool:
    """True when marks inside the clause quote words rather than name something."""
    w = ctx.w
    pos = s
    while True:
        m = MARK_RE.search(w, pos, e)
        if m is None:
            return False
        closer = ctx.view.closer(m.start(), e + 1)
        if closer is None:
            return False
        inner = w[m.start() + 1:closer]
        if inner.strip() and not names_something(ctx, s, m.start(), inner) and not looks_like_code(inner):
            return True
        pos = closer + 1


def names_something(ctx: DocumentContext, s: int, mark: int, inner: str) -> bool:
    """Do the marks at ``mark`` hold a name rather than quoted words? They follow a naming
    noun without ال (``naming_nouns.txt``: فريق "النجوم الحمراء"، قرية "العوش"، مستشفى «تل هاشومير»),
    or a short name opens with one («في «فريق الأحلام»»، «"حزب الله"»), no grammatical
    word inside."""
    lex = ctx.lex
    before = words(ctx.w, max(s, mark - 30), mark)
    if before and not is_definite(before[-1].text) and before[-1].text in lex.naming_nouns:
        return True  # (with ال it is a subject, and the marks quote what it did: «اللجنة "غير محايدة"»)
    inside = [m.group() for m in WORD_RE.finditer(inner)]
    return 0 < len(inside) <= MAX_NAMED_IN_MARKS and strip_definite(inside[0]) in lex.naming_nouns \
        and not any(x in lex.function_words or x in lex.complementizers for x in inside)


def clause_end(ctx: DocumentContext, start: int, gender: str = "unknown") -> int:
    """Where an indirect clause ends: sentence end outside marks, the next cue that
    starts a new statement, a clause breaker, or the paragraph end. A breaker with a
    pronoun («لكنه», «إلا أنها») narrates the speaker again only if it agrees with the
    cue's ``gender``: after «وقالت السفيرة إن الاتفاق …» a «لكنه» is the agreement's."""
    w = ctx.w
    end = ctx.view.para_end(start)
    for c in ctx.cues.between(start + 1, end):
        if breaks_clause(ctx, c):
            end = c.start
            break
        connective = ctx.lex.cue_connective_re.search(ctx.w, max(start, c.start - 16), c.start)
        if connective is not None and not ctx.view.inside_marks(c.start):
            end = connective.start()  # «…، حيث كشفت الدراسة أن»: the next cue's own statement
            break
    pos = start
    while True:
        m = SENT_END.search(w, pos, end)
        if m is None:
            break
        if m.group()[0] in ALL_MARKS:
            closer = ctx.view.closer(m.start(), end)
            pos = (closer + 1) if closer is not None else m.end()
            continue
        end = m.start()
        break
    if ctx.lex.clause_breaker_re is not None:
        for b in ctx.lex.clause_breaker_re.finditer(w, start, end):
            pronoun = pronoun_gender(b.group().split()[-1])
            if pronoun is None or "unknown" in (pronoun, gender) or pronoun == gender:
                return b.start()
    return end


def breaks_clause(ctx: DocumentContext, c: Cue) -> bool:
    """Does the cue ``c`` start a statement of its own, ending the clause before it?"""
    if ctx.view.inside_marks(c.start):
        return False
    if c.entry.frame in ("participle", "attributive"):
        return True
    before = ctx.w[max(0, c.start - 3):c.start].strip()
    return before.endswith(("،", ",", "؛", ";")) and (introduces_soon(ctx, c) or names_its_subject(ctx, c))


def names_its_subject(ctx: DocumentContext, c: Cue) -> bool:
    """Does a person's name (two name words or more) follow the cue right away, as a new
    speaker's subject («…، وأضافت نورة الحربي بقولها لي ثلاث سنوات»)? Then the cue opens a
    statement of its own even with no complementizer after it."""
    toks = [t for t in iter_tokens(ctx.w, c.end, min(ctx.view.para_end(c.end), c.end + 80)) if t.kind == "w"][:4]
    return any(i == 0 and j - i >= 2 and toks[0].text in ctx.lex.given_names for i, j in name_runs(ctx.lex, toks))


def introduces_soon(ctx: DocumentContext, c: Cue) -> bool:
    """Is a complementizer, a colon or a mark within a few words after the cue? Without
    one, the verb belongs to the clause («المباحثات …، تؤكد على متانة الروابط»)."""
    n = 0
    for t in iter_tokens(ctx.w, c.end, min(ctx.view.para_end(c.end), c.end + 400)):
        if t.kind in ("colon", "q") or (t.kind == "w" and t.text in ctx.lex.complementizers):
            return True
        if t.kind == "end":
            return False
        if t.kind == "w":
            n += 1
            if n > MAX_MARKS_REGION_WORDS:
                return False
    return False


def after_colon(ctx: DocumentContext, cue: Cue, cue_start: int, k: int, mention: MentionSpan | None) -> Candidate | None:
    w = ctx.w
    j = k
    while j < len(w) and w[j] in " \t":
        j += 1
    if j < len(w) and w[j] == "\n":  # «وقال:» at a paragraph end, quote below
        jj = j
        while jj < len(w) and w[jj].isspace():
            jj += 1
        if jj < len(w) and w[jj] in OPENERS:
            j = jj
        else:
            return None
    if j >= len(w):
        return None
    if w[j] in OPENERS:
        return direct(ctx, cue, cue_start, j, mention, "cue_colon_marks")
    first = WORD_AT.match(w, j)
    if first is not None and first.group() in ctx.lex.complementizers:  # «وأضاف: أن …»
        j = first.end()
    pe = ctx.view.para_end(j)
    m = MARK_RE.search(w, j, pe)
    if m is not None and m.group() in CLOSER_LIKE and count_family(w, j, pe, family(m.group())) % 2 == 1:
        s, e = ctx.view.strip(j, m.start(), " \t\r\n")
        if e > s:
            return Candidate("direct", s, e, cue_start, cue.end, cue.entry, "cue_colon_missing_open",
                          mention, intro_end=j)
    return reported_clause(ctx, cue, cue_start, j, mention, "cue_colon_unmarked")


def closes_paragraph(ctx: DocumentContext, start: int, fam: str) -> int | None:
    """The mark that closes a quotation left open at the end of the paragraph before, when
    the paragraph at ``start`` goes on with its words and ends with that lone mark (only
    punctuation after it): the paragraph holds one mark of the family, a closer."""
    w = ctx.w
    pe = ctx.view.para_end(start)
    if count_family(w, start, pe, fam) != 1:
        return None
    m = next(m for m in MARK_RE.finditer(w, start, pe) if family(m.group()) == fam)
    if m.group() not in CLOSER_LIKE or w[m.end():pe].strip(" \t\r.!?؟،,؛;") != "":
        return None
    return m.start()


def direct(ctx: DocumentContext, cue: Cue, cue_start: int, opener: int, mention: MentionSpan | None,
            rule: str) -> Candidate | None:
    """A quote that opens at ``opener``; it may close paragraphs later or not at all."""
    w = ctx.w
    fam = family(w[opener])
    pe = ctx.view.para_end(opener)
    closer = ctx.view.closer(opener, pe)
    s = opener + 1
    if closer is not None:
        e = closer
    else:
        rule += "_unclosed"
        e = pe
        while True:  # a quote may run on through paragraphs that reopen it
            nxt = pe
            while nxt < len(w) and w[nxt].isspace():
                nxt += 1
            if nxt >= len(w):
                break
            if w[nxt] not in ALL_MARKS or family(w[nxt]) != fam:
                closer = closes_paragraph(ctx, nxt, fam)
                if closer is not None:  # «إن "القتيل … رمضان الماضي..␤لكنه عاد … ويفرون".»
                    e = closer
                    rule = rule.removesuffix("_unclosed")
                break
            npe = ctx.view.para_end(nxt)
            closer = ctx.view.closer(nxt, npe)
            if closer is not None:
                e = closer
                rule = rule.removesuffix("_unclosed")
                break
            e = pe = npe
    s, e = ctx.view.strip(s, e, " \t\r\n" if closer is not None else STRIP_TAIL)
    if e <= s or WORD_AT.search(w, s, e) is None:
        return None
    return Candidate("direct", s, e, cue_start, cue.end, cue.entry, rule, mention, intro_end=opener)
