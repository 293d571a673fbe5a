"""The extraction rules: one module per family, listed in :mod:`quotes.rules.registry`.

``context``     what rules see: the text and its geometry, the cues, what was found
``introduced``  a cue followed by a complementizer, a colon or marks
``clauses``     reported clauses, colons, quotations in marks and where each ends
``postposed``   content before its cue («…، حسبما ذكر X», «"…" ، قال X»)
``relay``       نقلت وكالة X عن Y قوله: the relayed speaker
``mentions``    the speaker mention a cue names (resolved to a name in :mod:`quotes.speakers`)
``subjects``    the subject a cue that names no one shares (its clause's, the sentence's, a channel's owner)
"""

from quotes.rules.context import Candidate, DocumentContext
from quotes.rules.registry import CUE_RULES, DOCUMENT_RULES, run_rules

__all__ = ["CUE_RULES", "DOCUMENT_RULES", "Candidate", "DocumentContext", "run_rules"]
