"""The vocabulary every step shares: one list of side words, read the same way by attribution and framing."""
from analysis.attribution import subject_side
from analysis.framing import side_mentions
from analysis.holder import side_named_in
from analysis.vocab import HOLDER_SIDES, SIDE_WORDS, VOICE_SIDES, side_named


def test_side_named_reads_abbreviations_and_plurals():
    assert side_named("U.S. officials said the islands were Japanese.") == "us"
    assert side_named("The Americans have made it clear.") == "us"
    assert side_named("Russians living on Kunashir voted.") == "russia"
    assert side_named("USSR troops landed on Shumshu in August 1945.") == "russia"
    assert side_named("MOSCOW, January 14. /TASS/.") == ""   # a dateline in capitals is no subject


def test_every_step_reads_the_same_side_words():
    sentence = "The Americans and Tokyo discussed the Kuril Islands."
    assert subject_side(sentence) == "us"
    assert [(m.word, m.side) for m in side_mentions(sentence)][:2] == [("Americans", "us"), ("Tokyo", "japan")]
    assert side_named_in("japanese sovereignty over the islands") == "japan"


def test_the_value_lists_nest():
    assert set(VOICE_SIDES) - {"outlet"} < set(HOLDER_SIDES) | {"other"}
    assert set(SIDE_WORDS) == {"russia", "japan", "us"}
