"""Score predicted quotations against gold, as ``shared/tools/score_quotes.py`` defines it.

Matching is by content words (normalised tokens, overlap ≥ 0.5, greedy best-first), so
the figures do not depend on offsets. On top of the shared scorer's numbers this module
gives the stance confusion matrix, per-label precision/recall/F1, and two baselines
measured on the same matched pairs: the majority class, and a polarity-word count
(favor words minus against words of the stance lexicon, no negation, weights or MWEs).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from quotes.record import STANCES
from quotes.calibration import expected_calibration_error, reliability
from quotes.morphology import bare_forms
from quotes.stance import StanceModel, _tokens

_DIAC = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_TITLES = set("""الرئيس المتحدث المتحدثة باسم وزير وزيرة نائب رئيس السيد السيدة الدكتور د
الشيخ الامير الملك المستشار المستشارة مساعد مدير عام العام الرسمي الرسمية المسؤول
في من عن على الى و ال""".split())


class EvaluationError(ValueError):
    """A gold or prediction file cannot be read; the message names the file and line."""


def _norm(s: str | None) -> str:
    s = _DIAC.sub("", s or "")
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return s


def _toks(s: str | None) -> list[str]:
    return [t for t in re.findall(r"\w+", _norm(s)) if t]


def _name_toks(s: str) -> set[str]:
    out = set()
    for t in _toks(s):
        t2 = t[1:] if t.startswith("و") and len(t) > 3 and t[1:] not in _TITLES else t
        if t2 not in _TITLES and t not in _TITLES:
            out.add(t2)
    return out


def _overlap(a: str | None, b: str | None) -> float:
    ta, tb = set(_toks(a)), set(_toks(b))
    if not ta or not tb:
        return 0.0
    i = len(ta & tb)
    return min(i / len(ta), i / len(tb))


def speaker_ok(gold: str | None, pred: str | None) -> bool:
    g, p = (gold or "").strip(), (pred or "").strip()
    if g in ("", "unknown"):
        return p in ("", "unknown", "None")
    gt, pt = _name_toks(g), _name_toks(p)
    return bool(gt) and bool(pt) and (gt <= pt or pt <= gt)


def match(golds: list[dict], preds: list[dict], threshold: float = 0.5) -> list[tuple[dict, dict, float]]:
    pairs = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            o = _overlap(g["content"], p.get("content") or "")
            if o >= threshold:
                pairs.append((o, i, j))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for o, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((golds[i], preds[j], o))
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _read_jsonl(path: Path) -> list[tuple[int, dict]]:
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read ({exc})") from None
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            try:
                out.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{lineno}: broken JSON ({exc.msg})") from None
    return out


def load_gold(path: Path) -> dict[str, list[dict]]:
    gold = {}
    for lineno, d in _read_jsonl(path):
        if "doc_id" not in d or not isinstance(d.get("quotes"), list):
            raise EvaluationError(f"{path}:{lineno}: a gold line needs doc_id and a quotes list")
        gold[str(d["doc_id"])] = d["quotes"]
    return gold


def load_predictions(path: Path, docs: set[str]) -> dict[str, list[dict]]:
    preds: dict[str, list[dict]] = defaultdict(list)
    for lineno, p in _read_jsonl(path):
        if "doc_id" not in p or "content" not in p:
            raise EvaluationError(f"{path}:{lineno}: a prediction needs doc_id and content")
        if str(p["doc_id"]) in docs:
            preds[str(p["doc_id"])].append(p)
    return preds


@dataclass
class StanceReport:
    labels: tuple[str, ...]
    confusion: dict[str, dict[str, int]]   # gold -> predicted -> count
    per_label: dict[str, dict[str, float]]
    macro_f1: float
    accuracy: float


def stance_report(pairs: list[tuple[str, str | None]]) -> StanceReport:
    labels = STANCES
    confusion = {g: {p: 0 for p in (*labels, "none")} for g in labels}
    for g, p in pairs:
        if g in confusion:
            confusion[g][p if p in labels else "none"] += 1
    per_label = {}
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        per_label[lab] = {"precision": round(pr, 3), "recall": round(rc, 3), "f1": round(_f1(pr, rc), 3),
                          "support": tp + fn}
        f1s.append(_f1(pr, rc))
    acc = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    return StanceReport(labels, confusion, per_label, round(sum(f1s) / len(labels), 3), round(acc, 3))


def word_count_baseline(model: StanceModel) -> Callable[[str], str]:
    """Favor words minus against words (single words of the lexicon, nothing else)."""
    def predict(content: str) -> str:
        score = 0
        for w in _tokens(content, model.contrast):
            if w is None:
                continue
            for f in bare_forms(w):
                term = model.singles.get(f)
                if term is not None:
                    score += term.polarity
                    break
        return "favor" if score > 0 else "against" if score < 0 else "neutral"
    return predict


def evaluate(gold_path: Path, pred_path: Path, model: StanceModel | None = None) -> dict[str, Any]:
    """The shared scorer's figures, plus stance confusion, per-label scores and baselines."""
    gold = load_gold(gold_path)
    preds = load_predictions(pred_path, set(gold))
    n_gold = sum(len(v) for v in gold.values())
    n_pred = sum(len(v) for v in preds.values())
    m = strict = spk = cue = gen = typ = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    stance_pairs: list[tuple[str, str | None]] = []
    matched_contents: list[tuple[str, str]] = []
    scored: list[tuple[float, bool]] = []  # (stance_score, was the label right)
    for doc, gq in gold.items():
        for g in gq:
            by_type[g["type"]][0] += 1
        for g, p, _ in match(gq, preds.get(doc, [])):
            m += 1
            by_type[g["type"]][1] += 1
            strict += _toks(g["content"]) == _toks(p.get("content"))
            spk += speaker_ok(g.get("speaker_name"), p.get("speaker_name"))
            cue += (bool(g.get("cue")) and _overlap(g["cue"], p.get("cue") or "") > 0) or (
                not g.get("cue") and not p.get("cue"))
            gen += g.get("speaker_gender") == (p.get("speaker_gender") or "unknown")
            typ += g["type"] == p.get("type")
            stance_pairs.append((g["stance"], p.get("stance")))
            matched_contents.append((g["stance"], g["content"]))
            if isinstance(p.get("stance_score"), (int, float)):
                scored.append((float(p["stance_score"]), g["stance"] == p.get("stance")))
    precision = m / n_pred if n_pred else 0.0
    recall = m / n_gold if n_gold else 0.0
    report = stance_report(stance_pairs)
    result: dict[str, Any] = {
        "docs": len(gold), "gold": n_gold, "pred": n_pred, "matched": m,
        "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(_f1(precision, recall), 3),
        "strict_content": round(strict / m, 3) if m else 0.0,
        "speaker_acc": round(spk / m, 3) if m else 0.0,
        "attributed_f1": round(_f1(spk / n_pred if n_pred else 0, spk / n_gold if n_gold else 0), 3),
        "cue_acc": round(cue / m, 3) if m else 0.0,
        "gender_acc": round(gen / m, 3) if m else 0.0,
        "type_acc": round(typ / m, 3) if m else 0.0,
        "stance_acc": report.accuracy,
        "stance_macro_f1": report.macro_f1,
        "recall_by_type": {k: round(v[1] / v[0], 3) for k, v in sorted(by_type.items())},
        "stance": report,
        "stance_ece": expected_calibration_error(scored),
        "stance_reliability": reliability(scored),
    }
    if model is not None and matched_contents:
        majority = Counter(g for g, _ in matched_contents).most_common(1)[0][0]
        result["baseline_majority"] = stance_report([(g, majority) for g, _ in matched_contents])
        count = word_count_baseline(model)
        result["baseline_word_count"] = stance_report([(g, count(c)) for g, c in matched_contents])
        result["majority_label"] = majority
    return result
