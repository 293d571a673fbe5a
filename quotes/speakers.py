"""Who speaks: analyse a speaker mention, resolve it to the fullest name in the article,
and decide the speaker's gender.

Rules, in the order they are tried for a mention:

* ``name``: a run of name-like words (no ال, not a function word, title or cue) in
  apposition (after ال-words, a title, a comma or a mark: «المتحدث باسم الكرملين دميتري
  بيسكوف»), extended to the longest form of that name in the article (بيسكوف → دميتري
  بيسكوف; زاخاروف and زاخاروفا stay apart).
* ``title``: a title without a name («المتحدث باسم الرئاسة الروسية») is looked up where
  the article gives that title followed by a name; a definite generic title («المسؤول
  الروسي») falls back to the last person who spoke with the same agreement.
* ``org``: an institution (وزارة، الكرملين، مجلس …) is named as written; a bare definite
  noun («المجلس») resolves to an earlier speaker of the same head («مجلس الأمن الروسي»).
* ``implied``: no mention (وأضافت: …، مضيفاً أن …) → for a participle the subject of its
  clause, else the last speaker whose verb agreement matches.

Each resolved speaker carries the step that decided it (``SPEAKER_RULES``), recorded in the
quotation's ``speaker_rule``.

Gender comes from the cue's agreement (قال/قالت، مضيفا/مضيفة) for people, from the title
when the cue has none (وفق بيسكوف), and is ``unknown`` for institutions.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

import regex
from typing import Iterator, NamedTuple, Sequence

from quotes.lexicon import CueEntry, Lexicon
from quotes.normalize import NormText, fold, normalize
from quotes.tokens import Tok, tokens

MAX_NAME_WORDS = 4
MAX_TITLE_HITS = 20
MAX_HISTORY = 40          # earlier speakers an implied or anaphoric mention may refer to
MAX_NAME_OCCURRENCES = 25  # places looked at for the fullest form of a name
ARTICLE_WINDOW = 50_000  # characters around a quotation searched for names in a huge document
_DEFINITE = ("وال", "بال", "فال", "كال", "لل", "ال")
_KAN = frozenset({"كان", "وكان", "كانت", "وكانت"})
_PROCLITICS = frozenset("وفلبك")
_SAME = frozenset({"نفسها", "نفسه", "ذاتها", "ذاته", "انفسهم", "ذاتهم"})  # «المصادر نفسها»
PATRONYMIC = frozenset({"بن", "ابن", "بنت"})
_NAME_LINKS = frozenset({"عبد", "بن", "ابن", "بنت", "ابو", "ام", "ال", "آل", "عبدال"})
_NAMEY: dict[tuple[str, str], bool] = {}  # (lexicon version, word) -> is_namey
_NISBA = ("ي", "يه", "يين", "يون", "ين", "ات")
_ADJECTIVE_ENDINGS = ("ي", "يه", "يون", "يين", "ه")  # normalised: ة → ه
_MARKS = regex.compile(r'["“”«»‹›„‟″]')


SPEAKER_RULES: dict[str, str] = {
    "name": "a person's name in the mention, extended to its fullest form in the article",
    "alias": "a fixed formula of speaker_aliases.tsv (قال تعالى → الله)",
    "title-name": "a title the article elsewhere gives with the holder's name",
    "title-previous-speaker": "a definite title or honorific pronoun: the last person who spoke",
    "title": "a title with no name anywhere in the article, as written",
    "family-name": "a family name with ال: the earlier speaker of that family name",
    "generic-earlier-speaker": "a bare definite noun (المجلس): the earlier institution of that head",
    "document-issuer": "a document (البيان، التغريدة): whoever issued it, the last speaker",
    "generic-first-mention": "a definite collective (المصادر، الاستطلاع): its fullest first mention",
    "collective": "a group or outlet named generically (سكان محليون، مصادر مطلعة), as written",
    "org": "an institution, as written",
    "mention": "the mention as written",
    "implied-sentence-subject": "no mention, a participle: the speech verb it hangs on, or its clause's titled subject",
    "implied-previous-speaker": "no mention: the last speaker whose agreement matches",
    "implied-unresolved": "no mention and no earlier speaker",
}


def _names_a_place(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Does the name starting at ``toks[i]`` follow «<place head> <royal title>», as in
    «مطار الملك فهد» or «جامعة الملك عبدالعزيز»?"""
    if i < 2 or toks[i - 1].kind != "w" or toks[i - 2].kind != "w":
        return False
    title = SpeakerResolver.title_of(lex, toks[i - 1].text)
    if title is None or title[0] != "person" or not is_definite(toks[i - 1].text):
        return False
    head = strip_definite(toks[i - 2].text)
    if head[:1] in _PROCLITICS and head not in lex.place_heads:
        head = strip_definite(head[1:])
    return head in lex.place_heads


def _agrees(spk: "Speaker", agreement: str) -> bool:
    """Can a speaker be the subject of a verb with this agreement?"""
    if agreement == "unknown" or spk.gender == "unknown":
        return True
    return spk.gender == agreement


class MentionSpan(NamedTuple):
    start: int  # normalised offsets
    end: int


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    gender: str       # male | female | unknown
    kind: str         # person | org | unknown
    agreement: str    # the verb agreement that introduced it (for implied subjects)
    rule: str = "mention"  # the resolution step that decided (see SPEAKER_RULES)


def strip_definite(word: str) -> str:
    """Remove a leading (و/ب/ف/ك/ل)ال from a normalised word."""
    for p in _DEFINITE:
        if word.startswith(p) and len(word) > len(p) + 1:
            return word[len(p):]
    return word


def is_definite(word: str) -> bool:
    """Does a normalised word carry the article ال (possibly behind و/ب/ف/ك/ل)?"""
    return word.startswith(_DEFINITE) and strip_definite(word) != word


class SpeakerResolver:
    """Resolves the speakers of one document's quotations, in text order."""

    def __init__(self, w: str, nt: NormText, lex: Lexicon):
        self.w = w
        self.nt = nt
        self.lex = lex
        self.history: list[Speaker] = []
        self._fullest_cache: dict[tuple[tuple[str, ...], int], tuple[tuple[str, ...], str]] = {}
        self.kinds: dict[str, str] = {}
        self.groups: list[bool] = []  # per resolved quotation: did a plural or dual cue introduce it?
        self._title_cache: dict[tuple[tuple[str, ...], int], list[tuple[int, tuple[str, ...]]]] = {}

    # -- word classes -------------------------------------------------------------------
    @staticmethod
    def title_of(lex: Lexicon, word: str) -> tuple[str, str] | None:
        """(kind, gender) when ``word`` is a title or institution word."""
        for cand in (word, strip_definite(word), word[1:] if word[:1] in "وف" else word):
            hit = lex.titles.get(cand)
            if hit:
                return hit
        return None

    @staticmethod
    def is_namey(lex: Lexicon, word: str) -> bool:
        """Could ``word`` be part of a person's name?

        Not a definite word, function word, title, cue or common noun (a word the corpus
        also writes with ال), nor one of these behind a one-letter proclitic (لمجلس، وحماية).
        """
        key = (lex.version, word)
        hit = _NAMEY.get(key)
        if hit is None:
            if len(_NAMEY) > 200_000:
                _NAMEY.clear()
            hit = _NAMEY[key] = SpeakerResolver._namey(lex, word)
        return hit

    @staticmethod
    def _namey(lex: Lexicon, word: str) -> bool:
        if len(word) < 2 or word.isdigit() or is_definite(word):
            return False
        forms = [word]
        if word[0] in _PROCLITICS and len(word) > 3 and word not in lex.given_names:
            # «لمجلس»، «وحماية»; but «فراس»، «فهد»، «وليد» are names, not a proclitic and a noun
            forms.append(word[1:])
        for f in forms:
            if f in lex.function_words or f in lex.complementizers or f in lex.mention_stoppers \
                    or f in _KAN or f in lex.cues or f in lex.titles:
                return False
            if f in lex.common_nouns and f not in lex.given_names:
                return False
        return SpeakerResolver.title_of(lex, word) is None

    @staticmethod
    def is_al_first_name(lex: Lexicon, word: str) -> bool:
        """A first name that merely begins with ال (ألكسندر، أليكسي، ألبرت).

        Its remainder is no common noun, title or nisba adjective (الأمريكية، الروسي).
        Callers accept it only right before another name word.
        """
        if not word.startswith("ال") or len(word) < 5:
            return False
        rest = word[2:]
        return (rest not in lex.common_nouns and rest not in lex.titles and word not in lex.function_words
                and word not in lex.mention_stoppers and not rest.endswith(_NISBA)
                and SpeakerResolver.title_of(lex, word) is None)

    @staticmethod
    def is_family_name(lex: Lexicon, word: str) -> bool:
        """A definite word that can end a name (نايف الشريف، فايز الأحمدي)."""
        return (word.startswith("ال") and len(word) > 3 and word not in lex.mention_stoppers
                and word not in lex.function_words and SpeakerResolver.title_of(lex, word) is None)

    @staticmethod
    def name_run(lex: Lexicon, toks: Sequence[Tok], w: str) -> tuple[int, int] | None:
        """Indices ``(i, j)`` of the name in ``toks``: the run the mention opens with (the head
        of an apposition: «مارتينيز، نجم بورتو البرتغالي سابقا»), or else the longest run of
        name words in an appositive position (see :meth:`name_runs`), the last of equals
        («أمين عام جمعية البر، سمير بن عبدالعزيز العفيصان» → the four-word run)."""
        best: tuple[int, int] | None = None
        for i, j in SpeakerResolver.name_runs(lex, toks):
            if i == 0:
                return i, j  # a mention that opens with a name: the head of an apposition
            if best is None or j - i >= best[1] - best[0]:
                best = (i, j)
        return best

    @staticmethod
    def name_runs(lex: Lexicon, toks: Sequence[Tok]) -> Iterator[tuple[int, int]]:
        """Every run ``(i, j)`` of name words in ``toks`` in an appositive position (after
        ال-words, a title, a comma or a mark), in text order. A name that a place or an
        institution is named after («مطار الملك فهد الدولي», «كرسي الأمير محمد بن ناصر»)
        is part of that name, not a person's mention."""
        i = 0
        while i < len(toks):
            t = toks[i]
            prev = toks[i - 1] if i else None
            starts = t.kind == "w" and (SpeakerResolver.is_namey(lex, t.text) or (
                SpeakerResolver.is_al_first_name(lex, t.text) and i + 1 < len(toks)
                and toks[i + 1].kind == "w" and SpeakerResolver.is_namey(lex, toks[i + 1].text)) or (
                # «الدكتور علي بن يحيى»: a given name that normalises like a function word (على → علي),
                # after a person's title and before بن or another name word
                t.text in lex.given_names and prev is not None and prev.kind == "w"
                and (SpeakerResolver.title_of(lex, prev.text) or ("", ""))[0] == "person"
                and i + 1 < len(toks) and toks[i + 1].kind == "w"
                and (toks[i + 1].text in PATRONYMIC or (SpeakerResolver.is_namey(lex, toks[i + 1].text)
                                                        and not is_definite(toks[i + 1].text)))))
            if not starts or not (prev is None or prev.kind in ("comma", "q") or (
                    prev.kind == "w" and (is_definite(prev.text) or SpeakerResolver.title_of(lex, prev.text)))):
                i += 1
                continue
            j = i + 1
            while j < len(toks) and j - i < MAX_NAME_WORDS and toks[j].kind == "w" and (
                    SpeakerResolver.is_namey(lex, toks[j].text)
                    or (toks[j - 1].text in _NAME_LINKS and (toks[j].text not in lex.mention_stoppers
                                                              or toks[j].text in lex.given_names))):
                j += 1  # «عبد الله»، «محمد بن سلمان»، «أبو محمد»: a link word takes the next word
            if j + 1 < len(toks) and j + 1 - i < MAX_NAME_WORDS and toks[j].kind == "w" \
                    and toks[j + 1].kind == "w" and not is_definite(toks[j].text) \
                    and toks[j].text not in lex.function_words and toks[j].text not in lex.mention_stoppers \
                    and SpeakerResolver.title_of(lex, toks[j].text) is None \
                    and SpeakerResolver.is_family_name(lex, toks[j + 1].text):
                j += 1  # a middle name that is also a common noun (عبدالعزيز جزاء الحربي)
            if j < len(toks) and j - i < MAX_NAME_WORDS and toks[j].kind == "w" \
                    and SpeakerResolver.is_family_name(lex, toks[j].text) \
                    and (j + 1 == len(toks) or toks[j + 1].kind != "w" or not is_definite(toks[j + 1].text)
                         or SpeakerResolver.title_of(lex, toks[j + 1].text) is not None):
                j += 1  # a family name with ال closes the name, unless an adjective chain follows
                # («وليد القويني المتحدث الإعلامي»: a title after it starts an apposition)
            if not _names_a_place(lex, toks, i):
                yield i, j
            i = j

    @staticmethod
    def looks_like_source(lex: Lexicon, w: str, mention: MentionSpan) -> bool:
        """Does a mention (after حسب/وفق, or before a verb) name a source?

        Its first word is a title or institution (وزارة، المتحدث، مصادر), or it is a name.
        """
        toks = [t for t in tokens(w, mention.start, mention.end) if t.kind in ("w", "q")]
        words_ = [t for t in toks if t.kind == "w"]
        if not words_:
            return False
        if SpeakerResolver.title_of(lex, words_[0].text):
            return True
        run = SpeakerResolver.name_run(lex, toks, w)
        return run is not None and all(t.kind == "q" for t in toks[:run[0]])

    # -- names in the article -----------------------------------------------------------
    def _display(self, start: int, end: int) -> str:
        s, e = self.nt.span(start, end)
        text = fold(self.nt.orig[s:e])
        text = _MARKS.sub("", text)
        return " ".join(text.split())

    def scope(self, pos: int) -> tuple[int, int, int]:
        """``(key, start, end)`` of the stretch searched for names around ``pos``.

        An article is searched whole; a huge document (a concatenated dump) only around
        the quotation, so resolution stays linear in the document's length.
        """
        n = len(self.w)
        if n <= 3 * ARTICLE_WINDOW:
            return 0, 0, n
        key = pos // ARTICLE_WINDOW
        return key, max(0, (key - 1) * ARTICLE_WINDOW), min(n, (key + 2) * ARTICLE_WINDOW)

    def fullest(self, run: tuple[str, ...], pos: int) -> tuple[tuple[str, ...], str]:
        """The longest form of the name ``run`` used in the article, and how it is written."""
        key, lo, hi = self.scope(pos)
        if (run, key) in self._fullest_cache:
            return self._fullest_cache[(run, key)]
        # every occurrence supports each of its extended forms (ناقش نيكولاي باتروشيف supports
        # نيكولاي باتروشيف too); the best supported form wins, then the longest
        support: dict[tuple[str, ...], list[int]] = {}  # form -> [count, start, end]
        found = _occurrences(self.w, run, lo, hi)[:MAX_NAME_OCCURRENCES]
        for m in found:
            before = tokens(self.w, max(0, m.start() - 80), m.start())
            ext: list[Tok] = []
            k = len(before) - 1
            if run[0] not in _NAME_LINKS and before and before[-1].kind == "w" and before[-1].text in PATRONYMIC:
                k = -1  # «سلمان بن سعيد»: this سعيد is a father's name, not the person named
            while k >= 0 and len(ext) + len(run) < MAX_NAME_WORDS and before[k].kind == "w" \
                    and self.is_namey(self.lex, before[k].text):
                ext.insert(0, before[k])
                k -= 1
            if k >= 0 and len(ext) + len(run) < MAX_NAME_WORDS and before[k].kind == "w" \
                    and self.is_al_first_name(self.lex, before[k].text):
                ext.insert(0, before[k])
                k -= 1
            if ext:
                prev = before[k] if k >= 0 else None
                ok = prev is not None and (prev.kind in ("comma", "q") or (
                    prev.kind == "w" and (is_definite(prev.text) or bool(self.title_of(self.lex, prev.text)))))
                if not ok:
                    ext = []
            for i in range(len(ext)):
                form = tuple(t.text for t in ext[i:]) + run
                entry = support.setdefault(form, [0, ext[i].start, m.end()])
                entry[0] += 1
        if not support:
            result = (run, self._display(found[0].start(), found[0].end()) if found else " ".join(run))
        else:
            form, (_, start, end) = max(support.items(), key=lambda kv: (kv[1][0], len(kv[0]), -kv[1][1]))
            result = (form, self._display(start, end))
        if len(run) >= 2 and result[0] == run and not is_definite(run[-1]):
            # «أخبر باتروشيف سوليفان»: two known people side by side → the first
            first = self.fullest(run[:1], pos)
            second = self.fullest(run[1:2], pos)
            if len(first[0]) > 1 and len(second[0]) > 1 and run[1] not in first[0]:
                result = first
        self._fullest_cache[(run, key)] = result
        return result

    def _by_title(self, title_words: list[str], pos: int) -> str | None:
        """«المتحدث باسم الرئاسة الروسية» → the name the article gives after that title."""
        if len(title_words) < 2:
            return None
        scope_key, lo, hi = self.scope(pos)
        key = (tuple(title_words), scope_key)
        if key not in self._title_cache:
            self._title_cache[key] = self._search_title(title_words, lo, hi)
        found = self._title_cache[key]
        if not found:
            return None
        before = [f for f in found if f[0] < pos]
        chosen = before[-1] if before else found[0]
        return self.fullest(chosen[1], pos)[1]

    def _search_title(self, title_words: list[str], lo: int, hi: int) -> list[tuple[int, tuple[str, ...]]]:
        """Where the article writes this title followed by a name (at most a few places)."""
        pattern = _title_pattern(tuple(title_words))
        found: list[tuple[int, tuple[str, ...]]] = []
        for m in pattern.finditer(self.w, lo, hi):
            run: list[str] = []
            for t in tokens(self.w, m.end(), min(len(self.w), m.end() + 80)):
                if t.kind != "w" or not self.is_namey(self.lex, t.text) or len(run) == MAX_NAME_WORDS:
                    break
                run.append(t.text)
            if run:
                found.append((m.start(), tuple(run)))
                if len(found) >= MAX_TITLE_HITS:
                    break
        return found

    # -- resolving ----------------------------------------------------------------------
    def resolve(self, mention: MentionSpan | None, cue: CueEntry, pos: int,
                subject: MentionSpan | None = None) -> Speaker:
        """The speaker of a quotation whose cue is ``cue`` and whose mention is ``mention``;
        ``subject`` is the subject of the cue's sentence, for a speaker the cue only implies."""
        # a relaying verb agrees with the channel (ونقلت وكالة …), not with the speaker
        agreement = "unknown" if cue.frame == "relay" else cue.gender
        if mention is None:
            spk = self._implied(agreement, subject, pos)
        else:
            spk = self._from_mention(mention, agreement, pos)
        if cue.number in ("pl", "du") and cue.frame != "relay":
            spk = dataclasses.replace(spk, gender="unknown")  # a group speaks: no one gender (guidelines)
        self.groups.append(cue.number in ("pl", "du") and cue.frame != "relay")
        self.history.append(spk)
        if spk.name:
            self.kinds.setdefault(spk.name, spk.kind)
        return spk

    def _implied(self, agreement: str, subject: MentionSpan | None, pos: int) -> Speaker:
        if subject is not None:
            spk = self._from_mention(subject, agreement, pos)
            if spk.rule in ("name", "title-name") and _agrees(spk, agreement):
                return dataclasses.replace(spk, rule="implied-sentence-subject")
        for prev in reversed(self.history[-MAX_HISTORY:]):
            if prev.name and (agreement == "unknown" or prev.agreement in (agreement, "unknown")):
                gender = prev.gender
                if gender == "unknown" and prev.kind != "org":
                    gender = agreement
                return Speaker(prev.name, gender, prev.kind, agreement if agreement != "unknown" else prev.agreement,
                               "implied-previous-speaker")
        return Speaker(None, agreement, "unknown", agreement, "implied-unresolved")

    def _from_mention(self, mention: MentionSpan, agreement: str, pos: int) -> Speaker:
        toks = tokens(self.w, mention.start, mention.end)
        wtoks = [t for t in toks if t.kind == "w"]
        alias = self.lex.speaker_aliases.get(" ".join(t.text for t in wtoks))
        if alias is not None:  # «قال تعالى» → الله (speaker_aliases.tsv)
            name, kind, gender = alias
            return Speaker(name, gender if gender != "unknown" else (agreement if kind == "person" else "unknown"),
                           kind, agreement, "alias")
        generic = self._generic(wtoks, agreement, pos)
        if generic is not None:
            return generic
        if self.lex.generic_sources.get(strip_definite(wtoks[0].text)) == "collective":
            # «سكان محليون»، «مصادر مطلعة»: a group, whatever the verb's agreement (وقال سكان …)
            return Speaker(self._display(mention.start, mention.end), "unknown", "org", agreement, "collective")
        title = next((hit for t in wtoks if (hit := self.title_of(self.lex, t.text)) is not None), None)
        run = self.name_run(self.lex, toks, self.w)
        if run is not None and not (title and title[0] == "org"):
            names = tuple(t.text for t in toks[run[0]:run[1]] if t.kind == "w")
            form, display = self.fullest(names, pos)
            if form == names and len(names) >= 2 and is_definite(names[-1]):
                # «ووصف بوسنين الحادث»: an ال-word after a name the article gives in full elsewhere
                # («حسن بوسنين») is the verb's object, not a family name
                shorter, shorter_display = self.fullest(names[:-1], pos)
                if len(shorter) > len(names) - 1:
                    display = shorter_display
            gender = agreement if agreement != "unknown" else (title[1] if title and title[0] == "person" else "unknown")
            if gender == "unknown":
                gender = self._known_gender(display)
            return Speaker(display, gender, "person", agreement, "name")
        if title and title[0] == "person":
            named = self._by_title([t.text for t in wtoks], pos)
            rule = "title-name"
            anaphoric = is_definite(wtoks[0].text) or (len(wtoks) == 1 and wtoks[0].text.endswith("ه"))
            if named is None and anaphoric:  # «المسؤول الروسي»، «سموه»، «معاليه»
                rule = "title-previous-speaker"
                for prev in reversed(self.history[-MAX_HISTORY:]):
                    if prev.kind == "person" and prev.name and prev.agreement in (agreement, "unknown"):
                        named = prev.name
                        break
            gender = agreement if agreement != "unknown" else title[1]
            return Speaker(named or self._display(mention.start, mention.end), gender, "person", agreement,
                           rule if named else "title")
        display = self._display(mention.start, mention.end)
        if len(wtoks) == 1 and is_definite(wtoks[0].text):
            # «وقال الصيد» after «رئيس الحكومة التونسية الحبيب الصيد»: a family name with ال
            for prev in reversed(self.history[-MAX_HISTORY:]):
                if prev.kind == "person" and prev.name and normalize(prev.name.split()[-1]) == wtoks[0].text:
                    gender = agreement if agreement != "unknown" else prev.gender
                    return Speaker(prev.name, gender, "person", agreement, "family-name")
        if not title and not is_definite(wtoks[0].text) and agreement != "unknown" \
                and wtoks[0].text not in self.lex.function_words:
            # «كتب حسن المعيض»: an indefinite word that is no title right after a speech verb
            return Speaker(display, agreement, "person", agreement, "name")
        if len(wtoks) == 1 and is_definite(wtoks[0].text):
            head = strip_definite(wtoks[0].text)
            for prev in reversed(self.history[-MAX_HISTORY:]):
                if prev.name and prev.kind == "org" and normalize(prev.name.split()[0]) == head:
                    return Speaker(prev.name, "unknown", "org", agreement, "generic-earlier-speaker")
        return Speaker(display, "unknown", "org" if title else "unknown", agreement, "org" if title else "mention")

    def _generic(self, wtoks: list[Tok], agreement: str, pos: int) -> Speaker | None:
        """A generic source: a document (البيان، التغريدة) speaks for whoever issued it, the
        last speaker; a definite collective (المصادر، الاستطلاع، للمصادر، المصادر نفسها) is its
        fullest first mention in the article («مصادر يمنية»، «استطلاع رويترز وإبسوس»)."""
        words_ = [t.text for t in wtoks]
        if words_ and words_[-1] in _SAME:
            words_ = words_[:-1]
        if len(words_) != 1:
            return None
        word = words_[0]
        if word.startswith("لل"):
            word = "ال" + word[2:]
        if not is_definite(word):
            return None
        head = strip_definite(word)
        kind = self.lex.generic_sources.get(head)
        if kind == "document":
            for prev in reversed(self.history[-MAX_HISTORY:]):
                if prev.name:
                    return dataclasses.replace(prev, agreement=agreement, rule="document-issuer")
        elif kind == "collective":
            found = self._first_indefinite(head, pos)
            if found is not None:
                return Speaker(self._display(*found), "unknown", "org", agreement, "generic-first-mention")
        return None

    def _first_indefinite(self, head: str, pos: int) -> tuple[int, int] | None:
        """The first place the article writes ``head`` without ال, with the words that
        qualify it («مصادر يمنية»، «استطلاع رويترز وإبسوس»): its normalised span."""
        _, lo, hi = self.scope(pos)
        for m in _word_pattern(head).finditer(self.w, lo, hi):
            end = m.end()
            n = 0
            for t in tokens(self.w, m.end(), min(hi, m.end() + 80)):
                if t.kind != "w" or n == MAX_NAME_WORDS - 1 or t.text in self.lex.function_words \
                        or t.text in self.lex.mention_stoppers or t.text in self.lex.complementizers \
                        or t.text in self.lex.cues or t.text in _KAN or not self._qualifies(t.text, n):
                    break
                end = t.end
                n += 1
            if n:
                return m.start(), end
        return None

    def _qualifies(self, word: str, n: int) -> bool:
        """Can ``word`` be the ``n``-th word qualifying a generic source? An adjective
        (أمنية، مصري، كنديون، الألمانية), or a proper name right after the noun or after و
        («صحيفة هاندلشبلات»، «استطلاع رويترز وإبسوس»); not a verb, an adverb (نقلا) or a
        noun with a preposition (بقاعة)."""
        if word.endswith("ا") or word.startswith("ب"):
            return False
        if is_definite(word) or (len(word) > 3 and word.endswith(_ADJECTIVE_ENDINGS)):
            return True
        name = word[1:] if word.startswith("و") and n else word
        return (n == 0 or name != word) and self.is_namey(self.lex, name) and name not in self.lex.common_nouns



    def _known_gender(self, name: str) -> str:
        for prev in reversed(self.history[-MAX_HISTORY:]):
            if prev.name == name and prev.gender != "unknown":
                return prev.gender
        return "unknown"

    def harmonise(self, records: list) -> list:
        """Give a person the gender their other quotations agree on when one lacks it (not
        to a quotation a plural or dual cue introduced). ``records`` are in the order
        their speakers were resolved."""
        votes: dict[str, dict[str, int]] = {}
        for r in records:
            if r.speaker_name and r.speaker_gender != "unknown" and self.kinds.get(r.speaker_name) == "person":
                votes.setdefault(r.speaker_name, {}).setdefault(r.speaker_gender, 0)
                votes[r.speaker_name][r.speaker_gender] += 1
        out = []
        for r, group in zip(records, self.groups):
            v = votes.get(r.speaker_name or "")
            if r.speaker_gender == "unknown" and v and self.kinds.get(r.speaker_name) == "person" and not group:
                r = r.replace(speaker_gender=max(sorted(v), key=v.get))
            out.append(r)
        return out




@lru_cache(maxsize=256)
def _word_pattern(word: str) -> "re.Pattern[str]":
    """``word`` as a whole word, behind at most one proclitic (و، ب، ل، ف) and no ال."""
    return re.compile(r"(?<!\w)[وبلف]?" + re.escape(word) + r"(?!\w)")


@lru_cache(maxsize=2048)
def _title_pattern(title_words: tuple[str, ...]) -> "re.Pattern[str]":
    """A title's words in order, up to two other words between them, then the gap to a name."""
    gap = r"(?:\s+\S+){0,2}?\s+"
    return re.compile(r"(?<!\w)" + gap.join(map(re.escape, title_words)) + r"[\s،,\"“”«»]*")


def _occurrences(text: str, run: tuple[str, ...], lo: int, hi: int) -> list["_Match"]:
    """Whole-word occurrences of the words ``run`` (single-spaced) in ``text[lo:hi]``."""
    needle = " ".join(run)
    out = []
    i = text.find(needle, lo, hi)
    n = len(needle)
    while i >= 0 and len(out) < MAX_NAME_OCCURRENCES:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            out.append(_Match(i, i + n))
        i = text.find(needle, i + 1, hi)
    return out


class _Match:
    """The part of a match object that :meth:`SpeakerResolver.fullest` uses."""

    __slots__ = ("_s", "_e")

    def __init__(self, s: int, e: int):
        self._s, self._e = s, e

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e
