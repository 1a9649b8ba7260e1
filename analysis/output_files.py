"""Writing outputs without ever losing a user's file: whole files only, one writer at a time, no leftovers.

Every output of the suite (the table ``python -m analysis tag`` writes, the results of ``reproduce``) follows
four rules, because a researcher's corpus and earlier results are worth more than any run:

- **Whole or not at all.** A file is written under a temporary name beside its target,
  ``.<name>.partial-<pid>``, and renamed over the target only once it is complete. An interrupted run
  (Ctrl-C, ``kill``, a full disk, a bad article) leaves the previous file as it was; a reader never sees half
  a table.
- **One writer at a time.** A run holds a lock, ``.<name>.lock`` beside the target, for as long as it writes;
  a second run on the same target stops at once with one line instead of mixing two corpora in one file.
- **No leftovers.** Temporary files go on every exit path Python sees (an error, Ctrl-C, SIGTERM, SIGHUP).
  Only SIGKILL or a power cut can leave one; those are named after the process that made them
  (``.<name>.partial-<pid>`` beside the output, ``kuril-stance-<pid>-*`` in the temporary folder), and the
  next run removes the ones whose process no longer exists.
- **Inputs are never outputs.** An output path that is an input (the corpus file, its metadata, the codebook,
  actors or chrome rules), or lies inside the corpus folder, is refused before any work.

Spreadsheet safety: a CSV cell that a spreadsheet would run as a formula (one starting with ``=``, ``+``,
``@``, a tab or a carriage return, or ``-`` followed by something other than a space) is written with a
leading apostrophe, as OWASP advises against CSV injection; ``read_statements`` removes it again. Dash-led
interview turns ("- Is this news to you?") are left as they are: a dash and a space start no formula.
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import signal
import tempfile
from pathlib import Path

import pandas as pd

TEMP_PREFIX = "kuril-stance-"
_PARTIAL = re.compile(r"^\.(?P<name>.+)\.partial-(?P<pid>\d+)$")
_TEMP_DIR = re.compile(rf"^{TEMP_PREFIX}(?P<pid>\d+)-")


class OutputError(OSError):
    """An output that cannot or must not be written; the message names the path and the reason."""


class Interrupted(BaseException):
    """SIGTERM or SIGHUP, raised where the program is so that every ``finally`` and ``with`` cleans up."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_interrupted(signum, _frame):
    raise Interrupted(signum)


@contextlib.contextmanager
def clean_exit_on_termination():
    """SIGTERM and SIGHUP raise ``Interrupted`` (as Ctrl-C raises KeyboardInterrupt) for the duration, so a
    killed run removes its temporary files like an interrupted one. Only in the main thread."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _raise_interrupted) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _process_is_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def remove_leftovers(target: Path) -> list[Path]:
    """Remove what a killed run on ``target`` left: its ``.<name>.partial-<pid>`` files beside ``target`` and
    ``kuril-stance-<pid>-*`` folders in the temporary folder, only where that process no longer exists."""
    removed = []
    folder = target.parent
    if folder.is_dir():
        for path in folder.iterdir():
            match = _PARTIAL.match(path.name)
            if match and match["name"] == target.name and path.is_file() and _process_is_gone(int(match["pid"])):
                path.unlink(missing_ok=True)
                removed.append(path)
    temp = Path(tempfile.gettempdir())
    with contextlib.suppress(OSError):
        for path in temp.iterdir():
            match = _TEMP_DIR.match(path.name)
            if match and path.is_dir() and _process_is_gone(int(match["pid"])):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def temporary_folder() -> tempfile.TemporaryDirectory:
    """A temporary folder named after this process, so that a later run can tell a dead run's leftovers."""
    return tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}{os.getpid()}-")


@contextlib.contextmanager
def lock(target: Path):
    """Hold ``.<name>.lock`` beside ``target`` for the duration; a second holder fails at once."""
    import fcntl

    path = target.parent / f".{target.name}.lock"
    try:
        handle = open(path, "a+")   # also proves, before any work, that the folder takes new files
    except OSError as err:
        raise write_error(target, err) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"{target}: another run is writing this file right now (lock {path}); "
                              "wait for it, or choose another output") from None
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                path.unlink()
    finally:
        handle.close()


@contextlib.contextmanager
def whole_file(target: Path):
    """Yield a temporary path beside ``target``; rename it over ``target`` if the block ends normally, remove
    it on any exception (including KeyboardInterrupt and ``Interrupted``)."""
    partial = target.parent / f".{target.name}.partial-{os.getpid()}"
    try:
        yield partial
        if not partial.exists():
            raise OutputError(f"{target}: nothing was written")
        try:
            with open(partial, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, target)
        except OSError as err:
            raise write_error(target, err) from None
    finally:
        partial.unlink(missing_ok=True)


def write_error(target: Path, err: OSError) -> OutputError:
    """An error while writing ``target`` as one line naming it (a full disk says so)."""
    reason = "the disk is full" if err.errno == errno.ENOSPC else " ".join((err.strerror or str(err)).split())
    return OutputError(f"{target}: cannot write: {reason}; the previous file, if any, is unchanged")


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read a megabyte at a time."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_writable_folder(target: Path) -> None:
    """Refuse an output whose folder cannot hold it, before any work is done."""
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; --out takes a file name such as statements.csv")
    for folder in target.parents:
        if folder.exists():
            if not folder.is_dir():
                raise OutputError(f"{target}: cannot write: {folder} is a file, not a folder")
            if not os.access(folder, os.W_OK | os.X_OK):
                raise OutputError(f"{target}: cannot write: no permission to write in {folder}")
            return


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def check_not_an_input(target: Path, *, corpus: Path, inputs: list[Path]) -> None:
    """Refuse an output that would replace an input: the corpus file, a file of the corpus folder or under
    it, or any of ``inputs`` (metadata, codebook, actors, chrome rules)."""
    if corpus.is_dir() and _inside(target, corpus):
        raise OutputError(f"{target}: is inside the corpus folder {corpus}; write the output elsewhere "
                          "(it would be read as an article next time, or replace one)")
    for source in [corpus, *inputs]:
        if source is not None and _same_file(target, Path(source)):
            raise OutputError(f"{target}: is an input of this run ({source}); choose another output file")


# ------------------------------------------------------------------------------------------ spreadsheets

_FORMULA_START = re.compile(r"^(?:[=+@\t\r]|-[^ ]|')")


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell that a spreadsheet would read as a formula prefixed by an apostrophe.

    A cell that already starts with an apostrophe gets one more, so that ``read_statements`` can take exactly
    one off and give back the text as it was.
    """
    changed = {}
    for column in table.columns:
        values = table[column]
        if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            text = values.astype("string")
            risky = text.str.match(_FORMULA_START.pattern).fillna(False).to_numpy(dtype=bool)
            if risky.any():
                fixed = values.copy()
                fixed[risky] = "'" + text[risky]
                changed[column] = fixed
    return table.assign(**changed) if changed else table


def undo_spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """Remove the apostrophe ``spreadsheet_safe`` put before a text cell."""
    changed = {}
    for column in table.columns:
        values = table[column]
        if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            text = values.astype("string")
            marked = text.str.match(r"'(?:[=+@\t\r']|-[^ ])").fillna(False).to_numpy(dtype=bool)
            if marked.any():
                fixed = values.copy()
                fixed[marked] = text[marked].str[1:]
                changed[column] = fixed
    return table.assign(**changed) if changed else table
