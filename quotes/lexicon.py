"""The linguistic data the rules read, loaded from editable files in ``resources/``.

Every list is normalised with :func:`quotes.normalize.normalize` on load, so a linguist
writes ordinary Arabic (أ، إ، ة، ى, with or without diacritics) and it matches any
spelling variant in the text. ``QUOTES_LEXICON_DIR`` points the loader at another
folder with the same file names (a copy to experiment with).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import regex

from quotes.normalize import normalize

FRAMES = ("clause", "participle", "relay", "nominal", "attributive", "channel", "fragment")
_GENDER = {"m": "male", "f": "female", "u": "unknown", "": "unknown"}


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One surface form of a reporting cue (a row of ``cues.tsv``)."""

    form: str           # as written in the file
    norm: str           # normalised, words separated by one space
    lemma: str
    frame: str
    gender: str         # male | female | unknown (agreement carried by the form)
    number: str
    complements: tuple[str, ...]  # normalised prepositional complements, longest first
    act: "SpeechAct"    # the speech act it performs (speech_acts.tsv), its stance lean
    opens: bool = False  # the complement itself opens the content (عن أمله في …)

    @property
    def with_verb(self) -> bool:
        """A nominal cue with its own reporting verb («وفق ما أعلن», «حسبما ذكرت»): what
        follows is the verb's subject, a source whatever word it starts with."""
        words = self.norm.split()
        return self.frame == "nominal" and len(words) > 1 and (words[0] == "حسبما" or "ما" in words or "لما" in words)


@dataclass(frozen=True, slots=True)
class SpeechAct:
    """A class of cues by what the speaker does (a row of ``speech_acts.tsv``)."""

    name: str           # assert, report, deny, reject, criticise, warn, welcome, praise, claim, …
    polarity: str       # favor | against | "" (no lean)
    weight: float       # evidence for that side in the stance heuristic
    evidence: float = 1.0  # how much the stance terms of its quotations count


@dataclass(frozen=True, slots=True)
class BoilerplatePattern:
    name: str
    scope: str  # match | tail
    pattern: "regex.Pattern[str]"
    needs: tuple[str, ...] = ()  # words each match ends with: the pattern is tried only before them (speed)


WORD_CLASSES = ("copula", "patronymic", "name_link", "quantifier", "pronoun_object", "relay_noun", "emphatic_self",
                "contrast", "suspender", "channel", "percent_unit", "reference", "demonstrative", "maker",
                "fragment_link", "approximator", "topic", "reported", "outlet_noun", "time", "generic_title", "honorific",
                "sentence_link", "kinship", "issued", "rank", "relative", "parenthesis", "institution",
                "partitive", "one_of", "list_opener", "opening_cue", "negated_noun", "counsel", "al_given_name",
                "impersonal", "negation")


@dataclass(frozen=True, slots=True)
class WordClasses:
    """The closed word classes of ``word_classes.tsv`` (normalised words)."""

    copula: frozenset[str]
    patronymic: frozenset[str]
    name_link: frozenset[str]
    quantifier: frozenset[str]
    pronoun_object: frozenset[str]
    relay_noun: frozenset[str]
    emphatic_self: frozenset[str]
    contrast: frozenset[str]
    suspender: frozenset[str]
    channel: frozenset[str]
    percent_unit: frozenset[str]  # «في المئة», «%»: a share of a group can be who speaks
    reference: frozenset[str]     # «بذلك»: the cue's reference back, standing before its subject
    demonstrative: frozenset[str]  # «هذه»: after a subject, the start of an object
    maker: frozenset[str]         # «أجرته»: a poll or study and the body that made it
    fragment_link: frozenset[str]  # «إلى», «بـ»: a fragment cue's link to its words in marks
    approximator: frozenset[str]  # «نحو», «حوالي» before the number of a share
    topic: frozenset[str]         # «أما»: «أما X فقال»: the topic it opens is the speaker
    reported: frozenset[str]      # «التقديرات»: what is reported, never who reports it
    outlet_noun: frozenset[str]   # «وكالة»، «صحيفة»: a medium that publishes what others issue
    time: frozenset[str]          # «الثلاثاء»، «الأسبوع الماضي»: when, between a cue and its subject
    generic_title: frozenset[str]  # «المسؤول»: a title that refers back to anyone quoted before
    honorific: frozenset[str]      # «سمو»، «معالي»: before a title, not part of how the article names it
    sentence_link: frozenset[str]  # «كما»، «وقد»: before the verb that opens a sentence
    kinship: frozenset[str]       # «شقيق»، «والد»: a person named by a relation (with a pronoun: «شقيقه»)
    issued: frozenset[str]        # «صادر»: «بيان صادر عن الرئاسة»: who issued the document follows عن
    rank: frozenset[str]          # «دكتور»، «عقيد»: a rank without ال, right before its holder's name
    relative: frozenset[str]      # «الذي»، «التي»: a relative clause's verb has the name before it as subject
    parenthesis: frozenset[str]   # «وهي»: «شركة أوتوستراد، وهي وحدة …، قالت»: opens a parenthesis on the subject
    institution: frozenset[str]   # «بلدية»، «حركة»: a generic institution noun whose complement names it
    partitive: frozenset[str]     # «أحد»، «بعض»: a quantifier that takes its group without من
    one_of: frozenset[str]        # «أحد»، «إحدى»: one person of a group
    list_opener: frozenset[str]   # «كل» (من): opens a list of named people
    opening_cue: frozenset[str]   # «بين»: a cue form only where it opens a sentence or clause (else «between»)
    negated_noun: frozenset[str]  # «عدم»: a cue form right after it is a verbal noun («فضل عدم كشف هويته»)
    counsel: frozenset[str]       # «محامي»: kin-like, but the name after its complement is its own («محامي الدفاع X»)
    al_given_name: frozenset[str]  # «الحسن»: a given name with ال, a first name before another name word
    impersonal: frozenset[str]    # «يتوقع»: right before أن with no subject, passive («ويُتوقع أن»: it is expected)
    negation: frozenset[str]      # «لا»، «لم»: before a verb, negates it


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """All word lists and patterns of the engine, normalised and compiled."""

    cues: dict[str, CueEntry]
    cue_re: "re.Pattern[str]"
    complement_re: dict[str, "re.Pattern[str]"]  # cue form -> its complements after white space
    complementizers: frozenset[str]
    not_complementizer_after: frozenset[str]
    mention_stoppers: dict[str, str]  # word -> hard | soft
    function_words: frozenset[str]
    titles: dict[str, tuple[str, str]]  # word (no ال) -> (kind, gender)
    speaker_aliases: dict[str, tuple[str, str, str]]  # normalised mention -> (name, kind, gender)
    clause_breakers: tuple[str, ...]
    clause_breaker_re: "regex.Pattern[str] | None"
    discourse_openers: tuple[str, ...]
    naming_nouns: frozenset[str]
    common_nouns: frozenset[str]
    given_names: frozenset[str]
    verbs: frozenset[str]  # words after لم، لن، سوف، قد in the corpus: never name words
    name_genders: dict[str, str]  # given name -> male | female (name_genders.tsv)
    outlets: dict[str, tuple[tuple[str, ...], ...]]  # first word -> news outlets (normalised words), longest first
    place_heads: frozenset[str]  # heads of names after a person (مطار الملك فهد)
    generic_sources: dict[str, str]  # word (no ال) -> document | collective
    cue_connective_re: "regex.Pattern[str]"  # «، حيث» right before a cue: a new statement
    classes: WordClasses
    boilerplate: tuple[BoilerplatePattern, ...]
    version: str


def resource_dir() -> Path:
    """The linguistic data: ``quotes/resources`` or the folder named by $QUOTES_LEXICON_DIR."""
    override = os.environ.get("QUOTES_LEXICON_DIR")
    if override:
        return Path(override)
    return Path(str(resources.files("quotes") / "resources"))


def _word_classes(path: Path) -> WordClasses:
    found: dict[str, set[str]] = {name: set() for name in WORD_CLASSES}
    for lineno, row in _table(path, ("class", "word")):
        if row["class"] not in found:
            raise LexiconError(f"{path}:{lineno}: class {row['class']!r} is not one of {', '.join(WORD_CLASSES)}")
        found[row["class"]].add(normalize(row["word"]))
    empty = [name for name, words in found.items() if not words]
    if empty:
        raise LexiconError(f"{path}: no words of class {empty[0]!r}")
    return WordClasses(**{name: frozenset(words) for name, words in found.items()})


def _rows(path: Path) -> Iterable[tuple[int, list[str]]]:
    """Yield (line number, fields) of a TSV/list file, skipping comments and blanks."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield lineno, line.split("\t")


def _words(path: Path) -> list[str]:
    return [normalize(f[0].strip()) for _, f in _rows(path) if f[0].strip()]


def _table(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    rows = list(_rows(path))
    if not rows:
        raise LexiconError(f"{path}: no rows")
    header_line, header = rows[0]
    missing = [c for c in required if c not in header]
    if missing:
        raise LexiconError(f"{path}:{header_line}: header lacks column(s) {', '.join(missing)}")
    out = []
    for lineno, fields in rows[1:]:
        if len(fields) > len(header):
            raise LexiconError(f"{path}:{lineno}: {len(fields)} fields, header has {len(header)}")
        fields = fields + [""] * (len(header) - len(fields))
        out.append((lineno, {k: v.strip() for k, v in zip(header, fields)}))
    return out


def _trie_pattern(forms: Iterable[str]) -> str:
    """One regular expression for many literal forms, factored as a trie.

    A factored alternation runs in one left-to-right pass with no backtracking between
    alternatives, which keeps the cue scan close to the cost of reading the text. Words
    of a form are separated by any white space; a final one-letter word (لـ, بـ) may be
    written attached to the next word, every other form ends at a word boundary.
    """
    root: dict = {}
    for form in forms:
        words = form.split(" ")
        attached = len(words) > 1 and len(words[-1]) == 1
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node["\x01" if attached else "\x00"] = {}

    def build(node: dict) -> str:
        alts = []
        # longer forms first: Python's re takes the first alternative that matches
        for key in sorted(node, key=lambda k: (k in ("\x00", "\x01"), k)):
            if key == "\x00":
                alts.append(r"(?!\w)")
            elif key == "\x01":
                alts.append("")
            else:
                head = r"\s+" if key == " " else re.escape(key)
                alts.append(head + build(node[key]))
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(root)


def _speech_acts(path: Path) -> dict[str, SpeechAct]:
    acts = {}
    for lineno, row in _table(path, ("act", "polarity", "weight", "evidence")):
        if row["polarity"] not in ("", "favor", "against"):
            raise LexiconError(f"{path}:{lineno}: polarity {row['polarity']!r} is not favor, against or empty")
        try:
            weight, evidence = float(row["weight"] or 0), float(row["evidence"] or 1)
        except ValueError:
            raise LexiconError(f"{path}:{lineno}: weight or evidence is not a number") from None
        acts[row["act"]] = SpeechAct(row["act"], row["polarity"], weight, evidence)
    return acts


def _load_cues(path: Path, acts: dict[str, SpeechAct]) -> dict[str, CueEntry]:
    cues: dict[str, CueEntry] = {}
    for lineno, row in _table(path, ("form", "lemma", "frame", "gender", "number", "complement", "act")):
        form = row["form"]
        if not form:
            raise LexiconError(f"{path}:{lineno}: empty form")
        if row["frame"] not in FRAMES:
            raise LexiconError(f"{path}:{lineno}: frame {row['frame']!r} is not one of {', '.join(FRAMES)}")
        if row["gender"] not in _GENDER:
            raise LexiconError(f"{path}:{lineno}: gender {row['gender']!r} is not m, f or u")
        if row.get("opens", "") not in ("", "yes", "no"):
            raise LexiconError(f"{path}:{lineno}: opens {row['opens']!r} is not yes, no or empty")
        if row["act"] not in acts:
            raise LexiconError(f"{path}:{lineno}: act {row['act']!r} is not one of speech_acts.tsv: "
                               f"{', '.join(acts)}")
        norm = " ".join(normalize(form).split())
        comps = tuple(sorted({" ".join(normalize(c).split()) for c in row["complement"].split("|") if c.strip()},
                             key=len, reverse=True))
        if norm in cues:
            raise LexiconError(f"{path}:{lineno}: form {form!r} is listed twice")
        cues[norm] = CueEntry(form, norm, row["lemma"], row["frame"], _GENDER[row["gender"]],
                              row["number"], comps, acts[row["act"]], row.get("opens") == "yes")
    return cues


def _nominal_frames(path: Path, cues: dict[str, CueEntry]) -> dict[str, CueEntry]:
    """``cues`` with the nominal frames of ``nominal_frames.tsv`` («وفق ما أعلن») added:
    every opener with every verb form, unless cues.tsv lists that form itself."""
    openers, verbs = [], []
    for lineno, row in _table(path, ("kind", "text")):
        if row["kind"] == "opener":
            openers.append(row["text"])
        elif row["kind"] == "verb":
            if row.get("gender", "") not in _GENDER:
                raise LexiconError(f"{path}:{lineno}: gender {row.get('gender')!r} is not m, f or u")
            verbs.append((row["text"], _GENDER[row["gender"]]))
        else:
            raise LexiconError(f"{path}:{lineno}: kind {row['kind']!r} is not opener or verb")
    base = next((c for c in cues.values() if c.frame == "nominal" and c.lemma == "وفق"), None)
    if base is None and openers:
        raise LexiconError(f"{path}: cues.tsv has no nominal cue of lemma وفق to take the frames from")
    out = dict(cues)
    for opener in openers:
        for verb, gender in verbs:
            form = f"{opener} {verb}"
            norm = " ".join(normalize(form).split())
            if norm not in out:
                out[norm] = CueEntry(form, norm, "وفق", "nominal", gender, "sg", (), base.act)  # type: ignore[union-attr]
    return out


def _cue_regex(cues: dict[str, CueEntry]) -> "re.Pattern[str]":
    """The cue scan: an optional proclitic و/ف, then any form of the lexicon.

    Built with the standard library's ``re``: for a factored literal trie it is several
    times faster than ``regex`` here, and a trie of literals cannot backtrack badly.
    """
    return re.compile(rf"(?<!\w)(?P<clitic>[وف]?)(?P<form>{_trie_pattern(cues)})")


def _complement_regex(entry_complements: tuple[str, ...]) -> "re.Pattern[str] | None":
    comps = [c for c in entry_complements if len(c) > 1]  # an attached بـ/لـ belongs to the next word
    if not comps:
        return None
    return re.compile(r"\s+(?:" + "|".join(
        r"\s+".join(map(re.escape, c.split())) for c in sorted(comps, key=len, reverse=True)) + r")(?!\w)")


def _load_boilerplate(path: Path) -> tuple[BoilerplatePattern, ...]:
    out = []
    for lineno, row in _table(path, ("name", "scope", "pattern")):
        if row["scope"] not in ("match", "tail"):
            raise LexiconError(f"{path}:{lineno}: scope {row['scope']!r} is not match or tail")
        try:
            pat = regex.compile(normalize(row["pattern"]), regex.MULTILINE | regex.V1)
        except regex.error as exc:
            raise LexiconError(f"{path}:{lineno}: bad pattern: {exc}") from None
        needs = tuple(normalize(x) for x in row.get("needs", "").split("|") if x.strip())
        out.append(BoilerplatePattern(row["name"], row["scope"], pat, needs))
    return tuple(out)


def _digest(directory: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(directory.iterdir()):
        if p.is_file() and p.suffix in (".tsv", ".txt", ".yaml", ".yml"):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:10]


def _connective_regex(connectives: list[str]) -> "regex.Pattern[str]":
    """Matches a connective (with an optional comma before it) that ends where a cue starts."""
    alts = "|".join(regex.escape(" ".join(c.split())).replace(r"\ ", r"\s+")
                    for c in sorted(connectives, key=len, reverse=True)) or r"(?!)"
    return regex.compile(rf"(?:[،,]\s*)?(?<![\p{{L}}])(?:{alts})\s+$")


def _generic_sources(path: Path) -> dict[str, str]:
    out = {}
    for lineno, row in _table(path, ("word", "class")):
        if row["class"] not in ("document", "collective"):
            raise LexiconError(f"{path}:{lineno}: class {row['class']!r} is not document or collective")
        out[normalize(row["word"])] = row["class"]
    return out


def _by_first_word(path: Path) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of a list file, normalised, by their first word (longest first)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted({tuple(w.split()) for w in _words(path)}, key=len, reverse=True):
        out.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """Load and compile every resource file (cached; pass a folder to override)."""
    d = Path(directory) if directory else resource_dir()
    cues = _nominal_frames(d / "nominal_frames.tsv", _load_cues(d / "cues.tsv", _speech_acts(d / "speech_acts.tsv")))
    titles = {}
    for lineno, row in _table(d / "titles.tsv", ("word", "kind", "gender")):
        if row["kind"] not in ("person", "org"):
            raise LexiconError(f"{d / 'titles.tsv'}:{lineno}: kind {row['kind']!r} is not person or org")
        titles[normalize(row["word"])] = (row["kind"], _GENDER.get(row["gender"], "unknown"))
    aliases = {}
    for lineno, row in _table(d / "speaker_aliases.tsv", ("mention", "name", "kind", "gender")):
        if row["kind"] not in ("person", "org"):
            raise LexiconError(f"{d / 'speaker_aliases.tsv'}:{lineno}: kind {row['kind']!r} is not person or org")
        aliases[" ".join(normalize(row["mention"]).split())] = (row["name"], row["kind"], _GENDER.get(row["gender"], "unknown"))
    complementizers = frozenset(normalize(f[0]) for _, f in _rows(d / "complementizers.tsv"))
    breakers = tuple(" ".join(normalize(w).split()) for w in
                     (f[0] for _, f in _rows(d / "clause_breakers.txt")))
    breaker_re = None
    if breakers:
        def alts(group: Iterable[str]) -> str:
            return "|".join(regex.escape(b).replace(r"\ ", r"\s*") for b in sorted(group, key=len, reverse=True)) or "(?!)"
        # a breaker that opens with a word starts a word; one that opens with a comma may follow a word
        worded = alts(b for b in breakers if b[0].isalpha())
        marked = alts(b for b in breakers if not b[0].isalpha())
        breaker_re = regex.compile(rf"(?:(?<![\p{{L}}])(?:{worded})|(?:{marked}))(?![\p{{L}}])")
    return Lexicon(
        cues=cues,
        cue_re=_cue_regex(cues),
        complement_re={f: p for f, e in cues.items() if (p := _complement_regex(e.complements)) is not None},
        complementizers=complementizers,
        not_complementizer_after=frozenset(_words(d / "not_complementizer_after.txt")),
        mention_stoppers={normalize(r["word"]): r["strength"] or "hard"
                          for _, r in _table(d / "mention_stoppers.tsv", ("word", "strength"))},
        function_words=frozenset(_words(d / "function_words.txt")),
        titles=titles,
        speaker_aliases=aliases,
        clause_breakers=breakers,
        clause_breaker_re=breaker_re,
        discourse_openers=tuple(sorted((" ".join(w.split()) for w in _words(d / "discourse_openers.txt")),
                                       key=len, reverse=True)),
        naming_nouns=frozenset(_words(d / "naming_nouns.txt")),
        common_nouns=frozenset(_words(d / "common_nouns.txt")),
        given_names=frozenset(_words(d / "given_names.txt")),
        verbs=frozenset(_words(d / "verbs.txt")),
        name_genders={normalize(r["name"]): r["gender"] for _, r in _table(d / "name_genders.tsv", ("name", "gender"))},
        outlets=_by_first_word(d / "outlets.txt"),
        place_heads=frozenset(_words(d / "place_heads.txt")),
        generic_sources=_generic_sources(d / "generic_sources.tsv"),
        cue_connective_re=_connective_regex(_words(d / "cue_connectives.txt")),
        classes=_word_classes(d / "word_classes.tsv"),
        boilerplate=_load_boilerplate(d / "boilerplate.tsv"),
        version=f"lex-{_digest(d)}",
    )
