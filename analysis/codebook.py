"""The codebook: stances, frames and their cues, read from ``data/codebook.yaml`` and validated.

The codebook is data a teacher edits, so every mistake in it gets an error naming the entry: an unknown key,
a missing id, a duplicate id, a value of the wrong type, a regex that does not compile, that RE2 cannot run
or that cannot be joined with the others (``analysis.patterns``). YAML is read with ``yaml.safe_load``:
nothing in the file is executed; aliases (``*name``) and nesting deeper than ``MAX_DEPTH`` are refused
before it is built.

Example:
    >>> from analysis.codebook import load_codebook
    >>> codebook = load_codebook()
    >>> codebook.stance_ids
    ['sovereignty_non_negotiable', 'treaty_first', 'territory_first', 'sanctions_obstacle']
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import paths
from . import datafiles
from .datafiles import DataFileError, shown
from .patterns import whole_word
from .vocab import HOLDER_SIDES

TOP_KEYS = {"version", "lexicon", "negation", "context", "no_view", "shared_documents", "stances", "frames"}
CONTEXT_KEYS = {"window", "refers_back"}
NO_VIEW_KEYS = {"withholds", "unless"}
SHARED_DOCUMENT_KEYS = {"stances", "names", "pointing_back"}
NEGATION_KEYS = {"window", "cues", "hedges", "cancels", "avoidance"}
STANCE_KEYS = {"id", "label", "definition", "include", "exclude", "examples", "cues", "default_holder",
               "holder_from_position", "holders"}
FRAME_KEYS = {"id", "label", "definition", "cues"}
CUE_KEYS = {"id", "pattern", "note", "negatable", "holder"}
HOLDERS = set(HOLDER_SIDES) - {"none"}  # a cue or stance names a holder; "none" is no holder
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
EXAMPLE_KEYS = {"positive", "negative"}
NEGATION_WORDS = ("cues", "hedges", "cancels", "avoidance")


class CodebookError(DataFileError):
    """A problem in the codebook; the message names the file and the entry."""


# The checks of analysis.datafiles, raising CodebookError.
fail = partial(datafiles.fail, error=CodebookError)
check_keys = partial(datafiles.check_keys, error=CodebookError)
compile_pattern = partial(datafiles.compile_pattern, error=CodebookError)
text_value = partial(datafiles.text_value, error=CodebookError)
text_list = partial(datafiles.text_list, error=CodebookError)
read_yaml = partial(datafiles.read_yaml, error=CodebookError)


@dataclass(frozen=True)
class Cue:
    id: str
    label_id: str           # the stance or frame the cue signals
    pattern: str            # the regex matched: ``written`` with its word classes spelled out
    regex: re.Pattern = field(compare=False, repr=False)
    negatable: bool = True
    holder: str = ""
    note: str = ""
    written: str = field(default="", compare=False)   # the pattern as the codebook writes it ({handover} ...)


@dataclass(frozen=True)
class Label:
    """A stance or a frame."""

    id: str
    label: str
    definition: str
    cues: tuple
    default_holder: str = ""
    include: tuple = ()
    exclude: tuple = ()
    examples: dict = field(default_factory=dict, compare=False)
    holder_from_position: bool = True   # whether the subject of a position predicate holds the stance
    holders: tuple = ()   # the sides that may hold the stance; empty: any


@dataclass(frozen=True)
class HolderImplications:
    """What the codebook says about whose position a statement expresses (``analysis.holder``).

    ``default_holder``: stance id -> the side that usually holds it; ``from_position``: stance id -> whether
    the subject of a position predicate ("Tokyo maintains ...") holds it; ``cue_holder``: cue id -> the side
    whose position the cue words ("illegally occupied" is Japan's claim); ``holders``: stance id -> the sides
    that may hold it, for the stances whose entry lists them.
    """

    default_holder: dict
    from_position: dict
    cue_holder: dict
    withholds: tuple = ()   # compiled patterns of a statement that only withholds comment, greets or schedules
    evaluates: tuple = ()   # compiled patterns of an evaluation that keeps a view in such a statement
    shared_stances: frozenset = frozenset()   # the ``shared_documents`` section: the stances a document both
    shared_documents: tuple = ()              # sides signed states, and the compiled patterns that name one
    holders: dict = field(default_factory=dict)
    pointing_back: tuple = ()   # compiled patterns of a statement telling of the document the one before names

    def tells_shared_document(self, stances, text: str, before: str = "") -> bool:
        """Whether a statement with ``stances`` tells what a document both sides signed says (the
        ``shared_documents`` section): every stance is one such a document states and a pattern names one
        ("Under the 1956 declaration, Moscow agreed to hand over two islands after a peace treaty"), or it
        points back to the document the statement ``before`` it names ("That document promised the handover of
        Shikotan and the Habomai islets once a peace treaty was signed")."""
        if not stances or not all(stance in self.shared_stances for stance in stances):
            return False
        return any(pattern.search(text) for pattern in self.shared_documents) or (
            bool(before) and any(pattern.search(text) for pattern in self.pointing_back)
            and any(pattern.search(before) for pattern in self.shared_documents))

    def states_no_view(self, text: str) -> bool:
        """Whether a statement without a stance says nothing of its side's view (the ``no_view`` section):
        it withholds comment, greets or announces procedure ("I will refrain from commenting", "That is all
        from me"), and evaluates nothing ("... is extremely regrettable")."""
        withholds, evaluates = self._unions
        return (withholds is not None and withholds.search(text) is not None
                and (evaluates is None or evaluates.search(text) is None))

    @functools.cached_property
    def _unions(self):
        """Each list of patterns as one alternation: one search of a statement instead of one per pattern."""
        return tuple(re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE) if patterns else None
                     for patterns in (self.withholds, self.evaluates))


@dataclass(frozen=True)
class Codebook:
    stances: tuple
    frames: tuple
    negators: tuple
    hedges: tuple
    negation_window: int
    source: str = ""
    cancels: tuple = ()
    lexicon: dict = field(default_factory=dict, compare=False)   # word class -> its alternatives, spelled out
    avoiders: tuple = ()   # avoidance and distancing ("stopped short of", "so-called"): switch off any stance cue
    refers_back: tuple = field(default=(), compare=False)   # compiled patterns of a statement that points back
    context_window: int = 0     # how many statements back the position it points at may stand (analysis.context)
    withholds: tuple = field(default=(), compare=False)   # the ``no_view`` section (HolderImplications)
    evaluates: tuple = field(default=(), compare=False)
    shared_stances: frozenset = field(default=frozenset(), compare=False)   # the ``shared_documents`` section
    shared_documents: tuple = field(default=(), compare=False)
    pointing_back: tuple = field(default=(), compare=False)

    @property
    def stance_ids(self) -> list[str]:
        return [s.id for s in self.stances]

    @property
    def frame_ids(self) -> list[str]:
        return [f.id for f in self.frames]

    @property
    def default_holders(self) -> dict:
        return {s.id: s.default_holder for s in self.stances if s.default_holder}

    @property
    def holder_implications(self) -> HolderImplications:
        return HolderImplications(self.default_holders, {s.id: s.holder_from_position for s in self.stances},
                                  {cue.id: cue.holder for cue in self.cues() if cue.holder},
                                  self.withholds, self.evaluates, self.shared_stances, self.shared_documents,
                                  {s.id: frozenset(s.holders) for s in self.stances if s.holders}, self.pointing_back)

    def stance(self, stance_id: str) -> Label:
        for stance in self.stances:
            if stance.id == stance_id:
                return stance
        raise KeyError(stance_id)

    def cues(self, kind: str = "stances") -> list[Cue]:
        return [cue for label in getattr(self, kind) for cue in label.cues]


def _holder(path, where, key, value) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or value not in HOLDERS:
        fail(path, where, f"{key} {shown(value)} not in {sorted(HOLDERS)}")
    return value


def _holders(path, where, value, default_holder: str) -> tuple:
    """A stance's ``holders``: a list of sides, which holds its ``default_holder`` if it has one."""
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        fail(path, where, f"holders must be a list of sides, got {shown(value)}")
    sides = tuple(_holder(path, where, "holders: side", side) or fail(path, where, "holders: a side is empty")
                  for side in value)
    if default_holder and default_holder not in sides:
        fail(path, where, f"holders {list(sides)} must include the default_holder {default_holder!r}")
    return sides


def _examples(path, where, value) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        fail(path, where, f"examples must be a mapping of positive and negative lists, got {shown(value)}")
    check_keys(path, f"{where} examples", value, EXAMPLE_KEYS)
    return {key: list(text_list(path, where, f"examples: {key}", texts)) for key, texts in value.items()}


# A word class named in a cue pattern: "{handover}". Regex repetition is digits in braces ("{2,5}"), never
# a lower-case name, so the two cannot be confused.
_CLASS_REFERENCE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def _lexicon(path, entries) -> dict:
    """The codebook's word classes (``lexicon``), each a list of alternatives that may name other classes,
    spelled out into one non-capturing group per class. A class that names itself, directly or not, an
    unknown class or an empty list is an error naming the class."""
    if entries is None:
        return {}
    if not isinstance(entries, dict):
        fail(path, "lexicon", f"must be a mapping of word classes to lists of words, got {shown(entries)}")
    for name, words in entries.items():
        where = f"lexicon {name!r}"
        if not isinstance(name, str) or not ID_PATTERN.match(name):
            fail(path, "lexicon", f"class names are lower_case identifiers, got {shown(name)}")
        if not isinstance(words, list) or not words:
            fail(path, where, f"must be a non-empty list of words in quotes, got {shown(words)}")
        for number, word in enumerate(words, start=1):
            if not isinstance(word, str) or not word.strip():
                fail(path, f"{where}[{number}]", f"must be a non-empty word in quotes, got {shown(word)}")
    spelled: dict = {}

    def spell(name: str, chain: tuple) -> str:
        if name in chain:
            fail(path, f"lexicon {chain[0]!r}", f"names itself through {' -> '.join(chain + (name,))}")
        if name not in spelled:
            words = [_spelled_out(path, f"lexicon {name!r}", word, entries, lambda n: spell(n, chain + (name,)))
                     for word in entries[name]]
            spelled[name] = "(?:" + "|".join(words) + ")"
        return spelled[name]

    for name in entries:
        spell(name, ())
    return spelled


def _spelled_out(path, where, pattern: str, classes: dict, spell) -> str:
    """``pattern`` with each ``{class}`` replaced by the class's alternatives (``spell`` of its name)."""
    def replace(match):
        name = match.group(1)
        if name not in classes:
            near = datafiles.closest(name, classes)
            hint = f"; did you mean {{{near}}}?" if near else ""
            known = ", ".join(sorted(classes)) or "none"
            fail(path, where, f"unknown word class {{{name}}} (the lexicon has: {known}){hint}")
        return spell(name)
    return _CLASS_REFERENCE.sub(replace, pattern)


def _labels(path, kind, entries, keys, seen_ids, seen_cues, lexicon: dict | None = None) -> tuple:
    if not isinstance(entries, list) or not entries:
        fail(path, kind, "must be a non-empty list")
    labels = []
    for number, entry in enumerate(entries, start=1):
        where = f"{kind}[{number}]"
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            where = f"{kind}[{number}] ({entry['id']})"
        check_keys(path, where, entry, keys)
        label_id = entry.get("id")
        if not isinstance(label_id, str) or not ID_PATTERN.match(label_id):
            fail(path, where, f"id must be a lower_case identifier, got {shown(label_id)}")
        where = f"{kind[:-1]} {label_id!r}"
        if label_id in seen_ids:
            fail(path, where, "duplicate id")
        seen_ids.add(label_id)
        definition = text_value(path, where, "definition", entry.get("definition"))
        if not definition.strip():
            fail(path, where, "definition is missing")
        label = text_value(path, where, "label", entry.get("label"), default=label_id)
        default_holder = _holder(path, where, "default_holder", entry.get("default_holder"))
        from_position = entry.get("holder_from_position", True)
        if not isinstance(from_position, bool):
            fail(path, where, f"holder_from_position must be true or false, got {shown(from_position)}")
        holders = _holders(path, where, entry.get("holders"), default_holder)
        entry_cues = entry.get("cues")
        if entry_cues is not None and not isinstance(entry_cues, list):
            fail(path, where, f"cues must be a list of cues, got {shown(entry_cues)}")
        cues = []
        for cue_number, cue in enumerate(entry_cues or [], start=1):
            cue_where = f"{where} cue[{cue_number}]"
            check_keys(path, cue_where, cue, CUE_KEYS)
            cue_id = cue.get("id")
            if not isinstance(cue_id, str) or not ID_PATTERN.match(cue_id):
                fail(path, cue_where, f"cue id must be a lower_case identifier, got {shown(cue_id)}")
            cue_where = f"{where} cue {cue_id!r}"
            if cue_id in seen_cues:
                fail(path, cue_where, "duplicate cue id")
            seen_cues.add(cue_id)
            holder = _holder(path, cue_where, "holder", cue.get("holder"))
            negatable = cue.get("negatable", True)
            if not isinstance(negatable, bool):
                fail(path, cue_where, "negatable must be true or false")
            note = text_value(path, cue_where, "note", cue.get("note"))
            written = cue.get("pattern")
            pattern = written
            if isinstance(written, str) and lexicon is not None:
                pattern = _spelled_out(path, cue_where, written, lexicon, lexicon.get)
            cues.append(Cue(cue_id, label_id, pattern, compile_pattern(path, cue_where, pattern), negatable, holder,
                            note, written if isinstance(written, str) else ""))
        include = text_list(path, where, "include", entry.get("include"))
        exclude = text_list(path, where, "exclude", entry.get("exclude"))
        examples = _examples(path, where, entry.get("examples"))
        labels.append(Label(label_id, label, definition.strip(), tuple(cues), default_holder, include, exclude,
                            examples, from_position, holders))
    return tuple(labels)


def _negation_words(path, negation, key) -> tuple:
    """The negators, hedges or cancels: words in quotes, each checked as the tagger matches it (``\\b`` around
    a word that begins and ends with a letter or digit)."""
    words = negation.get(key)
    if words is None:
        return ()
    if not isinstance(words, list):
        fail(path, "negation", f"{key} must be a list of words in quotes, got {shown(words)}")
    for number, word in enumerate(words, start=1):
        where = f"negation {key}[{number}]"
        if not isinstance(word, str) or not word.strip():
            hint = " (YAML reads on/off/yes/no as true/false unless quoted)" if isinstance(word, bool) else ""
            fail(path, where, f"must be a non-empty word in quotes, got {shown(word)}{hint}")
        compile_pattern(path, where, rf"\b{word}\b" if whole_word(word) else word, written=word)
    return tuple(words)


def _context(path, context) -> tuple[tuple, int]:
    """The ``context`` section: ``refers_back`` patterns (compiled, case-insensitive) and ``window``."""
    if context is None:
        return (), 0
    check_keys(path, "context", context, CONTEXT_KEYS)
    window = context.get("window", 2)
    if not isinstance(window, int) or isinstance(window, bool) or window < 1:
        fail(path, "context", f"window must be a whole number of statements, 1 or more, got {shown(window)}")
    patterns = context.get("refers_back") or []
    if not isinstance(patterns, list):
        fail(path, "context", f"refers_back must be a list of patterns in quotes, got {shown(patterns)}")
    return tuple(compile_pattern(path, f"context refers_back[{number}]", pattern)
                 for number, pattern in enumerate(patterns, start=1)), window


def _no_view(path, section) -> tuple[tuple, tuple]:
    """The ``no_view`` section: ``withholds`` and ``unless`` patterns (compiled, case-insensitive)."""
    if section is None:
        return (), ()
    check_keys(path, "no_view", section, NO_VIEW_KEYS)
    compiled = []
    for key in ("withholds", "unless"):
        patterns = section.get(key) or []
        if not isinstance(patterns, list):
            fail(path, "no_view", f"{key} must be a list of patterns in quotes, got {shown(patterns)}")
        compiled.append(tuple(compile_pattern(path, f"no_view {key}[{number}]", pattern)
                              for number, pattern in enumerate(patterns, start=1)))
    return compiled[0], compiled[1]


def _shared_documents(path, section, stance_ids) -> tuple[frozenset, tuple, tuple]:
    """The ``shared_documents`` section: the ``stances`` (ids) a document both sides signed states, the
    ``names`` (patterns, compiled case-insensitive) that name such a document, and the ``pointing_back``
    patterns of a statement that tells of the document the statement before it names ("That document says
    ...")."""
    if section is None:
        return frozenset(), (), ()
    if not isinstance(section, dict):
        fail(path, "shared_documents", f"must be a mapping with stances and names, got {shown(section)}")
    check_keys(path, "shared_documents", section, SHARED_DOCUMENT_KEYS)
    stances = section.get("stances") or []
    if not isinstance(stances, list) or not all(isinstance(stance, str) for stance in stances):
        fail(path, "shared_documents", f"stances must be a list of stance ids, got {shown(stances)}")
    for stance in stances:
        if stance not in stance_ids:
            fail(path, "shared_documents", f"stances: {stance!r} is not a stance id of this codebook")
    patterns = {}
    for key in ("names", "pointing_back"):
        written = section.get(key) or []
        if not isinstance(written, list):
            fail(path, "shared_documents", f"{key} must be a list of patterns in quotes, got {shown(written)}")
        patterns[key] = tuple(compile_pattern(path, f"shared_documents {key}[{number}]", pattern)
                              for number, pattern in enumerate(written, start=1))
    return frozenset(stances), patterns["names"], patterns["pointing_back"]


def load_codebook(path: Path | str = paths.CODEBOOK) -> Codebook:
    """Read and validate a codebook YAML file."""
    path = Path(path)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise CodebookError(f"{path}: top level must be a mapping with stances and frames")
    check_keys(path, "top level", data, TOP_KEYS)
    for key in ("stances", "frames"):
        if key not in data:
            raise CodebookError(f"{path}: top level: missing {key!r}")
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        fail(path, "top level", f"version must be a whole number, got {shown(version)}")
    negation = data.get("negation") or {}
    check_keys(path, "negation", negation, NEGATION_KEYS)
    seen_ids, seen_cues = set(), set()
    lexicon = _lexicon(path, data.get("lexicon"))
    stances = _labels(path, "stances", data["stances"], STANCE_KEYS, seen_ids, seen_cues, lexicon)
    frames = _labels(path, "frames", data["frames"], FRAME_KEYS, seen_ids, seen_cues, lexicon)
    window = negation.get("window", 6)
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise CodebookError(f"{path}: negation: window must be a non-negative integer, got {shown(window)}")
    negators, hedges, cancels, avoiders = (_negation_words(path, negation, key) for key in NEGATION_WORDS)
    refers_back, context_window = _context(path, data.get("context"))
    withholds, evaluates = _no_view(path, data.get("no_view"))
    shared_stances, shared_documents, pointing_back = _shared_documents(path, data.get("shared_documents"),
                                                         {stance.id for stance in stances})
    return Codebook(stances, frames, negators, hedges, window, str(path), cancels, lexicon, avoiders, refers_back,
                    context_window, withholds, evaluates, shared_stances, shared_documents, pointing_back)
