"""The actors: who may speak or be named in a statement, read from ``data/actors.csv`` and found in a sentence.

``data/actors.csv`` lists well-known actors (persons, institutions, capitals, newspapers, countries), each with
its side, the variants of its name and the role descriptions that stand for it ("Kremlin spokesman"). A
teacher adds an actor with one row; the table is validated on load (``analysis.datafiles``), naming the row.

``ActorIndex.find`` gives the mentions in a sentence: whole words, the longest where two overlap, a role right
before a person's name merged into the name ("Kremlin spokesman Dmitry Peskov" is one mention of Peskov).
Single words and acronyms match case-sensitively ("Abe", "Diet", "AP"); longer forms and roles ignore case.

Two people of one surname keep their given names in brackets ("Suzuki (Muneo)", "Suzuki (Naomichi)"): the
speaker column names both Suzuki (``Actor.name``), as coders do.

``data/office_holders.csv``, beside the actors table, says who held an office the table lists as an
institution (office, holder, start, end; dates as YYYY-MM-DD, the end left empty while in office): a
transcript's label that names the office alone ("CHIEF CABINET SECRETARY:" on the Prime Minister's Office's
page of January 2019) is the person who held it on the article's date (Suga), as coders read it; so is an
office that speaks in a story ("Japan's prime minister denounced ...").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from . import paths
from ._fast.phrases import StringAutomaton
from .datafiles import DataFileError, check_value, read_table
from .vocab import (ACTOR_TYPES, DISPUTANTS, HOME_SIDE, NATIONALITY_ROLE, NATIONALITY_SIDES, PERSON_TYPES, SIDES,
                    chinese_name, common_family_name_first, introducing_clause_start, located_side, name_side,
                    place_named)

# Between a role and the name it precedes: a comma, spaces, perhaps a first name.
_ROLE_NAME_GAP = re.compile(r"[\s,]*(?:[A-Z][a-z]+\s+)?")


class FixedStrings:
    """Every occurrence of a fixed set of strings in a text, found by searching for each string in turn.

    The plain version of ``_fast.phrases.StringAutomaton``, which finds the same occurrences in one pass.

    Args:
        strings: {string: value}, the strings not empty; the value is handed back with each occurrence.
    """

    def __init__(self, strings: dict[str, object]):
        self.strings = dict(strings)

    def occurrences(self, text: str) -> list[tuple[int, tuple[int, object]]]:
        """Every occurrence of every string, overlapping ones included, each as (the index of its last
        character, (its length, its value))."""
        found = []
        for string, value in self.strings.items():
            start = text.find(string)
            while start != -1:
                found.append((start + len(string) - 1, (len(string), value)))
                start = text.find(string, start + 1)
        return found


class ActorsError(DataFileError):
    """A problem in the actors table; the message names the file and row."""


@dataclass(frozen=True)
class Actor:
    canonical: str
    side: str
    type: str
    roles: tuple = ()

    @property
    def name(self) -> str:
        """The speaker's name as coders write it: the canonical name without a given name in brackets, which
        keeps two people of one surname apart in the table ("Suzuki (Muneo)", the lawmaker, and "Suzuki
        (Naomichi)", the Hokkaido governor: both Suzuki, as GUIDE.md names persons by surname)."""
        return _GIVEN_NAME.sub("", self.canonical) if self.canonical.endswith(")") else self.canonical


_GIVEN_NAME = re.compile(r"\s+\([^()]*\)$")


# The words before an office's role that make the person its deputy, not its holder.
_DEPUTY = ("deputy ", "vice ", "vice-", "acting deputy ")


class Mention(NamedTuple):
    """An actor named in a sentence. A named tuple: every sentence of a large corpus makes a few."""

    start: int
    end: int
    actor: Actor
    kind: str  # "name" or "role"
    role: Actor | None = None  # the role description merged into a name ("Japanese Prime Minister Kishida")


@dataclass
class ActorIndex:
    """Finds actor mentions in a sentence by name variant or role description.

    ``surfaces`` holds, for each case-folded surface form, what it may stand for: (case_sensitive, the form
    as the table writes it, actor, "name" or "role"); ``strings`` finds the surfaces in a folded sentence
    (``StringAutomaton`` or ``FixedStrings``).
    """

    actors: dict
    ministries: dict = field(default_factory=dict)
    surfaces: dict = field(repr=False, default_factory=dict)
    strings: object = field(repr=False, default=None, compare=False)
    holders: dict = field(repr=False, default_factory=dict)   # office's canonical name: [OfficeTerm, ...]

    def holder(self, office: Actor, date: str) -> Actor | None:
        """Who held ``office`` on ``date`` (YYYY-MM-DD, as an article's metadata gives it), or None when the
        table gives nobody or the date is not one.

        >>> index = load_actors()
        >>> index.holder(index.actors["Chief Cabinet Secretary"], "2019-01-15").canonical
        'Suga'
        >>> index.holder(index.actors["Chief Cabinet Secretary"], "")
        """
        try:
            day = dt.date.fromisoformat(str(date).strip()[:10])
        except ValueError:
            return None
        for term in self.holders.get(office.canonical, ()):
            if term.start <= day and (term.end is None or day < term.end):
                return term.person
        return None

    def office_roles(self, date: str) -> dict[str, tuple]:
        """{person: the roles of the offices they held on ``date``} ({} without a date): "the governor" in a
        story of 2021 may be Limarenko, who held the office "Sakhalin Governor" then."""
        roles: dict[str, tuple] = {}
        for office in self.holders if date else ():
            person = self.holder(self.actors[office], date)
            if person is not None:
                roles[person.canonical] = roles.get(person.canonical, ()) + self.actors[office].roles
        return roles

    def in_office(self, actor: Actor, date: str) -> Actor:
        """The person who held the office ``actor`` is on ``date``, else ``actor`` itself (a person, an office
        the table gives no holder for that day, an article without a date)."""
        if actor.type != "institution" or actor.canonical not in self.holders or not date:
            return actor
        return self.holder(actor, date) or actor

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, longest first, with a role before a name merged into the name."""
        text = text.replace("’", "'")
        folded = text.casefold()
        if len(folded) != len(text):
            folded = text.lower()
        size = len(text)
        found = []
        for last, (length, forms) in self.strings.occurrences(folded):
            start, end = last + 1 - length, last + 1
            # A whole word: no letter, digit or "_" next to it, nor a "." before it.
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_."):
                continue
            if end < size and (text[end].isalnum() or text[end] == "_"):
                continue
            for case_sensitive, written, actor, kind in forms:
                if kind == "role" and folded.endswith(_DEPUTY, 0, start):
                    # (a deputy is not the office's holder: "Konstantin Kosachev, deputy speaker of the
                    # Federation Council", "Deputy Chief Cabinet Secretary Seiji Kihara")
                    break
                if not case_sensitive or text[start:end] == written:
                    found.append(Mention(start, end, actor, kind))
                    break
        return _number_as_written(text, _nationality_merged(text, _roles_merged_into_names(
            text, _longest_of_overlaps(found)))) if found else found

    def with_strings(self, strings) -> "ActorIndex":
        """The same index, finding its surfaces with ``strings`` (``FixedStrings`` for the plain rules)."""
        return ActorIndex(self.actors, self.ministries, self.surfaces, strings(self.surfaces), self.holders)


def _longest_of_overlaps(found: list[Mention]) -> list[Mention]:
    """Where mentions overlap, the longest one (the one starting first, of two as long)."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def _number_as_written(text: str, mentions: list[Mention]) -> list[Mention]:
    """An unnamed group is named in the number the sentence gives it, as GUIDE.md names generic speakers "as
    written": "Russian officials said" is `Russian officials`, "a Russian official said" `Russian official`,
    though ``data/actors.csv`` lists both forms under one name. Coded sets name them so; keeping one form cost
    about 50 speakers over the real-genre sets (docs/evaluation.md, "Fourteenth round")."""
    for number, mention in enumerate(mentions):
        actor = mention.actor
        if actor.type != "generic":
            continue
        *others, head = actor.canonical.lower().split(" ")
        written = _WORD_RUN.findall(text[mention.start:mention.end].lower())
        if head + "s" in written and head not in written:
            name = actor.canonical + "s"            # "officials in Tokyo": `Japanese officials`
        elif (head.endswith("s") and head[:-1] in written and head not in written
              and all(word in written for word in others)):
            # (only a group the sentence writes out: "the source said" after "Japanese government sources" is
            # that group still, as coders keep it)
            name = actor.canonical[:-1]
        else:
            continue
        mentions[number] = mention._replace(actor=Actor(name, actor.side, actor.type, actor.roles))
    return mentions


_WORD_RUN = re.compile(r"[a-z.]+")


def _nationality_merged(text: str, mentions: list[Mention]) -> list[Mention]:
    """A nationality right before an unnamed group of no side of its own ("Russian analysts", "Japanese
    residents") is one mention of that group, of the nationality's side."""
    for number, mention in enumerate(mentions):
        if mention.actor.type == "generic" and mention.start and mention.actor.side in ("other", HOME_SIDE):
            offset = max(0, mention.start - 40)
            before = _NATIONALITY_BEFORE.search(text[offset:mention.start])
            if before is not None:
                actor = mention.actor
                named = Actor(f"{before.group(1)} {actor.canonical}", NATIONALITY_SIDES[before.group(1)], actor.type,
                              actor.roles)
                mentions[number] = mention._replace(start=offset + before.start(1), actor=named)
    return mentions


_NATIONALITY_BEFORE = re.compile(rf"\b({'|'.join(re.escape(n) for n in NATIONALITY_SIDES)})\s+(?:[a-z-]+\s+)?$")


def _roles_merged_into_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A role right before a person's name ("Kremlin spokesman Dmitry Peskov") is one mention of the person,
    which keeps the role."""
    merged: list[Mention] = []
    for mention in mentions:
        if (merged and merged[-1].kind == "role" and mention.actor.type in PERSON_TYPES
                and _ROLE_NAME_GAP.fullmatch(text, merged[-1].end, mention.start)):
            merged[-1] = Mention(merged[-1].start, mention.end, mention.actor, "name", merged[-1].actor)
            continue
        merged.append(mention)
    return merged


def load_actors(path: Path | str = paths.ACTORS, *, strings=StringAutomaton) -> ActorIndex:
    """Read and validate ``data/actors.csv`` (canonical, side, type, variants, roles).

    ``strings`` finds the names in a sentence: ``StringAutomaton`` (the default) or ``FixedStrings``.
    """
    path = Path(path)
    table = read_table(path, required=["canonical", "side", "type", "variants", "roles"], error=ActorsError)
    if table.empty:
        raise ActorsError(f"{path}: no actors in this file")
    actors, lookup, seen = {}, {}, {}
    for row_number, row in enumerate(table.itertuples(index=False), start=2):
        where = f"{path}: row {row_number} ({row.canonical})"
        actor = _actor_of_row(row, actors, path, row_number)
        actors[row.canonical] = actor
        for surface, kind in _surface_forms(row, actor):
            # Single words and acronyms match case-sensitively ("Abe", "Diet", "AP"); longer forms ignore case.
            fold = kind == "role" or (" " in surface and not surface.isupper())
            key = (fold, surface.casefold() if fold else surface)
            if surface.casefold() in seen and seen[surface.casefold()] != row.canonical:
                raise ActorsError(f"{where}: {kind} {surface!r} already belongs to {seen[surface.casefold()]}")
            seen[surface.casefold()] = row.canonical
            lookup[key] = (actor, kind)
    surfaces: dict[str, list] = {}
    for (fold, key), (actor, kind) in lookup.items():
        surfaces.setdefault(key if fold else key.casefold(), []).append((not fold, key, actor, kind))
    ministries = {a.side: a for a in actors.values() if a.canonical.endswith("Foreign Ministry")}
    holders_path = path.with_name(paths.OFFICE_HOLDERS.name)
    holders = load_office_holders(holders_path, actors) if holders_path.exists() else {}
    return ActorIndex(actors, ministries, surfaces, strings(surfaces), holders)


class OfficeTerm(NamedTuple):
    """One holder's time in an office: from ``start`` to the day before ``end`` (None: still in office)."""

    start: dt.date
    end: dt.date | None
    person: Actor


def load_office_holders(path: Path, actors: dict) -> dict[str, list[OfficeTerm]]:
    """Read and validate ``data/office_holders.csv`` against the actors table: each office an institution
    of it, each holder a person of it, dates that parse, and no two terms of one office that overlap."""
    table = read_table(path, required=["office", "holder", "start", "end"], error=ActorsError)
    holders: dict[str, list[OfficeTerm]] = {}
    for row_number, row in enumerate(table.itertuples(index=False), start=2):
        where = f"{path}: row {row_number} ({row.office}, {row.holder})"
        office, person = actors.get(row.office), actors.get(row.holder)
        if office is None or office.type != "institution":
            raise ActorsError(f"{where}: office {row.office!r} is not an institution of the actors table")
        if person is None or person.type != "person":
            raise ActorsError(f"{where}: holder {row.holder!r} is not a person of the actors table")
        dates = []
        for column in ("start", "end"):
            value = getattr(row, column).strip()
            try:
                dates.append(dt.date.fromisoformat(value) if value or column == "start" else None)
            except ValueError:
                raise ActorsError(f"{where}: {column} {value!r} is not a date written YYYY-MM-DD") from None
        start, end = dates
        if end is not None and end <= start:
            raise ActorsError(f"{where}: the term ends ({end}) before it starts ({start})")
        for term in holders.get(row.office, []):
            if start < (term.end or dt.date.max) and term.start < (end or dt.date.max):
                raise ActorsError(f"{where}: the term overlaps {term.person.canonical}'s, from {term.start}")
        holders.setdefault(row.office, []).append(OfficeTerm(start, end, person))
    return holders


def _actor_of_row(row, actors: dict, path, row_number: int) -> Actor:
    """The actor of one row of the actors table, its fields checked."""
    where = f"{path}: row {row_number} ({row.canonical})"
    if not row.canonical.strip():
        raise ActorsError(f"{where}: empty canonical name")
    if row.canonical in actors:
        raise ActorsError(f"{where}: duplicate canonical name")
    check_value(path, row_number, "type", row.type, ACTOR_TYPES, ActorsError)
    if row.side == HOME_SIDE and row.type != "generic":
        raise ActorsError(f"{where}: side {HOME_SIDE!r} (the outlet's side) is for generic speakers only")
    if row.side != HOME_SIDE:
        check_value(path, row_number, "side", row.side, SIDES, ActorsError)
    roles = tuple(r.strip().replace("’", "'").casefold() for r in row.roles.split("|") if r.strip())
    return Actor(row.canonical, row.side, row.type, roles)


def _surface_forms(row, actor: Actor) -> list[tuple[str, str]]:
    """(surface, "name" or "role") of every way the text may name an actor."""
    variants = [v.strip().replace("’", "'") for v in row.variants.split("|") if v.strip()]
    if row.side == "japan" and row.type == "person":
        # Japanese government style and NHK write family name first: "Suga Yoshihide".
        variants += [" ".join(reversed(v.split())) for v in variants if len(v.split()) == 2]
    return [(v, "name") for v in variants] + [(r, "role") for r in actor.roles]


# ------------------------------------------------------------------------- people introduced in an article

# "Kenji Sato, a lawmaker of the ruling Liberal Democratic Party, said" / "..., said Kazuo Tanaka, the deputy
# press secretary at Japan's foreign ministry.": found from the literal ", a " / ", the " after the name.
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2})$")
# A role ends at a comma, the sentence's end, a verb of speech, or a second clause about the person ("..., 68,
# served three postings at the Japanese Embassy in Moscow and was involved in ...", "..., 71, served three postings
# at the Embassy of Japan in Moscow and worked in ...", "a former Deputy Minister for Foreign Affairs who was
# involved in negotiations with Russia").
_ROLE_UNTIL = re.compile(r"([^,.;\"“”\n]{3,150}?)(?:,|\.\s*$|\.\s|$| (?:said|says|told|added|noted|stressed)"
                         r"| and (?:was|is|has|had|now|[a-z]+ed)\b| who (?=[a-z]))",
                         re.MULTILINE)
# "Chief Cabinet Secretary Katsunobu Kato" / "Agriculture, Forestry and Fisheries Minister Nomura Tetsuro":
# found from the title word before the name.
_TITLES = ("Minister|Secretary|Spokesman|Spokeswoman|Spokesperson|Ambassador|Governor|Senator|Envoy|Premier|"
           "Chairman|Director|Mayor|Lawmaker|Deputy|deputy|leader|Speaker")
_TITLE_THEN_NAME = re.compile(rf"(?:{_TITLES})\b(?: (?:for|of|to)(?: [A-Z][a-z]+| and){{1,3}})? ([A-Z][a-z]+ [A-Z][a-z]+)\b")
# Words of a title that the pattern above may take for a name ("Deputy Foreign Minister ...").
_NOT_NAMES = set(_TITLES.split("|")) | {"Foreign", "Prime", "Chief", "Cabinet", "General", "Press", "Vice", "State"}
_TITLE_BEFORE = re.compile(r"(?:(?:\b[A-Z][a-z]+|\bU\.S\.|\bUK|\bEU),? (?:and )?){0,5}$")


# "Sakhalin's governor, Igor Farkhutdinov, whose region ...", "A Russian academic at the Institute of Oriental
# Studies, Nikolai Shevelyov, argues": the role first, then the name between commas; found from the role's noun.
_ROLE_NOUNS = ("governor", "academic", "professor", "analyst", "expert", "scholar", "researcher", "historian",
               "diplomat", "lawmaker", "senator", "mayor", "official", "spokesman", "spokeswoman", "chairman",
               "manager", "director", "fisherman", "teacher", "resident", "owner", "worker", "doctor", "farmer",
               # a British paper's "The prime minister, Naoto Kan, told ...", "the Russian ambassador, Mikhail Bely,"
               "minister", "secretary", "ambassador", "premier", "envoy",
               # "The vice-speaker of the State Duma, Pyotr Tolstoy, said", "the head of the delegation, ..."
               "speaker", "head", "chief", "chairwoman", "spokesperson", "representative", "deputy")
# (or closing the sentence: '"...," said the official, Yoshiko Amano.')
_COMMA_NAME_COMMA = re.compile(r", ([A-Z][a-z]+ [A-Z][a-z]+)(?:,|\.(?=\s|$))")     # a literal first: found fast
_ROLE_RIGHT_BEFORE = re.compile(rf"\b(?:{'|'.join(_ROLE_NOUNS)})(?: (?:at|of|in) [^,\n]{{1,60}})?$")
_ROLE_WORDS_BEFORE = re.compile(r"(?:[\w'’-]+ ){0,4}$")
# A sentence that opens with a person's name and what they do, as an interview's lead introduces its guest:
# "Irina Kovalenko teaches Japanese at a school in Yuzhno-Kurilsk and since 1998 has worked as an interpreter".
# (matched at the start of the lines that hold such a verb: a search for "^" in multi-line mode would try every
# character of the article)
_WORK_VERBS = ("teaches", "works", "lives", "heads", "leads", "runs", "chairs", "directs", "serves", "has worked",
               "has lived", "has taught", "has served", "has headed", "has led")
_NAME_THEN_WORK = re.compile(rf"([A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?) (?=(?:{'|'.join(_WORK_VERBS)})\b)")
# "..., says Kazuhiko Sasaki of Hokkaido University": a name, then the university or institute it speaks from.
_NAME_OF_INSTITUTE = re.compile(r"\b([A-Z][a-z]+ [A-Z][a-z]+) (?:of|at|from) (?:the )?"
                                r"((?:[A-Z][\w.'’-]* ){0,5}(?:University|Institute|Academy|College)\b"
                                r"(?: (?:of|for) (?:[A-Z][\w'’-]* ?){1,4})?)")

# A role that holds office or a seat makes the person an official; a professor, a former resident, an analyst
# is a speaker of no office (speaker_type generic, as GUIDE.md codes them).
_OFFICE = re.compile(r"(?i)\b(?:minister|secretary|spokes(?:man|woman|person)|ambassador|governor|senator|envoy|"
                     r"premier|president|chairman|chair|mayor|lawmaker|legislator|deputy|official|diplomat|leader|"
                     r"member of|representative|lawmaker|director|head of|chief|councillor|press secretary|embassy)")

# A scholar's side is the nationality or place the article gives, never the name's: "Ilya Korenev, a nonresident
# scholar with the Carnegie Russia Eurasia Center" is of no party. A resident's name may say it ("said Tatsuo
# Ogawa, 88, who was 11 when Soviet soldiers came ashore" is Japanese).
_SCHOLARLY = re.compile(r"(?i)\b(?:scholar|expert|analyst|professor|researcher|academic|historian|fellow|specialist|"
                        r"lecturer|university|institute|think[- ]tank|journalist|writer|commentator)")
# A post at a university or an institute is no office: "deputy director of a center for Japanese studies at a
# university in Beijing" is a scholar, whose side words name a subject.
_ACADEMIC = re.compile(r"(?i)\b(?:university|institute|academy|studies|think tank|college|school of)\b")


def _occurrences(text: str, needles: StringAutomaton) -> dict[str, list[int]]:
    """Where each kind of needle (the value each carries) starts in ``text``, in order, by kind: both kinds
    found in one pass (far faster than a regex scan, or a ``str.find`` for each needle)."""
    found: dict[str, list[int]] = {}
    for last, (length, kind) in needles.occurrences(text):
        found.setdefault(kind, []).append(last + 1 - length)
    return {kind: sorted(places) for kind, places in found.items()}


_TITLE_NEEDLES = tuple(_TITLES.split("|"))
# "Fisherman Alexei Dorofeev, who has lived on Iturup ..., said", "retired engineer Nikolai Gromov": a person's
# occupation before their name, as wires and regional papers introduce people of no office.
_OCCUPATIONS = ("fisherman", "pensioner", "teacher", "farmer", "student", "engineer", "businessman", "businesswoman",
                "entrepreneur", "activist", "veteran", "historian", "shopkeeper", "driver", "doctor", "nurse",
                "mechanic", "retiree", "housewife", "worker")
_OCCUPATION_NEEDLES = tuple(f"{word[0].upper()}{word[1:]} " for word in _OCCUPATIONS) + tuple(
    f" {word} " for word in _OCCUPATIONS)
_OCCUPATION_THEN_NAME = re.compile(rf" ?(?i:{'|'.join(_OCCUPATIONS)}) ([A-Z][a-z]+ [A-Z][a-z]+)\b(?! [A-Z])")
# The end of a name and the start of its role: "Kenji Sato, a lawmaker", "Sachiko Hamada, 86, from Shikotan",
# "Masatoshi Ishigaki, mayor of Nemuro", "Kenji Okamura, vice chairman of the residents league", "Hideo
# Kurosaki, 68, headed the Russia division at the embassy".
_ROLE_START = re.compile(r"(?:, \d{1,3})?, (?:(?:a|an|the|who|from) (?P<after>)|(?P<role>[a-z-]+ (?:[\w-]+ ){0,3}"
                         r"(?:of|at|for|in|to) ))")
# A role in capitals, as official pages and wires write a title after the name ("Vladimir Dzhabarov, First Deputy
# Chairman of the Federation Council Committee on International Affairs, told TASS"), or a country's office
# ("Seiichi Eto, Japan's minister in charge of Northern Territories affairs, said"), or another's post ("Yuri
# Ushakov, Mr. Putin's foreign policy adviser, told").
_TITLED = rf"(?:[A-Z][a-z]+ ){{0,3}}(?:{_TITLES})\b|[A-Z][a-z]+['’]s [a-z]"
_TITLED_ROLE = re.compile(rf", (?:(?:Mr|Ms|Mrs)\. )?(?P<role>{_TITLED})")
# Where a role may start after a name: a comma before a small letter or an age, or a role of those in capitals
# (a pattern that starts with a literal, which ``re`` finds fast).
_COMMA_BEFORE_ROLE = re.compile(rf", (?=[a-z0-9]|(?:(?:Mr|Ms|Mrs)\. )?(?:{_TITLED}))")
# A name that speaks ("Kawata said", "Tkachenko told"), confirmed as a person's by a two-word name elsewhere
# in the article ("Kawata Yoshio is 87", "Sergei Tkachenko").
_SPEAKING = ("said", "says", "told", "added", "recalled", "explained", "noted", "stressed")
_SPEAKS = tuple(f" {verb}" for verb in _SPEAKING)
# Where an introduction may be: a title before a name, a verb of speech after one.
_NEEDLES = StringAutomaton({**{needle: "title" for needle in _TITLE_NEEDLES},
                            **{needle: "occupation" for needle in _OCCUPATION_NEEDLES},
                            **{needle: "speaks" for needle in _SPEAKS},
                            **{f" {verb}": "works" for verb in _WORK_VERBS}})
_SPEECH_AT = re.compile(rf" (?:{'|'.join(_SPEAKING)})\b")           # the whole word, where one was found
_SPEAKER_BEFORE = re.compile(r"\b([A-Z][a-z]{2,})$")
# A two- or three-word name and an age right before a verb of speech: "Tatsuo Sugawara, 88, told".
_NAME_AND_AGE = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}), \d{1,3},$")
# '..., said Yuri Barsukov of a Moscow think-tank', '..., said Lee Jae-kwon, a professor at Korea University',
# '...," said Min-jung Cho': a two-word name right after an inverted verb, and its role.
_NAME_AFTER_VERB = re.compile(r" ([A-Z][a-z]+(?:-[a-z]+)? [A-Z][a-z]+(?:-[a-z]+)?)\b(?![- ][A-Z])"
                              r"(?:(?:,? (?:of|at|from|with)|, (?:an?|the)) ([^,.;\n]{3,80}))?")
# '..., said one protester, Nikolai Gromov, a 64-year-old retired engineer.': a noun for the person, then the name
# between commas, then the role.
_NOUN_NAME_AFTER_VERB = re.compile(r" (?:one|an?|another) ([a-z]+(?: [a-z]+)?), ([A-Z][a-z]+ [A-Z][a-z]+),"
                                   r"(?: an? ([^,.;\n]{3,80}))?")
# A Korean name: the family name first, the given name hyphenated ("Lee Jae-kwon").
_KOREAN_GIVEN = re.compile(r" [A-Z][a-z]+-[a-z]+$")
_NOT_SPEAKER_NAMES = {"He", "She", "It", "They", "This", "That", "The", "Officials", "Analysts", "Experts",
                      "Critics", "Residents", "Sources", "Observers", "Others", "Some", "Many", "Both", "Russia",
                      "Japan", "Tokyo", "Moscow", "Washington", "Beijing", "China", "Kyiv", "Ukraine"}
# Words of the names of documents, bodies and places, never of a person ("the Joint Declaration said").
_NOT_PERSON_WORDS = {"Declaration", "Treaty", "Agreement", "Statement", "Constitution", "Ministry", "Government",
                     "Council", "Committee", "Party", "Report", "Bluebook", "Office", "Agency", "Embassy",
                     "Cabinet", "Court", "Law", "Act", "Charter", "Union", "Federation", "Republic", "Forum",
                     "Summit", "Times", "News", "Press", "Shimbun", "Post", "Journal", "Joint", "Service",
                     "Center", "Centre", "Institute", "University", "Association", "League", "Fleet", "City",
                     "Region", "Island", "Islands", "Prefecture", "Department", "House", "Kremlin", "Diet",
                     "East", "West", "North", "South", "Sea", "Strait", "Peninsula", "Ocean", "Kurils", "War",
                     "World", "Division", "Bureau", "Section", "Directorate", "Russian", "Japanese", "American",
                     "Chinese", "Soviet", "Korean", "Eastern", "Western", "Northern", "Southern", "Studies", "Affairs",
                     "Relations", "Research", "Academy", "Foundation", "Program", "Programme", "School", "College",
                     "Commission", "Assembly", "Parliament", "Duma", "Bank", "Administration", "Authority",
                     "Organization", "Organisation", "Board", "Secretariat", "Corporation"}
# A name does not start with an article or a determiner: "The Kurils, a chain of volcanic islands ...".
_DETERMINERS = {"The", "A", "An", "This", "That", "These", "Those", "Its", "Our", "Their", "Some", "Many", "In", "At",
                "From", "On", "For", "With", "By", "To", "Of", "After", "Before", "During"}


def _introductions(whole: str, known):
    """(name, role, where the name starts) of each introduction of a person ``known`` says is new, in an
    article's text, lines joined by "\n"."""
    for comma in _COMMA_BEFORE_ROLE.finditer(whole):      # a name's end, then its role
        at = comma.start()
        # (a role in capitals after ", ", else one in small letters or an age)
        role_start = _TITLED_ROLE if whole[at + 2:at + 3].isupper() else _ROLE_START
        found = role_start.match(whole, at) if whole[at - 1:at].islower() else None
        if found is None:
            continue
        name = _NAME_BEFORE.search(whole, max(0, at - 40), at)
        if name is None or known(name.group(1)) or not _is_name(name.group(1)):
            continue
        start = found.start("role") if found.group("role") is not None else found.end()
        role = _ROLE_UNTIL.match(whole, start, start + 160)
        if role:
            yield name.group(1), role.group(1), name.start(1)
    needles = _occurrences(whole, _NEEDLES)
    for at in needles.get("title", ()):
        found = _TITLE_THEN_NAME.match(whole, at)
        if found is None or not _NOT_NAMES.isdisjoint(found.group(1).split()) or known(found.group(1)):
            continue
        before = _TITLE_BEFORE.search(whole, max(0, at - 60), at)
        role = (before.group(0) if before else "") + whole[at:found.start(1)]
        yield found.group(1), role.strip(), found.start(1)
    for at in needles.get("occupation", ()):
        found = _OCCUPATION_THEN_NAME.match(whole, at)
        if found is not None and not known(found.group(1)) and _is_name(found.group(1)):
            yield found.group(1), whole[at:found.start(1)].strip().lower(), found.start(1)
    for found in _COMMA_NAME_COMMA.finditer(whole):
        role = _ROLE_RIGHT_BEFORE.search(whole, max(0, found.start() - 80), found.start())
        if role is None or known(found.group(1)) or not _is_name(found.group(1)):
            continue
        before = _ROLE_WORDS_BEFORE.search(whole, max(0, role.start() - 60), role.start())
        yield found.group(1), (before.group(0) if before else "") + role.group(0), found.start(1)
    for found in _lines_opening_with(_NAME_THEN_WORK, whole, needles.get("works", ())):
        role = _ROLE_UNTIL.match(whole, found.end(), found.end() + 160)
        if role and not known(found.group(1)) and _is_name(found.group(1)) \
                and _NOT_NAMES.isdisjoint(found.group(1).split()):
            yield found.group(1), role.group(1), found.start(1)
    if "University" in whole or "Institute" in whole or "Academy" in whole or "College" in whole:
        for found in _NAME_OF_INSTITUTE.finditer(whole):
            name = found.group(1)
            if not known(name) and _is_name(name) and _NOT_NAMES.isdisjoint(name.split()):
                yield name, found.group(2), found.start(1)
    yield from _introduced_by_speech(whole, needles.get("speaks", ()), known)


def _introduced_by_speech(whole: str, speech_at, known):
    """(name, role, where the name starts) of the people a speech verb introduces: the name after it
    ('"...," said Yuri Barsukov of a Moscow think-tank.'), a noun and name after it ('said one protester,
    Nikolai Gromov, ...'), a name with an age before it, or a surname before it whose two-word name the article
    also gives ("Kawata said" ... "Kawata Yoshio")."""
    for at in speech_at:
        verb = _SPEECH_AT.match(whole, at)
        inverted = (_NAME_AFTER_VERB.match(whole, verb.end())
                    if verb and whole[max(0, at - 3):at].rstrip()[-1:] in ",\"”" else None)
        if inverted and not known(inverted.group(1)) and _is_name(inverted.group(1)) \
                and _NOT_NAMES.isdisjoint(inverted.group(1).split()):
            # '"...," said Yuri Barsukov of a Moscow think-tank.': the name after the verb, its role after it
            yield inverted.group(1), inverted.group(2) or "", inverted.start(1)
        elif verb and inverted is None and whole[max(0, at - 3):at].rstrip()[-1:] in ",\"”":
            named = _NOUN_NAME_AFTER_VERB.match(whole, verb.end())
            if named and not known(named.group(2)) and _is_name(named.group(2)):
                yield named.group(2), ", ".join(filter(None, (named.group(1), named.group(3)))), named.start(2)
        aged = _NAME_AND_AGE.search(whole, max(0, at - 60), at) if verb else None
        if aged and not known(aged.group(1)) and _is_name(aged.group(1)) and _NOT_NAMES.isdisjoint(aged.group(1).split()):
            yield aged.group(1), "", aged.start(1)      # '"...," Tatsuo Sugawara, 88, told Al Jazeera'
        speaks = _SPEAKER_BEFORE.search(whole, max(0, at - 30), at) if verb else None
        if speaks is None:
            continue
        surname = speaks.group(1)
        if surname in _NOT_SPEAKER_NAMES or surname in _NOT_PERSON_WORDS or surname in _NOT_NAMES or known(surname):
            continue
        full = re.search(rf"\b(?:[A-Z][a-z]+ {surname}|{surname} [A-Z][a-z]+)\b(?! [A-Z])", whole)
        if full and not known(full.group(0)) and _is_name(full.group(0)) and _NOT_NAMES.isdisjoint(full.group(0).split()):
            yield full.group(0), "", full.start()


def _lines_opening_with(pattern: re.Pattern, whole: str, places):
    """The matches of ``pattern`` at the start of the lines of ``whole`` that hold one of ``places``."""
    for line_start in sorted({whole.rfind("\n", 0, at) + 1 for at in places}):
        found = pattern.match(whole, line_start)
        if found is not None:
            yield found


def _is_name(words: str) -> bool:
    """Whether capitalised words can be a person's name: no article or determiner first ("The Kurils"), no word
    of a place's, document's or body's name ("Far East", "Joint Declaration")."""
    split = words.replace("-", " ").split()
    return split[0] not in _DETERMINERS and _NOT_PERSON_WORDS.isdisjoint(split) and not place_named(words)


def introduced_people(texts: list[str], actors: ActorIndex, home_side=lambda: "",
                      place_side=lambda: "") -> dict[str, tuple[Actor, list]]:
    """The people an article introduces with a role who are not in the actors table, as actors of the article:
    {surname: (actor, the forms that name them)}. The surname is the word of the name the article also uses alone,
    not followed by another name ("Nomura Tetsuro" ... "Nomura said"), else its last word. The side is the one the
    role names ("a Japanese diplomat"; a third country's office is of no party: "Australia's ambassador in Tokyo" is
    `other`), else that of an actor the role names by name ("of the Liberal Democratic Party"), else the side the
    name points to (``vocab.name_side``), else the nearest side word in the sentence, else ``home_side()`` (the
    outlet's, asked only then); a person without one is left out, unless the sentence has them speak (then "other").
    A person whose role holds no office (a professor, a former resident) is of type "private", whose side is the
    nationality the role gives ("a Japanese scholar"), else the place the sentence or the role puts them in, else
    (not for a scholar) the side the name points to, else the outlet's if it is Japan's or Russia's (their papers
    mostly meet their own people, wherever the dateline), else that of the place of the article's dateline
    (``place_side()``: a fisherman an American broadcaster meets in Nemuro is Japan's; "other" before all else
    for a third country's own outlet or dateline: the scholars Xinhua meets in Beijing), else the outlet's (side
    words in such a role name a subject: "a professor of Russian politics"), else as for an official.

    An introduction is a name followed by its role between commas ("Kenji Sato, a lawmaker of ...", "Masato
    Hoshino, deputy head of the cooperative", "Sachiko Hamada, 86, from Shikotan"), a title before the name
    ("Chief Cabinet Secretary Katsunobu Kato", "State Duma deputy Georgy Karlov"), a name opening a sentence
    with what the person does ("Irina Kovalenko teaches Japanese at a school in Yuzhno-Kurilsk"), or a surname
    that speaks ("Kawata said") when the article also gives the two-word name ("Kawata Yoshio") and the words
    are no document's, body's or title's ("the Joint Declaration said" is not a person). The role stays with
    the person (``Actor.roles``), so "the senator" later in the article is them.
    """
    people: dict[str, tuple[Actor, list]] = {}
    whole = "\n".join(texts)      # no introduction crosses a line break
    seen: dict[str, bool] = {}

    def known(name: str) -> bool:
        if name not in seen:
            seen[name] = name.casefold() in actors.surfaces or bool(actors.find(name))
        return seen[name]

    introductions = list(_introductions(whole, known))
    # (an introduction may be read twice, as the role's noun and as the whole role: "Anna Kerr, a research fellow
    # who follows Russia-Japan relations at a London-based think tank"; the whole role says where a person of no
    # office is)
    longest: dict[tuple, str] = {}
    for name, role, at in introductions:
        if len(role) > len(longest.get((name, at), "")):
            longest[name, at] = role
    guessed: set[str] = set()     # people whose side only the outlet or the dateline gave
    for name, role, at in introductions:
        office = bool(_OFFICE.search(role)) and not _ACADEMIC.search(role)
        side, guess = _introduced_person_side(name, role, at, whole, office, longest.get((name, at), role), actors,
                                              home_side, place_side)
        if not side:
            continue
        surname = _surname_used(name, whole)
        # A later introduction that gives an office ("State Duma deputy Georgy Karlov") says more than one that
        # gives none ("Georgy Karlov, who represents the Sakhalin Region"); one that gives a nationality, a place
        # or an institution ("She teaches ... at the University of Washington") more than one whose side was
        # the outlet's guess ("historian Midori Asano explains what is at stake").
        if (surname not in people or (office and people[surname][0].type == "private")
                or (surname in guessed and not guess and not office)):
            # The role stays with the person: "the senator", "the analyst" later in the article is them.
            people[surname] = (Actor(surname, side, "person" if office else "private", (role.casefold(),)),
                               [name, surname])
            (guessed.add if guess else guessed.discard)(surname)
    return people


def _introduced_person_side(name: str, role: str, at: int, whole: str, office: bool, whole_role: str,
                            actors: "ActorIndex", home_side, place_side) -> tuple[str, bool]:
    """The side of a person introduced at ``at`` with ``role`` (``introduced_people``'s rule), or "" when
    nothing gives one and the sentence has nobody speak; and whether only the outlet or the dateline gave it
    (a guess that a later introduction of the same person corrects)."""
    start = whole.rfind("\n", 0, at) + 1
    end = whole.find("\n", at)
    sentence = whole[start:end if end != -1 else len(whole)]
    if office:
        side = _side_of_role(role, sentence, at - start, actors, by_name=True) or located_side(role) or home_side()
        guess = False
    else:
        side = (_nationality(role) or located_side(f"{_just_before(sentence, at - start)} {whole_role}")
                or ("" if _SCHOLARLY.search(role) else name_side(name)))
        guess = not side
        side = side or _home_or_place(home_side, place_side) or _side_of_role(role, sentence, at - start, actors)
    if not side and _SPEECH_VERB.search(sentence):
        side = "other"      # one who speaks is a speaker even when nothing says whose side they are on
    return side, guess


def _surname_used(name: str, whole: str) -> str:
    """The word of an introduced name the article also uses alone, not followed by another name ("Nomura
    Tetsuro" ... "Nomura said"), else the family name of a Korean name ("Lee Jae-kwon"), of a Chinese one
    ("Zhou Lin") or of a Japanese one written family name first ("Sato Kazuo"), else the last word."""
    words = name.replace("-", " ").split()
    rest = whole.replace(name, "")
    alone = [w for w in words if re.search(rf"\b{re.escape(w)}\b(?!\s+[A-Z])", rest)]
    if len(alone) == 1:
        return alone[0]
    return (name.split()[0] if _KOREAN_GIVEN.search(name) or common_family_name_first(name) or chinese_name(name)
            else words[-1])


def _home_or_place(home_side, place_side) -> str:
    """The outlet's side if it is one of the two in the dispute, else the place's (``place_side``: "other" for a
    third country's outlet or dateline), else the outlet's."""
    place = place_side()
    if place == "other":
        return place
    home = home_side()
    return home if home in DISPUTANTS else place or home


def _just_before(sentence: str, at: int) -> str:
    """The few words before a name, outside quote marks ("I'm joined from Tokyo by"): where a place says where
    the person is, not what somebody said ('"... from Moscow," said Hiroaki Tokunaga')."""
    before = _QUOTED.sub(" ", sentence[:at])
    return before[introducing_clause_start(before, len(before)):][-40:]


def _nationality(role: str) -> str:
    """The side of the nationality before what a person is ("a Russian political analyst"), or ""."""
    found = NATIONALITY_ROLE.search(role)
    return NATIONALITY_SIDES[found.group(1)] if found else ""


# A country's own institution in a role says whom the person serves, whatever the role's other side words name
# ("headed the Russia division at the Japanese Embassy in Moscow").
_SERVES = re.compile(r"\b(Japanese|Russian|Soviet|American|U\.S\.|Japan['’]s|Russia['’]s)\s+(?:[A-Z][\w-]*\s+){0,2}"
                     r"(?:[Ee]mbassy|[Mm]inistry|[Gg]overnment|[Cc]onsulate|[Dd]elegation)\b")
_POSTED_TO = re.compile(r"\b((?:[Aa]mbassador|[Ee]nvoy|[Ee]mbassy|[Cc]onsul(?:ate)?(?: [Gg]eneral)?))"
                        r" (?:to|in) (?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*)*")
_NAME_AT = re.compile(r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2}")
_QUOTED = re.compile(r'["“][^"“”]*["”]')
_SPEECH_VERB = re.compile(r"\b(?:said|says|told|tells|added|noted|stressed|argued|warned|insisted|wrote|stated|"
                          r"declared|believes|thinks)\b")


def _side_of_role(role: str, text: str, at: int, actors: ActorIndex, by_name: bool = False) -> str:
    """The side of a person's role: a country's institution it serves ("at the Japanese Embassy"), a side word
    in it, an actor it names, then (``by_name``: for an office's
    holder) the side the person's name points to (``vocab.name_side``), then the nearest side word in the
    sentence ``text`` (the name starts at ``at``)."""
    from .vocab import PARTIES, SIDE_WORD_REGEXES, THIRD_COUNTRY, first_side_word, side_named

    # "ambassador to Japan", "envoy in Tokyo": where the office is, not whose it is
    role = _POSTED_TO.sub(r"\1", role)
    serves = _SERVES.search(role)
    if serves:
        return NATIONALITY_SIDES.get(serves.group(1)) or side_named(serves.group(1))
    third = THIRD_COUNTRY.search(role)
    first = first_side_word(role)
    if third and (first is None or third.start() < first[0]):
        return "other"          # "Australia's ambassador in Tokyo": a third country's office
    side = first[1] if first else ""
    if not side:
        # (an actor the role names by name: "of the Liberal Democratic Party"; not an office another holds,
        # "Deputy Minister for Foreign Affairs")
        named = [m.actor.side for m in actors.find(role) if m.actor.side in PARTIES and m.kind == "name"]
        side = named[0] if named else ""
    if not side:
        name = _NAME_AT.match(text, at) if by_name else None
        side = name_side(name.group(0)) if name else ""
    if not side:
        # Not a side word in quoted words: '"... handed over to Japan," said Senator Klishas, who ...', nor in
        # what the person says after the verb ("Igor Malinin, a member of ..., told Izvestia that Japan ...").
        text = _QUOTED.sub(lambda quoted: " " * len(quoted.group()), text)
        verb = _SPEECH_VERB.search(text, at)
        text = text[:verb.start()] if verb else text
        near = [(abs(m.start() - at), s) for s, words in SIDE_WORD_REGEXES for m in words.finditer(text)]
        side = min(near)[1] if near else ""
    return side if side in PARTIES else ""


class _WithExtra:
    """The occurrences of a finder's strings and of a few more (an article's people) in one list."""

    def __init__(self, base, extra: FixedStrings):
        self.base, self.extra = base, extra

    def occurrences(self, text: str):
        return [*self.base.occurrences(text), *self.extra.occurrences(text)]


def with_people(index: ActorIndex, people: dict[str, tuple[Actor, list]]) -> ActorIndex:
    """``index`` that also finds an article's people by their full name and surname (case-sensitive)."""
    surfaces: dict[str, list] = {}
    for actor, forms in people.values():
        for form in forms:
            surfaces.setdefault(form.casefold(), []).append((True, form, actor, "name"))
    actors = {**index.actors, **{actor.canonical: actor for actor, _ in people.values()}}
    return ActorIndex(actors, index.ministries, {**index.surfaces, **surfaces},
                      _WithExtra(index.strings, FixedStrings(surfaces)))
