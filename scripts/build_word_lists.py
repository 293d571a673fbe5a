"""Build the corpus-derived word lists of ``quotes/resources/`` (default: SaudiNewsNet).

* ``common_nouns.txt``: words the corpus also writes with the article ال often enough.
  Proper names (محمد، بيسكوف، موسكو) almost never take ال; common nouns (تعاون، مركز،
  حقوق) do. The speaker rules keep common nouns out of name runs.
* ``given_names.txt``: words that follow an honorific (الأمير، الشيخ، الدكتور، اللواء …)
  without ال. They stay names even when the corpus also writes them with ال
  (فيصل / الفيصل، حسن / الحسن).
* ``verbs.txt``: words that follow a verbal particle (لم، لن، سوف، قد): verbs (يشعر، يقوم،
  تفرض). A name never does; the speaker rules keep verbs out of names.
* ``name_genders.tsv``: given names that follow feminine honorifics (الدكتورة، السيدة، الأميرة …)
  or masculine ones (الدكتور، السيد، الأمير …) nearly always one way: the gender of a speaker
  named without a title or an agreeing verb («بحسب نورة الحزيمي»).

    python scripts/build_word_lists.py ../shared/corpora/saudinewsnet
    python scripts/build_word_lists.py ../shared/corpora/saudinewsnet --lists verbs

The first two lists were pruned by hand after they were built: rebuild only the list you
need (``--lists``), or the hand edits are lost.
"""

from __future__ import annotations

import argparse
import collections
import functools
from pathlib import Path

import regex

from quotes.io.documents import BadInput, read_documents
from quotes.lexicon import Lexicon, load_lexicon
from quotes.speakers.words import is_namey
from quotes.normalize import normalize

MIN_DEFINITE = 5       # written with ال at least this often
MIN_RATIO = 0.12       # definite uses per bare use
MIN_BARE = 3
MIN_AFTER_HONORIFIC = 3
MIN_AFTER_PARTICLE = 3
PARTICLES = frozenset(normalize(w) for w in "لم لن سوف قد".split())  # only a verb follows them
LISTS = ("common_nouns", "given_names", "verbs", "name_genders")
# honorifics before a given name (not السيدة / السيد, which as often stand before a family name: «السيدة ماي»)
FEMININE = frozenset(normalize(w) for w in (
    "الأميرة الشيخة الدكتورة المهندسة الأستاذة الطالبة المواطنة الفنانة الإعلامية").split())
MASCULINE = frozenset(normalize(w) for w in (
    "الأمير الشيخ الدكتور المهندس الأستاذ الطالب المواطن الفنان الإعلامي اللواء العميد العقيد").split())
MIN_GENDERED = 3       # a name after gendered honorifics at least this often …
MIN_GENDER_SHARE = 0.9  # … and this share of the time after one gender's
HONORIFICS = frozenset(normalize(w) for w in (
    "الأمير الأميرة الشيخ الشيخة الدكتور الدكتورة المهندس المهندسة السيد السيدة الأستاذ "
    "الأستاذة اللواء العميد العقيد الرائد النقيب الملك الفريق المقدم الملازم").split())
_WORD = regex.compile(r"\p{L}+")
ARABIC = regex.compile(r"\p{Arabic}+")
_DEFINITE_PREFIXES = ("ال", "وال", "بال", "لل", "فال")


def main(corpus: str, out_dir: str, lists: tuple[str, ...] = LISTS) -> None:
    counts: collections.Counter[str] = collections.Counter()
    after_honorific: collections.Counter[str] = collections.Counter()
    after_particle: collections.Counter[str] = collections.Counter()
    gendered: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for doc in read_documents([corpus]):
        if isinstance(doc, BadInput):
            continue
        toks = _WORD.findall(normalize(doc.text))
        counts.update(toks)
        after_honorific.update(b for a, b in zip(toks, toks[1:]) if a in HONORIFICS and not b.startswith("ال"))
        after_particle.update(b for a, b in zip(toks, toks[1:]) if a in PARTICLES and not b.startswith("ال"))
        for a, b in zip(toks, toks[1:]):
            if not b.startswith("ال") and (a in FEMININE or a in MASCULINE):
                gendered[b]["female" if a in FEMININE else "male"] += 1
    nouns = sorted(
        w for w, n in counts.items()
        if n >= MIN_BARE and not w.startswith(("ال", "لل"))
        and (d := sum(counts[p + w] for p in _DEFINITE_PREFIXES)) >= MIN_DEFINITE and d / (n + 1) >= MIN_RATIO
    )
    names = sorted(w for w, n in after_honorific.items() if n >= MIN_AFTER_HONORIFIC and len(w) > 1)
    verbs = sorted(w for w, n in after_particle.items() if n >= MIN_AFTER_PARTICLE and len(w) > 2)
    genders = sorted((w, g.most_common(1)[0][0]) for w, g in gendered.items()
                     if sum(g.values()) >= MIN_GENDERED and g.most_common(1)[0][1] >= MIN_GENDER_SHARE * sum(g.values())
                     and _could_be_a_name(w))
    src = Path(corpus).name
    if "common_nouns" in lists:
        _write(Path(out_dir) / "common_nouns.txt", nouns,
               f"# Common nouns: words the corpus also writes with ال (scripts/build_word_lists.py on {src};\n"
               f"# at least {MIN_DEFINITE} definite uses and {MIN_RATIO} per bare use). Edit freely: one word a line.\n")
    if "given_names" in lists:
        _write(Path(out_dir) / "given_names.txt", names,
               f"# Given names: words that follow an honorific without ال (scripts/build_word_lists.py on {src};\n"
               f"# at least {MIN_AFTER_HONORIFIC} times). They stay names even where common_nouns.txt lists them.\n")
    if "name_genders" in lists:
        path = Path(out_dir) / "name_genders.tsv"
        path.write_text(
            f"# Given names and their gender: names after feminine or masculine honorifics (scripts/build_word_lists.py\n"
            f"# on {src}; at least {MIN_GENDERED} times, {MIN_GENDER_SHARE:.0%} one way). For a speaker named with no title\n"
            f"# or agreeing verb. Edit freely.\nname\tgender\n" + "".join(f"{w}\t{g}\n" for w, g in genders),
            encoding="utf-8")
        print(f"{len(genders)} names -> {path}")
    if "verbs" in lists:
        _write(Path(out_dir) / "verbs.txt", verbs,
               f"# Verbs: words that follow لم، لن، سوف or قد (scripts/build_word_lists.py on {src}; at least\n"
               f"# {MIN_AFTER_PARTICLE} times). Never a name word, unless given_names.txt lists them (يزيد).\n")


def _could_be_a_name(word: str) -> bool:
    """An Arabic word that is a given name or could be a name word for the shipped lexicon
    (no title, grammatical word, verb or common noun): «رئيس» follows «الدكتور» as often as
    a name does."""
    lex = _lexicon()
    if len(word) < 2 or not ARABIC.fullmatch(word):
        return False
    if word in lex.given_names:
        return True
    # not «بالاتحاد»، «تؤهلها»، «ابنه»، «وعائلتها»، «تماما»: proclitics, pronouns, adverbs
    return is_namey(lex, word) and not word.startswith(("و", "ف", "لل")) and not word.endswith(("ه", "ها", "هم", "ا"))


@functools.lru_cache(maxsize=1)
def _lexicon() -> "Lexicon":
    return load_lexicon()


def _write(path: Path, words: list[str], header: str) -> None:
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {path}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default="../shared/corpora/saudinewsnet")
    ap.add_argument("out_dir", nargs="?", default="quotes/resources")
    ap.add_argument("--lists", nargs="+", choices=LISTS, default=list(LISTS), help="which lists to (re)build")
    args = ap.parse_args()
    main(args.corpus, args.out_dir, tuple(args.lists))
