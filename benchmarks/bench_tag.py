"""Throughput and peak memory of every step of the pipeline on a synthetic corpus, with a spaCy peer.

This is a benchmark that prints figures, not a test: nothing here asserts, and CI never runs it. It answers
issue 6: how many statements a second each step handles on one core, how much memory it needs, whether the
cost grows linearly with the corpus, and how the codebook tagger compares with the usual tool for cue
matching, spaCy's ``PhraseMatcher`` and ``Matcher`` over ``spacy.blank("en")``.

The corpus is made from the seed articles in ``data/articles`` with a fixed random seed: every synthetic
article is a seed article (web chrome included) whose body paragraphs are lightly dropped, swapped or
borrowed from another seed, with word substitutions so that no two articles are the same text: actors are
swapped among a list of Russian and Japanese officials, dates, weekdays, years and numbers are redrawn,
island names permuted, outlets and a few synonyms ("said"/"stated"/"noted" ...) exchanged.

Each stage runs in its own subprocess pinned to core 0 (``os.sched_setaffinity``, and OMP/OpenBLAS/MKL
threads 1), so stages do not share caches or memory. Inputs are read, and every tagger is built and warmed up
on 200 statements, before the clock starts; the time is the best of three runs up to 100k statements (two
above), as other processes may share the core. Peak memory is the process's resident high-water mark
(``VmHWM``) during the stage, reset once the inputs are loaded (``/proc/self/clear_refs``): "peak MiB" is the
whole process at its fullest (interpreter, libraries and inputs included), "+MiB" what the stage added.

Usage (from the repository root):
    python benchmarks/bench_tag.py                                  # 10k and 100k statements
    python benchmarks/bench_tag.py --sizes 10000,100000,1000000     # all three sizes of the issue
    python benchmarks/bench_tag.py --profile 100000                 # cProfile of tagger, attribution, e2e
    python benchmarks/bench_tag.py --workdir /tmp/kuril-bench       # keep (and reuse) the synthetic corpora
    python benchmarks/bench_tag.py --json figures.json              # every figure, for comparing two runs
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# One core and one thread for every numeric library, set before numpy or scikit-learn are imported.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
                    "NUMEXPR_NUM_THREADS", "RAYON_NUM_THREADS")
for _variable in THREAD_VARIABLES:
    os.environ[_variable] = "1"

GENERATOR_VERSION = 2   # bump when the synthetic corpus changes, so cached corpora are rebuilt
DEFAULT_SIZES = (10_000, 100_000)
SEED = 6                # issue 6
STAGES = ("segmentation", "attribution", "codebook", "codebook_distinct", "codebook_sample", "spacy", "classifier",
          "model_tag", "end_to_end", "end_to_end_fresh")
STAGE_TITLES = {
    "segmentation": "reading and segmentation (split_with_meta)",
    "attribution": "attribution (attribute)",
    "codebook": "codebook tagger, all cues (tag_columns)",
    "codebook_distinct": "codebook tagger, distinct texts only",
    "codebook_sample": "codebook tagger, spaCy's cue sample",
    "spacy": "spaCy peer, same cue sample",
    "classifier": "classifier predict",
    "model_tag": "classifier .tag() with top_features",
    "end_to_end": "end to end (tag --out, streamed)",
    "end_to_end_fresh": "the same, corpus without recurring text",
}
# StanceClassifier.tag explains every predicted stance with a per-row transform: measured on a slice only.
MODEL_TAG_ROWS = 2_000
ATTRIBUTION_CHUNK = 5_000   # articles attributed at once, as `tag` does (pipeline.tag_corpus_to)
# These targets come from issue 6.
TARGET_CODEBOOK = 300_000
TARGET_RATIO = 4.0
TARGET_END_TO_END = 50_000
TARGET_PEAK_MIB = 1024
LINEAR_TOLERANCE = 1.3  # per-statement cost at the largest size may exceed the smallest's by 30%

# ---------------------------------------------------------------------------------------- synthetic corpus

RUSSIAN_PEOPLE = ["Lavrov", "Peskov", "Zakharova", "Morgulov", "Rudenko", "Galuzin", "Ivanov", "Shoigu",
                  "Medvedev", "Volodin", "Nozdrev", "Kozhemyako"]
JAPANESE_PEOPLE = ["Abe", "Suga", "Kishida", "Kono", "Motegi", "Hayashi", "Mori", "Matsuno", "Kamikawa", "Seko"]
ISLANDS = ["Iturup", "Kunashir", "Shikotan", "Habomai"]
OUTLETS = ["TASS", "Interfax", "Sputnik", "Izvestia"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYNONYMS = {
    "said": ["said", "stated", "noted", "stressed", "added"],
    "told reporters": ["told reporters", "told journalists", "told the media"],
    "country": ["country", "nation"],
    "countries": ["countries", "nations"],
    "meeting": ["meeting", "summit"],
    "issue": ["issue", "question", "problem"],
    "important": ["important", "significant"],
    "upcoming": ["upcoming", "forthcoming"],
}
_SUBSTITUTE = re.compile(
    r"(?P<date>\b(?:" + "|".join(MONTHS) + r")\b(?:\s*·?\s*(?P<day>\d{1,2})\b)?)"
    r"|(?P<weekday>\b(?:" + "|".join(WEEKDAYS) + r")\b)"
    r"|(?P<year>\b20[0-2]\d\b)"
    r"|(?P<number>(?<![\w.])\d{1,3}(?![\w.]))"
    r"|(?P<ru>\b(?:" + "|".join(RUSSIAN_PEOPLE) + r")\b)"
    r"|(?P<jp>\b(?:" + "|".join(JAPANESE_PEOPLE) + r")\b)"
    r"|(?P<island>\b(?:" + "|".join(ISLANDS) + r")\b)"
    r"|(?P<outlet>\b(?:" + "|".join(OUTLETS) + r")\b)"
    r"|(?P<synonym>\b(?:" + "|".join(sorted(SYNONYMS, key=len, reverse=True)) + r")\b)")


class _Article:
    """One seed: its raw lines, which of them are chrome, and the sentence count of each content line."""

    def __init__(self, raw: str, rules, split_sentences):
        self.lines = raw.replace("\r\n", "\n").split("\n")
        self.content = [i for i, line in enumerate(self.lines)
                        if " ".join(line.split()) and not rules.is_chrome(" ".join(line.split()))]
        self.sentences = {i: len(split_sentences(" ".join(self.lines[i].split()))) for i in self.content}


def _substitute(text: str, rng: random.Random, outlet: str) -> str:
    russians = dict(zip(RUSSIAN_PEOPLE, rng.sample(RUSSIAN_PEOPLE, len(RUSSIAN_PEOPLE))))
    japanese = dict(zip(JAPANESE_PEOPLE, rng.sample(JAPANESE_PEOPLE, len(JAPANESE_PEOPLE))))
    islands = dict(zip(ISLANDS, rng.sample(ISLANDS, len(ISLANDS))))
    month_shift, year_shift = rng.randrange(12), rng.randrange(-3, 6)

    def replace(match: re.Match) -> str:
        kind = match.lastgroup if match.lastgroup != "day" else "date"
        word = match.group(0)
        if kind == "date":
            month = MONTHS[(MONTHS.index(word.split()[0].rstrip("·")) + month_shift) % 12]
            return f"{month} {rng.randint(1, 28)}" if match.group("day") else month
        if kind == "weekday":
            return rng.choice(WEEKDAYS)
        if kind == "year":
            return str(int(word) + year_shift)
        if kind == "number":
            return str(rng.randint(2, 99))
        if kind == "ru":
            return russians[word]
        if kind == "jp":
            return japanese[word]
        if kind == "island":
            return islands[word]
        if kind == "outlet":
            return outlet
        return rng.choice(SYNONYMS[word])

    return _SUBSTITUTE.sub(replace, text)


def _synthetic_article(seeds: list[_Article], rng: random.Random, outlet: str) -> tuple[str, int]:
    """Raw text of one synthetic article and the number of statements it should split into."""
    seed = rng.choice(seeds)
    # Headline and lead stay first; later body paragraphs are dropped, swapped or borrowed from another seed.
    head, body = seed.content[:2], list(seed.content[2:])
    lines_of = {i: seed.lines[i] for i in seed.content}
    sentences = dict(seed.sentences)
    kept = []
    for position, line in enumerate(body):
        roll = rng.random()
        if roll < 0.10:
            continue
        kept.append(line)
        if roll > 0.92:
            other = rng.choice(seeds)
            if len(other.content) > 2:
                borrowed = rng.choice(other.content[2:])
                key = ("borrowed", position)
                lines_of[key] = other.lines[borrowed]
                sentences[key] = other.sentences[borrowed]
                kept.append(key)
    for i in range(len(kept) - 1):
        if rng.random() < 0.10:
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
    content = head + kept
    out, slots, next_content = [], set(seed.content), iter(content)
    for i, line in enumerate(seed.lines):
        if i in slots:
            key = next(next_content, None)
            if key is not None:
                out.append(lines_of[key])
            if i == seed.content[-1]:
                out.extend(lines_of[k] for k in next_content)
        else:
            out.append(line)
    return _substitute("\n".join(out), rng, outlet), sum(sentences[k] for k in content)


def make_corpus(n_statements: int, folder: Path, *, seed: int = SEED) -> Path:
    """Write ``articles_<n>.jsonl`` (id, outlet, date, text) with about ``n_statements`` statements.

    The count is estimated from the seeds' sentence counts (a substitution can move a boundary now and
    then); the stages report the exact number they processed. A corpus already in ``folder`` is reused.
    """
    from analysis import paths
    from analysis.corpus import load_chrome_rules, load_corpus
    from analysis.statements import split_sentences

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"articles_{n_statements}.jsonl"
    manifest = folder / f"articles_{n_statements}.json"
    stamp = {"generator": GENERATOR_VERSION, "seed": seed, "statements": n_statements}
    if target.exists() and manifest.exists() and json.loads(manifest.read_text()).get("stamp") == stamp:
        return target
    rules = load_chrome_rules()
    seeds = [_Article(raw, rules, split_sentences) for raw in load_corpus(paths.ARTICLES)["raw_text"]]
    rng = random.Random(f"{seed}-{n_statements}")
    total, number = 0, 0
    with target.open("w", encoding="utf-8") as handle:
        while total < n_statements:
            outlet = rng.choice(OUTLETS)
            text, count = _synthetic_article(seeds, rng, outlet)
            date = f"{rng.randint(2016, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            handle.write(json.dumps({"id": f"syn{number:07d}", "outlet": outlet, "date": date,
                                     "text": text}, ensure_ascii=False) + "\n")
            total += count
            number += 1
    manifest.write_text(json.dumps({"stamp": stamp, "articles": number, "estimated_statements": total}))
    return target


FRESH_SHARE = 0.3   # share of lower-case words replaced in the corpus without recurring text


def make_fresh_corpus(n_statements: int, folder: Path, *, seed: int = SEED) -> Path:
    """``articles_<n>_fresh.jsonl``: the synthetic corpus with 30% of its lower-case words replaced by random
    words of the seeds' vocabulary, article by article, so that hardly a sentence, paragraph or 5-gram recurs
    (0.7^5: 17% of 5-grams survive). Capitalised words (names), punctuation and so sentence boundaries stay;
    many cue phrases break, so it says little about stances: it is there for speed and memory without the
    repetition that the main corpus is full of."""
    source = make_corpus(n_statements, folder, seed=seed)
    target = folder / f"articles_{n_statements}_fresh.jsonl"
    manifest = folder / f"articles_{n_statements}_fresh.json"
    stamp = {"generator": GENERATOR_VERSION, "seed": seed, "statements": n_statements, "share": FRESH_SHARE}
    if target.exists() and manifest.exists() and json.loads(manifest.read_text()).get("stamp") == stamp:
        return target
    from analysis import paths
    from analysis.corpus import load_corpus
    word = re.compile(r"\b[a-z]{3,}\b")
    vocabulary = sorted({w for text in load_corpus(paths.ARTICLES)["clean_text"] for w in word.findall(text)})
    rng = random.Random(f"{seed}-{n_statements}-fresh")
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as handle:
        for line in lines:
            row = json.loads(line)
            row["text"] = word.sub(lambda m: rng.choice(vocabulary) if rng.random() < FRESH_SHARE else m.group(0),
                                   row["text"])
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    manifest.write_text(json.dumps({"stamp": stamp, "vocabulary": len(vocabulary)}))
    return target


# ------------------------------------------------------------------------------------------- spaCy peer

def _words(*words: str, op: str | None = None) -> dict:
    token = {"LOWER": {"IN": list(words)}} if len(words) > 1 else {"LOWER": words[0]}
    if op:
        token["OP"] = op
    return token


def _stem(regex: str, op: str | None = None) -> dict:
    token = {"LOWER": {"REGEX": regex}}
    if op:
        token["OP"] = op
    return token


# A clause gap, the regexes' ``[^.;]{0,N}``. Written ``"OP": "*"`` with the length checked on the match
# (``max_tokens``): spaCy's bounded ``"OP": "{0,20}"`` is measured here 150 times slower, no user would keep it.
_GAP = {"ORTH": {"NOT_IN": [".", ";"]}, "OP": "*"}


_ANY_WORD = {"IS_ALPHA": True}
_OBSTACLE = ("^(prevent|hinder|obstacle|obstruct|imped|complicat|harm|damag|undermin|block|derail|problems?$|"
             "challenging$|unfriendly|hostile|suspend|halt|freez|froze|impossible|incompatible|stall|sour|strain|"
             "jeopardi|poison)")
# The translated sample: every frame cue and 19 of the stance cues, chosen to cover each stance and each
# kind of regex (word lists, stems, clause gaps, alternatives). Literal phrases go to a PhraseMatcher on
# LOWER; stems (``negotiat\w*``) become ``{"LOWER": {"REGEX": "^negotiat"}}`` tokens; a clause gap
# ``[^.;]{0,80}`` becomes ``_GAP`` with the match length capped by ``max_tokens`` (about six characters a
# token); optional words become ``"OP": "?"``; ``^\W*`` becomes ``IS_SENT_START`` on the first token. spaCy
# splits "can't" into "ca" + "n't", "Japan's" into "Japan" + "'s" and "non-negotiable" into three tokens, so
# the patterns list those tokens. The agreement table the benchmark prints shows how close each one comes.
SPACY_CUES: dict[str, dict] = {
    # ---- stances
    "sov_not_questioned": {"how": "Matcher: sovereignty, gap, modal + not/n't, be?, stem of question|discuss|...; "
                                  "at most 20 tokens", "max_tokens": 20,
                           "patterns": [[_words("sovereignty"), _GAP,
                                         _words("can", "could", "will", "must", "is", "are", "wo", "ca"),
                                         _words("not", "n't"), _words("be", op="?"),
                                         _stem("^(called|question|discuss|negotiat|debat|disput|revis|challeng)")]]},
    "sov_indisputable": {"how": "Matcher: sovereignty|ownership|jurisdiction (or status of the islands), gap, "
                                "is|are|remains, word?, indisputable|... or beyond doubt|... or not up for "
                                "negotiation|...; at most 18 tokens", "max_tokens": 18,
                         "patterns": [start + [_GAP, _words("is", "are", "remain", "remains", "was"),
                                               dict(_ANY_WORD, OP="?")] + end
                                      for start in ([_words("sovereignty", "ownership", "jurisdiction")],
                                                    [_words("status"), _words("of"), _words("the"),
                                                     _words("islands", "kurils", "kuriles")])
                                      for end in ([_words("indisputable", "undisputed", "unquestionable", "settled",
                                                          "final")],
                                                  [_words("beyond"), _words("doubt", "question", "dispute")],
                                                  [_words("not"), _words("up"), _words("for"),
                                                   _words("negotiation", "discussion", "debate")])]},
    "not_subject_to_negotiation": {"how": "Matcher: not|never be? subject|open to any? negotiation|...; "
                                          "PhraseMatcher: out of (the) discussion, non-negotiable, not up for ...",
                                   "patterns": [[_words("not", "never"), _words("be", op="?"), _words("subject", "open"),
                                                 _words("to"), _words("any", op="?"),
                                                 _words("negotiation", "discussion", "revision", "review", "bargaining",
                                                        "debate")]],
                                   "phrases": ["out of discussion", "out of the discussion", "non-negotiable",
                                               "not up for negotiation", "not up for discussion", "not up for debate",
                                               "not up for grabs"]},
    "results_of_wwii": {"how": "Matcher: stem recogni[sz]|accept|acknowledg|respect, the?, legitimate?, "
                               "results|outcomes|consequences of the? + 4 spellings of the war",
                        "patterns": [[_stem("^(recogni[sz]|accept|acknowledg|respect)"), _words("the", op="?"),
                                      _words("legitimate", op="?"), _stem("^(results?|outcomes?|consequences?)$"),
                                      _words("of"), _words("the", op="?")] + war
                                     for war in ([_words("world"), _words("war"), _words("ii", "two", "2")],
                                                 [_words("second"), _words("world"), _words("war")],
                                                 [_words("wwii", "ww2")], [_words("war")])]},
    "japan_has_territorial_issue": {"how": "Matcher: it is|'s japan that has a|the? territorial; "
                                           "there|we|russia is|are|has|have no territorial dispute|issue|...",
                                    "patterns": [[_words("it"), _words("is", "'s"), _words("japan"), _words("that"),
                                                  _words("has"), _words("a", "the", op="?"), _words("territorial")],
                                                 [_words("there", "we", "russia"), _words("is", "'s", "are", "has", "have"),
                                                  _words("no"), _words("territorial"),
                                                  _stem("^(dispute|issue|problem|question)s?$")]]},
    "no_handover_talks": {"how": "Matcher: no|not|never|nothing, gap, stem talk|discuss|negotiat|..., gap, "
                                 "stem handover|hand|transfer|return|cession|ced|giv; at most 16 tokens",
                          "max_tokens": 16,
                          "patterns": [[_words("no", "not", "never", "nothing"), _GAP,
                                        _stem("^(talks?$|discuss|negotiat|question$|plans?$|intention|agenda)"),
                                        _GAP, _stem("^(handover|hand$|transfer|return|cession|ced|giv)")]]},
    "will_not_give_up": {"how": "Matcher: will|would|shall|wo never|not|n't give|hand|cede|... up|away|back|over? "
                                "the? 0-2 words island|kuril|territor stem",
                         "patterns": [[_words("will", "would", "shall", "wo"), _words("never", "not", "n't"),
                                       _words("give", "hand", "cede", "surrender", "return", "trade"),
                                       _words("up", "away", "back", "over", op="?"), _words("the", op="?"),
                                       dict(_ANY_WORD, OP="{0,2}"), _stem("^(islands?$|kurils?$|kuriles$|territor)")]]},
    "japan_inherent_territory": {"how": "Matcher: inherent|integral|... part? of? japan|japanese 's? territor stem",
                                 "patterns": [[_words("inherent", "integral", "inalienable", "indivisible"),
                                               _words("part", op="?"), _words("of", op="?"), _words("japan", "japanese"),
                                               _words("'s", op="?"), _stem("^territor")],
                                              [_words("inherent", "integral", "inalienable"), _stem("^(part$|territor)"),
                                               _words("of"), _words("japan")]]},
    "illegal_occupation": {"how": "Matcher: illegal|illegally + stem occup|seiz|annex|control|held|taken|grabbed; "
                                  "occupied illegally; "
                                  "under russia|russian 's? illegal",
                           "patterns": [[_words("illegal", "illegally"),
                                         _stem("^(occup|seiz|annex|control|held$|taken$|grabbed$)")],
                                        [_words("occupied"), _words("illegally")],
                                        [_words("under"), _words("russia", "russian"), _words("'s", op="?"),
                                         _words("illegal")]]},
    "without_preconditions": {"how": "Matcher: without any? | with no any? + (pre - )?conditions",
                              "patterns": [[_words("without"), _words("any", op="?"), _words("pre", op="?"),
                                            _words("-", op="?"), _stem("^(pre-?)?conditions$")],
                                           [_words("with"), _words("no"), _words("any", op="?"), _words("pre", op="?"),
                                            _words("-", op="?"), _stem("^(pre-?)?conditions$")]]},
    "territory_after_treaty": {"how": "Matcher: after|once|upon|following the|a? peace treaty is|was|has|... been|be? "
                                      "signed|concluded; after|once|upon the? two? sides|countries have? signed|... a|the peace treaty; "
                                      "after the signing|conclusion of a|the peace treaty",
                               "patterns": [[_words("after", "once", "upon", "following"), _words("the", "a", op="?"),
                                             _words("peace"), _words("treaty"),
                                             _words("is", "was", "has", "had", "would", "will"),
                                             _words("been", "be", op="*"), _words("signed", "concluded")],
                                            [_words("after", "once", "upon"), _words("the", op="?"),
                                             _words("two", op="?"), _words("sides", "countries", "nations"),
                                             _words("have", "had", op="?"),
                                             _words("sign", "signed", "conclude", "concluded"), _words("a", "the"),
                                             _words("peace"), _words("treaty")],
                                            [_words("after", "following", "upon"), _words("the"),
                                             _words("signing", "conclusion"), _words("of"), _words("a", "the"),
                                             _words("peace"), _words("treaty")]]},
    "goal_is_treaty": {"how": "Matcher: main|primary|... goal|aim|... is|was|remains (not ... but)? to? stem "
                              "sign|conclud|clinch|mak a|the peace treaty",
                       "patterns": [[_words("main", "primary", "chief", "key", "ultimate", "principal", "only"),
                                     _words("goal", "aim", "objective", "priority", "task", "purpose"),
                                     _words("is", "was", "remains")] + middle +
                                    [_words("to", op="?"), _stem("^(sign|conclud|clinch|mak)"), _words("a", "the"),
                                     _words("peace"), _words("treaty")]
                                    for middle in ([], [_words("not"), _GAP, _words("but")])]},
    "talks_about_treaty": {"how": "Matcher: talks|negotiations|dialogue|consultations are|is|... only? about|on "
                                  "making|signing|... a|the peace treaty; first token (after punctuation) about "
                                  "making|signing|concluding a peace treaty",
                           "patterns": [[_words("talks", "talk", "negotiation", "negotiations", "dialogue",
                                                "consultations"), _words("are", "is", "were", "was"),
                                         _words("only", "solely", "precisely", op="?"), _words("about", "on"),
                                         _words("making", "signing", "concluding", "clinching"), _words("a", "the"),
                                         _words("peace"), _words("treaty")]] +
                                       [start + [_words("making", "signing", "concluding"), _words("a"),
                                                 _words("peace"), _words("treaty")]
                                        for start in ([dict(_words("about"), IS_SENT_START=True)],
                                                      [{"IS_PUNCT": True, "IS_SENT_START": True}, _words("about")])]},
    "laid_claim": {"how": "Matcher: stem laid|lay|stake|press|assert|maintain|renew its|their|a? claim(s) to|on|over",
                   "patterns": [[_stem("^(laid$|lay$|lays$|laying$|stake[sd]?$|staking$|press|assert|maintain|renew)"),
                                 _words("its", "their", "a", op="?"), _stem("^claims?$"), _words("to", "on", "over")]]},
    "return_of_islands": {"how": "Matcher: return|reversion|restitution|handover of the|all? four|two|...* "
                                 "island|isles|kuril|territor stem; demand|seek|call|... for? the? early? return|...",
                          "patterns": [[_words("return", "reversion", "restitution", "handover"), _words("of"),
                                        _words("the", "all", op="?"),
                                        _words("four", "two", "disputed", "southern", "russian", "-", "held", "northern",
                                               op="*"),
                                        _stem("^(islands?$|isles$|kurils?$|kuriles$|territor)")],
                                       [_stem("^(demand|seek|sought|call|press|push|ask|campaign|hop|wish|aim|rall|striv)"),
                                        _words("for", op="?"), _words("the", op="?"),
                                        _words("early", "swift", "eventual", op="?"),
                                        _words("return", "reversion", "handover")]]},
    "regain_islands": {"how": "Matcher: stem regain|recover|reclaim|retak (or get|win|take back), 0-4 words, "
                              "island|territor|sovereignty|kuril stem",
                       "patterns": [[_stem("^(regain|recover|reclaim|retak)"), dict(_ANY_WORD, OP="{0,4}"),
                                     _stem("^(islands?$|territor|sovereignty$|kurils?$|kuriles$)")],
                                    [_words("get", "getting", "win", "winning", "take", "taking", "took", "taken"),
                                     _words("back"), dict(_ANY_WORD, OP="{0,4}"),
                                     _stem("^(islands?$|territor|sovereignty$|kurils?$|kuriles$)")]]},
    "unfriendly_steps": {"how": "Matcher: unfriendly steps|actions|measures|...; openly|clearly|overtly unfriendly; "
                                "anti - russian sanctions|measures|...",
                         "patterns": [[_words("unfriendly"),
                                       _stem("^(steps?|actions?|acts?|measures|position|stance|policy|course|moves?|"
                                             "decisions?|behaviou?r|nature)$")],
                                      [_words("openly", "clearly", "overtly"), _words("unfriendly")],
                                      [_words("anti"), _words("-"), _words("russian"),
                                       _words("sanctions", "measures", "steps", "policy", "course")]]},
    "sanctions_then_obstacle": {"how": "Matcher: stem sanction (or restrictive|punitive|unilateral measures), gap, "
                                       "stem prevent|hinder|obstacle|... or hardly|not|cannot be viewed|seen|... as "
                                       "a? friendly; at most 30 tokens", "max_tokens": 30,
                                "patterns": [start + [_GAP] + end
                                             for start in ([_stem("^sanction")],
                                                           [_words("restrictive", "punitive", "unilateral"),
                                                            _words("measures")])
                                             for end in ([_stem(_OBSTACLE)],
                                                         [_words("hardly", "not", "can"), _words("not", op="?"),
                                                          _words("be"),
                                                          _words("viewed", "seen", "considered", "regarded"),
                                                          _words("as"), _words("a", op="?"), _words("friendly")])]},
    "obstacle_then_sanctions": {"how": "Matcher: stem prevent|hinder|...|withdr|refus, gap, stem sanction; "
                                       "at most 30 tokens", "max_tokens": 30,
                                "patterns": [[_stem(_OBSTACLE[:-1] + "|withdr|quit|abandon|refus)"), _GAP,
                                              _stem("^sanction")]]},
    # ---- frames: word lists go to the PhraseMatcher, stems to one Matcher token each
    "fr_war_history": {"how": "PhraseMatcher: 13 phrases (world war, yalta, un charter, post-war ...)",
                       "phrases": ["world war", "second world war", "wwii", "ww2", "potsdam", "yalta", "san francisco",
                                   "un charter", "1945", "1855", "shimoda", "postwar", "post-war"]},
    "fr_documents": {"how": "PhraseMatcher: 11 phrases; Matcher: stems legal|legitima|occup|annex|ratif",
                     "phrases": ["1956", "joint declaration", "declaration", "memorandum", "treaty of",
                                 "international law", "sovereignty", "historical", "history", "soviet", "ussr"],
                     "patterns": [[_stem("^(legal|legitima|occup.|annex|ratif.)")]]},
    "fr_military": {"how": "PhraseMatcher: 26 phrases (military, troops, air defence ...); Matcher: stem deploy",
                    "phrases": ["military", "troops", "missile", "missiles", "defence system", "defense system",
                                "defence systems", "defense systems", "aegis", "air defence", "air defense", "drill",
                                "drills", "exercises", "base", "bases", "weapons", "armed forces", "army", "navy",
                                "naval", "coast guard", "warship", "warships", "fighter jet", "fighter jets", "bomber",
                                "bombers"],
                    "patterns": [[_stem("^deploy")]]},
    "fr_alliance": {"how": "PhraseMatcher: 13 phrases (alliance, security treaty, nato ...); Matcher: stems adversar|threat",
                    "phrases": ["alliance", "allies", "ally", "security treaty", "security matters", "security concern",
                                "security concerns", "security cooperation", "mutual cooperation and security", "nato",
                                "pentagon", "military union"],
                    "patterns": [[_stem("^(adversar.|threat)")]]},
    "fr_economy": {"how": "PhraseMatcher: 8 words (trade, energy, gas, oil ...); Matcher: stems econom|invest|business|"
                          "fish|financ|commerc|industr, sakhalin-N",
                   "phrases": ["trade", "energy", "gas", "oil", "lng", "companies", "project", "projects"],
                   "patterns": [[_stem("^(econom|invest|business|fish|financ|commerc|industr)")],
                                [_stem(r"^sakhalin-\d$")]]},
    "fr_sanctions_econ": {"how": "PhraseMatcher: sanction(s), restrictive measures",
                          "phrases": ["sanction", "sanctions", "restrictive measures"]},
    "fr_talks": {"how": "PhraseMatcher: 19 phrases (talks, summit, peace treaty ...); Matcher: stems negotiat|diplomat",
                 "phrases": ["talks", "consultation", "consultations", "summit", "summits", "meeting", "meetings", "met",
                             "visit", "visits", "visited", "dialogue", "framework agreement", "agreement", "agreements",
                             "agreed", "counterpart", "counterparts", "foreign minister", "foreign ministers",
                             "relations", "peace treaty"],
                 "patterns": [[_stem("^(negotiat|diplomat)")]]},
    "fr_people": {"how": "PhraseMatcher: 21 phrases (humanitarian, former residents, visa-free ...); "
                         "Matcher: stems cultur|sport",
                  "phrases": ["humanitarian", "people-to-people", "former residents", "former island residents", "grave",
                              "graves", "grave visits", "visa-free", "exchange", "exchanges", "festival", "festivals",
                              "tourism", "tourists", "islanders", "residents", "families", "seasons"],
                  "patterns": [[_stem("^(cultur|sport)")]]},
}


class SpacyPeer:
    """Stances and frames of each statement from the translated cues, on ``spacy.blank("en")``."""

    def __init__(self, codebook):
        import spacy
        from spacy.matcher import Matcher, PhraseMatcher

        self.nlp = spacy.blank("en")
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.matcher = Matcher(self.nlp.vocab)
        for cue_id, spec in SPACY_CUES.items():
            if spec.get("phrases"):
                self.phrases.add(cue_id, list(self.nlp.tokenizer.pipe(spec["phrases"])))
            if spec.get("patterns"):
                self.matcher.add(cue_id, spec["patterns"])
        label_of = {cue.id: cue.label_id for kind in ("stances", "frames") for cue in codebook.cues(kind)}
        self.label_of = {self.nlp.vocab.strings[c]: label_of[c] for c in SPACY_CUES}
        self.cue_of = {self.nlp.vocab.strings[c]: c for c in SPACY_CUES}
        self.max_tokens = {self.nlp.vocab.strings[c]: spec["max_tokens"] for c, spec in SPACY_CUES.items()
                           if "max_tokens" in spec}

    def tag_texts(self, texts) -> list[dict]:
        """Per statement: the labels found and the (cue, start token, end token) matches behind them."""
        results = []
        texts = (str(t).replace("’", "'") for t in texts)   # the codebook tagger folds apostrophes too
        limit = self.max_tokens
        for doc in self.nlp.pipe(texts, batch_size=1000):
            matches = self.phrases(doc) + [m for m in self.matcher(doc) if m[0] not in limit or m[2] - m[1] <= limit[m[0]]]
            results.append({"labels": {self.label_of[m] for m, _, _ in matches},
                            "cues": [(self.cue_of[m], s, e) for m, s, e in matches]})
        return results


def sample_codebook(codebook):
    """The codebook cut down to the cues translated for spaCy (labels left without a cue dropped)."""
    def keep(labels):
        cut = [dataclasses.replace(label, cues=tuple(c for c in label.cues if c.id in SPACY_CUES))
               for label in labels]
        return tuple(label for label in cut if label.cues)
    return dataclasses.replace(codebook, stances=keep(codebook.stances), frames=keep(codebook.frames))


# ---------------------------------------------------------------------------------- stages (subprocesses)

def _status(field: str) -> int:
    """A line of /proc/self/status in KiB (VmRSS now, VmHWM the high-water mark)."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")   # 5 resets the peak RSS to the current RSS (Linux >= 4.0)
        return True
    except OSError:
        return False


def _read_column(path: Path, column: str = "text", rows: int | None = None) -> list[str]:
    import pyarrow.parquet as pq
    values = pq.read_table(path, columns=[column]).column(column).to_pylist()
    return values[:rows] if rows else values


def _prepare(stage: str, workdir: Path, size: int) -> tuple:
    """Inputs of a stage (read before the clock starts) and the callable to time."""
    statements_path = workdir / f"statements_{size}.parquet"
    attributed_path = workdir / f"attributed_{size}.parquet"
    jsonl = workdir / f"articles_{size}.jsonl"
    if stage == "segmentation":
        from analysis.pipeline import split_with_meta, use_large_run_memory_settings, without_cyclic_gc
        # What `tag` runs before attribution: the export read, cleaned and split 1,000 articles at a time,
        # statements spilled to Parquet while boilerplate is found across the corpus; cyclic GC paused, and
        # the command's allocator settings.
        use_large_run_memory_settings()
        spill = workdir / f"spill_{size}.parquet"

        def segment():
            with without_cyclic_gc():
                return split_with_meta(jsonl, chunk_articles=1000, spill=spill)
        return segment, {}
    if stage == "attribution":
        import pandas as pd
        from analysis.attribution import SentenceFactsCache, attribute, load_actors
        from analysis.pipeline import use_large_run_memory_settings, without_cyclic_gc
        use_large_run_memory_settings()
        statements = pd.read_parquet(statements_path)
        actors = load_actors()
        sentences = SentenceFactsCache()     # one for the run, as `tag` makes
        # Row bounds of chunks of ATTRIBUTION_CHUNK whole articles, the chunks `tag` attributes one at a time.
        new_article = statements["article_id"].ne(statements["article_id"].shift()).to_numpy()
        article_starts = new_article.nonzero()[0]
        bounds = list(article_starts[::ATTRIBUTION_CHUNK]) + [len(statements)]

        def attribute_all():
            """As `tag` runs it: a chunk at a time, cyclic GC paused, the result of a chunk not kept once the
            next is done (only the first, which the classifier's .tag() stage reads, and the row count)."""
            first, rows = None, 0
            for start, end in zip(bounds, bounds[1:]):
                with without_cyclic_gc():
                    attributed = attribute(statements.iloc[start:end], actors, cache=sentences)
                rows += len(attributed)
                first = attributed if first is None else first
            return first, rows
        return attribute_all, {}
    if stage in ("codebook", "codebook_distinct", "codebook_sample"):
        from analysis.codebook import load_codebook
        from analysis.stance import CodebookTagger
        codebook = load_codebook()
        tagger = CodebookTagger(codebook if stage != "codebook_sample" else sample_codebook(codebook))
        texts = _read_column(statements_path)
        if stage == "codebook_distinct":
            # The tagger tags a recurring text once; the synthetic corpus repeats many sentences word for word,
            # so this stage shows the rate on text that is all new to the tagger.
            texts = list(dict.fromkeys(texts))
        tagger.tag_columns(texts[:200])
        cues = sum(len(label.cues) for label in tagger.codebook.stances + tagger.codebook.frames)
        # tag_columns is what CodebookTagger.tag and the pipeline call: four columns (stances, frames,
        # evidence, suppressed evidence). tag_texts repackages them as one dict per statement for notebooks.
        return (lambda: tagger.tag_columns(texts)), {"cues": cues}
    if stage == "spacy":
        from analysis.codebook import load_codebook
        peer = SpacyPeer(load_codebook())
        texts = _read_column(statements_path)
        peer.tag_texts(texts[:200])
        return (lambda: peer.tag_texts(texts)), {"cues": len(SPACY_CUES)}
    if stage == "classifier":
        from analysis.pipeline import make_tagger
        started = time.perf_counter()
        model = make_tagger("model")
        fit_seconds = time.perf_counter() - started
        texts = _read_column(statements_path)
        model.predict(texts[:200])

        # predict() works 10,000 statements at a time itself (StanceClassifier.predict_proba).
        return (lambda: model.predict(texts)), {"fit_seconds": round(fit_seconds, 3)}
    if stage == "model_tag":
        import pandas as pd
        from analysis.pipeline import make_tagger
        model = make_tagger("model")
        table = pd.read_parquet(attributed_path).head(MODEL_TAG_ROWS)
        return (lambda: model.tag(table)), {}
    if stage in ("end_to_end", "end_to_end_fresh"):
        from analysis.pipeline import DEFAULT_TAGGER, tag_corpus_to, use_large_run_memory_settings
        # What `python -m analysis tag corpus.jsonl --out tagged.parquet` runs, allocator settings and default
        # tagger included (the ensemble's fitted partner is read from its cache folder, as a second run reads it).
        memory = use_large_run_memory_settings()
        source = jsonl if stage == "end_to_end" else make_fresh_corpus(size, workdir)
        out = workdir / f"tagged_{size}{'' if stage == 'end_to_end' else '_fresh'}.parquet"
        return (lambda: tag_corpus_to(source, out, tagger=DEFAULT_TAGGER, memory=memory)), {}
    raise ValueError(f"unknown stage {stage!r}")


def _after(stage: str, workdir: Path, size: int, result) -> dict:
    """Write what later stages read, and count what the stage processed (after the measurement)."""
    if stage == "segmentation":
        import pandas as pd
        statements, meta = result
        table = pd.concat(list(statements.chunks()), ignore_index=True)
        table.to_parquet(workdir / f"statements_{size}.parquet", index=False)
        return {"statements": len(table), "articles": len(meta),
                "boilerplate_share": float(table["is_boilerplate"].mean())}
    if stage == "attribution":
        first, rows = result
        first.head(MODEL_TAG_ROWS).to_parquet(workdir / f"attributed_{size}.parquet", index=False)
        return {"statements": rows}
    if stage in ("end_to_end", "end_to_end_fresh"):
        return {"statements": result.statements, "with_stance": result.with_stance}
    if stage == "spacy":
        return {"statements": len(result), "with_stance": sum(1 for r in result if r["labels"])}
    if stage == "classifier":
        return {"statements": len(result), "with_stance": sum(1 for r in result if r)}
    if stage in ("codebook", "codebook_distinct", "codebook_sample"):
        stances, frames = result[0], result[1]
        return {"statements": len(stances), "with_stance": sum(1 for s, f in zip(stances, frames) if s or f)}
    return {"statements": len(result)}


def repeats_for(size: int) -> int:
    """Runs of a stage: three up to 100k statements, two above (a single 1M run was seen 37% slow when
    another process shared the core)."""
    return 3 if size <= 100_000 else 2


def run_stage(stage: str, workdir: Path, size: int, profile: Path | None) -> dict:
    """Run one stage once in this process and return its figures (called in a fresh subprocess, one per run:
    ``run_stage_in_processes``)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    run, info = _prepare(stage, workdir, size)
    gc.collect()
    peak_reset = _reset_peak()
    baseline = _status("VmRSS")
    started = time.perf_counter()
    if profile is not None:
        import cProfile
        profiler = cProfile.Profile()
        result = profiler.runcall(run)
        seconds = time.perf_counter() - started
        profiler.dump_stats(profile)
    else:
        result = run()
        seconds = time.perf_counter() - started
    peak = _status("VmHWM")   # without the reset it also holds the loading of the inputs
    info.update(stage=stage, size=size, seconds=seconds, peak_mib=peak / 1024,
                stage_mib=max(0, peak - baseline) / 1024, peak_reset=peak_reset)
    info.update(_after(stage, workdir, size, result))
    return info


def run_stage_in_processes(stage: str, workdir: Path, size: int) -> dict:
    """The figures of a stage, each run in a fresh process. Best of a few runs: the machine is shared, and
    the minimum is the run least disturbed by others; the peak is the highest of all runs. Runs in one process
    would share what the first one left: the per-text caches of attribution and sentence splitting (a
    recurring text would be found warm) and a heap already grown (the second run's peak would not be what a
    `tag` command needs)."""
    runs = [_child(["--stage", stage, "--workdir", str(workdir), "--size", str(size)])
            for _ in range(repeats_for(size))]
    figures = dict(min(runs, key=lambda run: run["seconds"]))
    figures.update(runs=[round(run["seconds"], 3) for run in runs],
                   peak_mib=max(run["peak_mib"] for run in runs), stage_mib=max(run["stage_mib"] for run in runs))
    return figures


def spacy_agreement(workdir: Path, size: int, rows: int = 10_000) -> list[tuple[str, int, int, int]]:
    """Per translated cue: statements the regex matches, the spaCy patterns match, and both; over the first
    synthetic statements and the hand-coded ones (other outlets' wording, which the seeds lack)."""
    import pandas as pd
    from analysis import paths
    from analysis.codebook import load_codebook
    codebook = load_codebook()
    cues = {cue.id: cue for kind in ("stances", "frames") for cue in codebook.cues(kind)}
    coded = [pd.read_csv(path, dtype=str, keep_default_na=False)["text"].tolist()
             for path in (paths.GOLD, paths.DEV_OUTLETS, paths.CHALLENGE) if path.exists()]
    texts = _read_column(workdir / f"statements_{size}.parquet", rows=rows) + [t for table in coded for t in table]
    texts = [t.replace("’", "'") for t in texts]
    peer = SpacyPeer(codebook)
    found = [{cue for cue, _, _ in r["cues"]} for r in peer.tag_texts(texts)]
    rows_out = []
    for cue_id in SPACY_CUES:
        regex = [bool(cues[cue_id].regex.search(t)) for t in texts]
        spacy_hits = [cue_id in f for f in found]
        rows_out.append((cue_id, sum(regex), sum(spacy_hits), sum(a and b for a, b in zip(regex, spacy_hits))))
    return rows_out


# ------------------------------------------------------------------------------------------- the driver

def _child(args: list[str]) -> dict:
    command = [sys.executable, str(Path(__file__).resolve())] + args
    done = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy())
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-4000:]}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    return json.loads(lines[-1][len("RESULT "):])


def _rate(figures: dict) -> float:
    return figures["statements"] / figures["seconds"] if figures["seconds"] else float("inf")


def _verdict(ok: bool | None) -> str:
    return "n/a " if ok is None else ("PASS" if ok else "MISS")


def print_size(size: int, articles: int, figures: dict[str, dict]):
    statements = figures["segmentation"]["statements"]
    print(f"\n== {size:,} statements requested: {articles:,} synthetic articles, {statements:,} statements "
          f"after segmentation, {figures['segmentation']['boilerplate_share']:.0%} of them flagged boilerplate ==")
    print(f"{'stage':<40} {'statements':>10} {'seconds':>9} {'statements/s':>13} {'peak MiB':>9} {'+MiB':>7}")
    for stage in STAGES:
        f = figures[stage]
        print(f"{STAGE_TITLES[stage]:<40} {f['statements']:>10,} {f['seconds']:>9.2f} {_rate(f):>13,.0f} "
              f"{f['peak_mib']:>9.0f} {f['stage_mib']:>7.0f}")
    print(f"  classifier fit on gold + dev_outlets: {figures['classifier']['fit_seconds']:.2f} s (not in the rate); "
          f".tag() on the first {MODEL_TAG_ROWS:,} only")
    print(f"  distinct texts: {figures['codebook_distinct']['statements']:,} of {figures['codebook']['statements']:,} "
          f"statements ({figures['codebook_distinct']['statements'] / figures['codebook']['statements']:.0%}); "
          "the tagger tags each distinct text once")
    print(f"  codebook tagger: {figures['codebook']['cues']} cues; spaCy sample: {figures['spacy']['cues']} cues "
          f"(codebook_sample runs the codebook tagger on exactly those)")
    ratio_all = _rate(figures["codebook"]) / _rate(figures["spacy"])
    ratio_same = _rate(figures["codebook_sample"]) / _rate(figures["spacy"])
    print(f"  speed ratio codebook / spaCy: {ratio_all:.2f}x with all codebook cues, {ratio_same:.2f}x on the same "
          "cue sample")


def print_targets(results: dict[int, dict[str, dict]]):
    sizes = sorted(results)
    print("\n== targets (one core) ==")
    worst_codebook = min(_rate(results[s]["codebook"]) for s in sizes)
    print(f"{_verdict(worst_codebook >= TARGET_CODEBOOK)}  codebook tagger >= {TARGET_CODEBOOK:,} statements/s with "
          f"all cues: slowest size {worst_codebook:,.0f}/s")
    worst_distinct = min(_rate(results[s]["codebook_distinct"]) for s in sizes)
    print(f"{_verdict(worst_distinct >= TARGET_CODEBOOK)}  the same on distinct texts only (no text repeated): "
          f"slowest size {worst_distinct:,.0f}/s")
    worst_ratio = min(_rate(results[s]["codebook"]) / _rate(results[s]["spacy"]) for s in sizes)
    print(f"{_verdict(worst_ratio >= TARGET_RATIO)}  codebook tagger >= {TARGET_RATIO:g}x the spaCy peer: "
          f"lowest ratio {worst_ratio:.2f}x")
    worst_e2e = min(_rate(results[s]["end_to_end"]) for s in sizes)
    print(f"{_verdict(worst_e2e >= TARGET_END_TO_END)}  end to end >= {TARGET_END_TO_END:,} statements/s: "
          f"slowest size {worst_e2e:,.0f}/s")
    worst_fresh = min(_rate(results[s]["end_to_end_fresh"]) for s in sizes)
    print(f"{_verdict(worst_fresh >= TARGET_END_TO_END)}  the same on the corpus without recurring text: "
          f"slowest size {worst_fresh:,.0f}/s")
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        growth = {}
        for stage in STAGES:
            if stage == "model_tag":   # measured on a fixed slice, so it says nothing about growth
                continue
            per_small = results[small][stage]["seconds"] / results[small][stage]["statements"]
            per_large = results[large][stage]["seconds"] / results[large][stage]["statements"]
            growth[stage] = per_large / per_small
        bad = [s for s, g in growth.items() if g > LINEAR_TOLERANCE]
        detail = ", ".join(f"{s} {g:.2f}" for s, g in growth.items())
        print(f"{_verdict(not bad)}  cost linear in corpus size (time per statement at {large:,} / at {small:,} "
              f"<= {LINEAR_TOLERANCE}): {detail}")
    else:
        print(f"{_verdict(None)}  cost linear in corpus size: needs two sizes")
    million = [s for s in sizes if s >= 1_000_000]
    if million:
        f = results[million[-1]]
        peak = max(f["end_to_end"]["peak_mib"], f["end_to_end_fresh"]["peak_mib"])
        over = [f"{s} {f[s]['peak_mib']:.0f}" for s in STAGES if f[s]["peak_mib"] >= TARGET_PEAK_MIB]
        print(f"{_verdict(peak < TARGET_PEAK_MIB)}  peak memory < 1 GiB at {million[-1]:,} statements: end to end "
              f"{f['end_to_end']['peak_mib']:,.0f} MiB, without recurring text "
              f"{f['end_to_end_fresh']['peak_mib']:,.0f} MiB"
              + (f" (stages at or over 1 GiB: {', '.join(over)})" if over else ""))
    else:
        print(f"{_verdict(None)}  peak memory < 1 GiB at 1M statements: add 1000000 to --sizes")


def print_spacy_translation(agreement):
    print("\n== cues translated for the spaCy peer: statements matched by the codebook regex, by the spaCy "
          "patterns, and by both (first 10,000 synthetic statements + the coded statements of data/annotations) ==")
    print(f"{'cue':<28} {'regex':>6} {'spaCy':>6} {'both':>6}  translation")
    for cue_id, regex, spacy_hits, both in agreement:
        print(f"{cue_id:<28} {regex:>6} {spacy_hits:>6} {both:>6}  {SPACY_CUES[cue_id]['how']}")


def print_profile(path: Path, title: str, top: int = 25):
    import pstats
    print(f"\n== cProfile: {title} ==")
    for key in ("cumulative", "tottime"):
        stats = pstats.Stats(str(path))
        stats.sort_stats(key)
        print(f"-- top {top} by {key} --")
        stats.print_stats(top)


def code_fingerprint() -> str:
    """The commit and a hash of the code and data the figures were measured on (the tree may be edited)."""
    import hashlib
    from analysis import paths
    digest = hashlib.sha256()
    for path in sorted(paths.ROOT.glob("analysis/*.py")) + sorted(paths.DATA.glob("*.*")):
        digest.update(path.name.encode() + path.read_bytes())
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=paths.ROOT, capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = ""
    return f"commit {commit or '?'}, code+data sha256 {digest.hexdigest()[:12]} ({paths.ROOT})"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated statement counts (default 10000,100000; the issue's third is 1000000)")
    parser.add_argument("--workdir", default=None,
                        help="folder for the synthetic corpora and intermediate tables (kept and reused); "
                             "default a temporary folder removed at the end")
    parser.add_argument("--profile", type=int, default=None, metavar="SIZE",
                        help="instead of the figures, cProfile the codebook tagger, attribution and end to end "
                             "at SIZE statements")
    parser.add_argument("--json", default=None, metavar="FILE", help="also write every figure to this JSON file")
    parser.add_argument("--stages", default=",".join(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("--stage", default=None, help=argparse.SUPPRESS)   # internal: run one stage
    parser.add_argument("--size", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--agreement", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.stage or args.agreement:
        workdir = Path(args.workdir)
        if args.agreement:
            print("RESULT " + json.dumps(spacy_agreement(workdir, args.size)))
        else:
            profile = Path(args.profile_out) if args.profile_out else None
            print("RESULT " + json.dumps(run_stage(args.stage, workdir, args.size, profile)))
        return 0

    temporary = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="kuril-bench-")) if temporary else Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        print(f"kuril-stance tagging benchmark: Python {sys.version.split()[0]}, one core (affinity {{0}}, "
              f"{', '.join(v + '=1' for v in THREAD_VARIABLES[:3])}), synthetic corpora in {workdir}")
        fingerprint = code_fingerprint()   # the tree the run starts on, printed and written to the JSON alike
        print(f"measured on {fingerprint}")
        if args.profile:
            size = args.profile
            make_corpus(size, workdir)
            _child(["--stage", "segmentation", "--workdir", str(workdir), "--size", str(size)])
            for stage in ("codebook", "attribution", "end_to_end"):
                out = workdir / f"profile_{stage}_{size}.prof"
                figures = _child(["--stage", stage, "--workdir", str(workdir), "--size", str(size),
                                  "--profile-out", str(out)])
                print_profile(out, f"{STAGE_TITLES[stage]} at {figures['statements']:,} statements, "
                                   f"{figures['seconds']:.2f} s under the profiler")
            return 0
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        stages = [s for s in args.stages.split(",") if s]
        results = {}
        for size in sizes:
            jsonl = make_corpus(size, workdir)
            if "end_to_end_fresh" in stages:   # built here, so that its making is not in the stage's peak memory
                make_fresh_corpus(size, workdir)
            articles = json.loads(jsonl.with_suffix(".json").read_text())["articles"]
            results[size] = {}
            for stage in stages:
                results[size][stage] = run_stage_in_processes(stage, workdir, size)
                f = results[size][stage]
                print(f"  {size:,}: {stage} {f['statements']:,} statements in {f['seconds']:.2f} s", file=sys.stderr)
            if set(STAGES) <= set(stages):
                print_size(size, articles, results[size])
            if size == sizes[0] and "spacy" in stages:
                print_spacy_translation(_child(["--agreement", "--workdir", str(workdir), "--size", str(size)]))
        if set(STAGES) <= set(stages):
            print_targets(results)
        if args.json:
            Path(args.json).write_text(json.dumps({"fingerprint": fingerprint, "figures": results}, indent=1))
    finally:
        if temporary:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
