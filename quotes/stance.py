"""Stance pre-labels (favor / against / neutral) with a score and a readable reason.

A transparent heuristic in the line of lexicon-based sentiment systems:

1. the quotation's content is normalised (the same :func:`quotes.normalize.normalize`
   as extraction) and split into words;
2. multiword expressions of ``resources/stance/lexicon.tsv`` are matched first and whole
   (غير مقبول، خطوة في الاتجاه الصحيح، لم نحقق أي تقدم), then single terms, each word
   also tried without its clitics (والتعاون → تعاون، بالتصعيد → تصعيد);
3. a negator (``negators.tsv``) up to its scope before a term, with no clause boundary
   between, turns the term to the other side (لم نحقق تقدما → against);
4. intensifiers and downtoners (``intensifiers.tsv``) scale the nearest term;
5. the cue's speech act (``act`` column of ``cues.tsv``, leans in ``speech_acts.tsv``:
   نفى deny → against, رحب welcome → favor) adds evidence;
6. with targets, only the words around a target's mention count, and the target is
   recorded.

Evidence for each side becomes a score; the label is neutral unless one side has enough
evidence and leads (``config.yaml``). Every label says which entries and rules fired.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Sequence

import yaml

from quotes.calibration import Calibration, read_calibration
from quotes.lexicon import LexiconError, SpeechAct, _table, load_lexicon, resource_dir
from quotes.morphology import bare_forms, clitic_readings, stance_forms, without_article
from quotes.normalize import normalize
from quotes.settings import read_settings

_WORD_OR_BREAK = re.compile(r"\w+|[.!?؟؛;،,:«»“”\"()\-–—]")
LABELS = ("favor", "against", "neutral")
CALIBRATION_FILE = "calibration.tsv"
PLAIN_ACTS = ("assert", "report")  # speech acts not worth naming in a reason
_CACHE_LIMIT = 200_000  # words remembered per model (memory stays bounded on any corpus)


@dataclass(frozen=True, slots=True)
class Term:
    text: str                 # as the linguist wrote it
    words: tuple[str, ...]    # normalised, bare
    polarity: int             # +1 favor, -1 against
    weight: float


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    aliases: tuple[tuple[str, ...], ...]  # normalised words of each alias


@dataclass(frozen=True, slots=True)
class StanceConfig:
    """The heuristic's settings from ``resources/stance/config.yaml`` (every key required,
    see :func:`quotes.settings.read_settings`)."""

    threshold: float        # least evidence (summed weights) for favor or against; below it: neutral
    margin: float           # the winning side must lead the other by this much, else neutral
    neutral_mass: float     # pseudo-evidence for neutral when turning evidence into scores
    negation_factor: float  # a negated term counts for the opposite side with this share of its weight
    target_window: int      # words on each side of a target's mention that speak about it
    contrast_before: float  # evidence before a contrast word («لكن») in its sentence counts this much
    contrast_after: float   # … and after it this much
    denial_weight: float    # evidence against of a denying negator with no stance term in its scope


@dataclass(frozen=True, eq=False)
class StanceModel:
    """The stance lexicons and settings, normalised and indexed."""

    singles: dict[str, Term]
    multi: dict[str, tuple[Term, ...]]    # first bare word -> expressions, longest first
    negator_phrases: dict[str, int]       # normalised negator (one or two words) -> scope
    denials: frozenset[str]               # negators that deny when no term is in their scope
    intensifiers: dict[str, tuple[float, int]]
    config: StanceConfig
    contrast: frozenset[str]              # words that end a stretch of evidence (word_classes.tsv)
    suspenders: frozenset[str]            # a condition that suspends polarity (word_classes.tsv)
    version: str
    lexicon_version: str = ""             # of the lexicon, negators, intensifiers and config alone
    calibration: Calibration | None = None  # raw score -> probability the label is right
    targets: tuple[Target, ...] = field(default=())
    _cache: dict = field(default_factory=dict, repr=False)        # written word -> what it starts

    @cached_property
    def negator_firsts(self) -> frozenset[str]:
        return frozenset(k.split()[0] for k in self.negator_phrases)

    @cached_property
    def intensifier_firsts(self) -> frozenset[str]:
        return frozenset(k.split()[0] for k in self.intensifiers)
    _forms_cache: dict = field(default_factory=dict, repr=False)  # written word -> bare forms

    def with_targets(self, targets: Sequence[Target]) -> "StanceModel":
        return dataclasses.replace(self, targets=tuple(targets), _cache={}, _forms_cache={})

    @cached_property
    def clause_markers(self) -> frozenset[str]:
        """Words and marks that change how a clause counts (contrast, condition, question)."""
        return self.contrast | self.suspenders | {"?", "؟"}

    @property
    def calibration_current(self) -> bool:
        """Was the calibration fitted on this lexicon (refit it after changing one)?"""
        return self.calibration is not None and self.calibration.fitted_for == self.lexicon_version


@dataclass(frozen=True, slots=True)
class StanceResult:
    label: str
    score: float                 # the probability the label is right (calibrated), or its raw share
    scores: dict[str, float]     # raw shares of evidence for each label
    reason: str
    target: str | None


@lru_cache(maxsize=4)
def load_stance_model(directory: str | None = None) -> StanceModel:
    """Load ``resources/stance/`` (or another folder with the same files)."""
    d = Path(directory) if directory else resource_dir() / "stance"
    singles: dict[str, Term] = {}
    multi: dict[str, list[Term]] = {}
    for lineno, row in _table(d / "lexicon.tsv", ("term", "polarity", "weight")):
        if row["polarity"] not in ("favor", "against"):
            raise LexiconError(f"{d / 'lexicon.tsv'}:{lineno}: polarity {row['polarity']!r} is not favor or against")
        try:
            weight = float(row["weight"])
        except ValueError:
            raise LexiconError(f"{d / 'lexicon.tsv'}:{lineno}: weight {row['weight']!r} is not a number") from None
        words = tuple(without_article(normalize(w)) for w in row["term"].split())
        term = Term(row["term"], words, 1 if row["polarity"] == "favor" else -1, weight)
        if len(words) == 1:
            singles[words[0]] = term
        else:
            multi.setdefault(words[0], []).append(term)
    negators = {}
    denials = set()
    for lineno, row in _table(d / "negators.tsv", ("word", "scope", "denies")):
        key = " ".join(normalize(w) for w in row["word"].split())
        negators[key] = int(row["scope"] or 3)
        if row["denies"] not in ("", "yes"):
            raise LexiconError(f"{d / 'negators.tsv'}:{lineno}: denies {row['denies']!r} is not yes or empty")
        if row["denies"] == "yes":
            denials.add(key)
    intens = {}
    for lineno, row in _table(d / "intensifiers.tsv", ("word", "factor", "window")):
        intens[" ".join(normalize(w) for w in row["word"].split())] = (float(row["factor"]), int(row["window"] or 1))
    h = hashlib.sha256()
    for name in ("lexicon.tsv", "negators.tsv", "intensifiers.tsv", "config.yaml"):
        h.update((d / name).read_bytes())
    lexicon_version = f"stance-{h.hexdigest()[:10]}"
    try:
        calibration = read_calibration(d / CALIBRATION_FILE)
    except ValueError as exc:
        raise LexiconError(str(exc)) from None
    if calibration is not None:
        h.update((d / CALIBRATION_FILE).read_bytes())
    classes = load_lexicon().classes
    return StanceModel(
        singles=singles,
        multi={k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in multi.items()},
        negator_phrases=negators,
        denials=frozenset(denials),
        intensifiers=intens,
        config=read_settings(d / "config.yaml", StanceConfig, LexiconError),
        contrast=classes.contrast,
        suspenders=classes.suspender,
        version=f"stance-{h.hexdigest()[:10]}",
        lexicon_version=lexicon_version,
        calibration=calibration,
    )


def load_targets(path: str | os.PathLike) -> list[Target]:
    """Read targets from YAML: ``targets: [{name: …, aliases: [...]}, …]``."""
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise LexiconError(f"{p}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    items = data.get("targets") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise LexiconError(f"{p}: expected a mapping with a 'targets' list")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("name"):
            raise LexiconError(f"{p}: target #{i + 1} needs a 'name'")
        aliases = [item["name"], *(item.get("aliases") or [])]
        out.append(Target(str(item["name"]), tuple(tuple(normalize(w) for w in str(a).split()) for a in aliases)))
    return out


# -- scoring ------------------------------------------------------------------------------
@dataclass(slots=True)
class _Hit:
    start: int          # word index
    end: int
    term: Term
    weight: float
    polarity: int
    notes: list[str]


def _tokens(text: str, contrast: frozenset[str], normalized: bool = False) -> list[str | None]:
    """Normalised words of ``text``; ``None`` marks a clause boundary (a mark or a contrast word)."""
    return _words(_raw_tokens(text, normalized), contrast)


def _raw_tokens(text: str, normalized: bool) -> list[str]:
    """Words and marks of ``text``, normalised."""
    return _WORD_OR_BREAK.findall(text if normalized else normalize(text))


def _words(raw: list[str], contrast: frozenset[str]) -> list[str | None]:
    return [w if w[0].isalnum() and w not in contrast else None for w in raw]


_SENTENCE_END = frozenset(".!?؟")


def _clause_weights(model: StanceModel, raw: list[str]) -> tuple[list[float], list[str]] | None:
    """Per word position, a factor and a note from its clause: a contrast word («لكن»،
    «إلا أن») makes what follows it in its sentence weigh more and what precedes it less;
    a condition («لو»، «إذا») up to the next comma, and a question up to its «؟», suspend
    polarity (factor 0). None when the words have none of these."""
    if model.clause_markers.isdisjoint(raw):
        return None
    cfg = model.config
    factor = [1.0] * len(raw)
    note = [""] * len(raw)
    starts = [0] + [i + 1 for i, t in enumerate(raw) if t in _SENTENCE_END]  # sentence starts, sorted
    for i, t in enumerate(raw):
        if t in model.contrast:
            k = bisect_right(starts, i)
            begin, end = starts[k - 1], (starts[k] if k < len(starts) else len(raw))
            for j in range(begin, i):
                factor[j], note[j] = factor[j] * cfg.contrast_before, f"before {t} ×{cfg.contrast_before:g}"
            for j in range(i + 1, end):
                factor[j], note[j] = factor[j] * cfg.contrast_after, f"after {t} ×{cfg.contrast_after:g}"
        elif t in model.suspenders:
            j = i + 1
            while j < len(raw) and raw[j] not in _SENTENCE_END and raw[j] not in ("،", ","):
                factor[j], note[j] = 0.0, f"suspended by {t}"
                j += 1
        elif t in ("?", "؟"):
            begin = starts[bisect_right(starts, i) - 1]
            for j in range(begin, i):
                factor[j], note[j] = 0.0, "suspended: a question"
    return factor, note


def _lookup(model: StanceModel, word: str) -> tuple[Term | None, tuple[tuple[str, Term], ...]]:
    """What a written word can start: a single term, and expressions (with the form matched)."""
    cache = model._cache
    hit = cache.get(word)
    if hit is None:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        single = None
        multi: list[tuple[str, Term]] = []
        for f in stance_forms(word):
            if single is None and f in model.singles:
                single = model.singles[f]
            for term in model.multi.get(f, ()):
                multi.append((f, term))
        hit = (single, tuple(sorted(multi, key=lambda ft: -len(ft[1].words))))
        cache[word] = hit
    return hit


def _forms(model: StanceModel, word: str) -> frozenset[str]:
    cache = model._forms_cache
    f = cache.get(word)
    if f is None:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        f = cache[word] = frozenset(stance_forms(word))
    return f


def _match_terms(model: StanceModel, toks: list[str | None]) -> list[_Hit]:
    hits: list[_Hit] = []
    i = 0
    n = len(toks)
    while i < n:
        w = toks[i]
        if w is None:
            i += 1
            continue
        single, multi = _lookup(model, w)
        matched = False
        for _, term in multi:
            k = len(term.words)
            if i + k <= n and all(toks[i + j] is not None and term.words[j] in _forms(model, toks[i + j])
                                  for j in range(1, k)):
                hits.append(_Hit(i, i + k, term, term.weight, term.polarity, []))
                i += k
                matched = True
                break
        if matched:
            continue
        if single is not None:
            hits.append(_Hit(i, i + 1, single, single.weight, single.polarity, []))
        i += 1
    return hits


def _phrases_at(toks: list[str | None], table: dict, firsts: frozenset[str],
                max_words: int) -> dict[int, tuple[int, str]]:
    """Start position -> (length, phrase) of every phrase of ``table`` in the words; the
    first word may carry proclitics («ولم»، «لمكافحة»، «للتصدي»)."""
    found: dict[int, tuple[int, str]] = {}
    n = len(toks)
    for i, w in enumerate(toks):
        if w is None:
            continue
        for first in clitic_readings(w):
            if first not in firsts:
                continue
            for size in range(max_words, 0, -1):
                if i + size > n:
                    continue
                rest = toks[i + 1:i + size]
                if None in rest:
                    continue
                key = " ".join((first, *rest))  # type: ignore[arg-type]
                if key in table:
                    found[i] = (size, key)
                    break
            if i in found:
                break
    return found


def _apply_modifiers(model: StanceModel, toks: list[str | None], hits: list[_Hit]) -> list[_Hit]:
    """Turn the terms negators govern and scale those intensifiers reach; return the
    denial: the first denying negator that turned no term, as weak evidence against."""
    taken = {p for h in hits for p in range(h.start, h.end)}
    negators = {k: v for k, v in _phrases_at(toks, model.negator_phrases, model.negator_firsts, 2).items()
                if not any(p in taken for p in range(k, k + v[0]))}
    intens = {k: v for k, v in _phrases_at(toks, model.intensifiers, model.intensifier_firsts, 3).items()
              if k not in taken} if hits else {}  # intensifiers only scale terms; negators also deny alone
    used: set[int] = set()
    factor_neg = model.config.negation_factor
    for h in hits:
        # the nearest unspent negator within its scope, with no clause boundary between
        for back in range(1, 5):
            j = h.start - back
            if j < 0 or toks[j] is None:
                break
            for s in (j, j - 1):
                neg = negators.get(s)
                if neg is not None and s + neg[0] - 1 == j and s not in used \
                        and back <= model.negator_phrases[neg[1]]:
                    used.add(s)
                    h.polarity = -h.polarity
                    h.weight *= factor_neg
                    h.notes.append(f"negated by {neg[1]}")
                    break
            else:
                continue
            break
        for pos, (size, key) in intens.items():
            factor, window = model.intensifiers[key]
            dist = h.start - (pos + size) + 1 if pos < h.start else pos - h.end + 1
            if 0 < dist <= window and not any(t is None for t in toks[min(pos, h.start):max(pos + size, h.end)]):
                h.weight *= factor
                h.notes.append(f"{'intensified' if factor > 1 else 'softened'} by {key} ×{factor:g}")
    weight = model.config.denial_weight
    denial = next(((pos, size, key) for pos, (size, key) in sorted(negators.items())
                   if key in model.denials and pos not in used), None)
    if denial is None or weight <= 0:
        return []
    pos, size, key = denial  # one denial counts, however many negations a statement has
    return [_Hit(pos, pos + size, Term(key, tuple(key.split()), -1, weight), weight, -1, ["a denial"])]


def _window(model: StanceModel, toks: list[str | None]) -> tuple[Target | None, set[int] | None]:
    """The first target the words mention, and the word positions that speak about it."""
    if not model.targets:
        return None, None
    span = model.config.target_window
    for target in model.targets:
        positions: set[int] = set()
        for alias in target.aliases:
            k = len(alias)
            for i in range(len(toks) - k + 1):
                if all(toks[i + j] is not None and alias[j] in bare_forms(toks[i + j]) for j in range(k)):
                    positions.update(range(max(0, i - span), min(len(toks), i + k + span)))
        if positions:
            return target, positions
    return None, None


def score_text(model: StanceModel, content: str, act: SpeechAct | None = None, cue: str = "",
               normalized: bool = False, sentence: str | None = None) -> StanceResult:
    """Stance of ``content`` (a quotation's words), with the lean of the cue's speech act.

    ``normalized``: the content (and ``sentence``) are already in
    :func:`quotes.normalize.normalize` form. With targets, stance is toward the first target
    the content mentions (only the words around it count), or else the one its
    ``sentence`` mentions (all the content counts); a quotation about no target is neutral
    ("no target").
    """
    cfg = model.config
    raw = _raw_tokens(content, normalized)
    toks = _words(raw, model.contrast)
    hits = _match_terms(model, toks)
    hits += _apply_modifiers(model, toks, hits)
    clauses = _clause_weights(model, raw)
    for h in hits:
        if clauses is not None and clauses[0][h.start] != 1.0:
            h.weight *= clauses[0][h.start]
            h.notes.append(clauses[1][h.start])  # a suspended term stays in the reason with weight 0
        if act is not None and act.evidence != 1.0:
            h.weight *= act.evidence
            h.notes.append(f"{act.name} ×{act.evidence:g}")
    target, positions = _window(model, toks)
    if positions is not None:
        hits = [h for h in hits if h.start in positions]
    elif model.targets and sentence is not None:
        target, _ = _window(model, _tokens(sentence, model.contrast, normalized))
    if model.targets and target is None:
        return _no_target(model)
    evidence = {1: 0.0, -1: 0.0}
    reasons = []
    for h in hits:
        evidence[h.polarity] += h.weight
        side = "favor" if h.polarity > 0 else "against"
        sign = "+" if h.term.polarity > 0 else "-"
        note = f"; {'; '.join(h.notes)}" if h.notes else ""
        reasons.append(f"{sign}{h.term.text} ({side} {h.weight:.2g}{note})")
    leans = act is not None and act.polarity in ("favor", "against") and act.weight > 0
    if leans:
        evidence[1 if act.polarity == "favor" else -1] += act.weight
        reasons.append(f"cue {cue or '?'}: {act.name} ({act.polarity} {act.weight:.2g})")
    elif act is not None and act.name not in PLAIN_ACTS:
        reasons.append(f"cue {cue or '?'}: {act.name} (no lean)")  # زعم: a claim the writer distances from
    favor, against = evidence[1], evidence[-1]
    neutral_mass = cfg.neutral_mass
    total = favor + against + neutral_mass
    scores = {"favor": round(favor / total, 4), "against": round(against / total, 4),
              "neutral": round(neutral_mass / total, 4)}
    best, other = (("favor", favor), against) if favor >= against else (("against", against), favor)
    if best[1] >= cfg.threshold and best[1] - other >= cfg.margin:
        label = best[0]
    else:
        label = "neutral"
        if hits or leans:
            reasons.append("below threshold: neutral")
    reason = "; ".join(reasons) if reasons else "no stance term: neutral"
    if target is not None:
        reason = f"target {target.name}: {reason}"
    calibrated = model.calibration.probability(label, scores[label]) if model.calibration is not None else None
    return StanceResult(label, calibrated if calibrated is not None else scores[label], scores, reason,
                        target.name if target else None)


def _no_target(model: StanceModel) -> StanceResult:
    """A quotation about none of the targets: neutral."""
    scores = {"favor": 0.0, "against": 0.0, "neutral": 1.0}
    calibrated = model.calibration.probability("neutral", 1.0) if model.calibration is not None else None
    return StanceResult("neutral", calibrated if calibrated is not None else 1.0, scores, "no target", None)


class StanceLabeller:
    """The stance fields of a quotation, for :func:`quotes.engine.extract_quotations`."""

    def __init__(self, model: StanceModel):
        self.model = model
        self.version = model.version
        self.needs_sentence = bool(model.targets)  # the sentence is looked at only for targets

    def __call__(self, normalized_content: str, cue: Any, cue_text: str, sentence: str | None = None) -> StanceResult:
        return score_text(self.model, normalized_content, cue.act, cue_text, normalized=True, sentence=sentence)
