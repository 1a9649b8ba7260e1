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

import pandas as pd

from .codebook import Codebook


def inherit_stances(table: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """``table`` (tagged, each article's rows in reading order) with stances, stance_evidence and holder_side
    of the statements that refer back filled in by the rule of the module docstring."""
    if not codebook.refers_back or table.empty:
        return table
    stances, evidence, holders = (table[c].tolist() for c in ("stances", "stance_evidence", "holder_side"))
    antecedent = None            # (article_id, speaker, sent_idx, stances, holder)
    for row, (article_id, sent_idx, speaker, mode, text) in enumerate(zip(
            table["article_id"], table["sent_idx"], table["speaker"], table["mode"], table["text"])):
        if antecedent is not None and (antecedent[0] != article_id or antecedent[1] != speaker):
            antecedent = None
        if stances[row]:
            antecedent = (article_id, speaker, sent_idx, stances[row], holders[row])
            continue
        if antecedent is None or not speaker or mode == "narration" or sent_idx - antecedent[2] > codebook.context_window:
            continue
        found = _refers_back(text, codebook)
        if found is None:
            continue
        stances[row], holders[row] = antecedent[3], antecedent[4]
        evidence[row] = " | ".join(f"{stance}:context@{found.start()}-{found.end()}:'{found.group(0)}' "
                                   f"(statement {antecedent[2]})" for stance in antecedent[3].split(";"))
        antecedent = (article_id, speaker, sent_idx, antecedent[3], antecedent[4])
    out = table.copy()
    out["stances"], out["stance_evidence"], out["holder_side"] = stances, evidence, holders
    return out


def _refers_back(text: str, codebook: Codebook):
    for regex in codebook.refers_back:
        found = regex.search(text)
        if found is not None and found.end() > found.start():
            return found
    return None
