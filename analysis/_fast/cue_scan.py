"""The cue scan: the codebook tagger's rule over a whole column of statements, in Arrow's RE2 and Python's re.

It computes what ``analysis.stance.tag_statement`` states in plain Python, and must give the same stances,
frames, evidence and suppressed evidence (``tests/test_properties.py`` checks it with hypothesis); read that
module for the rule. Here:

0. A text that recurs (wire copies, background paragraphs) is tagged once: the tags depend on the text alone.
1. One RE2 scan per frame decides the frames.
2. One RE2 scan per stance with all its cues (a few for a stance of many) finds the statements that may hold
   it; on those only, one scan per cue says which cue may match where.
3. Python's ``re`` runs only for the (statement, cue) pairs that passed, to get the spans and apply negation,
   hedging and the longest-match rule; one more scan finds the statements without a negator or hedge, where
   no scope needs looking at. In ASCII text a cue is only tried where one of its beginnings stands.

RE2 and Python's ``re`` read a pattern alike on text whose letters, digits and spaces are ASCII (RE2's ``\\w``,
``\\b``, ``\\s`` and ``\\d`` are ASCII only, it does not fold ``İ`` to ``i``, and its ``$`` does not match before a
final newline). The other texts, which ``clean_text`` makes rare, are scanned with Python's ``re``.
"""
from __future__ import annotations

import re
from functools import cached_property
try:   # Python's own regex parser: what a cue means to ``re``, not a guess. A private module: without it
    from re import _parser   # every cue is searched and every negator looked for the plain way.
except ImportError:   # pragma: no cover
    _parser = None

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..codebook import Codebook, Cue
from ..patterns import MatchClock, PatternTimeout, whole_word
from ..stance import QUOTE_MARKS, Evidence, Negation, longest_first, timeout_error

# Evidence without the named tuple's Python-level __new__: the tagger makes one per cue match.
_new_evidence = tuple.__new__
_NONE = ()

# Texts where RE2 and Python's re may disagree: an ASCII space Python has and RE2 has not, a non-ASCII
# character other than punctuation, symbols, marks and format characters (letters, digits, spaces), a
# final newline.
_RE2_UNLIKE_PYTHON = r"[\x0b\x1c-\x1f]|[^\x00-\x7f\p{P}\p{S}\p{M}\p{Cf}]|\n\z"


def _arrow_normalised(texts) -> pa.Array:
    """The texts as an Arrow string array with ``QUOTE_MARKS`` replaced, in Arrow's C++ kernels."""
    array = pa.array(texts, type=pa.large_string(), from_pandas=True) if not isinstance(texts, pa.Array) else texts
    array = pc.fill_null(array.cast(pa.large_string()), "")
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    # Curly quotes and guillemets lie outside ASCII: they are replaced in the texts that do too, the straight
    # double quote in all.
    beyond_ascii = pc.invert(pc.string_is_ascii(array))
    if pc.any(beyond_ascii).as_py():
        subset = array.filter(beyond_ascii)
        for old, new in QUOTE_MARKS:
            if not old.isascii():
                subset = pc.replace_substring(subset, old, new)
        array = pc.replace_with_mask(array, beyond_ascii, subset)
    for old, new in QUOTE_MARKS:
        if old.isascii():
            array = pc.replace_substring(array, old, new)
    return array


def grouped_word_pattern(words) -> re.Pattern | None:
    """``stance.word_pattern``'s ``\\bno\\b|\\bnot\\b|...`` written as ``\\b(?:no|not|...)\\b``: the same
    matches, in the same order of preference, but Python's ``re`` tests the word boundary once per position
    instead of once per word. A word holding ``|`` keeps its own ``\\b``s, as in ``\\ba|b\\b`` the bars bind
    looser than the boundaries."""
    parts, run = [], []
    for word in words:
        if whole_word(word) and "|" not in word:
            run.append(word)
            continue
        if run:
            parts.append(rf"\b(?:{'|'.join(run)})\b")
            run = []
        parts.append(rf"\b{word}\b" if whole_word(word) else word)
    if run:
        parts.append(rf"\b(?:{'|'.join(run)})\b")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


# --------------------------------------------------------------------------- where a pattern can begin

def literal_prefixes(words) -> str | None:
    """An RE2 pattern for the characters every match of one of the words begins with ('speculat' of
    'speculat\\w*'), with the word boundaries ``grouped_word_pattern`` puts around them; None when a word
    begins with anything but plain ASCII characters.

    On ASCII text Python's case-insensitive match of ASCII characters and its word boundaries agree with
    RE2's, so a text where RE2 finds none of these holds none of the words, without asking Python's ``re``.
    """
    if _parser is None or any("|" in word for word in words):
        return None   # "no|not" parses to a shared start "no", but \bno|not\b also matches "not" inside "xnot"
    parts = []
    for word in words:
        ops = _parser.parse(word).data
        prefix = []
        for op, value in ops:
            if op is not _parser.LITERAL:
                break
            prefix.append(value)
        if not prefix or max(prefix) > 0x7F:
            return None
        literal = "".join(chr(c) if chr(c).isalnum() else "\\x{%02x}" % c for c in prefix)
        if whole_word(word):
            literal = rf"\b{literal}\b" if len(prefix) == len(ops) else rf"\b{literal}"
        parts.append(literal)
    return "|".join(parts) if parts else None


def _first_literals(ops) -> set[str] | None:
    """The lower-cased strings one of which every match of a parsed pattern begins with; None if unknown."""
    for index, (op, value) in enumerate(ops):
        if op is _parser.AT:
            continue   # \b, ^: they take no characters, the match begins with what follows
        if op is _parser.LITERAL:
            run = []
            for other, char in ops[index:]:
                if other is not _parser.LITERAL:
                    break
                run.append(chr(char))
            if not "".join(run).isascii():
                return None   # 'K' (Kelvin) matches 'k' case-insensitively: lower() is no guide outside ASCII
            rest = _first_literals(ops[index + len(run):]) if index + len(run) < len(ops) else None
            start = "".join(run).lower()
            return {start + more for more in rest} if rest is not None and len(rest) <= 32 else {start}
        if op is _parser.SUBPATTERN:
            _group, add_flags, del_flags, inner = value
            if add_flags or del_flags or inner.getwidth()[0] == 0:
                return None
            return _first_literals(inner.data)
        if op is _parser.BRANCH:
            starts = set()
            for branch in value[1]:
                branch_starts = _first_literals(branch.data) if branch.getwidth()[0] else None
                if branch_starts is None:
                    return None
                starts |= branch_starts
            return starts
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT) and value[0] >= 1 and value[2].getwidth()[0]:
            return _first_literals(value[2].data)
        return None
    return None


def cue_starts(cue: Cue) -> tuple[str, ...] | None:
    """The lower-case ASCII strings one of which every match of the cue begins with ('laid', 'lay', 'stake',
    ... for laid_claim), or None: for a cue that can match an empty string, or begins otherwise."""
    if _parser is None:
        return None
    parsed = _parser.parse(cue.pattern, re.IGNORECASE)
    if parsed.getwidth()[0] == 0:
        return None   # Python's finditer treats empty matches specially; such a cue keeps finditer
    starts = _first_literals(parsed.data)
    return tuple(sorted(starts)) if starts else None


# Past this many places where a cue may begin, one anchored match per place costs more than one search.
_MAX_CUE_STARTS = 8


def _cue_finditer(cue_state: tuple, text: str, lowered: str | None):
    """The matches of a cue, as ``regex.finditer(text)`` gives them.

    In an ASCII text (``lowered`` is its lower case, else None) a case-insensitive match of ASCII characters
    is a match in the lower case, so the cue can only begin where one of its ``cue_starts`` does: the cue is
    matched there only, with ``regex.match(text, place)`` (which sees the text before ``place``, as a search
    does), rather than tried at every character, which is most of the Python time of the tagger otherwise.
    """
    finditer, match, starts = cue_state[:3]
    if starts is None or lowered is None:
        return finditer(text)
    places = []
    for start in starts:
        place = lowered.find(start)
        while place >= 0:
            places.append(place)
            if len(places) > _MAX_CUE_STARTS:
                return finditer(text)
            place = lowered.find(start, place + 1)
    return _matches_from(match, text, sorted(set(places)))


def _matches_from(match, text: str, places: list[int]):
    end = 0
    for place in places:
        if place >= end:   # matches do not overlap: the next one begins where the last ended, or later
            found = match(text, place)
            if found:
                yield found
                end = found.end()


# ------------------------------------------------------------------------------------ the column scans

_BOUNDED = re.compile(r"\{(\d+),(\d+)\}")


def loosen(pattern: str) -> str:
    """The cue with long bounded repeats made open (``[^.;]{0,80}`` -> ``[^.;]{0,}``): what it matches, and
    more. RE2 unrolls a bounded repeat into as many states as its bound; on varied text (a real corpus, not
    a few recurring paragraphs) the automaton of the unrolled cues outgrew RE2's memory and a stance scan ran
    many times slower. The column scans only pick candidates: Python's ``re`` then matches the exact cue."""
    return _BOUNDED.sub(lambda m: m.group(0) if int(m.group(2)) <= 3 else "{%s,}" % m.group(1), pattern)


# A union of more cues than this is scanned in parts. RE2 runs a union as one automaton whose states are
# combinations of the cues' partial matches, and cues with long gaps multiply them: past a handful of cues a
# union runs slower than two halves (the sizes tried are in benchmarks/README.md).
MAX_CUES_PER_SCAN = 6


def scan_groups(cues: tuple) -> list[tuple]:
    """The cues in consecutive groups of at most ``MAX_CUES_PER_SCAN``, as even as possible; consecutive, so
    a statement's evidence keeps the codebook's order of cues."""
    parts = -(-len(cues) // MAX_CUES_PER_SCAN)
    size = -(-len(cues) // parts) if parts else 1
    return [cues[start:start + size] for start in range(0, len(cues), size)]


def re2_ready(pattern: str) -> bool:
    """Whether Arrow's RE2 engine accepts a cue (no look-arounds or back-references)."""
    try:
        pc.match_substring_regex(pa.array(["x"]), pattern, ignore_case=True)
        return True
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False


class _Union:
    """The cues of one scan: as one RE2 pattern (loosened; None if RE2 refuses it) and as one Python
    pattern (exact; compiled when first needed, as most scans need RE2's answer only)."""

    def __init__(self, cues):
        patterns = [cue.pattern for cue in cues]
        self.exact = "|".join(f"(?:{p})" for p in patterns)
        loose = "|".join(f"(?:{loosen(p)})" for p in patterns)
        self.cue_ids = [cue.id for cue in cues]
        self.empty = not patterns
        self.re2 = loose if patterns and re2_ready(loose) else None
        self.loosened = loose != self.exact

    @cached_property
    def python(self) -> re.Pattern:
        return re.compile(self.exact, re.IGNORECASE)


class CueScanner:
    """``tag_statement`` over a column of statements (see the module docstring)."""

    def __init__(self, codebook: Codebook, clock: MatchClock):
        self.codebook = codebook
        self._clock = clock
        self._negation = Negation(codebook, grouped_word_pattern)
        self._negator_or_hedge_prefixes = literal_prefixes(codebook.negators + codebook.hedges + codebook.avoiders)
        self._stance_ids = set(codebook.stance_ids)
        self._unions: dict[str, _Union] = {}
        self._cue_states: dict[str, tuple] = {}

    def tag_columns(self, texts) -> tuple[list, list, list, list]:
        """Stances, frames, evidence and suppressed evidence of every text, as tuples."""
        array = _arrow_normalised(texts)
        n = len(array)
        encoded = array.dictionary_encode()
        if len(encoded.dictionary) < n:
            columns = self._tag_distinct(encoded.dictionary)
            codes = encoded.indices.to_numpy(zero_copy_only=False)
            return tuple([column[k] for k in codes] for column in columns)
        return self._tag_distinct(array)

    def _tag_distinct(self, array: pa.Array) -> tuple[list, list, list, list]:
        unlike = pc.match_substring_regex(array, _RE2_UNLIKE_PYTHON).to_numpy(zero_copy_only=False)
        unlike = unlike if unlike.any() else None
        frames = self._frames(array, unlike)
        stances, evidence, suppressed = self._match_hits(array, self._cue_hits(array, unlike))
        return stances, frames, evidence, suppressed

    # -- which statement may hold which cue --------------------------------------------------------------
    def _frames(self, array: pa.Array, unlike) -> list[tuple]:
        """The frames of every text: one scan per frame, the answers as bits of one number per text, then one
        tuple per number that occurs (building a tuple per text and frame took as long as a scan)."""
        frame_ids = self.codebook.frame_ids
        codes = np.zeros(len(array), dtype=np.int64 if len(frame_ids) < 63 else object)
        for bit, frame in enumerate(self.codebook.frames):
            found = self._scan(array, frame.id, frame.cues, unlike, exact=True)
            codes |= found.astype(codes.dtype) << bit
        combinations = {code: tuple(f for bit, f in enumerate(frame_ids) if code >> bit & 1)
                        for code in np.unique(codes).tolist()}
        return [combinations[code] for code in codes.tolist()]

    def _cue_hits(self, array: pa.Array, unlike) -> dict[int, list[list[tuple]]]:
        """{row: the states of the cues that may match it, per stance} for the rows where any may."""
        hits: dict[int, list[list[tuple]]] = {}
        n_stances = len(self.codebook.stances)
        for position, stance in enumerate(self.codebook.stances):
            # A few unions per stance: RE2 compiles each to a fast automaton, while a union of every cue of
            # every stance grows past RE2's memory budget and runs a hundred times slower.
            for number, cues in enumerate(scan_groups(stance.cues)):
                candidates = np.flatnonzero(self._scan(array, f"{stance.id}#{number}", cues, unlike))
                if len(candidates) == 0:
                    continue
                subset = array.take(pa.array(candidates)) if len(cues) > 1 else None
                subset_unlike = unlike[candidates] if unlike is not None and subset is not None else None
                for cue in cues:
                    rows = candidates if subset is None else candidates[self._scan(subset, cue.id, (cue,),
                                                                                   subset_unlike)]
                    cue_state = self._cue_state(cue)
                    for i in rows.tolist():
                        per_stance = hits.get(i)
                        if per_stance is None:
                            per_stance = hits[i] = [[] for _ in range(n_stances)]
                        per_stance[position].append(cue_state)
        return hits

    def _scan(self, array: pa.Array, key: str, cues, unlike=None, *, exact: bool = False) -> np.ndarray:
        """Which rows may match one of the cues: at least every row that does, and with ``exact`` only those.
        RE2 answers where it reads the cues as Python's ``re`` does; Python's ``re`` the other rows (all of
        them when RE2 refuses the union, or with ``exact`` the rows a loosened union found)."""
        union = self._unions.get(key)
        if union is None:
            union = self._unions[key] = _Union(cues)
        if union.empty:
            return np.zeros(len(array), dtype=bool)
        if union.re2 is None:
            return self._python_scan(array.to_pylist(), union)
        found = pc.match_substring_regex(array, union.re2, ignore_case=True).to_numpy(zero_copy_only=False)
        recheck = unlike
        if exact and union.loosened:
            recheck = found if recheck is None else found | recheck
        if recheck is None or not recheck.any():
            return found
        rows = np.flatnonzero(recheck)
        found = found.copy()
        found[rows] = self._python_scan(array.take(pa.array(rows)).to_pylist(), union)
        return found

    def _python_scan(self, texts: list[str], union: _Union) -> np.ndarray:
        found, clock, search = [], self._clock, union.python.search
        with clock:
            try:
                for text in texts:
                    clock.arm(union.cue_ids)
                    found.append(bool(search(text)))
            except PatternTimeout:
                raise timeout_error(self.codebook, clock, text, union.cue_ids) from None
        return np.array(found, dtype=bool)

    # -- the spans, in Python's re --------------------------------------------------------------------
    def _match_hits(self, array: pa.Array, hits) -> tuple[list, list, list]:
        """Stances, evidence and suppressed evidence of every row, matching the cues of ``hits`` exactly."""
        n = len(array)
        stances, evidence, suppressed = [_NONE] * n, [_NONE] * n, [_NONE] * n
        rows = sorted(hits)
        hit_array = array.take(pa.array(rows, type=pa.int64()))
        texts = hit_array.to_pylist()
        stance_ids = self.codebook.stance_ids
        matches_of, may_scope, clock = self._matches, self.may_scope, self._clock
        # The clock runs while Python's re matches (cues, negators, hedges), not while _longest sorts.
        with clock:
            try:
                for i, text, maybe_scope in zip(rows, texts, self._scope_candidates(hit_array)):
                    lowered = text.lower() if text.isascii() else None
                    row_stances, row_evidence, row_suppressed = [], [], []
                    if maybe_scope:
                        clock.arm(())   # no cue yet: the negators and hedges
                        check_scope = may_scope(text)
                    else:
                        check_scope = False
                    for stance_id, cue_states in zip(stance_ids, hits[i]):
                        if not cue_states:
                            continue
                        clock.arm(cue_states)
                        if len(cue_states) == 1:
                            matches = matches_of(cue_states[0], text, lowered, check_scope)
                        else:
                            matches = [e for state in cue_states for e in matches_of(state, text, lowered, check_scope)]
                        clock.disarm()
                        if not matches:
                            continue
                        kept, negated = _longest(matches)
                        row_suppressed.extend(negated)
                        if kept:
                            row_stances.append(stance_id)
                            row_evidence.extend(kept)
                    stances[i], evidence[i], suppressed[i] = (tuple(row_stances), tuple(row_evidence),
                                                              tuple(row_suppressed))
            except PatternTimeout as timeout:   # armed with cue states: (..., cue id, negatable, stance cue)
                raise timeout_error(self.codebook, clock, text, [state[4] for state in timeout.what]) from None
        return stances, evidence, suppressed

    def _cue_state(self, cue: Cue) -> tuple:
        """What matching a cue needs, worked out once per cue rather than once per statement: (finditer, match,
        literal starts or None, label id, cue id, negatable, stance cue). A plain tuple: it is unpacked per
        match."""
        state = self._cue_states.get(cue.id)
        if state is None:
            state = self._cue_states[cue.id] = (
                cue.regex.finditer, cue.regex.match, cue_starts(cue),
                cue.label_id, cue.id, cue.negatable, cue.label_id in self._stance_ids)
        return state

    def _matches(self, cue_state: tuple, text: str, lowered: str | None, check_scope: bool) -> list[Evidence]:
        """``stance.cue_evidence`` of one cue, with ``check_scope`` False for a text without negators and
        hedges."""
        label_id, cue_id, negatable, stance_cue = cue_state[3:]
        negation = self._negation
        found = []
        for match in _cue_finditer(cue_state, text, lowered):
            start, end = match.span()
            if end == start:
                continue
            if check_scope:
                scope = negation.scope(text, start)
                negated = stance_cue and negation.negates(scope, negatable)
                hedged = bool(negation.hedges and negation.hedges.search(scope))
            else:
                negated = hedged = False
            found.append(_new_evidence(Evidence, (label_id, cue_id, start, end, match.group(0), negated, hedged)))
        return found

    def match_cue(self, cue: Cue, text: str, *, check_scope: bool = True) -> list[Evidence]:
        """``stance.cue_evidence`` of one cue, the way the column scan matches it."""
        state, clock = self._cue_state(cue), self._clock
        with clock:
            clock.arm((state,))
            try:
                return self._matches(state, text, text.lower() if text.isascii() else None, check_scope)
            except PatternTimeout:
                raise timeout_error(self.codebook, clock, text, [cue.id]) from None
            finally:
                clock.disarm()

    # -- where negators and hedges may stand --------------------------------------------------------------
    def may_scope(self, text: str) -> bool:
        """``Negation.occurs_in``: whether a negator or hedge occurs anywhere in the text."""
        return self._negation.occurs_in(text)

    def may_scope_column(self, array: pa.Array, texts: list[str]) -> list[bool]:
        """``may_scope`` of every text: RE2 rules out, in one pass, the ASCII texts where no negator or hedge
        begins; Python's ``re`` decides the rest."""
        return [bool(m) and self.may_scope(text) for m, text in zip(self._scope_candidates(array), texts)]

    def _scope_candidates(self, array: pa.Array):
        """For every text, False where RE2 rules out a negator or hedge, else True: ``may_scope`` decides."""
        if self._negation.negators_or_hedges is None:
            return [False] * len(array)
        if self._negator_or_hedge_prefixes is None:
            return [True] * len(array)
        maybe = pc.or_(pc.invert(pc.string_is_ascii(array)),
                       pc.match_substring_regex(array, self._negator_or_hedge_prefixes, ignore_case=True))
        return maybe.to_numpy(zero_copy_only=False).tolist()


def _longest(matches: list[Evidence]) -> tuple[list[Evidence], list[Evidence]]:
    """``stance.longest_first``, with the one-match case, by far the most common, answered directly."""
    if len(matches) == 1:
        return ([], matches) if matches[0].negated else (matches, [])
    return longest_first(matches)
