"""The readings under the charts: every sentence that states a number or a finding, computed from the table it
describes, for whatever corpus the notebooks ran on.

A notebook shows ``Markdown(<reading>(table))`` where it used to carry fixed prose. What was written for the
seed corpus alone (a named TASS section, a quoted headline) is in ``SEED_ONLY`` and shown by ``seed_only`` only
when the tagged table is exactly the seed corpus (the gold covers every statement and nothing else), under a
line saying so; on any other corpus ``seed_only`` says that it is left out.

- ``corpus_reading``: articles, outlets, dates and reused background (``corpus_tables.corpus_table``).
- ``agreement_reading``: how far the two codings of the gold agree (``evaluation.agreement_table``).
- ``timeline_reading``: what the dates can and cannot show (``positions.stance_timeline_table``).
- ``positions_reading``: whose voice carries each side's positions (``positions.stance_profile_table``).
- ``framing_reading``: voices, reuse and blame per article (``framing`` tables).
- ``sample_reading``, ``coders_reading``, ``retraining_reading``, ``retagged_reading``: a researcher's coded
  sample, its coders' agreement, the classifier retrained on it and what that changes (notebook 06).

Example:
    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Kyodo", "TASS"], "date": ["2021-05-02", "undated"],
    ...                          "statements": [10, 10], "background": [0, 5]})
    >>> print(corpus_reading(articles))
    This corpus holds 2 articles from 2 outlets (Kyodo 1, TASS 1); 1 dated (2021-05-02 to 2021-05-02), 1 undated. Reused background fills 5 of the 20 statements (25%), in 1 of the 2 articles; the most in b (TASS, 50%).
"""
from __future__ import annotations

import pandas as pd

from .units import outlet_name

# Who coded the gold, said the same way everywhere (notebooks, chart notes, README, docs).
WHO_CODED = ("Both coders and the adjudicator of the gold were instances of the same language model, not "
             "people: their agreement is higher than two human coders would reach, and the gold shares that "
             "model's reading of the articles.")

SIDE_NAMES = {"russia": "Russia", "japan": "Japan", "us": "the US", "both": "both sides"}
VOICE_NAMES = {"russia": "Russian officials", "russia_media": "Russian media", "japan": "Japanese officials",
               "japan_media": "Japanese media", "us": "US officials", "us_media": "US media", "other": "other voices",
               "outlet": "the outlet's own narration"}


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _dated(dates: pd.Series) -> pd.Series:
    dates = dates.fillna("").astype(str)
    return dates[~dates.isin(["", "undated"])]


def corpus_reading(articles: pd.DataFrame) -> str:
    """Articles, outlets (with counts), the span of dates and how much of the corpus is reused background.

    Args:
        articles: ``corpus_tables.corpus_table`` (article_id, outlet, date, statements, background).
    """
    outlets = articles["outlet"].map(outlet_name).value_counts()
    listed = ", ".join(f"{o} {n}" for o, n in sorted(outlets.items(), key=lambda p: (-p[1], p[0]))[:8])
    if len(outlets) > 8:
        listed += f", {len(outlets) - 8} more"
    dated = _dated(articles["date"])
    n = len(articles)
    when = (f"{len(dated)} dated ({dated.min()} to {dated.max()}), {n - len(dated)} undated" if len(dated)
            else "none dated")
    text = f"This corpus holds {_plural(n, 'article')} from {_plural(len(outlets), 'outlet')} ({listed}); {when}."
    total, reused = int(articles["statements"].sum()), int(articles["background"].sum())
    if not reused:
        return text + " No paragraph recurs in two articles: there is no reused background."
    with_bg = articles[articles["background"] > 0]
    share = with_bg["background"] / with_bg["statements"]
    top = with_bg.loc[share.idxmax()]
    return (text + f" Reused background fills {reused} of the {total} statements ({_pct(reused, total)}), in "
            f"{len(with_bg)} of the {n} articles; the most in {top['article_id']} ({outlet_name(top['outlet'])}, "
            f"{_pct(top['background'], top['statements'])}).")


def agreement_reading(coders: pd.DataFrame, *, strong: float = 0.8) -> str:
    """How far the two codings agree on the stances and on whose position a statement holds.

    Args:
        coders: ``evaluation.agreement_table`` (field, label, cohen_kappa).
    """
    stances = coders[coders["field"] == "stances"].dropna(subset=["cohen_kappa"])
    holder = coders[coders["field"] == "holder_side"]["cohen_kappa"].dropna()
    weakest = stances.loc[stances["cohen_kappa"].idxmin()] if len(stances) else None
    above = int((stances["cohen_kappa"] > strong).sum())
    text = (f"Kappa is above {strong} for {above} of the {len(stances)} stances"
            + (f" (lowest: {weakest['label']}, {weakest['cohen_kappa']:.2f})" if weakest is not None else "") + ".")
    if len(holder):
        text += f" On `holder_side`, whose position a statement expresses, kappa is {holder.iloc[0]:.2f}."
    return text


def timeline_reading(timeline: pd.DataFrame, *, trend_min_dated: int = 12) -> str:
    """How many articles are dated, over which span, and whether that can show a trend.

    Args:
        timeline: ``positions.stance_timeline_table`` (article_id, date).
    """
    per_article = timeline.drop_duplicates("article_id")
    dated = _dated(per_article["date"])
    undated = len(per_article) - len(dated)
    text = f"Of the {_plural(len(per_article), 'article')} with a stance statement, {len(dated)} "
    text += ("is" if len(dated) == 1 else "are") + " dated"
    if len(dated):
        years = sorted({d[:4] for d in dated})
        text += f" ({dated.min()} to {dated.max()}, {_plural(len(years), 'year')})"
    text += f" and {undated} undated."
    if len(dated) < trend_min_dated:
        text += (f" Fewer than {trend_min_dated} dated articles are a sequence of snapshots, not a trend.")
    else:
        text += " Read a change over time as a change in what these outlets printed, not in the sides' positions."
    return text


def _carriers(profile: pd.DataFrame, holder: str) -> str:
    part = profile[profile["holder_side"] == holder]
    total = int(part["statements"].sum())
    if not total:
        return f"No statement holds {SIDE_NAMES.get(holder, holder)}'s position."
    voice = "voice" if "voice" in part.columns else "voice_side"
    by_voice = part.groupby(voice)["statements"].sum().sort_values(ascending=False, kind="stable")
    by_voice = by_voice.loc[sorted(by_voice.index, key=lambda v: (-by_voice[v], v))]
    parts = [f"{VOICE_NAMES.get(v, v)} {int(n)} ({_pct(n, total)})" for v, n in by_voice.items()]
    own = int(by_voice.get(holder, 0))
    return (f"{SIDE_NAMES.get(holder, holder)}'s positions: {_plural(total, 'stance statement')}, carried by "
            f"{', '.join(parts)}; its own officials voice {own} of them.")


def positions_reading(profile: pd.DataFrame) -> str:
    """Per side, its stance statements and the voices (officials apart from media) that carry them.

    Args:
        profile: ``positions.stance_profile_table``.
    """
    return " ".join(_carriers(profile, side) for side in ("russia", "japan"))


def framing_reading(voice: pd.DataFrame, background: pd.DataFrame, blamed: pd.DataFrame) -> str:
    """The voice with the most statements, how much is reused background, and the side most often blamed.

    Args:
        voice: ``framing.voice_share_table``; background: ``framing.background_table``;
        blamed: ``framing.blamed_statements``.
    """
    column = "voice" if "voice" in voice.columns else "voice_side"
    totals = voice.groupby(column)["statements"].sum()
    whole = int(totals.sum())
    top = sorted(totals.index, key=lambda v: (-totals[v], v))[0] if whole else None
    text = (f"Of {whole} statements, {VOICE_NAMES.get(top, top)} carry the most: {int(totals[top])} "
            f"({_pct(totals[top], whole)})." if top else "There are no statements.")
    reused = int(background.loc[background["part"] == "background", "statements"].sum())
    text += f" Reused background: {reused} statements ({_pct(reused, whole)})."
    sides = blamed[blamed["blamed_side"] != "unclear"].groupby("blamed_side")["statements"].sum()
    if sides.sum():
        order = sorted(sides.index, key=lambda s: (-sides[s], s))
        text += (" Where a blame cue names a side, it names " + ", ".join(
            f"{SIDE_NAMES.get(s, s)} in {_plural(int(sides[s]), 'statement')}" for s in order) + ".")
    else:
        text += " No blame cue names a side."
    return text


SEED_ONLY = {
    "01_background": (
        "Every TASS article of the seed corpus ends with the same \"Peace treaty issue\" section: the history of "
        "the 1956 declaration, the 1960 memorandum and the sentence that Japan \"laid claims\" to the islands. "
        "Counting statements naively would count that section once per article, as if TASS had restated the "
        "background four times as news."),
    "03_reading": (
        "In the gold of the five seed articles, Russia's positions are mostly stated by Russian officials in their "
        "own words or in paraphrase: Ivanov, Lavrov, Peskov, \"Moscow\". Sovereignty that \"cannot be called into "
        "question\" and a treaty that comes first, without preconditions, are Russia's two main stances, with "
        "sanctions named as an obstacle in the two articles about Japan's sanctions policy.\n\n"
        "Japan's position appears in these articles almost only as *territory first*, and all eight such "
        "statements in the gold are the outlet's narration: \"Japan laid claims to the four southern islands\", "
        "\"Tokyo has attempted to claim\", \"Tokyo, however, maintains that the territorial dispute must be "
        "resolved first\". No Japanese official is quoted stating one of Japan's stances; the Japanese voice that "
        "does appear is the Asahi newspaper, quoted by TASS, which is media, not an official. Half of those eight "
        "statements sit in the TASS background section pasted under every TASS article, so the same sentence "
        "counts four times. Every seed article comes from TASS except article 003, whose outlet is unknown."),
    "04_background": (
        "The TASS section states, in the agency's own voice, that the islands \"were handed over to the Soviet "
        "Union while Japan laid claims\" to them, and it is printed under every story."),
    "04_blame": (
        "The \"sticking point\" sentence of the TASS background is a borderline case (the *issue* is the sticking "
        "point, \"while Japan laid claims\"), and it is counted once per TASS article. Without it, the blame in "
        "the seed corpus comes from Lavrov (Japan's \"lack of independence\") and from article 003, whose headline "
        "says \"Tokyo hinders all peace efforts\"."),
    "06_retraining": (
        "The shipped classifier already trained on the gold of every other statement of these five articles, so "
        "codes of the same articles can add little to it (the shipped example's codes are the two codings behind "
        "that gold). On articles of your own, which it has never seen, your codes are new to it."),
}
SEED_ONLY_HEADER = "**About the seed corpus only** (shown because this run is on exactly the five seed articles):"
NOT_SEED = "_A reading written for the seed corpus is left out here: this run is on another corpus._"


def sample_reading(strata: pd.DataFrame, *, coded: int, missing: int) -> str:
    """How many coded statements were found in the corpus and how the sample's strata compare with it.

    Args:
        strata: ``worksheet.sample_strata``; coded: statements in the sample; missing: of them not in the corpus.
    """
    corpus, found = int(strata["corpus"].sum()), int(strata["sample"].sum())
    text = (f"The coders' sheets hold {_plural(coded, 'statement')}; {found} of them are statements of this "
            f"corpus ({_pct(found, corpus)} of its {corpus})")
    text += f", and {missing} are not (they still train the classifier, but are not in its charts)." if missing else "."
    tagged = strata.groupby("tagged")[["corpus", "sample"]].sum()
    if "stance" in tagged.index and found:
        text += (f" The tagged table holds a stance in {_pct(tagged.loc['stance', 'corpus'], corpus)} of the "
                 f"corpus and in {_pct(tagged.loc['stance', 'sample'], found)} of the sample.")
    empty = strata[(strata["corpus"] > 0) & (strata["sample"] == 0)]
    if len(empty):
        names = ", ".join(f"{r.outlet} / {r.tagged}" for r in empty.itertuples(index=False))
        text += f" Not in the sample: {names} ({_plural(int(empty['corpus'].sum()), 'statement')} of the corpus)."
    return text


def coders_reading(agreement: pd.DataFrame, *, tentative: float = 0.667) -> str:
    """How far the coders agree, stance by stance and on whose position (``coding.agreement``, coders only)."""
    part = agreement[agreement["coders"] == "coders"].dropna(subset=["alpha"])
    stances = part[part["field"] == "stances"]
    if part.empty:
        return "No agreement can be measured yet: it needs two coders who coded the same statements."
    n_coders, statements = int(part["n_coders"].max()), int(part["statements"].max())
    text = (f"{n_coders} coders coded {_plural(statements, 'statement')} in common. ")
    if len(stances):
        low = stances.loc[stances["alpha"].idxmin()]
        below = int((stances["alpha"] < tentative).sum())
        text += (f"Krippendorff's alpha is below {tentative} for {below} of the {len(stances)} stances they used "
                 f"(lowest: {low['label']}, {low['alpha']:.2f}).")
    holder = part[part["field"] == "holder_side"]
    if len(holder):
        text += f" On whose position a statement holds (`holder_side`), alpha is {holder['alpha'].iloc[0]:.2f}."
    return text


def retraining_reading(scores: pd.DataFrame) -> str:
    """What learning the user's codes changes on them, leave one article out (``learning.scores_before_after``)."""
    table = scores.set_index("stance")
    macro = table.loc["macro"]
    used = table.drop(index="macro")
    used = used[used["support"] > 0]
    before, after = f"{macro['f1_before']:.2f}", f"{macro['f1_after']:.2f}"
    text = f"On the {int(macro['support'])} stance labels of the codes, macro-F1 "
    text += (f"goes from {before} (the shipped classifier) to {after} (also trained on the codes of the other "
             "articles)." if before != after else
             f"is {after} for the shipped classifier and for the one also trained on the codes of the other "
             "articles: learning them does not change how it tags these statements.")
    better = [s for s, r in used.iterrows() if r["f1_after"] > r["f1_before"]]
    worse = [s for s, r in used.iterrows() if r["f1_after"] < r["f1_before"]]
    if better:
        text += f" It gains on {', '.join(f'`{s}`' for s in better)}"
        text += f" and loses on {', '.join(f'`{s}`' for s in worse)}." if worse else "."
    elif worse:
        text += f" It loses on {', '.join(f'`{s}`' for s in worse)}."
    small = used[used["support"] < 10]
    if len(small):
        text += (f" {_plural(len(small), 'stance')} {'has' if len(small) == 1 else 'have'} fewer than 10 coded "
                 "examples: one statement more or less moves its F1 a lot.")
    return text


def retagged_reading(change: pd.DataFrame) -> str:
    """How the retrained classifier's stances differ from the tagged table's (``learning.stance_change_table``)."""
    parts = []
    for row in change.itertuples(index=False):
        parts.append(f"`{row.stance}` {row.before} -> {row.after} ({row.both} in both)")
    total_before, total_after = int(change["before"].sum()), int(change["after"].sum())
    return (f"Stance labels in this corpus, tagged table -> retrained classifier: {'; '.join(parts)}; "
            f"{total_before} -> {total_after} in all.")


def is_seed_corpus(statements: pd.DataFrame, gold: pd.DataFrame) -> bool:
    """Whether the tagged table is exactly the seed corpus: the gold covers every statement, and nothing else."""
    from .evaluation import coded_part

    part = coded_part(statements, gold)
    return part.skipped == 0 and part.total == len(gold)


def seed_only(name: str, *, seed: bool) -> str:
    """The seed corpus's reading ``name`` (``SEED_ONLY``) under a line saying so, or a line that it is left out."""
    return f"{SEED_ONLY_HEADER}\n\n{SEED_ONLY[name]}" if seed else NOT_SEED
