"""Worksheets (analysis/worksheet.py): how statements are drawn, and the three files written."""
from __future__ import annotations

import html

import pandas as pd
import pytest

from analysis import paths
from analysis.cli import main
from analysis.worksheet import SHEET_COLUMNS, draw, with_context

# Statements in the wording of TASS and Kyodo, with what the codebook tagger and the classifier say.
TABLE = pd.DataFrame([
    ("tass1", 0, "Moscow is in talks with Japan on making a peace treaty.", "TASS", "treaty_first", "treaty_first", 0.40),
    ("tass1", 1, "Russia's sovereignty over the islands cannot be questioned, Zakharova said.", "TASS",
     "sovereignty_non_negotiable", "sovereignty_non_negotiable", 0.45),
    ("tass1", 2, "Lavrov said Japan had joined sanctions against Russia.", "TASS", "", "sanctions_obstacle", 0.10),
    ("kyodo1", 0, "Tokyo seeks the return of the four islands, a government source said.", "Kyodo",
     "territory_first", "", 0.02),
    ("kyodo1", 1, "The talks lasted three hours in Moscow.", "Kyodo", "", "", 0.01),
    ("kyodo1", 2, "Abe hopes to settle the territorial issue and sign a treaty.", "Kyodo",
     "territory_first", "territory_first;treaty_first", 0.20),
], columns=["article_id", "sent_idx", "text", "outlet", "codebook_stances", "model_stances", "model_margin"])


def test_uncertain_draws_where_the_taggers_disagree_first():
    drawn = draw(TABLE, 3, strategy="uncertain")
    # the three statements where codebook and model differ, in article order
    assert drawn[["article_id", "sent_idx"]].values.tolist() == [["kyodo1", 0], ["kyodo1", 2], ["tass1", 2]]
    # then the least sure agreement (margin 0.01)
    assert draw(TABLE, 4, strategy="uncertain")["sent_idx"].tolist() == [0, 1, 2, 2]


def test_stratified_takes_every_outlet_and_tagged_stratum():
    table = TABLE.assign(stances=TABLE["codebook_stances"])
    drawn = draw(table, 4, strategy="stratified", seed=7)
    strata = set(zip(drawn["outlet"], drawn["stances"] != ""))
    assert strata == {("TASS", True), ("TASS", False), ("Kyodo", True), ("Kyodo", False)}
    assert draw(table, 4, strategy="stratified", seed=7).equals(drawn)


def test_context_is_the_neighbouring_statements_of_the_same_article():
    table = with_context(TABLE)
    assert table.loc[0, "before"] == "" and table.loc[0, "after"] == "The talks lasted three hours in Moscow."
    assert table.loc[2, "after"] == ""     # kyodo1's last statement: tass1 follows, not its context


def test_worksheet_command_writes_sheet_summary_and_page(tmp_path, capsys):
    out = tmp_path / "sheet.csv"
    assert main(["worksheet", str(paths.ARTICLES), "--n", "6", "--out", str(out), "--strategy", "random"]) == 0
    sheet = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(sheet.columns) == SHEET_COLUMNS and len(sheet) == 6
    assert (sheet[["stances", "holder_side", "voice_side", "mode", "note"]] == "").all().all()
    summary = pd.read_csv(tmp_path / "sheet.codebook.csv", dtype=str, keep_default_na=False)
    assert summary["column"].tolist()[:4] == ["stances"] * 4
    assert not summary.apply(lambda c: c.str.contains(r"\{islands\}|\(\?:")).any().any()   # no cue patterns
    page = (tmp_path / "sheet.html").read_text(encoding="utf-8")
    assert all(html.escape(text) in page for text in sheet["text"]) and "treaty_first;" not in page
    # a second run never overwrites a sheet (it may hold a coder's work)
    before = out.read_bytes()
    assert main(["worksheet", str(paths.ARTICLES), "--n", "6", "--out", str(out)]) == 2
    assert "exists (it may hold someone's coding)" in capsys.readouterr().err
    assert out.read_bytes() == before
