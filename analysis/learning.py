"""Learning from a user's codes: the classifier retrained with them, its scores on them, and cue suggestions.

- ``user_codes``: a coding sheet (adjudicated, or one coder's) read as training rows: text and stances;
  ``training_codes`` the same rows from a table (``coding.adjudicate``'s one code per statement).
- ``base_training``: what the shipped model trains on (``shipped_paths``: the gold, the other-outlets set, the
  real-genre sets' coded parts that may be learned from).
- ``train_with_codes``: the classifier trained on both.
- ``scores_before_after``: leave-one-article-out on the user's codes: for each of their articles, the shipped
  model (before) and the model that also learned the user's codes of their *other* articles (after) tag its
  statements; a training statement with the same text as a held-out one is dropped from both, so a sentence
  is never scored by a model that saw it.
- ``retrained_note``: the scores on the user's codes, for the source note of a chart drawn with the model.
- ``stance_change_table``: per stance, the statements the tagged table and the retrained model tag.
- ``keyness``: words and two-word phrases over-represented in the statements the user coded with a stance
  against the rest of their coded statements: Dunning's log-likelihood G2 on a 2 x 2 table of counts (the
  ``measure="lr"`` of quanteda's ``textstat_keyness``), signed, with ``kwic`` lines to read them in context.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .codebook import Codebook, load_codebook
from .stance import StanceClassifier, kwic, split_labels


def user_codes(path, *, codebook: Codebook | None = None) -> pd.DataFrame:
    """The coded statements of a sheet (article_id, sent_idx, text, stances); a row not coded is left out.

    Raises:
        CodingError: a cell that is not valid, naming file, row and column; a sheet without texts.
    """
    from .coding import CodingError, read_codings

    codings = read_codings([path], codebook=codebook)
    table = codings.table[codings.table["stances"].notna()]
    if table.empty:
        raise CodingError(f"{path}: no coded statements (fill the stances or holder_side of some rows)")
    if (table["text"].str.strip() == "").any():
        raise CodingError(f"{path}: row {int(table[table['text'].str.strip() == '']['row'].iloc[0])}, column "
                          "text: empty; training needs each statement's text")
    return training_codes(table)


def training_codes(table: pd.DataFrame) -> pd.DataFrame:
    """The statements of ``table`` whose stances are decided (not NA) and whose text is known, as training
    rows: article_id, sent_idx, text, stances ("" for no stance). A tie that no adjudication decided is left
    out, as is a row without text."""
    decided = table[table["stances"].notna() & table["text"].fillna("").str.strip().ne("")]
    return decided[["article_id", "sent_idx", "text", "stances"]].reset_index(drop=True)


def retrained_note(scores: pd.DataFrame, *, coders: list[str], statements: int) -> str:
    """What the source note of a chart drawn with the retrained model adds: whose codes it learned and how
    well it tags them (``scores_before_after``'s macro row).

    >>> scores = pd.DataFrame({"stance": ["treaty_first", "macro"], "f1_before": [0.5, 0.5], "f1_after": [0.75, 0.75]})
    >>> retrained_note(scores, coders=["ana", "ben"], statements=40)
    'the classifier also trained on 40 statements coded by ana and ben: macro-F1 on them 0.50 before, 0.75 after (leave one article out)'
    """
    macro = scores.set_index("stance").loc["macro"]
    who = " and ".join([", ".join(coders[:-1]), coders[-1]]) if len(coders) > 1 else "".join(coders)
    return (f"the classifier also trained on {statements} statements coded by {who}: macro-F1 on them "
            f"{macro['f1_before']:.2f} before, {macro['f1_after']:.2f} after (leave one article out)")


def stance_change_table(before: pd.DataFrame, after: pd.DataFrame, stance_ids: list[str]) -> pd.DataFrame:
    """Per stance, how many statements each tagging gives it and how many both give it (the two tables hold
    the same statements: ``before`` from the tagged table, ``after`` from the retrained model).

    Returns:
        stance, before, after, both, only_before, only_after.
    """
    keys = ["article_id", "sent_idx"]
    joined = before[keys + ["stances"]].merge(after[keys + ["stances"]], on=keys, suffixes=("_before", "_after"))
    old = [set(filter(None, str(v).split(";"))) for v in joined["stances_before"].fillna("")]
    new = [set(filter(None, str(v).split(";"))) for v in joined["stances_after"].fillna("")]
    rows = []
    for stance in stance_ids:
        a = np.array([stance in o for o in old], dtype=bool)
        b = np.array([stance in n for n in new], dtype=bool)
        rows.append({"stance": stance, "before": int(a.sum()), "after": int(b.sum()), "both": int((a & b).sum()),
                     "only_before": int((a & ~b).sum()), "only_after": int((~a & b).sum())})
    return pd.DataFrame(rows, columns=["stance", "before", "after", "both", "only_before", "only_after"])


def shipped_paths(leave_out: tuple = ()) -> list:
    """The coded tables the suite learns from: the seed gold, the other-outlets set, the dev parts of the
    real-genre sets and their test parts already read (``paths.READ_TEST_PARTS``; never an untouched test
    part), but those in ``leave_out``."""
    from . import paths

    wanted = [paths.GOLD, *([paths.DEV_OUTLETS] if paths.DEV_OUTLETS.exists() else []), *paths.LEARNED_FROM]
    return [path for path in wanted if path not in leave_out]


def shipped_codes(codebook: Codebook | None = None, leave_out: tuple = ()) -> dict:
    """The coded tables of ``shipped_paths``, by path. ``make_tagger`` reads them once for the classifier and
    the holder's view words."""
    from .evaluation import read_coded

    codebook = codebook or load_codebook()
    return {path: read_coded(path, codebook=codebook) for path in shipped_paths(leave_out)}


def base_training(codebook: Codebook | None = None, codes: dict | None = None) -> pd.DataFrame:
    """The coded statements the shipped classifier learns from (``pipeline.make_tagger``); ``codes``:
    ``shipped_codes``, if already read."""
    from .stance import training_table

    codes = shipped_codes(codebook) if codes is None else codes
    return training_table(*codes.values())


def view_words(codebook: Codebook | None = None, codes: dict | None = None):
    """The holder's view words (``holder.ViewWords``), learned from the seed gold and the real-genre sets'
    coded tables of ``paths.LEARNED_FROM`` (never an untouched test part): the stance-free statements whose
    coded voice is a side's and not the outlet's narration, and whether the coders gave each that side as
    holder; and the outlet's stance-free narration, and whether they gave it a side. ``codes``:
    ``shipped_codes``, if already read."""
    return fitted_view_words(codebook, codes)[0]


def fitted_view_words(codebook: Codebook | None = None, codes: dict | None = None):
    """``view_words``, and the key they are kept under (``_fast.fitted_partner``)."""
    from . import paths
    from ._fast import fitted_partner
    from .holder import NARRATION, ViewWords
    from .vocab import PARTIES

    codes = shipped_codes(codebook) if codes is None else codes
    coded = pd.concat([codes[path].assign(genre=_genres_of(path, codes[path]))
                       for path in (paths.GOLD, *paths.LEARNED_FROM) if path in codes], ignore_index=True)
    spoken = coded[(coded["stances"] == "") & coded["voice_side"].isin(PARTIES) & (coded["mode"] != "narration")]
    # The outlet's stance-free narration, for the narration's own model (genre NARRATION): whether coders gave
    # it a side (the subject's, mostly; the coded tables do not say which side the subject is).
    narrated = coded[(coded["stances"] == "") & (coded["mode"] == "narration")]
    texts = pd.concat([spoken["text"], narrated["text"]], ignore_index=True)
    says_view = pd.concat([spoken["holder_side"] == spoken["voice_side"], narrated["holder_side"] != "none"],
                          ignore_index=True)
    genres = pd.concat([spoken["genre"], pd.Series(NARRATION, index=narrated.index)], ignore_index=True)
    # Fitted once per training data and kept on disk, as the ensemble's partner is.
    key = fitted_partner.fit_key(texts, says_view.map(str) + "\x1f" + genres, ("view",), ViewWords.settings())
    views = fitted_partner.load_views(key)
    if views is None:
        views = ViewWords.fit(texts, says_view, genres)
        fitted_partner.store_views(key, views)
    return views, key


def _genres_of(path, coded: pd.DataFrame) -> list[str]:
    """The genre of each coded statement's document: the ``genre`` its set's ``articles.jsonl`` gives (the
    real-genre sets carry it), else news (the seed articles and the other outlets' dev set are news)."""
    import json

    articles = path.parent / "articles.jsonl"
    if not articles.exists():
        return ["news"] * len(coded)
    with articles.open(encoding="utf-8") as lines:
        genres = {record["id"]: record.get("genre") or "news" for record in map(json.loads, lines)}
    return [genres.get(article, "news") for article in coded["article_id"]]


def train_with_codes(codes: pd.DataFrame, *, codebook: Codebook | None = None,
                     base: pd.DataFrame | None = None, **options) -> StanceClassifier:
    """The classifier trained on the shipped training data and the user's codes (which win over a shipped
    coding of the same text)."""
    codebook = codebook or load_codebook()
    base = base_training(codebook) if base is None else base
    train = pd.concat([base[~base["text"].isin(set(codes["text"]))], codes[["text", "stances"]]], ignore_index=True)
    return StanceClassifier(codebook, **options).fit(train["text"], train["stances"])


def scores_before_after(codes: pd.DataFrame, *, codebook: Codebook | None = None,
                        base: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Leave-one-article-out predictions and scores on the user's codes, before and after learning them.

    Returns:
        (predictions: article_id, sent_idx, text, stances, before, after;
         scores: stance, f1_before, f1_after, precision_*, recall_*, support; a ``macro`` row last, averaged
         over the stances the user's codes hold).
    """
    from .evaluation import stance_scores

    codebook = codebook or load_codebook()
    base = base_training(codebook) if base is None else base
    shared = None
    out = []
    for article_id in sorted(codes["article_id"].unique()):
        test = codes[codes["article_id"] == article_id]
        clean = base[~base["text"].isin(set(test["text"]))]
        if len(clean) == len(base):
            shared = shared or StanceClassifier(codebook).fit(base["text"], base["stances"])
            before = shared
        else:
            before = StanceClassifier(codebook).fit(clean["text"], clean["stances"])
        others = codes[(codes["article_id"] != article_id) & ~codes["text"].isin(set(test["text"]))]
        after = train_with_codes(others, codebook=codebook, base=clean)
        fold = test.copy()
        fold["before"] = [";".join(p) for p in before.predict(test["text"])]
        fold["after"] = [";".join(p) for p in after.predict(test["text"])]
        out.append(fold)
    predictions = pd.concat(out, ignore_index=True)
    labels = codebook.stance_ids
    before = stance_scores(predictions["stances"], predictions["before"], labels).set_index("stance")
    after = stance_scores(predictions["stances"], predictions["after"], labels).set_index("stance")
    scores = pd.DataFrame({"f1_before": before["f1"], "f1_after": after["f1"],
                           "precision_before": before["precision"], "precision_after": after["precision"],
                           "recall_before": before["recall"], "recall_after": after["recall"],
                           "support": before["support"]}).reset_index()
    # The macro average over the stances the user coded at all: a stance nobody gave scores 0 before and after.
    used = scores[(scores["stance"] != "macro") & (scores["support"] > 0)]
    macro = scores["stance"] == "macro"
    for column in ("f1_before", "f1_after", "precision_before", "precision_after", "recall_before", "recall_after"):
        scores.loc[macro, column] = used[column].mean() if len(used) else float("nan")
    return predictions, scores


def log_likelihood(target: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Signed G2 of each term: counts in the target and the reference against the totals of each
    (Dunning 1993; positive when the term is over-represented in the target).

    >>> log_likelihood(np.array([10, 0]), np.array([2, 8])).round(2).tolist()
    [16.91, -16.91]
    """
    from scipy.special import xlogy

    a, b = target.astype(float), reference.astype(float)
    c, d = a.sum() - a, b.sum() - b
    n = a + b + c + d
    g2 = np.zeros_like(a)
    for observed, expected in ((a, (a + b) * (a + c) / n), (b, (a + b) * (b + d) / n),
                               (c, (c + d) * (a + c) / n), (d, (c + d) * (b + d) / n)):
        g2 += 2 * (xlogy(observed, observed) - xlogy(observed, expected))
    over = a / np.maximum(a + c, 1) > b / np.maximum(b + d, 1)
    return np.where(over, g2, -g2)


KEYNESS_COLUMNS = ["stance", "term", "target", "reference", "g2", "p"]


def keyness(codes: pd.DataFrame, stance_ids: list[str], *, k: int = 10, min_count: int = 2) -> pd.DataFrame:
    """Per stance, the ``k`` words and two-word phrases most over-represented in the user's statements with the
    stance against their other coded statements (English stop words aside; at least ``min_count`` in the
    target), with G2 and its p-value (chi-square, 1 df).

    Returns:
        stance, term, target (count in the stance's statements), reference (count in the rest), g2, p.
    """
    from scipy.stats import chi2
    from sklearn.feature_extraction.text import CountVectorizer

    sets = [set(s) for s in split_labels(codes["stances"])]
    counts = CountVectorizer(ngram_range=(1, 2), stop_words="english", token_pattern=r"(?u)\b[a-zA-Z][\w'-]+\b")
    matrix = counts.fit_transform(codes["text"]).tocsc()
    terms = counts.get_feature_names_out()
    rows = []
    for stance in stance_ids:
        mask = np.array([stance in s for s in sets])
        if not mask.any() or mask.all():
            continue
        target = np.asarray(matrix[mask].sum(axis=0)).ravel()
        reference = np.asarray(matrix[~mask].sum(axis=0)).ravel()
        g2 = log_likelihood(target, reference)
        order = [i for i in np.argsort(-g2, kind="stable") if g2[i] > 0 and target[i] >= min_count][:k]
        rows += [{"stance": stance, "term": terms[i], "target": int(target[i]), "reference": int(reference[i]),
                  "g2": float(g2[i]), "p": float(chi2.sf(g2[i], 1))} for i in order]
    return pd.DataFrame(rows, columns=KEYNESS_COLUMNS)


def keyness_kwic(codes: pd.DataFrame, table: pd.DataFrame, *, per_term: int = 2) -> pd.DataFrame:
    """For each key term, up to ``per_term`` kwic lines from the statements holding its stance."""
    import re

    parts = []
    for row in table.itertuples(index=False):
        positives = codes[codes["stances"].str.split(";").map(lambda s, t=row.stance: t in s)]
        pattern = r"\b" + r"\W+".join(re.escape(w) for w in row.term.split()) + r"\b"
        lines = kwic(positives, pattern).head(per_term)
        parts.append(lines.assign(stance=row.stance, term=row.term))
    columns = ["stance", "term", "article_id", "sent_idx", "left", "match", "right"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)
