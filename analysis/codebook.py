"""The codebook: stances, frames and their cues, read from ``data/codebook.yaml`` and validated.

The codebook is data a teacher edits, so every mistake in it gets an error naming the entry: an unknown key,
a missing id, a duplicate id, a regex that does not compile. YAML is read with ``yaml.safe_load``: nothing in
the file is executed.

Example:
    >>> from analysis.codebook import load_codebook
    >>> codebook = load_codebook()
    >>> codebook.stance_ids
    ['sovereignty_non_negotiable', 'treaty_first', 'territory_first', 'sanctions_obstacle']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import paths

TOP_KEYS = {"version", "negation", "stances", "frames"}
NEGATION_KEYS = {"window", "cues", "hedges", "cancels"}
STANCE_KEYS = {"id", "label", "definition", "include", "exclude", "examples", "cues", "default_holder"}
FRAME_KEYS = {"id", "label", "definition", "cues"}
CUE_KEYS = {"id", "pattern", "note", "negatable", "holder"}
HOLDERS = {"russia", "japan", "us", "both"}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


class CodebookError(ValueError):
    """A problem in the codebook; the message names the file and the entry."""


@dataclass(frozen=True)
class Cue:
    id: str
    label_id: str           # the stance or frame the cue signals
    pattern: str
    regex: re.Pattern = field(compare=False, repr=False)
    negatable: bool = True
    holder: str = ""
    note: str = ""


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


@dataclass(frozen=True)
class Codebook:
    stances: tuple
    frames: tuple
    negators: tuple
    hedges: tuple
    negation_window: int
    source: str = ""
    cancels: tuple = ()

    @property
    def stance_ids(self) -> list[str]:
        return [s.id for s in self.stances]

    @property
    def frame_ids(self) -> list[str]:
        return [f.id for f in self.frames]

    @property
    def default_holders(self) -> dict:
        return {s.id: s.default_holder for s in self.stances if s.default_holder}

    def stance(self, stance_id: str) -> Label:
        for stance in self.stances:
            if stance.id == stance_id:
                return stance
        raise KeyError(stance_id)

    def cues(self, kind: str = "stances") -> list[Cue]:
        return [cue for label in getattr(self, kind) for cue in label.cues]


# Shared by every YAML data file of the suite (the codebook here, the blame cues in framing.py): each
# check names the file and the entry, and raises the file's own error class.

def fail(path, where, message, error=None):
    raise (error or CodebookError)(f"{path}: {where}: {message}")


def check_keys(path, where, entry, allowed, error=None):
    if not isinstance(entry, dict):
        fail(path, where, f"expected a mapping, got {type(entry).__name__}", error)
    unknown = set(entry) - allowed
    if unknown:
        fail(path, where, f"unknown key(s) {', '.join(sorted(map(str, unknown)))} "
                          f"(allowed: {', '.join(sorted(allowed))})", error)


def compile_pattern(path, where, pattern, error=None) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern.strip():
        fail(path, where, "pattern must be a non-empty string", error)
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        fail(path, where, f"bad regex {pattern!r}: {err}", error)


def read_yaml(path: Path, error=None):
    """``yaml.safe_load`` of a UTF-8 file (nothing in it is executed), with errors naming the file."""
    error = error or CodebookError
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{path}: file not found") from None
    except yaml.YAMLError as err:
        raise error(f"{path}: not valid YAML: {err}") from None
    except UnicodeDecodeError as err:
        raise error(f"{path}: not UTF-8 ({err.reason})") from None


def _labels(path, kind, entries, keys, seen_ids, seen_cues) -> tuple:
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
            fail(path, where, f"id must be a lower_case identifier, got {label_id!r}")
        where = f"{kind[:-1]} {label_id!r}"
        if label_id in seen_ids:
            fail(path, where, "duplicate id")
        seen_ids.add(label_id)
        if not str(entry.get("definition", "")).strip():
            fail(path, where, "definition is missing")
        default_holder = entry.get("default_holder", "") or ""
        if default_holder and default_holder not in HOLDERS:
            fail(path, where, f"default_holder {default_holder!r} not in {sorted(HOLDERS)}")
        cues = []
        for cue_number, cue in enumerate(entry.get("cues") or [], start=1):
            cue_where = f"{where} cue[{cue_number}]"
            check_keys(path, cue_where, cue, CUE_KEYS)
            cue_id = cue.get("id")
            if not isinstance(cue_id, str) or not ID_PATTERN.match(cue_id):
                fail(path, cue_where, f"cue id must be a lower_case identifier, got {cue_id!r}")
            cue_where = f"{where} cue {cue_id!r}"
            if cue_id in seen_cues:
                fail(path, cue_where, "duplicate cue id")
            seen_cues.add(cue_id)
            holder = cue.get("holder", "") or ""
            if holder and holder not in HOLDERS:
                fail(path, cue_where, f"holder {holder!r} not in {sorted(HOLDERS)}")
            negatable = cue.get("negatable", True)
            if not isinstance(negatable, bool):
                fail(path, cue_where, "negatable must be true or false")
            cues.append(Cue(cue_id, label_id, cue["pattern"] if "pattern" in cue else None,
                            compile_pattern(path, cue_where, cue.get("pattern")), negatable, holder,
                            str(cue.get("note", "") or "")))
        examples = entry.get("examples") or {}
        labels.append(Label(label_id, str(entry.get("label", label_id)), str(entry["definition"]).strip(),
                            tuple(cues), default_holder, tuple(entry.get("include") or ()),
                            tuple(entry.get("exclude") or ()), examples))
    return tuple(labels)


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
    negation = data.get("negation") or {}
    check_keys(path, "negation", negation, NEGATION_KEYS)
    seen_ids, seen_cues = set(), set()
    stances = _labels(path, "stances", data["stances"], STANCE_KEYS, seen_ids, seen_cues)
    frames = _labels(path, "frames", data["frames"], FRAME_KEYS, seen_ids, seen_cues)
    window = negation.get("window", 6)
    if not isinstance(window, int) or window < 0:
        raise CodebookError(f"{path}: negation: window must be a non-negative integer")
    negators = tuple(str(n) for n in negation.get("cues") or ())
    hedges = tuple(str(h) for h in negation.get("hedges") or ())
    cancels = tuple(str(c) for c in negation.get("cancels") or ())
    for word in negators + hedges + cancels:
        compile_pattern(path, f"negation {word!r}", rf"\b{word}\b" if word[0].isalnum() else word)
    return Codebook(stances, frames, negators, hedges, window, str(path), cancels)
