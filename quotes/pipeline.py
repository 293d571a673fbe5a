"""One document in, labelled quotation records out: extraction, then stance."""

from __future__ import annotations

from functools import lru_cache

from quotes.engine import extract_with_normalized
from quotes.lexicon import Lexicon, load_lexicon
from quotes.record import Document, Quotation
from quotes.stance import StanceModel, label_all
from quotes.version import ENGINE_VERSION


@lru_cache(maxsize=4)
def cue_priors(lexicon: Lexicon) -> dict[str, str]:
    """Cue lemma → its stance prior (favor/against), from the cue lexicon."""
    return {e.lemma: e.prior for e in lexicon.cues.values() if e.prior}


def run_version(lexicon: Lexicon, stance: StanceModel | None) -> str:
    """The ``engine_version`` the records of this configuration carry."""
    version = f"{ENGINE_VERSION}+{lexicon.version}"
    return f"{version}+{stance.version}" if stance is not None else version


def annotate(document: Document, lexicon: Lexicon | None = None,
             stance: StanceModel | None = None) -> list[Quotation]:
    """The quotations of ``document``, with stance pre-labels when a model is given."""
    lex = lexicon or load_lexicon()
    quotes, normalized = extract_with_normalized(document, lex)
    if stance is None or not quotes:
        return quotes
    return label_all(stance, quotes, cue_priors(lex), normalized)
