"""Codings by people: reading any number of coding sheets, agreement between coders, adjudication.

A coding sheet is a CSV with one row per statement (``python -m analysis worksheet`` writes a blank one):
``article_id``, ``sent_idx`` and ``text`` identify the statement; a coder fills ``stances`` (``;``-joined stance
ids, empty or ``none`` for no stance), ``holder_side`` and, when the teacher asks for them, ``voice_side`` and
``mode``; ``note`` is free text. Other columns (the context a worksheet carries) are kept but not read.

- ``read_codings``: every sheet of a folder (or the files given), one coder per file, named by the file. Every
  cell is checked; a problem names the file, row and column and the closest valid value ("treaty first" ->
  ``treaty_first``). A row with all answer columns empty is *not coded yet*: it is missing, never a "no".
- ``agreement``: Krippendorff's alpha (nominal, ``krippendorff`` package) across all coders per stance and per
  column, with and without the gold; ``pairwise_kappa``: Cohen's kappa of every pair (scikit-learn).
- ``coder_vs_reference``: each coder against the gold (or an adjudicated coding).
- ``disagreements``: the statements coders split on most, with each coder's choice; ``adjudication_template``
  a file to fill with decisions and reasons; ``adjudicate`` the codes that result.

Example:
    >>> table = pd.DataFrame({"coder": ["a", "b"], "article_id": ["x", "x"], "sent_idx": [0, 0],
    ...                       "stances": ["treaty_first", "treaty_first"], "holder_side": ["russia", "japan"]})
    >>> codes_matrix(table, "holder_side").to_dict("list")
    {'a': ['russia'], 'b': ['japan']}
"""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .codebook import Codebook, load_codebook
from .datafiles import DataFileError, closest, read_table
from .vocab import HOLDER_SIDES, MODES, VOICE_SIDES

KEYS = ["article_id", "sent_idx"]
# The columns a coder fills, in sheet order; stances is a set, the others one value each.
ANSWER_COLUMNS = ["stances", "holder_side", "voice_side", "mode"]
SINGLE_VALUED = {"holder_side": HOLDER_SIDES, "voice_side": VOICE_SIDES, "mode": MODES}
# One row per coder and statement: what read_codings returns. A missing answer is NA.
CODING_COLUMNS = ["coder", "file", "row", *KEYS, "text", *ANSWER_COLUMNS, "note"]
PROBLEM_COLUMNS = ["file", "row", "column", "value", "suggestion", "problem"]
GOLD_CODER = "gold"


class CodingError(DataFileError):
    """A problem in a coding sheet; the message names the file, row and column."""


class Codings(NamedTuple):
    """What ``read_codings`` found: the codes (``CODING_COLUMNS``) and the cells it could not read."""

    table: pd.DataFrame
    problems: pd.DataFrame

    @property
    def coders(self) -> list[str]:
        return sorted(self.table["coder"].unique())


def coding_files(source) -> list[Path]:
    """The CSV sheets of a folder (sorted; hidden files and ``adjudication*.csv`` aside), a file, or a list."""
    if isinstance(source, (list, tuple)):
        return [Path(p) for p in source]
    source = Path(source)
    if source.is_dir():
        files = sorted(p for p in source.glob("*.csv") if not p.name.startswith((".", "adjudication")))
        if not files:
            raise CodingError(f"{source}: no coding sheets (.csv files) in this folder")
        return files
    if not source.exists():
        raise CodingError(f"{source}: no such coding file or folder")
    return [source]


def _problem(path, row, column, value, suggestion, problem) -> dict:
    return {"file": str(path), "row": row, "column": column, "value": value, "suggestion": suggestion,
            "problem": problem}


def _read_stances(path, row, value, stance_ids, problems) -> str | None:
    labels = [label.strip() for label in value.split(";") if label.strip()]
    good = []
    for label in labels:
        if label in stance_ids:
            good.append(label)
        elif label.lower() == "none" and len(labels) == 1:
            continue
        else:
            near = closest(label, stance_ids)
            problems.append(_problem(path, row, "stances", label, near, "not a stance id of the codebook"))
            return None
    return ";".join(sorted(set(good)))


def read_sheet(path, *, codebook: Codebook, coder: str | None = None) -> Codings:
    """One coder's sheet: the coded rows (``CODING_COLUMNS``) and the problems found in its cells."""
    path = Path(path)
    raw = read_table(path, required=KEYS + ["stances", "holder_side"], error=CodingError)
    coder = coder or path.stem
    problems, rows = [], []
    for number, record in enumerate(raw.to_dict("records"), start=2):   # row 1 is the header
        answers = {c: str(record.get(c, "") or "").strip() for c in ANSWER_COLUMNS}
        if not any(answers.values()):
            continue   # not coded yet
        sent_idx = str(record["sent_idx"]).strip()
        if not sent_idx.isdigit():
            problems.append(_problem(path, number, "sent_idx", sent_idx, "", "not a statement number"))
            continue
        row = {"coder": coder, "file": str(path), "row": number, "article_id": str(record["article_id"]).strip(),
               "sent_idx": int(sent_idx), "text": str(record.get("text", "") or ""),
               "note": str(record.get("note", "") or "")}
        row["stances"] = _read_stances(path, number, answers["stances"], codebook.stance_ids, problems)
        for column, allowed in SINGLE_VALUED.items():
            value = answers[column]
            if not value:
                row[column] = None
            elif value in allowed:
                row[column] = value
            else:
                problems.append(_problem(path, number, column, value, closest(value, allowed),
                                         f"not one of {', '.join(allowed)}"))
                row[column] = None
        rows.append(row)
    table = pd.DataFrame(rows, columns=CODING_COLUMNS)
    repeated = table[table.duplicated(KEYS, keep="first")]
    for row in repeated.itertuples(index=False):
        problems.append(_problem(path, row.row, "sent_idx", f"{row.article_id}/{row.sent_idx}", "",
                                 "the statement is coded twice in this sheet (the first row counts)"))
    table = table.drop_duplicates(KEYS, keep="first")
    return Codings(table.reset_index(drop=True), pd.DataFrame(problems, columns=PROBLEM_COLUMNS))


def problem_line(problem: dict) -> str:
    """One problem as the line a teacher reads: file, row, column, the value and the closest valid one."""
    hint = f"; did you mean {problem['suggestion']!r}?" if problem["suggestion"] else ""
    return (f"{problem['file']}: row {problem['row']}, column {problem['column']}: {problem['value']!r} is "
            f"{problem['problem']}{hint}")


def read_codings(source, *, codebook: Codebook | None = None, strict: bool = True) -> Codings:
    """Every coder's sheet in ``source`` (a folder, a file or a list of files), one coder per file.

    Args:
        strict: raise ``CodingError`` on the first problem (with how many more there are); otherwise a cell
            that cannot be read counts as not coded and is listed in ``problems``.
    Returns:
        ``Codings``: the codes, one row per coder and coded statement, and the problems.
    """
    codebook = codebook or load_codebook()
    parts = [read_sheet(path, codebook=codebook) for path in coding_files(source)]
    problems = pd.concat([p.problems for p in parts], ignore_index=True)
    if strict and len(problems):
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise CodingError(problem_line(problems.iloc[0].to_dict()) + more)
    table = pd.concat([p.table for p in parts], ignore_index=True)
    return Codings(table.reindex(columns=CODING_COLUMNS), problems)


def gold_as_coder(gold: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """The gold's codes of the statements in ``statements`` (article_id, sent_idx), as a coder named gold."""
    keys = statements[KEYS].drop_duplicates().assign(sent_idx=lambda t: t["sent_idx"].astype(int))
    right = gold.assign(sent_idx=gold["sent_idx"].astype(int))
    table = keys.merge(right, on=KEYS, how="inner")
    table = table.assign(coder=GOLD_CODER, file="gold", row=0, note="",
                         stances=table["stances"].map(lambda v: ";".join(sorted(x for x in str(v).split(";") if x))))
    return table.reindex(columns=CODING_COLUMNS)


# ------------------------------------------------------------------------------------------------ agreement

def codes_matrix(table: pd.DataFrame, column: str, stance: str | None = None) -> pd.DataFrame:
    """Statements x coders: each coder's value of ``column`` (for a stance: whether the coder gave it, as
    "yes"/"no"); NA where the coder has not coded it."""
    values = table[KEYS + ["coder", column]].copy()
    if stance is not None:
        values[column] = values[column].map(lambda v: v if pd.isna(v) else ("yes" if stance in v.split(";") else "no"))
    wide = values.pivot(index=KEYS, columns="coder", values=column)
    wide.columns.name = None
    return wide.sort_index()


def krippendorff_alpha(matrix: pd.DataFrame) -> float:
    """Nominal Krippendorff's alpha of a statements x coders table with missing values (NA), with the
    ``krippendorff`` package; NaN when there is no variation at all (alpha is undefined)."""
    import krippendorff

    values = sorted({v for v in matrix.to_numpy().ravel() if not pd.isna(v)})
    if len(values) < 2:
        return float("nan")
    index = {v: i for i, v in enumerate(values)}
    data = np.array([[np.nan if pd.isna(v) else index[v] for v in matrix[c]] for c in matrix.columns], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _fields(table: pd.DataFrame, stance_ids: list[str]):
    """(field, label, matrix) for each stance and each single-valued column someone coded."""
    for stance in stance_ids:
        yield "stances", stance, codes_matrix(table, "stances", stance)
    for column in SINGLE_VALUED:
        if table[column].notna().any():
            yield column, "(all values)", codes_matrix(table, column)


def agreement(table: pd.DataFrame, stance_ids: list[str], *, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Krippendorff's alpha across all coders per stance (present or not) and per column, without and (given
    the gold's rows, ``gold_as_coder``) with the gold as one more coder.

    Returns:
        field, label, coders ("coders" or "coders + gold"), n_coders, statements (coded by two or more), alpha.
    """
    sets = [("coders", table)]
    if gold is not None and len(gold):
        sets.append(("coders + gold", pd.concat([table, gold], ignore_index=True)))
    rows = []
    for name, part in sets:
        for field, label, matrix in _fields(part, stance_ids):
            pairable = matrix[matrix.notna().sum(axis=1) >= 2]
            rows.append({"field": field, "label": label, "coders": name, "n_coders": matrix.shape[1],
                         "statements": len(pairable), "alpha": krippendorff_alpha(pairable)})
    return pd.DataFrame(rows, columns=["field", "label", "coders", "n_coders", "statements", "alpha"])


def pairwise_kappa(table: pd.DataFrame, stance_ids: list[str], *, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Cohen's kappa and observed agreement of every pair of coders (and each coder with the gold, when
    given), per stance and per column, on the statements both coded.

    Returns:
        coder_a, coder_b, field, label, statements, agreement_pct, cohen_kappa (NaN when undefined).
    """
    from .evaluation import cohen_kappa

    if gold is not None and len(gold):
        table = pd.concat([table, gold], ignore_index=True)
    coders = sorted(table["coder"].unique(), key=lambda c: (c == GOLD_CODER, c))
    rows = []
    for field, label, matrix in _fields(table, stance_ids):
        for a, b in itertools.combinations(coders, 2):
            if a not in matrix or b not in matrix:
                continue
            both = matrix[[a, b]].dropna()
            agree = (both[a] == both[b]).mean() * 100 if len(both) else float("nan")
            rows.append({"coder_a": a, "coder_b": b, "field": field, "label": label, "statements": len(both),
                         "agreement_pct": float(agree),
                         "cohen_kappa": cohen_kappa(both[a], both[b]) if len(both) else float("nan")})
    return pd.DataFrame(rows, columns=["coder_a", "coder_b", "field", "label", "statements", "agreement_pct",
                                       "cohen_kappa"])


def coder_vs_reference(table: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Each coder against a reference coding (the gold): statements compared, exact stance sets matching,
    holder_side matching, and stances missed and added in all.

    Returns:
        coder, statements, stances_match_pct, holder_match_pct, missed, added.
    """
    ref = reference[KEYS + ["stances", "holder_side"]]
    both = table.merge(ref, on=KEYS, suffixes=("", "_ref"))
    rows = []
    for coder, part in both.groupby("coder", sort=True):
        part = part[part["stances"].notna()]
        mine = [set(filter(None, s.split(";"))) for s in part["stances"]]
        theirs = [set(filter(None, str(s).split(";"))) for s in part["stances_ref"]]
        holder = part[part["holder_side"].notna()]
        rows.append({"coder": coder, "statements": len(part),
                     "stances_match_pct": 100 * float(np.mean([m == t for m, t in zip(mine, theirs)])) if len(part) else float("nan"),
                     "holder_match_pct": 100 * float((holder["holder_side"] == holder["holder_side_ref"]).mean()) if len(holder) else float("nan"),
                     "missed": sum(len(t - m) for m, t in zip(mine, theirs)),
                     "added": sum(len(m - t) for m, t in zip(mine, theirs))})
    return pd.DataFrame(rows, columns=["coder", "statements", "stances_match_pct", "holder_match_pct", "missed",
                                       "added"])


def _split_score(values) -> int:
    """How far a statement's coders are from all agreeing: coders outside the largest group."""
    values = [v for v in values if not pd.isna(v)]
    if not values:
        return 0
    return len(values) - pd.Series(values).value_counts().iloc[0]


def disagreements(table: pd.DataFrame, stance_ids: list[str], *, k: int = 10) -> pd.DataFrame:
    """The statements coders split on most, with each coder's stances and holder.

    ``split`` counts, over every stance and holder_side, the coders outside the largest group (two coders
    who differ on one stance: 1). Ties are ordered by article and statement.

    Returns:
        article_id, sent_idx, text, coders, split, then one column per coder: "stances | holder_side".
    """
    if table.empty:
        return pd.DataFrame(columns=KEYS + ["text", "coders", "split"])
    score = sum(codes_matrix(table, "stances", s).apply(_split_score, axis=1) for s in stance_ids)
    score = score + codes_matrix(table, "holder_side").apply(_split_score, axis=1)
    choice = table.assign(choice=table["stances"].fillna("?").replace("", "(none)") + " | "
                          + table["holder_side"].fillna("?"))
    wide = choice.pivot(index=KEYS, columns="coder", values="choice").fillna("")
    wide.columns.name = None
    texts = table[table["text"] != ""].drop_duplicates(KEYS).set_index(KEYS)["text"]
    out = wide.assign(text=texts.reindex(wide.index).fillna(""), split=score.reindex(wide.index),
                      coders=table.groupby(KEYS)["coder"].nunique().reindex(wide.index))
    out = out.reset_index().sort_values(["split", "article_id", "sent_idx"], ascending=[False, True, True])
    out = out[out["split"] > 0].head(k)
    return out[KEYS + ["text", "coders", "split", *sorted(wide.columns)]].reset_index(drop=True)


ADJUDICATION_COLUMNS = [*KEYS, "text", "field", "choices", "decision", "reason"]


def adjudication_template(table: pd.DataFrame, stance_ids: list[str]) -> pd.DataFrame:
    """One row per statement and column on which the coders differ, with every coder's choice, and empty
    ``decision`` and ``reason`` for the adjudicator (the format of data/annotations/adjudication.csv)."""
    rows = []
    texts = table.drop_duplicates(KEYS).set_index(KEYS)["text"]
    for column in ["stances", *SINGLE_VALUED]:
        matrix = codes_matrix(table, column)
        for key, values in matrix.iterrows():
            given = values.dropna()
            if given.nunique() > 1:
                choices = "; ".join(f"{coder}: {value or '(none)'}" for coder, value in given.items())
                rows.append({"article_id": key[0], "sent_idx": key[1], "text": texts.get(key, ""), "field": column,
                             "choices": choices, "decision": "", "reason": ""})
    out = pd.DataFrame(rows, columns=ADJUDICATION_COLUMNS)
    return out.sort_values(KEYS, kind="stable").reset_index(drop=True)


def read_adjudication(path, *, codebook: Codebook | None = None) -> pd.DataFrame:
    """A filled adjudication file; only rows with a decision count (a stance decision may be empty only when
    its reason says so: an empty decision with a reason means "no stance")."""
    codebook = codebook or load_codebook()
    raw = read_table(path, required=[*KEYS, "field", "decision"], error=CodingError)
    rows = []
    for number, record in enumerate(raw.to_dict("records"), start=2):
        field, decision = record["field"].strip(), record["decision"].strip()
        reason = str(record.get("reason", "") or "").strip()
        if field not in ANSWER_COLUMNS:
            raise CodingError(f"{path}: row {number}, column field: {field!r} is not one of "
                              f"{', '.join(ANSWER_COLUMNS)}")
        if not decision and not (field == "stances" and reason):
            continue
        if field == "stances":
            problems = []
            decision = _read_stances(path, number, decision, codebook.stance_ids, problems)
            if problems:
                raise CodingError(problem_line(problems[0]))
        elif decision not in SINGLE_VALUED[field]:
            near = closest(decision, SINGLE_VALUED[field])
            raise CodingError(problem_line(_problem(path, number, "decision", decision, near,
                                                    f"not a valid {field}")))
        rows.append({"article_id": record["article_id"].strip(), "sent_idx": int(record["sent_idx"]),
                     "field": field, "decision": decision, "reason": reason})
    return pd.DataFrame(rows, columns=[*KEYS, "field", "decision", "reason"])


def adjudicate(table: pd.DataFrame, adjudication: pd.DataFrame | None = None) -> pd.DataFrame:
    """One code per statement: the adjudicator's decision where there is one, else the value most coders
    chose (ties: left undecided, NA). Returns article_id, sent_idx, text and the answer columns."""
    decisions = {} if adjudication is None else {
        (r.article_id, r.sent_idx, r.field): r.decision for r in adjudication.itertuples(index=False)}
    texts = table.drop_duplicates(KEYS).set_index(KEYS)["text"]
    out = pd.DataFrame(index=texts.index)
    out["text"] = texts
    for column in ANSWER_COLUMNS:
        matrix = codes_matrix(table, column)
        values = []
        for key, row in matrix.reindex(out.index).iterrows():
            if (*key, column) in decisions:
                values.append(decisions[(*key, column)])
                continue
            counts = row.dropna().value_counts()
            values.append(counts.index[0] if len(counts) and (len(counts) == 1 or counts.iloc[0] > counts.iloc[1])
                          else None)
        out[column] = values
    return out.reset_index()


CLASS_SETTINGS = "class.yaml"


def read_class_settings(folder) -> dict:
    """A class folder's ``class.yaml`` (``publish_answers``: whether the pages show the gold and the
    adjudication's reasons); without the file the answers stay hidden."""
    from .datafiles import check_keys, fail, read_yaml

    path = Path(folder) / CLASS_SETTINGS if Path(folder).is_dir() else Path(folder).with_name(CLASS_SETTINGS)
    if not path.exists():
        return {"publish_answers": False}
    settings = read_yaml(path, CodingError) or {}
    check_keys(path, "settings", settings, {"publish_answers"}, CodingError)
    if not isinstance(settings.get("publish_answers", False), bool):
        fail(path, "publish_answers", f"must be true or false, got {settings['publish_answers']!r}", CodingError)
    return {"publish_answers": settings.get("publish_answers", False)}
