"""Reused background: paragraphs that recur nearly word for word in two or more articles.

Background is found by comparing the wording of paragraphs across articles, never by a heading. The rule,
exactly as the engine (``analysis/_fast/shingles.py``) applies it:

1. **Paragraphs.** Word-for-word copies are one paragraph, numbered in order of first appearance; it belongs
   to every article that holds a copy.
2. **5-grams.** The words of a paragraph are the runs of ``[a-z0-9]`` in its lower-cased text (any other
   character, an accented letter too, separates words; ``İ`` lower-cases to ``i``). Its 5-grams are the
   distinct runs of five consecutive words; a paragraph of one to four words is one gram of all its words,
   a paragraph without words has none. A gram is known by a 64-bit hash (``shingles``), whose only visible
   role is the order of ties in rule 4b.
3. **Rare and frequent grams.** A gram held by 2 to ``FREQUENT_SHINGLE`` (30) paragraphs is *rare*; one held
   by more than 30 is *frequent*.
4. **Links.** Two paragraphs may link unless both belong to one and the same single article (a paragraph
   copied into several articles may link with any other). Their containment is the number of grams they
   share divided by the number of grams of the one with fewer grams. They are linked when
   a. the rare grams they share alone give a containment of at least ``threshold`` (0.6), or
   b. one of them is among the first ``REPRESENTATIVES`` (8) holders, in order of first appearance, of one of
      the other's ``REPRESENTATIVE_SHINGLES`` (4) rarest frequent grams (fewest holders first, then the
      smaller hash), and all the grams they share give a containment of at least ``threshold``.
   So a gram held by more than 30 paragraphs is never counted pair by pair: copies of a paragraph reused in
   many articles are each checked against its first copies, and join one group through them; two near
   copies that reach 0.6 only through frequent grams, neither of them among the other's first holders, are
   not linked directly.
5. **Groups.** Linked paragraphs form groups (connected components). A group whose paragraphs sit in two
   articles or more is reused background, named ``bg01``, ``bg02`` ... (``bg100`` after ``bg99``) in order of
   the first appearance of any of its paragraphs; every other paragraph gets ``""``.

``reference_labels`` is this rule in plain Python, for readers and tests; ``boilerplate_labels`` runs the
engine, which gives the same labels (``tests/test_boilerplate.py`` checks it with hypothesis) and handles a
corpus of millions of statements, added chunk by chunk through ``ShingleIndex``.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations

import pandas as pd

from ._fast.shingles import (FREQUENT_SHINGLE, GRAM_WEIGHTS, REPRESENTATIVE_SHINGLES, REPRESENTATIVES,
                             ShingleIndex, stable_hash)

__all__ = ["FREQUENT_SHINGLE", "REPRESENTATIVES", "REPRESENTATIVE_SHINGLES", "ShingleIndex", "boilerplate_labels",
           "find_boilerplate", "reference_labels", "shingles", "words"]

SIZE = 5
_WORD = re.compile(r"[a-z0-9]+")
_WEIGHTS = [int(weight) for weight in GRAM_WEIGHTS]


def words(text: str) -> list[str]:
    """The words of a paragraph (rule 2).

    >>> words("Japan’s 4 islands: Etorofu/Iturup, İturup")
    ['japan', 's', '4', 'islands', 'etorofu', 'iturup', 'iturup']
    """
    # Python lower-cases "İ" to "i" and a combining dot, which would split the word; Arrow, which the engine
    # uses, lower-cases it to "i".
    return _WORD.findall(text.replace("\u0130", "i").lower())


def shingles(text: str) -> set[int]:
    """The hashes of the distinct 5-grams of a paragraph (rule 2): a word's hash is ``stable_hash``, a gram's
    the sum of its words' hashes times ``GRAM_WEIGHTS``, modulo 2**64."""
    hashes = [stable_hash(word) for word in words(text)]
    if 0 < len(hashes) < SIZE:
        windows = [hashes]
    else:
        windows = [hashes[start:start + SIZE] for start in range(len(hashes) - SIZE + 1)]
    return {sum(h * weight for h, weight in zip(window, _WEIGHTS)) % 2**64 for window in windows}


def reference_labels(article_ids, texts, *, threshold: float = 0.6) -> list[str]:
    """The group of each paragraph ("" if none), by the rule of the module docstring in plain Python.

    Args:
        article_ids, texts: the article and the text of each paragraph, in corpus order.
    Returns:
        ``bg01`` ... or ``""`` for each paragraph, as ``boilerplate_labels`` gives them.
    """
    # 1. Distinct paragraphs, in order of first appearance, with the articles holding each.
    number: dict[str, int] = {}
    articles: list[set] = []
    for article, text in zip(article_ids, texts):
        if text not in number:
            number[text] = len(number)
            articles.append(set())
        articles[number[text]].add(article)
    # 2. Their 5-grams, and the paragraphs holding each gram, in ascending order.
    grams = [shingles(text) for text in number]
    holders: dict[int, list[int]] = defaultdict(list)
    for u, held in enumerate(grams):
        for gram in held:
            holders[gram].append(u)

    def may_link(u: int, v: int) -> bool:
        return u != v and not (len(articles[u]) == 1 and articles[u] == articles[v])

    def contained(shared: int, u: int, v: int) -> bool:
        return shared / min(len(grams[u]), len(grams[v])) >= threshold

    # 3-4a. Pairs counted on the rare grams they share.
    rare_shared = Counter(pair for held_by in holders.values() if len(held_by) <= FREQUENT_SHINGLE
                          for pair in combinations(held_by, 2))
    links = [(u, v) for (u, v), shared in rare_shared.items() if may_link(u, v) and contained(shared, u, v)]
    # 4b. Each paragraph against the first holders of its rarest frequent grams, on all the grams they share.
    for u, held in enumerate(grams):
        frequent = sorted((len(holders[gram]), gram) for gram in held if len(holders[gram]) > FREQUENT_SHINGLE)
        for _, gram in frequent[:REPRESENTATIVE_SHINGLES]:
            links += [(u, v) for v in holders[gram][:REPRESENTATIVES]
                      if may_link(u, v) and contained(len(held & grams[v]), u, v)]
    # 5. Groups: each paragraph points to another of its group, up to the one that names the group.
    parent = list(range(len(grams)))

    def root(u: int) -> int:
        while parent[u] != u:
            u = parent[u]
        return u

    for u, v in links:
        parent[root(u)] = root(v)
    spread: dict[int, set] = defaultdict(set)
    for u in range(len(grams)):
        spread[root(u)] |= articles[u]
    names: dict[int, str] = {}
    labels = []
    for text in texts:
        group = root(number[text])
        if len(spread[group]) >= 2 and group not in names:
            names[group] = f"bg{len(names) + 1:02d}"
        labels.append(names.get(group, ""))
    return labels


def boilerplate_labels(article_ids, texts, *, threshold: float = 0.6) -> list[str]:
    """The group of each paragraph ("" if none), as ``reference_labels`` gives it, computed by the engine.

    >>> background = "Japan claims the four southern Kuril Islands, which it calls its Northern Territories."
    >>> boilerplate_labels(["a", "a", "b"], [background, "Lavrov met Kono in Moscow.", background])
    ['bg01', '', 'bg01']
    """
    index = ShingleIndex()
    article_numbers, _ = pd.factorize(pd.Series(list(article_ids), dtype=object))
    index.add(list(texts), article_numbers)
    return index.labels(threshold).tolist()


def find_boilerplate(paragraphs: pd.DataFrame, *, threshold: float = 0.6) -> dict[tuple[str, int], str]:
    """Group paragraphs that recur nearly word for word across articles (``boilerplate_labels``).

    Args:
        paragraphs: columns article_id, para_idx, text.
    Returns:
        {(article_id, para_idx): group id} for paragraphs in a group.
    """
    labels = boilerplate_labels(paragraphs["article_id"].tolist(), paragraphs["text"].tolist(), threshold=threshold)
    return {(a, p): g for a, p, g in zip(paragraphs["article_id"], paragraphs["para_idx"], labels) if g}
