"""A statement that refers back to its speaker's position carries it (analysis.context), on turns written for
these tests in the wording of the ministries' transcripts."""
import pandas as pd

from analysis.pipeline import tag_corpus

ANSWER = """Lavrov takes questions

Question: What did you tell your Japanese colleagues?

Sergey Lavrov: The sovereignty of the Russian Federation over the southern Kurils is not a subject for discussion. This is a fundamental issue for us. Our colleagues know our position well. We also discussed fisheries.

Question: And the grave visits?

Sergey Lavrov: That is a humanitarian matter."""


def _tag(tmp_path, text):
    path = tmp_path / "a.jsonl"
    pd.DataFrame([{"id": "a", "text": text}]).to_json(path, orient="records", lines=True)
    table = tag_corpus(path, tagger="codebook")[0]   # the rule is the same for every tagger; the cues show it
    return {r.text: (r.stances, r.holder_side, r.stance_evidence) for r in table.itertuples()}


def test_a_statement_pointing_back_takes_the_stance_and_names_its_antecedent(tmp_path):
    rows = _tag(tmp_path, ANSWER)
    stated = "Sergey Lavrov: The sovereignty of the Russian Federation over the southern Kurils is not a subject for " \
             "discussion."
    assert rows[stated][:2] == ("sovereignty_non_negotiable", "russia")
    assert rows["This is a fundamental issue for us."] == (
        "sovereignty_non_negotiable", "russia", "sovereignty_non_negotiable:context@0-9:'This is a' (statement 2)")
    # it passes the position on, within the window
    assert rows["Our colleagues know our position well."][:2] == ("sovereignty_non_negotiable", "russia")
    assert rows["Our colleagues know our position well."][2].endswith("(statement 3)")


def test_no_inheritance_without_a_back_reference_or_across_speakers(tmp_path):
    rows = _tag(tmp_path, ANSWER)
    assert rows["We also discussed fisheries."][0] == ""
    # "That is ..." after the journalist's question: another voice came between
    assert rows["Sergey Lavrov: That is a humanitarian matter."][0] == ""


def test_narration_never_inherits(tmp_path):
    text = ("Moscow digs in\n\nMoscow says sovereignty over the islands is not a subject for discussion. "
            "This is a long-standing line.")
    rows = _tag(tmp_path, text)
    assert rows["This is a long-standing line."][0] == ""


def test_a_chain_of_statements_pointing_back_runs_past_the_window(tmp_path):
    text = ("Lavrov takes questions\n\nQuestion: And the islands?\n\n"
            "Sergey Lavrov: Russia's sovereignty over the southern Kurils is not a subject for discussion. "
            "This is a fundamental issue for us. That is our consistent line. This is what we told Tokyo.")
    rows = _tag(tmp_path, text)
    assert [rows[t][0] for t in ("This is a fundamental issue for us.", "That is our consistent line.",
                                 "This is what we told Tokyo.")] == ["sovereignty_non_negotiable"] * 3
    assert rows["This is what we told Tokyo."][2].endswith("(statement 4)")


def test_a_closing_formula_takes_no_stance_from_the_answer_before_it(tmp_path):
    """"That is all from me." ends a minister's opening remarks on the Foreign Ministry's page; it points back to
    nothing (every coded set gives it no stance), though it opens "That is" as "That is our principled line"
    does."""
    rows = _tag(tmp_path, "Press Conference by Foreign Minister Hayashi\n\nMinister Hayashi: The Northern "
                          "Territories are an inherent part of the territory of Japan. That is all from me.")
    assert rows["Minister Hayashi: The Northern Territories are an inherent part of the territory of Japan."][0] \
        == "sovereignty_non_negotiable"
    assert rows["That is all from me."][:2] == ("", "none")
