"""The rule engine: find every quotation of a document and attribute it.

The engine reads the normalised, boilerplate-masked text (:mod:`quotes.normalize`,
:mod:`quotes.boilerplate`), runs the rules listed in :mod:`quotes.rules.registry` (cues
found with one compiled pattern built from ``resources/cues.tsv``; each cue's *frame*
decides what it introduces), resolves each speaker mention to a name
(:mod:`quotes.speakers`) and maps every span back to the original text.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from quotes.boilerplate import boilerplate_spans, mask
from quotes.clusters import speaker_key
from quotes.confidence import ConfidenceTable
from quotes.lexicon import CueEntry, Lexicon, load_lexicon
from quotes.normalize import NormText
from quotes.record import Document, Quotation
from quotes.rules import Candidate, DocumentContext, run_rules
from quotes.rules.subjects import channel_owner, clause_subject, preceding_subject, previous_subject
from quotes.speakers import Speaker, SpeakerResolver
from quotes.speakers.entities import speaker_ids
from quotes.version import engine_version

if TYPE_CHECKING:
    from quotes.stance import StanceResult

SHARES_SUBJECT = ("participle", "clause", "fragment")  # cue frames whose implied speaker is the clause's subject


class Labeller(Protocol):
    """Judges each quotation's stance from its normalised content and cue."""

    version: str
    needs_sentence: bool  # does it look at the quotation's sentence (for targets)?

    def __call__(self, normalized_content: str, cue: CueEntry, cue_text: str,
                 sentence: str | None = None) -> StanceResult: ...


def extract_quotations(document: Document, lexicon: Lexicon | None = None,
                       labeller: Labeller | None = None,
                       confidence: ConfidenceTable | None = None) -> list[Quotation]:
    """Every quotation of ``document``, in text order, with spans into ``document.text``.

    A ``labeller`` (see :func:`quotes.stance.stance_labeller`) fills more fields of each
    record from the already normalised content, so nothing is normalised twice; a
    ``confidence`` table gives each record the measured rate of its rule and speaker step.
    """
    lex = lexicon or load_lexicon()
    text = document.text
    nt = NormText(text)
    spans = boilerplate_spans(nt.norm, lex, headline=document.title is None)
    w = mask(nt.norm, spans)
    ctx = DocumentContext(w, lex)
    found = run_rules(ctx)
    if not found:
        return []
    resolver = SpeakerResolver(w, nt, lex)
    version = engine_version(lex.version, labeller.version if labeller is not None else None)
    out = []
    spoken: list[tuple[Candidate, Speaker]] = []  # the quotations resolved so far and their speakers
    for q in found:
        # a participle, or a verb coordinated with a speech verb in its sentence («أثنى X على …، واضاف "…"»),
        # shares the clause's subject
        subject = clause_subject(ctx, q.cue_start, q.entry.frame) \
            if q.mention is None and q.entry.frame in SHARES_SUBJECT else None
        owner = partial(channel_owner, ctx, q.cue_start) if q.mention is None else None
        focus = partial(preceding_subject, ctx, q.cue_start)  # (for a mention, only an honorific pronoun asks)
        previous = partial(previous_subject, ctx, q.cue_start) if q.mention is None else None
        spk = resolver.resolve(q.mention, q.entry, q.start, subject, owner, focus, previous)
        outer = next((s for p, s in reversed(spoken) if p.start <= q.cue_start < p.end), None)
        if outer is not None:
            resolver.resume(outer)  # a quotation inside another's words: the outer speaker goes on
        spoken.append((q, spk))
        resolver.note_documents(q.cue_end, q.start, spk)  # «أوضحت الوزارة في بيان، أنه …»: the ministry issued it
        cs, ce = nt.span(q.start, q.end)
        ks, ke = nt.span(q.cue_start, q.cue_end)
        if q.mention is not None:
            ms, me = nt.span(q.mention.start, q.mention.end)
            mention_text: str | None = text[ms:me]
        else:
            ms = me = None
            mention_text = None
        out.append(dict(
            id=f"{document.doc_id}:{ks}:{cs}",
            doc_id=document.doc_id,
            type=q.type,  # type: ignore[arg-type]
            content=text[cs:ce],
            content_start=cs,
            content_end=ce,
            cue=text[ks:ke],
            cue_start=ks,
            cue_end=ke,
            speaker_mention=mention_text,
            speaker_start=ms,
            speaker_end=me,
            speaker_name=spk.name,
            speaker_gender=spk.gender,  # type: ignore[arg-type]
            rule=q.rule,
            speaker_rule=spk.rule,
            engine_version=version,
            cue_lemma=q.entry.lemma,
            cue_class=q.entry.act.name,
            **_stance_fields(labeller(w[q.start:q.end], q.entry, text[ks:ke],
                                      _sentence(ctx, q) if labeller.needs_sentence else None)
                             if labeller is not None else None),
        ))
    fields = resolver.harmonise(out)  # (each record is built once, when its fields are all known)
    keys = [speaker_key(f["speaker_name"]) for f in fields]
    return [Quotation(**f, speaker_key=key, speaker_id=entity,
                      confidence=confidence(f["rule"], f["speaker_rule"]) if confidence is not None else None)
            for f, key, entity in zip(fields, keys, speaker_ids(keys))]


def _sentence(ctx: DocumentContext, q: Candidate) -> str:
    """The normalised sentence of a quotation's cue and content (for the targets it names)."""
    start = ctx.view.sentence_start(min(q.start, q.cue_start))
    return ctx.w[start:max(q.end, q.cue_end)]


def _stance_fields(r: StanceResult | None) -> dict[str, Any]:
    """The record fields a stance judgement fills (none without a labeller)."""
    if r is None:
        return {}
    return {"stance": r.label, "stance_score": r.score, "stance_scores": r.scores, "stance_reason": r.reason,
            "target": r.target}
