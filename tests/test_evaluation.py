"""Gold, agreement statistics and the honest evaluation of both taggers."""
import pandas as pd
import pytest

from analysis import paths
from analysis.codebook import load_codebook
from analysis.corpus import load_corpus
from analysis.evaluation import (AnnotationError, agreement_table, attribution_accuracy, build_gold,
                                 cohen_kappa, krippendorff_alpha_nominal, leave_one_article_out, prevalence,
                                 prevalence_adjusted_scores, read_classroom, read_coded,
                                 stance_scores, statements_from_coded, worst_errors)
from analysis.pipeline import DEFAULT_TAGGER, make_tagger, tag_statements
from analysis.statements import split_corpus


@pytest.fixture(scope="module")
def statements():
    return split_corpus(load_corpus())


@pytest.fixture(scope="module")
def gold():
    return read_coded(paths.GOLD)


def test_gold_is_rebuilt_from_the_two_codings_and_the_adjudication(gold):
    coder_a = read_coded(paths.ANNOTATIONS / "coder_a.csv")
    coder_b = read_coded(paths.ANNOTATIONS / "coder_b.csv")
    adjudication = pd.read_csv(paths.ANNOTATIONS / "adjudication.csv", dtype=str, keep_default_na=False)
    texts = gold[["article_id", "sent_idx", "text"]]
    rebuilt = build_gold(coder_a, coder_b, adjudication, texts)
    pd.testing.assert_frame_equal(rebuilt.reset_index(drop=True), gold.reset_index(drop=True))


def test_gold_matches_the_current_statement_table(gold, statements):
    merged = gold.merge(statements[["article_id", "sent_idx", "text"]], on=["article_id", "sent_idx"],
                        suffixes=("_gold", ""), how="outer", indicator=True)
    assert (merged["_merge"] == "both").all()
    assert (merged["text_gold"] == merged["text"]).all()


def test_unadjudicated_disagreement_is_an_error(gold):
    a = gold.copy()
    b = gold.copy()
    b.loc[0, "mode"] = "narration"
    with pytest.raises(AnnotationError, match="000/0 mode: coders differ"):
        build_gold(a, b, pd.DataFrame(columns=["article_id", "sent_idx", "field", "decision"]), gold)


def test_unknown_stance_in_a_gold_file(tmp_path, gold):
    bad = gold.copy()
    bad.loc[3, "stances"] = "treaty_first;peace_now"
    path = tmp_path / "gold.csv"
    bad.to_csv(path, index=False)
    with pytest.raises(AnnotationError, match=r"gold.csv: row 5, column stances: 'peace_now' is not one of"):
        read_coded(path)


def test_agreement_statistics_on_known_values():
    assert krippendorff_alpha_nominal([1, 1, 0, 0], [1, 1, 0, 1]) == pytest.approx(0.5333, abs=1e-4)
    assert cohen_kappa([1, 1, 0, 0], [1, 1, 0, 1]) == pytest.approx(0.5)
    assert krippendorff_alpha_nominal(list("aabbc"), list("aabbc")) == 1.0


def test_agreement_table_of_the_two_codings():
    table = agreement_table(read_coded(paths.ANNOTATIONS / "coder_a.csv"),
                            read_coded(paths.ANNOTATIONS / "coder_b.csv")).set_index(["field", "label"])
    assert table.loc[("stances", "treaty_first"), "cohen_kappa"] == pytest.approx(1.0)
    assert table.loc[("stances", "territory_first"), "positives_a"] == 7
    assert table.loc[("stances", "territory_first"), "positives_b"] == 8
    assert table.loc[("holder_side", "(all values)"), "agreement"] == pytest.approx(99 / 118)


def test_stance_scores_per_label():
    scores = stance_scores(["a;b", "a", ""], ["a", "a;b", "b"], ["a", "b"]).set_index("stance")
    assert scores.loc["a", ["precision", "recall", "f1"]].tolist() == [1.0, 1.0, 1.0]
    assert scores.loc["b", "precision"] == 0.0 and scores.loc["b", "support"] == 1
    assert scores.loc["macro", "f1"] == 0.5


def test_leave_one_article_out_keeps_background_out_of_training(gold, statements):
    predicted = leave_one_article_out(gold, statements)
    assert len(predicted) == len(gold)
    dropped = predicted.groupby("article_id")["dropped_for_leakage"].first().to_dict()
    # 003 shares no background; each TASS article's background recurs in the three others.
    assert dropped["003"] == 0
    assert all(dropped[a] > 0 for a in ("000", "001", "002", "004"))


def test_attribution_accuracy_counts_matches(gold):
    predicted = gold.copy()
    predicted.loc[:9, "speaker"] = "nobody"
    table = attribution_accuracy(gold, predicted).set_index("field")
    assert table.loc["speaker", "correct"] == len(gold) - 10
    assert table.loc["mode", "accuracy"] == 1.0


def test_worst_errors_lists_missed_and_invented(gold):
    predicted = gold[["article_id", "sent_idx", "stances"]].copy()
    predicted.loc[predicted["stances"] != "", "stances"] = ""
    errors = worst_errors(gold, predicted, k=3)
    assert len(errors) == 3 and (errors["invented"] == "").all() and (errors["missed"] != "").all()


@pytest.fixture(scope="module")
def challenge_scores(gold):
    codebook = load_codebook()
    challenge = read_coded(paths.CHALLENGE)
    table = statements_from_coded(challenge)
    seed_prevalence = prevalence(gold["stances"], codebook.stance_ids)
    scores = {}
    for name in ("codebook", "model", "ensemble"):
        tagged = tag_statements(table, make_tagger(name))
        merged = challenge.merge(tagged, on=["article_id", "sent_idx"], suffixes=("_gold", ""))
        raw = stance_scores(merged["stances_gold"], merged["stances"], codebook.stance_ids)
        adjusted = prevalence_adjusted_scores(merged["stances_gold"], merged["stances"], codebook.stance_ids,
                                              seed_prevalence)
        scores[name] = {"raw": raw.set_index("stance").loc["macro", "f1"],
                        "adjusted": adjusted.set_index("stance").loc["macro", "f1"]}
    return scores


def test_the_classifier_and_the_ensemble_lead_on_the_challenge_set(challenge_scores):
    """Trained on the real-genre sets too, the classifier leads the cues on the frozen challenge set, raw
    and at the seeds' share of stance statements; so does the ensemble (the cues and the classifier's stances
    of probability >= 0.70), which keeps every stance of the cues and leads the classifier alone at the seeds'
    share. Raw, on this set where 63% of statements carry a stance, it scored 0.937 at the threshold of 0.55;
    at 0.70, chosen on the real-genre sets (docs/evaluation.md, "Sixteenth round"), it was level with the
    classifier alone (0.909 against 0.910); since the classifier learned sets 28-30 (seventeenth round), 0.935
    against 0.939; since it learned sets 31 and 32 (eighteenth round), 0.937 against 0.951; since it learned sets
    33 and 34 (nineteenth round), 0.937 against 0.940; since it learned sets 35 and 36 (twentieth round), 0.941
    against 0.934; since it learned set 37 (twenty-first round), 0.941 against 0.940; since it learned set 39
    (twenty-third round), 0.941 against 0.943."""
    rounded = {name: {k: round(float(v), 3) for k, v in s.items()} for name, s in challenge_scores.items()}
    assert rounded["codebook"] == {"raw": 0.766, "adjusted": 0.766}
    assert rounded["ensemble"] == {"raw": 0.941, "adjusted": 0.917}
    assert rounded["model"] == {"raw": 0.943, "adjusted": 0.870}
    assert rounded["ensemble"]["adjusted"] > rounded["model"]["adjusted"]
    assert min(rounded["model"]["raw"], rounded["ensemble"]["raw"]) > rounded["codebook"]["raw"]
    assert rounded["ensemble"]["adjusted"] > rounded["codebook"]["adjusted"]


def test_the_default_tagger_is_the_ensemble():
    """The default is the better tagger on statements no cue was written on: on the untouched test parts (the
    third set's, the sixth and seventh sets) the ensemble leads the codebook tagger by 0.06 to 0.1 macro-F1
    (docs/evaluation.md). With its partner read column-wise and fitted once it costs about an eighth more time
    than the cues alone (benchmarks/README.md). The classifier alone scores about as high, at lower precision
    and several times the cost."""
    assert DEFAULT_TAGGER == "ensemble"


def _scores_without_genre(name: str, folder, leave_out=None) -> dict:
    """Both taggers on a real-genre set's test part, tagged as ``tag`` tags it (its genre left out, as in users'
    exports); with ``leave_out``, the ensemble trained without that coded table."""
    import json

    from analysis.evaluation import score_tagged
    from analysis.pipeline import tag_corpus

    source = folder / "articles.jsonl"
    lines = (paths.ANNOTATIONS / name / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    source.write_text("".join(json.dumps({k: v for k, v in json.loads(line).items() if k != "genre"}) + "\n"
                              for line in lines), encoding="utf-8")
    gold = read_coded(paths.ANNOTATIONS / name / "gold_test.csv")
    stance_ids = load_codebook().stance_ids
    taggers = {"codebook": "codebook",
               "ensemble": make_tagger("ensemble", leave_out=(leave_out,)) if leave_out else "ensemble"}
    return {which: score_tagged(gold, tag_corpus(source, tagger=tagger)[0], stance_ids).set_index("measure")["value"]
            for which, tagger in taggers.items()}


# The test parts of sets 6-39, scored untouched, then learned from (sets 6-13 also read and fixed on, 14-24, 26, 27,
# 29-39 read for attribution, 28 for its holders, 25 learned from unread), as the last commit tags them (the
# classifier and the view words learn from them, so these figures measure fit; kept so that a change of rules
# shows what it does to each): the codebook tagger's macro-F1; the ensemble's macro-F1 and precision, and its
# speaker / voice_side / mode / holder_side accuracy; statements scored.
_READ_SETS = {
    "real_genres_6": (0.582, [0.954, 0.924], [0.937, 0.969, 0.969, 0.865], 828),
    "real_genres_7": (0.546, [0.952, 0.926], [0.942, 0.953, 0.961, 0.884], 793),
    "real_genres_8": (0.554, [0.964, 0.932], [0.929, 0.951, 0.958, 0.913], 854),
    "real_genres_9": (0.598, [0.948, 0.901], [0.887, 0.954, 0.956, 0.858], 744),
    "real_genres_10": (0.557, [0.965, 0.936], [0.925, 0.957, 0.957, 0.905], 770),
    "real_genres_11": (0.482, [0.983, 0.971], [0.922, 0.936, 0.942, 0.852], 657),
    "real_genres_12": (0.569, [0.929, 0.886], [0.915, 0.948, 0.931, 0.854], 822),
    "real_genres_13": (0.562, [0.968, 0.941], [0.903, 0.958, 0.961, 0.889], 786),
    "real_genres_14": (0.584, [0.965, 0.946], [0.861, 0.892, 0.936, 0.875], 786),
    "real_genres_15": (0.621, [0.957, 0.924], [0.940, 0.960, 0.962, 0.871], 996),
    "real_genres_16": (0.630, [0.948, 0.919], [0.956, 0.966, 0.967, 0.862], 1046),
    "real_genres_17": (0.656, [0.949, 0.910], [0.959, 0.967, 0.974, 0.884], 1069),
    "real_genres_18": (0.597, [0.973, 0.951], [0.926, 0.966, 0.971, 0.880], 1086),
    "real_genres_19": (0.612, [0.945, 0.920], [0.912, 0.932, 0.950, 0.843], 1123),
    "real_genres_20": (0.588, [0.958, 0.925], [0.940, 0.954, 0.959, 0.870], 1058),
    "real_genres_21": (0.631, [0.963, 0.940], [0.967, 0.978, 0.984, 0.846], 1072),
    "real_genres_22": (0.652, [0.949, 0.908], [0.922, 0.969, 0.976, 0.868], 1021),
    "real_genres_23": (0.664, [0.958, 0.921], [0.939, 0.954, 0.962, 0.882], 891),
    "real_genres_24": (0.662, [0.959, 0.922], [0.957, 0.967, 0.971, 0.892], 946),
    "real_genres_25": (0.639, [0.960, 0.938], [0.931, 0.907, 0.961, 0.876], 1023),
    "real_genres_26": (0.585, [0.959, 0.927], [0.941, 0.953, 0.960, 0.872], 1033),
    "real_genres_27": (0.652, [0.967, 0.937], [0.947, 0.958, 0.966, 0.902], 967),
    "real_genres_28": (0.672, [0.959, 0.923], [0.939, 0.940, 0.963, 0.881], 962),
    "real_genres_29": (0.581, [0.944, 0.900], [0.934, 0.962, 0.960, 0.868], 1066),
    "real_genres_30": (0.647, [0.955, 0.924], [0.918, 0.952, 0.964, 0.873], 1005),
    "real_genres_31": (0.684, [0.966, 0.941], [0.902, 0.951, 0.960, 0.861], 1018),
    "real_genres_32": (0.652, [0.961, 0.926], [0.941, 0.949, 0.957, 0.873], 1014),
    "real_genres_33": (0.645, [0.932, 0.877], [0.903, 0.954, 0.961, 0.857], 1006),
    "real_genres_34": (0.685, [0.942, 0.896], [0.957, 0.964, 0.970, 0.862], 979),
    "real_genres_35": (0.689, [0.959, 0.922], [0.913, 0.962, 0.962, 0.881], 1021),
    "real_genres_36": (0.691, [0.942, 0.896], [0.964, 0.976, 0.983, 0.893], 992),
    "real_genres_37": (0.643, [0.954, 0.917], [0.949, 0.963, 0.962, 0.884], 979),
    "real_genres_38": (0.667, [0.945, 0.905], [0.934, 0.912, 0.973, 0.882], 958),
    "real_genres_39": (0.675, [0.960, 0.927], [0.911, 0.954, 0.946, 0.872], 925),
}


@pytest.mark.parametrize("name", list(_READ_SETS))
def test_both_taggers_on_each_read_real_genre_set(name, tmp_path):
    codebook_macro, ensemble_macro, attribution, scored = _READ_SETS[name]
    scores = _scores_without_genre(name, tmp_path)
    codebook, ensemble = scores["codebook"], scores["ensemble"]
    assert round(float(codebook["macro f1"]), 3) == codebook_macro
    assert [round(float(ensemble[measure]), 3) for measure in ("macro f1", "macro precision")] == ensemble_macro
    assert [round(float(ensemble[f"{field} accuracy"]), 3)
            for field in ("speaker", "voice_side", "mode", "holder_side")] == attribution
    assert int(ensemble["statements scored"]) == scored


def test_a_read_set_scored_by_a_model_that_never_learned_it(tmp_path):
    """Set 39 as ``tag --leave-out data/annotations/real_genres_39/gold_test.csv`` scores it: the classifier and
    the view words trained without it, as when it was scored untouched in the twenty-second round (ensemble macro-F1
    0.837, precision 0.826; speaker 0.868, voice_side 0.929, mode 0.941, holder_side 0.819). Its attribution is
    the twenty-third round's, read on it."""
    held_out = _scores_without_genre("real_genres_39", tmp_path, leave_out=paths.READ_TEST_PARTS[-1])["ensemble"]
    assert [round(float(held_out[measure]), 3) for measure in ("macro f1", "macro precision")] == [0.837, 0.826]
    assert [round(float(held_out[f"{field} accuracy"]), 3)
            for field in ("speaker", "voice_side", "mode", "holder_side")] == [0.911, 0.954, 0.946, 0.818]


def test_the_ensemble_on_the_untouched_fortieth_set(tmp_path):
    """The test part of the twenty-third round, never read: written and coded while set 39 was scored, and scored
    at the round's last rules (set 39 read and learned). With the round start's rules (7217a1a): ensemble
    macro-F1 0.805, precision 0.783, per stance 0.774 / 0.913 / 0.784 / 0.750; speaker 0.857, voice_side 0.888,
    mode 0.903, holder_side 0.810; the cues 0.660 (docs/evaluation.md, "Twenty-third round")."""
    scores = _scores_without_genre("real_genres_40", tmp_path)
    codebook, ensemble = scores["codebook"], scores["ensemble"]
    assert round(float(codebook["macro f1"]), 3) == 0.660
    assert [round(float(ensemble[measure]), 3) for measure in ("macro f1", "macro precision")] == [0.805, 0.783]
    assert [round(float(ensemble[f"{stance} f1"]), 3) for stance in load_codebook().stance_ids
            ] == [0.774, 0.913, 0.784, 0.750]
    assert [round(float(ensemble[f"{field} accuracy"]), 3)
            for field in ("speaker", "voice_side", "mode", "holder_side")] == [0.860, 0.900, 0.906, 0.813]
    assert int(ensemble["statements scored"]) == 890


def test_prevalence_adjustment_on_known_rates():
    # TPR 0.5 and FPR 0.1 at prevalence 0.5: F1 = 2*.25 / (2*.25 + .05 + .25) = 0.625
    table = prevalence_adjusted_scores(["a", "a", "", "", "", "", "", "", "", "", "", ""],
                                       ["a", "", "a", "", "", "", "", "", "", "", "", ""], ["a"], {"a": 0.5})
    assert table.loc[0, "tpr"] == 0.5 and table.loc[0, "fpr"] == 0.1
    assert table.loc[0, "f1"] == pytest.approx(0.625)


def test_challenge_set_is_kept_apart():
    challenge = read_coded(paths.CHALLENGE)
    dev = read_coded(paths.DEV_OUTLETS)
    gold = read_coded(paths.GOLD)
    assert len(challenge) >= 60
    assert not set(challenge["text"]) & (set(dev["text"]) | set(gold["text"]))
    assert challenge["article_id"].str.startswith("ch_").all()


def test_score_tagged_gives_stance_and_attribution_figures():
    from analysis.evaluation import score_tagged

    gold = pd.DataFrame({
        "article_id": ["t", "t", "t"], "sent_idx": [0, 1, 2],
        "text": ["Sergey Lavrov: Our position is well known.", "The islands are Russian territory.",
                 "Question: Will the summit be postponed?"],
        "stances": ["", "sovereignty_non_negotiable", ""], "holder_side": ["russia", "russia", "none"],
        "voice_side": ["russia", "russia", "other"], "speaker": ["Lavrov", "Lavrov", "journalist"],
        "mode": ["direct_quote", "direct_quote", "direct_quote"]})
    tagged = gold.copy()
    tagged["speaker"] = ["lavrov", "", ""]
    tagged["voice_side"] = ["russia", "outlet", "outlet"]
    tagged["mode"] = ["direct_quote", "narration", "narration"]
    tagged["stances"] = ["", "sovereignty_non_negotiable", "treaty_first"]
    # the splitter now cuts the second statement in two: it is found again by its text
    tagged = pd.concat([tagged.iloc[:1], tagged.iloc[1:].assign(sent_idx=[3, 4])], ignore_index=True)
    scores = score_tagged(gold, tagged, ["sovereignty_non_negotiable", "treaty_first"]).set_index("measure")["value"]
    assert scores["sovereignty_non_negotiable f1"] == 1.0 and scores["treaty_first precision"] == 0.0
    assert scores["macro f1"] == 0.5
    assert scores["speaker accuracy"] == pytest.approx(1 / 3)     # "lavrov" counts: case is ignored
    assert scores["mode accuracy"] == pytest.approx(1 / 3)
    assert scores["statements scored"] == 3 and scores["statements unmatched"] == 0


def test_the_score_command_prints_one_line_per_measure(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "seeds.csv"
    subprocess.run([sys.executable, "-m", "analysis", "tag", str(paths.ARTICLES), "--out", str(out), "--quiet"],
                   check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-m", "analysis", "score", str(paths.GOLD), str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = dict(line.rsplit(None, 1) for line in result.stdout.splitlines())
    assert lines["statements scored"] == "118" and lines["statements unmatched"] == "0"
    assert set(lines) >= {"macro f1", "speaker accuracy", "voice_side accuracy", "mode accuracy",
                          "holder_side accuracy"}


def test_a_coding_typo_names_row_column_and_the_closest_stance(tmp_path):
    """One validator for coding files: "treaty first" gets the closest valid value, not a bare refusal."""
    path = tmp_path / "student.csv"
    path.write_text("article_id,sent_idx,text,stances,holder_side\n"
                    "tass_2019_01_14,3,Moscow wants a treaty first.,treaty first,russia\n", encoding="utf-8")
    with pytest.raises(AnnotationError) as raised:
        read_classroom(path)
    assert str(raised.value) == (f"{path}: row 2, column stances: 'treaty first' is not one of "
                                 "sovereignty_non_negotiable, treaty_first, territory_first, sanctions_obstacle; "
                                 "did you mean 'treaty_first'?")


def test_a_holder_typo_suggests_the_side(tmp_path):
    path = tmp_path / "student.csv"
    path.write_text("article_id,sent_idx,text,stances,holder_side\n"
                    "tass_2019_01_14,3,Tokyo insists on the return.,territory_first,Japan\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"row 2, column holder_side: 'Japan' is not one of russia, japan, us, "
                                              r"both, none; did you mean 'japan'\?"):
        read_classroom(path)
