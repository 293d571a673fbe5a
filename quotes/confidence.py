"""Extraction confidence: how often a rule, with a speaker-resolution step, is right.

A quotation is right when it matches a gold quotation of the development set and names
its speaker correctly (the scorer's criteria, :mod:`quotes.evaluation`). The rates are
measured by ``scripts/fit_confidence.py`` and saved as ``resources/confidence/confidence.tsv``;
a pair of rule and step seen rarely borrows strength from its rule, and a rare rule
from the overall rate (a Beta prior of ``PRIOR`` pseudo-observations).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

ANY = "*"
PRIOR = 8.0
DEFAULT_PATH = Path(__file__).parent / "resources" / "confidence" / "confidence.tsv"


class ConfidenceError(ValueError):
    """A malformed confidence table; the message names the file and line."""


@dataclass(frozen=True)
class ConfidenceTable:
    """Confidence by (rule, speaker step), with the rule's and the overall rate behind it."""

    rates: dict[tuple[str, str], float]
    counts: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # (right, seen)
    fitted_for: str = ""  # the extraction lexicon version it was measured with

    def __call__(self, rule: str, speaker_rule: str | None) -> float:
        """The confidence of a record made by ``rule`` with ``speaker_rule``."""
        for key in ((rule, speaker_rule or ANY), (rule, ANY), (ANY, ANY)):
            if key in self.rates:
                return self.rates[key]
        return 0.5


def fit_confidence(samples: Iterable[tuple[str, str | None, bool]], fitted_for: str = "",
                   prior: float = PRIOR) -> ConfidenceTable:
    """Fit the table on (rule, speaker step, right) samples."""
    seen: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    for rule, step, ok in samples:
        for key in {(rule, step or ANY), (rule, ANY), (ANY, ANY)}:  # a record without a step counts once
            seen[key] += 1
            right[key] += ok
    overall = (right[(ANY, ANY)] + prior * 0.5) / (seen[(ANY, ANY)] + prior)
    rates = {(ANY, ANY): round(overall, 4)}
    for key in sorted(k for k in seen if k[0] != ANY and k[1] == ANY):
        rates[key] = round((right[key] + prior * overall) / (seen[key] + prior), 4)
    for key in sorted(k for k in seen if k[0] != ANY and k[1] != ANY):
        base = rates[(key[0], ANY)]
        rates[key] = round((right[key] + prior * base) / (seen[key] + prior), 4)
    return ConfidenceTable(rates, {k: (right[k], seen[k]) for k in seen}, fitted_for)


def write_confidence(path: Path, table: ConfidenceTable, header: Sequence[str] = ()) -> None:
    """Save as TSV: comment lines, ``fitted_for``, then one row a (rule, step)."""
    lines = [f"# {h}" for h in header] + [f"# fitted_for: {table.fitted_for}", "rule\tspeaker_rule\tright\tseen\tconfidence"]
    for (rule, step), rate in table.rates.items():
        ok, n = table.counts.get((rule, step), (0, 0))
        lines.append(f"{rule}\t{step}\t{ok}\t{n}\t{rate}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_confidence(path: Path) -> ConfidenceTable | None:
    """The saved table, or None when there is none; raises :class:`ConfidenceError`."""
    if not path.exists():
        return None
    fitted_for = ""
    rates: dict[tuple[str, str], float] = {}
    counts: dict[tuple[str, str], tuple[int, int]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# fitted_for:"):
            fitted_for = line.split(":", 1)[1].strip()
        if not line.strip() or line.startswith("#") or line.startswith("rule\t"):
            continue
        parts = line.split("\t")
        try:
            rule, step, ok, n, rate = parts
            rates[(rule, step)] = float(rate)
            counts[(rule, step)] = (int(ok), int(n))
        except ValueError:
            raise ConfidenceError(f"{path}:{lineno}: expected rule, speaker_rule, right, seen, confidence") from None
        if not 0.0 <= rates[(rule, step)] <= 1.0:
            raise ConfidenceError(f"{path}:{lineno}: confidence must lie in [0, 1]")
    return ConfidenceTable(rates, counts, fitted_for)


@lru_cache(maxsize=2)
def load_confidence(path: str | None = None) -> ConfidenceTable | None:
    """The shipped table (or the one at ``path``)."""
    return read_confidence(Path(path) if path else DEFAULT_PATH)
