"""kuril-stance: statement-level positions of Russia and Japan in the Kuril Islands dispute.

Read the modules in the order of the data's path: corpus -> statements -> boilerplate -> attribution ->
codebook -> stance -> framing -> positions, corpus_tables -> charts; ``pipeline`` runs the path, ``cli`` wires
it into ``python -m analysis tag``. ``_fast`` holds speed machinery that no rule needs to be understood.
"""
__version__ = "0.1.0"
