"""kuril-stance: statement-level positions of Russia and Japan in the Kuril Islands dispute.

Read the modules in the order of the data's path: corpus -> statements -> attribution -> codebook ->
stance -> framing -> charts; ``cli`` wires them into ``python -m analysis tag``.
"""
__version__ = "0.1.0"
