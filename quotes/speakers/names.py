"""Names inside a mention: runs of name words in an appositive position, and whether a
mention names a source at all."""

from __future__ import annotations

from typing import Iterator, NamedTuple, Sequence

from quotes.lexicon import Lexicon
from quotes.morphology import PROCLITICS, is_definite, strip_definite
from quotes.speakers.words import is_accusative_noun, is_al_first_name, is_family_name, is_namey, title_of
from quotes.tokens import Tok, tokens

MAX_NAME_WORDS = 4


class MentionSpan(NamedTuple):
    start: int  # normalised offsets
    end: int


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
        if i == 0:
            return i, j  # a mention that opens with a name: the head of an apposition
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
            is_al_first_name(lex, t.text) and i + 1 < len(toks)
            and toks[i + 1].kind == "w" and is_namey(lex, toks[i + 1].text)) or (
            # «الدكتور علي بن يحيى»: a given name that normalises like a function word (على → علي),
            # after a person's title and before بن or another name word
            t.text in lex.given_names and prev is not None and prev.kind == "w"
            and (title_of(lex, prev.text) or ("", ""))[0] == "person"
            and i + 1 < len(toks) and toks[i + 1].kind == "w"
            and (toks[i + 1].text in lex.classes.patronymic or (is_namey(lex, toks[i + 1].text)
                                                    and not is_definite(toks[i + 1].text)))) or (
            # «نعيمة الكلاف، محامية الحراك»: a first name that is also a common noun
            first_name_in_apposition(lex, toks, i)))
        if not starts or not (prev is None or prev.kind in ("comma", "q") or (
                prev.kind == "w" and (is_definite(prev.text) or title_of(lex, prev.text)))):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and j - i < MAX_NAME_WORDS and toks[j].kind == "w" and (
                (is_namey(lex, toks[j].text) and not (j - i >= 2 and is_accusative_noun(lex, toks[j].text)))
                or (toks[j - 1].text in lex.classes.name_link and (toks[j].text not in lex.mention_stoppers
                                                          or toks[j].text in lex.given_names))):
            j += 1  # «عبد الله»، «محمد بن سلمان»، «أبو محمد»: a link word takes the next word
        if j + 1 < len(toks) and j + 1 - i < MAX_NAME_WORDS and toks[j].kind == "w" \
                and toks[j + 1].kind == "w" and not is_definite(toks[j].text) \
                and toks[j].text not in lex.function_words and toks[j].text not in lex.mention_stoppers \
                and title_of(lex, toks[j].text) is None \
                and is_family_name(lex, toks[j + 1].text):
            j += 1  # a middle name that is also a common noun (عبدالعزيز جزاء الحربي)
        if j < len(toks) and j - i < MAX_NAME_WORDS and toks[j].kind == "w" \
                and is_family_name(lex, toks[j].text) \
                and (j + 1 == len(toks) or toks[j + 1].kind != "w" or not is_definite(toks[j + 1].text)
                     or title_of(lex, toks[j + 1].text) is not None):
            j += 1  # a family name with ال closes the name, unless an adjective chain follows
            # («وليد القويني المتحدث الإعلامي»: a title after it starts an apposition)
        if not names_a_place(lex, toks, i):
            yield i, j
        i = j


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


def _person_title(lex: Lexicon, tok: Tok) -> bool:
    return tok.kind == "w" and (title_of(lex, tok.text) or ("", ""))[0] == "person"


def looks_like_source(lex: Lexicon, w: str, mention: MentionSpan) -> bool:
    """Does a mention (after حسب/وفق, or before a verb) name a source?

    Its first word is a title or institution (وزارة، المتحدث، مصادر), or it is a name.
    """
    toks = [t for t in tokens(w, mention.start, mention.end) if t.kind in ("w", "q")]
    words_ = [t for t in toks if t.kind == "w"]
    if not words_:
        return False
    if title_of(lex, words_[0].text):
        return True
    run = name_run(lex, toks, w)
    return run is not None and all(t.kind == "q" for t in toks[:run[0]])
