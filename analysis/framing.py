"""How each article frames the dispute: whose voice it carries, what it quotes, what it reuses, who it blames.

Every function here takes a tagged statement table (the output of ``analysis.pipeline.tag_corpus``, or a
coded table laid over it with ``analysis.evaluation.apply_coding``) and returns a tidy table that a chart in
``analysis.charts`` draws and ``notebooks/04_framing.ipynb`` shows:

- ``voice_share_table``: per article, the share of statements in each voice (a side's officials, the outlet).
- ``quote_mode_table``: per article and voice, direct quotes against paraphrase (reported speech).
- ``background_table`` / ``background_stance_table``: how much of an article is reused background
  (``is_boilerplate``) and which stances that background carries.
- ``frame_table``: the codebook's frames per article.
- ``blame_table``: statements that cast a side as the obstacle to the treaty, from the blame cues of
  ``data/framing_cues.yaml`` and the side words next to them (``find_blame`` explains the rules).
- ``headline_lead_table``: which side is the subject of the headline and the lead, and their stances.
- ``framing_card_table``: all of the above per article, in one long table for the framing cards.

The per-article tables take ``units`` (``analysis.units.chart_units``): with it they count per row of the
chart, an article while the corpus is small and an outlet when it is large.

Example:
    >>> [b.side for b in find_blame("Moscow blamed Tokyo's sanctions for the freeze.")]
    ['japan']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import paths
from .attribution import SPEECH_VERBS, ActorIndex, load_actors
from .codebook import ID_PATTERN, CodebookError
from .datafiles import check_keys, compile_pattern, fail, read_yaml, text_value
from .patterns import MatchClock, PatternTimeout
from .units import by_unit, outlet_name
from .vocab import PARTIES, SIDE_WORD_REGEXES, VOICE_SIDES, voice_column

FRAMING_CUES = paths.DATA / "framing_cues.yaml"
SIDES = PARTIES  # the sides that can be blamed
VOICE_ORDER = VOICE_SIDES
MODE_ORDER = ("direct_quote", "reported")
LOOK_DIRECTIONS = ("before", "after")
TOP_KEYS = {"version", "window", "object_words", "after_object_words", "cues"}
CUE_KEYS = {"id", "pattern", "look", "note"}

VOICE_SHARE_COLUMNS = ["article_id", "article", "voice_side", "voice", "statements", "share_pct"]
QUOTE_MODE_COLUMNS = ["article_id", "article", "voice_side", "voice", "mode", "statements", "share_pct"]
BACKGROUND_COLUMNS = ["article_id", "article", "part", "statements", "share_pct"]
BACKGROUND_STANCE_COLUMNS = ["part", "stance", "holder_side", "statements"]
FRAME_COLUMNS = ["article_id", "article", "frame", "statements", "share_pct"]
BLAME_COLUMNS = ["article_id", "sent_idx", "cue", "cue_text", "blamed_side", "blamed_word", "how", "voice_side",
                 "is_boilerplate", "text"]
HEADLINE_LEAD_COLUMNS = ["article_id", "part", "sent_idx", "subject", "subject_side", "sides_named", "stances",
                         "holder_side", "voice_side", "blamed_sides", "text"]
CARD_COLUMNS = ["article_id", "panel", "category", "label", "statements", "share_pct"]

_PRONOUN = re.compile(r"\b(?:they|it|this|these|he|she)\b", re.IGNORECASE)
_SPEAKER_AFTER = re.compile(rf"^['’]?s?\s*(?:\w+\s+){{0,2}}?(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_POSSESSOR = re.compile(r"^'s?\s+(?:[a-z]+\s+){0,2}$")
_PASSIVE_BY = re.compile(r"^\s+by\b", re.IGNORECASE)
_WORD = re.compile(r"\S+")


class FramingCuesError(CodebookError):
    """A problem in the framing cues file; the message names the file and the cue. A CodebookError, so that
    the command line reports it as one line like the codebook's."""


@dataclass(frozen=True)
class BlameCue:
    id: str
    pattern: str
    regex: re.Pattern
    look: tuple
    note: str = ""


@dataclass(frozen=True)
class FramingCues:
    cues: tuple
    window: int
    object_words: frozenset
    after_object_words: frozenset
    source: str = ""

    def __post_init__(self):
        # Bounds the time a cue may backtrack on one statement (analysis.patterns); not a field.
        object.__setattr__(self, "_clock", MatchClock(self.source or "framing cues", FramingCuesError, "statement"))
        # All cues in one pattern (they are checked to join with others when read): most statements hold no
        # blame cue, and one search rules them out instead of one per cue.
        object.__setattr__(self, "_any_cue", re.compile("|".join(f"(?:{c.pattern})" for c in self.cues),
                                                         re.IGNORECASE) if self.cues else None)


@dataclass(frozen=True)
class SideMention:
    start: int
    end: int
    side: str
    word: str


@dataclass(frozen=True)
class Blame:
    """One blame cue in a statement and the side it casts as the obstacle ("" when none is found)."""

    cue: str
    cue_text: str
    start: int
    end: int
    side: str
    word: str
    how: str  # "before", "after", "passive", "pronoun" or "" (no side found)


def _fail(path, where, message):
    fail(path, where, message, FramingCuesError)


def _word_list(path, key, value) -> frozenset:
    if not isinstance(value, list):
        _fail(path, key, f"must be a list of words, got {type(value).__name__}")
    for number, word in enumerate(value, start=1):
        if not isinstance(word, str) or not word.strip():
            _fail(path, f"{key}[{number}]", f"must be a word in quotes, got {word!r} (YAML reads on/off/yes/no "
                                            "as true/false unless quoted)")
    return frozenset(w.strip().lower() for w in value)


def load_framing_cues(path: Path | str = FRAMING_CUES) -> FramingCues:
    """Read and validate the blame cues (``data/framing_cues.yaml``).

    Raises:
        FramingCuesError: naming the file and the cue for an unknown key, a missing or duplicate id, a value of
            the wrong type, a regex that does not compile or that RE2 cannot run, or a ``look`` direction
            other than before/after; naming the line for a YAML alias or nesting too deep.
    """
    path = Path(path)
    data = read_yaml(path, FramingCuesError)
    if not isinstance(data, dict):
        raise FramingCuesError(f"{path}: top level must be a mapping with 'cues'")
    check_keys(path, "top level", data, TOP_KEYS, FramingCuesError)
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        _fail(path, "top level", f"version must be a whole number, got {version!r}")
    window = data.get("window", 20)
    if not isinstance(window, int) or isinstance(window, bool) or window < 1:
        _fail(path, "window", f"must be a positive integer, got {window!r}")
    object_words = _word_list(path, "object_words", data.get("object_words", []))
    after_object_words = _word_list(path, "after_object_words", data.get("after_object_words", []))
    entries = data.get("cues")
    if not isinstance(entries, list) or not entries:
        _fail(path, "cues", "must be a non-empty list")
    cues, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        where = f"cues[{number}]"
        check_keys(path, where, entry, CUE_KEYS, FramingCuesError)
        cue_id = entry.get("id")
        if not isinstance(cue_id, str) or not ID_PATTERN.match(cue_id):
            _fail(path, where, f"id must be a lower_case identifier, got {cue_id!r}")
        where = f"cue {cue_id!r}"
        if cue_id in seen:
            _fail(path, where, "duplicate id")
        seen.add(cue_id)
        pattern = entry.get("pattern")
        regex = compile_pattern(path, where, pattern, FramingCuesError)
        look = entry.get("look", ["before", "after"])
        if isinstance(look, str):
            look = [look]
        if not isinstance(look, list) or not look or any(d not in LOOK_DIRECTIONS for d in look):
            _fail(path, where, f"look must be a list of {' / '.join(LOOK_DIRECTIONS)}, got {look!r}")
        note = text_value(path, where, "note", entry.get("note"), FramingCuesError)
        cues.append(BlameCue(cue_id, pattern, regex, tuple(look), note))
    return FramingCues(tuple(cues), window, object_words, after_object_words, str(path))


def framing_cue_table(cues: FramingCues | None = None) -> pd.DataFrame:
    """The blame cues as a table: id, where the blamed side is looked for, pattern and note."""
    cues = cues or load_framing_cues()
    return pd.DataFrame([{"cue": c.id, "look": " then ".join(c.look), "pattern": c.pattern, "note": c.note}
                         for c in cues.cues], columns=["cue", "look", "pattern", "note"])


# ------------------------------------------------------------------------------------------- side words

def side_mentions(text: str, actors: ActorIndex | None = None) -> list[SideMention]:
    """Side words and actors of a statement, left to right, the longer one winning where two overlap.

    >>> [(m.word, m.side) for m in side_mentions("Kishida said Russia's invasion had made talks impossible")]
    [('Kishida', 'japan'), ('Russia', 'russia')]
    """
    actors = actors or _default_actors()
    found = [SideMention(m.start, m.end, m.actor.side, text[m.start:m.end]) for m in actors.find(text)
             if m.actor.side in SIDES]
    for side, pattern in SIDE_WORD_REGEXES:
        found.extend(SideMention(m.start(), m.end(), side, m.group(0)) for m in pattern.finditer(text))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[SideMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


_ACTORS: ActorIndex | None = None


def _default_actors() -> ActorIndex:
    global _ACTORS
    if _ACTORS is None:
        _ACTORS = load_actors()
    return _ACTORS


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end]))


def _preceded_by(text: str, start: int, words: frozenset) -> bool:
    before = re.search(r"(\w+)\s+(?:the\s+|its\s+|their\s+)?$", text[:start])
    return bool(before and before.group(1).lower() in words)


def _look_before(text, start, mentions, cues: FramingCues):
    for mention in reversed([m for m in mentions if m.end <= start]):
        if _words_between(text, mention.end, start) > cues.window:
            break
        if _POSSESSOR.match(text[mention.end:start]):
            return mention  # "point to Japan's lack of independence": the possessor is blamed, object or not
        if _preceded_by(text, mention.start, cues.object_words):
            continue
        if _SPEAKER_AFTER.match(text[mention.end:]):
            continue
        return mention
    return None


def _look_after(text, end, mentions, cues: FramingCues):
    for mention in [m for m in mentions if m.start >= end]:
        if _words_between(text, end, mention.start) > cues.window:
            break
        if _preceded_by(text, mention.start, cues.after_object_words):
            continue
        return mention
    return None


def find_blame(text: str, *, cues: FramingCues | None = None, actors: ActorIndex | None = None,
               previous_side: str = "") -> list[Blame]:
    """The blame cues of one statement and the side each casts as the obstacle.

    Args:
        text: one statement.
        cues: blame cues; defaults to ``data/framing_cues.yaml``.
        actors: the actors index; defaults to ``data/actors.csv``.
        previous_side: the side blamed by the previous statement of the article, taken when the blamed
            subject is a pronoun ("They support the sanctions regime and this ... prevents ...").
    Returns:
        One ``Blame`` per cue match (overlapping matches count once, the longest winning), ``side`` empty
        when no side is found.

    >>> [(b.cue, b.side) for b in find_blame("Although Moscow pushes for peace with Japan, Tokyo hinders all peace efforts")]
    [('hinder', 'japan')]
    """
    cues = cues or load_framing_cues()
    text = text.replace("’", "'")
    kept = _longest_cue_matches(text, cues)
    if not kept:
        return []
    mentions = side_mentions(text, actors)
    out = []
    for start, end, cue in kept:
        side, word, how = _blamed_side(text, start, end, cue, mentions, cues)
        if not side and previous_side and _PRONOUN.search(text[max(0, start - 200):start]):
            side, how = previous_side, "pronoun"
        out.append(Blame(cue.id, text[start:end], start, end, side, word, how))
    return out


def _longest_cue_matches(text: str, cues: FramingCues) -> list[tuple[int, int, BlameCue]]:
    """(start, end, cue) of every blame cue in the text, in order; of overlapping matches the longest."""
    matches = []
    clock = cues._clock
    clock.arm(cues)
    try:
        if cues._any_cue is None or not cues._any_cue.search(text):
            return []
        for cue in cues.cues:
            for match in cue.regex.finditer(text):
                if match.end() > match.start():
                    matches.append((match.start(), match.end(), cue))
    except PatternTimeout:   # which cue it was: each alone, under the clock again
        raise clock.blame([(f"cue {cue.id!r}", lambda cue=cue: list(cue.regex.finditer(text)))
                           for cue in cues.cues]) from None
    finally:
        clock.disarm()
    matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    kept = []
    for start, end, cue in matches:
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append((start, end, cue))
    return sorted(kept, key=lambda m: m[0])


def _blamed_side(text: str, start: int, end: int, cue: BlameCue, mentions: list[SideMention],
                 cues: FramingCues) -> tuple[str, str, str]:
    """(side, word, how) of the side a cue match casts as the obstacle: the side named where the cue looks
    (before its verb, after it, or after "by" when the verb is passive), or empty strings."""
    found, how = None, ""
    look = list(cue.look)
    if look[0] == "before" and _PASSIVE_BY.match(text[end:]):
        found = _look_after(text, end, mentions, cues)
        how = "passive" if found else ""
    for direction in look:
        if found is not None:
            break
        found = (_look_before(text, start, mentions, cues) if direction == "before"
                 else _look_after(text, end, mentions, cues))
        how = direction if found else ""
    return (found.side, found.word, how) if found else ("", "", "")


def blame_table(statements: pd.DataFrame, *, cues: FramingCues | None = None,
                actors: ActorIndex | None = None) -> pd.DataFrame:
    """Every blame cue in a statement table, with the side it blames (``BLAME_COLUMNS``).

    ``blamed_side`` is ``unclear`` when the cue names no side (the statement still presents something as an
    obstacle). Statements are read in article order so a pronoun can take the previous statement's side.
    """
    cues = cues or load_framing_cues()
    actors = actors or _default_actors()
    rows = []
    ordered = statements.sort_values(["article_id", "sent_idx"], kind="stable")
    ordered = ordered[["article_id", "sent_idx", "text", "voice_side", "is_boilerplate"]]
    previous_article, previous_side = None, ""
    # Plain Python rows: iterating Arrow-backed columns row by row costs more than the cue search itself.
    for row in (ordered.astype(object) if len(ordered) else ordered).itertuples(index=False):
        if row.article_id != previous_article:
            previous_article, previous_side = row.article_id, ""
        found = find_blame(row.text, cues=cues, actors=actors, previous_side=previous_side)
        sides = [b.side for b in found if b.side]
        previous_side = sides[-1] if sides else ""
        for blame in found:
            rows.append({"article_id": row.article_id, "sent_idx": int(row.sent_idx), "cue": blame.cue,
                         "cue_text": blame.cue_text, "blamed_side": blame.side or "unclear",
                         "blamed_word": blame.word, "how": blame.how, "voice_side": row.voice_side,
                         "is_boilerplate": bool(row.is_boilerplate), "text": row.text})
    return pd.DataFrame(rows, columns=BLAME_COLUMNS)


def blamed_statements(blame: pd.DataFrame, *, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Statements per article (or per unit of ``units``) and blamed side (a statement blaming one side twice
    counts once)."""
    unique = blame.drop_duplicates(["article_id", "sent_idx", "blamed_side"])
    unique = by_unit(unique, units) if units is not None else unique
    counts = unique.groupby(["article_id", "blamed_side"]).size().rename("statements").reset_index()
    return counts.sort_values(["article_id", "blamed_side"]).reset_index(drop=True)


# --------------------------------------------------------------------------------------- voice and mode

def article_labels(statements: pd.DataFrame) -> dict:
    """{article_id: "000 · TASS · 2019-02-26"}: the label of an article on a chart axis. An empty or
    "unknown" outlet is "unknown outlet", an empty date "undated" (never invented). Statements relabelled by
    ``units.by_unit`` carry their row's label (``unit_label``)."""
    first = statements.drop_duplicates("article_id")
    if "unit_label" in first.columns:
        return dict(zip(first["article_id"], first["unit_label"]))
    outlets = first["outlet"].map(outlet_name) if "outlet" in first.columns else pd.Series("unknown outlet", first.index)
    dates = first["date"].fillna("").astype(str).replace("", "undated") if "date" in first.columns else "undated"
    return dict(zip(first["article_id"], first["article_id"].astype(str) + " · " + outlets + " · " + dates))


def _with_article(counts: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    return counts.assign(article=counts["article_id"].map(article_labels(statements)))


def _in_units(statements: pd.DataFrame, units: pd.DataFrame | None) -> pd.DataFrame:
    return by_unit(statements, units) if units is not None else statements


def _share(counts: pd.DataFrame, by: list[str]) -> pd.Series:
    totals = counts.groupby(by)["statements"].transform("sum")
    return (100 * counts["statements"] / totals).astype(float)


def voice_share_table(statements: pd.DataFrame, *, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article (or unit), statements in each voice (``voice``: a side's officials or its media apart,
    ``other``, ``outlet`` narration; ``vocab.voice_of``) and their share of the article's statements in percent."""
    statements = _in_units(statements, units)
    statements = statements.assign(voice=voice_column(statements))
    counts = statements.groupby(["article_id", "voice_side", "voice"]).size().rename("statements").reset_index()
    counts["share_pct"] = _share(counts, ["article_id"])
    return _with_article(counts, statements)[VOICE_SHARE_COLUMNS].sort_values(["article_id", "voice_side", "voice"]).reset_index(drop=True)


def quote_mode_table(statements: pd.DataFrame, *, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article (or unit) and speaking side, statements quoted directly against paraphrased (reported
    speech).

    Narration has no speaker and is left out; ``share_pct`` is the share of that side's attributed
    statements in the article.
    """
    statements = _in_units(statements, units)
    spoken = statements[statements["mode"].isin(MODE_ORDER) & (statements["voice_side"] != "outlet")]
    spoken = spoken.assign(voice=voice_column(spoken))
    counts = spoken.groupby(["article_id", "voice_side", "voice", "mode"]).size().rename("statements").reset_index()
    counts["share_pct"] = _share(counts, ["article_id", "voice"])
    return _with_article(counts, statements)[QUOTE_MODE_COLUMNS].sort_values(["article_id", "voice_side", "voice", "mode"]).reset_index(drop=True)


# ------------------------------------------------------------------------------------------ background

def _part(statements: pd.DataFrame) -> pd.Series:
    return statements["is_boilerplate"].astype(bool).map({True: "background", False: "own text"})


def background_table(statements: pd.DataFrame, *, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article (or unit), statements in its own text and in reused background paragraphs
    (``is_boilerplate``: paragraphs that recur nearly word for word in other articles of the corpus)."""
    statements = _in_units(statements, units)
    table = statements.assign(part=_part(statements))
    counts = table.groupby(["article_id", "part"]).size().rename("statements").reset_index()
    full = pd.MultiIndex.from_product([sorted(table["article_id"].unique()), ["own text", "background"]],
                                      names=["article_id", "part"])
    counts = counts.set_index(["article_id", "part"]).reindex(full, fill_value=0).reset_index()
    counts["share_pct"] = _share(counts, ["article_id"])
    return _with_article(counts, statements)[BACKGROUND_COLUMNS].sort_values(["article_id", "part"]).reset_index(drop=True)


def explode_stances(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per (statement, stance); statements without a stance are dropped."""
    table = statements.assign(stance=statements["stances"].fillna("").astype(str).str.split(";"))
    table = table.explode("stance")
    return table[table["stance"] != ""].reset_index(drop=True)


def background_stance_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Stance statements in own text and in reused background, by stance and holder side."""
    table = explode_stances(statements)
    table = table.assign(part=_part(table))
    counts = table.groupby(["part", "stance", "holder_side"]).size().rename("statements").reset_index()
    return counts[BACKGROUND_STANCE_COLUMNS].sort_values(["part", "stance", "holder_side"]).reset_index(drop=True)


def frame_table(statements: pd.DataFrame, *, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article (or unit), statements carrying each frame of the codebook (a statement may carry several),
    and their share of the article's statements in percent."""
    statements = _in_units(statements, units)
    totals = statements.groupby("article_id").size()
    table = statements.assign(frame=statements["frames"].fillna("").astype(str).str.split(";")).explode("frame")
    table = table[table["frame"] != ""]
    counts = table.groupby(["article_id", "frame"]).size().rename("statements").reset_index()
    counts["share_pct"] = (100 * counts["statements"] / counts["article_id"].map(totals)).astype(float)
    return _with_article(counts, statements)[FRAME_COLUMNS].sort_values(["article_id", "frame"]).reset_index(drop=True)


# -------------------------------------------------------------------------------------- headline, lead

def _strip_dateline(text: str) -> int:
    from .statements import dateline_end

    return dateline_end(text)


def headline_lead_table(statements: pd.DataFrame, *, cues: FramingCues | None = None,
                        actors: ActorIndex | None = None) -> pd.DataFrame:
    """The headline and the first lead sentence of each article: the side that is their subject (the first
    side word or actor, after any dateline), every side they name, their stances and whom they blame."""
    actors = actors or _default_actors()
    cues = cues or load_framing_cues()
    rows = []
    ordered = statements.sort_values(["article_id", "sent_idx"], kind="stable")
    for order, (part, flag) in enumerate((("headline", "is_headline"), ("lead", "is_lead"))):
        chosen = ordered[ordered[flag].astype(bool)].drop_duplicates("article_id")
        for row in chosen.itertuples(index=False):
            text = str(row.text)
            offset = _strip_dateline(text)
            mentions = side_mentions(text[offset:].replace("’", "'"), actors)
            sides = list(dict.fromkeys(m.side for m in mentions))
            blamed = [b.side for b in find_blame(text, cues=cues, actors=actors) if b.side]
            rows.append({"article_id": row.article_id, "part": part, "sent_idx": int(row.sent_idx),
                         "subject": mentions[0].word if mentions else "",
                         "subject_side": mentions[0].side if mentions else "none",
                         "sides_named": ";".join(sides), "stances": row.stances,
                         "holder_side": row.holder_side, "voice_side": row.voice_side,
                         "blamed_sides": ";".join(dict.fromkeys(blamed)), "text": text, "_order": order})
    table = pd.DataFrame(rows, columns=HEADLINE_LEAD_COLUMNS + ["_order"])
    table = table.sort_values(["article_id", "_order"], kind="stable")
    return table.drop(columns=["_order"]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------- framing cards

def _card_meta(statements: pd.DataFrame, units: pd.DataFrame | None) -> pd.DataFrame:
    """The meta panel: outlet and date of each article; for a unit of several articles, its name, how many
    articles it holds and the span of their dates."""
    first = statements.drop_duplicates("article_id")[["article_id", "outlet", "date"]]
    first = first.assign(outlet=first["outlet"].fillna("").astype(str).replace("", "unknown"),
                         date=first["date"].fillna("").astype(str))
    if units is None or (units["unit"] == units["article_id"]).all():
        return pd.concat([first.assign(panel="meta", category="outlet", label=first["outlet"]),
                          first.assign(panel="meta", category="date", label=first["date"].replace("", "undated"))],
                         ignore_index=True)[["article_id", "panel", "category", "label"]]
    first = by_unit(first, units)
    rows = []
    for unit, part in first.groupby("article_id", sort=True):
        dates = sorted(d for d in part["date"] if d)
        span = "undated" if not dates else dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
        undated = len(part) - len(dates)
        rows += [{"article_id": unit, "panel": "meta", "category": "outlet", "label": unit},
                 {"article_id": unit, "panel": "meta", "category": "date",
                  "label": span + (f" ({undated} undated)" if undated and dates else "")},
                 {"article_id": unit, "panel": "meta", "category": "articles", "label": str(len(part)),
                  "statements": len(part)}]
    return pd.DataFrame(rows)


def framing_card_table(statements: pd.DataFrame, *, cues: FramingCues | None = None,
                       actors: ActorIndex | None = None, blame: pd.DataFrame | None = None,
                       headlines: pd.DataFrame | None = None, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Everything a framing card shows, one long table (``CARD_COLUMNS``); ``panel`` is one of

    - ``meta``: category outlet / date (``label`` holds the value; an empty date is "undated"); for a unit of
      several articles (``units``: one card per outlet) the outlet, the span of dates and ``articles``;
    - ``voice``: statements per voice (a side's officials, its media, the outlet); ``mode``: category
      "<voice> <mode>" for attributed statements;
    - ``background``: own text / background; ``frame``: statements per frame;
    - ``blame``: statements per blamed side; ``headline``: category subject_side, ``label`` the subject word,
      ``statements`` the headlines with that subject (one row per article; for a unit, per side, the word its
      headlines name most often).

    ``blame`` and ``headlines`` are ``blame_table`` and ``headline_lead_table`` of the same statements when
    the caller has them already (each reads every statement once more otherwise).
    """
    cues = cues or load_framing_cues()
    blame = blame if blame is not None else blame_table(statements, cues=cues, actors=actors)
    headlines = headlines if headlines is not None else headline_lead_table(statements, cues=cues, actors=actors)
    meta = _card_meta(statements, units)
    voice = (voice_share_table(statements, units=units).drop(columns="voice_side")
             .rename(columns={"voice": "category"}).assign(panel="voice"))
    mode = quote_mode_table(statements, units=units)
    mode = mode.assign(category=mode["voice"] + " " + mode["mode"], panel="mode").drop(columns=["voice_side", "voice", "mode"])
    background = (background_table(statements, units=units).rename(columns={"part": "category"})
                  .assign(panel="background"))
    frames = frame_table(statements, units=units).rename(columns={"frame": "category"}).assign(panel="frame")
    blamed = blamed_statements(blame, units=units).rename(columns={"blamed_side": "category"}).assign(panel="blame")
    headlines = headlines[headlines["part"] == "headline"]
    headlines = _in_units(headlines, units) if units is not None else headlines
    headline = (headlines.groupby(["article_id", "subject_side"])
                .agg(statements=("subject", "size"), label=("subject", lambda words: words.mode().iloc[0]))
                .reset_index().rename(columns={"subject_side": "category"}).assign(panel="headline"))
    if units is None or (units["unit"] == units["article_id"]).all():
        headline = headline.assign(statements=0)   # one headline per article: the card names its subject
    card = pd.concat([meta, voice, mode, background, frames, blamed, headline], ignore_index=True)
    card = card.drop(columns=["article", "unit_label"], errors="ignore")
    card["label"] = card["label"].fillna("")
    card["statements"] = card["statements"].fillna(0).astype(int)
    card["share_pct"] = card["share_pct"].astype(float)
    return card[CARD_COLUMNS].reset_index(drop=True)
