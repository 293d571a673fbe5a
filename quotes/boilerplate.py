"""Mask boilerplate (ads, "اقرأ أيضا", footers, mastheads, headlines) without moving offsets.

Masked characters are replaced by spaces (newlines are kept), so the masked text has the
same length as its input and a span found in it is a span of the input.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

import regex

from quotes.lexicon import BoilerplatePattern, Lexicon

_LINE = regex.compile(r"[^\n]+")
_SENTENCE_END = regex.compile(r"[.!?؟:]\s*$")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
HEADLINE_MAX_WORDS = 25
MASTHEAD_MAX_WORDS = 8


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def boilerplate_spans(norm: str, lexicon: Lexicon, headline: bool = True) -> list[tuple[str, int, int]]:
    """Return ``(rule, start, end)`` for every boilerplate stretch of the normalised text.

    Rules: the patterns of ``boilerplate.tsv`` (by their names); ``repeated_line``, a
    short line that occurs more than once (mastheads, captions); ``headline``, the first
    non-blank line when it is short and has no sentence-final punctuation.
    """
    spans: list[tuple[str, int, int]] = []
    for bp in lexicon.boilerplate:
        for m in _matches(bp, norm):
            end = len(norm) if bp.scope == "tail" else m.end()
            spans.append((bp.name, m.start(), end))
            if bp.scope == "tail":
                break
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(norm)]
    counts = Counter(text for _, _, text in lines if text)
    for start, end, text in lines:
        if text and counts[text] > 1 and len(_WORD.findall(text)) <= MASTHEAD_MAX_WORDS:
            spans.append(("repeated_line", start, end))
    if headline:
        for start, end, text in lines:
            if not text:
                continue
            if len(_WORD.findall(text)) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(text):
                spans.append(("headline", start, end))
            break
    return sorted(spans, key=lambda s: (s[1], s[2]))


NEEDS_REACH = 120  # characters a match of a pattern with ``needs`` may open before its needed word


def _matches(bp: BoilerplatePattern, norm: str) -> Iterator["regex.Match[str]"]:
    """The matches of ``bp`` in ``norm``. A pattern with ``needs`` (words each match ends with)
    is tried only just before where one of them occurs: a pattern that may start anywhere
    would otherwise be tried at every position of every article."""
    if not bp.needs:
        yield from bp.pattern.finditer(norm)
        return
    seen: set[tuple[int, int]] = set()
    for word in bp.needs:
        i = norm.find(word)
        while i >= 0:
            for m in bp.pattern.finditer(norm, max(0, i - NEEDS_REACH), min(len(norm), i + len(word) + 1)):
                if m.span() not in seen:
                    seen.add(m.span())
                    yield m
            i = norm.find(word, i + 1)


def mask(norm: str, spans: list[tuple[str, int, int]]) -> str:
    """Blank the given spans (keeping newlines and length)."""
    if not spans:
        return norm
    chars = list(norm)
    for _, start, end in spans:
        _blank(chars, start, end)
    return "".join(chars)
