"""Stance scores that mean a probability: binned, monotone calibration per label.

The heuristic's raw score (the share of evidence for the label it chose) is mapped to the
probability that the label is right, as observed on annotated quotations: for each label
the samples are cut into equal-count bins by raw score, each bin's accuracy is smoothed
(add-one), and the pool-adjacent-violators pass makes it non-decreasing in the raw score.
``scripts/calibrate_stance.py`` fits it on the development set and writes
``resources/stance/calibration.tsv``; :func:`expected_calibration_error` and
:func:`reliability` measure it.
"""

from __future__ import annotations

import random

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

Sample = tuple[str, float, bool]  # (label, raw score, was the label right)


@dataclass(frozen=True, slots=True)
class Bin:
    label: str
    upper: float         # raw scores up to this (the last bin of a label takes everything above)
    probability: float   # how often the label is right in this bin
    count: int


@dataclass(frozen=True)
class Calibration:
    """Per label, bins of raw score with the probability the label is right."""

    fitted_for: str                       # the stance model version it was fitted on
    bins: dict[str, tuple[Bin, ...]]
    ece: float | None = None              # expected calibration error measured out of sample
    reliability: tuple[tuple[float, float, float, float, int], ...] = ()  # out of sample, see reliability()

    def probability(self, label: str, raw: float) -> float | None:
        """The calibrated probability that ``label`` is right at raw score ``raw``."""
        bins = self.bins.get(label)
        if not bins:
            return None
        i = bisect_right([b.upper for b in bins[:-1]], raw)
        return bins[i].probability


def _pool(values: list[list[float]]) -> list[list[float]]:
    """Pool adjacent violators: merge neighbouring [correct, total, upper] groups until the
    accuracies are non-decreasing."""
    out: list[list[float]] = []
    for v in values:
        out.append(list(v))
        while len(out) > 1 and out[-2][0] / out[-2][1] > out[-1][0] / out[-1][1]:
            last = out.pop()
            out[-1] = [out[-1][0] + last[0], out[-1][1] + last[1], last[2]]
    return out


def fit(samples: Iterable[Sample], min_bin: int = 20, prior: float = 40, fitted_for: str = "") -> Calibration:
    """Fit the bins of every label seen: at least ``min_bin`` samples each, and samples with
    the same raw score always in one bin. The heuristic gives many quotations one raw score
    (neutral with no stance term in it: 1.0), so a bin closes before such a run of ties once
    it holds ``min_bin``: neutral below the threshold (right about half the time) and neutral
    with no term at all (three times in four) get their own rates. Where the raw score does
    not rank correctness monotonically the bins pool into the label's precision. Each bin's
    rate is shrunk toward the rate of all samples by ``prior`` pseudo-samples (empirical
    Bayes: the rate varies from one set of articles to another). Both were chosen by the
    five-fold ECE over articles (mean of 20 splits) on the ~180 development quotations:
    bins of 20 and 40 pseudo-samples 0.060, bins of 30 and 10 pseudo-samples 0.127 (the
    previous choice), bins of 20 and 10 pseudo-samples 0.082."""
    samples = list(samples)
    by_label: dict[str, list[tuple[float, bool]]] = {}
    for label, raw, ok in samples:
        by_label.setdefault(label, []).append((raw, ok))
    base = sum(ok for _, _, ok in samples) / len(samples) if samples else 0.5
    bins: dict[str, tuple[Bin, ...]] = {}
    for label, rows in sorted(by_label.items()):
        rows.sort(key=lambda r: r[0])  # by raw score only: ties keep their order
        target = max(min_bin, len(rows) // max(1, len(rows) // min_bin))
        groups: list[list[float]] = []
        chunk: list[tuple[float, bool]] = []
        for k, (raw, ok) in enumerate(rows):
            chunk.append((raw, ok))
            last = k == len(rows) - 1
            # never split equal scores; close a bin of at least min_bin before a run of ties that
            # ends the label's scores (a heuristic gives many quotations one score: neutral, no term)
            if last or (rows[k + 1][0] != raw and (len(chunk) >= target or (
                    len(chunk) >= min_bin and rows[k + 1][0] == rows[-1][0] and len(rows) - k - 1 >= min_bin))):
                groups.append([sum(o for _, o in chunk) + prior * base, len(chunk) + prior, raw])
                chunk = []
        pooled = _pool(groups)
        bins[label] = tuple(Bin(label, 1.0 if i == len(pooled) - 1 else g[2], round(g[0] / g[1], 4), round(g[1] - prior))
                            for i, g in enumerate(pooled))
    return Calibration(fitted_for, bins)


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], n_bins: int = 10) -> float:
    """ECE: the count-weighted gap between predicted probability and observed accuracy, in
    ``n_bins`` equal-width bins of the predicted probability."""
    if not pairs:
        return 0.0
    total = 0.0
    for lo, hi, mean_p, observed, n in reliability(pairs, n_bins):
        total += n * abs(mean_p - observed)
    return round(total / len(pairs), 4)


def ece_noise_floor(probabilities: Sequence[float], draws: int = 500, seed: int = 0) -> float:
    """The ECE a perfectly calibrated predictor with these probabilities shows on a sample
    of this size, on average (outcomes drawn as Bernoulli(p)): below it, a measured ECE says
    nothing; on a few hundred quotations it is far from zero."""
    rng = random.Random(seed)
    total = 0.0
    for _ in range(draws):
        total += expected_calibration_error([(p, rng.random() < p) for p in probabilities])
    return round(total / draws, 4)


def reliability(pairs: Sequence[tuple[float, bool]], n_bins: int = 5) -> list[tuple[float, float, float, float, int]]:
    """``(low, high, mean predicted, observed accuracy, count)`` for each non-empty bin."""
    rows = []
    for k in range(n_bins):
        lo, hi = k / n_bins, (k + 1) / n_bins
        inside = [(p, ok) for p, ok in pairs if lo <= p < hi or (k == n_bins - 1 and p == 1.0)]
        if inside:
            rows.append((lo, hi, round(sum(p for p, _ in inside) / len(inside), 4),
                         round(sum(ok for _, ok in inside) / len(inside), 4), len(inside)))
    return rows


def write_calibration(path: Path, cal: Calibration, header: Sequence[str] = ()) -> None:
    """Save as TSV: comment lines (``header``, ``fitted_for`` and ``ece``), then the bins."""
    lines = [f"# {h}" for h in header]
    lines.append(f"# fitted_for: {cal.fitted_for}")
    if cal.ece is not None:
        lines.append(f"# ece: {cal.ece}")
    lines += ["# reliability: " + " ".join(map(str, row)) for row in cal.reliability]
    lines.append("label\tupper\tprobability\tcount")
    for label, bins in cal.bins.items():
        lines += [f"{label}\t{b.upper}\t{b.probability}\t{b.count}" for b in bins]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_calibration(path: Path) -> Calibration | None:
    """The saved calibration, or None when there is no file. Raises ``ValueError`` naming
    the line for a malformed one."""
    if not path.exists():
        return None
    fitted_for, ece = "", None
    rows: list[tuple[float, float, float, float, int]] = []
    bins: dict[str, list[Bin]] = {}
    header_seen = False
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# fitted_for:"):
            fitted_for = line.split(":", 1)[1].strip()
        elif line.startswith("# ece:"):
            ece = float(line.split(":", 1)[1])
        elif line.startswith("# reliability:"):
            lo, hi, p, o, n = line.split(":", 1)[1].split()
            rows.append((float(lo), float(hi), float(p), float(o), int(n)))
        elif line.startswith("#") or not line.strip():
            continue
        elif not header_seen:
            header_seen = True
        else:
            try:
                label, upper, probability, count = line.split("\t")
                bins.setdefault(label, []).append(Bin(label, float(upper), float(probability), int(count)))
            except ValueError:
                raise ValueError(f"{path}:{lineno}: expected label, upper, probability, count") from None
    return Calibration(fitted_for, {k: tuple(v) for k, v in bins.items()}, ece, tuple(rows))
