"""The words-only classifier's probabilities and evidence over many statements at once.

``StanceClassifier`` (words only, as the ensemble's partner) is a TF-IDF vectoriser of words and word pairs
followed by one logistic regression per stance: scikit-learn reads each statement in Python, token by token.
This module does the same arithmetic on the whole column: Arrow splits the lower-cased texts into words, the
word pairs are joined in one call, both are looked up in the fitted vocabulary at once, and counts, TF-IDF
weights, norms and scores are NumPy operations. Texts that are not plain ASCII (where Arrow's and Python's
ideas of a word character or of lower case could differ) are read by Python's ``re`` with scikit-learn's own
token pattern. ``tests/test_properties.py`` checks that the probabilities and the evidence equal those of
the fitted scikit-learn pipeline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# scikit-learn's default token pattern: runs of two or more word characters.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
# Non-ASCII characters that are no word character, in upper or lower case (curly quotes, dashes, no-break
# spaces ...): made spaces, they split words exactly as they did, and the text can take the ASCII path.
_SEPARATOR_CODES = [code for code in [*range(0x80, 0x3040), *range(0xFE00, 0x10000)]
                    if not any(c.isalnum() or c == "_" for c in chr(code) + chr(code).lower())]


def _code_class(codes: list[int]) -> str:
    """An RE2 character class of the given code points, as ranges."""
    ranges, start = [], codes[0]
    for previous, code in zip(codes, codes[1:] + [None]):
        if code != previous + 1:
            ranges.append(f"\\x{{{start:x}}}" + (f"-\\x{{{previous:x}}}" if previous != start else ""))
            start = code
    return "[" + "".join(ranges) + "]"


_SEPARATOR_CLASS = _code_class(_SEPARATOR_CODES)
# ASCII bytes as words see them: letters lower-cased, digits and "_" kept, every other byte a space.
_WORD_BYTES = np.full(256, ord(" "), dtype=np.uint8)
for _byte in b"abcdefghijklmnopqrstuvwxyz0123456789_":
    _WORD_BYTES[_byte] = _byte
for _byte in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _WORD_BYTES[_byte] = _byte + 32


@dataclass(frozen=True)
class TfidfRows:
    """A TF-IDF matrix in coordinate form, sorted by row then column (as a CSR matrix stores it)."""

    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray
    n_rows: int


class WordScores:
    """The fitted parameters of a words-only classifier, applied column-wise."""

    def __init__(self, terms: list[str], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray):
        self.terms = np.asarray(terms, dtype=object)
        # The vocabulary as numbers: each word of a term (alone or in a pair) has a number; a word's column as a
        # term alone, and the keys (first word's number * words + second's) of the pairs with theirs.
        words = pc.split_pattern(pa.array(terms, type=pa.string()), " ")
        length = pc.list_value_length(words).to_numpy(zero_copy_only=False).astype(np.int64)
        first_word = np.cumsum(length) - length
        numbered = pc.dictionary_encode(pc.list_flatten(words))
        number = numbered.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        self._word_number = {word: n for n, word in enumerate(numbered.dictionary.to_pylist())}
        n_words = len(self._word_number)
        self._word_column = np.full(n_words, -1, dtype=np.int64)
        alone = np.flatnonzero(length == 1)
        self._word_column[number[first_word[alone]]] = alone
        paired = np.flatnonzero(length == 2)
        self._pair_keys = pa.array(number[first_word[paired]] * n_words + number[first_word[paired] + 1],
                                   type=pa.int64())
        self._pair_columns = paired.astype(np.int64)
        self.idf = np.asarray(idf, dtype=np.float64)
        self.coef = np.asarray(coef, dtype=np.float64)            # stances x terms
        self.intercept = np.asarray(intercept, dtype=np.float64)  # stances

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        """{term: column}, for the texts Python reads."""
        return {term: n for n, term in enumerate(self.terms.tolist())}

    @classmethod
    def of(cls, classifier) -> "WordScores | None":
        """The scorer of a fitted ``StanceClassifier`` that reads words only with the settings this module
        reproduces; None for any other (its own ``predict_proba`` is then used)."""
        pipeline = getattr(classifier, "pipeline", None)
        if pipeline is None or classifier.char_features or classifier.cue_features:
            return None
        parts = pipeline.named_steps["features"].transformer_list
        if len(parts) != 1:
            return None
        vectorizer = parts[0][1]
        expected = {"analyzer": "word", "ngram_range": (1, 2), "sublinear_tf": True, "lowercase": True,
                    "norm": "l2", "use_idf": True, "token_pattern": _TOKEN.pattern, "stop_words": None,
                    "strip_accents": None, "preprocessor": None, "tokenizer": None, "binary": False}
        if any(getattr(vectorizer, key) != value for key, value in expected.items()):
            return None
        estimators = pipeline.named_steps["model"].estimators_
        if any(getattr(e, "coef_", None) is None for e in estimators):
            return None     # a stance constant in training: scikit-learn predicts it without a model
        terms = [None] * len(vectorizer.vocabulary_)
        for term, column in vectorizer.vocabulary_.items():
            terms[column] = term
        return cls(terms, vectorizer.idf_, np.vstack([e.coef_[0] for e in estimators]),
                   np.array([e.intercept_[0] for e in estimators]))

    def tfidf(self, texts: list[str]) -> TfidfRows:
        """The l2-normalised, sublinear TF-IDF weights of the known words and word pairs of each text."""
        rows, columns = self._term_hits(texts)
        n_terms = len(self.terms)
        keys, counts = np.unique(rows * n_terms + columns, return_counts=True)
        rows, columns = keys // n_terms, keys % n_terms
        values = (np.log(counts) + 1.0) * self.idf[columns]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(texts)))
        values = values / norms[rows]
        return TfidfRows(rows, columns, values, len(texts))

    def proba(self, texts: list[str], batch: int = 20_000) -> np.ndarray:
        """The probability of each stance (columns in the classifier's order) for each text, ``batch`` texts
        at a time (the words and pairs of a batch are held at once)."""
        return self.proba_and_top_terms(texts, None, batch=batch)[0]

    def proba_and_top_terms(self, texts: list[str], wanted, *, k: int = 3, batch: int = 20_000):
        """``proba`` of the texts, and ``top_terms`` of the (text, stance) pairs that ``wanted(start,
        probabilities of the batch)`` marks (a boolean array like those probabilities), read from the same
        weights: {(text number, stance number): terms}. ``wanted`` None asks for no terms."""
        probabilities, terms = [], {}
        for start in range(0, max(len(texts), 1), batch):
            weights = self.tfidf(texts[start:start + batch])
            decision = np.empty((weights.n_rows, len(self.intercept)))
            for s in range(len(self.intercept)):
                decision[:, s] = self.intercept[s] + np.bincount(
                    weights.rows, weights=weights.values * self.coef[s, weights.columns], minlength=weights.n_rows)
            proba = 1.0 / (1.0 + np.exp(-decision))
            probabilities.append(proba)
            if wanted is not None:
                rows, stances = np.nonzero(wanted(start, proba))
                found = self._top_terms_of(weights, rows, stances, k)
                terms.update(zip(zip((rows + start).tolist(), stances.tolist()), found))
        return np.vstack(probabilities), terms

    def top_terms(self, texts: list[str], stances: list[int], k: int = 3) -> list[list[str]]:
        """For each text, the (at most ``k``) words or pairs that pushed it most towards its stance, the
        strongest first (of two that pushed alike, the one first in the vocabulary)."""
        return self._top_terms_of(self.tfidf(texts), np.arange(len(texts)), np.asarray(stances, dtype=np.int64), k)

    def _top_terms_of(self, weights: TfidfRows, rows: np.ndarray, stances: np.ndarray, k: int) -> list[list[str]]:
        """``top_terms`` of the given rows of ``weights``, each towards its stance, for all pairs at once: the
        entries of every pair laid end to end (in order of pair, then column), and the largest contribution of
        each pair taken ``k`` times over (of two alike, the one of the first column), rather than all sorted."""
        if len(rows) == 0:
            return []
        starts = np.searchsorted(weights.rows, np.arange(weights.n_rows + 1))
        lengths = starts[rows + 1] - starts[rows]
        pair = np.repeat(np.arange(len(rows)), lengths)
        entry = np.arange(len(pair)) - (np.cumsum(lengths) - lengths)[pair] + starts[rows][pair]
        columns = weights.columns[entry]
        contributions = weights.values[entry] * self.coef[stances[pair], columns]
        pushing = np.flatnonzero(contributions > 0)     # in order of pair, then column
        pair, columns, remaining = pair[pushing], columns[pushing], contributions[pushing]
        found = [[] for _ in range(len(rows))]
        counts = np.bincount(pair, minlength=len(rows))
        held = np.flatnonzero(counts)                   # the pairs with an entry that pushes
        first_entry = (np.cumsum(counts) - counts)[held]
        entries = np.arange(len(pair))
        for _ in range(k):
            if len(held) == 0:
                break
            best = np.maximum.reduceat(remaining, first_entry)
            largest = np.full(len(rows), -np.inf)
            largest[held] = best
            first_best = np.minimum.reduceat(np.where(remaining == largest[pair], entries, len(pair)), first_entry)
            taken = first_best[best > -np.inf]
            for p, term in zip(pair[taken].tolist(), self.terms[columns[taken]].tolist()):
                found[p].append(term)
            remaining[taken] = -np.inf
        return found

    def _term_hits(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(row, term column) of every occurrence of a known word or word pair, in no particular order."""
        column = pa.array(texts, type=pa.string())
        if not pc.all(pc.string_is_ascii(column)).as_py():
            column = pc.replace_substring_regex(column, _SEPARATOR_CLASS, " ")
        plain = pc.string_is_ascii(column).to_numpy(zero_copy_only=False)
        ascii_rows = np.flatnonzero(plain)
        ascii_hits = self._ascii_hits(column if len(ascii_rows) == len(texts) else column.take(pa.array(ascii_rows)),
                                      ascii_rows)
        python_hits = self._python_hits(texts, np.flatnonzero(~plain))
        return (np.concatenate([ascii_hits[0], python_hits[0]]),
                np.concatenate([ascii_hits[1], python_hits[1]]))

    def _ascii_hits(self, column: pa.Array, row_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if len(column) == 0:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        words = pc.ascii_split_whitespace(words_apart(column))
        flat = pc.list_flatten(words)
        keep = pc.greater_equal(pc.binary_length(flat), 2)
        tokens = pc.dictionary_encode(pc.filter(flat, keep))
        parent = row_of[pc.list_parent_indices(words).to_numpy()[keep.to_numpy(zero_copy_only=False)]]
        # Each token's word number (-1: a word of no term), through the batch's distinct tokens.
        numbers = np.array([self._word_number.get(token, -1) for token in tokens.dictionary.to_pylist()] or [-1],
                           dtype=np.int64)[tokens.indices.to_numpy()]
        alone = np.where(numbers >= 0, self._word_column[numbers], -1)
        known = alone >= 0
        first, second = numbers[:-1], numbers[1:]
        paired = np.flatnonzero((parent[:-1] == parent[1:]) & (first >= 0) & (second >= 0))
        keys = first[paired] * len(self._word_column) + second[paired]
        at = pc.fill_null(pc.index_in(pa.array(keys), value_set=self._pair_keys), -1).to_numpy()
        is_pair = at >= 0
        return (np.concatenate([parent[known], parent[paired[is_pair]]]),
                np.concatenate([alone[known], self._pair_columns[at[is_pair]]]))

    def _python_hits(self, texts: list[str], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        hit_rows, hit_columns = [], []
        for row in rows:
            tokens = _TOKEN.findall(texts[row].lower())
            for term in tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]:
                column = self.vocabulary.get(term)
                if column is not None:
                    hit_rows.append(row)
                    hit_columns.append(column)
        return np.array(hit_rows, dtype=np.int64), np.array(hit_columns, dtype=np.int64)


def words_apart(column: pa.Array) -> pa.Array:
    """A string column with ASCII letters lower-cased and a space for every other byte that is no ASCII word
    character (every byte of a character outside ASCII among them)."""
    validity, offsets, data = column.buffers()
    offsets = np.frombuffer(offsets, dtype=np.int32)[column.offset:column.offset + len(column) + 1]
    data = np.frombuffer(data, dtype=np.uint8)[offsets[0]:offsets[-1]]
    return pa.StringArray.from_buffers(len(column), pa.py_buffer(offsets - offsets[0]),
                                       pa.py_buffer(_WORD_BYTES[data]))
