"""Every occurrence of a fixed set of strings in a text, in one Aho-Corasick pass.

It computes what ``analysis.attribution.FixedStrings`` states in plain Python (a search for each string in
turn), and must give the same occurrences (``tests/test_attribution_fast.py`` checks it with hypothesis).
Which occurrences count — whole words only, which case, the longest where two overlap — is decided by the
rules in ``analysis.attribution``, for both alike. The automaton matters because the speech verbs, the
position verbs and the actors' names and roles are hundreds of strings, and a regex alternation of them would
try every one at every position of every sentence.
"""
from __future__ import annotations

import ahocorasick


class StringAutomaton:
    """The strings (keys) and the value each one carries, searched for together.

    Args:
        strings: {string: value}; the value is handed back with each occurrence.
    """

    def __init__(self, strings: dict[str, object]):
        self.automaton = ahocorasick.Automaton()
        for string, value in strings.items():
            self.automaton.add_word(string, (len(string), value))
        if strings:     # an automaton without words cannot be built, and finds nothing
            self.automaton.make_automaton()
        self.empty = not strings

    def occurrences(self, text: str):
        """Every occurrence of every string, overlapping ones included, in no set order, each as (the index of
        its last character, (its length, its value)): the automaton's own form, so that no tuple is made
        again for the many occurrences the rules then set aside."""
        return self.automaton.iter(text) if not self.empty else ()
