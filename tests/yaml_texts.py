"""Small data files shared by the tests of the codebook, the holder, the stance tagger and the framing cues."""
from analysis.codebook import load_codebook

# The smallest valid codebook: one stance with one cue, one frame.
MINIMAL_CODEBOOK = """
version: 1
stances:
  - id: treaty_first
    definition: The treaty comes first.
    cues:
      - id: treaty_cue
        pattern: 'peace treaty first'
frames:
  - id: economic
    definition: Trade.
"""

# A valid framing cues file of one blame cue.
FRAMING_CUES = """
version: 1
window: 20
object_words: ["with", "on"]
after_object_words: ["to"]
cues:
  - id: hinder
    pattern: '\\bhinders\\b'
    look: [before]
"""

# A fifth stance a teacher might add, with the holder it usually has.
JOINT_DEVELOPMENT = """  - id: joint_development
    label: Joint development first
    definition: Joint economic activity on the islands comes before any settlement.
    default_holder: both
    cues:
      - id: joint_economic_activities
        pattern: 'joint economic activit\\w*'
"""


def codebook_with_joint_development(tmp_path):
    """The shipped codebook with ``JOINT_DEVELOPMENT`` added as its last stance, written under ``tmp_path``."""
    text = open(load_codebook().source, encoding="utf-8").read().replace("frames:\n", JOINT_DEVELOPMENT + "frames:\n", 1)
    path = tmp_path / "codebook.yaml"
    path.write_text(text, encoding="utf-8")
    return path
