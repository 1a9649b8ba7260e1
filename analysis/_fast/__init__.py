"""Speed machinery, kept apart from the method it computes.

Each module here implements, in NumPy and Arrow, a rule that a public module of ``analysis`` states in plain
Python; property tests check that both give the same result. Read the public module for the method:

- ``shingles``: the boilerplate engine behind ``analysis.boilerplate``.
"""
