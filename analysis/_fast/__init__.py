"""Speed machinery, kept apart from the method it computes.

Each module here computes a rule that a public module of ``analysis`` states in plain Python; property tests
check that both give the same result. Read the public module for the method:

- ``shingles``: the boilerplate engine behind ``analysis.boilerplate``.
- ``cue_scan``: the codebook tagger over a whole column of statements (Arrow's RE2, then Python's ``re``
  where a cue may match), behind ``analysis.stance.CodebookTagger.tag_columns``.
- ``phrases``: one automaton finding all the verbs or all the actors' names of a sentence at once, behind
  ``analysis.attribution`` (which searches for each in turn with ``FixedStrings``).
- ``attribution_memo``: what each distinct sentence holds on its own, kept for its next occurrence, and the scan
  of a whole table for sentences without verbs, behind ``analysis.attribution.attribute``.
"""
