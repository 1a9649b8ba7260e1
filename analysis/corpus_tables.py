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
from .units import by_unit

CORPUS_COLUMNS = ["article_id", "outlet", "date", "headline", "paragraphs", "statements", "background",
                  "background_pct", "words", "stance_statements"]
BACKGROUND_GROUP_COLUMNS = ["boilerplate_group", "opening", "article_id", "statements"]


def corpus_table(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per article: outlet, date ("undated" when unknown), headline, paragraphs, statements, how many
    of them are reused background (``is_boilerplate``) and their share, words, statements with a stance.

    Returns:
        ``CORPUS_COLUMNS``, one row per article in article_id order.
    """
    table = statements.sort_values(["article_id", "sent_idx"], kind="stable")
    by_article = table.groupby("article_id", sort=True)
    first = by_article[["outlet", "date"]].first()
    headlines = table[table["is_headline"].astype(bool)].drop_duplicates("article_id").set_index("article_id")["text"]
    statements_n = by_article.size()
    background = table["is_boilerplate"].astype(bool).groupby(table["article_id"]).sum().astype(int)
    out = pd.DataFrame({
        "article_id": statements_n.index,
        "outlet": first["outlet"].fillna("").astype(str).replace("", "unknown").to_numpy(),
        "date": first["date"].fillna("").astype(str).replace("", "undated").to_numpy(),
        "headline": headlines.reindex(statements_n.index).fillna("").to_numpy(),
        "paragraphs": by_article["para_idx"].nunique().astype(int).to_numpy(),
        "statements": statements_n.astype(int).to_numpy(),
        "background": background.to_numpy(),
        "background_pct": (100.0 * background / statements_n).astype(float).to_numpy(),
        "words": table["text"].str.split().str.len().groupby(table["article_id"]).sum().astype(int).to_numpy(),
        "stance_statements": (table["stances"].fillna("") != "").groupby(table["article_id"]).sum().astype(int).to_numpy(),
    })
    return out[CORPUS_COLUMNS]


def statements_per_article_table(statements: pd.DataFrame, *, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Statements per article (or per unit of ``units``: outlets, for a large corpus) in its own text and in
    reused background (columns article_id, article, part, statements): ``analysis.framing.background_table``
    without its share."""
    return background_table(statements, units=units).drop(columns=["share_pct"])


def background_group_table(statements: pd.DataFrame, *, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each reused background paragraph group and the statements it fills in each article (or unit of
    ``units``).

    Returns:
        ``BACKGROUND_GROUP_COLUMNS``: boilerplate_group, opening (its first words), article_id, statements.
    """
    background = statements[statements["boilerplate_group"].fillna("") != ""]
    if background.empty:
        return pd.DataFrame(columns=BACKGROUND_GROUP_COLUMNS)
    first = background.sort_values(["article_id", "sent_idx"]).groupby("boilerplate_group")["text"].first()
    background = by_unit(background, units) if units is not None else background
    counts = background.groupby(["boilerplate_group", "article_id"]).size().rename("statements").reset_index()
    openings = {g: textwrap.shorten(text, 48, placeholder=" …") for g, text in first.items()}
    counts.insert(1, "opening", counts["boilerplate_group"].map(openings))
    return counts
