"""Arabic clitics and the article on normalised words: the one place they are stripped.

Prefixes and endings are orthography, not vocabulary: they live here, next to the rules
that use them; word lists live in ``resources/``.
"""

from __future__ import annotations

DEFINITE = ("وال", "بال", "فال", "كال", "لل", "ال")   # the article behind a proclitic
PROCLITICS = frozenset("وفلبك")                          # one-letter proclitics
CONJUNCTIONS = frozenset("وف")
STEM_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س")
STEM_SUFFIXES = ("ات", "ين", "ون", "ا", "ه")             # plural, accusative and feminine endings
NISBA = ("ي", "يه", "يين", "يون", "ين", "ات")            # relational adjectives (الأمريكية، الروسي)
ADJECTIVE_ENDINGS = ("ي", "يه", "يون", "يين", "ه")       # normalised: ة → ه


def strip_definite(word: str) -> str:
    """Remove a leading (و/ب/ف/ك/ل)ال from a normalised word."""
    if word.startswith(DEFINITE):  # (one test first: most words carry no article)
        for p in DEFINITE:
            if word.startswith(p) and len(word) > len(p) + 1:
                return word[len(p):]
    return word


def is_definite(word: str) -> bool:
    """Does a normalised word carry the article ال (possibly behind و/ب/ف/ك/ل)?"""
    return word.startswith(DEFINITE) and strip_definite(word) != word


def without_conjunction(word: str, longer_than: int = 1) -> str:
    """The word without a leading و or ف, when it is longer than ``longer_than`` letters
    (so «فهد»، «وليد» keep theirs when the caller asks for more than three)."""
    return word[1:] if word[:1] in CONJUNCTIONS and len(word) > longer_than else word


def clitic_readings(word: str) -> tuple[str, ...]:
    """A normalised function word as written and without its proclitics: «ولا» → لا،
    «لمكافحة» → مكافحة، «للتصدي» → التصدي، «وبدون» → بدون (the word itself first)."""
    out = [word]
    rest = word
    for _ in range(2):  # at most two one-letter proclitics (وب، ول، فل)
        if rest[:1] in PROCLITICS and len(rest) > 2:
            rest = "ال" + rest[2:] if rest.startswith("لل") and len(rest) > 3 else rest[1:]
            out.append(rest)
        else:
            break
    return tuple(out)


def without_article(word: str, min_stem: int = 3) -> str:
    """The word without a bare leading ال, when at least ``min_stem`` letters remain."""
    return word[2:] if word.startswith("ال") and len(word) - 2 >= min_stem else word


def bare_forms(word: str) -> list[str]:
    """A normalised word and its forms without proclitics and ال, then without an
    accusative or feminine ending (ناجحا، مثمره → ناجح، مثمر); longest first."""
    stems = [word]
    for p in STEM_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            stems.append(word[len(p):])
    out = list(stems)
    for s in stems:
        for suffix in STEM_SUFFIXES:
            if s.endswith(suffix) and len(s) - len(suffix) >= 3:
                out.append(s[: -len(suffix)])
    return out


# possessive and object pronouns a stance term may carry (not ه: after normalisation it is also ة)
POSSESSIVE_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا")


def stance_forms(word: str) -> list[str]:
    """:func:`bare_forms` of a normalised word, then of the word without an attached pronoun
    (خسارتهم → خساره، تعهداتها → تعهدات، يرفضها → يرفض), a ت before it read as ة too."""
    forms = bare_forms(word)
    for suffix in POSSESSIVE_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            rest = word[: -len(suffix)]
            stems = [rest, rest[:-1] + "ه"] if rest.endswith("ت") else [rest]
            for stem in stems:
                forms.extend(f for f in bare_forms(stem) if f not in forms)
            break
    return forms


# attached pronouns (normalised) and the agreement they carry: «لكنه» he/it, «لكنها» she, «لكنهم» they
PRONOUN_SUFFIXES = (("هما", "unknown"), ("هم", "unknown"), ("هن", "unknown"), ("ها", "female"), ("ه", "male"))


def pronoun_gender(word: str) -> str | None:
    """The gender an attached pronoun gives ``word`` (None: no pronoun; unknown: plural/dual)."""
    for suffix, gender in PRONOUN_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return gender
    return None

