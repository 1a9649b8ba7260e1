"""A corpus of any size made from the seed articles, to run the notebook suite at scale.

``make_corpus(1000, folder)`` writes ``folder/0000.txt`` ... (each a copy of one seed article, in turn) and
``folder/articles.csv`` (id, outlet, date, headline): 20 outlets, dates drawn evenly over 2016-2023, one
article in 40 undated, with a fixed random seed. It is the corpus of issue 20's measurements ("the seed texts
under 20 outlets, dates spread over 2016-2023"), used by ``benchmarks/bench_reproduce.py`` and by the scale
tests. The texts repeat word for word, so nearly every paragraph is reused background: a harder case for the
reuse detector and the charts than a real archive, not an easier one.

Example:
    >>> import tempfile
    >>> folder = make_corpus(3, Path(tempfile.mkdtemp()) / "three")
    >>> sorted(p.name for p in folder.iterdir())
    ['0000.txt', '0001.txt', '0002.txt', 'articles.csv']
"""
from __future__ import annotations

import csv
import datetime
import random
from pathlib import Path

from . import paths

OUTLETS = ["TASS", "RIA Novosti", "Interfax", "Izvestia", "Kommersant", "RT", "Sputnik", "Rossiyskaya Gazeta",
           "Kyodo", "NHK", "Asahi", "Yomiuri", "Mainichi", "Nikkei", "Japan Times", "Reuters", "AP", "AFP",
           "Bloomberg", "BBC"]
FIRST_DAY = datetime.date(2016, 1, 1)
LAST_DAY = datetime.date(2023, 12, 31)
UNDATED_EVERY = 40  # one article in 40 carries no date, as in a real export
SEED = 20


def make_corpus(n_articles: int, folder: Path | str, *, seed: int = SEED,
                seeds: Path | str = paths.ARTICLES) -> Path:
    """Write ``n_articles`` articles into ``folder`` (created; it must not hold files already) and return it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise FileExistsError(f"{folder}: not empty; make_corpus writes into a new folder only")
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(seeds).glob("*.txt"))]
    rng = random.Random(seed)
    days = (LAST_DAY - FIRST_DAY).days
    width = max(4, len(str(n_articles - 1)))
    rows = []
    for i in range(n_articles):
        article_id = f"{i:0{width}d}"
        (folder / f"{article_id}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
        date = FIRST_DAY + datetime.timedelta(days=rng.randrange(days + 1))
        rows.append({"id": article_id, "outlet": rng.choice(OUTLETS),
                     "date": "" if i % UNDATED_EVERY == UNDATED_EVERY - 1 else date.isoformat()})
    with open(folder / "articles.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "outlet", "date"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder
