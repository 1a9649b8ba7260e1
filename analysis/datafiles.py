"""One validator for the data files a teacher edits: the codebook, the actors, the chrome rules, the framing
cues and the coding files of people.

Each check names the file, the entry (YAML) or the row and column (CSV), and the problem, and raises the
file's own error class, a ``DataFileError``: the command line reports any of them as one line (exit 2). A value
outside its vocabulary comes with the closest valid one ("treaty first" -> ``treaty_first``). YAML is read with
``yaml.safe_load`` (nothing in the file is executed), refusing aliases and deep nesting before it is built; CSV
tables are read strictly (``corpus._csv_records``): a row with a comma too many is an error naming its line.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pandas as pd
import yaml

from .patterns import pattern_problem

# Collections inside collections: the codebook needs 6 levels; a thousand exhaust Python's stack.
MAX_DEPTH = 100


class DataFileError(ValueError):
    """A problem in a data file; the message names the file, the entry or row and column, and the problem."""


def shown(value, limit: int = 80) -> str:
    """``repr(value)`` for an error message, cut short: a wrong value may be a whole list of entries."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def fail(path, where, message, error=None):
    raise (error or DataFileError)(f"{path}: {where}: {message}")


def check_keys(path, where, entry, allowed, error=None):
    if not isinstance(entry, dict):
        fail(path, where, f"expected a mapping, got {type(entry).__name__}", error)
    unknown = set(entry) - allowed
    if unknown:
        fail(path, where, f"unknown key(s) {', '.join(sorted(map(str, unknown)))} "
                          f"(allowed: {', '.join(sorted(allowed))})", error)


def compile_pattern(path, where, pattern, error=None, *, written=None) -> re.Pattern:
    """``pattern`` compiled case-insensitively, once it is known to run in RE2 and to join with others
    (``pattern_problem``); ``written`` is what the teacher wrote, when ``pattern`` wraps it."""
    if not isinstance(pattern, str) or not pattern.strip():
        fail(path, where, "pattern must be a non-empty string", error)
    try:
        regex = re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        fail(path, where, f"bad regex {pattern!r}: {err}", error)
    problem = pattern_problem(pattern, regex) if written is None else pattern_problem(written)
    if problem:
        fail(path, where, problem, error)
    return regex


def text_value(path, where, key, value, error=None, default="") -> str:
    """An optional text field (label, definition, note): a string, or ``default`` when missing or empty."""
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        fail(path, where, f"{key} must be a text, got {shown(value)}", error)
    return value


def text_list(path, where, key, value, error=None) -> tuple:
    """An optional list of non-empty texts (include, exclude, examples).

    An item written without quotes around a ": " (``- Denials ...: not territory_first.``) reaches us as a
    mapping of one text to another: an error that says to put the text in quotes, never a silent guess.
    """
    if value is None:
        return ()
    if not isinstance(value, list):
        fail(path, where, f"{key} must be a list of texts, got {shown(value)}", error)
    texts = []
    for number, item in enumerate(value, start=1):
        if isinstance(item, dict) and len(item) == 1:
            text = "{}: {}".format(*next(iter(item.items())))
            fail(path, where, f"{key}[{number}] reads as a mapping because of the ': ' in {shown(text)}; put the "
                              "whole text in quotes", error)
        if not isinstance(item, str) or not item.strip():
            fail(path, where, f"{key}[{number}] must be a non-empty text in quotes, got {shown(item)}", error)
        texts.append(item)
    return tuple(texts)


def _check_events(text: str, path, error, loader) -> None:
    """Refuse YAML aliases (``*name``: ten levels of ten expand to 10**10 values) and nesting deeper than
    ``MAX_DEPTH`` (the loader recurses once per level), from the parser's events: nothing is built yet."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise error(f"{path}: line {event.start_mark.line + 1}: nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            raise error(f"{path}: line {event.start_mark.line + 1}: YAML aliases (*{event.anchor}) are not "
                        "allowed in this file")


def read_yaml(path: Path, error=None):
    """``yaml.safe_load`` of a UTF-8 file (nothing in it is executed), with errors naming the file; a file
    with aliases or nested too deep is refused before it is loaded (``_check_events``)."""
    error = error or DataFileError
    try:
        text = path.read_text(encoding="utf-8")
        try:   # libyaml's parser when there is one: 25 times faster than the Python parser safe_load uses
            _check_events(text, path, error, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError:   # and where the two parsers might differ, the Python parser has the last word
            _check_events(text, path, error, yaml.SafeLoader)
        return yaml.safe_load(text)
    except FileNotFoundError:
        raise error(f"{path}: file not found") from None
    except yaml.YAMLError as err:
        raise error(f"{path}: not valid YAML: {err}") from None
    except UnicodeDecodeError as err:
        raise error(f"{path}: not UTF-8 ({err.reason})") from None


# --------------------------------------------------------------------------------------------- CSV tables

def read_table(path, *, required: list[str], error=None) -> pd.DataFrame:
    """A CSV data table, every value a string, read strictly; ``required`` columns must be there."""
    from .corpus import CorpusError, _read_csv

    try:
        return _read_csv(Path(path), required=required)
    except CorpusError as err:
        raise (error or DataFileError)(str(err)) from None


def closest(value: str, allowed) -> str:
    """The allowed value nearest to ``value``, or "" when none is near: spaces, hyphens and case aside first.

    >>> closest("treaty first", ["treaty_first", "territory_first"]), closest("Japan", ["japan", "russia"])
    ('treaty_first', 'japan')
    """
    allowed = [str(a) for a in allowed]
    normal = re.sub(r"[\s\-]+", "_", str(value).strip().lower())
    if normal in allowed:
        return normal
    near = difflib.get_close_matches(normal, allowed, n=1, cutoff=0.6)
    return near[0] if near else ""


def check_value(path, row: int, column: str, value: str, allowed, error=None) -> None:
    """Raise unless ``value`` is one of ``allowed``, naming file, row and column, and the closest valid value."""
    if value in allowed:
        return
    near = closest(value, allowed)
    hint = f"; did you mean {near!r}?" if near else ""
    raise (error or DataFileError)(f"{path}: row {row}, column {column}: {value!r} is not one of "
                                   f"{', '.join(map(str, allowed))}{hint}")


def check_labels(path, row: int, column: str, value: str, allowed, error=None) -> list[str]:
    """The labels of a ``;``-separated cell (stances, frames), each checked against ``allowed``."""
    labels = [label.strip() for label in str(value).split(";") if label.strip()]
    for label in labels:
        check_value(path, row, column, label, allowed, error)
    return labels
