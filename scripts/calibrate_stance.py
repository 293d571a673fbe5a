"""Fit the stance calibration on the development set and save it as data.

    python scripts/calibrate_stance.py            # writes quotes/resources/stance/calibration.tsv

Runs the engine (stance uncalibrated) on ``../shared/gold/dev_articles.jsonl``, pairs its
quotations with the gold ones (the shared scorer's matching), and fits, per predicted
label, the probability that the label is right by raw score (:mod:`quotes.calibration`).
The calibration error is measured out of sample, by five-fold cross-fitting over articles
(every article's quotations are scored by bins fitted on the other four fifths), averaged
over 20 random splits of the articles into folds, and saved with the bins: with ~180
quotations one split is a noisy draw (the bins pool into per-label rates near 0.7, and which
side of the 0.7 bin edge a fold's rates fall on swings the figure by ±0.05). The reliability
table comes from one split, a stable hash of the document id. The header also states the harder
transfer figure: bins fitted on the tuning part scoring the held-aside third and back (the
two parts differ in how hard they are, so this one also measures that shift). Refit
whenever the stance lexicon, negators, intensifiers or config change (a test checks it).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import random
import json
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from dev_eval import held, load_scorer  # noqa: E402
from quotes.calibration import ece_noise_floor, expected_calibration_error, fit, reliability, write_calibration  # noqa: E402
from quotes.io.documents import BadInput, read_documents  # noqa: E402
from quotes.lexicon import load_lexicon  # noqa: E402
from quotes.pipeline import Engine  # noqa: E402
from quotes.stance import CALIBRATION_FILE, load_stance_model  # noqa: E402

OUT = REPO / "quotes" / "resources" / "stance" / CALIBRATION_FILE
FOLDS = 5  # articles are cross-fitted in this many folds
SPLITS = 20  # random splits of the articles into folds, the ECE averaged over them


def samples(shared: Path) -> dict[str, list[tuple[str, float, bool]]]:
    """(predicted label, raw score, right?) of every matched quotation, by article."""
    scorer = load_scorer(shared)
    gold = {}
    for line in (shared / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        gold[d["doc_id"]] = d["quotes"]
    model = dataclasses.replace(load_stance_model(), calibration=None, _cache={}, _forms_cache={})
    engine = Engine(load_lexicon(), model)
    parts: dict[str, list[tuple[str, float, bool]]] = {}
    for doc in read_documents([shared / "gold" / "dev_articles.jsonl"]):
        if isinstance(doc, BadInput):
            raise SystemExit(f"cannot read {doc}")
        preds = [q.to_dict() for q in engine.annotate(doc)]
        for g, p, _ in scorer.match(gold.get(doc.doc_id, []), preds):
            parts.setdefault(doc.doc_id, []).append((p["stance"], p["stance_score"], p["stance"] == g.get("stance")))
    return parts


def fold_of(doc_id: str) -> int:
    """The cross-fitting fold of an article (a stable hash of its id)."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) // 3 % FOLDS


def cross_fitted(groups: dict[str, list[tuple[str, float, bool]]]) -> list[tuple[float, bool]]:
    """(probability, right?) of every quotation, its probability from bins fitted on the other groups."""
    out = []
    for name, rows in groups.items():
        cal = fit([r for other, rs in groups.items() if other != name for r in rs])
        out += [(cal.probability(lab, raw) or raw, ok) for lab, raw, ok in rows]
    return out


def repeated_ece(by_doc: dict[str, list[tuple[str, float, bool]]], splits: int = SPLITS, seed: int = 0) -> float:
    """The cross-fitted ECE averaged over ``splits`` random splits of the articles into folds."""
    rng = random.Random(seed)
    ids = sorted(by_doc)
    values = []
    for _ in range(splits):
        order = ids[:]
        rng.shuffle(order)
        folds: dict[str, list[tuple[str, float, bool]]] = {}
        for k, doc_id in enumerate(order):
            folds.setdefault(str(k % FOLDS), []).extend(by_doc[doc_id])
        values.append(expected_calibration_error(cross_fitted(folds)))
    return round(sum(values) / len(values), 4)


def ece_interval(by_doc: dict[str, list[tuple[str, float, bool]]], draws: int = 200, seed: int = 0) -> tuple[float, float]:
    """A 90% interval of the cross-fitted ECE over articles: articles drawn with replacement
    (each keeps its fold), the folds refitted, the ECE measured again."""
    rng = random.Random(seed)
    ids = sorted(by_doc)
    values = []
    for _ in range(draws):
        folds: dict[str, list[tuple[str, float, bool]]] = {}
        for doc_id in (rng.choice(ids) for _ in ids):
            folds.setdefault(str(fold_of(doc_id)), []).extend(by_doc[doc_id])
        values.append(expected_calibration_error(cross_fitted(folds)))
    values.sort()
    return round(values[int(0.05 * draws)], 3), round(values[int(0.95 * draws) - 1], 3)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    by_doc = samples(args.shared)
    folds: dict[str, list[tuple[str, float, bool]]] = {}
    halves: dict[str, list[tuple[str, float, bool]]] = {"tune": [], "held": []}
    for doc_id, rows in by_doc.items():
        folds.setdefault(str(fold_of(doc_id)), []).extend(rows)
        halves["held" if held(doc_id) else "tune"].extend(rows)
    crossed = cross_fitted(folds)
    everything = [r for rows in by_doc.values() for r in rows]
    ece_raw = expected_calibration_error([(raw, ok) for _, raw, ok in everything])
    ece, ece_transfer = repeated_ece(by_doc), expected_calibration_error(cross_fitted(halves))
    model = load_stance_model()
    final = dataclasses.replace(fit(everything, fitted_for=model.lexicon_version), ece=ece,
                                reliability=tuple(reliability(crossed)))
    header = [f"Stance calibration, fitted by scripts/calibrate_stance.py on {date.today().isoformat()} from "
              f"{len(everything)} quotations of the development set.",
              f"Expected calibration error out of sample ({FOLDS}-fold over articles, mean of {SPLITS} splits): {ece} "
              f"(one split by document hash: {expected_calibration_error(crossed)}; raw scores: {ece_raw}); "
              f"a perfectly calibrated predictor shows {ece_noise_floor([p for p, _ in crossed])} on this many quotations; "
              f"90% interval over articles {ece_interval(by_doc)}.",
              f"Transfer between the tuning part and the held-aside third (two-fold): {ece_transfer}.",
              "reliability rows: low, high, mean predicted probability, observed accuracy, count (out of sample)."]
    write_calibration(args.output, final, header)
    print("\n".join(header))
    print(f"written {args.output}")


if __name__ == "__main__":
    main()
