"""Build the corpus-derived word lists of ``quotes/resources/`` (default: SaudiNewsNet).

* ``common_nouns.txt``: words the corpus also writes with the article ال often enough.
  Proper names (محمد، بيسكوف، موسكو) almost never take ال; common nouns (تعاون، مركز،
  حقوق) do. The speaker rules keep common nouns out of name runs.
* ``given_names.txt``: words that follow an honorific (الأمير، الشيخ، الدكتور، اللواء …)
  without ال. They stay names even when the corpus also writes them with ال
  (فيصل / الفيصل، حسن / الحسن).

    python scripts/build_word_lists.py ../shared/corpora/saudinewsnet
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import regex

from quotes.io.documents import BadInput, read_documents
from quotes.normalize import normalize

MIN_DEFINITE = 5       # written with ال at least this often
MIN_RATIO = 0.12       # definite uses per bare use
MIN_BARE = 3
MIN_AFTER_HONORIFIC = 3
HONORIFICS = frozenset(normalize(w) for w in (
    "الأمير الأميرة الشيخ الشيخة الدكتور الدكتورة المهندس المهندسة السيد السيدة الأستاذ "
    "الأستاذة اللواء العميد العقيد الرائد النقيب الملك الفريق المقدم الملازم").split())
_WORD = regex.compile(r"\p{L}+")
_DEFINITE_PREFIXES = ("ال", "وال", "بال", "لل", "فال")


def main(corpus: str, out_dir: str) -> None:
    counts: collections.Counter[str] = collections.Counter()
    after_honorific: collections.Counter[str] = collections.Counter()
    for doc in read_documents([corpus]):
        if isinstance(doc, BadInput):
            continue
        toks = _WORD.findall(normalize(doc.text))
        counts.update(toks)
        after_honorific.update(b for a, b in zip(toks, toks[1:]) if a in HONORIFICS and not b.startswith("ال"))
    nouns = sorted(
        w for w, n in counts.items()
        if n >= MIN_BARE and not w.startswith(("ال", "لل"))
        and (d := sum(counts[p + w] for p in _DEFINITE_PREFIXES)) >= MIN_DEFINITE and d / (n + 1) >= MIN_RATIO
    )
    names = sorted(w for w, n in after_honorific.items() if n >= MIN_AFTER_HONORIFIC and len(w) > 1)
    src = Path(corpus).name
    _write(Path(out_dir) / "common_nouns.txt", nouns,
           f"# Common nouns: words the corpus also writes with ال (scripts/build_word_lists.py on {src};\n"
           f"# at least {MIN_DEFINITE} definite uses and {MIN_RATIO} per bare use). Edit freely: one word a line.\n")
    _write(Path(out_dir) / "given_names.txt", names,
           f"# Given names: words that follow an honorific without ال (scripts/build_word_lists.py on {src};\n"
           f"# at least {MIN_AFTER_HONORIFIC} times). They stay names even where common_nouns.txt lists them.\n")


def _write(path: Path, words: list[str], header: str) -> None:
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/saudinewsnet",
         sys.argv[2] if len(sys.argv) > 2 else "quotes/resources")
