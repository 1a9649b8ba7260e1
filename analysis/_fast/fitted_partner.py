"""The ensemble's fitted partner, and the holder's view words, kept on disk between runs.

The words-only classifier is the same for every run on the same training data: fitting it means importing
scikit-learn and fitting four logistic regressions, about as long as scoring a hundred thousand statements.
Its fitted parameters (vocabulary, IDF weights, coefficients, intercepts) are kept in a cache folder under a
key that is a hash of everything the fit depends on: the coded texts and their stances, the stance ids, the
classifier's settings and scikit-learn's version. A run that finds its key loads the parameters (plain arrays,
never pickled code) and does not import scikit-learn; any other fits, then stores them. The folder is
``$KURIL_STANCE_CACHE``, else ``$XDG_CACHE_HOME/kuril-stance``, else ``~/.cache/kuril-stance``;
``KURIL_STANCE_CACHE=off`` fits every time. ``tests/test_properties.py`` checks that a tagger built from the
cache tags as one fitted afresh. The holder's view words (``holder.ViewWords``: words and integer weights)
are kept the same way, for every tagger.

Reading and checking the coded tables to compute those keys costs every run as much again as loading the
fits; so the two keys are also kept under a key of the tables' bytes (``trained_key``): the shipped coded
files as they are on disk, the articles beside them (their genres), the codebook's ids and the package's
source (any change of the code that reads or fits them makes it another key). A run that finds it loads
the fits without reading a coded table.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from importlib import metadata
from pathlib import Path

import numpy as np

from ..holder import ViewWords
from .word_scores import WordScores

# Bumped when the stored arrays or what the key covers change.
FORMAT = 1


def cache_folder() -> Path | None:
    """Where fitted partners are kept, or None when caching is off."""
    setting = os.environ.get("KURIL_STANCE_CACHE", "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kuril-stance"


def fit_key(texts, stances, stance_ids, settings: dict) -> str:
    """A hash of everything the fit depends on."""
    digest = hashlib.sha256()
    for part in (f"format {FORMAT}", f"scikit-learn {metadata.version('scikit-learn')}",
                 repr(sorted(settings.items())), "\x1f".join(stance_ids)):
        digest.update(part.encode("utf-8") + b"\x1e")
    for text, stance in zip(texts, stances):
        digest.update(f"{text}\x1f{stance}\x1e".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def load(key: str) -> WordScores | None:
    """The stored scorer of ``key``, or None if there is none (or it cannot be read: it is then fitted anew)."""
    return _load(f"partner-{key}", lambda stored: WordScores(stored["terms"].tolist(), stored["idf"],
                                                             stored["coef"], stored["intercept"]))


def _load(name: str, build):
    """``build`` of the arrays stored under ``name``, or None if there are none or they cannot be read."""
    folder = cache_folder()
    path = folder / f"{name}.npz" if folder else None
    if path is None or not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as stored:
            return build(stored)
    except (OSError, ValueError, KeyError):   # a truncated or foreign file: fit again and overwrite it
        return None


def store(key: str, scores: WordScores) -> None:
    """Keep a fitted scorer under ``key``, written whole or not at all. A folder that cannot be written only
    means the next run fits again."""
    _store(f"partner-{key}", terms=np.array(scores.terms.tolist(), dtype=str), idf=scores.idf, coef=scores.coef,
           intercept=scores.intercept)


def trained_key(tagger: str, stance_ids, frame_ids, coded_files, source: str) -> str:
    """A hash of what the fits of ``make_tagger(tagger)`` are learned from, read as bytes: the coded files
    (and each one's ``articles.jsonl``, if any), the codebook's ids and ``source``, the package's source
    (``pipeline.package_fingerprint``)."""
    digest = hashlib.sha256()
    for part in (f"format {FORMAT}", tagger, source, "\x1f".join(stance_ids),
                 "\x1f".join(frame_ids)):
        digest.update(part.encode("utf-8") + b"\x1e")
    for path in coded_files:
        path = Path(path)
        for file in (path, path.parent / "articles.jsonl"):
            name = f"{file.parent.name}/{file.name}".encode("utf-8", "surrogateescape")
            digest.update(name + b"\x1f" + (file.read_bytes() if file.is_file() else b"-") + b"\x1e")
    return digest.hexdigest()[:32]


def load_trained(key: str) -> dict | None:
    """The keys of the fits stored under a ``trained_key`` ({"partner": ..., "views": ...}), or None."""
    return _load(f"trained-{key}", lambda stored: {name: str(stored[name]) for name in stored.files})


def store_trained(key: str, **keys: str) -> None:
    """Keep the keys of the fits (``load_trained``) under a ``trained_key``."""
    _store(f"trained-{key}", **{name: np.array(value, dtype=str) for name, value in keys.items()})


def load_views(key: str) -> ViewWords | None:
    """The stored view words of ``key``, or None (as ``load``)."""
    def views(stored) -> ViewWords:
        narration = None
        if "narration_words" in stored:
            narration = ViewWords(dict(zip(stored["narration_words"].tolist(), stored["narration_weights"].tolist())),
                                  int(stored["narration_bias"]))
        return ViewWords(dict(zip(stored["words"].tolist(), stored["weights"].tolist())), int(stored["bias"]),
                         narration)

    return _load(f"views-{key}", views)


def store_views(key: str, views: ViewWords) -> None:
    """Keep fitted view words under ``key`` (as ``store``), with the narration's model if they have one."""
    narration = {}
    if views.narration is not None:
        narration = {"narration_words": np.array(list(views.narration.weights), dtype=str),
                     "narration_weights": np.array(list(views.narration.weights.values()), dtype=np.int64),
                     "narration_bias": np.int64(views.narration.bias)}
    _store(f"views-{key}", words=np.array(list(views.weights), dtype=str),
           weights=np.array(list(views.weights.values()), dtype=np.int64), bias=np.int64(views.bias), **narration)


def _store(name: str, **arrays) -> None:
    folder = cache_folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name.split('-')[0]}-", suffix=".npz")
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez(out, **arrays)
            os.replace(temporary, folder / f"{name}.npz")
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError:
        return
