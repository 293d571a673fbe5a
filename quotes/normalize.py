"""One Arabic normaliser for every stage (extraction, stance, speaker resolution).

Normalisation unifies alef-hamza forms (أ إ آ ٱ → ا), alef maqsura (ى → ي, except in the
preposition «على», which stays apart from the name «علي»), ta marbuta (ة → ه),
Persian/Urdu look-alikes (ی ک), every in-line white space (no-break, thin, ideographic
spaces, tabs, a hashtag's underscores → one plain space each) and line separators (→
newline), folds presentation forms to base letters, and removes diacritics, tatweel and
invisible direction marks and joiners. :class:`NormText` keeps the map back to the
original offsets, so rules run on the normalised text and every span is reported in the
original.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache

import regex

_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ي": "ي",
    "ة": "ه", "ک": "ك",
    # every kind of white space inside a line reads as a plain space, every line or
    # paragraph separator as a newline (one character for one, so offsets stay exact)
    **{c: " " for c in "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                       "\u202f\u205f\u3000"},
    **{c: "\n" for c in "\x0b\x0c\x85\u2028\u2029"},
    "_": " ",  # the words of a hashtag («#أحمد_بن_دغر») are words, found like any other
})
# The preposition «على» (alone or behind و/ف) keeps its alef maqsura: folded to ي it would be
# the given name «علي», the commonest in the corpora («محمد علي النقي», «وقال علي الشهري»).
# Writers who spell one like the other are rare (SaudiNewsNet: «علي» 615 times, about one in
# ten a preposition; «على» 20,008 times, a name a handful of times).
_ALA = regex.compile(r"(?<![\p{L}\p{M}])[وف]?على(?![\p{L}\p{M}])")


# the same map as replacements: str.replace runs at memory speed, str.translate with a dict looks
# every character up (12× slower on Arabic text; 4% of extraction)
_REPLACEMENTS = tuple((chr(k), v) for k, v in _LETTERS.items() if chr(k) != v)


def _letters(folded: str) -> str:
    """``folded`` with its letters unified (one character for one)."""
    out = folded
    for old, new in _REPLACEMENTS:
        if old in out:
            out = out.replace(old, new)
    if "على" not in folded:
        return out
    parts, last = [], 0
    for m in _ALA.finditer(folded):
        parts.append(out[last:m.end() - 1])
        parts.append("ى")
        last = m.end()
    parts.append(out[last:])
    return "".join(parts)


# Diacritics (harakat, tanween, shadda, sukun, Quranic marks), tatweel, and format
# characters (LRM/RLM, embeddings, isolates, ZWJ/ZWNJ, BOM).
REMOVED = regex.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\p{Cf}]+")


# Arabic presentation forms (PDF-derived text): folded to base letters (NFKC), so «ﻗﺎﻝ»
# reads as «قال»; a ligature («ﻻ», «ﷲ») becomes several letters.
_PRESENTATION = regex.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")
_SPECIAL = regex.compile(rf"{REMOVED.pattern}|{_PRESENTATION.pattern}+")


def fold(text: str) -> str:
    """``text`` without diacritics, tatweel and invisible marks, and with presentation
    forms folded to base letters, but letters otherwise as written (for display)."""
    return _SPECIAL.sub(lambda m: "".join(map(_fold, m.group())), text)


def normalize(text: str) -> str:
    """Return the normalised form of ``text`` (see :class:`NormText` for the offsets)."""
    return _letters(fold(text))


@lru_cache(maxsize=1024)
def _fold(ch: str) -> str:
    """What a removed mark or a presentation form becomes in the normalised text."""
    if REMOVED.fullmatch(ch):
        return ""
    return REMOVED.sub("", unicodedata.normalize("NFKC", ch)).strip()


class NormText:
    """The normalised form of a text with the map back to original offsets.

    ``norm`` is what rules read. :meth:`to_orig` turns a normalised offset into the
    original one: a start maps to the character itself, an end (exclusive) maps past
    any removed marks attached to the last character, and past the whole of a ligature
    that was unfolded into several letters.
    """

    __slots__ = ("orig", "norm", "_norm_at", "_orig_at")

    def __init__(self, orig: str):
        self.orig = orig
        # anchors: normalised offset -> original offset, at every place the lengths diverge
        norm_at: list[int] = []
        orig_at: list[int] = []
        parts: list[str] = []
        kept = 0
        last = 0
        for m in _SPECIAL.finditer(orig):
            start, end = m.span()
            parts.append(orig[last:start])
            kept += start - last
            # a run of removed marks is one span of nothing; presentation forms go one by one
            pieces = [(start, end, "")] if REMOVED.fullmatch(m.group()) else \
                [(i, i + 1, _fold(orig[i])) for i in range(start, end)]
            for s, e, folded in pieces:
                norm_at.append(kept)
                orig_at.append(s)
                parts.append(folded)
                kept += len(folded)
                norm_at.append(kept)
                orig_at.append(e)
            last = end
        if norm_at:
            parts.append(orig[last:])
            self.norm = _letters("".join(parts))
        else:
            self.norm = _letters(orig)
        self._norm_at = norm_at  # str.translate maps one character to exactly one
        self._orig_at = orig_at

    def to_orig(self, n: int) -> int:
        """Original offset of the normalised offset ``n`` (0 ≤ n ≤ len(norm)).

        Marks removed just before character ``n`` belong to the character before it, so
        a start lands on the character itself and an end lands after those marks.
        """
        if not self._norm_at:
            return n
        k = bisect_right(self._norm_at, n) - 1
        if k < 0:
            return n
        if k % 2 == 0 and n > self._norm_at[k]:
            return self._orig_at[k + 1]  # inside an unfolded ligature: past all of it
        return self._orig_at[k] + (n - self._norm_at[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``."""
        return self.to_orig(start), self.to_orig(end)
