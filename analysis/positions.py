"""Whose positions the articles carry: stance statements by the side that holds them, the voice and the
speaker that carry them, and the article (with its date) they appear in.

Every function takes a tagged statement table (``analysis.pipeline.tag_corpus``, or the gold laid over it
with ``analysis.evaluation.apply_coding``) and returns a tidy table that ``analysis.charts.positions`` draws
and ``notebooks/03_positions.ipynb`` shows. A statement with two stances counts once for each.

- ``stance_profile_table``: per holder side, stance and voice, and whose voice that is (``carrier``).
- ``speaker_stance_table``: per speaker and stance.
- ``stance_timeline_table``: per article (and its date), holder side and stance; ``timeline_periods`` puts
  its dates into the months (or years) a timeline draws.
- ``voice_holder_table``: every statement by who speaks and whose position it expresses.

Example:
    >>> table = pd.DataFrame({"voice_side": ["russia", "russia", "outlet"], "holder_side": ["russia", "none", "japan"]})
    >>> voice_holder_table(table)[["voice", "holder_side", "statements"]].values.tolist()
    [['outlet', 'japan', 1], ['russia', 'none', 1], ['russia', 'russia', 1]]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .framing import explode_stances
from .units import MAX_ROWS
from .vocab import PARTIES, voice_column

STANCE_PROFILE_COLUMNS = ["holder_side", "stance", "voice_side", "voice", "carrier", "statements", "share_pct"]
SPEAKER_STANCE_COLUMNS = ["speaker", "voice_side", "stance", "statements"]
STANCE_TIMELINE_COLUMNS = ["article_id", "date", "holder_side", "stance", "statements"]
VOICE_HOLDER_COLUMNS = ["voice_side", "voice", "holder_side", "statements", "share_pct"]


def carrier(holder: str, voice: str) -> str:
    """Whose voice (``vocab.VOICES``: officials apart from media) carried the holder's position.

    >>> carrier("japan", "japan"), carrier("japan", "japan_media"), carrier("japan", "russia"), carrier("japan", "outlet")
    ('own officials', 'own media', "other side's officials", 'outlet narration')
    >>> carrier("japan", "russia_media"), carrier("japan", "other")
    ("other side's media", 'other voice')
    """
    side, media = (voice[:-len("_media")], True) if voice.endswith("_media") else (voice, False)
    kind = "media" if media else "officials"
    if voice == "outlet":
        return "outlet narration"
    if side == holder:
        return f"own {kind}"
    if side in PARTIES:
        return f"other side's {kind}"
    return "other voice"


def stance_profile_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Stance statements per holder side, stance and the voice that carried them.

    ``voice`` is the voice side with a party's media apart from its officials (``vocab.voice_of``);
    ``carrier`` says whose voice carried the holder's position: ``own officials`` or ``own media`` (the
    holder's side), ``other side's officials`` or ``other side's media``, ``outlet narration`` (voice_side
    == "outlet") or ``other voice``. ``share_pct`` is the share of the holder's stance statements in this row.

    Returns:
        ``STANCE_PROFILE_COLUMNS``, sorted by holder_side, stance, voice_side.
    """
    table = explode_stances(statements.assign(voice=voice_column(statements)))
    counts = table.groupby(["holder_side", "stance", "voice_side", "voice"]).size().rename("statements").reset_index()
    counts["carrier"] = [carrier(h, v) for h, v in zip(counts["holder_side"], counts["voice"])]
    counts["share_pct"] = (100 * counts["statements"]
                           / counts.groupby("holder_side")["statements"].transform("sum")).astype(float)
    return counts[STANCE_PROFILE_COLUMNS].sort_values(["holder_side", "stance", "voice"]).reset_index(drop=True)


OTHER_SPEAKERS = "(other speakers)"
# Dated articles spanning more months than this are drawn by year, not by month (36 bars a panel at most).
MONTHS_ON_A_TIMELINE = 36


def speaker_stance_table(statements: pd.DataFrame, *, max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """Stance statements per speaker and stance; narration is the speaker "(outlet narration)", a quote
    without a known speaker "(unattributed)". Beyond ``max_rows`` speakers, those with fewer stance
    statements are summed as "(other speakers)" (voice_side "other"), so that the chart stays readable.

    Returns:
        ``SPEAKER_STANCE_COLUMNS``, sorted by speaker, voice_side, stance.
    """
    table = explode_stances(statements)
    speaker = table["speaker"].fillna("").astype(str)
    speaker = speaker.where(speaker != "", np.where(table["voice_side"] == "outlet", "(outlet narration)",
                                                    "(unattributed)"))
    table = table.assign(speaker=speaker)
    totals = table["speaker"].value_counts()
    if len(totals) > max_rows:
        kept = sorted(totals.index, key=lambda s: (-totals[s], s))[:max_rows - 1]
        others = ~table["speaker"].isin(kept)
        table = table.assign(speaker=table["speaker"].where(~others, OTHER_SPEAKERS),
                             voice_side=table["voice_side"].where(~others, "other"))
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


def timeline_periods(dates: pd.Series) -> tuple[pd.Series, str]:
    """The first day of the month (or year) of each date, and which it is: "month" while the dated articles
    span up to ``MONTHS_ON_A_TIMELINE`` months, "year" beyond. Undated ("undated" or empty) gives NaT.

    >>> starts, unit = timeline_periods(pd.Series(["2019-02-24", "2019-06-01", "undated"]))
    >>> [str(d.date()) if d is not pd.NaT else "NaT" for d in starts], unit
    (['2019-02-01', '2019-06-01', 'NaT'], 'month')
    """
    parsed = pd.to_datetime(dates.where(~dates.isin(["", "undated"])), errors="coerce", format="%Y-%m-%d")
    dated = parsed.dropna()
    months = 0 if dated.empty else (dated.max().year - dated.min().year) * 12 + dated.max().month - dated.min().month + 1
    unit = "month" if months <= MONTHS_ON_A_TIMELINE else "year"
    return parsed.dt.to_period("M" if unit == "month" else "Y").dt.start_time, unit


def voice_holder_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Who speaks for whom: every statement by voice (who speaks: a side's officials or its media, other
    voices, the outlet) and holder_side (whose position), with its share of all statements in percent.

    Returns:
        ``VOICE_HOLDER_COLUMNS``, sorted by voice_side, voice, holder_side.
    """
    statements = statements.assign(voice=voice_column(statements))
    counts = statements.groupby(["voice_side", "voice", "holder_side"]).size().rename("statements").reset_index()
    counts["share_pct"] = (100 * counts["statements"] / counts["statements"].sum()).astype(float)
    return counts[VOICE_HOLDER_COLUMNS].sort_values(["voice_side", "voice", "holder_side"]).reset_index(drop=True)
