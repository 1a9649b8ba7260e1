"""The boilerplate engine: word 5-gram containment between the paragraphs of a whole corpus, in NumPy and Arrow.

It computes what ``analysis.boilerplate.reference_labels`` states in plain Python, and must give the same
labels (``tests/test_boilerplate.py`` checks it with hypothesis); read that module for the rule. Here the
paragraphs are added chunk by chunk (``ShingleIndex.add``), each distinct text is shingled once, the
(paragraph, 5-gram hash) rows are kept sorted in buckets by the hash's top bits with the grams held by one
paragraph dropped, and the pairs are counted in blocks, so that a corpus of a million statements fits in
memory. Measured figures are in ``benchmarks/README.md``.
"""
from __future__ import annotations

import hashlib
import zlib

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .components import component_labels

# Postings above which a 5-gram is checked against representatives only. Below it, pairs are counted
# exactly; above it, a paragraph's own wording is still rare enough that its first holders are its copies.
FREQUENT_SHINGLE = 30
REPRESENTATIVES = 8
REPRESENTATIVE_SHINGLES = 4

# A 5-gram's hash is the sum of its words' hashes times these weights, modulo 2**64.
GRAM_WEIGHTS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                         0xFF51AFD7ED558CCD], dtype=np.uint64)


def stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (Python's ``hash`` of a str is salted per process,
    which would make the choice of representatives, and so the groups, vary from run to run)."""
    data = text.encode()
    return zlib.crc32(data) | (zlib.adler32(data) << 32)


_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[np.frombuffer(b"abcdefghijklmnopqrstuvwxyz0123456789", dtype=np.uint8)] = True


def _words_only(array: pa.LargeStringArray) -> pa.LargeStringArray:
    """The strings with every byte other than an ASCII lower-case letter or digit made a space, so that a
    split at spaces finds the runs of ``[a-z0-9]`` (a non-ASCII character becomes as many spaces as it has
    bytes). A byte lookup in numpy, which is faster than RE2's split at ``[^a-z0-9]+``."""
    validity, offsets, data = array.buffers()
    data = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)
    words = np.where(_WORD_BYTE[data], data, np.uint8(ord(" ")))
    return pa.Array.from_buffers(pa.large_string(), len(array), [validity, offsets, pa.py_buffer(words)],
                                 array.null_count, array.offset)


def _paragraph_shingles(texts: list[str], size: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """(paragraph number, 5-gram hash) of every distinct word 5-gram of every paragraph, sorted by hash.

    Words are runs of [a-z0-9] in the lower-cased text; a paragraph of fewer than five words is one gram.
    Done in Arrow and numpy, not per word in Python: a million statements hold tens of millions of words.
    """
    words = pc.split_pattern(_words_only(pc.utf8_lower(pa.array(texts, type=pa.large_string()))), " ")
    lengths = pc.list_value_length(words).to_numpy(zero_copy_only=False)
    flat = pc.list_flatten(words)
    paragraph = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    keep = pc.not_equal(flat, "")
    flat = flat.filter(keep)
    paragraph = paragraph[keep.to_numpy(zero_copy_only=False)]
    encoded = flat.dictionary_encode()
    word_hash = np.fromiter((stable_hash(w) for w in encoded.dictionary.to_pylist()), dtype=np.uint64,
                            count=len(encoded.dictionary))
    tokens = word_hash[encoded.indices.to_numpy(zero_copy_only=False)]
    del flat, encoded, words
    n = len(tokens)
    grams, holders = [], []
    if n >= size:
        gram = np.zeros(n - size + 1, dtype=np.uint64)
        for k in range(size):
            gram += tokens[k:n - size + 1 + k] * GRAM_WEIGHTS[k]
        whole = paragraph[:n - size + 1] == paragraph[size - 1:]
        grams.append(gram[whole])
        holders.append(paragraph[:n - size + 1][whole])
    # Paragraphs shorter than a 5-gram are one gram of all their words.
    counts = np.bincount(paragraph, minlength=len(texts))
    short = np.flatnonzero((counts > 0) & (counts < size))
    if len(short):
        first = np.searchsorted(paragraph, short)
        gram = np.zeros(len(short), dtype=np.uint64)
        for k in range(size - 1):
            present = k < counts[short]
            gram[present] += tokens[first[present] + k] * GRAM_WEIGHTS[k]
        grams.append(gram)
        holders.append(short)
    if not grams:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64)
    gram, holder = np.concatenate(grams), np.concatenate(holders)
    # Sorted by (gram, paragraph): by gram first, then runs of one gram by paragraph, which is faster than
    # np.lexsort's stable sorts of random 64-bit keys.
    # The second sort only reorders rows within a run of one gram, so ``new_gram`` holds for both orders.
    order = np.argsort(gram)
    gram, holder = gram[order], holder[order]
    new_gram = gram[1:] != gram[:-1]
    if not new_gram.all():
        run = np.cumsum(np.r_[True, new_gram])
        order = np.argsort(run * (int(holder.max()) + 1) + holder)
        holder = holder[order]
    distinct = np.ones(len(gram), dtype=bool)
    distinct[1:] = new_gram | (holder[1:] != holder[:-1])
    return holder[distinct], gram[distinct]


class ShingleIndex:
    """The corpus's paragraphs, added chunk by chunk, reduced to what boilerplate detection needs.

    A paragraph that recurs word for word (a wire copy, a background paragraph) is shingled once: the graph
    is built on distinct paragraphs, which also keeps memory low on a corpus full of copies.
    """

    def __init__(self):
        self.number_of: dict[bytes, int] = {}
        # (paragraph, 5-gram) rows in _BUCKETS lists by the gram's top bits, so that they can be sorted a
        # bucket at a time and the grams only one paragraph holds (most, in a corpus without copies) dropped.
        self.buckets: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in range(_BUCKETS)]
        self.gram_counts: list[np.ndarray] = []   # distinct 5-grams of each distinct paragraph
        self.paragraph_distinct: list[np.ndarray] = []
        self.paragraph_article: list[np.ndarray] = []

    def add(self, texts: list[str], article_numbers) -> None:
        """Paragraphs in corpus order with their article numbers (numbers unique across the corpus)."""
        distinct, new_texts = np.empty(len(texts), dtype=np.int64), []
        for position, text in enumerate(texts):
            key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            number = self.number_of.get(key)
            if number is None:
                number = self.number_of[key] = len(self.number_of)
                new_texts.append(text)
            distinct[position] = number
        first_new = len(self.number_of) - len(new_texts)
        for batch in range(0, len(new_texts), _SHINGLE_BATCH):
            texts_in_batch = new_texts[batch:batch + _SHINGLE_BATCH]
            holder, gram = _paragraph_shingles(texts_in_batch)
            self.gram_counts.append(np.bincount(holder, minlength=len(texts_in_batch)))
            holder = (holder + first_new + batch).astype(np.int32)
            # A byte per row: NumPy sorts it stably by radix, much faster than int64 keys.
            bucket = (gram >> np.uint64(64 - _BUCKET_BITS)).astype(np.uint8)
            order = np.argsort(bucket, kind="stable")   # keeps each bucket sorted by gram, then paragraph
            bounds = np.searchsorted(bucket[order], np.arange(_BUCKETS + 1))
            holder, gram = holder[order], gram[order]
            # Copies, not views of the batch: a bucket's rows are then freed as soon as it is sorted.
            for number in range(_BUCKETS):
                if bounds[number + 1] > bounds[number]:
                    self.buckets[number].append((holder[bounds[number]:bounds[number + 1]].copy(),
                                                 gram[bounds[number]:bounds[number + 1]].copy()))
        self.paragraph_distinct.append(distinct)
        self.paragraph_article.append(np.asarray(article_numbers, dtype=np.int64))

    def labels(self, threshold: float = 0.6) -> np.ndarray:
        """The group id of every paragraph added ("" if none), ``bg01`` ... in order of first appearance."""
        distinct = np.concatenate(self.paragraph_distinct) if self.paragraph_distinct else np.zeros(0, np.int64)
        article = np.concatenate(self.paragraph_article) if self.paragraph_article else np.zeros(0, np.int64)
        if len(distinct) == 0:
            return np.zeros(0, dtype=object)
        n = len(self.number_of)
        # The one article holding each distinct paragraph, or -1 when copies sit in several articles.
        lowest = np.full(n, np.iinfo(np.int64).max)
        np.minimum.at(lowest, distinct, article)
        highest = np.full(n, -1)
        np.maximum.at(highest, distinct, article)
        single_article = np.where(lowest == highest, lowest, -1)
        gram_count = np.concatenate(self.gram_counts)
        holders, run_sizes = [], []
        for number in range(_BUCKETS):
            pieces, self.buckets[number] = self.buckets[number], []
            if not pieces:
                continue
            holder = np.concatenate([h for h, _ in pieces])
            gram = np.concatenate([g for _, g in pieces])
            del pieces
            # Each piece is sorted by (gram, paragraph) and holds later paragraphs than the pieces before it, so
            # a stable sort by gram alone (a merge of sorted runs) sorts by (gram, paragraph).
            order = np.argsort(gram, kind="stable")
            holder, gram = holder[order], gram[order]
            del order
            # Buckets follow the grams' top bits, so the kept runs of all buckets stay in gram order. Only the
            # run lengths are kept, not the grams: which gram a run is no longer matters.
            size = np.diff(np.r_[_run_starts(gram), len(gram)])
            del gram
            holders.append(holder[np.repeat(size >= 2, size)])
            run_sizes.append(size[size >= 2])
            del holder, size
        _release_freed_memory()
        holder = np.concatenate(holders) if holders else np.zeros(0, dtype=np.int32)
        del holders
        run_size = np.concatenate(run_sizes) if run_sizes else np.zeros(0, dtype=np.int64)
        del run_sizes
        component = _link_paragraphs(holder, run_size, single_article, gram_count, threshold=threshold)[distinct]
        del holder, run_size
        # Groups that span two or more articles, numbered in order of first appearance.
        articles = int(article.max()) + 1
        pairs = _distinct(component * articles + article)
        spread = np.bincount(pairs // articles, minlength=int(component.max()) + 1)
        first_seen = np.full(int(component.max()) + 1, len(component))
        np.minimum.at(first_seen, component, np.arange(len(component)))
        in_order = component[np.sort(first_seen[first_seen < len(component)])]
        grouped = in_order[spread[in_order] >= 2]
        names = np.full(int(component.max()) + 1, "", dtype=object)
        names[grouped] = [f"bg{number:02d}" for number in range(1, len(grouped) + 1)]
        return names[component]


def _release_freed_memory() -> None:
    """Hand the heap's free pages back to the system (glibc only). The 5-gram rows arrive in thousands of
    small pieces, which malloc keeps on its heap once freed: without this, the memory of the sorted buckets
    stays resident while the paragraphs are linked."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


_SHINGLE_BATCH = 20000
_BUCKET_BITS = 4   # at most 8: a row's bucket is kept in a byte
_BUCKETS = 1 << _BUCKET_BITS


# Pairs formed at once, and (four times that) pair counts held before they are merged. With larger blocks,
# merging the counts set the peak memory on a large corpus without recurring text; the groups do not depend
# on the block size.
_PAIR_BLOCK = 1_000_000


def _distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values: ``np.unique`` without ``return_counts`` hashes in NumPy 2, which is far
    slower than a sort for int64 keys."""
    values = np.sort(values)
    return values[_run_starts(values)]


def _run_starts(values: np.ndarray) -> np.ndarray:
    """Where each run of equal values begins in a sorted array."""
    return np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else np.zeros(0, dtype=np.int64)


def _rank_in_runs(lengths: np.ndarray) -> np.ndarray:
    """0, 1, ... within each of consecutive runs of the given lengths: [2, 3] gives [0, 1, 0, 1, 2]."""
    return np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)


def _found_in(sorted_keys: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(position, found) of each key in ``sorted_keys``: where it is, and whether it is there at all."""
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return at, sorted_keys[at] == keys


_CHECK_BLOCK = 20_000   # candidate pairs checked at once; groups joined in one block skip later checks


class _PairCounter:
    """How often each pair key was added, without holding every addition: a pair of near-copies shares dozens
    of 5-grams, so counts are merged block by block and memory follows the distinct pairs."""

    def __init__(self, budget: int = 4 * _PAIR_BLOCK):
        self.budget = budget
        self.keys = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)
        self.pending: list[tuple[np.ndarray, np.ndarray]] = []
        self.pending_size = 0

    def add(self, keys: np.ndarray) -> None:
        unique, counts = np.unique(keys, return_counts=True)
        self.pending.append((unique, counts))
        self.pending_size += len(unique)
        if self.pending_size > self.budget:
            self._merge()

    def _merge(self) -> None:
        keys = np.concatenate([self.keys] + [k for k, _ in self.pending])
        counts = np.concatenate([self.counts] + [c for _, c in self.pending])
        self.pending, self.pending_size = [], 0
        order = np.argsort(keys, kind="stable")
        keys, counts = keys[order], counts[order]
        del order
        starts = _run_starts(keys)
        self.keys, self.counts = keys[starts], np.add.reduceat(counts, starts) if len(keys) else counts

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        self._merge()
        return self.keys, self.counts


@dataclass(frozen=True)
class _LinkTest:
    """Whether two paragraphs link: of different articles, sharing at least ``threshold`` of the 5-grams of
    the smaller one. ``single_article[u]`` is the one article that holds paragraph u, or -1 if several do;
    ``gram_count[u]`` the number of its distinct 5-grams; ``shared_enough[u]`` whether enough of them are held
    by another paragraph at all."""

    single_article: np.ndarray
    gram_count: np.ndarray
    shared_enough: np.ndarray
    threshold: float

    def apart(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        single = self.single_article
        return (single[a] < 0) | (single[b] < 0) | (single[a] != single[b])

    def may_link(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Pairs that can reach the threshold: the smaller paragraph shares at most its grams that some other
        paragraph holds, so enough of its grams must be held elsewhere. On varied text (not copies) this rules
        out nearly every pair before it is counted or a set is built."""
        counts = self.gram_count
        return self.apart(a, b) & self.shared_enough[np.where(counts[a] <= counts[b], a, b)]

    def reaches(self, shared: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The linking test itself, also applied to upper bounds of ``shared``: the same float division, so a
        bound below the threshold proves the exact count below it too."""
        return shared / np.minimum(self.gram_count[a], self.gram_count[b]) >= self.threshold


def _link_paragraphs(holder: np.ndarray, sizes: np.ndarray, single_article: np.ndarray, gram_count: np.ndarray,
                     *, threshold: float = 0.6) -> np.ndarray:
    """Component number of each distinct paragraph, from the holders of the 5-grams held by two paragraphs
    or more: ``holder`` has a run of ``sizes[k]`` ascending paragraph numbers for the k-th such gram, the grams
    in ascending order of their hash (the order breaks ties between representatives). ``gram_count[u]`` is
    the number of all distinct 5-grams of paragraph u. ``single_article[u]`` is the one article that holds
    paragraph u, or -1 if several do: only paragraphs of different articles are linked."""
    n = len(single_article)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    present = np.bincount(holder, minlength=n)   # rows of each paragraph in ``holder`` (its shared grams)
    with np.errstate(divide="ignore", invalid="ignore"):
        test = _LinkTest(single_article, gram_count, present / gram_count >= threshold, threshold)
    starts = np.cumsum(sizes) - sizes
    frequent_run = np.flatnonzero(sizes > FREQUENT_SHINGLE)
    frequent_held = np.zeros(n, dtype=np.int64)
    candidates = np.zeros(0, dtype=np.int64)
    if len(frequent_run):
        # Rows of the frequent grams only, in gram order; a run's number stands for its gram from here on.
        frequent_size = sizes[frequent_run]
        frequent_holder = holder[np.repeat(sizes > FREQUENT_SHINGLE, sizes)]
        frequent_number = np.repeat(np.arange(len(frequent_run), dtype=np.int32), frequent_size)
        frequent_held = np.bincount(frequent_holder, minlength=n)
        candidates = _representative_pairs(frequent_holder, frequent_number, frequent_size, starts[frequent_run],
                                           holder, n, test.may_link)
    labels, rare_shared = _link_by_rare_grams(holder, sizes, starts, candidates, test)
    if not len(candidates):
        return labels
    a, b, rare_shared = _open_candidates(candidates, rare_shared, labels, frequent_held, test)
    del candidates
    # Each paragraph's frequent grams (run numbers, ascending), and the (run, paragraph) keys to look them up.
    numbers_by_paragraph = frequent_number[np.argsort(frequent_holder, kind="stable")]
    frequent_key = frequent_number.astype(np.int64) * n + frequent_holder
    del frequent_number, frequent_holder
    return _join_linked_pairs(labels, a, b, rare_shared, numbers_by_paragraph, frequent_key, frequent_held,
                              test.reaches)


def _link_by_rare_grams(holder: np.ndarray, sizes: np.ndarray, starts: np.ndarray, candidates: np.ndarray,
                        test: _LinkTest) -> tuple[np.ndarray, np.ndarray]:
    """Part 1 of ``_link_paragraphs``: the components of the pairs of paragraphs (of different articles) that
    share 5-grams held by at most FREQUENT_SHINGLE paragraphs, the shared grams counted exactly, pair by pair.
    A pair is counted only if both paragraphs hold enough such grams to link through them. Also returns, for
    each candidate pair of part 2, its count of these grams."""
    n = len(test.single_article)
    rare_row = np.repeat((sizes >= 2) & (sizes <= FREQUENT_SHINGLE), sizes)
    rare_held = np.bincount(holder[rare_row], minlength=n)   # grams of a paragraph held by 2 to 30 paragraphs
    del rare_row
    in_candidate = np.zeros(n, dtype=bool)
    in_candidate[candidates % n] = True
    in_candidate[candidates // n] = True
    rare_shared = np.zeros(len(candidates), dtype=np.int32)
    shared_pairs = _PairCounter()
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= FREQUENT_SHINGLE)]).tolist():
        group_starts = starts[sizes == size]
        first, second = np.triu_indices(size, 1)
        step = max(1, _PAIR_BLOCK // len(first))
        for block in range(0, len(group_starts), step):
            members = holder[group_starts[block:block + step][:, None] + np.arange(size)].astype(np.int64)
            a, b = members[:, first].ravel(), members[:, second].ravel()
            del members
            other = test.apart(a, b)
            a, b = a[other], b[other]
            countable = test.reaches(np.minimum(rare_held[a], rare_held[b]), a, b)
            shared_pairs.add(a[countable] * n + b[countable])
            if len(candidates):
                asked = in_candidate[a] & in_candidate[b] & test.may_link(a, b)
                at, found = _found_in(candidates, a[asked] * n + b[asked])
                np.add.at(rare_shared, at[found], 1)
    keys, shared = shared_pairs.result()
    del shared_pairs
    a, b = keys // n, keys % n
    linked = test.reaches(shared, a, b)
    labels = component_labels(a[linked], b[linked], n)
    return labels, rare_shared


def _open_candidates(candidates: np.ndarray, rare_shared: np.ndarray, labels: np.ndarray,
                     frequent_held: np.ndarray, test: _LinkTest) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Part 2 of ``_link_paragraphs``, its first sieve. A paragraph reused in many articles: counting every
    pair would be quadratic, so it is compared with the first few holders of its rarest frequent 5-grams (its
    own wording: their first holders are its copies); the copies then join one group through these
    representatives. Pairs already in one group need no check; the rest are kept, as (a, b, rare grams shared),
    only if their shared rare grams plus the frequent grams the smaller set of frequent grams could share
    reach the threshold (on varied text, few do)."""
    n = len(test.single_article)
    kept = []
    for first in range(0, len(candidates), _PAIR_BLOCK):   # a block at a time: few candidates survive
        a, b = candidates[first:first + _PAIR_BLOCK] // n, candidates[first:first + _PAIR_BLOCK] % n
        rare = rare_shared[first:first + _PAIR_BLOCK]
        possible = labels[a] != labels[b]
        possible[possible] = test.reaches(rare[possible] + np.minimum(frequent_held[a[possible]],
                                                                      frequent_held[b[possible]]),
                                          a[possible], b[possible])
        kept.append((a[possible], b[possible], rare[possible]))
    a, b, rare_shared = (np.concatenate(column) for column in zip(*kept))
    return a, b, rare_shared


def _join_linked_pairs(labels: np.ndarray, a: np.ndarray, b: np.ndarray, rare_shared: np.ndarray,
                       numbers_by_paragraph: np.ndarray, frequent_key: np.ndarray, frequent_held: np.ndarray,
                       reaches) -> np.ndarray:
    """Part 2 of ``_link_paragraphs``: the component labels after joining the candidate pairs (a, b) that
    link, checked exactly (their shared rare grams, ``rare_shared``, plus the frequent grams they share,
    looked up in numpy) a block at a time; a pair whose groups an earlier block joined is not checked.
    ``numbers_by_paragraph`` are the frequent grams' run numbers, paragraph by paragraph (``frequent_held``
    of each), and ``frequent_key`` the sorted keys ``run * n + paragraph`` of the frequent rows."""
    n = len(frequent_held)
    frequent_offset = np.r_[0, np.cumsum(frequent_held)]
    root = np.arange(int(labels.max()) + 1)
    for block in range(0, len(a), _CHECK_BLOCK):
        block_a, block_b = a[block:block + _CHECK_BLOCK], b[block:block + _CHECK_BLOCK]
        block_rare = rare_shared[block:block + _CHECK_BLOCK]
        root_a, root_b = root[labels[block_a]], root[labels[block_b]]
        still_apart = root_a != root_b
        block_a, block_b, block_rare = block_a[still_apart], block_b[still_apart], block_rare[still_apart]
        root_a, root_b = root_a[still_apart], root_b[still_apart]
        # Look the fewer frequent grams of the two up among the other's.
        fewer = frequent_held[block_a] <= frequent_held[block_b]
        own, other = np.where(fewer, block_a, block_b), np.where(fewer, block_b, block_a)
        lengths = frequent_held[own]
        pair = np.repeat(np.arange(len(own)), lengths)
        rows = _rank_in_runs(lengths) + np.repeat(frequent_offset[own], lengths)
        key = numbers_by_paragraph[rows].astype(np.int64) * n + other[pair]
        # Looked up in ascending order: a binary search per key in random order missed the cache at every step,
        # which cost more than sorting the keys first.
        order = np.argsort(key)
        key, pair = key[order], pair[order]
        frequent_shared = np.bincount(pair[_found_in(frequent_key, key)[1]], minlength=len(own))
        linked = reaches(block_rare + frequent_shared, block_a, block_b)
        if linked.any():
            # Merge the groups the new links join; each takes the smallest root among them.
            ends, local = np.unique(np.r_[root_a[linked], root_b[linked]], return_inverse=True)
            half = int(linked.sum())
            joined = component_labels(local[:half], local[half:], len(ends))
            smallest = np.full(int(joined.max()) + 1, len(root))
            np.minimum.at(smallest, joined, ends)
            renamed = np.arange(len(root))
            renamed[ends] = smallest[joined]
            root = renamed[root]
    return root[labels]


def _representative_pairs(frequent_holder: np.ndarray, frequent_number: np.ndarray, frequent_size: np.ndarray,
                          frequent_start: np.ndarray, holder: np.ndarray, n: int, may_link) -> np.ndarray:
    """Keys ``min * n + max`` (sorted, distinct) of the pairs part 2 of ``_link_paragraphs`` checks: each
    paragraph with the first REPRESENTATIVES holders of its REPRESENTATIVE_SHINGLES rarest frequent 5-grams
    (fewest holders first, then the smaller gram), where ``may_link`` allows. The frequent grams' rows come in
    gram order, numbered by run, with each run's size and first row in ``holder``."""
    # Rows are in gram order already: a stable sort by (paragraph, run size) leaves the smaller gram first.
    order = np.argsort(frequent_holder.astype(np.int64) * (int(frequent_size.max()) + 1)
                       + frequent_size[frequent_number], kind="stable")
    owner, number = frequent_holder[order], frequent_number[order]
    del order
    rank = _rank_in_runs(np.diff(np.r_[_run_starts(owner), len(owner)]))
    owner, number = owner[rank < REPRESENTATIVE_SHINGLES], number[rank < REPRESENTATIVE_SHINGLES]
    del rank
    keys = []
    step = max(1, _PAIR_BLOCK // REPRESENTATIVES)
    for first in range(0, len(owner), step):
        a = np.repeat(owner[first:first + step].astype(np.int64), REPRESENTATIVES)
        b = holder[np.repeat(frequent_start[number[first:first + step]], REPRESENTATIVES)
                   + np.tile(np.arange(REPRESENTATIVES), len(a) // REPRESENTATIVES)].astype(np.int64)
        keep = (a != b) & may_link(a, b)
        a, b = a[keep], b[keep]
        keys.append(_distinct(np.minimum(a, b) * n + np.maximum(a, b)))
    return _distinct(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)

