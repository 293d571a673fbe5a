"""The rule engine: find every quotation of a document and attribute it.

The engine reads the normalised, boilerplate-masked text (:mod:`quotes.normalize`,
:mod:`quotes.boilerplate`), runs the rules listed in :mod:`quotes.rules.registry` (cues
found with one compiled pattern built from ``resources/cues.tsv``; each cue's *frame*
decides what it introduces), resolves each speaker mention to a name
(:mod:`quotes.speakers`) and maps every span back to the original text.
"""

from __future__ import annotations

from typing import Any, Protocol

from quotes.boilerplate import boilerplate_spans, mask
from quotes.lexicon import CueEntry, Lexicon, load_lexicon
from quotes.normalize import NormText
from quotes.record import Document, Quotation
from quotes.rules import DocumentContext, run_rules
from quotes.rules.mentions import clause_subject
from quotes.speakers import SpeakerResolver
from quotes.version import ENGINE_VERSION


class Labeller(Protocol):
    """Adds fields (stance) to each quotation from its normalised content and cue."""

    version: str

    def __call__(self, normalized_content: str, cue: CueEntry, cue_text: str) -> dict[str, Any]: ...


def extract_quotations(document: Document, lexicon: Lexicon | None = None,
                       labeller: Labeller | None = None) -> list[Quotation]:
    """Every quotation of ``document``, in text order, with spans into ``document.text``.

    A ``labeller`` (see :func:`quotes.stance.stance_labeller`) fills more fields of each
    record from the already normalised content, so nothing is normalised twice.
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
    version = f"{ENGINE_VERSION}+{lex.version}" + (f"+{labeller.version}" if labeller is not None else "")
    out = []
    for q in found:
        subject = clause_subject(ctx, q.cue_start) if q.mention is None and q.entry.frame == "participle" else None
        spk = resolver.resolve(q.mention, q.entry, q.start, subject)
        cs, ce = nt.span(q.start, q.end)
        ks, ke = nt.span(q.cue_start, q.cue_end)
        if q.mention is not None:
            ms, me = nt.span(q.mention.start, q.mention.end)
            mention_text: str | None = text[ms:me]
        else:
            ms = me = None
            mention_text = None
        out.append(Quotation(
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
            **(labeller(w[q.start:q.end], q.entry, text[ks:ke]) if labeller is not None else {}),
        ))
    return resolver.harmonise(out)
