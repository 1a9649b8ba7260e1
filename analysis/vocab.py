"""The suite's vocabulary, stated once: the sides of the dispute, the words that name them, the values each
column of the tagged table may take, and the columns themselves.

Every step reads these from here, so that "which words name Russia" or "what a voice may be" has one answer:
attribution (who speaks), holder (whose position), framing (who is blamed) and the readers of coded files.

>>> side_named("Tokyo lodged a protest"), side_named("the Kremlin and Tokyo"), side_named("U.S. officials")
('japan', 'russia', 'us')
"""
from __future__ import annotations

import re

# ------------------------------------------------------------------------------------------------ sides

# The parties to the dispute and the third country that takes part in it; "other" is any other country.
PARTIES = ("russia", "japan", "us")
DISPUTANTS = ("russia", "japan")      # the two parties to the dispute itself
SIDES = PARTIES + ("other",)
# The side of a generic speaker of data/actors.csv that takes the outlet's side: "government sources" in a
# Kyodo story are Japanese, in a TASS story Russian (analysis.attribution names them "Japanese government
# sources" ...).
HOME_SIDE = "home"
SIDE_ADJECTIVES = {"japan": "Japanese", "russia": "Russian", "us": "U.S."}
# A nationality right before what a person is ("a Japanese scholar", "a Russian political analyst"): in the
# role of a person of no office, the only side word that says whose side the person is on; "a professor of
# Russian politics" or "the Center for Japanese Studies" names a subject.
_OTHER_NATIONALITIES = ("Chinese", "South Korean", "Korean", "German", "British", "French", "Ukrainian", "Australian",
                        "Indian", "European", "Canadian")
NATIONALITY_ROLE = re.compile(
    rf"\b(Japanese|Russian|American|U\.S\.|{'|'.join(_OTHER_NATIONALITIES)})\s+(?:[a-z-]+\s+){{0,2}}?"
    r"(?:scholar|expert|analyst|professor|researcher|academic|historian|scientist|economist|commentator|"
    r"journalist|writer|resident|citizen|national|fisherman|businessman|fellow|diplomat|politician|envoy)s?\b")
# A third country's office in a role ("Australia's ambassador in Tokyo", "the Chinese Foreign Ministry's
# spokesman"): its holder is of no party, whatever place the role then names.
_OTHER_COUNTRIES = ("China", "South Korea", "Korea", "Germany", "Britain", "the United Kingdom", "France", "Ukraine",
                    "Australia", "India", "Canada", "the European Union")
THIRD_COUNTRY = re.compile(rf"\b(?:{'|'.join(_OTHER_NATIONALITIES)}|(?:{'|'.join(_OTHER_COUNTRIES)})['’]s)\b")
NATIONALITY_SIDES = {"Japanese": "japan", "Russian": "russia", "Soviet": "russia", "American": "us", "U.S.": "us",
                     **{nationality: "other" for nationality in _OTHER_NATIONALITIES}}
# Where a person of no office is, when no nationality is given: "joined from Tokyo by Ayumi Nakagawa, a
# professor ...", "a research fellow at an institute in Harbin", "Vladivostok-based analyst". A city names
# the side of the country it is in (a capital names its government, ``SIDE_WORDS``; here only a place).
_US_STATES = ("Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
              "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
              "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
              "Nevada", "New Hampshire", "New Jersey", "New Mexico", "North Carolina", "North Dakota", "Ohio",
              "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee",
              "Texas", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming")
PLACE_SIDES = {
    "japan": ("Tokyo", "Sapporo", "Osaka", "Kyoto", "Nemuro", "Hokkaido", "Niigata", "Fukuoka", "Nagoya", "Yokohama",
              "Kobe", "Hiroshima", "Sendai"),
    # (the towns Russia administers on the disputed islands are Russia's: their people are Russian citizens)
    "russia": ("Moscow", "St. Petersburg", "St Petersburg", "Saint Petersburg", "Vladivostok", "Yuzhno-Sakhalinsk",
               "Sakhalin", "Khabarovsk", "Novosibirsk", "Kamchatka", "Yuzhno-Kurilsk", "Kurilsk", "Malokurilskoye"),
    # (and the states, which a university's name carries: "the University of Wisconsin-Madison"; not Georgia,
    # a country too)
    "us": ("Washington", "New York", "Boston", "Cambridge, Massachusetts", "Stanford", *_US_STATES),
    "other": ("Beijing", "Harbin", "Shanghai", "Seoul", "Berlin", "London", "Paris", "Canberra", "Sydney",
              "Kyiv", "Kiev", "Singapore", "Hong Kong", "Taipei", "New Delhi"),
}
_PLACE_SIDE = {place: side for side, places in PLACE_SIDES.items() for place in places}
_PLACES = "|".join(re.escape(place) for place in sorted(_PLACE_SIDE, key=len, reverse=True))
# What a place's possessive names when it is a subject, not where a person is: "Moscow's ties with Asia" (as
# against "Sakhalin's governor").
_SUBJECT_NOUNS = r"(?:ties|relations|policy|policies|position|claims?|stance|views?|approach|foreign|war|invasion)\b"
# A list of participants puts the place last in an affiliation ("Institute of Far Eastern Studies, Moscow
# (visiting fellow)"); some universities and institutes are known by a name without their city.
_LOCATED = re.compile(rf"(?i:\b(?:from|in|at)\s+)({_PLACES})\b"
                      rf"|\b({_PLACES})(?:-based\b|\s+(?:State\s+)?(?:University|Institute|Foundation|College|Cent(?:er|re))\b)"
                      rf"|\bUniversity of ({_PLACES})\b|,\s+({_PLACES})(?=\s*(?:\(|,|;|$))"
                      rf"|\b({_PLACES})['’]s\s+(?!{_SUBJECT_NOUNS})[a-z]|\ban?\s+({_PLACES})\s+(?=[a-z])")
# A local office named by its place: "the head of the Yuzhno-Kurilsky urban district", "the mayor of Nemuro"
# (the place's adjective too: "Yuzhno-Kurilsky").
LOCAL_OFFICE = re.compile(rf"\b(?:head|mayor|governor|chief|administrator)\s+of\s+(?:the\s+)?({_PLACES})[\w-]*")


def local_office_side(text: str, start: int = 0, end: int | None = None) -> str:
    """The side of the place of a local office named in ``text[start:end]``, or "".

    >>> local_office_side("We talked to the head of the Yuzhno-Kurilsky urban district, Vasily Solomko")
    'russia'
    """
    found = LOCAL_OFFICE.search(text, start, len(text) if end is None else end)
    return _PLACE_SIDE[found.group(1)] if found else ""


INSTITUTE_SIDES = {
    "japan": ("Keio University", "Waseda University", "Sophia University", "Hitotsubashi University",
              "Meiji University", "Doshisha University", "Japan Institute of International Affairs",
              "Sasakawa Peace Foundation"),
    "russia": ("MGIMO", "Higher School of Economics", "Institute of Far Eastern Studies",
               "Institute of Oriental Studies", "Russian Academy of Sciences", "Far Eastern Federal University",
               "Valdai Discussion Club", "Russian International Affairs Council", "IMEMO"),
    "us": ("Brookings Institution", "Johns Hopkins", "Georgetown University", "Harvard University",
           "Columbia University", "Council on Foreign Relations", "RAND Corporation", "Wilson Center",
           "Center for Strategic and International Studies", "CSIS", "Heritage Foundation", "Atlantic Council",
           "Carnegie Endowment", "Stimson Center", "Hudson Institute", "American Enterprise Institute",
           "Stanford University", "Princeton University", "Yale University"),
    "other": ("Korea University", "Yonsei University", "Seoul National University", "Peking University",
              "Tsinghua University", "Fudan University", "Chinese Academy of Social Sciences",
              "China Institutes of Contemporary International Relations", "Shanghai Institutes for International "
              "Studies", "Renmin University", "Australian National University", "Lowy Institute", "Chatham House",
              "International Institute for Strategic Studies", "London School of Economics", "King's College London"),
}
# The side a person's name points to when nothing in their role or place says it: a foreign minister or a
# resident introduced without a nationality ("Foreign Minister Seiji Maehara summoned Russian Ambassador
# Mikhail Bely", "said Natalya Gorbunova, 46, who works at the local hospital"). A Russian name: a Russian first
# name, or a surname of a Russian ending; a Japanese name: every word spelt in the syllables of romanised
# Japanese (consonant-vowel, or n), one of four letters or more. First names that other languages share (Anna,
# Maria, Roman) are left out. A weak sign, asked last, of an office's holder and of a resident; never of a
# scholar, whose side is the nationality, institution or place the article gives.
_RUSSIAN_FIRST_NAMES = frozenset(
    "Aleksandr Aleksei Aleksey Alexander Alexandr Alexei Alexey Anatoly Andrei Andrey Anton Arkady Artem Artyom "
    "Boris Dmitri Dmitry Evgeny Fyodor Gennady Georgy Grigory Igor Ilya Ivan Kirill Konstantin Leonid Maxim "
    "Mikhail Nikita Nikolai Nikolay Oleg Pavel Pyotr Ruslan Sergei Sergey Stanislav Timur Vadim Valentin "
    "Valery Vasily Viktor Vitaly Vladimir Vladislav Vyacheslav Yaroslav Yevgeny Yuri Yury Alla Anastasia Darya "
    "Ekaterina Galina Irina Ksenia Lyudmila Nadezhda Natalia Natalya Olga Svetlana "
    "Tatiana Tatyana Valentina Yekaterina Yelena Yulia Zhanna Lyubov Tamara Larisa Oksana Raisa Polina Yevgenia "
    "Evgenia Ludmila Semyon Stepan Yegor Gleb Matvei Fedor".split())
_RUSSIAN_SURNAME = re.compile(r"(?:ov|ev|yov|ova|eva|yova|sky|skiy|skii|skaya|ovich|evich|ovna|evna|ykh|ikh)$")
_JAPANESE_WORD = re.compile(r"(?:(?:[kgsztdnhbpmrfj]|sh|ch|ts|[kgnhbpmr]y|w|y)?[aiueoōū]|n(?![aiueoōūy]))+",
                            re.IGNORECASE)


def place_named(text: str) -> str:
    """The side of the first place of ``PLACE_SIDES`` that ``text`` names anywhere ("City of Nemuro"), or "".

    >>> place_named("City of Nemuro"), place_named("Government of the Sakhalin Region"), place_named("Carnegie")
    ('japan', 'russia', '')
    """
    found = _PLACE_NAMED.search(text)
    return _PLACE_SIDE[found.group(0)] if found else ""


def name_side(name: str) -> str:
    """The side a person's name (two or three words) points to, or "".

    >>> name_side("Seiji Maehara"), name_side("Natalya Gorbunova"), name_side("Anna Kessler"), name_side("Tanaka")
    ('japan', 'russia', '', '')
    """
    words = name.replace("-", " ").split()
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return ""
    if words[0] in _RUSSIAN_FIRST_NAMES or _RUSSIAN_SURNAME.search(words[-1]):
        return "russia"
    if all(_JAPANESE_WORD.fullmatch(word) for word in words) and max(len(word) for word in words) >= 4:
        return "japan"
    return ""


# How Japanese family names and given names commonly end: "Morita", "Kanemori", "Odajima"; "Ayaka", "Kenzo",
# "Hiroshi". A name whose words fit neither way is read as written, the surname last.
_FAMILY_ENDINGS = ("ta", "da", "moto", "yama", "kawa", "gawa", "mura", "no", "shima", "jima", "saki", "zaki", "oka",
                   "hara", "bara", "ishi", "mori", "bayashi", "hashi", "naga", "uchi", "gami", "kami", "tani", "sawa",
                   "zawa", "ai")
_GIVEN_ENDINGS = ("ko", "ka", "mi", "e", "o", "shi", "ro", "ru", "ya", "to", "ki", "ji", "zo", "hei", "suke",
                  "hiro", "nori")
# Common given names that end as family names do ("Kenta Izumi" is written given name first).
_GIVEN_NAMES_LIKE_FAMILY = {"kenta", "yuta", "shota", "sota", "keita", "kota", "ryota", "genta", "yota", "hinata",
                            "mai", "ai", "yui"}


# The commonest Japanese family names: "Sato Kazuo, 88" in an outlet that writes Japanese names family name
# first (NHK since 2020) is Mr. Sato.
_COMMON_FAMILY_NAMES = frozenset(
    "sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi "
    "matsumoto inoue kimura hayashi shimizu yamazaki mori ikeda hashimoto yamashita ishikawa nakajima maeda fujita "
    "ogawa goto okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii nishimura fukuda ota miura "
    "fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada nakayama ishida ueda morita "
    "hara shibata sakai kudo yokoyama miyazaki miyamoto uchida takagi ando taniguchi ohno maruyama imai takada "
    "fujimoto murata takeda ueno sugiyama masuda hirano oshima".split())


def common_family_name_first(name: str) -> bool:
    """Whether a two-word name starts with one of the commonest Japanese family names and ends with a word that is
    not one ("Sato Kazuo", "Okada Sumiko"; not "Kazuo Sato").

    >>> common_family_name_first("Sato Kazuo"), common_family_name_first("Kazuo Sato")
    (True, False)
    """
    words = name.lower().split()
    return len(words) == 2 and words[0] in _COMMON_FAMILY_NAMES and words[1] not in _COMMON_FAMILY_NAMES


# The commonest Chinese family names, and a syllable of Hanyu Pinyin: "Zhou Lin", "Li Wenhua" in an English
# text are written family name first, as Chinese names are.
_CHINESE_FAMILY_NAMES = frozenset(
    "wang li zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang song zheng xie han "
    "tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia ding wei xue ye yan pan du "
    "dai xia zhong tian ren fan fang shi yao tan liao zou xiong jin hao kong bai cui kang mao qiu qin gu hou shao "
    "meng long wan duan lei qian yin yi chang qiao lai gong wen".split())
_PINYIN_WORD = re.compile(r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv]{1,3}(?:ng|n|r)?){1,3}")


def chinese_name(name: str) -> bool:
    """Whether a two-word name is a Chinese name written family name first: a common Chinese family name, then a
    given name in Pinyin that is no family name itself, Chinese or Japanese ("Zhou Yiming", "Hua Chunying"; not
    "Lin Grant", nor "Feng Zhang" or "Ren Tanaka", written given name first).

    >>> [chinese_name(name) for name in ("Zhou Yiming", "Wang Haiyan", "Lin Grant", "Feng Zhang", "Ren Tanaka")]
    [True, True, False, False, False]
    """
    words = name.lower().split()
    return (len(words) == 2 and words[0] in _CHINESE_FAMILY_NAMES and _PINYIN_WORD.fullmatch(words[1]) is not None
            and words[1] not in _CHINESE_FAMILY_NAMES and words[1] not in _COMMON_FAMILY_NAMES)


def family_name_first(name: str) -> bool:
    """Whether a two-word Japanese name reads family name first: its first word ends as family names do and not
    as given names do, its last word the other way round.

    >>> family_name_first("Morita Ayaka"), family_name_first("Sakurai Kenzo"), family_name_first("Ayaka Morita")
    (True, True, False)
    >>> family_name_first("Masaki Odajima"), family_name_first("Tadashi Oikawa"), family_name_first("Kenta Izumi")
    (False, False, False)
    """
    words = name.lower().split()
    if len(words) != 2 or words[0] in _GIVEN_NAMES_LIKE_FAMILY:
        return False
    first, last = words
    return (first.endswith(_FAMILY_ENDINGS) and not first.endswith(_GIVEN_ENDINGS)
            and last.endswith(_GIVEN_ENDINGS) and not last.endswith(_FAMILY_ENDINGS))


_PLACE_NAMED = re.compile(rf"\b(?:{_PLACES})\b")
_INSTITUTE = re.compile("|".join(re.escape(name) for names in INSTITUTE_SIDES.values() for name in names))
_INSTITUTE_SIDE = {name: side for side, names in INSTITUTE_SIDES.items() for name in names}
_VISITING = re.compile(r"(?i)\bvisiting\s+(?:fellow|scholar|researcher|professor)\b[^;]*?(?:,\s*and\s|;|\band\s)")


def introducing_clause_start(text: str, at: int) -> int:
    """Where the clause that introduces the name at ``at`` begins: after the last ", and " or "; " before it, else
    0. A place in another clause says where someone else is ("NPR's Thomas Reiner reports from Tokyo, and
    historian Midori Asano explains" does not put the historian in Tokyo); what follows the name is the same
    clause ("I'm joined now from Moscow by Anna Kim, and she studies")."""
    cut = max(text.rfind(", and ", 0, at), text.rfind("; ", 0, at))
    return cut + 2 if cut != -1 else 0


def located_side(text: str) -> str:
    """The side of the first place a person is said to be in or from ("from Tokyo", "in Harbin",
    "Vladivostok-based", "Hokkaido University", "Sakhalin's governor"), or "".

    >>> located_side("joined from Tokyo by Ayumi Nakagawa"), located_side("a fellow at an institute in Harbin")
    ('japan', 'other')
    >>> located_side("Professor Alexei Sorokin, Institute of Far Eastern Studies, Moscow (visiting fellow)")
    'russia'
    >>> located_side("Professor Michiko Arai, Faculty of Law, Keio University")
    'japan'
    >>> located_side("a Japan specialist at the Moscow State Institute of International Relations")
    'russia'
    >>> located_side("Senior Research Fellow, Tokyo Foundation for Policy Research")
    'japan'
    """
    # A visiting post is not where the person is from ("Visiting Fellow, CSIS, and Senior Researcher, IMEMO,
    # Moscow"): what the role names after it comes first.
    visiting = _VISITING.search(text)
    if visiting and (_LOCATED.search(text, visiting.end()) or _INSTITUTE.search(text, visiting.end())):
        text = text[visiting.end():]
    found = _LOCATED.search(text)
    institute = _INSTITUTE.search(text)
    if institute and (found is None or institute.start() < found.start()):
        return _INSTITUTE_SIDE[institute.group(0)]
    return _PLACE_SIDE[next(group for group in found.groups() if group)] if found else ""


# A wire's dateline: "YUZHNO-KURILSK, Russia (AP) — ", "TOKYO, Feb 21 (Reuters) - ", "NEMURO, Hokkaido--".
_DATELINE = re.compile(r"^(?P<city>[A-Z][A-Z.'’ -]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,30}?))?"
                       r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^()]{1,30}\))?\s*(?:—|–|--|-\s)")


# A byline that says where its correspondents file from, on a line of its own: "Justin McCurry in Tokyo",
# "Maxim Fellowes in Yuzhno-Kurilsk and Naomi Whitcombe in Nemuro" (the first place).
_NAME = r"(?:[A-Z][\w'’-]+\s+){2,3}"
_BYLINE_PLACE = re.compile(rf"{_NAME}in\s+({_PLACES})(?:\s+and\s+{_NAME}in\s+[A-Z][\w'’ -]+)?")


def dateline_side(text: str) -> str:
    """The side of the place a wire's dateline names ("YUZHNO-KURILSK, Russia (AP) — ...": russia;
    "TOKYO, Feb 21 (Reuters) - ...": japan), or a byline ("Justin McCurry in Tokyo"), or "".

    >>> dateline_side("YUZHNO-KURILSK, Russia (AP) — Tatyana Sorokina has spent"), dateline_side("TOKYO (Reuters) - Japan")
    ('russia', 'japan')
    >>> dateline_side("Maxim Fellowes in Yuzhno-Kurilsk and Naomi Whitcombe in Nemuro"), dateline_side("Officials in Tokyo said")
    ('russia', '')
    """
    found = _DATELINE.match(text)
    if found is None:
        byline = _BYLINE_PLACE.fullmatch(text.strip())
        return _PLACE_SIDE[byline.group(1)] if byline else ""
    region = found.group("region") or ""
    return (side_named(region) or _PLACE_SIDE.get(region, "")
            or _PLACE_SIDE.get(found.group("city").strip().title(), ""))


# Who speaks a statement: a side, or the outlet in its own voice (narration).
VOICE_SIDES = SIDES + ("outlet",)
# Whose voice a statement carries, officials apart from media: a side's officials (speaker_type official,
# institution or generic: "a senior Japanese official"), a side's media ("<side>_media": a newspaper or agency
# quoted as a source, a journalist asking in a transcript), other voices, or the outlet's own narration. A
# newspaper quoted by TASS is not a Japanese official.
MEDIA_SPEAKER_TYPES = ("media", "journalist")
VOICES = ("russia", "russia_media", "japan", "japan_media", "us", "us_media", "other", "outlet")
# Whose position a statement expresses: a party, both parties (a joint statement), or nobody.
HOLDER_SIDES = PARTIES + ("both", "none")
# How a statement carries its speaker's words.
MODES = ("direct_quote", "reported", "narration")
# What an actor of data/actors.csv is; "generic" is an unnamed speaker known by role ("a senior Japanese
# official", "Russian diplomats").
ACTOR_TYPES = ("person", "institution", "capital", "newspaper", "country", "generic", "private")
# A person is an official ("person") or a named person of no office ("private": a scholar, a former resident);
# both are "he" or "she" to the attribution rules.
PERSON_TYPES = ("person", "private")
# What kind of speaker a statement has (the speaker_type column), by the type of its actor: officials apart
# from media, so that a newspaper quoted as a source never counts as a side's official. Journalists ask the
# questions of a transcript; generic speakers are unnamed ("a senior Japanese official").
SPEAKER_TYPES = {"person": "official", "institution": "institution", "capital": "institution",
                 "country": "institution", "newspaper": "media", "journalist": "journalist", "generic": "generic",
                 "private": "generic"}
# How a worksheet draws the statements people code (analysis.worksheet); here, so that the command line
# offers them without loading pandas.
WORKSHEET_STRATEGIES = ("random", "stratified", "uncertain")
# What kind of document an article is (the genre column; analysis.turns).
GENRES = ("news", "transcript", "interview", "statement")

# The words that name a side without naming an actor (countries, demonyms, capitals, the Kremlin); actors
# (persons, ministries, newspapers) are data, in data/actors.csv. Written as they appear in English text.
SIDE_WORDS = {
    "japan": ("Japan", "Japanese", "Tokyo"),
    "russia": ("Russia", "Russian", "Russians", "Moscow", "Kremlin", "Soviet", "USSR"),
    "us": ("United States", "U.S.", "US", "USA", "American", "Americans", "Washington"),
}


def voice_of(voice_side: str, speaker_type: str) -> str:
    """The voice of a statement (``VOICES``): its voice side, with a party's media apart from its officials.

    >>> voice_of("japan", "media"), voice_of("japan", "official"), voice_of("russia", "journalist"), voice_of("outlet", "")
    ('japan_media', 'japan', 'russia_media', 'outlet')
    """
    return f"{voice_side}_media" if voice_side in PARTIES and speaker_type in MEDIA_SPEAKER_TYPES else voice_side


def voice_column(statements) -> list:
    """``voice_of`` for every row of a tagged table (a table without ``speaker_type`` has officials only)."""
    types = statements["speaker_type"].fillna("").astype(str) if "speaker_type" in statements.columns else [""] * len(statements)
    return [voice_of(side, kind) for side, kind in zip(statements["voice_side"].astype(str), types)]


def side_word_regex(side: str, *, ignore_case: bool = False, whole_word: bool = True) -> re.Pattern:
    """The words of one side as a regex.

    Case-sensitive by default ("MOSCOW" of a dateline is not a subject); ``whole_word=False`` also matches a
    word as the start of a longer one.
    """
    words = "|".join(re.escape(word) for word in SIDE_WORDS[side])
    end = r"(?!\w)" if whole_word else ""
    return re.compile(rf"{starting_letters(SIDE_WORDS[side])}(?<!\w)(?:{words}){end}",
                      re.IGNORECASE if ignore_case else 0)


def starting_letters(words) -> str:
    """A lookahead for the first letters of ``words`` (of the words of an alternation: "(?:talks|forum) in"
    begins with "t" and "f"): a pattern that begins with one lets ``re`` skip to the places where a word may
    start, rather than try the whole pattern at every character."""
    return "(?=[" + re.escape("".join(sorted({re.sub(r"^[(?:]+", "", word)[0] for word in words}))) + "])"


# The side words of each party, case-sensitive whole words.
SIDE_WORD_REGEXES = [(side, side_word_regex(side)) for side in PARTIES]
# One word boundary around the three lists (group n is side n): the same matches as the three patterns, and
# searched in less than half the time, since a sentence is tried once per position rather than three times.
_FIRST_SIDE_WORD = re.compile(
    starting_letters([word for side in PARTIES for word in SIDE_WORDS[side]]) + r"(?<!\w)(?:"
    + "|".join("(" + "|".join(re.escape(word) for word in SIDE_WORDS[side]) + ")" for side in PARTIES) + r")(?!\w)")


def first_side_word(text: str) -> tuple[int, str] | None:
    """(where it starts, its side) of the leftmost side word in ``text``, or None."""
    match = _FIRST_SIDE_WORD.search(text)
    return (match.start(), SIDE_WORD_REGEXES[match.lastindex - 1][0]) if match else None


def side_named(text: str) -> str:
    """The side of the leftmost side word in ``text``, or "" (the crude subject when nothing else decides)."""
    first = first_side_word(text)
    return first[1] if first else ""


# ---------------------------------------------------------------------------------------------- columns

# What splitting writes for each statement (statements.py).
STATEMENT_COLUMNS = ["article_id", "para_idx", "sent_idx", "text", "char_start", "char_end", "is_headline",
                     "is_lead", "is_heading", "section", "is_boilerplate", "boilerplate_group"]
# What attribution adds (attribution.py).
ATTRIBUTION_COLUMNS = ["mode", "speaker", "speaker_type", "voice_side", "position_side", "subject_side",
                       "mentions", "genre", "reported_side", "off_topic"]
# The tagged table: the contract other tools rely on (../shared/contract_check.py), in this order ...
CONTRACT_COLUMNS = ["article_id", "sent_idx", "text", "speaker", "voice_side", "holder_side", "mode", "stances",
                    "stance_evidence", "frames", "is_boilerplate"]
# ... then these, new columns always added at the end.
EXTRA_COLUMNS = ["outlet", "date", "para_idx", "char_start", "char_end", "is_headline", "is_lead", "is_heading",
                 "section", "boilerplate_group", "speaker_type", "mentions", "position_side", "subject_side",
                 "suppressed_evidence", "tagger", "genre", "reported_side", "off_topic"]
