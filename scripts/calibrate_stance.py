"""Fit the stance calibration on the development set and save it as data.

    python scripts/calibrate_stance.py            # writes quotes/resources/stance/calibration.tsv

Runs the engine (stance uncalibrated) on ``../shared/gold/dev_articles.jsonl``, pairs its
quotations with the gold ones (the shared scorer's matching), and fits, per predicted
label, the probability that the label is right by raw score (:mod:`quotes.calibration`).
The calibration error is measured out of sample, by two-fold cross-fitting over the same
tune / held-aside split as ``scripts/dev_eval.py``, and saved with the bins. Refit
whenever the stance lexicon, negators, intensifiers or config change (a test checks it).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from dev_eval import held, load_scorer  # noqa: E402
from quotes.calibration import expected_calibration_error, fit, reliability, write_calibration  # noqa: E402
from quotes.io.documents import BadInput, read_documents  # noqa: E402
from quotes.lexicon import load_lexicon  # noqa: E402
from quotes.pipeline import Engine  # noqa: E402
from quotes.stance import CALIBRATION_FILE, load_stance_model  # noqa: E402

OUT = REPO / "quotes" / "resources" / "stance" / CALIBRATION_FILE


def samples(shared: Path) -> dict[str, list[tuple[str, float, bool]]]:
    """(predicted label, raw score, right?) of every matched quotation, by part."""
    scorer = load_scorer(shared)
    gold = {}
    for line in (shared / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        gold[d["doc_id"]] = d["quotes"]
    model = dataclasses.replace(load_stance_model(), calibration=None, _cache={}, _forms_cache={})
    engine = Engine(load_lexicon(), model)
    parts: dict[str, list[tuple[str, float, bool]]] = {"tune": [], "held": []}
    for doc in read_documents([shared / "gold" / "dev_articles.jsonl"]):
        if isinstance(doc, BadInput):
            raise SystemExit(f"cannot read {doc}")
        preds = [q.to_dict() for q in engine.annotate(doc)]
        for g, p, _ in scorer.match(gold.get(doc.doc_id, []), preds):
            parts["held" if held(doc.doc_id) else "tune"].append((p["stance"], p["stance_score"],
                                                                  p["stance"] == g.get("stance")))
    return parts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    parts = samples(args.shared)
    crossed = []  # each part scored by the calibration fitted on the other
    for part, other in (("tune", "held"), ("held", "tune")):
        cal = fit(parts[other])
        crossed += [(cal.probability(lab, raw) or raw, ok) for lab, raw, ok in parts[part]]
    raw_pairs = [(raw, ok) for rows in parts.values() for _, raw, ok in rows]
    ece_raw, ece = expected_calibration_error(raw_pairs), expected_calibration_error(crossed)
    everything = parts["tune"] + parts["held"]
    model = load_stance_model()
    final = dataclasses.replace(fit(everything, fitted_for=model.lexicon_version), ece=ece,
                                reliability=tuple(reliability(crossed)))
    header = [f"Stance calibration, fitted by scripts/calibrate_stance.py on {date.today().isoformat()} from "
              f"{len(everything)} quotations of the development set.",
              f"Expected calibration error out of sample (two-fold, tune/held): {ece} (raw scores: {ece_raw}).",
              "reliability rows: low, high, mean predicted probability, observed accuracy, count (out of sample)."]
    write_calibration(args.output, final, header)
    print("\n".join(header))
    print(f"written {args.output}")


if __name__ == "__main__":
    main()
