"""One Arabic normaliser for every stage (extraction, stance, speaker resolution).

Normalisation unifies alef-hamza forms (أ إ آ ٱ → ا), alef maqsura (ى → ي), ta marbuta
(ة → ه), Persian/Urdu look-alikes (ی ک), every in-line white space (no-break, thin,
ideographic spaces, tabs → one plain space each) and line separators (→ newline), and
removes diacritics, tatweel and invisible direction marks and joiners. :class:`NormText` keeps the map back to the original offsets, so rules
run on the normalised text and every span is reported in the original text.
"""

from __future__ import annotations

from bisect import bisect_right

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
})
# Diacritics (harakat, tanween, shadda, sukun, Quranic marks), tatweel, and format
# characters (LRM/RLM, embeddings, isolates, ZWJ/ZWNJ, BOM).
REMOVED = regex.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\p{Cf}]+")


def normalize(text: str) -> str:
    """Return the normalised form of ``text`` (shorter when marks were removed)."""
    return REMOVED.sub("", text).translate(_LETTERS)


class NormText:
    """The normalised form of a text with the map back to original offsets.

    ``norm`` is what rules read. :meth:`to_orig` turns a normalised offset into the
    original one: a start maps to the character itself, an end (exclusive) maps past
    any removed marks attached to the last character.
    """

    __slots__ = ("orig", "norm", "_removed_at")

    def __init__(self, orig: str):
        self.orig = orig
        removed_at: list[int] = []  # normalised index before which each removed run sits
        kept = 0
        parts: list[str] = []
        last = 0
        for m in REMOVED.finditer(orig):
            start, end = m.span()
            parts.append(orig[last:start])
            kept += start - last
            removed_at.extend([kept] * (end - start))
            last = end
        if removed_at:
            parts.append(orig[last:])
            self.norm = "".join(parts).translate(_LETTERS)
        else:
            self.norm = orig.translate(_LETTERS)
        self._removed_at = removed_at  # str.translate maps one character to exactly one

    def to_orig(self, n: int) -> int:
        """Original offset of the normalised offset ``n`` (0 ≤ n ≤ len(norm)).

        Marks removed just before character ``n`` belong to the character before it, so
        a start lands on the character itself and an end lands after those marks.
        """
        if not self._removed_at:
            return n
        return n + bisect_right(self._removed_at, n)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``."""
        return self.to_orig(start), self.to_orig(end)
