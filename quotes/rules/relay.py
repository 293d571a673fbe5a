"""نقلت وكالة X عن Y قوله …: Y speaks, X only relays."""

from __future__ import annotations

from quotes.rules.clauses import after_colon, reported_clause
from quotes.rules.context import Candidate, Cue, DocumentContext
from quotes.rules.introduced import introduced
from quotes.rules.mentions import span_of
from quotes.speakers import MentionSpan
from quotes.tokens import Tok, tokens



def relay(ctx: DocumentContext, cue: Cue) -> Candidate | None:
    """نقلت وكالة X عن Y قوله … : the speaker is Y; the cue runs to قوله."""
    w = ctx.w
    toks = tokens(w, cue.end, min(ctx.view.para_end(cue.end), cue.end + 400))
    an = None
    for k, t in enumerate(toks[:16]):
        if t.kind in ("end", "colon"):
            return None
        if t.kind == "w" and t.text == "عن":
            an = k
            break
    if an is None:
        return None
    spk: list[Tok] = []
    for t in toks[an + 1:an + 14]:
        if t.kind == "w" and t.text in ctx.lex.classes.relay_noun:
            mention = span_of(spk)
            return introduced_after(ctx, cue, t.end, mention)
        if t.kind == "w" and t.text in ctx.lex.complementizers:
            mention = span_of(spk)
            return reported_clause(ctx, cue, cue.start, t.end, mention, "relay")
        if t.kind == "colon":
            mention = span_of(spk)
            q = after_colon(ctx, cue, cue.start, t.end, mention)
            return relabel(q, "relay", spk[-1].end if spk else cue.end)
        if t.kind in ("end", "q"):
            return None
        spk.append(t)
    return None


def introduced_after(ctx: DocumentContext, cue: Cue, pos: int, mention: MentionSpan | None) -> Candidate | None:
    relay_cue = Cue(cue.start, pos, cue.entry, cue.clitic)
    q = introduced(ctx, relay_cue, pos, mention)
    return relabel(q, "relay", pos)


def relabel(q: Candidate | None, rule: str, cue_end: int) -> Candidate | None:
    if q is None:
        return None
    q.rule = rule + ("_unclosed" if q.rule.endswith("_unclosed") else "")
    q.cue_end = cue_end
    return q
