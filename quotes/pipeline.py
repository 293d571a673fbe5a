"""One document in, labelled quotation records out: extraction with stance."""

from __future__ import annotations

from functools import lru_cache

from quotes.engine import extract_quotations
from quotes.lexicon import Lexicon, load_lexicon
from quotes.record import Document, Quotation
from quotes.stance import StanceLabeller, StanceModel
from quotes.version import ENGINE_VERSION


@lru_cache(maxsize=8)
def _labeller(model: StanceModel) -> StanceLabeller:
    return StanceLabeller(model)


def run_version(lexicon: Lexicon, stance: StanceModel | None) -> str:
    """The ``engine_version`` the records of this configuration carry."""
    version = f"{ENGINE_VERSION}+{lexicon.version}"
    return f"{version}+{stance.version}" if stance is not None else version


def annotate(document: Document, lexicon: Lexicon | None = None,
             stance: StanceModel | None = None) -> list[Quotation]:
    """The quotations of ``document``, with stance pre-labels when a model is given."""
    return extract_quotations(document, lexicon or load_lexicon(), _labeller(stance) if stance is not None else None)
