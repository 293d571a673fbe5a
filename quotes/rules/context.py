"""What every rule sees of one document: the text and its geometry, the cues found in it,
and the quotations found so far (the only state rules share, changed only through
:class:`Found`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

import regex

from quotes.lexicon import CueEntry, Lexicon
from quotes.marks import ALL_MARKS, angle_matches, find_closer, quoted_intervals
from quotes.morphology import is_definite
from quotes.speakers import MentionSpan
from quotes.tokens import GLUED_FULL_STOP, SENTENCE_END, iter_tokens

MAX_SCAN = 3000          # no rule looks further than this from where it stands (bounded time)
MAX_SENTENCE = 1000
MAX_REGION_WORDS = 30     # words between a cue and what it introduces
MAX_MENTION_WORDS = 14
MAX_PARTICIPLE_REGION_WORDS = 6  # «مضيفا في هذا السياق أن»; a longer stretch is an object
MAX_NOMINAL_REGION_WORDS = 10  # «وفق/بحسب X فإن»: X is short
MAX_MARKS_REGION_WORDS = 16  # «قال X في Y "…"»: a longer stretch before the mark is not a mention
MAX_NAME_IN_MARKS = 3     # marks around ≤ 3 words inside an intro region are a name
SENT_END = regex.compile(rf"[{''.join(sorted(ALL_MARKS))}]|{SENTENCE_END}(?=\s|$)|{GLUED_FULL_STOP}")
GAP_AFTER_QUOTE = regex.compile(r"[ \t]*[،,]?[ \t]*")
LETTER = regex.compile(r"\p{L}")
WORD_AT = regex.compile(r"[\p{L}\p{N}]+")
STRIP_TAIL = " \t\r\n.،,:;؛!?؟-–—"
_CODE = regex.compile(r"\p{N}|[A-Za-z]")
_SENT_BOUND = regex.compile(rf"{SENTENCE_END}(?=\s)|{GLUED_FULL_STOP}")
_CLAUSE_OPENER = regex.compile(r"(?:^|[\n.!?؟،,؛;:])[ \t]*$")


def _opens_clause_at(w: str, pos: int) -> bool:
    """Does a sentence or a clause open at ``pos`` (after the start, a line break, a full stop,
    a comma, a semicolon or a colon)?"""
    return _CLAUSE_OPENER.search(w, max(0, pos - 20), pos) is not None


def _coordinated_after(w: str, pos: int, lex: Lexicon) -> bool:
    """Does a second member joined by و follow ``pos`` before a complementizer («وبين ترمب
    وبوتين»: between two, not a speaker)?"""
    for k, t in enumerate(iter_tokens(w, pos, min(len(w), pos + 200))):
        if t.kind != "w" or k > 10 or t.text in lex.complementizers:
            return False
        if k and t.text[:1] == "و" and len(t.text) > 3 and (is_definite(t.text[1:]) or t.text[1:] in lex.given_names):
            return True
    return False


def word_before(w: str, pos: int) -> str:
    """The word right before ``pos`` (only white space between), or ''."""
    head = w[max(0, pos - 30):pos]
    if not head or not head[-1].isspace():
        return ""
    head = head.rstrip()
    k = len(head)
    while k and (head[k - 1].isalnum() or head[k - 1] == "_"):
        k -= 1
    return head[k:]


_WORD_AFTER = regex.compile(r"[ \t]+(\w+)")


def _in_noun_phrase(w: str, start: int, end: int) -> bool:
    """Is the word at ``start:end``, behind و, between two definite words with nothing else
    between them («للتدريب ونقل التكنولوجيا»)? Then it is a verbal noun in a list of nouns."""
    before = word_before(w, start)
    after = _WORD_AFTER.match(w, end)
    return is_definite(before) and after is not None \
        and is_definite(after.group(1)) and len(after.group(1)) > 3


class Intervals:
    """Half-open intervals, mostly added in text order, with quick look-ups near a point."""

    __slots__ = ("starts", "ends", "longest")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Does any interval share a character with ``[start, end)``?"""
        i = bisect_left(self.starts, end)
        j = bisect_left(self.starts, start - self.longest)
        return any(self.ends[k] > start and self.starts[k] < end for k in range(j, i))

    def contains(self, pos: int) -> bool:
        return self.overlaps(pos, pos + 1)


@dataclass(slots=True)
class Cue:
    """A reporting cue found in the text (normalised offsets, clitic included)."""

    start: int
    end: int                # after any complement that belongs to the cue
    entry: CueEntry
    clitic: str
    complement: str = ""
    used: bool = False


@dataclass(slots=True)
class Candidate:
    """A quotation a rule found, before its speaker is resolved (normalised offsets)."""

    type: str
    start: int
    end: int
    cue_start: int
    cue_end: int
    entry: CueEntry
    rule: str
    mention: MentionSpan | None = None
    intro_end: int = 0


class TextView:
    """The masked, normalised text with its paragraphs, sentences and paired marks."""

    def __init__(self, w: str):
        self.w = w
        self._pairs: list[tuple[int, int]] | None = None  # quoted stretches, computed when needed
        self._pair_starts: list[int] = []
        self._closer_of: dict[int, int] = {}
        self._angle_closer: dict[int, int | None] = {}

    def para_end(self, pos: int) -> int:
        """End of the paragraph holding ``pos``, or of the scan window if that comes first."""
        limit = min(len(self.w), pos + MAX_SCAN)
        e = self.w.find("\n", pos, limit)
        return limit if e < 0 else e

    def para_start(self, pos: int) -> int:
        """Start of the paragraph holding ``pos``, or of the scan window."""
        return self.w.rfind("\n", max(0, pos - MAX_SCAN), pos) + 1 or max(0, pos - MAX_SCAN)

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding ``pos`` (after the last . ! ? or newline)."""
        ps = max(self.para_start(pos), pos - MAX_SENTENCE)
        best = ps
        for m in _SENT_BOUND.finditer(self.w, ps, pos):
            best = m.end()
        return best

    def strip(self, start: int, end: int, tail: str = STRIP_TAIL) -> tuple[int, int]:
        """Trim white space (any kind, no-break space included) and the ``tail`` characters."""
        w = self.w
        while start < end and w[start].isspace():
            start += 1
        while end > start and (w[end - 1].isspace() or w[end - 1] in tail):
            end -= 1
        return start, end

    def _pairing(self) -> list[tuple[int, int]]:
        if self._pairs is None:
            self._pairs = quoted_intervals(self.w)
            self._pair_starts = [p[0] for p in self._pairs]
            self._closer_of = dict(self._pairs)
            self._angle_closer = angle_matches(self.w)
        return self._pairs

    def closer(self, opener: int, limit: int) -> int | None:
        """The mark closing the one at ``opener`` before ``limit`` (see :func:`find_closer`)."""
        self._pairing()
        c = self._closer_of.get(opener)
        if c is not None:
            return c if c < limit else None
        if opener in self._angle_closer and limit <= self.para_end(opener):
            c = self._angle_closer[opener]  # nested angle marks, matched once for the document
            return c if c is not None and c < limit else None
        return find_closer(self.w, opener, limit)

    def inside_marks(self, pos: int) -> bool:
        """Is ``pos`` between an opening and a closing mark of its paragraph?"""
        pairs = self._pairing()
        i = bisect_right(self._pair_starts, pos) - 1
        return i >= 0 and pairs[i][0] < pos <= pairs[i][1]


class CueIndex:
    """Every cue of the text, found with the lexicon's one compiled pattern."""

    def __init__(self, w: str, lex: Lexicon):
        self.all = self._find(w, lex)
        self.starts = [c.start for c in self.all]

    @staticmethod
    def _find(w: str, lex: Lexicon) -> list[Cue]:
        out = []
        for m in lex.cue_re.finditer(w):
            form = m.group("form")
            key = form if form in lex.cues else " ".join(form.split())  # any white space between words
            if key in lex.classes.opening_cue and not (
                    m.group("clitic") and _opens_clause_at(w, m.start()) and not _coordinated_after(w, m.end(), lex)):
                continue  # «وبين مدير التعليم … أن», not «بين الطرفين», «وبين زعيمي الكوريتين وحلفائهما»
            if not m.group("clitic") and word_before(w, m.start()) in lex.classes.negated_noun:
                continue  # «فضل عدم كشف هويته»: a verbal noun, not a cue
            if m.group("clitic") == "و" and lex.cues[key].frame == "relay" and _in_noun_phrase(w, m.start(), m.end()):
                continue  # «مركز التدريب ونقل التكنولوجيا»: a verbal noun joined to a definite noun
            entry = lex.cues[key]
            end = m.end()
            matched = ""
            comp_re = lex.complement_re.get(key)
            if comp_re is not None:
                cm = comp_re.match(w, end)
                if cm:
                    matched = " ".join(cm.group().split())
                    end = cm.end()
            out.append(Cue(m.start(), end, entry, m.group("clitic"), matched))
        return out

    def at(self, pos: int) -> Cue | None:
        i = bisect_left(self.starts, pos)
        if i < len(self.all) and self.all[i].start == pos:
            return self.all[i]
        return None

    def between(self, start: int, end: int) -> list[Cue]:
        return self.all[bisect_left(self.starts, start):bisect_left(self.starts, end)]


class Found:
    """The quotations found so far, the text they cover and the cue regions they used."""

    def __init__(self) -> None:
        self.quotes: list[Candidate] = []
        self.spans = Intervals()        # content spans
        self.ends: list[int] = []       # their ends, sorted
        self.claimed = Intervals()      # cue + intro regions already used
        self.quoted = Intervals()       # contents of closed direct quotations: their speaker's own words

    def add(self, q: Candidate) -> None:
        self.quotes.append(q)
        insort(self.ends, q.end)
        self.spans.add(q.start, q.end)
        self.claimed.add(q.cue_start, max(q.cue_end, q.intro_end))
        if q.type == "direct" and not q.rule.endswith("_unclosed"):
            self.quoted.add(q.start, q.end)

    def distinct(self) -> list[Candidate]:
        """In text order, one quotation per content span (the first cue's)."""
        seen: set[tuple[int, int]] = set()
        out = []
        for q in sorted(self.quotes, key=lambda q: (q.start, q.cue_start)):
            if (q.start, q.end) in seen or q.end <= q.start:
                continue
            seen.add((q.start, q.end))
            out.append(q)
        return out


@dataclass
class DocumentContext:
    """One document as the rules see it."""

    w: str
    lex: Lexicon
    view: TextView = field(init=False)
    cues: CueIndex = field(init=False)
    found: Found = field(default_factory=Found)

    def __post_init__(self) -> None:
        self.view = TextView(self.w)
        self.cues = CueIndex(self.w, self.lex)


def count_words(text: str, start: int, end: int, at_most: int) -> int:
    """How many words ``text[start:end]`` holds, counting no further than ``at_most``."""
    n = 0
    for _ in WORD_AT.finditer(text, start, end):
        n += 1
        if n >= at_most:
            break
    return n


def looks_like_code(inner: str) -> bool:
    """Marks around a code or number (“ستارت-3”, "S-400") name a thing."""
    return bool(_CODE.search(inner)) and len(inner.split()) <= 2
