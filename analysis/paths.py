"""Every path the suite uses, rooted at this file so nothing depends on the working directory."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLES = DATA / "articles"
CHROME_RULES = DATA / "chrome_rules.csv"
ACTORS = DATA / "actors.csv"
CODEBOOK = DATA / "codebook.yaml"
ANNOTATIONS = DATA / "annotations"
GOLD = ANNOTATIONS / "gold.csv"
CHALLENGE = ANNOTATIONS / "challenge.csv"
DEV_OUTLETS = ANNOTATIONS / "dev_outlets.csv"
# The dev parts of the real-genre sets (their test parts are never trained or tuned on).
REAL_GENRE_DEV = tuple(sorted(ANNOTATIONS.glob("real_genres*/gold_dev.csv")))
RESULTS = ROOT / "results"
FIGURES = ROOT / "figures"
