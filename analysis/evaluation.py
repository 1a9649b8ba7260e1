"""Gold annotations, agreement between coders, and honest evaluation of the taggers.

- ``build_gold``: the adjudicated gold from two independent codings plus the adjudication table.
- ``agreement_table``: Cohen's kappa and Krippendorff's alpha (nominal) per label between the coders.
- ``leave_one_article_out``: cross-validation in which the test article's reused background paragraphs
  (``boilerplate_group``) are also removed from training, so a paragraph never sits in both folds.
- ``stance_scores``, ``attribution_accuracy``, ``cue_diagnostics``, ``worst_errors``.
"""
from __future__ import annotations

import warnings
from collections import Counter

import numpy as np
import pandas as pd

from . import paths
from .codebook import Codebook, load_codebook
from .stance import CodebookTagger, StanceClassifier, split_labels

GOLD_COLUMNS = ["article_id", "sent_idx", "text", "stances", "holder_side", "voice_side", "speaker", "mode",
                "frames"]
CODED_FIELDS = ["stances", "holder_side", "voice_side", "speaker", "mode", "frames"]
ATTRIBUTION_FIELDS = ["mode", "speaker", "voice_side", "holder_side"]


class AnnotationError(ValueError):
    """A problem in an annotation file; the message names the file, row and column."""


def read_coded(path, *, codebook: Codebook | None = None) -> pd.DataFrame:
    """Read a coded table (gold, a coder's file, challenge or dev) and validate its label vocabularies."""
    from .attribution import HOLDER_SIDES, MODES, VOICE_SIDES

    codebook = codebook or load_codebook()
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as err:
        raise AnnotationError(f"{path}: cannot read: {err}") from None
    required = ["article_id", "sent_idx", "stances", "holder_side", "voice_side", "speaker", "mode", "frames"]
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise AnnotationError(f"{path}: missing column(s) {', '.join(missing)}")
    vocab = {"holder_side": set(HOLDER_SIDES), "voice_side": set(VOICE_SIDES), "mode": set(MODES)}
    for number, row in enumerate(table.itertuples(index=False), start=2):
        for label in split_labels([row.stances])[0]:
            if label not in codebook.stance_ids:
                raise AnnotationError(f"{path}: row {number}, column stances: unknown stance id {label!r}")
        for label in split_labels([row.frames])[0]:
            if label not in codebook.frame_ids:
                raise AnnotationError(f"{path}: row {number}, column frames: unknown frame id {label!r}")
        for column, allowed in vocab.items():
            if getattr(row, column) not in allowed:
                raise AnnotationError(f"{path}: row {number}, column {column}: {getattr(row, column)!r} "
                                      f"not in {sorted(allowed)}")
    table["sent_idx"] = table["sent_idx"].astype(int)
    return table


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
