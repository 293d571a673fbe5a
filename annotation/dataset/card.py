"""The dataset card (README.md): YAML front matter the Hub and ``load_dataset`` read, then
the card, rendered from ``templates/dataset_card.md`` (edit the wording there)."""

from __future__ import annotations

from importlib import resources
from string import Template
from typing import TYPE_CHECKING

import yaml

from annotation.dataset.features import DOCUMENT_FEATURES, QUOTE_FEATURES, SPLITS
from annotation.dataset.splits import Repetition
from quotes.calibration import Calibration
from quotes.record import GENDERS, QUOTE_TYPES, STANCES
from quotes.stance import load_stance_model
from quotes.version import ENGINE_VERSION, __version__

if TYPE_CHECKING:
    from annotation.dataset.publish import BuildStats

SNN_LICENSE = "cc-by-nc-sa-4.0"


def _size_category(n: int) -> str:
    for limit, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
                        (1_000_000, "100K<n<1M")):
        if n < limit:
            return name
    return "1M<n<10M"


def _table(rows: list[list[str]], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(map(str, r)) + " |" for r in rows]
    return "\n".join(lines)


def dataset_card(stats: BuildStats, doc_ids: set[str]) -> str:
    """The README.md of the dataset: YAML front matter, then the card."""
    from_snn = any(d.startswith("snn:") for d in doc_ids)
    n_quotes = sum(stats.quotes.values())
    meta = {
        "language": ["ar"],
        "license": SNN_LICENSE if from_snn else "other",
        "pretty_name": "Arabic news quotations: attribution and stance",
        "task_categories": ["text-classification", "token-classification"],
        "task_ids": ["named-entity-recognition", "sentiment-classification"],
        "tags": ["quotation-attribution", "stance", "arabic", "news", "reported-speech"],
        "size_categories": [_size_category(n_quotes)],
        "configs": [
            {"config_name": c, "data_files": [{"split": s, "path": f"{c}/{s}-*.parquet"} for s in stats.files[c]],
             **({"default": True} if c == "quotes" else {})}
            for c in ("quotes", "documents") if stats.files.get(c)
        ],
        "dataset_info": [
            {"config_name": c, "features": feats._to_yaml_list(),
             "splits": [{"name": s, "num_bytes": nbytes, "num_examples": counts[s]}
                        for s, nbytes in stats.files[c].items()]}
            for c, feats, counts in (("quotes", QUOTE_FEATURES, stats.quotes),
                                     ("documents", DOCUMENT_FEATURES, stats.documents)) if stats.files.get(c)
        ],
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    split_rows = [[s, stats.documents[s], stats.quotes[s]] for s in SPLITS]
    dist = []
    for name, labels in (("type", QUOTE_TYPES), ("stance", STANCES), ("speaker_gender", GENDERS)):
        rows = [[lab, *(stats.labels[s][name][lab] for s in SPLITS)] for lab in (*labels, "none")
                if any(stats.labels[s][name][lab] for s in SPLITS)]
        dist.append(f"**{name}**\n\n" + _table(rows, ["label", *SPLITS]))
    versions = ", ".join(f"`{v}` ({n})" for v, n in stats.engine_versions.most_common())
    sources = ", ".join(f"{s} ({n})" for s, n in stats.sources.most_common(20))
    license_text = ("CC BY-NC-SA 4.0: the articles come from SaudiNewsNet (M. Alhagri, 2015); non-commercial "
                    "research use with attribution, derived data under the same license; each article stays "
                    "the property of its newspaper." if from_snn else
                    "The articles belong to their publishers; use them for research only.")
    stance_scores = _stance_scores(load_stance_model().calibration)
    template = Template((resources.files("annotation") / "templates" / "dataset_card.md").read_text(encoding="utf-8"))
    return template.substitute(
        front=front, sizes=_table(split_rows, ["split", "documents", "quotations"]), distributions="\n".join(dist),
        versions=versions or "(none)", label_sources=str(dict(stats.label_sources) or {}), sources=sources or "(none)",
        tool_version=__version__, engine_version=ENGINE_VERSION, license=license_text,
        stance_scores=stance_scores, repetition=_repetition(stats.repetition))


def _repetition(rep: Repetition) -> str:
    """The duplicate rate, per source, and what crosses the splits."""
    if not rep.quotations:
        return ""
    rows = [[src, c["quotations"], f"{c['shared'] / c['quotations']:.1%}", f"{c['exact'] / c['quotations']:.1%}"]
            for src, c in sorted(rep.by_source.items(), key=lambda kv: -kv[1]["quotations"])[:20]]
    return (f"**Repetition.** {rep.duplicate_rate:.1%} of the quotations belong to a statement found in two or more "
            f"articles ({rep.exact_rate:.1%} with the very same words as a quotation of another article). Across "
            f"splits: {rep.clusters_across_splits} statements and {rep.exact_across_splits} identical contents of "
            f"six words or more; {rep.short_across_splits} short identical contents (formulas such as «لا تعليق», "
            "which are not clustered unless the same named speaker says them) do stand in two splits.\n\n"
            + _table(rows, ["source", "quotations", "in statements of 2+ articles", "same words elsewhere"]))


def _stance_scores(cal: Calibration | None) -> str:
    """What ``stance_score`` means, with the calibration error and reliability table."""
    if cal is None or cal.ece is None:
        return "`stance_score` is the heuristic's raw share of evidence for its label (not calibrated)."
    rows = [[f"{lo:.1f}–{hi:.1f}", f"{p:.2f}", f"{o:.2f}", n] for lo, hi, p, o, n in cal.reliability]
    n = sum(r[3] for r in rows)
    return ("`stance_score` is the probability that `stance` is right: the heuristic's share of evidence for "
            f"its label, calibrated per label on {n} annotated quotations of the development set (binned and "
            "monotone, `scripts/calibrate_stance.py`); `stance_scores` keeps the raw shares. Expected calibration "
            f"error out of sample (five-fold cross-fitting over articles): **{cal.ece}**.\n\n"
            + _table(rows, ["score", "mean predicted", "observed accuracy", "quotations"]))
