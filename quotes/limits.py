"""Run limits from ``resources/limits.yaml``: per-document time budget, size caps, network timeouts."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from quotes.settings import read_settings


class LimitsError(ValueError):
    """A limits file that cannot be used; the message names the file and key."""


@dataclass(frozen=True, slots=True)
class Limits:
    time_budget_seconds: float
    time_budget_per_100k_chars: float
    max_document_chars: int
    max_file_bytes: int
    hub_connect_timeout_seconds: float
    hub_read_timeout_seconds: float
    hub_attempts: int
    hub_deadline_seconds: float

    def budget(self, n_chars: int) -> float:
        """Seconds a document of ``n_chars`` characters may take."""
        return self.time_budget_seconds + self.time_budget_per_100k_chars * n_chars / 100_000


LIMITS_ENV = "QUOTES_LIMITS"  # another limits file (the same keys), e.g. for a slow network


def load_limits(path: str | None = None) -> Limits:
    """Read the limits from ``path``, the file named by $QUOTES_LIMITS, or the shipped
    ``resources/limits.yaml`` (every key is required: a missing one is an error naming the file)."""
    return _load(path or os.environ.get(LIMITS_ENV) or str(resources.files("quotes") / "resources" / "limits.yaml"))


@lru_cache(maxsize=4)
def _load(path: str) -> Limits:
    return read_settings(Path(path), Limits, LimitsError)
