"""Arabic quotation attribution and stance: a transparent rule engine.

``quotes`` is pure: text in, frozen :class:`~quotes.record.Quotation` records out.
Nothing here talks to a network service or writes files except the CLI layer.
"""

from quotes.version import ENGINE_VERSION, __version__
from quotes.record import Document, Quotation
from quotes.engine import extract_quotations

__all__ = ["ENGINE_VERSION", "__version__", "Document", "Quotation", "extract_quotations"]
