"""Run limits from ``resources/limits.yaml``: per-document time budget and size caps."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


class LimitsError(ValueError):
    """A limits file that cannot be used; the message names the file and key."""


@dataclass(frozen=True, slots=True)
class Limits:
    time_budget_seconds: float
    time_budget_per_100k_chars: float
    max_document_chars: int
    max_file_bytes: int

    def budget(self, n_chars: int) -> float:
        """Seconds a document of ``n_chars`` characters may take."""
        return self.time_budget_seconds + self.time_budget_per_100k_chars * n_chars / 100_000


@lru_cache(maxsize=4)
def load_limits(path: str | None = None) -> Limits:
    """Read the limits (every key is required: a missing one is an error naming the file)."""
    p = Path(path) if path else Path(str(resources.files("quotes") / "resources" / "limits.yaml"))
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LimitsError(f"{p}: cannot read limits ({exc})") from None
    values = {}
    for f in fields(Limits):
        if f.name not in data:
            raise LimitsError(f"{p}: missing key {f.name!r}")
        value = data[f.name]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
            raise LimitsError(f"{p}: {f.name} must be a positive number, not {value!r}")
        values[f.name] = value
    return Limits(**values)
