"""Context: a statement that refers back to a position its speaker has just stated carries that position.

In a minister's answer the position is often stated once and then pointed at: "The sovereignty of the Russian
Federation over these islands is not a subject for discussion. This is a fundamental issue for us." The
second statement has no cue of its own, yet coders code it with the first one's stance and holder
(``data/annotations/GUIDE.md``, "Context"). The rule (``inherit_stances``), in each article's reading order:

1. The **antecedent** is the last statement with a stance, as long as every statement since has had the same
   speaker; a statement of another speaker, or in the outlet's narration, ends it.
2. A statement without a stance, of the antecedent's speaker (a named speaker: not narration), at most
   ``context.window`` statements after it, that matches one of the codebook's ``context.refers_back`` patterns
   ("This is ...", "our position", "What we are discussing is ..."), takes the antecedent's stances and holder.
   Its evidence names the words that refer back and the antecedent: ``sovereignty_non_negotiable:context@0-7:
   'This is' (statement 19)``. It may be the antecedent of the next one.

The patterns and the window are codebook data; a codebook without ``context`` inherits nothing.
"""
from __future__ import annotations

import heapq
import re

import numpy as np
import pandas as pd

from .codebook import Codebook


def inherit_stances(table: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """``table`` (tagged, each article's rows in reading order) with stances, stance_evidence and holder_side
    of the statements that refer back filled in by the rule of the module docstring."""
    if not codebook.refers_back or table.empty:
        return table
    stances, evidence, holders = (table[c].tolist() for c in ("stances", "stance_evidence", "holder_side"))
    articles, numbers, speakers, modes, texts = (table[c].tolist() for c in
                                                 ("article_id", "sent_idx", "speaker", "mode", "text"))
    may_refer_back = _RefersBackFilter(codebook.refers_back)
    waiting = _after_a_stance(table, codebook.context_window)
    heapq.heapify(waiting)
    seen = set(waiting)
    changed = False
    while waiting:                    # in reading order: one that inherits may pass it on to the next
        row = heapq.heappop(waiting)
        if stances[row] or not speakers[row] or modes[row] == "narration" or not may_refer_back(texts[row]):
            continue
        found = _refers_back(texts[row], codebook)
        antecedent = _antecedent(row, stances, articles, numbers, speakers, codebook.context_window)
        if found is None or antecedent is None:
            continue
        stances[row], holders[row] = stances[antecedent], holders[antecedent]
        evidence[row] = " | ".join(f"{stance}:context@{found.start()}-{found.end()}:'{found.group(0)}' "
                                   f"(statement {numbers[antecedent]})" for stance in stances[antecedent].split(";"))
        changed = True
        for later in range(row + 1, min(row + 1 + codebook.context_window, len(stances))):
            if later not in seen:
                seen.add(later)
                heapq.heappush(waiting, later)
    if not changed:
        return table
    out = table.copy()
    out["stances"], out["stance_evidence"], out["holder_side"] = stances, evidence, holders
    return out


class _RefersBackFilter:
    """Whether any ``refers_back`` pattern matches a text, each distinct text read once. The patterns anchored
    at the start ("^...") are tried there only, apart from the others: joined with the unanchored ones, Python
    would try them at every position of the text."""

    def __init__(self, patterns):
        anchored = [regex.pattern for regex in patterns if regex.pattern.startswith("^")]
        anywhere = [regex.pattern for regex in patterns if not regex.pattern.startswith("^")]
        self._at_start = _union(anchored).match if anchored else None
        self._anywhere = _union(anywhere).search if anywhere else None
        self._seen: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = bool(self._at_start and self._at_start(text)
                                            or self._anywhere and self._anywhere(text))
        return found


def _union(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def _after_a_stance(table: pd.DataFrame, window: int) -> list[int]:
    """The rows without a stance that follow one with a stance within ``window`` rows: the only ones that may
    point back to one (an article's rows are consecutive, in reading order)."""
    with_stance = (table["stances"] != "").to_numpy()
    after = np.zeros(len(table), dtype=bool)
    for back in range(1, window + 1):
        after[back:] |= with_stance[:-back]
    return (after & ~with_stance).nonzero()[0].tolist()


def _antecedent(row: int, stances, articles, numbers, speakers, window: int) -> int | None:
    """The row of the statement with a stance that ``row`` points back to (rule 1), or None."""
    for before in range(row - 1, -1, -1):
        if articles[before] != articles[row] or speakers[before] != speakers[row]:
            return None
        if numbers[row] - numbers[before] > window:
            return None
        if stances[before]:
            return before
    return None


def _refers_back(text: str, codebook: Codebook):
    for regex in codebook.refers_back:
        found = regex.search(text)
        if found is not None and found.end() > found.start():
            return found
    return None
