"""The regular expressions a teacher writes, checked when their file is loaded and timed while they match.

The codebook's cues and negation words, the framing cues and the chrome rules' regexes are data. Two things
can go wrong with a pattern that compiles:

- ``pattern_problem`` (at load): joined with others, as the tagger joins a stance's cues into one scan, an
  inline flag such as ``(?i)`` is no longer at the start and a named group may be defined twice; and every
  pattern must be one RE2 can run, RE2 matching in time linear in the text (no look-arounds, no
  back-references).
- ``MatchClock`` (while matching): Python's ``re``, which finds the spans, backtracks. ``(a+)+$`` is valid
  RE2, yet on a run of 40 a's followed by a comma Python tries 2**40 ways to split the run. The clock stops
  such a match after ``MATCH_SECONDS`` on one statement or paragraph with an error naming the pattern.

How the clock works: Python's regex engine checks for signals while it matches, so a SIGALRM handler can stop
it. ``arm(what)`` before matching one statement notes what is matched and when it began, ``disarm()`` after;
both only set a few variables (0.2 microseconds; a timer system call at every statement would cost six times
as much). The first ``arm`` installs the handler and an alarm ``MATCH_SECONDS`` ahead. When the alarm rings, the
handler looks at the match under way: none, and it gives the alarm back (the previous handler and timer are
restored, the time spent deducted); one begun less than ``MATCH_SECONDS`` ago, and the alarm is set for the
rest of its time; an older one, and it raises ``PatternTimeout``, which the caller turns into its file's error
with ``timeout_error`` (or ``blame``, which finds which of several patterns it was). So a long run of quick
matches sees one alarm per ``MATCH_SECONDS``. Leaving ``with clock:`` gives the alarm back at once; a caller
that matches one paragraph per call and has no place for a ``with`` (``ChromeRules.is_chrome``) leaves that to
the next ring. Signals belong to the main thread: elsewhere (Dask's worker threads) the clock does nothing, and
without ``signal.setitimer`` (Windows) neither.

    >>> clock = MatchClock("rules.csv", ValueError, "paragraph")
    >>> with clock:
    ...     clock.arm("row 2")
    ...     bool(re.fullmatch(r"Photo: .*", "Photo: AFP"))
    True
"""
from __future__ import annotations

import atexit
import functools
import os
import re
import signal
import threading
from time import monotonic as _monotonic

# How long one pattern may take on one statement or paragraph. A well-behaved cue takes microseconds; a
# backtracking one, on a run of 40 letters, would take days.
MATCH_SECONDS = 2.0

_MAIN = threading.main_thread().ident
_get_ident = threading.get_ident
_CAN_ALARM = hasattr(signal, "setitimer")

# ------------------------------------------------------------------------------------------ at load time

_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")
_FLAG_TEXT = re.compile(r"[()?]")


def whole_word(word: str) -> bool:
    """Whether a negator or hedge is matched as a whole word (``\\b`` around it): it begins and ends with a
    letter or digit."""
    return word[:1].isalnum() and word[-1:].isalnum()


@functools.lru_cache(maxsize=4096)   # RE2 compiles the pattern to check it: 12 ms for the codebook's cues
def re2_reason(pattern: str) -> str | None:
    """Why RE2 (Arrow's regex engine, matching case-insensitively) refuses a pattern, or None if it takes it."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        pc.match_substring_regex(pa.array(["x"]), pattern, ignore_case=True)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as err:
        return str(err).removeprefix("Invalid regular expression: ")
    return None


def pattern_problem(pattern: str, compiled: re.Pattern | None = None) -> str | None:
    """What makes a pattern that compiles in Python (``compiled``, if the caller has it) unfit to be joined
    with others or to run in RE2, as the part of an error after the entry's name; None when it is fine."""
    flags = _GLOBAL_FLAGS.match(pattern)
    if flags:
        return (f"pattern {pattern!r} starts with the inline flag (?{_FLAG_TEXT.sub('', flags.group(0))}), which "
                "would apply to every pattern joined with it: remove it (matching ignores case already; for s or "
                "m write (?s:...) around the part that needs it)")
    names = (compiled or re.compile(pattern)).groupindex
    if names:
        return (f"pattern {pattern!r} has the named group (?P<{next(iter(names))}>...): group names clash when "
                "patterns are joined; write (?:...) instead")
    reason = re2_reason(pattern)
    if reason:
        return (f"pattern {pattern!r} is not RE2 syntax ({reason}); patterns must run in RE2, which matches in "
                "linear time and so has no look-arounds ((?=...), (?!...), (?<=...), (?<!...)) and no "
                "back-references (\\1, (?P=name)): rewrite it without them")
    return None


# ------------------------------------------------------------------------------------------ while matching

class PatternTimeout(Exception):
    """A match ran past ``MATCH_SECONDS``; ``what`` is what the clock was armed with."""

    def __init__(self, clock: "MatchClock", what):
        super().__init__(f"{clock.source}: {what}: matching took over {clock.seconds:g} s")
        self.clock, self.what = clock, what


class _Alarm:
    """The one SIGALRM handler of the process (main thread only) and the match it watches. While the handler
    is installed an alarm is always set, so an idle handler is always given back at the next ring."""

    installed = False
    previous_handler = None
    previous_timer = (0.0, 0.0)
    taken_at = 0.0
    clock: "MatchClock | None" = None   # the clock of the match under way; None between matches
    what = None
    started = 0.0


_alarm = _Alarm()


def _install(seconds: float) -> None:
    _alarm.previous_timer = signal.setitimer(signal.ITIMER_REAL, 0)   # paused before its handler is replaced
    _alarm.taken_at = _monotonic()
    _alarm.previous_handler = signal.signal(signal.SIGALRM, _ring)
    _alarm.installed = True
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _ring(signum, frame):
    clock = _alarm.clock
    if clock is None:
        release_alarm()
        return
    left = clock.seconds - (_monotonic() - _alarm.started)
    if left > 0:
        signal.setitimer(signal.ITIMER_REAL, left)
        return
    what = _alarm.what
    _alarm.clock = _alarm.what = None
    signal.setitimer(signal.ITIMER_REAL, clock.seconds)
    raise PatternTimeout(clock, what)


def release_alarm() -> None:
    """Give SIGALRM back now: the previous handler, and the previous timer less the time it was ours.

    Leaving ``with clock:`` does this; after matching without a ``with`` (``ChromeRules.is_chrome``) it happens
    at the next ring, within ``MATCH_SECONDS``. Code that installs a SIGALRM handler of its own after loading
    a corpus calls this first, or the clock would not know its handler was replaced.
    """
    if not _alarm.installed or _get_ident() != _MAIN:
        return
    _alarm.installed = False   # first: a ring handled in the middle of this finds nothing left to do
    previous, (left, interval), taken_at = _alarm.previous_handler, _alarm.previous_timer, _alarm.taken_at
    _alarm.clock = _alarm.what = _alarm.previous_handler = None
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
    if left > 0:
        signal.setitimer(signal.ITIMER_REAL, max(left - (_monotonic() - taken_at), 0.001), interval)


def _forget_in_child() -> None:
    """A forked child has our handler but no timer (timers are not inherited): it starts afresh."""
    if _alarm.installed:
        previous = _alarm.previous_handler
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
    _alarm.installed = False
    _alarm.clock = _alarm.what = _alarm.previous_handler = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)
# At exit the timer goes first: Python gives SIGALRM back to its default action while it shuts down, and a
# ring then (after a match without ``with``) would kill the process with signal 14 instead of its exit code.
atexit.register(release_alarm)


class MatchClock:
    """Bounds each match of one data file's patterns to ``MATCH_SECONDS`` (see the module's docstring).

    ``source`` is the file and ``error`` its error class; ``unit`` what one match runs over ("statement",
    "paragraph"). Every ``arm`` is followed by ``disarm`` (in a ``finally``) or happens inside ``with clock:``.
    """

    def __init__(self, source: str, error: type, unit: str, seconds: float | None = None):
        self.source, self.error, self.unit = source, error, unit
        self._seconds = seconds

    @property
    def seconds(self) -> float:
        return self._seconds if self._seconds is not None else MATCH_SECONDS

    def arm(self, what) -> None:
        """One statement's matching begins; ``what`` is the pattern (or patterns) it is matched with."""
        if _get_ident() == _MAIN and _CAN_ALARM:
            _alarm.clock, _alarm.what, _alarm.started = self, what, _monotonic()
            if not _alarm.installed:
                _install(self.seconds)

    def disarm(self) -> None:
        """The matching is over (until the next ``arm``)."""
        if _get_ident() == _MAIN:
            _alarm.clock = None

    def __enter__(self) -> "MatchClock":
        return self

    def __exit__(self, *exc) -> None:
        release_alarm()

    def timeout_error(self, name: str) -> Exception:
        """The one-line error for a pattern ``name`` ("cue 'x'", "row 7") that ran out of time."""
        return self.error(f"{self.source}: {name}: matching took over {self.seconds:g} s on one {self.unit}; the "
                          "pattern backtracks (nested repetition such as (a+)+); rewrite it")

    def blame(self, candidates) -> Exception:
        """After a ``PatternTimeout`` on several patterns at once: run each ``(name, match)`` of ``candidates``
        alone under the clock and return the error naming the first that runs out of time (or all of them,
        if none does alone). ``match`` is a function of no argument."""
        names = []
        for name, match in candidates:
            names.append(name)
            self.arm(name)
            try:
                match()
            except PatternTimeout:
                return self.timeout_error(name)
            finally:
                self.disarm()
        return self.timeout_error(" and ".join(names) or "the patterns")
