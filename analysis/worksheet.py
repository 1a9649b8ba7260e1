"""Worksheets: a sample of a corpus's statements for people to code, with context and a codebook summary.

``python -m analysis worksheet CORPUS --n 40 --out sheet.csv [--strategy random|stratified|uncertain]
[--seed 7]`` writes three files and never overwrites one that exists (it may hold a coder's work):

- ``sheet.csv``: one row per statement (``SHEET_COLUMNS``): the statement with the one before and after it,
  its outlet, date and speaker, and empty columns to fill: ``stances``, ``holder_side``, ``voice_side``,
  ``mode``, ``note`` (``analysis.coding`` reads them back);
- ``sheet.codebook.csv``: the codebook for coders: each stance's definition, what it includes and excludes and
  its examples, and the values of the other columns; never the cue patterns (coders read, they do not match);
- ``sheet.html``: a printable page of both, without answers.

How statements are drawn (``draw``):

- ``random``: a simple random sample;
- ``stratified``: in proportion to the strata of outlet x what the codebook tagger says (a stance or none),
  every stratum at least once while the sample allows;
- ``uncertain``: where the coder's time tells most: first the statements on which the codebook tagger and the
  classifier disagree (most stances in dispute first), then those the classifier is least sure of (a
  probability closest to its threshold).

Statements whose text recurs (reused background) are drawn once.
"""
from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd

from .codebook import Codebook, load_codebook
from .vocab import HOLDER_SIDES, MODES, VOICE_SIDES, WORKSHEET_STRATEGIES as STRATEGIES
CONTEXT_COLUMNS = ["item", "article_id", "sent_idx", "outlet", "date", "speaker", "before", "text", "after"]
FILL_COLUMNS = ["stances", "holder_side", "voice_side", "mode", "note"]
SHEET_COLUMNS = CONTEXT_COLUMNS + FILL_COLUMNS
# What the other columns mean, for the codebook summary (the stances come from the codebook itself).
COLUMN_VALUES = {
    "holder_side": (HOLDER_SIDES, "whose position the statement expresses (not who speaks)"),
    "voice_side": (VOICE_SIDES, "who speaks: a side's official or institution, or outlet for the article's own narration"),
    "mode": (MODES, "direct_quote (in quotation marks), reported (said that ...), narration (the outlet's own words)"),
}


def with_context(statements: pd.DataFrame) -> pd.DataFrame:
    """The statement table with ``before`` and ``after``: the neighbouring statements of the same article."""
    table = statements.sort_values(["article_id", "sent_idx"], kind="stable").reset_index(drop=True)
    same_before = table["article_id"].eq(table["article_id"].shift(1))
    same_after = table["article_id"].eq(table["article_id"].shift(-1))
    table["before"] = table["text"].shift(1).where(same_before, "")
    table["after"] = table["text"].shift(-1).where(same_after, "")
    return table


def disagreement_columns(statements: pd.DataFrame, model) -> pd.DataFrame:
    """``codebook_stances`` (the table's ``stances``, from the codebook tagger), ``model_stances`` and
    ``model_margin`` (the classifier's smallest distance between a stance's probability and its threshold)."""
    proba = model.predict_proba(statements["text"])
    stances = [";".join(model.classes_[j] for j in np.flatnonzero(row >= model.threshold)) for row in proba]
    return statements.assign(codebook_stances=statements["stances"].fillna(""), model_stances=stances,
                             model_margin=np.abs(proba - model.threshold).min(axis=1))


def _disputed(table: pd.DataFrame) -> pd.Series:
    """How many stances the two taggers disagree on, per statement."""
    return pd.Series([len(set(filter(None, a.split(";"))) ^ set(filter(None, b.split(";"))))
                      for a, b in zip(table["codebook_stances"], table["model_stances"])], index=table.index)


def draw(statements: pd.DataFrame, n: int, *, strategy: str = "stratified", seed: int = 7) -> pd.DataFrame:
    """``n`` statements of ``statements`` (a tagged table; ``uncertain`` also needs the columns of
    ``disagreement_columns``), in article order.

    >>> table = pd.DataFrame({"article_id": ["a", "a", "b"], "sent_idx": [0, 1, 0], "text": ["x", "y", "z"],
    ...     "codebook_stances": ["treaty_first", "", ""], "model_stances": ["treaty_first", "", "treaty_first"],
    ...     "model_margin": [0.5, 0.01, 0.3]})
    >>> draw(table, 2, strategy="uncertain")["text"].tolist()
    ['y', 'z']
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r} (choose from {', '.join(STRATEGIES)})")
    if n < 1:
        raise ValueError(f"--n must be at least 1, got {n}")
    pool = statements.drop_duplicates("text").reset_index(drop=True)
    rng = np.random.default_rng(seed)
    if strategy == "random" or len(pool) <= n:
        chosen = pool.index if len(pool) <= n else rng.choice(pool.index, size=n, replace=False)
    elif strategy == "uncertain":
        order = pool.assign(_disputed=_disputed(pool), _shuffle=rng.random(len(pool)))
        chosen = order.sort_values(["_disputed", "model_margin", "_shuffle"], ascending=[False, True, True]).index[:n]
    else:
        chosen = _stratified(pool, n, rng)
    return pool.loc[sorted(chosen)].sort_values(["article_id", "sent_idx"]).reset_index(drop=True)


def _stratified(pool: pd.DataFrame, n: int, rng) -> list:
    outlet = pool["outlet"].fillna("") if "outlet" in pool else pd.Series("", index=pool.index)
    tagged = pool["stances"].fillna("").ne("").map({True: "stance", False: "none"})
    strata = (outlet + "|" + tagged).rename("stratum")
    sizes = strata.value_counts().sort_index()
    # Largest remainder allocation, then at least one per stratum while the sample allows.
    exact = sizes / sizes.sum() * n
    take = np.floor(exact).astype(int)
    for name in (exact - take).sort_values(ascending=False, kind="stable").index[: n - take.sum()]:
        take[name] += 1
    for name in sizes.index:
        if take[name] == 0 and take.sum() < n + 0:
            richest = take.idxmax()
            if take[richest] > 1:
                take[richest] -= 1
                take[name] = 1
    chosen = []
    for name, count in take.items():
        members = strata.index[strata == name].to_numpy()
        chosen += list(rng.choice(members, size=min(count, len(members)), replace=False))
    return chosen


def worksheet_table(sample: pd.DataFrame) -> pd.DataFrame:
    """The sheet: ``SHEET_COLUMNS``, numbered items, the columns to fill empty."""
    sheet = sample.reindex(columns=CONTEXT_COLUMNS).copy()
    sheet["item"] = range(1, len(sheet) + 1)
    for column in FILL_COLUMNS:
        sheet[column] = ""
    return sheet.fillna("")


def codebook_summary(codebook: Codebook | None = None) -> pd.DataFrame:
    """What a coder needs of the codebook: column, value, label, definition, includes, excludes, examples;
    the stance cues are left out on purpose."""
    codebook = codebook or load_codebook()
    rows = []
    for stance in codebook.stances:
        examples = "; ".join(f"{kind}: {' / '.join(texts) if isinstance(texts, (list, tuple)) else texts}"
                             for kind, texts in stance.examples.items())
        rows.append({"column": "stances", "value": stance.id, "label": stance.label,
                     "definition": " ".join(stance.definition.split()), "includes": " | ".join(stance.include),
                     "excludes": " | ".join(stance.exclude), "examples": examples})
    for column, (values, meaning) in COLUMN_VALUES.items():
        rows.append({"column": column, "value": ", ".join(values), "label": "", "definition": meaning,
                     "includes": "", "excludes": "", "examples": ""})
    return pd.DataFrame(rows, columns=["column", "value", "label", "definition", "includes", "excludes", "examples"])


_CSS = """body{font-family:Georgia,serif;margin:1.5cm;font-size:11pt}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #999;padding:4px;vertical-align:top}.ctx{color:#666;font-size:9pt}.blank{height:2.2em}
.item{page-break-inside:avoid;margin-bottom:1em}h2{page-break-before:always}"""


def worksheet_html(sheet: pd.DataFrame, summary: pd.DataFrame, *, title: str = "Coding worksheet") -> str:
    """A printable page: the codebook summary, then each statement in context with empty boxes. It shows only
    the context columns of the sheet, so a filled sheet never prints its answers."""
    e = html.escape
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{e(title)}</title><style>{_CSS}</style>"
             f"</head><body><h1>{e(title)}</h1><p>{len(sheet)} statements. For each, write the stance ids it "
             "expresses (or none), whose position it is, and, if asked, who speaks and how.</p><table><tr>"
             + "".join(f"<th>{e(c)}</th>" for c in summary.columns) + "</tr>"]
    for row in summary.itertuples(index=False):
        parts.append("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>")
    parts.append("</table><h2>Statements</h2>")
    for row in sheet.reindex(columns=CONTEXT_COLUMNS).fillna("").itertuples(index=False):
        who = ", ".join(str(x) for x in (row.outlet, row.date) if x)
        parts.append(f"<div class='item'><p><b>{row.item}.</b> <span class='ctx'>{e(str(row.article_id))} / "
                     f"{row.sent_idx} ({e(who)}){' - speaker: ' + e(str(row.speaker)) if row.speaker else ''}</span>"
                     f"</p><p class='ctx'>{e(str(row.before))}</p><p><b>{e(str(row.text))}</b></p>"
                     f"<p class='ctx'>{e(str(row.after))}</p><table><tr>"
                     + "".join(f"<th>{c}</th>" for c in FILL_COLUMNS) + "</tr><tr>"
                     + "".join("<td class='blank'></td>" for _ in FILL_COLUMNS) + "</tr></table></div>")
    parts.append("</body></html>")
    return "\n".join(parts)


def companion_paths(out: Path) -> dict[str, Path]:
    """The three files a worksheet run writes."""
    out = Path(out)
    return {"sheet": out, "codebook": out.with_suffix(".codebook.csv"), "html": out.with_suffix(".html")}


def write_worksheet(corpus, out, *, n: int = 40, strategy: str = "stratified", seed: int = 7, data=None) -> dict:
    """Tag ``corpus``, draw ``n`` statements and write the sheet, its codebook summary and its page.

    Raises:
        OutputError: before any work, when one of the three files exists (it may hold a coder's answers).
    """
    from . import output_files
    from .pipeline import DataFiles, check_output, make_tagger, tag_corpus

    data = data or DataFiles()
    targets = companion_paths(out)
    if targets["sheet"].suffix.lower() != ".csv":
        raise output_files.OutputError(f"{out}: a worksheet is a .csv file")
    check_output(out, corpus, data)
    for path in targets.values():
        if path.exists():
            raise output_files.OutputError(f"{path}: exists (it may hold someone's coding); choose another "
                                           "--out or move it away")
    codebook = load_codebook(data.codebook)
    statements, _ = tag_corpus(corpus, tagger="codebook", data=data)
    statements = with_context(statements)
    if strategy == "uncertain":
        statements = disagreement_columns(statements, make_tagger("model", codebook))
    sheet = worksheet_table(draw(statements, n, strategy=strategy, seed=seed))
    summary = codebook_summary(codebook)
    written = {}
    for name, table in (("sheet", sheet), ("codebook", summary)):
        with output_files.whole_file(targets[name]) as partial:
            # In the order a coder reads them (write_csv would sort the rows).
            output_files.spreadsheet_safe(table).to_csv(partial, index=False, lineterminator="\n")
        written[name] = targets[name]
    with output_files.whole_file(targets["html"]) as partial:
        Path(partial).write_text(worksheet_html(sheet, summary), encoding="utf-8")
    written["html"] = targets["html"]
    return {**written, "statements": len(sheet)}
