"""Gold annotations, agreement between coders, and honest evaluation of the taggers.

- ``build_gold``: the adjudicated gold from two independent codings plus the adjudication table.
- ``agreement_table``: Cohen's kappa and Krippendorff's alpha (nominal) per label between the coders.
- ``leave_one_article_out``: cross-validation in which the test article's reused background paragraphs
  (``boilerplate_group``) are also removed from training, so a paragraph never sits in both folds.
- ``stance_scores``, ``attribution_accuracy``, ``cue_diagnostics``, ``worst_errors``.
- ``apply_coding``: a coded table (the gold) laid over the statement table, to draw every chart from it.
- the tables of notebook 02 (``codebook_table``, ``tagger_comparison_table``, ``tagger_scores_table``,
  ``kappa_table``) and of notebook 05 (``read_classroom``, ``classroom_comparison``, ``classroom_agreement``).
"""
from __future__ import annotations

from dataclasses import dataclass

import warnings
from collections import Counter

import numpy as np
import pandas as pd

from . import paths
from .codebook import Codebook, load_codebook
from .datafiles import DataFileError, check_labels, check_value, read_table
from .stance import CodebookTagger, StanceClassifier, split_labels
from .vocab import HOLDER_SIDES, MODES, VOICE_SIDES

GOLD_COLUMNS = ["article_id", "sent_idx", "text", "stances", "holder_side", "voice_side", "speaker", "mode",
                "frames"]
CODED_FIELDS = ["stances", "holder_side", "voice_side", "speaker", "mode", "frames"]
ATTRIBUTION_FIELDS = ["mode", "speaker", "voice_side", "holder_side"]


class AnnotationError(DataFileError):
    """A problem in an annotation file; the message names the file, row and column."""


def read_coded(path, *, codebook: Codebook | None = None) -> pd.DataFrame:
    """Read a coded table (gold, a coder's file, challenge or dev) and validate its label vocabularies."""
    codebook = codebook or load_codebook()
    required = ["article_id", "sent_idx", "stances", "holder_side", "voice_side", "speaker", "mode", "frames"]
    table = read_table(path, required=required, error=AnnotationError).astype(str)
    vocab = {"holder_side": HOLDER_SIDES, "voice_side": VOICE_SIDES, "mode": MODES}
    # The check of each column, given the row number and the cell, in the order a row is checked.
    checks = {"stances": lambda row, value: check_labels(path, row, "stances", value, codebook.stance_ids,
                                                         AnnotationError),
              "frames": lambda row, value: check_labels(path, row, "frames", value, codebook.frame_ids,
                                                        AnnotationError),
              **{column: (lambda row, value, column=column, allowed=allowed:
                          check_value(path, row, column, value, allowed, AnnotationError))
                 for column, allowed in vocab.items()},
              "sent_idx": lambda row, value: _check_number(path, row, value)}
    # Each distinct value is checked once; only the rows holding a bad one are checked row by row, in order,
    # so the message names the first bad row as a check of every row would.
    bad = np.zeros(len(table), dtype=bool)
    for column, check in checks.items():
        wrong = {value for value in table[column].unique() if not _passes(check, value)}
        if wrong:
            bad |= table[column].isin(wrong).to_numpy()
    for number in np.flatnonzero(bad):
        for column, check in checks.items():
            check(int(number) + 2, table[column].iat[number])
    table["sent_idx"] = table["sent_idx"].astype(int)
    return table


def _passes(check, value: str) -> bool:
    try:
        check(0, value)
    except AnnotationError:
        return False
    return True


def _check_number(path, row: int, value: str) -> None:
    if not value.strip().isdigit():
        raise AnnotationError(f"{path}: row {row}, column sent_idx: {value!r} is not a number")


def _normalise_labels(value: str) -> str:
    return ";".join(sorted(label for label in str(value).split(";") if label))


def build_gold(coder_a: pd.DataFrame, coder_b: pd.DataFrame, adjudication: pd.DataFrame,
               texts: pd.DataFrame) -> pd.DataFrame:
    """Agreed values where the coders agree, the adjudicated decision where they do not.

    Raises if a disagreement has no adjudication, so the gold never silently takes one coder's side.
    """
    keys = ["article_id", "sent_idx"]
    merged = texts[keys + ["text"]].merge(coder_a, on=keys, how="left", validate="1:1")
    merged = merged.merge(coder_b, on=keys, how="left", suffixes=("_a", "_b"), validate="1:1")
    decisions = {(r.article_id, int(r.sent_idx), r.field): r.decision for r in adjudication.itertuples()}
    gold = merged[keys + ["text"]].copy()
    for field in CODED_FIELDS:
        values = []
        for row in merged.itertuples(index=False):
            a, b = getattr(row, f"{field}_a"), getattr(row, f"{field}_b")
            if field in ("stances", "frames"):
                a, b = _normalise_labels(a), _normalise_labels(b)
            key = (row.article_id, row.sent_idx, field)
            if key in decisions:
                values.append(_normalise_labels(decisions[key]) if field in ("stances", "frames") else decisions[key])
            elif a == b:
                values.append(a)
            else:
                raise AnnotationError(f"{row.article_id}/{row.sent_idx} {field}: coders differ ({a!r} vs {b!r}) "
                                      "and adjudication.csv has no decision")
        gold[field] = values
    return gold[GOLD_COLUMNS]


def cohen_kappa(a, b) -> float:
    from sklearn.metrics import cohen_kappa_score

    a, b = list(a), list(b)
    if len(set(a) | set(b)) < 2:
        return float("nan")
    return float(cohen_kappa_score(a, b))


def krippendorff_alpha_nominal(a, b) -> float:
    """Krippendorff's alpha for two coders, nominal data, no missing values.

    >>> round(krippendorff_alpha_nominal([1, 1, 0, 0], [1, 1, 0, 1]), 3)
    0.533
    """
    pairs = Counter()
    for x, y in zip(a, b):
        pairs[(x, y)] += 1
        pairs[(y, x)] += 1
    n_c = Counter()
    for (x, _), count in pairs.items():
        n_c[x] += count
    n = sum(n_c.values())
    if n <= 1 or len(n_c) < 2:
        return float("nan")
    observed = sum(count for (x, y), count in pairs.items() if x != y) / n
    expected = sum(n_c[x] * n_c[y] for x in n_c for y in n_c if x != y) / (n * (n - 1))
    return float(1 - observed / expected)


def agreement_table(coder_a: pd.DataFrame, coder_b: pd.DataFrame, codebook: Codebook | None = None) -> pd.DataFrame:
    """Agreement per label between two codings of the same statements."""
    codebook = codebook or load_codebook()
    keys = ["article_id", "sent_idx"]
    both = coder_a.merge(coder_b, on=keys, suffixes=("_a", "_b"), validate="1:1")
    rows = []

    def add(field, label, a, b):
        a, b = list(a), list(b)
        rows.append({"field": field, "label": label, "n": len(a),
                     "positives_a": sum(1 for x in a if x is True) if isinstance(a[0], (bool, np.bool_)) else None,
                     "positives_b": sum(1 for x in b if x is True) if isinstance(b[0], (bool, np.bool_)) else None,
                     "agreement": float(np.mean([x == y for x, y in zip(a, b)])),
                     "cohen_kappa": cohen_kappa(a, b), "krippendorff_alpha": krippendorff_alpha_nominal(a, b)})

    for field, ids in (("stances", codebook.stance_ids), ("frames", codebook.frame_ids)):
        sets_a = [set(split_labels([v])[0]) for v in both[f"{field}_a"]]
        sets_b = [set(split_labels([v])[0]) for v in both[f"{field}_b"]]
        for label in ids:
            add(field, label, [label in s for s in sets_a], [label in s for s in sets_b])
    for field in ("holder_side", "voice_side", "speaker", "mode"):
        add(field, "(all values)", both[f"{field}_a"], both[f"{field}_b"])
    return pd.DataFrame(rows)


def stance_scores(gold_stances, predicted_stances, labels: list[str]) -> pd.DataFrame:
    """Per-stance precision, recall, F1 and support, plus a macro average row."""
    from sklearn.metrics import precision_recall_fscore_support
    from sklearn.preprocessing import MultiLabelBinarizer

    binarizer = MultiLabelBinarizer(classes=labels)
    truth = binarizer.fit_transform(split_labels(gold_stances))
    guess = binarizer.transform(split_labels(predicted_stances))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        precision, recall, f1, support = precision_recall_fscore_support(truth, guess, zero_division=0)
    table = pd.DataFrame({"stance": labels, "precision": precision, "recall": recall, "f1": f1,
                          "support": support, "predicted": guess.sum(axis=0)})
    macro = pd.DataFrame([{"stance": "macro", "precision": precision.mean(), "recall": recall.mean(),
                           "f1": f1.mean(), "support": int(support.sum()), "predicted": int(guess.sum())}])
    return pd.concat([table, macro], ignore_index=True)


def prevalence_adjusted_scores(gold_stances, predicted_stances, labels: list[str],
                               prevalence: dict[str, float]) -> pd.DataFrame:
    """Per-stance F1 expected in a corpus where each stance has the given prevalence.

    A test set written to exercise the taggers holds far more stance statements than news does (the challenge
    set: 63 % of statements carry a stance; the seed articles: 26 %). Precision depends on that share, so a
    tagger that over-predicts looks better on the test set than it will be on real articles. From the test
    set we keep each stance's true-positive rate (on statements holding it) and false-positive rate (on the
    others) and recombine them at the target prevalence: F1 = 2 TPR p / (2 TPR p + FPR (1 - p) + (1 - TPR) p).
    """
    truth = [set(s) for s in split_labels(gold_stances)]
    guess = [set(s) for s in split_labels(predicted_stances)]
    rows = []
    for label in labels:
        positives = [label in g for t, g in zip(truth, guess) if label in t]
        negatives = [label in g for t, g in zip(truth, guess) if label not in t]
        tpr = float(np.mean(positives)) if positives else float("nan")
        fpr = float(np.mean(negatives)) if negatives else float("nan")
        p = prevalence[label]
        denominator = 2 * tpr * p + fpr * (1 - p) + (1 - tpr) * p
        rows.append({"stance": label, "tpr": tpr, "fpr": fpr, "prevalence": p,
                     "f1": 2 * tpr * p / denominator if denominator else 0.0})
    table = pd.DataFrame(rows)
    macro = {"stance": "macro", "tpr": table["tpr"].mean(), "fpr": table["fpr"].mean(),
             "prevalence": float("nan"), "f1": table["f1"].mean()}
    return pd.concat([table, pd.DataFrame([macro])], ignore_index=True)


def prevalence(stance_column, labels: list[str]) -> dict[str, float]:
    """Share of statements holding each stance."""
    sets = [set(s) for s in split_labels(stance_column)]
    return {label: float(np.mean([label in s for s in sets])) for label in labels}


def attribution_accuracy(gold: pd.DataFrame, predicted: pd.DataFrame) -> pd.DataFrame:
    """Accuracy of mode, speaker, voice_side and holder_side against gold, matched on article and sentence."""
    keys = ["article_id", "sent_idx"]
    both = gold.merge(predicted, on=keys, suffixes=("_gold", "_pred"), validate="1:1")
    rows = []
    for field in ATTRIBUTION_FIELDS:
        correct = both[f"{field}_gold"] == both[f"{field}_pred"]
        rows.append({"field": field, "n": len(both), "correct": int(correct.sum()), "accuracy": float(correct.mean())})
    return pd.DataFrame(rows)


def leave_one_article_out(gold: pd.DataFrame, statements: pd.DataFrame, *, extra_training: pd.DataFrame | None = None,
                          codebook: Codebook | None = None) -> pd.DataFrame:
    """Classifier predictions for each gold statement from a model that never saw its article, nor any
    reused background paragraph that also appears in its article.

    Args:
        gold: coded statements (article_id, sent_idx, text, stances).
        statements: the statement table with boilerplate_group, to know which paragraphs recur.
        extra_training: coded statements from outside the gold (the dev set of other outlets), always in
            training.
    Returns:
        gold's keys with the predicted stances, and how many training rows the fold dropped for leakage.
    """
    codebook = codebook or load_codebook()
    keys = ["article_id", "sent_idx"]
    table = gold.merge(statements[keys + ["boilerplate_group"]], on=keys, how="left", validate="1:1")
    table["boilerplate_group"] = table["boilerplate_group"].fillna("")
    out = []
    for article_id in sorted(table["article_id"].unique()):
        test = table[table["article_id"] == article_id]
        groups = set(test["boilerplate_group"]) - {""}
        leak = table["boilerplate_group"].isin(groups) & (table["article_id"] != article_id)
        train = table[(table["article_id"] != article_id) & ~leak]
        if extra_training is not None:
            train = pd.concat([train[["text", "stances"]], extra_training[["text", "stances"]]], ignore_index=True)
        model = StanceClassifier(codebook).fit(train["text"], train["stances"])
        predicted = model.predict(test["text"])
        fold = test[keys].copy()
        fold["predicted"] = [";".join(p) for p in predicted]
        fold["dropped_for_leakage"] = int(leak.sum())
        out.append(fold)
    return pd.concat(out, ignore_index=True)


def cue_diagnostics(statements: pd.DataFrame, gold_stances=None, *, codebook: Codebook | None = None) -> pd.DataFrame:
    """Per cue, as snorkel's labeling-function summary: coverage, precision against gold, overlaps and
    conflicts with other stances' cues.

    A cue's hit counts when it survives negation and the longest-match rule inside its stance. ``overlaps``
    counts statements where another stance's cue fired too and the gold holds both; ``conflicts`` those where
    another stance fired and the gold does not hold this cue's stance.
    """
    codebook = codebook or load_codebook()
    tagger = CodebookTagger(codebook)
    results = tagger.tag_texts(statements["text"])
    gold_sets = [set(s) for s in split_labels(gold_stances)] if gold_stances is not None else None
    rows = []
    for cue in codebook.cues():
        hits = [i for i, r in enumerate(results) if any(e.cue == cue.id for e in r["evidence"])]
        negated = sum(1 for r in results if any(e.cue == cue.id for e in r["suppressed"]))
        other = [i for i in hits if set(results[i]["stances"]) - {cue.label_id}]
        row = {"stance": cue.label_id, "cue": cue.id, "fires": len(hits), "negated": negated,
               "coverage": len(hits) / max(1, len(results)), "with_other_stance": len(other)}
        if gold_sets is not None:
            correct = sum(1 for i in hits if cue.label_id in gold_sets[i])
            row["correct"] = correct
            row["precision"] = correct / len(hits) if hits else float("nan")
            row["overlaps"] = sum(1 for i in other if cue.label_id in gold_sets[i])
            row["conflicts"] = sum(1 for i in other if cue.label_id not in gold_sets[i])
        rows.append(row)
    return pd.DataFrame(rows)


def worst_errors(gold: pd.DataFrame, predicted: pd.DataFrame, *, column: str = "stances", k: int = 10) -> pd.DataFrame:
    """The statements where a tagger is most wrong: the most stance labels missed or invented."""
    keys = ["article_id", "sent_idx"]
    both = gold[keys + ["text", "stances"]].merge(predicted[keys + [column]].rename(columns={column: "predicted"}),
                                                   on=keys, validate="1:1")
    truth = [set(s) for s in split_labels(both["stances"])]
    guess = [set(s) for s in split_labels(both["predicted"])]
    both["missed"] = [";".join(sorted(t - g)) for t, g in zip(truth, guess)]
    both["invented"] = [";".join(sorted(g - t)) for t, g in zip(truth, guess)]
    both["errors"] = [len(t ^ g) for t, g in zip(truth, guess)]
    wrong = both[both["errors"] > 0].sort_values(["errors", "article_id", "sent_idx"], ascending=[False, True, True])
    return wrong.head(k).reset_index(drop=True)


def load_gold() -> pd.DataFrame:
    return read_coded(paths.GOLD)


def statements_from_coded(coded: pd.DataFrame) -> pd.DataFrame:
    """A statement table for coded sets that are not articles (challenge, dev): each pseudo-article's
    sentences in order, one paragraph per sentence, sentence 0 the headline."""
    table = coded[["article_id", "sent_idx", "text"]].copy().sort_values(["article_id", "sent_idx"], kind="stable")
    table["para_idx"] = table["sent_idx"]
    table["is_headline"] = table["sent_idx"] == 0
    table["is_lead"] = table["sent_idx"] == 1
    table["is_heading"] = False
    table["section"] = "body"
    table["is_boilerplate"] = False
    table["boilerplate_group"] = ""
    return table.reset_index(drop=True)


# ------------------------------------------------------------------ coded tables laid over the statements

def apply_coding(statements: pd.DataFrame, coded: pd.DataFrame, *, name: str = "gold") -> pd.DataFrame:
    """The statement table with the ``CODED_FIELDS`` of a coded table (the gold, a coder's file) laid over it, so every table and
    chart can be drawn from the gold as well as from the tagger; ``tagger`` becomes ``name``.

    Raises:
        ValueError: when the coded table does not cover exactly the statements of the table.
    """
    keys = ["article_id", "sent_idx"]
    fields = [c for c in CODED_FIELDS if c in coded.columns]
    left = statements.assign(sent_idx=statements["sent_idx"].astype(int))
    right = coded[keys + fields].assign(sent_idx=coded["sent_idx"].astype(int))
    merged = left.drop(columns=fields).merge(right, on=keys, how="left", validate="1:1", indicator=True)
    missing = merged[merged["_merge"] != "both"]
    extra = len(right) - (len(merged) - len(missing))
    if len(missing) or extra:
        first = missing[keys].head(3).to_dict("records")
        raise ValueError(f"coded table does not match the statements: {len(missing)} statement(s) not coded "
                         f"(first: {first}), {extra} coded row(s) without a statement")
    out = merged.drop(columns=["_merge"])[list(statements.columns)]
    out["tagger"] = name
    return out


@dataclass(frozen=True)
class CodedPart:
    """The statements a coded table covers, with its coding laid over them (``apply_coding``), and how
    many statements of the table it does not cover (an article added to the corpus, a text changed since it
    was coded), in which articles."""

    statements: pd.DataFrame
    total: int
    skipped: int
    skipped_articles: tuple

    def line(self, name: str = "gold") -> str:
        """One sentence for the reader: how much the coding covers and what is left out."""
        covered = self.total - self.skipped
        if not covered:
            return f"The {name} covers none of the {self.total} statements of this corpus: no {name} chart."
        if not self.skipped:
            return f"The {name} covers all {self.total} statements of this corpus."
        articles = ", ".join(self.skipped_articles[:5]) + (" ..." if len(self.skipped_articles) > 5 else "")
        return (f"The {name} covers {covered} of the {self.total} statements of this corpus; the {self.skipped} it "
                f"does not cover (article{'s' if len(self.skipped_articles) > 1 else ''} {articles}) are left out "
                f"of the {name} chart.")


def coded_part(statements: pd.DataFrame, coded: pd.DataFrame, *, name: str = "gold") -> CodedPart:
    """The statements whose article, number and text the coded table has, with its coding laid over them.

    Unlike ``apply_coding``, statements the coding does not cover are skipped and counted, not an error: a
    student who adds an article to the seed corpus still gets the gold chart of the articles it covers.

    >>> table = pd.DataFrame({"article_id": ["000", "009"], "sent_idx": [0, 0], "text": ["a", "b"], "stances": ["", ""],
    ...                       "holder_side": ["none"] * 2, "voice_side": ["outlet"] * 2, "speaker": ["", ""],
    ...                       "mode": ["narration"] * 2, "frames": ["", ""], "tagger": ["codebook"] * 2})
    >>> part = coded_part(table, table.iloc[:1].assign(stances="treaty_first"))
    >>> part.statements["stances"].tolist(), part.skipped, part.skipped_articles
    (['treaty_first'], 1, ('009',))
    """
    keys = ["article_id", "sent_idx"]
    right = coded.assign(sent_idx=coded["sent_idx"].astype(int))
    right = right[keys + (["text"] if "text" in right.columns else [])].drop_duplicates(keys)
    left = statements.assign(sent_idx=statements["sent_idx"].astype(int))
    merged = left[keys + ["text"]].merge(right, on=keys, how="left", suffixes=("", "_coded"), indicator=True)
    covered = (merged["_merge"] == "both").to_numpy().copy()
    if "text_coded" in merged.columns:
        covered &= (merged["text"].astype(str) == merged["text_coded"].astype(str)).to_numpy()
    part = statements[covered]
    coded_keys = set(zip(part["article_id"], part["sent_idx"].astype(int)))
    laid = apply_coding(part, coded[[(a, int(i)) in coded_keys for a, i in zip(coded["article_id"], coded["sent_idx"])]],
                        name=name) if len(part) else part
    skipped = statements[~covered]
    return CodedPart(laid.reset_index(drop=True), len(statements), len(skipped),
                     tuple(sorted(skipped["article_id"].astype(str).unique())))


# ------------------------------------------------------------------------ tables of notebook 02 (tagging)

def codebook_table(codebook: Codebook | None = None, statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """The codebook's stances and frames: kind, id, label, definition, number of cues, default holder, and
    (with a statement table) how many statements their cues tag."""
    codebook = codebook or load_codebook()
    rows = []
    for kind, labels in (("stance", codebook.stances), ("frame", codebook.frames)):
        for label in labels:
            row = {"kind": kind, "id": label.id, "label": label.label, "definition": label.definition,
                   "cues": len(label.cues), "default_holder": label.default_holder}
            if statements is not None:
                column = "stances" if kind == "stance" else "frames"
                row["statements"] = int(statements[column].fillna("").str.split(";").apply(
                    lambda ids, i=label.id: i in ids).sum())
            rows.append(row)
    return pd.DataFrame(rows)


def tagger_comparison_table(gold: pd.DataFrame, **predicted: pd.DataFrame) -> pd.DataFrame:
    """Gold stances next to each tagger's, matched on article and sentence.

    Args:
        gold: coded table with article_id, sent_idx, text, stances.
        predicted: name -> table with article_id, sent_idx and ``stances`` (or ``predicted``).
    Returns:
        article_id, sent_idx, text, gold, one column per tagger, and ``all_agree``.
    """
    keys = ["article_id", "sent_idx"]
    out = gold[keys + ["text", "stances"]].rename(columns={"stances": "gold"})
    out = out.assign(sent_idx=out["sent_idx"].astype(int))
    for name, table in predicted.items():
        column = "stances" if "stances" in table.columns else "predicted"
        right = table[keys + [column]].rename(columns={column: name})
        out = out.merge(right.assign(sent_idx=right["sent_idx"].astype(int)), on=keys, how="left", validate="1:1")
    label_cols = ["gold"] + list(predicted)
    for column in label_cols:
        out[column] = out[column].fillna("").map(_normalise_labels)
    out["all_agree"] = out[label_cols].nunique(axis=1) == 1
    return out.sort_values(keys).reset_index(drop=True)


def tagger_scores_table(comparisons: dict, labels: list[str], *, taggers=("codebook", "classifier"),
                        adjusted: dict | None = None) -> pd.DataFrame:
    """Precision, recall and F1 per stance of each tagger on each evaluation set, stacked for
    ``analysis.charts.plot_tagger_scores``.

    Args:
        comparisons: dataset name -> ``tagger_comparison_table`` (a gold column and one column per tagger).
        labels: the stance ids.
        adjusted: dataset name -> (comparison table, {stance: prevalence}): F1 recomputed at that share of
            stance statements with ``prevalence_adjusted_scores`` (precision and recall are left empty
            there; tpr and fpr are filled instead).
    """
    parts = []
    for dataset, table in comparisons.items():
        for tagger in taggers:
            scores = stance_scores(table["gold"], table[tagger], labels)
            parts.append(scores.assign(dataset=dataset, tagger=tagger))
    for dataset, (table, shares) in (adjusted or {}).items():
        for tagger in taggers:
            raw = stance_scores(table["gold"], table[tagger], labels).set_index("stance")
            scores = prevalence_adjusted_scores(table["gold"], table[tagger], labels, shares)
            scores["support"] = scores["stance"].map(raw["support"])
            parts.append(scores.assign(dataset=dataset, tagger=tagger))
    columns = ["dataset", "tagger", "stance", "precision", "recall", "f1", "support", "predicted", "tpr", "fpr"]
    return pd.concat(parts, ignore_index=True).reindex(columns=columns)


def kappa_table(comparisons: dict, labels: list[str]) -> pd.DataFrame:
    """Agreement per stance between pairs of codings.

    Args:
        comparisons: name -> (stances_a, stances_b), two equally long columns of ';'-joined stance ids.
        labels: the stance ids.
    Returns:
        comparison, stance, n, agreement_pct (observed), cohen_kappa (NaN when a stance is absent from both).
    """
    rows = []
    for name, (a, b) in comparisons.items():
        sets_a = [set(x) for x in split_labels(a)]
        sets_b = [set(x) for x in split_labels(b)]
        if len(sets_a) != len(sets_b):
            raise ValueError(f"{name}: the two codings have {len(sets_a)} and {len(sets_b)} statements")
        for label in labels:
            x = [label in s for s in sets_a]
            y = [label in s for s in sets_b]
            rows.append({"comparison": name, "stance": label, "n": len(x),
                         "agreement_pct": 100.0 * float(np.mean([p == q for p, q in zip(x, y)])) if x else float("nan"),
                         "cohen_kappa": cohen_kappa(x, y)})
    return pd.DataFrame(rows, columns=["comparison", "stance", "n", "agreement_pct", "cohen_kappa"])


# ---------------------------------------------------------------------- tables of notebook 05 (classroom)

CLASSROOM_COLUMNS = ["article_id", "sent_idx", "text", "stances", "holder_side"]


def read_classroom(path, *, codebook: Codebook | None = None) -> pd.DataFrame:
    """Read a student coding table (``CLASSROOM_COLUMNS``) and check its labels.

    A row whose holder_side is empty is not coded yet and is dropped; stance ids must be the codebook's and
    holder_side one of russia, japan, us, both, none.

    Raises:
        AnnotationError: naming the file, row and column of the first problem.
    """
    codebook = codebook or load_codebook()
    table = read_table(path, required=CLASSROOM_COLUMNS, error=AnnotationError).astype(str)
    for number, row in enumerate(table.itertuples(index=False), start=2):
        check_labels(path, number, "stances", row.stances, codebook.stance_ids, AnnotationError)
        if row.holder_side.strip():
            check_value(path, number, "holder_side", row.holder_side.strip(), HOLDER_SIDES, AnnotationError)
        _check_number(path, number, row.sent_idx)
    table["stances"] = table["stances"].map(lambda v: ";".join(sorted(s.strip() for s in v.split(";") if s.strip())))
    table["holder_side"] = table["holder_side"].str.strip()
    table["sent_idx"] = table["sent_idx"].astype(int)
    return table[table["holder_side"] != ""].reset_index(drop=True)


def classroom_comparison(student: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Each coded statement with the student's and the gold's stances and holder, what the student missed or
    added, and whether stances and holder match.

    Raises:
        ValueError: when the student coded a statement the gold does not hold.
    """
    keys = ["article_id", "sent_idx"]
    right = gold[keys + ["stances", "holder_side"]].assign(sent_idx=gold["sent_idx"].astype(int))
    both = student[keys + ["text", "stances", "holder_side"]].merge(right, on=keys, how="left",
                                                                   suffixes=("_student", "_gold"), validate="1:1")
    unknown = both[both["holder_side_gold"].isna()]
    if len(unknown):
        raise ValueError(f"statements not in the gold: {unknown[keys].to_dict('records')}")
    student_sets = [set(x for x in str(v).split(";") if x) for v in both["stances_student"]]
    gold_sets = [set(x for x in str(v).split(";") if x) for v in both["stances_gold"]]
    both["stances_gold"] = [";".join(sorted(s)) for s in gold_sets]
    both["missed"] = [";".join(sorted(g - s)) for s, g in zip(student_sets, gold_sets)]
    both["added"] = [";".join(sorted(s - g)) for s, g in zip(student_sets, gold_sets)]
    both["stances_match"] = [s == g for s, g in zip(student_sets, gold_sets)]
    both["holder_match"] = both["holder_side_student"] == both["holder_side_gold"]
    return both


def classroom_agreement(comparison: pd.DataFrame, stance_ids: list[str]) -> pd.DataFrame:
    """Agreement of the student's coding with the gold: per stance (present/absent), for the whole set of
    stances, and for holder_side: n, observed agreement (%) and Cohen's kappa (NaN when undefined, e.g. when
    neither coding uses a stance)."""
    kappas = kappa_table({"student vs gold": (comparison["stances_student"], comparison["stances_gold"])},
                         stance_ids)
    rows = [{"label": r.stance, "n": r.n, "agreement_pct": r.agreement_pct, "cohen_kappa": r.cohen_kappa}
            for r in kappas.itertuples()]
    n = len(comparison)
    rows.append({"label": "all stances (exact set)", "n": n,
                 "agreement_pct": 100.0 * comparison["stances_match"].mean() if n else float("nan"),
                 "cohen_kappa": cohen_kappa(comparison["stances_student"], comparison["stances_gold"]) if n else float("nan")})
    rows.append({"label": "holder_side", "n": n,
                 "agreement_pct": 100.0 * comparison["holder_match"].mean() if n else float("nan"),
                 "cohen_kappa": cohen_kappa(comparison["holder_side_student"], comparison["holder_side_gold"]) if n else float("nan")})
    return pd.DataFrame(rows, columns=["label", "n", "agreement_pct", "cohen_kappa"])


def score_tagged(gold: pd.DataFrame, tagged: pd.DataFrame, labels: list[str]) -> pd.DataFrame:
    """How a tagged table (``tag``'s output) scores against a coded one: per-stance precision, recall and F1
    with their macro average, and the accuracy of speaker (ignoring case), voice_side, mode and holder_side.

    Statements are matched on article and sentence number; a coded statement whose text differs from the
    tagged one at that number (the splitter changed) is matched on its text within the article instead, and
    the rows matched neither way are counted as ``unmatched`` rather than scored.
    """
    keys = ["article_id", "sent_idx"]
    fields = ["stances"] + ATTRIBUTION_FIELDS
    tagged = tagged[keys + ["text"] + fields].copy()
    tagged["sent_idx"] = tagged["sent_idx"].astype(int)
    both = gold[keys + ["text"] + fields].merge(tagged, on=keys, how="left", suffixes=("_gold", "_pred"))
    moved = both["text_gold"] != both["text_pred"]
    if moved.any():
        by_text = tagged.drop_duplicates(["article_id", "text"]).set_index(["article_id", "text"])
        for index in both.index[moved]:
            key = (both.at[index, "article_id"], both.at[index, "text_gold"])
            for field in fields:
                both.at[index, f"{field}_pred"] = by_text[field].get(key) if key in by_text.index else None
    matched = both["stances_pred"].notna()
    both = both[matched]
    scores = stance_scores(both["stances_gold"], both["stances_pred"].fillna(""), labels)
    rows = [{"measure": f"{r.stance} {metric}", "value": float(getattr(r, metric))}
            for r in scores.itertuples() for metric in ("precision", "recall", "f1")]
    for field in ATTRIBUTION_FIELDS:
        gold_values, predicted = both[f"{field}_gold"].astype(str), both[f"{field}_pred"].astype(str)
        if field == "speaker":
            gold_values, predicted = gold_values.str.casefold(), predicted.str.casefold()
        rows.append({"measure": f"{field} accuracy", "value": float((gold_values == predicted).mean())})
    rows += [{"measure": "statements scored", "value": float(len(both))},
             {"measure": "statements unmatched", "value": float((~matched).sum())}]
    return pd.DataFrame(rows)
