"""Measure how often each rule and speaker step is right on the development set, and save
it as the extraction confidence (``quotes/resources/confidence/confidence.tsv``).

    python scripts/fit_confidence.py            # fit on the tuning part, report the held third, save the fit on all

A record is right when it matches a gold quotation (the scorer's overlap ≥ 0.5) and its
speaker is right (the scorer's name criterion). Rerun after changing rules or lexicon.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from dev_eval import held, predict  # noqa: E402

from quotes.calibration import expected_calibration_error, reliability  # noqa: E402
from quotes.confidence import DEFAULT_PATH, fit_confidence, write_confidence  # noqa: E402
from quotes.evaluation import load_gold, match, speaker_ok  # noqa: E402
from quotes.lexicon import load_lexicon  # noqa: E402


def samples(gold: dict[str, list[dict]], preds: list[dict]) -> list[tuple[str, str | None, bool, str]]:
    """(rule, speaker step, right, doc_id) for every predicted quotation."""
    by_doc: dict[str, list[dict]] = {}
    for p in preds:
        by_doc.setdefault(p["doc_id"], []).append(p)
    out = []
    for doc_id, ps in by_doc.items():
        right = {id(p) for g, p, _ in match(gold.get(doc_id, []), ps) if speaker_ok(g.get("speaker_name"), p.get("speaker_name"))}
        out += [(p["rule"], p.get("speaker_rule"), id(p) in right, doc_id) for p in ps]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--output", type=Path, default=DEFAULT_PATH)
    args = ap.parse_args()
    gold = load_gold(args.shared / "gold" / "dev.jsonl")
    data = samples(gold, predict(args.shared / "gold" / "dev_articles.jsonl"))
    version = load_lexicon().version
    tune = fit_confidence([(r, s, ok) for r, s, ok, d in data if not held(d)], version)
    held_pairs = [(tune(r, s), ok) for r, s, ok, d in data if held(d)]
    ece = expected_calibration_error(held_pairs)
    print(f"{len(data)} predicted quotations, {sum(ok for *_, ok, _ in data)} right")
    print(f"fitted on the tuning part, measured on the held third ({len(held_pairs)}): ECE {ece:.4f}")
    for lo, hi, p, o, n in reliability(held_pairs):
        print(f"  confidence {lo:.1f}-{hi:.1f}: mean {p:.3f}, right {o:.3f} ({n})")
    table = fit_confidence([(r, s, ok) for r, s, ok, _ in data], version)
    write_confidence(args.output, table, [
        "Extraction confidence: the share of development-set quotations made by a rule (and speaker step)",
        "that match a gold quotation with the right speaker. Written by scripts/fit_confidence.py; do not edit.",
        f"held-third ECE when fitted on the tuning part: {ece:.4f}"])
    print(f"wrote {args.output} ({len(table.rates)} rows)")


if __name__ == "__main__":
    main()
