"""Content before its cue: «…، حسبما ذكر X», «…، على حد تعبيره», «"…" ، قال X»."""

from __future__ import annotations

from quotes.marks import MARK_RE
from quotes.rules.clauses import clause_end, has_quoted_fragment
from quotes.rules.context import Candidate, Cue, DocumentContext, GAP_AFTER_QUOTE, count_words
from quotes.rules.mentions import is_source, mention_of
from quotes.speakers import MentionSpan
from quotes.tokens import Tok, tokens


def attributive(ctx: DocumentContext, cue: Cue) -> Candidate | None:
    """…، على حد تعبيره. : the sentence before the cue, unless already a quotation."""
    return content_before(ctx, cue, None, "attributive_postposed")


def nominal_post(ctx: DocumentContext, cue: Cue, region: list[Tok]) -> Candidate | None:
    """…، حسبما ذكر مجلس الأمن الروسي. : the sentence before the cue."""
    mention = mention_of(ctx, cue, region)
    if mention is None or not (cue.entry.with_verb or is_source(ctx, mention)):
        return None
    return content_before(ctx, cue, mention, "nominal_postposed")


def referring_post(ctx: DocumentContext, cue: Cue, region: list[Tok]) -> Candidate | None:
    """…، صرح بذلك المتحدث الرسمي نايف الشريف. : a verb after a comma that refers back
    («بذلك», ``reference`` word class) attributes the sentence before it."""
    words = [t for t in region if t.kind == "w"]
    before = ctx.w[max(0, cue.start - 3):cue.start].strip()
    if len(words) < 2 or words[0].text not in ctx.lex.classes.reference or not before.endswith(("،", ",")):
        return None
    return content_before(ctx, cue, mention_of(ctx, cue, region), "referring_postposed")


def content_before(ctx: DocumentContext, cue: Cue, mention: MentionSpan | None, rule: str) -> Candidate | None:
    w = ctx.w
    ss = ctx.view.sentence_start(cue.start)
    if ctx.found.spans.overlaps(cue.start - 3, cue.start + 1):
        return None
    s = ss
    head = w[s:cue.start]
    stripped = head.lstrip(" \t")
    s += len(head) - len(stripped)
    for opener in ctx.lex.discourse_openers:
        if stripped.startswith(opener) and not stripped[len(opener):len(opener) + 1].isalpha():
            s += len(opener)
            break
    while s < cue.start and (w[s].isspace() or w[s] in "،,"):
        s += 1
    s, e = ctx.view.strip(s, cue.start)
    if count_words(w, s, e, 3) < 3:
        return None
    if ctx.found.spans.overlaps(s, e):
        return None
    qtype = "mixed" if has_quoted_fragment(ctx, s, e) else "indirect"
    return Candidate(qtype, s, e, cue.start, cue.end, cue.entry, rule, mention, intro_end=cue.end)


def postposed_cues(ctx: DocumentContext) -> None:
    """"…" ، قال Y. : a closed quote that no cue introduced, followed by a cue."""
    w = ctx.w
    for m in MARK_RE.finditer(w):
        o = m.start()
        if ctx.found.spans.overlaps(o, o + 2) or ctx.found.claimed.contains(o):
            continue
        closer = ctx.view.closer(o, ctx.view.para_end(o))
        if closer is None or count_words(w, o + 1, closer, 4) < 4:
            continue
        after = GAP_AFTER_QUOTE.match(w, closer + 1)
        cue = ctx.cues.at(after.end())
        if cue is None or cue.used or cue.entry.frame not in ("clause", "nominal"):
            continue
        end = clause_end(ctx, cue.end)
        region = tokens(w, cue.end, end)
        mention = mention_of(ctx, cue, region)
        s, e = ctx.view.strip(o + 1, closer, " \t\r\n")
        cue.used = True
        ctx.found.add(Candidate("direct", s, e, cue.start, cue.end, cue.entry, "direct_postposed_cue",
                         mention, intro_end=cue.end))
