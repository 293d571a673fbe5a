"""Quotation marks: which characters they are, and where a quoted stretch closes.

Real news text mixes mark styles, swaps “ and ” (a right-to-left habit), drops one mark
of a pair, and runs quotes over several paragraphs. These helpers never raise on
unbalanced marks: they recover the most likely stretch instead.
"""

from __future__ import annotations

import regex

# “ ” " „ ‟ ″ behave as one symmetric family: any of them opens or closes.
SYMMETRIC = frozenset('"“”„‟″')
ANGLE_CLOSER = {"«": "»", "‹": "›"}
ALL_MARKS = SYMMETRIC | frozenset("«»‹›")
OPENERS = SYMMETRIC | frozenset(ANGLE_CLOSER)  # a » or › never opens a quotation
MARK_CLASS = '"“”„‟″«»‹›'
MARK_RE = regex.compile(f"[{MARK_CLASS}]")
_MARK_OR_NL = regex.compile(f"[{MARK_CLASS}\\n]")


def family(ch: str) -> str:
    """A key shared by the marks that can close each other."""
    if ch in SYMMETRIC:
        return '"'
    return "«" if ch in "«»" else "‹"


def find_closer(text: str, opener: int, limit: int) -> int | None:
    """Index of the mark that closes the one at ``opener``, searching up to ``limit``.

    Angle marks nest (« … « … » … »); a symmetric mark closes at the next symmetric mark
    unless that one opens a short nested quotation (see :func:`nested_closer`).
    Returns ``None`` when no closer stands before ``limit``.
    """
    ch = text[opener]
    if ch not in OPENERS:
        return None
    if ch in SYMMETRIC:
        skip_to = -1
        for m in MARK_RE.finditer(text, opener + 1, limit):
            if m.group() in SYMMETRIC and m.start() > skip_to:
                inner = nested_closer(text, m.start(), limit)
                if inner is None:
                    return m.start()
                skip_to = inner
        return None
    closer = ANGLE_CLOSER[ch]
    depth = 0
    for m in MARK_RE.finditer(text, opener + 1, limit):
        c = m.group()
        if c == ch:
            depth += 1
        elif c == closer:
            if depth == 0:
                return m.start()
            depth -= 1
    return None


NESTED_WINDOW = 80  # a quotation nested in another is a short phrase (a name, a term)


def nested_closer(text: str, i: int, limit: int) -> int | None:
    """Inside a quotation, does the symmetric mark at ``i`` open a short nested one? Then the
    index of the mark closing it. A nested opener stands after white space and before a
    letter, and its closer, the next mark within :data:`NESTED_WINDOW` characters, after a
    word and before white space or punctuation («"… في تخصص "تربية خاصة" لهذا العام"»)."""
    if not (0 < i < len(text) - 1 and text[i - 1] in " \t(" and text[i + 1].isalnum()):
        return None
    m = MARK_RE.search(text, i + 1, min(limit, i + NESTED_WINDOW))
    if m is None or m.group() not in SYMMETRIC:
        return None
    j = m.start()
    after = text[j + 1:j + 2]
    return j if not text[j - 1].isspace() and (not after or not after.isalnum()) else None


def count_family(text: str, start: int, end: int, fam: str) -> int:
    """How many marks of family ``fam`` stand in ``text[start:end]``."""
    return sum(1 for m in MARK_RE.finditer(text, start, end) if family(m.group()) == fam)


def quoted_intervals(text: str) -> list[tuple[int, int]]:
    """Top-level ``(opener, closer)`` pairs of the whole text, paragraph by paragraph.

    One left-to-right pass: a symmetric mark closes the open symmetric quote unless it
    opens a short nested one, angle marks nest, and a quote left open at a paragraph end
    is dropped (it pairs with nothing).
    """
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    open_ch = ""
    depth = 0          # angle marks opened inside the open angle quote
    nested_end = -1    # the closer of a short quotation nested in the open symmetric one
    for m in _MARK_OR_NL.finditer(text):
        c = m.group()
        if c == "\n":
            open_at, depth = None, 0
            continue
        if open_at is None:
            if c in OPENERS:
                open_at, open_ch, depth = m.start(), c, 0
            continue
        if open_ch in SYMMETRIC:
            if c in SYMMETRIC and m.start() > nested_end:
                inner = nested_closer(text, m.start(), len(text))
                if inner is not None and "\n" not in text[m.start():inner]:
                    nested_end = inner
                else:
                    out.append((open_at, m.start()))
                    open_at = None
        elif c == open_ch:
            depth += 1
        elif c == ANGLE_CLOSER[open_ch]:
            if depth == 0:
                out.append((open_at, m.start()))
                open_at = None
            else:
                depth -= 1
    return out


def angle_matches(text: str) -> dict[int, int | None]:
    """The closer of every angle opening mark (« ‹), nested ones included, paragraph by
    paragraph: ``{opener: closer}``, ``None`` for one that no mark of its paragraph closes.

    One pass with a stack per family, so a flood of marks costs linear time; the result
    equals :func:`find_closer` for each opener with its paragraph end as the limit.
    """
    out: dict[int, int | None] = {}
    stacks: dict[str, list[int]] = {"«": [], "‹": []}
    for m in _MARK_OR_NL.finditer(text):
        c = m.group()
        if c == "\n":
            for stack in stacks.values():
                stack.clear()
        elif c in stacks:
            out[m.start()] = None
            stacks[c].append(m.start())
        elif c in ("»", "›"):
            stack = stacks["«" if c == "»" else "‹"]
            if stack:
                out[stack.pop()] = m.start()
    return out
