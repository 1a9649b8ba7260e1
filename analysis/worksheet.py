"""Worksheets: a sample of a corpus's statements for people to code, with context and a codebook summary.

``python -m analysis worksheet CORPUS --n 40 --out sheet.csv [--strategy random|stratified|uncertain]
[--seed 7] [--printable page.html] [--pdf]`` writes three files (four with ``--pdf``) and never overwrites one
that exists (it may hold a coder's work):

- ``sheet.csv``: one row per statement (``SHEET_COLUMNS``): the statement with the one before and after it,
  its outlet, date and speaker, and empty columns to fill: ``stances``, ``holder_side``, ``voice_side``,
  ``mode``, ``note`` (``analysis.coding`` reads them back);
- ``sheet.codebook.csv``: the codebook for coders: each stance's definition, what it includes and excludes and
  its examples, and the values of the other columns; never the cue patterns (coders read, they do not match);
- ``sheet.html`` (or ``--printable page.html``): a printable page of both, without answers: each statement in
  context with empty boxes for its stances, holder side, voice side and mode; ``--pdf`` also prints it to
  ``page.pdf`` with a headless Chromium where one is installed (the HTML page is the portable format: any
  browser prints it).

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
import os
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


def sample_strata(statements: pd.DataFrame, sample: pd.DataFrame) -> pd.DataFrame:
    """How a coded sample covers its corpus: statements per stratum (outlet x whether the tagged table holds a
    stance, as ``stratified`` draws on the codebook tagger's) in the corpus and in the sample (its statements found in the
    corpus by article_id and sent_idx).

    Returns:
        outlet, tagged ("stance" or "none"), corpus, corpus_pct, sample, sample_pct; a stratum per row.
    """
    keys = ["article_id", "sent_idx"]
    table = statements.assign(sent_idx=statements["sent_idx"].astype(int),
                              outlet=statements["outlet"].fillna("").replace("", "unknown") if "outlet" in statements
                              else "unknown",
                              tagged=statements["stances"].fillna("").ne("").map({True: "stance", False: "none"}))
    drawn = sample[keys].drop_duplicates().assign(sent_idx=lambda t: t["sent_idx"].astype(int), _drawn=True)
    table = table.merge(drawn, on=keys, how="left")
    table["_drawn"] = table["_drawn"].eq(True)
    counts = table.groupby(["outlet", "tagged"]).agg(corpus=("text", "size"), sample=("_drawn", "sum")).reset_index()
    counts["sample"] = counts["sample"].astype(int)
    counts["corpus_pct"] = (100 * counts["corpus"] / max(counts["corpus"].sum(), 1)).round(1)
    counts["sample_pct"] = (100 * counts["sample"] / max(counts["sample"].sum(), 1)).round(1)
    return counts[["outlet", "tagged", "corpus", "corpus_pct", "sample", "sample_pct"]]


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


_CSS = """@page{size:A4;margin:1.5cm}body{font-family:Georgia,serif;margin:1.5cm;font-size:11pt}
@media print{body{margin:0}}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;
vertical-align:top;text-align:left}.ctx{color:#555;font-size:9pt}.item{page-break-inside:avoid;break-inside:avoid;
border-top:1px solid #999;padding-top:.4em;margin-bottom:1em}.boxes span{display:inline-block;margin-right:1.2em;
white-space:nowrap}.box{display:inline-block;width:.9em;height:.9em;border:1px solid #000;margin-right:.3em;
vertical-align:middle}.line{border-bottom:1px solid #999;height:1.6em}h2{page-break-before:always;
break-before:page}"""


def _boxes(values) -> str:
    return "".join(f"<span><span class='box'></span>{html.escape(v)}</span>" for v in values)


def worksheet_html(sheet: pd.DataFrame, summary: pd.DataFrame, *, title: str = "Coding worksheet") -> str:
    """A printable page: the codebook summary (definitions, includes, excludes and examples, never the cues),
    then each statement in context with empty boxes: one per stance of the codebook and ``none``, one per
    holder side, voice side and mode, and a line for a note. It reads only the context columns of the sheet,
    so a filled sheet prints exactly as a blank one: never its answers. The same sheet gives the same bytes."""
    e = html.escape
    stance_ids = summary.loc[summary["column"] == "stances", "value"].tolist()
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{e(title)}</title><style>{_CSS}</style>"
             f"</head><body><h1>{e(title)}</h1><p>{len(sheet)} statements. For each, tick the stances it "
             "expresses (or none), whose position it is (holder side) and, if asked, who speaks (voice side) "
             "and how (mode). A statement left blank is not coded yet.</p><table><tr>"
             + "".join(f"<th>{e(c)}</th>" for c in summary.columns) + "</tr>"]
    for row in summary.itertuples(index=False):
        parts.append("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>")
    parts.append("</table><h2>Statements</h2>")
    for row in sheet.reindex(columns=CONTEXT_COLUMNS).fillna("").itertuples(index=False):
        who = ", ".join(str(x) for x in (row.outlet, row.date) if x)
        parts.append(f"<div class='item'><p><b>{e(str(row.item))}.</b> <span class='ctx'>article "
                     f"{e(str(row.article_id))}, statement {e(str(row.sent_idx))}{' (' + e(who) + ')' if who else ''}"
                     f"{'; speaker: ' + e(str(row.speaker)) if row.speaker else ''}</span></p>"
                     f"<p class='ctx'>{e(str(row.before))}</p><p><b>{e(str(row.text))}</b></p>"
                     f"<p class='ctx'>{e(str(row.after))}</p><table class='boxes'>"
                     f"<tr><th>stances</th><td>{_boxes([*stance_ids, 'none'])}</td></tr>"
                     + "".join(f"<tr><th>{column}</th><td>{_boxes(values)}</td></tr>"
                               for column, (values, _) in COLUMN_VALUES.items())
                     + "<tr><th>note</th><td class='line'></td></tr></table></div>")
    parts.append("</body></html>")
    return "\n".join(parts)


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    """A headless Chromium or Chrome on this machine (it prints the page to PDF), or None."""
    import shutil

    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def print_pdf(page: Path, pdf: Path, *, browser: str | None = None, timeout: int = 120) -> Path:
    """Print ``page`` (the worksheet's HTML) to ``pdf`` with a headless Chromium, written whole.

    Raises:
        OutputError: no browser on this machine (the HTML page prints from any browser), or printing failed.
    """
    import subprocess
    import tempfile

    from . import output_files

    browser = browser or find_browser()
    if browser is None:
        raise output_files.OutputError(f"{pdf}: no Chromium or Chrome found to print a PDF ({', '.join(BROWSERS)}); "
                                       "print the HTML page from a browser instead")
    with tempfile.TemporaryDirectory(prefix=f"{output_files.TEMP_PREFIX}{os.getpid()}-") as profile, \
            output_files.whole_file(Path(pdf)) as partial:
        done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               "--disable-background-networking", "--disable-component-update", "--disable-sync",
                               f"--user-data-dir={profile}", "--no-pdf-header-footer",
                               f"--print-to-pdf={partial}", Path(page).resolve().as_uri()],
                              capture_output=True, timeout=timeout, check=False)
        if done.returncode != 0 or not Path(partial).exists():
            raise output_files.OutputError(f"{pdf}: the browser could not print the page (exit {done.returncode})")
    return Path(pdf)


def companion_paths(out: Path, *, printable: Path | None = None, pdf: bool = False) -> dict[str, Path]:
    """The files a worksheet run writes: the sheet, its codebook summary, the printable page (``printable``,
    default beside the sheet) and, with ``pdf``, the page printed to PDF beside the page."""
    out = Path(out)
    page = Path(printable) if printable is not None else out.with_suffix(".html")
    files = {"sheet": out, "codebook": out.with_suffix(".codebook.csv"), "html": page}
    return {**files, "pdf": page.with_suffix(".pdf")} if pdf else files


def write_worksheet(corpus, out, *, n: int = 40, strategy: str = "stratified", seed: int = 7, data=None,
                    printable: Path | None = None, pdf: bool = False) -> dict:
    """Tag ``corpus``, draw ``n`` statements and write the sheet, its codebook summary and its printable page
    (``printable``: its path, default ``<sheet>.html``; ``pdf``: also the page as PDF, with a headless
    Chromium, which the HTML page does not need).

    Raises:
        OutputError: before any work, when one of the files exists (it may hold a coder's answers), when the
            page is not .html, or when a PDF is asked for and no browser can print it.
    """
    from . import output_files
    from .pipeline import DataFiles, check_output, make_tagger, tag_corpus

    data = data or DataFiles()
    targets = companion_paths(out, printable=printable, pdf=pdf)
    if targets["sheet"].suffix.lower() != ".csv":
        raise output_files.OutputError(f"{out}: a worksheet is a .csv file")
    if targets["html"].suffix.lower() not in (".html", ".htm"):
        raise output_files.OutputError(f"{targets['html']}: the printable worksheet is an .html page")
    check_output(out, corpus, data)
    for path in (targets["html"], targets.get("pdf")):
        if path is not None:   # the page may go elsewhere: never over an input, never into a missing place
            output_files.check_writable_folder(path)
            output_files.check_not_an_input(path, corpus=Path(corpus), inputs=data.paths())
            path.parent.mkdir(parents=True, exist_ok=True)
    for path in targets.values():
        if path.exists():
            raise output_files.OutputError(f"{path}: exists (it may hold someone's coding); choose another "
                                           "--out or move it away")
    browser = find_browser() if pdf else None
    if pdf and browser is None:
        raise output_files.OutputError(f"{targets['pdf']}: no Chromium or Chrome found to print a PDF "
                                       f"({', '.join(BROWSERS)}); leave out --pdf and print the HTML page from a browser")
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
    if pdf:
        written["pdf"] = print_pdf(targets["html"], targets["pdf"], browser=browser)
    return {**written, "statements": len(sheet)}
