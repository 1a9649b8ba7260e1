"""Learning from a user's codes (analysis/learning.py): retraining moves held-out tags the expected way,
keyness finds the user's wording."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from analysis.cli import main
from analysis.learning import (keyness, keyness_kwic, log_likelihood, retrained_note, scores_before_after,
                               stance_change_table, training_codes, user_codes)

# An invented outlet's wording for territory_first that the shipped model does not know: "the ribbon plan" (a
# plan named after the ribbon of islands, two and more), in Kyodo, NHK and Asahi style.
CODES = """article_id,sent_idx,text,stances,holder_side
kyodo1,0,"Tokyo will keep pressing the ribbon plan at the next round of talks, a government source said.",territory_first,japan
kyodo1,1,"The ministers met in Moscow on Tuesday for three hours.",none,none
kyodo1,2,"Officials described the ribbon plan as the minimum Japan could accept.",territory_first,japan
nhk2,0,"The prime minister told the Diet that the ribbon plan remains the basis of Japan's diplomacy with Russia.",territory_first,japan
nhk2,1,"Fishing crews in Nemuro welcomed the resumption of visa-free exchanges.",none,none
nhk2,2,"Opposition lawmakers asked whether the ribbon plan still had support in the cabinet.",territory_first,japan
asahi3,0,"Japan's negotiators will again put forward the ribbon plan, according to the foreign ministry.",territory_first,japan
asahi3,1,"The weather delayed the delegation's flight from Sapporo.",,
"""


@pytest.fixture(scope="module")
def codes(tmp_path_factory):
    path = tmp_path_factory.mktemp("codes") / "my_codes.csv"
    path.write_text(CODES, encoding="utf-8")
    return path


def test_retraining_tags_held_out_statements_in_the_users_way(codes):
    table = user_codes(codes)
    assert len(table) == 7          # asahi3/1 is not coded yet
    predictions, scores = scores_before_after(table)
    held_out = predictions.set_index(["article_id", "sent_idx"])
    # before: the shipped model finds none of the five (it found the prime minister's words to the Diet until it
    # learned sets 28-30); after learning the other articles' codes it finds four; the lawmakers' question about
    # the plan, the faintest of the five, stays missed
    for found in (("asahi3", 0), ("kyodo1", 0), ("kyodo1", 2), ("nhk2", 0)):
        assert held_out.loc[found, "before"] == "" and held_out.loc[found, "after"] == "territory_first"
    assert held_out.loc[("nhk2", 2), "before"] == "" and held_out.loc[("nhk2", 2), "after"] == ""
    assert (held_out.loc[[("kyodo1", 1), ("nhk2", 1)], "after"] == "").all()
    territory = scores.set_index("stance").loc["territory_first"]
    assert territory["f1_before"] == 0 and territory["f1_after"] == pytest.approx(8 / 9)
    assert scores.set_index("stance").loc["macro", "f1_after"] == pytest.approx(8 / 9)   # territory_first only


def test_keyness_finds_the_users_wording(codes):
    table = user_codes(codes)
    keys = keyness(table, ["territory_first"], k=3)
    assert keys["term"].tolist() == ["plan", "ribbon", "ribbon plan"]
    assert keys[["target", "reference"]].values.tolist() == [[5, 0], [5, 0], [5, 0]]
    lines = keyness_kwic(table, keys, per_term=1)
    assert lines.loc[0, ["left", "match"]].tolist() == ["Tokyo will keep pressing the ribbon", "plan"]


def test_log_likelihood_equals_scipys_g_test():
    target, reference = np.array([10, 3, 5]), np.array([2, 8, 40])
    g2 = log_likelihood(target, reference)
    expected = chi2_contingency([[10, 8], [2, 48]], correction=False, lambda_="log-likelihood")[0]
    assert g2[0] == pytest.approx(expected) and g2[2] < 0


def test_train_needs_the_classifier(codes, tmp_path, capsys):
    out = tmp_path / "tagged.csv"
    assert main(["tag", "data/articles", "--out", str(out), "--train", str(codes), "--tagger", "codebook",
                 "--quiet"]) == 2
    assert "--train teaches the classifier" in capsys.readouterr().err and not out.exists()


def test_training_codes_leave_out_ties_and_rows_without_text():
    adjudicated = pd.DataFrame({"article_id": ["kyodo1", "kyodo1", "nhk2"], "sent_idx": [0, 1, 0],
                                "text": ["Tokyo will keep pressing the ribbon plan.", "", "The talks ended."],
                                "stances": ["territory_first", "treaty_first", None], "holder_side": ["japan"] * 3})
    assert training_codes(adjudicated).values.tolist() == [
        ["kyodo1", 0, "Tokyo will keep pressing the ribbon plan.", "territory_first"]]


def test_stance_change_counts_each_tagging_and_both():
    before = pd.DataFrame({"article_id": ["a", "a", "b"], "sent_idx": [0, 1, 0],
                           "stances": ["treaty_first", "", "territory_first;treaty_first"]})
    after = before.assign(stances=["treaty_first", "territory_first", "treaty_first"])
    change = stance_change_table(before, after, ["treaty_first", "territory_first"])
    assert change.values.tolist() == [["treaty_first", 2, 2, 2, 0, 0], ["territory_first", 1, 1, 0, 1, 1]]


def test_retrained_note_names_the_coders_and_the_macro_scores():
    scores = pd.DataFrame({"stance": ["territory_first", "macro"], "f1_before": [0.75, 0.75], "f1_after": [1.0, 1.0]})
    assert retrained_note(scores, coders=["ana", "ben", "chiyo"], statements=7) == (
        "the classifier also trained on 7 statements coded by ana, ben and chiyo: macro-F1 on them 0.75 before, "
        "1.00 after (leave one article out)")


def test_leave_out_names_only_a_table_the_classifier_learns_from(tmp_path, capsys):
    """``tag --leave-out`` scores a set the shipped classifier learns from as one it never saw; a file that is
    not among its training tables is refused in one line, and nothing is written."""
    out = tmp_path / "tagged.csv"
    assert main(["tag", "data/articles", "--out", str(out), "--leave-out", "my_codes.csv", "--quiet"]) == 2
    assert "--leave-out my_codes.csv: not one of the coded tables the classifier learns from" in capsys.readouterr().err
    assert not out.exists()
    assert main(["tag", "data/articles", "--out", str(out), "--tagger", "codebook", "--quiet",
                 "--leave-out", "data/annotations/real_genres_12/gold_test.csv"]) == 2
    assert "--leave-out concerns what the classifier learns" in capsys.readouterr().err
