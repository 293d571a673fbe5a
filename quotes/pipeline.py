"""The configured engine every runner uses: lexicon, stance model (with targets), version."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Sequence

from quotes.confidence import ConfidenceTable, load_confidence
from quotes.engine import extract_quotations
from quotes.lexicon import Lexicon, load_lexicon
from quotes.record import Document, Quotation
from quotes.stance import StanceLabeller, StanceModel, Target, load_stance_model, load_targets
from quotes.version import engine_version


@lru_cache(maxsize=8)
def _labeller(model: StanceModel) -> StanceLabeller:
    return StanceLabeller(model)


@dataclass(frozen=True)
class Engine:
    """Extraction with its lexicon and, optionally, stance judged by ``stance``.

    Build one with :meth:`load` (a broken lexicon, stance file or targets file raises
    here, before any output is opened), then call :meth:`annotate` per document.
    """

    lexicon: Lexicon
    stance: StanceModel | None = None
    confidence: ConfidenceTable | None = None

    @classmethod
    def load(cls, lexicon_dir: str | None = None, stance: bool = True,
             targets: str | os.PathLike | Sequence[Target] | None = None) -> "Engine":
        """The engine of the shipped (or ``lexicon_dir``'s) lexicon; ``targets`` (a YAML
        file or targets) makes stance judged toward them."""
        model = load_stance_model() if stance else None
        if model is not None and targets:
            chosen = load_targets(targets) if isinstance(targets, (str, os.PathLike)) else targets
            model = model.with_targets(tuple(chosen))
        return cls(load_lexicon(lexicon_dir), model, load_confidence())

    @cached_property
    def version(self) -> str:
        """The ``engine_version`` its records carry."""
        return engine_version(self.lexicon.version, self.stance.version if self.stance is not None else None)

    def annotate(self, document: Document) -> list[Quotation]:
        """The quotations of ``document``, with stance when the engine judges it."""
        labeller = _labeller(self.stance) if self.stance is not None else None
        return extract_quotations(document, self.lexicon, labeller, self.confidence)
