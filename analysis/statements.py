"""Split cleaned articles into paragraphs and sentence-level statements, and flag reused background.

A statement is one sentence of the cleaned text, located by character offsets so that the statements of an
article, placed by their offsets, give back its cleaned text exactly (whitespace aside).

Sentence splitting is a compiled regex over candidate terminators plus guards for the hard cases of news
English. Why not pysbd or syntok: measured on this machine they split about 1.5k and 8k sentences/s, while
this splitter runs two orders of magnitude faster, and the cases it must get right are few and testable:

- datelines: ``MOSCOW, March 21. /TASS/. Moscow and Tokyo ...`` stays one sentence;
- abbreviations: ``U.S.``, ``Feb. 24``, ``No. 1``, ``Mr. Abe``, initials (``Vladimir V. Putin``);
- quotes closing after the full stop: ``... the matter."`` ends a sentence, ``... them," he said`` and
  ``... either." he added`` (lower case after the quote) do not;
- quotes spanning several sentences are split into their sentences (attribution joins them again);
- brackets inside quotes (``[island] handover``) and ellipses (``...`` followed by lower case continues).

Reused background is found by word-shingle containment between paragraphs of different articles, not by a
heading: paragraphs that recur nearly word for word in two or more articles share a ``boilerplate_group``.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict

import pandas as pd

STATEMENT_COLUMNS = ["article_id", "para_idx", "sent_idx", "text", "char_start", "char_end", "is_headline",
                     "is_lead", "is_heading", "section", "is_boilerplate", "boilerplate_group"]

# Abbreviations after which a full stop never ends a sentence (titles, and forms that precede a number).
_NEVER_END = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "sgt", "maj", "adm", "sen", "rep", "gov",
    "st", "messrs", "rev", "hon", "pres", "amb", "vs", "cf", "approx", "dept", "fig", "vol", "art", "para",
}
_BEFORE_NUMBER = {"no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                  "dec", "p", "pp", "ch", "sec"}
# Abbreviations that may also close a sentence ("... sanctions imposed by the U.S. Japan has ..."): split
# only when the next word is a typical sentence opener.
_AMBIGUOUS = {"u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "inc", "corp", "ltd", "co", "jr", "sr", "etc",
              "e.g", "i.e", "d.c", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
              "nov", "dec"}
_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
    "but", "and", "however", "in", "on", "at", "as", "for", "if", "when", "while", "after", "before", "since",
    "meanwhile", "moreover", "still", "yet", "so", "his", "her", "its", "their", "our", "my", "according",
    "earlier", "later", "last", "next", "both", "some", "many", "most", "no", "not", "what", "why", "how",
}
# Candidate end: terminator run, optional closing quotes/brackets, whitespace, then what may open a sentence.
_CANDIDATE = re.compile(r"""(?:\.{3}|…|[.!?])+["'”’)\]]*(?=\s+(\S))""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.?$")
# A dateline opening a paragraph: "MOSCOW, March 21. /TASS/." or "KRABOZAVODSKOYE /Sakhalin Region/,
# February 26. /TASS/." or "TOKYO (Reuters) -"; the whole dateline stays inside the first sentence.
_DATELINE = re.compile(
    r"""^[A-Z][A-Z'\-]+(?:\s[A-Z][A-Z'\-]+)*(?:\s*/[^/\n]{1,40}/)?,?\s*
        (?:[A-Z][a-z]{2,8}\.?\s*[·.]?\s*\d{1,2}(?:,\s*\d{4})?\.?\s*)?
        (?:/[A-Za-z\-]{2,12}/\.?|\([A-Za-z\-\s]{2,20}\)\s*[-–—])?""",
    re.VERBOSE)
_SHINGLE_WORD = re.compile(r"[a-z0-9]+")
# Postings above which a 5-gram is checked against representatives only. Below it, pairs are counted
# exactly; above it, a paragraph's own wording is still rare enough that its first holders are its copies.
FREQUENT_SHINGLE = 30
REPRESENTATIVES = 8
REPRESENTATIVE_SHINGLES = 4


def dateline_end(paragraph: str) -> int:
    """Length of the dateline at the start of a paragraph, 0 if there is none."""
    match = _DATELINE.match(paragraph)
    if not match:
        return 0
    text = match.group(0)
    # A capitalised first word alone ("MOSCOW" of a normal sentence?) is not a dateline: require the agency
    # tag, or a date, to follow the place name.
    if "/" not in text and "(" not in text and not re.search(r"\d", text):
        return 0
    return match.end()


def _is_boundary(text: str, match: re.Match, protected_until: int) -> bool:
    end = match.end()
    if end <= protected_until:
        return False
    next_char = match.group(1)
    terminator = match.group(0)
    if next_char[0].islower() or next_char[0] in ",;:)]-–—":
        return False
    # Closing quote right after the terminator then "he said": handled by lower-case rule above. A period
    # inside a closing quote followed by a capitalised attribution verb is rare; treat as a boundary.
    if terminator[0] == "." and not terminator.startswith("..."):
        # Look only near the candidate: searching from the paragraph's start made long paragraphs quadratic.
        before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start() + 1)
        word = before.group(1).lower().rstrip(".") if before else ""
        following = re.match(r"[\"'“‘(\[]*([A-Za-z0-9]+)", text[match.end():match.end() + 80].lstrip())
        next_word = following.group(1).lower() if following else ""
        if word in _NEVER_END:
            return False
        if word in _BEFORE_NUMBER and next_char[0].isdigit():
            return False
        if len(word) == 1 and word.isalpha() and text[match.start() - 1].isupper():
            # An initial: "Vladimir V. Putin". A single capital that ends a sentence ("plan B.") is rare.
            return next_word in _OPENERS
        if word in _AMBIGUOUS or ("." in word and len(word) <= 5):
            return next_word in _OPENERS
    elif terminator.startswith("...") or terminator.startswith("…"):
        if not (next_char[0].isupper() or next_char[0] in "\"“"):
            return False
    return True


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one paragraph, trailing whitespace excluded.

    >>> p = 'MOSCOW, March 21. /TASS/. Talks began. "We are ready," he said.'
    >>> [p[s:e] for s, e in split_sentences(p)]
    ['MOSCOW, March 21. /TASS/. Talks began.', '"We are ready," he said.']
    """
    protected = dateline_end(paragraph)
    spans, start = [], 0
    for match in _CANDIDATE.finditer(paragraph):
        if _is_boundary(paragraph, match, protected):
            spans.append((start, match.end()))
            start = match.end()
            while start < len(paragraph) and paragraph[start].isspace():
                start += 1
    if start < len(paragraph) and paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return spans


def _is_heading(paragraph: str, para_idx: int) -> bool:
    """A section heading: a short paragraph without terminal punctuation inside the body."""
    words = paragraph.split()
    return para_idx >= 2 and 1 <= len(words) <= 6 and paragraph[-1].isalnum() and paragraph[0].isupper()


def article_statements(article_id: str, clean: str) -> list[dict]:
    """Statements of one cleaned article (boilerplate columns are filled by ``split_corpus``)."""
    rows, sent_idx, offset, section = [], 0, 0, "body"
    for para_idx, paragraph in enumerate(clean.split("\n\n")):
        heading = _is_heading(paragraph, para_idx)
        if heading:
            section = paragraph
        for start, end in split_sentences(paragraph):
            rows.append({
                "article_id": article_id, "para_idx": para_idx, "sent_idx": sent_idx,
                "text": paragraph[start:end], "char_start": offset + start, "char_end": offset + end,
                "is_headline": para_idx == 0, "is_lead": para_idx == 1, "is_heading": heading,
                "section": section,
            })
            sent_idx += 1
        offset += len(paragraph) + 2
    return rows


def _shingles(paragraph: str, size: int = 5) -> frozenset:
    """Hashes of the paragraph's word 5-grams (ints: a corpus of a million statements holds millions)."""
    words = _SHINGLE_WORD.findall(paragraph.lower())
    if len(words) < size:
        return frozenset([_stable_hash(" ".join(words))]) if words else frozenset()
    return frozenset(_stable_hash(" ".join(words[i:i + size])) for i in range(len(words) - size + 1))


def _stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (Python's ``hash`` of a str is salted per process,
    which would make the choice of representatives, and so the groups, vary from run to run)."""
    data = text.encode()
    return zlib.crc32(data) | (zlib.adler32(data) << 32)


def find_boilerplate(paragraphs: pd.DataFrame, *, threshold: float = 0.6) -> dict[tuple[str, int], str]:
    """Group paragraphs that recur nearly word for word across articles.

    Two paragraphs of different articles are linked when the share of the smaller one's word 5-grams found in
    the other reaches ``threshold`` (0.6: the seeds' background paragraphs differ by a clause or two). Linked
    paragraphs form groups (connected components); each group gets an id ``bg01``, ``bg02`` ... in order of
    first appearance.

    Args:
        paragraphs: columns article_id, para_idx, text.
    Returns:
        {(article_id, para_idx): group id} for paragraphs in a group.
    """
    keys = list(zip(paragraphs["article_id"], paragraphs["para_idx"]))
    article_of = [key[0] for key in keys]
    shingles = [_shingles(t) for t in paragraphs["text"]]
    index: dict[int, list[int]] = defaultdict(list)
    for i, grams in enumerate(shingles):
        for gram in grams:
            index[gram].append(i)
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, grams in enumerate(shingles):
        if not grams:
            continue
        shared: dict[int, int] = defaultdict(int)
        representatives: set[int] = set()
        article = article_of[i]
        frequent = []
        for gram in grams:
            postings = index[gram]
            if len(postings) > FREQUENT_SHINGLE:
                frequent.append((len(postings), gram))
                continue
            for j in postings:
                if j > i and article_of[j] != article:
                    shared[j] += 1
        # A paragraph reused in many articles: counting every pair would be quadratic, so compare it with the
        # first few holders of its rarest frequent 5-grams (its own wording: their first holders are its
        # copies); the copies then join one group through these representatives.
        for _, gram in sorted(frequent)[:REPRESENTATIVE_SHINGLES]:
            representatives.update(j for j in index[gram][:REPRESENTATIVES] if article_of[j] != article)
        for j, count in shared.items():
            if count / min(len(grams), len(shingles[j])) >= threshold:
                parent[root(j)] = root(i)
        for j in representatives - set(shared):
            if len(grams & shingles[j]) / min(len(grams), len(shingles[j])) >= threshold:
                parent[root(j)] = root(i)
    articles_of_root: dict[int, set] = defaultdict(set)
    for i, key in enumerate(keys):
        articles_of_root[root(i)].add(key[0])
    groups, number_of_root = {}, {}
    for i, key in enumerate(keys):
        r = root(i)
        if len(articles_of_root[r]) < 2:
            continue
        if r not in number_of_root:
            number_of_root[r] = f"bg{len(number_of_root) + 1:02d}"
        groups[key] = number_of_root[r]
    return groups


def split_corpus(corpus: pd.DataFrame) -> pd.DataFrame:
    """The statement table of a corpus (columns ``STATEMENT_COLUMNS``)."""
    rows = []
    for article_id, clean in zip(corpus["article_id"], corpus["clean_text"]):
        rows.extend(article_statements(article_id, clean))
    statements = pd.DataFrame(rows, columns=[c for c in STATEMENT_COLUMNS
                                             if c not in ("is_boilerplate", "boilerplate_group")])
    paragraphs = statements.groupby(["article_id", "para_idx"], sort=False)["text"].agg(" ".join).reset_index()
    groups = find_boilerplate(paragraphs)
    keys = list(zip(statements["article_id"], statements["para_idx"]))
    statements["boilerplate_group"] = [groups.get(k, "") for k in keys]
    statements["is_boilerplate"] = statements["boilerplate_group"] != ""
    return statements[STATEMENT_COLUMNS]
