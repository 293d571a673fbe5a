"""Who speaks: analyse a speaker mention, resolve it to the fullest name in the article,
and decide the speaker's gender.

Rules, in the order they are tried for a mention:

* ``name``: a run of name-like words (no ال, not a function word, title or cue) in
  apposition (after ال-words, a title, a comma or a mark: «المتحدث باسم الكرملين دميتري
  بيسكوف»), extended to the longest form of that name in the article (بيسكوف → دميتري
  بيسكوف; زاخاروف and زاخاروفا stay apart).
* ``title``: a title without a name («المتحدث باسم الرئاسة الروسية») is looked up where
  the article gives that title followed by a name; a definite generic title («المسؤول
  الروسي») falls back to the last person who spoke with the same agreement.
* ``org``: an institution (وزارة، الكرملين، مجلس …) is named as written; a bare definite
  noun («المجلس») resolves to an earlier speaker of the same head («مجلس الأمن الروسي»).
* ``implied``: no mention (وأضافت: …، مضيفاً أن …) → for a participle the subject of its
  clause, else the last speaker whose verb agreement matches.

Each resolved speaker carries the step that decided it (``SPEAKER_RULES``), recorded in the
quotation's ``speaker_rule``.

Gender comes from the cue's agreement (قال/قالت، مضيفا/مضيفة) for people, from the title
when the cue has none (وفق بيسكوف), and is ``unknown`` for institutions.
"""

from quotes.morphology import is_definite, strip_definite
from quotes.speakers.names import MentionSpan, Subject, looks_like_source, name_run, name_runs
from quotes.speakers.resolver import SPEAKER_RULES, Speaker, SpeakerResolver
from quotes.speakers.words import title_of

__all__ = ["SPEAKER_RULES", "MentionSpan", "Speaker", "Subject", "SpeakerResolver", "is_definite",
           "looks_like_source", "name_run", "name_runs", "strip_definite", "title_of"]
