"""The rules, listed in the order they run. Each is a named unit testable alone.

A *cue rule* looks at one reporting cue (found with ``resources/cues.tsv``) and returns
the quotation it introduces, or None; the first rule that applies to a cue's frame is
the one used. A *document rule* runs once over the whole text after every cue has had
its turn. A record's ``rule`` field names the shape that produced it (``produces``); a
``_unclosed`` suffix says a closing mark was missing and the quote ended at the end of
its paragraph (or ran on through paragraphs that reopen it).

Order matters only through :class:`~quotes.rules.context.Found`: a cue inside a region an
earlier quotation used, or inside the marks of a closed direct quotation, is skipped, and a
quotation with no mention whose cue stands inside an earlier quotation is the same speaker
going on (dropped).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from quotes.rules.clauses import reported_clause
from quotes.rules.context import Candidate, Cue, DocumentContext
from quotes.rules.introduced import introduced
from quotes.rules.postposed import attributive, postposed_cues
from quotes.rules.relay import relay


@dataclass(frozen=True)
class CueRule:
    name: str
    applies: Callable[[Cue], bool]
    apply: Callable[[DocumentContext, Cue], Candidate | None]
    produces: tuple[str, ...]
    what: str


@dataclass(frozen=True)
class DocumentRule:
    name: str
    apply: Callable[[DocumentContext], None]
    produces: tuple[str, ...]
    what: str


def complement_opens(ctx: DocumentContext, cue: Cue) -> Candidate | None:
    """A cue whose own complement opens the clause («وأشار إلى أن …» listed with إلى أن)."""
    return reported_clause(ctx, cue, cue.start, cue.end, None, "cue_complement_opens")


def introduced_after_cue(ctx: DocumentContext, cue: Cue) -> Candidate | None:
    """Whatever the cue introduces right after it (its speaker may stand in between)."""
    return introduced(ctx, cue, cue.end, None)


CUE_RULES: tuple[CueRule, ...] = (
    CueRule("complement_opens", lambda c: c.entry.opens and bool(c.complement), complement_opens,
            ("cue_complement_opens", "clause_in_marks", "clause_in_marks_unclosed"),
            "cue + its complement, then the clause: «وأشار إلى أن …»"),
    CueRule("relay", lambda c: c.entry.frame == "relay", relay,
            ("relay", "relay_unclosed", "clause_in_marks", "clause_in_marks_unclosed"),
            "نقلت وكالة X عن Y قوله …: Y speaks, X only relays"),
    CueRule("attributive", lambda c: c.entry.frame == "attributive", attributive,
            ("attributive_postposed",),
            "…، على حد تعبيره: the sentence before the cue, speaker implied"),
    CueRule("introduced", lambda c: True, introduced_after_cue,
            ("cue_complementizer", "clause_in_marks", "clause_in_marks_unclosed", "cue_marks", "cue_marks_unclosed",
             "cue_colon_marks", "cue_colon_marks_unclosed", "cue_colon_missing_open", "cue_colon_unmarked",
             "cue_object_marks", "nominal_postposed", "referring_postposed"),
            "cue [speaker] أن/إن … | : … | «…» | its preposition's object and «…» (mixed), or for a nominal "
            "cue (بحسب، وفق) or a verb that refers back (…، صرح بذلك X) the sentence before it"),
)

DOCUMENT_RULES: tuple[DocumentRule, ...] = (
    DocumentRule("postposed_cue", postposed_cues, ("direct_postposed_cue",),
                 "\"…\" ، قال Y: a closed quote no cue introduced, followed by a free cue"),
)


def rule_for(cue: Cue) -> CueRule:
    """The cue rule that handles ``cue`` (the last one applies to every cue)."""
    return next(r for r in CUE_RULES if r.applies(cue))


def run_rules(ctx: DocumentContext) -> list[Candidate]:
    """Every quotation of the document, in text order, one per content span."""
    for cue in ctx.cues.all:
        if ctx.found.claimed.contains(cue.start) or ctx.found.quoted.contains(cue.start):
            continue  # a cue already used, or inside the marks of someone's own words («قال: "… أكد الوزير أن …"»)
        q = rule_for(cue).apply(ctx, cue)
        if q is not None and q.mention is None and ctx.found.spans.contains(q.cue_start):
            q = None  # the same speaker going on inside their own quotation («… أنه يتوقع أن …»)
        if q is not None:
            cue.used = True
            ctx.found.add(q)
    for rule in DOCUMENT_RULES:
        rule.apply(ctx)
    return ctx.found.distinct()
