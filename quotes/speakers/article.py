"""The names an article gives: the fullest form of a name, the name a title goes with,
the first full mention of a generic source. One per document, with its caches."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from quotes.lexicon import Lexicon
from quotes.normalize import NormText, fold
from quotes.morphology import ADJECTIVE_ENDINGS, is_definite, strip_definite
from quotes.speakers.names import (MAX_NAME_WORDS, MentionSpan, complement_with_preposition, construct_title,
                                   name_runs, org_construct)
from quotes.speakers.words import (is_al_first_name, is_circumstantial, is_function_form, is_namey, is_speech_verb,
                                   is_verb_with_object, is_verbal_noun, title_of)
from quotes.tokens import Tok, tokens

MAX_TITLE_HITS = 20
MAX_TITLE_GAP = 6  # words between a title and its holder's own rank («… بصحة جدة الدكتور محمد باجبير»)
MAX_NAME_OCCURRENCES = 25  # places looked at for the fullest form of a name
ARTICLE_WINDOW = 50_000  # characters around a quotation searched for names in a huge document
_MARKS = regex.compile(r'["“”«»‹›„‟″]')


class ArticleNames:
    """Looks up names in one document (normalised text ``w``; ``nt`` maps back to the original)."""

    def __init__(self, w: str, nt: NormText, lex: Lexicon):
        self.w = w
        self.nt = nt
        self.lex = lex
        self._fullest_cache: dict[tuple[tuple[str, ...], int], tuple[tuple[str, ...], str]] = {}
        self._title_cache: dict[tuple[tuple[str, ...], int], list[tuple[int, tuple[str, ...]]]] = {}
        self._first_cache: dict[tuple[str, int], str | None] = {}  # (head, scope) -> first full mention
        self._whole_cache: dict[tuple[str, int], tuple[tuple[str, ...], str] | None] = {}  # (given name, scope)

    def display(self, start: int, end: int) -> str:
        s, e = self.nt.span(start, end)
        text = fold(self.nt.orig[s:e])
        text = _MARKS.sub("", text)
        text = text.replace("#", "").replace("_", " ")  # a hashtag is a name: «#الشرطة_الفرنسية» → الشرطة الفرنسية
        return " ".join(text.split())

    def named_elsewhere(self, span: MentionSpan) -> bool:
        """Does the article name ``span``'s words as a word of their own somewhere (a name
        behind ل, «لأوباما», is one only if the article also writes «أوباما»)?"""
        run = tuple(t.text for t in tokens(self.w, span.start, span.end) if t.kind == "w")
        _, lo, hi = self.scope(span.start)
        return bool(run) and any(m.start() != span.start for m in _occurrences(self.w, run, lo, hi))

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
        # a run that ends with «آل» or «عبد» is cut short: it supports no fuller form of its own
        # («آل صالح» is not «سلمان بن عبدالعزيز آل»)
        for m in found if run[-1] not in self.lex.classes.name_link else ():
            before = tokens(self.w, max(0, m.start() - 80), m.start())
            ext: list[Tok] = []
            k = len(before) - 1
            if run[0] not in self.lex.classes.name_link and before and before[-1].kind == "w" \
                    and before[-1].text in self.lex.classes.patronymic:
                k = -1  # «سلمان بن سعيد»: this سعيد is a father's name, not the person named
            here = before + tokens(self.w, m.start(), m.end())
            while k >= 0 and len(ext) + len(run) < MAX_NAME_WORDS and before[k].kind == "w" and (
                    (is_namey(self.lex, before[k].text) and not is_circumstantial(self.lex, before[k].text)
                     and not complement_with_preposition(self.lex, here, k))  # not «للتعليم بجدة عبدالله»
                    or (before[k].text == "الله" and k >= 1 and before[k - 1].text in self.lex.classes.name_link)
                    or self._fathers_title(before, k)):  # «عبد الله المعلمي»: «الله» after «عبد»
                ext.insert(0, before[k])
                k -= 1

            if k >= 0 and len(ext) + len(run) < MAX_NAME_WORDS and before[k].kind == "w" \
                    and is_al_first_name(self.lex, before[k].text):
                ext.insert(0, before[k])
                k -= 1
            if ext:
                prev = before[k] if k >= 0 else None
                # an appositive position: after a comma, a mark, an ال-word, a title or a speech verb
                # («قال أنور قرقاش»; not after a sentence's end: «وأقال ترامب كومي» opens with a verb),
                # or after the complement of a title without ال («رئيس بلدية لييج ويلي دي مايير»)
                head = before[k - 1] if k >= 1 else None  # a title whose complement ``prev`` is
                ok = prev is not None and (prev.kind in ("comma", "q") or (prev.kind == "w" and (
                    (is_definite(prev.text) and prev.text not in self.lex.classes.relative)  # not «اللذين صوتا لصالح …»
                    or bool(title_of(self.lex, prev.text)) or is_speech_verb(self.lex, prev.text)
                    or (head is not None and head.kind == "w" and org_construct(self.lex, head.text)))))
                if prev is not None and prev.kind == "w" and (construct_title(self.lex, prev.text)
                                                              or org_construct(self.lex, prev.text)):
                    ext.pop(0)  # the complement is the title's, not part of the name
                    if len(ext) + len(run) < 2:
                        ext = []  # «رئيس بلدية تشاتانوغا اندي»: no name of one word is extended past a complement
                if not ok:
                    ext = []
            for i in range(len(ext)):
                if (ext[i].text in self.lex.classes.patronymic and ext[i].text not in self.lex.given_names) \
                        or title_of(self.lex, ext[i].text) is not None:
                    continue  # no form opens with «ولد» or «الشيخ» (but «بن علي يلدريم»، «أبو جواد»)
                form = tuple(t.text for t in ext[i:]) + run
                entry = support.setdefault(form, [0, ext[i].start, m.end()])
                entry[0] += 1
        if not support:
            result = (run, self.display(found[0].start(), found[0].end()) if found else " ".join(run))
        else:
            form, (_, start, end) = max(support.items(), key=lambda kv: (kv[1][0], len(kv[0]), -kv[1][1]))
            result = (form, self.display(start, end))
        if len(run) >= 2 and result[0] == run and not is_definite(run[-1]):
            # «أخبر باتروشيف سوليفان»: two known people side by side → the first
            first = self.fullest(run[:1], pos)
            second = self.fullest(run[1:2], pos)
            if len(first[0]) > 1 and len(second[0]) > 1 and run[1] not in first[0]:
                result = first
        self._fullest_cache[(run, key)] = result
        return result

    def _fathers_title(self, toks: list[Tok], k: int) -> bool:
        """Is ``toks[k]`` a patronymic link, or a father's title right after one, inside a name
        («إسماعيل ولد الشيخ أحمد»)?"""
        t = toks[k].text
        if t in self.lex.classes.patronymic:
            return True
        return k >= 1 and is_definite(t) and toks[k - 1].text in self.lex.classes.patronymic \
            and title_of(self.lex, t) is not None

    def whole_name_of_given(self, given: str, pos: int) -> tuple[tuple[str, ...], str] | None:
        """«وأضاف الأمير خالد» → «خالد آل سعود»: the one whole name the article opens with the
        given name ``given`` (none when it names two: «خالد الفيصل» and «خالد آل سعود»), and how
        it is written."""
        if given not in self.lex.given_names:
            return None
        key, lo, hi = self.scope(pos)
        if (given, key) not in self._whole_cache:
            forms = self._forward_forms(given, _occurrences(self.w, (given,), lo, hi))
            self._whole_cache[(given, key)] = next(iter(forms.items())) if len(forms) == 1 else None
        return self._whole_cache[(given, key)]

    def _forward_forms(self, given: str, found: list["_Match"]) -> dict[tuple[str, ...], str]:
        """The whole names that the occurrences ``found`` of the given name ``given`` open (not
        where it is a father's name: «محمد بن خالد»), each as written; a form that is the start
        of a longer one counts as that one."""
        forms: dict[tuple[str, ...], str] = {}
        for m in found:
            before = tokens(self.w, max(0, m.start() - 40), m.start())[-2:]
            if before and before[-1].kind == "w" and before[-1].text in self.lex.classes.patronymic:
                continue
            toks = before + tokens(self.w, m.start(), min(len(self.w), m.end() + 80))
            k = len(before)  # name_runs judges the position: after a title, an ال-word, a comma or a mark
            span = next((r for r in name_runs(self.lex, toks) if r[0] == k), None)
            if span is None or span[1] - k < 2:
                continue
            words_ = [t.text for t in toks[k:span[1]] if t.kind == "w"]
            while len(words_) > 1 and not self._surname_word(words_[-1], words_[-2]):
                words_.pop()
            if len(words_) >= 2 and all(self._surname_word(w, p) for p, w in zip(words_, words_[1:])):
                forms[tuple(words_)] = self.display(toks[k].start, toks[k + len(words_) - 1].end)
        return {f: shown for f, shown in forms.items()
                if not any(len(g) > len(f) and g[:len(f)] == f for g in forms)}

    def _surname_word(self, word: str, prev: str) -> bool:
        """Can ``word`` continue a name after ``prev`` when a given name alone is extended to a
        whole name: a link word or what it links («بن حمد»، «آل ثاني»), another given name, a word
        the lexicons do not know («عيتاني»), or a family name with ال that is no common noun, unless
        a given name or of the nisba shape («خالد الفيصل»، «عبدالله الثاني»; not «نجيب البالغ»،
        «بلاتر التوفيق»)?"""
        lex = self.lex
        if word in lex.classes.name_link or prev in lex.classes.name_link or word in lex.given_names \
                or word in lex.name_genders:
            return True
        if is_definite(word):
            bare = strip_definite(word)
            return bare not in lex.common_nouns or bare in lex.given_names or word.endswith("ي")  # «الفيصل»
        return is_namey(lex, word) and word not in lex.common_nouns and word[:1] not in "بلسي" \
            and not word.endswith(("ات", "ا", "ه")) and not is_verbal_noun(word)

    def by_title(self, title_words: list[str], pos: int) -> str | None:
        """«المتحدث باسم الرئاسة الروسية» → the name the article gives with that title, after it or
        right before it («فيصل بن مشعل بن سعود بن عبدالعزيز أمير منطقة القصيم»); an honorific
        before the title is not looked for («سمو أمير منطقة القصيم»)."""
        while title_words and title_words[0] in self.lex.classes.honorific:
            title_words = title_words[1:]
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
            after = tokens(self.w, m.end(), min(len(self.w), m.end() + 80))
            run = self._name_after(after) or self._titled_name_after(after)
            if not run:
                run = self._name_before(m.start())
            if run:
                found.append((m.start(), tuple(run)))
                if len(found) >= MAX_TITLE_HITS:
                    break
        return found

    def _name_after(self, toks: list[Tok]) -> list[str]:
        """The name that opens ``toks``, right after a title (:func:`name_runs`), without a last
        definite word that is as likely the verb's object («قرار الرئيس الأميركي دونالد ترمب
        الانسحاب من»، «واتهم … ستيفن منوتشين الروس "…"»): a common noun followed by a word or a
        mark; kept after a patronymic chain or of the nisba shape («عادل بن أحمد الجبير
        مباحثات»، «سعد الحريري»)."""
        span = next(name_runs(self.lex, toks), None)
        if span is None or span[0] != 0:
            return []
        i, j = span
        last = toks[j - 1].text
        nxt = toks[j] if j < len(toks) else None
        if j - i >= 2 and is_definite(last) and nxt is not None and nxt.kind in ("w", "q") \
                and title_of(self.lex, nxt.text) is None \
                and not any(t.text in self.lex.classes.patronymic for t in toks[i + 1:j - 1]) \
                and (not last.endswith("ي") or strip_definite(last) in self.lex.common_nouns):
            j -= 1
        return [t.text for t in toks[i:j]]

    def _titled_name_after(self, toks: list[Tok]) -> list[str]:
        """The name a few words after a title, behind a place and a rank of its own («مدير إدارة
        شؤون القطاع الصحي الخاص بصحة جدة الدكتور محمد باجبير»): the name run right after a rank
        (word class ``rank``) within the next words, after a word with ب and no grammatical word or
        verb."""
        for k, t in enumerate(toks[:MAX_TITLE_GAP]):
            if t.kind != "w" or is_function_form(self.lex, t.text) or t.text in self.lex.verbs:
                return []
            if k and strip_definite(t.text) in self.lex.classes.rank \
                    and any(x.text.startswith("ب") and not is_namey(self.lex, x.text) for x in toks[:k]):
                span = next(name_runs(self.lex, toks[k:]), None)
                return [x.text for x in toks[k + span[0]:k + span[1]]] if span is not None and span[0] == 1 else []
        return []

    def _name_before(self, pos: int) -> list[str]:
        """The name that ends right before ``pos`` (two words or more, link words included),
        the title standing after it in apposition: «الشيخ عبدالعزيز بن عبدالله آل الشيخ مفتي …»."""
        run: list[str] = []
        toks = tokens(self.w, max(0, pos - 80), pos)
        if toks and toks[-1].kind == "comma":
            toks = toks[:-1]  # «عباس شومان، وكيل مشيخة الأزهر»
        for k in range(len(toks) - 1, -1, -1):
            t = toks[k]
            family = not run and k > 0 and is_definite(t.text) and toks[k - 1].text == "ال"  # «آل الشيخ»
            if t.kind != "w" or not (family or is_namey(self.lex, t.text) or t.text in self.lex.classes.name_link
                                     or (run and run[0] in self.lex.classes.name_link)):
                break
            run.insert(0, t.text)
        while run and run[0] in self.lex.classes.name_link:
            run = run[1:]
        if len(run) < 2:
            return []
        # the name itself follows a title, a comma or the start of the text («الشيخ عبدالعزيز …»),
        # not another noun it would be the genitive of («لقاء دونالد ترمب أمير قطر»)
        k = len(toks) - len(run) - 1
        while k >= 0 and toks[k].kind == "w" and toks[k].text in self.lex.classes.name_link:
            k -= 1
        ok = k < 0 or toks[k].kind in ("comma", "end", "q") or (toks[k].kind == "w" and (
            title_of(self.lex, toks[k].text) is not None or is_speech_verb(self.lex, toks[k].text)))  # «قال عباس شومان، وكيل …»
        return run if ok else []

    def first_full_mention(self, head: str, pos: int) -> str | None:
        """The earlier of :meth:`first_indefinite` and the first place the article writes
        ``head`` with ال and a nisba adjective («الجمارك الفرنسية»), as the article writes it:
        the fullest first mention of a generic source («الجمارك» → «الجمارك الفرنسية»)."""
        key, lo, hi = self.scope(pos)
        if (head, key) not in self._first_cache:
            found = self._first_indefinite(head, lo, hi)
            definite = _definite_pattern(head).search(self.w, lo, found[0] if found else hi)
            self._first_cache[(head, key)] = self.display(definite.start("phrase"), definite.end()) \
                if definite is not None else (found[1] if found else None)
        return self._first_cache[(head, key)]

    def first_indefinite(self, head: str, pos: int) -> str | None:
        """The first place the article writes ``head`` without ال (also in the accusative,
        «استطلاعا»), with the words that qualify it («مصادر يمنية»، «استطلاع رويترز وإبسوس»),
        or the body that made it («استطلاعا للرأي أجرته رويترز وإبسوس» → «استطلاع رويترز
        وإبسوس»): as the article writes it."""
        _, lo, hi = self.scope(pos)
        found = self._first_indefinite(head, lo, hi)
        return found[1] if found else None

    def _first_indefinite(self, head: str, lo: int, hi: int) -> tuple[int, str] | None:
        for m in _word_pattern(head, accusative=True).finditer(self.w, lo, hi):
            end = m.end()
            n = 0
            prev = m.group("head")
            toks = list(tokens(self.w, m.end(), min(hi, m.end() + 80)))
            for t in toks:
                if t.kind != "w" or n == MAX_NAME_WORDS - 1 or t.text in self.lex.function_words \
                        or t.text in self.lex.mention_stoppers or t.text in self.lex.complementizers \
                        or t.text in self.lex.cues or t.text in self.lex.classes.copula \
                        or not self._qualifies(t.text, n, prev):
                    break
                end = t.end
                n += 1
                prev = t.text
            maker = self._maker(toks)
            if maker is not None:
                return m.start(), self.display(m.start("head"), m.end("head")) + " " + self.display(*maker)
            if n:
                return m.start(), self.display(m.start("head"), end)  # without its proclitic («لمركز القدس»)
        return None

    def _maker(self, toks: list) -> tuple[int, int] | None:
        """«… للرأي أجرته رويترز وإبسوس»: the names after a verb of making (word class
        ``maker``) that closes the noun's phrase, within a few words."""
        words = [t for t in toks[:6] if t.kind == "w"]
        for t in words[:3]:
            if t.text in self.lex.classes.maker:
                names = []
                for w in toks[toks.index(t) + 1:]:
                    if w.kind != "w" or len(names) == MAX_NAME_WORDS or w.text in self.lex.function_words \
                            or w.text in self.lex.complementizers or w.text in self.lex.mention_stoppers \
                            or w.text in self.lex.cues or is_definite(w.text):
                        break
                    names.append(w)  # the body's name, «رويترز وإبسوس» (names of agencies need not look like people's)
                return (names[0].start, names[-1].end) if names else None
        return None

    def _qualifies(self, word: str, n: int, prev: str) -> bool:
        """Can ``word`` be the ``n``-th word qualifying a generic source? An adjective
        (أمنية، مصري، كنديون، الألمانية), a genitive right after the noun («حركة الجهاد»), or a proper name right after the noun or after و
        («صحيفة هاندلشبلات»، «استطلاع رويترز وإبسوس»); not a verb, an adverb (نقلا) or a
        noun with a preposition (بقاعة)."""
        if word.endswith("ا") or word.startswith("ب") or word in self.lex.verbs or is_verb_with_object(self.lex, word):
            return False  # (nor a verb: «تقرير نشرته المنصة»، «تقرير الشركة الداخلية يلقي»)
        if is_definite(word):
            # a genitive or an adjective («حركة الجهاد الإسلامي»، «شرطة الطريق السريع»), not a
            # verbal noun or a title after a definite word: the verb's object or someone else
            # («أعلنت حركة الجهاد التوصل لاتفاق»، «مكتب التحقيقات الكابتن …»)
            return not (n and is_definite(prev) and not word.endswith(ADJECTIVE_ENDINGS) and (
                is_verbal_noun(strip_definite(word)) or title_of(self.lex, word) is not None))
        if len(word) > 3 and word.endswith(ADJECTIVE_ENDINGS):
            return True
        name = word[1:] if word.startswith("و") and n else word
        return (n == 0 or name != word) and is_namey(self.lex, name) and name not in self.lex.common_nouns


@lru_cache(maxsize=256)
def _word_pattern(word: str, accusative: bool = False) -> "re.Pattern[str]":
    """``word`` as a whole word, behind at most one proclitic (و، ب، ل، ف) and no ال; with
    ``accusative``, also with the alif of the indefinite accusative («استطلاعا»)."""
    return re.compile(r"(?<!\w)[وبلف]?(?P<head>" + re.escape(word) + r")" + ("ا?" if accusative else "") + r"(?!\w)")


@lru_cache(maxsize=256)
def _definite_pattern(word: str) -> "re.Pattern[str]":
    """``ال`` + ``word`` (behind at most one proclitic) and one or two nisba adjectives with ال
    («الجمارك الفرنسية»، «الشرطة الفرنسية المحلية»)."""
    adjective = r"\s+(?!الذي|التي|اللذين|اللتين|الذين)ال\w+ي(?:ه|ين|ون)?(?!\w)"  # not a relative pronoun
    return re.compile(r"(?<!\w)[وبلف]?(?P<phrase>ال" + re.escape(word) + r")(?:" + adjective + r"){1,2}")


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
    """The part of a match object that :meth:`ArticleNames.fullest` uses."""

    __slots__ = ("_s", "_e")

    def __init__(self, s: int, e: int):
        self._s, self._e = s, e

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e
