"""Keep secrets out of everything we print: API tokens, passwords, credentials in URLs.

The command line registers every secret it is given (:func:`Redactor.add`) and prints
through a :class:`RedactingStream`, so an error message, a log line or a ``--debug``
traceback that happens to carry a token shows ``***`` instead.
"""

from __future__ import annotations

import sys
from typing import Callable, TextIO
from urllib.parse import urlsplit, urlunsplit

import regex

MASK = "***"
_URL_USERINFO = regex.compile(r"(?<=\b[A-Za-z][A-Za-z0-9+.-]*://)[^\s/@]+@")
_MIN_SECRET = 4  # shorter strings would mask ordinary words


def without_userinfo(url: str) -> str:
    """``http://user:token@host:8080/x`` → ``http://host:8080/x`` (for display and logs)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def userinfo_secrets(url: str) -> list[str]:
    """The user name and password carried inside a URL (both are masked in output)."""
    parts = urlsplit(url)
    return [s for s in (parts.username, parts.password) if s]


class Redactor:
    """The secrets of one run, and how to mask them in text."""

    def __init__(self) -> None:
        self._secrets: set[str] = set()

    def add(self, *secrets: str | None) -> None:
        for s in secrets:
            if s and len(s) >= _MIN_SECRET:
                self._secrets.add(s)

    def __call__(self, text: str) -> str:
        text = _URL_USERINFO.sub(MASK + "@", text)
        for s in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(s, MASK)
        return text


class RedactingStream:
    """A text stream that masks secrets on the way to ``target()`` (looked up at each
    write, so a stream swapped later, as test runners do, is honoured)."""

    def __init__(self, redactor: Redactor, target: Callable[[], TextIO] = lambda: sys.stderr):
        self.redactor = redactor
        self.target = target

    def write(self, text: str) -> int:
        self.target().write(self.redactor(text))
        return len(text)

    def flush(self) -> None:
        self.target().flush()

    def isatty(self) -> bool:
        return self.target().isatty()

    @property
    def encoding(self) -> str:
        return getattr(self.target(), "encoding", "utf-8")
