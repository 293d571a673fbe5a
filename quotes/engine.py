"""The rule engine: find every quotation of a document and attribute it.

The engine reads the normalised, boilerplate-masked text (:mod:`quotes.normalize`,
:mod:`quotes.boilerplate`), finds reporting cues with one compiled pattern built from
``resources/cues.tsv``, and lets each cue's *frame* decide what it introduces:

==========================  ==============================================================
rule                        what it recognises
==========================  ==============================================================
``cue_complementizer``      cue [speaker] أن/إن/بأن/فإن … clause (indirect or mixed)
``clause_in_marks``         cue [speaker] إن "…" : the whole clause in marks (direct)
``cue_marks``               cue [speaker] "…" : marks right after the cue (direct)
``cue_colon_marks``         cue [speaker]: "…" (direct)
``cue_colon_missing_open``  cue [speaker]: … ” : the opening mark is missing (direct)
``cue_colon_unmarked``      cue [speaker]: … with no marks (indirect)
``relay``                   نقلت وكالة X عن Y قوله … : Y speaks, X only relays
``nominal_postposed``       … ، حسبما ذكر / بحسب / وفقا لـ Y. (content before the cue)
``attributive_postposed``   … ، على حد تعبيره. (content before the cue, speaker implied)
``direct_postposed_cue``    "…" ، قال Y. (cue after the quote)
==========================  ==============================================================

A ``_unclosed`` suffix says a closing mark was missing and the quote ended at the end of
its paragraph (or ran on through paragraphs that reopen the quote). Speaker mentions and
names are resolved in :mod:`quotes.speakers`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from typing import Any, Protocol

import regex

from quotes.boilerplate import boilerplate_spans, mask
from quotes.lexicon import CueEntry, Lexicon, load_lexicon
from quotes.marks import ALL_MARKS, MARK_RE, OPENERS, angle_matches, count_family, family, find_closer, quoted_intervals
from quotes.normalize import NormText
from quotes.record import Document, Quotation
from quotes.speakers import PATRONYMIC, MentionSpan, SpeakerResolver, is_definite, strip_definite
from quotes.tokens import Tok, iter_tokens, tokens, words
from quotes.version import ENGINE_VERSION

MAX_SCAN = 3000          # no rule looks further than this from where it stands (bounded time)
MAX_SENTENCE = 1000
MAX_REGION_WORDS = 30     # words between a cue and what it introduces
MAX_MENTION_WORDS = 14
MAX_PARTICIPLE_REGION_WORDS = 6  # «مضيفا في هذا السياق أن»; a longer stretch is an object
MAX_NOMINAL_REGION_WORDS = 10  # «وفق/بحسب X فإن»: X is short
MAX_MARKS_REGION_WORDS = 16  # «قال X في Y "…"»: a longer stretch before the mark is not a mention
MAX_NAME_IN_MARKS = 3     # marks around ≤ 3 words inside an intro region are a name
_SENT_END = regex.compile(rf"[{''.join(sorted(ALL_MARKS))}]|[.!?؟]+(?=\s|$)")
_GAP_AFTER_QUOTE = regex.compile(r"[ \t]*[،,]?[ \t]*")
_CODE = regex.compile(r"\p{N}|[A-Za-z]")
_LETTER = regex.compile(r"\p{L}")
WORD_AT = regex.compile(r"[\p{L}\p{N}]+")
_SENT_BOUND = regex.compile(r"[.!?؟]+(?=\s)")
_STRIP_TAIL = " \t\r\n.،,:;؛!?؟-–—"
_QUANTIFIERS = frozenset({"عدد", "بعض", "احد", "احدي", "مجموعه", "معظم", "غالبيه", "كثير"})
_PRONOUN_OBJECTS = frozenset({"لي", "لنا", "له", "لها", "لهم", "لهما", "لك", "لكم"})  # «قال لي …»
_KAN = frozenset({"كان", "وكان", "كانت", "وكانت", "كانوا", "وكانوا"})
_QAWL = frozenset({"قوله", "قولها", "قولهم", "قولهما"})
_CLOSER_LIKE = frozenset('”»›"″“')


class _Intervals:
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
class _Cue:
    start: int              # normalised offsets, clitic included
    end: int                # after any complement that belongs to the cue
    entry: CueEntry
    clitic: str
    complement: str = ""
    used: bool = False


@dataclass(slots=True)
class _Quote:
    type: str
    start: int
    end: int
    cue_start: int
    cue_end: int
    entry: CueEntry
    rule: str
    mention: MentionSpan | None = None
    intro_end: int = 0


class _DocumentRules:
    """Applies the rules to one document (normalised offsets throughout)."""

    def __init__(self, w: str, lex: Lexicon):
        self.w = w
        self.lex = lex
        self.cues = self._find_cues()
        self.cue_starts = [c.start for c in self.cues]
        self.quotes: list[_Quote] = []
        self.quote_spans = _Intervals()  # content spans found so far
        self.quote_ends: list[int] = []  # their ends, sorted
        self.claimed = _Intervals()      # cue + intro regions already used
        self._pairs: list[tuple[int, int]] | None = None  # quoted stretches, computed when needed
        self._pair_starts: list[int] = []
        self._closer_of: dict[int, int] = {}
        self._angle_closer: dict[int, int | None] = {}

    # -- cues -------------------------------------------------------------------------
    def _find_cues(self) -> list[_Cue]:
        out = []
        w = self.w
        lex = self.lex
        for m in lex.cue_re.finditer(w):
            form = m.group("form")
            key = form if form in lex.cues else " ".join(form.split())  # any white space between words
            entry = lex.cues[key]
            end = m.end()
            matched = ""
            comp_re = lex.complement_re.get(key)
            if comp_re is not None:
                cm = comp_re.match(w, end)
                if cm:
                    matched = " ".join(cm.group().split())
                    end = cm.end()
            out.append(_Cue(m.start(), end, entry, m.group("clitic"), matched))
        return out

    def _cue_at(self, pos: int) -> _Cue | None:
        i = bisect_left(self.cue_starts, pos)
        if i < len(self.cues) and self.cues[i].start == pos:
            return self.cues[i]
        return None

    def _cues_between(self, start: int, end: int) -> list[_Cue]:
        return self.cues[bisect_left(self.cue_starts, start):bisect_left(self.cue_starts, end)]

    def _is_claimed(self, pos: int) -> bool:
        return self.claimed.contains(pos)

    # -- text geometry ----------------------------------------------------------------
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

    def strip(self, start: int, end: int, tail: str = _STRIP_TAIL) -> tuple[int, int]:
        """Trim white space (any kind, no-break space included) and the ``tail`` characters."""
        w = self.w
        while start < end and w[start].isspace():
            start += 1
        while end > start and (w[end - 1].isspace() or w[end - 1] in tail):
            end -= 1
        return start, end

    # -- running ----------------------------------------------------------------------
    def run(self) -> list[_Quote]:
        for cue in self.cues:
            if self._is_claimed(cue.start):
                continue
            frame = cue.entry.frame
            if cue.entry.opens and cue.complement:
                q = self._reported_clause(cue, cue.start, cue.end, None, "cue_complement_opens")
            elif frame == "relay":
                q = self._relay(cue)
            elif frame == "attributive":
                q = self._attributive(cue)
            else:
                q = self._introduced(cue, cue.end, None)
            if q is not None and q.mention is None and self._inside_quote(q.cue_start):
                q = None  # the same speaker going on inside their own quotation («… أنه يتوقع أن …»)
            if q is not None:
                cue.used = True
                self._add(q)
        self._postposed_cues()
        return self._dedupe()

    def _inside_quote(self, pos: int) -> bool:
        return self.quote_spans.contains(pos)

    def _add(self, q: _Quote) -> None:
        self.quotes.append(q)
        insort(self.quote_ends, q.end)
        self.quote_spans.add(q.start, q.end)
        self.claimed.add(q.cue_start, max(q.cue_end, q.intro_end))

    def _dedupe(self) -> list[_Quote]:
        seen: set[tuple[int, int]] = set()
        out = []
        for q in sorted(self.quotes, key=lambda q: (q.start, q.cue_start)):
            if (q.start, q.end) in seen or q.end <= q.start:
                continue
            seen.add((q.start, q.end))
            out.append(q)
        return out

    # -- what a cue introduces --------------------------------------------------------
    def _introduced(self, cue: _Cue, pos: int, mention: MentionSpan | None) -> _Quote | None:
        """Scan after a cue for a complementizer, a colon or an opening mark."""
        w, lex = self.w, self.lex
        limit = min(self.para_end(pos), pos + 1500)
        region: list[Tok] = []
        n_words = 0
        skip_to = -1
        cs = cue.start
        for t in iter_tokens(w, pos, limit):
            if t.start <= skip_to:
                continue
            if t.kind == "w":
                n_words += 1
                if n_words > (MAX_PARTICIPLE_REGION_WORDS if cue.entry.frame == "participle" else MAX_REGION_WORDS):
                    return None
                if t.text in lex.complementizers and t.text != "وان" and self._opens_clause(cue, region):
                    mention = mention or self._mention(cue, region)
                    if cue.entry.frame == "nominal" and (mention is None or n_words > MAX_NOMINAL_REGION_WORDS
                                                         or not self._is_source(mention)):
                        return None  # «وفق ما قامت به الأمانة … فإن» is no attribution
                    return self._reported_clause(cue, cs, t.end, mention, "cue_complementizer")
                other = self._cue_at(t.start)
                if other is not None and other is not cue:
                    if other.entry.frame == "channel":  # «قال الكرملين في بيان، إن»
                        self.claimed.add(other.start, other.end)
                    else:
                        return self._nothing_introduced(cue, region)
                region.append(t)
            elif t.kind == "colon":
                return self._after_colon(cue, cs, t.end, mention or self._mention(cue, region))
            elif t.kind == "q":
                if t.text not in OPENERS:
                    return self._nothing_introduced(cue, region)
                closer = self.closer(t.start, self.para_end(t.start))
                inner = _count_words(w, t.start + 1, closer, MAX_NAME_IN_MARKS + 1) if closer is not None else 99
                follows = closer is not None and self._region_goes_on(closer + 1)
                if inner <= MAX_NAME_IN_MARKS and follows:
                    region.extend(tokens(w, t.start, closer + 1))
                    skip_to = closer
                    continue
                if cue.entry.frame == "nominal" or n_words > MAX_MARKS_REGION_WORDS:
                    return None
                mention = mention or self._mention(cue, region)
                if mention is not None and n_words > 1 and not self._is_source(mention):
                    return None  # «رفض قبولنا باعتبارنا تربويين "…"»: marks after an object
                return self._direct(cue, cs, t.start, mention, "cue_marks")
            elif t.kind == "end":
                return self._nothing_introduced(cue, region)
            else:
                region.append(t)
        return self._nothing_introduced(cue, region)

    def _nothing_introduced(self, cue: _Cue, region: list[Tok]) -> _Quote | None:
        """No clause, colon or mark follows: only a nominal cue can still point back
        («…، حسبما ذكر مجلس الأمن»)."""
        return self._nominal_post(cue, region) if cue.entry.frame == "nominal" else None

    def _region_goes_on(self, pos: int) -> bool:
        """After a closing mark: does the intro region continue (a name in marks)?"""
        rest = self.w[pos:pos + 40].lstrip(" \t")
        return bool(rest) and rest[0] not in ".!?؟\n"  # «يقول الناشط لـ«الشرق الأوسط»: …»

    def _opens_clause(self, cue: _Cue, region: list[Tok]) -> bool:
        """A complementizer opens reported words unless a word before it binds it."""
        prev_words = [t for t in region if t.kind == "w"]
        if not prev_words:
            return True
        prev = prev_words[-1].text
        if prev in cue.entry.complements:
            return True
        return prev not in self.lex.not_complementizer_after

    def _reported_clause(self, cue: _Cue, cue_start: int, start: int, mention: MentionSpan | None,
                         rule: str) -> _Quote | None:
        w = self.w
        end = self._clause_end(start)
        s, e = self.strip(start, end)
        if e <= s or WORD_AT.search(w, s, e) is None:
            return None
        if w[s] in ALL_MARKS:
            closer = self.closer(s, self.para_end(s))
            tail = w[closer + 1:e].strip(_STRIP_TAIL) if closer is not None else None
            if closer is not None and not tail:
                return _Quote("direct", *self.strip(s + 1, closer, " \t\r\n"), cue_start, cue.end, cue.entry,
                              "clause_in_marks", mention, intro_end=s)
            if closer is None and count_family(w, s, e, family(w[s])) == 1:
                return _Quote("direct", *self.strip(s + 1, e), cue_start, cue.end, cue.entry,
                              "clause_in_marks_unclosed", mention, intro_end=s)
        qtype = "mixed" if self._has_quoted_fragment(s, e) else "indirect"
        return _Quote(qtype, s, e, cue_start, cue.end, cue.entry, rule, mention, intro_end=s)

    def _has_quoted_fragment(self, s: int, e: int) -> bool:
        """True when marks inside the clause quote words rather than name something."""
        w = self.w
        pos = s
        while True:
            m = MARK_RE.search(w, pos, e)
            if m is None:
                return False
            closer = self.closer(m.start(), e + 1)
            if closer is None:
                return False
            before = words(w, max(s, m.start() - 30), m.start())
            inner = w[m.start() + 1:closer]
            named = bool(before) and strip_definite(before[-1].text) in self.lex.naming_nouns
            if not named and inner.strip() and not _looks_like_code(inner):
                return True
            pos = closer + 1

    def _clause_end(self, start: int) -> int:
        """Where an indirect clause ends: sentence end outside marks, the next cue that
        starts a new statement, a clause breaker, or the paragraph end."""
        w = self.w
        end = self.para_end(start)
        for c in self._cues_between(start + 1, end):
            if self._breaks_clause(c):
                end = c.start
                break
            connective = self.lex.cue_connective_re.search(self.w, max(start, c.start - 16), c.start)
            if connective is not None and not self._inside_marks(c.start):
                end = connective.start()  # «…، حيث كشفت الدراسة أن»: the next cue's own statement
                break
        pos = start
        while True:
            m = _SENT_END.search(w, pos, end)
            if m is None:
                break
            if m.group()[0] in ALL_MARKS:
                closer = self.closer(m.start(), end)
                pos = (closer + 1) if closer is not None else m.end()
                continue
            end = m.start()
            break
        if self.lex.clause_breaker_re is not None:
            b = self.lex.clause_breaker_re.search(w, start, end)
            if b is not None:
                end = b.start()
        return end

    def _breaks_clause(self, c: _Cue) -> bool:
        """Does the cue ``c`` start a statement of its own, ending the clause before it?"""
        if self._inside_marks(c.start):
            return False
        if c.entry.frame in ("participle", "attributive"):
            return True
        before = self.w[max(0, c.start - 3):c.start].strip()
        return before.endswith(("،", ",", "؛", ";")) and self._introduces_soon(c)

    def _introduces_soon(self, c: _Cue) -> bool:
        """Is a complementizer, a colon or a mark within a few words after the cue? Without
        one, the verb belongs to the clause («المباحثات …، تؤكد على متانة الروابط»)."""
        n = 0
        for t in iter_tokens(self.w, c.end, min(self.para_end(c.end), c.end + 400)):
            if t.kind in ("colon", "q") or (t.kind == "w" and t.text in self.lex.complementizers):
                return True
            if t.kind == "end":
                return False
            if t.kind == "w":
                n += 1
                if n > MAX_MARKS_REGION_WORDS:
                    return False
        return False

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

    def _inside_marks(self, pos: int) -> bool:
        """Is ``pos`` between an opening and a closing mark of its paragraph?"""
        self._pairing()
        i = bisect_right(self._pair_starts, pos) - 1
        return i >= 0 and self._pairs[i][0] < pos <= self._pairs[i][1]

    def _after_colon(self, cue: _Cue, cue_start: int, k: int, mention: MentionSpan | None) -> _Quote | None:
        w = self.w
        j = k
        while j < len(w) and w[j] in " \t":
            j += 1
        if j < len(w) and w[j] == "\n":  # «وقال:» at a paragraph end, quote below
            jj = j
            while jj < len(w) and w[jj].isspace():
                jj += 1
            if jj < len(w) and w[jj] in OPENERS:
                j = jj
            else:
                return None
        if j >= len(w):
            return None
        if w[j] in OPENERS:
            return self._direct(cue, cue_start, j, mention, "cue_colon_marks")
        first = WORD_AT.match(w, j)
        if first is not None and first.group() in self.lex.complementizers:  # «وأضاف: أن …»
            j = first.end()
        pe = self.para_end(j)
        m = MARK_RE.search(w, j, pe)
        if m is not None and m.group() in _CLOSER_LIKE and count_family(w, j, pe, family(m.group())) % 2 == 1:
            s, e = self.strip(j, m.start(), " \t\r\n")
            if e > s:
                return _Quote("direct", s, e, cue_start, cue.end, cue.entry, "cue_colon_missing_open",
                              mention, intro_end=j)
        return self._reported_clause(cue, cue_start, j, mention, "cue_colon_unmarked")

    def _direct(self, cue: _Cue, cue_start: int, opener: int, mention: MentionSpan | None,
                rule: str) -> _Quote | None:
        """A quote that opens at ``opener``; it may close paragraphs later or not at all."""
        w = self.w
        fam = family(w[opener])
        pe = self.para_end(opener)
        closer = self.closer(opener, pe)
        s = opener + 1
        if closer is not None:
            e = closer
        else:
            rule += "_unclosed"
            e = pe
            while True:  # a quote may run on through paragraphs that reopen it
                nxt = pe
                while nxt < len(w) and w[nxt].isspace():
                    nxt += 1
                if nxt >= len(w) or w[nxt] not in ALL_MARKS or family(w[nxt]) != fam:
                    break
                npe = self.para_end(nxt)
                closer = self.closer(nxt, npe)
                if closer is not None:
                    e = closer
                    rule = rule.removesuffix("_unclosed")
                    break
                e = pe = npe
        s, e = self.strip(s, e, " \t\r\n" if closer is not None else _STRIP_TAIL)
        if e <= s or WORD_AT.search(w, s, e) is None:
            return None
        return _Quote("direct", s, e, cue_start, cue.end, cue.entry, rule, mention, intro_end=opener)

    # -- frames with their own shape ------------------------------------------------------
    def _relay(self, cue: _Cue) -> _Quote | None:
        """نقلت وكالة X عن Y قوله … : the speaker is Y; the cue runs to قوله."""
        w = self.w
        toks = tokens(w, cue.end, min(self.para_end(cue.end), cue.end + 400))
        an = None
        for k, t in enumerate(toks[:16]):
            if t.kind in ("end", "colon"):
                return None
            if t.kind == "w" and t.text == "عن":
                an = k
                break
        if an is None:
            return None
        spk: list[Tok] = []
        for t in toks[an + 1:an + 14]:
            if t.kind == "w" and t.text in _QAWL:
                mention = self._span_of(spk)
                return self._introduced_after(cue, t.end, mention)
            if t.kind == "w" and t.text in self.lex.complementizers:
                mention = self._span_of(spk)
                return self._reported_clause(cue, cue.start, t.end, mention, "relay")
            if t.kind == "colon":
                mention = self._span_of(spk)
                q = self._after_colon(cue, cue.start, t.end, mention)
                return self._relabel(q, "relay", spk[-1].end if spk else cue.end)
            if t.kind in ("end", "q"):
                return None
            spk.append(t)
        return None

    def _introduced_after(self, cue: _Cue, pos: int, mention: MentionSpan | None) -> _Quote | None:
        relay_cue = _Cue(cue.start, pos, cue.entry, cue.clitic)
        q = self._introduced(relay_cue, pos, mention)
        return self._relabel(q, "relay", pos)

    @staticmethod
    def _relabel(q: _Quote | None, rule: str, cue_end: int) -> _Quote | None:
        if q is None:
            return None
        q.rule = rule + ("_unclosed" if q.rule.endswith("_unclosed") else "")
        q.cue_end = cue_end
        return q

    def _attributive(self, cue: _Cue) -> _Quote | None:
        """…، على حد تعبيره. : the sentence before the cue, unless already a quotation."""
        return self._content_before(cue, None, "attributive_postposed")

    def _nominal_post(self, cue: _Cue, region: list[Tok]) -> _Quote | None:
        """…، حسبما ذكر مجلس الأمن الروسي. : the sentence before the cue."""
        mention = self._mention(cue, region)
        if mention is None or not self._is_source(mention):
            return None
        return self._content_before(cue, mention, "nominal_postposed")

    def _content_before(self, cue: _Cue, mention: MentionSpan | None, rule: str) -> _Quote | None:
        w = self.w
        ss = self.sentence_start(cue.start)
        if self.quote_spans.overlaps(cue.start - 3, cue.start + 1):
            return None
        s = ss
        head = w[s:cue.start]
        stripped = head.lstrip(" \t")
        s += len(head) - len(stripped)
        for opener in self.lex.discourse_openers:
            if stripped.startswith(opener) and not stripped[len(opener):len(opener) + 1].isalpha():
                s += len(opener)
                break
        while s < cue.start and (w[s].isspace() or w[s] in "،,"):
            s += 1
        s, e = self.strip(s, cue.start)
        if _count_words(w, s, e, 3) < 3:
            return None
        if self.quote_spans.overlaps(s, e):
            return None
        qtype = "mixed" if self._has_quoted_fragment(s, e) else "indirect"
        return _Quote(qtype, s, e, cue.start, cue.end, cue.entry, rule, mention, intro_end=cue.end)

    def _postposed_cues(self) -> None:
        """"…" ، قال Y. : a closed quote that no cue introduced, followed by a cue."""
        w = self.w
        for m in MARK_RE.finditer(w):
            o = m.start()
            if self.quote_spans.overlaps(o, o + 2) or self._is_claimed(o):
                continue
            closer = self.closer(o, self.para_end(o))
            if closer is None or _count_words(w, o + 1, closer, 4) < 4:
                continue
            after = _GAP_AFTER_QUOTE.match(w, closer + 1)
            cue = self._cue_at(after.end())
            if cue is None or cue.used or cue.entry.frame not in ("clause", "nominal"):
                continue
            end = self._clause_end(cue.end)
            region = tokens(w, cue.end, end)
            mention = self._mention(cue, region)
            s, e = self.strip(o + 1, closer, " \t\r\n")
            cue.used = True
            self._add(_Quote("direct", s, e, cue.start, cue.end, cue.entry, "direct_postposed_cue",
                             mention, intro_end=cue.end))

    # -- speaker mentions -------------------------------------------------------------
    @staticmethod
    def _span_of(toks: list[Tok]) -> MentionSpan | None:
        ws = [t for t in toks if t.kind in ("w", "q")]
        for k, t in enumerate(ws):
            if t.kind == "w" and not _LETTER.search(t.text):
                ws = ws[:k]  # a number is never part of who speaks («رأى 10.2% أن»)
                break
        while ws and ws[-1].kind == "q" and ws[0].kind != "q":
            ws.pop()
        if not [t for t in ws if t.kind == "w"]:
            return None
        return MentionSpan(ws[0].start, ws[-1].end)

    def _mention(self, cue: _Cue, region: list[Tok]) -> MentionSpan | None:
        """The speaker named after the cue, or else before it (SVO, «وكان X قد أشار»)."""
        if cue.entry.frame == "participle":
            return None
        span = self._cut_mention(self._skip_leading_channel(region))
        if span is None and cue.entry.frame in ("clause", "channel"):
            span = self._mention_before(cue)
        return span

    def clause_subject(self, cue_start: int) -> MentionSpan | None:
        """The subject of the clause a participle cue hangs on, for the speaker it implies:
        «وأثنى الحكم الدولي نبيل الشمردل على …، مقدماً شكره» → «الحكم الدولي نبيل الشمردل».

        The mention of a speech verb earlier in the clause, or else the first name (with the
        title before it) between the start of the cue's sentence, or the end of the last
        quotation before the cue, and the cue. Names of places and
        institutions («جامعة الملك عبدالعزيز») are not subjects (see ``place_heads.txt``).
        """
        start = self.sentence_start(cue_start)
        k = bisect_right(self.quote_ends, cue_start)
        if k and self.quote_ends[k - 1] > start:
            start = self.quote_ends[k - 1]  # the end of the last quotation before the cue
        for verb in reversed(self._cues_between(start, cue_start)):
            # «وكان ترامب قال في كلمة له، معلنا: "…"»، «أكد لـ«عكاظ» عميد الكلية … أهمية …، لافتا إلى»:
            # the speech verb the participle hangs on names the speaker
            if verb.entry.frame == "clause":
                mention = self._mention(verb, [t for t in tokens(self.w, verb.end, cue_start) if t.kind != "end"])
                if mention is not None and (mention.start < verb.start or self._opens_with_someone(mention)):
                    return mention
                break
        toks = [t for t in tokens(self.w, start, cue_start) if t.kind != "end"]
        for i, j in SpeakerResolver.name_runs(self.lex, toks):
            k = i
            while k > 0 and toks[k - 1].kind in ("w", "comma") and toks[k - 1].text not in self.lex.mention_stoppers \
                    and (toks[k - 1].kind == "comma" or SpeakerResolver.title_of(self.lex, toks[k - 1].text)
                         or is_definite(toks[k - 1].text)) and i - k < MAX_MENTION_WORDS:
                k -= 1  # the title phrase in apposition before the name
            while k < i and toks[k].kind == "comma":
                k += 1
            titled = any(t.kind == "w" and SpeakerResolver.title_of(self.lex, t.text) for t in toks[k:i])
            if titled or (j - i >= 2 and toks[i].text in self.lex.given_names):
                return MentionSpan(toks[k].start, toks[j - 1].end)
        return None

    def _opens_with_someone(self, mention: MentionSpan) -> bool:
        """Does a mention open with a title, an institution or a given name (and not with an
        adverb or an object: «انتقدت بشدة مشروع القانون»)?"""
        first = WORD_AT.search(self.w, mention.start, mention.end)
        if first is None:
            return False
        word = first.group()
        return SpeakerResolver.title_of(self.lex, word) is not None or word in self.lex.given_names

    def _cut_mention(self, region: list[Tok]) -> MentionSpan | None:
        """The mention a region starts with: up to a stopper, a dash, a bracket or a colon."""
        kept: list[Tok] = []
        soft_cut: int | None = None
        for t in region:
            if t.kind in ("dash", "paren", "colon", "end"):
                break
            if t.kind == "w":
                strength = self.lex.mention_stoppers.get(t.text)
                if strength and kept and kept[-1].text in PATRONYMIC and t.text in self.lex.given_names:
                    strength = None  # «وليد بن علي الجلال»: علي (not على) after بن
                if strength == "hard":
                    break
                if strength == "soft" and soft_cut is None and not (
                        len(kept) == 1 and kept[0].text in _QUANTIFIERS):  # «عدد من المسؤولين»
                    soft_cut = len(kept)
            kept.append(t)
            if len([k for k in kept if k.kind == "w"]) >= MAX_MENTION_WORDS:
                break
        if soft_cut is not None:
            kept = self._resolver_cut(kept, soft_cut)
        while kept and kept[-1].kind == "comma":
            kept.pop()
        return self._span_of(kept)

    def _skip_leading_channel(self, region: list[Tok]) -> list[Tok]:
        """Drop a channel standing between the cue and the speaker: «وأوضح لـ"الوطن" مدير
        الفريق …», «وقال للصحفيين الوزير …» (only when words follow it)."""
        i = 0
        while i < len(region) and region[i].kind == "w" and region[i].text.startswith("ل") \
                and region[i].text not in _PRONOUN_OBJECTS \
                and (region[i].text == "ل" or self.lex.mention_stoppers.get(region[i].text) == "hard"):
            j = i + 1
            if j < len(region) and region[j].kind == "q":  # the channel's name in marks
                close = next((k for k in range(j + 1, len(region)) if region[k].kind == "q"), None)
                if close is None:
                    break
                j = close + 1
            while j < len(region) and region[j].kind == "comma":
                j += 1
            if j >= len(region) or region[j].kind != "w":
                break
            i = j
        return region[i:]

    def _resolver_cut(self, kept: list[Tok], soft_cut: int) -> list[Tok]:
        """Keep words past a soft stopper only when they end in a name and none came before."""
        head, tail = kept[:soft_cut], kept[soft_cut:]
        if SpeakerResolver.name_run(self.lex, head, self.w) is not None:
            return head
        run = SpeakerResolver.name_run(self.lex, tail, self.w)
        if run is None:
            return head
        return kept[:soft_cut + run[1]]

    def _mention_before(self, cue: _Cue) -> MentionSpan | None:
        w, lex = self.w, self.lex
        ss = self.sentence_start(cue.start)
        toks = [t for t in tokens(w, max(ss, cue.start - 200), cue.start) if t.kind != "end"]
        if not toks:
            return None
        if toks[-1].kind == "w" and toks[-1].text == "قد":
            toks = toks[:-1]
        if not toks:
            return None
        # «X كان أعلن»: the subject stands before كان
        if toks[-1].kind == "w" and toks[-1].text in _KAN:
            return self._subject_back(toks[:-1])
        # «وكان X، قد أشار»: the subject stands between كان and the cue
        for k in range(len(toks) - 1, max(-1, len(toks) - 20), -1):
            t = toks[k]
            if t.kind == "w" and t.text in _KAN:
                return self._span_of(toks[k + 1:])
            if t.kind == "w" and (t.text in lex.complementizers or self._cue_at(t.start) is not None):
                break
        # «أن بوتين “أشار إلى أن»: a short subject right before the cue (SVO)
        return self._subject_back(toks, svo=True)

    def _subject_back(self, toks: list[Tok], svo: bool = False) -> MentionSpan | None:
        lex = self.lex
        picked: list[Tok] = []
        for t in reversed(toks):
            if t.kind == "q":
                if svo and not picked:
                    continue
                break
            if t.kind == "comma" and not svo:
                picked.append(t)
                continue
            if t.kind != "w":
                break
            bare = t.text[1:] if t.text[:1] in "وف" and len(t.text) > 3 else t.text
            if t.text in lex.complementizers or t.text in _KAN or t.text in lex.mention_stoppers \
                    or self._cue_at(t.start) is not None or bare in lex.mention_stoppers \
                    or (bare in lex.function_words and SpeakerResolver.title_of(lex, bare) is None):
                break
            picked.append(t)
            if len(picked) > (4 if svo else 10):
                return None
        while picked and picked[-1].kind == "comma":
            picked.pop()
        if not picked:
            return None
        picked.reverse()
        span = self._span_of(picked)
        if svo and span is not None:
            # only after a clause boundary (a complementizer, a mark, the sentence start),
            # and only a subject that names a source
            before = [t for t in toks if t.start < picked[0].start]
            if before and not (before[-1].kind in ("q", "colon", "comma") or before[-1].text in lex.complementizers
                               or before[-1].text in lex.function_words):
                return None
            if not self._is_source(span):
                return None
        return span

    def _is_source(self, mention: MentionSpan) -> bool:
        return SpeakerResolver.looks_like_source(self.lex, self.w, mention)


def _count_words(text: str, start: int, end: int, at_most: int) -> int:
    """How many words ``text[start:end]`` holds, counting no further than ``at_most``."""
    n = 0
    for _ in WORD_AT.finditer(text, start, end):
        n += 1
        if n >= at_most:
            break
    return n


def _looks_like_code(inner: str) -> bool:
    """Marks around a code or number (“ستارت-3”, "S-400") name a thing."""
    return bool(_CODE.search(inner)) and len(inner.split()) <= 2


class Labeller(Protocol):
    """Adds fields (stance) to each quotation from its normalised content and cue."""

    version: str

    def __call__(self, normalized_content: str, cue: CueEntry, cue_text: str) -> dict[str, Any]: ...


def extract_quotations(document: Document, lexicon: Lexicon | None = None,
                       labeller: Labeller | None = None) -> list[Quotation]:
    """Every quotation of ``document``, in text order, with spans into ``document.text``.

    A ``labeller`` (see :func:`quotes.stance.stance_labeller`) fills more fields of each
    record from the already normalised content, so nothing is normalised twice.
    """
    lex = lexicon or load_lexicon()
    text = document.text
    nt = NormText(text)
    spans = boilerplate_spans(nt.norm, lex, headline=document.title is None)
    w = mask(nt.norm, spans)
    rules = _DocumentRules(w, lex)
    found = rules.run()
    if not found:
        return []
    resolver = SpeakerResolver(w, nt, lex)
    version = f"{ENGINE_VERSION}+{lex.version}" + (f"+{labeller.version}" if labeller is not None else "")
    out = []
    for q in found:
        subject = rules.clause_subject(q.cue_start) if q.mention is None and q.entry.frame == "participle" else None
        spk = resolver.resolve(q.mention, q.entry, q.start, subject)
        cs, ce = nt.span(q.start, q.end)
        ks, ke = nt.span(q.cue_start, q.cue_end)
        if q.mention is not None:
            ms, me = nt.span(q.mention.start, q.mention.end)
            mention_text: str | None = text[ms:me]
        else:
            ms = me = None
            mention_text = None
        out.append(Quotation(
            id=f"{document.doc_id}:{ks}:{cs}",
            doc_id=document.doc_id,
            type=q.type,  # type: ignore[arg-type]
            content=text[cs:ce],
            content_start=cs,
            content_end=ce,
            cue=text[ks:ke],
            cue_start=ks,
            cue_end=ke,
            speaker_mention=mention_text,
            speaker_start=ms,
            speaker_end=me,
            speaker_name=spk.name,
            speaker_gender=spk.gender,  # type: ignore[arg-type]
            rule=q.rule,
            speaker_rule=spk.rule,
            engine_version=version,
            cue_lemma=q.entry.lemma,
            **(labeller(w[q.start:q.end], q.entry, text[ks:ke]) if labeller is not None else {}),
        ))
    return resolver.harmonise(out)
