"""Codebook loading and validation: a teacher's mistake gets an error naming the entry."""
import re

import pytest

from analysis.codebook import CodebookError, load_codebook
from yaml_texts import MINIMAL_CODEBOOK

MINIMAL = MINIMAL_CODEBOOK


def write(tmp_path, text):
    path = tmp_path / "codebook.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_codebook_has_four_stances_and_five_frames():
    codebook = load_codebook()
    assert codebook.stance_ids == ["sovereignty_non_negotiable", "treaty_first", "territory_first",
                                   "sanctions_obstacle"]
    assert codebook.frame_ids == ["legal_historical", "security_alliance", "economic", "diplomatic_process",
                                  "culture_people"]
    for stance in codebook.stances:
        assert stance.definition and stance.include and stance.exclude and stance.cues
        assert stance.examples["positive"] and stance.examples["negative"]
    assert codebook.default_holders == {"sovereignty_non_negotiable": "russia", "treaty_first": "russia",
                                        "territory_first": "japan", "sanctions_obstacle": "russia"}


def test_codebook_examples_are_tagged_as_their_stance():
    """Each stance's positive examples carry it, and its negative examples do not."""
    from analysis.stance import CodebookTagger

    codebook = load_codebook()
    tagger = CodebookTagger(codebook)
    for stance in codebook.stances:
        for example in stance.examples["positive"]:
            assert stance.id in tagger.tag_text(example)["stances"], (stance.id, example)
        for example in stance.examples["negative"]:
            assert stance.id not in tagger.tag_text(example)["stances"], (stance.id, example)


def test_minimal_codebook_loads(tmp_path):
    codebook = load_codebook(write(tmp_path, MINIMAL))
    assert codebook.stance_ids == ["treaty_first"] and codebook.cues()[0].id == "treaty_cue"


@pytest.mark.parametrize("change, message", [
    (("    definition: The treaty comes first.\n", "    definition: The treaty comes first.\n    colour: red\n"),
     r"stances\[1\] \(treaty_first\): unknown key\(s\) colour"),
    (("pattern: 'peace treaty first'", "pattern: 'peace (treaty'"),
     r"stance 'treaty_first' cue 'treaty_cue': bad regex 'peace \(treaty'"),
    (("  - id: economic", "  - id: treaty_first"), r"frame 'treaty_first': duplicate id"),
    (("version: 1\n", "version: 1\nextras: yes\n"), r"top level: unknown key\(s\) extras"),
    (("      - id: treaty_cue\n", "      - id: treaty_cue\n        weight: 2\n"),
     r"cue\[1\]: unknown key\(s\) weight"),
    (("    definition: Trade.\n", ""), r"frame 'economic': definition is missing"),
    (("  - id: treaty_first\n", "  - id: Treaty First\n"), r"stances\[1\] \(Treaty First\): id must be a lower_case identifier"),
])
def test_mistakes_name_the_entry(tmp_path, change, message):
    old, new = change
    path = write(tmp_path, MINIMAL.replace(old, new))
    with pytest.raises(CodebookError, match=message) as raised:
        load_codebook(path)
    assert str(path) in str(raised.value)


def test_not_yaml_and_unsafe_yaml(tmp_path):
    with pytest.raises(CodebookError, match="not valid YAML"):
        load_codebook(write(tmp_path, "stances: [unclosed"))
    with pytest.raises(CodebookError, match="not valid YAML"):
        load_codebook(write(tmp_path, "stances: !!python/object/apply:os.system ['echo hacked']\nframes: []"))


LEXICON = """
version: 1
lexicon:
  islands: ['islands?', 'isles', '{names}']
  names: ['iturup', 'kunashiri?']
stances:
  - id: treaty_first
    definition: The treaty comes first.
    cues:
      - id: treaty_cue
        pattern: 'treaty before the {islands}'
frames:
  - id: economic
    definition: Trade.
"""


def test_a_word_class_is_spelled_out_in_the_cue(tmp_path):
    codebook = load_codebook(write(tmp_path, LEXICON))
    [cue] = codebook.cues()
    assert cue.written == "treaty before the {islands}"
    assert cue.pattern == "treaty before the (?:islands?|isles|(?:iturup|kunashiri?))"
    assert cue.regex.search("A treaty before the Kunashir question") is not None


@pytest.mark.parametrize("change, message", [
    (("'treaty before the {islands}'", "'treaty before the {island}'"),
     "stance 'treaty_first' cue 'treaty_cue': unknown word class {island} (the lexicon has: islands, names); "
     "did you mean {islands}?"),
    (("names: ['iturup', 'kunashiri?']", "names: ['{islands}']"),
     "lexicon 'islands': names itself through islands -> names -> islands"),
    (("names: ['iturup', 'kunashiri?']", "names: []"),
     "lexicon 'names': must be a non-empty list of words in quotes, got []"),
    (("names: ['iturup', 'kunashiri?']", "Names: ['iturup']"),
     "lexicon: class names are lower_case identifiers, got 'Names'"),
    (("names: ['iturup', 'kunashiri?']", "names: ['iturup', 7]"),
     "lexicon 'names'[2]: must be a non-empty word in quotes, got 7"),
])
def test_word_class_mistakes_name_the_class_or_cue(tmp_path, change, message):
    path = write(tmp_path, LEXICON.replace(*change))
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert str(raised.value) == f"{path}: {message}"


def test_the_shipped_codebook_spells_out_every_class():
    codebook = load_codebook()
    assert {"islands", "handover", "not_discussed"} <= set(codebook.lexicon)
    assert [cue.id for cue in codebook.cues() if re.search(r"\{[a-z][a-z0-9_]*\}", cue.pattern)] == []
    [cue] = [cue for cue in codebook.cues() if cue.id == "sovereignty_not_discussed"]
    assert cue.written.startswith("{sovereignty_words}") and cue.pattern.startswith("(?:sovereignty|ownership|")


@pytest.mark.parametrize("context, message", [
    ("context:\n  window: 0\n", "context: window must be a whole number of statements, 1 or more, got 0"),
    ("context:\n  refers_back: 'this is'\n", "context: refers_back must be a list of patterns in quotes, got 'this is'"),
    ("context:\n  refers_back: ['(?<=x)this']\n", "context refers_back[1]: pattern '(?<=x)this' is not RE2 syntax"),
    ("context:\n  after: 2\n", "context: unknown key(s) after (allowed: refers_back, window)"),
    ("no_view:\n  withholds: 'refrain'\n", "no_view: withholds must be a list of patterns in quotes, got 'refrain'"),
    ("no_view:\n  unless: ['(?<=x)sad']\n", "no_view unless[1]: pattern '(?<=x)sad' is not RE2 syntax"),
    ("no_view:\n  withhold: ['refrain']\n", "no_view: unknown key(s) withhold (allowed: unless, withholds)"),
])
def test_context_mistakes_name_the_entry(tmp_path, context, message):
    path = write(tmp_path, MINIMAL + context)
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert str(raised.value).startswith(f"{path}: {message}")
