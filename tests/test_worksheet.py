"""Worksheets (analysis/worksheet.py): how statements are drawn, and the three files written."""
from __future__ import annotations

import html

import pandas as pd
import pytest

from analysis import paths
from analysis.cli import main
from analysis.worksheet import SHEET_COLUMNS, draw, sample_strata, with_context

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


def test_sample_strata_compare_a_coded_sample_with_its_corpus():
    table = TABLE.assign(stances=TABLE["codebook_stances"])
    coded = pd.DataFrame({"article_id": ["tass1", "kyodo1", "kyodo1", "elsewhere"], "sent_idx": ["2", "1", "2", "0"]})
    strata = sample_strata(table, coded)
    assert strata.values.tolist() == [["Kyodo", "none", 1, 16.7, 1, 33.3], ["Kyodo", "stance", 2, 33.3, 1, 33.3],
                                      ["TASS", "none", 1, 16.7, 1, 33.3], ["TASS", "stance", 2, 33.3, 0, 0.0]]


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


# ------------------------------------------------------------------------------------------ the printable page

CODING = paths.ROOT / "notebooks" / "coding"


def test_printable_page_shows_each_statement_with_empty_boxes_and_never_answers():
    from analysis.codebook import load_codebook
    from analysis.worksheet import codebook_summary, worksheet_html

    codebook = load_codebook()
    summary = codebook_summary(codebook)
    blank = pd.read_csv(CODING / "blank_worksheet.csv", dtype=str, keep_default_na=False)
    filled = pd.read_csv(CODING / "example_class" / "example_student_a.csv", dtype=str, keep_default_na=False)
    assert (filled["stances"] != "").all() and filled[["article_id", "sent_idx"]].equals(blank[["article_id", "sent_idx"]])
    page = worksheet_html(blank, summary)
    # a filled sheet prints exactly as the blank one: its answers and notes never reach the page
    assert worksheet_html(filled, summary) == page
    assert all(note not in page for note in filled["note"] if note)
    # every statement with the one before and after it
    for row in blank.itertuples(index=False):
        assert html.escape(row.text) in page and html.escape(row.before) in page and html.escape(row.after) in page
    assert ("<b>1.</b> <span class='ctx'>article 000, statement 5 (TASS, 2019-02-26); speaker: Ivanov</span>"
            in page)
    # an empty box per stance of the codebook and none, per holder side, voice side and mode, on every item
    assert page.count("<span class='box'></span>treaty_first</span>") == 12
    assert page.count("<span class='box'></span>none</span>") == 24          # stances none and holder_side none
    assert page.count("<span class='box'></span>direct_quote</span>") == 12
    # the codebook summary: definitions and examples, never a cue pattern
    assert html.escape(" ".join(codebook.stance("treaty_first").definition.split())) in page
    assert all(html.escape(cue.written) not in page and html.escape(cue.pattern) not in page
               for cue in codebook.cues("stances"))
    assert "\\b" not in page and "{islands}" not in page and "(?:" not in page


def test_printable_page_is_the_same_bytes_every_run(tmp_path):
    pages = []
    for run in ("one", "two"):
        page = tmp_path / run / "print me.html"
        assert main(["worksheet", str(paths.ARTICLES), "--n", "8", "--out", str(tmp_path / run / "sheet.csv"),
                     "--printable", str(page)]) == 0
        pages.append(page.read_bytes())
        assert not (tmp_path / run / "sheet.html").exists()      # the page went where it was asked to
    assert pages[0] == pages[1] and b"8 statements." in pages[0]


def test_pdf_needs_a_browser_and_says_so_before_any_work(tmp_path, capsys, monkeypatch):
    import analysis.worksheet as worksheet

    monkeypatch.setattr(worksheet, "find_browser", lambda: None)
    assert main(["worksheet", str(paths.ARTICLES), "--n", "4", "--out", str(tmp_path / "sheet.csv"), "--pdf"]) == 2
    assert "sheet.pdf: no Chromium or Chrome found to print a PDF" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_pdf_is_printed_where_a_browser_is_installed(tmp_path):
    from analysis.worksheet import find_browser

    if find_browser() is None:
        pytest.skip("no Chromium or Chrome on this machine: the PDF is optional, the HTML page is the deliverable")
    assert main(["worksheet", str(paths.ARTICLES), "--n", "4", "--out", str(tmp_path / "sheet.csv"), "--pdf"]) == 0
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.codebook.csv", "sheet.csv", "sheet.html", "sheet.pdf"]
