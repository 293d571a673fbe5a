"""Word classes of speaker mentions: the article ال, titles, words that can be part of a
name, family names (all on normalised words, with the lexicon's lists)."""

from __future__ import annotations

from quotes.lexicon import Lexicon
from quotes.morphology import NISBA, PRONOUN_SUFFIXES, PROCLITICS, is_definite, strip_definite, without_conjunction

# memoised word tests, (lexicon version, word) -> result, each bounded (see _memo)
_NAMEY: dict[tuple[str, str], bool] = {}
_KIN: dict[tuple[str, str], "str | None"] = {}
_FUNCTION: dict[tuple[str, str], bool] = {}
_TITLE: dict[tuple[str, str], tuple[str, str] | None] = {}
_CACHE_LIMIT = 200_000  # entries of one cache before it starts over (memory stays flat on any corpus)
_MISSING = object()
_VERB_PROCLITICS = "وفل"  # the proclitics a verb takes
_PRONOUNS = tuple(p for p, _ in PRONOUN_SUFFIXES)  # هما، هم، هن، ها، ه: longest first, ه last
# first and second persons behind a preposition («لدينا»، «علينا»، «لكم»); not ي or ك: «منى» normalises
# to «مني», a name and «من» with ي
_SPEAKER_PRONOUNS = ("كما", "نا", "كم", "كن")


def _memo(cache: dict, lex: Lexicon, word: str, compute):
    """``compute(lex, word)``, remembered in ``cache`` per lexicon version (the word tests run
    on the same words again and again: they are the engine's hottest calls)."""
    key = (lex.version, word)
    hit = cache.get(key, _MISSING)
    if hit is _MISSING:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        hit = cache[key] = compute(lex, word)
    return hit


def title_of(lex: Lexicon, word: str) -> tuple[str, str] | None:
    """(kind, gender) when ``word`` is a title or institution word, or a kin or a lawyer
    with their pronoun («شقيقه»، «والدتها»، «محامي»: word class ``kinship``)."""
    return _memo(_TITLE, lex, word, _title)


def _title(lex: Lexicon, word: str) -> tuple[str, str] | None:
    for cand in (word, strip_definite(word), without_conjunction(word)):
        hit = lex.titles.get(cand)
        if hit and (cand is word or len(cand) > 1):  # an abbreviation («د»، «م») is a word of its own: «فم» is no title
            return hit
    return ("person", "unknown") if kin_stem(lex, word) else None


def kin_stem(lex: Lexicon, word: str) -> str | None:
    """The kin word of ``word`` («شقيقه» → شقيق، «والدتها» → والد، «زوجته» → زوج), or None."""
    return _memo(_KIN, lex, word, _kin_stem)


def _kin_stem(lex: Lexicon, word: str) -> str | None:
    bare = without_conjunction(word)
    for form in dict.fromkeys((word, bare, strip_definite(word), strip_definite(bare))):  # «والده»: و is the root's
        stem = form
        for p in _PRONOUNS:
            if stem.endswith(p) and len(stem) > len(p) + 2:
                stem = stem[: -len(p)]
                break
        if stem.endswith(("ت", "ه")) and stem[:-1] in lex.classes.kinship:
            stem = stem[:-1]  # «والدته»، «والدة»
        if stem in lex.classes.kinship:
            return stem
    return None


def kin_construct(lex: Lexicon, word: str) -> bool:
    """Is ``word`` a kin word without ال or a pronoun, whose name after it is whose kin it is
    («محامي ترمب»، «والد أغدم»), not its holder («محاميه لاني دافيس»، «المحامية كاي روجرز»)?"""
    stem = kin_stem(lex, word)  # («والده خالد» reads as his father, not as Khalid's mother)
    return stem is not None and stem in (word, without_conjunction(word))


def is_namey(lex: Lexicon, word: str) -> bool:
    """Could ``word`` be part of a person's name?

    Not a definite word, function word, title, cue, common noun (a word the corpus
    also writes with ال) or verb (a word the corpus writes after لم، لن، سوف، قد), nor one
    of these behind a one-letter proclitic (لمجلس، وحماية).
    """
    return _memo(_NAMEY, lex, word, _namey)


def is_namey_as_written(lex: Lexicon, word: str) -> bool:
    """:func:`is_namey` without reading a first و/ف/ب/ل as a proclitic: for a word inside a name
    («مايكل فرومان», not ف + «رومان»)."""
    return _namey(lex, word, proclitic=False)


def _namey(lex: Lexicon, word: str, proclitic: bool = True) -> bool:
    if len(word) < 2 or word.isdigit() or is_definite(word) or is_function_form(lex, word):
        return False
    if word[0] in "لب" and word[1:2].isascii() and word[1:2].isalpha():
        return False  # «لـCNN»، «بـBBC»: a preposition and an outlet in Latin letters
    forms = [word]
    if proclitic and word[0] in PROCLITICS and len(word) > 3 and word not in lex.given_names:
        # «لمجلس»، «وحماية»; but «فراس»، «فهد»، «وليد» are names, not a proclitic and a noun
        forms.append(word[1:])
    for f in forms:
        if f in lex.mention_stoppers or f in lex.titles or is_function_form(lex, f):
            return False
        if f in lex.cues and (f is word or word[0] in _VERB_PROCLITICS):
            return False  # «وقال»، «فأكد»; but «كيري» is no ك and «يرى»
        if f in lex.common_nouns and f not in lex.given_names:
            return False
        if f in lex.verbs and f not in lex.given_names and (f is word or word[0] in _VERB_PROCLITICS):
            return False  # «يشعر»، «وتفرض»: a verb (ب and ك never stand before one: «كيزر» is a name)
    if (_accusative_participle(word) and word[:-1] in lex.common_nouns or _participle_shape(word)
            or _accusative_plural(lex, word)) and word not in lex.given_names:
        return False  # a circumstantial participle: «مبررا»، «متوقعا»، «ساخرا»، «متناسيا»; «أهدافا»
    if word[:1] in "يت" and word.endswith(("ان", "ون")) and word[:-2] in lex.verbs and word not in lex.given_names:
        return False  # an imperfect verb of a pair or a group: «ينتميان»، «يطالبون»
    for f in forms:
        if word not in lex.given_names and (is_noun_with_pronoun(lex, f) or (
                f is not word and f.endswith("ه") and len(f) >= 5 and f[0] != "ا" and f[:-1] in lex.common_nouns)):
            return False  # «رئيسها»، «تأكيده»، «بفريقه» (a preposition, a noun and ه; not «بجدة»، «باجودة»)
        if is_verb_with_object(lex, f) and word not in lex.given_names:
            return False  # «أصدرته»، «تلقتها»، «عقده»
    return title_of(lex, word) is None


def is_possessed(lex: Lexicon, word: str) -> bool:
    """Is ``word`` a common noun with a possessive pronoun: «اسمها»، «رئيسها» (not with ه:
    «ساره»، «حمزه» are names), or a noun in ة with any pronoun, its ة written ت («ومسيرتها»،
    «حكومته»، «وتربيتها»)? Such a noun is definite: a name after it is in apposition."""
    for form in dict.fromkeys((word, without_conjunction(word, longer_than=3))):  # «ولايته»: و of the root
        for p in _PRONOUNS:
            if not form.endswith(p):
                continue
            stem = form[: -len(p)]
            if (p != "ه" and stem in lex.common_nouns) or (
                    len(stem) >= 3 and stem.endswith("ت") and stem[:-1] + "ه" in lex.common_nouns):
                return True
    return False


def is_noun_with_pronoun(lex: Lexicon, word: str) -> bool:
    """Is ``word`` a common noun with its pronoun, never a name word: a possessed noun
    («رئيسها»، «ومسيرتها», see :func:`is_possessed`), a plural in ات with ه («تغريداته»: no name
    ends so, ة would be ه), or a verbal noun or a plural أفعال with ه («تأكيده»، «تصريحه»، «أنصاره»)?"""
    if is_possessed(lex, word) or (word.endswith("اته") and word[:-1] in lex.common_nouns):
        return True
    stem = word[:-1]
    return word.endswith("ه") and len(stem) >= 4 and (is_verbal_noun(stem) or (stem[0] == "ا" and stem[-2] == "ا")) \
        and stem in lex.common_nouns


def is_verbal_noun(stem: str) -> bool:
    """Has ``stem`` (without ال) the shape of a derived verbal noun: تفعيل («تأكيد»), تفعّل
    («توصل»), تفاعل («تراجع»), افتعال/انفعال/استفعال («اعتبار»، «انتقاد»، «استنكار»)?"""
    return (len(stem) >= 5 and stem[0] == "ت" and stem[-2] == "ي") or (len(stem) >= 6 and stem[0] == "ا" and stem[-2] == "ا") \
        or (len(stem) == 4 and stem[0] == "ت") or (len(stem) == 5 and stem[0] == "ت" and stem[2] == "ا")  # (not أفعال: «أنباء»)


def is_speech_verb(lex: Lexicon, word: str) -> bool:
    """Is ``word`` a cue form as written, so what follows it is who speaks («قال أنور قرقاش»)?
    Not a form that is a cue only behind و where it opens a clause («بين» is «between»)."""
    form = word if word in lex.cues else without_conjunction(word, longer_than=3)  # «وقالت»
    return form in lex.cues and form not in lex.classes.opening_cue


def is_verb_with_object(lex: Lexicon, word: str) -> bool:
    """A verb of ``verbs.txt`` with its object pronoun («أصدرته»، «نشرتها»، «أعدها»); not a
    noun whose ة normalises like the pronoun ه («خدمة»، «قادة»: the corpus writes them with ال)."""
    return word not in lex.common_nouns and any(word.endswith(p) and word[: -len(p)] in lex.verbs for p in _PRONOUNS)


def is_function_form(lex: Lexicon, word: str) -> bool:
    """Is ``word`` a grammatical word, never a name: a function word, complementizer,
    copula, emphatic «نفسه», topic «أما», a preposition behind a proclitic («ففي»، «وعن»),
    a preposition or contrast word with its pronoun («عليه»، «لكنها») or ل before an outlet
    («لبي بي سي»)?"""
    return _memo(_FUNCTION, lex, word, _function_form)


def _function_form(lex: Lexicon, word: str) -> bool:
    if word in lex.function_words or word in lex.complementizers or word in lex.classes.copula \
            or word in lex.classes.emphatic_self or word in lex.classes.topic:
        return True
    if word[:1] in PROCLITICS and len(word) >= 3 and word[1:] in lex.function_words and word not in lex.given_names:
        return True  # «ففي»، «وكيف»، «ولماذا» (not «لما», a name)
    if word.startswith("ل") and len(word) > 2 and (word[1:] in lex.outlets or "ال" + word[2:] in lex.outlets):
        return True  # «لبي» of «لبي بي سي»: a channel
    return any(word.endswith(p) and len(word) > len(p) + 1
               and (word[: -len(p)] in lex.classes.contrast or word[: -len(p)] in lex.function_words
                    or (word[-len(p) - 1] == "ي" and word[: -len(p) - 1] + "ى" in lex.function_words))
               for p in _PRONOUNS + _SPEAKER_PRONOUNS)  # «عليه»، «لدينا»: على، لدى with a pronoun (ى written ي)


def is_accusative_noun(lex: Lexicon, word: str) -> bool:
    """An indefinite accusative common noun («ضباطا»، «مسؤولا»): after a whole name it is
    the verb's object («أبلغ شي جين بينغ ضباطا أن»), not a further name word."""
    return word.endswith("ا") and len(word) >= 5 and word[:-1] in lex.common_nouns and word not in lex.given_names


def is_circumstantial(lex: Lexicon, word: str) -> bool:
    """A lone word of the shape of a circumstantial participle or adverb after a cue
    («وقال مازحا:»، «وقال مستشهدا»، «وقال لاحقا»): it says how, not who."""
    if word in lex.given_names or not word.endswith("ا"):
        return False
    return _participle_shape(word) or (len(word) == 5 and word[1] == "ا" and word[:-1] in lex.common_nouns)


def is_feminine_participle(lex: Lexicon, word: str) -> bool:
    """A derived participle in the feminine, its ة normalised («مستطردة»، «متسائلة»): alone after a
    cue it says how, not who; after a noun it is an adjective («مصادر متطابقة»). Not a noun
    («منظمة»، «محكمة»، «متابعة») nor a name."""
    return word.endswith("ه") and word.startswith(("مست", "مت")) and len(word) >= 6 \
        and word not in lex.common_nouns and word not in lex.given_names and word not in lex.name_genders \
        and _participle_shape(word[:-1] + "ا")


def _accusative_plural(lex: Lexicon, word: str) -> bool:
    """An indefinite accusative broken plural أفعالا of a common noun («أهدافا»، «أطفالا»)."""
    return len(word) == 6 and word[0] == "ا" and word[3] == "ا" and word[-1] == "ا" and word[:-1] in lex.common_nouns


def _accusative_participle(word: str) -> bool:
    """The shape of an accusative participle (مُفعِّلا، فاعلا): «مبررا»، «متوقعا»، «ساخرا»;
    not «روسيا», «أنجيلا», «موتا»."""
    return word.endswith("ا") and (_participle_shape(word) or (len(word) == 5 and word[1] == "ا"))


def _participle_shape(word: str) -> bool:
    """م, a consonant, and at least three more letters, the last ا: «مبررا»، «مستطردا»، «متهكما»
    (not «ماريا»، «ميلانيا»، «موناليزا», whose م is followed by a long vowel, nor a noun with
    its pronoun)."""
    return word.endswith("ا") and not word.endswith(("ها", "نا", "هما", "وا")) and word[0] == "م" and len(word) >= 5 \
        and word[1] not in "اوي"  # «محاميها»، «مراسلنا» are a noun and its pronoun


def is_al_first_name(lex: Lexicon, word: str) -> bool:
    """A first name that merely begins with ال (ألكسندر، أليكسي، ألبرت).

    Its remainder is no common noun, title or nisba adjective (الأمريكية، الروسي).
    Callers accept it only right before another name word.
    """
    if word in lex.classes.al_given_name:
        return True  # «الحسن طاهر»، «الطيب البكوش»: a given name with ال whose remainder is a common noun
    if not word.startswith("ال") or len(word) < 5:
        return False
    rest = word[2:]
    return (rest not in lex.common_nouns and rest not in lex.titles and word not in lex.function_words
            and not rest.endswith("ه")  # «المدينة المنورة خالد»: a feminine adjective, not «ألكسندر»
            and word not in lex.mention_stoppers and not rest.endswith(NISBA)
            and title_of(lex, word) is None)


def is_family_name(lex: Lexicon, word: str) -> bool:
    """A definite word that can end a name (نايف الشريف، فايز الأحمدي)."""
    return (word.startswith("ال") and len(word) > 3 and word not in lex.mention_stoppers
            and word not in lex.function_words and title_of(lex, word) is None)


def opens_with_outlet(lex: Lexicon, words: list[str]) -> bool:
    """Do ``words`` (normalised) open with a news outlet of ``outlets.txt`` («فرانس برس»، «بي بي سي»)?"""
    return bool(words) and any(tuple(words[:len(o)]) == o for o in lex.outlets.get(words[0], ()))
