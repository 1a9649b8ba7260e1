"""The coding form (analysis/coding_form.py), driven headless: ticking boxes and clicking buttons writes the
worksheet's CSV, which analysis.coding reads back; nothing it did not write is overwritten."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from analysis import paths
from analysis.codebook import load_codebook
from analysis.coding import CodingError, read_codings
from analysis.coding_form import CodingForm, default_out

BLANK = paths.ROOT / "notebooks" / "coding" / "blank_worksheet.csv"


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "sheet.csv"
    shutil.copy(BLANK, path)
    return path


def coded(path) -> list[list]:
    """What analysis.coding reads back: one row per coded statement (None: a column left empty)."""
    table = read_codings([path]).table[["article_id", "sent_idx", "stances", "holder_side", "voice_side", "mode"]]
    return [[None if pd.isna(v) else v for v in row] for row in table.values.tolist()]


def test_boxes_come_from_the_codebook(sheet):
    form = CodingForm.open(sheet)
    assert list(form.stance_boxes) == load_codebook().stance_ids
    assert form.stance_boxes["treaty_first"].description == "Treaty first (treaty_first)"
    assert form.holder.options[0] == ("(not coded)", "") and [v for _, v in form.holder.options[1:]] == [
        "russia", "japan", "us", "both", "none"]
    # the first statement in its context: Ivanov, TASS, the question before it
    assert "Item 1 of 12 (0 coded)" in form.context.value and "speaker: <b>Ivanov</b>" in form.context.value
    assert "What are these talks about?" in form.context.value


def test_ticking_and_clicking_writes_the_sheet_the_reader_reads(sheet):
    form = CodingForm.open(sheet)
    form.stance_boxes["treaty_first"].value = True
    form.stance_boxes["sovereignty_non_negotiable"].value = True
    form.holder.value = "russia"
    form.voice.value = "russia"
    form.mode.value = "reported"
    form.next_button.click()                      # item 2 (000/18) left empty
    form.next_button.click()
    form.no_stance.value = True                   # item 3 (002/12): no stance, Russia's
    form.holder.value = "russia"
    form.save_button.click()
    out = default_out(sheet)
    assert out.name == "sheet.coded.csv" and form.status == f"saved 2 of 12 statements coded to {out}"
    assert coded(out) == [["000", 5, "sovereignty_non_negotiable;treaty_first", "russia", "russia", "reported"],
                          ["002", 12, "", "russia", None, None]]
    written = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert written.columns.tolist() == pd.read_csv(BLANK, nrows=0).columns.tolist()
    assert written.loc[1, ["stances", "holder_side"]].tolist() == ["", ""]     # not coded yet, not a "no"
    assert written.loc[2, "stances"] == "none"
    assert sheet.read_bytes() == BLANK.read_bytes()                              # the worksheet is an input


def test_an_untouched_statement_stays_not_coded(sheet):
    form = CodingForm.open(sheet)
    form.next_button.click()
    form.previous_button.click()
    assert coded(default_out(sheet)) == []
    # a sheet saved with no answer is the worksheet, byte for byte: the same format
    assert default_out(sheet).read_bytes() == BLANK.read_bytes()


def test_none_and_stances_exclude_each_other(sheet):
    form = CodingForm.open(sheet)
    form.stance_boxes["territory_first"].value = True
    form.no_stance.value = True
    assert not form.stance_boxes["territory_first"].value and form.answers()["stances"] == "none"
    form.stance_boxes["sanctions_obstacle"].value = True
    assert not form.no_stance.value and form.answers()["stances"] == "sanctions_obstacle"


def test_reopening_resumes_at_the_first_statement_not_coded(sheet):
    form = CodingForm.open(sheet)
    for _ in range(2):
        form.stance_boxes["treaty_first"].value = True
        form.holder.value = "japan"
        form.next_button.click()
    again = CodingForm.open(sheet)
    assert again.position == 2 and "Item 3 of 12 (2 coded)" in again.context.value
    again.previous_button.click()
    assert again.stance_boxes["treaty_first"].value and again.holder.value == "japan"


def test_a_file_the_form_did_not_write_is_never_overwritten(sheet):
    mine = default_out(sheet)
    mine.write_text("a teacher's notes\n", encoding="utf-8")
    with pytest.raises(CodingError, match=r"sheet\.coded\.csv: exists and was not written by this form"):
        CodingForm.open(sheet)
    assert mine.read_text(encoding="utf-8") == "a teacher's notes\n"
    # the form's own file, changed by hand afterwards, is refused too
    mine.unlink()
    form = CodingForm.open(sheet)
    form.save_button.click()
    mine.write_text(mine.read_text(encoding="utf-8").replace(",,,,,\n", ",treaty_first,japan,,,\n", 1), encoding="utf-8")
    with pytest.raises(CodingError, match="exists and was not written by this form"):
        CodingForm.open(sheet)


def test_an_explicit_path_resumes_from_a_sheet_filled_elsewhere(sheet, tmp_path):
    filled = tmp_path / "ana.csv"
    shutil.copy(paths.ROOT / "notebooks" / "coding" / "example_class" / "example_student_c.csv", filled)
    before = coded(filled)
    form = CodingForm.open(sheet, out=filled)
    assert form.position == form.first_not_coded() and not form.is_coded(form.position)
    form.stance_boxes["territory_first"].value = True
    form.holder.value = "japan"
    form.save_button.click()
    after = coded(filled)
    assert len(after) == len(before) + 1 and all(row in after for row in before)


def test_a_bad_cell_in_the_sheet_is_one_line(sheet):
    text = sheet.read_text(encoding="utf-8").splitlines()
    text[1] = text[1][:-len(",,,,,")] + ",treaty first,russia,,,"
    sheet.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(CodingError, match=r"sheet\.csv: row 2, column stances: 'treaty first' is not a stance id "
                                          r"of the codebook; did you mean 'treaty_first'\?"):
        CodingForm.open(sheet)
