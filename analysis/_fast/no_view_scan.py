"""``HolderImplications.states_no_view`` over many statements at once.

The plain rule searches each statement for every ``no_view`` pattern with Python's ``re`` (tens of
microseconds a statement). Here one RE2 scan of the whole column (Arrow's ``match_substring_regex``) picks the
statements that may withhold a view, with the patterns loosened as the cue scan loosens them
(``cue_scan.loosen``): it matches what they match, and more. Only those are read by the plain rule.
``tests/test_properties.py`` checks that both give the same answers.
"""
from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from ..codebook import HolderImplications
from .cue_scan import loosen, re2_ready


def no_view_flags(texts: list[str], implications: HolderImplications) -> list[bool]:
    """``implications.states_no_view(text)`` of every text, in order."""
    if not texts or not implications.withholds:
        return [False] * len(texts)
    union = "|".join(f"(?:{loosen(p.pattern)})" for p in implications.withholds)
    if not re2_ready(union):
        return [implications.states_no_view(text) for text in texts]
    maybe = pc.match_substring_regex(pa.array(texts, type=pa.string()), union, ignore_case=True)
    return [bool(candidate) and implications.states_no_view(text)
            for text, candidate in zip(texts, maybe.to_pylist())]
