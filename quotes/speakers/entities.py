"""Speakers as entities of one article: the quotations whose resolved names are the same
person or body share a ``speaker_id`` (``s1``, ``s2`` … in order of first quotation).

Two names are one entity when the words of one are all words of the other, after
normalisation: «تركي المالكي», «العقيد الركن تركي المالكي» and «المالكي» are one; «دميتري
بيسكوف» and «ماريا زاخاروفا» are two. A shorter name joins the entity it was first matched
with, so «المالكي» after «تركي المالكي» and «نوري المالكي» goes to the one it met first in
the article: that is the speaker the resolver had in focus.
"""

from __future__ import annotations

from typing import Sequence


def speaker_ids(keys: Sequence[str | None]) -> list[str | None]:
    """The entity id of each speaker key (None for a quotation without a speaker)."""
    names: list[list[set[str]]] = []  # the word sets of the names each entity was given
    out: list[str | None] = []
    for key in keys:
        if not key:
            out.append(None)
            continue
        words = set(key.split())
        found = next((n for n, given in enumerate(names) if any(words <= g or g <= words for g in given)), None)
        if found is None:
            found = len(names)
            names.append([])
        names[found].append(words)
        out.append(f"s{found + 1}")
    return out
