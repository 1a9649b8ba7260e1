"""Document structure: transcripts, interviews and official statements, and who speaks in each turn.

The foreign ministries publish their ministers' press conferences and interviews as transcripts, and their
positions as statements in their own name; teachers use them as each side's primary sources. There a speaker
label ("Foreign Minister Hayashi:", "Question:", "Andrei Rudenko, Deputy Minister of Foreign Affairs of the
Russian Federation:" on a line of its own) opens a turn, and every sentence up to the next label is the
speaker's own words, without quote marks; a statement is its author's words throughout. The sentence rules of
``analysis.attribution`` would read all of it as the outlet's narration, so this step finds the structure
first, and attribution gives the statements of a turn to its speaker (``mode`` direct_quote).

The rule (``document_voices``), paragraph by paragraph:

1. **Labels.** A paragraph opens with a label when it starts (after the Diet minutes' "○") with at most 12
   words before a colon, the words being
   - a question label ("Question", "Q", "Reporter", "Journalist", also "Question (Kyodo)"),
     or a label that names a newspaper, agency or broadcaster ("NHK, Tanaka", "Hokkaido Shimbun",
     "Kyodo News President Hiroshi Tamura"): the ``journalist`` asks;
   - a host label ("Host", "Presenter", "Interviewer", "Moderator"); a moderator on a government's own page
     (the Prime Minister's Office, a ministry) is its press officer, of its side;
   - a correspondent's label ("Correspondent", "Voice-over"): the correspondent the programme names ("Our Tokyo
     correspondent is Tom Ashdown"), who speaks in turns as anyone labelled; in a broadcaster's script (labels
     in square brackets, "[Correspondent]", or saying how a line is shot, "(voice-over)") and when the programme
     names nobody, a report from the scene in the outlet's voice, whose statements the sentence rules read;
   - an answer label ("Answer", "A"): the guest who answers (rule 3);
   - initials ("MG:") of a person the document labels in full ("Mikhail Galuzin:"): that person;
   - or a name: an actor of ``data/actors.csv`` or capitalised words with titles ("Minister Hayashi",
     "Mr. Motegi, Minister for Foreign Affairs", "HAYASHI Yoshimasa", "CHIEF CABINET SECRETARY HAYASHI"),
     perhaps with a party or office in brackets ("Masaki Odagiri (Constitutional Democratic Party of
     Japan)"), which gives the side.
   A label in square brackets takes the colon's place: "[Prime Minister Abe]" on a line of its own (the Prime
   Minister's Office's transcripts), "[Anchor] Good evening." or "[Ivan Sidorov, fisherman] We ..." opening a
   paragraph (a broadcaster's script). A label in brackets without a colon ("(Kyodo) Will ...", "(Reporter)
   Mr. Ito, Jiji Press: ...", "(Moderator) ...", "(Prime Minister Kishida) ...") is the one it names, if it
   names a newspaper, a question or host label or a known actor; a bracket that names nobody ("(Reference)
   Overview") is none. A report's "[Narration]" is the outlet's voice, as a correspondent's in a script, but
   makes no news bulletin of a studio interview (rule 3); "Reporter (Tamaki):" is the programme's reporter the
   article introduces ("Our reporter Yuka Tamaki ..."), by that surname; a clip's caption may give the role
   first ("[Shop owner Sergei Lavrenko, captioned]"); "PRESIDENT PUTIN: (Interpretation)" is a label on a line
   of its own.
   A speaker's name alone on a line without a colon ("Chief Cabinet Secretary Hayashi") is a label on a line
   of its own when the same speaker is labelled elsewhere in the document. A Russian parliament's stenogram
   opens a speech with the surname and initials as a sentence ("Slutsky L. E., LDPR faction.", "Chairman.",
   "Voice from the hall."). In a parliament's transcript "Chairman." is the person whose role in
   ``data/actors.csv`` is that parliament's speaker or chair, and a voice from the hall is a generic member.
   A comma inside a label's brackets ("(Director-General, European Affairs Bureau)") does not end its name.
   A broadcaster's transcript names its own people by role ("JULIA REYES, CNN ANCHOR:" is the host,
   "..., CNN CORRESPONDENT:" the journalist, and so is their surname alone later). A role after the name
   ("..., LDPR faction") never makes the institution it names the speaker; in a label all in capitals the
   surname is the last word ("KENJI ITO"), in a Japanese-style one the word in capitals ("HAYASHI
   Yoshimasa"). A label that names an office alone ("CHIEF CABINET SECRETARY:", "PRIME MINISTER:" on the Prime
   Minister's Office's page) is the person who held it on the article's date, from ``data/office_holders.csv``; an
   office without its country is the publisher's country's. A line of metadata ("Updated: March 31, 2023") is no
   label, nor is a point of a list ("Second, the grave visits: ..."), nor who made the transcript ("Transcript by
   Federal News Service"). The Diet's "Government Witness (Director-General of the European Affairs Bureau,
   Ministry of Foreign Affairs)" names the official by office alone: the office in the brackets is the speaker,
   Japan's.
2. **Genre.** From the article's ``genre`` metadata (news, transcript, interview, statement) when given. Else an
   article with labels opening two paragraphs, of which at least one names a speaker, is a ``transcript``
   (``interview`` when the labels are questions and one guest); one with three paragraphs led by a dash, one of
   which asks, is an ``interview`` (a release's dashed list of participants asks nothing), and so is one printed
   without labels or dashes whose lead says someone was interviewed ("... told Kommersant how ...") and which has
   at least three short question paragraphs, each answered by the paragraph after it; one whose title names a
   statement or comment ("Foreign Ministry statement on ...", "Statement by the Press Secretary ...") and whose
   body never says "said", "told" or "according to" (or, when the title opens with what it is, "Appeal Concerning
   ...", in at most a tenth of its sentences) is a ``statement``; so is a speech whose title names its speaker
   ("Remarks by Ambassador ... at ...", also on the line under a site's name), and one without labels published by
   an institution of ``data/actors.csv`` (a readout on kremlin.ru, a page of mid.ru or of an embassy), unless more
   than one in seven of its sentences report what someone said (a regional government's release written as news);
   so is a post signed on its first line by a known person with an office ("Dmitry Medvedev, Deputy Chairman of the
   Security Council ...") and written in the first person without reporting others' words; any other is ``news``,
   left to the sentence rules.
3. **Turns.** In a transcript or interview, a turn runs from its label to the next label or section heading (a
   short line without final punctuation, a line in brackets: "[Questions and Answers]"). A label alone on its
   line is a heading itself, and the paragraph after it is that speaker's. Questions are the
   ``journalist``'s (or the ``host``'s), voice ``other``. An unlabelled paragraph after a question is the
   answer: of the one who answered last, else of the speaker the title announces, else of the interview's
   guest (the ``speaker`` metadata, else the person a title label names, "Senator Dzhabarov: Japan itself
   ...", but not a label that says what the guest is, "Historian: ...", else the person the outlet says it
   spoke with before the first question, "Foreign Policy spoke with Yuko Harada, a professor ...", else the
   first known person of the title, not one after a preposition, "no deal under Putin", nor in a title whose
   tag says who speaks, "..., ex-envoy says", else the person the paragraph that introduces the interview
   names); but one
   that ends in a question and is followed by a label is the rest of the question. Where only the answers
   carry labels ("Viktor Gorbunov: ..."), a short paragraph that asks right before the guest's label is the
   journalist's question. In an interview printed
   without labels, each question paragraph is the journalist's (the host's) and the paragraphs after it the
   guest's. A labelled speaker the article never introduces and whose turns mostly ask is the moderator:
   ``host``; so is one who opens an event ("Good morning, everyone, and welcome to CSIS.") and ends that turn
   handing the floor to another speaker by name ("Mr. Nakagawa, let me start with you.").
   An interview's title whose tag tells what its guest says ("Time running out for ex-islanders, says head of
   former residents' group") is the guest's words, reported unless quoted; one whose tag names someone else
   ("..., Kremlin says") is read as news. The publisher's address, telephone and e-mail lines are headings.
   A Japanese or Russian speaker's turn that, with the turn before it (the question it answers), names
   neither the dispute nor the other side (an answer on another topic of a press conference) is
   ``off_topic``: its statements hold no position on the dispute (``analysis.holder``, rule 3). In a news
   bulletin (a document whose correspondent reports in the outlet's voice, rule 1) the anchor tells the news in
   the outlet's voice and asks as host only in questions. A person the article introduces as its programme's
   ("host Catherine Doyle speaks with ...", a broadcaster's "RT's Daria Belova sat down with ...") is the host.
   The people listed under a roster's "Moderator:" ("Michael Renner, Senior Fellow, ...") moderate. An event's roster ("MODERATOR: Name, role") and its list of speakers
   ("FEATURING: ...", "Presenter: Nadia Barakat") are headings; a roster that gives a name on one line and
   the role on the next ("Irina Volkova" / "Associate Professor of Government, Georgetown University")
   introduces the person, with the side of a government institution the role names first.
4. **Dash-led interviews.** The dash paragraphs ("- ", "— ", Jiji's "--") alternate between who asks and who
   answers; the first asks when it ends with a question; an undashed paragraph after a question answers it.
   Who asks is the host (a broadcaster's interview) or the journalist (a newspaper's); who answers, the guest
   (rule 3). A stage direction ("(Laughter.)"), a line in brackets, a
   date line ("27 April 2022 - 15:10", "Tuesday, February 6, 2024, 10:34 a.m. ...") and an elision ("<…>")
   are the outlet's narration.
5. **Statements.** Every statement after the title is the author's: the ``speaker`` metadata, else the
   person or institution a title names after "Statement by" / "Comment of" ("Statement by Foreign Minister
   HAYASHI Yoshimasa on ..."), else the outlet when it is an institution of ``data/actors.csv``, else the
   institution the title names, else the outlet itself when it is an organisation the actors table does not
   know (a residents' association publishing its appeal), else the foreign ministry of the side the outlet or
   the title names. A person the statement quotes by name in quote marks ("“The Kurils are our land,”
   Governor Limarenko said") speaks those words: a release gives its officials' quoted words as theirs. What
   it reports of them ("The President noted that ...", a readout of a call) stays the author's, as coders code
   it. A title's "Statement by", "Remarks of", "Policy Speech by" names the author ("Policy Speech by Prime
   Minister Taro Aso to the Diet"; "Statement by the Foreign Minister" is the holder of the office on that
   day); a signed post is its signer's. A numbered question on a ministry's page ("Q1. What are the Northern
   Territories?") heads the answer after it.
6. **Points stated as follows.** In any genre, a paragraph that ends "..., stating as follows:" (or "the
   following:") hands the numbered or dashed paragraphs under it ("(1) The Northern Territories are ...") to
   the person it names first ("Mr. MORI Takeo, Vice-Minister for Foreign Affairs, lodged a protest ..."): a
   ministry's account of a protest gives the official's words.

A speaker not in ``data/actors.csv`` becomes an actor of the article: the surname (the last word of the name, or
the word in capitals of a Japanese-style "HAYASHI Yoshimasa"), with the side its label names ("of the Russian
Federation"), else the side of the institution that publishes the transcript (a ministry's own page names its
spokesman by office alone: "Mr. Mitsuo Sakaba, Press Secretary", whom a question then addresses with "the Russian
side says ..."; but a guest whose name is of the other side, a Japanese professor at a Kremlin event, is of the
side the article introduces them with, else of their name), else the side of the sentence that introduces the name
with more words (the nearest side word or institution: "Vladimir Dzhabarov, First Deputy Chairman of the Federation
Council ..."; not one in a clause of its own, "... was ten when Soviet troops landed", "... who was involved in
negotiations with Russia"; a scholar's nationality, else the place the introduction puts them in, "Professor,
Hokkaido University"), else the side of the outlet, else of the title. "Press" in an office ("Press Secretary",
"press service") names no newspaper.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .actors import Actor, ActorIndex, introduced_people
from .vocab import (NATIONALITY_ROLE, NATIONALITY_SIDES, PARTIES, SIDE_WORD_REGEXES, first_side_word,
                    introducing_clause_start, located_side,
                    local_office_side, name_side, family_name_first, place_named, side_named)

# Who asks: a reporter (also "Question (Kyodo)", "(NHK)") or the presenter of a studio interview.
JOURNALIST = Actor("journalist", "other", "journalist")
HOST = Actor("host", "other", "journalist")
# Stands for the guest of an interview in the labels; ``_turns`` puts the guest in its place.
ANSWER = Actor("answer", "other", "person")
# Stands for a broadcaster's own correspondent reporting from the scene ("[Correspondent] Good afternoon."): the
# report is the outlet's narration, and the sentence rules decide who speaks each of its statements.
CORRESPONDENT = Actor("correspondent", "outlet", "journalist")
# Stands for an interpreter who renders the turn before ("PRIME MINISTER SHINZO ABE: (Speaking Japanese)." /
# "UNIDENTIFIED INTERPRETER: We will resolve ..."): the words are that speaker's.
INTERPRETER = Actor("interpreter", "other", "generic")
_INTERPRETER_LABEL = re.compile(r"^(?:unidentified\s+|through\s+an?\s+)?interpreter$", re.IGNORECASE)
# What a radio transcript prints for words in another language, which its interpreter then gives.
_SPEAKING_ANOTHER_LANGUAGE = re.compile(r"^\(\s*(?:speaking|through)\s+[^()]{1,40}\)\.?$", re.IGNORECASE)

_QUESTION_LABEL = re.compile(r"^(?:question|q|q\d+|reporter|journalist|questioner|press)\b"
                             r"(?:\s*\([^)]{1,40}\))?$", re.IGNORECASE)
# "Answer:", "A:": the guest of an interview answers (the person its title or first paragraph names).
_ANSWER_LABEL = re.compile(r"^(?:answer|a|response|reply)$", re.IGNORECASE)
# A newspaper, agency or broadcaster heads the label of a press conference question: "NHK, Tanaka",
# "Kyodo News, Sato", "Asahi Shimbun, Kobayashi", "(Reporter) Sato, Nikkei".
_MEDIA_WORDS = re.compile(r"\b(?:news|shimbun|press(?!\s+(?:secretary|officer|attach|service|department|office|"
                          r"division|section|bureau|spokes))|agency|tv|television|broadcasting|radio|times|post|"
                          r"daily|journal|gazette|channel|wire|reporter|cctv|cgtn)\b", re.IGNORECASE)
_MEDIA_LAST_WORD = re.compile(r"\b(?:shimbun|news|tv|agency|times|press)$", re.IGNORECASE)
# A family name in capitals, as the Diet's minutes and the Japanese ministry write it ("KAWANO Yoshihiro").
_CAPITALISED_NAME = re.compile(r"\b[A-Z]{2,}\b")
# Lines that look like labels but name no speaker: a transcript's header ("Date: ...", "Place: ..."), a byline
# ("Text: Irina Sokolova"), a headline's kicker ("Interview: ...", "Analysis: ...").
_META_LABEL = re.compile(r"^(?:date|time|place|venue|location|subject|topics?|persons|geography|source|photo|photograph|picture|image|"
                         r"caption|illustration|graphic|video|credit|note|reference|"
                         r"participants|present|attendees|tags|keywords|read more|see also|related|update|updated|last updated|posted|published|released|issued|modified|"
                         r"correction|agenda|text|by|author|broadcast|aired|edited by|translated by|translation|"
                         r"(?:provisional|tentative|unofficial) translation|"
                         r"interview|exclusive|analysis|opinion|explainer|factbox|inquiries|enquiries|contact|"
                         r"media contact|for more information|featuring|panelists?|speakers|guests|participating|result|vote|"
                         r"(?:online\s+)?event|webinar|seminar|symposium|panel discussion|"
                         r"(?:[a-z]{2,8}\s+)?experts)\b",              # "CSIS EXPERTS: Nathan Cartwright, ..."
                         re.IGNORECASE)
# An event's roster: "MODERATOR: Claire Donovan, Senior Fellow, Japan Chair, CSIS" names who chairs, says nothing.
# So does "Presenter: Nadia Barakat", a name alone after the label.
_ROSTER_LINE = re.compile(r"^(?i:moderator|chair|chairperson|host|presenter|anchor)\s*:\s*"
                          r"(?:(?i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+,[^.?!]*)|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})$")
# The parliaments whose chair a stenogram's "Chairman." may be (``_Article.chair_of``).
_PARLIAMENT_NAME = re.compile(r"\b(?:State Duma|Federation Council|House of Representatives|House of Councillors)\b")
_PARLIAMENT = re.compile(r"\b(?:Diet|House of (?:Representatives|Councillors|Commons|Lords)|State Duma|Duma|"
                         r"Federation Council|Parliament|Committee|Minutes)\b")
# The Russian parliaments' stenograms: a speech opens with the speaker's surname and initials (and faction) as a
# sentence of its own ("Slutsky L. E., LDPR faction.", "Chairman.").
_STENOGRAM_LABEL = re.compile(r"^(?:(?P<chair>Chairman|Chairwoman|Chairperson|Presiding|Voices? from the (?:hall|floor))\.|"
                              r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z]\. ?[A-Z]\.)(?:, (?P<faction>[^.]{1,160})\.)?)"
                              r"(?:\s|$)")
_STENOGRAM_START = re.compile(r"Chair|Presiding|Voices? from|[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z]\.")  # a cheap first look
_CHAIR_LABEL = re.compile(r"^(?:the )?(?:chairman|chairwoman|chairperson|chair|presiding|presiding officer)$",
                          re.IGNORECASE)
_FROM_THE_FLOOR = re.compile(r"^voices? from the (?:hall|floor)$", re.IGNORECASE)
# A radio transcript's role for the programme's own reporter ("KENT ASHBY, BYLINE:").
_BYLINE = re.compile(r"^byline$", re.IGNORECASE)
_PRESENTER_ROLE = re.compile(r"\b(anchor|host|presenter|moderator|correspondent|reporter)\b", re.IGNORECASE)
_META_LINE = re.compile(_META_LABEL.pattern + r"\s*:", re.IGNORECASE)
# A broadcaster's notice above its transcript: "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM ...",
# and who made an event's transcript ("Transcript by Federal News Service, Washington, D.C.").
_TRANSCRIPT_NOTICE = re.compile(r"\s*(?:THIS IS A RUSH TRANSCRIPT|THIS COPY MAY NOT BE IN ITS FINAL FORM|"
                                r"(?i:transcript (?:by|provided by|prepared by))\s+[A-Z])")
# A line of the publisher's contact details under a transcript: its address with a postcode ("10 St James's Square,
# London SW1Y 4LE", "Washington, DC 20036"), a telephone number, an e-mail or web address, a charity's number.
_CONTACT_LINE = re.compile(r"^(?:(?:[A-Z0-9][\w.'’&-]*|of|the|and|for|on|upon),?\s+)+"  # names and numbers
                           r"(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]{2}\s+\d{5}(?:-\d{4})?)\.?$"
                           r"|^\s*(?:T|Tel|Phone|F|Fax)\.?:?\s+\+?\(?\d[\d ()-]{6,}"
                           r"|^\s*\S+@\S+\.\w+|^\s*(?:www\.|https?://)\S+$"
                           r"|^\s*(?i:(?:charity|company) registration number|registered charity)")
_MEDIA_IN_LABEL = re.compile(r"\b(?:shimbun|news|tv|television|broadcasting|agency|radio|cctv|cgtn)\b", re.IGNORECASE)
_CORRESPONDENT_LABEL = re.compile(r"^(?:correspondent|our correspondent|voice[- ]over|narrator|narration)$",
                                  re.IGNORECASE)
# "Reporter (Tamaki):": a programme's reporter labelled by role with the surname in brackets.
_REPORTER_NAMED = re.compile(r"^(?:reporter|correspondent)\s*\((?P<name>[A-Z][a-z]+)\)$", re.IGNORECASE)
# A broadcaster's script says how a line is shot after its label ("CORRESPONDENT (voice-over):",
# "CORRESPONDENT (on camera, Yuzhno-Kurilsk pier):") and marks a recorded clip before its speaker ("SYNC, Marina
# Kolesnikova, resident:", "SOUNDBITE: ..."): neither is part of who speaks.
_SHOT = re.compile(r"\s*\((?:voice[- ]?over|v/?o|on camera|off camera|o/?c|in studio|on screen|sync)\b[^()]*\)\s*$",
                   re.IGNORECASE)
_CLIP_MARK = re.compile(r"^(?:sync|soundbite|sot|clip)\s*[,:]\s*", re.IGNORECASE)
# The Diet's minutes put the office first and the person in brackets ("Prime Minister (Naoto Kan)"), a
# seminar's transcript the part someone takes ("AUDIENCE MEMBER (Yuko Tanimura, Embassy of Japan)").
_OFFICE_THEN_NAME = re.compile(r"^(?P<office>[A-Z][\w.'’ -]{2,60}?)\s*\((?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})"
                               r"(?:,\s*(?P<rest>[^()]{1,100}))?\)$")
_OFFICE_WORDS = re.compile(r"\b(?:minister|secretary|president|premier|chair(?:man|woman|person)?|speaker|governor|"
                           r"ambassador|director|commissioner|witness|spokes(?:man|woman|person)|member|participant|"
                           r"panel(?:l)?ist|discussant|guest|questioner)\b", re.IGNORECASE)
# A label that names no one but an official's part in a sitting ("Government Witness", "Government Reference
# Witness"): the office in the brackets after it is the speaker.
_WITNESS = re.compile(r"^(?:(?:the )?government )?(?:reference )?witness$", re.IGNORECASE)
_HOST_LABEL = re.compile(r"^(?:host|presenter|interviewer|moderator|anchor)\b(?:\s*\([^)]{1,40}\))?$",
                         re.IGNORECASE)
# A label: a capital or "(" first, no sentence end, quote or digit run inside, then the colon.
_LABEL = re.compile(r"^(?P<label>[A-Z(][^:!?\"“”«»]{0,110}?)\s*:(?:\s+(?P<rest>\S.*))?$", re.DOTALL)
# "(Kyodo) Will the talks resume?": a question whose label is the asking outlet in brackets.
_OUTLET = r"\((?P<outlet>[A-Z][\w .&'’-]{1,40})\)"
_OUTLET_LABEL = re.compile(rf"^{_OUTLET}\s+\S")
_OUTLET_FIRST = re.compile(rf"^{_OUTLET}(?:\s|$)")     # "(Kyodo)", "(Nikkei Shimbun) Question"
_BRACKET_LABEL = re.compile(r"^\[(?P<label>[A-Z][^\[\]\n:]{0,100})\](?:\s+(?P<rest>\S.*))?$", re.DOTALL)
# A paragraph led by a dash: "- Is this news to you?", "— Not at all", Jiji's "--How do you view ...?", the
# Sankei's "―Should Japan still seek all four islands?" (a horizontal bar).
_DASH = re.compile(r"^(?:--|[–—―])\s*[^\s\d-]|^-\s+\S")
_TITLE_WORDS = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "h.e.", "minister", "foreign", "deputy",
                "prime", "chief", "cabinet", "secretary", "press", "spokesman", "spokeswoman", "spokesperson",
                "ambassador", "president", "vice", "senior", "state", "parliamentary", "director", "general",
                "director-general", "the", "of", "for", "affairs", "first"}
# The words of an office's title (not the honorifics or small words of ``_TITLE_WORDS``): a roster's line of them
# is a role, not a name ("Deputy Director General").
_ROLE_TITLE_WORDS = _TITLE_WORDS - {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "h.e.", "the", "of", "for"}
_STATEMENT_FIRST = re.compile(r"^(?:(?:joint\s+)?statement|comment|press\s+release|declaration|appeal|resolution)\b",
                              re.IGNORECASE)
_SAID_IN_A_STATEMENT = 0.1      # the share of a statement's sentences that may report what others said
# The share of an institution's own page that may report what its officials said and still be its statement:
# set 20's regional release, a fifth of whose sentences report, was coded as news by both coders; a release
# quoting its governor once in eight sentences stays the government's words (``tests/test_turns.py``).
_SAID_IN_A_RELEASE = 0.15
_STATEMENT_TITLE = re.compile(
    _STATEMENT_FIRST.pattern
    + r"|^(?:[\w'’.,-]+\s+){0,8}?(?:statement|comment)(?:\s+(?:by|of|on|regarding|concerning|in\s+connection)\b|\s*$)",
    re.IGNORECASE)
# "Statement by Foreign Minister HAYASHI Yoshimasa on the ...", "Comment of the Embassy of ...": who issues it.
_STATEMENT_BY = re.compile(r"^(?:[\w'’-]+\s+){0,3}?(?:statement|comment|remarks|message|speech|address)\s+"
                           r"(?:by|of|from)\s+(.{3,80}?)"
                           r"(?:\s+(?:on|to|at|before|regarding|concerning|about|in connection|in response)\b|$)",
                           re.IGNORECASE)
# A speech's title: "Remarks by Ambassador Rahm Emanuel at the ...", "Keynote Address by ...". A speech may say
# "said" ("We said it then, and we say it now") and is still its speaker's words throughout.
_SPEECH_TITLE = re.compile(r"^(?:(?:opening|closing|keynote|prepared|policy|video|welcoming)\s+)?"
                           r"(?:remarks|speech|address|message)\s+(?:by|of)\s+\S", re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|says|told|according to)\b")
# An office named without its country ("PRIME MINISTER", "the Foreign Minister"): the publisher's country's.
_BARE_OFFICE = re.compile(r"^(?:the\s+)?(prime\s+minister|foreign\s+minister|president)$", re.IGNORECASE)
# An office and a person's name after "by" in a title: "Prime Minister Taro Aso", "Foreign Minister Kono Taro".
_TITLED_NAME = re.compile(r"^(?:[A-Z][\w-]*\s+){1,4}[A-Z][a-z]+\s+[A-Z][a-z]+$")
# A title that names whose words follow: "Foreign Minister Sergey Lavrov's remarks and answers to media questions".
_SPEECH_NOUNS = "remarks|statement|speech|address|opening|answers|interview|briefing|press conference|news conference"
_TITLE_SPEECH = re.compile(rf"\b(?:{_SPEECH_NOUNS})\b", re.IGNORECASE)
# "Lavrov's remarks and answers ...", "Kishida's policy speech": a possessive that announces words.
_POSSESSIVE_SPEECH = re.compile(rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{_SPEECH_NOUNS}|comments?|message|article)\b",
                                re.IGNORECASE)
_POSSESSIVE_NAME = re.compile(r"((?:[A-Z][\w.-]*\s+){0,5}[A-Z][\w-]+)['’]s\b")
# Words that make a person's remarks the topic another answers ("Moscow responds to Suga's statement on ...").
_ANSWERED = re.compile(r"\b(?:respond|responds|reply|replies|react|reacts|answer|answers|rebuffs?|rejects?|slams?|"
                       r"dismiss(?:es)?|criticis(?:es|e)|criticiz(?:es|e))(?:\s+(?:to|on))?\s*$")
_INTERVIEWER = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+)\s+(?:spoke|talked)\s+(?:with|to)\b"
                          r"|\b((?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+)\s+(?:interviewed|sat down with)\b"
                          r"|\b(?:conducted|interviewed)\s+by\s+((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)\b")
_MAX_LABEL_WORDS = 12
# A word alone after an honorific, not followed by another name: "Mr. Sakurai" (not "Mr. Hiroshi Tanabe").
_HONOURED_NAME = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+([A-Z][\w'’-]+)\b(?!\s+[A-Z])")
# Where a sentence goes on to introduce another person by full name and role: ", and Yuko Kanemori, a ...".
_NEXT_GUEST = re.compile(r",?\s+and\s+(?=(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+,\s+(?:an?\s|the\s|"
                         r"(?!who\b|which\b|where\b|when\b)[a-z]))")
# What an outlet calls its own people when it introduces them by name.
_REPORTER_WORDS = r"correspondent|reporter|bureau chief"
# A programme naming its own correspondent: "Our Tokyo correspondent is Tom Ashdown", "Our correspondent Oleg
# Semyonov is in Yuzhno-Kurilsk".
_OWN_CORRESPONDENT = re.compile(r"\b[Oo]ur\s+(?:[A-Z][\w-]+\s+)?correspondent(?:\s+in\s+[A-Z][\w-]+)?,?\s+(?:is\s+)?"
                                r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\b")
# A person named after a preposition in a title is its topic ("Former ambassador sees no deal under Putin").
_TOPIC_PREPOSITION = re.compile(r"\b(?:under|to|for|against|about|from|on|after|before|than)\s+"
                                r"(?:[A-Z][\w.'’-]*\s+){0,3}$")
# Who interviews: "RT's Daria Belova sat down with ..." (not "NHK's Takeshi Yamada asked the chief cabinet
# secretary").
_INTERVIEWS = re.compile(r"\s+(?:sat down with|spoke with|speaks with|talked to|talks to|talked with|talks with|"
                         r"interviewed|interviews)\b")
# A title's tag that says who speaks: "..., ex-envoy says", "..., says Galuzin".
_SAYS_TAG = re.compile(r",[\"”’']?\s+(?:[\w'’.-]+\s+){0,4}(?:says|say|said)\.?$"
                       r"|,[\"”’']?\s+(?:says|said)\s+[^,]{2,60}$")
# A point of a list before a colon: "Second, the grave visits: ..." is no label.
_ENUMERATION = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Finally|Lastly|Secondly|Thirdly|Firstly),\s")
# Returned by a step of ``_Article.speaker`` that leaves the label to the next step (None means "no label").
_UNDECIDED = object()


def _name_before_role(line: str) -> str:
    """The name of a roster line that gives a role after a comma ("Michael Renner, Senior Fellow, Carnegie
    Endowment"), else the line: a sentence ("Ambassador Kozlov, thank you for joining us.") names no roster."""
    name, comma, role = line.partition(",")
    if comma and role.strip()[:1].isupper() and not line.rstrip().endswith((".", "?", "!")):
        return name.strip()
    return line


def _introduces(text: str, surname: str, name: re.Pattern) -> bool:
    """Whether a sentence that names ``surname`` may introduce them: not a label ("Senator Dzhabarov: Japan
    itself ..."), nor a question addressed to the person ("Dr. Volkova, is there anyone ..."), nor the roster's
    "Moderator: NAME, ..." (which leaves the moderator the programme's host), nor a turn that addresses them
    ("Anchor: Mr. Sakurai, Russia says ...")."""
    at = name.search(text)
    label = _label_of(text)
    return not (at is None or text.strip().startswith(surname) or text[at.end():].lstrip().startswith(":")
                or (label is not None and surname in label[0]) or _ROSTER_LINE.match(text.strip())
                or (_ADDRESSED.match(text[:at.end() + 1]) and text.rstrip().endswith("?"))
                or (label is not None and surname in (_HONOURED_ADDRESS.match(label[1]) or [""])[0]))


def _plain_label(label: str) -> str:
    """A label without how its line is shot ("(voice-over)") or a clip's mark ("SYNC,"), and with the Diet's
    office-first form turned name first ("Prime Minister (Naoto Kan)" -> "Naoto Kan, Prime Minister")."""
    label = _CLIP_MARK.sub("", _SHOT.sub("", label.strip()))
    captioned = _CAPTIONED.search(label)
    role_first = _ROLE_THEN_NAME.match(label[:captioned.start()]) if captioned else None
    if role_first and not (_PLACE_WORD.search(role_first.group("name"))
                           or role_first.group("role").split()[-1] in _PLACE_BEFORE):
        # "[Shop owner Sergei Lavrenko, captioned]": a recorded clip's speaker as the screen's caption gives
        # them, the role first; the name first as in every other label
        label = f"{role_first.group('name')}, {role_first.group('role')}"
    office_first = _OFFICE_THEN_NAME.match(label)
    if office_first and _OFFICE_WORDS.search(office_first.group("office")):
        rest = office_first.group("rest")
        label = f"{office_first.group('name')}, {rest + ', ' if rest else ''}{office_first.group('office')}"
    return label


_INITIALS_ONLY = re.compile(r"[A-Z]{2,3}")
# A broadcaster's script marks the speaker of a clip as captioned on screen ("[Valery Limarenko, governor of
# Sakhalin Region, captioned]"); the caption may give the role first ("Fish factory shift supervisor Natalya
# Gorbunova"), a role in lower case before a name of two or three capitalised words.
_CAPTIONED = re.compile(r"\s*(?:,\s*captioned|\(captioned\))$", re.IGNORECASE)
# (not a place the pictures show: "[Rally in Nemuro City, captioned]", "[Footage from Kunashir Island, captioned]")
_ROLE_THEN_NAME = re.compile(r"^(?P<role>[A-Z][a-z-]+(?:\s+[a-z][\w-]*)+)\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})$")
_PLACE_BEFORE = {"in", "from", "at", "on", "of", "near", "over", "off", "outside"}
_PLACE_WORD = re.compile(r"\b(?:City|Island|Islands|Port|Prefecture|Region|Street|Square|Bay|Strait|Airport|Harbou?r|"
                         r"Village|Town|District)$")
# Labels that abbreviate a part, not a name: master of ceremonies, prime or foreign minister, voice-over.
_LABEL_ABBREVIATIONS = frozenset({"MC", "PM", "FM", "VO", "DG", "QA"})
_FREELANCE = re.compile(r"\s*freelance\s*", re.IGNORECASE)
_SCRIPT_LABEL = re.compile(r"\s*(?:\[(?:anchor|correspondent|presenter|host)\]|[^:]{1,60}\((?:voice[- ]?over|v/?o|on camera)\b)",
                           re.IGNORECASE)
_HOST_WORDS = r"Host|(?:(?<=, )|(?<=podcast )|(?<=programme )|(?<=program )|(?<=show )|(?<=episode ))host|Presenter|Anchor|(?:[Oo]ur|[Tt]he|programme's|show's)\s+(?:host|presenter|anchor)"
# Between a paper's or agency's name and the person it sends: "Kyodo News ", "NHK's ".
_MEDIA_BEFORE_NAME = re.compile(r"(?:['’]s)?\s+(?:[A-Z][\w'’-]+\s+){0,2}")
# The longest question that heads a section of an institution's statement ("What happened in 1945?").
QUESTION_HEADING_WORDS = 12
_HONORIFIC = re.compile(r"\b(?:mr|ms|mrs|dr|prof)\.\s", re.IGNORECASE)      # "Mr. ", "DR. " in a label
# The Kremlin's transcripts give a speaker's initial before the surname: "D. Peskov:", "V. Putin:".
_INITIALS = re.compile(r"^(?:[A-Z]\.\s?){1,2}(?=[A-Z][a-z])")
# A page's link to its text in another language ("[Japanese]" under the Foreign Ministry's statements) names
# nobody.
_LANGUAGE_LINK = re.compile(r"(?i)(?:japanese|english|russian|chinese|korean|french|german|spanish)"
                            r"(?:\s+(?:version|text|page))?")
_SUBORDINATE_CLAUSE = re.compile(r"\b(?:when|after|before|since|until|because|while|although|though|who|which)\b")
# (a visiting post counts from the word "visiting", which ``vocab.located_side`` reads: a visiting post is not
# where the person is from)
_SCHOLAR = re.compile(r"\b(?:visiting\s+)?(?:teach(?:es|ing)|research(?:es|ing)|stud(?:ies|ying)|scholar|specialist|professor|"
                     r"lecturer|researcher|"
                     r"expert|analyst|fellow|academic|historian|orientalist|japanologist|sinologist|follows [\w-]+ relations|"
                     r"(?:school|institute|center|centre) (?:of|for) [\w ]{0,40}studies)s?\b",
                      re.IGNORECASE)
# A date and time line of a transcript ("27 April 2022 - 15:10", "8 February 2023 18:25"), an elision ("<…>"): headings, not words.
_NOT_WORDS = re.compile(r"^\W*$|^\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}(?:\s*[-–—,]?\s*\d{1,2}:\d{2})?\s*$"
                        r"|^\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\b.{0,90}$")
# An outlet whose interviews are a studio's: its questions are the host's; a newspaper's are its journalist's.
_BROADCASTER = re.compile(r"\b(?:TV|television|channel|radio|Rossiya(?:\s*\d+)?|NHK|BBC|CNN|Euronews|Vesti|"
                          r"Zvezda|NTV|TBS|Fuji|DW|Deutsche Welle|Al Jazeera|France 24|Sky News|CGTN|PBS|NPR|ABC|NBC|CBS|RT|"
                          r"Channel One|Rossiya 24|TV Asahi)\b", re.IGNORECASE)
# A presenter's words: the programme's welcome, the guest's introduction.
_PRESENTS = re.compile(r"\b(?:[Ww]elcome to|[Mm]y guests? (?:today|tonight|this week|now)|"
                       r"[Jj]oining (?:me|us) (?:now|today|tonight|from|are|is)|I['’]m joined (?:now |today |tonight )?by)\b")
_SPEAKER_MARK = re.compile(r"^\s*[○◯●◎■◆]\s*")
# "(Constitutional Democratic Party of Japan)" after a name in a label: the speaker's party or office.
_AFFILIATION = re.compile(r"\s*\(([^()]{2,80})\)")
# A note that the words under a label are an interpreter's ("PRESIDENT PUTIN: (Interpretation)").
_INTERPRETED = re.compile(r"^\(\s*(?:interpretation|interpreted|translation|via (?:an )?interpreter)\s*\)\.?$",
                          re.IGNORECASE)
# "(Laughter.)", "(Applause)": what the transcriber saw, the outlet's narration.
_STAGE_DIRECTION = re.compile(r"^\s*\((?:[A-Z][\w ,'’-]{1,40})\.?\)\.?\s*$")
_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[ivx]{1,4})[.)]?$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\(?(?:\d{1,2}|[ivx]{1,4})[.)]\s+", re.IGNORECASE)     # the number opening a section


class Voice(NamedTuple):
    """Who speaks one statement by the document's structure: ``speaker`` (None: the sentence rules decide)
    and whether the statement is a heading (a label line, a title: the outlet's narration)."""

    speaker: Actor | None
    heading: bool = False
    off_topic: bool = False     # in a turn that never touches the dispute or the other side (rule 3)
    quotes_kept: bool = False   # a statement's author: a person its sentence quotes by name speaks instead (rule 5)
    told: bool = False          # the speaker's words as the outlet tells them: reported unless quoted (rule 3)


class DocumentVoices(NamedTuple):
    genre: str
    voices: list          # a Voice per statement, in reading order


def _sentence_end(text: str) -> bool:
    """Whether ``text`` ends as a sentence does; a closing bracket only after such an end ("(Laughter.)"): a
    name with its organisation in brackets ("... Residents Association (Public Interest Incorporated
    Association)") is a heading."""
    text = text.rstrip()
    if text.endswith(")"):
        return text[-2:-1] in ".!?\"”»…'’"
    return text[-1:] in ".!?\"”»…'’"


def _is_heading(paragraph: str) -> bool:
    """A section heading or title line (short, no final punctuation, no colon at its end), numbered or not
    ("1. Opening Remarks" in the Foreign Minister's press conferences), or a paragraph number on its own ("1.",
    "(iv)")."""
    text = paragraph.strip()
    if _NUMBER.match(text):
        return True
    text = _NUMBERED.sub("", text, count=1)
    if text[:1] in "([" and text[-1:] in ")]" and _matching_bracket(text):
        return True        # "[Questions and Answers]", "(This interview was conducted by ...)"
    return (bool(text) and not _sentence_end(text) and text[-1] not in ":,;" and (text[0].isupper() or text[0] in "([")
            and len(text.split()) <= 16)


def _matching_bracket(text: str) -> bool:
    """Whether the bracket that opens ``text`` closes only at its end: the whole line is in brackets."""
    depth = 0
    for number, char in enumerate(text):
        depth += char in "([" and 1 or (char in ")]" and -1 or 0)
        if depth == 0:
            return number == len(text) - 1
    return False


def _name_and_role(label: str) -> tuple[str, str]:
    """A label split at its first comma outside brackets: "Mr. Motegi, Minister for Foreign Affairs" ->
    ("Mr. Motegi", "Minister for Foreign Affairs"); a comma inside "(Director-General, European Affairs
    Bureau)" stays in the name's bracket."""
    depth = 0
    for at, char in enumerate(label):
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            return label[:at], label[at + 1:]
    return label, ""


def _surname(name: str) -> str:
    """The surname a coder writes: the word in capitals of "HAYASHI Yoshimasa", else the last word."""
    words = [w.strip(".,") for w in name.split() if w.strip(".,")]
    words = [w for w in words if w.lower() not in _TITLE_WORDS] or words
    if not words:
        return ""
    capitals = [w for w in words if len(w) > 1 and w.isupper() and w.isalpha()]
    if len(capitals) == len(words):
        capitals = []                       # a label all in capitals ("KENJI ITO"): the last word, as in title case
    if len(words) > 1 and all(len(w) == 1 and w.isupper() for w in words[1:]):
        return words[0]                     # "Slutsky L. E.": the surname, then initials
    word = capitals[0] if capitals else words[-1]
    return word.capitalize() if word.isupper() else word


class _Article:
    """What the rules know of one article: its actors, its side (outlet or title) and the speakers met."""

    def __init__(self, actors: ActorIndex, outlet: str, title: str, statements=(), date: str = ""):
        self.actors = actors
        self.outlet, self.title, self.date = outlet, title, date
        self.statements = statements      # to find where a new speaker is introduced
        self.people: dict[str, Actor] = {}
        self.unintroduced: set[str] = set()   # speakers whose label and article give no side of their own
        self.scholars: set[str] = set()       # scholars introduced without a nationality or a place
        self.introductions: dict[str, str] = {}     # surname -> ``introduced_as``, asked once per article

    @functools.cached_property
    def side(self) -> str:
        """The side of the outlet, else of the title (asked only of a transcript or statement)."""
        return self._side_of(self.outlet) or side_named(self.title)

    def _side_of(self, text: str) -> str:
        """The side of the first actor or side word in ``text``, if a party (a foreign outlet names none):
        "Russian Embassy in Japan" is Russia's."""
        if not text:
            return ""
        found = [(m.start, m.actor.side) for m in self.actors.find(text)[:1]]
        first = first_side_word(text)
        found += [first] if first else []
        side = min(found)[1] if found else ""
        return side if side in PARTIES else ""

    def introduced_side(self, surname: str) -> str:
        """The side named nearest to the first sentence that names ``surname`` with more words ("Masaaki
        Tsuruta, a former senior official of Japan's Foreign Ministry"), or "". A scholar's or expert's
        introduction gives only a nationality before what they are ("a Japanese scholar"): its other side
        words name a subject ("a professor of Russian politics"); without one, the place it puts them in ("I'm
        joined from Tokyo by ...")."""
        # (or the full name in capitals, a roster's "HARUKA MORIYAMA, Professor ...")
        name = re.compile(rf"\b(?:{re.escape(surname)}|(?<=[A-Z] ){re.escape(surname.upper())})\b")
        texts = [statement.text for statement in self.statements]
        for number, text in enumerate(texts):
            if _introduces(text, surname, name):
                side = self._side_in_introduction(surname, name, texts, number)
                if side is not None:
                    return side
        return ""

    def _side_in_introduction(self, surname: str, name: re.Pattern, texts: list[str], number: int) -> str | None:
        """The side the sentence ``texts[number]`` gives the person it introduces, or None when it gives none
        (the next sentence that names them is read)."""
        text = texts[number]
        if number + 1 < len(texts) and _PRONOUN_ROLE.match(texts[number + 1]):
            # the role in the next sentence ("... we're joined now by Laura Bennington. She's a professor of
            # political science at the University of Wisconsin-Madison ...")
            text = f"{text} {texts[number + 1]}"
        role_lines = _role_lines(texts, number) if _NAME_LINE.match(text.strip()) else []
        if role_lines:
            # an event's list of speakers, a name on its line and the role on the lines after it ("Irina
            # Volkova" / "Associate Professor of Government, Georgetown University"; "HIROSHI NAKAGAWA" /
            # "Former Deputy Director-General, European Affairs Bureau" / "Ministry of Foreign Affairs of
            # Japan"); a government's institution in the role is whom the person served
            served = [side for line in role_lines for side in self._served_sides(line)]
            if served:
                return served[0]
            text = ", ".join([text.strip(), *role_lines])
        # A sentence introducing two guests gives each their own part ("Daniel Whitcomb, a scholar of Russian
        # foreign policy ..., and Hiroshi Tanabe, a former Japanese diplomat ...").
        listed = ";" in text
        text = next((part for part in _NEXT_GUEST.split(text) if name.search(part)), text)
        # an event's list of speakers gives each their own part ("Takeshi Imamura, Professor, Hokkaido
        # University; Anna Voronina, Nonresident Fellow, ..."), where a government's institution is whom the
        # person served ("Gregory Hale, Former Director for Japan, U.S. Department of State")
        part = next(part for part in text.split(";") if name.search(part))
        after = _SUBORDINATE_CLAUSE.split(part[name.search(part).end():], maxsplit=1)[0]
        served = self._served_sides(after) if listed else []
        if served and after.lstrip().startswith(","):
            return served[0]
        at = name.search(text)
        if _SCHOLAR.search(text):
            return self._scholar_side(surname, part)
        if surname in self.scholars:
            return None     # after a scholar's introduction without a side, only another scholar's gives one
        # A local office right before or after the name is of its place's side ("the head of the
        # Yuzhno-Kurilsky urban district, Vasily Solomko, about ... the Japanese delegations").
        local = local_office_side(text, max(0, at.start() - 80), at.end() + 80)
        if local in PARTIES:
            return local
        # A side word in a clause of its own names what happened, not who the person is ("Tamotsu
        # Nishikawa was 10 years old when Soviet soldiers came ashore").
        text = text[:at.start()] + _SUBORDINATE_CLAUSE.split(text[at.start():], maxsplit=1)[0]
        near = [(abs(m.start() - at.start()), side) for side, words in SIDE_WORD_REGEXES
                for m in words.finditer(text)]
        # "..., First Deputy Chairman of the Federation Council Committee": the institution's side.
        near += [(abs(m.start - at.start()), m.actor.side) for m in self.actors.find(text)
                 if m.actor.type in ("institution", "capital") and m.actor.side in PARTIES]
        return min(near)[1] if near else None

    def _served_sides(self, role: str) -> list[str]:
        """The sides of the government institutions a role names: whom the person served."""
        return [m.actor.side for m in self.actors.find(role) if m.actor.type == "institution" and m.actor.side in PARTIES]

    def _scholar_side(self, surname: str, introduction: str) -> str | None:
        """A scholar's side: the nationality the introduction gives, else the place of the academic post, before
        any place of a past one ("a former diplomat who served at the embassy in Moscow and now teaches at a
        university in Sapporo"), else the place of the clause that introduces them ("joined from Tokyo by"; not
        "Reiner reports from Tokyo, and historian Midori Asano explains"); None when it gives none (a later
        introduction may: "She teaches ... at the University of Washington"), and the scholar is remembered
        (``scholars``)."""
        nationality = _nationality(introduction)
        if nationality:
            return nationality
        post = _SCHOLAR.search(introduction)
        at = max(introduction.find(surname), 0)
        clause = introduction[introducing_clause_start(introduction, at):]
        side = (located_side(introduction[post.start():]) if post else "") or located_side(clause)
        if not side:
            self.scholars.add(surname)
        return side or None

    def family_name(self, name: str) -> str:
        """The first word of a Japanese name in title case written family name first, or "" (the last word is
        the surname of "Ayaka Morita"): where the article says "Mr. Sakurai" ("Sakurai Kenzo"), or in a Japanese
        outlet's page when the words end as family and given names do (NHK's "Morita Ayaka",
        ``vocab.family_name_first``)."""
        words = name.split()
        if len(words) != 2 or any(word.isupper() for word in words) or name_side(name) != "japan":
            return ""
        if words[0] in self.honoured or (family_name_first(name) and self._side_of(self.outlet) == "japan"):
            return words[0]
        return ""

    @functools.cached_property
    def honoured(self) -> set[str]:
        """The words the article puts alone after "Mr.", "Ms.", "Mrs." or "Dr." (surnames: "Mr. Sakurai")."""
        return {found.group(1) for statement in self.statements for found in _HONOURED_NAME.finditer(statement.text)}

    @functools.cached_property
    def statement_labels(self) -> list[tuple[str, str] | None]:
        """Each statement's label and the words after it (``_label_of``), read once for the rules that survey
        the whole article."""
        return [_label_of(statement.text) for statement in self.statements]

    @functools.cached_property
    def initials(self) -> dict[str, str]:
        """The initials of the people labelled by full name ("Mikhail Galuzin:" -> "MG"): an interview that
        names its speakers in full once labels them by initials after ("MG: Because that is not ...")."""
        found: dict[str, str] = {}
        used_before: set[str] = set()       # initials labelling someone before any full label ("MC: Welcome.")
        for label in self.statement_labels:
            words = label[0].split() if label is not None else []
            if label is not None and _INITIALS_ONLY.fullmatch(label[0]) and label[0] not in found:
                used_before.add(label[0])
            if 2 <= len(words) <= 3 and all(word[:1].isupper() and word[1:].islower() for word in words):
                found.setdefault("".join(word[0] for word in words), label[0])
        return {initials: name for initials, name in found.items()
                if initials not in used_before and initials not in _LABEL_ABBREVIATIONS}

    @functools.cached_property
    def broadcast_script(self) -> bool:
        """Whether the article is a broadcaster's script: its labels in square brackets ("[Anchor] Good
        evening.") or with how a line is shot ("CORRESPONDENT (voice-over):"), the outlet's report read by its
        people, rather than the transcript of a programme whose people speak in turns."""
        return any(_SCRIPT_LABEL.match(statement.text) for statement in self.statements)

    @functools.cached_property
    def own_correspondent(self) -> str:
        """The surname of the correspondent a programme with a presenter introduces by name ("Our Tokyo
        correspondent is Tom Ashdown.", "Our correspondent Artyom Zhukov reports from Iturup."), or ""."""
        named = {_surname(found.group("name")) for statement in self.statements
                 for found in _OWN_CORRESPONDENT.finditer(statement.text)}
        # (two correspondents named leave the label open; without a presenter's label the correspondent is the
        # one who interviews: "Correspondent:" asking a governor whose answers carry no label)
        presenter = any(label is not None and _HOST_LABEL.match(label[0]) for label in self.statement_labels)
        return named.pop() if len(named) == 1 and presenter else ""

    def introduced_as(self, surname: str) -> str:
        """"reporter" when the article introduces ``surname`` as its own reporter ("Our Tokyo correspondent
        Harriet Cole is in Nagato", "our reporter in Nemuro, Kenji Mori"), "host" as its programme's host
        ("Host Alison Marsh speaks with ...", "moderated by Director General of TASS Pavel Voronin"), "media" as
        a paper's or agency's person ("President of Kyodo News Takashi Mizuno"), else ""."""
        if not surname[:1].isupper():
            return ""
        if surname not in self.introductions:
            self.introductions[surname] = self._introduced_as(surname)
        return self.introductions[surname]

    def _introduced_as(self, surname: str) -> str:
        introduced = re.compile(rf"(?<!\ba )(?<!\ban )\b(?:(?P<reporter>{_REPORTER_WORDS})|(?P<host>{_HOST_WORDS}))\b"
                                rf"(?:\s+in\s+[A-Z][\w-]+)?,?\s+(?:[A-Z][\w'’-]+\s+){{0,2}}{re.escape(surname)}\b"
                                rf"|(?P<moderated>moderated by)\s+(?:(?:[A-Z][\w'’.-]*|of|the)\s+){{0,8}}?"
                                rf"{re.escape(surname)}\b")
        surname_at = re.compile(rf"\b{re.escape(surname)}\b")
        for statement in self.statements:
            found = introduced.search(statement.text)
            if found:
                return "reporter" if found.group("reporter") else "host"
            # a news agency's or paper's person asks for it ("President of Kyodo News Takashi Mizuno")
            named = [at.start() for at in surname_at.finditer(statement.text)]
            media = [m for m in self.actors.find(statement.text) if m.actor.type == "newspaper"] if named else []
            before = [m for m in media if any(_MEDIA_BEFORE_NAME.fullmatch(statement.text, m.end, start)
                                              for start in named)]
            if before:
                # (a broadcaster's own person interviewing for it, "RT's Daria Belova sat down with ...", is the
                # programme's host, as coders code a broadcaster's interviewer)
                own = {m.actor for m in self.actors.find(self.outlet or "")}
                interviews = any(_INTERVIEWS.match(statement.text, at) for at in
                                 (found.end() for found in surname_at.finditer(statement.text)))
                return ("host" if _BROADCASTER.search(self.outlet or "") and before[0].actor in own and interviews
                        else "media")
        return ""

    def _known_person(self, name: str) -> bool:
        """Whether the actors table knows the person a label names ("Vladimir Putin")."""
        return any(m.actor.type == "person" for m in self.actors.find(name.title() if name.isupper() else name))

    @functools.cached_property
    def roster_moderators(self) -> set[str]:
        """The surnames an event's roster lists under its moderator's heading ("Moderator:" / "MICHAEL CARVER" /
        "Senior Fellow, ...", also "Moderator:" / "Michael Renner, Senior Fellow, ...")."""
        texts = [_name_before_role(statement.text.strip()) for statement in self.statements]
        return {_surname(name.title() if name.isupper() else name)
                for heading, name in zip(texts, texts[1:]) if _MODERATOR_HEADING.match(heading)
                and _NAME_LINE.match(name) and not _INSTITUTION_WORD.search(name)}

    @functools.cached_property
    def interviewers(self) -> set[str]:
        """The surnames of those the article introduces as its interviewers ("VOA's Martin Kessler spoke with
        Laura Brennan ...", "Anna Petrova interviewed the minister", "The interview was conducted by Martin
        Kessler"): the host of an interview, when their turns mostly ask."""
        return {_surname(next(name for name in found.groups() if name)) for statement in self.statements
                for found in _INTERVIEWER.finditer(statement.text)}

    def speaker(self, label: str) -> Actor | None:
        """The actor a label names (rule 1), or None when it is not a label. The label is read in turn as a
        part in the proceedings (a question, the host, a parliament's chair ...), as one of the programme's or
        the press's own people, as a person with an affiliation in brackets, as a person or institution the
        actors table knows, and last as a new person of the article."""
        label = _plain_label(label)
        if _INITIALS_ONLY.fullmatch(label) and label in self.initials:
            return self.speaker(self.initials[label])   # "MG:" after "Mikhail Galuzin:"
        found = self._speaker_by_part(label)
        if found is not _UNDECIDED:
            return found
        name, role = _name_and_role(label)
        found = self._programme_person(label, name, role)
        if found is not _UNDECIDED:
            return found
        name, role, found = self._affiliated(label, name, role)
        if found is not _UNDECIDED:
            return found
        return self._known_in_label(label, name) or self.office_named(label) or self._new_person(name, role)

    def _speaker_by_part(self, label: str):
        """The speaker a label names by the part they take (a question, the host, the correspondent, an answer,
        an interpreter, a parliament's chair or a voice from its floor), None for a label that names nobody, or
        ``_UNDECIDED``."""
        bracket = _OUTLET_FIRST.match(label)
        if bracket:
            # "(Kyodo)", "(Reporter) Mr. Takeuchi, NHK", "(Moderator)", "(Prime Minister Kishida)": who is in
            # the brackets; a bracket that names nobody ("(Reference) Overview of the visit") is no label.
            inner = bracket.group("outlet").strip()
            if _QUESTION_LABEL.match(inner) or self._is_media(inner):
                return JOURNALIST
            if _HOST_LABEL.match(inner):
                return HOST
            known = [m.actor for m in self.actors.find(inner) if m.actor.type in ("person", "institution")]
            return self._holder_of(known[0]) if known else None
        reporter = _REPORTER_NAMED.match(label)
        if reporter and _BROADCASTER.search(self.outlet) and self.introduced_as(reporter.group("name")) == "reporter":
            # "Reporter (Tamaki):" after "Our reporter Yuka Tamaki from HTB is also in Nemuro": the programme's
            # own reporter, by the surname the label gives, as a labelled correspondent
            name = reporter.group("name")
            return self.people.setdefault(name, Actor(name, "other", "journalist"))
        if _QUESTION_LABEL.match(label):
            return JOURNALIST
        if _CORRESPONDENT_LABEL.match(label):
            # "CORRESPONDENT:" after "Our Tokyo correspondent is Tom Ashdown": the programme's own reporter
            # speaks in turns, as coders code a labelled turn (their own words, of no side); a correspondent the
            # programme never names, and one in a broadcaster's script ("[Correspondent] ...",
            # "CORRESPONDENT (voice-over): ..."), reports in the outlet's voice.
            reporter = self.own_correspondent
            if reporter and not self.broadcast_script and not label.lower().startswith(("voice", "narrat")):
                return self.people.setdefault(reporter, Actor(reporter, "other", "journalist"))
            return CORRESPONDENT
        if _HOST_LABEL.match(label):
            return self._moderator() if label.lower().startswith("moderator") else HOST
        if _ANSWER_LABEL.match(label):
            return ANSWER
        if _INTERPRETER_LABEL.match(label):
            return INTERPRETER
        if (_META_LABEL.match(label) or _LANGUAGE_LINK.fullmatch(label) or len(label.split()) > _MAX_LABEL_WORDS
                or not label[:1].isupper()):
            return None
        if self._is_outlets_initials(label):
            return JOURNALIST       # "RG:" in Rossiyskaya Gazeta's interview: the newspaper asks
        parliament = self.parliament()
        if parliament and _CHAIR_LABEL.match(label):
            chair = self.chair_of(parliament.group(0))
            if chair is not None:
                return chair
            # a chair the table does not name is of the parliament's side ("National Diet" in the title)
            return self.people.setdefault(_surname(label), Actor(_surname(label), self.parliament_side(), "person"))
        if parliament and _FROM_THE_FLOOR.match(label):
            return self.people.setdefault(label, Actor(label.capitalize(), self._side_of(parliament.group(0))
                                                       or self.side or "other", "generic"))
        return _UNDECIDED

    def _programme_person(self, label: str, name: str, role: str):
        """A label naming one of the programme's or the press's own people (a reporter, the host, a paper's
        person who asks), or ``_UNDECIDED``."""
        person = _AFFILIATION.sub("", name)             # "ANTON SHELEST (Iturup)": where he reports from
        surname = (self.family_name(person) or _surname(person.title() if person.isupper() else person)
                   if person.strip() else "")
        # (a role in the label decides, and so does the actors table for a person it knows)
        introduced_as = "" if role.strip() or self._known_person(person) else self.introduced_as(surname)
        if surname and (_BYLINE.match(role.strip()) or introduced_as == "reporter"):
            # "KENT ASHBY, BYLINE:" in a radio transcript, or "HARRIET COLE:" introduced as "Our Tokyo
            # correspondent Harriet Cole": the programme's own reporter, named as coders name them, reporting
            # and asking for the programme, of no side (the place they report from is not theirs)
            return self.people.setdefault(surname, Actor(surname, "other", "journalist"))
        if introduced_as == "host":
            return self.people.setdefault(surname, HOST)     # "Host Alison Marsh speaks with ..."
        if introduced_as == "media":
            # a paper's or agency's person, who asks for it at another's event ("President of Kyodo News Takashi
            # Mizuno"): a journalist, as the coding guide names those who ask
            return self.people.setdefault(surname, JOURNALIST)
        presenter = _PRESENTER_ROLE.search(role)
        if presenter and name.strip():
            # "ROSALIND PIERCE, CNN ANCHOR", "MARCUS LOWE, CNN CORRESPONDENT (voice over)": the programme's own
            # people ask and report; their surnames label them later too.
            asker = HOST if presenter.group(1).lower() in ("anchor", "host", "presenter", "moderator") else JOURNALIST
            self.people.setdefault(surname, asker)
            return asker
        titled = label.title() if label.isupper() else label       # "NATALIA SOROKINA, BLOOMBERG"
        if _FREELANCE.fullmatch(role) or any(self._names_media(form) or self._media_in(form) for form in {label, titled}):
            # (also a reporter of no outlet: "Ueda, Freelance:" in a minister's press conference)
            # The reporter's name labels their later questions too ("SOROKINA:").
            names = [part.strip() for part in titled.split(",")[:2] if part.strip() and not self._is_media(part.strip())]
            person = _surname(names[0]) if "," in titled and names else ""
            if person:
                self.people.setdefault(person, JOURNALIST)
            return JOURNALIST
        return _UNDECIDED

    def _affiliated(self, label: str, name: str, role: str) -> tuple:
        """(name, role, speaker or ``_UNDECIDED``) of a label with an affiliation in brackets: the person and the
        office or party, which the Diet's minutes write either way round; an official the minutes name by office
        alone is decided here."""
        affiliation = _AFFILIATION.search(name)
        if not affiliation:
            return name, role, _UNDECIDED
        name, role = _AFFILIATION.sub("", name), f"{affiliation.group(1)}, {role}"
        if _CAPITALISED_NAME.search(affiliation.group(1)) and not _CAPITALISED_NAME.search(name):
            # The Diet's "The Chairperson (Mr. KAWANO Yoshihiro)", "Government Witness (NAKAMURA Ryo)": the
            # person is in the brackets, the office outside; in "NISHIDA Kazuya (LDP)" the person is outside,
            # the party in the brackets.
            name, role = affiliation.group(1), f"{_AFFILIATION.sub('', _name_and_role(label)[0])}, {role}"
        elif _WITNESS.match(name.strip()):
            # "Government Witness (Director-General of the European Affairs Bureau, Ministry of Foreign
            # Affairs)": the minutes name the official by office alone, in the brackets.
            office = _name_and_role(affiliation.group(1))[0].strip()
            if office not in self.people:
                # (the Diet's minutes alone call officials "Government Witness": Japan's, unless the office
                # names another country)
                self.people[office] = Actor(office, side_named(affiliation.group(1)) or "japan", "person")
            return name, role, self.people[office]
        return name, role, _UNDECIDED

    def _known_in_label(self, label: str, name: str) -> Actor | None:
        """The person the actors table knows in a label, else the institution it knows in the label's name
        part. A label in capitals ("CHIEF CABINET SECRETARY HAYASHI") names the person as its title case does;
        an institution in a role after the name ("Slutsky L. E., LDPR faction") does not speak."""
        mentions = self.actors.find(label.title() if label.isupper() else label)
        in_name = self.actors.find(name.title() if name.isupper() else name)
        for kind in ("person", "institution"):
            for mention in (mentions if kind == "person" else in_name):
                if mention.actor.type == kind:
                    return self._holder_of(mention.actor)
        return None

    def _new_person(self, name: str, role: str) -> Actor | None:
        """A person the actors table does not know, by surname, with the side the label's role, the publisher,
        the article's introduction or the name gives (the module's last paragraph); None when the name part is
        not a name."""
        # A lower-case word is a title's ("Minister for Foreign Affairs"), or the "and" of an office the Diet's
        # minutes write before the surname in capitals ("Minister of State for Okinawa and Northern Territories
        # Affairs MIYAKOSHI Mitsuhiro").
        in_capitals = _CAPITALISED_NAME.search(name) is not None
        if not all(w[:1].isupper() or w.lower() in _TITLE_WORDS or (w == "and" and in_capitals) for w in name.split()):
            return None
        surname = self.family_name(name) or _surname(name)
        if not surname or not surname[:1].isupper():
            return None
        if surname not in self.people:
            # A ministry's own transcript names its spokesman by office alone ("Mr. Mitsuo Sakaba, Press
            # Secretary"): the publisher's side, before a side a question addressed to him names.
            side = _role_side(role.title() if role.isupper() else role, self.actors)  # "JAPANESE AMBASSADOR"
            if not side:
                publisher = self.publisher()
                introduced = self.introduced_side(surname)
                side = (publisher.side if publisher is not None and publisher.side in PARTIES else "") or introduced
                if side and name_side(name) not in ("", side):
                    # but a guest of the other side at the publisher's event ("Shinichi Moriyama (retranslated)"
                    # on kremlin.ru) is of the side the article introduces them with, else of their name's
                    side = introduced or name_side(name)
                if not introduced and not role.strip():
                    self.unintroduced.add(surname)      # a role in the label introduces ("(Tom Reilly, MA student)")
            # (nor a side word of the title for a scholar the article gives no nationality or place: they are
            # of no party, unless the outlet is one party's, whose guests are mostly its own people)
            home = self._side_of(self.outlet) or "other" if surname in self.scholars else self.side
            if not side and self.parliament() is not None:
                home = self.parliament_side()   # a member the minutes name ("○Member Hanamura:") sits in it
            self.people[surname] = Actor(surname, side or home or "other", "person")
        return self.people[surname]

    def office_named(self, label: str) -> Actor | None:
        """The office a label or title names without its country ("PRIME MINISTER:" on the Prime Minister's
        Office's page, "Statement by the Foreign Minister" on a ministry's): the one of the side of the outlet
        (else the title), its holder on the article's date when ``data/office_holders.csv`` gives one."""
        bare = _BARE_OFFICE.match(label.strip())
        nationality = {"japan": "Japanese", "russia": "Russian"}.get(self.side)
        if bare is None or nationality is None:
            return None
        for mention in self.actors.find(f"{nationality} {bare.group(1)}"):
            if mention.actor.type in ("person", "institution"):
                return self._holder_of(mention.actor)
        return None

    def _holder_of(self, actor: Actor) -> Actor:
        """The person who held the office a label names alone on the article's date ("CHIEF CABINET
        SECRETARY:" in January 2019 is Suga; ``data/office_holders.csv``), else the actor itself."""
        return self.actors.in_office(actor, self.date)

    def _moderator(self) -> Actor:
        """Who moderates a press conference: on a government's own page (the Prime Minister's Office, a
        ministry) its press officer, of the government's side; elsewhere the host of the programme."""
        publisher = self.publisher()
        if publisher is not None and publisher.side in PARTIES:
            return self.people.setdefault("Moderator", Actor("Moderator", publisher.side, "generic"))
        return HOST

    def chair_of(self, parliament: str) -> Actor | None:
        """Who chairs a parliament's sitting when its stenogram says only "Chairman.": the person whose role in
        ``data/actors.csv`` is that parliament's speaker or chair ("speaker of the state duma"), if any."""
        for role in (f"speaker of the {parliament}", f"chairman of the {parliament}",
                     f"chairwoman of the {parliament}"):
            people = [m.actor for m in self.actors.find(role) if m.actor.type == "person"]
            if people:
                return people[0]
        return None

    def parliament(self) -> re.Match | None:
        """The parliament whose record the article is, named in its outlet or title ("House of Representatives"),
        or None."""
        return _PARLIAMENT_NAME.search(f"{self.outlet} {self.title}")

    def parliament_side(self) -> str:
        """The side of the parliament whose record the article is ("National Diet" in the title), else the
        outlet's side, else "other"."""
        return self._side_of(f"{self.outlet} {self.title}") or self.side or "other"

    def publisher(self) -> Actor | None:
        """The institution of ``data/actors.csv`` the outlet is (a ministry's or the Kremlin's site), or None."""
        for mention in self.actors.find(self.outlet) if self.outlet else []:
            if mention.actor.type == "institution":
                return mention.actor
        return None

    def _is_outlets_initials(self, label: str) -> bool:
        """Whether a label is the initials of the outlet's name ("RG" in Rossiyskaya Gazeta)."""
        words = [w for w in re.findall(r"[A-Za-z]+", self.outlet) if w[:1].isupper()]
        return 2 <= len(label) <= 5 and label.isupper() and label == "".join(w[0] for w in words)[:len(label)] \
            and len(words) >= len(label)

    def _is_media(self, text: str) -> bool:
        """Whether ``text`` is a newspaper, agency or broadcaster: one of ``data/actors.csv`` or a name with a
        media word ("Hokkaido Shimbun", "Fuji TV")."""
        mentions = self.actors.find(text)
        return bool(mentions and mentions[0].actor.type == "newspaper") or bool(_MEDIA_WORDS.search(text))

    def _media_in(self, label: str) -> bool:
        """Whether a label names a newspaper, agency or broadcaster before its person ("Kyodo News President
        Hiroshi Tamura", "TASS Director General Sergei Mikhailov"): the head of a newspaper asks."""
        return (any(m.actor.type == "newspaper" for m in self.actors.find(label))
                or bool(_MEDIA_IN_LABEL.search(label)))

    def _names_media(self, label: str) -> bool:
        """Whether a label names a newspaper, agency or broadcaster in one of its comma-separated parts
        ("NHK, Tanaka", "Tanaka, NHK"): a reporter asks, whatever the reporter's name."""
        parts = [part.strip() for part in label.split(",")]
        if len(parts) < 2:
            mentions = self.actors.find(label)
            return bool(mentions and mentions[0].actor.type == "newspaper" and mentions[0].start == 0
                        and mentions[0].end >= len(label) - 1) or bool(_MEDIA_LAST_WORD.search(label))
        for part in parts:
            mentions = self.actors.find(part)
            if (mentions and mentions[0].actor.type == "newspaper"
                    and mentions[0].end - mentions[0].start >= len(part) - 1) or _MEDIA_WORDS.search(part):
                return True
        return False

    def author(self, speaker: str, outlet: str, title: str) -> Actor | None:
        """Who speaks a statement (rule 5). A person's statement names them after "by" or "of" in its title
        ("Statement by Foreign Minister HAYASHI Yoshimasa on ...")."""
        by = _STATEMENT_BY.search(title)
        if not speaker and by:
            # (a surname in capitals, as the Japanese government writes it: "Address by Prime Minister KISHIDA")
            titled = _CAPITALISED_NAME.sub(lambda word: word.group(0).title(), by.group(1))
            for mention in [*self.actors.find(by.group(1)), *self.actors.find(titled)]:
                if mention.actor.type in ("person", "institution"):
                    return self._holder_of(mention.actor)     # "Statement by the Chief Cabinet Secretary"
            office = self.office_named(by.group(1))           # "Statement by the Foreign Minister"
            if office is not None:
                return office
            if _TITLED_NAME.match(by.group(1)):        # "Policy Speech by Prime Minister Taro Aso to the Diet"
                named = self.speaker(by.group(1))
                if named is not None and named not in (JOURNALIST, HOST, ANSWER, CORRESPONDENT):
                    return named
        for text in (speaker, outlet, title):
            for mention in self.actors.find(text) if text else []:
                if mention.actor.type == "institution":
                    return mention.actor
        if speaker:
            return Actor(speaker, self._side_of(speaker) or self.side or "other", "institution")
        if self.outlet and not self._is_media(self.outlet) and all(
                mention.actor.type == "generic" for mention in self.actors.find(self.outlet)):
            # an organisation that publishes its own appeal ("Chishima and Habomai Islands Residents Association"),
            # of the side of the place it is in ("City of Nemuro")
            return Actor(self.outlet, self.side or place_named(self.outlet) or "other", "institution")
        return self.actors.ministries.get(self.side)


def _label_of(text: str) -> tuple[str, str] | None:
    """(label, the text after it) of a paragraph's first sentence, or None. The mark that opens a speaker's
    paragraph in the Diet's minutes ("○Prime Minister Fumio Kishida:") is not part of the label. A label may
    stand in square brackets instead of before a colon, as in the Prime Minister's Office's transcripts
    ("[Prime Minister Abe]" on a line of its own) and in broadcasters' scripts ("[Anchor] Good evening.")."""
    text = _SPEAKER_MARK.sub("", text, count=1)
    bracketed = _BRACKET_LABEL.match(text.strip())
    if bracketed:
        return bracketed.group("label").strip(), bracketed.group("rest") or ""
    if ":" not in text[:120] and not text.startswith("("):
        return None
    match = _LABEL.match(text.strip())
    if match is None:
        outlet = _OUTLET_LABEL.match(text.strip())
        return (f"({outlet.group('outlet')})", text.strip()[outlet.end() - 1:]) if outlet else None
    label, rest = match.group("label"), match.group("rest") or ""
    if _INTERPRETED.match(rest):
        rest = ""       # "PRESIDENT PUTIN: (Interpretation)": a label on a line of its own, the words below it
    if _ENUMERATION.match(label):
        return None     # a point of a list ("Second, the grave visits: the former islanders are ...")
    if len(label.split()) > _MAX_LABEL_WORDS or re.search(r"\d{3,}|[.;]\s",
                                                         _INITIALS.sub("", _HONORIFIC.sub("", label))):
        return None
    if label.isupper() and rest.isupper() and len(rest.split()) > 2:
        return None     # a title in capitals ("EIGHTY YEARS ON: JAPAN, RUSSIA, AND THE KURIL ISLANDS DISPUTE")
    if _ADDRESS_AFTER_NAME.search(label):
        return None     # a person addressed before a question ("Daniel Whitcomb, let me start with you: how ...?")
    if sum(word.islower() and word not in _LABEL_SMALL_WORDS for word in re.findall(r"[A-Za-z]+", _ROLE_AFTER.split(
            label, maxsplit=1)[0])) > 3:
        return None     # a clause before a colon ("The Russian side read the same document differently: ...")
    return label, rest


# Words that turn to a person after their name, where a label would give a role.
_ADDRESS_AFTER_NAME = re.compile(r",\s*(?:[Ll]et me|[Ll]et's|[Pp]lease|[Tt]hank you|I|[Ww]e|[Yy]ou|[Ww]hat|[Hh]ow|"
                                 r"[Ww]hy)\b")
# What follows a subheading's colon when it is one quoted phrase, not a sentence, with nothing after the closing
# mark ('Senators: "A ritual for a domestic audience"'); a turn may open with a quoted sentence ('HANZAWA Michiko:
# "Refrain from going into further detail." ...').
_QUOTED_HEADING = re.compile(r"[\"“«][^\"“”«»]{0,120}[^\"“”«».!?…][\"”»]")
# Small words of a label's name or office ("Question from the floor", "Minister for Foreign Affairs of Japan");
# what follows a comma or a bracket is a role ("Serviceman (captain, name withheld for security reasons)").
_LABEL_SMALL_WORDS = {"of", "for", "and", "the", "from", "on", "in", "at", "to", "a", "an", "with", "by"}
_ROLE_AFTER = re.compile(r"[(,]")


def _nationality(text: str) -> str:
    """The side of a nationality before what a person is ("a Japanese scholar"), or ""."""
    found = NATIONALITY_ROLE.search(text)
    return NATIONALITY_SIDES[found.group(1)] if found else ""


def _role_side(role: str, actors: ActorIndex) -> str:
    """The side a label's role gives its person: the side it names ("Japanese Ambassador to the Russian
    Federation"), a scholar's nationality alone ("Scholar of Russian Foreign Policy" names a subject), or the
    side of a group it names ("Former Island Resident"); else ""."""
    if _SCHOLAR.search(role):
        return _nationality(role)
    return side_named(role) or next((m.actor.side for m in actors.find(role.lower())
                                     if m.actor.type == "generic" and m.actor.side in PARTIES), "")


def _stenogram_label(statements, rows) -> tuple[str, str] | None:
    """The label of a Russian parliament's stenogram opening a paragraph ("Slutsky L. E., LDPR faction.",
    "Chairman."), read from its first two sentences (the initials may end the first), or None."""
    first = statements[rows[0]].text
    if len(first) > 120 or not first.rstrip().endswith(".") or not _STENOGRAM_START.match(first):
        return None
    opening = " ".join(statements[i].text for i in rows[:2])
    found = _STENOGRAM_LABEL.match(opening)
    if found is None:
        return None
    if found.group("chair"):
        return found.group("chair"), ""
    # (a long office, "Chairman of the Committee on CIS Affairs, ..., CPRF faction", is cut to its last words, the
    # faction, so that the label keeps to a label's length)
    faction = " ".join((found.group("faction") or "").split(",")[-1].split()[-6:])
    return ", ".join(part for part in (found.group("name"), faction) if part), ""


def document_voices(statements, actors: ActorIndex, *, genre: str = "", outlet: str = "",
                    speaker: str = "", date: str = "") -> DocumentVoices:
    """The genre of one article and who speaks each of its statements by its structure (rules 1-6).

    Args:
        statements: the article's statements in reading order, each with text, para_idx, is_headline.
        actors: the actors of ``data/actors.csv``.
        genre, outlet, speaker, date: the article's metadata ("" when not given).
    """
    paragraphs: list[list[int]] = []
    for number, statement in enumerate(statements):
        if not paragraphs or statements[paragraphs[-1][0]].para_idx != statement.para_idx:
            paragraphs.append([])
        paragraphs[-1].append(number)
    firsts = [statements[rows[0]].text for rows in paragraphs]
    title = _document_title(statements, paragraphs)
    article = _Article(actors, outlet, title, statements, date)
    speakers = _labelled_speakers(article, statements, paragraphs, firsts)
    main = _title_speaker(title, article) if any(speakers) or genre else None
    lasts: list[str] = []           # each paragraph's last sentence
    asked: list[int] = []           # the paragraphs that ask (rule 2's interview printed without labels)
    for number, (first, rows) in enumerate(zip(firsts, paragraphs)):
        last = first if len(rows) == 1 else statements[rows[-1]].text
        lasts.append(last)
        if number and "?" in last[-4:] and _asks(rows, last):
            asked.append(number)
    # Dash-led paragraphs make an interview when one of them asks; a release's dashed list of participants or of
    # their views ("- A former resident of Shikotan Island said ...") asks nothing.
    dashed = [rows for first, rows in zip(firsts[1:], paragraphs[1:]) if _DASH.match(first)]
    dash_interview = len(dashed) >= 3 and any("?" in statements[i].text for rows in dashed for i in rows)
    unlabelled = _unlabelled_interview(asked, paragraphs, statements, speakers, firsts)
    genre = genre or _detect_genre(title, speakers, statements, main, article.publisher, unlabelled or dash_interview)
    if unlabelled and genre == "interview":
        asked = _questions_between_answers(asked, paragraphs, statements)
    signed = _signed_by(title, article, statements)
    if genre == "news" and signed is not None and not any(speakers[1:]):
        genre = "statement"
    voices = [Voice(None)] * len(statements)
    if genre in ("news", ""):
        _said_as_follows(paragraphs, firsts, lasts, voices, article)
        return DocumentVoices(genre or "news", voices)
    texts = [title] + [" ".join(statements[i].text for i in rows) for rows in paragraphs[1:]]
    if genre == "statement":
        author = signed if signed is not None and not speaker else article.author(speaker, outlet, title)
        if author is not None:
            _authors_words(paragraphs, texts, voices, author)
    elif genre in ("transcript", "interview"):
        guest = _turns(paragraphs, texts, speakers, voices, statements, article, speaker, main, set(asked))
    _said_as_follows(paragraphs, firsts, lasts, voices, article)
    _mark_headings(statements, voices, article)
    if genre in ("transcript", "interview") and len(paragraphs[0]) == 1:
        _title_told_by_guest(title, paragraphs[0][0], voices, article, guest)
    return DocumentVoices(genre, voices)


def _title_told_by_guest(title: str, row: int, voices: list, article: _Article, guest) -> None:
    """An interview's title that tells what its guest says ("INTERVIEW: Time running out for ex-islanders, says
    head of former residents' group", "Ishiba should keep Russia channel open ..., ex-envoy says") is the
    guest's words as the outlet tells them, not a heading (rule 3); unless its tag names someone else."""
    tag = _SAYS_TAG.search(title.strip())
    if tag is None or guest is None:
        return
    named = guest()
    # (a tag naming someone else, a person or an institution, is a news title over the interview: "Islands issue
    # is closed, Kremlin says"; a role the actors table lists as a group, "former residents", names nobody)
    said = tag.group(0)
    others = {m.actor for m in article.actors.find(said) if m.actor.type != "generic"
              and not _PREPOSITION_BEFORE.search(said, 0, m.start)} - {named}
    if named is not None and named not in (JOURNALIST, HOST, ANSWER, CORRESPONDENT) and not others:
        voices[row] = Voice(named, told=True)


def _document_title(statements, paragraphs: list[list[int]]) -> str:
    """The first paragraph; but a page's first line may be the site's name ("U.S. Embassy & Consulates in Japan")
    above the speech's own title."""
    title = " ".join(statements[i].text for i in paragraphs[0]) if paragraphs else ""
    for rows in paragraphs[1:3]:
        line = " ".join(statements[i].text for i in rows)
        if not _TITLE_SPEECH.search(title) and _SPEECH_TITLE.match(line) and _is_heading(line):
            title = line
    return title


def _labelled_speakers(article: _Article, statements, paragraphs: list[list[int]], firsts: list[str]) -> list:
    """The speaker each paragraph's label names (rule 1), None for a paragraph without a label (and the title)."""
    labels = [None] + [_label_of(text) or _stenogram_label(statements, rows)
                       for text, rows in zip(firsts[1:], paragraphs[1:])]
    # A news agency's subheading that quotes a phrase under a speaker's name is a heading, not a turn: a turn
    # speaks without quote marks. (A title of that form names an interview's guest.)
    labels = [None if label and len(rows) == 1 and _QUOTED_HEADING.fullmatch(label[1].strip()) else label
              for label, rows in zip(labels, [[]] + paragraphs[1:])]
    speakers = [article.speaker(label[0]) if label else None for label in labels]
    # A speaker's name alone on a line, without a colon ("Chief Cabinet Secretary Hayashi"), is a label when
    # the same speaker is labelled elsewhere in the document.
    labelled = {speaker for speaker in speakers if speaker is not None}
    for number, rows in enumerate(paragraphs[1:], start=1):
        text = firsts[number].strip()
        if labelled and labels[number] is None and len(rows) == 1 and _is_heading(text):
            named = article.speaker(text)
            if named in labelled and named not in (JOURNALIST, HOST, ANSWER, CORRESPONDENT):
                speakers[number] = named
    return speakers


def _authors_words(paragraphs: list[list[int]], texts: list[str], voices: list, author: Actor) -> None:
    """Rule 5: every statement after a statement's title is its author's, but its headings. A question on a line
    of its own heads a section of a ministry's page of questions and answers ("What happened in 1945?"); nobody
    asks it. So does a numbered one ("Q1. What are the Northern Territories?")."""
    for rows, text in zip(paragraphs[1:], texts[1:]):
        asks = (text.rstrip().endswith("?")
                and len(_QUESTION_NUMBER.sub("", text).split()) <= QUESTION_HEADING_WORDS)
        heading = _is_heading(text) or (asks and (len(rows) == 1 or bool(_QUESTION_NUMBER.match(text))))
        for i in rows:
            voices[i] = Voice(None, True) if heading else Voice(author, quotes_kept=True)


def _mark_headings(statements, voices: list, article: _Article) -> None:
    """Lines nobody speaks in any genre but news: "1." opening a numbered paragraph, a stage direction
    ("(Applause.)"), a line of metadata, a broadcaster's notice, the publisher's contact details, an event's
    roster (but a parliament's chair giving the floor)."""
    for i, statement in enumerate(statements):
        if (_NUMBER.match(statement.text.strip()) or _STAGE_DIRECTION.match(statement.text)
                or _NOT_WORDS.match(statement.text) or _META_LINE.match(statement.text)
                or _TRANSCRIPT_NOTICE.match(statement.text) or _CONTACT_LINE.search(statement.text)
                or (_ROSTER_LINE.match(statement.text.strip()) and not _chair_gives_floor(statement.text, article))):
            voices[i] = Voice(None, True)


def _chair_gives_floor(text: str, article) -> bool:
    """Whether a roster-like line is a parliament's chair giving the floor ("Chairperson: Prime Minister Abe
    Shinzo." in the Diet's minutes): the chair's words, as coders code them, not a heading."""
    return (text.rstrip().endswith(".") and _CHAIR_LABEL.match(text.split(":", 1)[0].strip()) is not None
            and article.parliament() is not None)


def _event_moderator(turns, main: Actor | None) -> Actor | None:
    """The person who opens an event's transcript and hands the floor to another labelled speaker by name at
    the end of that turn ("DR. HALVORSEN: Good morning, everyone, and welcome to CSIS. ... Mr. Nakagawa, let me
    start with you."), or None: the event's moderator, who presents it (``_PRESENTS``)."""
    named = _named_turns(turns, main)
    if not named:
        return None
    opener = named[0][0]
    others = {turn[0].canonical for turn in named if turn[0] is not opener}
    last = named[0][2][-1]
    if any(re.search(rf"\b{re.escape(other)}\b", last) for other in others):
        return opener
    return None


def _named_turns(turns, main: Actor | None) -> list:
    """The turns of labelled people (not the journalist, host or correspondent), when the first of them may open
    an event: it has words and is not the document's main speaker; else an empty list. (A name alone on its line
    in the roster heads no turn.)"""
    named = [turn for turn in turns if turn[0] is not None and turn[0] not in (JOURNALIST, HOST, CORRESPONDENT)
             and turn[1]]
    return named if named and named[0][0] is not main and named[0][2] else []


def _event_presenter(turns, main: Actor | None, article: _Article) -> Actor | None:
    """The person who opens an event's transcript by welcoming its audience ("Michael Tolliver: Good morning,
    everyone, and welcome to CSIS.") and hands the floor on by a given name ("Haruki, let me start with you."),
    or None: the event's moderator. Only a person the article itself labels, not one of ``data/actors.csv``
    (a president who opens a joint press conference with "Welcome to Moscow" is no moderator)."""
    named = _named_turns(turns, main)
    if not named:
        return None
    opener = named[0][0]
    if article.people.get(opener.canonical) != opener or not _WELCOMES.search(named[0][2][0]):
        return None
    return opener if _GIVES_FLOOR.search(named[0][2][-1]) else None


# An event's opening words and the words that hand the floor on.
_WELCOMES = re.compile(r"\b(?:[Ww]elcome to|[Ww]elcome, everyone|[Ww]elcome back)\b")
_GIVES_FLOOR = re.compile(r"\b(?:let me (?:start|begin|turn) with you|over to you|the floor is yours|"
                          r"(?:let me|I(?:'d| would) like to) (?:start|begin) with)\b", re.IGNORECASE)


def _asks(rows, last: str) -> bool:
    """Whether a paragraph (its statements' ``rows``, its ``last`` sentence) is a question of an interview
    printed without labels: it ends in a question mark, in at most ``_QUESTION_SENTENCES`` sentences ("The G7
    summit was held under the banner of support for Ukraine. How did you perceive it?")."""
    return len(rows) <= _QUESTION_SENTENCES and last.rstrip(" \"'”’»)").endswith("?")


_QUESTION_SENTENCES = 3


def _questions_between_answers(asked: list[int], paragraphs, statements) -> list[int]:
    """The question paragraphs of an interview printed without labels (``asked``, those ending in a question
    mark), and those it asks otherwise: question and answer alternate, so a paragraph of at most two sentences
    that opens with a question ("What will happen to the joint economic activities? Some projects had only just
    begun."), or that follows the answer to a question and comes before a longer paragraph ("In Tokyo they say
    that the peace treaty has nothing to do with the current situation."), is the interviewer's too."""
    found = set(asked)
    for number in range(asked[0] + 1, len(paragraphs)):
        rows = paragraphs[number]
        if number in found or len(rows) > 2:
            continue
        opens = statements[rows[0]].text.rstrip(" \"'”’»)").endswith("?")
        prompts = (number - 1 not in found and number - 2 in found and number + 1 < len(paragraphs)
                   and len(paragraphs[number + 1]) > len(rows))
        if opens or prompts:
            found.add(number)
    return sorted(found)


# An interview's lead says who was asked ("... told Kommersant correspondent Pavel Sergeyev how ...").
_INTERVIEW_LEAD = re.compile(r"\b(?:interview\w*|told|spoke (?:to|with)|talked (?:to|with)|asked|excerpts|conversation)\b",
                             re.IGNORECASE)


def _unlabelled_interview(asked: list[int], paragraphs, statements, speakers, firsts) -> bool:
    """Rule 2's interview printed without labels or dashes: at least three question paragraphs, each answered
    by the paragraph after it, after a lead that says someone was interviewed."""
    if len(asked) < 3 or any(speaker is not None for speaker in speakers[1:]) or any(
            _DASH.match(text) for text in firsts[1:]):
        return False
    answered = sum(1 for number in asked if number + 1 < len(paragraphs) and number + 1 not in asked)
    lead = " ".join(statements[i].text for rows in paragraphs[:asked[0]] for i in rows)
    return answered >= 3 and bool(_INTERVIEW_LEAD.search(lead))


def _detect_genre(title: str, speakers: list, statements, main: Actor | None,
                  publisher=lambda: None, interview: bool = False) -> str:
    """Rule 2, for an article without ``genre`` metadata (``main``: the speaker the title announces;
    ``publisher``: gives the institution the outlet is, asked only when nothing else decides; ``interview``:
    whether its paragraphs ask and answer by dashes or without labels, ``_unlabelled_interview``)."""
    labelled = [s for s in speakers if s is not None]
    named = [s for s in labelled if s not in (JOURNALIST, HOST, CORRESPONDENT)]
    if (len(labelled) >= 2 and named) or (labelled and main is not None):
        return "transcript"
    if interview:
        return "interview"
    if _SPEECH_TITLE.match(title) and main is None:
        return "statement"
    if _STATEMENT_TITLE.search(title):
        # A news story about a statement reports what people said; a statement may itself mention, once or
        # twice, what others have said ("some officials in Moscow have said ...") when its title opens with
        # what it is ("Appeal Concerning ...").
        said, body = _reported(statements)
        if not said or (_STATEMENT_FIRST.match(title) and said <= _SAID_IN_A_STATEMENT * body):
            return "statement"
    if not labelled and publisher() is not None:
        # A ministry's, the Kremlin's or an embassy's own page: its readouts are its words; but a page that
        # reports what its officials said, sentence after sentence ("..., Valery Limarenko said."), is written
        # as news, and its narration is the outlet's.
        said, body = _reported(statements)
        if said <= _SAID_IN_A_RELEASE * body:
            return "statement"
    return "news"


class _TurnReader:
    """Who speaks each paragraph of a transcript or interview (rules 3 and 4), read in order: ``main``, the
    speaker the title announces, speaks before any label and after a section heading. An unlabelled paragraph
    after a question is the answer (a briefing's and an interview's answers often carry no label): of the one
    who answered last, else of ``main``, else of the interview's guest; unless it ends in a question itself and
    a label follows it, when it is the rest of the question. In an interview printed without labels or dashes,
    the question paragraphs (``asked``, by number) are the asker's. ``turns``: [speaker, rows, texts] of each
    turn, in order."""

    def __init__(self, texts, voices, statements, article: _Article, guest_name: str, main: Actor | None,
                 asked: set, unlabelled: bool):
        self.texts, self.voices, self.statements, self.article = texts, voices, statements, article
        self.guest_name, self.main, self.asked, self.unlabelled = guest_name, main, asked, unlabelled
        self.current = main
        self.found_guest: list = []     # the interview's guest, found when first needed
        self.answerer = main            # who answered the last question
        self.asker = HOST if _BROADCASTER.search(f"{article.outlet} {article.title}") else JOURNALIST
        self.label_alone = False        # the paragraph before was a label on a line of its own
        self.reports_from_scene = False  # a correspondent's label other than a report's narration
        self.turns: list[list] = []

    def answering(self) -> Actor | None:
        """Who answers now: the one who answered last, else the interview's guest."""
        return self.answerer or _guest(self.found_guest, self.article, self.guest_name, self.texts)

    def read(self, number: int, rows: list, text: str, speaker, next_speaker, next_label) -> None:
        if speaker is ANSWER:
            speaker = self.answering()
        if speaker is INTERPRETER:
            speaker = _interpreted(self.turns) or INTERPRETER
        if speaker is not None:
            self.current = speaker
            self.turns.append([self.current, [], []])
            self.reports_from_scene |= speaker is CORRESPONDENT and not _NARRATION.match(text)
            labelled_line = _label_of(text)
            if len(rows) == 1 and (self.statements[rows[0]].text.rstrip().endswith(":") or labelled_line is None
                                   or not labelled_line[1]):
                self.voices[rows[0]] = Voice(None, True)       # a label on a line of its own
                if self.current not in (JOURNALIST, HOST, CORRESPONDENT):
                    self.answerer = self.current
                self.label_alone = True
                return
        elif self._unlabelled(number, rows, text, next_speaker, next_label):
            return
        self.label_alone = False
        current = self.current
        if current is not None and current not in (JOURNALIST, HOST, CORRESPONDENT):
            self.answerer = current
        if current is not None and current is not CORRESPONDENT:
            if not self.turns or self.turns[-1][0] is not current:
                self.turns.append([current, [], []])
            self.turns[-1][1].extend(rows)
            self.turns[-1][2].append(text)
            for i in rows:
                self.voices[i] = Voice(current)

    def _unlabelled(self, number: int, rows: list, text: str, next_speaker, next_label) -> bool:
        """Who speaks a paragraph without a label (``current``, a new turn when it changes); True when the
        paragraph is a section heading, which nobody speaks."""
        current, turns = self.current, self.turns
        if _DASH.match(text):
            # The dash lines alternate between who asks and who answers; the first asks when it is a question.
            asking = current in (JOURNALIST, HOST)
            first = not any(turn[0] in (JOURNALIST, HOST) for turn in turns)
            if (text.rstrip().endswith("?") and first) or (not first and not asking):
                self.current = self.asker
            else:
                self.current = self.answering()
            turns.append([self.current, [], []])
        elif (self.unlabelled and number in self.asked) or (
                number in self.asked and next_speaker is not None and next_speaker is (current or next_speaker)
                and next_speaker not in (JOURNALIST, HOST, ANSWER, CORRESPONDENT)):
            # (and where only the answers carry labels, a short question right before the guest's label:
            # "Viktor Ivanovich, was the termination of the visa-free exchanges expected?" / "Viktor Gorbunov:")
            self.current = self.asker
            turns.append([self.current, [], []])
        elif current is not None and current not in (JOURNALIST, HOST, CORRESPONDENT) and _tells_of(current, text):
            # The guest told of in the third person ("Nakabayashi, 67, joined the Foreign Ministry in 1977 ...",
            # "Anna Kessler is a research fellow ..." under the last answer): the outlet's note, and what follows.
            self.current = None
            turns.append([None, [], []])
        elif _is_heading(text) or (len(rows) == 1 and text.rstrip().endswith(":")):
            self.current = self.main    # a section heading, or a line ending in a colon that names no speaker
            turns.append([self.current, [], []])
            for i in rows:
                self.voices[i] = Voice(None, True)
            return True
        elif current in (JOURNALIST, HOST) and not self.label_alone and not (
                current is HOST and _host_goes_on(turns)) and not (
                text.rstrip().endswith("?") and next_speaker is not None) and not (
                turns and "?" not in " ".join(turns[-1][2]) and next_label is not None
                and next_label not in (JOURNALIST, HOST, ANSWER, CORRESPONDENT)):
            # (a host who has not asked, addressed or handed over goes on: "Welcome back to CNN NEWSROOM ..." /
            # "Japan and Russia say ..."; a paragraph that ends in a question and is followed by a label still
            # asks; so does one of a question not yet asked, when a named speaker's label comes next)
            self.current = self.answering()
            turns.append([self.current, [], []])
        return False


def _turns(paragraphs, texts, speakers, voices, statements, article: _Article, guest_name: str,
           main: Actor | None, asked: set = frozenset()) -> None:
    """Rules 3 and 4: the statements of each turn get its speaker (``_TurnReader``, paragraph by paragraph);
    label lines are headings. Then the hosts are found among the labelled speakers, a bulletin's anchor tells
    the news, and the turns on another topic are marked. Returns what finds the interview's guest (asked only
    when needed)."""
    reader = _TurnReader(texts, voices, statements, article, guest_name, main, asked,
                         unlabelled=not any(s is not None for s in speakers[1:])
                         and not any(_DASH.match(t) for t in texts[1:]))
    # The label that comes next after each paragraph (None at the end): a reporter's paragraphs before a named
    # speaker's label are still the reporter's ("REPORTER: I would like to ask about North Korea." / "This
    # morning, North Korea launched ballistic missiles." / "Please tell us ..." / "CHIEF CABINET SECRETARY ...").
    label_after: list = [None] * len(speakers)
    for number in range(len(speakers) - 2, -1, -1):
        label_after[number] = speakers[number + 1] if speakers[number + 1] is not None else label_after[number + 1]
    for number, (rows, text, speaker, next_speaker, next_label) in enumerate(
            zip(paragraphs[1:], texts[1:], speakers[1:], [*speakers[2:], None], label_after[1:]), start=1):
        reader.read(number, rows, text, speaker, next_speaker, next_label)
    turns = reader.turns
    _find_hosts(turns, voices, main, article)
    if reader.reports_from_scene:
        _anchor_tells_the_news(turns, voices, statements)
    _mark_off_topic([turn for turn in turns if turn[0] is not CORRESPONDENT], voices)
    return lambda: _guest(reader.found_guest, article, guest_name, texts)


def _find_hosts(turns: list[list], voices: list, main: Actor | None, article: _Article) -> None:
    """The moderator an event's roster names is the host. A speaker the article never introduces whose turns
    mostly ask is the moderator (the host); in a broadcaster's programme, so is one it introduces who mostly
    asks or who presents the programme or its guest ("Welcome to HARDtalk", "My guest today is ..."), and so is
    the one who opens an event and hands the floor to a speaker by name (``_event_moderator``); in a
    parliament's minutes the one who asks is a member."""
    parliament = _PARLIAMENT.search(f"{article.outlet} {article.title}")
    broadcaster = _BROADCASTER.search(f"{article.outlet} {article.title}")
    opener = _event_moderator(turns, main) if not parliament else None
    if opener is None and not parliament:
        opener = _event_presenter(turns, main, article)
    for person in {turn[0] for turn in turns if turn[0] is not None and not parliament
                   and (turn[0] is opener or turn[0].canonical in article.roster_moderators
                        or turn[0].canonical in article.unintroduced or turn[0].canonical in article.interviewers
                        or broadcaster and turn[0].canonical in article.people)}:
        own = [turn for turn in turns if turn[0] is person and turn[1]]
        presents = (broadcaster or person is opener) and any(_PRESENTS.search(" ".join(turn[2])) for turn in own)
        if own and (presents or person.canonical in article.roster_moderators
                    or sum("?" in " ".join(turn[2]) for turn in own) * 2 > len(own)):
            for turn in own:
                turn[0] = HOST
                for i in turn[1]:
                    voices[i] = Voice(HOST)


# A report's narration read over pictures ("[Narration] Fishing is also affected."): the outlet's voice, but not a
# correspondent reporting from the scene, so it makes no news bulletin of a studio interview.
_NARRATION = re.compile(r"\s*\[narration\]", re.IGNORECASE)


def _anchor_tells_the_news(turns: list[list], voices: list, statements) -> None:
    """A news bulletin, with reports from the scene: its anchor tells the news in the outlet's voice and asks
    as host only in questions (to the correspondent, to a studio guest)."""
    for speaker, rows, _ in turns:
        for i in rows if speaker is HOST else ():
            if not statements[i].text.rstrip().endswith("?"):
                voices[i] = Voice(None)


def _mark_off_topic(turns: list[list], voices: list) -> None:
    """A turn read with the one before it (the question it answers, or the same speaker's turn it goes on
    from) that names neither the dispute nor the other side is off the topic (rule 3)."""
    for before, (speaker, rows, turn_texts) in zip([[None, [], []]] + turns, turns):
        if rows and not _touches_the_dispute(" ".join(before[2] + turn_texts), speaker.side):
            for i in rows:
                if not voices[i].heading:
                    voices[i] = Voice(speaker, False, True)


def _host_goes_on(turns: list[list]) -> bool:
    """Whether the programme's host goes on telling the news: the host's turn so far neither asks, nor addresses
    a person, nor hands over ("Professor Markova, tell us ...")."""
    if not turns or turns[-1][0] is not HOST:
        return False
    said = turns[-1][2]
    last = said[-1] if said else ""
    label = _label_of(last)
    last = label[1] if label is not None else last
    return not (any("?" in text for text in said) or _HONOURED_ADDRESS.match(last) or _ADDRESSED.match(last)
                or _HANDS_OVER.search(last))


# A host's words that hand the programme to a guest.
_HANDS_OVER = re.compile(r"\b(?:tell us|walk us through|explain|over to you|let me start with|let's start with)\b",
                         re.IGNORECASE)


def _interpreted(turns: list[list]) -> Actor | None:
    """The speaker an interpreter's turn speaks for: the one of the turn before when it printed only that they
    spoke another language ("(Speaking Japanese)."); else None."""
    if not turns or turns[-1][0] is None or not turns[-1][1]:
        return None
    speaker, _, said = turns[-1]
    label = _label_of(said[0])
    said = [label[1] if label is not None else said[0], *said[1:]]
    return speaker if all(_SPEAKING_ANOTHER_LANGUAGE.match(text.strip()) for text in said) else None


def _tells_of(person: Actor, text: str) -> bool:
    """Whether a paragraph opens by telling of ``person`` in the third person: their surname (after a given
    name, if any), then an age or role after a comma or a verb of what they are or did."""
    return bool(re.match(rf"(?:[A-Z][a-z]+ )?{re.escape(person.name)}(?:, \d|, (?:a|an|the) | (?:{_BIO_VERBS})\b)",
                         text))


_BIO_VERBS = "is|was|has|had|joined|served|teaches|taught|worked|works|heads|headed|holds|held|retired"


def _said_as_follows(paragraphs, firsts: list[str], lasts: list[str], voices, article: _Article) -> None:
    """Rule 6: a paragraph that ends "..., stating as follows:" hands the numbered paragraphs under it ("(1)
    The Northern Territories are ...", "(2) ...") to the person it names first ("Mr. MORI Takeo,
    Vice-Minister for Foreign Affairs, lodged a protest with ..."): a ministry's account of a protest gives
    the official's words, not its own."""
    if not any(":" in last[-3:] for last in lasts):
        return
    speaker = None
    for rows, first, last in zip(paragraphs[1:], firsts[1:], lasts[1:]):
        if speaker is not None and _LIST_ITEM.match(first.lstrip()):
            for i in rows:
                voices[i] = Voice(speaker)
            continue
        speaker = None
        last = last.rstrip()
        if last.endswith(":") and _AS_FOLLOWS.search(last):
            named = _HONORIFIC_NAME.search(last)
            if named is not None:
                speaker = article.speaker(named.group(0).rstrip(", "))
            else:
                people = [m.actor for m in article.actors.find(last) if m.actor.type in ("person", "institution")]
                speaker = people[0] if people else None
            if speaker in (JOURNALIST, HOST, ANSWER, CORRESPONDENT):
                speaker = None


_AS_FOLLOWS = re.compile(r"\b(?:as follows|the following)\s*:$")
_LIST_ITEM = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}\)|\([a-z]\)|[-•–—]\s)")
# "Mr. MORI Takeo, Vice-Minister for Foreign Affairs,": a person with the office after the name.
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
                             r"(?:,\s+(?:[A-Z][\w-]*|for|of|the|and)(?:\s+(?:[A-Z][\w-]*|for|of|the|and)){0,8},)?")


# What a turn on the dispute names: the islands, the treaty, territory, sovereignty, sanctions, or the other
# side. A press conference moves through many topics; an answer on a car maker's certification scandal or a
# missile launch elsewhere says nothing of the dispute, and its statements hold no side's position on it.
_DISPUTE_WORDS = re.compile(
    r"\b(?:islands?|isles|islets|kurils?|kuriles|northern territories|etorofu|iturup|kunashiri?|shikotan|habomai|"
    r"peace treaty|treaty|territor\w*|sovereign\w*|sanction\w*|restrictive measures|border|1956|declaration|"
    r"former (?:island )?residents|islanders|grave visits|visa-free)\b", re.IGNORECASE)


def _touches_the_dispute(text: str, side: str) -> bool:
    """Whether a turn of a speaker of ``side`` names the dispute or the other party (rule 3)."""
    if side not in ("japan", "russia"):
        return True
    other = "russia" if side == "japan" else "japan"
    return bool(_DISPUTE_WORDS.search(text)) or any(
        words.search(text) for party, words in SIDE_WORD_REGEXES if party == other)


def _guest(found: list, article: _Article, guest_name: str, texts: list[str]) -> Actor | None:
    """The guest of an interview (asked once, kept in ``found``): the article's ``speaker`` metadata, else the
    person a title label names ("Senator Dzhabarov: Japan itself ..."), else the first known person of the
    title, else the person the article introduces (``_introduced_guest``), else the first known person of the
    paragraph that leads into the first question."""
    if not found:
        guest = article.speaker(guest_name) if guest_name else None
        label = _label_of(texts[0]) if guest is None and texts else None
        if label is not None and not _SCHOLAR.fullmatch(label[0].strip()):
            # (a title labelled with what the guest is, "Historian: Abe's bet on 1956 declaration ...", names
            # nobody: the guest is the person the article introduces)
            named = article.speaker(label[0])
            guest = named if named not in (JOURNALIST, HOST, ANSWER, CORRESPONDENT) else None
        # (the person the outlet says it spoke with is the guest, not a person the title names as its topic:
        # "Abe Is Running Out of Time on the Kurils" over "Foreign Policy spoke with Yuko Harada, a professor ...")
        guest = guest or _interviewed(article, texts)
        for text in texts[:2]:
            # (a title whose tag names who says it, "Ishiba should keep Russia channel open ..., ex-envoy says",
            # names its topic first: only a person in the tag is the guest, "..., Galuzin says")
            tag = _SAYS_TAG.search(text.strip())
            guest = guest or _first_person(tag.group(0) if tag else text, article)
        guest = guest or _introduced_guest(article, texts)
        if guest is None:
            # a known person in the paragraph that leads into the first question ("Russian Ambassador to Japan
            # Nikolai Nozdrev told Kommersant correspondent Yevgeny Larin what is left of the bilateral agenda.")
            first_question = _first_question(texts)
            if first_question:
                guest = _first_person(texts[first_question - 1], article)
        found.append(guest)
    return found[0]


def _interviewed(article: _Article, texts: list[str]) -> Actor | None:
    """The person an opening paragraph says the outlet interviewed ("To understand ..., Foreign Policy spoke
    with Yuko Harada, a professor of international politics at Waseda University"): the object of the verb, known
    to the actors table or introduced by the article, else None. Only the paragraphs before the first question
    are read, at most ``_OPENING_PARAGRAPHS``, and not the words in quote marks: an answer or a quoted remark
    may tell whom someone else talked to ('"Abe and I talked to Putin more than anyone," says Muneo Suzuki')."""
    people = None
    for text in _opening(texts):
        text = _QUOTED_WORDS.sub(lambda quoted: " " * len(quoted.group(0)), text)
        for found in _INTERVIEWS.finditer(text):
            if not _outlet_asks(article, text[:found.start()]):
                continue        # ("When Abe sat down with Putin in Moscow" is a meeting, not an interview)
            after = text[found.end():]
            mentions = [m for m in article.actors.find(after) if m.actor.type in ("person", "private")]
            person = (mentions[0].actor if mentions and _OBJECT_BEFORE_NAME.fullmatch(after, 0, mentions[0].start)
                      else None)
            if person is None:
                people = people if people is not None else introduced_people(
                    [statement.text for statement in article.statements], article.actors, lambda: article.side)
                person = next((actor for actor, forms in people.values()
                               if any(_OBJECT_BEFORE_NAME.fullmatch(after, 0, at) for form in forms
                                      for at in [after.find(form)] if at != -1)), None)
            if person is not None:
                return person
    return None


def _opening(texts: list[str]) -> list[str]:
    """The paragraphs after the title and before the first question (a label's, a dash's or a paragraph that
    ends in one), at most ``_OPENING_PARAGRAPHS``."""
    opening = []
    for number, text in enumerate(texts[:_OPENING_PARAGRAPHS]):
        if number and (_QUESTION_LABEL.match(text) or _DASH.match(text) or text.rstrip().endswith("?")):
            break
        opening.append(text)
    return opening


def _outlet_asks(article: _Article, before: str) -> bool:
    """Whether the words before "spoke with" name the outlet or its people as the subject: the outlet's name
    ("Foreign Policy"), "we", or a news outlet with at most two words of a name after it ("RT's Daria
    Belova"). ("I" may be the guest's own answer: "When I talked to Lavrov in 2019 ...".)"""
    if re.search(r"\b[Ww]e$", before) or (article.outlet and before.endswith(article.outlet)):
        return True
    return any(m.actor.type == "newspaper" and _MEDIA_BEFORE_NAME.fullmatch(before + " ", m.end)
               for m in article.actors.find(before))


def _first_question(texts: list[str]) -> int:
    """The number of the first paragraph after the first that a question label or a dash leads, else 0."""
    return next((n for n, text in enumerate(texts) if n and (_QUESTION_LABEL.match(text) or _DASH.match(text))), 0)


def _introduced_guest(article: _Article, texts: list[str]) -> Actor | None:
    """The interview's guest when ``data/actors.csv`` does not know them: the person the article introduces
    with a role ("Eri Tachibana, a professor at Hokkaido University") whom the title or the paragraph under it
    names, else the one introduced in the paragraph before the first question, else the first introduced before
    it ("Koichi Tamura, 68, who served as minister ..." two paragraphs above "The following are excerpts")."""
    # Read sentence by sentence, as attribution reads them: a side word elsewhere in the paragraph ("Putin will
    # arrive in Japan on December 15. ... We called Vitaly Gordienko, head of the South Kuril district") is not
    # the side of the role.
    people = introduced_people([statement.text for statement in article.statements], article.actors,
                               lambda: article.side)
    if not people:
        return None
    first_question = _first_question(texts) or len(texts)
    for place in (texts[:2], texts[max(first_question - 1, 0):first_question], texts[:first_question]):
        for actor, forms in people.values():
            if any(form in text for form in forms for text in place):
                return actor
    return None


# A line that is a name alone: "Irina Volkova".
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+$")
# A sentence that gives the role of the person the one before named: "She's a professor ...", "He is a former
# ambassador ...", "She studies Russian foreign policy at the University of Michigan".
_PRONOUN_ROLE = re.compile(r"^(?:She|He)(?:(?:['’]s| is| was)\s+(?:a|an|the)\s"
                           r"|\s+(?:studies|teaches|researches|lectures|works)\b)")   # "She studies ... at ..."
# A roster's heading over its moderator's name and role ("Moderator:", "MODERATOR").
_MODERATOR_HEADING = re.compile(r"^(?:moderator|chair|chairperson|host|presenter)s?\s*:?$", re.IGNORECASE)
# A word that makes a line in capitalised words an institution's name, not a person's ("The Brookings
# Institution").
_INSTITUTION_WORD = re.compile(r"\b(?:Institution|Institute|University|College|School|Center|Centre|Council|"
                               r"Foundation|Endowment|Ministry|Academy|Agency|Program|Programme|Department|Office|"
                               r"Society|Association|Fund|Corporation|Club)\b")
# How many paragraphs at the top of an interview may say whom the outlet interviewed.
_OPENING_PARAGRAPHS = 8
# What may stand between "spoke with" and the name of whom the outlet spoke with: a title, "former", an
# article ("spoke with Professor Yuko Harada", "sat down with former ambassador Mikhail Galuzin").
_OBJECT_BEFORE_NAME = re.compile(r"\s*(?:(?:the|a|an|former|[A-Z][\w.'’-]*|[a-z]+ (?=[A-Z]))\s+){0,4}")
# A preposition right before a name: "ex-envoy to Moscow says" names where the envoy served, not who says it.
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|in|at|from|of|for|with|on)\s+(?:the\s+)?$")
# Words in quote marks.
_QUOTED_WORDS = re.compile(r'["“][^"“”]*["”]')
# The most lines of role and institution a roster gives under a name.
_ROLE_LINES = 3


def _role_lines(texts: list[str], number: int) -> list[str]:
    """The lines of role and institution under the name on line ``number`` of an event's roster, up to the next
    name, label or heading ("Panelists:"), an empty list when the next line is none."""
    lines = []
    for text in texts[number + 1:number + 1 + _ROLE_LINES]:
        text = text.strip()
        if (not text or (_NAME_LINE.match(text) and not _INSTITUTION_WORD.search(text) and not _SCHOLAR.search(text)
                         and not any(word.lower() in _ROLE_TITLE_WORDS for word in text.split()))  # "Deputy Director"
                or text.endswith(":")
                or _sentence_end(text) and len(text.split()) > 12):
            break
        lines.append(text)
    return lines


# A turn that opens by addressing a person with an honorific: "Mr. Sakurai, Russia says the islands are ...".
_ADDRESS_HONORIFIC = r"(?:Dr|Mr|Mrs|Ms|Prof|Professor)\.?\s+"
_ADDRESS_NAME = r"(?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+,"
_HONOURED_ADDRESS = re.compile(rf"^\s*{_ADDRESS_HONORIFIC}{_ADDRESS_NAME}")
# A name that opens a question addressing its bearer: "Dr. Volkova, is there anyone ...?" (not a roster's
# "HARUKA MORIYAMA, Professor of International Politics, Keio University").
_ADDRESSED = re.compile(rf"^\s*(?:{_ADDRESS_HONORIFIC})?{_ADDRESS_NAME}$")
# The number of a page's question ("Q1.", "Q 2)", "Question 3:").
_QUESTION_NUMBER = re.compile(r"^(?:Q|Question)\s*\d{1,3}\s*[.:)]\s*")
# A post or an open letter signed on its first line: "Dmitry Medvedev, Deputy Chairman of the Security Council".
_SIGNATURE = re.compile(r"^(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+),\s+(?P<role>[A-Z].{2,150})$")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|me)\b")


def _reported(statements) -> tuple[int, int]:
    """(how many of the body's sentences report what someone said, how many sentences the body has): a
    statement reports others' words seldom, a news story often (rule 2)."""
    body = [s.text for s in statements if not s.is_headline]
    return sum(1 for text in body if _SAID.search(text)), len(body)


def _signed_by(title: str, article: _Article, statements) -> Actor | None:
    """The known person who signs a text on its first line, name and office, and writes it in the first person
    and without reporting others' words (rule 5: a minister's post on his channel), or None."""
    signature = _SIGNATURE.match(title.strip())
    if signature is None:
        return None
    mentions = article.actors.find(signature.group("name"))
    if not mentions or mentions[0].actor.type != "person" or mentions[0].start > 0:
        return None
    said, body = _reported(statements)
    if not body or said > _SAID_IN_A_STATEMENT * body or not any(
            _FIRST_PERSON.search(s.text) for s in statements if not s.is_headline):
        return None
    return mentions[0].actor


def _title_speaker(title: str, article: _Article) -> Actor | None:
    """The person whose remarks, statement or interview the title announces, or None."""
    if not _TITLE_SPEECH.search(title):
        return None
    person = _first_person(title, article)
    if person is None:
        named = _POSSESSIVE_NAME.search(title)
        # (a country's or an institution's possessive names a topic: "Interview / Russia's new Constitution
        # 'raises the wall' ..." is nobody's remarks)
        if (named and not any(m.actor.type != "person" for m in article.actors.find(named.group(1)))
                and not _ANSWERED.search(title, 0, named.start())):
            person = article.speaker(named.group(1))
    return person


def _first_person(title: str, article: _Article) -> Actor | None:
    """The first person a title names, not in the possessive ("Tokyo should not be lured by Mishustin's tax
    offer, says ex-diplomat" names a topic, not its speaker) unless words follow it ("Lavrov's remarks"), nor
    after a preposition ("Former ambassador sees no territorial deal under Putin")."""
    for mention in article.actors.find(title):
        topic = _TOPIC_PREPOSITION.search(title, 0, mention.start)
        if topic and not _OFFICE_WORDS.fullmatch((title[:topic.start()].split() or [""])[-1]):
            continue        # (but an office's preposition is the office's: "Minister for Foreign Affairs Hayashi")
        if mention.actor.type == "person" and (not title.startswith(("'s", "’s"), mention.end)
                                               or (_POSSESSIVE_SPEECH.match(title, mention.end)
                                                   and not _ANSWERED.search(title, 0, mention.start))):
            return mention.actor
    return None

