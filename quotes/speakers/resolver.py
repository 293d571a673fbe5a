"""Resolve each quotation's speaker (name, gender, and the step that decided) in text
order, with the speakers resolved so far for implied and anaphoric mentions."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable

from quotes.lexicon import CueEntry, Lexicon
from quotes.normalize import NormText, normalize
from quotes.speakers.article import ArticleNames
from quotes.speakers.names import MentionSpan, Subject, apposition_head, construct_title, is_holder, name_run
from quotes.morphology import is_definite, strip_definite
from quotes.speakers.words import is_family_name, is_function_form, is_namey, kin_stem, title_of
from quotes.tokens import Tok, tokens

MAX_HISTORY = 40          # earlier speakers an implied or anaphoric mention may refer to
Finder = Callable[[], "MentionSpan | None"]  # a search for a mention, run only when a step needs it
Candidates = Callable[[], "tuple[MentionSpan, ...]"]  # a search for mentions, best first, run only when needed
MAX_ISSUER_WORDS = 6  # «بيان صادر عن وزارة الخارجية السعودية»: the issuer's words after عن
MAX_TITLE_SUBJECT_WORDS = 6  # a bare title longer than this is no clean subject of a participle cue


SPEAKER_RULES: dict[str, str] = {
    "name": "a person's name in the mention, extended to its fullest form in the article",
    "alias": "a fixed formula of speaker_aliases.tsv (قال تعالى → الله)",
    "title-name": "a title the article elsewhere gives with the holder's name",
    "title-previous-speaker": "a definite title or honorific pronoun: the last person who spoke (a cited verse "
                              "is no one); an honorific pronoun with no one before: the person the sentences "
                              "before are about",
    "title": "a title with no name anywhere in the article, as written",
    "family-name": "a family name with ال: the earlier speaker of that family name",
    "generic-earlier-speaker": "a bare definite noun (المجلس): the earlier institution of that head",
    "document-issuer": "a document (البيان، التغريدة): whoever issued it, the last speaker",
    "generic-first-mention": "a definite collective (المصادر، الاستطلاع): its fullest first mention",
    "collective": "a group or outlet named generically (سكان محليون، مصادر مطلعة), as written",
    "share-of-group": "a share of a group (39 في المئة من الديمقراطيين), as written",
    "reported-content": "what is reported (التقديرات، النتائج، التكهنات): no speaker",
    "org": "an institution, as written",
    "mention": "the mention as written",
    "implied-sentence-subject": "no mention, a participle or a coordinated verb: the subject of the speech verb it "
                                "hangs on or of the verb that opens its sentence, or its clause's titled subject; "
                                "an institution there only when no one spoke before",
    "implied-channel-owner": "no mention: the owner of a channel the sentence names (تدوينة لأوباما … حيث قال)",
    "implied-previous-speaker": "no mention: the last speaker whose agreement matches",
    "implied-preceding-subject": "no mention and no earlier speaker: the titled name the sentences before are about, "
                                 "or the subject of a speech verb there that quoted no one",
    "implied-unresolved": "no mention and no earlier speaker",
}


# what the subject of the verb that opens a sentence can resolve to when a participle shares it:
# a person the article names (not a bare title: the last speaker is likelier its holder; not an
# institution, whose words the subject's end cannot tell from the object's: «المصدر مواصلة الزحف»)
SHARED_SUBJECT_RULES = frozenset({"name", "title-name", "title-previous-speaker", "family-name", "alias"})
# ... and, when no one spoke before, an institution or a group whose head agrees with the cue (_body_agrees)
BODY_SUBJECT_RULES = frozenset({"org", "collective", "generic-first-mention", "generic-earlier-speaker"})


def _relative_verb(word: str) -> bool:
    """A verb in a relative clause after what is reported («إحصاءات نشرتها وزارة …»، «أرقام
    صدرت عن …»، «معطيات حصلت عليها …»): a feminine past form, with or without its pronoun."""
    return word.endswith(("ت", "ته", "تها")) and len(word) >= 4


def _nisba(word: str) -> bool:
    """A relational adjective (روسي، الفرنسية، أوروبي): a word of more than three letters in ي or يه."""
    return len(word) > 3 and word.endswith(("ي", "يه"))


def _agrees(spk: "Speaker", agreement: str) -> bool:
    """Can a speaker be the subject of a verb with this agreement?"""
    if agreement == "unknown" or spk.gender == "unknown":
        return True
    return spk.gender == agreement


def _plural_body(spk: "Speaker") -> bool:
    """Is ``spk`` a group or institution named by a plural («سلطات السجون»، «مصادر مطلعة»)? A
    masculine singular verb that names no one does not go on with it («وفقا لسلطات السجون …. وأضاف»)."""
    head = normalize(spk.name.split()[0]) if spk.name else ""
    return spk.kind != "person" and (head.endswith(("ات", "ون", "ين")) or spk.rule == "collective" and head == "مصادر")


def _body_agrees(spk: "Speaker", agreement: str) -> bool:
    """Can an institution or a group be the subject of a participle with this agreement, by
    the grammatical gender of its head («الحكومة اليمنية …، مشيرة»، «نظام الطوارئ …، مشيرا»)?
    (A country is left out: without a list of them, «دعت الجزائر …، محذرة» reads like «وجاء
    الجدل …، وقالت».)"""
    words_ = spk.name.split() if spk.name else []
    if spk.rule not in BODY_SUBJECT_RULES or not words_ or len(words_) > MAX_TITLE_SUBJECT_WORDS:
        return False
    head = normalize(words_[0])
    if head.startswith(("لل", "بال")):
        return False  # «ووفقًا للوكالة»: a preposition's object
    feminine = head.endswith(("ه", "ات"))
    return agreement == "unknown" or feminine == (agreement == "female")


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    gender: str       # male | female | unknown
    kind: str         # person | org | unknown
    agreement: str    # the verb agreement that introduced it (for implied subjects)
    rule: str = "mention"  # the resolution step that decided (see SPEAKER_RULES)
    described: tuple[str, ...] = ()  # the words (no ال) of the mention that introduced them
    group: bool = False  # introduced by a plural or dual cue: several people speak


DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩"


class SpeakerResolver:
    """Resolves the speakers of one document's quotations, in text order."""

    def __init__(self, w: str, nt: NormText, lex: Lexicon):
        self.w = w
        self.lex = lex
        self.names = ArticleNames(w, nt, lex)
        self.history: list[Speaker] = []
        self.kinds: dict[str, str] = {}
        self.groups: list[bool] = []  # per resolved quotation: did a plural or dual cue introduce it?
        self.issuers: dict[str, Speaker] = {}  # document noun (بيان، تقرير) -> who the article says issued it

    def resolve(self, mention: MentionSpan | None, cue: CueEntry, pos: int,
                subject: Subject | None = None, owner: Finder | None = None,
                focus: Candidates | None = None, previous: Finder | None = None) -> Speaker:
        """The speaker of a quotation whose cue is ``cue`` and whose mention is ``mention``;
        ``subject`` is the subject of the cue's sentence, ``owner`` finds the owner of a channel
        named in it, ``focus`` whom the sentences before are about (best first) and ``previous``
        the subject of the sentence right before, for a speaker the cue only implies (called only
        when the steps before them name no one)."""
        # a relaying verb agrees with the channel (ونقلت وكالة …), not with the speaker
        agreement = "unknown" if cue.frame == "relay" else cue.gender
        if mention is None:
            spk = self._implied(agreement, subject, owner, focus, previous, pos, cue.number)
        else:
            spk = self._from_mention(mention, agreement, pos)
            if spk.rule == "title" and focus is not None and self._honorific_pronoun(mention):
                # «وصف سماحة مفتي عام المملكة … الشيخ عبدالعزيز بن عبدالله آل الشيخ …. وقال سماحته» with
                # no one quoted before: the person the sentences before are about
                for about in focus():
                    found = self._from_mention(about, agreement, pos)
                    if found.rule in ("name", "title-name") and found.kind == "person" and _agrees(found, agreement):
                        spk = dataclasses.replace(found, rule="title-previous-speaker")
                        break
            spk = dataclasses.replace(spk, described=tuple(
                strip_definite(t.text) for t in tokens(self.w, mention.start, mention.end) if t.kind == "w"))
        if cue.number in ("pl", "du") and cue.frame != "relay":
            spk = dataclasses.replace(spk, gender="unknown", group=True)  # a group speaks: no one gender (guidelines)
        self.groups.append(cue.number in ("pl", "du") and cue.frame != "relay")
        self.history.append(spk)
        if spk.name:
            self.kinds.setdefault(spk.name, spk.kind)
        return spk

    def resume(self, outer: Speaker) -> None:
        """After a quotation reported inside ``outer``'s words («وقال لورد هيغ إن ما حدث يشير
        إلى …»), the discourse is ``outer``'s again: a later «وأضاف» is theirs. Not after a news
        outlet's report («وأفادت وكالة تاس أن دفوركوفيتش قال …»): the outlet only relays."""
        head = strip_definite(outer.name.split()[0]) if outer.name else ""
        if outer.name and head not in self.lex.classes.outlet_noun and head not in self.lex.outlets:
            self.history.append(outer)

    def _implied(self, agreement: str, subject: Subject | None, owner: Finder | None,
                 focus: Candidates | None, previous: Finder | None, pos: int, number: str = "sg") -> Speaker:
        titled: Speaker | None = None  # a bare title as the sentence's subject: the last resort
        body: Speaker | None = None  # an institution as the sentence's subject: when no one spoke before
        for clause in subject.clauses if subject is not None else ():
            # the subject of the clause the cue hangs on, whoever was quoted before
            spk = self._from_mention(clause, agreement, pos)
            if spk.name and spk.rule in SHARED_SUBJECT_RULES and self._personal(spk) \
                    and _agrees(spk, agreement) and self._agrees_as_named(clause, agreement, pos):
                return dataclasses.replace(spk, rule="implied-sentence-subject")
            if body is None and spk.name and _body_agrees(spk, agreement):
                body = dataclasses.replace(spk, rule="implied-sentence-subject")
        for find, rule in ((lambda: subject.named if subject else None, "implied-sentence-subject"),
                           (owner, "implied-channel-owner")):
            found = find() if find is not None else None
            if found is not None:
                spk = self._from_mention(found, agreement, pos)
                if spk.rule in ("name", "title-name") and self._agrees_as_named(found, agreement, pos) and (
                        rule != "implied-channel-owner" or self.names.named_elsewhere(found)):
                    return dataclasses.replace(spk, rule=rule)
                if spk.rule == "title" and rule == "implied-sentence-subject" and _agrees(spk, agreement) \
                        and len(spk.name.split()) <= MAX_TITLE_SUBJECT_WORDS:
                    titled = dataclasses.replace(spk, rule=rule)
                elif body is None and rule == "implied-sentence-subject" and _body_agrees(spk, agreement):
                    body = dataclasses.replace(spk, rule=rule)  # «وأعلنت مؤسسة موانئ البحر الأحمر … عن …، مشيرة»
        for prev in reversed(self.history[-MAX_HISTORY:]):
            if prev.rule in ("share-of-group", "alias"):
                continue  # respondents of a poll answer once, a verse is cited: the discourse stays with who reports it
            if number in ("pl", "du") and prev.kind == "person" and not prev.group:
                continue  # «ومشيرين إلى» after «وقال والد الشهيد»: one person is not they
            if prev.name and (agreement == "unknown" or prev.agreement in (agreement, "unknown")) \
                    and not (number == "sg" and agreement == "male" and prev.agreement == "unknown" and _plural_body(prev)):
                gender = prev.gender
                if gender == "unknown" and prev.kind != "org":
                    gender = agreement
                return Speaker(prev.name, gender, prev.kind, agreement if agreement != "unknown" else prev.agreement,
                               "implied-previous-speaker")
        if titled is not None:
            return titled  # «وأشاد المدير بالمبادرة، مؤكدا» with no speaker before: «المدير»
        for about in focus() if focus is not None else ():
            spk = self._from_mention(about, agreement, pos)
            if spk.rule in ("name", "title-name", "org", "collective", "generic-first-mention") and spk.name \
                    and self._agrees_as_named(about, agreement, pos):
                return dataclasses.replace(spk, rule="implied-preceding-subject")
        if body is not None:
            return body  # «فندت الإدارة العامة للتعليم بالمدينة المنورة دعاوى …، مؤكدة» with no one before
        found = previous() if previous is not None else None
        if found is not None:  # «وعبرت الخارجية الروسية عن "خيبة الأمل" …. وقالت في بيان»
            spk = self._from_mention(found, agreement, pos)
            if (spk.rule in SHARED_SUBJECT_RULES and self._personal(spk) and _agrees(spk, agreement)
                    and self._agrees_as_named(found, agreement, pos)) or _body_agrees(spk, agreement):
                return dataclasses.replace(spk, rule="implied-preceding-subject")
        return Speaker(None, agreement, "unknown", agreement, "implied-unresolved")

    def _personal(self, spk: Speaker) -> bool:
        """Is ``spk`` surely a person: a name of two words or more that opens with a given name
        or a word that is no common noun («قطاع الاتصالات» is not), or a title's holder?"""
        words_ = spk.name.split() if spk.name else []
        if spk.rule != "name":
            return bool(words_)
        first = normalize(words_[0]) if words_ else ""
        return len(words_) >= 2 and (first in self.lex.given_names or first not in self.lex.common_nouns)

    def _agrees_as_named(self, mention: MentionSpan, agreement: str, pos: int) -> bool:
        """Can the one ``mention`` names be the subject of a verb with this agreement, by the
        gender the article gives them (a title, an earlier quotation), not the verb's own?"""
        return _agrees(self._from_mention(mention, "unknown", pos), agreement)

    def _from_mention(self, mention: MentionSpan, agreement: str, pos: int) -> Speaker:
        toks = tokens(self.w, mention.start, mention.end)
        i, j = apposition_head(self.lex, toks, self.w)
        if (i, j) != (0, len(toks)) and any(t.kind == "w" for t in toks[i:j]):
            return self._apposition_head(toks, i, j, agreement, pos)
        wtoks = [t for t in toks if t.kind == "w"]
        alias = self.lex.speaker_aliases.get(" ".join(t.text for t in wtoks))
        if alias is not None:  # «قال تعالى» → الله (speaker_aliases.tsv)
            name, kind, gender = alias
            return Speaker(name, gender if gender != "unknown" else (agreement if kind == "person" else "unknown"),
                           kind, agreement, "alias")
        kinds = [t.kind for t in toks if t.kind in ("w", "q")]
        if agreement == "female" and kinds == ["q", "w", "q"] and wtoks[0].text not in self.lex.given_names:
            # «وأوضحت "بليك"»، «وذكرت «الحياة»»: a one-word name in marks with a feminine verb is a paper
            return Speaker(self.names.display(mention.start, mention.end), "unknown", "org", agreement, "org")
        if wtoks[0].text[0] in DIGITS or wtoks[0].text in self.lex.classes.approximator:
            # the mention finder lets a number open a mention only for a share of a group
            return Speaker(self.names.display(mention.start, mention.end), "unknown", "org", agreement,
                           "share-of-group")
        if wtoks[0].text in self.lex.classes.quantifier and len(wtoks) > 1 and name_run(self.lex, toks, self.w) is None:
            # «بعض المختصين»، «أحد أفراد فريق التحقيق»: some of a group, as written; «أحد»/«إحدى» is one person
            display = self.names.display(mention.start, mention.end)
            if wtoks[0].text not in self.lex.classes.one_of:
                return Speaker(display, "unknown", "org", agreement, "collective")
            one = "female" if wtoks[0].text.endswith("ي") else "male"  # إحدى (ى normalised to ي), أحد
            return Speaker(display, agreement if agreement != "unknown" else one, "person", agreement, "collective")
        issuer = self._issued_by(toks)
        if issuer is not None:  # «بيان صادر عن الرئاسة»، «التقرير الصادر عن الحركة العالمية»
            return self._from_mention(issuer, agreement, pos)
        head = strip_definite(wtoks[0].text)
        reported = head in self.lex.classes.reported
        if reported or (self.lex.generic_sources.get(head) == "document" and len(wtoks) > 1):
            owner = self._owner(toks, wtoks, reported, pos)
            if owner is not None and self.w.startswith("لل", owner.start):
                return self._owner_after_li(owner, agreement, pos)
            if owner is not None:
                return self._from_mention(owner, agreement, pos)
            if reported:  # «تشير التقديرات إلى أن»: what is reported alone speaks for no one
                return Speaker(None, "unknown", "unknown", agreement, "reported-content")
        generic = self._generic(wtoks, agreement, pos)
        if generic is not None:
            return generic
        first = strip_definite(wtoks[0].text)
        head = first if first in self.lex.generic_sources else first.removesuffix("ا")  # «استطلاعا»
        if self.lex.generic_sources.get(head) == "collective" or self._plural_group(first):
            # «سكان محليون»، «مصادر مطلعة»: a group, whatever the verb's agreement (وقال سكان …);
            # «استطلاعا للرأي أجرته رويترز وإبسوس»: named by the body that made it
            made = any(t.text in self.lex.classes.maker for t in wtoks)
            name = (self.names.first_indefinite(head, mention.start) if made else None) \
                or self.names.display(mention.start, mention.end)
            return Speaker(name, "unknown", "org", agreement, "collective")
        title = next((hit for t in wtoks if (hit := title_of(self.lex, t.text)) is not None), None)
        run = name_run(self.lex, toks, self.w)
        if run is not None and not (title and title[0] == "org"):
            names = tuple(t.text for t in toks[run[0]:run[1]] if t.kind == "w")
            form, display = self.names.fullest(names, pos)
            if form == names and len(names) >= 2 and is_definite(names[-1]) \
                    and names[-2] not in self.lex.classes.name_link \
                    and names[0] not in self.lex.given_names:  # (not «عبد الرحيم», not «أشرف القدرة»)
                # «ووصف بوسنين الحادث»: an ال-word after a name the article gives in full elsewhere
                # («حسن بوسنين») is the verb's object, not a family name
                shorter, shorter_display = self.names.fullest(names[:-1], pos)
                if len(shorter) > len(names) - 1:
                    display = shorter_display
            if form == names and len(names) == 1 and len(wtoks) - bool(title) == 1:
                whole = self.names.whole_name_of_given(names[0], pos)  # «الأمير خالد» → «خالد آل سعود»
                if whole is not None:
                    form, display = whole
            gender = agreement if agreement != "unknown" else (title[1] if title and title[0] == "person" else "unknown")
            if gender == "unknown":
                gender = self._known_gender(display)
            if gender == "unknown":  # «بحسب نورة الحزيمي»: the given name's gender (name_genders.tsv)
                gender = self.lex.name_genders.get(form[0], "unknown")
            return Speaker(display, gender, "person", agreement, "name")
        if title and title[0] == "person":
            named = self.names.by_title([t.text for t in wtoks], pos)
            rule = "title-name"
            if named is None and len(wtoks) >= 2 and is_family_name(self.lex, wtoks[-1].text) \
                    and title_of(self.lex, wtoks[-2].text) is not None:
                # «الدكتورة الهاشمي»، «العميد الأصبحي»: a title and a family name, the fullest name with it
                form, shown = self.names.fullest((wtoks[-1].text,), pos)
                if len(form) >= 2 and (form[0] in self.lex.given_names or form[0] in self.lex.name_genders):
                    named, rule = shown, "family-name"
            # «أمير عسير»: a title and its complement refer back to whom the article gave both words
            construct = len(wtoks) == 2 and construct_title(self.lex, wtoks[0].text) and is_namey(self.lex, wtoks[1].text)
            anaphoric = (is_definite(wtoks[0].text) or (len(wtoks) == 1 and wtoks[0].text.endswith("ه"))
                         or wtoks[0].text in self.lex.classes.demonstrative or construct) \
                and not (len(wtoks) == 1 and kin_stem(self.lex, wtoks[0].text))  # «وقال والده»: not the son
            if named is None and anaphoric:  # «المسؤول الروسي»، «سموه»، «معاليه»، «هذا الناطق»
                rule = "title-previous-speaker"
                for back, prev in enumerate(reversed(self.history[-MAX_HISTORY:])):
                    if prev.kind == "person" and prev.name and prev.rule != "alias" and prev.agreement in (agreement, "unknown") \
                            and self._fits_title(wtoks, prev, last=back == 0) \
                            and (not construct or wtoks[1].text in prev.described):
                        named = prev.name
                        break
            gender = agreement if agreement != "unknown" else title[1]
            return Speaker(named or self.names.display(mention.start, mention.end), gender, "person", agreement,
                           rule if named else "title")
        display = self.names.display(mention.start, mention.end)
        if len(wtoks) == 1 and is_definite(wtoks[0].text):
            family = self._family_name(wtoks[0].text, agreement, pos)
            if family is not None:
                return family
        if not title and not is_definite(wtoks[0].text) and agreement != "unknown" \
                and (wtoks[0].text in self.lex.given_names
                     or not (is_function_form(self.lex, wtoks[0].text) or wtoks[0].text in self.lex.verbs)):
            # «كتب حسن المعيض»: an indefinite word that is no title right after a speech verb; alone, a
            # family name the article gives in full («وأضافت وايت» → «دانا وايت»)
            if len(wtoks) == 1:
                form, shown = self.names.fullest((wtoks[0].text,), pos)
                display = shown if len(form) > 1 else display
            return Speaker(display, agreement, "person", agreement, "name")
        if len(wtoks) == 1 and is_definite(wtoks[0].text):
            head = strip_definite(wtoks[0].text)
            for prev in reversed(self.history[-MAX_HISTORY:]):
                if prev.name and prev.kind == "org" and normalize(prev.name.split()[0]) == head:
                    return Speaker(prev.name, "unknown", "org", agreement, "generic-earlier-speaker")
            if title and title[0] == "org":
                # «وقالت الوزارة»، «ولفت المرصد» with no one quoted under it before: its first full mention
                found = self.names.first_full_mention(head, pos)
                if found is not None and len(found.split()) > 1:
                    return Speaker(found, "unknown", "org", agreement, "generic-first-mention")
        return Speaker(display, "unknown", "org" if title else "unknown", agreement, "org" if title else "mention")

    def _family_name(self, word: str, agreement: str, pos: int) -> Speaker | None:
        """A family name with ال alone («وقال الصيد»): the earlier speaker of that family name
        («الحبيب الصيد»; not a title's last word: «متحدثة باسم المطار» … «وقال المطار»), else the fullest name the article gives it («وقال الغامدي» after
        «الدكتور أحمد الغامدي», named but not quoted), or None."""
        for prev in reversed(self.history[-MAX_HISTORY:]):
            words_ = normalize(prev.name).split() if prev.name else []
            if prev.kind == "person" and words_ and words_[-1] == word and words_[-2:-1] != ["باسم"]:
                gender = agreement if agreement != "unknown" else prev.gender
                return Speaker(prev.name, gender, "person", agreement, "family-name")
        if not is_family_name(self.lex, word):
            return None
        form, shown = self.names.fullest((word,), pos)
        if len(form) >= 2 and (form[0] in self.lex.given_names or (
                strip_definite(word) not in self.lex.common_nouns and form[0] not in self.lex.verbs)):
            # (not «يتعاون المطار»، «استهدفت السفارة»: a noun with the verb before it)
            gender = agreement if agreement != "unknown" else self._known_gender(shown)
            return Speaker(shown, gender, "person", agreement, "family-name")
        return None

    def _apposition_head(self, toks: list[Tok], i: int, j: int, agreement: str, pos: int) -> Speaker:
        """The speaker a mention with commas names by its part ``toks[i:j]`` («بشرى الرويسي،
        محامية الناشطين»: the name, not the apposition), with the gender of a title in the
        apposition when nothing else gives it."""
        part = [t for t in toks[i:j] if t.kind == "w"]
        spk = self._from_mention(MentionSpan(part[0].start, part[-1].end), agreement, pos)
        if i > 0 and is_holder(self.lex, toks[i:j], self.w):
            # «وكيل وزارة الصحة، علي الوليدي»: the title's holder, a person named in full
            held = next((t for k, t in enumerate(part) if title_of(self.lex, t.text) is None
                         and not (k and self._title_complement(t.text))), part[0])
            # (not «الوزراء» of «نائب رئيس الوزراء بكر بوزداغ», «السلوفيني» of «السفير السلوفيني فوييسلاف سوك»)
            whole = self.names.display(held.start, part[-1].end)
            if spk.rule == "mention" or (spk.rule == "name" and spk.name and spk.name in whole):
                spk = dataclasses.replace(spk, name=whole, kind="person", rule="name")
        if spk.gender == "unknown" and spk.kind == "person":
            title = next((hit for t in toks if t.kind == "w" and (hit := title_of(self.lex, t.text))
                          and hit[0] == "person" and hit[1] != "unknown"), None)
            if title is not None:
                spk = dataclasses.replace(spk, gender=title[1])
        return spk

    def _honorific_pronoun(self, mention: MentionSpan) -> bool:
        """Is the mention an honorific with its pronoun alone («سموه»، «معاليه»، «سماحته»)?"""
        words_ = [t.text for t in tokens(self.w, mention.start, mention.end) if t.kind == "w"]
        return len(words_) == 1 and words_[0].endswith("ه") and not is_definite(words_[0]) \
            and title_of(self.lex, words_[0]) is not None

    def _title_complement(self, word: str) -> bool:
        """Is ``word``, after a word of a title phrase, its definite noun or nisba rather than a
        name's first word («الوزراء»، «السلوفيني»; not «الحسن»)?"""
        stem = strip_definite(word)
        return is_definite(word) and stem not in self.lex.given_names and (
            stem in self.lex.common_nouns or stem.endswith(("ي", "يه")))

    def _fits_title(self, wtoks: list[Tok], prev: Speaker, last: bool = True) -> bool:
        """Can ``prev`` be who a definite title refers back to? Not when the mention that
        introduced them gave another title («المتحدثة باسم البيت الأبيض» is no «المتحدثة باسم
        وزارة الخارجية الروسية»: the title's head must be among its words) or other nisba
        adjectives («الرئيس الفرنسي» is not «رئيس البرلمان الأوروبي أنطونيو تاياني»). Someone
        introduced by name alone fits if they spoke last («وقال لافروف … وأضاف الوزير الروسي»), and
        an honorific pronoun (سموه) fits anyone."""
        if len(wtoks) == 1 and not is_definite(wtoks[0].text):
            return True  # «معاليه»، «سموه»
        words_ = [strip_definite(t.text) for t in wtoks if t.text not in self.lex.classes.demonstrative]
        heads = [w for w in words_ if title_of(self.lex, w)]
        if not heads or heads[0] in self.lex.classes.generic_title:
            return True  # «المسؤول»، «المصدر»: anyone the article quoted
        if not any(title_of(self.lex, w) for w in prev.described):
            return last
        if heads[0] not in prev.described:
            return False
        theirs = [w for w in prev.described if _nisba(w)]
        return not theirs or all(w in theirs for w in words_ if _nisba(w))

    def _plural_group(self, word: str) -> bool:
        """Is ``word`` a group named generically: a sound masculine plural of a common noun
        («قال محللون»، «ويرى مراقبون»، «أكد دبلوماسيون»، «وقال منتقدون»: a participle), the plural
        in ات of a generic source («منظمات»), or a dual of a title or a generic source («مسؤولان»),
        also in construct («مسؤولو صحة»)?
        Not a name in ون («هارون»، «كاميرون»: the corpus does not write them with ال)."""
        if word.endswith("ات") and self.lex.generic_sources.get(word[:-2] + "ه") == "collective":
            return True  # «وتقول منظمات خيرية طبية»: the plural of a generic source
        if word.endswith("ان") and len(word) > 4 and word not in self.lex.given_names \
                and (self.lex.generic_sources.get(word[:-2]) == "collective"
                     or (title_of(self.lex, word[:-2]) or ("", ""))[0] == "person"):
            return True  # «قال مسؤولان تركيان كبيران»: a dual of a title or a generic source
        if word.endswith("و") and len(word) > 4 and not word.endswith("ابو") and word not in self.lex.given_names:
            return self._plural_group(word + "ن")  # «قال مسؤولو صحة»: the plural in construct
        return word.endswith("ون") and len(word) > 4 and word in self.lex.common_nouns \
            and (word[:-2] in self.lex.common_nouns or (word[0] == "م" and len(word) >= 7)) \
            and word not in self.lex.given_names and word not in self.lex.name_genders  # not «كاميرون»

    def _known_person(self, word: str, pos: int) -> bool:
        """Is ``word`` a name word or a family name the article gives as a whole name elsewhere
        («الزاملي» of «حاكم الزاملي»)? (A document's adjectives look like names: «بيان مقتضب».)"""
        return (is_namey(self.lex, word) or is_family_name(self.lex, word)) \
            and len(self.names.fullest((word,), pos)[0]) >= 2

    def _owner(self, toks: list[Tok], wtoks: list[Tok], reported: bool, pos: int) -> MentionSpan | None:
        """Whose figures or statement a mention names («أرقام وزارة التعدين»، «بيان المتحدث باسم
        السيدة الأولى»، «إحصاءات نشرتها وزارة …»), up to a relative verb or a comma, or None."""
        if reported:
            owner = next((t for k, t in enumerate(wtoks[1:]) if not _relative_verb(t.text) and (
                title_of(self.lex, t.text) or is_namey(self.lex, t.text) or (k == 0 and self._genitive(t.text)))), None)
        else:  # a document's adjectives (صادر، رسمي، مقتضب) look like names: only a title owns it,
            # and a news agency or paper that published it («بيان نشرته وكالة الأنباء») only relays it
            owner = next((t for t in wtoks[1:] if (title_of(self.lex, t.text) and not t.text.startswith("ل"))
                          or self._of_channel(wtoks[0].text, t.text)), None)
            if owner is None and self._known_person(wtoks[1].text, pos):
                owner = wtoks[1]  # «وقال بيان الزاملي»: the statement of a person the article names in full
            if owner is not None and strip_definite(owner.text) in self.lex.classes.outlet_noun:
                owner = None
        if owner is None:
            return None
        k = next(i for i, t in enumerate(toks) if t is owner)
        end = next((t for t in toks[k + 1:] if t.kind == "comma" or (t.kind == "w" and _relative_verb(t.text))), None)
        last = [t for t in toks[k:] if t.kind == "w" and (end is None or t.end <= end.start)][-1]
        return MentionSpan(owner.start, last.end)

    def _owner_after_li(self, owner: MentionSpan, agreement: str, pos: int) -> Speaker:
        """The owner of «بيان للجيش اليمني»، «بيان للداخلية»: resolved without its «لل», and
        named with ال again when the article gives no fuller name («الجيش اليمني»)."""
        span = MentionSpan(owner.start + 2, owner.end)
        spk = self._from_mention(span, agreement, pos)
        words_ = self.w[span.start:span.end].split()
        found = self.names.first_full_mention(words_[0], pos) if len(words_) == 1 else None
        if found is not None and len(found.split()) > 1:  # «بيان للداخلية» after «وزارة الداخلية المصرية»
            return Speaker(found, "unknown", "org", agreement, "generic-first-mention")
        if spk.name == self.names.display(span.start, span.end):
            kind = "person" if (title_of(self.lex, self.w[span.start:span.end].split()[0]) or ("", ""))[0] == "person" \
                else "org"
            spk = dataclasses.replace(spk, name="ال" + spk.name, kind=kind, rule="org" if kind == "org" else "title",
                                      gender=spk.gender if kind == "person" else "unknown")
        return spk

    def _of_channel(self, head: str, word: str) -> bool:
        """Is ``word`` («للداخلية») ل and the owner of a channel («بيان»، «تغريدة»: word class
        ``channel``), not the addressee of a letter or a speech («رسالة للرئيس»)?"""
        return strip_definite(head) in self.lex.classes.channel and word.startswith("لل") and len(word) > 4

    def _issued_by(self, toks: list[Tok]) -> MentionSpan | None:
        """Who issued a document the mention ends with «صادر» («بيان صادر عن الرئاسة المصرية»):
        the words after عن, up to a comma or a grammatical word (word class ``issued``)."""
        if not toks or toks[-1].kind != "w" or strip_definite(toks[-1].text) not in self.lex.classes.issued:
            return None
        after = tokens(self.w, toks[-1].end, min(len(self.w), toks[-1].end + 120))
        if len(after) < 2 or after[0].text != "عن":
            return None
        words_: list[Tok] = []
        for t in after[1:1 + MAX_ISSUER_WORDS]:
            if t.kind != "w" or is_function_form(self.lex, t.text) or t.text in self.lex.verbs:
                break
            words_.append(t)
        return MentionSpan(words_[0].start, words_[-1].end) if words_ else None

    def _genitive(self, word: str) -> bool:
        """Can ``word``, right after a plural of what is reported, be its owner rather than its
        adjective («تقديرات المحللين»، «أرقام الأمم المتحدة»; not «المعلومات الأولية»)? An
        adjective agreeing with such a plural ends in ة."""
        return not word.endswith("ه") and not is_function_form(self.lex, word) and word not in self.lex.mention_stoppers

    def note_documents(self, start: int, end: int, spk: Speaker) -> None:
        """Remember ``spk`` as the issuer of a document its quotation came in: «في بيان»،
        «في تقرير» between the cue and the content (words of ``generic_sources`` of kind document)."""
        if not spk.name:
            return
        words_ = [t.text for t in tokens(self.w, start, end) if t.kind == "w"]
        for before, word in zip(words_, words_[1:]):
            if before == "في" and self.lex.generic_sources.get(strip_definite(word)) == "document":
                self.issuers[strip_definite(word)] = spk

    def _generic(self, wtoks: list[Tok], agreement: str, pos: int) -> Speaker | None:
        """A generic source: a document (البيان، التغريدة) speaks for whoever issued it: the
        speaker the article said it came from («في بيان»), else the last speaker; a definite collective (المصادر، الاستطلاع، للمصادر، المصادر نفسها) is its
        fullest first mention in the article («مصادر يمنية»، «استطلاع رويترز وإبسوس»)."""
        words_ = [t.text for t in wtoks]
        if words_ and words_[-1] in self.lex.classes.emphatic_self:
            words_ = words_[:-1]
        if len(words_) != 1:
            return None
        word = words_[0]
        if word.startswith("لل"):
            word = "ال" + word[2:]
        elif word.startswith("ل") and not is_definite(word) and strip_definite("ال" + word[1:]) in self.lex.generic_sources:
            word = "ال" + word[1:]  # «طبقا للمصادر» read as the cue «طبقا ل» and «لمصادر»
        if not is_definite(word):
            return None
        head = strip_definite(word)
        kind = self.lex.generic_sources.get(head)
        if kind == "document":
            if head in self.issuers:  # «وذكر البيان» after «أوضحت الوزارة في بيان»
                return dataclasses.replace(self.issuers[head], agreement=agreement, rule="document-issuer")
            for prev in reversed(self.history[-MAX_HISTORY:]):
                if prev.name:
                    return dataclasses.replace(prev, agreement=agreement, rule="document-issuer")
        elif kind == "collective":
            found = self.names.first_full_mention(head, pos)
            if found is not None:
                return Speaker(found, "unknown", "org", agreement, "generic-first-mention")
        return None

    def _known_gender(self, name: str) -> str:
        for prev in reversed(self.history[-MAX_HISTORY:]):
            if prev.name == name and prev.gender != "unknown":
                return prev.gender
        return "unknown"

    def harmonise(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Give a person the gender their other quotations agree on when one lacks it (not
        to a quotation a plural or dual cue introduced). ``records`` (the fields of the
        quotations, ``speaker_name`` and ``speaker_gender`` among them) are in the order their
        speakers were resolved; they are changed in place and returned."""
        votes: dict[str, dict[str, int]] = {}
        for r in records:
            name, gender = r["speaker_name"], r["speaker_gender"]
            if name and gender != "unknown" and self.kinds.get(name) == "person":
                votes.setdefault(name, {}).setdefault(gender, 0)
                votes[name][gender] += 1
        for r, group in zip(records, self.groups):
            v = votes.get(r["speaker_name"] or "")
            if r["speaker_gender"] == "unknown" and v and self.kinds.get(r["speaker_name"]) == "person" and not group:
                r["speaker_gender"] = max(sorted(v), key=v.get)
        return records
