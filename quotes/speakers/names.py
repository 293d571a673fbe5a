"""Names inside a mention: runs of name words in an appositive position, and whether a
mention names a source at all."""

from __future__ import annotations

from typing import Iterator, NamedTuple, Sequence

from quotes.lexicon import Lexicon
from quotes.morphology import ADJECTIVE_ENDINGS, PROCLITICS, is_definite, strip_definite, without_conjunction
from quotes.speakers.words import (is_accusative_noun, is_al_first_name, is_circumstantial, is_family_name,
                                   is_function_form, is_namey, is_namey_as_written, is_possessed, is_verbal_noun, kin_construct, kin_stem,
                                   opens_with_outlet, title_of)
from quotes.tokens import Tok, tokens

MAX_NAME_WORDS = 4


class MentionSpan(NamedTuple):
    start: int  # normalised offsets
    end: int


class Subject(NamedTuple):
    """The subjects a cue that names no one may share: ``clauses``, the subjects of the clauses
    it hangs on, nearest first (a relative clause's antecedent, the verb that opens the
    sentence), any of which a participle shares whoever was quoted before it, and ``named``,
    the mention of a speech verb before it or the nearest titled name, which counts only as
    a name."""
    clauses: tuple[MentionSpan, ...]
    named: MentionSpan | None


def _name_length(lex: Lexicon, toks: Sequence[Tok], i: int, j: int) -> int:
    """Words of the name ``toks[i:j]``, its link words (بن، آل، عبد، أبو) not counted: «سياف بن
    عامر آل خشيل» and «حمد بن عيسى آل خليفة» are whole names."""
    return sum(1 for t in toks[i:j] if t.text not in lex.classes.name_link)


def names_a_place(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Does the name starting at ``toks[i]`` follow «<place head> <royal title>», as in
    «مطار الملك فهد» or «جامعة الملك عبدالعزيز»?"""
    if i < 2 or toks[i - 1].kind != "w" or toks[i - 2].kind != "w":
        return False
    title = title_of(lex, toks[i - 1].text)
    if title is None or title[0] != "person" or not is_definite(toks[i - 1].text):
        return False
    head = strip_definite(toks[i - 2].text)
    if head[:1] in PROCLITICS and head not in lex.place_heads:
        head = strip_definite(head[1:])
    return head in lex.place_heads


def name_run(lex: Lexicon, toks: Sequence[Tok], w: str) -> tuple[int, int] | None:
    """Indices ``(i, j)`` of the name in ``toks``: the run the mention opens with (the head
    of an apposition: «مارتينيز، نجم بورتو البرتغالي سابقا»), or else the longest run of
    name words in an appositive position (see :meth:`name_runs`), the last of equals
    («أمين عام جمعية البر، سمير بن عبدالعزيز العفيصان» → the four-word run)."""
    best: tuple[int, int] | None = None
    for i, j in name_runs(lex, toks):
        if opens_with_outlet(lex, [t.text for t in toks[i:j]]):
            continue  # «مراسل بي بي سي ويل غرانت»: an outlet is no one's name
        if _whose_kin(lex, toks, i):
            continue  # «والد الشهيد محمد العسيري»: the martyr's name, not the father's
        if i == 0 or (i == 2 and toks[0].text in lex.classes.list_opener and toks[1].text == "من"):
            return i, j  # a mention that opens with a name: the head of an apposition (or of «كل من X وY»)
        if best is None or j - i >= best[1] - best[0]:
            best = (i, j)
    return best


def name_runs(lex: Lexicon, toks: Sequence[Tok]) -> Iterator[tuple[int, int]]:
    """Every run ``(i, j)`` of name words in ``toks`` in an appositive position (after
    ال-words, a title, a comma or a mark), in text order. A name that a place or an
    institution is named after («مطار الملك فهد الدولي», «كرسي الأمير محمد بن ناصر»)
    is part of that name, not a person's mention."""
    i = 0
    while i < len(toks):
        t = toks[i]
        prev = toks[i - 1] if i else None
        starts = t.kind == "w" and (is_namey(lex, t.text) or (
            is_al_first_name(lex, t.text) and i + 1 < len(toks) and toks[i + 1].kind == "w"
            and (is_namey(lex, toks[i + 1].text)
                 or (t.text in lex.classes.al_given_name and is_family_name(lex, toks[i + 1].text))))
            or grammatical_looking_given_name(lex, toks, i)
            or first_name_in_apposition(lex, toks, i)  # «نعيمة الكلاف، محامية الحراك»
            or first_name_after_comma(lex, toks, i)  # «وزير الخارجية التركي، مولود جاويش أوغلو»
            or first_name_after_rank(lex, toks, i)  # «اللواء فرج البحسني»
            or first_name_before_patronym(lex, toks, i)  # «د. عواطف بنت عبدالعزيز الظفر»
            or theophoric_name(lex, toks, i))  # «ضيف الله السبيعي»
        if starts and t.text.startswith("ل") and len(t.text) > 4 and t.text not in lex.given_names \
                and t.text[1:] in lex.given_names:
            starts = False  # «القوات الموالية لهادي»: a given name after ل is whom, not who (but «لافروف»، «لانس»)
        rest = t.text[1:]
        if starts and t.text.startswith("ل") and len(t.text) > 3 and t.text not in lex.given_names \
                and (rest in lex.common_nouns or is_verbal_noun(rest) or (rest[:1] == "م" and rest.endswith("ه"))) \
                and i + 1 < len(toks) and toks[i + 1].kind == "w" and is_definite(toks[i + 1].text) \
                and strip_definite(toks[i + 1].text) in lex.common_nouns and not toks[i + 1].text.endswith("ي"):
            starts = False  # «الهيئة الوطنية لمكافحة الفساد»: ل and a noun in construct (not «لولوة الخاطر»)
        if starts and complement_with_preposition(lex, toks, i):
            starts = False  # «الرئيس التنفيذي لأرامكو أمين الناصر»: whose chief, not a name word
        if starts and prev is not None and prev.kind == "w" and kin_stem(lex, prev.text) \
                and (kin_construct(lex, prev.text) or (t.text.startswith("و") and t.text not in lex.given_names)):
            starts = False  # «محامي ترمب»: whose lawyer; «زوجته وابنه»: more kin, not a name
        complement = starts and prev is not None and (construct_title(lex, prev.text) or org_construct(lex, prev.text)) and not (
            prev.text in lex.given_names and i >= 2 and toks[i - 2].kind == "w"
            and (is_definite(toks[i - 2].text) or title_of(lex, toks[i - 2].text)))  # «المحلل السياسي أمين قمورية»
        after_quantifier = prev is not None and prev.text == "من" and i >= 2 \
            and toks[i - 2].text in lex.classes.list_opener  # «كل من X وY»
        if not starts or not (prev is None or prev.kind in ("comma", "q") or after_quantifier or (
                prev.kind == "w" and (is_definite(prev.text) or title_of(lex, prev.text)
                                      or complement_with_preposition(lex, toks, i - 1)
                                      or _after_a_place(lex, toks, i) or (
                    t.text in lex.given_names and is_possessed(lex, prev.text))))):  # «المواشي وتربيتها محمد بن شارع»
            i += 1
            continue
        j = i + 1
        while j < len(toks) and _name_length(lex, toks, i, j) < MAX_NAME_WORDS and toks[j].kind == "w" \
                and not (j - i >= 2 and toks[j - 2].text == "ال") and (  # «… آل ثاني» closes the name
                (is_namey(lex, toks[j].text) and not (j - i >= 2 and is_accusative_noun(lex, toks[j].text)))
                or (toks[j].text[0] == "ف" and not is_definite(toks[j - 1].text)
                    and toks[j].text[1:] not in lex.verbs and toks[j].text[1:] not in lex.cues
                    and is_namey_as_written(lex, toks[j].text))  # «مايكل فرومان»: no ف + «رومان»
                or (toks[j].text in lex.classes.name_link and j + 1 < len(toks) and toks[j + 1].kind == "w"
                    and is_namey(lex, toks[j + 1].text))  # «ويلي دي مايير»
                or (toks[j].text in lex.classes.patronymic and j + 2 < len(toks) and toks[j + 1].kind == "w"
                    and toks[j + 2].kind == "w" and is_definite(toks[j + 1].text)
                    and title_of(lex, toks[j + 1].text) is not None
                    and is_namey(lex, toks[j + 2].text))  # «إسماعيل ولد الشيخ أحمد»: the father's title
                or (toks[j].text == "الله" and theophoric_name(lex, toks, j - 1))
                or (toks[j - 1].text in lex.classes.name_link and (toks[j].text not in lex.mention_stoppers
                                                          or toks[j].text in lex.given_names))):
            j += 1  # «عبد الله»، «محمد بن سلمان»، «أبو محمد»: a link word takes the next word
        if j == i + 1 and j + 1 < len(toks) and toks[j].kind == "w" \
                and toks[j + 1].kind == "w" and not is_definite(toks[j].text) \
                and not is_function_form(lex, toks[j].text) and toks[j].text not in lex.mention_stoppers \
                and title_of(lex, toks[j].text) is None \
                and is_family_name(lex, toks[j + 1].text):
            j += 1  # a middle name that is also a common noun (عبدالعزيز جزاء الحربي; not after a
            # whole name: «روري كوتريل عالم الجيولوجيا» is a name and an apposition)
        elif j == i + 1 and j + 1 < len(toks) and toks[i].text in lex.given_names and toks[j + 1].kind == "w" \
                and is_namey(lex, toks[j + 1].text) and not toks[j + 1].text.startswith("و") \
                and family_noun(lex, toks[:j + 1], j):
            j += 2  # … before a bare last name: «رجب طيب أردوغان»
        if j == i + 1 and family_noun(lex, toks, j) and (
                toks[i].text in lex.name_genders or toks[i].text not in lex.common_nouns):
            j += 1  # «بسام راضي»، «عباس كامل»: a family name that is also a common noun (after a
            # given name that is surely one: not «مسلم آخر»)
        if j < len(toks) and _name_length(lex, toks, i, j) < MAX_NAME_WORDS and toks[j].kind == "w" \
                and is_family_name(lex, toks[j].text) \
                and (j + 1 == len(toks) or toks[j + 1].kind != "w" or not is_definite(toks[j + 1].text)
                     or title_of(lex, toks[j + 1].text) is not None):
            j += 1  # a family name with ال closes the name, unless an adjective chain follows
            # («وليد القويني المتحدث الإعلامي»: a title after it starts an apposition)
        elif j + 1 < len(toks) and toks[j].kind == "w" and toks[j + 1].kind == "w" \
                and _name_length(lex, toks, i, j) + 2 <= MAX_NAME_WORDS \
                and (j + 2 == len(toks) or toks[j + 2].kind != "w") \
                and (is_namey(lex, toks[j - 1].text) or toks[j - 1].text in lex.given_names) \
                and is_family_name(lex, toks[j].text) and is_family_name(lex, toks[j + 1].text) \
                and not toks[j].text.endswith(ADJECTIVE_ENDINGS) and not toks[j + 1].text.endswith((*ADJECTIVE_ENDINGS, "ين", "ون")) \
                and not toks[j + 1].text.startswith("الم") and not is_verbal_noun(strip_definite(toks[j + 1].text)):
            j += 2  # two family names with ال that end the mention: «الشيخ محمد الخالد الصباح»، «سعود العبد
            # اللطيف» (not a nisba and its adjective, a participle or a dual: «حسين المصري المقيم»، «البراك
            # المستثمر»، «خادم الحرمين الشريفين»)
        if complement:
            # after a title without ال the first name word is its complement («وقال أمير عسير»،
            # «مستشار ترامب»); a name after it is the holder («رئيس غواتيمالا جيمي موراليس»)
            k = i + next((len(o) for o in lex.outlets.get(t.text, ())
                          if tuple(x.text for x in toks[i:i + len(o)]) == o), 1)  # «مراسل بي بي سي …»
            if j - k >= 2:
                yield k, j
            i = j
            continue
        kin = prev is not None and prev.kind == "w" and kin_stem(lex, prev.text)
        if not names_a_place(lex, toks, i) and not (
                kin and j - i < 2 and t.text not in lex.given_names and t.text not in lex.name_genders):
            yield i, j  # (after a kin word, a lone unknown word is as often a verb: «ووالدها ينتميان»)
        i = j


def _whose_kin(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Does the name at ``toks[i]`` follow a kin word and the definite noun it is in construct
    with («والد الشهيد محمد العسيري»، «أحد أقارب الشهيد العريف عبدالله أحمد العسيري»)? Then it
    names whose kin the speaker is; after a comma it is the speaker's («شقيق الضحية، أحمد سالم»)."""
    k = i - 1
    while k >= 0 and i - k <= 3 and toks[k].kind == "w" \
            and (is_definite(toks[k].text) or toks[k].text in lex.classes.rank):
        k -= 1
    return 0 <= k < i - 1 and toks[k].kind == "w" and kin_construct(lex, toks[k].text) \
        and kin_stem(lex, toks[k].text) not in lex.classes.counsel


def _after_a_place(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Does a person's name open at ``toks[i]`` right after «في» and a place of one word («المتحدث
    باسم وزارة الدفاع في مالي أبو بكر ديالو»)? It opens with a given name that is no common noun,
    or «أبو»/«عبد» and a given name, and goes on with a name word."""
    if i < 2 or i + 1 >= len(toks) or toks[i - 2].text != "في" or toks[i - 1].kind != "w" \
            or toks[i + 1].kind != "w":
        return False
    place = toks[i - 1].text  # («مالي» is also a common noun: «financial»)
    if is_definite(place) or is_function_form(lex, place) or place in lex.mention_stoppers \
            or place.endswith("ات") or (title_of(lex, place) is not None and place in lex.common_nouns):
        return False  # a noun in construct with the name: «في مخابرات معمر القذافي»، «في مكتب …»
    word, nxt = toks[i].text, toks[i + 1].text
    if word in lex.classes.name_link:
        return nxt in lex.given_names
    return word in lex.given_names and word not in lex.common_nouns \
        and (is_namey(lex, nxt) or is_family_name(lex, nxt) or nxt in lex.classes.patronymic)


def complement_with_preposition(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Is ``toks[i]`` ل or ب and a proper noun completing the title phrase before it, with a
    holder's name right after it («رئيس المكتب السياسي لحماس إسماعيل هنية»، «التابعة لحماس إياد
    البزم»، «المدير العام للتعليم بجدة عبدالله بن أحمد الثقفي»)? The holder's name opens with a given
    name; «لافروف»، «بوريس» (names that open with ل or ب) are not read so."""
    if i < 1 or i + 2 >= len(toks) or toks[i].text[:1] not in "لب" or any(t.kind != "w" for t in toks[i - 1:i + 3]):
        return False
    word, before, given, third = toks[i].text, toks[i - 1].text, toks[i + 1].text, toks[i + 2].text
    return len(word) > 3 and word not in lex.given_names and word[1:] not in lex.given_names \
        and (is_namey(lex, word[1:]) or title_of(lex, word[1:]) == ("org", "unknown")) \
        and (is_definite(before) or title_of(lex, before) is not None) \
        and given in lex.given_names and given not in lex.classes.patronymic \
        and (is_namey(lex, third) or is_family_name(lex, third) or third in lex.classes.patronymic)


def construct_title(lex: Lexicon, word: str) -> bool:
    """Is ``word`` a person's title without ال (in construct: «أمير عسير»، «مستشار ترامب»)? Not
    an honorific («سمو»، «معالي»), a rank («دكتور»، «عقيد ركن»: word class ``rank``) nor an
    abbreviation («د.»), which a holder's name follows."""
    hit = title_of(lex, word)
    return hit is not None and hit[0] == "person" and not is_definite(word) and len(word) > 2 \
        and word not in lex.classes.honorific and word not in lex.classes.rank and not kin_stem(lex, word) \
        and not word.endswith("ه")


def theophoric_name(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Does a compound name with «الله» open at ``toks[i]``: a bare common noun, «الله», and a
    name word or a family name after it («ضيف الله السبيعي»، «جار الله الغامدي»; not «بفضل الله
    تعالى»، «رحمه الله»)?"""
    if i + 2 >= len(toks) or toks[i].kind != "w" or toks[i + 1].text != "الله" or toks[i + 2].kind != "w":
        return False
    w, nxt = toks[i].text, toks[i + 2].text
    return w in lex.common_nouns and not is_definite(w) and w[:1] not in "بل" and not w.endswith("ه") \
        and w not in lex.verbs and not nxt.endswith("ه") and (is_namey(lex, nxt) or is_family_name(lex, nxt))


def org_construct(lex: Lexicon, word: str) -> bool:
    """Is ``word`` a generic institution noun without ال (word class ``institution``), whose
    complement names the institution («مستشفى ميراويس»، «بلدية لييج ويلي دي مايير»: the name
    after the complement is a person's; not a party's name: «القيادي في حماس أسامة بدران»)?"""
    return without_conjunction(word, longer_than=3) in lex.classes.institution


def family_noun(lex: Lexicon, toks: Sequence[Tok], j: int) -> bool:
    """Is ``toks[j]``, right after a given name, a family name that is also a common noun
    («بسام راضي»، «عباس كامل»)? It is a bare noun of ``common_nouns.txt`` that ends the
    mention or stands before a comma, a mark or a title («محمد راضي المتحدث باسم الوزارة»);
    not a word of another class (a time: «قال محمد أمس»; an object: «أكد خالد ضرورة الأمر»)."""
    if j >= len(toks) or toks[j].kind != "w":
        return False
    w = toks[j].text
    if w not in lex.common_nouns or w in lex.given_names or _of_another_class(lex, w):
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is None or nxt.kind != "w" or (is_definite(nxt.text) and title_of(lex, nxt.text) is not None)


def grammatical_looking_given_name(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Is ``toks[i]`` a given name that normalises like a grammatical word (على → علي)? It is
    after a person's title and before بن or another name word («الدكتور علي بن يحيى»).
    (Before a family name alone it stays ambiguous: «علي الأحمدي» but «على الأراضي».)"""
    t, prev = toks[i], toks[i - 1] if i else None
    if t.text not in lex.given_names or prev is None or prev.kind != "w" or i + 1 >= len(toks) \
            or toks[i + 1].kind != "w":
        return False
    nxt = toks[i + 1].text
    return (title_of(lex, prev.text) or ("", ""))[0] == "person" and (
        nxt in lex.classes.patronymic or (is_namey(lex, nxt) and not is_definite(nxt)))


def first_name_in_apposition(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Is ``toks[i]``, a common noun that opens the mention, a first name? It is when a
    family name (ال) follows it and a person's title stands in apposition after the two
    («نعيمة الكلاف، محامية الحراك»). (A common noun right after a title is left alone: «أمير
    منطقة القصيم»، «قائد محور صعدة» are titles, not names.)"""
    if i != 0 or len(toks) < 4:
        return False
    word, nxt, comma, title = toks[0], toks[1], toks[2], toks[3]
    if word.kind != "w" or nxt.kind != "w" or is_definite(word.text) or len(word.text) < 3:
        return False
    if word.text in lex.function_words or word.text in lex.mention_stoppers or title_of(lex, word.text):
        return False
    return (is_family_name(lex, nxt.text) and strip_definite(nxt.text) not in lex.common_nouns
            and comma.kind == "comma" and _person_title(lex, title))


def first_name_before_patronym(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Is ``toks[i]``, a common noun before «بن/بنت» and a given name, a first name? It is: the
    patronymic chain names a person («د. عواطف بنت عبدالعزيز الظفر»، «عطاء بن محمد»; not «ابن
    عم»، «بنت عامين», whose second word is no given name)."""
    if i + 2 >= len(toks) or toks[i].kind != "w" or toks[i + 1].text not in ("بن", "بنت") \
            or toks[i + 2].text not in lex.given_names:
        return False
    word = toks[i].text
    return not is_definite(word) and len(word) >= 3 and not _of_another_class(lex, word) \
        and not word.endswith("ه") and (word[:1] not in "وبلف" or (  # («ومحمد بن سلمان»: و and a name)
            word[0] in "بل" and word[1:] not in lex.given_names and word[1:] not in lex.common_nouns))  # «بيشي»


def first_name_after_comma(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Is ``toks[i]``, a common noun after a person's title phrase and a comma, a first name?
    It is when a name word follows it and the name ends the mention or a comma closes it
    («وزير الخارجية التركي، مولود جاويش أوغلو، الثلاثاء»)."""
    if i < 2 or i + 1 >= len(toks) or toks[i - 1].kind != "comma" or toks[i].kind != "w" or toks[i + 1].kind != "w":
        return False
    word = toks[i].text
    if is_definite(word) or len(word) < 3 or _of_another_class(lex, word) or title_of(lex, word) \
            or word not in lex.common_nouns or not _name_or_family_word(lex, toks[i + 1].text):
        return False
    if not any(t.kind == "w" and _person_title(lex, t) for t in toks[max(0, i - 5):i - 1]):
        return False
    j = i + 1
    while j < len(toks) and toks[j].kind == "w" and _name_or_family_word(lex, toks[j].text) \
            and j - i < MAX_NAME_WORDS:
        j += 1
    return j == len(toks) or toks[j].kind != "w"


def _name_or_family_word(lex: Lexicon, word: str) -> bool:
    """A name word or a family name with ال («مولود جاويش أوغلو»، «أسماء الأسد»)."""
    return is_namey(lex, word) or (is_family_name(lex, word) and title_of(lex, word) is None)


def first_name_after_rank(lex: Lexicon, toks: Sequence[Tok], i: int) -> bool:
    """Is ``toks[i]``, a common noun right after a person's title with ال, a first name? It is
    when a family name follows that is no common noun («اللواء فرج البحسني»، «العميد صلاح
    الجبوري»); not «المدير عام الشركة»."""
    if i == 0 or i + 1 >= len(toks) or toks[i].kind != "w" or toks[i + 1].kind != "w":
        return False
    prev, word, nxt = toks[i - 1], toks[i].text, toks[i + 1].text
    if not is_definite(nxt) or is_definite(word) or len(word) < 3 or not is_definite(prev.text) \
            or not _person_title(lex, prev):
        return False
    if _of_another_class(lex, word):
        return False
    return is_family_name(lex, nxt) and strip_definite(nxt) not in lex.common_nouns


def _of_another_class(lex: Lexicon, w: str) -> bool:
    """Is the common noun ``w`` of a class that is never part of a name, where the corpus
    lists would otherwise let it pass as a first or family name (family_noun,
    first_name_after_rank): a grammatical word, a stopper, a cue, a verb, a time, a title, a
    noun with its pronoun, an accusative noun or a circumstantial participle?"""
    return w in lex.mention_stoppers or w in lex.cues or is_function_form(lex, w) \
        or (w.endswith("ه") and w[:-1] in lex.common_nouns) or w in lex.verbs or w in lex.classes.time \
        or title_of(lex, w) is not None or is_accusative_noun(lex, w) or is_circumstantial(lex, w)


def _person_title(lex: Lexicon, tok: Tok) -> bool:
    return tok.kind == "w" and (title_of(lex, tok.text) or ("", ""))[0] == "person"


def apposition_head(lex: Lexicon, toks: Sequence[Tok], w: str) -> tuple[int, int]:
    """Indices ``(i, j)`` of the part of a mention with commas that names the speaker.

    A speaker's name never holds an apposition or what follows a comma: the part that
    opens with a name (after titles only) is the speaker, the first such part
    («بشار الجعفري، مندوب سوريا» → «بشار الجعفري»; «وزير الخارجية التركي، مولود جاويش
    أوغلو» → the holder; «اللواء جعفر محمد سعد، مستشار الرئيس اليمني عبد ربه منصور
    هادي» → «اللواء جعفر محمد سعد»). A source or institution named before the comma is
    the speaker whatever follows («مصدر قريب من الكاتب السعودي، جمال خاشقجي»، «المرصد
    السوري لحقوق الإنسان، ومقره بريطانيا»), and so is the first part when no part opens
    with a name.
    """
    parts: list[tuple[int, int]] = []
    start = 0
    for k, t in enumerate(toks):
        if t.kind == "comma":
            parts.append((start, k))
            start = k + 1
    if not parts:
        return 0, len(toks)
    parts.append((start, len(toks)))
    first = next((t for t in toks[:parts[0][1]] if t.kind == "w"), None)
    if first is None or strip_definite(first.text) in lex.generic_sources \
            or (title_of(lex, first.text) or ("", ""))[0] == "org":
        return parts[0]
    run_starts = {i for i, _ in name_runs(lex, toks)}  # in context: «…، أسماء الأسد» (a common noun as first name)
    opener = next((p for p in parts if _opens_with_name(lex, toks[p[0]:p[1]], w)
                   or (p is not parts[0] and p[0] in run_starts)), None)
    if opener is not None:
        return opener
    if _person_title(lex, first) and name_run(lex, toks[:parts[0][1]], w) is None \
            and (is_holder(lex, toks[parts[1][0]:parts[1][1]], w)
                 or any(i == parts[1][0] for i, _ in name_runs(lex, toks[:parts[1][1]]))):
        return parts[1]  # «مديرة البحوث في المنظمة، لين معلوف»، «…، مولود جاويش أوغلو»: a title, then its holder
    return parts[0]


def is_holder(lex: Lexicon, part: Sequence[Tok], w: str) -> bool:
    """Can ``part``, after a title and a comma, be the title's holder: a bare name, or a
    short phrase of no grammatical word with a name in it («الميجر جنرال محمد باقري»،
    «جيم ماتيس»)?"""
    if _bare_name(lex, part):
        return True
    words_ = [t.text for t in part if t.kind == "w"]
    while words_ and title_of(lex, words_[0]):
        words_ = words_[1:]  # «الملك حمد بن عيسى آل خليفة»: the name after its titles
    return len(words_) <= MAX_NAME_WORDS + 1 and name_run(lex, part, w) is not None \
        and not any(word in lex.function_words or word in lex.mention_stoppers for word in words_)


def _opens_with_name(lex: Lexicon, part: Sequence[Tok], w: str) -> bool:
    """Does ``part`` open with a name, after person titles only, the last with ال
    («المهندس خالد …»)? After a title without ال a name is its complement, not its holder
    («محافظ صعدة»، «مندوبة أميركا»); a news outlet is no name («مراسلة بي بي سي», see :func:`name_run`)."""
    run = name_run(lex, part, w)
    if run is None:
        return False
    before = [t for t in part[:run[0]] if t.kind == "w"]
    return all(_person_title(lex, t) for t in before) and (not before or is_definite(before[-1].text))


def _bare_name(lex: Lexicon, part: Sequence[Tok]) -> bool:
    """Is ``part`` two to four name words and nothing else: given names (even one that
    reads like a grammatical word, «علي»), words that can be names, family names with ال
    («علي الوليدي»، «لين معلوف»، «الشافعي أبتدون»)? Not «أهمية اتفاقية التعاون»."""
    words_ = [t.text for t in part if t.kind == "w"]
    if not 2 <= len(words_) <= MAX_NAME_WORDS or len(words_) != len(part):
        return False
    namey = [word in lex.given_names or is_namey(lex, word) for word in words_]
    return any(namey) and all(n or is_family_name(lex, word) for n, word in zip(namey, words_))


def looks_like_source(lex: Lexicon, w: str, mention: MentionSpan) -> bool:
    """Does a mention (after حسب/وفق, or before a verb) name a source?

    Its first word is a title or institution (وزارة، المتحدث، مصادر), or it is a name,
    maybe after one or two definite nouns it stands in apposition to («الطالب ماجد»).
    """
    toks = [t for t in tokens(w, mention.start, mention.end) if t.kind in ("w", "q")]
    words_ = [t for t in toks if t.kind == "w"]
    if not words_:
        return False
    if title_of(lex, words_[0].text):
        return True
    if words_[0].text in lex.classes.quantifier and len(words_) > 1:
        # «عدد من اللاعبين»، «كل من ضيف الله السبيعي وأحمد الحكمي»، «بعض المسؤولين»: a group
        rest = words_[2:] if words_[1].text == "من" else words_[1:]
        if words_[1].text != "من" and words_[0].text not in lex.classes.partitive:
            return False  # «وفقا لعدد مرات خسارته»: a count, not a group
        return bool(rest) and (is_definite(rest[0].text) or title_of(lex, rest[0].text) is not None
                               or looks_like_source(lex, w, MentionSpan(rest[0].start, mention.end)))
    if opens_with_outlet(lex, [t.text for t in words_]):
        return True  # «بحسب فرانس برس»
    run = name_run(lex, toks, w)
    if run is not None and (is_accusative_noun(lex, toks[run[0]].text) or is_circumstantial(lex, toks[run[0]].text)):
        return False  # «بحسب حدودا»، «ممولا رئيسيا»: an accusative noun names no source
    return run is not None and all(t.kind == "q" or is_definite(t.text) for t in toks[:run[0]]) \
        and sum(t.kind == "w" for t in toks[:run[0]]) <= 2  # «الطالب ماجد يقول إن»
