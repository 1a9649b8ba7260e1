"""Whose positions the articles carry: stance statements by the side that holds them, the voice and the
speaker that carry them, and the article (with its date) they appear in.

Every function takes a tagged statement table (``analysis.pipeline.tag_corpus``, or the gold laid over it
with ``analysis.evaluation.apply_coding``) and returns a tidy table that ``analysis.charts.positions`` draws
and ``notebooks/03_positions.ipynb`` shows. A statement with two stances counts once for each.

- ``stance_profile_table``: per holder side, stance and voice, and whose voice that is (``carrier``).
- ``speaker_stance_table``: per speaker and stance.
- ``stance_timeline_table``: per article (and its date), holder side and stance.
- ``voice_holder_table``: every statement by who speaks and whose position it expresses.

Example:
    >>> table = pd.DataFrame({"voice_side": ["russia", "russia", "outlet"], "holder_side": ["russia", "none", "japan"]})
    >>> voice_holder_table(table)["statements"].tolist()
    [1, 1, 1]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .framing import explode_stances
from .vocab import PARTIES

STANCE_PROFILE_COLUMNS = ["holder_side", "stance", "voice_side", "carrier", "statements", "share_pct"]
SPEAKER_STANCE_COLUMNS = ["speaker", "voice_side", "stance", "statements"]
STANCE_TIMELINE_COLUMNS = ["article_id", "date", "holder_side", "stance", "statements"]
VOICE_HOLDER_COLUMNS = ["voice_side", "holder_side", "statements", "share_pct"]


def carrier(holder: str, voice: str) -> str:
    """Whose voice carried the holder's position.

    >>> carrier("japan", "japan"), carrier("japan", "russia"), carrier("japan", "outlet"), carrier("japan", "other")
    ('own officials', "other side's officials", 'outlet narration', 'other voice')
    """
    if voice == "outlet":
        return "outlet narration"
    if voice == holder:
        return "own officials"
    if voice in PARTIES:
        return "other side's officials"
    return "other voice"


def stance_profile_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Stance statements per holder side, stance and the voice that carried them.

    ``carrier`` says whose voice carried the holder's position: ``own officials`` (voice_side ==
    holder_side), ``other side's officials`` (a different side's official), ``outlet narration`` (voice_side
    == "outlet") or ``other voice``. ``share_pct`` is the share of the holder's stance statements in this row.

    Returns:
        ``STANCE_PROFILE_COLUMNS``, sorted by holder_side, stance, voice_side.
    """
    table = explode_stances(statements)
    counts = table.groupby(["holder_side", "stance", "voice_side"]).size().rename("statements").reset_index()
    counts["carrier"] = [carrier(h, v) for h, v in zip(counts["holder_side"], counts["voice_side"])]
    counts["share_pct"] = (100 * counts["statements"]
                           / counts.groupby("holder_side")["statements"].transform("sum")).astype(float)
    return counts[STANCE_PROFILE_COLUMNS].sort_values(["holder_side", "stance", "voice_side"]).reset_index(drop=True)


def speaker_stance_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Stance statements per speaker and stance; narration is the speaker "(outlet narration)", a quote
    without a known speaker "(unattributed)".

    Returns:
        ``SPEAKER_STANCE_COLUMNS``, sorted by speaker, voice_side, stance.
    """
    table = explode_stances(statements)
    speaker = table["speaker"].fillna("").astype(str)
    speaker = speaker.where(speaker != "", np.where(table["voice_side"] == "outlet", "(outlet narration)",
                                                    "(unattributed)"))
    table = table.assign(speaker=speaker)
    counts = table.groupby(["speaker", "voice_side", "stance"]).size().rename("statements").reset_index()
    return counts[SPEAKER_STANCE_COLUMNS].sort_values(["speaker", "voice_side", "stance"]).reset_index(drop=True)


def stance_timeline_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Stance statements per article (with its date; "undated" when the article has none, never invented),
    holder side and stance.

    Returns:
        ``STANCE_TIMELINE_COLUMNS``, sorted by article_id, holder_side, stance.
    """
    table = explode_stances(statements)
    table = table.assign(date=table["date"].fillna("").astype(str).replace("", "undated"))
    counts = table.groupby(["article_id", "date", "holder_side", "stance"]).size().rename("statements").reset_index()
    return counts[STANCE_TIMELINE_COLUMNS].sort_values(["article_id", "holder_side", "stance"]).reset_index(drop=True)


def voice_holder_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Who speaks for whom: every statement by voice_side (who speaks) and holder_side (whose position),
    with its share of all statements in percent.

    Returns:
        ``VOICE_HOLDER_COLUMNS``, sorted by voice_side, holder_side.
    """
    counts = statements.groupby(["voice_side", "holder_side"]).size().rename("statements").reset_index()
    counts["share_pct"] = (100 * counts["statements"] / counts["statements"].sum()).astype(float)
    return counts[VOICE_HOLDER_COLUMNS].sort_values(["voice_side", "holder_side"]).reset_index(drop=True)
