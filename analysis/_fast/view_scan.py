"""``ViewWords.says_view`` over many statements at once.

The plain rule splits each statement into its words with Python's ``re`` and adds their weights. Here the whole
column is lower-cased and split at once (every byte that is no ASCII word character made a space), the pairs of
neighbouring words are joined at once when the model weighs pairs, and numpy adds each statement's weights (its
distinct words and pairs once each). The split knows ASCII word characters only: a
statement with a letter or digit outside ASCII ("Etorofu’s" is fine, "Ébauche" is not) is read by the plain
rule. The weights are integers, so the sums are the same in any order; ``tests/test_properties.py`` checks that
both give the same answers.
"""
from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..holder import NARRATION, ViewWords, genre_word
from .word_scores import words_apart


# A word character outside ASCII: Python's \w that is not [a-zA-Z0-9_].
_WIDER_WORD = re.compile(r"[^\W\x00-\x7f]")
# Characters outside ASCII that news text is full of and that are no word characters (curly quotes, dashes, the
# ellipsis, guillemets, the no-break space): a text with no other character outside ASCII is split here.
_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb\u00a0"
_OTHER_THAN_PUNCTUATION = "[^\\x00-\\x7f" + _PUNCTUATION + "]"


# How many statements one column scan reads at a time.
_BATCH = 10_000


def _with_pairs(flat: pa.Array, owner: np.ndarray) -> tuple[pa.Array, np.ndarray]:
    """The words of every statement (``flat``, each of statement ``owner``) and after them the pairs of
    neighbouring words of each statement, as ``holder.statement_terms`` forms them: the words of one character
    ("s" of "Japan's") are no words there, so a pair joins the words around them."""
    long = pc.greater_equal(pc.utf8_length(flat), 2)
    words = flat.filter(long)
    word_owner = owner[long.to_numpy(zero_copy_only=False)]
    if len(words) < 2:
        return flat, owner
    same = word_owner[1:] == word_owner[:-1]
    pairs = pc.binary_join_element_wise(words.slice(0, len(words) - 1), words.slice(1), " ").filter(pa.array(same))
    return pa.concat_arrays([flat, pairs]), np.concatenate([owner, word_owner[1:][same]])


def says_view_flags(texts: list[str], views: ViewWords, genres: list[str] | None = None) -> list[bool]:
    """``views.says_view(text, genre)`` of every text and its document's genre (``genres``: all "" when not
    given), in order."""
    if not texts:
        return []
    genres = genres if genres is not None else [""] * len(texts)
    if views.narration is not None and NARRATION in genres:
        # The outlet's narration is read by the narration's own model (``ViewWords.says_view``).
        narrated = [row for row, genre in enumerate(genres) if genre == NARRATION]
        spoken = [row for row, genre in enumerate(genres) if genre != NARRATION]
        flags = [False] * len(texts)
        for rows, model in ((narrated, views.narration), (spoken, views)):
            for row, flag in zip(rows, says_view_flags([texts[r] for r in rows], model, [genres[r] for r in rows])):
                flags[row] = flag
        return flags
    if len(texts) > _BATCH:
        # (in batches: the words and pairs of a whole corpus's statements at once would take tens of MiB more)
        return [flag for start in range(0, len(texts), _BATCH)
                for flag in says_view_flags(texts[start:start + _BATCH], views, genres[start:start + _BATCH])]
    column = pa.array(texts, type=pa.string())
    # (curly quotes and dashes are no words: a text with no other character outside ASCII is split here too)
    splittable = pc.invert(pc.match_substring_regex(column, _OTHER_THAN_PUNCTUATION)).to_numpy(zero_copy_only=False)
    for row in np.flatnonzero(~splittable).tolist():
        splittable[row] = _WIDER_WORD.search(texts[row]) is None
    split_rows = np.flatnonzero(splittable)
    flags = [None] * len(texts)
    if len(split_rows):
        words = pc.ascii_split_whitespace(words_apart(
            column if len(split_rows) == len(texts) else column.take(pa.array(split_rows))))
        flat = pc.list_flatten(words)
        owner = pc.list_parent_indices(words).to_numpy()
        vocabulary = list(views.weights)
        if any(" " in term for term in vocabulary):
            flat, owner = _with_pairs(flat, owner)
        found = pc.fill_null(pc.index_in(flat, value_set=pa.array(vocabulary, type=pa.string())), -1).to_numpy()
        known = found >= 0       # a word never seen in training weighs nothing
        pairs = np.sort(owner[known].astype(np.int64) * len(vocabulary) + found[known].astype(np.int64))
        if len(pairs):
            pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]     # a word met twice counts once
        weight = np.array([views.weights[word] for word in vocabulary], dtype=np.int64)
        genre_weight = {genre: views.weights.get(genre_word(genre), 0) for genre in set(genres)}
        score = np.full(len(split_rows), views.bias, dtype=np.int64)
        score += np.array([genre_weight[genres[row]] for row in split_rows.tolist()], dtype=np.int64)
        # (the weights are integers, far below 2**53: their sums as floats are exact)
        score += np.bincount(pairs // len(vocabulary), weights=weight[pairs % len(vocabulary)],
                             minlength=len(split_rows)).astype(np.int64)
        for row, value in zip(split_rows.tolist(), (score > 0).tolist()):
            flags[row] = value
    return [views.says_view(text, genre) if flag is None else flag for text, genre, flag in zip(texts, genres, flags)]
