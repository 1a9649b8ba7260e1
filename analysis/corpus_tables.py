"""What the corpus holds, per article: its size, its dates, and how much of it is reused background.

Every function takes a tagged statement table (``analysis.pipeline.tag_corpus``) and returns a tidy table
that ``notebooks/01_corpus.ipynb`` shows and ``analysis.charts.corpus`` draws.

- ``corpus_table``: one row per article (outlet, date, headline, paragraphs, statements, background, words).
- ``statements_per_article_table``: each article's statements in its own text and in reused background.
- ``background_group_table``: each reused background paragraph and the statements it fills per article.

Example:
    >>> table = pd.DataFrame({"article_id": ["a", "a"], "sent_idx": [0, 1], "para_idx": [0, 1],
    ...                       "outlet": ["TASS", "TASS"], "date": ["", ""], "text": ["Talks go on", "Tokyo waits."],
    ...                       "is_headline": [True, False], "is_boilerplate": [False, False], "stances": ["", ""]})
    >>> corpus_table(table)[["article_id", "date", "headline", "statements", "words"]].values.tolist()
    [['a', 'undated', 'Talks go on', 2, 5]]
"""
from __future__ import annotations

import textwrap

import pandas as pd

from .framing import background_table

CORPUS_COLUMNS = ["article_id", "outlet", "date", "headline", "paragraphs", "statements", "background",
                  "background_pct", "words", "stance_statements"]
BACKGROUND_GROUP_COLUMNS = ["boilerplate_group", "opening", "article_id", "statements"]


def corpus_table(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per article: outlet, date ("undated" when unknown), headline, paragraphs, statements, how many
    of them are reused background (``is_boilerplate``) and their share, words, statements with a stance.

    Returns:
        ``CORPUS_COLUMNS``, one row per article in article_id order.
    """
    rows = []
    for article_id, article in statements.sort_values(["article_id", "sent_idx"]).groupby("article_id"):
        headline = article.loc[article["is_headline"].astype(bool), "text"]
        background = int(article["is_boilerplate"].astype(bool).sum())
        rows.append({"article_id": article_id,
                     "outlet": (str(article["outlet"].iloc[0] or "") or "unknown"),
                     "date": str(article["date"].iloc[0] or "") or "undated",
                     "headline": headline.iloc[0] if len(headline) else "",
                     "paragraphs": int(article["para_idx"].nunique()),
                     "statements": len(article), "background": background,
                     "background_pct": 100.0 * background / len(article),
                     "words": int(article["text"].str.split().str.len().sum()),
                     "stance_statements": int((article["stances"].fillna("") != "").sum())})
    return pd.DataFrame(rows, columns=CORPUS_COLUMNS)


def statements_per_article_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements per article in its own text and in reused background (columns article_id, article, part,
    statements): ``analysis.framing.background_table`` without its share."""
    return background_table(statements).drop(columns=["share_pct"])


def background_group_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Each reused background paragraph group and the statements it fills in each article.

    Returns:
        ``BACKGROUND_GROUP_COLUMNS``: boilerplate_group, opening (its first words), article_id, statements.
    """
    background = statements[statements["boilerplate_group"].fillna("") != ""]
    if background.empty:
        return pd.DataFrame(columns=BACKGROUND_GROUP_COLUMNS)
    first = background.sort_values(["article_id", "sent_idx"]).groupby("boilerplate_group")["text"].first()
    counts = background.groupby(["boilerplate_group", "article_id"]).size().rename("statements").reset_index()
    counts.insert(1, "opening", counts["boilerplate_group"].map(
        lambda g: textwrap.shorten(first[g], 48, placeholder=" …")))
    return counts
