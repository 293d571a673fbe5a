"""A cue followed by what it introduces: complementizer, colon or marks."""

from __future__ import annotations

from quotes.marks import OPENERS
from quotes.rules.clauses import after_colon, direct, opens_clause, region_goes_on, reported_clause
from quotes.rules.context import Candidate, Cue, DocumentContext, MAX_MARKS_REGION_WORDS, MAX_NAME_IN_MARKS, MAX_NOMINAL_REGION_WORDS, MAX_PARTICIPLE_REGION_WORDS, MAX_REGION_WORDS, count_words
from quotes.rules.mentions import is_source, mention_of
from quotes.rules.postposed import nominal_post, referring_post
from quotes.speakers import MentionSpan
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
            if t.text in lex.complementizers and t.text != "وان" and opens_clause(ctx, cue, region):
                mention = mention or mention_of(ctx, cue, region)
                if cue.entry.frame == "nominal" and (mention is None or n_words > MAX_NOMINAL_REGION_WORDS
                                                     or not is_source(ctx, mention)):
                    return None  # «وفق ما قامت به الأمانة … فإن» is no attribution
                return reported_clause(ctx, cue, cs, t.end, mention, "cue_complementizer")
            other = ctx.cues.at(t.start)
            if other is not None and other is not cue:
                if other.entry.frame == "channel":  # «قال الكرملين في بيان، إن»
                    ctx.found.claimed.add(other.start, other.end)
                else:
                    return nothing_introduced(ctx, cue, region)
            region.append(t)
        elif t.kind == "colon":
            return after_colon(ctx, cue, cs, t.end, mention or mention_of(ctx, cue, region))
        elif t.kind == "q":
            if t.text not in OPENERS:
                return nothing_introduced(ctx, cue, region)
            closer = ctx.view.closer(t.start, ctx.view.para_end(t.start))
            inner = count_words(w, t.start + 1, closer, MAX_NAME_IN_MARKS + 1) if closer is not None else 99
            follows = closer is not None and region_goes_on(ctx, closer + 1)
            if inner <= MAX_NAME_IN_MARKS and follows:
                region.extend(tokens(w, t.start, closer + 1))
                skip_to = closer
                continue
            if cue.entry.frame == "nominal" or n_words > MAX_MARKS_REGION_WORDS:
                return None
            mention = mention or mention_of(ctx, cue, region)
            if mention is not None and n_words > 1 and not is_source(ctx, mention):
                return None  # «رفض قبولنا باعتبارنا تربويين "…"»: marks after an object
            return direct(ctx, cue, cs, t.start, mention, "cue_marks")
        elif t.kind == "end":
            return nothing_introduced(ctx, cue, region)
        else:
            region.append(t)
    return nothing_introduced(ctx, cue, region)


def nothing_introduced(ctx: DocumentContext, cue: Cue, region: list[Tok]) -> Candidate | None:
    """No clause, colon or mark follows: a nominal cue can still point back («…، حسبما ذكر
    مجلس الأمن»), and so can a verb that refers back to it («…، صرح بذلك المتحدث»)."""
    if cue.entry.frame == "nominal":
        return nominal_post(ctx, cue, region)
    return referring_post(ctx, cue, region) if cue.entry.frame == "clause" else None
