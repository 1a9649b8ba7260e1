"""Coding sheets of several coders: validation, blanks, agreement against independently computed values,
disagreements and adjudication (analysis/coding.py)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import paths
from analysis.coding import (CodingError, adjudicate, adjudication_template, agreement, coder_vs_reference,
                             disagreements, gold_as_coder, pairwise_kappa, read_adjudication, read_class_settings,
                             read_codings)
from analysis.evaluation import read_coded

STANCES = ["sovereignty_non_negotiable", "treaty_first", "territory_first", "sanctions_obstacle"]
HEADER = "article_id,sent_idx,text,stances,holder_side,voice_side,mode,note\n"
# Three statements in the wording of TASS and Kyodo.
T0 = '""It is Japan that has a territorial issue"" but not Russia, Ivanov said.'  # quotes doubled for CSV
T1 = "Tokyo seeks the return of the four islands before a peace treaty is signed, Kyodo reported."
T2 = "Lavrov said Japan had joined a wide range of sanctions against Russia."


def write(folder, name, rows):
    path = folder / f"{name}.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


@pytest.fixture
def three_coders(tmp_path):
    write(tmp_path, "ana", [f'x,0,"{T0}",sovereignty_non_negotiable,russia,russia,reported,\n',
                            f'x,1,"{T1}",territory_first,japan,outlet,narration,\n',
                            f'x,2,"{T2}",sanctions_obstacle,russia,,,\n'])
    # a typo in a stance, a typo in a holder, and a row not coded yet
    write(tmp_path, "ben", [f'x,0,"{T0}",treaty first,russia,,,\n',
                            f'x,1,"{T1}",territory_first,Japan,,,\n',
                            f'x,2,"{T2}",,,,,\n'])
    # statement x/1 missing altogether; "none" for no stance
    write(tmp_path, "chloe", [f'x,0,"{T0}",sovereignty_non_negotiable;treaty_first,russia,,,\n',
                              f'x,2,"{T2}",none,russia,,,\n'])
    return tmp_path


def test_problems_name_file_row_column_and_closest_value(three_coders):
    codings = read_codings(three_coders, strict=False)
    problems = codings.problems[["row", "column", "value", "suggestion"]].values.tolist()
    assert problems == [[2, "stances", "treaty first", "treaty_first"], [3, "holder_side", "Japan", "japan"]]
    assert codings.problems["file"].str.endswith("ben.csv").all()
    with pytest.raises(CodingError, match=r"ben\.csv: row 2, column stances: 'treaty first' is not a stance id "
                                          r"of the codebook; did you mean 'treaty_first'\? \(and 1 more"):
        read_codings(three_coders)


def test_blank_rows_are_not_coded_and_bad_cells_are_missing(three_coders):
    table = read_codings(three_coders, strict=False).table.set_index(["coder", "sent_idx"])
    assert sorted(table.index) == [("ana", 0), ("ana", 1), ("ana", 2), ("ben", 0), ("ben", 1),
                                   ("chloe", 0), ("chloe", 2)]
    assert pd.isna(table.loc[("ben", 0), "stances"]) and table.loc[("ben", 0), "holder_side"] == "russia"
    assert pd.isna(table.loc[("ben", 1), "holder_side"]) and table.loc[("ben", 1), "stances"] == "territory_first"
    assert table.loc[("chloe", 2), "stances"] == ""
    assert table.loc[("chloe", 0), "stances"] == "sovereignty_non_negotiable;treaty_first"


def test_agreement_uses_what_was_coded(three_coders):
    codes = read_codings(three_coders, strict=False).table
    result = agreement(codes, STANCES)
    stances = result[result["field"] == "stances"].set_index("label")
    # x/0 by ana and chloe (ben's stance cell is unread), x/2 by ana and chloe, x/1 by ana and ben
    assert stances["statements"].tolist() == [3, 3, 3, 3]
    # sanctions_obstacle: one disagreement (x/2) among 6 pairable values, 5 "no" and 1 "yes":
    # D_o = 2/6, D_e = 2*5*1/(6*5) = 1/3: alpha = 0
    assert stances.loc["sanctions_obstacle", "alpha"] == pytest.approx(0.0)
    # holder_side: russia x3 on x/0, russia x2 on x/2; x/1 has ana's only: no variation, alpha undefined
    holder = result[result["field"] == "holder_side"].iloc[0]
    assert holder["statements"] == 2 and math.isnan(holder["alpha"])


# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the nominal example with missing values:
# four observers, twelve units; alpha = 0.743 in the paper.
REFERENCE = {"A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
             "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
             "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
             "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]}
SIDES = {1: "russia", 2: "japan", 3: "us", 4: "both", 5: "none"}


def coded_table(columns: dict) -> pd.DataFrame:
    rows = [{"coder": coder, "article_id": "k", "sent_idx": i, "text": f"s{i}", "stances": "",
             "holder_side": SIDES[v], "voice_side": None, "mode": None}
            for coder, values in columns.items() for i, v in enumerate(values) if v is not None]
    return pd.DataFrame(rows)


def test_alpha_equals_krippendorffs_published_example():
    table = agreement(coded_table(REFERENCE), STANCES)
    holder = table[table["field"] == "holder_side"].iloc[0]
    assert holder["statements"] == 11     # unit 12 has one value only and is not pairable
    assert holder["alpha"] == pytest.approx(0.743, abs=5e-4)


def test_kappa_equals_a_hand_computed_value():
    # 10 statements: both say yes on 3, a alone on 1, b alone on 1, both no on 5.
    # p_o = 0.8; p_e = 0.4*0.4 + 0.6*0.6 = 0.52; kappa = (0.8 - 0.52) / 0.48 = 0.58333
    a = ["treaty_first"] * 4 + [""] * 6
    b = ["treaty_first"] * 3 + ["", "treaty_first"] + [""] * 5
    rows = [{"coder": c, "article_id": "k", "sent_idx": i, "text": "t", "stances": v, "holder_side": "russia",
             "voice_side": None, "mode": None} for c, values in (("a", a), ("b", b)) for i, v in enumerate(values)]
    kappa = pairwise_kappa(pd.DataFrame(rows), ["treaty_first"]).set_index("field").loc["stances"]
    assert kappa["agreement_pct"] == pytest.approx(80.0)
    assert kappa["cohen_kappa"] == pytest.approx(0.28 / 0.48)


def test_disagreements_and_adjudication_template(three_coders):
    codes = read_codings(three_coders, strict=False).table
    hardest = disagreements(codes, STANCES)
    assert hardest[["sent_idx", "split"]].values.tolist() == [[0, 1], [2, 1]]
    assert hardest.loc[0, "chloe"] == "sovereignty_non_negotiable;treaty_first | russia"
    assert hardest.loc[0, "ben"] == "? | russia"
    template = adjudication_template(codes, STANCES)
    assert template[["sent_idx", "field", "choices"]].values.tolist() == [
        [0, "stances", "ana: sovereignty_non_negotiable; chloe: sovereignty_non_negotiable;treaty_first"],
        [2, "stances", "ana: sanctions_obstacle; chloe: (none)"]]
    template.loc[0, ["decision", "reason"]] = ["sovereignty_non_negotiable", "Denies there is a dispute."]
    template.loc[1, ["decision", "reason"]] = ["sanctions_obstacle", "Sanctions are named as Japan's doing."]
    path = three_coders / "adjudication.csv"
    template.to_csv(path, index=False)
    decided = adjudicate(codes, read_adjudication(path)).set_index("sent_idx")
    assert decided["stances"].tolist() == ["sovereignty_non_negotiable", "territory_first", "sanctions_obstacle"]
    assert decided["holder_side"].tolist() == ["russia", "japan", "russia"]


def test_adjudication_decision_typo_is_named(tmp_path):
    path = tmp_path / "adjudication.csv"
    path.write_text("article_id,sent_idx,field,decision,reason\nx,0,holder_side,Rusia,typo\n", encoding="utf-8")
    with pytest.raises(CodingError, match=r"row 2, column decision: 'Rusia'.*did you mean 'russia'"):
        read_adjudication(path)


def test_example_class_against_gold():
    folder = paths.ROOT / "notebooks" / "coding" / "example_class"
    codings = read_codings(folder)
    assert codings.coders == ["example_student_a", "example_student_b", "example_student_c"]
    gold = gold_as_coder(read_coded(paths.GOLD), codings.table)
    versus = coder_vs_reference(codings.table, gold).set_index("coder")
    assert versus["statements"].tolist() == [12, 12, 10]
    assert versus[["missed", "added"]].values.tolist() == [[1, 0], [0, 4], [0, 2]]
    assert read_class_settings(folder) == {"publish_answers": True}
    assert read_class_settings(paths.ROOT / "notebooks" / "coding") == {"publish_answers": False}


def test_class_settings_are_validated(tmp_path):
    (tmp_path / "class.yaml").write_text("publish_answers: yes please\n", encoding="utf-8")
    with pytest.raises(CodingError, match=r"class\.yaml: publish_answers: must be true or false"):
        read_class_settings(tmp_path)
