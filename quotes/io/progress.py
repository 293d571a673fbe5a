"""A progress line for long runs: documents/s, quotations, skipped.

Shown only when standard error is a terminal, so logs and pipes stay clean.
"""

from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.live import Live
from rich.text import Text


class Progress:
    """Context manager; call :meth:`update` with the running counts."""

    def __init__(self, label: str, enabled: bool = True, refresh_seconds: float = 0.25):
        self.label = label
        self.enabled = enabled and sys.stderr.isatty()
        self.refresh = refresh_seconds
        self._live: Live | None = None
        self._t0 = time.perf_counter()
        self._last = 0.0

    def __enter__(self) -> "Progress":
        if self.enabled:
            self._live = Live(Text(""), console=Console(stderr=True), transient=True, auto_refresh=False)
            self._live.__enter__()
        return self

    def update(self, counts: dict) -> None:
        if self._live is None:
            return
        now = time.perf_counter()
        if now - self._last < self.refresh:
            return
        self._last = now
        elapsed = max(now - self._t0, 1e-9)
        docs = counts.get("documents", 0)
        self._live.update(Text(
            f"{self.label}: {docs} documents ({docs / elapsed:,.0f}/s), "
            f"{counts.get('quotations', 0)} quotations, {counts.get('skipped', 0)} skipped"), refresh=True)

    def __exit__(self, *exc) -> None:
        if self._live is not None:
            self._live.__exit__(*exc)
