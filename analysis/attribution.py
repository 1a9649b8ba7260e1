"""Who speaks, and whose position: speaker, voice, mode and holder for every statement.

Diplomatic reporting is mostly indirect ("Lavrov said that ..."), so reported speech matters as much as
quotes. No parser is available offline that extracts quotes on a blank pipeline, so this module is a small,
readable rule layer over the sentence and its article context.

The rules, in the order they apply (each one is a test in ``tests/test_attribution.py``):

1. Quotes. Straight and curly double quotes mark quoted words. A quote may run over several sentences and
   paragraphs (each paragraph opening with a quote mark, only the last one closing); the sentences of such a
   *quote run* share one speaker, found in whichever sentence of the run carries the attribution. A closing
   quote with no opening one means the sentence started inside a quote.
2. Attribution, outside the quoted words:
   - a trailing clause ``"...," Ivanov said.`` / ``..., the Kremlin said on Sunday.`` / ``said Lavrov``;
   - ``According to X, ...`` / ``in X's words``;
   - a leading ``X said (that) ...`` / ``Lavrov said: "..."`` / ``X told reporters``;
   - a dash ``... — envoy`` and ``..., says Russian diplomat`` in headlines.
   X is an actor from ``data/actors.csv`` by name variant or role description ("Russia's top diplomat",
   "the Russian presidential envoy"); ``he``/``she`` is the last person who spoke (or was named) in the
   article; "the paper", "the ministry", "the envoy" are the last actor of that kind. A role next to a name
   ("Kremlin spokesman Dmitry Peskov") is the named person, and so is a name after "Mr." ("according to
   Mr. Lavrov"). A person's second verb has his subject ("Putin spoke warmly of the projects but said ...",
   "... flew to Iturup and told local officials that ..."); a country's second act stays narration.
3. A quote sentence without attribution continues the last speaker ("Lavrov continued" style), when the
   quote fills most of the sentence; a short scare quote in narration stays narration.
4. Mode: ``direct_quote`` when the statement quotes words of its speaker (or gives them after a colon:
   ``Lavrov: No talks on territory``), ``reported`` when it paraphrases an
   attributed speaker, ``narration`` otherwise (then speaker is empty and voice_side is ``outlet``).
5. Position predicates ("maintains", "insists", "demanded", "laid claims", "wanted to", "hopes", "plans
   to", "rejected") name whose position a clause states. Their subject's side is ``position_side``:
   "Tokyo, however, maintains that ..." is narration with position_side japan; Lavrov quoting Abe who "plans
   to solve the peace treaty issue on Japan's terms" is voice russia, position_side japan.
6. The holder (whose position the statement expresses) is settled once stances are known, from these
   columns and what the codebook says a stance implies: ``analysis.holder``.

Each sentence is worked in two halves. What it holds on its own (quoted words, actor mentions, the subjects the
rules find: a named actor, "he", "the ministry") is ``sentence_facts``; who "he" or "the ministry" is, and
whose words a quote run carries, is resolved from the article's context (``attribute_article``).

``reference_attribution`` applies the rules in plain Python, for readers and tests: every sentence is worked
afresh and every phrase and name is searched for in turn (``FixedStrings``). ``attribute`` applies the same
rules through the machinery in ``analysis/_fast``, which lets it handle a corpus of a million statements:
one automaton finds all the verbs or all the names of a sentence at once (``_fast/phrases.py``); what a
sentence holds on its own is kept per distinct sentence in a ``SentenceFactsCache`` the caller owns, and a
scan of the whole table spares the verb and citation rules the sentences without any verb or without the
words a citation needs (``_fast/attribution_memo.py``).
``tests/test_attribution_fast.py`` checks with hypothesis that both give the same rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from typing import Callable, NamedTuple

import pandas as pd

from ._fast.attribution_memo import ChunkFacts, SentenceFactsCache
from ._fast.phrases import StringAutomaton
from .actors import (Actor, ActorIndex, ActorsError, FixedStrings, Mention, introduced_people,  # noqa: F401
                     load_actors, with_people)
from .turns import document_voices
from .vocab import (ATTRIBUTION_COLUMNS, DISPUTANTS, HOME_SIDE, NATIONALITY_SIDES, PARTIES, PERSON_TYPES,
                    SIDE_ADJECTIVES, SIDE_WORD_REGEXES, SPEAKER_TYPES, dateline_side, place_named, side_named,
                    starting_letters)


# Participles that report only after a comma, whose subject opens the sentence ("Nezavisimaya Gazeta was more
# cautious, arguing that ..."); elsewhere they are nouns or adjectives ("a warning that").
_PARTICIPLE_VERBS = ("arguing|warning|describing|stressing|insisting|noting|urging|accusing|suggesting|claiming|questioning|"
                     "calling|echoing|writing")
SPEECH_VERBS = (
    "said|says|say|told|tells|tell|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
    "pointed out|points out|stated|states|declared|declares|announced|announces|explained|explains|"
    "continued|continues|concluded|concludes|argued|argues|warned|warns|underlined|underscored|remarked|"
    "wrote|writes|asserted|asserts|acknowledged|admitted|complained|urged|urges|suggested|suggests|"
    "replied|responded|commented|confirmed|confirms|reiterated|reiterates|repeated|repeats|recalled|observed|reported|"
    "reports|quoted|cited|affirmed|reaffirmed|reaffirms|criticized|criticised|called|calls|described|describes|protested|"
    "lodged a protest|lodged protests|lodged a strong protest|objected|objects|expressed|voiced|assured|reminded|clarified|indicated|mentioned|specified|elaborated|"
    "believes|believed|thinks|feels|rules? out|ruled out|demanded|demands|insisted|insists|claimed|"
    "rejected|rejects|proposed|proposes|accused|accuses|vowed|vows|pledged|pledges|maintained|maintains|dismissed|dismisses|saying|"
    "urged|warns|denied|denies|promised|promises|protests|condemned|condemns|cautioned|cautions|denounced|"
    "denounces|slammed|brushed off|declined to comment|declined to say|declined to elaborate|refused to comment|"
    "conceded|countered|"
    "lamented|hailed|spoke of|spoken of|spoke about|raised concerns?|raised the issue|raised the question|made it clear|"
    "asked what|asked whether|asked why|asked how|asked if|echoed|echoes|slams|slam|"
    "declined to answer|refused to answer|refusing to answer|declined to go into details?|put it|puts it|hinted|hints|"
    "declined to speculate|refused to speculate|refused to elaborate|refused to say|"
    "declined to confirm|refused to confirm|"
    "let it be known|"
    # what a group does ("Residents say", "Diplomats stress that", "Few analysts think so")
    "stress|argue|warn|note|insist|believe|think|explain|point out|claim|complain|acknowledge|admit|contend|"
    "object|suggest|concede|concedes|grumble|grumbles|grumbled|"
    "contends|contended|predict|predicts|predicted|"
    "referred to|pointed to|took aim at|takes aim at|mocked|mocks|ridiculed|played down|"
    "plays down|telling|signaled|signalled|signals|made clear|makes clear|lodges a protest|lodges protest|"
    "lodged protest|drew attention to|draws attention to|drawing attention to|questioned|announcing|"
    "renews call|renews calls|renewed call|renewed calls|renews claim|renewed claim|renews demand|renewed demand|"
    + _PARTICIPLE_VERBS
)
_PARTICIPLES = frozenset(_PARTICIPLE_VERBS.split("|"))
# Only these may follow their subject ("..., said Lavrov"); "urges Japan" or "told reporters" may not.
_INVERTIBLE = re.compile(r"^(?:said|says|added|adds|noted|notes|stressed|continued|concluded|explained|wrote|"
                         r"emphasi[sz]ed|pointed out|remarked|insisted|declared|announced|argued|asked|replied)$",
                         re.IGNORECASE)
# Said of a capital or country these describe a policy, not words: "Japan rejected ..." stays narration.
_POLICY_VERBS = re.compile(r"^(?:demand|insist|reject|propos|vow|pledg|maintain|rule|ruled|believ|think|feel|call|claim|"
                           r"suggest|dismiss|urge|promis|condemn|den)",
                           re.IGNORECASE)
# Verbs that state a side's position. The speech-like ones (demanded, insisted, rejected ...) are also in
# SPEECH_VERBS: with a person or institution as subject they make reported speech ("the Russian side demanded
# that ..."); the mental-state ones (wants, hopes, expects) stay narration ("Tokyo hopes that ...").
POSITION_VERBS = (
    "maintains|maintained|insists|insisted|demands|demanded|claims|claimed|laid claims?|lays claims?|"
    "want|plan|intend|seek|hope|reject|refuse|propose|demand|insist|decided to|decides to|"
    "attempted to claim|has attempted to claim|wants|wanted|plans|planned|intends|intended|seeks|sought|"
    "hopes|hoped|rejects|rejected|refuses|refused|proposes|proposed|aims|aimed|calls for|called for|"
    "is determined|was determined|views?|viewed|regards|regarded|considers|considered|opposes|opposed|"
    "is seeking|has sought|vows|vowed|pledged|pledges|is sticking to|sticks to|expects|expected|"
    "is concerned|was concerned|are concerned|were concerned|is worried|was worried|fears|feared|"
    "suggested|suggests|offered|offers|reads|interprets|sees|saw"
)
# A mention right after one of these is an object, not a subject: "directed against Moscow and opposes".
_OBJECT_MARKERS = (
    "against|with|to|by|from|on|of|for|at|over|about|towards?|into|between|among|in which|which|"
    "(?:conference|meeting|summit|talks|session|briefing|forum|rally|ceremony|visit|trip) in|"
    "whereby|where|whom|than|like|met|meet|meets|visit|visited|urged|asked|told|accompanied|accompanying|"
    "joined|succeeded|replaced|thanked|praised|invited")
_NOT_SUBJECT_BEFORE = re.compile(rf"{starting_letters(_OBJECT_MARKERS.split('|'))}"
                                 rf"(?:\b(?:{_OBJECT_MARKERS})\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){{0,3}})$")
# A group placed by where it is: "Critics in Japan", "Political commentators in Moscow", "A Japanese official in
# Tokyo" (``_placed_group``).
_GROUP_NOUNS = (r"officials?|diplomats?|sources?|experts?|analysts?|observers|critics|commentators|optimists|"
                r"pessimists|skeptics|sceptics|lawmakers?|legislators|politicians|residents|organi[sz]ers|participants|"
                r"protesters|activists|scholars?|researchers?|academics?|economists?|executives?|businessmen|"
                r"fishermen|veterans|nationalists|conservatives|liberals|hardliners|hawks")
_PLACED_GROUP = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=\bthat\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bwhile\s))"
    r"(?:(?:an?|the|one|some|several|many|other|another|two|three|most)\s+)?"
    rf"(?P<phrase>(?:[\w.-]+\s+){{0,3}}?(?:{_GROUP_NOUNS}))\s+(?:in|from)\s+(?:the\s+)?$", re.IGNORECASE)
# (It opens the sentence, a clause, or the words after a quotation, which the rules see blanked.)
_MEMBER_OF = re.compile(r"(?:^|(?<=[,;:]\s)|(?<=\s{3}))(?:(?:an?|the|one|some|several|two)\s+)?"
                        r"(?:(?:senior|high-ranking|top|unnamed)\s+)?"
                        r"(?P<noun>officials?|sources?|diplomats?|representatives?|employees?|staff members?)\s+"
                        r"(?:of|at|in|from|with)\s+(?:the\s+)?$", re.IGNORECASE)
_IN_PLACE = re.compile(r"\s+(?:in|from)\s+(?:the\s+)?")
_MEMBER_ENDS = ("of ", "at ", "in ", "from ", "with ", "the ")     # what _MEMBER_OF's match ends with
_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s+[^,]{1,100}")
_ROLE_OF_PERSON = re.compile(r",\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}")
_RANK_WORDS = {"senior", "veteran", "top", "high-ranking", "unnamed", "anonymous", "some", "several", "many"}
# The words of a placed group's name that give its side: nationalities (``vocab.NATIONALITY_SIDES``), and the
# ruling party's initials.
_NATIONALITY_WORDS = {**{word: NATIONALITY_SIDES[word] for word in ("Japanese", "Russian", "Soviet", "American",
                                                                    "U.S.", "Chinese", "Ukrainian")},
                      "US": "us", "LDP": "japan"}
# ... unless the words before name an office the person holds: "Secretary of the Russian Security Council
# Nikolai Patrushev said", "U.S. Ambassador to Japan Rahm Emanuel said", "Minister for Foreign Affairs ...".
_OFFICE_OF = re.compile(r"\b(?i:secretary|minister|chairman|chairwoman|chair|head|governor|ambassador|director|deputy|"
                        r"speaker|president|spokesman|spokeswoman|spokesperson|chief|member|commander|envoy|"
                        r"representative)\s+(?:of|for|to)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,3}"
                        # a body's name may join its words: "State Duma Committee on International Affairs"
                        r"(?:(?:on|for|of|and)\s+(?:[A-Z][\w.'-]*\s+){1,3})?$")


def _not_subject(text: str, start: int, actor_type: str = "") -> bool:
    """Whether the words before ``text[start:]`` (60 characters) make the name there an object, not a subject
    (``_NOT_SUBJECT_BEFORE``); a person's office before their name does not ("Secretary of the Russian Security
    Council Nikolai Patrushev said", "Chairman of the State Duma Committee on International Affairs Leonid
    Slutsky told"), looked for in the 100 characters before the name."""
    return bool(_NOT_SUBJECT_BEFORE.search(text[max(0, start - 60):start])) and not (
        actor_type in PERSON_TYPES and _OFFICE_OF.search(text[max(0, start - 100):start]))


# "the proposed agreement", "Tokyo's plans": the word is a noun or participle, not a predicate.
# Searched from 8 characters before the trailing spaces: a match is a word of at most five letters, the
# boundary before it, and those spaces.
_NOT_PREDICATE_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|these|those|this|that)|'s|’s)\s+$",
                                   re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording(?: to)?\s+"
                        r"|\bin\s+(?=(?:[^,]{1,60}?['’]s?|his|her)\s+(?:w(?:or)?(?:l)?ds?|opinion|view)\b)"
                        r"|\bas\s+(?=[^,]{1,40}?\s+put it\b)|\bciting\s+", re.IGNORECASE)


def _may_cite(lowered: str) -> bool:
    """Whether a lower-cased sentence holds a substring that every match of _ACCORDING contains ("in Lavrov's
    words": word, wd, wld, world); most sentences hold none, and eight substring tests cost less than a pattern."""
    return ("accord" in lowered or "citing" in lowered or "put it" in lowered or "word" in lowered
            or "world" in lowered or "wd" in lowered or "wld" in lowered or "opinion" in lowered or " view" in lowered)


class Citations:
    """Where a sentence may cite someone ("according to X", "in X's words", "as X put it", "citing X"): the
    cheap look (``_may_cite``) before ``_ACCORDING``'s search, asked of the words outside quotes."""

    def may_cite(self, outside: str) -> bool:
        return _may_cite(outside.lower())


CITATIONS = Citations()


# "According to him, ...", "In her words, ...", "In his opinion, ...": the person last named or speaking.
_ACCORDING_PRONOUN = re.compile(r"(?:him|her|(?:his|her)\s+(?:words|opinion|view))\b", re.IGNORECASE)
_HEADLINE_CIRCUMSTANCE = re.compile(r"\s+(?:after|before|amid|over|following|despite|as|ahead of|in|on|at)\s+")
_HEADLINE_TAG = re.compile(r"(?:,\s*says?\s+|\s+[-–—]\s+)(?P<who>[^,\-–—]{2,60})$", re.IGNORECASE)
_ANAPHOR = re.compile(   # (the lookahead for the first letters lets ``re`` skip to where a match may start)
    r"(?=[TtAaOo])\b(?:[Tt]he|[Aa]nother|[Oo]ne)\s+(?:[a-z]+['’]s\s+)?"
    r"(?:(?:Russian|Japanese|U\.?S\.?|American|Chinese|former|senior|deputy|top|foreign|presidential|chief|cabinet|"
    r"[A-Z][a-z]+)\s+){0,3}"
    r"((?i:paper|newspaper|daily|agency|broadcaster|ministry|minister|envoy|diplomat|spokesman|spokeswoman|"
    r"spokesperson|officials?|sources?|president|premier|prime minister|governor|ambassador|statement|report|"
    r"senator|analyst|expert|scholar|professor|lawmaker|parliamentarian|mayor|researcher|chairman|deputy|"
    r"secretary|director|head|commander|adviser|advisor|aide|representative|envoy|orientalist|historian|"
    r"district|embassy|administration|committee|council))\b")
_ANAPHOR_TYPES = {"paper": "newspaper", "newspaper": "newspaper", "daily": "newspaper", "agency": "newspaper",
                  "broadcaster": "newspaper", "report": "newspaper", "ministry": "institution",
                  "statement": None, "district": "body", "embassy": "body", "administration": "body",
                  "committee": "body", "council": "body"}
# Words allowed between a subject and its verb: "Lavrov also said", "the Asahi newspaper said on Sunday".
_BRIDGE = re.compile(
    r"^\s*,?(?:\s*,?\s*(?:also|earlier|later|again|further|then|has|had|have|was|once|repeatedly|previously|since|"
    r"long|already|consistently|always|often|still|"
    r"recently|reportedly|only|himself|herself|itself|news|paper|newspaper|daily|agency|ministry|officials?|"
    r"sources?|spokesman|spokeswoman|spokesperson|on\s+\w+day(?:\s+and\s+\w+day)?|"
    r"in\s+a\s+statement|in\s+the\s+past|quickly|immediately|"
    r"publicly|openly|repeatedly|firmly|clearly|\([^)]{1,40}\)|privately|"
    # who asked them: "Experts interviewed by Izvestia believe", "lawyers contacted by Vedomosti say"
    r"(?:interviewed|polled|surveyed|contacted|questioned)\s+by\s+(?:the\s+)?"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}|"
    # what an institution or person issued: "A Kremlin statement said", "The Kremlin's readout of the meeting
    # said"
    r"(?:['’]s\s+)?(?:official\s+|written\s+)?(?:statement|readout|communiqu[eé]|press\s+release)"
    r"(?:\s+(?:of|on)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?|"
    # what it put out: "the Russian Foreign Ministry posted a short statement announcing that ..."
    r"(?:issued|posted|released|published|put\s+out)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:statement|comment|message|post)|"
    # the party of an unnamed lawmaker: "a Russian lawmaker from the ruling United Russia party said"
    r"(?:from|of)\s+(?:the\s+)?(?:ruling\s+|opposition\s+)?(?:(?!(?:party|faction|of|from)\b)[\w-]+\s+){1,4}"
    r"(?:party|faction)|"
    # what an unnamed speaker is close to: "a Russian diplomat familiar with the matter told"
    r"(?:familiar\s+with|involved\s+in|close\s+to)\s+(?:the\s+)?(?:matter|talks|negotiations|discussions|"
    r"preparations|situation|issue|plans?|thinking|process)(?:\s+(?:for|of|on)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?|"
    # an aside between commas: "Putin, for his part, said", "Putin, after the talks on Jan. 22, said"
    r"for\s+(?:his|her|its|their)\s+part|in\s+turn|however|meanwhile|though|too|in\s+response|"
    r"(?:after|before|at|during|following)\s+[^,;\"“”]{1,60}?,|"
    # a relative clause, an appositive or a participle phrase between commas: "Abe, who met Putin in May,"
    # "Medvedev, the deputy chairman of the Security Council," "Kishida, speaking at the rally,"
    r"who\s+(?:spoke|asked|declined|requested|was|is|has|had|is\s+in\s+charge|accompanied|attended|joined|briefed|"
    r"travel(?:l)?ed|represents|represented|heads|headed|leads|led)[^,.;\"“”]{0,60}?|"
    r"whose\s+[^,.;\"“”]{1,80}?|"
    # a claim coordinated before the verb: "Japan claims four islands, ..., and has long said they are ..."
    r"(?:claims|calls|regards|considers)\s+[^;.\"“”]{1,100}?,?\s+and\b|"
    r"(?:the|a|an|russia's|japan's)\s+(?:[^,.;\"“”]|(?<=\bmr|\bms|\bdr)\.|(?<=\bmrs)\.){1,170}?,|"
    # another's post: "Yuri Ushakov, Mr. Putin's foreign policy adviser, told"
    r"(?:(?:mr|ms|mrs)\.\s+)?[a-z]+['’]s\s+[^,.;\"“”]{1,100}?,|"
    # an appositive without an article, between commas: "Hoshino, deputy head of the cooperative, said",
    # "Tanabe, 84, from Shikotan, said"
    r",\s*(?:(?!(?:had|has|have|was|were|is|are|will|would|could|should|did|does|do|and|but|which|that|"
    r"while|as|if|when)\b)[a-z][a-z-]*\s+[^,.;\"“”]{1,120}?|\d{1,3})(?=,)|"
    r"(?:speaking|writing|addressing|talking|answering|responding|commenting|asked)\b[^,.;\"“”]{0,80}?,"
    r")\s*)*\s*,?\s*$",
    re.IGNORECASE)
# Patterns of the per-sentence rules, compiled once (``re.fullmatch(str, ...)`` looks its pattern up each call).
_PAPER_GAP = re.compile(r"\s*(?:news\s+)?paper\s*")
_ROLE_THEN_NAME = re.compile(r"\s+(?:the|one|an?|another)\s+[a-z]+(?:\s+[a-z]+)?,\s+(?:[A-Z][a-z]+\s+)?")
_TITLE_GAP = re.compile(r"\s+(?:the\s+)?(?:[A-Z][a-z]+\.?\s+){1,4}")      # "said Senator Andrei Klishas"
_THE_GAP = re.compile(r"\s*(?:(?:the|an?)\s+|(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?", re.IGNORECASE)
_LABEL_TAIL_TOPIC = re.compile(r"['’]s\b|.{30}")
_COLON = re.compile(r"^\s*([^:,]{2,60}):(?:\s+\S|\s*$)")    # (quoted words are left out: "Lavrov: " then the quote)
# "he"/"she" closing the words before a verb; both contain "he" or "He", which is checked first.
_PRONOUN_SUBJECT = re.compile(r"\b([Hh]e|[Ss]he)\s*(?:also\s+|has\s+|had\s+|later\s+|then\s+|earlier\s+)?$")
_PRONOUN_BEFORE_VERB = re.compile(r"\b([Hh]e|[Ss]he)\s+(?:\w+\s+){0,2}$")
# "It said ...", "It also said" opening a sentence: the institution or paper that spoke last.
_IT_SUBJECT = re.compile(r"\W*It\s+(?:also\s+|further\s+|later\s+|then\s+|has\s+|had\s+)?"
                         # or an aside after the sentence's first words: "The reason, it said, was ..."
                         r"|\W*(?!(?:When|If|As|After|Before|Because|While|Although|Though|Since|Until|Once|"
                         r"Unless)\b)[A-Z][^,;\"“”]{0,30},\s+it\s+(?:also\s+)?")


# How many words, split at white space, the patterns above may match at the end of the words before a verb: a
# pronoun and an adverb ("he also"), a pronoun and two words ("she then firmly").
_PRONOUN_TOKENS = {_PRONOUN_SUBJECT: 2, _PRONOUN_BEFORE_VERB: 3}


def _pronoun_closing(pattern: re.Pattern, words: str) -> re.Match | None:
    """``pattern.search(words)`` for the patterns above, asked only when "he" or "He" occurs in the last words
    a match can take ("the" before most verbs holds "he" too)."""
    last = words.rsplit(None, _PRONOUN_TOKENS[pattern])[-_PRONOUN_TOKENS[pattern]:]
    return pattern.search(words) if any("he" in word or "He" in word for word in last) else None


_INVERSION_MARKS = (",", '"', "“", "”", "'")
_QUOTE_CHARS = {'"': "toggle", "“": "open", "”": "close", "«": "open", "»": "close", "„": "open"}
_QUOTE_CHAR_RE = re.compile("[" + re.escape("".join(_QUOTE_CHARS)) + "]")


# ------------------------------------------------------------------------------------ finding phrases

def expand_phrases(alternation: str) -> list[str]:
    """The literal phrases of a verb list written with ``[sz]`` classes and ``s?`` optional letters.

    >>> expand_phrases("emphasi[sz]ed|rules? out")
    ['emphasised', 'emphasized', 'rules out', 'rule out']
    """
    phrases = []
    for item in alternation.split("|"):
        variants = [""]
        i = 0
        while i < len(item):
            if item[i] == "[":
                close = item.index("]", i)
                variants = [v + c for v in variants for c in item[i + 1:close]]
                i = close + 1
            elif i + 1 < len(item) and item[i + 1] == "?":
                variants = [v + item[i] for v in variants] + variants
                i += 2
            else:
                variants = [v + item[i] for v in variants]
                i += 1
        phrases.extend(v.strip() for v in variants)
    return phrases


class PhraseMatch(NamedTuple):
    """A phrase found in a sentence: where, and its words as written there."""

    start: int
    end: int
    text: str


class PhraseFinder:
    """Finds the phrases of a verb list in a sentence: case-insensitively, as whole words (no letter on either
    side), leftmost first, the longest where several start at one place, never overlapping.

    Args:
        alternation: the list, as ``SPEECH_VERBS`` writes it (see ``expand_phrases``).
        strings: what finds the occurrences of the phrases in the lower-cased sentence: ``StringAutomaton``
            (one pass, the default) or ``FixedStrings`` (each phrase in turn); both find the same.
    """

    def __init__(self, alternation: str, *, strings=StringAutomaton):
        self.phrases = expand_phrases(alternation)
        self.strings = strings({phrase.lower(): None for phrase in self.phrases})

    def find(self, text: str) -> list[PhraseMatch]:
        """The phrases in ``text``, in reading order.

        >>> [m.text for m in SPEECH.find("Lavrov SAID he had pointed out the problem; sayings aside.")]
        ['SAID', 'pointed out']
        """
        lowered = text.lower()
        if len(lowered) != len(text):    # "İ" lower-cases to two characters: offsets would move
            lowered = text
        size = len(text)
        hits = []
        for last, (length, _) in self.strings.occurrences(lowered):
            start, end = last + 1 - length, last + 1
            if (start == 0 or not text[start - 1].isalpha()) and (end == size or not text[end].isalpha()):
                hits.append((start, -length))
        hits.sort()
        matches, taken_to = [], -1
        for start, minus_length in hits:
            if start >= taken_to:
                taken_to = start - minus_length
                matches.append(PhraseMatch(start, taken_to, text[start:taken_to]))
        return matches


SPEECH = PhraseFinder(SPEECH_VERBS)
POSITION = PhraseFinder(POSITION_VERBS)


class Finders(NamedTuple):
    """What the rules look for in a sentence: actors, speech verbs, position verbs and citations."""

    actors: ActorIndex
    speech: PhraseFinder
    position: PhraseFinder
    citations: Citations = CITATIONS


def reference_finders(actors: ActorIndex) -> Finders:
    """The finders of the plain rules: every phrase and name searched for in turn (``FixedStrings``)."""
    return Finders(actors.with_strings(FixedStrings), PhraseFinder(SPEECH_VERBS, strings=FixedStrings),
                   PhraseFinder(POSITION_VERBS, strings=FixedStrings))


# ---------------------------------------------------------------------------------------------- quotes

def quote_spans(text: str, inside: bool) -> tuple[list[tuple[int, int]], bool, bool]:
    """Spans of quoted words in a sentence.

    Args:
        text: the sentence.
        inside: whether a quote opened in an earlier sentence is still open.
    Returns:
        (spans, started_inside, ends_inside).
    """
    if not inside and not _QUOTE_CHAR_RE.search(text):
        return [], False, False         # most sentences: no quote mark, and no quote open before them
    spans, start = [], 0 if inside else None
    started_inside = inside
    chars = [(m.start(), m.group()) for m in _QUOTE_CHAR_RE.finditer(text)]
    if not inside and chars and _QUOTE_CHARS[chars[0][1]] == "close":
        started_inside, start = True, 0
    for i, ch in chars:
        role = _QUOTE_CHARS[ch]
        if start is None and role in ("open", "toggle"):
            start = i + 1
        elif start is not None and role in ("close", "toggle"):
            if i > start:
                spans.append((start, i))
            start = None
    ends_inside = start is not None
    if ends_inside and start < len(text):
        spans.append((start, len(text)))
    return spans, started_inside, ends_inside


def _closes_first(paragraph_start: str) -> bool:
    """Whether a paragraph closes a quote before it opens one: its first quote mark is a closing one, or it
    holds an odd number of straight quotes and no curly ones."""
    first_quote = _QUOTE_CHAR_RE.search(paragraph_start)
    return (first_quote is not None and _QUOTE_CHARS[first_quote.group()] == "close") or (
        paragraph_start.count('"') % 2 == 1 and not set(paragraph_start) & {"“", "”"})


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with quoted words blanked (same length, so offsets stay valid)."""
    if not spans:
        return text
    pieces, done = [], 0     # text[:done] is in pieces; each span blanks one character either side of it too
    for start, end in sorted(spans):
        low, high = max(0, start - 1, done), min(len(text), end + 1)
        if high > low:
            pieces += (text[done:low], " " * (high - low))
            done = high
    pieces.append(text[done:])
    return "".join(pieces)


def _quoted_words(text: str, spans) -> int:
    return sum(len(text[s:e].split()) for s, e in spans)


@dataclass
class _QuoteRun:
    """The quotes of an article as it is read (rule 1): whether a quote is open, and the rows of the current
    quote run with the speaker found in it."""

    inside: bool = False
    paragraph: object = None                     # para_idx of the statement read last
    rows: list = field(default_factory=list)     # row numbers of the current quote run
    speaker: Actor | None = None

    def enter(self, statement: "Statement") -> str:
        """The text in which to look for the statement's quote marks. A quote left open continues only into a
        paragraph that reopens it ("each paragraph opening with a quote mark"), whose opening mark is then
        not read as a new quote, or that closes it."""
        text = statement.text
        if statement.para_idx == self.paragraph:
            return text
        self.paragraph = statement.para_idx
        opening = text.lstrip()[:1]
        if self.inside and opening not in _QUOTE_CHARS and not _closes_first(text):
            self.inside = False
        if self.inside and opening in _QUOTE_CHARS:
            return text.replace(opening, " ", 1)
        return text

    def carry(self, row_number: int, facts: "SentenceFacts", speaker: Actor | None, rows: list[dict]) -> Actor | None:
        """The sentences of one quote run share the speaker found in any of them: the earlier ones not
        attributed on their own get it when it is found, a later one without a speaker of its own takes it."""
        if facts.started_inside and self.rows:
            self.rows.append(row_number)
        elif facts.spans and facts.ends_inside:
            self.rows, self.speaker = [row_number], None
        in_run = self.rows[-1:] == [row_number]
        if speaker is not None and (facts.started_inside or facts.ends_inside) and in_run:
            self.speaker = speaker
            for earlier in self.rows[:-1]:
                if not rows[earlier]["_attributed"]:
                    _set_speaker(rows[earlier], speaker, "direct_quote")
        if speaker is None and facts.started_inside:
            return self.speaker
        return speaker

    def leave(self, facts: "SentenceFacts"):
        """After a sentence: a run ends with a sentence that neither started nor ends inside a quote."""
        if not facts.started_inside and not facts.ends_inside:
            self.rows = []
        self.inside = facts.ends_inside


# ------------------------------------------------------------------------------------- article context

# What may come before the person who opens a sentence: nothing, or a phrase of place or time ("In Japan, Ueno
# Mariko, a scholar of Russian politics, takes a bleaker view.").
_OPENING = re.compile(r"\s*(?:(?:In|At|On|From|Meanwhile|Elsewhere|Back)\b[^,\"“”]{0,40},\s*)?(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?")

# Who may issue a statement the article tells of, and the words between its name and the statement it owns.
_ISSUER_TYPES = frozenset({"institution", "person", "newspaper"})
_OWNS_STATEMENT = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")


# How many of the actors an article met last an anaphor ("the spokeswoman", "the district") looks back over.
_RECENT_ACTORS = 30


@dataclass
class _ArticleContext:
    """What the article has said so far: for pronouns, anaphors and continued quotes."""

    last_speaker: Actor | None = None
    last_speaker_idx: int = -10
    last_person: Actor | None = None
    last_person_idx: int = -10            # the sentence that named last_person
    last_named_speaker_idx: int = -10     # the last sentence whose own words named its speaker
    opening_person: Actor | None = None   # the last person who opened a sentence (its subject)
    opening_person_idx: int = -10
    last_person_in_clause: bool = False   # last_person was named after the opening person, past a comma or as a
    #                                       possessive
    last_of_type: dict = field(default_factory=dict)
    role_holder: dict = field(default_factory=dict)  # generic role actor -> named person seen with it
    recent: list = field(default_factory=list)
    unnamed_speakers: list = field(default_factory=list)  # the generic speakers of a side who spoke, in order
    first_side: str = ""
    statement_issuer: Actor | None = None   # who issued the statement the article told of last
    current_text: str = ""
    ministries: dict = field(default_factory=dict)
    # The roles of the offices each person held on the article's date ("the governor" is Limarenko in 2021:
    # he held the office "Sakhalin Governor", data/office_holders.csv): ``ActorIndex.office_roles`` of the
    # date, asked only when an anaphor needs it.
    office_roles_of: Callable[[], dict] = dict
    _office_roles: dict | None = None

    def office_roles(self) -> dict:
        if self._office_roles is None:
            self._office_roles = self.office_roles_of()
        return self._office_roles

    def read(self, text: str, facts: "SentenceFacts"):
        """Before a sentence is attributed: the sentence itself, the article's first side, and the persons
        named with a generic role ("Japanese Prime Minister Fumio Kishida")."""
        self.current_text = text
        if not self.first_side:
            self.first_side = facts.first_side
        for role, person in facts.roles:
            self.role_holder[role] = person

    def see(self, mentions: list[Mention], sent_idx: int, outside: str):
        """After a sentence: the actors it names, and the person who opens it ("Irina Zhdanova, an associate
        professor ..., sees more room for compromise."), outside any quote."""
        subject_end = -1    # where the person who opens the sentence ends (not a possessive: "Mr. Kishida's")
        for mention in mentions:
            actor = mention.actor
            self.last_of_type[actor.type] = actor
            if actor.type in PERSON_TYPES:
                self.last_person, self.last_person_idx = actor, sent_idx
                # a person named after the subject, past a comma or as a possessive ("Mr. Kono, who did not
                # appear alongside Mr. Lavrov, offered"; "served throughout Abe's years"), not as its object
                self.last_person_in_clause = subject_end != -1 and (
                    "," in outside[subject_end:mention.start] or outside.startswith(("'s", "’s"), mention.end))
                if _OPENING.fullmatch(outside, 0, mention.start) and outside[mention.start:mention.end].strip():
                    self.opening_person, self.opening_person_idx = actor, sent_idx
                    if not outside.startswith(("'s", "’s"), mention.end):
                        subject_end = mention.end
            if actor in self.recent:
                # (kept once, where last met: a long article names Russia and Japan in every sentence, and
                # "the spokeswoman" thirty sentences on is still the one it introduced at the top)
                self.recent.remove(actor)
            self.recent.append(actor)
        if len(self.recent) > _RECENT_ACTORS:
            del self.recent[:-_RECENT_ACTORS]

    def told_of_statement(self, text: str, mentions: list[Mention], speaker: Actor | None):
        """After a sentence that tells of a statement: its issuer, the actor whose statement it is ("the Russian
        Foreign Ministry's statement"), else the sentence's speaker ("the ministry said in a statement"), else
        the actor named before the word ("The Kremlin also released a statement"), else nobody (the next "the
        statement said" names none)."""
        at = text.lower().find("statement")
        if at == -1:
            return
        issuers = [m.actor for m in mentions if m.end <= at and m.actor.type in _ISSUER_TYPES]
        owners = [m.actor for m in mentions if m.end <= at and m.actor.type in _ISSUER_TYPES
                  and _OWNS_STATEMENT.fullmatch(text, m.end, at)]
        if owners:
            self.statement_issuer = owners[-1]      # "Hayashi dismissed the Russian Foreign Ministry's statement"
        elif speaker is not None and speaker.type in _ISSUER_TYPES:
            self.statement_issuer = speaker
        else:
            self.statement_issuer = issuers[-1] if issuers else None

    def spoke(self, speaker: Actor | None, sent_idx: int, named: bool = True):
        """After a sentence: who spoke in it. ``named``: a rule of the sentence named the speaker, rather than a
        quote taken to go on from the last one (rule 3)."""
        if speaker is not None:
            self.last_speaker, self.last_speaker_idx = speaker, sent_idx
            if named:
                self.last_named_speaker_idx = sent_idx
            if speaker.type in PERSON_TYPES:
                self.last_person = speaker
            elif speaker.type == "generic" and speaker.side != "other" and (
                    not self.unnamed_speakers or self.unnamed_speakers[-1] != speaker):
                self.unnamed_speakers.append(speaker)


def _resolve_anaphor(noun: str, ctx: _ArticleContext) -> Actor | None:
    kind = _ANAPHOR_TYPES.get(noun.lower(), "person")
    if noun.lower() == "statement":
        return ctx.statement_issuer     # "the statement said": whoever issued the statement last told of
    if kind == "newspaper":
        return ctx.last_of_type.get("newspaper")
    if kind == "body":
        # "the district said", "the embassy said": the last institution of that name met in the article
        for actor in reversed(ctx.recent):
            if actor.type == "institution" and noun.lower() in actor.canonical.lower():
                return actor
        return None
    if kind == "institution":
        for actor in reversed(ctx.recent):
            if actor.type == "institution" and "ministry" in actor.canonical.lower():
                return actor
        # "the Foreign Ministry said" with no ministry named before. In a bilateral dispute a ministry names
        # the other side and says "we" of its own: if the sentence names only one of the two sides, the
        # ministry is the other side's. Else the side whose officials spoke last, else the side named first.
        named = {side for side, pattern in SIDE_WORD_REGEXES if side != "us" and pattern.search(ctx.current_text)}
        if len(named) == 1:
            return ctx.ministries.get("russia" if named == {"japan"} else "japan")
        side = ctx.last_speaker.side if ctx.last_speaker is not None else ctx.first_side
        return ctx.ministries.get(side)
    return None if kind is None else _resolve_person_anaphor(noun, ctx)


_ANY_DIPLOMAT = ("diplomat", "official", "representative")
_EXPERT_NOUNS = ("expert", "analyst", "scholar", "researcher", "professor", "academic", "specialist", "political scientist")


def _resolve_person_anaphor(noun: str, ctx: _ArticleContext) -> Actor | None:
    if noun.lower().rstrip("s") in ("official", "source"):
        # "the official said", "another source said": the unnamed speaker of that kind met last.
        stem = noun.lower().rstrip("s")
        for actor in [ctx.last_speaker, *reversed(ctx.recent)]:
            if actor is not None and actor.type == "generic" and stem in actor.canonical.lower():
                return actor
    last = ctx.last_speaker
    if (noun.lower() in _ANY_DIPLOMAT and last is not None and last.type == "generic"
            and _SERVES_A_GOVERNMENT.search(last.canonical) and ctx.last_person_idx <= ctx.last_speaker_idx):
        # "According to the diplomat" after "a source in the Russian Foreign Ministry told Izvestia", with no
        # person named since
        return last
    # "the expert" is the analyst or researcher the article introduced: the press varies the word.
    if noun.lower() in _EXPERT_NOUNS:
        expert = _introduced_expert(ctx)
        if expert is not None:
            return expert
    nouns = (noun.lower(),)
    for actor in reversed(ctx.recent):
        if actor.type in PERSON_TYPES and any(word in role for role in actor.roles for word in nouns):
            return actor
    if noun.lower() not in _ANY_DIPLOMAT:
        # "the governor": the person who held an office of that name on the article's date ("the diplomat"
        # singles out nobody: the press calls any of them so, not only "Japan's top diplomat")
        for actor in reversed(ctx.recent):
            if actor.type in PERSON_TYPES and any(word in role for role in ctx.office_roles().get(actor.canonical, ())
                                                  for word in nouns):
                return actor
    if ctx.last_speaker is not None and ctx.last_speaker.type in PERSON_TYPES:
        return ctx.last_speaker
    return ctx.last_person


# The words of an expert's role the press varies when it refers back ("a leading research fellow at ..." is "the
# analyst" later).
_EXPERT_ROLE_WORDS = (*_EXPERT_NOUNS, "fellow", "research", "orientalist", "japanologist", "sinologist")


def _introduced_expert(ctx: _ArticleContext) -> Actor | None:
    """The person the article last met whose role is an expert's, or None."""
    for actor in reversed(ctx.recent):
        if actor.type in PERSON_TYPES and any(word in role for role in actor.roles for word in _EXPERT_ROLE_WORDS):
            return actor
    return None


def _resolve_pronoun(ctx: _ArticleContext, sent_idx: int, person_before: Actor | None) -> Actor | None:
    """"he"/"she": the last person named before it in the sentence; else the person (named or not) who spoke in
    the last four sentences; else the last person named or speaking in the article."""
    if person_before is not None:
        return person_before
    if ctx.last_person is not None and ctx.last_person_idx > ctx.last_speaker_idx:
        if ctx.last_person_in_clause and ctx.opening_person_idx == ctx.last_person_idx:
            # the subject of that sentence, not a person named past a comma or as a possessive: 'Mr. Kono, who did
            # not appear alongside Mr. Lavrov, offered only brief remarks ... "We had a frank exchange ...," he
            # said.' (but 'Mr. Abe met Mr. Putin ... "...," he told state television' is Putin's)
            return ctx.opening_person
        return ctx.last_person       # 'Peskov struck a similar note. Dialogue ... continues, he noted.'
    if ctx.opening_person is not None and ctx.opening_person_idx > ctx.last_named_speaker_idx:
        # the subject of a sentence after the last speaker's own, even when a quote since was taken to go on
        # from that speaker: 'Irina Zhdanova, an associate professor ..., sees more room for compromise. "The
        # 1956 Declaration is ... . Handing them over ...," she said.'
        return ctx.opening_person
    if (ctx.last_speaker is not None and ctx.last_speaker.type in (*PERSON_TYPES, "generic")
            and sent_idx - ctx.last_speaker_idx <= 4):
        return ctx.last_speaker      # also an unnamed one: 'A source ... said ... "...," he added.'
    return ctx.last_person or (ctx.last_speaker if ctx.last_speaker and ctx.last_speaker.type in PERSON_TYPES else None)


def _last_person(mentions, end: int) -> Actor | None:
    """The last person among the mentions (in reading order) that end by ``end``."""
    person = None
    for mention in mentions:
        if mention.end <= end and mention.actor.type in PERSON_TYPES:
            person = mention.actor
    return person


def _generic_to_person(actor: Actor, ctx: _ArticleContext) -> Actor:
    """A generic role ("the Japanese prime minister") is the person seen with that role in the article; an
    unnamed official or source of no side named with the last words of one the article met ("the diplomatic
    source said" after "a Russian diplomatic source told Kommersant") is that one; analysts and residents are
    any ("Analysts said" after "Japanese analysts" is coded "analysts")."""
    if actor.type == "generic" and actor.side == "other" and _SERVES_A_GOVERNMENT.search(actor.canonical):
        words = " " + actor.canonical.lower()
        for earlier in [*reversed(ctx.unnamed_speakers), *reversed(ctx.recent)]:
            if earlier.type == "generic" and earlier.side != "other" and earlier.canonical.lower().endswith(words):
                return earlier
    return ctx.role_holder.get(actor.canonical, actor)


# A subject as the rules that need no article context find it, and how the context makes it an actor:
#   ("actor", Actor)          a mention; a generic role stands for the person seen with it in the article;
#   ("pronoun", Actor | None) "he"/"she", with the last person named before it in the sentence, if any;
#   ("anaphor", noun)         "the ministry", "the envoy": the last actor of that kind;
#   ("it", None)              "It said" opening a sentence: the institution or paper that spoke just before.
#   ("expert", Actor)         "the analyst said": the expert the article introduced, else the generic analysts.
def _resolve(subject: tuple, ctx: _ArticleContext, sent_idx: int) -> Actor | None:
    kind, value = subject
    if kind == "actor":
        return _generic_to_person(value, ctx)
    if kind == "pronoun":
        return _resolve_pronoun(ctx, sent_idx, value)
    if kind == "expert":
        return _introduced_expert(ctx) or value
    if kind == "it":
        # "It said ..." after a ministry's, a military district's or a paper's words in the next sentences, or
        # right after a government's ("Moscow also said ..."; two sentences on, "It" is more often the document
        # the outlet has turned to: "In 1956 the two countries restored relations with a joint declaration. It
        # said ...").
        last, gap = ctx.last_speaker, sent_idx - ctx.last_speaker_idx
        if last is not None and last.type in ("capital", "country"):
            return last if gap == 1 else None
        return last if (last is not None and last.type in ("institution", "newspaper") and gap <= 3) else None
    return _resolve_anaphor(value, ctx)


# ------------------------------------------------------------------------------- subjects of speech verbs

def _placed_group(before: str, place: Actor) -> Actor | None:
    """The group or unnamed person a sentence places right before a capital or country ("Critics in Japan
    say", "Political commentators in Moscow said", "A Japanese official in Tokyo says"), or None: the coding
    guide's generic speaker, named as written (without article or rank) and of the side of its nationality,
    else of the place."""
    found = _PLACED_GROUP.search(before)
    if found is None:
        return None
    words = [w for w in found.group("phrase").split() if w.lower() not in _RANK_WORDS]
    name = " ".join(w if w in _NATIONALITY_WORDS else w.lower() for w in words)
    nationality = [_NATIONALITY_WORDS[w] for w in words if w in _NATIONALITY_WORDS]
    return Actor(name, nationality[0] if nationality else place.side, "generic")


def _of_side(generic: Actor, side: str, known: dict | None = None) -> Actor:
    """A generic speaker of no side of its own, given ``side``: named with the side's adjective ("government
    sources" of Japan are "Japanese government sources", the actor of that name in ``known`` when there is
    one); of a side without an adjective it keeps its name."""
    if side not in SIDE_ADJECTIVES or generic.roles == AS_WRITTEN:
        return Actor(generic.canonical, side, generic.type, generic.roles)
    canonical = f"{SIDE_ADJECTIVES[side]} {generic.canonical}"
    return (known or {}).get(canonical) or Actor(canonical, side, generic.type, generic.roles)


def _placed(generic: Actor, side: str) -> Actor:
    """A generic speaker of the outlet's side or of no side placed in a capital or country: of that place's
    side ("Government sources in Tokyo" are Japanese government sources, "commentators in Moscow" Russian
    analysts)."""
    return _of_side(generic, side) if generic.side in (HOME_SIDE, "other") else generic


# A relative clause after a subject, up to its verb ("Putin, who shared the stage with ..., said").
# (an appositive may come first: "Grigory Karasin, chairman of the Federation Council Committee on International
# Affairs, who represents the Sakhalin Region ..., called"); "who" follows a person, "which" a body.
# The clause holds no second clause of its own ("Kishida, who faces a vote, has not commented, but Peskov ...
# said"), and its subject opens the sentence or a clause ("After meeting Abe, who ..., Putin said" is Putin's).
_RELATIVE_CLAUSE = re.compile(r"(?:,\s+[a-z][^,;\"“”]{0,120})?,\s+(?P<pronoun>who|which)\s+"
                              r"(?:(?!,\s+(?:but|and|while|whereas|although|though)\b)[^;\"“”]){1,180}?,\s*"
                              r"(?:also\s+|later\s+|then\s+)?")
_CLAUSE_SUBJECT_START = re.compile(r"(?:^|[,;:\"”]\s*|\b(?:and|but|while)\s+)(?:[A-Z][\w.'’-]*\s+){0,6}$")
_CLAUSE_SUBJECTS = frozenset({*PERSON_TYPES, "institution", "newspaper"})
# "... have stalled, with Russian Foreign Minister Sergei Lavrov repeatedly saying that ...": "with" before a
# title and a name.
_WITH_SUBJECT = re.compile(r"(?:^|,\s+)[Ww]ith\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,5}$")


def _subject_before(text: str, verb_start: int, mentions) -> tuple | None:
    """The subject of a verb starting at ``verb_start``: the nearest mention to its left separated from it
    only by bridge words (or by a relative clause), else a pronoun or anaphor just before it."""
    earlier = [m for m in mentions if m.end <= verb_start]
    return (_subject_across_clause(text, verb_start, earlier) or _mentioned_subject(text, verb_start, earlier)
            or _unnamed_subject(text, verb_start, mentions, earlier))


def _subject_across_clause(text: str, verb_start: int, earlier) -> tuple | None:
    """A subject with a relative clause between it and its verb, which may name others: "Kishida, who held
    separate talks with his Russian counterpart, Sergey V. Lavrov, said"."""
    for mention in earlier:
        clause = (_RELATIVE_CLAUSE.fullmatch(text, mention.end, verb_start)
                  if mention.actor.type in _CLAUSE_SUBJECTS and verb_start - mention.end <= 320 else None)
        if clause and (clause.group("pronoun") == "who") == (mention.actor.type in PERSON_TYPES) \
                and _CLAUSE_SUBJECT_START.search(text, 0, mention.start) \
                and not _not_subject(text, mention.start, mention.actor.type):
            return ("actor", mention.actor)
    return None


def _mentioned_subject(text: str, verb_start: int, earlier) -> tuple | None:
    """The nearest of the three mentions before the verb whose gap to it is only bridge words; mentions inside
    an appositive ("Medvedev, the deputy chairman of Russia's Security Council, wrote") are stepped over."""
    for mention in earlier[:-4:-1]:     # the three nearest, nearest first
        gap = text[mention.end:verb_start]
        if len(gap) > 180:      # (an appositive may name a research centre and its institute and academy)
            break
        if (mention.actor.type == "institution"
                and text[max(0, mention.start - 6):mention.start].endswith(_MEMBER_ENDS)):
            member = _MEMBER_OF.search(text, max(0, mention.start - 80), mention.start)
            if member is not None and (_BRIDGE.match(gap) or _PAPER_GAP.fullmatch(gap)):
                # "A senior official of the Japanese Foreign Ministry, speaking on condition of anonymity, told";
                # "a source in the Russian delegation" is a "Russian delegation source", named as written when
                # its nationality is.
                noun = member.group("noun").lower()
                written = text[mention.start:mention.end]
                body = written if written.split(" ", 1)[0] in NATIONALITY_SIDES else mention.actor.canonical
                return ("actor", Actor(f"{body} {noun}", mention.actor.side, "generic"))
        if _not_subject(text, mention.start, mention.actor.type) and not (
                mention.actor.type in _CLAUSE_SUBJECTS and _WITH_SUBJECT.search(text, 0, mention.start)
                and text.startswith("saying", verb_start) and "," not in gap):
            continue        # (a participle's subject after "with" is its subject: "with Lavrov saying ...")
        if _BRIDGE.match(gap) or _PAPER_GAP.fullmatch(gap):
            return _who_the_mention_is(text, _first_of_joined(text, mention, earlier), earlier)
    return None


# Between two persons who are one subject: "Putin and Japanese Prime Minister Shinzo Abe said".
_JOINED_PERSONS = re.compile(r"\s+and\s+(?:[A-Z][\w'’.-]*\s+){0,5}")


def _first_of_joined(text: str, mention, earlier):
    """The first of two persons joined as the subject ("Russian President Vladimir Putin and Japanese Prime
    Minister Shinzo Abe said"): the press names first whom the sentence reports first, and the coders code
    one speaker, the first."""
    if mention.actor.type not in PERSON_TYPES:
        return mention
    before = [m for m in earlier if m.end <= mention.start]
    first = before[-1] if before else None
    if (first is not None and first.actor.type in PERSON_TYPES and first.actor is not mention.actor
            and _JOINED_PERSONS.fullmatch(text, first.end, mention.start)
            and _OPENS_SUBJECT.search(text, 0, first.start)):
        return first
    return mention


# What may stand before the first of two joined subjects: nothing, a dateline or an opening phrase, and title
# words ("MOSCOW (Reuters) - Russian President Vladimir Putin and ...", "In November last year, Putin and ...");
# not a verb or preposition whose object the person is ("Putin met with Abe and Peskov said").
_OPENS_SUBJECT = re.compile(r"(?:^|[^\w\s]|[^\w\s]\s)\s*(?:[A-Z][\w'’.-]*\s+)*$")


def _who_the_mention_is(text: str, mention, earlier) -> tuple:
    """The speaker a mention right before a verb stands for: a group that names what a person is ("Alexei
    Grigoryev, an analyst at the Carnegie Moscow Center, said") is the person, and "the analyst" the expert the
    article introduced; a place may close a person's appositive ("..., a Japan specialist at the Higher School of
    Economics in Moscow, said") or place a group ("Government sources in Tokyo said"); else the mention."""
    if mention.actor.type == "generic":
        for person in earlier:
            if person.actor.type in PERSON_TYPES and _ROLE_OF_PERSON.fullmatch(text, person.end, mention.start):
                return ("actor", person.actor)
        if (text[mention.start:mention.end].lower() in _EXPERT_NOUNS
                and text[max(0, mention.start - 4):mention.start].lower() == "the "):
            return ("expert", mention.actor)
    if mention.actor.type in ("capital", "country"):
        for person in earlier:
            if person.actor.type in PERSON_TYPES and _APPOSITIVE.fullmatch(text, person.end, mention.start):
                return ("actor", person.actor)
        for group in earlier:
            if group.actor.type == "generic" and _IN_PLACE.fullmatch(text, group.end, mention.start):
                return ("actor", _placed(group.actor, mention.actor.side))
        group = _placed_group(text[max(0, mention.start - 80):mention.start], mention.actor)
        if group is not None:
            return ("actor", group)
    return ("actor", mention.actor)


def _unnamed_subject(text: str, verb_start: int, mentions, earlier) -> tuple | None:
    """A subject no mention names: "he"/"she", "It" opening the sentence, an anaphor ("the ministry"), or a
    person the sentence describes without a name."""
    window = text[max(0, verb_start - 60):verb_start]
    pronoun = _pronoun_closing(_PRONOUN_SUBJECT, window)
    if pronoun:
        return ("pronoun", _last_person(mentions, verb_start - len(pronoun.group(0))))
    if verb_start <= 30 and _IT_SUBJECT.fullmatch(window):
        return ("it", None)
    anaphor = None
    for anaphor in _ANAPHOR.finditer(window):
        pass
    if anaphor and _BRIDGE.match(window[anaphor.end():]):
        return ("anaphor", anaphor.group(1))
    if not _may_describe(text[max(0, verb_start - 160):verb_start]):
        return None
    described = _DESCRIBED_BEFORE.search(text, max(0, verb_start - 160), verb_start)
    if described is not None and not (earlier and earlier[-1].end > described.start()
                                      and (earlier[-1].start < described.start()
                                           or earlier[-1].actor.type in PERSON_TYPES)):
        return ("actor", _described(described))     # (a party in the description is no subject: "Another LDP
                                                     # member said")
    return None


def _subject_after(text: str, verb_end: int, mentions) -> tuple | None:
    """Inverted attribution: ``..., said Lavrov`` / ``said the Kremlin``."""
    for mention in mentions:
        if mention.start >= verb_end:
            if _THE_GAP.fullmatch(text, verb_end, mention.start) or (
                    mention.actor.type in PERSON_TYPES and (_ROLE_THEN_NAME.fullmatch(text, verb_end, mention.start)
                                                            or _TITLE_GAP.fullmatch(text, verb_end, mention.start))):
                return ("actor", mention.actor)       # (or "said the official, Yoshiko Amano", "said one protester,
                                                      # Nikolai Gromov", "said Senator ...")
            break
    anaphor = _ANAPHOR.match(text[verb_end:].lstrip())
    if anaphor:
        return ("anaphor", anaphor.group(1))
    described = _DESCRIBED_AFTER.match(text, verb_end) if _may_describe(text[verb_end:verb_end + 120]) else None
    if described is not None and not any(verb_end <= m.start < described.end() for m in mentions):
        return ("actor", _described(described))
    return None


# An official (or lawmaker, member, representative, source, fisherman, diplomat) no table lists, described by what
# they serve: "A fisheries cooperative official said", "Another LDP member said", "An official
# of the league said", "..., said an official at a local cooperative, who asked not to be named".
# (a word of the description is no verb, auxiliary or adverb: "A member of the crew was told to leave" reports
# no words; "A member of the Japanese delegation has said" does, and the description ends before "has")
_DESCRIPTION_WORD = r"(?!(?:was|were|is|are|been|being|has|have|had|also|reportedly|later|on)\b)[\w'’-]+"
# What such a person is: each noun as the pattern reads it, and the letters ``_may_describe`` looks for first.
_DESCRIBED_NOUNS = {"official": "official", "spokes(?:man|woman|person)": "spokes", "executive": "executive",
                    "lawmaker": "lawmaker", "legislator": "legislator", "member": "member",
                    "representative": "representative", "source": "source", "fisherman": "fisherman",
                    "diplomat": "diplomat"}
_DESCRIBED = (r"(?:an?|one|another)\s+(?:(?:senior|unnamed|high-ranking|top)\s+)?"
              rf"(?P<before>(?:{_DESCRIPTION_WORD}\s+){{0,3}}?)(?P<noun>{'|'.join(_DESCRIBED_NOUNS)})"
              rf"(?:\s+(?P<preposition>of|at|from|with|in)\s+(?:an?\s+|the\s+)?"
              rf"(?P<body>(?:{_DESCRIPTION_WORD}\s+){{0,3}}?{_DESCRIPTION_WORD}))?")
_DESCRIBED_BEFORE = re.compile(rf"(?:^|(?<=[,;]\s)|(?<=\bthat\s))\W*(?i:{_DESCRIBED})"
                               rf"(?:,\s+(?:speaking|who)\b[^,.;\"“”]{{1,80}},)?"
                               r"(?:\s+(?:has|have|had|also|reportedly|later|on\s+[A-Z][a-z]+day))*\s*$")
_DESCRIBED_AFTER = re.compile(rf"\s+(?i:{_DESCRIBED})(?=\s*(?:[,.;]|$))")
AS_WRITTEN = ("(named as written)",)    # the roles of a described speaker: a side does not rename it


def _may_describe(words: str) -> bool:
    """Whether ``words`` hold a noun ``_DESCRIBED`` needs: a cheap look before the pattern's search."""
    lowered = words.lower()
    return any(letters in lowered for letters in _DESCRIBED_NOUNS.values())


def _described(found: re.Match) -> Actor:
    """The unnamed official a sentence describes, named as GUIDE.md names generic speakers, as written without
    article, rank or age, what they serve before the noun ("league official", "fisheries cooperative official",
    "Russian Academy of Sciences source"), not where they are ("a fisherman in his 70s", "a lawmaker from
    Hokkaido") nor what they have ("a source with ties to the Kremlin")."""
    noun, preposition = found.group("noun").lower(), found.group("preposition")
    body = "" if preposition == "with" and noun in ("source", "diplomat") else found.group("body") or ""
    served = body.split(" in ")[0]      # "a cooperative in Nemuro": the cooperative
    if preposition == "from" or (preposition == "in" and (len(served.split()) < 2 or not served[:1].isupper())):
        served = ""     # where the person is ("a fisherman in the city", "in his 60s", "a lawmaker from Hokkaido",
                        # "a source in Kyiv"), not whom they serve ("a source in the Energy Ministry")
    before = found.group("before") or ""
    words = [w for w in f"{served or before} ".split() if w.lower() not in _RANK_WORDS and not any(c.isdigit() for c in w)]
    return Actor(" ".join([*words, noun]), _described_side(f"{before} {body}"), "generic", AS_WRITTEN)


# Parties and parliaments whose members a description names ("An LDPR lawmaker", "A State Duma member", "a
# member of the House of Councillors"); the longer name first ("Liberal Democratic Party of Russia").
_PARTY_SIDES = {"Liberal Democratic Party of Russia": "russia", "LDPR": "russia", "United Russia": "russia",
                "State Duma": "russia", "Duma": "russia", "Federation Council": "russia",
                "Liberal Democratic Party": "japan", "LDP": "japan", "Constitutional Democratic Party": "japan",
                "CDP": "japan", "Komeito": "japan", "Nippon Ishin": "japan", "Japanese Communist Party": "japan",
                "House of Councillors": "japan", "House of Representatives": "japan", "Diet": "japan"}
_PARTY = re.compile(r"\b(?:" + "|".join(map(re.escape, _PARTY_SIDES)) + r")\b")


def _described_side(description: str) -> str:
    """The side of an unnamed speaker's description: a nationality or party in it ("A Japanese diplomatic
    source", "An LDPR lawmaker"), else a side it names ("a member of Russia's delegation", "a lawmaker from
    Japan's ruling party"), else a place ("a fisherman from Nemuro"), else the outlet's side."""
    nationality = [_NATIONALITY_WORDS[w] for w in description.split() if w in _NATIONALITY_WORDS]
    party = _PARTY.search(description)
    return (nationality[0] if nationality else _PARTY_SIDES[party.group(0)] if party else
            side_named(description) or place_named(description) or HOME_SIDE)


# ----------------------------------------------------------------------- attribution of one sentence

# A speech verb that opens a clause of its own ("insisted that ..."), a few words after the verb at most.
_OPENS_CLAUSE = re.compile(r"^\S+(?:\s+\S+){0,2}?\s+that\b")


@dataclass
class Attribution:
    speaker: Actor | None = None
    how: str = ""          # "trailing", "according", "leading", "inverted", "headline", "position"
    verb_start: int = -1


class _Verb(NamedTuple):
    """A speech verb outside the quotes, with what the sentence alone says of its subject."""

    start: int
    before: tuple | None       # the subject before it (see ``_resolve``)
    invertible: bool           # it may take its subject after it: '"...," said Lavrov'
    after: tuple | None        # that subject, asked when the one before may come to nothing
    policy: bool               # said of a capital or country it describes a policy (``_POLICY_VERBS``)


def _headline_tag(text: str, actors: ActorIndex) -> tuple | None:
    """``..., says Russian diplomat`` / ``... — envoy``: a person the tag names speaks the headline; any other
    tag ("envoy", "paper") waits for the speakers of the body (``_resolve_headlines``)."""
    tag = _HEADLINE_TAG.search(text.rstrip(". "))
    if not tag:
        return None
    # "..., says co-op chief after fatal shooting": the speaker is the words before what happened.
    who = _HEADLINE_CIRCUMSTANCE.split(tag.group("who").strip(), maxsplit=1)[0]
    found = actors.find(who)
    actor = found[0].actor if found else None
    return ("fixed", actor, "headline:" + who if actor is None or actor.type not in PERSON_TYPES else "headline",
            tag.start())


def _colon_speaker(outside: str, mentions) -> tuple | None:
    """``Lavrov said: "..."`` / ``Galuzin: no conditions ...``: the only actor before a colon near the start."""
    colon = _COLON.match(outside) if ":" in outside else None
    if colon:
        found = [m for m in mentions if m.end <= colon.end(1)]
        # (the actor is the label, not the topic: "Russia's new constitution and the Kurils: "..."" names none)
        if (len(found) == 1 and not outside[colon.start(1):found[0].start].strip(" '\"“")
                and not _LABEL_TAIL_TOPIC.match(outside, found[0].end, colon.end(1))):
            return ("colon", found[0].actor)
    return None


def _according_to(outside: str, mentions, citations: Citations = CITATIONS) -> tuple:
    """``According to X`` / ``in X's words`` / ``as X put it`` / ``citing X``: (subject, where) of each such
    phrase followed by an actor or an anaphor, up to the first actor."""
    # The lookaheads of _ACCORDING are slow on every "in"; a cheap scan for the words they need comes first.
    if not citations.may_cite(outside):
        return ()
    according = []
    for match in _ACCORDING.finditer(outside):
        after = [m for m in mentions if m.start >= match.end()]
        if after and _THE_GAP.fullmatch(outside, match.end(), after[0].start):
            according.append((("actor", after[0].actor), match.start()))
            break      # a mention always resolves: the later matches are never reached
        anaphor = _ANAPHOR.match(outside[match.end():])
        if anaphor:
            according.append((("anaphor", anaphor.group(1)), match.start()))
        elif _ACCORDING_PRONOUN.match(outside, match.end()):
            according.append((("pronoun", _last_person(mentions, match.start())), match.start()))
    return tuple(according)


def _opening_subject(text: str, verb_start: int, mentions, *, person_named: bool = False) -> tuple | None:
    """The subject of a participle after a comma ("The Yomiuri Shimbun took a more supportive line, saying
    that ..."; "Lavrov went further, telling reporters ...") or of a second verb ("Putin spoke warmly of the
    projects but said ..."): the actor that opens the sentence, at most four words in and before any comma.
    With ``person_named``, only a person named after nothing but a title ("Prime Minister Dmitri A. Medvedev";
    not "Vice-Minister Mori summoned Ambassador Galuzin")."""
    first = mentions[0] if mentions and mentions[0].end <= verb_start else None
    if first is None:
        return None
    opening = _TIME_OPENING.sub("", text[:first.start])     # "In January 2019, Foreign Minister Lavrov ..."
    if "," in opening or len(opening.split()) > 4:
        return None
    if person_named and (first.actor.type != "person" or any(
            not word[:1].isupper() and word.lower() not in ("the", "a", "an") for word in opening.split())):
        return None
    return ("actor", first.actor)


# What "writing" reports: "writing that ...", "writing on social media that ...".
_WRITING_THAT = re.compile(r"\s+(?:(?:on|in)\s+[^,.;\"“”]{1,40}?\s+)?that\b")
# A verb sharing the subject of the verb before it: "... and told local officials", "... but said".
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$")
_TIME_OPENING = re.compile(r"^(?:In|On|At|After|Before|Earlier|Later|Last|This|Meanwhile|However|Since)\b[^,]{0,40},\s*")


def _speech_verbs(text: str, outside: str, mentions, speech: PhraseFinder, *, is_headline: bool = False) -> tuple:
    """The speech verbs outside the quotes, each with its subjects (``_Verb``). In a headline a capital's or
    country's verb is its words too ("Moscow rejects Tokyo's claim", as GUIDE.md codes headlines)."""
    verbs = []
    for verb in speech.find(outside):
        if outside[verb.end:verb.end + 4] == " to " and verb.text[:7].lower() == "continu":
            continue        # "..., Lavrov continued" reports; "Russia continues to occupy the islands" does not
        if verb.text.lower() == "writing" and not _WRITING_THAT.match(outside, verb.end):
            continue        # "writing off the claim", "writing his name into history" report nothing
        participle = verb.text.endswith("ing")
        after_comma = participle and outside[max(0, verb.start - 3):verb.start].rstrip().endswith(",")
        if participle and not after_comma and verb.text.lower() in _PARTICIPLES:
            continue
        before = _subject_before(outside, verb.start, mentions)
        if before is None and after_comma:
            before = _opening_subject(outside, verb.start, mentions)
        elif before is None and _COORDINATED.search(outside, max(0, verb.start - 16), verb.start):
            # The second verb of a person's two ("Putin spoke warmly of the projects but said ..."); a country's
            # second act stays narration ("Japan has frozen the assets ... and announced that ...").
            before = _opening_subject(outside, verb.start, mentions, person_named=True)
        # "..., said Lavrov" / '"...," said the Kremlin': inversion only right after a comma or a quote.
        invertible = bool(_INVERTIBLE.match(verb.text)) and text[:verb.start].rstrip()[-1:] in _INVERSION_MARKS
        # Asked when the subject before the verb may come to nothing: a pronoun or anaphor may not resolve.
        after = _subject_after(outside, verb.end, mentions) \
            if invertible and (before is None or before[0] != "actor") else None
        # (a participle of a country or capital describes its policy too: "Japan has rejected that idea,
        # arguing that ...")
        policy = not is_headline and (bool(_POLICY_VERBS.match(verb.text)) or verb.text.lower() in _PARTICIPLES)
        verbs.append(_Verb(verb.start, before, invertible, after, policy))
    return tuple(verbs)


def _attribution_plan(text: str, spans, mentions, outside: str, finders: Finders, *, is_headline: bool) -> tuple | None:
    """Everything about a sentence's attribution that needs no article context, looked for outside its quoted
    words (``outside``): ``_resolve_attribution`` finishes it with the context. None when no rule applies."""
    outside_mentions = [m for m in mentions if outside[m.start:m.end].strip()] if spans else mentions
    if is_headline:
        tag = _headline_tag(text, finders.actors)
        if tag and (tag[1] is not None or not _subject_spoke_before(outside[:tag[3]], outside_mentions, finders)):
            return tag      # (a tag that names nobody after a subject's verb continues it: "Russia Rejects
                            # Japan's Protest ..., Says Islands Are Its Territory")
    colon = _colon_speaker(outside, outside_mentions)
    if colon:
        return colon
    according = _according_to(outside, outside_mentions, finders.citations)
    verbs = _speech_verbs(text, outside, outside_mentions, finders.speech, is_headline=is_headline)
    if not according and not verbs:
        return None
    return ("rules", according, verbs)


def _subject_spoke_before(words: str, mentions, finders: Finders) -> bool:
    """Whether a speech verb in ``words`` has an actor for its subject before it."""
    return any(verb.before is not None and verb.before[0] == "actor"
               for verb in _speech_verbs(words, words, [m for m in mentions if m.end <= len(words)], finders.speech,
                                         is_headline=True))


def _resolve_attribution(plan: tuple | None, ctx: _ArticleContext, sent_idx: int, outside: str) -> Attribution:
    """The attribution of one sentence: its ``_attribution_plan`` with the subjects resolved in context."""
    if plan is None:
        return Attribution()
    if plan[0] == "fixed":
        return Attribution(*plan[1:])
    if plan[0] == "colon":
        return Attribution(_generic_to_person(plan[1], ctx), "colon", 0)
    _, according, verbs = plan
    for subject, start in according:
        if subject[0] == "actor" and subject[1].type == "newspaper" and any(
                verb.start < start and verb.before is not None and verb.before[0] == "actor"
                and verb.before[1].type in PERSON_TYPES for verb in verbs):
            continue    # '"...," Mishustin told local officials, according to Interfax': the person speaks
        # "the paper said citing government sources": the paper speaks; its sources only when none does (also
        # when the one who speaks closes the sentence: "..., citing Tokyo's failure to pay, the Russian Foreign
        # Ministry said"). So does "Matsuno said that ..., in Tokyo's view, ...": the view is in his words.
        cited_by = outside[start:start + 6].lower() == "citing"
        in_view = outside[start:start + 3].lower() == "in "
        if (cited_by or in_view) and any(
                (verb.start < start or cited_by) and (
                    _speaks(verb, verb.before, ctx, sent_idx)
                    or (cited_by and verb.invertible and _speaks(verb, verb.after, ctx, sent_idx)))
                for verb in verbs):
            continue
        actor = _resolve(subject, ctx, sent_idx)
        if actor:
            return Attribution(actor, "according", start)
    candidates = []
    for verb in verbs:
        subject = _resolve(verb.before, ctx, sent_idx) if verb.before is not None else None
        how = "leading"
        if subject is None and verb.invertible:
            subject = _resolve(verb.after, ctx, sent_idx) if verb.after is not None else None
            how = "inverted"
        if subject is not None and subject.type in ("capital", "country") and verb.policy:
            continue    # said of a capital or country, these verbs describe a policy, not words
        if subject is not None:
            candidates.append(Attribution(subject, how, verb.start))
    return _governing(candidates, outside) if candidates else Attribution()


def _speaks(verb: "_Verb", subject: tuple | None, ctx: "_ArticleContext", sent_idx: int) -> bool:
    """Whether a verb's subject resolves to one who speaks (not a capital or country whose verb tells a policy:
    "Japan has rejected ...")."""
    actor = _resolve(subject, ctx, sent_idx) if subject is not None else None
    return actor is not None and not (actor.type in ("capital", "country") and verb.policy)


def _governing(candidates: list[Attribution], outside: str) -> Attribution:
    """Of the speech verbs with a subject, the one that attributes the sentence: the attribution closing the
    sentence ("..., Lavrov said.") governs it; else the first one."""
    last = candidates[-1]
    if len(candidates) == 1:
        return last
    tail = outside[last.verb_start:]
    clause_start = max(outside.rfind(",", 0, last.verb_start), outside.rfind("”", 0, last.verb_start),
                       outside.rfind('"', 0, last.verb_start))
    # "..., Lavrov said on Monday." closes the sentence; "..., while Lavrov insisted that ..." opens a clause
    # of its own, and the sentence stays with its first speaker.
    # (the comma must come after the verb before it: in "On Tuesday, Hayashi told reporters that Tokyo had
    # lodged a protest" the protest is what he told)
    if clause_start > candidates[-2].verb_start and "," not in tail[:40] and not _OPENS_CLAUSE.search(tail):
        last.how = "trailing"
        return last
    return candidates[0]


# --------------------------------------------------------------------------------- position predicates

def _position_plan(text: str, mentions, position: PhraseFinder) -> tuple:
    """The position predicates of a sentence (quoted words included), for ``_resolve_position``: per
    predicate, whether "he"/"she" is its subject with no person named before it (the article context decides
    who), and the side of the subject the sentence itself gives (or None). Stops at the first predicate whose
    side needs no context."""
    plan = []
    for verb in position.find(text):
        before = text[max(0, verb.start - 100):verb.start]
        if _NOT_PREDICATE_BEFORE.search(before, max(0, len(before.rstrip()) - 8)):
            continue
        pronoun = _pronoun_closing(_PRONOUN_BEFORE_VERB, before)
        if pronoun:
            person = _last_person(mentions, verb.start - len(pronoun.group(0)))
            if person is not None:
                plan.append((False, person.side))
                break
        side = _side_of_subject(text, verb.start - len(before), before, mentions)
        if pronoun or side is not None:
            plan.append((bool(pronoun), side))
            if not pronoun:
                break
    return tuple(plan)


def _side_of_subject(text: str, offset: int, before: str, mentions) -> str | None:
    """The side of a predicate's subject: the nearest actor or side word in ``before`` (the words before the
    predicate, from ``offset``) that is neither the object of a preposition ("directed against Moscow") nor a
    possessive ("Japan's position")."""
    verb_start = offset + len(before)
    candidates = [(m.start, m.end, m.actor.side) for m in mentions if m.end <= verb_start and m.start >= offset]
    covered = [(m.start, m.end) for m in mentions]
    for side, pattern in SIDE_WORD_REGEXES:
        for match in pattern.finditer(before):
            start, end = offset + match.start(), offset + match.end()
            if not any(a <= start < b for a, b in covered):
                candidates.append((start, end, side))
    for start, end, candidate_side in sorted(candidates, key=lambda c: -c[0]):
        if _not_subject(text, start):
            continue
        if text[end:end + 2] in ("'s", "’s"):
            continue  # "Japan's position": a possessive, the subject is the noun it owns
        return candidate_side
    return None


def _resolve_position(plan: tuple, ctx: _ArticleContext, sent_idx: int) -> str:
    """``position_side``: the side of the first position predicate's subject, "he"/"she" resolved in context."""
    for pronoun, side in plan:
        if pronoun:
            person = _resolve_pronoun(ctx, sent_idx, None)
            if person:
                return person.side
        if side is not None:
            return side
    return ""


def subject_side(text: str) -> str:
    """Side of the first side word of the sentence: the crude subject used when nothing else decides."""
    return side_named(text)


# ------------------------------------------------------------------------------------- sentence facts

class SentenceFacts(NamedTuple):
    """What the rules find in one sentence without its article's context (see ``sentence_facts``)."""

    spans: list
    started_inside: bool
    ends_inside: bool
    outside: str               # the sentence with its quoted words blanked
    mentions: tuple
    mention_names: str         # the ``mentions`` column
    roles: tuple               # (generic role, person named with it): "Japanese Prime Minister Fumio Kishida"
    quoted_words: int
    total_words: int           # 1 when there are no quoted words (only their share is asked)
    attribution: tuple | None  # ``_attribution_plan``
    position: tuple            # ``_position_plan``
    narration_side: str        # ``subject_side`` of the words outside quotes
    first_side: str            # ``subject_side`` of the whole sentence


def sentence_facts(text: str, text_for_quotes: str, inside: bool, is_headline: bool,
                   finders: Finders) -> SentenceFacts:
    """The context-free half of attributing a sentence: the same sentence in the same quote state has the same
    facts in any article.

    Args:
        text: the sentence.
        text_for_quotes: the sentence as its quote marks are read (``_QuoteRun.enter``).
        inside: whether a quote is open before it.
        is_headline: whether it is in the headline.
        finders: what to look for.
    """
    spans, started_inside, ends_inside = quote_spans(text_for_quotes, inside)
    mentions = tuple(finders.actors.find(text))
    outside = _outside(text, spans)
    narration_side = subject_side(outside)
    return SentenceFacts(
        spans, started_inside, ends_inside, outside, mentions,
        ";".join(dict.fromkeys(m.actor.canonical for m in mentions)),
        tuple((m.role.canonical, m.actor) for m in mentions
              if m.role is not None and m.role is not m.actor and m.role.type == "institution"),
        _quoted_words(text, spans) if spans else 0,
        max(1, len(text.split())) if spans else 1,
        _attribution_plan(text, spans, mentions, outside, finders, is_headline=is_headline),
        _position_plan(text, mentions, finders.position),
        narration_side, narration_side if outside is text else subject_side(text))


# ---------------------------------------------------------------------------------- attributing articles

class Statement(NamedTuple):
    text: str
    para_idx: int
    sent_idx: int
    is_headline: bool


class Document(NamedTuple):
    """What an article's metadata says of it ("" when not given): its genre (``vocab.GENRES``), outlet,
    author (the ``speaker`` column: who speaks a statement or the guest of an interview) and date (who held an
    office a label names, ``ActorIndex.holder``)."""

    genre: str = ""
    outlet: str = ""
    speaker: str = ""
    date: str = ""


INPUT_COLUMNS = list(Statement._fields)


def attribute_article(statements, finders: Finders, *, facts=None, document: Document = Document()) -> list[dict]:
    """Attribution columns for the statements of one article, in reading order.

    Args:
        statements: ``Statement`` rows, or a DataFrame with text, para_idx, sent_idx, is_headline.
        finders: what the rules look for (``Finders``; ``reference_finders`` for the plain ones).
        facts: gives a sentence's ``sentence_facts`` from (text, text_for_quotes, inside, is_headline); by
            default each sentence is worked afresh (``attribute`` passes its cached equal).
        document: the article's genre, outlet and author, from its metadata.
    Returns:
        one dict of ``ATTRIBUTION_COLUMNS`` per statement.
    """
    if isinstance(statements, pd.DataFrame):
        statements = [Statement(*r) for r in statements[INPUT_COLUMNS].itertuples(index=False)]
    if facts is None:
        facts = partial(sentence_facts, finders=finders)
    home_side = _HomeSide(statements, finders.actors, document)
    people = introduced_people([statement.text for statement in statements], finders.actors, home_side,
                               home_side.people_place)
    if people:
        # People the article introduces with a role are its actors from then on: a sentence that names one is
        # worked afresh, since what it names now depends on the article; any other has the facts it has anywhere.
        facts = _facts_with_people(facts, finders._replace(actors=with_people(finders.actors, people)), people)
    ctx = _ArticleContext(ministries=finders.actors.ministries,
                          office_roles_of=partial(finders.actors.office_roles, document.date))
    at_home = _HomeSpeakers(finders.actors, home_side)
    quotes = _QuoteRun()
    rows: list[dict] = []
    headlines: list[tuple[int, str]] = []       # headline tags that wait for the body's speakers
    headline_roles: list[tuple[int, Actor]] = []   # headlines spoken by a role ("Sakhalin governor says ...")
    for row_number, statement in enumerate(statements):
        text_for_quotes = quotes.enter(statement)
        found = facts(statement.text, text_for_quotes, quotes.inside, bool(statement.is_headline))
        ctx.read(statement.text, found)
        attribution = _resolve_attribution(found.attribution, ctx, statement.sent_idx, found.outside)
        if attribution.how.startswith("headline:"):
            headlines.append((row_number, attribution.how.split(":", 1)[1]))
        speaker = quotes.carry(row_number, found, at_home.actor(attribution.speaker, ctx, statement.sent_idx), rows)
        subheading = speaker is None and _quoted_subheading(statements, row_number)
        continued = speaker is None and not subheading
        if continued:
            speaker = _continued_quote(found, ctx, statement.sent_idx)
        position_side = _resolve_position(found.position, ctx, statement.sent_idx)
        rows.append(_row(found, speaker, attribution.how, position_side, subheading))
        if statement.is_headline and speaker is not None and speaker.type in ("generic", "institution") and any(
                m.actor is speaker and statement.text[m.start:m.end].lower() in speaker.roles for m in found.mentions):
            headline_roles.append((row_number, speaker))
        quotes.leave(found)
        ctx.see(found.mentions, statement.sent_idx, found.outside)
        ctx.told_of_statement(statement.text, found.mentions, speaker)
        ctx.spoke(speaker, statement.sent_idx, named=not continued)
    for row_number, role in headline_roles:
        # The headline names by role whom the body names in full ("Sakhalin Governor Valery Limarenko").
        person = ctx.role_holder.get(role.canonical)
        if person is not None:
            _set_speaker(rows[row_number], person, rows[row_number]["mode"])
    _resolve_headlines(rows, headlines, finders.actors)
    _apply_document_voices(rows, statements, finders.actors, document)
    _offices_to_holders(rows, finders.actors, document.date)
    return rows


def _offices_to_holders(rows: list[dict], actors: ActorIndex, date: str) -> None:
    """An office that speaks ("Japan's prime minister denounced ...") is the person who held it on the article's
    date (``data/office_holders.csv``), as coders name the speaker."""
    holders = actors.holders if date else {}
    for row in rows:
        if row["speaker"] in holders:
            person = actors.in_office(actors.actors[row["speaker"]], date)
            row.update(speaker=person.name, speaker_type=SPEAKER_TYPES[person.type])
        del row["_attributed"]


def _facts_with_people(facts, finders: Finders, people: dict):
    """``facts`` for a sentence that names none of ``people``, else its facts worked with ``finders`` (through
    the cache of ``facts`` when it has one, under the names of the people the sentence holds)."""
    forms = [(form.casefold(), surname) for surname, (_, names) in people.items() for form in names]
    cached = getattr(facts, "with_actors", None)

    def facts_of(text, text_for_quotes, inside, is_headline):
        folded = text.casefold()
        named = sorted({surname for form, surname in forms if form in folded})
        if not named:
            return facts(text, text_for_quotes, inside, is_headline)
        if cached is None:
            return sentence_facts(text, text_for_quotes, inside, is_headline, finders=finders)
        tag = tuple((surname, people[surname][0].side, people[surname][0].type, tuple(people[surname][1]))
                    for surname in named)
        return cached(finders, tag, text, text_for_quotes, inside, is_headline)
    return facts_of


class _HomeSide:
    """The article's own side: the outlet's, else that of the place its dateline names (the people a wire
    meets in Yuzhno-Kurilsk are Russia's), else the side its lead names first, else "". Worked out when first
    asked (most articles never need it), then kept for the article."""

    def __init__(self, statements, actors: ActorIndex, document: Document):
        self.statements, self.actors, self.document = statements, actors, document
        self.side: str | None = None
        self.place: str | None = None
        self.from_lead = False      # whether the side is only the one the lead names first
        self.abroad = False         # whether the dateline is in a third country ("SEOUL, Jan. 22 (Yonhap) --")

    def __call__(self) -> str:
        if self.side is None:
            home = self._outlet()
            self.side = home.side if home is not None and home.side in PARTIES else self.dateline()
            if not self.side:
                self.side = side_named(" ".join(statement.text for statement in self.statements[1:2]))
                self.from_lead = True
        return self.side

    def dateline(self) -> str:
        """The side of the place the article's dateline names ("TOKYO —", "YUZHNO-KURILSK, Russia (AP) —"), if a
        party's, else "": where the people the article meets without saying where they are from live."""
        if self.place is None:
            dated = [dateline_side(statement.text) for statement in self.statements[1:4]]
            self.place = next((side for side in dated if side in PARTIES), "")
            self.abroad = not self.place and "other" in dated
        return self.place

    def _outlet(self) -> Actor | None:
        found = self.actors.find(self.document.outlet) if self.document.outlet else []
        return found[0].actor if found else None

    def people_place(self) -> str:
        """Where the people an outlet of no party meets live: "other" when it is a third country's own outlet
        (the scholars Xinhua or CGTN asks) or its dateline is in a third country ("BEIJING, Nov. 16 (Xinhua) --"),
        whichever side its lead names first; else the dateline's party. A party's outlet meets its own people
        wherever it is (``actors.introduced_people``); officials follow the outlet, the dateline or the lead
        (``__call__``)."""
        place = self.dateline()
        outlet = self._outlet()
        if outlet is not None and outlet.side in PARTIES:
            return place
        if self.abroad or (outlet is not None and _third_countrys_own(outlet)):
            return "other"
        return place


def _third_countrys_own(outlet: Actor) -> bool:
    """Whether ``data/actors.csv`` describes an outlet of no party by a third country's nationality ("chinese
    state news agency", "south korean news agency"), as against a wire of no country (Reuters, AP)."""
    return outlet.side == "other" and any(
        NATIONALITY_SIDES.get(" ".join(role.split()[:words]).title()) == "other"
        for role in outlet.roles for words in (1, 2))


# Unnamed speakers who serve a government, as the one who just spoke for it may ("officials", "a Foreign Ministry
# official", "government sources"); residents or analysts do not.
_SERVES_A_GOVERNMENT = re.compile(r"(?i)\b(?:officials?|sources?|diplomats?|spokes\w+)\b")


# A sentence that opens by placing what follows: "In Tokyo, officials say ...".
_PLACE_OPENING = re.compile(r"\W*In\s+([A-Z][\w-]+)\s*,")


class _HomeSpeakers:
    """Generic speakers of the outlet's side (``vocab.HOME_SIDE``): "government sources" in a Kyodo story
    speak for Japan as "Japanese government sources", the actor of that name when the table has one. In an
    article of no side they are of side "other"."""

    def __init__(self, actors: ActorIndex, home_side: _HomeSide):
        self.actors, self.home_side = actors, home_side

    def actor(self, speaker: Actor | None, ctx: "_ArticleContext", sent_idx: int) -> Actor | None:
        """``speaker`` of the outlet's side made the side's. In an article of no side but the one its lead
        names, an unnamed official or source takes the side of a named speaker of Japan or Russia in the last
        three sentences: "Foreign Minister Iwaya Takeshi said ... One senior Foreign Ministry official said" in
        The Diplomat, whose subtitle names Russia first, is Japan's."""
        if speaker is None or speaker.side != HOME_SIDE:
            return speaker
        placed = _PLACE_OPENING.match(ctx.current_text)
        if placed is not None:
            # "In Tokyo, officials say ..." in a Russian agency's story: the officials of the place.
            sides = [m.actor.side for m in self.actors.find(placed.group(1))
                     if m.actor.type in ("capital", "country") and m.actor.side in DISPUTANTS]
            if sides:
                return _of_side(speaker, sides[0], self.actors.actors)
        side = self.home_side()
        if side not in DISPUTANTS and not _SERVES_A_GOVERNMENT.search(speaker.canonical):
            # People the outlet meets, not officials: "fishermen say" in an American broadcaster's story from
            # Tokyo are Japan's, as a person it meets there is (``introduced_people``).
            side = self.home_side.dateline() or side
        last = ctx.last_speaker
        if (self.home_side.from_lead and side in DISPUTANTS and _SERVES_A_GOVERNMENT.search(speaker.canonical)
                and last is not None and last.side in DISPUTANTS and last.type in PERSON_TYPES
                and sent_idx - ctx.last_speaker_idx <= 3):
            side = last.side
        return _of_side(speaker, side if side in SIDE_ADJECTIVES else "other", self.actors.actors)


# A phrase in quote marks without a full stop: '"Russian land"', '"Nobody is going to hand over anything"'.
_QUOTED_PHRASE = re.compile(r'\s*["“][^"“”]*[^"“”.!?…\s]["”]\s*')


def _quoted_subheading(statements: list, row_number: int) -> bool:
    """A paragraph of the body that is one quoted phrase without a full stop is the outlet's subheading (TASS and
    RIA head sections with a phrase somebody used), not a quote that goes on from the last speaker: the phrase
    is the outlet's choice of words, which the coders read as its narration."""
    statement = statements[row_number]
    neighbours = [statements[number] for number in (row_number - 1, row_number + 1) if 0 <= number < len(statements)]
    alone = all(neighbour.para_idx != statement.para_idx for neighbour in neighbours)
    # (not the words a paragraph announces with a colon: 'Lavrov put it bluntly:' / '"Never"')
    announced = row_number > 0 and statements[row_number - 1].text.rstrip().endswith(":")
    # (and a subheading is short or in title case; a whole sentence of a speaker's that lost its full stop in
    # translation goes on their quote)
    words = re.findall(r"[\w'’-]+", statement.text)
    heading_like = len(words) <= 7 or all(word[0].isupper() for word in words if len(word) > 3)
    return (alone and not announced and heading_like and not statement.is_headline and row_number > 0
            and _QUOTED_PHRASE.fullmatch(statement.text) is not None)


def _continued_quote(facts: SentenceFacts, ctx: _ArticleContext, sent_idx: int) -> Actor | None:
    """Rule 3: a sentence mostly of quoted words, attributed nowhere, is the last speaker's if that speaker
    spoke in the last three sentences."""
    if facts.spans and facts.quoted_words >= 0.5 * facts.total_words:
        if ctx.last_speaker is not None and sent_idx - ctx.last_speaker_idx <= 3:
            return ctx.last_speaker
    return None


def _row(facts: SentenceFacts, speaker: Actor | None, how: str, position_side: str,
         subheading: bool = False) -> dict:
    """The columns of one statement, its mode by rule 4. ``_attributed``: whether a rule of its own named the
    speaker (a quote run does not overwrite it)."""
    if speaker is not None and (facts.quoted_words > 0 or how == "colon"):
        mode = "direct_quote"       # (a colon after the speaker's name gives their words: "Lavrov: No talks ...")
    elif speaker is not None:
        mode = "reported"
    elif facts.spans and not subheading and (facts.started_inside or facts.quoted_words >= 0.5 * facts.total_words):
        mode = "direct_quote"
    else:
        mode = "narration"
    return {
        "mode": mode,
        "speaker": speaker.name if speaker is not None else "",
        "speaker_type": SPEAKER_TYPES[speaker.type] if speaker is not None else "",
        "voice_side": speaker.side if speaker is not None else ("other" if mode == "direct_quote" else "outlet"),
        "position_side": position_side,
        "subject_side": facts.narration_side if mode == "narration" else "",
        "mentions": facts.mention_names,
        "reported_side": "",
        "off_topic": False,
        "_attributed": speaker is not None and how not in ("", "position"),
    }


def _set_speaker(row: dict, actor: Actor, mode: str):
    row.update(speaker=actor.name, speaker_type=SPEAKER_TYPES[actor.type], voice_side=actor.side, mode=mode,
               subject_side="", _attributed=True)


def _apply_document_voices(rows: list[dict], statements, actors: ActorIndex, document: Document) -> None:
    """The speakers of turns and statements (``analysis.turns``) over those of the sentence rules."""
    found = document_voices(statements, actors, genre=document.genre, outlet=document.outlet,
                            speaker=document.speaker, date=document.date)
    for row, voice in zip(rows, found.voices):
        if voice.heading:
            row.update(mode="narration", speaker="", speaker_type="", voice_side="outlet")
        elif (voice.quotes_kept and row["_attributed"] and row["mode"] == "direct_quote"
              and row["speaker_type"] == "official" and row["speaker"] != voice.speaker.name):
            pass                                           # a person the statement quotes by name
        elif voice.told:
            # (an interview's title telling what its guest says: reported, unless it quotes them)
            _set_speaker(row, voice.speaker, "direct_quote" if row["mode"] == "direct_quote" else "reported")
        elif voice.speaker is not None:
            # A minister reporting the other side's words ("Russia has said that the exchanges cannot proceed
            # ...") states that side's position, not the minister's (analysis.holder, rule 2).
            reported = row["voice_side"]
            if row["_attributed"] and reported in PARTIES and reported != voice.speaker.side:
                row["reported_side"] = reported
            _set_speaker(row, voice.speaker, "direct_quote")
            row["off_topic"] = voice.off_topic
        row["genre"] = found.genre


def _resolve_headlines(rows: list[dict], pending: list[tuple[int, str]], index: ActorIndex):
    """Headline attributions (``..., says Russian diplomat`` / ``... - paper``), in reading order: each gets the
    first body speaker (a row after the first) that fits its noun (``_headline_fits``), else the actor its noun
    names; a headline given a speaker is a speaker for the headlines after it.

    The rows are scanned once: per speaker, the rows it speaks (a heap, entries whose row changed speaker
    dropped when met); a headline looks at the first row of each speaker that fits its noun. Scanning every
    row for every headline would be quadratic, and an article of one long line is one headline paragraph of
    as many headline tags as it has sentences.
    """
    if not pending:
        return
    import heapq

    rows_of: dict[str, list[int]] = {}          # speaker -> the body rows it speaks, a heap
    for number in range(1, len(rows)):
        speaker = rows[number]["speaker"]
        if speaker and speaker in index.actors:
            rows_of.setdefault(speaker, []).append(number)      # in ascending order: already a heap
    fitting: dict[tuple, list[str]] = {}         # (last word of the noun, side it names) -> speakers that fit
    for row_number, noun in pending:
        found = index.find(noun)
        words = noun.lower().split()
        # (the side the noun names: an actor's, or a nationality's before an office, "Russian Deputy Foreign
        # Minister")
        named = side_named(noun) if words and words[-1] in _HEADLINE_OFFICES else ""
        key = (words[-1] if words else None, found[0].actor.side if found else named or None)
        speakers = fitting.get(key)
        if speakers is None:
            speakers = fitting[key] = [s for s in rows_of if _headline_fits(index.actors[s], *key)]
        first, actor = len(rows), found[0].actor if found else None
        for speaker in speakers:
            heap = rows_of[speaker]
            while heap and rows[heap[0]]["speaker"] != speaker:
                heapq.heappop(heap)
            if heap and heap[0] < first:
                first, actor = heap[0], index.actors[speaker]
        if actor is None:
            continue
        row = rows[row_number]
        before = row["speaker"]
        _set_speaker(row, actor, "direct_quote" if row["mode"] == "direct_quote" else "reported")
        if row_number >= 1 and actor.canonical != before and actor.canonical in index.actors:
            if actor.canonical not in rows_of:
                rows_of[actor.canonical] = []
                fitting.clear()                  # a new speaker: which speakers fit each noun is asked again
            heapq.heappush(rows_of[actor.canonical], row_number)


# The last words of a headline's tag that name an office ("— Russian Deputy Foreign Minister").
_HEADLINE_OFFICES = frozenset({"minister", "official", "diplomat", "spokesman", "spokeswoman", "spokesperson",
                               "envoy", "ambassador", "senator", "lawmaker", "premier", "president", "governor"})


# A foreign ministry by its initials in a headline's tag: "MFA" in Russian outlets' English, "MOFA" in Japan's.
_MINISTRY_INITIALS = {"mfa": "Russian Foreign Ministry", "mofa": "Japanese Foreign Ministry"}


def _headline_fits(actor: Actor, last_word: str | None, wanted_side: str | None) -> bool:
    """Whether a body speaker is the one a headline's noun means: a paper for "paper", "daily", ...; a person of
    the side the noun names ("Russian diplomat"); an actor with a role holding the noun's last word."""
    if last_word is None:
        return False        # no word at all: nothing to match
    if last_word in ("paper", "newspaper", "daily", "media", "report") and actor.type == "newspaper":
        return True
    if wanted_side and actor.side == wanted_side and actor.type in PERSON_TYPES:
        return True
    if last_word in _MINISTRY_INITIALS:
        return actor.canonical == _MINISTRY_INITIALS[last_word]     # "... — MFA" closing a TASS headline
    return any(last_word in role for role in actor.roles)


def reference_attribution(statements: pd.DataFrame, finders: Finders, documents: pd.DataFrame | None = None
                          ) -> pd.DataFrame:
    """``attribute`` by the plain rules: every sentence worked afresh, with the given finders.

    >>> table = pd.DataFrame({"article_id": ["a"], "text": ["Lavrov said the talks go on."], "para_idx": [1],
    ...                       "sent_idx": [1], "is_headline": [False]})
    >>> reference_attribution(table, reference_finders(load_actors()))[["mode", "speaker"]].values.tolist()
    [['reported', 'Lavrov']]
    """
    return _attribute_table(statements, None, finders, None, documents)


def attribute(statements: pd.DataFrame, index: ActorIndex | None = None, *,
              cache: SentenceFactsCache | None = None, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add ``ATTRIBUTION_COLUMNS`` to a statement table (rows of each article in reading order).

    The rules of ``attribute_article``, giving what ``reference_attribution`` gives, through the fast path
    (``ChunkFacts``): a sentence seen before is not worked again, and the verb rules skip the sentences a scan
    of the whole table found no verb in.

    Args:
        statements: columns article_id, text, para_idx, sent_idx, is_headline.
        index: the actors (default: ``data/actors.csv``).
        cache: what earlier calls found in their sentences; a caller attributing a corpus chunk by chunk makes
            one ``SentenceFactsCache`` for the whole run and passes it to every call. Default: one for this call.
        documents: the articles' metadata by article_id (columns among genre, outlet, speaker), if known.
    """
    index = index or load_actors()
    cache = SentenceFactsCache() if cache is None else cache
    finders = Finders(index, SPEECH, POSITION)
    columns = {column: statements[column].tolist() for column in INPUT_COLUMNS}
    facts = ChunkFacts(sentence_facts, finders, cache, columns["text"])
    return _attribute_table(statements, columns, finders, facts, documents)


def _documents(documents: pd.DataFrame | None) -> dict:
    """article_id -> ``Document`` of the metadata columns there are."""
    if documents is None or documents.empty:
        return {}
    fields = {name: documents[name].fillna("").astype(str).tolist() if name in documents.columns
              else [""] * len(documents) for name in Document._fields}
    return dict(zip(documents.index, map(Document, *fields.values())))


def _attribute_table(statements: pd.DataFrame, columns: dict | None, finders: Finders, facts,
                     documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """The statement table with ``ATTRIBUTION_COLUMNS`` added, article by article (``columns``: its
    ``INPUT_COLUMNS`` as lists, if at hand)."""
    columns = columns or {column: statements[column].tolist() for column in INPUT_COLUMNS}
    rows = list(map(Statement, *[columns[column] for column in INPUT_COLUMNS]))
    positions: dict[str, list[int]] = {}
    by_article = _documents(documents)
    for position, article_id in enumerate(statements["article_id"].tolist()):
        positions.setdefault(article_id, []).append(position)
    results: list = [None] * len(statements)
    for article_id, article_positions in positions.items():
        article = [rows[p] for p in article_positions]
        document = by_article.get(article_id, Document())
        for position, row in zip(article_positions, attribute_article(article, finders, facts=facts,
                                                                      document=document)):
            results[position] = row
    by_column = zip(*map(itemgetter(*ATTRIBUTION_COLUMNS), results)) if results else [[]] * len(ATTRIBUTION_COLUMNS)
    attributed = pd.DataFrame({column: list(values) for column, values in zip(ATTRIBUTION_COLUMNS, by_column)},
                              index=statements.index)
    return pd.concat([statements, attributed], axis=1)

