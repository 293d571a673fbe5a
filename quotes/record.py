"""The records shared by every stage: a :class:`Document` and its :class:`Quotation` s.

Offsets are Python string indices (Unicode code points) into ``Document.text`` exactly
as it was decoded, so ``text[q.content_start:q.content_end] == q.content`` always.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Mapping, get_args

QuoteType = Literal["direct", "indirect", "mixed"]
Gender = Literal["male", "female", "unknown"]
Stance = Literal["favor", "against", "neutral"]
LabelSource = Literal["rule", "human", "propagated"]
Offset = Annotated[int, "offset"]  # a character index into Document.text

QUOTE_TYPES: tuple[str, ...] = get_args(QuoteType)
GENDERS: tuple[str, ...] = get_args(Gender)
STANCES: tuple[str, ...] = get_args(Stance)
LABEL_SOURCES: tuple[str, ...] = get_args(LabelSource)


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its id, its exact text and whatever metadata its source gave."""

    doc_id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    origin: str | None = None  # file (and line/member) the document was read from

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Document":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation with its cue, speaker and exact spans.

    This class is the one declaration of the record: the Arrow, ``datasets`` and Spark
    schemas are derived from its annotations (:mod:`quotes.schema`).

    ``speaker_start``/``speaker_end`` are ``None`` when the speaker is only implied by
    the verb (وأضافت: …). ``rule`` names the rule that produced the record.
    Stance fields are filled by :mod:`quotes.stance`; ``label_source`` and the
    annotation fields by the Label Studio pull (``human``, or ``propagated`` from a human
    label on another member of the same cluster) or left as ``rule``. The cluster fields
    are filled when a whole run is clustered (:mod:`quotes.clusters`).
    """

    id: str
    doc_id: str
    type: QuoteType
    content: str
    content_start: Offset
    content_end: Offset
    cue: str
    cue_start: Offset
    cue_end: Offset
    speaker_mention: str | None
    speaker_start: Offset | None
    speaker_end: Offset | None
    speaker_name: str | None
    speaker_gender: Gender
    rule: str
    engine_version: str
    speaker_rule: str | None = None      # the speaker-resolution step (quotes.speakers.SPEAKER_RULES)
    cue_lemma: str | None = None
    cue_class: str | None = None         # the cue's speech act (speech_acts.tsv): assert, deny, welcome, …
    speaker_key: str | None = None       # the speaker across articles: normalised words of speaker_name
    speaker_id: str | None = None        # the speaker within the article: s1, s2 … (quotes.speakers.entities)
    confidence: float | None = None      # how often this rule and speaker step are right (resources/confidence.tsv)
    cluster_id: str | None = None        # the statement: same or nearly the same content, compatible speaker
    cluster_size: int | None = None      # quotations in the cluster (in this run)
    cluster_documents: int | None = None  # articles the cluster's quotations stand in
    stance: Stance | None = None
    stance_score: float | None = None
    stance_scores: dict[str, float] | None = None
    stance_reason: str | None = None
    target: str | None = None
    label_source: LabelSource = "rule"
    annotator: str | None = None
    annotation_id: int | None = None     # the annotation a human (or propagated) label comes from
    propagated_from: str | None = None   # for a propagated label: the id of the human record it copies
    review_status: str | None = None     # accepted | edited | added | deleted (pulled records)
    edited_fields: list[str] | None = None  # what the annotator changed of the pre-label
    annotation_created: str | None = None
    annotation_updated: str | None = None
    repaired: bool = False               # a span was moved to where its recorded text stands

    def to_dict(self) -> dict[str, Any]:
        """A plain dict in field order, ready for JSON."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Quotation":
        """Build a record from a dict, ignoring keys that are not fields."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def replace(self, **changes: Any) -> "Quotation":
        return dataclasses.replace(self, **changes)

    def check_spans(self, text: str) -> list[str]:
        """Return the problems of this record's spans against ``text`` (empty if none)."""
        problems = []
        spans = [("content", self.content_start, self.content_end, self.content),
                 ("cue", self.cue_start, self.cue_end, self.cue)]
        if self.speaker_start is not None or self.speaker_end is not None:
            spans.append(("speaker", self.speaker_start, self.speaker_end, self.speaker_mention))
        for name, start, end, value in spans:
            if start is None or end is None or not (0 <= start <= end <= len(text)):
                problems.append(f"{name} span [{start}, {end}) is outside the text (length {len(text)})")
            elif text[start:end] != value:
                problems.append(f"{name} span [{start}, {end}) slices {text[start:end]!r}, not {value!r}")
        return problems
