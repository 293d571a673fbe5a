"""A seeded generator of noisy variants of real articles (both corpora): every kind of
Unicode white space, joiners, direction marks and isolates, tatweel, diacritics,
presentation forms, Persian letters, emoji, quotation marks, CRLF, mark runs and lone
surrogates, as real scraped, PDF-derived or hostile text has them.

Used by ``tests/test_fuzz.py`` (a few hundred variants in CI) and by
``scripts/noisy_corpus.py`` (thousands, as a JSONL corpus for ``quotes extract``)."""

from __future__ import annotations

import itertools
import json
import random
import unicodedata
import zipfile
from pathlib import Path

SPACES = ["\u00a0", "\u202f", "\u2009", "\u3000", "\u2002", "\t"]
INVISIBLE = ["\u200d", "\u200c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068",
             "\u2069", "\ufeff"]
DIACRITICS = ["\u064e", "\u064b", "\u0650", "\u0651", "\u0652", "\u0640"]
PERSIAN = {"ي": "ی", "ك": "ک", "ه": "ۀ"}
EMOJI = ["😀", "🇸🇦", "👨\u200d👩\u200d👧", "✌🏽"]
MARKS = ['"', "«", "»", "“", "”", "„", "‹", "›", "″"]
SURROGATES = ["\ud800", "\udfff"]

# isolated presentation forms of the letters (what PDF text extraction often yields)
PRESENTATION = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0xFE80, 0xFEFD)
                if unicodedata.name(chr(c), "").endswith("ISOLATED FORM")
                and len(unicodedata.normalize("NFKC", chr(c))) == 1}


def load_articles(shared: Path, per_corpus: int = 200) -> list[str]:
    """Up to ``per_corpus`` articles of SaudiNewsNet (one day) and of the ANT corpus."""
    texts: list[str] = []
    zips = sorted((shared / "corpora" / "saudinewsnet").glob("*.zip"))[:1]
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            day = json.loads(zf.read(zf.namelist()[0]))
        texts.extend(a["content"] for a in itertools.islice(day, per_corpus) if a.get("content"))
    ant = shared / "corpora" / "ant" / "articles.jsonl"
    if ant.exists():
        with open(ant, encoding="utf-8") as fh:
            for line in itertools.islice(fh, per_corpus):
                try:
                    texts.append(json.loads(line)["text"])
                except (ValueError, KeyError):
                    continue
    return [t for t in texts if t.strip()]


def respace(text: str, rng: random.Random, share: float = 0.3) -> str:
    """Replace plain spaces between words by other white space, one character for one."""
    return "".join(rng.choice(SPACES[:-1]) if c == " " and rng.random() < share else c for c in text)


def noisy(text: str, rng: random.Random, edits: int = 12) -> str:
    """One noisy variant of ``text``: a cut, then ``edits`` random insertions or swaps."""
    if len(text) > 400 and rng.random() < 0.5:
        a = rng.randrange(len(text) // 2)
        text = text[a:a + rng.randrange(200, len(text) - a + 1)]
    for _ in range(edits):
        i = rng.randrange(len(text) + 1)
        kind = rng.randrange(9)
        if kind == 0:
            text = respace(text, rng)
        elif kind == 1:
            text = text[:i] + rng.choice(INVISIBLE + DIACRITICS) + text[i:]
        elif kind == 2:  # a stretch in presentation forms
            j = min(len(text), i + rng.randrange(5, 80))
            text = text[:i] + "".join(PRESENTATION.get(c, c) for c in text[i:j]) + text[j:]
        elif kind == 3:
            j = min(len(text), i + 200)
            text = text[:i] + "".join(PERSIAN.get(c, c) for c in text[i:j]) + text[j:]
        elif kind == 4:
            text = text[:i] + rng.choice(EMOJI) + text[i:]
        elif kind == 5:
            text = text[:i] + rng.choice(MARKS) + text[i:]
        elif kind == 6:
            text = text.replace("\n", "\r\n")
        elif kind == 7:
            text = text[:i] + rng.choice(MARKS) * rng.randrange(2, 300) + text[i:]
        else:
            text = text[:i] + rng.choice(SURROGATES) + text[i:]
    return text
